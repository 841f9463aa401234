//! The normalisation pass that builds a skeleton: folding, digit groups, words, offset map.

use super::fold::{fold_char, is_bidi_control, is_combining_mark};
use super::skeleton::Skeleton;
use super::spelled::{
    LONG_NUMBER_DIGITS, LONG_NUMBER_LETTERS, LOOKALIKE_MIN_DIGITS, fold_digit_lookalikes,
    fold_long_number_lookalikes, join_spelled, longest_digit_run,
};
use super::words::{Word, is_letter, is_mark, is_word_char};

/// Separators removed between two digits (`۰۹۱۲ ۳۴۵-۶۷۸۹` becomes `09123456789`, a card
/// number written four digits a line joins up).
fn is_digit_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '_' | '(' | ')' | '\t' | '\n' | '\r')
}

/// Bullets and round dots that stand for the dot of a domain between two letters (`shop•ir`,
/// `shop∙com`, `shop・ir`, `shop⸱ir`, `shop˙ir`, `shop∘ir`, `shop°ir`); between spaces they
/// are list bullets and stay. The degree sign counts only after a letter (`25°C` stays).
fn is_dot_lookalike(c: char) -> bool {
    matches!(
        c,
        '\u{2022}'
            | '\u{00B0}'
            | '\u{02D9}'
            | '\u{2218}'
            | '\u{2E31}'
            | '\u{2023}'
            | '\u{2219}'
            | '\u{22C5}'
            | '\u{25CF}'
            | '\u{25E6}'
            | '\u{2981}'
            | '\u{30FB}'
            | '\u{FF65}'
    )
}

/// White space between digit groups: a run of it counts as one separator.
fn is_blank_separator(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Longest run of separators that still joins two digit groups, a run of white space counting
/// as one however long (the whitespace repair closes it up on the published page) if it holds
/// at most one line break (a blank line parts two numbers).
const MAX_SEPARATOR_RUN: usize = 3;

/// What the skeleton holds, found while it is built.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SkeletonFacts {
    /// An ASCII letter.
    pub latin: bool,
    /// The longest run of ASCII digits.
    pub longest_digit_run: usize,
    /// A word with the same hash as the word before it.
    pub repeated_word: bool,
    /// A word of ASCII letters and digits with at least one of each.
    pub latin_digit_word: bool,
    /// Three single-letter words in a row, at most three bytes apart.
    pub spelled_letters: bool,
    /// A `.` followed by a letter that is not ASCII.
    pub dot_non_ascii: bool,
    /// A bidi embedding, override or isolate control in the original.
    pub bidi_control: bool,
}

/// Characters below this have their folding and word class in [`TABLES`] (ASCII, Latin-1,
/// Greek, Cyrillic and the Arabic block: nearly every character of a Persian review).
const TABLE_END: u32 = 0x0700;
/// [`Entry::fold`] of a character that `fold_char` drops.
const DROP: u32 = u32::MAX;
/// [`Entry::fold`] of a character that folds to several characters.
const SLOW: u32 = u32::MAX - 1;
/// [`Entry::fold`] of a character that folds to itself.
const SAME: u32 = u32::MAX - 2;
/// [`Entry::class`] bits of a folded character: a word character, a combining mark, an
/// ASCII digit, an ASCII letter, not ASCII, two bytes in UTF-8.
const WORD: u8 = 1;
const MARK: u8 = 1 << 1;
const DIGIT: u8 = 1 << 2;
const ALPHA: u8 = 1 << 3;
const NON_ASCII: u8 = 1 << 4;
const TWO_BYTES: u8 = 1 << 5;
const COMBINING: u8 = 1 << 6;

/// How one character below [`TABLE_END`] is folded.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The one character it folds to, or [`DROP`], [`SLOW`], [`SAME`].
    fold: u32,
    /// Word class of the character it folds to (of itself for [`SAME`]).
    class: u8,
}

/// `fold_char`, `is_word_char` and `is_mark` for the characters below [`TABLE_END`], computed
/// once by calling those same functions, so the table cannot disagree with them.
static TABLES: std::sync::LazyLock<Vec<Entry>> = std::sync::LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| {
            let Some(c) = char::from_u32(u) else {
                return Entry {
                    fold: SLOW,
                    class: 0,
                };
            };
            let mut out = Vec::new();
            fold_char(c, &mut |f| out.push(f));
            if is_dot_lookalike(c) {
                // Judged by its neighbours in `fold_slow`.
                out.push(c);
            }
            match out[..] {
                [] => Entry {
                    fold: DROP,
                    class: 0,
                },
                [f] if f == c => Entry {
                    fold: SAME,
                    class: char_class(c),
                },
                [f] => Entry {
                    fold: f as u32,
                    class: char_class(f),
                },
                _ => Entry {
                    fold: SLOW,
                    class: 0,
                },
            }
        })
        .collect()
});

#[inline]
fn char_class(c: char) -> u8 {
    let mut class = 0;
    for (yes, bit) in [
        (is_word_char(c), WORD),
        (is_mark(c), MARK),
        (c.is_ascii_digit(), DIGIT),
        (c.is_ascii_alphabetic(), ALPHA),
        (!c.is_ascii(), NON_ASCII),
        (c.len_utf8() == 2, TWO_BYTES),
        (is_combining_mark(c), COMBINING),
    ] {
        if yes {
            class |= bit;
        }
    }
    class
}

/// No word is open.
const NO_WORD: usize = usize::MAX;

/// The state of one normalisation pass (a local of [`Skeleton::rebuild`], so that the compiler
/// keeps it in registers).
///
/// Characters that fold to themselves (most of a Persian review) are not copied one by one:
/// they form a run of the original that is copied in one piece when a character that folds to
/// something else, or none, ends it. Words are found as the characters arrive and hashed at
/// the end, once the text is complete.
struct Builder<'t> {
    original: &'t str,
    text: String,
    starts: Vec<u32>,
    words: Vec<Word>,
    tables: &'static [Entry],
    /// Byte of `original` where the run of characters that fold to themselves starts: they
    /// belong to the skeleton but are not copied to `text` yet.
    run_start: usize,
    /// Skeleton byte where the open word starts, or [`NO_WORD`].
    word_start: usize,
    /// The last skeleton character (`\0` before the first) and its class.
    prev: char,
    prev_class: u8,
    /// The open word may contain a repeated letter.
    word_double: bool,
    /// Separators seen right after a digit, held until we know whether a digit follows (a
    /// run longer than `MAX_SEPARATOR_RUN` is let through at once).
    pending: Vec<(char, u32)>,
    /// The separators of `pending`, a run of spaces and tabs counting as one.
    pending_units: usize,
    last_was_digit: bool,
    facts: SkeletonFacts,
    /// The length of the current run of digits, and the skeleton byte after its last digit.
    digit_run: usize,
    digit_end: usize,
    /// Every class of the skeleton's characters, together.
    seen: u8,
}

/// Builds the skeleton of `original` into `sk` (reusing its buffers), calling `each` with every
/// code point of the original in the same pass; returns what the skeleton holds.
#[inline]
pub(crate) fn build(
    sk: &mut Skeleton,
    original: &str,
    mut each: impl FnMut(char),
) -> SkeletonFacts {
    let mut b = Builder {
        original,
        text: std::mem::take(&mut sk.text),
        starts: std::mem::take(&mut sk.starts),
        words: std::mem::take(&mut sk.words),
        tables: &TABLES,
        run_start: 0,
        word_start: NO_WORD,
        prev: '\0',
        prev_class: 0,
        word_double: false,
        pending: Vec::new(),
        pending_units: 0,
        last_was_digit: false,
        facts: SkeletonFacts::default(),
        digit_run: 0,
        digit_end: usize::MAX,
        seen: 0,
    };
    b.text.clear();
    b.starts.clear();
    b.words.clear();
    b.text.reserve(original.len());
    b.starts.reserve(original.len());
    for (cp, (i, c)) in (0u32..).zip(original.char_indices()) {
        each(c);
        let u = c as u32;
        let entry = if u < TABLE_END {
            b.tables[u as usize]
        } else {
            Entry {
                fold: SLOW,
                class: 0,
            }
        };
        if entry.fold == SAME {
            b.same(c, entry.class, i, cp);
        } else {
            b.end_run(i);
            match entry.fold {
                DROP => {}
                SLOW => b.fold_slow(c, i, cp),
                f => b.emit(char::from_u32(f).unwrap_or(c), cp),
            }
            b.run_start = i + c.len_utf8();
        }
    }
    b.end_run(original.len());
    b.flush();
    if b.word_start != NO_WORD {
        b.close_word(b.starts.len());
    }
    if join_spelled(&mut b.text, &mut b.starts, &mut b.words) {
        b.facts.longest_digit_run = longest_digit_run(&b.text);
        // `ف ر و ش گ ا ه . ا ی ر ا ن` has a dot before a Persian letter once joined.
        b.facts.dot_non_ascii = b.text.match_indices('.').any(|(i, _)| {
            b.text[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii() && is_word_char(c))
        });
    }
    if b.facts.longest_digit_run >= LOOKALIKE_MIN_DIGITS {
        let longest = fold_digit_lookalikes(&mut b.text, &b.starts, &b.words);
        b.facts.longest_digit_run = b.facts.longest_digit_run.max(longest);
    }
    if b.facts.longest_digit_run >= 2
        && b.text.bytes().filter(u8::is_ascii_digit).count()
            >= LONG_NUMBER_DIGITS - LONG_NUMBER_LETTERS
        && fold_long_number_lookalikes(original, &mut b.text, &mut b.starts, &mut b.words)
    {
        b.facts.longest_digit_run = longest_digit_run(&b.text);
    }
    let facts = b.finish_words();
    sk.text = b.text;
    sk.starts = b.starts;
    sk.words = b.words;
    facts
}

impl Builder<'_> {
    /// A character that folds to itself, at byte `i` of the original.
    #[inline(always)]
    fn same(&mut self, c: char, class: u8, i: usize, cp: u32) {
        if class & COMBINING != 0 && self.on_digit() {
            self.end_run(i);
            self.run_start = i + c.len_utf8();
            return;
        }
        if self.last_was_digit && is_digit_separator(c) {
            self.end_run(i);
            self.hold(c, cp);
            self.run_start = i + c.len_utf8();
            return;
        }
        if class & DIGIT != 0 {
            // A run of at most `MAX_SEPARATOR_RUN` separators between digits is removed.
            self.clear_pending();
            self.last_was_digit = true;
        } else {
            if !self.pending.is_empty() {
                // The run is empty here: it restarted after the last separator.
                self.flush();
            }
            self.last_was_digit = false;
        }
        self.enter(c, class, cp);
    }

    /// The last skeleton character is a digit, with no separator held after it: a combining
    /// mark here (keycap U+20E3, strike-through U+0336) is dropped, so `0⃣9⃣` reads `09`.
    #[inline(always)]
    fn on_digit(&self) -> bool {
        self.last_was_digit && self.pending.is_empty()
    }

    /// Copies the run of characters that fold to themselves, up to byte `end` of the original.
    #[inline(always)]
    fn end_run(&mut self, end: usize) {
        if end > self.run_start {
            self.text.push_str(&self.original[self.run_start..end]);
        }
        self.run_start = end;
    }

    /// A character the tables do not fold (at byte `i` of the original): `fold_char` itself;
    /// a bullet between a letter or digit and a letter is a dot (`shop•ir`).
    #[inline(never)]
    fn fold_slow(&mut self, c: char, i: usize, cp: u32) {
        self.facts.bidi_control |= is_bidi_control(c);
        if self.on_digit() && is_combining_mark(c) {
            return;
        }
        if is_dot_lookalike(c)
            && is_word_char(self.prev)
            && (c != '\u{00B0}' || is_letter(self.prev))
            && self.original[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_letter)
        {
            self.emit('.', cp);
            return;
        }
        fold_char(c, &mut |f| self.emit(f, cp));
    }

    /// One folded character that is not part of a run: separators after a digit wait for the
    /// next character.
    fn emit(&mut self, f: char, cp: u32) {
        if self.last_was_digit && is_digit_separator(f) {
            self.hold(f, cp);
            return;
        }
        if f.is_ascii_digit() {
            self.clear_pending();
            self.last_was_digit = true;
        } else {
            if !self.pending.is_empty() {
                self.flush();
            }
            self.last_was_digit = false;
        }
        self.push(f, cp);
    }

    /// Holds a separator after a digit.
    #[inline(never)]
    fn hold(&mut self, f: char, cp: u32) {
        let blank = is_blank_separator;
        if !(blank(f) && self.pending.last().is_some_and(|&(p, _)| blank(p))) {
            self.pending_units += 1;
        }
        self.pending.push((f, cp));
        if self.pending_units > MAX_SEPARATOR_RUN
            || (f == '\n' && self.pending.iter().filter(|&&(p, _)| p == '\n').count() > 1)
        {
            // Too long to join two digit groups: it stays, whatever follows.
            self.flush();
            self.last_was_digit = false;
        }
    }

    #[inline(never)]
    fn flush(&mut self) {
        let mut pending = std::mem::take(&mut self.pending);
        for &(c, cp) in &pending {
            self.push(c, cp);
        }
        pending.clear();
        self.pending = pending;
        self.pending_units = 0;
    }

    fn clear_pending(&mut self) {
        self.pending.clear();
        self.pending_units = 0;
    }

    /// Appends `c` to the text, then enters it.
    fn push(&mut self, c: char, cp: u32) {
        self.text.push(c);
        let u = c as u32;
        let class = if u < TABLE_END {
            match self.tables[u as usize] {
                Entry { fold: SAME, class } => class,
                _ => char_class(c),
            }
        } else {
            char_class(c)
        };
        self.enter(c, class, cp);
    }

    /// Accounts for skeleton character `c` (in `text` or in the run): word boundaries, the
    /// offset map, the facts.
    #[inline(always)]
    fn enter(&mut self, c: char, class: u8, cp: u32) {
        // One offset per skeleton byte: their count is the skeleton's length, run included.
        let at = self.starts.len();
        // Word boundaries, as `words()` finds them.
        if class & WORD != 0 || (self.word_start != NO_WORD && class & MARK != 0) {
            if self.word_start == NO_WORD {
                self.word_start = at;
                self.word_double = false;
            } else if (self.prev_class | class) & (DIGIT | NON_ASCII) == DIGIT | NON_ASCII
                && (self.prev_class ^ class) & DIGIT != 0
            {
                // `۱۲۸گیگ` is two words: digits glued to a non-Latin word.
                self.close_word(at);
                self.word_start = at;
                self.word_double = false;
            }
            // A letter repeated inside the word: its squeezed hash differs from its hash.
            if self.prev == c && is_letter(c) {
                self.word_double = true;
            }
        } else if self.word_start != NO_WORD {
            self.close_word(at);
            self.word_start = NO_WORD;
        }
        if class & DIGIT != 0 {
            self.digit_run = if self.digit_end == at {
                self.digit_run + 1
            } else {
                1
            };
            self.digit_end = at + 1;
            self.facts.longest_digit_run = self.facts.longest_digit_run.max(self.digit_run);
        }
        self.seen |= class;
        self.facts.dot_non_ascii |=
            self.prev == '.' && class & (NON_ASCII | WORD) == NON_ASCII | WORD;
        self.prev = c;
        self.prev_class = class;
        if class & TWO_BYTES != 0 {
            self.starts.extend_from_slice(&[cp, cp]);
        } else if class & NON_ASCII == 0 {
            self.starts.push(cp);
        } else {
            self.starts.extend(std::iter::repeat_n(cp, c.len_utf8()));
        }
    }

    /// Ends the open word at skeleton byte `end`; it is hashed once the text is complete
    /// (until then `squeezed` says whether it may hold a repeated letter).
    fn close_word(&mut self, end: usize) {
        self.words.push(Word {
            start: self.word_start,
            end,
            hash: 0,
            squeezed: u32::from(self.word_double),
        });
    }

    /// Hashes the words, and finds repeated ones, mixed Latin ones and spelled letters.
    fn finish_words(&mut self) -> SkeletonFacts {
        self.facts.latin = self.seen & ALPHA != 0;
        let mut previous = None;
        // Single-letter words in a row, and where the last one ended.
        let (mut singles, mut last_end) = (0usize, 0usize);
        for word in &mut self.words {
            let bytes = &self.text.as_bytes()[word.start..word.end];
            if bytes.first().is_some_and(u8::is_ascii) && bytes.is_ascii() {
                self.facts.latin_digit_word |= bytes.iter().any(u8::is_ascii_digit)
                    && bytes.iter().any(u8::is_ascii_alphabetic);
            }
            let single = bytes.len() <= 4 && {
                let mut it = self.text[word.start..word.end].chars();
                it.next().is_some_and(is_letter) && it.next().is_none()
            };
            singles = match (single, singles) {
                (false, _) => 0,
                (true, 0) => 1,
                (true, n) if word.start - last_end <= 3 => n + 1,
                (true, _) => 1,
            };
            self.facts.spelled_letters |= singles >= 3;
            last_end = word.end;
            *word = Word::with_hint(&self.text, word.start, word.end, word.squeezed != 0);
            self.facts.repeated_word |= previous == Some(word.hash);
            previous = Some(word.hash);
        }
        self.facts
    }
}
