//! `half-space`: a Persian verb written with its prefix `می`/`نمی` joined to the stem
//! (`میشود`, `نمیتوان`) instead of separated by a zero-width non-joiner (`می‌شود`).
//!
//! Only certain cases are reported: the rest of the word must be a known present stem with a
//! person ending (`شو` + `د`), so nouns that start with the same letters (`میز`, `میزان`,
//! `میدان`, `میلیون`) are never taken for verbs. Plural suffixes (`ها`) are not judged: too
//! many words end in those letters.

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::{Diagnostic, line_col};
use crate::model::PolicySet;

/// Present stems that follow `می` in policy prose.
/// (`دان` is left out: `میدانی` is also the adjective "field".)
const STEMS: &[&str] = &[
    "شو",
    "کن",
    "ده",
    "باش",
    "گیر",
    "آی",
    "آور",
    "رو",
    "خواه",
    "گذار",
    "دار",
    "یاب",
    "رس",
    "ساز",
    "نما",
    "پذیر",
    "فرست",
    "بین",
    "گوی",
    "گو",
    "نویس",
    "پرداز",
    "توان",
    "بر",
    "خر",
    "فروش",
    "گرد",
    "مان",
    "پوش",
    "شناس",
    "کوش",
    "خوان",
    "افت",
    "افزا",
    "بخش",
];

/// Person endings of the present tense.
const ENDINGS: &[&str] = &["م", "ی", "د", "یم", "ید", "ند"];

/// Whether `word` is `می`/`نمی` glued to a known stem and a person ending; returns the prefix
/// length in bytes.
fn glued_prefix(word: &str) -> Option<usize> {
    let prefix = ["نمی", "می"].into_iter().find(|p| word.starts_with(p))?;
    let rest = &word[prefix.len()..];
    let certain = STEMS.iter().any(|stem| {
        rest.strip_prefix(stem).is_some_and(|ending| {
            ENDINGS.contains(&ending) || (ending.is_empty() && *stem == "توان")
        })
    });
    certain.then_some(prefix.len())
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        if v.lang != "fa" {
            continue;
        }
        let body = v.body();
        let offset = v.source.len() - body.len();
        let mut at = 0;
        for word in body.split_inclusive(|c: char| !is_persian_letter(c)) {
            let start = at;
            at += word.len();
            let word = word.trim_end_matches(|c: char| !is_persian_letter(c));
            let Some(prefix) = glued_prefix(word) else {
                continue;
            };
            let (line, column) = line_col(&v.source, offset + start);
            let fixed = format!("{}\u{200C}{}", &word[..prefix], &word[prefix..]);
            out.push(
                Diagnostic::warning(
                    codes::HALF_SPACE,
                    &v.path,
                    line,
                    column,
                    format!("`{word}` needs a half-space (zero-width non-joiner) after `{}`: `{fixed}`", &word[..prefix]),
                )
                .with_width(word.chars().count())
                .with_help("type the half-space with Shift+Space (or insert U+200C) between the prefix and the verb"),
            );
        }
    }
    out
}

fn is_persian_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c) || matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_prefix_glued_to_a_known_stem_is_reported() {
        for word in ["میشود", "میکنیم", "نمیتوان", "میدهند", "میباشد"]
        {
            assert!(glued_prefix(word).is_some(), "{word}");
        }
        for word in [
            "میز",
            "میزان",
            "میدان",
            "میلیون",
            "میان",
            "میوه",
            "شود",
            "می",
        ] {
            assert!(glued_prefix(word).is_none(), "{word}");
        }
    }
}
