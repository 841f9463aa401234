//! Input limits on `POST /v1/admin/reload`: a rule file nested too deeply, a lexicon over its
//! size limit and a symbolic link out of the rules directory are refused, without hanging, with
//! the diagnostic `davar check` gives (naming the file and the limit), the target of the link is
//! never quoted, and the old rules keep serving.

use crate::router_admin::copy_dir;
use crate::support;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use davar_server::{ApiKeys, Limits, app};
use serde_json::{Value, json};
use support::{post_json_with_key, send, sources_in};

const CLIENT: &str = "storefront-limits-key-01";
const ADMIN: &str = "operations-limits-key-02";

/// Reloads and returns the diagnostics of the refusal, checking that it came within `bound`.
async fn refused_reload(router: axum::Router, bound: Duration) -> Vec<Value> {
    let started = Instant::now();
    let reply = send(router, post_json_with_key("/v1/admin/reload", "", ADMIN)).await;
    let elapsed = started.elapsed();
    assert!(elapsed < bound, "the reload took {elapsed:?}");
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    let body = reply.json();
    assert_eq!(body["error"]["code"], "reload-failed");
    body["diagnostics"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_reload_refuses_deep_yaml_large_lexicons_and_links_out_of_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    copy_dir(&support::workspace().join("rules"), &rules);
    let keys = ApiKeys::parse(
        &format!("client {CLIENT}\nadmin {ADMIN}\n"),
        Path::new("keys.txt"),
    )
    .unwrap();
    let state = support::state_over(
        sources_in(&rules),
        Arc::new(davar_server::SqliteStore::in_memory().expect("in-memory store")),
        Some(keys),
        Limits::default(),
    );
    let router = app(state);
    // A clean reload, for the time an ordinary compile takes here.
    let started = Instant::now();
    let reply = send(
        router.clone(),
        post_json_with_key("/v1/admin/reload", "", ADMIN),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    // A guard against a reload that hangs on the hostile files, not a benchmark: the reload
    // compiles on the server's low-priority heavy lane, which the rest of the test suite starves
    // of CPU at times (in a full test run a refusal has taken ten times a clean reload). How fast the
    // limits themselves refuse is asserted where they are applied (`davar_input::yaml`).
    let bound = started.elapsed() * 4 + Duration::from_secs(90);

    let deep = rules.join("deep.fa.yaml");
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(&deep, format!("id: deep\nrules: {nested}\n")).unwrap();
    let diagnostics = refused_reload(router.clone(), bound).await;
    assert!(
        diagnostics.iter().any(|d| d["code"] == "rule-set"
            && d["file"].as_str().unwrap().ends_with("deep.fa.yaml")
            && d["message"]
                .as_str()
                .unwrap()
                .contains("more than 64 levels")),
        "{diagnostics:#?}"
    );
    std::fs::remove_file(&deep).unwrap();

    let lexicon = rules.join("lexicons/exaggeration.fa.txt");
    let good = std::fs::read_to_string(&lexicon).unwrap();
    std::fs::write(&lexicon, good.repeat(10_000_000 / good.len() + 1)).unwrap();
    let diagnostics = refused_reload(router.clone(), bound).await;
    assert!(
        diagnostics.iter().any(|d| {
            let message = d["message"].as_str().unwrap();
            message.contains("exaggeration.fa.txt")
                && message.contains(&format!(
                    "the limit for this kind of file is {} bytes",
                    davar_input::MAX_LEXICON_BYTES
                ))
        }),
        "{diagnostics:#?}"
    );
    std::fs::write(&lexicon, good).unwrap();

    #[cfg(unix)]
    {
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, "SECRET-OUTSIDE-TEXT\n").unwrap();
        std::os::unix::fs::symlink(&secret, rules.join("linked.fa.yaml")).unwrap();
        let diagnostics = refused_reload(router.clone(), bound).await;
        let text = json!(diagnostics).to_string();
        assert!(text.contains("leads outside"), "{text}");
        assert!(!text.contains("SECRET-OUTSIDE-TEXT"), "{text}");
        std::fs::remove_file(rules.join("linked.fa.yaml")).unwrap();
    }

    // The old rules still serve, and the repaired directory reloads.
    let phone = json!({"body": "زنگ بزنید ۰۹۱۲۳۴۵۶۷۸۹"}).to_string();
    let result = send(
        router.clone(),
        post_json_with_key("/v1/moderate", phone, CLIENT),
    )
    .await;
    assert_eq!(result.json()["verdict"], "reject", "{}", result.text());
    let reply = send(router, post_json_with_key("/v1/admin/reload", "", ADMIN)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}
