//! `davar decisions export`: the restrictions of a period in the decision log as DSA
//! Transparency Database statements, as JSON Lines and as batch files ready to submit
//! (`{"statements":[…]}`, at most 100 each, the submission API's limit).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use davar_server::compliance::each_decided;
use davar_server::compliance::sor::{BATCH_LIMIT, SorStatement, exportable, sor_statement};
use jiff::civil::Date;

use crate::Global;
use crate::cmd::check::parse_date;
use crate::cmd::decision_log::{open, project_with_rules, published, refuse_log_as_output};

/// Subcommands of `davar decisions`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Export the restrictions of a period as Transparency Database statements.
    Export(ExportArgs),
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// DSA Transparency Database statements of reasons.
    DsaSor,
}

/// Arguments of `davar decisions export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// First day of decisions to export (in the time zone of `site.yaml`).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Date,
    /// Last day to export, included (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<Date>,
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Statements per batch file (at most 100).
    #[arg(long, default_value_t = BATCH_LIMIT, value_name = "N")]
    pub batch: usize,
    /// A directory (existing, or ending in `/`): `statements.jsonl` and `batch-0001.json`, …
    /// in it; any other path: the JSON Lines only. Default: JSON Lines on stdout.
    #[arg(long, value_name = "DIR|FILE")]
    pub output: Option<PathBuf>,
    /// The decision log: the `--store` URL of `davar serve` (`sqlite://FILE`, `postgres://…`).
    #[arg(long, default_value = "sqlite://davar.db", env = "DAVAR_STORE")]
    pub store: String,
}

/// Runs `davar decisions …`.
pub fn run(command: &Command, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        Command::Export(args) => export(args, global),
    }
}

fn export(args: &ExportArgs, global: &Global) -> anyhow::Result<ExitCode> {
    if args.batch == 0 || args.batch > BATCH_LIMIT {
        bail!(
            "--batch {} is out of range: the Transparency Database takes 1 to {BATCH_LIMIT} statements per call",
            args.batch
        );
    }
    refuse_log_as_output(args.output.as_deref(), &args.store)?;
    if let Some(dir) = args.output.as_deref().filter(|o| is_dir(o)) {
        let earlier = earlier_export(dir);
        if !earlier.is_empty() {
            eprintln!(
                "davar decisions export: {} already holds {} from an earlier export; \
                 choose an empty directory (or remove them) so that the batches in it are \
                 this period's only",
                dir.display(),
                earlier.join(", ")
            );
            return Ok(ExitCode::from(2));
        }
    }
    let project = project_with_rules(global)?;
    let published = published(&project);
    let until = args.until.unwrap_or(project.as_of);
    if until < args.since {
        bail!("--until {until} is before --since {}", args.since);
    }
    let (from, to) = davar_server::compliance::period(&published, args.since, until);
    let log = open(&args.store)?;
    let mut statements: Vec<SorStatement> = Vec::new();
    let mut failed = 0usize;
    each_decided(&*log.store, from, to, |record| {
        if exportable(&record) {
            match sor_statement(&published, &record) {
                Ok(statement) => statements.push(statement),
                Err(e) => {
                    failed += 1;
                    eprintln!("error: {e}");
                }
            }
        }
        Ok::<(), anyhow::Error>(())
    })?;
    let lines = statements
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<Vec<_>, _>>()?;
    let period = format!(
        "{} to {until} ({})",
        args.since, project.policies.site.timezone
    );
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            for line in &lines {
                writeln!(out, "{line}")?;
            }
            eprintln!(
                "davar decisions export: {} statements, {period}",
                lines.len()
            );
        }
        Some(dir) if is_dir(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            write_lines(&dir.join("statements.jsonl"), &lines)?;
            let batches = statements.chunks(args.batch).count();
            for (i, chunk) in statements.chunks(args.batch).enumerate() {
                let path = dir.join(format!("batch-{:04}.json", i + 1));
                let body = serde_json::json!({ "statements": chunk });
                std::fs::write(&path, format!("{}\n", serde_json::to_string(&body)?))
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            eprintln!(
                "davar decisions export: {} statements, {period}: statements.jsonl and {batches} batch file(s) of at most {} in {}",
                lines.len(),
                args.batch,
                dir.display()
            );
        }
        Some(file) => {
            write_lines(file, &lines)?;
            eprintln!(
                "davar decisions export: {} statements, {period}, in {}",
                lines.len(),
                file.display()
            );
        }
    }
    Ok(if failed > 0 {
        eprintln!("davar decisions export: {failed} restriction(s) not exported (see above)");
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The files of an earlier export in `dir` (`statements.jsonl`, `batch-NNNN.json`), sorted.
fn earlier_export(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name == "statements.jsonl"
                || name
                    .strip_prefix("batch-")
                    .and_then(|n| n.strip_suffix(".json"))
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    names.sort();
    names
}

fn is_dir(path: &Path) -> bool {
    path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/')
}

fn write_lines(path: &Path, lines: &[String]) -> anyhow::Result<()> {
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
