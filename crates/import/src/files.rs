//! Importing plain files as the versions of one document, in the order given: Markdown
//! (`.md`, `.markdown`) as it is, plain text (`.txt`: every line its own paragraph) and HTML
//! (`.html`, `.htm`, converted to Markdown by `htmd`).

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::{ImportError, ImportedDocument, Options, shape};

/// What the files are.
#[derive(Debug, Clone)]
pub struct FileDocument {
    /// Document id.
    pub id: String,
    /// Document type, e.g. `Terms of Service`.
    pub doc_type: String,
    /// Title; the document id when `None`.
    pub title: Option<String>,
    /// One file per version, oldest first.
    pub files: Vec<PathBuf>,
    /// The date of each version; each file's modification date when empty.
    pub dates: Vec<Date>,
}

/// Reads the files of `doc` as the versions of one document.
pub fn read(doc: &FileDocument, options: &Options) -> Result<ImportedDocument, ImportError> {
    if doc.files.is_empty() {
        return Err(ImportError::Invalid(
            "name at least one file to import".into(),
        ));
    }
    if !doc.dates.is_empty() && doc.dates.len() != doc.files.len() {
        return Err(ImportError::Invalid(format!(
            "{} date(s) for {} file(s); give one --date per file, in the same order",
            doc.dates.len(),
            doc.files.len()
        )));
    }
    let mut items = Vec::new();
    for (i, path) in doc.files.iter().enumerate() {
        let markdown = markdown_of(path)?;
        let date = match doc.dates.get(i) {
            Some(date) => *date,
            None => modified(path)?,
        };
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        items.push((
            shape::body(&markdown, options),
            date,
            format!("file {name}"),
            format!("Imported from {name}."),
        ));
    }
    let versions = shape::versions(items.into_iter());
    Ok(ImportedDocument {
        id: doc.id.clone(),
        title: doc.title.clone().unwrap_or_else(|| doc.id.clone()),
        lang: options
            .lang
            .clone()
            .unwrap_or_else(|| shape::majority_language(&versions)),
        audience: options
            .audience
            .clone()
            .unwrap_or_else(|| shape::audience_for(&doc.doc_type)),
        doc_type: doc.doc_type.clone(),
        versions,
    })
}

/// The Markdown of one file, by its extension.
pub fn markdown_of(path: &Path) -> Result<String, ImportError> {
    let text =
        davar_input::read_limited(path, davar_input::MAX_IMPORT_BYTES).map_err(|e| match e {
            davar_input::InputError::Io { path, source } => ImportError::Io { path, source },
            other => ImportError::Invalid(other.to_string()),
        })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" => Ok(text),
        "txt" | "text" => Ok(paragraphs(&text)),
        "html" | "htm" => html_to_markdown(&text)
            .map_err(|e| ImportError::Invalid(format!("{}: {e}", path.display()))),
        other => Err(ImportError::Invalid(format!(
            "{}: unknown file type `.{other}`; import .md, .markdown, .txt, .html or .htm files",
            path.display()
        ))),
    }
}

/// HTML to Markdown through `htmd` (turndown's rules: ATX headings, `-` lists, `**` bold).
pub fn html_to_markdown(html: &str) -> Result<String, String> {
    let converter = htmd::HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript", "template"])
        .options(htmd::options::Options {
            heading_style: htmd::options::HeadingStyle::Atx,
            bullet_list_marker: htmd::options::BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            ..Default::default()
        })
        .build();
    converter.convert(html).map_err(|e| e.to_string())
}

/// Plain text as Markdown: every non-empty line its own paragraph.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
    {
        out.push_str(line);
        out.push_str("\n\n");
    }
    out
}

fn modified(path: &Path) -> Result<Date, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let time = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map_err(io)?;
    let ts = jiff::Timestamp::try_from(time)
        .map_err(|e| ImportError::Invalid(format!("{}: {e}", path.display())))?;
    Ok(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_headings_lists_and_bold() {
        let md = html_to_markdown(
            "<html><body><h2>Fees</h2><p>We charge <b>nothing</b>.</p><ul><li>one</li><li>two</li></ul><script>x()</script></body></html>",
        )
        .unwrap();
        assert!(md.contains("## Fees"), "{md}");
        assert!(md.contains("**nothing**"), "{md}");
        assert!(md.contains("- one"), "{md}");
        assert!(!md.contains("x()"), "{md}");
    }

    #[test]
    fn a_file_over_the_import_limit_is_refused_before_conversion() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.html");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(davar_input::MAX_IMPORT_BYTES + 1).unwrap();
        let err = markdown_of(&path).unwrap_err().to_string();
        assert!(
            err.contains("huge.html")
                && err.contains(&format!(
                    "the limit for this kind of file is {} bytes",
                    davar_input::MAX_IMPORT_BYTES
                )),
            "{err}"
        );
        let ok = dir.path().join("ok.txt");
        std::fs::write(&ok, "a\nb\n").unwrap();
        assert_eq!(markdown_of(&ok).unwrap(), "a\n\nb\n\n");
    }

    #[test]
    fn plain_text_lines_are_paragraphs() {
        assert_eq!(paragraphs("a\nb\n\n c \n"), "a\n\nb\n\n c\n\n");
    }
}
