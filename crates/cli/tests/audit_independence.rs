//! `davar audit --decisions` on a log another tool wrote, in which one moderator took both a
//! decision and the appeal's outcome against it: a breach of DSA Art. 20(6), reported and
//! failing `--fail-on breached`.

use std::collections::BTreeMap;
use std::process::Command;

use davar_moderation::{Kind, Verdict};
use davar_server::SqliteStore;
use davar_server::decision::{
    Action, AutomatedDecision, CommentSnapshot, DecisionRecord, RuleSetRef, Stage,
};
use davar_server::store::DecisionLog;
use jiff::{SignedDuration, Timestamp};

fn record(
    id: &str,
    follows: Option<&str>,
    stage: Stage,
    action: Action,
    by: &str,
    at: Timestamp,
) -> DecisionRecord {
    DecisionRecord {
        id: id.to_owned(),
        root: "01900000-0000-7000-8000-000000000001".to_owned(),
        follows: follows.map(str::to_owned),
        stage,
        comment: CommentSnapshot {
            id: Some("c-1".to_owned()),
            kind: Kind::Review,
            lang: "en".to_owned(),
            product: None,
            author: None,
            title: None,
            body: "A review.".to_owned(),
        },
        content_date: at,
        submitted_at: at,
        decided_at: at,
        verdict: if action == Action::Reject {
            Verdict::Reject
        } else {
            Verdict::Review
        },
        action,
        violations: Vec::new(),
        omitted_violations: BTreeMap::new(),
        appeal_outcome: None,
        ruleset: RuleSetRef {
            id: "reviews.en@1".to_owned(),
            name: "reviews.en".to_owned(),
            version: 1,
            hash: "0".repeat(64),
        },
        policy_versions: BTreeMap::from([("dispute-policy".to_owned(), 3)]),
        decided_by: by.to_owned(),
        automated_decision: AutomatedDecision::NotAutomated,
        automated_detection: false,
        note: None,
        fixed: None,
        edited: None,
        appeal_text: (action == Action::Queue && stage == Stage::Appeal)
            .then(|| "Please look again.".to_owned()),
    }
}

/// A log where `outcome_by` decides the appeal against sara's rejection.
fn log(dir: &std::path::Path, outcome_by: &str) -> String {
    let path = dir.join(format!("{outcome_by}.db"));
    let store = SqliteStore::open(&path).unwrap();
    let t0: Timestamp = "2026-12-03T08:00:00Z".parse().unwrap();
    let hour = |n: i64| t0 + SignedDuration::from_hours(n);
    let first = "01900000-0000-7000-8000-000000000001";
    let rejected = "01900000-0000-7000-8000-000000000002";
    let lodged = "01900000-0000-7000-8000-000000000003";
    store
        .append_first(
            &record(first, None, Stage::Engine, Action::Queue, "engine", hour(0)),
            None,
        )
        .unwrap();
    let records = [
        record(
            rejected,
            Some(first),
            Stage::Review,
            Action::Reject,
            "sara",
            hour(1),
        ),
        record(
            lodged,
            Some(rejected),
            Stage::Appeal,
            Action::Queue,
            "author",
            hour(2),
        ),
        record(
            "01900000-0000-7000-8000-000000000004",
            Some(lodged),
            Stage::Appeal,
            Action::Reject,
            outcome_by,
            hour(3),
        ),
    ];
    for r in &records {
        store.append(r, None).unwrap();
    }
    format!("sqlite://{}", path.display())
}

fn audit(url: &str, extra: &[&str]) -> std::process::Output {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    Command::new(env!("CARGO_BIN_EXE_davar"))
        .current_dir(&root)
        .args(["audit", "--decisions", url, "--now", "2026-12-04T08:00:00Z"])
        .args(extra)
        .env_remove("DAVAR_STORE")
        .env("NO_COLOR", "1")
        .output()
        .expect("run davar")
}

#[test]
fn an_appeal_decided_by_the_moderator_of_the_contested_decision_is_a_breach() {
    let dir = tempfile::tempdir().unwrap();
    let same = log(dir.path(), "sara");
    let json = audit(&same, &["--format", "json"]);
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let line: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(line["same_moderator"], "sara", "{line}");
    assert_eq!(line["status"], "met", "decided in time: {line}");
    let human = audit(&same, &["--fail-on", "breached"]);
    assert_eq!(human.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&human.stdout);
    assert!(
        stdout.contains("BREACHED Art. 20(6): decided by sara, who took the contested decision"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 decided by the moderator of the contested decision"),
        "{stdout}"
    );

    // Decided by another moderator: nothing to report.
    let other = log(dir.path(), "omid");
    let json = audit(&other, &["--format", "json", "--fail-on", "breached"]);
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stdout)
    );
    let line: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(line.get("same_moderator").is_none(), "{line}");
}
