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
    assert_eq!(found("for 6 months after the decision"), ["6 months"]);
    assert_eq!(found("for six calendar months"), ["6 months"]);
    assert_eq!(found("one month"), ["1 month"]);
}

#[test]
fn months_in_every_language() {
    assert_eq!(found("pendant au moins six (6) mois"), ["6 months"]);
    assert_eq!(found("mindestens sechs Monate lang"), ["6 months"]);
    assert_eq!(found("innerhalb von 6 Monaten"), ["6 months"]);
    assert_eq!(found("دست‌کم تا ۶ ماه پس از اعلام"), ["6 months"]);
    assert_eq!(found("شش ماه"), ["6 months"]);
    // More months than any obligation sets are not a length of time.
    assert_eq!(found("1200 months"), Vec::<String>::new());
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

#[test]
fn times_of_day_are_not_durations() {
    assert_eq!(
        found("commandes passées avant 14 heures"),
        Vec::<String>::new()
    );
    assert_eq!(found("jusqu'à 18 heures"), Vec::<String>::new());
    assert_eq!(
        found("du lundi au vendredi de 9 h à 18 h"),
        Vec::<String>::new()
    );
    assert_eq!(found("de 9h à 18h"), Vec::<String>::new());
    assert_eq!(found("ouvert à 14h30"), Vec::<String>::new());
    assert_eq!(
        found("le service client répond à 14 h 30"),
        Vec::<String>::new()
    );
    assert_eq!(found("Bestellungen bis 18 Stunden"), Vec::<String>::new());
    assert_eq!(found("avant 48 heures"), ["48 hours"]);
    assert_eq!(
        found("open Monday to Friday from 9 to 17 hours"),
        Vec::<String>::new()
    );
    assert_eq!(
        found("from 8 to 20 hours; we answer within 48 hours"),
        ["48 hours"]
    );
    assert_eq!(
        found("von 9 bis 17 Stunden erreichbar"),
        Vec::<String>::new()
    );
    assert_eq!(found("de 24 à 48 heures"), ["24 to 48 hours"]);
}

#[test]
fn rates_holidays_and_identifiers_are_not_durations() {
    assert_eq!(found("disponible 24 heures sur 24"), Vec::<String>::new());
    assert_eq!(found("joignable 24h/24 et 7j/7"), Vec::<String>::new());
    assert_eq!(found("sauf un jour férié"), Vec::<String>::new());
    assert_eq!(found("les 11 jours fériés"), Vec::<String>::new());
    assert_eq!(found("Firmenbuch FN 335466h"), Vec::<String>::new());
}

#[test]
fn number_words_to_the_hundreds_and_numerals_in_parentheses() {
    assert_eq!(found("SOIXANTE-DOUZE HEURES"), ["72 hours"]);
    assert_eq!(found("quatre-vingt-dix jours"), ["90 days"]);
    assert_eq!(found("one hundred and twenty days"), ["120 days"]);
    assert_eq!(found("zweiundsiebzig Stunden"), ["72 hours"]);
    assert_eq!(found("hundertzwanzig Tage"), ["120 days"]);
    assert_eq!(found("یکصد و هشتاد روز"), ["180 days"]);
    assert_eq!(found("quinze (15) jours"), ["15 days"]);
    assert_eq!(found("30 (trente) jours"), ["30 days"]);
    assert_eq!(found("thirty (30) days"), ["30 days"]);
}

#[test]
fn periods_include_weeks_months_and_years_in_days() {
    let days = |text: &str| -> Vec<u32> { find_periods(text).iter().map(|p| p.days).collect() };
    assert_eq!(days("un (1) mois"), [30]);
    assert_eq!(days("quinze (15) jours"), [15]);
    assert_eq!(days("two weeks"), [14]);
    assert_eq!(days("six mois"), [180]);
    assert_eq!(days("48 hours"), [2]);
}

#[test]
fn weeks_and_fortnights_are_days_and_a_yearly_rate_is_not_a_duration() {
    assert_eq!(found("within one week of delivery"), ["7 days"]);
    assert_eq!(found("within 2 weeks"), ["14 days"]);
    assert_eq!(found("within one fortnight"), ["14 days"]);
    assert_eq!(found("sous deux semaines"), ["14 days"]);
    assert_eq!(found("innerhalb von zwei Wochen"), ["14 days"]);
    assert_eq!(found("ظرف دو هفته"), ["14 days"]);
    assert_eq!(found("support 24/7, 365 days a year"), Vec::<String>::new());
}

#[test]
fn an_indefinite_article_before_a_unit_is_one_of_it() {
    for (text, expected) in [
        ("We answer within a working day.", "1 working day"),
        ("Refunds start within an hour of the return.", "1 hour"),
        ("We answer within one working day.", "1 working day"),
        (
            "Nous répondons dans un délai d'un jour ouvrable.",
            "1 working day",
        ),
        ("Nous répondons sous un jour ouvré.", "1 working day"),
        (
            "Nous répondons dans l'heure, au plus tard sous une journée.",
            "",
        ),
        (
            "Wir antworten innerhalb von einem Werktag.",
            "1 working day",
        ),
        ("Wir antworten binnen eines Werktags.", "1 working day"),
        ("Wir antworten innerhalb einer Stunde.", "1 hour"),
        ("ما ظرف یک روز کاری پاسخ می‌دهیم.", "1 working day"),
    ] {
        let want: Vec<&str> = if expected.is_empty() {
            vec![]
        } else {
            vec![expected]
        };
        assert_eq!(found(text), want, "{text}");
    }
    // A rate, a definition, a day named: no word of length before the article.
    for text in [
        "Support is open 24 hours a day.",
        "We send a summary once a month.",
        "Sellers may change prices twice a day.",
        "a hundred and ten",
        "A working day is any day but Friday.",
        "Orders are processed on a working day.",
    ] {
        assert_eq!(found(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn the_next_working_day_is_one_working_day() {
    for text in [
        "We ship paid orders by the next working day.",
        "We confirm each complaint by the end of the next working day.",
        "Refunds are sent no later than the following business day.",
        "Wir versenden spätestens am nächsten Werktag.",
        "Wir antworten bis zum folgenden Arbeitstag.",
        "Nous expédions au plus tard le jour ouvré suivant.",
        "Nous répondons d'ici le prochain jour ouvrable.",
        "سفارش تا روز کاری بعد ارسال می‌شود.",
    ] {
        assert_eq!(found(text), ["1 working day"], "{text}");
    }
    for text in [
        "Deliveries resume over the next working days.",
        "An order placed on a holiday is processed on the next working day.",
        "Eine am Feiertag eingegangene Bestellung wird am nächsten Werktag bearbeitet.",
        "Une commande passée un jour férié est traitée le jour ouvré suivant.",
        "سفارشی که در روز تعطیل ثبت شود در نخستین روز کاری بعد پردازش می‌شود.",
        "We ship the next day.",
        "Les jours ouvrés suivants sont listés ci-dessous.",
        "the next 3 working days",
    ] {
        assert_ne!(found(text), ["1 working day"], "{text}");
    }
    assert_eq!(found("the next 3 working days"), ["3 working days"]);
}

#[test]
fn halves_are_read_in_a_smaller_unit() {
    for (text, expected) in [
        ("You may appeal for half a year.", "6 months"),
        ("We answer within 1.5 days.", "36 hours"),
        ("We answer within one and a half days.", "36 hours"),
        ("We answer within a day and a half.", "36 hours"),
        ("Refunds take one and a half months.", "45 days"),
        ("Wir antworten binnen 1,5 Tagen.", "36 hours"),
        ("Wir antworten innerhalb eines halben Tages.", "12 hours"),
        ("Sie können ein halbes Jahr lang widersprechen.", "6 months"),
        ("Wir antworten binnen eineinhalb Tagen.", "36 hours"),
        ("Wir antworten binnen anderthalb Tagen.", "36 hours"),
        (
            "Wir erstatten innerhalb von zweieinhalb Wochen.",
            "420 hours",
        ),
        ("Nous répondons sous une demi-journée.", "12 hours"),
        ("Vous pouvez contester pendant un an et demi.", "18 months"),
        ("Nous répondons sous deux jours et demi.", "60 hours"),
        ("ما ظرف نیم روز پاسخ می‌دهیم.", "12 hours"),
        ("ما ظرف یک و نیم روز پاسخ می‌دهیم.", "36 hours"),
        ("ما ظرف ۱٫۵ روز پاسخ می‌دهیم.", "36 hours"),
        ("شما تا یک سال و نیم فرصت اعتراض دارید.", "18 months"),
    ] {
        assert_eq!(found(text), [expected], "{text}");
    }
    // No unit holds half an hour; a version number and a date are no halves.
    for text in [
        "We call back within half an hour.",
        "within 1.5 hours",
        "une demi-heure",
        "version 2.5 of the app",
        "le 1.5.2026",
        "از نیم روز به بعد باز هستیم.",
    ] {
        assert_eq!(found(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn sous_quinzaine_and_sous_huitaine_are_a_fortnight_and_a_week() {
    assert_eq!(found("Nous répondons sous quinzaine."), ["14 days"]);
    assert_eq!(found("Nous remboursons sous huitaine."), ["7 days"]);
    assert_eq!(found("dans deux quinzaines"), ["28 days"]);
    assert_eq!(found("la quinzaine commerciale"), Vec::<String>::new());
}

#[test]
fn a_restatement_in_parentheses_is_the_same_duration() {
    assert_eq!(found("within 24 hours (one day)"), ["24 hours"]);
    assert_eq!(found("innerhalb von zwei Wochen (14 Tagen)"), ["14 days"]);
    assert_eq!(found("sous 48 heures (deux jours)"), ["48 hours"]);
    assert_eq!(found("ظرف ۱۲ ماه (یک سال)"), ["12 months"]);
    assert_eq!(found("binnen 1 Jahr (12 Monaten)"), ["12 months"]);
    // A length that disagrees is kept with it; months and days are two lengths.
    let read = |text: &str| -> Vec<(String, Option<(String, bool)>)> {
        find_durations(text)
            .into_iter()
            .map(|d| {
                (
                    d.duration.to_string(),
                    d.restated.map(|r| (r.duration.to_string(), r.agrees)),
                )
            })
            .collect()
    };
    let one = |said: &str, restated: &str, agrees: bool| {
        vec![(said.to_string(), Some((restated.to_string(), agrees)))]
    };
    assert_eq!(
        read("within 2 days (48 hours)"),
        one("2 days", "48 hours", true)
    );
    assert_eq!(
        read("sous 48 heures (2 jours)"),
        one("48 hours", "2 days", true)
    );
    assert_eq!(
        read("innerhalb von 1 Woche (7 Tagen)"),
        one("7 days", "7 days", true)
    );
    assert_eq!(read("ظرف ۲ روز (۴۸ ساعت)"), one("2 days", "48 hours", true));
    assert_eq!(
        read("within 24 hours (two days)"),
        one("24 hours", "2 days", false)
    );
    assert_eq!(
        read("within 1 week (5 days)"),
        one("7 days", "5 days", false)
    );
    assert_eq!(
        read("within one month (30 days)"),
        [("1 month".to_string(), None), ("30 days".to_string(), None)]
    );
}

#[test]
fn a_numeral_in_parentheses_that_disagrees_is_kept() {
    let read = |text: &str| -> Vec<(String, Option<String>)> {
        find_durations(text)
            .into_iter()
            .map(|d| {
                (
                    d.duration.to_string(),
                    d.parenthesised.map(|p| p.to_string()),
                )
            })
            .collect()
    };
    assert_eq!(
        read("within five (3) working days"),
        [(
            "5 working days".to_string(),
            Some("3 working days".to_string())
        )]
    );
    assert_eq!(read("sous 10 (dix) jours"), [("10 days".to_string(), None)]);
    assert_eq!(
        read("binnen zwei (4) Wochen"),
        [("14 days".to_string(), Some("28 days".to_string()))]
    );
    assert_eq!(
        read("ظرف پنج (۷) روز"),
        [("5 days".to_string(), Some("7 days".to_string()))]
    );
}
