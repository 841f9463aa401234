//! The Rust side of `bench/peers`: times one pass of davar (full moderation, or normalisation
//! alone) or of a bare `regex::RegexSet` over the titles and bodies of a reviews CSV, and prints
//! one JSON object that the script turns into a table row.
//!
//! ```text
//! cargo run --release -p davar-moderation --example peer_bench -- \
//!     moderate ../shared/data/digikala/train.csv [--rules rules] [--iterations 10]
//! ```
//! Modes: `moderate` (the Persian review rule set: normalisation, every rule, fixes),
//! `normalise` (the matching skeleton of each field, with its offset map), `regexset` (one
//! `RegexSet::matches` per field, the practical ceiling for a regex engine).
//! The CSV needs a `title` column and a `comment` or `body` column. The reported time is the
//! fastest of the iterations; loading the file and compiling the rules are not counted.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use davar_moderation::text::Skeleton;
use davar_moderation::{Comment, Engine, Kind, MemoryStore, NoClauses, RuleSources};

#[path = "../benches/support/baseline.rs"]
mod baseline;

/// What one run measures.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Moderate,
    Normalise,
    RegexSet,
}

struct Options {
    mode: Mode,
    input: PathBuf,
    rules: PathBuf,
    iterations: usize,
}

fn usage() -> String {
    "usage: peer_bench moderate|normalise|regexset FILE.csv [--rules DIR] [--iterations N]".into()
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mode = match args.next().as_deref() {
        Some("moderate") => Mode::Moderate,
        Some("normalise") | Some("normalize") => Mode::Normalise,
        Some("regexset") => Mode::RegexSet,
        Some(other) => return Err(format!("unknown mode `{other}`\n{}", usage())),
        None => return Err(usage()),
    };
    let input = PathBuf::from(args.next().ok_or_else(usage)?);
    let mut rules = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let mut iterations = 10;
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("`{flag}` needs a value\n{}", usage()))?;
        match flag.as_str() {
            "--rules" => rules = PathBuf::from(value),
            "--iterations" => {
                iterations =
                    value.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("--iterations takes a positive number, not `{value}`")
                    })?
            }
            _ => return Err(format!("unknown option `{flag}`\n{}", usage())),
        }
    }
    Ok(Options {
        mode,
        input,
        rules,
        iterations,
    })
}

/// Reads the reviews as Persian review comments; rows that cannot be read are counted.
fn load(path: &PathBuf) -> Result<(Vec<Comment>, usize), String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h));
    let body = column(&["comment", "body"])
        .ok_or_else(|| format!("{}: no `comment` or `body` column", path.display()))?;
    let title = column(&["title"]);
    let mut comments = Vec::new();
    let mut skipped = 0;
    for (i, record) in reader.records().enumerate() {
        let Ok(record) = record else {
            skipped += 1;
            continue;
        };
        comments.push(Comment {
            id: Some(i.to_string()),
            kind: Kind::Review,
            title: title.and_then(|t| record.get(t)).map(str::to_owned),
            body: record.get(body).unwrap_or_default().to_owned(),
            product: None,
            author: None,
            lang: "fa".into(),
        });
    }
    Ok((comments, skipped))
}

fn fields(comment: &Comment) -> impl Iterator<Item = &str> {
    comment
        .title
        .as_deref()
        .into_iter()
        .chain([&comment.body[..]])
}

fn run(options: &Options) -> Result<String, String> {
    let (comments, skipped) = load(&options.input)?;
    let bytes: usize = comments.iter().flat_map(fields).map(str::len).sum();
    let mut pass: Box<dyn FnMut() -> Result<usize, String>> = match options.mode {
        Mode::Moderate => {
            let sources = RuleSources::read_dir(&options.rules)
                .map_err(|e| format!("{}: {e}", options.rules.display()))?;
            let engine = Engine::new(&sources, &NoClauses).map_err(|errors| {
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            })?;
            let store = MemoryStore::new();
            let comments = &comments;
            Box::new(move || {
                let mut flagged = 0;
                for comment in comments {
                    let result = engine
                        .moderate(comment, &store)
                        .map_err(|e| e.to_string())?;
                    flagged += usize::from(!result.violations.is_empty());
                    black_box(result);
                }
                Ok(flagged)
            })
        }
        Mode::Normalise => {
            let comments = &comments;
            Box::new(move || {
                let mut changed = 0;
                for field in comments.iter().flat_map(fields) {
                    let skeleton = Skeleton::new(field);
                    changed += usize::from(skeleton.text != field);
                    black_box(skeleton);
                }
                Ok(changed)
            })
        }
        Mode::RegexSet => {
            let set = baseline::bare_regex_set();
            let comments = &comments;
            Box::new(move || {
                let mut matched = 0;
                for field in comments.iter().flat_map(fields) {
                    matched += usize::from(set.matches(field).matched_any());
                }
                Ok(matched)
            })
        }
    };
    let mut best = f64::INFINITY;
    let mut hits = 0;
    for _ in 0..options.iterations {
        let start = Instant::now();
        hits = pass()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    let name = match options.mode {
        Mode::Moderate => "davar moderate (library)",
        Mode::Normalise => "davar normalise (library)",
        Mode::RegexSet => "regex::RegexSet (bare)",
    };
    Ok(serde_json::json!({
        "name": name,
        "texts": comments.len(),
        "skipped": skipped,
        "bytes": bytes,
        "seconds": best,
        "iterations": options.iterations,
        "hits": hits,
    })
    .to_string())
}

fn main() -> ExitCode {
    match parse_args().and_then(|options| run(&options)) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("peer_bench: {message}");
            ExitCode::from(2)
        }
    }
}
