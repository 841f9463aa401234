//! What rules see of one comment: each field with its skeleton, words and facts.

use std::cell::{Cell, OnceCell, RefCell};
use std::time::Instant;

use crate::model::{Comment, Field, Kind};
use crate::numbers::{NumberChunk, NumberWords, chunks};
use crate::prefilter::class::OriginalClasses;
use crate::prefilter::{Classes, Facts, Prefilters};
use crate::text::{Skeleton, Word};

/// The buffers of one prepared field, kept between comments so that a field costs no
/// allocation once the buffers have grown to its size.
#[derive(Debug, Default)]
pub(crate) struct FieldBuffers {
    cps: Vec<char>,
    skeleton: Skeleton,
    groups: Vec<u64>,
}

impl FieldBuffers {
    /// Bytes of text the buffers were last used for.
    pub fn size(&self) -> usize {
        self.skeleton.text.len().max(self.cps.len())
    }
}

/// One field prepared for matching.
pub(crate) struct FieldText<'a> {
    pub field: Field,
    pub original: &'a str,
    /// Length of `original` in code points.
    pub chars: usize,
    /// The code points of `original`, shared by the rules that scan the original text.
    pub cps: Vec<char>,
    /// What the field holds, as prefilters ask it.
    pub facts: Facts,
    /// The skeleton and its words: built in the same pass as the code points, or on first use
    /// when the prefilters did not need it (the re-checks after repairs).
    skeleton: OnceCell<Skeleton>,
    /// The buffers for a skeleton built on first use.
    spare: Cell<Option<Skeleton>>,
    /// The numbers of the field (glued digit runs included), read once per set of number
    /// words ([`NumberWords::id`]) and shared by the rules that read numbers.
    numbers: RefCell<Vec<(u64, Vec<NumberChunk<'static>>)>>,
}

impl std::fmt::Debug for FieldText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FieldText")
            .field("field", &self.field)
            .field("original", &self.original)
            .field("facts", &self.facts)
            .finish_non_exhaustive()
    }
}

impl<'a> FieldText<'a> {
    /// Prepares `original`: its code points and classes in one pass, with the skeleton, its
    /// words and the groups of `prefilters` when `skeleton` (else the skeleton's facts are
    /// assumed present). Without prefilters every fact holds.
    pub fn new(
        field: Field,
        original: &'a str,
        buffers: FieldBuffers,
        prefilters: Option<&Prefilters>,
        skeleton: bool,
    ) -> FieldText<'a> {
        let FieldBuffers {
            mut cps,
            skeleton: mut sk,
            mut groups,
        } = buffers;
        cps.clear();
        // At most one code point per byte: no regrowth.
        cps.reserve(original.len());
        let mut original_classes = OriginalClasses::default();
        let built = OnceCell::new();
        let spare = Cell::new(None);
        let mut classes;
        let digit_run;
        if skeleton {
            let found = sk.rebuild(original, |c| {
                cps.push(c);
                original_classes.push(c);
            });
            classes = original_classes.classes();
            if found.latin {
                classes = classes.or(Classes::LATIN);
            }
            if found.repeated_word {
                classes = classes.or(Classes::REPEATED_WORD);
            }
            if found.latin_digit_word {
                classes = classes.or(Classes::LATIN_DIGIT_WORD);
            }
            if found.spelled_letters {
                classes = classes.or(Classes::SPELLED_LETTERS);
            }
            if found.dot_non_ascii {
                classes = classes.or(Classes::DOT_NON_ASCII);
            }
            if found.bidi_control {
                classes = classes.or(Classes::BIDI_CONTROL);
            }
            digit_run = found.longest_digit_run;
            match prefilters {
                Some(p) => p.scan(&sk, &mut groups),
                None => groups.clear(),
            }
            let _ = built.set(sk);
        } else {
            for c in original.chars() {
                cps.push(c);
                original_classes.push(c);
            }
            classes = original_classes.classes().or(Classes::OF_SKELETON);
            digit_run = usize::MAX;
            match prefilters {
                Some(p) => p.all_groups(&mut groups),
                None => groups.clear(),
            }
            spare.set(Some(sk));
        }
        FieldText {
            field,
            original,
            chars: cps.len(),
            cps,
            facts: Facts {
                classes,
                digit_run,
                groups,
                everything: prefilters.is_none(),
            },
            skeleton: built,
            spare,
            numbers: RefCell::new(Vec::new()),
        }
    }

    /// Gives the buffers back for the next comment.
    pub fn into_buffers(self) -> FieldBuffers {
        FieldBuffers {
            cps: self.cps,
            skeleton: self
                .skeleton
                .into_inner()
                .or(self.spare.into_inner())
                .unwrap_or_default(),
            groups: self.facts.groups,
        }
    }

    /// The skeleton, with its map back to the original.
    pub fn skeleton(&self) -> &Skeleton {
        self.skeleton.get_or_init(|| {
            let mut sk = self.spare.take().unwrap_or_default();
            sk.rebuild(self.original, |_| {});
            sk
        })
    }

    /// Words of the skeleton.
    pub fn words(&self) -> &[Word] {
        &self.skeleton().words
    }

    /// The skeleton text.
    pub fn sk(&self) -> &str {
        &self.skeleton().text
    }

    /// The numbers of the field read with `nw` (see [`chunks`]); with `glued`, also the digit
    /// runs inside Latin words. Read on the first call for a set of number words, then shared.
    pub fn numbers(&self, nw: &NumberWords, glued: bool) -> Vec<NumberChunk<'_>> {
        let sk = self.sk();
        let keep = |c: &&NumberChunk<'static>| glued || !c.glued;
        if let Some((_, cached)) = self.numbers.borrow().iter().find(|(id, _)| *id == nw.id()) {
            return cached.iter().filter(keep).map(|c| c.attach(sk)).collect();
        }
        let read = chunks(sk, self.words(), nw, true);
        let out = read.iter().filter(|c| glued || !c.glued).copied().collect();
        self.numbers
            .borrow_mut()
            .push((nw.id(), read.iter().map(NumberChunk::detach).collect()));
        out
    }

    /// A hit for a skeleton byte range.
    pub fn hit(&self, start: usize, end: usize) -> Hit {
        let (s, e) = self.skeleton().to_original(start, end);
        Hit {
            field: self.field,
            start: s,
            end: e,
            fix: None,
        }
    }

    /// A hit covering skeleton words `first..=last`.
    pub fn hit_words(&self, first: usize, last: usize) -> Hit {
        let ws = self.words();
        self.hit(ws[first].start, ws[last].end)
    }

    /// A hit for an original code-point range.
    pub fn hit_cp(&self, start: usize, end: usize) -> Hit {
        Hit {
            field: self.field,
            start,
            end,
            fix: None,
        }
    }
}

/// The time a comment may take, checked between rules and inside the loops over candidates.
#[derive(Debug, Default)]
pub(crate) struct Deadline {
    at: Option<Instant>,
    calls: Cell<u32>,
    passed: Cell<bool>,
}

/// Calls to [`Deadline::passed`] between two readings of the clock.
const CLOCK_EVERY: u32 = 16;

impl Deadline {
    /// No deadline, or `at`.
    pub fn new(at: Option<Instant>) -> Deadline {
        Deadline {
            at,
            calls: Cell::new(0),
            passed: Cell::new(false),
        }
    }

    /// The instant it passes, if any.
    pub fn at(&self) -> Option<Instant> {
        self.at
    }

    /// Whether the deadline has passed; reads the clock every few calls, so that a loop can
    /// ask for every candidate.
    #[inline]
    pub fn passed(&self) -> bool {
        if self.at.is_none() {
            return false;
        }
        let n = self.calls.get().wrapping_add(1);
        self.calls.set(n);
        if n.is_multiple_of(CLOCK_EVERY) {
            self.check();
        }
        self.passed.get()
    }

    /// Reads the clock now (between rules).
    pub fn check(&self) -> bool {
        if let Some(at) = self.at
            && !self.passed.get()
            && Instant::now() >= at
        {
            self.passed.set(true);
        }
        self.passed.get()
    }
}

/// A comment prepared for matching.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub kind: Kind,
    /// Storefront language of the comment (`fa`, `en`, ...).
    pub lang: &'a str,
    pub product: Option<&'a str>,
    pub title: Option<FieldText<'a>>,
    pub body: FieldText<'a>,
    pub deadline: Deadline,
}

/// What a comment's fields are read with: the prefilters to evaluate (none: every rule runs)
/// and whether the skeleton is built up front.
#[derive(Clone, Copy)]
pub(crate) struct Reading<'p> {
    pub prefilters: Option<&'p Prefilters>,
    pub skeleton: bool,
}

impl<'a> Ctx<'a> {
    /// The context of `comment` with fields `title` and `body` (its own, or its repaired
    /// text), read into `buffers` (title, body; reused from an earlier comment when given),
    /// judged until `deadline`.
    pub fn new(
        comment: &'a Comment,
        title: Option<&'a str>,
        body: &'a str,
        buffers: [Option<FieldBuffers>; 2],
        reading: Reading<'_>,
        deadline: Option<Instant>,
    ) -> Ctx<'a> {
        let [title_buffers, body_buffers] = buffers;
        let read = |field, text, buffers: Option<FieldBuffers>| {
            FieldText::new(
                field,
                text,
                buffers.unwrap_or_default(),
                reading.prefilters,
                reading.skeleton,
            )
        };
        Ctx {
            kind: comment.kind,
            lang: &comment.lang,
            product: comment.product.as_deref(),
            title: title.map(|t| read(Field::Title, t, title_buffers)),
            body: read(Field::Body, body, body_buffers),
            deadline: Deadline::new(deadline),
        }
    }

    /// Title (when present) then body.
    pub fn fields(&self) -> impl Iterator<Item = &FieldText<'a>> {
        self.title.iter().chain(std::iter::once(&self.body))
    }

    /// Whether the deadline has passed: rules ask inside their loops over candidates and
    /// stop early (the engine then discards the comment's result).
    #[inline]
    pub fn out_of_time(&self) -> bool {
        self.deadline.passed()
    }

    /// Whether the deadline has passed, reading the clock now: for loops whose every step is
    /// expensive (a phone number validation takes microseconds).
    #[inline]
    pub fn out_of_time_now(&self) -> bool {
        self.deadline.check()
    }

    /// Gives the buffers of both fields back.
    pub fn into_buffers(self) -> [Option<FieldBuffers>; 2] {
        [
            self.title.map(FieldText::into_buffers),
            Some(self.body.into_buffers()),
        ]
    }
}

/// The fields of a comment a rule is called on: those where its prefilter holds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'c, 'a> {
    cx: &'c Ctx<'a>,
    title: bool,
    body: bool,
}

impl<'c, 'a> Fields<'c, 'a> {
    /// The title (when `title` and present) and the body (when `body`).
    pub fn new(cx: &'c Ctx<'a>, title: bool, body: bool) -> Fields<'c, 'a> {
        Fields { cx, title, body }
    }
}

impl<'c, 'a> IntoIterator for Fields<'c, 'a> {
    type Item = &'c FieldText<'a>;
    type IntoIter = std::iter::Flatten<std::array::IntoIter<Option<&'c FieldText<'a>>, 2>>;

    fn into_iter(self) -> Self::IntoIter {
        [
            self.cx.title.as_ref().filter(|_| self.title),
            Some(&self.cx.body).filter(|_| self.body),
        ]
        .into_iter()
        .flatten()
    }
}

/// A replacement of an original code-point range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One place a rule fired, in code points of the original field, with an optional repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub fix: Option<Edit>,
}

impl Hit {
    /// Attaches a replacement of the hit's own span.
    pub fn with_fix(mut self, text: impl Into<String>) -> Hit {
        self.fix = Some(Edit {
            start: self.start,
            end: self.end,
            text: text.into(),
        });
        self
    }

    /// Attaches a replacement of another range (e.g. an emoji plus the space before it).
    pub fn with_edit(mut self, start: usize, end: usize, text: impl Into<String>) -> Hit {
        self.fix = Some(Edit {
            start,
            end,
            text: text.into(),
        });
        self
    }
}
