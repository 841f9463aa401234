//! `duration-mismatch` on the durations fixture (`tests/fixtures/obligation/durations`): a
//! duration repeated in one clause is one finding, clock times are no durations, and a
//! document without obligation blocks gets one hint instead of an error per duration.

use std::path::Path;

use davar_policy::{Severity, load};
use jiff::civil::date;

#[test]
fn one_finding_per_clause_and_duration_and_one_hint_for_a_document_without_blocks() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/obligation/durations");
    let (set, load_problems) = load(&dir).expect("the fixture loads");
    assert!(load_problems.is_empty(), "{load_problems:?}");
    let found: Vec<_> = davar_obligation::checks(&set, date(2026, 1, 10), None)
        .into_iter()
        .filter(|d| d.code == "duration-mismatch")
        .collect();
    let shown: Vec<String> = found
        .iter()
        .map(|d| {
            let file = d
                .file
                .strip_prefix(&dir)
                .unwrap_or(&d.file)
                .display()
                .to_string();
            format!("{file}:{} {} {}", d.line, d.severity.as_str(), d.message)
        })
        .collect();
    assert_eq!(found.len(), 2, "{shown:#?}");
    let error = &found[0];
    assert_eq!(error.severity, Severity::Error, "{shown:#?}");
    assert!(error.file.ends_with("help/v1.en.md"));
    assert!(
        error
            .message
            .contains("clause `refunds` states \"14 days\""),
        "{shown:#?}"
    );
    let hint = &found[1];
    assert_eq!(hint.severity, Severity::Hint, "{shown:#?}");
    assert!(hint.file.ends_with("imported/v2.en.md"), "{shown:#?}");
    assert!(
        hint.message
            .contains("`imported` states durations in its prose (\"30 days\""),
        "{shown:#?}"
    );
}
