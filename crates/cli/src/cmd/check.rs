//! `davar check`: report problems in the policies (and the clauses the moderation rule sets
//! cite) with file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use davar_moderation::{Engine, RuleSources};
use davar_policy::diagnostic::code;
use davar_policy::{Diagnostic, Severity};
use jiff::civil::Date;

use crate::Global;

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-like, with the source line underlined.
    Human,
    /// One JSON object per line: {code, severity, file, line, column, message}.
    Json,
}

/// Arguments of `davar check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Check as of this date (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Parses a `YYYY-MM-DD` date argument.
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|e| format!("expected a date like 2026-10-01: {e}"))
}

/// Today in UTC.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// Everything `davar check` found, with the text of every file read (for underlining).
pub struct Findings {
    /// The loaded policies.
    pub set: davar_policy::PolicySet,
    /// Diagnostics sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Rule-set files read, by path.
    pub rule_sources: BTreeMap<PathBuf, String>,
}

impl Findings {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Loads the policies and runs every check (load-time, set-level and obligation checks), then
/// compiles the moderation rule sets, when the rules directory exists, and checks that every
/// clause they cite exists.
pub fn diagnose(global: &Global, as_of: Date) -> anyhow::Result<Findings> {
    let (set, mut diagnostics) = global.load_policies()?;
    diagnostics.extend(davar_policy::check(&set, as_of));
    diagnostics.extend(davar_obligation::checks(&set, as_of));
    let mut rule_sources = BTreeMap::new();
    if global.rules.is_dir() {
        // Calendars live beside the rule sets; a document naming an unknown calendar, or one
        // that runs out soon, is caught here rather than when a deadline is first counted.
        match davar_obligation::load_calendars(&global.rules) {
            Ok(calendars) => {
                diagnostics.extend(davar_obligation::check_calendars(&set, &calendars, as_of))
            }
            Err(err) => diagnostics.push(Diagnostic::error(
                "calendar",
                global.rules.join("calendars"),
                0,
                0,
                err.to_string(),
            )),
        }
        diagnostics.extend(rule_set_diagnostics(
            &global.rules,
            &set,
            as_of,
            &mut rule_sources,
        ));
    } else {
        eprintln!(
            "note: no rules directory at {}; moderation rule sets were not checked",
            global.rules.display()
        );
    }
    davar_policy::check::sort(&mut diagnostics);
    Ok(Findings {
        set,
        diagnostics,
        rule_sources,
    })
}

/// Rule sets that do not compile (`rule-set`) and rules citing a clause that the policy in
/// force on `as_of` does not have (`broken-link`).
fn rule_set_diagnostics(
    rules: &Path,
    set: &davar_policy::PolicySet,
    as_of: Date,
    texts: &mut BTreeMap<PathBuf, String>,
) -> Vec<Diagnostic> {
    let sources = match RuleSources::read_dir(rules) {
        Ok(sources) => sources,
        Err(err) => return vec![Diagnostic::error("rule-set", rules, 0, 0, err.to_string())],
    };
    for file in &sources.rule_sets {
        texts.insert(file.path.clone(), file.text.clone());
    }
    let resolve = |doc: &str, clause: &str, lang: &str| set.clause_url(doc, clause, lang, as_of);
    let engine = match Engine::new(&sources, &resolve) {
        Ok(engine) => engine,
        Err(errors) => {
            return errors
                .into_iter()
                .map(|e| Diagnostic::error("rule-set", e.file, e.line, 0, e.message))
                .collect();
        }
    };
    let mut out = Vec::new();
    for rule_set in engine.rule_sets() {
        let text = texts
            .get(&rule_set.path)
            .map(String::as_str)
            .unwrap_or_default();
        let mut reported = Vec::new();
        for rule in &rule_set.rules {
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
            let (line, column) = text
                .lines()
                .enumerate()
                .find_map(|(i, l)| {
                    l.find(cited.as_str())
                        .map(|c| (i + 1, l[..c].chars().count() + 1))
                })
                .unwrap_or((0, 0));
            out.push(
                Diagnostic::error(
                    code::BROKEN_LINK,
                    &rule_set.path,
                    line,
                    column,
                    format!(
                        "rule `{}` of `{}` cites `{cited}`, which is not a clause of the version in force on {as_of} ({})",
                        rule.code,
                        rule_set.name,
                        missing.join(", ")
                    ),
                )
                .with_width(cited.chars().count())
                .with_help("cite an existing clause id (`{#id}` in the policy source)"),
            );
        }
    }
    out
}

/// Prints diagnostics in `format` to a string, with a summary line for humans.
pub fn report(findings: &Findings, format: Format) -> anyhow::Result<String> {
    let mut out = String::new();
    let diagnostics = &findings.diagnostics;
    match format {
        Format::Json => {
            for diagnostic in diagnostics {
                out.push_str(&serde_json::to_string(diagnostic)?);
                out.push('\n');
            }
        }
        Format::Human => {
            for diagnostic in diagnostics {
                let source = findings.set.source_of(&diagnostic.file).or_else(|| {
                    findings
                        .rule_sources
                        .get(&diagnostic.file)
                        .map(String::as_str)
                });
                out.push_str(&diagnostic.render_human(source));
                out.push('\n');
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            out.push_str(&format!("{errors} error(s), {warnings} warning(s)\n"));
        }
    }
    Ok(out)
}

/// Runs `davar check`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.unwrap_or_else(today);
    let findings = diagnose(global, as_of)?;
    print!("{}", report(&findings, args.format)?);
    Ok(if findings.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
