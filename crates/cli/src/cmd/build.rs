//! `davar build`: compile the policies into a static site, refusing when `check` finds errors.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use davar_policy::Diagnostic;
use davar_project::Project;
use jiff::civil::Date;
use rayon::prelude::*;
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

/// One project's build: what it prints and whether it was published.
struct Built {
    /// The diagnostics as a human report (printed on stderr), when there are any.
    diagnostics: String,
    /// The report on stdout: the JSON object, or the human line.
    report: String,
    built: bool,
    errors: usize,
}

/// Builds `project` into `out` unless `check` finds errors.
fn build(project: &Project, args: &Args, out: &Path) -> anyhow::Result<Built> {
    let all: Vec<&Diagnostic> = project.diagnostics.iter().collect();
    let mut diagnostics = String::new();
    if args.format == Format::Human && !all.is_empty() {
        diagnostics = render_human(project, &all, Paint::stderr());
        diagnostics.push_str(&format!("{}\n", project.counts()));
    }
    let mut report = BuildReport {
        built: false,
        out: out.display().to_string(),
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
        davar_policy::write_site(&site, out)
            .with_context(|| format!("cannot write the site to {} (--out)", out.display()))?;
        report.built = true;
        report.files = site.files.len();
        report.pages = site.files.keys().filter(|p| p.ends_with(".html")).count();
    }
    let text = match args.format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&report)?),
        Format::Human if report.built && !args.output.quiet => format!(
            "built {} files ({} pages) for {} documents into {} (as of {})\n",
            report.files, report.pages, report.documents, report.out, report.as_of
        ),
        Format::Human => String::new(),
    };
    Ok(Built {
        diagnostics,
        report: text,
        built: report.built,
        errors,
    })
}

/// Runs `davar build`. Exit 1 when `check` finds errors (nothing is written).
///
/// `--policies` may name a directory of services (see [`davar_project::services`]): each
/// service is built into `--out/<service>/`, two at a time; a service with errors is not
/// published (its output directory is unchanged) and the others are.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    args.output
        .refuse_inputs(&[global.policies.as_path(), global.rules.as_path()])?;
    refuse_sources(&args.out, global)?;
    let Some(services) = davar_project::services(&global.policies) else {
        let project = global.project(args.as_of, true)?;
        print_notes(&project, args.output.quiet);
        let mut sink = args.output.open()?;
        let built = build(&project, args, &args.out)?;
        eprint!("{}", built.diagnostics);
        sink.writer.write_all(built.report.as_bytes())?;
        sink.writer.flush()?;
        if !built.built {
            crate::output::error(format!(
                "not publishing: `davar check` found {} error(s); {} is unchanged",
                built.errors,
                args.out.display()
            ));
            return Ok(ExitCode::from(1));
        }
        return Ok(ExitCode::SUCCESS);
    };
    let results: Vec<anyhow::Result<(Built, Vec<String>)>> = services
        .par_iter()
        .map(|dir| {
            let mut service = global.clone();
            service.policies = dir.clone();
            let project = service.project(args.as_of, true)?;
            let out = args.out.join(dir.file_name().unwrap_or(dir.as_os_str()));
            Ok((build(&project, args, &out)?, project.notes.clone()))
        })
        .collect();
    let mut sink = args.output.open()?;
    let mut notes: Vec<String> = Vec::new();
    let mut refused = Vec::new();
    let mut failed = 0;
    for (dir, result) in services.iter().zip(results) {
        let name = dir.file_name().unwrap_or(dir.as_os_str()).to_string_lossy();
        let (built, project_notes) = match result {
            Ok(done) => done,
            Err(err) => {
                crate::output::error(format!("{}: {err:#}", dir.display()));
                failed += 1;
                continue;
            }
        };
        for note in project_notes {
            if !notes.contains(&note) {
                crate::output::note(args.output.quiet, &note);
                notes.push(note);
            }
        }
        eprint!("{}", built.diagnostics);
        sink.writer.write_all(built.report.as_bytes())?;
        if !built.built {
            refused.push(format!("{name} ({} error(s))", built.errors));
        }
    }
    sink.writer.flush()?;
    if failed > 0 {
        anyhow::bail!(
            "{failed} of {} policies directories in {} could not be built (above)",
            services.len(),
            global.policies.display()
        );
    }
    if !refused.is_empty() {
        crate::output::error(format!(
            "not publishing {} of {} services, where `davar check` found errors (their directories under {} are unchanged): {}",
            refused.len(),
            services.len(),
            args.out.display(),
            refused.join(", ")
        ));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
