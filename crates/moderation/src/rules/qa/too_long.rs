use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A question or answer longer than the rule set's limit `max_chars` (code points of the
    /// body; default 300). The span covers the text past the limit.
    ///
    /// ## Why
    /// Terms: questions and answers are short; long stories belong in a review.
    ///
    /// ## Fix
    /// Not fixable: shortening is the author's job.
    code: "qa/too-long", severity: Reject, fixable: false, params: ["max_chars"],
    pub(crate) struct TooLong { max_chars: usize }
}

impl TooLong {
    fn build(p: &Params<'_>) -> Result<TooLong, String> {
        let max_chars = p.usize("max_chars", 300)?;
        if max_chars == 0 {
            return Err("parameter `max_chars` must be at least 1".into());
        }
        Ok(TooLong { max_chars })
    }
}

impl Rule for TooLong {
    fn prefilter(&self) -> Prefilter {
        Prefilter::Always
    }

    fn check(&self, cx: &Ctx<'_>, _fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        let body = &cx.body;
        let len = body.original.trim_end().chars().count();
        if len > self.max_chars {
            out.push(body.hit_cp(self.max_chars, len));
        }
    }
}
