//! Properties that hold for any input: spans are inside the field on code-point boundaries
//! and their text is the original text there, fixes are idempotent, nothing panics.

use crate::common;

use davar_moderation::{Comment, Field, Kind, MemoryStore};
use proptest::prelude::*;

/// Text that mixes what the rules care about: Persian and Arabic letters, digits of three
/// scripts, zero-width and bidi controls, kashida, emoji, punctuation and whitespace.
fn tricky_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "خیلی",
        "خوب",
        "ي",
        "ك",
        "ة",
        "ـ",
        "\u{200c}",
        "\u{200d}",
        "\u{200b}",
        "\u{202e}",
        "۰۹۱۲",
        "٣٤٥",
        "0912",
        "345",
        "6789",
        " ",
        "  ",
        "\n\n\n",
        "!!",
        "؟؟",
        "...",
        "😍",
        "👍🏽",
        "👨‍👩‍👧",
        ":)",
        "@",
        "shop_1",
        ".ir",
        " dot com",
        "تومن",
        "هزار",
        "قیمتش",
        "کسی",
        "؟",
        "www.",
        "a",
        "ییی",
        "ااا",
        "،",
        " ،",
        "e\u{301}",
        "\u{fdfd}",
        "ﻻ",
        "Ａ",
        "IR",
        "۶۰۳۷",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

/// Persian words, the affixes `style/half-space` joins, and what may sit between them: one or
/// more spaces, a joiner, a line break, a comma, a kashida, Arabic letter forms.
fn affixed_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "می", "نمی", "ها", "های", "هایش", "تر", "ترین", "ام", "ای", "اند", "ی", "کنم", "دکمه",
        "حرفه", "خسته", "بزرگ", "آ", "آی", "که", "مي", "كنم", " ", " ", " ", "  ", "\u{a0}",
        "\u{200c}", "\n", "،", "ـ", "a",
    ]);
    prop::collection::vec(atoms, 0..30).prop_map(|v| v.concat())
}

/// After the repairs no missing half-space is left, and repairing again changes nothing.
fn half_spaces_are_fixed_once(body: String) -> Result<(), TestCaseError> {
    let engine = common::engine();
    let moderate = |body: &str| {
        engine
            .moderate(&common::review(body), &MemoryStore::new())
            .expect("moderates")
    };
    let result = moderate(&body);
    let Some(fixed) = result.fixed else {
        prop_assert!(
            !result
                .violations
                .iter()
                .any(|v| v.code == "style/half-space"),
            "a half-space was flagged but not fixed in {body:?}"
        );
        return Ok(());
    };
    let second = moderate(&fixed.body);
    prop_assert!(
        !second
            .violations
            .iter()
            .any(|v| v.code == "style/half-space"),
        "a half-space is still missing in {:?}",
        fixed.body
    );
    if let Some(again) = second.fixed {
        prop_assert_eq!(&again.body, &fixed.body, "fixing twice changed the body");
    }
    Ok(())
}

fn check(body: String, title: Option<String>) -> Result<(), TestCaseError> {
    let engine = common::engine();
    let store = MemoryStore::new();
    for (kind, lang) in [
        (Kind::Review, "fa"),
        (Kind::Question, "fa"),
        (Kind::Review, "en"),
    ] {
        let comment = Comment {
            id: None,
            kind,
            title: title.clone(),
            body: body.clone(),
            product: Some("p".into()),
            author: None,
            lang: lang.into(),
        };
        let result = engine.moderate(&comment, &store).expect("moderates");
        for v in &result.violations {
            let field = match v.field {
                Field::Title => comment.title.as_deref().unwrap_or_default(),
                Field::Body => &comment.body,
            };
            let len = field.chars().count();
            prop_assert!(
                v.start <= v.end && v.end <= len,
                "{} span {}..{} outside 0..{len}",
                v.code,
                v.start,
                v.end
            );
            let text: String = field.chars().skip(v.start).take(v.end - v.start).collect();
            prop_assert_eq!(&text, &v.text);
        }
        if let Some(fixed) = &result.fixed {
            let again = Comment {
                title: fixed.title.clone(),
                body: fixed.body.clone(),
                ..comment.clone()
            };
            let second = engine
                .moderate(&again, &MemoryStore::new())
                .expect("moderates");
            if let Some(f2) = &second.fixed {
                prop_assert_eq!(&f2.body, &fixed.body, "fixing twice changed the body");
                prop_assert_eq!(&f2.title, &fixed.title, "fixing twice changed the title");
            }
        }
    }
    Ok(())
}

/// A Luhn-valid card number of 16 digits from its first 15.
fn card(first: &[u8]) -> Vec<u8> {
    let mut digits = first.to_vec();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    digits.push(((10 - sum % 10) % 10) as u8);
    digits
}

/// A card number in four groups of four, with the digit at `letters[g]` of group `g` (when
/// it has a look-alike letter) written as that letter (`6O37 99l2 34S6 7B93`).
fn card_with_letters(digits: &[u8], letters: &[usize]) -> String {
    let mut out = String::new();
    for (g, group) in digits.chunks(4).enumerate() {
        if g > 0 {
            out.push(' ');
        }
        for (i, &d) in group.iter().enumerate() {
            let letter = match d {
                0 => Some('O'),
                1 => Some('l'),
                5 => Some('S'),
                6 => Some('b'),
                8 => Some('B'),
                9 => Some('g'),
                _ => None,
            };
            match letter {
                Some(l) if letters[g] == i => out.push(l),
                _ => out.push(char::from(b'0' + d)),
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A card number with up to one look-alike letter in each group of four is read as its
    /// digits: `contacts/bank` flags exactly what was written.
    #[test]
    fn cards_with_letters_for_digits_are_flagged(
        first in prop::collection::vec(0u8..10, 15),
        letters in prop::collection::vec(0usize..4, 4),
    ) {
        let digits = card(&first);
        let written = card_with_letters(&digits, &letters);
        let body = format!("شماره کارتم {written} است");
        let result = common::engine()
            .moderate(&common::review(&body), &MemoryStore::new())
            .expect("moderates");
        let bank: Vec<_> = result.violations.iter().filter(|v| v.code == "contacts/bank").collect();
        prop_assert_eq!(bank.len(), 1, "{}: {:?}", body, result.violations);
        prop_assert_eq!(&bank[0].text, &written);
    }

    /// A domain whose dot is written as a bullet, a round dot or a degree sign (`shop⸱com`,
    /// `shop°ir`) is the link as written; a temperature (`25°C`) is never a link.
    #[test]
    fn dot_lookalikes_between_labels_are_dots(
        name in "[a-z]{3,10}",
        dot in prop::sample::select(vec!['•', '∙', '⋅', '●', '◦', '・', '⸱', '˙', '∘', '°']),
        tld in prop::sample::select(vec!["com", "ir", "shop", "de"]),
        degrees in 0u32..200,
        unit in prop::sample::select(vec!['C', 'F', 'c']),
    ) {
        let written = format!("{name}{dot}{tld}");
        let body = format!("ارزون‌ترش تو {written} هست و دمای {degrees}°{unit} رو هم تحمل میکنه");
        let result = common::engine()
            .moderate(&common::review(&body), &MemoryStore::new())
            .expect("moderates");
        let links: Vec<_> = result.violations.iter().filter(|v| v.code.starts_with("links/")).collect();
        prop_assert_eq!(links.len(), 1, "{}: {:?}", body, result.violations);
        prop_assert_eq!(&links[0].text, &written);
    }

    #[test]
    fn spans_are_in_the_field_and_fixes_are_idempotent(body in tricky_text(), title in prop::option::of(tricky_text())) {
        check(body, title)?;
    }

    #[test]
    fn half_space_fixes_are_complete_and_idempotent(body in affixed_text()) {
        half_spaces_are_fixed_once(body.clone())?;
        check(body, None)?;
    }

    #[test]
    fn any_utf8_is_handled(body in any::<String>(), title in prop::option::of(any::<String>())) {
        check(body, title)?;
    }
}
