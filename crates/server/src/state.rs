//! The state every handler shares: the compiled policies and rules behind an atomic pointer
//! (a reload swaps them whole, requests in flight keep the version they started with), the
//! question store, API keys, limits, the moderation workers and metrics.

use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::{ArcSwap, Guard};

use crate::auth::ApiKeys;
use crate::compiled::{CompileError, Compiled, Sources, compile};
use crate::metrics::Metrics;
use crate::store::ServerStore;
use crate::workers::{Lanes, Workers, run_deprioritised};

/// Limits applied to every request.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request body, in bytes (larger: `413`).
    pub body_bytes: usize,
    /// Largest body of `POST /v1/moderate/batch`, which carries up to `batch_items` comments.
    pub batch_body_bytes: usize,
    /// Longest single text field, in code points (longer: `422 field-too-long`).
    pub field_chars: usize,
    /// Most comments in one `POST /v1/moderate/batch`.
    pub batch_items: usize,
    /// Time a moderation request may take once its body is in (waiting for a worker included):
    /// past it the work stops and the request is answered `503 timeout`.
    pub timeout: Duration,
    /// Time a client has to send the whole body once the head is in (`408 body-timeout`).
    pub body_timeout: Duration,
    /// Moderation requests waiting or running per lane; more wait for a place until their
    /// deadline. Other routes are not counted.
    pub concurrency: usize,
    /// Moderation threads and which comments take the heavy lane.
    pub lanes: Lanes,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 64 * 1024,
            batch_body_bytes: 4 * 1024 * 1024,
            field_chars: 10_000,
            batch_items: 1_000,
            timeout: Duration::from_secs(5),
            body_timeout: Duration::from_secs(10),
            concurrency: 256,
            lanes: Lanes::default(),
        }
    }
}

/// Shared state of the HTTP service. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    sources: Sources,
    limits: Limits,
    compiled: ArcSwap<Compiled>,
    store: Arc<dyn ServerStore>,
    keys: Option<ApiKeys>,
    metrics: Metrics,
    workers: Workers,
    reloading: Arc<tokio::sync::Mutex<()>>,
}

/// Why a reload did not swap new sources in.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    /// Another reload is compiling.
    #[error("a reload is already running")]
    InProgress,
    /// The sources do not compile; the previous version keeps serving.
    #[error(transparent)]
    Compile(#[from] CompileError),
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("sources", &self.inner.sources)
            .field("limits", &self.inner.limits)
            .field("store", &self.inner.store.describe())
            .field("api_keys", &self.inner.keys.is_some())
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State serving `compiled`, which was compiled from `sources` (reloads read them again).
    /// A compilation already shared (`Arc<Compiled>`) is served as it is, without a copy.
    pub fn new(
        sources: Sources,
        compiled: impl Into<Arc<Compiled>>,
        store: Arc<dyn ServerStore>,
        keys: Option<ApiKeys>,
        limits: Limits,
    ) -> AppState {
        // Starting a few threads fails only when the system is out of threads or memory.
        let workers = Workers::start(limits.lanes, limits.concurrency)
            .unwrap_or_else(|e| panic!("cannot start the moderation threads: {e}"));
        AppState {
            inner: Arc::new(Inner {
                sources,
                limits,
                compiled: ArcSwap::new(compiled.into()),
                store,
                keys,
                metrics: Metrics::default(),
                workers,
                reloading: Arc::new(tokio::sync::Mutex::new(())),
            }),
        }
    }

    /// The compiled policies and rules currently served.
    pub fn compiled(&self) -> Arc<Compiled> {
        self.inner.compiled.load_full()
    }

    /// A cheap snapshot of the compiled state for the length of one request (no reference
    /// count is touched unless the snapshot outlives many others).
    pub fn snapshot(&self) -> Guard<Arc<Compiled>> {
        self.inner.compiled.load()
    }

    /// The question store.
    pub fn store(&self) -> Arc<dyn ServerStore> {
        Arc::clone(&self.inner.store)
    }

    /// The configured API keys (`None`: the API is open).
    pub fn keys(&self) -> Option<&ApiKeys> {
        self.inner.keys.as_ref()
    }

    /// Request limits.
    pub fn limits(&self) -> Limits {
        self.inner.limits
    }

    /// The moderation workers.
    pub fn workers(&self) -> &Workers {
        &self.inner.workers
    }

    /// Metrics of this process.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// Recompiles the sources and swaps the result in; on failure the served version stays as
    /// it was. One compilation at a time: while one runs, another reload is refused at once
    /// with [`ReloadError::InProgress`]. The compilation runs on a thread of its own at the
    /// heavy lane's lower CPU priority (ordinary requests do not wait for it), to its end and
    /// logged even if the caller stops waiting for it.
    pub async fn reload(&self) -> Result<Arc<Compiled>, ReloadError> {
        let Ok(one_at_a_time) = Arc::clone(&self.inner.reloading).try_lock_owned() else {
            self.inner.metrics.observe_reload("busy");
            tracing::warn!("reload refused: another reload is still compiling");
            return Err(ReloadError::InProgress);
        };
        let state = self.clone();
        let niceness = self.inner.limits.lanes.heavy_niceness;
        let task = run_deprioritised("davar-reload", niceness, move || {
            let _one_at_a_time = one_at_a_time;
            let started = Instant::now();
            tracing::info!("reload: compiling policies and rules");
            let outcome = compile(&state.inner.sources);
            let ms = started.elapsed().as_millis();
            match outcome {
                Ok(compiled) => {
                    let compiled = Arc::new(compiled);
                    state.inner.compiled.store(Arc::clone(&compiled));
                    state.inner.metrics.observe_reload("ok");
                    tracing::info!(ms, rules_hash = %compiled.rules.hash, as_of = %compiled.as_of, "reload: new policies and rules serving");
                    Ok(compiled)
                }
                Err(e) => {
                    state.inner.metrics.observe_reload("failed");
                    tracing::warn!(ms, error = %e, problems = e.problems().len(), "reload refused; previous version still serving");
                    Err(ReloadError::Compile(e))
                }
            }
        });
        task.await.map_err(|e| {
            ReloadError::Compile(CompileError::Render(format!(
                "the compile task failed: {e}"
            )))
        })?
    }

    /// Runs forever: when the policies follow today's date (no fixed `as_of`) and the date
    /// changes in the site's time zone, recompiles so that versions taking effect today are served as in force.
    /// A failed recompilation is logged and the previous version keeps serving.
    pub async fn follow_the_date(self) {
        if self.inner.sources.as_of.is_some() {
            return;
        }
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let compiled = self.compiled();
            if compiled.as_of == davar_project::today(&compiled.policies.site) {
                continue;
            }
            match self.reload().await {
                Ok(compiled) => {
                    tracing::info!(as_of = %compiled.as_of, "new day: policies recompiled")
                }
                Err(ReloadError::InProgress) => {
                    tracing::info!("new day: a reload is running; trying again in a minute")
                }
                Err(e) => {
                    tracing::error!(error = %e, "new day: recompilation failed; previous version still serving")
                }
            }
        }
    }
}
