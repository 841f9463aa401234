//! Checking and compiling what [`Inputs::read`] read: no I/O from here on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use davar_moderation::Engine;
use davar_obligation::{CalendarError, Calendars, codes};
use davar_policy::accepted::{ACCEPTED_FILE, Accepted};
use davar_policy::{Counts, Diagnostic, PolicySet, RenderError, Site};
use jiff::civil::Date;

use crate::check_cache::{CheckCache, CheckInputs};
use crate::citations;
use crate::inputs::{Inputs, Paths, ProjectError, RuleSetsInput};

/// What to compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Compile for this date (which versions are in force, clause URLs, lock and calendar
    /// checks); `None`: today in the site's time zone ([`crate::today`]).
    pub as_of: Option<Date>,
    /// Read and compile the moderation rule sets. Commands that only compute with the
    /// policies (`deadline`, `audit`, `lock`) leave them out.
    pub rule_sets: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            as_of: None,
            rule_sets: true,
        }
    }
}

/// A compiled project: what every command and the server work with.
#[derive(Debug)]
pub struct Project {
    /// Where the sources were read.
    pub paths: Paths,
    /// The date the project was compiled for.
    pub as_of: Date,
    /// The policies.
    pub policies: PolicySet,
    /// Working-day calendars (empty when there is no rules directory or they do not parse).
    pub calendars: Calendars,
    /// The moderation engine; `None` when the rule sets were not read or do not compile.
    pub engine: Option<Engine>,
    /// The text of `policy.lock`, when there is one.
    pub lock: Option<String>,
    /// Every diagnostic, sorted by file, line, column and code.
    pub diagnostics: Vec<Diagnostic>,
    /// Remarks for the person running the command (e.g. "rule sets were not checked").
    pub notes: Vec<String>,
    /// Texts of non-policy files diagnostics point into (rule sets, lock, calendars).
    texts: BTreeMap<PathBuf, String>,
}

impl Project {
    /// Reads and compiles the sources under `paths`.
    pub fn load(paths: &Paths, options: Options) -> Result<Project, ProjectError> {
        Project::load_cached(paths, options, None)
    }

    /// [`Project::load`], reading the findings of the policy and obligation checks from
    /// `cache` when it holds them for the very same inputs, and storing them there otherwise;
    /// the sources' Markdown scans are kept there too ([`Inputs::read_cached`]).
    pub fn load_cached(
        paths: &Paths,
        options: Options,
        cache: Option<&CheckCache>,
    ) -> Result<Project, ProjectError> {
        let inputs = Inputs::read_cached(paths, options.rule_sets, cache)?;
        let as_of = options
            .as_of
            .unwrap_or_else(|| crate::today(&inputs.policies.site));
        Ok(compile_cached(inputs, as_of, cache))
    }

    /// How many errors, warnings and hints are open, and how many findings were accepted.
    pub fn counts(&self) -> Counts {
        Counts::of(&self.diagnostics)
    }

    /// Whether any diagnostic is an error not accepted in `accepted-findings.txt` (`check`
    /// fails, `build` and the server refuse).
    pub fn has_errors(&self) -> bool {
        self.counts().errors > 0
    }

    /// The text of a file a diagnostic points into, for underlining.
    pub fn source_of(&self, file: &Path) -> Option<&str> {
        self.policies
            .source_of(file)
            .or_else(|| self.texts.get(file).map(String::as_str))
    }

    /// The published site: every page (obligation blocks shown as sentences) and `rules.json`
    /// with its schema, with the built-in templates or the overrides in `templates`.
    pub fn site(&self, templates: Option<&Path>) -> Result<Site, RenderError> {
        let options = davar_policy::render::RenderOptions {
            templates,
            sentences: &davar_obligation::sentence::Sentences,
        };
        let mut site =
            davar_policy::render::render_site_with(&self.policies, self.as_of, &options)?;
        site.files
            .extend(davar_obligation::site_files(&self.policies, self.as_of));
        Ok(site)
    }

    /// The content of `rules.json` (also served at `GET /v1/obligations`).
    pub fn obligations_json(&self) -> serde_json::Value {
        davar_obligation::obligations_json(&self.policies, self.as_of)
    }
}

/// Checks and compiles `inputs` for `as_of`.
pub fn compile(inputs: Inputs, as_of: Date) -> Project {
    compile_cached(inputs, as_of, None)
}

/// [`compile`], with the findings of the policy and obligation checks read from `cache` when it
/// holds them for the same inputs (see [`CheckCache`]).
pub fn compile_cached(inputs: Inputs, as_of: Date, cache: Option<&CheckCache>) -> Project {
    let Inputs {
        paths,
        policies,
        load_diagnostics,
        lock,
        accepted,
        calendars,
        rule_sets,
        stores,
    } = inputs;
    let mut policies = policies;
    let mut diagnostics = load_diagnostics;
    let (known, refused) = davar_policy::KnownMarketplaces::from_files(&stores);
    policies.known_marketplaces = known;
    let mut notes = Vec::new();
    let mut texts = BTreeMap::new();
    diagnostics.extend(checked(&policies, &stores, lock.as_deref(), as_of, cache));
    if let Some(text) = &lock {
        texts.insert(
            policies.root.join(davar_obligation::lock::LOCK_FILE),
            text.clone(),
        );
    }
    let calendars = match calendars {
        None => {
            notes.push(format!(
                "no rules directory at {}: calendars and moderation rule sets were not checked, and `foreign-brand` knows no marketplaces but `foreign_brands`",
                paths.rules.display()
            ));
            Calendars::default()
        }
        Some(files) => {
            let parsed = Calendars::from_sources(&files);
            texts.extend(files);
            match parsed {
                Ok(calendars) => {
                    diagnostics.extend(davar_obligation::check_calendars(
                        &policies, &calendars, as_of,
                    ));
                    calendars
                }
                Err(err) => {
                    diagnostics.push(calendar_diagnostic(&err));
                    Calendars::default()
                }
            }
        }
    };
    let engine = match rule_sets {
        RuleSetsInput::Absent => None,
        RuleSetsInput::Unreadable(err) => {
            diagnostics.push(Diagnostic::error(
                davar_policy::codes::RULE_SET,
                err.path(),
                0,
                0,
                err.to_string(),
            ));
            None
        }
        RuleSetsInput::Read(sources) => {
            for file in &sources.rule_sets {
                texts.insert(file.path.clone(), file.text.clone());
            }
            let (engine, found) = citations::compile_rule_sets(sources, &policies, as_of, &texts);
            diagnostics.extend(found);
            engine
        }
    };
    // A store lexicon with an unknown tag: once, unless a rule set that reads it said so.
    for d in refused {
        if !diagnostics
            .iter()
            .any(|r| r.code == d.code && r.message.contains(&d.message))
        {
            diagnostics.push(d);
        }
    }
    if let Some(text) = accepted {
        let path = policies.root.join(ACCEPTED_FILE);
        let (accepted, mut found) = Accepted::parse(&path, &text);
        let sources = |file: &Path| {
            policies
                .source_of(file)
                .or_else(|| texts.get(file).map(String::as_str))
                .map(str::to_string)
        };
        found.extend(accepted.apply(&mut diagnostics, &policies.root, &sources));
        diagnostics.extend(found);
        texts.insert(path, text);
    }
    davar_policy::check::sort(&mut diagnostics);
    Project {
        paths,
        as_of,
        policies,
        calendars,
        engine,
        lock,
        diagnostics,
        notes,
        texts,
    }
}

/// The findings of the policy and obligation checks: from `cache` when it has them, else
/// computed (and stored in `cache`).
fn checked(
    policies: &PolicySet,
    stores: &[(PathBuf, String)],
    lock: Option<&str>,
    as_of: Date,
    cache: Option<&CheckCache>,
) -> Vec<Diagnostic> {
    let key = cache.and_then(|_| {
        CheckCache::key(&CheckInputs {
            policies,
            stores,
            lock,
            as_of,
        })
    });
    if let (Some(cache), Some(key)) = (cache, &key)
        && let Some(found) = cache.get(key)
    {
        return found;
    }
    // The policy checks and the obligation checks run in parallel (rayon).
    let (mut found, obligations) = rayon::join(
        || davar_policy::check(policies, as_of),
        || davar_obligation::checks(policies, as_of, lock),
    );
    found.extend(obligations);
    if let (Some(cache), Some(key)) = (cache, &key) {
        cache.put(key, &found);
    }
    found
}

/// A calendar that does not parse, at its file, line and column when known.
fn calendar_diagnostic(err: &CalendarError) -> Diagnostic {
    match err {
        CalendarError::Yaml {
            path,
            line,
            column,
            message,
        } => Diagnostic::error(codes::CALENDAR, path, *line, *column, message.clone()),
        CalendarError::Invalid {
            path,
            field,
            message,
        } => Diagnostic::error(
            codes::CALENDAR,
            path,
            0,
            0,
            format!("field `{field}`: {message}"),
        ),
    }
}
