//! Words of a skeleton: runs of letters and digits.

/// One word: a byte range of the skeleton text, with the hashes lexicon lookups filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    /// [`word_hash`] of the word's text: computed once per word and shared by every lexicon.
    pub hash: u32,
    /// [`word_hash`] of the word with repeated letters collapsed (see [`squeeze`]).
    pub squeezed: u32,
}

/// FNV-1a over bytes, folded to 32 bits: lexicons filter words on it before any string lookup.
#[inline]
pub(crate) fn word_hash(word: &str) -> u32 {
    word_hashes(word).0
}

/// The hash of `word` and of `squeeze(word)`, in one pass.
#[inline]
pub(crate) fn word_hashes(word: &str) -> (u32, u32) {
    const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let (mut h, mut s) = (BASIS, BASIS);
    let mut last = None;
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
        if Some(c) != last || !is_letter(c) {
            for &b in bytes {
                s = (s ^ u64::from(b)).wrapping_mul(PRIME);
            }
        }
        last = Some(c);
    }
    ((h ^ (h >> 32)) as u32, (s ^ (s >> 32)) as u32)
}

impl Word {
    /// Like [`Word::new`]; `maybe_double` is false only when no letter of the word repeats,
    /// so its squeezed hash is its hash (the common case, one pass over bytes).
    #[inline]
    pub fn with_hint(text: &str, start: usize, end: usize, maybe_double: bool) -> Word {
        if maybe_double {
            return Word::new(text, start, end);
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in &text.as_bytes()[start..end] {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let hash = (h ^ (h >> 32)) as u32;
        Word {
            start,
            end,
            hash,
            squeezed: hash,
        }
    }

    /// The word `text[start..end]`, with its hashes.
    #[inline]
    pub fn new(text: &str, start: usize, end: usize) -> Word {
        let (hash, squeezed) = word_hashes(&text[start..end]);
        Word {
            start,
            end,
            hash,
            squeezed,
        }
    }

    pub fn text<'a>(&self, skeleton: &'a str) -> &'a str {
        &skeleton[self.start..self.end]
    }
}

/// `char::is_alphabetic` with fast paths for ASCII and the Arabic block: the std tables are a
/// search per call, and this runs for every character of every comment.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x0621..=0x063A | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 => true,
        0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF => true,
        0x0600..=0x06FF => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` with the same fast paths.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x0660..=0x0669 | 0x06F0..=0x06F9 => true,
        0x0600..=0x06FF => is_letter(c),
        _ => c.is_alphanumeric(),
    }
}

/// Letters, digits and `_`.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    is_letter_or_digit(c) || c == '_'
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
            out.push(Word::new(skeleton, s, i));
            start = Some(i);
            prev = Some(c);
            continue;
        }
        prev = Some(c);
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word::new(skeleton, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word::new(skeleton, s, skeleton.len()));
    }
    out
}

/// Combining marks that stay inside a word.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0653}'..='\u{0655}')
}

/// Like [`squeeze`], without allocating when no letter repeats (the common case).
pub(crate) fn squeeze_cow(word: &str) -> std::borrow::Cow<'_, str> {
    let mut last = None;
    for c in word.chars() {
        if Some(c) == last && is_letter(c) {
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
        if Some(c) != last || !is_letter(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}
