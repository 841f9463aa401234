//! Reading the sources: the pipeline's only I/O. Everything read here is passed on as data;
//! no check reads a file.

use std::path::{Path, PathBuf};

use davar_moderation::RuleSources;
use davar_obligation::lock::LOCK_FILE;
use davar_policy::accepted::ACCEPTED_FILE;
use davar_policy::{Diagnostic, PolicySet};

use crate::check_cache::CheckCache;

/// Where a project's sources live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The policies directory: `site.yaml`, `<doc-id>/v<N>.<lang>.md`, `policy.lock`.
    pub policies: PathBuf,
    /// The rules directory: rule sets (`*.yaml`), `lexicons/`, `calendars/`.
    pub rules: PathBuf,
}

/// The sources cannot be compiled at all (a problem inside a source is a diagnostic instead).
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The policies directory or its `site.yaml` cannot be used.
    #[error("cannot load policies: {error}")]
    Policies {
        /// The policies directory.
        dir: PathBuf,
        /// What the loader found (it names the file).
        error: davar_policy::LoadError,
    },
    /// `policy.lock` is not read: too large, not UTF-8, or outside the policies directory.
    #[error(transparent)]
    Input(davar_input::InputError),
    /// A directory exists but cannot be listed (`rules/calendars`).
    #[error("cannot read {}: {error}", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
}

impl ProjectError {
    /// The file or directory concerned: the file inside the policies directory when one is
    /// at fault (`site.yaml`), else the directory.
    pub fn path(&self) -> &Path {
        match self {
            ProjectError::Policies { error, .. } => error.path(),
            ProjectError::Input(err) => err.path(),
            ProjectError::Read { path, .. } => path,
        }
    }
}

/// The rule sets and lexicons as read from the rules directory.
#[derive(Debug)]
pub enum RuleSetsInput {
    /// Not read: there is no rules directory, or the caller did not ask for rule sets.
    Absent,
    /// The directory could not be read, or holds no rule set.
    Unreadable(davar_moderation::LoadError),
    /// Every rule set and lexicon file, with its text.
    Read(RuleSources),
}

/// Everything a project is compiled from, read from disk.
#[derive(Debug)]
pub struct Inputs {
    /// Where the sources were read.
    pub paths: Paths,
    /// The policy set, with the diagnostics of sources that could not be read or parsed.
    pub policies: PolicySet,
    /// Diagnostics found while reading the policy sources (`front-matter`).
    pub load_diagnostics: Vec<Diagnostic>,
    /// The text of `policy.lock`, when there is one.
    pub lock: Option<String>,
    /// The text of `accepted-findings.txt`, when there is one.
    pub accepted: Option<String>,
    /// The calendar files (`rules/calendars/*.yaml`) with their text; `None` when there is no
    /// rules directory.
    pub calendars: Option<Vec<(PathBuf, String)>>,
    /// The rule sets and lexicons.
    pub rule_sets: RuleSetsInput,
    /// The store lexicons (`rules/lexicons/stores.{lang}.txt`) with their text: the known
    /// marketplaces `foreign-brand` reports. Empty when there is no rules directory, or when
    /// its rule sets could not be read (that error is reported).
    pub stores: Vec<(PathBuf, String)>,
}

impl Inputs {
    /// Reads the sources under `paths`; the rule sets only when `rule_sets` is true.
    pub fn read(paths: &Paths, rule_sets: bool) -> Result<Inputs, ProjectError> {
        Inputs::read_cached(paths, rule_sets, None)
    }

    /// [`Inputs::read`], with the Markdown scans of the policy bodies read before kept in
    /// `cache` (see [`CheckCache`]): what is read is the same with or without it.
    pub fn read_cached(
        paths: &Paths,
        rule_sets: bool,
        cache: Option<&CheckCache>,
    ) -> Result<Inputs, ProjectError> {
        let (policies, load_diagnostics) =
            load_policies(&paths.policies, cache).map_err(|error| ProjectError::Policies {
                dir: paths.policies.clone(),
                error,
            })?;
        let mut load_diagnostics = load_diagnostics;
        let lock = read_optional(&paths.policies, &paths.policies.join(LOCK_FILE))?;
        let accepted = read_optional(&paths.policies, &paths.policies.join(ACCEPTED_FILE))?;
        let rules_dir = paths.rules.is_dir();
        let calendars = if rules_dir {
            let is_yaml = |path: &Path| path.extension().is_some_and(|ext| ext == "yaml");
            let (files, refused) = read_files(
                &paths.rules,
                "calendars",
                is_yaml,
                davar_input::MAX_YAML_BYTES,
                davar_obligation::codes::CALENDAR,
            )?;
            load_diagnostics.extend(refused);
            Some(files)
        } else {
            None
        };
        let rule_sets = if rule_sets && rules_dir {
            match RuleSources::read_dir(&paths.rules) {
                Ok(sources) => RuleSetsInput::Read(sources),
                Err(err) => RuleSetsInput::Unreadable(err),
            }
        } else {
            RuleSetsInput::Absent
        };
        let is_store = |path: &Path| {
            path.extension().is_some_and(|ext| ext == "txt")
                && path
                    .file_stem()
                    .and_then(|stem| stem.to_str())
                    .is_some_and(davar_input::lexicon::is_store_lexicon)
        };
        let stores = match &rule_sets {
            RuleSetsInput::Read(sources) => sources
                .lexicons
                .iter()
                .filter(|(_, file)| is_store(&file.path))
                .map(|(_, file)| (file.path.clone(), file.text.clone()))
                .collect(),
            RuleSetsInput::Unreadable(_) => Vec::new(),
            RuleSetsInput::Absent if rules_dir => {
                let (files, refused) = read_files(
                    &paths.rules,
                    "lexicons",
                    is_store,
                    davar_input::MAX_LEXICON_BYTES,
                    davar_policy::codes::RULE_SET,
                )?;
                load_diagnostics.extend(refused);
                files
            }
            RuleSetsInput::Absent => Vec::new(),
        };
        Ok(Inputs {
            paths: paths.clone(),
            policies,
            load_diagnostics,
            lock,
            accepted,
            calendars,
            rule_sets,
            stores,
        })
    }
}

/// The text of `path` inside `root`, or `None` when it does not exist.
/// Loads the policies directory `dir`, taking the scans of the bodies read before from `cache`
/// and storing there the scans of this load when it parsed a body.
fn load_policies(
    dir: &Path,
    cache: Option<&CheckCache>,
) -> Result<(PolicySet, Vec<Diagnostic>), davar_policy::LoadError> {
    let Some((cache, key)) = cache.and_then(|c| Some((c, CheckCache::scans_key(dir)?))) else {
        return davar_policy::load(dir);
    };
    let mut kept = cache.scans(&key);
    let loaded = davar_policy::load_kept(dir, Some(&mut kept))?;
    if kept.parsed() > 0 {
        cache.put_scans(&key, &kept);
    }
    Ok(loaded)
}

fn read_optional(root: &Path, path: &Path) -> Result<Option<String>, ProjectError> {
    match davar_input::read_in_tree(root, path, davar_input::MAX_SOURCE_BYTES) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.is_not_found() => Ok(None),
        Err(err) => Err(ProjectError::Input(err)),
    }
}

/// Every file of `rules/<sub>/` that `keep` accepts, read within `limit` bytes, sorted by path
/// (none when the directory does not exist), and a diagnostic with `code` for each file that is
/// not read (too large, not UTF-8, outside `rules`): `calendars/*.yaml`, the store lexicons.
fn read_files(
    rules: &Path,
    sub: &str,
    keep: impl Fn(&Path) -> bool,
    limit: u64,
    code: &'static str,
) -> Result<RulesFiles, ProjectError> {
    let dir = rules.join(sub);
    let dir = dir.as_path();
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| ProjectError::Read { path, error }
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for entry in entries {
        let path = entry.map_err(io(dir))?.path();
        if keep(&path) {
            match davar_input::read_in_tree(rules, &path, limit) {
                Ok(text) => files.push((path, text)),
                Err(err) => refused.push(Diagnostic::error(code, &path, 0, 0, err.to_string())),
            }
        }
    }
    files.sort();
    Ok((files, refused))
}

/// Files of the rules directory read, and diagnostics for those refused.
type RulesFiles = (Vec<(PathBuf, String)>, Vec<Diagnostic>);
