//! `GET /v1/decisions/{id}` and `/v1/decisions/{id}/history`: one record of the decision log,
//! and the whole chain it belongs to (any key: storefronts show authors their decisions).
//!
//! What a record shows depends on the key: moderator and admin keys read it whole; a client key
//! (the storefront, acting for the author) reads the author's view, where a person's decision
//! is signed `moderator` instead of the moderator's id and the moderator's private `note` is
//! `null` ([`DecisionRecord::author_view`]). Without API keys configured (development) every
//! caller may work the queue and reads records whole.

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;

use super::moderate::joined;
use crate::auth::Role;
use crate::decision::{DecisionRecord, is_decision_id};
use crate::error::{ApiError, ErrorBody};
use crate::extract::PathId;
use crate::state::AppState;

/// Who reads decision records: the whole record (moderators, admins) or the author's view
/// (client keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Viewer {
    /// Moderator or admin key, or a server without keys.
    Staff,
    /// A client key: the storefront showing the author their decisions.
    Author,
}

impl Viewer {
    /// `record` as this viewer may read it.
    pub(crate) fn show(self, record: DecisionRecord) -> DecisionRecord {
        match self {
            Viewer::Staff => record,
            Viewer::Author => record.author_view(),
        }
    }

    /// Every record of `chain` as this viewer may read it.
    pub(crate) fn show_all(self, chain: Vec<DecisionRecord>) -> Vec<DecisionRecord> {
        chain.into_iter().map(|r| self.show(r)).collect()
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(keys) = state.keys() else {
            return Ok(Viewer::Staff);
        };
        Ok(match keys.authenticate(&parts.headers)? {
            Role::Moderator | Role::Admin => Viewer::Staff,
            Role::Client => Viewer::Author,
        })
    }
}

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
        (status = 200, description = "The record. Moderator and admin keys read the whole record. A client key reads the author's view: `decided_by` is `engine`, `author` or `moderator` (never a moderator's id) and `note` is `null`.", body = DecisionRecord),
        (status = 404, description = "No such decision", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn record(
    State(state): State<AppState>,
    viewer: Viewer,
    PathId(id): PathId,
) -> Result<Json<DecisionRecord>, ApiError> {
    lookup(&id)?;
    let key = id.clone();
    read(&state, move |store| store.record(&key), id)
        .await
        .map(|r| Json(viewer.show(r)))
}

/// Every record of the comment a decision is about, oldest first.
#[utoipa::path(
    get, path = "/v1/decisions/{id}/history", tag = "decisions",
    params(("id" = String, Path, description = "Any decision id of the chain")),
    responses(
        (status = 200, description = "The chain, oldest first. Moderator and admin keys read whole records. A client key reads the author's view of each: `decided_by` is `engine`, `author` or `moderator` (never a moderator's id) and `note` is `null`.", body = Vec<DecisionRecord>),
        (status = 404, description = "No such decision", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn history(
    State(state): State<AppState>,
    viewer: Viewer,
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
    .map(|chain| Json(viewer.show_all(chain)))
}
