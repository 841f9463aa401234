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
    /// Whether the announcement is the first block of its section (or of the preamble).
    pub opens_section: bool,
}

/// Longest stretch of the following paragraph kept in [`ListIntro::next_text`].
const NEXT_TEXT_BYTES: usize = 300;

/// Phrases that make a sentence ending in `.` announce a list.
const ANNOUNCING: &[&str] = &[
    "the following",
    "as follows",
    "below",
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
    /// Blocks started since the last heading, the current one included.
    blocks_in_section: usize,
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
        self.blocks_in_section = match next {
            NextBlock::Heading | NextBlock::SubHeading => 0,
            _ => self.blocks_in_section + 1,
        };
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
                opens_section: self.blocks_in_section <= 1,
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

/// Most words after an announcing phrase in a sentence ending in `.`: the noun it announces
/// and a verb ("the following conditions are met.", "les conditions suivantes
/// s'appliquent.", "Es gelten folgende Bedingungen.").
const WORDS_AFTER: usize = 4;

/// Words that tie what follows an announcing phrase to something named in the sentence
/// ("in the following versions of these Terms.", "en suivant les instructions du présent
/// règlement."): the phrase then refers, it does not announce.
const REFERRING: &[&str] = &[
    "of", "in", "on", "for", "to", "under", "with", "from", "by", "de", "du", "des", "d", "à",
    "au", "aux", "dans", "pour", "par", "sur", "von", "vom", "der", "dem", "im", "in", "für", "zu",
    "zum", "zur", "unter", "mit", "از", "در", "به", "برای",
];

/// Whether the last sentence of `text` ends by announcing what follows: an announcing phrase
/// followed by at most [`WORDS_AFTER`] words, none of which ties it to something the sentence
/// names. A sentence that lists its items itself after a colon ("the following data: name,
/// address and e-mail.") announces nothing that could be lost.
fn announcing_sentence(text: &str) -> bool {
    let last = last_sentence(text).to_lowercase();
    if last
        .rsplit_once([':', '：'])
        .is_some_and(|(_, items)| items.chars().any(char::is_alphanumeric))
    {
        return false;
    }
    ANNOUNCING.iter().any(|phrase| {
        last.match_indices(phrase).any(|(at, _)| {
            // The words after the phrase, from the end of the word the phrase ends in
            // (`suivant` in `suivantes`).
            let rest = &last[at + phrase.len()..];
            let rest = rest
                .find(|c: char| c.is_whitespace())
                .map_or("", |i| &rest[i..]);
            let after: Vec<&str> = rest
                .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .collect();
            let before = last[..at]
                .split_whitespace()
                .next_back()
                .unwrap_or_default();
            let time = [before, after.first().copied().unwrap_or_default()]
                .iter()
                .any(|w| TIME_NOUNS.contains(w));
            after.len() <= WORDS_AFTER && !after.iter().any(|w| REFERRING.contains(w)) && !time
        })
    })
}

/// The last sentence of `text`, its closing `.` or `:` aside: what follows the last `.`, `!`,
/// `?` or `؟` before the end.
pub(crate) fn last_sentence(text: &str) -> &str {
    let body = text.trim_end().trim_end_matches(['.', ':', '：']);
    body.char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '؟'))
        .map_or(body, |(i, c)| &body[i + c.len_utf8()..])
}

/// Units of time beside `following` that make it "next" ("on the following day", "le mois
/// suivant", "am folgenden Tag"), not an announcement.
const TIME_NOUNS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "business", "working",
    "jour", "jours", "semaine", "mois", "an", "année", "tag", "tage", "tages", "woche", "monat",
    "monats", "jahr", "jahres", "werktag", "روز", "ماه", "سال", "هفته",
];

#[cfg(test)]
mod tests {
    use super::announcing_sentence;

    #[test]
    fn a_sentence_announces_with_its_phrase_among_the_last_words() {
        assert!(announcing_sentence(
            "The seller accepts the following conditions."
        ));
        assert!(announcing_sentence("Les frais sont calculés comme suit."));
        assert!(announcing_sentence(
            "You must not list any of the items below."
        ));
        assert!(!announcing_sentence(
            "The fees shown below apply to every order placed in the app."
        ));
        assert!(!announcing_sentence(
            "This applies in the following versions of these Terms."
        ));
        assert!(!announcing_sentence(
            "Le prix est fixé en suivant les instructions du présent règlement."
        ));
    }

    #[test]
    fn a_phrase_followed_by_its_noun_and_a_verb_announces() {
        for text in [
            "Sellers may list items provided that the following conditions are met.",
            "The following conditions apply.",
            "Pour toute commande, les conditions suivantes s'appliquent.",
            "Für Rücksendungen gelten folgende Bedingungen.",
            "Es gelten folgende Bedingungen.",
        ] {
            assert!(announcing_sentence(text), "{text}");
        }
        assert!(!announcing_sentence(
            "The following conditions apply to every order placed in the app."
        ));
        assert!(!announcing_sentence("Payment is due on the following day."));
        assert!(!announcing_sentence("Le paiement est dû le mois suivant."));
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
