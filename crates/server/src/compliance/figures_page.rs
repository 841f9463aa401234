//! Transparency figures for people: a plain-text report for the terminal and an HTML page to
//! publish beside the policies.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use davar_obligation::instant::human_span;

use super::figures::Figures;

/// The figures as aligned plain text.
pub fn human(f: &Figures) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Transparency figures from {} to {}", f.from, f.to);
    let _ = writeln!(out, "\nDecision log records");
    for (stage, actions) in &f.records {
        for (action, n) in actions {
            let _ = writeln!(out, "  {:<10} {:<14} {n:>8}", stage, action);
        }
    }
    let r = &f.restrictions;
    let _ = writeln!(out, "\nRestrictions (statements of reasons): {}", r.total);
    for (title, table) in sections(f) {
        let _ = writeln!(out, "  {title}");
        for (key, n) in table {
            let _ = writeln!(out, "    {key:<60} {n:>8} {:>7}", share(*n, r.total));
        }
    }
    let q = &f.queue;
    let _ = writeln!(
        out,
        "\nQueued comments decided by a moderator: {}; from submission to decision: median {}, 95th percentile {}",
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
        "\nAppeals received: {}; decided {} (upheld {}, reversed {}); pending {}",
        a.received, a.decided, a.upheld, a.reversed, a.pending
    );
    let _ = writeln!(out, "  against the dispute policy's time to decide");
    for (status, n) in &a.deadlines {
        let _ = writeln!(out, "    {status:<60} {n:>8}");
    }
    for note in &f.notes {
        let _ = writeln!(out, "note: {note}");
    }
    out
}

/// The figures as a standalone HTML page titled with the marketplace's `name`.
pub fn html(f: &Figures, name: &str) -> String {
    let mut out = String::new();
    let title = format!("{} transparency report", escape(name));
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}\
         table{{border-collapse:collapse;margin:.5rem 0 1.5rem}}td,th{{border-bottom:1px solid #ddd;padding:.25rem .75rem;text-align:left}}\
         td.n{{text-align:right;font-variant-numeric:tabular-nums}}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p>Decisions taken from <time>{}</time> to <time>{}</time> (DSA Articles 15 and 24).</p>\n",
        escape(&f.from),
        escape(&f.to)
    );
    let r = &f.restrictions;
    let _ = write!(
        out,
        "<h2>Restrictions</h2>\n<p>{} comments were not published; each received a statement of reasons.</p>\n",
        r.total
    );
    for (title, table) in sections(f) {
        let rows: Vec<(String, u64, String)> = table
            .iter()
            .map(|(k, n)| (k.clone(), *n, share(*n, r.total)))
            .collect();
        table_html(&mut out, title, &rows);
    }
    let q = &f.queue;
    let _ = write!(
        out,
        "<h2>Review by moderators</h2>\n<p>{} queued comments were decided by a moderator. Time from submission to decision: median {}, 95th percentile {}.</p>\n",
        q.decided,
        span(q.median_seconds),
        span(q.p95_seconds)
    );
    let rows: Vec<(String, u64, String)> = q
        .by_action
        .iter()
        .map(|(k, n)| (k.clone(), *n, share(*n, q.decided)))
        .collect();
    table_html(&mut out, "By decision", &rows);
    let a = &f.appeals;
    let _ = write!(
        out,
        "<h2>Appeals</h2>\n<p>{} appeals received; {} decided ({} upheld, {} reversed); {} pending at the end of the period.</p>\n",
        a.received, a.decided, a.upheld, a.reversed, a.pending
    );
    let rows: Vec<(String, u64, String)> = a
        .deadlines
        .iter()
        .map(|(k, n)| (k.clone(), *n, share(*n, a.received)))
        .collect();
    table_html(&mut out, "Against the promised time to decide", &rows);
    out.push_str("</body>\n</html>\n");
    out
}

fn sections(f: &Figures) -> [(&'static str, &BTreeMap<String, u64>); 5] {
    let r = &f.restrictions;
    [
        ("By kind", &r.by_kind),
        ("By statement category", &r.by_category),
        ("By rule (the first rule relied on)", &r.by_code),
        ("By automated decision", &r.by_automated_decision),
        ("By automated detection", &r.by_automated_detection),
    ]
}

fn table_html(out: &mut String, caption: &str, rows: &[(String, u64, String)]) {
    let _ = write!(
        out,
        "<table>\n<caption>{}</caption>\n<tr><th></th><th>number</th><th>share</th></tr>\n",
        escape(caption)
    );
    for (key, n, share) in rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{share}</td></tr>",
            escape(key)
        );
    }
    out.push_str("</table>\n");
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
