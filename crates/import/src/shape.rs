//! Shaping captured texts into versions: document ids, audience, language, `change`, and the
//! optional promotion of bold pseudo-headings.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use davar_policy::language::{self, Detected};
use davar_policy::{Audience, ChangeKind, plain_text};
use jiff::civil::Date;

use crate::{FEW_LETTERS, ImportedVersion, LanguageBasis, Options};

/// A document id from a service and a document type: `Boulanger` + `Marketplace Sellers
/// Conditions` -> `boulanger-marketplace-sellers-conditions` (lowercase ASCII, digits, `-`).
pub fn doc_id(service: &str, doc_type: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in format!("{service} {doc_type}").chars() {
        let folded = fold(c);
        if folded.is_empty() {
            dash = !out.is_empty();
            continue;
        }
        if dash {
            out.push('-');
            dash = false;
        }
        out.push_str(&folded);
    }
    if out.is_empty() {
        "document".into()
    } else {
        out
    }
}

/// A character as lowercase ASCII letters or digits; empty for anything else.
fn fold(c: char) -> String {
    if c.is_ascii_alphanumeric() {
        return c.to_ascii_lowercase().to_string();
    }
    let lower: String = c.to_lowercase().collect();
    match lower.as_str() {
        "à" | "á" | "â" | "ã" | "ä" | "å" | "ą" => "a",
        "ç" | "ć" | "č" => "c",
        "è" | "é" | "ê" | "ë" | "ę" | "ě" => "e",
        "ì" | "í" | "î" | "ï" => "i",
        "ñ" | "ń" | "ň" => "n",
        "ò" | "ó" | "ô" | "õ" | "ö" | "ø" | "ő" => "o",
        "ù" | "ú" | "û" | "ü" | "ů" | "ű" => "u",
        "ý" | "ÿ" => "y",
        "ł" => "l",
        "ś" | "š" => "s",
        "ź" | "ż" | "ž" => "z",
        "ř" => "r",
        "ß" => "ss",
        _ => "",
    }
    .to_string()
}

/// Who a document type addresses: business users for sellers' and developers' conditions,
/// commercial terms and complaint-handling policies; consumers otherwise.
pub fn audience_for(doc_type: &str) -> Vec<Audience> {
    let lower = doc_type.to_lowercase();
    let business = [
        "seller",
        "merchant",
        "commercial",
        "developer",
        "partner",
        "business",
        "vendor",
        "complaints",
    ];
    if business.iter().any(|w| lower.contains(w)) {
        vec![Audience::Sellers]
    } else {
        vec![Audience::Consumers]
    }
}

/// The body as written to the source: no byte-order mark, CRLF read as LF, accents composed
/// (NFC), bold pseudo-headings promoted when asked, and a final newline.
pub(crate) fn body(text: &str, options: &Options) -> String {
    // Composed (NFC) text, as `davar check` reads it: a capture that differs from the one
    // before only in decomposed accents is no change.
    let text = davar_policy::nfc(crate::text::strip_bom(text).replace("\r\n", "\n"));
    let mut body = if options.promote_bold_headings {
        promote_bold_headings(&text)
    } else {
        text
    };
    if !body.ends_with('\n') {
        body.push('\n');
    }
    body
}

/// The words of each body read (its plain text) and the language detected in them, for the
/// bodies a history repeats and the steps that read one body more than once. Bodies are found
/// by a fast hash of their text (foldhash): an archive's bodies run to tens of kilobytes.
#[derive(Default)]
pub(crate) struct PlainTexts(HashMap<String, Read, foldhash::fast::FixedState>);

/// What is read from one body.
struct Read {
    /// Its plain text.
    words: Rc<str>,
    /// The language detected in the plain text, once asked for.
    detected: Option<Option<Detected>>,
}

impl PlainTexts {
    fn read(&mut self, body: &str) -> &mut Read {
        if !self.0.contains_key(body) {
            let words = Rc::from(plain_text(body));
            self.0.insert(
                body.to_string(),
                Read {
                    words,
                    detected: None,
                },
            );
        }
        self.0.get_mut(body).expect("inserted above")
    }

    /// The plain text of `body`.
    pub(crate) fn of(&mut self, body: &str) -> &str {
        &self.read(body).words
    }

    /// The plain text of `body`, shared.
    fn words(&mut self, body: &str) -> Rc<str> {
        Rc::clone(&self.read(body).words)
    }

    /// The language of the plain text of `body` ([`language::detect`]).
    fn detect(&mut self, body: &str) -> Option<Detected> {
        let read = self.read(body);
        *read
            .detected
            .get_or_insert_with(|| language::detect(&read.words))
    }
}

/// Versions from `(body, date, origin, summary)` in order: `change` is `editorial` when the
/// words are those of the version before; a body without a letter or digit outside its markup
/// is no version and is left out.
pub(crate) fn versions(
    items: impl Iterator<Item = (String, Date, String, String)>,
    plain: &mut PlainTexts,
) -> Vec<ImportedVersion> {
    let mut out: Vec<ImportedVersion> = Vec::new();
    let mut previous: Option<Rc<str>> = None;
    for (body, date, origin, summary) in items {
        let words = plain.words(&body);
        if !crate::text::plain_has_text(&words) {
            continue;
        }
        let change = match &previous {
            Some(before) if Rc::ptr_eq(before, &words) || *before == words => ChangeKind::Editorial,
            _ => ChangeKind::Substantive,
        };
        let summary = if change == ChangeKind::Editorial {
            format!("{summary} Only formatting or links changed.")
        } else {
            summary
        };
        previous = Some(words);
        out.push(ImportedVersion {
            date,
            change,
            summary,
            origin,
            body,
        });
    }
    out
}

/// The language of a document and how it was decided from the bodies of its versions: the
/// one given, else the language most versions are written in; `und` with
/// [`LanguageBasis::Unknown`] when no version has enough text to tell, and
/// [`LanguageBasis::LittleText`] when the longest has fewer than [`FEW_LETTERS`] letters.
pub(crate) fn language<'a>(
    bodies: impl Iterator<Item = &'a str>,
    options: &Options,
    plain: &mut PlainTexts,
) -> (String, LanguageBasis) {
    if let Some(lang) = &options.lang {
        return (lang.clone(), LanguageBasis::Given);
    }
    let bodies: Vec<&str> = bodies.collect();
    let mut votes: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut letters = 0;
    // A handful of versions spread over the history is enough to vote.
    let step = (bodies.len() / 7).max(1);
    for body in bodies.iter().step_by(step) {
        let text = plain.of(body);
        letters = letters.max(text.chars().filter(|c| c.is_alphabetic()).count());
        if let Some(found) = plain.detect(body) {
            *votes.entry(found.lang).or_default() += 1;
        }
    }
    let Some((lang, _)) = votes
        .into_iter()
        .max_by_key(|(lang, n)| (*n, std::cmp::Reverse(*lang)))
    else {
        return ("und".into(), LanguageBasis::Unknown { letters });
    };
    let basis = if letters < FEW_LETTERS {
        LanguageBasis::LittleText { letters }
    } else {
        LanguageBasis::Detected
    };
    (lang.to_string(), basis)
}

/// Letters a capture needs before its language is trusted to differ from the document's.
const OTHER_LANGUAGE_LETTERS: usize = 100;

/// Confidence the detector needs before a capture is taken to be in another language.
const OTHER_LANGUAGE_CONFIDENCE: f64 = 0.5;

/// The language of `body` when it is clearly not `lang`: enough letters, a confident
/// detection and another code. `None` when it is `lang`, or when the text cannot tell.
pub(crate) fn other_language(
    body: &str,
    lang: &str,
    plain: &mut PlainTexts,
) -> Option<&'static str> {
    if lang == "und" {
        return None;
    }
    let letters = plain.of(body).chars().filter(|c| c.is_alphabetic());
    if letters.take(OTHER_LANGUAGE_LETTERS).count() < OTHER_LANGUAGE_LETTERS {
        return None;
    }
    let found = plain.detect(body)?;
    (found.lang != lang && found.confidence >= OTHER_LANGUAGE_CONFIDENCE).then_some(found.lang)
}

/// The first line of text of `body`, without Markdown markup, at most 80 characters.
pub(crate) fn opening(body: &str) -> String {
    let text = plain_text(body);
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphanumeric))
        .unwrap_or_default();
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// Turns paragraphs that consist only of bold text (`**Fees and payment**`, `__Fees__`) into
/// headings one level below the deepest heading the text already has (level 2 when it has
/// none). Fenced code is left alone.
pub fn promote_bold_headings(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut fenced = false;
    let mut deepest = 0;
    for line in &lines {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && t.starts_with('#') {
            let level = t.chars().take_while(|c| *c == '#').count();
            if level <= 6 && t[level..].starts_with(' ') {
                deepest = deepest.max(level);
            }
        }
    }
    let level = if deepest == 0 {
        2
    } else {
        (deepest + 1).min(6)
    };
    let mut out = String::with_capacity(text.len() + 64);
    fenced = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
        }
        let blank_before = i == 0 || lines[i - 1].trim().is_empty();
        let blank_after = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        match bold_only(t) {
            Some(inner) if !fenced && blank_before && blank_after => {
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(inner);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The text of a line that is one bold span and nothing else, when short enough for a title.
fn bold_only(line: &str) -> Option<&str> {
    let inner = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")))?
        .trim();
    let words = inner.split_whitespace().count();
    let plain = !inner.contains("**") && !inner.contains("__") && !inner.is_empty();
    (plain && words <= 15 && !inner.ends_with([',', ';'])).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_ascii() {
        assert_eq!(
            doc_id("Boulanger", "Marketplace Sellers Conditions"),
            "boulanger-marketplace-sellers-conditions"
        );
        assert_eq!(
            doc_id("123devis.com", "Terms of Service"),
            "123devis-com-terms-of-service"
        );
        assert_eq!(doc_id("Émile & Zoë", "CGV"), "emile-zoe-cgv");
    }

    #[test]
    fn bold_paragraphs_become_headings_below_the_deepest_level() {
        let text = "# Terms\n\n**Fees and payment**\n\nYou pay.\n\nSome **bold** words.\n\n**Not alone**\nnext line\n\n```\n**code**\n```\n";
        let out = promote_bold_headings(text);
        assert!(out.contains("\n## Fees and payment\n"), "{out}");
        assert!(out.contains("Some **bold** words."), "{out}");
        assert!(out.contains("**Not alone**\nnext line"), "{out}");
        assert!(out.contains("\n**code**\n"), "{out}");
    }

    #[test]
    fn change_is_editorial_when_only_formatting_changed() {
        let d = Date::constant(2024, 1, 1);
        let v = versions(
            [
                ("We **refund** you.\n", d, String::new(), String::new()),
                (
                    "We refund [you](https://x.example).\n",
                    d,
                    String::new(),
                    String::new(),
                ),
                ("We refund you twice.\n", d, String::new(), String::new()),
            ]
            .into_iter()
            .map(|(body, d, origin, summary)| (body.to_string(), d, origin, summary)),
            &mut PlainTexts::default(),
        );
        let kinds: Vec<ChangeKind> = v.iter().map(|v| v.change).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::Substantive,
                ChangeKind::Editorial,
                ChangeKind::Substantive
            ]
        );
    }
}
