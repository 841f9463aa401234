//! Two `davar serve` processes sharing one PostgreSQL database: a question asked through one is
//! a duplicate when asked again through the other. Needs `DAVAR_TEST_POSTGRES_URL`
//! (`scripts/start-postgres.sh` prints one); skipped without it locally, failing in CI.

use crate::server_support::{Server, get, has_code, post_json, required_env};
use serde_json::json;

#[test]
fn two_instances_share_questions_through_postgres() {
    let Some(url) = required_env("DAVAR_TEST_POSTGRES_URL", "the PostgreSQL store test") else {
        return;
    };
    // Both start at once: the migrations must serialise, not fail.
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| Server::start(&["--store", &url]));
        let b = s.spawn(|| Server::start(&["--store", &url]));
        (a.join().unwrap(), b.join().unwrap())
    });
    for server in [&a, &b] {
        let ready = get(&format!("{}/readyz", server.url));
        assert_eq!(ready.status, 200, "{}", ready.body);
        assert_eq!(ready.json()["store"], "ok");
    }
    // A product id no earlier run used.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let product = format!("pg-test-{}-{nanos}", std::process::id());
    let question = json!({"kind": "question", "lang": "fa", "product": product,
        "body": "این کوله پشتی ضد آبه یا فقط زیر بارون سبک دووم میاره؟"});

    let first = post_json(&format!("{}/v1/moderate", a.url), &question, None);
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(!has_code(&first.json(), "qa/duplicate"), "{}", first.body);

    let second = post_json(&format!("{}/v1/moderate", b.url), &question, None);
    assert_eq!(second.status, 200, "{}", second.body);
    assert!(
        has_code(&second.json(), "qa/duplicate"),
        "the other instance must see it: {}",
        second.body
    );

    // The same holds the other way round, for a second question.
    let other = json!({"kind": "question", "lang": "fa", "product": product,
        "body": "بند کوله قابل تنظیم هست برای قد بلند؟"});
    assert!(!has_code(
        &post_json(&format!("{}/v1/moderate", b.url), &other, None).json(),
        "qa/duplicate"
    ));
    assert!(has_code(
        &post_json(&format!("{}/v1/moderate", a.url), &other, None).json(),
        "qa/duplicate"
    ));

    assert!(a.stop().success());
    assert!(b.stop().success());
}

/// The same question sent to both instances at the same instant, for 1,000 products: the
/// check-and-insert is atomic across processes, so exactly one of each pair is accepted.
#[test]
fn concurrent_pairs_on_two_instances_accept_each_question_once() {
    let Some(url) = required_env("DAVAR_TEST_POSTGRES_URL", "the PostgreSQL race test") else {
        return;
    };
    let a = Server::start(&["--store", &url]);
    let b = Server::start(&["--store", &url]);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let pairs = 1_000;
    let at_once = 20;
    let mut accepted_twice = Vec::new();
    let mut accepted_never = Vec::new();
    for round in 0..pairs / at_once {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..at_once)
                .map(|i| {
                    let product = format!("pg-race-{nanos}-{}", round * at_once + i);
                    let (a, b) = (&a.url, &b.url);
                    s.spawn(move || {
                        let question = json!({"kind": "question", "lang": "fa",
                            "product": product, "body": "این کوله پشتی ضد آب هست؟"});
                        let barrier = std::sync::Barrier::new(2);
                        let accepted = std::thread::scope(|s| {
                            let sides: Vec<_> = [a, b]
                                .into_iter()
                                .map(|server| {
                                    let (barrier, question) = (&barrier, &question);
                                    s.spawn(move || {
                                        barrier.wait();
                                        let reply = post_json(
                                            &format!("{server}/v1/moderate"),
                                            question,
                                            None,
                                        );
                                        assert_eq!(reply.status, 200, "{}", reply.body);
                                        usize::from(!has_code(&reply.json(), "qa/duplicate"))
                                    })
                                })
                                .collect();
                            sides.into_iter().map(|h| h.join().unwrap()).sum::<usize>()
                        });
                        (product, accepted)
                    })
                })
                .collect();
            for handle in handles {
                let (product, accepted) = handle.join().unwrap();
                match accepted {
                    1 => {}
                    0 => accepted_never.push(product),
                    _ => accepted_twice.push(product),
                }
            }
        });
    }
    assert!(
        accepted_twice.is_empty() && accepted_never.is_empty(),
        "of {pairs} pairs, accepted twice: {} (e.g. {:?}), never: {} (e.g. {:?})",
        accepted_twice.len(),
        accepted_twice.first(),
        accepted_never.len(),
        accepted_never.first()
    );
    assert!(a.stop().success());
    assert!(b.stop().success());
}
