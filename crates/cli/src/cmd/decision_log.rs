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

/// The files SQLite keeps for the database at `db`: the database itself and its write-ahead
/// log, shared-memory index and rollback journal (`-wal`, `-shm`, `-journal`). Overwriting any
/// of them, or creating one that SQLite then reads as a hot journal, loses or corrupts
/// acknowledged decisions.
pub fn sqlite_files(db: &Path) -> Vec<PathBuf> {
    let mut files = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

/// Refuses an `--output` that is one of the SQLite files of the decision log at `url`
/// ([`sqlite_files`], whether they exist or not): writing the report there would destroy the
/// log it is read from.
pub fn refuse_log_as_output(output: Option<&Path>, url: &str) -> anyhow::Result<()> {
    let (Some(out), Some(db)) = (output.filter(|p| p.as_os_str() != "-"), sqlite_path(url)) else {
        return Ok(());
    };
    let Some(out_resolved) = crate::output::resolve(out) else {
        return Ok(());
    };
    for file in sqlite_files(&db) {
        if crate::output::resolve(&file).is_some_and(|f| f == out_resolved) {
            let what = if file == db {
                "the decision log".to_owned()
            } else {
                format!(
                    "a file SQLite keeps beside the decision log ({})",
                    file.display()
                )
            };
            bail!(
                "--output {}: that is {what} this command reads (`{url}`); writing there would \
                 lose acknowledged decisions; write to another file",
                out.display()
            );
        }
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
