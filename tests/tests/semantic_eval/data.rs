//! Reading Digikala's `train.csv` and the labels of `tests/corpus/digikala/labels.csv`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::FAMILIES;

/// The repository root (the parent of this crate), from this test binary's own manifest
/// directory, so that a checkout never reads another checkout's labels.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent directory")
        .to_path_buf()
}

/// One review of `train.csv`.
pub struct Review {
    pub title: String,
    pub comment: String,
}

/// One labelled row of `labels.csv`.
pub struct Label {
    pub row: usize,
    pub sample: String,
    /// One flag per entry of [`FAMILIES`].
    pub positive: Vec<bool>,
}

/// `DAVAR_DIGIKALA_TRAIN`, else `../shared/data/digikala/train.csv` beside the repository.
pub fn train_path() -> PathBuf {
    match std::env::var_os("DAVAR_DIGIKALA_TRAIN") {
        Some(p) => PathBuf::from(p),
        None => repo_root().join("../shared/data/digikala/train.csv"),
    }
}

/// Every row of `train.csv`, in file order.
pub fn read_train(path: &Path) -> Result<Vec<Review>, String> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = rdr
        .headers()
        .map_err(|e| format!("{}: header: {e}", path.display()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| {
                format!(
                    "{}: no `{name}` column in the header (need title, comment)",
                    path.display()
                )
            })
    };
    let (title, comment) = (col("title")?, col("comment")?);
    let mut reviews = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: row {}: {e}", path.display(), i + 1))?;
        reviews.push(Review {
            title: rec.get(title).unwrap_or_default().to_owned(),
            comment: rec.get(comment).unwrap_or_default().to_owned(),
        });
    }
    Ok(reviews)
}

/// The labels, checked: header, 0/1 values, samples, rows inside `1..=rows`, no duplicates.
pub fn read_labels(path: &Path, rows: usize) -> Result<Vec<Label>, String> {
    let name = path.display();
    let mut rdr = csv::Reader::from_path(path).map_err(|e| format!("{name}: {e}"))?;
    let headers = rdr.headers().map_err(|e| format!("{name}:1: {e}"))?.clone();
    let mut want = vec!["row", "sample"];
    want.extend(FAMILIES.iter().map(|f| f.0));
    let got: Vec<&str> = headers.iter().collect();
    if got.len() < want.len()
        || got[..want.len()] != want[..]
        || got[want.len()..].iter().any(|h| *h != "note")
    {
        return Err(format!(
            "{name}:1: the header must be `{},note`, found `{}`",
            want.join(","),
            got.join(",")
        ));
    }
    let mut labels: Vec<Label> = Vec::new();
    let mut seen = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{name}: {e}"))?;
        let line = rec.position().map_or(0, |p| p.line());
        let row: usize = rec[0]
            .parse()
            .map_err(|_| format!("{name}:{line}: `{}` is not a row number", &rec[0]))?;
        if row == 0 || row > rows {
            return Err(format!(
                "{name}:{line}: row {row} is outside train.csv's 1..={rows}"
            ));
        }
        if let Some(first) = seen.insert(row, line) {
            return Err(format!(
                "{name}:{line}: row {row} is already labelled on line {first}"
            ));
        }
        let sample = rec[1].to_owned();
        if sample != "eval" && sample != "dev" {
            return Err(format!(
                "{name}:{line}: sample must be `eval` or `dev`, found `{sample}`"
            ));
        }
        let mut positive = Vec::new();
        for (i, (family, _)) in FAMILIES.iter().enumerate() {
            positive.push(match &rec[2 + i] {
                "1" => true,
                "0" => false,
                other => {
                    return Err(format!(
                        "{name}:{line}: `{family}` must be 0 or 1, found `{other}`"
                    ));
                }
            });
        }
        labels.push(Label {
            row,
            sample,
            positive,
        });
    }
    Ok(labels)
}
