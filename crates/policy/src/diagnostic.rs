//! Diagnostics: what `davar check` reports, with file, line and column, rendered like rustc
//! (the source line underlined) or as JSON.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

/// How bad a diagnostic is: errors stop `davar build`, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed before publishing.
    Error,
    /// Worth a look; does not stop publishing.
    Warning,
    /// A suggestion: the text is fine as it is.
    Hint,
}

impl Severity {
    /// The lowercase name used in both output formats.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// One problem found in a source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `front-matter`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line (0 when the problem concerns the whole file).
    pub line: usize,
    /// 1-based column in characters (0 when the problem concerns the whole line or file).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// Last column (exclusive, in characters) of the underlined span, when longer than one.
    #[serde(skip)]
    pub end_column: Option<usize>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The reason it was accepted (`accepted-findings.txt`); an accepted finding does not
    /// count as an error or warning.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

impl Diagnostic {
    /// An error at `file:line:column`.
    pub fn error(
        code: &'static str,
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.into(),
            line,
            column,
            message: message.into(),
            end_column: None,
            help: None,
            accepted: None,
        }
    }

    /// A warning at `file:line:column`.
    pub fn warning(
        code: &'static str,
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, line, column, message)
        }
    }

    /// A hint at `file:line:column`.
    pub fn hint(
        code: &'static str,
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Hint,
            ..Diagnostic::error(code, file, line, column, message)
        }
    }

    /// Underlines `width` characters starting at the column.
    pub fn with_width(mut self, width: usize) -> Self {
        if width > 1 {
            self.end_column = Some(self.column + width);
        }
        self
    }

    /// Adds a hint telling how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders like rustc: a header, the location, and the source line with the span
    /// underlined (when `source` holds the file's text and the line exists).
    pub fn render_human(&self, source: Option<&str>) -> String {
        let mut out = format!(
            "{}[{}]: {}\n",
            self.severity.as_str(),
            self.code,
            self.message
        );
        let location = match (self.line, self.column) {
            (0, _) => self.file.display().to_string(),
            (line, 0) => format!("{}:{line}", self.file.display()),
            (line, column) => format!("{}:{line}:{column}", self.file.display()),
        };
        let line_text = source
            .filter(|_| self.line > 0)
            .and_then(|text| text.lines().nth(self.line - 1));
        let gutter = " ".repeat(self.line.to_string().len());
        let _ = writeln!(out, "{gutter}--> {location}");
        if let Some(text) = line_text {
            let text = text.trim_end_matches('\r').replace('\t', " ");
            let (shown, skipped) = window(&text, self.column);
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{} | {shown}", self.line);
            if self.column > 0 {
                let start = self.column - 1 - skipped;
                let width = self
                    .end_column
                    .map_or(1, |end| end.saturating_sub(self.column).max(1))
                    .min(WINDOW_CHARS);
                let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(start), "^".repeat(width));
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{gutter} = help: {help}");
        }
        out
    }
}

/// The most characters of a source line a diagnostic quotes.
const WINDOW_CHARS: usize = 160;

/// The part of `line` a diagnostic quotes: all of it when short, else [`WINDOW_CHARS`]
/// characters around `column` (1-based, 0: the start) with `…` where text is left out; and how
/// many columns the caret moves left (characters left out, less the `…`).
fn window(line: &str, column: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= WINDOW_CHARS {
        return (line.to_string(), 0);
    }
    let start = column
        .saturating_sub(WINDOW_CHARS / 2)
        .min(count - WINDOW_CHARS);
    let mut shown: String = line.chars().skip(start).take(WINDOW_CHARS).collect();
    if start + WINDOW_CHARS < count {
        shown.push('…');
    }
    if start == 0 {
        return (shown, 0);
    }
    (format!("…{shown}"), start - 1)
}

/// How many errors, warnings and hints a set of diagnostics holds, and how many findings were
/// accepted (`accepted-findings.txt`); displayed as `davar check`'s last line,
/// `4 error(s), 2 warning(s)`, followed by `, 1 hint(s)` and `; 3 accepted` when there are any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Open diagnostics of severity error.
    pub errors: usize,
    /// Open diagnostics of severity warning.
    pub warnings: usize,
    /// Diagnostics of severity hint.
    pub hints: usize,
    /// Errors and warnings accepted in `accepted-findings.txt`.
    pub accepted: usize,
}

impl Counts {
    /// Counts `diagnostics` by severity; accepted ones only as accepted.
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            let slot = match (d.accepted.is_some(), d.severity) {
                (true, _) => &mut counts.accepted,
                (false, Severity::Error) => &mut counts.errors,
                (false, Severity::Warning) => &mut counts.warnings,
                (false, Severity::Hint) => &mut counts.hints,
            };
            *slot += 1;
        }
        counts
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} error(s), {} warning(s)", self.errors, self.warnings)?;
        if self.hints > 0 {
            write!(f, ", {} hint(s)", self.hints)?;
        }
        if self.accepted > 0 {
            write!(f, "; {} accepted in accepted-findings.txt", self.accepted)?;
        }
        Ok(())
    }
}

/// Converts a byte offset in `text` to a 1-based (line, column) pair, the column counted in
/// characters. Offsets past the end map to the end.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_line_with_the_span_underlined() {
        let diagnostic =
            Diagnostic::error("placeholder", "p/terms/v1.en.md", 2, 7, "leftover `TODO`")
                .with_width(4)
                .with_help("write the missing text");
        let rendered = diagnostic.render_human(Some("first\nWrite TODO here\n"));
        assert_eq!(
            rendered,
            "error[placeholder]: leftover `TODO`\n --> p/terms/v1.en.md:2:7\n  |\n2 | Write TODO here\n  |       ^^^^\n  = help: write the missing text\n"
        );
    }

    #[test]
    fn a_long_line_is_quoted_around_the_column() {
        let line = format!("rules: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let d = Diagnostic::error("rule-set", "r.yaml", 1, 71, "too deep");
        let text = d.render_human(Some(&line));
        let lines: Vec<&str> = text.lines().collect();
        assert!(text.len() < 1_000, "{text}");
        assert_eq!(lines[3], format!("1 | {}…", &line[..WINDOW_CHARS]));
        assert_eq!(lines[4], format!("  | {}^", " ".repeat(70)));
        let far = Diagnostic::error("rule-set", "r.yaml", 1, 150_000, "x");
        let text = far.render_human(Some(&line));
        let lines: Vec<&str> = text.lines().collect();
        let caret = lines[4].find('^').unwrap();
        assert_eq!(lines[3].chars().nth(caret), Some(']'), "{text}");
        assert!(lines[3].starts_with("1 | …]"), "{text}");
        assert!(lines[3].ends_with("]…"), "{text}");
    }

    #[test]
    fn json_has_the_documented_fields() {
        let diagnostic = Diagnostic::warning("empty-list", "a.md", 3, 1, "no list");
        let json = serde_json::to_value(&diagnostic).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code":"empty-list","severity":"warning","file":"a.md","line":3,"column":1,"message":"no list"})
        );
    }

    #[test]
    fn counts_read_like_the_summary_line() {
        let diagnostics = [
            Diagnostic::error("placeholder", "a.md", 1, 1, "x"),
            Diagnostic::warning("empty-list", "a.md", 2, 1, "y"),
            Diagnostic::error("broken-link", "b.md", 3, 1, "z"),
        ];
        let counts = Counts::of(&diagnostics);
        assert_eq!((counts.errors, counts.warnings), (2, 1));
        assert_eq!(counts.to_string(), "2 error(s), 1 warning(s)");
        let mut more = diagnostics.to_vec();
        more[0].accepted = Some("known".into());
        more.push(Diagnostic::hint("clause-id", "a.md", 4, 1, "h"));
        assert_eq!(
            Counts::of(&more).to_string(),
            "1 error(s), 1 warning(s), 1 hint(s); 1 accepted in accepted-findings.txt"
        );
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nسلام TODO";
        assert_eq!(line_col(text, text.find("TODO").unwrap()), (2, 6));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 999), (2, 10));
    }
}
