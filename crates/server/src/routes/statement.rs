//! `GET /v1/decisions/{id}/statement`: the statement of reasons of a restriction or of an
//! appeal's outcome, in the comment's language (any key: storefronts show it to the author).

use axum::Json;
use axum::extract::State;

use super::moderate::joined;
use crate::compiled::Compiled;
use crate::compliance::statement::NoStatement;
use crate::compliance::{Published, Statement, statement};
use crate::decision::{DecisionRecord, is_decision_id};
use crate::error::{ApiError, ErrorBody};
use crate::extract::PathId;
use crate::state::AppState;
use crate::store::ServerStore;

/// What statements cite, from the version being served.
pub(crate) fn published(compiled: &Compiled) -> Published<'_> {
    Published {
        policies: &compiled.policies,
        calendars: &compiled.calendars,
        engine: Some(&compiled.engine),
    }
}

/// A 503 for a failing decision log (the cause goes to the log).
pub(crate) fn unavailable(e: davar_moderation::StoreError) -> ApiError {
    tracing::error!(error = %e, "the decision log failed");
    ApiError::Unavailable("the decision log is unavailable; retry later".to_owned())
}

/// The record `id` and every record of its chain (blocking).
pub(crate) fn with_chain(
    store: &dyn ServerStore,
    id: &str,
) -> Result<(DecisionRecord, Vec<DecisionRecord>), ApiError> {
    if !is_decision_id(id) {
        return Err(ApiError::NotFound(format!(
            "decision `{id}` (decision ids are UUIDs, as in `decision_id`)"
        )));
    }
    let record = store
        .record(id)
        .map_err(unavailable)?
        .ok_or_else(|| ApiError::NotFound(format!("decision {id}")))?;
    let chain = store.chain(&record.root).map_err(unavailable)?;
    Ok((record, chain))
}

/// The statement of reasons of a decision.
#[utoipa::path(
    get, path = "/v1/decisions/{id}/statement", tag = "decisions",
    params(("id" = String, Path, description = "A rejection, or an appeal's outcome")),
    responses(
        (status = 200, description = "The statement, in the comment's language. It is the author's view for every key: no moderator's id, no moderator's note.", body = Statement),
        (status = 404, description = "No such decision", body = ErrorBody),
        (status = 409, description = "The decision restricts nothing (`no-statement`), or it restricts nothing and a later decision took its place (`superseded`: `error.current` names the decision that stands, with the link to its statement when it has one)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn statement_of(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Statement>, ApiError> {
    let store = state.store();
    let key = id.clone();
    let (_, chain) = tokio::task::spawn_blocking(move || with_chain(&*store, &key))
        .await
        .map_err(joined)??;
    // A statement is written for the author, whoever asks for it: it is built from the
    // author's view of the records, which holds no moderator's id and no private note.
    let chain: Vec<DecisionRecord> = chain.into_iter().map(DecisionRecord::author_view).collect();
    let compiled = state.compiled();
    statement(&published(&compiled), &chain, &id)
        .map(Json)
        .map_err(|e| match e {
            NoStatement::Missing(_) => ApiError::NotFound(format!("decision {id}")),
            NoStatement::NotARestriction {
                action: "queue",
                stage,
                ..
            } => ApiError::Conflict {
                code: "no-statement",
                message: if stage == "appeal" {
                    format!(
                        "decision {id} lodges an appeal that is waiting for a moderator: there is \
                         no statement of reasons until one decides; the outcome's record has it \
                         (GET /v1/decisions/{id}/history shows it)"
                    )
                } else {
                    format!(
                        "decision {id} holds the comment for a moderator: the comment is waiting \
                         for a moderator, and there is no statement of reasons until one decides \
                         (GET /v1/decisions/{id}/history shows the decision then)"
                    )
                },
            },
            NoStatement::Superseded { ref current, .. } => ApiError::Superseded {
                message: e.to_string(),
                current: Box::new(current.clone()),
            },
            NoStatement::NotARestriction { .. } => ApiError::Conflict {
                code: "no-statement",
                message: e.to_string(),
            },
        })
}
