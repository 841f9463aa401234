//! davar-import: turns policy version histories that legal teams already have into davar
//! policy sources (`<doc-id>/v<N>.<lang>.md` with front matter), without editing the texts.
//!
//! Sources: an Open Terms Archive versions repository ([`ota`], read through `git`), or plain
//! Markdown, text and HTML files ([`files`], HTML converted by `htmd`). Each version keeps its
//! headings, raw HTML and escaped text exactly as captured, so `davar check` sees what readers
//! saw. Dates are capture dates (`dates: captured`); `change` is `editorial` when a version's
//! words are those of the version before (only formatting or links changed).

pub mod files;
pub mod ota;
mod shape;
mod text;
mod write;

use std::collections::HashMap;
use std::path::PathBuf;

use davar_policy::{Audience, ChangeKind};
use jiff::civil::Date;

pub use shape::{audience_for, doc_id, promote_bold_headings};
pub use write::{SiteDefaults, Written, write};

/// Why an import could not be done.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// `git` could not be started.
    #[error(
        "cannot run `git` (needed to read the repository's history): {message}; install git and put it on PATH"
    )]
    GitMissing {
        /// The operating system's message.
        message: String,
    },
    /// `git` refused or failed.
    #[error("git cannot read {}: {message}; pass a checkout or a bare git directory of an Open Terms Archive versions repository", repo.display())]
    Git {
        /// The repository given.
        repo: PathBuf,
        /// git's message.
        message: String,
    },
    /// No document matched the service and type asked for.
    #[error("no document of {wanted} in {}; documents there include: {}", repo.display(), known.join(", "))]
    NothingToImport {
        /// The repository given.
        repo: PathBuf,
        /// What was asked for.
        wanted: String,
        /// Some `Service/Type` pairs that exist.
        known: Vec<String>,
    },
    /// A file could not be read or written. The message holds the operating system's, so the
    /// I/O error is not also given as the error's source (it would be printed twice).
    #[error("{}: {error}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// Something about the input that the user must change.
    #[error("{0}")]
    Invalid(String),
}

impl ImportError {
    /// The language of `what` cannot be told from its `letters` letters.
    pub(crate) fn unknown_language(what: &str, letters: usize) -> Self {
        ImportError::Invalid(format!(
            "cannot tell the language of {what} from {letters} letter(s) of text; pass --lang with its code, e.g. --lang fr"
        ))
    }
}

/// How to shape the imported versions.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Language of the documents; detected from the text when `None`.
    pub lang: Option<String>,
    /// Audience; derived from the document type when `None` (see [`audience_for`]).
    pub audience: Option<Vec<Audience>>,
    /// Turn paragraphs that are only bold text (`**Fees**`) into headings.
    pub promote_bold_headings: bool,
}

/// One document ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedDocument {
    /// Document id (directory name).
    pub id: String,
    /// Document type, e.g. `Terms of Service`.
    pub doc_type: String,
    /// Title shown to readers.
    pub title: String,
    /// Language code.
    pub lang: String,
    /// How the language was decided.
    pub language: LanguageBasis,
    /// Who it is addressed to.
    pub audience: Vec<Audience>,
    /// Versions, oldest first.
    pub versions: Vec<ImportedVersion>,
    /// Captures left out because their text is in another language than the document's (an
    /// archive that captured an error page, or the page served in another language).
    pub left_out: Vec<LeftOut>,
}

/// A capture that is not written as a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// Capture date.
    pub date: Date,
    /// Where it comes from.
    pub origin: String,
    /// The language its text is written in.
    pub lang: String,
    /// Its first line of text, to recognise it by.
    pub opening: String,
}

/// How the language of an imported document was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageBasis {
    /// Given by the user (`--lang`).
    Given,
    /// Detected from the text of its versions.
    Detected,
    /// Detected from little text: its longest version has `letters` letters, fewer than
    /// [`FEW_LETTERS`], so the guess is to be confirmed.
    LittleText {
        /// Letters in the longest version.
        letters: usize,
    },
    /// The text is too short to tell (`lang` is then `und`, and [`write()`] refuses it).
    Unknown {
        /// Letters in the longest version.
        letters: usize,
    },
}

/// Below this many letters in its longest version, a document's detected language is reported
/// as a guess to confirm.
pub const FEW_LETTERS: usize = 400;

/// One version ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedVersion {
    /// Capture date (written as `published` and `effective`, with `dates: captured`).
    pub date: Date,
    /// Whether its words differ from the version before.
    pub change: ChangeKind,
    /// What readers are told about the version.
    pub summary: String,
    /// Where it comes from (`source:`).
    pub origin: String,
    /// The Markdown body.
    pub body: String,
}

/// A document of an Open Terms Archive repository as davar sources: one version per capture
/// with text (captures without a letter or digit outside the markup are left out), in the
/// language detected or given. A capture whose text is clearly in another language is no
/// version of the document (an outage page, or the page served in another locale): it is left
/// out and listed in [`ImportedDocument::left_out`].
pub fn from_ota(doc: &ota::OtaDocument, repo_name: &str, options: &Options) -> ImportedDocument {
    // Blank captures are not shaped; those with markup only are left out by `versions`. An
    // archive captures the same text many times: each text is shaped, read and judged once.
    let mut shaped: HashMap<&str, String, foldhash::fast::FixedState> = HashMap::default();
    let bodies: Vec<(String, &ota::Capture)> = doc
        .captures
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| {
            let body = shaped
                .entry(c.text.as_str())
                .or_insert_with(|| shape::body(&c.text, options));
            (body.clone(), c)
        })
        .collect();
    drop(shaped);
    let mut plain = shape::PlainTexts::default();
    let (lang, language) =
        shape::language(bodies.iter().map(|(b, _)| b.as_str()), options, &mut plain);
    let mut left_out = Vec::new();
    let bodies: Vec<(String, &ota::Capture)> = bodies
        .into_iter()
        .filter(
            |(body, c)| match shape::other_language(body, &lang, &mut plain) {
                Some(other) => {
                    left_out.push(LeftOut {
                        date: c.recorded.to_zoned(jiff::tz::TimeZone::UTC).date(),
                        origin: format!("Open Terms Archive {repo_name} {}", c.commit),
                        lang: other.to_string(),
                        opening: shape::opening(body),
                    });
                    false
                }
                None => true,
            },
        )
        .collect();
    let versions = shape::versions(
        bodies.into_iter().map(|(body, c)| {
            let date = c.recorded.to_zoned(jiff::tz::TimeZone::UTC).date();
            (
                body,
                date,
                format!(
                    "Open Terms Archive {repo_name} {} ({})",
                    c.commit, c.recorded
                ),
                format!("Recorded by Open Terms Archive on {date}."),
            )
        }),
        &mut plain,
    );
    let title = format!("{} {}", doc.service, doc.doc_type);
    ImportedDocument {
        id: doc_id(&doc.service, &doc.doc_type),
        lang,
        language,
        audience: options
            .audience
            .clone()
            .unwrap_or_else(|| audience_for(&doc.doc_type)),
        doc_type: doc.doc_type.clone(),
        title,
        versions,
        left_out,
    }
}
