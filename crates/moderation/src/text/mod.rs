//! Text normalisation: the matching skeleton of a field and its map back to the original.

mod builder;
mod fold;
mod skeleton;
mod spelled;
mod words;

pub(crate) use fold::is_combining_mark;
pub use fold::{fold_char, is_bidi_control, is_dropped};
pub use skeleton::Skeleton;
pub(crate) use words::{Word, is_word_char, push_squeezed, squeeze, squeeze_cow, word_hash, words};
pub use words::{is_letter, is_letter_or_digit};

/// The letter a digit stands for in a Latin word written with digits for letters that look
/// alike (`amaz0n`, `zer0`, `thr33`, `T4rget`): `0` o, `1` i (callers also try l), `3` e, `4` a,
/// `5` s, `7` t, `9` g. One table for the readers of store names and of number words.
pub(crate) fn digit_letter(d: u8) -> Option<u8> {
    Some(match d {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'7' => b't',
        b'9' => b'g',
        _ => return None,
    })
}

/// The Persian twin of an Arabic keyboard form: `ي ى`→`ی`, `ك`→`ک`, `ة`→`ه`, the
/// Arabic-Indic digits `٠-٩`→`۰-۹`.
pub(crate) fn persian_form(c: char) -> Option<char> {
    Some(match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x06F0)?,
        _ => return None,
    })
}

/// `word` in the standard Persian spelling that Persian word lists use (`crates/input`'s
/// nouns): Arabic keyboard forms as their Persian twins ([`persian_form`]), without the
/// tatweel (kashida) and the Arabic diacritics (harakat, tanwin, the superscript alef). Unlike
/// the skeleton it keeps `آ` and the zero-width non-joiner.
pub(crate) fn standard_spelling(word: &str) -> String {
    word.chars()
        .filter(|&c| c != '\u{640}' && !('\u{64B}'..='\u{65F}').contains(&c) && c != '\u{670}')
        .map(|c| persian_form(c).unwrap_or(c))
        .collect()
}

/// The skeleton of `text` (for lexicon entries and patterns): folded exactly like a field.
pub fn skeleton_key(text: &str) -> String {
    Skeleton::new(text).text
}

/// Folds the non-ASCII characters of a regex pattern like the skeleton does, so patterns can be
/// written in ordinary Persian (`آدرس`) and still match the skeleton (`ادرس`).
pub(crate) fn fold_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if !is_dropped(c) {
            fold_char(c, &mut |f| out.push(f));
        }
    }
    out
}
