//! The matching skeleton of one field, with a map back to code points of the original.

use super::fold::fold_char;
use super::words::{Word, is_mark, is_word_char};

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
}

impl Skeleton {
    /// Builds the skeleton of `original`.
    pub fn new(original: &str) -> Skeleton {
        Skeleton::with_code_points(original, &mut Vec::new())
    }

    /// Builds the skeleton and, in the same pass, collects the code points of `original`.
    pub(crate) fn with_code_points(original: &str, cps: &mut Vec<char>) -> Skeleton {
        let mut sk = Skeleton {
            text: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len()),
            words: Vec::with_capacity(original.len() / 6),
            word_start: None,
            prev: None,
        };
        cps.reserve(original.len());
        // Separators seen right after a digit, held until we know whether a digit follows.
        let mut pending: Vec<(char, u32)> = Vec::new();
        let mut last_was_digit = false;
        for (cp, c) in original.chars().enumerate() {
            cps.push(c);
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
            // Fast path: ASCII and Persian letters that fold to themselves.
            match c as u32 {
                0x61..=0x7A | 0x30..=0x39 | 0x20 => emit(c),
                0x0627..=0x0628
                | 0x062A..=0x063A
                | 0x0641..=0x0642
                | 0x0644..=0x0648
                | 0x067E
                | 0x0686
                | 0x0698
                | 0x06A9
                | 0x06AF
                | 0x06CC => emit(c),
                _ => fold_char(c, &mut emit),
            }
        }
        sk.flush(&mut pending);
        if let Some(s) = sk.word_start.take() {
            sk.words.push(Word::new(&sk.text, s, sk.text.len()));
        }
        sk
    }

    fn flush(&mut self, pending: &mut Vec<(char, u32)>) {
        for (c, cp) in pending.drain(..) {
            self.push(c, cp);
        }
    }

    #[inline]
    fn push(&mut self, c: char, cp: u32) {
        let at = self.text.len();
        // Word boundaries, as `words()` finds them.
        let w = is_word_char(c) || (self.word_start.is_some() && is_mark(c));
        match (w, self.word_start, self.prev) {
            (true, Some(s), Some(p))
                if (p.is_ascii_digit() && !c.is_ascii())
                    || (!p.is_ascii() && c.is_ascii_digit()) =>
            {
                self.words.push(Word::new(&self.text, s, at));
                self.word_start = Some(at);
            }
            (true, None, _) => self.word_start = Some(at),
            (false, Some(s), _) => {
                self.words.push(Word::new(&self.text, s, at));
                self.word_start = None;
            }
            _ => {}
        }
        self.prev = Some(c);
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(cp);
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
