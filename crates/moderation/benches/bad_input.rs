//! Cost per character of hostile 10,000-character fields next to the median cost per character
//! of real reviews, in the same run: repeated digits, `+1111…`, spaced letters and digits,
//! dotted labels, dates, decimals, handles, platform words, right-to-left overrides.
//!
//! Run: `cargo bench -p davar-moderation --bench bad_input` (needs
//! `../shared/data/digikala/train.csv` next to the workspace for the median, or its path in
//! `DAVAR_DIGIKALA_TRAIN`; the benchmark says so and exits when it is absent). It prints, per pattern, storefront (`fa`, and `en` for the
//! `*.default` rule sets) and kind (review, question, answer: every rule set), the cost per
//! character and its ratio to the median of the real reviews, and exits with an error when a
//! ratio is over `DAVAR_BAD_INPUT_MAX_RATIO` (default 10). The three most expensive cases are
//! then timed rule by rule (one-rule rule sets cut from their rule-set file), so the rule that
//! costs is named. `DAVAR_BAD_INPUT_PROFILE="<pattern>/<lang>/<kind>"` (e.g.
//! `slashed dates/en/review`) only moderates that case in a loop for ten seconds, for
//! `perf record`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources};

/// Length of every hostile field, in characters.
const FIELD_CHARS: usize = 10_000;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A comment of `kind` in `lang` whose body is `body` (reviews with a short title, questions
/// and answers under one product).
fn comment(body: String, lang: &str, kind: Kind) -> Comment {
    Comment {
        id: None,
        kind,
        title: (kind == Kind::Review).then(|| "عنوان".into()),
        body,
        product: (kind != Kind::Review).then(|| "p-1".into()),
        author: None,
        lang: lang.into(),
    }
}

/// Every kind of comment, each moderated by its own rule sets.
const KINDS: [Kind; 3] = [Kind::Review, Kind::Question, Kind::Answer];

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

/// Hostile fields, each a named unit repeated through [`FIELD_CHARS`] characters: digits in
/// every arrangement a number rule reads, letters and dots a link or handle rule reads, and the
/// words that announce contacts, prices and questions.
const PATTERNS: [(&str, &str); 55] = [
    ("digits", "1"),
    ("plus and digits", "+1111 "),
    ("plus signs", "+"),
    ("spaced digits", "1 "),
    ("spaced Persian digits", "۱ "),
    ("dashed digits", "12-"),
    ("slashed dates", "12/"),
    ("dates with an hour", "2023-05-14 10:30 "),
    ("decimals", "1.5 "),
    ("mixed separators", "1-2.3 4/5_6(7)"),
    ("digit groups", "123 456 "),
    ("mobiles", "0912 345 6789 "),
    ("national numbers", "(415) 867-5309 "),
    ("bare trunk mobiles", "0612345678 "),
    ("trunk after a country code", "+1 1 650 253 0000 "),
    ("card numbers", "6037-9912-3456-7890 "),
    ("letters and digits", "a1b2"),
    ("spaced letters", "a "),
    ("spaced Persian letters", "ا "),
    ("Persian letters parted by marks", "ت-"),
    ("spaced letters and dots", "w w w . "),
    ("dots", "."),
    ("dotted labels", "a."),
    ("dotted Persian labels", "ب."),
    ("dot words", "x dot "),
    ("domains", "shop.ir "),
    ("emoji names", "➡.ws/a "),
    ("schemes", "http://"),
    ("slashes", "/"),
    ("at signs", "@"),
    ("handles", "@a "),
    ("e-mail shapes", "a@b."),
    ("platform words", "تلگرام: "),
    ("ID words", "آیدی "),
    ("call words", "call "),
    ("letters for digits", "O1"),
    ("right-to-left overrides", "\u{202E}ab.c"),
    ("Persian words", "خیلی "),
    ("number words", "صفر نهصد "),
    ("English number words", "nine one "),
    ("number words in groups", "zéro six soixante-dix-huit, "),
    ("German number compounds", "null dreiundvierzig "),
    ("pieces parted by commas", "0912, "),
    ("pieces parted by words", "۰۹۱۲ و بعدش "),
    ("glued number words", "نهصدوسی‌وپنج "),
    ("digits parted by symbols", "0912☆"),
    ("card groups parted by words", "۶۰۳۷ و "),
    ("card groups parted by one symbol", "4111*"),
    ("a digit said by a count", "دو تا پنج "),
    ("number words with digits for letters", "zer0 f1ve "),
    ("amounts with cents", "19.99 usd "),
    ("prices", "۱۲۳ هزار تومن "),
    ("question marks", "؟"),
    ("emoji", "😍"),
    ("repeated letters", "خیلییییی "),
];

/// Moderates the case `<pattern>/<lang>/<kind>` in a loop for ten seconds.
fn profile(engine: &Engine, case: &str) {
    let mut parts = case.split('/');
    let name = parts.next().unwrap_or_default();
    let lang = parts.next().unwrap_or("en");
    let kind = match parts.next() {
        Some("question") => Kind::Question,
        Some("answer") => Kind::Answer,
        _ => Kind::Review,
    };
    let Some((_, unit)) = PATTERNS.iter().find(|(n, _)| *n == name) else {
        eprintln!("DAVAR_BAD_INPUT_PROFILE: no pattern named `{name}`");
        std::process::exit(2);
    };
    let c = comment(field(unit), lang, kind);
    let store = MemoryStore::new();
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(10) {
        std::hint::black_box(engine.moderate(&c, &store).expect("moderates"));
        runs += 1;
    }
    println!("{runs} runs of {name} ({lang}, {})", kind.as_str());
}

/// Cost per character of `c` under each rule of its storefront's rule set alone, as a multiple
/// of `median`, printed when over one.
fn per_rule(sources: &RuleSources, c: &Comment, median: f64) {
    let storefront = if c.lang == "fa" { "fa" } else { "default" };
    let file_name = format!("{}s.{storefront}.yaml", c.kind.as_str());
    let Some(file) = sources
        .rule_sets
        .iter()
        .find(|f| f.path.ends_with(&file_name))
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
        let engine = match Engine::new(&one, &NoClauses) {
            Ok(engine) if engine.rule_set_for(c.kind, &c.lang).is_some() => engine,
            Ok(_) => {
                println!("  {code}: the one-rule set does not serve this comment");
                continue;
            }
            Err(e) => {
                println!("  {code}: the one-rule set does not build: {e:?}");
                continue;
            }
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
    let data = std::env::var_os("DAVAR_DIGIKALA_TRAIN").map_or_else(
        || workspace().join("../shared/data/digikala/train.csv"),
        PathBuf::from,
    );
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
            let c = comment(b.clone(), "fa", Kind::Review);
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
            for kind in KINDS {
                let c = comment(field(unit), lang, kind);
                let cost = best_time(&engine, &c, 5).as_secs_f64() / (FIELD_CHARS + 5) as f64;
                costs.push((cost / median, name, lang, kind, c));
            }
        }
    }

    let max_ratio: f64 = std::env::var("DAVAR_BAD_INPUT_MAX_RATIO")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0);
    println!(
        "{:<26} {:>4} {:>9} {:>12} {:>7}",
        "pattern (10,000 chars)", "lang", "kind", "ns per char", "ratio"
    );
    for (ratio, name, lang, kind, _) in &costs {
        println!(
            "{name:<26} {lang:>4} {:>9} {:>12.1} {ratio:>7.2}",
            kind.as_str(),
            ratio * median * 1e9
        );
    }
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ratio, name, lang, kind, c) in costs.iter().take(3) {
        println!(
            "{name} ({lang}, {}, {ratio:.2}x), each rule alone:",
            kind.as_str()
        );
        per_rule(&sources, c, median);
    }
    let worst = (costs[0].0, costs[0].1, costs[0].2, costs[0].3.as_str());
    println!(
        "worst: {} ({}, {}) at {:.2}x the median cost per character of real reviews",
        worst.1, worst.2, worst.3, worst.0
    );
    if worst.0 > max_ratio {
        eprintln!("over the limit of {max_ratio}x (DAVAR_BAD_INPUT_MAX_RATIO)");
        std::process::exit(1);
    }
}
