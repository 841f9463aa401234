//! The compile pipeline on the example marketplace and on broken copies of it: every kind of
//! diagnostic is found in one place, with one count.

use std::path::{Path, PathBuf};

use davar_policy::{Severity, SiteConfig};
use davar_project::{Options, Paths, Project, today};
use jiff::civil::date;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example() -> Paths {
    Paths {
        policies: root().join("policies"),
        rules: root().join("rules"),
    }
}

fn as_of(d: jiff::civil::Date) -> Options {
    Options {
        as_of: Some(d),
        rule_sets: true,
    }
}

/// Copies `from` into `to` recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn the_example_marketplace_compiles_clean_with_engine_calendars_and_site() {
    let project = Project::load(&example(), as_of(date(2026, 11, 21))).unwrap();
    assert!(project.diagnostics.is_empty(), "{}", project.render_human());
    assert_eq!(project.counts().to_string(), "0 error(s), 0 warning(s)");
    let engine = project.engine.as_ref().expect("the rule sets compile");
    assert!(!engine.rule_sets().is_empty());
    assert!(project.calendars.get("ir").is_some());
    assert!(project.lock.is_some(), "policy.lock is read");
    let site = project.site(None).unwrap();
    assert!(site.files.contains_key("rules.json"));
    assert!(site.files.contains_key("fa/terms/index.html"));
}

#[test]
fn rule_set_calendar_and_lock_problems_land_in_one_sorted_list() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        policies: dir.path().join("policies"),
        rules: dir.path().join("rules"),
    };
    copy_dir(&example().policies, &paths.policies);
    copy_dir(&example().rules, &paths.rules);
    let answers = paths.rules.join("answers.default.yaml");
    let text = std::fs::read_to_string(&answers).unwrap();
    std::fs::write(
        &answers,
        text.replace("terms#qa-no-personal-info", "terms#qa-no-personal-data"),
    )
    .unwrap();
    let ir = paths.rules.join("calendars/ir.yaml");
    let text = std::fs::read_to_string(&ir).unwrap();
    std::fs::write(&ir, text.replacen("days_off:", "days_of:", 1)).unwrap();
    std::fs::write(paths.policies.join("policy.lock"), "not a lock line\n").unwrap();

    let project = Project::load(&paths, as_of(date(2026, 11, 21))).unwrap();
    let codes: Vec<&str> = project.diagnostics.iter().map(|d| d.code).collect();
    for code in ["broken-link", "calendar", "locked-version-changed"] {
        assert!(
            codes.contains(&code),
            "{code} missing: {}",
            project.render_human()
        );
    }
    let link = project
        .diagnostics
        .iter()
        .find(|d| d.code == "broken-link")
        .unwrap();
    assert!(link.file.ends_with("answers.default.yaml"));
    assert!(link.line > 0 && link.column > 0);
    let counts = project.counts();
    assert_eq!(
        counts.errors,
        project
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    );
    let human = project.render_human();
    assert!(human.ends_with(&format!("{counts}\n")), "{human}");
    assert!(
        human.contains("not a lock line"),
        "the lock line is underlined: {human}"
    );
    let mut sorted = project.diagnostics.clone();
    davar_policy::check::sort(&mut sorted);
    assert_eq!(sorted, project.diagnostics);
}

#[test]
fn without_a_rules_directory_only_the_policies_are_compiled() {
    let paths = Paths {
        policies: root().join("tests/fixtures/obligation/valid"),
        rules: root().join("tests/fixtures/obligation/valid/no-rules"),
    };
    let project = Project::load(&paths, as_of(date(2026, 11, 21))).unwrap();
    assert!(project.engine.is_none());
    assert!(project.diagnostics.is_empty(), "{}", project.render_human());
    assert!(
        project.notes[0].contains("no rules directory"),
        "{:?}",
        project.notes
    );
}

#[test]
fn rule_sets_are_left_out_when_not_asked_for() {
    let options = Options {
        as_of: Some(date(2026, 11, 21)),
        rule_sets: false,
    };
    let project = Project::load(&example(), options).unwrap();
    assert!(project.engine.is_none());
    assert!(
        project.calendars.get("ir").is_some(),
        "calendars are still read"
    );
}

#[test]
fn an_unusable_policies_directory_is_an_error_naming_it() {
    let paths = Paths {
        policies: PathBuf::from("/nonexistent/policies"),
        rules: root().join("rules"),
    };
    let err = Project::load(&paths, Options::default()).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "cannot load policies: cannot read the policies directory /nonexistent/policies"
        ),
        "{err}"
    );
}

#[test]
fn today_is_read_in_the_site_time_zone() {
    let site = |zone: &str| {
        let text = format!(
            "marketplace:\n  name: {{ en: Shop }}\nbase_url: https://x.example\nlanguages: [en]\nbinding_language: en\ntimezone: {zone}\n"
        );
        SiteConfig::parse(Path::new("site.yaml"), &text).unwrap()
    };
    // UTC+14 and UTC-12 are 26 hours apart: their dates always differ.
    let east = today(&site("Pacific/Kiritimati"));
    let west = today(&site("Etc/GMT+12"));
    assert!(east > west, "{east} vs {west}");
    // Without `--as-of`, the project is compiled for today there.
    let project = Project::load(&example(), Options::default()).unwrap();
    assert_eq!(project.as_of, today(&project.policies.site));
    assert_eq!(project.policies.site.timezone, "Asia/Tehran");
}

#[test]
fn a_front_matter_typo_is_one_error_with_a_suggestion_and_no_cascade() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        policies: dir.path().join("policies"),
        rules: dir.path().join("rules"),
    };
    copy_dir(&example().policies, &paths.policies);
    copy_dir(&example().rules, &paths.rules);
    // A locked version that has a translation: the lock and the translation check must not
    // report it as deleted or missing.
    let source = paths.policies.join("terms/v3.en.md");
    let text = std::fs::read_to_string(&source).unwrap();
    assert!(text.contains("\neffective:"));
    std::fs::write(&source, text.replacen("\neffective:", "\nefective:", 1)).unwrap();

    let project = Project::load(&paths, as_of(date(2026, 11, 21))).unwrap();
    let human = project.render_human();
    assert_eq!(project.diagnostics.len(), 1, "{human}");
    let d = &project.diagnostics[0];
    assert_eq!(d.code, "front-matter", "{human}");
    assert!(d.file.ends_with("terms/v3.en.md"), "{human}");
    assert!(
        d.help
            .as_deref()
            .unwrap_or_default()
            .contains("did you mean `effective`"),
        "{human}"
    );
}
