//! The table of contents of a version: its clause headings, the top level and the one below
//! it nested, each linking to the clause's anchor.

use serde::Serialize;

use crate::model::PolicyVersion;

/// One heading in the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    /// The clause id (the anchor).
    pub id: String,
    /// The heading text.
    pub heading: String,
    /// Headings one level below, in order.
    pub children: Vec<TocEntry>,
}

/// The table of contents of `v`, or `None` when it has fewer than two clauses (nothing to
/// navigate).
pub fn table_of_contents(v: &PolicyVersion) -> Option<Vec<TocEntry>> {
    let top = v.clauses.iter().map(|c| c.level).min()?;
    let mut entries: Vec<TocEntry> = Vec::new();
    for clause in &v.clauses {
        let entry = TocEntry {
            id: clause.id.clone(),
            heading: clause.heading.clone(),
            children: Vec::new(),
        };
        if clause.level == top {
            entries.push(entry);
        } else if clause.level == top + 1 {
            match entries.last_mut() {
                Some(parent) => parent.children.push(entry),
                None => entries.push(entry),
            }
        }
    }
    let count: usize = entries.iter().map(|e| 1 + e.children.len()).sum();
    (count >= 2).then_some(entries)
}
