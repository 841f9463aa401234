//! Prefilters: what a field must contain for a rule to possibly fire on it.
//!
//! Every rule declares its [`Prefilter`] (`Rule::prefilter`), next to its matching code. When
//! the engine is built, the prefilters of a rule set are compiled into one [`Prefilters`]: all
//! declared literals in one Aho-Corasick automaton, all declared words in one table over word
//! hashes, and per rule a [`Condition`]. Per field the engine finds the facts once ([`Facts`]:
//! the classes seen in the normalisation pass, the longest digit run of the skeleton, which
//! rules' literals and words occur) and calls a rule only on the fields where its condition
//! holds.
//!
//! A prefilter must be *sound*: whenever the rule would fire on a field, its prefilter holds
//! there. The differential test (`tests/prefilter_differential.rs`) runs every rule set with and
//! without prefilters over the fixtures, the corpus, real reviews and generated text, and
//! requires identical results.

pub(crate) mod class;
mod compile;

pub(crate) use class::Classes;
pub(crate) use compile::Prefilters;

/// What must be present in a field for a rule to possibly fire on it. Combine with [`or`].
///
/// [`or`]: Prefilter::or
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Prefilter {
    /// The rule may fire on any field.
    Always,
    /// One of these strings occurs in the skeleton. They are folded like a skeleton first, so
    /// `آدرس` may be written for `ادرس`; an empty list never holds.
    Literals(Vec<String>),
    /// One of these is a whole word of the skeleton (as the skeleton's words split it); with
    /// `squeezed`, compared with repeated letters collapsed on both sides (`احمققق` is
    /// `احمق`). Folded like a skeleton first; an entry that is not one word counts as a
    /// literal. Found on the words' hashes, without a pass over the text.
    Words {
        /// The words.
        words: Vec<String>,
        /// Compare with repeated letters collapsed.
        squeezed: bool,
    },
    /// One of these strings starts a word of the skeleton (as the skeleton's words split it).
    /// Folded like a skeleton first.
    WordStarts(Vec<String>),
    /// A character of one of these classes occurs (see [`Classes`]).
    Classes(Classes),
    /// The skeleton has a run of at least this many ASCII digits (Persian and Arabic-Indic
    /// digits are folded to ASCII, separators between digit groups removed).
    DigitRun(usize),
    /// One of these holds.
    Any(Vec<Prefilter>),
}

impl Prefilter {
    /// One of `literals` occurs in the skeleton.
    pub fn literals<S: AsRef<str>>(literals: impl IntoIterator<Item = S>) -> Prefilter {
        Prefilter::Literals(
            literals
                .into_iter()
                .map(|s| s.as_ref().to_owned())
                .collect(),
        )
    }

    /// One of `starts` starts a word of the skeleton (`صدو` in `صدوبیست`, not in `…صدور`).
    pub fn word_starts<S: AsRef<str>>(starts: impl IntoIterator<Item = S>) -> Prefilter {
        Prefilter::WordStarts(starts.into_iter().map(|s| s.as_ref().to_owned()).collect())
    }

    /// One of `words` is a word of the skeleton (squeezed: after collapsing repeated letters).
    pub fn words<S: AsRef<str>>(words: impl IntoIterator<Item = S>, squeezed: bool) -> Prefilter {
        Prefilter::Words {
            words: words.into_iter().map(|s| s.as_ref().to_owned()).collect(),
            squeezed,
        }
    }

    /// A character of one of `classes` occurs.
    pub fn classes(classes: Classes) -> Prefilter {
        Prefilter::Classes(classes)
    }

    /// A run of at least `n` digits in the skeleton.
    pub fn digit_run(n: usize) -> Prefilter {
        Prefilter::DigitRun(n)
    }

    /// `literal` right after a whitespace character: what `\s+literal` in a pattern needs.
    pub fn after_space(literal: &str) -> Prefilter {
        Prefilter::literals(skeleton_spaces().iter().map(|s| format!("{s}{literal}")))
    }

    /// `literal` right before a whitespace character: what `literal\s+` in a pattern needs.
    pub fn before_space(literal: &str) -> Prefilter {
        Prefilter::literals(skeleton_spaces().iter().map(|s| format!("{literal}{s}")))
    }

    /// This prefilter or `other`.
    pub fn or(self, other: Prefilter) -> Prefilter {
        match self {
            Prefilter::Any(mut all) => {
                all.push(other);
                Prefilter::Any(all)
            }
            one => Prefilter::Any(vec![one, other]),
        }
    }
}

/// The whitespace characters (regex `\s`) that a skeleton can hold: the others fold to a space.
fn skeleton_spaces() -> &'static [char] {
    static SPACES: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let mut out: Vec<char> = Vec::new();
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            for f in crate::text::skeleton_key(&c.to_string()).chars() {
                if f.is_whitespace() && !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        out
    });
    &SPACES
}

/// A rule's prefilter in the form the engine tests per field: it holds when the field has one
/// of `classes`, a digit run of at least `digit_run`, or a literal or word of group `group`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Condition {
    always: bool,
    classes: Classes,
    digit_run: Option<usize>,
    group: Option<usize>,
}

/// What one field holds, as the prefilters ask it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    /// Classes seen in the field (original text and skeleton).
    pub classes: Classes,
    /// Longest run of ASCII digits in the skeleton.
    pub digit_run: usize,
    /// Groups with a literal or word in the field (bits).
    pub groups: Vec<u64>,
    /// Prefilters are off: every condition holds.
    pub everything: bool,
}

impl Facts {
    /// Whether `c` holds for this field.
    #[inline]
    pub fn holds(&self, c: &Condition) -> bool {
        self.everything
            || c.always
            || self.classes.intersects(c.classes)
            || c.digit_run.is_some_and(|n| self.digit_run >= n)
            || c.group.is_some_and(|g| {
                self.groups
                    .get(g / 64)
                    .is_some_and(|w| w & (1 << (g % 64)) != 0)
            })
    }

    /// Whether the field has a character of one of `classes` (always true with prefilters off,
    /// so a rule that branches on it is checked by the differential test too).
    #[inline]
    pub fn has(&self, classes: Classes) -> bool {
        self.everything || self.classes.intersects(classes)
    }
}
