//! End-to-end: `davar check`, `davar serve` and the admin reload compile through one pipeline,
//! so the server refuses exactly what `check` refuses, with the same diagnostics and the same
//! count. The broken sources cite a clause that does not exist (an error only the rule-set
//! citation check finds) and leave a published version out of `policy.lock` (a warning).

use std::path::Path;
use std::process::Command;

use davar_tests::{copy_dir, davar_bin, repo_root};

use crate::server_support::{AS_OF, Server, post_json};

const ADMIN: &str = "parity-admin-key-0000000001";

/// `davar check --as-of AS_OF --format FORMAT` on the sources: (exit code, stdout).
fn check(policies: &Path, rules: &Path, format: &str) -> (Option<i32>, String) {
    let out = Command::new(davar_bin())
        .arg("--policies")
        .arg(policies)
        .arg("--rules")
        .arg(rules)
        .args(["check", "--as-of", AS_OF, "--format", format])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Breaks the copies: a rule cites a missing clause, a published version is not locked.
fn break_sources(policies: &Path, rules: &Path) {
    let answers = rules.join("answers.default.yaml");
    let text = std::fs::read_to_string(&answers).unwrap();
    assert!(text.contains("terms#qa-no-personal-info"));
    std::fs::write(
        &answers,
        text.replace("terms#qa-no-personal-info", "terms#qa-no-personal-data"),
    )
    .unwrap();
    let lock = policies.join("policy.lock");
    let text = std::fs::read_to_string(&lock).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("terms/v1.en.md "))
        .collect();
    assert_eq!(kept.len() + 1, text.lines().count(), "{text}");
    std::fs::write(&lock, kept.join("\n") + "\n").unwrap();
}

#[test]
fn reload_and_serve_refuse_what_check_refuses_with_the_same_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let (policies, rules) = (dir.path().join("policies"), dir.path().join("rules"));
    copy_dir(&repo_root().join("policies"), &policies).unwrap();
    copy_dir(&repo_root().join("rules"), &rules).unwrap();
    let keys = dir.path().join("keys.txt");
    std::fs::write(&keys, format!("admin {ADMIN}\n")).unwrap();
    let sources = [
        "--policies",
        policies.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ];
    let mut args = vec!["--store", "memory:", "--api-keys", keys.to_str().unwrap()];
    args.extend(sources);
    let server = Server::start(&args);

    break_sources(&policies, &rules);
    let (code, json_lines) = check(&policies, &rules, "json");
    assert_eq!(code, Some(1), "{json_lines}");
    let expected: Vec<serde_json::Value> = json_lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(expected.iter().any(|d| d["code"] == "broken-link"));
    assert!(expected.iter().any(|d| d["severity"] == "warning"));
    let (_, human) = check(&policies, &rules, "human");
    let counts = human.lines().last().unwrap().to_owned();
    assert!(counts.ends_with("1 warning(s)"), "{counts}");

    let reply = post_json(
        &format!("{}/v1/admin/reload", server.url),
        &serde_json::json!({}),
        Some(ADMIN),
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["diagnostics"].as_array().unwrap(), &expected);
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains(&counts), "{message} / {counts}");
    server.stop();

    // A fresh `davar serve` on the same sources refuses to start, printing what `check` prints.
    let (status, stderr) = match Server::try_start(&args) {
        Ok(_) => panic!("davar serve started on sources `check` rejects"),
        Err(refused) => refused,
    };
    assert!(status.contains("exit status: 1"), "{status}: {stderr}");
    assert!(stderr.contains(&human), "{stderr}\n---\n{human}");
    assert!(
        stderr.contains(&format!("the sources have {counts}")),
        "{stderr}"
    );
}
