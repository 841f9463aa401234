//! Words of a skeleton: runs of letters and digits.

/// One word: a byte range of the skeleton text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub fn text<'a>(&self, skeleton: &'a str) -> &'a str {
        &skeleton[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits a skeleton into words (letters, digits, marks and `_`).
pub(crate) fn words(skeleton: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev: Option<char> = None;
    for (i, c) in skeleton.char_indices() {
        let w = is_word_char(c) || (start.is_some() && is_mark(c));
        // `۱۲۸گیگ` is two words: digits glued to a non-Latin word (Latin `a54` stays one).
        if w && let (Some(s), Some(p)) = (start, prev)
            && ((p.is_ascii_digit() && !c.is_ascii()) || (!p.is_ascii() && c.is_ascii_digit()))
        {
            out.push(Word { start: s, end: i });
            start = Some(i);
            prev = Some(c);
            continue;
        }
        prev = Some(c);
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: skeleton.len(),
        });
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0653}'..='\u{0655}')
}

/// Like [`squeeze`], without allocating when no letter repeats (the common case).
pub(crate) fn squeeze_cow(word: &str) -> std::borrow::Cow<'_, str> {
    let mut last = None;
    for c in word.chars() {
        if Some(c) == last && c.is_alphabetic() {
            return std::borrow::Cow::Owned(squeeze(word));
        }
        last = Some(c);
    }
    std::borrow::Cow::Borrowed(word)
}

/// Collapses runs of one letter into one (`خیلییی` -> `خیلی`), for evasion-resistant lookups.
pub(crate) fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last || !c.is_alphabetic() {
            out.push(c);
        }
        last = Some(c);
    }
    out
}
