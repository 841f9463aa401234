//! `davar build`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar build`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar build`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar build` is not available in this build yet")
}
