//! One fixture file per rule code (`tests/fixtures/<family>/<name>.yaml`): cases that must
//! fire and near-misses that must not, run through the engine built from `rules/`, with an
//! insta snapshot of the readable diagnostics of each file.

use crate::common;

use std::fmt::Write as _;
use std::path::Path;

use davar_moderation::{Comment, Kind, MemoryStore, ModerationResult, Severity};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    code: String,
    #[serde(default)]
    kind: Kind,
    #[serde(default)]
    product: Option<String>,
    /// Severity the code must have in the Persian rule set (default: not checked).
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    setup: Vec<Case>,
    fire: Vec<Case>,
    never: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    no_title: bool,
    #[serde(default)]
    body: Option<String>,
    /// A body made of a text repeated N times.
    #[serde(default)]
    body_repeat: Option<(String, usize)>,
    #[serde(default)]
    lang: Option<String>,
    /// The exact text of the span the code must flag.
    #[serde(default)]
    text: Option<String>,
    /// The repaired body.
    #[serde(default)]
    fixed: Option<String>,
}

impl Case {
    fn comment(&self, fixture: &Fixture) -> Comment {
        let body = match (&self.body, &self.body_repeat) {
            (Some(b), _) => b.clone(),
            (None, Some((text, n))) => text.repeat(*n),
            (None, None) => String::new(),
        };
        Comment {
            id: None,
            kind: fixture.kind,
            title: if self.no_title {
                None
            } else {
                Some(self.title.clone().unwrap_or_else(|| "نظر من".into()))
            },
            body,
            product: fixture.product.clone(),
            author: None,
            lang: self.lang.clone().unwrap_or_else(|| "fa".into()),
        }
    }
}

fn render(comment: &Comment, result: &ModerationResult, code: &str) -> String {
    let mut out = String::new();
    let shown: String = comment.body.chars().take(80).collect();
    let _ = writeln!(out, "body: {shown}");
    for v in result.violations.iter().filter(|v| v.code == code) {
        let _ = writeln!(
            out,
            "  {} [{}] {:?} {}..{} `{}`",
            v.code,
            v.severity.as_str(),
            v.field,
            v.start,
            v.end,
            v.text
        );
    }
    if let Some(fixed) = &result.fixed {
        let _ = writeln!(
            out,
            "  fixed: {}",
            fixed.body.chars().take(80).collect::<String>()
        );
    }
    out
}

fn run_fixture(path: &Path, failures: &mut Vec<String>) -> String {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let fixture: Fixture =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let engine = common::engine();
    let store = MemoryStore::new();
    let name = path.display();
    for case in &fixture.setup {
        engine
            .moderate(&case.comment(&fixture), &store)
            .expect("setup moderates");
    }
    let mut snapshot = String::new();
    for (i, case) in fixture.fire.iter().enumerate() {
        let comment = case.comment(&fixture);
        let result = engine.moderate(&comment, &store).expect("moderates");
        snapshot.push_str(&render(&comment, &result, &fixture.code));
        let hits: Vec<_> = result
            .violations
            .iter()
            .filter(|v| v.code == fixture.code)
            .collect();
        if hits.is_empty() {
            failures.push(format!(
                "{name}: fire[{i}] did not fire: {:?}",
                comment.body
            ));
            continue;
        }
        if let Some(severity) = fixture.severity
            && hits.iter().any(|v| v.severity != severity)
        {
            failures.push(format!("{name}: fire[{i}] severity is not {severity:?}"));
        }
        if let Some(expected) = &case.text
            && !hits.iter().any(|v| &v.text == expected)
        {
            let got: Vec<_> = hits.iter().map(|v| v.text.as_str()).collect();
            failures.push(format!(
                "{name}: fire[{i}] span text {got:?}, expected {expected:?}"
            ));
        }
        if let Some(expected) = &case.fixed {
            let got = result.fixed.as_ref().map(|f| f.body.as_str());
            if got != Some(expected.as_str()) {
                failures.push(format!(
                    "{name}: fire[{i}] fixed {got:?}, expected {expected:?}"
                ));
            }
        }
    }
    for (i, case) in fixture.never.iter().enumerate() {
        let comment = case.comment(&fixture);
        let result = engine.moderate(&comment, &store).expect("moderates");
        if let Some(v) = result.violations.iter().find(|v| v.code == fixture.code) {
            failures.push(format!(
                "{name}: never[{i}] fired on `{}` in {:?}",
                v.text, comment.body
            ));
        }
    }
    snapshot
}

#[test]
fn every_rule_fires_on_its_cases_and_not_on_its_near_misses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for family in std::fs::read_dir(&root).expect("fixtures dir") {
        let family = family.expect("entry").path();
        for file in std::fs::read_dir(&family).expect("family dir") {
            files.push(file.expect("entry").path());
        }
    }
    files.sort();
    let mut failures = Vec::new();
    let mut covered = Vec::new();
    let mut snapshots = Vec::new();
    for path in &files {
        let snapshot = run_fixture(path, &mut failures);
        let family = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        covered.push(format!("{family}/{stem}"));
        snapshots.push((format!("{family}__{stem}"), snapshot));
    }
    for info in davar_moderation::catalog() {
        if !covered.iter().any(|c| c == info.code) {
            failures.push(format!(
                "no fixture for {}: add tests/fixtures/{}.yaml",
                info.code, info.code
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for (name, snapshot) in snapshots {
        insta::assert_snapshot!(name, snapshot);
    }
}
