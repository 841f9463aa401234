//! `davar build`: compile the policies into a static site, refusing when `check` finds errors.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use davar_policy::Diagnostic;
use jiff::civil::Date;
use serde::Serialize;

use super::check::{parse_date, print_notes, render_human};
use crate::Global;
use crate::output::{Format, OutputArgs, Paint};

/// Arguments of `davar build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output directory, replaced atomically when the build succeeds; it must be new, empty or
    /// an earlier site (marked by its `.davar-site` file).
    #[arg(long, default_value = "site")]
    pub out: PathBuf,
    /// Build as of this date (YYYY-MM-DD): decides which version is in force; default today in
    /// the time zone of `site.yaml`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Directory with templates overriding the built-in ones (same file names, e.g. base.html, style.css).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Output format of the result (`json`: one object with the counts and diagnostics).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What `--format json` prints.
#[derive(Serialize)]
struct BuildReport<'a> {
    built: bool,
    out: String,
    as_of: String,
    documents: usize,
    files: usize,
    pages: usize,
    diagnostics: Vec<&'a Diagnostic>,
}

/// Refuses an `--out` directory that is, holds or lies inside the policies or rules
/// directory: the build replaces `--out` wholesale.
fn refuse_sources(out: &Path, global: &Global) -> anyhow::Result<()> {
    let Some(resolved) = crate::output::resolve(out) else {
        return Ok(());
    };
    for (flag, dir) in [("--policies", &global.policies), ("--rules", &global.rules)] {
        let Ok(dir) = std::fs::canonicalize(dir) else {
            continue;
        };
        if dir.starts_with(&resolved) || resolved.starts_with(&dir) {
            anyhow::bail!(
                "--out {}: the build replaces that directory, and it is, holds or lies inside \
                 the {flag} directory {}; give a separate output directory",
                out.display(),
                dir.display()
            );
        }
    }
    Ok(())
}

/// Runs `davar build`. Exit 1 when `check` finds errors (nothing is written).
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    args.output
        .refuse_inputs(&[global.policies.as_path(), global.rules.as_path()])?;
    refuse_sources(&args.out, global)?;
    let project = global.project(args.as_of, true)?;
    print_notes(&project, args.output.quiet);
    let mut sink = args.output.open()?;
    let all: Vec<&Diagnostic> = project.diagnostics.iter().collect();
    if args.format == Format::Human && !all.is_empty() {
        eprint!("{}", render_human(&project, &all, Paint::stderr()));
        eprintln!("{}", project.counts());
    }
    let mut report = BuildReport {
        built: false,
        out: args.out.display().to_string(),
        as_of: project.as_of.to_string(),
        documents: project.policies.documents.len(),
        files: 0,
        pages: 0,
        diagnostics: all,
    };
    let errors = project.counts().errors;
    if errors == 0 {
        let site = project
            .site(args.templates.as_deref())
            .context("cannot render the site")?;
        davar_policy::write_site(&site, &args.out)
            .with_context(|| format!("cannot write the site to {} (--out)", args.out.display()))?;
        report.built = true;
        report.files = site.files.len();
        report.pages = site.files.keys().filter(|p| p.ends_with(".html")).count();
    }
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut sink.writer, &report)?;
            writeln!(sink.writer)?;
        }
        Format::Human if report.built => {
            if !args.output.quiet {
                writeln!(
                    sink.writer,
                    "built {} files ({} pages) for {} documents into {} (as of {})",
                    report.files, report.pages, report.documents, report.out, report.as_of
                )?;
            }
        }
        Format::Human => {}
    }
    sink.writer.flush()?;
    if !report.built {
        crate::output::error(format!(
            "not publishing: `davar check` found {errors} error(s); {} is unchanged",
            args.out.display()
        ));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
