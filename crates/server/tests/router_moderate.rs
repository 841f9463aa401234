//! `POST /v1/moderate` and `POST /v1/moderate/batch` through the router: verdicts and spans,
//! and every kind of bad input answered with a JSON error naming the field.

use crate::support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use support::{get, post_json, send, shared, span};

const PHONE_REVIEW: &str = "گوشی خوبیه، برای هماهنگی خرید به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید";
const HONEST_REVIEW: &str = "کیفیت صدای این هدفون عالیه و باتریش هم دو روز کامل دوام میاره.";

#[tokio::test]
async fn a_phone_number_is_rejected_with_its_code_point_span_and_clause() {
    let body = json!({"id": "r1", "kind": "review", "lang": "fa", "title": "راضی هستم", "body": PHONE_REVIEW});
    let reply = send(shared(), post_json("/v1/moderate", body.to_string())).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let result = reply.json();
    assert_eq!(result["id"], "r1");
    assert_eq!(result["verdict"], "reject");
    assert!(
        result["ruleset"]
            .as_str()
            .unwrap()
            .starts_with("reviews.fa@")
    );
    let phone = result["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["code"] == "contacts/phone")
        .unwrap_or_else(|| panic!("no contacts/phone in {result}"));
    assert_eq!(phone["field"], "body");
    let (start, end) = (
        phone["start"].as_u64().unwrap(),
        phone["end"].as_u64().unwrap(),
    );
    assert_eq!(
        span(PHONE_REVIEW, start, end),
        phone["text"].as_str().unwrap()
    );
    assert!(phone["text"].as_str().unwrap().contains("۳۴۵"), "{phone}");
    assert!(
        phone["clause"].as_str().unwrap().starts_with("/fa/terms/"),
        "{phone}"
    );
}

#[tokio::test]
async fn an_honest_review_is_not_rejected_and_defaults_apply() {
    // kind and lang left out: review and fa.
    let body = json!({"title": "صدای عالی", "body": HONEST_REVIEW});
    let reply = send(shared(), post_json("/v1/moderate", body.to_string())).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let result = reply.json();
    assert!(
        ["approve", "fix"].contains(&result["verdict"].as_str().unwrap()),
        "{result}"
    );
    assert!(
        result["ruleset"]
            .as_str()
            .unwrap()
            .starts_with("reviews.fa@")
    );
}

#[tokio::test]
async fn batch_results_come_back_in_order() {
    let body = json!([
        {"id": "a", "body": PHONE_REVIEW, "title": "خوب"},
        {"id": "b", "body": HONEST_REVIEW, "title": "خوب"},
        {"id": "c", "kind": "review", "lang": "en", "title": "Great", "body": "Write me at seller.deals@gmail.com for a discount"},
    ]);
    let reply = send(shared(), post_json("/v1/moderate/batch", body.to_string())).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let results = reply.json();
    let ids: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(results[0]["verdict"], "reject");
    assert_eq!(results[2]["verdict"], "reject");
    assert!(
        results[2]["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["code"] == "contacts/email"),
        "{results}"
    );
}

#[tokio::test]
async fn a_full_batch_may_exceed_the_single_comment_body_limit() {
    let body = "کیفیت دوخت این کیف خوبه ولی زیپش کمی سفته و بند شونه‌اش کوتاهه";
    let items: Vec<_> = (0..1000)
        .map(|i| json!({"id": i.to_string(), "title": "نظر من", "body": body}))
        .collect();
    let payload = json!(items).to_string();
    assert!(payload.len() > 64 * 1024);
    let reply = send(shared(), post_json("/v1/moderate/batch", payload)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let results = reply.json();
    assert_eq!(results.as_array().unwrap().len(), 1000);
    assert_eq!(results[999]["id"], "999");
    // The batch has its own, larger limit.
    let huge = json!([{"body": "a".repeat(5 * 1024 * 1024)}]).to_string();
    let reply = send(shared(), post_json("/v1/moderate/batch", huge)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("4194304")
    );
}

#[tokio::test]
async fn a_batch_over_1000_comments_is_refused() {
    let items: Vec<_> = (0..1001)
        .map(|i| json!({"id": i.to_string(), "body": "ok"}))
        .collect();
    let reply = send(
        shared(),
        post_json("/v1/moderate/batch", json!(items).to_string()),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "too-many-items");
}

#[tokio::test]
async fn a_bad_item_in_a_batch_gets_an_error_in_its_place_and_the_others_are_judged() {
    let body = json!([
        {"id": "per-item-a", "body": PHONE_REVIEW},
        {"title": "بدون متن"},
        {"id": "per-item-c", "body": "good", "lang": "en"},
        {"body": "bon", "lang": "xx"},
        [1, 2, 3],
        {"id": "per-item-f", "body": HONEST_REVIEW, "titel": "misspelt"},
        {"id": "per-item-g", "body": "x".repeat(10_001)},
    ]);
    let reply = send(shared(), post_json("/v1/moderate/batch", body.to_string())).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let answers = reply.json();
    let answers = answers.as_array().unwrap();
    assert_eq!(answers.len(), 7, "one answer per item, in order");
    assert_eq!(
        (answers[0]["id"].as_str(), answers[0]["verdict"].as_str()),
        (Some("per-item-a"), Some("reject"))
    );
    assert_eq!(answers[2]["id"], "per-item-c");
    assert!(answers[2]["verdict"].is_string(), "{}", answers[2]);
    let errors: Vec<(&str, &str)> = [1, 3, 4, 5, 6]
        .iter()
        .map(|&i| {
            let e = &answers[i]["error"];
            (
                e["code"].as_str().unwrap(),
                e["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("missing-field", "[1].body"),
            ("unknown-language", "[3].lang"),
            ("invalid-body", "[4]"),
            ("unknown-field", "[5].titel"),
            ("field-too-long", "[6].body"),
        ]
    );
    for i in [1, 3, 4, 5, 6] {
        assert!(answers[i].get("verdict").is_none(), "{}", answers[i]);
        assert!(answers[i]["error"]["message"].is_string(), "{}", answers[i]);
    }
}

#[tokio::test]
async fn a_batch_that_is_not_an_array_is_refused_whole() {
    let reply = send(
        shared(),
        post_json("/v1/moderate/batch", r#"{"body": "x"}"#),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "invalid-body");
    assert!(
        reply.text().contains("array of comments"),
        "{}",
        reply.text()
    );
}

#[tokio::test]
async fn a_misspelt_field_is_an_unknown_field() {
    let reply = send(
        shared(),
        post_json("/v1/moderate", r#"{"titel": "عنوان", "body": "متن"}"#),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "unknown-field");
    assert_eq!(reply.error_field().as_deref(), Some("titel"));
}

#[tokio::test]
async fn a_number_for_the_kind_is_a_422_naming_the_field() {
    let reply = send(
        shared(),
        post_json("/v1/moderate", r#"{"body": "x", "kind": 1}"#),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "invalid-field");
    assert_eq!(reply.error_field().as_deref(), Some("kind"));
}

#[tokio::test]
async fn an_array_or_a_scalar_is_not_a_comment() {
    for body in ["[]", r#"["r1", "review", "title"]"#, "42", "null"] {
        let reply = send(shared(), post_json("/v1/moderate", body)).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            reply.text()
        );
        assert_eq!(reply.error_code(), "invalid-body", "{body}");
        let message = reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(message.contains("comment object"), "{body}: {message}");
        assert!(!message.contains("elements"), "{body}: {message}");
    }
}

#[tokio::test]
async fn malformed_json_is_400() {
    let reply = send(shared(), post_json("/v1/moderate", r#"{"body": "خوب"#)).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.error_code(), "malformed-json");
    assert!(
        reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("JSON")
    );
}

#[tokio::test]
async fn a_missing_body_is_422_naming_the_field() {
    let reply = send(shared(), post_json("/v1/moderate", r#"{"title": "عنوان"}"#)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.error_code(), "missing-field");
    assert_eq!(reply.error_field().as_deref(), Some("body"));
}

#[tokio::test]
async fn a_wrong_type_is_422_naming_the_field() {
    let reply = send(shared(), post_json("/v1/moderate", r#"{"body": 42}"#)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.error_code(), "invalid-field");
    assert_eq!(reply.error_field().as_deref(), Some("body"));
    let reply = send(shared(), post_json("/v1/moderate", r#"[1, 2]"#)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_unknown_kind_is_422() {
    let reply = send(
        shared(),
        post_json("/v1/moderate", r#"{"body": "متن", "kind": "poem"}"#),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.error_code(), "unknown-value");
    assert_eq!(reply.error_field().as_deref(), Some("kind"));
}

#[tokio::test]
async fn an_unknown_language_is_422_listing_the_served_ones() {
    let reply = send(
        shared(),
        post_json("/v1/moderate", r#"{"body": "texto", "lang": "es"}"#),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), "unknown-language");
    assert_eq!(reply.error_field().as_deref(), Some("lang"));
    let message = reply.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("fa") && message.contains("en"),
        "{message}"
    );
}

#[tokio::test]
async fn a_field_over_10000_characters_is_a_validation_error() {
    let long = "خ".repeat(10_001); // 20 KiB: under the body limit
    let reply = send(
        shared(),
        post_json("/v1/moderate", json!({"body": long}).to_string()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.error_code(), "field-too-long");
    assert_eq!(reply.error_field().as_deref(), Some("body"));
    // Exactly at the limit is judged.
    let reply = send(
        shared(),
        post_json(
            "/v1/moderate",
            json!({"body": "خ".repeat(10_000)}).to_string(),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}

#[tokio::test]
async fn a_body_over_64_kib_is_413() {
    let huge = "a".repeat(70 * 1024);
    let reply = send(
        shared(),
        post_json("/v1/moderate", json!({"body": huge}).to_string()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.error_code(), "payload-too-large");
}

#[tokio::test]
async fn a_body_without_json_content_type_is_415() {
    let request = Request::post("/v1/moderate")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(r#"{"body": "x"}"#))
        .unwrap();
    let reply = send(shared(), request).await;
    assert_eq!(reply.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(reply.error_code(), "unsupported-media-type");
}

#[tokio::test]
async fn a_wrong_method_is_a_json_405() {
    let reply = send(shared(), get("/v1/moderate")).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.error_code(), "method-not-allowed");
}

#[tokio::test]
async fn a_repeated_question_under_the_same_product_is_a_duplicate() {
    let question = json!({"kind": "question", "lang": "fa", "product": "router-test-p1",
        "body": "این مدل گوشی از شبکه پنج جی پشتیبانی می‌کنه؟"});
    let first = send(shared(), post_json("/v1/moderate", question.to_string()))
        .await
        .json();
    assert!(
        !first["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["code"] == "qa/duplicate"),
        "{first}"
    );
    let second = send(shared(), post_json("/v1/moderate", question.to_string()))
        .await
        .json();
    assert!(
        second["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["code"] == "qa/duplicate"),
        "{second}"
    );
}
