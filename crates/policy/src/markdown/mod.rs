//! Markdown bodies: clause structure, links and check facts ([`scan`]), and sanitised HTML
//! ([`html`]). Both walk pulldown-cmark's offset iterator over the same options.

pub(crate) mod html;
pub(crate) mod intro;
pub(crate) mod scan;
mod toc;

use std::ops::Range;

use pulldown_cmark::Options;

pub use scan::KeptScans;
pub(crate) use scan::Scans;

/// Parser options shared by the scanner and the renderer.
pub(crate) fn options() -> Options {
    Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The words of a Markdown text without its markup, separated by single spaces: two texts
/// with the same plain text differ only in formatting, links or layout.
pub fn plain_text(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len());
    for event in pulldown_cmark::Parser::new_ext(markdown, options()) {
        match plain_text_of(&event) {
            Some(Plain::Text(text)) => raw.push_str(text),
            Some(Plain::Space) => raw.push(' '),
            None => {}
        }
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What an event adds to [`plain_text`].
pub(crate) enum Plain<'a> {
    Text(&'a str),
    Space,
}

/// What `event` adds to [`plain_text`]: its text, a word break, or nothing.
pub(crate) fn plain_text_of<'a>(event: &'a pulldown_cmark::Event<'_>) -> Option<Plain<'a>> {
    use pulldown_cmark::{Event, TagEnd};
    match event {
        Event::Text(text) | Event::Code(text) => Some(Plain::Text(text)),
        Event::SoftBreak
        | Event::HardBreak
        | Event::End(
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::TableCell
            | TagEnd::TableRow
            | TagEnd::TableHead,
        ) => Some(Plain::Space),
        _ => None,
    }
}

/// A hash of a body's [`plain_text`], fed event by event during the scan: two bodies with the
/// same plain text have the same hash ([`words_hash`] of the text). The words are gathered in
/// one buffer and hashed once, which costs less than hashing each word as it comes.
#[derive(Debug, Default)]
pub(crate) struct WordHasher {
    text: String,
    space: bool,
}

impl WordHasher {
    /// Adds what `event` adds to the plain text.
    pub fn event(&mut self, event: &pulldown_cmark::Event<'_>) {
        match plain_text_of(event) {
            Some(Plain::Text(text)) => self.text(text),
            Some(Plain::Space) => self.space = true,
            None => {}
        }
    }

    /// Adds the words of `text` as `plain_text` joins them: one space between words.
    fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let (mut i, mut start) = (0, 0);
        while i < bytes.len() {
            let n = whitespace_len(text, i);
            if n == 0 {
                i += 1;
                continue;
            }
            self.word(&text[start..i]);
            self.space = true;
            i += n;
            start = i;
        }
        self.word(&text[start..]);
    }

    /// Adds one word (none when `word` is empty), after a space when one came before it.
    fn word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(word);
        self.space = false;
    }

    /// The hash.
    pub fn finish(&self) -> u64 {
        words_hash(&self.text)
    }
}

/// The length in bytes of the white space character (`char::is_whitespace`) that starts at
/// byte `i` of `text`, or 0. Only the bytes that can start a white space character are decoded:
/// ASCII ones, and the lead bytes of U+0085, U+00A0 (0xC2), U+1680 (0xE1), U+2000 to U+205F
/// (0xE2) and U+3000 (0xE3); any other byte, a continuation byte too, gives 0.
fn whitespace_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        0x09..=0x0D | b' ' => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// The hash [`WordHasher`] gives a plain text: the same in every run and on every machine.
/// Typography does not count: curly quotes hash as straight ones, a run of zero-width
/// non-joiners as one, and numbers in every script as in ASCII: digits (`۴۸`, `٤٨`), the Arabic
/// decimal and thousands separators (`۱۴٫۵`, `۱٬۰۰۰`) and percent sign (`۵٪`) (spaces, no-break
/// ones too, are already one space between words).
pub(crate) fn words_hash(text: &str) -> u64 {
    use std::hash::BuildHasher as _;
    let typographic = |c: char| {
        matches!(
            c,
            '‘' | '’' | '‚' | '‛' | '“' | '”' | '„' | '‟' | '\u{066A}' | '\u{066B}' | '\u{066C}'
        ) || !c.is_ascii_digit() && crate::text::ascii_digit(c).is_some()
    };
    if !text.contains(typographic) && !text.contains("\u{200C}\u{200C}") {
        return foldhash::quality::FixedState::with_seed(0).hash_one(text);
    }
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '‘' | '’' | '‚' | '‛' => plain.push('\''),
            '“' | '”' | '„' | '‟' => plain.push('"'),
            '\u{066A}' => plain.push('%'),
            '\u{066B}' => plain.push('.'),
            '\u{066C}' => plain.push(','),
            '\u{200C}' if plain.ends_with('\u{200C}') => {}
            c => plain.push(crate::text::ascii_digit(c).unwrap_or(c)),
        }
    }
    foldhash::quality::FixedState::with_seed(0).hash_one(plain.as_str())
}

/// Facts about a body the checks need; offsets are byte offsets into the whole source file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct BodyScan {
    /// Where the body starts in the source.
    pub body_offset: usize,
    /// Code blocks and inline code spans (placeholders and brands there are not reported).
    pub code_ranges: Vec<Range<usize>>,
    /// Paragraphs announcing a list, with what follows each.
    pub list_intros: Vec<intro::ListIntro>,
    /// Hash of the body's [`plain_text`] ([`WordHasher`]): versions with equal hashes read
    /// the same words.
    pub words_hash: u64,
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

    fn hashed(markdown: &str) -> u64 {
        let mut words = WordHasher::default();
        for event in pulldown_cmark::Parser::new_ext(markdown, options()) {
            words.event(&event);
        }
        words.finish()
    }

    fn hash_of(text: &str) -> u64 {
        words_hash(text)
    }

    #[test]
    fn the_word_hash_is_the_hash_of_the_plain_text() {
        for markdown in [
            "",
            "# Fees {#fees}\n\nThe seller pays **five** percent.\n",
            "# Fees\n\nThe  seller\npays *five*\u{a0}percent.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n",
            "Text with `code` and a [link](https://example.com)<br>and html.\n\n```\nfenced code\n```\n",
            "Un mot coll**é**\n> cité\n",
            "a\u{85}b\u{a0}c\u{1680}d\u{2003}e\u{200a}\u{2028}f\u{2029}g\u{202f}h\u{205f}i\u{3000}j",
            "not space: a\u{200b}b\u{2060}c \u{e2}\u{1a}\u{2030} \u{3001}\u{1681}\u{a1}",
            "\u{b}\u{c}\r\u{1c}tabs\tand\u{3000}\u{3000}ideographic  ",
        ] {
            assert_eq!(
                hashed(markdown),
                hash_of(&plain_text(markdown)),
                "{markdown:?}"
            );
        }
        assert_eq!(
            hashed("# Fees\n\nThe seller pays.\n"),
            hashed("# Fees {#fees}\n\nThe   seller\n**pays**.\n")
        );
        assert_ne!(hashed("The seller pays."), hashed("The seller pays twice."));
        assert_ne!(hashed("ab c"), hashed("a bc"));
    }

    #[test]
    fn typography_does_not_change_the_word_hash() {
        assert_eq!(
            hashed("‘a’ and “b” „c‟ ‚d‛"),
            hash_of("'a' and \"b\" \"c\" 'd'")
        );
        assert_ne!(hashed("x \u{200C}y"), hash_of("x y"));
        for (a, b) in [
            ("The seller's \"fee\" is due.", "The seller’s “fee” is due."),
            ("Le \"prix\" est fixé.", "Le „prix“ est fixé."),
            (
                "Der Preis: 5\u{a0}€ pro Monat.",
                "Der Preis: 5 € pro Monat.",
            ),
            (
                "فروشنده‌ها هزینه می‌پردازند.",
                "فروشنده\u{200C}\u{200C}ها هزینه می\u{200C}\u{200C}\u{200C}پردازند.",
            ),
        ] {
            assert_eq!(hashed(a), hashed(b), "{a} / {b}");
        }
        // Digits of every script are the same digits.
        for (a, b) in [
            ("مهلت پاسخ ۴۸ ساعت است.", "مهلت پاسخ 48 ساعت است."),
            ("مهلت پاسخ ٤٨ ساعت است.", "مهلت پاسخ ۴۸ ساعت است."),
            ("Frist: 14 Tage.", "Frist: ١٤ Tage."),
            ("کارمزد ۱۴٫۵٪ از ۱٬۰۰۰ تومان", "کارمزد 14.5% از 1,000 تومان"),
        ] {
            assert_eq!(hashed(a), hashed(b), "{a} / {b}");
        }
        assert_ne!(hashed("مهلت ۴۸ ساعت"), hashed("مهلت ۴۷ ساعت"));
        assert_ne!(hashed("فروشنده‌ها"), hashed("فروشنده ها"));
        assert_ne!(hashed("The seller's fee"), hashed("The sellers fee"));
    }
}
