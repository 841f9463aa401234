//! Shared set-up of the router tests: the workspace's real policies and rules compiled once,
//! requests sent with `tower::ServiceExt::oneshot`, JSON bodies read back.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use davar_server::{ApiKeys, AppState, Compiled, Limits, ServerStore, Sources, app, compile};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The date the tests compile the policies for (fixed, so pages and clause URLs are stable).
pub const AS_OF: &str = "2026-11-18";

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// Sources pointing at the workspace's `policies/` and `rules/`.
pub fn sources() -> Sources {
    sources_in(&workspace().join("rules"))
}

/// Sources with another rules directory.
pub fn sources_in(rules: &Path) -> Sources {
    Sources {
        policies: workspace().join("policies"),
        rules: rules.to_owned(),
        as_of: Some(AS_OF.parse().expect("date")),
    }
}

/// Compiles `sources`, failing the test with the problems when they do not compile.
pub fn compiled(sources: &Sources) -> Compiled {
    match compile(sources) {
        Ok(c) => c,
        Err(e) => panic!(
            "the workspace sources do not compile: {e}: {:#?}",
            e.problems()
        ),
    }
}

/// A state over the workspace sources with an in-memory store.
pub fn state(keys: Option<ApiKeys>, limits: Limits) -> AppState {
    state_over(
        sources(),
        Arc::new(davar_server::SqliteStore::in_memory().expect("in-memory store")),
        keys,
        limits,
    )
}

/// The workspace's own policies and rules compiled once per date for the whole test binary (a
/// compilation holds no state a test could change: a reload swaps in a new one); `None` for
/// other directories, which tests write to.
pub fn workspace_compiled(sources: &Sources) -> Option<Arc<Compiled>> {
    static COMPILED: Mutex<Vec<(Sources, Arc<Compiled>)>> = Mutex::new(Vec::new());
    let own = self::sources();
    if sources.policies != own.policies || sources.rules != own.rules {
        return None;
    }
    let mut done = COMPILED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, compiled)) = done.iter().find(|(s, _)| s == sources) {
        return Some(Arc::clone(compiled));
    }
    let compiled = Arc::new(compiled(sources));
    done.push((sources.clone(), Arc::clone(&compiled)));
    Some(compiled)
}

/// A state serving `sources` with the given store: the workspace's sources share one
/// compilation per date, any others are compiled here.
pub fn state_over(
    sources: Sources,
    store: Arc<dyn ServerStore>,
    keys: Option<ApiKeys>,
    limits: Limits,
) -> AppState {
    let compiled = workspace_compiled(&sources).unwrap_or_else(|| Arc::new(compiled(&sources)));
    AppState::new(sources, compiled, store, keys, limits)
}

/// One state (and so one compilation) shared by the tests that need no special configuration.
pub fn shared() -> Router {
    static STATE: OnceLock<AppState> = OnceLock::new();
    app(STATE.get_or_init(|| state(None, Limits::default())).clone())
}

/// A response, its body read.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON (fails the test when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    /// `error.code` of a JSON error body.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error.code in {}", self.text()))
            .to_owned()
    }

    /// `error.field` of a JSON error body.
    pub fn error_field(&self) -> Option<String> {
        self.json()["error"]["field"].as_str().map(str::to_owned)
    }
}

/// Sends `request` through `router`.
pub async fn send(router: Router, request: Request<Body>) -> Reply {
    let response = router
        .oneshot(request)
        .await
        .expect("the router never fails");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

/// `GET path`.
pub fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

/// `POST path` with a JSON body.
pub fn post_json(path: &str, body: impl Into<String>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.into()))
        .expect("request")
}

/// `POST path` with a JSON body and a bearer key.
pub fn post_json_with_key(path: &str, body: impl Into<String>, key: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .body(Body::from(body.into()))
        .expect("request")
}

/// `method path` with a bearer key and, when given, a JSON body, sent through `router`.
pub async fn call_with_key(
    router: &Router,
    method: &str,
    path: &str,
    key: &str,
    body: Option<serde_json::Value>,
) -> Reply {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {key}"));
    let body = match body {
        Some(b) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    send(router.clone(), request.body(body).expect("request")).await
}

/// `POST /v1/queue/{item}/claim` on `router` with `key`.
pub async fn claim(router: &Router, item: &str, key: &str) -> Reply {
    call_with_key(
        router,
        "POST",
        &format!("/v1/queue/{item}/claim"),
        key,
        None,
    )
    .await
}

/// `POST /v1/queue/{item}/decision` of `decision` on `router` with `key`.
pub async fn decide(router: &Router, item: &str, key: &str, decision: serde_json::Value) -> Reply {
    call_with_key(
        router,
        "POST",
        &format!("/v1/queue/{item}/decision"),
        key,
        Some(decision),
    )
    .await
}

/// `POST /v1/moderate` of `comment` with `key`, which must answer 200; its JSON body.
pub async fn moderate_as(
    router: &Router,
    key: &str,
    comment: serde_json::Value,
) -> serde_json::Value {
    let reply = call_with_key(router, "POST", "/v1/moderate", key, Some(comment)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

/// The code points `start..end` of `text` (how clients must read spans).
pub fn span(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The keys of the review-queue tests: a storefront ([`CLIENT`]), two moderators ([`SARA`],
/// [`OMID`]) and an admin ([`ADMIN`]).
pub const QUEUE_KEYS: &str = "client storefront-key-0001\n\
    moderator moderator-key-sara-01 sara\n\
    moderator moderator-key-omid-01 omid\n\
    admin ops-admin-key-0000002\n";
/// The storefront's client key of [`QUEUE_KEYS`].
pub const CLIENT: &str = "storefront-key-0001";
/// Sara's moderator key.
pub const SARA: &str = "moderator-key-sara-01";
/// Omid's moderator key.
pub const OMID: &str = "moderator-key-omid-01";
/// The admin key.
pub const ADMIN: &str = "ops-admin-key-0000002";

/// A Persian review the engine rejects (a phone number).
pub const PHONE_REVIEW: &str = "گوشی خوبیه، برای هماهنگی خرید به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید";

/// The workspace sources as of 2026-12-02, a day when dispute policy v3 (which promises a time
/// to decide appeals) is in force.
pub fn sources_now() -> Sources {
    Sources {
        as_of: Some("2026-12-02".parse().expect("date")),
        ..sources()
    }
}

/// The rule codes of the violations of a moderation result or a decision record.
pub fn codes(v: &serde_json::Value) -> Vec<String> {
    v["violations"]
        .as_array()
        .unwrap_or_else(|| panic!("no violations in {v}"))
        .iter()
        .map(|v| v["code"].as_str().expect("a code").to_owned())
        .collect()
}

/// The router of the review-queue tests: `sources` over an in-memory SQLite store, with
/// [`QUEUE_KEYS`] and the default limits.
pub struct QueueApi {
    pub router: Router,
    pub store: Arc<dyn ServerStore>,
    pub limits: Limits,
    /// What the router serves.
    pub compiled: Arc<Compiled>,
    /// A rules directory the sources read, kept as long as the router.
    _rules: Option<tempfile::TempDir>,
}

impl QueueApi {
    /// Over the workspace's policies and rules.
    pub fn new() -> QueueApi {
        QueueApi::over(sources(), None)
    }

    /// Over `sources`, keeping `rules` (the directory they read, when temporary).
    pub fn over(sources: Sources, rules: Option<tempfile::TempDir>) -> QueueApi {
        let store: Arc<dyn ServerStore> =
            Arc::new(davar_server::SqliteStore::in_memory().expect("in-memory store"));
        let keys = ApiKeys::parse(QUEUE_KEYS, Path::new("keys.txt")).expect("the keys parse");
        let limits = Limits::default();
        let state = state_over(sources, store.clone(), Some(keys), limits);
        QueueApi {
            compiled: state.compiled(),
            router: app(state),
            store,
            limits,
            _rules: rules,
        }
    }

    /// What statements and exports of this router cite.
    pub fn published(&self) -> davar_server::compliance::Published<'_> {
        davar_server::compliance::Published {
            policies: &self.compiled.policies,
            calendars: &self.compiled.calendars,
            engine: Some(&self.compiled.engine),
        }
    }

    /// `GET /v1/decisions/{id}/statement` with the storefront's key.
    pub async fn statement_reply(&self, id: &str) -> Reply {
        self.call(
            "GET",
            &format!("/v1/decisions/{id}/statement"),
            CLIENT,
            None,
        )
        .await
    }

    /// The statement of `id`, which must answer 200.
    pub async fn statement(&self, id: &str) -> serde_json::Value {
        let reply = self.statement_reply(id).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply.json()
    }

    /// `POST /v1/decisions/{id}/appeal` of `text` with the storefront's key.
    pub async fn appeal_reply(&self, id: &str, text: &str) -> Reply {
        self.call(
            "POST",
            &format!("/v1/decisions/{id}/appeal"),
            CLIENT,
            Some(serde_json::json!({ "text": text })),
        )
        .await
    }

    /// Lodges the author's appeal against `id`, which must be taken: the appeal's id.
    pub async fn appeal(&self, id: &str, text: &str) -> String {
        let lodged = self.appeal_reply(id, text).await;
        assert_eq!(lodged.status, StatusCode::CREATED, "{}", lodged.text());
        lodged.json()["id"].as_str().expect("an id").to_owned()
    }

    /// The stored record `id`.
    pub fn stored(&self, id: &str) -> davar_server::decision::DecisionRecord {
        self.store
            .record(id)
            .expect("the log reads")
            .expect("stored")
    }

    /// Every record of the decision log.
    pub fn all_records(&self) -> Vec<davar_server::decision::DecisionRecord> {
        all_records(&*self.store)
    }

    /// `method path` with `key` and, when given, a JSON body.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        key: &str,
        body: Option<serde_json::Value>,
    ) -> Reply {
        call_with_key(&self.router, method, path, key, body).await
    }

    /// `POST /v1/queue/{item}/claim` with `key`.
    pub async fn claim(&self, item: &str, key: &str) -> Reply {
        claim(&self.router, item, key).await
    }

    /// `POST /v1/queue/{item}/decision` of `decision` with `key`.
    pub async fn decide(&self, item: &str, key: &str, decision: serde_json::Value) -> Reply {
        decide(&self.router, item, key, decision).await
    }

    /// `POST /v1/moderate` of `comment` with the storefront's key (must answer 200).
    pub async fn moderate(&self, comment: serde_json::Value) -> serde_json::Value {
        moderate_as(&self.router, "storefront-key-0001", comment).await
    }

    /// `comment` moderated with the storefront's key, which must get `verdict`: the result.
    pub async fn judged(&self, comment: serde_json::Value, verdict: &str) -> serde_json::Value {
        let result = self.moderate(comment).await;
        assert_eq!(result["verdict"], verdict, "{result}");
        result
    }

    /// The number of items waiting in the queue, as Sara's listing counts them.
    pub async fn pending(&self) -> u64 {
        let listing = self
            .call("GET", "/v1/queue", "moderator-key-sara-01", None)
            .await
            .json();
        listing["counts"]["pending"]
            .as_u64()
            .expect("a pending count")
    }
}

/// Every record of the decision log `store`, in the order the log reads them.
pub fn all_records(store: &dyn ServerStore) -> Vec<davar_server::decision::DecisionRecord> {
    let mut all = Vec::new();
    davar_server::compliance::each_decided(
        store,
        jiff::Timestamp::MIN,
        jiff::Timestamp::MAX,
        |r| -> Result<(), davar_moderation::StoreError> {
            all.push(r);
            Ok(())
        },
    )
    .unwrap();
    all
}

/// The JSON Schema of an exported Transparency Database statement
/// (`crates/server/schemas/dsa-statement.schema.json`).
pub fn dsa_schema() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            workspace().join("crates/server/schemas/dsa-statement.schema.json"),
        )
        .expect("the schema reads"),
    )
    .expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}
