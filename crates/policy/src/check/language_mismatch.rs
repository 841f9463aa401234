//! `language-mismatch`: a version whose text is written in another language than its `lang:`
//! says (a French page that is entirely English).
//!
//! The text readers read (headings and prose, tables of contents and code left out) is cut
//! into its first, middle and last stretches; the version is reported only when every stretch
//! long enough to tell is detected, with confidence, as one and the same other language. Short
//! texts, bilingual pages and a few quoted foreign words are not reported.
//!
//! A version translated only in part is judged clause by clause: clauses long enough to tell
//! ([`MIN_CLAUSE_LETTERS`]) that are written, with confidence, in another of the site's
//! languages are reported together, once per version. A clause quoting a language the site
//! does not publish in (a law's text, an address abroad) is not.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::language::{Detected, detect};
use crate::model::{PolicySet, PolicyVersion};

/// Fewest letters a version needs before its language is judged.
const MIN_LETTERS: usize = 400;
/// Fewest letters a stretch needs to take part in the vote.
const MIN_STRETCH_LETTERS: usize = 120;
/// Lowest detection confidence that counts.
const MIN_CONFIDENCE: f64 = 0.5;
/// Fewest letters a clause needs before its language is judged on its own.
const MIN_CLAUSE_LETTERS: usize = 250;
/// Lowest confidence for a clause judged on its own.
const MIN_CLAUSE_CONFIDENCE: f64 = 0.9;
/// Characters per stretch.
const STRETCH_CHARS: usize = 1500;

/// The text a reader reads, clause by clause.
fn readable(v: &PolicyVersion) -> String {
    v.preamble
        .iter()
        .chain(&v.clauses)
        .map(|c| format!("{}\n{}\n", c.heading, c.prose))
        .collect()
}

/// Detections of the stretches already judged. Consecutive versions mostly share their first,
/// middle and last stretches: each distinct stretch is detected once per check.
type Memo = HashMap<String, Option<Detected>>;

/// The language every long-enough stretch of `text` is written in, when they agree.
fn written_in(text: &str, memo: &mut Memo) -> Option<&'static str> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let total = chars.len();
    let starts = [
        0,
        (total / 2).saturating_sub(STRETCH_CHARS / 2),
        total.saturating_sub(STRETCH_CHARS),
    ];
    let mut agreed: Option<&'static str> = None;
    for start in starts {
        let stretch: String = chars[start..(start + STRETCH_CHARS).min(total)]
            .iter()
            .collect();
        if stretch.chars().filter(|c| c.is_alphabetic()).count() < MIN_STRETCH_LETTERS {
            continue;
        }
        let found = (*memo.entry(stretch).or_insert_with_key(|s| detect(s)))?;
        if found.confidence < MIN_CONFIDENCE || agreed.is_some_and(|l| l != found.lang) {
            return None;
        }
        agreed = Some(found.lang);
    }
    agreed
}

/// The clauses of `v` written in another of `languages` than `v.lang`: (heading, line, language).
/// None when the site publishes in no other language (no clause is detected then).
fn foreign_clauses<'a>(
    v: &'a PolicyVersion,
    languages: &[String],
    memo: &mut Memo,
) -> Vec<(&'a str, usize, &'static str)> {
    if languages.iter().all(|l| *l == v.lang) {
        return Vec::new();
    }
    v.preamble
        .iter()
        .chain(&v.clauses)
        .filter_map(|c| {
            let text = format!("{}\n{}", c.heading, c.prose);
            if text.chars().filter(|ch| ch.is_alphabetic()).count() < MIN_CLAUSE_LETTERS {
                return None;
            }
            let found = (*memo.entry(text).or_insert_with_key(|t| detect(t)))?;
            (found.lang != v.lang
                && found.confidence >= MIN_CLAUSE_CONFIDENCE
                && languages.iter().any(|l| l == found.lang))
            .then_some((c.heading.as_str(), c.line, found.lang))
        })
        .collect()
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut memo = Memo::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let whole = written_in(&readable(v), &mut memo).filter(|found| *found != v.lang);
        let Some(found) = whole else {
            let foreign = foreign_clauses(v, &set.site.languages, &mut memo);
            if let Some((heading, line, lang)) = foreign.first() {
                let total = usize::from(v.preamble.is_some()) + v.clauses.len();
                out.push(
                    Diagnostic::warning(
                        codes::LANGUAGE_MISMATCH,
                        &v.path,
                        *line,
                        1,
                        format!(
                            "{} of {total} clause(s) of this `lang: {}` version are written in `{lang}`, the first `{heading}`",
                            foreign.len(),
                            v.lang
                        ),
                    )
                    .with_help(format!("translate the rest of the version into `{}`", v.lang)),
                );
            }
            continue;
        };
        let (line, column) = v.value_position("lang");
        out.push(
            Diagnostic::warning(
                codes::LANGUAGE_MISMATCH,
                &v.path,
                line,
                column,
                format!(
                    "this version is declared `lang: {}` but its text is written in `{found}`",
                    v.lang
                ),
            )
            .with_width(v.lang.chars().count())
            .with_help(format!(
                "put the `{}` text here, or move this text to the `{found}` file of the version",
                v.lang
            )),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_judged_by_all_its_stretches() {
        let en = "The seller must answer every complaint within five working days and keep a record of the answer for the whole year. ".repeat(20);
        let fr = "Le vendeur doit répondre à chaque réclamation dans un délai de cinq jours ouvrables et en garder une trace. ".repeat(20);
        let memo = &mut Memo::new();
        assert_eq!(written_in(&en, memo), Some("en"));
        assert_eq!(written_in(&fr, memo), Some("fr"));
        // Half French, half English: no single language, though its first stretch was
        // judged French before.
        assert_eq!(written_in(&format!("{fr}{en}"), memo), None);
        assert_eq!(written_in(&format!("{fr}{en}"), &mut Memo::new()), None);
        // Too short to judge.
        assert_eq!(
            written_in("The seller must answer every complaint.", memo),
            None
        );
    }
}
