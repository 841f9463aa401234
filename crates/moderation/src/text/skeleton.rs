//! The matching skeleton of one field, with a map back to code points of the original.

use super::builder::{SkeletonFacts, build};
use super::fold::is_bidi_control;
use super::words::Word;
use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

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
    /// `text` is in reading order (a line held bidi controls), so `starts` may not be
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
    /// A line with bidi embeddings, overrides or isolates is shown by a browser in an order
    /// other than the typed one: the skeleton holds it in the order a reader reads it on the
    /// page (see [`display_order`]), and the offset map still points at the original characters.
    #[inline]
    pub(crate) fn rebuild(&mut self, original: &str, mut each: impl FnMut(char)) -> SkeletonFacts {
        self.reordered = false;
        let facts = build(self, original, &mut each);
        if facts.bidi_control {
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

/// `original` as a reader sees it on the page, and for each code point of the result the
/// index of the code point of `original` it is.
///
/// Each line (paragraph) that holds a bidi embedding, override or isolate is laid out in
/// display order by the Unicode Bidirectional Algorithm (`unicode-bidi`), then read as a
/// reader reads a line: stretches of right-to-left letters right to left, stretches of Latin
/// letters and digits (with the spaces and punctuation between them) left to right, and the
/// stretches themselves in the line's direction. So `9876 543 2190`, each in its own
/// right-to-left override and shown as
/// `0912 345 6789`, reads `0912 345 6789`. Lines without such controls keep their typed order;
/// the controls themselves are left out.
fn display_order(original: &str) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(original.len());
    let mut order = Vec::with_capacity(original.len());
    let mut line_start = 0; // byte
    let mut line_cp = 0u32; // code point index of `line_start`
    let mut cp = 0u32;
    for (i, c) in original.char_indices() {
        cp += 1;
        if bidi_class(c) == BidiClass::B {
            let next = i + c.len_utf8();
            read_line(&original[line_start..next], line_cp, &mut text, &mut order);
            line_start = next;
            line_cp = cp;
        }
    }
    read_line(&original[line_start..], line_cp, &mut text, &mut order);
    (text, order)
}

/// How a reader takes a character in: part of a right-to-left stretch, of a left-to-right one,
/// or neutral (spaces, punctuation: it joins the stretch around it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Rtl,
    Ltr,
    Neutral,
}

fn reading(c: char) -> Reading {
    match bidi_class(c) {
        BidiClass::R | BidiClass::AL => Reading::Rtl,
        BidiClass::L | BidiClass::EN | BidiClass::AN => Reading::Ltr,
        _ => Reading::Neutral,
    }
}

/// For each character of a line, whether a directional override (U+202D, U+202E) sets its
/// direction (embeddings and isolates inside an override end its effect).
fn overridden(body: &[(u32, char)]) -> Vec<bool> {
    let mut stack: Vec<(bool, bool)> = Vec::new(); // (override, isolate)
    body.iter()
        .map(|&(_, c)| match c {
            '\u{202D}' | '\u{202E}' => {
                stack.push((true, false));
                false
            }
            '\u{202A}' | '\u{202B}' => {
                stack.push((false, false));
                false
            }
            '\u{2066}'..='\u{2068}' => {
                stack.push((false, true));
                false
            }
            '\u{202C}' => {
                if stack.last().is_some_and(|&(_, isolate)| !isolate) {
                    stack.pop();
                }
                false
            }
            '\u{2069}' => {
                while let Some((_, isolate)) = stack.pop() {
                    if isolate {
                        break;
                    }
                }
                false
            }
            _ => stack.last().is_some_and(|&(o, _)| o),
        })
        .collect()
}

/// Appends one line (ending with its paragraph separator, if any) in reading order.
fn read_line(line: &str, first_cp: u32, text: &mut String, order: &mut Vec<u32>) {
    let chars: Vec<(u32, char)> = (first_cp..).zip(line.chars()).collect();
    let body_len = chars
        .iter()
        .rposition(|&(_, c)| bidi_class(c) != BidiClass::B)
        .map_or(0, |p| p + 1);
    let (body, separator) = chars.split_at(body_len);
    let mut push = |&(i, c): &(u32, char)| {
        text.push(c);
        order.push(i);
    };
    if !body.iter().any(|&(_, c)| is_bidi_control(c)) {
        chars.iter().for_each(&mut push);
        return;
    }
    let body_text = &line[..body.iter().map(|&(_, c)| c.len_utf8()).sum::<usize>()];
    let info = BidiInfo::new(body_text, None);
    let Some(para) = info.paragraphs.first() else {
        chars.iter().for_each(&mut push);
        return;
    };
    let rtl = para.level.is_rtl();
    let levels = info.reordered_levels_per_char(para, 0..body_text.len());
    // The line in display order, left to right, without the controls.
    let visual: Vec<&(u32, char)> = BidiInfo::reorder_visual(&levels)
        .into_iter()
        .map(|k| &body[k])
        .filter(|&&(_, c)| !is_bidi_control(c))
        .collect();
    // Stretches of one reading direction: a neutral between two characters of the same
    // direction belongs to their stretch, any other to the line's direction. On a
    // right-to-left line, white space splits a left-to-right stretch unless the algorithm laid
    // it out left to right (an even level, as in a left-to-right isolate) or an override shows
    // both sides: a reader takes `۶۷۸۹ ۳۴۵ ۰۹۱۲` laid out as plain text would be, group by group
    // from the right, but an override's groups as they stand.
    let overridden = overridden(body);
    let (forced, ltr): (Vec<bool>, Vec<bool>) = BidiInfo::reorder_visual(&levels)
        .into_iter()
        .filter(|&k| !is_bidi_control(body[k].1))
        .map(|k| (overridden[k], levels[k].is_ltr()))
        .unzip();
    let kinds: Vec<Reading> = visual.iter().map(|&&(_, c)| reading(c)).collect();
    let line_dir = if rtl { Reading::Rtl } else { Reading::Ltr };
    let mut dirs = kinds.clone();
    let mut k = 0;
    while k < kinds.len() {
        if kinds[k] != Reading::Neutral {
            k += 1;
            continue;
        }
        let end = kinds[k..]
            .iter()
            .position(|&r| r != Reading::Neutral)
            .map_or(kinds.len(), |p| k + p);
        let before = k.checked_sub(1).map(|b| kinds[b]);
        let after = kinds.get(end).copied();
        let white = visual[k..end]
            .iter()
            .any(|&&(_, c)| bidi_class(c) == BidiClass::WS);
        let dir = match (before, after) {
            (Some(Reading::Ltr), Some(Reading::Ltr))
                if rtl
                    && white
                    && !(forced[k - 1] && forced[end])
                    && !ltr[k..end].iter().all(|&l| l) =>
            {
                line_dir
            }
            (Some(b), Some(a)) if a == b => a,
            _ => line_dir,
        };
        dirs[k..end].fill(dir);
        k = end;
    }
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    let mut s = 0;
    for e in 1..=dirs.len() {
        if e == dirs.len() || dirs[e] != dirs[s] {
            stretches.push((s, e));
            s = e;
        }
    }
    if rtl {
        stretches.reverse();
    }
    for (s, e) in stretches {
        if dirs[s] == Reading::Rtl {
            visual[s..e].iter().rev().for_each(|&x| push(x));
        } else {
            visual[s..e].iter().for_each(|&x| push(x));
        }
    }
    separator.iter().for_each(&mut push);
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
    fn overrides_on_a_right_to_left_line_are_read_in_display_order() {
        // Shown (left to right) as `0935 111 2233 هرامش`: read from the right, `شماره 0935 111 2233`.
        let text = "شماره \u{202E}۳۳۲۲\u{202C} \u{202E}۱۱۱\u{202C} \u{202E}۵۳۹۰\u{202C}";
        let sk = Skeleton::new(text);
        assert_eq!(sk.text, "شماره 09351112233", "{}", sk.text);
        assert_eq!(orig_slice(text, sk.to_original(11, 15)), "۵۳۹۰");
        // Hyphens between the overrides, and a domain in two overrides around a dot.
        let text = "تماس \u{202E}۳۳۲۲\u{202C}-\u{202E}۱۱۱\u{202C}-\u{202E}۵۳۹۰\u{202C}";
        assert!(Skeleton::new(text).text.contains("09351112233"));
        let text = "سایت \u{202E}ri\u{202C}.\u{202E}porewen\u{202C} خوبه";
        assert_eq!(Skeleton::new(text).text, "سایت newerop.ir خوبه");
        // An embedding lays its groups out as plain text is: read from the right as typed.
        let text = "شماره \u{202B}۰۹۳۵ ۱۱۱ ۲۲۳۳\u{202C} ممنون";
        assert_eq!(Skeleton::new(text).text, "شماره 09351112233 ممنون");
        // Overrides next to each other form one run, shown (and read) as `1112233 0935`.
        let text = "شماره \u{202E}۵۳۹۰\u{202C}\u{202E}۳۳۲۲۱۱۱\u{202C}";
        assert_eq!(Skeleton::new(text).text, "شماره 11122330935");
        // A left-to-right isolate shows its groups left to right, as typed.
        let text = "شماره \u{2066}0935 111 2233\u{2069} ممنون";
        assert_eq!(Skeleton::new(text).text, "شماره 09351112233 ممنون");
        // An isolate only moves what it holds; the other lines keep their typed order.
        let text = "نظر \u{2067}abc\u{2069}\nشماره ۰۹۳۵ ۱۱۱ ۲۲۳۳";
        assert_eq!(Skeleton::new(text).text, "نظر abc\nشماره 09351112233");
    }

    #[test]
    fn digits_of_every_script_and_marks_on_digits_fold() {
        // Devanagari, Bengali, fullwidth, mathematical bold.
        for text in ["०९१२३४५", "০৯১২৩৪৫", "０９１２３４５", "𝟎𝟗𝟏𝟐𝟑𝟒𝟓"]
        {
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
    fn bullets_between_letters_are_dots() {
        for text in [
            "shop\u{2022}ir",
            "shop\u{2219}ir",
            "shop\u{30FB}ir",
            "shop2\u{22C5}com",
            "shop\u{2E31}ir",
            "shop\u{02D9}com",
            "shop\u{2218}com",
            "shop\u{00B0}com",
        ] {
            let sk = Skeleton::new(text);
            assert!(
                sk.text.contains('.') && !sk.text.contains(' '),
                "{text}: {}",
                sk.text
            );
        }
        // A bullet in a list, or before a digit, stays.
        for text in [
            "fast \u{2022} cheap",
            "\u{2022}item",
            "shop\u{2022} ir",
            "a\u{2022}2",
            "25\u{00B0}C",
            "\u{06F2}\u{06F5}\u{00B0}c",
            "90 \u{00B0}F",
        ] {
            assert!(!Skeleton::new(text).text.contains('.'), "{text}");
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
        // One line break joins (a number written a group a line), a blank line parts.
        assert_eq!(Skeleton::new("۶۰۳۷\n۹۹۷۱ \r\n ۲۳۴۵").text, "603799712345");
        assert_eq!(Skeleton::new("0912\n\n345").text, "0912\n\n345");
        assert_eq!(Skeleton::new("0912 \n \n 345").text, "0912 \n \n 345");
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
