//! Moderating one record and formatting everything written about it (the JSON line or the
//! human block, the repaired record for `--fix`), so that the workers do all the work and the
//! writer only copies bytes in input order.

use std::sync::Arc;

use davar_moderation::{
    Comment, Engine, MemoryStore, ModerateError, ModerationResult, Severity, Verdict, Violation,
};
use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;

use super::input::Raw;
use super::record::{Columns, CsvLayout, Parsed, PassValue};
use super::report;
use crate::output::{Format, Paint};
use crate::select::CodeFilter;

/// Everything a worker needs, shared by all workers.
pub struct Job<'a> {
    /// The compiled engine.
    pub engine: &'a Engine,
    /// Questions already accepted in this run (`qa/duplicate`).
    pub store: &'a MemoryStore,
    /// `--select` / `--ignore`.
    pub filter: &'a CodeFilter,
    /// Report format.
    pub format: Format,
    /// `--include-text`: the JSON result carries the title and body.
    pub include_text: bool,
    /// Lowest severity shown in the human report.
    pub min_severity: Severity,
    /// Colour of the human report.
    pub paint: Paint,
    /// Name of the input, for the human report.
    pub source: &'a str,
    /// Which fields hold the title and body.
    pub columns: &'a Columns,
    /// `--fix`: how to write repaired records (`None`: no `--fix`).
    pub fix: Option<FixFormat<'a>>,
}

/// The format `--fix` writes: the input's own.
#[derive(Clone, Copy)]
pub enum FixFormat<'a> {
    /// JSON Lines.
    Json,
    /// CSV with this delimiter and layout.
    Csv(u8, &'a CsvLayout),
}

/// What went wrong with a record (reported on stderr, counted, exit 2).
pub enum Problem {
    /// The record is not a comment.
    Malformed(String),
    /// The engine refused it (no rule set for its language, a field too long).
    Failed(String),
}

/// The result of one record, ready to write.
pub struct Outcome {
    /// 1-based line.
    pub line: usize,
    /// The result after `--select`/`--ignore` (for the summary).
    pub result: Option<ModerationResult>,
    /// Violations below `--min-severity` left out of the human report.
    pub hidden: usize,
    /// The bytes for the report (a JSON line or a human block).
    pub report: Vec<u8>,
    /// The bytes for `--fix` (the record, repaired or as read).
    pub fixed: Vec<u8>,
    /// What went wrong, if anything.
    pub problem: Option<Problem>,
}

/// Moderates one parsed record.
pub fn moderate(job: &Job<'_>, parsed: &Parsed) -> Outcome {
    let mut outcome = Outcome {
        line: parsed.line,
        result: None,
        hidden: 0,
        report: Vec::new(),
        fixed: Vec::new(),
        problem: None,
    };
    let comment = match &parsed.comment {
        _ if parsed.blank => {
            copy_record(job, parsed, None, &mut outcome.fixed);
            return outcome;
        }
        Err(message) => {
            outcome.problem = Some(Problem::Malformed(message.clone()));
            copy_record(job, parsed, None, &mut outcome.fixed);
            return outcome;
        }
        Ok(comment) => comment,
    };
    let mut result = match job.engine.moderate(comment, job.store) {
        Ok(result) => result,
        Err(e) => {
            outcome.problem = Some(Problem::Failed(explain_failure(job, &e)));
            copy_record(job, parsed, None, &mut outcome.fixed);
            return outcome;
        }
    };
    if !job.filter.keeps_all() {
        select(&mut result, job.filter);
    }
    copy_record(job, parsed, result.fixed.as_ref(), &mut outcome.fixed);
    match job.format {
        Format::Json => {
            let line = ResultLine::new(&result, parsed, comment, job.include_text);
            // Serialising plain structs into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut outcome.report, &line);
            outcome.report.push(b'\n');
        }
        Format::Human => {
            let (block, hidden) = report::human(
                job.source,
                parsed.line,
                comment,
                &result,
                job.min_severity,
                job.paint,
            );
            outcome.report = block.into_bytes();
            outcome.hidden = hidden;
        }
    }
    outcome.result = Some(result);
    outcome
}

/// The engine's error, with what to change: the languages served for the comment's kind and
/// the field or flag that sets the language and kind.
fn explain_failure(job: &Job<'_>, error: &ModerateError) -> String {
    match error {
        ModerateError::UnknownRuleSet { kind, .. } => {
            let mut langs: Vec<&str> = job
                .engine
                .rule_sets()
                .iter()
                .filter(|set| set.kind == *kind)
                .flat_map(|set| set.langs.iter().map(String::as_str))
                .collect();
            langs.sort_unstable();
            format!(
                "{error} (languages served for {kind}s: {}); give --lang (for --text and records \
                 without a `{}` field) or the record's `{}` field; --kind and the `{}` field \
                 choose the kind",
                langs.join(", "),
                job.columns.lang,
                job.columns.lang,
                job.columns.kind,
            )
        }
        other => other.to_string(),
    }
}

/// Keeps the selected violations; the verdict is the worst of those kept, and the repaired
/// text stays only while a kept violation is a repair.
fn select(result: &mut ModerationResult, filter: &CodeFilter) {
    result.violations.retain(|v| filter.keeps(&v.code));
    result.verdict = result
        .violations
        .iter()
        .map(|v| Verdict::from_severity(v.severity))
        .max()
        .unwrap_or(Verdict::Approve);
    if !result
        .violations
        .iter()
        .any(|v| v.severity == Severity::Fix)
    {
        result.fixed = None;
    }
}

/// Writes the record for `--fix`: repaired when `fixed` is given, else as read.
fn copy_record(
    job: &Job<'_>,
    parsed: &Parsed,
    fixed: Option<&davar_moderation::Fixed>,
    out: &mut Vec<u8>,
) {
    let Some(format) = job.fix else { return };
    match (&parsed.raw, format) {
        (Raw::Line { bytes, .. }, _) => {
            match fixed {
                Some(fixed) if !parsed.fields.is_empty() => {
                    let columns = job.columns;
                    super::fix::json_line(
                        bytes,
                        &parsed.fields,
                        fixed,
                        &columns.title,
                        &columns.body,
                        out,
                    )
                }
                _ => out.extend_from_slice(bytes),
            }
            out.push(b'\n');
        }
        (Raw::Csv { record, .. }, FixFormat::Csv(delimiter, layout)) => {
            super::fix::csv_record(record, layout, fixed, delimiter, out)
        }
        // A CSV record always comes with a CSV layout.
        (Raw::Csv { .. }, FixFormat::Json) => {}
    }
}

/// One line of `--format json`, written straight from the result.
#[derive(Serialize)]
struct ResultLine<'a> {
    id: Option<&'a str>,
    verdict: Verdict,
    ruleset: &'a str,
    violations: &'a [Violation],
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<&'a davar_moderation::Fixed>,
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Passthrough::is_empty")]
    passthrough: Passthrough<'a>,
}

impl<'a> ResultLine<'a> {
    fn new(
        result: &'a ModerationResult,
        parsed: &'a Parsed,
        comment: &'a Comment,
        text: bool,
    ) -> Self {
        let line_text = match &parsed.raw {
            Raw::Line { bytes, .. } => std::str::from_utf8(bytes).ok(),
            Raw::Csv { .. } => None,
        };
        ResultLine {
            id: result.id.as_deref(),
            verdict: result.verdict,
            ruleset: &result.ruleset,
            violations: &result.violations,
            fixed: result.fixed.as_ref(),
            line: parsed.line,
            title: comment.title.as_deref().filter(|_| text),
            body: text.then_some(comment.body.as_str()),
            passthrough: Passthrough {
                fields: &parsed.passthrough,
                line: line_text,
            },
        }
    }
}

/// The passed-through fields as one JSON object, values as written in the input.
struct Passthrough<'a> {
    fields: &'a [(Arc<str>, PassValue)],
    line: Option<&'a str>,
}

impl Passthrough<'_> {
    fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

impl Serialize for Passthrough<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for (key, value) in self.fields {
            match value {
                PassValue::Text(text) => map.serialize_entry(&**key, text)?,
                PassValue::Json(range) => {
                    let raw = self
                        .line
                        .and_then(|l| l.get(range.clone()))
                        .and_then(|t| serde_json::from_str::<&RawValue>(t).ok());
                    map.serialize_entry(&**key, &raw)?
                }
            }
        }
        map.end()
    }
}
