//! `ApiJson<T>`: a JSON body extractor whose every rejection is an [`ApiError`] naming the field,
//! so malformed JSON, wrong types, missing fields, oversized and late bodies all answer in the
//! same `{error:{code,message,field}}` shape. [`PathId`] does the same for the `{id}` of a path.
//!
//! The body is refused before any byte of it is read when its `Content-Length` is over the
//! route's limit ([`BodyLimit`]), and reading it must finish within [`BodyTimeout`]: a client
//! trickling its body cannot hold the request open for longer than that.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::Deserializer;
use serde::de::{DeserializeOwned, MapAccess, SeqAccess, Unexpected, Visitor};

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
        let bytes = read_json_body(req, state).await?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// The `{id}` segment of a decision or queue path. A segment that is not UTF-8 once
/// percent-decoded (`/v1/queue/%F6/claim`) names nothing that exists: it is answered like an
/// unknown id, `404 not-found` in the JSON error shape, never axum's plain-text `400`. Ids are
/// UUIDs: any spelling of one (upper case, without hyphens, in braces, `urn:uuid:…`) names the
/// same record and is read in the canonical form (lower case, hyphenated) the records use.
#[derive(Debug)]
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(PathId(match uuid::Uuid::try_parse(&id) {
                Ok(uuid) => uuid.hyphenated().to_string(),
                Err(_) => id,
            })),
            Err(rejection) => Err(ApiError::NotFound(format!(
                "{} ({rejection})",
                parts.uri.path()
            ))),
        }
    }
}

/// Reads a JSON request body within the limits the app put into the request's extensions.
pub async fn read_json_body<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, ApiError> {
    if !is_json(&req) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let limit = req
        .extensions()
        .get::<BodyLimit>()
        .map_or(usize::MAX, |l| l.0);
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    let timeout = req.extensions().get::<BodyTimeout>().map(|t| t.0);
    let read = Bytes::from_request(req, state);
    let read = match timeout {
        Some(timeout) => tokio::time::timeout(timeout, read)
            .await
            .map_err(|_| ApiError::BodyTimeout(millis(timeout)))?,
        None => read.await,
    };
    read.map_err(|rejection| match rejection {
        BytesRejection::FailedToBufferBody(ref inner)
            if inner.status() == StatusCode::PAYLOAD_TOO_LARGE =>
        {
            ApiError::PayloadTooLarge { limit }
        }
        other => {
            tracing::warn!(error = %other, "could not read request body");
            ApiError::MalformedJson("the body could not be read completely".to_owned())
        }
    })
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The body limit in force, put into request extensions by the app so rejections can name it.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// The time a client has to send the whole body once its head is in, put into request
/// extensions by the app (`Limits::body_timeout`).
#[derive(Debug, Clone, Copy)]
pub struct BodyTimeout(pub Duration);

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
///
/// Valid bodies take the direct path; only a refused one is read again with path tracking, to
/// name the field.
///
/// A struct is read from a JSON object only: serde would also fill one from an array, field by
/// field in order (`["approve", ["x"]]`), which a body never means; such a body gets the
/// `invalid-body` answer of any other body of the wrong shape.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match T::deserialize(ObjectsOnly(&mut de)).and_then(|value| de.end().map(|()| value)) {
        Ok(value) => Ok(value),
        Err(_) => Err(locate_error::<T>(bytes)),
    }
}

/// A deserializer that refuses the array form of a struct at the top of a body.
struct ObjectsOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, NoSeq(visitor))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_seq(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_option(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct tuple tuple_struct map identifier ignored_any
    }
}

/// A struct's visitor that takes a map only.
struct NoSeq<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for NoSeq<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)?;
        f.write_str(" (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(serde::de::Error::invalid_type(Unexpected::Seq, &self))
    }
}

fn locate_error<T: DeserializeOwned>(bytes: &[u8]) -> ApiError {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(ObjectsOnly(&mut de)) {
        Err(e) => path_error(e),
        Ok(_) => match de.end() {
            Err(e) => ApiError::MalformedJson(e.to_string()),
            Ok(()) => ApiError::MalformedJson("the body is not valid JSON".to_owned()),
        },
    }
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
            if parent.is_empty() && text.starts_with("invalid type") {
                return ApiError::Invalid {
                    code: "invalid-body",
                    message: format!("the body has the wrong shape: {}", strip_position(&text)),
                    field: None,
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
    fn a_struct_is_read_from_an_object_only() {
        for body in [&br#"["x", "review"]"#[..], b"[]", b"5", b"\"x\""] {
            let err = parse_json::<Item>(body).unwrap_err();
            assert_eq!(
                err.code(),
                "invalid-body",
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        // A body that is an array of objects stays one.
        assert_eq!(
            parse_json::<Vec<Item>>(br#"[{"body":"a"}]"#).unwrap().len(),
            1
        );
    }

    #[test]
    fn trailing_garbage_is_malformed() {
        let err = parse_json::<Item>(br#"{"body": "x"} {}"#).unwrap_err();
        assert_eq!(err.code(), "malformed-json");
    }
}
