//! Checks on the shapes of real documents, each on a fixture of our own writing under
//! `tests/fixtures/policy/`: a front-matter error reported once without cascading, corporate
//! groups and proper-name spelling for `foreign-brand`, lists written inline after a colon.

use std::path::{Path, PathBuf};

use davar_policy::{Diagnostic, Severity, load};
use jiff::civil::date;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/policy")
        .join(name)
}

/// Every error and warning of loading and checking the fixture, as `file:line code message`.
fn findings(name: &str) -> Vec<String> {
    let dir = fixture(name);
    let (set, mut diagnostics) = load(&dir).expect("the fixture loads");
    diagnostics.extend(davar_policy::check(&set, date(2026, 1, 10)));
    diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Hint)
        .map(|d: &Diagnostic| {
            let file = d
                .file
                .strip_prefix(&dir)
                .unwrap_or(&d.file)
                .display()
                .to_string();
            let help = d.help.as_deref().unwrap_or_default();
            format!("{file}:{} {} {} ({help})", d.line, d.code, d.message)
        })
        .collect()
}

#[test]
fn a_front_matter_error_is_reported_once_and_leaves_the_version_order_alone() {
    let found = findings("cascade");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("terms/v2.en.md:"), "{found:#?}");
    assert!(found[0].contains(" front-matter "), "{found:#?}");
    assert!(found[0].contains("did you mean `effective`"), "{found:#?}");
}

#[test]
fn group_brands_lower_case_words_and_inline_lists_are_not_reported() {
    let found = findings("groups");
    let codes: Vec<&str> = found
        .iter()
        .map(|f| f.split(' ').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(codes, ["foreign-brand", "foreign-brand"], "{found:#?}");
    assert!(found[0].contains("`Megamart`"), "{found:#?}");
    assert!(found[1].contains("`Temu`"), "{found:#?}");
}
