use crate::cue::CueSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Information the reviewer did not observe, stated as something to believe: hearsay
    /// (`میگن بعد یه سال باتریش باد میکنه`, `شنیدم کارخونش تعطیل شده`, `تعمیرکار گفت`,
    /// `مورد تایید پزشکان`) and sweeping unsupported claims (`بازار پر از فیکه`). Doubt stated
    /// as doubt (`نمی‌دونم اصله یا نه`) and what other reviewers said (`conduct/addressing`) are
    /// not flagged.
    ///
    /// ## Why
    /// Terms: only the product; rumours and unverified claims are not published.
    ///
    /// ## How it decides
    /// Cues from `lexicons/rumour.fa.txt` (phrases, word stems and two parts within `window`
    /// words of one sentence; see `src/cue.rs`), matched on the skeleton of the title and
    /// the body; a cue that shares a word with a veto (`not`) does not count. With
    /// `reach: strict` only the cues marked `strict` count. A person must look (`review`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "review/rumour", severity: Review, fixable: false, params: ["lexicon", "reach", "window"],
    pub(crate) struct Rumour { cues: CueSet }
}

impl Rumour {
    fn build(p: &Params<'_>) -> Result<Rumour, String> {
        Ok(Rumour {
            cues: CueSet::from_params(p, "lexicon", &["rumour.fa"])?,
        })
    }
}

impl Rule for Rumour {
    fn prefilter(&self) -> Prefilter {
        // Every match starts with the first token of a cue.
        self.cues.prefilter()
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        self.cues.report(cx, fields, out);
    }
}
