//! `davar explain CODE`: prints the documentation of a moderation rule.

use std::process::ExitCode;

use anyhow::bail;
use davar_moderation::catalog;

use crate::Global;

/// Arguments of `davar explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rule code, e.g. `contacts/phone` (see `davar rules`).
    pub code: String,
}

/// Runs `davar explain`.
pub fn run(args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    let Some(rule) = catalog().iter().find(|r| r.code == args.code) else {
        let family = args.code.split('/').next().unwrap_or_default();
        let near: Vec<&str> = catalog()
            .iter()
            .filter(|r| r.code.starts_with(family) || r.code.ends_with(&args.code))
            .map(|r| r.code)
            .collect();
        if near.is_empty() {
            bail!(
                "unknown rule code `{}`: run `davar rules` for the list",
                args.code
            );
        }
        bail!(
            "unknown rule code `{}`: did you mean {}?",
            args.code,
            near.join(", ")
        );
    };
    println!("# {}", rule.code);
    println!();
    println!(
        "Default severity: {}. Fixable: {}.",
        rule.severity.as_str(),
        if rule.fixable { "yes" } else { "no" }
    );
    println!();
    println!("{}", rule.doc);
    Ok(ExitCode::SUCCESS)
}
