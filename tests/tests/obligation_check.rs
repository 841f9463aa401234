//! End-to-end: `davar check` reports the obligation codes (`duration-mismatch`,
//! `obligation-mismatch`, `compliance-*`) on the fixtures in `tests/fixtures/obligation/`, each
//! listing its expected diagnostics in `expected.txt`, and stays quiet on correct policies.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use davar_tests::{davar_bin, repo_root as repo};

fn check_json(policies: &Path) -> (Output, Vec<serde_json::Value>) {
    let output = Command::new(davar_bin())
        .current_dir(repo())
        .arg("--policies")
        .arg(policies)
        // Fixture policy sets carry no moderation rule sets: the repository's would cite
        // clauses these fixtures do not have.
        .arg("--rules")
        .arg(policies.join("rules"))
        .args(["check", "--as-of", "2026-11-21", "--format", "json"])
        .output()
        .unwrap();
    let diagnostics = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (output, diagnostics)
}

/// `file:line code` counts, file relative to the fixture directory.
fn summary(fixture: &Path, diagnostics: &[serde_json::Value]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for d in diagnostics {
        let file = d["file"].as_str().unwrap().replace('\\', "/");
        let prefix = format!("{}/", fixture.to_string_lossy().replace('\\', "/"));
        let file = file.strip_prefix(&prefix).unwrap_or(&file).to_string();
        *out.entry(format!(
            "{file}:{} {}",
            d["line"],
            d["code"].as_str().unwrap()
        ))
        .or_default() += 1;
    }
    out
}

fn expected(fixture: &Path) -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(repo().join(fixture).join("expected.txt")).unwrap();
    let mut out = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        *out.entry(line.trim().to_string()).or_default() += 1;
    }
    out
}

/// Checks a fixture that must fail: exit 1 and exactly the diagnostics its `expected.txt`
/// lists; returns their messages for the test's own assertions.
fn failing_fixture_messages(fixture: &Path) -> Vec<String> {
    let (output, diagnostics) = check_json(fixture);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(summary(fixture, &diagnostics), expected(fixture));
    diagnostics
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn mismatches_in_all_four_languages_are_reported_where_they_are() {
    let fixture = Path::new("tests/fixtures/obligation/mismatch");
    let messages = failing_fixture_messages(fixture);
    // Each language's own way of writing a duration is read: French words, German digits.
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"deux jours\"") && m.contains("2 working days")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("\"3 Tagen\"")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("trigger is `complaint.opened` here but `complaint.received`")),
        "{messages:#?}"
    );
}

#[test]
fn compliance_profiles_name_the_requirement_they_implement() {
    let fixture = Path::new("tests/fixtures/obligation/compliance");
    let (output, diagnostics) = check_json(fixture);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(summary(fixture, &diagnostics), expected(fixture));
    let messages: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    for cite in [
        "DSA Art. 20(1)",
        "DSA Art. 21",
        "Art. 12(1)",
        "Art. 4(1)",
        "2024/3228",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(cite)),
            "{cite}: {messages:#?}"
        );
    }
    // The Persian texts carry every requirement: nothing is reported against them.
    assert!(
        diagnostics
            .iter()
            .all(|d| !d["file"].as_str().unwrap().ends_with(".fa.md")),
        "{diagnostics:#?}"
    );
}

#[test]
fn consistent_policies_in_four_languages_give_no_diagnostics() {
    let (output, diagnostics) = check_json(Path::new("tests/fixtures/obligation/valid"));
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn example_policies_pass_the_obligation_checks_and_compliance_profiles() {
    let (_, diagnostics) = check_json(Path::new("policies"));
    let ours: Vec<_> = diagnostics
        .iter()
        .filter(|d| {
            let code = d["code"].as_str().unwrap();
            code.starts_with("compliance")
                || code.starts_with("obligation")
                || code == "duration-mismatch"
                || code == "locked-version-changed"
        })
        .collect();
    assert!(ours.is_empty(), "{ours:#?}");
}

#[test]
fn unreadable_blocks_are_reported_at_the_offending_line() {
    let fixture = Path::new("tests/fixtures/obligation/bad-block");
    let messages = failing_fixture_messages(fixture);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown field `deadline`")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`3 weeks` is not a duration"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("no working-day calendar"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("already used at line 56"))
    );
}

#[test]
fn compliance_evidence_reads_negations_tables_of_contents_and_numerals_in_parentheses() {
    let fixture = Path::new("tests/fixtures/obligation/negation");
    let messages = failing_fixture_messages(fixture);
    for cite in ["DSA Art. 20(1):", "DSA Art. 20(6)", "DSA Art. 21"] {
        assert!(
            messages.iter().any(|m| m.starts_with(cite)),
            "{cite}: {messages:#?}"
        );
    }
}
