//! The comment that comes in and the result that goes out.

use serde::{Deserialize, Serialize};

/// What kind of comment is moderated; picks the rule set together with the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A product review (title + body).
    #[default]
    Review,
    /// A question under a product.
    Question,
    /// An answer to a question.
    Answer,
}

impl Kind {
    /// The lowercase name used in rule sets and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Review => "review",
            Kind::Question => "question",
            Kind::Answer => "answer",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "review" => Ok(Kind::Review),
            "question" => Ok(Kind::Question),
            "answer" => Ok(Kind::Answer),
            other => Err(format!(
                "unknown kind `{other}`: expected review, question or answer"
            )),
        }
    }
}

fn default_lang() -> String {
    "fa".to_owned()
}

/// One user comment to moderate.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Comment {
    /// Caller's identifier, echoed in the result.
    #[serde(default)]
    pub id: Option<String>,
    /// Review, question or answer (default review).
    #[serde(default)]
    pub kind: Kind,
    /// Title (reviews).
    #[serde(default)]
    pub title: Option<String>,
    /// The text itself.
    pub body: String,
    /// Product the comment is about (used by `qa/duplicate`).
    #[serde(default)]
    pub product: Option<String>,
    /// Author identifier (kept for the caller; not used by rules).
    #[serde(default)]
    pub author: Option<String>,
    /// Storefront language (`fa`, `en`, `fr`, `de`; default `fa`).
    #[serde(default = "default_lang")]
    pub lang: String,
}

impl Default for Comment {
    /// An empty Persian review (the same defaults as JSON input).
    fn default() -> Comment {
        Comment {
            id: None,
            kind: Kind::Review,
            title: None,
            body: String::new(),
            product: None,
            author: None,
            lang: default_lang(),
        }
    }
}

/// How serious one violation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice only; never changes the verdict.
    Hint,
    /// Style problem the engine repairs.
    Fix,
    /// A person must look.
    Review,
    /// The comment is not published.
    Reject,
}

impl Severity {
    /// The lowercase name used in rule sets and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Fix => "fix",
            Severity::Review => "review",
            Severity::Reject => "reject",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "hint" => Ok(Severity::Hint),
            "fix" => Ok(Severity::Fix),
            "review" => Ok(Severity::Review),
            "reject" => Ok(Severity::Reject),
            other => Err(format!(
                "unknown severity `{other}`: expected hint, fix, review or reject"
            )),
        }
    }
}

/// The decision for a whole comment: the worst severity among its violations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Publish as is.
    Approve,
    /// Publish the repaired text.
    Fix,
    /// A moderator must decide.
    Review,
    /// Do not publish.
    Reject,
}

impl Verdict {
    /// The verdict that a single violation of this severity implies.
    pub fn from_severity(severity: Severity) -> Verdict {
        match severity {
            Severity::Hint => Verdict::Approve,
            Severity::Fix => Verdict::Fix,
            Severity::Review => Verdict::Review,
            Severity::Reject => Verdict::Reject,
        }
    }

    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Approve => "approve",
            Verdict::Fix => "fix",
            Verdict::Review => "review",
            Verdict::Reject => "reject",
        }
    }
}

/// Which field of the comment a violation is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The title.
    Title,
    /// The body.
    Body,
}

/// A message in Persian and English (every rule set provides both) and in French and German
/// (the rule sets of those storefronts provide them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messages {
    /// Persian.
    pub fa: String,
    /// English.
    pub en: String,
    /// French.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    /// German.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub de: Option<String>,
}

impl Messages {
    /// The message in `lang` (`fa`, `en`, `fr`, `de`), English when there is none in it.
    pub fn in_lang(&self, lang: &str) -> &str {
        match lang {
            "fa" => &self.fa,
            "fr" => self.fr.as_deref().unwrap_or(&self.en),
            "de" => self.de.as_deref().unwrap_or(&self.en),
            _ => &self.en,
        }
    }
}

/// One rule broken at one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// Stable rule code, e.g. `contacts/phone`.
    pub code: String,
    /// Severity configured by the rule set.
    pub severity: Severity,
    /// Field the span is in.
    pub field: Field,
    /// Start, in Unicode code points of the original field.
    pub start: usize,
    /// End (exclusive), in Unicode code points of the original field.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
    /// Explanation for the author, in every language the rule set gives.
    pub message: Messages,
    /// The explanation in the comment's language (English when the rule set has none in it).
    pub localized: String,
    /// Published URL of the policy clause the rule enforces, when known.
    pub clause: Option<String>,
}

/// The repaired text, when fixes apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fixed {
    /// Repaired title (None when the comment had none).
    pub title: Option<String>,
    /// Repaired body.
    pub body: String,
}

/// The engine's answer for one comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModerationResult {
    /// The comment's id, echoed.
    pub id: Option<String>,
    /// Worst severity among the violations.
    pub verdict: Verdict,
    /// Rule set used, `name@version` (e.g. `reviews.fa@1`).
    pub ruleset: String,
    /// Every violation, sorted by field and position.
    pub violations: Vec<Violation>,
    /// Repaired text when a `fix` violation could be repaired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<Fixed>,
}
