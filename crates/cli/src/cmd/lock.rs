//! `davar lock`: record a SHA-256 of every published version in `policies/policy.lock`, so
//! `davar check` reports `locked-version-changed` when a version in force is edited.

use std::process::ExitCode;

use anyhow::Context as _;
use davar_obligation::lock::{LOCK_FILE, update};
use jiff::civil::Date;

use crate::Global;
use crate::cmd::check::parse_date;

/// Arguments of `davar lock`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lock the versions published on or before this date (default today in the time zone of
    /// `site.yaml`).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
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
    for file in &result.added {
        println!("locked  {file}");
    }
    for file in &result.updated {
        println!("updated {file} (not in force yet)");
    }
    println!(
        "{}: {} added, {} updated",
        path.display(),
        result.added.len(),
        result.updated.len()
    );
    Ok(ExitCode::SUCCESS)
}
