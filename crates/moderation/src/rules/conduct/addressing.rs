use crate::cue::CueSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Addressing or criticising another commenter: `دوستی که گفتی ...`,
    /// `به اون کسی که نوشته ...`, `اونایی که میگن ...`, `to the person who said`.
    ///
    /// ## Why
    /// Terms: a review is about the product, not a reply to another reviewer; the product
    /// page is not a forum.
    ///
    /// ## How it decides
    /// Cues from `lexicons/addressing.fa.txt` (phrases, word stems and two parts within
    /// `window` words of one sentence; see `src/cue.rs`), matched on the skeleton of the title
    /// and the body; a cue that shares a word with a veto (`not`: `سلام دوستان`, `به دوستان
    /// پیشنهاد میکنم`) does not count. With `reach: strict` only the cues marked `strict`
    /// count. A person must look (`review`): some of these are friendly.
    ///
    /// ## Fix
    /// Not fixable.
    code: "conduct/addressing", severity: Review, fixable: false, params: ["lexicon", "reach", "window"],
    pub(crate) struct Addressing { cues: CueSet }
}

impl Addressing {
    fn build(p: &Params<'_>) -> Result<Addressing, String> {
        Ok(Addressing {
            cues: CueSet::from_params(p, "lexicon", &["addressing.fa"])?,
        })
    }
}

impl Rule for Addressing {
    fn prefilter(&self) -> Prefilter {
        // Every match starts with the first token of a cue.
        self.cues.prefilter()
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        self.cues.report(cx, fields, out);
    }
}
