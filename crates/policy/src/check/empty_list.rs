//! `empty-list`: a paragraph that ends with a colon announces a list; when no list follows,
//! the items were lost (a common copy-paste accident when moving text between editors).

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::model::PolicySet;

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        if v.scan.dangling_list_intros.is_empty() {
            continue;
        }
        let lines = LineIndex::new(&v.source);
        for offset in &v.scan.dangling_list_intros {
            let (line, column) = lines.line_col(&v.source, *offset);
            out.push(
                Diagnostic::error(codes::EMPTY_LIST, &v.path, line, column, "this paragraph announces a list, but no list follows")
                    .with_help("restore the list items (`- item` lines right after it) or end the sentence with a full stop"),
            );
        }
    }
    out
}
