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
    /// formats when written with separators (`(415) 867-5309`). A field holding more
    /// phone-shaped numbers than can be validated (48 checks) is flagged from the first number
    /// left unchecked to its last one.
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

/// Most digits a candidate can have (`00` and a 15-digit international number).
const MAX_DIGITS: usize = 17;

/// Most numbers validated with `phonenumber` per field. A validation takes microseconds and a
/// crafted text can hold a candidate every few characters; no honest comment comes near this.
/// A field with more phone-shaped numbers is flagged from the first one left unchecked to its
/// last number (`contacts/phone` exists to keep such lists off the page).
const MAX_VALIDATIONS: usize = 48;

/// Why a field's candidates stopped being validated.
enum Stop {
    /// The field's validations are spent, at the candidate starting at this skeleton byte.
    Spent(usize),
    /// The deadline passed.
    Late,
}

/// The validations a field has left.
struct Budget(usize);

impl Budget {
    /// Takes one validation for the candidate at skeleton byte `at`; the clock is read each
    /// time, as each validation costs microseconds.
    fn spend(&mut self, cx: &Ctx<'_>, at: usize) -> Result<(), Stop> {
        if cx.out_of_time_now() {
            return Err(Stop::Late);
        }
        self.0 = self.0.checked_sub(1).ok_or(Stop::Spent(at))?;
        Ok(())
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
    fn prefilter(&self) -> Prefilter {
        // A digit, or a number word a spelled number could start with.
        Prefilter::digit_run(1).or(self.words.prefilter())
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let cs = chunks(sk, f.words(), &self.words);
            let mut budget = Budget(MAX_VALIDATIONS);
            for seq in sequences(sk, &cs) {
                if cx.out_of_time() {
                    return;
                }
                match self.check_sequence(cx, f, &cs[seq], out, &mut budget) {
                    Ok(()) => {}
                    Err(Stop::Spent(start)) => {
                        let end = cs.last().map_or(start, |c| c.end);
                        out.push(f.hit(start, end));
                        break;
                    }
                    Err(Stop::Late) => return,
                }
            }
        }
    }
}

impl Phone {
    /// Length of a valid national number of one of `regions` at part `k`.
    fn national(
        &self,
        cx: &Ctx<'_>,
        f: &FieldText<'_>,
        parts: &[NumberChunk],
        k: usize,
        digits: &str,
        budget: &mut Budget,
    ) -> Result<Option<usize>, Stop> {
        // Only a number written with separators counts (`(415) 867-5309`): ask first, it is
        // cheaper than validating.
        let sk = f.sk();
        let (s, e) = f.skeleton().to_original(parts[k].start, parts[k].end);
        let separators = f.cps[s..e].iter().filter(|c| !c.is_alphanumeric()).count()
            + usize::from(sk[..parts[k].start].ends_with('('));
        if separators < 2 {
            return Ok(None);
        }
        for len in (9..=12).rev().filter(|&l| l <= digits.len()) {
            for &region in &self.regions {
                budget.spend(cx, parts[k].start)?;
                if phonenumber::parse(Some(region), &digits[..len])
                    .is_ok_and(|n| phonenumber::is_valid(&n))
                {
                    return Ok(Some(len));
                }
            }
        }
        Ok(None)
    }

    /// Flags the phone numbers of one sequence of numbers; `Err` when the field's validations
    /// are spent or the deadline passed.
    fn check_sequence(
        &self,
        cx: &Ctx<'_>,
        f: &FieldText<'_>,
        parts: &[NumberChunk],
        out: &mut Vec<Hit>,
        budget: &mut Budget,
    ) -> Result<(), Stop> {
        let sk = f.sk();
        let mut k = 0;
        while k < parts.len() {
            // The longest candidate has 17 digits: the parts after it do not matter.
            let mut digits = String::new();
            for p in &parts[k..] {
                if digits.len() > MAX_DIGITS {
                    break;
                }
                digits.push_str(p.digits.as_str());
            }
            let plus = sk[..parts[k].start].trim_end_matches(' ').ends_with('+');
            let first_len = parts[k].digits.as_str().len();
            let mut found = None;
            if first_len < 16 {
                for len in candidate_lengths(&digits, plus) {
                    budget.spend(cx, parts[k].start)?;
                    if valid(&digits[..len], plus) {
                        found = Some(len);
                        break;
                    }
                }
            }
            // National formats of other countries (`(415) 867-5309`), when the rule set lists
            // them: only when written with separators, so bare order numbers stay unflagged.
            if found.is_none() && !self.regions.is_empty() && !parts[k].spelled {
                found = self.national(cx, f, parts, k, &digits, budget)?;
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
                let n = parts[j].digits.as_str().len();
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
        Ok(())
    }
}
