//! WAL checkpoints of a SQLite file store, off the request path. A checkpoint copies the
//! pages committed to the write-ahead log back into the database file and syncs both to disk
//! (`synchronous = NORMAL`); run by the connection that commits, as SQLite does by default
//! every 1,000 pages, it puts one or two disk flushes into every few dozen writes and sets their
//! tail latency. Here a thread with its own connection runs a passive checkpoint every
//! [`INTERVAL`] instead: passive checkpoints never wait for, nor block, readers and writers. The
//! store's own connection keeps an automatic checkpoint at [`BACKSTOP_PAGES`], far above what
//! the thread lets accumulate, so the log stays bounded if the thread is ever stalled.
//!
//! Durability is unchanged: a commit is in the log (handed to the operating system) before it
//! is acknowledged, whichever connection later checkpoints it.

use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::Connection;

/// Time between two passive checkpoints.
pub(super) const INTERVAL: Duration = Duration::from_millis(200);

/// Log size (pages) at which the writing connection checkpoints by itself.
pub(super) const BACKSTOP_PAGES: u32 = 20_000;

/// The checkpoint thread of one store; stops (and is joined) when dropped.
#[derive(Debug)]
pub(super) struct Checkpointer {
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Opens a second connection to the database at `path` and starts checkpointing it; the
    /// error says what failed.
    pub(super) fn start(path: &Path) -> Result<Checkpointer, String> {
        let conn = Connection::open(path).map_err(|e| e.to_string())?;
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(|e| e.to_string())?;
        let (stop, stopped) = mpsc::channel::<()>();
        let where_ = path.display().to_string();
        let thread = std::thread::Builder::new()
            .name("davar-sqlite-checkpoint".to_owned())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(INTERVAL) {
                    let done = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                        row.get::<_, i64>(0)
                    });
                    if let Err(e) = done {
                        tracing::warn!(store = %where_, error = %e, "SQLite checkpoint failed; retrying");
                    }
                }
            })
            .map_err(|e| format!("cannot start the checkpoint thread: {e}"))?;
        Ok(Checkpointer {
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
