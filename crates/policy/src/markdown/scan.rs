//! Walks a body once and collects clauses, clause links and the facts the checks need.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::{BodyScan, LineIndex, options};
use crate::model::{Clause, ClauseLink, RawBlock};

/// What a body contains.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scanned {
    pub clauses: Vec<Clause>,
    pub links: Vec<ClauseLink>,
    pub scan: BodyScan,
}

/// Whether a fenced block's info string marks an obligation block.
pub(crate) fn is_obligation_info(info: &str) -> bool {
    info.split_whitespace().next() == Some("obligation")
}

/// Scans the body of `source`, which starts at byte `body_offset`.
pub(crate) fn scan(source: &str, body_offset: usize, lines: &LineIndex) -> Scanned {
    let body = &source[body_offset..];
    let mut out = Scanned {
        scan: BodyScan {
            body_offset,
            ..BodyScan::default()
        },
        ..Scanned::default()
    };
    // Index of the clause currently collecting prose; None before the first heading or under a
    // heading without id.
    let mut current: Option<usize> = None;
    let mut heading: OpenHeading = None;
    let mut code: Option<(bool, usize, String, Option<usize>)> = None;
    let mut paragraph: Option<(usize, usize, String)> = None;
    let mut pending_intro: Option<usize> = None;
    // Inside inline `<script>`/`<style>` (removed when rendering, so not prose either).
    let mut in_raw_code = false;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let start = body_offset + range.start;
        let end = body_offset + range.end;
        if let Some(colon) = pending_intro.take() {
            let announces = matches!(
                event,
                Event::Start(
                    Tag::List(_)
                        | Tag::Table(_)
                        | Tag::CodeBlock(_)
                        | Tag::BlockQuote(_)
                        | Tag::HtmlBlock
                )
            );
            if !announces {
                out.scan.dangling_list_intros.push(colon);
            }
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                // The attribute block closes the heading, inside the range the parser gives.
                let id_offset = source[start..end].rfind("{#").map_or(start, |i| start + i);
                heading = Some((
                    id.map(|i| i.to_string()),
                    level as u8,
                    start,
                    id_offset,
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((id, level, offset, id_offset, text)) = heading.take() {
                    let text = text.trim().to_string();
                    match id {
                        Some(id) => {
                            out.clauses.push(Clause {
                                id,
                                heading: text,
                                level,
                                line: lines.line(offset),
                                id_offset,
                                prose: String::new(),
                                obligation_blocks: Vec::new(),
                            });
                            current = Some(out.clauses.len() - 1);
                        }
                        None => {
                            out.scan.headings_without_id.push((offset, text));
                            current = None;
                        }
                    }
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let obligation =
                    matches!(&kind, CodeBlockKind::Fenced(info) if is_obligation_info(info));
                code = Some((obligation, start, String::new(), None));
                out.scan.code_ranges.push(start..end);
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((true, fence, text, first)) = code.take() {
                    let line = first.map_or_else(|| lines.line(fence) + 1, |o| lines.line(o));
                    if let Some(clause) = current.and_then(|i| out.clauses.get_mut(i)) {
                        clause.obligation_blocks.push(RawBlock { text, line });
                    }
                }
            }
            Event::Start(Tag::Paragraph) => paragraph = Some((start, end, String::new())),
            Event::End(TagEnd::Paragraph) => {
                if let Some((p_start, p_end, text)) = paragraph.take()
                    && text.trim_end().ends_with(':')
                {
                    let slice = &source[p_start..p_end];
                    let colon = slice.rfind(':').map_or(p_start, |i| p_start + i);
                    pending_intro = Some(colon);
                }
                push_break(&mut out.clauses, current);
            }
            Event::End(TagEnd::Item) => push_break(&mut out.clauses, current),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(link) = clause_link(&dest_url, source, start, end, lines) {
                    out.links.push(link);
                }
            }
            Event::Code(text) => {
                out.scan.code_ranges.push(start..end);
                append_text(
                    &text,
                    &mut heading,
                    &mut paragraph,
                    &mut out.clauses,
                    current,
                );
            }
            Event::InlineHtml(html) => {
                let tag = html.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    in_raw_code = !tag.contains("</script") && !tag.contains("</style");
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    in_raw_code = false;
                }
            }
            Event::Text(_) if in_raw_code => {}
            Event::Text(text) => {
                if let Some((_, _, buf, first)) = code.as_mut() {
                    first.get_or_insert(start);
                    buf.push_str(&text);
                } else {
                    append_text(
                        &text,
                        &mut heading,
                        &mut paragraph,
                        &mut out.clauses,
                        current,
                    );
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, _, _, buf)) = heading.as_mut() {
                    buf.push(' ');
                } else {
                    if let Some((_, _, buf)) = paragraph.as_mut() {
                        buf.push(' ');
                    }
                    if let Some(clause) = current.and_then(|i| out.clauses.get_mut(i)) {
                        clause.prose.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(colon) = pending_intro {
        out.scan.dangling_list_intros.push(colon);
    }
    for clause in &mut out.clauses {
        let prose = clause.prose.trim_end().to_string();
        clause.prose = prose;
    }
    out
}

/// An open heading: its id, level, start offset, offset of its `{#id}` and text so far.
type OpenHeading = Option<(Option<String>, u8, usize, usize, String)>;

/// Adds inline text to the open heading, or else to the open paragraph and the current clause.
fn append_text(
    text: &str,
    heading: &mut OpenHeading,
    paragraph: &mut Option<(usize, usize, String)>,
    clauses: &mut [Clause],
    current: Option<usize>,
) {
    if let Some((_, _, _, _, buf)) = heading.as_mut() {
        buf.push_str(text);
        return;
    }
    if let Some((_, _, buf)) = paragraph.as_mut() {
        buf.push_str(text);
    }
    if let Some(clause) = current.and_then(|i| clauses.get_mut(i)) {
        clause.prose.push_str(text);
    }
}

fn push_break(clauses: &mut [Clause], current: Option<usize>) {
    if let Some(clause) = current.and_then(|i| clauses.get_mut(i))
        && !clause.prose.is_empty()
        && !clause.prose.ends_with('\n')
    {
        clause.prose.push('\n');
    }
}

/// A `@doc#clause` or `#clause` link destination, located in the source.
fn clause_link(
    dest: &str,
    source: &str,
    start: usize,
    end: usize,
    lines: &LineIndex,
) -> Option<ClauseLink> {
    let (doc, clause) = if let Some(rest) = dest.strip_prefix('@') {
        match rest.split_once('#') {
            Some((doc, clause)) => (Some(doc.to_string()), Some(clause.to_string())),
            None => (Some(rest.to_string()), None),
        }
    } else if let Some(clause) = dest.strip_prefix('#') {
        (None, Some(clause.to_string()))
    } else {
        return None;
    };
    let at = source[start..end].find(dest).map_or(start, |i| start + i);
    let (line, column) = lines.line_col(source, at);
    Some(ClauseLink {
        doc,
        clause: clause.filter(|c| !c.is_empty()),
        target: dest.to_string(),
        line,
        column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_text(text: &str) -> Scanned {
        scan(text, 0, &LineIndex::new(text))
    }

    #[test]
    fn collects_clauses_prose_and_obligation_blocks() {
        let text = "Intro.\n\n## Refunds {#refunds}\nWe refund within *two* days.\n\n- by card\n- by wallet\n\n```obligation\nid: refund\nwithin: 2 days\n```\n\n```text\nnot a rule\n```\n\n## Other {#other}\nMore `code` here.\n";
        let scanned = scan_text(text);
        assert_eq!(scanned.clauses.len(), 2);
        let refunds = &scanned.clauses[0];
        assert_eq!(
            (
                refunds.id.as_str(),
                refunds.heading.as_str(),
                refunds.level,
                refunds.line
            ),
            ("refunds", "Refunds", 2, 3)
        );
        assert_eq!(
            refunds.prose,
            "We refund within two days.\nby card\nby wallet"
        );
        assert_eq!(
            refunds.obligation_blocks,
            vec![RawBlock {
                text: "id: refund\nwithin: 2 days\n".into(),
                line: 10
            }]
        );
        assert_eq!(scanned.clauses[1].prose, "More code here.");
        let scripted = scan_text("## A {#a}\nKeep <script>drop(1)</script>this.\n");
        assert_eq!(scripted.clauses[0].prose, "Keep this.");
        assert_eq!(scanned.scan.code_ranges.len(), 3);
    }

    #[test]
    fn finds_links_dangling_colons_and_headings_without_id() {
        let text = "## A {#a}\nSee [escalation](@dispute-policy#escalation) and [here](#a).\n\nYou may:\n\n## B\nThe list:\n\n- one\n";
        let scanned = scan_text(text);
        assert_eq!(scanned.links.len(), 2);
        assert_eq!(scanned.links[0].doc.as_deref(), Some("dispute-policy"));
        assert_eq!(scanned.links[0].clause.as_deref(), Some("escalation"));
        assert_eq!((scanned.links[0].line, scanned.links[0].column), (2, 18));
        assert_eq!(scanned.links[1].doc, None);
        assert_eq!(
            scanned.scan.dangling_list_intros,
            vec![text.find("may:").unwrap() + 3]
        );
        assert_eq!(
            scanned.scan.headings_without_id,
            vec![(text.find("## B").unwrap(), "B".to_string())]
        );
    }
}
