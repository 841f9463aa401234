//! `davar rules`: lists every moderation rule code.

use std::collections::BTreeMap;
use std::process::ExitCode;

use davar_moderation::catalog;

use crate::Global;

/// Arguments of `davar rules`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// How `davar rules` prints the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per rule.
    Table,
    /// A JSON array.
    Json,
}

/// The first sentence under "What it flags", as a one-line summary.
fn summary(doc: &str) -> String {
    let text: Vec<&str> = doc
        .lines()
        .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let joined = text.join(" ");
    let cut = [": ", ". ", " ("]
        .iter()
        .filter_map(|sep| joined.find(sep))
        .min();
    match cut {
        Some(i) => joined[..i].to_owned(),
        None => joined.trim_end_matches('.').to_owned(),
    }
}

/// Runs `davar rules`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    // Which rule sets use each code, when the rules directory loads.
    let mut used: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let engine = global
        .project(None, true)
        .ok()
        .and_then(|project| project.engine);
    if let Some(engine) = &engine {
        for set in engine.rule_sets() {
            for rule in &set.rules {
                if let Some(info) = catalog().iter().find(|i| i.code == rule.code) {
                    used.entry(info.code).or_default().push(set.name.clone());
                }
            }
        }
    }
    match args.format {
        Format::Json => {
            let rows: Vec<_> = catalog()
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "severity": r.severity.as_str(),
                        "fixable": r.fixable,
                        "summary": summary(r.doc),
                        "rule_sets": used.get(r.code).cloned().unwrap_or_default(),
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
        }
        Format::Table => {
            println!("{:<24} {:<8} {:<8} summary", "code", "severity", "fixable");
            for r in catalog() {
                println!(
                    "{:<24} {:<8} {:<8} {}",
                    r.code,
                    r.severity.as_str(),
                    if r.fixable { "yes" } else { "no" },
                    summary(r.doc)
                );
            }
            println!();
            println!("`davar explain CODE` prints a rule's documentation.");
            if engine.is_none() {
                eprintln!(
                    "note: the rule sets in {} did not compile; `davar check` shows why",
                    global.rules.display()
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
