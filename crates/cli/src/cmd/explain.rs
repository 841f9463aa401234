//! `davar explain`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar explain`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar explain`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar explain` is not available in this build yet")
}
