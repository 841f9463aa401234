//! Error types of the library. None of them panics or prints; each names where to look.

use std::path::{Path, PathBuf};

use crate::model::Kind;

/// Reading the rules directory failed (the only I/O the crate does).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A rule set or lexicon that is not read: too large, not UTF-8, or outside the rules
    /// directory (the message names the file and the limit).
    #[error(transparent)]
    Input(davar_input::InputError),
    /// The directory holds no rule set (`*.yaml` directly under it).
    #[error("{0}: no rule set found (expected files such as reviews.fa.yaml)")]
    NoRuleSets(PathBuf),
}

impl LoadError {
    /// The file or directory concerned.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. } | LoadError::NoRuleSets(path) => path,
            LoadError::Input(err) => err.path(),
        }
    }
}

/// A problem in a rule set or lexicon, with the place to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct RuleSetError {
    /// Rule set or lexicon file.
    pub file: PathBuf,
    /// 1-based line (0 when the whole file is concerned).
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// The question store failed (`qa/duplicate`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("question store: {0}")]
pub struct StoreError(pub String);

/// Moderating one comment failed; the comment was not judged.
#[derive(Debug, thiserror::Error)]
pub enum ModerateError {
    /// No rule set serves this kind and language.
    #[error("no rule set for kind `{kind}` and language `{lang}`")]
    UnknownRuleSet {
        /// Kind of the comment.
        kind: Kind,
        /// Language of the comment.
        lang: String,
    },
    /// A field is longer than the rule set accepts at all.
    #[error("field `{field}` has {chars} characters; the limit is {limit}")]
    FieldTooLong {
        /// `title` or `body`.
        field: &'static str,
        /// Its length in code points.
        chars: usize,
        /// The rule set's `max_input_chars`.
        limit: usize,
    },
    /// The deadline given to [`Engine::moderate_until`](crate::Engine::moderate_until) passed
    /// before the comment was judged; nothing was recorded.
    #[error("the deadline passed before the comment was judged (while running `{rule}`)")]
    DeadlineExceeded {
        /// The rule that was running (or `repairs`).
        rule: &'static str,
    },
    /// The question store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}
