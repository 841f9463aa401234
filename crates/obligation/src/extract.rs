//! Reading every obligation block of a version, reporting unreadable blocks (`obligation-block`).

use std::collections::BTreeMap;

use super::block::{Obligation, parse_block};
use super::codes;
use davar_policy::diagnostic::Diagnostic;
use davar_policy::model::PolicyVersion;

/// The obligations of one version in document order, and diagnostics for blocks that could not
/// be read, duplicate ids, working-time durations in a document without a calendar and blocks
/// outside any clause (before the first heading), which no clause states and no page shows.
pub fn version_obligations(version: &PolicyVersion) -> (Vec<Obligation>, Vec<Diagnostic>) {
    let mut obligations = Vec::new();
    let mut diagnostics = Vec::new();
    for block in version.preamble.iter().flat_map(|p| &p.obligation_blocks) {
        diagnostics.push(
            Diagnostic::error(
                codes::OBLIGATION_BLOCK,
                &version.path,
                block.line.saturating_sub(1),
                1,
                "this obligation block is outside any clause: it comes before the first heading",
            )
            .with_help(
                "put it under the heading of the clause whose text states it (add a heading if the document has none)",
            ),
        );
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for clause in &version.clauses {
        for block in &clause.obligation_blocks {
            match parse_block(block, &clause.id) {
                Ok(ob) => {
                    if let Some(first) = seen.get(&ob.id) {
                        diagnostics.push(
                            Diagnostic::error(
                                codes::OBLIGATION_BLOCK,
                                &version.path,
                                ob.line,
                                1,
                                format!(
                                    "obligation id `{}` is already used at line {first}",
                                    ob.id
                                ),
                            )
                            .with_help("give every obligation of a version its own id"),
                        );
                        continue;
                    }
                    if ob.limit.duration().needs_calendar() && version.calendar.is_none() {
                        diagnostics.push(
                            Diagnostic::error(
                                codes::OBLIGATION_BLOCK,
                                &version.path,
                                ob.line,
                                1,
                                format!(
                                    "obligation `{}` counts working time (`{}`) but the document has no working-day calendar",
                                    ob.id,
                                    ob.limit.duration()
                                ),
                            )
                            .with_help("add `calendar: ir` (or another id from rules/calendars) to the front matter"),
                        );
                    }
                    seen.insert(ob.id.clone(), ob.line);
                    obligations.push(ob);
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    codes::OBLIGATION_BLOCK,
                    &version.path,
                    e.line,
                    e.column,
                    e.message,
                )),
            }
        }
    }
    (obligations, diagnostics)
}
