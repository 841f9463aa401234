//! `davar report`: transparency figures for a period from the decision log (DSA Art. 15 and
//! 24): restrictions by kind, statement category, rule and automation; time from submission to
//! a moderator's decision; appeals pending at the start, received, decided, reversed and pending
//! at the end, and against the dispute policy's promised time. Every figure counts events by
//! their instant, and the report lists the identities its tables satisfy; one that does not hold
//! is an error (exit code 2). As a table, JSON, or the published site's page in every language
//! (`<lang>/transparency/index.html`, in the site's templates).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use davar_obligation::instant::parse_instant;
use davar_policy::render::templates::Engine;
use davar_policy::render::{render_transparency, transparency_path};
use davar_server::compliance::figures::figures;
use davar_server::compliance::figures_page::{human, view};
use davar_server::compliance::{each_decided, period};
use davar_server::decision::{Action, Stage};
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
    /// The page of the published site, in the site's templates: with `--output DIR/` one page
    /// per site language at `DIR/<lang>/transparency/index.html` (DIR: the `davar build`
    /// output); otherwise the page in `--lang`.
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
    /// Write to this file instead of stdout; for `--format html`, a directory (existing, or
    /// ending in `/`) receives the page of every site language.
    #[arg(long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// The language of a single `--format html` page (default: the site's binding language).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Directory with templates overriding the built-in ones, as for `davar build`
    /// (`transparency.html`, `base.html`, `style.css`).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The present instant (default: now): a period ending after it is counted up to it, and
    /// appeals still open are judged at the end of what is counted.
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
    let now = args
        .now
        .as_ref()
        .map_or_else(jiff::Timestamp::now, |z| z.timestamp());
    if now < from {
        bail!(
            "--from {} starts after the present instant ({}): there is nothing to count yet; pass an earlier --from or a later --now",
            args.from,
            davar_server::compliance::published::rfc3339(&published.zoned(now))
        );
    }
    let log = open(&args.store)?;
    // The period's records, and before it every record that queues a comment or decides a
    // queued one: the comments and appeals waiting at its start are counted from them.
    let mut history = Vec::new();
    each_decided(&*log.store, jiff::Timestamp::MIN, to.min(now), |record| {
        if record.decided_at >= from
            || record.stage != Stage::Engine
            || record.action == Action::Queue
        {
            history.push(record);
        }
        Ok::<(), anyhow::Error>(())
    })?;
    let figures = figures(&published, &history, from, to, now);
    // A period still running is counted up to now: the page names today as its last day.
    let last_day = if now < to {
        published.zoned(now).date()
    } else {
        args.to
    };
    let text = match args.format {
        Format::Human => human(&figures),
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&figures)?),
        Format::Html => {
            let site = &project.policies.site;
            let page = |lang: &str| {
                let view = view(&figures, lang, args.from, last_day);
                render_transparency(
                    &project.policies,
                    lang,
                    args.templates.as_deref(),
                    &view.title,
                    &view,
                )
                .map_err(anyhow::Error::from)
            };
            match &args.output {
                Some(dir) if is_dir(dir) => {
                    for lang in &site.languages {
                        write(&dir.join(transparency_path(lang)), &page(lang)?)?;
                    }
                    let style = dir.join("style.css");
                    if !style.exists() {
                        write(&style, &Engine::new(args.templates.as_deref())?.style)?;
                    }
                    eprintln!(
                        "davar report: {} in {}",
                        site.languages
                            .iter()
                            .map(|l| transparency_path(l))
                            .collect::<Vec<_>>()
                            .join(", "),
                        dir.display()
                    );
                    String::new()
                }
                _ => {
                    let lang = args.lang.as_deref().unwrap_or(&site.binding_language);
                    if !site.languages.iter().any(|l| l == lang) {
                        bail!(
                            "--lang {lang}: the site's languages are {}",
                            site.languages.join(", ")
                        );
                    }
                    page(lang)?
                }
            }
        }
    };
    match &args.output {
        None => print!("{text}"),
        Some(dir) if args.format == Format::Html && is_dir(dir) => {}
        Some(path) => write(path, &text)?,
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

fn is_dir(path: &Path) -> bool {
    path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/')
}

/// Writes `text` to `path`, creating its directory.
fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
