//! A [`Notice`] as plain text, as an HTML e-mail (one section per language; inline styles,
//! since mail clients drop stylesheets) and as JSON for a mailer.

use std::fmt::Write as _;

use super::{Notice, NoticeMessage};
use crate::markdown::html::escape;

/// The notice as JSON for a mailer: dates, the period applied and, per language, the subject,
/// the clauses and both bodies (`text`, `html`).
pub fn notice_json(notice: &Notice) -> serde_json::Value {
    let mut value = serde_json::to_value(notice).unwrap_or(serde_json::Value::Null);
    if let Some(messages) = value["messages"].as_array_mut() {
        for (message, source) in messages.iter_mut().zip(&notice.messages) {
            let one = Notice {
                messages: vec![source.clone()],
                ..notice.clone()
            };
            message["text"] = notice_text(&one).into();
            message["html"] = notice_html(&one).into();
        }
    }
    value
}

/// The notice as plain text, the languages one after the other.
pub fn notice_text(notice: &Notice) -> String {
    notice
        .messages
        .iter()
        .map(message_text)
        .collect::<Vec<_>>()
        .join("\n----------------------------------------\n\n")
}

fn message_text(m: &NoticeMessage) -> String {
    let w = m.words;
    let mut out = String::new();
    let _ = writeln!(out, "{}", m.subject);
    let _ = writeln!(out, "{}{}{}\n", w.to, w.colon, m.to);
    let _ = writeln!(out, "{}\n", m.intro);
    let _ = writeln!(out, "{}{}\n{}\n", w.summary, w.colon.trim_end(), m.summary);
    let _ = writeln!(out, "{}{}", w.clauses, w.colon.trim_end());
    if m.clauses.is_empty() {
        let _ = writeln!(out, "  {}", w.no_clauses);
    }
    for c in &m.clauses {
        let _ = writeln!(
            out,
            "  - {} ({}){}{}",
            c.heading, c.status_text, w.colon, c.url
        );
    }
    let _ = writeln!(out, "\n{}\n", m.period);
    let _ = writeln!(out, "{}{}{}", w.read_version, w.colon, m.version_url);
    let _ = writeln!(out, "{}{}{}\n", w.read_changes, w.colon, m.changes_url);
    let _ = writeln!(out, "{}", m.binding_note);
    out
}

const BODY_FONT: &str =
    "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const PERSIAN_FONT: &str = "font-family:Vazirmatn,Tahoma,'Noto Naskh Arabic',sans-serif";

/// The notice as one HTML e-mail: a section per language, each with its own direction.
pub fn notice_html(notice: &Notice) -> String {
    let first = notice.messages.first();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n</head>\n",
        escape(first.map_or("en", |m| m.lang.as_str())),
        first.map_or("ltr", |m| m.dir),
        escape(first.map_or("", |m| m.subject.as_str()))
    );
    let _ = writeln!(
        out,
        "<body style=\"margin:0;padding:0;background:#f5f7fa;color:#1d232b;\">\n<div style=\"max-width:620px;margin:0 auto;padding:24px 12px;{BODY_FONT};font-size:15px;line-height:1.6;\">"
    );
    for m in &notice.messages {
        out.push_str(&message_html(m));
    }
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

fn message_html(m: &NoticeMessage) -> String {
    let w = m.words;
    let font = if m.lang == "fa" {
        format!("{PERSIAN_FONT};line-height:1.9;")
    } else {
        String::new()
    };
    let h2 = "font-size:16px;margin:20px 0 6px;";
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section lang=\"{}\" dir=\"{}\" style=\"background:#ffffff;border:1px solid #dde2e8;border-radius:8px;padding:20px 24px;margin:0 0 16px;text-align:start;{font}\">",
        escape(&m.lang),
        m.dir
    );
    let _ = writeln!(
        out,
        "<h1 style=\"font-size:20px;line-height:1.35;margin:0 0 12px;\">{}</h1>",
        escape(&m.subject)
    );
    let _ = writeln!(
        out,
        "<p style=\"margin:0 0 12px;color:#5b6675;\">{}{}{}</p>",
        escape(w.to),
        w.colon,
        escape(&m.to)
    );
    let _ = writeln!(out, "<p>{}</p>", escape(&m.intro));
    let _ = writeln!(
        out,
        "<h2 style=\"{h2}\">{}</h2>\n<p>{}</p>",
        escape(w.summary),
        escape(&m.summary)
    );
    let _ = writeln!(out, "<h2 style=\"{h2}\">{}</h2>", escape(w.clauses));
    if m.clauses.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(w.no_clauses));
    } else {
        out.push_str("<ul style=\"padding-inline-start:20px;margin:0;\">\n");
        for c in &m.clauses {
            let _ = writeln!(
                out,
                "<li><a href=\"{}\" style=\"color:#0b5cad;\">{}</a> <span style=\"color:#5b6675;white-space:nowrap;\">({})</span></li>",
                escape(&c.url),
                escape(&c.heading),
                escape(c.status_text)
            );
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<p style=\"background:#fff6df;border:1px solid #f0d48a;border-radius:6px;padding:10px 14px;margin:20px 0;\">{}</p>",
        escape(&m.period)
    );
    let _ = writeln!(
        out,
        "<p><a href=\"{}\" style=\"color:#0b5cad;\">{}</a> · <a href=\"{}\" style=\"color:#0b5cad;\">{}</a></p>",
        escape(&m.version_url),
        escape(w.read_version),
        escape(&m.changes_url),
        escape(w.read_changes)
    );
    let _ = writeln!(
        out,
        "<p style=\"color:#5b6675;font-size:13px;margin:16px 0 0;\">{}</p>\n</section>",
        escape(&m.binding_note)
    );
    out
}
