//! `empty-list`: a paragraph that announces a list (ending in `:`, or ending in `.` with "the
//! following …", "comme suit", "wie folgt"… among its last words) must be followed by its items;
//! when nothing follows, the items were lost (a common copy-paste accident when moving text
//! between editors). Nothing follows an announcement ending in `:` when its section or the
//! document ends there; one ending in `.` ("the conditions set out below.") may refer to the
//! sections after it, and is reported only when the document ends there.
//!
//! Not reported: labels and sub-headings (`**Contact:**`, `Adresse :`), an announcement followed
//! by any block that can hold what it announces (a list, a table, a paragraph — an address, a
//! form, a quoted sentence, items written without list markup — or sub-sections under deeper
//! headings).

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::markdown::intro::{ListIntro, NextBlock};
use crate::model::PolicySet;

/// Longest announcement still read as a label or sub-heading rather than a sentence.
const LABEL_WORDS: usize = 4;

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut lines = None;
        for intro in v.scan.list_intros.iter().filter(|i| is_lost_list(i)) {
            let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
            let (line, column) = lines.line_col(&v.source, intro.offset);
            out.push(
                Diagnostic::error(
                    codes::EMPTY_LIST,
                    &v.path,
                    line,
                    column,
                    "this paragraph announces a list, but no list follows",
                )
                .with_help("restore the list items (`- item` lines right after it) or rewrite the sentence so it announces nothing"),
            );
        }
    }
    out
}

/// Whether what follows `intro` cannot hold the list it announces.
pub(crate) fn is_lost_list(intro: &ListIntro) -> bool {
    if intro.bold || is_label(&intro.text) {
        return false;
    }
    match intro.next {
        NextBlock::List
        | NextBlock::Table
        | NextBlock::Other
        | NextBlock::Paragraph
        | NextBlock::SubHeading => false,
        // "… the terms and conditions set out below." refers to the sections that follow; a
        // sentence ending in `:` is followed by its items in the same section.
        NextBlock::Heading => !intro.text.trim_end().ends_with('.'),
        NextBlock::End => true,
    }
}

/// Words that start a sentence rather than a label (`You may:`, `Vous pouvez :`, `Wir
/// erheben:`, `شما می‌توانید:`).
const SENTENCE_STARTS: &[&str] = &[
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "it",
    "this",
    "these",
    "je",
    "tu",
    "il",
    "elle",
    "nous",
    "vous",
    "ils",
    "elles",
    "on",
    "ceci",
    "cela",
    "ich",
    "du",
    "er",
    "sie",
    "es",
    "wir",
    "ihr",
    "dies",
    "diese",
    "من",
    "تو",
    "او",
    "ما",
    "شما",
    "آنها",
    "ایشان",
];

/// A short announcement without a sentence's shape: `Contact:`, `Nom :`, `Article 3 :`,
/// `Date of birth:` (a form field or sub-heading).
fn is_label(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let starts_sentence = words
        .first()
        .is_some_and(|w| SENTENCE_STARTS.contains(&w.as_str()));
    words.len() <= LABEL_WORDS && !starts_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intro(text: &str, next: NextBlock, next_text: &str) -> ListIntro {
        ListIntro {
            offset: 0,
            text: text.into(),
            bold: false,
            in_list: false,
            next,
            next_text: next_text.into(),
        }
    }

    #[test]
    fn a_sentence_followed_by_a_heading_or_nothing_lost_its_list() {
        assert!(is_lost_list(&intro(
            "You may ask us to:",
            NextBlock::End,
            ""
        )));
        assert!(is_lost_list(&intro(
            "We accept these payment methods:",
            NextBlock::Heading,
            ""
        )));
    }

    #[test]
    fn labels_lists_and_unformatted_items_are_fine() {
        assert!(!is_lost_list(&intro(
            "You may ask us to:",
            NextBlock::List,
            ""
        )));
        assert!(!is_lost_list(&intro("Adresse :", NextBlock::Heading, "")));
        for next in [
            "\\- your name and address",
            "Name: ______ Order number: ______",
            "Bazarcheh Ltd, 12 Example Street, Tehran.",
        ] {
            assert!(!is_lost_list(&intro(
                "Please send us the following:",
                NextBlock::Paragraph,
                next
            )));
        }
        assert!(!is_lost_list(&intro(
            "The following refund rules apply:",
            NextBlock::SubHeading,
            ""
        )));
    }

    #[test]
    fn a_sentence_ending_in_a_full_stop_may_announce_the_sections_after_it() {
        let text = "Using the site means accepting the terms and conditions set out below.";
        assert!(!is_lost_list(&intro(text, NextBlock::Heading, "")));
        assert!(is_lost_list(&intro(text, NextBlock::End, "")));
    }
}
