use crate::rules::prelude::*;
use crate::text::is_bidi_control;

declare_rule! {
    /// ## What it flags
    /// Bidi control characters (U+202A-U+202E embeddings and overrides, U+2066-U+2069
    /// isolates) in a comment. The span runs from the first to the last of them.
    ///
    /// ## Why
    /// They change the order a browser shows text in: `\u{202E}moc.erotspaehc\u{202C}` is shown
    /// as `cheapstore.com`, `\u{202E}9876 543 2190\u{202C}` as `0912 345 6789`. Ordinary
    /// Persian or mixed text never needs them (the zero-width non-joiner and the LRM/RLM marks
    /// are not flagged).
    ///
    /// ## How it decides
    /// Any such character is reported for a person to look at. The other rules already read
    /// the text in display order (the skeleton reverses what a right-to-left override
    /// reverses), so a link or number hidden this way is flagged by its own rule as well.
    ///
    /// ## Fix
    /// Not fixable.
    code: "script/bidi-control", severity: Review, fixable: false, params: [],
    pub(crate) struct BidiControl;
}

impl BidiControl {
    fn build(_p: &Params<'_>) -> Result<BidiControl, String> {
        Ok(BidiControl)
    }
}

impl Rule for BidiControl {
    fn prefilter(&self) -> Prefilter {
        Prefilter::classes(Classes::BIDI_CONTROL)
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let first = f.cps.iter().position(|&c| is_bidi_control(c));
            let last = f.cps.iter().rposition(|&c| is_bidi_control(c));
            if let (Some(s), Some(e)) = (first, last) {
                out.push(f.hit_cp(s, e + 1));
            }
        }
    }
}
