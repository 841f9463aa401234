//! `POST /v1/moderate/batch`: up to `Limits::batch_items` comments, answered item by item. An
//! invalid comment gets an error object in its place and does not fail the others; when the
//! request's budget runs out, the items done keep their results and the rest are answered
//! `timeout` (when not even the first was done, the whole request is a `503 timeout`).

use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Json;
use axum::extract::State;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::ToSchema;

use crate::decision::build::Submission;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, parse_json};
use crate::openapi::ModerationResultDoc;
use crate::request::{CommentFields, CommentRequest};
use crate::routes::moderate::{check_lengths, judge_in_scope, observe, refusal};
use crate::routes::record::{ModerateResponse, settle_in_order};
use crate::state::AppState;
use crate::workers::{Budget, Refused, Stage, Weight};

/// Most judged comments whose decisions are written in one transaction.
const SETTLE_CHUNK: usize = 100;

/// Bytes of comment text (titles and bodies) past which the judged comments waiting have
/// their decisions written: with each record bounded by a few times its text, one chunk is a
/// transaction of at most a megabyte or so, the longest an ordinary decision can wait for it.
const SETTLE_TEXT_BYTES: usize = 256 * 1024;

/// Longest a judged comment waits for its transaction: the items done by the time the budget
/// runs out have their answers (and decisions) except the last few milliseconds' worth.
const SETTLE_WAIT: std::time::Duration = std::time::Duration::from_millis(20);

/// The batch body: a JSON array whose items are parsed one by one.
pub(crate) struct BatchRequest(Vec<Box<RawValue>>);

impl<'de> Deserialize<'de> for BatchRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items;
        impl<'de> Visitor<'de> for Items {
            type Value = BatchRequest;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array of comments such as [{\"body\": \"...\"}]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<BatchRequest, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element::<Box<RawValue>>()? {
                    items.push(item);
                }
                Ok(BatchRequest(items))
            }
        }
        deserializer.deserialize_seq(Items)
    }
}

/// One item of the answer: the comment's result, or why it has none.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum BatchItem {
    /// The comment was judged (with its decision id when not approved outright).
    Judged(ModerateResponse),
    /// The comment was invalid, or the budget ran out before it.
    Failed(ErrorBody),
}

/// One item of the answer, for the OpenAPI document.
#[derive(ToSchema)]
#[schema(as = BatchItem)]
#[allow(dead_code)]
#[serde(untagged)]
pub(crate) enum BatchItemDoc {
    /// The comment's result.
    Judged(ModerationResultDoc),
    /// Why this comment has no result (`field` is `[index].name`).
    Failed(ErrorBody),
}

/// Moderates up to 1,000 comments; one answer per comment, in the same order.
#[utoipa::path(
    post, path = "/v1/moderate/batch", tag = "moderation",
    request_body = Vec<CommentFields>,
    responses(
        (status = 200, description = "One item per comment, in order: its result, or an error object for an invalid comment or one the time budget did not reach (`timeout`)", body = Vec<BatchItemDoc>),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was sent, or a key was sent in the query string", body = ErrorBody),
        (status = 408, description = "The body did not arrive within the body timeout", body = ErrorBody),
        (status = 413, description = "Body over the batch limit (4 MiB by default)", body = ErrorBody),
        (status = 415, description = "No `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Not an array, or too many comments", body = ErrorBody),
        (status = 503, description = "No worker was free before the time budget ran out", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn batch(
    State(state): State<AppState>,
    ApiJson(BatchRequest(items)): ApiJson<BatchRequest>,
) -> Result<Json<Vec<BatchItem>>, ApiError> {
    let limits = state.limits();
    if items.len() > limits.batch_items {
        return Err(ApiError::Invalid {
            code: "too-many-items",
            message: format!(
                "the batch has {} comments; send at most {} per request",
                items.len(),
                limits.batch_items
            ),
            field: None,
        });
    }
    let total = items.len();
    let submissions: Vec<Result<Submission, ApiError>> = items
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let submission = parse_json::<CommentRequest>(raw.get().as_bytes())
                .map_err(|e| e.within(&format!("[{i}]")))?
                .into_submission(&format!("[{i}]."))?;
            check_lengths(&submission.comment, limits.field_chars, &format!("[{i}]."))?;
            Ok(submission)
        })
        .collect();
    drop(items);
    let budget = Budget::until(Instant::now() + limits.timeout);
    let done: Arc<Mutex<Vec<Result<ModerateResponse, ApiError>>>> =
        Arc::new(Mutex::new(Vec::with_capacity(total)));
    let compiled = state.compiled();
    let store = state.store();
    let sink = Arc::clone(&done);
    let writer = state.clone();
    let timeout = limits.timeout;
    let outcome = state
        .workers()
        .run(Weight::Heavy, &budget, move |budget| {
            // Judged items wait in `pending` until `SETTLE_CHUNK` of them, or
            // `SETTLE_TEXT_BYTES` of their text, can have their decisions written in one
            // transaction, or the first of them has waited `SETTLE_WAIT` (or the batch ends or
            // runs out of time). Each chunk is written on the heavy store lane, which starts it
            // only while no ordinary store job is queued or running: an ordinary decision
            // waits for at most the one chunk being written.
            let settle = |pending: Vec<_>| {
                let (compiled, store) = (Arc::clone(&compiled), Arc::clone(&store));
                let count = pending.len();
                let written = writer
                    .workers()
                    .run_blocking(Weight::Store, budget, move |_| {
                        settle_in_order(&compiled, &*store, pending)
                    });
                match written {
                    Ok(settled) => lock(&sink).extend(settled),
                    // Not written because the budget ran out first: these items and the ones
                    // after them are answered `timeout` (send them again).
                    Err(Refused::Timeout(_)) => {}
                    Err(panicked) => {
                        let _logged = refusal(panicked, "/v1/moderate/batch", timeout);
                        lock(&sink).extend((0..count).map(|_| Err(ApiError::Internal)));
                    }
                }
            };
            let mut pending = Vec::with_capacity(SETTLE_CHUNK.min(total));
            let mut pending_bytes = 0;
            let mut since = Instant::now();
            for (i, submission) in submissions.into_iter().enumerate() {
                if budget.is_spent() {
                    break; // the rest is answered `timeout`
                }
                let path = format!("[{i}].");
                let judged = submission.and_then(|s| {
                    let result = judge_in_scope(&compiled, &*store, &s.comment, budget, &path)?;
                    Ok((s, result))
                });
                if pending.is_empty() {
                    since = Instant::now();
                }
                if let Ok((s, _)) = &judged {
                    pending_bytes +=
                        s.comment.title.as_ref().map_or(0, String::len) + s.comment.body.len();
                }
                pending.push(judged);
                if pending.len() == SETTLE_CHUNK
                    || pending_bytes >= SETTLE_TEXT_BYTES
                    || since.elapsed() >= SETTLE_WAIT
                {
                    settle(std::mem::take(&mut pending));
                    pending_bytes = 0;
                }
            }
            if !pending.is_empty() {
                settle(pending);
            }
        })
        .await;
    match outcome {
        Ok(()) => {}
        Err(Refused::Timeout(Stage::Work)) if !lock(&done).is_empty() => {
            let finished = lock(&done).len();
            tracing::warn!(
                route = "/v1/moderate/batch",
                budget_ms = u64::try_from(limits.timeout.as_millis()).unwrap_or(u64::MAX),
                done = finished,
                items = total,
                reason = "the time budget ran out before the last item; the others are answered `timeout`",
                "batch stopped early"
            );
        }
        Err(refused) => return Err(refusal(refused, "/v1/moderate/batch", limits.timeout)),
    }
    // Take the results out: the worker may still hold its handle for a moment after a timeout.
    let judged = std::mem::take(&mut *lock(&done));
    let timeout_ms = u64::try_from(limits.timeout.as_millis()).unwrap_or(u64::MAX);
    let mut answers = Vec::with_capacity(total);
    for item in judged {
        answers.push(match item {
            Ok(answer) => {
                observe(&state, &answer.result);
                BatchItem::Judged(answer)
            }
            Err(e) => BatchItem::Failed(e.body()),
        });
    }
    while answers.len() < total {
        answers.push(BatchItem::Failed(not_reached(timeout_ms, answers.len())));
    }
    Ok(Json(answers))
}

/// The error object of an item the budget did not reach.
fn not_reached(timeout_ms: u64, index: usize) -> ErrorBody {
    let mut body = ApiError::Timeout(timeout_ms).body();
    body.error.message = format!(
        "not moderated: the request's time budget of {timeout_ms} ms ran out before item {index}; send the items from here again"
    );
    body
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
