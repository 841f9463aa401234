//! A long history costs output in proportion to its length: each version page links to a fixed
//! number of other versions, and the full list lives on one versions page. Doubling the number
//! of versions at most doubles the site (plus a little for longer summaries and numbers).
//! The timing of a 512-version build is measured with `examples/long_history.rs` (README).

use crate::generated;

use davar_policy::{check, load, render_site};
use jiff::civil::date;

fn site_bytes(versions: u32) -> (usize, davar_policy::Site) {
    let dir = tempfile::tempdir().unwrap();
    generated::write_long_history(dir.path(), versions).unwrap();
    let (set, diagnostics) = load(dir.path()).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let as_of = date(2030, 1, 1);
    let problems = check(&set, as_of);
    assert!(problems.is_empty(), "{:?}", problems.first());
    let site = render_site(&set, as_of, None).unwrap();
    (site.files.values().map(Vec::len).sum(), site)
}

#[test]
fn site_size_grows_linearly_with_the_number_of_versions() {
    let (small, _) = site_bytes(32);
    let (large, site) = site_bytes(64);
    let ratio = large as f64 / small as f64;
    assert!(
        ratio < 2.15,
        "32 versions: {small} bytes, 64 versions: {large} bytes (x{ratio:.2}); a version page must not list every version"
    );
    // Every version has its page; only the versions page lists them all.
    let doc = generated::DOC;
    let v10 = String::from_utf8(site.files[&format!("fr/{doc}/v10/index.html")].clone()).unwrap();
    let links = v10.matches(&format!("/{doc}/v")).count();
    assert!(links < 20, "version 10 links to {links} versions");
    let all =
        String::from_utf8(site.files[&format!("fr/{doc}/versions/index.html")].clone()).unwrap();
    for n in [1, 32, 64] {
        assert!(all.contains(&format!("{doc}/v{n}/\"")), "v{n} missing");
    }
    assert!(v10.contains(&format!("href=\"../../../fr/{doc}/versions/\"")));
}

#[test]
fn a_long_history_renders_the_same_every_time_and_a_failing_page_names_its_template() {
    let dir = tempfile::tempdir().unwrap();
    generated::write_long_history(dir.path(), 48).unwrap();
    let (set, _) = load(dir.path()).unwrap();
    let as_of = date(2030, 1, 1);
    // The versions' pages are rendered in parallel; the site does not depend on the order.
    let first = render_site(&set, as_of, None).unwrap();
    let second = render_site(&set, as_of, None).unwrap();
    assert!(first == second, "two renders of the same set differ");
    let doc = generated::DOC;
    for n in [2, 24, 48] {
        assert!(
            first
                .files
                .contains_key(&format!("fr/{doc}/v{n}/changes.html")),
            "v{n}"
        );
    }
    // A template that fails only on change pages fails the build, naming the template.
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(
        templates.path().join("changes.html"),
        "{{ clauses | length }} {{ no_such_value }}",
    )
    .unwrap();
    let err = render_site(&set, as_of, Some(templates.path())).unwrap_err();
    assert!(err.to_string().contains("`changes.html`"), "{err}");
}
