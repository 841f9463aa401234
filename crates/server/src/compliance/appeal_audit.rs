//! Appeals in the decision log audited against the dispute policy's own promise: every lodged
//! appeal becomes an obligation case (`appeal.received`, then `appeal.decided` when a moderator
//! decided it) and goes through the same audit as complaint cases (`davar audit`), against the
//! version in force when the appeal was received. An appeal decided by the moderator who took
//! the contested decision is reported as a breach of DSA Art. 20(6) (given the contested
//! decision among the records).

use std::collections::BTreeMap;

use davar_obligation::audit::{Case, Event, Finding, Status, audit_case};
use davar_obligation::deadline::DeadlineError;
use davar_obligation::deadline_report::ReportError;
use jiff::Timestamp;
use serde::Serialize;

use super::appeal::is_lodged;
use super::published::{APPEAL_DECIDED, APPEAL_RECEIVED, Published, rfc3339};
use super::statement::upholds;
use crate::decision::build::cited_lang;
use crate::decision::{AUTHOR, Action, DecisionRecord, ENGINE};

/// What became of an appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The restriction stands.
    Upheld,
    /// The restriction was lifted.
    Reversed,
}

/// An appeal's standing against the promised time to decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppealStatus {
    /// Decided in time.
    Met,
    /// Decided late, or still undecided past the deadline.
    Breached,
    /// Undecided, and the deadline is still ahead.
    Open,
    /// No version in force when it was received promises a time (or it cannot be counted for
    /// another reason than a calendar's end).
    NoDeadline,
    /// The promised time counts working days past the last day the policy's working-day
    /// calendar lists: the calendar must be extended before the deadline can be known (the
    /// note names the calendar file and its last day).
    CalendarEnds,
}

impl AppealStatus {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            AppealStatus::Met => "met",
            AppealStatus::Breached => "breached",
            AppealStatus::Open => "open",
            AppealStatus::NoDeadline => "no-deadline",
            AppealStatus::CalendarEnds => "calendar-ends",
        }
    }
}

/// One appeal, audited.
#[derive(Debug, Clone, Serialize)]
pub struct AppealAudit {
    /// The record lodging the appeal.
    pub appeal: String,
    /// The decision it contests.
    pub decision: String,
    /// The comment's language.
    pub lang: String,
    /// When the appeal was received (RFC 3339).
    pub received_at: String,
    /// When it was decided, if it was by the audit's instant.
    pub decided_at: Option<String>,
    /// Its outcome, if decided.
    pub outcome: Option<Outcome>,
    /// Met, breached, open, or no deadline.
    pub status: AppealStatus,
    /// The obligation audit's findings (one per promise about `appeal.received`).
    pub findings: Vec<Finding>,
    /// Why there is no finding, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The moderator who took both the contested decision and the appeal's outcome, a breach
    /// of DSA Art. 20(6) (the API refuses it; a log written by other tools may hold one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_moderator: Option<String>,
}

impl AppealAudit {
    /// Whether the appeal breaches a promise or the law: decided late or undecided past its
    /// deadline, or decided by the person who took the contested decision.
    pub fn breached(&self) -> bool {
        self.status == AppealStatus::Breached || self.same_moderator.is_some()
    }
}

/// The moderator who decided both `contested` and the appeal's `outcome`, if one did. The
/// engine and the author are not moderators.
pub fn same_moderator(contested: &DecisionRecord, outcome: &DecisionRecord) -> Option<String> {
    let person = |by: &str| by != ENGINE && by != AUTHOR;
    (contested.decided_by == outcome.decided_by && person(&outcome.decided_by))
        .then(|| outcome.decided_by.clone())
}

/// The outcome `record` gives the appeal it follows, if it decides one, read from the record
/// alone (a rejection upholds); against a known contested decision, [`upholds`] decides.
pub fn outcome_of(record: &DecisionRecord) -> Option<Outcome> {
    if record.stage != crate::decision::Stage::Appeal || is_lodged(record) {
        return None;
    }
    Some(match record.action {
        Action::Reject => Outcome::Upheld,
        _ => Outcome::Reversed,
    })
}

/// Audits every appeal lodged in `records` at or before `now`, at `now`; an outcome counts
/// only when it is among `records` and was decided by `now`. An appeal lodged after `now` is a
/// future event and is left out. Oldest appeal first.
pub fn audit_appeals(
    published: &Published<'_>,
    records: &[DecisionRecord],
    now: Timestamp,
) -> Vec<AppealAudit> {
    audit_timed(published, records, now)
        .into_iter()
        .map(|t| t.audit)
        .collect()
}

/// An audited appeal with the instants it was received and decided.
#[derive(Debug, Clone)]
pub(crate) struct TimedAudit {
    /// The audit.
    pub audit: AppealAudit,
    /// When the appeal was received.
    pub received: Timestamp,
    /// When it was decided, if it was by the audit's instant.
    pub decided: Option<Timestamp>,
}

/// [`audit_appeals`] keeping the instants.
pub(crate) fn audit_timed(
    published: &Published<'_>,
    records: &[DecisionRecord],
    now: Timestamp,
) -> Vec<TimedAudit> {
    let outcomes: BTreeMap<&str, &DecisionRecord> = records
        .iter()
        .filter(|r| outcome_of(r).is_some() && r.decided_at <= now)
        .filter_map(|r| Some((r.follows.as_deref()?, r)))
        .collect();
    let doc = published.document_with_trigger(APPEAL_RECEIVED);
    let mut lodged: Vec<&DecisionRecord> = records
        .iter()
        .filter(|r| is_lodged(r) && r.decided_at <= now)
        .collect();
    lodged.sort_by(|a, b| (a.decided_at, &a.id).cmp(&(b.decided_at, &b.id)));
    lodged
        .into_iter()
        .map(|appeal| {
            let decided = outcomes.get(appeal.id.as_str()).copied();
            let contested = appeal
                .follows
                .as_deref()
                .and_then(|id| records.iter().find(|r| r.id == id));
            let (findings, note, status) = match doc {
                None => (
                    Vec::new(),
                    Some(format!(
                        "no policy has an obligation triggered by `{APPEAL_RECEIVED}`"
                    )),
                    AppealStatus::NoDeadline,
                ),
                Some(doc) => audit_one(published, doc, appeal, decided, now),
            };
            TimedAudit {
                audit: AppealAudit {
                    appeal: appeal.id.clone(),
                    decision: appeal.follows.clone().unwrap_or_default(),
                    lang: appeal.comment.lang.clone(),
                    received_at: rfc3339(&published.zoned(appeal.decided_at)),
                    decided_at: decided.map(|d| rfc3339(&published.zoned(d.decided_at))),
                    outcome: decided.and_then(|d| {
                        let outcome = outcome_of(d)?;
                        Some(match contested {
                            Some(c) if upholds(c, d) => Outcome::Upheld,
                            Some(_) => Outcome::Reversed,
                            None => outcome,
                        })
                    }),
                    status,
                    findings,
                    note,
                    same_moderator: contested
                        .zip(decided)
                        .and_then(|(c, d)| same_moderator(c, d)),
                },
                received: appeal.decided_at,
                decided: decided.map(|d| d.decided_at),
            }
        })
        .collect()
}

fn audit_one(
    published: &Published<'_>,
    doc: &str,
    appeal: &DecisionRecord,
    decided: Option<&DecisionRecord>,
    now: Timestamp,
) -> (Vec<Finding>, Option<String>, AppealStatus) {
    let lang = published
        .policies
        .document(doc)
        .and_then(|d| cited_lang(published.policies, d, &appeal.comment.lang))
        .map(str::to_owned);
    let event = |kind: &str, at: Timestamp| Event {
        kind: kind.to_owned(),
        at: published.zoned(at),
        fields: BTreeMap::new(),
    };
    let mut events = vec![event(APPEAL_RECEIVED, appeal.decided_at)];
    if let Some(decided) = decided {
        events.push(event(APPEAL_DECIDED, decided.decided_at));
    }
    let case = Case {
        case: appeal.id.clone(),
        doc: doc.to_owned(),
        lang,
        events,
    };
    match audit_case(published.policies, published.calendars, &case, now) {
        Ok(findings) if findings.is_empty() => (
            findings,
            Some(format!(
                "the version of `{doc}` in force on {} promises no time to decide an appeal",
                published.zoned(appeal.decided_at).date()
            )),
            AppealStatus::NoDeadline,
        ),
        Ok(findings) => {
            let status = status(&findings);
            (findings, None, status)
        }
        Err(e) if calendar_ended(&e) => {
            (Vec::new(), Some(e.to_string()), AppealStatus::CalendarEnds)
        }
        Err(e) => (Vec::new(), Some(e.to_string()), AppealStatus::NoDeadline),
    }
}

/// Whether `error` is a working-day calendar ending before the deadline.
fn calendar_ended(error: &ReportError) -> bool {
    matches!(
        error,
        ReportError::Deadline(DeadlineError::OutsideCalendar { .. })
    )
}

fn status(findings: &[Finding]) -> AppealStatus {
    if findings.is_empty() {
        AppealStatus::NoDeadline
    } else if findings.iter().any(|f| f.status == Status::Breached) {
        AppealStatus::Breached
    } else if findings.iter().any(|f| f.status == Status::Open) {
        AppealStatus::Open
    } else {
        AppealStatus::Met
    }
}
