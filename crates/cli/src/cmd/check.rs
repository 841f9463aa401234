//! `davar check`: every diagnostic of the project (policies, obligations, `policy.lock`,
//! calendars, rule sets and the clauses they cite) with file, line and column; as rustc-like
//! text, JSON Lines, GitHub Actions annotations or SARIF 2.1.0.

mod github;
mod human;
mod sarif;

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use davar_policy::accepted::ACCEPTED_FILE;
use davar_policy::codes::CODES;
use davar_policy::{Counts, Diagnostic, Severity};
use davar_project::Project;
use jiff::civil::Date;
use rayon::prelude::*;

pub use human::render as render_human;

use crate::Global;
use crate::output::{self, OutputArgs};
use crate::select::{CodeFilter, SelectArgs};

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// rustc-like, with the source line underlined, then the count line.
    #[default]
    Human,
    /// One JSON object per line: {code, severity, file, line, column, message, help?}.
    #[value(alias = "jsonl")]
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`): annotations on the diff.
    Github,
    /// One SARIF 2.1.0 log (GitHub code scanning, other CI dashboards).
    Sarif,
}

/// The lowest severity the human report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MinSeverity {
    /// Errors and warnings.
    #[default]
    Warning,
    /// Errors only (warnings are still counted).
    Error,
}

/// Arguments of `davar check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Check as of this date (YYYY-MM-DD); default today in the time zone of `site.yaml`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Lowest severity shown by the human report.
    #[arg(long, value_enum, default_value_t)]
    pub min_severity: MinSeverity,
    #[command(flatten)]
    pub select: SelectArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Record the current errors and warnings (of the codes `--select`/`--ignore` keep) in
    /// `<policies>/accepted-findings.txt`, so `check` and `build` accept them (findings already
    /// accepted keep their reason). A changed or lost published version and an unreadable
    /// version are never accepted.
    #[arg(long, requires = "reason")]
    pub accept: bool,
    /// Why the findings recorded by `--accept` are accepted.
    #[arg(long, value_name = "TEXT", requires = "accept")]
    pub reason: Option<String>,
}

/// Parses a `YYYY-MM-DD` date argument.
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|e| format!("expected a date like 2026-10-01: {e}"))
}

/// Prints the pipeline's notes (what was not checked) on stderr.
pub fn print_notes(project: &Project, quiet: bool) {
    for note in &project.notes {
        output::note(quiet, note);
    }
}

/// `davar check --accept`: records the current errors and warnings of the selected codes in
/// the accepted-findings file (findings of other codes already accepted stay recorded). A
/// published version that changed or is gone, and a version whose front matter cannot be read,
/// are never recorded: they are listed with the fix and the command fails. Returns whether
/// every selected finding was recorded.
fn accept(project: &Project, reason: &str, filter: &CodeFilter) -> anyhow::Result<bool> {
    let root = &project.paths.policies;
    let path = root.join(ACCEPTED_FILE);
    let sources = |file: &Path| project.source_of(file).map(str::to_string);
    let chosen: Vec<Diagnostic> = project
        .diagnostics
        .iter()
        .filter(|d| filter.keeps(d.code) || d.accepted.is_some())
        .cloned()
        .collect();
    let text = davar_policy::accepted::record(&chosen, reason, root, &sources);
    std::fs::write(&path, &text).with_context(|| format!("cannot write {}", path.display()))?;
    let recorded = davar_policy::accepted::recordable(&chosen)
        .filter(|d| filter.keeps(d.code))
        .count();
    println!("{}: {recorded} finding(s) accepted", path.display());
    let refused: Vec<&Diagnostic> = chosen
        .iter()
        .filter(|d| filter.keeps(d.code) && !davar_policy::accepted::acceptable(d))
        .collect();
    if refused.is_empty() {
        return Ok(true);
    }
    eprintln!(
        "error: {} finding(s) cannot be accepted: a published version changed or was lost, or a version cannot be read and would be left out of the site; fix them, then run `davar check` again:",
        refused.len()
    );
    for d in refused {
        let place = d.file.strip_prefix(root).unwrap_or(&d.file).display();
        let help = d
            .help
            .as_deref()
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        eprintln!("  {place}:{}: {} [{}]{help}", d.line, d.message, d.code);
    }
    Ok(false)
}

/// What one project contributes to the report.
struct Part {
    /// Its findings, formatted (human, JSON Lines or GitHub commands).
    text: String,
    /// Its findings kept by `--select`/`--ignore`, for the one SARIF log.
    sarif: Vec<Diagnostic>,
    counts: Counts,
    /// `--accept` left findings unrecorded (listed on stderr).
    refused: bool,
}

/// Formats the findings of `project` that `filter` keeps.
fn part(project: &Project, args: &Args, filter: &CodeFilter, paint: output::Paint) -> Part {
    let kept: Vec<&Diagnostic> = project
        .diagnostics
        .iter()
        .filter(|d| filter.keeps(d.code))
        .collect();
    let counts = Counts::of(&kept.iter().copied().cloned().collect::<Vec<_>>());
    let open = || kept.iter().copied().filter(|d| d.accepted.is_none());
    let mut text = String::new();
    let mut sarif = Vec::new();
    match args.format {
        Format::Human => {
            let shown: Vec<&Diagnostic> = open()
                .filter(|d| {
                    args.min_severity == MinSeverity::Warning || d.severity == Severity::Error
                })
                .collect();
            text = render_human(project, &shown, paint);
        }
        Format::Json => {
            for d in &kept {
                if let Ok(line) = serde_json::to_string(d) {
                    text.push_str(&line);
                    text.push('\n');
                }
            }
        }
        Format::Github => text = github::render(&open().collect::<Vec<_>>()),
        Format::Sarif => sarif = kept.iter().copied().cloned().collect(),
    }
    Part {
        text,
        sarif,
        counts,
        refused: false,
    }
}

/// Runs `davar check`. Exit 1 when an error is reported (after `--select`/`--ignore`).
///
/// `--policies` may name a directory of services (one policies directory per service, see
/// [`davar_project::services`]): each is checked, two at a time on two cores, and the report
/// holds them all, in the order of their directory names.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let filter = CodeFilter::new(&args.select, CODES.iter().map(|c| c.code))?;
    args.output
        .refuse_inputs(&[global.policies.as_path(), global.rules.as_path()])?;
    // The colour `open` chooses; the report is opened once every project is checked.
    let paint = match &args.output.output {
        Some(path) if path.as_os_str() != "-" => output::Paint::NONE,
        _ => output::Paint::for_stream(&std::io::stdout()),
    };
    let dirs = davar_project::services(&global.policies);
    let projects = dirs
        .clone()
        .unwrap_or_else(|| vec![global.policies.clone()]);
    let results: Vec<anyhow::Result<(Part, Vec<String>)>> = projects
        .par_iter()
        .map(|dir| {
            let mut service = global.clone();
            service.policies = dir.clone();
            let project = service.project(args.as_of, true)?;
            let mut part = part(&project, args, &filter, paint);
            if let (true, Some(reason)) = (args.accept, &args.reason) {
                part.refused = !accept(&project, reason, &filter)?;
            }
            Ok((part, project.notes.clone()))
        })
        .collect();
    let mut sink = match args.accept {
        true => None,
        false => Some(args.output.open()?),
    };
    let mut notes: Vec<String> = Vec::new();
    let mut counts = Counts::default();
    let mut sarif = Vec::new();
    let mut failed = Vec::new();
    let mut unrecorded = false;
    for (dir, result) in projects.iter().zip(results) {
        let (part, project_notes) = match result {
            Ok(done) => done,
            Err(err) if dirs.is_some() => {
                output::error(format!("{}: {err:#}", dir.display()));
                failed.push(dir);
                continue;
            }
            Err(err) => return Err(err),
        };
        for note in project_notes {
            if !notes.contains(&note) {
                output::note(args.output.quiet, &note);
                notes.push(note);
            }
        }
        unrecorded |= part.refused;
        let Some(sink) = sink.as_mut() else {
            continue;
        };
        counts.errors += part.counts.errors;
        counts.warnings += part.counts.warnings;
        counts.hints += part.counts.hints;
        counts.accepted += part.counts.accepted;
        sink.writer.write_all(part.text.as_bytes())?;
        sarif.extend(part.sarif);
    }
    if let Some(sink) = sink.as_mut() {
        match args.format {
            Format::Human if !args.output.quiet => {
                writeln!(sink.writer, "{}", human::counts_line(counts, paint))?;
            }
            Format::Sarif => {
                let all: Vec<&Diagnostic> = sarif.iter().collect();
                serde_json::to_writer_pretty(&mut sink.writer, &sarif::log(&all))?;
                writeln!(sink.writer)?;
            }
            _ => {}
        }
        sink.writer.flush()?;
    }
    if !failed.is_empty() {
        anyhow::bail!(
            "{} of {} policies directories in {} could not be checked (above)",
            failed.len(),
            projects.len(),
            global.policies.display()
        );
    }
    Ok(if counts.errors > 0 || unrecorded {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
