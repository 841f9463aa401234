//! Where moderation runs: dedicated threads, never the async runtime's, so that a costly
//! comment cannot delay `/healthz`, page requests or the reading of other requests.
//!
//! Lanes of threads share the work. Single comments of ordinary size take the *light* lane;
//! batches and comments longer than [`Lanes::light_chars`], of any kind, take the *heavy*
//! lane, so that a stream of expensive texts slows other expensive texts, not the ordinary
//! traffic; work that waits on the database rather than the CPU (questions of ordinary size,
//! which consult the question store, and writing decisions to the log) takes the *store*
//! lane. Each lane has a bounded queue (`Limits::concurrency` requests
//! waiting or running); a request that cannot get into the queue before its deadline is answered
//! `503 timeout`.
//!
//! Ordinary traffic does not wait for heavy work: the heavy lane's threads run at a lower CPU
//! priority ([`Lanes::heavy_niceness`], Linux), so the light lane and the async runtime get the
//! cores first when both want them; and the decision of a request judged on the heavy lane is
//! written on a store lane of its own (*heavy store*, one thread) that starts a job only when no
//! ordinary store job is queued or running, so an ordinary decision waits for at most one
//! heavy write already under way, never for a queue of them. A batch writes its decisions
//! there too, in chunks ([`Workers::run_blocking`] from the heavy lane), each chunk a job of
//! its own.
//!
//! Every job carries a [`Budget`]: the request's deadline and a cancellation flag set when the
//! request times out or its client goes away (the handler's future is dropped). A job whose
//! budget is spent before it starts is skipped; a running job checks the budget between the items
//! of a batch and, inside the engine, between rules.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, oneshot};

/// The time one request may spend, and whether it has been given up.
#[derive(Debug, Clone)]
pub struct Budget {
    inner: Arc<BudgetState>,
}

#[derive(Debug)]
struct BudgetState {
    started: Instant,
    deadline: Instant,
    cancelled: AtomicBool,
    /// Judged on the heavy lane: its store work takes the heavy store lane.
    heavy: AtomicBool,
}

impl Budget {
    /// A budget that runs out at `deadline`.
    pub fn until(deadline: Instant) -> Budget {
        Budget {
            inner: Arc::new(BudgetState {
                started: Instant::now(),
                deadline,
                cancelled: AtomicBool::new(false),
                heavy: AtomicBool::new(false),
            }),
        }
    }

    /// When the budget runs out.
    pub fn deadline(&self) -> Instant {
        self.inner.deadline
    }

    /// The whole budget in milliseconds, from its creation to its deadline.
    pub fn millis(&self) -> u64 {
        let total = self
            .inner
            .deadline
            .saturating_duration_since(self.inner.started);
        u64::try_from(total.as_millis()).unwrap_or(u64::MAX)
    }

    /// Gives the work up: the client is gone or has been answered.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once the deadline has passed or the work was given up.
    pub fn is_spent(&self) -> bool {
        self.inner.cancelled.load(Ordering::Relaxed) || Instant::now() >= self.inner.deadline
    }
}

/// Cancels a budget when dropped unless disarmed: a handler future dropped because its client
/// went away stops the work it started.
struct CancelOnDrop(Option<Budget>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if let Some(budget) = self.0.take() {
            budget.cancel();
        }
    }
}

/// Which lane a job takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// One comment of ordinary size.
    Light,
    /// A batch, or a comment longer than [`Lanes::light_chars`].
    Heavy,
    /// Work that waits on the database (question store, decision log); for a request judged
    /// on the heavy lane, the heavy store lane.
    Store,
}

/// Why a job produced no result.
#[derive(Debug)]
pub enum Refused {
    /// The budget ran out while waiting for a place in the queue, in the queue, or running.
    Timeout(Stage),
    /// The job panicked; the payload is logged by the caller.
    Panicked(String),
}

/// Where a request was when its budget ran out (logged with the timeout).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The lane's queue was full.
    Queue,
    /// Queued or running on a worker.
    Work,
}

impl Stage {
    /// A short description for the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Queue => "waiting for a place in the moderation queue",
            Stage::Work => "queued or running on a moderation worker",
        }
    }
}

/// Threads per lane and which comments take which lane.
#[derive(Debug, Clone, Copy)]
pub struct Lanes {
    /// Threads of the light lane.
    pub light_threads: usize,
    /// Threads of the heavy lane.
    pub heavy_threads: usize,
    /// Threads of the store lane (they mostly wait on the database).
    pub store_threads: usize,
    /// A single comment with more code points than this (title and body together) takes the
    /// heavy lane.
    pub light_chars: usize,
    /// How much lower the CPU priority of the heavy lane's threads is than the process's (a
    /// nice increment, Linux only; 0: the same priority). Compiling a reload runs at this
    /// priority too ([`run_deprioritised`]).
    pub heavy_niceness: i32,
}

impl Default for Lanes {
    fn default() -> Lanes {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Lanes {
            light_threads: cores,
            heavy_threads: cores.div_ceil(2),
            store_threads: 8,
            light_chars: 2_000,
            heavy_niceness: 10,
        }
    }
}

struct Lane {
    pool: rayon::ThreadPool,
    places: Arc<Semaphore>,
}

/// The moderation threads of one server.
pub struct Workers {
    light: Lane,
    heavy: Lane,
    store: Lane,
    heavy_store: Lane,
    /// Ordinary store jobs queued or running: heavy store jobs wait until there are none.
    ordinary_store: Arc<Gate>,
    lanes: Lanes,
    queue: usize,
}

impl std::fmt::Debug for Workers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workers")
            .field("lanes", &self.lanes)
            .field("queue", &self.queue)
            .finish_non_exhaustive()
    }
}

impl Workers {
    /// Starts the threads of every lane, each with `queue` places for requests waiting or
    /// running.
    pub fn start(lanes: Lanes, queue: usize) -> std::io::Result<Workers> {
        let lane = |name: &'static str, threads: usize, niceness: i32| -> std::io::Result<Lane> {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.max(1))
                .thread_name(move |i| format!("davar-{name}-{i}"))
                .start_handler(move |_| lower_priority(niceness))
                .build()
                .map_err(std::io::Error::other)?;
            Ok(Lane {
                pool,
                places: Arc::new(Semaphore::new(queue.max(1))),
            })
        };
        Ok(Workers {
            light: lane("light", lanes.light_threads, 0)?,
            heavy: lane("heavy", lanes.heavy_threads, lanes.heavy_niceness)?,
            store: lane("store", lanes.store_threads, 0)?,
            // One thread at the process's priority: it holds the database while it writes,
            // and ordinary decisions may be waiting for the database.
            heavy_store: lane("heavy-store", 1, 0)?,
            ordinary_store: Arc::default(),
            lanes,
            queue,
        })
    }

    /// The configuration the workers were started with.
    pub fn lanes(&self) -> Lanes {
        self.lanes
    }

    /// The places in the queue of the lane `weight` takes for an ordinary request (tests hold
    /// them to fill the queue).
    pub fn places(&self, weight: Weight) -> &Arc<Semaphore> {
        &self.lane(weight, false).places
    }

    /// The places in the queue of the heavy store lane.
    pub fn heavy_store_places(&self) -> &Arc<Semaphore> {
        &self.heavy_store.places
    }

    fn lane(&self, weight: Weight, heavy: bool) -> &Lane {
        match weight {
            Weight::Light => &self.light,
            Weight::Heavy => &self.heavy,
            Weight::Store if heavy => &self.heavy_store,
            Weight::Store => &self.store,
        }
    }

    /// Runs `job` on a worker of the lane for `weight` and waits for its result until the
    /// budget's deadline. If the caller's future is dropped first (the client went away), the
    /// budget is cancelled.
    pub async fn run<T, F>(&self, weight: Weight, budget: &Budget, job: F) -> Result<T, Refused>
    where
        T: Send + 'static,
        F: FnOnce(&Budget) -> T + Send + 'static,
    {
        let mut guard = CancelOnDrop(Some(budget.clone()));
        let deadline = tokio::time::Instant::from_std(budget.deadline());
        if weight == Weight::Heavy {
            budget.inner.heavy.store(true, Ordering::Relaxed);
        }
        let lane = self.lane(weight, budget.inner.heavy.load(Ordering::Relaxed));
        let place =
            match tokio::time::timeout_at(deadline, Arc::clone(&lane.places).acquire_owned()).await
            {
                Ok(Ok(place)) => place,
                // The semaphore is never closed; treat it like a full queue all the same.
                Ok(Err(_)) | Err(_) => return Err(Refused::Timeout(Stage::Queue)),
            };
        let rx = self.spawn(lane, budget, Some(place), job);
        let outcome = tokio::time::timeout_at(deadline, rx).await;
        match outcome {
            Ok(Ok(Ok(value))) => {
                guard.0 = None;
                Ok(value)
            }
            Ok(Ok(Err(panic))) => Err(Refused::Panicked(panic)),
            // A dropped sender means the job saw its budget spent and skipped itself.
            Ok(Err(_)) | Err(_) => Err(Refused::Timeout(Stage::Work)),
        }
    }

    /// Runs `job` on a worker of the lane for `weight` from a thread that may block (a worker
    /// of another lane) and waits for its result: a batch on the heavy lane writes its
    /// decisions this way, chunk by chunk, on the heavy store lane, so that each chunk waits
    /// until no ordinary store job is queued or running. It takes no place in the lane's queue
    /// (the calling job holds one in its own lane's). A job that has started runs to its end;
    /// one whose budget is spent before it starts is skipped (`Refused::Timeout`).
    pub fn run_blocking<T, F>(&self, weight: Weight, budget: &Budget, job: F) -> Result<T, Refused>
    where
        T: Send + 'static,
        F: FnOnce(&Budget) -> T + Send + 'static,
    {
        if weight == Weight::Heavy {
            budget.inner.heavy.store(true, Ordering::Relaxed);
        }
        let lane = self.lane(weight, budget.inner.heavy.load(Ordering::Relaxed));
        match self.spawn(lane, budget, None, job).blocking_recv() {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(panic)) => Err(Refused::Panicked(panic)),
            Err(_) => Err(Refused::Timeout(Stage::Work)),
        }
    }

    /// Queues `job` on `lane`'s threads; the receiver gets its result, or is closed when the
    /// job was skipped because its budget was spent before it started.
    fn spawn<T, F>(
        &self,
        lane: &Lane,
        budget: &Budget,
        place: Option<tokio::sync::OwnedSemaphorePermit>,
        job: F,
    ) -> oneshot::Receiver<Result<T, String>>
    where
        T: Send + 'static,
        F: FnOnce(&Budget) -> T + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job_budget = budget.clone();
        let heavy_store = std::ptr::eq(lane, &self.heavy_store);
        let ordinary_store = std::ptr::eq(lane, &self.store).then(|| self.ordinary_store.enter());
        let gate = Arc::clone(&self.ordinary_store);
        lane.pool.spawn(move || {
            let _place = place;
            let _ordinary_store = ordinary_store;
            if heavy_store {
                gate.wait_until_idle(&job_budget);
            }
            if job_budget.is_spent() {
                return; // dropping `tx` tells the caller the budget ran out
            }
            let outcome =
                std::panic::catch_unwind(AssertUnwindSafe(|| job(&job_budget))).map_err(panic_text);
            let _ = tx.send(outcome);
        });
        rx
    }
}

/// A count of jobs in flight that other jobs can wait to reach zero.
#[derive(Debug, Default)]
struct Gate {
    busy: Mutex<usize>,
    idle: Condvar,
}

/// One job counted in a [`Gate`] until dropped.
struct InGate(Arc<Gate>);

impl Gate {
    fn enter(self: &Arc<Gate>) -> InGate {
        *lock(&self.busy) += 1;
        InGate(Arc::clone(self))
    }

    /// Waits until no job is in the gate or `budget` is spent (its deadline passed or it was
    /// cancelled; the flag is looked at every few milliseconds).
    fn wait_until_idle(&self, budget: &Budget) {
        let mut busy = lock(&self.busy);
        while *busy > 0 && !budget.is_spent() {
            let step = budget
                .deadline()
                .saturating_duration_since(Instant::now())
                .min(Duration::from_millis(5));
            busy = match self.idle.wait_timeout(busy, step) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }
}

impl Drop for InGate {
    fn drop(&mut self) {
        let mut busy = lock(&self.0.busy);
        *busy -= 1;
        if *busy == 0 {
            self.0.idle.notify_all();
        }
    }
}

/// A counter's lock; a panic while it was held cannot leave the count inconsistent.
fn lock(mutex: &Mutex<usize>) -> std::sync::MutexGuard<'_, usize> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `job` on a thread of its own at the heavy lane's lower CPU priority (`niceness`) and
/// waits for its result: long background work (compiling a reload) that ordinary requests must
/// not wait for. The job runs to its end even if the caller stops waiting.
pub async fn run_deprioritised<T, F>(name: &str, niceness: i32, job: F) -> std::io::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            lower_priority(niceness);
            let _ = tx.send(std::panic::catch_unwind(AssertUnwindSafe(job)));
        })?;
    match rx.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => Err(std::io::Error::other(format!(
            "the job panicked: {}",
            panic_text(panic)
        ))),
        Err(_) => Err(std::io::Error::other(
            "the job's thread ended without a result",
        )),
    }
}

/// Lowers the calling thread's CPU priority by `niceness` (Linux: the nice value is per
/// thread). A thread may always lower its own priority; if the system refuses, the thread keeps
/// its priority and the reason is logged.
fn lower_priority(niceness: i32) {
    if niceness <= 0 {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{getpriority_process, setpriority_process};
        let me = Some(rustix::thread::gettid());
        let lowered = getpriority_process(me)
            .and_then(|now| setpriority_process(me, now.saturating_add(niceness).min(19)));
        if let Err(error) = lowered {
            tracing::warn!(%error, niceness, "could not lower a worker thread's CPU priority");
        }
    }
}

fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "non-string panic payload".to_owned())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    use super::*;

    fn workers() -> Workers {
        let lanes = Lanes {
            light_threads: 1,
            heavy_threads: 1,
            store_threads: 1,
            light_chars: 100,
            heavy_niceness: 5,
        };
        Workers::start(lanes, 4).unwrap()
    }

    fn thread_name() -> String {
        std::thread::current().name().unwrap_or("").to_owned()
    }

    #[cfg(target_os = "linux")]
    fn niceness() -> i32 {
        rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap()
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn the_heavy_lane_and_deprioritised_jobs_run_at_a_lower_cpu_priority() {
        let w = workers();
        let budget = Budget::until(Instant::now() + Duration::from_secs(5));
        let process = niceness();
        let light = w.run(Weight::Light, &budget, |_| niceness()).await.unwrap();
        let store = w.run(Weight::Store, &budget, |_| niceness()).await.unwrap();
        let heavy = w.run(Weight::Heavy, &budget, |_| niceness()).await.unwrap();
        let reload = run_deprioritised("test-reload", 5, niceness).await.unwrap();
        assert_eq!((light, store), (process, process));
        assert_eq!(heavy, (process + 5).min(19));
        assert_eq!(reload, (process + 5).min(19));
        assert_eq!(
            niceness(),
            process,
            "the caller's thread keeps its priority"
        );
    }

    #[tokio::test]
    async fn a_deprioritised_job_that_panics_is_an_error() {
        let refused = run_deprioritised("test-panic", 5, || -> u8 { panic!("compile bug") }).await;
        assert!(refused.unwrap_err().to_string().contains("compile bug"));
    }

    #[tokio::test]
    async fn the_decision_of_a_heavy_request_is_written_on_the_heavy_store_lane() {
        let w = workers();
        let ordinary = Budget::until(Instant::now() + Duration::from_secs(5));
        let heavy = Budget::until(Instant::now() + Duration::from_secs(5));
        w.run(Weight::Light, &ordinary, |_| ()).await.unwrap();
        w.run(Weight::Heavy, &heavy, |_| ()).await.unwrap();
        let ordinary_store = w.run(Weight::Store, &ordinary, |_| thread_name()).await;
        let heavy_store = w.run(Weight::Store, &heavy, |_| thread_name()).await;
        assert_eq!(ordinary_store.unwrap(), "davar-store-0");
        assert_eq!(heavy_store.unwrap(), "davar-heavy-store-0");
    }

    #[tokio::test]
    async fn a_heavy_store_job_waits_until_no_ordinary_store_job_is_queued_or_running() {
        let w = Arc::new(workers());
        let ordinary = Budget::until(Instant::now() + Duration::from_secs(30));
        let (release, held) = std::sync::mpsc::channel::<()>();
        let running = {
            let (w, ordinary) = (Arc::clone(&w), ordinary.clone());
            tokio::spawn(async move {
                w.run(Weight::Store, &ordinary, move |_| held.recv().ok())
                    .await
            })
        };
        while w.places(Weight::Store).available_permits() == 4 {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let heavy = Budget::until(Instant::now() + Duration::from_secs(30));
        w.run(Weight::Heavy, &heavy, |_| ()).await.unwrap();
        let started = Arc::new(AtomicBool::new(false));
        let waiting = {
            let (w, heavy, started) = (Arc::clone(&w), heavy.clone(), Arc::clone(&started));
            tokio::spawn(async move {
                w.run(Weight::Store, &heavy, move |_| {
                    started.store(true, Ordering::Relaxed)
                })
                .await
            })
        };
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            !started.load(Ordering::Relaxed),
            "the heavy store job waits for the ordinary one"
        );
        release.send(()).unwrap();
        assert!(running.await.unwrap().is_ok());
        assert!(waiting.await.unwrap().is_ok());
        assert!(started.load(Ordering::Relaxed));
    }

    #[tokio::test]
    async fn a_heavy_store_job_kept_waiting_past_its_deadline_times_out() {
        let w = Arc::new(workers());
        let _ordinary = w.ordinary_store.enter(); // an ordinary store job that never ends
        let heavy = Budget::until(Instant::now() + Duration::from_millis(50));
        w.run(Weight::Heavy, &heavy, |_| ()).await.unwrap();
        let refused = w
            .run(Weight::Store, &heavy, |_| panic!("must not run"))
            .await;
        assert!(matches!(refused, Err(Refused::Timeout(Stage::Work))));
    }

    #[tokio::test]
    async fn ordinary_decisions_do_not_wait_for_a_busy_heavy_store_lane() {
        let w = Arc::new(workers());
        // A heavy request's decision holds the heavy store thread.
        let heavy = Budget::until(Instant::now() + Duration::from_secs(30));
        w.run(Weight::Heavy, &heavy, |_| ()).await.unwrap();
        let (release, held) = std::sync::mpsc::channel::<()>();
        let busy = {
            let (w, heavy) = (Arc::clone(&w), heavy.clone());
            tokio::spawn(async move {
                w.run(Weight::Store, &heavy, move |_| held.recv().ok())
                    .await
            })
        };
        while w.heavy_store_places().available_permits() == 4 {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        // Every place of the heavy store lane is taken too.
        let _rest = w.heavy_store_places().acquire_many(3).await.unwrap();
        let ordinary = Budget::until(Instant::now() + Duration::from_millis(500));
        let written = w.run(Weight::Store, &ordinary, |_| thread_name()).await;
        assert_eq!(written.unwrap(), "davar-store-0");
        release.send(()).unwrap();
        assert!(busy.await.unwrap().is_ok());
    }

    #[tokio::test]
    async fn a_job_runs_and_returns_its_value() {
        let w = workers();
        let budget = Budget::until(Instant::now() + Duration::from_secs(5));
        assert_eq!(w.run(Weight::Light, &budget, |_| 41 + 1).await.unwrap(), 42);
    }

    #[tokio::test]
    async fn a_job_past_its_deadline_is_cancelled_and_stops() {
        let w = workers();
        let budget = Budget::until(Instant::now() + Duration::from_millis(50));
        let rounds = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&rounds);
        let refused = w
            .run(Weight::Heavy, &budget, move |b| {
                while !b.is_spent() {
                    counted.fetch_add(1, Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(5));
                }
                // Returns well after the deadline: the caller has answered by then.
                std::thread::sleep(Duration::from_millis(100));
            })
            .await;
        assert!(matches!(refused, Err(Refused::Timeout(Stage::Work))));
        // The job saw its budget spent and returned: the lane is free again.
        let after = Budget::until(Instant::now() + Duration::from_secs(5));
        assert_eq!(w.run(Weight::Heavy, &after, |_| 7).await.unwrap(), 7);
        assert!(rounds.load(Ordering::Relaxed) >= 1);
    }

    #[tokio::test]
    async fn dropping_the_request_cancels_its_work() {
        let w = Arc::new(workers());
        let budget = Budget::until(Instant::now() + Duration::from_secs(30));
        let started = Arc::new(AtomicBool::new(false));
        let seen = Arc::clone(&started);
        let task = {
            let (w, budget) = (Arc::clone(&w), budget.clone());
            tokio::spawn(async move {
                w.run(Weight::Light, &budget, move |b| {
                    seen.store(true, Ordering::Relaxed);
                    while !b.is_spent() {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                })
                .await
            })
        };
        while !started.load(Ordering::Relaxed) {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        task.abort(); // the client went away
        let _ = task.await;
        assert!(budget.is_spent(), "the budget is cancelled");
        let after = Budget::until(Instant::now() + Duration::from_secs(5));
        assert_eq!(w.run(Weight::Light, &after, |_| 1).await.unwrap(), 1);
    }

    #[tokio::test]
    async fn a_full_queue_times_out_without_running_the_job() {
        let w = workers();
        let _all = w.places(Weight::Light).acquire_many(4).await.unwrap();
        let budget = Budget::until(Instant::now() + Duration::from_millis(30));
        let refused = w
            .run(Weight::Light, &budget, |_| panic!("must not run"))
            .await;
        assert!(matches!(refused, Err(Refused::Timeout(Stage::Queue))));
        // The other lane is not affected.
        let other = Budget::until(Instant::now() + Duration::from_secs(5));
        assert_eq!(w.run(Weight::Heavy, &other, |_| 3).await.unwrap(), 3);
    }

    #[tokio::test]
    async fn a_panicking_job_is_reported_and_the_worker_survives() {
        let w = workers();
        let budget = Budget::until(Instant::now() + Duration::from_secs(5));
        let refused = w
            .run(Weight::Light, &budget, |_| -> u8 { panic!("engine bug") })
            .await;
        assert!(matches!(refused, Err(Refused::Panicked(ref p)) if p == "engine bug"));
        let next = Budget::until(Instant::now() + Duration::from_secs(5));
        assert_eq!(w.run(Weight::Light, &next, |_| 5).await.unwrap(), 5);
    }
}
