//! Paragraphs that announce a list (ending in `:` or an open dash, or in `.` or `;` after "the
//! following", "comme suit", "wie folgt", "به شرح زیر"...) and what comes right after them:
//! the facts the `empty-list` check judges. The text of a tight list's item is a paragraph
//! here, and so is each line of a paragraph that ends in `:` before a soft or hard break (a
//! text written without blank lines between its paragraphs).

use std::sync::LazyLock;

use crate::check::empty_list::vocabulary::{announcing_sentence, breaks_off_after_a_modal};
use crate::memo::Memo;

/// [`announcing_sentence`] of the paragraphs read before: the versions of a document repeat
/// most of their paragraphs.
static ANNOUNCING: LazyLock<Memo<bool>> = LazyLock::new(|| Memo::new(8 << 20));

/// Whether a paragraph ending in `.` or `;` ends by announcing a list ([`announcing_sentence`]).
fn announces(paragraph: &str) -> bool {
    ANNOUNCING.get_or(&[paragraph], || announcing_sentence(paragraph))
}

/// The mark that closes a paragraph announcing a list, when it does: a colon; a dash that
/// leaves the sentence open (`—`, or `–` and `--` after a space: "Sellers must not list —");
/// a full stop or a semicolon (`;`, Arabic `؛`) after announcing words ("… as follows.", "We do
/// not accept returns of the following products;"); a semicolon after a modal verb and its
/// infinitive with nothing after them ("Les vendeurs doivent fournir ;",
/// [`breaks_off_after_a_modal`]). A semicolon otherwise closes a clause of an enumeration, and
/// the last item of a list often keeps one.
fn announcing_mark(text: &str) -> Option<&'static str> {
    let open_dash = ["—", " –", " --"].into_iter().find(|d| text.ends_with(d));
    if let Some(dash) = open_dash {
        return Some(dash.trim_start());
    }
    let mark = [":", "：", ".", ";", "؛"]
        .into_iter()
        .find(|m| text.ends_with(m))?;
    let announcing = match mark {
        ":" | "：" => true,
        "." => announces(text),
        _ => announces(text) || breaks_off_after_a_modal(text),
    };
    announcing.then_some(mark)
}

/// The block that follows a list announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum NextBlock {
    /// A Markdown list.
    List,
    /// A table with rows under its header row.
    Table,
    /// A table of a header row alone: the names of its columns, without the rows that would
    /// hold the items.
    TableHead,
    /// A code block, quote or HTML block.
    Other,
    /// A heading of the same or a higher level than the section the announcement is in.
    Heading,
    /// A heading of a deeper level: a sub-section.
    SubHeading,
    /// A paragraph (its text is in [`ListIntro::next_text`]).
    Paragraph,
    /// The next item of the list the announcement is an item of.
    Item,
    /// Nothing: the body ends.
    End,
}

/// A paragraph that announces a list, with what follows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct ListIntro {
    /// Byte offset (in the source) of the closing `:` or `.`.
    pub offset: usize,
    /// The paragraph's text.
    pub text: String,
    /// Whether the whole paragraph is bold (a pseudo-heading).
    pub bold: bool,
    /// Whether the paragraph is inside a list item.
    pub in_list: bool,
    /// What follows.
    pub next: NextBlock,
    /// The following paragraph's or heading's text (at most ~300 bytes) when `next` is a
    /// paragraph or a heading.
    pub next_text: String,
    /// The heading of the section the announcement is in (empty in the preamble).
    pub section: String,
    /// Whether the announcement is the first block of its section (or of the preamble).
    pub opens_section: bool,
}

/// Longest stretch of the following paragraph kept in [`ListIntro::next_text`].
const NEXT_TEXT_BYTES: usize = 300;

/// Follows the walk and records list announcements.
#[derive(Debug, Default)]
pub(crate) struct IntroTracker {
    pending: Option<ListIntro>,
    finished: Vec<ListIntro>,
    awaiting_text: Option<ListIntro>,
    /// Blocks started since the last heading, the current one included.
    blocks_in_section: usize,
    /// The lines of the current paragraph that a soft or hard break ended.
    lines: Vec<Line>,
    /// The current paragraph's text since its last break.
    line: Line,
}

/// A line of a paragraph: a paragraph written without blank lines between its parts reads as
/// one paragraph whose lines are those parts.
#[derive(Debug, Default)]
struct Line {
    text: String,
    /// Byte offset (in the source) of the break that ends it.
    end: usize,
    /// The stretches of `text` inside `**…**`, in order.
    bold: Vec<std::ops::Range<usize>>,
}

impl Line {
    /// Adds inline text (`bold`: inside `**…**`).
    fn push(&mut self, text: &str, bold: bool) {
        let start = self.text.len();
        self.text.push_str(text);
        if !bold || text.is_empty() {
            return;
        }
        match self.bold.last_mut() {
            Some(last) if last.end == start => last.end = self.text.len(),
            _ => self.bold.push(start..self.text.len()),
        }
    }

    /// Letters and digits of the line, and those of them in bold.
    fn counts(&self) -> (usize, usize) {
        let bold = self
            .bold
            .iter()
            .map(|r| alphanumerics(&self.text[r.clone()]));
        (alphanumerics(&self.text), bold.sum())
    }

    fn bold(&self) -> bool {
        is_bold(self.counts())
    }
}

/// Whether a text of `chars` letters and digits, `bold_chars` of them in bold, reads as bold:
/// nine in ten of them are.
fn is_bold((chars, bold_chars): (usize, usize)) -> bool {
    chars > 0 && bold_chars * 10 >= chars * 9
}

/// How many letters and digits `text` holds (ASCII ones counted without decoding).
fn alphanumerics(text: &str) -> usize {
    let ascii = text.bytes().filter(|b| b.is_ascii_alphanumeric()).count();
    if text.is_ascii() {
        return ascii;
    }
    ascii
        + text
            .chars()
            .filter(|c| !c.is_ascii() && c.is_alphanumeric())
            .count()
}

impl IntroTracker {
    /// Inline text of the current paragraph (`bold`: inside `**…**`).
    pub fn text(&mut self, text: &str, bold: bool) {
        self.line.push(text, bold);
        if let Some(intro) = self.awaiting_text.as_mut()
            && intro.next_text.len() < NEXT_TEXT_BYTES
        {
            intro.next_text.push_str(text);
        }
    }

    /// A block starts: it is what follows a pending announcement.
    pub fn block_starts(&mut self, next: NextBlock) {
        if let Some(mut intro) = self.pending.take() {
            intro.next = next;
            if matches!(next, NextBlock::Paragraph | NextBlock::Heading) {
                self.awaiting_text = Some(intro);
            } else {
                self.finished.push(intro);
            }
        }
        self.lines.clear();
        self.line = Line::default();
        self.blocks_in_section = match next {
            NextBlock::Heading | NextBlock::SubHeading => 0,
            NextBlock::Item => self.blocks_in_section,
            _ => self.blocks_in_section + 1,
        };
    }

    /// A soft or hard break at byte `at` of the source ends a line of the current paragraph.
    pub fn line_break(&mut self, at: usize) {
        let mut line = std::mem::take(&mut self.line);
        line.end = at;
        self.lines.push(line);
    }

    /// Text of the heading that follows an announcement.
    pub fn heading_text(&mut self, text: &str) {
        if let Some(intro) = self.awaiting_text.as_mut()
            && intro.next_text.len() < NEXT_TEXT_BYTES
        {
            intro.next_text.push_str(text);
        }
    }

    /// A heading ends: the announcement before it has its next block's text.
    pub fn heading_ends(&mut self) {
        if let Some(intro) = self.awaiting_text.take() {
            self.finished.push(intro);
        }
    }

    /// A paragraph ends: `raw` is its source, starting at byte `start`; `text` its plain text;
    /// `section` the heading of the section it is in.
    pub fn paragraph_ends(
        &mut self,
        raw: &str,
        start: usize,
        text: &str,
        in_list: bool,
        section: &str,
    ) {
        // The paragraph that followed an announcement is complete (the tracker was waiting
        // for its text); it may announce a list itself.
        let trimmed = trim_end(text);
        let mark = announcing_mark(trimmed);
        // Whether the whole paragraph (its lines) is bold, counted only for an announcement.
        let bold = mark.is_some() && {
            let (chars, bold_chars) = self
                .lines
                .iter()
                .chain([&self.line])
                .map(Line::counts)
                .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
            is_bold((chars, bold_chars))
        };
        let finished = self.awaiting_text.take();
        self.line_intros(raw, start, in_list, section);
        if let Some(mark) = mark {
            let offset = raw.rfind(mark).map_or(start, |i| start + i);
            self.pending = Some(ListIntro {
                offset,
                text: trimmed.to_string(),
                bold,
                in_list,
                next: NextBlock::End,
                next_text: String::new(),
                section: section.to_string(),
                opens_section: self.blocks_in_section <= 1,
            });
        }
        if let Some(intro) = finished {
            self.finished.push(intro);
        }
    }

    /// Lines of the paragraph that ended, but its last, that end in `:` and announce the line
    /// after them: the same facts as two paragraphs.
    fn line_intros(&mut self, raw: &str, start: usize, in_list: bool, section: &str) {
        let last = std::mem::take(&mut self.line);
        let lines = std::mem::take(&mut self.lines);
        for (i, line) in lines.iter().enumerate() {
            let text = trim_end(line.text.trim_start());
            if !text.ends_with([':', '：']) {
                continue;
            }
            let next = lines.get(i + 1).unwrap_or(&last).text.trim();
            let before_break = &raw[..line.end.saturating_sub(start).min(raw.len())];
            let Some(colon) = before_break.rfind([':', '：']) else {
                continue;
            };
            self.finished.push(ListIntro {
                offset: start + colon,
                text: text.to_string(),
                bold: line.bold(),
                in_list,
                next: NextBlock::Paragraph,
                next_text: truncated(next, NEXT_TEXT_BYTES).to_string(),
                section: section.to_string(),
                opens_section: i == 0 && self.blocks_in_section <= 1,
            });
        }
    }

    /// The body ended: announcements still open are followed by nothing.
    pub fn finish(&mut self, out: &mut Vec<ListIntro>) {
        out.append(&mut self.finished);
        if let Some(intro) = self.awaiting_text.take() {
            out.push(intro);
        }
        if let Some(intro) = self.pending.take() {
            out.push(intro);
        }
        out.sort_by_key(|i| i.offset);
    }
}

/// `text` without the white space and the marks of writing direction (U+200E, U+200F, U+061C
/// and the embeddings and isolates) at its end: a right-to-left mark typed after the closing
/// `:` of a Persian sentence does not hide it.
fn trim_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// `text` cut to at most `bytes` bytes, at a character boundary.
fn truncated(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::LineIndex;
    use crate::markdown::scan::scan;

    #[test]
    fn a_colon_an_open_dash_or_announcing_words_before_a_full_stop_or_semicolon_announce() {
        for (text, mark) in [
            ("Sellers must not list:", ":"),
            ("Sellers must not list —", "—"),
            ("Sellers must not list—", "—"),
            ("Sellers must not list the following goods –", "–"),
            ("Sellers must not list --", "--"),
            ("The fees are as follows.", "."),
            ("We do not accept returns of the following products;", ";"),
            ("Les vendeurs doivent fournir ;", ";"),
            ("فروشندگان باید مدارک زیر را ارسال کنند؛", "؛"),
        ] {
            assert_eq!(announcing_mark(text), Some(mark), "{text}");
        }
        for text in [
            "We ship within two days; returns are free;",
            "Sellers must pay the fee;",
            "Pages 10–",
            "Sellers pay a fee.",
            "Sellers must not list",
        ] {
            assert_eq!(announcing_mark(text), None, "{text}");
        }
    }

    /// The announcements of `body` as (text, bold).
    fn intros(body: &str) -> Vec<(String, bool)> {
        let scanned = scan(body, 0, &LineIndex::new(body));
        let intros = scanned.scan.list_intros.into_iter();
        intros.map(|i| (i.text, i.bold)).collect()
    }

    #[test]
    fn an_announcement_is_bold_when_nine_in_ten_of_its_letters_are() {
        let got = |body: &str| intros(body).into_iter().map(|(_, b)| b).collect::<Vec<_>>();
        assert_eq!(got("**You may:**\n\n- one\n"), [true]);
        assert_eq!(got("**You** **may:**\n\n- one\n"), [true]);
        assert_eq!(got("You **may**:\n\n- one\n"), [false]);
        // 13 of 15 letters in bold.
        assert_eq!(got("**Almost all of th**is:\n\n- one\n"), [false]);
        // 18 of 19.
        assert_eq!(got("**Almost all of these th**e:\n\n- one\n"), [true]);
        assert_eq!(got("**Déjà fait, élève**s:\n\n- un\n"), [true]);
        assert_eq!(got("**فروشنده** باید:\n\n- یک\n"), [false]);
        assert_eq!(got("- **The options:**\n- x\n"), [true]);
    }

    #[test]
    fn each_line_of_a_paragraph_is_bold_on_its_own() {
        assert_eq!(
            intros("**First part:**\nplain words\nSecond part:\nmore words\n"),
            [
                ("First part:".to_string(), true),
                ("Second part:".to_string(), false)
            ]
        );
        assert_eq!(
            intros("**Bold line:**\n**Also** bold:\nplain\n"),
            [
                ("Bold line:".to_string(), true),
                ("Also bold:".to_string(), false)
            ]
        );
    }
}
