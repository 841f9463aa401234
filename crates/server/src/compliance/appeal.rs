//! Appeals (DSA Art. 20): the author, through the storefront, contests a restriction within the
//! window the dispute policy states. The appeal is a record of the decision log (stage
//! `appeal`, action `queue`) that follows the contested decision and waits in the review queue
//! before first reviews; a moderator other than the one who took the contested decision decides
//! it, and the outcome (stage `appeal`: `reject` upholds, `approve`/`edit-approve` reverses) is
//! a further record with its own statement of reasons.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::current::{CurrentDecision, following, stands_now};
use super::published::Published;
use super::statement::{appeal_open_until, restricts, same_outcome};
use crate::decision::{
    Action, AppealVerdict, AutomatedDecision, DecisionRecord, Stage, new_decision_id,
};

/// Queue priority of appeals (first reviews have 0): they come first.
pub const APPEAL_PRIORITY: i32 = 10;

/// The `decided_by` of the record lodging an appeal: the author, through the storefront.
pub const APPELLANT: &str = "author";

/// Why an appeal was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppealRefusal {
    /// The decision does not restrict the comment.
    #[error(
        "decision {id} restricts nothing (action `{action}`): only a rejection, or a publication with parts removed or changed under the rules, can be appealed"
    )]
    NotRestricting {
        /// The decision.
        id: String,
        /// Its action.
        action: &'static str,
    },
    /// The decision is itself an appeal or an appeal's outcome.
    #[error(
        "decision {id} is an appeal or its outcome: the internal procedure ends with the appeal; out-of-court settlement and the courts remain open"
    )]
    Final {
        /// The decision.
        id: String,
    },
    /// The decision was appealed already.
    #[error("decision {id} was appealed already (appeal {appeal})")]
    AlreadyAppealed {
        /// The decision.
        id: String,
        /// The appeal.
        appeal: String,
    },
    /// A later decision took this one's place.
    #[error("decision {id} was superseded: {}; {}", current.sentence(), appeal_instead(current))]
    Superseded {
        /// The decision.
        id: String,
        /// The decision that stands.
        current: CurrentDecision,
    },
    /// The window the dispute policy states is over.
    #[error("the appeal window of decision {id} closed at {until}")]
    WindowClosed {
        /// The decision.
        id: String,
        /// When it closed (RFC 3339).
        until: String,
    },
    /// The appeal has no text.
    #[error("`text` is empty: send the author's appeal")]
    EmptyText,
}

/// What the author can appeal instead of a superseded decision, given `current`, the one
/// that stands.
fn appeal_instead(current: &CurrentDecision) -> &'static str {
    match (current.stage, current.statement.is_some()) {
        (Stage::Appeal, _) => {
            "the internal procedure ended with that appeal's outcome; out-of-court settlement and the courts remain open"
        }
        (_, true) => "appeal that decision instead",
        (_, false) => "there is nothing to appeal",
    }
}

/// Whether `record` lodges an appeal (as opposed to deciding one).
pub fn is_lodged(record: &DecisionRecord) -> bool {
    record.stage == Stage::Appeal && record.action == Action::Queue
}

/// The record lodging an appeal against `target` (a record of `chain`) with the author's
/// `text`, received at `now`; `versions` are the policy versions in force now.
pub fn lodge(
    published: &Published<'_>,
    chain: &[DecisionRecord],
    target: &DecisionRecord,
    text: &str,
    versions: BTreeMap<String, u32>,
    now: Timestamp,
) -> Result<DecisionRecord, AppealRefusal> {
    let id = target.id.clone();
    if target.stage == Stage::Appeal {
        return Err(AppealRefusal::Final { id });
    }
    if let Some(next) = following(chain, &target.id) {
        return Err(if is_lodged(next) {
            AppealRefusal::AlreadyAppealed {
                id,
                appeal: next.id.clone(),
            }
        } else {
            AppealRefusal::Superseded {
                id,
                current: CurrentDecision::of(stands_now(chain, target)),
            }
        });
    }
    if !restricts(target) {
        return Err(AppealRefusal::NotRestricting {
            id,
            action: target.action.as_str(),
        });
    }
    // A window that cannot be counted (a calendar running out) does not shut the author out.
    if let Ok(Some(until)) = appeal_open_until(published, target)
        && now > until
    {
        return Err(AppealRefusal::WindowClosed {
            id,
            until: super::published::rfc3339(&published.zoned(until)),
        });
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(AppealRefusal::EmptyText);
    }
    Ok(DecisionRecord {
        id: new_decision_id(),
        root: target.root.clone(),
        follows: Some(target.id.clone()),
        stage: Stage::Appeal,
        comment: target.comment.clone(),
        content_date: target.content_date,
        submitted_at: target.submitted_at,
        decided_at: now,
        verdict: target.verdict,
        action: Action::Queue,
        violations: target.violations.clone(),
        omitted_violations: target.omitted_violations.clone(),
        ruleset: target.ruleset.clone(),
        policy_versions: versions,
        decided_by: APPELLANT.to_owned(),
        automated_decision: AutomatedDecision::NotAutomated,
        automated_detection: target.automated_detection,
        note: None,
        fixed: target.fixed.clone(),
        edited: None,
        appeal_text: Some(text.to_owned()),
        appeal_outcome: None,
    })
}

/// The outcome of an appeal against `contested`: what a moderator decided on the lodged appeal
/// (a record built as for any queued item), marked as the appeal's stage, with whether it
/// upholds or reverses the contested decision ([`same_outcome`]). The lodged appeal carries the contested
/// decision's violations, which may be a moderator's: an upheld rejection confirms what
/// automated means found (`partially`) only when the engine located every violation it rests
/// on (each has a span); a code only a person cited makes it `not-automated`.
pub fn outcome(decided: DecisionRecord, contested: &DecisionRecord) -> DecisionRecord {
    let automated_decision = match decided.automated_decision {
        AutomatedDecision::Partially if decided.violations.iter().any(|v| v.field.is_none()) => {
            AutomatedDecision::NotAutomated
        }
        other => other,
    };
    let appeal_outcome = Some(if same_outcome(contested, &decided) {
        AppealVerdict::Upheld
    } else {
        AppealVerdict::Reversed
    });
    DecisionRecord {
        stage: Stage::Appeal,
        automated_decision,
        appeal_outcome,
        ..decided
    }
}

/// Whether `moderator` took `contested`: then they may not decide the appeal against it.
pub fn decided_by(contested: &DecisionRecord, moderator: &str) -> bool {
    contested.decided_by == moderator
}
