//! Where compliance evidence is looked for, and when a keyword counts.
//!
//! Evidence is read from the clauses a reader reads: each clause's heading and prose, tables of
//! contents left out (the policy model removes them from the prose), code blocks and front
//! matter never included. A keyword counts only with the polarity the requirement wants: "free
//! of charge" in "complaints are not free of charge" is a negated mention and does not show
//! that complaints are free, and a pattern written `~solely` is met only by a negated mention
//! ("not solely", "nicht ausschließlich", "صرفاً … نمی‌شوند").

use std::borrow::Borrow;

use regex::Regex;

use super::searchable;
use crate::prose::find_periods;
use davar_policy::model::{Clause, PolicyVersion};

/// The searchable text of every part of `version` a reader reads: the preamble, then each
/// clause as its heading and its prose (lowercased, digits as ASCII).
pub fn parts(version: &PolicyVersion) -> Vec<String> {
    version
        .preamble
        .iter()
        .chain(&version.clauses)
        .map(|c: &Clause| searchable(&format!("{}\n{}", c.heading, c.prose)))
        .collect()
}

/// Words that negate what follows them in the same clause of a sentence, per language.
fn negation_before(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(
            word,
            "not"
                | "no"
                | "never"
                | "cannot"
                | "can't"
                | "isn't"
                | "aren't"
                | "won't"
                | "don't"
                | "doesn't"
                | "neither"
                | "nor"
                | "without"
        ),
        "fr" => matches!(
            word,
            "pas" | "jamais" | "aucun" | "aucune" | "ni" | "non" | "nullement" | "sans"
        ),
        "de" => matches!(
            word,
            "nicht"
                | "kein"
                | "keine"
                | "keinen"
                | "keiner"
                | "keinem"
                | "keines"
                | "nie"
                | "niemals"
                | "weder"
                | "ohne"
        ),
        _ => false,
    }
}

/// Persian negates the verb, which ends the clause: a negated verb (`نمی‌شود`, `نیست`,
/// `نخواهد`) anywhere in the clause (up to a full stop or a Persian comma) negates it.
fn persian_negation(word: &str) -> bool {
    word.starts_with("نمی")
        || word.starts_with("نیست")
        || word.starts_with("نخواه")
        || word.starts_with("نشده")
        || matches!(word, "نه" | "هرگز" | "ندارد" | "ندارند")
}

/// How many words before a keyword a negation still applies to it.
const WINDOW: usize = 4;

/// The byte offset just past the last character of `text` that is a `boundary`, or 0.
fn after_last(text: &str, boundary: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|(_, c)| boundary(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether the mention of a keyword at `start..end` of `text` is negated.
pub fn negated(text: &str, lang: &str, start: usize, end: usize) -> bool {
    let boundary = |c: char| matches!(c, '.' | '!' | '?' | ';' | ':' | '\n' | '؛' | '،' | ',');
    if lang == "fa" {
        let from = after_last(&text[..start], |c| {
            matches!(c, '.' | '!' | '?' | '\n' | '؛' | '،')
        });
        let to = text[end..]
            .find(['.', '!', '?', '\n', '؛', '،'])
            .map_or(text.len(), |i| end + i);
        return text[from..start]
            .split(|c: char| !c.is_alphabetic() && c != '\u{200C}')
            .chain(text[end..to].split(|c: char| !c.is_alphabetic() && c != '\u{200C}'))
            .any(persian_negation);
    }
    let from = after_last(&text[..start], boundary);
    text[from..start]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .rev()
        .take(WINDOW)
        .any(|w| negation_before(lang, &w.replace('’', "'")))
}

/// Whether `pattern` is mentioned in `text` with the polarity it asks for: affirmed, or
/// negated when the pattern starts with `~`.
pub fn mentioned<R: Borrow<Regex>>(
    text: &str,
    lang: &str,
    pattern: &str,
    compile: impl Fn(&str) -> R,
) -> bool {
    let (want_negated, pattern) = match pattern.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    compile(pattern)
        .borrow()
        .find_iter(text)
        .any(|m| negated(text, lang, m.start(), m.end()) == want_negated)
}

/// Whether one part states a length of time of at least `min_days` and matches `topic`: a
/// notice period is stated where its subject is ("changes … at least fifteen (15) days"). The
/// length itself is not read for negation: "not less than 30 days" states 30 days.
pub fn period_about(parts: &[String], lang: &str, min_days: u32, topic: &Regex) -> bool {
    parts.iter().any(|text| {
        topic
            .find_iter(text)
            .any(|m| !negated(text, lang, m.start(), m.end()))
            && find_periods(text).iter().any(|p| p.days >= min_days)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(p: &str) -> Regex {
        Regex::new(p).unwrap()
    }

    #[test]
    fn negation_is_read_in_the_clause_of_the_sentence_before_the_keyword() {
        let text = "complaints are not free of charge.";
        let at = text.find("free").unwrap();
        assert!(negated(text, "en", at, at + 4));
        let text = "complaints, which are not anonymous, are free of charge.";
        let at = text.find("free").unwrap();
        assert!(!negated(text, "en", at, at + 4));
        assert!(mentioned(
            "les réclamations sont gratuites.",
            "fr",
            "gratuit",
            re
        ));
        assert!(!mentioned(
            "les réclamations ne sont pas gratuites.",
            "fr",
            "gratuit",
            re
        ));
        assert!(mentioned(
            "entscheidungen werden nicht ausschließlich automatisiert getroffen.",
            "de",
            "~ausschließlich",
            re
        ));
        assert!(!mentioned(
            "decisions are taken solely by automated means.",
            "en",
            "~solely",
            re
        ));
        assert!(mentioned(
            "decisions are not taken solely by automated means.",
            "en",
            "~solely",
            re
        ));
    }

    #[test]
    fn persian_negation_is_the_verb_of_the_clause() {
        let text =
            "ابزارهای خودکار شکایت‌ها را دسته‌بندی می‌کنند، اما هیچ تصمیمی صرفاً خودکار گرفته نمی‌شود.";
        assert!(mentioned(text, "fa", "خودکار", re));
        assert!(mentioned(text, "fa", "~صرفاً", re));
        let text = "تصمیم‌ها صرفاً به صورت خودکار گرفته نمی‌شوند.";
        assert!(mentioned(text, "fa", "~صرفاً", re));
        let text = "شکایت؛ ثبت شکایت رایگان نیست.";
        assert!(!mentioned(text, "fa", "رایگان", re));
        assert!(mentioned("ثبت شکایت رایگان است.", "fa", "رایگان", re));
    }

    #[test]
    fn a_notice_period_is_a_length_of_time_beside_its_subject() {
        let parts = vec![
            "modification des conditions\nle vendeur est informé au moins quinze (15) jours avant."
                .to_string(),
        ];
        assert!(period_about(&parts, "fr", 15, &re("modification")));
        assert!(!period_about(&parts, "fr", 30, &re("modification")));
        let parts = vec!["résiliation\nun préavis d'un (1) mois.".to_string()];
        assert!(period_about(&parts, "fr", 30, &re("résili")));
        let parts = vec!["résiliation\nun préavis de 30 (trente) jours.".to_string()];
        assert!(period_about(&parts, "fr", 30, &re("résili")));
        let parts = vec![
            "changes\nwe may change these terms.".to_string(),
            "returns\nwithin 30 days of delivery.".to_string(),
        ];
        assert!(!period_about(&parts, "en", 15, &re("chang")));
    }
}
