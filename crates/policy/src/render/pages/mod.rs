//! Template contexts for each page: what a reader sees, computed here so templates stay simple.
//! This module holds what every page shares (frame, version view, document context);
//! one submodule per kind of page.

mod document;
mod feed;
mod index;

pub use document::{changes_page, document_page, version_page};
pub use feed::feed;
pub use index::index;

use jiff::civil::Date;
use serde::Serialize;
use tera::Context;

use super::dates::{DateView, date_view};
use super::i18n;
use crate::markdown::html::{HtmlOptions, to_html};
use crate::model::{Document, PolicySet, PolicyVersion};

/// Frame of every page.
#[derive(Debug, Serialize)]
pub struct Page {
    lang: String,
    dir: &'static str,
    /// Relative path from the page to the site root, ending in `/` (or empty).
    root: String,
    title: String,
    site_name: String,
    switcher: Vec<SwitchLink>,
    feed: Option<String>,
    canonical: Option<String>,
    footer: String,
}

#[derive(Debug, Serialize)]
struct SwitchLink {
    lang: String,
    name: String,
    url: String,
    current: bool,
    binding: bool,
    binding_label: &'static str,
    binding_title: String,
}

/// A version as shown in lists, banners and page headers.
#[derive(Debug, Serialize)]
pub struct VersionView {
    /// The version number in the page's digits.
    number: String,
    url: String,
    changes_url: Option<String>,
    effective: DateView,
    published: DateView,
    superseded: Option<DateView>,
    status: &'static str,
    status_text: &'static str,
    status_label: &'static str,
    summary: String,
    change: &'static str,
    change_label: &'static str,
    audience: String,
    body: Option<String>,
}

/// Shared inputs of the pages of one document in one language.
pub struct DocContext<'a> {
    pub set: &'a PolicySet,
    pub doc: &'a Document,
    pub lang: &'a str,
    pub as_of: Date,
}

impl DocContext<'_> {
    /// Versions in this language made public by the build date (`published` not after it),
    /// oldest first: a version committed ahead of its publication date stays off the site.
    pub fn published_versions(&self) -> impl Iterator<Item = &PolicyVersion> + '_ {
        let as_of = self.as_of;
        self.doc
            .versions_in(self.lang)
            .filter(move |v| v.published <= as_of)
    }

    /// The first published version that takes effect after the build date.
    fn upcoming(&self) -> Option<&PolicyVersion> {
        self.published_versions()
            .filter(|v| v.effective > self.as_of)
            .min_by_key(|v| (v.effective, v.version))
    }
    fn status(&self, v: &PolicyVersion) -> &'static str {
        if v.effective > self.as_of {
            "upcoming"
        } else if self
            .doc
            .in_force(self.lang, self.as_of)
            .is_some_and(|c| c.version == v.version)
        {
            "current"
        } else {
            "superseded"
        }
    }

    fn doc_url(&self, root: &str, lang: &str) -> String {
        format!("{root}{lang}/{}/", self.doc.id)
    }

    fn version_url(&self, root: &str, n: u32) -> String {
        format!("{root}{}/{}/v{n}/", self.lang, self.doc.id)
    }

    fn previous(&self, v: &PolicyVersion) -> Option<&PolicyVersion> {
        self.published_versions()
            .filter(|p| p.version < v.version)
            .max_by_key(|p| p.version)
    }

    /// The view of `v` for a page whose root prefix is `root`; with the rendered body if asked.
    pub fn view(&self, v: &PolicyVersion, root: &str, with_body: bool) -> VersionView {
        let lang = self.lang;
        let status = self.status(v);
        let superseded = (status == "superseded")
            .then(|| {
                self.doc
                    .versions_in(lang)
                    .filter(|n| n.effective > v.effective && n.effective <= self.as_of)
                    .map(|n| n.effective)
                    .min()
            })
            .flatten()
            .map(|d| date_view(d, lang));
        let audience = v
            .audience
            .iter()
            .map(|a| i18n::text(lang, a.as_str()))
            .collect::<Vec<_>>()
            .join(if lang == "fa" { "، " } else { ", " });
        VersionView {
            number: local_number(v.version, lang),
            url: self.version_url(root, v.version),
            changes_url: self
                .previous(v)
                .map(|_| format!("{}changes.html", self.version_url(root, v.version))),
            effective: date_view(v.effective, lang),
            published: date_view(v.published, lang),
            superseded,
            status,
            status_text: i18n::text(lang, status),
            status_label: if status == "upcoming" {
                i18n::text(lang, "takes_effect_on")
            } else {
                i18n::text(lang, "in_force_since")
            },
            summary: v.summary.clone(),
            change: v.change.as_str(),
            change_label: i18n::text(lang, v.change.as_str()),
            audience,
            body: with_body.then(|| self.body_html(v, root)),
        }
    }

    fn body_html(&self, v: &PolicyVersion, root: &str) -> String {
        let set = self.set;
        let lang = self.lang;
        let resolve = |doc: &str, clause: Option<&str>| {
            let target = set.document(doc)?;
            let target_lang = set.fallback_lang(target, lang)?;
            Some(match clause {
                Some(clause) => format!("{root}{target_lang}/{doc}/#{clause}"),
                None => format!("{root}{target_lang}/{doc}/"),
            })
        };
        to_html(
            v.body(),
            &HtmlOptions {
                resolve: &resolve,
                obligation_label: i18n::text(lang, "obligation_label"),
                anchor_label: i18n::text(lang, "anchor_label"),
            },
        )
    }

    /// Every version in this language, newest first.
    pub fn versions(&self, root: &str) -> Vec<VersionView> {
        let mut views: Vec<VersionView> = self
            .published_versions()
            .map(|v| self.view(v, root, false))
            .collect();
        views.reverse();
        views
    }

    /// The page frame; `version` selects the version page of each language in the switcher.
    pub fn page(
        &self,
        root: &str,
        title: &str,
        version: Option<u32>,
        canonical_path: &str,
    ) -> Page {
        let set = self.set;
        let switcher = set
            .site
            .languages
            .iter()
            .filter(|l| self.doc.versions_in(l).any(|v| v.published <= self.as_of))
            .map(|l| {
                let url = match version {
                    Some(n) if self.doc.version(l, n).is_some() => {
                        format!("{root}{l}/{}/v{n}/", self.doc.id)
                    }
                    _ => self.doc_url(root, l),
                };
                switch_link(set, l, self.lang, url)
            })
            .collect();
        Page {
            lang: self.lang.to_string(),
            dir: i18n::direction(self.lang),
            root: root.to_string(),
            title: title.to_string(),
            site_name: set.site.name_in(self.lang).to_string(),
            switcher,
            feed: Some(format!("{}feed.xml", self.doc_url(root, self.lang))),
            canonical: Some(format!("{}/{canonical_path}", set.site.base_url)),
            footer: footer(set, self.lang),
        }
    }
}

fn switch_link(set: &PolicySet, lang: &str, current: &str, url: String) -> SwitchLink {
    let binding = lang == set.site.binding_language;
    SwitchLink {
        lang: lang.to_string(),
        name: i18n::language_name(lang).to_string(),
        url,
        current: lang == current,
        binding,
        binding_label: i18n::text(current, "binding"),
        binding_title: format!(
            "{} {}",
            i18n::text(current, "binding_note"),
            i18n::language_name(&set.site.binding_language)
        ),
    }
}

fn footer(set: &PolicySet, lang: &str) -> String {
    format!(
        "{} · {} {}.",
        set.site.name_in(lang),
        i18n::text(lang, "binding_note"),
        i18n::language_name(&set.site.binding_language)
    )
}

fn insert(data: &mut Context, key: &'static str, value: &impl Serialize) {
    data.insert(key, value);
}

/// A number in the digits of `lang` (Persian digits on Persian pages).
fn local_number(n: u32, lang: &str) -> String {
    if lang == "fa" {
        super::dates::persian_digits(&n.to_string())
    } else {
        n.to_string()
    }
}
