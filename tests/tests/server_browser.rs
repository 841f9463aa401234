//! The moderator console driven for real in headless Chromium through chromedriver (WebDriver):
//! the try mode highlights a phone number in place and records nothing; a moderator works the
//! queue with the keyboard and the buttons, and both decisions are in the items' history.
//! Needs the Debian packages `chromium` and `chromium-driver` (`scripts/install-chromium.sh`);
//! skipped without them locally, failing when `CI=true`.

use std::path::Path;

use crate::browser_support::{Driver, base64_decode, browser_available};
use crate::server_support::{self, Server};
use serde_json::{Value, json};

#[test]
fn the_moderator_page_highlights_a_phone_number_in_place() {
    if !browser_available() {
        return;
    }
    let server = Server::start(&["--store", "memory:"]);
    let driver = Driver::start();
    driver.record_csp_violations();
    driver.call(
        "POST",
        &driver.session("/url"),
        Some(json!({"url": format!("{}/moderate", server.url)})),
    );
    assert_eq!(
        driver.script("return document.documentElement.dir"),
        "rtl",
        "Persian is the default, right-to-left"
    );
    driver.click("#tab-try");

    let body = "جنس پارچه خوبه 👌 ولی برای سفارش عمده به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید";
    let title = driver.wait_for("#title");
    driver.call(
        "POST",
        &driver.session(&format!("/element/{title}/value")),
        Some(json!({"text": "پارچه خوب"})),
    );
    let textarea = driver.wait_for("#body");
    driver.call(
        "POST",
        &driver.session(&format!("/element/{textarea}/value")),
        Some(json!({"text": body})),
    );
    assert_eq!(
        driver.script("return document.getElementById('body').value"),
        body,
        "typed as is"
    );
    let submit = driver.wait_for("#submit");
    driver.call(
        "POST",
        &driver.session(&format!("/element/{submit}/click")),
        None,
    );

    driver.wait_for("mark[data-code~=\"contacts/phone\"]");
    let highlighted = driver.script(
        "return Array.from(document.querySelectorAll('mark[data-code~=\"contacts/phone\"]'))\
         .map(m => m.firstChild.textContent).join('')",
    );
    assert_eq!(
        highlighted, "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "exactly the number is highlighted"
    );
    // The text around it is shown unchanged, emoji included (code-point offsets done right).
    let shown = driver.script(
        "const c = document.getElementById('highlighted-body').cloneNode(true);\
         c.querySelectorAll('sup').forEach(s => s.remove()); return c.textContent",
    );
    assert_eq!(shown, body);
    assert_eq!(
        driver.script("return document.getElementById('verdict').dataset.verdict"),
        "reject"
    );
    let item = driver.script(
        "const li = document.querySelector('#violations li[data-code=\"contacts/phone\"]');\
         return [li.innerText, li.querySelector('a.clause').getAttribute('href')]",
    );
    assert!(
        item[1].as_str().unwrap().starts_with("/fa/terms/"),
        "{item}"
    );

    assert_eq!(
        driver.csp_violations(),
        json!([]),
        "the moderator page breaks its Content-Security-Policy"
    );

    // Keep a picture of the result for people reviewing the test run.
    driver.script("document.getElementById('result').scrollIntoView(); return true");
    let png = driver.call("GET", &driver.session("/screenshot"), None);
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("moderator-page.png");
    std::fs::write(&out, base64_decode(png.as_str().unwrap())).unwrap();
    eprintln!("screenshot: {}", out.display());
}

const CLIENT_KEY: &str = "storefront-key-0001";
const MODERATOR_KEY: &str = "moderator-key-sara-01";

/// Sends a comment as a storefront does; returns the decision id (the queue item).
fn submit(server: &Server, comment: Value) -> String {
    let reply = server_support::post_json(
        &format!("{}/v1/moderate", server.url),
        &comment,
        Some(CLIENT_KEY),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let result = reply.json();
    assert_eq!(result["verdict"], "review", "{result}");
    result["decision_id"].as_str().unwrap().to_owned()
}

fn history(server: &Server, item: &str) -> Vec<Value> {
    let reply = ureq::get(&format!("{}/v1/queue/{item}", server.url))
        .header("Authorization", &format!("Bearer {MODERATOR_KEY}"))
        .call()
        .expect("GET item");
    let body: Value = serde_json::from_reader(reply.into_body().as_reader()).expect("JSON");
    body["history"].as_array().unwrap().clone()
}

#[test]
fn a_moderator_works_the_queue_in_the_console() {
    if !browser_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.txt");
    std::fs::write(
        &keys,
        format!("client {CLIENT_KEY}\nmoderator {MODERATOR_KEY} sara\n"),
    )
    .unwrap();
    let server = Server::start(&["--store", "memory:", "--api-keys", keys.to_str().unwrap()]);
    // Two reviews without a title wait for a person. The first hides a right-to-left override,
    // which the console must show instead of obeying; the second has an emoji the engine removes.
    let first = submit(
        &server,
        json!({"id": "b-1", "kind": "review", "lang": "en",
            "body": "Solid build, \u{202E}see my profile\u{202C} for more."}),
    );
    let second = submit(
        &server,
        json!({"id": "b-2", "kind": "review", "lang": "en",
            "body": "Battery lasts two days 😀"}),
    );

    let driver = Driver::start();
    driver.record_csp_violations();
    driver.call(
        "POST",
        &driver.session("/url"),
        Some(json!({"url": format!("{}/moderate", server.url)})),
    );
    // The console asks for a key, then shows the queue with its counts.
    driver.wait_until("!document.getElementById('key-row').hidden");
    driver.type_into("#api-key", MODERATOR_KEY);
    driver.click("#key-save");
    driver.wait_until("document.getElementById('me').textContent === 'sara'");
    driver.wait_until("document.getElementById('count-pending').textContent === '2'");
    assert_eq!(
        driver.script("return document.querySelectorAll('#pending li').length"),
        2
    );

    // N claims the oldest item; R rejects it with the engine's code preselected.
    driver.press("n");
    driver.wait_until(&format!(
        "document.getElementById('item').dataset.id === '{first}'"
    ));
    let override_label = driver
        .script("const c = document.querySelector('#item-body .ctl'); return c && c.dataset.char");
    assert_eq!(
        override_label, "U+202E",
        "the override is shown, not obeyed"
    );
    assert_eq!(
        driver.script("return document.querySelector('#reject-codes input:checked').value"),
        "review/missing-title"
    );
    driver.press("r");
    driver.wait_until("document.querySelectorAll('#history li').length === 2");
    driver.wait_until("document.getElementById('count-pending').textContent === '1'");

    // The next item has the engine's repaired text; approving it publishes that text.
    driver.click("#next");
    driver.wait_until(&format!(
        "document.getElementById('item').dataset.id === '{second}'"
    ));
    assert_eq!(
        driver.script("return document.getElementById('edit-body').value"),
        "Battery lasts two days"
    );
    driver.click("#edit-approve");
    driver
        .wait_until("document.querySelector('#history li[data-action=\"edit-approve\"]') !== null");

    let rejected = history(&server, &first);
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert_eq!(rejected[1]["action"], "reject");
    assert_eq!(rejected[1]["decided_by"], "sara");
    assert_eq!(rejected[1]["violations"][0]["code"], "review/missing-title");
    let approved = history(&server, &second);
    assert_eq!(approved.len(), 2, "{approved:?}");
    assert_eq!(approved[1]["action"], "edit-approve");
    assert_eq!(approved[1]["edited"]["body"], "Battery lasts two days");

    // Try mode records nothing: the same question tried twice is no duplicate, and the queue
    // and the decision log are unchanged.
    driver.click("#tab-try");
    driver.script("document.getElementById('kind').value = 'question'; document.getElementById('kind').dispatchEvent(new Event('change')); return true");
    driver.type_into("#product", "p-try");
    for _ in 0..2 {
        driver.script("document.getElementById('body').value = ''; return true");
        driver.type_into(
            "#body",
            "باتری این گوشی خیلی خیلی خیلی زود تموم میشه یا نه؟",
        );
        driver.click("#submit");
        driver.wait_until("document.getElementById('verdict').dataset.verdict === 'review'");
        assert_eq!(
            driver.script("return document.querySelector('#violations li[data-code=\"qa/duplicate\"]') === null"),
            true
        );
        driver.script("document.getElementById('verdict').dataset.verdict = ''; return true");
    }
    let queue = ureq::get(&format!("{}/v1/queue", server.url))
        .header("Authorization", &format!("Bearer {MODERATOR_KEY}"))
        .call()
        .expect("GET queue");
    let queue: Value = serde_json::from_reader(queue.into_body().as_reader()).unwrap();
    assert_eq!(
        queue["counts"]["pending"], 0,
        "try mode queued nothing: {queue}"
    );
    let real = server_support::post_json(
        &format!("{}/v1/moderate", server.url),
        &json!({"kind": "question", "lang": "fa", "product": "p-try",
            "body": "باتری این گوشی خیلی خیلی خیلی زود تموم میشه یا نه؟"}),
        Some(CLIENT_KEY),
    );
    assert!(
        !server_support::has_code(&real.json(), "qa/duplicate"),
        "try mode stored no question: {}",
        real.body
    );

    assert_eq!(
        driver.csp_violations(),
        json!([]),
        "the console breaks its Content-Security-Policy"
    );
    driver.script("document.getElementById('tab-queue').click(); return true");
    let png = driver.call("GET", &driver.session("/screenshot"), None);
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("moderator-console.png");
    std::fs::write(&out, base64_decode(png.as_str().unwrap())).unwrap();
    eprintln!("screenshot: {}", out.display());
}

#[test]
fn the_published_site_raises_no_content_security_policy_violation() {
    if !browser_available() {
        return;
    }
    let server = Server::start(&["--store", "memory:"]);
    let driver = Driver::start();
    driver.record_csp_violations();
    let mut pages = vec!["/".to_owned()];
    for doc in ["terms", "dispute-policy"] {
        for lang in ["fa", "en"] {
            pages.push(format!("/{lang}/{doc}/"));
        }
    }
    for page in &pages {
        driver.call(
            "POST",
            &driver.session("/url"),
            Some(json!({"url": format!("{}{page}", server.url)})),
        );
        assert!(
            driver.script("return document.styleSheets.length").as_u64() >= Some(1),
            "{page}: the stylesheet loads"
        );
        assert_eq!(driver.csp_violations(), json!([]), "{page}");
    }
    // The version and changes pages the last document links to.
    let linked = driver.script(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)\
         .filter(h => h.startsWith(location.origin)).slice(0, 6)",
    );
    for url in linked.as_array().unwrap() {
        driver.call("POST", &driver.session("/url"), Some(json!({"url": url})));
        assert_eq!(driver.csp_violations(), json!([]), "{url}");
    }
}
