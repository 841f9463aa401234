//! The few words deadline explanations need in each document language (en, fr, de, fa).

use jiff::civil::{Date, Weekday};

use super::duration::Unit;
use davar_policy::render::dates::{gregorian, persian_digits, solar_hijri};

/// A weekday's name in `lang` (English for unknown languages).
pub fn weekday(day: Weekday, lang: &str) -> &'static str {
    let i = day.to_monday_zero_offset() as usize;
    let names: [&str; 7] = match lang {
        "fa" => [
            "دوشنبه",
            "سه‌شنبه",
            "چهارشنبه",
            "پنجشنبه",
            "جمعه",
            "شنبه",
            "یکشنبه",
        ],
        "fr" => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        "de" => [
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ],
        _ => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    };
    names[i.min(6)]
}

/// A date with its weekday, Solar Hijri (with the Gregorian date beside it) for `fa`.
pub fn long_date(date: Date, lang: &str) -> String {
    let day = weekday(date.weekday(), lang);
    match lang {
        "fa" => format!("{day} {} ({})", solar_hijri(date), gregorian(date, "fa")),
        "de" => format!("{day}, {}", gregorian(date, "de")),
        _ => format!("{day} {}", gregorian(date, lang)),
    }
}

/// A clock time `HH:MM:SS`, in Persian digits for `fa`.
pub fn clock(time: jiff::civil::Time, lang: &str) -> String {
    let text = format!(
        "{:02}:{:02}:{:02}",
        time.hour(),
        time.minute(),
        time.second()
    );
    if lang == "fa" {
        persian_digits(&text)
    } else {
        text
    }
}

/// How a unit is counted, in `lang`.
pub fn method(unit: Unit, lang: &str) -> &'static str {
    match (lang, unit) {
        ("fa", Unit::Hours) => "ساعت تقویمی: زمان سپری‌شده، بدون کنار گذاشتن تعطیلات",
        ("fa", Unit::Days) => "روز تقویمی: همان ساعت محلی پس از این تعداد روز",
        ("fa", Unit::Months) => {
            "ماه تقویمی: همان روزِ ماه و همان ساعت محلی پس از این تعداد ماه، یا آخرین روزِ ماهِ کوتاه‌تر"
        }
        ("fa", Unit::WorkingHours) => {
            "ساعت کاری: تنها زمانِ روزهای کاری شمرده می‌شود و روزهای تعطیل کامل کنار گذاشته می‌شوند"
        }
        ("fa", Unit::WorkingDays) => {
            "روز کاری: پایان (۲۳:۵۹:۵۹) آخرین روز کاری، با شمارش از روز پس از رویداد"
        }
        ("fr", Unit::Hours) => "heures calendaires : temps écoulé, jours fériés compris",
        ("fr", Unit::Days) => "jours calendaires : même heure locale ce nombre de jours plus tard",
        ("fr", Unit::Months) => {
            "mois calendaires : même jour du mois et même heure locale ce nombre de mois plus tard, ou dernier jour d'un mois plus court"
        }
        ("fr", Unit::WorkingHours) => {
            "heures ouvrables : seul le temps des jours ouvrables compte ; les jours de repos sont sautés en entier"
        }
        ("fr", Unit::WorkingDays) => {
            "jours ouvrables : échéance à 23:59:59 du dernier jour ouvrable, comptés à partir du lendemain"
        }
        ("de", Unit::Hours) => "Kalenderstunden: verstrichene Zeit, Feiertage eingeschlossen",
        ("de", Unit::Days) => "Kalendertage: dieselbe Ortszeit so viele Tage später",
        ("de", Unit::Months) => {
            "Kalendermonate: derselbe Tag des Monats zur selben Ortszeit so viele Monate später, oder der letzte Tag eines kürzeren Monats"
        }
        ("de", Unit::WorkingHours) => {
            "Arbeitsstunden: nur Zeit an Arbeitstagen zählt; freie Tage werden ganz übersprungen"
        }
        ("de", Unit::WorkingDays) => {
            "Arbeitstage: fällig um 23:59:59 des letzten Arbeitstags, gezählt ab dem Folgetag"
        }
        (_, Unit::Hours) => "calendar hours: plain elapsed time, holidays included",
        (_, Unit::Days) => "calendar days: the same local time that many days later",
        (_, Unit::Months) => {
            "calendar months: the same day of the month at the same local time that many months later, or the last day of a shorter month"
        }
        (_, Unit::WorkingHours) => {
            "working hours: only time on working days counts; days off are skipped whole"
        }
        (_, Unit::WorkingDays) => {
            "working days: due at 23:59:59 of the last working day, counted from the day after the trigger"
        }
    }
}

/// Labels used in the human report: (due, target, skipped, weekly day off, nothing skipped,
/// earliest allowed instant of an `at-least` obligation).
pub fn labels(lang: &str) -> [&'static str; 6] {
    match lang {
        "fa" => [
            "مهلت",
            "هدف",
            "روزهای کنار گذاشته",
            "تعطیل هفتگی",
            "هیچ روزی کنار گذاشته نشد",
            "زودترین زمان مجاز",
        ],
        "fr" => [
            "Échéance",
            "Objectif",
            "Jours non comptés",
            "repos hebdomadaire",
            "aucun jour sauté",
            "Au plus tôt",
        ],
        "de" => [
            "Fällig",
            "Ziel",
            "Nicht gezählte Tage",
            "wöchentlicher Ruhetag",
            "kein Tag übersprungen",
            "Frühestens",
        ],
        _ => [
            "Due",
            "Target",
            "Days not counted",
            "weekly day off",
            "no day skipped",
            "Earliest allowed",
        ],
    }
}
