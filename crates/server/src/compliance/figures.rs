//! Transparency figures (DSA Art. 15 and 24) for a period, from the decision log: restrictions
//! by kind, statement category, rule code and how far they were automated; how long queued
//! comments waited for a person; appeals received and what became of them, against the
//! dispute policy's promised time. Every table of a section partitions the same set, so the
//! tables add up ([`Figures::inconsistencies`] says where they would not).

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;

use super::appeal_audit::{AppealStatus, Outcome, audit_appeals};
use super::published::{Published, rfc3339};
use super::sor::{exportable, sor_statement};
use super::statement::grounding;
use crate::decision::{AutomatedDecision, DecisionRecord, Stage};

/// The figures of one period.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// First instant counted (RFC 3339).
    pub from: String,
    /// First instant no longer counted.
    pub to: String,
    /// Every record decided in the period, by stage and action.
    pub records: BTreeMap<String, BTreeMap<String, u64>>,
    /// Restrictions (statements of reasons) decided in the period.
    pub restrictions: Restrictions,
    /// Queued comments a moderator decided in the period.
    pub queue: QueueTimes,
    /// Appeals received in the period, as they stood at its end.
    pub appeals: Appeals,
    /// Records that could not be counted as they should (a rule without category).
    pub notes: Vec<String>,
}

/// Restrictions: each table counts every restriction once.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Restrictions {
    /// How many.
    pub total: u64,
    /// By comment kind.
    pub by_kind: BTreeMap<String, u64>,
    /// By Transparency Database category (`none` when the rule set names none).
    pub by_category: BTreeMap<String, u64>,
    /// By the code of the first rule relied on.
    pub by_code: BTreeMap<String, u64>,
    /// By `automated_decision` (`fully`, `partially`, `not-automated`).
    pub by_automated_decision: BTreeMap<String, u64>,
    /// By `automated_detection` (`yes`, `no`).
    pub by_automated_detection: BTreeMap<String, u64>,
}

/// Time from submission to a moderator's decision, for queued comments.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QueueTimes {
    /// Queued comments decided by a moderator in the period.
    pub decided: u64,
    /// By the moderator's action (`approve`, `reject`, `edit-approve`).
    pub by_action: BTreeMap<String, u64>,
    /// Median seconds from submission to decision (mean of the two middle values).
    pub median_seconds: Option<i64>,
    /// 95th percentile in seconds (nearest rank).
    pub p95_seconds: Option<i64>,
}

/// Appeals received in the period, as they stood at its end.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Appeals {
    /// Received.
    pub received: u64,
    /// Decided by the end of the period.
    pub decided: u64,
    /// Of those, the restriction stood.
    pub upheld: u64,
    /// Of those, the restriction was lifted.
    pub reversed: u64,
    /// Not decided by the end of the period.
    pub pending: u64,
    /// Against the promised time: `met`, `breached`, `open`, `no-deadline`.
    pub deadlines: BTreeMap<String, u64>,
}

/// Counts `records` (every record decided in `[from, to)`); appeals are judged at the end of
/// the period or at `now`, whichever comes first.
pub fn figures(
    published: &Published<'_>,
    records: &[DecisionRecord],
    from: Timestamp,
    to: Timestamp,
    now: Timestamp,
) -> Figures {
    let mut notes = Vec::new();
    let mut by_record: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut restrictions = Restrictions::default();
    for key in ["fully", "partially", "not-automated"] {
        restrictions.by_automated_decision.insert(key.to_owned(), 0);
    }
    for key in ["yes", "no"] {
        restrictions
            .by_automated_detection
            .insert(key.to_owned(), 0);
    }
    let mut waits = Vec::new();
    let mut queue = QueueTimes::default();
    for record in records {
        bump(
            by_record
                .entry(record.stage.as_str().to_owned())
                .or_default(),
            record.action.as_str(),
        );
        if exportable(record) {
            restrictions.total += 1;
            bump(&mut restrictions.by_kind, record.comment.kind.as_str());
            let category = match sor_statement(published, record) {
                Ok(statement) => statement.category,
                Err(e) => {
                    notes.push(e.to_string());
                    "none".to_owned()
                }
            };
            bump(&mut restrictions.by_category, &category);
            let code = grounding(record)
                .first()
                .map_or("none", |v| v.code.as_str());
            bump(&mut restrictions.by_code, code);
            bump(
                &mut restrictions.by_automated_decision,
                match record.automated_decision {
                    AutomatedDecision::Fully => "fully",
                    AutomatedDecision::Partially => "partially",
                    AutomatedDecision::NotAutomated => "not-automated",
                },
            );
            bump(
                &mut restrictions.by_automated_detection,
                if record.automated_detection {
                    "yes"
                } else {
                    "no"
                },
            );
        }
        if record.stage == Stage::Review {
            queue.decided += 1;
            bump(&mut queue.by_action, record.action.as_str());
            waits.push(record.decided_at.as_second() - record.submitted_at.as_second());
        }
    }
    waits.sort_unstable();
    queue.median_seconds = median(&waits);
    queue.p95_seconds = nearest_rank(&waits, 95);
    let at = if now < to { now } else { to };
    let mut appeals = Appeals::default();
    for key in ["met", "breached", "open", "no-deadline"] {
        appeals.deadlines.insert(key.to_owned(), 0);
    }
    for audit in audit_appeals(published, records, at) {
        appeals.received += 1;
        match audit.outcome {
            Some(Outcome::Upheld) => appeals.upheld += 1,
            Some(Outcome::Reversed) => appeals.reversed += 1,
            None => appeals.pending += 1,
        }
        bump(&mut appeals.deadlines, audit.status.as_str());
        if audit.status == AppealStatus::NoDeadline
            && let Some(note) = audit.note
        {
            notes.push(format!("appeal {}: {note}", audit.appeal));
        }
    }
    appeals.decided = appeals.upheld + appeals.reversed;
    Figures {
        from: rfc3339(&published.zoned(from)),
        to: rfc3339(&published.zoned(to)),
        records: by_record,
        restrictions,
        queue,
        appeals,
        notes,
    }
}

fn bump(map: &mut BTreeMap<String, u64>, key: &str) {
    *map.entry(key.to_owned()).or_default() += 1;
}

fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

fn nearest_rank(sorted: &[i64], percent: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

impl Figures {
    /// Where the tables would not add up (empty when they do): every table of restrictions sums
    /// to their total, which is the engine's and moderators' rejections among the records;
    /// queue decisions sum to the moderators' records; appeals received are the lodged appeal
    /// records, and each partition of them sums to that number.
    pub fn inconsistencies(&self) -> Vec<String> {
        let mut out = Vec::new();
        let sum = |m: &BTreeMap<String, u64>| m.values().sum::<u64>();
        let cell = |stage: &str, action: &str| {
            self.records
                .get(stage)
                .and_then(|m| m.get(action))
                .copied()
                .unwrap_or(0)
        };
        let r = &self.restrictions;
        for (name, table) in [
            ("kind", &r.by_kind),
            ("category", &r.by_category),
            ("code", &r.by_code),
            ("automated decision", &r.by_automated_decision),
            ("automated detection", &r.by_automated_detection),
        ] {
            if sum(table) != r.total {
                out.push(format!(
                    "restrictions by {name} sum to {}, not {}",
                    sum(table),
                    r.total
                ));
            }
        }
        let rejections = cell("engine", "reject") + cell("review", "reject");
        if rejections != r.total {
            out.push(format!(
                "{} restrictions but {rejections} rejections among the records",
                r.total
            ));
        }
        let reviews = self.records.get("review").map_or(0, sum);
        if self.queue.decided != reviews || sum(&self.queue.by_action) != reviews {
            out.push(format!(
                "{} queue decisions ({} by action) but {reviews} moderator records",
                self.queue.decided,
                sum(&self.queue.by_action)
            ));
        }
        let a = &self.appeals;
        let lodged = cell("appeal", "queue");
        if a.received != lodged
            || a.decided + a.pending != a.received
            || a.upheld + a.reversed != a.decided
            || sum(&a.deadlines) != a.received
        {
            out.push(format!(
                "appeals: {} received ({lodged} lodged records), {} decided ({} upheld, {} reversed), {} pending, deadlines sum to {}",
                a.received,
                a.decided,
                a.upheld,
                a.reversed,
                a.pending,
                sum(&a.deadlines)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_nearest_rank() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[1, 3]), Some(2));
        assert_eq!(median(&[1, 2, 9]), Some(2));
        let hundred: Vec<i64> = (1..=100).collect();
        assert_eq!(nearest_rank(&hundred, 95), Some(95));
        assert_eq!(nearest_rank(&[7, 8], 95), Some(8));
        assert_eq!(nearest_rank(&[7], 95), Some(7));
    }
}
