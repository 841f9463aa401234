//! API keys and `POST /v1/admin/reload` (atomic, one at a time, a broken rule file keeps the old
//! rules serving), through the router.

use crate::support;

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use davar_server::decision::DecisionRecord;
use davar_server::store::{
    Appended, Claim, Decide, DecisionLog, QueueCounts, QueueFilter, QueueItem,
};
use davar_server::{ApiKeys, Limits, app};
use jiff::Timestamp;
use serde_json::json;
use support::{get, post_json, post_json_with_key, send, sources_in};

type StoreResult<T> = Result<T, davar_moderation::StoreError>;

const CLIENT: &str = "storefront-test-key-0001";
const ADMIN: &str = "operations-admin-key-0002";

fn keys() -> ApiKeys {
    ApiKeys::parse(
        &format!("client {CLIENT}\nadmin {ADMIN}\n"),
        Path::new("keys.txt"),
    )
    .unwrap()
}

fn post(path: &str, key: Option<&str>) -> Request<Body> {
    let mut builder = Request::post(path).header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    builder
        .body(Body::from(json!({"body": "خوب بود"}).to_string()))
        .unwrap()
}

#[tokio::test]
async fn with_keys_configured_the_api_needs_a_bearer_key() {
    let router = app(support::state(Some(keys()), Limits::default()));
    let reply = send(router.clone(), post("/v1/moderate", None)).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.error_code(), "unauthorized");
    assert_eq!(reply.headers[header::WWW_AUTHENTICATE], "Bearer");
    let reply = send(
        router.clone(),
        post("/v1/moderate", Some("not-a-configured-key-123")),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        send(router.clone(), post("/v1/moderate", Some(CLIENT)))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        send(router.clone(), post("/v1/moderate", Some(ADMIN)))
            .await
            .status,
        StatusCode::OK
    );
    let rules = Request::get("/v1/rules").body(Body::empty()).unwrap();
    assert_eq!(
        send(router.clone(), rules).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Public routes stay public.
    for path in ["/healthz", "/readyz", "/moderate", "/", "/openapi.json"] {
        assert_eq!(
            send(router.clone(), get(path)).await.status,
            StatusCode::OK,
            "{path}"
        );
    }
}

#[tokio::test]
async fn reload_needs_an_admin_key() {
    let router = app(support::state(Some(keys()), Limits::default()));
    assert_eq!(
        send(router.clone(), post("/v1/admin/reload", None))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let reply = send(router.clone(), post("/v1/admin/reload", Some(CLIENT))).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.error_code(), "forbidden");
    let reply = send(router, post("/v1/admin/reload", Some(ADMIN))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.json()["status"], "reloaded");
}

#[tokio::test]
async fn without_a_keys_file_reload_is_disabled() {
    let router = app(support::state(None, Limits::default()));
    let reply = send(router, post("/v1/admin/reload", None)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(
        reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--api-keys")
    );
}

/// Copies `from` into `to` recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[tokio::test]
async fn a_broken_rule_file_leaves_the_old_rules_serving_and_returns_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    copy_dir(&support::workspace().join("rules"), &rules);
    let sources = sources_in(&rules);
    let state = support::state_over(
        sources,
        Arc::new(davar_server::SqliteStore::in_memory().expect("in-memory store")),
        Some(keys()),
        Limits::default(),
    );
    let router = app(state);
    let hash_before = send(router.clone(), get_with_key("/v1/rules")).await.json()["hash"].clone();

    let file = rules.join("reviews.fa.yaml");
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        good.replacen(
            "rules:",
            "rules:\n  - code: links/no-such-rule\n    message: {fa: x, en: x}",
            1,
        ),
    )
    .unwrap();
    let reply = send(
        router.clone(),
        post_json_with_key("/v1/admin/reload", "", ADMIN),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    let body = reply.json();
    assert_eq!(body["error"]["code"], "reload-failed");
    let diagnostics = body["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    assert!(
        diagnostics
            .iter()
            .any(|d| d["file"].as_str().unwrap().ends_with("reviews.fa.yaml")
                && d["line"].as_u64().unwrap() > 0),
        "{body}"
    );

    // The old rules still serve.
    let phone = json!({"body": "زنگ بزنید ۰۹۱۲۳۴۵۶۷۸۹"}).to_string();
    let result = send(
        router.clone(),
        post_json_with_key("/v1/moderate", phone, CLIENT),
    )
    .await;
    assert_eq!(result.status, StatusCode::OK);
    assert_eq!(result.json()["verdict"], "reject");
    assert_eq!(
        send(router.clone(), get_with_key("/v1/rules")).await.json()["hash"],
        hash_before
    );

    // Fixed: the reload goes through.
    std::fs::write(&file, good.replacen("rules:", "# reloaded\nrules:", 1)).unwrap();
    let reply = send(
        router.clone(),
        post_json_with_key("/v1/admin/reload", "", ADMIN),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_ne!(
        send(router, get_with_key("/v1/rules")).await.json()["hash"],
        hash_before,
        "the new file is served"
    );
}

#[tokio::test]
async fn a_second_reload_while_one_compiles_is_answered_at_once() {
    let state = support::state(Some(keys()), Limits::default());
    let router = app(state.clone());
    // Polled in order: the first takes the compile, the second finds it running.
    let (first, second) = tokio::join!(
        send(
            router.clone(),
            post_json_with_key("/v1/admin/reload", "", ADMIN)
        ),
        send(
            router.clone(),
            post_json_with_key("/v1/admin/reload", "", ADMIN)
        ),
    );
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(second.status, StatusCode::CONFLICT, "{}", second.text());
    assert_eq!(second.error_code(), "reload-in-progress");
    let metrics = state.metrics().render();
    assert!(
        metrics.contains("davar_reloads_total{outcome=\"busy\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("davar_reloads_total{outcome=\"ok\"} 1"),
        "{metrics}"
    );
    // Once it is done, the next one runs.
    let third = send(router, post_json_with_key("/v1/admin/reload", "", ADMIN)).await;
    assert_eq!(third.status, StatusCode::OK, "{}", third.text());
}

fn get_with_key(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::AUTHORIZATION, format!("Bearer {CLIENT}"))
        .body(Body::empty())
        .unwrap()
}

/// A store whose database is down.
struct DownStore;

fn down<T>() -> Result<T, davar_moderation::StoreError> {
    Err(davar_moderation::StoreError(
        "connection refused by secret-host.internal:5432".to_owned(),
    ))
}

impl davar_moderation::QuestionStore for DownStore {
    fn check_and_record(
        &self,
        _product: &str,
        _question: &davar_moderation::QuestionProbe,
        _is_duplicate: &dyn Fn(&davar_moderation::StoredQuestion) -> bool,
        _record: bool,
    ) -> Result<Option<davar_moderation::StoredQuestion>, davar_moderation::StoreError> {
        down()
    }

    fn forget(&self, _product: &str, _key: &str) -> Result<(), davar_moderation::StoreError> {
        down()
    }
}

impl DecisionLog for DownStore {
    fn append_first_all(&self, _: &[(&DecisionRecord, Option<i32>)]) -> StoreResult<Vec<Appended>> {
        down()
    }
    fn append(&self, _: &DecisionRecord, _: Option<i32>) -> StoreResult<()> {
        down()
    }
    fn record(&self, _: &str) -> StoreResult<Option<DecisionRecord>> {
        down()
    }
    fn chain(&self, _: &str) -> StoreResult<Vec<DecisionRecord>> {
        down()
    }
    fn decided_between(
        &self,
        _: Timestamp,
        _: Timestamp,
        _: Option<&str>,
        _: usize,
    ) -> StoreResult<Vec<DecisionRecord>> {
        down()
    }
    fn queue_pending(&self, _: &QueueFilter, _: usize) -> StoreResult<Vec<QueueItem>> {
        down()
    }
    fn queue_item(&self, _: &str) -> StoreResult<Option<QueueItem>> {
        down()
    }
    fn queue_counts(&self, _: Timestamp) -> StoreResult<QueueCounts> {
        down()
    }
    fn queue_claim(
        &self,
        _: Option<&str>,
        _: &QueueFilter,
        _: &str,
        _: Timestamp,
        _: Timestamp,
    ) -> StoreResult<Claim> {
        down()
    }
    fn queue_release(&self, _: &str, _: &str) -> StoreResult<()> {
        down()
    }
    fn queue_decide(&self, _: &str, _: &str, _: &DecisionRecord) -> StoreResult<Decide> {
        down()
    }
}

impl davar_server::ServerStore for DownStore {
    fn ping(&self) -> Result<(), String> {
        Err("connection refused".to_owned())
    }

    fn describe(&self) -> String {
        "down".to_owned()
    }

    fn import_questions(
        &self,
        _: &str,
        _: &[davar_moderation::QuestionProbe],
    ) -> StoreResult<usize> {
        down()
    }

    fn forget_own(&self, _: &str, _: Option<&str>, _: &str) -> StoreResult<usize> {
        down()
    }
}

#[tokio::test]
async fn a_store_that_is_down_makes_the_server_not_ready_and_questions_503() {
    let sources = support::sources();
    let state = support::state_over(sources, Arc::new(DownStore), None, Limits::default());
    let router = app(state);
    let ready = send(router.clone(), get("/readyz")).await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(ready.json()["status"], "not-ready");
    assert_eq!(ready.json()["store"], "unreachable");
    assert_eq!(
        send(router.clone(), get("/healthz")).await.status,
        StatusCode::OK,
        "alive all the same"
    );

    let question =
        json!({"kind": "question", "product": "p-9", "body": "این مدل ضد آب هست؟"}).to_string();
    let reply = send(router.clone(), post_json("/v1/moderate", question)).await;
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "unavailable");
    assert!(
        !reply.text().contains("secret-host"),
        "no internals: {}",
        reply.text()
    );
    // Reviews do not need the store.
    let review = json!({"title": "خوب", "body": "جنسش خوبه"}).to_string();
    assert_eq!(
        send(router, post_json("/v1/moderate", review)).await.status,
        StatusCode::OK
    );
}

#[test]
fn warnings_are_rendered_with_their_source_lines_from_the_texts_compiled() {
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("policies");
    copy_dir(&support::workspace().join("policies"), &policies);
    // A Persian verb without its half-space: a `half-space` warning, not an error.
    let file = policies.join("terms/v3.fa.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let body_start = text.match_indices("---").nth(1).unwrap().0;
    let at = body_start + text[body_start..].find("می\u{200c}شود").unwrap();
    let edited = format!(
        "{}میشود{}",
        &text[..at],
        &text[at + "می\u{200c}شود".len()..]
    );
    // The words before the verb on its line, as the rendered source line shows them.
    let line_start = text[..at].rfind('\n').unwrap() + 1;
    let mut before: Vec<char> = text[line_start..at].chars().rev().take(12).collect();
    before.reverse();
    let warned = format!("{}میشود", before.into_iter().collect::<String>());
    std::fs::write(&file, &edited).unwrap();
    let mut sources = sources_in(&support::workspace().join("rules"));
    sources.policies = policies.clone();
    let compiled = support::compiled(&sources);
    assert!(
        compiled.warnings.iter().any(|w| w.code == "half-space"),
        "{:?}",
        compiled.warnings
    );
    // What `davar serve` prints comes from the compilation, not from the file as it is now.
    std::fs::write(&file, "replaced after the compilation\n").unwrap();
    let shown = &compiled.warnings_text;
    assert!(shown.contains("warning[half-space]"), "{shown}");
    assert!(shown.contains(&warned), "{warned} in {shown}");
    assert!(!shown.contains("replaced after"), "{shown}");
}
