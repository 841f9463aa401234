//! The moderation budget through the router: a request past its budget is answered `503
//! timeout` and its work stops, a batch answers for the items done, a client that goes away
//! stops its work, and a full moderation queue never delays health checks or pages.

use crate::support;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use davar_server::workers::Weight;
use davar_server::{AppState, Limits, app};
use jiff::Timestamp;
use serde_json::json;
use support::{get, post_json, send};

/// A review long enough to take the heavy lane and some milliseconds of engine time.
fn long_review(i: usize) -> serde_json::Value {
    let sentence = "کیفیت ساخت این گوشی خوبه ولی باتریش زود تموم میشه و شارژرش هم داغ میکنه. ";
    json!({"id": i.to_string(), "title": "نظر من", "body": sentence.repeat(30)})
}

#[tokio::test]
async fn a_request_past_its_budget_is_a_json_503() {
    let limits = Limits {
        timeout: Duration::from_nanos(1),
        ..Limits::default()
    };
    let router = app(support::state(None, limits));
    let reply = send(
        router.clone(),
        post_json("/v1/moderate", json!({"body": "خوب بود"}).to_string()),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "timeout");
    // A batch that could not even start its first item is a timeout as a whole.
    let items: Vec<_> = (0..50).map(long_review).collect();
    let reply = send(
        router,
        post_json("/v1/moderate/batch", json!(items).to_string()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reply.error_code(), "timeout");
}

#[tokio::test]
async fn a_batch_stops_at_its_deadline_and_answers_for_the_items_done() {
    let limits = Limits {
        timeout: Duration::from_millis(400),
        ..Limits::default()
    };
    let state = support::state(None, limits);
    let router = app(state);
    let items: Vec<_> = (0..1000).map(long_review).collect();
    let started = Instant::now();
    let reply = send(
        router.clone(),
        post_json("/v1/moderate/batch", json!(items).to_string()),
    )
    .await;
    let took = started.elapsed();
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let answers = reply.json();
    let answers = answers.as_array().unwrap();
    assert_eq!(answers.len(), 1000, "one answer per item");
    let judged = answers
        .iter()
        .take_while(|a| a["verdict"].is_string())
        .count();
    assert!(judged >= 1, "the first item is judged");
    assert!(judged < 1000, "1,000 long reviews do not fit in 400 ms");
    assert!(
        answers[judged..]
            .iter()
            .all(|a| a["error"]["code"] == "timeout")
    );
    assert_eq!(answers[0]["id"], "0");
    assert!(
        took < Duration::from_secs(3),
        "answered at the deadline: {took:?}"
    );
    // The heavy lane is free again right away: the stopped batch no longer runs.
    let started = Instant::now();
    let small: Vec<_> = (0..2).map(long_review).collect();
    let reply = send(
        router,
        post_json("/v1/moderate/batch", json!(small).to_string()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.json()[1]["verdict"].is_string(), "{}", reply.text());
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_client_that_goes_away_stops_its_work() {
    let limits = Limits {
        timeout: Duration::from_secs(60),
        ..Limits::default()
    };
    let state = support::state(None, limits);
    let router = app(state.clone());
    // Each review with a phone number is rejected and its decision logged: the log shows how
    // far the work got.
    let review = "برای خرید عمده به شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید، ارسال رایگان داریم. ";
    let items: Vec<_> = (0..1000)
        .map(|i| json!({"id": format!("gone-{i}"), "title": "عالی", "body": review.repeat(6)}))
        .collect();
    let logged = |state: &AppState| {
        state
            .store()
            .decided_between(Timestamp::MIN, Timestamp::MAX, None, 10_000)
            .unwrap()
            .len()
    };
    // The client gives up after 300 ms: the handler's future is dropped.
    let gone = tokio::time::timeout(
        Duration::from_millis(300),
        send(
            router.clone(),
            post_json("/v1/moderate/batch", json!(items).to_string()),
        ),
    )
    .await;
    assert!(gone.is_err(), "1,000 reviews take longer than 300 ms");
    tokio::time::sleep(Duration::from_millis(100)).await; // the item in hand finishes
    let at_cancel = logged(&state);
    tokio::time::sleep(Duration::from_millis(700)).await;
    let later = logged(&state);
    assert!(at_cancel < 1000);
    assert_eq!(later, at_cancel, "the abandoned batch kept running");
}

#[tokio::test]
async fn a_full_moderation_queue_times_out_moderation_but_not_health() {
    let limits = Limits {
        concurrency: 2,
        timeout: Duration::from_millis(200),
        ..Limits::default()
    };
    let state = support::state(None, limits);
    let router = app(state.clone());
    // Two moderation requests in flight elsewhere hold both places of the ordinary lane.
    let busy = state
        .workers()
        .places(Weight::Light)
        .acquire_many(2)
        .await
        .unwrap();
    let started = Instant::now();
    let waiting = send(
        router.clone(),
        post_json("/v1/moderate", json!({"body": "خوب بود"}).to_string()),
    )
    .await;
    assert_eq!(
        waiting.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        waiting.text()
    );
    assert_eq!(waiting.error_code(), "timeout");
    assert!(started.elapsed() >= Duration::from_millis(200));
    // Health, readiness and pages do not queue behind moderation.
    for path in ["/healthz", "/readyz", "/fa/terms/"] {
        let started = Instant::now();
        assert_eq!(
            send(router.clone(), get(path)).await.status,
            StatusCode::OK,
            "{path}"
        );
        assert!(started.elapsed() < Duration::from_millis(150), "{path}");
    }
    // A long review takes the other lane and is not held up either.
    let reply = send(
        router.clone(),
        post_json("/v1/moderate", long_review(1).to_string()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    drop(busy);
    let reply = send(
        router,
        post_json("/v1/moderate", json!({"body": "خوب بود"}).to_string()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}
