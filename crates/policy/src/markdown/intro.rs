//! Paragraphs that announce a list (ending in `:`, or in `.` after "the following", "comme
//! suit", "wie folgt", "به شرح زیر"...) and what comes right after them: the facts the
//! `empty-list` check judges.

/// The block that follows a list announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NextBlock {
    /// A Markdown list.
    List,
    /// A table.
    Table,
    /// A code block, quote or HTML block.
    Other,
    /// A heading of the same or a higher level than the section the announcement is in.
    Heading,
    /// A heading of a deeper level: a sub-section.
    SubHeading,
    /// A paragraph (its text is in [`ListIntro::next_text`]).
    Paragraph,
    /// Nothing: the body ends.
    End,
}

/// A paragraph that announces a list, with what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// Longest stretch of the following paragraph kept in [`ListIntro::next_text`].
const NEXT_TEXT_BYTES: usize = 300;

/// Phrases that make a sentence ending in `.` announce a list.
const ANNOUNCING: &[&str] = &[
    "the following",
    "as follows",
    "listed below",
    "set out below",
    "described below",
    "suivant",
    "ci-dessous",
    "comme suit",
    "folgende",
    "nachfolgend",
    "nachstehend",
    "wie folgt",
    "به شرح زیر",
    "موارد زیر",
    "عبارتند از",
];

/// Follows the walk and records list announcements.
#[derive(Debug, Default)]
pub(crate) struct IntroTracker {
    pending: Option<ListIntro>,
    finished: Vec<ListIntro>,
    awaiting_text: Option<ListIntro>,
    chars: usize,
    bold_chars: usize,
}

impl IntroTracker {
    /// Inline text of the current paragraph (`bold`: inside `**…**`).
    pub fn text(&mut self, text: &str, bold: bool) {
        let n = text.chars().filter(|c| c.is_alphanumeric()).count();
        self.chars += n;
        if bold {
            self.bold_chars += n;
        }
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
        self.chars = 0;
        self.bold_chars = 0;
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
        let bold = self.chars > 0 && self.bold_chars * 10 >= self.chars * 9;
        self.chars = 0;
        self.bold_chars = 0;
        let finished = self.awaiting_text.take();
        let trimmed = text.trim_end();
        let announces = trimmed.ends_with([':', '：'])
            || trimmed.ends_with('.') && announcing_sentence(trimmed);
        if announces {
            let mark = if trimmed.ends_with('.') { '.' } else { ':' };
            let offset = raw.rfind(mark).map_or(start, |i| start + i);
            self.pending = Some(ListIntro {
                offset,
                text: trimmed.to_string(),
                bold,
                in_list,
                next: NextBlock::End,
                next_text: String::new(),
                section: section.to_string(),
            });
        }
        if let Some(intro) = finished {
            self.finished.push(intro);
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

/// Words at the end of a sentence ending in `.` where an announcing phrase must stand: "the
/// following conditions." announces, "in the following versions of these Terms." and "en
/// suivant les instructions du présent règlement." do not.
const TAIL_WORDS: usize = 4;

/// Whether the last sentence of `text` ends by announcing what follows. A sentence that lists
/// its items itself after a colon ("the following data: name, address and e-mail.") announces
/// nothing that could be lost.
fn announcing_sentence(text: &str) -> bool {
    let body = text.trim_end_matches('.');
    let last = body
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '؟'))
        .map_or(body, |(i, c)| &body[i + c.len_utf8()..])
        .to_lowercase();
    if last
        .rsplit_once([':', '：'])
        .is_some_and(|(_, items)| items.chars().any(char::is_alphanumeric))
    {
        return false;
    }
    let words: Vec<&str> = last.split_whitespace().collect();
    let tail = words[words.len().saturating_sub(TAIL_WORDS)..].join(" ");
    ANNOUNCING.iter().any(|p| tail.contains(p))
}

#[cfg(test)]
mod tests {
    use super::announcing_sentence;

    #[test]
    fn a_sentence_announces_with_its_phrase_among_the_last_words() {
        assert!(announcing_sentence(
            "The seller accepts the following conditions."
        ));
        assert!(announcing_sentence("Les frais sont calculés comme suit."));
        assert!(!announcing_sentence(
            "This applies in the following versions of these Terms."
        ));
    }

    #[test]
    fn items_written_after_a_colon_in_the_sentence_are_no_announcement() {
        assert!(!announcing_sentence(
            "We collect the following: name, e-mail."
        ));
        assert!(!announcing_sentence(
            "Nous acceptons les moyens suivants : carte, virement."
        ));
        assert!(!announcing_sentence(
            "Wir erheben folgende Daten: Name, Anschrift."
        ));
    }

    #[test]
    fn a_sentence_after_a_persian_question_mark_is_read_from_the_next_character() {
        // `؟` takes two bytes: the last sentence starts after the whole character.
        assert!(announcing_sentence(
            "چرا؟ The seller accepts the following conditions."
        ));
        assert!(!announcing_sentence("؟."));
        assert!(!announcing_sentence("Is this right؟ Yes."));
    }
}
