use crate::cue::CueSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A remark on the price without a figure that goes stale or disputes the pricing: a
    /// change (`قبل از گرونی خریدم`, `روز به روز گرون‌تر میشه`), the same product elsewhere
    /// (`بیرون ارزون‌تره`), unfair pricing (`قیمتش منصفانه نیست`), timing (`تا گرون نشده
    /// بخرید`). Value for money (`نسبت به قیمتش خوبه`, `ارزش خرید داره`) and a bare level
    /// (`قیمتش مناسبه`) are not flagged; amounts are `prices/amount`.
    ///
    /// ## Why
    /// Terms: do not state, ask about or comment on the price; the product page has a price
    /// chart.
    ///
    /// ## How it decides
    /// Cues from `lexicons/price-comment.fa.txt` (phrases, word stems and two parts within `window`
    /// words of one sentence; see `src/cue.rs`), matched on the skeleton of the title and
    /// the body; a cue that shares a word with a veto (`not`) does not count. With
    /// `reach: strict` only the cues marked `strict` count. A person must look (`review`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "prices/comment", severity: Review, fixable: false, params: ["lexicon", "reach", "window"],
    pub(crate) struct PriceComment { cues: CueSet }
}

impl PriceComment {
    fn build(p: &Params<'_>) -> Result<PriceComment, String> {
        Ok(PriceComment {
            cues: CueSet::from_params(p, "lexicon", &["price-comment.fa"])?,
        })
    }
}

impl Rule for PriceComment {
    fn prefilter(&self) -> Prefilter {
        // Every match starts with the first token of a cue.
        self.cues.prefilter()
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        self.cues.report(cx, fields, out);
    }
}
