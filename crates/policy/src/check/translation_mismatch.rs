//! `translation-mismatch`: every language of a document has the same versions, with the same
//! effective dates, the same clause ids, the same number of list items in each clause, and the
//! same links to other documents as the reference language (the binding language when the
//! document has it). A translation that drifts is a second, unreviewed policy.
//!
//! Clause ids derived from heading text differ between languages by nature, so languages
//! without explicit ids are compared clause by clause in order. A version whose source could
//! not be read is left out (its `front-matter` error says why).

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::model::{Clause, Document, PolicySet, PolicyVersion};

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &set.documents {
        let langs = doc.languages();
        let Some(reference) = set.fallback_lang(doc, &set.site.binding_language) else {
            continue;
        };
        let unreadable = |lang: &str, version: u32| {
            set.unreadable
                .iter()
                .any(|u| u.doc == doc.id && u.lang == lang && u.version == version)
        };
        for lang in langs.iter().copied().filter(|l| *l != reference) {
            compare(doc, reference, lang, &unreadable, &mut out);
        }
    }
    out
}

fn error(path: &std::path::Path, (line, column): (usize, usize), message: String) -> Diagnostic {
    Diagnostic::error(codes::TRANSLATION_MISMATCH, path, line, column, message)
}

fn compare(
    doc: &Document,
    reference: &str,
    lang: &str,
    unreadable: &dyn Fn(&str, u32) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    for r in doc.versions_in(reference) {
        let Some(t) = doc.version(lang, r.version) else {
            if !unreadable(lang, r.version) {
                out.push(
                    error(
                        &r.path,
                        r.value_position("version"),
                        format!("v{} exists in `{reference}` but not in `{lang}`", r.version),
                    )
                    .with_help(format!(
                        "add {}/v{}.{lang}.md, or remove the `{lang}` text of this document",
                        doc.id, r.version
                    )),
                );
            }
            continue;
        };
        if t.effective != r.effective {
            out.push(
                error(
                    &t.path,
                    t.value_position("effective"),
                    format!(
                        "effective date {} differs from the `{reference}` text ({})",
                        t.effective, r.effective
                    ),
                )
                .with_width(10)
                .with_help("all languages of a version take effect on the same day"),
            );
        }
        compare_clauses(r, t, reference, out);
    }
    for t in doc.versions_in(lang) {
        if doc.version(reference, t.version).is_none() && !unreadable(reference, t.version) {
            out.push(
                error(
                    &t.path,
                    t.value_position("version"),
                    format!("v{} exists in `{lang}` but not in `{reference}`", t.version),
                )
                .with_help(format!("add the `{reference}` text of this version first")),
            );
        }
    }
}

/// Pairs the clauses of two languages: by explicit id, and clauses with derived ids by their
/// order among derived ids. Reports clauses without a partner, then list-item counts.
fn compare_clauses(
    r: &PolicyVersion,
    t: &PolicyVersion,
    reference: &str,
    out: &mut Vec<Diagnostic>,
) {
    let explicit = |v: &PolicyVersion| -> BTreeSet<String> {
        v.clauses
            .iter()
            .filter(|c| c.explicit_id)
            .map(|c| c.id.clone())
            .collect()
    };
    let (ref_ids, ids) = (explicit(r), explicit(t));
    for missing in ref_ids.difference(&ids) {
        out.push(
            error(
                &t.path,
                (t.body_line, 0),
                format!("clause `{missing}` of the `{reference}` text is missing here"),
            )
            .with_help("translate the clause, keeping its `{#id}`"),
        );
    }
    for extra in ids.difference(&ref_ids) {
        let line = t.clause(extra).map_or(t.body_line, |c| c.line);
        out.push(
            error(
                &t.path,
                (line, 1),
                format!("clause `{extra}` does not exist in the `{reference}` text"),
            )
            .with_help(format!(
                "use the clause ids of the `{reference}` text, or add the clause there too"
            )),
        );
    }
    let derived = |v: &PolicyVersion| v.clauses.iter().filter(|c| !c.explicit_id).count();
    if derived(r) != derived(t) {
        out.push(
            error(
                &t.path,
                (t.body_line, 0),
                format!(
                    "{} heading(s) without `{{#id}}` here, {} in the `{reference}` text",
                    derived(t),
                    derived(r)
                ),
            )
            .with_help(
                "give both texts the same headings; explicit `{#id}`s let davar pair them by id",
            ),
        );
        return;
    }
    let mut pairs: Vec<(&Clause, &Clause)> = r
        .clauses
        .iter()
        .filter(|c| c.explicit_id)
        .filter_map(|rc| t.clause(&rc.id).map(|tc| (rc, tc)))
        .collect();
    pairs.extend(
        r.clauses
            .iter()
            .filter(|c| !c.explicit_id)
            .zip(t.clauses.iter().filter(|c| !c.explicit_id)),
    );
    for (rc, tc) in pairs {
        if rc.list_items != tc.list_items {
            out.push(
                error(
                    &t.path,
                    (tc.line, 1),
                    format!(
                        "clause `{}` has {} list item(s) here but {} in the `{reference}` text",
                        tc.id, tc.list_items, rc.list_items
                    ),
                )
                .with_help("a translation lists the same items; restore the missing ones"),
            );
        }
    }
}
