//! The decision log and the review queue through the router: records and their ids, retries,
//! claims, decisions, history, moderator keys, and the try mode recording nothing.

use crate::support;

use axum::http::StatusCode;
use serde_json::{Value, json};
use support::{CLIENT, OMID, PHONE_REVIEW, QueueApi as Api, SARA, codes};

#[tokio::test]
async fn a_rejected_review_gets_a_record_with_everything_a_statement_needs() {
    let api = Api::new();
    let result = api
        .moderate(
            json!({"id": "r-100", "kind": "review", "lang": "fa", "product": "p-1",
            "author": "u-9", "body": PHONE_REVIEW, "created_at": "2026-11-17T08:00:00Z"}),
        )
        .await;
    assert_eq!(result["verdict"], "reject");
    let id = result["decision_id"]
        .as_str()
        .expect("decision_id")
        .to_owned();
    assert_eq!(uuid_version(&id), '7', "{id}");

    let record = api
        .call("GET", &format!("/v1/decisions/{id}"), CLIENT, None)
        .await;
    assert_eq!(record.status, StatusCode::OK, "{}", record.text());
    let record = record.json();
    assert_eq!(record["id"], id);
    assert_eq!(record["root"], id);
    assert_eq!(record["follows"], Value::Null);
    assert_eq!(record["stage"], "engine");
    assert_eq!(record["action"], "reject");
    assert_eq!(record["decided_by"], "engine");
    assert_eq!(record["automated_decision"], "fully");
    assert_eq!(record["automated_detection"], true);
    assert_eq!(record["comment"]["id"], "r-100");
    assert_eq!(record["comment"]["lang"], "fa");
    assert_eq!(record["comment"]["body"], PHONE_REVIEW);
    assert_eq!(record["content_date"], "2026-11-17T08:00:00Z");
    assert_ne!(record["submitted_at"], record["content_date"]);
    assert!(
        record["ruleset"]["id"]
            .as_str()
            .unwrap()
            .starts_with("reviews.fa@")
    );
    assert_eq!(record["ruleset"]["hash"].as_str().unwrap().len(), 64);
    assert!(
        record["policy_versions"]["terms"].as_u64().unwrap() >= 1,
        "{record}"
    );
    let phone = record["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["code"] == "contacts/phone")
        .unwrap_or_else(|| panic!("no contacts/phone in {record}"));
    assert!(phone["text"].as_str().unwrap().contains("۳۴۵"));
    let clause = &phone["clause"];
    assert_eq!(clause["doc"], "terms");
    let url = clause["url"].as_str().unwrap();
    assert_eq!(
        url,
        format!(
            "/fa/terms/v{}/#{}",
            clause["version"],
            clause["clause"].as_str().unwrap()
        )
    );
    assert_eq!(clause["version"], record["policy_versions"]["terms"]);
    assert_eq!(
        codes(&record),
        codes(&result),
        "every violation is recorded"
    );
}

fn uuid_version(id: &str) -> char {
    id.chars().nth(14).unwrap()
}

#[tokio::test]
async fn a_retry_with_the_same_comment_id_returns_the_same_decision() {
    let api = Api::new();
    let comment = json!({"id": "r-7", "kind": "review", "lang": "fa", "body": PHONE_REVIEW});
    let first = api.moderate(comment.clone()).await;
    let again = api.moderate(comment).await;
    assert_eq!(first, again, "a retry answers exactly as the first time");
    // Another comment id gets its own record.
    let other = api
        .moderate(json!({"id": "r-8", "kind": "review", "lang": "fa", "body": PHONE_REVIEW}))
        .await;
    assert_ne!(other["decision_id"], first["decision_id"]);
    // An approved review has no record.
    let fine = api
        .moderate(
            json!({"id": "r-9", "kind": "review", "lang": "en", "title": "Good battery",
            "body": "The sound is clear and the battery lasts two full days."}),
        )
        .await;
    assert_eq!(fine["verdict"], "approve", "{fine}");
    assert!(fine.get("decision_id").is_none(), "{fine}");
}

#[tokio::test]
async fn the_same_comment_id_with_other_content_is_moderated_afresh() {
    let api = Api::new();
    let clean = json!({"id": "edit-1", "kind": "review", "lang": "en", "product": "p-1",
        "author": "u-1", "body": "Nice, but https://example.com/x is my shop"});
    let first = api.moderate(clean).await;
    assert!(first["decision_id"].is_string(), "{first}");
    // The same id, now with contact details: judged on its own content.
    let contact = json!({"id": "edit-1", "kind": "review", "lang": "en", "product": "p-1",
        "author": "u-1",
        "body": "Great. Call +49 151 23456789 or mail sara.k@example.org, see https://example.com/x"});
    let second = api.moderate(contact.clone()).await;
    assert_ne!(second["decision_id"], first["decision_id"], "{second}");
    let found = codes(&second);
    assert!(found.iter().any(|c| c.contains("phone")), "{second}");
    assert!(found.iter().any(|c| c.contains("email")), "{second}");
    // Its retry gets its own decision back.
    assert_eq!(api.moderate(contact).await, second);
    // Another author and product with the same id never see the first comments' texts.
    let stranger = api
        .moderate(
            json!({"id": "edit-1", "kind": "review", "lang": "en", "product": "p-2",
            "author": "u-2", "body": "Mail me at someone@example.net please"}),
        )
        .await;
    assert_ne!(stranger["decision_id"], second["decision_id"]);
    assert_ne!(stranger["decision_id"], first["decision_id"]);
    let text = stranger.to_string();
    assert!(
        !text.contains("23456789") && !text.contains("sara.k"),
        "{text}"
    );
    assert!(!text.contains("example.com/x"), "{text}");
}

#[tokio::test]
async fn implausible_content_dates_are_refused_naming_the_field() {
    let api = Api::new();
    for date in [
        "2999-12-31T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "1999-12-31T23:59:59Z",
    ] {
        let reply = api
            .call(
                "POST",
                "/v1/moderate",
                CLIENT,
                Some(json!({"kind": "review", "lang": "fa", "body": PHONE_REVIEW,
                    "created_at": date})),
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{date}: {}",
            reply.text()
        );
        assert_eq!(reply.error_field().as_deref(), Some("created_at"), "{date}");
    }
    let ok = api
        .moderate(json!({"kind": "review", "lang": "fa", "body": PHONE_REVIEW,
            "created_at": "2026-11-17T08:00:00Z"}))
        .await;
    assert!(ok["decision_id"].is_string(), "{ok}");
}

#[tokio::test]
async fn a_retried_question_is_not_a_duplicate_of_itself_but_another_one_is() {
    let api = Api::new();
    let ask = |id: &str| {
        json!({"id": id, "kind": "question", "lang": "fa", "product": "p-42",
            "body": "این گوشی ضد آب است؟"})
    };
    let first = api.moderate(ask("q-1")).await;
    assert!(
        !codes(&first).contains(&"qa/duplicate".to_owned()),
        "{first}"
    );
    let retry = api.moderate(ask("q-1")).await;
    assert_eq!(retry, first, "{retry}");
    let other = api.moderate(ask("q-2")).await;
    assert!(
        codes(&other).contains(&"qa/duplicate".to_owned()),
        "{other}"
    );
}

#[tokio::test]
async fn try_mode_records_nothing() {
    let api = Api::new();
    let question = json!({"kind": "question", "lang": "fa", "product": "p-try",
        "body": "باتری این گوشی چند ساعت دوام دارد؟"});
    for _ in 0..2 {
        let reply = api
            .call("POST", "/v1/moderate/try", SARA, Some(question.clone()))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        assert!(!codes(&reply.json()).contains(&"qa/duplicate".to_owned()));
    }
    let review = json!({"kind": "review", "lang": "fa", "body": PHONE_REVIEW});
    let tried = api
        .call("POST", "/v1/moderate/try", SARA, Some(review))
        .await
        .json();
    assert_eq!(tried["verdict"], "reject");
    assert!(tried.get("decision_id").is_none(), "{tried}");
    // The real question after the tries is not a duplicate: nothing was stored.
    let real = api.moderate(question).await;
    assert!(!codes(&real).contains(&"qa/duplicate".to_owned()), "{real}");
    let to = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(60);
    let all = api
        .store
        .decided_between(jiff::Timestamp::UNIX_EPOCH, to, None, 100)
        .unwrap();
    assert!(all.is_empty(), "no decision from try mode: {all:?}");
    let metrics = api.call("GET", "/metrics", CLIENT, None).await.text();
    assert!(
        !metrics.contains("contacts/phone"),
        "no verdict metrics from try mode"
    );
}

async fn queued(api: &Api, id: &str, body: &str) -> String {
    let result = api
        .moderate(json!({"id": id, "kind": "review", "lang": "en", "body": body}))
        .await;
    assert_eq!(result["verdict"], "review", "{result}");
    result["decision_id"].as_str().unwrap().to_owned()
}

/// An English review the default rule set sends to a person (no title: `review/missing-title`).
fn review_text(n: u32) -> String {
    format!("Solid build and the battery lasts, after {n} weeks of use.")
}

#[tokio::test]
async fn a_moderator_claims_rejects_and_the_history_shows_both_records() {
    let api = Api::new();
    let item = queued(&api, "e-1", &review_text(1)).await;
    let listing = api.call("GET", "/v1/queue", SARA, None).await;
    assert_eq!(listing.status, StatusCode::OK, "{}", listing.text());
    let listing = listing.json();
    assert_eq!(listing["counts"]["pending"], 1);
    assert_eq!(listing["items"][0]["id"], item);

    // Clients may not work the queue; deciding needs a claim first.
    let forbidden = api.call("GET", "/v1/queue", CLIENT, None).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let code = codes(&listing["items"][0]["record"])[0].clone();
    let reject = json!({"action": "reject", "codes": [code], "note": "links elsewhere"});
    let early = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/decision"),
            SARA,
            Some(reject.clone()),
        )
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.error_code(), "not-claimed");

    let claimed = api.call("POST", "/v1/queue/claim", SARA, None).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    assert_eq!(claimed.json()["id"], item);
    assert_eq!(claimed.json()["claimed_by"], "sara");
    // Another moderator can neither take it nor decide it while the claim lives.
    let taken = api.claim(&item, OMID).await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_eq!(taken.error_code(), "claimed");
    let none = api.call("POST", "/v1/queue/claim", OMID, None).await;
    assert_eq!(none.status, StatusCode::NO_CONTENT);

    let decided = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/decision"),
            SARA,
            Some(reject.clone()),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
    let record = decided.json();
    assert_eq!(record["follows"], item);
    assert_eq!(record["root"], item);
    assert_eq!(record["stage"], "review");
    assert_eq!(record["action"], "reject");
    assert_eq!(record["verdict"], "reject");
    assert_eq!(record["decided_by"], "sara");
    assert_eq!(record["note"], "links elsewhere");
    assert_eq!(record["automated_decision"], "partially");
    assert!(
        record["violations"][0]["clause"]["url"].is_string(),
        "{record}"
    );

    let again = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/decision"),
            SARA,
            Some(reject),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.error_code(), "decided");

    let history = api
        .call("GET", &format!("/v1/queue/{item}"), SARA, None)
        .await
        .json();
    let chain = history["history"].as_array().unwrap();
    assert_eq!(chain.len(), 2);
    assert_eq!(chain[0]["decided_by"], "engine");
    assert_eq!(chain[1]["decided_by"], "sara");
    let by_client = api
        .call(
            "GET",
            &format!("/v1/decisions/{item}/history"),
            CLIENT,
            None,
        )
        .await
        .json();
    assert_eq!(by_client.as_array().unwrap().len(), 2);
    let listing = api.call("GET", "/v1/queue", SARA, None).await.json();
    assert_eq!(listing["counts"]["pending"], 0);
}

#[tokio::test]
async fn refusals_name_the_problem() {
    let api = Api::new();
    let item = queued(&api, "e-2", &review_text(2)).await;
    api.claim(&item, SARA).await;
    let path = format!("/v1/queue/{item}/decision");
    let api = &api;
    let decide = |body: Value| {
        let path = path.clone();
        async move { api.call("POST", &path, SARA, Some(body)).await }
    };
    let no_codes = decide(json!({"action": "reject"})).await;
    assert_eq!(no_codes.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(no_codes.error_field().as_deref(), Some("codes"));
    let unknown = decide(json!({"action": "reject", "codes": ["no/such-rule"]})).await;
    assert_eq!(unknown.error_code(), "unknown-value");
    assert!(unknown.text().contains("no/such-rule"));
    let nothing_to_edit = decide(json!({"action": "edit-approve"})).await;
    assert_eq!(nothing_to_edit.status, StatusCode::UNPROCESSABLE_ENTITY);
    let bad_action = decide(json!({"action": "shrug"})).await;
    assert_eq!(bad_action.status, StatusCode::UNPROCESSABLE_ENTITY);
    let missing = api
        .call(
            "GET",
            "/v1/decisions/0190c4a4-0000-7000-8000-000000000000",
            CLIENT,
            None,
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let not_an_id = api.call("GET", "/v1/decisions/banana", CLIENT, None).await;
    assert_eq!(not_an_id.status, StatusCode::NOT_FOUND);
    let bad_filter = api.call("GET", "/v1/queue?colour=red", SARA, None).await;
    assert_eq!(bad_filter.error_code(), "invalid-query");
}

#[tokio::test]
async fn an_expired_claim_lets_another_moderator_take_the_item() {
    let api = Api::new();
    let item = queued(&api, "e-3", &review_text(3)).await;
    let short = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/claim?claim_seconds=1"),
            SARA,
            None,
        )
        .await;
    assert_eq!(short.status, StatusCode::OK, "{}", short.text());
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let taken = api.call("POST", "/v1/queue/claim", OMID, None).await;
    assert_eq!(taken.status, StatusCode::OK, "{}", taken.text());
    assert_eq!(taken.json()["claimed_by"], "omid");
    // The first moderator's late decision is refused: the claim moved on.
    let late = api.decide(&item, SARA, json!({"action": "approve"})).await;
    assert_eq!(late.error_code(), "not-claimed");
    let approved = api.decide(&item, OMID, json!({"action": "approve"})).await;
    assert_eq!(approved.status, StatusCode::OK);
    assert_eq!(approved.json()["automated_decision"], "not-automated");
}

#[tokio::test]
async fn every_json_body_must_be_an_object() {
    let api = Api::new();
    let item = queued(&api, "e-6", &review_text(6)).await;
    api.claim(&item, SARA).await;
    let routes = [
        (format!("/v1/queue/{item}/decision"), SARA),
        (format!("/v1/decisions/{item}/appeal"), CLIENT),
        ("/v1/moderate".to_owned(), CLIENT),
        ("/v1/moderate/try".to_owned(), SARA),
        ("/v1/deadline".to_owned(), CLIENT),
    ];
    for (path, key) in &routes {
        for body in [json!(["approve", []]), json!(["x"]), json!([]), json!(7)] {
            let reply = api.call("POST", path, key, Some(body.clone())).await;
            assert_eq!(
                (reply.status, reply.error_code()),
                (StatusCode::UNPROCESSABLE_ENTITY, "invalid-body".to_owned()),
                "{path} {body}: {}",
                reply.text()
            );
        }
    }
    // The item is still open.
    let decided = api.decide(&item, SARA, json!({"action": "approve"})).await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
}

#[tokio::test]
async fn a_decision_id_is_found_under_any_spelling_of_its_uuid() {
    let api = Api::new();
    let item = queued(&api, "e-7", &review_text(7)).await;
    let upper = item.to_uppercase();
    let simple = item.replace('-', "");
    for spelling in [
        upper.clone(),
        simple.clone(),
        format!("{{{item}}}"),
        format!("urn:uuid:{upper}"),
    ] {
        let reply = api
            .call("GET", &format!("/v1/decisions/{spelling}"), CLIENT, None)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{spelling}: {}", reply.text());
        assert_eq!(reply.json()["id"], item.as_str(), "{spelling}");
    }
    let claimed = api.claim(&simple, SARA).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    assert_eq!(claimed.json()["id"], item.as_str());
    let decided = api.decide(&upper, SARA, json!({"action": "approve"})).await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
}

#[tokio::test]
async fn a_held_comment_is_said_to_wait_for_a_moderator() {
    let api = Api::new();
    let item = queued(&api, "e-8", &review_text(8)).await;
    let statement = api
        .call(
            "GET",
            &format!("/v1/decisions/{item}/statement"),
            CLIENT,
            None,
        )
        .await;
    let appeal = api
        .call(
            "POST",
            &format!("/v1/decisions/{item}/appeal"),
            CLIENT,
            Some(json!({"text": "Please publish it."})),
        )
        .await;
    for (reply, code) in [(statement, "no-statement"), (appeal, "not-restricted")] {
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text());
        assert_eq!(reply.error_code(), code);
        let text = reply.text();
        assert!(text.contains("waiting for a moderator"), "{text}");
        assert!(text.contains("until one decides"), "{text}");
        assert!(!text.contains("restricts nothing"), "{text}");
    }
}

#[tokio::test]
async fn a_lapsed_claim_no_longer_lets_its_holder_decide() {
    let api = Api::new();
    let item = queued(&api, "e-5", &review_text(5)).await;
    let short = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/claim?claim_seconds=1"),
            SARA,
            None,
        )
        .await;
    assert_eq!(short.status, StatusCode::OK, "{}", short.text());
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let path = format!("/v1/queue/{item}/decision");
    let late = api
        .call("POST", &path, SARA, Some(json!({"action": "approve"})))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.text());
    assert_eq!(late.error_code(), "not-claimed");
    assert!(late.text().contains("expired"), "{}", late.text());
    // Claimed again, the decision goes through.
    let again = api.claim(&item, SARA).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    let decided = api
        .call("POST", &path, SARA, Some(json!({"action": "approve"})))
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
}

#[tokio::test]
async fn filters_select_items_by_code_kind_language_and_age() {
    let api = Api::new();
    let item = queued(&api, "e-4", &review_text(4)).await;
    let code = codes(
        &api.call("GET", &format!("/v1/decisions/{item}"), CLIENT, None)
            .await
            .json(),
    )[0]
    .clone();
    let count = |query: String| {
        let api = &api;
        async move {
            let reply = api
                .call("GET", &format!("/v1/queue?{query}"), SARA, None)
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
            reply.json()["items"].as_array().unwrap().len()
        }
    };
    assert_eq!(count(format!("code={code}")).await, 1);
    assert_eq!(count("code=contacts/email".to_owned()).await, 0);
    assert_eq!(count("kind=review&lang=en".to_owned()).await, 1);
    assert_eq!(count("kind=question".to_owned()).await, 0);
    assert_eq!(count("lang=fa".to_owned()).await, 0);
    assert_eq!(count("min_age=3600".to_owned()).await, 0);
    assert_eq!(count("max_age=3600".to_owned()).await, 1);
}

#[tokio::test]
async fn a_question_a_moderator_rejects_leaves_the_duplicate_store() {
    let api = Api::new();
    // A question sent to a person (a repeated word is `review`) is stored as asked; rejected by
    // a moderator, it no longer makes the same question a duplicate.
    let ask = |id: &str| {
        json!({"id": id, "kind": "question", "lang": "fa", "product": "p-77",
            "body": "باتری این گوشی خیلی خیلی خیلی زود تموم میشه یا نه؟"})
    };
    let first = api.moderate(ask("q-10")).await;
    assert_eq!(first["verdict"], "review", "{first}");
    let item = first["decision_id"].as_str().unwrap().to_owned();
    let dup = api.moderate(ask("q-11")).await;
    assert!(codes(&dup).contains(&"qa/duplicate".to_owned()), "{dup}");
    api.claim(&item, SARA).await;
    let code = codes(&first)
        .into_iter()
        .find(|c| c != "qa/duplicate")
        .unwrap();
    let rejected = api
        .decide(&item, SARA, json!({"action": "reject", "codes": [code]}))
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
    let later = api.moderate(ask("q-12")).await;
    assert!(
        !codes(&later).contains(&"qa/duplicate".to_owned()),
        "{later}"
    );
}
