//! `davar check`: every diagnostic of the project (policies, obligations, `policy.lock`,
//! calendars, rule sets and the clauses they cite) with file, line and column.

use std::process::ExitCode;

use davar_project::Project;
use jiff::civil::Date;

use crate::Global;

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-like, with the source line underlined.
    Human,
    /// One JSON object per line: {code, severity, file, line, column, message}.
    Json,
}

/// Arguments of `davar check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Check as of this date (YYYY-MM-DD); default today in the time zone of `site.yaml`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Parses a `YYYY-MM-DD` date argument.
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|e| format!("expected a date like 2026-10-01: {e}"))
}

/// The report of `project`'s diagnostics in `format` (humans get the count line).
pub fn report(project: &Project, format: Format) -> String {
    match format {
        Format::Json => project.render_json_lines(),
        Format::Human => project.render_human(),
    }
}

/// Prints the pipeline's notes (what was not checked) on stderr.
pub fn print_notes(project: &Project) {
    for note in &project.notes {
        eprintln!("note: {note}");
    }
}

/// Runs `davar check`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let project = global.project(args.as_of, true)?;
    print_notes(&project);
    print!("{}", report(&project, args.format));
    Ok(if project.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
