//! The comment as the API accepts it: a JSON object with known fields only. A misspelt field
//! (`"titel"`) is a `422 unknown-field` instead of being silently ignored, and an array where an
//! object belongs is refused as such instead of being read positionally.

use davar_moderation::{Comment, Kind};
use jiff::Timestamp;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::decision::build::Submission;
use crate::error::ApiError;
use crate::openapi::KindDoc;

fn default_lang() -> String {
    Comment::default().lang
}

/// A comment to moderate (the input of `davar moderate`). Unknown fields are refused.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Comment)]
pub struct CommentFields {
    /// Caller's identifier, echoed in the result.
    #[serde(default)]
    pub id: Option<String>,
    /// `review` (default), `question` or `answer`.
    #[serde(default, deserialize_with = "kind_name")]
    #[schema(value_type = Option<KindDoc>, default = "review")]
    pub kind: Kind,
    /// Title (reviews).
    #[serde(default)]
    pub title: Option<String>,
    /// The text, at most 10,000 characters.
    #[schema(example = "گوشی خوبیه، برای هماهنگی به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید")]
    pub body: String,
    /// Product the comment is about (`qa/duplicate` compares questions per product).
    #[serde(default)]
    pub product: Option<String>,
    /// Author identifier (kept for the caller).
    #[serde(default)]
    pub author: Option<String>,
    /// Storefront language: `fa` (default), `en`, `fr`, `de`.
    #[serde(default = "default_lang")]
    #[schema(value_type = Option<String>, default = "fa")]
    pub lang: String,
    /// When the comment was posted (RFC 3339, e.g. `2026-11-18T09:30:00Z`; alias
    /// `content_date`): the decision log's content date. Default: when the request arrives.
    #[serde(
        default,
        alias = "content_date",
        skip_serializing_if = "Option::is_none"
    )]
    #[schema(format = DateTime)]
    pub created_at: Option<String>,
}

/// Reads a kind from its name only, so that a number (`"kind": 1`) is a field error like any
/// other wrong type (serde_json reports a non-string enum as a syntax error).
fn kind_name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Kind, D::Error> {
    struct Name;
    impl Visitor<'_> for Name {
        type Value = Kind;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("one of `review`, `question`, `answer`")
        }
        fn visit_str<E: de::Error>(self, name: &str) -> Result<Kind, E> {
            name.parse()
                .map_err(|_| E::unknown_variant(name, &["review", "question", "answer"]))
        }
    }
    deserializer.deserialize_str(Name)
}

/// How far in the future a `created_at` may lie: the storefront's clock may run ahead of ours.
pub const CONTENT_DATE_SKEW: jiff::SignedDuration = jiff::SignedDuration::from_secs(5 * 60);

/// The earliest `created_at` accepted (no storefront comment predates it).
pub const EARLIEST_CONTENT_DATE: &str = "2000-01-01T00:00:00Z";

/// Refuses a content date more than [`CONTENT_DATE_SKEW`] after `now` or before
/// [`EARLIEST_CONTENT_DATE`]: the decision log's deadlines and figures count from it.
fn check_content_date(date: Timestamp, now: Timestamp, path: &str) -> Result<(), ApiError> {
    let earliest: Timestamp = EARLIEST_CONTENT_DATE
        .parse()
        .map_err(|_| ApiError::Internal)?;
    let latest = now
        .saturating_add(CONTENT_DATE_SKEW)
        .map_err(|_| ApiError::Internal)?;
    let problem = if date > latest {
        format!("`created_at` {date} lies in the future (more than 5 minutes after {now})")
    } else if date < earliest {
        format!("`created_at` {date} is before {EARLIEST_CONTENT_DATE}")
    } else {
        return Ok(());
    };
    Err(ApiError::invalid(
        "invalid-instant",
        format!("{path}created_at"),
        format!("{problem}: send when the comment was posted"),
    ))
}

/// A request body that must be a JSON object with the fields of [`CommentFields`].
#[derive(Debug, Clone)]
pub struct CommentRequest(pub CommentFields);

impl CommentRequest {
    /// The submission, timed now; `path` prefixes the field name of an error (`[3].`).
    pub fn into_submission(self, path: &str) -> Result<Submission, ApiError> {
        let submitted_at = Timestamp::now();
        let content_date = match self.0.created_at.as_deref() {
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
        check_content_date(content_date, submitted_at, path)?;
        Ok(Submission {
            comment: Comment::from(self),
            content_date,
            submitted_at,
        })
    }
}

impl From<CommentRequest> for Comment {
    /// The engine's comment (`created_at` is the decision log's, not the engine's).
    fn from(CommentRequest(f): CommentRequest) -> Comment {
        Comment {
            id: f.id,
            kind: f.kind,
            title: f.title,
            body: f.body,
            product: f.product,
            author: f.author,
            lang: f.lang,
        }
    }
}

impl<'de> Deserialize<'de> for CommentRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Only a map is offered to the derived code: serde's derive would also read a JSON array
        // positionally (`["x"]` as `{"id": "x"}`), with messages about "struct Comment with 7
        // elements" that mean nothing to an API client.
        deserializer.deserialize_map(ObjectOnly)
    }
}

struct ObjectOnly;

impl<'de> Visitor<'de> for ObjectOnly {
    type Value = CommentRequest;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a comment object such as {\"body\": \"...\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CommentRequest, A::Error> {
        CommentFields::deserialize(de::value::MapAccessDeserializer::new(map)).map(CommentRequest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::parse_json;

    #[test]
    fn every_field_of_the_engine_comment_is_accepted() {
        // The engine's own serialisation lists every field it has: none may be refused here.
        let comment = Comment {
            id: Some("1".to_owned()),
            title: Some("t".to_owned()),
            product: Some("p".to_owned()),
            author: Some("a".to_owned()),
            ..Comment::default()
        };
        let json = serde_json::to_vec(&comment).unwrap();
        let parsed: Comment = parse_json::<CommentRequest>(&json).unwrap().into();
        assert_eq!(
            serde_json::to_value(&parsed).unwrap(),
            serde_json::to_value(&comment).unwrap()
        );
    }

    #[test]
    fn a_misspelt_field_is_an_unknown_field() {
        let err = parse_json::<CommentRequest>(br#"{"body": "x", "titel": "y"}"#).unwrap_err();
        assert_eq!(err.code(), "unknown-field");
        assert_eq!(err.body().error.field.as_deref(), Some("titel"));
        assert!(err.to_string().contains("title"), "{err}");
    }

    #[test]
    fn an_array_is_not_read_as_a_comment() {
        for body in [
            &b"[]"[..],
            b"[\"a\", \"b\", \"c\"]",
            b"5",
            b"\"text\"",
            b"null",
        ] {
            let err = parse_json::<CommentRequest>(body).unwrap_err();
            assert_eq!(
                err.code(),
                "invalid-body",
                "{}",
                String::from_utf8_lossy(body)
            );
            assert!(!err.to_string().contains("elements"), "{err}");
            assert!(err.to_string().contains("{\"body\""), "{err}");
        }
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        let err = parse_json::<CommentRequest>(br#"{"body": "x", "kind": 1}"#).unwrap_err();
        assert_eq!(err.code(), "invalid-field");
        assert_eq!(err.body().error.field.as_deref(), Some("kind"));
    }
}
