//! Which lane work takes: a batch writes its decisions in bounded chunks on the heavy store
//! lane, behind ordinary decisions, and a long question is weighed like a long review (the
//! heavy lane), not sent to the store lane by its kind.

use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use davar_moderation::{QuestionProbe, QuestionStore, StoreError, StoredQuestion};
use davar_server::decision::DecisionRecord;
use davar_server::store::{
    Appended, Claim, Decide, DecisionLog, QueueCounts, QueueFilter, QueueItem,
};
use davar_server::workers::Weight;
use davar_server::{Limits, ServerStore, SqliteStore, app};
use jiff::Timestamp;
use serde_json::json;

use crate::support::{self, post_json, send};

type StoreResult<T> = Result<T, StoreError>;

/// One call of `append_first_all`: the thread that made it, the comment ids, the bytes of
/// the comments' text.
#[derive(Debug, Clone)]
struct Write {
    thread: String,
    comments: Vec<String>,
    text_bytes: usize,
}

/// A SQLite store that notes every write of first records, and holds the write of the
/// comment `hold` until released: an ordinary decision whose write takes long.
struct WatchedStore {
    inner: SqliteStore,
    writes: Mutex<Vec<Write>>,
    release: Mutex<Option<mpsc::Receiver<()>>>,
}

impl WatchedStore {
    fn new(release: mpsc::Receiver<()>) -> WatchedStore {
        WatchedStore {
            inner: SqliteStore::in_memory().unwrap(),
            writes: Mutex::default(),
            release: Mutex::new(Some(release)),
        }
    }

    fn writes(&self) -> Vec<Write> {
        self.writes.lock().unwrap().clone()
    }
}

impl QuestionStore for WatchedStore {
    fn check_and_record(
        &self,
        product: &str,
        question: &QuestionProbe,
        is_duplicate: &dyn Fn(&StoredQuestion) -> bool,
        record: bool,
    ) -> StoreResult<Option<StoredQuestion>> {
        self.inner
            .check_and_record(product, question, is_duplicate, record)
    }

    fn forget(&self, product: &str, key: &str) -> StoreResult<()> {
        self.inner.forget(product, key)
    }
}

impl DecisionLog for WatchedStore {
    fn append_first_all(
        &self,
        records: &[(&DecisionRecord, Option<i32>)],
    ) -> StoreResult<Vec<Appended>> {
        let comments: Vec<String> = records
            .iter()
            .map(|(r, _)| r.comment.id.clone().unwrap_or_default())
            .collect();
        let text_bytes = records
            .iter()
            .map(|(r, _)| r.comment.title.as_ref().map_or(0, String::len) + r.comment.body.len())
            .sum();
        let hold = comments.iter().any(|c| c == "hold");
        self.writes.lock().unwrap().push(Write {
            thread: std::thread::current().name().unwrap_or("").to_owned(),
            comments,
            text_bytes,
        });
        if hold {
            let release = self.release.lock().unwrap().take();
            if let Some(release) = release {
                let _ = release.recv();
            }
        }
        self.inner.append_first_all(records)
    }
    fn append(&self, record: &DecisionRecord, queue: Option<i32>) -> StoreResult<()> {
        self.inner.append(record, queue)
    }
    fn record(&self, id: &str) -> StoreResult<Option<DecisionRecord>> {
        self.inner.record(id)
    }
    fn chain(&self, root: &str) -> StoreResult<Vec<DecisionRecord>> {
        self.inner.chain(root)
    }
    fn decided_between(
        &self,
        from: Timestamp,
        to: Timestamp,
        after: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<DecisionRecord>> {
        self.inner.decided_between(from, to, after, limit)
    }
    fn queue_pending(&self, filter: &QueueFilter, limit: usize) -> StoreResult<Vec<QueueItem>> {
        self.inner.queue_pending(filter, limit)
    }
    fn queue_item(&self, id: &str) -> StoreResult<Option<QueueItem>> {
        self.inner.queue_item(id)
    }
    fn queue_counts(&self, now: Timestamp) -> StoreResult<QueueCounts> {
        self.inner.queue_counts(now)
    }
    fn queue_claim(
        &self,
        id: Option<&str>,
        filter: &QueueFilter,
        moderator: &str,
        now: Timestamp,
        until: Timestamp,
    ) -> StoreResult<Claim> {
        self.inner.queue_claim(id, filter, moderator, now, until)
    }
    fn queue_release(&self, id: &str, moderator: &str) -> StoreResult<()> {
        self.inner.queue_release(id, moderator)
    }
    fn queue_decide(
        &self,
        id: &str,
        moderator: &str,
        record: &DecisionRecord,
    ) -> StoreResult<Decide> {
        self.inner.queue_decide(id, moderator, record)
    }
}

impl ServerStore for WatchedStore {
    fn ping(&self) -> Result<(), String> {
        self.inner.ping()
    }
    fn describe(&self) -> String {
        format!("watched {}", self.inner.describe())
    }
    fn import_questions(&self, product: &str, probes: &[QuestionProbe]) -> StoreResult<usize> {
        self.inner.import_questions(product, probes)
    }
    fn forget_own(&self, product: &str, id: Option<&str>, key: &str) -> StoreResult<usize> {
        self.inner.forget_own(product, id, key)
    }
}

/// The server's bound on the text whose decisions one chunk of a batch writes (256 KiB),
/// which the chunk may pass by one comment.
const CHUNK_TEXT_BYTES: usize = 256 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_writes_its_decisions_in_bounded_chunks_behind_ordinary_ones() {
    let (release, held) = mpsc::channel();
    let store = Arc::new(WatchedStore::new(held));
    let limits = Limits {
        timeout: Duration::from_secs(60),
        ..Limits::default()
    };
    let state = support::state_over(support::sources(), store.clone(), None, limits);
    let router = app(state);

    // An ordinary decision whose write holds the database.
    let ordinary = {
        let body = json!({"id": "hold", "body": "با شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید"});
        tokio::spawn(send(
            router.clone(),
            post_json("/v1/moderate", body.to_string()),
        ))
    };
    let waited = Instant::now();
    while store.writes().is_empty() {
        assert!(
            waited.elapsed() < Duration::from_secs(30),
            "no ordinary write"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }

    // A batch of long texts, each one rejected, 20,000 bytes of text apiece.
    let text: String = "shop.ir ".chars().cycle().take(10_000).collect();
    let items: Vec<_> = (0..30)
        .map(|i| json!({"id": format!("b{i}"), "lang": "en", "title": text, "body": text}))
        .collect();
    let batch = tokio::spawn(send(
        router.clone(),
        post_json("/v1/moderate/batch", json!(items).to_string()),
    ));
    // The batch judges its items meanwhile, but writes none of their decisions while the
    // ordinary write runs.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let during: Vec<Vec<String>> = store.writes().into_iter().map(|w| w.comments).collect();
    assert_eq!(
        during,
        vec![vec!["hold".to_owned()]],
        "batch written before"
    );
    release.send(()).unwrap();

    let ordinary = ordinary.await.unwrap();
    assert_eq!(ordinary.status, StatusCode::OK, "{}", ordinary.text());
    assert!(ordinary.json()["decision_id"].is_string());
    let batch = batch.await.unwrap();
    assert_eq!(batch.status, StatusCode::OK, "{}", batch.text());
    let answers = batch.json();
    for (i, answer) in answers.as_array().unwrap().iter().enumerate() {
        assert!(answer["decision_id"].is_string(), "[{i}]: {answer}");
    }

    let batch_writes: Vec<Write> = store.writes().into_iter().skip(1).collect();
    assert!(
        batch_writes.len() > 1,
        "written in chunks: {batch_writes:?}"
    );
    let mut written = 0;
    for write in &batch_writes {
        assert_eq!(write.thread, "davar-heavy-store-0", "{write:?}");
        assert!(
            write.text_bytes <= CHUNK_TEXT_BYTES + 2 * text.len(),
            "{write:?}"
        );
        written += write.comments.len();
    }
    assert_eq!(written, 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_question_is_weighed_like_a_long_review() {
    let limits = Limits {
        concurrency: 2,
        timeout: Duration::from_millis(300),
        ..Limits::default()
    };
    let state = support::state(None, limits);
    let router = app(state.clone());
    let light_chars = state.limits().lanes.light_chars;
    let long = "این گوشی ضد آب است و باتری آن چند ساعت دوام دارد؟ "
        .chars()
        .cycle()
        .take(light_chars + 500)
        .collect::<String>();
    let question =
        |body: &str| json!({"kind": "question", "product": "lanes-1", "body": body}).to_string();
    // Every place of the heavy lane is taken.
    let busy = state
        .workers()
        .places(Weight::Heavy)
        .acquire_many(2)
        .await
        .unwrap();
    let reply = send(router.clone(), post_json("/v1/moderate", question(&long))).await;
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "a long question waits for the heavy lane: {}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "timeout");
    let short = send(
        router.clone(),
        post_json("/v1/moderate", question("رنگ مشکی هم دارد؟")),
    )
    .await;
    assert_eq!(short.status, StatusCode::OK, "{}", short.text());
    drop(busy);
    let reply = send(router, post_json("/v1/moderate", question(&long))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}
