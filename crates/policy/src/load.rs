//! Reading a policies directory: `site.yaml` and every `<doc-id>/v<N>.<lang>.md`.
//!
//! Problems in a single source become `front-matter` diagnostics and the file is left out;
//! [`LoadError`] is only for a directory that cannot be used at all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, code};
use crate::markdown::{self, LineIndex};
use crate::model::{Audience, ChangeKind, Document, PolicySet, PolicyVersion};
use crate::site_config::{SiteConfig, SiteConfigError};
use crate::source::{self, FileName};
use crate::yaml;

/// Largest source file read; policy texts are far smaller, so a bigger file is a mistake.
pub const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;

/// Keys allowed in front matter, in the order they are documented.
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "id",
    "type",
    "lang",
    "title",
    "version",
    "published",
    "effective",
    "audience",
    "change",
    "summary",
    "calendar",
];

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
    /// `site.yaml` is invalid.
    #[error(transparent)]
    Site(#[from] SiteConfigError),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    id: String,
    #[serde(rename = "type")]
    doc_type: String,
    lang: String,
    title: String,
    version: u32,
    published: String,
    effective: String,
    audience: RawAudience,
    change: String,
    summary: String,
    #[serde(default)]
    calendar: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawAudience {
    One(String),
    Many(Vec<String>),
}

/// Reads `dir/site.yaml` and every policy source under `dir`.
pub fn load(dir: &Path) -> Result<(PolicySet, Vec<Diagnostic>), LoadError> {
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
    let site_text = std::fs::read(&site_path).map_err(|source| LoadError::ReadSite {
        path: site_path.clone(),
        source,
    })?;
    let site_text = String::from_utf8(site_text).map_err(|e| SiteConfigError {
        path: site_path.clone(),
        line: 0,
        column: 0,
        message: format!(
            "not valid UTF-8 (byte {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let site = SiteConfig::parse(&site_path, &site_text)?;

    let mut diagnostics = Vec::new();
    let mut sources = BTreeMap::new();
    sources.insert(site_path, site_text);
    let mut documents = Vec::new();
    for doc_dir in sorted_entries(dir)? {
        let Some(name) = doc_dir
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if !doc_dir.is_dir() || name.starts_with('.') {
            continue;
        }
        let mut versions = Vec::new();
        for path in sorted_entries(&doc_dir)? {
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                continue;
            }
            if let Some(version) = load_source(&path, &name, &site, &mut sources, &mut diagnostics)
            {
                versions.push(version);
            }
        }
        if !is_doc_id(&name) {
            diagnostics.push(
                Diagnostic::error(
                    code::FRONT_MATTER,
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
        },
        diagnostics,
    ))
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

/// Reads and validates one source; records its text and any diagnostics.
fn load_source(
    path: &Path,
    doc_id: &str,
    site: &SiteConfig,
    sources: &mut BTreeMap<PathBuf, String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PolicyVersion> {
    let error = |line, column, message: String| {
        Diagnostic::error(code::FRONT_MATTER, path, line, column, message)
    };
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let Some(FileName { version, lang }) = source::parse_file_name(file_name) else {
        diagnostics.push(
            error(
                0,
                0,
                format!("file name `{file_name}` does not follow `v<N>.<lang>.md`"),
            )
            .with_help("rename it, e.g. `v2.fa.md` for version 2 in Persian"),
        );
        return None;
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_SOURCE_BYTES {
        diagnostics.push(
            error(
                0,
                0,
                format!(
                    "file is {size} bytes; policy sources are limited to {MAX_SOURCE_BYTES} bytes"
                ),
            )
            .with_help("split the document or remove pasted data; a policy text is far smaller"),
        );
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(error(0, 0, format!("cannot read the file: {err}")));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let prefix = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
            let (line, column) = crate::diagnostic::line_col(&prefix, prefix.len());
            sources.insert(path.to_path_buf(), lossy);
            diagnostics.push(
                error(line, column, format!("invalid UTF-8 at byte {valid}"))
                    .with_help("save the file as UTF-8"),
            );
            return None;
        }
    };
    sources.insert(path.to_path_buf(), text.clone());
    let split = match source::split_front_matter(&text) {
        Ok(split) => split,
        Err(err) => {
            diagnostics.push(error(err.line, 1, err.message).with_help(err.help));
            return None;
        }
    };
    let yaml_line = split.yaml_line;
    let body_line = split.body_line;
    let body_offset = text.len() - split.body.len();
    let yaml_text = split.yaml;
    let key_pos = |key: &str| {
        yaml_text
            .lines()
            .position(|l| l.starts_with(&format!("{key}:")))
            .map_or((yaml_line, 1), |i| (yaml_line + i, key.len() + 3))
    };
    let raw: RawFrontMatter = match yaml::from_str(yaml_text) {
        Ok(raw) => raw,
        Err(err) => {
            let line = if err.line == 0 {
                yaml_line
            } else {
                yaml_line + err.line - 1
            };
            let mut diagnostic = error(line, err.column.max(1), err.message.clone());
            if err.message.contains("unknown field") || err.message.contains("missing field") {
                diagnostic = diagnostic.with_help(format!(
                    "front matter keys are: {}",
                    FRONT_MATTER_KEYS.join(", ")
                ));
            }
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let before = diagnostics.len();
    let mut check_eq = |key: &str, found: &str, expected: &str, why: &str| {
        if found != expected {
            let (line, column) = key_pos(key);
            diagnostics.push(
                error(
                    line,
                    column,
                    format!("`{key}: {found}` does not match the {why} (`{expected}`)"),
                )
                .with_width(found.chars().count())
                .with_help(format!("set `{key}: {expected}` or rename the file")),
            );
        }
    };
    check_eq("id", &raw.id, doc_id, "directory name");
    check_eq("lang", &raw.lang, &lang, "file name");
    check_eq(
        "version",
        &raw.version.to_string(),
        &version.to_string(),
        "file name",
    );
    if !site.languages.contains(&raw.lang) {
        let (line, column) = key_pos("lang");
        diagnostics.push(
            error(
                line,
                column,
                format!(
                    "language `{}` is not listed in site.yaml `languages` ({})",
                    raw.lang,
                    site.languages.join(", ")
                ),
            )
            .with_help("add it to `languages` in site.yaml or fix the code"),
        );
    }
    let mut date = |key: &str, value: &str| -> Option<Date> {
        match value.trim().parse::<Date>() {
            Ok(date) => Some(date),
            Err(_) => {
                let (line, column) = key_pos(key);
                diagnostics.push(
                    error(
                        line,
                        column,
                        format!("`{key}` is not a valid date: `{value}`"),
                    )
                    .with_width(value.chars().count())
                    .with_help("write dates as YYYY-MM-DD, e.g. 2026-10-01"),
                );
                None
            }
        }
    };
    let published = date("published", &raw.published);
    let effective = date("effective", &raw.effective);
    let audience = parse_audience(&raw.audience).map_err(|bad| {
        let (line, column) = key_pos("audience");
        diagnostics.push(
            error(line, column, format!("unknown audience `{bad}`"))
                .with_help("use `consumers`, `sellers` or [consumers, sellers]"),
        );
    });
    let change = match raw.change.as_str() {
        "substantive" => Some(ChangeKind::Substantive),
        "editorial" => Some(ChangeKind::Editorial),
        other => {
            let (line, column) = key_pos("change");
            diagnostics.push(
                error(
                    line,
                    column,
                    format!("`change` must be `substantive` or `editorial`, found `{other}`"),
                )
                .with_width(other.chars().count()),
            );
            None
        }
    };
    for (key, value) in [("type", &raw.doc_type), ("title", &raw.title)] {
        if value.trim().is_empty() {
            let (line, column) = key_pos(key);
            diagnostics.push(error(line, column, format!("`{key}` is empty")));
        }
    }
    if diagnostics.len() > before {
        return None;
    }
    let (published, effective, Ok(audience), Some(change)) =
        (published?, effective?, audience, change)
    else {
        return None;
    };
    let lines = LineIndex::new(&text);
    let scanned = markdown::scan(&text, body_offset, &lines);
    Some(PolicyVersion {
        id: raw.id,
        lang: raw.lang,
        version: raw.version,
        doc_type: raw.doc_type,
        title: raw.title,
        published,
        effective,
        audience,
        change,
        summary: raw.summary,
        calendar: raw.calendar,
        path: path.to_path_buf(),
        body_line,
        clauses: scanned.clauses,
        links: scanned.links,
        scan: scanned.scan,
        source: text,
    })
}

fn parse_audience(raw: &RawAudience) -> Result<Vec<Audience>, String> {
    let names: Vec<&str> = match raw {
        RawAudience::One(one) => vec![one.as_str()],
        RawAudience::Many(many) => many.iter().map(String::as_str).collect(),
    };
    if names.is_empty() {
        return Err(String::new());
    }
    let mut audience = Vec::new();
    for name in names {
        let parsed = match name {
            "consumers" => Audience::Consumers,
            "sellers" => Audience::Sellers,
            other => return Err(other.to_string()),
        };
        if !audience.contains(&parsed) {
            audience.push(parsed);
        }
    }
    audience.sort();
    Ok(audience)
}
