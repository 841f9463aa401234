//! `davar check`: every check code, one file per code. Each check reads the loaded
//! [`PolicySet`] and returns diagnostics; none does I/O.
//!
//! Problems found while reading files (`front-matter`) are returned by [`crate::load`];
//! [`check`] runs everything that needs the whole set.

mod broken_link;
mod date_mismatch;
mod duplicate_clause;
pub(crate) mod empty_list;
mod foreign_brand;
mod half_space;
mod language_mismatch;
mod no_op_version;
mod notice_period;
mod obligation_fence;
mod placeholder;
mod translation_mismatch;
mod unknown_brand;
mod version_order;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::model::PolicySet;

/// A check: the code it emits (documented in [`crate::codes::CODES`]) and the function that
/// runs it.
#[derive(Debug, Clone, Copy)]
pub struct CheckInfo {
    /// The diagnostic code it emits.
    pub code: &'static str,
    run: fn(&PolicySet, Date) -> Vec<Diagnostic>,
}

/// Every set-level policy check, in the order they run.
pub const CHECKS: &[CheckInfo] = &[
    CheckInfo {
        code: codes::VERSION_ORDER,
        run: version_order::check,
    },
    CheckInfo {
        code: codes::NOTICE_PERIOD,
        run: notice_period::check,
    },
    CheckInfo {
        code: codes::DUPLICATE_CLAUSE,
        run: duplicate_clause::check,
    },
    CheckInfo {
        code: codes::CLAUSE_ID,
        run: duplicate_clause::derived_ids,
    },
    CheckInfo {
        code: codes::BROKEN_LINK,
        run: broken_link::check,
    },
    CheckInfo {
        code: codes::PLACEHOLDER,
        run: placeholder::check,
    },
    CheckInfo {
        code: codes::EMPTY_LIST,
        run: empty_list::check,
    },
    CheckInfo {
        code: codes::FOREIGN_BRAND,
        run: foreign_brand::check,
    },
    CheckInfo {
        code: codes::UNKNOWN_BRAND,
        run: unknown_brand::check,
    },
    CheckInfo {
        code: codes::TRANSLATION_MISMATCH,
        run: translation_mismatch::check,
    },
    CheckInfo {
        code: codes::NO_OP_VERSION,
        run: no_op_version::check,
    },
    CheckInfo {
        code: codes::DATE_MISMATCH,
        run: date_mismatch::check,
    },
    CheckInfo {
        code: codes::LANGUAGE_MISMATCH,
        run: language_mismatch::check,
    },
    CheckInfo {
        code: codes::HALF_SPACE,
        run: half_space::check,
    },
    CheckInfo {
        code: codes::OBLIGATION_BLOCK,
        run: obligation_fence::check,
    },
];

/// Runs every policy check on `set` as of `as_of`, sorted by file, line and column. The checks
/// run in parallel (rayon); their findings are gathered in the order of [`CHECKS`].
pub fn check(set: &PolicySet, as_of: Date) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = CHECKS
        .par_iter()
        .flat_map_iter(|c| (c.run)(set, as_of))
        .collect();
    sort(&mut diagnostics);
    diagnostics
}

/// Sorts diagnostics by file, line, column and code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.code, &b.message))
    });
}

/// Levenshtein distance, for "did you mean" hints.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The candidate closest to `wanted`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = wanted.chars().count();
    candidates
        .filter_map(|c| {
            // The distance is at least the difference in length: most candidates are ruled out
            // without computing it.
            let limit = (c.chars().count() / 3).max(2);
            (c.chars().count().abs_diff(length) <= limit).then(|| (edit_distance(wanted, c), c))
        })
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min()
        .map(|(_, c)| c)
}
