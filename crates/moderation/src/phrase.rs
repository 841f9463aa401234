//! Whole-word phrase lookup on skeleton words (lexicons of stores, messengers, insults ...).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::lexicon::Lexicon;
use crate::text::{Word, skeleton_key, squeeze, squeeze_cow, word_hash, words};

/// FNV-1a: lookups of short words are the engine's inner loop, and SipHash's DoS resistance
/// buys nothing for keys that come from our own lexicons.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A HashMap keyed with [`Fnv`].
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A match: words `first..=last` of the field, and the index of the lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    pub first: usize,
    pub last: usize,
    pub entry: usize,
}

/// Bits in a lexicon's word filter (2 KiB): lexicons have at most a few hundred entries.
const FILTER_BITS: u32 = 1 << 14;

/// A bit set over [`word_hash`] values: a word whose bit is clear is certainly not in the
/// lexicon, so most words of a comment are ruled out with one bit test on a hash computed once
/// per word, before any string is hashed or compared.
#[derive(Debug, Clone, Default)]
pub(crate) struct HashFilter {
    bits: Vec<u64>,
}

impl HashFilter {
    /// The two bits of a hash (from its low and its high half: a two-probe Bloom filter, so a
    /// lexicon of a few hundred words lets through well under 1% of other words).
    #[inline]
    fn bits_of(hash: u32) -> [u32; 2] {
        [hash % FILTER_BITS, (hash >> 16) % FILTER_BITS]
    }

    /// Marks a word hash as possibly present.
    pub fn mark(&mut self, hash: u32) {
        if self.bits.is_empty() {
            self.bits = vec![0; (FILTER_BITS / 64) as usize];
        }
        for bit in HashFilter::bits_of(hash) {
            self.bits[(bit / 64) as usize] |= 1 << (bit % 64);
        }
    }

    /// False when no marked word has this hash.
    #[inline]
    pub fn may_contain(&self, hash: u32) -> bool {
        HashFilter::bits_of(hash).iter().all(|&bit| {
            self.bits
                .get((bit / 64) as usize)
                .is_some_and(|w| w & (1 << (bit % 64)) != 0)
        })
    }
}

/// Phrases keyed by their first word, compared on skeleton words.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseSet {
    by_first: FnvMap<String, Vec<(Vec<String>, usize)>>,
    /// Hashes of every first word (squeezed for squeezed sets).
    filter: HashFilter,
    squeezed: bool,
    len: usize,
}

impl PhraseSet {
    /// Builds from lexicons; with `squeezed`, repeated letters are collapsed on both sides.
    pub fn new<'a>(lexicons: impl IntoIterator<Item = &'a Lexicon>, squeezed: bool) -> PhraseSet {
        let mut set = PhraseSet {
            squeezed,
            ..PhraseSet::default()
        };
        for lex in lexicons {
            for entry in &lex.entries {
                set.insert(&entry.text, set.len);
                set.len += 1;
            }
        }
        set
    }

    /// Adds one phrase with a payload index.
    pub fn insert(&mut self, phrase: &str, payload: usize) {
        let key = skeleton_key(phrase);
        let parts: Vec<String> = words(&key).iter().map(|w| self.key(w.text(&key))).collect();
        if let Some(first) = parts.first() {
            self.filter.mark(word_hash(first));
        }
        if parts.len() > 1 {
            self.filter.mark(word_hash(&parts.concat()));
        }
        if let Some((first, rest)) = parts.split_first() {
            self.by_first
                .entry(first.clone())
                .or_default()
                .push((rest.to_vec(), payload));
        }
        // `اسنپ مارکت` also matches `اسنپ‌مارکت` (ZWNJ is gone from the skeleton).
        if parts.len() > 1 {
            self.by_first
                .entry(parts.concat())
                .or_default()
                .push((Vec::new(), payload));
        }
    }

    /// False when `word` certainly starts no phrase.
    #[inline]
    fn may_start(&self, word: &Word) -> bool {
        self.filter.may_contain(if self.squeezed {
            word.squeezed
        } else {
            word.hash
        })
    }

    fn key(&self, word: &str) -> String {
        if self.squeezed {
            squeeze(word)
        } else {
            word.to_owned()
        }
    }

    /// What a field must contain for a phrase to match: the key of its first word (or of the
    /// whole phrase written as one word) as a word of the field. An empty set never matches.
    pub fn prefilter(&self) -> crate::prefilter::Prefilter {
        crate::prefilter::Prefilter::words(self.by_first.keys(), self.squeezed)
    }

    /// True when no phrase was added.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Whether the single word `word` (a skeleton word) is an entry.
    pub fn contains_word(&self, word: &str) -> bool {
        self.word_entry(word).is_some()
    }

    /// The entry that is the single word `word` (a skeleton word), if any.
    pub fn word_entry(&self, word: &str) -> Option<usize> {
        let k = if self.squeezed {
            squeeze_cow(word)
        } else {
            word.into()
        };
        if !self.filter.may_contain(word_hash(&k)) {
            return None;
        }
        self.by_first
            .get(k.as_ref())?
            .iter()
            .find(|(rest, _)| rest.is_empty())
            .map(|&(_, entry)| entry)
    }

    /// Longest phrase starting at word `i`, if any.
    #[inline]
    pub fn match_at(&self, skeleton: &str, ws: &[Word], i: usize) -> Option<PhraseMatch> {
        let word = ws.get(i)?;
        if !self.may_start(word) {
            return None;
        }
        self.match_candidates(skeleton, ws, i, word)
    }

    /// `match_at` once the filter let the word through (kept out of line: rarely reached).
    #[inline(never)]
    fn match_candidates(
        &self,
        skeleton: &str,
        ws: &[Word],
        i: usize,
        word: &Word,
    ) -> Option<PhraseMatch> {
        let first = word.text(skeleton);
        let key = if self.squeezed {
            squeeze_cow(first)
        } else {
            first.into()
        };
        let candidates = self.by_first.get(key.as_ref())?;
        let mut best: Option<PhraseMatch> = None;
        for (rest, payload) in candidates {
            if i + rest.len() >= ws.len() {
                continue;
            }
            let ok = rest.iter().enumerate().all(|(k, part)| {
                ws.get(i + 1 + k).is_some_and(|w| {
                    let t = w.text(skeleton);
                    if self.squeezed {
                        squeeze_cow(t) == part.as_str()
                    } else {
                        t == part
                    }
                })
            });
            if ok && best.is_none_or(|b| b.last < i + rest.len()) {
                best = Some(PhraseMatch {
                    first: i,
                    last: i + rest.len(),
                    entry: *payload,
                });
            }
        }
        best
    }

    /// Every non-overlapping longest match, left to right.
    pub fn find_all(&self, skeleton: &str, ws: &[Word]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if !self.may_start(&ws[i]) {
                i += 1;
                continue;
            }
            if let Some(m) = self.match_at(skeleton, ws, i) {
                out.push(m);
                i = m.last + 1;
            } else {
                i += 1;
            }
        }
        out
    }
}
