//! `ApiJson<T>`: a JSON body extractor whose every rejection is an [`ApiError`] naming the field,
//! so malformed JSON, wrong types, missing fields and oversized bodies all answer in the same
//! `{error:{code,message,field}}` shape.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON request body deserialised into `T`.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(&req) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let limit = req
            .extensions()
            .get::<BodyLimit>()
            .map(|l| l.0)
            .unwrap_or(usize::MAX);
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|rejection| match rejection {
                BytesRejection::FailedToBufferBody(ref inner)
                    if inner.status() == StatusCode::PAYLOAD_TOO_LARGE =>
                {
                    ApiError::PayloadTooLarge { limit }
                }
                other => {
                    tracing::warn!(error = %other, "could not read request body");
                    ApiError::MalformedJson("the body could not be read completely".to_owned())
                }
            })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// The body limit in force, put into request extensions by the app so rejections can name it.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

fn is_json(req: &Request) -> bool {
    let Some(value) = req.headers().get(header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Deserialises `bytes` into `T`, turning serde's error into an [`ApiError`] with the field path.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
    de.end()
        .map_err(|e| ApiError::MalformedJson(e.to_string()))?;
    Ok(value)
}

fn path_error(err: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = err.path().to_string();
    let inner = err.into_inner();
    match inner.classify() {
        serde_json::error::Category::Syntax
        | serde_json::error::Category::Eof
        | serde_json::error::Category::Io => ApiError::MalformedJson(inner.to_string()),
        serde_json::error::Category::Data => {
            let text = inner.to_string();
            let parent = if path == "." { String::new() } else { path };
            if let Some(name) = backticked_after(&text, "missing field `") {
                let field = join_path(&parent, name);
                return ApiError::Invalid {
                    code: "missing-field",
                    message: format!("the field `{field}` is required"),
                    field: Some(field),
                };
            }
            let code = if text.starts_with("unknown variant") {
                "unknown-value"
            } else if text.starts_with("unknown field") {
                "unknown-field"
            } else {
                "invalid-field"
            };
            // For every data error but a missing field, the path already ends at the field.
            let field = Some(parent).filter(|p| !p.is_empty());
            let message = match &field {
                Some(f) => format!("`{f}`: {}", strip_position(&text)),
                None => strip_position(&text).to_owned(),
            };
            ApiError::Invalid {
                code,
                message,
                field,
            }
        }
    }
}

fn backticked_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(prefix)?;
    rest.split('`').next()
}

fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// serde_json appends " at line L column C"; the field path says more to an API client.
fn strip_position(text: &str) -> &str {
    match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        body: String,
        kind: Option<Kind>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Review,
    }

    #[test]
    fn syntax_errors_are_malformed_json() {
        let err = parse_json::<Item>(b"{\"body\": ").unwrap_err();
        assert_eq!(err.code(), "malformed-json");
        assert_eq!(err.status(), StatusCode::BAD_REQUEST);
    }

    #[test]
    fn missing_field_names_the_field_with_its_path() {
        let err = parse_json::<Vec<Item>>(br#"[{"body":"a"},{"kind":"review"}]"#).unwrap_err();
        assert_eq!(err.code(), "missing-field");
        assert_eq!(err.body().error.field.as_deref(), Some("[1].body"));
    }

    #[test]
    fn wrong_type_and_unknown_variant_are_field_errors() {
        let err = parse_json::<Item>(br#"{"body": 5}"#).unwrap_err();
        assert_eq!(
            (err.code(), err.body().error.field.as_deref()),
            ("invalid-field", Some("body"))
        );
        let err = parse_json::<Item>(br#"{"body": "x", "kind": "poem"}"#).unwrap_err();
        assert_eq!(
            (err.code(), err.body().error.field.as_deref()),
            ("unknown-value", Some("kind"))
        );
        let err = parse_json::<Item>(br#"{"body": "x", "colour": 1}"#).unwrap_err();
        assert_eq!(
            (err.code(), err.body().error.field.as_deref()),
            ("unknown-field", Some("colour"))
        );
    }

    #[test]
    fn trailing_garbage_is_malformed() {
        let err = parse_json::<Item>(br#"{"body": "x"} {}"#).unwrap_err();
        assert_eq!(err.code(), "malformed-json");
    }
}
