//! `davar audit --decisions URL`: every appeal in the decision log against the dispute
//! policy's promised time to decide it, in the version in force when it was received: met,
//! breached (decided late, or undecided past the deadline) or open; and an appeal decided by
//! the moderator who took the contested decision, a breach of DSA Art. 20(6).

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use davar_obligation::instant::human_span;
use davar_project::Project;
use std::collections::BTreeSet;

use davar_server::compliance::appeal::is_lodged;
use davar_server::compliance::appeal_audit::{AppealAudit, AppealStatus, audit_appeals};
use davar_server::compliance::each_decided;
use davar_server::decision::Stage;
use jiff::Timestamp;

use super::audit::{Args, FailOn};
use super::decision_log::{open, published};
use crate::output::Format;

/// Audits the appeals of the log at `url` at `now`, writing the report where `args.output`
/// says; `args.fail_on` decides the exit code as for cases.
pub fn run(project: &Project, url: &str, now: Timestamp, args: &Args) -> anyhow::Result<ExitCode> {
    let log = open(url)?;
    let mut appeals = Vec::new();
    each_decided(&*log.store, Timestamp::MIN, Timestamp::MAX, |record| {
        if record.stage == Stage::Appeal {
            appeals.push(record);
        }
        Ok::<(), anyhow::Error>(())
    })?;
    // The decisions appealed against, to see who took them (DSA Art. 20(6)).
    let contested: BTreeSet<String> = appeals
        .iter()
        .filter(|r| is_lodged(r))
        .filter_map(|r| r.follows.clone())
        .collect();
    let mut records = Vec::with_capacity(appeals.len() + contested.len());
    if !contested.is_empty() {
        each_decided(&*log.store, Timestamp::MIN, Timestamp::MAX, |record| {
            if record.stage != Stage::Appeal && contested.contains(&record.id) {
                records.push(record);
            }
            Ok::<(), anyhow::Error>(())
        })?;
    }
    records.extend(appeals);
    let audits = audit_appeals(&published(project), &records, now);
    let mut sink = args.output.open()?;
    match args.format {
        Format::Json => {
            for audit in &audits {
                serde_json::to_writer(&mut sink.writer, audit)?;
                writeln!(sink.writer)?;
            }
        }
        Format::Human => {
            sink.writer.write_all(table(&audits).as_bytes())?;
            if !args.output.quiet {
                writeln!(sink.writer, "{}", summary(&audits))?;
            }
        }
    }
    sink.writer.flush()?;
    let failing = |a: &AppealAudit| match args.fail_on {
        None => false,
        // An appeal whose deadline the calendar cannot count may be breached: it fails either.
        Some(FailOn::Breached) => a.breached() || a.status == AppealStatus::CalendarEnds,
        Some(FailOn::Open) => {
            a.breached() || matches!(a.status, AppealStatus::Open | AppealStatus::CalendarEnds)
        }
    };
    Ok(if audits.iter().any(failing) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn summary(audits: &[AppealAudit]) -> String {
    let count = |s: AppealStatus| audits.iter().filter(|a| a.status == s).count();
    let same = audits.iter().filter(|a| a.same_moderator.is_some()).count();
    let mut out = format!(
        "{} appeal(s): {} met, {} breached, {} open, {} without a promised time",
        audits.len(),
        count(AppealStatus::Met),
        count(AppealStatus::Breached),
        count(AppealStatus::Open),
        count(AppealStatus::NoDeadline)
    );
    let ends = count(AppealStatus::CalendarEnds);
    if ends > 0 {
        let _ = write!(
            out,
            "; {ends} whose deadline falls after the working-day calendar ends (extend the calendar the table names)"
        );
    }
    if same > 0 {
        let _ = write!(
            out,
            "; {same} decided by the moderator of the contested decision (DSA Art. 20(6))"
        );
    }
    out
}

fn table(audits: &[AppealAudit]) -> String {
    let rows: Vec<[String; 6]> = audits
        .iter()
        .map(|a| {
            let finding = a.findings.first();
            let mut status = match (a.status, finding.and_then(|f| f.late_by_seconds)) {
                (AppealStatus::Breached, Some(late)) => format!("BREACHED ({})", human_span(late)),
                (AppealStatus::Breached, None) => "BREACHED".to_owned(),
                (status, _) => status.as_str().to_owned(),
            };
            if let Some(moderator) = &a.same_moderator {
                let _ = write!(
                    status,
                    "; BREACHED Art. 20(6): decided by {moderator}, who took the contested decision"
                );
            }
            [
                a.appeal.clone(),
                a.received_at.clone(),
                finding.map_or_else(
                    || "-".to_owned(),
                    |f| format!("{} v{} {} {}", f.doc, f.version, f.lang, f.obligation),
                ),
                finding.map_or_else(|| "-".to_owned(), |f| f.due.clone()),
                status,
                match (&a.outcome, finding) {
                    (Some(outcome), Some(f)) => format!(
                        "{} at {}; {}",
                        serde_json::to_value(outcome)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        a.decided_at.as_deref().unwrap_or_default(),
                        f.detail
                    ),
                    (_, Some(f)) => f.detail.clone(),
                    (_, None) => a.note.clone().unwrap_or_default(),
                },
            ]
        })
        .collect();
    let header = [
        "appeal",
        "received",
        "obligation",
        "due",
        "status",
        "detail",
    ];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str]| {
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", line(&header));
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells));
    }
    out
}
