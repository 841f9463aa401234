//! Imported bytes as text: a byte-order mark names the encoding (UTF-8, UTF-16 LE or BE) and
//! is never kept in the text (a kept one hides the first line's Markdown: `\u{feff}# Terms` is
//! a paragraph, not a heading); whether a body has any text at all.

use std::borrow::Cow;

/// `text` without a leading byte-order mark (U+FEFF).
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The text of `bytes` that start with a UTF-16 byte-order mark, decoded without the mark;
/// `None` when they do not start with one. `Err` holds the encoding's name when the bytes are
/// not valid in it.
pub(crate) fn decode_utf16(bytes: &[u8]) -> Option<Result<String, &'static str>> {
    let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes)?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    Some(
        encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(Cow::into_owned)
            .ok_or(encoding.name()),
    )
}

/// The text of `bytes` in the encoding its byte-order mark names (UTF-8 without one), the
/// mark dropped and bytes invalid in the encoding replaced by U+FFFD.
pub(crate) fn decode_lossy(bytes: &[u8]) -> String {
    let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_8, 0));
    encoding
        .decode_without_bom_handling(&bytes[bom..])
        .0
        .into_owned()
}

/// Whether a Markdown body has any text a reader would see: a letter or a digit outside the
/// markup.
pub(crate) fn has_text(markdown: &str) -> bool {
    plain_has_text(&davar_policy::plain_text(markdown))
}

/// Whether the plain text of a body ([`davar_policy::plain_text`]) has a letter or a digit.
pub(crate) fn plain_has_text(plain: &str) -> bool {
    plain.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_name_the_encoding_and_are_dropped() {
        assert_eq!(decode_lossy(b"\xEF\xBB\xBF# Terms\n"), "# Terms\n");
        assert_eq!(decode_lossy(b"\xFF\xFE#\x00 \x00T\x00"), "# T");
        assert_eq!(decode_lossy(b"\xFE\xFF\x00#\x00 \x00T"), "# T");
        assert_eq!(decode_lossy(b"plain \xC3\xA9"), "plain é");
        assert_eq!(
            decode_utf16(b"\xFF\xFE#\x00 \x00\xE9\x00"),
            Some(Ok("# é".into()))
        );
        assert_eq!(decode_utf16(b"\xEF\xBB\xBF# T"), None);
        assert_eq!(decode_utf16(b"# T"), None);
        // A lone low surrogate is not UTF-16.
        assert_eq!(decode_utf16(b"\xFF\xFE\x00\xDC"), Some(Err("UTF-16LE")));
        assert_eq!(strip_bom("\u{feff}# T"), "# T");
    }

    #[test]
    fn markup_alone_is_no_text() {
        assert!(!has_text(""));
        assert!(!has_text(" \n\n\t\n"));
        assert!(!has_text("### \n\n---\n\n- \n"));
        assert!(has_text("# Terms\n"));
        assert!(has_text("| 5 |\n|---|\n"));
        assert!(has_text("متن"));
    }
}
