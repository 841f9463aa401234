//! `duplicate-clause`: every heading ends with `{#clause-id}` and no id repeats within a
//! version, so every clause has one stable address that links and rule sets can cite.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::{Diagnostic, line_col};
use crate::markdown::LineIndex;
use crate::model::PolicySet;

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for clause in &v.clauses {
            if let Some(first) = seen.get(clause.id.as_str()) {
                let (_, column) = line_col(&v.source, clause.id_offset);
                out.push(
                    Diagnostic::error(
                        codes::DUPLICATE_CLAUSE,
                        &v.path,
                        clause.line,
                        column,
                        format!("clause id `{}` is already used on line {first}", clause.id),
                    )
                    .with_width(clause.id.chars().count() + 3)
                    .with_help(
                        "give this clause its own id; ids are the clause's permanent address",
                    ),
                );
            } else {
                seen.insert(&clause.id, clause.line);
            }
        }
        if !v.scan.headings_without_id.is_empty() {
            let lines = LineIndex::new(&v.source);
            for (offset, heading) in &v.scan.headings_without_id {
                let (line, column) = lines.line_col(&v.source, *offset);
                out.push(
                    Diagnostic::error(
                        codes::DUPLICATE_CLAUSE,
                        &v.path,
                        line,
                        column,
                        format!("heading `{heading}` has no clause id"),
                    )
                    .with_help("end the heading with `{#clause-id}`, e.g. `## Refunds {#refunds}`"),
                );
            }
        }
    }
    out
}
