//! The rule-set and lexicon files, as text. Reading them from disk is the crate's only I/O.

use std::path::{Path, PathBuf};

use crate::error::LoadError;
use crate::marketplace::Marketplace;

/// A rule-set file or a lexicon file with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Where it came from (for error messages).
    pub path: PathBuf,
    /// Its content.
    pub text: String,
}

/// Rule sets (`*.yaml`) and lexicons (`lexicons/*.txt`, by name without `.txt`).
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    /// Rule-set files.
    pub rule_sets: Vec<SourceFile>,
    /// Lexicons by name (`profanity.fa` for `lexicons/profanity.fa.txt`).
    pub lexicons: Vec<(String, SourceFile)>,
    /// The marketplace the rules work for (from `site.yaml`; the compile pipeline sets it).
    pub marketplace: Marketplace,
}

impl RuleSources {
    /// Empty sources; add files with [`RuleSources::add_rule_set`] and [`RuleSources::add_lexicon`].
    pub fn new() -> RuleSources {
        RuleSources::default()
    }

    /// Adds a rule set.
    pub fn add_rule_set(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> &mut Self {
        self.rule_sets.push(SourceFile {
            path: path.into(),
            text: text.into(),
        });
        self
    }

    /// Adds (or replaces) a lexicon by name.
    pub fn add_lexicon(
        &mut self,
        name: impl Into<String>,
        path: impl Into<PathBuf>,
        text: impl Into<String>,
    ) -> &mut Self {
        let name = name.into();
        self.lexicons.retain(|(n, _)| *n != name);
        self.lexicons.push((
            name,
            SourceFile {
                path: path.into(),
                text: text.into(),
            },
        ));
        self
    }

    /// Sets the marketplace the rules work for.
    pub fn set_marketplace(&mut self, marketplace: Marketplace) -> &mut Self {
        self.marketplace = marketplace;
        self
    }

    /// The lexicon called `name`, if present.
    pub fn lexicon(&self, name: &str) -> Option<&SourceFile> {
        self.lexicons
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, file)| file)
    }

    /// Reads `rules_dir/*.yaml` (rule sets) and `rules_dir/lexicons/*.txt`.
    /// Subdirectories other than `lexicons/` (e.g. `calendars/`) are not rule sets and are skipped.
    /// Every file must lie inside `rules_dir` (a symbolic link leaving it is refused unread) and
    /// stay within [`davar_input::MAX_YAML_BYTES`] (rule sets) or
    /// [`davar_input::MAX_LEXICON_BYTES`] (lexicons).
    pub fn read_dir(rules_dir: &Path) -> Result<RuleSources, LoadError> {
        let mut sources = RuleSources::new();
        for path in sorted_entries(rules_dir)? {
            if path.is_file() && path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let text = read(rules_dir, &path, davar_input::MAX_YAML_BYTES)?;
                sources.add_rule_set(path, text);
            }
        }
        if sources.rule_sets.is_empty() {
            return Err(LoadError::NoRuleSets(rules_dir.to_path_buf()));
        }
        let lex_dir = rules_dir.join("lexicons");
        if lex_dir.is_dir() {
            for path in sorted_entries(&lex_dir)? {
                if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
                    let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned)
                    else {
                        continue;
                    };
                    let text = read(rules_dir, &path, davar_input::MAX_LEXICON_BYTES)?;
                    sources.add_lexicon(name, path, text);
                }
            }
        }
        Ok(sources)
    }
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        paths.push(entry.map_err(io)?.path());
    }
    paths.sort();
    Ok(paths)
}

fn read(root: &Path, path: &Path, limit: u64) -> Result<String, LoadError> {
    davar_input::read_in_tree(root, path, limit).map_err(LoadError::Input)
}
