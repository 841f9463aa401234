//! `foreign-brand`: another company's brand in a policy, usually left over from terms copied
//! from a competitor: a brand listed in site.yaml `foreign_brands`, or one of the known
//! marketplaces (the moderation engine's store lexicons, `rules/lexicons/stores.{lang}.txt`;
//! see [`crate::known_marketplaces`]) unless site.yaml says `known_marketplaces: false`.
//! Matching treats a Persian zero-width non-joiner as optional (`دیجی‌کالا`, `دیجیکالا` and
//! `دیجی کالا` all match), and the Arabic forms of yeh and kaf as the Persian ones, and finds
//! whole words only.
//!
//! A known marketplace's name counts as a proper name: with a capital (`Temu`, `eBay`) or
//! inside an address (`temu.com`); Persian names as written. A name the lexicon tags as an
//! ordinary word too (`word`: `amazon`, `آمازون`; `spelled`: `target`, `otto`) counts only as a
//! domain (`amazon.de`) and in the forms the lexicon lists after a preposition (`on Amazon`,
//! `از آمازون`, `at Target`); a preposition form tagged `word` (`از دیوار`, "from the wall")
//! never. A known name that is one of the marketplace's own names or brands (or a part of one),
//! a brand of its group, or listed in `foreign_brands` (reported as that) is left out.
//!
//! A brand that starts with a capital in site.yaml is a proper name: it matches when it starts
//! with a capital in the text too (`Temu`, `TEMU`), and in lower case only as part of an
//! address (`temu.com`), so an ordinary word spelt like it (`temu` in Slovenian) is not
//! reported. A brand written in lower case matches in any case.
//!
//! Not reported: a mention inside a legitimate third-party name listed in site.yaml
//! `third_parties` (`Google Maps`, `Apple Pay`; for a known name after a preposition, the name
//! itself: `via Amazon Pay`) or inside one of the marketplace's own brands, and the brands of
//! the marketplace's own corporate group (`brand_groups`); a known name a document joins to
//! the marketplace's own name by `and/or` (`Privalia y/o Veepee`, `X/Y`) is its group's in
//! that document.
//!
//! Every brand is searched in one pass over each version (one regular expression for all of
//! them, compiled once for every site that lists the same brands).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use jiff::civil::Date;
use regex::Regex;

use davar_input::lexicon::StoreTag;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::known_marketplaces::{KnownName, key};
use crate::markdown::LineIndex;
use crate::model::{PolicySet, PolicyVersion};

/// A name the check looks for, and where it comes from.
#[derive(Debug, Clone, Copy)]
enum Sought<'a> {
    /// A brand of site.yaml `foreign_brands`.
    Listed(&'a str),
    /// A name of the known marketplaces.
    Known(&'a KnownName),
}

impl<'a> Sought<'a> {
    fn name(self) -> &'a str {
        match self {
            Sought::Listed(brand) => brand,
            Sought::Known(known) => &known.text,
        }
    }
}

/// A case-insensitive pattern for one brand; word boundaries are checked after matching
/// (see [`whole_word`]).
fn brand_pattern(brand: &str) -> String {
    let mut pattern = String::new();
    for c in brand.trim().chars() {
        if c == '\u{200c}' || c == ' ' {
            pattern.push_str(r"[\u{200c}\s]?");
        } else if let Some(forms) = ARABIC_FORMS.iter().find(|f| f.contains(c)) {
            pattern.push_str(&format!("[{forms}]"));
        } else {
            pattern.push_str(&regex::escape(&c.to_string()));
        }
    }
    pattern
}

/// Letters Persian and Arabic write in different forms: one is the other in a brand.
const ARABIC_FORMS: [&str; 2] = ["یيى", "کك"];

/// One regular expression finding any of `brands`, each in its own capture group (group
/// `i + 1` is `brands[i]`).
fn any_of(brands: &[&str]) -> Option<Regex> {
    if brands.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = brands
        .iter()
        .map(|b| format!("({})", brand_pattern(b)))
        .collect();
    compiled(format!("(?i){}", alternatives.join("|")))
}

/// Most brand patterns kept compiled ([`compiled`]); the store is emptied when full.
const MAX_COMPILED: usize = 64;

/// Brand patterns compiled before, by pattern: the sites a process checks one after another
/// (the services of a directory, a server's reloads, a fuzzer's inputs) mostly list the same
/// brands, and compiling the pattern costs more than searching a version with it.
static COMPILED: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Mutex::default);

/// The regular expression of `pattern`, compiled once per process while it stays in
/// [`COMPILED`]; `None` when it does not compile.
fn compiled(pattern: String) -> Option<Regex> {
    if let Some(re) = COMPILED.lock().ok().and_then(|c| c.get(&pattern).cloned()) {
        return Some(re);
    }
    let re = Regex::new(&pattern).ok()?;
    if let Ok(mut cache) = COMPILED.lock() {
        if cache.len() >= MAX_COMPILED {
            cache.clear();
        }
        cache.insert(pattern, re.clone());
    }
    Some(re)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || ('\u{064B}'..='\u{065F}').contains(&c)
}

/// Whether `text[start..end]` is not part of a longer word.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    !(first.is_some_and(is_word) && before.is_some_and(is_word)
        || last.is_some_and(is_word) && after.is_some_and(is_word))
}

/// Whether `found` is written the way the brand is: a brand that starts with a capital in
/// site.yaml is a proper name and must start with one in the text; in lower case it counts only
/// inside an address (`temu.com`, `@ebay.de`, `www.amazon.fr`). A brand written in lower case
/// matches in any case.
fn written_as_brand(brand: &str, text: &str, start: usize, end: usize) -> bool {
    let initial = |s: &str| s.chars().find(|c| c.is_alphabetic());
    if !initial(brand).is_some_and(char::is_uppercase)
        || initial(&text[start..end]).is_some_and(char::is_uppercase)
    {
        return true;
    }
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    matches!(before, Some('.' | '@' | '/'))
        || after.next() == Some('.') && after.next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// Whether a known name written at `text[start..end]` counts: a plain name with a capital, with
/// no letter that has a case (Persian), or inside an address; a name that is also a word only
/// as a domain.
fn written_as_known(known: &KnownName, text: &str, start: usize, end: usize) -> bool {
    match known.tag {
        StoreTag::Name => {
            let found = &text[start..end];
            let last = found
                .rsplit(|c: char| c.is_whitespace() || c == '\u{200c}')
                .next()
                .unwrap_or(found);
            last.chars().any(char::is_uppercase)
                || !last.chars().any(|c| c.is_lowercase())
                || in_address(text, start, end)
        }
        StoreTag::Word | StoreTag::Spelled => as_domain(text, end),
    }
}

/// Whether `text[start..end]` is part of an address: after `.`, `@` or `/`, or before a dot
/// and a letter (`temu.com`, `@ebay.de`, `www.amazon.fr`).
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    matches!(before, Some('.' | '@' | '/')) || as_domain(text, end)
}

/// Whether the name ending at `end` is written as a domain: a dot and a letter follow
/// (`amazon.de`, `Amazon.com`).
fn as_domain(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    after.next() == Some('.') && after.next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// Whether the words of a known name hold one of `own` (keys of the marketplace's own names
/// and its group's brands) in a row: `on amazon` when the site is Amazon, `digi kala` when it
/// is Digikala.
fn names_own(name: &str, own: &[String]) -> bool {
    let words = words(name);
    (0..words.len()).any(|first| {
        let mut joined = String::new();
        words[first..].iter().any(|w| {
            joined.push_str(w);
            own.contains(&joined)
        })
    })
}

/// Words that join two names as one party or either of them (`Privalia y/o Veepee`).
const EITHER: &[&str] = &["/", "and/or", "y/o", "et/ou", "und/oder", "e/o", "en/of"];

/// Whether the name at `text[start..end]` is joined to one of `own` (keys of the marketplace's
/// own names and its group's brands) by [`EITHER`]: `Privalia y/o Veepee` on Privalia's site
/// names its group's other brand, not a company whose terms were copied.
fn paired_with_own(text: &str, start: usize, end: usize, own: &[String]) -> bool {
    let is_own = |side: &str, before: bool| {
        let tokens: Vec<&str> = side.split_whitespace().take(3).collect();
        (1..=tokens.len()).any(|n| {
            let mut taken = tokens[..n].to_vec();
            if before {
                taken.reverse();
            }
            own.contains(&key(&taken.concat()))
        })
    };
    let before: String = text[..start]
        .chars()
        .rev()
        .take(80)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let before = before.trim_end().to_lowercase();
    let after: String = text[end..].chars().take(80).collect();
    let after = after.trim_start().to_lowercase();
    EITHER.iter().any(|joint| {
        before.strip_suffix(joint).is_some_and(|rest| {
            let words: Vec<&str> = rest.split_whitespace().rev().collect();
            is_own(&words.join(" "), true)
        }) || after
            .strip_prefix(joint)
            .is_some_and(|rest| is_own(rest, false))
    })
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let group = set.site.group_brands();
    let group_plain: Vec<String> = group.iter().map(|b| key(b)).collect();
    let listed: Vec<&str> = set
        .site
        .foreign_brands
        .iter()
        .map(|b| b.trim())
        .filter(|b| !b.is_empty() && !group_plain.contains(&key(b)))
        .collect();
    let mut sought: Vec<Sought> = listed.iter().map(|b| Sought::Listed(b)).collect();
    let own: Vec<String> = set
        .site
        .own_names()
        .chain(group.iter().copied())
        .map(key)
        .filter(|k| !k.is_empty())
        .collect();
    if set.site.known_marketplaces {
        let listed_keys: Vec<String> = listed.iter().map(|b| key(b)).collect();
        let mut known: Vec<&KnownName> = set
            .known_marketplaces
            .names()
            .iter()
            .filter(|k| {
                // A preposition form tagged as a word (`از دیوار`, "from the wall") is never
                // the store in a legal text.
                (k.tag == StoreTag::Name || !k.text.contains(char::is_whitespace))
                    && !listed_keys.contains(&key(&k.text))
                    && !names_own(&k.text, &own)
            })
            .collect();
        // Longest first: at one place, `ebay kleinanzeigen` is found, not `ebay`.
        known.sort_by_key(|k| std::cmp::Reverse(k.text.chars().count()));
        sought.extend(known.into_iter().map(Sought::Known));
    }
    let names: Vec<&str> = sought.iter().map(|s| s.name()).collect();
    let Some(foreign) = any_of(&names) else {
        return Vec::new();
    };
    let allowed: Vec<&str> = set
        .site
        .third_parties
        .iter()
        .chain(&set.site.brands)
        .map(|b| b.trim())
        .chain(group.iter().copied())
        .filter(|b| !b.is_empty())
        .collect();
    let allowed_words: Vec<Vec<String>> = allowed.iter().map(|a| words(a)).collect();
    let allowed = any_of(&allowed);
    let mut out = Vec::new();
    // The matches in each distinct body (the index of the name sought and its place from the
    // body's start): versions repeating a body take them.
    let mut matched: foldhash::HashMap<&str, Vec<(usize, usize, usize)>> = Default::default();
    for doc in &set.documents {
        // Every mention first: a brand the document names as a party to its agreement is the
        // document's own (partner terms the marketplace publishes), in all its versions, and so
        // is a known name it joins to the marketplace's own by `and/or` (`Privalia y/o
        // Veepee`: a brand of its group).
        let mut found: Vec<(&PolicyVersion, usize, usize, usize)> = Vec::new();
        let mut parties: Vec<usize> = Vec::new();
        for v in &doc.versions {
            let source = v.source.as_str();
            let body_start = source.len() - v.body().len();
            let mut allowed_spans: Option<Vec<(usize, usize)>> = None;
            let in_body = matched.entry(v.body()).or_insert_with(|| {
                foreign
                    .captures_iter(v.body())
                    .filter_map(|caps| {
                        caps.iter()
                            .enumerate()
                            .skip(1)
                            .find_map(|(i, m)| m.map(|m| (i - 1, m.start(), m.end())))
                    })
                    .collect()
            });
            for &(index, start, end) in in_body.iter() {
                let (start, end) = (body_start + start, body_start + end);
                let written = match sought[index] {
                    Sought::Listed(brand) => written_as_brand(brand, source, start, end),
                    Sought::Known(known) => written_as_known(known, source, start, end),
                };
                if !whole_word(source, start, end)
                    || !written
                    || v.scan.in_code(start)
                    || after_hidden_address(source, start)
                    || host_of_allowed(source, start, end, &allowed_words)
                {
                    continue;
                }
                let spans = allowed_spans.get_or_insert_with(|| {
                    allowed.as_ref().map_or_else(Vec::new, |re| {
                        re.find_iter(source)
                            .filter(|m| whole_word(source, m.start(), m.end()))
                            .map(|m| (m.start(), m.end()))
                            .collect()
                    })
                });
                // A known name after a preposition (`via Amazon`) is the name that follows it.
                let name_start = match sought[index] {
                    Sought::Listed(_) => start,
                    Sought::Known(_) => source[start..end]
                        .rfind(char::is_whitespace)
                        .map_or(start, |i| start + i + 1),
                };
                if spans.iter().any(|(s, e)| *s <= name_start && end <= *e) {
                    continue;
                }
                let own_pair = matches!(sought[index], Sought::Known(_))
                    && paired_with_own(source, start, end, &own);
                if (own_pair || names_a_party(source, start, end)) && !parties.contains(&index) {
                    parties.push(index);
                }
                found.push((v, start, end, index));
            }
        }
        let mut lines: Option<(&std::path::Path, LineIndex)> = None;
        for (v, start, end, index) in found {
            if parties.contains(&index) {
                continue;
            }
            let source = v.source.as_str();
            if lines
                .as_ref()
                .is_none_or(|(path, _)| *path != v.path.as_path())
            {
                lines = Some((v.path.as_path(), LineIndex::new(source)));
            }
            let Some((_, index_of_lines)) = lines.as_ref() else {
                continue;
            };
            let (line, column) = index_of_lines.line_col(source, start);
            let text = &source[start..end];
            let site = set.site.name_in(&v.lang);
            let (message, help) = match sought[index] {
                Sought::Listed(brand) => (
                    format!(
                        "`{text}` is another company's brand (listed in site.yaml `foreign_brands`)"
                    ),
                    help(brand, site, &set.site.third_parties),
                ),
                Sought::Known(known) => (
                    format!(
                        "`{text}` is the name of another marketplace (one of the known marketplaces, {}; not from site.yaml)",
                        known.path.display()
                    ),
                    known_help(text, site, &set.site.third_parties),
                ),
            };
            out.push(
                Diagnostic::error(codes::FOREIGN_BRAND, &v.path, line, column, message)
                    .with_width(text.chars().count())
                    .with_help(help),
            );
        }
    }
    out
}

/// What to do about the known marketplace name `text` on a site named `site`: replace it,
/// allow a legitimate mention in `third_parties` (naming what it holds), claim the name in
/// `marketplace.brands`, or turn the known marketplaces off.
fn known_help(text: &str, site: &str, third_parties: &[String]) -> String {
    format!(
        "replace `{text}` with {site} if it was copied from another site's terms; list {}, or the name under `marketplace.brands` if it is the marketplace's own; `known_marketplaces: false` in site.yaml reports only the brands of `foreign_brands`",
        allow_list(text, third_parties)
    )
}

/// What to do about `brand` on a site named `site`: replace it, or allow the legitimate
/// mention in `third_parties`, or a brand of the marketplace's own group in `brand_groups`.
fn help(brand: &str, site: &str, third_parties: &[String]) -> String {
    format!(
        "replace `{brand}` with {site}, list {}, or a brand of the marketplace's own group in `brand_groups`",
        allow_list(brand, third_parties)
    )
}

/// Where a legitimate mention of `brand` goes: site.yaml `third_parties`, naming what it
/// already holds (the entries that name the brand first, at most two) or, when it is empty,
/// what an entry is.
fn allow_list(brand: &str, third_parties: &[String]) -> String {
    let brand_words = words(brand);
    let mut examples: Vec<&str> = third_parties
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    examples.sort_by_key(|t| !words(t).iter().any(|w| brand_words.contains(w)));
    match examples.as_slice() {
        [] => "a legitimate mention (the phrase naming a product or service of theirs) in site.yaml `third_parties`".to_string(),
        [one] => format!("the legitimate mention in site.yaml `third_parties` (it holds `{one}`)"),
        [one, two, ..] => {
            format!("the legitimate mention in site.yaml `third_parties` (it holds `{one}`, `{two}`)")
        }
    }
}

/// Lowercase words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text[start..end]` is named as a party to the agreement the text sets out:
/// "entered into between the Accommodation and Booking.com", "entre le Vendeur et X", "X
/// (each a "Party")". The document is then that company's own terms, which the marketplace
/// publishes for its partners.
fn names_a_party(text: &str, start: usize, end: usize) -> bool {
    let sentence_start = text[..start]
        .rfind(['.', '!', '?', '\n', ';'])
        .map_or(0, |i| i + 1);
    let before = words(&text[sentence_start..start]);
    let joined = before
        .last()
        .is_some_and(|w| ["and", "et", "und"].contains(&w.as_str()));
    let between = before
        .iter()
        .any(|w| ["between", "entre", "zwischen"].contains(&w.as_str()));
    let after: String = text[end..]
        .chars()
        .take(60)
        .collect::<String>()
        .to_lowercase();
    let defined_party = after.trim_start().starts_with('(')
        && ["party", "partie", "partei"]
            .iter()
            .any(|p| after.contains(p));
    joined && between || defined_party
}

/// Whether the match at `start` continues an e-mail address a CDN hid (`[\[email protected\]]
/// (…/cdn-cgi/l/email-protection)shop.example`): the rest of a hidden address, which
/// `placeholder` reports, not a brand.
fn after_hidden_address(text: &str, start: usize) -> bool {
    let before = &text[..start];
    before.ends_with(')')
        && before
            .rfind('(')
            .is_some_and(|i| before[i..].contains("email-protection"))
        || before.ends_with("email protected]")
        || before.ends_with("email protected\\]")
}

/// Whether the match lies in a host name whose other labels name an allowed third party:
/// `pay.amazon.com` for `Amazon Pay`, `aws.amazon.com` for `AWS`.
fn host_of_allowed(text: &str, start: usize, end: usize, allowed: &[Vec<String>]) -> bool {
    let host_char = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    let host_start = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| !host_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let host_end = text[end..]
        .char_indices()
        .find(|&(_, c)| !host_char(c))
        .map_or(text.len(), |(i, _)| end + i);
    let host = text[host_start..host_end].trim_matches('.');
    if !host.contains('.') {
        return false;
    }
    let labels: Vec<String> = host.split('.').map(str::to_lowercase).collect();
    let brand: Vec<String> = words(&text[start..end]);
    allowed.iter().any(|name| {
        name.iter().any(|w| !brand.contains(w))
            && name.iter().all(|w| labels.contains(w) || brand.contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(brand: &str, text: &str) -> Vec<String> {
        let re = any_of(&[brand]).unwrap();
        re.find_iter(text)
            .filter(|m| {
                whole_word(text, m.start(), m.end())
                    && written_as_brand(brand, text, m.start(), m.end())
            })
            .map(|m| m.as_str().to_string())
            .collect()
    }

    #[test]
    fn matches_whole_words_with_optional_zwnj() {
        assert_eq!(finds("دیجی\u{200c}کالا", "از دیجیکالا خرید"), ["دیجیکالا"]);
        assert_eq!(finds("دیجی\u{200c}کالا", "از دیجی کالا خرید"), ["دیجی کالا"]);
        assert_eq!(
            finds("Google Maps", "directions by Google maps"),
            ["Google maps"]
        );
        assert_eq!(finds("Torob", "see torob.example"), ["torob"]);
        assert!(finds("Torob", "Torobian").is_empty());
    }

    #[test]
    fn a_capitalised_brand_in_lower_case_is_an_ordinary_word_except_in_an_address() {
        assert_eq!(finds("Temu", "Buy on Temu or TEMU"), ["Temu", "TEMU"]);
        assert!(finds("Temu", "v skladu s temu pogoju").is_empty());
        assert_eq!(finds("Temu", "visit temu.com"), ["temu"]);
        assert_eq!(
            finds("eBay", "EBAY, eBay and ebay.de"),
            ["EBAY", "eBay", "ebay"]
        );
        assert_eq!(
            finds("megamart", "Megamart and megamart"),
            ["Megamart", "megamart"]
        );
    }

    #[test]
    fn known_names_that_are_the_site_s_own_or_joined_to_it() {
        let own = vec![key("Privalia"), key("دیجی‌کالا")];
        assert!(names_own("digi kala", &[key("Digikala")]));
        assert!(names_own("دیجی کالا", &own));
        assert!(!names_own("on amazon", &own));
        let text = "suplantado la identidad de Privalia y/o\n\nVeepee con la finalidad";
        let start = text.find("Veepee").unwrap();
        assert!(paired_with_own(text, start, start + 6, &own));
        let text = "Veepee and/or Privalia, Privalia/Veepee";
        assert!(paired_with_own(text, 0, 6, &own));
        let start = text.rfind("Veepee").unwrap();
        assert!(paired_with_own(text, start, start + 6, &own));
        let text = "Orders on Privalia or Veepee and Zalando y/o Amazon";
        let start = text.find("Veepee").unwrap();
        assert!(!paired_with_own(text, start, start + 6, &own));
        let start = text.find("Zalando").unwrap();
        assert!(!paired_with_own(text, start, start + 7, &own));
    }

    #[test]
    fn the_help_names_what_the_allow_list_holds_or_what_an_entry_is() {
        let empty = help("Megamart", "Bazarcheh", &[]);
        assert!(
            empty.contains(
                "a legitimate mention (the phrase naming a product or service of theirs)"
            ),
            "{empty}"
        );
        assert!(!empty.contains("Maps"), "{empty}");
        let listed: Vec<String> = ["Stripe", "Apple Pay", "Megamart Gift Cards"]
            .map(String::from)
            .to_vec();
        let named = help("Megamart", "Bazarcheh", &listed);
        assert!(
            named.contains("(it holds `Megamart Gift Cards`, `Stripe`)"),
            "{named}"
        );
        let one = help("Temu", "Bazarcheh", &listed[..1]);
        assert!(one.contains("(it holds `Stripe`)"), "{one}");
    }
}
