use phonenumber::country::Id;

use crate::numbers::{NumberChunk, NumberWords, chunks, sequences};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Phone numbers: Iranian mobiles (`09xx`, `+98 9xx`, `0098 9xx`) and landlines with
    /// their area code (`021 ...`), and international numbers written with `+`. They are found
    /// however they are written: ASCII, Persian (`۰۹۱۲`) or Arabic-Indic (`٠٩١٢`) digits,
    /// spaced, dashed, dotted or split with zero-width characters (`۰۹۱۲ ۳۴۵-۶۷۸۹`), with
    /// Persian number words (`صفر نهصد و دوازده سیصد و چهل و پنج ...`), or a mix of them.
    ///
    /// ## Why
    /// No personal contact details in reviews or Q&A (terms: no contacts).
    ///
    /// ## How it decides
    /// Numbers next to each other (only spaces or separators between them) are read as one
    /// digit string, and each candidate is validated with the `phonenumber` library's
    /// numbering plans. Years (`۱۴۰۳`), dates, sizes (`۱۲۸ گیگ`), quantities, prices and
    /// model numbers are not valid phone numbers and are not flagged. Runs of 16 or more
    /// digits are card or account numbers (see `contacts/bank`). Parameter `regions` (e.g.
    /// `[US, GB, DE, FR]` on the default storefronts) also accepts those countries' national
    /// formats when written with separators (`(415) 867-5309`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/phone", severity: Reject, fixable: false, params: ["number_words", "regions"],
    pub(crate) struct Phone { words: NumberWords, regions: Vec<Id> }
}

impl Phone {
    fn build(p: &Params<'_>) -> Result<Phone, String> {
        let mut regions = Vec::new();
        for code in p.strings("regions", &[])? {
            let id: Id = code.to_ascii_uppercase().parse().map_err(|_| {
                format!("parameter `regions`: `{code}` is not an ISO 3166 country code")
            })?;
            regions.push(id);
        }
        Ok(Phone {
            words: NumberWords::from_lexicons(&p.lexicons("number_words", &["number-words.fa"])?)?,
            regions,
        })
    }
}

/// Whether `digits` (optionally after a `+`) is a valid phone number.
fn valid(digits: &str, plus: bool) -> bool {
    let parsed = if plus {
        phonenumber::parse(None, format!("+{digits}"))
    } else if let Some(rest) = digits.strip_prefix("00") {
        phonenumber::parse(None, format!("+{rest}"))
    } else {
        phonenumber::parse(Some(Id::IR), digits)
    };
    parsed.is_ok_and(|n| phonenumber::is_valid(&n))
}

/// Candidate lengths for a digit string starting at a number boundary.
fn candidate_lengths(s: &str, plus: bool) -> Vec<usize> {
    if plus {
        return (8..=15).rev().filter(|&l| l <= s.len()).collect();
    }
    let mut out = Vec::new();
    if s.starts_with("0098") {
        out.push(14);
    } else if s.starts_with("00") {
        // `0049 171 9876543`: an international number with the 00 prefix.
        out.extend((10..=17).rev());
    }
    if s.starts_with("989") {
        out.push(12);
    }
    if s.starts_with('0') && !s.starts_with("00") {
        out.push(11);
    }
    if s.starts_with('9') {
        out.push(10);
    }
    out.retain(|&l| l <= s.len());
    out
}

impl Rule for Phone {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Hit>) {
        for f in cx.fields() {
            let sk = f.sk();
            if !sk.bytes().any(|b| b.is_ascii_digit()) && self.words_absent(f) {
                continue;
            }
            let cs = chunks(sk, f.words(), &self.words);
            for seq in sequences(sk, &cs) {
                self.check_sequence(f, &cs[seq], out);
            }
        }
    }
}

impl Phone {
    /// Length of a valid national number of one of `regions` at part `k`.
    fn national(
        &self,
        f: &FieldText<'_>,
        parts: &[NumberChunk],
        k: usize,
        digits: &str,
    ) -> Option<usize> {
        let sk = f.sk();
        (9..=12).rev().filter(|&l| l <= digits.len()).find(|&len| {
            let valid = self.regions.iter().any(|&region| {
                phonenumber::parse(Some(region), &digits[..len])
                    .is_ok_and(|n| phonenumber::is_valid(&n))
            });
            if !valid {
                return false;
            }
            let (s, e) = f.skeleton().to_original(parts[k].start, parts[k].end);
            let written: String = f.cps[s..e].iter().collect();
            let separators = written.chars().filter(|c| !c.is_alphanumeric()).count()
                + usize::from(sk[..parts[k].start].ends_with('('));
            separators >= 2
        })
    }

    fn words_absent(&self, f: &FieldText<'_>) -> bool {
        // Spelled numbers need at least a few number words; cheap pre-check on the skeleton.
        f.words().len() < 4
    }

    fn check_sequence(&self, f: &FieldText<'_>, parts: &[NumberChunk], out: &mut Vec<Hit>) {
        let sk = f.sk();
        let mut k = 0;
        while k < parts.len() {
            let digits: String = parts[k..].iter().map(|p| p.digits.as_str()).collect();
            let plus = sk[..parts[k].start].trim_end_matches(' ').ends_with('+');
            let first_len = parts[k].digits.len();
            let mut found = None;
            if first_len < 16 {
                for len in candidate_lengths(&digits, plus) {
                    if valid(&digits[..len], plus) {
                        found = Some(len);
                        break;
                    }
                }
            }
            // National formats of other countries (`(415) 867-5309`), when the rule set lists
            // them: only when written with separators, so bare order numbers stay unflagged.
            if found.is_none() && !self.regions.is_empty() && !parts[k].spelled {
                found = self.national(f, parts, k, &digits);
            }
            let Some(len) = found else {
                k += 1;
                continue;
            };
            // Map the digit length back to the chunk it ends in.
            let mut remaining = len;
            let mut j = k;
            let mut end = parts[k].end;
            while j < parts.len() {
                let n = parts[j].digits.len();
                if remaining <= n {
                    end = if parts[j].spelled {
                        parts[j].end
                    } else {
                        parts[j].start + remaining
                    };
                    break;
                }
                remaining -= n;
                j += 1;
            }
            let mut start = parts[k].start;
            if sk[..start].ends_with('(') {
                start -= 1;
            }
            if plus {
                start = sk[..start].trim_end_matches(' ').len() - 1;
            }
            out.push(f.hit(start, end));
            k = j + 1;
        }
    }
}
