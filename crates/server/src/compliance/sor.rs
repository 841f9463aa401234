//! A restriction as a statement of the DSA Transparency Database (Art. 24(5)): the fields and
//! values its submission API takes, without personal data. `puid` is the decision id; the
//! facts name rule codes, fields and character positions but never quote the text (a quoted
//! phone number or e-mail address would be personal data); `category` is the rule set's
//! `dsa_category` of each rule relied on; `decision_ground_reference_url` is the published
//! clause of the version in force.

use davar_moderation::{Field, Kind};
use serde::{Deserialize, Serialize};

use super::published::Published;
use super::statement::{grounding, grounds, omitted_of, restricts};
use crate::decision::{Action, AutomatedDecision, DecisionRecord, Stage};

/// Most statements one submission call takes (`POST /api/v1/statements`).
pub const BATCH_LIMIT: usize = 100;

/// One statement as the Transparency Database takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SorStatement {
    /// What happened to the content's visibility.
    pub decision_visibility: Vec<String>,
    /// With `DECISION_VISIBILITY_OTHER`: what it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_visibility_other: Option<String>,
    /// Breach of the terms (`DECISION_GROUND_INCOMPATIBLE_CONTENT`).
    pub decision_ground: String,
    /// The published clause relied on (absolute URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_ground_reference_url: Option<String>,
    /// The contractual ground: document, version and clause.
    pub incompatible_content_ground: String,
    /// Why the content breaks it.
    pub incompatible_content_explanation: String,
    /// Whether the content is also illegal (`No`: the rules enforce the terms).
    pub incompatible_content_illegal: String,
    /// `CONTENT_TYPE_TEXT`.
    pub content_type: Vec<String>,
    /// The rule set's category of the first rule relied on.
    pub category: String,
    /// Categories of the other rules relied on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_addition: Vec<String>,
    /// The comment's language, ISO 639-1 upper case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_language: Option<String>,
    /// When the content was posted (`YYYY-MM-DD`).
    pub content_date: String,
    /// When the decision took effect (`YYYY-MM-DD`).
    pub application_date: String,
    /// Facts and circumstances, without personal data.
    pub decision_facts: String,
    /// `SOURCE_VOLUNTARY`: own-initiative pre-screening.
    pub source_type: String,
    /// `Yes` or `No`.
    pub automated_detection: String,
    /// `AUTOMATED_DECISION_FULLY`, `_PARTIALLY` or `_NOT_AUTOMATED`.
    pub automated_decision: String,
    /// The decision id.
    pub puid: String,
}

/// Why a record could not be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("decision {id}: {message}")]
pub struct ExportError {
    /// The record.
    pub id: String,
    /// What is missing and how to fix it.
    pub message: String,
}

/// Whether `record` is a restriction the Transparency Database receives: a rejection by the
/// engine or by a moderator, or a moderator's publication with parts removed or changed on the
/// grounds of the rules ([`restricts`]). An appeal's outcome is not a new restriction.
pub fn exportable(record: &DecisionRecord) -> bool {
    restricts(record)
}

/// `decision_visibility_other` of a comment published with parts removed or changed.
pub const PARTLY_REMOVED: &str = "Published with parts removed or changed: the parts that break the terms were taken out or reworded before the text was first shown; the rest is shown as written.";

/// The `decision_visibility` values of restriction `record`, with `decision_visibility_other`.
///
/// Every restriction davar records is taken before the comment is first shown (pre-screening:
/// the engine's decision on submission, or a moderator's on a comment held in the queue), so a
/// rejection is `DECISION_VISIBILITY_CONTENT_DISABLED`, the reference's value for content
/// never shown, not `_CONTENT_REMOVED` (taken down after being shown). A publication with
/// parts removed is neither: the item is shown, so `_CONTENT_REMOVED` or `_DISABLED` would tell
/// the database the whole item is gone. The reference has no value for a partial removal, so
/// it is `DECISION_VISIBILITY_OTHER` with [`PARTLY_REMOVED`] as `decision_visibility_other`.
fn visibility(record: &DecisionRecord) -> (Vec<String>, Option<String>) {
    if record.action == Action::Reject {
        (
            vec!["DECISION_VISIBILITY_CONTENT_DISABLED".to_owned()],
            None,
        )
    } else {
        (
            vec!["DECISION_VISIBILITY_OTHER".to_owned()],
            Some(PARTLY_REMOVED.to_owned()),
        )
    }
}

/// The Transparency Database statement of `record` (an [`exportable`] one).
pub fn sor_statement(
    published: &Published<'_>,
    record: &DecisionRecord,
) -> Result<SorStatement, ExportError> {
    let fail = |message: String| ExportError {
        id: record.id.clone(),
        message,
    };
    let relied = grounding(record);
    if relied.is_empty() {
        return Err(fail("the rejection names no rule it rests on".to_owned()));
    }
    let set = published.rule_set(&record.ruleset.name).ok_or_else(|| {
        fail(format!(
            "rule set `{}` (which judged it) is not among the rule sets read; export with the rules directory of that time (--rules)",
            record.ruleset.name
        ))
    })?;
    let mut categories: Vec<String> = Vec::new();
    for violation in &relied {
        let category = set
            .rules
            .iter()
            .find(|r| r.code == violation.code)
            .and_then(|r| r.dsa_category.clone())
            .ok_or_else(|| {
                fail(format!(
                    "rule set `{}` gives no dsa_category for `{}`: add `dsa_category:` to the rule or to the rule set ({})",
                    set.name,
                    violation.code,
                    set.path.display()
                ))
            })?;
        if !categories.contains(&category) {
            categories.push(category);
        }
    }
    let cited = grounds(published, record);
    let ground = cited
        .iter()
        .map(|g| {
            format!(
                "{} v{}, clause \"{}\" ({})",
                g.title.as_deref().unwrap_or(&g.doc),
                g.version.map_or_else(|| "?".to_owned(), |v| v.to_string()),
                g.heading.as_deref().unwrap_or(&g.clause),
                g.clause
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut explanations: Vec<&str> = relied.iter().map(|v| v.message.en.as_str()).collect();
    explanations.dedup();
    let lang = &record.comment.lang;
    let (decision_visibility, decision_visibility_other) = visibility(record);
    Ok(SorStatement {
        decision_visibility,
        decision_visibility_other,
        decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT".to_owned(),
        decision_ground_reference_url: cited.iter().find_map(|g| g.url.clone()),
        incompatible_content_ground: clip(
            if ground.is_empty() {
                "the marketplace's terms of use"
            } else {
                &ground
            },
            500,
        ),
        incompatible_content_explanation: clip(&explanations.join(" "), 2000),
        incompatible_content_illegal: "No".to_owned(),
        content_type: vec!["CONTENT_TYPE_TEXT".to_owned()],
        category: categories.remove(0),
        category_addition: categories,
        content_language: content_language(lang),
        content_date: published.zoned(record.content_date).date().to_string(),
        application_date: published.zoned(record.decided_at).date().to_string(),
        decision_facts: clip(&facts(record), 5000),
        source_type: "SOURCE_VOLUNTARY".to_owned(),
        automated_detection: if record.automated_detection {
            "Yes"
        } else {
            "No"
        }
        .to_owned(),
        automated_decision: match record.automated_decision {
            AutomatedDecision::Fully => "AUTOMATED_DECISION_FULLY",
            AutomatedDecision::Partially => "AUTOMATED_DECISION_PARTIALLY",
            AutomatedDecision::NotAutomated => "AUTOMATED_DECISION_NOT_AUTOMATED",
        }
        .to_owned(),
        puid: record.id.clone(),
    })
}

/// The facts in English, by rule code and position, quoting nothing the author wrote.
fn facts(record: &DecisionRecord) -> String {
    let kind = described(record.comment.kind);
    let (what, who) = match (record.action, record.stage, record.automated_decision) {
        (Action::Reject, Stage::Engine, _) => {
            ("was not published", "Automated pre-screening rejected it")
        }
        (Action::Reject, _, AutomatedDecision::Partially) => (
            "was not published",
            "A moderator rejected it, confirming what automated pre-screening found",
        ),
        (Action::Reject, _, _) => ("was not published", "A moderator rejected it"),
        (_, Stage::Engine, _) => (
            "was published with parts removed or changed",
            "Automated pre-screening removed or changed the parts found",
        ),
        _ => (
            "was published with parts removed or changed",
            "A moderator removed or changed the parts found",
        ),
    };
    let found: Vec<String> = grounding(record)
        .iter()
        .map(|v| {
            let place = match (v.field, v.start, v.end) {
                (Some(field), Some(start), Some(end)) => format!(
                    " in the {} (characters {start}-{end})",
                    match field {
                        Field::Title => "title",
                        Field::Body => "text",
                    }
                ),
                _ => String::new(),
            };
            format!(
                "{}{place}: {}",
                v.code,
                v.message.en.trim_end().trim_end_matches('.')
            )
        })
        .collect();
    let more = omitted_of(record)
        .map(|(code, n)| format!("; {n} more {code} not listed"))
        .collect::<String>();
    format!(
        "{kind} in language {} {what}. {who} under rule set {}: {}{more}.",
        record.comment.lang,
        record.ruleset.id,
        found.join("; ")
    )
}

/// A comment of `kind` as the English facts open with it, with its indefinite article ("a"
/// before a consonant sound, "an" before a vowel sound): written whole for each kind, since
/// the article follows the sound of the noun phrase, not its letters.
fn described(kind: Kind) -> &'static str {
    match kind {
        Kind::Review => "A product review",
        Kind::Question => "A product question",
        Kind::Answer => "An answer to a product question",
    }
}

/// The comment's language as the Transparency Database takes it: an ISO 639-1 code in upper
/// case, or nothing for a language tag that is not one (`xx`, `fas`, `pt-BR` is read as `pt`).
pub fn content_language(lang: &str) -> Option<String> {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    let code = primary.to_ascii_lowercase();
    isolang::Language::from_639_1(&code).map(|_| code.to_ascii_uppercase())
}

/// `text` cut to at most `max` characters (an ellipsis marks a cut).
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::{clip, content_language};

    #[test]
    fn content_language_is_an_iso_639_1_code_or_nothing() {
        assert_eq!(content_language("fa").as_deref(), Some("FA"));
        assert_eq!(content_language("DE").as_deref(), Some("DE"));
        assert_eq!(content_language("pt-BR").as_deref(), Some("PT"));
        for not_a_code in ["xx", "qq", "zz", "fas", "", "e1", "-"] {
            assert_eq!(content_language(not_a_code), None, "{not_a_code}");
        }
    }

    #[test]
    fn clipping_counts_characters_not_bytes() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "ab…");
        assert_eq!(clip("داور داور", 4).chars().count(), 4);
    }
}
