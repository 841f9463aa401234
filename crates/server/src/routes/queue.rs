//! The review queue (`/v1/queue…`, moderator keys): list pending items, claim one (a claim
//! lapses after a while, so an abandoned item goes back to the others), decide it, read its
//! history. Every store call blocks on the database and runs on a blocking thread.

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use davar_moderation::{Field, Kind, QuestionProbe, Verdict, question_key};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::appeal::not_own_decision;
use super::moderate::{check_lengths, joined, judge, refusal, weight_of};
use crate::auth::{Role, usable_name};
use crate::compiled::Compiled;
use crate::compliance::appeal::{self, is_lodged};
use crate::compliance::statement::{changes, published_text, removes_more};
use crate::decision::TextFields;
use crate::decision::review::{
    ModeratorDecision, Refusal, ReviewAction, check_decision, edited_comment, judge_edit,
    moderator_record, proposed_edit,
};
use crate::decision::{Action, DecisionRecord};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, PathId};
use crate::state::AppState;
use crate::store::{Claim, CommentScope, Decide, QueueCounts, QueueFilter, QueueItem, ServerStore};
use crate::workers::Budget;

/// How long a claim lasts unless the request says otherwise.
const DEFAULT_CLAIM_SECONDS: i64 = 15 * 60;
/// The longest claim a moderator may ask for.
const MAX_CLAIM_SECONDS: i64 = 4 * 60 * 60;
/// Header naming the moderator when the server runs without API keys (development).
const MODERATOR_HEADER: &str = "x-davar-moderator";

/// The moderator making a request: the name of their key, or without keys configured the
/// `X-Davar-Moderator` header (default `moderator`).
#[derive(Debug, Clone)]
pub(crate) struct Moderator(pub String);

impl FromRequestParts<AppState> for Moderator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(keys) = state.keys() else {
            let Some(value) = parts.headers.get(MODERATOR_HEADER) else {
                return Ok(Moderator(crate::decision::MODERATOR.to_owned()));
            };
            return match value.to_str().map(str::trim) {
                Ok(name) if usable_name(name) || name == crate::decision::MODERATOR => {
                    Ok(Moderator(name.to_owned()))
                }
                _ => Err(ApiError::invalid(
                    "invalid-header",
                    MODERATOR_HEADER,
                    format!(
                        "`{MODERATOR_HEADER}` names the moderator signing the decision: letters, digits and . _ @ -, and none of {}; or leave it out to sign `{}`",
                        crate::decision::RESERVED_NAMES.join(", "),
                        crate::decision::MODERATOR
                    ),
                )),
            };
        };
        let caller = keys.identify(&parts.headers)?;
        match (caller.role, caller.name) {
            (Role::Moderator | Role::Admin, Some(name)) => Ok(Moderator(name)),
            (Role::Admin, None) => Ok(Moderator("admin".to_owned())),
            _ => Err(ApiError::Forbidden(
                "the review queue needs a `moderator` key (`moderator <key> <name>` in the keys file)"
                    .to_owned(),
            )),
        }
    }
}

/// Filters of the queue (query string of `GET /v1/queue` and `POST /v1/queue/claim`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct QueueParams {
    /// Only items with a violation of this rule code.
    code: Option<String>,
    /// Only this kind (`review`, `question`, `answer`).
    #[param(value_type = Option<String>)]
    kind: Option<Kind>,
    /// Only this language.
    lang: Option<String>,
    /// Only items waiting at least this many seconds.
    min_age: Option<u32>,
    /// Only items waiting at most this many seconds.
    max_age: Option<u32>,
    /// At most this many items (default 50, at most 500).
    limit: Option<u32>,
    /// Claim for this many seconds (default 900, at most 14,400).
    claim_seconds: Option<u32>,
}

impl QueueParams {
    fn filter(&self, now: Timestamp) -> QueueFilter {
        let ago = |s: u32| now - SignedDuration::from_secs(i64::from(s));
        QueueFilter {
            code: self.code.clone().filter(|c| !c.is_empty()),
            kind: self.kind,
            lang: self.lang.clone().filter(|l| !l.is_empty()),
            enqueued_before: self.min_age.map(ago),
            enqueued_after: self.max_age.map(ago),
        }
    }
}

fn params(query: Result<Query<QueueParams>, QueryRejection>) -> Result<QueueParams, ApiError> {
    let params = query.map(|Query(p)| p).map_err(|e| ApiError::Invalid {
        code: "invalid-query",
        message: format!(
            "{}; parameters: code, kind, lang, min_age, max_age, limit, claim_seconds",
            e.body_text()
        ),
        field: None,
    })?;
    // A rule code is one word (`contacts/phone`): a filter with white space in it would match
    // across the codes of an item.
    for (name, value) in [("code", &params.code), ("lang", &params.lang)] {
        if let Some(value) = value
            && value.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(ApiError::invalid(
                "invalid-query",
                name,
                format!(
                    "`{name}` is one word without spaces or control characters, e.g. `code=contacts/phone`, `lang=fa`"
                ),
            ));
        }
    }
    Ok(params)
}

/// Runs a blocking store call on a blocking thread; store failures become 503.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&dyn ServerStore) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let store = state.store();
    tokio::task::spawn_blocking(move || f(&*store))
        .await
        .map_err(joined)?
}

fn unavailable(e: davar_moderation::StoreError) -> ApiError {
    tracing::error!(error = %e, "the decision log failed");
    ApiError::Unavailable("the decision log is unavailable; retry later".to_owned())
}

/// `GET /v1/queue`: pending items and counts.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct QueueListing {
    /// Counts over the whole queue (not only the filtered items).
    counts: QueueCounts,
    /// Matching pending items, highest priority then oldest first.
    items: Vec<QueueItem>,
}

/// Lists pending items.
#[utoipa::path(
    get, path = "/v1/queue", tag = "queue", params(QueueParams),
    responses(
        (status = 200, description = "Counts and pending items, oldest first", body = QueueListing),
        (status = 403, description = "Not a moderator key", body = ErrorBody),
        (status = 422, description = "Unknown or malformed query parameter", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    _moderator: Moderator,
    query: Result<Query<QueueParams>, QueryRejection>,
) -> Result<Json<QueueListing>, ApiError> {
    let params = params(query)?;
    let now = Timestamp::now();
    let filter = params.filter(now);
    let limit = params.limit.unwrap_or(50).clamp(1, 500) as usize;
    blocking(&state, move |store| {
        let counts = store.queue_counts(now).map_err(unavailable)?;
        let items = store.queue_pending(&filter, limit).map_err(unavailable)?;
        Ok(Json(QueueListing { counts, items }))
    })
    .await
}

fn claim_until(now: Timestamp, params: &QueueParams) -> Timestamp {
    let seconds = params
        .claim_seconds
        .map_or(DEFAULT_CLAIM_SECONDS, i64::from)
        .clamp(1, MAX_CLAIM_SECONDS);
    now + SignedDuration::from_secs(seconds)
}

fn claimed(outcome: Claim, id: &str) -> Result<Response, ApiError> {
    match outcome {
        Claim::Claimed(item) => Ok(Json(item).into_response()),
        Claim::Empty => Ok(StatusCode::NO_CONTENT.into_response()),
        Claim::Taken { by, until } => Err(ApiError::Conflict {
            code: "claimed",
            message: format!("item {id} is claimed by {by} until {until}; take another one"),
        }),
        Claim::Decided => Err(ApiError::Conflict {
            code: "decided",
            message: format!("item {id} was decided already; see its history"),
        }),
        Claim::NotFound => Err(ApiError::NotFound(format!("queue item {id}"))),
    }
}

/// Claims the next pending item nobody holds.
#[utoipa::path(
    post, path = "/v1/queue/claim", tag = "queue", params(QueueParams),
    responses(
        (status = 200, description = "The claimed item", body = QueueItem),
        (status = 204, description = "Nothing pending matches"),
        (status = 403, description = "Not a moderator key", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn claim_next(
    State(state): State<AppState>,
    Moderator(moderator): Moderator,
    query: Result<Query<QueueParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = params(query)?;
    let now = Timestamp::now();
    let (filter, until) = (params.filter(now), claim_until(now, &params));
    blocking(&state, move |store| {
        let outcome = store
            .queue_claim(None, &filter, &moderator, now, until)
            .map_err(unavailable)?;
        claimed(outcome, "next")
    })
    .await
}

/// Claims one item.
#[utoipa::path(
    post, path = "/v1/queue/{id}/claim", tag = "queue",
    params(("id" = String, Path, description = "Queue item id"), QueueParams),
    responses(
        (status = 200, description = "The claimed item", body = QueueItem),
        (status = 404, description = "No such item", body = ErrorBody),
        (status = 409, description = "Claimed by another moderator (`claimed`) or decided (`decided`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn claim(
    State(state): State<AppState>,
    Moderator(moderator): Moderator,
    PathId(id): PathId,
    query: Result<Query<QueueParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = params(query)?;
    let now = Timestamp::now();
    let until = claim_until(now, &params);
    blocking(&state, move |store| {
        if let Some(item) = store.queue_item(&id).map_err(unavailable)? {
            not_own_decision(store, &item.record, &moderator)?;
        }
        let outcome = store
            .queue_claim(Some(&id), &QueueFilter::default(), &moderator, now, until)
            .map_err(unavailable)?;
        claimed(outcome, &id)
    })
    .await
}

/// Gives a claim back.
#[utoipa::path(
    post, path = "/v1/queue/{id}/release", tag = "queue",
    params(("id" = String, Path, description = "Queue item id")),
    responses((status = 204, description = "Released (or not held)")),
    security((), ("bearer" = []))
)]
pub(crate) async fn release(
    State(state): State<AppState>,
    Moderator(moderator): Moderator,
    PathId(id): PathId,
) -> Result<StatusCode, ApiError> {
    blocking(&state, move |store| {
        store.queue_release(&id, &moderator).map_err(unavailable)?;
        Ok(StatusCode::NO_CONTENT)
    })
    .await
}

/// Decides a claimed item: approve, reject with codes, or edit-and-approve.
#[utoipa::path(
    post, path = "/v1/queue/{id}/decision", tag = "queue",
    params(("id" = String, Path, description = "Queue item id")),
    request_body = ModeratorDecision,
    responses(
        (status = 200, description = "The new record, following the item's", body = DecisionRecord),
        (status = 404, description = "No such item", body = ErrorBody),
        (status = 409, description = "Not claimed by this moderator (`not-claimed`) or decided already (`decided`)", body = ErrorBody),
        (status = 422, description = "Reject without codes (`missing-field`), a code the item's rule set does not have (`unknown-value`), a rejection citing only codes that repair (`invalid-field` on `codes`), codes with another action or an edit without `edit-approve` (`invalid-field`), a note, title or body over the field limit (`field-too-long`), nothing to edit or an edit showing nothing (`missing-field`), an edit the engine still finds breaking a rule (`edit-violates-rules`, naming each violation), or, on an appeal against an edit, a rejection (`invalid-field` on `action`) or an edit removing text the contested edit kept (`invalid-field` on `body` or `title`)", body = ErrorBody),
        (status = 503, description = "The engine's time budget ran out judging the edit (`timeout`), or the decision log is unavailable", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn decide(
    State(state): State<AppState>,
    Moderator(moderator): Moderator,
    PathId(id): PathId,
    ApiJson(mut decision): ApiJson<ModeratorDecision>,
) -> Result<Json<DecisionRecord>, ApiError> {
    let limits = state.limits();
    check_decision(&mut decision, limits.field_chars).map_err(refused)?;
    let compiled = state.compiled();
    let item = {
        let (id, moderator, action) = (id.clone(), moderator.clone(), decision.action);
        blocking(&state, move |store| {
            let item = store
                .queue_item(&id)
                .map_err(unavailable)?
                .ok_or_else(|| ApiError::NotFound(format!("queue item {id}")))?;
            not_own_decision(store, &item.record, &moderator)?;
            let contested = contested(store, &item.record)?;
            if let Some(contested) = &contested {
                not_heavier(&item.record, contested, action)?;
            }
            open_to(&item, &moderator)?;
            Ok((item, contested))
        })
        .await?
    };
    let (item, contested) = item;
    // The contested decision when the item appeals one that published the comment with parts
    // removed: an edit deciding the appeal is held to what it kept.
    let contested_edit = contested.as_ref().filter(|c| published_text(c).is_some());
    let edited = match decision.action {
        ReviewAction::EditApprove => {
            let proposed = proposed_edit(&item.record, &decision).map_err(refused)?;
            let edited = judged_edit(&state, &compiled, &item.record, proposed.clone()).await?;
            if let Some(contested) = contested_edit {
                keeps_the_contested_text(&item.record, contested, &edited)?;
                not_repaired_back(&item.record, contested, &decision, &proposed, &edited)?;
            }
            Some(edited)
        }
        ReviewAction::Approve | ReviewAction::Reject => None,
    };
    let mut record = moderator_record(
        &compiled,
        &item.record,
        &moderator,
        &decision,
        edited,
        Timestamp::now(),
    )
    .map_err(refused)?;
    if let Some(contested) = &contested {
        record = appeal::outcome(record, contested);
    }
    blocking(&state, move |store| {
        match store
            .queue_decide(&id, &moderator, &record)
            .map_err(unavailable)?
        {
            Decide::Done(record) => {
                settle_question_store(store, &record);
                Ok(Json(*record))
            }
            refusal => Err(decide_refused(&id, refusal)),
        }
    })
    .await
}

/// The decision the item appeals, when the item lodges an appeal (blocking).
fn contested(
    store: &dyn ServerStore,
    item: &DecisionRecord,
) -> Result<Option<DecisionRecord>, ApiError> {
    match item.follows.as_deref() {
        Some(contested) if is_lodged(item) => store.record(contested).map_err(unavailable),
        _ => Ok(None),
    }
}

/// Refuses to reject a comment on the author's appeal against `contested`, a decision that
/// published it with parts removed (a moderator's edit, or the engine's repair removing
/// content): the appeal contests the parts removed, and its outcome keeps them out
/// (`edit-approve` with the same text), restores some, or publishes the text as written
/// (`approve`).
fn not_heavier(
    item: &DecisionRecord,
    contested: &DecisionRecord,
    action: ReviewAction,
) -> Result<(), ApiError> {
    if action != ReviewAction::Reject || published_text(contested).is_none() {
        return Ok(());
    }
    Err(ApiError::invalid(
        "invalid-field",
        "action",
        format!(
            "item {} appeals decision {}, which published the comment with parts removed: the appeal cannot end in a rejection; send `edit-approve` (the same text upholds it, another changes it) or `approve` (publishes the text as the author wrote it)",
            item.id, contested.id
        ),
    ))
}

/// Refuses an edit deciding an appeal against `contested` (a publication with parts removed)
/// that the engine's style repairs turn back into the text `contested` published: the
/// moderator sent other text (restoring an emoji, say), the repairs took it out again, and the
/// outcome would uphold the decision the moderator meant to change. Upholding is an
/// `edit-approve` without `title` and `body` (the engine's repair) or with the text the
/// decision published; publishing the author's text as written is `approve`.
fn not_repaired_back(
    item: &DecisionRecord,
    contested: &DecisionRecord,
    decision: &ModeratorDecision,
    sent: &TextFields,
    published: &TextFields,
) -> Result<(), ApiError> {
    let sent_text = decision.title.is_some() || decision.body.is_some();
    if !sent_text || published_text(contested) != Some(published) || sent == published {
        return Ok(());
    }
    let undone = changes(&sent.title, &sent.body, published);
    let field = match undone.first().map(|c| c.field) {
        Some(Field::Title) => "title",
        _ => "body",
    };
    let taken: Vec<String> = undone
        .iter()
        .map(|c| c.removed.trim())
        .filter(|r| !r.is_empty())
        .map(|r| format!("«{r}»"))
        .collect();
    Err(ApiError::invalid(
        "edit-upholds",
        field,
        format!(
            "item {} appeals decision {}: the engine's style repairs take {} out of this edit again, so it would publish the very text decision {} published and uphold it rather than change it; to publish the author's text as written (reversing it) send `approve`; to uphold it send `edit-approve` without `title` and `body`, or with the text it published",
            item.id,
            contested.id,
            if taken.is_empty() {
                "what it changed".to_owned()
            } else {
                taken.join(", ")
            },
            contested.id
        ),
    ))
}

/// Refuses an appeal's outcome that publishes less of the author's text than the contested
/// decision did (a moderator's edit, or the engine's repair): every part of the author's text
/// it kept must stay, in order
/// ([`removes_more`]). The outcome may keep the edit, restore parts, or lift it; a further
/// removal is a new restriction, which takes a new decision with its own statement.
fn keeps_the_contested_text(
    item: &DecisionRecord,
    contested: &DecisionRecord,
    edited: &TextFields,
) -> Result<(), ApiError> {
    let Some(kept) = published_text(contested) else {
        return Ok(());
    };
    match removes_more(&contested.comment, kept, edited) {
        None => Ok(()),
        Some(field) => Err(ApiError::invalid(
            "invalid-field",
            match field {
                Field::Title => "title",
                Field::Body => "body",
            },
            format!(
                "item {} appeals decision {}, and this edit removes from the {} text that decision kept: an appeal can keep the edit (`edit-approve` with the same text), lift it (`approve`) or restore parts of it, not remove more; a new restriction needs a new decision",
                item.id,
                contested.id,
                match field {
                    Field::Title => "title",
                    Field::Body => "text",
                }
            ),
        )),
    }
}

fn refused((code, field, message): Refusal) -> ApiError {
    ApiError::invalid(code, field, message)
}

fn not_claimed(id: &str, by: Option<String>) -> ApiError {
    ApiError::Conflict {
        code: "not-claimed",
        message: match by {
            Some(by) => format!("item {id} is claimed by {by}: claim it before deciding"),
            None => format!("claim item {id} (POST /v1/queue/{id}/claim) before deciding"),
        },
    }
}

fn decided(id: &str) -> ApiError {
    ApiError::Conflict {
        code: "decided",
        message: format!("item {id} was decided already; see its history"),
    }
}

/// Refuses a decision on `item` that `moderator` could not record (decided, or not their
/// claim) before any work is spent on it; the store checks again when it writes the decision.
fn open_to(item: &QueueItem, moderator: &str) -> Result<(), ApiError> {
    match Decide::refusal(item, moderator, Timestamp::now()) {
        Some(refusal) => Err(decide_refused(&item.id, refusal)),
        None => Ok(()),
    }
}

/// The answer to a decision the store refused.
fn decide_refused(id: &str, refusal: Decide) -> ApiError {
    match refusal {
        Decide::NotClaimed { by } => not_claimed(id, by),
        Decide::Lapsed { at } => ApiError::Conflict {
            code: "not-claimed",
            message: format!(
                "your claim on item {id} expired at {at}: claim it again \
                 (POST /v1/queue/{id}/claim) before deciding"
            ),
        },
        Decide::Decided | Decide::Done(_) => decided(id),
        Decide::NotFound => ApiError::NotFound(format!("queue item {id}")),
    }
}

/// The text an edit of `item` publishes: `proposed` judged by the engine with the rule set
/// being served, on a moderation worker within the request's budget, recording nothing (no
/// question stored, no metrics); see [`judge_edit`].
async fn judged_edit(
    state: &AppState,
    compiled: &Arc<Compiled>,
    item: &DecisionRecord,
    proposed: TextFields,
) -> Result<TextFields, ApiError> {
    let limits = state.limits();
    let comment = edited_comment(item, &proposed);
    check_lengths(&comment, limits.field_chars, "")?;
    let budget = Budget::until(Instant::now() + limits.timeout);
    let weight = weight_of(&comment, limits.lanes.light_chars);
    let original = question_key(&item.comment.body);
    let (compiled, store) = (compiled.clone(), state.store());
    let judged = state
        .workers()
        .run(weight, &budget, move |budget| {
            let scope = CommentScope::new(&*store, comment.id.as_deref(), true).editing(original);
            judge(&compiled, &scope, &comment, budget, "")
        })
        .await
        .map_err(|r| refusal(r, "/v1/queue/{id}/decision", limits.timeout))??;
    judge_edit(item, proposed, &judged).map_err(refused)
}

/// The rule whose questions the duplicate store keeps.
const DUPLICATE_CODE: &str = "qa/duplicate";

/// Keeps the duplicate store in step with a moderator's decision on a question: a rejected
/// question gives up its own entry (so its author may ask again), an edited one is stored
/// under the text published. Only the comment's own entry is touched: a question the engine
/// found a duplicate stored none, and the question it repeats keeps its entry.
fn settle_question_store(store: &dyn ServerStore, record: &DecisionRecord) {
    let comment = &record.comment;
    if comment.kind != Kind::Question {
        return;
    }
    let Some(product) = &comment.product else {
        return;
    };
    let published = match (record.action, &record.edited) {
        (Action::Reject, _) => None,
        (Action::EditApprove, Some(edited)) => Some(question_key(&edited.body)),
        _ => return,
    };
    let id = comment.id.as_deref();
    let key = question_key(&comment.body);
    // A comment without id is told apart from another one with the same text by its first
    // record: the engine stored its question unless it found it a duplicate or refused it
    // (a rejection waiting for a moderator keeps its place).
    let own = id.is_some() || stored_by_engine(store, &record.root);
    if own && let Err(e) = store.forget_own(product, id, &key) {
        // The decision stands; the question only stays a duplicate candidate.
        tracing::error!(error = %e, record = %record.id, "could not remove a question");
        return;
    }
    let Some(published) = published.filter(|k| !k.is_empty()) else {
        return;
    };
    let probe = QuestionProbe {
        id: id.map(str::to_owned),
        ..QuestionProbe::new(product, published)
    };
    if let Err(e) = store.import_questions(product, &[probe]) {
        tracing::error!(error = %e, record = %record.id, "could not store an edited question");
    }
}

/// Whether the engine's record `root` left its question in the duplicate store.
fn stored_by_engine(store: &dyn ServerStore, root: &str) -> bool {
    match store.record(root) {
        Ok(Some(first)) => {
            (first.verdict != Verdict::Reject || first.action == Action::Queue)
                && !first.violations.iter().any(|v| v.code == DUPLICATE_CODE)
        }
        Ok(None) => false,
        Err(e) => {
            tracing::error!(error = %e, record = %root, "could not read a first record");
            false
        }
    }
}

/// `GET /v1/queue/{id}`: the item and its chain of records.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ItemWithHistory {
    /// The item.
    item: QueueItem,
    /// Every record of the comment, oldest first.
    history: Vec<DecisionRecord>,
}

/// One item with its history.
#[utoipa::path(
    get, path = "/v1/queue/{id}", tag = "queue",
    params(("id" = String, Path, description = "Queue item id")),
    responses(
        (status = 200, description = "The item and every record of its comment", body = ItemWithHistory),
        (status = 404, description = "No such item", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn item(
    State(state): State<AppState>,
    _moderator: Moderator,
    PathId(id): PathId,
) -> Result<Json<ItemWithHistory>, ApiError> {
    blocking(&state, move |store| {
        let item = store
            .queue_item(&id)
            .map_err(unavailable)?
            .ok_or_else(|| ApiError::NotFound(format!("queue item {id}")))?;
        let history = store.chain(&item.record.root).map_err(unavailable)?;
        Ok(Json(ItemWithHistory { item, history }))
    })
    .await
}

/// `GET /v1/queue/me`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Me {
    /// The moderator id decisions are signed with.
    moderator: String,
}

/// Who the key belongs to (the console shows it).
#[utoipa::path(
    get, path = "/v1/queue/me", tag = "queue",
    responses(
        (status = 200, description = "The moderator id", body = Me),
        (status = 403, description = "Not a moderator key", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn me(Moderator(moderator): Moderator) -> Json<Me> {
    Json(Me { moderator })
}
