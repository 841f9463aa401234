//! davar-obligation: the machine-checkable obligations of a policy set. Obligation blocks
//! under the clauses that state them, durations, working-day calendars, due dates, case
//! audits, `rules.json`, `policy.lock`, compliance profiles and the `davar check` codes
//! `obligation-block`, `duration-mismatch`, `obligation-mismatch`, `locked-version-changed`,
//! `calendar` and `compliance-*`.
//!
//! It reads the policy model of `davar-policy` ([`PolicySet`]); the policy crate knows nothing
//! of obligations.

pub mod audit;
pub mod block;
pub mod calendar;
pub mod calendar_check;
pub mod compliance;
pub mod deadline;
pub mod deadline_report;
pub mod duration;
mod duration_mismatch;
pub mod extract;
pub mod instant;
pub mod lock;
pub mod numerals;
mod obligation_mismatch;
pub mod prose;
pub mod rules_json;
pub mod sentence;
pub mod words;

use jiff::civil::Date;

pub use block::{Actor, Limit, Obligation};
pub use calendar::{Calendar, CalendarError, Calendars, DayOff, Holiday};
pub use calendar_check::check_calendars;
pub use deadline::{DeadlineError, DueDate, SkippedDay, due, end_on_working_day};
pub use duration::{Duration, DurationError, Unit};

use davar_policy::diagnostic::Diagnostic;
use davar_policy::model::{Document, PolicySet};
use rayon::prelude::*;

/// The codes of the obligation checks, from the one table of check codes
/// ([`davar_policy::codes::CODES`]).
pub use davar_policy::codes;

/// Every obligation check on `set` that needs no calendars (those are in [`check_calendars`]):
/// obligation blocks, durations against the prose, obligations across languages, compliance
/// profiles and, given the text of `policy.lock`, the locked versions. No I/O.
pub fn checks(set: &PolicySet, as_of: Date, lock: Option<&str>) -> Vec<Diagnostic> {
    // The documents, each apart, and the compliance profiles run in parallel (rayon).
    let (mut out, compliance) = rayon::join(
        || {
            set.documents
                .par_iter()
                .flat_map_iter(|doc| document_checks(set, doc))
                .collect::<Vec<_>>()
        },
        || compliance::check(set, as_of),
    );
    if let Some(text) = lock {
        let path = set.root.join(lock::LOCK_FILE);
        out.extend(lock::check_against(set, as_of, &path, text));
    }
    out.extend(compliance);
    out
}

/// The obligation blocks' and durations' findings in one document.
fn document_checks(set: &PolicySet, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut parsed = Vec::with_capacity(doc.versions.len());
    let uses_blocks = duration_mismatch::uses_blocks(doc);
    for version in &doc.versions {
        let (obligations, diagnostics) = extract::version_obligations(version);
        out.extend(diagnostics);
        if uses_blocks {
            out.extend(duration_mismatch::check_version(version, &obligations));
        }
        parsed.push(obligations);
    }
    if !uses_blocks {
        out.extend(duration_mismatch::hint_without_blocks(
            doc,
            &set.site.binding_language,
        ));
    }
    out.extend(obligation_mismatch::check_document(
        doc,
        &parsed,
        &set.site.binding_language,
    ));
    out
}

/// `rules.json` and `rules.schema.json` for the published site.
pub fn site_files(set: &PolicySet, as_of: Date) -> Vec<(String, Vec<u8>)> {
    let pretty = |value: &serde_json::Value| {
        let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    };
    vec![
        ("rules.json".into(), pretty(&obligations_json(set, as_of))),
        ("rules.schema.json".into(), pretty(&rules_json::schema())),
    ]
}

/// The content of `rules.json` (also served at `GET /v1/obligations`).
pub fn obligations_json(set: &PolicySet, as_of: Date) -> serde_json::Value {
    serde_json::to_value(rules_json::rules_file(set, as_of)).unwrap_or(serde_json::Value::Null)
}

/// The consistent four-language obligation fixture (`tests/fixtures/obligation/valid`) that
/// this module's unit tests share.
#[cfg(test)]
pub(crate) fn valid_fixture() -> PolicySet {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/obligation/valid");
    davar_policy::load(&dir)
        .expect("the obligation fixture loads")
        .0
}

/// The calendars shipped in `rules/calendars`, for unit tests.
#[cfg(test)]
pub(crate) fn shipped_calendars() -> Calendars {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/calendars");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("rules/calendars") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).expect("a calendar file");
            files.push((path, text));
        }
    }
    Calendars::from_sources(&files).expect("the shipped calendars parse")
}
