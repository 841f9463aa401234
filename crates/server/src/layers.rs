//! Middleware wrapped around every route: body limits, a backstop timeout, panic catching,
//! security headers, metrics and tracing; and the API-key checks used by the `/v1` routes.
//!
//! There is no request-wide concurrency limit: `/healthz`, `/readyz` and the pages never wait
//! behind moderation, whose work has its own bounded queues (`crate::workers`). Connections are
//! bounded where they are accepted (`crate::listen`).

use std::any::Any;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::auth::{Role, key_in_query};
use crate::error::ApiError;
use crate::extract::{BodyLimit, BodyTimeout};
use crate::state::AppState;

/// The Content-Security-Policy of every response. The moderator page and the published site
/// load their scripts, styles and images from this origin only and use no inline code; the
/// browser test checks that they raise no violation.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Headers set on every response (unless the handler set them).
const SECURITY_HEADERS: [(HeaderName, &str); 4] = [
    (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
];

/// Wraps `router` in the service-wide layers (innermost first).
pub(crate) fn apply(router: Router, state: AppState) -> Router {
    let limits = state.limits();
    // A backstop for handlers without a budget of their own: the body's time plus the
    // handler's. Moderation answers at its own deadline before this fires.
    let backstop = limits.body_timeout + limits.timeout;
    let mut router = router
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .layer(Extension(BodyLimit(limits.body_bytes)))
        .layer(Extension(BodyTimeout(limits.body_timeout)))
        .layer(middleware::from_fn_with_state(backstop, bounded))
        .layer(CatchPanicLayer::custom(panic_response));
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router
        .layer(middleware::from_fn_with_state(state, observe))
        .layer(
            TraceLayer::new_for_http()
                // The path only: a query string may carry what must not be logged.
                .make_span_with(|req: &Request| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::DEBUG))
                // Server errors are logged where they arise, with their reason and level.
                .on_failure(()),
        )
}

/// Routes the backstop does not bound: a reload compiles every policy and rule set on a
/// lower-priority thread, one at a time (a second is refused at once), for as long as the
/// sources take; its answer says whether the new version serves. Cutting the wait short would
/// only hide that answer, not stop the compile.
const UNBOUNDED: &[&str] = &["/v1/admin/reload"];

/// Answers `503` when the handler runs past `backstop` (routes in [`UNBOUNDED`] excepted).
async fn bounded(
    State(backstop): State<std::time::Duration>,
    req: Request,
    next: Next,
) -> Response {
    if UNBOUNDED.contains(&req.uri().path()) {
        return next.run(req).await;
    }
    match tokio::time::timeout(backstop, next.run(req)).await {
        Ok(response) => response,
        Err(_) => {
            let backstop_ms = u64::try_from(backstop.as_millis()).unwrap_or(u64::MAX);
            tracing::warn!(
                timeout_ms = backstop_ms,
                reason = "the handler ran past the body and handler timeouts together",
                "request timed out"
            );
            ApiError::Timeout(backstop_ms).into_response()
        }
    }
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

/// Counts the request by route pattern and status and records its latency.
async fn observe(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = match req.extensions().get::<MatchedPath>() {
        Some(path) => RouteName::Matched(path.clone()),
        None if matches!(*req.method(), Method::GET | Method::HEAD) => RouteName::Site,
        None => RouteName::Unmatched,
    };
    let start = Instant::now();
    let response = next.run(req).await;
    state
        .metrics()
        .observe_request(route.as_str(), response.status().as_u16(), start.elapsed());
    response
}

enum RouteName {
    Matched(MatchedPath),
    Site,
    Unmatched,
}

impl RouteName {
    fn as_str(&self) -> &str {
        match self {
            RouteName::Matched(path) => path.as_str(),
            RouteName::Site => "site",
            RouteName::Unmatched => "unmatched",
        }
    }
}

/// `/v1` routes: a client or admin key when keys are configured, else open.
pub(crate) async fn require_client(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if let Some(keys) = state.keys() {
        if key_in_query(req.uri().query()) {
            return ApiError::KeyInQuery.into_response();
        }
        if let Err(e) = keys.authenticate(req.headers()) {
            return e.into_response();
        }
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
    if key_in_query(req.uri().query()) {
        return ApiError::KeyInQuery.into_response();
    }
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
