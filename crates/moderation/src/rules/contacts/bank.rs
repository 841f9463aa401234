use std::collections::HashSet;

use regex::Regex;

use crate::numbers::{NumberChunk, NumberWords, loose_run, sequences};
use crate::rules::prelude::*;
use crate::text::skeleton_key;

declare_rule! {
    /// ## What it flags
    /// Bank card numbers (16 digits that pass the Luhn check, however spaced or written in
    /// Persian digits: `۶۰۳۷-۹۹۱۲-...`; read out in number words, alone or mixed with digits:
    /// `شش هزار و سی و هفت ۹۹۱۲ …`, `six zero three seven …`; in groups parted by symbols,
    /// `۶۰۳۷☆۹۹۱۲☆۳۴۵۶☆۷۸۹۳`, or by commas or joining words, `۶۰۳۷ و ۹۹۱۲ و ۳۴۵۶ و ۷۸۹۳`,
    /// unless all four look like years) and Iranian IBAN/Sheba numbers
    /// (`IR` + 24 digits that pass the ISO 13616 mod-97 check, also when the 24 digits are
    /// written without `IR` or read out in number words). Digit groups parted by symbols are
    /// one card only when one symbol parts every two groups as written (`4111*1111*…`, not
    /// `1920×1080 2560×1440`). Letters that look like digits inside a card number are read as
    /// digits by the skeleton (`6O37 99l2 34S6 7B93`).
    ///
    /// ## Why
    /// Asking for payment outside the marketplace, or publishing someone's account, is both a
    /// contact leak and a fraud risk.
    ///
    /// ## How it decides
    /// The checksums keep order numbers, tracking codes and serial numbers out: a random
    /// 16-digit number passes Luhn only one time in ten. A 16-digit number within three words
    /// after a word naming another kind of number (`سریال`, `کد رهگیری`, `serial`, `order`:
    /// the `other` entries of `phone-words.txt`, parameter `call_words`) is not a card. Number
    /// words come from the `number_words` lexicons (as for `contacts/phone`); the words that may
    /// part two groups are the `between` entries of `call_words` (`و`, `تا`, `and`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/bank", severity: Reject, fixable: false, params: ["call_words", "number_words"],
    pub(crate) struct Bank { sheba: Regex, digits: Regex, other_words: HashSet<String>, between_words: HashSet<String>, numbers: NumberWords }
}

impl Bank {
    pub(crate) fn build(p: &Params<'_>) -> Result<Bank, String> {
        Ok(Bank {
            sheba: Regex::new(r"ir\s?[0-9]{24}").map_err(|e| e.to_string())?,
            digits: Regex::new(r"[0-9]{16,}").map_err(|e| e.to_string())?,
            other_words: call_words(p, "other")?,
            between_words: call_words(p, "between")?,
            numbers: NumberWords::from_lexicons(
                &p.lexicons("number_words", &["number-words.fa"])?,
            )?,
        })
    }

    /// Flags cards in the numbers `cs` of a field that the digit runs of the skeleton do not
    /// show: a sequence of several numbers (number words, groups parted by symbols), and groups
    /// of four digits parted by commas or joining words. `done` holds the skeleton spans
    /// flagged already.
    fn spelled_cards(
        &self,
        f: &FieldText<'_>,
        cs: &[NumberChunk<'_>],
        done: &mut Vec<(usize, usize)>,
        out: &mut Vec<Hit>,
    ) {
        let sk = f.sk();
        let seqs = sequences(sk, cs);
        // A card (16 digits, Luhn) or a Sheba (24 digits, mod 97 after `IR`).
        let mut flag = |first: &NumberChunk<'_>, last: &NumberChunk<'_>, digits: &str| {
            let (s, e) = (first.start, last.end);
            let card = digits.len() == CARD_DIGITS && luhn(digits) && !self.other_number(f, s);
            let sheba = digits.len() == SHEBA_DIGITS && iban_valid(&format!("ir{digits}"));
            if (card || sheba) && !done.iter().any(|&(ds, de)| s < de && ds < e) {
                done.push((s, e));
                out.push(f.hit(s, e));
            }
        };
        // A sequence of several numbers: 16 digits from any of its parts on when it holds
        // number words; else (digit groups the skeleton did not join: `6037☆9912☆3456☆7893`,
        // a look-alike letter read as a digit after a space) the first or the last 16, as for
        // a run of digits, when one separator parts every group (`1920×1080 2560×1440` is two
        // sizes). A Sheba in number words: 24 digits that pass the mod-97 check after `IR`.
        for seq in &seqs {
            let parts = &cs[seq.clone()];
            if parts.len() < 2 {
                continue;
            }
            let spelled = parts.iter().any(|p| p.spelled);
            if !spelled && !one_separator(f, parts) {
                continue;
            }
            for k in 0..parts.len() {
                let mut digits = String::new();
                let mut card_tried = false;
                for (j, p) in parts.iter().enumerate().skip(k) {
                    digits.push_str(p.digits.as_str());
                    if digits.len() >= CARD_DIGITS
                        && !card_tried
                        && (spelled || k == 0 || j == parts.len() - 1)
                    {
                        flag(&parts[k], &parts[j], &digits);
                        card_tried = true;
                    }
                    if spelled && digits.len() == SHEBA_DIGITS {
                        flag(&parts[k], &parts[j], &digits);
                    }
                    if digits.len() >= SHEBA_DIGITS || (!spelled && digits.len() >= CARD_DIGITS) {
                        break;
                    }
                }
            }
        }
        // Groups of four digits (or of eight or twelve), parted by commas or joining words:
        // `۶۰۳۷ و ۹۹۱۲ و ۳۴۵۶ و ۷۸۹۳`, `شش هزار و سی و هفت، ۹۹۱۲ …`.
        let digits_of = |n: usize| -> String {
            cs[seqs[n].clone()]
                .iter()
                .map(|p| p.digits.as_str())
                .collect()
        };
        // Groups joined by a symbol (`1920×1080`) are not one group of such a card.
        let plain = |n: usize| seqs[n].len() == 1 || cs[seqs[n].clone()].iter().any(|p| p.spelled);
        for n in 0..seqs.len() {
            if !plain(n) {
                continue;
            }
            let mut digits = digits_of(n);
            let mut years = true;
            let m = loose_run(sk, cs, &seqs, n, &self.between_words, |next, gap| {
                // Colons part the groups of an address or a time (`1111:2222:3333:4444` in
                // an IPv6 literal), not of a card.
                if digits.len() % 4 != 0
                    || digits.len() >= CARD_DIGITS
                    || gap.contains(':')
                    || !plain(next)
                {
                    return false;
                }
                let more = digits_of(next);
                // Four years (`۱۳۹۹ و ۱۴۰۰ و ۱۴۰۱ و ۱۴۰۸`) are a list of years.
                years &= more.len() == 4 && matches!(&more[..2], "13" | "14" | "19" | "20");
                digits.push_str(&more);
                true
            });
            years &= matches!(&digits[..digits.len().min(2)], "13" | "14" | "19" | "20");
            if m > n && !years {
                flag(&cs[seqs[n].start], &cs[seqs[m].end - 1], &digits);
            }
        }
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

/// Digits of a bank card number.
const CARD_DIGITS: usize = 16;

/// Digits of an Iranian Sheba (IBAN) number after `IR`.
const SHEBA_DIGITS: usize = 24;

/// Whether, as written, the same separator (white space around it aside) parts every two
/// groups of digits (and letters read as digits) from the first of `parts` to the last:
/// `6037☆9912☆3456☆7893`, not `1920×1080 2560×1440` (the skeleton joins `1080 2560`, so the
/// original is read).
fn one_separator(f: &FieldText<'_>, parts: &[NumberChunk<'_>]) -> bool {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return true;
    };
    let (s, e) = f.skeleton().to_original(first.start, last.end);
    let written = &f.cps[s..e];
    let mut seps = written
        .split(|c| c.is_alphanumeric())
        .filter(|run| !run.is_empty())
        .map(|run| {
            let lead = run.iter().take_while(|c| c.is_whitespace()).count();
            let tail = run[lead..]
                .iter()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count();
            &run[lead..run.len() - tail]
        });
    let first = seps.next();
    seps.all(|sep| Some(sep) == first)
}

/// The entries of the `call_words` lexicons with value `tag`, as skeleton keys.
fn call_words(p: &Params<'_>, tag: &str) -> Result<HashSet<String>, String> {
    Ok(p.lexicons("call_words", &["phone-words"])?
        .iter()
        .flat_map(|l| l.entries.iter())
        .filter(|e| e.value.as_deref() == Some(tag))
        .map(|e| skeleton_key(&e.text))
        .collect())
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
        // A card number is a run of 16 digits, a Sheba one of 24; or groups of four digits
        // parted by words, or number words.
        Prefilter::digit_run(4).or(self.numbers.prefilter())
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            if !self.check_field(cx, f, out) {
                return;
            }
        }
    }
}

impl Bank {
    /// Flags the cards and Shebas of one field; `false` when the deadline passed.
    pub(crate) fn check_field(&self, cx: &Ctx<'_>, f: &FieldText<'_>, out: &mut Vec<Hit>) -> bool {
        let sk = f.sk();
        let mut done = Vec::new();
        let mut sheba_ends = Vec::new();
        // A Sheba in digits is a run of 24 digits.
        let shebas = (f.facts.digit_run >= SHEBA_DIGITS).then(|| self.sheba.find_iter(sk));
        for m in shebas.into_iter().flatten() {
            let compact: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            if iban_valid(&compact) {
                out.push(f.hit(m.start(), m.end()));
                sheba_ends.push(m.end());
            }
        }
        // A card or Sheba in digits is a run of 16 digits or more.
        let runs = (f.facts.digit_run >= CARD_DIGITS).then(|| self.digits.find_iter(sk));
        for m in runs.into_iter().flatten() {
            if cx.out_of_time() {
                return false;
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
            if let Some(off) =
                (0..=d.len() - 16).find(|&o| (o == 0 || d.len() - o == 16) && luhn(&d[o..o + 16]))
            {
                out.push(f.hit(m.start() + off, m.start() + off + 16));
                done.push((m.start() + off, m.start() + off + 16));
            }
        }
        if cx.out_of_time() {
            return false;
        }
        let cs = f.numbers(&self.numbers, false);
        // A card needs 16 digits, a Sheba 24: most fields' numbers (a size, a price in
        // words) hold fewer together.
        if cs.len() >= 2 && cs.iter().map(|c| c.digits.as_str().len()).sum::<usize>() >= CARD_DIGITS
        {
            self.spelled_cards(f, &cs, &mut done, out);
        }
        true
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
