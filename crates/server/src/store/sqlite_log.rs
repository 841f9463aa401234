//! The decision log and review queue on SQLite.

use davar_moderation::StoreError;
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::log::{Appended, Claim, Decide, DecisionLog, QueueCounts, QueueFilter, QueueItem};
use super::rows::{DecisionRow, QueueRow, count, filter_values, instant, micros, parse_record};
use super::schema::{
    CHAIN, DECIDED_BETWEEN, ENQUEUE, FIRST_RECORD_OF_COMMENT, INSERT_DECISION, NOT_OWN_DECISION,
    QUEUE_COLUMNS, QUEUE_FILTER, QUEUE_ORDER, RECORD_BY_ID,
};
use super::sqlite::{SqliteStore, sql, sqlite_error};
use crate::decision::DecisionRecord;

/// Inserts a record's row, encoded beforehand ([`DecisionRow::of`]) so that the connection is
/// not held while records are turned into JSON.
fn insert_record(conn: &Connection, r: &DecisionRow) -> Result<usize, StoreError> {
    conn.prepare_cached(&sql(INSERT_DECISION))
        .and_then(|mut s| {
            s.execute(params![
                r.id,
                r.root,
                r.follows,
                r.stage,
                r.kind,
                r.comment_id,
                r.lang,
                r.product,
                r.action,
                r.decided_by,
                r.decided_at,
                r.record,
                r.content_hash
            ])
        })
        .map_err(sqlite_error)
}

fn enqueue(conn: &Connection, record: &DecisionRecord, priority: i32) -> Result<(), StoreError> {
    let q = QueueRow::of(record, priority);
    conn.prepare_cached(&sql(ENQUEUE))
        .and_then(|mut s| {
            s.execute(params![
                q.item,
                q.root,
                q.kind,
                q.lang,
                q.codes,
                q.priority,
                q.enqueued_at
            ])
        })
        .map(|_| ())
        .map_err(sqlite_error)
}

fn records_of(conn: &Connection, query: &str, values: impl rusqlite::Params) -> RecordsResult {
    let mut stmt = conn.prepare_cached(&sql(query)).map_err(sqlite_error)?;
    let texts = stmt
        .query_map(values, |r| r.get::<_, String>(0))
        .map_err(sqlite_error)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(sqlite_error)?;
    texts.iter().map(|t| parse_record(t)).collect()
}

type RecordsResult = Result<Vec<DecisionRecord>, StoreError>;

/// A queue row as read: id, record JSON, priority, enqueued at, claimed by, claim expiry,
/// deciding record.
type RawItem = (
    String,
    String,
    i32,
    i64,
    Option<String>,
    Option<i64>,
    Option<String>,
);

fn queue_item(row: &Row<'_>) -> rusqlite::Result<RawItem> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn to_item(raw: RawItem) -> Result<QueueItem, StoreError> {
    let (id, record, priority, enqueued_at, claimed_by, expires, decided) = raw;
    Ok(QueueItem {
        id,
        record: parse_record(&record)?,
        priority,
        enqueued_at: instant(enqueued_at)?,
        claimed_by,
        claim_expires_at: expires.map(instant).transpose()?,
        decided_by_record: decided,
    })
}

fn item_by_id(conn: &Connection, id: &str) -> Result<Option<QueueItem>, StoreError> {
    let query = format!("SELECT {QUEUE_COLUMNS} WHERE q.item_id = $1");
    conn.prepare_cached(&sql(&query))
        .and_then(|mut s| s.query_row([id], queue_item).optional())
        .map_err(sqlite_error)?
        .map(to_item)
        .transpose()
}

impl DecisionLog for SqliteStore {
    fn append_first_all(
        &self,
        records: &[(&DecisionRecord, Option<i32>)],
    ) -> Result<Vec<Appended>, StoreError> {
        let rows = records
            .iter()
            .map(|(record, _)| DecisionRow::of(record))
            .collect::<Result<Vec<_>, _>>()?;
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite_error)?;
        let mut out = Vec::with_capacity(records.len());
        for ((record, queue), row) in records.iter().zip(&rows) {
            if insert_record(&tx, row)? == 0 {
                let existing = match &record.comment.id {
                    Some(comment) => records_of(
                        &tx,
                        FIRST_RECORD_OF_COMMENT,
                        params![
                            record.comment.kind.as_str(),
                            comment,
                            record.comment.content_hash()
                        ],
                    )?
                    .pop(),
                    None => None,
                };
                out.push(existing.map(Appended::Existing).ok_or_else(|| {
                    super::backend_error(format!("decision id {} already used", record.id))
                })?);
                continue;
            }
            if let Some(priority) = queue {
                enqueue(&tx, record, *priority)?;
            }
            out.push(Appended::New((*record).clone()));
        }
        tx.commit().map_err(sqlite_error)?;
        Ok(out)
    }

    fn append(&self, record: &DecisionRecord, queue: Option<i32>) -> Result<(), StoreError> {
        let row = DecisionRow::of(record)?;
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite_error)?;
        if insert_record(&tx, &row)? == 0 {
            return Err(super::backend_error(format!(
                "decision {} not stored: its id, or its comment's first record, exists",
                record.id
            )));
        }
        if let Some(priority) = queue {
            enqueue(&tx, record, priority)?;
        }
        tx.commit().map_err(sqlite_error)
    }

    fn record(&self, id: &str) -> Result<Option<DecisionRecord>, StoreError> {
        Ok(records_of(&self.conn(), RECORD_BY_ID, [id])?.pop())
    }

    fn chain(&self, root: &str) -> Result<Vec<DecisionRecord>, StoreError> {
        records_of(&self.conn(), CHAIN, [root])
    }

    fn decided_between(
        &self,
        from: Timestamp,
        to: Timestamp,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<DecisionRecord>, StoreError> {
        let conn = self.conn();
        let (after_at, after_id) = match after {
            Some(id) => match records_of(&conn, RECORD_BY_ID, [id])?.pop() {
                Some(r) => (micros(r.decided_at), id.to_owned()),
                None => return Ok(Vec::new()),
            },
            None => (i64::MIN, String::new()),
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        records_of(
            &conn,
            DECIDED_BETWEEN,
            params![micros(from), micros(to), after_at, after_id, limit],
        )
    }

    fn queue_pending(
        &self,
        filter: &QueueFilter,
        limit: usize,
    ) -> Result<Vec<QueueItem>, StoreError> {
        let conn = self.conn();
        let query = format!("SELECT {QUEUE_COLUMNS} WHERE {QUEUE_FILTER} {QUEUE_ORDER} LIMIT $6");
        let (code, kind, lang, before, after) = filter_values(filter);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let raws = conn
            .prepare_cached(&sql(&query))
            .and_then(|mut s| {
                s.query_map(params![code, kind, lang, before, after, limit], queue_item)?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(sqlite_error)?;
        raws.into_iter().map(to_item).collect()
    }

    fn queue_item(&self, id: &str) -> Result<Option<QueueItem>, StoreError> {
        item_by_id(&self.conn(), id)
    }

    fn queue_counts(&self, now: Timestamp) -> Result<QueueCounts, StoreError> {
        let conn = self.conn();
        let rows: Vec<(String, Option<i64>)> = conn
            .prepare_cached(
                "SELECT codes, claim_expires_at FROM davar_queue WHERE decided_id IS NULL",
            )
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(sqlite_error)?;
        Ok(count(rows, micros(now)))
    }

    fn queue_claim(
        &self,
        id: Option<&str>,
        filter: &QueueFilter,
        moderator: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> Result<Claim, StoreError> {
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite_error)?;
        let now_us = micros(now);
        let target = match id {
            Some(id) => id.to_owned(),
            None => {
                let query = format!(
                    "SELECT q.item_id FROM davar_queue q WHERE {QUEUE_FILTER} \
                     AND (q.claimed_by IS NULL OR q.claim_expires_at <= $6 OR q.claimed_by = $7) \
                     AND {NOT_OWN_DECISION} {QUEUE_ORDER} LIMIT 1"
                );
                let (code, kind, lang, before, after) = filter_values(filter);
                let next: Option<String> = tx
                    .prepare_cached(&sql(&query))
                    .and_then(|mut s| {
                        s.query_row(
                            params![code, kind, lang, before, after, now_us, moderator],
                            |r| r.get(0),
                        )
                        .optional()
                    })
                    .map_err(sqlite_error)?;
                match next {
                    Some(id) => id,
                    None => return Ok(Claim::Empty),
                }
            }
        };
        let Some(item) = item_by_id(&tx, &target)? else {
            return Ok(Claim::NotFound);
        };
        if let Some(refused) = Claim::refusal(&item, moderator, now_us) {
            return Ok(refused);
        }
        tx.execute(
            "UPDATE davar_queue SET claimed_by = ?1, claim_expires_at = ?2 WHERE item_id = ?3",
            params![moderator, micros(until), target],
        )
        .map_err(sqlite_error)?;
        tx.commit().map_err(sqlite_error)?;
        Ok(Claim::Claimed(Box::new(QueueItem {
            claimed_by: Some(moderator.to_owned()),
            claim_expires_at: Some(until),
            ..item
        })))
    }

    fn queue_release(&self, id: &str, moderator: &str) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "UPDATE davar_queue SET claimed_by = NULL, claim_expires_at = NULL \
                 WHERE item_id = ?1 AND claimed_by = ?2 AND decided_id IS NULL",
                params![id, moderator],
            )
            .map(|_| ())
            .map_err(sqlite_error)
    }

    fn queue_decide(
        &self,
        id: &str,
        moderator: &str,
        record: &DecisionRecord,
    ) -> Result<Decide, StoreError> {
        let row = DecisionRow::of(record)?;
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite_error)?;
        let Some(item) = item_by_id(&tx, id)? else {
            return Ok(Decide::NotFound);
        };
        if let Some(refusal) = Decide::refusal(&item, moderator, record.decided_at) {
            return Ok(refusal);
        }
        if insert_record(&tx, &row)? == 0 {
            return Err(super::backend_error(format!(
                "decision id {} already used",
                record.id
            )));
        }
        tx.execute(
            "UPDATE davar_queue SET decided_id = ?1 WHERE item_id = ?2",
            params![record.id, id],
        )
        .map_err(sqlite_error)?;
        tx.commit().map_err(sqlite_error)?;
        Ok(Decide::Done(Box::new(record.clone())))
    }
}
