//! Numbers as prose writes them: ASCII, Persian (۰-۹) and Arabic-Indic (٠-٩) digits, and number
//! words in English, French, German and Persian up to 99 ("twenty-four", "vingt-quatre",
//! "vierundzwanzig", "بیست و چهار").

/// Maps a Persian or Arabic-Indic digit to its ASCII digit; other characters pass through.
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        _ => None,
    }
}

/// Value of a number word 1..=19 or a multiple of ten (lowercased input).
pub fn word_value(word: &str) -> Option<u32> {
    Some(match word {
        // English
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        // French
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        // German
        "ein" | "eine" | "einen" | "einem" | "einer" | "eines" | "eins" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        "zehn" => 10,
        "elf" => 11,
        "zwölf" => 12,
        "dreizehn" => 13,
        "vierzehn" => 14,
        "fünfzehn" => 15,
        "sechzehn" => 16,
        "siebzehn" => 17,
        "achtzehn" => 18,
        "neunzehn" => 19,
        "zwanzig" => 20,
        "dreißig" | "dreissig" => 30,
        "vierzig" => 40,
        "fünfzig" => 50,
        "sechzig" => 60,
        // Persian
        "یک" => 1,
        "دو" => 2,
        "سه" => 3,
        "چهار" => 4,
        "پنج" => 5,
        "شش" | "شیش" => 6,
        "هفت" => 7,
        "هشت" => 8,
        "نه" => 9,
        "ده" => 10,
        "یازده" => 11,
        "دوازده" => 12,
        "سیزده" => 13,
        "چهارده" => 14,
        "پانزده" | "پونزده" => 15,
        "شانزده" => 16,
        "هفده" | "هیفده" => 17,
        "هجده" | "هیجده" => 18,
        "نوزده" => 19,
        "بیست" => 20,
        "سی" => 30,
        "چهل" => 40,
        "پنجاه" => 50,
        "شصت" => 60,
        _ => return None,
    })
}

/// Whether `value` is a multiple of ten that can take a unit (twenty-four, بیست و چهار).
pub fn is_tens(value: u32) -> bool {
    value >= 20 && value.is_multiple_of(10)
}

/// German compounds written as one word: `vierundzwanzig` = 24, `achtundvierzig` = 48.
pub fn german_compound(word: &str) -> Option<u32> {
    let (unit, tens) = word.split_once("und")?;
    let unit = word_value(unit).filter(|v| (1..=9).contains(v))?;
    let tens = word_value(tens).filter(|v| is_tens(*v))?;
    Some(tens + unit)
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
    fn words_and_compounds() {
        assert_eq!(word_value("دو"), Some(2));
        assert_eq!(word_value("quinze"), Some(15));
        assert_eq!(german_compound("vierundzwanzig"), Some(24));
        assert_eq!(german_compound("achtundvierzig"), Some(48));
        assert_eq!(german_compound("einundzwanzig"), Some(21));
        assert_eq!(german_compound("rundzwanzig"), None);
        assert_eq!(word_value("hours"), None);
    }
}
