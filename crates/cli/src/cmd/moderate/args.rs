//! The arguments of `davar moderate`.

use std::path::PathBuf;

use davar_moderation::{Kind, Severity};

use super::input::InputFormat;
use super::record::Columns;
use crate::output::{Format, OutputArgs};
use crate::select::SelectArgs;

/// Exit codes of `davar moderate`, shown by `--help`.
const EXIT_CODES: &str = "\
Exit codes:
  0  every record was moderated, and no verdict reached --fail-on
  1  a verdict reached --fail-on (reject, review or fix)
  2  the command could not run (bad arguments, sources that do not compile, unreadable input),
     or records were malformed or refused (each is reported on stderr with its line; the
     others are still moderated and written)";

/// Arguments of `davar moderate`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_CODES)]
pub struct Args {
    /// JSON Lines or CSV file (`-` for standard input). Not with `--text`.
    #[arg(conflicts_with = "text")]
    pub input: Option<PathBuf>,
    /// Moderate this one text instead of a file.
    #[arg(long)]
    pub text: Option<String>,
    /// Title for `--text`.
    #[arg(long, requires = "text")]
    pub title: Option<String>,
    /// Kind of comment for `--text` and for records without a kind.
    #[arg(long, default_value = "review", value_parser = parse_kind)]
    pub kind: Kind,
    /// Language for `--text` and for records without a language.
    #[arg(long, default_value = "fa")]
    pub lang: String,
    /// Product for `--text` (used by `qa/duplicate`).
    #[arg(long, requires = "text")]
    pub product: Option<String>,
    /// Output: `json` (one result per line) or `human` (default on a terminal).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Resolve clause links against the policies in force on this date (default: today in the
    /// time zone of `site.yaml`).
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::check::parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Worker threads, 1 to 256 (default: every core). Results are the same for any number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// Exit 1 when a comment gets this verdict or a worse one.
    #[arg(long, value_enum, value_name = "VERDICT")]
    pub fail_on: Option<FailOn>,
    /// Write the input back with repaired titles and bodies to --output (same format, other
    /// fields and columns untouched); the report goes to standard output.
    #[arg(long)]
    pub fix: bool,
    /// Put each comment's title and body in its JSON result.
    #[arg(long)]
    pub include_text: bool,
    /// Lowest severity shown by the human report (`hint` shows everything); every finding is
    /// counted in the summary.
    #[arg(long, value_name = "SEVERITY", default_value = "fix", value_parser = parse_severity)]
    pub min_severity: Severity,
    /// Input format (default: from the extension, else from the first line).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    #[command(flatten)]
    pub columns: ColumnArgs,
    #[command(flatten)]
    pub select: SelectArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

impl Args {
    /// Worker threads: `--jobs`, else every core.
    pub fn jobs(&self) -> usize {
        self.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        )
    }
}

/// Verdicts that fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// A rejected comment.
    Reject,
    /// A comment to review or reject.
    Review,
    /// Any comment that is not approved as is.
    Fix,
}

/// Which CSV columns (or JSON fields) hold each part of a comment.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Input columns (CSV columns or JSON fields)")]
pub struct ColumnArgs {
    /// CSV separator (default: from the header line: `,`, `;` or tab).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<char>,
    /// Column of the body (CSV also takes `comment` when this is `body`).
    #[arg(long, default_value = "body", value_name = "NAME")]
    pub body_column: String,
    /// Column of the title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_column: String,
    /// Column of the comment id (CSV default: `line-N`).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_column: String,
    /// Column of the kind (`review`, `question`, `answer`).
    #[arg(long, default_value = "kind", value_name = "NAME")]
    pub kind_column: String,
    /// Column of the language.
    #[arg(long, default_value = "lang", value_name = "NAME")]
    pub lang_column: String,
    /// Column of the product.
    #[arg(long, default_value = "product", value_name = "NAME")]
    pub product_column: String,
    /// Column of the author.
    #[arg(long, default_value = "author", value_name = "NAME")]
    pub author_column: String,
}

impl ColumnArgs {
    /// The names, as the readers use them.
    pub fn names(&self) -> Columns {
        Columns {
            id: self.id_column.clone(),
            title: self.title_column.clone(),
            body: self.body_column.clone(),
            kind: self.kind_column.clone(),
            lang: self.lang_column.clone(),
            product: self.product_column.clone(),
            author: self.author_column.clone(),
        }
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}
