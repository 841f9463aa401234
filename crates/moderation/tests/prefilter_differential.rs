//! Prefilters only skip work: every rule set run with prefilters and without them
//! (`Engine::without_prefilters`, every rule on every field) must give identical results on
//! the rule fixtures, the team's corpus, the Digikala reviews (when present) and generated text
//! full of what prefilters look for (emoji sequences, digits of every script, bidi controls,
//! Persian and Latin mixed, spelled dots, every kind of space).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::inputs::{self, Input};
use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources};
use proptest::prelude::*;

/// The engine built from `rules/`, with and without prefilters.
fn engines() -> &'static (Engine, Engine) {
    static ENGINES: OnceLock<(Engine, Engine)> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let mut sources =
            RuleSources::read_dir(&inputs::repo_root().join("rules")).expect("rules/ is readable");
        // The example site (`policies/site.yaml`), so `links/own-site` runs too.
        sources.set_marketplace(davar_moderation::Marketplace::from_site(
            ["Chaharsu", "چهارسو"],
            ["Chaharsu", "چهارسو", "chaharsu.example"],
            "https://policies.chaharsu.example",
        ));
        let build = || Engine::new(&sources, &NoClauses).expect("rules/ compiles");
        (build(), build().without_prefilters())
    })
}

/// Both engines' results for `comment`, each with its own store (as text: errors included).
fn both(comment: &Comment, stores: &(MemoryStore, MemoryStore)) -> (String, String) {
    let (with, without) = engines();
    (
        format!("{:?}", with.moderate(comment, &stores.0)),
        format!("{:?}", without.moderate(comment, &stores.1)),
    )
}

/// Runs `inputs` through both engines; the first disagreements, described.
fn disagreements(inputs: &[Input]) -> Vec<String> {
    let mut stores: HashMap<&str, (MemoryStore, MemoryStore)> = HashMap::new();
    let mut out = Vec::new();
    for input in inputs {
        let pair = stores.entry(&input.store).or_default();
        let (with, without) = both(&input.comment, pair);
        if with != without && out.len() < 5 {
            out.push(format!(
                "{}: {:?}\n  with prefilters:    {with}\n  without prefilters: {without}",
                input.origin, input.comment
            ));
        }
    }
    out
}

#[test]
fn fixtures_give_the_same_results_with_and_without_prefilters() {
    let inputs = inputs::fixtures();
    assert!(inputs.len() > 200, "only {} fixture cases", inputs.len());
    let differ = disagreements(&inputs);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn the_corpus_gives_the_same_results_with_and_without_prefilters() {
    let inputs = inputs::corpus();
    assert!(inputs.len() > 500, "only {} corpus cases", inputs.len());
    let differ = disagreements(&inputs);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn real_reviews_give_the_same_results_with_and_without_prefilters() {
    let Some(inputs) = inputs::digikala() else {
        eprintln!(
            "skipped: ../shared/data/digikala/train.csv is not next to the repository and \
             DAVAR_DIGIKALA_TRAIN names no such file (see crates/moderation/README.md, Speed)"
        );
        return;
    };
    let differ = disagreements(&inputs);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Emoji sequences the style rule promises, including keycaps and presentation selectors.
const EMOJI: &[&str] = &[
    "😍",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇮🇷",
    "1\u{fe0f}\u{20e3}",
    "#\u{fe0f}\u{20e3}",
    "*\u{20e3}",
    "©\u{fe0f}",
    "®\u{fe0f}",
    "™\u{fe0f}",
    "‼\u{fe0f}",
    "▶\u{fe0f}",
    "⬅\u{fe0f}",
    "⬛",
    "◽",
    "☺",
    "★",
    "✓\u{fe0f}",
    "\u{fe0f}",
    "\u{20e3}",
    "🏴\u{e0067}\u{e0062}\u{e007f}",
    ":)",
    ":-(",
    ";)",
    "^_^",
    "<3",
    "=)",
    "xD",
    "XD",
    ":'(",
    "©",
    "®",
];

/// Digits of every script a review may use, and look-alikes of digits.
const DIGITS: &[&str] = &[
    "0912",
    "۰۹۱۲",
    "٠٩١٢",
    "０９１２",
    "१२३",
    "৪৫",
    "𝟘𝟙",
    "³",
    "½",
    "①",
    "345",
    "۳۴۵",
    "6789",
    "٦٧٨٩",
    "4111111111111111",
    "۶۰۳۷۹۹۱۲",
    "IR",
    "ir",
    "+",
    "+98",
    "0098",
    "1403",
];

/// Bidi controls, zero-width characters and kashida.
const INVISIBLE: &[&str] = &[
    "\u{202e}", "\u{202c}", "\u{2066}", "\u{2069}", "\u{200f}", "\u{200e}", "\u{061c}", "\u{200c}",
    "\u{200d}", "\u{200b}", "\u{feff}", "ـ", "\u{ad}",
];

/// Persian and Latin words and pieces the rules look for, and near-misses.
const WORDS: &[&str] = &[
    "خیلی",
    "خوب",
    "عالی",
    "shop",
    "dot",
    "com",
    " دات کام",
    "نقطه",
    "آی آر",
    "at",
    " ات ",
    "ات",
    "gmail",
    "جیمیل",
    "@",
    "t.me/",
    "www.",
    ".ir",
    "http://",
    "قیمتش",
    "چند",
    "چنده",
    "تومن",
    "هزار",
    "میلیون",
    "نه",
    "یه",
    "دیجی کالا",
    "دیجیکالا",
    "کسی",
    "میدونه",
    "آیا",
    "راهنمایی کنید",
    "آدرس مغازه",
    "پلاک",
    "خیابان",
    "ارسال",
    "دیر",
    "بد",
    "دوستان",
    "اینستا",
    "آیدی",
    "shop_98",
    "ي",
    "ك",
    "ة",
    "ااا",
    "یییی",
    "sh1t",
    "ا ح م ق",
    "احمق",
    "f***",
    "the",
    "kheili",
    "khoob",
    "Ａ",
    "ℌ",
    "ﬁ",
    "\u{fdfd}",
    "ﻻ",
    "ехаmрlе",
    "é",
    "e\u{301}",
];

/// Spaces, line breaks and punctuation.
const MARKS: &[&str] = &[
    " ", "  ", "\n", "\n\n\n", "\t", "\u{a0}", "\u{2028}", "\u{3000}", "\r\n", "(", ")", "[", "]",
    "{", "<", ".", "...", "!!", "؟؟", "?!", "،", " ،", "-", "/", "_", "*", ":",
];

fn tricky_text() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        prop::sample::select(EMOJI),
        prop::sample::select(DIGITS),
        prop::sample::select(INVISIBLE),
        prop::sample::select(WORDS),
        prop::sample::select(WORDS),
        prop::sample::select(MARKS),
        prop::sample::select(MARKS),
    ];
    prop::collection::vec(atom, 0..48).prop_map(|v| v.concat())
}

/// Every rule set: reviews, questions and answers, Persian and the other storefronts.
const SERVED: &[(Kind, &str)] = &[
    (Kind::Review, "fa"),
    (Kind::Question, "fa"),
    (Kind::Answer, "fa"),
    (Kind::Review, "en"),
    (Kind::Review, "fr"),
    (Kind::Question, "de"),
];

fn same_everywhere(title: Option<String>, body: String) -> Result<(), TestCaseError> {
    for &(kind, lang) in SERVED {
        let comment = Comment {
            kind,
            lang: lang.into(),
            title: title.clone(),
            body: body.clone(),
            product: Some("p".into()),
            ..Comment::default()
        };
        let (with, without) = both(&comment, &Default::default());
        prop_assert_eq!(with, without, "{:?}", comment);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_text_gives_the_same_results(
        title in prop::option::of(tricky_text()),
        body in tricky_text(),
    ) {
        same_everywhere(title, body)?;
    }

    #[test]
    fn any_text_gives_the_same_results(
        title in prop::option::of(any::<String>()),
        body in any::<String>(),
    ) {
        same_everywhere(title, body)?;
    }
}
