//! `GET /` and below: the published policy site, compiled into memory at start (and reload),
//! the same files `davar build` writes. `/fa/terms/` serves `fa/terms/index.html`; `/fa/terms`
//! (and `//fa/terms`) redirects to `/fa/terms/`.

use axum::extract::State;
use axum::http::{HeaderValue, Method, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::error::ApiError;
use crate::state::AppState;

/// Serves a file of the published site, or a JSON `404`.
pub(crate) async fn serve(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::NotFound(uri.path().to_owned()).into_response();
    }
    let compiled = state.compiled();
    let files = &compiled.site.files;
    let Some(relative) = site_path(uri.path()) else {
        return ApiError::NotFound(uri.path().to_owned()).into_response();
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
    ApiError::NotFound(uri.path().to_owned()).into_response()
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
    fn feeds_and_pages_get_their_types() {
        assert_eq!(
            content_type("en/terms/feed.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("rules.json"), "application/json");
    }
}
