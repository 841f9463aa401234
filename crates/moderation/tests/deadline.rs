//! `Engine::moderate_until`: the same results as `moderate` when the deadline is far, a prompt
//! stop when it passes (also on the most expensive text the benchmark knows), and a question
//! store left as it was by a comment that was stopped.

use crate::common;

use std::time::{Duration, Instant};

use common::{engine, review};
use davar_moderation::{Comment, Kind, MemoryStore, ModerateError};

/// A 10,000-character review built from `piece` repeated (title and body).
fn repeated(piece: &str) -> Comment {
    let fill = |n: usize| piece.chars().cycle().take(n).collect::<String>();
    Comment {
        title: Some(fill(200)),
        ..review(&fill(9_800))
    }
}

#[test]
fn a_far_deadline_gives_the_same_result_as_no_deadline() {
    let far = Instant::now() + Duration::from_secs(3600);
    for body in [
        "گوشی خوبیه ولی باتریش زود تموم میشه",
        "برای خرید به شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید 😍 :)",
        "خیلیییییی عالی بود!!!! www.example.ir",
    ] {
        let c = review(body);
        let with = engine().moderate_until(&c, &MemoryStore::new(), far);
        let without = engine().moderate(&c, &MemoryStore::new());
        assert_eq!(format!("{with:?}"), format!("{without:?}"), "{body}");
    }
}

#[test]
fn a_passed_deadline_stops_with_the_rule_that_was_running() {
    let c = review("گوشی خوبیه ولی باتریش زود تموم میشه");
    match engine().moderate_until(&c, &MemoryStore::new(), Instant::now()) {
        Err(ModerateError::DeadlineExceeded { rule }) => assert!(!rule.is_empty()),
        other => panic!("expected DeadlineExceeded, got {other:?}"),
    }
}

/// The shortest of three runs of `f` and its result (the machine is shared: a run can lose the
/// core to another process for a while).
fn best_of_three<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let out = f();
            (started.elapsed(), out)
        })
        .min_by_key(|(took, _)| *took)
        .expect("three runs")
}

#[test]
fn the_work_stops_soon_after_the_deadline() {
    for piece in [
        "+111111111111111 ",
        "کیفیت ساخت این گوشی خوبه ولی باتریش زود تموم میشه. ",
    ] {
        let c = repeated(piece);
        let store = MemoryStore::new();
        // A stop that does not come until the end fails every attempt; a loaded machine
        // only some.
        let mut attempts = Vec::new();
        let stopped_early = (0..5).any(|_| {
            let (full, _) = best_of_three(|| engine().moderate(&c, &store).expect("moderates"));
            let budget = full / 10;
            let (took, stopped) =
                best_of_three(|| engine().moderate_until(&c, &store, Instant::now() + budget));
            assert!(
                matches!(stopped, Err(ModerateError::DeadlineExceeded { .. })),
                "{piece:?}: a tenth of {full:?} is not enough, yet: {stopped:?}"
            );
            attempts.push(format!("{took:?} of {full:?}"));
            took < budget + full / 2
        });
        assert!(
            stopped_early,
            "{piece:?}: a deadline at a tenth of the whole comment's time stopped the work only \
             after (stopped after, whole comment): {}",
            attempts.join(", ")
        );
    }
}

#[test]
fn a_stopped_question_is_not_remembered() {
    let question = |body: &str| Comment {
        kind: Kind::Question,
        title: None,
        product: Some("p-1".into()),
        ..review(body)
    };
    let q = question("آیا این گوشی ضد آب است؟");
    let fires = |store: &MemoryStore| {
        engine()
            .moderate(&question("این گوشی ضد آب است؟"), store)
            .expect("moderates")
            .violations
            .iter()
            .any(|v| v.code == "qa/duplicate")
    };
    // Deadlines from already passed to long enough: whichever rule the engine stops in, a
    // question it did not finish leaves no trace, and a finished one is remembered.
    let (mut stopped, mut finished) = (0, 0);
    for micros in (0..400).step_by(10) {
        let store = MemoryStore::new();
        let deadline = Instant::now() + Duration::from_micros(micros);
        match engine().moderate_until(&q, &store, deadline) {
            Err(ModerateError::DeadlineExceeded { rule }) => {
                stopped += 1;
                assert!(!fires(&store), "stopped in {rule}, yet remembered");
            }
            Ok(_) => {
                finished += 1;
                assert!(fires(&store), "finished within {micros} µs, yet forgotten");
            }
            Err(e) => panic!("{e}"),
        }
    }
    let store = MemoryStore::new();
    engine().moderate(&q, &store).expect("moderates");
    assert!(fires(&store), "an unbounded question is remembered");
    assert!(
        stopped > 0,
        "no deadline stopped the question ({finished} finished)"
    );
}
