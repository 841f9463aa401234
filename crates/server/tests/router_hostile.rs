//! Requests an attacker or a careless client sends, through the router: bodies announced too
//! large or sent too slowly, scheme-relative redirects, keys in the URL, the security headers
//! every response carries, timeouts logged as warnings with their reason, and ids in a path that
//! are not UTF-8.

use crate::support;

use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use davar_server::{ApiKeys, CONTENT_SECURITY_POLICY, Limits, app};
use futures_util::stream::{self, StreamExt};
use support::{get, post_json, send, shared};

const CLIENT_KEY: &str = "storefront-hostile-0001";

/// A body that sends `first` and then nothing, ever: a client that stalls.
fn stalled_body(first: &'static str) -> Body {
    let chunks =
        stream::once(async move { Ok::<_, Infallible>(Bytes::from_static(first.as_bytes())) })
            .chain(stream::pending());
    Body::from_stream(chunks)
}

#[tokio::test]
async fn an_announced_body_over_the_limit_is_refused_before_it_is_sent() {
    let request = Request::post("/v1/moderate")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, 5 * 1024 * 1024)
        .body(stalled_body(""))
        .unwrap();
    let started = Instant::now();
    let reply = tokio::time::timeout(Duration::from_secs(2), send(shared(), request))
        .await
        .expect("answered without waiting for the body");
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "payload-too-large");
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn a_body_that_stalls_is_a_408_at_the_body_timeout() {
    let limits = Limits {
        body_timeout: Duration::from_millis(200),
        ..Limits::default()
    };
    let router = app(support::state(None, limits));
    let request = Request::post("/v1/moderate")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, 40)
        .body(stalled_body("{\"body\": \"سلا"))
        .unwrap();
    let started = Instant::now();
    let reply = tokio::time::timeout(Duration::from_secs(5), send(router, request))
        .await
        .expect("answered at the body timeout");
    assert_eq!(
        reply.status,
        StatusCode::REQUEST_TIMEOUT,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "body-timeout");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(200) && took < Duration::from_secs(2),
        "{took:?}"
    );
}

#[tokio::test]
async fn a_directory_redirect_never_points_at_another_host() {
    for path in ["/fa/terms", "//fa/terms", "///fa/terms"] {
        let reply = send(shared(), get(path)).await;
        assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT, "{path}");
        let location = reply.headers[header::LOCATION].to_str().unwrap();
        assert_eq!(location, "/fa/terms/", "{path}");
    }
    assert_eq!(
        send(shared(), get("//evil.example")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let requests = [
        get("/healthz"),
        get("/moderate"),
        get("/moderate/app.js"),
        get("/fa/terms/"),
        get("/no/such/page"),
        get("/openapi.json"),
        post_json("/v1/moderate", r#"{"body": "خوب"}"#),
        post_json("/v1/moderate", "{"),
    ];
    for request in requests {
        let what = format!("{} {}", request.method(), request.uri());
        let reply = send(shared(), request).await;
        let h = &reply.headers;
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY", "{what}");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{what}");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert_eq!(csp, CONTENT_SECURITY_POLICY, "{what}");
        assert!(csp.contains("frame-ancestors 'none'"), "{what}");
    }
}

/// Log lines written while the test runs, at every level.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_key_in_the_query_string_is_refused_and_never_logged() {
    let keys = ApiKeys::parse(&format!("client {CLIENT_KEY}\n"), "keys".as_ref()).unwrap();
    let router = app(support::state(Some(keys), Limits::default()));
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _log = tracing::subscriber::set_default(subscriber);

    let request = Request::post(format!("/v1/moderate?lang=fa&api_key={CLIENT_KEY}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"body": "خوب"}"#))
        .unwrap();
    let reply = send(router.clone(), request).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.text());
    assert_eq!(reply.error_code(), "key-in-query");
    assert!(
        reply.text().contains("Authorization: Bearer"),
        "{}",
        reply.text()
    );
    // The same key in the header, with the query string carrying something else, is accepted.
    let request = Request::post("/v1/moderate?trace=yes")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {CLIENT_KEY}"))
        .body(Body::from(r#"{"body": "خوب"}"#))
        .unwrap();
    assert_eq!(send(router, request).await.status, StatusCode::OK);

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("/v1/moderate"),
        "the requests are logged: {log}"
    );
    assert!(!log.contains(CLIENT_KEY), "the key is in the log: {log}");
    assert!(
        !log.contains("trace=yes"),
        "query strings are not logged: {log}"
    );
}

#[tokio::test]
async fn a_timeout_is_logged_as_a_warning_with_its_reason_never_as_an_error() {
    let limits = Limits {
        timeout: Duration::from_nanos(1),
        ..Limits::default()
    };
    let router = app(support::state(None, limits));
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _log = tracing::subscriber::set_default(subscriber);

    let reply = send(router, post_json("/v1/moderate", r#"{"body": "خوب بود"}"#)).await;
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "timeout");

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let warning = log
        .lines()
        .find(|line| line.contains(" WARN ") && line.contains("timed out"))
        .unwrap_or_else(|| panic!("no timeout warning: {log}"));
    assert!(
        warning.contains("reason="),
        "the reason is given: {warning}"
    );
    assert!(
        warning.contains("budget_ms="),
        "the budget is given: {warning}"
    );
    assert!(
        !log.lines().any(|line| line.contains(" ERROR ")),
        "a timeout is not an error: {log}"
    );
}

#[tokio::test]
async fn an_id_that_is_not_utf8_is_a_json_404_on_every_decision_and_queue_route() {
    let keys = ApiKeys::parse(
        &format!("client {CLIENT_KEY}\nmoderator moderator-hostile-01 sara\n"),
        "keys".as_ref(),
    )
    .unwrap();
    let router = app(support::state(Some(keys), Limits::default()));
    let routes = [
        ("GET", "/v1/decisions/%F6%0A", CLIENT_KEY, None),
        ("GET", "/v1/decisions/%F6/history", CLIENT_KEY, None),
        ("GET", "/v1/decisions/%F6/statement", CLIENT_KEY, None),
        (
            "POST",
            "/v1/decisions/%F6/appeal",
            CLIENT_KEY,
            Some(serde_json::json!({"text": "x"})),
        ),
        ("GET", "/v1/queue/%F6", "moderator-hostile-01", None),
        (
            "POST",
            "/v1/queue/%F6%0A%02/claim",
            "moderator-hostile-01",
            None,
        ),
        (
            "POST",
            "/v1/queue/%F6/release",
            "moderator-hostile-01",
            None,
        ),
        (
            "POST",
            "/v1/queue/%F6/decision",
            "moderator-hostile-01",
            Some(serde_json::json!({"action": "approve"})),
        ),
    ];
    for (method, path, key, body) in routes {
        let reply = support::call_with_key(&router, method, path, key, body).await;
        assert_eq!(
            reply.status,
            StatusCode::NOT_FOUND,
            "{method} {path}: {}",
            reply.text()
        );
        assert_eq!(reply.error_code(), "not-found", "{method} {path}");
    }
}
