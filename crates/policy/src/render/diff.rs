//! What changed between two versions: clauses matched by id, and within a clause a word-level
//! diff of its prose (insertions and deletions), rendered as `<ins>`/`<del>` HTML. Text before
//! the first heading (the whole text of a document without headings) is compared too, as the
//! first entry with the id [`PREAMBLE_ID`].

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;
use similar::{ChangeTag, DiffTag, TextDiff};

use super::ObligationSentences;
use crate::clause_id::strip_section_number;
use crate::memo::Memo;
use crate::model::{Clause, PolicyVersion};

/// How a clause changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClauseStatus {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with different text or heading.
    Changed,
    /// In both, identical but perhaps for the section number of the heading (a clause that only
    /// moved up or down the numbering says nothing new to the reader).
    Unchanged,
}

/// One clause of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseChange {
    /// The clause id.
    pub id: String,
    /// The heading (new one when both exist).
    pub heading: String,
    /// The old heading, when its words changed (not only its section number).
    pub old_heading: Option<String>,
    /// Added, removed, changed or unchanged.
    pub status: ClauseStatus,
    /// The prose with `<ins>`/`<del>` marks (escaped HTML).
    pub html: String,
    /// Count of inserted words.
    pub insertions: usize,
    /// Count of deleted words.
    pub deletions: usize,
}

/// The id of the entry comparing the text before the first heading.
pub const PREAMBLE_ID: &str = "text-before-the-first-heading";

/// Compares `old` and `new` clause by clause, obligation blocks by the sentences `sentences`
/// gives for them. Removed clauses follow the clause that preceded them in the old version.
pub fn compare<'a>(
    old: &'a PolicyVersion,
    new: &'a PolicyVersion,
    sentences: &dyn ObligationSentences,
) -> Vec<ClauseChange> {
    let rules = |v: &PolicyVersion, c: &Clause| rules_of(sentences, v, c);
    // Clauses by id, so matching costs the same for a document of many clauses; the first of
    // two clauses with one id is the one `PolicyVersion::clause` finds.
    let index = |v: &'a PolicyVersion| {
        let mut by_id: HashMap<&'a str, &'a Clause> = HashMap::with_capacity(v.clauses.len());
        for clause in &v.clauses {
            by_id.entry(clause.id.as_str()).or_insert(clause);
        }
        by_id
    };
    let (old_ids, new_ids) = (index(old), index(new));
    let mut changes: Vec<ClauseChange> = new
        .clauses
        .iter()
        .map(|clause| match old_ids.get(clause.id.as_str()) {
            Some(before) => changed(before, clause, &rules(old, before), &rules(new, clause)),
            None => whole(clause, ClauseStatus::Added, &rules(new, clause)),
        })
        .collect();
    for (index, clause) in old.clauses.iter().enumerate() {
        if new_ids.contains_key(clause.id.as_str()) {
            continue;
        }
        let after = old.clauses[..index]
            .iter()
            .rev()
            .find_map(|prev| changes.iter().position(|c| c.id == prev.id));
        let at = after.map_or(0, |i| i + 1);
        changes.insert(
            at,
            whole(clause, ClauseStatus::Removed, &rules(old, clause)),
        );
    }
    with_preamble(old, new, changes)
}

/// `changes` with the comparison of the text before the first heading in front, when it
/// changed.
fn with_preamble<'a>(
    old: &'a PolicyVersion,
    new: &'a PolicyVersion,
    mut changes: Vec<ClauseChange>,
) -> Vec<ClauseChange> {
    let text = |v: &'a PolicyVersion| v.preamble.as_ref().filter(|c| !c.prose.trim().is_empty());
    let preamble = match (text(old), text(new)) {
        (Some(before), Some(after)) => Some(changed(before, after, "", "")),
        (None, Some(after)) => Some(whole(after, ClauseStatus::Added, "")),
        (Some(before), None) => Some(whole(before, ClauseStatus::Removed, "")),
        (None, None) => None,
    };
    if let Some(mut change) = preamble.filter(|c| c.status != ClauseStatus::Unchanged) {
        change.id = PREAMBLE_ID.to_string();
        change.old_heading = None;
        changes.insert(0, change);
    }
    changes
}

/// The sentences stating a clause's obligation blocks, one after the other.
fn rules_of(
    sentences: &dyn ObligationSentences,
    version: &PolicyVersion,
    clause: &Clause,
) -> String {
    clause
        .obligation_blocks
        .iter()
        .filter_map(|b| sentences.sentence(version, b))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The obligations of a clause, in the box they have on the clause's page.
fn rule_box(inner: &str) -> String {
    format!("<p class=\"obligation obligation-diff\">{inner}</p>")
}

fn whole(clause: &Clause, status: ClauseStatus, rules: &str) -> ClauseChange {
    let tag = if status == ClauseStatus::Added {
        "ins"
    } else {
        "del"
    };
    let mut html = String::with_capacity(clause.prose.len() + 16);
    marked(&mut html, tag, &clause.prose);
    if !rules.is_empty() {
        let mut inner = String::with_capacity(rules.len() + 16);
        marked(&mut inner, tag, rules);
        html.push_str(&rule_box(&inner));
    }
    let words = clause.prose.split_whitespace().count() + rules.split_whitespace().count();
    let added = status == ClauseStatus::Added;
    ClauseChange {
        id: clause.id.clone(),
        heading: clause.heading.clone(),
        old_heading: None,
        status,
        html,
        insertions: if added { words } else { 0 },
        deletions: if added { 0 } else { words },
    }
}

fn changed(old: &Clause, new: &Clause, old_rules: &str, new_rules: &str) -> ClauseChange {
    let old_heading = (!same_words(
        strip_section_number(&old.heading),
        strip_section_number(&new.heading),
    ))
    .then(|| old.heading.clone());
    let (mut html, mut insertions, mut deletions) = word_diff(&old.prose, &new.prose);
    if !old_rules.is_empty() || !new_rules.is_empty() {
        let (rules_html, ins, del) = word_diff(old_rules, new_rules);
        html.push_str(&rule_box(&rules_html));
        insertions += ins;
        deletions += del;
    }
    let status = if insertions == 0 && deletions == 0 && old_heading.is_none() {
        ClauseStatus::Unchanged
    } else {
        ClauseStatus::Changed
    };
    ClauseChange {
        id: new.id.clone(),
        heading: new.heading.clone(),
        old_heading,
        status,
        html,
        insertions,
        deletions,
    }
}

/// The most words a side for a word-by-word comparison of one run of text: it bounds the work
/// of one comparison (Myers' algorithm, quadratic at worst in the words and spaces of a side).
pub const WHOLE_DIFF_WORDS: usize = 2_000;

/// The word and space tokens of the diff of `old` and `new`, appended to `out` (see
/// [`word_diff`]).
fn diff_tokens<'a>(old: &'a str, new: &'a str, out: &mut Vec<(ChangeTag, &'a str)>) {
    let small = |t: &str| t.split_whitespace().nth(WHOLE_DIFF_WORDS).is_none();
    if small(old) && small(new) {
        let diff = TextDiff::configure().diff_words(old, new);
        out.extend(diff.iter_all_changes().map(|c| (c.tag(), c.value())));
        return;
    }
    let lines = TextDiff::configure().diff_lines(old, new);
    let (old_lines, new_lines) = (lines.old_slices(), lines.new_slices());
    for op in lines.ops() {
        let before = span(old, &old_lines[op.old_range()]);
        let after = span(new, &new_lines[op.new_range()]);
        match op.tag() {
            DiffTag::Equal => out.push((ChangeTag::Equal, after)),
            DiffTag::Delete => pieces(ChangeTag::Delete, before, out),
            DiffTag::Insert => pieces(ChangeTag::Insert, after, out),
            DiffTag::Replace if small(before) && small(after) => {
                let diff = TextDiff::configure().diff_words(before, after);
                out.extend(diff.iter_all_changes().map(|c| (c.tag(), c.value())));
            }
            DiffTag::Replace => {
                pieces(ChangeTag::Delete, before, out);
                pieces(ChangeTag::Insert, after, out);
            }
        }
    }
}

/// The stretch of `text` that `lines` (consecutive lines sliced from it) cover: their
/// concatenation, without copying.
fn span<'a>(text: &'a str, lines: &[&'a str]) -> &'a str {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return "";
    };
    let start = first.as_ptr() as usize - text.as_ptr() as usize;
    let end = last.as_ptr() as usize + last.len() - text.as_ptr() as usize;
    &text[start..end]
}

/// `text` as alternating word and space tokens tagged `tag`, as a word diff gives them, so
/// every word of a run deleted or inserted whole is counted.
fn pieces<'a>(tag: ChangeTag, text: &'a str, out: &mut Vec<(ChangeTag, &'a str)>) {
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            out.push((tag, &text[start..i]));
            start = i;
        }
        space = Some(is_space);
    }
    if start < text.len() {
        out.push((tag, &text[start..]));
    }
}

/// Whether `a` and `b` are the same words, however spaced.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Word-level diff as HTML, with counts of inserted and deleted words. Neighbouring changed
/// words (with the spaces between them) are grouped, so a reworded phrase reads as one
/// deletion followed by one insertion instead of alternating word by word.
///
/// The diff is bounded by size, not by time, so a page comes out the same on any machine: texts
/// of up to [`WHOLE_DIFF_WORDS`] words a side are compared word by word, longer ones line by
/// line first and then word by word within each changed run of lines of up to that size (a
/// longer run reads as deleted and inserted whole).
pub fn word_diff(old: &str, new: &str) -> (String, usize, usize) {
    if old == new {
        let mut html = String::with_capacity(new.len() + 16);
        escape_into(&mut html, new);
        return (html, 0, 0);
    }
    DIFFS.get_or(&[old, new], || compared(old, new))
}

/// Diffs computed before: the versions of a history that goes back and forth between two
/// texts compare the same two texts again and again.
static DIFFS: LazyLock<Memo<(String, usize, usize)>> = LazyLock::new(|| Memo::new(8 << 20));

/// [`word_diff`] of two different texts.
fn compared(old: &str, new: &str) -> (String, usize, usize) {
    let mut tokens: Vec<(ChangeTag, &str)> = Vec::new();
    diff_tokens(old, new, &mut tokens);
    let is_change = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|(tag, _)| *tag != ChangeTag::Equal)
    };
    // A whitespace-only equal token between two changes belongs to the changed region.
    let bridge = |i: usize| {
        let (tag, value) = tokens[i];
        tag == ChangeTag::Equal
            && value.trim().is_empty()
            && !value.contains('\n')
            && i > 0
            && is_change(i - 1)
            && is_change(i + 1)
    };
    let mut html = String::with_capacity(new.len() + 64);
    let (mut insertions, mut deletions) = (0, 0);
    let mut i = 0;
    while i < tokens.len() {
        if !is_change(i) {
            escape_into(&mut html, tokens[i].1);
            i += 1;
            continue;
        }
        let (mut deleted, mut inserted) = (String::new(), String::new());
        while i < tokens.len() && (is_change(i) || bridge(i)) {
            let (tag, value) = tokens[i];
            let counts = !value.trim().is_empty();
            match tag {
                ChangeTag::Delete => {
                    deleted.push_str(value);
                    deletions += usize::from(counts);
                }
                ChangeTag::Insert => {
                    inserted.push_str(value);
                    insertions += usize::from(counts);
                }
                ChangeTag::Equal => {
                    deleted.push_str(value);
                    inserted.push_str(value);
                }
            }
            i += 1;
        }
        let both = !deleted.trim().is_empty() && !inserted.trim().is_empty();
        for (tag, text) in [("del", &deleted), ("ins", &inserted)] {
            if !text.trim().is_empty() {
                // A space between the struck and the inserted words: without it a browser
                // shapes them as one word (Persian letters join across the two elements).
                if tag == "ins" && both {
                    html.push(' ');
                }
                let trimmed = text.trim();
                let lead = &text[..text.len() - text.trim_start().len()];
                let trail = &text[text.trim_end().len()..];
                // Keep the spacing of the text the reader sees (the new one) outside the marks.
                if tag == "ins" || inserted.trim().is_empty() {
                    escape_into(&mut html, lead);
                }
                marked(&mut html, tag, trimmed);
                if tag == "ins" || inserted.trim().is_empty() {
                    escape_into(&mut html, trail);
                }
            }
        }
    }
    (html, insertions, deletions)
}

/// `<tag>text</tag>`, the text escaped, appended to `html`.
fn marked(html: &mut String, tag: &str, text: &str) {
    html.push('<');
    html.push_str(tag);
    html.push('>');
    escape_into(html, text);
    html.push_str("</");
    html.push_str(tag);
    html.push('>');
}

/// `text` escaped for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`), appended to
/// `html`: runs without those characters are copied whole.
fn escape_into(html: &mut String, text: &str) {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        html.push_str(&text[start..i]);
        html.push_str(entity);
        start = i + 1;
    }
    html.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_inserted_and_deleted_words() {
        let (html, ins, del) = word_diff("reply within 5 days", "reply within 2 working days");
        assert_eq!(html, "reply within <del>5</del> <ins>2 working</ins> days");
        assert_eq!((ins, del), (2, 1));
    }

    #[test]
    fn groups_a_reworded_phrase() {
        let (html, ins, del) = word_diff(
            "goes to the head of the team today",
            "goes to a second reviewer today",
        );
        assert_eq!(
            html,
            "goes to <del>the head of the team</del> <ins>a second reviewer</ins> today"
        );
        assert_eq!((ins, del), (3, 5));
    }

    #[test]
    fn struck_and_inserted_persian_words_stay_apart() {
        let (html, ins, del) = word_diff("ظرف پنج روز کاری", "ظرف دو روز کاری");
        assert_eq!(html, "ظرف <del>پنج</del> <ins>دو</ins> روز کاری");
        assert_eq!((ins, del), (1, 1));
        // Only a deletion or only an insertion needs no extra space.
        assert_eq!(word_diff("a b c", "a c").0, "a <del>b</del> c");
        assert_eq!(word_diff("a c", "a b c").0, "a <ins>b</ins> c");
    }

    fn clause(heading: &str, prose: &str) -> Clause {
        Clause {
            id: "returns".to_owned(),
            heading: heading.to_owned(),
            prose: prose.to_owned(),
            ..Clause::default()
        }
    }

    #[test]
    fn a_clause_that_was_only_renumbered_is_unchanged() {
        let prose = "Items can be returned within 14 days.";
        let moved = changed(
            &clause("3. Returns", prose),
            &clause("4. Returns", prose),
            "",
            "",
        );
        assert_eq!(moved.status, ClauseStatus::Unchanged);
        assert_eq!(moved.old_heading, None);
        let renamed = changed(
            &clause("Article 3 - Returns", prose),
            &clause("Article 4 - Returns and refunds", prose),
            "",
            "",
        );
        assert_eq!(renamed.status, ClauseStatus::Changed);
        assert_eq!(renamed.old_heading.as_deref(), Some("Article 3 - Returns"));
        let reworded = changed(
            &clause("3. Returns", prose),
            &clause("4. Returns", "Items can be returned within 30 days."),
            "",
            "",
        );
        assert_eq!(reworded.status, ClauseStatus::Changed);
        assert_eq!(reworded.old_heading, None);
    }

    #[test]
    fn long_texts_are_compared_line_by_line_then_word_by_word_the_same_every_time() {
        let paragraph = |n: usize, word: &str| {
            (0..300)
                .map(|i| format!("{word}{}", (n * 7 + i) % 97))
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Forty paragraphs of 300 words; one reworded by a word, one rewritten whole.
        let old: Vec<String> = (0..40).map(|n| paragraph(n, "term")).collect();
        let mut new = old.clone();
        new[5] = new[5].replacen("term35", "clause35", 1);
        new[20] = paragraph(20, "rule");
        let (old, new) = (old.join("\n"), new.join("\n"));
        let first = word_diff(&old, &new);
        assert_eq!(first, word_diff(&old, &new));
        let (html, ins, del) = first;
        assert!(
            html.contains("<del>term35</del> <ins>clause35</ins>"),
            "the word"
        );
        assert_eq!((ins, del), (301, 301));
        // A change inside a long run of lines is still word by word.
        assert_eq!(html.matches("<del>").count(), 2);
    }

    #[test]
    fn escapes_as_the_markdown_renderer_does() {
        for text in [
            "",
            "plain",
            "a < b && c > \"d\" 'e'",
            "ظرف <پنج> & روز",
            "&&<<",
        ] {
            let mut html = String::new();
            escape_into(&mut html, text);
            assert_eq!(html, crate::markdown::html::escape(text));
        }
    }

    #[test]
    fn identical_text_has_no_marks() {
        assert_eq!(word_diff("a < b", "a < b"), ("a &lt; b".to_string(), 0, 0));
    }
}
