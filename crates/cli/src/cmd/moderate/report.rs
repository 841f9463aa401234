//! The human report of `davar moderate`: a block per comment with a finding (each finding
//! with its offending text and the span underlined in its line), and the summary table.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use davar_moderation::{Comment, Field, ModerationResult, Severity, Verdict};

use crate::output::{Paint, style};

/// Characters of context shown either side of a span in a long line.
const CONTEXT: usize = 30;

/// Counts for the summary table.
#[derive(Debug, Default)]
pub struct Summary {
    /// Comments moderated.
    pub records: usize,
    /// Records that were not comments.
    pub malformed: usize,
    /// Comments the engine refused.
    pub failed: usize,
    /// Findings left out of the human report by `--min-severity`.
    pub hidden: usize,
    /// Comments whose text was repaired.
    pub repaired: usize,
    /// Comments per verdict.
    pub verdicts: BTreeMap<Verdict, usize>,
    /// Per code: comments where it fired and violations in total.
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
        self.repaired += usize::from(result.fixed.is_some());
        *self.verdicts.entry(result.verdict).or_default() += 1;
        for (i, v) in result.violations.iter().enumerate() {
            let first = !result.violations[..i].iter().any(|w| w.code == v.code);
            let c = match self.codes.get_mut(&v.code) {
                Some(c) => c,
                None => self.codes.entry(v.code.clone()).or_default(),
            };
            c.violations += 1;
            if first {
                c.comments += 1;
            }
        }
    }

    /// The table printed at the end of a run.
    pub fn render(&self, paint: Paint) -> String {
        let mut out = String::new();
        let total = self.records.max(1) as f64;
        let _ = writeln!(
            out,
            "{}",
            paint.paint(
                style::BOLD,
                format!("summary: {} comments moderated", self.records)
            )
        );
        if self.malformed > 0 {
            let _ = writeln!(
                out,
                "  {} malformed input records skipped (reported above)",
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
        if self.hidden > 0 {
            let _ = writeln!(
                out,
                "  {} findings below --min-severity not shown (counted below)",
                self.hidden
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
            let row = format!(
                "{:<10} {:>8} {:>7.2}%",
                verdict.as_str(),
                n,
                n as f64 * 100.0 / total
            );
            let _ = writeln!(
                out,
                "{}",
                if n > 0 {
                    paint.paint(verdict_style(verdict), row)
                } else {
                    row
                }
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

fn verdict_style(verdict: Verdict) -> anstyle::Style {
    match verdict {
        Verdict::Reject => style::ERROR,
        Verdict::Review => style::WARNING,
        Verdict::Fix => style::FIX,
        Verdict::Approve => style::NOTE,
    }
}

fn severity_style(severity: Severity) -> anstyle::Style {
    verdict_style(Verdict::from_severity(severity))
}

/// The block of one comment: its findings of at least `min` severity, each with its offending
/// text and the span underlined. Empty when nothing is shown; also returns how many findings
/// were left out.
pub fn human(
    source: &str,
    line: usize,
    comment: &Comment,
    result: &ModerationResult,
    min: Severity,
    paint: Paint,
) -> (String, usize) {
    let shown: Vec<_> = result
        .violations
        .iter()
        .filter(|v| v.severity >= min)
        .collect();
    let hidden = result.violations.len() - shown.len();
    if shown.is_empty() {
        return (String::new(), hidden);
    }
    let mut out = String::new();
    let id = result.id.as_deref().unwrap_or("-");
    let _ = writeln!(
        out,
        "{}: {id}: {} ({})",
        paint.paint(style::BOLD, format!("{source}:{line}")),
        paint.paint(verdict_style(result.verdict), result.verdict.as_str()),
        result.ruleset
    );
    for v in shown {
        let (field, field_name) = match v.field {
            Field::Title => (comment.title.as_deref().unwrap_or_default(), "title"),
            Field::Body => (comment.body.as_str(), "body"),
        };
        let _ = writeln!(
            out,
            "  {} {field_name} {}..{}: {} «{}»",
            paint.paint(
                severity_style(v.severity),
                format!("{}[{}]", v.severity.as_str(), v.code)
            ),
            v.start,
            v.end,
            v.message.en,
            one_line(&v.text)
        );
        let (text_line, col, width) = locate(field, v.start, v.end);
        let gutter = paint.paint(style::LOCATION, "     |");
        let _ = writeln!(out, "{gutter} {text_line}");
        let underline = paint.paint(severity_style(v.severity), "^".repeat(width.max(1)));
        let _ = writeln!(out, "{gutter} {}{underline}", " ".repeat(col));
        if let Some(url) = &v.clause {
            let _ = writeln!(
                out,
                "{} clause: {url}",
                paint.paint(style::LOCATION, "     =")
            );
        }
    }
    if let Some(fixed) = &result.fixed {
        if let Some(title) = &fixed.title
            && comment.title.as_deref() != Some(title.as_str())
        {
            let _ = writeln!(
                out,
                "  {} {}",
                paint.paint(style::FIX, "fixed title:"),
                one_line(title)
            );
        }
        if fixed.body != comment.body {
            let _ = writeln!(
                out,
                "  {} {}",
                paint.paint(style::FIX, "fixed body:"),
                one_line(&fixed.body)
            );
        }
    }
    out.push('\n');
    (out, hidden)
}

/// The line of `text` holding code point `start` (cut to [`CONTEXT`] characters either side
/// of the span when long), the column of `start` in what is shown, and the span width clipped
/// to the line (all in code points).
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
    let span_end = end.clamp(start, line_end);
    let from = line_start.max(start.saturating_sub(CONTEXT));
    let to = line_end.min(span_end + CONTEXT);
    let mut shown = String::new();
    let mut col = start - from;
    if from > line_start {
        shown.push('…');
        col += 1;
    }
    shown.extend(
        chars[from..to]
            .iter()
            .map(|&c| if c == '\t' { ' ' } else { c }),
    );
    if to < line_end {
        shown.push('…');
    }
    (shown, col, span_end - start)
}

fn one_line(text: &str) -> String {
    text.replace('\n', "⏎")
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn a_span_in_a_long_line_is_shown_with_context_either_side() {
        let text = format!("{}SPAN{}", "a".repeat(100), "b".repeat(100));
        let (shown, col, width) = locate(&text, 100, 104);
        assert_eq!(shown, format!("…{}SPAN{}…", "a".repeat(30), "b".repeat(30)));
        assert_eq!((col, width), (31, 4));
        let (shown, col, width) = locate("first\nsecond SPAN", 13, 17);
        assert_eq!((shown.as_str(), col, width), ("second SPAN", 7, 4));
    }
}
