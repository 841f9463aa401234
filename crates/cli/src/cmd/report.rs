//! `davar report`: transparency figures for a period from the decision log (DSA Art. 15 and
//! 24): restrictions by kind, statement category, rule and automation; time from submission to
//! a moderator's decision; appeals received, decided, reversed, and against the dispute
//! policy's promised time. As a table, JSON, or an HTML page to publish beside the policies.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use davar_obligation::instant::parse_instant;
use davar_server::compliance::figures::figures;
use davar_server::compliance::figures_page::{html, human};
use davar_server::compliance::{each_decided, period};
use jiff::civil::Date;

use crate::Global;
use crate::cmd::check::parse_date;
use crate::cmd::decision_log::{open, project_with_rules, published, refuse_log_as_output};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for people.
    Human,
    /// One JSON object.
    Json,
    /// A standalone HTML page (publish it beside the site, e.g. `site/transparency/index.html`).
    Html,
}

/// Arguments of `davar report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First day counted (in the time zone of `site.yaml`).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Date,
    /// Last day counted, included.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Date,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The present instant, for appeals still open (default: now).
    #[arg(long, value_parser = parse_instant)]
    pub now: Option<jiff::Zoned>,
    /// The decision log: the `--store` URL of `davar serve` (`sqlite://FILE`, `postgres://…`).
    #[arg(long, default_value = "sqlite://davar.db", env = "DAVAR_STORE")]
    pub store: String,
}

/// Runs `davar report`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    if args.to < args.from {
        bail!("--to {} is before --from {}", args.to, args.from);
    }
    refuse_log_as_output(args.output.as_deref(), &args.store)?;
    let project = project_with_rules(global)?;
    let published = published(&project);
    let (from, to) = period(&published, args.from, args.to);
    let log = open(&args.store)?;
    let mut records = Vec::new();
    each_decided(&*log.store, from, to, |record| {
        records.push(record);
        Ok::<(), anyhow::Error>(())
    })?;
    let now = args
        .now
        .as_ref()
        .map_or_else(jiff::Timestamp::now, |z| z.timestamp());
    let figures = figures(&published, &records, from, to, now);
    let text = match args.format {
        Format::Human => human(&figures),
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&figures)?),
        Format::Html => {
            let site = &project.policies.site;
            let name = site
                .marketplace_name
                .get("en")
                .or_else(|| site.marketplace_name.values().next())
                .map_or("davar", String::as_str);
            html(&figures, name)
        }
    };
    match &args.output {
        None => print!("{text}"),
        Some(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            std::fs::write(path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    let problems = figures.inconsistencies();
    for problem in &problems {
        eprintln!("error: the figures do not add up: {problem}");
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
