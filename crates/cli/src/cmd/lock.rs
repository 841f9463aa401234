//! `davar lock`: record a SHA-256 of every published version in `policies/policy.lock`, so
//! `davar check` reports `locked-version-changed` when a version in force is edited.

use std::process::ExitCode;

use anyhow::Context as _;
use davar_obligation::lock::{LOCK_FILE, update};
use jiff::civil::Date;

use crate::Global;
use crate::cmd::check::{parse_date, today};

/// Arguments of `davar lock`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lock the versions published on or before this date (default today, UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Runs `davar lock`. Refuses (exit 2) when a version already in force changed.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.unwrap_or_else(today);
    let set = global.load_readable_policies()?;
    let path = global.policies.join(LOCK_FILE);
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let result = update(&set, as_of, existing.as_deref())?;
    if existing.as_deref() != Some(result.text.as_str()) {
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
