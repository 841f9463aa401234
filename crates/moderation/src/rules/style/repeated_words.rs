use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// The same word three or more times in a row: `خیلی خیلی خیلی خوب`, `عالی عالی عالی`.
    ///
    /// ## Why
    /// Terms: do not repeat words for emphasis; it adds nothing a reader can use.
    ///
    /// ## How it decides
    /// Words are compared on the skeleton (so ZWNJ, kashida or Arabic letters do not hide a
    /// repetition). Two in a row is ordinary Persian reduplication (`کم کم`, `ورقه ورقه`,
    /// `تیکه تیکه`, `آروم آروم`) and is never flagged. Numbers are not words here.
    ///
    /// ## Fix
    /// Not fixable: which repetitions carry meaning is for the author to decide.
    code: "style/repeated-words", severity: Review, fixable: false, params: ["min_run"],
    pub(crate) struct RepeatedWords { min_run: usize }
}

impl RepeatedWords {
    fn build(p: &Params<'_>) -> Result<RepeatedWords, String> {
        Ok(RepeatedWords {
            min_run: p.usize("min_run", 3)?.max(3),
        })
    }
}

impl Rule for RepeatedWords {
    fn prefilter(&self) -> Prefilter {
        Prefilter::classes(Classes::REPEATED_WORD)
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let ws = f.words();
            let mut i = 0;
            while i < ws.len() {
                let t = ws[i].text(sk);
                let mut j = i + 1;
                while j < ws.len() && ws[j].text(sk) == t {
                    j += 1;
                }
                if j - i >= self.min_run && !t.bytes().all(|b| b.is_ascii_digit()) {
                    out.push(f.hit_words(i, j - 1));
                }
                i = j;
            }
        }
    }
}
