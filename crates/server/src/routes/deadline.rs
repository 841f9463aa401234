//! `POST /v1/deadline`: when an obligation falls due for a trigger instant; answers exactly what
//! `davar deadline --format json` prints (both call `obligation::deadline_report`).

use axum::Json;
use axum::extract::State;
use davar_obligation::deadline_report::{DeadlineReport, ReportError, deadline_report};
use davar_obligation::instant::parse_instant;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::state::AppState;

/// `POST /v1/deadline` request (the options of `davar deadline`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeadlineRequest {
    /// Document id.
    #[schema(example = "dispute-policy")]
    doc: String,
    /// Obligation id.
    #[schema(example = "acknowledge-complaint")]
    obligation: String,
    /// Trigger instant, RFC 3339 with offset.
    #[schema(example = "2026-11-18T10:00:00+03:30")]
    at: String,
    /// Language version to apply (default: the binding language).
    #[schema(example = "fa")]
    lang: Option<String>,
    /// Apply the version in force on this date (`YYYY-MM-DD`) instead of the trigger's date.
    as_of: Option<String>,
}

/// `POST /v1/deadline` response: the JSON of `davar deadline --format json`.
#[derive(ToSchema)]
#[schema(as = DeadlineReport)]
#[allow(dead_code)]
pub(crate) struct DeadlineResponse {
    /// Document id.
    document: String,
    /// Obligation id.
    obligation: String,
    /// Version applied.
    version: u32,
    /// Language of the text applied.
    lang: String,
    /// Date that version took effect.
    effective: String,
    /// Clause stating the obligation.
    clause: String,
    /// Published URL path of the clause in that version.
    url: String,
    /// The trigger instant.
    trigger_at: String,
    /// Due instant, ISO 8601 with offset.
    due: String,
    /// Due instant in the document's language (Solar Hijri dates for `fa`).
    due_text: String,
    /// For a range duration, the instant of its lower bound.
    target: Option<String>,
    /// The limit applied, as in `rules.json`.
    #[schema(value_type = Object)]
    limit: serde_json::Value,
    /// Calendar used for working time.
    calendar: Option<String>,
    /// Time zone of `due`.
    timezone: String,
    /// How the duration was counted, in the document's language.
    method: String,
    /// Days that did not count: `{date, date_text, kind: holiday|weekly, name}`.
    #[schema(value_type = Vec<Object>)]
    skipped: Vec<serde_json::Value>,
}

/// Computes a due instant.
#[utoipa::path(
    post, path = "/v1/deadline", tag = "obligations",
    request_body = DeadlineRequest,
    responses(
        (status = 200, description = "The due instant, the version and clause applied, the days skipped", body = DeadlineResponse),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was sent", body = ErrorBody),
        (status = 422, description = "Unknown document, obligation or language; bad instant; calendar runs out", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn deadline(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<DeadlineRequest>,
) -> Result<Json<DeadlineReport>, ApiError> {
    let at = parse_instant(&request.at)
        .map_err(|message| ApiError::invalid("invalid-instant", "at", message))?;
    let as_of = match &request.as_of {
        Some(text) => Some(text.parse::<jiff::civil::Date>().map_err(|e| {
            ApiError::invalid(
                "invalid-date",
                "as_of",
                format!("`{text}` is not a date YYYY-MM-DD: {e}"),
            )
        })?),
        None => None,
    };
    let compiled = state.compiled();
    deadline_report(
        &compiled.policies,
        &compiled.calendars,
        &request.doc,
        &request.obligation,
        &at,
        request.lang.as_deref(),
        as_of,
    )
    .map(Json)
    .map_err(|e| {
        let (code, field) = match &e {
            ReportError::UnknownDocument(..) => ("unknown-document", "doc"),
            ReportError::UnknownLanguage { .. } => ("unknown-language", "lang"),
            ReportError::NotInForce { .. } => ("not-in-force", "at"),
            ReportError::UnknownObligation { .. } => ("unknown-obligation", "obligation"),
            ReportError::UnknownCalendar { .. } => ("unknown-calendar", "doc"),
            ReportError::Deadline(_) => ("deadline", "at"),
        };
        ApiError::invalid(code, field, e.to_string())
    })
}
