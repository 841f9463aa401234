//! End-to-end: `davar check` reads the calendars beside the rule sets and rejects a document
//! that names a calendar nobody shipped.

use std::process::Command;

use davar_tests::{copy_dir, davar_bin, repo_root};

#[test]
fn an_unknown_calendar_is_an_error_at_its_front_matter_line() {
    let root = repo_root();
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("policies");
    copy_dir(&root.join("policies"), &policies).unwrap();
    // Editing a version in force also trips the lock; drop it so only the calendar is tested.
    std::fs::remove_file(policies.join("policy.lock")).ok();
    let file = policies.join("review-guidelines/v2.en.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "change: editorial\n",
        "change: editorial\ncalendar: mars\n",
        1,
    );
    assert_ne!(text, edited, "fixture front matter changed shape");
    std::fs::write(&file, edited).unwrap();

    let out = Command::new(davar_bin())
        .arg("--policies")
        .arg(&policies)
        .arg("--rules")
        .arg(root.join("rules"))
        .args(["check", "--as-of", "2026-11-21", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let diagnostic: serde_json::Value = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|d| d["code"] == "calendar")
        .unwrap_or_else(|| panic!("no calendar diagnostic in:\n{stdout}"));
    assert!(diagnostic["file"].as_str().unwrap().ends_with("v2.en.md"));
    assert!(diagnostic["message"].as_str().unwrap().contains("mars"));
    assert!(diagnostic["line"].as_u64().unwrap() > 1);
}
