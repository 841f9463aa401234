//! The marketplace the engine works for (`site.yaml`): its names and domains are the site
//! itself, never another store, and links to its domains are judged by `links/own-site`.

use crate::text::{Word, skeleton_key};

/// The marketplace's identity: the names and brand spellings it goes by and the domains it
/// owns. Built by the compile pipeline from `site.yaml` ([`Marketplace::from_site`]); the
/// default knows no name and no domain.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marketplace {
    /// Names and brand spellings in any script (`Chaharsu`, `چهارسو`).
    pub names: Vec<String>,
    /// Domains in lowercase (`chaharsu.example`); their subdomains belong to the site too.
    pub domains: Vec<String>,
}

impl Marketplace {
    /// The identity `site.yaml` declares: the marketplace name in every language and each
    /// brand are names; a brand written as a domain (`chaharsu.example`: a dot, no space) is a
    /// domain, and so is the host of `base_url` (without a leading `www.`).
    pub fn from_site<'a>(
        names: impl IntoIterator<Item = &'a str>,
        brands: impl IntoIterator<Item = &'a str>,
        base_url: &str,
    ) -> Marketplace {
        let mut out = Marketplace::default();
        for name in names {
            out.add_name(name);
        }
        for brand in brands {
            let brand = brand.trim();
            if is_domain(brand) {
                out.add_domain(brand);
            } else {
                out.add_name(brand);
            }
        }
        if let Some(host) = host_of(base_url) {
            out.add_domain(host);
        }
        out
    }

    fn add_name(&mut self, name: &str) {
        let name = name.trim();
        if !name.is_empty() && !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_owned());
        }
    }

    fn add_domain(&mut self, domain: &str) {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let domain = domain.strip_prefix("www.").unwrap_or(&domain).to_owned();
        if !domain.is_empty() && !self.domains.contains(&domain) {
            self.domains.push(domain);
        }
    }

    /// Each name folded like a skeleton with its spaces removed, so `دیجی کالا`,
    /// `دیجی‌کالا` and `دیجیکالا` give one key.
    pub(crate) fn name_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.names.iter().map(|n| joined_key(n)).collect();
        keys.retain(|k| !k.is_empty());
        keys.sort();
        keys.dedup();
        keys
    }

    /// Whether `host` (any case) is one of the domains or a subdomain of one.
    pub fn owns_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.domains.iter().any(|d| {
            host == *d
                || host
                    .strip_suffix(d.as_str())
                    .is_some_and(|rest| rest.ends_with('.'))
        })
    }

    /// Whether the link `text` (`https://www.x.example/p`, `x.example`) points to one of the
    /// domains.
    pub fn owns_link(&self, text: &str) -> bool {
        host_of(text).is_some_and(|h| self.owns_host(h))
    }
}

/// The key of a name or of a run of skeleton words: skeleton-folded, letters and digits only.
pub(crate) fn joined_key(text: &str) -> String {
    skeleton_key(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether any run of consecutive words among `ws[first..=last]` of `sk` spells one of `keys`
/// (sorted): `از ترب` holds the name `ترب`, `digi kala` the name `Digikala`.
pub(crate) fn names_within(
    keys: &[String],
    sk: &str,
    ws: &[Word],
    first: usize,
    last: usize,
) -> bool {
    if keys.is_empty() {
        return false;
    }
    (first..=last).any(|a| {
        let mut key = String::new();
        (a..=last).any(|b| {
            key.extend(ws[b].text(sk).chars().filter(|c| c.is_alphanumeric()));
            keys.binary_search(&key).is_ok()
        })
    })
}

/// A brand written as a domain: a dot between labels and no space.
fn is_domain(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && s.contains('.')
        && s.split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// The host of a URL or bare domain (`https://user@a.b:8080/x` → `a.b`).
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['/', '?', '#']).next()?;
    let rest = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let host = rest.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Marketplace {
        Marketplace::from_site(
            ["Chaharsu", "چهارسو"],
            ["Chaharsu", "چهار سو", "chaharsu.example"],
            "https://policies.chaharsu.example/",
        )
    }

    #[test]
    fn brands_written_as_domains_are_domains() {
        let m = site();
        assert_eq!(m.names, ["Chaharsu", "چهارسو", "چهار سو"]);
        assert_eq!(m.domains, ["chaharsu.example", "policies.chaharsu.example"]);
    }

    #[test]
    fn subdomains_belong_to_the_site_and_look_alikes_do_not() {
        let m = site();
        assert!(m.owns_link("https://www.chaharsu.example/p/12"));
        assert!(m.owns_link("shop.chaharsu.example"));
        assert!(m.owns_link("CHAHARSU.EXAMPLE"));
        assert!(!m.owns_link("fakechaharsu.example"));
        assert!(!m.owns_link("chaharsu.example.evil.com"));
        assert!(!Marketplace::default().owns_link("chaharsu.example"));
    }

    #[test]
    fn names_fold_to_one_key_however_they_are_spaced() {
        let keys = site().name_keys();
        assert_eq!(keys, ["chaharsu", "چهارسو"]);
        assert_eq!(joined_key("چهار‌سو"), "چهارسو");
    }
}
