//! Properties that hold for any input: spans are inside the field on code-point boundaries
//! and their text is the original text there, fixes are idempotent, nothing panics.

mod common;

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_in_the_field_and_fixes_are_idempotent(body in tricky_text(), title in prop::option::of(tricky_text())) {
        check(body, title)?;
    }

    #[test]
    fn any_utf8_is_handled(body in any::<String>(), title in prop::option::of(any::<String>())) {
        check(body, title)?;
    }
}
