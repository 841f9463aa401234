//! The published pages as a reader's browser shows them (headless Chromium through
//! chromedriver, served by the real `davar serve`): a Persian page, an English page and a
//! Persian what-changed page, each checked for the font that actually draws its text, its
//! table of contents, the absence of obligation YAML, dates that do not wrap, and, on the
//! what-changed page, struck and inserted words drawn apart. Screenshots are kept under
//! `CARGO_TARGET_TMPDIR`. Skipped without Chromium locally, failing when `CI=true`.

use crate::browser_support::{Driver, browser_available};
use crate::server_support::Server;
use serde_json::{Value, json};

/// The fonts Chromium used to draw the text of the first element matching `css`
/// (DevTools `CSS.getPlatformFontsForNode`): (family name, whether it is a web font).
fn fonts_drawing(driver: &Driver, css: &str) -> Vec<(String, bool)> {
    driver.cdp("DOM.enable", json!({}));
    driver.cdp("CSS.enable", json!({}));
    let root = driver.cdp("DOM.getDocument", json!({"depth": 0}));
    let node = driver.cdp(
        "DOM.querySelector",
        json!({"nodeId": root["root"]["nodeId"], "selector": css}),
    );
    let node_id = node["nodeId"].as_i64().expect("node id");
    assert!(node_id > 0, "no element matches `{css}`");
    // Fonts are reported for the node's own text: ask for its first text child.
    let described = driver.cdp("DOM.describeNode", json!({"nodeId": node_id, "depth": 1}));
    let text_child = described["node"]["children"]
        .as_array()
        .and_then(|c| c.iter().find(|n| n["nodeType"] == 3))
        .map(|n| n["backendNodeId"].clone());
    let target = match text_child {
        Some(backend) => {
            let pushed = driver.cdp(
                "DOM.pushNodesByBackendIdsToFrontend",
                json!({"backendNodeIds": [backend]}),
            );
            pushed["nodeIds"][0].clone()
        }
        None => json!(node_id),
    };
    let fonts = driver.cdp("CSS.getPlatformFontsForNode", json!({"nodeId": target}));
    fonts["fonts"]
        .as_array()
        .expect("fonts")
        .iter()
        .map(|f| {
            (
                f["familyName"].as_str().unwrap_or("").to_owned(),
                f["isCustomFont"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

/// The dates (and Gregorian dates in parentheses) drawn on more than one line. Mixed Persian
/// letters and digits make several boxes on one line, so lines are told apart by their tops.
const WRAPPED_DATES: &str = "Array.from(document.querySelectorAll('time, .alt-date')).filter(e => {\
     const tops = Array.from(e.getClientRects()).map(r => r.top);\
     return Math.max(...tops) - Math.min(...tops) > 2; })";

/// Checks shared by every policy page: a table of contents whose links all reach a clause,
/// no obligation YAML, and dates (with the Gregorian one in parentheses) on one line each.
fn check_reader_page(driver: &Driver, what: &str) {
    let toc = driver.script(
        "return Array.from(document.querySelectorAll('nav.toc a')).map(a => a.getAttribute('href'))",
    );
    let toc = toc.as_array().expect("toc links");
    assert!(toc.len() >= 5, "{what}: table of contents {toc:?}");
    let missing = driver.script(
        "return Array.from(document.querySelectorAll('nav.toc a'))\
         .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))",
    );
    assert_eq!(
        missing,
        json!([]),
        "{what}: contents links without a clause"
    );
    let text = driver.script("return document.body.innerText");
    let text = text.as_str().expect("text");
    for yaml in [
        "trigger:",
        "actor:",
        "action:",
        "within:",
        "requires:",
        "```",
    ] {
        assert!(
            !text.contains(yaml),
            "{what}: obligation YAML `{yaml}` shown"
        );
    }
    let wrapped = driver.script(&format!("return {WRAPPED_DATES}.map(e => e.textContent)"));
    assert_eq!(wrapped, json!([]), "{what}: dates broken across lines");
    let inline = driver.script("return document.querySelectorAll('script, style, [style]').length");
    assert_eq!(
        inline, 0,
        "{what}: inline script or style (a strict CSP blocks them)"
    );
}

#[test]
fn persian_and_english_pages_read_well_in_a_browser() {
    if !browser_available() {
        return;
    }
    let server = Server::start(&["--store", "memory:"]);
    let driver = Driver::start();

    driver.open(&format!("{}/fa/dispute-policy/", server.url));
    assert_eq!(driver.script("return document.documentElement.dir"), "rtl");
    check_reader_page(&driver, "fa/dispute-policy");
    let loaded = driver.script(
        "return Array.from(document.fonts).filter(f => f.family.replace(/\"/g, '') === 'Vazirmatn')\
         .map(f => f.status)",
    );
    assert_eq!(loaded, json!(["loaded"]), "the bundled Vazirmatn is loaded");
    let fonts = fonts_drawing(&driver, ".policy-body p");
    assert!(
        fonts
            .iter()
            .any(|(family, web)| family.contains("Vazirmatn") && *web),
        "Persian text is drawn with the Vazirmatn web font: {fonts:?}"
    );
    let heading = fonts_drawing(&driver, "nav.toc a");
    assert!(
        heading
            .iter()
            .any(|(family, _)| family.contains("Vazirmatn")),
        "{heading:?}"
    );
    driver.screenshot("site-fa-dispute-policy");

    driver.open(&format!("{}/en/dispute-policy/", server.url));
    assert_eq!(driver.script("return document.documentElement.dir"), "ltr");
    check_reader_page(&driver, "en/dispute-policy");
    let fonts = fonts_drawing(&driver, ".policy-body p");
    assert!(
        !fonts.is_empty()
            && fonts
                .iter()
                .all(|(family, _)| !family.contains("Vazirmatn")),
        "English text keeps the system font: {fonts:?}"
    );
    let switcher = driver
        .script("return Array.from(document.querySelectorAll('nav.languages a')).map(a => a.lang)");
    assert_eq!(switcher, json!(["fa", "en", "fr", "de"]));
    driver.screenshot("site-en-dispute-policy");
}

#[test]
fn the_persian_what_changed_page_keeps_struck_and_inserted_words_apart() {
    if !browser_available() {
        return;
    }
    let server = Server::start(&["--store", "memory:"]);
    let driver = Driver::start();
    driver.open(&format!("{}/fa/dispute-policy/v2/changes.html", server.url));
    assert_eq!(driver.script("return document.documentElement.dir"), "rtl");
    // Every <del> directly followed by an <ins>: the text between them and, when both sit on
    // one line, the gap between the boxes the browser drew.
    let pairs: Value = driver.script(
        "return Array.from(document.querySelectorAll('.diff del')).filter(d => {\
           let n = d.nextSibling; while (n && n.nodeType === 3 && n.textContent.trim() === '') n = n.nextSibling;\
           return n && n.nodeName === 'INS';\
         }).map(d => {\
           let between = ''; let n = d.nextSibling;\
           while (n.nodeName !== 'INS') { between += n.textContent; n = n.nextSibling; }\
           const a = d.getClientRects(), b = n.getClientRects();\
           const last = a[a.length - 1], first = b[0];\
           const sameLine = Math.abs(last.top - first.top) < 2;\
           const gap = sameLine ? Math.max(first.left - last.right, last.left - first.right) : null;\
           return {del: d.textContent, ins: n.textContent, between, gap};\
         })",
    );
    let pairs = pairs.as_array().expect("pairs");
    assert!(!pairs.is_empty(), "the page has replaced words");
    for pair in pairs {
        assert!(
            pair["between"]
                .as_str()
                .is_some_and(|b| b.chars().any(char::is_whitespace)),
            "no space between struck and inserted words: {pair}"
        );
        if let Some(gap) = pair["gap"].as_f64() {
            assert!(gap >= 2.0, "struck and inserted words touch: {pair}");
        }
    }
    let fonts = fonts_drawing(&driver, ".diff ins");
    assert!(
        fonts.iter().any(|(family, _)| family.contains("Vazirmatn")),
        "{fonts:?}"
    );
    let wrapped = driver.script(&format!("return {WRAPPED_DATES}.length"));
    assert_eq!(wrapped, 0, "dates broken across lines");
    driver.screenshot("site-fa-dispute-policy-changes");
}
