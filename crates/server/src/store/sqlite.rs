//! The embedded default store: SQLite in one file (`sqlite://davar.db`), nothing to install.
//! One connection behind a mutex; WAL mode so readers never wait for the file lock of another
//! process for long, and a busy timeout so two processes sharing a file queue instead of failing.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use davar_moderation::{QuestionStore, StoreError, StoredQuestion};
use rusqlite::{Connection, params};

use super::schema::{INSERT_QUESTION, MIGRATIONS, MIGRATIONS_TABLE, SELECT_QUESTIONS};
use super::{ServerStore, StoreOpenError, backend_error};

/// Questions kept in a SQLite database file.
#[derive(Debug)]
pub struct SqliteStore {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and runs the migrations.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreOpenError> {
        let fail = |e: rusqlite::Error| StoreOpenError::Sqlite {
            path: path.to_owned(),
            message: e.to_string(),
        };
        let mut conn = Connection::open(path).map_err(fail)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
        // In-memory databases report "memory" instead of switching to WAL; both are fine.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(fail)?;
        migrate(&mut conn).map_err(fail)?;
        Ok(SqliteStore {
            path: path.to_owned(),
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent (statements are atomic).
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.execute(MIGRATIONS_TABLE, [])?;
    for (version, sql) in MIGRATIONS {
        let applied: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM davar_migrations WHERE version = $1)",
            [version],
            |r| r.get(0),
        )?;
        if !applied {
            tx.execute(sql, [])?;
            tx.execute(
                "INSERT INTO davar_migrations (version) VALUES ($1)",
                [version],
            )?;
        }
    }
    tx.commit()
}

impl QuestionStore for SqliteStore {
    fn questions(&self, product: &str) -> Result<Vec<StoredQuestion>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(SELECT_QUESTIONS)
            .map_err(sqlite_error)?;
        let rows = stmt
            .query_map([product], |row| {
                Ok(StoredQuestion {
                    id: row.get(0)?,
                    key: row.get(1)?,
                })
            })
            .map_err(sqlite_error)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sqlite_error)
    }

    fn record(&self, product: &str, question: &StoredQuestion) -> Result<(), StoreError> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(INSERT_QUESTION).map_err(sqlite_error)?;
        stmt.execute(params![product, question.key, question.id])
            .map_err(sqlite_error)?;
        Ok(())
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
        format!("sqlite ({})", self.path.display())
    }
}

fn sqlite_error(e: rusqlite::Error) -> StoreError {
    backend_error(format!("sqlite: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, key: &str) -> StoredQuestion {
        StoredQuestion {
            id: Some(id.to_owned()),
            key: key.to_owned(),
        }
    }

    #[test]
    fn records_and_lists_questions_per_product_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let store = SqliteStore::open(&path).unwrap();
        store
            .record("p1", &question("q1", "باتری چند ساعت دوام دارد"))
            .unwrap();
        store
            .record("p1", &question("q1-again", "باتری چند ساعت دوام دارد"))
            .unwrap();
        store
            .record("p2", &question("q2", "رنگ مشکی دارد"))
            .unwrap();
        drop(store);
        let store = SqliteStore::open(&path).unwrap();
        let p1 = store.questions("p1").unwrap();
        assert_eq!(p1.len(), 1, "a repeated key is stored once");
        assert_eq!(p1[0].id.as_deref(), Some("q1"));
        assert_eq!(store.questions("p2").unwrap().len(), 1);
        assert!(store.questions("p3").unwrap().is_empty());
        store.ping().unwrap();
    }

    #[test]
    fn an_unwritable_path_is_an_open_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = SqliteStore::open(&dir.path().join("missing-dir").join("q.db")).unwrap_err();
        assert!(err.to_string().contains("missing-dir"), "{err}");
    }
}
