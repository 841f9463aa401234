//! Operations routes: `/healthz`, `/readyz`, `/metrics`, `/openapi.json`.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::openapi::ApiDoc;
use crate::state::AppState;

/// `GET /readyz` body.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Readiness {
    /// `ready` or `not-ready`.
    status: &'static str,
    /// Number of rule sets loaded.
    rule_sets: usize,
    /// Date the policies were compiled for.
    as_of: String,
    /// `ok`, or `unreachable` when the question store does not answer.
    store: &'static str,
}

/// The process is alive.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Alive", body = String, content_type = "text/plain")))]
pub(crate) async fn healthz() -> &'static str {
    "ok\n"
}

/// Rules are loaded and the question store answers.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready", body = Readiness),
        (status = 503, description = "Not ready (store unreachable or no rule set)", body = Readiness),
    ))]
pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    let compiled = state.compiled();
    let store = state.store();
    let ping = tokio::task::spawn_blocking(move || store.ping()).await;
    let store_ok = match ping {
        Ok(Ok(())) => true,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "question store is not reachable");
            false
        }
        Err(e) => {
            tracing::error!(error = %e, "store ping task failed");
            false
        }
    };
    let rule_sets = compiled.rules.rule_sets.len();
    let ready = store_ok && rule_sets > 0;
    let body = Readiness {
        status: if ready { "ready" } else { "not-ready" },
        rule_sets,
        as_of: compiled.as_of.to_string(),
        store: if store_ok { "ok" } else { "unreachable" },
    };
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

/// Prometheus text exposition.
pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics().render(),
    )
        .into_response()
}

/// The OpenAPI 3.1 description of every JSON route.
pub(crate) async fn openapi() -> Response {
    match ApiDoc::openapi().to_json() {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot serialise the OpenAPI document");
            crate::error::ApiError::Internal.into_response()
        }
    }
}
