use regex::Regex;

use crate::rules::links::url::trim_link_end;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Links to the marketplace's own domains (`marketplace.brands` written as a domain and the
    /// host of `base_url` in `site.yaml`, with their subdomains): `https://chaharsu.example/p/12`,
    /// `www.chaharsu.example`.
    ///
    /// ## Why
    /// A link to another product page of the site is not a link to another store, but it can
    /// still send readers away from the product under review. `links/url` never flags the
    /// site's own domains; this rule is the rule set's setting for them: configured (with
    /// `review`, or `hint` to only note them), a person looks; left out of the rule set, links
    /// to the site are allowed.
    ///
    /// ## How it decides
    /// The domain as a whole host or the end of one (`shop.chaharsu.example`), with the
    /// scheme, `www.` and path that go with it; `fakechaharsu.example` is another site. An
    /// e-mail address at the site (`support@chaharsu.example`) counts as a link to it, and
    /// `contacts/email` leaves it to this rule.
    ///
    /// ## Fix
    /// Not fixable.
    code: "links/own-site", severity: Review, fixable: false, params: [],
    pub(crate) struct OwnSite { re: Option<Regex>, domains: Vec<String> }
}

impl OwnSite {
    fn build(p: &Params<'_>) -> Result<OwnSite, String> {
        let domains = p.marketplace().domains.clone();
        let re = if domains.is_empty() {
            None
        } else {
            let alts: Vec<String> = domains.iter().map(|d| regex::escape(d)).collect();
            let pattern = format!(
                r"(?:https?://)?(?:[a-z0-9-]+\.)*(?:{})(?:[/?#][^\s<>'`]*)?",
                alts.join("|")
            );
            Some(Regex::new(&crate::text::fold_pattern(&pattern)).map_err(|e| e.to_string())?)
        };
        Ok(OwnSite { re, domains })
    }
}

impl Rule for OwnSite {
    fn prefilter(&self) -> Prefilter {
        // The domain itself (an empty list never holds: a site without domains).
        Prefilter::literals(&self.domains)
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        let Some(re) = &self.re else { return };
        for f in fields {
            let sk = f.sk();
            for m in re.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                let before = sk[..m.start()].chars().next_back();
                let after = sk[m.end()..].chars().next();
                // Part of a longer host (`fakechaharsu.example`, `chaharsu.example.evil.com`).
                if before.is_some_and(|c| matches!(c, '.' | '-') || c.is_alphanumeric())
                    || after.is_some_and(|c| c == '-' || c.is_alphanumeric())
                    || (after == Some('.')
                        && sk[m.end() + 1..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_alphanumeric()))
                {
                    continue;
                }
                let text = trim_link_end(m.as_str());
                // An address at the site (`support@chaharsu.example`): the whole address.
                let start = if before == Some('@') {
                    let local = sk[..m.start() - 1]
                        .trim_end_matches(|c: char| !c.is_whitespace() && !is_separator(c));
                    if local.len() + 1 == m.start() {
                        continue;
                    }
                    local.len()
                } else {
                    m.start()
                };
                out.push(f.hit(start, m.start() + text.len()));
            }
        }
    }
}

/// A character that ends the local part of an address written before the site's domain.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '"' | '،'
    )
}
