//! Reading the decision log from the command line: the store `davar serve` writes (`--store`
//! URL, SQLite or PostgreSQL) and the compiled project statements cite.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use davar_policy::Severity;
use davar_project::Project;
use davar_server::compliance::Published;
use davar_server::{ServerStore, StoreUrl};

use crate::Global;

/// An open decision log, with the runtime its PostgreSQL connections live on.
pub struct DecisionLogReader {
    /// The store; its calls block, and are made from the command's own thread.
    pub store: Arc<dyn ServerStore>,
    _runtime: tokio::runtime::Runtime,
}

/// Opens the decision log at `url`. A SQLite file that does not exist is an error (reading
/// must not create an empty log).
pub fn open(url: &str) -> anyhow::Result<DecisionLogReader> {
    let parsed: StoreUrl = url.parse()?;
    match &parsed {
        StoreUrl::Sqlite(path) if !path.exists() => bail!(
            "no decision log at {} (from `{url}`): give the --store/--decisions URL `davar serve` writes to",
            path.display()
        ),
        StoreUrl::Memory => bail!(
            "`{url}` is an empty log that lives only inside one `davar serve`; give its sqlite:// or postgres:// URL"
        ),
        _ => {}
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .context("cannot start the runtime for the store")?;
    let store = runtime.block_on(parsed.open())?;
    Ok(DecisionLogReader {
        store,
        _runtime: runtime,
    })
}

/// The file of a `sqlite://` decision log URL (what an `--output` must not overwrite).
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    match url.parse() {
        Ok(StoreUrl::Sqlite(path)) => Some(path),
        _ => None,
    }
}

/// Refuses an `--output` that is the SQLite file of the decision log at `url`: writing the
/// report there would destroy the log it is read from.
pub fn refuse_log_as_output(output: Option<&Path>, url: &str) -> anyhow::Result<()> {
    let (Some(out), Some(db)) = (output, sqlite_path(url)) else {
        return Ok(());
    };
    if let (Some(out_resolved), Ok(db)) = (crate::output::resolve(out), std::fs::canonicalize(db))
        && out_resolved == db
    {
        bail!(
            "--output {}: that is the decision log this command reads (`{url}`); write to another file",
            out.display()
        );
    }
    Ok(())
}

/// The project with its rule sets, refusing what `davar check` refuses (statements cite the
/// rule sets' categories and the policies' clauses).
pub fn project_with_rules(global: &Global) -> anyhow::Result<Project> {
    let project = global.project(None, true)?;
    if let Some(first) = project
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        bail!(
            "`davar check` finds {}; the first: {}:{}:{}: {} (run `davar check` for all of them)",
            project.counts(),
            first.file.display(),
            first.line,
            first.column,
            first.message
        );
    }
    if project.engine.is_none() {
        bail!(
            "no rule sets in {}: statements need the rule sets that judged the comments (give --rules)",
            global.rules.display()
        );
    }
    Ok(project)
}

/// What statements cite, from `project`.
pub fn published(project: &Project) -> Published<'_> {
    Published {
        policies: &project.policies,
        calendars: &project.calendars,
        engine: project.engine.as_ref(),
    }
}
