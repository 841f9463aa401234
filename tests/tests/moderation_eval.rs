//! Evaluation harness: runs the real moderation engine, built from the repository's `rules/`,
//! over the labelled corpus in `tests/corpus/moderation/*.jsonl` and reports precision and
//! recall per rule family (the part of a code before `/`).
//!
//! Corpus format (one JSON object per line, see the bottom of `INTERFACES.md`):
//! `{"id","kind","lang","title","body","expect":[codes],"note"}` plus optional `"store"`
//! (cases with the same value share one question store, in file order, for `qa/duplicate`),
//! `"product"` and `"forbid"` (codes that must not fire at any severity).
//!
//! A code counts as *fired* when it fires at `review` or `reject`, or when it is listed in
//! `expect` and fires at any severity (style codes are `fix`). Per case and family, an
//! expected family that fired is a true positive, an expected family that did not fire is a
//! false negative, and a fired family that was not expected is a false positive.
//!
//! Run with `cargo test -p davar-tests --test moderation_eval -- --nocapture` to see the
//! table. Set `DAVAR_EVAL_FAILURES=/path/file` to also write the failing cases there.

#[path = "moderation_eval/corpus.rs"]
mod corpus;
#[path = "moderation_eval/score.rs"]
mod score;

use davar_moderation::{Engine, NoClauses, RuleSources};

use corpus::{Located, load_corpus, repo_root};
use score::{evaluate, family, render};

/// Families whose precision and recall must reach the floor. Links, contacts and prices are
/// the contract (0.95). The others were measured at 0.96-1.00 on this corpus
/// (C's final report has the table), so they get the same 0.95 floor: a regression of a
/// few cases fails the test and names them.
const FLOORS: &[(&str, f64, f64)] = &[
    // (family, precision floor, recall floor)
    ("links", 0.95, 0.95),
    ("contacts", 0.95, 0.95),
    ("prices", 0.95, 0.95),
    ("script", 0.95, 0.95),
    ("style", 0.95, 0.95),
    ("placement", 0.95, 0.95),
    ("conduct", 0.95, 0.95),
    ("qa", 0.95, 0.95),
    ("review", 0.95, 0.95),
];

#[test]
fn corpus_precision_and_recall_reach_the_floors() {
    let root = repo_root();
    let cases = load_corpus(&root.join("tests/corpus/moderation"))
        .unwrap_or_else(|e| panic!("bad corpus:\n{e}"));
    assert!(
        cases.len() >= 500,
        "the corpus shrank to {} cases",
        cases.len()
    );
    let sources = RuleSources::read_dir(&root.join("rules"))
        .unwrap_or_else(|e| panic!("cannot read rules/: {e}"));
    let engine = Engine::new(&sources, &NoClauses).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("rules/ does not compile:\n{}", list.join("\n"))
    });
    let outcome = evaluate(&engine, &cases);
    let report = render(&outcome);
    println!("{report}");
    if let Some(path) = std::env::var_os("DAVAR_EVAL_FAILURES") {
        std::fs::write(&path, &report).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
    }
    assert!(
        outcome.span_errors.is_empty(),
        "violation spans that do not match their text:\n{}",
        outcome.span_errors.join("\n")
    );
    assert!(
        outcome.fix_errors.is_empty(),
        "fixes that are not idempotent:\n{}",
        outcome.fix_errors.join("\n")
    );
    let mut below = Vec::new();
    for (fam, p_floor, r_floor) in FLOORS {
        let c = outcome.by_family.get(*fam).copied().unwrap_or_default();
        assert!(
            c.tp + c.fn_ > 0,
            "the corpus has no positive case for family `{fam}`"
        );
        if c.precision() < *p_floor || c.recall() < *r_floor {
            let ids: Vec<&str> = outcome
                .failures
                .iter()
                .filter(|f| {
                    f.expected.iter().any(|e| family(e) == *fam)
                        || f.problem.contains(&format!("\"{fam}/"))
                })
                .map(|f| f.id.as_str())
                .collect();
            below.push(format!(
                "{fam}: precision {:.3} (floor {p_floor}), recall {:.3} (floor {r_floor}); failing cases: {}",
                c.precision(),
                c.recall(),
                ids.join(", ")
            ));
        }
    }
    assert!(
        below.is_empty(),
        "families below their floor:\n{}\n\n{report}",
        below.join("\n")
    );
}

#[test]
fn honest_reviews_are_approved_or_only_fixed() {
    // The issue: "a rejected honest review is as bad as a missed phone number". Every case of
    // honest.fa.jsonl must come out without a review- or reject-level violation.
    let root = repo_root();
    let cases = load_corpus(&root.join("tests/corpus/moderation"))
        .unwrap_or_else(|e| panic!("bad corpus:\n{e}"));
    let honest: Vec<Located> = cases
        .into_iter()
        .filter(|c| c.file == "honest.fa.jsonl")
        .collect();
    assert!(
        honest.len() >= 100,
        "honest.fa.jsonl shrank to {} cases",
        honest.len()
    );
    let sources = RuleSources::read_dir(&root.join("rules"))
        .unwrap_or_else(|e| panic!("cannot read rules/: {e}"));
    let engine = Engine::new(&sources, &NoClauses)
        .unwrap_or_else(|errors| panic!("rules/ does not compile: {errors:?}"));
    let outcome = evaluate(&engine, &honest);
    let max_wrong = honest.len() / 50; // at most 2% of honest reviews may be held back
    assert!(
        outcome.failures.len() <= max_wrong,
        "{} of {} honest reviews were flagged (at most {max_wrong} allowed):\n{}",
        outcome.failures.len(),
        honest.len(),
        render(&outcome)
    );
}
