//! `duration-mismatch` on the durations fixture (`tests/fixtures/obligation/durations`): a
//! duration repeated in one clause is one finding, clock times are no durations, and a
//! document without obligation blocks gets one hint instead of an error per duration.

use std::path::Path;

use davar_policy::{Severity, load};
use jiff::civil::date;

#[test]
fn one_finding_per_clause_and_duration_and_one_hint_for_a_document_without_blocks() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/obligation/durations");
    let (set, load_problems) = load(&dir).expect("the fixture loads");
    assert!(load_problems.is_empty(), "{load_problems:?}");
    let found: Vec<_> = davar_obligation::checks(&set, date(2026, 1, 10), None)
        .into_iter()
        .filter(|d| d.code == "duration-mismatch")
        .collect();
    let shown: Vec<String> = found
        .iter()
        .map(|d| {
            let file = d
                .file
                .strip_prefix(&dir)
                .unwrap_or(&d.file)
                .display()
                .to_string();
            format!("{file}:{} {} {}", d.line, d.severity.as_str(), d.message)
        })
        .collect();
    assert_eq!(found.len(), 2, "{shown:#?}");
    let error = &found[0];
    assert_eq!(error.severity, Severity::Error, "{shown:#?}");
    assert!(error.file.ends_with("help/v1.en.md"));
    assert!(
        error
            .message
            .contains("clause `refunds` states \"14 days\""),
        "{shown:#?}"
    );
    let hint = &found[1];
    assert_eq!(hint.severity, Severity::Hint, "{shown:#?}");
    assert!(hint.file.ends_with("imported/v2.en.md"), "{shown:#?}");
    assert!(
        hint.message
            .contains("`imported` states durations in its prose (\"30 days\""),
        "{shown:#?}"
    );
}

/// The `duration-mismatch` findings of one version in `lang` whose clause says `prose` over a
/// block of `within`.
fn mismatches(lang: &str, prose: &str, within: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        format!(
            "marketplace:\n  name: {{ {lang}: Shop }}\nbase_url: https://shop.example\nlanguages: [{lang}]\nbinding_language: {lang}\n"
        ),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("help")).unwrap();
    std::fs::write(
        dir.path().join(format!("help/v1.{lang}.md")),
        format!(
            "---\nid: help\ntype: Complaints Policy\nlang: {lang}\ntitle: T\nversion: 1\npublished: 2026-01-01\neffective: 2026-01-02\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n## Reply {{#reply}}\n\n{prose}\n\n```obligation\nid: reply\nactor: platform\ntrigger: complaint.received\naction: complaint.answered\nwithin: {within}\n```\n"
        ),
    )
    .unwrap();
    let (set, _) = load(dir.path()).expect("the set loads");
    davar_obligation::checks(&set, date(2026, 1, 10), None)
        .into_iter()
        .filter(|d| d.code == "duration-mismatch")
        .map(|d| d.message)
        .collect()
}

#[test]
fn one_working_day_written_with_an_article_agrees_with_a_block_of_one_working_day() {
    for (lang, prose) in [
        (
            "fr",
            "Nous répondons à chaque réclamation dans un délai d'un jour ouvrable.",
        ),
        (
            "fr",
            "Chaque réclamation reçoit une réponse sous un jour ouvré.",
        ),
        (
            "de",
            "Wir beantworten jede Beschwerde innerhalb von einem Werktag.",
        ),
        (
            "de",
            "Jede Beschwerde wird binnen eines Werktags beantwortet.",
        ),
        ("en", "We answer every complaint within one working day."),
        ("en", "We answer every complaint within a working day."),
        ("fa", "به هر شکایت ظرف یک روز کاری پاسخ می‌دهیم."),
    ] {
        let found = mismatches(lang, prose, "1 working day");
        assert!(found.is_empty(), "{prose}: {found:#?}");
    }
    // Near misses: two working days, or one calendar day, are not one working day.
    for (lang, prose) in [
        (
            "fr",
            "Nous répondons à chaque réclamation sous deux jours ouvrables.",
        ),
        ("en", "We answer every complaint within a day."),
        (
            "de",
            "Wir beantworten jede Beschwerde innerhalb eines Tages.",
        ),
    ] {
        let found = mismatches(lang, prose, "1 working day");
        assert_eq!(found.len(), 1, "{prose}: {found:#?}");
    }
}

#[test]
fn the_next_working_day_halves_quinzaine_and_restatements_agree_with_their_blocks() {
    for (lang, prose, within) in [
        (
            "en",
            "Every complaint is answered by the next business day.",
            "1 working day",
        ),
        (
            "de",
            "Jede Beschwerde wird spätestens am folgenden Werktag beantwortet.",
            "1 working day",
        ),
        (
            "fr",
            "Chaque réclamation reçoit une réponse au plus tard le jour ouvrable suivant.",
            "1 working day",
        ),
        (
            "en",
            "You may ask for a review for half a year.",
            "6 months",
        ),
        ("de", "Wir antworten binnen 1,5 Tagen.", "36 hours"),
        (
            "fr",
            "Chaque réclamation reçoit une réponse sous quinzaine.",
            "14 days",
        ),
        ("fa", "به هر شکایت ظرف نیم روز پاسخ می‌دهیم.", "12 hours"),
        ("en", "We answer within 48 hours (two days).", "48 hours"),
    ] {
        let found = mismatches(lang, prose, within);
        assert!(found.is_empty(), "{prose}: {found:#?}");
    }
    // The same wordings against another block are mismatches with the length read.
    for (lang, prose, within, read) in [
        (
            "en",
            "Every complaint is answered by the next business day.",
            "2 working days",
            "(1 working day",
        ),
        (
            "en",
            "You may ask for a review for half a year.",
            "3 months",
            "(6 months",
        ),
        (
            "fa",
            "به هر شکایت ظرف نیم روز پاسخ می‌دهیم.",
            "24 hours",
            "(12 hours",
        ),
        (
            "fr",
            "Chaque réclamation reçoit une réponse sous quinzaine.",
            "7 days",
            "(14 days",
        ),
    ] {
        let found = mismatches(lang, prose, within);
        assert_eq!(found.len(), 1, "{prose}: {found:#?}");
        assert!(found[0].contains(read), "{prose}: {found:#?}");
    }
}

#[test]
fn words_and_a_numeral_in_parentheses_that_disagree_are_reported_as_such() {
    for within in ["3 working days", "5 working days", "10 working days"] {
        let found = mismatches("en", "We answer within five (3) working days.", within);
        assert!(
            found.iter().any(|m| m.contains(
                "its words say 5 working days but the numeral in parentheses says 3 working days"
            )),
            "{within}: {found:#?}"
        );
        assert!(
            !found.iter().any(|m| m.contains("states no duration")),
            "{within}: {found:#?}"
        );
        // A block of neither number is a second finding.
        assert_eq!(
            found.len(),
            if within == "10 working days" { 2 } else { 1 },
            "{within}: {found:#?}"
        );
    }
    let found = mismatches(
        "fr",
        "Nous répondons sous cinq (5) jours ouvrés.",
        "5 working days",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_length_restated_in_parentheses_in_another_unit_agrees_with_a_block_of_either() {
    for (lang, prose, blocks) in [
        (
            "en",
            "Sellers hear from us within 3 days (72 hours) of a dispute.",
            ["72 hours", "3 days"],
        ),
        (
            "en",
            "A seller may object within one year (12 months) of the decision.",
            ["12 months", "12 months"],
        ),
        (
            "fr",
            "Le vendeur reçoit notre avis sous 72 heures (3 jours).",
            ["72 hours", "3 days"],
        ),
        (
            "fr",
            "Le vendeur peut contester sous deux semaines (14 jours).",
            ["14 days", "14 days"],
        ),
        (
            "de",
            "Der Verkäufer erhält binnen 3 Wochen (21 Tagen) eine Antwort.",
            ["21 days", "21 days"],
        ),
        (
            "de",
            "Der Verkäufer erhält binnen drei Tagen (72 Stunden) eine Antwort.",
            ["72 hours", "3 days"],
        ),
        (
            "fa",
            "فروشنده ظرف ۳ روز (۷۲ ساعت) پاسخ می‌گیرد.",
            ["72 hours", "3 days"],
        ),
        (
            "fa",
            "فروشنده ظرف سه هفته (۲۱ روز) پاسخ می‌گیرد.",
            ["21 days", "21 days"],
        ),
    ] {
        for within in blocks {
            let found = mismatches(lang, prose, within);
            assert!(found.is_empty(), "{prose} / {within}: {found:#?}");
        }
    }
}

#[test]
fn a_length_in_parentheses_that_disagrees_is_reported_as_such() {
    for (lang, prose, within, read) in [
        (
            "en",
            "Sellers hear from us within 3 days (96 hours) of a dispute.",
            "96 hours",
            "it says 3 days but the parentheses say 96 hours",
        ),
        (
            "fr",
            "Le vendeur reçoit notre avis sous 72 heures (4 jours).",
            "72 hours",
            "it says 72 hours but the parentheses say 4 days",
        ),
        (
            "de",
            "Der Verkäufer erhält binnen 3 Wochen (20 Tagen) eine Antwort.",
            "21 days",
            "it says 21 days but the parentheses say 20 days",
        ),
        (
            "fa",
            "فروشنده ظرف ۳ روز (۹۶ ساعت) پاسخ می‌گیرد.",
            "3 days",
            "it says 3 days but the parentheses say 96 hours",
        ),
    ] {
        let found = mismatches(lang, prose, within);
        assert_eq!(found.len(), 1, "{prose}: {found:#?}");
        assert!(found[0].contains(read), "{prose}: {found:#?}");
    }
    // Months are not converted into days: a month and 30 days are two lengths.
    let found = mismatches(
        "en",
        "A seller may object within one month (30 days).",
        "1 month",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("\"30 days\""), "{found:#?}");
}
