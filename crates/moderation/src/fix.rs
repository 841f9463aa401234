//! Applying repairs to a field.

use crate::context::Edit;

/// Applies non-overlapping edits (code-point ranges of `text`); an edit overlapping an earlier
/// one is skipped (the next round of fixes sees the text again).
pub(crate) fn apply(text: &str, edits: &mut [Edit]) -> String {
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut next = 0usize; // first code point not yet consumed
    // (code point, byte offset) of the cursor; untouched text is copied as whole slices.
    let mut cursor = (0usize, 0usize);
    let advance = |cursor: &mut (usize, usize), target: usize| {
        while cursor.0 < target {
            let Some(c) = text[cursor.1..].chars().next() else {
                break;
            };
            cursor.0 += 1;
            cursor.1 += c.len_utf8();
        }
    };
    for edit in edits.iter() {
        if edit.start < next {
            continue;
        }
        let from = cursor.1;
        advance(&mut cursor, edit.start);
        out.push_str(&text[from..cursor.1]);
        advance(&mut cursor, edit.end);
        out.push_str(&edit.text);
        next = edit.end.max(edit.start);
    }
    out.push_str(&text[cursor.1..]);
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
    fn multibyte_text_and_edits_past_the_end() {
        let mut edits = vec![edit(1, 3, "-"), edit(5, 9, "!")];
        assert_eq!(apply("خیلیییی", &mut edits), "خ-یی!");
        assert_eq!(apply("ab", &mut [edit(7, 9, "!")]), "ab!");
    }

    #[test]
    fn insertion_at_end() {
        assert_eq!(apply("ab", &mut [edit(2, 2, "!")]), "ab!");
    }
}
