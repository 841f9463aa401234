use std::collections::HashSet;

use regex::Regex;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Links and bare domains: `https://shop.example/x`, `www.shop.com`, `example.ir`,
    /// `t.me/name`, `instagram.com/name`.
    ///
    /// ## Why
    /// Reviews and Q&A must not send readers to other sites (terms, "no links").
    ///
    /// ## How it decides
    /// The last label must be a real top-level domain (`lexicons/tlds.txt`), so `node.js`,
    /// `file.txt`, `v2.0` and model numbers are not links. TLDs that double as file extensions
    /// or words (`README.md`, `good.it`, listed in `tlds-ambiguous.txt`) count only with
    /// `www.`, a scheme, a path or a subdomain. Digits are folded first, so Persian digits in a
    /// domain do not hide it. The domain part of an e-mail address is left to `contacts/email`.
    ///
    /// ## Example
    /// `برای خرید به shop-example.ir سر بزنید` is flagged on `shop-example.ir`.
    ///
    /// ## Fix
    /// Not fixable: the author must remove the link.
    code: "links/url", severity: Reject, fixable: false, params: ["tlds", "ambiguous"],
    pub(crate) struct Url { re: Regex, tlds: HashSet<String>, ambiguous: HashSet<String> }
}

impl Url {
    fn build(p: &Params<'_>) -> Result<Url, String> {
        let set = |lexs: Vec<&crate::lexicon::Lexicon>| -> HashSet<String> {
            lexs.iter()
                .flat_map(|l| l.entries.iter().map(|e| e.text.to_ascii_lowercase()))
                .collect()
        };
        Ok(Url {
            re: Regex::new(
                r"(?:https?://|www\.)[^\s<>'`]+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*\.[a-z]{2,24}(?:/[^\s<>'`]*)?",
            )
            .map_err(|e| e.to_string())?,
            tlds: set(p.lexicons("tlds", &["tlds"])?),
            ambiguous: set(p.lexicons("ambiguous", &["tlds-ambiguous"])?),
        })
    }

    /// Whether a bare (scheme-less, `www`-less) match is a link.
    fn is_link(&self, m: &str) -> bool {
        if m.starts_with("http://") || m.starts_with("https://") || m.starts_with("www.") {
            return m.len() > 8;
        }
        let (host, path) = match m.find('/') {
            Some(i) => (&m[..i], Some(&m[i + 1..])),
            None => (m, None),
        };
        let Some((rest, tld)) = host.rsplit_once('.') else {
            return false;
        };
        if !self.tlds.contains(tld) || rest.is_empty() {
            return false;
        }
        let has_path = path.is_some_and(|p| !p.is_empty());
        if self.ambiguous.contains(tld) && !has_path && !rest.contains('.') {
            return false;
        }
        // A label made only of digits (`1.5.ir`?) is not a shop's name.
        rest.rsplit('.')
            .next()
            .is_some_and(|l| l.bytes().any(|b| b.is_ascii_alphabetic()))
    }
}

/// Trailing punctuation is not part of a link.
pub(crate) fn trim_link_end(m: &str) -> &str {
    m.trim_end_matches(['.', ',', '!', '?', ')', ']', ':', ';', '"'])
}

impl Rule for Url {
    fn prefilter(&self) -> Prefilter {
        // Every link has a scheme, `www.`, or a dot before a Latin letter (the TLD at least).
        Prefilter::literals(["http://", "https://", "www."])
            .or(Prefilter::literals(('a'..='z').map(|c| format!(".{c}"))))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            for m in self.re.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                let before = sk[..m.start()].chars().next_back();
                if before
                    .is_some_and(|c| c == '@' || c == '.' || c == '-' || c.is_ascii_alphanumeric())
                {
                    continue;
                }
                let text = trim_link_end(m.as_str());
                if self.is_link(text) {
                    out.push(f.hit(m.start(), m.start() + text.len()));
                }
            }
        }
    }
}
