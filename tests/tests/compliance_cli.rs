//! The compliance commands over a real decision log. `davar serve` writes the log (engine
//! rejections in fa, en, fr and de, a moderator's rejection and approval, one appeal decided at
//! once by a second moderator and one left open); the server stops, and `davar decisions
//! export`, `davar report` (tables, JSON and the published page in every site language) and
//! `davar audit --decisions` read the SQLite file it left.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::server_support::{self, Server};

const CLIENT: &str = "storefront-key-0001";
const SARA: &str = "moderator-key-sara-01";
const OMID: &str = "moderator-key-omid-01";
/// The author named in every comment: personal data that must appear in no export line.
const AUTHOR: &str = "author-parisa-7781";
/// Engine rejections written through one batch: more than two batches of 100.
const ENGINE_REJECTIONS: usize = 205;
/// Wide enough for every decision the test takes, whatever today is.
const SINCE: &str = "2026-01-01";
const UNTIL: &str = "2099-12-31";

/// Comments that the engine rejects (a phone number), by language.
const PHONE: [(&str, &str); 4] = [
    (
        "fa",
        "گوشی خوبیه، برای هماهنگی خرید به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید",
    ),
    (
        "en",
        "Works well, call me on +49 151 23456789 for a second one.",
    ),
    (
        "fr",
        "Très bon produit, appelez-moi au +49 151 23456789 pour un deuxième.",
    ),
    (
        "de",
        "Gutes Gerät, ruft mich unter +49 151 23456789 für ein zweites an.",
    ),
];
/// A review without a title: the engine queues it for a person.
const UNTITLED: &str = "Solid build and the battery lasts, after 3 weeks of use.";

/// The decision log the tests read, written once.
struct Log {
    dir: PathBuf,
    url: String,
    /// Every rejection (engine and moderator): what the export must hold.
    restrictions: BTreeSet<String>,
    /// The appeal a second moderator decided at once, and its outcome.
    decided_appeal: String,
    reversal: String,
    /// The appeal nobody decides, and when it was received.
    open_appeal: String,
    open_received: String,
}

fn log() -> &'static Log {
    static LOG: OnceLock<Log> = OnceLock::new();
    LOG.get_or_init(write_log)
}

/// `POST path` with `key`; the status and the JSON answered (`null` for none).
fn post(server: &Server, path: &str, key: &str, body: Option<Value>) -> (u16, Value) {
    let url = format!("{}{path}", server.url);
    let reply = server_support::post_json(&url, &body.unwrap_or(json!({})), Some(key));
    let body = if reply.body.is_empty() {
        Value::Null
    } else {
        reply.json()
    };
    (reply.status, body)
}

fn write_log() -> Log {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compliance-cli");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let keys = dir.join("keys.txt");
    std::fs::write(
        &keys,
        format!("client {CLIENT}\nmoderator {SARA} sara\nmoderator {OMID} omid\n"),
    )
    .unwrap();
    let url = format!("sqlite://{}", dir.join("davar.db").display());
    let server = Server::start(&["--store", &url, "--api-keys", keys.to_str().unwrap()]);

    let comments: Vec<Value> = (0..ENGINE_REJECTIONS)
        .map(|i| {
            let (lang, body) = PHONE[i % PHONE.len()];
            json!({"id": format!("x-{i}"), "kind": "review", "lang": lang, "title": "Phone",
                "body": body, "author": AUTHOR, "content_date": "2026-11-28T10:00:00Z"})
        })
        .collect();
    let (status, results) = post(
        &server,
        "/v1/moderate/batch",
        CLIENT,
        Some(Value::Array(comments)),
    );
    assert_eq!(status, 200, "{results}");
    let mut restrictions = BTreeSet::new();
    for result in results.as_array().unwrap() {
        assert_eq!(result["verdict"], "reject", "{result}");
        restrictions.insert(result["decision_id"].as_str().unwrap().to_owned());
    }

    // Two untitled reviews wait for a person: sara rejects the first, approves the second.
    let mut queued = Vec::new();
    for id in ["q-1", "q-2"] {
        let (_, result) = post(
            &server,
            "/v1/moderate",
            CLIENT,
            Some(
                json!({"id": id, "kind": "review", "lang": "en", "body": UNTITLED,
                "author": AUTHOR}),
            ),
        );
        assert_eq!(result["verdict"], "review", "{result}");
        queued.push(result["decision_id"].as_str().unwrap().to_owned());
    }
    let decide = |key: &str, item: &str, body: Value| {
        let (status, claimed) = post(&server, &format!("/v1/queue/{item}/claim"), key, None);
        assert_eq!(status, 200, "{claimed}");
        let (status, record) = post(
            &server,
            &format!("/v1/queue/{item}/decision"),
            key,
            Some(body),
        );
        assert_eq!(status, 200, "{record}");
        record["id"].as_str().unwrap().to_owned()
    };
    let moderator_reject = decide(
        SARA,
        &queued[0],
        json!({"action": "reject", "codes": ["review/missing-title"]}),
    );
    restrictions.insert(moderator_reject.clone());
    decide(SARA, &queued[1], json!({"action": "approve"}));

    // The author appeals sara's rejection; omid (not sara) reverses it at once.
    let appeal = |decision: &str| {
        let (status, record) = post(
            &server,
            &format!("/v1/decisions/{decision}/appeal"),
            CLIENT,
            Some(json!({"text": "The review is about the product; I add a title now."})),
        );
        assert_eq!(status, 201, "{record}");
        (
            record["id"].as_str().unwrap().to_owned(),
            record["decided_at"].as_str().unwrap().to_owned(),
        )
    };
    let (decided_appeal, _) = appeal(&moderator_reject);
    let reversal = decide(OMID, &decided_appeal, json!({"action": "approve"}));
    // An engine rejection appealed and left undecided.
    let first_engine = restrictions
        .iter()
        .find(|id| **id != moderator_reject)
        .unwrap()
        .clone();
    let (open_appeal, open_received) = appeal(&first_engine);
    let status = server.stop();
    assert!(status.success(), "davar serve stopped with {status}");
    Log {
        dir,
        url,
        restrictions,
        decided_appeal,
        reversal,
        open_appeal,
        open_received,
    }
}

/// Runs `davar` in the workspace (its `policies/` and `rules/`), with `envs` set.
fn davar(args: &[&str], envs: &[(&str, &str)]) -> Output {
    Command::new(davar_tests::davar_bin())
        .current_dir(davar_tests::repo_root())
        .args(args)
        .env_remove("DAVAR_STORE")
        .envs(envs.iter().copied())
        .env("NO_COLOR", "1")
        .output()
        .expect("run davar")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_restriction_is_exported_as_a_valid_statement_in_batches_of_100() {
    let log = log();
    let out = log.dir.join("export/");
    let output = davar(
        &[
            "decisions",
            "export",
            "--since",
            SINCE,
            "--until",
            UNTIL,
            "--format",
            "dsa-sor",
            "--store",
            &log.url,
            "--output",
            out.to_str().unwrap(),
        ],
        &[],
    );
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("{} statements", log.restrictions.len())),
        "{stderr}"
    );
    let jsonl = std::fs::read_to_string(out.join("statements.jsonl")).unwrap();
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            davar_tests::repo_root().join("crates/server/schemas/dsa-statement.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for line in &lines {
        let errors: Vec<String> = validator.iter_errors(line).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{line}\n{errors:#?}");
    }
    // The schema can refuse: a statement without its category fails.
    let mut broken = lines[0].clone();
    broken.as_object_mut().unwrap().remove("category");
    assert!(!validator.is_valid(&broken));

    let puids: BTreeSet<String> = lines
        .iter()
        .map(|l| l["puid"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(puids.len(), lines.len(), "one line per decision");
    assert_eq!(puids, log.restrictions, "every restriction, nothing else");
    let languages: BTreeSet<&str> = lines
        .iter()
        .filter_map(|l| l["content_language"].as_str())
        .collect();
    assert_eq!(
        languages,
        BTreeSet::from(["DE", "EN", "FA", "FR"]),
        "statements in each language"
    );
    for line in &lines {
        assert!(
            line["decision_ground_reference_url"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://") && u.contains('#')),
            "the published clause: {line}"
        );
    }
    // No personal data: no author, no phone number, no text the author wrote.
    for secret in [AUTHOR, "23456789", "۳۴۵ ۶۷۸۹", "Solid build", "Works well"] {
        assert!(!jsonl.contains(secret), "`{secret}` is exported");
    }

    // Batches of at most 100, in the order of the lines, each ready to POST.
    let mut batched = Vec::new();
    let mut sizes = Vec::new();
    for n in 1.. {
        let path = out.join(format!("batch-{n:04}.json"));
        if !path.exists() {
            break;
        }
        let body: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let statements = body["statements"].as_array().unwrap();
        sizes.push(statements.len());
        batched.extend(statements.iter().cloned());
    }
    let total = log.restrictions.len();
    assert_eq!(sizes, vec![100, 100, total - 200]);
    assert_eq!(batched, lines);

    // A second export into the same directory would leave the first one's batches beside its
    // own, to be sent with them: it is refused, and the files stay as they were.
    let again = davar(
        &[
            "decisions",
            "export",
            "--since",
            SINCE,
            "--until",
            SINCE,
            "--format",
            "dsa-sor",
            "--store",
            &log.url,
            "--output",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(again.status.code(), Some(2));
    let stderr = text(&again.stderr);
    assert!(
        stderr.contains("batch-0001.json") && stderr.contains("empty directory"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("statements.jsonl")).unwrap(),
        jsonl
    );

    // The Transparency Database takes no more than 100 per call.
    let refused = davar(
        &[
            "decisions",
            "export",
            "--since",
            SINCE,
            "--format",
            "dsa-sor",
            "--batch",
            "101",
            "--store",
            &log.url,
        ],
        &[],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("--batch 101 is out of range"),
        "{}",
        text(&refused.stderr)
    );
}

/// Sums the values of a JSON object of counts.
fn sum(table: &Value) -> u64 {
    table
        .as_object()
        .unwrap_or_else(|| panic!("not a table: {table}"))
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum()
}

#[test]
fn the_report_figures_add_up_across_tables() {
    let log = log();
    let report = |format: &str, envs: &[(&str, &str)]| {
        let output = davar(
            &["report", "--from", SINCE, "--to", UNTIL, "--format", format],
            envs,
        );
        assert!(output.status.success(), "{}", text(&output.stderr));
        text(&output.stdout)
    };
    // The log comes from DAVAR_STORE, as for `davar serve`.
    let f: Value = serde_json::from_str(&report("json", &[("DAVAR_STORE", &log.url)])).unwrap();
    let total = log.restrictions.len() as u64;
    let r = &f["restrictions"];
    assert_eq!(r["total"], total);
    for table in [
        "by_kind",
        "by_category",
        "by_codes_cited",
        "by_automated_decision",
        "by_automated_detection",
    ] {
        assert_eq!(sum(&r[table]), total, "{table}: {r}");
    }
    assert_eq!(r["by_automated_decision"]["fully"], ENGINE_REJECTIONS);
    assert_eq!(r["by_automated_decision"]["partially"], 1, "{r}");
    assert_eq!(r["by_code"]["contacts/phone"], ENGINE_REJECTIONS, "{r}");
    // Every restriction here cites one code.
    assert_eq!(sum(&r["by_code"]), total, "{r}");
    assert_eq!(r["code_citations"], total, "{r}");
    let records = &f["records"];
    assert_eq!(
        records["engine"]["reject"].as_u64().unwrap()
            + records["review"]["reject"].as_u64().unwrap(),
        total,
        "{records}"
    );
    assert_eq!(f["queue"]["decided"], sum(&records["review"]), "{f}");
    assert_eq!(sum(&f["queue"]["by_action"]), sum(&records["review"]));
    let a = &f["appeals"];
    assert_eq!(a["received"], records["appeal"]["queue"], "{f}");
    assert_eq!(a["received"], 2);
    assert_eq!(
        (a["decided"].as_u64(), a["reversed"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(a["upheld"], 0);
    assert_eq!(a["pending"], 1);
    assert_eq!(a["pending_at_start"], 0);
    assert_eq!(sum(&a["deadlines"]), 2, "{a}");

    // The human table says the same.
    let human = report("human", &[("DAVAR_STORE", &log.url)]);
    assert!(
        human.contains(&format!("Restrictions (statements of reasons): {total}")),
        "{human}"
    );
    assert!(
        human.contains(
            "Appeals pending at the start: 0; received: 2; decided 1 (upheld 0, reversed 1); pending at the end: 1"
        ),
        "{human}"
    );
    assert!(human.contains("contacts/phone"), "{human}");
    // The report lists the identities it checked, each holding.
    assert!(
        human.contains(
            "ok   appeals pending at the start + received − decided = pending at the end: 0 + 2 − 1 = 1"
        ),
        "{human}"
    );
    assert!(!human.contains("FAIL"), "{human}");
    let checks = f["checks"].as_array().unwrap();
    assert!(checks.len() >= 10, "{checks:?}");
    assert!(checks.iter().all(|c| c["holds"] == true), "{checks:?}");
}

/// `received` (RFC 3339) plus `days`.
fn days_after(received: &str, days: i64) -> String {
    let at: jiff::Timestamp = received.parse().unwrap();
    (at + jiff::SignedDuration::from_hours(24 * days)).to_string()
}

fn audit_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_audit_reports_an_appeal_left_open_past_the_promised_time_as_breached() {
    let log = log();
    let later = days_after(&log.open_received, 60);
    let output = davar(
        &[
            "audit",
            "--decisions",
            &log.url,
            "--now",
            &later,
            "--format",
            "json",
        ],
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let audits = audit_lines(&text(&output.stdout));
    assert_eq!(audits.len(), 2, "{audits:?}");
    let find = |appeal: &str| audits.iter().find(|a| a["appeal"] == appeal).unwrap();
    let open = find(&log.open_appeal);
    assert_eq!(open["status"], "breached", "{open}");
    assert_eq!(open["findings"][0]["obligation"], "decide-appeal", "{open}");
    assert_eq!(open["findings"][0]["doc"], "dispute-policy");
    let decided = find(&log.decided_appeal);
    assert_eq!(decided["status"], "met", "{decided}");
    assert_eq!(decided["outcome"], "reversed");
    assert!(decided["decided_at"].is_string());

    // --fail-on breached fails the run; the same log today has nothing breached.
    let failing = davar(
        &[
            "audit",
            "--decisions",
            &log.url,
            "--now",
            &later,
            "--fail-on",
            "breached",
        ],
        &[],
    );
    assert_eq!(failing.status.code(), Some(1), "{}", text(&failing.stderr));
    let today = davar(
        &[
            "audit",
            "--decisions",
            &log.url,
            "--now",
            &days_after(&log.open_received, 1),
            "--fail-on",
            "breached",
        ],
        &[],
    );
    assert_eq!(today.status.code(), Some(0), "{}", text(&today.stderr));
    assert!(
        text(&today.stdout).contains("2 appeal(s): 1 met, 0 breached, 1 open"),
        "{}",
        text(&today.stdout)
    );
    assert!(!log.reversal.is_empty());

    // Just before the open appeal was received, it is a future event: not listed.
    let received: jiff::Timestamp = log.open_received.parse().unwrap();
    let before = (received - jiff::SignedDuration::from_micros(1)).to_string();
    let earlier = davar(
        &[
            "audit",
            "--decisions",
            &log.url,
            "--now",
            &before,
            "--format",
            "json",
        ],
        &[],
    );
    assert!(earlier.status.success(), "{}", text(&earlier.stderr));
    let audits = audit_lines(&text(&earlier.stdout));
    assert_eq!(audits.len(), 1, "{audits:?}");
    assert_eq!(audits[0]["appeal"], log.decided_appeal.as_str());
}

#[test]
fn the_appeal_audit_reads_davar_store_and_writes_to_output() {
    let log = log();
    let report = log.dir.join("appeals.txt");
    let later = days_after(&log.open_received, 60);
    let output = davar(
        &[
            "audit",
            "--decisions",
            "--now",
            &later,
            "--output",
            report.to_str().unwrap(),
        ],
        &[("DAVAR_STORE", &log.url)],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "", "the report goes to --output only");
    let written = std::fs::read_to_string(&report).unwrap();
    assert!(written.contains(&log.open_appeal), "{written}");
    assert!(
        written.contains("2 appeal(s): 1 met, 1 breached, 0 open"),
        "{written}"
    );
    // --quiet leaves the count line out.
    let quiet = davar(
        &["audit", "--decisions", &log.url, "--now", &later, "--quiet"],
        &[],
    );
    assert!(!text(&quiet.stdout).contains("appeal(s):"));
    assert!(text(&quiet.stdout).contains("BREACHED"));

    // Writing the report over the decision log is refused, and the log survives.
    let db = log.url.trim_start_matches("sqlite://");
    let before = std::fs::metadata(db).unwrap().len();
    let refused = davar(
        &["audit", "--decisions", "--output", db],
        &[("DAVAR_STORE", &log.url)],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("which this command reads"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(std::fs::metadata(db).unwrap().len(), before);
}

#[test]
fn no_command_writes_over_the_files_sqlite_keeps_beside_the_log() {
    // A copy of the shared log: other tests read the shared one at the same time, and SQLite
    // makes its `-wal` and `-shm` files appear beside it while they do.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("davar.db");
    std::fs::copy(log().url.trim_start_matches("sqlite://"), &copy).unwrap();
    let url = format!("sqlite://{}", copy.display());
    let db = copy.display().to_string();
    let export = |output: Option<&str>| {
        let mut args = vec![
            "decisions",
            "export",
            "--since",
            SINCE,
            "--until",
            UNTIL,
            "--format",
            "dsa-sor",
            "--store",
            &url,
        ];
        args.extend(output.map(|o| ["--output", o]).into_iter().flatten());
        davar(&args, &[])
    };
    let before = export(None);
    assert!(before.status.success(), "{}", text(&before.stderr));
    assert!(
        text(&before.stdout).lines().count() > 1,
        "the copy holds the decisions"
    );
    for suffix in ["-wal", "-shm", "-journal"] {
        let target = format!("{db}{suffix}");
        let existed = std::fs::read(&target).ok();
        let commands: [Vec<&str>; 3] = [
            vec![
                "decisions",
                "export",
                "--since",
                SINCE,
                "--format",
                "dsa-sor",
                "--store",
                &url,
                "--output",
                &target,
            ],
            vec![
                "report", "--from", SINCE, "--to", UNTIL, "--format", "json", "--store", &url,
                "--output", &target,
            ],
            vec!["audit", "--decisions", &url, "--output", &target],
        ];
        for args in commands {
            let refused = davar(&args, &[]);
            let stderr = text(&refused.stderr);
            assert_eq!(refused.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains("this command reads"), "{args:?}: {stderr}");
            assert!(stderr.contains(suffix), "{args:?}: {stderr}");
            assert_eq!(
                std::fs::read(&target).ok(),
                existed,
                "{args:?} touched {target}"
            );
        }
    }
    // Every decision is still there.
    let after = export(None);
    assert!(after.status.success(), "{}", text(&after.stderr));
    assert_eq!(text(&after.stdout), text(&before.stdout));
}

/// The `data-n` counts of the body rows and of the total row of each figures table in `html`.
fn tables(html: &str) -> Vec<(String, Vec<u64>, u64)> {
    let count = |part: &str| -> Vec<u64> {
        part.split("data-n=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
            .collect()
    };
    html.split("<table class=\"figures\" id=\"")
        .skip(1)
        .map(|table| {
            let table = &table[..table.find("</table>").unwrap()];
            let id = table[..table.find('"').unwrap()].to_owned();
            let (body, foot) = table.split_once("<tfoot>").unwrap();
            (id, count(body), count(foot)[0])
        })
        .collect()
}

#[test]
fn the_transparency_page_is_published_in_every_site_language() {
    let log = log();
    let site = log.dir.join("site");
    let built = davar(&["build", "--out", site.to_str().unwrap()], &[]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let output = davar(
        &[
            "report",
            "--from",
            SINCE,
            "--to",
            UNTIL,
            "--format",
            "html",
            "--store",
            &log.url,
            "--output",
            &format!("{}/", site.display()),
        ],
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(site.join("style.css").is_file());
    let total = log.restrictions.len();
    let persian_total: String = total
        .to_string()
        .chars()
        .map(|c| char::from_u32(0x06F0 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    for (lang, dir, title, shown_total) in [
        ("fa", "rtl", "گزارش شفافیت", persian_total.as_str()),
        ("en", "ltr", "Transparency report", &total.to_string()),
        ("fr", "ltr", "Rapport de transparence", &total.to_string()),
        ("de", "ltr", "Transparenzbericht", &total.to_string()),
    ] {
        let path = site.join(lang).join("transparency/index.html");
        let html =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "{lang}"
        );
        assert!(
            html.contains(&format!("<h1>{title}</h1>")),
            "{lang}: {html}"
        );
        // The period runs to 2099 but is counted up to now: the page names today, as the JSON
        // figures' `to` does, not a last day still to come.
        if lang != "fa" {
            assert!(!html.contains("2099"), "{lang}: {html}");
        }
        assert!(
            html.contains("href=\"../../style.css\""),
            "{lang}: the site's style"
        );
        assert!(
            html.contains(&format!("data-n=\"{total}\">{shown_total}</td>")),
            "{lang}: the total in the page's digits"
        );
        // The language switcher leads to the same page in every other language.
        for other in ["fa", "en", "fr", "de"] {
            assert!(
                html.contains(&format!("href=\"../../{other}/transparency/\"")),
                "{lang} links {other}"
            );
        }
        // Every table adds up to its total row; the restriction tables to the restrictions.
        let tables = tables(&html);
        assert_eq!(tables.len(), 8, "{lang}: {tables:?}");
        assert!(
            tables.iter().any(|t| t.0 == "by-outcome"),
            "{lang}: restrictions by what they did: {tables:?}"
        );
        for (id, rows, total_row) in &tables {
            assert_eq!(rows.iter().sum::<u64>(), *total_row, "{lang} {id}");
            if id != "by-action" && id != "by-deadline" {
                assert_eq!(*total_row, total as u64, "{lang} {id}");
            }
        }
        let deadlines = tables.iter().find(|t| t.0 == "by-deadline").unwrap();
        assert_eq!(deadlines.2, 2, "{lang}: two appeals");
    }
    // One page on standard output, in the language asked for; a language the site lacks is
    // refused.
    let french = davar(
        &[
            "report", "--from", SINCE, "--to", UNTIL, "--format", "html", "--lang", "fr",
            "--store", &log.url,
        ],
        &[],
    );
    assert!(french.status.success(), "{}", text(&french.stderr));
    assert!(text(&french.stdout).contains("<h1>Rapport de transparence</h1>"));
    let italian = davar(
        &[
            "report", "--from", SINCE, "--to", UNTIL, "--format", "html", "--lang", "it",
            "--store", &log.url,
        ],
        &[],
    );
    assert_eq!(italian.status.code(), Some(2));
    assert!(
        text(&italian.stderr).contains("--lang it: the site's languages are fa, en, fr, de"),
        "{}",
        text(&italian.stderr)
    );
}
