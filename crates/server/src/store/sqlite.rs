//! The embedded default store: SQLite in one file (`sqlite://davar.db`), nothing to install;
//! `memory:` is the same store on an in-memory database. One connection behind a mutex, its
//! statements prepared once and cached; a busy timeout so two processes sharing a file queue
//! instead of failing. Writes that must be atomic across processes (check-and-insert of a
//! question, claiming, deciding) run in `BEGIN IMMEDIATE` transactions, which take the
//! database's write lock first.
//!
//! Durability: WAL mode with `synchronous = NORMAL`. A commit appends to the WAL file through
//! the operating system without waiting for the disk; the WAL is synced at checkpoints, which a
//! thread of the store runs on its own connection (`super::checkpoint`). A
//! committed transaction survives the process being killed (`kill -9`, a panic, an OOM kill),
//! since the operating system still writes what it was given; a power loss or kernel crash can
//! lose the last transactions committed before it (never corrupt the database). `FULL` would
//! sync the WAL at every commit, one disk flush per question and per decision.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use davar_moderation::{QuestionProbe, QuestionStore, StoreError, StoredQuestion};
use rusqlite::{Connection, TransactionBehavior, params, params_from_iter};

use super::checkpoint::{BACKSTOP_PAGES, Checkpointer};
use super::schema::{
    DELETE_BANDS, DELETE_QUESTION, DELETE_QUESTION_OF_COMMENT, DELETE_QUESTION_WITHOUT_ID,
    INSERT_BAND, INSERT_QUESTION, MIGRATIONS, MIGRATIONS_TABLE, SET_KEY_HASH, UNINDEXED_QUESTIONS,
    candidates_sql, insert_bands_sql,
};
use super::{ServerStore, StoreOpenError, backend_error};

/// Prepared statements kept per connection: every statement of the store (the candidate and
/// band statements once per band count), with room to spare.
const STATEMENT_CACHE: usize = 128;

/// Questions stored per transaction by [`ServerStore::import_questions`].
const IMPORT_CHUNK: usize = 10_000;

/// Page cache of the connection, KiB (SQLite's default is 2 MiB): the band index of a product
/// with 100,000 questions is about 150 MiB, and its upper levels stay in memory.
const CACHE_KIB: i64 = 65_536;

/// Bytes of the database file read through a memory map instead of `read` calls.
const MMAP_BYTES: i64 = 1 << 30;

/// Questions, decisions and the review queue in a SQLite database.
#[derive(Debug)]
pub struct SqliteStore {
    path: Option<PathBuf>,
    conn: Mutex<Connection>,
    /// Checkpoints the WAL of a file store (none in memory).
    _checkpointer: Option<Checkpointer>,
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
        let mut store = SqliteStore::with_connection(conn, Some(path.to_owned())).map_err(fail)?;
        let checkpointer = Checkpointer::start(path).map_err(|message| StoreOpenError::Sqlite {
            path: path.to_owned(),
            message,
        })?;
        store._checkpointer = Some(checkpointer);
        Ok(store)
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
        // `LIKE` compares letter case as PostgreSQL does, so a queue filter selects the same
        // items on both stores.
        conn.execute_batch(&format!(
            "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{CACHE_KIB}; \
             PRAGMA mmap_size = {MMAP_BYTES}; PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}; \
             PRAGMA case_sensitive_like = ON"
        ))?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        migrate(&mut conn)?;
        backfill_key_hashes(&mut conn)?;
        Ok(SqliteStore {
            path,
            conn: Mutex::new(conn),
            _checkpointer: None,
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

/// Stores a question and, when it is new, its bands: two cached statements.
fn insert_question(
    conn: &Connection,
    product: &str,
    question: &QuestionProbe,
) -> rusqlite::Result<bool> {
    let inserted = conn
        .prepare_cached(&sql(INSERT_QUESTION))?
        .execute(params![
            product,
            question.key,
            question.id,
            question.key_hash
        ])?;
    if inserted == 1 && !question.bands.is_empty() {
        let mut values: Vec<rusqlite::types::Value> = vec![question.key_hash.into()];
        values.extend(question.bands.iter().map(|b| (*b).into()));
        conn.prepare_cached(&sql(&insert_bands_sql(question.bands.len())))?
            .execute(params_from_iter(values))?;
    }
    Ok(inserted == 1)
}

/// Stores `chunk` under `product`: the questions, then the bands of the new ones in index
/// order, so each page of the band index is written once per chunk rather than once per band.
fn import_chunk(
    conn: &Connection,
    product: &str,
    chunk: &[QuestionProbe],
) -> rusqlite::Result<usize> {
    let mut bands: Vec<(i64, i64)> = Vec::new();
    let mut stored = 0;
    let mut insert = conn.prepare_cached(&sql(INSERT_QUESTION))?;
    for question in chunk {
        let params = params![product, question.key, question.id, question.key_hash];
        if insert.execute(params)? == 1 {
            stored += 1;
            bands.extend(question.bands.iter().map(|b| (*b, question.key_hash)));
        }
    }
    bands.sort_unstable();
    bands.dedup();
    let mut insert = conn.prepare_cached(&sql(INSERT_BAND))?;
    for (band, key_hash) in bands {
        insert.execute(params![band, key_hash])?;
    }
    Ok(stored)
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
            insert_question(&tx, product, question).map_err(sqlite_error)?;
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
    fn forget_own(&self, product: &str, id: Option<&str>, key: &str) -> Result<usize, StoreError> {
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite_error)?;
        let hashes = {
            let mut stmt = match id {
                Some(_) => tx.prepare_cached(&sql(DELETE_QUESTION_OF_COMMENT)),
                None => tx.prepare_cached(&sql(DELETE_QUESTION_WITHOUT_ID)),
            }
            .map_err(sqlite_error)?;
            let rows = stmt
                .query_map(params![product, id.unwrap_or(key)], |r| {
                    r.get::<_, Option<i64>>(0)
                })
                .map_err(sqlite_error)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sqlite_error)?
        };
        for hash in hashes.iter().flatten() {
            tx.execute(&sql(DELETE_BANDS), params![hash])
                .map_err(sqlite_error)?;
        }
        tx.commit().map_err(sqlite_error)?;
        Ok(hashes.len())
    }

    fn ping(&self) -> Result<(), String> {
        self.conn()
            .query_row("SELECT COUNT(*) FROM davar_migrations", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    fn import_questions(
        &self,
        product: &str,
        questions: &[QuestionProbe],
    ) -> Result<usize, StoreError> {
        let mut conn = self.conn();
        let mut stored = 0;
        for chunk in questions.chunks(IMPORT_CHUNK) {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(sqlite_error)?;
            stored += import_chunk(&tx, product, chunk).map_err(sqlite_error)?;
            tx.commit().map_err(sqlite_error)?;
        }
        Ok(stored)
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

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    use super::super::schema::MAX_CANDIDATES;
    use super::*;

    /// `n` distinct keys of 6 to 11 words from a vocabulary of 400 (deterministic).
    fn keys(n: usize, seed: u64) -> Vec<String> {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let mut seen = std::collections::HashSet::new();
        while seen.len() < n {
            let words = 6 + next() % 6;
            let key: Vec<String> = (0..words).map(|_| format!("w{}", next() % 400)).collect();
            seen.insert(key.join(" "));
        }
        let mut keys: Vec<String> = seen.into_iter().collect();
        keys.sort();
        keys
    }

    /// SQLite's own count of virtual-machine steps spent in the candidates query, per probe,
    /// over `probes` new questions on a product holding `stored` questions, the full-scan steps
    /// among them, and the most candidates one probe was compared with. Unlike time, steps do
    /// not depend on the machine's load.
    fn steps_per_probe(stored: usize, probes: usize) -> (f64, i32, usize) {
        let store = SqliteStore::in_memory().unwrap();
        let product = "p";
        let seed: Vec<QuestionProbe> = keys(stored, 7)
            .into_iter()
            .map(|k| QuestionProbe::new(product, k))
            .collect();
        assert_eq!(store.import_questions(product, &seed).unwrap(), stored);
        let probes: Vec<QuestionProbe> = keys(probes, 99)
            .into_iter()
            .map(|k| QuestionProbe::new(product, k))
            .collect();
        let query = |p: &QuestionProbe| sql(&candidates_sql(p.bands.len(), false));
        for p in &probes {
            store
                .conn()
                .prepare_cached(&query(p))
                .unwrap()
                .reset_status(StatementStatus::VmStep);
        }
        let (mut steps, mut scans, mut most) = (0, 0, 0);
        for p in &probes {
            let compared = std::cell::Cell::new(0);
            let never = |_: &StoredQuestion| {
                compared.set(compared.get() + 1);
                false
            };
            store.check_and_record(product, p, &never, true).unwrap();
            most = most.max(compared.get());
            let conn = store.conn();
            let stmt = conn.prepare_cached(&query(p)).unwrap();
            steps += stmt.reset_status(StatementStatus::VmStep);
            scans += stmt.reset_status(StatementStatus::FullscanStep);
        }
        (f64::from(steps) / probes.len() as f64, scans, most)
    }

    /// Twenty times the questions: the same bounded number of comparisons, no scan of the
    /// product, and under twice the steps (the band entries read grow only with the chance
    /// collisions of unrelated questions' bands).
    #[test]
    fn the_candidates_query_does_not_walk_the_product() {
        let (small, small_scans, small_most) = steps_per_probe(1_000, 200);
        let (large, large_scans, large_most) = steps_per_probe(20_000, 200);
        eprintln!(
            "candidates query: {small:.0} VM steps per probe at 1,000 questions, {large:.0} at 20,000; \
             at most {small_most} and {large_most} candidates compared"
        );
        assert_eq!((small_scans, large_scans), (0, 0), "no full scan step");
        assert!(
            small_most <= MAX_CANDIDATES && large_most <= MAX_CANDIDATES,
            "{small_most} and {large_most} candidates compared, more than {MAX_CANDIDATES}"
        );
        assert!(
            large < small * 2.0,
            "{large:.0} steps at 20,000 questions against {small:.0} at 1,000: the query walks the product"
        );
    }
}
