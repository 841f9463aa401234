//! The decision log and review queue on PostgreSQL. Claims and decisions lock the item's row
//! (`FOR UPDATE`), and the next-item claim skips rows another transaction holds
//! (`SKIP LOCKED`), so moderators on different processes never get the same item.

use davar_moderation::StoreError;
use deadpool_postgres::GenericClient;
use jiff::Timestamp;
use tokio_postgres::Row;

use super::log::{Appended, Claim, Decide, DecisionLog, QueueCounts, QueueFilter, QueueItem};
use super::postgres::{PgError, PostgresStore};
use super::rows::{DecisionRow, QueueRow, count, filter_values, instant, micros, parse_record};
use super::schema::{
    CHAIN, DECIDED_BETWEEN, ENQUEUE, FIRST_RECORD_OF_COMMENT, INSERT_DECISION, NOT_OWN_DECISION,
    QUEUE_COLUMNS, QUEUE_FILTER, QUEUE_ORDER, RECORD_BY_ID,
};
use crate::decision::DecisionRecord;

async fn insert_record(
    client: &impl GenericClient,
    record: &DecisionRecord,
) -> Result<u64, PgError> {
    let r = DecisionRow::of(record)?;
    let stmt = client.prepare_cached(INSERT_DECISION).await?;
    Ok(client
        .execute(
            &stmt,
            &[
                &r.id,
                &r.root,
                &r.follows,
                &r.stage,
                &r.kind,
                &r.comment_id,
                &r.lang,
                &r.product,
                &r.action,
                &r.decided_by,
                &r.decided_at,
                &r.record,
                &r.content_hash,
            ],
        )
        .await?)
}

async fn enqueue(
    client: &impl GenericClient,
    record: &DecisionRecord,
    priority: i32,
) -> Result<(), PgError> {
    let q = QueueRow::of(record, priority);
    let stmt = client.prepare_cached(ENQUEUE).await?;
    client
        .execute(
            &stmt,
            &[
                &q.item,
                &q.root,
                &q.kind,
                &q.lang,
                &q.codes,
                &q.priority,
                &q.enqueued_at,
            ],
        )
        .await?;
    Ok(())
}

fn parse_all(rows: &[Row]) -> Result<Vec<DecisionRecord>, PgError> {
    rows.iter()
        .map(|r| parse_record(r.get(0)).map_err(PgError::Store))
        .collect()
}

fn to_item(row: &Row) -> Result<QueueItem, StoreError> {
    Ok(QueueItem {
        id: row.get(0),
        record: parse_record(row.get(1))?,
        priority: row.get(2),
        enqueued_at: instant(row.get(3))?,
        claimed_by: row.get(4),
        claim_expires_at: row.get::<_, Option<i64>>(5).map(instant).transpose()?,
        decided_by_record: row.get(6),
    })
}

/// The item, its row locked until the transaction ends.
async fn locked_item(client: &impl GenericClient, id: &str) -> Result<Option<QueueItem>, PgError> {
    let query = format!("SELECT {QUEUE_COLUMNS} WHERE q.item_id = $1 FOR UPDATE OF q");
    let row = client.query_opt(&query, &[&id]).await?;
    Ok(row.as_ref().map(to_item).transpose()?)
}

impl DecisionLog for PostgresStore {
    fn append_first_all(
        &self,
        records: &[(&DecisionRecord, Option<i32>)],
    ) -> Result<Vec<Appended>, StoreError> {
        self.with_client(async |client| {
            let tx = client.transaction().await?;
            let mut out = Vec::with_capacity(records.len());
            for (record, queue) in records {
                if insert_record(&tx, record).await? == 0 {
                    let existing = match &record.comment.id {
                        Some(comment) => tx
                            .query_opt(
                                FIRST_RECORD_OF_COMMENT,
                                &[
                                    &record.comment.kind.as_str(),
                                    comment,
                                    &record.comment.content_hash(),
                                ],
                            )
                            .await?
                            .map(|r| parse_record(r.get(0)))
                            .transpose()?,
                        None => None,
                    };
                    out.push(existing.map(Appended::Existing).ok_or_else(|| {
                        PgError::Store(super::backend_error(format!(
                            "decision id {} already used",
                            record.id
                        )))
                    })?);
                    continue;
                }
                if let Some(priority) = queue {
                    enqueue(&tx, record, *priority).await?;
                }
                out.push(Appended::New((*record).clone()));
            }
            tx.commit().await?;
            Ok(out)
        })
    }

    fn append(&self, record: &DecisionRecord, queue: Option<i32>) -> Result<(), StoreError> {
        self.with_client(async |client| {
            let tx = client.transaction().await?;
            if insert_record(&tx, record).await? == 0 {
                return Err(PgError::Store(super::backend_error(format!(
                    "decision {} not stored: its id, or its comment's first record, exists",
                    record.id
                ))));
            }
            if let Some(priority) = queue {
                enqueue(&tx, record, priority).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    fn record(&self, id: &str) -> Result<Option<DecisionRecord>, StoreError> {
        self.with_client(async |client| {
            let rows = client.query(RECORD_BY_ID, &[&id]).await?;
            Ok(parse_all(&rows)?.pop())
        })
    }

    fn chain(&self, root: &str) -> Result<Vec<DecisionRecord>, StoreError> {
        self.with_client(async |client| parse_all(&client.query(CHAIN, &[&root]).await?))
    }

    fn decided_between(
        &self,
        from: Timestamp,
        to: Timestamp,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<DecisionRecord>, StoreError> {
        self.with_client(async |client| {
            let (after_at, after_id) = match after {
                Some(id) => match parse_all(&client.query(RECORD_BY_ID, &[&id]).await?)?.pop() {
                    Some(r) => (micros(r.decided_at), id.to_owned()),
                    None => return Ok(Vec::new()),
                },
                None => (i64::MIN, String::new()),
            };
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = client
                .query(
                    DECIDED_BETWEEN,
                    &[&micros(from), &micros(to), &after_at, &after_id, &limit],
                )
                .await?;
            parse_all(&rows)
        })
    }

    fn queue_pending(
        &self,
        filter: &QueueFilter,
        limit: usize,
    ) -> Result<Vec<QueueItem>, StoreError> {
        let query = format!("SELECT {QUEUE_COLUMNS} WHERE {QUEUE_FILTER} {QUEUE_ORDER} LIMIT $6");
        let (code, kind, lang, before, after) = filter_values(filter);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.with_client(async |client| {
            let rows = client
                .query(&query, &[&code, &kind, &lang, &before, &after, &limit])
                .await?;
            Ok(rows.iter().map(to_item).collect::<Result<Vec<_>, _>>()?)
        })
    }

    fn queue_item(&self, id: &str) -> Result<Option<QueueItem>, StoreError> {
        let query = format!("SELECT {QUEUE_COLUMNS} WHERE q.item_id = $1");
        self.with_client(async |client| {
            let row = client.query_opt(&query, &[&id]).await?;
            Ok(row.as_ref().map(to_item).transpose()?)
        })
    }

    fn queue_counts(&self, now: Timestamp) -> Result<QueueCounts, StoreError> {
        self.with_client(async |client| {
            let rows = client
                .query(
                    "SELECT codes, claim_expires_at FROM davar_queue WHERE decided_id IS NULL",
                    &[],
                )
                .await?;
            Ok(count(
                rows.iter().map(|r| (r.get(0), r.get(1))).collect(),
                micros(now),
            ))
        })
    }

    fn queue_claim(
        &self,
        id: Option<&str>,
        filter: &QueueFilter,
        moderator: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> Result<Claim, StoreError> {
        let now_us = micros(now);
        let (code, kind, lang, before, after) = filter_values(filter);
        self.with_client(async |client| {
            let tx = client.transaction().await?;
            let target = match id {
                Some(id) => id.to_owned(),
                None => {
                    let query = format!(
                        "SELECT q.item_id FROM davar_queue q WHERE {QUEUE_FILTER} \
                         AND (q.claimed_by IS NULL OR q.claim_expires_at <= $6 OR q.claimed_by = $7) \
                         AND {NOT_OWN_DECISION} {QUEUE_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED"
                    );
                    let row = tx
                        .query_opt(
                            &query,
                            &[&code, &kind, &lang, &before, &after, &now_us, &moderator],
                        )
                        .await?;
                    match row {
                        Some(row) => row.get(0),
                        None => return Ok(Claim::Empty),
                    }
                }
            };
            let Some(item) = locked_item(&tx, &target).await? else {
                return Ok(Claim::NotFound);
            };
            if let Some(refused) = Claim::refusal(&item, moderator, now_us) {
                return Ok(refused);
            }
            tx.execute(
                "UPDATE davar_queue SET claimed_by = $1, claim_expires_at = $2 WHERE item_id = $3",
                &[&moderator, &micros(until), &target],
            )
            .await?;
            tx.commit().await?;
            Ok(Claim::Claimed(Box::new(QueueItem {
                claimed_by: Some(moderator.to_owned()),
                claim_expires_at: Some(until),
                ..item
            })))
        })
    }

    fn queue_release(&self, id: &str, moderator: &str) -> Result<(), StoreError> {
        self.with_client(async |client| {
            client
                .execute(
                    "UPDATE davar_queue SET claimed_by = NULL, claim_expires_at = NULL \
                     WHERE item_id = $1 AND claimed_by = $2 AND decided_id IS NULL",
                    &[&id, &moderator],
                )
                .await?;
            Ok(())
        })
    }

    fn queue_decide(
        &self,
        id: &str,
        moderator: &str,
        record: &DecisionRecord,
    ) -> Result<Decide, StoreError> {
        self.with_client(async |client| {
            let tx = client.transaction().await?;
            let Some(item) = locked_item(&tx, id).await? else {
                return Ok(Decide::NotFound);
            };
            if let Some(refusal) = Decide::refusal(&item, moderator, record.decided_at) {
                return Ok(refusal);
            }
            if insert_record(&tx, record).await? == 0 {
                return Err(PgError::Store(super::backend_error(format!(
                    "decision id {} already used",
                    record.id
                ))));
            }
            tx.execute(
                "UPDATE davar_queue SET decided_id = $1 WHERE item_id = $2",
                &[&record.id, &id],
            )
            .await?;
            tx.commit().await?;
            Ok(Decide::Done(Box::new(record.clone())))
        })
    }
}
