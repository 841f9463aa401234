//! `POST /v1/moderate/try`: the console's dry run. The comment is judged exactly as
//! `POST /v1/moderate` would judge it now (duplicates included), but nothing is recorded: no
//! question stored, no decision, no verdict counted in the metrics.

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use davar_moderation::{Comment, ModerationResult};

use super::moderate::{check_lengths, judge, refusal, weight_of};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::openapi::ModerationResultDoc;
use crate::request::{CommentFields, CommentRequest};
use crate::state::AppState;
use crate::store::CommentScope;
use crate::workers::Budget;

/// Judges one comment without recording anything.
#[utoipa::path(
    post, path = "/v1/moderate/try", tag = "moderation",
    request_body = CommentFields,
    responses(
        (status = 200, description = "The verdict it would get; nothing is stored", body = ModerationResultDoc),
        (status = 422, description = "Invalid comment", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn try_comment(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CommentRequest>,
) -> Result<Json<ModerationResult>, ApiError> {
    let limits = state.limits();
    let comment = Comment::from(request);
    check_lengths(&comment, limits.field_chars, "")?;
    let budget = Budget::until(Instant::now() + limits.timeout);
    let compiled = state.compiled();
    let store = state.store();
    let weight = weight_of(&comment, limits.lanes.light_chars);
    let result = state
        .workers()
        .run(weight, &budget, move |budget| {
            let scope = CommentScope::new(&*store, comment.id.as_deref(), true);
            judge(&compiled, &scope, &comment, budget, "")
        })
        .await
        .map_err(|refused| refusal(refused, "/v1/moderate/try", limits.timeout))??;
    Ok(Json(result))
}
