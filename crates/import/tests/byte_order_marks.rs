//! Byte-order marks and empty captures through the whole import: an Open Terms Archive history
//! read with git, written as sources and loaded back by `davar_policy::load`, and a
//! hand-written source that starts with a byte-order mark.

use std::path::Path;

mod common;
use common::{capture, git};

use davar_import::{LanguageBasis, Options, SiteDefaults, files, ota};

const TEXT: &str = "These terms apply to every order that a customer places in our shop. We deliver the goods within five working days, and a customer may return them within fourteen days of delivery without giving any reason for the return. Refunds are paid within fourteen days.";

/// The clause headings of every version of `doc` loaded from `dir`.
fn headings(dir: &Path, doc: &str) -> Vec<Vec<String>> {
    let (set, diagnostics) = davar_policy::load(dir).unwrap();
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == davar_policy::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    set.document(doc)
        .unwrap_or_else(|| panic!("{doc} loaded"))
        .versions
        .iter()
        .map(|v| v.clauses.iter().map(|c| c.heading.clone()).collect())
        .collect()
}

#[test]
fn archived_captures_lose_their_mark_and_captures_without_text_are_left_out() {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    capture(
        repo.path(),
        format!("\u{feff}# Terms\n\n{TEXT}\n").as_bytes(),
        "first",
    );
    capture(repo.path(), b"\n\n---\n\n", "markup only");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in format!("# Terms\n\n{TEXT} Fees are shown.\n").encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    capture(repo.path(), &utf16, "utf-16");
    let docs = ota::read(repo.path(), &["Shop".into()], None).unwrap();
    let doc = davar_import::from_ota(&docs[0], "versions", &Options::default());
    assert_eq!(doc.versions.len(), 2, "{:?}", doc.versions);
    assert_eq!(doc.lang, "en");
    assert!(matches!(doc.language, LanguageBasis::LittleText { .. }));
    for v in &doc.versions {
        assert!(v.body.starts_with("# Terms\n"), "{:?}", v.body);
    }
    let out = tempfile::tempdir().unwrap();
    davar_import::write(out.path(), &[doc], &SiteDefaults::default(), false).unwrap();
    assert_eq!(
        headings(out.path(), "shop-terms-of-service"),
        [vec!["Terms".to_string()], vec!["Terms".to_string()]]
    );
}

#[test]
fn an_imported_file_with_a_mark_keeps_its_first_heading() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("terms.md");
    std::fs::write(&file, format!("\u{feff}# Terms\n\n{TEXT}\n")).unwrap();
    let doc = files::read(
        &files::FileDocument {
            id: "terms".into(),
            doc_type: "Terms of Service".into(),
            title: None,
            files: vec![file],
            dates: vec![jiff::civil::Date::constant(2026, 1, 1)],
        },
        &Options::default(),
    )
    .unwrap();
    let out = dir.path().join("policies");
    davar_import::write(&out, &[doc], &SiteDefaults::default(), false).unwrap();
    let written = std::fs::read_to_string(out.join("terms/v1.en.md")).unwrap();
    assert!(!written.contains('\u{feff}'), "{written}");
    assert_eq!(headings(&out, "terms"), [vec!["Terms".to_string()]]);
}

#[test]
fn a_hand_written_source_with_a_mark_before_its_front_matter_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        "marketplace:\n  name: { en: Shop }\n  brands: [Shop]\nbase_url: https://policies.shop.example\nlanguages: [en]\nbinding_language: en\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("terms")).unwrap();
    std::fs::write(
        dir.path().join("terms/v1.en.md"),
        format!(
            "\u{feff}---\nid: terms\ntype: Terms of Service\nlang: en\ntitle: Terms\nversion: 1\npublished: 2026-01-01\neffective: 2026-01-01\nchange: substantive\nsummary: First version.\naudience: [consumers]\n---\n# Terms {{#terms}}\n\n{TEXT}\n"
        ),
    )
    .unwrap();
    assert_eq!(headings(dir.path(), "terms"), [vec!["Terms".to_string()]]);
}
