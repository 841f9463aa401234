//! `davar build`: compile the policies into a static site, refusing when `check` finds errors.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use davar_policy::Severity;
use jiff::civil::Date;

use super::check::{Format, diagnose, parse_date, report, today};
use crate::Global;

/// Arguments of `davar build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output directory (replaced atomically when the build succeeds).
    #[arg(long, default_value = "site")]
    pub out: PathBuf,
    /// Build as of this date (YYYY-MM-DD): decides which version is in force; default today (UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Directory with templates overriding the built-in ones (same file names, e.g. base.html, style.css).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `davar build`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.unwrap_or_else(today);
    let findings = diagnose(global, as_of)?;
    let errors = findings
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if !findings.diagnostics.is_empty() {
        eprint!("{}", report(&findings, Format::Human)?);
    }
    let set = &findings.set;
    if errors > 0 {
        eprintln!(
            "error: not publishing: `davar check` found {errors} error(s); {} is unchanged",
            args.out.display()
        );
        return Ok(ExitCode::from(1));
    }
    let mut site = davar_policy::render_site(set, as_of, args.templates.as_deref())
        .context("cannot render the site")?;
    site.files.extend(davar_obligation::site_files(set, as_of));
    davar_policy::write_site(&site, &args.out)
        .with_context(|| format!("cannot write the site to {}", args.out.display()))?;
    let pages = site.files.keys().filter(|p| p.ends_with(".html")).count();
    println!(
        "built {} files ({pages} pages) for {} documents into {} (as of {as_of})",
        site.files.len(),
        set.documents.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
