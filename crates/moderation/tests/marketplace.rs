//! The marketplace's identity comes from the caller (`site.yaml` through the compile
//! pipeline): the same rules judge the same review differently for two marketplaces.

use crate::common;

use davar_moderation::{Engine, Marketplace, MemoryStore, NoClauses, RuleSources};

fn engine_for(marketplace: Marketplace) -> Engine {
    let mut sources = RuleSources::read_dir(&common::rules_dir()).expect("rules readable");
    sources.set_marketplace(marketplace);
    Engine::new(&sources, &NoClauses).expect("rules compile")
}

fn digikala() -> Marketplace {
    Marketplace::from_site(
        ["Digikala", "دیجی‌کالا"],
        ["Digikala", "دیجی‌کالا", "digikala.com"],
        "https://www.digikala.com",
    )
}

fn codes(engine: &Engine, body: &str) -> Vec<(String, String)> {
    let result = engine
        .moderate(&common::review(body), &MemoryStore::new())
        .expect("moderates");
    result
        .violations
        .into_iter()
        .filter(|v| v.code.starts_with("placement/") || v.code.starts_with("links/"))
        .map(|v| (v.code, v.text))
        .collect()
}

#[test]
fn the_home_site_is_never_another_store_in_any_spelling() {
    let home = engine_for(digikala());
    for body in [
        "از دیجی‌کالا خریدم و راضی‌ام",
        "از دیجی کالا خریدم و راضی‌ام",
        "از دیجیکالا خریدم و راضی‌ام",
        "ممنون از digikala بابت ارسال سریع",
        "ممنون از Digi Kala بابت ارسال سریع",
        "ممنون از digikaala بابت ارسال سریع",
        "ممنون از d1gikala بابت ارسال سریع",
        "ممنون از digkala بابت ارسال سریع",
        "ممنون از دیحی کالا بابت ارسال سریع",
        "همیشه از دیجی خرید می‌کنم، ارسالش سریعه",
    ] {
        assert_eq!(codes(&home, body), [], "{body}");
    }
    // The same review on another marketplace names a competitor.
    let other = common::engine();
    assert_eq!(
        codes(other, "از دیجی کالا خریدم و راضی‌ام"),
        [("placement/other-store".to_owned(), "دیجی کالا".to_owned())]
    );
    // `دیجی`, the slang for Digikala, is the competitor's name there near a word of buying.
    assert_eq!(
        codes(other, "همیشه از دیجی خرید می‌کنم، ارسالش سریعه"),
        [("placement/other-store".to_owned(), "دیجی".to_owned())]
    );
}

#[test]
fn other_stores_are_still_other_stores_for_the_home_site() {
    let home = engine_for(digikala());
    assert_eq!(
        codes(&home, "تو دیجی‌کالا گرون‌تره، از بامیلو بخرید"),
        [("placement/other-store".to_owned(), "بامیلو".to_owned())]
    );
}

#[test]
fn links_to_the_home_site_are_its_own_rule_and_other_links_stay_links() {
    let home = engine_for(digikala());
    assert_eq!(
        codes(&home, "مدل بعدی: https://www.digikala.com/product/dkp-1234"),
        [(
            "links/own-site".to_owned(),
            "https://www.digikala.com/product/dkp-1234".to_owned()
        )]
    );
    assert_eq!(
        codes(&home, "ارزان‌ترش در digikala-offers.com هست"),
        [("links/url".to_owned(), "digikala-offers.com".to_owned())]
    );
    // Without a marketplace the same domain is an ordinary link.
    let unknown = engine_for(Marketplace::default());
    let links: Vec<_> = codes(
        &unknown,
        "مدل بعدی: https://www.digikala.com/product/dkp-1234",
    )
    .into_iter()
    .filter(|(code, _)| code.starts_with("links/"))
    .collect();
    assert_eq!(
        links,
        [(
            "links/url".to_owned(),
            "https://www.digikala.com/product/dkp-1234".to_owned()
        )]
    );
}
