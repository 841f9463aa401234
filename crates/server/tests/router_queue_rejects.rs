//! A rule set with `queue_rejects: true` sends the comments the engine rejects to the review
//! queue instead of refusing them outright; without it they are refused and nothing waits.

use crate::support;

use axum::http::StatusCode;
use serde_json::{Value, json};
use support::{CLIENT, PHONE_REVIEW, QueueApi as Api, SARA, codes, sources_in};

use crate::router_admin::copy_dir;

/// A question the engine rejects (a phone number).
const PHONE_QUESTION: &str = "این گوشی ضد آب است؟ جواب را به ۰۹۱۲ ۳۴۵ ۶۷۸۹ بفرستید";

/// The workspace's rules, with `queue_rejects: true` added to the Persian review and question
/// rule sets when `queue_rejects`.
fn api(queue_rejects: bool) -> Api {
    if !queue_rejects {
        return Api::new();
    }
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&support::workspace().join("rules"), dir.path());
    for set in ["reviews.fa.yaml", "questions.fa.yaml"] {
        let path = dir.path().join(set);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\nrules:\n"), "{set} has no `rules:` line");
        let text = text.replacen("\nrules:\n", "\nqueue_rejects: true\nrules:\n", 1);
        std::fs::write(&path, text).unwrap();
    }
    Api::over(sources_in(dir.path()), Some(dir))
}

impl Api {
    async fn record(&self, id: &Value) -> Value {
        let id = id.as_str().expect("decision_id");
        self.call("GET", &format!("/v1/decisions/{id}"), CLIENT, None)
            .await
            .json()
    }
}

#[tokio::test]
async fn rejections_wait_for_a_moderator_only_when_the_rule_set_says_so() {
    let refusing = api(false);
    let result = refusing
        .moderate(json!({"id": "r-1", "kind": "review", "lang": "fa", "body": PHONE_REVIEW}))
        .await;
    assert_eq!(result["verdict"], "reject");
    assert_eq!(
        refusing.record(&result["decision_id"]).await["action"],
        "reject"
    );
    assert_eq!(refusing.pending().await, 0);

    let queueing = api(true);
    let result = queueing
        .moderate(json!({"id": "r-1", "kind": "review", "lang": "fa", "body": PHONE_REVIEW}))
        .await;
    assert_eq!(
        result["verdict"], "reject",
        "the engine's verdict is unchanged"
    );
    let record = queueing.record(&result["decision_id"]).await;
    assert_eq!(record["action"], "queue", "{record}");
    assert_eq!(record["verdict"], "reject");
    assert_eq!(queueing.pending().await, 1);
    // Other languages' rule sets do not queue their rejections.
    let english = queueing
        .moderate(
            json!({"id": "r-2", "kind": "review", "lang": "en", "title": "Call me",
            "body": "Works well, call me on +49 151 23456789 for a second one."}),
        )
        .await;
    assert_eq!(english["verdict"], "reject", "{english}");
    assert_eq!(
        queueing.record(&english["decision_id"]).await["action"],
        "reject"
    );
    assert_eq!(queueing.pending().await, 1);

    // A moderator may publish it after all.
    let item = result["decision_id"].as_str().unwrap();
    let claimed = queueing.claim(item, SARA).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    let approved = queueing
        .decide(
            item,
            SARA,
            json!({"action": "approve", "note": "a shop's landline, allowed here"}),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text());
    let approved = approved.json();
    assert_eq!(approved["action"], "approve");
    assert_eq!(approved["follows"], item);
    assert_eq!(approved["automated_decision"], "not-automated");
    assert_eq!(queueing.pending().await, 0);
}

#[tokio::test]
async fn a_queued_rejected_question_stays_a_duplicate_candidate_until_a_moderator_rejects_it() {
    let ask = |id: &str| json!({"id": id, "kind": "question", "lang": "fa", "product": "p-5", "body": PHONE_QUESTION});
    // Refused outright, the question leaves the store at once: the same text again is no
    // duplicate.
    let refusing = api(false);
    let first = refusing.moderate(ask("q-1")).await;
    assert_eq!(first["verdict"], "reject", "{first}");
    let again = refusing.moderate(ask("q-2")).await;
    assert!(
        !codes(&again).contains(&"qa/duplicate".to_owned()),
        "{again}"
    );

    // Waiting for a moderator, it stays (the moderator may publish it) until rejected.
    let queueing = api(true);
    let first = queueing.moderate(ask("q-1")).await;
    let item = first["decision_id"].as_str().unwrap().to_owned();
    assert_eq!(
        queueing.record(&first["decision_id"]).await["action"],
        "queue"
    );
    let again = queueing.moderate(ask("q-2")).await;
    assert!(
        codes(&again).contains(&"qa/duplicate".to_owned()),
        "{again}"
    );
    queueing.claim(&item, SARA).await;
    let rejected = queueing
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["contacts/phone"]}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
    let later = queueing.moderate(ask("q-3")).await;
    assert!(
        !codes(&later).contains(&"qa/duplicate".to_owned()),
        "{later}"
    );
}

#[tokio::test]
async fn the_engines_repair_of_a_rejected_comment_is_judged_before_an_edit_publishes_it() {
    let api = api(true);
    // The engine removes the emoji, but its repair still has the phone number.
    let body = format!("{PHONE_REVIEW} 😀");
    let result = api
        .moderate(json!({"id": "r-9", "kind": "review", "lang": "fa", "body": body}))
        .await;
    let item = result["decision_id"].as_str().unwrap().to_owned();
    let record = api.record(&result["decision_id"]).await;
    assert_eq!(record["action"], "queue", "{record}");
    let repaired = record["fixed"]["body"]
        .as_str()
        .expect("a repair")
        .to_owned();
    assert!(repaired.contains("۰۹۱۲"), "{repaired}");
    api.claim(&item, SARA).await;
    let path = format!("/v1/queue/{item}/decision");
    let published = api
        .call("POST", &path, SARA, Some(json!({"action": "edit-approve"})))
        .await;
    assert_eq!(
        published.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        published.text()
    );
    assert_eq!(published.error_code(), "edit-violates-rules");
    assert!(
        published.text().contains("contacts/phone"),
        "{}",
        published.text()
    );
    assert_eq!(api.pending().await, 1);
    // Without the number, the edit is published.
    let clean = api
        .call(
            "POST",
            &path,
            SARA,
            Some(json!({"action": "edit-approve", "body": "گوشی خوبیه، برای خرید پیام بدید"})),
        )
        .await;
    assert_eq!(clean.status, StatusCode::OK, "{}", clean.text());
    assert_eq!(
        clean.json()["edited"]["body"],
        "گوشی خوبیه، برای خرید پیام بدید"
    );
}

#[tokio::test]
async fn an_edited_question_is_no_duplicate_of_the_question_it_rewrites() {
    let api = api(true);
    // With a comment id and without one (the stored question then has no id to tell it by).
    for (id, product) in [(Some("q-20"), "p-8"), (None, "p-9")] {
        let mut comment = json!({"kind": "question", "lang": "fa", "product": product,
            "body": PHONE_QUESTION});
        if let Some(id) = id {
            comment["id"] = json!(id);
        }
        let result = api.moderate(comment).await;
        assert!(
            !codes(&result).contains(&"qa/duplicate".to_owned()),
            "{result}"
        );
        let item = result["decision_id"].as_str().unwrap().to_owned();
        api.claim(&item, SARA).await;
        let edited = api
            .decide(
                &item,
                SARA,
                json!({"action": "edit-approve", "body": "این گوشی ضد آب است؟"}),
            )
            .await;
        assert_eq!(edited.status, StatusCode::OK, "{id:?}: {}", edited.text());
        assert_eq!(edited.json()["edited"]["body"], "این گوشی ضد آب است؟");
    }
}

/// A question the engine approves.
const CLEAN_QUESTION: &str = "آیا این اتو بخار ضد رسوب دارد؟";

#[tokio::test]
async fn rejecting_a_duplicate_question_leaves_the_question_it_repeats_in_the_store() {
    let ask = |id: Option<&str>, product: &str| {
        let mut comment =
            json!({"kind": "question", "lang": "fa", "product": product, "body": CLEAN_QUESTION});
        if let Some(id) = id {
            comment["id"] = json!(id);
        }
        comment
    };
    // The duplicate waits for a moderator (queue_rejects), with and without comment ids.
    let queueing = api(true);
    for (ids, product) in [
        ([Some("d-1"), Some("d-2"), Some("d-3")], "p-40"),
        ([None; 3], "p-41"),
    ] {
        let first = queueing.moderate(ask(ids[0], product)).await;
        assert_eq!(first["verdict"], "approve", "{first}");
        let second = queueing.moderate(ask(ids[1], product)).await;
        assert!(
            codes(&second).contains(&"qa/duplicate".to_owned()),
            "{second}"
        );
        let item = second["decision_id"].as_str().unwrap().to_owned();
        queueing.claim(&item, SARA).await;
        let rejected = queueing
            .decide(
                &item,
                SARA,
                json!({"action": "reject", "codes": ["qa/duplicate"]}),
            )
            .await;
        assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
        let third = queueing.moderate(ask(ids[2], product)).await;
        assert!(
            codes(&third).contains(&"qa/duplicate".to_owned()),
            "{product}: the first question left the store: {third}"
        );
    }
    // Refused outright, then appealed, and the refusal upheld.
    let refusing = api(false);
    let first = refusing.moderate(ask(Some("d-11"), "p-42")).await;
    assert_eq!(first["verdict"], "approve", "{first}");
    let second = refusing.moderate(ask(Some("d-12"), "p-42")).await;
    assert!(
        codes(&second).contains(&"qa/duplicate".to_owned()),
        "{second}"
    );
    let decision = second["decision_id"].as_str().unwrap();
    let appeal = refusing
        .call(
            "POST",
            &format!("/v1/decisions/{decision}/appeal"),
            CLIENT,
            Some(json!({"text": "not a duplicate"})),
        )
        .await;
    assert_eq!(appeal.status, StatusCode::CREATED, "{}", appeal.text());
    let item = appeal.json()["id"].as_str().unwrap().to_owned();
    refusing.claim(&item, SARA).await;
    let upheld = refusing
        .decide(
            &item,
            SARA,
            json!({"action": "reject", "codes": ["qa/duplicate"]}),
        )
        .await;
    assert_eq!(upheld.status, StatusCode::OK, "{}", upheld.text());
    let third = refusing.moderate(ask(Some("d-13"), "p-42")).await;
    assert!(
        codes(&third).contains(&"qa/duplicate".to_owned()),
        "the first question left the store: {third}"
    );
}

#[tokio::test]
async fn an_edited_question_is_stored_under_the_text_published() {
    let api = api(true);
    let published = "باتری این گوشی چند ساعت دوام دارد؟";
    for (id, product) in [(Some("e-1"), "p-50"), (None, "p-51")] {
        let mut comment =
            json!({"kind": "question", "lang": "fa", "product": product, "body": PHONE_QUESTION});
        if let Some(id) = id {
            comment["id"] = json!(id);
        }
        let result = api.moderate(comment).await;
        let item = result["decision_id"].as_str().unwrap().to_owned();
        api.claim(&item, SARA).await;
        let edited = api
            .decide(
                &item,
                SARA,
                json!({"action": "edit-approve", "body": published}),
            )
            .await;
        assert_eq!(edited.status, StatusCode::OK, "{id:?}: {}", edited.text());
        let again = api
            .moderate(
                json!({"id": "e-9", "kind": "question", "lang": "fa", "product": product,
                "body": published}),
            )
            .await;
        assert!(
            codes(&again).contains(&"qa/duplicate".to_owned()),
            "{id:?}: the published text is not in the store: {again}"
        );
    }
}
