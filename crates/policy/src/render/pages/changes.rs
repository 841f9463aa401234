//! `<lang>/<doc>/v<N>/changes.html`: what changed against the previous version, clause by
//! clause, with struck and inserted words.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::{DocContext, insert, local_number};
use crate::render::diff::{self, ClauseStatus};
use crate::render::{doc_types, i18n};

#[derive(Debug, Serialize)]
struct ClauseChangeView {
    #[serde(flatten)]
    change: diff::ClauseChange,
    status_text: &'static str,
}

/// Context of the change page of the `i`-th published version, or `None` for the first one.
pub fn changes_page(cx: &DocContext<'_>, i: usize) -> Option<Context> {
    let previous = *cx.published().get(i.checked_sub(1)?)?;
    let v = cx.published()[i];
    let root = "../../../";
    let lang = cx.lang;
    let mut changes = diff::compare(previous, v, cx.sentences);
    for change in changes.iter_mut().filter(|c| c.id == diff::PREAMBLE_ID) {
        change.heading = i18n::text(lang, "text_outside_clauses").to_string();
    }
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
    insert(&mut data, "doc_type", &doc_types::label(&v.doc_type, lang));
    insert(&mut data, "doc_title", &v.title);
    insert(&mut data, "v", &cx.view(i, root, false));
    insert(&mut data, "previous", &cx.view(i - 1, root, false));
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
