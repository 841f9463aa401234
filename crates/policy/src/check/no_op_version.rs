//! `no-op-version`: a version marked `change: substantive` whose text is word for word that of
//! the version before it in the same language (only formatting, links, typography or nothing
//! changed: curly quotes for straight ones, a doubled zero-width non-joiner, a no-break space).
//!
//! Why: a substantive version owes its audience notice and appears in the change history; one
//! that changes no word asks readers to look for a change that is not there, and its notice
//! period delays nothing.

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::model::{ChangeKind, PolicySet, PolicyVersion};

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &set.documents {
        for lang in doc.languages() {
            // The scan hashed each body's words (`plain_text`): equal hashes, same words.
            let mut before: Option<&PolicyVersion> = None;
            for v in doc.versions_in(lang) {
                if v.change == ChangeKind::Substantive
                    && let Some(prev) = before
                    && prev.scan.words_hash == v.scan.words_hash
                {
                    let (line, column) = v.value_position("change");
                    out.push(
                        Diagnostic::warning(
                            codes::NO_OP_VERSION,
                            &v.path,
                            line,
                            column,
                            format!(
                                "v{} is marked substantive but its text is word for word that of v{}",
                                v.version, prev.version
                            ),
                        )
                        .with_width("substantive".len())
                        .with_help("mark it `change: editorial`, or make the change it announces"),
                    );
                }
                before = Some(v);
            }
        }
    }
    out
}
