//! `date-mismatch`: a date the text states as the day it takes effect ("effective from 1
//! January 2026", "en vigueur à compter du 1er janvier 2026", "gültig ab 1.1.2026") that is not
//! the front matter's `effective` date.
//!
//! Only versions whose dates are announced are compared: a capture date (`dates: captured`) is
//! the day an archive saw the text, which may be any day after the text took effect.
//! Dates are read in English, French and German, as `2026-01-01`, `1.1.2026`, `01/01/2026`
//! (day first), `1 January 2026`, `January 1, 2026`, `1er janvier 2026` and `1. Januar 2026`.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::codes;
use crate::diagnostic::{Diagnostic, line_col};
use crate::model::{DateKind, PolicySet};

/// Words that introduce the day a text takes effect, then at most a few words before the date.
static EFFECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    let cue = r"(?:\beffective\b(?:\s+(?:as\s+of|from|on|date))?|\bin\s+force\s+(?:from|on|as\s+of)|\bentr(?:e|ée|era)\s+en\s+vigueur\s+(?:le|à\s+compter\s+du|au)|\ben\s+vigueur\s+(?:le|à\s+compter\s+du|au|depuis\s+le)|\bapplicables?\s+à\s+compter\s+du|\bgültig\s+(?:ab|seit)(?:\s+dem)?|\bgilt\s+ab(?:\s+dem)?|\bin\s+kraft\s+(?:ab|seit)(?:\s+dem)?)";
    Regex::new(&format!(r"(?i){cue}[\s:]*(?P<date>{})", date_pattern()))
        .expect("the date-mismatch pattern is valid")
});

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("janvier", 1),
    ("januar", 1),
    ("jänner", 1),
    ("february", 2),
    ("février", 2),
    ("fevrier", 2),
    ("februar", 2),
    ("march", 3),
    ("mars", 3),
    ("märz", 3),
    ("april", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("juin", 6),
    ("juni", 6),
    ("july", 7),
    ("juillet", 7),
    ("juli", 7),
    ("august", 8),
    ("août", 8),
    ("aout", 8),
    ("september", 9),
    ("septembre", 9),
    ("october", 10),
    ("octobre", 10),
    ("oktober", 10),
    ("november", 11),
    ("novembre", 11),
    ("december", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("dezember", 12),
];

fn date_pattern() -> String {
    let months = MONTHS.iter().map(|(m, _)| *m).collect::<Vec<_>>().join("|");
    format!(
        r"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{1,2}}(?:er|\.)?\s+(?:{months})\s+\d{{4}}|(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    )
}

/// The date written in `text` (one of the forms of [`date_pattern`]).
fn parse(text: &str) -> Option<Date> {
    let lower = text.to_lowercase();
    let numbers: Vec<i32> = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    let month_word = MONTHS
        .iter()
        .find(|(m, _)| lower.split(|c: char| !c.is_alphabetic()).any(|w| w == *m))
        .map(|(_, n)| *n);
    let (year, month, day) = match (month_word, numbers.as_slice()) {
        (Some(month), [day, year]) => (*year, month, *day),
        (None, [year, month, day]) if *year > 31 => (*year, i8::try_from(*month).ok()?, *day),
        (None, [day, month, year]) => (*year, i8::try_from(*month).ok()?, *day),
        _ => return None,
    };
    Date::new(i16::try_from(year).ok()?, month, i8::try_from(day).ok()?).ok()
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        if v.dates != DateKind::Announced {
            continue;
        }
        let body = v.body();
        let offset = v.source.len() - body.len();
        for found in EFFECTIVE.captures_iter(body) {
            let Some(m) = found.name("date") else {
                continue;
            };
            let Some(stated) = parse(m.as_str()) else {
                continue;
            };
            if stated == v.effective {
                continue;
            }
            let (line, column) = line_col(&v.source, offset + m.start());
            out.push(
                Diagnostic::warning(
                    codes::DATE_MISMATCH,
                    &v.path,
                    line,
                    column,
                    format!(
                        "the text says it takes effect on {stated} (\"{}\") but the front matter says `effective: {}`",
                        found.get(0).map_or("", |all| all.as_str()),
                        v.effective
                    ),
                )
                .with_width(m.as_str().chars().count())
                .with_help("make the text and `effective:` state the same day"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn stated(text: &str) -> Option<Date> {
        EFFECTIVE
            .captures(text)
            .and_then(|c| parse(c.name("date")?.as_str()))
    }

    #[test]
    fn effective_dates_are_read_in_three_languages_and_five_forms() {
        assert_eq!(
            stated("Effective from 1 January 2026."),
            Some(date(2026, 1, 1))
        );
        assert_eq!(
            stated("Effective date: January 15, 2026"),
            Some(date(2026, 1, 15))
        );
        assert_eq!(stated("effective as of 2026-03-02"), Some(date(2026, 3, 2)));
        assert_eq!(
            stated("Conditions en vigueur à compter du 1er janvier 2026."),
            Some(date(2026, 1, 1))
        );
        assert_eq!(
            stated("entrée en vigueur le 05/02/2026"),
            Some(date(2026, 2, 5))
        );
        assert_eq!(stated("Gültig ab 1.1.2024"), Some(date(2024, 1, 1)));
        assert_eq!(stated("gilt ab dem 1. Januar 2024"), Some(date(2024, 1, 1)));
    }

    #[test]
    fn dates_that_do_not_say_when_the_text_takes_effect_are_not_read() {
        assert_eq!(
            stated("Orders placed on 1 January 2026 ship the next day."),
            None
        );
        assert_eq!(stated("the effective use of the service"), None);
        assert_eq!(stated("effective from 31/02/2026"), None);
    }
}
