//! `davar audit`: check real cases (JSON Lines) against the obligations of the version in force
//! at each trigger. Breaches are the result, not a failure: exit 0. Malformed lines are reported
//! with their line number on stderr (the other lines are still audited) and give exit 2.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use davar_obligation::audit::{Finding, Status, audit_case, parse_case};
use davar_obligation::instant::{human_span, parse_instant};

use crate::Global;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for people.
    Human,
    /// One JSON object per finding.
    Jsonl,
}

/// Arguments of `davar audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Cases, one JSON object per line (`-` for standard input).
    pub cases: PathBuf,
    /// The present instant for open obligations (default: now), e.g. `2026-11-20T12:00:00+03:30`.
    #[arg(long, value_parser = parse_instant)]
    pub now: Option<jiff::Zoned>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Runs `davar audit`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let project = global.checked_policies(None)?;
    let (set, calendars) = (&project.policies, &project.calendars);
    let text = if args.cases.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        text
    } else {
        std::fs::read_to_string(&args.cases)
            .with_context(|| format!("cannot read {}", args.cases.display()))?
    };
    let now = args
        .now
        .as_ref()
        .map_or_else(jiff::Timestamp::now, |z| z.timestamp());
    let mut findings: Vec<Finding> = Vec::new();
    let mut bad_lines = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let result = parse_case(line)
            .and_then(|case| audit_case(set, calendars, &case, now).map_err(|e| e.to_string()));
        match result {
            Ok(found) => findings.extend(found),
            Err(message) => {
                bad_lines += 1;
                eprintln!("{}:{}: {message}", args.cases.display(), i + 1);
            }
        }
    }
    match args.format {
        Format::Jsonl => {
            for f in &findings {
                println!("{}", serde_json::to_string(f)?);
            }
        }
        Format::Human => print!("{}", table(&findings)),
    }
    Ok(if bad_lines > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn table(findings: &[Finding]) -> String {
    let rows: Vec<[String; 6]> = findings
        .iter()
        .map(|f| {
            [
                f.case.clone(),
                format!("{} v{} {}", f.doc, f.version, f.lang),
                f.obligation.clone(),
                f.limit.clone(),
                match f.status {
                    Status::Met => "met".into(),
                    Status::Breached => match f.late_by_seconds {
                        Some(s) => format!("BREACHED ({})", human_span(s)),
                        None => "BREACHED".into(),
                    },
                    Status::Open => "open".into(),
                    Status::Lapsed => "lapsed".into(),
                },
                f.detail.clone(),
            ]
        })
        .collect();
    let header = ["case", "version", "obligation", "limit", "status", "detail"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: &[&str]| {
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let _ = writeln!(out, "{}", line(&header));
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells));
    }
    let count = |s: Status| findings.iter().filter(|f| f.status == s).count();
    let _ = writeln!(
        out,
        "{} met, {} breached, {} open, {} lapsed",
        count(Status::Met),
        count(Status::Breached),
        count(Status::Open),
        count(Status::Lapsed)
    );
    out
}
