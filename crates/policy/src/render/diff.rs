//! What changed between two versions: clauses matched by id, and within a clause a word-level
//! diff of its prose (insertions and deletions), rendered as `<ins>`/`<del>` HTML.

use std::time::Duration;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::markdown::html::escape;
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
    /// In both, identical.
    Unchanged,
}

/// One clause of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseChange {
    /// The clause id.
    pub id: String,
    /// The heading (new one when both exist).
    pub heading: String,
    /// The old heading, when it changed.
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

/// Compares `old` and `new` clause by clause. Removed clauses follow the clause that preceded
/// them in the old version.
pub fn compare(old: &PolicyVersion, new: &PolicyVersion) -> Vec<ClauseChange> {
    let mut changes: Vec<ClauseChange> = new
        .clauses
        .iter()
        .map(|clause| match old.clause(&clause.id) {
            Some(before) => changed(before, clause),
            None => whole(clause, ClauseStatus::Added),
        })
        .collect();
    for (index, clause) in old.clauses.iter().enumerate() {
        if new.clause(&clause.id).is_some() {
            continue;
        }
        let after = old.clauses[..index]
            .iter()
            .rev()
            .find_map(|prev| changes.iter().position(|c| c.id == prev.id));
        let at = after.map_or(0, |i| i + 1);
        changes.insert(at, whole(clause, ClauseStatus::Removed));
    }
    changes
}

/// Text compared for a clause: its prose, then its obligation blocks.
fn text_of(clause: &Clause) -> String {
    let mut text = clause.prose.clone();
    for block in &clause.obligation_blocks {
        text.push_str("\n\n");
        text.push_str(block.text.trim_end());
    }
    text
}

fn whole(clause: &Clause, status: ClauseStatus) -> ClauseChange {
    let text = text_of(clause);
    let words = text.split_whitespace().count();
    let tag = if status == ClauseStatus::Added {
        "ins"
    } else {
        "del"
    };
    ClauseChange {
        id: clause.id.clone(),
        heading: clause.heading.clone(),
        old_heading: None,
        status,
        html: format!("<{tag}>{}</{tag}>", escape(&text)),
        insertions: if status == ClauseStatus::Added {
            words
        } else {
            0
        },
        deletions: if status == ClauseStatus::Removed {
            words
        } else {
            0
        },
    }
}

fn changed(old: &Clause, new: &Clause) -> ClauseChange {
    let (old_text, new_text) = (text_of(old), text_of(new));
    let old_heading = (old.heading != new.heading).then(|| old.heading.clone());
    let (html, insertions, deletions) = word_diff(&old_text, &new_text);
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

/// Word-level diff as HTML, with counts of inserted and deleted words.
pub fn word_diff(old: &str, new: &str) -> (String, usize, usize) {
    if old == new {
        return (escape(new), 0, 0);
    }
    let diff = TextDiff::configure()
        .timeout(Duration::from_millis(200))
        .diff_words(old, new);
    let mut html = String::with_capacity(new.len() + 64);
    let (mut insertions, mut deletions) = (0, 0);
    let mut open: Option<ChangeTag> = None;
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        let value = change.value();
        let is_space = value.trim().is_empty();
        if open != Some(tag) {
            close(&mut html, open);
            match tag {
                ChangeTag::Insert => html.push_str("<ins>"),
                ChangeTag::Delete => html.push_str("<del>"),
                ChangeTag::Equal => {}
            }
            open = Some(tag);
        }
        if !is_space {
            match tag {
                ChangeTag::Insert => insertions += 1,
                ChangeTag::Delete => deletions += 1,
                ChangeTag::Equal => {}
            }
        }
        html.push_str(&escape(value));
    }
    close(&mut html, open);
    (html, insertions, deletions)
}

fn close(html: &mut String, open: Option<ChangeTag>) {
    match open {
        Some(ChangeTag::Insert) => html.push_str("</ins>"),
        Some(ChangeTag::Delete) => html.push_str("</del>"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_inserted_and_deleted_words() {
        let (html, ins, del) = word_diff("reply within 5 days", "reply within 2 working days");
        assert_eq!(html, "reply within <del>5</del><ins>2 working</ins> days");
        assert_eq!((ins, del), (2, 1));
    }

    #[test]
    fn identical_text_has_no_marks() {
        assert_eq!(word_diff("a < b", "a < b"), ("a &lt; b".to_string(), 0, 0));
    }
}
