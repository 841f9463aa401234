//! `davar serve`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar serve`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar serve`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar serve` is not available in this build yet")
}
