//! Arbitrary policy text never panics the obligation checks or `rules.json`; a policy without
//! obligation blocks is clean and publishes an empty `rules.json` beside its schema.

use davar_policy::load;
use jiff::civil::date;
use proptest::prelude::*;

const SITE: &str = "marketplace:\n  name: { en: Shop }\nbase_url: https://shop.example\nlanguages: [en]\nbinding_language: en\n";
const GOOD: &str = "---\nid: terms\ntype: Terms of Service\nlang: en\ntitle: T\nversion: 1\npublished: 2025-01-01\neffective: 2025-01-02\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n## A {#a}\n\nText.\n";

/// A policies directory with site.yaml and `terms/v1.en.md` holding `bytes`.
fn policies_with(bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    std::fs::create_dir(dir.path().join("terms")).unwrap();
    std::fs::write(dir.path().join("terms/v1.en.md"), bytes).unwrap();
    dir
}

#[test]
fn a_policy_without_obligations_is_clean_and_publishes_both_files() {
    let dir = policies_with(GOOD.as_bytes());
    let (set, _) = load(dir.path()).unwrap();
    assert!(davar_obligation::checks(&set, date(2026, 1, 1), None).is_empty());
    let files = davar_obligation::site_files(&set, date(2026, 1, 1));
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["rules.json", "rules.schema.json"]);
    let rules: serde_json::Value = serde_json::from_slice(&files[0].1).unwrap();
    assert_eq!(
        rules,
        davar_obligation::obligations_json(&set, date(2026, 1, 1))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Arbitrary bodies after a valid front matter go through every obligation check and
    /// `rules.json` without panicking.
    #[test]
    fn arbitrary_bodies_never_panic(body in "(\\PC|\n|#|\\{|\\}|\\[|\\]|\\(|\\)|@|:|`|<|>|-){0,400}") {
        let dir = policies_with(format!("{}{body}", GOOD.split("\n## A").next().unwrap()).as_bytes());
        let (set, _) = load(dir.path()).unwrap();
        let _ = davar_obligation::checks(&set, date(2026, 1, 1), None);
        let _ = davar_obligation::site_files(&set, date(2026, 1, 1));
    }

    /// Arbitrary obligation blocks under a clause never panic the checks.
    #[test]
    fn arbitrary_obligation_blocks_never_panic(block in "(\\PC|\n|:|-|\\[|\\]){0,200}") {
        let text = format!("{GOOD}\n```obligation\n{block}\n```\n");
        let dir = policies_with(text.as_bytes());
        let (set, _) = load(dir.path()).unwrap();
        let _ = davar_obligation::checks(&set, date(2026, 1, 1), None);
        let _ = davar_obligation::obligations_json(&set, date(2026, 1, 1));
    }
}
