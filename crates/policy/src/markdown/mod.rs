//! Markdown bodies: clause structure, links and check facts ([`scan`]), and sanitised HTML
//! ([`html`]). Both walk pulldown-cmark's offset iterator over the same options.

pub(crate) mod html;
pub(crate) mod intro;
pub(crate) mod scan;
mod toc;

use std::ops::Range;

use pulldown_cmark::Options;

pub(crate) use scan::scan;

/// Parser options shared by the scanner and the renderer.
pub(crate) fn options() -> Options {
    Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The words of a Markdown text without its markup, separated by single spaces: two texts
/// with the same plain text differ only in formatting, links or layout.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut raw = String::with_capacity(markdown.len());
    for event in pulldown_cmark::Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(text) | Event::Code(text) => raw.push_str(&text),
            Event::SoftBreak | Event::HardBreak => raw.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => raw.push(' '),
            _ => {}
        }
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Facts about a body the checks need; offsets are byte offsets into the whole source file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BodyScan {
    /// Where the body starts in the source.
    pub body_offset: usize,
    /// Code blocks and inline code spans (placeholders and brands there are not reported).
    pub code_ranges: Vec<Range<usize>>,
    /// Paragraphs announcing a list, with what follows each.
    pub list_intros: Vec<intro::ListIntro>,
}

impl BodyScan {
    /// Whether `offset` falls inside code.
    pub fn in_code(&self, offset: usize) -> bool {
        self.code_ranges.iter().any(|r| r.contains(&offset))
    }
}

/// Byte offset to (line, column) conversion for one text, in O(log n) per lookup.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and character column of `offset` in `text` (the text that was indexed).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }

    /// 1-based line of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_matches_a_linear_count() {
        let text = "a\nbé c\n\nd";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(
                index.line_col(text, offset),
                crate::diagnostic::line_col(text, offset),
                "offset {offset}"
            );
        }
    }
}
