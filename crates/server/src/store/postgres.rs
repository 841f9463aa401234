//! PostgreSQL store (`postgres://user@host:port/db`) for several `davar serve` processes behind a
//! load balancer: they all see the same questions, decisions and queue. Same schema as SQLite.
//!
//! Store calls are synchronous and block: the server makes them on blocking threads
//! (`spawn_blocking`), where this store waits on the async `tokio-postgres` client through the
//! runtime it was opened on. Connections come from a pool (`deadpool-postgres`), one per call,
//! so a transaction has its connection to itself; broken connections are replaced.
//! Check-and-insert of a question holds a transaction-scoped advisory lock on the product, so
//! two processes judging the same product's questions take turns.

use davar_moderation::{QuestionProbe, QuestionStore, StoreError, StoredQuestion};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod, Runtime};
use tokio::runtime::Handle;
use tokio_postgres::NoTls;

use super::schema::{
    DELETE_BANDS, DELETE_QUESTION, DELETE_QUESTION_OF_COMMENT, DELETE_QUESTION_WITHOUT_ID,
    IMPORT_QUESTIONS, INSERT_BAND, INSERT_QUESTION_AND_BANDS, MIGRATIONS, MIGRATIONS_TABLE,
    SET_KEY_HASH, UNINDEXED_QUESTIONS, candidates_sql,
};
use super::{ServerStore, StoreOpenError, backend_error};

/// Connections per process at most.
const CONNECTIONS: usize = 16;
/// Any fixed number: serialises migrations of processes starting at the same time.
const MIGRATION_LOCK: i64 = 0x0064_6176_6172;

/// Questions, decisions and the review queue in a PostgreSQL database.
pub struct PostgresStore {
    url: String,
    handle: Handle,
    pool: Pool,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("url", &redact(&self.url))
            .finish_non_exhaustive()
    }
}

/// Why a call failed: the pool could not give a connection, or the database refused.
pub(super) enum PgError {
    Pool(deadpool_postgres::PoolError),
    Db(tokio_postgres::Error),
    Store(StoreError),
}

impl From<tokio_postgres::Error> for PgError {
    fn from(e: tokio_postgres::Error) -> PgError {
        PgError::Db(e)
    }
}

impl From<StoreError> for PgError {
    fn from(e: StoreError) -> PgError {
        PgError::Store(e)
    }
}

impl PgError {
    fn into_store(self) -> StoreError {
        match self {
            PgError::Pool(e) => backend_error(format!("postgres pool: {e}")),
            PgError::Db(e) => backend_error(format!("postgres: {}", error_text(&e))),
            PgError::Store(e) => e,
        }
    }
}

impl PostgresStore {
    /// Connects to `url` and runs the migrations. Must be called inside a tokio runtime, which
    /// later drives the connections.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreOpenError> {
        let fail = |message: String| StoreOpenError::Postgres {
            url: redact(url),
            message,
        };
        let config: tokio_postgres::Config = url.parse().map_err(|e| fail(error_text(&e)))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(CONNECTIONS)
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(|e| fail(e.to_string()))?;
        let mut client = pool.get().await.map_err(|e| fail(pool_text(&e)))?;
        migrate(&mut client)
            .await
            .map_err(|e| fail(error_text(&e)))?;
        backfill_key_hashes(&mut client)
            .await
            .map_err(|e| fail(error_text(&e)))?;
        drop(client);
        Ok(PostgresStore {
            url: url.to_owned(),
            handle: Handle::current(),
            pool,
        })
    }

    /// Runs `f` with a pooled connection of its own, blocking this (blocking) thread.
    pub(super) fn with_client<T>(
        &self,
        f: impl AsyncFnOnce(&mut Object) -> Result<T, PgError>,
    ) -> Result<T, StoreError> {
        let run = async {
            let mut client = self.pool.get().await.map_err(PgError::Pool)?;
            f(&mut client).await
        };
        let handle = &self.handle;
        tokio::task::block_in_place(|| handle.block_on(run)).map_err(PgError::into_store)
    }
}

async fn migrate(client: &mut Object) -> Result<(), tokio_postgres::Error> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(MIGRATIONS_TABLE).await?;
    for (version, statements) in MIGRATIONS {
        let version = i32::try_from(*version).unwrap_or(i32::MAX);
        let row = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM davar_migrations WHERE version = $1)",
                &[&version],
            )
            .await?;
        if !row.get::<_, bool>(0) {
            for statement in *statements {
                tx.batch_execute(statement).await?;
            }
            tx.execute(
                "INSERT INTO davar_migrations (version) VALUES ($1)",
                &[&version],
            )
            .await?;
        }
    }
    tx.commit().await
}

async fn backfill_key_hashes(client: &mut Object) -> Result<(), tokio_postgres::Error> {
    loop {
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        let rows = tx.query(UNINDEXED_QUESTIONS, &[]).await?;
        if rows.is_empty() {
            return tx.commit().await;
        }
        for row in rows {
            let product: String = row.get(0);
            let probe = QuestionProbe::new(&product, row.get(1));
            tx.execute(SET_KEY_HASH, &[&probe.key_hash, &product, &probe.key])
                .await?;
            for band in &probe.bands {
                tx.execute(INSERT_BAND, &[band, &probe.key_hash]).await?;
            }
        }
        tx.commit().await?;
    }
}

/// Questions stored per statement by [`ServerStore::import_questions`].
const IMPORT_CHUNK: usize = 5_000;

/// The advisory lock key of a product's questions.
fn product_lock(product: &str) -> i64 {
    // Any stable spread will do; the key hash of the product with an empty key is one.
    QuestionProbe::new(product, String::new()).key_hash
}

/// Holds `product`'s advisory lock until the end of transaction `tx`: writers of one product's
/// questions take turns.
async fn lock_product(
    tx: &tokio_postgres::Transaction<'_>,
    product: &str,
) -> Result<(), tokio_postgres::Error> {
    tx.execute(PRODUCT_LOCK, &[&product_lock(product)]).await?;
    Ok(())
}

/// Takes an advisory lock held until the end of the transaction.
const PRODUCT_LOCK: &str = "SELECT pg_advisory_xact_lock($1)";

impl QuestionStore for PostgresStore {
    fn check_and_record(
        &self,
        product: &str,
        question: &QuestionProbe,
        is_duplicate: &dyn Fn(&StoredQuestion) -> bool,
        record: bool,
    ) -> Result<Option<StoredQuestion>, StoreError> {
        let query = candidates_sql(question.bands.len(), true);
        self.with_client(async |client| {
            // Four round trips once the statements are cached: BEGIN; the lock and the
            // candidates, pipelined; the insert of question and bands; COMMIT. Both statements
            // are prepared before the pipeline, so each is sent at its first poll, the lock
            // first, and the server runs them in that order (a statement still to be prepared
            // would let the query overtake the lock).
            let tx = client.transaction().await?;
            let stmt = tx.prepare_cached(&query).await?;
            let params: [&(dyn tokio_postgres::types::ToSql + Sync); 3] =
                [&product, &question.key, &question.bands];
            let rows = if record {
                let lock = product_lock(product);
                let lock_params: [&(dyn tokio_postgres::types::ToSql + Sync); 1] = [&lock];
                let lock_stmt = tx.prepare_cached(PRODUCT_LOCK).await?;
                let (_, rows) = tokio::try_join!(
                    tx.execute(&lock_stmt, &lock_params),
                    tx.query(&stmt, &params)
                )?;
                rows
            } else {
                tx.query(&stmt, &params).await?
            };
            let found = rows
                .iter()
                .map(|r| StoredQuestion {
                    id: r.get(0),
                    key: r.get(1),
                })
                .find(|q| is_duplicate(q));
            if found.is_none() && record {
                let insert = tx.prepare_cached(INSERT_QUESTION_AND_BANDS).await?;
                tx.execute(
                    &insert,
                    &[
                        &product,
                        &question.key,
                        &question.id,
                        &question.key_hash,
                        &question.bands,
                    ],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(found)
        })
    }

    fn forget(&self, product: &str, key: &str) -> Result<(), StoreError> {
        let probe = QuestionProbe::new(product, key.to_owned());
        self.with_client(async |client| {
            let tx = client.transaction().await?;
            lock_product(&tx, product).await?;
            tx.execute(DELETE_QUESTION, &[&product, &key]).await?;
            tx.execute(DELETE_BANDS, &[&probe.key_hash]).await?;
            tx.commit().await?;
            Ok(())
        })
    }
}

impl ServerStore for PostgresStore {
    fn forget_own(&self, product: &str, id: Option<&str>, key: &str) -> Result<usize, StoreError> {
        self.with_client(async |client| {
            let tx = client.transaction().await?;
            lock_product(&tx, product).await?;
            let rows = match id {
                Some(id) => {
                    tx.query(DELETE_QUESTION_OF_COMMENT, &[&product, &id])
                        .await?
                }
                None => {
                    tx.query(DELETE_QUESTION_WITHOUT_ID, &[&product, &key])
                        .await?
                }
            };
            for row in &rows {
                if let Some(hash) = row.get::<_, Option<i64>>(0) {
                    tx.execute(DELETE_BANDS, &[&hash]).await?;
                }
            }
            tx.commit().await?;
            Ok(rows.len())
        })
    }

    fn ping(&self) -> Result<(), String> {
        self.with_client(async |c| {
            c.simple_query("SELECT 1").await?;
            Ok(())
        })
        .map_err(|e| e.to_string())
    }

    fn describe(&self) -> String {
        format!("postgres ({})", redact(&self.url))
    }

    fn import_questions(
        &self,
        product: &str,
        questions: &[QuestionProbe],
    ) -> Result<usize, StoreError> {
        let mut stored = 0;
        for chunk in questions.chunks(IMPORT_CHUNK) {
            let keys: Vec<&str> = chunk.iter().map(|q| q.key.as_str()).collect();
            let ids: Vec<Option<&str>> = chunk.iter().map(|q| q.id.as_deref()).collect();
            let hashes: Vec<i64> = chunk.iter().map(|q| q.key_hash).collect();
            let (bands, band_hashes): (Vec<i64>, Vec<i64>) = chunk
                .iter()
                .flat_map(|q| q.bands.iter().map(|b| (*b, q.key_hash)))
                .unzip();
            stored += self.with_client(async |client| {
                let tx = client.transaction().await?;
                lock_product(&tx, product).await?;
                let row = tx
                    .query_one(
                        IMPORT_QUESTIONS,
                        &[&product, &keys, &ids, &hashes, &bands, &band_hashes],
                    )
                    .await?;
                tx.commit().await?;
                let added: i64 = row.get(0);
                Ok(usize::try_from(added).unwrap_or(0))
            })?;
        }
        Ok(stored)
    }
}

/// The URL without its password, for logs and errors.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            if userinfo.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                url.to_owned()
            }
        }
        None => url.to_owned(),
    }
}

/// tokio-postgres's Display hides the server's message behind "db error"; show it.
fn error_text(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => match std::error::Error::source(e) {
            Some(source) => format!("{e}: {source}"),
            None => e.to_string(),
        },
    }
}

fn pool_text(e: &deadpool_postgres::PoolError) -> String {
    match e {
        deadpool_postgres::PoolError::Backend(db) => error_text(db),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("host=h user=u"), "host=h user=u");
    }
}
