//! Conversions between decision records and the columns both databases store.

use std::collections::HashMap;

use davar_moderation::{Kind, StoreError};
use serde_json::Value;

use super::log::{QueueCounts, QueueFilter};
use jiff::Timestamp;

use super::backend_error;
use crate::decision::DecisionRecord;

/// Microseconds since the Unix epoch, the stores' instant column.
pub(crate) fn micros(t: Timestamp) -> i64 {
    t.as_microsecond()
}

/// The instant of a stored microsecond count.
pub(crate) fn instant(us: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_microsecond(us)
        .map_err(|e| backend_error(format!("stored instant {us} out of range: {e}")))
}

/// The keys of a violation that are the same for every violation of one code in a record
/// (the rule's message and clause): stored with the first violation of the code only.
const SHARED_PER_CODE: [&str; 2] = ["message", "clause"];

/// The record's JSON text as stored: the record's JSON, except that a violation whose
/// `message` and `clause` equal those of the first violation of its code leaves both out
/// ([`parse_record`] puts them back). A rule's message in every language and its clause
/// reference are several hundred bytes, which a record would otherwise repeat for each
/// violation of the code.
pub(crate) fn record_json(record: &DecisionRecord) -> Result<String, StoreError> {
    let encode = |e: serde_json::Error| backend_error(format!("encode record: {e}"));
    let mut value = serde_json::to_value(record).map_err(encode)?;
    if let Some(violations) = value.get_mut("violations").and_then(Value::as_array_mut) {
        let mut first: HashMap<String, [Option<Value>; 2]> = HashMap::new();
        for violation in violations.iter_mut().filter_map(Value::as_object_mut) {
            let Some(code) = violation.get("code").and_then(Value::as_str) else {
                continue;
            };
            let shared = SHARED_PER_CODE.map(|key| violation.get(key).cloned());
            match first.get(code) {
                Some(seen) if *seen == shared => {
                    for key in SHARED_PER_CODE {
                        violation.remove(key);
                    }
                }
                Some(_) => {}
                None => {
                    first.insert(code.to_owned(), shared);
                }
            }
        }
    }
    serde_json::to_string(&value).map_err(encode)
}

/// A record from its stored JSON text ([`record_json`]): a violation without `message` and
/// `clause` takes them from the first violation of its code.
pub(crate) fn parse_record(text: &str) -> Result<DecisionRecord, StoreError> {
    let unreadable = |e: serde_json::Error| backend_error(format!("stored record unreadable: {e}"));
    let mut value: Value = serde_json::from_str(text).map_err(unreadable)?;
    if let Some(violations) = value.get_mut("violations").and_then(Value::as_array_mut) {
        let mut first: HashMap<String, [Option<Value>; 2]> = HashMap::new();
        for violation in violations.iter_mut().filter_map(Value::as_object_mut) {
            let Some(code) = violation.get("code").and_then(Value::as_str) else {
                continue;
            };
            if SHARED_PER_CODE
                .iter()
                .all(|key| !violation.contains_key(*key))
            {
                if let Some(seen) = first.get(code) {
                    for (key, shared) in SHARED_PER_CODE.iter().zip(seen) {
                        if let Some(shared) = shared {
                            violation.insert((*key).to_owned(), shared.clone());
                        }
                    }
                }
            } else if !first.contains_key(code) {
                let shared = SHARED_PER_CODE.map(|key| violation.get(key).cloned());
                first.insert(code.to_owned(), shared);
            }
        }
    }
    serde_json::from_value(value).map_err(unreadable)
}

/// `' code1 code2 '`: the queue's code column, searched with `LIKE '% code %'`.
pub(crate) fn codes_column(record: &DecisionRecord) -> String {
    let mut codes: Vec<&str> = record.violations.iter().map(|v| v.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    format!(" {} ", codes.join(" "))
}

/// The escape character of the queue's `LIKE` patterns (`ESCAPE '!'` in
/// [`super::schema::QUEUE_FILTER`]): not a backslash, whose meaning in a PostgreSQL string
/// literal depends on a server setting.
pub(crate) const LIKE_ESCAPE: char = '!';

/// The `LIKE` pattern of a code filter: the code as one whole word of the codes column, its
/// `%`, `_` and `!` matching themselves only.
pub(crate) fn code_pattern(code: Option<&str>) -> String {
    let Some(code) = code else {
        return "%".to_owned();
    };
    let mut pattern = String::with_capacity(code.len() + 4);
    pattern.push_str("% ");
    for c in code.chars() {
        if matches!(c, '%' | '_' | LIKE_ESCAPE) {
            pattern.push(LIKE_ESCAPE);
        }
        pattern.push(c);
    }
    pattern.push_str(" %");
    pattern
}

/// `review`, `question`, `answer`.
pub(crate) fn kind_str(kind: Kind) -> &'static str {
    kind.as_str()
}

/// The bound values of one decision row, in the order of `INSERT_DECISION`.
pub(crate) struct DecisionRow {
    pub id: String,
    pub root: String,
    pub follows: Option<String>,
    pub stage: &'static str,
    pub kind: &'static str,
    pub comment_id: Option<String>,
    pub lang: String,
    pub product: Option<String>,
    pub action: &'static str,
    pub decided_by: String,
    pub decided_at: i64,
    pub record: String,
    /// [`CommentSnapshot::content_hash`] of the comment: with the kind and comment id, what
    /// makes a request a retry of an earlier one.
    ///
    /// [`CommentSnapshot::content_hash`]: crate::decision::CommentSnapshot::content_hash
    pub content_hash: String,
}

impl DecisionRow {
    /// The columns of `record`.
    pub(crate) fn of(record: &DecisionRecord) -> Result<DecisionRow, StoreError> {
        Ok(DecisionRow {
            id: record.id.clone(),
            root: record.root.clone(),
            follows: record.follows.clone(),
            stage: record.stage.as_str(),
            kind: kind_str(record.comment.kind),
            comment_id: record.comment.id.clone(),
            lang: record.comment.lang.clone(),
            product: record.comment.product.clone(),
            action: record.action.as_str(),
            decided_by: record.decided_by.clone(),
            decided_at: micros(record.decided_at),
            record: record_json(record)?,
            content_hash: record.comment.content_hash(),
        })
    }
}

/// The bound values of one queue row, in the order of `ENQUEUE`.
pub(crate) struct QueueRow {
    pub item: String,
    pub root: String,
    pub kind: &'static str,
    pub lang: String,
    pub codes: String,
    pub priority: i32,
    pub enqueued_at: i64,
}

impl QueueRow {
    /// The queue row of `record`, enqueued at its decision time.
    pub(crate) fn of(record: &DecisionRecord, priority: i32) -> QueueRow {
        QueueRow {
            item: record.id.clone(),
            root: record.root.clone(),
            kind: kind_str(record.comment.kind),
            lang: record.comment.lang.clone(),
            codes: codes_column(record),
            priority,
            enqueued_at: micros(record.decided_at),
        }
    }
}

/// The filter's five values, in the order of `QUEUE_FILTER`.
pub(crate) fn filter_values(filter: &QueueFilter) -> (String, String, String, i64, i64) {
    (
        code_pattern(filter.code.as_deref()),
        filter.kind.map_or("", |k| k.as_str()).to_owned(),
        filter.lang.clone().unwrap_or_default(),
        filter.enqueued_before.map_or(i64::MAX, micros),
        filter.enqueued_after.map_or(i64::MIN, micros),
    )
}

/// Counts from the `(codes, claim_expires_at)` of pending items.
pub(crate) fn count(rows: Vec<(String, Option<i64>)>, now_us: i64) -> QueueCounts {
    let mut counts = QueueCounts::default();
    for (codes, expires) in rows {
        counts.pending += 1;
        if expires.is_some_and(|e| e > now_us) {
            counts.claimed += 1;
        }
        for code in codes.split_whitespace() {
            *counts.by_code.entry(code.to_owned()).or_default() += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_patterns_escape_the_like_wildcards() {
        assert_eq!(code_pattern(None), "%");
        assert_eq!(code_pattern(Some("contacts/phone")), "% contacts/phone %");
        assert_eq!(code_pattern(Some("%")), "% !% %");
        assert_eq!(code_pattern(Some("a_b!c")), "% a!_b!!c %");
    }
}
