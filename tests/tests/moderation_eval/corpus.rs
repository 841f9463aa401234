//! The labelled corpus: reading and validating `tests/corpus/moderation/*.jsonl`.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use davar_moderation::{Kind, catalog};
use serde::Deserialize;

/// One labelled comment, as written in the corpus.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default = "default_lang")]
    pub lang: String,
    #[serde(default)]
    pub title: Option<String>,
    pub body: String,
    pub expect: Vec<String>,
    #[serde(default)]
    pub forbid: Vec<String>,
    #[allow(dead_code)] // documentation for readers of the corpus
    pub note: String,
    #[serde(default)]
    pub store: Option<String>,
    #[serde(default)]
    pub product: Option<String>,
}

fn default_lang() -> String {
    "fa".to_owned()
}

/// A case with the file and line it came from.
pub struct Located {
    pub file: String,
    pub line: usize,
    pub case: Case,
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

pub fn load_corpus(dir: &Path) -> Result<Vec<Located>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let known: BTreeSet<&str> = catalog().iter().map(|r| r.code).collect();
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for path in files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() {
                continue;
            }
            let case: Case = match serde_json::from_str(raw) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(format!("{name}:{line}:{}: {e}", e.column()));
                    continue;
                }
            };
            for code in case.expect.iter().chain(&case.forbid) {
                if !known.contains(code.as_str()) {
                    errors.push(format!(
                        "{name}:{line}: case `{}` names unknown code `{code}`",
                        case.id
                    ));
                }
            }
            if case.store.is_some() && case.product.is_none() {
                errors.push(format!(
                    "{name}:{line}: case `{}` has a store but no product",
                    case.id
                ));
            }
            if let Some(first) = seen.insert(case.id.clone(), format!("{name}:{line}")) {
                errors.push(format!(
                    "{name}:{line}: case id `{}` already used at {first}",
                    case.id
                ));
            }
            cases.push(Located {
                file: name.clone(),
                line,
                case,
            });
        }
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors.join("\n"))
    }
}
