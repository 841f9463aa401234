//! `obligation-block` for a fence meant as an obligation block but not written as one: its
//! info string is a case variant or a near miss of `obligation` (```` ```Obligation ````,
//! ```` ```obligations ````, ```` ```obligaton ````). Such a block is shown as code and its
//! duration never checked, so it is an error with the name it was meant to have.

use jiff::civil::Date;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use crate::codes;
use crate::diagnostic::{Diagnostic, line_col};
use crate::model::PolicySet;

/// The info word of an obligation block.
const OBLIGATION: &str = "obligation";

/// Whether `word` was meant as `obligation`: the same in another case, or at most two edits away.
fn meant_as_obligation(word: &str) -> bool {
    word != OBLIGATION
        && (word.eq_ignore_ascii_case(OBLIGATION)
            || word.chars().count() >= 8
                && super::edit_distance(&word.to_lowercase(), OBLIGATION) <= 2)
}

/// Whether `text` holds `mark` (an ASCII character) three times in a row; the character is
/// looked for first, which is faster than searching for the run.
fn has_run_of_three(text: &str, mark: char) -> bool {
    let run = [mark as u8; 3];
    let mut from = 0;
    while let Some(i) = text[from..].find(mark) {
        let at = from + i;
        if text.as_bytes().get(at..at + 3) == Some(&run[..]) {
            return true;
        }
        from = at + 1;
    }
    false
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let body = v.body();
        // A fenced block opens with three backticks or tildes: a body without either has none
        // and is not parsed.
        if !has_run_of_three(body, '`') && !has_run_of_three(body, '~') {
            continue;
        }
        let offset = v.source.len() - body.len();
        for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
            let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = event else {
                continue;
            };
            let Some(word) = info.split_whitespace().next() else {
                continue;
            };
            if !meant_as_obligation(word) {
                continue;
            }
            let (line, column) = line_col(&v.source, offset + range.start);
            out.push(
                Diagnostic::error(
                    codes::OBLIGATION_BLOCK,
                    &v.path,
                    line,
                    column,
                    format!("the fence ```{word} is not an obligation block: the block is shown as code and never checked"),
                )
                .with_help("did you mean ```obligation? write the info string in lower case"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::meant_as_obligation;

    #[test]
    fn a_run_of_three_is_found_where_the_run_search_finds_it() {
        for text in [
            "",
            "`",
            "``",
            "```",
            "a`b``c```",
            "``~`~~`",
            "é```",
            "~~ ~~~",
            "`` ``",
        ] {
            for mark in ['`', '~'] {
                let run: String = [mark; 3].iter().collect();
                assert_eq!(
                    super::has_run_of_three(text, mark),
                    text.contains(&run),
                    "{text:?} {mark:?}"
                );
            }
        }
    }

    #[test]
    fn case_variants_and_near_misses_are_meant_as_obligation() {
        for word in [
            "Obligation",
            "OBLIGATION",
            "obligations",
            "obligaton",
            "Obligatoin",
        ] {
            assert!(meant_as_obligation(word), "{word}");
        }
        for word in [
            "obligation",
            "yaml",
            "text",
            "oblige",
            "json",
            "application",
        ] {
            assert!(!meant_as_obligation(word), "{word}");
        }
    }
}
