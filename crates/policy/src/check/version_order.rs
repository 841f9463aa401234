//! `version-order`: the versions of a document in one language are numbered 1, 2, 3… without
//! gaps, and each takes effect strictly after the one before it (on or after it for capture
//! dates, since an archive may record several versions in one day).
//!
//! A version whose front matter could not be read (a `front-matter` error) still holds its
//! number: the versions around it are not reported for the gap it leaves.
//!
//! Why: readers and audits find "the version in force on a date" by effective date; two
//! versions on the same date, or a gap in numbering, make that answer ambiguous.

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::model::{DateKind, PolicySet, PolicyVersion};

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &set.documents {
        for lang in doc.languages() {
            let versions: Vec<&PolicyVersion> = doc.versions_in(lang).collect();
            let unreadable = |n: u32| {
                set.unreadable
                    .iter()
                    .any(|u| u.doc == doc.id && u.lang == lang && u.version == n)
            };
            let mut expected = 1;
            for v in &versions {
                while expected < v.version && unreadable(expected) {
                    expected += 1;
                }
                if v.version != expected {
                    let (line, column) = v.value_position("version");
                    out.push(
                        Diagnostic::error(codes::VERSION_ORDER, &v.path, line, column,
                            format!("version {} of `{}` ({lang}) comes after version {}; versions must be consecutive", v.version, doc.id, expected - 1))
                            .with_help(format!("number this file v{expected}, or add the missing version")),
                    );
                }
                expected = v.version + 1;
            }
            for pair in versions.windows(2) {
                let (prev, next) = (pair[0], pair[1]);
                let captured = next.dates == DateKind::Captured && prev.dates == DateKind::Captured;
                if next.effective < prev.effective || next.effective == prev.effective && !captured
                {
                    let (line, column) = next.value_position("effective");
                    out.push(
                        Diagnostic::error(
                            codes::VERSION_ORDER,
                            &next.path,
                            line,
                            column,
                            format!(
                                "v{} takes effect on {}, not later than v{} ({})",
                                next.version, next.effective, prev.version, prev.effective
                            ),
                        )
                        .with_width(10)
                        .with_help("each version must take effect after the previous one"),
                    );
                }
            }
        }
    }
    out
}
