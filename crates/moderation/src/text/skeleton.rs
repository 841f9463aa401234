//! The matching skeleton of one field, with a map back to code points of the original.

use super::builder::{SkeletonFacts, build};
use super::words::Word;

/// A folded copy of a field that rules match against, and where each byte came from.
#[derive(Debug, Clone, Default)]
pub struct Skeleton {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`: code-point index of the original character it came from (each
    /// skeleton character comes from exactly one original character, so it ends one later).
    pub(super) starts: Vec<u32>,
    /// Words of `text`, found in the same pass.
    pub(crate) words: Vec<Word>,
}

impl Skeleton {
    /// Builds the skeleton of `original`.
    pub fn new(original: &str) -> Skeleton {
        let mut sk = Skeleton::default();
        sk.rebuild(original, |_| {});
        sk
    }

    /// Builds the skeleton of `original` in place (reusing this one's buffers), calling `each`
    /// with every code point of the original in the same pass; returns what it holds.
    #[inline]
    pub(crate) fn rebuild(&mut self, original: &str, each: impl FnMut(char)) -> SkeletonFacts {
        build(self, original, each)
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
            "1 -  2 1    2 1 - 2-",
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
        assert_eq!(Skeleton::new("12    34").text, "12    34");
        assert_eq!(Skeleton::new("12   34").text, "1234");
        assert_eq!(Skeleton::new("12 34").text, "1234");
        assert_eq!(Skeleton::new("12 - ").text, "12 - ");
        assert_eq!(Skeleton::new("a - b").text, "a - b");
    }

    #[test]
    fn a_rebuilt_skeleton_equals_a_new_one() {
        let mut sk = Skeleton::new("یک متن طولانی‌تر با ۱۲ ۳۴ و www.shop.ir");
        for text in ["کوتاه", "", "۰۹۱۲ ۳۴۵ ۶۷۸۹"] {
            sk.rebuild(text, |_| {});
            let fresh = Skeleton::new(text);
            assert_eq!(
                (&sk.text, &sk.starts, &sk.words),
                (&fresh.text, &fresh.starts, &fresh.words)
            );
        }
    }
}
