//! Durations in words for obligation sentences: `24 hours`, `5 jours ouvrables`,
//! `2 Arbeitstagen` (German takes the dative after "innerhalb von", the accusative after
//! "frühestens"), `۲۴ تا ۴۸ ساعت کاری`.

use crate::duration::{Duration, Unit};

/// `d` in `lang`; `at_least` selects the German accusative ("frühestens 30 Tage").
pub(super) fn duration_words(d: &Duration, lang: &str, at_least: bool) -> String {
    match d {
        Duration::Range { low, high } => {
            let to = match lang {
                "fa" => "تا",
                "fr" => "à",
                "de" => "bis",
                _ => "to",
            };
            format!(
                "{} {to} {} {}",
                low.amount(),
                high.amount(),
                unit_words(high.unit(), high.amount(), lang, at_least)
            )
        }
        single => format!(
            "{} {}",
            single.amount(),
            unit_words(single.unit(), single.amount(), lang, at_least)
        ),
    }
}

fn unit_words(unit: Unit, n: u32, lang: &str, at_least: bool) -> &'static str {
    let one = n == 1;
    match (lang, unit) {
        ("fa", Unit::Hours) => "ساعت",
        ("fa", Unit::Days) => "روز",
        ("fa", Unit::Months) => "ماه",
        ("fa", Unit::WorkingHours) => "ساعت کاری",
        ("fa", Unit::WorkingDays) => "روز کاری",
        ("fr", Unit::Hours) if one => "heure",
        ("fr", Unit::Hours) => "heures",
        ("fr", Unit::Days) if one => "jour",
        ("fr", Unit::Days) => "jours",
        ("fr", Unit::Months) => "mois",
        ("fr", Unit::WorkingHours) if one => "heure ouvrable",
        ("fr", Unit::WorkingHours) => "heures ouvrables",
        ("fr", Unit::WorkingDays) if one => "jour ouvrable",
        ("fr", Unit::WorkingDays) => "jours ouvrables",
        ("de", Unit::Hours) if one => "Stunde",
        ("de", Unit::Hours) => "Stunden",
        ("de", Unit::Days) if one => "Tag",
        ("de", Unit::Days) if at_least => "Tage",
        ("de", Unit::Days) => "Tagen",
        ("de", Unit::Months) if one => "Monat",
        ("de", Unit::Months) if at_least => "Monate",
        ("de", Unit::Months) => "Monaten",
        ("de", Unit::WorkingHours) if one => "Arbeitsstunde",
        ("de", Unit::WorkingHours) => "Arbeitsstunden",
        ("de", Unit::WorkingDays) if one => "Arbeitstag",
        ("de", Unit::WorkingDays) if at_least => "Arbeitstage",
        ("de", Unit::WorkingDays) => "Arbeitstagen",
        (_, Unit::Hours) if one => "hour",
        (_, Unit::Hours) => "hours",
        (_, Unit::Days) if one => "day",
        (_, Unit::Days) => "days",
        (_, Unit::Months) if one => "month",
        (_, Unit::Months) => "months",
        (_, Unit::WorkingHours) if one => "working hour",
        (_, Unit::WorkingHours) => "working hours",
        (_, Unit::WorkingDays) if one => "working day",
        (_, Unit::WorkingDays) => "working days",
    }
}
