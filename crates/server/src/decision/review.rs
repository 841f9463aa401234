//! A moderator's decision on a queued item, as a record that follows the item's record.
//!
//! A decision is checked in three steps: on its own ([`check_decision`]: note and edit within
//! the field limit, codes only for a rejection and each once), against the item
//! ([`proposed_edit`]: the text an `edit-approve` would publish), and, for an edit, against the
//! engine ([`judge_edit`]): the edited text is moderated again with the same rule set, and only
//! a clean edit or the engine's repair of it is published.

use davar_moderation::{Comment, Field, Messages, ModerationResult, Severity, Verdict};
use jiff::Timestamp;
use serde::Deserialize;
use utoipa::ToSchema;

use super::build::{clause_ref, configured, policy_versions, ruleset_ref};
use super::text::{has_visible, is_invisible, within_limit};
use super::{
    Action, AutomatedDecision, DecisionRecord, RecordedViolation, Stage, TextFields,
    new_decision_id,
};
use crate::compiled::Compiled;
use crate::compliance::statement::{changes, touched, touched_or_all};

/// What a moderator decided, as sent to `POST /v1/queue/{id}/decision`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModeratorDecision {
    /// `approve`, `reject` or `edit-approve`.
    pub action: ReviewAction,
    /// The rule codes the rejection rests on: at least one for `reject`, each a rule of the
    /// item's rule set (a code sent twice counts once); none for the other actions.
    #[serde(default)]
    pub codes: Vec<String>,
    /// A note kept with the record, at most the server's field limit (10,000 characters by
    /// default). Moderators and admins read it; authors (client keys) never do. A note of only
    /// spaces or invisible characters is no note.
    #[serde(default)]
    pub note: Option<String>,
    /// Edited title for `edit-approve` (default: the engine's repaired title, else the
    /// comment's); a title of only spaces or invisible characters removes it.
    #[serde(default)]
    pub title: Option<String>,
    /// Edited body for `edit-approve` (default: the engine's repaired body). The edit is
    /// moderated again with the item's rule set: it is refused (`422 edit-violates-rules`)
    /// when it has a violation of severity `reject`, or of severity `review` under a code the
    /// item was not queued for; the engine's style repairs are applied to it.
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

impl ReviewAction {
    /// The JSON name (`approve`, `reject`, `edit-approve`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewAction::Approve => "approve",
            ReviewAction::Reject => "reject",
            ReviewAction::EditApprove => "edit-approve",
        }
    }
}

/// Why a moderator's decision was refused: `(code, field, message)` for a 422 answer.
pub type Refusal = (&'static str, &'static str, String);

/// Checks `decision` on its own, `limit` being the server's field limit in characters: the
/// note, title and body within it, `title` and `body` only with `edit-approve`, `codes` only
/// with `reject`. Codes sent more than once are kept once, in the order first sent; a note
/// that shows nothing is dropped.
pub fn check_decision(decision: &mut ModeratorDecision, limit: usize) -> Result<(), Refusal> {
    for (field, text) in [
        ("note", &decision.note),
        ("title", &decision.title),
        ("body", &decision.body),
    ] {
        if let Some(text) = text {
            within_limit(field, text, limit).map_err(|m| ("field-too-long", field, m))?;
        }
    }
    if decision.note.as_deref().is_some_and(|n| !has_visible(n)) {
        decision.note = None;
    }
    let action = decision.action.as_str();
    if decision.action != ReviewAction::EditApprove {
        for (field, text) in [("title", &decision.title), ("body", &decision.body)] {
            if text.is_some() {
                return Err((
                    "invalid-field",
                    field,
                    format!(
                        "`{field}` is the text an `edit-approve` publishes; `{action}` takes none: use `edit-approve` to publish an edit"
                    ),
                ));
            }
        }
    }
    if decision.action != ReviewAction::Reject && !decision.codes.is_empty() {
        return Err((
            "invalid-field",
            "codes",
            format!(
                "`codes` name the rules a rejection rests on; `{action}` takes none: send `reject` with them, or leave them out"
            ),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    decision.codes.retain(|code| seen.insert(code.clone()));
    if let Some(body) = &decision.body
        && !has_visible(body)
    {
        return Err((
            "missing-field",
            "body",
            "the edited `body` shows nothing readable (no letter, digit, symbol or punctuation): send the text to publish, or reject the item"
                .to_owned(),
        ));
    }
    Ok(())
}

/// The text an `edit-approve` of `item` would publish: the `body` and `title` sent, each
/// defaulting to the engine's repair, else the comment's own. A title that shows nothing is
/// removed.
pub fn proposed_edit(
    item: &DecisionRecord,
    decision: &ModeratorDecision,
) -> Result<TextFields, Refusal> {
    let comment = &item.comment;
    let mut edited = match (&decision.title, &decision.body, &item.fixed) {
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
    if edited.title.as_deref().is_some_and(|t| !has_visible(t)) {
        edited.title = None;
    }
    Ok(edited)
}

/// The comment `item` is about with `edit` as its text: what the engine judges again.
pub fn edited_comment(item: &DecisionRecord, edit: &TextFields) -> Comment {
    let comment = &item.comment;
    Comment {
        id: comment.id.clone(),
        kind: comment.kind,
        title: edit.title.clone(),
        body: edit.body.clone(),
        product: comment.product.clone(),
        author: comment.author.clone(),
        lang: comment.lang.clone(),
    }
}

/// What an edit of `item` publishes, given `judged`, the engine's result on the edited text
/// ([`edited_comment`]) under the item's rule set. Refused when a violation still stands: any of
/// severity `reject`, any of severity `review` under a code the item was not queued for (the
/// moderator was asked to judge those, not new ones), and any `fix` the engine could not
/// repair. Otherwise the edit is published as sent, or as the engine repaired it.
pub fn judge_edit(
    item: &DecisionRecord,
    edit: TextFields,
    judged: &ModerationResult,
) -> Result<TextFields, Refusal> {
    let queued_for: Vec<&str> = item.violations.iter().map(|v| v.code.as_str()).collect();
    let standing: Vec<&davar_moderation::Violation> = judged
        .violations
        .iter()
        .filter(|v| match v.severity {
            Severity::Hint => false,
            Severity::Fix => judged.fixed.is_none(),
            Severity::Review => !queued_for.contains(&v.code.as_str()),
            Severity::Reject => true,
        })
        .collect();
    if let Some(first) = standing.first() {
        let listed: Vec<String> = standing
            .iter()
            .map(|v| {
                format!(
                    "`{}` ({}) in {} at {}..{}: «{}»",
                    v.code,
                    v.severity.as_str(),
                    field_name(v.field),
                    v.start,
                    v.end,
                    quote(&v.text)
                )
            })
            .collect();
        return Err((
            "edit-violates-rules",
            field_name(first.field),
            format!(
                "the edited text still breaks rules of {}: {}; change the edit and send it again, or reject the item",
                judged.ruleset,
                listed.join("; ")
            ),
        ));
    }
    Ok(match &judged.fixed {
        Some(fixed) => TextFields {
            title: fixed.title.clone(),
            body: fixed.body.clone(),
        },
        None => edit,
    })
}

/// The request field a violation's field was sent as.
fn field_name(field: Field) -> &'static str {
    match field {
        Field::Title => "title",
        Field::Body => "body",
    }
}

/// At most 40 characters of `text`, with `…` where the rest is left out, and invisible
/// characters other than the plain space written as `<U+202E>` (a quoted override must not
/// reorder the message around it).
fn quote(text: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c != ' ' && is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Refused unless a rejection citing `codes` rests on a rule stricter than a repair: one of
/// `cited`, the violations it cites ([`cited`]), has severity `review` or `reject`, as the
/// item's record holds it where the engine found the code (a repair that would have left a
/// field empty is held at `review`), else as `set` configures the rule.
fn rests_on_more_than_repairs(
    set: &davar_moderation::RuleSet,
    cited: &[RecordedViolation],
    codes: &[String],
) -> Result<(), Refusal> {
    if cited.iter().any(|v| v.severity > Severity::Fix) {
        return Ok(());
    }
    let cited = codes
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let stricter_codes = set
        .rules
        .iter()
        .filter(|r| r.severity > Severity::Fix)
        .map(|r| r.code.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Err((
        "invalid-field",
        "codes",
        format!(
            "a rejection rests on a rule stricter than a repair: {cited} only repair or hint in rule set {} and the engine publishes such text repaired; cite a rule of severity `review` or `reject` ({stricter_codes}), or publish with `approve` or `edit-approve`",
            set.id()
        ),
    ))
}

/// The record of `decision` by `moderator` on the item whose record is `item`. For an
/// `edit-approve`, `edited` is the text [`judge_edit`] accepted.
pub fn moderator_record(
    compiled: &Compiled,
    item: &DecisionRecord,
    moderator: &str,
    decision: &ModeratorDecision,
    edited: Option<TextFields>,
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
            rests_on_more_than_repairs(set, &violations, &decision.codes)?;
            (Verdict::Reject, Action::Reject, None)
        }
        ReviewAction::Approve => (Verdict::Approve, Action::Approve, None),
        ReviewAction::EditApprove => {
            let Some(edited) = edited else {
                return Err((
                    "missing-field",
                    "body",
                    "an edit is published only once the engine has judged it: send the edited `body`"
                        .to_owned(),
                ));
            };
            violations = edited_away(compiled, set, item, &edited);
            (Verdict::Approve, Action::EditApprove, Some(edited))
        }
    };
    // A rejection rests on every violation of the codes it cites: those the item's record
    // counted without listing them too. An edit publishing the engine's repair removes every
    // violation of the repairs that remove content, the counted ones too; another edit's record
    // lists the violations its changes touch, which only the listed ones can show.
    let counted = |keep: &dyn Fn(&str) -> bool| {
        item.omitted_violations
            .iter()
            .filter(|(code, _)| keep(code))
            .map(|(code, n)| (code.clone(), *n))
            .collect()
    };
    let omitted_violations = match decision.action {
        ReviewAction::Reject => counted(&|code| decision.codes.iter().any(|c| c == code)),
        ReviewAction::EditApprove if edited.as_ref() == Some(&repaired(item)) => counted(&|code| {
            violations
                .iter()
                .any(|v| v.code == code && v.removes_content)
        }),
        ReviewAction::Approve | ReviewAction::EditApprove => Default::default(),
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
        omitted_violations,
        ruleset: ruleset_ref(set),
        policy_versions: policy_versions(compiled, &comment.lang),
        decided_by: moderator.to_owned(),
        automated_decision: if confirms_engine {
            AutomatedDecision::Partially
        } else {
            AutomatedDecision::NotAutomated
        },
        automated_detection: item.automated_detection,
        note: decision.note.clone().filter(|n| has_visible(n)),
        fixed: item.fixed.clone(),
        edited,
        appeal_text: None,
        appeal_outcome: None,
    })
}

/// The violations of `item` an edit publishing `edited` removes or changes, which make the
/// edit a restriction of part of the comment: the engine's repairs that remove content
/// ([`RecordedViolation::removes_content`]) whose spans the edit changes (publishing the
/// engine's repair removes them too); and, when the edit publishes something other than the
/// engine's repair (or the author's text), the item's violations stricter than a repair
/// (severity `review` or `reject`, or a code a person cited) whose spans the edit changes, or
/// every one of them when the changes touch none (the moderator edited the comment on the
/// grounds it was queued for). Clauses are those in force now, as for a rejection.
fn edited_away(
    compiled: &Compiled,
    set: &davar_moderation::RuleSet,
    item: &DecisionRecord,
    edited: &TextFields,
) -> Vec<RecordedViolation> {
    let comment = &item.comment;
    let repaired = repaired(item);
    let changes = changes(&comment.title, &comment.body, edited);
    let touched = |v: &RecordedViolation| touched(v, &changes);
    let forbidden: Vec<&RecordedViolation> = if *edited == repaired {
        Vec::new()
    } else {
        touched_or_all(
            item.violations
                .iter()
                .filter(|v| v.severity > Severity::Fix || v.field.is_none())
                .collect(),
            &changes,
        )
    };
    item.violations
        .iter()
        .filter(|v| {
            forbidden.iter().any(|f| std::ptr::eq(*f, *v))
                || (v.severity == Severity::Fix && v.removes_content && touched(v))
        })
        .map(|v| RecordedViolation {
            clause: clause_ref(compiled, set, &v.code, &comment.lang, None),
            ..v.clone()
        })
        .collect()
}

/// The text the engine's repair of `item` publishes: its repair, else the comment as written.
fn repaired(item: &DecisionRecord) -> TextFields {
    item.fixed.clone().unwrap_or_else(|| TextFields {
        title: item.comment.title.clone(),
        body: item.comment.body.clone(),
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
        removes_content: configured(set, code).is_some_and(|r| r.removes_content),
    }]
}
