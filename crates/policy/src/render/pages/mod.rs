//! Template contexts for each page: what a reader sees, computed here so templates stay simple.
//! This module holds what every page shares (frame, version view, document context);
//! one submodule per kind of page.
//!
//! Every page of a document links to a fixed number of other versions (previous, next, in
//! force, upcoming); the full list lives on one versions page per document and language, so a
//! long history costs time and output in proportion to its length.

mod changes;
mod document;
mod feed;
mod index;
mod not_found;
mod toc;
mod transparency;

pub use changes::changes_page;
pub use document::{document_page, version_page, versions_page};
pub use feed::feed;
pub use index::{index, lang_index};
pub use not_found::not_found;
pub use transparency::{transparency, transparency_path};

use jiff::civil::Date;
use serde::Serialize;
use tera::Context;

use super::ObligationSentences;
use super::dates::{DateView, date_view};
use super::i18n;
use crate::markdown::html::{HtmlOptions, to_html};
use crate::memo::Memo;
use crate::model::{Document, PolicySet, PolicyVersion};

/// Frame of every page.
/// Most bytes of bodies a document's pages keep rendered ([`DocContext::body_html`]).
const BODIES_BUDGET: usize = 8 << 20;

#[derive(Debug, Serialize)]
pub struct Page {
    lang: String,
    dir: &'static str,
    /// Relative path from the page to the site root, ending in `/` (or empty).
    root: String,
    /// Link to the front page in the page's language.
    home: String,
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

/// Shared inputs of the pages of one document in one language, with the version history
/// indexed once so that each page costs the same however long the history is.
pub struct DocContext<'a> {
    pub set: &'a PolicySet,
    pub doc: &'a Document,
    pub lang: &'a str,
    pub as_of: Date,
    pub sentences: &'a dyn ObligationSentences,
    /// Versions in this language made public by the build date (`published` not after it),
    /// oldest first: a version committed ahead of its publication date stays off the site.
    published: Vec<&'a PolicyVersion>,
    /// Index in `published` of the version in force.
    current: Option<usize>,
    /// Index in `published` of the first version taking effect after the build date.
    upcoming: Option<usize>,
    /// Per published version: the date a later version took its place, if by the build date.
    superseded: Vec<Option<Date>>,
    /// Bodies rendered before, by text, clause ids and page root.
    bodies: Memo<String>,
}

impl<'a> DocContext<'a> {
    /// Indexes the published history of `doc` in `lang`.
    pub fn new(
        set: &'a PolicySet,
        doc: &'a Document,
        lang: &'a str,
        as_of: Date,
        sentences: &'a dyn ObligationSentences,
    ) -> DocContext<'a> {
        let published: Vec<&PolicyVersion> = doc
            .versions_in(lang)
            .filter(|v| v.published <= as_of)
            .collect();
        let by_date = |i: &usize| (published[*i].effective, published[*i].version);
        let current = (0..published.len())
            .filter(|&i| published[i].effective <= as_of)
            .max_by_key(by_date);
        let upcoming = (0..published.len())
            .filter(|&i| published[i].effective > as_of)
            .min_by_key(by_date);
        // Effective dates reached by the build date, sorted: a version is superseded on the
        // first of them after its own.
        let mut reached: Vec<Date> = doc
            .versions_in(lang)
            .map(|v| v.effective)
            .filter(|d| *d <= as_of)
            .collect();
        reached.sort_unstable();
        let superseded = published
            .iter()
            .map(|v| {
                let next = reached.partition_point(|d| *d <= v.effective);
                reached.get(next).copied()
            })
            .collect();
        DocContext {
            set,
            doc,
            lang,
            as_of,
            sentences,
            published,
            current,
            upcoming,
            superseded,
            bodies: Memo::new(BODIES_BUDGET),
        }
    }

    /// The published versions, oldest first.
    pub fn published(&self) -> &[&'a PolicyVersion] {
        &self.published
    }

    /// The version in force on the build date.
    fn current(&self) -> Option<&'a PolicyVersion> {
        self.current.map(|i| self.published[i])
    }

    /// The first published version that takes effect after the build date.
    fn upcoming(&self) -> Option<&'a PolicyVersion> {
        self.upcoming.map(|i| self.published[i])
    }

    fn status(&self, i: usize) -> &'static str {
        if self.published[i].effective > self.as_of {
            "upcoming"
        } else if self.current == Some(i) {
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

    fn versions_url(&self, root: &str) -> String {
        format!("{root}{}/{}/versions/", self.lang, self.doc.id)
    }

    /// The view of the `i`-th published version for a page whose root prefix is `root`; with
    /// the rendered body if asked.
    pub fn view(&self, i: usize, root: &str, with_body: bool) -> VersionView {
        let lang = self.lang;
        let v = self.published[i];
        let status = self.status(i);
        let superseded = if status == "superseded" {
            self.superseded[i].map(|d| date_view(d, lang))
        } else {
            None
        };
        let audience = v
            .audience
            .iter()
            .map(|a| i18n::text(lang, a.as_str()))
            .collect::<Vec<_>>()
            .join(if lang == "fa" { "، " } else { ", " });
        VersionView {
            number: local_number(v.version, lang),
            url: self.version_url(root, v.version),
            changes_url: (i > 0)
                .then(|| format!("{}changes.html", self.version_url(root, v.version))),
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

    /// The body of `v` as HTML. A body without obligation blocks is the same HTML wherever
    /// its text, clause ids and anchors are the same: a version that repeats an earlier one
    /// takes its HTML.
    fn body_html(&self, v: &PolicyVersion, root: &str) -> String {
        let blocks = v
            .clauses
            .iter()
            .chain(v.preamble.as_ref())
            .any(|c| !c.obligation_blocks.is_empty());
        if blocks {
            return self.render_body(v, root);
        }
        let mut ids = String::new();
        for clause in &v.clauses {
            for id in std::iter::once(&clause.id).chain(&clause.aliases) {
                ids.push_str(id);
                ids.push(' ');
            }
            ids.push('\n');
        }
        self.bodies
            .get_or(&[v.body(), root, &ids], || self.render_body(v, root))
    }

    fn render_body(&self, v: &PolicyVersion, root: &str) -> String {
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
        let sentence = |text: &str| super::block_sentence(self.sentences, v, text);
        let clause_ids: Vec<String> = v.clauses.iter().map(|c| c.id.clone()).collect();
        let clause_aliases: Vec<Vec<String>> =
            v.clauses.iter().map(|c| c.aliases.clone()).collect();
        to_html(
            v.body(),
            &HtmlOptions {
                resolve: &resolve,
                obligation: &sentence,
                obligation_label: i18n::text(lang, "obligation_label"),
                anchor_label: i18n::text(lang, "anchor_label"),
                allow: set.site.html,
                clause_ids: &clause_ids,
                clause_aliases: &clause_aliases,
            },
        )
    }

    /// Every published version, newest first.
    pub fn versions(&self, root: &str) -> Vec<VersionView> {
        (0..self.published.len())
            .rev()
            .map(|i| self.view(i, root, false))
            .collect()
    }

    /// The versions a page about the `shown`-th version links to: the one before and after it,
    /// the version in force and the upcoming one, newest first, each once.
    pub fn neighbours(&self, shown: Option<usize>, root: &str) -> Vec<VersionView> {
        let mut picks: Vec<usize> = Vec::with_capacity(4);
        if let Some(i) = shown {
            if i + 1 < self.published.len() {
                picks.push(i + 1);
            }
            if i > 0 {
                picks.push(i - 1);
            }
        }
        picks.extend(self.current);
        picks.extend(self.upcoming);
        picks.retain(|i| Some(*i) != shown);
        picks.sort_unstable();
        picks.dedup();
        picks
            .into_iter()
            .rev()
            .map(|i| self.view(i, root, false))
            .collect()
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
            home: format!("{root}{}/", self.lang),
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
            i18n::language_name_in(&set.site.binding_language, current)
        ),
    }
}

/// Links to the front page of every site language, for pages outside a document.
fn site_switcher(set: &PolicySet, current: &str, root: &str) -> Vec<SwitchLink> {
    set.site
        .languages
        .iter()
        .map(|l| switch_link(set, l, current, format!("{root}{l}/")))
        .collect()
}

fn footer(set: &PolicySet, lang: &str) -> String {
    format!(
        "{} · {} {}.",
        set.site.name_in(lang),
        i18n::text(lang, "binding_note"),
        i18n::language_name_in(&set.site.binding_language, lang)
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
