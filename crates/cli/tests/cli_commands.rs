//! The binary's command surface: every subcommand is listed in `--help`, and a command that
//! cannot run exits with 2 and says why.

use std::process::Command;

fn davar(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_davar"))
        .args(args)
        .output()
        .expect("run davar")
}

#[test]
fn help_lists_every_command() {
    let out = davar(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for command in [
        "build", "check", "lock", "deadline", "audit", "notice", "moderate", "explain", "rules",
        "serve",
    ] {
        assert!(
            help.lines()
                .any(|line| line.trim_start().starts_with(command)),
            "`{command}` missing from --help:\n{help}"
        );
    }
}

#[test]
fn a_missing_policies_directory_exits_2_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-policies");
    let out = Command::new(env!("CARGO_BIN_EXE_davar"))
        .arg("--policies")
        .arg(&missing)
        .arg("--rules")
        .arg(dir.path().join("no-rules"))
        .arg("check")
        .output()
        .expect("run davar");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no-such-policies"),
        "error should name the directory: {stderr}"
    );
}

#[test]
fn explain_documents_every_check_code_and_moderation_rule() {
    for code in davar_policy::codes::CODES
        .iter()
        .map(|c| c.code)
        .chain(["contacts/phone"])
    {
        let out = davar(&["explain", code]);
        assert!(out.status.success(), "{code}: {:?}", out);
        let doc = String::from_utf8_lossy(&out.stdout);
        assert!(doc.starts_with(&format!("# {code}\n")), "{code}: {doc}");
    }
    let front = davar(&["explain", "front-matter"]);
    let doc = String::from_utf8_lossy(&front.stdout);
    assert!(doc.contains("## Fix"), "{doc}");
    let unknown = davar(&["explain", "duration"]);
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("did you mean duration-mismatch?"),
        "{stderr}"
    );
}

#[test]
fn a_missing_rules_directory_from_the_environment_names_the_variable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_davar"))
        .env("DAVAR_RULES", dir.path().join("no-rules"))
        .args(["moderate", "--text", "سلام"])
        .output()
        .expect("run davar");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("(from DAVAR_RULES); give --rules DIR or set DAVAR_RULES"),
        "{stderr}"
    );
}

#[test]
fn a_late_change_notice_warns_and_fails_only_when_strict() {
    let policies = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policies");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_davar"))
            .arg("--policies")
            .arg(&policies)
            .args(["notice", "--doc", "terms", "--version", "3", "--lang", "en"])
            .args(extra)
            .output()
            .expect("run davar")
    };
    let on_time = run(&["--sent-on", "2026-11-10", "--strict"]);
    assert!(on_time.status.success());
    assert!(
        on_time.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&on_time.stderr)
    );
    let late = run(&["--sent-on", "2027-01-20"]);
    assert!(late.status.success(), "a warning alone does not fail");
    let warning = String::from_utf8_lossy(&late.stderr);
    assert!(
        warning.contains("sellers are owed 15 days' notice: send it by 2027-01-17"),
        "{warning}"
    );
    assert!(String::from_utf8_lossy(&late.stdout).contains("Clauses that change:"));
    let strict = run(&["--sent-on", "2027-01-20", "--strict", "--format", "json"]);
    assert_eq!(strict.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&strict.stdout).expect("JSON notice");
    assert_eq!(json["period"]["late"], true);
    assert_eq!(json["messages"][0]["lang"], "en");
    assert!(
        json["messages"][0]["html"]
            .as_str()
            .unwrap()
            .starts_with("<!doctype html>")
    );
}
