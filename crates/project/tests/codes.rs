//! The table of check codes drives the fixture tests: every code in
//! [`davar_policy::codes::CODES`] has an invalid fixture set in `tests/fixtures/invalid/<code>/`
//! (a policies directory, with a `rules/` directory inside when the code needs one) that the
//! pipeline reports with that code and no other, as the snapshot `invalid-<code>` shows. A
//! code without a fixture, or a fixture without a code, fails.

use std::path::{Path, PathBuf};

use davar_policy::codes::CODES;
use davar_project::{Options, Paths, Project};
use jiff::civil::date;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/invalid")
}

/// Compiles a fixture set as of 2026-01-10; returns the project and its human report with
/// paths relative to the fixture.
fn diagnose(dir: &Path) -> (Project, String) {
    let rules = dir.join("rules");
    let has_rule_sets = std::fs::read_dir(&rules).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "yaml"))
    });
    let paths = Paths {
        policies: dir.to_path_buf(),
        rules,
    };
    let options = Options {
        as_of: Some(date(2026, 1, 10)),
        rule_sets: has_rule_sets,
    };
    let project = Project::load(&paths, options).expect("the fixture loads");
    let prefix = format!("{}/", dir.display());
    let rendered = project.render_human().replace(&prefix, "");
    (project, rendered)
}

#[test]
fn every_check_code_has_a_fixture_reported_with_that_code_only() {
    for entry in CODES {
        let dir = fixtures().join(entry.code);
        assert!(
            dir.is_dir(),
            "`{}` has no invalid fixture: add tests/fixtures/invalid/{}/",
            entry.code,
            entry.code
        );
        let (project, rendered) = diagnose(&dir);
        assert!(
            !project.diagnostics.is_empty(),
            "{}: no diagnostic",
            entry.code
        );
        assert!(
            project.diagnostics.iter().all(|d| d.code == entry.code),
            "{}: only `{}` expected, got:\n{rendered}",
            entry.code,
            entry.code
        );
        let example = entry
            .doc
            .split("```text\n")
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .unwrap_or_else(|| panic!("{}: the doc has no ```text example", entry.code));
        assert!(
            rendered.contains(example),
            "{}: the doc's example `{example}` is not what the fixture gives:\n{rendered}",
            entry.code
        );
        insta::assert_snapshot!(format!("invalid-{}", entry.code), rendered);
    }
}

#[test]
fn the_valid_policy_fixture_is_clean() {
    let dir = fixtures().join("../policy/valid");
    let (project, rendered) = diagnose(&dir);
    assert!(project.diagnostics.is_empty(), "{rendered}");
}

#[test]
fn every_fixture_is_a_check_code() {
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            CODES.iter().any(|c| c.code == name),
            "tests/fixtures/invalid/{name} names no check code"
        );
    }
}

#[test]
fn the_json_form_has_the_documented_fields() {
    let (project, _) = diagnose(&fixtures().join("placeholder"));
    let json = serde_json::to_value(&project.diagnostics[0]).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "code", "column", "file", "help", "line", "message", "severity"
        ]
    );
    assert_eq!(json["line"], 18);
    assert_eq!(json["column"], 10);
    let line = project.render_json_lines();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(line.lines().next().unwrap()).unwrap(),
        json
    );
}
