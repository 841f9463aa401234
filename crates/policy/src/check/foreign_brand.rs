//! `foreign-brand`: another company's brand (`foreign_brands` in site.yaml) in a policy, usually
//! left over from terms copied from a competitor. Matching ignores case and treats a Persian
//! zero-width non-joiner as optional (`دیجی‌کالا`, `دیجیکالا` and `دیجی کالا` all match).
//!
//! A mention inside a legitimate third-party name listed in site.yaml `third_parties`
//! (`Google Maps`, `Apple Pay`) or inside one of the marketplace's own brands is not reported.

use jiff::civil::Date;
use regex::Regex;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::model::PolicySet;

/// A case-insensitive pattern for one brand, whole words only.
fn brand_pattern(brand: &str) -> String {
    let brand = brand.trim();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut pattern = String::from("(?i)");
    if is_word(brand.chars().next()) {
        pattern.push_str(r"\b");
    }
    pattern.push('(');
    for c in brand.chars() {
        if c == '\u{200c}' || c == ' ' {
            pattern.push_str(r"[\u{200c}\s]?");
        } else {
            pattern.push_str(&regex::escape(&c.to_string()));
        }
    }
    pattern.push(')');
    if is_word(brand.chars().last()) {
        pattern.push_str(r"\b");
    }
    pattern
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let brands: Vec<(&str, Regex)> = set
        .site
        .foreign_brands
        .iter()
        .filter(|b| !b.trim().is_empty())
        .filter_map(|b| {
            Regex::new(&brand_pattern(b))
                .ok()
                .map(|re| (b.as_str(), re))
        })
        .collect();
    let allowed: Vec<Regex> = set
        .site
        .third_parties
        .iter()
        .chain(&set.site.brands)
        .filter(|b| !b.trim().is_empty())
        .filter_map(|b| Regex::new(&brand_pattern(b)).ok())
        .collect();
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut lines = None;
        let body_start = v.source.len() - v.body().len();
        let mut allowed_spans: Option<Vec<(usize, usize)>> = None;
        for (brand, re) in &brands {
            for caps in re.captures_iter(&v.source) {
                let Some(found) = caps.get(1) else { continue };
                if found.start() < body_start || v.scan.in_code(found.start()) {
                    continue;
                }
                let spans = allowed_spans.get_or_insert_with(|| {
                    allowed
                        .iter()
                        .flat_map(|re| re.find_iter(&v.source).map(|m| (m.start(), m.end())))
                        .collect()
                });
                if spans
                    .iter()
                    .any(|(s, e)| *s <= found.start() && found.end() <= *e)
                {
                    continue;
                }
                let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
                let (line, column) = lines.line_col(&v.source, found.start());
                out.push(
                    Diagnostic::error(codes::FOREIGN_BRAND, &v.path, line, column,
                        format!("`{}` is another company's brand (listed in site.yaml `foreign_brands`)", found.as_str()))
                        .with_width(found.as_str().chars().count())
                        .with_help(format!("replace `{brand}` with {}, or list the legitimate mention (e.g. `{brand} Maps`) in site.yaml `third_parties`", set.site.name_in(&v.lang))),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_with_optional_zwnj() {
        let re = Regex::new(&brand_pattern("دیجی\u{200c}کالا")).unwrap();
        assert!(re.is_match("از دیجیکالا خرید"));
        assert!(re.is_match("از دیجی کالا خرید"));
        let re = Regex::new(&brand_pattern("Google Maps")).unwrap();
        assert!(re.is_match("directions by google maps"));
        let re = Regex::new(&brand_pattern("Torob")).unwrap();
        assert!(re.is_match("see torob.example"));
        assert!(!re.is_match("Torobian"));
    }
}
