//! Numbers as prose writes them: ASCII, Persian (۰-۹) and Arabic-Indic (٠-٩) digits, and number
//! words in English, French, German and Persian up to 999 ("twenty-four", "one hundred and
//! twenty", "vingt-quatre", "soixante-douze", "quatre-vingt-dix", "deux cent quarante",
//! "vierundzwanzig", "hundertzwanzig", "بیست و چهار", "یکصد و هشتاد").

pub use davar_policy::text::ascii_digit;

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
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        "septante" => 70,
        "huitante" | "octante" => 80,
        "nonante" => 90,
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
        "siebzig" => 70,
        "achtzig" => 80,
        "neunzig" => 90,
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
        "هفتاد" => 70,
        "هشتاد" => 80,
        "نود" => 90,
        "صد" | "یکصد" => 100,
        "دویست" => 200,
        "سیصد" => 300,
        "چهارصد" => 400,
        "پانصد" | "پونصد" => 500,
        "ششصد" => 600,
        "هفتصد" => 700,
        "هشتصد" => 800,
        "نهصد" => 900,
        _ => return None,
    })
}

/// Words that multiply what comes before them by a hundred.
fn is_hundred(word: &str) -> bool {
    matches!(word, "hundred" | "cent" | "cents" | "hundert")
}

/// Words and signs that join the parts of a number (`vingt et un`, `hundred and ten`, `-`).
fn is_joiner(word: &str) -> bool {
    matches!(word, "-" | "et" | "and" | "und" | "و")
}

/// The value of one number word, including German compounds written as one word
/// (`zweiundsiebzig`, `hundertzwanzig`, `einhundertachtzig`).
fn one_word(word: &str) -> Option<u32> {
    word_value(word)
        .or_else(|| german_compound(word))
        .or_else(|| german_hundreds(word))
}

/// Whether [`compose`] can read a number starting with `word`: a number word or a hundred.
pub fn starts_number(word: &str) -> bool {
    is_hundred(word) || one_word(word).is_some()
}

/// The byte offset of the first `needle` (ASCII) in `word`. Most words are short and hold no
/// such part: a plain scan costs less than setting up a substring searcher for each.
fn find_ascii(word: &str, needle: &str) -> Option<usize> {
    word.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// The number that the longest prefix of `words` spells (lowercased words; joiners `-`, `et`,
/// `and`, `und`, `و` as words of their own), with how many words it took. Parts must get
/// smaller from left to right, as number words do: `soixante douze` is 72, `deux trois` stops
/// after `deux`.
pub fn compose(words: &[&str]) -> Option<(u32, usize)> {
    let first = *words.first()?;
    let mut total = if is_hundred(first) {
        100
    } else {
        one_word(first)?
    };
    // The value of the last part added, which bounds the next one.
    let mut last = total;
    let mut used = 1;
    let mut i = 1;
    while i < words.len() {
        let mut j = i;
        if is_joiner(words[j]) {
            j += 1;
        }
        let Some(&w) = words.get(j) else { break };
        if is_hundred(w) {
            if total >= 10 || last != total {
                break;
            }
            total *= 100;
            last = 100;
        } else if let Some(v) = one_word(w) {
            let after_tens = (20..100).contains(&last);
            let fits = if last >= 100 {
                v < 100
            } else if matches!(w, "vingt" | "vingts") && total % 100 == 4 && last == 4 {
                // quatre-vingt(s): 4 x 20
                total -= 4;
                true
            } else if after_tens {
                v <= 9 || matches!(last, 60 | 80) && (10..=19).contains(&v)
            } else {
                false
            };
            if !fits {
                break;
            }
            let v = if matches!(w, "vingt" | "vingts") && last == 4 {
                80
            } else {
                v
            };
            total += v;
            last = v;
        } else {
            break;
        }
        used = j + 1;
        i = j + 1;
    }
    (total > 0).then_some((total, used))
}

/// German hundreds written as one word: `hundert`, `zweihundert`, `hundertzwanzig`,
/// `einhundertundachtzig`.
fn german_hundreds(word: &str) -> Option<u32> {
    let at = find_ascii(word, "hundert")?;
    let multiplier = match &word[..at] {
        "" | "ein" => 1,
        unit => word_value(unit).filter(|v| (1..=9).contains(v))?,
    };
    let rest = &word[at + "hundert".len()..];
    let rest = rest.strip_prefix("und").unwrap_or(rest);
    let tail = match rest {
        "" => 0,
        r => word_value(r)
            .filter(|v| *v < 100)
            .or_else(|| german_compound(r))?,
    };
    Some(multiplier * 100 + tail)
}

/// Whether `value` is a multiple of ten that can take a unit (twenty-four, بیست و چهار).
pub fn is_tens(value: u32) -> bool {
    value >= 20 && value.is_multiple_of(10)
}

/// German compounds written as one word: `vierundzwanzig` = 24, `achtundvierzig` = 48.
pub fn german_compound(word: &str) -> Option<u32> {
    let at = find_ascii(word, "und")?;
    let (unit, tens) = (&word[..at], &word[at + "und".len()..]);
    let unit = word_value(unit).filter(|v| (1..=9).contains(v))?;
    let tens = word_value(tens).filter(|v| is_tens(*v))?;
    Some(tens + unit)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn spelled(text: &str) -> Option<(u32, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        compose(&words)
    }

    #[test]
    fn number_words_to_the_hundreds() {
        assert_eq!(spelled("twenty - four"), Some((24, 3)));
        assert_eq!(spelled("one hundred and twenty"), Some((120, 4)));
        assert_eq!(spelled("hundred"), Some((100, 1)));
        assert_eq!(spelled("soixante - douze"), Some((72, 3)));
        assert_eq!(spelled("soixante et onze"), Some((71, 3)));
        assert_eq!(spelled("quatre - vingt"), Some((80, 3)));
        assert_eq!(spelled("quatre - vingt - dix"), Some((90, 5)));
        assert_eq!(spelled("quatre - vingt - douze"), Some((92, 5)));
        assert_eq!(spelled("deux cent quarante"), Some((240, 3)));
        assert_eq!(spelled("cent quatre - vingts"), Some((180, 4)));
        assert_eq!(spelled("zweihundert"), Some((200, 1)));
        assert_eq!(spelled("hundertzwanzig"), Some((120, 1)));
        assert_eq!(spelled("zweiundsiebzig"), Some((72, 1)));
        assert_eq!(spelled("یکصد و هشتاد"), Some((180, 3)));
        assert_eq!(spelled("هفتاد و دو"), Some((72, 3)));
        assert_eq!(spelled("deux trois"), Some((2, 1)));
        assert_eq!(spelled("douze"), Some((12, 1)));
        assert_eq!(spelled("vingt et"), Some((20, 1)));
    }
}
