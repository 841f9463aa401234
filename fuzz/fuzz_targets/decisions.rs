//! The decision, appeal and review-queue API through the real router (`davar_server::app` with
//! `tower::ServiceExt::oneshot`), over an SQLite store in a temporary directory (`/dev/shm` when present) and with real
//! API keys: a sequence of requests with arbitrary method, route, key, decision id, query and
//! body. Every answer must be a deliberate one: never a `500`, and every error body is the
//! documented JSON shape.
//!
//! Input layout: records separated by NUL bytes; a record is three bytes (route, key and id
//! selectors) and then the body, or the query string for `GET /v1/queue` and
//! `POST /v1/queue/claim`. Ids are those of the decisions made in the same input (every
//! `POST /v1/moderate` adds the one it answers with), those made at start-up, or the record's
//! own bytes. The store lives as long as the process, so queue claims, appeals and decisions
//! accumulate as they would on a server.

#![no_main]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use davar_server::{ApiKeys, AppState, Limits, ServerStore, Sources, SqliteStore, app, compile};
use http_body_util::BodyExt;
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

const KEYS: &str = "client fuzz-storefront-key-01\n\
    moderator fuzz-moderator-sara-01 sara\n\
    moderator fuzz-moderator-omid-01 omid\n\
    admin fuzz-admin-key-000001 ops\n";
/// Keys by selector: client, two moderators, admin, none, and one nobody holds.
const KEY_CHOICES: [Option<&str>; 6] = [
    Some("fuzz-storefront-key-01"),
    Some("fuzz-moderator-sara-01"),
    Some("fuzz-moderator-omid-01"),
    Some("fuzz-admin-key-000001"),
    None,
    Some("fuzz-unknown-key-000001"),
];
/// Most records per input (each is one request).
const MAX_RECORDS: usize = 16;

/// Comments moderated at start-up so that ids of every kind exist: rejections (appealable),
/// items waiting in the review queue, approvals.
const START: [&str; 4] = [
    r#"{"kind":"review","lang":"fa","body":"برای خرید به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید"}"#,
    r#"{"kind":"review","lang":"en","body":"Works well, call me on +49 151 23456789 for a second one."}"#,
    r#"{"kind":"review","lang":"fa","body":"جنس خوبی داره و رنگش نرفته"}"#,
    r#"{"kind":"question","lang":"fa","product":"p-1","body":"گارانتی دارد؟"}"#,
];

struct World {
    runtime: tokio::runtime::Runtime,
    /// The whole service, built once: each request clones it (a reference count), as a server
    /// does per connection.
    router: Router,
    ids: Vec<String>,
    _dir: tempfile::TempDir,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let sources = Sources {
            policies: root.join("policies"),
            rules: root.join("rules"),
            as_of: Some(jiff::civil::date(2026, 12, 2)),
        };
        let compiled = compile(&sources).expect("the example policies and rules compile");
        // In memory-backed /dev/shm when there is one: the store's writes then cost no disk.
        let dir = tempfile::tempdir_in("/dev/shm")
            .or_else(|_| tempfile::tempdir())
            .expect("a temporary directory");
        let store: Arc<dyn ServerStore> =
            Arc::new(SqliteStore::open(&dir.path().join("decisions.db")).expect("the store opens"));
        let keys = ApiKeys::parse(KEYS, Path::new("keys.txt")).expect("the fuzz keys parse");
        let state = AppState::new(sources, compiled, store, Some(keys), Limits::default());
        let router = app(state);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime starts");
        let mut ids = Vec::new();
        for body in START {
            let (status, bytes) = runtime.block_on(send(
                &router,
                Method::POST,
                "/v1/moderate".to_owned(),
                KEY_CHOICES[0],
                body.as_bytes().to_vec(),
            ));
            assert_eq!(
                status,
                StatusCode::OK,
                "{}",
                String::from_utf8_lossy(&bytes)
            );
            ids.extend(decision_id(&bytes));
        }
        World {
            runtime,
            router,
            ids,
            _dir: dir,
        }
    })
}

async fn send(
    router: &Router,
    method: Method,
    uri: String,
    key: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, Vec<u8>) {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    let request = request
        .body(Body::from(body))
        .expect("an escaped path and fixed headers build a request");
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router is infallible");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("the body streams")
        .to_bytes();
    (status, bytes.to_vec())
}

fn decision_id(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    value["decision_id"].as_str().map(str::to_owned)
}

/// Percent-encodes everything but unreserved characters, so any bytes make one path segment.
fn segment(raw: &[u8]) -> String {
    let mut out = String::with_capacity(raw.len() * 3);
    for &b in raw {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A query string from arbitrary bytes: kept when every byte may stand in a URI's query
/// (unreserved, sub-delimiters, `:`, `@`, `/`, `%`), else escaped as a whole.
fn query(raw: &[u8]) -> String {
    let ok = raw
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/%".contains(&b));
    if ok {
        String::from_utf8_lossy(raw).into_owned()
    } else {
        format!("code={}", segment(raw))
    }
}

fuzz_target!(
    // Built before the first input, so the one-time set-up does not count against the first
    // execution's timeout on a loaded machine.
    init: {
        world();
    },
    |data: &[u8]| {
        let world = world();
        let mut ids = world.ids.clone();
        for record in data.split(|&b| b == 0).take(MAX_RECORDS) {
            let [route, key, id, rest @ ..] = record else {
                continue;
            };
            let key = KEY_CHOICES[usize::from(*key) % KEY_CHOICES.len()];
            let id = if usize::from(*id) < 200 && !ids.is_empty() {
                ids[usize::from(*id) % ids.len()].clone()
            } else {
                segment(rest.get(..rest.len().min(40)).unwrap_or_default())
            };
            let (method, uri) = match route % 14 {
                0 => (Method::POST, "/v1/moderate".to_owned()),
                1 => (Method::POST, format!("/v1/decisions/{id}/appeal")),
                2 => (Method::GET, format!("/v1/decisions/{id}/statement")),
                3 => (Method::GET, format!("/v1/decisions/{id}")),
                4 => (Method::GET, format!("/v1/decisions/{id}/history")),
                5 => (Method::GET, format!("/v1/queue?{}", query(rest))),
                6 => (Method::GET, "/v1/queue/me".to_owned()),
                7 => (Method::POST, format!("/v1/queue/claim?{}", query(rest))),
                8 => (Method::GET, format!("/v1/queue/{id}")),
                9 => (Method::POST, format!("/v1/queue/{id}/claim")),
                10 => (Method::POST, format!("/v1/queue/{id}/release")),
                11 => (Method::POST, format!("/v1/queue/{id}/decision")),
                12 => (Method::DELETE, format!("/v1/decisions/{id}/appeal")),
                _ => (Method::PUT, format!("/v1/queue/{id}/decision")),
            };
            let route_name = uri.clone();
            let (status, bytes) =
                world
                    .runtime
                    .block_on(send(&world.router, method, uri, key, rest.to_vec()));
            assert_ne!(
                status,
                StatusCode::INTERNAL_SERVER_ERROR,
                "{route_name} answered 500: {}",
                String::from_utf8_lossy(&bytes)
            );
            if status.is_success() {
                if let Some(new) = decision_id(&bytes) {
                    if ids.len() < 64 {
                        ids.push(new);
                    }
                }
            } else {
                let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                    panic!(
                        "{route_name} {status}: error body is not JSON ({e}): {}",
                        String::from_utf8_lossy(&bytes)
                    )
                });
                assert!(
                    value["error"]["code"].is_string() && value["error"]["message"].is_string(),
                    "{route_name} {status}: no error.code or error.message in {value}"
                );
            }
        }
    }
);
