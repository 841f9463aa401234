//! The server's stores, chosen by the `--store` URL: `sqlite://davar.db` (default, a file next
//! to the process), `postgres://…` (shared by several processes) or `memory:` (SQLite in
//! memory, lost at exit; for tests and demos). Each keeps the questions of `qa/duplicate`
//! ([`QuestionStore`]), the decision log and the review queue ([`DecisionLog`]). Every call
//! blocks on the database: callers run them on blocking threads (`spawn_blocking`).

mod checkpoint;
mod log;
mod postgres;
mod postgres_log;
mod rows;
mod schema;
mod scoped;
mod sqlite;
mod sqlite_log;

use std::path::PathBuf;
use std::sync::Arc;

use davar_moderation::{QuestionProbe, QuestionStore, StoreError};

pub use self::log::{Appended, Claim, Decide, DecisionLog, QueueCounts, QueueFilter, QueueItem};
pub use self::postgres::PostgresStore;
pub use self::scoped::CommentScope;
pub use self::sqlite::SqliteStore;

/// A store the server can also health-check: questions, decision log and review queue.
pub trait ServerStore: QuestionStore + DecisionLog {
    /// Checks the store answers (for `/readyz`); the error is logged, not sent to clients.
    fn ping(&self) -> Result<(), String>;
    /// Kind and location without secrets, for logs.
    fn describe(&self) -> String;
    /// Stores `questions` under `product` without comparing them with each other or with the
    /// stored ones (a storefront's existing questions, a benchmark's seed), many per
    /// transaction; a key already stored keeps its row. Returns how many were new.
    fn import_questions(
        &self,
        product: &str,
        questions: &[QuestionProbe],
    ) -> Result<usize, StoreError>;
    /// Removes the question one comment stored under `product`: with an `id`, the question
    /// stored with that comment id, whatever its text; without, the question stored without id
    /// under `key`. A question another comment stored (with another id) is never removed, and
    /// nothing is when the comment stored none. Returns how many questions were removed.
    fn forget_own(&self, product: &str, id: Option<&str>, key: &str) -> Result<usize, StoreError>;
}

/// A parsed `--store` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreUrl {
    /// `sqlite://PATH` (relative or absolute; `sqlite:///abs/path` also works).
    Sqlite(PathBuf),
    /// `postgres://…` or `postgresql://…`, passed to the driver as is.
    Postgres(String),
    /// `memory:`.
    Memory,
}

/// Why a store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum StoreOpenError {
    /// The URL has an unknown scheme or no path.
    #[error(
        "unsupported store URL `{0}`: use sqlite://FILE, postgres://USER@HOST:PORT/DB or memory:"
    )]
    BadUrl(String),
    /// SQLite refused to open or migrate the file.
    #[error("cannot open SQLite store {path}: {message}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's message.
        message: String,
    },
    /// PostgreSQL could not be reached or migrated.
    #[error("cannot open PostgreSQL store {url}: {message}")]
    Postgres {
        /// The URL without password.
        url: String,
        /// The driver's or server's message.
        message: String,
    },
}

impl std::str::FromStr for StoreUrl {
    type Err = StoreOpenError;

    fn from_str(url: &str) -> Result<StoreUrl, StoreOpenError> {
        if url == "memory:" || url == "memory" {
            return Ok(StoreUrl::Memory);
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(StoreUrl::Postgres(url.to_owned()));
        }
        match url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            Some(path) if !path.is_empty() => Ok(StoreUrl::Sqlite(PathBuf::from(path))),
            _ => Err(StoreOpenError::BadUrl(postgres::redact(url))),
        }
    }
}

impl StoreUrl {
    /// Opens the store and runs its migrations. Call inside a tokio runtime (PostgreSQL keeps
    /// its connections on it).
    pub async fn open(&self) -> Result<Arc<dyn ServerStore>, StoreOpenError> {
        Ok(match self {
            StoreUrl::Memory => Arc::new(SqliteStore::in_memory()?),
            StoreUrl::Sqlite(path) => {
                let path = path.clone();
                let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
                    .await
                    .map_err(|e| {
                        StoreOpenError::BadUrl(format!("sqlite open task failed: {e}"))
                    })??;
                Arc::new(store)
            }
            StoreUrl::Postgres(url) => Arc::new(PostgresStore::connect(url).await?),
        })
    }
}

/// The one place that builds the engine's store error from a backend message.
fn backend_error(message: String) -> StoreError {
    StoreError(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        assert_eq!(
            "sqlite://davar.db".parse::<StoreUrl>().unwrap(),
            StoreUrl::Sqlite("davar.db".into())
        );
        assert_eq!(
            "sqlite:///var/lib/d.db".parse::<StoreUrl>().unwrap(),
            StoreUrl::Sqlite("/var/lib/d.db".into())
        );
        assert_eq!(
            "postgres://u@127.0.0.1:5432/d".parse::<StoreUrl>().unwrap(),
            StoreUrl::Postgres("postgres://u@127.0.0.1:5432/d".into())
        );
        assert_eq!("memory:".parse::<StoreUrl>().unwrap(), StoreUrl::Memory);
        let err = "mysql://u:pw@h/d".parse::<StoreUrl>().unwrap_err();
        assert!(err.to_string().contains("mysql://u:***@h/d"), "{err}");
        assert!("sqlite://".parse::<StoreUrl>().is_err());
    }
}
