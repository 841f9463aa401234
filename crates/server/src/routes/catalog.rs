//! `GET /v1/rules` and `GET /v1/obligations`: what the server enforces and promises.

use axum::Json;
use axum::extract::State;

use crate::error::ErrorBody;
use crate::rules_doc::RulesResponse;
use crate::state::AppState;

/// The active rule sets with their codes, severities, clause URLs and a version hash.
#[utoipa::path(
    get, path = "/v1/rules", tag = "moderation",
    responses(
        (status = 200, description = "Active rule sets", body = RulesResponse),
        (status = 401, description = "API keys are configured and none was sent", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn rules(State(state): State<AppState>) -> Json<RulesResponse> {
    Json(state.compiled().rules.clone())
}

/// Every obligation of every policy version in force or upcoming: the content of the published
/// `rules.json` (its JSON Schema is published as `rules.schema.json`).
#[utoipa::path(
    get, path = "/v1/obligations", tag = "obligations",
    responses(
        (status = 200, description = "The content of rules.json", body = Object),
        (status = 401, description = "API keys are configured and none was sent", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn obligations(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(state.compiled().obligations.clone())
}
