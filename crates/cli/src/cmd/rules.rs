//! `davar rules`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar rules`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar rules`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar rules` is not available in this build yet")
}
