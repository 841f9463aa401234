//! `davar lock`: record a SHA-256 of every published version in `policies/policy.lock`, so
//! `davar check` reports `locked-version-changed` when a version in force is edited.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use davar_obligation::lock::{LOCK_FILE, update};
use jiff::civil::Date;

use crate::Global;
use crate::cmd::check::parse_date;
use crate::output::{Format, OutputArgs};

/// Arguments of `davar lock`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lock the versions published on or before this date (default today in the time zone of
    /// `site.yaml`).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Output format (`json`: `{"lock", "added", "updated"}`).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `davar lock`. Refuses (exit 2) when `check` finds errors, such as a version already in
/// force that changed.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let project = global.checked_policies(args.as_of)?;
    let path = global.policies.join(LOCK_FILE);
    let existing = project.lock.as_deref();
    let result = update(&project.policies, project.as_of, existing)?;
    if existing != Some(result.text.as_str()) {
        std::fs::write(&path, &result.text)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut sink = args.output.open()?;
    match args.format {
        Format::Json => {
            let report = serde_json::json!({
                "lock": path.display().to_string(),
                "added": result.added,
                "updated": result.updated,
            });
            serde_json::to_writer_pretty(&mut sink.writer, &report)?;
            writeln!(sink.writer)?;
        }
        Format::Human => {
            for file in &result.added {
                writeln!(sink.writer, "locked  {file}")?;
            }
            for file in &result.updated {
                writeln!(sink.writer, "updated {file} (not in force yet)")?;
            }
            if !args.output.quiet {
                writeln!(
                    sink.writer,
                    "{}: {} added, {} updated",
                    path.display(),
                    result.added.len(),
                    result.updated.len()
                )?;
            }
        }
    }
    sink.writer.flush()?;
    Ok(ExitCode::SUCCESS)
}
