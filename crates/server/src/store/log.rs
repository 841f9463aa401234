//! The decision log and review queue API every store implements (SQLite, PostgreSQL). Calls
//! block on the database: run them off the async workers (`spawn_blocking`).
//!
//! The log is append-only: [`DecisionLog::append`] inserts, nothing updates or deletes a
//! record. The queue is a separate table of work items (one per record waiting for a person),
//! whose claim and decision columns change; deciding an item appends the moderator's record and
//! closes the item in one transaction.

use davar_moderation::{Kind, StoreError};
use jiff::Timestamp;
use serde::Serialize;
use utoipa::ToSchema;

use crate::decision::DecisionRecord;

/// Appending a comment's first record: the new one, or the one a retry finds.
#[derive(Debug, Clone, PartialEq)]
pub enum Appended {
    /// The record was stored.
    New(DecisionRecord),
    /// The comment (same kind, `id` and content) already had a first record: this one,
    /// unchanged.
    Existing(DecisionRecord),
}

impl Appended {
    /// The stored record, new or existing.
    pub fn record(&self) -> &DecisionRecord {
        match self {
            Appended::New(r) | Appended::Existing(r) => r,
        }
    }
}

/// Which queued items to list or claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    /// Only items with a violation of this code.
    pub code: Option<String>,
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only this language.
    pub lang: Option<String>,
    /// Only items enqueued at or before this instant (waiting at least some time).
    pub enqueued_before: Option<Timestamp>,
    /// Only items enqueued at or after this instant.
    pub enqueued_after: Option<Timestamp>,
}

/// One work item of the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QueueItem {
    /// The id of the record waiting for a person (the item's id in `/v1/queue/{id}`).
    pub id: String,
    /// That record.
    pub record: DecisionRecord,
    /// Higher first (appeals come before first reviews); then oldest first.
    pub priority: i32,
    /// When the item entered the queue.
    #[schema(value_type = String, format = DateTime)]
    pub enqueued_at: Timestamp,
    /// Moderator holding the claim, if any (expired claims included, see `claim_expires_at`).
    pub claimed_by: Option<String>,
    /// When the claim lapses; another moderator may claim the item after that.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub claim_expires_at: Option<Timestamp>,
    /// The record that decided the item, once decided.
    pub decided_by_record: Option<String>,
}

/// Pending items, for the console's header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct QueueCounts {
    /// Items not yet decided.
    pub pending: u64,
    /// Of those, items under a live claim.
    pub claimed: u64,
    /// Pending items per violation code (an item counts once per code it has).
    pub by_code: std::collections::BTreeMap<String, u64>,
}

/// The outcome of a claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// Claimed until the given time.
    Claimed(Box<QueueItem>),
    /// Nothing pending matches (claim of the next item).
    Empty,
    /// Another moderator holds a live claim.
    Taken {
        /// Who.
        by: String,
        /// Until when.
        until: Timestamp,
    },
    /// The item was decided already.
    Decided,
    /// No such item.
    NotFound,
}

impl Claim {
    /// Why `moderator` cannot claim `item` at `now_us` (microseconds since the epoch): it was
    /// decided already, or another moderator holds a claim that has not expired. Both stores
    /// ask this of the locked row before writing the claim.
    pub(crate) fn refusal(item: &QueueItem, moderator: &str, now_us: i64) -> Option<Claim> {
        if item.decided_by_record.is_some() {
            return Some(Claim::Decided);
        }
        match (&item.claimed_by, item.claim_expires_at) {
            (Some(by), Some(until)) if by != moderator && super::rows::micros(until) > now_us => {
                Some(Claim::Taken {
                    by: by.clone(),
                    until,
                })
            }
            _ => None,
        }
    }
}

/// The outcome of deciding an item.
#[derive(Debug, Clone, PartialEq)]
pub enum Decide {
    /// The record was appended and the item closed.
    Done(Box<DecisionRecord>),
    /// The moderator does not hold the claim (never claimed, or another moderator claimed it
    /// after the claim lapsed).
    NotClaimed {
        /// The holder of the claim, if any.
        by: Option<String>,
    },
    /// The moderator's claim lapsed before the decision: the item counts as unclaimed and
    /// must be claimed again.
    Lapsed {
        /// When the claim lapsed.
        at: Timestamp,
    },
    /// The item was decided already.
    Decided,
    /// No such item.
    NotFound,
}

impl Decide {
    /// Why `moderator` cannot decide `item` at `at`: it was decided already, the claim is
    /// someone else's or nobody's, or the moderator's claim lapsed before `at`. Both stores ask
    /// this of the locked row before writing the decision, the route before judging it.
    pub(crate) fn refusal(item: &QueueItem, moderator: &str, at: Timestamp) -> Option<Decide> {
        if item.decided_by_record.is_some() {
            return Some(Decide::Decided);
        }
        if item.claimed_by.as_deref() != Some(moderator) {
            return Some(Decide::NotClaimed {
                by: item.claimed_by.clone(),
            });
        }
        match item.claim_expires_at {
            Some(until) if until <= at => Some(Decide::Lapsed { at: until }),
            _ => None,
        }
    }
}

/// Decision log and review queue.
pub trait DecisionLog: Send + Sync {
    /// Appends the first record of a comment's chain (`follows` is `None`) and, when `queue` is
    /// `Some(priority)`, enqueues it, in one transaction. When the comment (same kind and id,
    /// same content: [`crate::decision::CommentSnapshot::content_hash`]) already has a first
    /// record, stores nothing and returns that one: a client retry. The same id with other
    /// content is stored as a new first record.
    fn append_first(
        &self,
        record: &DecisionRecord,
        queue: Option<i32>,
    ) -> Result<Appended, StoreError> {
        self.append_first_all(&[(record, queue)])?
            .pop()
            .ok_or_else(|| StoreError("the decision log answered no record".to_owned()))
    }

    /// [`DecisionLog::append_first`] for many comments (a batch) in one transaction: one
    /// answer per record, in order. A comment appearing twice (same id and content) gets the
    /// first one's record the second time, as a retry would.
    fn append_first_all(
        &self,
        records: &[(&DecisionRecord, Option<i32>)],
    ) -> Result<Vec<Appended>, StoreError>;

    /// Appends any record (an appeal, a correction) and, with `queue`, enqueues it.
    fn append(&self, record: &DecisionRecord, queue: Option<i32>) -> Result<(), StoreError>;

    /// The record with this id.
    fn record(&self, id: &str) -> Result<Option<DecisionRecord>, StoreError>;

    /// Every record of the chain starting at `root`, oldest first.
    fn chain(&self, root: &str) -> Result<Vec<DecisionRecord>, StoreError>;

    /// Records decided in `[from, to)`, by decision time then id, after record `after` (for
    /// paging), at most `limit`.
    fn decided_between(
        &self,
        from: Timestamp,
        to: Timestamp,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<DecisionRecord>, StoreError>;

    /// Pending items matching `filter`, highest priority then oldest first, at most `limit`.
    fn queue_pending(
        &self,
        filter: &QueueFilter,
        limit: usize,
    ) -> Result<Vec<QueueItem>, StoreError>;

    /// The queue item with this id, pending or decided.
    fn queue_item(&self, id: &str) -> Result<Option<QueueItem>, StoreError>;

    /// Counts of pending items at `now`.
    fn queue_counts(&self, now: Timestamp) -> Result<QueueCounts, StoreError>;

    /// Claims item `id`, or with `None` the first pending item matching `filter` that nobody
    /// holds, for `moderator` until `until`. Atomic: two moderators never both get a claim.
    fn queue_claim(
        &self,
        id: Option<&str>,
        filter: &QueueFilter,
        moderator: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> Result<Claim, StoreError>;

    /// Gives a claim back (nothing happens if `moderator` does not hold it).
    fn queue_release(&self, id: &str, moderator: &str) -> Result<(), StoreError>;

    /// Appends `record` (which follows item `id`) and closes the item, in one transaction, if
    /// `moderator` holds the claim.
    fn queue_decide(
        &self,
        id: &str,
        moderator: &str,
        record: &DecisionRecord,
    ) -> Result<Decide, StoreError>;
}
