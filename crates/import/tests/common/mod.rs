//! A throw-away Open Terms Archive history for the import tests.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Runs `git -C dir args…` with a fixed author and date.
pub fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", "2025-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2025-01-01T00:00:00Z")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// Commits `bytes` as `Shop/Terms of Service.md`.
pub fn capture(repo: &Path, bytes: &[u8], message: &str) {
    capture_in(repo, "Shop", bytes, message);
}

/// Commits `bytes` as `<service>/Terms of Service.md`.
pub fn capture_in(repo: &Path, service: &str, bytes: &[u8], message: &str) {
    std::fs::create_dir_all(repo.join(service)).unwrap();
    std::fs::write(repo.join(service).join("Terms of Service.md"), bytes).unwrap();
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "--allow-empty", "-m", message]);
}
