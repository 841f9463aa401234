//! `davar deadline`: when an obligation falls due for a trigger instant, in the version that
//! applies, explained in the document's language (Solar Hijri dates for Persian).

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use davar_obligation::deadline_report::{DeadlineReport, deadline_report};
use davar_obligation::instant::parse_instant;
use jiff::civil::Date;

use crate::Global;
use crate::cmd::check::parse_date;
use crate::output::{Format, OutputArgs};

/// Arguments of `davar deadline`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Document id, e.g. `dispute-policy`.
    #[arg(long)]
    pub doc: String,
    /// Obligation id, e.g. `acknowledge-complaint`.
    #[arg(long)]
    pub obligation: String,
    /// Trigger instant with its offset, e.g. `2026-11-18T10:00:00+03:30`.
    #[arg(long, value_parser = parse_instant)]
    pub at: jiff::Zoned,
    /// Language of the text to apply (default: the binding language).
    #[arg(long)]
    pub lang: Option<String>,
    /// Apply the version in force on this date instead of the one in force at the trigger.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Output format: a short explanation in the document's language, or one JSON object.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `davar deadline`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let project = global.checked_policies(None)?;
    let report = deadline_report(
        &project.policies,
        &project.calendars,
        &args.doc,
        &args.obligation,
        &args.at,
        args.lang.as_deref(),
        args.as_of,
    )?;
    let mut sink = args.output.open()?;
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut sink.writer, &report)?;
            writeln!(sink.writer)?;
        }
        Format::Human => sink.writer.write_all(human(&report).as_bytes())?,
    }
    sink.writer.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The human explanation: labels in the document's language.
fn human(r: &DeadlineReport) -> String {
    let [due, target, skipped, _, none, earliest] = davar_obligation::words::labels(&r.lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} v{} ({}, effective {}) · {} · {}",
        r.document, r.version, r.lang, r.effective, r.obligation, r.url
    );
    let kind = match r.limit.kind {
        davar_obligation::rules_json::LimitKind::Within => "within",
        davar_obligation::rules_json::LimitKind::AtLeast => "at-least",
    };
    let _ = writeln!(out, "{kind}: {} from {}", r.limit.text, r.trigger_at);
    let due = match r.limit.kind {
        davar_obligation::rules_json::LimitKind::Within => due,
        davar_obligation::rules_json::LimitKind::AtLeast => earliest,
    };
    let _ = writeln!(out, "{due}: {}  ({})", r.due, r.due_text);
    if let Some(t) = &r.target {
        let _ = writeln!(out, "{target}: {t}");
    }
    let _ = writeln!(out, "{}", r.method);
    // Calendar time skips nothing, so only working time lists (or denies) skipped days.
    if r.calendar.is_some() && r.skipped.is_empty() {
        let _ = writeln!(out, "{skipped}: {none}");
    } else if !r.skipped.is_empty() {
        let _ = writeln!(out, "{skipped}:");
        for s in &r.skipped {
            let _ = writeln!(out, "  {}  {} — {}", s.date, s.date_text, s.name);
        }
    }
    out
}
