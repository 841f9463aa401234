//! `davar explain CODE`: prints the documentation of a moderation rule code
//! (`contacts/phone`) or of a check code of `davar check` (`front-matter`,
//! `duration-mismatch`).

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::bail;
use davar_moderation::catalog;
use davar_policy::codes::CODES;

use crate::Global;
use crate::output::{Format, OutputArgs};

/// Arguments of `davar explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A moderation rule code (`contacts/phone`, see `davar rules`) or a check code of
    /// `davar check` (`front-matter`, `duration-mismatch`).
    pub code: String,
    /// Output format (`json`: `{code, kind, severity?, fixable?, removes_content?, summary?,
    /// doc}`).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `davar explain`.
pub fn run(args: &Args, _global: &Global) -> anyhow::Result<ExitCode> {
    let found = if let Some(rule) = catalog().iter().find(|r| r.code == args.code) {
        let text = format!(
            "# {}\n\nDefault severity: {}. Fixable: {}.{}\n\n{}\n",
            rule.code,
            rule.severity.as_str(),
            if rule.fixable { "yes" } else { "no" },
            match (rule.fixable, rule.removes_content) {
                (false, _) => "",
                (true, true) => {
                    " Its repair removes content: a comment published with it is published with parts removed (a restriction: statement of reasons, appeal); a rule set may say otherwise with `removes_content: false`."
                }
                (true, false) => {
                    " Its repair changes form only (not a restriction); a rule set may say otherwise with `removes_content: true`."
                }
            },
            rule.doc
        );
        let json = serde_json::json!({
            "code": rule.code,
            "kind": "moderation",
            "severity": rule.severity.as_str(),
            "fixable": rule.fixable,
            "removes_content": rule.removes_content,
            "doc": rule.doc,
        });
        Some((text, json))
    } else {
        davar_policy::codes::lookup(&args.code).map(|check| {
            let json = serde_json::json!({
                "code": check.code,
                "kind": "check",
                "summary": check.summary,
                "doc": check.doc,
            });
            (check.doc.to_owned(), json)
        })
    };
    if let Some((text, json)) = found {
        let mut sink = args.output.open()?;
        match args.format {
            Format::Human => sink.writer.write_all(text.as_bytes())?,
            Format::Json => {
                serde_json::to_writer_pretty(&mut sink.writer, &json)?;
                writeln!(sink.writer)?;
            }
        }
        sink.writer.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let family = args.code.split('/').next().unwrap_or_default();
    let near: Vec<&str> = catalog()
        .iter()
        .map(|r| r.code)
        .filter(|code| code.starts_with(family) || code.ends_with(&args.code))
        .chain(
            CODES
                .iter()
                .map(|c| c.code)
                .filter(|code| code.contains(&args.code) || args.code.contains(code)),
        )
        .collect();
    if near.is_empty() {
        bail!(
            "unknown code `{}`: `davar rules` lists the moderation rule codes; the check codes are {}",
            args.code,
            CODES.iter().map(|c| c.code).collect::<Vec<_>>().join(", ")
        );
    }
    bail!(
        "unknown code `{}`: did you mean {}?",
        args.code,
        near.join(", ")
    );
}
