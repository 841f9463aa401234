use crate::cue::CueSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A review whose point is not the product: a message to the site or its moderators
    /// (`لطفاً موجودش کنید`, `شگفت‌انگیزش کنید`, `نظر قبلیم منتشر نشد`), personal stories and
    /// chat. Short context (`برای دخترم گرفتم`), greetings and thanks are not flagged, and
    /// neither is a request tacked onto a real review: the rule fires only when the title and
    /// the body together have at most `max_words` words (default 40; 0 for no limit).
    ///
    /// ## Why
    /// Terms: only the product; personal matters and unrelated material are not published.
    ///
    /// ## How it decides
    /// Cues from `lexicons/off-topic.fa.txt` (phrases, word stems and two parts within `window`
    /// words of one sentence; see `src/cue.rs`), matched on the skeleton of the title and
    /// the body; a cue that shares a word with a veto (`not`) does not count. With
    /// `reach: strict` only the cues marked `strict` count. A person must look (`review`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "review/off-topic", severity: Review, fixable: false, params: ["lexicon", "reach", "window", "max_words"],
    pub(crate) struct OffTopic { cues: CueSet, max_words: usize }
}

impl OffTopic {
    fn build(p: &Params<'_>) -> Result<OffTopic, String> {
        Ok(OffTopic {
            cues: CueSet::from_params(p, "lexicon", &["off-topic.fa"])?,
            max_words: p.usize("max_words", 40)?,
        })
    }
}

impl Rule for OffTopic {
    fn prefilter(&self) -> Prefilter {
        // Every match starts with the first token of a cue.
        self.cues.prefilter()
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        // A message is off-topic when it is the review's point, not a line of a longer one.
        let words: usize = cx.fields().map(|f| f.words().len()).sum();
        if self.max_words > 0 && words > self.max_words {
            return;
        }
        self.cues.report(cx, fields, out);
    }
}
