//! What rules see of one comment: each field with its skeleton and words.

use crate::model::{Field, Kind};
use crate::text::{Skeleton, Word};

/// One field prepared for matching.
#[derive(Debug)]
pub(crate) struct FieldText<'a> {
    pub field: Field,
    pub original: &'a str,
    /// Length of `original` in code points.
    pub chars: usize,
    /// The code points of `original`, shared by the rules that scan the original text.
    pub cps: Vec<char>,
    pub skeleton: Skeleton,
    pub words: Vec<Word>,
}

impl<'a> FieldText<'a> {
    pub fn new(field: Field, original: &'a str) -> FieldText<'a> {
        let mut cps = Vec::new();
        let mut skeleton = Skeleton::with_code_points(original, &mut cps);
        let words = std::mem::take(&mut skeleton.words);
        FieldText {
            field,
            original,
            chars: cps.len(),
            cps,
            skeleton,
            words,
        }
    }

    /// The skeleton text.
    pub fn sk(&self) -> &str {
        &self.skeleton.text
    }

    /// A hit for a skeleton byte range.
    pub fn hit(&self, start: usize, end: usize) -> Hit {
        let (s, e) = self.skeleton.to_original(start, end);
        Hit {
            field: self.field,
            start: s,
            end: e,
            fix: None,
        }
    }

    /// A hit covering skeleton words `first..=last`.
    pub fn hit_words(&self, first: usize, last: usize) -> Hit {
        self.hit(self.words[first].start, self.words[last].end)
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

/// A comment prepared for matching.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub kind: Kind,
    /// Storefront language of the comment (`fa`, `en`, ...).
    pub lang: &'a str,
    pub product: Option<&'a str>,
    pub title: Option<FieldText<'a>>,
    pub body: FieldText<'a>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        kind: Kind,
        lang: &'a str,
        product: Option<&'a str>,
        title: Option<&'a str>,
        body: &'a str,
    ) -> Ctx<'a> {
        Ctx {
            kind,
            lang,
            product,
            title: title.map(|t| FieldText::new(Field::Title, t)),
            body: FieldText::new(Field::Body, body),
        }
    }

    /// Title (when present) then body.
    pub fn fields(&self) -> impl Iterator<Item = &FieldText<'a>> {
        self.title.iter().chain(std::iter::once(&self.body))
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
