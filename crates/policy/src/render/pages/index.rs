//! The site's front page: every document and language, its version in force and any
//! upcoming version.

use jiff::civil::Date;
use serde::Serialize;
use tera::Context;

use super::{DocContext, Page, VersionView, footer, insert};
use crate::model::PolicySet;
use crate::render::i18n;

#[derive(Debug, Serialize)]
struct IndexRow {
    lang: String,
    lang_name: String,
    dir: &'static str,
    binding: bool,
    title: String,
    url: String,
    current: Option<VersionView>,
    upcoming: Option<VersionView>,
    t_version: &'static str,
    t_since: &'static str,
    t_takes_effect: &'static str,
    t_not_yet: &'static str,
}

/// Context of the site's `index.html`, in the binding language.
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
                .filter(|l| doc.versions_in(l).any(|v| v.published <= as_of))
                .map(|l| {
                    let cx = DocContext {
                        set,
                        doc,
                        lang: l,
                        as_of,
                    };
                    let current = doc.in_force(l, as_of);
                    let upcoming = cx.upcoming();
                    IndexRow {
                        lang: l.clone(),
                        lang_name: i18n::language_name(l).to_string(),
                        dir: i18n::direction(l),
                        binding: *l == set.site.binding_language,
                        title: current
                            .or(upcoming)
                            .map_or_else(|| doc.id.clone(), |v| v.title.clone()),
                        url: format!("{l}/{}/", doc.id),
                        current: current.map(|v| cx.view(v, "", false)),
                        upcoming: upcoming.map(|v| cx.view(v, "", false)),
                        t_version: i18n::text(l, "version"),
                        t_since: i18n::text(l, "in_force_since"),
                        t_takes_effect: i18n::text(l, "takes_effect_on"),
                        t_not_yet: i18n::text(l, "not_yet_in_force"),
                    }
                })
                .collect();
            let title = doc
                .in_force(lang, as_of)
                .or_else(|| doc.versions_in(lang).next())
                .or_else(|| doc.versions.first())
                .map_or_else(|| doc.id.clone(), |v| v.title.clone());
            serde_json::json!({ "id": doc.id, "title": title, "rows": rows })
        })
        .collect();
    let site_name = set.site.name_in(lang).to_string();
    let page = Page {
        lang: lang.to_string(),
        dir: i18n::direction(lang),
        root: String::new(),
        title: format!("{} {site_name}", i18n::text(lang, "policies_of")),
        site_name,
        switcher: Vec::new(),
        feed: None,
        canonical: Some(format!("{}/", set.site.base_url)),
        footer: footer(set, lang),
    };
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
