//! `GET /moderate`: the moderator console (plain HTML, a stylesheet and four scripts, embedded
//! in the binary and served as files, so the page runs under a strict Content-Security-Policy).
//! The language list comes from the rule sets being served.

use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use crate::state::AppState;

const PAGE: &str = include_str!("../../assets/moderate.html");
const SCRIPT: &str = include_str!("../../assets/moderate.js");
const TEXT_SCRIPT: &str = include_str!("../../assets/text.js");
const CONSOLE_SCRIPT: &str = include_str!("../../assets/console.js");
const APPEAL_SCRIPT: &str = include_str!("../../assets/appeal.js");
const STYLE: &str = include_str!("../../assets/moderate.css");

/// The moderator page.
pub(crate) async fn page(State(state): State<AppState>) -> Html<String> {
    let compiled = state.compiled();
    let mut langs = compiled.rules.langs();
    // Persian first: the marketplace's binding language and the page's default.
    langs.sort_by_key(|l| (l != "fa", l.clone()));
    let options: String = langs
        .iter()
        .map(|l| {
            format!(
                "          <option value=\"{0}\">{1}</option>\n",
                escape(l),
                language_name(l)
            )
        })
        .collect();
    Html(PAGE.replace("<!--LANG_OPTIONS-->\n", &options))
}

fn javascript(source: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        source,
    )
        .into_response()
}

/// The try mode's script.
pub(crate) async fn script() -> Response {
    javascript(SCRIPT)
}

/// Text display shared by both modes (safe text, highlighting, API calls).
pub(crate) async fn text_script() -> Response {
    javascript(TEXT_SCRIPT)
}

/// The review queue's script.
pub(crate) async fn console_script() -> Response {
    javascript(CONSOLE_SCRIPT)
}

/// Appeals and statements of reasons in the queue.
pub(crate) async fn appeal_script() -> Response {
    javascript(APPEAL_SCRIPT)
}

/// The page's stylesheet.
pub(crate) async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

fn language_name(lang: &str) -> String {
    match lang {
        "fa" => "فارسی (fa)".to_owned(),
        "en" => "English (en)".to_owned(),
        "fr" => "Français (fr)".to_owned(),
        "de" => "Deutsch (de)".to_owned(),
        other => escape(other),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
