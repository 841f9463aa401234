//! PostgreSQL store (`postgres://user@host:port/db`) for several `davar serve` processes behind a
//! load balancer: they all see the same questions. Same schema as SQLite.
//!
//! The moderation engine calls the store synchronously; the server always runs the engine on a
//! blocking thread (`spawn_blocking`), where this store waits on the async `tokio-postgres`
//! client through the runtime handle it was opened on. A few connections are used round-robin
//! (each pipelines concurrent queries) and a closed one is reopened on next use.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use davar_moderation::{QuestionStore, StoreError, StoredQuestion};
use tokio::runtime::Handle;
use tokio_postgres::{Client, NoTls};

use super::schema::{INSERT_QUESTION, MIGRATIONS, MIGRATIONS_TABLE, SELECT_QUESTIONS};
use super::{ServerStore, StoreOpenError, backend_error};

/// Connections opened per process.
const CONNECTIONS: usize = 4;
/// Any fixed number: serialises migrations of processes starting at the same time.
const MIGRATION_LOCK: i64 = 0x0064_6176_6172;

/// Questions kept in a PostgreSQL database.
pub struct PostgresStore {
    url: String,
    handle: Handle,
    clients: Vec<Mutex<Arc<Client>>>,
    next: AtomicUsize,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("url", &redact(&self.url))
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to `url` and runs the migrations. Must be called inside a tokio runtime, which
    /// later drives the connections.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreOpenError> {
        let fail = |e: tokio_postgres::Error| StoreOpenError::Postgres {
            url: redact(url),
            message: error_text(&e),
        };
        let mut clients = Vec::with_capacity(CONNECTIONS);
        for _ in 0..CONNECTIONS {
            clients.push(Mutex::new(Arc::new(open(url).await.map_err(fail)?)));
        }
        let first = Arc::clone(&clients[0].lock().unwrap_or_else(|p| p.into_inner()));
        migrate(&first).await.map_err(fail)?;
        Ok(PostgresStore {
            url: url.to_owned(),
            handle: Handle::current(),
            clients,
            next: AtomicUsize::new(0),
        })
    }

    /// Runs `f` with a live client, reconnecting a closed one first.
    fn with_client<T>(
        &self,
        f: impl AsyncFnOnce(&Client) -> Result<T, tokio_postgres::Error>,
    ) -> Result<T, StoreError> {
        let slot = &self.clients[self.next.fetch_add(1, Ordering::Relaxed) % self.clients.len()];
        let run = async {
            let client = {
                let current = Arc::clone(&slot.lock().unwrap_or_else(|p| p.into_inner()));
                if current.is_closed() {
                    let fresh = Arc::new(open(&self.url).await?);
                    *slot.lock().unwrap_or_else(|p| p.into_inner()) = Arc::clone(&fresh);
                    fresh
                } else {
                    current
                }
            };
            f(&client).await
        };
        let handle = &self.handle;
        tokio::task::block_in_place(|| handle.block_on(run))
            .map_err(|e| backend_error(format!("postgres: {}", error_text(&e))))
    }
}

async fn open(url: &str) -> Result<Client, tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!(error = %e, "postgres connection closed");
        }
    });
    Ok(client)
}

async fn migrate(client: &Client) -> Result<(), tokio_postgres::Error> {
    client.batch_execute("BEGIN").await?;
    let result = async {
        client
            .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        client.batch_execute(MIGRATIONS_TABLE).await?;
        for (version, sql) in MIGRATIONS {
            let version = i32::try_from(*version).unwrap_or(i32::MAX);
            let row = client
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM davar_migrations WHERE version = $1)",
                    &[&version],
                )
                .await?;
            if !row.get::<_, bool>(0) {
                client.batch_execute(sql).await?;
                client
                    .execute(
                        "INSERT INTO davar_migrations (version) VALUES ($1)",
                        &[&version],
                    )
                    .await?;
            }
        }
        Ok(())
    }
    .await;
    match result {
        Ok(()) => client.batch_execute("COMMIT").await,
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK").await;
            Err(e)
        }
    }
}

impl QuestionStore for PostgresStore {
    fn questions(&self, product: &str) -> Result<Vec<StoredQuestion>, StoreError> {
        self.with_client(async |c| {
            let rows = c.query(SELECT_QUESTIONS, &[&product]).await?;
            Ok(rows
                .iter()
                .map(|r| StoredQuestion {
                    id: r.get(0),
                    key: r.get(1),
                })
                .collect())
        })
    }

    fn record(&self, product: &str, question: &StoredQuestion) -> Result<(), StoreError> {
        self.with_client(async |c| {
            c.execute(INSERT_QUESTION, &[&product, &question.key, &question.id])
                .await
                .map(|_| ())
        })
    }
}

impl ServerStore for PostgresStore {
    fn ping(&self) -> Result<(), String> {
        self.with_client(async |c| c.simple_query("SELECT 1").await.map(|_| ()))
            .map_err(|e| e.to_string())
    }

    fn describe(&self) -> String {
        format!("postgres ({})", redact(&self.url))
    }

    fn waits_on_network(&self) -> bool {
        true
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
