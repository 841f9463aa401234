//! `POST /v1/moderate` and `POST /v1/moderate/batch`: the same JSON in and out as
//! `davar moderate`, plus the decision record's id for comments not approved outright.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use davar_moderation::{Comment, Kind, ModerateError, ModerationResult, QuestionStore};

use super::record::{ModerateRequest, ModerateResponse, settle};
use crate::compiled::Compiled;
use crate::error::ApiError;
use crate::error::ErrorBody;
use crate::extract::ApiJson;
use crate::openapi::{CommentDoc, ModerationResultDoc};
use crate::state::AppState;
use crate::store::CommentScope;

/// Moderates one comment.
#[utoipa::path(
    post, path = "/v1/moderate", tag = "moderation",
    request_body = CommentDoc,
    responses(
        (status = 200, description = "The verdict, violations with code-point spans, and the fixed text", body = ModerationResultDoc),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was sent", body = ErrorBody),
        (status = 413, description = "Body over the limit (64 KiB by default)", body = ErrorBody),
        (status = 422, description = "Missing or mistyped field, unknown kind or language, field over 10,000 characters", body = ErrorBody),
        (status = 503, description = "Timeout or question store unavailable", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn moderate(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<ModerateRequest>,
) -> Result<Json<ModerateResponse>, ApiError> {
    let submission = request.into_submission("")?;
    check_lengths(&submission.comment, state.limits().field_chars, "")?;
    let compiled = state.compiled();
    let store = state.store();
    // Judging one comment is tens of microseconds of CPU: cheaper inline than a hop to the
    // blocking pool. Questions consult the question store, and a comment not approved outright
    // is written to the decision log: both wait on the database, on a blocking thread.
    let result = if submission.comment.kind != Kind::Review {
        let (compiled, store, comment) =
            (compiled.clone(), store.clone(), submission.comment.clone());
        tokio::task::spawn_blocking(move || {
            let scope = CommentScope::new(&*store, comment.id.as_deref(), false);
            run(&compiled, &scope, &comment, "")
        })
        .await
        .map_err(joined)??
    } else {
        let scope = CommentScope::new(&*store, submission.comment.id.as_deref(), false);
        run(&compiled, &scope, &submission.comment, "")?
    };
    let answer = if result.verdict == davar_moderation::Verdict::Approve {
        ModerateResponse {
            result,
            decision_id: None,
        }
    } else {
        tokio::task::spawn_blocking(move || settle(&compiled, &*store, &submission, result, ""))
            .await
            .map_err(joined)??
    };
    observe(&state, &answer.result);
    Ok(Json(answer))
}

/// Moderates up to 1,000 comments; results come back in the same order.
#[utoipa::path(
    post, path = "/v1/moderate/batch", tag = "moderation",
    request_body = Vec<CommentDoc>,
    responses(
        (status = 200, description = "One result per comment, in order", body = Vec<ModerationResultDoc>),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was sent", body = ErrorBody),
        (status = 413, description = "Body over the batch limit (4 MiB by default)", body = ErrorBody),
        (status = 422, description = "Too many comments, or an invalid one (`field` is `[index].name`)", body = ErrorBody),
        (status = 503, description = "Timeout or question store unavailable", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn batch(
    State(state): State<AppState>,
    ApiJson(requests): ApiJson<Vec<ModerateRequest>>,
) -> Result<Json<Vec<ModerateResponse>>, ApiError> {
    let limits = state.limits();
    if requests.len() > limits.batch_items {
        return Err(ApiError::Invalid {
            code: "too-many-items",
            message: format!(
                "the batch has {} comments; send at most {} per request",
                requests.len(),
                limits.batch_items
            ),
            field: None,
        });
    }
    let submissions = requests
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.into_submission(&format!("[{i}].")))
        .collect::<Result<Vec<_>, _>>()?;
    for (i, submission) in submissions.iter().enumerate() {
        check_lengths(&submission.comment, limits.field_chars, &format!("[{i}]."))?;
    }
    let compiled = state.compiled();
    let store = state.store();
    let results = tokio::task::spawn_blocking(move || {
        submissions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("[{i}].");
                let scope = CommentScope::new(&*store, s.comment.id.as_deref(), false);
                let result = run(&compiled, &scope, &s.comment, &path)?;
                settle(&compiled, &*store, s, result, &path)
            })
            .collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(joined)??;
    for answer in &results {
        observe(&state, &answer.result);
    }
    Ok(Json(results))
}

/// Judges one comment against `store` (`path` prefixes field names in errors).
pub(crate) fn run(
    compiled: &Arc<Compiled>,
    store: &dyn QuestionStore,
    comment: &Comment,
    path: &str,
) -> Result<ModerationResult, ApiError> {
    compiled
        .engine
        .moderate(comment, store)
        .map_err(|e| match e {
            ModerateError::UnknownRuleSet { kind, lang } => ApiError::invalid(
                "unknown-language",
                format!("{path}lang"),
                format!(
                    "no rule set moderates {kind}s in `{lang}`; languages served: {}",
                    compiled.rules.langs_for(kind.as_str()).join(", ")
                ),
            ),
            ModerateError::FieldTooLong {
                field,
                chars,
                limit,
            } => ApiError::invalid(
                "field-too-long",
                format!("{path}{field}"),
                format!("`{field}` has {chars} characters; the limit is {limit}"),
            ),
            ModerateError::DeadlineExceeded { rule } => {
                tracing::warn!(rule, "moderation passed its deadline");
                ApiError::Unavailable("moderation took too long; retry later".to_owned())
            }
            ModerateError::Store(e) => {
                tracing::error!(error = %e, "question store failed");
                ApiError::Unavailable("the question store is unavailable; retry later".to_owned())
            }
        })
}

/// Refuses any text field longer than the server's limit before the engine sees it.
pub(crate) fn check_lengths(comment: &Comment, limit: usize, path: &str) -> Result<(), ApiError> {
    let fields = [
        ("id", comment.id.as_deref()),
        ("title", comment.title.as_deref()),
        ("body", Some(comment.body.as_str())),
        ("product", comment.product.as_deref()),
        ("author", comment.author.as_deref()),
        ("lang", Some(comment.lang.as_str())),
    ];
    for (name, value) in fields {
        let Some(value) = value else { continue };
        // Cheap bound first: a string of at most `limit` bytes has at most `limit` code points.
        if value.len() > limit {
            let chars = value.chars().count();
            if chars > limit {
                return Err(ApiError::invalid(
                    "field-too-long",
                    format!("{path}{name}"),
                    format!("`{name}` has {chars} characters; the limit is {limit}"),
                ));
            }
        }
    }
    Ok(())
}

fn observe(state: &AppState, result: &ModerationResult) {
    state.metrics().observe_verdict(
        result.verdict.as_str(),
        result.violations.iter().map(|v| v.code.as_str()),
    );
}

/// A blocking task that panicked or was cancelled, logged, as a 500.
pub(crate) fn joined(e: tokio::task::JoinError) -> ApiError {
    if e.is_panic() {
        let payload = e.into_panic();
        let detail = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("non-string panic payload");
        tracing::error!(panic = detail, "the moderation engine panicked");
    } else {
        tracing::error!(error = %e, "the moderation task was cancelled");
    }
    ApiError::Internal
}
