//! Free text people send with decisions (a moderator's note and edit, an author's appeal):
//! whether anything readable is left once invisible characters, lone marks, private-use and
//! unassigned code points are set aside, and the length
//! limit every such field shares.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Whether `c` shows nothing on its own: white space, control and format characters
/// (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, soft hyphen,
/// byte order mark, tags), and the other default-ignorable code points that fonts draw as
/// nothing (variation selectors, the combining grapheme joiner, Hangul fillers, Khmer and
/// Mongolian invisible vowels and selectors) or as blank (the Braille blank).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c.general_category(),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
                | GeneralCategory::SpaceSeparator
        )
        || matches!(
            c,
            '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FFA0}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// Whether `c` can be read on its own: an assigned letter, digit, symbol or punctuation mark
/// that is not [`is_invisible`]. Marks (combining accents, variation selectors) only change the
/// character before them, private-use and unassigned code points show a box or nothing, and an
/// emoji skin-tone modifier alone is a colour swatch: none of them says anything by itself.
pub fn is_readable(c: char) -> bool {
    use GeneralCategory as G;
    let readable_class = matches!(
        c.general_category(),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::DecimalNumber
            | G::LetterNumber
            | G::OtherNumber
            | G::ConnectorPunctuation
            | G::DashPunctuation
            | G::OpenPunctuation
            | G::ClosePunctuation
            | G::InitialPunctuation
            | G::FinalPunctuation
            | G::OtherPunctuation
            | G::MathSymbol
            | G::CurrencySymbol
            | G::ModifierSymbol
            | G::OtherSymbol
    );
    readable_class && !is_invisible(c) && !matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// Whether `text` has at least one readable character ([`is_readable`]).
pub fn has_visible(text: &str) -> bool {
    text.chars().any(is_readable)
}

/// Refuses `text` (the request field `field`) longer than `limit` characters: the message
/// names the field, its length and the limit.
pub fn within_limit(field: &str, text: &str, limit: usize) -> Result<(), String> {
    // A string of at most `limit` bytes has at most `limit` code points.
    if text.len() <= limit {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars <= limit {
        return Ok(());
    }
    Err(format!(
        "`{field}` has {chars} characters; the limit is {limit}: shorten it"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_leave_nothing_visible() {
        for text in [
            "",
            " \t\n",
            "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
            "\u{202E}\u{202C}\u{2066}\u{2069}\u{061C}\u{200E}\u{200F}",
            "\u{00A0}\u{3000}\u{2028}\u{2029}",
            "\u{3164}\u{115F}\u{FE0F}\u{034F}\u{E0041}\u{2800}",
            "\u{00AD}\u{180E}",
            "\u{0301}\u{0651}",
            "\u{E000}\u{F8FF}\u{F0000}",
            "\u{0378}\u{0378}",
            "\u{FE0F}\u{E0100}",
            "\u{1F3FB}\u{1F3FF}",
        ] {
            assert!(!has_visible(text), "{text:?}");
        }
        for text in [
            "a",
            "\u{200B}ب\u{200B}",
            "۱",
            "😀",
            ".",
            "\u{202E}x",
            "👍\u{1F3FB}",
            "é",
            "$",
        ] {
            assert!(has_visible(text), "{text:?}");
        }
    }

    #[test]
    fn the_limit_counts_characters_not_bytes() {
        assert!(within_limit("note", "ببببب", 5).is_ok());
        let err = within_limit("note", "بببببب", 5).unwrap_err();
        assert_eq!(err, "`note` has 6 characters; the limit is 5: shorten it");
        assert!(within_limit("note", "", 0).is_ok());
    }
}
