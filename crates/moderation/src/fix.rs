//! Applying repairs to a field.

use crate::context::Edit;

/// Applies non-overlapping edits (code-point ranges of `text`); an edit overlapping an earlier
/// one is skipped (the next round of fixes sees the text again).
pub(crate) fn apply(text: &str, edits: &mut [Edit]) -> String {
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut next = 0usize; // first code point not yet consumed
    let mut chars = text.chars().enumerate().peekable();
    for edit in edits.iter() {
        if edit.start < next {
            continue;
        }
        while let Some((_, c)) = chars.next_if(|(i, _)| *i < edit.start) {
            out.push(c);
        }
        while chars.next_if(|(i, _)| *i < edit.end).is_some() {}
        out.push_str(&edit.text);
        next = edit.end.max(edit.start);
    }
    for (_, c) in chars {
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit {
            start,
            end,
            text: text.into(),
        }
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let mut edits = vec![edit(4, 6, ""), edit(0, 1, "X"), edit(5, 7, "Y")];
        assert_eq!(apply("abcdefgh", &mut edits), "Xbcdgh");
    }

    #[test]
    fn insertion_at_end() {
        assert_eq!(apply("ab", &mut [edit(2, 2, "!")]), "ab!");
    }
}
