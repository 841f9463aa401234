//! Output of `davar moderate`: JSON Lines or a linter-style report, and the summary table.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use davar_moderation::{Comment, Field, ModerationResult, Verdict};

/// Counts for the summary table.
#[derive(Debug, Default)]
pub struct Summary {
    pub records: usize,
    pub malformed: usize,
    pub failed: usize,
    pub verdicts: BTreeMap<Verdict, usize>,
    /// Per code: (comments where it fired, of which the code's severity made it reject/review).
    pub codes: BTreeMap<String, CodeCount>,
}

/// How often one code fired.
#[derive(Debug, Default, Clone, Copy)]
pub struct CodeCount {
    /// Comments in which the code fired at least once.
    pub comments: usize,
    /// Violations in total.
    pub violations: usize,
}

impl Summary {
    /// Adds one result.
    pub fn add(&mut self, result: &ModerationResult) {
        self.records += 1;
        *self.verdicts.entry(result.verdict).or_default() += 1;
        let mut seen: Vec<&str> = Vec::new();
        for v in &result.violations {
            let c = self.codes.entry(v.code.clone()).or_default();
            c.violations += 1;
            if !seen.contains(&v.code.as_str()) {
                c.comments += 1;
                seen.push(&v.code);
            }
        }
    }

    /// The table printed at the end of a run.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let total = self.records.max(1) as f64;
        let _ = writeln!(out, "summary: {} comments moderated", self.records);
        if self.malformed > 0 {
            let _ = writeln!(
                out,
                "  {} malformed input lines skipped (reported above)",
                self.malformed
            );
        }
        if self.failed > 0 {
            let _ = writeln!(
                out,
                "  {} comments could not be moderated (reported above)",
                self.failed
            );
        }
        let _ = writeln!(out, "\n{:<10} {:>8} {:>8}", "verdict", "comments", "%");
        for verdict in [
            Verdict::Approve,
            Verdict::Fix,
            Verdict::Review,
            Verdict::Reject,
        ] {
            let n = self.verdicts.get(&verdict).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "{:<10} {:>8} {:>7.2}%",
                verdict.as_str(),
                n,
                n as f64 * 100.0 / total
            );
        }
        if !self.codes.is_empty() {
            let _ = writeln!(
                out,
                "\n{:<24} {:>8} {:>8} {:>10}",
                "code", "comments", "%", "violations"
            );
            for (code, c) in &self.codes {
                let _ = writeln!(
                    out,
                    "{:<24} {:>8} {:>7.2}% {:>10}",
                    code,
                    c.comments,
                    c.comments as f64 * 100.0 / total,
                    c.violations
                );
            }
        }
        out
    }
}

/// A linter-style block for one comment: each violation with its line and an underline.
pub fn human(source: &str, line: usize, comment: &Comment, result: &ModerationResult) -> String {
    let mut out = String::new();
    let id = result.id.as_deref().unwrap_or("-");
    let _ = writeln!(
        out,
        "{source}:{line}: {id}: {} ({})",
        result.verdict.as_str(),
        result.ruleset
    );
    for v in &result.violations {
        let field = match v.field {
            Field::Title => comment.title.as_deref().unwrap_or_default(),
            Field::Body => &comment.body,
        };
        let field_name = match v.field {
            Field::Title => "title",
            Field::Body => "body",
        };
        let _ = writeln!(
            out,
            "  {}[{}] {}: {}",
            v.severity.as_str(),
            v.code,
            field_name,
            v.message.en
        );
        let (text_line, col, width) = locate(field, v.start, v.end);
        let _ = writeln!(out, "     | {text_line}");
        let _ = writeln!(
            out,
            "     | {}{} {}..{}",
            " ".repeat(col),
            "^".repeat(width.max(1)),
            v.start,
            v.end
        );
        if let Some(url) = &v.clause {
            let _ = writeln!(out, "     = clause: {url}");
        }
    }
    if let Some(fixed) = &result.fixed {
        let _ = writeln!(out, "  fixed body: {}", one_line(&fixed.body));
    }
    out
}

/// The line of `text` holding code point `start`, the column of `start` in it, and the span
/// width clipped to that line (all in code points).
fn locate(text: &str, start: usize, end: usize) -> (String, usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let start = start.min(chars.len());
    let line_start = chars[..start]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |i| i + 1);
    let line_end = chars[start..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |i| start + i);
    let line: String = chars[line_start..line_end].iter().collect();
    let width = end.min(line_end).saturating_sub(start);
    (line, start - line_start, width)
}

fn one_line(text: &str) -> String {
    text.replace('\n', "⏎")
}
