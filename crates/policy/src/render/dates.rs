//! Dates as readers see them: Gregorian in the page language, and for Persian pages the Solar
//! Hijri date in Persian digits with the Gregorian date beside it (`۳۰ آبان ۱۴۰۳`).

use icu_calendar::Date as IcuDate;
use icu_calendar::cal::Persian;
use jiff::civil::Date;
use serde::Serialize;

/// The Solar Hijri months, in order.
pub(crate) const PERSIAN_MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];
const GREGORIAN_FA: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];
const GREGORIAN_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const GREGORIAN_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const GREGORIAN_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// A date ready for a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateView {
    /// ISO 8601, for `<time datetime>`.
    pub iso: String,
    /// The date in the page's language and main calendar.
    pub text: String,
    /// The Gregorian date shown beside a Solar Hijri one (Persian pages only).
    pub alt: Option<String>,
}

/// Formats `date` for a page in `lang`.
pub fn date_view(date: Date, lang: &str) -> DateView {
    let (text, alt) = if lang == "fa" {
        (solar_hijri(date), Some(gregorian(date, "fa")))
    } else {
        (gregorian(date, lang), None)
    };
    DateView {
        iso: date.to_string(),
        text,
        alt,
    }
}

/// `۳۰ آبان ۱۴۰۳`; falls back to the ISO date outside the calendar's range.
pub fn solar_hijri(date: Date) -> String {
    let Ok(month) = u8::try_from(date.month()) else {
        return date.to_string();
    };
    let Ok(day) = u8::try_from(date.day()) else {
        return date.to_string();
    };
    let Ok(iso) = IcuDate::try_new_iso(i32::from(date.year()), month, day) else {
        return date.to_string();
    };
    let persian = iso.to_calendar(Persian);
    let year = persian.era_year().year;
    let month = usize::from(persian.month().ordinal);
    let day = persian.day_of_month().0;
    let month_name = PERSIAN_MONTHS
        .get(month.wrapping_sub(1))
        .copied()
        .unwrap_or("?");
    format!(
        "{} {month_name} {}",
        persian_digits(&day.to_string()),
        persian_digits(&year.to_string())
    )
}

/// The Gregorian date in the words of `lang` (English for unknown languages).
pub fn gregorian(date: Date, lang: &str) -> String {
    let index = usize::try_from(date.month() - 1).unwrap_or(0).min(11);
    let (day, year) = (date.day(), date.year());
    match lang {
        "fa" => persian_digits(&format!("{day} {} {year}", GREGORIAN_FA[index])),
        "fr" if day == 1 => format!("1er {} {year}", GREGORIAN_FR[index]),
        "fr" => format!("{day} {} {year}", GREGORIAN_FR[index]),
        "de" => format!("{day}. {} {year}", GREGORIAN_DE[index]),
        _ => format!("{day} {} {year}", GREGORIAN_EN[index]),
    }
}

/// Replaces ASCII digits with Persian ones.
pub fn persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x06F0 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn solar_hijri_in_persian_digits() {
        assert_eq!(solar_hijri(date(2024, 11, 20)), "۳۰ آبان ۱۴۰۳");
        assert_eq!(solar_hijri(date(2025, 3, 21)), "۱ فروردین ۱۴۰۴");
        assert_eq!(solar_hijri(date(2027, 2, 1)), "۱۲ بهمن ۱۴۰۵");
    }

    #[test]
    fn persian_pages_show_both_calendars() {
        let view = date_view(date(2024, 11, 20), "fa");
        assert_eq!(view.text, "۳۰ آبان ۱۴۰۳");
        assert_eq!(view.alt.as_deref(), Some("۲۰ نوامبر ۲۰۲۴"));
        assert_eq!(view.iso, "2024-11-20");
    }

    #[test]
    fn gregorian_per_language() {
        assert_eq!(gregorian(date(2026, 10, 1), "en"), "1 October 2026");
        assert_eq!(gregorian(date(2026, 10, 1), "fr"), "1er octobre 2026");
        assert_eq!(gregorian(date(2026, 3, 9), "de"), "9. März 2026");
    }
}
