//! A decision record's size is bounded by what it must hold, whatever the text: a hostile
//! comment with thousands of matches of one pattern is stored with at most
//! `STORED_PER_CODE` violations of each code listed and the others counted, quotes of long
//! spans shortened, and each rule's message and clause stored once. Checked on SQLite (a file)
//! and, when `DAVAR_TEST_POSTGRES_URL` is set, on PostgreSQL, by the bytes the database holds.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use davar_server::decision::build::{QUOTE_CHARS, STORED_PER_CODE};
use davar_server::{Limits, ServerStore, StoreUrl, app};
use serde_json::{Value, json};

use crate::support::{get, post_json, send, sources, state_over};

/// Units of text that rules match, each repeated through a whole field: the patterns that
/// made the largest records (thousands of URL, e-mail, phone and white-space matches; rules
/// whose span is a whole field), and one mixing many rules' patterns.
const UNITS: [&str; 7] = [
    "shop.ir ",
    "a@b.",
    "w w w . ",
    "2023-05-14 10:30 ",
    "صفر نهصد ",
    "\u{202e}ab.c",
    "۰۹۱۲ ۳۴۵ ۶۷۸۹ a@b.co shop.ir w w w . \u{202e}!!!!!! خوبه سلاممممم 😀😀😀 کـــتاب \
     IBAN IR120170000000123456789012 تلگرام: @shop ۱۲۰ هزار تومان ديگه يه   ",
];

/// The field limit of the served rule sets (`max_input_chars` allows more, the server's
/// field limit is 10,000 code points).
const FIELD_CHARS: usize = 10_000;

/// How many times the text's own bytes a record may take: the comment once, the engine's
/// repair once, and the listed violations.
const BOUND: usize = 3;

fn repeated(unit: &str) -> String {
    unit.chars().cycle().take(FIELD_CHARS).collect()
}

fn store_urls(dir: &std::path::Path) -> Vec<String> {
    let mut urls = vec![format!("sqlite://{}", dir.join("log.db").display())];
    match std::env::var("DAVAR_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => urls.push(url),
        _ => eprintln!("PostgreSQL part skipped: DAVAR_TEST_POSTGRES_URL is not set"),
    }
    urls
}

/// The bytes of the stored record `id`, asked of the database itself.
async fn stored_bytes(url: &str, id: &str) -> usize {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let conn = rusqlite::Connection::open(path).unwrap();
        let bytes: i64 = conn
            .query_row(
                "SELECT length(CAST(record AS BLOB)) FROM davar_decisions WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        usize::try_from(bytes).unwrap()
    } else {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .unwrap();
        let task = tokio::spawn(connection);
        let row = client
            .query_one(
                "SELECT octet_length(record) FROM davar_decisions WHERE id = $1",
                &[&id],
            )
            .await
            .unwrap();
        drop(client);
        let _ = task.await;
        usize::try_from(row.get::<_, i32>(0)).unwrap()
    }
}

async fn router_over(url: &str) -> Router {
    let parsed: StoreUrl = url.parse().unwrap();
    let store: Arc<dyn ServerStore> = parsed.open().await.unwrap();
    app(state_over(sources(), store, None, Limits::default()))
}

fn per_code(violations: &Value) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for v in violations.as_array().unwrap() {
        *counts
            .entry(v["code"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_texts_make_records_of_a_few_times_their_size_that_count_what_they_leave_out() {
    let dir = tempfile::tempdir().unwrap();
    let run = format!(
        "{}-{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    );
    for url in store_urls(dir.path()) {
        let router = router_over(&url).await;
        let mut largest_found = 0;
        let mut shortened = 0;
        for (i, unit) in UNITS.iter().enumerate() {
            for lang in ["fa", "en"] {
                let text = repeated(unit);
                let comment = json!({"id": format!("hostile-{run}-{i}-{lang}"), "kind": "review",
                    "lang": lang, "title": text, "body": text});
                let reply = send(
                    router.clone(),
                    post_json("/v1/moderate", comment.to_string()),
                )
                .await;
                assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
                let answer = reply.json();
                let Some(id) = answer["decision_id"].as_str() else {
                    continue; // approved outright: no record
                };
                let found = per_code(&answer["violations"]);
                largest_found = largest_found.max(found.values().sum::<usize>());

                let record = send(router.clone(), get(&format!("/v1/decisions/{id}"))).await;
                assert_eq!(record.status, StatusCode::OK, "{}", record.text());
                let record = record.json();
                let listed = per_code(&record["violations"]);
                let omitted: BTreeMap<String, usize> =
                    serde_json::from_value(record["omitted_violations"].clone())
                        .unwrap_or_default();
                for (code, n) in &found {
                    assert_eq!(listed[code], (*n).min(STORED_PER_CODE), "{code} ({unit:?})");
                    assert_eq!(
                        omitted.get(code).copied().unwrap_or(0),
                        n.saturating_sub(STORED_PER_CODE),
                        "every violation found is listed or counted: {code} ({unit:?})"
                    );
                }
                assert!(omitted.keys().all(|code| found.contains_key(code)));
                for v in record["violations"].as_array().unwrap() {
                    let quote = v["text"].as_str().unwrap();
                    let span = v["end"].as_u64().unwrap() - v["start"].as_u64().unwrap();
                    if span as usize > QUOTE_CHARS {
                        shortened += 1;
                        assert_eq!(quote.chars().count(), QUOTE_CHARS);
                        assert!(quote.ends_with('…'), "{quote}");
                    } else {
                        assert_eq!(quote.chars().count() as u64, span);
                    }
                }

                let text_bytes = 2 * text.len();
                let bytes = stored_bytes(&url, id).await;
                assert!(
                    bytes <= BOUND * text_bytes,
                    "the record of {unit:?} ({lang}) takes {bytes} bytes for a text of \
                     {text_bytes} bytes ({} violations found) on {url}",
                    found.values().sum::<usize>()
                );

                // The statement of reasons is made from the bounded record.
                let statement = send(
                    router.clone(),
                    get(&format!("/v1/decisions/{id}/statement")),
                )
                .await;
                if record["action"] == "reject" {
                    assert_eq!(statement.status, StatusCode::OK, "{}", statement.text());
                    let facts = statement.json()["facts"].as_array().unwrap().len();
                    assert!(facts <= listed.values().sum::<usize>());
                }
            }
        }
        assert!(
            largest_found > 1_000,
            "the hostile texts find thousands of violations ({largest_found})"
        );
        assert!(shortened > 0, "some hostile span is longer than a quote");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_answers_the_whole_span_of_a_shortened_quote() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("log.db").display());
    let router = router_over(&url).await;
    let text = repeated("w w w . ");
    let comment = json!({"id": "retry-long-span", "kind": "review", "lang": "fa",
        "title": text, "body": text})
    .to_string();
    let first = send(router.clone(), post_json("/v1/moderate", comment.clone()))
        .await
        .json();
    let retry = send(router.clone(), post_json("/v1/moderate", comment))
        .await
        .json();
    assert_eq!(retry["decision_id"], first["decision_id"]);
    let long: Vec<&Value> = retry["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["text"].as_str().unwrap().chars().count() > QUOTE_CHARS)
        .collect();
    assert!(!long.is_empty(), "{retry}");
    for v in long {
        let original = first["violations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| {
                o["code"] == v["code"] && o["start"] == v["start"] && o["field"] == v["field"]
            })
            .expect("the retry's violation was in the first answer");
        assert_eq!(v["text"], original["text"]);
    }
}

#[test]
fn records_stored_whole_by_earlier_versions_are_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let url = format!("sqlite://{}", path.display());
    let store = runtime
        .block_on(url.parse::<StoreUrl>().unwrap().open())
        .unwrap();
    let router = app(state_over(
        sources(),
        Arc::clone(&store),
        None,
        Limits::default(),
    ));
    let text = "لینک x.io و y.io و z.io";
    let comment = json!({"id": "whole", "kind": "review", "lang": "fa", "body": text});
    let answer = runtime
        .block_on(send(router, post_json("/v1/moderate", comment.to_string())))
        .json();
    let id = answer["decision_id"].as_str().expect("a record").to_owned();
    let record = store.record(&id).unwrap().unwrap();
    assert!(record.violations.len() > 1, "{answer}");
    // Write the record in full, every violation with its message and clause.
    let whole = serde_json::to_string(&record).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE davar_decisions SET record = ?1 WHERE id = ?2",
        [&whole, &id],
    )
    .unwrap();
    assert_eq!(store.record(&id).unwrap(), Some(record));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderators_rejection_counts_the_unlisted_violations_of_the_codes_it_cites() {
    let dir = tempfile::tempdir().unwrap();
    crate::router_admin::copy_dir(&crate::support::workspace().join("rules"), dir.path());
    let path = dir.path().join("reviews.fa.yaml");
    let rules = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        rules.replacen("\nrules:\n", "\nqueue_rejects: true\nrules:\n", 1),
    )
    .unwrap();
    let api = crate::support::QueueApi::over(crate::support::sources_in(dir.path()), Some(dir));
    let text = repeated("a@b.");
    let answer = api
        .moderate(
            json!({"id": "many", "kind": "review", "lang": "fa", "title": text, "body": text}),
        )
        .await;
    let found = per_code(&answer["violations"]);
    let emails = found["contacts/email"];
    assert!(emails > STORED_PER_CODE, "{found:?}");
    let item = answer["decision_id"].as_str().unwrap();
    let sara = "moderator-key-sara-01";
    assert_eq!(api.claim(item, sara).await.status, StatusCode::OK);
    let decided = api
        .decide(
            item,
            sara,
            json!({"action": "reject", "codes": ["contacts/email"]}),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
    let record = decided.json();
    assert_eq!(
        per_code(&record["violations"]),
        BTreeMap::from([("contacts/email".to_owned(), STORED_PER_CODE)])
    );
    assert_eq!(
        record["omitted_violations"],
        json!({"contacts/email": emails - STORED_PER_CODE}),
        "only the cited code's count: {record}"
    );
}
