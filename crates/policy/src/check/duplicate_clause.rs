//! `duplicate-clause`: no clause id repeats within a version, so every clause has one stable
//! address that links and rule sets can cite.
//!
//! `clause-id`: headings without `{#clause-id}` get an id derived from their text (see
//! [`crate::clause_id`]); a hint per version names them, since an explicit id survives a
//! rewrite of the heading.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::{Diagnostic, line_col};
use crate::model::PolicySet;

/// Derived ids named in the hint before "and N more".
const NAMED: usize = 3;

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for clause in v.clauses.iter().filter(|c| c.explicit_id) {
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
    }
    out
}

/// One hint per version naming the headings whose ids are derived from their text.
pub(super) fn derived_ids(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let derived: Vec<_> = v.clauses.iter().filter(|c| !c.explicit_id).collect();
        let Some(first) = derived.first() else {
            continue;
        };
        let mut named: Vec<String> = derived
            .iter()
            .take(NAMED)
            .map(|c| format!("`{}`", c.id))
            .collect();
        if derived.len() > NAMED {
            named.push(format!("{} more", derived.len() - NAMED));
        }
        out.push(
            Diagnostic::hint(
                codes::CLAUSE_ID,
                &v.path,
                first.line,
                1,
                format!(
                    "{} heading(s) without `{{#id}}` use ids derived from their text: {}",
                    derived.len(),
                    named.join(", ")
                ),
            )
            .with_help(format!(
                "derived ids survive renumbering and light edits; write `{{#{}}}` at the end of a heading to fix its address for good",
                first.id
            )),
        );
    }
    out
}
