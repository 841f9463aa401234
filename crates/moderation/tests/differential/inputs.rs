//! The comments the differential test runs: every case of the rule fixtures, the team's
//! labelled corpus, and the Digikala reviews when they are next to the repository.

use std::path::{Path, PathBuf};

use davar_moderation::{Comment, Kind};
use serde::Deserialize;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A comment and where it came from (shown when the engines disagree).
pub struct Input {
    pub origin: String,
    pub comment: Comment,
    /// Inputs with the same store share one question store, in order (`qa/duplicate`).
    pub store: String,
}

#[derive(Deserialize)]
struct Fixture {
    #[serde(default)]
    kind: Kind,
    #[serde(default)]
    product: Option<String>,
    #[serde(default)]
    setup: Vec<FixtureCase>,
    #[serde(default)]
    fire: Vec<FixtureCase>,
    #[serde(default)]
    never: Vec<FixtureCase>,
}

#[derive(Deserialize)]
struct FixtureCase {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    no_title: bool,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    body_repeat: Option<(String, usize)>,
    #[serde(default)]
    lang: Option<String>,
}

/// Every case of `tests/fixtures/<family>/<name>.yaml`, setup cases first, one store per file
/// (as the fixture test runs them).
pub fn fixtures() -> Vec<Input> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for family in std::fs::read_dir(&root).expect("tests/fixtures is readable") {
        for file in std::fs::read_dir(family.expect("entry").path()).expect("family dir") {
            files.push(file.expect("entry").path());
        }
    }
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("fixture readable");
        let fixture: Fixture =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let cases = fixture
            .setup
            .iter()
            .chain(&fixture.fire)
            .chain(&fixture.never);
        for (i, case) in cases.enumerate() {
            let body = match (&case.body, &case.body_repeat) {
                (Some(b), _) => b.clone(),
                (None, Some((text, n))) => text.repeat(*n),
                (None, None) => String::new(),
            };
            out.push(Input {
                origin: format!("{} case {i}", path.display()),
                store: path.display().to_string(),
                comment: Comment {
                    kind: fixture.kind,
                    title: (!case.no_title)
                        .then(|| case.title.clone().unwrap_or_else(|| "نظر من".into())),
                    body,
                    product: fixture.product.clone(),
                    lang: case.lang.clone().unwrap_or_else(|| "fa".into()),
                    ..Comment::default()
                },
            });
        }
    }
    out
}

#[derive(Deserialize)]
struct CorpusCase {
    id: String,
    #[serde(default)]
    kind: Kind,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    title: Option<String>,
    body: String,
    #[serde(default)]
    product: Option<String>,
    #[serde(default)]
    store: Option<String>,
}

/// Every case of the labelled corpus (`tests/corpus/moderation/*.jsonl`).
pub fn corpus() -> Vec<Input> {
    let dir = repo_root().join("tests/corpus/moderation");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus/moderation is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("corpus file readable");
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let case: CorpusCase = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
            out.push(Input {
                origin: format!("{}:{} ({})", path.display(), n + 1, case.id),
                store: case.store.unwrap_or(case.id),
                comment: Comment {
                    kind: case.kind,
                    title: case.title,
                    body: case.body,
                    product: case.product,
                    lang: case.lang.unwrap_or_else(|| "fa".into()),
                    ..Comment::default()
                },
            });
        }
    }
    out
}

/// The Digikala reviews (`../shared/data/digikala/train.csv` from the repository root), as
/// Persian reviews; `None` when the file is not there.
pub fn digikala() -> Option<Vec<Input>> {
    // Next to the repository, or where `DAVAR_DIGIKALA_TRAIN` says (a worktree).
    let path = std::env::var_os("DAVAR_DIGIKALA_TRAIN").map_or_else(
        || repo_root().join("../shared/data/digikala/train.csv"),
        std::path::PathBuf::from,
    );
    let mut reader = csv::Reader::from_path(&path).ok()?;
    let headers = reader.headers().ok()?.clone();
    let title = headers.iter().position(|h| h == "title")?;
    let body = headers.iter().position(|h| h == "comment" || h == "body")?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap_or_else(|e| panic!("{}: row {i}: {e}", path.display()));
        out.push(Input {
            origin: format!("train.csv row {i}"),
            store: "train.csv".into(),
            comment: Comment {
                title: record.get(title).map(str::to_owned),
                body: record.get(body).unwrap_or_default().to_owned(),
                ..Comment::default()
            },
        });
    }
    Some(out)
}
