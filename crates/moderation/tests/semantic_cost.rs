//! The semantic review rules cost time linear in the length of a field: on a 10,000-character
//! body made of the patterns that give them the most candidates (cue first words over and
//! over, service and complaint words side by side, one very long word), the time per
//! character is within a small factor of the time per character on a 1,000-character body of
//! the same pattern. A quadratic step would make it about ten times larger.
//!
//! Time is the thread's CPU time (`/proc/thread-self/schedstat`), so other processes on a
//! loaded machine do not distort the ratio; where that file is absent the test says so and
//! passes.

use std::path::Path;

use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources};

/// Only the semantic rules, with the lexicons of the workspace's `rules/`.
fn engine() -> Engine {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let mut sources = RuleSources::read_dir(&rules).expect("the example rules directory reads");
    let mut set = String::from("name: semantic\nversion: 1\nkind: review\nlangs: [fa]\nrules:\n");
    for code in [
        "conduct/site-criticism",
        "conduct/addressing",
        "review/exaggeration",
        "review/rumour",
        "review/off-topic",
        "prices/comment",
    ] {
        set.push_str(&format!(
            "  - code: {code}\n    message: {{fa: \"x\", en: \"x\"}}\n    params: {{reach: broad}}\n"
        ));
    }
    sources.rule_sets = Vec::new();
    sources.add_rule_set("semantic.yaml", set);
    Engine::new(&sources, &NoClauses).expect("the semantic rule set compiles")
}

/// Nanoseconds this thread has run on a CPU, where Linux reports it.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Best of two: the CPU time in nanoseconds to moderate `30_000 / chars` times a body of
/// `unit` repeated up to `chars` characters (the same number of characters in all, so each
/// measurement lasts long enough for the scheduler's accounting).
fn time(engine: &Engine, unit: &str, chars: usize) -> Option<u64> {
    let body: String = unit.chars().cycle().take(chars).collect();
    let comment = Comment {
        kind: Kind::Review,
        title: Some("عنوان".to_owned()),
        body,
        lang: "fa".to_owned(),
        ..Comment::default()
    };
    let mut best = None;
    for _ in 0..2 {
        let start = cpu_ns()?;
        for _ in 0..30_000 / chars {
            engine
                .moderate(&comment, &MemoryStore::new())
                .expect("moderates");
        }
        let spent = cpu_ns()?.saturating_sub(start);
        best = Some(best.map_or(spent, |b: u64| b.min(spent)));
    }
    best
}

#[test]
fn semantic_rules_are_linear_in_the_field_length() {
    // Ten bodies of 1,000 characters against one of 10,000, each in total 30,000 characters.
    if cpu_ns().is_none() {
        println!("skipped: /proc/thread-self/schedstat is absent (no per-thread CPU time here)");
        return;
    }
    let engine = engine();
    let patterns = [
        "قیمتش خیلی ",
        "سفارش دادم ",
        "دوستانی که ",
        "ارسال بد ",
        "ارسال دیر بود ",
        "بهترین ",
        "میگن که میگن ",
        "مرجوعی هنوز ",
        "قیمت",
    ];
    for unit in patterns {
        let (Some(short), Some(long)) = (time(&engine, unit, 1_000), time(&engine, unit, 10_000))
        else {
            return;
        };
        let (short, long) = (short as f64 / 30_000.0, long as f64 / 30_000.0);
        println!("{unit:?}: {long:.0} ns per character at 10,000 characters, {short:.0} at 1,000");
        assert!(
            long <= 3.0 * short.max(1.0),
            "{unit:?}: {long:.0} ns per character at 10,000 characters, {short:.0} at 1,000"
        );
    }
}
