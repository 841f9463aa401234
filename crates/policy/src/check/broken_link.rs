//! `broken-link`: every `[text](@doc#clause)` names an existing document and a clause of it
//! (in the version in force when the linking version takes effect), and every `[text](#clause)`
//! names a clause of the same version. A clause is named by its id or by one of its heading's
//! alias anchors (`Clause::aliases`: the slugs a source commonly wrote for the heading's full
//! text, which the published page carries); an alias two headings share names neither, and the
//! message says which.

use jiff::civil::Date;

use super::closest;
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::model::{ClauseLink, PolicySet, PolicyVersion};

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        for link in &v.links {
            if let Some(message) = problem(set, v, link) {
                out.push(
                    Diagnostic::error(
                        codes::BROKEN_LINK,
                        &v.path,
                        link.line,
                        link.column,
                        message.0,
                    )
                    .with_width(link.target.chars().count())
                    .with_help(message.1),
                );
            }
        }
    }
    out
}

fn problem(set: &PolicySet, from: &PolicyVersion, link: &ClauseLink) -> Option<(String, String)> {
    let (target, doc_name) = match &link.doc {
        None => (from, from.id.as_str()),
        Some(doc_id) => {
            let Some(doc) = set.document(doc_id) else {
                let ids = set.documents.iter().map(|d| d.id.as_str());
                let hint = closest(doc_id, ids).map_or_else(
                    || {
                        format!(
                            "documents are: {}",
                            set.documents
                                .iter()
                                .map(|d| d.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    },
                    |c| format!("did you mean `@{c}`?"),
                );
                return Some((
                    format!(
                        "`{}` links to a document `{doc_id}` that does not exist",
                        link.target
                    ),
                    hint,
                ));
            };
            let lang = set.fallback_lang(doc, &from.lang)?;
            let version = doc
                .in_force(lang, from.effective)
                .or_else(|| doc.versions_in(lang).next())?;
            // A later version that could not be read may be the one the link points into.
            if set.later_unreadable(&doc.id, lang, version.version) {
                return None;
            }
            (version, doc.id.as_str())
        }
    };
    let clause = link.clause.as_deref()?;
    if target.anchor(clause).is_some() {
        return None;
    }
    let decoded = crate::clause_id::percent_decoded(clause);
    if let Some((_, ids)) = target
        .ambiguous_anchors
        .iter()
        .find(|(alias, _)| *alias == decoded)
    {
        let headings = ids
            .iter()
            .map(|id| format!("`#{id}`"))
            .collect::<Vec<_>>()
            .join(", ");
        return Some((
            format!(
                "`{}`: `#{clause}` could be any of the headings {headings} of `{doc_name}` v{} ({}), so the page gives it to none",
                link.target, target.version, target.lang
            ),
            "link to one heading's id".to_string(),
        ));
    }
    let ids = target
        .clauses
        .iter()
        .flat_map(|c| {
            // A number alone (`#6`) is no likely spelling of another number.
            let worded = c
                .aliases
                .iter()
                .filter(|a| a.chars().any(char::is_alphabetic));
            std::iter::once(&c.id).chain(worded)
        })
        .map(String::as_str);
    let hint = closest(clause, ids).map_or_else(
        || "link to an existing clause id (the `{#id}` at the end of its heading)".to_string(),
        |c| format!("did you mean `#{c}`?"),
    );
    Some((
        format!(
            "`{}`: `{doc_name}` v{} ({}) has no clause `{clause}`",
            link.target, target.version, target.lang
        ),
        hint,
    ))
}
