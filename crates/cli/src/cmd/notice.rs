//! `davar notice`: the change notice users are owed before a new version takes effect, per
//! language, as plain text, an HTML e-mail or JSON for a mailer. Warns when the notice would
//! reach its readers later than their notice period (`notice_days` in site.yaml) allows.
//!
//! Refuses when `davar check` finds an error (not accepted) in the document noticed; errors in
//! other documents do not stop a notice about this one.

use std::process::ExitCode;

use anyhow::{Context as _, bail};
use davar_policy::Severity;
use davar_policy::render::notice::{notice, notice_html, notice_json, notice_text};
use davar_project::Project;
use jiff::civil::Date;

use crate::Global;
use crate::cmd::check::parse_date;
use crate::output::OutputArgs;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, the languages one after the other (`human` is accepted as a synonym, as
    /// in the other commands).
    #[value(alias = "human")]
    Text,
    /// One HTML e-mail with a section per language.
    Html,
    /// The notice as JSON: dates, the period applied and, per language, the subject, the
    /// clauses and both bodies.
    Json,
}

/// Arguments of `davar notice`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Document id, e.g. `terms`.
    #[arg(long)]
    pub doc: String,
    /// The version announced.
    #[arg(long)]
    pub version: u32,
    /// Only this language (default: every language of the version, the binding one first).
    #[arg(long)]
    pub lang: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// `--output FILE` and `--quiet` (a late notice is still warned about: it is this
    /// command's finding).
    #[command(flatten)]
    pub output: OutputArgs,
    /// The day the notice is sent (YYYY-MM-DD); default today in the time zone of `site.yaml`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub sent_on: Option<Date>,
    /// Exit with status 1 when the notice is late (it still writes the notice).
    #[arg(long)]
    pub strict: bool,
}

/// Runs `davar notice`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    args.output
        .refuse_inputs(&[global.policies.as_path(), global.rules.as_path()])?;
    let project = global.project(None, false)?;
    refuse_errors_in(&project, &args.doc)?;
    let set = &project.policies;
    let sent_on = args
        .sent_on
        .unwrap_or_else(|| davar_project::today(&set.site));
    let notice = notice(
        set,
        &args.doc,
        args.version,
        args.lang.as_deref(),
        sent_on,
        &davar_obligation::sentence::Sentences,
    )?;
    let output = match args.format {
        Format::Text => notice_text(&notice),
        Format::Html => notice_html(&notice),
        Format::Json => format!("{:#}\n", notice_json(&notice)),
    };
    match args.output.output.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(path) => std::fs::write(path, &output)
            .with_context(|| format!("cannot write the notice to {} (--output)", path.display()))?,
        None => print!("{output}"),
    }
    let period = &notice.period;
    if !period.late {
        return Ok(ExitCode::SUCCESS);
    }
    // The late warning is this command's finding: `--quiet` does not hide it.
    eprintln!("warning: {}", late_warning(&notice, sent_on));
    Ok(if args.strict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Stops with the first error `davar check` finds in `doc`'s files, with their number.
fn refuse_errors_in(project: &Project, doc: &str) -> anyhow::Result<()> {
    let dir = project.policies.root.join(doc);
    let errors: Vec<_> = project
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.accepted.is_none())
        .filter(|d| d.file.starts_with(&dir))
        .collect();
    if let Some(first) = errors.first() {
        bail!(
            "`davar check` finds {} error(s) in `{doc}`; the first: {}:{}:{}: {} \
             (fix them, or accept them with `davar check --accept --reason TEXT`, before sending a notice)",
            errors.len(),
            first.file.display(),
            first.line,
            first.column,
            first.message
        );
    }
    Ok(())
}

/// Why a notice is late, and what can still be done: send it earlier, or move `effective`,
/// unless the version is already in force on the day the notice is sent.
fn late_warning(notice: &davar_policy::render::notice::Notice, sent_on: Date) -> String {
    let period = &notice.period;
    let head = format!("{} v{}", notice.document, notice.version);
    let owed = format!(
        "{} are owed {} days' notice",
        period.audience.as_str(),
        period.required_days
    );
    if period.given_days < 0 {
        let took_effect = format!(
            "{head} took effect on {}, {} day(s) before this notice is sent on {sent_on}",
            notice.effective, -period.given_days
        );
        return if period.required_days == 0 {
            format!("{took_effect}; tell readers of a change before it takes effect")
        } else {
            format!(
                "{took_effect}; {owed}: a notice was due by {}",
                period.send_by
            )
        };
    }
    let moved = sent_on
        .checked_add(jiff::Span::new().days(i64::from(period.required_days)))
        .map_or_else(|_| "-".to_string(), |d| d.to_string());
    let gives = if period.given_days == 0 {
        "the notice arrives on that day".to_string()
    } else {
        format!("the notice gives {} day(s)", period.given_days)
    };
    format!(
        "{head} takes effect on {}; sent on {sent_on}, {gives} but {owed}: send it by {}, or move `effective` to {moved} or later",
        notice.effective, period.send_by
    )
}
