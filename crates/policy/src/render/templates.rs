//! The built-in templates (embedded with `include_str!`) and user overrides from a directory:
//! a file in `--templates DIR` with the same name as a built-in template replaces it.

use std::path::Path;

use tera::{Context, Tera};

use super::RenderError;

/// Built-in templates: (name, text).
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    (
        "version_meta.html",
        include_str!("templates/version_meta.html"),
    ),
    (
        "versions_list.html",
        include_str!("templates/versions_list.html"),
    ),
    (
        "versions_nav.html",
        include_str!("templates/versions_nav.html"),
    ),
    ("toc.html", include_str!("templates/toc.html")),
    ("document.html", include_str!("templates/document.html")),
    ("version.html", include_str!("templates/version.html")),
    ("versions.html", include_str!("templates/versions.html")),
    ("changes.html", include_str!("templates/changes.html")),
    ("index.html", include_str!("templates/index.html")),
    ("lang_index.html", include_str!("templates/lang_index.html")),
    ("404.html", include_str!("templates/404.html")),
    (
        "transparency.html",
        include_str!("templates/transparency.html"),
    ),
    ("feed.xml", include_str!("templates/feed.xml")),
];

/// The stylesheet, written to `style.css` (overridable like a template).
pub const STYLE: &str = include_str!("templates/style.css");

/// Templates ready to render, plus the stylesheet.
pub struct Engine {
    tera: Tera,
    /// The stylesheet text.
    pub style: String,
}

impl Engine {
    /// Built-in templates, with overrides from `dir` when given.
    pub fn new(dir: Option<&Path>) -> Result<Engine, RenderError> {
        let mut templates: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let mut style = STYLE.to_string();
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir).map_err(|source| RenderError::Templates {
                path: dir.to_path_buf(),
                source,
            })?;
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name().to_string_lossy().into_owned();
                let known = name == "style.css" || BUILT_IN.iter().any(|(n, _)| *n == name);
                if !known {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).map_err(|source| {
                    RenderError::Templates {
                        path: entry.path(),
                        source,
                    }
                })?;
                if name == "style.css" {
                    style = text;
                } else if let Some(slot) = templates.iter_mut().find(|(n, _)| *n == name) {
                    slot.1 = text;
                }
            }
        }
        let mut tera = Tera::new();
        tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| RenderError::Template {
                name: "(loading templates)".into(),
                message: e.to_string(),
            })?;
        Ok(Engine { tera, style })
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, RenderError> {
        self.tera
            .render(name, context)
            .map_err(|e| RenderError::Template {
                name: name.into(),
                message: error_chain(&e),
            })
    }
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}
