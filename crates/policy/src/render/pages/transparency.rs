//! `<lang>/transparency/index.html`: the transparency report of a period (figures from the
//! decision log) in the site's frame. The caller (`davar report`) supplies the figures already
//! worded in `lang`; this page gives them the site's header, language switcher and footer.

use serde::Serialize;
use tera::Context;

use super::{Page, footer, insert, switch_link};
use crate::model::PolicySet;
use crate::render::i18n;

/// The path of the transparency page of `lang` in the site.
pub fn transparency_path(lang: &str) -> String {
    format!("{lang}/transparency/index.html")
}

/// Context of the transparency page in `lang`, titled `title`, with the caller's `report`
/// (available to the template as `report`).
pub fn transparency(set: &PolicySet, lang: &str, title: &str, report: &impl Serialize) -> Context {
    // The page sits two directories below the site's root.
    let root = "../../";
    let switcher = set
        .site
        .languages
        .iter()
        .map(|l| switch_link(set, l, lang, format!("{root}{l}/transparency/")))
        .collect();
    let page = Page {
        lang: lang.to_string(),
        dir: i18n::direction(lang),
        root: root.to_string(),
        home: format!("{root}{lang}/"),
        title: title.to_string(),
        site_name: set.site.name_in(lang).to_string(),
        switcher,
        feed: None,
        canonical: Some(format!("{}/{lang}/transparency/", set.site.base_url)),
        footer: footer(set, lang),
    };
    let mut data = Context::new();
    insert(&mut data, "page", &page);
    insert(&mut data, "t", &i18n::strings(lang));
    data.insert("report", report);
    data
}
