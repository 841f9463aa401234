//! End-to-end: the real `davar` binary checks and builds the repository's `policies/` as of a
//! fixed date, and refuses to publish a broken policy set.

use std::path::{Path, PathBuf};
use std::process::Command;

use davar_tests::{copy_dir, repo_root as repo};

fn davar() -> PathBuf {
    davar_tests::davar_bin()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn builds_the_example_policies_into_the_documented_page_tree() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("site");
    let output = Command::new(davar())
        .current_dir(repo())
        .args([
            "--policies",
            "policies",
            "--rules",
            "rules",
            "build",
            "--as-of",
            "2026-11-21",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let mut expected = vec!["index.html".to_string(), "style.css".to_string()];
    for (doc, langs, versions) in [
        ("terms", &["fa", "en"][..], 3),
        ("dispute-policy", &["en", "fr", "de", "fa"][..], 3),
        ("review-guidelines", &["fa", "en"][..], 2),
    ] {
        for lang in langs {
            expected.push(format!("{lang}/{doc}/index.html"));
            expected.push(format!("{lang}/{doc}/feed.xml"));
            for n in 1..=versions {
                expected.push(format!("{lang}/{doc}/v{n}/index.html"));
                if n > 1 {
                    expected.push(format!("{lang}/{doc}/v{n}/changes.html"));
                }
            }
        }
    }
    for path in &expected {
        assert!(out.join(path).is_file(), "{path} missing");
    }
    assert!(!out.join("en/terms/v1/changes.html").exists());

    // Terms v2 is in force on 2026-11-21; v3 (2027-02-01) is announced with a link.
    let terms_fa = read(&out.join("fa/terms/index.html"));
    assert!(terms_fa.starts_with("<!doctype html>\n<html lang=\"fa\" dir=\"rtl\">"));
    assert!(
        terms_fa.contains("<a href=\"../../fa/terms/v3/\">"),
        "upcoming banner links to v3"
    );
    assert!(
        terms_fa.contains("۱۲ بهمن ۱۴۰۵"),
        "2027-02-01 in the Solar Hijri calendar"
    );
    assert!(!terms_fa.contains("<script"));
    let terms_en = read(&out.join("en/terms/index.html"));
    assert!(terms_en.contains("A new version takes effect on"));
    assert!(
        terms_en.contains("id=\"reviews-no-links\""),
        "clause ids cited by the rule sets exist"
    );
    let dispute_de = read(&out.join("de/dispute-policy/index.html"));
    assert!(dispute_de.contains("<html lang=\"de\" dir=\"ltr\">"));
    assert!(dispute_de.contains("class=\"obligation\""));
    let feed = read(&out.join("en/dispute-policy/feed.xml"));
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    // Three versions published by 2026-11-21 (v3 on 2026-11-16, in force from 2026-12-01).
    assert_eq!(feed.matches("<entry>").count(), 3);
    let changes = read(&out.join("fa/dispute-policy/v2/changes.html"));
    assert!(changes.contains("<ins>") || changes.contains("<del>"));
}

#[test]
fn check_is_clean_on_the_example_policies() {
    let output = Command::new(davar())
        .current_dir(repo())
        .args(["check", "--as-of", "2026-11-21", "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let errors: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .filter(|d: &serde_json::Value| d["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn broken_policies_are_not_published_and_the_old_site_stays() {
    let fixture = repo().join("tests/fixtures/invalid/placeholder");
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("index.html"), "previous site").unwrap();
    let output = Command::new(davar())
        .arg("--policies")
        .arg(&fixture)
        .args(["build", "--as-of", "2026-01-10", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error[placeholder]: placeholder `[email protected]` left in the text"),
        "{stderr}"
    );
    assert!(stderr.contains("not publishing"), "{stderr}");
    assert_eq!(read(&out.join("index.html")), "previous site");

    let check = Command::new(davar())
        .arg("--policies")
        .arg(&fixture)
        .args(["check", "--as-of", "2026-01-10", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&check.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(line["code"], "placeholder");
    assert_eq!(
        (line["line"].as_u64(), line["column"].as_u64()),
        (Some(18), Some(10))
    );
}

#[test]
fn a_missing_policies_directory_is_exit_code_2() {
    let output = Command::new(davar())
        .args(["--policies", "/nonexistent/policies", "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot load policies"));
}

/// `davar check` of the example policies with a copy of the rules whose answers cite `cited`
/// instead of `terms#qa-no-personal-info`: its standard output, after asserting exit code 1.
fn check_with_answers_citing(cited: &str) -> String {
    let rules = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("rules"), rules.path()).unwrap();
    let file = rules.path().join("answers.default.yaml");
    let text = read(&file);
    assert!(text.contains("clause: terms#qa-no-personal-info"));
    std::fs::write(&file, text.replace("terms#qa-no-personal-info", cited)).unwrap();
    let output = Command::new(davar())
        .current_dir(repo())
        .arg("--rules")
        .arg(rules.path())
        .args(["check", "--as-of", "2026-11-21"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[broken-link]: rule `"), "{stdout}");
    assert!(stdout.contains("answers.default.yaml:"), "{stdout}");
    stdout
}

#[test]
fn a_rule_citing_a_missing_clause_is_a_broken_link() {
    let stdout = check_with_answers_citing("terms#qa-no-personal-data");
    assert!(stdout.contains("cites `terms#qa-no-personal-data`, which is not a clause of the version in force on 2026-11-21"), "{stdout}");
}

#[test]
fn a_rule_citing_a_document_the_policies_lack_says_so() {
    let stdout = check_with_answers_citing("handbook#qa-no-personal-info");
    assert!(
        stdout.contains(
            "cites `handbook#qa-no-personal-info`, but these policies have no document `handbook`"
        ),
        "{stdout}"
    );
    assert!(
        !stdout.contains("not a clause of the version in force"),
        "{stdout}"
    );
}
