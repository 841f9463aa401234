//! Change notices for the example policies (`policies/`), every changed version in every
//! language, sent on the version's publication date: snapshots of the plain text, and of the
//! HTML e-mail and the JSON of one multilingual notice; the notice period and late notices.

use std::path::Path;

use davar_policy::render::NoSentences;
use davar_policy::render::notice::{NoticeError, notice, notice_html, notice_json, notice_text};
use davar_policy::{PolicySet, load};
use jiff::civil::date;

fn examples() -> PolicySet {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policies");
    let (set, diagnostics) = load(&dir).expect("the example policies load");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    set
}

#[test]
fn every_changed_example_version_has_a_notice_in_each_of_its_languages() {
    let set = examples();
    let mut count = 0;
    for doc in &set.documents {
        for v in doc.versions.iter().filter(|v| v.version > 1) {
            let notice = notice(
                &set,
                &doc.id,
                v.version,
                Some(&v.lang),
                v.published,
                &NoSentences,
            )
            .unwrap();
            let name = format!("{}-v{}-{}", doc.id, v.version, v.lang);
            insta::assert_snapshot!(name, notice_text(&notice));
            count += 1;
        }
    }
    // terms v2 and v3 (fa, en), dispute-policy v2, v3 and v4 (fa, en, fr, de),
    // review-guidelines v2 (fa, en).
    assert_eq!(count, 18);
}

#[test]
fn one_notice_carries_every_language_binding_first() {
    let set = examples();
    let notice = notice(
        &set,
        "dispute-policy",
        2,
        None,
        date(2026, 8, 20),
        &NoSentences,
    )
    .unwrap();
    let langs: Vec<&str> = notice.messages.iter().map(|m| m.lang.as_str()).collect();
    assert_eq!(langs, ["fa", "de", "en", "fr"]);
    insta::assert_snapshot!("dispute-policy-v2.html", notice_html(&notice));
    insta::assert_json_snapshot!("dispute-policy-v2.json", notice_json(&notice));
}

#[test]
fn the_period_is_the_longest_owed_to_the_audience_and_late_notices_are_flagged() {
    let set = examples();
    // terms v3: consumers and sellers, substantive; sellers are owed 15 days (site.yaml).
    let on_time = notice(
        &set,
        "terms",
        3,
        Some("en"),
        date(2026, 11, 10),
        &NoSentences,
    )
    .unwrap();
    assert_eq!(on_time.period.required_days, 15);
    assert_eq!(on_time.period.given_days, 83);
    assert!(!on_time.period.late);
    assert_eq!(on_time.period.send_by, date(2027, 1, 17));
    let late = notice(
        &set,
        "terms",
        3,
        Some("en"),
        date(2027, 1, 20),
        &NoSentences,
    )
    .unwrap();
    assert_eq!(late.period.given_days, 12);
    assert!(late.period.late);
    assert!(notice_text(&late).contains("12 days before"));
    // review-guidelines v2 is editorial: no minimum period.
    let editorial = notice(
        &set,
        "review-guidelines",
        2,
        Some("en"),
        date(2026, 4, 30),
        &NoSentences,
    )
    .unwrap();
    assert_eq!(editorial.period.required_days, 0);
    assert!(!editorial.period.late);
    assert!(notice_text(&editorial).contains("no minimum notice period"));
}

#[test]
fn a_notice_sent_on_or_after_the_effective_day_says_so_in_every_language() {
    let set = examples();
    // dispute-policy v2 takes effect on 2026-09-15 in fa, en, fr and de.
    let text = |sent_on| {
        notice_text(&notice(&set, "dispute-policy", 2, None, sent_on, &NoSentences).unwrap())
    };
    let same_day = text(date(2026, 9, 15));
    let after = text(date(2026, 9, 18));
    let one_after = text(date(2026, 9, 16));
    for (phrase, in_text) in [
        ("on the day the change takes effect", &same_day),
        ("le jour de l’entrée en vigueur", &same_day),
        ("am Tag des Inkrafttretens", &same_day),
        ("در روز اجرای تغییر", &same_day),
        ("3 days after the change took effect", &after),
        ("3 jours après l’entrée en vigueur", &after),
        ("3 Tage nach Inkrafttreten", &after),
        ("۳ روز پس از اجرای تغییر", &after),
        ("1 day after the change took effect", &one_after),
    ] {
        assert!(
            in_text.contains(phrase),
            "`{phrase}` missing from:\n{in_text}"
        );
    }
    for in_text in [&same_day, &after, &one_after] {
        assert!(
            !in_text.contains(" -3") && !in_text.contains(" -1") && !in_text.contains(" 0 day"),
            "{in_text}"
        );
    }
}

#[test]
fn french_labels_take_a_no_break_space_before_the_colon() {
    let set = examples();
    let fr = notice_text(
        &notice(
            &set,
            "dispute-policy",
            2,
            Some("fr"),
            date(2026, 8, 20),
            &NoSentences,
        )
        .unwrap(),
    );
    assert!(fr.contains("En bref\u{a0}:"), "{fr}");
    assert!(!fr.contains("bref:") && !fr.contains("bref :"), "{fr}");
}

#[test]
fn bad_requests_name_what_exists() {
    let set = examples();
    let on = date(2026, 11, 10);
    let err = notice(&set, "tems", 3, None, on, &NoSentences).unwrap_err();
    assert!(matches!(err, NoticeError::UnknownDocument(..)));
    assert!(
        err.to_string()
            .contains("dispute-policy, review-guidelines, terms"),
        "{err}"
    );
    let err = notice(&set, "terms", 7, None, on, &NoSentences).unwrap_err();
    assert!(err.to_string().contains("versions: 1, 2, 3"), "{err}");
    let err = notice(&set, "terms", 3, Some("fr"), on, &NoSentences).unwrap_err();
    assert!(err.to_string().contains("languages: fa, en"), "{err}");
    let err = notice(&set, "terms", 1, Some("en"), on, &NoSentences).unwrap_err();
    assert!(matches!(err, NoticeError::NothingToCompare { .. }), "{err}");
}
