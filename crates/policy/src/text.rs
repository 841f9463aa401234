//! Small text helpers shared by clause ids, checks and pages.

/// `text` with its first letter in upper case (`refunds` -> `Refunds`, `ärger` -> `Ärger`).
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The ASCII digit of a decimal digit in ASCII, Persian (`۰`-`۹`) or Arabic-Indic (`٠`-`٩`)
/// script; `None` for any other character.
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        _ => None,
    }
}

/// The Persian letter an Arabic letter is typed for in Persian text (`ي` and `ى` for `ی`, `ك`
/// for `ک`); any other character is itself. Each pair has the same length in UTF-8, so a text
/// mapped character by character keeps its byte offsets.
pub fn persian_letter(c: char) -> char {
    match c {
        '\u{064A}' | '\u{0649}' => '\u{06CC}',
        '\u{0643}' => '\u{06A9}',
        c => c,
    }
}

/// The decimal number `text` starts with (`13`, `15.6.2`, `۱۴.۲`), in ASCII digits: a run of
/// digits of any script and dots, starting with a digit and followed by the end, white space
/// or `)`. `13. Application` gives `13`, `3rd party` and `Fees` nothing.
pub fn decimal_number(text: &str) -> Option<String> {
    let end = text
        .char_indices()
        .find(|&(_, c)| !(ascii_digit(c).is_some() || c == '.'))
        .map_or(text.len(), |(i, _)| i);
    let after = text[end..].chars().next();
    let written = text[..end].trim_end_matches('.');
    let number: String = written
        .chars()
        .map(|c| ascii_digit(c).unwrap_or(c))
        .collect();
    (number.starts_with(|c: char| c.is_ascii_digit())
        && after.is_none_or(|c| c.is_whitespace() || c == ')'))
    .then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_script() {
        assert_eq!(ascii_digit('۴'), Some('4'));
        assert_eq!(ascii_digit('٨'), Some('8'));
        assert_eq!(ascii_digit('7'), Some('7'));
        assert_eq!(ascii_digit('a'), None);
    }

    #[test]
    fn arabic_letters_map_to_persian_ones_of_the_same_length() {
        let arabic = "كتاب هاي مي شود";
        let persian: String = arabic.chars().map(persian_letter).collect();
        assert_eq!(persian, "کتاب های می شود");
        assert_eq!(persian.len(), arabic.len());
    }

    #[test]
    fn a_decimal_number_is_read_from_the_start_in_any_script() {
        assert_eq!(decimal_number("13. Application"), Some("13".into()));
        assert_eq!(decimal_number("15.6.2. When"), Some("15.6.2".into()));
        assert_eq!(decimal_number("۱۴.۲ بازگشت"), Some("14.2".into()));
        assert_eq!(decimal_number("٣) شروط"), Some("3".into()));
        assert_eq!(decimal_number("13.1"), Some("13.1".into()));
        assert_eq!(decimal_number("Fees"), None);
        assert_eq!(decimal_number("3rd party"), None);
        assert_eq!(decimal_number(".5 litres"), None);
    }

    #[test]
    fn the_first_letter_is_upper_case_and_the_rest_unchanged() {
        assert_eq!(capitalised("buyers and sellers"), "Buyers and sellers");
        assert_eq!(capitalised("ärger"), "Ärger");
        assert_eq!(capitalised("eBay"), "EBay");
        assert_eq!(capitalised("خریداران"), "خریداران");
        assert_eq!(capitalised(""), "");
    }
}
