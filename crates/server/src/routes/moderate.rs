//! `POST /v1/moderate`: the same JSON in and out as `davar moderate`, plus the decision
//! record's id for comments not approved outright. The comment is judged on a moderation worker
//! within the request's budget (`crate::workers`); its decision is written on the store lane.

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::extract::State;
use davar_moderation::{Comment, Kind, ModerateError, ModerationResult, QuestionStore, Verdict};

use super::record::{ModerateResponse, settle};
use crate::compiled::Compiled;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::openapi::ModerationResultDoc;
use crate::request::{CommentFields, CommentRequest};
use crate::state::AppState;
use crate::store::{CommentScope, ServerStore};
use crate::workers::{Budget, Refused, Weight};

/// Moderates one comment.
#[utoipa::path(
    post, path = "/v1/moderate", tag = "moderation",
    request_body = CommentFields,
    responses(
        (status = 200, description = "The verdict, violations with code-point spans, the fixed text, and the decision id when the comment is not approved outright", body = ModerationResultDoc),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was sent, or a key was sent in the query string", body = ErrorBody),
        (status = 408, description = "The body did not arrive within the body timeout", body = ErrorBody),
        (status = 413, description = "Body over the limit (64 KiB by default)", body = ErrorBody),
        (status = 415, description = "No `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Not an object, unknown, missing or mistyped field, unknown kind or language, field over 10,000 characters, invalid `created_at`", body = ErrorBody),
        (status = 503, description = "The request's time budget ran out (`timeout`), or the question store or decision log is unavailable", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn moderate(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CommentRequest>,
) -> Result<Json<ModerateResponse>, ApiError> {
    let limits = state.limits();
    let submission = request.into_submission("")?;
    check_lengths(&submission.comment, limits.field_chars, "")?;
    let budget = Budget::until(Instant::now() + limits.timeout);
    let store = state.store();
    let weight = weight_of(&submission.comment, limits.lanes.light_chars);
    let compiled = state.compiled();
    let submission = Arc::new(submission);
    let judged = {
        let (compiled, store, submission) = (compiled.clone(), store.clone(), submission.clone());
        state
            .workers()
            .run(weight, &budget, move |budget| {
                judge_in_scope(&compiled, &*store, &submission.comment, budget, "")
            })
            .await
            .map_err(|refused| refusal(refused, "/v1/moderate", limits.timeout))??
    };
    let answer = if judged.verdict == Verdict::Approve {
        ModerateResponse {
            result: judged,
            decision_id: None,
        }
    } else {
        // Writing the decision waits on the database: the store lane, not a CPU lane.
        state
            .workers()
            .run(Weight::Store, &budget, move |_| {
                settle(&compiled, &*store, &submission, judged, "")
            })
            .await
            .map_err(|refused| refusal(refused, "/v1/moderate", limits.timeout))??
    };
    observe(&state, &answer.result);
    Ok(Json(answer))
}

/// The lane a single comment takes: any comment longer than `light_chars` (title and body)
/// the heavy lane, whatever its kind, as the engine's time grows with the text; shorter
/// questions and answers the store lane, as they consult the question store, which waits on
/// the database; shorter reviews the light lane.
pub(crate) fn weight_of(comment: &Comment, light_chars: usize) -> Weight {
    if text_chars(comment, light_chars) > light_chars {
        Weight::Heavy
    } else if comment.kind != Kind::Review {
        Weight::Store
    } else {
        Weight::Light
    }
}

/// Judges `comment` with the question store seen from the comment itself (a retry is no
/// duplicate of its first sending); blocking, for a worker. `path` prefixes field names in
/// errors (`[3].` inside a batch).
pub(crate) fn judge_in_scope(
    compiled: &Arc<Compiled>,
    store: &dyn ServerStore,
    comment: &Comment,
    budget: &Budget,
    path: &str,
) -> Result<ModerationResult, ApiError> {
    let scope = CommentScope::new(store, comment.id.as_deref(), false);
    judge(compiled, &scope, comment, budget, path)
}

/// Code points of title and body together, counted only when the bytes exceed `limit`
/// (a text of at most `limit` bytes has at most `limit` code points).
fn text_chars(comment: &Comment, limit: usize) -> usize {
    let title = comment.title.as_deref().unwrap_or("");
    let bytes = title.len() + comment.body.len();
    if bytes <= limit {
        bytes
    } else {
        title.chars().count() + comment.body.chars().count()
    }
}

/// Judges one comment within `budget`: the one place the server calls the engine. `path`
/// prefixes field names in errors (`[3].` inside a batch).
pub(crate) fn judge(
    compiled: &Arc<Compiled>,
    store: &dyn QuestionStore,
    comment: &Comment,
    budget: &Budget,
    path: &str,
) -> Result<ModerationResult, ApiError> {
    // The engine checks the deadline between rules and inside their candidate loops, so a
    // comment past the budget stops within one step and frees its worker.
    compiled
        .engine
        .moderate_until(comment, store, budget.deadline())
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
                tracing::warn!(
                    rule,
                    budget_ms = budget.millis(),
                    reason = "the engine passed the request's deadline",
                    "moderation stopped"
                );
                ApiError::Timeout(budget.millis())
            }
            ModerateError::Store(e) => {
                tracing::error!(error = %e, "question store failed");
                ApiError::Unavailable("the question store is unavailable; retry later".to_owned())
            }
        })
}

/// The answer to a request the workers did not finish, logged with its reason.
pub(crate) fn refusal(refused: Refused, route: &str, budget: std::time::Duration) -> ApiError {
    let ms = u64::try_from(budget.as_millis()).unwrap_or(u64::MAX);
    match refused {
        Refused::Timeout(stage) => {
            tracing::warn!(
                route,
                budget_ms = ms,
                reason = stage.as_str(),
                "moderation timed out; its work was stopped"
            );
            ApiError::Timeout(ms)
        }
        Refused::Panicked(panic) => {
            tracing::error!(route, panic, "the moderation engine panicked");
            ApiError::Internal
        }
    }
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

/// A blocking task that panicked or was cancelled, logged, as a 500.
pub(crate) fn joined(e: tokio::task::JoinError) -> ApiError {
    if e.is_panic() {
        let payload = e.into_panic();
        let detail = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("non-string panic payload");
        tracing::error!(panic = detail, "a blocking task panicked");
    } else {
        tracing::error!(error = %e, "a blocking task was cancelled");
    }
    ApiError::Internal
}

/// Counts the verdict and violation codes of one result.
pub(crate) fn observe(state: &AppState, result: &ModerationResult) {
    state.metrics().observe_verdict(
        result.verdict.as_str(),
        result.violations.iter().map(|v| v.code.as_str()),
    );
}
