//! Rule sets as data: YAML read into `Raw*` structs, validated into [`RuleSet`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::RuleSetError;
use crate::lexicon::Lexicon;
use crate::marketplace::Marketplace;
use crate::model::{Kind, Messages, Severity};
use crate::rules::{Rule, RuleDef, definition};
use crate::yaml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleSet {
    name: String,
    version: u32,
    kind: Kind,
    langs: Vec<String>,
    #[serde(default)]
    max_input_chars: Option<usize>,
    /// Transparency Database category of the rules that name none.
    #[serde(default)]
    dsa_category: Option<String>,
    /// Whether rejected comments wait for a moderator.
    #[serde(default)]
    queue_rejects: bool,
    rules: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    code: String,
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    removes_content: Option<bool>,
    #[serde(default)]
    clause: Option<String>,
    message: Messages,
    #[serde(default)]
    dsa_category: Option<String>,
    #[serde(default)]
    params: BTreeMap<String, ParamValue>,
}

/// A rule parameter as written in YAML.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum ParamValue {
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<String>),
}

/// Default cap on the length of one field; longer input is refused, not judged.
const DEFAULT_MAX_INPUT_CHARS: usize = 50_000;

/// The values `max_input_chars` may take.
const MAX_INPUT_CHARS_RANGE: std::ops::RangeInclusive<usize> = 1..=1_000_000;

/// A validated rule set (`rules/<name>.yaml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// `reviews.fa`, `questions.default`, ...
    pub name: String,
    /// Bumped when the rules change; shown as `name@version`.
    pub version: u32,
    /// SHA-256 of the YAML source (hex).
    pub hash: String,
    /// Kind of comment it serves.
    pub kind: Kind,
    /// Languages it serves.
    pub langs: Vec<String>,
    /// Longest field accepted at all (code points).
    pub max_input_chars: usize,
    /// Whether comments the engine rejects wait for a moderator (like `review` ones) instead of
    /// being refused outright (`queue_rejects: true`; default false).
    pub queue_rejects: bool,
    /// The rules, in file order.
    pub rules: Vec<ConfiguredRule>,
    /// Source file.
    pub path: PathBuf,
}

impl RuleSet {
    /// `name@version`, as printed in results.
    pub fn id(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }
}

/// One rule as a rule set configures it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfiguredRule {
    /// Catalog code.
    pub code: String,
    /// Severity (the catalog default unless the set overrides it).
    pub severity: Severity,
    /// Whether the rule's repair removes content (the catalog default unless the set says
    /// otherwise with `removes_content:`); only rules that repair have one.
    pub removes_content: bool,
    /// Clause reference `doc#clause-id`, if the set cites one.
    pub clause: Option<String>,
    /// Message shown with each violation.
    pub message: Messages,
    /// Transparency Database `category` of a restriction resting on this rule (the rule's
    /// `dsa_category:`, else the set's), if the set names one.
    pub dsa_category: Option<String>,
}

/// A rule ready to run: the checker, its configuration and resolved clause URLs per language.
pub(crate) struct CompiledRule {
    pub config: ConfiguredRule,
    pub def: &'static RuleDef,
    pub rule: Box<dyn Rule>,
    pub clause_urls: HashMap<String, Option<String>>,
}

/// Lexicons by name.
pub(crate) type Lexicons = HashMap<String, Lexicon>;

/// Parameters of one configured rule, with access to the lexicons.
pub(crate) struct Params<'a> {
    values: &'a BTreeMap<String, ParamValue>,
    lexicons: &'a Lexicons,
    langs: &'a [String],
    marketplace: &'a Marketplace,
}

impl<'a> Params<'a> {
    /// Parameters for tests and built-in defaults.
    pub fn new(
        values: &'a BTreeMap<String, ParamValue>,
        lexicons: &'a Lexicons,
        langs: &'a [String],
        marketplace: &'a Marketplace,
    ) -> Params<'a> {
        Params {
            values,
            lexicons,
            langs,
            marketplace,
        }
    }

    /// The marketplace the rules work for.
    pub fn marketplace(&self) -> &'a Marketplace {
        self.marketplace
    }

    /// Whether the rule set left parameter `key` out (the rule uses its default).
    pub fn is_default(&self, key: &str) -> bool {
        !self.values.contains_key(key)
    }

    /// An unsigned integer parameter.
    pub fn usize(&self, key: &str, default: usize) -> Result<usize, String> {
        match self.values.get(key) {
            None => Ok(default),
            Some(ParamValue::Int(n)) if *n >= 0 => Ok(*n as usize),
            Some(other) => Err(format!(
                "parameter `{key}` must be a non-negative integer, not {other:?}"
            )),
        }
    }

    /// A number parameter.
    pub fn f64(&self, key: &str, default: f64) -> Result<f64, String> {
        match self.values.get(key) {
            None => Ok(default),
            Some(ParamValue::Int(n)) => Ok(*n as f64),
            Some(ParamValue::Float(x)) => Ok(*x),
            Some(other) => Err(format!("parameter `{key}` must be a number, not {other:?}")),
        }
    }

    /// A list of words (`[IR, US]`), or the default.
    pub fn strings(&self, key: &str, default: &[&str]) -> Result<Vec<String>, String> {
        match self.values.get(key) {
            None => Ok(default.iter().map(|s| (*s).to_owned()).collect()),
            Some(ParamValue::Str(s)) => Ok(vec![s.clone()]),
            Some(ParamValue::List(v)) => Ok(v.clone()),
            Some(other) => Err(format!(
                "parameter `{key}` must be a list of words, not {other:?}"
            )),
        }
    }

    /// The skeleton keys ([`crate::text::skeleton_key`]) of every entry of the lexicons
    /// parameter `key` names (the `default` lexicon when absent), for whole-word lookups.
    pub fn skeleton_keys(
        &self,
        key: &str,
        default: &str,
    ) -> Result<std::collections::HashSet<String>, String> {
        Ok(self
            .lexicons(key, &[default])?
            .iter()
            .flat_map(|l| l.entries.iter().map(|e| crate::text::skeleton_key(&e.text)))
            .collect())
    }

    /// Lexicons named by parameter `key` (a name or a list; `{lang}` expands to each language).
    /// Absent parameter: the `default` names.
    pub fn lexicons(&self, key: &str, default: &[&str]) -> Result<Vec<&'a Lexicon>, String> {
        let names: Vec<String> = match self.values.get(key) {
            None => default.iter().map(|s| (*s).to_owned()).collect(),
            Some(ParamValue::Str(s)) => vec![s.clone()],
            Some(ParamValue::List(v)) => v.clone(),
            Some(other) => {
                return Err(format!(
                    "parameter `{key}` must be a lexicon name or a list of names, not {other:?}"
                ));
            }
        };
        let mut out = Vec::new();
        for name in names {
            let expanded: Vec<String> = if name.contains("{lang}") {
                self.langs
                    .iter()
                    .map(|l| name.replace("{lang}", l))
                    .collect()
            } else {
                vec![name]
            };
            for n in expanded {
                match self.lexicons.get(&n) {
                    Some(lex) => out.push(lex),
                    None => {
                        return Err(format!(
                            "lexicon `{n}` (parameter `{key}`) not found: expected rules/lexicons/{n}.txt"
                        ));
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Line (1-based) of the first line of `text` containing `needle`, else 0.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .map_or(0, |(i, _)| i + 1)
}

/// Parses and validates one rule-set file, building its rules.
pub(crate) fn compile(
    path: &Path,
    text: &str,
    lexicons: &Lexicons,
    marketplace: &Marketplace,
    clauses: &dyn crate::ClauseResolver,
) -> Result<(RuleSet, Vec<CompiledRule>), Vec<RuleSetError>> {
    let err = |line: usize, message: String| RuleSetError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let raw: RawRuleSet = yaml::parse(text).map_err(|e| vec![err(e.line, e.message)])?;
    let mut errors = Vec::new();
    let stem = path
        .file_name()
        .and_then(|s| s.to_str())
        .map(|s| s.trim_end_matches(".yaml").trim_end_matches(".yml"));
    if stem.is_some_and(|s| s != raw.name) {
        errors.push(err(
            line_of(text, "name:", 0),
            format!(
                "rule set is named `{}` but its file is `{}`: the name must match the file name",
                raw.name,
                stem.unwrap_or_default()
            ),
        ));
    }
    if raw.langs.is_empty() {
        errors.push(err(
            line_of(text, "langs:", 0),
            "`langs` is empty: list the languages this rule set serves, e.g. [fa]".into(),
        ));
    }
    if let Some(max) = raw.max_input_chars
        && !MAX_INPUT_CHARS_RANGE.contains(&max)
    {
        errors.push(err(
            line_of(text, "max_input_chars:", 0),
            format!(
                "`max_input_chars: {max}` is outside {}..={}: a field of at least one character must be judged, and the server refuses bodies long before {} characters",
                MAX_INPUT_CHARS_RANGE.start(),
                MAX_INPUT_CHARS_RANGE.end(),
                MAX_INPUT_CHARS_RANGE.end()
            ),
        ));
    }
    if let Some(category) = &raw.dsa_category
        && let Err(message) = crate::statement_category::check(category)
    {
        errors.push(err(line_of(text, "dsa_category:", 0), message));
    }
    let mut configured = Vec::new();
    let mut compiled = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for raw_rule in &raw.rules {
        let nth = *seen
            .entry(raw_rule.code.clone())
            .and_modify(|n| *n += 1)
            .or_insert(0);
        let line = line_of(text, &raw_rule.code, nth).max(line_of(text, "rules:", 0));
        if nth > 0 {
            errors.push(err(
                line,
                format!("rule `{}` is configured twice", raw_rule.code),
            ));
            continue;
        }
        let Some(def) = definition(&raw_rule.code) else {
            errors.push(err(
                line,
                format!(
                    "unknown rule code `{}`: run `davar rules` for the list of codes",
                    raw_rule.code
                ),
            ));
            continue;
        };
        for key in raw_rule.params.keys() {
            if !def.params.contains(&key.as_str()) {
                let allowed = if def.params.is_empty() {
                    "it takes no parameters".to_owned()
                } else {
                    format!("allowed: {}", def.params.join(", "))
                };
                errors.push(err(
                    line_of(text, &format!("{key}:"), 0).max(line),
                    format!(
                        "rule `{}` has no parameter `{key}` ({allowed})",
                        raw_rule.code
                    ),
                ));
            }
        }
        let mut clause_urls = HashMap::new();
        if let Some(clause) = &raw_rule.clause {
            let Some((doc, id)) = clause
                .split_once('#')
                .filter(|(d, i)| !d.is_empty() && !i.is_empty())
            else {
                errors.push(err(
                    line_of(text, clause, 0).max(line),
                    format!("clause `{clause}` must look like `terms#reviews-no-links` (document id # clause id)"),
                ));
                continue;
            };
            for lang in &raw.langs {
                clause_urls.insert(lang.clone(), clauses.resolve(doc, id, lang));
            }
        }
        if let Some(category) = &raw_rule.dsa_category
            && let Err(message) = crate::statement_category::check(category)
        {
            errors.push(err(line_of(text, category, 0).max(line), message));
        }
        if raw_rule.removes_content.is_some() && !def.fixable {
            errors.push(err(
                line_of(text, "removes_content:", 0).max(line),
                format!(
                    "rule `{}` repairs nothing, so `removes_content` does not apply to it: remove the line (only rules that repair take it; `davar rules` shows which)",
                    raw_rule.code
                ),
            ));
        }
        let params = Params::new(&raw_rule.params, lexicons, &raw.langs, marketplace);
        match (def.build)(&params) {
            Ok(rule) => {
                let config = ConfiguredRule {
                    code: def.code.to_owned(),
                    severity: raw_rule.severity.unwrap_or(def.severity),
                    removes_content: raw_rule.removes_content.unwrap_or(def.removes_content),
                    clause: raw_rule.clause.clone(),
                    message: raw_rule.message.clone(),
                    dsa_category: raw_rule
                        .dsa_category
                        .clone()
                        .or_else(|| raw.dsa_category.clone()),
                };
                configured.push(config.clone());
                compiled.push(CompiledRule {
                    config,
                    def,
                    rule,
                    clause_urls,
                });
            }
            Err(message) => errors.push(err(line, format!("rule `{}`: {message}", def.code))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let hash = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let set = RuleSet {
        name: raw.name,
        version: raw.version,
        hash,
        kind: raw.kind,
        langs: raw.langs,
        max_input_chars: raw.max_input_chars.unwrap_or(DEFAULT_MAX_INPUT_CHARS),
        queue_rejects: raw.queue_rejects,
        rules: configured,
        path: path.to_path_buf(),
    };
    Ok((set, compiled))
}
