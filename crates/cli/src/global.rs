//! Options every command understands, and compiling the project they point at. Errors about
//! the source directories say which path was tried, where it came from, and which flag or
//! environment variable changes it.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::parser::ValueSource;
use davar_policy::{LoadError, Severity};
use davar_project::{CheckCache, Options, Paths, Project, ProjectError};
use jiff::civil::Date;

/// Options every command understands.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Directory holding the policy sources (`<doc-id>/v<N>.<lang>.md` and `site.yaml`).
    #[arg(
        long,
        global = true,
        default_value = "policies",
        env = "DAVAR_POLICIES"
    )]
    pub policies: PathBuf,
    /// Directory holding the moderation rule sets, lexicons and calendars.
    #[arg(long, global = true, default_value = "rules", env = "DAVAR_RULES")]
    pub rules: PathBuf,
    /// Directory keeping the findings of `check` by the exact sources they were found in, so
    /// `build` after `check` (or a check of unchanged sources) does not check again; default
    /// `$XDG_CACHE_HOME/davar` or `~/.cache/davar` (an empty value: the default).
    #[arg(long, global = true, value_name = "DIR", env = "DAVAR_CACHE_DIR", value_parser = clap::value_parser!(std::ffi::OsString))]
    pub cache_dir: Option<std::ffi::OsString>,
    /// Check every version again instead of reading findings kept for the same sources
    /// (`DAVAR_NO_CACHE`: 1, true, yes or on; 0, false, no, off or empty: use the cache).
    #[arg(long, global = true, env = "DAVAR_NO_CACHE", action = clap::ArgAction::SetTrue, value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
    /// Where `--policies` came from (filled in by `main` from clap's matches).
    #[arg(skip)]
    pub policies_source: Option<ValueSource>,
    /// Where `--rules` came from.
    #[arg(skip)]
    pub rules_source: Option<ValueSource>,
}

/// `path` made absolute with symbolic links resolved as far as it exists (a cache directory
/// may not exist yet, nor its parents).
fn resolved(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    let mut found = std::fs::canonicalize(existing);
    while found.is_err() {
        missing.push(existing.file_name()?);
        existing = existing.parent()?;
        found = std::fs::canonicalize(existing);
    }
    let mut out = found.ok()?;
    out.extend(missing.iter().rev());
    Some(out)
}

/// "tried /abs/path (the default; give --flag DIR or set VAR)".
fn tried(path: &Path, source: Option<ValueSource>, flag: &str, var: &str) -> String {
    let shown = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let from = match source {
        Some(ValueSource::EnvVariable) => format!("from {var}"),
        Some(ValueSource::CommandLine) => format!("from {flag}"),
        _ => "the default".to_owned(),
    };
    format!(
        "tried {} ({from}); give {flag} DIR or set {var}",
        shown.display()
    )
}

impl Global {
    /// The source directories.
    pub fn paths(&self) -> Paths {
        Paths {
            policies: self.policies.clone(),
            rules: self.rules.clone(),
        }
    }

    /// Where the findings of `check` are kept, unless `--no-cache`. A cache directory inside
    /// the policies or rules directory is refused: its files would be read as sources.
    pub fn check_cache(&self) -> anyhow::Result<Option<CheckCache>> {
        if self.no_cache {
            return Ok(None);
        }
        let given = self
            .cache_dir
            .as_ref()
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from);
        let Some(dir) = given.clone().or_else(CheckCache::user_dir) else {
            return Ok(None);
        };
        if let Some(resolved) = resolved(&dir) {
            for (flag, sources) in [("--policies", &self.policies), ("--rules", &self.rules)] {
                let Ok(sources) = std::fs::canonicalize(sources) else {
                    continue;
                };
                if resolved.starts_with(&sources) {
                    bail!(
                        "--cache-dir {}: it lies inside the {flag} directory {}, where its files \
                         would be read as sources; give a directory outside it (or --no-cache)",
                        dir.display(),
                        sources.display()
                    );
                }
            }
        }
        Ok(Some(CheckCache::new(dir)))
    }

    /// Says which policies directory was tried and how to give another.
    pub fn policies_hint(&self) -> String {
        tried(
            &self.policies,
            self.policies_source,
            "--policies",
            "DAVAR_POLICIES",
        )
    }

    /// Says which rules directory was tried and how to give another.
    pub fn rules_hint(&self) -> String {
        tried(&self.rules, self.rules_source, "--rules", "DAVAR_RULES")
    }

    /// Reads and compiles the project (`as_of` `None`: today in the site's time zone).
    pub fn project(&self, as_of: Option<Date>, rule_sets: bool) -> anyhow::Result<Project> {
        let cache = self.check_cache()?;
        Project::load_cached(&self.paths(), Options { as_of, rule_sets }, cache.as_ref()).map_err(
            |err| match err {
                ProjectError::Policies {
                    error: LoadError::ReadDir { .. } | LoadError::MissingSite { .. },
                    ..
                } => anyhow!("{err}\n  {}", self.policies_hint()),
                other => anyhow!(other),
            },
        )
    }

    /// The compiled moderation engine, for commands that moderate: refuses when the rules
    /// directory is missing, naming the path tried and the flag.
    pub fn require_rules(&self) -> anyhow::Result<()> {
        if !self.rules.is_dir() {
            bail!(
                "no moderation rule sets: {} is not a directory\n  {}",
                self.rules.display(),
                self.rules_hint()
            );
        }
        Ok(())
    }

    /// The project for a command that computes with the policies (`deadline`, `audit`,
    /// `lock`): the rule sets are left out, and any error `check` would report stops the
    /// command, naming the first one (a source that could not be read would otherwise silently
    /// drop a version).
    pub fn checked_policies(&self, as_of: Option<Date>) -> anyhow::Result<Project> {
        let project = self.project(as_of, false)?;
        let mut errors = project
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.accepted.is_none());
        if let Some(first) = errors.next() {
            bail!(
                "`davar check` finds {} in the policies in {}; the first: {}:{}:{}: {} \
                 (run `davar check` for all of them)",
                project.counts(),
                self.policies.display(),
                first.file.display(),
                first.line,
                first.column,
                first.message
            );
        }
        Ok(project)
    }
}
