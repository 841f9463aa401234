//! `obligation-mismatch`: the language versions of one document version must declare the same
//! obligations (ids, actors, triggers, actions, durations, requirements). Each language is
//! compared with the binding language (or the first language when the binding one is absent).

use std::collections::BTreeMap;

use super::block::Obligation;
use super::codes;
use davar_policy::diagnostic::Diagnostic;
use davar_policy::model::{Document, PolicyVersion};

/// Compares the languages of every version number of `doc`. `parsed` maps a version (by its
/// index in `doc.versions`) to its obligations.
pub fn check_document(
    doc: &Document,
    parsed: &[Vec<Obligation>],
    binding_language: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut by_number: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, v) in doc.versions.iter().enumerate() {
        by_number.entry(v.version).or_default().push(i);
    }
    for indices in by_number.values() {
        let reference = indices
            .iter()
            .copied()
            .find(|&i| doc.versions[i].lang == binding_language)
            .unwrap_or(indices[0]);
        for &other in indices.iter().filter(|&&i| i != reference) {
            compare(
                &doc.versions[reference],
                &parsed[reference],
                &doc.versions[other],
                &parsed[other],
                &mut out,
            );
        }
    }
    out
}

fn compare(
    ref_version: &PolicyVersion,
    ref_obligations: &[Obligation],
    version: &PolicyVersion,
    obligations: &[Obligation],
    out: &mut Vec<Diagnostic>,
) {
    let ref_name = format!("the {} text (v{})", ref_version.lang, ref_version.version);
    for wanted in ref_obligations {
        match obligations.iter().find(|o| o.id == wanted.id) {
            None => {
                let line = version.clause(&wanted.clause).map_or(1, |c| c.line);
                out.push(
                    Diagnostic::error(
                        codes::OBLIGATION_MISMATCH,
                        &version.path,
                        line,
                        0,
                        format!(
                            "obligation `{}` ({}) of {ref_name} is missing here",
                            wanted.id, wanted.limit
                        ),
                    )
                    .with_help(format!(
                        "add the same ```obligation block under clause `{}`",
                        wanted.clause
                    )),
                );
            }
            Some(found) => {
                for difference in differences(wanted, found) {
                    out.push(
                        Diagnostic::error(
                            codes::OBLIGATION_MISMATCH,
                            &version.path,
                            found.line,
                            1,
                            format!("obligation `{}`: {difference} in {ref_name}", found.id),
                        )
                        .with_help("every language must state the same obligation"),
                    );
                }
            }
        }
    }
    for extra in obligations
        .iter()
        .filter(|o| !ref_obligations.iter().any(|r| r.id == o.id))
    {
        out.push(Diagnostic::error(
            codes::OBLIGATION_MISMATCH,
            &version.path,
            extra.line,
            1,
            format!("obligation `{}` does not exist in {ref_name}", extra.id),
        ));
    }
}

fn differences(wanted: &Obligation, found: &Obligation) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, here: String, there: String| {
        if here != there {
            out.push(format!("{name} is `{here}` here but `{there}`"));
        }
    };
    field(
        "the duration",
        found.limit.to_string(),
        wanted.limit.to_string(),
    );
    field("the trigger", found.trigger.clone(), wanted.trigger.clone());
    field("the action", found.action.clone(), wanted.action.clone());
    field(
        "the actor",
        found.actor.as_str().into(),
        wanted.actor.as_str().into(),
    );
    field("the clause", found.clause.clone(), wanted.clause.clone());
    field(
        "`requires`",
        found.requires.join(", "),
        wanted.requires.join(", "),
    );
    out
}
