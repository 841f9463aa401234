//! Character folding: NFKC, Arabic letter forms to Persian, digits (and circled digits) to
//! ASCII, look-alikes to Latin.

use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory};
use icu_properties::{CodePointMapData, CodePointSetData};
use unicode_normalization::UnicodeNormalization;

/// Characters removed from the skeleton: kashida, Arabic diacritics, and every invisible
/// character (Unicode's Default_Ignorable_Code_Point and format characters: zero-width and bidi
/// controls, U+061C, U+180E, variation selectors, tags ...) except the blank ones a browser
/// shows as a space (see [`is_blank`]).
pub fn is_dropped(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    is_listed_dropped(c)
        || (!is_blank(c)
            && (CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
                || CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format))
}

/// Letters and symbols that show as an empty space (Braille blank, Hangul fillers): folded to
/// a space.
fn is_blank(c: char) -> bool {
    matches!(
        c,
        '\u{2800}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'
    )
}

/// Combining marks (general category Mn or Me): keycap U+20E3, strike-through U+0336 ...
pub(crate) fn is_combining_mark(c: char) -> bool {
    !c.is_ascii()
        && matches!(
            CodePointMapData::<GeneralCategory>::new().get(c),
            GeneralCategory::NonspacingMark | GeneralCategory::EnclosingMark
        )
}

/// The value of a decimal digit of any script (general category Nd). Unicode assigns them in
/// runs of ten from 0 to 9, so a digit's value is its distance from its run's start, modulo 10.
fn digit_value(c: char) -> Option<u8> {
    static RANGES: std::sync::LazyLock<Vec<(u32, u32)>> = std::sync::LazyLock::new(|| {
        CodePointMapData::<GeneralCategory>::new()
            .iter_ranges_for_value(GeneralCategory::DecimalNumber)
            .map(|r| (*r.start(), *r.end()))
            .collect()
    });
    let u = c as u32;
    let i = RANGES.partition_point(|&(_, end)| end < u);
    let &(start, end) = RANGES.get(i)?;
    (start <= u && u <= end).then(|| ((u - start) % 10) as u8)
}

/// The characters this crate always drops, whatever their Unicode properties.
fn is_listed_dropped(c: char) -> bool {
    matches!(c,
        '\u{0640}'                      // kashida (tatweel)
        | '\u{200B}'..='\u{200F}'       // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // bidi isolates
        | '\u{00AD}'                    // soft hyphen
        | '\u{FEFF}'                    // BOM / zero-width no-break space
        | '\u{034F}'                    // combining grapheme joiner
        | '\u{0610}'..='\u{061A}'       // Arabic small signs
        | '\u{064B}'..='\u{065F}'       // harakat, tanwin, shadda, sukun
        | '\u{0670}'                    // superscript alef
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{FE00}'..='\u{FE0F}'       // variation selectors
    )
}

/// Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they change the
/// order a browser shows text in.
#[inline]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Folds one character after NFKC: calls `out` for each resulting character (none when dropped).
pub fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    if is_dropped(c) {
        return;
    }
    if needs_nfkc(c) {
        for d in std::iter::once(c).nfkc() {
            if d.is_ascii() {
                out(d.to_ascii_lowercase());
            } else if !is_dropped(d) {
                out(fold_simple(d));
            }
        }
    } else {
        out(fold_simple(c));
    }
}

/// Persian letters, digits and common punctuation are already NFKC-stable; skip the work.
fn needs_nfkc(c: char) -> bool {
    !matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0400}'..='\u{04FF}' | '\u{0370}'..='\u{03FF}')
        || matches!(c, '\u{0675}'..='\u{0678}')
}

fn fold_simple(c: char) -> char {
    match c {
        // Arabic letter forms to Persian.
        '\u{064A}' | '\u{0649}' | '\u{06CD}' | '\u{06D0}' | '\u{06CE}' | '\u{0626}' => '\u{06CC}',
        '\u{0643}' | '\u{06AA}' => '\u{06A9}',
        '\u{0629}' | '\u{06C0}' | '\u{06D5}' | '\u{06BE}' | '\u{06C1}' | '\u{06C2}'
        | '\u{06C3}' => '\u{0647}',
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
        '\u{0624}' => '\u{0648}',
        // Persian and Arabic-Indic digits to ASCII.
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        // Circled digits that NFKC leaves as they are (it reads `①` as 1, not these):
        // negative circled `⓿`, dingbat `❶` `➀` `➊`, double circled `⓵`, sans-serif `🄋` `🄌`.
        '\u{24FF}' | '\u{1F10B}' | '\u{1F10C}' => '0',
        '\u{2776}'..='\u{277E}' => char::from(b'1' + (c as u32 - 0x2776) as u8),
        '\u{2780}'..='\u{2788}' => char::from(b'1' + (c as u32 - 0x2780) as u8),
        '\u{278A}'..='\u{2792}' => char::from(b'1' + (c as u32 - 0x278A) as u8),
        '\u{24F5}'..='\u{24FD}' => char::from(b'1' + (c as u32 - 0x24F5) as u8),
        // Ideographic full stop (IDNA reads it as a label separator; NFKC gives it for U+FF61).
        '\u{3002}' => '.',
        // Arabic punctuation that has an ASCII twin.
        '\u{066B}' => '.', // Arabic decimal separator
        '\u{06D4}' => '.', // Arabic full stop
        '\u{2024}' | '\u{2027}' | '\u{00B7}' => '.',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ if is_blank(c) => ' ',
        // Cyrillic look-alikes.
        'а' | 'А' => 'a',
        'в' => 'b',
        'е' | 'Е' | 'ё' => 'e',
        'к' | 'К' => 'k',
        'м' | 'М' => 'm',
        'н' | 'Н' => 'h',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'с' | 'С' => 'c',
        'т' | 'Т' => 't',
        'у' | 'У' => 'y',
        'х' | 'Х' => 'x',
        'ѕ' | 'Ѕ' => 's',
        'і' | 'І' | 'ї' => 'i',
        'ј' | 'Ј' => 'j',
        'ԁ' => 'd',
        'ӏ' | 'Ӏ' => 'l',
        'В' => 'b',
        // Greek look-alikes.
        'α' | 'Α' => 'a',
        'β' | 'Β' => 'b',
        'ε' | 'Ε' => 'e',
        'ι' | 'Ι' => 'i',
        'κ' | 'Κ' => 'k',
        'ν' | 'Ν' => 'v',
        'ο' | 'Ο' => 'o',
        'ρ' | 'Ρ' => 'p',
        'τ' | 'Τ' => 't',
        'υ' | 'Υ' => 'u',
        'χ' | 'Χ' => 'x',
        'Ζ' => 'z',
        'Η' => 'h',
        'Μ' => 'm',
        // The Arabic block and its presentation forms have no case.
        '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FEFF}' => c,
        other => {
            if let Some(d) = digit_value(other) {
                char::from(b'0' + d)
            } else if other.is_uppercase() {
                let mut lower = other.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => l,
                    _ => other,
                }
            } else {
                other
            }
        }
    }
}
