//! The semantic review rules cost time linear in the length of a field: on a 10,000-character
//! body made of the patterns that give them the most candidates (cue first words over and
//! over, service and complaint words side by side, one very long word), the time per
//! character is within five times the time per character on a 1,000-character body of
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

/// CPU time a measurement runs for at least: the kernel updates a running thread's CPU time
/// at scheduler ticks (a few milliseconds apart), so shorter measurements can read as zero.
const MIN_CPU_NS: u64 = 60_000_000;

/// Best of two: CPU nanoseconds per character to moderate a body of `unit` repeated up to
/// `chars` characters, moderated over and over until the measurement has lasted
/// [`MIN_CPU_NS`] (so the scheduler's accounting granularity is a small share of it).
fn time(engine: &Engine, unit: &str, chars: usize) -> Option<f64> {
    let body: String = unit.chars().cycle().take(chars).collect();
    let comment = Comment {
        kind: Kind::Review,
        title: Some("عنوان".to_owned()),
        body,
        lang: "fa".to_owned(),
        ..Comment::default()
    };
    let mut best: Option<f64> = None;
    for _ in 0..2 {
        let start = cpu_ns()?;
        let mut runs = 0u64;
        let spent = loop {
            engine
                .moderate(&comment, &MemoryStore::new())
                .expect("moderates");
            runs += 1;
            let spent = cpu_ns()?.saturating_sub(start);
            if spent >= MIN_CPU_NS {
                break spent;
            }
        };
        let per_char = spent as f64 / (runs as f64 * chars as f64);
        best = Some(best.map_or(per_char, |b| b.min(per_char)));
    }
    best
}

#[test]
fn semantic_rules_are_linear_in_the_field_length() {
    // Bodies of 1,000 characters against bodies of 10,000, each timed for at least MIN_CPU_NS.
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
        println!("{unit:?}: {long:.0} ns per character at 10,000 characters, {short:.0} at 1,000");
        assert!(
            long <= 5.0 * short,
            "{unit:?}: {long:.0} ns per character at 10,000 characters, {short:.0} at 1,000"
        );
    }
}
