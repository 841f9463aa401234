//! The matching skeleton of one field, with a map back to code points of the original.

use super::fold::fold_char;
use super::words::{Word, is_letter, is_mark, is_word_char};

/// Separators removed between two digits (`۰۹۱۲ ۳۴۵-۶۷۸۹` becomes `09123456789`).
fn is_digit_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '_' | '(' | ')' | '\t')
}

/// Longest run of separators that still joins two digit groups.
const MAX_SEPARATOR_RUN: usize = 3;

/// A folded copy of a field that rules match against, and where each byte came from.
#[derive(Debug, Clone, Default)]
pub struct Skeleton {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`: code-point index of the original character it came from (each
    /// skeleton character comes from exactly one original character, so it ends one later).
    starts: Vec<u32>,
    /// Words of `text`, found in the same pass.
    pub(crate) words: Vec<Word>,
    word_start: Option<usize>,
    prev: Option<char>,
    /// The open word may contain a repeated letter.
    word_double: bool,
}

/// Characters below this have their folding and word class in [`TABLES`] (ASCII, Latin-1,
/// Greek, Cyrillic and the Arabic block: nearly every character of a Persian review).
const TABLE_END: u32 = 0x0700;
/// [`Tables::fold`] entry of a character that `fold_char` drops.
const DROP: u32 = u32::MAX;
/// [`Tables::fold`] entry of a character that folds to several characters.
const SLOW: u32 = u32::MAX - 1;
/// [`Tables::class`] bits of a folded character.
const WORD: u8 = 1;
const MARK: u8 = 2;

/// `fold_char`, `is_word_char` and `is_mark` for the characters below [`TABLE_END`], computed
/// once by calling those same functions, so the table cannot disagree with them.
struct Tables {
    fold: Vec<u32>,
    class: Vec<u8>,
}

static TABLES: std::sync::LazyLock<Tables> = std::sync::LazyLock::new(|| {
    let mut fold = Vec::with_capacity(TABLE_END as usize);
    let mut class = Vec::with_capacity(TABLE_END as usize);
    for u in 0..TABLE_END {
        let Some(c) = char::from_u32(u) else {
            fold.push(SLOW);
            class.push(0);
            continue;
        };
        let mut out = Vec::new();
        fold_char(c, &mut |f| out.push(f));
        fold.push(match out[..] {
            [] => DROP,
            [f] => f as u32,
            _ => SLOW,
        });
        class.push(char_class(c));
    }
    Tables { fold, class }
});

#[inline]
fn char_class(c: char) -> u8 {
    (if is_word_char(c) { WORD } else { 0 }) | (if is_mark(c) { MARK } else { 0 })
}

impl Skeleton {
    /// Builds the skeleton of `original`.
    pub fn new(original: &str) -> Skeleton {
        let mut sk = Skeleton {
            text: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len()),
            words: Vec::with_capacity(original.len() / 6),
            word_start: None,
            prev: None,
            word_double: false,
        };
        let tables = &*TABLES;
        // Separators seen right after a digit, held until we know whether a digit follows.
        let mut pending: Vec<(char, u32)> = Vec::new();
        let mut last_was_digit = false;
        for (cp, c) in original.chars().enumerate() {
            let cp = cp as u32;
            let mut emit = |f: char| {
                if last_was_digit && is_digit_separator(f) {
                    pending.push((f, cp));
                    return;
                }
                if f.is_ascii_digit() {
                    if pending.len() > MAX_SEPARATOR_RUN {
                        sk.flush(&mut pending);
                    }
                    pending.clear();
                    last_was_digit = true;
                } else {
                    if !pending.is_empty() {
                        sk.flush(&mut pending);
                    }
                    last_was_digit = false;
                }
                sk.push(f, cp);
            };
            let u = c as u32;
            if u < TABLE_END {
                match tables.fold[u as usize] {
                    DROP => {}
                    SLOW => fold_char(c, &mut emit),
                    f => emit(char::from_u32(f).unwrap_or(c)),
                }
            } else {
                fold_char(c, &mut emit);
            }
        }
        sk.flush(&mut pending);
        if let Some(s) = sk.word_start.take() {
            let end = sk.text.len();
            sk.close_word(s, end);
        }
        sk
    }

    fn flush(&mut self, pending: &mut Vec<(char, u32)>) {
        for (c, cp) in pending.drain(..) {
            self.push(c, cp);
        }
    }

    #[inline]
    fn close_word(&mut self, start: usize, end: usize) {
        self.words
            .push(Word::with_hint(&self.text, start, end, self.word_double));
    }

    #[inline]
    fn push(&mut self, c: char, cp: u32) {
        let at = self.text.len();
        let u = c as u32;
        let class = if u < TABLE_END {
            TABLES.class[u as usize]
        } else {
            char_class(c)
        };
        // Word boundaries, as `words()` finds them.
        let w = class & WORD != 0 || (self.word_start.is_some() && class & MARK != 0);
        match (w, self.word_start, self.prev) {
            (true, Some(s), Some(p))
                if (p.is_ascii_digit() && !c.is_ascii())
                    || (!p.is_ascii() && c.is_ascii_digit()) =>
            {
                self.close_word(s, at);
                self.word_start = Some(at);
                self.word_double = false;
            }
            (true, None, _) => {
                self.word_start = Some(at);
                self.word_double = false;
            }
            (false, Some(s), _) => {
                self.close_word(s, at);
                self.word_start = None;
            }
            _ => {}
        }
        // A letter repeated inside the word: its squeezed hash differs from its hash.
        if w && self.prev == Some(c) && is_letter(c) {
            self.word_double = true;
        }
        self.prev = Some(c);
        if u < 0x80 {
            self.text.push(c);
            self.starts.push(cp);
        } else {
            self.text.push(c);
            for _ in 0..c.len_utf8() {
                self.starts.push(cp);
            }
        }
    }

    /// Maps a byte range of the skeleton to a code-point range `(start, end)` of the original.
    /// Empty or out-of-range input gives an empty range at the nearest valid position.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.starts.is_empty() {
            return (0, 0);
        }
        let start = start.min(self.starts.len() - 1);
        let s = self.starts[start] as usize;
        if end <= start {
            return (s, s);
        }
        let e = self.starts[(end - 1).min(self.starts.len() - 1)] as usize + 1;
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orig_slice(text: &str, (s, e): (usize, usize)) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn folds_persian_digits_and_joins_spaced_groups() {
        let text = "شماره ۰۹۱۲ ۳۴۵-۶۷۸۹ است";
        let sk = Skeleton::new(text);
        assert!(sk.text.contains("09123456789"), "{}", sk.text);
        let i = sk.text.find("0912").unwrap();
        let span = sk.to_original(i, i + 11);
        assert_eq!(orig_slice(text, span), "۰۹۱۲ ۳۴۵-۶۷۸۹");
    }

    #[test]
    fn arabic_forms_kashida_and_zwnj_are_folded() {
        let sk = Skeleton::new("كتاب مي\u{200C}خوام عاـــلي");
        assert_eq!(sk.text, "کتاب میخوام عالی");
    }

    #[test]
    fn words_found_in_the_same_pass_match_words() {
        for text in [
            "۱۲۸گیگ و Galaxy A54، خیلی‌خوب!! ۰۹۱۲ ۳۴۵ ۶۷۸۹ e\u{301}té a_b",
            "",
            "   ",
            "کیفیت ة ي ك ـ عالی 12-34 ab.cd",
        ] {
            let sk = Skeleton::new(text);
            assert_eq!(sk.words, super::super::words::words(&sk.text), "{text}");
        }
    }

    #[test]
    fn cyrillic_lookalikes_become_latin() {
        assert_eq!(Skeleton::new("ехаmрlе.соm").text, "example.com");
    }

    #[test]
    fn long_separator_runs_do_not_join_numbers() {
        assert_eq!(Skeleton::new("12     34").text, "12     34");
        assert_eq!(Skeleton::new("12 34").text, "1234");
        assert_eq!(Skeleton::new("a - b").text, "a - b");
    }
}
