//! Transparency figures for people: a plain-text report for the terminal, and the figures
//! worded in each site language for the published page (`<lang>/transparency/`, rendered with
//! the site's templates).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use davar_obligation::instant::human_span;
use davar_policy::render::dates::{date_view, persian_digits};
use jiff::civil::Date;
use serde::Serialize;

use super::figures::Figures;
use super::figures_words::words;

/// The figures as aligned plain text, ending with the identities they satisfy.
pub fn human(f: &Figures) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Transparency figures from {} to {}", f.from, f.to);
    let _ = writeln!(out, "\nDecision log records: {}", f.records_total);
    for (stage, actions) in &f.records {
        for (action, n) in actions {
            let _ = writeln!(out, "  {:<10} {:<14} {n:>8}", stage, action);
        }
    }
    let r = &f.restrictions;
    let _ = writeln!(out, "\nRestrictions (statements of reasons): {}", r.total);
    let _ = writeln!(
        out,
        "  not published: {}, published with parts removed: {}",
        r.total - r.parts_removed,
        r.parts_removed
    );
    for (title, table) in sections(f) {
        let _ = writeln!(out, "  {title}");
        for (key, n) in table {
            let _ = writeln!(out, "    {key:<60} {n:>8} {:>7}", share(*n, r.total));
        }
    }
    let _ = writeln!(
        out,
        "  Codes cited: {} (a restriction citing several codes counts under each)",
        r.code_citations
    );
    let q = &f.queue;
    let _ = writeln!(
        out,
        "\nReview queue: waiting at the start: {}; queued: {}; decided: {}; waiting at the end: {}",
        q.pending_at_start, q.queued, q.decided, q.pending
    );
    let _ = writeln!(
        out,
        "Queued comments decided by a moderator: {}; from submission to decision: median {}, 95th percentile {}",
        q.decided,
        span(q.median_seconds),
        span(q.p95_seconds)
    );
    for (action, n) in &q.by_action {
        let _ = writeln!(out, "    {action:<60} {n:>8}");
    }
    let a = &f.appeals;
    let _ = writeln!(
        out,
        "\nAppeals pending at the start: {}; received: {}; decided {} (upheld {}, reversed {}); pending at the end: {}",
        a.pending_at_start, a.received, a.decided, a.upheld, a.reversed, a.pending
    );
    let _ = writeln!(
        out,
        "  decided or pending, against the dispute policy's time to decide"
    );
    for (status, n) in &a.deadlines {
        let _ = writeln!(out, "    {status:<60} {n:>8}");
    }
    let _ = writeln!(out, "\nChecks");
    for check in &f.checks {
        let mark = if check.holds { "ok  " } else { "FAIL" };
        let _ = writeln!(out, "  {mark} {}", check.check);
    }
    for note in &f.notes {
        let _ = writeln!(out, "note: {note}");
    }
    out
}

/// The figures of a period worded in one language, for the site's `transparency.html`
/// template (`davar_policy::render::render_transparency`). Every table carries its raw
/// numbers (`n`, `total`) beside the text shown (`number`, in the language's digits).
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// Page title.
    pub title: String,
    /// The period, in a sentence.
    pub intro: String,
    /// Column headers.
    pub number: String,
    /// Column header of the shares.
    pub share: String,
    /// Header of the total row.
    pub total: String,
    /// Restrictions, moderators' decisions, appeals.
    pub sections: Vec<SectionView>,
}

/// One section of the report.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// HTML id (`restrictions`, `moderators`, `appeals`).
    pub id: &'static str,
    /// Heading.
    pub title: String,
    /// The section's figures in a sentence.
    pub summary: String,
    /// Its tables.
    pub tables: Vec<TableView>,
}

/// One table: rows that partition `total`.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    /// HTML id (`by-kind`, ...).
    pub id: &'static str,
    /// Caption.
    pub caption: String,
    /// Header of the first column.
    pub label: String,
    /// The rows.
    pub rows: Vec<RowView>,
    /// What the rows add up to.
    pub total: u64,
    /// `total` in the language's digits.
    pub total_text: String,
}

/// One row of a table.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// The key in the JSON figures (`review`, `contacts/phone`, `met`, ...).
    pub key: String,
    /// What readers see.
    pub label: String,
    /// The count.
    pub n: u64,
    /// The count in the language's digits.
    pub number: String,
    /// Its share of the table's total.
    pub share: String,
}

/// The figures `f` of the days `from` to `to` worded in `lang` (fa, en, fr, de; English
/// otherwise).
pub fn view(f: &Figures, lang: &str, from: Date, to: Date) -> ReportView {
    let w = words(lang);
    let num = |n: u64| digits(&n.to_string(), lang);
    let day = |d: Date| {
        let shown = date_view(d, lang);
        match shown.alt {
            Some(alt) => format!("{} ({alt})", shown.text),
            None => shown.text,
        }
    };
    let table = |id: &'static str,
                 (caption, label): (&str, &str),
                 counts: &BTreeMap<String, u64>,
                 total: u64,
                 name: &dyn Fn(&str) -> String| TableView {
        id,
        caption: caption.to_owned(),
        label: label.to_owned(),
        rows: counts
            .iter()
            .map(|(key, n)| RowView {
                key: key.clone(),
                label: name(key),
                n: *n,
                number: num(*n),
                share: share_in(*n, total, lang),
            })
            .collect(),
        total,
        total_text: num(total),
    };
    let r = &f.restrictions;
    let as_is = |key: &str| {
        if key == "none" {
            w.none.to_owned()
        } else {
            key.to_owned()
        }
    };
    let kind = |key: &str| pick(key, &["review", "question", "answer"], &w.kinds);
    let automated = |key: &str| pick(key, &["fully", "partially", "not-automated"], &w.automated);
    let yes_no = |key: &str| pick(key, &["yes", "no"], &w.yes_no);
    let action = |key: &str| pick(key, &["approve", "reject", "edit-approve"], &w.actions);
    let deadline = |key: &str| {
        pick(
            key,
            &["met", "breached", "open", "no-deadline", "calendar-ends"],
            &w.deadlines,
        )
    };
    let t = &w.restriction_tables;
    let outcome = |key: &str| pick(key, &[NOT_PUBLISHED, PARTS_REMOVED], &w.outcomes);
    let restrictions = SectionView {
        id: "restrictions",
        title: w.restrictions.to_owned(),
        summary: w.restrictions_summary.replace("{n}", &num(r.total)),
        tables: vec![
            table(
                "by-outcome",
                w.outcome_table,
                &by_outcome(f),
                r.total,
                &outcome,
            ),
            table("by-kind", t[0], &r.by_kind, r.total, &kind),
            table("by-category", t[1], &r.by_category, r.total, &as_is),
            TableView {
                // Shares of the restrictions; the total row counts the codes cited.
                total: r.code_citations,
                total_text: num(r.code_citations),
                ..table("by-code", t[2], &r.by_code, r.total, &as_is)
            },
            table(
                "by-automated-decision",
                t[3],
                &r.by_automated_decision,
                r.total,
                &automated,
            ),
            table(
                "by-automated-detection",
                t[4],
                &r.by_automated_detection,
                r.total,
                &yes_no,
            ),
        ],
    };
    let q = &f.queue;
    let time = |s: Option<i64>| s.map_or_else(|| w.no_time.to_owned(), |s| duration(s, lang));
    let moderators = SectionView {
        id: "moderators",
        title: w.moderators.to_owned(),
        summary: w
            .moderators_summary
            .replace("{n}", &num(q.decided))
            .replace("{median}", &time(q.median_seconds))
            .replace("{p95}", &time(q.p95_seconds)),
        tables: vec![table(
            "by-action",
            w.actions_table,
            &q.by_action,
            q.decided,
            &action,
        )],
    };
    let a = &f.appeals;
    let appeals = SectionView {
        id: "appeals",
        title: w.appeals.to_owned(),
        summary: w
            .appeals_summary
            .replace("{pending_start}", &num(a.pending_at_start))
            .replace("{received}", &num(a.received))
            .replace("{decided}", &num(a.decided))
            .replace("{upheld}", &num(a.upheld))
            .replace("{reversed}", &num(a.reversed))
            .replace("{pending}", &num(a.pending)),
        tables: vec![table(
            "by-deadline",
            w.deadlines_table,
            &a.deadlines,
            a.decided + a.pending,
            &deadline,
        )],
    };
    ReportView {
        title: w.title.to_owned(),
        intro: w
            .intro
            .replace("{from}", &day(from))
            .replace("{to}", &day(to)),
        number: w.number.to_owned(),
        share: w.share.to_owned(),
        total: w.total.to_owned(),
        sections: vec![restrictions, moderators, appeals],
    }
}

/// Row key of the restrictions that kept a comment from being published.
const NOT_PUBLISHED: &str = "not-published";
/// Row key of the publications with parts removed or changed.
const PARTS_REMOVED: &str = "parts-removed";

/// The restrictions of `f` by what they did: not published, or published with parts removed
/// (`parts_removed` of the JSON figures); the two add up to the restrictions.
fn by_outcome(f: &Figures) -> BTreeMap<String, u64> {
    let r = &f.restrictions;
    BTreeMap::from([
        (NOT_PUBLISHED.to_owned(), r.total - r.parts_removed),
        (PARTS_REMOVED.to_owned(), r.parts_removed),
    ])
}

/// The word for `key` among `keys` (the key itself when it is none of them).
fn pick(key: &str, keys: &[&str], names: &[&'static str]) -> String {
    keys.iter()
        .position(|k| *k == key)
        .and_then(|i| names.get(i))
        .map_or_else(|| key.to_owned(), |name| (*name).to_owned())
}

fn digits(text: &str, lang: &str) -> String {
    if lang == "fa" {
        persian_digits(text)
    } else {
        text.to_owned()
    }
}

/// `n` of `total` as a percentage with one decimal, written as `lang` writes it.
fn share_in(n: u64, total: u64, lang: &str) -> String {
    if total == 0 {
        return "-".to_owned();
    }
    let w = words(lang);
    let number =
        format!("{:.1}", n as f64 * 100.0 / total as f64).replace('.', &w.decimal.to_string());
    format!("{}{}", digits(&number, lang), w.percent)
}

/// `seconds` as days, hours, minutes and seconds (the two largest parts), in `lang`.
fn duration(seconds: i64, lang: &str) -> String {
    let units = words(lang).units;
    let seconds = seconds.max(0);
    let parts = [
        seconds / 86_400,
        seconds % 86_400 / 3_600,
        seconds % 3_600 / 60,
        seconds % 60,
    ];
    let first = parts.iter().position(|p| *p > 0).unwrap_or(3);
    parts
        .iter()
        .zip(units)
        .skip(first)
        .take(2)
        .filter(|(p, _)| **p > 0 || first == 3)
        .map(|(p, unit)| format!("{} {unit}", digits(&p.to_string(), lang)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn sections(f: &Figures) -> [(&'static str, &BTreeMap<String, u64>); 6] {
    let r = &f.restrictions;
    [
        ("By kind", &r.by_kind),
        ("By statement category", &r.by_category),
        (
            "By rule cited (a restriction citing several counts under each)",
            &r.by_code,
        ),
        ("By number of rules cited", &r.by_codes_cited),
        ("By automated decision", &r.by_automated_decision),
        ("By automated detection", &r.by_automated_detection),
    ]
}

fn share(n: u64, total: u64) -> String {
    if total == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", n as f64 * 100.0 / total as f64)
    }
}

fn span(seconds: Option<i64>) -> String {
    seconds.map_or_else(|| "-".to_owned(), human_span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_shares_are_written_in_the_language() {
        assert_eq!(duration(0, "en"), "0 s");
        assert_eq!(duration(59, "en"), "59 s");
        assert_eq!(duration(3_600 * 26 + 120, "en"), "1 d 2 h");
        assert_eq!(duration(3_600 * 2 + 5, "de"), "2 Std.");
        assert_eq!(duration(90, "fa"), "۱ دقیقه ۳۰ ثانیه");
        assert_eq!(share_in(1, 8, "en"), "12.5%");
        assert_eq!(share_in(1, 8, "fr"), "12,5\u{a0}%");
        assert_eq!(share_in(1, 8, "fa"), "۱۲٫۵٪");
        assert_eq!(share_in(1, 0, "de"), "-");
    }
}
