//! The one error type every handler returns. It renders as
//! `{"error":{"code","message","field"}}` with a fitting status and never carries internals
//! (paths, SQL, panic payloads) to the client: those go to the log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::compliance::current::CurrentDecision;

/// An error answered to an HTTP client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not JSON at all (syntax error, truncated input).
    #[error("the request body is not valid JSON: {0}")]
    MalformedJson(String),
    /// The body is JSON but does not have the expected shape.
    #[error("{message}")]
    Invalid {
        /// Machine-readable code (`invalid-field`, `missing-field`, `unknown-kind`...).
        code: &'static str,
        /// What is wrong and how to fix it.
        message: String,
        /// The offending field (JSON path such as `body` or `[3].kind`), if known.
        field: Option<String>,
    },
    /// The request body is larger than the configured limit.
    #[error("the request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The request did not send `Content-Type: application/json`.
    #[error("send the body with `Content-Type: application/json`")]
    UnsupportedMediaType,
    /// No or an unknown API key.
    #[error("missing or unknown API key: send `Authorization: Bearer <key>`")]
    Unauthorized,
    /// A key was sent in the URL's query string.
    #[error(
        "API keys are accepted only in the `Authorization: Bearer <key>` header, never in the URL (URLs are logged and cached); send the request again without the key in the query string"
    )]
    KeyInQuery,
    /// A valid key without the role this route needs.
    #[error("{0}")]
    Forbidden(String),
    /// No such route or page.
    #[error("no such page: {0}")]
    NotFound(String),
    /// The request contradicts the state of what it acts on (a queue item claimed by someone
    /// else, or decided already).
    #[error("{message}")]
    Conflict {
        /// Machine-readable code (`claimed`, `decided`, `not-claimed`, `queue-empty`).
        code: &'static str,
        /// What happened and what to do.
        message: String,
    },
    /// The record asked about was superseded: a later decision stands in its place, which the
    /// answer names (`error.current`).
    #[error("{message}")]
    Superseded {
        /// What happened and what to do.
        message: String,
        /// The decision that stands.
        current: Box<CurrentDecision>,
    },
    /// The route exists but not for this method.
    #[error("this route does not accept that method")]
    MethodNotAllowed,
    /// The client did not send the whole body in time (`Limits::body_timeout`).
    #[error("the request body did not arrive within {0} ms; send it at once")]
    BodyTimeout(u64),
    /// Another reload is compiling; reloads run one at a time.
    #[error(
        "a reload is already running; its outcome is logged and `GET /v1/rules` shows the hash served"
    )]
    ReloadInProgress,
    /// The request took longer than the configured timeout.
    #[error("the request took longer than {0} ms")]
    Timeout(u64),
    /// The server is overloaded or a dependency (the question store) is unavailable.
    #[error("{0}")]
    Unavailable(String),
    /// A bug or an unexpected failure; the details are logged, not sent.
    #[error("internal error (details are in the server log)")]
    Internal,
}

/// The JSON body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error itself.
    pub error: ErrorDetail,
}

/// `error` in [`ErrorBody`].
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `malformed-json`, `missing-field`, `payload-too-large`.
    pub code: String,
    /// Human-readable explanation with the fix.
    pub message: String,
    /// The request field the error is about, when there is one.
    pub field: Option<String>,
    /// With `superseded`: the decision that stands in place of the one asked about, with
    /// its statement of reasons when it has one. Left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<CurrentDecision>,
}

impl ApiError {
    /// A validation error about one field.
    pub fn invalid(
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ApiError::Invalid {
            code,
            message: message.into(),
            field: Some(field.into()),
        }
    }

    /// The same error about an item of a list: `field` gets the item's path in front
    /// (`body` becomes `[3].body`; an error about the whole item names `[3]`).
    pub fn within(self, item: &str) -> Self {
        match self {
            ApiError::Invalid {
                code,
                message,
                field,
            } => ApiError::Invalid {
                code,
                message,
                field: Some(match field {
                    Some(f) => format!("{item}.{f}"),
                    None => item.to_owned(),
                }),
            },
            other => other,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::MalformedJson(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unauthorized | ApiError::KeyInQuery => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } | ApiError::Superseded { .. } => StatusCode::CONFLICT,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::BodyTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::ReloadInProgress => StatusCode::CONFLICT,
            ApiError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code sent in `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::MalformedJson(_) => "malformed-json",
            ApiError::Invalid { code, .. } => code,
            ApiError::PayloadTooLarge { .. } => "payload-too-large",
            ApiError::UnsupportedMediaType => "unsupported-media-type",
            ApiError::Unauthorized => "unauthorized",
            ApiError::KeyInQuery => "key-in-query",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound(_) => "not-found",
            ApiError::Conflict { code, .. } => code,
            ApiError::Superseded { .. } => "superseded",
            ApiError::MethodNotAllowed => "method-not-allowed",
            ApiError::BodyTimeout(_) => "body-timeout",
            ApiError::ReloadInProgress => "reload-in-progress",
            ApiError::Timeout(_) => "timeout",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal => "internal",
        }
    }

    fn field(&self) -> Option<String> {
        match self {
            ApiError::Invalid { field, .. } => field.clone(),
            _ => None,
        }
    }

    /// The JSON body of this error.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message: self.to_string(),
                field: self.field(),
                current: match self {
                    ApiError::Superseded { current, .. } => Some((**current).clone()),
                    _ => None,
                },
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = (status, axum::Json(self.body())).into_response();
        if matches!(self, ApiError::Unauthorized | ApiError::KeyInQuery) {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
