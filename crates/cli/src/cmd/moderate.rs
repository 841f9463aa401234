//! `davar moderate`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar moderate`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar moderate`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar moderate` is not available in this build yet")
}
