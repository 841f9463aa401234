//! The pages of one document in one language: the version in force, each version's permanent
//! page, and the list of every version.

use serde::Serialize;
use tera::Context;

use super::toc::table_of_contents;
use super::{DocContext, insert, local_number};
use crate::render::dates::date_view;
use crate::render::{doc_types, i18n};

/// Context of `<lang>/<doc>/index.html`.
pub fn document_page(cx: &DocContext<'_>) -> Context {
    let root = "../../";
    let current = cx.current();
    let upcoming = cx.upcoming();
    let shown = current.or(upcoming);
    let title = shown.map_or(cx.doc.id.as_str(), |v| v.title.as_str());
    let mut data = Context::new();
    insert(
        &mut data,
        "page",
        &cx.page(root, title, None, &format!("{}/{}/", cx.lang, cx.doc.id)),
    );
    insert(&mut data, "t", &i18n::strings(cx.lang));
    insert(
        &mut data,
        "doc_type",
        &shown.map(|v| doc_types::label(&v.doc_type, cx.lang)),
    );
    insert(&mut data, "v", &cx.current.map(|i| cx.view(i, root, true)));
    insert(&mut data, "toc", &current.map(table_of_contents));
    insert(
        &mut data,
        "upcoming",
        &cx.upcoming.map(|i| cx.view(i, root, false)),
    );
    insert(&mut data, "versions", &cx.neighbours(cx.current, root));
    insert(&mut data, "nav", &nav(cx, root, "feed.xml"));
    data
}

/// Context of `<lang>/<doc>/v<N>/index.html` for the `i`-th published version.
pub fn version_page(cx: &DocContext<'_>, i: usize) -> Context {
    let root = "../../../";
    let lang = cx.lang;
    let v = cx.published()[i];
    let mut data = Context::new();
    insert(
        &mut data,
        "page",
        &cx.page(
            root,
            &v.title,
            Some(v.version),
            &format!("{lang}/{}/v{}/", cx.doc.id, v.version),
        ),
    );
    insert(&mut data, "t", &i18n::strings(lang));
    insert(&mut data, "doc_type", &doc_types::label(&v.doc_type, lang));
    insert(&mut data, "v", &cx.view(i, root, true));
    insert(&mut data, "toc", &table_of_contents(v));
    let newer = match cx.status(i) {
        "current" => None,
        status => cx.current().map(|c| {
            let text = if status == "upcoming" {
                format!(
                    "{} {}. {}",
                    i18n::text(lang, "future_version"),
                    date_view(v.effective, lang).text,
                    i18n::text(lang, "current_is")
                )
            } else {
                format!(
                    "{} {}",
                    i18n::text(lang, "old_version"),
                    i18n::text(lang, "current_is")
                )
            };
            Banner {
                kind: status,
                text,
                url: format!("{root}{lang}/{}/", cx.doc.id),
                link_text: format!(
                    "{} {}",
                    i18n::text(lang, "version"),
                    local_number(c.version, lang)
                ),
            }
        }),
    };
    insert(&mut data, "newer", &newer);
    insert(&mut data, "versions", &cx.neighbours(Some(i), root));
    insert(&mut data, "nav", &nav(cx, root, "../feed.xml"));
    data
}

/// Context of `<lang>/<doc>/versions/index.html`: every published version, newest first.
pub fn versions_page(cx: &DocContext<'_>) -> Context {
    let root = "../../../";
    let lang = cx.lang;
    let latest = cx.current().or_else(|| cx.published().last().copied());
    let doc_title = latest.map_or(cx.doc.id.as_str(), |v| v.title.as_str());
    let mut data = Context::new();
    let mut page = cx.page(
        root,
        doc_title,
        None,
        &format!("{lang}/{}/versions/", cx.doc.id),
    );
    page.title = format!("{} · {doc_title}", i18n::text(lang, "all_versions"));
    insert(&mut data, "page", &page);
    insert(&mut data, "t", &i18n::strings(lang));
    insert(
        &mut data,
        "doc_type",
        &latest.map(|v| doc_types::label(&v.doc_type, lang)),
    );
    insert(&mut data, "doc_title", &doc_title);
    insert(&mut data, "doc_url", &cx.doc_url(root, lang));
    insert(&mut data, "versions", &cx.versions(root));
    insert(&mut data, "nav", &nav(cx, root, "../feed.xml"));
    data
}

/// Links every page of a document carries to its history.
#[derive(Debug, Serialize)]
struct HistoryNav {
    /// The versions page.
    all_url: String,
    /// "All versions (12)", in the page's language and digits.
    all_text: String,
    /// The Atom feed, relative to the page.
    feed_url: &'static str,
}

fn nav(cx: &DocContext<'_>, root: &str, feed_url: &'static str) -> HistoryNav {
    HistoryNav {
        all_url: cx.versions_url(root),
        all_text: format!(
            "{} ({})",
            i18n::text(cx.lang, "all_versions"),
            local_number(
                u32::try_from(cx.published().len()).unwrap_or(u32::MAX),
                cx.lang
            )
        ),
        feed_url,
    }
}

#[derive(Debug, Serialize)]
struct Banner {
    kind: &'static str,
    text: String,
    url: String,
    link_text: String,
}
