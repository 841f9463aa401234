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
    /// `text` is in display order (a right-to-left override was reversed), so `starts` is not
    /// increasing.
    reordered: bool,
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
    ///
    /// Text inside a right-to-left override (U+202E … U+202C, or to the end of the line) is
    /// shown reversed by a browser: the skeleton holds it in that display order, and the offset
    /// map still points at the original characters.
    #[inline]
    pub(crate) fn rebuild(&mut self, original: &str, mut each: impl FnMut(char)) -> SkeletonFacts {
        self.reordered = false;
        let facts = build(self, original, &mut each);
        if facts.bidi_control && original.contains(RLO) {
            let (visual, order) = display_order(original);
            let mut facts = build(self, &visual, |_| {});
            for s in &mut self.starts {
                *s = order[*s as usize];
            }
            self.reordered = true;
            facts.bidi_control = true;
            return facts;
        }
        facts
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
        if self.reordered {
            let range = &self.starts[start..end.min(self.starts.len())];
            let lo = range.iter().min().map_or(s, |&v| v as usize);
            let hi = range.iter().max().map_or(s, |&v| v as usize + 1);
            return (lo, hi);
        }
        let e = self.starts[(end - 1).min(self.starts.len() - 1)] as usize + 1;
        (s, e.max(s))
    }
}

/// Right-to-left override.
const RLO: char = '\u{202E}';
/// Pop directional formatting: ends an embedding or override.
const PDF: char = '\u{202C}';

/// `original` with every right-to-left override's content reversed (up to its PDF, or the end
/// of the line), as a browser shows it; and for each code point of the result, the index of
/// the code point of `original` it is.
fn display_order(original: &str) -> (String, Vec<u32>) {
    let cps: Vec<char> = original.chars().collect();
    let mut text = String::with_capacity(original.len());
    let mut order = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        text.push(cps[i]);
        order.push(i as u32);
        if cps[i] != RLO {
            i += 1;
            continue;
        }
        // The override's end: its PDF (nested embeddings have their own), or the line's end.
        let (mut j, mut depth) = (i + 1, 0usize);
        while j < cps.len() && cps[j] != '\n' {
            match cps[j] {
                PDF if depth == 0 => break,
                PDF => depth -= 1,
                '\u{202A}' | '\u{202B}' | '\u{202D}' | RLO => depth += 1,
                _ => {}
            }
            j += 1;
        }
        for k in (i + 1..j).rev() {
            text.push(cps[k]);
            order.push(k as u32);
        }
        i = j;
    }
    (text, order)
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
    fn a_right_to_left_override_is_read_in_display_order() {
        // Shown as `cheapstore.com 0912 345 6789`.
        let text = "x \u{202E}moc.erotspaehc\u{202C} y \u{202E}9876 543 2190\u{202C}";
        let sk = Skeleton::new(text);
        assert!(sk.text.contains("cheapstore.com"), "{}", sk.text);
        assert!(sk.text.contains("09123456789"), "{}", sk.text);
        let i = sk.text.find("cheapstore.com").unwrap();
        assert_eq!(
            orig_slice(text, sk.to_original(i, i + 14)),
            "moc.erotspaehc"
        );
        // Without a PDF the override ends with the line.
        let sk = Skeleton::new("\u{202E}ri.pohs\nok");
        assert_eq!(sk.text, "shop.ir\nok");
    }

    #[test]
    fn digits_of_every_script_and_marks_on_digits_fold() {
        // Devanagari, Bengali, fullwidth, mathematical bold.
        for text in ["०९१२३४५", "০৯১২৩৪৫", "０９１２３４５", "𝟎𝟗𝟏𝟐𝟑𝟒𝟓"] {
            assert_eq!(Skeleton::new(text).text, "0912345", "{text}");
        }
        // Keycaps with and without U+FE0F, strike-through, enclosing circle.
        let text = "0\u{20E3}9\u{FE0F}\u{20E3}1\u{0336}2\u{20DD} 3";
        let sk = Skeleton::new(text);
        assert_eq!(sk.text, "09123");
        assert_eq!(orig_slice(text, sk.to_original(0, 5)), text);
        // A mark on a letter stays with the letter.
        assert_eq!(Skeleton::new("e\u{0336}x").text, "e\u{0336}x");
    }

    #[test]
    fn invisible_characters_are_dropped_and_blank_ones_are_spaces() {
        for sep in ["\u{061C}", "\u{180E}", "\u{2063}", "\u{E0020}", "\u{1D173}"] {
            let text = format!("09{sep}12");
            assert_eq!(Skeleton::new(&text).text, "0912", "{text:?}");
        }
        for blank in ["\u{2800}", "\u{3164}", "\u{FFA0}", "\u{115F}", "\u{1160}"] {
            let text = format!("0912{blank}345 ok{blank}shop");
            assert_eq!(Skeleton::new(&text).text, "0912345 ok shop", "{text:?}");
        }
    }

    #[test]
    fn ideographic_full_stops_are_dots() {
        for text in ["shop\u{3002}ir", "shop\u{FF61}ir", "shop\u{FF0E}ir"] {
            assert_eq!(Skeleton::new(text).text, "shop.ir", "{text}");
        }
    }

    #[test]
    fn cyrillic_lookalikes_become_latin() {
        assert_eq!(Skeleton::new("ехаmрlе.соm").text, "example.com");
    }

    #[test]
    fn long_separator_runs_do_not_join_numbers() {
        // A run of spaces is one separator however long: the whitespace repair closes it up.
        assert_eq!(Skeleton::new("12          34").text, "1234");
        assert_eq!(Skeleton::new("12 \t  - 34").text, "1234");
        assert_eq!(Skeleton::new("12 - - 34").text, "12 - - 34");
        assert_eq!(Skeleton::new("12-.-.34").text, "12-.-.34");
        assert_eq!(Skeleton::new("12 -. 34").text, "12 -. 34");
        assert_eq!(Skeleton::new("12  -  34").text, "1234");
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
