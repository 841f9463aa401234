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

/// A hash of a word's bytes, eight at a time (a word is one or two steps), folded to 32 bits:
/// lexicons filter words on it before any string lookup.
#[inline]
pub(crate) fn word_hash(word: &str) -> u32 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes = word.as_bytes();
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut v = [0u8; 8];
        v.copy_from_slice(chunk);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(v)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Byte by byte: a variable-length copy would be a `memmove` call.
        let v = rest
            .iter()
            .rev()
            .fold(0u64, |v, &b| (v << 8) | u64::from(b));
        h = (h.rotate_left(23) ^ v).wrapping_mul(K);
    }
    (h ^ (h >> 29) ^ (h >> 47)) as u32
}

/// The hash of `word` and of `squeeze(word)`.
#[inline]
pub(crate) fn word_hashes(word: &str) -> (u32, u32) {
    let hash = word_hash(word);
    match squeeze_cow(word) {
        std::borrow::Cow::Borrowed(_) => (hash, hash),
        std::borrow::Cow::Owned(squeezed) => (hash, word_hash(&squeezed)),
    }
}

impl Word {
    /// Like [`Word::new`]; `maybe_double` is false only when no letter of the word repeats,
    /// so its squeezed hash is its hash (the common case, one pass over bytes).
    #[inline]
    pub fn with_hint(text: &str, start: usize, end: usize, maybe_double: bool) -> Word {
        if maybe_double {
            return Word::new(text, start, end);
        }
        let hash = word_hash(&text[start..end]);
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
    push_squeezed(&mut out, word);
    out
}

/// Appends [`squeeze`]`(word)` to `out`.
pub(crate) fn push_squeezed(out: &mut String, word: &str) {
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last || !is_letter(c) {
            out.push(c);
        }
        last = Some(c);
    }
}
