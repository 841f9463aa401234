//! Front pages: the site's `index.html` (every document in every language, in the binding
//! language) and one `<lang>/index.html` per site language.

use jiff::civil::Date;
use serde::Serialize;
use tera::Context;

use super::{DocContext, Page, VersionView, footer, insert, site_switcher};
use crate::model::{Document, PolicySet};
use crate::render::{NoSentences, doc_types, i18n};

#[derive(Debug, Serialize)]
struct IndexRow {
    lang: String,
    lang_name: String,
    dir: &'static str,
    binding: bool,
    title: String,
    doc_type: String,
    url: String,
    current: Option<VersionView>,
    upcoming: Option<VersionView>,
    t_version: &'static str,
    t_since: &'static str,
    t_takes_effect: &'static str,
    t_not_yet: &'static str,
}

/// The row of `doc` in `lang`, linked from a page whose root prefix is `root`; `None` when
/// nothing of it is published in `lang` yet.
fn row(set: &PolicySet, doc: &Document, lang: &str, as_of: Date, root: &str) -> Option<IndexRow> {
    let cx = DocContext::new(set, doc, lang, as_of, &NoSentences);
    let shown = cx.current().or(cx.upcoming())?;
    Some(IndexRow {
        lang: lang.to_string(),
        lang_name: i18n::language_name(lang).to_string(),
        dir: i18n::direction(lang),
        binding: lang == set.site.binding_language,
        title: shown.title.clone(),
        doc_type: doc_types::label(&shown.doc_type, lang).to_string(),
        url: format!("{root}{lang}/{}/", doc.id),
        current: cx.current.map(|i| cx.view(i, root, false)),
        upcoming: cx.upcoming.map(|i| cx.view(i, root, false)),
        t_version: i18n::text(lang, "version"),
        t_since: i18n::text(lang, "in_force_since"),
        t_takes_effect: i18n::text(lang, "takes_effect_on"),
        t_not_yet: i18n::text(lang, "not_yet_in_force"),
    })
}

fn index_page(set: &PolicySet, lang: &str, root: &str, canonical: String) -> Page {
    let site_name = set.site.name_in(lang).to_string();
    Page {
        lang: lang.to_string(),
        dir: i18n::direction(lang),
        root: root.to_string(),
        home: format!("{root}{lang}/"),
        title: format!("{} {site_name}", i18n::text(lang, "policies_of")),
        site_name,
        switcher: site_switcher(set, lang, root),
        feed: None,
        canonical: Some(canonical),
        footer: footer(set, lang),
    }
}

/// Context of the site's `index.html`: every document in every language, in the binding
/// language, with links to each language's front page.
pub fn index(set: &PolicySet, as_of: Date) -> Context {
    let lang = set.site.binding_language.as_str();
    let documents: Vec<serde_json::Value> = set
        .documents
        .iter()
        .map(|doc| {
            let rows: Vec<IndexRow> = set
                .site
                .languages
                .iter()
                .filter_map(|l| row(set, doc, l, as_of, ""))
                .collect();
            let title = doc
                .in_force(lang, as_of)
                .or_else(|| doc.versions_in(lang).next())
                .or_else(|| doc.versions.first())
                .map_or_else(|| doc.id.clone(), |v| v.title.clone());
            serde_json::json!({ "id": doc.id, "title": title, "rows": rows })
        })
        .filter(|d| d["rows"].as_array().is_some_and(|r| !r.is_empty()))
        .collect();
    let page = index_page(set, lang, "", format!("{}/", set.site.base_url));
    let mut data = Context::new();
    insert(&mut data, "page", &page);
    insert(&mut data, "t", &i18n::strings(lang));
    insert(&mut data, "documents", &documents);
    insert(
        &mut data,
        "binding_note",
        &format!(
            "{} {}.",
            i18n::text(lang, "binding_note"),
            i18n::language_name(lang)
        ),
    );
    data
}

/// Context of `<lang>/index.html`: the documents published in `lang`, and those that are not,
/// linked in the language they have (the binding one first).
pub fn lang_index(set: &PolicySet, lang: &str, as_of: Date) -> Context {
    let root = "../";
    let mut rows = Vec::new();
    let mut elsewhere = Vec::new();
    for doc in &set.documents {
        if let Some(row) = row(set, doc, lang, as_of, root) {
            rows.push(row);
            continue;
        }
        let fallback = std::iter::once(set.site.binding_language.as_str())
            .chain(set.site.languages.iter().map(String::as_str))
            .find_map(|l| row(set, doc, l, as_of, root));
        elsewhere.extend(fallback);
    }
    let page = index_page(set, lang, root, format!("{}/{lang}/", set.site.base_url));
    let mut data = Context::new();
    insert(&mut data, "page", &page);
    insert(&mut data, "t", &i18n::strings(lang));
    insert(&mut data, "rows", &rows);
    insert(&mut data, "elsewhere", &elsewhere);
    insert(
        &mut data,
        "binding_note",
        &format!(
            "{} {}.",
            i18n::text(lang, "binding_note"),
            i18n::language_name_in(&set.site.binding_language, lang)
        ),
    );
    data
}
