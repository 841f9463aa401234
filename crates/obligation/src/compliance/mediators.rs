//! Evidence that a business names the mediators it engages with (P2B Art. 12(1)): a sentence
//! naming two or more, a list of them announced and enumerated, or a link to a page listing
//! them.

use std::sync::LazyLock;

use regex::Regex;

use super::evidence::{negated, unwrap_lines};
use super::searchable;
use davar_policy::model::PolicyVersion;

/// Mediators in the plural, in the languages evidence is read in.
static MEDIATORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(mediators|médiateurs|médiatrices|mediatoren|schlichter|schlichtungsstellen)\b|میانجی‌ها|میانجیان")
        .expect("the mediators pattern is valid")
});

/// A link to another page: a Markdown link whose target has no `#` fragment, or a bare web
/// address without one. A link to a heading (`[Médiation et médiateurs](#mediation)`, an entry
/// of a linked table of contents, in a list or a table) leads to no list of mediators.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\]\([^#)\s]*\)|(?:^|[^(])(?:https?://|www\.)[^#\s)]*(?:[\s)]|$)")
        .expect("the link pattern is valid")
});

/// Whether a sentence of `version` that speaks of mediators (not negated: "we do not use
/// mediators") links a page: terms often name their mediators on a linked list ("The list of
/// independent mediators that we are willing to engage with is available at <link>").
pub fn mediators_linked(version: &PolicyVersion) -> bool {
    let body = searchable(version.body());
    // A full stop inside an address does not end a sentence.
    body.split(". ")
        .flat_map(|s| s.split(['\n', '!', '?', ';']))
        .any(|s| {
            LINK.is_match(s)
                && MEDIATORS
                    .find_iter(s)
                    .any(|m| !negated(s, &version.lang, m.start(), m.end()))
        })
}

/// Verbs that name the mediators a business engages with ("we designate", "nous désignons",
/// "wir benennen").
static DESIGNATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(designat|appoint|nominat|identif|désign|nomm|benenn|bestimm|nenn)")
        .expect("the designation pattern is valid")
});

/// Words that join the names of a list written in a sentence.
static JOINERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[;,]|\s(?:and|or|et|ou|und|oder|sowie|as well as)\s")
        .expect("the joiner pattern is valid")
});

/// The most mediators one sentence names: a sentence that designates mediators or a
/// mediation body (a verb of designation, not negated, and a word of mediation: "we designate
/// … for mediation"), whose names after its colon are joined by commas, semicolons or
/// "and"/"et"/"und": "Nous désignons les médiateurs suivants : le Centre de médiation et
/// d'arbitrage de Paris (CMAP) et le Centre for Effective Dispute Resolution (CEDR)" names
/// two. A sentence may also name them before a wording that calls them mediators ("CMAP (…)
/// or CEDR, which we accept as mediators", "comme médiateurs", "als Mediatoren"): its names
/// are then the words before that wording, bracketed explanations and relative clauses
/// ("que Chaharsu accepte") left out. A name is a part holding a word that starts with a
/// capital (`l'Office`, `(CEDR)`), the sentence's first letter aside.
pub fn mediators_named(version: &PolicyVersion) -> usize {
    let mut most = 0;
    for clause in version.preamble.iter().chain(&version.clauses) {
        let prose = unwrap_lines(&clause.prose);
        for sentence in prose.split(['\n', '!', '?']).flat_map(|l| l.split(". ")) {
            let lower = searchable(sentence);
            let designated = DESIGNATES
                .find_iter(&lower)
                .any(|m| !negated(&lower, &version.lang, m.start(), m.end()));
            // "X and Y, which we accept as mediators": the names come before the wording.
            let naming = AS_MEDIATORS
                .find_iter(&lower)
                .find(|m| !negated(&lower, &version.lang, m.start(), m.end()));
            let about = designated && MEDIATION.is_match(&lower);
            let (names, from) = match (about, naming) {
                // The names follow the colon of a sentence that lists them: without one, the
                // capitals of nouns (German) or defined terms are no names.
                (true, _) => match sentence.rfind(':') {
                    Some(colon) => (&sentence[colon + 1..], colon + 1),
                    None => continue,
                },
                // `searchable` keeps every character's length but those lowercasing changes.
                (false, Some(m)) if lower.len() == sentence.len() => (&sentence[..m.start()], 0),
                _ => continue,
            };
            // Words in brackets spell out or explain a name (`le CMAP (Centre de médiation …)`).
            let names = if about {
                names.into()
            } else {
                BRACKETS.replace_all(names, " ")
            };
            let names = names.as_ref();
            // "le Centre de médiation et d'arbitrage de Paris" is one name: a part without a
            // capital joins the name before it.
            let mut count = 0;
            let mut at = 0;
            let mut parts: Vec<&str> = Vec::new();
            for m in JOINERS.find_iter(names) {
                parts.push(&names[at..m.start()]);
                at = m.end();
            }
            parts.push(&names[at..]);
            for (i, part) in parts.iter().enumerate() {
                // A relative clause about the names ("que Chaharsu accepte") names none.
                if !about && RELATIVE.is_match(part) {
                    continue;
                }
                // A capital starting a word (`Centre`, `l'Office`, `(CEDR)`), other than the
                // sentence's first letter.
                let mut previous = ' ';
                let mut letters = 0;
                let named = part.chars().any(|c| {
                    let initial = c.is_uppercase() && !previous.is_alphabetic();
                    let first_letter = from == 0 && i == 0 && letters == 0;
                    if c.is_alphabetic() {
                        letters += 1;
                    }
                    previous = c;
                    initial && !first_letter
                });
                if named {
                    count += 1;
                }
            }
            most = most.max(count);
        }
    }
    most
}

/// A wording that names mediators after their names: "as mediators", "comme médiateurs",
/// "als Mediatoren" / "als Schlichtungsstellen".
static AS_MEDIATORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(as\s+(our\s+)?(independent\s+)?mediators|comme\s+(nos\s+)?médiat(eurs|rices)|en\s+tant\s+que\s+médiat(eurs|rices)|als\s+(unsere\s+)?(mediatoren|schlichter|schlichtungsstellen))\b")
        .expect("the naming pattern is valid")
});

/// Text in round brackets.
static BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("the brackets pattern is valid"));

/// A part of a sentence that starts a relative clause rather than a name (German `die`, `den`
/// are articles as often: a German relative clause names nothing only for want of capitals).
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(que|qu'|qui|which|that|whom|who|welche|welchen)\b")
        .expect("the relative pattern is valid")
});

/// A word of mediation at the start of a word, in the languages of the repository's terms
/// (`immediately` is not one).
static MEDIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(mediat|médiat|schlicht|mediador|mediaci|mediazion|bemiddel|mediacj|διαμεσολαβ|tarpinink)|میانجی")
        .expect("the mediation pattern is valid")
});

/// Whether a paragraph starts with an enumeration mark that is not a section number: `i.`,
/// `(ii)`, `b)`, `(3)`, `3)`.
fn enumeration_mark(paragraph: &str) -> bool {
    let Some((mark, _)) = paragraph.split_once([' ', '\t']) else {
        return false;
    };
    let (inner, closed) = if let Some(m) = mark.strip_prefix('(') {
        (m.strip_suffix(')').unwrap_or(""), true)
    } else if let Some(m) = mark.strip_suffix(')') {
        (m, true)
    } else {
        (mark.strip_suffix('.').unwrap_or(""), false)
    };
    !inner.is_empty()
        && inner.len() <= 4
        && (inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            || (inner.len() == 1 && inner.chars().all(|c| c.is_ascii_lowercase()))
            || (closed && inner.chars().all(|c| c.is_ascii_digit())))
}

/// The most mediators a version enumerates in plain paragraphs after announcing them: a
/// sentence ending in `:` with a word of mediation ("one of the following mediation service
/// providers … to mediate such dispute:"), followed by paragraphs
/// marked `i.`, `ii.` or `(a)`, `(b)` (text captured from a PDF has no list markup). The count
/// stops at a heading or a numbered section.
pub fn mediators_enumerated(version: &PolicyVersion) -> usize {
    let body = searchable(version.body());
    let paragraphs: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut most = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        if !p.ends_with(':') {
            continue;
        }
        // The announcing sentence, which a PDF capture may spread over several paragraphs.
        let joined = paragraphs[i.saturating_sub(4)..=i].join(" ");
        let sentence = joined.rsplit(". ").next().unwrap_or_default();
        if !MEDIATION.is_match(sentence) {
            continue;
        }
        let mut count = 0;
        for q in paragraphs[i + 1..].iter().take(30) {
            let section = q.starts_with('#')
                || q.split_once(". ").is_some_and(|(n, _)| {
                    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                });
            if section {
                break;
            }
            if enumeration_mark(q) {
                count += 1;
            }
        }
        most = most.max(count);
    }
    most
}
