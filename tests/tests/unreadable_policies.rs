//! End-to-end: commands that compute with the policies (`deadline`, `audit`, `lock`) refuse a
//! policy set with a source they cannot read, instead of silently leaving that version out.

use std::process::Command;

use davar_tests::{copy_dir, davar_bin, repo_root};

#[test]
fn deadline_audit_and_lock_stop_at_an_unreadable_source_and_name_it() {
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("policies");
    copy_dir(&repo_root().join("policies"), &policies).unwrap();
    std::fs::write(
        policies.join("terms/v4.en.md"),
        "---\nid: terms\nlang: en\n",
    )
    .unwrap();
    let cases = dir.path().join("cases.jsonl");
    std::fs::write(&cases, "").unwrap();

    let runs: [&[&str]; 3] = [
        &[
            "deadline",
            "--doc",
            "terms",
            "--obligation",
            "invoice-request",
            "--at",
            "2026-11-18T10:00:00+03:30",
        ],
        &["audit", cases.to_str().unwrap()],
        &["lock", "--as-of", "2026-11-21"],
    ];
    for args in runs {
        let out = Command::new(davar_bin())
            .arg("--policies")
            .arg(&policies)
            .arg("--rules")
            .arg(repo_root().join("rules"))
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("v4.en.md"), "{args:?}: {stderr}");
        assert!(stderr.contains("davar check"), "{args:?}: {stderr}");
    }
    // Nothing was written over the committed lock.
    assert_eq!(
        std::fs::read(policies.join("policy.lock")).unwrap(),
        std::fs::read(repo_root().join("policies/policy.lock")).unwrap()
    );
}
