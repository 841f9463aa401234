//! A moderator's decision on a queued item, as a record that follows the item's record.

use davar_moderation::{Messages, Severity, Verdict};
use jiff::Timestamp;
use serde::Deserialize;
use utoipa::ToSchema;

use super::build::{clause_ref, configured, policy_versions, ruleset_ref};
use super::{
    Action, AutomatedDecision, DecisionRecord, RecordedViolation, Stage, TextFields,
    new_decision_id,
};
use crate::compiled::Compiled;

/// What a moderator decided, as sent to `POST /v1/queue/{id}/decision`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModeratorDecision {
    /// `approve`, `reject` or `edit-approve`.
    pub action: ReviewAction,
    /// The rule codes the rejection rests on (at least one for `reject`).
    #[serde(default)]
    pub codes: Vec<String>,
    /// A note kept with the record (not shown to the author).
    #[serde(default)]
    pub note: Option<String>,
    /// Edited title for `edit-approve` (default: the engine's repaired title).
    #[serde(default)]
    pub title: Option<String>,
    /// Edited body for `edit-approve` (default: the engine's repaired body).
    #[serde(default)]
    pub body: Option<String>,
}

/// The actions open to a moderator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewAction {
    /// Publish as submitted.
    Approve,
    /// Do not publish.
    Reject,
    /// Publish the engine's repaired text, or the text sent.
    EditApprove,
}

/// Why a moderator's decision was refused: `(code, field, message)` for a 422 answer.
pub type Refusal = (&'static str, &'static str, String);

/// The record of `decision` by `moderator` on the item whose record is `item`.
pub fn moderator_record(
    compiled: &Compiled,
    item: &DecisionRecord,
    moderator: &str,
    decision: &ModeratorDecision,
    now: Timestamp,
) -> Result<DecisionRecord, Refusal> {
    let comment = &item.comment;
    let set = compiled
        .engine
        .rule_set_for(comment.kind, &comment.lang)
        .ok_or_else(|| {
            (
                "unknown-language",
                "lang",
                format!(
                    "no rule set moderates {}s in `{}` any more",
                    comment.kind.as_str(),
                    comment.lang
                ),
            )
        })?;
    let mut violations = Vec::new();
    let (verdict, action, edited) = match decision.action {
        ReviewAction::Reject => {
            if decision.codes.is_empty() {
                return Err((
                    "missing-field",
                    "codes",
                    "a rejection names the rule codes it rests on, e.g. [\"contacts/phone\"]"
                        .to_owned(),
                ));
            }
            for code in &decision.codes {
                let Some(rule) = configured(set, code) else {
                    return Err((
                        "unknown-value",
                        "codes",
                        format!(
                            "rule set {} has no rule `{code}`; its codes: {}",
                            set.id(),
                            set.rules
                                .iter()
                                .map(|r| r.code.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                };
                violations.extend(cited(
                    compiled,
                    set,
                    item,
                    code,
                    &rule.message,
                    rule.severity,
                ));
            }
            (Verdict::Reject, Action::Reject, None)
        }
        ReviewAction::Approve => (Verdict::Approve, Action::Approve, None),
        ReviewAction::EditApprove => {
            let edited = match (&decision.title, &decision.body, &item.fixed) {
                (title, Some(body), _) => TextFields {
                    title: title.clone().or_else(|| comment.title.clone()),
                    body: body.clone(),
                },
                (None, None, Some(fixed)) => fixed.clone(),
                (Some(title), None, fixed) => TextFields {
                    title: Some(title.clone()),
                    body: fixed
                        .as_ref()
                        .map_or_else(|| comment.body.clone(), |f| f.body.clone()),
                },
                (None, None, None) => {
                    return Err((
                        "missing-field",
                        "body",
                        "the engine proposed no repaired text: send the edited `body` (and `title`)"
                            .to_owned(),
                    ));
                }
            };
            (Verdict::Approve, Action::EditApprove, Some(edited))
        }
    };
    let engine_codes: Vec<&str> = item.violations.iter().map(|v| v.code.as_str()).collect();
    let confirms_engine = decision.action == ReviewAction::Reject
        && item.automated_detection
        && decision
            .codes
            .iter()
            .all(|c| engine_codes.contains(&c.as_str()));
    Ok(DecisionRecord {
        id: new_decision_id(),
        root: item.root.clone(),
        follows: Some(item.id.clone()),
        stage: Stage::Review,
        comment: comment.clone(),
        content_date: item.content_date,
        submitted_at: item.submitted_at,
        decided_at: now,
        verdict,
        action,
        violations,
        ruleset: ruleset_ref(set),
        policy_versions: policy_versions(compiled, &comment.lang),
        decided_by: moderator.to_owned(),
        automated_decision: if confirms_engine {
            AutomatedDecision::Partially
        } else {
            AutomatedDecision::NotAutomated
        },
        automated_detection: item.automated_detection,
        note: decision.note.clone().filter(|n| !n.trim().is_empty()),
        fixed: item.fixed.clone(),
        edited,
        appeal_text: None,
    })
}

/// The violations of `code` a rejection cites: the engine's spans of that code, or one
/// span-less violation when the engine did not find it.
fn cited(
    compiled: &Compiled,
    set: &davar_moderation::RuleSet,
    item: &DecisionRecord,
    code: &str,
    message: &Messages,
    severity: Severity,
) -> Vec<RecordedViolation> {
    let lang = &item.comment.lang;
    let found: Vec<RecordedViolation> = item
        .violations
        .iter()
        .filter(|v| v.code == code)
        .map(|v| RecordedViolation {
            clause: clause_ref(compiled, set, code, lang, None),
            ..v.clone()
        })
        .collect();
    if !found.is_empty() {
        return found;
    }
    vec![RecordedViolation {
        code: code.to_owned(),
        severity,
        field: None,
        start: None,
        end: None,
        text: None,
        message: message.clone(),
        clause: clause_ref(compiled, set, code, lang, None),
    }]
}
