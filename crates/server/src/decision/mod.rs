//! The decision log's record: what was decided about one comment, by whom, how, under which
//! rules and clauses. Records are append-only: a moderator's decision on a queued comment, or
//! the outcome of an appeal, is a new record that `follows` an earlier one, never an update.
//! The first record of a chain (the engine's) is its `root`; the chain read in order is the
//! comment's history.
//!
//! Everything a statement of reasons (DSA Art. 17), a Transparency Database export (Art.
//! 24(5)), an appeal (Art. 20) or transparency figures (Art. 15/24) needs is in the record:
//! content and decision dates, the violations with the offending text, the clause URL and the
//! document, version and clause id in force, the rule set version, who decided and how far it
//! was automated.

pub mod build;
pub mod review;
pub mod text;

use std::collections::BTreeMap;

use davar_moderation::{Field, Kind, Messages, Severity, Verdict};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A new decision id: a UUIDv7 (time-ordered, so ids sort by creation), lower-case hyphenated.
pub fn new_decision_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Whether `text` has the shape of a decision id (a UUID), before a store is asked.
pub fn is_decision_id(text: &str) -> bool {
    uuid::Uuid::try_parse(text).is_ok()
}

/// The `decided_by` of records the engine made.
pub const ENGINE: &str = "engine";

/// The `decided_by` of a record lodging an author's appeal.
pub const AUTHOR: &str = crate::compliance::appeal::APPELLANT;

/// The `decided_by` an author's view shows for any person's decision (never their id), and the
/// name decisions are signed with when the server runs without API keys.
pub const MODERATOR: &str = "moderator";

/// The `decided_by` of decisions taken with an admin key that has no name.
pub const ADMIN: &str = "admin";

/// Names that stand for a kind of decider rather than a person: no moderator may sign with
/// one, in any letter case, or their decisions would read as the engine's, an author's appeal,
/// or an anonymous moderator's or admin's.
pub const RESERVED_NAMES: [&str; 4] = [ENGINE, AUTHOR, MODERATOR, ADMIN];

/// Whether `name` is one of [`RESERVED_NAMES`], ignoring letter case.
pub fn is_reserved_name(name: &str) -> bool {
    RESERVED_NAMES.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// The decision that stands for a comment: the last record of its `chain` (oldest first)
/// other than an appeal waiting for a person (the contested decision stands until the appeal
/// is decided). `None` for an empty chain.
pub fn standing(chain: &[DecisionRecord]) -> Option<&DecisionRecord> {
    chain
        .iter()
        .rev()
        .find(|r| !(r.stage == Stage::Appeal && r.action == Action::Queue))
}

/// One record of the decision log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DecisionRecord {
    /// This record's id (UUIDv7): the `decision_id` of the moderation response for the first
    /// record, and the Transparency Database's `puid`.
    pub id: String,
    /// The first record of the chain (equal to `id` for the first one).
    pub root: String,
    /// The record this one follows (the engine's decision a moderator reviewed, the decision
    /// an appeal contests); `None` for the first record.
    pub follows: Option<String>,
    /// What produced this record.
    pub stage: Stage,
    /// The comment as it was submitted.
    pub comment: CommentSnapshot,
    /// When the comment was posted (`created_at`/`content_date` of the request, else the
    /// submission time).
    #[schema(value_type = String, format = DateTime)]
    pub content_date: Timestamp,
    /// When the comment reached davar.
    #[schema(value_type = String, format = DateTime)]
    pub submitted_at: Timestamp,
    /// When this decision was taken (and took effect).
    #[schema(value_type = String, format = DateTime)]
    pub decided_at: Timestamp,
    /// The verdict this record amounts to: the engine's verdict for the first record; `approve`
    /// or `reject` for a person's decision.
    #[schema(value_type = String)]
    pub verdict: Verdict,
    /// What happens to the comment.
    pub action: Action,
    /// Every violation the decision rests on. The engine's record lists all the engine found
    /// (hints included); a moderator's rejection lists the codes the moderator chose, with the
    /// engine's spans where the engine found the same code.
    pub violations: Vec<RecordedViolation>,
    /// Violations the decision rests on that `violations` does not list, counted per rule code.
    /// A record lists at most [`build::STORED_PER_CODE`] violations of each code, the first ones
    /// in the engine's order, and counts the others here: a text with thousands of matches of
    /// one pattern makes a record of bounded size that still says how many there were. Empty
    /// (and left out of the JSON) when every violation is listed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub omitted_violations: BTreeMap<String, usize>,
    /// The rule set that judged the comment.
    pub ruleset: RuleSetRef,
    /// Version in force of every policy document, in the comment's language (or the language
    /// its clause URLs fall back to), on the date the rules were compiled for.
    pub policy_versions: BTreeMap<String, u32>,
    /// `engine`, `author` (a record lodging an appeal), or the moderator's id (from the keys
    /// file). Client keys read `moderator` instead of the id.
    pub decided_by: String,
    /// How far the decision was automated.
    pub automated_decision: AutomatedDecision,
    /// Whether the content was detected by automated means (the engine flagged it).
    pub automated_detection: bool,
    /// The moderator's note, if any: private to moderators and admins (client keys read
    /// `null`).
    pub note: Option<String>,
    /// The engine's repaired text, when it proposed one.
    pub fixed: Option<TextFields>,
    /// The text published instead of the original (edit-and-approve).
    pub edited: Option<TextFields>,
    /// The author's appeal, on the record that lodges one (stage `appeal`, action `queue`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_text: Option<String>,
    /// On an appeal's outcome: `upheld` (the comment keeps the contested decision's outcome: a
    /// rejection again, or the same text published) or `reversed`. Left out on other records;
    /// an outcome recorded without it is read against the contested decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_outcome: Option<AppealVerdict>,
}

/// What an appeal's outcome did to the decision it contested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AppealVerdict {
    /// The contested decision stands: the same outcome.
    Upheld,
    /// The contested decision was lifted or changed.
    Reversed,
}

impl DecisionRecord {
    /// The record as its author (and the storefront acting for them, with a client key) sees
    /// it: a person's decision is signed [`MODERATOR`] instead of the moderator's id, and the
    /// moderator's private `note` is left out. Everything else, the reasons included, is kept.
    pub fn author_view(self) -> DecisionRecord {
        let decided_by = if self.decided_by == ENGINE || self.decided_by == AUTHOR {
            self.decided_by
        } else {
            MODERATOR.to_owned()
        };
        DecisionRecord {
            decided_by,
            note: None,
            ..self
        }
    }
}

/// Where a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// The engine, when the comment was submitted.
    Engine,
    /// A moderator deciding a queued comment.
    Review,
    /// An appeal against an earlier record: with action `queue` the appeal as lodged (waiting
    /// for a person), otherwise its outcome.
    Appeal,
}

/// What a decision does to the comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Published as submitted.
    Approve,
    /// Published with the engine's style repairs (`fixed`).
    Fix,
    /// Held back until a moderator decides (in the review queue).
    Queue,
    /// Not published.
    Reject,
    /// Published with a moderator's edit (`edited`).
    EditApprove,
}

impl Action {
    /// The JSON name (`approve`, `fix`, `queue`, `reject`, `edit-approve`).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Approve => "approve",
            Action::Fix => "fix",
            Action::Queue => "queue",
            Action::Reject => "reject",
            Action::EditApprove => "edit-approve",
        }
    }

    /// Whether the action restricts the comment (a statement of reasons is due).
    pub fn restricts(self) -> bool {
        matches!(self, Action::Reject | Action::Queue)
    }
}

/// The Transparency Database's `automated_decision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AutomatedDecision {
    /// Nobody looked at it: the engine decided.
    Fully,
    /// A moderator confirmed what the engine found (same codes, same outcome).
    Partially,
    /// A moderator decided otherwise, or alone.
    NotAutomated,
}

impl Stage {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Engine => "engine",
            Stage::Review => "review",
            Stage::Appeal => "appeal",
        }
    }
}

/// The comment a record is about, as submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CommentSnapshot {
    /// The storefront's comment id (idempotency key of retries), if sent.
    pub id: Option<String>,
    /// Review, question or answer.
    #[schema(value_type = String)]
    pub kind: Kind,
    /// Storefront language (`fa`, `en`, `fr`, `de`): the language of the statement of reasons.
    pub lang: String,
    /// Product id, if sent.
    pub product: Option<String>,
    /// Author id, if sent (personal data: never exported).
    pub author: Option<String>,
    /// Title as sent.
    pub title: Option<String>,
    /// Body as sent.
    pub body: String,
}

impl CommentSnapshot {
    /// SHA-256 (hex) of the comment's content: kind, product, author, language, title and body,
    /// each length-prefixed so no two contents share an encoding. A request is a retry of an
    /// earlier one only when its kind, comment id and this hash all match; the same id with
    /// other content is a new submission, judged and recorded afresh.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        let mut field = |tag: u8, value: Option<&str>| {
            hash.update([tag]);
            match value {
                Some(v) => {
                    hash.update([1]);
                    hash.update((v.len() as u64).to_le_bytes());
                    hash.update(v.as_bytes());
                }
                None => hash.update([0]),
            }
        };
        field(b'k', Some(self.kind.as_str()));
        field(b'p', self.product.as_deref());
        field(b'a', self.author.as_deref());
        field(b'l', Some(&self.lang));
        field(b't', self.title.as_deref());
        field(b'b', Some(&self.body));
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// A title and body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TextFields {
    /// Title (`None` when the comment has none).
    pub title: Option<String>,
    /// Body.
    pub body: String,
}

/// A rule set by name, version and content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RuleSetRef {
    /// `name@version`, as in moderation results (`reviews.fa@1`).
    pub id: String,
    /// Name (`reviews.fa`).
    pub name: String,
    /// Version number.
    pub version: u32,
    /// SHA-256 of the rule set's YAML source.
    pub hash: String,
}

/// One violation a decision rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RecordedViolation {
    /// Rule code (`contacts/phone`).
    pub code: String,
    /// Severity configured by the rule set.
    #[schema(value_type = String)]
    pub severity: Severity,
    /// Field of the span; `None` when a moderator cited a code the engine did not find.
    #[schema(value_type = Option<String>)]
    pub field: Option<Field>,
    /// Span start, in code points of the field.
    pub start: Option<usize>,
    /// Span end (exclusive).
    pub end: Option<usize>,
    /// The offending text: the span's content, or for a span longer than
    /// [`build::QUOTE_CHARS`] code points its first ones followed by `…` (the whole span is
    /// in `comment` at `start..end`).
    pub text: Option<String>,
    /// The rule set's message for the author.
    #[schema(value_type = Object)]
    pub message: Messages,
    /// The clause the rule enforces, in the version in force.
    pub clause: Option<ClauseRef>,
    /// Whether the rule's repair removes content (an emoji is the author's meaning; spacing
    /// is form), as the rule set said when the decision was taken: an engine's `fix` that
    /// applied such a repair published the comment with parts removed, a restriction. Left
    /// out of the JSON when false; records written without it read as false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removes_content: bool,
}

/// A clause of a published policy, in the version in force when the decision was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ClauseRef {
    /// Published URL path (`/fa/terms/v2/#reviews-no-contacts`), when the clause exists in the
    /// version in force.
    pub url: Option<String>,
    /// Document id (`terms`).
    pub doc: String,
    /// Version number in force.
    pub version: Option<u32>,
    /// Language of the text cited: the comment's, or when the document has no version in
    /// it, the language it falls back to (English, then the site's binding language).
    pub lang: Option<String>,
    /// Clause id (`reviews-no-contacts`).
    pub clause: String,
    /// Set when the document has no version in the comment's language: says so and names
    /// the language cited instead. Left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang_note: Option<String>,
}
