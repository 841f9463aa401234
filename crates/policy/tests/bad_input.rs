//! Bad input gives a clear diagnostic (or load error) naming file and line, never a panic.

use std::path::Path;

use davar_policy::{LoadError, check, load, render_site};
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

/// The one diagnostic for the file: (line, column, message).
fn single(bytes: &[u8]) -> (usize, usize, String) {
    let dir = policies_with(bytes);
    let (set, mut diagnostics) = load(dir.path()).unwrap();
    diagnostics.extend(check(&set, date(2026, 1, 1)));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(d.code, "front-matter");
    assert!(d.file.ends_with("terms/v1.en.md"));
    assert!(set.documents.is_empty(), "a broken file is left out");
    (d.line, d.column, d.message.clone())
}

#[test]
fn the_good_file_is_clean() {
    let dir = policies_with(GOOD.as_bytes());
    let (set, diagnostics) = load(dir.path()).unwrap();
    assert!(diagnostics.is_empty());
    assert!(check(&set, date(2026, 1, 1)).is_empty());
}

#[test]
fn malformed_yaml() {
    let text = GOOD.replace("title: T", "title: [unclosed");
    let (line, _, message) = single(text.as_bytes());
    assert!((5..=6).contains(&line), "line {line}: {message}");
}

#[test]
fn a_misspelt_value_gets_did_you_mean() {
    for (from, to, suggested) in [
        ("change: substantive", "change: substantiv", "substantive"),
        ("change: substantive", "change: Editorial", "editorial"),
        ("audience: consumers", "audience: consumer", "consumers"),
        (
            "audience: consumers",
            "audience: [sellers, costumers]",
            "consumers",
        ),
        (
            "change: substantive",
            "change: substantive\ndates: captued",
            "captured",
        ),
        (
            "change: substantive",
            "change: substantive\nnotice: legal-obligaton\nnotice_reason: a law",
            "legal-obligation",
        ),
    ] {
        let dir = policies_with(GOOD.replace(from, to).as_bytes());
        let (_, diagnostics) = load(dir.path()).unwrap();
        assert_eq!(diagnostics.len(), 1, "{to}: {diagnostics:#?}");
        let help = diagnostics[0].help.as_deref().unwrap_or_default();
        assert!(
            help.starts_with(&format!("did you mean `{suggested}`?")),
            "{to}: {help}"
        );
    }
    // A value far from every choice is not guessed at.
    let dir = policies_with(
        GOOD.replace("change: substantive", "change: major")
            .as_bytes(),
    );
    let (_, diagnostics) = load(dir.path()).unwrap();
    let help = diagnostics[0].help.as_deref().unwrap_or_default();
    assert!(!help.contains("did you mean"), "{help}");
}

#[test]
fn a_source_directly_in_the_policies_directory_is_reported_not_skipped() {
    let dir = policies_with(GOOD.as_bytes());
    let french = GOOD.replace("lang: en", "lang: fr");
    std::fs::write(dir.path().join("v1.fr.md"), &french).unwrap();
    std::fs::write(dir.path().join("v2.en.markdown"), "not even front matter").unwrap();
    std::fs::write(dir.path().join("README.md"), "# Our policies\n").unwrap();
    let (_, diagnostics) = load(dir.path()).unwrap();
    let found: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let file = d.file.file_name().unwrap().to_string_lossy().into_owned();
            (file, d.help.clone().unwrap_or_default())
        })
        .collect();
    assert_eq!(found.len(), 2, "{diagnostics:#?}");
    assert!(
        found.contains(&(
            "v1.fr.md".into(),
            "move it to `terms/v1.fr.md` (its front matter's `id`)".into()
        )),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(file, help)| file == "v2.en.markdown" && help.contains("`terms/v2.en.md`")),
        "{found:?}"
    );
}

#[test]
fn a_version_numbered_zero_or_too_large_is_named() {
    for (name, expected) in [
        ("v0.en.md", "numbered from 1"),
        ("v99999999999999999999.en.md", "too large"),
    ] {
        let dir = policies_with(GOOD.as_bytes());
        std::fs::write(dir.path().join("terms").join(name), GOOD).unwrap();
        let (_, diagnostics) = load(dir.path()).unwrap();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert!(
            diagnostics[0].message.contains(expected),
            "{:?}",
            diagnostics[0]
        );
    }
}

#[test]
fn missing_front_matter_fence() {
    let (line, column, message) = single(GOOD.trim_start_matches("---\n").as_bytes());
    assert_eq!((line, column), (1, 1));
    assert!(message.contains("first line must be `---`"), "{message}");
    let unclosed = GOOD.replacen("---\n\n## A", "\n## A", 1);
    assert!(single(unclosed.as_bytes()).2.contains("never closed"));
}

#[test]
fn non_utf8_bytes() {
    let mut bytes = GOOD.as_bytes().to_vec();
    let at = GOOD.find("Text.").unwrap();
    bytes.splice(at..at, [0xff, 0xfe]);
    let (line, column, message) = single(&bytes);
    assert_eq!((line, column), (16, 1));
    assert!(message.contains("invalid UTF-8"), "{message}");
}

#[test]
fn control_characters_are_named_at_the_first_and_the_version_still_loads() {
    for (inserted, code_point, count, help) in [
        ("Hidden\0NUL.", "U+0000", "the only one", "UTF-16"),
        (
            "Line\u{b}break and\u{b}another.",
            "U+000B",
            "2 in the file",
            "line break",
        ),
        (
            "Bell\u{7} and escape\u{1b}[0m.",
            "U+0007",
            "2 in the file",
            "delete it",
        ),
        (
            "The seller\u{92}s address.",
            "U+0092",
            "the only one",
            "Windows-1252's `’`",
        ),
    ] {
        let text = GOOD.replace("Text.", inserted);
        let dir = policies_with(text.as_bytes());
        let (set, diagnostics) = load(dir.path()).unwrap();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!((d.code, d.line), ("control-character", 16), "{d:#?}");
        assert!(d.column > 1, "{d:#?}");
        assert!(
            d.message.contains(code_point) && d.message.contains(count),
            "{d:#?}"
        );
        assert!(
            d.help.as_deref().is_some_and(|h| h.contains(help)),
            "{d:#?}"
        );
        assert_eq!(set.documents.len(), 1, "the version is still checked");
    }
    // Tabs and both kinds of line ending are text.
    let text = GOOD
        .replace("Text.", "Tab\there.\r\nNext line.")
        .replace('\n', "\r\n");
    let dir = policies_with(text.as_bytes());
    assert!(load(dir.path()).unwrap().1.is_empty());
}

#[test]
fn empty_file() {
    let (line, _, message) = single(b"");
    assert_eq!(line, 1);
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn ten_megabyte_file() {
    let mut text = GOOD.to_string();
    let paragraph = "A long paragraph of policy text that goes on. ".repeat(20) + "\n\n";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&paragraph);
    }
    let (line, _, message) = single(text.as_bytes());
    assert_eq!(line, 0);
    assert!(message.contains("limit for this kind of file"), "{message}");
}

#[test]
fn bad_dates_and_mismatched_file_names_point_at_the_key() {
    let text = GOOD.replace("effective: 2025-01-02", "effective: 2025-02-30");
    let (line, column, message) = single(text.as_bytes());
    assert_eq!((line, column), (8, 12));
    assert!(message.contains("not a valid date"), "{message}");
    let text = GOOD.replace("version: 1", "version: 2");
    let (line, _, message) = single(text.as_bytes());
    assert_eq!(line, 6);
    assert!(
        message.contains("does not match the file name"),
        "{message}"
    );
}

#[test]
fn missing_or_broken_site_yaml_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        load(dir.path()),
        Err(LoadError::MissingSite { .. })
    ));
    std::fs::write(dir.path().join("site.yaml"), format!("{SITE}colour: red\n")).unwrap();
    let err = load(dir.path()).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("site.yaml:6:1: unknown field `colour`"),
        "{message}"
    );
    assert!(matches!(
        load(Path::new("/nonexistent/policies")),
        Err(LoadError::ReadDir { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Arbitrary bodies after a valid front matter load, check and render without panicking.
    #[test]
    fn arbitrary_bodies_never_panic(body in "(\\PC|\n|#|\\{|\\}|\\[|\\]|\\(|\\)|@|:|`|<|>|-){0,400}") {
        let dir = policies_with(format!("{}{body}", GOOD.split("\n## A").next().unwrap()).as_bytes());
        let (set, _) = load(dir.path()).unwrap();
        let _ = check(&set, date(2026, 1, 1));
        prop_assert!(render_site(&set, date(2026, 1, 1), None).is_ok());
    }

    /// Arbitrary bytes as a whole file never panic the loader.
    #[test]
    fn arbitrary_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let dir = policies_with(&bytes);
        let (set, _) = load(dir.path()).unwrap();
        let _ = check(&set, date(2026, 1, 1));
    }
}

#[test]
fn an_unknown_audience_is_underlined() {
    let text = GOOD.replace("audience: consumers", "audience: [consumers, robots]");
    let (line, column, message) = single(text.as_bytes());
    assert_eq!((line, column), (9, 23));
    assert_eq!(message, "unknown audience `robots`");
}

/// A policies directory whose terms have version 1 and a substantive version 2 published and
/// in force on the same day, with `extra` front matter lines in version 2.
fn same_day_change(extra: &str) -> Vec<davar_policy::Diagnostic> {
    let dir = policies_with(GOOD.as_bytes());
    std::fs::write(
        dir.path().join("site.yaml"),
        format!("{SITE}notice_days: {{ consumers: 0, sellers: 15 }}\n"),
    )
    .unwrap();
    let v2 = GOOD
        .replace("version: 1", "version: 2")
        .replace("published: 2025-01-01", "published: 2025-06-01")
        .replace("effective: 2025-01-02", "effective: 2025-06-01")
        .replace("audience: consumers", "audience: [consumers, sellers]")
        .replace(
            "change: substantive\n",
            &format!("change: substantive\n{extra}"),
        )
        .replace("Text.", "Text, longer.");
    std::fs::write(dir.path().join("terms/v2.en.md"), v2).unwrap();
    let (set, mut diagnostics) = load(dir.path()).unwrap();
    diagnostics.extend(check(&set, date(2026, 1, 1)));
    diagnostics
}

#[test]
fn a_change_made_to_comply_with_the_law_owes_no_notice_and_says_why() {
    let owed = same_day_change("");
    assert!(
        owed.iter()
            .any(|d| d.code == "notice-period" && d.message.contains("sellers are owed 15 days")),
        "{owed:#?}"
    );
    let exempt = same_day_change(
        "notice: legal-obligation\nnotice_reason: the appeal window must last six months\n",
    );
    assert!(exempt.is_empty(), "{exempt:#?}");
    let no_reason = same_day_change("notice: legal-obligation\n");
    assert!(
        no_reason.iter().any(|d| d.code == "front-matter"
            && d.line == 11
            && d.message.contains("needs a `notice_reason`")),
        "{no_reason:#?}"
    );
    let blank_reason = same_day_change("notice: legal-obligation\nnotice_reason: \"  \"\n");
    assert!(
        blank_reason
            .iter()
            .any(|d| d.code == "front-matter" && d.message.contains("needs a `notice_reason`")),
        "{blank_reason:#?}"
    );
    let stray_reason = same_day_change("notice_reason: a law\n");
    assert!(
        stray_reason
            .iter()
            .any(|d| d.code == "front-matter" && d.message.contains("version owes notice")),
        "{stray_reason:#?}"
    );
    let unknown = same_day_change("notice: waived\nnotice_reason: x\n");
    assert!(
        unknown
            .iter()
            .any(|d| d.code == "front-matter" && d.message.contains("found `waived`")),
        "{unknown:#?}"
    );
}

/// Every word of the list-announcement vocabulary, with the punctuation of the four languages
/// and the Markdown that starts lists and paragraphs.
fn vocabulary_tokens() -> Vec<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/empty_list/announcing.txt");
    let text = std::fs::read_to_string(file).unwrap();
    let mut tokens: Vec<String> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split('|').nth(2))
        .flat_map(|phrase| phrase.split_whitespace().map(str::to_string))
        .collect();
    tokens.sort();
    tokens.dedup();
    assert!(tokens.len() > 100, "the vocabulary was read");
    tokens
}

const PUNCTUATION: &[&str] = &[
    ",", ";", "،", "؛", ":", "：", ".", "!", "?", "؟", "«", "»", "„", "“", "”", "'", "’", "\n\n",
    "\n\n- ", "\n\n1. ", "**", "(", ")", "۱۲", "12", "2026", "‌", "\u{200f}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Sentences made of the announcement vocabulary's own words, commas and colons of every
    /// script among them, check and render without panicking in every language.
    #[test]
    fn sentences_of_the_vocabulary_never_panic(
        paragraphs in proptest::collection::vec(
            (
                proptest::collection::vec((0..4u8, any::<prop::sample::Index>()), 1..16),
                prop::sample::select(vec![":", ".", "", "؟"]),
            ),
            1..5,
        ),
        lang in prop::sample::select(vec!["en", "fr", "de", "fa"]),
    ) {
        let words = vocabulary_tokens();
        let mut body = String::from("## A {#a}\n\n");
        for (tokens, end) in paragraphs {
            let mut paragraph: Vec<&str> = tokens
                .iter()
                .map(|(kind, index)| match kind {
                    0 => PUNCTUATION[index.index(PUNCTUATION.len())],
                    _ => words[index.index(words.len())].as_str(),
                })
                .collect();
            paragraph.push(end);
            body.push_str(&paragraph.join(" "));
            body.push_str("\n\n");
        }
        let front = GOOD.split("\n## A").next().unwrap().replace("lang: en", &format!("lang: {lang}"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            SITE.replace("languages: [en]", "languages: [en, fr, de, fa]"),
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("terms")).unwrap();
        std::fs::write(dir.path().join(format!("terms/v1.{lang}.md")), format!("{front}{body}")).unwrap();
        let (set, _) = load(dir.path()).unwrap();
        let _ = check(&set, date(2026, 1, 1));
        prop_assert!(render_site(&set, date(2026, 1, 1), None).is_ok());
    }
}
