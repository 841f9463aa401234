use davar_input::persian::{AFTER_HEH, PREFIXES, SUFFIXES, joined_by_half_space as joins};

use crate::prefilter::class::is_horizontal_space;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A space where Persian writes a zero-width non-joiner (نیم‌فاصله) between a word and
    /// its prefix or suffix: `می کنم`, `نمی ارزه`, `دکمه ها`, `مدل های`, `بزرگ تر`,
    /// `کیفیت ترین`, `حرفه ای`, `خسته ام`, `کرده اند`, `اندازه اش`, `اندازه ی`.
    ///
    /// ## Why
    /// Terms: write correct Persian. A space splits one word in two for readers and search.
    ///
    /// ## How it decides
    /// As virastar and hazm do, only a space the author typed is judged, never letters
    /// written together (`میز`, `تهران` stay): the verb prefixes `می`/`نمی` before a word;
    /// the plural and comparative suffixes (`ها`, `های`, `هایی`, `هایش` ..., `تر`, `ترین`)
    /// after a word of at least two letters; and after a word ending in `ه`, the endings
    /// `ام`, `ای`, `ایم`, `اید`, `اند`, `اش`, `ات` and the linking `ی`. Function words (`که`,
    /// `نه`, `چه`, `این`, `از` ...) are never joined, `تری` is left alone (`آی تری` is
    /// "i3"), and the laughter `ها ها` is not a plural. `تر` after a noun (`پارچه تر`) is the
    /// adjective "wet", unless `با`, `بی`, `پر`, `کم`, `خوش` or `بد` before the noun makes an
    /// adjective of it (`با کیفیت تر`). Only Persian letters on both sides,
    /// and only spaces between them. The decision is `davar_input::persian`'s, which the
    /// policy check `half-space` shares.
    ///
    /// ## Fix
    /// Fixable: the spaces become one zero-width non-joiner (`می کنم` → `می‌کنم`). The
    /// span covers both parts; applying the fix again changes nothing.
    code: "style/half-space", severity: Fix, fixable: true, removes_content: false, params: [],
    pub(crate) struct HalfSpace;
}

impl HalfSpace {
    fn build(_p: &Params<'_>) -> Result<HalfSpace, String> {
        Ok(HalfSpace)
    }
}

impl Rule for HalfSpace {
    fn prefilter(&self) -> Prefilter {
        // One side is an affix, written as a word of its own.
        Prefilter::words(
            PREFIXES.iter().chain(SUFFIXES).chain(AFTER_HEH).copied(),
            false,
        )
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let ws = f.words();
            for i in 1..ws.len() {
                let (a, b) = (ws[i - 1].text(sk), ws[i].text(sk));
                let before_a = i.checked_sub(2).map(|j| ws[j].text(sk));
                let after_b = ws.get(i + 1).map(|w| w.text(sk));
                if !joins(before_a, a, b, after_b) {
                    continue;
                }
                let skeleton = f.skeleton();
                let (start, a_end) = skeleton.to_original(ws[i - 1].start, ws[i - 1].end);
                let (b_start, end) = skeleton.to_original(ws[i].start, ws[i].end);
                // Only spaces between the two (no line break, no joiner, no mark).
                let gap = f.cps.get(a_end..b_start).unwrap_or_default();
                if gap.is_empty() || !gap.iter().all(|&c| is_horizontal_space(c)) {
                    continue;
                }
                // The skeleton reads `آ` as `ا`: `نقطه آی آر` spells letters, it is no `ای`.
                let affix = if PREFIXES.contains(&a) {
                    start..a_end
                } else {
                    b_start..end
                };
                if f.cps.get(affix).unwrap_or_default().contains(&'آ') {
                    continue;
                }
                out.push(f.hit_cp(start, end).with_edit(a_end, b_start, "\u{200C}"));
            }
        }
    }
}
