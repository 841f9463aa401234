//! Reading untrusted sources within limits, before any parser sees them.
//!
//! Every file davar compiles (policy sources, `site.yaml`, rule sets, lexicons, calendars,
//! `policy.lock`) is read with [`read_in_tree`]: it must lie inside the directory it was found
//! in (a symbolic link that leaves the tree is refused without reading its target) and be no
//! larger than its limit. Every YAML text is measured with [`check_yaml`] before it is parsed:
//! a nesting deeper than [`MAX_YAML_DEPTH`] is refused in time linear in the text, because the
//! YAML parser's own time grows with the square of the nesting depth. Line-oriented inputs
//! (JSON Lines, CSV) are read line by line with [`read_line_limited`], which keeps at most a
//! limit of each line.
#![deny(missing_docs)]

pub mod lexicon;
mod line;
pub mod persian;
mod read;
mod yaml;

pub use line::{Line, read_line_limited};
pub use read::{InputError, read_in_tree, read_limited};
pub use yaml::{YamlLimitError, check_yaml, yaml_depth};

/// The largest policy source (`<doc-id>/v<N>.<lang>.md`) or `policy.lock` davar reads.
pub const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;

/// The largest file `davar import` converts (Markdown, text or HTML, or one version of a
/// document in a git history): HTML carries markup the Markdown source no longer has.
pub const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;

/// The longest line davar keeps from a line-oriented input (a case of `davar audit`): longer
/// lines are reported and skipped.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// The largest YAML file davar reads: `site.yaml`, a rule set, a calendar.
pub const MAX_YAML_BYTES: u64 = 1024 * 1024;

/// The largest lexicon davar reads (one phrase per line; the shipped ones are a few kilobytes).
pub const MAX_LEXICON_BYTES: u64 = 2 * 1024 * 1024;

/// The deepest nesting of YAML collections davar parses. Real sources nest a few levels; the
/// YAML parser's time grows with the square of the depth (32,000 levels took seconds).
pub const MAX_YAML_DEPTH: usize = 64;
