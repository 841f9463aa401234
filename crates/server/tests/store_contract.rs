//! What every store promises, checked on SQLite (a file) and, when `DAVAR_TEST_POSTGRES_URL` is
//! set, on PostgreSQL: atomic check-and-insert of questions under concurrency, near-duplicates
//! found through the band index, forgetting, append-only records with idempotent first records,
//! claims that two moderators never both win, a decision that closes its item, and queue
//! filters that match a rule code literally.

use std::sync::{Arc, Barrier};

use davar_moderation::{QuestionProbe, question_key};
use davar_server::decision::{
    Action, AutomatedDecision, CommentSnapshot, DecisionRecord, ENGINE, RecordedViolation,
    RuleSetRef, Stage, new_decision_id,
};
use davar_server::store::{Appended, Claim, Decide, QueueFilter};
use davar_server::{ServerStore, StoreUrl};
use jiff::{SignedDuration, Timestamp};

/// A unique prefix so runs sharing a PostgreSQL database never meet.
fn run_id() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        Timestamp::now().as_nanosecond()
    )
}

fn stores() -> Vec<(
    tokio::runtime::Runtime,
    Arc<dyn ServerStore>,
    tempfile::TempDir,
)> {
    let mut out = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let urls = {
        let mut urls = vec![format!("sqlite://{}", dir.path().join("s.db").display())];
        match std::env::var("DAVAR_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => urls.push(url),
            _ => eprintln!("PostgreSQL part skipped: DAVAR_TEST_POSTGRES_URL is not set"),
        }
        urls
    };
    for url in urls {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let parsed: StoreUrl = url.parse().unwrap();
        let store = runtime.block_on(parsed.open()).unwrap();
        out.push((runtime, store, tempfile::tempdir().unwrap()));
    }
    drop(dir);
    out
}

fn probe(product: &str, text: &str, id: &str) -> QuestionProbe {
    QuestionProbe {
        id: Some(id.to_owned()),
        ..QuestionProbe::new(product, question_key(text))
    }
}

fn similar(a: &str, b: &str) -> bool {
    a == b || a.replace(' ', "") == b.replace(' ', "")
}

#[test]
fn concurrent_identical_questions_are_accepted_once() {
    for (_rt, store, _dir) in stores() {
        let product = format!("race-{}", run_id());
        let threads = 8;
        let barrier = Arc::new(Barrier::new(threads));
        let accepted: usize = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|i| {
                    let (store, barrier, product) =
                        (store.clone(), barrier.clone(), product.clone());
                    s.spawn(move || {
                        let p = probe(&product, "این کوله ضد آب است؟", &format!("q{i}"));
                        barrier.wait();
                        let dup = store
                            .check_and_record(&product, &p, &|q| similar(&q.key, &p.key), true)
                            .unwrap();
                        usize::from(dup.is_none())
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum()
        });
        assert_eq!(
            accepted,
            1,
            "{}: exactly one of {threads} accepted",
            store.describe()
        );
    }
}

#[test]
fn concurrent_identical_retries_store_one_first_record() {
    for (_rt, store, _dir) in stores() {
        let comment = format!("race-{}", run_id());
        let threads = 8;
        let barrier = Arc::new(Barrier::new(threads));
        let answers: Vec<Appended> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    let (store, barrier, comment) =
                        (store.clone(), barrier.clone(), comment.clone());
                    s.spawn(move || {
                        let r = record(Some(&comment), Action::Queue);
                        barrier.wait();
                        store.append_first(&r, Some(0)).unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let new = answers
            .iter()
            .filter(|a| matches!(a, Appended::New(_)))
            .count();
        assert_eq!(new, 1, "{}: exactly one record stored", store.describe());
        let first = answers[0].record().id.clone();
        assert!(
            answers.iter().all(|a| a.record().id == first),
            "{answers:?}"
        );
    }
}

#[test]
fn near_duplicates_are_found_through_bands_and_forgotten_questions_leave() {
    for (_rt, store, _dir) in stores() {
        let product = format!("near-{}", run_id());
        let first = probe(&product, "آیا این گوشی ضد آب است؟", "q1");
        assert!(
            store
                .check_and_record(&product, &first, &|_| true, true)
                .unwrap()
                .is_none()
        );
        // Spacing changed: another key, found as a candidate through a shared band.
        let spaced = probe(&product, "این گوشی ضدآب است؟", "q2");
        assert_ne!(spaced.key, first.key);
        let found = store
            .check_and_record(&product, &spaced, &|q| similar(&q.key, &spaced.key), true)
            .unwrap()
            .expect("a candidate");
        assert_eq!(found.id.as_deref(), Some("q1"));
        // A dry run finds the same and stores nothing.
        let other = probe(&product, "باتری چند ساعت دوام دارد؟", "q3");
        assert!(
            store
                .check_and_record(&product, &other, &|_| true, false)
                .unwrap()
                .is_none()
        );
        assert!(
            store
                .check_and_record(&product, &other, &|_| true, false)
                .unwrap()
                .is_none()
        );
        // Another product never meets these questions.
        let elsewhere = probe("another-product", "آیا این گوشی ضد آب است؟", "q4");
        let seen = store
            .check_and_record(
                "another-product",
                &elsewhere,
                &|q| q.id.as_deref() == Some("q1"),
                false,
            )
            .unwrap();
        assert!(seen.is_none());
        store.forget(&product, &first.key).unwrap();
        assert!(
            store
                .check_and_record(&product, &spaced, &|_| true, false)
                .unwrap()
                .is_none(),
            "{}: forgotten",
            store.describe()
        );
    }
}

fn record(comment_id: Option<&str>, action: Action) -> DecisionRecord {
    let id = new_decision_id();
    let now = Timestamp::now();
    DecisionRecord {
        root: id.clone(),
        id,
        follows: None,
        stage: Stage::Engine,
        comment: CommentSnapshot {
            id: comment_id.map(str::to_owned),
            kind: davar_moderation::Kind::Review,
            lang: "en".to_owned(),
            product: Some("p".to_owned()),
            author: None,
            title: None,
            body: "text".to_owned(),
        },
        content_date: now,
        submitted_at: now,
        decided_at: now,
        verdict: davar_moderation::Verdict::Review,
        action,
        violations: Vec::new(),
        omitted_violations: std::collections::BTreeMap::new(),
        ruleset: RuleSetRef {
            id: "reviews.default@1".to_owned(),
            name: "reviews.default".to_owned(),
            version: 1,
            hash: "0".repeat(64),
        },
        policy_versions: Default::default(),
        decided_by: ENGINE.to_owned(),
        automated_decision: AutomatedDecision::Fully,
        automated_detection: true,
        note: None,
        fixed: None,
        edited: None,
        appeal_text: None,
        appeal_outcome: None,
    }
}

#[test]
fn first_records_are_idempotent_and_chains_read_in_order() {
    for (_rt, store, _dir) in stores() {
        let comment = format!("c-{}", run_id());
        let first = record(Some(&comment), Action::Queue);
        assert!(matches!(
            store.append_first(&first, Some(0)).unwrap(),
            Appended::New(_)
        ));
        let retry = record(Some(&comment), Action::Queue);
        match store.append_first(&retry, Some(0)).unwrap() {
            Appended::Existing(r) => assert_eq!(r, first),
            other => panic!("a retry must find the first record: {other:?}"),
        }
        assert_eq!(store.record(&first.id).unwrap().as_ref(), Some(&first));
        assert!(
            store.record(&retry.id).unwrap().is_none(),
            "the retry stored nothing"
        );
        let mut later = record(Some(&comment), Action::Reject);
        later.stage = Stage::Review;
        later.root = first.id.clone();
        later.follows = Some(first.id.clone());
        later.decided_at = first.decided_at + SignedDuration::from_secs(1);
        store.append(&later, None).unwrap();
        let chain = store.chain(&first.id).unwrap();
        assert_eq!(chain, vec![first.clone(), later.clone()]);
        let window = store
            .decided_between(
                first.decided_at,
                later.decided_at + SignedDuration::from_secs(1),
                None,
                10,
            )
            .unwrap();
        assert!(window.contains(&first) && window.contains(&later));
        let after = store
            .decided_between(
                first.decided_at,
                later.decided_at + SignedDuration::from_secs(1),
                Some(&first.id),
                10,
            )
            .unwrap();
        assert!(!after.contains(&first) && after.contains(&later));
    }
}

#[test]
fn two_moderators_claiming_at_once_get_different_items() {
    for (_rt, store, _dir) in stores() {
        let lang = format!("x{}", run_id().replace('-', ""));
        let mut items = Vec::new();
        for _ in 0..2 {
            let mut r = record(None, Action::Queue);
            r.comment.lang = lang.clone();
            store.append_first(&r, Some(0)).unwrap();
            items.push(r.id);
        }
        let filter = QueueFilter {
            lang: Some(lang.clone()),
            ..QueueFilter::default()
        };
        let now = Timestamp::now();
        let until = now + SignedDuration::from_secs(600);
        let barrier = Arc::new(Barrier::new(3));
        let claims: Vec<Claim> = std::thread::scope(|s| {
            let handles: Vec<_> = ["sara", "omid", "leila"]
                .into_iter()
                .map(|who| {
                    let (store, barrier, filter) = (store.clone(), barrier.clone(), filter.clone());
                    s.spawn(move || {
                        barrier.wait();
                        store.queue_claim(None, &filter, who, now, until).unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut won: Vec<String> = claims
            .iter()
            .filter_map(|c| match c {
                Claim::Claimed(item) => Some(item.id.clone()),
                _ => None,
            })
            .collect();
        won.sort();
        items.sort();
        assert_eq!(
            won,
            items,
            "{}: each item claimed once: {claims:?}",
            store.describe()
        );
        assert!(claims.contains(&Claim::Empty));
        // Deciding needs the claim and closes the item.
        let item = store.queue_item(&items[0]).unwrap().unwrap();
        let holder = item.claimed_by.clone().unwrap();
        let mut decision = record(None, Action::Reject);
        decision.root = item.record.root.clone();
        decision.follows = Some(item.id.clone());
        decision.stage = Stage::Review;
        let stranger = if holder == "sara" { "omid" } else { "sara" };
        assert!(matches!(
            store.queue_decide(&item.id, stranger, &decision).unwrap(),
            Decide::NotClaimed { .. }
        ));
        // A decision taken after the claim lapsed is refused; the item stays open.
        let late = DecisionRecord {
            decided_at: until + SignedDuration::from_secs(1),
            ..decision.clone()
        };
        let refused = store.queue_decide(&item.id, &holder, &late).unwrap();
        assert!(
            matches!(refused, Decide::Lapsed { at } if at.duration_since(until).abs() < SignedDuration::from_millis(1)),
            "{}: {refused:?}",
            store.describe()
        );
        assert!(matches!(
            store.queue_decide(&item.id, &holder, &decision).unwrap(),
            Decide::Done(_)
        ));
        assert_eq!(
            store.queue_decide(&item.id, &holder, &decision).unwrap(),
            Decide::Decided
        );
        let pending = store.queue_pending(&filter, 10).unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!(store.chain(&item.record.root).unwrap().len(), 2);
    }
}

#[test]
fn the_same_comment_id_with_other_content_is_a_new_first_record() {
    for (_rt, store, _dir) in stores() {
        let comment = format!("e-{}", run_id());
        let first = record(Some(&comment), Action::Queue);
        store.append_first(&first, Some(0)).unwrap();
        let mut edited = record(Some(&comment), Action::Reject);
        edited.comment.body = "call +49 151 23456789".to_owned();
        let mut elsewhere = record(Some(&comment), Action::Queue);
        elsewhere.comment.product = Some("another product".to_owned());
        for other in [&edited, &elsewhere] {
            match store.append_first(other, None).unwrap() {
                Appended::New(r) => assert_eq!(&r, other, "{}", store.describe()),
                found => panic!("other content must not find the first record: {found:?}"),
            }
            assert_eq!(store.record(&other.id).unwrap().as_ref(), Some(other));
        }
        // A retry of the edited content finds the edited record, not the first one.
        let retry = {
            let mut r = record(Some(&comment), Action::Reject);
            r.comment.body = edited.comment.body.clone();
            r
        };
        match store.append_first(&retry, None).unwrap() {
            Appended::Existing(r) => assert_eq!(r, edited),
            other => panic!("a retry must find its own content's record: {other:?}"),
        }
    }
}

#[test]
fn a_batch_of_first_records_is_written_at_once_and_retries_inside_it_find_the_first() {
    for (_rt, store, _dir) in stores() {
        let run = run_id();
        let lang = format!("b{}", run.replace('-', ""));
        let mut before = record(Some(&format!("old-{run}")), Action::Reject);
        before.comment.lang = lang.clone();
        store.append_first(&before, None).unwrap();
        let mut batch: Vec<DecisionRecord> = (0..5)
            .map(|i| record(Some(&format!("c{i}-{run}")), Action::Queue))
            .collect();
        // A comment sent twice in one batch, and one logged by an earlier request.
        batch.push(record(Some(&format!("c1-{run}")), Action::Queue));
        batch.push(record(Some(&format!("old-{run}")), Action::Reject));
        for r in &mut batch {
            r.comment.lang = lang.clone();
        }
        let writes: Vec<(&DecisionRecord, Option<i32>)> = batch
            .iter()
            .map(|r| (r, (r.action == Action::Queue).then_some(0)))
            .collect();
        let answers = store.append_first_all(&writes).unwrap();
        assert_eq!(answers.len(), batch.len());
        for (answer, sent) in answers.iter().zip(&batch).take(5) {
            assert_eq!(answer, &Appended::New(sent.clone()));
        }
        assert_eq!(answers[5], Appended::Existing(batch[1].clone()));
        assert_eq!(answers[6].record().id, before.id, "{}", store.describe());
        let filter = QueueFilter {
            lang: Some(lang),
            ..QueueFilter::default()
        };
        assert_eq!(store.queue_pending(&filter, 100).unwrap().len(), 5);
        assert!(store.append_first_all(&[]).unwrap().is_empty());
    }
}

#[test]
fn imported_questions_are_found_like_asked_ones() {
    for (_rt, store, _dir) in stores() {
        let product = format!("import-{}", run_id());
        let texts = [
            "آیا این گوشی ضد آب است؟",
            "باتری چند ساعت دوام دارد؟",
            "رنگ مشکی موجود است؟",
        ];
        let probes: Vec<QuestionProbe> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| probe(&product, t, &format!("i{i}")))
            .collect();
        assert_eq!(store.import_questions(&product, &probes).unwrap(), 3);
        assert_eq!(
            store.import_questions(&product, &probes[..1]).unwrap(),
            0,
            "a key stored already keeps its row"
        );
        let spaced = probe(&product, "این گوشی ضدآب است؟", "q9");
        let found = store
            .check_and_record(&product, &spaced, &|q| similar(&q.key, &spaced.key), true)
            .unwrap()
            .expect("the imported question, through a band");
        assert_eq!(found.id.as_deref(), Some("i0"), "{}", store.describe());
        let exact = probe(&product, texts[2], "q10");
        let found = store
            .check_and_record(&product, &exact, &|q| q.key == exact.key, true)
            .unwrap()
            .expect("the imported question, by its key");
        assert_eq!(found.id.as_deref(), Some("i2"));
    }
}

fn violation(code: &str) -> RecordedViolation {
    RecordedViolation {
        code: code.to_owned(),
        severity: davar_moderation::Severity::Review,
        field: None,
        start: None,
        end: None,
        text: None,
        message: davar_moderation::Messages {
            fa: "پیام".to_owned(),
            en: "message".to_owned(),
            fr: None,
            de: None,
        },
        clause: None,
        removes_content: false,
    }
}

#[test]
fn the_code_filter_matches_a_code_literally() {
    for (_rt, store, _dir) in stores() {
        let lang = format!("x{}", run_id().replace('-', ""));
        let mut ids = std::collections::BTreeMap::new();
        for code in ["ab_c", "abxc", "p!q", "m%n", "other/code"] {
            let mut r = record(None, Action::Queue);
            r.comment.lang = lang.clone();
            r.violations = vec![violation(code), violation("z/last")];
            store.append_first(&r, Some(0)).unwrap();
            ids.insert(code, r.id);
        }
        let now = Timestamp::now();
        let matching = |code: &str| -> Vec<String> {
            let filter = QueueFilter {
                code: Some(code.to_owned()),
                lang: Some(lang.clone()),
                ..QueueFilter::default()
            };
            let mut found: Vec<String> = store
                .queue_pending(&filter, 100)
                .unwrap()
                .into_iter()
                .map(|item| item.id)
                .collect();
            found.sort();
            found
        };
        let only = |code: &str| vec![ids[code].clone()];
        let what = store.describe();
        assert_eq!(matching("ab_c"), only("ab_c"), "{what}: `_` is no wildcard");
        assert_eq!(matching("abxc"), only("abxc"), "{what}");
        assert_eq!(matching("m%n"), only("m%n"), "{what}: `%` is no wildcard");
        assert_eq!(matching("p!q"), only("p!q"), "{what}: the escape character");
        for code in [
            "%",
            "_",
            "%%",
            "a%",
            "ab%c",
            "____",
            "AB_C",
            "OTHER/CODE",
            "!",
        ] {
            assert!(matching(code).is_empty(), "{what}: `{code}` matched");
        }
        assert_eq!(matching("z/last").len(), 5, "{what}");
        // Claiming the next item takes the same filter.
        let filter = QueueFilter {
            code: Some("%".to_owned()),
            lang: Some(lang.clone()),
            ..QueueFilter::default()
        };
        let until = now + SignedDuration::from_secs(60);
        assert_eq!(
            store
                .queue_claim(None, &filter, "sara", now, until)
                .unwrap(),
            Claim::Empty,
            "{what}"
        );
        let filter = QueueFilter {
            code: Some("m%n".to_owned()),
            ..filter
        };
        match store
            .queue_claim(None, &filter, "sara", now, until)
            .unwrap()
        {
            Claim::Claimed(item) => assert_eq!(item.id, ids["m%n"], "{what}"),
            other => panic!("{what}: {other:?}"),
        }
    }
}

#[test]
fn a_comment_forgets_only_the_question_it_stored() {
    for (_rt, store, _dir) in stores() {
        let product = format!("own-{}", run_id());
        let text = "آیا این اتو بخار ضد رسوب دارد؟";
        let first = probe(&product, text, "q1");
        assert!(
            store
                .check_and_record(&product, &first, &|_| true, true)
                .unwrap()
                .is_none()
        );
        // q2 asked the same and was found a duplicate: it stored nothing, forgets nothing.
        assert_eq!(
            store.forget_own(&product, Some("q2"), &first.key).unwrap(),
            0
        );
        assert_eq!(store.forget_own(&product, None, &first.key).unwrap(), 0);
        let found = store
            .check_and_record(&product, &probe(&product, text, "q3"), &|_| true, false)
            .unwrap();
        assert_eq!(
            found.and_then(|q| q.id).as_deref(),
            Some("q1"),
            "{}",
            store.describe()
        );
        // q1 forgets its own question, bands included.
        assert_eq!(store.forget_own(&product, Some("q1"), "").unwrap(), 1);
        let spaced = probe(&product, "آیا این اتوبخار ضد رسوب دارد؟", "q4");
        assert!(
            store
                .check_and_record(&product, &spaced, &|_| true, false)
                .unwrap()
                .is_none(),
            "{}: forgotten",
            store.describe()
        );
        // A question stored without id is forgotten by its key.
        let anonymous = QuestionProbe::new(&product, question_key(text));
        store
            .import_questions(&product, std::slice::from_ref(&anonymous))
            .unwrap();
        assert_eq!(
            store
                .forget_own(&product, Some("q1"), &anonymous.key)
                .unwrap(),
            0
        );
        assert_eq!(store.forget_own(&product, None, &anonymous.key).unwrap(), 1);
    }
}

#[test]
fn violations_sharing_a_rules_message_are_stored_once_and_read_back_whole() {
    let clause = davar_server::decision::ClauseRef {
        url: Some("/en/terms/v1/#no-links".to_owned()),
        doc: "terms".to_owned(),
        version: Some(1),
        lang: Some("en".to_owned()),
        clause: "no-links".to_owned(),
        lang_note: None,
    };
    for (_rt, store, _dir) in stores() {
        let run = run_id();
        let mut sent = record(Some(&format!("shared-{run}")), Action::Reject);
        let linked = |start: usize| RecordedViolation {
            field: Some(davar_moderation::Field::Body),
            start: Some(start),
            end: Some(start + 4),
            text: Some("x.io".to_owned()),
            clause: Some(clause.clone()),
            ..violation("links/url")
        };
        let other_message = RecordedViolation {
            message: davar_moderation::Messages {
                en: "another message".to_owned(),
                ..violation("links/url").message
            },
            ..linked(30)
        };
        let no_clause = RecordedViolation {
            clause: None,
            ..linked(40)
        };
        sent.violations = vec![
            linked(0),
            violation("contacts/phone"),
            linked(10),
            other_message,
            linked(20),
            no_clause,
            violation("contacts/phone"),
        ];
        sent.omitted_violations = [("links/url".to_owned(), 7)].into();
        store.append_first(&sent, None).unwrap();
        assert_eq!(
            store.record(&sent.id).unwrap().as_ref(),
            Some(&sent),
            "{}",
            store.describe()
        );
        assert_eq!(store.chain(&sent.root).unwrap(), vec![sent.clone()]);
    }
}
