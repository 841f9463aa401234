//! Transparency figures (DSA Art. 15 and 24) for a period, from the decision log: restrictions
//! by kind, statement category, rule code and how far they were automated; how long queued
//! comments waited for a person; appeals pending at the start, received, decided and pending at
//! the end, against the dispute policy's promised time.
//!
//! Every figure counts events by the instant they happened: a record by its `decided_at`, an
//! appeal as received when it was lodged and as decided when its outcome was recorded. So the
//! figures of adjacent periods add up to those of the two together, and the appeals still
//! pending at the end of one period are those pending at the start of the next. The identities
//! that tie the tables together are listed with their numbers in [`Figures::checks`].

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::Serialize;

use super::appeal_audit::{AppealStatus, Outcome, audit_timed};
use super::published::{Published, rfc3339};
use super::sor::{exportable, sor_statement};
use super::statement::grounding;
use crate::decision::{Action, AutomatedDecision, DecisionRecord, Stage};

/// The figures of one period.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// First instant counted (RFC 3339).
    pub from: String,
    /// First instant no longer counted: the end of the period, or the present instant when
    /// that comes first.
    pub to: String,
    /// Every record decided in the period, by stage and action.
    pub records: BTreeMap<String, BTreeMap<String, u64>>,
    /// How many records were decided in the period.
    pub records_total: u64,
    /// Restrictions (statements of reasons) decided in the period.
    pub restrictions: Restrictions,
    /// The review queue's first reviews: waiting, queued, decided in the period.
    pub queue: QueueTimes,
    /// Appeals: pending at the start, received, decided, pending at the end.
    pub appeals: Appeals,
    /// The identities the tables satisfy, each with its numbers.
    pub checks: Vec<Check>,
    /// Records that could not be counted as they should (a rule without category).
    pub notes: Vec<String>,
}

/// Restrictions decided in the period.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Restrictions {
    /// How many: every record decided in the period that has a statement of reasons as a
    /// restriction ([`super::statement::restricts`], the records the export sends).
    pub total: u64,
    /// Of those, publications with parts removed or changed (the rest were not published).
    pub parts_removed: u64,
    /// By comment kind.
    pub by_kind: BTreeMap<String, u64>,
    /// By the statement's Transparency Database category (that of the first rule relied on;
    /// `none` when the rule set names none).
    pub by_category: BTreeMap<String, u64>,
    /// Restrictions citing each rule code: a restriction citing several codes counts under
    /// each of them, once per code.
    pub by_code: BTreeMap<String, u64>,
    /// Restrictions by how many distinct codes they cite (`"1"`, `"2"`, …).
    pub by_codes_cited: BTreeMap<String, u64>,
    /// Codes cited, counted once per restriction and code: the sum of `by_code`.
    pub code_citations: u64,
    /// By `automated_decision` (`fully`, `partially`, `not-automated`).
    pub by_automated_decision: BTreeMap<String, u64>,
    /// By `automated_detection` (`yes`, `no`).
    pub by_automated_detection: BTreeMap<String, u64>,
}

/// The review queue's first reviews (appeals are counted apart): the comments waiting at the
/// start, plus those queued in the period, minus those decided in it, are those waiting at its
/// end; and the time from submission to a moderator's decision.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QueueTimes {
    /// Queued before the period and not decided before it.
    pub pending_at_start: u64,
    /// Queued by the engine in the period.
    pub queued: u64,
    /// Queued comments decided by a moderator in the period.
    pub decided: u64,
    /// Queued by the end of the period and not decided by then.
    pub pending: u64,
    /// By the moderator's action (`approve`, `reject`, `edit-approve`).
    pub by_action: BTreeMap<String, u64>,
    /// Median seconds from submission to decision (mean of the two middle values).
    pub median_seconds: Option<i64>,
    /// 95th percentile in seconds (nearest rank).
    pub p95_seconds: Option<i64>,
}

/// Appeals, each counted by the instant of the event: pending at the start of the period +
/// received in it − decided in it = pending at its end.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Appeals {
    /// Received before the period and not decided before it.
    pub pending_at_start: u64,
    /// Received in the period.
    pub received: u64,
    /// Decided in the period (whenever received).
    pub decided: u64,
    /// Of those, the restriction stood.
    pub upheld: u64,
    /// Of those, the restriction was lifted.
    pub reversed: u64,
    /// Received by the end of the period and not decided by then.
    pub pending: u64,
    /// The appeals decided in the period and those pending at its end, against the promised
    /// time at the end of the period: `met`, `breached` (decided late, or pending past the
    /// deadline), `open` (pending, still in time), `no-deadline`, `calendar-ends` (the
    /// working-day calendar ends before the deadline: extend it).
    pub deadlines: BTreeMap<String, u64>,
}

/// One identity between figures, with its numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The identity in words, with the numbers of this report.
    pub check: String,
    /// Whether it holds.
    pub holds: bool,
}

/// Counts the period `[from, to)` of `history`, cut at `now` when `now` comes first (records
/// after `now` are events yet to happen). `history` holds every record decided in the period
/// and, before it, every record that queues a comment or decides a queued one (engine `queue`,
/// stage `review`, stage `appeal`); other records before the period are ignored.
pub fn figures(
    published: &Published<'_>,
    history: &[DecisionRecord],
    from: Timestamp,
    to: Timestamp,
    now: Timestamp,
) -> Figures {
    let end = to.min(now).max(from);
    let mut notes = Vec::new();
    let mut by_record: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut records_total = 0;
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
    for record in history
        .iter()
        .filter(|r| from <= r.decided_at && r.decided_at < end)
    {
        records_total += 1;
        bump(
            by_record
                .entry(record.stage.as_str().to_owned())
                .or_default(),
            record.action.as_str(),
        );
        // The tables of restrictions count every restriction the export sends: comments not
        // published, and comments published with parts removed.
        if exportable(record) {
            count_restriction(published, record, &mut restrictions, &mut notes);
        }
        if record.stage == Stage::Review {
            queue.decided += 1;
            bump(&mut queue.by_action, record.action.as_str());
            waits.push(record.decided_at.as_second() - record.submitted_at.as_second());
        }
    }
    waits.sort_unstable();
    waiting(history, from, end, &mut queue);
    queue.median_seconds = median(&waits);
    queue.p95_seconds = nearest_rank(&waits, 95);
    let appeals = appeals(published, history, from, end, &mut notes);
    let mut figures = Figures {
        from: rfc3339(&published.zoned(from)),
        to: rfc3339(&published.zoned(end)),
        records: by_record,
        records_total,
        restrictions,
        queue,
        appeals,
        checks: Vec::new(),
        notes,
    };
    figures.checks = figures.identities();
    figures
}

fn count_restriction(
    published: &Published<'_>,
    record: &DecisionRecord,
    restrictions: &mut Restrictions,
    notes: &mut Vec<String>,
) {
    restrictions.total += 1;
    if record.action != Action::Reject {
        restrictions.parts_removed += 1;
    }
    bump(&mut restrictions.by_kind, record.comment.kind.as_str());
    let category = match sor_statement(published, record) {
        Ok(statement) => statement.category,
        Err(e) => {
            notes.push(e.to_string());
            "none".to_owned()
        }
    };
    bump(&mut restrictions.by_category, &category);
    let codes: BTreeSet<&str> = grounding(record).iter().map(|v| v.code.as_str()).collect();
    for code in &codes {
        bump(&mut restrictions.by_code, code);
    }
    restrictions.code_citations += codes.len() as u64;
    bump(&mut restrictions.by_codes_cited, &codes.len().to_string());
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

/// The comments the engine queued, waiting at `from` and at `end`, and how many it queued in
/// `[from, end)`.
fn waiting(history: &[DecisionRecord], from: Timestamp, end: Timestamp, queue: &mut QueueTimes) {
    let decided: BTreeMap<&str, Timestamp> = history
        .iter()
        .filter(|r| r.stage == Stage::Review && r.decided_at < end)
        .filter_map(|r| Some((r.follows.as_deref()?, r.decided_at)))
        .collect();
    for item in history
        .iter()
        .filter(|r| r.stage == Stage::Engine && r.action == Action::Queue && r.decided_at < end)
    {
        let decided = decided.get(item.id.as_str()).copied();
        if item.decided_at < from && decided.is_none_or(|d| d >= from) {
            queue.pending_at_start += 1;
        }
        if item.decided_at >= from {
            queue.queued += 1;
        }
        if decided.is_none() {
            queue.pending += 1;
        }
    }
}

/// The appeals of `history` in `[from, end)`, audited at `end`.
fn appeals(
    published: &Published<'_>,
    history: &[DecisionRecord],
    from: Timestamp,
    end: Timestamp,
    notes: &mut Vec<String>,
) -> Appeals {
    // Every record, not the appeals' alone: an outcome is read against the decision it
    // contests ([`super::statement::upholds`]), as the audit reads it. A contested decision
    // missing from `history` (an engine record before the period) is a rejection or a repair,
    // which only a rejection upholds, as the outcome read alone says.
    let known: Vec<DecisionRecord> = history
        .iter()
        .filter(|r| r.decided_at < end)
        .cloned()
        .collect();
    let mut appeals = Appeals::default();
    for key in ["met", "breached", "open", "no-deadline", "calendar-ends"] {
        appeals.deadlines.insert(key.to_owned(), 0);
    }
    for timed in audit_timed(published, &known, end) {
        let audit = timed.audit;
        if timed.received < from && timed.decided.is_none_or(|d| d >= from) {
            appeals.pending_at_start += 1;
        }
        if timed.received >= from {
            appeals.received += 1;
        }
        let counted = match (timed.decided, audit.outcome) {
            (Some(d), Some(outcome)) if d >= from => {
                appeals.decided += 1;
                match outcome {
                    Outcome::Upheld => appeals.upheld += 1,
                    Outcome::Reversed => appeals.reversed += 1,
                }
                true
            }
            (None, _) => {
                appeals.pending += 1;
                true
            }
            _ => false,
        };
        if counted {
            bump(&mut appeals.deadlines, audit.status.as_str());
            if matches!(
                audit.status,
                AppealStatus::NoDeadline | AppealStatus::CalendarEnds
            ) && let Some(note) = audit.note
            {
                notes.push(format!("appeal {}: {note}", audit.appeal));
            }
        }
    }
    appeals
}

/// `left` (signed terms) = `right`, in words with the numbers.
fn identity(words: &str, left: &[(char, u64)], right: u64) -> Check {
    let mut value: i128 = 0;
    let mut terms = String::new();
    for (i, (sign, n)) in left.iter().enumerate() {
        let negative = *sign == '-';
        value += if negative {
            -i128::from(*n)
        } else {
            i128::from(*n)
        };
        match (i, negative) {
            (0, _) => terms.push_str(&n.to_string()),
            (_, true) => terms.push_str(&format!(" − {n}")),
            (_, false) => terms.push_str(&format!(" + {n}")),
        }
    }
    Check {
        check: format!("{words}: {terms} = {right}"),
        holds: value == i128::from(right),
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
    /// The identities the figures satisfy, with this report's numbers: each table of
    /// restrictions that partitions them sums to their total, which is the engine's and
    /// moderators' rejections among the records and the publications with parts removed; the codes cited add up both ways; the queue's
    /// decisions are the moderators' records and the queue's waiting comments reconcile with
    /// those queued and decided; appeals received and decided are the lodged and
    /// deciding appeal records, pending at the start + received − decided = pending at the end,
    /// and the deadline table covers the decided and the pending.
    pub fn identities(&self) -> Vec<Check> {
        let mut out = Vec::new();
        let mut check = |words: &str, left: Vec<(char, u64)>, right: u64| {
            out.push(identity(words, &left, right));
        };
        let sum = |m: &BTreeMap<String, u64>| m.values().sum::<u64>();
        let cell = |stage: &str, action: &str| {
            self.records
                .get(stage)
                .and_then(|m| m.get(action))
                .copied()
                .unwrap_or(0)
        };
        check(
            "records by stage and action = records",
            vec![('+', self.records.values().map(sum).sum())],
            self.records_total,
        );
        let r = &self.restrictions;
        check(
            "engine rejections + moderators' rejections + publications with parts removed = restrictions",
            vec![
                ('+', cell("engine", "reject")),
                ('+', cell("review", "reject")),
                ('+', r.parts_removed),
            ],
            r.total,
        );
        for (name, table) in [
            ("kind", &r.by_kind),
            ("category", &r.by_category),
            ("number of codes cited", &r.by_codes_cited),
            ("automated decision", &r.by_automated_decision),
            ("automated detection", &r.by_automated_detection),
        ] {
            check(
                &format!("restrictions by {name} = restrictions"),
                vec![('+', sum(table))],
                r.total,
            );
        }
        check(
            "restrictions citing each code = codes cited",
            vec![('+', sum(&r.by_code))],
            r.code_citations,
        );
        let weighted: u64 = r
            .by_codes_cited
            .iter()
            .map(|(k, n)| k.parse::<u64>().unwrap_or(0) * n)
            .sum();
        check(
            "restrictions by number of codes cited, times that number = codes cited",
            vec![('+', weighted)],
            r.code_citations,
        );
        let reviews = self.records.get("review").map_or(0, sum);
        let q = &self.queue;
        check(
            "queue decisions = moderators' records",
            vec![('+', q.decided)],
            reviews,
        );
        check(
            "queue decisions by action = moderators' records",
            vec![('+', sum(&q.by_action))],
            reviews,
        );
        check(
            "comments queued = engine records queueing them",
            vec![('+', q.queued)],
            cell("engine", "queue"),
        );
        check(
            "queue waiting at the start + queued − decided = waiting at the end",
            vec![('+', q.pending_at_start), ('+', q.queued), ('-', q.decided)],
            q.pending,
        );
        let a = &self.appeals;
        let lodged = cell("appeal", "queue");
        let outcomes = self
            .records
            .get("appeal")
            .map_or(0, sum)
            .saturating_sub(lodged);
        check(
            "appeals received = appeal records lodged",
            vec![('+', a.received)],
            lodged,
        );
        check(
            "appeals decided = appeal outcome records",
            vec![('+', a.decided)],
            outcomes,
        );
        check(
            "appeals upheld + reversed = decided",
            vec![('+', a.upheld), ('+', a.reversed)],
            a.decided,
        );
        check(
            "appeals pending at the start + received − decided = pending at the end",
            vec![
                ('+', a.pending_at_start),
                ('+', a.received),
                ('-', a.decided),
            ],
            a.pending,
        );
        check(
            "appeals by deadline = decided + pending at the end",
            vec![('+', sum(&a.deadlines))],
            a.decided + a.pending,
        );
        let edits = cell("review", "edit-approve") + cell("engine", "fix");
        out.push(Check {
            check: format!(
                "publications with parts removed ≤ moderators' edits + engine repairs: {} ≤ {edits}",
                r.parts_removed
            ),
            holds: r.parts_removed <= edits,
        });
        let most = r.by_code.values().copied().max().unwrap_or(0);
        out.push(Check {
            check: format!(
                "restrictions citing the most cited code ≤ restrictions: {most} ≤ {}",
                r.total
            ),
            holds: most <= r.total,
        });
        out
    }

    /// The identities that do not hold (empty when the figures add up).
    pub fn inconsistencies(&self) -> Vec<String> {
        self.identities()
            .into_iter()
            .filter(|c| !c.holds)
            .map(|c| c.check)
            .collect()
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
