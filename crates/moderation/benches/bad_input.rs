//! Cost per character of hostile 10,000-character fields next to the median cost per character
//! of real reviews, in the same run: repeated digits, `+1111…`, spaced letters and digits,
//! dotted labels, dates, decimals, handles, platform words, right-to-left overrides.
//!
//! Run: `cargo bench -p davar-moderation --bench bad_input` (needs
//! `../shared/data/digikala/train.csv` next to the workspace for the median; the benchmark says
//! so and exits when it is absent). It prints, per pattern and storefront (`fa` with
//! `reviews.fa`, `en` with `reviews.default`), the cost per character and its ratio to the
//! median of the real reviews, and exits with an error when a ratio is over
//! `DAVAR_BAD_INPUT_MAX_RATIO` (default 10). The three most expensive cases are then timed
//! rule by rule (one-rule rule sets cut from the storefront's rule-set file), so the rule that
//! costs is named. `DAVAR_BAD_INPUT_PROFILE="<pattern>/<lang>"` (e.g. `slashed dates/en`) only
//! moderates that case in a loop for ten seconds, for `perf record`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources};

/// Length of every hostile field, in characters.
const FIELD_CHARS: usize = 10_000;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn comment(body: String, lang: &str) -> Comment {
    Comment {
        id: None,
        kind: Kind::Review,
        title: Some("عنوان".into()),
        body,
        product: None,
        author: None,
        lang: lang.into(),
    }
}

fn load_bodies(path: &Path) -> Option<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).ok()?;
    let headers = reader.headers().ok()?.clone();
    let body = headers.iter().position(|h| h == "comment" || h == "body")?;
    Some(
        reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|r| r.get(body).map(str::to_owned))
            .filter(|b| !b.trim().is_empty())
            .collect(),
    )
}

/// The shortest of `runs` timings of moderating `c`.
fn best_time(engine: &Engine, c: &Comment, runs: usize) -> Duration {
    let store = MemoryStore::new();
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            let result = engine.moderate(c, &store).expect("moderates");
            std::hint::black_box(result);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Hostile fields, each a named unit repeated through [`FIELD_CHARS`] characters.
const PATTERNS: [(&str, &str); 22] = [
    ("digits", "1"),
    ("plus and digits", "+1111 "),
    ("spaced digits", "1 "),
    ("spaced Persian digits", "۱ "),
    ("dashed digits", "12-"),
    ("slashed dates", "12/"),
    ("dates with an hour", "2023-05-14 10:30 "),
    ("decimals", "1.5 "),
    ("spaced letters", "a "),
    ("spaced letters and dots", "w w w . "),
    ("dotted labels", "a."),
    ("dotted Persian labels", "ب."),
    ("domains", "shop.ir "),
    ("schemes", "http://"),
    ("at signs", "@a "),
    ("e-mail shapes", "a@b."),
    ("platform words", "تلگرام: "),
    ("ID words", "آیدی "),
    ("letters for digits", "O1"),
    ("right-to-left overrides", "\u{202E}ab.c"),
    ("Persian words", "خیلی "),
    ("number words", "صفر نهصد "),
];

/// Moderates the case `<pattern>/<lang>` in a loop for ten seconds.
fn profile(engine: &Engine, case: &str) {
    let (name, lang) = case.rsplit_once('/').unwrap_or((case, "en"));
    let Some((_, unit)) = PATTERNS.iter().find(|(n, _)| *n == name) else {
        eprintln!("DAVAR_BAD_INPUT_PROFILE: no pattern named `{name}`");
        std::process::exit(2);
    };
    let c = comment(field(unit), lang);
    let store = MemoryStore::new();
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(10) {
        std::hint::black_box(engine.moderate(&c, &store).expect("moderates"));
        runs += 1;
    }
    println!("{runs} runs of {name} ({lang})");
}

/// Cost per character of `c` under each rule of its storefront's rule set alone, as a multiple
/// of `median`, printed when over one.
fn per_rule(sources: &RuleSources, c: &Comment, median: f64) {
    let file_name = if c.lang == "fa" {
        "reviews.fa.yaml"
    } else {
        "reviews.default.yaml"
    };
    let Some(file) = sources
        .rule_sets
        .iter()
        .find(|f| f.path.ends_with(file_name))
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
    let mut shown = false;
    for block in std::iter::once(String::new()).chain(blocks) {
        let code = block
            .trim_start_matches("  - code: ")
            .lines()
            .next()
            .unwrap_or("(no rules)")
            .to_owned();
        let mut one = RuleSources::new();
        let rules = if block.is_empty() {
            "rules: []\n".to_owned()
        } else {
            format!("rules:\n{block}")
        };
        one.add_rule_set(&file.path, format!("{head}{rules}"));
        one.lexicons = sources.lexicons.clone();
        one.marketplace = sources.marketplace.clone();
        let Ok(engine) = Engine::new(&one, &NoClauses) else {
            continue;
        };
        let ratio = best_time(&engine, c, 3).as_secs_f64() / (FIELD_CHARS + 5) as f64 / median;
        if ratio >= 1.0 {
            println!("  {code:<26} {ratio:>7.2}x");
            shown = true;
        }
    }
    if !shown {
        println!("  no rule alone costs the median");
    }
}

/// `unit` repeated up to [`FIELD_CHARS`] characters.
fn field(unit: &str) -> String {
    unit.chars().cycle().take(FIELD_CHARS).collect()
}

fn main() {
    let data = workspace().join("../shared/data/digikala/train.csv");
    let Some(bodies) = load_bodies(&data) else {
        eprintln!(
            "skipping the bad-input benchmark: {} is not there",
            data.display()
        );
        return;
    };
    let sources = RuleSources::read_dir(&workspace().join("rules")).expect("rules dir readable");
    let engine = Engine::new(&sources, &NoClauses).expect("rule sets valid");
    if let Ok(case) = std::env::var("DAVAR_BAD_INPUT_PROFILE") {
        profile(&engine, &case);
        return;
    }

    // Median cost per character of real reviews (best of three runs each).
    let mut per_char: Vec<f64> = bodies
        .iter()
        .map(|b| {
            let c = comment(b.clone(), "fa");
            let chars = b.chars().count() + 5;
            best_time(&engine, &c, 3).as_secs_f64() / chars as f64
        })
        .collect();
    per_char.sort_by(f64::total_cmp);
    let median = per_char[per_char.len() / 2];
    println!(
        "real reviews: {} bodies, median {:.1} ns per character",
        per_char.len(),
        median * 1e9
    );

    let mut costs = Vec::new();
    for (name, unit) in PATTERNS {
        for lang in ["fa", "en"] {
            let c = comment(field(unit), lang);
            let cost = best_time(&engine, &c, 5).as_secs_f64() / (FIELD_CHARS + 5) as f64;
            costs.push((cost / median, name, lang, unit));
        }
    }

    let max_ratio: f64 = std::env::var("DAVAR_BAD_INPUT_MAX_RATIO")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0);
    println!(
        "{:<26} {:>4} {:>12} {:>7}",
        "pattern (10,000 chars)", "lang", "ns per char", "ratio"
    );
    for (ratio, name, lang, _) in &costs {
        println!(
            "{name:<26} {lang:>4} {:>12.1} {ratio:>7.2}",
            ratio * median * 1e9
        );
    }
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ratio, name, lang, unit) in costs.iter().take(3) {
        println!("{name} ({lang}, {ratio:.2}x), each rule alone (ns per character):");
        per_rule(&sources, &comment(field(unit), lang), median);
    }
    let worst = (costs[0].0, costs[0].1, costs[0].2);
    println!(
        "worst: {} ({}) at {:.2}x the median cost per character of real reviews",
        worst.1, worst.2, worst.0
    );
    if worst.0 > max_ratio {
        eprintln!("over the limit of {max_ratio}x (DAVAR_BAD_INPUT_MAX_RATIO)");
        std::process::exit(1);
    }
}
