//! What rules see of one comment: each field with its skeleton and words.

use crate::model::{Field, Kind};
use crate::text::{Skeleton, Word};

/// What a field contains, found in one pass, so that style rules skip fields they cannot
/// fire on (most comments have no emoji, kashida, Arabic letters or repeated marks).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Features {
    /// Arabic keyboard letters or Arabic-Indic digits.
    pub arabic_forms: bool,
    /// Kashida (U+0640).
    pub kashida: bool,
    /// The same letter twice in a row (repeated-letters needs at least two).
    pub double_letter: bool,
    /// The same letter three times in a row (repeated-letters with its default `min_run`).
    pub triple_letter: bool,
    /// Two horizontal spaces in a row, a space before punctuation, or three line breaks.
    pub spacing: bool,
    /// Two punctuation marks (`! ? ؟ . …`) in a row.
    pub repeated_marks: bool,
    /// A character that may be part of an emoji or an emoticon.
    pub emoji_candidate: bool,
    /// An ASCII letter.
    pub latin: bool,
}

/// Per-character bits [`Features::of`] combines.
const ARABIC_FORM: u16 = 1;
const KASHIDA: u16 = 2;
const NEWLINE: u16 = 4;
const EMOJI: u16 = 8;
const LATIN: u16 = 16;
const LETTER: u16 = 32;
const SPACE: u16 = 64;
const SPACE_OR_CLOSING: u16 = 128;
const MARK: u16 = 256;
/// Characters below this take their bits from [`BITS`].
const TABLE_END: u32 = 0x0700;

/// What one character says about a field.
fn bits(c: char) -> u16 {
    let u = c as u32;
    let mut b = 0;
    match c {
        'ي' | 'ى' | 'ك' | 'ة' | '\u{0660}'..='\u{0669}' => b |= ARABIC_FORM,
        '\u{0640}' => b |= KASHIDA,
        '\n' => b |= NEWLINE,
        ':' | ';' | '^' | '<' | '=' | 'x' | 'X' => b |= EMOJI,
        _ => {}
    }
    if u >= 0x2190 && !(0x0600..=0x06FF).contains(&u) && !(0xFB50..=0xFEFF).contains(&u) {
        b |= EMOJI;
    }
    // Cyrillic and Greek fold to Latin look-alikes in the skeleton.
    if c.is_ascii_alphabetic() || (0x0370..=0x04FF).contains(&u) {
        b |= LATIN;
    }
    if crate::text::is_letter(c) {
        b |= LETTER;
    }
    let space = matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}'
    );
    if space {
        b |= SPACE | SPACE_OR_CLOSING;
    }
    if matches!(c, '.' | ',' | '!' | '?' | '،' | '؛' | '؟' | ')' | '»') {
        b |= SPACE_OR_CLOSING;
    }
    if matches!(c, '!' | '?' | '؟' | '.' | '…') {
        b |= MARK;
    }
    b
}

/// [`bits`] of every character below [`TABLE_END`], computed once from `bits` itself.
static BITS: std::sync::LazyLock<Vec<u16>> = std::sync::LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).map_or(0, bits))
        .collect()
});

impl Features {
    /// The features of `original`, collecting its code points into `cps` in the same pass.
    fn collect(original: &str, cps: &mut Vec<char>) -> Features {
        let table = &*BITS;
        let mut any = 0u16;
        let (mut double, mut triple, mut spacing, mut repeated) = (false, false, false, false);
        let mut p2 = '\0';
        let mut newlines = 0usize;
        let mut p1 = '\0';
        let mut pb = 0u16;
        for c in original.chars() {
            cps.push(c);
            let u = c as u32;
            let b = if u < TABLE_END {
                table[u as usize]
            } else {
                bits(c)
            };
            any |= b;
            double |= c == p1 && b & LETTER != 0;
            triple |= c == p1 && c == p2 && b & LETTER != 0;
            spacing |= pb & SPACE != 0 && b & SPACE_OR_CLOSING != 0;
            repeated |= pb & MARK != 0 && b & MARK != 0;
            newlines += usize::from(b & NEWLINE != 0);
            p2 = p1;
            p1 = c;
            pb = b;
        }
        Features {
            arabic_forms: any & ARABIC_FORM != 0,
            kashida: any & KASHIDA != 0,
            double_letter: double,
            triple_letter: triple,
            spacing: spacing || newlines >= 3,
            repeated_marks: repeated,
            emoji_candidate: any & EMOJI != 0,
            latin: any & LATIN != 0,
        }
    }
}

/// One field prepared for matching.
#[derive(Debug)]
pub(crate) struct FieldText<'a> {
    pub field: Field,
    pub original: &'a str,
    /// Length of `original` in code points.
    pub chars: usize,
    /// The code points of `original`, shared by the rules that scan the original text.
    pub cps: Vec<char>,
    pub features: Features,
    /// Skeleton and its words, built on first use: the re-checks after fixes only run rules
    /// that scan the code points, and never pay for it.
    text: std::cell::OnceCell<(Skeleton, Vec<Word>)>,
    /// Which rules' literals occur in the skeleton, found on first use (see `needles`).
    needles: std::cell::OnceCell<u32>,
}

impl<'a> FieldText<'a> {
    pub fn new(field: Field, original: &'a str) -> FieldText<'a> {
        // At most one code point per byte: one allocation, no regrowth.
        let mut cps = Vec::with_capacity(original.len());
        let features = Features::collect(original, &mut cps);
        FieldText {
            field,
            original,
            features,
            chars: cps.len(),
            cps,
            text: std::cell::OnceCell::new(),
            needles: std::cell::OnceCell::new(),
        }
    }

    fn prepared(&self) -> &(Skeleton, Vec<Word>) {
        self.text.get_or_init(|| {
            let mut skeleton = Skeleton::new(self.original);
            let words = std::mem::take(&mut skeleton.words);
            (skeleton, words)
        })
    }

    /// The skeleton, with its map back to the original.
    pub fn skeleton(&self) -> &Skeleton {
        &self.prepared().0
    }

    /// Words of the skeleton.
    pub fn words(&self) -> &[Word] {
        &self.prepared().1
    }

    /// Whether one of the literals of `group` occurs in the skeleton.
    pub fn has_needle(&self, group: crate::needles::Group) -> bool {
        group.in_mask(*self.needles.get_or_init(|| crate::needles::scan(self.sk())))
    }

    /// The skeleton text.
    pub fn sk(&self) -> &str {
        &self.skeleton().text
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
