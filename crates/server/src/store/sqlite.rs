//! The embedded default store: SQLite in one file (`sqlite://davar.db`), nothing to install;
//! `memory:` is the same store on an in-memory database. One connection behind a mutex; WAL
//! mode with `synchronous = FULL`, so a transaction acknowledged is on disk; a busy timeout so
//! two processes sharing a file queue instead of failing. Writes that must be atomic across
//! processes (check-and-insert of a question, claiming, deciding) run in `BEGIN IMMEDIATE`
//! transactions, which take the database's write lock first.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use davar_moderation::{QuestionProbe, QuestionStore, StoreError, StoredQuestion};
use rusqlite::{Connection, TransactionBehavior, params, params_from_iter};

use super::schema::{
    DELETE_BANDS, DELETE_QUESTION, INSERT_BAND, INSERT_QUESTION, MIGRATIONS, MIGRATIONS_TABLE,
    SET_KEY_HASH, UNINDEXED_QUESTIONS, candidates_sql,
};
use super::{ServerStore, StoreOpenError, backend_error};

/// Questions, decisions and the review queue in a SQLite database.
#[derive(Debug)]
pub struct SqliteStore {
    path: Option<PathBuf>,
    conn: Mutex<Connection>,
}

/// SQLite numbers parameters `?N`; the shared SQL writes them `$N` (PostgreSQL's form).
pub(super) fn sql(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and runs the migrations.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreOpenError> {
        let fail = |e: rusqlite::Error| StoreOpenError::Sqlite {
            path: path.to_owned(),
            message: e.to_string(),
        };
        let conn = Connection::open(path).map_err(fail)?;
        SqliteStore::with_connection(conn, Some(path.to_owned())).map_err(fail)
    }

    /// A store on a fresh in-memory database (`--store memory:`): lost at exit.
    pub fn in_memory() -> Result<SqliteStore, StoreOpenError> {
        let fail = |e: rusqlite::Error| StoreOpenError::Sqlite {
            path: PathBuf::from(":memory:"),
            message: e.to_string(),
        };
        let conn = Connection::open_in_memory().map_err(fail)?;
        SqliteStore::with_connection(conn, None).map_err(fail)
    }

    fn with_connection(
        mut conn: Connection,
        path: Option<PathBuf>,
    ) -> rusqlite::Result<SqliteStore> {
        conn.busy_timeout(Duration::from_secs(5))?;
        // In-memory databases report "memory" instead of switching to WAL; both are fine.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        conn.execute_batch("PRAGMA synchronous = FULL")?;
        migrate(&mut conn)?;
        backfill_key_hashes(&mut conn)?;
        Ok(SqliteStore {
            path,
            conn: Mutex::new(conn),
        })
    }

    /// The connection. A panic while holding the lock cannot leave SQLite inconsistent
    /// (statements and transactions are atomic), so a poisoned lock is taken over.
    pub(super) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute(MIGRATIONS_TABLE, [])?;
    for (version, statements) in MIGRATIONS {
        let applied: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM davar_migrations WHERE version = ?1)",
            [version],
            |r| r.get(0),
        )?;
        if !applied {
            for statement in *statements {
                tx.execute(statement, [])?;
            }
            tx.execute(
                "INSERT INTO davar_migrations (version) VALUES (?1)",
                [version],
            )?;
        }
    }
    tx.commit()
}

/// Gives questions stored before the band index their handle and bands.
fn backfill_key_hashes(conn: &mut Connection) -> rusqlite::Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let rows: Vec<(String, String)> = tx
            .prepare(UNINDEXED_QUESTIONS)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        if rows.is_empty() {
            return tx.commit();
        }
        for (product, key) in rows {
            let probe = QuestionProbe::new(&product, key);
            tx.execute(
                &sql(SET_KEY_HASH),
                params![probe.key_hash, product, probe.key],
            )?;
            for band in &probe.bands {
                tx.execute(&sql(INSERT_BAND), params![band, probe.key_hash])?;
            }
        }
        tx.commit()?;
    }
}

impl QuestionStore for SqliteStore {
    fn check_and_record(
        &self,
        product: &str,
        question: &QuestionProbe,
        is_duplicate: &dyn Fn(&StoredQuestion) -> bool,
        record: bool,
    ) -> Result<Option<StoredQuestion>, StoreError> {
        let mut conn = self.conn();
        let behavior = if record {
            TransactionBehavior::Immediate
        } else {
            TransactionBehavior::Deferred
        };
        let tx = conn
            .transaction_with_behavior(behavior)
            .map_err(sqlite_error)?;
        let found = {
            let mut stmt = tx
                .prepare_cached(&sql(&candidates_sql(question.bands.len(), false)))
                .map_err(sqlite_error)?;
            let mut values: Vec<rusqlite::types::Value> =
                vec![product.to_owned().into(), question.key.clone().into()];
            values.extend(question.bands.iter().map(|b| (*b).into()));
            let mut rows = stmt.query(params_from_iter(values)).map_err(sqlite_error)?;
            let mut found = None;
            while let Some(row) = rows.next().map_err(sqlite_error)? {
                let stored = StoredQuestion {
                    id: row.get(0).map_err(sqlite_error)?,
                    key: row.get(1).map_err(sqlite_error)?,
                };
                if is_duplicate(&stored) {
                    found = Some(stored);
                    break;
                }
            }
            found
        };
        if found.is_none() && record {
            let inserted = tx
                .prepare_cached(&sql(INSERT_QUESTION))
                .and_then(|mut s| {
                    s.execute(params![
                        product,
                        question.key,
                        question.id,
                        question.key_hash
                    ])
                })
                .map_err(sqlite_error)?;
            if inserted == 1 {
                let mut stmt = tx.prepare_cached(&sql(INSERT_BAND)).map_err(sqlite_error)?;
                for band in &question.bands {
                    stmt.execute(params![band, question.key_hash])
                        .map_err(sqlite_error)?;
                }
            }
        }
        tx.commit().map_err(sqlite_error)?;
        Ok(found)
    }

    fn forget(&self, product: &str, key: &str) -> Result<(), StoreError> {
        let probe = QuestionProbe::new(product, key.to_owned());
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite_error)?;
        tx.execute(&sql(DELETE_QUESTION), params![product, key])
            .map_err(sqlite_error)?;
        tx.execute(&sql(DELETE_BANDS), params![probe.key_hash])
            .map_err(sqlite_error)?;
        tx.commit().map_err(sqlite_error)
    }
}

impl ServerStore for SqliteStore {
    fn ping(&self) -> Result<(), String> {
        self.conn()
            .query_row("SELECT COUNT(*) FROM davar_migrations", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    fn describe(&self) -> String {
        match &self.path {
            Some(path) => format!("sqlite ({})", path.display()),
            None => "memory (sqlite)".to_owned(),
        }
    }
}

/// A SQLite error as the engine's store error.
pub(super) fn sqlite_error(e: rusqlite::Error) -> StoreError {
    backend_error(format!("sqlite: {e}"))
}
