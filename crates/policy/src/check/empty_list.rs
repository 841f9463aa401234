//! `empty-list`: a paragraph that announces a list (ending in `:`, or in `.` after "the
//! following", "comme suit", "wie folgt"…) must be followed by its items; when nothing that
//! could hold them follows, the items were lost (a common copy-paste accident when moving text
//! between editors).
//!
//! Not reported: labels and sub-headings (`**Contact:**`, `Adresse :` followed by the address),
//! items written without list markup (`\- item`, `1\. item`, `a) item`, `• item`), and a
//! following paragraph short or fragmentary enough to be the items themselves.

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::markdown::intro::{ListIntro, NextBlock};
use crate::model::PolicySet;

/// Longest announcement still read as a label or sub-heading rather than a sentence.
const LABEL_WORDS: usize = 4;
/// Shortest following sentence read as ordinary prose rather than the items themselves.
const PROSE_WORDS: usize = 4;

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
        NextBlock::List | NextBlock::Table | NextBlock::Other => false,
        NextBlock::Heading | NextBlock::End => true,
        NextBlock::Paragraph => is_prose(&intro.next_text),
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

/// Whether a following paragraph is ordinary prose (a sentence of its own) rather than the
/// announced items written without list markup.
fn is_prose(text: &str) -> bool {
    let text = text.trim_start();
    let Some(first) = text.chars().next() else {
        return false;
    };
    if starts_with_item_marker(text) || first.is_lowercase() || !first.is_alphabetic() {
        return false;
    }
    let words = text.split_whitespace().count();
    let commas = text.matches([',', '،']).count();
    let sentence = text.trim_end().ends_with(['.', '!', '?', '؟']);
    sentence && words >= PROSE_WORDS && commas * 3 < words && !text.contains(';')
}

/// `- x`, `• x`, `1. x`, `1) x`, `a) x`, `(b) x`, `ii. x`, `۱- x`.
fn starts_with_item_marker(text: &str) -> bool {
    if text.starts_with([
        '-', '–', '—', '•', '·', '▪', '◦', '*', '+', '\u{f0a7}', '✓', '►', '>',
    ]) {
        return true;
    }
    let word = text.split_whitespace().next().unwrap_or_default();
    let core = word.trim_start_matches('(');
    let Some(body) = core.strip_suffix(['.', ')', '-', ':']) else {
        return false;
    };
    !body.is_empty()
        && (body.chars().all(char::is_numeric)
            || body.chars().count() == 1 && body.chars().all(char::is_alphabetic)
            || body
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X')))
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
        let items = "- your name and address";
        assert!(!is_lost_list(&intro(
            "Please send us the following:",
            NextBlock::Paragraph,
            items
        )));
        assert!(!is_lost_list(&intro(
            "Please send us the following:",
            NextBlock::Paragraph,
            "1. your name"
        )));
        assert!(!is_lost_list(&intro(
            "Please send us the following:",
            NextBlock::Paragraph,
            "b) the order number"
        )));
        assert!(!is_lost_list(&intro(
            "Please send us the following:",
            NextBlock::Paragraph,
            "Name, order number, date"
        )));
    }

    #[test]
    fn a_sentence_followed_by_unrelated_prose_lost_its_list() {
        let prose = "We aim to answer every message thoroughly and quickly, and we will tell you what happens next.";
        assert!(is_lost_list(&intro(
            "Here is how you can reach us:",
            NextBlock::Paragraph,
            prose
        )));
    }
}
