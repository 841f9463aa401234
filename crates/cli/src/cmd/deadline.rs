//! `davar deadline`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar deadline`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar deadline`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar deadline` is not available in this build yet")
}
