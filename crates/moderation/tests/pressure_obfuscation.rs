//! Obfuscation invariants: a phone number, e-mail address or link that is detected stays
//! detected when ZWNJ, kashida or other invisible characters, spaces, or Persian/Arabic-Indic
//! digits are slipped into it.

use crate::pressure_common;

use davar_moderation::Kind;
use pressure_common::{INVISIBLE, codes, comment, digit, moderate};
use proptest::prelude::*;

/// Whether a comment whose body is `lead + contact + tail` reports `family`.
fn detected(contact: &str, family: &str) -> bool {
    let body = format!("محصول خوبیه، برای خرید عمده پیام بدید {contact} ممنون");
    let result = moderate(&comment(Kind::Review, "fa", Some("خوب"), &body));
    codes(&result).iter().any(|c| c.starts_with(family))
}

/// A mobile number as ten or eleven ASCII digits.
fn mobile() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["912", "935", "901", "990", "919", "938", "921"]),
        0u32..10_000_000,
    )
        .prop_map(|(prefix, rest)| format!("0{prefix}{rest:07}"))
}

/// Rewrites `text`: digits into scripts chosen by `scripts`, and after the i-th character
/// (i in `at`) inserts `insert`.
fn obfuscate(text: &str, scripts: &[u8], at: &[usize], insert: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => out.push(digit(d, scripts[i % scripts.len()])),
            _ => out.push(c),
        }
        if at.contains(&i) && i + 1 < text.chars().count() {
            out.push_str(insert);
        }
    }
    out
}

fn separator() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(INVISIBLE.to_vec()).prop_map(String::from),
        Just(" ".to_owned()),
        Just("-".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn phone_stays_detected(
        number in mobile(),
        scripts in prop::collection::vec(0u8..3, 1..4),
        at in prop::collection::vec(0usize..11, 0..4),
        insert in separator(),
    ) {
        prop_assume!(detected(&number, "contacts/phone"));
        let hidden = obfuscate(&number, &scripts, &at, &insert);
        prop_assert!(detected(&hidden, "contacts/phone"), "{number} hidden as {hidden:?} escaped");
    }

    #[test]
    fn email_stays_detected(
        user in prop::sample::select(vec!["sara.k", "nima1990", "shop_teh", "ali22"]),
        host in prop::sample::select(vec!["gmail.com", "yahoo.com", "chmail.ir", "outlook.com"]),
        scripts in prop::collection::vec(0u8..3, 1..3),
        at in prop::collection::vec(0usize..20, 0..4),
        insert in prop::sample::select(INVISIBLE.to_vec()),
    ) {
        let email = format!("{user}@{host}");
        prop_assume!(detected(&email, "contacts/"));
        let hidden = obfuscate(&email, &scripts, &at, &insert.to_string());
        prop_assert!(detected(&hidden, "contacts/"), "{email} hidden as {hidden:?} escaped");
    }

    #[test]
    fn link_stays_detected(
        link in prop::sample::select(vec!["www.arzanbazar.ir", "shop24.ir", "https://example-shop.com/p/12", "t.me/offshop", "kala98.com"]),
        scripts in prop::collection::vec(0u8..3, 1..3),
        at in prop::collection::vec(0usize..20, 0..4),
        insert in prop::sample::select(INVISIBLE.to_vec()),
    ) {
        prop_assume!(detected(link, "links/") || detected(link, "contacts/"));
        let hidden = obfuscate(link, &scripts, &at, &insert.to_string());
        prop_assert!(detected(&hidden, "links/") || detected(&hidden, "contacts/"), "{link} hidden as {hidden:?} escaped");
    }

    #[test]
    fn spaced_link_stays_detected(
        name in prop::sample::select(vec!["arzanbazar", "kala98", "offshop"]),
        tld in prop::sample::select(vec!["ir", "com"]),
        spaces in prop::sample::select(vec![" . ", " .", ". ", "  .  "]),
    ) {
        let plain = format!("www.{name}.{tld}");
        prop_assume!(detected(&plain, "links/"));
        let spaced = plain.replace('.', spaces);
        prop_assert!(detected(&spaced, "links/"), "{plain} spaced as {spaced:?} escaped");
    }
}
