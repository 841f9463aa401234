//! The human report of diagnostics: the policy crate's rustc-like rendering, coloured on
//! terminals (severity and code, location arrow, underline, help).

use davar_policy::{Counts, Diagnostic, Severity};
use davar_project::Project;

use crate::output::{Paint, style};

/// Every diagnostic in `shown`, rendered like rustc, each followed by a blank line.
pub fn render(project: &Project, shown: &[&Diagnostic], paint: Paint) -> String {
    let mut out = String::new();
    for diagnostic in shown {
        let text = diagnostic.render_human(project.source_of(&diagnostic.file));
        out.push_str(&colour(diagnostic, &text, paint));
        out.push('\n');
    }
    out
}

/// The count line, `4 error(s), 2 warning(s)`, bold when there are errors.
pub fn counts_line(counts: Counts, paint: Paint) -> String {
    if counts.errors > 0 {
        paint.paint(style::BOLD, counts)
    } else {
        counts.to_string()
    }
}

/// Colours the parts of one rendered diagnostic a reader's eye looks for.
fn colour(diagnostic: &Diagnostic, text: &str, paint: Paint) -> String {
    if paint == Paint::NONE {
        return text.to_owned();
    }
    let severity = match diagnostic.severity {
        Severity::Error => style::ERROR,
        Severity::Warning => style::WARNING,
        Severity::Hint => style::NOTE,
    };
    let header = format!("{}[{}]", diagnostic.severity.as_str(), diagnostic.code);
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.lines().enumerate() {
        if i == 0
            && let Some(rest) = line.strip_prefix(&header)
        {
            out.push_str(&paint.paint(severity, &header));
            out.push_str(&paint.paint(style::BOLD, rest));
        } else if let Some((gutter, rest)) =
            line.split_once(" | ").or_else(|| line.split_once(" |"))
        {
            let underline = !rest.is_empty() && rest.trim_start().chars().all(|c| c == '^');
            out.push_str(&paint.paint(style::LOCATION, format!("{gutter} |")));
            if !rest.is_empty() || line.ends_with(" | ") {
                out.push(' ');
            }
            if underline {
                out.push_str(&paint.paint(severity, rest));
            } else {
                out.push_str(rest);
            }
        } else if let Some((gutter, rest)) = line.split_once("--> ") {
            out.push_str(&paint.paint(style::LOCATION, format!("{gutter}-->")));
            out.push(' ');
            out.push_str(rest);
        } else if let Some((gutter, rest)) = line.split_once(" = help: ") {
            out.push_str(&paint.paint(style::LOCATION, format!("{gutter} =")));
            out.push(' ');
            out.push_str(&paint.paint(style::BOLD, "help:"));
            out.push(' ');
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
