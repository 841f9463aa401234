//! What the review queue and the decision routes refuse or hide: an edit that still breaks a
//! rule, codes sent twice or with the wrong action, notes and appeals over the limit or showing
//! nothing, wildcards in the code filter, a moderator's id and note in the author's view, and a
//! retry answered with the engine's decision after a moderator decided otherwise.

use crate::support;

use axum::http::StatusCode;
use serde_json::{Value, json};
use support::{ADMIN, CLIENT, QueueApi as Api, Reply, SARA, codes};

impl Api {
    /// An English review without a title (`review/missing-title`: it waits for a person),
    /// claimed by Sara; its item id.
    async fn claimed(&self, id: &str, body: &str) -> String {
        let result = self
            .moderate(json!({"id": id, "kind": "review", "lang": "en", "body": body}))
            .await;
        assert_eq!(result["verdict"], "review", "{result}");
        let item = result["decision_id"].as_str().unwrap().to_owned();
        let claim = self.claim(&item, SARA).await;
        assert_eq!(claim.status, StatusCode::OK, "{}", claim.text());
        item
    }
}

fn assert_refused(reply: &Reply, code: &str, field: &str) {
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error_code(), code, "{}", reply.text());
    assert_eq!(
        reply.error_field().as_deref(),
        Some(field),
        "{}",
        reply.text()
    );
}

#[tokio::test]
async fn an_edit_is_moderated_again_before_it_is_published() {
    let api = Api::new();
    let item = api
        .claimed("g-1", "Solid build and the battery lasts two days.")
        .await;

    // An edit that adds contact details is refused, naming each violation; nothing is decided.
    let contact = api
        .decide(
            &item,
            SARA,
            json!({"action": "edit-approve",
                "body": "Solid build. Call +49 151 23456789 or mail sara.k@example.org"}),
        )
        .await;
    assert_refused(&contact, "edit-violates-rules", "body");
    let message = contact.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    for expected in [
        "contacts/phone",
        "contacts/email",
        "reviews.default@",
        "(reject)",
    ] {
        assert!(message.contains(expected), "{expected}: {message}");
    }
    let title = api
        .decide(
            &item,
            SARA,
            json!({"action": "edit-approve", "title": "see https://example.com/shop",
                "body": "Solid build and the battery lasts two days."}),
        )
        .await;
    assert_refused(&title, "edit-violates-rules", "title");
    assert!(title.text().contains("links/url"), "{}", title.text());
    // A bidi override in the edit is quoted by its code point, not obeyed.
    let hidden = api
        .decide(
            &item,
            SARA,
            json!({"action": "edit-approve", "body": "Solid build \u{202E}moc.elpmaxe\u{202C} ok"}),
        )
        .await;
    assert_refused(&hidden, "edit-violates-rules", "body");
    assert!(hidden.text().contains("<U+202E>"), "{}", hidden.text());
    assert!(!hidden.text().contains('\u{202E}'), "{}", hidden.text());
    // Nothing visible to publish.
    let empty = api
        .decide(
            &item,
            SARA,
            json!({"action": "edit-approve", "body": "\u{200B} \u{200F}\u{2066}"}),
        )
        .await;
    assert_refused(&empty, "missing-field", "body");
    assert_eq!(
        api.pending().await,
        1,
        "every refused edit left the item open"
    );

    // The code the item was queued for (no title) is the moderator's to judge; the engine's
    // style repair of the edit is what gets published.
    let approved = api
        .decide(
            &item,
            SARA,
            json!({"action": "edit-approve", "body": "Battery lasts two days 😀"}),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text());
    let record = approved.json();
    assert_eq!(record["action"], "edit-approve");
    assert_eq!(
        record["edited"]["body"], "Battery lasts two days",
        "{record}"
    );
    assert_eq!(record["edited"]["title"], Value::Null, "{record}");
    assert_eq!(api.pending().await, 0);
}

#[tokio::test]
async fn the_default_edit_is_the_engines_repair_and_a_blank_title_removes_the_title() {
    let api = Api::new();
    // No title, and an emoji the engine removes.
    let item = api.claimed("g-2", "Battery lasts two days 😀").await;
    let default = api
        .decide(
            &item,
            SARA,
            json!({"action": "edit-approve", "title": " \u{200B} "}),
        )
        .await;
    assert_eq!(default.status, StatusCode::OK, "{}", default.text());
    let record = default.json();
    assert_eq!(
        record["edited"]["body"], "Battery lasts two days",
        "{record}"
    );
    assert_eq!(record["edited"]["title"], Value::Null, "{record}");
}

#[tokio::test]
async fn codes_are_cited_once_and_only_by_a_rejection() {
    let api = Api::new();
    let item = api
        .claimed("g-3", "Solid build and the battery lasts, after a month.")
        .await;
    for (decision, field) in [
        (
            json!({"action": "approve", "codes": ["review/missing-title"]}),
            "codes",
        ),
        (
            json!({"action": "edit-approve", "codes": ["review/missing-title"],
                "body": "Fine."}),
            "codes",
        ),
        (json!({"action": "approve", "body": "Edited"}), "body"),
        (
            json!({"action": "reject", "title": "Edited",
            "codes": ["review/missing-title"]}),
            "title",
        ),
    ] {
        let reply = api.decide(&item, SARA, decision.clone()).await;
        assert_refused(&reply, "invalid-field", field);
    }
    // A code of another rule set (questions only) is not this item's to cite.
    let elsewhere = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["review/missing-title", "qa/duplicate"]}),
        )
        .await;
    assert_refused(&elsewhere, "unknown-value", "codes");
    assert!(
        elsewhere.text().contains("qa/duplicate"),
        "{}",
        elsewhere.text()
    );
    let rejected = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject",
                "codes": ["review/missing-title", "contacts/phone", "review/missing-title",
                    "contacts/phone", "review/missing-title"]}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
    let record = rejected.json();
    assert_eq!(
        codes(&record),
        ["review/missing-title", "contacts/phone"],
        "each code once, in the order first sent: {record}"
    );
}

#[tokio::test]
async fn notes_and_appeals_have_a_limit_and_must_show_something() {
    let api = Api::new();
    let limit = api.limits.field_chars;
    let item = api
        .claimed("g-4", "Solid build and the battery lasts, after a week.")
        .await;
    let long = "ب".repeat(limit + 1);
    let reply = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["review/missing-title"], "note": long}),
        )
        .await;
    assert_refused(&reply, "field-too-long", "note");
    assert!(
        reply.text().contains(&format!("the limit is {limit}")),
        "{}",
        reply.text()
    );
    // A note of invisible characters is no note.
    let rejected = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["review/missing-title"],
                "note": "\u{200B}\u{200C}\u{FEFF} \u{202E}"}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
    let rejection = rejected.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(rejected.json()["note"], Value::Null);

    let path = format!("/v1/decisions/{rejection}/appeal");
    for text in [
        "\u{200B}\u{200C}\u{200D}\u{2060}",
        "\u{202E}\u{202C}\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}",
        " \u{00A0}\u{3000}\n\t\u{3164}",
        "\u{0301}\u{0301}",
        "\u{E000}\u{F8FF}",
        "\u{0378}",
        "\u{FE0F}\u{FE0F}",
        "\u{1F3FB}\u{1F3FD}",
    ] {
        let reply = api
            .call("POST", &path, CLIENT, Some(json!({ "text": text })))
            .await;
        assert_refused(&reply, "missing-field", "text");
    }
    let reply = api
        .call(
            "POST",
            &path,
            CLIENT,
            Some(json!({ "text": "x".repeat(limit + 1) })),
        )
        .await;
    assert_refused(&reply, "field-too-long", "text");
    assert!(
        reply.text().contains(&format!("the limit is {limit}")),
        "{}",
        reply.text()
    );
    let lodged = api
        .call(
            "POST",
            &path,
            CLIENT,
            Some(json!({"text": "\u{200B}The title is optional in the app."})),
        )
        .await;
    assert_eq!(lodged.status, StatusCode::CREATED, "{}", lodged.text());
}

#[tokio::test]
async fn the_code_filter_takes_wildcards_literally() {
    let api = Api::new();
    api.claimed("g-5", "Solid build and the battery lasts, after a year.")
        .await;
    let count = |query: &'static str| {
        let api = &api;
        async move {
            let reply = api
                .call("GET", &format!("/v1/queue?{query}"), SARA, None)
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.text());
            reply.json()["items"].as_array().unwrap().len()
        }
    };
    assert_eq!(count("code=review/missing-title").await, 1);
    for query in [
        "code=%25",
        "code=_",
        "code=review_missing-title",
        "code=review%25",
        "code=%25title",
        "code=REVIEW/MISSING-TITLE",
    ] {
        assert_eq!(count(query).await, 0, "{query}");
    }
    let next = api
        .call("POST", "/v1/queue/claim?code=%25", SARA, None)
        .await;
    assert_eq!(next.status, StatusCode::NO_CONTENT, "{}", next.text());
    // Two codes in one filter would match across an item's codes.
    let two = api
        .call(
            "GET",
            "/v1/queue?code=review/missing-title%20contacts/phone",
            SARA,
            None,
        )
        .await;
    assert_refused(&two, "invalid-query", "code");
}

#[tokio::test]
async fn client_keys_read_the_authors_view_of_a_decision() {
    let api = Api::new();
    let item = api
        .claimed("g-6", "Solid build and the battery lasts, after a day.")
        .await;
    let note = "checked with the seller, internal only";
    let rejected = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["review/missing-title"], "note": note}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
    let rejection = rejected.json()["id"].as_str().unwrap().to_owned();

    for path in [
        format!("/v1/decisions/{rejection}"),
        format!("/v1/decisions/{rejection}/history"),
        format!("/v1/decisions/{item}/history"),
        format!("/v1/decisions/{rejection}/statement"),
    ] {
        let seen = api.call("GET", &path, CLIENT, None).await;
        assert_eq!(seen.status, StatusCode::OK, "{path}: {}", seen.text());
        let text = seen.text();
        assert!(!text.contains("sara"), "{path}: {text}");
        assert!(!text.contains(note), "{path}: {text}");
    }
    let record = api
        .call("GET", &format!("/v1/decisions/{rejection}"), CLIENT, None)
        .await
        .json();
    assert_eq!(record["decided_by"], "moderator");
    assert_eq!(record["note"], Value::Null);
    assert_eq!(codes(&record), ["review/missing-title"], "the reasons stay");
    let history = api
        .call(
            "GET",
            &format!("/v1/decisions/{item}/history"),
            CLIENT,
            None,
        )
        .await
        .json();
    assert_eq!(history[0]["decided_by"], "engine");
    assert_eq!(history[1]["decided_by"], "moderator");

    // Moderators and admins read the whole record.
    for key in [SARA, ADMIN] {
        let record = api
            .call("GET", &format!("/v1/decisions/{rejection}"), key, None)
            .await
            .json();
        assert_eq!(record["decided_by"], "sara");
        assert_eq!(record["note"], note);
    }
    // The appeal lodged for the author answers the author's view too.
    let lodged = api
        .call(
            "POST",
            &format!("/v1/decisions/{rejection}/appeal"),
            CLIENT,
            Some(json!({"text": "The title is optional in the app."})),
        )
        .await;
    assert_eq!(lodged.status, StatusCode::CREATED, "{}", lodged.text());
    assert!(!lodged.text().contains("sara"), "{}", lodged.text());
    assert_eq!(lodged.json()["decided_by"], "author");
}

#[tokio::test]
async fn openapi_states_what_client_keys_read() {
    let api = Api::new();
    let doc = api.call("GET", "/openapi.json", CLIENT, None).await.json();
    for path in ["/v1/decisions/{id}", "/v1/decisions/{id}/history"] {
        let described = doc["paths"][path]["get"]["responses"]["200"]["description"]
            .as_str()
            .unwrap_or_default();
        assert!(
            described.contains("author's view") && described.contains("`moderator`"),
            "{path}: {described}"
        );
    }
    let fields = &doc["components"]["schemas"]["DecisionRecord"]["properties"];
    for field in ["decided_by", "note"] {
        let described = fields[field]["description"].as_str().unwrap_or_default();
        assert!(described.contains("lient keys"), "{field}: {described}");
    }
}

#[tokio::test]
async fn a_retry_after_a_moderators_decision_answers_that_decision() {
    let api = Api::new();
    let comment =
        |id: &str, body: &str| json!({"id": id, "kind": "review", "lang": "en", "body": body});

    let body = "Solid build and the battery lasts, after an hour.";
    let item = api.claimed("g-7", body).await;
    let rejected = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["review/missing-title"]}),
        )
        .await
        .json();
    let retry = api.moderate(comment("g-7", body)).await;
    assert_eq!(retry["decision_id"], rejected["id"], "{retry}");
    assert_eq!(retry["verdict"], "reject", "{retry}");
    assert_eq!(codes(&retry), ["review/missing-title"], "{retry}");

    // An appeal waiting for a person leaves the rejection standing; its outcome then stands.
    let lodged = api
        .call(
            "POST",
            &format!("/v1/decisions/{}/appeal", rejected["id"].as_str().unwrap()),
            CLIENT,
            Some(json!({"text": "The title is optional in the app."})),
        )
        .await;
    assert_eq!(lodged.status, StatusCode::CREATED, "{}", lodged.text());
    let appeal = lodged.json()["id"].as_str().unwrap().to_owned();
    let retry = api.moderate(comment("g-7", body)).await;
    assert_eq!(retry["decision_id"], rejected["id"], "{retry}");
    let claimed = api.claim(&appeal, ADMIN).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    let reversed = api
        .decide(&appeal, ADMIN, json!({"action": "approve"}))
        .await;
    assert_eq!(reversed.status, StatusCode::OK, "{}", reversed.text());
    let reversal = reversed.json()["id"].clone();
    let retry = api.moderate(comment("g-7", body)).await;
    assert_eq!(retry["decision_id"], reversal, "{retry}");
    assert_eq!(retry["verdict"], "approve", "{retry}");

    let body = "Solid build and the battery lasts, after a minute.";
    let item = api.claimed("g-8", body).await;
    let approved = api
        .decide(&item, SARA, json!({"action": "approve"}))
        .await
        .json();
    let retry = api.moderate(comment("g-8", body)).await;
    assert_eq!(retry["decision_id"], approved["id"], "{retry}");
    assert_eq!(retry["verdict"], "approve", "{retry}");
    assert!(codes(&retry).is_empty(), "{retry}");
    assert!(retry.get("fixed").is_none(), "published as sent: {retry}");

    let body = "Battery lasts two days 😀";
    let item = api.claimed("g-9", body).await;
    let edited = api
        .decide(&item, SARA, json!({"action": "edit-approve"}))
        .await
        .json();
    let retry = api.moderate(comment("g-9", body)).await;
    assert_eq!(retry["decision_id"], edited["id"], "{retry}");
    assert_eq!(retry["verdict"], "approve", "{retry}");
    assert_eq!(retry["fixed"]["body"], "Battery lasts two days", "{retry}");

    // In a batch too.
    let batch = api
        .call(
            "POST",
            "/v1/moderate/batch",
            CLIENT,
            Some(json!([comment(
                "g-7",
                "Solid build and the battery lasts, after an hour."
            )])),
        )
        .await;
    assert_eq!(batch.status, StatusCode::OK, "{}", batch.text());
    assert_eq!(batch.json()[0]["decision_id"], reversal, "{}", batch.text());
}

#[tokio::test]
async fn a_moderator_header_with_a_reserved_name_is_refused() {
    // Without API keys, moderators name themselves with a header.
    let router = support::shared();
    for name in ["engine", "author", "Engine", "ADMIN", "sara lee"] {
        let request = axum::http::Request::post("/v1/queue/claim")
            .header("x-davar-moderator", name)
            .body(axum::body::Body::empty())
            .unwrap();
        let reply = support::send(router.clone(), request).await;
        assert_refused(&reply, "invalid-header", "x-davar-moderator");
        assert!(
            reply.text().contains("engine, author, moderator, admin"),
            "{}",
            reply.text()
        );
    }
    let request = axum::http::Request::get("/v1/queue/me")
        .header("x-davar-moderator", "leila")
        .body(axum::body::Body::empty())
        .unwrap();
    let reply = support::send(router, request).await;
    assert_eq!(reply.json()["moderator"], "leila");
}

#[tokio::test]
async fn a_rejection_cites_a_rule_stricter_than_a_repair() {
    let api = Api::new();
    // Queued for its missing title; the emoji is a repair (`style/emoji`, severity `fix`).
    let item = api.claimed("g-20", "Works as described 👍").await;
    for codes in [
        json!(["style/emoji"]),
        json!(["style/emoji", "style/whitespace"]),
    ] {
        let reply = api
            .decide(&item, SARA, json!({"action": "reject", "codes": codes}))
            .await;
        assert_refused(&reply, "invalid-field", "codes");
        let text = reply.text();
        assert!(text.contains("stricter than a repair"), "{text}");
        assert!(text.contains("review/missing-title"), "{text}");
    }
    assert_eq!(api.pending().await, 1);
    let rejected = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["review/missing-title", "style/emoji"]}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());

    // An emoji-only body: the repair would leave nothing, so the engine holds it for a person,
    // and a rejection may rest on the emoji.
    let result = api
        .moderate(
            json!({"id": "g-21", "kind": "answer", "lang": "de", "product": "p1",
            "body": "👍"}),
        )
        .await;
    assert_eq!(result["verdict"], "review", "{result}");
    assert!(result["fixed"].is_null(), "{result}");
    let item = result["decision_id"].as_str().unwrap().to_owned();
    let claim = api.claim(&item, SARA).await;
    assert_eq!(claim.status, StatusCode::OK, "{}", claim.text());
    let rejected = api
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["style/emoji"]}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
}
