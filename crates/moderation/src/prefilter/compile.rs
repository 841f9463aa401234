//! The prefilters of one rule set, compiled: one automaton for every literal, one table for
//! every word, one condition per rule.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Classes, Condition, Prefilter};
use crate::text::{Skeleton, skeleton_key, squeeze, word_hash, words};

/// Slots of a word table (two probes per word, like a Bloom filter that stores group bits).
const SLOTS: usize = 2048;

/// Word hashes to the groups that declared a word with that hash (two probes, so a word that
/// no group declared is ruled out in all but a few per cent of cases).
#[derive(Debug)]
struct WordTable {
    masks: Vec<u64>,
    stride: usize,
    used: bool,
}

impl WordTable {
    fn new(stride: usize) -> WordTable {
        WordTable {
            masks: vec![0; SLOTS * stride],
            stride,
            used: false,
        }
    }

    #[inline]
    fn slots(hash: u32) -> [usize; 2] {
        [hash as usize % SLOTS, (hash >> 16) as usize % SLOTS]
    }

    fn insert(&mut self, hash: u32, group: usize) {
        for slot in WordTable::slots(hash) {
            self.masks[slot * self.stride + group / 64] |= 1 << (group % 64);
        }
        self.used = true;
    }

    /// Adds to `found` the groups that may hold a word with this hash.
    #[inline]
    fn mark(&self, hash: u32, found: &mut [u64]) {
        let [a, b] = WordTable::slots(hash);
        for (w, f) in found.iter_mut().enumerate() {
            *f |= self.masks[a * self.stride + w] & self.masks[b * self.stride + w];
        }
    }
}

/// The compiled prefilters of one rule set.
#[derive(Debug)]
pub(crate) struct Prefilters {
    conditions: Vec<Condition>,
    /// Every declared literal (folded, deduplicated), searched in one pass over the skeleton.
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern, the groups it belongs to: `stride` words of bits.
    owners: Vec<u64>,
    /// For each automaton pattern, whether it counts only at the start of a word.
    at_word_start: Vec<bool>,
    /// Words per set of groups.
    stride: usize,
    /// The groups with literals (the automaton's search stops once all are found; without an
    /// automaton they all count as present).
    literal_groups: Vec<u64>,
    /// Every group.
    all_groups: Vec<u64>,
    /// Declared words, compared as they are and with repeated letters collapsed.
    plain: WordTable,
    squeezed: WordTable,
}

/// The literals and words one rule declared.
#[derive(Default)]
struct Declared {
    literals: Vec<String>,
    /// Literals that count only at the start of a word.
    starts: Vec<String>,
    words: Vec<(String, bool)>,
}

impl Condition {
    /// Flattens `prefilter`, collecting its literals and words into `declared`.
    fn new(prefilter: &Prefilter, declared: &mut Declared) -> Condition {
        let mut c = Condition {
            always: false,
            classes: Classes::NONE,
            digit_run: None,
            group: None,
        };
        c.add(prefilter, declared);
        c
    }

    fn add(&mut self, prefilter: &Prefilter, declared: &mut Declared) {
        match prefilter {
            Prefilter::Always => self.always = true,
            Prefilter::Literals(l) => declared.literals.extend(l.iter().cloned()),
            Prefilter::WordStarts(l) => declared.starts.extend(l.iter().cloned()),
            Prefilter::Words { words, squeezed } => declared
                .words
                .extend(words.iter().map(|w| (w.clone(), *squeezed))),
            Prefilter::Classes(c) => self.classes = self.classes.or(*c),
            Prefilter::DigitRun(n) => {
                self.digit_run = Some(self.digit_run.map_or(*n, |d| d.min(*n)));
            }
            Prefilter::Any(all) => all.iter().for_each(|p| self.add(p, declared)),
        }
    }
}

/// Whether a prefilter declares literals or words anywhere.
fn declares_text(p: &Prefilter) -> bool {
    match p {
        Prefilter::Literals(_) | Prefilter::WordStarts(_) | Prefilter::Words { .. } => true,
        Prefilter::Any(all) => all.iter().any(declares_text),
        _ => false,
    }
}

impl Prefilters {
    /// Compiles the prefilters of a rule set's rules, in rule order.
    pub fn new(prefilters: &[Prefilter]) -> Prefilters {
        let mut conditions = Vec::with_capacity(prefilters.len());
        let mut groups: Vec<Declared> = Vec::new();
        for p in prefilters {
            let mut declared = Declared::default();
            let mut c = Condition::new(p, &mut declared);
            if !c.always && declares_text(p) {
                c.group = Some(groups.len());
                groups.push(declared);
            }
            conditions.push(c);
        }
        let stride = groups.len().div_ceil(64).max(1);
        let mut plain = WordTable::new(stride);
        let mut squeezed = WordTable::new(stride);
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<(String, bool), usize> = HashMap::new();
        let mut owners: Vec<u64> = Vec::new();
        let mut at_word_start: Vec<bool> = Vec::new();
        let mut literal_groups = vec![0u64; stride];
        let mut all_groups = vec![0u64; stride];
        for (g, declared) in groups.iter().enumerate() {
            let bit = 1 << (g % 64);
            all_groups[g / 64] |= bit;
            let mut literals: Vec<String> =
                declared.literals.iter().map(|l| skeleton_key(l)).collect();
            for (word, squeeze_it) in &declared.words {
                let key = skeleton_key(word);
                match words(&key)[..] {
                    [w] if w.start == 0 && w.end == key.len() => {
                        if *squeeze_it {
                            squeezed.insert(word_hash(&squeeze(&key)), g);
                        } else {
                            plain.insert(word_hash(&key), g);
                        }
                    }
                    // Not one word: found as a literal (squeezed, it may not occur as written).
                    _ if *squeeze_it => {
                        literals.extend(key.chars().next().map(String::from));
                    }
                    _ => literals.push(key),
                }
            }
            if !literals.is_empty() || !declared.starts.is_empty() {
                literal_groups[g / 64] |= bit;
            }
            let starts = declared.starts.iter().map(|l| (skeleton_key(l), true));
            for (literal, start) in literals.into_iter().map(|l| (l, false)).chain(starts) {
                let p = *index.entry((literal.clone(), start)).or_insert_with(|| {
                    patterns.push(literal);
                    at_word_start.push(start);
                    owners.extend(std::iter::repeat_n(0, stride));
                    patterns.len() - 1
                });
                owners[p * stride + g / 64] |= bit;
            }
        }
        // Should the automaton not build, every literal counts as present: rules then run on
        // more fields, slower and with the same results.
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .ok()
        };
        Prefilters {
            conditions,
            automaton,
            owners,
            at_word_start,
            stride,
            literal_groups,
            all_groups,
            plain,
            squeezed,
        }
    }

    /// The condition of rule `i`.
    pub fn condition(&self, i: usize) -> &Condition {
        &self.conditions[i]
    }

    /// Whether any condition asks what only the skeleton tells (literals, words, digit runs,
    /// the skeleton's classes).
    pub fn need_skeleton(&self) -> bool {
        self.conditions.iter().any(|c| {
            !c.always
                && (c.group.is_some()
                    || c.digit_run.is_some()
                    || c.classes.intersects(Classes::OF_SKELETON))
        })
    }

    /// Marks every group in `found` (its literals and words are taken as present).
    pub fn all_groups(&self, found: &mut Vec<u64>) {
        found.clear();
        found.extend_from_slice(&self.all_groups);
    }

    /// Marks in `found` the groups with a literal in the skeleton's text or a word among its
    /// words.
    pub fn scan(&self, skeleton: &Skeleton, found: &mut Vec<u64>) {
        found.clear();
        found.resize(self.stride, 0);
        if self.plain.used || self.squeezed.used {
            for w in &skeleton.words {
                if self.plain.used {
                    self.plain.mark(w.hash, found);
                }
                if self.squeezed.used {
                    self.squeezed.mark(w.squeezed, found);
                }
            }
        }
        let Some(automaton) = &self.automaton else {
            // No literals, or an automaton that did not build: every literal counts as present.
            for (f, l) in found.iter_mut().zip(&self.literal_groups) {
                *f |= l;
            }
            return;
        };
        let stride = self.stride;
        let done = |found: &[u64]| {
            found
                .iter()
                .zip(&self.literal_groups)
                .all(|(f, l)| f & l == *l)
        };
        if done(found) {
            return;
        }
        for m in automaton.find_overlapping_iter(skeleton.text.as_str()) {
            let p = m.pattern().as_usize();
            if self.at_word_start[p]
                && skeleton
                    .words
                    .binary_search_by_key(&m.start(), |w| w.start)
                    .is_err()
            {
                continue;
            }
            for (w, f) in found.iter_mut().enumerate() {
                *f |= self.owners[p * stride + w];
            }
            if done(found) {
                return;
            }
        }
    }
}
