//! Everything the server answers with, compiled through the one pipeline (`davar-project`):
//! the policy set, the published site in memory, the moderation engine, calendars and the JSON
//! bodies of `/v1/rules` and `/v1/obligations`. Built whole, then swapped in atomically. The
//! server refuses exactly what `davar check` refuses, with the same diagnostics.

use std::path::PathBuf;

use davar_moderation::Engine;
use davar_obligation::Calendars;
use davar_policy::{Diagnostic, PolicySet, Site};
use davar_project::{Options, Paths, Project, ProjectError};
use jiff::civil::Date;
use serde::Serialize;
use utoipa::ToSchema;

use crate::rules_doc::{RulesResponse, rules_response};

/// Where the sources live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// The policies directory (`site.yaml` and `<doc-id>/v<N>.<lang>.md`).
    pub policies: PathBuf,
    /// The rules directory (rule sets, `lexicons/`, `calendars/`).
    pub rules: PathBuf,
    /// Compile for this date instead of today in the site's time zone (pages and clause URLs
    /// of the versions in force then); for previews and reproducible tests.
    pub as_of: Option<Date>,
}

impl Sources {
    /// The directories, as the pipeline takes them.
    pub fn paths(&self) -> Paths {
        Paths {
            policies: self.policies.clone(),
            rules: self.rules.clone(),
        }
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
    /// The warnings as `davar check` prints them, with the source lines they point at, rendered
    /// from the texts this compilation read: no file is read again to show them.
    pub warnings_text: String,
}

/// One diagnostic, as `davar check --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Problem {
    /// Check code (`front-matter`, `broken-link`, `rule-set`, ...), or `load`/`render` when
    /// the sources could not be read or rendered at all.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// The file the problem is in.
    pub file: String,
    /// 1-based line (0 when the whole file is concerned).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl From<&Diagnostic> for Problem {
    fn from(d: &Diagnostic) -> Problem {
        Problem {
            code: d.code.to_owned(),
            severity: d.severity.as_str().to_owned(),
            file: d.file.display().to_string(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            help: d.help.clone(),
        }
    }
}

/// Why the sources could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// The policies directory, its `site.yaml` or another source cannot be read at all.
    #[error(transparent)]
    Load(#[from] ProjectError),
    /// `check` found errors: the project, with every diagnostic and the text they point into.
    #[error("the sources have {}", .0.counts())]
    Check(Box<Project>),
    /// There is no rules directory: the server moderates with its rule sets.
    #[error("no rules directory at {}: the server needs the moderation rule sets (give --rules or DAVAR_RULES)", .0.display())]
    NoRuleSets(PathBuf),
    /// Rendering the site failed, or the compile task did not finish.
    #[error("cannot render the published site: {0}")]
    Render(String),
}

impl CompileError {
    /// Every problem, for a JSON answer (`POST /v1/admin/reload`): for sources with errors,
    /// every diagnostic `davar check --format json` prints, in the same order.
    pub fn problems(&self) -> Vec<Problem> {
        let single = |code: &str, file: String, message: String| {
            vec![Problem {
                code: code.to_owned(),
                severity: "error".to_owned(),
                file,
                line: 0,
                column: 0,
                message,
                help: None,
            }]
        };
        match self {
            CompileError::Check(project) => project.diagnostics.iter().map(Problem::from).collect(),
            CompileError::Load(err) => {
                single("load", err.path().display().to_string(), err.to_string())
            }
            CompileError::NoRuleSets(dir) => {
                single("rule-set", dir.display().to_string(), self.to_string())
            }
            CompileError::Render(message) => single("render", String::new(), message.clone()),
        }
    }
}

/// Compiles policies and rules through the pipeline, for `sources.as_of` or today in the
/// site's time zone. Blocking (reads files): call it from a blocking thread or before the
/// runtime starts.
pub fn compile(sources: &Sources) -> Result<Compiled, CompileError> {
    let options = Options {
        as_of: sources.as_of,
        rule_sets: true,
    };
    let project = Project::load(&sources.paths(), options)?;
    if project.has_errors() {
        return Err(CompileError::Check(Box::new(project)));
    }
    let site = project
        .site(None)
        .map_err(|e| CompileError::Render(e.to_string()))?;
    let obligations = project.obligations_json();
    let warnings_text: String = project
        .diagnostics
        .iter()
        .map(|d| d.render_human(project.source_of(&d.file)))
        .collect();
    let Project {
        as_of,
        policies,
        calendars,
        engine,
        diagnostics,
        ..
    } = project;
    let engine = engine.ok_or_else(|| CompileError::NoRuleSets(sources.rules.clone()))?;
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
        warnings_text,
    })
}
