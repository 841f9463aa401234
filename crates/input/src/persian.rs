//! Persian words written apart where Persian writes a zero-width non-joiner (U+200C,
//! نیم‌فاصله) between a word and its prefix or suffix: `می کنم`, `نمی توانید`, `دکمه ها`,
//! `مدل های`, `بزرگ تر`, `کرده اند`, `حرفه ای`.
//!
//! As virastar and hazm do, only a space the author typed is judged here, never letters
//! written together: the verb prefixes `می`/`نمی` before a word; the plural and comparative
//! suffixes after a word of at least two letters; and after a word ending in `ه`, the endings
//! `ام`, `ای`, `ایم`, `اید`, `اند`, `اش`, `ات` and the linking `ی`. Function words (`که`, `نه`,
//! `چه`, `این`, `از` ...) are never joined, `تری` is left alone (`آی تری` is "i3"), and the
//! laughter `ها ها` is not a plural, nor is `ای کاش` an ending. `تر` after a noun (a word of
//! `data/nouns.fa.txt`: `حوله تر`, `پارچه تر`, `لباس تر`) is the adjective "wet", unless the
//! word before the noun makes an adjective of it (`با کیفیت تر`) or is a degree word (`خیلی
//! شکیل تر`: nothing is "very towel"). Used by the moderation rule
//! `style/half-space` and the policy check `half-space`.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Verb prefixes joined to the word after them.
pub const PREFIXES: &[&str] = &["می", "نمی"];

/// Suffixes joined to the word before them: plurals (with possessive endings) and comparatives.
pub const SUFFIXES: &[&str] = &[
    "ها",
    "های",
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "هایمان",
    "هایتان",
    "هایشان",
    "تر",
    "ترین",
];

/// Endings joined to a word that ends in `ه` (`خسته ام`, `حرفه ای`, `اندازه ی`).
pub const AFTER_HEH: &[&str] = &["ام", "ای", "ایم", "اید", "اند", "اش", "ات", "ی"];

/// Words never joined to an affix.
pub const FUNCTION_WORDS: &[&str] = &[
    "که", "نه", "چه", "به", "با", "از", "در", "را", "رو", "و", "یا", "تا", "هم", "همه", "ها",
    "های", "می", "نمی", "هر", "چند",
];

/// A word of Arabic-script letters only (U+0620 to U+06D3: no digits, marks or joiners).
pub fn is_persian_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| ('\u{0620}'..='\u{06D3}').contains(&c))
}

/// Nouns, after which `تر` is the adjective "wet" (`حوله تر`, `پارچه تر`), not the comparative
/// ending, which needs an adjective (`ساده تر`); from the part-of-speech model of parsivar and
/// the lexicon of hazm, written by `scripts/persian-nouns.py`: the words whose own weights in
/// the model lean to a noun, and the lexicon's nouns the model learned nothing about whose
/// letters lean to one (`حوله`, `دستمال`). Words it leaves out keep the comparative reading.
static NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/nouns.fa.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Words written apart before a noun that make an adjective of it (`با کیفیت`, `پر رنگ`,
/// `کم حجم`): the comparative ending may follow that noun (`با کیفیت تر`).
pub const ADJECTIVE_MAKERS: &[&str] = &["با", "بی", "پر", "کم", "خوش", "بد"];

/// Degree words before a word that make it an adjective being compared (`خیلی شکیل تر`, `کمی
/// زبر تر`, `ده برابر لوکس تر`): the comparative ending may follow a word of the noun list.
pub const DEGREE_WORDS: &[&str] = &[
    "خیلی",
    "بسیار",
    "کمی",
    "یکم",
    "یکمی",
    "قدری",
    "اندکی",
    "کاملا",
    "کاملاً",
    "نسبتا",
    "نسبتاً",
    "برابر",
    "مراتب",
    "بمراتب",
];

/// Whether `word` is a noun of the list (`پارچه`, `لباس`), not an adjective.
pub fn is_noun(word: &str) -> bool {
    NOUNS.contains(word)
}

/// Whether the words `a` and `b`, written apart with a space, are one word that takes a
/// half-space between them; `before_a` is the word before `a` and `after_b` the word after
/// `b`, if any.
pub fn joined_by_half_space(
    before_a: Option<&str>,
    a: &str,
    b: &str,
    after_b: Option<&str>,
) -> bool {
    if !is_persian_word(a) || !is_persian_word(b) {
        return false;
    }
    if PREFIXES.contains(&a) {
        return b.chars().count() >= 2 && !FUNCTION_WORDS.contains(&b);
    }
    if FUNCTION_WORDS.contains(&a) || a.chars().count() < 2 {
        return false;
    }
    if SUFFIXES.contains(&b) {
        // `ها ها ها` is laughter.
        let laughter = b == "ها" && after_b == Some("ها");
        // `پارچه تر` is "wet cloth": the comparative needs an adjective, or a noun made one
        // by the word before it (`با کیفیت تر`, `خیلی شکیل تر`).
        let wet = b == "تر"
            && is_noun(a)
            && !before_a
                .is_some_and(|w| ADJECTIVE_MAKERS.contains(&w) || DEGREE_WORDS.contains(&w));
        return !laughter && !wet;
    }
    // `ای کاش` is the interjection "if only", not an ending.
    a.ends_with('ه') && AFTER_HEH.contains(&b) && !(b == "ای" && after_b == Some("کاش"))
}

#[cfg(test)]
mod tests {
    use super::joined_by_half_space;

    fn joins(a: &str, b: &str, after_b: Option<&str>) -> bool {
        joined_by_half_space(None, a, b, after_b)
    }

    #[test]
    fn tar_after_a_noun_is_wet_and_after_an_adjective_is_the_comparative() {
        assert!(!joins("پارچه", "تر", Some("ممکن")));
        assert!(!joins("لباس", "تر", None));
        assert!(joins("ساده", "تر", None));
        assert!(joins("بزرگ", "تر", None));
        // A noun made an adjective by the word before it.
        assert!(joined_by_half_space(Some("با"), "کیفیت", "تر", None));
        assert!(!joined_by_half_space(Some("این"), "کیفیت", "تر", None));
        // The superlative has no such reading.
        assert!(joins("کیفیت", "ترین", None));
    }

    #[test]
    fn tar_after_a_noun_the_model_learned_nothing_about_is_wet_unless_a_degree_word_leads() {
        // Nouns read from their letters and the lexicon: "wet towel", "wet napkin".
        for noun in ["حوله", "دستمال", "جوراب", "ملحفه"] {
            assert!(!joins(noun, "تر", None), "{noun}");
        }
        // Adjectives that a part makes one (`خوش`, `با`, `دار`), and colloquial ones the
        // lexicon does not count, keep the comparative.
        for adjective in ["خوشگل", "باکیفیت", "جادار", "ارزون", "گرون", "کوچیک"]
        {
            assert!(joins(adjective, "تر", None), "{adjective}");
        }
        // A degree word before a word of the noun list makes it an adjective compared.
        assert!(joined_by_half_space(Some("خیلی"), "شکیل", "تر", None));
        assert!(!joined_by_half_space(Some("این"), "شکیل", "تر", None));
        assert!(joined_by_half_space(Some("برابر"), "لوکس", "تر", None));
    }

    #[test]
    fn affixes_join_and_ordinary_words_do_not() {
        assert!(joins("می", "کنم", None));
        assert!(joins("نمی", "توانید", None));
        assert!(joins("دکمه", "ها", Some("سفت")));
        assert!(joins("شده", "اند", None));
        assert!(joins("حرفه", "ای", None));
        assert!(!joins("می", "و", None));
        assert!(!joins("که", "ای", None));
        assert!(!joins("آی", "تری", None));
        assert!(!joins("خندیدم", "ها", Some("ها")));
        assert!(!joins("کتاب", "ام", None));
        assert!(!joins("book", "ها", None));
        assert!(!joins("البته", "ای", Some("کاش")));
    }
}
