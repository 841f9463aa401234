//! Evasions folded in the skeleton after the main pass: letters spelled out one by one, Latin
//! (`w w w . s h o p . i r`) or Persian (`ت ل گ ر ا م`), and letters written for digits inside
//! a number (`O912…`).

use super::words::{Word, is_letter, words};

/// Fewest single letters in a row that are read as one spelled-out word.
const MIN_SPELLED: usize = 4;

/// Fewest digits a word needs before `o`/`l`/`i` in it are read as digits (`i10` is a car).
pub(super) const LOOKALIKE_MIN_DIGITS: usize = 5;

/// A piece of a spelled-out name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// One ASCII letter.
    Latin,
    /// A run of ASCII digits (it may stand among Latin letters).
    Digits,
    /// One letter of the Arabic script (Persian, Arabic).
    Arabic,
}

/// What word `w` of `text` is as a piece of a spelled-out name, if anything.
fn spelled_piece(text: &str, w: &Word) -> Option<Piece> {
    let bytes = &text.as_bytes()[w.start..w.end];
    match bytes {
        [b] if b.is_ascii_lowercase() => Some(Piece::Latin),
        _ if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) => Some(Piece::Digits),
        // One letter of the Arabic block is two bytes.
        [_, _] => text[w.start..w.end]
            .chars()
            .next()
            .filter(|&c| ('\u{0600}'..='\u{06FF}').contains(&c) && is_letter(c))
            .map(|_| Piece::Arabic),
        _ => None,
    }
}

/// What may stand between two Latin pieces: spaces, with at most one `.`, `_` or `-` among
/// them.
fn latin_gap(gap: &str) -> bool {
    gap.len() <= 3
        && gap.contains(' ')
        && gap.bytes().all(|b| matches!(b, b' ' | b'.' | b'_' | b'-'))
        && gap.bytes().filter(|&b| b != b' ').count() <= 1
}

/// One `.`, `_` or `-` alone between two Latin pieces (`a.m.a.z.o.n`).
fn bare_mark(gap: &str) -> bool {
    matches!(gap, "." | "_" | "-")
}

/// Punctuation that may part Persian letters written one by one (`ت-ل-گ`, `ت،ل،گ`, `ت.ل.گ`).
fn arabic_separator(c: char) -> bool {
    matches!(c, '.' | '-' | '_' | '،' | ',' | '*' | '/' | '|' | '+')
}

/// What may stand between two Persian letters written one by one: spaces (a ZWNJ is already
/// gone), or one punctuation mark with spaces around it or none.
fn arabic_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().count() <= 3
        && gap.chars().all(|c| c == ' ' || arabic_separator(c))
        && gap.chars().filter(|&c| c != ' ').count() <= 1
}

/// Removes what parts runs of at least [`MIN_SPELLED`] letters spelled out one by one, with
/// `text`'s offset map `starts` kept exact, and finds the words again. Returns whether
/// anything changed.
///
/// A Latin run (digit runs may stand among its letters) loses its spaces and keeps its `.`,
/// `_` and `-` (`w w w . s h o p . i r` → `www.shop.ir`), unless one of them alone parts
/// every two of its pieces (`a.m.a.z.o.n`, `E-B-A-Y` → `amazon`, `ebay`). A run of Persian letters loses its
/// spaces and punctuation (`ت ل گ ر ا م`, `ت-ل-گ-ر-ا-م` → `تلگرام`) except a `.` that stands
/// between some of its letters only, which is a domain's dot (`ف ر و ش گ ا ه . ا ی ر ا ن` →
/// `فروشگاه.ایران`). Fewer letters in a row stay (`S M L`, `ج.ا.ا`, `و` and `ب` between
/// words).
pub(super) fn join_spelled(text: &mut String, starts: &mut Vec<u32>, ws: &mut Vec<Word>) -> bool {
    // Byte ranges of the text to remove, in order.
    let mut remove: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let Some(first) = spelled_piece(text, &ws[k]) else {
            k += 1;
            continue;
        };
        let arabic = first == Piece::Arabic;
        let fits = |p: Piece| {
            if arabic {
                p == Piece::Arabic
            } else {
                p != Piece::Arabic
            }
        };
        let mut letters = usize::from(first != Piece::Digits);
        // A Latin run is parted by spaces or by bare marks throughout, not both.
        let bare = !arabic
            && ws
                .get(k + 1)
                .is_some_and(|n| bare_mark(&text[ws[k].end..n.start]));
        let mut j = k;
        while j + 1 < ws.len() {
            let gap = &text[ws[j].end..ws[j + 1].start];
            let Some(next) = spelled_piece(text, &ws[j + 1]).filter(|&p| fits(p)) else {
                break;
            };
            if !(if arabic {
                arabic_gap(gap)
            } else if bare {
                bare_mark(gap)
            } else {
                latin_gap(gap)
            }) {
                break;
            }
            letters += usize::from(next != Piece::Digits);
            j += 1;
        }
        if letters >= MIN_SPELLED {
            // A dot between every two Persian letters parts them; between some, it is kept.
            // Latin letters part by one mark alone in every gap (`a.m.a.z.o.n`, `e-b-a-y`)
            // lose it; with spaces, or in some gaps only, it is a domain's (`w w w . s h o p`).
            let dotted = (k..j)
                .filter(|&w| text[ws[w].end..ws[w + 1].start].contains('.'))
                .count();
            let keep_dots = if arabic { dotted < j - k } else { !bare };
            for w in k..j {
                for (at, c) in text[ws[w].end..ws[w + 1].start].char_indices() {
                    let at = ws[w].end + at;
                    let part = match c {
                        ' ' => true,
                        '.' => !keep_dots,
                        _ => arabic || !keep_dots,
                    };
                    if part {
                        remove.push((at, at + c.len_utf8()));
                    }
                }
            }
        }
        k = j + 1;
    }
    if remove.is_empty() {
        return false;
    }
    let mut new_text = String::with_capacity(text.len());
    let mut new_starts = Vec::with_capacity(starts.len());
    let mut from = 0;
    for &(s, e) in &remove {
        new_text.push_str(&text[from..s]);
        new_starts.extend_from_slice(&starts[from..s]);
        from = e;
    }
    new_text.push_str(&text[from..]);
    new_starts.extend_from_slice(&starts[from..]);
    *text = new_text;
    *starts = new_starts;
    *ws = words(text);
    true
}

/// The longest run of ASCII digits in `text`.
pub(super) fn longest_digit_run(text: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Reads `o` as `0` and `l`/`i` as `1` in words of ASCII digits and those letters only, with
/// at least [`LOOKALIKE_MIN_DIGITS`] digits, when each such letter was written right next to
/// two digits (`O912 345 6789` → `0912 345 6789`, but not `i7 12700`): same length, so the
/// offset map does not change. Returns the longest digit run of the words it changed.
pub(super) fn fold_digit_lookalikes(text: &mut String, starts: &[u32], ws: &[Word]) -> usize {
    let bytes = text.as_bytes();
    // Two digits written right before or after skeleton byte `p` in the original.
    let glued = |p: usize, w: &Word| {
        let before = p >= w.start + 2
            && (1..=2)
                .all(|k| bytes[p - k].is_ascii_digit() && starts[p - k] + k as u32 == starts[p]);
        let after = p + 2 < w.end
            && (1..=2)
                .all(|k| bytes[p + k].is_ascii_digit() && starts[p] + k as u32 == starts[p + k]);
        before || after
    };
    let mut fold = Vec::new();
    for w in ws {
        let word = &bytes[w.start..w.end];
        let digits = word.iter().filter(|b| b.is_ascii_digit()).count();
        if digits >= LOOKALIKE_MIN_DIGITS
            && digits < word.len()
            && word.iter().enumerate().all(|(i, &b)| {
                b.is_ascii_digit() || (matches!(b, b'o' | b'l' | b'i') && glued(w.start + i, w))
            })
        {
            fold.push((w.start, w.end));
        }
    }
    if fold.is_empty() {
        return 0;
    }
    let mut out = std::mem::take(text).into_bytes();
    let mut longest = 0;
    for (s, e) in fold {
        for b in &mut out[s..e] {
            *b = match *b {
                b'o' => b'0',
                b'l' | b'i' => b'1',
                other => other,
            };
        }
        longest = longest.max(e - s);
    }
    *text = String::from_utf8(out).unwrap_or_default();
    longest
}

/// Fewest digits, look-alike letters counted, of a number in which any letter that looks like a
/// digit is read as that digit (`0912 3A5 6789`, `۰۹ا۲ ۳۴۵ ۶۷۸۹`): a phone or card number,
/// not a model number (`i7-12700H`, `SM-A546B`).
pub(super) const LONG_NUMBER_DIGITS: usize = 10;
/// Most look-alike letters read as digits in one number of up to 15 digits and letters; a
/// longer one (a card number) may hold one in four (`6O37 99l2 34S6 7B93`).
pub(super) const LONG_NUMBER_LETTERS: usize = 3;

/// Most look-alike letters read as digits in a number of `len` digits and letters.
fn most_letters(len: usize) -> usize {
    LONG_NUMBER_LETTERS.max(len / 4)
}

/// The digit an original character looks like, when it is written among digits: Latin letters
/// by their shape in either case where both look alike (`O`/`o` 0, `S`/`s` 5), in one case
/// where only one does (`A` 4, `B` 8 but `b` 6), Cyrillic `З`/`з` (3), `Ч` (4) and `б` (6),
/// and Persian `ا` (`۱`) and `ه` (`۵`).
fn digit_lookalike(c: char) -> Option<u8> {
    Some(match c {
        'O' | 'o' => 0,
        'I' | 'l' | 'i' | '\u{0627}' => 1,
        'Z' | 'z' => 2,
        'E' | 'З' | 'з' => 3,
        'A' | 'Ч' => 4,
        'S' | 's' | '\u{0647}' => 5,
        'b' | 'G' | 'б' => 6,
        'T' => 7,
        'B' => 8,
        'g' | 'q' => 9,
        _ => return None,
    })
}

/// A skeleton character that may be a folded look-alike of a digit.
fn may_look_like_digit(c: char) -> bool {
    matches!(
        c,
        'o' | 'i'
            | 'l'
            | 'z'
            | 'e'
            | 'a'
            | 's'
            | 'b'
            | 'g'
            | 't'
            | 'q'
            | 'з'
            | 'ч'
            | 'б'
            | '\u{0627}'
            | '\u{0647}'
    )
}

/// Separators that may stand next to a look-alike letter inside a number (the skeleton already
/// removed those between two digits).
fn number_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '_' | '(' | ')' | '\t')
}

/// Reads letters that look like digits as those digits inside long numbers: in a stretch of
/// digits, look-alike letters and at most three separators in a row, with at least
/// [`LONG_NUMBER_DIGITS`] digits and letters, at most [`most_letters`] letters, each
/// letter standing alone (no letter beside it) next to a digit, the letters become digits and
/// the separators of the stretch go. `original` is what the skeleton was built from (a letter's
/// case decides: `B` is 8, `b` 6). Keeps the offset map exact and finds the words again;
/// returns whether anything changed.
pub(super) fn fold_long_number_lookalikes(
    original: &str,
    text: &mut String,
    starts: &mut Vec<u32>,
    ws: &mut Vec<Word>,
) -> bool {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_letter_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_letter(c));
    let is_digit_at = |k: usize| chars.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    // A skeleton letter that may stand for a digit where it is: no letter on either side, a
    // digit on at least one side (through separators on the other).
    let candidate = |k: usize| {
        may_look_like_digit(chars[k].1)
            && !(k > 0 && is_letter_at(k - 1))
            && !is_letter_at(k + 1)
            && ((k > 0 && is_digit_at(k - 1)) || is_digit_at(k + 1))
    };
    let mut original_chars: Option<Vec<char>> = None;
    // (skeleton char index, replacement) of every change, in order; `None` removes.
    let mut edits: Vec<(usize, Option<char>)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !(chars[k].1.is_ascii_digit() || candidate(k)) {
            k += 1;
            continue;
        }
        // The stretch from `k`: digits, candidates, runs of at most three separators that have
        // a digit or a candidate after them.
        let (mut digits, mut letters, mut end) = (0usize, Vec::new(), k);
        let mut j = k;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_ascii_digit() {
                digits += 1;
            } else if candidate(j) {
                letters.push(j);
            } else if number_separator(c) {
                let run = chars[j..]
                    .iter()
                    .take_while(|&&(_, c)| number_separator(c))
                    .count();
                let next = j + run;
                if run > 3 || !(is_digit_at(next) || (next < chars.len() && candidate(next))) {
                    break;
                }
                j = next;
                continue;
            } else {
                break;
            }
            end = j + 1;
            j += 1;
        }
        if !letters.is_empty()
            && letters.len() <= most_letters(digits + letters.len())
            && digits + letters.len() >= LONG_NUMBER_DIGITS
        {
            let orig = original_chars.get_or_insert_with(|| original.chars().collect());
            let values: Option<Vec<u8>> = letters
                .iter()
                .map(|&l| {
                    let cp = starts[chars[l].0] as usize;
                    orig.get(cp).copied().and_then(digit_lookalike)
                })
                .collect();
            if let Some(values) = values {
                let mut v = values.into_iter();
                for (at, &(_, c)) in chars.iter().enumerate().take(end).skip(k) {
                    if c.is_ascii_digit() {
                        continue;
                    }
                    if letters.contains(&at) {
                        edits.push((at, v.next().map(|d| char::from(b'0' + d))));
                    } else {
                        edits.push((at, None));
                    }
                }
            }
        }
        k = end.max(k + 1);
    }
    if edits.is_empty() {
        return false;
    }
    let mut new_text = String::with_capacity(text.len());
    let mut new_starts = Vec::with_capacity(starts.len());
    let mut from = 0; // byte
    for (at, replacement) in edits {
        let (s, c) = chars[at];
        new_text.push_str(&text[from..s]);
        new_starts.extend_from_slice(&starts[from..s]);
        if let Some(d) = replacement {
            new_text.push(d);
            new_starts.push(starts[s]);
        }
        from = s + c.len_utf8();
    }
    new_text.push_str(&text[from..]);
    new_starts.extend_from_slice(&starts[from..]);
    *text = new_text;
    *starts = new_starts;
    *ws = words(text);
    true
}

#[cfg(test)]
mod tests {
    use crate::text::Skeleton;

    fn original(text: &str, sk: &Skeleton, pattern: &str) -> String {
        let i = sk.text.find(pattern).expect(pattern);
        let (s, e) = sk.to_original(i, i + pattern.len());
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn spelled_out_letters_are_joined_with_exact_offsets() {
        let text = "سایت w w w . s h o p . i r رو ببینید";
        let sk = Skeleton::new(text);
        assert!(sk.text.contains("www.shop.ir"), "{}", sk.text);
        assert_eq!(original(text, &sk, "shop.ir"), "s h o p . i r");
        let text = "telegram: s h o p 9 8";
        assert!(Skeleton::new(text).text.contains("shop98"));
        let text = "cheaper on a.m.a.z.o.n or E-B-A-Y";
        let sk = Skeleton::new(text);
        assert!(sk.text.contains("on amazon or ebay"), "{}", sk.text);
        assert_eq!(original(text, &sk, "amazon"), "a.m.a.z.o.n");
        assert_eq!(original(text, &sk, "ebay"), "E-B-A-Y");
    }

    #[test]
    fn persian_letters_spelled_out_are_joined_with_exact_offsets() {
        for (text, joined, written) in [
            ("آیدی ت ل گ ر ا م shop_ali", "تلگرام", "ت ل گ ر ا م"),
            ("پیج ا ی ن س ت ا ما", "اینستا", "ا ی ن س ت ا"),
            ("و ا ت س ا پ 0912", "واتساپ", "و ا ت س ا پ"),
            ("ت-ل-گ-ر-ا-م", "تلگرام", "ت-ل-گ-ر-ا-م"),
            ("ت، ل، گ، ر، ا، م", "تلگرام", "ت، ل، گ، ر، ا، م"),
            ("ت.ل.گ.ر.ا.م", "تلگرام", "ت.ل.گ.ر.ا.م"),
            (
                "ت\u{200C}ل\u{200C}گ\u{200C}ر\u{200C}ا\u{200C}م",
                "تلگرام",
                "ت\u{200C}ل\u{200C}گ\u{200C}ر\u{200C}ا\u{200C}م",
            ),
            // A dot between some letters only is a domain's.
            (
                "خرید از ف ر و ش گ ا ه . ا ی ر ا ن",
                "فروشگاه.ایران",
                "ف ر و ش گ ا ه . ا ی ر ا ن",
            ),
        ] {
            let sk = Skeleton::new(text);
            assert!(sk.text.contains(joined), "{text}: {}", sk.text);
            assert_eq!(original(text, &sk, joined), written, "{text}");
        }
    }

    #[test]
    fn persian_one_letter_words_and_short_runs_stay() {
        for text in [
            "من و تو و او",
            "گزینه الف و ب خوب است",
            "ج.ا.ا",
            "ب ب ب",
            "کتاب و دفتر و قلم",
            "خانه ی من",
        ] {
            assert_eq!(Skeleton::new(text).text, text, "{text}");
        }
        // Latin and Persian letters are not one run.
        assert_eq!(Skeleton::new("a b ت ل").text, "a b ت ل");
    }

    #[test]
    fn look_alike_letters_inside_long_numbers_are_read_as_digits() {
        for (text, digits) in [
            ("شماره 0935 1A1 2233", "09351412233"),
            ("شماره 0935111b233", "09351116233"),
            ("شماره 0935 111 22B3", "09351112283"),
            ("شماره 0935 E11 2233", "09353112233"),
            ("شماره ۰۹ا۵ ۱۱۱ ۲۲۳۳", "09151112233"),
            ("شماره ۰۹۳۵ ۱۱ه ۲۲۳۳", "09351152233"),
            // Latin `O` and `I` with a Cyrillic `З` in one number.
            ("شماره O9I2 З45 67 89", "09123456789"),
        ] {
            let sk = Skeleton::new(text);
            assert!(sk.text.contains(digits), "{text}: {}", sk.text);
            assert_eq!(
                original(text, &sk, digits),
                &text[text.find(' ').unwrap() + 1..]
            );
        }
        // Model numbers, short numbers, lower-case letters that do not look like a digit, and
        // letters beside letters stay.
        for text in [
            "لپ تاپ با i7-12700H و SM-A546B",
            "کد 12A45",
            "شماره 0935 1a1 2233",
            "سریال 0935 AB1 2233",
            "۱۲۳۴ و ۵۶۷۸",
            "Зона 0935 111 2233",
        ] {
            let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
            assert_eq!(letters(&Skeleton::new(text).text), letters(text), "{text}");
        }
    }

    #[test]
    fn short_letter_runs_and_words_stay() {
        for text in [
            "سایز S M L موجود است",
            "a b c",
            "I am a big fan",
            "a b c-d",
            "U.S.A. made",
            "a.b.c d e",
        ] {
            let sk = Skeleton::new(text);
            assert_eq!(sk.text, text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn letters_for_digits_inside_numbers_are_read_as_digits() {
        let text = "شماره O912 345 67l9";
        let sk = Skeleton::new(text);
        assert!(sk.text.contains("09123456719"), "{}", sk.text);
        assert_eq!(original(text, &sk, "0912"), "O912");
        for text in ["hyundai i10 خوب است", "مدل lo10"] {
            let sk = Skeleton::new(text);
            assert_eq!(sk.text, text.to_lowercase(), "{text}");
        }
        // `i7 12700` is joined as digits are, but `i` stays a letter: it has one digit beside it.
        assert_eq!(Skeleton::new("cpu i7 12700").text, "cpu i712700");
    }
}
