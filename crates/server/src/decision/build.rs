//! Building records: the engine's first record from a moderation result, a moderator's record
//! for a queued item, and the moderation response again from a stored record (retries).

use std::collections::BTreeMap;

use davar_moderation::{
    Comment, ConfiguredRule, Field, Fixed, ModerationResult, RuleSet, Verdict, Violation,
};
use davar_policy::model::{Document, PolicySet};
use jiff::Timestamp;

use super::{
    Action, AutomatedDecision, ClauseRef, CommentSnapshot, DecisionRecord, ENGINE,
    RecordedViolation, RuleSetRef, Stage, TextFields, new_decision_id,
};
use crate::compiled::Compiled;

/// A comment as it reached the server, with its dates.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The comment.
    pub comment: Comment,
    /// When it was posted (the request's `created_at`, else `submitted_at`).
    pub content_date: Timestamp,
    /// When it reached the server.
    pub submitted_at: Timestamp,
}

/// Most violations of one rule code a record lists; the others are counted in
/// [`DecisionRecord::omitted_violations`]. Ten occurrences show what was found and where; a
/// hostile text can hold thousands, and listing them all would make one record megabytes.
pub const STORED_PER_CODE: usize = 10;

/// Longest quote a record keeps of a violation's span, in code points: a longer span (a rule
/// that flags a whole field) is quoted by its first `QUOTE_CHARS - 1` code points and `…`.
pub const QUOTE_CHARS: usize = 100;

/// The violations a record lists, at most [`STORED_PER_CODE`] of each code in their order,
/// and the number left out per code.
pub fn bounded(violations: &[Violation]) -> (Vec<&Violation>, BTreeMap<String, usize>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut omitted: BTreeMap<String, usize> = BTreeMap::new();
    let mut listed = Vec::with_capacity(violations.len().min(64));
    for v in violations {
        let count = seen.entry(v.code.as_str()).or_default();
        *count += 1;
        if *count <= STORED_PER_CODE {
            listed.push(v);
        } else {
            *omitted.entry(v.code.clone()).or_default() += 1;
        }
    }
    (listed, omitted)
}

/// `text` whole when it has at most [`QUOTE_CHARS`] code points, else its first
/// `QUOTE_CHARS - 1` followed by `…`.
pub fn bounded_quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        None => text.to_owned(),
        Some(_) => {
            let cut = text
                .char_indices()
                .nth(QUOTE_CHARS - 1)
                .map_or(text.len(), |(i, _)| i);
            format!("{}…", &text[..cut])
        }
    }
}

/// The text at `start..end` (code points) of `field` of the recorded comment, when the span
/// lies within it.
fn span_text(comment: &CommentSnapshot, field: Field, start: usize, end: usize) -> Option<String> {
    let text = match field {
        Field::Title => comment.title.as_deref()?,
        Field::Body => comment.body.as_str(),
    };
    let len = end.checked_sub(start)?;
    let span: String = text.chars().skip(start).take(len).collect();
    (span.chars().count() == len).then_some(span)
}

/// What the engine's first record does with a verdict: nothing for `approve` (no record),
/// `fix` publishes the repair, `review` queues, `reject` rejects (or queues, when the rule set
/// sends rejections to people too).
pub fn engine_action(verdict: Verdict, queue_rejects: bool) -> Option<Action> {
    match verdict {
        Verdict::Approve => None,
        Verdict::Fix => Some(Action::Fix),
        Verdict::Review => Some(Action::Queue),
        Verdict::Reject if queue_rejects => Some(Action::Queue),
        Verdict::Reject => Some(Action::Reject),
    }
}

/// The engine's record of `result`, or `None` when the comment is approved outright. A rejection
/// waits in the queue when the comment's rule set says `queue_rejects: true`.
pub fn engine_record(
    compiled: &Compiled,
    submission: &Submission,
    result: &ModerationResult,
) -> Option<DecisionRecord> {
    let comment = &submission.comment;
    let set = compiled.engine.rule_set_for(comment.kind, &comment.lang)?;
    let action = engine_action(result.verdict, set.queue_rejects)?;
    let id = new_decision_id();
    let (listed, omitted_violations) = bounded(&result.violations);
    let violations = listed
        .into_iter()
        .map(|v| RecordedViolation {
            code: v.code.clone(),
            severity: v.severity,
            field: Some(v.field),
            start: Some(v.start),
            end: Some(v.end),
            text: Some(bounded_quote(&v.text)),
            message: v.message.clone(),
            clause: clause_ref(compiled, set, &v.code, &comment.lang, v.clause.clone()),
            removes_content: configured(set, &v.code).is_some_and(|r| r.removes_content),
        })
        .collect();
    Some(DecisionRecord {
        root: id.clone(),
        id,
        follows: None,
        stage: Stage::Engine,
        comment: snapshot(comment),
        content_date: submission.content_date,
        submitted_at: submission.submitted_at,
        decided_at: Timestamp::now(),
        verdict: result.verdict,
        action,
        violations,
        omitted_violations,
        ruleset: ruleset_ref(set),
        policy_versions: policy_versions(compiled, &comment.lang),
        decided_by: ENGINE.to_owned(),
        automated_decision: AutomatedDecision::Fully,
        automated_detection: true,
        note: None,
        fixed: result.fixed.as_ref().map(|f| TextFields {
            title: f.title.clone(),
            body: f.body.clone(),
        }),
        edited: None,
        appeal_text: None,
        appeal_outcome: None,
    })
}

/// The moderation response a stored record stands for (a retry's answer): the engine's
/// verdict, violations and repair for its own record; for a person's decision, `approve` or
/// `reject`, the violations they cited that have a span, and as `fixed` the text an
/// `edit-approve` published.
pub fn result_of(record: &DecisionRecord) -> ModerationResult {
    let published = record.edited.as_ref().or(match record.stage {
        Stage::Engine => record.fixed.as_ref(),
        Stage::Review | Stage::Appeal => None,
    });
    ModerationResult {
        id: record.comment.id.clone(),
        verdict: record.verdict,
        ruleset: record.ruleset.id.clone(),
        violations: record
            .violations
            .iter()
            .filter_map(|v| {
                Some(Violation {
                    code: v.code.clone(),
                    severity: v.severity,
                    field: v.field?,
                    start: v.start?,
                    end: v.end?,
                    // The whole span, which the record may quote shortened.
                    text: span_text(&record.comment, v.field?, v.start?, v.end?)
                        .or_else(|| v.text.clone())?,
                    localized: v.message.in_lang(&record.comment.lang).to_owned(),
                    message: v.message.clone(),
                    clause: v.clause.as_ref().and_then(|c| c.url.clone()),
                })
            })
            .collect(),
        fixed: published.map(|f| Fixed {
            title: f.title.clone(),
            body: f.body.clone(),
        }),
    }
}

/// A comment as the record keeps it.
pub fn snapshot(comment: &Comment) -> CommentSnapshot {
    CommentSnapshot {
        id: comment.id.clone(),
        kind: comment.kind,
        lang: comment.lang.clone(),
        product: comment.product.clone(),
        author: comment.author.clone(),
        title: comment.title.clone(),
        body: comment.body.clone(),
    }
}

/// A rule set's reference.
pub fn ruleset_ref(set: &RuleSet) -> RuleSetRef {
    RuleSetRef {
        id: set.id(),
        name: set.name.clone(),
        version: set.version,
        hash: set.hash.clone(),
    }
}

/// The rule `code` as `set` configures it.
pub fn configured<'a>(set: &'a RuleSet, code: &str) -> Option<&'a ConfiguredRule> {
    set.rules.iter().find(|r| r.code == code)
}

/// The language the engine links a clause in when a document has no version in the comment's
/// language, and statements are written in for a language they have no sentences for.
pub const FALLBACK_LANG: &str = "en";

/// The language a record cites `document` in for a comment in `lang`: `lang` when the
/// document has a version in it; otherwise, as the engine links clauses, [`FALLBACK_LANG`],
/// then the site's binding language, then the document's first language.
pub fn cited_lang<'a>(
    policies: &'a PolicySet,
    document: &'a Document,
    lang: &'a str,
) -> Option<&'a str> {
    let has = |l: &str| document.versions.iter().any(|v| v.lang == l);
    if has(lang) {
        Some(lang)
    } else if has(FALLBACK_LANG) {
        Some(FALLBACK_LANG)
    } else {
        policies.fallback_lang(document, lang)
    }
}

/// The clause rule `code` of `set` cites, in the version in force of the comment's language
/// `lang`, or of the language [`cited_lang`] falls back to when the document has no version in
/// it (then `lang_note` says so); `url` is the violation's URL when the engine gave one, kept
/// when the document is unknown.
pub fn clause_ref(
    compiled: &Compiled,
    set: &RuleSet,
    code: &str,
    lang: &str,
    url: Option<String>,
) -> Option<ClauseRef> {
    let reference = configured(set, code)?.clause.as_deref()?;
    let (doc, clause) = reference.split_once('#')?;
    let policies = &compiled.policies;
    let document = policies.document(doc);
    let cited = document.and_then(|d| cited_lang(policies, d, lang));
    let version = document
        .zip(cited)
        .and_then(|(d, cited)| d.in_force(cited, compiled.as_of));
    Some(ClauseRef {
        url: cited
            .and_then(|cited| policies.clause_url(doc, clause, cited, compiled.as_of))
            .or(url),
        doc: doc.to_owned(),
        version: version.map(|v| v.version),
        lang: cited.map(str::to_owned),
        clause: clause.to_owned(),
        lang_note: cited.filter(|&c| c != lang).map(|cited| {
            format!("{doc} has no version in `{lang}`: the clause is cited in `{cited}`")
        }),
    })
}

/// The version in force of every document, in `lang` or the language [`cited_lang`] falls
/// back to.
pub fn policy_versions(compiled: &Compiled, lang: &str) -> BTreeMap<String, u32> {
    let policies = &compiled.policies;
    policies
        .documents
        .iter()
        .filter_map(|document| {
            let lang = cited_lang(policies, document, lang)?;
            let version = document.in_force(lang, compiled.as_of)?;
            Some((document.id.clone(), version.version))
        })
        .collect()
}
