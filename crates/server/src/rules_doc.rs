//! The body of `GET /v1/rules`: the active rule sets, their codes, severities, cited clauses with
//! their published URLs per language, and a hash identifying this exact set of rules.

use std::collections::BTreeMap;

use davar_moderation::Engine;
use davar_policy::PolicySet;
use jiff::civil::Date;
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// `GET /v1/rules`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RulesResponse {
    /// SHA-256 over every rule set's own hash: changes whenever any rule file changes.
    pub hash: String,
    /// The policies' date the clause URLs were resolved for (`YYYY-MM-DD`).
    pub as_of: String,
    /// Active rule sets, by name.
    pub rule_sets: Vec<RuleSetDoc>,
}

/// One active rule set.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleSetDoc {
    /// `name@version`, as in moderation results (`reviews.fa@1`).
    pub id: String,
    /// Rule set name (`reviews.fa`).
    pub name: String,
    /// Version number.
    pub version: u32,
    /// SHA-256 of the rule set file (hex).
    pub hash: String,
    /// `review`, `question` or `answer`.
    pub kind: String,
    /// Languages it serves.
    pub langs: Vec<String>,
    /// Longest accepted field, in code points.
    pub max_input_chars: usize,
    /// The configured rules, in file order.
    pub rules: Vec<RuleDoc>,
}

/// One configured rule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleDoc {
    /// Catalog code (`contacts/phone`).
    pub code: String,
    /// `hint`, `fix`, `review` or `reject`.
    pub severity: String,
    /// Whether the rule's repair removes content: a comment the engine publishes with it is
    /// published with parts removed (a restriction, with a statement of reasons and an appeal).
    pub removes_content: bool,
    /// Clause reference `doc#clause-id`, when the rule set cites one.
    pub clause: Option<String>,
    /// Published URL of that clause per language of the rule set (absent when unresolved).
    pub clause_urls: BTreeMap<String, String>,
}

impl RulesResponse {
    /// Languages some rule set serves for comments of `kind`, sorted.
    pub fn langs_for(&self, kind: &str) -> Vec<String> {
        let mut langs: Vec<String> = self
            .rule_sets
            .iter()
            .filter(|s| s.kind == kind)
            .flat_map(|s| s.langs.iter().cloned())
            .collect();
        langs.sort();
        langs.dedup();
        langs
    }

    /// Every language some rule set serves, sorted.
    pub fn langs(&self) -> Vec<String> {
        let mut langs: Vec<String> = self
            .rule_sets
            .iter()
            .flat_map(|s| s.langs.iter().cloned())
            .collect();
        langs.sort();
        langs.dedup();
        langs
    }
}

/// Describes the engine's rule sets, resolving clause URLs in the policies for `as_of`.
pub fn rules_response(engine: &Engine, policies: &PolicySet, as_of: Date) -> RulesResponse {
    let mut total = Sha256::new();
    let mut rule_sets: Vec<RuleSetDoc> = engine
        .rule_sets()
        .iter()
        .map(|set| {
            total.update(set.hash.as_bytes());
            RuleSetDoc {
                id: set.id(),
                name: set.name.clone(),
                version: set.version,
                hash: set.hash.clone(),
                kind: set.kind.as_str().to_owned(),
                langs: set.langs.clone(),
                max_input_chars: set.max_input_chars,
                rules: set
                    .rules
                    .iter()
                    .map(|rule| RuleDoc {
                        code: rule.code.clone(),
                        severity: rule.severity.as_str().to_owned(),
                        removes_content: rule.removes_content,
                        clause: rule.clause.clone(),
                        clause_urls: rule
                            .clause
                            .as_deref()
                            .and_then(|c| c.split_once('#'))
                            .map(|(doc, clause)| {
                                set.langs
                                    .iter()
                                    .filter_map(|lang| {
                                        policies
                                            .clause_url(doc, clause, lang, as_of)
                                            .map(|url| (lang.clone(), url))
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                    })
                    .collect(),
            }
        })
        .collect();
    rule_sets.sort_by(|a, b| a.name.cmp(&b.name));
    RulesResponse {
        hash: hex(&total.finalize()),
        as_of: as_of.to_string(),
        rule_sets,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
