//! `davar explain CODE`: prints the documentation of a moderation rule code
//! (`contacts/phone`) or of a check code of `davar check` (`front-matter`,
//! `duration-mismatch`).

use std::process::ExitCode;

use anyhow::bail;
use davar_moderation::catalog;
use davar_policy::codes::CODES;

use crate::Global;

/// Arguments of `davar explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A moderation rule code (`contacts/phone`, see `davar rules`) or a check code of
    /// `davar check` (`front-matter`, `duration-mismatch`).
    pub code: String,
}

/// Runs `davar explain`.
pub fn run(args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    if let Some(rule) = catalog().iter().find(|r| r.code == args.code) {
        println!("# {}", rule.code);
        println!();
        println!(
            "Default severity: {}. Fixable: {}.",
            rule.severity.as_str(),
            if rule.fixable { "yes" } else { "no" }
        );
        println!();
        println!("{}", rule.doc);
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(check) = davar_policy::codes::lookup(&args.code) {
        print!("{}", check.doc);
        return Ok(ExitCode::SUCCESS);
    }
    let family = args.code.split('/').next().unwrap_or_default();
    let near: Vec<&str> = catalog()
        .iter()
        .map(|r| r.code)
        .filter(|code| code.starts_with(family) || code.ends_with(&args.code))
        .chain(
            CODES
                .iter()
                .map(|c| c.code)
                .filter(|code| code.contains(&args.code) || args.code.contains(code)),
        )
        .collect();
    if near.is_empty() {
        bail!(
            "unknown code `{}`: `davar rules` lists the moderation rule codes; the check codes are {}",
            args.code,
            CODES.iter().map(|c| c.code).collect::<Vec<_>>().join(", ")
        );
    }
    bail!(
        "unknown code `{}`: did you mean {}?",
        args.code,
        near.join(", ")
    );
}
