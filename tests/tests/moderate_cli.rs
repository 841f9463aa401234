//! End-to-end: the real `davar` binary moderates `--text`, JSON Lines and CSV input with the
//! repository's `rules/` and `policies/`, and documents its rules with `explain` and `rules`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output};

use davar_tests::{davar_bin as davar, repo_root as repo};
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(davar())
        .current_dir(repo())
        .args(["--policies", "policies", "--rules", "rules"])
        .args(args)
        .output()
        .expect("davar runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

fn codes(result: &Value) -> Vec<String> {
    result["violations"]
        .as_array()
        .expect("violations array")
        .iter()
        .map(|v| v["code"].as_str().expect("code").to_owned())
        .collect()
}

fn write_temp(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    let mut f = std::fs::File::create(&path).expect("create input");
    f.write_all(content.as_bytes()).expect("write input");
    (dir, path)
}

#[test]
fn a_spaced_persian_phone_number_is_rejected_with_its_exact_span_and_clause() {
    let out = run(&[
        "moderate",
        "--format",
        "json",
        "--title",
        "خوب",
        "--text",
        "برای خرید زنگ بزنید ۰۹۱۲ ۳۴۵ ۶۷۸۹ ممنون",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let results = json_lines(&out);
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["verdict"], "reject");
    assert_eq!(r["ruleset"], "reviews.fa@1");
    let phone = r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["code"] == "contacts/phone")
        .expect("phone violation");
    assert_eq!(phone["text"], "۰۹۱۲ ۳۴۵ ۶۷۸۹");
    assert_eq!(phone["start"], 20);
    assert_eq!(phone["end"], 33);
    assert_eq!(phone["field"], "body");
    assert!(
        phone["message"]["fa"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    let clause = phone["clause"]
        .as_str()
        .expect("clause URL resolved from policies/");
    assert!(
        clause.starts_with("/fa/terms/") && clause.ends_with("#reviews-no-contacts"),
        "{clause}"
    );
}

#[test]
fn an_honest_colloquial_review_with_brand_names_is_approved() {
    let out = run(&[
        "moderate",
        "--format",
        "json",
        "--title",
        "ارزش خرید داره",
        "--text",
        "Galaxy A54 رو با ۱۲۸ گیگ حافظه گرفتم، کم کم به دوربینش عادت کردم و نسبت به قیمتش خوبه",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r = &json_lines(&out)[0];
    assert_eq!(r["verdict"], "approve", "{r}");
}

#[test]
fn json_lines_input_reports_a_malformed_line_and_goes_on() {
    let input = concat!(
        r#"{"id":"r1","kind":"review","title":"عالی","body":"کیفیتش عالیه!!!","lang":"fa"}"#,
        "\n",
        "{not json\n",
        r#"{"id":"q1","kind":"question","body":"این گوشی ضد آب است؟","product":"p1"}"#,
        "\n",
        r#"{"id":"q2","kind":"question","body":"آیا این گوشی ضد آب هست؟","product":"p1"}"#,
        "\n",
    );
    let (_dir, path) = write_temp("in.jsonl", input);
    let out = run(&["moderate", "--format", "json", path.to_str().unwrap()]);
    // The run completes, and exit 2 says that a record was not read.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("in.jsonl:2: skipped malformed record"),
        "{err}"
    );
    assert!(err.contains("1 malformed input records skipped"), "{err}");
    let results = json_lines(&out);
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["id"], "r1");
    assert_eq!(results[0]["verdict"], "fix");
    assert_eq!(results[0]["fixed"]["body"], "کیفیتش عالیه!");
    assert_eq!(results[1]["verdict"], "approve", "{}", results[1]);
    // The second question repeats the first under the same product, in the same run.
    assert!(
        codes(&results[2]).contains(&"qa/duplicate".to_owned()),
        "{}",
        results[2]
    );
    assert_eq!(results[2]["ruleset"], "questions.fa@1");
}

#[test]
fn csv_input_keeps_other_columns_as_passthrough() {
    let input = "title,comment,recommend\nخوب,\"مدل SM-A546E رو گرفتم، راضی‌ام\",recommended\nتماس,\"زنگ بزنید 09123456789\",not_recommended\n";
    let (_dir, path) = write_temp("reviews.csv", input);
    let out = run(&["moderate", "--format", "json", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let results = json_lines(&out);
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["passthrough"]["recommend"], "recommended");
    assert_eq!(results[0]["verdict"], "approve", "{}", results[0]);
    assert_eq!(results[1]["verdict"], "reject");
    assert_eq!(results[1]["line"], 3);
    assert!(codes(&results[1]).contains(&"contacts/phone".to_owned()));
}

#[test]
fn human_format_underlines_the_span_and_prints_the_summary() {
    let out = run(&[
        "moderate",
        "--format",
        "human",
        "--title",
        "سایت",
        "--text",
        "ببینید shop-example.ir",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("reject[links/url] body 7..22"), "{text}");
    assert!(text.contains("«shop-example.ir»"), "{text}");
    assert!(text.contains("       ^^^^^^^^^^^^^^^\n"), "{text}");
    assert!(text.contains("summary: 1 comments moderated"), "{text}");
    assert!(text.contains("links/url"), "{text}");
}

#[test]
fn bad_input_exits_with_2_and_says_why() {
    let out = run(&["moderate", "--format", "json", "no/such/file.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot open no/such/file.jsonl"),
        "{}",
        stderr(&out)
    );

    let (_dir, path) = write_temp("bad.csv", "title,text\na,b\n");
    let out = run(&["moderate", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no `body` or `comment` column"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_prints_the_rule_documentation_and_rules_lists_every_code() {
    let out = run(&["explain", "contacts/phone"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = stdout(&out);
    assert!(doc.starts_with("# contacts/phone"), "{doc}");
    assert!(
        doc.contains("Default severity: reject. Fixable: no."),
        "{doc}"
    );
    assert!(doc.contains("phonenumber"), "{doc}");

    let out = run(&["explain", "contacts/fax"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean"), "{}", stderr(&out));

    let out = run(&["rules", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rules: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let rules = rules.as_array().expect("array");
    assert_eq!(rules.len(), davar_moderation::catalog().len());
    for rule in rules {
        assert!(
            !rule["rule_sets"].as_array().expect("rule_sets").is_empty(),
            "{} is used by no rule set",
            rule["code"]
        );
    }
}

/// Records of our own, three chunks long: reviews with findings of every
/// severity, and questions that repeat under the same product across chunk boundaries (the
/// one rule whose result depends on the records before it).
fn many_records() -> String {
    let bodies = [
        "جنس پارچه نرم است و به موقع رسید",
        "برای سفارش به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید",
        "كيفيت خوبي داره!!!!",
        "همین را در shop-example.ir ببینید",
        "رنگش با عکس فرق داشت ولی راضی هستم",
    ];
    let questions = [
        "این مدل ضد آب است؟",
        "باتری آن چند ساعت کار می‌کند؟",
        "این مدل ضد آب است؟",
    ];
    let mut out = String::new();
    for i in 0..2_100 {
        let line = if i % 4 == 3 {
            serde_json::json!({
                "id": format!("q{i}"),
                "kind": "question",
                "product": format!("p{}", i % 7),
                "body": questions[i % questions.len()],
            })
        } else {
            serde_json::json!({
                "id": format!("r{i}"),
                "title": if i % 11 == 0 { "" } else { "نظر من" },
                "body": format!("{} {i}", bodies[i % bodies.len()]),
                "stars": i % 5,
            })
        };
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn results_and_repairs_are_byte_identical_for_any_number_of_jobs() {
    let (dir, path) = write_temp("many.jsonl", &many_records());
    let input = path.to_str().unwrap();
    let mut reference: Option<(Vec<u8>, Vec<u8>)> = None;
    for jobs in ["1", "3"] {
        let fixed = dir.path().join(format!("fixed-{jobs}.jsonl"));
        let out = run(&[
            "moderate",
            input,
            "--jobs",
            jobs,
            "--format",
            "json",
            "--quiet",
            "--fix",
            "--output",
            fixed.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "--jobs {jobs}: {}", stderr(&out));
        let fixed = std::fs::read(&fixed).expect("the repaired copy");
        match &reference {
            None => {
                let results = json_lines(&out);
                assert_eq!(results.len(), 2_100);
                let duplicates = results
                    .iter()
                    .filter(|r| codes(r).iter().any(|c| c == "qa/duplicate"))
                    .count();
                assert!(duplicates > 0, "no duplicate question was found");
                reference = Some((out.stdout, fixed));
            }
            Some((stdout, repaired)) => {
                assert!(*stdout == out.stdout, "--jobs {jobs}: results differ");
                assert!(*repaired == fixed, "--jobs {jobs}: repaired copies differ");
            }
        }
    }
}
