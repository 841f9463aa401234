//! The state every handler shares: the compiled policies and rules behind an atomic pointer
//! (a reload swaps them whole, requests in flight keep the version they started with), the
//! question store, API keys, limits and metrics.

use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;

use crate::auth::ApiKeys;
use crate::compiled::{CompileError, Compiled, Sources, compile};
use crate::metrics::Metrics;
use crate::store::ServerStore;

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
    /// Time after which a request is answered `503 timeout`.
    pub timeout: Duration,
    /// Requests handled at once; more wait (and time out if they wait too long).
    pub concurrency: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 64 * 1024,
            batch_body_bytes: 4 * 1024 * 1024,
            field_chars: 10_000,
            batch_items: 1_000,
            timeout: Duration::from_secs(5),
            concurrency: 256,
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
    slots: tokio::sync::Semaphore,
    reloading: tokio::sync::Mutex<()>,
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
    pub fn new(
        sources: Sources,
        compiled: Compiled,
        store: Arc<dyn ServerStore>,
        keys: Option<ApiKeys>,
        limits: Limits,
    ) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                sources,
                limits,
                compiled: ArcSwap::from_pointee(compiled),
                store,
                keys,
                metrics: Metrics::default(),
                slots: tokio::sync::Semaphore::new(limits.concurrency.max(1)),
                reloading: tokio::sync::Mutex::new(()),
            }),
        }
    }

    /// The compiled policies and rules currently served.
    pub fn compiled(&self) -> Arc<Compiled> {
        self.inner.compiled.load_full()
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

    /// The request slots shared by every route (`Limits::concurrency`).
    pub fn slots(&self) -> &tokio::sync::Semaphore {
        &self.inner.slots
    }

    /// Metrics of this process.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// Recompiles the sources and swaps the result in. On failure the served version stays as
    /// it was. Reloads run one at a time.
    pub async fn reload(&self) -> Result<Arc<Compiled>, CompileError> {
        let _one_at_a_time = self.inner.reloading.lock().await;
        let sources = self.inner.sources.clone();
        let compiled = tokio::task::spawn_blocking(move || compile(&sources))
            .await
            .map_err(|e| CompileError::Render(format!("the compile task failed: {e}")))?;
        match compiled {
            Ok(compiled) => {
                let compiled = Arc::new(compiled);
                self.inner.compiled.store(Arc::clone(&compiled));
                self.inner.metrics.observe_reload("ok");
                Ok(compiled)
            }
            Err(e) => {
                self.inner.metrics.observe_reload("failed");
                Err(e)
            }
        }
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
                Err(e) => {
                    tracing::error!(error = %e, "new day: recompilation failed; previous version still serving")
                }
            }
        }
    }
}
