//! Properties every caller relies on, on arbitrary text: spans lie on code-point boundaries
//! inside their field and `text` is that exact slice; applying the fixes twice equals applying
//! them once; no input (any kind, any language) panics.

use crate::pressure_common;

use davar_moderation::{Field, Kind, MemoryStore};
use pressure_common::{comment, engine};
use proptest::prelude::*;

/// Text that mixes what real comments and evasions contain.
fn field() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "سلام",
        "خیلیییی",
        "خوبه",
        "قیمتش",
        "تومن",
        "۰۹۱۲",
        "۳۴۵",
        "٦٧٨٩",
        "0935",
        " ",
        "  ",
        "\n\n\n",
        "\u{200C}",
        "\u{0640}",
        "\u{200F}",
        "!!!",
        "؟؟",
        ":)",
        "👍🏽",
        "👨‍👩‍👧",
        "🇮🇷",
        "ي",
        "ك",
        "www.",
        ".ir",
        "@",
        "gmail",
        "dot",
        "com",
        "e\u{301}",
        "Ａ",
        "ﻻ",
        "ّ",
        "٫",
        "-",
        ".",
        "a",
        "ab",
        "\t",
        "\r\n",
    ]);
    prop_oneof![
        3 => prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::Review), Just(Kind::Question), Just(Kind::Answer)]
}

fn lang() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["fa", "fa", "en", "fr", "de", "ar"])
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_code_point_slices_of_their_field(
        kind in kind(), lang in lang(), title in prop::option::of(field()), body in field()
    ) {
        let c = comment(kind, lang, title.as_deref(), &body);
        let Ok(result) = engine().moderate(&c, &MemoryStore::new()) else {
            return Ok(()); // unknown language: an error, not a verdict (and not a panic)
        };
        for v in &result.violations {
            let text = match v.field {
                Field::Title => title.as_deref().unwrap_or_default(),
                Field::Body => &body,
            };
            prop_assert!(v.start <= v.end && v.end <= text.chars().count(), "span out of field: {v:?}");
            prop_assert_eq!(&slice(text, v.start, v.end), &v.text);
        }
    }

    #[test]
    fn applying_fixes_twice_equals_applying_them_once(
        kind in kind(), lang in lang(), title in prop::option::of(field()), body in field()
    ) {
        let c = comment(kind, lang, title.as_deref(), &body);
        let Ok(first) = engine().moderate(&c, &MemoryStore::new()) else { return Ok(()) };
        if let Some(fixed) = first.fixed {
            let again = comment(kind, lang, fixed.title.as_deref(), &fixed.body);
            let second = engine().moderate(&again, &MemoryStore::new()).expect("the repaired text is judged");
            if let Some(refixed) = second.fixed {
                prop_assert_eq!(refixed.title, fixed.title);
                prop_assert_eq!(refixed.body, fixed.body);
            }
        }
    }
}
