//! `davar lock`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar lock`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar lock`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar lock` is not available in this build yet")
}
