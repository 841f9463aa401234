//! `POST /v1/decisions/{id}/appeal` (a client key: the storefront lodges it on the author's behalf):
//! the author's appeal against a rejection, within the window the dispute policy states. It
//! enters the review queue before first reviews; a moderator other than the one who took the
//! contested decision decides it (DSA Art. 20).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::Deserialize;
use utoipa::ToSchema;

use super::decisions::Viewer;
use super::moderate::joined;
use super::statement::{published, unavailable, with_chain};
use crate::compliance::appeal::{APPEAL_PRIORITY, AppealRefusal, decided_by, is_lodged, lodge};
use crate::decision::DecisionRecord;
use crate::decision::build::policy_versions;
use crate::decision::text::{has_visible, within_limit};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, PathId};
use crate::state::AppState;
use crate::store::ServerStore;

/// An appeal, as the storefront sends it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AppealRequest {
    /// The author's appeal, in their words: at most the server's field limit (10,000 characters
    /// by default), with at least one visible character.
    text: String,
}

/// Lodges an appeal against a rejection.
#[utoipa::path(
    post, path = "/v1/decisions/{id}/appeal", tag = "decisions",
    params(("id" = String, Path, description = "The rejection appealed (engine's or a moderator's)")),
    request_body = AppealRequest,
    responses(
        (status = 201, description = "The record lodging the appeal (stage `appeal`, action `queue`); it waits in the review queue", body = DecisionRecord),
        (status = 403, description = "A moderator or admin key (`forbidden`): appeals are the author's, lodged with the storefront's client key", body = ErrorBody),
        (status = 404, description = "No such decision", body = ErrorBody),
        (status = 409, description = "Not a restriction (`not-restricted`), appealed already (`appealed`), superseded by a later decision (`superseded`: `error.current` names the decision that stands, with the link to its statement when it has one), an appeal's outcome (`appeal-final`), or past the window (`appeal-window-closed`)", body = ErrorBody),
        (status = 422, description = "`text` over the field limit (10,000 characters by default; `field-too-long`), or showing nothing once spaces, zero-width and bidi control characters are set aside (`missing-field`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn appeal(
    State(state): State<AppState>,
    viewer: Viewer,
    PathId(id): PathId,
    ApiJson(request): ApiJson<AppealRequest>,
) -> Result<(StatusCode, Json<DecisionRecord>), ApiError> {
    // An appeal is the author's: with keys configured, only a client key (the storefront
    // acting for the author) lodges one.
    if viewer == Viewer::Staff && state.keys().is_some() {
        return Err(ApiError::Forbidden(
            "an appeal is lodged by the author, through the storefront's client key; a moderator or admin key cannot lodge one (moderators decide appeals in the review queue): send it with the storefront's key"
                .to_owned(),
        ));
    }
    let limit = state.limits().field_chars;
    within_limit("text", &request.text, limit)
        .map_err(|message| ApiError::invalid("field-too-long", "text", message))?;
    if !has_visible(&request.text) {
        return Err(ApiError::invalid(
            "missing-field",
            "text",
            "`text` shows nothing readable (no letter, digit, symbol or punctuation; only spaces, invisible or control characters, lone marks, private-use or unassigned code points): send the author's appeal in words",
        ));
    }
    let compiled = state.compiled();
    let store = state.store();
    let lodged = tokio::task::spawn_blocking(move || {
        let (target, chain) = with_chain(&*store, &id)?;
        let versions = policy_versions(&compiled, &target.comment.lang);
        let record = lodge(
            &published(&compiled),
            &chain,
            &target,
            &request.text,
            versions,
            Timestamp::now(),
        )
        .map_err(refused)?;
        if let Err(e) = store.append(&record, Some(APPEAL_PRIORITY)) {
            // The unique appeal index refuses a second appeal lodged at the same time.
            let chain = store.chain(&target.root).map_err(unavailable)?;
            if let Some(other) = chain
                .iter()
                .find(|r| is_lodged(r) && r.follows.as_deref() == Some(target.id.as_str()))
            {
                return Err(refused(AppealRefusal::AlreadyAppealed {
                    id: target.id.clone(),
                    appeal: other.id.clone(),
                }));
            }
            return Err(unavailable(e));
        }
        Ok(record)
    })
    .await
    .map_err(joined)??;
    Ok((StatusCode::CREATED, Json(viewer.show(lodged))))
}

fn refused(refusal: AppealRefusal) -> ApiError {
    let code = match &refusal {
        AppealRefusal::EmptyText => {
            return ApiError::invalid("missing-field", "text", refusal.to_string());
        }
        AppealRefusal::Superseded { current, .. } => {
            return ApiError::Superseded {
                message: refusal.to_string(),
                current: Box::new(current.clone()),
            };
        }
        AppealRefusal::NotRestricting { .. } => "not-restricted",
        AppealRefusal::Final { .. } => "appeal-final",
        AppealRefusal::AlreadyAppealed { .. } => "appealed",
        AppealRefusal::WindowClosed { .. } => "appeal-window-closed",
    };
    let message = match &refusal {
        AppealRefusal::NotRestricting {
            id,
            action: "queue",
        } => format!(
            "decision {id} holds the comment for a moderator: the comment is waiting for a moderator, \
             and there is no decision to appeal until one decides; a rejection, or a publication with \
             parts removed or changed under the rules, can be appealed then \
             (GET /v1/decisions/{id}/history shows it)"
        ),
        _ => refusal.to_string(),
    };
    ApiError::Conflict { code, message }
}

/// Refuses `moderator` an item that appeals a decision they took (blocking).
pub(crate) fn not_own_decision(
    store: &dyn ServerStore,
    item: &DecisionRecord,
    moderator: &str,
) -> Result<(), ApiError> {
    if !is_lodged(item) {
        return Ok(());
    }
    let Some(contested) = item.follows.as_deref() else {
        return Ok(());
    };
    match store.record(contested).map_err(unavailable)? {
        Some(contested) if decided_by(&contested, moderator) => Err(ApiError::Conflict {
            code: "own-decision",
            message: format!(
                "item {} appeals decision {} that you took: another moderator decides it (DSA Art. 20)",
                item.id, contested.id
            ),
        }),
        _ => Ok(()),
    }
}
