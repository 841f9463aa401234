//! `davar moderate`: moderates reviews and Q&A from JSON Lines, CSV or `--text`.

mod input;
mod report;

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use davar_moderation::{Comment, Engine, Kind, MemoryStore};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;

use crate::Global;
use input::{InputFormat, Record};
use report::Summary;

/// Inputs with more records than this get a progress bar on stderr.
const PROGRESS_THRESHOLD: usize = 3000;

/// Arguments of `davar moderate`.
#[derive(Debug, clap::Args)]
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
    /// Kind of comment for `--text` and for CSV rows without a `kind` column.
    #[arg(long, default_value = "review", value_parser = parse_kind)]
    pub kind: Kind,
    /// Language for `--text` and for CSV rows without a `lang` column.
    #[arg(long, default_value = "fa")]
    pub lang: String,
    /// Product for `--text` (used by `qa/duplicate`).
    #[arg(long, requires = "text")]
    pub product: Option<String>,
    /// Output: `json` (JSON Lines) or `human` (default on a terminal).
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Resolve clause links against the policies in force on this date (default: today in the
    /// time zone of `site.yaml`).
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::check::parse_date)]
    pub as_of: Option<jiff::civil::Date>,
}

/// Output formats of `davar moderate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON result per line.
    Json,
    /// Linter-style report with underlined spans, then a summary table.
    Human,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
}

/// The engine compiled by the pipeline. Refuses (exit 2) when `check` finds errors in the
/// sources, printing them: what `check` refuses nobody moderates with.
fn build_engine(global: &Global, as_of: Option<jiff::civil::Date>) -> anyhow::Result<Engine> {
    let project = global.project(as_of, true)?;
    if project.has_errors() {
        eprint!(
            "{}",
            crate::cmd::check::report(&project, crate::cmd::check::Format::Human)
        );
        bail!(
            "not moderating: `davar check` finds {} in the sources; fix them first",
            project.counts()
        );
    }
    let rules = global.rules.display();
    project.engine.ok_or_else(|| {
        anyhow::anyhow!(
            "no rule sets: {rules} is not a directory (give --rules or set DAVAR_RULES)"
        )
    })
}

/// Runs `davar moderate`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let engine = build_engine(global, args.as_of)?;
    let store = MemoryStore::new();
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        OutputFormat::Human
    } else {
        OutputFormat::Json
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();

    if let Some(text) = &args.text {
        let comment = Comment {
            id: None,
            kind: args.kind,
            title: args.title.clone(),
            body: text.clone(),
            product: args.product.clone(),
            author: None,
            lang: args.lang.clone(),
        };
        let result = engine.moderate(&comment, &store)?;
        emit(
            &mut out,
            format,
            "--text",
            1,
            &comment,
            &result,
            &Default::default(),
        )?;
        summary.add(&result);
        if format == OutputFormat::Human {
            writeln!(out, "\n{}", summary.render())?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }

    let Some(path) = &args.input else {
        bail!("give an input file (JSON Lines or CSV), `-` for standard input, or --text \"...\"");
    };
    let (name, reader, total) = open(path)?;
    let mut reader = reader;
    let first_line = {
        let buf = reader.fill_buf().context("reading the input")?;
        let end = buf.iter().position(|&b| b == b'\n').unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    };
    let records: Box<dyn Iterator<Item = Record>> = match input::detect(&name, &first_line) {
        InputFormat::JsonLines => Box::new(input::json_lines(reader)),
        InputFormat::Csv => Box::new(
            input::csv(reader, args.kind, &args.lang).with_context(|| format!("reading {name}"))?,
        ),
    };
    let progress = (total > PROGRESS_THRESHOLD).then(|| {
        let bar = ProgressBar::new(total as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} lines {per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    for record in records {
        match record {
            Record::Malformed { line, error } => {
                summary.malformed += 1;
                let msg = format!("{name}:{line}: skipped malformed line: {error}");
                match &progress {
                    Some(bar) => bar.println(msg),
                    None => eprintln!("{msg}"),
                }
            }
            Record::Comment {
                line,
                comment,
                passthrough,
            } => {
                if let Some(bar) = &progress {
                    bar.set_position(line as u64);
                }
                match engine.moderate(&comment, &store) {
                    Ok(result) => {
                        summary.add(&result);
                        emit(
                            &mut out,
                            format,
                            &name,
                            line,
                            &comment,
                            &result,
                            &passthrough,
                        )?;
                    }
                    Err(e) => {
                        summary.failed += 1;
                        let msg = format!("{name}:{line}: not moderated: {e}");
                        match &progress {
                            Some(bar) => bar.println(msg),
                            None => eprintln!("{msg}"),
                        }
                    }
                }
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    match format {
        OutputFormat::Human => writeln!(out, "\n{}", summary.render())?,
        OutputFormat::Json => eprint!("{}", summary.render()),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the input; returns its display name, a reader, and its line count (for the progress bar).
fn open(path: &Path) -> anyhow::Result<(String, Box<dyn BufRead>, usize)> {
    if path == Path::new("-") {
        return Ok((
            "<stdin>".into(),
            Box::new(BufReader::new(std::io::stdin())),
            0,
        ));
    }
    let name = path.display().to_string();
    let lines = {
        let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
        BufReader::new(file).split(b'\n').count()
    };
    let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
    Ok((name, Box::new(BufReader::new(file)), lines))
}

fn emit(
    out: &mut impl Write,
    format: OutputFormat,
    source: &str,
    line: usize,
    comment: &Comment,
    result: &davar_moderation::ModerationResult,
    passthrough: &serde_json::Map<String, Value>,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => {
            let mut value = serde_json::to_value(result)?;
            if let Value::Object(map) = &mut value {
                map.insert("line".into(), Value::from(line));
                if !passthrough.is_empty() {
                    map.insert("passthrough".into(), Value::Object(passthrough.clone()));
                }
            }
            serde_json::to_writer(&mut *out, &value)?;
            writeln!(out)?;
        }
        OutputFormat::Human => {
            if !result.violations.is_empty() {
                writeln!(out, "{}", report::human(source, line, comment, result))?;
            }
        }
    }
    Ok(())
}
