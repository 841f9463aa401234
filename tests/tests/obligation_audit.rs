//! End-to-end: `davar audit` applies the version in force at each trigger (the fixture's v2
//! shortens the acknowledgement from 24 to 12 hours on 2026-06-01), reports met / breached / open,
//! and reports malformed lines with their number while auditing the others.

use std::process::{Command, Output};

use davar_tests::{davar_bin, repo_root as repo};

fn audit(format: &str) -> Output {
    Command::new(davar_bin())
        .current_dir(repo())
        .args([
            "--policies",
            "tests/fixtures/obligation/valid",
            "--rules",
            "rules",
            "audit",
            "tests/fixtures/obligation/cases.jsonl",
            "--now",
            "2026-11-22T12:00:00+03:30",
            "--format",
            format,
        ])
        .output()
        .unwrap()
}

fn finding<'a>(
    all: &'a [serde_json::Value],
    case: &str,
    obligation: &str,
) -> &'a serde_json::Value {
    all.iter()
        .find(|f| f["case"] == case && f["obligation"] == obligation)
        .unwrap_or_else(|| panic!("no finding {case}/{obligation} in {all:#?}"))
}

#[test]
fn the_version_in_force_at_the_trigger_applies() {
    let output = audit("jsonl");
    let findings: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Same 20-hour acknowledgement: met under v1 (24 h), 8 h late under v2 (12 h).
    let a1 = finding(&findings, "A-1", "acknowledge");
    assert_eq!(
        (a1["version"].as_u64(), a1["status"].as_str()),
        (Some(1), Some("met"))
    );
    let a2 = finding(&findings, "A-2", "acknowledge");
    assert_eq!(
        (a2["version"].as_u64(), a2["status"].as_str()),
        (Some(2), Some("breached"))
    );
    assert_eq!(a2["late_by_seconds"], 8 * 3600);
    // In time is not enough without the reference number the obligation requires.
    let a4 = finding(&findings, "A-4", "acknowledge");
    assert_eq!(a4["status"], "breached");
    assert_eq!(a4["missing"][0], "reference-number");
    // Thursday 20:00 + 5 working days (Friday off) = Wednesday 25th, still open on Sunday noon.
    let open = finding(&findings, "A-4", "resolve");
    assert_eq!(open["status"], "open");
    assert_eq!(open["due"], "2026-11-25T23:59:59+03:30");
    // The day ends at midnight: three and a half days from Sunday noon.
    assert_eq!(open["time_left_seconds"], 3 * 86_400 + 12 * 3600);
    // Escalation is not owed once the complaint was resolved within 48 hours (`unless`).
    assert_eq!(finding(&findings, "A-5", "escalate")["status"], "lapsed");
    assert_eq!(finding(&findings, "A-4", "escalate")["status"], "breached");
}

#[test]
fn malformed_lines_are_named_and_the_rest_still_audited() {
    let output = audit("human");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("cases.jsonl:3:"), "{err}");
    assert!(err.contains("events[0].at"), "{err}");
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(table.contains("A-4"), "{table}");
    assert!(table.contains("BREACHED (8h)"), "{table}");
    assert!(
        table.contains("3 met, 7 breached, 1 open, 1 lapsed"),
        "{table}"
    );
}
