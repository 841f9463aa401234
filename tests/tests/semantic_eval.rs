//! Semantic review rules measured on real reviews: runs the engine built from `rules/` (kind
//! review, language fa) over Digikala's `train.csv` and scores it against the labelled sample
//! in `tests/corpus/digikala/labels.csv` (how it was drawn and labelled:
//! `tests/corpus/digikala/GUIDELINES.md`).
//!
//! The texts are not in the repository. They are read from `../shared/data/digikala/train.csv`
//! next to the repository root, or from the file `DAVAR_DIGIKALA_TRAIN` names; without it the
//! test prints why and passes. Rows are numbered 1..N in file order, the header excluded.
//!
//! Printed for the `eval` and the `dev` sample separately, per family: the labelled positives,
//! the recall (a positive is found when the family's code fires at `review` or `reject`) with
//! its 95% Wilson interval (some families have only 10-20 eval positives), and the share of
//! the rows labelled negative for the family on which its code fires; then, over every row of
//! `train.csv`, the share whose verdict is `review` or `reject`, also without the
//! `placement/other-store` flags that only name Digikala, the marketplace these reviews were
//! written on (the 5% goal leaves those out). For the dev sample it also lists the
//! missed and the wrongly flagged rows.
//!
//! The goals (recall >= 0.8 for every family on `eval`, review or reject on at most 5% of
//! `train.csv` without the home-name flags) are asserted only when `DAVAR_SEMANTIC_GOALS=1`,
//! so the scorer can run before every rule exists (a family whose code does not exist scores
//! 0). The label file's integrity is always asserted.
//!
//! Precision is the share of the rows a code fires on that are labelled for its family.
//! `DAVAR_SEMANTIC_REACH=strict` (or `broad`) sets every `reach:` parameter of the rule sets
//! to that value before the engine is built, to measure the precision-oriented setting.
//! `DAVAR_SEMANTIC_DUMP=<file>` writes, for every row of `train.csv`, its number and the codes
//! that fired at `review` or `reject` (tab-separated), for reading what a rule flags.
//!
//! `cargo test -p davar-tests --test semantic_eval -- --nocapture`

#[path = "semantic_eval/data.rs"]
mod data;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use data::{Label, Review, read_labels, read_train, repo_root, train_path};
use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources, Severity};

/// Label column and the rule code that must route such a review to a person.
const FAMILIES: &[(&str, &str)] = &[
    ("site_criticism", "conduct/site-criticism"),
    ("addressing", "conduct/addressing"),
    ("exaggeration", "review/exaggeration"),
    ("rumour", "review/rumour"),
    ("off_topic", "review/off-topic"),
    ("price_comment", "prices/comment"),
];

const RECALL_GOAL: f64 = 0.8;
const REVIEW_RATE_GOAL: f64 = 0.05;

/// Digikala's own name, as `placement/other-store` matches it (compared after [`fold`]).
const HOME_NAMES: &[&str] = &["دیجیکالا", "digikala", "دیجی"];

/// What the engine did with one review.
struct Outcome {
    /// Codes that fired at `review` or `reject`.
    fired: BTreeSet<String>,
    /// Verdict `review` or `reject`.
    held: bool,
    /// Still `review` or `reject` without the other-store flags that name the home site.
    held_without_home: bool,
}

/// Lowercase, without spaces, zero-width characters or Arabic letter forms.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200F}'))
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn moderate_all(engine: &Engine, reviews: &[Review]) -> Vec<Outcome> {
    let store = MemoryStore::new();
    let home: Vec<String> = HOME_NAMES.iter().map(|n| fold(n)).collect();
    reviews
        .iter()
        .enumerate()
        .map(|(i, review)| {
            let comment = Comment {
                id: Some(format!("row-{}", i + 1)),
                kind: Kind::Review,
                title: Some(review.title.clone()),
                body: review.comment.clone(),
                lang: "fa".to_owned(),
                ..Comment::default()
            };
            let result = engine
                .moderate(&comment, &store)
                .unwrap_or_else(|e| panic!("train.csv row {}: engine error: {e}", i + 1));
            let holding: Vec<_> = result
                .violations
                .iter()
                .filter(|v| v.severity >= Severity::Review)
                .collect();
            let names_home = |code: &str, text: &str| {
                code == "placement/other-store" && home.contains(&fold(text))
            };
            Outcome {
                fired: holding.iter().map(|v| v.code.clone()).collect(),
                held: !holding.is_empty(),
                held_without_home: holding.iter().any(|v| !names_home(&v.code, &v.text)),
            }
        })
        .collect()
}

/// Per family of one sample: positives, found, negatives, fired on negatives, rows.
#[derive(Default)]
struct Tally {
    positives: usize,
    found: usize,
    negatives: usize,
    false_alarms: usize,
    missed_rows: Vec<usize>,
    false_alarm_rows: Vec<usize>,
}

fn tally(labels: &[Label], outcomes: &[Outcome], sample: &str) -> Vec<Tally> {
    let mut tallies: Vec<Tally> = FAMILIES.iter().map(|_| Tally::default()).collect();
    for label in labels.iter().filter(|l| l.sample == sample) {
        let fired = &outcomes[label.row - 1].fired;
        for (i, (_, code)) in FAMILIES.iter().enumerate() {
            let t = &mut tallies[i];
            let hit = fired.contains(*code);
            if label.positive[i] {
                t.positives += 1;
                if hit {
                    t.found += 1;
                } else {
                    t.missed_rows.push(label.row);
                }
            } else {
                t.negatives += 1;
                if hit {
                    t.false_alarms += 1;
                    t.false_alarm_rows.push(label.row);
                }
            }
        }
    }
    tallies
}

fn recall(t: &Tally) -> Option<f64> {
    (t.positives > 0).then(|| t.found as f64 / t.positives as f64)
}

/// The 95% Wilson score interval of `found` out of `n` (recall on few positives is uncertain).
fn wilson(found: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n, z) = (found as f64, n as f64, 1.96_f64);
    let p = k / n;
    let denom = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denom;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

fn share(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

fn render(samples: &[(&str, Vec<Tally>)], outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<6} {:<15} {:<23} {:>4} {:>5} {:>7} {:>13}  fired on negatives  precision",
        "sample", "family", "code", "pos", "found", "recall", "95% interval"
    );
    for (sample, tallies) in samples {
        for ((family, code), t) in FAMILIES.iter().zip(tallies) {
            let r = recall(t).map_or("-".to_owned(), |r| format!("{r:.3}"));
            let (lo, hi) = wilson(t.found, t.positives);
            let _ = writeln!(
                out,
                "{sample:<6} {family:<15} {code:<23} {:>4} {:>5} {r:>7} {:>13}  {:>18}  {:.3}",
                t.positives,
                t.found,
                format!("{lo:.2}-{hi:.2}"),
                format!(
                    "{}/{} ({:.1}%)",
                    t.false_alarms,
                    t.negatives,
                    100.0 * share(t.false_alarms, t.negatives)
                ),
                share(t.found, t.found + t.false_alarms)
            );
        }
    }
    let n = outcomes.len();
    let held = outcomes.iter().filter(|o| o.held).count();
    let held_home = outcomes.iter().filter(|o| o.held_without_home).count();
    let _ = writeln!(
        out,
        "train.csv, {n} reviews: review or reject {held} ({:.2}%); without other-store flags naming Digikala {held_home} ({:.2}%)",
        100.0 * share(held, n),
        100.0 * share(held_home, n)
    );
    if let Some((_, dev)) = samples.iter().find(|(s, _)| *s == "dev") {
        for ((family, _), t) in FAMILIES.iter().zip(dev) {
            let _ = writeln!(
                out,
                "dev {family}: missed rows {:?}; flagged negative rows {:?}",
                t.missed_rows, t.false_alarm_rows
            );
        }
    }
    out
}

#[test]
fn semantic_families_on_labelled_digikala_reviews() {
    let root = repo_root();
    let labels_path = root.join("tests/corpus/digikala/labels.csv");
    let train = train_path();
    if !train.is_file() {
        println!(
            "skipped: {} is absent (set DAVAR_DIGIKALA_TRAIN to Digikala's train.csv to run the semantic evaluation)",
            train.display()
        );
        return;
    }
    let reviews = read_train(&train).unwrap_or_else(|e| panic!("cannot read train.csv: {e}"));
    let labels = read_labels(&labels_path, reviews.len()).unwrap_or_else(|e| panic!("{e}"));
    for (sample, least) in [("eval", 600), ("dev", 400)] {
        let count = labels.iter().filter(|l| l.sample == sample).count();
        assert!(
            count >= least,
            "{}: the {sample} sample has {count} rows, fewer than {least}",
            labels_path.display()
        );
    }
    for (i, (family, _)) in FAMILIES.iter().enumerate() {
        assert!(
            labels.iter().any(|l| l.sample == "eval" && l.positive[i]),
            "{}: no eval row is labelled `{family}`",
            labels_path.display()
        );
    }
    let mut sources = RuleSources::read_dir(&root.join("rules"))
        .unwrap_or_else(|e| panic!("cannot read rules/: {e}"));
    if let Ok(reach) = std::env::var("DAVAR_SEMANTIC_REACH") {
        // Every `reach:` of the rule sets set to this value (`broad` or `strict`).
        for set in &mut sources.rule_sets {
            set.text = set
                .text
                .lines()
                .map(|l| match l.split_once("reach:") {
                    Some((indent, _)) if indent.trim().is_empty() => {
                        format!("{indent}reach: {reach}")
                    }
                    _ => l.to_owned(),
                })
                .collect::<Vec<_>>()
                .join("\n");
        }
        println!("every `reach:` of the rule sets set to `{reach}`");
    }
    let engine = Engine::new(&sources, &NoClauses)
        .unwrap_or_else(|errors| panic!("rules/ does not compile: {errors:?}"));
    let outcomes = moderate_all(&engine, &reviews);
    let samples: Vec<(&str, Vec<Tally>)> = ["eval", "dev"]
        .into_iter()
        .map(|s| (s, tally(&labels, &outcomes, s)))
        .collect();
    let report = render(&samples, &outcomes);
    println!("{report}");
    if let Some(path) = std::env::var_os("DAVAR_SEMANTIC_DUMP") {
        let mut dump = String::new();
        for (i, o) in outcomes.iter().enumerate() {
            let codes: Vec<&str> = o.fired.iter().map(String::as_str).collect();
            let _ = writeln!(dump, "{}\t{}", i + 1, codes.join(" "));
        }
        std::fs::write(&path, dump).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
    }

    if std::env::var("DAVAR_SEMANTIC_GOALS").as_deref() != Ok("1") {
        println!("goals not asserted (set DAVAR_SEMANTIC_GOALS=1 to assert them)");
        return;
    }
    let mut below = Vec::new();
    for ((family, code), t) in FAMILIES.iter().zip(&samples[0].1) {
        let r = recall(t).unwrap_or(0.0);
        if r < RECALL_GOAL {
            below.push(format!(
                "{family} ({code}): recall {r:.3} on eval, goal {RECALL_GOAL}"
            ));
        }
    }
    let rate = share(
        outcomes.iter().filter(|o| o.held_without_home).count(),
        outcomes.len(),
    );
    if rate > REVIEW_RATE_GOAL {
        below.push(format!(
            "review or reject on {:.2}% of train.csv, goal at most {:.0}%",
            100.0 * rate,
            100.0 * REVIEW_RATE_GOAL
        ));
    }
    assert!(
        below.is_empty(),
        "goals not met:\n{}\n\n{report}",
        below.join("\n")
    );
}

#[test]
fn wilson_interval_matches_the_textbook_values() {
    let (lo, hi) = wilson(8, 10);
    assert!(
        (lo - 0.490).abs() < 0.001 && (hi - 0.943).abs() < 0.001,
        "{lo} {hi}"
    );
    assert_eq!(wilson(0, 0), (0.0, 1.0));
    let (lo, hi) = wilson(20, 20);
    assert!(lo > 0.83 && hi == 1.0, "{lo} {hi}");
}

#[test]
fn home_names_fold_like_the_stores_lexicon() {
    let home: Vec<String> = HOME_NAMES.iter().map(|n| fold(n)).collect();
    for spelling in ["دیجی کالا", "دیجی‌کالا", "ديجي كالا", "DigiKala", "Digi Kala"]
    {
        assert!(
            home.contains(&fold(spelling)),
            "{spelling} is not folded to a home name"
        );
    }
    assert!(!home.contains(&fold("دیجی استایل")));
}
