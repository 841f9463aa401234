//! Durations stated in clause prose, in English, French, German and Persian: digits of any
//! script or number words, calendar or working time, and ranges.
//!
//! Recognised (case-insensitive; examples): `24 hours`, `a 24-hour window`, `five working days`,
//! `2 business days`, `24 to 48 working hours`, `between 24 and 48 hours`; `24 heures`, `24 h`,
//! `5 jours ouvrables`, `jours ouvrés`, `deux jours`; `24 Stunden`, `5 Werktagen`,
//! `Arbeitstage`, `48 Arbeitsstunden`, `zwei Tagen`, `zwei Kalendertagen`; `۲۴ ساعت`, `۴۸ ساعت کاری`, `دو روز`,
//! `۵ روز کاری`, `۲۴ تا ۴۸ ساعت کاری`, `بیست و چهار ساعت`. Rates such as `24 hours a day` or
//! `7 days a week` are not durations and are skipped. Weeks, months and years are not
//! obligation units and are not reported.

use super::duration::{Duration, Unit};
use super::numerals::{ascii_digit, german_compound, is_tens, word_value};

/// A duration found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseDuration {
    /// What the prose says.
    pub duration: Duration,
    /// Byte offset of the first character in the scanned text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

impl ProseDuration {
    /// The words as written.
    pub fn text<'a>(&self, prose: &'a str) -> &'a str {
        &prose[self.start..self.end]
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// An integer (digits of any script); `None` when it has a fraction (`1.5`).
    Number(Option<u32>),
    /// A lowercased word with Arabic letter variants folded to Persian.
    Word(String),
    /// A single punctuation character.
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if let Some(d) = ascii_digit(c) {
            let mut digits = String::from(d);
            let mut end = start + c.len_utf8();
            let mut fraction = false;
            while let Some(&(i, next)) = chars.peek() {
                if let Some(d) = ascii_digit(next) {
                    digits.push(d);
                } else if matches!(next, '.' | ',' | '٫' | '/')
                    && text[i + next.len_utf8()..]
                        .chars()
                        .next()
                        .and_then(ascii_digit)
                        .is_some()
                {
                    fraction = true;
                } else {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            let value = if fraction { None } else { digits.parse().ok() };
            tokens.push(Token {
                kind: Kind::Number(value),
                start,
                end,
            });
        } else if is_word_char(c) {
            let mut word = String::new();
            push_folded(&mut word, c);
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if !is_word_char(next) || ascii_digit(next).is_some() {
                    break;
                }
                push_folded(&mut word, next);
                end = i + next.len_utf8();
                chars.next();
            }
            tokens.push(Token {
                kind: Kind::Word(word),
                start,
                end,
            });
        } else if !c.is_whitespace() && c != '\u{200C}' {
            tokens.push(Token {
                kind: Kind::Punct(c),
                start,
                end: start + c.len_utf8(),
            });
        }
    }
    tokens
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0640}'
}

fn push_folded(word: &mut String, c: char) {
    match c {
        'ي' | 'ى' => word.push('ی'),
        'ك' => word.push('ک'),
        // Tatweel and harakat do not change the word.
        '\u{0640}' | '\u{064B}'..='\u{065F}' => {}
        _ => word.extend(c.to_lowercase()),
    }
}

/// Finds every duration stated in `text`.
pub fn find_durations(text: &str) -> Vec<ProseDuration> {
    let tokens = tokenize(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match duration_at(&tokens, i) {
            Some((duration, next)) => {
                found.push(ProseDuration {
                    duration,
                    start: tokens[i].start,
                    end: tokens[next - 1].end,
                });
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

fn word(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.kind) {
        Some(Kind::Word(w)) => Some(w),
        _ => None,
    }
}

fn punct(tokens: &[Token], i: usize) -> Option<char> {
    match tokens.get(i).map(|t| &t.kind) {
        Some(Kind::Punct(c)) => Some(*c),
        _ => None,
    }
}

/// A number at `i` (digits or words), with the index after it.
fn number_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    match &tokens.get(i)?.kind {
        Kind::Number(Some(n)) => Some((*n, i + 1)),
        Kind::Number(None) | Kind::Punct(_) => None,
        Kind::Word(w) => {
            if let Some(n) = german_compound(w) {
                return Some((n, skip_parenthesised(tokens, i + 1, n)));
            }
            let value = word_value(w)?;
            let mut next = i + 1;
            let mut total = value;
            if is_tens(value) {
                // twenty-four, vingt-quatre, vingt et un, بیست و چهار, twenty four
                let joined = match (punct(tokens, next), word(tokens, next)) {
                    (Some('-'), _) => Some(next + 1),
                    (_, Some("و" | "et")) => Some(next + 1),
                    _ => Some(next),
                };
                if let Some(j) = joined
                    && let Some(unit) = word(tokens, j).and_then(word_value)
                    && (1..=9).contains(&unit)
                {
                    total += unit;
                    next = j + 1;
                }
            }
            Some((total, skip_parenthesised(tokens, next, total)))
        }
    }
}

/// `five (5) days`: skips a parenthesised repetition of the same number.
fn skip_parenthesised(tokens: &[Token], i: usize, value: u32) -> usize {
    let same =
        matches!(tokens.get(i + 1).map(|t| &t.kind), Some(Kind::Number(Some(n))) if *n == value);
    if punct(tokens, i) == Some('(') && same && punct(tokens, i + 2) == Some(')') {
        i + 3
    } else {
        i
    }
}

/// The unit starting at `i`, with the index after it.
fn unit_at(tokens: &[Token], i: usize) -> Option<(Unit, usize)> {
    let w = word(tokens, i)?;
    let next = word(tokens, i + 1);
    let working_after = |base: Unit, working: Unit| match next {
        Some(
            "ouvrable" | "ouvrables" | "ouvré" | "ouvrés" | "ouvrée" | "ouvrées" | "کاری" | "اداری",
        ) => (working, i + 2),
        _ => (base, i + 1),
    };
    Some(match w {
        "working" | "business" | "work" => match next {
            Some("hour" | "hours" | "hrs" | "h") => (Unit::WorkingHours, i + 2),
            Some("day" | "days") => (Unit::WorkingDays, i + 2),
            _ => return None,
        },
        "calendar" => match next {
            Some("hour" | "hours") => (Unit::Hours, i + 2),
            Some("day" | "days") => (Unit::Days, i + 2),
            _ => return None,
        },
        "kalendertag" | "kalendertage" | "kalendertagen" | "kalendertages" => (Unit::Days, i + 1),
        "workday" | "workdays" => (Unit::WorkingDays, i + 1),
        "hour" | "hours" | "hrs" | "h" | "heure" | "heures" | "stunde" | "stunden" | "std"
        | "ساعت" => working_after(Unit::Hours, Unit::WorkingHours),
        "day" | "days" | "jour" | "jours" | "tag" | "tage" | "tagen" | "tages" | "روز" => {
            working_after(Unit::Days, Unit::WorkingDays)
        }
        "werktag" | "werktage" | "werktagen" | "werktages" | "arbeitstag" | "arbeitstage"
        | "arbeitstagen" | "arbeitstages" | "geschäftstag" | "geschäftstage" | "geschäftstagen" => {
            (Unit::WorkingDays, i + 1)
        }
        "arbeitsstunde" | "arbeitsstunden" | "werkstunden" => (Unit::WorkingHours, i + 1),
        _ => return None,
    })
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

fn duration_at(tokens: &[Token], i: usize) -> Option<(Duration, usize)> {
    let after_between = i > 0
        && matches!(
            word(tokens, i - 1),
            Some("between" | "entre" | "zwischen" | "بین" | "میان")
        );
    let (first, mut next) = number_at(tokens, i)?;
    let mut low = None;
    let mut high = first;
    if is_range_word(tokens, next, after_between)
        && let Some((second, after)) = number_at(tokens, next + 1)
    {
        low = Some(first);
        high = second;
        next = after;
    }
    // `24-hour`: a hyphen between number and unit.
    if punct(tokens, next) == Some('-') && unit_at(tokens, next + 1).is_some() {
        next += 1;
    }
    let (unit, after_unit) = unit_at(tokens, next)?;
    if is_rate(tokens, after_unit) {
        return None;
    }
    let duration = match low {
        Some(low) if low < high && low > 0 => Duration::Range {
            low: Box::new(unit.of(low)),
            high: Box::new(unit.of(high)),
        },
        Some(_) => return None,
        None if high == 0 => return None,
        None => unit.of(high),
    };
    Some((duration, after_unit))
}

/// `24 hours a day`, `7 days a week`, `7 jours sur 7`, `24 Stunden am Tag`, `۲۴ ساعت شبانه‌روز`.
fn is_rate(tokens: &[Token], i: usize) -> bool {
    let period = |j: usize| {
        matches!(
            word(tokens, j),
            Some("day" | "week" | "jour" | "semaine" | "tag" | "woche" | "روز" | "هفته" | "شبانه")
        )
    };
    match word(tokens, i) {
        Some("a" | "per" | "par" | "pro" | "am" | "die" | "در") => period(i + 1),
        Some("in") => word(tokens, i + 1) == Some("der") && period(i + 2),
        Some("sur") => matches!(tokens.get(i + 1).map(|t| &t.kind), Some(Kind::Number(_))),
        // `۲۴ ساعت شبانه‌روز`, `هفت روز هفته`
        Some("شبانه" | "هفته") => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        find_durations(text)
            .iter()
            .map(|d| d.duration.to_string())
            .collect()
    }

    #[test]
    fn english() {
        assert_eq!(found("We reply within 24 hours."), ["24 hours"]);
        assert_eq!(found("within five working days"), ["5 working days"]);
        assert_eq!(found("a 48-hour window"), ["48 hours"]);
        assert_eq!(found("within twenty-four hours"), ["24 hours"]);
        assert_eq!(found("within 10 calendar days"), ["10 days"]);
        assert_eq!(found("two (2) business days"), ["2 working days"]);
        assert_eq!(
            found("refunds take 24 to 48 working hours"),
            ["24 to 48 working hours"]
        );
        assert_eq!(found("between 24 and 48 hours"), ["24 to 48 hours"]);
        assert_eq!(
            found("open 24 hours a day, 7 days a week"),
            Vec::<String>::new()
        );
        assert_eq!(found("within 1.5 hours"), Vec::<String>::new());
        assert_eq!(
            found("for 6 months after the decision"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn french() {
        assert_eq!(found("sous 24 heures"), ["24 hours"]);
        assert_eq!(found("sous 24 h"), ["24 hours"]);
        assert_eq!(
            found("dans un délai de 5 jours ouvrables"),
            ["5 working days"]
        );
        assert_eq!(found("cinq jours ouvrés"), ["5 working days"]);
        assert_eq!(found("deux jours"), ["2 days"]);
        assert_eq!(found("quarante-huit heures"), ["48 hours"]);
    }

    #[test]
    fn german() {
        assert_eq!(found("innerhalb von 24 Stunden"), ["24 hours"]);
        assert_eq!(found("binnen 5 Werktagen"), ["5 working days"]);
        assert_eq!(found("innerhalb von zwei Tagen"), ["2 days"]);
        assert_eq!(found("vierundzwanzig Stunden"), ["24 hours"]);
        assert_eq!(found("48 Arbeitsstunden"), ["48 working hours"]);
        assert_eq!(found("binnen zwei Kalendertagen"), ["2 days"]);
        assert_eq!(found("24 Stunden am Tag"), Vec::<String>::new());
        assert_eq!(found("7 Tage die Woche"), Vec::<String>::new());
    }

    #[test]
    fn persian() {
        assert_eq!(found("ظرف ۲۴ ساعت پاسخ می‌دهیم"), ["24 hours"]);
        assert_eq!(found("حداکثر ۴۸ ساعت کاری"), ["48 working hours"]);
        assert_eq!(found("ظرف دو روز"), ["2 days"]);
        assert_eq!(found("۵ روز کاری"), ["5 working days"]);
        assert_eq!(found("۲۴ تا ۴۸ ساعت کاری"), ["24 to 48 working hours"]);
        assert_eq!(found("بیست و چهار ساعت"), ["24 hours"]);
        assert_eq!(found("٤٨ ساعت"), ["48 hours"]);
        assert_eq!(found("۲۴ ساعت شبانه‌روز"), Vec::<String>::new());
        assert_eq!(found("هفت روز هفته"), Vec::<String>::new());
    }

    #[test]
    fn offsets_point_at_the_words() {
        let text = "Within 24 hours we answer.";
        let d = &find_durations(text)[0];
        assert_eq!(d.text(text), "24 hours");
    }
}
