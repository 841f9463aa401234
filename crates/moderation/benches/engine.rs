//! Throughput of the full Persian review rule set over the Digikala reviews, next to a bare
//! `regex::RegexSet` pass over the same bytes, in the same run.
//!
//! Run: `cargo bench -p davar-moderation --bench engine` (needs `../shared/data/digikala/train.csv`
//! next to the workspace, or its path in `DAVAR_DIGIKALA_TRAIN`; the benchmark says so and exits
//! when it is absent). `DAVAR_BENCH_REVIEWS=<n>` keeps the first n reviews.
//! It then times hostile 10,000-character reviews (`support/hostile.rs`) against the median
//! cost per character of the real ones; the most expensive is a criterion case too.
//! `DAVAR_BENCH_QUICK=1` skips the criterion groups; `DAVAR_BENCH_DUMP=<file>` writes every
//! result (to compare two versions of the engine with `cmp`); `DAVAR_BENCH_PROFILE=<seconds>`
//! only runs the engine in a loop, for `perf record` (`DAVAR_BENCH_PROFILE=once`: one pass,
//! for `valgrind --tool=callgrind`); `DAVAR_BENCH_HOSTILE=<piece>` only moderates the hostile
//! review made of that piece.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use davar_moderation::text::Skeleton;
use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources};

#[path = "support/baseline.rs"]
mod baseline;
#[path = "support/hostile.rs"]
mod hostile;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load_reviews(path: &Path) -> Option<Vec<Comment>> {
    let mut reader = csv::Reader::from_path(path).ok()?;
    let headers = reader.headers().ok()?.clone();
    let title = headers.iter().position(|h| h == "title")?;
    let body = headers.iter().position(|h| h == "comment" || h == "body")?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let Ok(record) = record else { continue };
        out.push(Comment {
            id: Some(i.to_string()),
            kind: Kind::Review,
            title: record.get(title).map(str::to_owned),
            body: record.get(body).unwrap_or_default().to_owned(),
            product: None,
            author: None,
            lang: "fa".into(),
        });
    }
    Some(out)
}

fn main() {
    let data = std::env::var_os("DAVAR_DIGIKALA_TRAIN").map_or_else(
        || workspace().join("../shared/data/digikala/train.csv"),
        PathBuf::from,
    );
    let Some(mut reviews) = load_reviews(&data) else {
        eprintln!(
            "skipping the engine benchmark: {} is not there",
            data.display()
        );
        return;
    };
    // `DAVAR_BENCH_REVIEWS=<n>`: only the first n reviews.
    if let Some(n) = std::env::var("DAVAR_BENCH_REVIEWS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        reviews.truncate(n);
    }
    let sources = RuleSources::read_dir(&workspace().join("rules")).expect("rules dir readable");
    let engine = Engine::new(&sources, &NoClauses).expect("rule sets valid");
    let store = MemoryStore::new();
    let bytes: u64 = reviews
        .iter()
        .map(|c| (c.body.len() + c.title.as_ref().map_or(0, String::len)) as u64)
        .sum();
    let set = baseline::bare_regex_set();

    // `DAVAR_BENCH_DUMP=<file>`: every result, to compare two versions of the engine.
    if let Some(path) = std::env::var_os("DAVAR_BENCH_DUMP") {
        let mut out = String::new();
        for comment in &reviews {
            let result = engine.moderate(comment, &store).expect("moderates");
            out.push_str(&format!("{result:?}\n"));
        }
        std::fs::write(&path, out).expect("dump written");
        return;
    }

    // `DAVAR_BENCH_HOSTILE=<piece>`: only the hostile review built from that piece, 20 times.
    if let Ok(piece) = std::env::var("DAVAR_BENCH_HOSTILE") {
        let (_, comment) = hostile::inputs()
            .into_iter()
            .find(|(name, _)| name.trim_matches('"') == piece)
            .expect("DAVAR_BENCH_HOSTILE names a piece of support/hostile.rs");
        for _ in 0..20 {
            std::hint::black_box(engine.moderate(&comment, &store).expect("moderates"));
        }
        return;
    }

    // `DAVAR_BENCH_PROFILE=<seconds>`: only the full engine, in a loop, for a profiler.
    if let Some(secs) = std::env::var("DAVAR_BENCH_PROFILE").ok().and_then(|s| {
        if s == "once" {
            Some(0.0)
        } else {
            s.parse::<f64>().ok()
        }
    }) {
        let start = Instant::now();
        let mut first = true;
        while std::mem::take(&mut first) || start.elapsed().as_secs_f64() < secs {
            for comment in &reviews {
                std::hint::black_box(engine.moderate(comment, &store).expect("moderates"));
            }
        }
        return;
    }

    // `DAVAR_BENCH_QUICK=1`: only the direct measurement and the per-rule breakdown.
    let quick = std::env::var_os("DAVAR_BENCH_QUICK").is_some();
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .configure_from_args();
    let worst = hostile_table(&engine, &reviews);
    if !quick {
        criterion_groups(&mut c, &engine, &store, &set, &reviews, bytes);
        let mut group = c.benchmark_group("worst-case");
        group.throughput(Throughput::Elements(hostile::CHARS as u64));
        group.bench_function(format!("10000 chars of {}", worst.0), |b| {
            b.iter(|| std::hint::black_box(engine.moderate(&worst.1, &store).expect("moderates")))
        });
        group.finish();
    }

    // A direct measurement of both (best of five), printed as MB/s and the ratio the README quotes.
    let engine_s = best_of(5, &mut || {
        for comment in &reviews {
            std::hint::black_box(engine.moderate(comment, &store).expect("moderates"));
        }
    });
    let set_s = best_of(5, &mut || {
        for comment in &reviews {
            std::hint::black_box(set.matches(&comment.body));
            if let Some(t) = &comment.title {
                std::hint::black_box(set.matches(t));
            }
        }
    });
    let mb = bytes as f64 / 1e6;
    println!(
        "engine: {:.1} MB/s ({:.2} µs per review), bare RegexSet: {:.1} MB/s, ratio {:.2}x ({} reviews, {:.2} MB)",
        mb / engine_s,
        engine_s * 1e6 / reviews.len().max(1) as f64,
        mb / set_s,
        engine_s / set_s,
        reviews.len(),
        mb
    );
    per_rule_breakdown(&sources, &reviews, mb);
    c.final_summary();
}

fn criterion_groups(
    c: &mut Criterion,
    engine: &Engine,
    store: &MemoryStore,
    set: &regex::RegexSet,
    reviews: &[Comment],
    bytes: u64,
) {
    let mut group = c.benchmark_group("digikala-train");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("engine/reviews.fa", |b| {
        b.iter(|| {
            for comment in reviews {
                let result = engine.moderate(comment, store).expect("moderates");
                std::hint::black_box(result);
            }
        })
    });
    group.bench_function("regexset/bare", |b| {
        b.iter(|| {
            for comment in reviews {
                std::hint::black_box(set.matches(&comment.body));
                if let Some(t) = &comment.title {
                    std::hint::black_box(set.matches(t));
                }
            }
        })
    });
    group.finish();
}

/// Times every hostile input against the median cost per character of the real reviews (each
/// review timed alone, best of three); prints the table and returns the most expensive input.
fn hostile_table(engine: &Engine, reviews: &[Comment]) -> (String, Comment) {
    let store = MemoryStore::new();
    let per_char = |comment: &Comment| {
        let chars = comment.body.chars().count()
            + comment.title.as_deref().map_or(0, |t| t.chars().count());
        let s = best_of(3, &mut || {
            std::hint::black_box(engine.moderate(comment, &store).expect("moderates"));
        });
        s * 1e9 / chars.max(1) as f64
    };
    let mut real: Vec<f64> = reviews.iter().map(per_char).collect();
    real.sort_by(f64::total_cmp);
    let median = real[real.len() / 2];
    let mut costs: Vec<(f64, String, Comment)> = hostile::inputs()
        .into_iter()
        .map(|(name, comment)| (per_char(&comment), name, comment))
        .collect();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "hostile {}-character reviews against the median real review ({median:.0} ns per character):",
        hostile::CHARS
    );
    for (ns, name, _) in &costs {
        println!(
            "  {name:<40} {:>8.2} ms  {ns:>8.0} ns/char  {:>6.1}x",
            ns * hostile::CHARS as f64 / 1e6,
            ns / median
        );
    }
    let (_, name, comment) = costs.swap_remove(0);
    (name, comment)
}

/// The fastest of `n` runs, in seconds (the machine is shared: the minimum is the least noisy).
fn best_of(n: usize, f: &mut dyn FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Time of each rule alone (one-rule rule sets built from `reviews.fa.yaml`), and of the
/// normalisation alone (no rules), so a slow rule is easy to find.
fn per_rule_breakdown(sources: &RuleSources, reviews: &[Comment], mb: f64) {
    let Some(file) = sources
        .rule_sets
        .iter()
        .find(|f| f.path.ends_with("reviews.fa.yaml"))
    else {
        return;
    };
    let Some((head, rules)) = file.text.split_once("rules:\n") else {
        return;
    };
    let mut blocks: Vec<String> = Vec::new();
    for line in rules.lines() {
        if line.starts_with("  - code:") {
            blocks.push(String::new());
        }
        if let Some(b) = blocks.last_mut() {
            b.push_str(line);
            b.push('\n');
        }
    }
    let store = MemoryStore::new();
    let time_set = |label: &str, yaml: String| {
        let mut one = RuleSources::new();
        one.add_rule_set(&file.path, yaml);
        one.lexicons = sources.lexicons.clone();
        let Ok(engine) = Engine::new(&one, &NoClauses) else {
            eprintln!("{label}: rule set did not build");
            return;
        };
        let s = best_of(3, &mut || {
            for comment in reviews {
                std::hint::black_box(engine.moderate(comment, &store).expect("moderates"));
            }
        });
        println!(
            "  {label:<26} {:>8.2} ms  {:>8.1} MB/s  {:>7.2} µs per review",
            s * 1e3,
            mb / s,
            s * 1e6 / reviews.len().max(1) as f64
        );
    };
    // The skeleton is built on first use: an empty rule set only collects code points, so
    // the whole normalisation (skeleton, words, code points) is timed on its own.
    let s = best_of(3, &mut || {
        for comment in reviews {
            for field in [comment.title.as_deref(), Some(&comment.body[..])]
                .into_iter()
                .flatten()
            {
                let cps: Vec<char> = field.chars().collect();
                std::hint::black_box((Skeleton::new(field), cps));
            }
        }
    });
    println!(
        "normalisation alone (skeleton, words, code points): {:.2} ms, {:.1} MB/s",
        s * 1e3,
        mb / s
    );
    println!("per rule (each alone, its share of the normalisation included):");
    time_set("(no rules)", format!("{head}rules: []\n"));
    for block in blocks {
        let code = block
            .trim_start_matches("  - code: ")
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        time_set(&code, format!("{head}rules:\n{block}"));
    }
}
