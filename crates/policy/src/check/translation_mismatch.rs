//! `translation-mismatch`: every language of a document has the same versions, with the same
//! effective dates and the same clause ids as the reference language (the binding language
//! when the document has it). A translation that drifts is a second, unreviewed policy.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::model::{Document, PolicySet};

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &set.documents {
        let langs = doc.languages();
        let Some(reference) = set.fallback_lang(doc, &set.site.binding_language) else {
            continue;
        };
        for lang in langs.iter().copied().filter(|l| *l != reference) {
            compare(doc, reference, lang, &mut out);
        }
    }
    out
}

fn compare(doc: &Document, reference: &str, lang: &str, out: &mut Vec<Diagnostic>) {
    let error = |path, (line, column): (usize, usize), message: String| {
        Diagnostic::error(codes::TRANSLATION_MISMATCH, path, line, column, message)
    };
    for r in doc.versions_in(reference) {
        let Some(t) = doc.version(lang, r.version) else {
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
        let ref_ids: BTreeSet<&str> = r.clauses.iter().map(|c| c.id.as_str()).collect();
        let ids: BTreeSet<&str> = t.clauses.iter().map(|c| c.id.as_str()).collect();
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
    }
    for t in doc.versions_in(lang) {
        if doc.version(reference, t.version).is_none() {
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
