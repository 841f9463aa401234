//! `POST /v1/admin/reload`: re-reads policies and rules and swaps them in atomically. A broken
//! source leaves the previous version serving and answers with the diagnostics.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::compiled::Problem;
use crate::error::{ApiError, ErrorBody, ErrorDetail};
use crate::state::{AppState, ReloadError};

/// A successful reload.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReloadResponse {
    /// Always `reloaded`.
    status: &'static str,
    /// Date the policies were compiled for.
    as_of: String,
    /// Hash of the rule sets now served (as in `GET /v1/rules`).
    rules_hash: String,
    /// Number of rule sets now served.
    rule_sets: usize,
    /// Number of policy documents now served.
    documents: usize,
    /// Warnings `check` reported (errors refuse the reload).
    warnings: usize,
}

/// A refused reload: the previous policies and rules are still served.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReloadFailure {
    /// `code` is `reload-failed`.
    error: ErrorDetail,
    /// Every problem found, with file, line and column.
    diagnostics: Vec<Problem>,
}

/// Re-reads policies and rule sets; needs an admin key.
#[utoipa::path(
    post, path = "/v1/admin/reload", tag = "operations",
    responses(
        (status = 200, description = "Reloaded; the new version serves from now on", body = ReloadResponse),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 403, description = "Not an admin key, or no keys file configured", body = ErrorBody),
        (status = 409, description = "Another reload is compiling (`reload-in-progress`); reloads run one at a time", body = ErrorBody),
        (status = 422, description = "Sources have errors; the previous version keeps serving", body = ReloadFailure),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn reload(State(state): State<AppState>) -> Response {
    match state.reload().await {
        Ok(compiled) => Json(ReloadResponse {
            status: "reloaded",
            as_of: compiled.as_of.to_string(),
            rules_hash: compiled.rules.hash.clone(),
            rule_sets: compiled.rules.rule_sets.len(),
            documents: compiled.policies.documents.len(),
            warnings: compiled.warnings.len(),
        })
        .into_response(),
        Err(ReloadError::InProgress) => ApiError::ReloadInProgress.into_response(),
        Err(ReloadError::Compile(e)) => {
            let diagnostics = e.problems();
            let body = ReloadFailure {
                error: ErrorDetail {
                    code: "reload-failed".to_owned(),
                    message: format!("{e}; the previous policies and rules are still served"),
                    field: None,
                    current: None,
                },
                diagnostics,
            };
            (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
        }
    }
}
