//! Compiling the moderation rule sets against the policies: a rule set that does not compile
//! is a `rule-set` error, and a rule citing a clause that the policy in force lacks is a
//! `broken-link` error.

use std::collections::BTreeMap;
use std::path::PathBuf;

use davar_moderation::{Engine, Marketplace, RuleSources};
use davar_policy::codes;
use davar_policy::yaml::{self, Step};
use davar_policy::{Diagnostic, PolicySet};
use jiff::civil::Date;

/// The engine built from `sources` for the marketplace of `site.yaml`, with clause links
/// resolved against `set` as of `as_of`, and the diagnostics of the rule sets. `texts` holds
/// each rule set's text by path.
pub(crate) fn compile_rule_sets(
    mut sources: RuleSources,
    set: &PolicySet,
    as_of: Date,
    texts: &BTreeMap<PathBuf, String>,
) -> (Option<Engine>, Vec<Diagnostic>) {
    let site = &set.site;
    sources.set_marketplace(Marketplace::from_site(
        site.marketplace_name.values().map(String::as_str),
        site.brands.iter().map(String::as_str),
        &site.base_url,
    ));
    // The page in the reader's language; a language the document lacks gets the English
    // page, then the binding language's.
    let resolve = |doc: &str, clause: &str, lang: &str| {
        let has = |l: &str| {
            set.document(doc)
                .is_some_and(|d| d.versions.iter().any(|v| v.lang == l))
        };
        let first = if has(lang) { lang } else { "en" };
        set.clause_url(doc, clause, first, as_of)
            .or_else(|| set.clause_url(doc, clause, lang, as_of))
    };
    match Engine::new(&sources, &resolve) {
        Ok(engine) => {
            let found = broken_citations(&engine, set, as_of, texts);
            (Some(engine), found)
        }
        Err(errors) => (
            None,
            errors
                .into_iter()
                .map(|e| Diagnostic::error(codes::RULE_SET, e.file, e.line, 0, e.message))
                .collect(),
        ),
    }
}

/// Rules citing a clause that the version in force on `as_of` does not have, in one of the
/// rule set's languages.
fn broken_citations(
    engine: &Engine,
    set: &PolicySet,
    as_of: Date,
    texts: &BTreeMap<PathBuf, String>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule_set in engine.rule_sets() {
        let text = texts
            .get(&rule_set.path)
            .map(String::as_str)
            .unwrap_or_default();
        let mut reported = Vec::new();
        for (index, rule) in rule_set.rules.iter().enumerate() {
            let Some(cited) = &rule.clause else { continue };
            let Some((doc, clause)) = cited.split_once('#') else {
                continue;
            };
            let missing: Vec<&str> = rule_set
                .langs
                .iter()
                .map(String::as_str)
                .filter(|lang| set.clause_url(doc, clause, lang, as_of).is_none())
                .collect();
            if missing.is_empty() || reported.contains(cited) {
                continue;
            }
            reported.push(cited.clone());
            // The rules keep their file order: rule `index` is `rules[index]` of the file.
            let path = [Step::Key("rules"), Step::Index(index), Step::Key("clause")];
            let (line, column) =
                yaml::value_position(text, &path).map_or((0, 0), |p| (p.line, p.column));
            let (message, help) = if set.document(doc).is_none() {
                (
                    format!(
                        "rule `{}` of `{}` cites `{cited}`, but these policies have no document `{doc}`",
                        rule.code, rule_set.name
                    ),
                    "cite a document of these policies, or pass the rules written for them (`--rules`)",
                )
            } else {
                (
                    format!(
                        "rule `{}` of `{}` cites `{cited}`, which is not a clause of the version in force on {as_of} ({})",
                        rule.code,
                        rule_set.name,
                        missing.join(", ")
                    ),
                    "cite an existing clause id (`{#id}` in the policy source)",
                )
            };
            out.push(
                Diagnostic::error(codes::BROKEN_LINK, &rule_set.path, line, column, message)
                    .with_width(cited.chars().count())
                    .with_help(help),
            );
        }
    }
    out
}
