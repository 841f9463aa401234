//! Every other route through the router: rules, obligations, the published site, the moderator
//! page, health, readiness, metrics and the OpenAPI document (validated against real output).

use crate::support;

use axum::http::{StatusCode, header};
use serde_json::json;
use support::{get, post_json, send, shared};

#[tokio::test]
async fn healthz_answers_ok() {
    let reply = send(shared(), get("/healthz")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.text(), "ok\n");
}

#[tokio::test]
async fn readyz_reports_rules_and_store() {
    let reply = send(shared(), get("/readyz")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let body = reply.json();
    assert_eq!(body["status"], "ready");
    assert_eq!(body["store"], "ok");
    assert!(body["rule_sets"].as_u64().unwrap() >= 6, "{body}");
    assert_eq!(body["as_of"], support::AS_OF);
}

#[tokio::test]
async fn rules_lists_rule_sets_codes_severities_and_clause_urls() {
    let reply = send(shared(), get("/v1/rules")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let body = reply.json();
    assert_eq!(body["hash"].as_str().unwrap().len(), 64);
    let sets = body["rule_sets"].as_array().unwrap();
    let reviews = sets
        .iter()
        .find(|s| s["name"] == "reviews.fa")
        .expect("reviews.fa");
    assert_eq!(reviews["kind"], "review");
    assert_eq!(reviews["langs"], json!(["fa"]));
    let phone = reviews["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "contacts/phone")
        .expect("phone");
    assert_eq!(phone["severity"], "reject");
    let url = phone["clause_urls"]["fa"]
        .as_str()
        .expect("a resolved clause URL");
    assert!(url.starts_with("/fa/terms/v") && url.contains('#'), "{url}");
    // The URL is a page this server publishes.
    let page = url.split('#').next().unwrap();
    assert_eq!(
        send(shared(), get(page)).await.status,
        StatusCode::OK,
        "{page}"
    );
}

#[tokio::test]
async fn obligations_mirror_the_published_rules_json() {
    let api = send(shared(), get("/v1/obligations")).await;
    assert_eq!(api.status, StatusCode::OK);
    let published = send(shared(), get("/rules.json")).await;
    assert_eq!(published.status, StatusCode::OK);
    assert_eq!(api.json(), published.json());
    assert!(
        api.text().contains("acknowledge-complaint"),
        "{}",
        api.text()
    );
}

#[tokio::test]
async fn the_published_site_is_served_from_memory() {
    let index = send(shared(), get("/")).await;
    assert_eq!(index.status, StatusCode::OK);
    assert_eq!(
        index.headers[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    assert!(
        index.text().contains("fa/terms/"),
        "the index links the Persian terms"
    );
    let terms = send(shared(), get("/fa/terms/")).await;
    assert_eq!(terms.status, StatusCode::OK);
    assert!(terms.text().contains("dir=\"rtl\""));
    let redirect = send(shared(), get("/fa/terms")).await;
    assert_eq!(redirect.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(redirect.headers[header::LOCATION], "/fa/terms/");
    let feed = send(shared(), get("/en/dispute-policy/feed.xml")).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
}

#[tokio::test]
async fn a_missing_page_is_an_html_404_and_a_missing_api_route_a_json_one() {
    let reply = send(shared(), get("/fa/no-such-document/")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.text().contains("<html lang=\"fa\" dir=\"rtl\">"));
    let reply = send(shared(), get("/fa/../../etc/passwd")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(!reply.text().contains("root:"));
    let reply = send(shared(), get("/v1/no-such-route")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.error_code(), "not-found");
}

#[tokio::test]
async fn the_moderator_console_has_the_queue_the_try_form_and_the_languages_served() {
    let page = send(shared(), get("/moderate")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("<html lang=\"fa\" dir=\"rtl\">"));
    for id in [
        "id=\"queue-panel\"",
        "id=\"next\"",
        "id=\"try-panel\"",
        "id=\"kind\"",
        "id=\"lang\"",
        "id=\"title\"",
        "id=\"body\"",
        "id=\"submit\"",
    ] {
        assert!(html.contains(id), "missing {id}");
    }
    for lang in ["fa", "en", "fr", "de"] {
        assert!(
            html.contains(&format!("<option value=\"{lang}\">")),
            "missing language {lang}"
        );
    }
    // Scripts and styles are files (a strict Content-Security-Policy allows no inline ones).
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "nothing inline"
    );
    for script in ["app.js", "text.js", "console.js", "appeal.js"] {
        let reply = send(shared(), get(&format!("/moderate/{script}"))).await;
        assert_eq!(reply.status, StatusCode::OK, "{script}");
        assert_eq!(
            reply.headers["content-type"],
            "text/javascript; charset=utf-8"
        );
        assert!(
            html.contains(&format!("src=\"/moderate/{script}\"")),
            "{script}"
        );
    }
    let text = send(shared(), get("/moderate/text.js")).await.text();
    assert!(text.contains("Array.from"), "spans are code points");
    assert!(
        text.contains("\\u202E"),
        "bidi overrides are shown, not obeyed"
    );
    assert_eq!(
        send(shared(), get("/moderate/app.css")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status_and_verdicts_by_code() {
    let router = shared();
    let body = json!({"body": "شماره من ۰۹۱۲۳۴۵۶۷۸۹ هست"}).to_string();
    assert_eq!(
        send(router.clone(), post_json("/v1/moderate", body))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        send(router.clone(), post_json("/v1/moderate", "{"))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let reply = send(router, get("/metrics")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = reply.text();
    let count = |needle: &str| -> u64 {
        text.lines()
            .find_map(|l| {
                l.strip_prefix(needle)
                    .map(|n| n.trim().parse::<u64>().unwrap())
            })
            .unwrap_or_else(|| panic!("no `{needle}` in\n{text}"))
    };
    assert!(count("davar_http_requests_total{route=\"/v1/moderate\",status=\"200\"}") >= 1);
    assert!(count("davar_http_requests_total{route=\"/v1/moderate\",status=\"400\"}") >= 1);
    assert!(count("davar_moderation_violations_total{code=\"contacts/phone\"}") >= 1);
    assert!(count("davar_moderation_verdicts_total{verdict=\"reject\"}") >= 1);
    assert!(text.contains(
        "davar_http_request_duration_seconds_bucket{route=\"/v1/moderate\",le=\"+Inf\"}"
    ));
}

#[tokio::test]
async fn openapi_describes_every_json_route() {
    let reply = send(shared(), get("/openapi.json")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc = reply.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/v1/moderate",
        "/v1/moderate/batch",
        "/v1/rules",
        "/v1/obligations",
        "/v1/deadline",
        "/v1/admin/reload",
        "/readyz",
        "/healthz",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is not described");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

/// The schema is written by hand next to the engine's types; real output must match it.
#[tokio::test]
async fn real_results_validate_against_the_openapi_schema() {
    let doc = send(shared(), get("/openapi.json")).await.json();
    let validator_for = |name: &str| {
        let mut schema = doc.clone();
        schema["$ref"] = json!(format!("#/components/schemas/{name}"));
        jsonschema::validator_for(&schema).expect("a valid schema")
    };
    let result_schema = validator_for("ModerationResult");
    let bodies = [
        json!({"id": "x", "title": "!!!", "body": "خیلیییی خوبه 😍😍 ولی شماره من ۰۹۱۲ ۳۴۵ ۶۷۸۹ و سایت shop-example.ir"}),
        json!({"body": "Nice phone", "lang": "en"}),
    ];
    for body in bodies {
        let result = send(shared(), post_json("/v1/moderate", body.to_string()))
            .await
            .json();
        let errors: Vec<String> = result_schema
            .iter_errors(&result)
            .map(|e| e.to_string())
            .collect();
        assert!(
            errors.is_empty(),
            "{result} does not match the schema: {errors:?}"
        );
    }
    let error = send(shared(), post_json("/v1/moderate", "{}")).await.json();
    assert!(validator_for("ErrorBody").is_valid(&error), "{error}");
    let rules = send(shared(), get("/v1/rules")).await.json();
    assert!(validator_for("RulesResponse").is_valid(&rules));
}

#[tokio::test]
async fn deadline_counts_an_obligation_of_the_version_in_force() {
    let request = json!({"doc": "dispute-policy", "obligation": "acknowledge-complaint",
        "at": "2026-11-18T10:00:00+03:30", "lang": "en"});
    let reply = send(shared(), post_json("/v1/deadline", request.to_string())).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let report = reply.json();
    assert_eq!(report["due"], "2026-11-19T10:00:00+03:30");
    assert_eq!(report["clause"], "acknowledgement");
    assert!(
        report["url"]
            .as_str()
            .unwrap()
            .starts_with("/en/dispute-policy/v")
    );
}

#[tokio::test]
async fn deadline_errors_name_the_field() {
    let cases = [
        (
            json!({"doc": "no-such-doc", "obligation": "x", "at": "2026-11-18T10:00:00+03:30"}),
            "unknown-document",
            "doc",
        ),
        (
            json!({"doc": "dispute-policy", "obligation": "no-such-duty", "at": "2026-11-18T10:00:00+03:30"}),
            "unknown-obligation",
            "obligation",
        ),
        (
            json!({"doc": "dispute-policy", "obligation": "acknowledge-complaint", "at": "tomorrow"}),
            "invalid-instant",
            "at",
        ),
        (
            json!({"doc": "dispute-policy", "obligation": "acknowledge-complaint", "at": "2026-11-18T10:00:00Z", "lang": "it"}),
            "unknown-language",
            "lang",
        ),
        (
            json!({"doc": "dispute-policy", "obligation": "acknowledge-complaint", "at": "2026-11-18T10:00:00Z", "as_of": "18/11/2026"}),
            "invalid-date",
            "as_of",
        ),
        (
            json!({"doc": "dispute-policy", "at": "2026-11-18T10:00:00Z"}),
            "missing-field",
            "obligation",
        ),
        (
            json!({"doc": "dispute-policy", "obligation": "a", "at": "2026-11-18T10:00:00Z", "when": 1}),
            "unknown-field",
            "when",
        ),
    ];
    for (request, code, field) in cases {
        let reply = send(shared(), post_json("/v1/deadline", request.to_string())).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{request}: {}",
            reply.text()
        );
        assert_eq!(
            (reply.error_code().as_str(), reply.error_field().as_deref()),
            (code, Some(field)),
            "{request}"
        );
    }
}
