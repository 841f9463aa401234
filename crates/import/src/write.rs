//! Writing imported documents as policy sources, and a `site.yaml` when the directory has none.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::{ImportError, ImportedDocument, ImportedVersion, LanguageBasis};

/// What a new `site.yaml` says about the marketplace.
#[derive(Debug, Clone, Default)]
pub struct SiteDefaults {
    /// The marketplace's name (the service's name for an archive import).
    pub name: String,
    /// Spellings of its brand.
    pub brands: Vec<String>,
}

/// What [`write()`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Source files written.
    pub files: Vec<PathBuf>,
    /// Whether a `site.yaml` was created.
    pub site_created: bool,
    /// Languages the documents use that an existing `site.yaml` does not list.
    pub languages_missing: Vec<String>,
}

/// Writes every version of `docs` under `dir/<doc-id>/`. A document without versions, or
/// whose language could not be told ([`LanguageBasis::Unknown`]), is refused before anything
/// is written. An existing document directory is refused unless `replace`, which removes its
/// sources first. Creates `dir/site.yaml` when missing; otherwise reports the languages it
/// lacks.
pub fn write(
    dir: &Path,
    docs: &[ImportedDocument],
    site: &SiteDefaults,
    replace: bool,
) -> Result<Written, ImportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| ImportError::Io { path, error }
    };
    // Nothing is written when one document cannot be.
    for doc in docs {
        if doc.versions.is_empty() {
            return Err(ImportError::Invalid(format!(
                "{}: no version has any text; there is nothing to import",
                doc.id
            )));
        }
        if let LanguageBasis::Unknown { letters } = doc.language {
            return Err(ImportError::unknown_language(&doc.id, letters));
        }
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut written = Written::default();
    for doc in docs {
        let doc_dir = dir.join(&doc.id);
        if doc_dir.exists() {
            if !replace {
                return Err(ImportError::Invalid(format!(
                    "{} already exists; pass --replace to overwrite its sources",
                    doc_dir.display()
                )));
            }
            for entry in std::fs::read_dir(&doc_dir).map_err(io(&doc_dir))? {
                let path = entry.map_err(io(&doc_dir))?.path();
                if path.extension().is_some_and(|e| e == "md") {
                    std::fs::remove_file(&path).map_err(io(&path))?;
                }
            }
        }
        std::fs::create_dir_all(&doc_dir).map_err(io(&doc_dir))?;
        for (i, version) in doc.versions.iter().enumerate() {
            let number = i + 1;
            let path = doc_dir.join(format!("v{number}.{}.md", doc.lang));
            std::fs::write(&path, source(doc, number, version)).map_err(io(&path))?;
            written.files.push(path);
        }
    }
    let langs: BTreeSet<&str> = docs.iter().map(|d| d.lang.as_str()).collect();
    let site_path = dir.join("site.yaml");
    if site_path.exists() {
        let text = davar_input::read_in_tree(dir, &site_path, davar_input::MAX_YAML_BYTES)
            .map_err(|e| match e {
                davar_input::InputError::Io { path, source } => ImportError::Io {
                    path,
                    error: source,
                },
                other => ImportError::Invalid(other.to_string()),
            })?;
        let listed = davar_policy::SiteConfig::parse(&site_path, &text)
            .map(|s| s.languages)
            .unwrap_or_default();
        written.languages_missing = langs
            .iter()
            .filter(|l| !listed.iter().any(|x| x == *l))
            .map(|l| l.to_string())
            .collect();
    } else {
        std::fs::write(&site_path, site_yaml(site, &langs)).map_err(io(&site_path))?;
        written.site_created = true;
    }
    Ok(written)
}

/// The text of one source: front matter, then the body unchanged.
fn source(doc: &ImportedDocument, number: usize, v: &ImportedVersion) -> String {
    let audience: Vec<&str> = doc.audience.iter().map(|a| a.as_str()).collect();
    let mut out = String::with_capacity(v.body.len() + 512);
    out.push_str("---\n");
    let mut field = |key: &str, value: &str| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&scalar(value));
        out.push('\n');
    };
    field("id", &doc.id);
    field("type", &doc.doc_type);
    field("lang", &doc.lang);
    field("title", &doc.title);
    field("version", &number.to_string());
    out.push_str(&format!("published: {0}\neffective: {0}\n", v.date));
    let mut field = |key: &str, value: &str| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&scalar(value));
        out.push('\n');
    };
    field("dates", "captured");
    field("change", v.change.as_str());
    field("summary", &v.summary);
    field("source", &v.origin);
    out.push_str(&format!("audience: [{}]\n", audience.join(", ")));
    out.push_str("---\n");
    out.push_str(&v.body);
    out
}

/// A YAML scalar: plain when it reads back as the same string, else double-quoted.
fn scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || " .-_/()".contains(c))
        && !value.starts_with([' ', '-', '.'])
        && !value.ends_with(' ')
        && value.chars().any(char::is_alphabetic);
    if plain || value.chars().all(|c| c.is_ascii_digit()) && !value.is_empty() {
        value.to_string()
    } else {
        serde_json_string(value)
    }
}

/// A double-quoted string with JSON escapes (valid YAML).
fn serde_json_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn site_yaml(site: &SiteDefaults, langs: &BTreeSet<&str>) -> String {
    let langs: Vec<&str> = langs.iter().copied().collect();
    let binding = langs.first().copied().unwrap_or("en");
    let names: Vec<String> = langs
        .iter()
        .map(|l| format!("{l}: {}", scalar(&site.name)))
        .collect();
    let brands: Vec<String> = site.brands.iter().map(|b| scalar(b)).collect();
    let host = crate::doc_id(&site.name, "");
    format!(
        "# Written by `davar import`. Review the marketplace's name, brands and base URL.\nmarketplace:\n  name: {{ {} }}\n  brands: [{}]\nbase_url: https://policies.{host}.example\nlanguages: [{}]\nbinding_language: {binding}\n",
        names.join(", "),
        brands.join(", "),
        langs.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_string() {
        assert_eq!(scalar("Terms of Service"), "Terms of Service");
        assert_eq!(scalar("2024-08-05"), "\"2024-08-05\"");
        assert_eq!(scalar("A: b"), "\"A: b\"");
        assert_eq!(scalar("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(scalar("12"), "12");
    }
}
