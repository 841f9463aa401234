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
    for edit in edits.iter_mut() {
        if edit.start < next {
            // Skipped: marked so that [`applied`] leaves it out.
            edit.start = usize::MAX;
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

/// The edits [`apply`] applied, in order (the ones it skipped left out), as spans of the text
/// before and the length in code points of what replaced them.
pub(crate) fn applied(edits: &[Edit]) -> Vec<(usize, usize, usize)> {
    edits
        .iter()
        .filter(|e| e.start != usize::MAX)
        .map(|e| (e.start, e.end, e.text.chars().count()))
        .collect()
}

/// Maps code point `p` of a text repaired by `edits` (from [`applied`]) back to the text before
/// them; a position inside a replacement goes to the start of the replaced span (`end`: to
/// its end).
pub(crate) fn map_back(edits: &[(usize, usize, usize)], p: usize, end: bool) -> usize {
    // `shift`: code points the repaired text has more than the original before the cursor.
    let mut shift: isize = 0;
    for &(start, stop, len) in edits {
        let out_start = (start as isize + shift) as usize;
        let out_end = out_start + len;
        if p < out_start || (end && p == out_start) {
            break;
        }
        if p < out_end || (end && p == out_end) {
            return if end { stop } else { start };
        }
        shift += len as isize - (stop - start) as isize;
    }
    (p as isize - shift).max(0) as usize
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
        assert_eq!(applied(&edits), [(0, 1, 1), (4, 6, 0)]);
    }

    #[test]
    fn positions_map_back_through_the_edits() {
        // "ab  cd:)ef" -> "ab cdef": one space removed at 2..3, ":)" removed at 6..8.
        let mut edits = vec![edit(2, 3, ""), edit(6, 8, "")];
        assert_eq!(apply("ab  cd:)ef", &mut edits), "ab cdef");
        let done = applied(&edits);
        // "cdef" is 3..7 of the repaired text, 4..10 of the original.
        assert_eq!(map_back(&done, 3, false), 4);
        assert_eq!(map_back(&done, 7, true), 10);
        // "d" (4..5) and "e" (5..6) around the removed ":)".
        assert_eq!(
            (map_back(&done, 4, false), map_back(&done, 5, true)),
            (5, 6)
        );
        assert_eq!(
            (map_back(&done, 5, false), map_back(&done, 6, true)),
            (8, 9)
        );
        // A replacement maps to the span it replaced.
        let mut edits = vec![edit(1, 4, "X")];
        assert_eq!(apply("abbbc", &mut edits), "aXc");
        let done = applied(&edits);
        assert_eq!(
            (map_back(&done, 1, false), map_back(&done, 2, true)),
            (1, 4)
        );
        assert_eq!(map_back(&done, 2, false), 4);
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
