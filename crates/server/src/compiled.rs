//! Everything the server compiles from `policies/` and `rules/` before it answers: the policy
//! set, the published site in memory, the moderation engine, calendars and the JSON bodies of
//! `/v1/rules` and `/v1/obligations`. Built whole, then swapped in atomically.

use std::path::{Path, PathBuf};

use davar_moderation::{Engine, RuleSetError, RuleSources};
use davar_obligation::Calendars;
use davar_policy::diagnostic::{Diagnostic, Severity as DiagnosticSeverity};
use davar_policy::{PolicySet, Site};
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use crate::rules_doc::{RulesResponse, rules_response};

/// Where the sources live.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The policies directory (`site.yaml` and `<doc-id>/v<N>.<lang>.md`).
    pub policies: PathBuf,
    /// The rules directory (rule sets, `lexicons/`, `calendars/`).
    pub rules: PathBuf,
    /// Compile for this date instead of today (pages and clause URLs of the versions in force
    /// then); for previews and reproducible tests.
    pub as_of: Option<Date>,
}

impl Sources {
    /// The date a compilation started now is for.
    pub fn date(&self) -> Date {
        self.as_of.unwrap_or_else(today)
    }
}

/// The compiled policies and rules one version of the server answers with.
#[derive(Debug)]
pub struct Compiled {
    /// The date pages and clause URLs were compiled for.
    pub as_of: Date,
    /// The parsed policies.
    pub policies: PolicySet,
    /// The published site, as `davar build` would write it.
    pub site: Site,
    /// The moderation engine.
    pub engine: Engine,
    /// Working-day calendars for deadlines.
    pub calendars: Calendars,
    /// The body of `GET /v1/rules`.
    pub rules: RulesResponse,
    /// The body of `GET /v1/obligations` (the content of `rules.json`).
    pub obligations: serde_json::Value,
    /// Warnings found by `check` (errors refuse the compilation).
    pub warnings: Vec<Diagnostic>,
}

/// One problem that refused a compilation, in a shape fit for JSON.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// `policies`, `rules` or `calendars`.
    pub source: &'static str,
    /// Check code (`front-matter`, `broken-link`, ...) or `rule-set`.
    pub code: String,
    /// File the problem is in, relative to the sources when possible.
    pub file: String,
    /// 1-based line (0 when the whole file is concerned).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Why the sources could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// The policies directory could not be read at all.
    #[error("cannot load policies from {dir}: {message}")]
    Load {
        /// The directory.
        dir: PathBuf,
        /// The loader's message.
        message: String,
    },
    /// `check` found errors in the policies.
    #[error("the policies have {} error(s)", .0.len())]
    Check(Vec<Diagnostic>),
    /// The rule sets or lexicons are invalid or unreadable.
    #[error("the rule sets have {} error(s)", .0.len())]
    Rules(Vec<Problem>),
    /// The calendars are invalid.
    #[error("the calendars are invalid: {0}")]
    Calendars(String),
    /// Rendering the site failed.
    #[error("cannot render the published site: {0}")]
    Render(String),
}

impl CompileError {
    /// Every problem, for a JSON answer (`POST /v1/admin/reload`).
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            CompileError::Check(diagnostics) => diagnostics
                .iter()
                .filter(|d| d.severity == DiagnosticSeverity::Error)
                .map(|d| Problem {
                    source: "policies",
                    code: d.code.to_string(),
                    file: d.file.display().to_string(),
                    line: d.line,
                    column: d.column,
                    message: d.message.clone(),
                })
                .collect(),
            CompileError::Rules(problems) => problems.clone(),
            CompileError::Load { dir, message } => vec![Problem {
                source: "policies",
                code: "load".to_owned(),
                file: dir.display().to_string(),
                line: 0,
                column: 0,
                message: message.clone(),
            }],
            CompileError::Calendars(message) => vec![Problem {
                source: "calendars",
                code: "calendar".to_owned(),
                file: String::new(),
                line: 0,
                column: 0,
                message: message.clone(),
            }],
            CompileError::Render(message) => vec![Problem {
                source: "policies",
                code: "render".to_owned(),
                file: String::new(),
                line: 0,
                column: 0,
                message: message.clone(),
            }],
        }
    }
}

/// Compiles policies and rules for [`Sources::date`]. Blocking (reads files): call it from a
/// blocking thread or before the runtime starts.
pub fn compile(sources: &Sources) -> Result<Compiled, CompileError> {
    let as_of = sources.date();
    let (policies, mut diagnostics) =
        davar_policy::load(&sources.policies).map_err(|e| CompileError::Load {
            dir: sources.policies.clone(),
            message: e.to_string(),
        })?;
    diagnostics.extend(davar_policy::check(&policies, as_of));
    diagnostics.extend(davar_obligation::checks(&policies, as_of));
    if diagnostics
        .iter()
        .any(|d| d.severity == DiagnosticSeverity::Error)
    {
        return Err(CompileError::Check(diagnostics));
    }
    let engine = build_engine(&sources.rules, &policies, as_of)?;
    let calendars = davar_obligation::load_calendars(&sources.rules)
        .map_err(|e| CompileError::Calendars(e.to_string()))?;
    let mut site = davar_policy::render_site(&policies, as_of, None)
        .map_err(|e| CompileError::Render(e.to_string()))?;
    site.files
        .extend(davar_obligation::site_files(&policies, as_of));
    let obligations = davar_obligation::obligations_json(&policies, as_of);
    let rules = rules_response(&engine, &policies, as_of);
    Ok(Compiled {
        as_of,
        policies,
        site,
        engine,
        calendars,
        rules,
        obligations,
        warnings: diagnostics,
    })
}

fn build_engine(
    rules_dir: &Path,
    policies: &PolicySet,
    as_of: Date,
) -> Result<Engine, CompileError> {
    let sources = RuleSources::read_dir(rules_dir).map_err(|e| {
        CompileError::Rules(vec![Problem {
            source: "rules",
            code: "load".to_owned(),
            file: rules_dir.display().to_string(),
            line: 0,
            column: 0,
            message: e.to_string(),
        }])
    })?;
    let resolver =
        |doc: &str, clause: &str, lang: &str| policies.clause_url(doc, clause, lang, as_of);
    Engine::new(&sources, &resolver)
        .map_err(|errors| CompileError::Rules(errors.iter().map(rule_problem).collect()))
}

fn rule_problem(e: &RuleSetError) -> Problem {
    Problem {
        source: "rules",
        code: "rule-set".to_owned(),
        file: e.file.display().to_string(),
        line: e.line,
        column: 0,
        message: e.message.clone(),
    }
}

/// Today's date in the server's time zone: the `as_of` of a compilation at start or reload.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}
