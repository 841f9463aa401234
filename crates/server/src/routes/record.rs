//! Recording the engine's decision for a moderated comment: the request with its content date,
//! the response with the record's id, and the step between (a retry gets the stored decision).

use davar_moderation::{Comment, Kind, ModerationResult};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::compiled::Compiled;
use crate::decision::build::{Submission, engine_record, result_of};
use crate::error::ApiError;
use crate::store::{Appended, ServerStore};

/// A comment as `POST /v1/moderate` takes it: the engine's [`Comment`] (same fields, same
/// defaults) plus when it was posted.
#[derive(Debug, Deserialize)]
pub(crate) struct ModerateRequest {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    kind: Kind,
    #[serde(default)]
    title: Option<String>,
    body: String,
    #[serde(default)]
    product: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    /// When the comment was posted (RFC 3339); `content_date` is accepted too.
    #[serde(default, alias = "content_date")]
    created_at: Option<String>,
}

impl ModerateRequest {
    /// The submission, timed now; `path` prefixes the field name of an error (`[3].`).
    pub(crate) fn into_submission(self, path: &str) -> Result<Submission, ApiError> {
        let submitted_at = Timestamp::now();
        let content_date = match self.created_at.as_deref() {
            None => submitted_at,
            Some(text) => text.parse::<Timestamp>().map_err(|e| {
                ApiError::invalid(
                    "invalid-instant",
                    format!("{path}created_at"),
                    format!(
                        "`created_at` must be an RFC 3339 instant such as 2026-11-18T09:30:00Z: {e}"
                    ),
                )
            })?,
        };
        let defaults = Comment::default();
        let comment = Comment {
            id: self.id,
            kind: self.kind,
            title: self.title,
            body: self.body,
            product: self.product,
            author: self.author,
            lang: self.lang.unwrap_or(defaults.lang),
        };
        Ok(Submission {
            comment,
            content_date,
            submitted_at,
        })
    }
}

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
