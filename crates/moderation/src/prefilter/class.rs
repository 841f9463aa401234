//! Character classes a prefilter can ask for. They are found in the one normalisation pass over
//! a field: the classes of the original text from each code point and the one or two before it,
//! the classes of the skeleton from each folded character and each word.
//!
//! The predicates here are the vocabulary the rules share: a rule that scans for kashida, marks
//! or spaces uses the same predicate its prefilter is computed from, so the two cannot disagree.

use crate::text::is_letter;

/// A set of character classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Classes(u32);

impl Classes {
    /// No class.
    pub const NONE: Classes = Classes(0);
    /// Arabic keyboard letters (`ي ى ك ة`) and Arabic-Indic digits, in the original text
    /// ([`is_arabic_form`]).
    pub const ARABIC_FORM: Classes = Classes(1);
    /// Kashida (U+0640) in the original text.
    pub const KASHIDA: Classes = Classes(1 << 1);
    /// A code point that can be part of an emoji ([`is_emoji_part`]), in the original text.
    pub const EMOJI: Classes = Classes(1 << 2);
    /// A character an emoticon starts with (`: ; = ^ <` and `x X` of `xD`), in the original
    /// text.
    pub const EMOTICON: Classes = Classes(1 << 3);
    /// A letter equal to the code point before it, in the original text.
    pub const DOUBLE_LETTER: Classes = Classes(1 << 4);
    /// A letter equal to the two code points before it, in the original text.
    pub const TRIPLE_LETTER: Classes = Classes(1 << 5);
    /// A horizontal space ([`is_horizontal_space`]) right after another one.
    pub const SPACE_RUN: Classes = Classes(1 << 6);
    /// Closing punctuation ([`is_closing_punct`]) right after a horizontal space.
    pub const SPACE_BEFORE_CLOSING: Classes = Classes(1 << 7);
    /// A line break after another line break with only horizontal spaces and `\r` between.
    pub const BREAK_RUN: Classes = Classes(1 << 8);
    /// A sentence mark ([`is_mark`]) right after another one.
    pub const MARK_RUN: Classes = Classes(1 << 9);
    /// An ASCII letter in the skeleton (Latin letters, and the Cyrillic, Greek and full-width
    /// look-alikes folded to them).
    pub const LATIN: Classes = Classes(1 << 10);
    /// A skeleton word with the same hash as the word before it (every repeated word).
    pub const REPEATED_WORD: Classes = Classes(1 << 11);
    /// A skeleton word of ASCII letters and digits with at least one of each (`sh1t`, `a54`).
    pub const LATIN_DIGIT_WORD: Classes = Classes(1 << 12);
    /// Three single-letter skeleton words in a row, at most three bytes apart (`ا ح م ق`).
    pub const SPELLED_LETTERS: Classes = Classes(1 << 13);
    /// A `.` followed by a letter that is not ASCII in the skeleton (an IDN label or TLD).
    pub const DOT_NON_ASCII: Classes = Classes(1 << 14);
    /// A bidi embedding, override or isolate control (`crate::text::is_bidi_control`) in the
    /// original, found while the skeleton is built.
    pub const BIDI_CONTROL: Classes = Classes(1 << 15);
    /// The classes found on the skeleton (unknown until it is built).
    pub const OF_SKELETON: Classes = Classes::LATIN
        .or(Classes::REPEATED_WORD)
        .or(Classes::LATIN_DIGIT_WORD)
        .or(Classes::SPELLED_LETTERS)
        .or(Classes::DOT_NON_ASCII)
        .or(Classes::BIDI_CONTROL);

    /// Both sets together.
    pub const fn or(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    /// Whether the two sets share a class.
    #[inline]
    pub fn intersects(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }
}

/// Arabic keyboard forms that have a Persian twin (`script/arabic-letters`).
#[inline]
pub(crate) fn is_arabic_form(c: char) -> bool {
    matches!(c, 'ي' | 'ى' | 'ك' | 'ة' | '\u{0660}'..='\u{0669}')
}

/// A code point that can be part of an emoji cluster: pictographs, symbols and dingbats, the
/// keycap mark (U+20E3) and the emoji variation selector (U+FE0F, which turns `©`, `®`, `™`,
/// arrows and digits into emoji). Every emoji `style/emoji` flags contains one.
#[inline]
pub(crate) fn is_emoji_part(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF      // pictographs, emoticons, transport, flags, supplemental
        | 0x2600..=0x27BF      // misc symbols, dingbats
        | 0x2B50..=0x2B55      // stars and circles
        | 0x231A..=0x231B | 0x23E9..=0x23FA
        | 0x20E3               // combining enclosing keycap
        | 0xFE0F               // emoji presentation selector
    )
}

/// Characters an emoticon starts with (`style/emoji`).
#[inline]
pub(crate) fn is_emoticon_start(c: char) -> bool {
    matches!(c, ':' | ';' | '=' | '^' | '<' | 'x' | 'X' | '(' | 'T' | '¯')
}

/// Horizontal spaces (`style/whitespace`).
#[inline]
pub(crate) fn is_horizontal_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}'
    )
}

/// Punctuation no space belongs before (`style/whitespace`).
#[inline]
pub(crate) fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | '!' | '?' | '،' | '؛' | '؟' | ')' | '»')
}

/// Sentence marks whose repetition is shouting (`style/punctuation`).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '!' | '?' | '؟' | '.' | '…')
}

/// Per-code-point properties, laid out so that most classes come from bit operations: the low
/// half holds the code point's own classes and, at the bit of each pair class, whether it can
/// end that pair; the high half holds, 16 bits higher, whether it can start it.
const SELF: u32 = Classes::ARABIC_FORM
    .or(Classes::KASHIDA)
    .or(Classes::EMOJI)
    .or(Classes::EMOTICON)
    .0;
const PAIRS: u32 = Classes::SPACE_RUN
    .or(Classes::SPACE_BEFORE_CLOSING)
    .or(Classes::MARK_RUN)
    .0;
const LEADS: u32 = PAIRS << 16;
/// A line break (at the bit of [`Classes::BREAK_RUN`]).
const BREAK: u32 = Classes::BREAK_RUN.0;
/// A letter (at a bit no class uses, shifted or not).
const LETTER: u32 = 1 << 30;
/// A code point that keeps a run of line breaks open (a space, `\r`, a line break).
const KEEPS_BREAKS: u32 = 1 << 31;

fn properties(c: char) -> u32 {
    let mut p = 0;
    let mut set = |yes: bool, bits: u32| {
        if yes {
            p |= bits;
        }
    };
    set(is_arabic_form(c), Classes::ARABIC_FORM.0);
    set(c == '\u{0640}', Classes::KASHIDA.0);
    set(is_emoji_part(c), Classes::EMOJI.0);
    set(is_emoticon_start(c), Classes::EMOTICON.0);
    set(is_letter(c), LETTER);
    let space = is_horizontal_space(c);
    // A space ends a run of spaces, and starts one and a space before punctuation.
    set(space, Classes::SPACE_RUN.0);
    set(
        space,
        (Classes::SPACE_RUN.0 | Classes::SPACE_BEFORE_CLOSING.0) << 16,
    );
    set(is_closing_punct(c), Classes::SPACE_BEFORE_CLOSING.0);
    set(is_mark(c), Classes::MARK_RUN.0 | Classes::MARK_RUN.0 << 16);
    set(c == '\n', BREAK | KEEPS_BREAKS);
    set(space || c == '\r', KEEPS_BREAKS);
    p
}

/// Code points below this take their properties from [`TABLE`].
const TABLE_END: u32 = 0x0700;

/// [`properties`] of every code point below [`TABLE_END`], computed from `properties` itself.
static TABLE: std::sync::LazyLock<Vec<u32>> = std::sync::LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or(0, properties))
        .collect()
});

/// Finds the classes of an original text, one code point at a time.
#[derive(Debug)]
pub(crate) struct OriginalClasses {
    found: u32,
    /// The code point before (`\0` at the start), and how many times in a row it came.
    p1: char,
    repeats: u32,
    /// Properties of `p1`.
    prev: u32,
    /// [`BREAK`] while a line break was seen and only spaces and `\r` since.
    in_breaks: u32,
    table: &'static [u32],
}

impl Default for OriginalClasses {
    fn default() -> OriginalClasses {
        OriginalClasses {
            found: 0,
            p1: '\0',
            repeats: 0,
            prev: 0,
            in_breaks: 0,
            table: &TABLE,
        }
    }
}

impl OriginalClasses {
    /// Takes the next code point.
    #[inline(always)]
    pub fn push(&mut self, c: char) {
        let u = c as u32;
        let p = if u < TABLE_END {
            self.table[u as usize]
        } else {
            properties(c)
        };
        self.found |= (p & SELF) | ((self.prev & LEADS) >> 16 & p) | (self.in_breaks & p);
        let keep = if p & KEEPS_BREAKS != 0 {
            self.in_breaks
        } else {
            0
        };
        self.in_breaks = keep | (p & BREAK);
        self.repeats = if c == self.p1 { self.repeats + 1 } else { 1 };
        if self.repeats >= 2 && p & LETTER != 0 {
            self.found |= if self.repeats >= 3 {
                Classes::DOUBLE_LETTER.0 | Classes::TRIPLE_LETTER.0
            } else {
                Classes::DOUBLE_LETTER.0
            };
        }
        self.p1 = c;
        self.prev = p;
    }

    /// The classes found so far.
    pub fn classes(&self) -> Classes {
        Classes(self.found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Classes {
        let mut o = OriginalClasses::default();
        text.chars().for_each(|c| o.push(c));
        o.classes()
    }

    #[test]
    fn property_bits_do_not_overlap() {
        let all = Classes::OF_SKELETON.or(Classes(SELF | PAIRS | BREAK));
        assert!(all.0 < 1 << 16, "classes fit the low half");
        assert_eq!(LEADS & (LETTER | KEEPS_BREAKS), 0);
        assert_eq!((LETTER | KEEPS_BREAKS) >> 16 & PAIRS, 0);
    }

    #[test]
    fn classes_of_short_texts() {
        assert!(classes("كتاب").intersects(Classes::ARABIC_FORM));
        assert!(classes("1\u{FE0F}\u{20E3}").intersects(Classes::EMOJI));
        assert!(classes("©\u{FE0F}").intersects(Classes::EMOJI));
        assert!(!classes("©2024").intersects(Classes::EMOJI));
        assert!(classes("خیلییی").intersects(Classes::TRIPLE_LETTER));
        assert!(!classes("خیلیی").intersects(Classes::TRIPLE_LETTER));
        assert!(classes("a \u{00A0}b").intersects(Classes::SPACE_RUN));
        assert!(classes("خوب ،").intersects(Classes::SPACE_BEFORE_CLOSING));
        assert!(classes("a\n \r\nb").intersects(Classes::BREAK_RUN));
        assert!(!classes("a\nb\nc").intersects(Classes::BREAK_RUN));
        assert!(classes("!?").intersects(Classes::MARK_RUN));
        assert!(classes("عالی :)").intersects(Classes::EMOTICON));
        assert_eq!(classes("کیفیت خوب بود"), Classes::NONE);
    }
}
