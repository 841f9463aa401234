use crate::prefilter::class::is_mark;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Repeated punctuation: `!!!`, `؟؟؟`, `??`, `?!?!`, `...!!`, and four or more dots.
    ///
    /// ## Why
    /// Terms: write properly; repeated marks are shouting.
    ///
    /// ## How it decides
    /// A run of `! ? ؟ .` is flagged when it has two or more `!`, two or more question marks,
    /// dots mixed with `!`/`?`, or four or more dots. An ellipsis `...` and `?!` are fine.
    ///
    /// ## Fix
    /// Fixable: the run becomes one mark: `؟` (or `?` in Latin text) if it asked something,
    /// else `!`; a run of dots becomes `...`.
    code: "style/punctuation", severity: Fix, fixable: true, removes_content: false, params: [],
    pub(crate) struct Punctuation;
}

impl Punctuation {
    fn build(_p: &Params<'_>) -> Result<Punctuation, String> {
        Ok(Punctuation)
    }
}

impl Rule for Punctuation {
    fn prefilter(&self) -> Prefilter {
        // Every flagged run has two marks in a row.
        Prefilter::classes(Classes::MARK_RUN)
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let chars = &f.cps;
            let mut i = 0;
            while i < chars.len() {
                if !is_mark(chars[i]) {
                    i += 1;
                    continue;
                }
                let s = i;
                while i < chars.len() && is_mark(chars[i]) {
                    i += 1;
                }
                let run = &chars[s..i];
                let bangs = run.iter().filter(|&&c| c == '!').count();
                let latin_q = run.iter().filter(|&&c| c == '?').count();
                let questions = latin_q + run.iter().filter(|&&c| c == '؟').count();
                let dots = run.iter().filter(|&&c| c == '.' || c == '…').count();
                let digit_before = s > 0 && chars[s - 1].is_ascii_digit();
                let flagged = bangs >= 2
                    || questions >= 2
                    || (dots > 0 && bangs + questions > 0)
                    || (dots >= 4 && !digit_before);
                if !flagged {
                    continue;
                }
                let fix = if questions > 0 {
                    if latin_q > 0 && questions == latin_q {
                        "?"
                    } else {
                        "؟"
                    }
                } else if bangs > 0 {
                    "!"
                } else {
                    "..."
                };
                out.push(f.hit_cp(s, i).with_fix(fix));
            }
        }
    }
}
