//! Conversions between decision records and the columns both databases store.

use davar_moderation::{Kind, StoreError};

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

/// The record's JSON text.
pub(crate) fn record_json(record: &DecisionRecord) -> Result<String, StoreError> {
    serde_json::to_string(record).map_err(|e| backend_error(format!("encode record: {e}")))
}

/// A record from its JSON text.
pub(crate) fn parse_record(text: &str) -> Result<DecisionRecord, StoreError> {
    serde_json::from_str(text).map_err(|e| backend_error(format!("stored record unreadable: {e}")))
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
