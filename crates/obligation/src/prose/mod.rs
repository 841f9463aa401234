//! Durations stated in clause prose, in English, French, German and Persian: digits of any
//! script or number words up to the hundreds, calendar or working time, and ranges.
//!
//! Recognised (case-insensitive; examples): `24 hours`, `a 24-hour window`, `five working days`,
//! `2 business days`, `24 to 48 working hours`, `between 24 and 48 hours`, `fifteen (15) days`,
//! `30 (thirty) days`; `24 heures`, `24 h`, `5 jours ouvrables`, `deux jours`, `soixante-douze
//! heures`; `24 Stunden`, `5 Werktagen`, `48 Arbeitsstunden`, `zweiundsiebzig Stunden`;
//! `۲۴ ساعت`, `۴۸ ساعت کاری`, `دو روز`, `۲۴ تا ۴۸ ساعت کاری`, `بیست و چهار ساعت`. An
//! indefinite article is one: `un jour ouvrable`, `einem Werktag`, `binnen eines Werktags`,
//! `یک روز کاری`, and in English after a word of length (`within a working day`, `in an
//! hour`; not "A working day is…", "24 hours a day" or "once a month").
//!
//! Not durations, and skipped: rates (`24 hours a day`, `24 heures sur 24`, `24h/24`, `7 days a
//! week`, `365 days a year`), times of day (`avant 14 heures`, `14 h 30`, `de 9 h à 18 h`, `um 18 Stunden`),
//! public holidays (`un jour férié`) and numbers too large to be a deadline (a register number
//! such as `FN 335466h`). [`find_durations`] reports the obligation units (hours, days — weeks and
//! fortnights as 7 and 14 days: `two weeks`, `deux semaines`, `zwei Wochen`, `دو هفته` — calendar
//! months — `6 months`, `six (6) mois`, `sechs Monate`, `۶ ماه` — working hours, working days);
//! [`find_periods`] also weeks and years, in days.

mod tokens;
mod units;

use std::sync::LazyLock;

use davar_policy::memo::Memo;

use self::tokens::{Kind, Token, integer, punct, tokenize, word};
use self::units::{ProseUnit, singular_before, unit_at};
use super::duration::{Duration, Unit};
use super::numerals::{compose, starts_number};

/// A duration found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseDuration {
    /// What the prose says.
    pub duration: Duration,
    /// Byte offset of the first character in the scanned text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What a numeral in parentheses says when it disagrees with the words before it:
    /// `five (3) working days` is 5 working days with 3 working days here.
    pub parenthesised: Option<Duration>,
    /// The length restated in parentheses after it in another unit: `2 days (48 hours)` and `2
    /// days (72 hours)` are 2 days with 48 and 72 hours here.
    pub restated: Option<Restatement>,
}

/// A length in parentheses restating the one before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restatement {
    /// The length in parentheses, in the unit it is written in (weeks in days, years in
    /// months).
    pub duration: Duration,
    /// Whether it is as long as the length before it.
    pub agrees: bool,
}

impl ProseDuration {
    /// The words as written.
    pub fn text<'a>(&self, prose: &'a str) -> &'a str {
        &prose[self.start..self.end]
    }
}

/// A length of time in any unit, as the number of days it lasts at least.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Days (hours rounded up to whole days, a month counted as 30 days, the upper bound of a
    /// range).
    pub days: u32,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// Largest number of hours read as a deadline; a larger one is an identifier.
const MAX_HOURS: u32 = 999;
/// Largest number of any other unit read as a length of time.
const MAX_AMOUNT: u32 = 3650;

/// Finds every duration in an obligation unit stated in `text`.
pub fn find_durations(text: &str) -> Vec<ProseDuration> {
    scan(text)
        .into_iter()
        .filter_map(|found| {
            let Reading {
                unit,
                low,
                high,
                other,
                ..
            } = found.reading;
            let restated = found.reading.restated;
            // Weeks are whole days: `two weeks` is 14 days. A year counts only restated in
            // months (`1 year (12 months)`); on its own it is no obligation unit.
            let (unit, low, high, other) = match unit {
                ProseUnit::Obligation(unit) => (unit, low, high, other),
                ProseUnit::Week | ProseUnit::Fortnight => {
                    let days = |n: u32| unit.days(n);
                    (Unit::Days, low.map(days), days(high), other.map(days))
                }
                ProseUnit::Year if restated.is_some() => (Unit::Months, None, high * 12, None),
                ProseUnit::Year => return None,
            };
            let duration = match low {
                Some(low) => Duration::Range {
                    low: Box::new(unit.of(low)),
                    high: Box::new(unit.of(high)),
                },
                None => unit.of(high),
            };
            let restated = restated
                .and_then(|(unit, n)| obligation_duration(unit, n))
                .map(|duration| Restatement {
                    duration,
                    agrees: found.reading.restated_agrees,
                });
            Some(ProseDuration {
                duration,
                start: found.start,
                end: found.end,
                parenthesised: other.map(|n| unit.of(n)),
                restated,
            })
        })
        .collect()
}

/// `n` of `unit` as an obligation block states it: weeks and fortnights in days, years in
/// months.
fn obligation_duration(unit: ProseUnit, n: u32) -> Option<Duration> {
    Some(match unit {
        ProseUnit::Obligation(unit) => unit.of(n),
        ProseUnit::Week | ProseUnit::Fortnight => Unit::Days.of(unit.days(n)),
        ProseUnit::Year => Unit::Months.of(n.checked_mul(12)?),
    })
}

/// Finds every length of time stated in `text`, weeks and years included.
pub fn find_periods(text: &str) -> Vec<Period> {
    scan(text)
        .into_iter()
        .map(|found| Period {
            days: found.reading.unit.days(found.reading.high),
            start: found.start,
            end: found.end,
        })
        .collect()
}

/// A length of time read from the tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    unit: ProseUnit,
    /// The lower bound of a range.
    low: Option<u32>,
    /// The amount, or the upper bound of a range.
    high: u32,
    /// The index of the token after the length.
    next: usize,
    /// A numeral in parentheses after the amount that says another amount (`five (3)`).
    other: Option<u32>,
    /// A length in parentheses after the unit, in hours, days and weeks or in months and years
    /// (`2 days (48 hours)`, `1 year (12 months)`, `2 days (72 hours)`).
    restated: Option<(ProseUnit, u32)>,
    /// Whether [`Reading::restated`] is the same length.
    restated_agrees: bool,
}

impl Reading {
    fn new(unit: ProseUnit, amount: u32, next: usize) -> Self {
        Reading {
            unit,
            low: None,
            high: amount,
            next,
            other: None,
            restated: None,
            restated_agrees: false,
        }
    }
}

/// A length of time and its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    reading: Reading,
}

/// What [`scan`] found in the texts read before: the versions of a document repeat most of
/// their clauses and sentences.
static SCANNED: LazyLock<Memo<Vec<Found>>> = LazyLock::new(|| Memo::new(8 << 20));

fn scan(text: &str) -> Vec<Found> {
    SCANNED.get_or(&[text], || scan_text(text))
}

fn scan_text(text: &str) -> Vec<Found> {
    let tokens = tokenize(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match duration_at(&tokens, i) {
            Read::Length(reading) => {
                found.push(Found {
                    start: tokens[i].start,
                    end: tokens[reading.next - 1].end,
                    reading,
                });
                i = reading.next;
            }
            // `from 9 to 17 hours`: the second number is not a length of its own.
            Read::Clock(next) => i = next,
            Read::Nothing => i += 1,
        }
    }
    found
}

/// A number at `i` (digits or words), with the index after it and after a numeral in
/// parentheses (`fifteen (15)`, `30 (trente)`), and the numeral's value when it is another
/// number (`five (3)`).
fn number_at(tokens: &[Token], i: usize) -> Option<(u32, usize, Option<u32>)> {
    let (value, next) = match &tokens.get(i)?.kind {
        Kind::Number(Some(n)) => (*n, i + 1),
        Kind::Number(None) | Kind::Half(_) | Kind::Punct(_) => return None,
        Kind::Word(_) => spelled_at(tokens, i)?,
    };
    let (next, other) = parenthesised(tokens, next, value);
    Some((value, next, other))
}

/// Words before an English indefinite article that make `a day` a length of time: `within a
/// working day`, `in an hour`, `for a month`, `more than a week`, `at least a month`, `up to
/// a day`.
const LENGTH_LEADS: &[&str] = &[
    "within", "in", "for", "after", "before", "than", "least", "most", "to", "over", "under",
    "about", "only", "just",
];

/// `a`/`an` as one of the unit right after it, when a word of length leads it
/// ([`LENGTH_LEADS`]): "A working day is any day…" defines a unit, "24 hours a day" and "once a
/// month" state rates. French, German and Persian articles (`un`, `einem`, `یک`) are number
/// words.
fn article_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    if !matches!(word(tokens, i), Some("a" | "an")) || unit_at(tokens, i + 1).is_none() {
        return None;
    }
    let lead = i.checked_sub(1).and_then(|j| word(tokens, j))?;
    LENGTH_LEADS.contains(&lead).then_some((1, i + 1))
}

/// A number written in words starting at `i`.
fn spelled_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    if let Some(found) = article_at(tokens, i) {
        return Some(found);
    }
    // Most words start no number: settle them before collecting the words that follow.
    let first = match &tokens.get(i)?.kind {
        Kind::Word(w) => w.as_str(),
        Kind::Punct('-') => "-",
        _ => return None,
    };
    if !starts_number(first) {
        return None;
    }
    let words: Vec<&str> = tokens[i..]
        .iter()
        .take(12)
        .map_while(|t| match &t.kind {
            Kind::Word(w) => Some(w.as_str()),
            Kind::Punct('-') => Some("-"),
            _ => None,
        })
        .collect();
    let (value, used) = compose(&words)?;
    Some((value, i + used))
}

/// A numeral in parentheses right after a number (`(15)`, `(quinze)`): the index after it, and
/// its value when it is not `value`.
fn parenthesised(tokens: &[Token], i: usize, value: u32) -> (usize, Option<u32>) {
    if punct(tokens, i) != Some('(') {
        return (i, None);
    }
    let inner = match &tokens.get(i + 1).map(|t| &t.kind) {
        Some(Kind::Number(Some(n))) => Some((*n, i + 2)),
        Some(Kind::Word(_)) => spelled_at(tokens, i + 1),
        _ => None,
    };
    match inner {
        Some((n, close)) if punct(tokens, close) == Some(')') => {
            (close + 1, (n != value && n > 0).then_some(n))
        }
        _ => (i, None),
    }
}

fn is_range_word(tokens: &[Token], i: usize, after_between: bool) -> bool {
    if matches!(punct(tokens, i), Some('-' | '–' | '—')) {
        return true;
    }
    match word(tokens, i) {
        Some("to" | "à" | "bis" | "تا") => true,
        Some("and" | "et" | "und" | "و") => after_between,
        _ => false,
    }
}

/// Words before a number that make `N heures` a time of day: `avant 14 heures`, `à 9 h`,
/// `jusqu'à 18 heures`, `um 18 Stunden`, `at 14 hours`.
const CLOCK_WORDS: &[&str] = &[
    "à", "a", "avant", "après", "apres", "dès", "des", "vers", "jusqu", "partir", "um", "bis",
    "ab", "gegen", "vor", "at", "until", "till",
];

/// What the tokens at one position say.
enum Read {
    /// A length of time.
    Length(Reading),
    /// A time of day or a span of clock times, skipped up to the index.
    Clock(usize),
    /// Neither.
    Nothing,
}

fn duration_at(tokens: &[Token], i: usize) -> Read {
    match length_at(tokens, i) {
        Some(Ok(reading)) => Read::Length(reading),
        Some(Err(next)) => Read::Clock(next),
        None => Read::Nothing,
    }
}

/// A length of time at `i` (`Ok`), or a time of day or a length no unit can hold whose
/// tokens end before the index in `Err`.
type Length = Result<Reading, usize>;

/// A length of time at `i`, with a length in parentheses right after it that restates it in a
/// unit of the same kind (`24 hours (one day)`, `zwei Wochen (14 Tage)`, `1 year (12 months)`)
/// taken as part of it, whether it agrees (`2 days (72 hours)` is kept as a disagreement).
/// Hours, days and weeks convert exactly; months and years only into each other, so `1 month
/// (30 days)` is two lengths.
fn length_at(tokens: &[Token], i: usize) -> Option<Length> {
    let mut reading = match plain_length_at(tokens, i)? {
        Ok(reading) => reading,
        Err(next) => return Some(Err(next)),
    };
    if reading.low.is_none()
        && reading.other.is_none()
        && punct(tokens, reading.next) == Some('(')
        && let Some(Ok(inner)) = plain_length_at(tokens, reading.next + 1)
        && inner.low.is_none()
        && inner.other.is_none()
        && punct(tokens, inner.next) == Some(')')
        && let Some(agrees) = same_length((reading.unit, reading.high), (inner.unit, inner.high))
    {
        reading.next = inner.next + 1;
        if (inner.unit, inner.high) != (reading.unit, reading.high) {
            reading.restated = Some((inner.unit, inner.high));
            reading.restated_agrees = agrees;
        }
    }
    Some(Ok(reading))
}

/// Whether two amounts of units are the same length of time (`24 hours` and `one day`, `two
/// weeks` and `14 days`, `12 months` and `one year`), or `None` when they are not lengths of
/// one kind: hours, days, weeks and fortnights; months and years; or one unit.
fn same_length(a: (ProseUnit, u32), b: (ProseUnit, u32)) -> Option<bool> {
    let hours = |(unit, n): (ProseUnit, u32)| match unit {
        ProseUnit::Obligation(Unit::Hours) => Some(u64::from(n)),
        ProseUnit::Obligation(Unit::Days) | ProseUnit::Week | ProseUnit::Fortnight => {
            Some(u64::from(unit.days(n)) * 24)
        }
        _ => None,
    };
    let months = |(unit, n): (ProseUnit, u32)| match unit {
        ProseUnit::Obligation(Unit::Months) => Some(u64::from(n)),
        ProseUnit::Year => Some(u64::from(n) * 12),
        _ => None,
    };
    if a.0 == b.0 {
        return Some(a.1 == b.1);
    }
    match (hours(a), hours(b), months(a), months(b)) {
        (Some(x), Some(y), _, _) | (_, _, Some(x), Some(y)) => Some(x == y),
        _ => None,
    }
}

fn plain_length_at(tokens: &[Token], i: usize) -> Option<Length> {
    if let Some(found) = phrase_at(tokens, i) {
        return Some(found);
    }
    let before = i.checked_sub(1).and_then(|j| word(tokens, j));
    let after_between = matches!(
        before,
        Some("between" | "entre" | "zwischen" | "بین" | "میان" | "de" | "from" | "von")
    );
    let (first, mut next, mut other) = number_at(tokens, i)?;
    let mut low = None;
    let mut high = first;
    if is_range_word(tokens, next, after_between)
        && let Some((second, after, _)) = number_at(tokens, next + 1)
    {
        low = Some(first);
        high = second;
        next = after;
        other = None;
    } else if let Some((_, after_unit)) = unit_at(tokens, next)
        // `9 h à 18 h`, `24 hours to 48 hours`: the unit written after both numbers
        && is_range_word(tokens, after_unit, after_between)
        && let Some((second, after, _)) = number_at(tokens, after_unit + 1)
        && unit_at(tokens, after).is_some()
    {
        low = Some(first);
        high = second;
        next = after;
        other = None;
    } else if let Some(after) = half_after(tokens, next) {
        // `one and a half days`, `یک و نیم روز`
        return Some(halves_of(tokens, 2 * first + 1, after));
    }
    // `24-hour`: a hyphen between number and unit.
    if punct(tokens, next) == Some('-') && unit_at(tokens, next + 1).is_some() {
        next += 1;
    }
    let (unit, after_unit) = unit_at(tokens, next)?;
    if is_rate(tokens, after_unit) {
        return None;
    }
    if low.is_none()
        && let Some(after) = half_after(tokens, after_unit)
    {
        // `a day and a half`, `deux jours et demi`, `دو روز و نیم`
        return Some(match halves(unit, 2 * high + 1) {
            Some((unit, amount)) => within_limit(Reading::new(unit, amount, after)),
            None => Err(after),
        });
    }
    let limit = match unit {
        ProseUnit::Obligation(u) if !u.is_working() && u != crate::Unit::Days => MAX_HOURS,
        ProseUnit::Obligation(crate::Unit::WorkingHours) => MAX_HOURS,
        ProseUnit::Obligation(crate::Unit::Months) => crate::Unit::Months.max_amount(),
        _ => MAX_AMOUNT,
    };
    if high == 0 || high > limit || low.is_some_and(|l| l == 0 || l >= high) {
        return None;
    }
    let hours = matches!(unit, ProseUnit::Obligation(crate::Unit::Hours));
    if hours && is_time_of_day(tokens, i, before, low, high, after_unit) {
        return Some(Err(after_unit));
    }
    Some(Ok(Reading {
        unit,
        low,
        high,
        next: after_unit,
        other,
        restated: None,
        restated_agrees: false,
    }))
}

/// Words before a working day that make it the next one: `the next working day`, `the
/// following business day`, `am nächsten Werktag`, `le prochain jour ouvré`.
const NEXT_BEFORE: &[&str] = &[
    "next",
    "following",
    "nächsten",
    "nächste",
    "nächster",
    "folgenden",
    "folgende",
    "folgender",
    "darauffolgenden",
    "prochain",
];

/// Words after a working day that make it the next one: `le jour ouvré suivant`, `روز کاری
/// بعد`.
const NEXT_AFTER: &[&str] = &["suivant", "suivante", "بعد", "بعدی"];

/// Words that make the next working day a time limit when they stand shortly before it: `by`,
/// `no later than`, `the end of`, `spätestens`, `bis zum`, `au plus tard`, `d'ici`, `تا`,
/// `حداکثر`. Without one it is a point in time (`an order placed on a holiday is processed on
/// the next working day`), which states no duration.
const DEADLINE_BEFORE: &[&str] = &[
    "by",
    "within",
    "until",
    "till",
    "later",
    "latest",
    "before",
    "end",
    "spätestens",
    "bis",
    "innerhalb",
    "ende",
    "tard",
    "avant",
    "ici",
    "jusqu",
    "fin",
    "حداکثر",
    "تا",
    "ظرف",
    "پایان",
];

/// Whether a word of [`DEADLINE_BEFORE`] is among the four tokens before `i`.
fn deadline_before(tokens: &[Token], i: usize) -> bool {
    (1..=4)
        .filter_map(|k| i.checked_sub(k))
        .filter_map(|j| word(tokens, j))
        .any(|w| DEADLINE_BEFORE.contains(&w))
}

/// Lengths written without a count of whole units: the next working day as a time limit (one
/// working day, [`deadline_before`]),
/// `sous quinzaine` (one fortnight), and halves (`half a year`, `1.5 days`, `einen halben Tag`,
/// `eineinhalb Tage`, `une demi-journée`, `نیم روز`).
fn phrase_at(tokens: &[Token], i: usize) -> Option<Length> {
    let w = word(tokens, i);
    let before = i.checked_sub(1).and_then(|j| word(tokens, j));
    let working_day = |at: usize| match unit_at(tokens, at) {
        Some((unit @ ProseUnit::Obligation(Unit::WorkingDays), after))
            if singular_before(tokens, after) =>
        {
            Some((unit, after))
        }
        _ => None,
    };
    if w.is_some_and(|w| NEXT_BEFORE.contains(&w))
        && deadline_before(tokens, i)
        && let Some((unit, after)) = working_day(i + 1)
    {
        return Some(Ok(Reading::new(unit, 1, after)));
    }
    if let Some((unit, after)) = working_day(i)
        && word(tokens, after).is_some_and(|w| NEXT_AFTER.contains(&w))
        && deadline_before(tokens, i)
    {
        return Some(Ok(Reading::new(unit, 1, after + 1)));
    }
    if matches!(w, Some("quinzaine" | "huitaine"))
        && before == Some("sous")
        && let Some((unit, after)) = unit_at(tokens, i)
    {
        return Some(Ok(Reading::new(unit, 1, after)));
    }
    let (count, after) = half_at(tokens, i)?;
    Some(halves_of(tokens, count, after))
}

/// A number of halves written before a unit at `i`, with the index of the unit: `1.5` (3),
/// `half a`, `einen halben`, `eineinhalb`, `anderthalb`, `demi-`, `نیم` (1).
fn half_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    if let Kind::Half(n) = tokens.get(i)?.kind {
        return Some((2 * n + 1, i + 1));
    }
    let w = word(tokens, i)?;
    match w {
        "half" if matches!(word(tokens, i + 1), Some("a" | "an")) => Some((1, i + 2)),
        "halben" | "halbes" | "halbe" | "halber" | "halbem" | "anderthalb" => {
            Some((if w == "anderthalb" { 3 } else { 1 }, i + 1))
        }
        "demi" => Some((
            1,
            if punct(tokens, i + 1) == Some('-') {
                i + 2
            } else {
                i + 1
            },
        )),
        // `از نیم‌روز` is from noon on.
        "نیم" if i.checked_sub(1).and_then(|j| word(tokens, j)) != Some("از") => {
            Some((1, i + 1))
        }
        _ => {
            let whole = w.strip_suffix("einhalb")?;
            let n = crate::numerals::word_value(if whole.is_empty() { "ein" } else { whole })
                .filter(|n| (1..=9).contains(n))?;
            Some((2 * n + 1, i + 1))
        }
    }
}

/// `and a half`, `et demi(e)`, `و نیم` at `i`: the index after it.
fn half_after(tokens: &[Token], i: usize) -> Option<usize> {
    match word(tokens, i)? {
        "and" if word(tokens, i + 1) == Some("a") && word(tokens, i + 2) == Some("half") => {
            Some(i + 3)
        }
        "et" if matches!(word(tokens, i + 1), Some("demi" | "demie")) => Some(i + 2),
        "و" if word(tokens, i + 1) == Some("نیم") => Some(i + 2),
        _ => None,
    }
}

/// `count` halves of the unit at `at` (`journée` after `demi-` is a day), in a unit that
/// holds them whole; a length no unit holds (`half an hour`) is skipped.
fn halves_of(tokens: &[Token], count: u32, at: usize) -> Length {
    let unit = unit_at(tokens, at).or_else(|| {
        matches!(word(tokens, at), Some("journée" | "journées"))
            .then_some((ProseUnit::Obligation(Unit::Days), at + 1))
    });
    let Some((unit, after)) = unit else {
        return Err(at);
    };
    if is_rate(tokens, after) {
        return Err(after);
    }
    match halves(unit, count) {
        Some((unit, amount)) => within_limit(Reading::new(unit, amount, after)),
        None => Err(after),
    }
}

/// `count` halves of `unit` in a smaller unit: days in hours, months in days, years in
/// months, weeks in hours, fortnights in days.
fn halves(unit: ProseUnit, count: u32) -> Option<(ProseUnit, u32)> {
    let (unit, per_half) = match unit {
        ProseUnit::Obligation(Unit::Days) => (Unit::Hours, 12),
        ProseUnit::Obligation(Unit::Months) => (Unit::Days, 15),
        ProseUnit::Year => (Unit::Months, 6),
        ProseUnit::Week => (Unit::Hours, 84),
        ProseUnit::Fortnight => (Unit::Days, 7),
        _ => return None,
    };
    Some((ProseUnit::Obligation(unit), count.checked_mul(per_half)?))
}

/// `reading` when its amount is one a deadline can have, else its tokens to skip.
fn within_limit(reading: Reading) -> Length {
    let limit = match reading.unit {
        ProseUnit::Obligation(Unit::Hours) => MAX_HOURS,
        ProseUnit::Obligation(Unit::Months) => Unit::Months.max_amount(),
        _ => MAX_AMOUNT,
    };
    if reading.high <= limit {
        Ok(reading)
    } else {
        Err(reading.next)
    }
}

/// `avant 14 heures`, `14 h 30`, `de 9 h à 18 h`: clock times, not lengths of time.
fn is_time_of_day(
    tokens: &[Token],
    i: usize,
    before: Option<&str>,
    low: Option<u32>,
    high: u32,
    after_unit: usize,
) -> bool {
    // Minutes right after the unit: `14 h 30`, `14h30`.
    if integer(tokens, after_unit).is_some_and(|m| m < 60) && !tokens[after_unit].spaced
        || integer(tokens, after_unit).is_some_and(|m| m < 60)
            && word(tokens, after_unit - 1).is_some_and(|u| u == "h")
    {
        return true;
    }
    if let Some(low) = low {
        return high <= 23 && low >= 5 && matches!(before, Some("de" | "from" | "von" | "entre"));
    }
    // `jusqu'à 18 heures`: the word before the number is `à` after an apostrophe.
    let clock_word = before.is_some_and(|w| CLOCK_WORDS.contains(&w))
        || punct(tokens, i.wrapping_sub(1)) == Some('\'')
            && word(tokens, i.wrapping_sub(2)).is_some_and(|w| CLOCK_WORDS.contains(&w));
    clock_word && high <= 23
}

/// `24 hours a day`, `7 days a week`, `365 days a year`, `7 jours sur 7`, `24h/24`, `24 Stunden am Tag`,
/// `۲۴ ساعت شبانه‌روز`.
fn is_rate(tokens: &[Token], i: usize) -> bool {
    let period = |j: usize| {
        matches!(
            word(tokens, j),
            Some(
                "day"
                    | "week"
                    | "month"
                    | "year"
                    | "jour"
                    | "semaine"
                    | "mois"
                    | "an"
                    | "année"
                    | "tag"
                    | "woche"
                    | "monat"
                    | "jahr"
                    | "روز"
                    | "هفته"
                    | "ماه"
                    | "سال"
                    | "شبانه"
            )
        )
    };
    if punct(tokens, i) == Some('/') && integer(tokens, i + 1).is_some() {
        return true;
    }
    match word(tokens, i) {
        Some("a" | "per" | "par" | "pro" | "am" | "die" | "در") => period(i + 1),
        Some("in") => word(tokens, i + 1) == Some("der") && period(i + 2),
        Some("sur") => integer(tokens, i + 1).is_some(),
        // `۲۴ ساعت شبانه‌روز`, `هفت روز هفته`
        Some("شبانه" | "هفته") => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
