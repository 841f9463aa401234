//! `placeholder`: leftovers of a publishing tool or an unfinished draft outside code:
//! `[email protected]` (what a CMS's e-mail obfuscation leaves when the text is copied),
//! `TODO`, `XXX`, `lorem ipsum` and template variables such as `{{name}}`.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::model::PolicySet;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\[(?i:email)(?:\s|&nbsp;|&#160;)*(?i:protected)\]|\bTODO\b|\bXXX\b|(?i:lorem\s+ipsum)|\{\{[^{}\n]*\}\})")
        .expect("placeholder pattern is valid")
});

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut lines = None;
        for found in PLACEHOLDER.find_iter(&v.source) {
            if v.scan.in_code(found.start()) {
                continue;
            }
            let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
            let (line, column) = lines.line_col(&v.source, found.start());
            let text = found.as_str();
            let help = if text.starts_with('[') {
                "a publishing tool replaced an e-mail address here; write the real address"
            } else if text.starts_with("{{") {
                "a template variable was never filled in; write the text it stands for"
            } else {
                "finish the text before publishing"
            };
            out.push(
                Diagnostic::error(
                    codes::PLACEHOLDER,
                    &v.path,
                    line,
                    column,
                    format!("placeholder `{text}` left in the text"),
                )
                .with_width(text.chars().count())
                .with_help(help),
            );
        }
    }
    out
}
