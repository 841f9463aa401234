//! One invalid fixture set per check code (`tests/fixtures/policy/invalid/<code>/`), each with
//! its exact diagnostics as a snapshot; and the valid fixture set, which must be clean.

use std::path::{Path, PathBuf};

use davar_policy::{Severity, check, load};
use jiff::civil::date;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/policy")
}

/// Loads and checks a fixture set; returns the human rendering with paths relative to it.
fn diagnose(dir: &Path) -> (Vec<davar_policy::Diagnostic>, String) {
    let (set, mut diagnostics) = load(dir).expect("fixture loads");
    diagnostics.extend(check(&set, date(2026, 1, 10)));
    let prefix = format!("{}/", dir.display());
    let rendered: String = diagnostics
        .iter()
        .map(|d| d.render_human(set.source_of(&d.file)).replace(&prefix, ""))
        .collect::<Vec<_>>()
        .join("\n");
    (diagnostics, rendered)
}

#[test]
fn valid_fixture_has_no_diagnostics() {
    let (diagnostics, rendered) = diagnose(&fixtures().join("valid"));
    assert!(diagnostics.is_empty(), "{rendered}");
}

const CODES: &[&str] = &[
    "front-matter",
    "version-order",
    "notice-period",
    "duplicate-clause",
    "broken-link",
    "placeholder",
    "empty-list",
    "foreign-brand",
    "translation-mismatch",
];

#[test]
fn every_check_code_has_a_failing_fixture() {
    for code in CODES {
        let (diagnostics, rendered) = diagnose(&fixtures().join("invalid").join(code));
        assert!(
            diagnostics
                .iter()
                .all(|d| d.code == *code && d.severity == Severity::Error),
            "{code}: only `{code}` errors expected, got:\n{rendered}"
        );
        assert!(!diagnostics.is_empty(), "{code}: no diagnostic");
        insta::assert_snapshot!(format!("invalid-{code}"), rendered);
    }
}

#[test]
fn json_form_has_the_documented_fields() {
    let (diagnostics, _) = diagnose(&fixtures().join("invalid/placeholder"));
    let json = serde_json::to_value(&diagnostics[0]).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "code", "column", "file", "help", "line", "message", "severity"
        ]
    );
    assert_eq!(json["line"], 18);
    assert_eq!(json["column"], 10);
}
