//! The published site: pages per document, language and version, change pages, Atom feeds and
//! the stylesheet, built in memory as a [`Site`] (written by [`crate::write_site`]).

pub mod dates;
pub mod diff;
pub mod i18n;
mod pages;
pub mod templates;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::model::PolicySet;
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

/// Renders every page of `set` as of `as_of`, with the built-in templates or the overrides in
/// `templates`.
pub fn render_site(
    set: &PolicySet,
    as_of: Date,
    templates: Option<&Path>,
) -> Result<Site, RenderError> {
    let engine = Engine::new(templates)?;
    let mut files = BTreeMap::new();
    files.insert("style.css".to_string(), engine.style.clone().into_bytes());
    files.insert(
        "index.html".to_string(),
        engine
            .render("index.html", &pages::index(set, as_of))?
            .into_bytes(),
    );
    for doc in &set.documents {
        for lang in doc.languages() {
            let cx = DocContext {
                set,
                doc,
                lang,
                as_of,
            };
            if cx.published_versions().next().is_none() {
                continue;
            }
            let dir = format!("{lang}/{}", doc.id);
            files.insert(
                format!("{dir}/index.html"),
                engine
                    .render("document.html", &pages::document_page(&cx))?
                    .into_bytes(),
            );
            files.insert(
                format!("{dir}/feed.xml"),
                engine.render("feed.xml", &pages::feed(&cx))?.into_bytes(),
            );
            for v in cx.published_versions() {
                let vdir = format!("{dir}/v{}", v.version);
                files.insert(
                    format!("{vdir}/index.html"),
                    engine
                        .render("version.html", &pages::version_page(&cx, v))?
                        .into_bytes(),
                );
                if let Some(data) = pages::changes_page(&cx, v) {
                    files.insert(
                        format!("{vdir}/changes.html"),
                        engine.render("changes.html", &data)?.into_bytes(),
                    );
                }
            }
        }
    }
    Ok(Site { files })
}
