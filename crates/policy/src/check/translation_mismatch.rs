//! `translation-mismatch`: every language of a document has the same versions, with the same
//! effective dates, the same clause ids, the same number of list items in each clause, and the
//! same links to clauses and other documents as the reference language (the binding language
//! when the document has it). A translation that drifts is a second, unreviewed policy.
//!
//! Clause ids derived from heading text differ between languages by nature, so languages
//! without explicit ids are compared clause by clause in order. A version whose source could
//! not be read is left out (its `front-matter` error says why).
//!
//! Links to other documents are compared as `@doc#clause` targets, links within the document by
//! the clause they reach (matched across languages like the clauses): a translation that links
//! elsewhere, or keeps some links and drops others, is reported; one written without any link
//! is left alone.
//!
//! When two or more translations agree on a clause's list-item count and the reference text
//! alone differs, the reference text is the one that lost or gained items: it is reported,
//! once, instead of every correct translation.

use std::collections::{BTreeMap, BTreeSet};

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
        let odd = odd_reference_lists(doc, reference, &langs, &mut out);
        for lang in langs.iter().copied().filter(|l| *l != reference) {
            compare(doc, reference, lang, &unreadable, &odd, &mut out);
        }
    }
    out
}

/// Clauses of the reference text (version, clause index) whose list-item count differs from
/// that of two or more translations that agree with each other: each is reported on the
/// reference text.
fn odd_reference_lists(
    doc: &Document,
    reference: &str,
    langs: &[&str],
    out: &mut Vec<Diagnostic>,
) -> BTreeSet<(u32, usize)> {
    let mut odd = BTreeSet::new();
    for r in doc.versions_in(reference) {
        // clause index -> the counts of the translations paired with it
        let mut counts: BTreeMap<usize, Vec<(&str, usize)>> = BTreeMap::new();
        for lang in langs.iter().copied().filter(|l| *l != reference) {
            let Some(t) = doc.version(lang, r.version) else {
                continue;
            };
            for (rc, tc) in pairs(r, t) {
                let index = r
                    .clauses
                    .iter()
                    .position(|c| std::ptr::eq(c, rc))
                    .unwrap_or(0);
                counts.entry(index).or_default().push((lang, tc.list_items));
            }
        }
        for (index, found) in counts {
            let rc = &r.clauses[index];
            let first = found[0].1;
            if found.len() < 2 || first == rc.list_items || found.iter().any(|(_, n)| *n != first) {
                continue;
            }
            odd.insert((r.version, index));
            let names: Vec<&str> = found.iter().map(|(l, _)| *l).collect();
            out.push(
                error(
                    &r.path,
                    (rc.line, 1),
                    format!(
                        "clause `{}` has {} list item(s) here but {first} in every translation ({})",
                        rc.id,
                        rc.list_items,
                        names.join(", ")
                    ),
                )
                .with_help("the binding text lost or gained items the translations agree on; restore them here"),
            );
        }
    }
    odd
}

/// The clauses of `t` paired with those of `r`: by explicit id, and clauses with derived ids
/// by their order among derived ids (none when the texts have different numbers of them).
fn pairs<'a>(r: &'a PolicyVersion, t: &'a PolicyVersion) -> Vec<(&'a Clause, &'a Clause)> {
    let mut pairs: Vec<(&Clause, &Clause)> = r
        .clauses
        .iter()
        .filter(|c| c.explicit_id)
        .filter_map(|rc| t.clause(&rc.id).map(|tc| (rc, tc)))
        .collect();
    let derived = |v: &PolicyVersion| v.clauses.iter().filter(|c| !c.explicit_id).count();
    if derived(r) == derived(t) {
        pairs.extend(
            r.clauses
                .iter()
                .filter(|c| !c.explicit_id)
                .zip(t.clauses.iter().filter(|c| !c.explicit_id)),
        );
    }
    pairs
}

/// Links of `v` to clauses and other documents, with where each is: `@doc#clause` or `@doc`
/// for another document, `#clause` for a clause of the same document, its id passed through
/// `same_doc` (`None` leaves the link out).
fn links_of(
    v: &PolicyVersion,
    same_doc: impl Fn(&str) -> Option<String>,
) -> BTreeMap<String, (usize, usize)> {
    let mut links = BTreeMap::new();
    for l in &v.links {
        let key = match (&l.doc, &l.clause) {
            (Some(doc), Some(clause)) => format!("@{doc}#{clause}"),
            (Some(doc), None) => format!("@{doc}"),
            (None, Some(clause)) => match same_doc(clause) {
                Some(id) => format!("#{id}"),
                None => continue,
            },
            (None, None) => continue,
        };
        links.entry(key).or_insert((l.line, l.column));
    }
    links
}

fn error(path: &std::path::Path, (line, column): (usize, usize), message: String) -> Diagnostic {
    Diagnostic::error(codes::TRANSLATION_MISMATCH, path, line, column, message)
}

fn compare(
    doc: &Document,
    reference: &str,
    lang: &str,
    unreadable: &dyn Fn(&str, u32) -> bool,
    odd: &BTreeSet<(u32, usize)>,
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
        compare_clauses(r, t, reference, odd, out);
        compare_links(r, t, reference, out);
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
    odd: &BTreeSet<(u32, usize)>,
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
    for (rc, tc) in pairs(r, t) {
        let index = r
            .clauses
            .iter()
            .position(|c| std::ptr::eq(c, rc))
            .unwrap_or(0);
        if rc.list_items != tc.list_items && !odd.contains(&(r.version, index)) {
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

/// Reports links of `t` that the reference text does not have (a changed target: another
/// document, or another clause of the same document, clauses matched as [`pairs`] matches them),
/// and, when `t` has links at all, the reference text's links it lacks. A translation written
/// without any link is left alone: its readers find the clauses and other documents from the
/// page's own navigation.
fn compare_links(r: &PolicyVersion, t: &PolicyVersion, reference: &str, out: &mut Vec<Diagnostic>) {
    let paired: BTreeMap<&str, &str> = pairs(r, t)
        .into_iter()
        .map(|(rc, tc)| (rc.id.as_str(), tc.id.as_str()))
        .collect();
    let ref_links = links_of(r, |id| paired.get(id).map(|t_id| (*t_id).to_owned()));
    let links = links_of(t, |id| t.clause(id).map(|c| c.id.clone()));
    if links.is_empty() {
        return;
    }
    for (missing, (line, _)) in &ref_links {
        if !links.contains_key(missing) {
            out.push(
                error(
                    &t.path,
                    (t.body_line, 0),
                    format!("the `{reference}` text links to `{missing}` (line {line}) but this text does not"),
                )
                .with_help("translate the link with the same target"),
            );
        }
    }
    for (extra, (line, column)) in &links {
        if !ref_links.contains_key(extra) {
            out.push(
                error(
                    &t.path,
                    (*line, *column),
                    format!("link to `{extra}` is not in the `{reference}` text"),
                )
                .with_help(format!(
                    "link to the same document and clause as the `{reference}` text"
                )),
            );
        }
    }
}
