//! `duration-mismatch`: the durations a clause states in prose and the durations of the
//! obligation blocks under it must be the same. A block whose clause states no duration, and a
//! prose duration with no block, are both reported, each duration once per clause however
//! often the clause repeats it. A duration restated in parentheses in another unit (`2 days
//! (48 hours)`) agrees with a block stating either; a duration whose parentheses disagree with
//! it (`five (3) working days`, `2 days (72 hours)`) is reported as such.
//!
//! A document with no obligation block in any version (an imported history, a policy that
//! does not use blocks) is not compared clause by clause: it gets one hint naming the first
//! duration of its latest version that states one.

use std::collections::HashSet;

use super::block::Obligation;
use super::codes;
use super::duration::Duration;
use super::prose::{ProseDuration, find_durations};
use davar_policy::diagnostic::{Diagnostic, line_col};
use davar_policy::model::{Clause, Document, PolicyVersion};

/// Whether any version of `doc` has an obligation block, under a clause or not.
pub fn uses_blocks(doc: &Document) -> bool {
    doc.versions
        .iter()
        .any(|v| v.clauses.iter().any(|c| !c.obligation_blocks.is_empty()))
}

/// The hint for a document without obligation blocks whose prose states durations: one per
/// document, at the first duration of the latest version (binding language first) that has one.
pub fn hint_without_blocks(doc: &Document, binding: &str) -> Option<Diagnostic> {
    let mut versions: Vec<&PolicyVersion> = doc.versions.iter().collect();
    versions.sort_by_key(|v| (v.lang != binding, std::cmp::Reverse(v.version)));
    // Versions share most clauses word for word: a clause text read once without a duration
    // is not read again.
    let mut without: HashSet<&str> = HashSet::new();
    let mut stated = versions.into_iter().filter_map(|v| {
        v.clauses.iter().find_map(|c| {
            if without.contains(c.prose.as_str()) {
                return None;
            }
            let found = find_durations(&c.prose).into_iter().next();
            if found.is_none() {
                without.insert(&c.prose);
            }
            found.map(|d| (v, c, d))
        })
    });
    let (version, clause, said) = stated.next()?;
    let (line, column) = locate(version, clause, &said);
    let text = said.text(&clause.prose);
    Some(
        Diagnostic::hint(
            codes::DURATION_MISMATCH,
            &version.path,
            line,
            column,
            format!(
                "`{}` states durations in its prose (\"{text}\" in clause `{}`) but has no obligation blocks, so no deadline is checked against them",
                doc.id, clause.id
            ),
        )
        .with_width(text.chars().count())
        .with_help("add ```obligation blocks under the clauses whose deadlines the marketplace keeps; documents without blocks are not compared clause by clause"),
    )
}

/// Compares prose and blocks clause by clause. `obligations` are the version's parsed blocks.
pub fn check_version(version: &PolicyVersion, obligations: &[Obligation]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for clause in &version.clauses {
        let blocks: Vec<&Obligation> = obligations
            .iter()
            .filter(|o| o.clause == clause.id)
            .collect();
        // A clause with an unreadable block already has an `obligation-block` error; comparing
        // its prose with the readable blocks only would add noise.
        if blocks.len() < clause.obligation_blocks.len() {
            continue;
        }
        let prose = find_durations(&clause.prose);
        check_clause(version, clause, &blocks, &prose, &mut out);
    }
    out
}

fn check_clause(
    version: &PolicyVersion,
    clause: &Clause,
    blocks: &[&Obligation],
    prose: &[ProseDuration],
    out: &mut Vec<Diagnostic>,
) {
    // A duration whose parentheses disagree with it is reported once for the clause, and a
    // block stating either of them is not reported again.
    let says = |p: &ProseDuration, wanted: &Duration| {
        &p.duration == wanted
            || p.restated.as_ref().is_some_and(|r| &r.duration == wanted)
            || p.parenthesised.as_ref() == Some(wanted)
    };
    let mut contradicted: Vec<&str> = Vec::new();
    for said in prose {
        let disagreeing = said.restated.as_ref().filter(|r| !r.agrees);
        let Some(numeral) = said
            .parenthesised
            .as_ref()
            .or(disagreeing.map(|r| &r.duration))
        else {
            continue;
        };
        let text = said.text(&clause.prose);
        if contradicted.contains(&text) {
            continue;
        }
        contradicted.push(text);
        let (line, column) = locate(version, clause, said);
        // `five (3) working days` restates the number, `2 days (72 hours)` the length.
        let (what, help) = if disagreeing.is_none() {
            (
                "its words say {said} but the numeral in parentheses says {numeral}",
                "make the words and the numeral in parentheses state the same number",
            )
        } else {
            (
                "it says {said} but the parentheses say {numeral}",
                "make the length in parentheses the same as the length before it",
            )
        };
        let what = what
            .replace("{said}", &said.duration.to_string())
            .replace("{numeral}", &numeral.to_string());
        out.push(
            Diagnostic::error(
                codes::DURATION_MISMATCH,
                &version.path,
                line,
                column,
                format!("clause `{}` states \"{text}\": {what}", clause.id),
            )
            .with_width(text.chars().count())
            .with_help(help),
        );
    }
    let mut unmatched_prose: Vec<&ProseDuration> = prose.iter().collect();
    let mut unmatched_blocks = Vec::new();
    for block in blocks {
        let wanted = block.limit.duration();
        match unmatched_prose.iter().position(|p| says(p, wanted)) {
            Some(i) => {
                unmatched_prose.remove(i);
            }
            None => unmatched_blocks.push(*block),
        }
    }
    // A repeated mention of a duration that a block already states is fine; a duration no
    // block states is reported once however often the clause says it.
    unmatched_prose.retain(|p| !blocks.iter().any(|b| says(p, b.limit.duration())));
    let mut seen = Vec::new();
    unmatched_prose.retain(|p| {
        let first = !seen.contains(&&p.duration);
        seen.push(&p.duration);
        first
    });
    for block in unmatched_blocks {
        let (message, help) = if unmatched_prose.is_empty() {
            (
                format!(
                    "obligation `{}` says `{}` but clause `{}` states no duration in its text",
                    block.id, block.limit, clause.id
                ),
                "state the duration in the clause's prose, or move the block under the clause that states it",
            )
        } else {
            let said = unmatched_prose.remove(0);
            let (line, _) = locate(version, clause, said);
            (
                format!(
                    "obligation `{}` says `{}` but the clause text says \"{}\" ({}, line {line})",
                    block.id,
                    block.limit,
                    said.text(&clause.prose),
                    said.duration
                ),
                "make the prose and the block state the same duration",
            )
        };
        out.push(
            Diagnostic::error(
                codes::DURATION_MISMATCH,
                &version.path,
                block.line,
                1,
                message,
            )
            .with_help(help),
        );
    }
    for said in unmatched_prose {
        let (line, column) = locate(version, clause, said);
        let text = said.text(&clause.prose);
        out.push(
            Diagnostic::error(
                codes::DURATION_MISMATCH,
                &version.path,
                line,
                column,
                format!(
                    "clause `{}` states \"{text}\" ({}) but no obligation block under it says so",
                    clause.id, said.duration
                ),
            )
            .with_width(text.chars().count())
            .with_help(
                "add an ```obligation block with `within:` or `at-least:` under this clause",
            ),
        );
    }
}

/// File line and column of a prose duration: its text searched from the clause heading on,
/// falling back to the heading.
fn locate(version: &PolicyVersion, clause: &Clause, said: &ProseDuration) -> (usize, usize) {
    let source = &version.source;
    let heading_offset = source
        .split_inclusive('\n')
        .take(clause.line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let text = said.text(&clause.prose);
    source
        .get(heading_offset..)
        .and_then(|rest| rest.find(text))
        .map(|i| line_col(source, heading_offset + i))
        .unwrap_or((clause.line, 0))
}
