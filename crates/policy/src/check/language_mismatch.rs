//! `language-mismatch`: a version whose text is written in another language than its `lang:`
//! says (a French page that is entirely English).
//!
//! The text readers read (headings and prose, tables of contents and code left out) is cut
//! into its first, middle and last stretches; the version is reported only when every stretch
//! long enough to tell is detected, with confidence, as one and the same other language (a
//! short version, of about 40 to 90 words, with high confidence). A version almost all of whose
//! letters are in another script than its language's is reported without a language model.
//! Shorter texts, bilingual pages and a few quoted foreign words are not reported.
//!
//! A version translated only in part is judged clause by clause: clauses long enough to tell
//! ([`MIN_CLAUSE_LETTERS`]) that are written, with confidence, in another of the site's
//! languages are reported together, once per version, with the shorter clauses beside them
//! ([`MIN_NEIGHBOUR_LETTERS`]) in the same language. A clause quoting a language the site
//! does not publish in (a law's text, an address abroad) is not. Blockquotes, like code, are
//! quotations (a licence reproduced in its own language): they are left out of the text judged.

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::language::{Detected, detect};
use crate::model::{PolicySet, PolicyVersion};

/// Fewest letters a version needs before its language is judged (about 40 words).
const MIN_LETTERS: usize = 180;
/// Below this many letters a version is short: its single stretch must be detected with
/// [`MIN_SHORT_CONFIDENCE`].
const SHORT_LETTERS: usize = 400;
/// Lowest detection confidence that counts for a short version.
const MIN_SHORT_CONFIDENCE: f64 = 0.9;
/// Fewest letters a version needs before its script is judged.
const MIN_SCRIPT_LETTERS: usize = 100;
/// Share of a version's letters that must be in one script for the version to be written in
/// it.
const SCRIPT_SHARE: f64 = 0.9;
/// Fewest letters a stretch needs to take part in the vote.
const MIN_STRETCH_LETTERS: usize = 120;
/// Lowest detection confidence that counts.
const MIN_CONFIDENCE: f64 = 0.5;
/// Fewest letters a clause needs before its language is judged on its own.
const MIN_CLAUSE_LETTERS: usize = 250;
/// Fewest letters a clause needs to be judged beside a clause in the same other language.
const MIN_NEIGHBOUR_LETTERS: usize = 100;
/// Lowest confidence for a clause judged on its own.
const MIN_CLAUSE_CONFIDENCE: f64 = 0.9;
/// Characters per stretch.
const STRETCH_CHARS: usize = 1500;

/// The text a reader reads, clause by clause, quotations left out.
fn readable(v: &PolicyVersion, quotes: &[String]) -> String {
    let mut text = String::new();
    for c in v.preamble.iter().chain(&v.clauses) {
        text.push_str(&c.heading);
        text.push('\n');
        text.push_str(&unquoted(&c.prose, quotes));
        text.push('\n');
    }
    text
}

/// The paragraphs of the blockquotes of `v`, their words joined by single spaces: quotations
/// (a licence reproduced in its own language, introduced in the version's) are not text
/// written in the version's language.
fn quotations(v: &PolicyVersion) -> Vec<String> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let body = v.body();
    if !body.contains('>') {
        return Vec::new();
    }
    let mut quotes = Vec::new();
    let mut depth = 0usize;
    let mut paragraph = String::new();
    for event in pulldown_cmark::Parser::new_ext(body, crate::markdown::options()) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if depth > 0 => paragraph.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => paragraph.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) if depth > 0 => {
                let words = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
                if !words.is_empty() {
                    quotes.push(words);
                }
                paragraph.clear();
            }
            _ => {}
        }
    }
    quotes
}

/// `prose` without the `quotes` it holds, its words joined by single spaces when it held one.
fn unquoted(prose: &str, quotes: &[String]) -> String {
    if quotes.is_empty() {
        return prose.to_string();
    }
    let mut text = prose.split_whitespace().collect::<Vec<_>>().join(" ");
    for quote in quotes {
        if text.contains(quote.as_str()) {
            text = text.replace(quote.as_str(), " ");
        }
    }
    text
}

/// The characters and letters of a text, counted in one pass: all letters and those of each
/// script the script test tells apart.
#[derive(Debug, Clone, Copy, Default)]
struct Letters {
    chars: usize,
    all: usize,
    latin: usize,
    arabic: usize,
}

impl Letters {
    fn of(text: &str) -> Letters {
        let mut count = Letters::default();
        // ASCII bytes are counted without decoding; the rest character by character.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let ascii = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
            let letters = bytes[i..i + ascii]
                .iter()
                .filter(|b| b.is_ascii_alphabetic())
                .count();
            count.chars += ascii;
            count.all += letters;
            count.latin += letters;
            i += ascii;
            let rest = bytes[i..]
                .iter()
                .position(|b| b.is_ascii())
                .map_or(bytes.len(), |n| i + n);
            count.add_chars(&text[i..rest]);
            i = rest;
        }
        count
    }

    /// Counts the characters of `text`.
    fn add_chars(&mut self, text: &str) {
        let count = self;
        for c in text.chars() {
            count.chars += 1;
            if !c.is_alphabetic() {
                continue;
            }
            count.all += 1;
            match Script::of_letter(c) {
                Some(Script::Latin) => count.latin += 1,
                Some(Script::Arabic) => count.arabic += 1,
                None => {}
            }
        }
    }

    fn in_script(&self, script: Script) -> usize {
        match script {
            Script::Latin => self.latin,
            Script::Arabic => self.arabic,
        }
    }
}

/// The byte offsets in `text` of the characters at `indices` (ascending character indices;
/// an index at or past the end gives the text's length).
fn byte_offsets<const N: usize>(text: &str, indices: [usize; N]) -> [usize; N] {
    let mut out = [text.len(); N];
    let mut next = 0;
    for (i, (at, _)) in text.char_indices().enumerate() {
        while next < N && indices[next] == i {
            out[next] = at;
            next += 1;
        }
        if next == N {
            break;
        }
    }
    out
}

/// Detections of the stretches already judged. Consecutive versions mostly share their first,
/// middle and last stretches: each distinct stretch is detected once per check.
type Memo = foldhash::HashMap<String, Option<Detected>>;

/// The language every long-enough stretch of `text` is written in, when they agree.
#[cfg(test)]
fn written_in(text: &str, memo: &mut Memo) -> Option<&'static str> {
    written_in_counted(text, &Letters::of(text), memo, "")
}

/// [`written_in`] of a text whose letters are counted, when it is not `declared`: once a
/// stretch is detected as `declared`, the stretches cannot agree on another language, and the
/// rest are not detected.
fn written_in_counted(
    text: &str,
    counted: &Letters,
    memo: &mut Memo,
    declared: &str,
) -> Option<&'static str> {
    let letters = counted.all;
    if letters < MIN_LETTERS {
        return None;
    }
    let total = counted.chars;
    let starts = [
        0,
        (total / 2).saturating_sub(STRETCH_CHARS / 2),
        total.saturating_sub(STRETCH_CHARS),
    ];
    // Character indices of each stretch's start and end, ascending, as byte offsets.
    let mut bounds = [0usize; 6];
    for (k, start) in starts.into_iter().enumerate() {
        bounds[2 * k] = start;
        bounds[2 * k + 1] = (start + STRETCH_CHARS).min(total);
    }
    let mut order = [0usize, 1, 2, 3, 4, 5];
    order.sort_by_key(|&k| bounds[k]);
    let sorted = byte_offsets(text, order.map(|k| bounds[k]));
    let mut at = [0usize; 6];
    for (slot, k) in order.into_iter().enumerate() {
        at[k] = sorted[slot];
    }
    let mut agreed: Option<&'static str> = None;
    for k in 0..starts.len() {
        let stretch = &text[at[2 * k]..at[2 * k + 1]];
        if stretch.chars().filter(|c| c.is_alphabetic()).count() < MIN_STRETCH_LETTERS {
            continue;
        }
        let found = match memo.get(stretch) {
            Some(found) => *found,
            None => {
                let found = detect(stretch);
                memo.insert(stretch.to_string(), found);
                found
            }
        }?;
        if found.lang == declared {
            return None;
        }
        let needed = if letters < SHORT_LETTERS {
            MIN_SHORT_CONFIDENCE
        } else {
            MIN_CONFIDENCE
        };
        if found.confidence < needed || agreed.is_some_and(|l| l != found.lang) {
            return None;
        }
        agreed = Some(found.lang);
    }
    agreed
}

/// The writing systems the script test tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
}

impl Script {
    /// The script of a letter (`c.is_alphabetic()`), when the test knows it.
    fn of_letter(c: char) -> Option<Script> {
        if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            Some(Script::Latin)
        } else if ('\u{0600}'..='\u{06FF}').contains(&c)
            || ('\u{0750}'..='\u{077F}').contains(&c)
            || ('\u{FB50}'..='\u{FDFF}').contains(&c)
            || ('\u{FE70}'..='\u{FEFF}').contains(&c)
        {
            Some(Script::Arabic)
        } else {
            None
        }
    }

    /// The script a policy language is written in, for the languages the test knows.
    fn of_lang(lang: &str) -> Option<Script> {
        match lang {
            "fa" | "ar" | "ur" | "ps" | "ckb" => Some(Script::Arabic),
            "en" | "fr" | "de" | "es" | "it" | "pt" | "nl" | "pl" | "cs" | "sk" | "hu" | "ro"
            | "sv" | "da" | "no" | "nb" | "fi" | "et" | "lv" | "lt" | "sl" | "hr" | "tr" | "ca"
            | "ga" | "mt" | "is" => Some(Script::Latin),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Arabic => "Arabic",
        }
    }
}

/// The script almost all letters of `text` are written in, when it is not the one `lang` is
/// written in: Latin text in a Persian file needs no language model to tell.
#[cfg(test)]
fn foreign_script(text: &str, lang: &str) -> Option<Script> {
    foreign_script_counted(&Letters::of(text), lang)
}

/// [`foreign_script`] of a text whose letters are counted.
fn foreign_script_counted(counted: &Letters, lang: &str) -> Option<Script> {
    let declared = Script::of_lang(lang)?;
    let letters = counted.all;
    if letters < MIN_SCRIPT_LETTERS {
        return None;
    }
    [Script::Latin, Script::Arabic]
        .into_iter()
        .filter(|s| *s != declared)
        .find(|s| counted.in_script(*s) as f64 >= SCRIPT_SHARE * letters as f64)
}

/// The clauses of `v` written in another of `languages` than `v.lang`: (index among the
/// preamble and the clauses, language). None when the site publishes in no other language (no
/// clause is detected then).
fn foreign_clauses(
    v: &PolicyVersion,
    quotes: &[String],
    languages: &[String],
    memo: &mut Memo,
) -> Vec<(usize, &'static str)> {
    if languages.iter().all(|l| *l == v.lang) {
        return Vec::new();
    }
    let clauses: Vec<(String, usize)> = v
        .preamble
        .iter()
        .chain(&v.clauses)
        .map(|c| {
            let text = format!("{}\n{}", c.heading, unquoted(&c.prose, quotes));
            let letters = text.chars().filter(|ch| ch.is_alphabetic()).count();
            (text, letters)
        })
        .collect();
    let mut judged = |text: &str, min: usize| {
        let found = (*memo
            .entry(text.to_string())
            .or_insert_with_key(|t| detect(t)))?;
        (found.lang != v.lang
            && found.confidence >= MIN_CLAUSE_CONFIDENCE
            && languages.iter().any(|l| l == found.lang)
            && text.chars().filter(|ch| ch.is_alphabetic()).count() >= min)
            .then_some(found.lang)
    };
    let long: Vec<Option<&'static str>> = clauses
        .iter()
        .map(|(text, letters)| {
            (*letters >= MIN_CLAUSE_LETTERS)
                .then(|| judged(text, MIN_CLAUSE_LETTERS))
                .flatten()
        })
        .collect();
    // A shorter clause next to a foreign one counts when it is in the same language with the
    // same confidence: an appended translation's short clauses belong to it.
    (0..clauses.len())
        .filter_map(|i| {
            if let Some(lang) = long[i] {
                return Some((i, lang));
            }
            let (text, letters) = &clauses[i];
            if *letters >= MIN_CLAUSE_LETTERS || *letters < MIN_NEIGHBOUR_LETTERS {
                return None;
            }
            let beside = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| long.get(j).copied().flatten())
                .collect::<Vec<_>>();
            let lang = judged(text, MIN_NEIGHBOUR_LETTERS)?;
            beside.contains(&lang).then_some((i, lang))
        })
        .collect()
}

/// What a version is written in, when it is not its `lang`.
#[derive(Debug, Clone)]
enum Verdict {
    /// The whole text: what it is written in (a language or a script), and the file it
    /// belongs in.
    Whole(String, String),
    /// Some clauses ([`foreign_clauses`]).
    Clauses(Vec<(usize, &'static str)>),
}

/// The verdict on `v`: it depends on its language, its text and the site's languages only.
fn judge(v: &PolicyVersion, languages: &[String], memo: &mut Memo) -> Verdict {
    let quotes = quotations(v);
    let text = readable(v, &quotes);
    let counted = Letters::of(&text);
    let detected = written_in_counted(&text, &counted, memo, &v.lang);
    // A text in another script is reported even when too short for the language model:
    // named by the model when it is sure, by its script otherwise.
    match (detected, foreign_script_counted(&counted, &v.lang)) {
        (Some(lang), _) => Verdict::Whole(
            format!("`{lang}`"),
            format!("the `{lang}` file of the version"),
        ),
        (None, Some(script)) => Verdict::Whole(
            format!("{} script", script.name()),
            "the file of its language in the version".to_string(),
        ),
        (None, None) => Verdict::Clauses(foreign_clauses(v, &quotes, languages, memo)),
    }
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut memo = Memo::default();
    // Verdicts by language and body: a version repeating an earlier body has its verdict.
    let mut verdicts: foldhash::HashMap<(&str, &str), Verdict> = Default::default();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let verdict = verdicts
            .entry((v.lang.as_str(), v.body()))
            .or_insert_with(|| judge(v, &set.site.languages, &mut memo));
        let (found, file) = match verdict {
            Verdict::Whole(found, file) => (found, file),
            Verdict::Clauses(foreign) => {
                let parts: Vec<_> = v.preamble.iter().chain(&v.clauses).collect();
                if let Some((first, lang)) = foreign.first() {
                    let (heading, line) = (&parts[*first].heading, parts[*first].line);
                    out.push(
                        Diagnostic::warning(
                            codes::LANGUAGE_MISMATCH,
                            &v.path,
                            line,
                            1,
                            format!(
                                "{} of {} clause(s) of this `lang: {}` version are written in `{lang}`, the first `{heading}`",
                                foreign.len(),
                                parts.len(),
                                v.lang
                            ),
                        )
                        .with_help(format!("translate the rest of the version into `{}`", v.lang)),
                    );
                }
                continue;
            }
        };
        let (line, column) = v.value_position("lang");
        out.push(
            Diagnostic::warning(
                codes::LANGUAGE_MISMATCH,
                &v.path,
                line,
                column,
                format!(
                    "this version is declared `lang: {}` but its text is written in {found}",
                    v.lang
                ),
            )
            .with_width(v.lang.chars().count())
            .with_help(format!(
                "put the `{}` text here, or move this text to {file}",
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
    fn letters_are_counted_as_character_by_character() {
        for text in [
            "",
            "The seller, 42 times.",
            "Le vendeur doit répondre à chaque réclamation.",
            "فروشنده باید ۳ روز پاسخ دهد. Amazon",
            "ß Æ 中文 ١٢ ﺏ ŉ\u{301}x",
        ] {
            let mut expected = Letters::default();
            expected.add_chars(text);
            let got = Letters::of(text);
            assert_eq!(
                (got.chars, got.all, got.latin, got.arabic),
                (
                    expected.chars,
                    expected.all,
                    expected.latin,
                    expected.arabic
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_long_text_is_judged_by_all_its_stretches() {
        let en = "The seller must answer every complaint within five working days and keep a record of the answer for the whole year. ".repeat(20);
        let fr = "Le vendeur doit répondre à chaque réclamation dans un délai de cinq jours ouvrables et en garder une trace. ".repeat(20);
        let memo = &mut Memo::default();
        assert_eq!(written_in(&en, memo), Some("en"));
        assert_eq!(written_in(&fr, memo), Some("fr"));
        // Half French, half English: no single language, though its first stretch was
        // judged French before.
        assert_eq!(written_in(&format!("{fr}{en}"), memo), None);
        assert_eq!(written_in(&format!("{fr}{en}"), &mut Memo::default()), None);
        // Too short to judge.
        assert_eq!(
            written_in("The seller must answer every complaint.", memo),
            None
        );
    }

    #[test]
    fn a_text_in_its_declared_language_is_not_judged_further() {
        let en = "The seller must answer every complaint within five working days and keep a record of the answer for the whole year. ".repeat(20);
        let fr = "Le vendeur doit répondre à chaque réclamation dans un délai de cinq jours ouvrables et en garder une trace. ".repeat(20);
        let half = format!("{en}{fr}{fr}");
        let memo = &mut Memo::default();
        let counted = Letters::of(&half);
        assert_eq!(written_in_counted(&half, &counted, memo, "en"), None);
        // Only the first stretch was detected: it is the declared language.
        assert_eq!(memo.len(), 1);
        // Near miss: a French text declared English is judged to the end.
        assert_eq!(
            written_in_counted(&fr, &Letters::of(&fr), memo, "en"),
            Some("fr")
        );
    }

    #[test]
    fn a_version_of_forty_words_is_judged() {
        let memo = &mut Memo::default();
        let en = "Scope\nThis shop sells second-hand books to readers in every region of the country. These conditions apply to each order placed on the website or in the app.\nReturns\nA book may be sent back within fourteen days of its arrival when it is in the state it was sold in.\n";
        assert!(en.split_whitespace().count() < 60);
        assert_eq!(written_in(en, memo), Some("en"));
        let fr = "Champ\nCette boutique vend des livres d'occasion aux lecteurs de toutes les régions du pays. Les présentes conditions s'appliquent à chaque commande passée sur le site ou dans l'application.\nRetours\nUn livre peut être renvoyé dans les quatorze jours suivant sa livraison s'il est dans l'état où il a été vendu.\n";
        assert_eq!(written_in(fr, memo), Some("fr"));
        // Near miss: under forty words, and two languages in one short text.
        assert_eq!(
            written_in(
                "This shop sells second-hand books to readers in every region of the country.",
                memo
            ),
            None
        );
        let mixed = "Cette boutique vend des livres d'occasion aux lecteurs de toutes les régions. This shop sells second-hand books to readers in every region of the country and ships them fast.";
        assert_eq!(written_in(mixed, memo), None);
    }

    #[test]
    fn latin_text_in_a_persian_file_is_told_by_its_script() {
        let latin = "Orders are shipped from Tabriz within two working days and tracked by the carrier. A parcel that is lost is refunded in full.";
        assert_eq!(foreign_script(latin, "fa"), Some(Script::Latin));
        let persian = "سفارش‌ها ظرف دو روز کاری از تبریز ارسال می‌شوند و کد رهگیری Post Express برای شما پیامک می‌شود تا بسته را دنبال کنید. بسته‌ای که گم شود به طور کامل بازپرداخت می‌شود.";
        assert_eq!(foreign_script(persian, "fa"), None);
        assert_eq!(foreign_script(persian, "en"), Some(Script::Arabic));
        // Near miss: too few letters to judge, and a language whose script the test does not know.
        assert_eq!(foreign_script("Orders ship fast.", "fa"), None);
        assert_eq!(foreign_script(latin, "ru"), None);
    }

    #[test]
    fn quotations_are_left_out_of_the_text_judged() {
        let quote = "Any person who receives a copy of this program may run it, study it and share it with others, as long as this notice travels with every copy they hand on.";
        let prose = format!(
            "Le logiciel est distribué sous une licence libre dont voici le texte :\n{}\nFin de la licence.",
            quote.replace(", study", ",\nstudy")
        );
        let quotes = vec![quote.to_string()];
        let left = unquoted(&prose, &quotes);
        assert!(!left.contains("Any person"), "{left}");
        assert!(left.contains("licence libre") && left.contains("Fin de la licence"));
        // Near miss: text that is no quotation stays.
        assert_eq!(unquoted(&prose, &[]), prose);
        assert!(unquoted(&prose, &["another quote".to_string()]).contains("Any person"));
    }

    #[test]
    fn short_clauses_beside_a_foreign_clause_are_counted_with_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            "marketplace:\n  name: { en: Shop }\nbase_url: https://shop.example\nlanguages: [en, de]\nbinding_language: de\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("terms")).unwrap();
        let body = "## Versand {#versand}\n\nWir versenden jede Bestellung innerhalb von zwei Werktagen mit einem Paketdienst unserer Wahl. Die Sendungsnummer schicken wir per E-Mail, sobald das Paket unser Lager verlassen hat, und die Kosten trägt bei Bestellungen über fünfzig Euro der Händler. Ein Paket, das nicht binnen zehn Tagen ankommt, wird vom Paketdienst gesucht.\n\n\
            ## Shipping {#shipping}\n\nWe ship every order within two working days with a parcel service of our choice. We send the tracking number by e-mail as soon as the parcel has left our warehouse, and the merchant pays the cost for orders above fifty euros. A parcel that does not arrive within ten days is searched for by the carrier, and we send a new one or refund the price if it stays lost.\n\n\
            ## Gifts {#gifts}\n\nGift wrapping is free of charge for every order, and a card with your own words can be added before you pay for the order.\n";
        std::fs::write(
            dir.path().join("terms/v1.de.md"),
            format!("---\nid: terms\ntype: Terms of Service\nlang: de\ntitle: T\nversion: 1\npublished: 2025-01-01\neffective: 2025-01-02\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n{body}"),
        )
        .unwrap();
        let (set, _) = crate::load(dir.path()).unwrap();
        let messages: Vec<String> = check(&set, jiff::civil::date(2026, 1, 1))
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].starts_with("2 of 3"), "{messages:?}");
    }
}
