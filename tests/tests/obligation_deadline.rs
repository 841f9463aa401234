//! End-to-end: `davar deadline` on the obligation fixture (calendar `ir`) and the example
//! policies: working days around a Friday and Nowruz, a working-hour range, Persian output with
//! Solar Hijri dates, and a calendar that runs out.

use std::process::{Command, Output};

use davar_tests::{davar_bin, repo_root as repo};

/// `davar deadline --doc DOC --obligation OBLIGATION --at AT [extra...]` on a policy set.
fn deadline(policies: &str, doc: &str, obligation: &str, at: &str, extra: &[&str]) -> Output {
    Command::new(davar_bin())
        .current_dir(repo())
        .args(["--policies", policies, "--rules", "rules", "deadline"])
        .args(["--doc", doc, "--obligation", obligation, "--at", at])
        .args(extra)
        .output()
        .unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

const FIXTURE: &str = "tests/fixtures/obligation/valid";

#[test]
fn thursday_evening_in_tehran_skips_friday() {
    let out = json(&deadline(
        FIXTURE,
        "complaints",
        "refund",
        "2026-11-19T20:00:00+03:30",
        &["--lang", "en", "--format", "json"],
    ));
    // 24 to 48 working hours: 4 h on Thursday, Friday skipped, 20 h Saturday, 24 h Sunday.
    assert_eq!(out["target"], "2026-11-21T20:00:00+03:30");
    assert_eq!(out["due"], "2026-11-22T20:00:00+03:30");
    assert_eq!(out["limit"]["low"], 24);
    assert_eq!(out["skipped"][0]["date"], "2026-11-20");
    assert_eq!(out["skipped"][0]["kind"], "weekly");
    assert_eq!(out["version"], 2);
}

#[test]
fn nowruz_holidays_are_skipped_by_name() {
    let out = json(&deadline(
        FIXTURE,
        "complaints",
        "resolve",
        "2026-03-18T09:00:00+03:30",
        &["--lang", "en", "--format", "json"],
    ));
    // Thursday 19th counts; 20th (holiday and Friday) to 24th (Nowruz) do not; then 25..28.
    assert_eq!(out["due"], "2026-03-29T23:59:59+03:30");
    let names: Vec<&str> = out["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.iter().any(|n| n.contains("Nowruz")), "{names:?}");
    // v1 applies: v2 takes effect on 2026-06-01.
    assert_eq!(out["version"], 1);
}

#[test]
fn persian_explanation_uses_solar_hijri_dates() {
    let output = deadline(
        FIXTURE,
        "complaints",
        "resolve",
        "2026-11-18T10:00:00+03:30",
        &[],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    // Five working days from Wednesday 18 Nov (Friday off): Tuesday 24 Nov = ۳ آذر ۱۴۰۵.
    assert!(text.contains("2026-11-24T23:59:59+03:30"), "{text}");
    assert!(text.contains("۳ آذر ۱۴۰۵"), "{text}");
    assert!(text.contains("تعطیل هفتگی"), "{text}");
}

#[test]
fn a_deadline_past_the_calendar_is_an_error_not_a_guess() {
    let output = deadline(
        FIXTURE,
        "complaints",
        "resolve",
        "2027-03-17T10:00:00+03:30",
        &[],
    );
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    // The error names the calendar's file, its last day, and the fix.
    assert!(
        err.contains("calendar `ir` (rules/calendars/ir.yaml)")
            && err.contains("to its last day 2027-03-20")
            && err.contains("extend the calendar"),
        "{err}"
    );
}

#[test]
fn example_dispute_policy_acknowledgement() {
    let out = json(&deadline(
        "policies",
        "dispute-policy",
        "acknowledge-complaint",
        "2026-11-18T10:00:00+03:30",
        &["--format", "json"],
    ));
    assert_eq!(out["due"], "2026-11-19T10:00:00+03:30");
    assert_eq!(out["lang"], "fa");
    assert!(
        out["url"]
            .as_str()
            .unwrap()
            .starts_with("/fa/dispute-policy/v")
    );
}

#[test]
fn unknown_obligation_names_the_known_ones() {
    let output = deadline(
        FIXTURE,
        "complaints",
        "nope",
        "2026-11-18T10:00:00+03:30",
        &[],
    );
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("acknowledge, resolve, escalate, refund, termination-notice"),
        "{err}"
    );
}

#[test]
fn berlin_daylight_saving_change() {
    let berlin = "tests/fixtures/obligation/berlin";
    let at = "2026-10-24T12:00:00+02:00"; // Saturday; clocks go back on Sunday 25th at 03:00.
    let due = |obligation: &str| {
        json(&deadline(
            berlin,
            "support",
            obligation,
            at,
            &["--format", "json"],
        ))["due"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // 48 hours are 48 real hours: one hour earlier on the wall clock after the change.
    assert_eq!(due("reply"), "2026-10-26T11:00:00+01:00");
    // 2 calendar days end with the second day after the trigger's (Regulation 1182/71 Art. 3).
    assert_eq!(due("refund"), "2026-10-26T23:59:59+01:00");
    // 24 working hours: the weekend is skipped whole, Monday counts all its hours.
    assert_eq!(due("callback"), "2026-10-27T00:00:00+01:00");
}
