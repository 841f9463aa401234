//! The pages of one document in one language: the version in force, each version's
//! permanent page, and what changed against the previous version.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::{DocContext, insert, local_number};
use crate::model::PolicyVersion;
use crate::render::dates::date_view;
use crate::render::diff::{self, ClauseStatus};
use crate::render::i18n;

/// Context of `<lang>/<doc>/index.html`.
pub fn document_page(cx: &DocContext<'_>) -> Context {
    let root = "../../";
    let current = cx.doc.in_force(cx.lang, cx.as_of);
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
    insert(&mut data, "doc_type", &shown.map(|v| v.doc_type.as_str()));
    insert(&mut data, "v", &current.map(|v| cx.view(v, root, true)));
    insert(
        &mut data,
        "upcoming",
        &upcoming.map(|v| cx.view(v, root, false)),
    );
    insert(&mut data, "versions", &cx.versions(root));
    insert(&mut data, "feed_url", &"feed.xml");
    data
}

/// Context of `<lang>/<doc>/v<N>/index.html`.
pub fn version_page(cx: &DocContext<'_>, v: &PolicyVersion) -> Context {
    let root = "../../../";
    let lang = cx.lang;
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
    insert(&mut data, "doc_type", &v.doc_type);
    insert(&mut data, "v", &cx.view(v, root, true));
    let newer = match cx.status(v) {
        "current" => None,
        status => cx.doc.in_force(lang, cx.as_of).map(|c| {
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
    insert(&mut data, "versions", &cx.versions(root));
    insert(&mut data, "feed_url", &"../feed.xml");
    data
}

#[derive(Debug, Serialize)]
struct Banner {
    kind: &'static str,
    text: String,
    url: String,
    link_text: String,
}

#[derive(Debug, Serialize)]
struct ClauseChangeView {
    #[serde(flatten)]
    change: diff::ClauseChange,
    status_text: &'static str,
}

/// Context of `<lang>/<doc>/v<N>/changes.html`, or `None` for a first version.
pub fn changes_page(cx: &DocContext<'_>, v: &PolicyVersion) -> Option<Context> {
    let previous = cx.previous(v)?;
    let root = "../../../";
    let lang = cx.lang;
    let changes = diff::compare(previous, v);
    let changed_count = changes
        .iter()
        .filter(|c| c.status != ClauseStatus::Unchanged)
        .count();
    let unchanged: Vec<BTreeMap<&str, &str>> = changes
        .iter()
        .filter(|c| c.status == ClauseStatus::Unchanged)
        .map(|c| BTreeMap::from([("id", c.id.as_str()), ("heading", c.heading.as_str())]))
        .collect();
    let title = format!(
        "{} {}",
        i18n::text(lang, "changes_title"),
        local_number(v.version, lang)
    );
    let mut data = Context::new();
    let mut page = cx.page(
        root,
        &v.title,
        Some(v.version),
        &format!("{lang}/{}/v{}/changes.html", cx.doc.id, v.version),
    );
    page.title = format!("{title} · {}", v.title);
    insert(&mut data, "page", &page);
    insert(&mut data, "t", &i18n::strings(lang));
    insert(&mut data, "doc_type", &v.doc_type);
    insert(&mut data, "doc_title", &v.title);
    insert(&mut data, "v", &cx.view(v, root, false));
    insert(&mut data, "previous", &cx.view(previous, root, false));
    insert(&mut data, "changed_count", &changed_count);
    insert(&mut data, "unchanged", &unchanged);
    let views: Vec<ClauseChangeView> = changes
        .into_iter()
        .map(|change| {
            let key = match change.status {
                ClauseStatus::Added => "added",
                ClauseStatus::Removed => "removed",
                ClauseStatus::Changed | ClauseStatus::Unchanged => "changed",
            };
            ClauseChangeView {
                status_text: i18n::text(lang, key),
                change,
            }
        })
        .collect();
    insert(&mut data, "clauses", &views);
    Some(data)
}
