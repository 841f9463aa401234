//! End-to-end: the marketplace's identity comes from `site.yaml` alone, and every storefront
//! language gets messages and clause links in its own language, through `davar moderate` and
//! `POST /v1/moderate`.

use std::path::Path;
use std::process::Command;

use crate::server_support::{Server, has_code, post_json};
use davar_tests::{copy_dir, davar_bin, repo_root};
use serde_json::{Value, json};

/// The repository's policies with `site.yaml` describing another marketplace (Digikala):
/// nothing else changes.
fn other_marketplace(dir: &Path) -> std::path::PathBuf {
    let policies = dir.join("policies");
    copy_dir(&repo_root().join("policies"), &policies).expect("copy policies");
    let site = std::fs::read_to_string(policies.join("site.yaml")).expect("site.yaml");
    let site = site
        .replace(
            "name: { en: Chaharsu, fr: Chaharsu, de: Chaharsu, fa: چهارسو }",
            "name: { en: Digikala, fr: Digikala, de: Digikala, fa: دیجی‌کالا }",
        )
        .replace(
            "brands: [Chaharsu, چهارسو, chaharsu.example]",
            "brands: [Digikala, دیجی‌کالا, digikala.com]",
        )
        .replace(
            "https://policies.chaharsu.example",
            "https://policies.digikala.com",
        )
        .replace("foreign_brands: [Digikala, دیجی‌کالا, ", "foreign_brands: [");
    assert!(
        site.contains("دیجی‌کالا, digikala.com"),
        "site.yaml changed shape:\n{site}"
    );
    std::fs::write(policies.join("site.yaml"), site).expect("write site.yaml");
    policies
}

fn moderate(policies: &Path, lang: &str, body: &str) -> Value {
    let out = Command::new(davar_bin())
        .current_dir(repo_root())
        .args(["--policies", policies.to_str().unwrap(), "--rules", "rules"])
        .args([
            "moderate", "--format", "json", "--title", "title", "--lang", lang,
        ])
        .args(["--text", body])
        .output()
        .expect("davar runs");
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON result")
}

fn violation<'a>(result: &'a Value, code: &str) -> Option<&'a Value> {
    result["violations"]
        .as_array()?
        .iter()
        .find(|v| v["code"] == code)
}

const REVIEW: &str = "از دیجی کالا خریدم، مدل بعدی هم digikala.com/product/1 هست";

#[test]
fn davar_moderate_knows_which_marketplace_it_works_for_from_site_yaml() {
    let here = repo_root().join("policies");
    let result = moderate(&here, "fa", REVIEW);
    assert_eq!(
        violation(&result, "placement/other-store").map(|v| &v["text"]),
        Some(&json!("دیجی کالا")),
        "{result}"
    );
    assert!(violation(&result, "links/url").is_some(), "{result}");

    let dir = tempfile::tempdir().unwrap();
    let home = other_marketplace(dir.path());
    let result = moderate(&home, "fa", REVIEW);
    assert!(
        violation(&result, "placement/other-store").is_none(),
        "{result}"
    );
    assert!(violation(&result, "links/url").is_none(), "{result}");
    assert_eq!(
        violation(&result, "links/own-site").map(|v| &v["text"]),
        Some(&json!("digikala.com/product/1")),
        "{result}"
    );
    assert_eq!(result["verdict"], "review", "{result}");
}

#[test]
fn each_storefront_gets_its_own_language_and_english_stands_in_for_missing_pages() {
    let policies = repo_root().join("policies");
    let cases = [
        (
            "en",
            "It was 20 bucks cheaper on eBay",
            "Names or addresses of other shops",
        ),
        (
            "fr",
            "Je l'ai vu moins cher sur Leboncoin",
            "Les noms ou adresses d'autres boutiques",
        ),
        (
            "de",
            "Bei MediaMarkt war er billiger",
            "Namen oder Adressen anderer Shops",
        ),
        ("fa", "تو دیجی‌کالا ارزون‌تره", "نام یا نشانی فروشگاه دیگر"),
    ];
    for (lang, body, message) in cases {
        let result = moderate(&policies, lang, body);
        let v = violation(&result, "placement/other-store")
            .unwrap_or_else(|| panic!("{lang}: no other-store in {result}"));
        let localized = v["localized"].as_str().expect("localized");
        assert!(localized.starts_with(message), "{lang}: {localized}");
        // The terms exist in fa and en: a French or German reader gets the English page.
        let page = if lang == "fa" {
            "/fa/terms/"
        } else {
            "/en/terms/"
        };
        let clause = v["clause"].as_str().expect("clause");
        assert!(clause.starts_with(page), "{lang}: {clause}");
    }
}

#[test]
fn post_moderate_uses_the_same_identity_and_languages() {
    let dir = tempfile::tempdir().unwrap();
    let home = other_marketplace(dir.path());
    let server = Server::start(&["--store", "memory:", "--policies", home.to_str().unwrap()]);
    let url = format!("{}/v1/moderate", server.url);
    let reply = post_json(&url, &json!({"title": "خوب", "body": REVIEW}), None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let result = reply.json();
    assert!(!has_code(&result, "placement/other-store"), "{result}");
    assert!(has_code(&result, "links/own-site"), "{result}");

    let german = json!({"title": "Gut", "body": "Bei MediaMarkt war er billiger", "lang": "de"});
    let result = post_json(&url, &german, None).json();
    let v = violation(&result, "placement/other-store").expect("other-store");
    assert_eq!(
        v["localized"],
        "Namen oder Adressen anderer Shops sind nicht erlaubt."
    );
    assert!(
        v["message"]["fr"].is_string() && v["message"]["en"].is_string(),
        "{v}"
    );
    assert!(server.stop().success());
}
