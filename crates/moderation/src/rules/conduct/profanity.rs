use crate::phrase::PhraseSet;
use crate::rules::prelude::*;
use crate::text::{Word, is_letter, squeeze};

declare_rule! {
    /// ## What it flags
    /// Insults and obscene words in Persian, Finglish and English (French and German in the
    /// default rule sets), from `lexicons/profanity.<lang>.txt`, also when disguised: letters
    /// split by spaces, dots or dashes (`ا ح م ق`), stretched with kashida, split with ZWNJ,
    /// repeated (`احمققق`), or typed with Cyrillic/Greek look-alikes.
    ///
    /// ## Why
    /// Terms: respectful language; insults or improper words get a comment rejected.
    ///
    /// ## How it decides
    /// Whole words on the skeleton with repeated letters collapsed; runs of single letters are
    /// joined before lookup; asterisks may stand for letters of a listed Latin word (`f***`).
    /// Ordinary words that contain or resemble a bad word (`کردن`,
    /// `ترک`, `کرم`, `هیچ کس`, `گشاد`, `کلفت`, `ساک`) come from
    /// `lexicons/profanity-allow.<lang>.txt` and are never flagged. Public word lists flag
    /// about 8% of honest reviews; these lists are curated by hand against real reviews.
    ///
    /// ## Fix
    /// Not fixable.
    code: "conduct/profanity", severity: Reject, fixable: false, params: ["lexicon", "allow"],
    pub(crate) struct Profanity { bad: PhraseSet, allow: PhraseSet, latin: Vec<String>, masked: regex::Regex }
}

impl Profanity {
    fn build(p: &Params<'_>) -> Result<Profanity, String> {
        let allow = match p.lexicons("allow", &["profanity-allow.fa"]) {
            Ok(l) => l,
            // The allow list is optional for languages that do not have one.
            Err(e) if p.is_default("allow") && e.contains("not found") => Vec::new(),
            Err(e) => return Err(e),
        };
        let lexicons = p.lexicons("lexicon", &["profanity.fa"])?;
        // Latin single words, for masked spellings such as `f***`.
        let latin = lexicons
            .iter()
            .flat_map(|l| l.entries.iter())
            .map(|e| e.text.to_ascii_lowercase())
            .filter(|t| t.len() >= 3 && t.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        Ok(Profanity {
            bad: PhraseSet::new(lexicons, true),
            allow: PhraseSet::new(allow, true),
            latin,
            masked: regex::Regex::new(r"[a-z]+\*+[a-z*]*").map_err(|e| e.to_string())?,
        })
    }
}

/// Joins runs of single-letter words (`ا ح م ق`) into one word; returns (joined, first, last).
fn spelled_runs(sk: &str, ws: &[Word]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // One letter: at most four bytes (tested before slicing), one code point.
        let single = |w: &Word| {
            w.end - w.start <= 4 && {
                let mut it = w.text(sk).chars();
                it.next().is_some_and(is_letter) && it.next().is_none()
            }
        };
        if !single(&ws[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < ws.len() && single(&ws[i]) && (i == s || ws[i].start - ws[i - 1].end <= 3) {
            i += 1;
        }
        if i - s >= 3 {
            let joined: String = ws[s..i].iter().map(|w| w.text(sk)).collect();
            out.push((joined, s, i - 1));
        }
    }
    out
}

/// The letter a digit stands for in leetspeak.
fn unleet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        other => other,
    }
}

impl Rule for Profanity {
    fn prefilter(&self) -> Prefilter {
        // A listed word (repeated letters collapsed), an asterisk standing for letters, a
        // Latin word with digits standing for letters, or letters spelled one by one.
        if self.bad.is_empty() {
            Prefilter::literals::<&str>([])
        } else {
            self.bad
                .prefilter()
                .or(Prefilter::literals(["*"]))
                .or(Prefilter::classes(
                    Classes::LATIN_DIGIT_WORD.or(Classes::SPELLED_LETTERS),
                ))
        }
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let ws = f.words();
            // The allow list is only consulted once a listed word is found. Both lists run left
            // to right: the allowed phrase that can contain a match is the first one that does
            // not end before it.
            let mut allowed: Option<Vec<crate::phrase::PhraseMatch>> = None;
            let mut next_allowed = 0usize;
            let mut is_allowed = |first: usize, last: usize| {
                let allowed = allowed.get_or_insert_with(|| self.allow.find_all(sk, ws));
                while allowed.get(next_allowed).is_some_and(|a| a.last < last) {
                    next_allowed += 1;
                }
                allowed
                    .get(next_allowed)
                    .is_some_and(|a| a.first <= first && last <= a.last)
            };
            let mut i = 0;
            while i < ws.len() {
                if cx.out_of_time() {
                    return;
                }
                if let Some(m) = self.bad.match_at(sk, ws, i)
                    && !is_allowed(m.first, m.last)
                {
                    out.push(f.hit_words(m.first, m.last));
                    i = m.last + 1;
                    continue;
                }
                i += 1;
            }
            // `f***`, `sh*t`: asterisks standing for letters of a listed word.
            if sk.contains('*') {
                for m in self.masked.find_iter(sk) {
                    let pattern = m.as_str().as_bytes();
                    let fits = |word: &String| {
                        word.len() == pattern.len()
                            && word.bytes().zip(pattern).all(|(w, &p)| p == b'*' || w == p)
                    };
                    let before_ok = !sk[..m.start()].ends_with(|c: char| c.is_ascii_alphanumeric());
                    if before_ok && self.latin.iter().any(fits) {
                        out.push(f.hit(m.start(), m.end()));
                    }
                }
            }
            // `sh1t`, `b1tch`: digits standing for letters inside a Latin word.
            // On bytes: most words are Persian and fail at their first byte, unsliced.
            let bytes = sk.as_bytes();
            for (k, w) in ws.iter().enumerate() {
                let b = &bytes[w.start..w.end];
                if b.first().is_some_and(u8::is_ascii)
                    && b.is_ascii()
                    && b.iter().any(u8::is_ascii_digit)
                    && b.iter().any(u8::is_ascii_alphabetic)
                {
                    let plain: String = w.text(sk).chars().map(unleet).collect();
                    if self.bad.contains_word(&plain) && !self.allow.contains_word(&plain) {
                        out.push(f.hit_words(k, k));
                    }
                }
            }
            for (joined, first, last) in spelled_runs(sk, ws) {
                let key = squeeze(&joined);
                if self.bad.contains_word(&key) && !self.allow.contains_word(&key) {
                    out.push(f.hit_words(first, last));
                }
            }
        }
    }
}
