//! The human report of `davar audit`: one row per finding and the count line.

use std::fmt::Write as _;

use davar_obligation::audit::{Finding, Status};
use davar_obligation::instant::human_span;

use crate::output::{Paint, style};

/// The table of `findings`, columns aligned; breaches painted.
pub fn render(findings: &[Finding], paint: Paint) -> String {
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
    let line = |cells: &[&str], status: Option<Status>| {
        cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (c, w))| {
                let padded = format!("{c}{}", " ".repeat(w - c.chars().count()));
                match (i, status) {
                    (4, Some(Status::Breached)) => paint.paint(style::ERROR, padded),
                    (4, Some(Status::Open)) => paint.paint(style::WARNING, padded),
                    _ => padded,
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.paint(style::BOLD, line(&header, None)));
    for (row, finding) in rows.iter().zip(findings) {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells, Some(finding.status)));
    }
    out
}

/// `3 met, 7 breached, 1 open, 1 lapsed`.
pub fn counts(findings: &[Finding]) -> String {
    let count = |s: Status| findings.iter().filter(|f| f.status == s).count();
    format!(
        "{} met, {} breached, {} open, {} lapsed",
        count(Status::Met),
        count(Status::Breached),
        count(Status::Open),
        count(Status::Lapsed)
    )
}
