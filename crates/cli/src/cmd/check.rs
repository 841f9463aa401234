//! `davar check`: report problems in the policies with file, line and column.

use std::process::ExitCode;

use anyhow::Context as _;
use davar_policy::{Diagnostic, Severity};
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
    /// Check as of this date (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Parses a `YYYY-MM-DD` date argument.
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|e| format!("expected a date like 2026-10-01: {e}"))
}

/// Today in UTC.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// Loads the policies and runs every check; load-time and set-level diagnostics together.
pub fn diagnose(
    global: &Global,
    as_of: Date,
) -> anyhow::Result<(davar_policy::PolicySet, Vec<Diagnostic>)> {
    let (set, mut diagnostics) = davar_policy::load(&global.policies)
        .with_context(|| format!("cannot load policies from {}", global.policies.display()))?;
    diagnostics.extend(davar_policy::check(&set, as_of));
    davar_policy::check::sort(&mut diagnostics);
    Ok((set, diagnostics))
}

/// Prints diagnostics in `format` to a string, with a summary line for humans.
pub fn report(
    set: &davar_policy::PolicySet,
    diagnostics: &[Diagnostic],
    format: Format,
) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        Format::Json => {
            for diagnostic in diagnostics {
                out.push_str(&serde_json::to_string(diagnostic)?);
                out.push('\n');
            }
        }
        Format::Human => {
            for diagnostic in diagnostics {
                out.push_str(&diagnostic.render_human(set.source_of(&diagnostic.file)));
                out.push('\n');
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            out.push_str(&format!("{errors} error(s), {warnings} warning(s)\n"));
        }
    }
    Ok(out)
}

/// Runs `davar check`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.unwrap_or_else(today);
    let (set, diagnostics) = diagnose(global, as_of)?;
    print!("{}", report(&set, &diagnostics, args.format)?);
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Ok(if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
