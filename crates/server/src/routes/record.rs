//! Recording the engine's decision for a moderated comment: the response with the record's id,
//! and the step to it (a retry gets the stored decision). The request, with its content date,
//! is `crate::request::CommentRequest`.

use davar_moderation::ModerationResult;
use serde::Serialize;

use crate::compiled::Compiled;
use crate::decision::build::{Submission, engine_record, result_of};
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

/// Writes the engine's record of `result` (blocking). A comment whose kind and `id` already
/// have a record (a client retry) gets that record's decision back, unchanged.
pub(crate) fn settle(
    compiled: &Compiled,
    store: &dyn ServerStore,
    submission: &Submission,
    result: ModerationResult,
    path: &str,
) -> Result<ModerateResponse, ApiError> {
    let Some(record) = engine_record(compiled, submission, &result, false) else {
        return Ok(ModerateResponse {
            result,
            decision_id: None,
        });
    };
    let queue = (record.action == crate::decision::Action::Queue).then_some(0);
    match store.append_first(&record, queue) {
        Ok(Appended::New(record)) => Ok(ModerateResponse {
            result,
            decision_id: Some(record.id),
        }),
        Ok(Appended::Existing(stored)) => Ok(ModerateResponse {
            result: result_of(&stored),
            decision_id: Some(stored.id),
        }),
        Err(e) => {
            tracing::error!(error = %e, field = path, "the decision log failed");
            Err(ApiError::Unavailable(
                "the decision log is unavailable; retry later".to_owned(),
            ))
        }
    }
}
