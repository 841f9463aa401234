//! The ordinary words of English, French, German and Persian: a capitalised word after a cue that is
//! one of them (`At Christmas, we…`, `Welcome to Returns!`, `Bienvenue sur Mon Compte`, `Bei
//! Fragen helfen wir…`) is not a company's name, while a brand left over from another site's
//! terms (`Bei Nordwind legen wir…`, `Chez Boutiquelune, nous…`) is not among them.
//!
//! The lists (crates/policy/data/common-words.{en,fr,de,fa}.txt) are the words wordfreq finds
//! about once in a million words or more, written by scripts/policy-common-words.py. German writes
//! its nouns with a capital and joins them (`Rücksendungen`, `Lieferverzögerungen`): there a
//! word is also ordinary when it ends in a suffix that makes nouns (`-ung`, `-ion`, `-heit`…),
//! when it is a listed word with an inflection ending (`Gutscheinen`), or when it is a compound
//! whose last part, of five letters or more, is one (`Zahlungsverzug`: `verzug`).

use std::sync::LazyLock;

type Words = foldhash::HashSet<&'static str>;

fn words(text: &'static str) -> Words {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

static EN: LazyLock<Words> =
    LazyLock::new(|| words(include_str!("../../../data/common-words.en.txt")));
static FR: LazyLock<Words> =
    LazyLock::new(|| words(include_str!("../../../data/common-words.fr.txt")));
static DE: LazyLock<Words> =
    LazyLock::new(|| words(include_str!("../../../data/common-words.de.txt")));
static FA: LazyLock<Words> =
    LazyLock::new(|| words(include_str!("../../../data/common-words.fa.txt")));

/// Endings of German nouns made from verbs and adjectives, singular and plural.
const DE_NOUN_SUFFIXES: &[&str] = &[
    "ung", "ungen", "ion", "ionen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
    "tät", "täten", "nahme", "nahmen",
];

/// Inflection endings of German nouns (`Gutscheinen`, `Feiertagen`, `Kunden`).
const DE_INFLECTIONS: &[&str] = &["en", "n", "e", "s", "es", "er", "ern"];

/// Whether `word` (as written) is an ordinary word of `lang` (`en`, `fr`, `de`, `fa`; no
/// other language has a list, and no word of one is). Persian is read with its own `ی` and `ک`
/// for the Arabic letters written for them (`ي`, `ك`).
pub(super) fn ordinary(lang: &str, word: &str) -> bool {
    let lower = word.replace('’', "'").to_lowercase();
    match lang {
        "en" => EN.contains(lower.as_str()),
        "fr" => FR.contains(lower.as_str()),
        "de" => {
            // A word with a capital inside (`MediaMarkt`) or a digit is a name's spelling.
            word.chars()
                .skip(1)
                .all(|c| !c.is_uppercase() && !c.is_numeric())
                && german_noun(&lower)
        }
        "fa" => FA.contains(
            lower
                .chars()
                .map(crate::text::persian_letter)
                .collect::<String>()
                .as_str(),
        ),
        _ => false,
    }
}

fn german_noun(lower: &str) -> bool {
    let listed = |w: &str| {
        DE.contains(w)
            || DE_INFLECTIONS.iter().any(|end| {
                w.strip_suffix(end)
                    .is_some_and(|stem| stem.chars().count() >= 3 && DE.contains(stem))
            })
    };
    if listed(lower) {
        return true;
    }
    let letters = lower.chars().count();
    if letters >= 6 && DE_NOUN_SUFFIXES.iter().any(|end| lower.ends_with(end)) {
        return true;
    }
    // A compound: a head of three letters or more and a listed last part of five or more.
    lower
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| {
            let head = lower[..i].chars().count();
            head >= 3 && letters - head >= 5
        })
        .any(|i| listed(&lower[i..]))
}

#[cfg(test)]
mod tests {
    use super::ordinary;

    #[test]
    fn ordinary_words_and_brands() {
        for (lang, word) in [
            ("en", "Christmas"),
            ("en", "Returns"),
            ("fr", "Compte"),
            ("fr", "Espace"),
            ("de", "Fragen"),
            ("de", "Rücksendungen"),
            ("de", "Lieferverzögerungen"),
            ("de", "Gutscheinen"),
            ("de", "Zahlungsverzug"),
            ("fa", "تابستان"),
            ("fa", "ارسال"),
        ] {
            assert!(ordinary(lang, word), "{lang} {word}");
        }
        for (lang, word) in [
            ("en", "Lindqvar"),
            ("fr", "Boutiquelune"),
            ("de", "Nordwind"),
            ("de", "Kaufhaus24"),
            ("de", "MediaMarkt"),
            ("fa", "Christmas"),
            ("fa", "نارنجستان"),
        ] {
            assert!(!ordinary(lang, word), "{lang} {word}");
        }
    }
}
