//! End-to-end: `davar lock` records published versions; editing a version in force is then a
//! `locked-version-changed` error and `davar lock` refuses to record it, while a published but
//! not yet effective version may be re-recorded (with a warning from `check`).

use std::path::Path;
use std::process::{Command, Output};

use davar_tests::{copy_dir, davar_bin};

fn davar(policies: &Path, args: &[&str]) -> Output {
    // Fixture policy sets carry no moderation rule sets: the repository's would cite clauses
    // these fixtures do not have.
    let rules = policies.join("rules");
    Command::new(davar_bin())
        .arg("--policies")
        .arg(policies)
        .arg("--rules")
        .arg(rules)
        .args(args)
        .output()
        .unwrap()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn a_version_in_force_cannot_change_after_lock() {
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("policies");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/obligation/valid"),
        &policies,
    )
    .unwrap();
    let locked = davar(&policies, &["lock", "--as-of", "2026-11-21"]);
    assert!(
        locked.status.success(),
        "{}",
        String::from_utf8_lossy(&locked.stderr)
    );
    let lock = std::fs::read_to_string(policies.join("policy.lock")).unwrap();
    assert_eq!(
        lock.lines().filter(|l| l.contains(" sha256:")).count(),
        8,
        "{lock}"
    );

    let clean = davar(&policies, &["check", "--as-of", "2026-11-21"]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );

    edit(
        &policies.join("complaints/v1.en.md"),
        "a reference number",
        "a case number",
    );
    let changed = davar(
        &policies,
        &["check", "--as-of", "2026-11-21", "--format", "json"],
    );
    assert_eq!(changed.status.code(), Some(1));
    let out = String::from_utf8_lossy(&changed.stdout);
    assert!(
        out.lines()
            .any(|l| l.contains("locked-version-changed") && l.contains("v1.en.md")),
        "{out}"
    );
    let refused = davar(&policies, &["lock", "--as-of", "2026-11-21"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("complaints/v1.en.md"));
}

#[test]
fn a_published_version_not_yet_in_force_may_be_relocked() {
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("policies");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/obligation/valid"),
        &policies,
    )
    .unwrap();
    // On 2026-05-15 v2 is published (2026-05-01) but takes effect only on 2026-06-01.
    assert!(
        davar(&policies, &["lock", "--as-of", "2026-05-15"])
            .status
            .success()
    );
    edit(
        &policies.join("complaints/v2.en.md"),
        "a reference number",
        "a case number",
    );
    let warned = davar(
        &policies,
        &["check", "--as-of", "2026-05-15", "--format", "json"],
    );
    assert_eq!(warned.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&warned.stdout).contains("\"severity\":\"warning\""));
    let relocked = davar(&policies, &["lock", "--as-of", "2026-05-15"]);
    assert!(relocked.status.success());
    assert!(String::from_utf8_lossy(&relocked.stdout).contains("updated complaints/v2.en.md"));
}
