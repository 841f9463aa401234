use crate::cue::CueSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Claims no one buyer could establish: a superlative over the whole market, the world or
    /// all time (`بهترین اتوی دنیاست`, `رقیب نداره`, `لنگه نداره`) and impossible claims stated
    /// as fact (`معجزه میکنه`, `تا آخر عمر کار میکنه`, `صد برابر بهتره`). Strong judgement
    /// (`عالی`, `بی‌نظیر`, `حرف نداره`) and superlatives limited to the reviewer or a price
    /// range (`بهترین خریدم`, `بهترین در این رنج قیمت`) are not flagged.
    ///
    /// ## Why
    /// Terms: judge the product from real use and avoid exaggeration.
    ///
    /// ## How it decides
    /// Cues from `lexicons/exaggeration.fa.txt` (phrases, word stems and two parts within `window`
    /// words of one sentence; see `src/cue.rs`), matched on the skeleton of the title and
    /// the body; a cue that shares a word with a veto (`not`) does not count. With
    /// `reach: strict` only the cues marked `strict` count. A person must look (`review`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "review/exaggeration", severity: Review, fixable: false, params: ["lexicon", "reach", "window"],
    pub(crate) struct Exaggeration { cues: CueSet }
}

impl Exaggeration {
    fn build(p: &Params<'_>) -> Result<Exaggeration, String> {
        Ok(Exaggeration {
            cues: CueSet::from_params(p, "lexicon", &["exaggeration.fa"])?,
        })
    }
}

impl Rule for Exaggeration {
    fn prefilter(&self) -> Prefilter {
        // Every match starts with the first token of a cue.
        self.cues.prefilter()
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        self.cues.report(cx, fields, out);
    }
}
