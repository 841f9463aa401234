//! `davar audit`: real cases (one JSON object per line) checked against the obligations of the
//! version in force at each trigger — not today's version.
//!
//! A case: `{"case":"C-1","doc":"dispute-policy","lang":"en","events":[{"type":"complaint.received",
//! "at":"2026-11-18T10:00:00+03:30"},{"type":"complaint.acknowledged","at":"…","reference":"R-77"}]}`
//! (`lang` optional: the binding language by default). For every obligation whose trigger occurred
//! the result is `met`, `breached` (how late, or what was missing) or `open` (time left at `now`).

use std::collections::BTreeMap;

use jiff::{Timestamp, Zoned};
use serde::{Deserialize, Serialize};

use super::block::Limit;
use super::calendar::Calendars;
use super::deadline_report::{ReportError, applicable, count};
use super::extract::version_obligations;
use super::instant::{format_instant, human_span, parse_instant};
use davar_policy::model::PolicySet;

/// A case read from one line.
#[derive(Debug, Clone)]
pub struct Case {
    /// Case id.
    pub case: String,
    /// Document id.
    pub doc: String,
    /// Language of the text that applies (binding language when absent).
    pub lang: Option<String>,
    /// Events in the order given.
    pub events: Vec<Event>,
}

/// Something that happened in a case.
#[derive(Debug, Clone)]
pub struct Event {
    /// Event name, e.g. `complaint.received`.
    pub kind: String,
    /// When, with the offset it was recorded in.
    pub at: Zoned,
    /// Other fields (`reference`, `carrier-report`...).
    pub fields: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    case: String,
    doc: String,
    #[serde(default)]
    lang: Option<String>,
    events: Vec<RawEvent>,
}

#[derive(Deserialize)]
struct RawEvent {
    #[serde(rename = "type")]
    kind: String,
    at: String,
    #[serde(flatten)]
    fields: BTreeMap<String, serde_json::Value>,
}

/// Parses one line; the error says what is wrong (the caller adds the line number).
pub fn parse_case(line: &str) -> Result<Case, String> {
    let raw: RawCase = serde_json::from_str(line).map_err(|e| {
        format!("{e}; expected {{\"case\":…,\"doc\":…,\"events\":[{{\"type\":…,\"at\":…}}]}}")
    })?;
    let events = raw
        .events
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let at = parse_instant(&e.at).map_err(|m| format!("events[{i}].at: {m}"))?;
            Ok(Event {
                kind: e.kind,
                at,
                fields: e.fields,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Case {
        case: raw.case,
        doc: raw.doc,
        lang: raw.lang,
        events,
    })
}

/// The outcome of one obligation in one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Done in time, with everything required.
    Met,
    /// Late, too early (`at-least`), missing a requirement, or still not done after the deadline.
    Breached,
    /// Not done yet and still allowed.
    Open,
    /// Not owed any more: an `unless` event happened before the action and the deadline.
    Lapsed,
}

/// One line of the audit report.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Case id.
    pub case: String,
    /// Document id.
    pub doc: String,
    /// Version in force at the trigger.
    pub version: u32,
    /// Language of the text applied.
    pub lang: String,
    /// Obligation id.
    pub obligation: String,
    /// Clause stating it.
    pub clause: String,
    /// The limit, e.g. `within: 24 hours`.
    pub limit: String,
    /// Trigger instant.
    pub trigger_at: String,
    /// Deadline (`within`) or earliest allowed instant (`at-least`).
    pub due: String,
    /// When the action happened, if it did.
    pub action_at: Option<String>,
    /// Outcome.
    pub status: Status,
    /// Seconds past the deadline (late or still undone), or before the earliest instant.
    pub late_by_seconds: Option<i64>,
    /// Seconds left until the deadline (open `within` obligations).
    pub time_left_seconds: Option<i64>,
    /// Requirements the action did not carry.
    pub missing: Vec<String>,
    /// A sentence for people.
    pub detail: String,
}

/// Audits one case at `now`.
pub fn audit_case(
    set: &PolicySet,
    calendars: &Calendars,
    case: &Case,
    now: Timestamp,
) -> Result<Vec<Finding>, ReportError> {
    let Some(document) = set.document(&case.doc) else {
        return Err(ReportError::UnknownDocument(
            case.doc.clone(),
            set.documents
                .iter()
                .map(|d| d.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ));
    };
    // Events that trigger an obligation in some version; other events never select a version.
    let triggers: Vec<String> = document
        .versions
        .iter()
        .flat_map(|v| version_obligations(v).0)
        .map(|o| o.trigger)
        .collect();
    let mut findings = Vec::new();
    let mut seen_triggers: Vec<&str> = Vec::new();
    for trigger in &case.events {
        if seen_triggers.contains(&trigger.kind.as_str()) || !triggers.contains(&trigger.kind) {
            continue;
        }
        let version = applicable(
            set,
            calendars,
            &case.doc,
            case.lang.as_deref(),
            &trigger.at,
            None,
        )?;
        let (obligations, _) = version_obligations(version);
        let matching: Vec<_> = obligations
            .iter()
            .filter(|o| o.trigger == trigger.kind)
            .collect();
        if matching.is_empty() {
            continue;
        }
        seen_triggers.push(&trigger.kind);
        for ob in matching {
            let counted = count(
                calendars,
                version,
                &ob.limit,
                &trigger.at,
                &set.site.time_zone,
            )?;
            let due = counted.due.timestamp();
            let action = case
                .events
                .iter()
                .filter(|e| e.kind == ob.action && e.at.timestamp() >= trigger.at.timestamp())
                .min_by_key(|e| e.at.timestamp());
            let missing: Vec<String> = match action {
                Some(a) => ob
                    .requires
                    .iter()
                    .filter(|r| !carries(a, r))
                    .cloned()
                    .collect(),
                None => Vec::new(),
            };
            // From `from` to `to` in whole seconds, to the nearest (a period ending with its last
            // day ends one nanosecond before the next day starts, a whole number of seconds away
            // from any whole-second instant), and never 0 between different instants: the
            // sign says which comes first, exactly, so the last instant of the last day is in
            // time and the next one is late.
            let secs = |from: Timestamp, to: Timestamp| {
                let nanos = to.as_nanosecond() - from.as_nanosecond();
                let rounded = (nanos + 500_000_000).div_euclid(1_000_000_000);
                let rounded = match nanos.signum() {
                    1 => rounded.max(1),
                    -1 => rounded.min(-1),
                    _ => 0,
                };
                i64::try_from(rounded).unwrap_or(if nanos > 0 { i64::MAX } else { i64::MIN })
            };
            let trigger_ts = trigger.at.timestamp();
            let before = action.map_or(due, |a| a.at.timestamp().min(due));
            let lapsing = case
                .events
                .iter()
                .filter(|e| ob.unless.contains(&e.kind))
                .filter(|e| e.at.timestamp() >= trigger_ts && e.at.timestamp() < before)
                .min_by_key(|e| e.at.timestamp());
            let without = if missing.is_empty() {
                String::new()
            } else {
                format!(" without {}", missing.join(", "))
            };
            let (status, late, left, detail) = match (&ob.limit, action) {
                _ if lapsing.is_some() => {
                    let event = lapsing.map(|e| e.kind.as_str()).unwrap_or_default();
                    let detail = format!("not owed: {event} happened first");
                    (Status::Lapsed, None, None, detail)
                }
                (Limit::Within(_), Some(a)) => {
                    let late = secs(due, a.at.timestamp());
                    if late > 0 {
                        (
                            Status::Breached,
                            Some(late),
                            None,
                            format!("done {} late{without}", human_span(late)),
                        )
                    } else if !missing.is_empty() {
                        (
                            Status::Breached,
                            None,
                            None,
                            format!("done in time but{without}"),
                        )
                    } else {
                        (
                            Status::Met,
                            None,
                            None,
                            format!("done {} before the deadline", human_span(-late)),
                        )
                    }
                }
                (Limit::Within(_), None) => {
                    let left = secs(now, due);
                    if left >= 0 {
                        (
                            Status::Open,
                            None,
                            Some(left),
                            format!("not done yet; {} left", human_span(left)),
                        )
                    } else {
                        (
                            Status::Breached,
                            Some(-left),
                            None,
                            format!("not done; {} past the deadline", human_span(-left)),
                        )
                    }
                }
                (Limit::AtLeast(_), Some(a)) => {
                    let early = secs(a.at.timestamp(), due);
                    if early > 0 || !missing.is_empty() {
                        let early = early.max(0);
                        let detail = if early > 0 {
                            format!("done {} too early{without}", human_span(early))
                        } else {
                            format!("done after the minimum period but{without}")
                        };
                        (
                            Status::Breached,
                            Some(early).filter(|s| *s > 0),
                            None,
                            detail,
                        )
                    } else if early > 0 {
                        (
                            Status::Breached,
                            Some(early),
                            None,
                            format!("done {} too early", human_span(early)),
                        )
                    } else {
                        (
                            Status::Met,
                            None,
                            None,
                            format!("done after the minimum period{without}"),
                        )
                    }
                }
                (Limit::AtLeast(_), None) => {
                    let left = secs(now, due).max(0);
                    (
                        Status::Open,
                        None,
                        Some(left),
                        format!(
                            "not done yet; allowed from {}",
                            format_instant(&counted.due)
                        ),
                    )
                }
            };
            findings.push(Finding {
                case: case.case.clone(),
                doc: case.doc.clone(),
                version: version.version,
                lang: version.lang.clone(),
                obligation: ob.id.clone(),
                clause: ob.clause.clone(),
                limit: ob.limit.to_string(),
                trigger_at: format_instant(&trigger.at),
                due: format_instant(&counted.due),
                action_at: action.map(|a| format_instant(&a.at)),
                status,
                late_by_seconds: late,
                time_left_seconds: left,
                missing,
                detail,
            });
        }
    }
    Ok(findings)
}

/// Whether an action event carries requirement `name` (`reference-number` is carried by a
/// non-empty `reference-number`, `reference_number` or `reference` field).
fn carries(event: &Event, name: &str) -> bool {
    let first = name.split('-').next().unwrap_or(name);
    [name.to_string(), name.replace('-', "_"), first.to_string()]
        .iter()
        .filter_map(|k| event.fields.get(k))
        .any(|v| match v {
            serde_json::Value::Null | serde_json::Value::Bool(false) => false,
            serde_json::Value::String(s) => !s.trim().is_empty(),
            _ => true,
        })
}
