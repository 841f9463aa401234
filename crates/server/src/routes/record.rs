//! Recording the engine's decision for a moderated comment: the response with the record's id,
//! and the step to it (a retry gets the stored decision). The request, with its content date,
//! is `crate::request::CommentRequest`.

use davar_moderation::ModerationResult;
use serde::Serialize;

use crate::compiled::Compiled;
use crate::decision::build::{Submission, engine_record, result_of};
use crate::decision::{Action, DecisionRecord, standing};
use crate::error::ApiError;
use crate::store::{Appended, ServerStore};

/// The moderation result and, when the comment was not approved outright, its decision id.
#[derive(Debug, Serialize)]
pub(crate) struct ModerateResponse {
    #[serde(flatten)]
    pub result: ModerationResult,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_id: Option<String>,
}

/// Writes the engine's record of `result` (blocking). A comment whose kind, `id` and content
/// already have a record (a client retry) gets the decision standing for it back: the engine's
/// first one unchanged, or what a moderator or an appeal decided since, with that record's id.
/// The same `id` with other content gets the decision `result` stands for, in a record of its
/// own.
pub(crate) fn settle(
    compiled: &Compiled,
    store: &dyn ServerStore,
    submission: &Submission,
    result: ModerationResult,
    path: &str,
) -> Result<ModerateResponse, ApiError> {
    settle_all(compiled, store, vec![(submission, result)], path)?
        .pop()
        .ok_or(ApiError::Internal)
}

/// [`settle`] for many judged comments (a batch): their records are written in one
/// transaction, one answer per comment in order. `what` names them in the log.
pub(crate) fn settle_all(
    compiled: &Compiled,
    store: &dyn ServerStore,
    judged: Vec<(&Submission, ModerationResult)>,
    what: &str,
) -> Result<Vec<ModerateResponse>, ApiError> {
    let records: Vec<Option<DecisionRecord>> = judged
        .iter()
        .map(|(submission, result)| engine_record(compiled, submission, result))
        .collect();
    let writes: Vec<(&DecisionRecord, Option<i32>)> = records
        .iter()
        .flatten()
        .map(|r| (r, (r.action == Action::Queue).then_some(0)))
        .collect();
    let appended = if writes.is_empty() {
        Vec::new()
    } else {
        store.append_first_all(&writes).map_err(|e| {
            tracing::error!(error = %e, field = what, "the decision log failed");
            log_unavailable()
        })?
    };
    let mut appended = appended.into_iter();
    judged
        .into_iter()
        .zip(records)
        .map(|((_, result), record)| {
            if record.is_none() {
                return Ok(ModerateResponse {
                    result,
                    decision_id: None,
                });
            }
            match appended.next() {
                Some(Appended::New(record)) => Ok(ModerateResponse {
                    result,
                    decision_id: Some(record.id),
                }),
                Some(Appended::Existing(stored)) => {
                    let standing = standing_decision(store, stored).map_err(|e| {
                        tracing::error!(error = %e, field = what, "the decision log failed");
                        log_unavailable()
                    })?;
                    Ok(ModerateResponse {
                        result: result_of(&standing),
                        decision_id: Some(standing.id),
                    })
                }
                None => {
                    tracing::error!(
                        field = what,
                        "the decision log answered fewer records than sent"
                    );
                    Err(ApiError::Internal)
                }
            }
        })
        .collect()
}

/// The decision standing for the comment whose first record is `first`: the last one of its
/// chain, a moderator's or an appeal's outcome, else `first` itself (an appeal waiting for a
/// person leaves the contested decision standing).
fn standing_decision(
    store: &dyn ServerStore,
    first: DecisionRecord,
) -> Result<DecisionRecord, davar_moderation::StoreError> {
    let chain = store.chain(&first.root)?;
    Ok(standing(&chain).cloned().unwrap_or(first))
}

/// Settles a run of batch items in order: the judged ones through [`settle_all`] in one
/// transaction, the failed ones (invalid, out of time) passed through. When the decision log
/// fails, every judged item of the run gets that error.
pub(crate) fn settle_in_order(
    compiled: &Compiled,
    store: &dyn ServerStore,
    items: Vec<Result<(Submission, ModerationResult), ApiError>>,
) -> Vec<Result<ModerateResponse, ApiError>> {
    let mut out: Vec<Option<Result<ModerateResponse, ApiError>>> = Vec::with_capacity(items.len());
    let mut positions = Vec::new();
    let mut submissions = Vec::new();
    let mut results = Vec::new();
    for item in items {
        match item {
            Ok((submission, result)) => {
                positions.push(out.len());
                submissions.push(submission);
                results.push(result);
                out.push(None);
            }
            Err(e) => out.push(Some(Err(e))),
        }
    }
    if !positions.is_empty() {
        let judged = submissions.iter().zip(results).collect();
        match settle_all(compiled, store, judged, "batch") {
            Ok(answers) => {
                for (i, answer) in positions.into_iter().zip(answers) {
                    out[i] = Some(Ok(answer));
                }
            }
            Err(_) => {
                for i in positions {
                    out[i] = Some(Err(log_unavailable()));
                }
            }
        }
    }
    out.into_iter()
        .map(|item| item.unwrap_or(Err(ApiError::Internal)))
        .collect()
}

/// The error answered when the decision log cannot be written.
fn log_unavailable() -> ApiError {
    ApiError::Unavailable("the decision log is unavailable; retry later".to_owned())
}
