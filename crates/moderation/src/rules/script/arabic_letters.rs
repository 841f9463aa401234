use crate::prefilter::class::is_arabic_form;
use crate::rules::prelude::*;
use crate::text::{is_letter_or_digit, persian_form};

declare_rule! {
    /// ## What it flags
    /// Arabic keyboard letters in Persian text: `ي` (Arabic yeh), `ى` (alef maksura), `ك`
    /// (Arabic kaf), `ة` (teh marbuta), and Arabic-Indic digits `٠-٩`.
    ///
    /// ## Why
    /// Terms: write with a Persian keyboard. Mixed letters also break search and sorting.
    ///
    /// ## Example
    /// `كيفيت عالي` is flagged on each word; the fix gives `کیفیت عالی`.
    ///
    /// ## Fix
    /// Fixable: each letter is replaced by its Persian form (`ي ى`→`ی`, `ك`→`ک`, `ة`→`ه`,
    /// `٠-٩`→`۰-۹`). One violation per word.
    code: "script/arabic-letters", severity: Fix, fixable: true, removes_content: false, params: [],
    pub(crate) struct ArabicLetters;
}

impl ArabicLetters {
    fn build(_p: &Params<'_>) -> Result<ArabicLetters, String> {
        Ok(ArabicLetters)
    }
}

impl Rule for ArabicLetters {
    fn prefilter(&self) -> Prefilter {
        Prefilter::classes(Classes::ARABIC_FORM)
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let chars = &f.cps;
            let mut i = 0;
            while i < chars.len() {
                if !is_arabic_form(chars[i]) {
                    i += 1;
                    continue;
                }
                // The word around it.
                let mut s = i;
                while s > 0 && is_letter_or_digit(chars[s - 1]) {
                    s -= 1;
                }
                let mut e = i;
                while e < chars.len() && (is_letter_or_digit(chars[e]) || chars[e] == '\u{200C}') {
                    e += 1;
                }
                let fixed: String = chars[s..e]
                    .iter()
                    .map(|&c| persian_form(c).unwrap_or(c))
                    .collect();
                out.push(f.hit_cp(s, e).with_fix(fixed));
                i = e.max(i + 1);
            }
        }
    }
}
