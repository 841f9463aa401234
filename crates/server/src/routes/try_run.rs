//! `POST /v1/moderate/try`: the console's dry run. The comment is judged exactly as
//! `POST /v1/moderate` would judge it now (duplicates included), but nothing is recorded: no
//! question stored, no decision, no verdict counted in the metrics.

use axum::Json;
use axum::extract::State;
use davar_moderation::{Comment, ModerationResult};

use super::moderate::{check_lengths, joined, run};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::openapi::{CommentDoc, ModerationResultDoc};
use crate::state::AppState;
use crate::store::CommentScope;

/// Judges one comment without recording anything.
#[utoipa::path(
    post, path = "/v1/moderate/try", tag = "moderation",
    request_body = CommentDoc,
    responses(
        (status = 200, description = "The verdict it would get; nothing is stored", body = ModerationResultDoc),
        (status = 422, description = "Invalid comment", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn try_comment(
    State(state): State<AppState>,
    ApiJson(comment): ApiJson<Comment>,
) -> Result<Json<ModerationResult>, ApiError> {
    check_lengths(&comment, state.limits().field_chars, "")?;
    let compiled = state.compiled();
    let store = state.store();
    let result = tokio::task::spawn_blocking(move || {
        let scope = CommentScope::new(&*store, comment.id.as_deref(), true);
        run(&compiled, &scope, &comment, "")
    })
    .await
    .map_err(joined)??;
    Ok(Json(result))
}
