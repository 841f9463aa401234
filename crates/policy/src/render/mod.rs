//! The published site: front pages per language, pages per document, language and version,
//! version lists, change pages, Atom feeds, a not-found page, the stylesheet and the Persian web
//! font, built in memory as a [`Site`] (written by [`crate::write_site`]).

pub mod dates;
pub mod diff;
pub mod doc_types;
mod fonts;
pub mod i18n;
pub mod notice;
mod pages;
pub mod templates;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use rayon::prelude::*;

use crate::model::{Document, PolicySet, PolicyVersion, RawBlock};
use pages::DocContext;
use templates::Engine;

/// A built site: relative paths (`/`-separated) to file contents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    /// Files by relative path, e.g. `fa/terms/v2/index.html`.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// The site could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed to parse or render.
    #[error("template `{name}`: {message}")]
    Template {
        /// Template name.
        name: String,
        /// Tera's message.
        message: String,
    },
    /// The templates directory could not be read.
    #[error("cannot read templates from {}: {source}", path.display())]
    Templates {
        /// The directory or file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// What readers see of an obligation block: one sentence in the version's language ("We
/// acknowledge every complaint within 24 hours, with a reference number."). The block's YAML
/// is never shown on a page; whoever reads the blocks supplies the sentences. Pages are
/// rendered in parallel, so the sentences are shared across threads (`Sync`).
pub trait ObligationSentences: Sync {
    /// The sentence for `block` of `version`, or `None` to leave the block off the page.
    fn sentence(&self, version: &PolicyVersion, block: &RawBlock) -> Option<String>;
}

/// No sentences: obligation blocks are left off the pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSentences;

impl ObligationSentences for NoSentences {
    fn sentence(&self, _version: &PolicyVersion, _block: &RawBlock) -> Option<String> {
        None
    }
}

/// The sentence for the block of `version` whose text is `text` (as the Markdown parser sees
/// it inside the fence).
pub(crate) fn block_sentence(
    sentences: &dyn ObligationSentences,
    version: &PolicyVersion,
    text: &str,
) -> Option<String> {
    let block = version
        .clauses
        .iter()
        .flat_map(|c| &c.obligation_blocks)
        .find(|b| b.text.trim_end() == text.trim_end())?;
    sentences.sentence(version, block)
}

/// How to render a site.
#[derive(Clone, Copy)]
pub struct RenderOptions<'a> {
    /// A directory of templates overriding the built-in ones (same file names).
    pub templates: Option<&'a Path>,
    /// The sentences shown for obligation blocks.
    pub sentences: &'a dyn ObligationSentences,
}

/// Renders every page of `set` as of `as_of`, with the built-in templates or the overrides in
/// `templates`; obligation blocks are left off the pages (see [`render_site_with`]).
pub fn render_site(
    set: &PolicySet,
    as_of: Date,
    templates: Option<&Path>,
) -> Result<Site, RenderError> {
    render_site_with(
        set,
        as_of,
        &RenderOptions {
            templates,
            sentences: &NoSentences,
        },
    )
}

/// The path of the transparency report page of `lang` in the site
/// (`<lang>/transparency/index.html`).
pub fn transparency_path(lang: &str) -> String {
    pages::transparency_path(lang)
}

/// Renders the transparency report page of `lang` (see [`transparency_path`]) with the built-in
/// templates or the overrides in `templates`: the site's frame around `report`, figures the
/// caller worded in `lang` (the `transparency.html` template reads `report.intro`,
/// `report.sections[].tables[].rows[]`, ...).
pub fn render_transparency(
    set: &PolicySet,
    lang: &str,
    templates: Option<&Path>,
    title: &str,
    report: &impl serde::Serialize,
) -> Result<String, RenderError> {
    let engine = Engine::new(templates)?;
    engine.render(
        "transparency.html",
        &pages::transparency(set, lang, title, report),
    )
}

/// Renders every page of `set` as of `as_of`. The pages of each document and language, and
/// within them each version's pages, are rendered in parallel (rayon); the site, and the error
/// reported when a page fails (the first in the order below), do not depend on the threads.
pub fn render_site_with(
    set: &PolicySet,
    as_of: Date,
    options: &RenderOptions<'_>,
) -> Result<Site, RenderError> {
    let engine = Engine::new(options.templates)?;
    let mut files = BTreeMap::new();
    files.insert("style.css".to_string(), engine.style.clone().into_bytes());
    for (path, bytes) in fonts::FILES {
        files.insert((*path).to_string(), bytes.to_vec());
    }
    let html = |path: String, template: &str, data: &tera::Context| -> Page {
        Ok((path, engine.render(template, data)?.into_bytes()))
    };
    let mut pages = vec![
        html("index.html".into(), "index.html", &pages::index(set, as_of)),
        html(
            "404.html".into(),
            "404.html",
            &pages::not_found(set, &set.site.binding_language, as_of),
        ),
    ];
    for lang in &set.site.languages {
        pages.push(html(
            format!("{lang}/index.html"),
            "lang_index.html",
            &pages::lang_index(set, lang, as_of),
        ));
        pages.push(html(
            format!("{lang}/404.html"),
            "404.html",
            &pages::not_found(set, lang, as_of),
        ));
    }
    let documents: Vec<(&Document, &str)> = set
        .documents
        .iter()
        .flat_map(|doc| doc.languages().into_iter().map(move |lang| (doc, lang)))
        .collect();
    let document_pages: Vec<Vec<Page>> = documents
        .par_iter()
        .map(|&(doc, lang)| {
            let cx = DocContext::new(set, doc, lang, as_of, options.sentences);
            if cx.published().is_empty() {
                return Vec::new();
            }
            let dir = format!("{lang}/{}", doc.id);
            let mut out = vec![
                html(
                    format!("{dir}/index.html"),
                    "document.html",
                    &pages::document_page(&cx),
                ),
                html(
                    format!("{dir}/versions/index.html"),
                    "versions.html",
                    &pages::versions_page(&cx),
                ),
                html(format!("{dir}/feed.xml"), "feed.xml", &pages::feed(&cx)),
            ];
            let versions: Vec<Vec<Page>> = (0..cx.published().len())
                .into_par_iter()
                .map(|i| {
                    let vdir = format!("{dir}/v{}", cx.published()[i].version);
                    let mut out = vec![html(
                        format!("{vdir}/index.html"),
                        "version.html",
                        &pages::version_page(&cx, i),
                    )];
                    if let Some(data) = pages::changes_page(&cx, i) {
                        out.push(html(format!("{vdir}/changes.html"), "changes.html", &data));
                    }
                    out
                })
                .collect();
            out.extend(versions.into_iter().flatten());
            out
        })
        .collect();
    pages.extend(document_pages.into_iter().flatten());
    // The pages are in the order of a one-by-one build, whose first error is reported.
    for page in pages {
        let (path, bytes) = page?;
        files.insert(path, bytes);
    }
    Ok(Site { files })
}

/// A rendered page: its path and bytes.
type Page = Result<(String, Vec<u8>), RenderError>;
