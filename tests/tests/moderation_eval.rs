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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use davar_moderation::{
    Comment, Engine, Field, Kind, MemoryStore, NoClauses, QuestionStore, RuleSources, Severity,
    Violation, catalog,
};
use serde::Deserialize;

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    id: String,
    #[serde(default)]
    kind: Kind,
    #[serde(default = "default_lang")]
    lang: String,
    #[serde(default)]
    title: Option<String>,
    body: String,
    expect: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
    #[allow(dead_code)] // documentation for readers of the corpus
    note: String,
    #[serde(default)]
    store: Option<String>,
    #[serde(default)]
    product: Option<String>,
}

fn default_lang() -> String {
    "fa".to_owned()
}

/// A case with the file and line it came from.
struct Located {
    file: String,
    line: usize,
    case: Case,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

fn load_corpus(dir: &Path) -> Result<Vec<Located>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let known: BTreeSet<&str> = catalog().iter().map(|r| r.code).collect();
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for path in files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() {
                continue;
            }
            let case: Case = match serde_json::from_str(raw) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(format!("{name}:{line}:{}: {e}", e.column()));
                    continue;
                }
            };
            for code in case.expect.iter().chain(&case.forbid) {
                if !known.contains(code.as_str()) {
                    errors.push(format!(
                        "{name}:{line}: case `{}` names unknown code `{code}`",
                        case.id
                    ));
                }
            }
            if case.store.is_some() && case.product.is_none() {
                errors.push(format!(
                    "{name}:{line}: case `{}` has a store but no product",
                    case.id
                ));
            }
            if let Some(first) = seen.insert(case.id.clone(), format!("{name}:{line}")) {
                errors.push(format!(
                    "{name}:{line}: case id `{}` already used at {first}",
                    case.id
                ));
            }
            cases.push(Located {
                file: name.clone(),
                line,
                case,
            });
        }
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors.join("\n"))
    }
}

fn family(code: &str) -> &str {
    code.split('/').next().unwrap_or(code)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

/// A ratio that is 1.0 when nothing was there to get wrong.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// What went wrong with one case.
struct Failure {
    id: String,
    at: String,
    expected: Vec<String>,
    got: Vec<String>,
    problem: String,
}

struct Outcome {
    cases: usize,
    by_family: BTreeMap<String, Counts>,
    by_code: BTreeMap<String, Counts>,
    failures: Vec<Failure>,
    /// Violations whose `start..end` (code points) does not select their `text`.
    span_errors: Vec<String>,
    /// Fixed texts that a second pass would change again (fixes must be idempotent).
    fix_errors: Vec<String>,
}

/// Checks the span contract: code-point offsets inside the field that select `text` exactly.
fn span_problem(comment: &Comment, v: &Violation) -> Option<String> {
    let field = match v.field {
        Field::Title => comment.title.as_deref().unwrap_or(""),
        Field::Body => comment.body.as_str(),
    };
    let len = field.chars().count();
    if v.start > v.end || v.end > len {
        return Some(format!(
            "{} span {}..{} outside the field ({len} code points)",
            v.code, v.start, v.end
        ));
    }
    let selected: String = field.chars().skip(v.start).take(v.end - v.start).collect();
    (selected != v.text).then(|| {
        format!(
            "{} span {}..{} selects {selected:?}, but text is {:?}",
            v.code, v.start, v.end, v.text
        )
    })
}

fn evaluate(engine: &Engine, cases: &[Located]) -> Outcome {
    let mut stores: HashMap<String, MemoryStore> = HashMap::new();
    let mut by_family: BTreeMap<String, Counts> = BTreeMap::new();
    for f in FLOORS {
        by_family.entry(f.0.to_owned()).or_default();
    }
    let mut by_code: BTreeMap<String, Counts> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut span_errors = Vec::new();
    let mut fix_errors = Vec::new();
    for located in cases {
        let case = &located.case;
        let at = format!("{}:{}", located.file, located.line);
        let comment = Comment {
            id: Some(case.id.clone()),
            kind: case.kind,
            title: case.title.clone(),
            body: case.body.clone(),
            product: case.product.clone(),
            author: None,
            lang: case.lang.clone(),
        };
        let fresh;
        let store: &dyn QuestionStore = match &case.store {
            Some(group) => stores.entry(group.clone()).or_default(),
            None => {
                fresh = MemoryStore::new();
                &fresh
            }
        };
        let expected: BTreeSet<&str> = case.expect.iter().map(String::as_str).collect();
        let result = match engine.moderate(&comment, store) {
            Ok(r) => r,
            Err(e) => {
                for code in &expected {
                    by_family.entry(family(code).to_owned()).or_default().fn_ += 1;
                }
                failures.push(Failure {
                    id: case.id.clone(),
                    at,
                    expected: case.expect.clone(),
                    got: vec![],
                    problem: format!("engine error: {e}"),
                });
                continue;
            }
        };
        if let Some(fixed) = &result.fixed {
            let again = Comment {
                title: fixed.title.clone(),
                body: fixed.body.clone(),
                ..comment.clone()
            };
            match engine.moderate(&again, &MemoryStore::new()) {
                Ok(second) => {
                    if let Some(twice) = second.fixed.filter(|t| t != fixed) {
                        fix_errors.push(format!(
                            "{} ({at}): fixing twice changes {:?} into {:?}",
                            case.id, fixed.body, twice.body
                        ));
                    }
                }
                Err(e) => fix_errors.push(format!("{} ({at}): fixed text rejected: {e}", case.id)),
            }
        }
        for v in &result.violations {
            if let Some(problem) = span_problem(&comment, v) {
                span_errors.push(format!("{} ({at}): {problem}", case.id));
            }
        }
        let all: BTreeSet<&str> = result.violations.iter().map(|v| v.code.as_str()).collect();
        let fired: BTreeSet<&str> = result
            .violations
            .iter()
            .filter(|v| v.severity >= Severity::Review || expected.contains(v.code.as_str()))
            .map(|v| v.code.as_str())
            .collect();
        let exp_fam: BTreeSet<&str> = expected.iter().map(|c| family(c)).collect();
        let got_fam: BTreeSet<&str> = fired.iter().map(|c| family(c)).collect();
        for fam in exp_fam.union(&got_fam) {
            let counts = by_family.entry((*fam).to_owned()).or_default();
            match (exp_fam.contains(fam), got_fam.contains(fam)) {
                (true, true) => counts.tp += 1,
                (true, false) => counts.fn_ += 1,
                (false, true) => counts.fp += 1,
                (false, false) => {}
            }
        }
        for code in expected.union(&fired) {
            let counts = by_code.entry((*code).to_owned()).or_default();
            match (expected.contains(code), fired.contains(code)) {
                (true, true) => counts.tp += 1,
                (true, false) => counts.fn_ += 1,
                (false, true) => counts.fp += 1,
                (false, false) => {}
            }
        }
        let missing: Vec<&str> = expected.difference(&fired).copied().collect();
        let extra: Vec<&str> = fired.difference(&expected).copied().collect();
        let forbidden: Vec<&str> = case
            .forbid
            .iter()
            .map(String::as_str)
            .filter(|c| all.contains(c))
            .collect();
        if !missing.is_empty() || !extra.is_empty() || !forbidden.is_empty() {
            let mut problem = String::new();
            if !missing.is_empty() {
                let _ = write!(problem, "missing {missing:?} ");
            }
            if !extra.is_empty() {
                let _ = write!(problem, "unexpected {extra:?} ");
            }
            if !forbidden.is_empty() {
                let _ = write!(problem, "forbidden {forbidden:?} fired");
            }
            let got = result
                .violations
                .iter()
                .map(|v| format!("{}({}) `{}`", v.code, v.severity.as_str(), v.text))
                .collect();
            failures.push(Failure {
                id: case.id.clone(),
                at,
                expected: case.expect.clone(),
                got,
                problem: problem.trim_end().to_owned(),
            });
        }
    }
    Outcome {
        cases: cases.len(),
        by_family,
        by_code,
        failures,
        span_errors,
        fix_errors,
    }
}

fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "moderation corpus: {} cases, {} not exactly right",
        outcome.cases,
        outcome.failures.len()
    );
    let _ = writeln!(
        out,
        "{:<10} {:>4} {:>4} {:>4} {:>9} {:>7}  floor P/R",
        "family", "TP", "FP", "FN", "precision", "recall"
    );
    for (fam, c) in &outcome.by_family {
        let floor = FLOORS
            .iter()
            .find(|f| f.0 == fam)
            .map_or_else(|| "-".to_owned(), |f| format!("{:.2}/{:.2}", f.1, f.2));
        let _ = writeln!(
            out,
            "{fam:<10} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}  {floor}",
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
    }
    let _ = writeln!(out, "\nper code (same counting, exact codes):");
    for (code, c) in &outcome.by_code {
        let _ = writeln!(
            out,
            "{code:<24} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
    }
    for f in &outcome.failures {
        let _ = writeln!(
            out,
            "FAIL {} ({}): {}; expected {:?}; got [{}]",
            f.id,
            f.at,
            f.problem,
            f.expected,
            f.got.join(", ")
        );
    }
    out
}

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
