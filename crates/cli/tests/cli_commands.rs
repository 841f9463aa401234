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
fn rules_and_explain_say_whether_a_repair_removes_content_and_where_a_set_says_otherwise() {
    let emoji = davar(&["explain", "style/emoji", "--format", "json"]);
    assert!(emoji.status.success(), "{emoji:?}");
    let json: serde_json::Value = serde_json::from_slice(&emoji.stdout).expect("json");
    assert_eq!(json["removes_content"], true, "{json}");
    let kashida = davar(&["explain", "style/kashida"]);
    let text = String::from_utf8_lossy(&kashida.stdout);
    assert!(text.contains("changes form only"), "{text}");

    // A rule set that calls its kashida repair a removal of content.
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    std::fs::write(
        rules.join("reviews.fa.yaml"),
        "name: reviews.fa\nversion: 1\nkind: review\nlangs: [fa]\nrules:\n  - code: style/kashida\n    removes_content: true\n    message: {fa: \"x\", en: \"y\"}\n  - code: style/emoji\n    message: {fa: \"x\", en: \"y\"}\n",
    )
    .unwrap();
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_davar"))
            .arg("--policies")
            .arg(repo_root().join("policies"))
            .arg("--rules")
            .arg(&rules)
            .args(["rules", "--format", format])
            .output()
            .expect("run davar")
    };
    let out = run("json");
    assert!(out.status.success(), "{out:?}");
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let row = |code: &str| rows.iter().find(|r| r["code"] == code).unwrap().clone();
    assert_eq!(row("style/kashida")["removes_content"], false);
    assert_eq!(
        row("style/kashida")["removes_content_in"],
        serde_json::json!({"reviews.fa": true})
    );
    assert_eq!(row("style/emoji")["removes_content"], true);
    assert_eq!(
        row("style/emoji")["removes_content_in"],
        serde_json::json!({})
    );
    let table = String::from_utf8_lossy(&run("table").stdout).into_owned();
    let line = |code: &str| {
        table
            .lines()
            .find(|l| l.starts_with(code))
            .unwrap_or_default()
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        line("style/kashida"),
        ["style/kashida", "fix", "yes", "no*"],
        "{table}"
    );
    assert_eq!(
        line("style/emoji"),
        ["style/emoji", "fix", "yes", "yes"],
        "{table}"
    );
    assert_eq!(line("contacts/phone")[3], "-", "{table}");
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
    // terms v3 takes effect on 2027-02-01: sent three days later.
    let after = run(&["--sent-on", "2027-02-04"]);
    let warning = String::from_utf8_lossy(&after.stderr);
    assert!(
        warning.contains(
            "terms v3 took effect on 2027-02-01, 3 day(s) before this notice is sent on 2027-02-04"
        ),
        "{warning}"
    );
    assert!(!warning.contains("move `effective`"), "{warning}");
    assert!(String::from_utf8_lossy(&after.stdout).contains("3 days after the change took effect"));
    let quiet = run(&["--sent-on", "2027-02-04", "--quiet", "--strict"]);
    assert_eq!(quiet.status.code(), Some(1), "--quiet keeps the exit code");
    assert!(
        String::from_utf8_lossy(&quiet.stderr).contains("took effect on 2027-02-01"),
        "--quiet keeps the finding"
    );
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

/// The repository root (holding `policies/` and `rules/`).
fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs davar in `cwd` on a copy of the repository's policies (`cwd/policies`) and its rules.
fn davar_in(cwd: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_davar"))
        .current_dir(cwd)
        .env("DAVAR_POLICIES", cwd.join("policies"))
        .env("DAVAR_RULES", repo_root().join("rules"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("run davar")
}

/// A temporary directory holding a copy of the repository's policies.
fn project_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new("cp")
        .arg("-r")
        .arg(repo_root().join("policies"))
        .arg(dir.path().join("policies"))
        .status()
        .expect("cp");
    assert!(status.success());
    dir
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn build_refuses_a_directory_it_did_not_build() {
    let dir = project_copy();
    std::fs::write(dir.path().join("notes.txt"), "keep me").unwrap();
    let out = davar_in(dir.path(), &["build", "--out", "."]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("--out"), "{}", stderr_of(&out));
    let checkout = dir.path().join("checkout");
    std::fs::create_dir(&checkout).unwrap();
    std::fs::write(checkout.join("notes.txt"), "keep me").unwrap();
    let out = davar_in(dir.path(), &["build", "--out", "checkout"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("--out") && stderr.contains("not a site"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(checkout.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "keep me"
    );
    assert!(dir.path().join("policies/site.yaml").is_file());
}

#[test]
fn build_refuses_an_output_holding_or_inside_the_policies() {
    let dir = project_copy();
    let empty = tempfile::tempdir().unwrap();
    std::fs::rename(dir.path().join("policies"), empty.path().join("policies")).unwrap();
    // An otherwise empty parent of the policies is refused too: the build would replace it.
    let out = davar_in(empty.path(), &["build", "--out", "."]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("--policies"),
        "{}",
        stderr_of(&out)
    );
    let out = davar_in(empty.path(), &["build", "--out", "policies/site"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(empty.path().join("policies/site.yaml").is_file());
}

#[test]
fn build_replaces_its_own_earlier_site() {
    let dir = project_copy();
    let out = davar_in(dir.path(), &["build", "--out", "site", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(dir.path().join("site/.davar-site").is_file());
    std::fs::write(dir.path().join("site/stale.html"), "old").unwrap();
    let out = davar_in(dir.path(), &["build", "--out", "site", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(!dir.path().join("site/stale.html").exists());
    assert!(dir.path().join("site/.davar-site").is_file());
}

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = project_copy();
    let line = "{\"id\":\"1\",\"title\":\"t\",\"body\":\"خوب بود\"}\n";
    std::fs::write(dir.path().join("one.jsonl"), line).unwrap();
    std::os::unix::fs::symlink("one.jsonl", dir.path().join("link.jsonl")).unwrap();
    let terms = dir.path().join("policies/terms/v1.en.md");
    let terms_text = std::fs::read_to_string(&terms).unwrap();
    for args in [
        &["moderate", "one.jsonl", "--output", "one.jsonl"][..],
        &["moderate", "one.jsonl", "--output", "link.jsonl"],
        &["moderate", "one.jsonl", "--fix", "--output", "./one.jsonl"],
        &["audit", "one.jsonl", "--output", "one.jsonl"],
        &["check", "--output", "policies/terms/v1.en.md"],
        &[
            "build",
            "--out",
            "site",
            "--output",
            "policies/terms/v1.en.md",
        ],
    ] {
        let out = davar_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert!(
            stderr_of(&out).contains("--output"),
            "{args:?}: {}",
            stderr_of(&out)
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("one.jsonl")).unwrap(),
            line
        );
        assert_eq!(std::fs::read_to_string(&terms).unwrap(), terms_text);
    }
}

#[test]
fn moderate_refuses_an_unbounded_worker_count() {
    let out = davar(&["moderate", "--jobs", "4000", "--text", "سلام"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--jobs"), "{}", stderr_of(&out));
}

#[test]
fn audit_reports_an_overlong_line_and_audits_the_lines_around_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let case = |id: &str| {
        format!(
            "{{\"case\":\"{id}\",\"doc\":\"complaints\",\"events\":[{{\"type\":\"complaint.received\",\"at\":\"2026-03-02T09:00:00+01:00\"}}]}}\n"
        )
    };
    // A line of 2 MiB without its end in sight would otherwise be held whole in memory.
    let long = format!(
        "{{\"case\":\"LONG\",\"note\":\"{}\"}}\n",
        "x".repeat(2 << 20)
    );
    let cases = dir.path().join("cases.jsonl");
    std::fs::write(&cases, format!("{}{long}{}", case("C-1"), case("C-3"))).unwrap();
    let policies = repo_root().join("crates/cli/tests/cmd/audit.in/policies");
    let out = davar(&[
        "--policies",
        policies.to_str().unwrap(),
        "audit",
        cases.to_str().unwrap(),
        "--now",
        "2026-03-10T12:00:00+01:00",
        "--format",
        "json",
    ]);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "cases.jsonl:2: the line is {} bytes long; a case may take at most 1048576 bytes",
            long.len()
        )),
        "{stderr}"
    );
    assert!(
        !stderr.contains("xxxxxxxx"),
        "the line is not quoted: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("\"C-1\"") && stdout.contains("\"C-3\""),
        "{stdout}"
    );
}

/// Copies a directory tree (files and directories only).
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the tree") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy a file");
        }
    }
}

#[test]
fn a_notice_refuses_on_errors_in_its_own_document_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let policies = dir.path().join("policies");
    copy_tree(&repo_root().join("policies"), &policies);
    let misspell = |file: &str| {
        let path = policies.join(file);
        let text = std::fs::read_to_string(&path).expect("a source");
        std::fs::write(&path, text.replacen("\neffective:", "\nefective:", 1)).expect("write");
    };
    let notice = || {
        Command::new(env!("CARGO_BIN_EXE_davar"))
            .arg("--policies")
            .arg(&policies)
            .args(["notice", "--doc", "terms", "--version", "3", "--lang", "en"])
            .args(["--sent-on", "2026-11-10"])
            .output()
            .expect("run davar")
    };
    misspell("dispute-policy/v3.de.md");
    let other = notice();
    assert!(
        other.status.success(),
        "an error in another document does not stop the notice: {}",
        String::from_utf8_lossy(&other.stderr)
    );
    assert!(String::from_utf8_lossy(&other.stdout).contains("Clauses that change:"));
    misspell("terms/v2.en.md");
    let own = notice();
    assert_eq!(own.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&own.stderr);
    assert!(
        stderr.contains("error(s) in `terms`") && stderr.contains("v2.en.md"),
        "{stderr}"
    );
}

#[test]
fn accept_records_only_the_selected_codes_and_never_a_changed_published_version() {
    let dir = project_copy();
    let policies = dir.path().join("policies");
    // A published version in force edited after publication, with a placeholder in the edit.
    let edited = policies.join("dispute-policy/v1.en.md");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("\nWrite to [COMPANY NAME] for help.\n");
    std::fs::write(&edited, text).unwrap();
    // A published version missing from the lock file: an acceptable warning of another code.
    let lock = policies.join("policy.lock");
    let kept: String = std::fs::read_to_string(&lock)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("terms/v1.en.md "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&lock, kept).unwrap();
    let accepted = policies.join("accepted-findings.txt");
    let entries = || {
        std::fs::read_to_string(&accepted)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("reason:") && !l.is_empty())
            .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };

    let out = davar_in(
        dir.path(),
        &[
            "check",
            "--as-of",
            "2026-12-02",
            "--accept",
            "--reason",
            "r",
            "--select",
            "placeholder",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(entries(), ["dispute-policy/v1.en.md placeholder"]);

    let out = davar_in(
        dir.path(),
        &[
            "check",
            "--as-of",
            "2026-12-02",
            "--accept",
            "--reason",
            "r",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("1 finding(s) cannot be accepted")
            && stderr.contains("dispute-policy/v1.en.md:1:")
            && stderr.contains("restore its text"),
        "{stderr}"
    );
    let mut recorded = entries();
    recorded.sort();
    assert_eq!(
        recorded,
        [
            "dispute-policy/v1.en.md placeholder",
            "terms/v1.en.md locked-version-changed"
        ]
    );
    // The build refuses: the changed published text is never published.
    let out = davar_in(
        dir.path(),
        &["build", "--as-of", "2026-12-02", "--out", "site", "--quiet"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(!dir.path().join("site").exists());
}

/// A directory of services (one policies directory per service): `check` reports every
/// service's findings in one run, `build` publishes the services without errors into
/// `--out/<service>/` and refuses the others.
#[test]
fn check_and_build_take_a_directory_of_services() {
    let fixtures = repo_root().join("tests/fixtures");
    let dir = tempfile::tempdir().expect("temp dir");
    let services = dir.path().join("services");
    std::fs::create_dir(&services).unwrap();
    for (name, from) in [
        ("clean", "policy/valid"),
        ("lost-list", "invalid/empty-list"),
    ] {
        let status = Command::new("cp")
            .arg("-r")
            .arg(fixtures.join(from))
            .arg(services.join(name))
            .status()
            .expect("cp");
        assert!(status.success());
    }
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_davar"))
            .arg("--policies")
            .arg(&services)
            .arg("--rules")
            .arg(dir.path().join("no-rules"))
            .args(args)
            .output()
            .expect("run davar")
    };
    let check = run(&["check", "--format", "json", "--as-of", "2026-01-10"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr_of(&check));
    let stdout = String::from_utf8_lossy(&check.stdout);
    let errors: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("\"severity\":\"error\""))
        .collect();
    assert_eq!(errors.len(), 1, "{stdout}");
    assert!(
        errors[0].contains("empty-list") && errors[0].contains("lost-list"),
        "{stdout}"
    );
    let out = dir.path().join("site");
    let build = run(&[
        "build",
        "--as-of",
        "2026-01-10",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(build.status.code(), Some(1));
    let stderr = stderr_of(&build);
    assert!(
        stderr.contains("not publishing 1 of 2 services")
            && stderr.contains("lost-list (1 error(s))"),
        "{stderr}"
    );
    assert!(out.join("clean").join(".davar-site").is_file());
    assert!(!out.join("lost-list").exists());
}

#[test]
fn check_then_build_keeps_findings_in_the_cache_directory_unless_told_not_to() {
    let dir = project_copy();
    let v1 = dir.path().join("policies/terms/v1.en.md");
    let text = std::fs::read_to_string(&v1).unwrap();
    std::fs::write(&v1, format!("{text}\nWrite to [Insert e-mail].\n")).unwrap();
    let cache = dir.path().join("cache");
    let cache_arg = cache.display().to_string();
    let entries = || {
        std::fs::read_dir(cache.join("findings-1"))
            .map(|read| read.count())
            .unwrap_or(0)
    };
    let check = ["check", "--as-of", "2026-11-21", "--format", "json"];

    let uncached = davar_in(dir.path(), &[&check[..], &["--no-cache"]].concat());
    assert_eq!(entries(), 0, "--no-cache keeps nothing");
    assert!(String::from_utf8_lossy(&uncached.stdout).contains("placeholder"));

    let with = |args: &[&str]| {
        davar_in(
            dir.path(),
            &[args, &["--cache-dir", cache_arg.as_str()]].concat(),
        )
    };
    let first = with(&check);
    assert_eq!(entries(), 1);
    let second = with(&check);
    assert_eq!(entries(), 1, "the same sources read the entry kept");
    for out in [&first, &second] {
        assert_eq!(out.stdout, uncached.stdout);
        assert_eq!(out.status.code(), uncached.status.code());
    }
    // `build` refuses on the kept error as on a fresh one, and writes nothing.
    let site = dir.path().join("site");
    let built = with(&["build", "--as-of", "2026-11-21", "--out", "site"]);
    assert_eq!(built.status.code(), Some(1), "{}", stderr_of(&built));
    assert!(stderr_of(&built).contains("placeholder"));
    assert!(!site.exists());
    assert_eq!(entries(), 1);

    // A cache directory inside the policies would be read as a document: refused.
    let inside = davar_in(
        dir.path(),
        &[
            "check",
            "--cache-dir",
            "policies/cache",
            "--as-of",
            "2026-11-21",
        ],
    );
    assert_eq!(inside.status.code(), Some(2), "{}", stderr_of(&inside));
    assert!(stderr_of(&inside).contains("inside the --policies directory"));
    assert!(!dir.path().join("policies/cache").exists());

    // DAVAR_NO_CACHE takes the usual true and false spellings.
    for (value, kept) in [("1", false), ("yes", false), ("0", true), ("", true)] {
        let fresh = dir.path().join(format!("cache-{kept}-{value}"));
        let out = Command::new(env!("CARGO_BIN_EXE_davar"))
            .current_dir(dir.path())
            .env("DAVAR_POLICIES", dir.path().join("policies"))
            .env("DAVAR_RULES", repo_root().join("rules"))
            .env("DAVAR_CACHE_DIR", &fresh)
            .env("DAVAR_NO_CACHE", value)
            .args(check)
            .output()
            .unwrap();
        assert_eq!(out.stdout, uncached.stdout, "DAVAR_NO_CACHE={value:?}");
        assert_eq!(
            fresh.join("findings-1").exists(),
            kept,
            "DAVAR_NO_CACHE={value:?}"
        );
    }
}
