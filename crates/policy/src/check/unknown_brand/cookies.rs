//! The domains of a cookie table: a Markdown table with a column headed `Domain` (`Domäne`,
//! `Domaine`, `Host`, `دامنه`) lists where each cookie is set. A row for the site's own cookie
//! (a session, a basket, a language) whose domain is another site's is left over from that
//! site's policy; a row for an advertising or analytics cookie names a third party's domain.

use std::sync::LazyLock;

use regex::Regex;

use super::Mention;

/// A host written alone in a cell (`otherstore.example`, `.shop.de` with a leading dot).
static HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\.?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})$")
        .expect("valid pattern")
});

/// Headings of a table column of cookie domains.
const DOMAIN_HEADINGS: &[&str] = &[
    "domain",
    "domains",
    "host",
    "domaine",
    "domaines",
    "domäne",
    "domänen",
    "دامنه",
];

/// Beginnings of words in a row that make its cookie another party's: advertising,
/// analytics, social media, tracking, a provider or partner.
const THIRD_PARTY_STEMS: &[&str] = &[
    "advert",
    "ads",
    "analytic",
    "statistic",
    "marketing",
    "tracking",
    "track",
    "pixel",
    "third",
    "partner",
    "provider",
    "social",
    "retarget",
    "remarket",
    "werbung",
    "werbe",
    "analyse",
    "statistik",
    "anbieter",
    "dritt",
    "publicit",
    "mesure",
    "audience",
    "tiers",
    "partenaire",
    "fournisseur",
    "réseaux",
    "تبلیغ",
    "آمار",
    "تحلیل",
];

/// The cells of `line`, a table row (`| a | b |`), with their offsets in the line.
fn cells(line: &str) -> Vec<(usize, &str)> {
    let trimmed = line.trim_end();
    let Some(inner) = trimmed.trim_start().strip_prefix('|') else {
        return Vec::new();
    };
    let mut at = line.len() - line.trim_start().len() + 1;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner
        .split('|')
        .map(|cell| {
            let start = at;
            at += cell.len() + 1;
            (start, cell)
        })
        .collect()
}

/// The hosts of the domain column in the rows of the site's own cookies in `body` (starting at
/// `base` in the version's source), as mentions.
pub(super) fn own_cookie_domains(body: &str, base: usize) -> Vec<Mention> {
    if !body.contains('|') {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut column: Option<usize> = None;
    let mut offset = 0;
    for line in body.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let row = cells(line);
        if row.is_empty() {
            column = None;
            continue;
        }
        // The delimiter row under the heading (`|---|---|`).
        if row
            .iter()
            .all(|(_, c)| c.trim().chars().all(|ch| matches!(ch, '-' | ':')))
        {
            continue;
        }
        let Some(col) = column else {
            // The first row of a table is its heading.
            column = row
                .iter()
                .position(|(_, c)| {
                    DOMAIN_HEADINGS.contains(&c.trim().trim_matches('*').to_lowercase().as_str())
                })
                .or(Some(usize::MAX));
            continue;
        };
        let Some(&(cell_at, cell)) = row.get(col) else {
            continue;
        };
        let words = super::words_of(line);
        if words
            .iter()
            .any(|w| THIRD_PARTY_STEMS.iter().any(|s| w.starts_with(s)))
        {
            continue;
        }
        let text = cell.trim();
        let Some(host) = HOST.captures(text).and_then(|c| c.get(1)) else {
            continue;
        };
        let lead = cell.len() - cell.trim_start().len();
        let at = start + cell_at + lead + host.start();
        out.push(Mention {
            key: host
                .as_str()
                .to_lowercase()
                .trim_start_matches("www.")
                .to_string(),
            shown: host.as_str().to_string(),
            offset: base + at,
            domain: true,
            email: false,
            address: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::own_cookie_domains;

    fn keys(body: &str) -> Vec<String> {
        own_cookie_domains(body, 0)
            .into_iter()
            .map(|m| m.key)
            .collect()
    }

    #[test]
    fn the_domains_of_the_site_s_own_cookies_in_a_domain_column() {
        let body = "| Cookie | Domain | Purpose |\n|---|---|---|\n| _sid | shop.example | session |\n| _ga | .analytics.example | statistics |\n| lang | .www.other.de | language |";
        assert_eq!(keys(body), ["shop.example", "other.de"]);
        let m = &own_cookie_domains(body, 10)[0];
        assert_eq!(
            &body[m.offset - 10..m.offset - 10 + m.shown.len()],
            "shop.example"
        );
        // No domain column: nothing.
        assert!(keys("| Cookie | Purpose |\n|---|---|\n| shop.example | session |").is_empty());
    }
}
