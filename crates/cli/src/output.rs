//! The conventions every command follows: `--format`, `--output FILE`, `--quiet`, and colour
//! on terminals (respecting `NO_COLOR` and `CLICOLOR_FORCE`).
//!
//! A command flattens [`OutputArgs`] into its clap arguments, takes `--format` as a
//! [`Format`] (or its own enum when it has more formats, like `check`), and writes its report
//! through [`OutputArgs::open`]: standard output, or the file `--output` names, with colour
//! only when the destination is a terminal that wants it.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use anyhow::Context as _;

/// The two formats every command has: a report for people and JSON for programs (JSON Lines
/// where the command produces a stream: `moderate`, `audit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A report for people.
    #[default]
    #[value(alias = "table", alias = "text")]
    Human,
    /// JSON: one document, or one object per line for streams.
    #[value(alias = "jsonl")]
    Json,
}

/// `--output` and `--quiet`, shared by every command.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OutputArgs {
    /// Write the report to FILE instead of standard output (no colour in files).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print no summary, notes or progress: only the findings and errors (the exit code
    /// tells the outcome).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Where a report goes, and whether it may be coloured.
pub struct Sink {
    /// The destination, buffered.
    pub writer: Box<dyn Write + Send>,
    /// Colour for this destination.
    pub paint: Paint,
}

impl OutputArgs {
    /// Opens the destination of the report: the `--output` file (created or truncated) or
    /// standard output.
    pub fn open(&self) -> anyhow::Result<Sink> {
        match &self.output {
            Some(path) if path.as_os_str() != "-" => {
                let file = File::create(path).with_context(|| {
                    format!("cannot write the report to {} (--output)", path.display())
                })?;
                Ok(Sink {
                    writer: Box::new(BufWriter::with_capacity(1 << 16, file)),
                    paint: Paint::NONE,
                })
            }
            _ => {
                let stdout = std::io::stdout();
                Ok(Sink {
                    paint: Paint::for_stream(&stdout),
                    writer: Box::new(BufWriter::with_capacity(1 << 16, stdout)),
                })
            }
        }
    }

    /// Refuses an `--output` file that is one of `inputs` or lies under one of them (the
    /// directories among them, like `--policies` and `--rules`), compared after resolving
    /// symbolic links: opening the report truncates it before the command reads its input.
    pub fn refuse_inputs(&self, inputs: &[&Path]) -> anyhow::Result<()> {
        let Some(out) = self.output.as_ref().filter(|p| p.as_os_str() != "-") else {
            return Ok(());
        };
        let Some(resolved) = resolve(out) else {
            return Ok(());
        };
        for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
            let Ok(input) = std::fs::canonicalize(input) else {
                continue;
            };
            if resolved.starts_with(&input) {
                anyhow::bail!(
                    "--output {}: that is {}, which this command reads; write to another \
                     file",
                    out.display(),
                    if resolved == input {
                        "its input".to_string()
                    } else {
                        format!("inside {}", input.display())
                    }
                );
            }
        }
        Ok(())
    }

    /// Whether the report goes to a terminal (the default format of `moderate` depends on it).
    pub fn to_terminal(&self) -> bool {
        self.output.as_ref().is_none_or(|p| p.as_os_str() == "-") && std::io::stdout().is_terminal()
    }
}

/// `path` with symbolic links resolved, also when the file does not exist yet (its directory
/// is resolved); `None` when the directory does not exist either.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(full) = std::fs::canonicalize(path) {
        return Some(full);
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(std::fs::canonicalize(parent).ok()?.join(path.file_name()?))
}

/// Colour for one destination: styles render as ANSI sequences, or as nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// No colour.
    pub const NONE: Paint = Paint { on: false };

    /// Colour when `stream` wants it (a terminal, no `NO_COLOR`; `CLICOLOR_FORCE` forces it).
    pub fn for_stream<S: anstream::stream::RawStream>(stream: &S) -> Paint {
        Paint {
            on: !matches!(
                anstream::AutoStream::choice(stream),
                anstream::ColorChoice::Never
            ),
        }
    }

    /// Colour for standard error.
    pub fn stderr() -> Paint {
        Paint::for_stream(&std::io::stderr())
    }

    /// `text` in `style` (plain when colour is off).
    pub fn paint(self, style: Style, text: impl std::fmt::Display) -> String {
        if self.on {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

/// The styles of every report: one palette for all commands.
pub mod style {
    use super::{AnsiColor, Style};

    /// Errors, rejections.
    pub const ERROR: Style = AnsiColor::Red.on_default().bold();
    /// Warnings, comments a person must review.
    pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
    /// Repairs.
    pub const FIX: Style = AnsiColor::Cyan.on_default().bold();
    /// Hints, notes.
    pub const NOTE: Style = AnsiColor::Green.on_default().bold();
    /// Locations, gutters.
    pub const LOCATION: Style = AnsiColor::Blue.on_default().bold();
    /// Emphasis (headers, counts).
    pub const BOLD: Style = Style::new().bold();
}

/// Prints `note: {text}` on standard error (unless quiet).
pub fn note(quiet: bool, text: impl std::fmt::Display) {
    if !quiet {
        let paint = Paint::stderr();
        eprintln!("{}: {text}", paint.paint(style::NOTE, "note"));
    }
}

/// Prints `warning: {text}` on standard error.
pub fn warning(text: impl std::fmt::Display) {
    let paint = Paint::stderr();
    eprintln!("{}: {text}", paint.paint(style::WARNING, "warning"));
}

/// Prints `error: {text}` on standard error (for failures reported with an exit code of 1).
pub fn error(text: impl std::fmt::Display) {
    let paint = Paint::stderr();
    eprintln!("{}: {text}", paint.paint(style::ERROR, "error"));
}
