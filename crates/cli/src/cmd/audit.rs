//! `davar audit`.

use std::process::ExitCode;

use crate::Global;

/// Arguments of `davar audit`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `davar audit`.
pub fn run(_args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`davar audit` is not available in this build yet")
}
