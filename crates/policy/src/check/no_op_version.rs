//! `no-op-version`: a version marked `change: substantive` whose text is word for word that of
//! the version before it in the same language (only formatting, links or nothing changed).
//!
//! Why: a substantive version owes its audience notice and appears in the change history; one
//! that changes no word asks readers to look for a change that is not there, and its notice
//! period delays nothing.

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::plain_text;
use crate::model::{ChangeKind, PolicySet, PolicyVersion};

/// The words of a version's body, whitespace collapsed: what a reader reads.
fn words(version: &PolicyVersion) -> String {
    plain_text(version.body())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &set.documents {
        for lang in doc.languages() {
            let versions: Vec<&PolicyVersion> = doc.versions_in(lang).collect();
            let mut previous: Option<(u32, String)> = None;
            for v in versions {
                let text = words(v);
                if let Some((number, before)) = &previous
                    && v.change == ChangeKind::Substantive
                    && *before == text
                {
                    let (line, column) = v.value_position("change");
                    out.push(
                        Diagnostic::warning(
                            codes::NO_OP_VERSION,
                            &v.path,
                            line,
                            column,
                            format!(
                                "v{} is marked substantive but its text is word for word that of v{number}",
                                v.version
                            ),
                        )
                        .with_width("substantive".len())
                        .with_help("mark it `change: editorial`, or make the change it announces"),
                    );
                }
                previous = Some((v.version, text));
            }
        }
    }
    out
}
