//! Statements of reasons and appeals through the router: a statement in the comment's language
//! citing the clause of the version in force and the appeal deadline; an appeal lodged by the
//! storefront, refused to the moderator who took the contested decision, decided by another
//! with its own statement.

use crate::support;

use axum::http::StatusCode;
use davar_server::compliance::appeal_audit::{AppealStatus, audit_appeals};
use davar_server::compliance::each_decided;
use davar_server::compliance::figures::figures;
use davar_server::compliance::sor::{exportable, sor_statement};
use jiff::Timestamp;
use serde_json::{Value, json};
use support::{CLIENT, OMID, QueueApi as Api, Reply, SARA, sources_now};

fn api() -> Api {
    Api::over(sources_now(), None)
}

fn instant(v: &Value) -> Timestamp {
    let text = v.as_str().unwrap_or_else(|| panic!("an instant: {v}"));
    text.parse::<jiff::Zoned>()
        .map(|z| z.timestamp())
        .or_else(|_| text.parse::<Timestamp>())
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// A review with a phone number in each language the rule sets cover.
const REJECTED: [(&str, &str); 4] = [
    (
        "fa",
        "گوشی خوبیه، برای هماهنگی خرید به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید",
    ),
    (
        "en",
        "Works well, call me on +49 151 23456789 for a second one.",
    ),
    (
        "fr",
        "Très bon produit, appelez-moi au +33 6 12 34 56 78 pour un autre.",
    ),
    (
        "de",
        "Gutes Gerät, ruft mich unter +49 151 23456789 an, ich habe noch eins.",
    ),
];

#[tokio::test]
async fn a_rejection_has_a_statement_in_the_comments_language_with_clause_version_and_deadline() {
    let api = api();
    let mut texts = Vec::new();
    for (i, (lang, body)) in REJECTED.iter().enumerate() {
        let result = api
            .moderate(
                json!({"id": format!("s-{i}"), "kind": "review", "lang": lang,
                "title": "Phone", "body": body, "content_date": "2026-12-01T10:00:00Z"}),
            )
            .await;
        assert_eq!(result["verdict"], "reject", "{lang}: {result}");
        let id = result["decision_id"].as_str().unwrap();
        let s = api.statement(id).await;
        assert_eq!(s["decision_id"], id);
        assert_eq!(s["lang"], *lang, "{s}");
        assert_eq!(s["kind"], "restriction");
        assert_eq!(s["automated_decision"], "fully", "{s}");
        assert_eq!(s["automated_detection"], true);
        // The fact quotes the phone number by its span.
        let fact = &s["facts"][0];
        assert_eq!(fact["code"], "contacts/phone", "{s}");
        let quote = fact["quote"].as_str().unwrap();
        assert!(
            quote.chars().filter(char::is_ascii_digit).count() >= 6 || quote.chars().count() >= 6,
            "{lang}: quote {quote:?}"
        );
        // The clause of the terms in force, with its version in the URL's document.
        let ground = &s["grounds"][0];
        assert_eq!(ground["doc"], "terms", "{s}");
        assert_eq!(ground["clause"], "reviews-no-contacts");
        let version = ground["version"].as_u64().expect("a version");
        let url = ground["url"].as_str().unwrap();
        assert!(url.starts_with("http"), "absolute: {url}");
        assert!(url.ends_with("#reviews-no-contacts"), "{url}");
        assert!(
            url.contains(&format!("v{version}")),
            "{url} names version {version}"
        );
        // The terms are published in fa and en: French and German authors read the English
        // clause, never the Persian one; the explanation is the rule set's message in the
        // author's language.
        let clause_lang = if *lang == "fa" { "fa" } else { "en" };
        assert!(
            url.contains(&format!("/{clause_lang}/terms/")),
            "{lang}: {url}"
        );
        assert_eq!(ground["lang"], clause_lang, "{s}");
        assert_eq!(fact["explanation_lang"], *lang, "{s}");
        // Redress: the internal appeal until the dispute policy's window ends, out-of-court
        // settlement and the courts.
        let appeal = &s["redress"]["appeal"];
        assert_eq!(appeal["doc"], "dispute-policy", "{s}");
        assert_eq!(appeal["version"], 4, "the version in force: {s}");
        let decided = instant(&s["decided_at"]);
        let until = instant(&appeal["open_until"]);
        let days = until.duration_since(decided).as_hours() / 24;
        assert!(
            (179..=186).contains(&days),
            "{lang}: appeal open {days} days: {appeal}"
        );
        assert!(
            appeal["decided_within"].as_str().unwrap().contains("10"),
            "{appeal}"
        );
        assert!(s["redress"]["out_of_court"].is_string());
        assert_eq!(s["redress"]["courts"], true);
        let text = s["text"].as_array().unwrap().clone();
        assert!(text.len() >= 3, "{s}");
        // The deadline in the text carries its time zone, as the JSON does.
        assert_eq!(appeal["time_zone"], "Asia/Tehran", "{appeal}");
        let offset = if *lang == "fa" {
            "UTC+۰۳:۳۰"
        } else {
            "UTC+03:30"
        };
        assert!(
            text.iter().any(|p| p
                .as_str()
                .unwrap()
                .contains(&format!("(Asia/Tehran, {offset})"))),
            "{lang}: {text:?}"
        );
        texts.push(text);
    }
    // Four languages, four different texts.
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            assert_ne!(a[0], b[0]);
        }
    }
}

#[tokio::test]
async fn an_approved_comment_has_no_statement() {
    let api = api();
    let result = api
        .moderate(
            json!({"id": "ok-1", "kind": "review", "lang": "en", "title": "Fine",
            "body": "Solid build and the battery lasts all day."}),
        )
        .await;
    assert!(result.get("decision_id").is_none() || result["verdict"] != "reject");
    let missing = api
        .call("GET", "/v1/decisions/not-an-id/statement", CLIENT, None)
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

/// An English review the default rule set sends to a person (no title).
const UNTITLED: &str = "Solid build and the battery lasts, after 3 weeks of use.";

#[tokio::test]
async fn an_appeal_is_decided_by_another_moderator_and_the_reversal_has_its_own_statement() {
    let api = api();
    let result = api
        .moderate(json!({"id": "a-1", "kind": "review", "lang": "en", "body": UNTITLED}))
        .await;
    assert_eq!(result["verdict"], "review", "{result}");
    let item = result["decision_id"].as_str().unwrap().to_owned();
    // Sara rejects it.
    let claimed = api
        .call("POST", &format!("/v1/queue/{item}/claim"), SARA, None)
        .await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    let rejected = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/decision"),
            SARA,
            Some(json!({"action": "reject", "codes": ["review/missing-title"]})),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{}", rejected.text());
    let rejection = rejected.json()["id"].as_str().unwrap().to_owned();
    let s = api.statement(&rejection).await;
    // Sara confirmed what the engine found: partially automated.
    assert_eq!(s["automated_decision"], "partially", "{s}");
    assert_eq!(s["facts"][0]["code"], "review/missing-title");

    // The storefront lodges the author's appeal; a second one is refused.
    let path = format!("/v1/decisions/{rejection}/appeal");
    let empty = api
        .call("POST", &path, CLIENT, Some(json!({"text": "  "})))
        .await;
    assert_eq!(
        empty.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        empty.text()
    );
    let text = json!({"text": "My review is about the phone; the title was lost by the app."});
    let lodged = api.call("POST", &path, CLIENT, Some(text.clone())).await;
    assert_eq!(lodged.status, StatusCode::CREATED, "{}", lodged.text());
    let appeal = lodged.json();
    assert_eq!(appeal["stage"], "appeal");
    assert_eq!(appeal["action"], "queue");
    assert_eq!(appeal["follows"], rejection.as_str());
    let appeal_id = appeal["id"].as_str().unwrap().to_owned();
    let again = api.call("POST", &path, CLIENT, Some(text)).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.text());
    assert_eq!(again.error_code(), "appealed");

    // Sara took the contested decision: she cannot claim the appeal, by id or as the next.
    let own = api
        .call("POST", &format!("/v1/queue/{appeal_id}/claim"), SARA, None)
        .await;
    assert_eq!(own.status, StatusCode::CONFLICT, "{}", own.text());
    assert_eq!(own.error_code(), "own-decision");
    let next = api.call("POST", "/v1/queue/claim", SARA, None).await;
    assert_eq!(next.status, StatusCode::NO_CONTENT, "{}", next.text());

    // Omid reverses it.
    let claimed = api.call("POST", "/v1/queue/claim", OMID, None).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    assert_eq!(
        claimed.json()["id"],
        appeal_id.as_str(),
        "{}",
        claimed.text()
    );
    assert_eq!(claimed.json()["priority"], 10);
    let decided = api
        .call(
            "POST",
            &format!("/v1/queue/{appeal_id}/decision"),
            OMID,
            Some(json!({"action": "approve", "note": "the title is optional in the app"})),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
    let outcome = decided.json();
    assert_eq!(outcome["stage"], "appeal", "{outcome}");
    assert_eq!(outcome["decided_by"], "omid");
    let s = api.statement(outcome["id"].as_str().unwrap()).await;
    assert_eq!(s["kind"], "appeal-reversed", "{s}");
    assert_eq!(s["appeal"]["appeal_id"], appeal_id.as_str());
    assert_eq!(s["appeal"]["contested_decision"], rejection.as_str());
    assert!(
        s["redress"]["appeal"].is_null(),
        "no second internal appeal: {s}"
    );
    // The reversed rejection can no longer be appealed.
    let late = api
        .call("POST", &path, CLIENT, Some(json!({"text": "again"})))
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.text());
}

#[tokio::test]
async fn every_restriction_exports_a_transparency_database_statement_that_the_schema_accepts() {
    let api = api();
    let mut rejected = Vec::new();
    for (i, (lang, body)) in REJECTED.iter().enumerate() {
        let result = api
            .moderate(
                json!({"id": format!("x-{i}"), "kind": "review", "lang": lang,
                "title": "Phone", "body": body, "content_date": "2026-11-28T10:00:00Z"}),
            )
            .await;
        let id = result["decision_id"].as_str().unwrap().to_owned();
        rejected.push((id.clone(), api.statement(&id).await));
    }
    // A moderator's rejection too.
    let queued = api
        .moderate(json!({"id": "x-9", "kind": "review", "lang": "en", "body": UNTITLED}))
        .await;
    let item = queued["decision_id"].as_str().unwrap();
    api.call("POST", &format!("/v1/queue/{item}/claim"), SARA, None)
        .await;
    let decided = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/decision"),
            SARA,
            Some(json!({"action": "reject", "codes": ["review/missing-title"]})),
        )
        .await
        .json();
    let moderator_reject = decided["id"].as_str().unwrap().to_owned();

    let validator = support::dsa_schema();
    let published = api.published();
    let mut exported = Vec::new();
    each_decided(
        &*api.store,
        Timestamp::MIN,
        Timestamp::MAX,
        |record| -> Result<(), davar_moderation::StoreError> {
            if exportable(&record) {
                exported.push(sor_statement(&published, &record).expect("exports"));
            }
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(
        exported.len(),
        5,
        "four engine rejections and a moderator's"
    );
    for statement in &exported {
        let line = serde_json::to_value(statement).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&line)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{line}: {errors:?}");
    }
    for (id, sor) in &rejected {
        let line = exported.iter().find(|s| &s.puid == id).expect("exported");
        assert_eq!(
            line.decision_ground_reference_url.as_deref(),
            sor["grounds"][0]["url"].as_str(),
            "the published clause"
        );
        assert_eq!(
            line.category,
            "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS"
        );
        assert_eq!(line.automated_decision, "AUTOMATED_DECISION_FULLY");
        // Pre-screening: the review was never shown.
        assert_eq!(
            line.decision_visibility,
            ["DECISION_VISIBILITY_CONTENT_DISABLED"]
        );
        assert_eq!(line.content_date, "2026-11-28");
        assert_eq!(
            line.content_language.as_deref(),
            Some(sor["lang"].as_str().unwrap().to_ascii_uppercase().as_str())
        );
        // No personal data: the phone number quoted to the author is not in the export.
        let quote = sor["facts"][0]["quote"].as_str().unwrap();
        let text = serde_json::to_string(line).unwrap();
        assert!(!text.contains(quote), "{quote} in {text}");
    }
    let by_person = exported
        .iter()
        .find(|s| s.puid == moderator_reject)
        .unwrap();
    assert_eq!(by_person.automated_decision, "AUTOMATED_DECISION_PARTIALLY");
    assert_eq!(
        by_person.decision_visibility,
        ["DECISION_VISIBILITY_CONTENT_DISABLED"],
        "held in the queue, never shown"
    );
    // Something the schema refuses, so the check above can fail.
    let mut broken = serde_json::to_value(by_person).unwrap();
    broken["puid"] = json!("a puid with spaces");
    assert!(!validator.is_valid(&broken));
}

#[tokio::test]
async fn appeals_are_audited_against_the_dispute_policy_and_the_figures_add_up() {
    let api = api();
    let mut engine_rejections = Vec::new();
    for (i, (lang, body)) in REJECTED.iter().enumerate() {
        let result = api
            .moderate(
                json!({"id": format!("f-{i}"), "kind": "review", "lang": lang,
                "title": "Phone", "body": body}),
            )
            .await;
        engine_rejections.push(result["decision_id"].as_str().unwrap().to_owned());
    }
    let queued = api
        .moderate(json!({"id": "f-9", "kind": "review", "lang": "en", "body": UNTITLED}))
        .await;
    let item = queued["decision_id"].as_str().unwrap();
    api.call("POST", &format!("/v1/queue/{item}/claim"), SARA, None)
        .await;
    let by_sara = api
        .call(
            "POST",
            &format!("/v1/queue/{item}/decision"),
            SARA,
            Some(json!({"action": "reject", "codes": ["review/missing-title"]})),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Two appeals: one decided (reversed by Omid), one left open.
    let decided = api.appeal(&by_sara, "Please look again.").await;
    let open = api
        .appeal(&engine_rejections[0], "Please look again.")
        .await;
    let claimed = api
        .call("POST", &format!("/v1/queue/{decided}/claim"), OMID, None)
        .await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    let outcome = api
        .call(
            "POST",
            &format!("/v1/queue/{decided}/decision"),
            OMID,
            Some(json!({"action": "approve"})),
        )
        .await;
    assert_eq!(outcome.status, StatusCode::OK, "{}", outcome.text());

    let published = api.published();
    let records = api.all_records();
    let status = |now: Timestamp, appeal: &str| {
        audit_appeals(&published, &records, now)
            .into_iter()
            .find(|a| a.appeal == appeal)
            .unwrap_or_else(|| panic!("appeal {appeal} audited"))
    };
    let soon = Timestamp::now() + jiff::SignedDuration::from_hours(1);
    let later = Timestamp::now() + jiff::SignedDuration::from_hours(24 * 40);
    assert_eq!(status(soon, &decided).status, AppealStatus::Met);
    assert_eq!(status(soon, &open).status, AppealStatus::Open);
    assert_eq!(status(later, &decided).status, AppealStatus::Met);
    let breached = status(later, &open);
    assert_eq!(breached.status, AppealStatus::Breached, "{breached:?}");
    assert!(!breached.findings.is_empty(), "{breached:?}");

    let f = figures(&published, &records, Timestamp::MIN, Timestamp::MAX, later);
    assert_eq!(f.inconsistencies(), Vec::<String>::new(), "{f:#?}");
    assert_eq!(f.restrictions.total, 5, "{f:#?}");
    assert_eq!(f.restrictions.by_automated_decision["fully"], 4);
    assert_eq!(f.restrictions.by_kind["review"], 5);
    assert_eq!(f.restrictions.by_code["contacts/phone"], 4);
    assert_eq!(
        f.queue.decided, 1,
        "Sara's decision; Omid's is an appeal's outcome"
    );
    assert!(f.queue.median_seconds.is_some());
    assert_eq!(
        (
            f.appeals.received,
            f.appeals.decided,
            f.appeals.reversed,
            f.appeals.pending
        ),
        (2, 1, 1, 1)
    );
    assert_eq!(
        f.appeals.deadlines.get("breached"),
        Some(&1),
        "{:?}",
        f.appeals
    );
    // A table that does not add up is caught.
    let mut broken = f.clone();
    *broken
        .restrictions
        .by_code
        .get_mut("contacts/phone")
        .unwrap() += 1;
    assert_eq!(broken.inconsistencies().len(), 1);
}

impl Api {
    /// Claims `item` as `key` and decides it with `body`; the new record's id.
    async fn decided(&self, key: &str, item: &str, body: Value) -> String {
        let claimed = self
            .call("POST", &format!("/v1/queue/{item}/claim"), key, None)
            .await;
        assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
        let decided = self
            .call(
                "POST",
                &format!("/v1/queue/{item}/decision"),
                key,
                Some(body),
            )
            .await;
        assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
        decided.json()["id"].as_str().unwrap().to_owned()
    }

    /// The Transparency Database statement of record `id`, as the export writes it.
    fn exported(&self, id: &str) -> davar_server::compliance::sor::SorStatement {
        let published = self.published();
        let record = self
            .all_records()
            .into_iter()
            .find(|r| r.id == id)
            .expect("the record");
        assert!(exportable(&record), "{record:?}");
        sor_statement(&published, &record).expect("exports")
    }
}

/// Whether the statement's text offers the internal appeal, in any of the four languages.
fn offers_appeal(s: &Value) -> bool {
    let text = s["text"].to_string();
    [
        "You can appeal",
        "Vous pouvez former",
        "Einspruch gegen diese Entscheidung einlegen",
        "می‌توانید تا",
    ]
    .iter()
    .any(|phrase| text.contains(phrase))
}

#[tokio::test]
async fn a_restriction_appealed_upheld_or_lifted_no_longer_offers_an_appeal_and_says_where_it_stands()
 {
    let api = api();
    let mut rejected = Vec::new();
    for (i, (lang, body)) in REJECTED.iter().enumerate() {
        let result = api
            .moderate(
                json!({"id": format!("s-{i}"), "kind": "review", "lang": lang,
                "title": "Phone", "body": body}),
            )
            .await;
        assert_eq!(result["verdict"], "reject", "{result}");
        rejected.push(result["decision_id"].as_str().unwrap().to_owned());
    }
    for id in &rejected {
        let s = api.statement(id).await;
        assert!(s["redress"]["appeal"].is_object(), "{s}");
        assert!(offers_appeal(&s), "{s}");
        assert!(s.get("standing").is_none(), "{s}");
    }
    // fa and en are appealed; fa's appeal is reversed, en's upheld; fr's stays pending.
    let fa = api.appeal(&rejected[0], "Please look again.").await;
    let en = api.appeal(&rejected[1], "Please look again.").await;
    let fr = api.appeal(&rejected[2], "Please look again.").await;
    let pending = api.statement(&rejected[2]).await;
    assert_eq!(pending["standing"]["status"], "appealed", "{pending}");
    assert_eq!(pending["standing"]["decision_id"], fr.as_str());
    assert!(pending["redress"]["appeal"].is_null(), "{pending}");
    assert!(!offers_appeal(&pending), "{pending}");
    assert!(
        pending["text"]
            .to_string()
            .contains("statue sur votre recours"),
        "{pending}"
    );

    let reversal = api.decided(OMID, &fa, json!({"action": "approve"})).await;
    let lifted = api.statement(&rejected[0]).await;
    assert_eq!(lifted["kind"], "restriction");
    assert_eq!(lifted["standing"]["status"], "lifted", "{lifted}");
    assert_eq!(lifted["standing"]["decision_id"], reversal.as_str());
    assert!(lifted["standing"]["appeal_received_at"].is_string());
    assert!(lifted["redress"]["appeal"].is_null(), "{lifted}");
    assert!(!offers_appeal(&lifted), "{lifted}");
    assert_eq!(lifted["subject"], "تصمیم به منتشر نکردن نظر شما لغو شد");
    assert!(
        lifted["text"]
            .to_string()
            .contains("محدودیت دیگر برقرار نیست"),
        "{lifted}"
    );
    // The courts stay open whatever happened.
    assert_eq!(lifted["redress"]["courts"], true);

    let upheld = api
        .decided(
            OMID,
            &en,
            json!({"action": "reject", "codes": ["contacts/phone"]}),
        )
        .await;
    let stands = api.statement(&rejected[1]).await;
    assert_eq!(stands["standing"]["status"], "upheld", "{stands}");
    assert_eq!(stands["standing"]["decision_id"], upheld.as_str());
    assert!(!offers_appeal(&stands), "{stands}");
    assert!(
        stands["text"]
            .to_string()
            .contains("This ends our internal complaint procedure"),
        "{stands}"
    );
    // The German rejection was not appealed: its statement still offers the appeal.
    let open = api.statement(&rejected[3]).await;
    assert!(offers_appeal(&open), "{open}");
    assert!(open.get("standing").is_none(), "{open}");
}

#[tokio::test]
async fn the_export_of_a_moderators_rejection_describes_the_moderators_decision() {
    let api = api();
    // The engine queues an untitled review (review/missing-title); Sara rejects it for a
    // reason the engine did not find.
    let queued = api
        .moderate(json!({"id": "m-1", "kind": "review", "lang": "en", "body": UNTITLED}))
        .await;
    assert_eq!(queued["verdict"], "review", "{queued}");
    let item = queued["decision_id"].as_str().unwrap();
    let by_sara = api
        .decided(
            SARA,
            item,
            json!({"action": "reject", "codes": ["prices/amount"]}),
        )
        .await;
    let line = api.exported(&by_sara);
    let statement = api.statement(&by_sara).await;
    assert_eq!(line.puid, by_sara);
    assert_eq!(line.automated_decision, "AUTOMATED_DECISION_NOT_AUTOMATED");
    assert_eq!(statement["automated_decision"], "not-automated");
    assert!(
        line.decision_facts.contains("prices/amount"),
        "{}",
        line.decision_facts
    );
    assert!(
        !line.decision_facts.contains("review/missing-title"),
        "the engine's finding is not the moderator's decision: {}",
        line.decision_facts
    );
    assert!(
        !line
            .decision_facts
            .contains("automated pre-screening found"),
        "{}",
        line.decision_facts
    );
    assert_eq!(
        line.decision_ground_reference_url.as_deref(),
        statement["grounds"][0]["url"].as_str(),
        "the clause the moderator relied on, as the statement cites it"
    );
    assert!(
        line.decision_ground_reference_url
            .as_deref()
            .is_some_and(|u| u.ends_with("#reviews-no-prices")),
        "{line:?}"
    );
    assert_eq!(line.category, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC");
    let codes: Vec<&str> = statement["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["prices/amount"]);
}

/// A record that restricts nothing and that a later decision replaced (the engine's hold of a
/// comment a moderator has decided since; an appeal decided since) has no statement of reasons
/// and cannot be appealed: both answers are `409 superseded` and name the decision that stands,
/// with the link to its statement when it has one.
#[tokio::test]
async fn a_superseded_record_names_the_decision_that_stands() {
    let api = api();
    let held = |id: &str| json!({"id": id, "kind": "review", "lang": "en", "body": UNTITLED});
    let superseded = |reply: &Reply, current: &str| -> Value {
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text());
        assert_eq!(reply.error_code(), "superseded", "{}", reply.text());
        let named = reply.json()["error"]["current"].clone();
        assert_eq!(named["id"], current, "{}", reply.text());
        assert!(reply.text().contains(current), "{}", reply.text());
        named
    };

    // Held for a moderator, then rejected by Sara: her rejection stands, with its statement.
    let queued = api.moderate(held("s-1")).await["decision_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let rejection = api
        .decided(
            SARA,
            &queued,
            json!({"action": "reject", "codes": ["review/missing-title"]}),
        )
        .await;
    let link = format!("/v1/decisions/{rejection}/statement");
    for reply in [
        api.statement_reply(&queued).await,
        api.appeal_reply(&queued, "Please look again.").await,
    ] {
        let named = superseded(&reply, &rejection);
        assert_eq!(named["status"], "not-published", "{named}");
        assert_eq!(named["action"], "reject", "{named}");
        assert_eq!(named["statement"], link.as_str(), "{named}");
        assert!(reply.text().contains(&link), "{}", reply.text());
    }
    assert!(
        api.appeal_reply(&queued, "Please look again.")
            .await
            .text()
            .contains("appeal that decision instead")
    );
    let s = api.statement(&rejection).await;
    assert_eq!(s["kind"], "restriction", "{s}");

    // Her rejection appealed and lifted by Omid: the lodged appeal and the hold both name
    // Omid's outcome; the rejection's standing links to the outcome's statement.
    let lodged = api.appeal(&rejection, "The title is optional.").await;
    let outcome = api
        .decided(OMID, &lodged, json!({"action": "approve"}))
        .await;
    let outcome_link = format!("/v1/decisions/{outcome}/statement");
    for id in [&queued, &lodged] {
        let named = superseded(&api.statement_reply(id).await, &outcome);
        assert_eq!(named["stage"], "appeal", "{named}");
        assert_eq!(named["status"], "published", "{named}");
        assert_eq!(named["statement"], outcome_link.as_str(), "{named}");
    }
    let appealed_hold = api.appeal_reply(&queued, "Again.").await;
    superseded(&appealed_hold, &outcome);
    assert!(
        appealed_hold.text().contains("internal procedure ended"),
        "{}",
        appealed_hold.text()
    );
    let s = api.statement(&rejection).await;
    assert_eq!(s["standing"]["status"], "lifted", "{s}");
    assert_eq!(s["standing"]["statement"], outcome_link.as_str(), "{s}");

    // Held, then approved by Sara: her approval stands and restricts nothing.
    let queued = api.moderate(held("s-2")).await["decision_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let approval = api
        .decided(SARA, &queued, json!({"action": "approve"}))
        .await;
    let reply = api.statement_reply(&queued).await;
    let named = superseded(&reply, &approval);
    assert_eq!(named["status"], "published", "{named}");
    assert!(named["statement"].is_null(), "{named}");
    assert!(
        reply.text().contains("restricts nothing"),
        "{}",
        reply.text()
    );
    let reply = api.appeal_reply(&queued, "Please look again.").await;
    superseded(&reply, &approval);
    assert!(
        reply.text().contains("nothing to appeal"),
        "{}",
        reply.text()
    );

    // A hold nobody has decided yet still says it waits.
    let waiting = api.moderate(held("s-3")).await["decision_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = api.statement_reply(&waiting).await;
    assert_eq!(reply.error_code(), "no-statement", "{}", reply.text());
}

/// The kind of comment is written with the right words in every language: its article in the
/// export's English facts ("A product review", "An answer"), its noun in each statement.
#[tokio::test]
async fn each_kind_of_comment_is_named_correctly_in_every_language() {
    let api = api();
    let phone = [
        ("fa", "برای هماهنگی به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید"),
        ("en", "Call me on +49 151 23456789 for details."),
        ("fr", "Appelez-moi au +33 6 12 34 56 78 pour les détails."),
        ("de", "Ruft mich unter +49 151 23456789 an für Details."),
    ];
    let kinds = [
        ("review", "A product review in language"),
        ("question", "A product question in language"),
        ("answer", "An answer to a product question in language"),
    ];
    // The subject line names the kind as the author's: "your answer".
    let named = |lang: &str, kind: usize| -> &str {
        match lang {
            "fa" => ["نظر شما", "پرسش شما", "پاسخ شما"][kind],
            "fr" => ["votre avis", "votre question", "votre réponse"][kind],
            "de" => ["Ihre Bewertung", "Ihre Frage", "Ihre Antwort"][kind],
            _ => ["Your review", "Your question", "Your answer"][kind],
        }
    };
    for (lang, body) in phone {
        for (k, (kind, opening)) in kinds.iter().enumerate() {
            let result = api
                .moderate(
                    json!({"id": format!("k-{lang}-{kind}"), "kind": kind, "lang": lang,
                                 "product": "p-7", "title": "Contact", "body": body}),
                )
                .await;
            assert_eq!(result["verdict"], "reject", "{lang} {kind}: {result}");
            let id = result["decision_id"].as_str().unwrap();
            let facts = api.exported(id).decision_facts;
            assert!(
                facts.starts_with(&format!("{opening} {lang} was not published.")),
                "{lang} {kind}: {facts}"
            );
            let s = api.statement(id).await;
            let subject = s["subject"].as_str().unwrap();
            assert!(subject.contains(named(lang, k)), "{lang} {kind}: {subject}");
        }
    }
}
