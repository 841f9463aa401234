//! A comment published with parts removed is restricted too (DSA Art. 17(1)(a)): a moderator's
//! `edit-approve` that takes out what a rule forbids has a statement of reasons in the comment's
//! language listing the changes and the clauses, is exported to the Transparency Database, and
//! can be appealed; so is the engine's repair that removes content (`style/emoji`: an emoji is
//! the author's meaning); the engine's repairs of form (spacing, letter forms) are not
//! restrictions.

use crate::support;

use axum::http::StatusCode;
use davar_server::compliance::figures::figures;
use davar_server::compliance::sor::{exportable, sor_statement};
use davar_server::compliance::statement::{removes_parts, statement};
use davar_server::decision::DecisionRecord;
use serde_json::{Value, json};
use support::{CLIENT, OMID, QueueApi as Api, SARA, sources_now};

fn api() -> Api {
    Api::over(sources_now(), None)
}

impl Api {
    /// Lodges the author's appeal against `id`, which Omid decides by publishing the comment as
    /// written: the outcome's statement, which reverses the decision, and the statement of `id`,
    /// which stands lifted.
    async fn reversed_as_written(&self, id: &str, text: &str) -> (Value, Value) {
        let appeal = self.appeal(id, text).await;
        self.claim(&appeal, OMID).await;
        let approved = self
            .decide(&appeal, OMID, json!({"action": "approve"}))
            .await;
        assert_eq!(approved.status, StatusCode::OK, "{}", approved.text());
        let s = self
            .statement_reply(approved.json()["id"].as_str().unwrap())
            .await
            .json();
        assert_eq!(s["kind"], "appeal-reversed", "{s}");
        let original = self.statement_reply(id).await.json();
        assert_eq!(original["standing"]["status"], "lifted", "{original}");
        (s, original)
    }

    /// `comment` moderated, queued for a person, claimed by `key` and edit-approved with
    /// `body`: the record of the edit.
    async fn edited(&self, comment: Value, key: &str, body: &str) -> Value {
        let result = support::moderate_as(&self.router, CLIENT, comment).await;
        assert_eq!(result["verdict"], "review", "{result}");
        let item = result["decision_id"].as_str().unwrap().to_owned();
        let claimed = self.claim(&item, key).await;
        assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
        let decided = self
            .decide(&item, key, json!({"action": "edit-approve", "body": body}))
            .await;
        assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
        decided.json()
    }
}

/// Checks `s`, the statement of a publication with parts removed, in `lang`: a restriction whose
/// changes remove `removed` from the body, whose first fact is a violation of `code` and whose
/// first ground is a versioned clause ending with `anchor`, detected by automated means and
/// decided as `decided` says, with an appeal deadline; its text opens with `opening` and cites
/// the clause and the appeal route. The clause's URL.
fn partly_removed(
    s: &Value,
    lang: &str,
    removed: &str,
    (code, anchor): (&str, &str),
    decided: &str,
    opening: &str,
) -> String {
    assert_eq!(s["kind"], "restriction", "{s}");
    assert_eq!(s["lang"], lang);
    let changes = s["changes"].as_array().expect("changes");
    assert!(
        changes
            .iter()
            .any(|c| c["field"] == "body" && c["removed"].as_str().unwrap().contains(removed)),
        "the part removed is listed: {s}"
    );
    assert_eq!(s["facts"][0]["code"], code, "{s}");
    let url = s["grounds"][0]["url"].as_str().unwrap();
    assert!(url.ends_with(anchor), "{url}");
    assert!(s["grounds"][0]["version"].as_u64().is_some(), "{s}");
    assert_eq!(s["automated_detection"], true);
    assert_eq!(s["automated_decision"], decided);
    let appeal = &s["redress"]["appeal"];
    assert!(appeal["open_until"].is_string(), "the deadline: {s}");
    let text: Vec<&str> = s["text"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(text[0].starts_with(opening), "{lang}: {}", text[0]);
    assert!(
        text.iter().any(|p| p.contains(url)),
        "the clause is cited: {text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains(appeal["url"].as_str().unwrap())),
        "the appeal route is offered: {text:?}"
    );
    url.to_owned()
}

/// The Transparency Database line of stored record `id`, a publication with parts removed
/// grounded on the clause at `url`: valid against the schema, `DECISION_VISIBILITY_OTHER`
/// saying parts were removed, and without the text `removed`.
fn partly_removed_export(
    api: &Api,
    validator: &jsonschema::Validator,
    id: &str,
    removed: &str,
    url: &str,
) -> Value {
    let stored = api.stored(id);
    assert!(exportable(&stored));
    let sor = sor_statement(&api.published(), &stored).expect("exports");
    let line = serde_json::to_value(&sor).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&line)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{line}: {errors:?}");
    assert_eq!(sor.decision_visibility, ["DECISION_VISIBILITY_OTHER"]);
    assert!(
        sor.decision_visibility_other
            .as_deref()
            .is_some_and(|o| o.contains("parts removed")),
        "{line}"
    );
    assert_eq!(sor.puid, id);
    assert_eq!(sor.decision_ground_reference_url.as_deref(), Some(url));
    assert!(!line.to_string().contains(removed), "{line}");
    line
}

/// A review in each storefront language whose link to another page of the site waits for a
/// person (`links/own-site`, severity `review`), the part a moderator removes, and the
/// statement's first words in that language.
const LINKED: [(&str, &str, &str, &str); 4] = [
    (
        "fa",
        "گوشی خوبی است. عکس‌های بیشتر در chaharsu.example/p/123 هست.",
        "chaharsu.example/p/123",
        "در ",
    ),
    (
        "en",
        "Solid phone. More photos at chaharsu.example/p/123 for anyone curious.",
        "chaharsu.example/p/123",
        "On ",
    ),
    (
        "fr",
        "Bon téléphone. Plus de photos sur chaharsu.example/p/123 pour les curieux.",
        "chaharsu.example/p/123",
        "Le ",
    ),
    (
        "de",
        "Gutes Telefon. Mehr Fotos auf chaharsu.example/p/123 für Neugierige.",
        "chaharsu.example/p/123",
        "Am ",
    ),
];

#[tokio::test]
async fn a_moderators_edit_that_removes_a_forbidden_part_is_a_restriction_with_statement_export_and_appeal()
 {
    let api = api();
    let validator = support::dsa_schema();
    let mut edits = Vec::new();
    for (i, (lang, body, removed, opening)) in LINKED.iter().enumerate() {
        let kept: String = body.replace(removed, "").replace("  ", " ");
        let record = api
            .edited(
                json!({"id": format!("e-{i}"), "kind": "review", "lang": lang,
                       "title": "Phone", "body": body}),
                SARA,
                &kept,
            )
            .await;
        assert_eq!(record["action"], "edit-approve", "{record}");
        let id = record["id"].as_str().unwrap().to_owned();
        let codes: Vec<&str> = record["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["code"].as_str().unwrap())
            .collect();
        assert_eq!(
            codes,
            ["links/own-site"],
            "the edit removed the link: {record}"
        );

        let reply = api.statement_reply(&id).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        let s = reply.json();
        let url = partly_removed(
            &s,
            lang,
            removed,
            ("links/own-site", "#reviews-no-links"),
            "not-automated",
            opening,
        );
        // The Transparency Database export: a partial removal, no text of the author's.
        let line = partly_removed_export(&api, &validator, &id, removed, &url);
        assert_eq!(
            line["automated_decision"], "AUTOMATED_DECISION_NOT_AUTOMATED",
            "{line}"
        );
        edits.push((id, kept));
    }

    // The schema refuses `DECISION_VISIBILITY_OTHER` without saying what it was.
    let stored = api.stored(&edits[0].0);
    let mut bare = serde_json::to_value(sor_statement(&api.published(), &stored).unwrap()).unwrap();
    bare.as_object_mut()
        .unwrap()
        .remove("decision_visibility_other");
    assert!(!validator.is_valid(&bare), "{bare}");

    // The author appeals the English edit; Omid may not make it a rejection, and keeps the
    // edit: the appeal is upheld.
    let (id, kept) = &edits[1];
    // Only the storefront's client key lodges an appeal, for the author.
    for key in [SARA, OMID] {
        let refused = api
            .call(
                "POST",
                &format!("/v1/decisions/{id}/appeal"),
                key,
                Some(json!({"text": "A moderator writing for the author."})),
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text());
        assert_eq!(refused.error_code(), "forbidden");
        assert!(refused.text().contains("client key"), "{}", refused.text());
    }
    let appeal = api
        .appeal(id, "The link only shows more photos of the phone.")
        .await;
    let own = api.claim(&appeal, SARA).await;
    assert_eq!(own.error_code(), "own-decision", "{}", own.text());
    let claimed = api.claim(&appeal, OMID).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    let heavier = api
        .decide(
            &appeal,
            OMID,
            json!({"action": "reject", "codes": ["links/own-site"]}),
        )
        .await;
    assert_eq!(
        heavier.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        heavier.text()
    );
    assert_eq!(heavier.error_field().as_deref(), Some("action"));
    let kept_edit = api
        .decide(
            &appeal,
            OMID,
            json!({"action": "edit-approve", "body": kept}),
        )
        .await;
    assert_eq!(kept_edit.status, StatusCode::OK, "{}", kept_edit.text());
    let outcome = kept_edit.json()["id"].as_str().unwrap().to_owned();
    let s = api.statement_reply(&outcome).await.json();
    assert_eq!(s["kind"], "appeal-upheld", "{s}");
    let original = api.statement_reply(id).await.json();
    assert_eq!(original["standing"]["status"], "upheld", "{original}");
    assert!(original["redress"]["appeal"].is_null(), "{original}");

    // The French edit is appealed and reversed: published as written.
    let (id, _) = &edits[2];
    let original = api
        .reversed_as_written(id, "Le lien montre seulement des photos.")
        .await
        .1;
    assert_eq!(
        original["subject"], "Les modifications de votre avis ont été annulées",
        "an edit lifted is not a decision not to publish: {original}"
    );
}

#[tokio::test]
async fn the_engines_repairs_of_form_are_not_restrictions() {
    let api = api();
    // Spaces, a kashida and repeated letters (en, fa) and a half-space (fa): rules of severity
    // `fix` whose repairs change form only.
    for (i, (lang, title, body)) in [
        ("en", "Good phone", "Battery lasts   two days , sooooo good"),
        ("fa", "گوشی خوب", "این گوشی خیلی خوب کار می کند"),
        ("fa", "گوشی عالـــی", "باتری خیلیییی خوب است"),
    ]
    .into_iter()
    .enumerate()
    {
        let result = support::moderate_as(
            &api.router,
            CLIENT,
            json!({"id": format!("f-{i}"), "kind": "review", "lang": lang,
                   "title": title, "body": body}),
        )
        .await;
        assert_eq!(result["verdict"], "fix", "{result}");
        let id = result["decision_id"].as_str().unwrap().to_owned();
        let record = api.stored(&id);
        let fixed = record.fixed.as_ref().unwrap();
        assert!(
            fixed.body != body || fixed.title.as_deref() != Some(title),
            "repaired"
        );
        assert!(
            record.violations.iter().all(|v| !v.removes_content),
            "{record:?}"
        );
        assert!(!removes_parts(&record), "{record:?}");
        assert!(!exportable(&record));
        let reply = api.statement_reply(&id).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text());
        assert_eq!(reply.error_code(), "no-statement");
        assert!(
            reply.text().contains("parts removed"),
            "names every kind of restriction: {}",
            reply.text()
        );
        let appeal = api
            .call(
                "POST",
                &format!("/v1/decisions/{id}/appeal"),
                CLIENT,
                Some(json!({"text": "Why was my text changed?"})),
            )
            .await;
        assert_eq!(appeal.status, StatusCode::CONFLICT, "{}", appeal.text());
        assert_eq!(appeal.error_code(), "not-restricted");
        assert!(appeal.text().contains("parts removed"), "{}", appeal.text());
    }
}

/// A review in each storefront language whose emoji the engine removes (`style/emoji`, a
/// repair that removes content), the emoji, and the statement's first words in that language.
const EMOJI: [(&str, &str, &str, &str); 4] = [
    ("fa", "باتری تا ظهر تمام می‌شود 👎", "👎", "در "),
    ("en", "The battery is dead by noon 👎", "👎", "On "),
    ("fr", "La batterie est vide avant midi 🤮", "🤮", "Le "),
    ("de", "Der Akku ist mittags leer 👎", "👎", "Am "),
];

#[tokio::test]
async fn the_engines_repair_removing_emoji_is_a_restriction_with_statement_export_appeal_and_figures()
 {
    let api = api();
    let validator = support::dsa_schema();
    let mut fixes = Vec::new();
    for (i, (lang, body, emoji, opening)) in EMOJI.iter().enumerate() {
        let result = api
            .judged(
                json!({"id": format!("m-{i}"), "kind": "review", "lang": lang,
                       "title": "Phone", "body": body}),
                "fix",
            )
            .await;
        assert!(
            !result["fixed"]["body"].as_str().unwrap().contains(emoji),
            "{result}"
        );
        let id = result["decision_id"].as_str().unwrap().to_owned();
        let record = api.stored(&id);
        let removed: Vec<_> = record
            .violations
            .iter()
            .filter(|v| v.removes_content)
            .collect();
        assert_eq!(removed.len(), 1, "{record:?}");
        assert_eq!(removed[0].code, "style/emoji");
        assert!(removes_parts(&record), "{record:?}");
        // The clause is cited in the comment's language, or in English when the document has
        // no version in it, and the record says so; URL, language and version agree.
        let clause = removed[0].clause.as_ref().expect("a clause");
        let written_in = api
            .compiled
            .policies
            .document(&clause.doc)
            .expect("the document")
            .languages()
            .contains(lang);
        assert!(written_in || ["fr", "de"].contains(lang), "{lang}");
        let cited = if written_in { *lang } else { "en" };
        assert_eq!(clause.lang.as_deref(), Some(cited), "{lang}: {clause:?}");
        let url = clause.url.as_deref().unwrap();
        assert!(
            url.starts_with(&format!(
                "/{cited}/{}/v{}/",
                clause.doc,
                clause.version.unwrap()
            )),
            "{lang}: {clause:?}"
        );
        assert_eq!(record.policy_versions[&clause.doc], clause.version.unwrap());
        match &clause.lang_note {
            Some(note) => {
                assert!(!written_in, "{lang}: {note}");
                assert!(note.contains(&format!("`{lang}`")), "{note}");
            }
            None => assert!(
                written_in,
                "{lang}: the record says nothing of the fallback"
            ),
        }

        let reply = api.statement_reply(&id).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        let s = reply.json();
        let url = partly_removed(
            &s,
            lang,
            emoji,
            ("style/emoji", "#reviews-style"),
            "fully",
            opening,
        );
        let facts = s["facts"].as_array().unwrap();
        assert_eq!(facts.len(), 1, "only the removal grounds it: {s}");
        assert_eq!(facts[0]["quote"], *emoji);
        assert_eq!(facts[0]["field"], "body");
        let at = body.chars().position(|c| c.to_string() == *emoji).unwrap();
        assert_eq!(facts[0]["start"], at, "{s}");
        assert_eq!(facts[0]["end"], at + 1, "{s}");
        assert!(
            s["text"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p.as_str().unwrap().contains(emoji)),
            "{s}"
        );
        // The export line: a partial removal decided by automated means alone.
        let line = partly_removed_export(&api, &validator, &id, emoji, &url);
        assert_eq!(
            line["automated_decision"], "AUTOMATED_DECISION_FULLY",
            "{line}"
        );
        assert_eq!(line["automated_detection"], "Yes", "{line}");
        fixes.push((id, record));
    }

    // English: only the client key appeals; the appeal waits in the queue like any other, and
    // a moderator upholds the repair by publishing the same text.
    let (id, record) = &fixes[1];
    let refused = api
        .call(
            "POST",
            &format!("/v1/decisions/{id}/appeal"),
            SARA,
            Some(json!({"text": "A moderator writing for the author."})),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text());
    let appeal = api.appeal(id, "The thumbs down is my rating.").await;
    let listing = api.call("GET", "/v1/queue", SARA, None).await.json();
    assert!(
        listing["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == appeal.as_str()),
        "{listing}"
    );
    let claimed = api.claim(&appeal, SARA).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    // The appeal contests the part removed: it cannot end in a rejection, nor remove more.
    let heavier = api
        .decide(
            &appeal,
            SARA,
            json!({"action": "reject", "codes": ["style/emoji"]}),
        )
        .await;
    assert_eq!(
        heavier.error_field().as_deref(),
        Some("action"),
        "{}",
        heavier.text()
    );
    let more = api
        .decide(
            &appeal,
            SARA,
            json!({"action": "edit-approve", "body": "The battery is dead."}),
        )
        .await;
    assert_eq!(
        more.error_field().as_deref(),
        Some("body"),
        "{}",
        more.text()
    );
    // Sending the author's own text as the edit would have the engine's repair take the emoji
    // out again and uphold the decision while the moderator meant to change it: refused,
    // naming what the repair takes out and the two ways to decide.
    let repaired_back = api
        .decide(
            &appeal,
            SARA,
            json!({"action": "edit-approve", "title": "Phone", "body": EMOJI[1].1}),
        )
        .await;
    assert_eq!(
        repaired_back.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        repaired_back.text()
    );
    assert_eq!(repaired_back.error_code(), "edit-upholds");
    assert_eq!(repaired_back.error_field().as_deref(), Some("body"));
    for named in [
        "«👎»",
        "`approve`",
        "`edit-approve` without `title` and `body`",
    ] {
        assert!(
            repaired_back.text().contains(named),
            "{named}: {}",
            repaired_back.text()
        );
    }
    let kept = api
        .decide(&appeal, SARA, json!({"action": "edit-approve"}))
        .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.text());
    let outcome = kept.json();
    assert_eq!(outcome["appeal_outcome"], "upheld", "{outcome}");
    assert_eq!(
        outcome["edited"],
        serde_json::to_value(&record.fixed).unwrap()
    );
    let s = api
        .statement_reply(outcome["id"].as_str().unwrap())
        .await
        .json();
    assert_eq!(s["kind"], "appeal-upheld", "{s}");
    assert_eq!(s["lang"], "en");
    assert_eq!(s["facts"][0]["code"], "style/emoji", "{s}");
    assert!(
        s["text"][0].as_str().unwrap().contains("stays published"),
        "{s}"
    );
    let original = api.statement_reply(id).await.json();
    assert_eq!(original["standing"]["status"], "upheld", "{original}");
    assert!(original["redress"]["appeal"].is_null(), "{original}");

    // French: reversed by a moderator, who publishes the text as the author wrote it; the
    // reversal has its own statement.
    let (id, _) = &fixes[2];
    let (s, _) = api.reversed_as_written(id, "L'emoji est mon avis.").await;
    assert_eq!(s["lang"], "fr");
    let reversal = api.stored(s["decision_id"].as_str().unwrap());
    assert_eq!(
        reversal.appeal_outcome,
        Some(davar_server::decision::AppealVerdict::Reversed)
    );
    assert_eq!(s["appeal"]["contested_decision"], id.as_str(), "{s}");
    assert!(
        s["redress"]["appeal"].is_null(),
        "the internal procedure is over: {s}"
    );

    // The figures count the four repairs as restrictions with parts removed, decided fully by
    // automated means, beside a rejection, and every table adds up.
    api.judged(
        json!({"id": "m-9", "kind": "review", "lang": "fa", "title": "گوشی",
               "body": support::PHONE_REVIEW}),
        "reject",
    )
    .await;
    let records = api.all_records();
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
    let f = figures(
        &api.published(),
        &records,
        jiff::Timestamp::MIN,
        jiff::Timestamp::MAX,
        later,
    );
    assert_eq!(f.inconsistencies(), Vec::<String>::new(), "{f:#?}");
    assert_eq!(f.restrictions.total, 5, "{f:#?}");
    assert_eq!(f.restrictions.parts_removed, 4, "{f:#?}");
    assert_eq!(f.restrictions.by_code["style/emoji"], 4, "{f:#?}");
    assert_eq!(f.restrictions.by_code["contacts/phone"], 1, "{f:#?}");
    assert_eq!(f.restrictions.by_automated_decision["fully"], 5, "{f:#?}");
    assert_eq!(
        (
            f.appeals.received,
            f.appeals.decided,
            f.appeals.upheld,
            f.appeals.reversed
        ),
        (2, 2, 1, 1),
        "{:?}",
        f.appeals
    );
    // The published page has the table of restrictions by what they did, as the JSON and the
    // text report have them.
    let text = davar_server::compliance::figures_page::human(&f);
    assert!(
        text.contains("not published: 1, published with parts removed: 4"),
        "{text}"
    );
    let day: jiff::civil::Date = "2026-12-02".parse().unwrap();
    for (lang, removed) in [
        ("en", "published with parts removed or changed"),
        ("fa", "با حذف یا تغییر بخش‌هایی منتشر شد"),
        ("fr", "publié avec des passages retirés ou modifiés"),
        (
            "de",
            "mit entfernten oder geänderten Stellen veröffentlicht",
        ),
    ] {
        let page = davar_server::compliance::figures_page::view(&f, lang, day, day);
        let table = page.sections[0]
            .tables
            .iter()
            .find(|t| t.id == "by-outcome")
            .unwrap_or_else(|| panic!("{lang}: {page:#?}"));
        let rows: Vec<(&str, &str, u64)> = table
            .rows
            .iter()
            .map(|r| (r.key.as_str(), r.label.as_str(), r.n))
            .collect();
        assert_eq!(rows[1], ("parts-removed", removed, 4), "{lang}: {rows:?}");
        if lang == "en" {
            assert_eq!(
                page.sections[0].title,
                "Comments not published or published with parts removed"
            );
        }
        assert_eq!(rows[0].0, "not-published", "{lang}: {rows:?}");
        assert_eq!(rows[0].2, 1, "{lang}: {rows:?}");
        assert_eq!(rows.iter().map(|r| r.2).sum::<u64>(), table.total);
        assert_eq!(table.total, f.restrictions.total);
    }
}

/// A record written before violations said whether their repair removes content reads as a
/// repair of form: not a restriction. A record that says it keeps saying it when written and
/// read again (what the rule set said when it was decided, whatever the rule set says later).
#[tokio::test]
async fn a_record_without_removes_content_reads_and_is_not_a_restriction() {
    let api = api();
    let result = support::moderate_as(
        &api.router,
        CLIENT,
        json!({"id": "o-1", "kind": "review", "lang": "en", "title": "Phone",
               "body": "The battery is dead by noon 👎"}),
    )
    .await;
    let id = result["decision_id"].as_str().unwrap().to_owned();
    let record = api.stored(&id);
    assert!(removes_parts(&record));
    let mut old = serde_json::to_value(&record).unwrap();
    for v in old["violations"].as_array_mut().unwrap() {
        v.as_object_mut().unwrap().remove("removes_content");
    }
    let old: DecisionRecord = serde_json::from_value(old).expect("an old record reads");
    assert!(old.violations.iter().all(|v| !v.removes_content));
    assert!(!removes_parts(&old));
    assert!(!exportable(&old));
    assert!(statement(&api.published(), std::slice::from_ref(&old), &id).is_err());
    let again: DecisionRecord =
        serde_json::from_str(&serde_json::to_string(&record).unwrap()).unwrap();
    assert!(removes_parts(&again));
}

/// The engine's published repair is judged by the severity of what it rests on, like a
/// moderator's edit: a repair that took out a violation of a rule stricter than `fix` (what the
/// rule set forbids rather than repairs) would restrict the comment, and gets a statement
/// listing the change and an export line.
#[tokio::test]
async fn an_engine_repair_resting_on_a_forbidding_rule_would_be_a_restriction() {
    let api = api();
    let result = support::moderate_as(
        &api.router,
        CLIENT,
        json!({"id": "s-1", "kind": "review", "lang": "en", "title": "Good phone",
               "body": "Battery lasts two days 😀"}),
    )
    .await;
    let id = result["decision_id"].as_str().unwrap().to_owned();
    let mut style = api.stored(&id);
    // The repair as a rule set calling it one of form records it.
    for v in &mut style.violations {
        v.removes_content = false;
    }
    assert!(!removes_parts(&style));
    // The same repair with the rule set calling the emoji a violation to review.
    let mut forbidding = style.clone();
    for v in &mut forbidding.violations {
        if v.code == "style/emoji" {
            v.severity = davar_moderation::Severity::Review;
        }
    }
    assert!(removes_parts(&forbidding));
    assert!(exportable(&forbidding));
    let s = statement(&api.published(), std::slice::from_ref(&forbidding), &id).unwrap();
    assert_eq!(s.facts.len(), 1, "{s:?}");
    assert_eq!(s.facts[0].code, "style/emoji");
    assert!(s.changes.iter().any(|c| c.removed.contains('😀')), "{s:?}");
    assert_eq!(
        s.automated_decision,
        davar_server::decision::AutomatedDecision::Fully
    );
    assert!(s.redress.appeal.is_some());
    let sor = sor_statement(&api.published(), &forbidding).unwrap();
    let line = serde_json::to_value(&sor).unwrap();
    assert!(support::dsa_schema().is_valid(&line), "{line}");
    assert!(!line.to_string().contains('😀'), "{line}");
}

#[tokio::test]
async fn a_rejection_reversed_with_edits_on_appeal_is_amended_not_lifted() {
    let api = api();
    let result = support::moderate_as(
        &api.router,
        CLIENT,
        json!({"id": "r-1", "kind": "review", "lang": "en", "title": "Phone",
               "body": "Works well, call me on +49 151 23456789 for a second one."}),
    )
    .await;
    assert_eq!(result["verdict"], "reject", "{result}");
    let rejection = result["decision_id"].as_str().unwrap().to_owned();
    let appeal = api
        .appeal(&rejection, "Please publish it without the number.")
        .await;
    api.claim(&appeal, OMID).await;
    let decided = api
        .decide(
            &appeal,
            OMID,
            json!({"action": "edit-approve", "body": "Works well."}),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
    let outcome = decided.json()["id"].as_str().unwrap().to_owned();
    let s = api.statement_reply(&outcome).await.json();
    assert_eq!(s["kind"], "appeal-reversed", "{s}");
    assert_eq!(s["facts"][0]["code"], "contacts/phone", "{s}");
    let original = api.statement_reply(&rejection).await.json();
    assert_eq!(original["standing"]["status"], "amended", "{original}");
    assert_eq!(original["standing"]["decision_id"], outcome.as_str());
    let text = original["text"].to_string();
    assert!(!text.contains("no longer applies"), "{text}");
    assert!(text.contains("published with changes"), "{text}");
    assert!(
        text.contains(&outcome),
        "points to the outcome's statement: {text}"
    );
    assert_ne!(
        original["subject"],
        "The decision not to publish your review was reversed"
    );
}

/// Lodges the author's appeal against `id` and has Omid claim it: the appeal's id.
async fn appealed_to_omid(api: &Api, id: &str) -> String {
    let appeal = api.appeal(id, "The link only shows more photos.").await;
    let claimed = api.claim(&appeal, OMID).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    appeal
}

#[tokio::test]
async fn an_upheld_edit_says_the_comment_stays_published_with_the_changes_in_every_language() {
    let api = api();
    // (language, words of the upheld edit, words of an upheld rejection)
    let said = [
        ("fa", "منتشر می‌ماند", "منتشر نمی‌شود"),
        (
            "en",
            "stays published with the changes shown",
            "is not published",
        ),
        ("fr", "nous continuons de publier", "nous ne publions pas"),
        (
            "de",
            "bleibt mit den angegebenen",
            "wird nicht veröffentlicht",
        ),
    ];
    for (i, ((lang, body, removed, _), (said_lang, stays, not_published))) in
        LINKED.iter().zip(said).enumerate()
    {
        assert_eq!(*lang, said_lang);
        let kept: String = body.replace(removed, "").replace("  ", " ");
        let record = api
            .edited(
                json!({"id": format!("u-{i}"), "kind": "review", "lang": lang,
                       "title": "Phone", "body": body}),
                SARA,
                &kept,
            )
            .await;
        let id = record["id"].as_str().unwrap().to_owned();
        let appeal = appealed_to_omid(&api, &id).await;
        let decided = api
            .decide(
                &appeal,
                OMID,
                json!({"action": "edit-approve", "body": kept}),
            )
            .await;
        assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
        let s = api
            .statement_reply(decided.json()["id"].as_str().unwrap())
            .await
            .json();
        assert_eq!(s["kind"], "appeal-upheld", "{s}");
        let first = s["text"][0].as_str().unwrap();
        assert!(first.contains(stays), "{lang}: {first}");
        assert!(!first.contains(not_published), "{lang}: {first}");
        assert!(
            s["text"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p.as_str().unwrap().contains(removed)),
            "{lang}: the changes are shown: {s}"
        );
    }
}

#[tokio::test]
async fn an_appeal_against_an_edit_cannot_remove_more_but_can_restore_parts() {
    let api = api();
    let body = "Solid phone. More photos at chaharsu.example/p/123 for anyone curious.";
    // Sara removes the link and the words before it.
    let kept = "Solid phone. for anyone curious.";
    let record = api
        .edited(
            json!({"id": "h-1", "kind": "review", "lang": "en", "title": "Phone",
                   "body": body}),
            SARA,
            kept,
        )
        .await;
    let id = record["id"].as_str().unwrap().to_owned();
    let appeal = appealed_to_omid(&api, &id).await;
    for (field, heavier) in [
        (
            "body",
            json!({"action": "edit-approve", "body": "Solid phone."}),
        ),
        (
            "title",
            json!({"action": "edit-approve", "title": "Phon", "body": kept}),
        ),
    ] {
        let refused = api
            .call(
                "POST",
                &format!("/v1/queue/{appeal}/decision"),
                OMID,
                Some(heavier),
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.text()
        );
        assert_eq!(refused.error_field().as_deref(), Some(field));
        let text = refused.text();
        assert!(
            text.contains("not remove more") && text.contains("new decision"),
            "{text}"
        );
    }
    // Restoring the words Sara removed, still without the link, is a lighter outcome.
    let restored = api
        .decide(
            &appeal,
            OMID,
            json!({"action": "edit-approve",
                        "body": "Solid phone. More photos for anyone curious."}),
        )
        .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.text());
    let s = api
        .statement_reply(restored.json()["id"].as_str().unwrap())
        .await
        .json();
    assert_eq!(s["kind"], "appeal-reversed", "{s}");
}

/// A statement quotes at most ten places of one rule, as the record lists them, and says how
/// many more there are, in the comment's language: "and 1 more" for eleven emoji, "and 2 more"
/// for twelve.
#[tokio::test]
async fn a_statement_counts_the_places_it_does_not_quote() {
    let api = api();
    let said = [
        (
            "en",
            "And 1 more place of the same kind",
            "And 2 more places of the same kind",
        ),
        (
            "fr",
            "Et 1 autre passage du même type",
            "Et 2 autres passages du même type",
        ),
        (
            "de",
            "Und 1 weitere Stelle dieser Art",
            "Und 2 weitere Stellen dieser Art",
        ),
        (
            "fa",
            "و ۱ مورد دیگر از همین نوع",
            "و ۲ مورد دیگر از همین نوع",
        ),
    ];
    for (i, (lang, one, two)) in said.iter().enumerate() {
        for (emoji, more, sentence) in [(11, 1, one), (12, 2, two)] {
            // Words that differ, so that only the emoji are found (a word said three times
            // in a row is `style/repeated-words`).
            let words = if *lang == "fa" {
                "خوب عالی زیبا محکم سبک ارزان سریع تمیز نرم قوی ساده کامل"
            } else {
                "one two three four five six seven eight nine ten eleven twelve"
            };
            let body: Vec<String> = words
                .split(' ')
                .take(emoji)
                .map(|w| format!("{w} 👍"))
                .collect();
            let body = body.join(" ");
            let result = api
                .judged(
                    json!({"id": format!("n-{i}-{emoji}"), "kind": "review", "lang": lang,
                           "title": "Phone", "body": body}),
                    "fix",
                )
                .await;
            let id = result["decision_id"].as_str().unwrap();
            let s = api.statement(id).await;
            assert_eq!(s["facts"].as_array().unwrap().len(), 10, "{lang}: {s}");
            assert_eq!(
                s["omitted_facts"],
                json!({"style/emoji": more}),
                "{lang}: {s}"
            );
            let text: Vec<&str> = s["text"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            // Right after the ten facts, with the rule's explanation.
            let at = text
                .iter()
                .position(|p| p.starts_with(*sentence))
                .unwrap_or_else(|| panic!("{lang}, {emoji} emoji: {text:#?}"));
            assert!(text[at - 1].contains("👍"), "{lang}: {text:#?}");
            assert!(
                text[at].ends_with(s["facts"][0]["explanation"].as_str().unwrap()),
                "{lang}: {text:#?}"
            );
            // Every one of the places is a change the statement lists.
            assert_eq!(s["changes"].as_array().unwrap().len(), emoji, "{lang}: {s}");
        }
    }

    // A moderator publishing the engine's repair removes the places counted too.
    let body = "one 👍 two 👍 three 👍 four 👍 five 👍 six 👍 seven 👍 eight 👍 nine 👍 ten 👍 \
                eleven 👍 twelve 👍";
    let held = api
        .judged(
            json!({"id": "n-held", "kind": "review", "lang": "en", "body": body}),
            "review",
        )
        .await;
    let item = held["decision_id"].as_str().unwrap();
    let claimed = api.claim(item, SARA).await;
    assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.text());
    let edit = api
        .decide(item, SARA, json!({"action": "edit-approve"}))
        .await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.text());
    let s = api.statement(edit.json()["id"].as_str().unwrap()).await;
    assert_eq!(s["omitted_facts"], json!({"style/emoji": 2}), "{s}");
    assert!(
        s["text"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.as_str().unwrap().starts_with("And 2 more places")),
        "{s}"
    );
}
