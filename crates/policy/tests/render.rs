//! Snapshot tests of the pages rendered from `tests/fixtures/policy/valid/`, as of 2026-01-10:
//! terms v2 is in force, v3 takes effect on 2027-01-15.

use std::path::Path;

use davar_policy::{load, render_site};
use jiff::civil::date;

fn site() -> davar_policy::Site {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/policy/valid");
    let (set, diagnostics) = load(&dir).expect("fixture loads");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    render_site(&set, date(2026, 1, 10), None).expect("renders")
}

fn page(site: &davar_policy::Site, path: &str) -> String {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} missing"));
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

#[test]
fn page_tree() {
    let site = site();
    let paths: Vec<&str> = site.files.keys().map(String::as_str).collect();
    insta::assert_snapshot!("page-tree", paths.join("\n"));
}

#[test]
fn pages_match_snapshots() {
    let site = site();
    for path in [
        "index.html",
        "fa/terms/index.html",
        "en/terms/index.html",
        "en/terms/v1/index.html",
        "en/terms/v2/changes.html",
        "fa/terms/v3/index.html",
        "en/terms/feed.xml",
    ] {
        insta::assert_snapshot!(path.replace('/', "__"), page(&site, path));
    }
}

#[test]
fn persian_pages_are_right_to_left_with_solar_hijri_dates() {
    let site = site();
    let fa = page(&site, "fa/terms/index.html");
    assert!(fa.contains("<html lang=\"fa\" dir=\"rtl\">"));
    // v2 effective 2025-07-01 = 10 Tir 1404, with the Gregorian date beside it.
    assert!(fa.contains("<time datetime=\"2025-07-01\">۱۰ تیر ۱۴۰۴</time> <span class=\"alt-date\">(۱ ژوئیه ۲۰۲۵)</span>"), "{fa}");
    let en = page(&site, "en/terms/index.html");
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn current_page_shows_the_version_in_force_and_announces_the_next() {
    let site = site();
    let en = page(&site, "en/terms/index.html");
    assert!(en.contains("within 10 days"), "v2 text expected");
    assert!(en.contains("A new version takes effect on <strong><time datetime=\"2027-01-15\">"));
    assert!(en.contains("href=\"../../en/terms/v3/\""));
    assert!(en.contains("class=\"current\" aria-current=\"page\">English"));
    assert!(
        en.contains("فارسی <span class=\"binding-mark\""),
        "binding language marked"
    );
}

#[test]
fn clause_links_resolve_and_raw_html_is_sanitised() {
    let site = site();
    let v2 = page(&site, "en/terms/v2/index.html");
    assert!(
        v2.contains(
            "<a href=\"../../../en/help/#contact\" rel=\"noopener noreferrer\">help page</a>"
        ),
        "{v2}"
    );
    assert!(v2.contains("<em>before</em>"));
    assert!(!v2.contains("<script"));
    assert!(v2.contains("<h2 id=\"returns\">Returns <a class=\"anchor\" href=\"#returns\""));
    // Obligation YAML never reaches a page (without sentences, the block is left out).
    assert!(
        !v2.contains("trigger:") && !v2.contains("obligation"),
        "{v2}"
    );
}

#[test]
fn changes_page_marks_words_by_clause() {
    let site = site();
    let changes = page(&site, "en/terms/v2/changes.html");
    assert!(
        changes.contains("within <del>7</del> <ins>10</ins> days"),
        "{changes}"
    );
    assert!(changes.contains("class=\"clause-change added\" id=\"reviews-no-links\""));
    assert!(
        !site.files.contains_key("en/terms/v1/changes.html"),
        "v1 has nothing to compare with"
    );
}

#[test]
fn templates_can_be_overridden() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/policy/valid");
    let (set, _) = load(&dir).unwrap();
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(
        templates.path().join("feed.xml"),
        "custom feed for {{ feed.lang }}",
    )
    .unwrap();
    std::fs::write(templates.path().join("style.css"), "body{}").unwrap();
    let site = render_site(&set, date(2026, 1, 10), Some(templates.path())).unwrap();
    assert_eq!(page(&site, "fa/terms/feed.xml"), "custom feed for fa");
    assert_eq!(page(&site, "style.css"), "body{}");
    std::fs::write(templates.path().join("index.html"), "{% if %}").unwrap();
    let err = render_site(&set, date(2026, 1, 10), Some(templates.path())).unwrap_err();
    assert!(err.to_string().contains("template"), "{err}");
}

#[test]
fn versions_are_not_published_before_their_publication_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/policy/valid");
    let (set, _) = load(&dir).unwrap();
    // terms v3 is published on 2025-12-01; a build as of the day before leaves it out.
    let site = render_site(&set, date(2025, 11, 30), None).unwrap();
    assert!(!site.files.contains_key("en/terms/v3/index.html"));
    let en = page(&site, "en/terms/index.html");
    assert!(
        !en.contains("v3/"),
        "no banner or list entry for an unpublished version"
    );
    assert!(page(&site, "en/terms/v2/index.html").contains("within 10 days"));
    // Before any version was published, the document has no pages at all.
    let site = render_site(&set, date(2025, 1, 1), None).unwrap();
    assert!(!site.files.keys().any(|p| p.contains("/terms/")));
    assert!(!page(&site, "index.html").contains("en/terms/"));
}

/// A one-language set of `terms` versions, each given as its clauses (id, prose).
fn versions(texts: &[&[(&str, &str)]]) -> davar_policy::PolicySet {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        "marketplace:\n  name: { en: Shop }\n  brands: [Shop]\nbase_url: https://shop.example\nlanguages: [en]\nbinding_language: en\nnotice_days: { consumers: 0, sellers: 0 }\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("terms")).unwrap();
    for (i, clauses) in texts.iter().enumerate() {
        let n = i + 1;
        let mut text = format!(
            "---\nid: terms\ntype: Terms of Service\nlang: en\ntitle: Terms\nversion: {n}\npublished: 2025-0{n}-01\neffective: 2025-0{n}-01\naudience: [consumers]\nchange: substantive\nsummary: Version {n}.\n---\n\n"
        );
        for (id, prose) in clauses.iter() {
            text.push_str(&format!("## {id} {{#{id}}}\n\n{prose}\n\n"));
        }
        std::fs::write(dir.path().join(format!("terms/v{n}.en.md")), text).unwrap();
    }
    let (set, diagnostics) = load(dir.path()).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    set
}

#[test]
fn compare_matches_clauses_by_id_and_places_removed_ones_after_their_predecessor() {
    use davar_policy::render::NoSentences;
    use davar_policy::render::diff::{ClauseStatus, compare};
    let set = versions(&[
        &[
            ("scope", "These terms apply."),
            ("fees", "Sellers pay 5 percent."),
            ("returns", "Returns within 7 days."),
            ("law", "French law applies."),
        ],
        &[
            ("law", "French law applies."),
            ("scope", "These terms apply."),
            ("returns", "Returns within 14 days."),
            ("privacy", "We keep data for a year."),
        ],
    ]);
    let doc = &set.documents[0];
    let (v1, v2) = (doc.version("en", 1).unwrap(), doc.version("en", 2).unwrap());
    let changes = compare(v1, v2, &NoSentences);
    let summary: Vec<(&str, ClauseStatus, usize, usize)> = changes
        .iter()
        .map(|c| (c.id.as_str(), c.status, c.insertions, c.deletions))
        .collect();
    assert_eq!(
        summary,
        [
            ("law", ClauseStatus::Unchanged, 0, 0),
            ("scope", ClauseStatus::Unchanged, 0, 0),
            ("fees", ClauseStatus::Removed, 0, 4),
            ("returns", ClauseStatus::Changed, 1, 1),
            ("privacy", ClauseStatus::Added, 6, 0),
        ]
    );
    assert_eq!(
        changes[3].html,
        "Returns within <del>7</del> <ins>14</ins> days."
    );
    // Identical versions: every clause unchanged, nothing marked.
    let same = compare(v2, v2, &NoSentences);
    assert!(same.iter().all(|c| c.status == ClauseStatus::Unchanged
        && c.insertions + c.deletions == 0
        && !c.html.contains("<ins>")
        && !c.html.contains("<del>")));
    assert_eq!(same.len(), 4);
}
