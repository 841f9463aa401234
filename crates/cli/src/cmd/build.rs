//! `davar build`: compile the policies into a static site, refusing when `check` finds errors.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use jiff::civil::Date;

use super::check::{Format, parse_date, print_notes, report};
use crate::Global;

/// Arguments of `davar build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output directory (replaced atomically when the build succeeds).
    #[arg(long, default_value = "site")]
    pub out: PathBuf,
    /// Build as of this date (YYYY-MM-DD): decides which version is in force; default today in
    /// the time zone of `site.yaml`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Directory with templates overriding the built-in ones (same file names, e.g. base.html, style.css).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `davar build`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let project = global.project(args.as_of, true)?;
    print_notes(&project);
    if !project.diagnostics.is_empty() {
        eprint!("{}", report(&project, Format::Human));
    }
    let errors = project.counts().errors;
    if errors > 0 {
        eprintln!(
            "error: not publishing: `davar check` found {errors} error(s); {} is unchanged",
            args.out.display()
        );
        return Ok(ExitCode::from(1));
    }
    let site = project
        .site(args.templates.as_deref())
        .context("cannot render the site")?;
    davar_policy::write_site(&site, &args.out)
        .with_context(|| format!("cannot write the site to {}", args.out.display()))?;
    let pages = site.files.keys().filter(|p| p.ends_with(".html")).count();
    println!(
        "built {} files ({pages} pages) for {} documents into {} (as of {})",
        site.files.len(),
        project.policies.documents.len(),
        args.out.display(),
        project.as_of
    );
    Ok(ExitCode::SUCCESS)
}
