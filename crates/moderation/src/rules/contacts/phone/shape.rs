//! How a sequence of numbers is written (`۰۹۱۲ ۳۴۵-۶۷۸۹` is `dddd ddd-dddd`), read once per
//! sequence, and the tests `contacts/phone` makes on it: dates, decimal pairs, digit groups.

use crate::context::FieldText;
use crate::numbers::NumberChunk;

/// The written shape of one sequence of numbers: its original text with every digit (any
/// script) as `d` and the characters the skeleton drops left out. Built once per sequence, so
/// the shape of any run of its parts is a slice and a sequence costs time linear in its length.
pub(super) struct Shape {
    text: String,
    /// For each code point of the original from `base` on (one past the end included): the
    /// byte of `text` its shape starts at.
    at: Vec<u32>,
    /// Code point of the original the shape starts at.
    base: usize,
}

impl Shape {
    /// The shape of skeleton bytes `start..end` of `f` (a whole sequence).
    pub fn new(f: &FieldText<'_>, start: usize, end: usize) -> Shape {
        let (s, e) = f.skeleton().to_original(start, end);
        let mut text = String::with_capacity(e - s);
        let mut at = Vec::with_capacity(e - s + 1);
        for &c in &f.cps[s..e] {
            at.push(text.len() as u32);
            if !crate::text::is_dropped(c) {
                text.push(if c.is_numeric() { 'd' } else { c });
            }
        }
        at.push(text.len() as u32);
        Shape { text, at, base: s }
    }

    /// The shape of skeleton bytes `start..end`, inside the sequence this shape was built for.
    pub fn of(&self, f: &FieldText<'_>, start: usize, end: usize) -> &str {
        let (s, e) = f.skeleton().to_original(start, end);
        let last = self.at.len() - 1;
        let index = |cp: usize| self.at[cp.saturating_sub(self.base).min(last)] as usize;
        let shape = &self.text[index(s)..index(e)];
        debug_assert_eq!(shape, written_shape(f, start, end));
        shape
    }
}

impl Shape {
    /// The shape of the parts from `k` on whose digits make up `digits` (`415/666-7777`).
    pub fn of_digits(
        &self,
        f: &FieldText<'_>,
        parts: &[NumberChunk<'_>],
        k: usize,
        digits: &str,
    ) -> &str {
        self.of(f, parts[k].start, digits_end(parts, k, digits))
    }
}

/// The skeleton byte where the parts from `k` on whose digits make up `digits` end: at most
/// about `digits.len()` parts are read, so a long sequence costs no more per part.
fn digits_end(parts: &[NumberChunk<'_>], k: usize, digits: &str) -> usize {
    let mut seen = 0;
    let mut end = parts[k].end;
    for p in &parts[k..] {
        if seen >= digits.len() {
            break;
        }
        seen += p.digits.as_str().len();
        end = p.end;
    }
    end
}

/// The original text of skeleton bytes `start..end` with every digit as `d`, computed alone:
/// what [`Shape::of`] must give.
fn written_shape(f: &FieldText<'_>, start: usize, end: usize) -> String {
    let (s, e) = f.skeleton().to_original(start, end);
    f.cps[s..e]
        .iter()
        .filter(|c| !crate::text::is_dropped(**c))
        .map(|&c| if c.is_numeric() { 'd' } else { c })
        .collect()
}

/// Digit groups and separators among the first `len` digits of a shape, for every `len` up
/// to 15 in one pass: entry `len` is `(groups, separators)`, `(0, 0)` when the shape has fewer
/// digits.
pub(super) fn groups_by_len(shape: &str) -> [(usize, usize); 16] {
    let mut out = [(0, 0); 16];
    let (mut groups, mut separators, mut digits) = (0, 0, 0);
    let mut in_group = false;
    for c in shape.chars() {
        if c == 'd' {
            digits += 1;
            groups += usize::from(!in_group);
            in_group = true;
            if digits >= out.len() {
                break;
            }
            out[digits] = (groups, separators);
        } else {
            separators += usize::from(in_group);
            in_group = false;
        }
    }
    out
}

/// Whether `y` is a plausible year: 1300-1499 (Solar Hijri) or 1900-2099.
fn plausible_year(y: &str) -> bool {
    y.parse::<u32>()
        .is_ok_and(|y| (1300..1500).contains(&y) || (1900..2100).contains(&y))
}

/// A date, perhaps with the hour after it, that the skeleton joined into numbers: the written
/// `parts` from `k` on start with `2023-05-14`, `1402.05.12`, `2012/01/02` or `14/05/2023` (a
/// year of 1300-1499 or 1900-2099), or end in an hour before `:mm` (`20120102 08:00`).
pub(super) fn is_date(
    f: &FieldText<'_>,
    shapes: &Shape,
    parts: &[NumberChunk<'_>],
    k: usize,
    digits: &str,
) -> bool {
    let end = digits_end(parts, k, digits);
    let shape = shapes.of(f, parts[k].start, end);
    // Groups of digits (empty between two adjacent separators) and the separators, as
    // written; only the first three and the last group are looked at.
    let mut groups = shape.split(|c| c != 'd');
    let first = groups.next().unwrap_or_default();
    let second = groups.next();
    let third = groups.next();
    let last_group = groups.next_back().or(third).or(second).unwrap_or(first);
    let count = 1 + usize::from(second.is_some()) + usize::from(third.is_some());
    // `20120102 08:00`: a year first, and the last group is an hour before `:mm`.
    let sk = f.sk();
    let hour = count >= 2
        && matches!(first.len(), 4 | 8)
        && digits.get(..4).is_some_and(plausible_year)
        && last_group.len() <= 2
        && sk[end..].starts_with(':')
        && sk[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    if hour {
        return true;
    }
    let (Some(second), Some(third)) = (second, third) else {
        return false;
    };
    let mut seps = shape.chars().filter(|&c| c != 'd');
    let (Some(s0), Some(s1)) = (seps.next(), seps.next()) else {
        return false;
    };
    if s0 != s1 || !matches!(s0, '-' | '.' | '/') {
        return false;
    }
    // A fourth group after the same separator makes groups of a number, not a date with
    // something after it (`09-2-1400-1234`).
    if seps.next() == Some(s0) {
        return false;
    }
    let groups = [first, second, third];
    let year = |g: usize, at: usize| {
        groups[g].len() == 4 && digits.get(at..at + 4).is_some_and(plausible_year)
    };
    // A day or a month: one or two digits, 1 to 31 (`0-9-1900` is no date).
    let short = |g: usize, at: usize| {
        let len = groups[g].len();
        (1..=2).contains(&len)
            && digits
                .get(at..at + len)
                .and_then(|d| d.parse::<u32>().ok())
                .is_some_and(|n| (1..=31).contains(&n))
    };
    let (l0, l1) = (groups[0].len(), groups[1].len());
    (year(0, 0) && short(1, l0) && short(2, l0 + l1))
        || (short(0, 0) && short(1, l0) && year(2, l0 + l1))
}

/// Two decimal numbers side by side that the skeleton joined: `80.585 79.964`.
pub(super) fn is_decimal_pair(f: &FieldText<'_>, shapes: &Shape, chunk: &NumberChunk<'_>) -> bool {
    let shape = shapes.of(f, chunk.start, chunk.end);
    let decimal = |t: &str| {
        // Brackets do not count: `(80.585)`.
        let (mut before, mut after, mut dots) = (0, 0, 0);
        for c in t.chars().filter(|c| !matches!(c, '(' | ')')) {
            match c {
                'd' if dots == 0 => before += 1,
                'd' => after += 1,
                '.' => dots += 1,
                _ => return false,
            }
        }
        dots == 1 && before > 0 && after > 0
    };
    shape
        .split(char::is_whitespace)
        .filter(|t| decimal(t))
        .count()
        >= 2
}

/// A list of small numbers that the skeleton joined: at least four groups of one or two
/// digits, all of the same length, each one to two more (or less) than the one before it
/// (`36 37 38 39 40`, `40-42-44-46`: sizes, not a phone number).
pub(super) fn is_list(
    f: &FieldText<'_>,
    shapes: &Shape,
    parts: &[NumberChunk<'_>],
    k: usize,
    digits: &str,
) -> bool {
    let shape = shapes.of_digits(f, parts, k, digits);
    let mut lens = shape
        .split(|c| c != 'd')
        .filter(|g| !g.is_empty())
        .map(str::len);
    let Some(width) = lens.next().filter(|&w| w <= 2) else {
        return false;
    };
    // The groups among `digits` (the digits after them do not matter).
    let count = 1 + lens
        .take_while(|&l| l == width)
        .count()
        .min(digits.len() / width - 1);
    if count < 4 {
        return false;
    }
    let values: Vec<i32> = (0..count)
        .map_while(|i| digits.get(i * width..(i + 1) * width)?.parse().ok())
        .collect();
    let step = values.get(1).zip(values.first()).map(|(b, a)| b - a);
    values.len() == count
        && step.is_some_and(|s| (1..=2).contains(&s.abs()))
        && values.windows(2).all(|w| Some(w[1] - w[0]) == step)
}
