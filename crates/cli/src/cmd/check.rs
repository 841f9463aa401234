//! `davar check`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar check`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar check`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar check` is not available in this build yet")
}
