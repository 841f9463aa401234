//! Every in-site link of a built site lands on an element: contents lists and `@doc#clause`
//! links to clauses whose ids are derived from their headings, not written as `{#id}`.

use std::collections::{BTreeMap, BTreeSet};

use davar_policy::{load, render_site};
use jiff::civil::date;
use regex::Regex;

const SITE: &str = "marketplace:\n  name: { en: Shop }\nbase_url: https://shop.example\nlanguages: [en]\nbinding_language: en\n";

fn front(doc: &str, doc_type: &str) -> String {
    format!(
        "---\nid: {doc}\ntype: {doc_type}\nlang: en\ntitle: {doc}\nversion: 1\npublished: 2026-01-01\neffective: 2026-01-01\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n"
    )
}

/// Terms whose headings carry no `{#id}`, with a contents list of in-page links, and a help
/// page linking to one of the terms' derived clause ids.
fn built() -> davar_policy::Site {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    std::fs::create_dir(dir.path().join("terms")).unwrap();
    std::fs::create_dir(dir.path().join("help")).unwrap();
    let terms = format!(
        "{}Contents:\n\n- [Scope](#scope)\n- [Paying for orders](#paying-for-orders)\n- [Returns](#returns)\n\n## 1. Scope\n\nThese terms cover every order.\n\n## 2. Paying for orders\n\nPay by card.\n\n### 2.1 Refunds\n\nRefunds go back to the card; see [returns](#returns).\n\n## 3. Returns\n\nReturn an item within 14 days.\n",
        front("terms", "Terms of Service")
    );
    std::fs::write(dir.path().join("terms/v1.en.md"), terms).unwrap();
    let help = format!(
        "{}## Getting help {{#getting-help}}\n\nSee [paying](@terms#paying-for-orders) and [refunds](@terms#refunds).\n",
        front("help", "Help")
    );
    std::fs::write(dir.path().join("help/v1.en.md"), help).unwrap();
    let (set, diagnostics) = load(dir.path()).unwrap();
    assert!(
        diagnostics
            .iter()
            .all(|d| d.severity != davar_policy::Severity::Error),
        "{diagnostics:?}"
    );
    render_site(&set, date(2026, 3, 1), None).unwrap()
}

/// The page a relative `href` on the page at `from` points to, and its fragment.
fn target(from: &str, href: &str) -> Option<(String, String)> {
    if href.contains("://") || href.starts_with("mailto:") {
        return None;
    }
    let (path, fragment) = href.split_once('#')?;
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    if !path.is_empty() {
        for segment in path.split('/') {
            match segment {
                ".." => {
                    parts.pop();
                }
                "." | "" => {}
                s => parts.push(s),
            }
        }
    }
    let mut page = parts.join("/");
    if path.is_empty() {
        page = from.to_string();
    } else if path.ends_with('/') || !page.ends_with(".html") {
        page = format!("{page}/index.html")
            .trim_start_matches('/')
            .to_string();
    }
    Some((page, fragment.to_string()))
}

/// The HTML pages of `site`, by path.
fn pages(site: &davar_policy::Site) -> BTreeMap<&str, String> {
    site.files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p.as_str(), String::from_utf8(b.clone()).unwrap()))
        .collect()
}

/// How many fragment links the pages hold, and those that land on no element id of their page.
fn fragment_links(pages: &BTreeMap<&str, String>) -> (usize, Vec<String>) {
    let id = Regex::new(r#"\sid="([^"]+)""#).unwrap();
    let href = Regex::new(r#"\shref="([^"]+)""#).unwrap();
    let ids: BTreeMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|(p, html)| {
            (
                *p,
                id.captures_iter(html).map(|c| c[1].to_string()).collect(),
            )
        })
        .collect();
    let mut checked = 0;
    let mut broken = Vec::new();
    for (page, html) in pages {
        for c in href.captures_iter(html) {
            let Some((to, fragment)) = target(page, &c[1]) else {
                continue;
            };
            if fragment.is_empty() {
                continue;
            }
            checked += 1;
            match ids.get(to.as_str()) {
                Some(found) if found.contains(&fragment) => {}
                _ => broken.push(format!("{page}: {} -> {to}#{fragment}", &c[1])),
            }
        }
    }
    (checked, broken)
}

#[test]
fn every_fragment_link_resolves_to_an_element_id_of_its_page() {
    let site = built();
    let pages = pages(&site);
    let (checked, broken) = fragment_links(&pages);
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(checked >= 8, "only {checked} fragment links checked");
    let terms = &pages["en/terms/v1/index.html"];
    for derived in ["scope", "paying-for-orders", "refunds", "returns"] {
        assert!(
            terms.contains(&format!("id=\"{derived}\"")),
            "{derived}: {terms}"
        );
    }
}

#[test]
fn links_a_source_wrote_for_a_heading_s_full_text_land_on_its_alias_anchor() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    std::fs::create_dir(dir.path().join("terms")).unwrap();
    // Raw HTML makes the page go through the sanitiser, which must keep the anchors.
    let terms = format!(
        "{}Contents:<br>\n\n- [Rectification](#14.2-right-to-rectification-art.-16-gdpr)\n- [Liability](#6-haftung)\n- [Article 7](#artikel-7)\n- [Returns](#sec-returns)\n\n## 14.2 Right to rectification (Art. 16 GDPR)\n\nAsk us.\n\n## 6. Haftung\n\nWir haften.\n\n## Artikel 7 Kündigung\n\nJederzeit.\n\n## [](#sec-returns)Returns\n\nWithin 14 days.\n\n## [](#ShopCookiePolicy)Cookie Policy\n\nNone.\n\n## Shop Cookie Policy\n\nNone at all. See [cookies](#ShopCookiePolicy).\n",
        front("terms", "Terms of Service")
    );
    std::fs::write(dir.path().join("terms/v1.en.md"), terms).unwrap();
    let (set, diagnostics) = load(dir.path()).unwrap();
    let findings: Vec<_> = diagnostics
        .into_iter()
        .chain(davar_policy::check(&set, date(2026, 3, 1)))
        .filter(|d| d.code == "broken-link")
        .collect();
    assert!(findings.is_empty(), "{findings:?}");
    let site = render_site(&set, date(2026, 3, 1), None).unwrap();
    let pages = pages(&site);
    let page = &pages["en/terms/v1/index.html"];
    let heading = page
        .split("<h2 id=\"right-to-rectification-art-16-gdpr\">")
        .nth(1)
        .and_then(|rest| rest.split("</h2>").next())
        .unwrap_or_else(|| panic!("no heading: {page}"));
    assert!(
        heading.contains("<span id=\"14.2-right-to-rectification-art.-16-gdpr\"></span>"),
        "{heading}"
    );
    // The anchor the source put in a heading is that heading's, though another heading's
    // words run together spell it too.
    let cookies = page
        .split("<h2 id=\"cookie-policy\">")
        .nth(1)
        .and_then(|rest| rest.split("</h2>").next())
        .unwrap_or_else(|| panic!("no heading: {page}"));
    assert!(
        cookies.contains("<span id=\"ShopCookiePolicy\"></span>"),
        "{cookies}"
    );
    for alias in ["6-haftung", "artikel-7", "sec-returns"] {
        assert!(
            page.contains(&format!("<span id=\"{alias}\"></span>")),
            "{alias}: {page}"
        );
    }
    let (checked, broken) = fragment_links(&pages);
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(checked >= 4, "only {checked} fragment links checked");
}

#[test]
fn what_changed_compares_text_outside_any_clause() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    for (doc, before, after) in [
        (
            "plain",
            "Returns are taken within seven days.\n",
            "Returns are taken within three days.\n",
        ),
        (
            "intro",
            "Read this first: we answer in seven days.\n\n## Scope {#scope}\n\nEvery order.\n",
            "Read this first: we answer in three days.\n\n## Scope {#scope}\n\nEvery order.\n",
        ),
    ] {
        std::fs::create_dir(dir.path().join(doc)).unwrap();
        let front2 = front(doc, "Help")
            .replace("version: 1", "version: 2")
            .replace("effective: 2026-01-01", "effective: 2026-02-01");
        std::fs::write(
            dir.path().join(format!("{doc}/v1.en.md")),
            format!("{}{before}", front(doc, "Help")),
        )
        .unwrap();
        std::fs::write(
            dir.path().join(format!("{doc}/v2.en.md")),
            format!("{front2}{after}"),
        )
        .unwrap();
    }
    let (set, _) = load(dir.path()).unwrap();
    let site = render_site(&set, date(2026, 3, 1), None).unwrap();
    for doc in ["plain", "intro"] {
        let page =
            String::from_utf8(site.files[&format!("en/{doc}/v2/changes.html")].clone()).unwrap();
        assert!(
            page.contains("<del>seven</del>") && page.contains("<ins>three</ins>"),
            "{doc}: {page}"
        );
        assert!(page.contains("Text before the first heading"), "{doc}");
    }
}
