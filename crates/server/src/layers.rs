//! Middleware wrapped around every route: body limit, concurrency limit, timeout, panic
//! catching, metrics and tracing; and the API-key checks used by the `/v1` routes.

use std::any::Any;
use std::time::Instant;

use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{BoxError, Extension, Router};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::auth::Role;
use crate::error::ApiError;
use crate::extract::BodyLimit;
use crate::state::AppState;

/// Wraps `router` in the service-wide layers (innermost first).
pub(crate) fn apply(router: Router, state: AppState) -> Router {
    let limits = state.limits();
    let timeout_ms = u64::try_from(limits.timeout.as_millis()).unwrap_or(u64::MAX);
    router
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .layer(Extension(BodyLimit(limits.body_bytes)))
        .layer(middleware::from_fn_with_state(state.clone(), one_slot))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(move |err: BoxError| async move {
                    if err.is::<tower::timeout::error::Elapsed>() {
                        ApiError::Timeout(timeout_ms)
                    } else {
                        tracing::error!(error = %err, "middleware failed");
                        ApiError::Internal
                    }
                }))
                .layer(tower::timeout::TimeoutLayer::new(limits.timeout)),
        )
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn_with_state(state, observe))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::DEBUG)),
        )
}

/// A panic in a handler becomes a `500` JSON error; the payload is logged, never sent.
fn panic_response(payload: Box<dyn Any + Send + 'static>) -> Response {
    let detail = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("non-string panic payload");
    tracing::error!(panic = detail, "a request handler panicked");
    ApiError::Internal.into_response()
}

/// Takes one of the process-wide request slots (`Limits::concurrency`) for the whole request;
/// runs inside the timeout, so waiting for a slot counts towards it.
async fn one_slot(State(state): State<AppState>, req: Request, next: Next) -> Response {
    match state.slots().acquire().await {
        Ok(_slot) => next.run(req).await,
        Err(_closed) => {
            ApiError::Unavailable("the server is shutting down".to_owned()).into_response()
        }
    }
}

/// Counts the request by route pattern and status and records its latency.
async fn observe(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = match req.extensions().get::<MatchedPath>() {
        Some(path) => path.as_str().to_owned(),
        None if matches!(*req.method(), Method::GET | Method::HEAD) => "site".to_owned(),
        None => "unmatched".to_owned(),
    };
    let start = Instant::now();
    let response = next.run(req).await;
    state
        .metrics()
        .observe_request(&route, response.status().as_u16(), start.elapsed());
    response
}

/// `/v1` routes: a client or admin key when keys are configured, else open.
pub(crate) async fn require_client(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if let Some(keys) = state.keys()
        && let Err(e) = keys.authenticate(req.headers())
    {
        return e.into_response();
    }
    next.run(req).await
}

/// `/v1/admin` routes: always an admin key; without a keys file they are refused.
pub(crate) async fn require_admin(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let Some(keys) = state.keys() else {
        return ApiError::Forbidden(
            "admin routes are disabled: start `davar serve` with `--api-keys FILE` listing an `admin` key"
                .to_owned(),
        )
        .into_response();
    };
    match keys.authenticate(req.headers()) {
        Ok(Role::Admin) => next.run(req).await,
        Ok(Role::Client | Role::Moderator) => {
            ApiError::Forbidden("this route needs an `admin` key".to_owned()).into_response()
        }
        Err(e) => e.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    use super::*;
    use crate::compiled::{Sources, compile};
    use crate::state::Limits;

    async fn boom() -> &'static str {
        panic!("secret internal detail")
    }

    #[tokio::test]
    async fn a_panicking_handler_becomes_a_json_500_without_the_details() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let sources = Sources {
            policies: root.join("policies"),
            rules: root.join("rules"),
            as_of: Some(jiff::civil::date(2026, 11, 18)),
        };
        let compiled = compile(&sources).expect("the workspace sources compile");
        let state = AppState::new(
            sources,
            compiled,
            Arc::new(crate::store::SqliteStore::in_memory().expect("in-memory store")),
            None,
            Limits::default(),
        );
        let router = apply(Router::new().route("/boom", get(boom)), state.clone());
        let response = router
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["code"], "internal");
        assert!(!String::from_utf8_lossy(&body).contains("secret"));
        assert!(
            state
                .metrics()
                .render()
                .contains("route=\"/boom\",status=\"500\"")
        );
    }
}
