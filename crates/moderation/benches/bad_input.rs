//! Cost per character of hostile 10,000-character fields next to the median cost per character
//! of real reviews, in the same run: repeated digits, `+1111…`, spaced letters and digits,
//! dotted labels, dates, decimals, handles, platform words, right-to-left overrides.
//!
//! Run: `cargo bench -p davar-moderation --bench bad_input` (needs
//! `../shared/data/digikala/train.csv` next to the workspace for the median; the benchmark says
//! so and exits when it is absent). It prints, per pattern and storefront (`fa` with
//! `reviews.fa`, `en` with `reviews.default`), the cost per character and its ratio to the
//! median of the real reviews, and exits with an error when a ratio is over
//! `DAVAR_BAD_INPUT_MAX_RATIO` (default 10).

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

    let patterns = [
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
    let max_ratio: f64 = std::env::var("DAVAR_BAD_INPUT_MAX_RATIO")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0);
    println!(
        "{:<26} {:>4} {:>12} {:>7}",
        "pattern (10,000 chars)", "lang", "ns per char", "ratio"
    );
    let mut worst = (0.0f64, "", "");
    for (name, unit) in patterns {
        for lang in ["fa", "en"] {
            let c = comment(field(unit), lang);
            let cost = best_time(&engine, &c, 5).as_secs_f64() / (FIELD_CHARS + 5) as f64;
            let ratio = cost / median;
            println!("{name:<26} {lang:>4} {:>12.1} {ratio:>7.2}", cost * 1e9);
            if ratio > worst.0 {
                worst = (ratio, name, lang);
            }
        }
    }
    println!(
        "worst: {} ({}) at {:.2}x the median cost per character of real reviews",
        worst.1, worst.2, worst.0
    );
    if worst.0 > max_ratio {
        eprintln!("over the limit of {max_ratio}x (DAVAR_BAD_INPUT_MAX_RATIO)");
        std::process::exit(1);
    }
}
