//! Template contexts for each page: what a reader sees, computed here so templates stay simple.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;
use tera::Context;

use super::dates::{DateView, date_view};
use super::diff::{self, ClauseStatus};
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
        .published_versions()
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
        .published_versions()
        .map(|v| v.published)
        .max()
        .map_or_else(String::new, |d| format!("{d}T00:00:00Z"));
    let title = cx
        .published_versions()
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
