//! The HTTP API's JSON request decoding, through the real router (`davar_server::app`) with
//! `tower::ServiceExt::oneshot`: arbitrary bytes as the body of `POST /v1/moderate`,
//! `POST /v1/moderate/batch` or `POST /v1/deadline` (chosen by the first byte). Every answer
//! must be a deliberate one: never a `500`, and every error body is the documented JSON shape.

#![no_main]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use davar_server::{AppState, Limits, Sources, SqliteStore, app, compile};
use http_body_util::BodyExt;
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

struct World {
    runtime: tokio::runtime::Runtime,
    /// The whole service, built once: each input clones it (a reference count), as a server
    /// does per connection.
    router: Router,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let sources = Sources {
            policies: root.join("policies"),
            rules: root.join("rules"),
            as_of: Some(jiff::civil::date(2026, 11, 21)),
        };
        let compiled = compile(&sources).expect("the example policies and rules compile");
        let state = AppState::new(
            sources,
            compiled,
            Arc::new(SqliteStore::in_memory().expect("an in-memory store opens")),
            None,
            Limits::default(),
        );
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime starts");
        World {
            runtime,
            router: app(state),
        }
    })
}

fuzz_target!(
    // Built before the first input, so the one-time set-up does not count against the first
    // execution's timeout on a loaded machine.
    init: {
        world();
    },
    |data: &[u8]| {
        let Some((&selector, body)) = data.split_first() else {
            return;
        };
        let route = match selector % 4 {
            0 | 1 => "/v1/moderate",
            2 => "/v1/moderate/batch",
            _ => "/v1/deadline",
        };
        let world = world();
        let request = Request::post(route)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_vec()))
            .expect("a request with a fixed route and header builds");
        let router = world.router.clone();
        let (status, bytes) = world.runtime.block_on(async move {
            let response = router
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
            (status, bytes)
        });
        assert_ne!(
            status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{route} answered 500: {}",
            String::from_utf8_lossy(&bytes)
        );
        if !status.is_success() {
            let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{route} {status}: error body is not JSON ({e}): {}",
                    String::from_utf8_lossy(&bytes)
                )
            });
            assert!(
                value["error"]["code"].is_string(),
                "{route} {status}: no error.code in {value}"
            );
            assert!(
                value["error"]["message"].is_string(),
                "{route} {status}: no error.message in {value}"
            );
        }
    }
);
