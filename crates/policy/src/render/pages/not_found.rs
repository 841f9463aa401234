//! `404.html` (binding language) and `<lang>/404.html`: the page a server answers for an
//! address that has no page. It is served at any depth, so its links start from the site's
//! root path (taken from `base_url`) instead of being relative.

use jiff::civil::Date;
use tera::Context;

use super::{Page, footer, insert, site_switcher};
use crate::model::PolicySet;
use crate::render::{NoSentences, i18n};

/// The path of the site's root on its server, e.g. `/` or `/policies/`.
fn root_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.split_once('/') {
        Some((_, path)) if !path.trim_matches('/').is_empty() => {
            format!("/{}/", path.trim_matches('/'))
        }
        _ => "/".to_string(),
    }
}

/// Context of the not-found page in `lang`: where to go instead (the language's front page and
/// its documents).
pub fn not_found(set: &PolicySet, lang: &str, as_of: Date) -> Context {
    let root = root_path(&set.site.base_url);
    let site_name = set.site.name_in(lang).to_string();
    let documents: Vec<serde_json::Value> = set
        .documents
        .iter()
        .filter_map(|doc| {
            let cx = super::DocContext::new(set, doc, lang, as_of, &NoSentences);
            let shown = cx.current().or(cx.upcoming())?;
            Some(serde_json::json!({
                "title": shown.title,
                "url": format!("{root}{lang}/{}/", doc.id),
            }))
        })
        .collect();
    let page = Page {
        lang: lang.to_string(),
        dir: i18n::direction(lang),
        root: root.clone(),
        home: format!("{root}{lang}/"),
        title: i18n::text(lang, "not_found_title").to_string(),
        site_name: site_name.clone(),
        switcher: site_switcher(set, lang, &root),
        feed: None,
        canonical: None,
        footer: footer(set, lang),
    };
    let mut data = Context::new();
    insert(&mut data, "page", &page);
    insert(&mut data, "t", &i18n::strings(lang));
    insert(&mut data, "documents", &documents);
    insert(
        &mut data,
        "home_text",
        &format!("{} {site_name}", i18n::text(lang, "policies_of")),
    );
    data
}

#[cfg(test)]
mod tests {
    use super::root_path;

    #[test]
    fn root_path_comes_from_the_base_url() {
        assert_eq!(root_path("https://policies.example"), "/");
        assert_eq!(root_path("https://x.example/legal/"), "/legal/");
        assert_eq!(root_path("https://x.example/a/b"), "/a/b/");
    }
}
