//! The Atom feed of a document's versions in one language.

use serde::Serialize;
use tera::Context;

use super::{DocContext, insert};
use crate::render::i18n;

#[derive(Debug, Serialize)]
struct FeedEntry {
    id: String,
    title: String,
    updated: String,
    url: String,
    summary: String,
}

/// Context of `<lang>/<doc>/feed.xml`.
pub fn feed(cx: &DocContext<'_>) -> Context {
    let base = &cx.set.site.base_url;
    let doc_url = format!("{base}/{}/{}/", cx.lang, cx.doc.id);
    let mut entries: Vec<FeedEntry> = cx
        .published()
        .iter()
        .map(|v| FeedEntry {
            id: format!("{doc_url}v{}/", v.version),
            title: format!(
                "{} — {} {}",
                v.title,
                i18n::text(cx.lang, "version"),
                v.version
            ),
            updated: format!("{}T00:00:00Z", v.published),
            url: format!("{doc_url}v{}/", v.version),
            summary: format!(
                "{} {}. {}",
                i18n::text(cx.lang, "takes_effect_on"),
                v.effective,
                v.summary
            ),
        })
        .collect();
    entries.reverse();
    let updated = cx
        .published()
        .iter()
        .map(|v| v.published)
        .max()
        .map_or_else(String::new, |d| format!("{d}T00:00:00Z"));
    let title = cx
        .published()
        .last()
        .map_or(cx.doc.id.as_str(), |v| v.title.as_str());
    let mut data = Context::new();
    insert(
        &mut data,
        "feed",
        &serde_json::json!({
            "lang": cx.lang,
            "id": doc_url,
            "title": format!("{title} · {}", cx.set.site.name_in(cx.lang)),
            "updated": updated,
            "self_url": format!("{doc_url}feed.xml"),
            "alternate": doc_url,
            "author": cx.set.site.name_in(cx.lang),
            "entries": entries,
        }),
    );
    data
}
