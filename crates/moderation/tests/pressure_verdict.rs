//! The verdict never improves when a violation is added: appending a phone number, an e-mail
//! address or a link to any review (honest or not) gives a verdict at least as bad as before,
//! and never `approve`.

use crate::pressure_common;

use davar_moderation::{Kind, Verdict};
use pressure_common::{HONEST_EN, HONEST_FA, codes, comment, digit, moderate};
use proptest::prelude::*;

/// A contact or link that the review rules reject, and the family that must report it.
fn violation() -> impl Strategy<Value = (String, &'static str)> {
    let mobile = (
        prop::sample::select(vec!["912", "935", "901", "990", "919", "938"]),
        0u32..10_000_000,
        0u8..3,
    )
        .prop_map(|(prefix, rest, script)| {
            let number = format!("0{prefix}{rest:07}");
            let text: String = number
                .chars()
                .map(|c| digit(c.to_digit(10).unwrap_or(0), script))
                .collect();
            (text, "contacts/")
        });
    let email = (
        prop::sample::select(vec!["sara", "m.karimi", "shop_ali", "nima1990"]),
        prop::sample::select(vec!["gmail.com", "yahoo.com", "chmail.ir"]),
    )
        .prop_map(|(user, host)| (format!("{user}@{host}"), "contacts/"));
    let link = prop::sample::select(vec![
        "www.arzanbazar.ir",
        "https://example-shop.com/p/12",
        "t.me/offshop",
        "instagram.com/some.page",
    ])
    .prop_map(|l| (l.to_owned(), "links/"));
    prop_oneof![mobile, email, link]
}

fn base(lang: &'static str) -> impl Strategy<Value = String> {
    let pool = if lang == "fa" { HONEST_FA } else { HONEST_EN };
    prop::collection::vec(prop::sample::select(pool), 1..4).prop_map(|v| v.join(". "))
}

fn check(
    lang: &'static str,
    title: &str,
    text: &str,
    (extra, family): &(String, &str),
    joiner: &str,
) -> Result<(), TestCaseError> {
    let before = moderate(&comment(Kind::Review, lang, Some(title), text));
    let worse = format!("{text}{joiner}{extra}");
    let after = moderate(&comment(Kind::Review, lang, Some(title), &worse));
    prop_assert!(
        after.verdict >= before.verdict,
        "{:?} -> {:?} after adding {extra:?}",
        before.verdict,
        after.verdict
    );
    prop_assert_ne!(after.verdict, Verdict::Approve);
    prop_assert!(
        codes(&after).iter().any(|c| c.starts_with(family)),
        "{extra:?} not reported as {family}*: {:?}",
        codes(&after)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn persian_review_never_improves_with_a_contact(text in base("fa"), v in violation(), joiner in prop::sample::select(vec![" ", ". شماره: ", "\n", " آیدی "])) {
        check("fa", "راضی هستم", &text, &v, joiner)?;
    }

    #[test]
    fn english_review_never_improves_with_a_contact(text in base("en"), v in violation(), joiner in prop::sample::select(vec![" ", ". Call me: ", "\n"])) {
        check("en", "Happy with it", &text, &v, joiner)?;
    }
}
