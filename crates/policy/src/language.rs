//! Which language a text is written in, through the `whatlang` trigram models, reported as
//! the two-letter codes policy files use (`en`, `fr`, `de`, `fa`…).

/// Characters of text sampled for detection: enough for a reliable answer, bounded in time.
const SAMPLE_CHARS: usize = 4000;

/// A detected language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code when the language has one (`en`), else ISO 639-3 (`cmn`).
    pub lang: &'static str,
    /// whatlang's confidence, 0 to 1.
    pub confidence: f64,
}

/// The language of `text`, sampled from its start, middle and end; `None` when the text has
/// too few letters to tell.
pub fn detect(text: &str) -> Option<Detected> {
    // Counting stops at the 40th letter: all that matters is whether there are that many.
    let letters = text.chars().filter(|c| c.is_alphabetic()).take(40).count();
    if letters < 40 {
        return None;
    }
    let sample = sample(text);
    let info = whatlang::detect(&sample)?;
    Some(Detected {
        lang: iso_639_1(info.lang().code()),
        confidence: info.confidence(),
    })
}

/// Up to [`SAMPLE_CHARS`] characters: three stretches from the start, middle and end.
fn sample(text: &str) -> String {
    let total = text.chars().count();
    if total <= SAMPLE_CHARS {
        return text.to_string();
    }
    let part = SAMPLE_CHARS / 3;
    let mut out = String::with_capacity(SAMPLE_CHARS * 2);
    for start in [0, total / 2 - part / 2, total - part] {
        out.extend(text.chars().skip(start).take(part));
        out.push('\n');
    }
    out
}

/// The two-letter code of a whatlang (ISO 639-3) code, when there is one.
pub fn iso_639_1(code: &'static str) -> &'static str {
    match code {
        "eng" => "en",
        "fra" => "fr",
        "deu" => "de",
        "pes" => "fa",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "nld" => "nl",
        "pol" => "pl",
        "ces" => "cs",
        "slk" => "sk",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "ell" => "el",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "no",
        "fin" => "fi",
        "est" => "et",
        "lav" => "lv",
        "lit" => "lt",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "tur" => "tr",
        "rus" => "ru",
        "ukr" => "uk",
        "ara" => "ar",
        "heb" => "he",
        "cat" => "ca",
        "jpn" => "ja",
        "kor" => "ko",
        "cmn" => "zh",
        "hin" => "hi",
        "urd" => "ur",
        "afr" => "af",
        "lat" => "la",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_policy_languages_apart() {
        let cases = [
            (
                "en",
                "The seller must answer every complaint within five working days and keep a record of the answer.",
            ),
            (
                "fr",
                "Le vendeur doit répondre à chaque réclamation dans un délai de cinq jours ouvrables et en garder une trace.",
            ),
            (
                "de",
                "Der Verkäufer muss jede Beschwerde innerhalb von fünf Werktagen beantworten und die Antwort aufbewahren.",
            ),
            (
                "fa",
                "فروشنده باید به هر شکایت ظرف پنج روز کاری پاسخ دهد و پاسخ را نگه دارد تا بعداً بررسی شود.",
            ),
        ];
        for (lang, text) in cases {
            assert_eq!(detect(text).map(|d| d.lang), Some(lang), "{text}");
        }
        assert_eq!(detect("OK, 12 €"), None);
    }
}
