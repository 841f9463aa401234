//! Scoring: runs the engine over the corpus and counts per family and per code.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use davar_moderation::{Comment, Engine, Field, MemoryStore, QuestionStore, Severity, Violation};

use super::FLOORS;
use super::corpus::Located;

pub fn family(code: &str) -> &str {
    code.split('/').next().unwrap_or(code)
}

#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(self) -> f64 {
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
pub struct Failure {
    pub id: String,
    pub at: String,
    pub expected: Vec<String>,
    pub got: Vec<String>,
    pub problem: String,
}

pub struct Outcome {
    pub cases: usize,
    pub by_family: BTreeMap<String, Counts>,
    pub by_code: BTreeMap<String, Counts>,
    pub failures: Vec<Failure>,
    /// Violations whose `start..end` (code points) does not select their `text`.
    pub span_errors: Vec<String>,
    /// Fixed texts that a second pass would change again (fixes must be idempotent).
    pub fix_errors: Vec<String>,
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

pub fn evaluate(engine: &Engine, cases: &[Located]) -> Outcome {
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

pub fn render(outcome: &Outcome) -> String {
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
