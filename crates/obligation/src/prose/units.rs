//! Units of time in prose: the obligation units (hours, days, months, working hours, working
//! days) and the other periods notices are written in (weeks, years). French `huitaine` and
//! `quinzaine` are a week and a fortnight, as `sous huitaine`, `sous quinzaine` are used.

use super::tokens::{Token, word};
use crate::duration::Unit;

/// A unit of time as prose writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ProseUnit {
    /// A unit an obligation block can state.
    Obligation(Unit),
    /// Weeks.
    Week,
    /// Fortnights (two weeks).
    Fortnight,
    /// Years.
    Year,
}

impl ProseUnit {
    /// The length of `n` of this unit in days, rounded up (a working day counts as a day, a
    /// month as 30 days).
    pub fn days(self, n: u32) -> u32 {
        match self {
            ProseUnit::Obligation(Unit::Hours | Unit::WorkingHours) => n.div_ceil(24),
            ProseUnit::Obligation(Unit::Days | Unit::WorkingDays) => n,
            ProseUnit::Obligation(Unit::Months) => n * 30,
            ProseUnit::Week => n * 7,
            ProseUnit::Fortnight => n * 14,
            ProseUnit::Year => n * 365,
        }
    }
}

/// The unit starting at `i`, with the index after it.
pub(super) fn unit_at(tokens: &[Token], i: usize) -> Option<(ProseUnit, usize)> {
    let w = word(tokens, i)?;
    let next = word(tokens, i + 1);
    let fixed = |unit: Unit, after: usize| Some((ProseUnit::Obligation(unit), after));
    let working_after = |base: Unit, working: Unit| match next {
        Some(
            "ouvrable" | "ouvrables" | "ouvré" | "ouvrés" | "ouvrée" | "ouvrées" | "کاری" | "اداری",
        ) => fixed(working, i + 2),
        // `un jour férié`, `11 jours fériés`: public holidays, not a length of time.
        Some("férié" | "fériés" | "fériée" | "fériées" | "تعطیل" | "تعطیلی") => {
            None
        }
        _ => fixed(base, i + 1),
    };
    match w {
        "working" | "business" | "work" => match next {
            Some("hour" | "hours" | "hrs" | "h") => fixed(Unit::WorkingHours, i + 2),
            Some("day" | "days") => fixed(Unit::WorkingDays, i + 2),
            _ => None,
        },
        "calendar" => match next {
            Some("hour" | "hours") => fixed(Unit::Hours, i + 2),
            Some("day" | "days") => fixed(Unit::Days, i + 2),
            Some("month" | "months") => fixed(Unit::Months, i + 2),
            _ => None,
        },
        "kalendertag" | "kalendertage" | "kalendertagen" | "kalendertages" => {
            fixed(Unit::Days, i + 1)
        }
        "workday" | "workdays" => fixed(Unit::WorkingDays, i + 1),
        "hour" | "hours" | "hrs" | "h" | "heure" | "heures" | "stunde" | "stunden" | "std"
        | "ساعت" => working_after(Unit::Hours, Unit::WorkingHours),
        "day" | "days" | "jour" | "jours" | "tag" | "tage" | "tagen" | "tages" | "روز" => {
            working_after(Unit::Days, Unit::WorkingDays)
        }
        "werktag" | "werktage" | "werktagen" | "werktages" | "werktags" | "arbeitstag"
        | "arbeitstage" | "arbeitstagen" | "arbeitstages" | "arbeitstags" | "geschäftstag"
        | "geschäftstage" | "geschäftstagen" | "geschäftstages" | "geschäftstags" => {
            fixed(Unit::WorkingDays, i + 1)
        }
        "arbeitsstunde" | "arbeitsstunden" | "werkstunden" => fixed(Unit::WorkingHours, i + 1),
        "week" | "weeks" | "semaine" | "semaines" | "huitaine" | "woche" | "wochen" | "هفته" => {
            Some((ProseUnit::Week, i + 1))
        }
        "fortnight" | "fortnights" | "quinzaine" | "quinzaines" => {
            Some((ProseUnit::Fortnight, i + 1))
        }
        "month" | "months" | "mois" | "monat" | "monate" | "monaten" | "monats" | "ماه" => {
            fixed(Unit::Months, i + 1)
        }
        "year" | "years" | "an" | "ans" | "année" | "années" | "jahr" | "jahre" | "jahren"
        | "jahres" | "سال" => Some((ProseUnit::Year, i + 1)),
        _ => None,
    }
}

/// Whether the unit that ends just before `end` is written in the singular (`day`, `jour
/// ouvré`, `Werktag`, `روز کاری`): `the next working day` is one day, `the next working days`
/// are not a count.
pub(super) fn singular_before(tokens: &[Token], end: usize) -> bool {
    end.checked_sub(1)
        .and_then(|j| word(tokens, j))
        .is_some_and(|w| {
            matches!(
                w,
                "day"
                    | "workday"
                    | "jour"
                    | "ouvrable"
                    | "ouvré"
                    | "ouvrée"
                    | "werktag"
                    | "arbeitstag"
                    | "geschäftstag"
                    | "کاری"
                    | "اداری"
            )
        })
}
