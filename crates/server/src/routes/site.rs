//! `GET /` and below: the published policy site, compiled into memory at start (and reload),
//! the same files `davar build` writes. `/fa/terms/` serves `fa/terms/index.html`; `/fa/terms`
//! (and `//fa/terms`) redirects to `/fa/terms/`. An address with no page gets the site's HTML
//! not-found page (in the language of its first segment, `/en/...`), with status 404; under
//! `/v1` errors stay JSON.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::error::ApiError;
use crate::state::AppState;

/// Serves a file of the published site, the site's not-found page, or a JSON `404` (API paths
/// and methods other than GET and HEAD).
pub(crate) async fn serve(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD || is_api(uri.path()) {
        return ApiError::NotFound(uri.path().to_owned()).into_response();
    }
    let compiled = state.compiled();
    let files = &compiled.site.files;
    let Some(relative) = site_path(uri.path()) else {
        return not_found(files, uri.path());
    };
    if let Some(bytes) = files.get(&relative) {
        let mut response = bytes.clone().into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(content_type(&relative)),
        );
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        );
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        return response;
    }
    let directory_index = format!("{relative}/index.html");
    if !relative.is_empty() && !relative.ends_with('/') && files.contains_key(&directory_index) {
        // Built from the site path, whose leading slashes are gone: the target is always
        // `/x/...`, never `//host/...`, which a browser would read as another host.
        return Redirect::permanent(&format!("/{relative}/")).into_response();
    }
    not_found(files, uri.path())
}

/// Whether `path` belongs to the JSON API, whose errors stay JSON.
fn is_api(path: &str) -> bool {
    path == "/v1" || path.starts_with("/v1/")
}

/// The site's not-found page for `path` with status 404: `<lang>/404.html` when the first
/// segment is a site language, else `404.html`; JSON when the site has neither.
fn not_found(files: &BTreeMap<String, Vec<u8>>, path: &str) -> Response {
    let lang = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let page = (!lang.is_empty() && !lang.contains('.'))
        .then(|| files.get(&format!("{lang}/404.html")))
        .flatten()
        .or_else(|| files.get("404.html"));
    let Some(bytes) = page else {
        return ApiError::NotFound(path.to_owned()).into_response();
    };
    (
        StatusCode::NOT_FOUND,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        bytes.clone(),
    )
        .into_response()
}

/// The site file for a URL path: `""` and `/x/` map to `index.html` inside; `..`, empty and
/// percent-encoded segments never match a file, so they cannot escape the site.
fn site_path(path: &str) -> Option<String> {
    let trimmed = path.trim_start_matches('/');
    if trimmed
        .split('/')
        .any(|s| s == ".." || s == "." || s.contains('%') || s.contains('\\'))
    {
        return None;
    }
    if trimmed.is_empty() || trimmed.ends_with('/') {
        Some(format!("{trimmed}index.html"))
    } else {
        Some(trimmed.to_owned())
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/atom+xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths_map_to_site_files() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/fa/terms/").as_deref(),
            Some("fa/terms/index.html")
        );
        assert_eq!(
            site_path("/fa/terms/v2/changes.html").as_deref(),
            Some("fa/terms/v2/changes.html")
        );
        assert_eq!(site_path("/fa/../../etc/passwd"), None);
        assert_eq!(site_path("/fa/%2e%2e/x"), None);
    }

    #[test]
    fn only_v1_paths_are_the_api() {
        assert!(is_api("/v1"));
        assert!(is_api("/v1/nothing"));
        assert!(!is_api("/v1x"));
        assert!(!is_api("/fa/nothing"));
    }

    #[test]
    fn missing_pages_get_the_not_found_page_of_their_language() {
        let files = BTreeMap::from([
            ("404.html".to_owned(), b"fa page".to_vec()),
            ("en/404.html".to_owned(), b"en page".to_vec()),
        ]);
        for (path, body) in [
            ("/en/terms/v9/", "en page"),
            ("/nothing", "fa page"),
            ("/xx/y", "fa page"),
            ("/../en", "fa page"),
        ] {
            let response = not_found(&files, path);
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            assert_eq!(
                response.headers()[header::CONTENT_TYPE],
                "text/html; charset=utf-8"
            );
            let bytes = futures_body(response);
            assert_eq!(bytes, body.as_bytes(), "{path}");
        }
        let json = not_found(&BTreeMap::new(), "/x");
        assert_eq!(json.headers()[header::CONTENT_TYPE], "application/json");
    }

    fn futures_body(response: Response) -> Vec<u8> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap()
                .to_vec()
        })
    }

    #[test]
    fn feeds_and_pages_get_their_types() {
        assert_eq!(
            content_type("en/terms/feed.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("rules.json"), "application/json");
    }
}
