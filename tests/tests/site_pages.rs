//! The published site as `davar serve` answers it: front pages per language, the HTML
//! not-found page (JSON errors stay on `/v1`), the bundled Persian font with its licence, and
//! pages that work under a strict Content-Security-Policy (no inline script or style) and show
//! obligation blocks as sentences, never as YAML.

use crate::server_support::{self, Server, get};

#[test]
fn every_language_has_a_front_page_with_a_switcher() {
    let server = Server::start(&["--store", "memory:"]);
    for (lang, dir, heading) in [
        ("fa", "rtl", "سیاست‌های چهارسو"),
        ("en", "ltr", "Policies of Chaharsu"),
        ("fr", "ltr", "Politiques de Chaharsu"),
        ("de", "ltr", "Richtlinien von Chaharsu"),
    ] {
        let page = get(&format!("{}/{lang}/", server.url));
        assert_eq!(page.status, 200, "/{lang}/");
        assert!(page.content_type.starts_with("text/html"));
        assert!(
            page.body
                .contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "/{lang}/"
        );
        assert!(page.body.contains(heading), "/{lang}/: {}", page.body);
        for other in ["fa", "en", "fr", "de"] {
            assert!(
                page.body.contains(&format!("href=\"../{other}/\"")),
                "/{lang}/ switches to {other}"
            );
        }
    }
    // The French front page lists the French complaints policy and points to the terms, which
    // have no French text, in the binding language.
    let fr = get(&format!("{}/fr/", server.url)).body;
    assert!(fr.contains("href=\"../fr/dispute-policy/\""), "{fr}");
    assert!(fr.contains("href=\"../fa/terms/\""), "{fr}");
    assert!(
        fr.contains("Politique de traitement des réclamations"),
        "type label translated"
    );
    // `/fa` redirects to `/fa/`.
    assert_eq!(get(&format!("{}/fa", server.url)).status, 200);
}

#[test]
fn missing_pages_get_an_html_page_and_the_api_keeps_json() {
    let server = Server::start(&["--store", "memory:"]);
    let en = get(&format!("{}/en/terms/v99/", server.url));
    assert_eq!(en.status, 404);
    assert!(
        en.content_type.starts_with("text/html"),
        "{}",
        en.content_type
    );
    assert!(en.body.contains("<html lang=\"en\""));
    assert!(en.body.contains("Page not found"));
    assert!(en.body.contains("href=\"/en/terms/\""), "{}", en.body);
    assert!(
        en.body.contains("href=\"/style.css\""),
        "styled at any depth"
    );

    let fa = get(&format!("{}/no/such/page", server.url));
    assert_eq!(fa.status, 404);
    assert!(fa.body.contains("<html lang=\"fa\" dir=\"rtl\">"));
    assert!(fa.body.contains("صفحه پیدا نشد"));

    let api = get(&format!("{}/v1/nothing", server.url));
    assert_eq!(api.status, 404);
    assert!(api.content_type.starts_with("application/json"));
    assert_eq!(api.json()["error"]["code"], "not-found");
}

#[test]
fn the_persian_font_ships_with_its_licence() {
    let server = Server::start(&["--store", "memory:"]);
    let css = get(&format!("{}/style.css", server.url)).body;
    assert!(css.contains("@font-face"), "{css}");
    assert!(css.contains("url(\"fonts/vazirmatn.woff2\")"));
    let font = ureq::get(&format!("{}/fonts/vazirmatn.woff2", server.url))
        .call()
        .unwrap();
    assert_eq!(font.headers()["content-type"], "font/woff2");
    let licence = get(&format!("{}/fonts/OFL.txt", server.url));
    assert_eq!(licence.status, 200);
    assert!(licence.body.contains("SIL OPEN FONT LICENSE Version 1.1"));
}

#[test]
fn pages_have_no_inline_script_or_style_and_no_obligation_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let status = std::process::Command::new(davar_tests::davar_bin())
        .current_dir(server_support::workspace())
        .args(["build", "--as-of", server_support::AS_OF, "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut pages = 0;
    let mut stack = vec![out.clone()];
    while let Some(path) = stack.pop() {
        for entry in std::fs::read_dir(&path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            pages += 1;
            let html = std::fs::read_to_string(&path).unwrap();
            let shown = path.display();
            assert!(!html.contains("<script"), "{shown}");
            assert!(!html.contains("<style"), "{shown}");
            assert!(!html.contains(" style="), "{shown}");
            for yaml in ["trigger:", "actor:", "requires:", "```"] {
                assert!(!html.contains(yaml), "{shown} shows `{yaml}`");
            }
            // Every event of the example policies has its words (no quoted event names).
            for fallback in ["the step “", "l’étape « ", "den Schritt „", "مرحله‌ی «"]
            {
                assert!(!html.contains(fallback), "{shown}: `{fallback}`");
            }
        }
    }
    assert!(pages > 40, "{pages} pages");
    let en = std::fs::read_to_string(out.join("en/dispute-policy/index.html")).unwrap();
    assert!(
        en.contains("<p class=\"obligation-text\">We acknowledge the complaint within 24 hours after it is received, with a reference number.</p>"),
        "{en}"
    );
    let fa = std::fs::read_to_string(out.join("fa/dispute-policy/index.html")).unwrap();
    assert!(fa.contains("ما ظرف ۲۴ ساعت پس از دریافت شکایت"), "{fa}");
    let rules = std::fs::read_to_string(out.join("rules.json")).unwrap();
    assert!(
        rules.contains("acknowledge-complaint"),
        "the rules stay in rules.json"
    );
}
