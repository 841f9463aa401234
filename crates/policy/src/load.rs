//! Reading a policies directory: `site.yaml` and every `<doc-id>/v<N>.<lang>.md`.
//!
//! Problems in a single source become `front-matter` diagnostics and the file is left out;
//! [`LoadError`] is only for a directory that cannot be used at all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use davar_input::InputError;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::front_matter::load_source;
use crate::markdown::KeptScans;
use crate::model::{Document, PolicySet, PolicyVersion, UnreadableSource};
use crate::site_config::{SiteConfig, SiteConfigError};
use crate::source;

/// The policies directory cannot be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory (or a document directory) cannot be listed.
    #[error("cannot read the policies directory {}: {source}", path.display())]
    ReadDir {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// No `site.yaml`.
    #[error("{} not found: a policies directory needs a site.yaml with marketplace, base_url, languages and binding_language", path.display())]
    MissingSite {
        /// Where it was expected.
        path: PathBuf,
    },
    /// `site.yaml` cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    ReadSite {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// `site.yaml` is not read: larger than its limit or outside the policies directory (the
    /// message names the file and the limit).
    #[error(transparent)]
    Input(davar_input::InputError),
    /// `site.yaml` is invalid.
    #[error(transparent)]
    Site(#[from] SiteConfigError),
}

impl LoadError {
    /// The file or directory concerned.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::ReadDir { path, .. }
            | LoadError::MissingSite { path }
            | LoadError::ReadSite { path, .. } => path,
            LoadError::Input(err) => err.path(),
            LoadError::Site(err) => &err.path,
        }
    }
}

/// The error for a file directly in the policies directory `root` whose name is a source's
/// (`v1.fr.md`, `v2.en.markdown`): it is in no document's directory, so it would be skipped.
fn source_outside_a_document(root: &Path, path: &Path, name: &str) -> Option<Diagnostic> {
    let file = source::parse_file_name(name)
        .map(|_| name.to_owned())
        .or_else(|| source::suggest_file_name(name))?;
    let text = davar_input::read_in_tree(root, path, davar_input::MAX_SOURCE_BYTES).ok();
    let help = match text.as_deref().and_then(source::front_matter_id) {
        Some(id) => format!("move it to `{id}/{file}` (its front matter's `id`)"),
        None => format!(
            "move it into the directory of its document, e.g. `terms/{file}` for the document `terms`"
        ),
    };
    Some(
        Diagnostic::error(
            codes::FRONT_MATTER,
            path,
            0,
            0,
            format!("`{name}` is not read: a policy source belongs in its document's directory, `<doc-id>/v<N>.<lang>.md`"),
        )
        .with_help(help),
    )
}

/// Reads `dir/site.yaml` and every policy source under `dir`.
pub fn load(dir: &Path) -> Result<(PolicySet, Vec<Diagnostic>), LoadError> {
    load_kept(dir, None)
}

/// [`load`], taking the scan of a Markdown body from `kept` when an earlier load scanned the
/// same text, and recording in `kept` the scans it used (see [`KeptScans`]). The result is the
/// same with or without `kept`.
pub fn load_kept(
    dir: &Path,
    mut kept: Option<&mut KeptScans>,
) -> Result<(PolicySet, Vec<Diagnostic>), LoadError> {
    let site_path = dir.join("site.yaml");
    if !dir.is_dir() {
        return Err(LoadError::ReadDir {
            path: dir.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory"),
        });
    }
    if !site_path.is_file() {
        return Err(LoadError::MissingSite { path: site_path });
    }
    let site_text = match davar_input::read_in_tree(dir, &site_path, davar_input::MAX_YAML_BYTES) {
        Ok(text) => source::nfc(text),
        Err(InputError::NotUtf8 { valid_up_to, .. }) => {
            return Err(LoadError::Site(SiteConfigError {
                path: site_path,
                line: 0,
                column: 0,
                message: format!("not valid UTF-8 (byte {valid_up_to}); save the file as UTF-8"),
            }));
        }
        Err(InputError::Io { source, .. }) => {
            return Err(LoadError::ReadSite {
                path: site_path,
                source,
            });
        }
        Err(err) => return Err(LoadError::Input(err)),
    };
    let site = SiteConfig::parse(&site_path, &site_text)?;

    let mut diagnostics = Vec::new();
    let mut sources = BTreeMap::new();
    sources.insert(site_path, site_text);
    let mut documents = Vec::new();
    let mut unreadable = Vec::new();
    for doc_dir in sorted_entries(dir)? {
        let Some(name) = doc_dir
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if !doc_dir.is_dir() {
            if let Some(diagnostic) = source_outside_a_document(dir, &doc_dir, &name) {
                diagnostics.push(diagnostic);
            }
            continue;
        }
        let mut versions = Vec::new();
        let mut scans = crate::markdown::Scans::new(kept.as_deref_mut());
        for path in sorted_entries(&doc_dir)? {
            let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                // `v2.en.MD`, `v3.en.markdown`: a source nobody would know is skipped.
                if let Some(fixed) = source::suggest_file_name(file) {
                    diagnostics.push(
                        Diagnostic::error(
                            codes::FRONT_MATTER,
                            &path,
                            0,
                            0,
                            format!(
                                "`{file}` is not read: policy sources are named `v<N>.<lang>.md`"
                            ),
                        )
                        .with_help(format!("did you mean `{fixed}`? rename the file")),
                    );
                    if let Some(parsed) = source::parse_file_name(&fixed) {
                        unreadable.push(UnreadableSource {
                            doc: name.clone(),
                            version: parsed.version,
                            lang: parsed.lang,
                            path: path.clone(),
                        });
                    }
                }
                continue;
            }
            match load_source(
                dir,
                &path,
                &name,
                &site,
                &mut sources,
                &mut diagnostics,
                &mut scans,
            ) {
                // The version holds its text (`PolicySet::source_of` finds it there).
                Some(version) => versions.push(version),
                None => {
                    // A misspelt name (`v02.en.md`) stands for the version it was meant to be,
                    // so the lock and the translations do not report that version missing.
                    let parsed = source::parse_file_name(file).or_else(|| {
                        source::suggest_file_name(file).and_then(|f| source::parse_file_name(&f))
                    });
                    if let Some(parsed) = parsed {
                        unreadable.push(UnreadableSource {
                            doc: name.clone(),
                            version: parsed.version,
                            lang: parsed.lang,
                            path: path.clone(),
                        });
                    }
                }
            }
        }
        if !is_doc_id(&name) {
            diagnostics.push(
                Diagnostic::error(
                    codes::FRONT_MATTER,
                    &doc_dir,
                    0,
                    0,
                    format!("document directory `{name}` is not a valid document id"),
                )
                .with_help("use lowercase letters, digits and hyphens, e.g. `dispute-policy`"),
            );
            continue;
        }
        versions.sort_by(|a: &PolicyVersion, b| (a.version, &a.lang).cmp(&(b.version, &b.lang)));
        stabilise_clause_ids(&mut versions);
        if !versions.is_empty() {
            documents.push(Document { id: name, versions });
        }
    }
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok((
        PolicySet {
            root: dir.to_path_buf(),
            site,
            documents,
            sources,
            unreadable,
            known_marketplaces: Default::default(),
        },
        diagnostics,
    ))
}

/// Gives derived clause ids their final value, language by language (versions sorted).
fn stabilise_clause_ids(versions: &mut [PolicyVersion]) {
    let mut langs: Vec<String> = versions.iter().map(|v| v.lang.clone()).collect();
    langs.sort();
    langs.dedup();
    for lang in langs {
        let mut of_lang: Vec<&mut PolicyVersion> =
            versions.iter_mut().filter(|v| v.lang == lang).collect();
        crate::clause_id::stabilise(&mut of_lang);
    }
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let read = std::fs::read_dir(dir).map_err(|source| LoadError::ReadDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

fn is_doc_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}
