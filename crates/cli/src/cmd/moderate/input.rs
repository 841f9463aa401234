//! Reading comments for `davar moderate`: JSON Lines, CSV with a header, or `--text`.

use std::io::BufRead;

use anyhow::{Context, bail};
use davar_moderation::{Comment, Kind};
use serde_json::{Map, Value};

/// One input record: a comment, or a line that could not be read (reported and counted).
pub enum Record {
    /// A comment with the line it came from and the columns passed through unchanged.
    Comment {
        line: usize,
        comment: Box<Comment>,
        passthrough: Map<String, Value>,
    },
    /// A malformed line.
    Malformed { line: usize, error: String },
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    JsonLines,
    Csv,
}

/// Picks the format from the extension, else from the first non-empty line.
pub fn detect(name: &str, first_line: &str) -> InputFormat {
    let lower = name.to_ascii_lowercase();
    let json_name = [".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|e| lower.ends_with(e));
    if lower.ends_with(".csv") {
        InputFormat::Csv
    } else if json_name || first_line.trim_start().starts_with('{') {
        InputFormat::JsonLines
    } else {
        InputFormat::Csv
    }
}

/// Reads JSON Lines: one comment object per line; blank lines are skipped.
pub fn json_lines(reader: impl BufRead) -> impl Iterator<Item = Record> {
    reader.lines().enumerate().filter_map(|(i, line)| {
        let line_no = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                return Some(Record::Malformed {
                    line: line_no,
                    error: format!("not UTF-8 text: {e}"),
                });
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        Some(parse_json_line(line_no, &line))
    })
}

const COMMENT_KEYS: &[&str] = &["id", "kind", "title", "body", "product", "author", "lang"];

fn parse_json_line(line: usize, text: &str) -> Record {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Record::Malformed {
                line,
                error: format!("invalid JSON at column {}: {e}", e.column()),
            };
        }
    };
    let Value::Object(mut object) = value else {
        return Record::Malformed {
            line,
            error: "expected a JSON object like {\"id\":\"r1\",\"body\":\"...\"}".into(),
        };
    };
    let mut known = Map::new();
    for key in COMMENT_KEYS {
        if let Some(v) = object.remove(*key) {
            known.insert((*key).to_owned(), v);
        }
    }
    // Numbers as ids are common in exports: accept them as text.
    if let Some(Value::Number(n)) = known.get("id") {
        let s = n.to_string();
        known.insert("id".into(), Value::String(s));
    }
    match serde_json::from_value::<Comment>(Value::Object(known)) {
        Ok(comment) => Record::Comment {
            line,
            comment: Box::new(comment),
            passthrough: object,
        },
        Err(e) => Record::Malformed {
            line,
            error: format!("{e} (fields: id, kind, title, body, product, author, lang)"),
        },
    }
}

/// Reads CSV with a header naming `title` and `comment` (or `body`); `id`, `kind`, `lang`,
/// `product` and `author` columns are used when present, the others are passed through.
pub fn csv(
    reader: impl std::io::Read,
    default_kind: Kind,
    default_lang: &str,
) -> anyhow::Result<impl Iterator<Item = Record>> {
    let mut rdr = ::csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(reader);
    let headers = rdr.headers().context("reading the CSV header")?.clone();
    let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.trim()));
    let Some(body) = find(&["comment", "body"]) else {
        bail!(
            "the CSV header has no `comment` or `body` column (found: {})",
            headers.iter().collect::<Vec<_>>().join(", ")
        );
    };
    let title = find(&["title"]);
    let id = find(&["id"]);
    let kind = find(&["kind"]);
    let lang = find(&["lang"]);
    let product = find(&["product"]);
    let author = find(&["author"]);
    let used: Vec<usize> = [Some(body), title, id, kind, lang, product, author]
        .into_iter()
        .flatten()
        .collect();
    let default_lang = default_lang.to_owned();
    Ok(rdr.into_records().enumerate().map(move |(i, rec)| {
        // Line numbers: header is line 1; quoted fields may span lines, so use the position.
        let fallback = i + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(fallback, |p| p.line() as usize);
                return Record::Malformed {
                    line,
                    error: e.to_string(),
                };
            }
        };
        let line = rec.position().map_or(fallback, |p| p.line() as usize);
        let get = |col: Option<usize>| col.and_then(|c| rec.get(c)).map(str::to_owned);
        let kind_value = match get(kind).filter(|k| !k.is_empty()) {
            Some(k) => match k.parse::<Kind>() {
                Ok(k) => k,
                Err(error) => return Record::Malformed { line, error },
            },
            None => default_kind,
        };
        let comment = Comment {
            id: get(id).or_else(|| Some(format!("line-{line}"))),
            kind: kind_value,
            title: get(title),
            body: get(Some(body)).unwrap_or_default(),
            product: get(product).filter(|p| !p.is_empty()),
            author: get(author).filter(|a| !a.is_empty()),
            lang: get(lang)
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| default_lang.clone()),
        };
        let passthrough = headers
            .iter()
            .enumerate()
            .filter(|(c, _)| !used.contains(c))
            .map(|(c, h)| {
                (
                    h.to_owned(),
                    Value::String(rec.get(c).unwrap_or_default().to_owned()),
                )
            })
            .collect();
        Record::Comment {
            line,
            comment: Box::new(comment),
            passthrough,
        }
    }))
}
