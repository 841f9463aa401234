use std::collections::HashSet;

use regex::Regex;

use crate::rules::prelude::*;
use crate::text::skeleton_key;

declare_rule! {
    /// ## What it flags
    /// Bank card numbers (16 digits that pass the Luhn check, however spaced or written in
    /// Persian digits: `۶۰۳۷-۹۹۱۲-...`) and Iranian IBAN/Sheba numbers (`IR` + 24 digits that
    /// pass the ISO 13616 mod-97 check, also when the 24 digits are written without `IR`).
    ///
    /// ## Why
    /// Asking for payment outside the marketplace, or publishing someone's account, is both a
    /// contact leak and a fraud risk.
    ///
    /// ## How it decides
    /// The checksums keep order numbers, tracking codes and serial numbers out: a random
    /// 16-digit number passes Luhn only one time in ten. A 16-digit number within three words
    /// after a word naming another kind of number (`سریال`, `کد رهگیری`, `serial`, `order`:
    /// the `other` entries of `phone-words.txt`, parameter `call_words`) is not a card.
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/bank", severity: Reject, fixable: false, params: ["call_words"],
    pub(crate) struct Bank { sheba: Regex, digits: Regex, other_words: HashSet<String> }
}

impl Bank {
    fn build(p: &Params<'_>) -> Result<Bank, String> {
        Ok(Bank {
            sheba: Regex::new(r"ir\s?[0-9]{24}").map_err(|e| e.to_string())?,
            digits: Regex::new(r"[0-9]{16,}").map_err(|e| e.to_string())?,
            other_words: p
                .lexicons("call_words", &["phone-words"])?
                .iter()
                .flat_map(|l| l.entries.iter())
                .filter(|e| e.value.as_deref() == Some("other"))
                .map(|e| skeleton_key(&e.text))
                .collect(),
        })
    }

    /// Whether one of the two words right before skeleton byte `at` names a number of another
    /// kind (`سریال`, `کد رهگیری`, `serial`); a word further back does not (`برای سفارش به
    /// کارت …` is a card).
    fn other_number(&self, f: &FieldText<'_>, at: usize) -> bool {
        let (sk, ws) = (f.sk(), f.words());
        let first = ws.partition_point(|w| w.end <= at);
        ws[first.saturating_sub(2)..first]
            .iter()
            .any(|w| self.other_words.contains(w.text(sk)))
    }
}

/// Luhn checksum over ASCII digits.
pub(crate) fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if !i.is_multiple_of(2) {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

/// ISO 13616 check of an IBAN (`ir` + 24 digits, lowercase, no spaces).
pub(crate) fn iban_valid(iban: &str) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let (head, tail) = iban.split_at(4);
    let mut rem = 0u32;
    for c in tail.chars().chain(head.chars()) {
        let v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

impl Rule for Bank {
    fn prefilter(&self) -> Prefilter {
        // A card number is a run of 16 digits, a Sheba one of 24.
        Prefilter::digit_run(16)
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let mut sheba_ends = Vec::new();
            for m in self.sheba.find_iter(sk) {
                let compact: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
                if iban_valid(&compact) {
                    out.push(f.hit(m.start(), m.end()));
                    sheba_ends.push(m.end());
                }
            }
            for m in self.digits.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                if sheba_ends.contains(&m.end())
                    || sk[..m.start()].ends_with(|c: char| c.is_ascii_alphabetic())
                {
                    continue;
                }
                let d = m.as_str();
                // A Sheba written without its `IR`.
                if d.len() == 24 && iban_valid(&format!("ir{d}")) {
                    out.push(f.hit(m.start(), m.end()));
                    continue;
                }
                if self.other_number(f, m.start()) {
                    continue;
                }
                // A card number, possibly glued to a neighbouring number by separator folding.
                if let Some(off) = (0..=d.len() - 16)
                    .find(|&o| (o == 0 || d.len() - o == 16) && luhn(&d[o..o + 16]))
                {
                    out.push(f.hit(m.start() + off, m.start() + off + 16));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums() {
        assert!(luhn("4111111111111111"));
        assert!(!luhn("4111111111111112"));
        assert!(iban_valid("ir820540102680020817909002"));
        assert!(!iban_valid("ir820540102680020817909003"));
    }
}
