//! `placeholder`: leftovers of a publishing tool or an unfinished draft in the text (code is
//! left alone):
//! - what a CDN's e-mail obfuscation leaves when a page is copied: `[email protected]`, also
//!   with Markdown escapes (`[\[email protected\]](…)`) or `&nbsp;`;
//! - fields never filled in: `[COMPANY NAME]`, `[Insert e-mail]`, `[Enter address]`, `[●]`,
//!   `[نام شرکت]`, `{{name}}`;
//! - drafting marks: `TODO`, `TBD`, `TBC`, `XXX`, `lorem ipsum`, `XX days`, `XX €`,
//!   `XX/XX/XXXX`, and blanks of three or more underscores (`___`) outside forms a reader is
//!   meant to fill in (a line that labels the blank: `Name: ____`, `Date (*) ____`).
//!
//! Markdown link texts in capitals (`[TERMS](/terms)`) and Roman numerals (`Article XX`) are
//! not placeholders.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::model::{PolicySet, PolicyVersion};

/// What kind of leftover a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    ObfuscatedEmail,
    Field,
    Template,
    Draft,
    Number,
    Blank,
}

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("placeholder pattern is valid");
    vec![
        (
            Kind::ObfuscatedEmail,
            re(r"\\?\[(?i:e-?mail)(?:\s|&nbsp;|&#160;|\\)*(?i:protected)\\?\]"),
        ),
        (
            Kind::Field,
            re(
                r"\[(?:[A-ZÀ-Ý][A-ZÀ-Ý0-9 _'’./&-]{2,60}|(?i:insert|enter|add|your|name of|company name|nom d[eu]|adresse d[eu]|indiquer|insérer|ins[ée]rer|einfügen|hier) [^\]\n]{0,60}|\s*[●•]+\s*|[^\]\n]{0,30}(?:نام|شرکت|آدرس|نشانی|ایمیل|رایانامه|تلفن|درج)[^\]\n]{0,30})\]",
            ),
        ),
        (Kind::Template, re(r"\{\{[^{}\n]*\}\}")),
        (
            Kind::Draft,
            re(r"\b(?:TODO|TBD|TBC|XXX)\b|(?i:lorem\s+ipsum)"),
        ),
        (
            Kind::Number,
            re(
                r"(?i:\bxx\b\s*(?:%|€|\$|£|euros?\b|eur\b|days?\b|jours?\b|tage[n]?\b|months?\b|mois\b|monate[n]?\b|hours?\b|heures?\b|stunden\b|years?\b|ans\b|jahre[n]?\b|روز|ماه|ساعت)|(?:€|\$|£)\s*xx\b|\bxx[./]xx[./]xx(?:xx)?\b)",
            ),
        ),
        (Kind::Blank, re(r"(?:\\?_){3,}")),
    ]
});

/// Marks of an illustration shortly before `xx`: `(e.g. xx% off)`, `par exemple xx €`.
const EXAMPLE_MARKS: &[&str] = &[
    "e.g.",
    "eg.",
    "for example",
    "for instance",
    "such as",
    "par exemple",
    "p. ex.",
    "ex. :",
    "z. b.",
    "z.b.",
    "zum beispiel",
    "beispielsweise",
    "مثلاً",
    "مثلا",
    "برای مثال",
];

/// Words before `XXX` that make it a Roman numeral (`Article XXX`).
const NUMBERED: &[&str] = &[
    "article", "art", "section", "chapter", "chapitre", "titre", "artikel", "part", "partie",
];

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut lines = None;
        let body_start = v.source.len() - v.body().len();
        let mut found: Vec<(usize, usize, Kind)> = Vec::new();
        for (kind, re) in PATTERNS.iter() {
            for m in re.find_iter(v.body()) {
                let (start, end) = (body_start + m.start(), body_start + m.end());
                if v.scan.in_code(start) || !is_placeholder(*kind, v, start, end) {
                    continue;
                }
                if found.iter().any(|(s, e, _)| start < *e && *s < end) {
                    continue;
                }
                found.push((start, end, *kind));
            }
        }
        found.sort_unstable();
        for (start, end, kind) in found {
            let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
            let (line, column) = lines.line_col(&v.source, start);
            let text = &v.source[start..end];
            out.push(
                Diagnostic::error(
                    codes::PLACEHOLDER,
                    &v.path,
                    line,
                    column,
                    format!("placeholder `{text}` left in the text"),
                )
                .with_width(text.chars().count())
                .with_help(help(kind)),
            );
        }
    }
    out
}

fn help(kind: Kind) -> &'static str {
    match kind {
        Kind::ObfuscatedEmail => {
            "a publishing tool replaced an e-mail address here; write the real address"
        }
        Kind::Field | Kind::Template => "a field was never filled in; write the text it stands for",
        Kind::Number => "a number was never filled in; write the real value",
        Kind::Draft | Kind::Blank => "finish the text before publishing",
    }
}

/// Rules out matches that are not leftovers: link texts, Roman numerals, labelled blanks.
fn is_placeholder(kind: Kind, v: &PolicyVersion, start: usize, end: usize) -> bool {
    let source = &v.source;
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    let before = &source[line_start..start];
    let after = &source[end..line_end];
    match kind {
        // `[TERMS](/terms)`, `[TERMS][1]`, `[TERMS]: /terms`
        Kind::Field => !after.starts_with(['(', '[', ':']),
        Kind::Draft => {
            let text = &source[start..end];
            let previous = before
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .trim_end_matches('.')
                .to_lowercase();
            !(text == "XXX" && NUMBERED.contains(&previous.as_str()))
        }
        // A blank after a label, with at most more labelled blanks after it, is a form field
        // for the reader (`Name: ____`, `Date (*) ____ Signature ____`); a line of underscores
        // alone is a separator or a signature line.
        Kind::Blank => {
            let label = before.trim_end().trim_end_matches(['\\', '_']).trim_end();
            let words = |t: &str| t.split_whitespace().count();
            let is_label = |t: &str| {
                t.is_empty() || t.ends_with([':', ')', '*']) || words(t) <= 6 && !t.contains(". ")
            };
            let rest: String = after
                .split(['_', '\\'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            // More labelled blanks may follow (`PEC: ____ E-mail: ____ Sig. ____`); a sentence
            // or bare punctuation after the blank (`available at ____.`) means a missing word.
            let more_fields = words(&rest) <= 6
                && !rest.contains(". ")
                && rest.chars().any(char::is_alphanumeric);
            let form = is_label(label) && (rest.is_empty() || more_fields);
            !form
        }
        // `(e.g. xx% off)`: an illustration of a rate, not a number left blank.
        Kind::Number => {
            let lead = before.to_lowercase();
            let tail: String = lead
                .chars()
                .rev()
                .take(24)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            !EXAMPLE_MARKS.iter().any(|m| tail.contains(m))
        }
        Kind::ObfuscatedEmail | Kind::Template => true,
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    /// The placeholder texts found in an English version with `body`.
    fn found(body: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            "marketplace:\n  name: { en: Shop }\nbase_url: https://shop.example\nlanguages: [en]\nbinding_language: en\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("terms")).unwrap();
        let front = "---\nid: terms\ntype: Terms of Service\nlang: en\ntitle: T\nversion: 1\npublished: 2025-01-01\neffective: 2025-01-02\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n## A {#a}\n\n";
        std::fs::write(
            dir.path().join("terms/v1.en.md"),
            format!("{front}{body}\n"),
        )
        .unwrap();
        let (set, _) = crate::load(dir.path()).unwrap();
        super::check(&set, date(2026, 1, 1))
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn blanks_and_numbers_left_open_are_placeholders() {
        assert_eq!(found("Use the contact form at \\_\\_\\_\\_\\_.").len(), 1);
        assert_eq!(found("Refunds take XX days.").len(), 1);
        assert_eq!(
            found("Write to [\\[email protected\\]](/cdn-cgi/l/email-protection).").len(),
            1
        );
    }

    #[test]
    fn form_fields_and_illustrations_are_not() {
        assert!(
            found("Seller: \\_\\_\\_\\_\\_ Phone: \\_\\_\\_\\_\\_ Contact Ms. \\_\\_\\_\\_\\_")
                .is_empty()
        );
        assert!(found("Rates may be shown as discounts (e.g. xx% off).").is_empty());
    }
}
