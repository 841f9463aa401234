//! The statement of reasons (DSA Art. 17) for a decision, in the comment's language: what was
//! restricted, the facts (the offending text quoted by its span), the clauses relied on with
//! their published URL and version, how far automated means detected and decided it, and the
//! redress open to the author: the internal appeal with the deadline the dispute policy's own
//! obligation gives, out-of-court settlement and the courts. An appeal's outcome has its own
//! statement (upheld or reversed).

use std::collections::BTreeMap;

use davar_moderation::{Field, Kind, Severity};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};
use utoipa::ToSchema;

use super::appeal::is_lodged;
use super::current::{CurrentDecision, following, stands_now};
use super::phrases::Phrases;
use super::published::{
    APPEAL_CLOSED, APPEAL_DECIDED, APPEAL_RECEIVED, DECISION_NOTIFIED, Promise, Published, rfc3339,
};
use crate::decision::{
    Action, AppealVerdict, AutomatedDecision, CommentSnapshot, DecisionRecord, RecordedViolation,
    Stage, TextFields,
};
use davar_policy::model::PolicyVersion;

/// A statement of reasons, as `GET /v1/decisions/{id}/statement` answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Statement {
    /// The decision it explains.
    pub decision_id: String,
    /// Language of the statement: the comment's (fa, en, fr, de), else English.
    pub lang: String,
    /// A restriction, or the outcome of an appeal.
    pub kind: StatementKind,
    /// One line for a message subject.
    pub subject: String,
    /// The comment concerned (no author, no text beyond the quoted spans).
    pub comment: StatedComment,
    /// When the decision was taken (RFC 3339, site time zone).
    pub decided_at: String,
    /// The facts: each violation the decision rests on, with the offending text. For an
    /// appeal reversed with edits, the violations of the contested decision the edits remove.
    pub facts: Vec<Fact>,
    /// The violations of each rule code the decision rests on beyond the facts listed (a
    /// record lists at most 10 of each code and counts the others); the text says "and N
    /// more" after them. Left out when every one is listed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub omitted_facts: BTreeMap<String, usize>,
    /// For a comment published with parts removed or changed (a moderator's edit, the engine's
    /// repair removing content, or an appeal decided with edits): what the published text
    /// changed, span by span of the original.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// The clauses relied on, each once.
    pub grounds: Vec<Ground>,
    /// Whether automated means detected the content.
    pub automated_detection: bool,
    /// Whether automated means took the decision.
    pub automated_decision: AutomatedDecision,
    /// What the author can do about it.
    pub redress: Redress,
    /// For an appeal's outcome: the appeal and the decision it contested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal: Option<AppealOutcome>,
    /// For a restriction a later record of its chain has changed: appealed, upheld on appeal,
    /// lifted, or replaced. The internal appeal is then no longer offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    /// The whole statement for the author, paragraph by paragraph, in `lang`.
    pub text: Vec<String>,
}

/// What a statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    /// The comment was not published (engine or moderator), or it was published with parts
    /// removed or changed on the grounds of the rules, by a moderator's edit or by the
    /// engine's repair that removes content (`changes` lists them).
    Restriction,
    /// An appeal was decided and the restriction stands.
    AppealUpheld,
    /// An appeal was decided and the restriction was lifted.
    AppealReversed,
}

/// The comment a statement concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StatedComment {
    /// The storefront's comment id, if it sent one.
    pub id: Option<String>,
    /// `review`, `question` or `answer`.
    #[schema(value_type = String)]
    pub kind: Kind,
    /// Product id, if sent.
    pub product: Option<String>,
    /// When the comment was posted (RFC 3339).
    pub content_date: String,
}

/// One fact: a violation and the text it was found in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Fact {
    /// Rule code.
    pub code: String,
    /// Field of the span, when the engine located it.
    #[schema(value_type = Option<String>)]
    pub field: Option<Field>,
    /// Span start (code points of the field).
    pub start: Option<usize>,
    /// Span end (exclusive).
    pub end: Option<usize>,
    /// The offending text.
    pub quote: Option<String>,
    /// The rule set's explanation.
    pub explanation: String,
    /// Language of `explanation`: the comment's when the rule set has the message in it, else
    /// `en`.
    pub explanation_lang: String,
}

/// One change an edit made to the author's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Change {
    /// The field changed.
    #[schema(value_type = String)]
    pub field: Field,
    /// Start of the changed span in the original field (code points).
    pub start: usize,
    /// End of the changed span (exclusive); `start` for text only added.
    pub end: usize,
    /// The original text of the span (empty when text was only added).
    pub removed: String,
    /// What the published text has instead (empty when the span was removed).
    pub inserted: String,
}

/// A clause relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Ground {
    /// Document id (`terms`).
    pub doc: String,
    /// Document title in `lang`.
    pub title: Option<String>,
    /// Version in force when the decision was taken.
    pub version: Option<u32>,
    /// Clause id.
    pub clause: String,
    /// The clause's heading in `lang`.
    pub heading: Option<String>,
    /// Absolute URL of the clause in that version.
    pub url: Option<String>,
    /// Language of the cited text: the comment's when the version is published in it, else
    /// English, else the language the record cites.
    pub lang: Option<String>,
}

/// The redress open to the author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Redress {
    /// The internal appeal (`None` after an appeal's outcome: the internal procedure is over).
    pub appeal: Option<AppealRoute>,
    /// Where the out-of-court settlement route is published (the dispute policy's page).
    pub out_of_court: Option<String>,
    /// The courts stay open in every case.
    pub courts: bool,
}

/// How and until when the author can appeal, from the dispute policy's obligations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AppealRoute {
    /// The document stating the appeal window (`dispute-policy`).
    pub doc: String,
    /// Its version that applies to this decision.
    pub version: u32,
    /// Absolute URL of the clause stating the window.
    pub url: String,
    /// The window as the obligation states it (`at-least: 180 days`).
    pub window: String,
    /// The last instant an appeal is taken (RFC 3339), when it could be counted.
    pub open_until: Option<String>,
    /// The time zone `open_until` is counted and written in (IANA name): the dispute policy's
    /// calendar's, else the site's.
    pub time_zone: Option<String>,
    /// Why `open_until` is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How fast appeals are decided (`within: 10 working days`), when the policy promises it.
    pub decided_within: Option<String>,
    /// Absolute URL of the clause promising it.
    pub decided_within_url: Option<String>,
    /// Why `decided_within` is missing: the version that applies states no time for deciding
    /// appeals (the statement's text says so too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_within_note: Option<String>,
}

/// The appeal an outcome statement answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AppealOutcome {
    /// The record that lodged the appeal.
    pub appeal_id: String,
    /// When it was received (RFC 3339).
    pub received_at: String,
    /// The decision contested.
    pub contested_decision: String,
}

/// Where a restriction stands after a later record of its chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Standing {
    /// What happened.
    pub status: StandingStatus,
    /// The record that changed it: the appeal's outcome, the lodged appeal still waiting, or
    /// the decision that followed.
    pub decision_id: String,
    /// When that record was taken (RFC 3339, site time zone).
    pub at: String,
    /// When the author's appeal was received, if the change came through one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal_received_at: Option<String>,
    /// The statement of reasons of the record that changed it
    /// (`/v1/decisions/{id}/statement`), when that record has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
}

/// What became of a restriction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StandingStatus {
    /// The author appealed; the appeal waits for a person.
    Appealed,
    /// The appeal was decided and the restriction stands.
    Upheld,
    /// The restriction was lifted (on appeal or by a moderator): the comment is published.
    Lifted,
    /// The appeal was decided by publishing the comment with a moderator's changes: the
    /// restriction gave way to the outcome's own, which its statement describes.
    Amended,
    /// A later decision that restricts the comment took this one's place.
    Replaced,
}

/// The later record of `chain` that changed where restriction `record` stands, if any.
fn standing_of<'c>(
    chain: &'c [DecisionRecord],
    record: &DecisionRecord,
) -> Option<(
    StandingStatus,
    &'c DecisionRecord,
    Option<&'c DecisionRecord>,
)> {
    let following = |id: &str| following(chain, id);
    let next = following(&record.id)?;
    if is_lodged(next) {
        return Some(match following(&next.id) {
            None => (StandingStatus::Appealed, next, Some(next)),
            Some(outcome) if upholds(record, outcome) => {
                (StandingStatus::Upheld, outcome, Some(next))
            }
            Some(outcome) if outcome.action == Action::EditApprove => {
                (StandingStatus::Amended, outcome, Some(next))
            }
            Some(outcome) => (StandingStatus::Lifted, outcome, Some(next)),
        });
    }
    Some(match next.action {
        Action::Approve | Action::Fix | Action::EditApprove => (StandingStatus::Lifted, next, None),
        Action::Reject | Action::Queue => (StandingStatus::Replaced, next, None),
    })
}

/// Why a record has no statement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoStatement {
    /// The record is not in the chain given.
    #[error("decision {0} is not in its chain")]
    Missing(String),
    /// The decision restricts nothing (published as written or with repairs of form only,
    /// queued, an appeal waiting).
    #[error(
        "decision {id} restricts nothing (action `{action}`, stage `{stage}`): statements of reasons are given for rejections, publications with parts removed or changed under the rules, and appeal outcomes"
    )]
    NotARestriction {
        /// The record.
        id: String,
        /// Its action.
        action: &'static str,
        /// Its stage.
        stage: &'static str,
    },
    /// The record restricts nothing and a later decision took its place (a moderator decided
    /// the queued comment, or an appeal was decided).
    #[error("decision {id} has no statement of reasons and a later decision took its place: {}", current.sentence())]
    Superseded {
        /// The record.
        id: String,
        /// The decision that stands.
        current: CurrentDecision,
    },
}

/// Whether `record` gets a statement: a restriction ([`restricts`]) or an appeal's outcome.
pub fn has_statement(record: &DecisionRecord) -> bool {
    match record.stage {
        Stage::Engine | Stage::Review => restricts(record),
        Stage::Appeal => record.action != Action::Queue,
    }
}

/// Whether a first decision (the engine's, or a moderator's on a queued comment) restricts
/// the comment: a rejection, or a publication with parts removed or changed on the grounds of
/// the rules ([`removes_parts`]).
pub fn restricts(record: &DecisionRecord) -> bool {
    record.stage != Stage::Appeal && (record.action == Action::Reject || removes_parts(record))
}

/// Whether `record` publishes the comment with parts removed or changed on the grounds of the
/// rules (DSA Art. 17(1)(a): a restriction of part of the content). The published text differs
/// from the author's and the decision rests on something other than a repair of form: a
/// violation of severity `review` or `reject`, a code a moderator cited, or a repair that
/// removes content ([`RecordedViolation::removes_content`]: `style/emoji` deletes emoji, which
/// carry the author's meaning). The engine's `fix` that applied only repairs of form (spacing,
/// letter forms, repeated characters) is never one; one that applied a repair removing content
/// is; a moderator's `edit-approve` records the violations its changes remove
/// ([`crate::decision::review::moderator_record`]) and is one whenever they include such a
/// violation.
pub fn removes_parts(record: &DecisionRecord) -> bool {
    published_text(record).is_some_and(|text| {
        (text.title.as_ref() != record.comment.title.as_ref() || text.body != record.comment.body)
            && !grounding(record).is_empty()
    })
}

/// The text `record` publishes other than the author's: the engine's repair (`fix`) or a
/// moderator's edit (`edit-approve`).
pub fn published_text(record: &DecisionRecord) -> Option<&TextFields> {
    match record.action {
        Action::Fix => record.fixed.as_ref(),
        Action::EditApprove => record.edited.as_ref(),
        Action::Approve | Action::Queue | Action::Reject => None,
    }
}

/// Whether `outcome`, the decision on an appeal against `contested`, upheld it: as the outcome
/// records it (`appeal_outcome`), else as [`same_outcome`] reads the two records.
pub fn upholds(contested: &DecisionRecord, outcome: &DecisionRecord) -> bool {
    match outcome.appeal_outcome {
        Some(verdict) => verdict == AppealVerdict::Upheld,
        None => same_outcome(contested, outcome),
    }
}

/// Whether `outcome`, the decision on an appeal against `contested`, leaves the contested
/// restriction standing: a rejection stays a rejection; a publication with parts removed (a
/// moderator's edit, or the engine's repair removing content) stays when the outcome publishes
/// the same text again; publishing the author's text, or another edit, reverses it.
pub fn same_outcome(contested: &DecisionRecord, outcome: &DecisionRecord) -> bool {
    match published_text(contested) {
        Some(text) => {
            outcome.action == Action::EditApprove && outcome.edited.as_ref() == Some(text)
        }
        None => outcome.action == Action::Reject,
    }
}

/// The first field in which `outcome` removes part of the author's text (`comment`) that
/// `contested`, an earlier edit of it, kept: the characters of the author's text that survive
/// in `contested` (their longest common subsequence, as [`similar`] aligns them) must all
/// survive, in order, in `outcome`. Text the edit inserted (a placeholder) may go.
pub fn removes_more(
    comment: &CommentSnapshot,
    contested: &TextFields,
    outcome: &TextFields,
) -> Option<Field> {
    let fields = [
        (
            Field::Title,
            comment.title.as_deref().unwrap_or_default(),
            contested.title.as_deref().unwrap_or_default(),
            outcome.title.as_deref().unwrap_or_default(),
        ),
        (
            Field::Body,
            comment.body.as_str(),
            contested.body.as_str(),
            outcome.body.as_str(),
        ),
    ];
    fields
        .into_iter()
        .find_map(|(field, original, contested, outcome)| {
            let kept = TextDiff::from_chars(original, contested);
            let mut rest = outcome.chars();
            let all_kept = kept
                .iter_all_changes()
                .filter(|c| c.tag() == ChangeTag::Equal)
                .flat_map(|c| c.value().chars().collect::<Vec<_>>())
                .all(|k| rest.any(|c| c == k));
            (!all_kept).then_some(field)
        })
}

/// The violations of each code `record` rests on ([`grounding`]) beyond those it lists
/// (its `omitted_violations` of those codes).
pub fn omitted_of(record: &DecisionRecord) -> impl Iterator<Item = (&str, usize)> {
    let relied: Vec<&str> = grounding(record).iter().map(|v| v.code.as_str()).collect();
    record
        .omitted_violations
        .iter()
        .filter(move |(code, _)| relied.contains(&code.as_str()))
        .map(|(code, n)| (code.as_str(), *n))
}

/// The violations a restriction rests on: for the engine's record those stricter than a
/// repair, and the repairs that remove content when it published its repair (its hints and
/// its repairs of form restrict nothing; a rejection rests on those of severity `reject`); for
/// a person's, the codes they chose or the violations their edit removed.
pub fn grounding(record: &DecisionRecord) -> Vec<&RecordedViolation> {
    let all = record.violations.iter();
    match (record.stage, record.action) {
        (Stage::Engine, Action::Reject) => all.filter(|v| v.severity == Severity::Reject).collect(),
        (Stage::Engine, action) => all
            .filter(|v| {
                v.severity > Severity::Fix
                    || (action == Action::Fix
                        && v.severity == Severity::Fix
                        && v.removes_content
                        && record.fixed.is_some())
            })
            .collect(),
        (Stage::Review | Stage::Appeal, _) => all.collect(),
    }
}

/// The statement of record `id` of `chain` (every record of one comment, any order).
pub fn statement(
    published: &Published<'_>,
    chain: &[DecisionRecord],
    id: &str,
) -> Result<Statement, NoStatement> {
    let find = |id: &str| chain.iter().find(|r| r.id == id);
    let record = find(id).ok_or_else(|| NoStatement::Missing(id.to_owned()))?;
    if !has_statement(record) {
        let current = stands_now(chain, record);
        if current.id != record.id {
            return Err(NoStatement::Superseded {
                id: id.to_owned(),
                current: CurrentDecision::of(current),
            });
        }
        return Err(NoStatement::NotARestriction {
            id: id.to_owned(),
            action: record.action.as_str(),
            stage: record.stage.as_str(),
        });
    }
    let phrases = Phrases::of(&record.comment.lang);
    let appeal = match record.stage {
        Stage::Appeal => {
            let lodged = record.follows.as_deref().and_then(find);
            let contested = lodged.and_then(|l| l.follows.as_deref()).and_then(find);
            lodged.zip(contested)
        }
        _ => None,
    };
    let kind = match appeal {
        None => StatementKind::Restriction,
        Some((_, contested)) if upholds(contested, record) => StatementKind::AppealUpheld,
        Some(_) => StatementKind::AppealReversed,
    };
    // A text published with a moderator's edit, or with the engine's repair removing content,
    // restricts part of it: the changes, and the violations they remove (recorded with the
    // decision; for an appeal's outcome recorded without them, those of the contested
    // decision, carried by the lodged appeal, that the changes touch).
    let changes = published_text(record)
        .filter(|_| record.action == Action::EditApprove || removes_parts(record))
        .map(|text| changes(&record.comment.title, &record.comment.body, text))
        .unwrap_or_default();
    let edit_grounds = match appeal {
        Some((lodged, contested)) if !changes.is_empty() && record.violations.is_empty() => {
            Some(edit_grounds(lodged, contested, &changes))
        }
        _ => None,
    };
    let reversed_outright = kind == StatementKind::AppealReversed && changes.is_empty();
    // The record whose violations are the facts: the edits' grounds, none for an appeal
    // reversed outright, else the decision's own.
    let grounded = match (&edit_grounds, reversed_outright) {
        (Some(lodged), _) => Some(lodged),
        (None, true) => None,
        (None, false) => Some(record),
    };
    let facts = grounded.map_or_else(Vec::new, |r| {
        grounding(r).into_iter().map(|v| fact(phrases, v)).collect()
    });
    let omitted_facts = grounded.map_or_else(BTreeMap::new, |r| {
        omitted_of(r).map(|(c, n)| (c.to_owned(), n)).collect()
    });
    let grounds = grounded.map_or_else(Vec::new, |r| grounds(published, r));
    let standing = match kind {
        StatementKind::Restriction => standing_of(chain, record),
        _ => None,
    };
    let redress = redress(
        published,
        record,
        kind == StatementKind::Restriction && standing.is_none(),
    );
    let mut statement = Statement {
        decision_id: record.id.clone(),
        lang: phrases.lang.to_owned(),
        kind,
        subject: String::new(),
        comment: StatedComment {
            id: record.comment.id.clone(),
            kind: record.comment.kind,
            product: record.comment.product.clone(),
            content_date: rfc3339(&published.zoned(record.content_date)),
        },
        decided_at: rfc3339(&published.zoned(record.decided_at)),
        facts,
        omitted_facts,
        changes,
        grounds,
        automated_detection: record.automated_detection,
        automated_decision: record.automated_decision,
        redress,
        appeal: appeal.map(|(lodged, contested)| AppealOutcome {
            appeal_id: lodged.id.clone(),
            received_at: rfc3339(&published.zoned(lodged.decided_at)),
            contested_decision: contested.id.clone(),
        }),
        standing: standing.map(|(status, by, appeal)| Standing {
            status,
            decision_id: by.id.clone(),
            at: rfc3339(&published.zoned(by.decided_at)),
            appeal_received_at: appeal.map(|a| rfc3339(&published.zoned(a.decided_at))),
            statement: CurrentDecision::of(by).statement,
        }),
        text: Vec::new(),
    };
    let (subject, text) = super::statement_text::render(
        published,
        phrases,
        record,
        appeal.map(|(l, c)| (l.decided_at, c.decided_at)),
        &statement,
    );
    statement.subject = subject;
    statement.text = text;
    Ok(statement)
}

/// The changes from the original `title` and `body` to `edited`, word by word, each run of
/// changed words one change with its span in the original (code points).
pub fn changes(title: &Option<String>, body: &str, edited: &TextFields) -> Vec<Change> {
    let mut out = Vec::new();
    let fields = [
        (
            Field::Title,
            title.as_deref().unwrap_or_default(),
            edited.title.as_deref().unwrap_or_default(),
        ),
        (Field::Body, body, edited.body.as_str()),
    ];
    for (field, old, new) in fields {
        let diff = TextDiff::from_words(old, new);
        let mut at = 0;
        let mut open: Option<Change> = None;
        for change in diff.iter_all_changes() {
            let value = change.value();
            match change.tag() {
                ChangeTag::Equal => {
                    out.extend(open.take());
                    at += value.chars().count();
                }
                ChangeTag::Delete => {
                    let c = open.get_or_insert_with(|| Change {
                        field,
                        start: at,
                        end: at,
                        removed: String::new(),
                        inserted: String::new(),
                    });
                    c.removed.push_str(value);
                    at += value.chars().count();
                    c.end = at;
                }
                ChangeTag::Insert => {
                    open.get_or_insert_with(|| Change {
                        field,
                        start: at,
                        end: at,
                        removed: String::new(),
                        inserted: String::new(),
                    })
                    .inserted
                    .push_str(value);
                }
            }
        }
        out.extend(open);
    }
    out
}

/// The lodged appeal `lodged` against `contested` keeping only the violations the edits
/// touched ([`touched_or_all`]). It takes the contested decision's stage and action, so that
/// [`grounding`] reads the violations as that decision does (the engine's hints and repairs of
/// form ground nothing).
fn edit_grounds(
    lodged: &DecisionRecord,
    contested: &DecisionRecord,
    changes: &[Change],
) -> DecisionRecord {
    DecisionRecord {
        violations: touched_or_all(lodged.violations.iter().collect(), changes)
            .into_iter()
            .cloned()
            .collect(),
        stage: contested.stage,
        action: contested.action,
        fixed: contested.fixed.clone(),
        ..lodged.clone()
    }
}

/// Of `violations`, those an edit making `changes` touched: those whose span overlaps a change
/// of the same field, or all of them when none has a span that does (a person's finding has no
/// span: the edit applies the grounds it was queued on).
pub fn touched_or_all<'v>(
    violations: Vec<&'v RecordedViolation>,
    changes: &[Change],
) -> Vec<&'v RecordedViolation> {
    let some: Vec<&RecordedViolation> = violations
        .iter()
        .copied()
        .filter(|v| touched(v, changes))
        .collect();
    if some.is_empty() { violations } else { some }
}

/// Whether one of `changes` overlaps the span of `v` (an empty span or change counts as one
/// code point wide); a violation without a span (a person's finding) is touched by none.
pub fn touched(v: &RecordedViolation, changes: &[Change]) -> bool {
    match (v.field, v.start, v.end) {
        (Some(field), Some(start), Some(end)) => changes.iter().any(|c| {
            c.field == field && c.start < end.max(start + 1) && start < c.end.max(c.start + 1)
        }),
        _ => false,
    }
}

fn fact(phrases: &Phrases, v: &RecordedViolation) -> Fact {
    let lang = match phrases.lang {
        "fa" => "fa",
        "fr" if v.message.fr.is_some() => "fr",
        "de" if v.message.de.is_some() => "de",
        _ => "en",
    };
    let explanation = v.message.in_lang(lang).to_owned();
    Fact {
        code: v.code.clone(),
        field: v.field,
        start: v.start,
        end: v.end,
        quote: v.text.clone(),
        explanation,
        explanation_lang: lang.to_owned(),
    }
}

/// The clauses `record` relies on, each once, in the order of its violations.
pub fn grounds(published: &Published<'_>, record: &DecisionRecord) -> Vec<Ground> {
    let mut out: Vec<Ground> = Vec::new();
    for violation in grounding(record) {
        let Some(clause) = &violation.clause else {
            continue;
        };
        // The author's language when the version is published in it, else English (as the
        // moderation response links it), else the language the record cites.
        let found = clause.version.and_then(|n| {
            [record.comment.lang.as_str(), "en"]
                .into_iter()
                .find_map(|lang| published.clause_in(&clause.doc, lang, n, &clause.clause))
                .or_else(|| {
                    let recorded = clause.lang.as_deref().unwrap_or(&record.comment.lang);
                    published.clause(&clause.doc, recorded, n, &clause.clause)
                })
        });
        let ground = Ground {
            doc: clause.doc.clone(),
            title: found.map(|(v, _)| v.title.clone()),
            version: clause.version,
            clause: clause.clause.clone(),
            heading: found.map(|(_, c)| c.heading.clone()),
            url: match found {
                Some((v, _)) => Some(published.clause_url(v, &clause.clause)),
                None => clause.url.as_deref().map(|u| published.absolute(u)),
            },
            lang: found
                .map(|(v, _)| v.lang.clone())
                .or_else(|| clause.lang.clone()),
        };
        if !out.iter().any(|g| {
            g.doc == ground.doc && g.clause == ground.clause && g.version == ground.version
        }) {
            out.push(ground);
        }
    }
    out
}

fn redress(published: &Published<'_>, record: &DecisionRecord, can_appeal: bool) -> Redress {
    let lang = &record.comment.lang;
    let versions = &record.policy_versions;
    let decide = published.promise(
        APPEAL_RECEIVED,
        APPEAL_DECIDED,
        lang,
        versions,
        record.decided_at,
    );
    let recorded = published.promise(
        DECISION_NOTIFIED,
        APPEAL_CLOSED,
        lang,
        versions,
        record.decided_at,
    );
    let out_of_court = recorded
        .as_ref()
        .or(decide.as_ref())
        .map(|p| published.version_url(p.version));
    let appeal = recorded.filter(|_| can_appeal).map(|recorded| {
        let (version, clause, window, due) =
            match published.window_end(recorded.clone(), record.decided_at) {
                Ok(end) => (end.version, end.clause, end.window, Ok(end.until)),
                Err(why) => (
                    recorded.version,
                    recorded.obligation.clause.clone(),
                    recorded.obligation.limit.to_string(),
                    Err(why),
                ),
            };
        let decided = decide_promise(published, decide.as_ref(), version);
        AppealRoute {
            doc: version.id.clone(),
            version: version.version,
            url: published.clause_url(version, &clause),
            window,
            open_until: due.as_ref().ok().map(rfc3339),
            time_zone: due
                .as_ref()
                .ok()
                .and_then(|z| z.time_zone().iana_name().map(str::to_owned)),
            note: due.err(),
            decided_within: decided.as_ref().map(|d| d.obligation.limit.to_string()),
            decided_within_url: decided
                .as_ref()
                .map(|d| published.clause_url(d.version, &d.obligation.clause)),
            decided_within_note: decided.is_none().then(|| {
                format!(
                    "{} v{} states no time within which appeals are decided (no obligation from `{APPEAL_RECEIVED}` to `{APPEAL_DECIDED}`)",
                    version.id, version.version
                )
            }),
        }
    });
    Redress {
        appeal,
        out_of_court,
        courts: true,
    }
}

/// How fast appeals are decided, for an appeal route whose window `version` (of the dispute
/// policy) states: the obligation from `appeal.received` to `appeal.decided` of that version,
/// else `recorded`, the one another document recorded with the decision states. `None` when
/// the version that applies states none.
pub(crate) fn decide_promise<'a>(
    published: &Published<'a>,
    recorded: Option<&Promise<'a>>,
    version: &'a PolicyVersion,
) -> Option<Promise<'a>> {
    published
        .promise_in(version, APPEAL_RECEIVED, APPEAL_DECIDED)
        .or_else(|| recorded.filter(|d| d.version.id != version.id).cloned())
}

/// When `record`'s appeal window closes ([`Published::appeal_window`]), if its dispute policy
/// states one that can be counted: `Ok(None)` when no policy states a window.
pub fn appeal_open_until(
    published: &Published<'_>,
    record: &DecisionRecord,
) -> Result<Option<Timestamp>, String> {
    match published.appeal_window(
        &record.comment.lang,
        &record.policy_versions,
        record.decided_at,
    ) {
        None => Ok(None),
        Some(end) => end.map(|end| Some(end.until.timestamp())),
    }
}
