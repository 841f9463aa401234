use regex::Regex;

use crate::rules::links::url::is_root_zone_tld;
use crate::rules::prelude::*;
use crate::text::fold_pattern;

declare_rule! {
    /// ## What it flags
    /// E-mail addresses, plain or disguised: `name@mail.com`, `name @ gmail . com`,
    /// `name[at]gmail(dot)com`, `name at gmail`, `name ات جیمیل`, and in any script:
    /// `علی@فروشگاه.ایران`, `"quoted part"@example.org`.
    ///
    /// ## Why
    /// Personal contact details must not be published (terms: no contacts, Q&A: no personal
    /// information), and they are the usual way to take a sale off the marketplace.
    ///
    /// ## How it decides
    /// A local part, an `@` (or `at`, `[at]`, `(at)`, `ات`, `اَت`) and either a domain with a
    /// dot, or a well-known mail provider (`gmail`, `yahoo`, `جیمیل` ...). The English word
    /// "at" only counts before a provider name. The local part may be of any script, with the
    /// other characters RFC 5322 allows (`o'neil+shop`) and quoted parts; domain labels may be
    /// too, and a TLD that is not ASCII must be one of the root zone (Public Suffix List), so
    /// `سلام@دوستان.عزیز` is not an address. The English `at` between words needs a local part
    /// shaped like an address (a digit, `.`, `_`, `+` or `-` in it: `sara_n at gmail`) or a
    /// dotted provider after it (`mike at yahoo dot com`) or a word before it saying an address
    /// follows (`email: sara at gmail`), so `my account at gmail syncs` is prose. An address at one of the marketplace's own domains (`site.yaml`) is left to
    /// `links/own-site`, which the rule set configures like links to the site.
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/email", severity: Reject, fixable: false, params: [],
    pub(crate) struct Email { re: Regex, loose_at: Regex, dotted_after: Regex, provider_end: Regex, tld_after: Regex, own_domains: Vec<String> }
}

impl Email {
    pub(crate) fn build(p: &Params<'_>) -> Result<Email, String> {
        let provider = r"(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|icloud|protonmail|proton|aol|mail|chmail|gmx|web|t-online|freenet|orange|free|laposte|wanadoo|sfr|جیمیل|جی\s?میل|یاهو|هاتمیل|اوتلوک)";
        let at_strict = r"(?:\s*@\s*|\s*[\[\(\{]\s*(?:at|ات)\s*[\]\)\}]\s*)";
        let at_loose = r"(?:\s+(?:at|ات|arobase)\s+)";
        let dot =
            r"(?:\s*\.\s*|\s*[\[\(\{]\s*(?:dot|\.|دات|نقطه)\s*[\]\)\}]\s*|\s+(?:dot|دات|نقطه)\s+)";
        // A local part of any script, with the other characters RFC 5322 allows (`o'neil`,
        // `a+b`), and quoted parts (`"quoted part"@x.org`, `test."foo".bar@x.co.uk`).
        let atom = r"[\p{L}\p{N}][\p{L}\p{N}\p{M}._%+\-!#$&'*/=?^`{|}~]*";
        let quoted = r#""[^"\n]{1,64}""#;
        let local = format!(r"(?:{quoted}|{atom})(?:\.(?:{quoted}|{atom}))*");
        // Domain labels of any script; a TLD of letters, checked against the root zone when
        // it is not ASCII (`info@فروشگاه.ایران`).
        let label = r"[\p{L}\p{N}][\p{L}\p{N}\p{M}-]*";
        let tld = r"(?:[a-z]{2,24}|xn--[a-z0-9-]+|\p{L}[\p{L}\p{M}]*)";
        let pattern = format!(
            r"{local}(?:{at_strict}{label}(?:{dot}{label})*{dot}{tld}|{at_strict}{provider}|{at_loose}{provider})|[\p{{Arabic}}a-z0-9_.]+\s+ات\s+{provider}"
        );
        Ok(Email {
            re: Regex::new(&fold_pattern(&pattern)).map_err(|e| e.to_string())?,
            loose_at: Regex::new(r"\s+at\s+").map_err(|e| e.to_string())?,
            dotted_after: Regex::new(&fold_pattern(&format!(
                r"^(?:{dot}|\s+(?:point|punkt)\s+)[a-z]{{2,24}}\b"
            )))
            .map_err(|e| e.to_string())?,
            provider_end: Regex::new(&fold_pattern(&format!(r"(?:^|[^\p{{L}}\p{{N}}]){provider}$")))
                .map_err(|e| e.to_string())?,
            // The rest of a provider's domain: a dot (glued, spelled or bracketed) and a TLD.
            tld_after: Regex::new(&fold_pattern(
                r"^(?:\.|\s*[\[\(\{]\s*(?:d[o0]t|\.|دات|نقطه)\s*[\]\)\}]\s*|\s+(?:d[o0]t|دات|نقطه|point|punkt)\s+)([a-z]{2,24}|کام|نت|ارگ)(?:[^\p{L}\p{N}]|$)",
            ))
            .map_err(|e| e.to_string())?,
            own_domains: p.marketplace().domains.clone(),
        })
    }
}

impl Email {
    /// Skeleton byte ranges of the e-mail addresses in field `f`.
    pub(crate) fn spans(&self, cx: &Ctx<'_>, f: &FieldText<'_>) -> Vec<(usize, usize)> {
        let sk = f.sk();
        let mut out = Vec::new();
        for m in self.re.find_iter(sk) {
            if cx.out_of_time() {
                break;
            }
            if sk[..m.start()].ends_with(|c: char| c.is_alphanumeric() || c == '.') {
                continue;
            }
            let text = crate::rules::links::url::trim_link_end(m.as_str());
            // A TLD is checked as written too: the skeleton folds `شبكة` to `شبکه`.
            let in_root_zone = |s: usize, e: usize| {
                let (os, oe) = f.skeleton().to_original(m.start() + s, m.start() + e);
                let written: String = f.cps[os..oe]
                    .iter()
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                is_root_zone_tld(&text[s..e]) || is_root_zone_tld(&written)
            };
            let Some(len) = root_zone_end(text, in_root_zone) else {
                continue;
            };
            let address = &text[..len];
            if (self.prose_at(address, &sk[m.end()..]) && !announced(&sk[..m.start()]))
                || self.own_domain(address)
            {
                continue;
            }
            let end = m.start() + len;
            let end = if self.provider_end.is_match(address) {
                self.domain_end(sk, end)
            } else {
                end
            };
            out.push((m.start(), end));
        }
        out
    }

    /// Where the domain of an address that ends with a provider's name (`ali at gmail`) ends
    /// in the skeleton `sk`: past each dot and TLD of the root zone written after it (` dot
    /// com`, `.co.uk`, ` دات کام`), so the span holds the whole address.
    fn domain_end(&self, sk: &str, mut end: usize) -> usize {
        while let Some(c) = self.tld_after.captures(&sk[end..]) {
            let tld = c.get(1).expect("the pattern has one group");
            if tld.as_str().is_ascii() && !is_root_zone_tld(tld.as_str()) {
                break;
            }
            end += tld.end();
        }
        end
    }

    /// Whether `address` is the English word `at` in prose: its local part has none of the
    /// characters that mark an address (`0-9 . _ + -`) and no dotted TLD follows the provider.
    fn prose_at(&self, address: &str, after: &str) -> bool {
        if address.contains('@') {
            return false;
        }
        let Some(at) = self.loose_at.find(address) else {
            return false;
        };
        let local = &address[..at.start()];
        let marked = local
            .chars()
            .any(|c| c.is_numeric() || matches!(c, '.' | '_' | '+' | '-'));
        !marked && !self.dotted_after.is_match(after)
    }

    /// Whether `address` is at one of the marketplace's own domains or their subdomains.
    fn own_domain(&self, address: &str) -> bool {
        let Some((_, domain)) = address.rsplit_once('@') else {
            return false;
        };
        let domain = domain.trim();
        self.own_domains.iter().any(|d| {
            domain == d
                || domain
                    .strip_suffix(d.as_str())
                    .is_some_and(|head| head.ends_with('.'))
        })
    }
}

/// Words that say an e-mail address follows (`email: sara at gmail`, `ایمیل sara at gmail`).
const EMAIL_WORDS: [&str; 10] = [
    "email",
    "e-mail",
    "mail",
    "emails",
    "courriel",
    "ایمیل",
    "ایمیلم",
    "ایمیلش",
    "ایمیل‌ام",
    "میل",
];

/// Whether one of the three words before an address (the end of `before`) says an e-mail
/// address follows, so the English `at` in it is not prose.
fn announced(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .any(|w| EMAIL_WORDS.contains(&w))
}

/// Where the address `m` ends: all of it, unless its TLD is a label of letters that are not
/// ASCII after a `.` and not a TLD of the root zone (`in_root_zone` of its byte range); then at
/// the last label before it that is one (`a@shop.ir.عالی` ends after `.ir`), or `None` when no
/// label after the `@` is (`سلام@دوستان.عزیز`).
fn root_zone_end(m: &str, in_root_zone: impl Fn(usize, usize) -> bool) -> Option<usize> {
    let Some(at) = m.rfind('@') else {
        // The `at`/`ات` forms before a provider name.
        return Some(m.len());
    };
    let mut end = m.len();
    let mut cut = false;
    loop {
        let head = &m[..end];
        let start = head
            .trim_end_matches(|c: char| {
                !(c.is_whitespace() || matches!(c, '.' | '@' | ']' | ')' | '}'))
            })
            .len();
        let dotted = head[..start].ends_with('.') && start > at + 2;
        if cut && !dotted {
            return None;
        }
        if !dotted || head[start..].is_ascii() || in_root_zone(start, end) {
            return Some(end);
        }
        end = start - 1;
        cut = true;
    }
}

impl Rule for Email {
    fn prefilter(&self) -> Prefilter {
        // Every form needs `@`, a Latin `at`, `arobase`, or `ات` after a space or a bracket.
        Prefilter::literals(["@", "at", "arobase", "[ات", "(ات", "{ات"])
            .or(Prefilter::after_space("ات"))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            for (s, e) in self.spans(cx, f) {
                out.push(f.hit(s, e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::root_zone_end;

    /// `root_zone_end` with the TLDs of the root zone taken from a short list.
    fn end(m: &str) -> Option<&str> {
        let zone = ["ایران", "ir", "com"];
        root_zone_end(m, |s, e| zone.contains(&&m[s..e])).map(|len| &m[..len])
    }

    #[test]
    fn a_tld_that_is_not_ascii_must_be_in_the_root_zone() {
        assert_eq!(end("info@فروشگاه.ایران"), Some("info@فروشگاه.ایران"));
        assert_eq!(end("a@shop.ir.عالی"), Some("a@shop.ir"));
        assert_eq!(end("سلام@دوستان.عزیز"), None);
        assert_eq!(end("a@shop.عالی"), None);
        // ASCII TLDs, providers and the word forms are not checked.
        assert_eq!(end("a@shop.example"), Some("a@shop.example"));
        assert_eq!(end("a@جیمیل"), Some("a@جیمیل"));
        assert_eq!(end("a@yahoo(dot)com"), Some("a@yahoo(dot)com"));
        assert_eq!(end("مریم ات جیمیل"), Some("مریم ات جیمیل"));
    }
}
