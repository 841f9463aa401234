//! `davar rules`: lists every moderation rule code.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::process::ExitCode;

use davar_moderation::catalog;

use crate::Global;
use crate::output::{Format, OutputArgs};
use crate::select::{CodeFilter, SelectArgs};

/// Arguments of `davar rules`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format: a table (also `--format table`), or a JSON array of
    /// `{code, severity, fixable, removes_content, summary, rule_sets}`; `removes_content` is
    /// the rule's default, and `removes_content_in` lists the rule sets that say otherwise.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub select: SelectArgs,
    #[command(flatten)]
    pub output: OutputArgs,
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
    let filter = CodeFilter::new(&args.select, catalog().iter().map(|r| r.code))?;
    // Which rule sets use each code, when the rules directory loads, and those that override
    // whether its repair removes content.
    let mut used: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut overridden: BTreeMap<&str, BTreeMap<String, bool>> = BTreeMap::new();
    let engine = global
        .project(None, true)
        .ok()
        .and_then(|project| project.engine);
    if let Some(engine) = &engine {
        for set in engine.rule_sets() {
            for rule in &set.rules {
                if let Some(info) = catalog().iter().find(|i| i.code == rule.code) {
                    used.entry(info.code).or_default().push(set.name.clone());
                    if rule.removes_content != info.removes_content {
                        overridden
                            .entry(info.code)
                            .or_default()
                            .insert(set.name.clone(), rule.removes_content);
                    }
                }
            }
        }
    }
    let rules: Vec<_> = catalog().iter().filter(|r| filter.keeps(r.code)).collect();
    let mut sink = args.output.open()?;
    match args.format {
        Format::Json => {
            let rows: Vec<_> = rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "severity": r.severity.as_str(),
                        "fixable": r.fixable,
                        "removes_content": r.removes_content,
                        "removes_content_in": overridden.get(r.code).cloned().unwrap_or_default(),
                        "summary": summary(r.doc),
                        "rule_sets": used.get(r.code).cloned().unwrap_or_default(),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut sink.writer, &rows)?;
            writeln!(sink.writer)?;
        }
        Format::Human => {
            writeln!(
                sink.writer,
                "{:<24} {:<8} {:<8} {:<8} summary",
                "code", "severity", "fixable", "removes"
            )?;
            for r in rules {
                // Whether the repair removes content (a restriction when published), with `*`
                // when a rule set says otherwise.
                let removes = match (r.fixable, r.removes_content) {
                    (false, _) => "-",
                    (true, true) => "yes",
                    (true, false) => "no",
                };
                let mark = if overridden.contains_key(r.code) {
                    "*"
                } else {
                    ""
                };
                writeln!(
                    sink.writer,
                    "{:<24} {:<8} {:<8} {:<8} {}",
                    r.code,
                    r.severity.as_str(),
                    if r.fixable { "yes" } else { "no" },
                    format!("{removes}{mark}"),
                    summary(r.doc)
                )?;
            }
            if !args.output.quiet {
                writeln!(sink.writer)?;
                writeln!(
                    sink.writer,
                    "removes: whether the rule's repair removes content (a comment published with it is published with parts removed: a restriction); * a rule set says otherwise (--format json lists which)."
                )?;
                writeln!(
                    sink.writer,
                    "`davar explain CODE` prints a rule's documentation."
                )?;
            }
            if engine.is_none() {
                crate::output::note(
                    args.output.quiet,
                    format!(
                        "the rule sets in {} did not compile; `davar check` shows why",
                        global.rules.display()
                    ),
                );
            }
        }
    }
    sink.writer.flush()?;
    Ok(ExitCode::SUCCESS)
}
