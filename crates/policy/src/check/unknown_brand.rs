//! `unknown-brand` (warning): companies and web addresses that are not the marketplace's,
//! standing where the marketplace's own name would: company names with a legal form (`Adyen
//! N.V.`, `Muster GmbH`), the hosts of URLs and e-mail addresses, and bare domain names
//! (`shop-example.io`), when the text speaks as them (`At X, we…`, `Bei X legen wir…`,
//! `Welcome to X`) or defines them as "we" (`X ("we", "us")`) in a sentence that does not name
//! the marketplace. A brand left over from another site's terms is usually one nobody thought
//! to list in `foreign_brands`; the third parties a policy names (partners, payment services,
//! authorities, pages to look things up) stand elsewhere.
//!
//! Not reported: the marketplace's own names, brands and base URL host, and the brands of its
//! corporate group (`brand_groups`); names and domains in site.yaml `third_parties`; public
//! authorities' domains (`europa.eu`, `gouv.fr`, `gov.uk`…).
//! Each name is reported in the version where it first appears (v1, or the version that adds
//! it), not again in every later version.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::model::{PolicySet, PolicyVersion};

static URL_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)([a-z0-9][a-z0-9.-]*\.[a-z]{2,})").expect("valid pattern")
});
static EMAIL_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b")
        .expect("valid pattern")
});
static BARE_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Za-z0-9][A-Za-z0-9-]{1,}(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|de|fr|eu|co\.uk|uk|it|es|nl|be|at|ch|pl|cz|sk|hu|ro|bg|gr|se|dk|no|fi|lt|lv|ee|si|hr|ie|pt|lu|app|shop|store|ai|me|tv|ir))\b")
        .expect("valid pattern")
});
static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:\p{Ll}?\p{Lu}[\p{L}0-9&'’.-]*[^\S\n]+){1,4})(GmbH|AG|SE|KG|UG|S\.A\.S\.?|SAS|S\.A\.|SA|SARL|S\.à\s?r\.l\.|SRL|S\.r\.l\.|S\.p\.A\.|B\.V\.|BV|N\.V\.|NV|Ltd\.?|Limited|LLC|Inc\.?|Corp\.?|Corporation|plc|PLC|LLP|A/S|AB|Oy|sp\. z o\.o\.|s\.r\.o\.|a\.s\.|d\.o\.o\.|Kft\.|Zrt\.)(?:\W|$)")
        .expect("valid pattern")
});

/// Domains of public bodies: naming them is not naming a brand.
const AUTHORITY_SUFFIXES: &[&str] = &[
    "europa.eu",
    "gouv.fr",
    "gov",
    "gov.uk",
    "gv.at",
    "admin.ch",
    "bund.de",
    "overheid.nl",
    "gob.es",
    "gov.pl",
    "gov.it",
    "gov.ie",
    "example.com",
    "example.org",
    "example.net",
];

/// Words that start a sentence or name rather than a company (`The`, `Die`, `La`, `At`, `Bei`).
const ARTICLES: &[&str] = &[
    "the",
    "a",
    "an",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "der",
    "die",
    "das",
    "dem",
    "den",
    "des",
    "ein",
    "eine",
    "by",
    "of",
    "and",
    "et",
    "und",
    "von",
    "de",
    "du",
    "with",
    "avec",
    "mit",
    "at",
    "bei",
    "chez",
    "to",
    "welcome",
    "bienvenue",
    "sur",
];

/// Indefinite articles: a legal form after one describes a company, it does not name one.
const INDEFINITE: &[&str] = &[
    "a", "an", "un", "une", "ein", "eine", "einer", "einem", "eines",
];

/// First-person plural words: the marketplace speaking of itself.
const WE: &[&str] = &[
    "we", "us", "our", "ours", "nous", "notre", "nos", "wir", "uns", "unser", "unsere", "unserer",
    "unseren", "unserem", "unseres", "ما",
];

/// Words right before a name that make it the one speaking (`At X, we…`, `Bei X legen wir…`,
/// `Chez X, nous…`, `Welcome to X`).
const SPEAKER_CUES: &[&str] = &[
    "at",
    "bei",
    "chez",
    "welcome to",
    "bienvenue sur",
    "bienvenue à",
];

/// Lowercase words of `text`.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the mention stands where the marketplace's own name would: the one speaking in its
/// sentence (`At X, we…`, `Bei X legen wir…`, `Welcome to X`) or defined as "we" (`X ("we",
/// "us")`), in a sentence that does not name the marketplace itself (`Shop is run by X ("we")`
/// introduces the marketplace's own company). Names a policy mentions as third parties
/// (partners, payment services, authorities, addresses to look things up) stand elsewhere and
/// are not reported.
fn stands_for_the_marketplace(source: &str, m: &Mention, own: &OwnNames) -> bool {
    let start = m.offset;
    let end = (start + m.shown.len()).min(source.len());
    let sentence_start = source[..start]
        .rfind(['.', '!', '?', '\n', ';'])
        .map_or(0, |i| i + 1);
    let before = words_of(&source[sentence_start..start]);
    let last = |n: usize| before[before.len().saturating_sub(n)..].join(" ");
    let rest = &source[end..];
    let sentence_end = rest
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '!' | '?' | '\n' | ';')
                || c == '.' && rest[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(rest.len(), |(i, _)| i);
    let after = words_of(&rest[..sentence_end]);
    let speaks = |words: &[String]| words.iter().any(|w| WE.contains(&w.as_str()));
    let sentence = normalise(&source[sentence_start..end + sentence_end]);
    if own
        .names
        .iter()
        .any(|n| n.chars().count() >= 4 && sentence.contains(n.as_str()))
    {
        return false;
    }
    if SPEAKER_CUES.contains(&last(1).as_str()) || SPEAKER_CUES.contains(&last(2).as_str()) {
        return last(2).starts_with("welcome")
            || last(2).starts_with("bienvenue")
            || speaks(&after);
    }
    // `X ("we", "us")`, `X (hereinafter "wir")`
    let trimmed = rest.trim_start_matches([',', ' ']);
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')').unwrap_or(inner.len()).min(120);
        let close = (0..=close)
            .rev()
            .find(|&i| inner.is_char_boundary(i))
            .unwrap_or(0);
        return speaks(&words_of(&inner[..close]));
    }
    false
}

/// One name or domain found in a version.
struct Mention {
    key: String,
    shown: String,
    offset: usize,
    domain: bool,
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let own = OwnNames::of(set);
    let mut out = Vec::new();
    for doc in &set.documents {
        for lang in doc.languages() {
            let mut previous: BTreeSet<String> = BTreeSet::new();
            for v in doc.versions_in(lang) {
                let mentions: Vec<Mention> = mentions(v)
                    .into_iter()
                    .filter(|m| !own.covers(m) && stands_for_the_marketplace(&v.source, m, &own))
                    .collect();
                let current: BTreeSet<String> = mentions.iter().map(|m| m.key.clone()).collect();
                let mut lines = None;
                let mut reported = BTreeSet::new();
                for m in &mentions {
                    if previous.contains(&m.key) || !reported.insert(m.key.clone()) {
                        continue;
                    }
                    let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
                    let (line, column) = lines.line_col(&v.source, m.offset);
                    let what = if m.domain { "an address" } else { "a company" };
                    out.push(
                        Diagnostic::warning(
                            codes::UNKNOWN_BRAND,
                            &v.path,
                            line,
                            column,
                            format!(
                                "`{}` is {what} that is not {}'s",
                                m.shown,
                                set.site.name_in(&v.lang)
                            ),
                        )
                        .with_width(m.shown.chars().count())
                        .with_help("list a legitimate third party in site.yaml `third_parties` (or the marketplace's own names in `marketplace.brands`); replace a name left over from another site's terms"),
                    );
                }
                previous = current;
            }
        }
    }
    out
}

/// Company names and domains in the body of `v`, outside code, in text order.
fn mentions(v: &PolicyVersion) -> Vec<Mention> {
    let body = v.body();
    let base = v.source.len() - body.len();
    let mut out = Vec::new();
    let mut push = |shown: &str, offset: usize, domain: bool| {
        if v.scan.in_code(base + offset) {
            return;
        }
        let key = if domain {
            shown.to_lowercase().trim_start_matches("www.").to_string()
        } else {
            normalise(shown)
        };
        if key.len() >= 3 {
            out.push(Mention {
                key,
                shown: shown.to_string(),
                offset: base + offset,
                domain,
            });
        }
    };
    for re in [&*URL_HOST, &*EMAIL_HOST] {
        for caps in re.captures_iter(body) {
            if let Some(host) = caps.get(1) {
                push(host.as_str(), host.start(), true);
            }
        }
    }
    for caps in BARE_DOMAIN.captures_iter(body) {
        let Some(m) = caps.get(1) else { continue };
        let before = body[..m.start()].chars().next_back();
        let label = m.as_str().split('.').next().unwrap_or_default();
        let all_caps = label.chars().all(|c| !c.is_lowercase());
        if matches!(before, Some('@' | '/' | '.' | '-')) || all_caps {
            continue;
        }
        push(m.as_str(), m.start(), true);
    }
    for caps in COMPANY.captures_iter(body) {
        let (Some(name), Some(form)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        // Inside a word, or a description rather than a name ("a Delaware Corporation",
        // "une SAS", "eine GmbH").
        let before = &body[..name.start()];
        let last_word = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || INDEFINITE.contains(&last_word.as_str())
        {
            continue;
        }
        let words: Vec<&str> = name.as_str().split_whitespace().collect();
        let skip = words
            .iter()
            .take_while(|w| {
                ARTICLES.contains(
                    &w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                        .as_str(),
                )
            })
            .count();
        if skip == words.len() {
            continue;
        }
        let first = words[skip];
        let start = name.start() + name.as_str().find(first).unwrap_or(0);
        let shown = &body[start..form.end()];
        push(shown.trim_end_matches([',', '.']), start, false);
    }
    out.sort_by_key(|m| m.offset);
    out
}

/// Lowercase letters and digits only.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The marketplace's own names and the third parties it lists.
struct OwnNames {
    /// Normalised names and brands.
    names: Vec<String>,
    /// Normalised third parties.
    third: Vec<String>,
    /// Hosts of the base URL and of domain-like brands.
    hosts: Vec<String>,
    /// Normalised words of multi-word names, matched against domain labels.
    words: Vec<String>,
}

impl OwnNames {
    fn of(set: &PolicySet) -> OwnNames {
        let site = &set.site;
        let group = site.group_brands();
        let mut names: Vec<String> = site
            .brands
            .iter()
            .chain(site.marketplace_name.values())
            .map(String::as_str)
            .chain(group.iter().copied())
            .flat_map(|b| {
                let whole = normalise(b);
                // `Amazon.fr` is the brand `amazon`; `Ring Twice` also `ringtwice`.
                let label = b.split('.').next().map(normalise).unwrap_or_default();
                [whole, label]
            })
            .filter(|n| n.len() >= 3)
            .collect();
        names.sort();
        names.dedup();
        // `TikTok Shop` owns `seller-my.tiktok.com`, `Hotel Center by Google` owns
        // `support.google.com`: a word of a name that is a domain label below the top level.
        let mut words: Vec<String> = site
            .brands
            .iter()
            .chain(site.marketplace_name.values())
            .filter(|b| b.split_whitespace().count() > 1)
            .flat_map(|b| b.split_whitespace().map(normalise).collect::<Vec<_>>())
            .filter(|w| w.chars().count() >= 4 && !ARTICLES.contains(&w.as_str()))
            .collect();
        words.sort();
        words.dedup();
        let host = site
            .base_url
            .split("://")
            .nth(1)
            .unwrap_or_default()
            .split('/')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        OwnNames {
            names,
            third: site
                .third_parties
                .iter()
                .map(|t| normalise(t))
                .filter(|t| t.len() >= 2)
                .collect(),
            hosts: vec![host],
            words,
        }
    }

    fn covers(&self, m: &Mention) -> bool {
        let key = &m.key;
        if m.domain {
            if self
                .hosts
                .iter()
                .any(|h| h == key || key.ends_with(&format!(".{h}")))
                || AUTHORITY_SUFFIXES
                    .iter()
                    .any(|s| key == s || key.ends_with(&format!(".{s}")))
            {
                return true;
            }
            let labels: Vec<String> = key.split('.').map(normalise).collect();
            let below_top = &labels[..labels.len().saturating_sub(1)];
            // `seller.samsungapps.com` for `Samsung Galaxy Store`: a label that is, or starts
            // with, a word of the name (five letters or more for a prefix).
            if below_top.iter().any(|l| {
                self.words
                    .iter()
                    .any(|w| l == w || w.chars().count() >= 5 && l.starts_with(w.as_str()))
            }) {
                return true;
            }
            let registrable = labels.len().saturating_sub(2);
            let ours = |n: &String| {
                labels.iter().any(|l| l == n)
                    || n.len() >= 5
                        && labels
                            .get(registrable)
                            .is_some_and(|l| l.contains(n.as_str()))
            };
            return self.names.iter().any(ours)
                || self
                    .third
                    .iter()
                    .any(|t| normalise(key).contains(t.as_str()));
        }
        self.names
            .iter()
            .chain(&self.third)
            .any(|n| key.contains(n.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stands(text: &str, name: &str) -> bool {
        let offset = text.find(name).expect("the name is in the text");
        let m = Mention {
            key: normalise(name),
            shown: name.to_string(),
            offset,
            domain: false,
        };
        let own = OwnNames {
            names: vec!["lantern".into()],
            third: Vec::new(),
            hosts: Vec::new(),
            words: Vec::new(),
        };
        stands_for_the_marketplace(text, &m, &own)
    }

    #[test]
    fn a_name_the_text_speaks_as_stands_for_the_marketplace() {
        assert!(stands(
            "Bei Shopalot.io legen wir Wert auf Sie.",
            "Shopalot.io"
        ));
        assert!(stands(
            "At Brightcart Ltd, we answer every message.",
            "Brightcart Ltd"
        ));
        assert!(stands("Welcome to Brightcart.", "Brightcart"));
        assert!(stands(
            "Brightcart Ltd (\"we\", \"us\") runs the site.",
            "Brightcart Ltd"
        ));
    }

    #[test]
    fn third_parties_named_in_passing_and_the_marketplace_s_own_company_do_not() {
        assert!(!stands(
            "Card payments are handled by Payco Ltd.",
            "Payco Ltd"
        ));
        assert!(!stands("We use Payco Ltd for card payments.", "Payco Ltd"));
        assert!(!stands(
            "Disputes may go to the board at board.example.org.",
            "board.example.org"
        ));
        assert!(!stands(
            "Payco Ltd (\"Payco\") processes payments.",
            "Payco Ltd"
        ));
        assert!(!stands(
            "The service is operated by Payco Ltd.",
            "Payco Ltd"
        ));
        assert!(!stands(
            "Lantern is run by Lamp Holdings Ltd (\"we\", \"us\").",
            "Lamp Holdings Ltd"
        ));
    }
}
