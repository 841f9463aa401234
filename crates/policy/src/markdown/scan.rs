//! Walks a body once and collects clauses, clause links and the facts the checks need.

use std::collections::{BTreeMap, HashMap};

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::intro::{IntroTracker, NextBlock};
use super::toc::{ListSpan, remove_tables_of_contents};
use super::{BodyScan, LineIndex, WordHasher, options};
use crate::clause_id;
use crate::model::{Clause, ClauseLink, RawBlock};

/// What a body contains.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Scanned {
    pub preamble: Option<Clause>,
    pub clauses: Vec<Clause>,
    pub links: Vec<ClauseLink>,
    pub scan: BodyScan,
}

impl Scanned {
    /// The scan of the same body starting `bytes` bytes and `lines` lines further on in its
    /// file (another front matter before it): every file position moved, the rest as it is.
    fn moved(&self, bytes: isize, lines: isize) -> Scanned {
        let mut out = self.clone();
        let line = |l: &mut usize| *l = l.saturating_add_signed(lines);
        let byte = |b: &mut usize| *b = b.saturating_add_signed(bytes);
        if let Some(preamble) = out.preamble.as_mut() {
            line(&mut preamble.line);
            preamble
                .obligation_blocks
                .iter_mut()
                .for_each(|b| line(&mut b.line));
        }
        for clause in &mut out.clauses {
            line(&mut clause.line);
            byte(&mut clause.id_offset);
            clause
                .obligation_blocks
                .iter_mut()
                .for_each(|b| line(&mut b.line));
        }
        out.links.iter_mut().for_each(|l| line(&mut l.line));
        byte(&mut out.scan.body_offset);
        for range in &mut out.scan.code_ranges {
            byte(&mut range.start);
            byte(&mut range.end);
        }
        out.scan
            .list_intros
            .iter_mut()
            .for_each(|i| byte(&mut i.offset));
        out
    }
}

/// The bodies scanned last (among the versions of a document) with their scans: a version
/// whose body is that of a recent one (an archive records the same text many times, often
/// going back and forth between two) takes that scan, moved to where its own body starts,
/// instead of being parsed again. A body not seen recently is looked up in the scans an
/// earlier load kept ([`KeptScans`]), when there are any, before it is parsed.
#[derive(Debug, Default)]
pub(crate) struct Scans<'a> {
    /// At most [`Scans::KEPT`] bodies, the most recently used last, with the byte offset and
    /// line where the body started and its scan.
    recent: Vec<(String, usize, usize, Scanned)>,
    /// The scans kept between loads.
    kept: Option<&'a mut KeptScans>,
}

impl<'a> Scans<'a> {
    /// Bodies kept.
    const KEPT: usize = 8;

    /// No body scanned yet; bodies are looked up in `kept` too, and every scan is recorded there.
    pub fn new(kept: Option<&'a mut KeptScans>) -> Scans<'a> {
        Scans {
            recent: Vec::new(),
            kept,
        }
    }

    /// [`scan`] of `source`, whose body starts at byte `body_offset`.
    pub fn scan(&mut self, source: &str, body_offset: usize, lines: &LineIndex) -> Scanned {
        let body = &source[body_offset..];
        // Columns are counted from the start of a line: a body that does not start a line
        // would have other columns on its first line.
        if body_offset > 0 && !source[..body_offset].ends_with('\n') {
            return scan(source, body_offset, lines);
        }
        let line = lines.line(body_offset);
        if let Some(i) = self.recent.iter().position(|(b, ..)| b == body) {
            let hit = self.recent.remove(i);
            let moved = hit.3.moved_to(body_offset, line, hit.1, hit.2);
            self.recent.push(hit);
            return moved;
        }
        let (at, at_line, scanned) = match self.kept.as_deref_mut() {
            Some(kept) => kept.scan(source, body_offset, line, lines),
            None => (body_offset, line, scan(source, body_offset, lines)),
        };
        let moved = scanned.moved_to(body_offset, line, at, at_line);
        if self.recent.len() == Self::KEPT {
            self.recent.remove(0);
        }
        self.recent.push((body.to_string(), at, at_line, scanned));
        moved
    }
}

impl Scanned {
    /// This scan of a body that started at byte `from` and line `from_line`, for the same body
    /// starting at byte `to` and line `to_line`.
    fn moved_to(&self, to: usize, to_line: usize, from: usize, from_line: usize) -> Scanned {
        if (to, to_line) == (from, from_line) {
            return self.clone();
        }
        let signed = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
        self.moved(
            signed(to) - signed(from),
            signed(to_line) - signed(from_line),
        )
    }
}

/// A scan as kept: where its body started (byte offset and line) and the scan.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kept {
    offset: usize,
    line: usize,
    scanned: Scanned,
}

/// Scans of Markdown bodies kept from one load of a policies directory to the next (in another
/// process: `davar build` after `davar check`), by the SHA-256 of the body's text. A body's
/// scan depends on nothing but its text and where it starts, so a body read before takes its
/// kept scan, moved to where it starts now, instead of being parsed again.
///
/// [`crate::load_kept`] looks bodies up in the scans read with [`KeptScans::decode`] and
/// records every scan it used; [`KeptScans::encode`] gives those, for the next load. Whoever
/// stores them must tell the scans of one build of davar from another's (the scan is its code's).
#[derive(Debug, Default)]
pub struct KeptScans {
    /// Scans read from an earlier load, not used yet.
    before: HashMap<[u8; 32], Kept>,
    /// Scans this load used.
    used: BTreeMap<[u8; 32], Kept>,
    /// Bodies this load parsed (found in neither).
    parsed: usize,
}

/// What [`KeptScans::encode`] writes first: the format, so another format is never read.
const KEPT_FORMAT: &[u8] = b"davar body scans 1\n";

impl KeptScans {
    /// No scans kept.
    pub fn new() -> KeptScans {
        KeptScans::default()
    }

    /// The scans [`KeptScans::encode`] wrote; `None` when `bytes` are not such scans.
    pub fn decode(bytes: &[u8]) -> Option<KeptScans> {
        let payload = bytes.strip_prefix(KEPT_FORMAT)?;
        let (kept, rest): (Vec<([u8; 32], Kept)>, &[u8]) =
            postcard::take_from_bytes(payload).ok()?;
        if !rest.is_empty() {
            return None;
        }
        Some(KeptScans {
            before: kept.into_iter().collect(),
            ..KeptScans::default()
        })
    }

    /// The scans the last load used, for [`KeptScans::decode`].
    pub fn encode(&self) -> Vec<u8> {
        let used: Vec<(&[u8; 32], &Kept)> = self.used.iter().collect();
        let out = KEPT_FORMAT.to_vec();
        postcard::to_extend(&used, out).unwrap_or_default()
    }

    /// How many bodies the last load parsed because no scan of them was kept: when none, the
    /// scans it used are the ones it was given (or fewer).
    pub fn parsed(&self) -> usize {
        self.parsed
    }

    /// The scan of the body of `source` (starting at byte `body_offset`, line `line`) with
    /// where its body started: kept, or parsed now and recorded.
    fn scan(
        &mut self,
        source: &str,
        body_offset: usize,
        line: usize,
        lines: &LineIndex,
    ) -> (usize, usize, Scanned) {
        let hash: [u8; 32] = Sha256::digest(&source.as_bytes()[body_offset..]).into();
        let kept = match self.used.get(&hash) {
            Some(kept) => kept.clone(),
            None => {
                let kept = self.before.remove(&hash).unwrap_or_else(|| {
                    self.parsed += 1;
                    Kept {
                        offset: body_offset,
                        line,
                        scanned: scan(source, body_offset, lines),
                    }
                });
                self.used.insert(hash, kept.clone());
                kept
            }
        };
        (kept.offset, kept.line, kept.scanned)
    }
}

/// Whether a fenced block's info string marks an obligation block.
pub(crate) fn is_obligation_info(info: &str) -> bool {
    info.split_whitespace().next() == Some("obligation")
}

/// State of the walk. `parts[0]` is the preamble (text before the first heading); every
/// heading opens the next part.
struct Walk {
    parts: Vec<Clause>,
    heading: Option<(Option<String>, u8, usize, usize, String)>,
    code: Option<(bool, usize, String, Option<usize>)>,
    paragraph: Option<(usize, usize, String)>,
    intros: IntroTracker,
    lists: Vec<ListSpan>,
    list_depth: usize,
    item: Option<(String, String)>,
    /// The text of a list item outside any paragraph (a tight list's item), with the byte
    /// offset where the item starts, until a block inside the item or the item's end.
    item_text: Option<(usize, String)>,
    link_internal: Option<bool>,
    strong_depth: usize,
    /// Inside inline `<script>`/`<style>` (removed when rendering, so not prose either).
    in_raw_code: bool,
    /// An in-page link open inside the heading: its fragment and the heading text's length
    /// when it opened.
    heading_link: Option<(String, usize)>,
    /// Fragments of the empty in-page links of the open heading (`### [](#scope)Scope`: the
    /// anchor the source page gave the heading).
    heading_anchors: Vec<String>,
}

impl Walk {
    fn current(&mut self) -> &mut Clause {
        let last = self.parts.len() - 1;
        &mut self.parts[last]
    }

    /// Adds inline text to the open heading, or else to the open paragraph and current part.
    fn text(&mut self, text: &str) {
        if let Some((_, _, _, _, buf)) = self.heading.as_mut() {
            buf.push_str(text);
            self.intros.heading_text(text);
            return;
        }
        if let Some((_, _, buf)) = self.paragraph.as_mut() {
            buf.push_str(text);
        } else if let Some((_, buf)) = self.item_text.as_mut() {
            buf.push_str(text);
        }
        self.intros.text(text, self.strong_depth > 0);
        if let Some((item, linked)) = self.item.as_mut() {
            item.push_str(text);
            if self.link_internal == Some(true) {
                linked.push_str(text);
            }
        }
        self.current().prose.push_str(text);
    }

    /// The text of a tight list item ends (at byte `end`): it is a paragraph of the item.
    fn item_text_ends(&mut self, source: &str, end: usize) {
        if let Some((start, text)) = self.item_text.take()
            && !text.trim().is_empty()
        {
            let section = self.parts.last().map_or("", |c| c.heading.as_str());
            let end = end.max(start).min(source.len());
            self.intros
                .paragraph_ends(&source[start..end], start, &text, true, section);
        }
    }

    fn line_break(&mut self) {
        let part = self.current();
        if !part.prose.is_empty() && !part.prose.ends_with('\n') {
            part.prose.push('\n');
        }
    }
}

/// Scans the body of `source`, which starts at byte `body_offset`.
pub(crate) fn scan(source: &str, body_offset: usize, lines: &LineIndex) -> Scanned {
    let body = &source[body_offset..];
    let mut scan = BodyScan {
        body_offset,
        ..BodyScan::default()
    };
    let mut links = Vec::new();
    let mut w = Walk {
        parts: vec![Clause {
            line: lines.line(body_offset),
            ..Clause::default()
        }],
        heading: None,
        code: None,
        paragraph: None,
        intros: IntroTracker::default(),
        lists: Vec::new(),
        list_depth: 0,
        item: None,
        item_text: None,
        link_internal: None,
        strong_depth: 0,
        in_raw_code: false,
        heading_link: None,
        heading_anchors: Vec::new(),
    };

    let mut words = WordHasher::default();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        words.event(&event);
        let start = body_offset + range.start;
        let end = body_offset + range.end;
        if let Event::Start(tag) = &event {
            let next = match tag {
                Tag::List(_) => Some(NextBlock::List),
                Tag::Table(_) if header_only(&source[start..end]) => Some(NextBlock::TableHead),
                Tag::Table(_) => Some(NextBlock::Table),
                Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::HtmlBlock => Some(NextBlock::Other),
                // A deeper heading opens a sub-section: the sub-sections are the items.
                Tag::Heading { level, .. }
                    if *level as u8 > w.parts.last().map_or(0, |c| c.level) =>
                {
                    Some(NextBlock::SubHeading)
                }
                Tag::Heading { .. } => Some(NextBlock::Heading),
                Tag::Paragraph => Some(NextBlock::Paragraph),
                Tag::Item => Some(NextBlock::Item),
                _ => None,
            };
            if let Some(next) = next {
                w.item_text_ends(source, start);
                // A block that shows nothing (a paragraph of `&nbsp;` or `<br>`, an empty
                // `<div></div>` or `<ul></ul>`, a comment, a quote, code block or table with
                // no text) holds no items: the block after it is what follows an
                // announcement.
                let blank = match tag {
                    Tag::Paragraph | Tag::HtmlBlock => shows_nothing(&source[start..end]),
                    Tag::BlockQuote(_) => quote_shows_nothing(&source[start..end]),
                    Tag::CodeBlock(kind) => code_shows_nothing(&source[start..end], kind),
                    Tag::Table(_) => table_shows_nothing(&source[start..end]),
                    _ => false,
                };
                if !blank {
                    w.intros.block_starts(next);
                }
            }
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                // The attribute block closes the heading, inside the range the parser gives.
                let id_offset = source[start..end].rfind("{#").map_or(start, |i| start + i);
                w.heading = Some((
                    id.map(|i| i.to_string()),
                    level as u8,
                    start,
                    id_offset,
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                w.intros.heading_ends();
                if let Some((id, level, offset, id_offset, text)) = w.heading.take() {
                    let text = text.trim().to_string();
                    let explicit_id = id.is_some();
                    let id = id.unwrap_or_else(|| clause_id::slug(&text));
                    let source_anchors = std::mem::take(&mut w.heading_anchors);
                    w.parts.push(Clause {
                        id,
                        explicit_id,
                        heading: text,
                        level,
                        line: lines.line(offset),
                        id_offset,
                        source_anchors,
                        ..Clause::default()
                    });
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let obligation =
                    matches!(&kind, CodeBlockKind::Fenced(info) if is_obligation_info(info));
                w.code = Some((obligation, start, String::new(), None));
                scan.code_ranges.push(start..end);
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((true, fence, text, first)) = w.code.take() {
                    let line = first.map_or_else(|| lines.line(fence) + 1, |o| lines.line(o));
                    w.current().obligation_blocks.push(RawBlock { text, line });
                }
            }
            Event::Start(Tag::Paragraph) => w.paragraph = Some((start, end, String::new())),
            Event::End(TagEnd::Paragraph) => {
                if let Some((p_start, p_end, text)) = w.paragraph.take() {
                    let section = w.parts.last().map_or("", |c| c.heading.as_str());
                    w.intros.paragraph_ends(
                        &source[p_start..p_end],
                        p_start,
                        &text,
                        w.list_depth > 0,
                        section,
                    );
                }
                w.line_break();
            }
            Event::Start(Tag::List(_)) => {
                if w.list_depth == 0 {
                    let prose_start = w.current().prose.len();
                    w.lists.push(ListSpan {
                        part: w.parts.len() - 1,
                        prose: prose_start..prose_start,
                        items: Vec::new(),
                    });
                }
                w.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                w.list_depth = w.list_depth.saturating_sub(1);
                if w.list_depth == 0 {
                    let end = w.current().prose.len();
                    if let Some(list) = w.lists.last_mut() {
                        list.prose.end = end;
                    }
                }
            }
            Event::Start(Tag::Item) => {
                w.item_text = Some((start, String::new()));
                w.current().list_items += 1;
                if w.list_depth == 1 {
                    w.item = Some((String::new(), String::new()));
                }
            }
            Event::End(TagEnd::Item) => {
                w.item_text_ends(source, end);
                if w.list_depth == 1
                    && let Some((text, linked)) = w.item.take()
                    && let Some(list) = w.lists.last_mut()
                {
                    let only_link = !linked.trim().is_empty() && linked.trim() == text.trim();
                    list.items.push((text, only_link));
                }
                w.line_break();
            }
            Event::Start(Tag::Strong) => w.strong_depth += 1,
            Event::End(TagEnd::Strong) => w.strong_depth = w.strong_depth.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                w.link_internal = Some(dest_url.starts_with('#'));
                if let (Some((_, _, _, _, text)), Some(fragment)) =
                    (w.heading.as_ref(), dest_url.strip_prefix('#'))
                {
                    w.heading_link = Some((fragment.to_string(), text.len()));
                }
                if let Some(mut link) = clause_link(&dest_url, source, start, end, lines) {
                    link.in_clause = (w.parts.len() > 1).then(|| w.parts.len() - 2);
                    links.push(link);
                }
            }
            Event::End(TagEnd::Link) => {
                w.link_internal = None;
                if let (Some((fragment, before)), Some((_, _, _, _, text))) =
                    (w.heading_link.take(), w.heading.as_ref())
                    && text.len() == before
                    && !fragment.is_empty()
                {
                    w.heading_anchors.push(fragment);
                }
            }
            Event::Code(text) => {
                scan.code_ranges.push(start..end);
                w.text(&text);
            }
            Event::InlineHtml(html) => {
                let tag = html.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    w.in_raw_code = !tag.contains("</script") && !tag.contains("</style");
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    w.in_raw_code = false;
                }
            }
            Event::Text(_) if w.in_raw_code => {}
            Event::Text(text) => {
                if let Some((_, _, buf, first)) = w.code.as_mut() {
                    first.get_or_insert(start);
                    buf.push_str(&text);
                } else {
                    w.text(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, _, _, buf)) = w.heading.as_mut() {
                    buf.push(' ');
                } else {
                    if let Some((_, _, buf)) = w.paragraph.as_mut() {
                        buf.push(' ');
                    } else if let Some((_, buf)) = w.item_text.as_mut() {
                        buf.push(' ');
                    }
                    w.intros.line_break(start);
                    w.intros.text(" ", false);
                    if let Some((item, _)) = w.item.as_mut() {
                        item.push(' ');
                    }
                    w.current().prose.push(' ');
                }
            }
            _ => {}
        }
    }
    w.intros.finish(&mut scan.list_intros);
    scan.words_hash = words.finish();
    remove_tables_of_contents(&mut w.parts, &w.lists);
    let mut parts = w.parts.into_iter();
    let preamble = parts
        .next()
        .filter(|p| !p.prose.trim().is_empty() || !p.obligation_blocks.is_empty());
    let clauses: Vec<Clause> = parts.collect();
    let mut out = Scanned {
        preamble,
        clauses,
        links,
        scan,
    };
    for clause in out.clauses.iter_mut().chain(out.preamble.as_mut()) {
        let prose = clause.prose.trim_end().to_string();
        clause.prose = prose;
    }
    out
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
        in_clause: None,
    })
}

/// Tags that show something even when they hold no text: images, media, embedded frames and
/// form controls. Any other tag (`<div>`, `<ul>`, `<table>`, `<br>`, `<hr>`) shows nothing
/// unless it holds text.
const SHOWING_TAGS: &[&str] = &[
    "img", "picture", "svg", "iframe", "video", "audio", "object", "embed", "canvas", "input",
    "select", "textarea", "button", "math", "map", "area",
];

/// Whether the Markdown or HTML `block` shows nothing: only white space, non-breaking spaces
/// (`&nbsp;`, `&#160;`, `&#xa0;`), comments and tags that are not [`SHOWING_TAGS`] (an `<img>`
/// or an `<input>` shows something, and so does any text).
fn shows_nothing(block: &str) -> bool {
    let mut rest = block;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{A0}');
        if rest.is_empty() {
            return true;
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            let Some(end) = comment.find("-->") else {
                return true;
            };
            rest = &comment[end + 3..];
        } else if let Some(entity) = ["&nbsp;", "&#160;", "&#xa0;", "&#xA0;"]
            .iter()
            .find(|e| rest.starts_with(**e))
        {
            rest = &rest[entity.len()..];
        } else if let Some(tag) = rest.strip_prefix('<') {
            let Some(end) = tag.find('>') else {
                return false;
            };
            let name: String = tag[..end]
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() || SHOWING_TAGS.contains(&name.as_str()) {
                return false;
            }
            rest = &tag[end + 1..];
        } else {
            return false;
        }
    }
}

/// Whether a block quote shows nothing: its lines without their `>` markers do.
fn quote_shows_nothing(block: &str) -> bool {
    let inner: String = block
        .lines()
        .map(|line| {
            line.trim_start()
                .trim_start_matches(|c: char| c == '>' || c.is_whitespace())
        })
        .collect::<Vec<_>>()
        .join("\n");
    shows_nothing(&inner)
}

/// Whether a code block holds no text: a fenced one only its fences, an indented one only
/// white space.
fn code_shows_nothing(block: &str, kind: &CodeBlockKind) -> bool {
    match kind {
        CodeBlockKind::Fenced(_) => block.lines().skip(1).all(|line| {
            let line = line.trim();
            line.is_empty() || line.chars().all(|c| c == '`' || c == '~')
        }),
        CodeBlockKind::Indented => block.trim().is_empty(),
    }
}

/// Whether a table shows nothing: every cell of every row, the delimiter row left out, shows
/// nothing.
fn table_shows_nothing(block: &str) -> bool {
    block.lines().all(|row| {
        let row = row.trim().trim_matches('|');
        let delimiter = row
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'));
        delimiter || row.split('|').all(shows_nothing)
    })
}

/// Most words of a column name: a header cell with more holds text of its own (a table of one
/// row written as its header).
const COLUMN_NAME_WORDS: usize = 6;

/// Whether a Markdown table is a header row and its delimiter row alone, the header's cells
/// column names ([`COLUMN_NAME_WORDS`] words at most, none a sentence ending in `.`): a table
/// whose rows are missing.
fn header_only(block: &str) -> bool {
    let rows: Vec<&str> = block
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let [header, _delimiter] = rows.as_slice() else {
        return false;
    };
    header.trim_matches('|').split('|').all(|cell| {
        let cell = cell.trim();
        cell.split_whitespace().count() <= COLUMN_NAME_WORDS && !cell.ends_with('.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_scanned_before_is_moved_to_where_it_starts() {
        let body = "Intro with `code`.\n\n```obligation\nid: a\n```\n\n## Refunds {#refunds}\nSee [fees](#fees) and [terms](@terms#scope).\n\nThe following applies.\n\n- one\n\n### Fees\nYou may:\n\n```obligation\nid: b\n```\n";
        let mut scans = Scans::new(None);
        for front in [
            "---\nid: x\n---\n",
            "---\nid: x\nsummary: a longer one\nmore: é\n---\n",
            "---\n---\n",
            "",
        ] {
            let source = format!("{front}{body}");
            let lines = LineIndex::new(&source);
            let fresh = scan(&source, front.len(), &lines);
            assert_eq!(scans.scan(&source, front.len(), &lines), fresh, "{front:?}");
        }
        assert_eq!(scans.recent.len(), 1);
    }

    #[test]
    fn kept_scans_come_back_moved_and_only_for_the_same_text() {
        let body = "Intro.\n\n## Refunds {#refunds}\nSee [fees](#fees).\n\nYou may:\n\n- one\n";
        let (short, long) = ("---\nid: x\n---\n", "---\nid: x\nsummary: longer\n---\n");
        // The scan through `kept` of `body` after `front`, and the fresh scan.
        let scanned = |kept: &mut KeptScans, front: &str, body: &str| {
            let source = format!("{front}{body}");
            let lines = LineIndex::new(&source);
            let got = Scans::new(Some(kept)).scan(&source, front.len(), &lines);
            (got, scan(&source, front.len(), &lines))
        };
        let mut kept = KeptScans::new();
        scanned(&mut kept, short, body);
        assert_eq!(kept.parsed(), 1);

        let mut kept = KeptScans::decode(&kept.encode()).unwrap();
        let (got, fresh) = scanned(&mut kept, long, body);
        assert_eq!(got, fresh);
        assert_eq!(kept.parsed(), 0, "the kept scan is used");

        // One word more is another body.
        let (got, fresh) = scanned(&mut kept, short, &body.replace("one", "one two"));
        assert_eq!(got, fresh);
        assert_eq!(kept.parsed(), 1);

        assert!(KeptScans::decode(b"not scans").is_none());
        let encoded = kept.encode();
        assert!(KeptScans::decode(&encoded[..encoded.len() - 1]).is_none());
        assert!(KeptScans::decode(&[encoded.as_slice(), b"x"].concat()).is_none());
    }

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
        assert!(refunds.explicit_id);
        assert_eq!(refunds.list_items, 2);
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
        assert_eq!(scanned.preamble.as_ref().unwrap().prose, "Intro.");
        let scripted = scan_text("## A {#a}\nKeep <script>drop(1)</script>this.\n");
        assert_eq!(scripted.clauses[0].prose, "Keep this.");
        assert_eq!(scanned.scan.code_ranges.len(), 3);
    }

    #[test]
    fn headings_without_id_get_a_slug_and_text_before_them_is_the_preamble() {
        let text = "Welcome.\n\n```obligation\nid: a\n```\n\nARTICLE 1 - Champ d'application\n-----\n\nTexte.\n";
        let scanned = scan_text(text);
        assert_eq!(scanned.clauses[0].id, "champ-d-application");
        assert!(!scanned.clauses[0].explicit_id);
        let preamble = scanned.preamble.unwrap();
        assert_eq!(preamble.prose, "Welcome.");
        assert_eq!(preamble.obligation_blocks.len(), 1);
    }

    #[test]
    fn finds_links_and_the_clause_they_are_in() {
        let text = "## A {#a}\nSee [escalation](@dispute-policy#escalation) and [here](#a).\n\nYou may:\n\n## B\nThe list:\n\n- one\n";
        let scanned = scan_text(text);
        assert_eq!(scanned.links.len(), 2);
        assert_eq!(scanned.links[0].doc.as_deref(), Some("dispute-policy"));
        assert_eq!(scanned.links[0].clause.as_deref(), Some("escalation"));
        assert_eq!((scanned.links[0].line, scanned.links[0].column), (2, 18));
        assert_eq!(scanned.links[0].in_clause, Some(0));
        assert_eq!(scanned.links[1].doc, None);
    }

    #[test]
    fn tables_of_contents_are_not_prose() {
        let text = "Contents:\n\n- [Scope](#scope)\n- [Mediation](#mediation)\n- [Fees](#fees)\n\n## Scope\nAll sales.\n\n## Mediation\nWe name two mediators.\n\n## Fees\nNone.\n";
        let scanned = scan_text(text);
        assert_eq!(scanned.preamble.unwrap().prose, "Contents:");
        let text = "## Index\n1. Scope\n2. Mediation\n3. Fees\n\n## 1. Scope\nAll.\n\n## 2. Mediation\nTwo.\n\n## 3. Fees\nNone.\n";
        let scanned = scan_text(text);
        assert_eq!(scanned.clauses[0].prose, "");
        assert_eq!(scanned.clauses[0].list_items, 0);
        assert_eq!(scanned.clauses[2].prose, "Two.");
    }

    #[test]
    fn an_announcement_before_a_table_of_a_header_row_alone_is_followed_by_its_head() {
        let next = |table: &str| {
            let scanned = scan_text(&format!("## Fees\n\nThe fees are as follows:\n\n{table}\n"));
            scanned.scan.list_intros[0].next
        };
        assert_eq!(next("| Item | Fee |\n|---|---|"), NextBlock::TableHead);
        assert_eq!(
            next("| Item | Fee |\n|---|---|\n| Listing | free |"),
            NextBlock::Table
        );
        // A header cell holding a sentence is text of its own.
        assert_eq!(
            next("| Sellers pay nothing for their first ten listings. |\n|---|"),
            NextBlock::Table
        );
        assert!(header_only("  | Item | Fee |\n  |---|---|\n\n"));
        assert!(!header_only("| Item |\n|---|\n| Listing |"));
    }
}
