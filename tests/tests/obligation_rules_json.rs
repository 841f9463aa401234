//! End-to-end: `davar build` writes `rules.json` and `rules.schema.json`; the file validates
//! against the schema and lists every obligation of the versions in force or upcoming.

use std::path::Path;
use std::process::Command;

use davar_tests::davar_bin;

fn build(policies: &str, as_of: &str) -> (serde_json::Value, serde_json::Value) {
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // The repository's rule sets cite clauses of the repository's policies only; a fixture
    // policy set is built with its own (absent) rules directory.
    let rules = if policies == "policies" {
        "rules".to_string()
    } else {
        format!("{policies}/rules")
    };
    let status = Command::new(davar_bin())
        .current_dir(&root)
        .args([
            "--policies",
            policies,
            "--rules",
            &rules,
            "build",
            "--as-of",
            as_of,
            "--out",
        ])
        .arg(out.path().join("site"))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(out.path().join("site").join(name)).unwrap()).unwrap()
    };
    (read("rules.json"), read("rules.schema.json"))
}

fn assert_valid(rules: &serde_json::Value, schema: &serde_json::Value) {
    let validator = jsonschema::validator_for(schema).expect("rules.schema.json is a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(rules)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn example_rules_validate_and_cover_in_force_and_upcoming_versions() {
    let (rules, schema) = build("policies", "2026-11-21");
    assert_valid(&rules, &schema);
    let obligations = rules["obligations"].as_array().unwrap();
    let refund = obligations
        .iter()
        .find(|o| {
            o["id"] == "refund-failed-order" && o["lang"] == "fa" && o["status"] == "in-force"
        })
        .expect("refund-failed-order in force in Persian");
    assert_eq!(refund["limit"]["text"], "24 to 48 working hours");
    assert_eq!(refund["limit"]["low"], 24);
    assert!(
        refund["url"]
            .as_str()
            .unwrap()
            .starts_with("https://policies.chaharsu.example/fa/terms/v")
    );
    assert!(
        obligations
            .iter()
            .any(|o| o["document"] == "terms" && o["status"] == "upcoming")
    );
}

#[test]
fn a_version_change_shows_both_versions_until_the_new_one_applies() {
    let (rules, schema) = build("tests/fixtures/obligation/valid", "2026-05-15");
    assert_valid(&rules, &schema);
    let ack: Vec<(&str, &str)> = rules["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["id"] == "acknowledge" && o["lang"] == "en")
        .map(|o| {
            (
                o["status"].as_str().unwrap(),
                o["limit"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(ack, [("in-force", "24 hours"), ("upcoming", "12 hours")]);
    // A broken instance is rejected: the schema is not vacuous.
    let mut broken = rules.clone();
    broken["obligations"][0]["actor"] = "robot".into();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&broken));
}
