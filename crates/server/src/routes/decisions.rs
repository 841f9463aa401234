//! `GET /v1/decisions/{id}` and `/v1/decisions/{id}/history`: one record of the decision log,
//! and the whole chain it belongs to (any key: storefronts show authors their decisions).

use axum::Json;
use axum::extract::State;

use super::moderate::joined;
use crate::decision::{DecisionRecord, is_decision_id};
use crate::error::{ApiError, ErrorBody};
use crate::extract::PathId;
use crate::state::AppState;

fn lookup(id: &str) -> Result<(), ApiError> {
    if is_decision_id(id) {
        Ok(())
    } else {
        Err(ApiError::NotFound(format!(
            "decision `{id}` (decision ids are UUIDs, as in `decision_id`)"
        )))
    }
}

async fn read<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&dyn crate::store::ServerStore) -> Result<Option<T>, davar_moderation::StoreError>
    + Send
    + 'static,
    id: String,
) -> Result<T, ApiError> {
    let store = state.store();
    tokio::task::spawn_blocking(move || f(&*store))
        .await
        .map_err(joined)?
        .map_err(|e| {
            tracing::error!(error = %e, "the decision log failed");
            ApiError::Unavailable("the decision log is unavailable; retry later".to_owned())
        })?
        .ok_or_else(|| ApiError::NotFound(format!("decision {id}")))
}

/// One decision record.
#[utoipa::path(
    get, path = "/v1/decisions/{id}", tag = "decisions",
    params(("id" = String, Path, description = "Decision id (`decision_id` of a moderation response)")),
    responses(
        (status = 200, description = "The record", body = DecisionRecord),
        (status = 404, description = "No such decision", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn record(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<DecisionRecord>, ApiError> {
    lookup(&id)?;
    let key = id.clone();
    read(&state, move |store| store.record(&key), id)
        .await
        .map(Json)
}

/// Every record of the comment a decision is about, oldest first.
#[utoipa::path(
    get, path = "/v1/decisions/{id}/history", tag = "decisions",
    params(("id" = String, Path, description = "Any decision id of the chain")),
    responses(
        (status = 200, description = "The chain, oldest first", body = Vec<DecisionRecord>),
        (status = 404, description = "No such decision", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn history(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Vec<DecisionRecord>>, ApiError> {
    lookup(&id)?;
    let key = id.clone();
    read(
        &state,
        move |store| match store.record(&key)? {
            Some(record) => store.chain(&record.root).map(Some),
            None => Ok(None),
        },
        id,
    )
    .await
    .map(Json)
}
