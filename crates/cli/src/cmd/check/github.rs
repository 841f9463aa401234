//! `davar check --format github`: GitHub Actions workflow commands, one per diagnostic, so a
//! workflow step running `davar check` annotates the policy files on the pull request.

use std::fmt::Write as _;

use davar_policy::{Diagnostic, Severity};

/// One `::error file=…,line=…,col=…,endColumn=…,title=…::message` line per diagnostic.
pub fn render(diagnostics: &[&Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "notice",
        };
        let mut properties = vec![format!("file={}", property(&d.file.display().to_string()))];
        if d.line > 0 {
            properties.push(format!("line={}", d.line));
            if d.column > 0 {
                properties.push(format!("col={}", d.column));
                if let Some(end) = d.end_column {
                    properties.push(format!("endColumn={end}"));
                }
            }
        }
        properties.push(format!(
            "title={}",
            property(&format!("davar check: {}", d.code))
        ));
        let mut message = format!("[{}] {}", d.code, d.message);
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            data(&message)
        );
    }
    out
}

/// Escapes the message of a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_what_the_runner_would_split_on() {
        let d = Diagnostic::error(
            "placeholder",
            "policies/a,b/v1.en.md",
            4,
            7,
            "50% done:\nTODO",
        )
        .with_width(4)
        .with_help("write it");
        assert_eq!(
            render(&[&d]),
            "::error file=policies/a%2Cb/v1.en.md,line=4,col=7,endColumn=11,title=davar check%3A placeholder::[placeholder] 50%25 done:%0ATODO%0Ahelp: write it\n"
        );
    }
}
