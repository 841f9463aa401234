use crate::cue::CueSet;
use crate::phrase::PhraseSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A review that criticises the marketplace's own services (delivery, courier, support,
    /// packaging, the site) rather than the product: `ارسالش خیلی دیر بود`,
    /// `پشتیبانی جواب نداد`, `بسته‌بندی افتضاح بود`.
    ///
    /// ## Why
    /// Terms: no criticism of the site or its services in reviews; there is a separate
    /// channel for that, where it can be acted on.
    ///
    /// ## How it decides
    /// In one sentence, a service word (`lexicons/site-services.fa.txt`) within `window` words
    /// (default 8) after it of a complaint word (`lexicons/site-complaints.fa.txt`; entries marked
    /// `near` such as `بد` only within two words), or a complaint right before it. Praise of the
    /// service (`ارسال سریع بود`) is not flagged. Also any cue of `lexicons/site-criticism.fa.txt`
    /// (parameter `cues`; phrases, word stems and two parts within `window` words of one
    /// sentence, vetoes; see `src/cue.rs`): a wrong item sent (`مشکی سفارش دادم … فرستادن`),
    /// a fake supplied, a refused return, packing thrown in a bag, telling readers not to buy
    /// from the site. With `reach: strict` only the cues marked `strict` count. A person must
    /// look (`review`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "conduct/site-criticism", severity: Review, fixable: false, params: ["services", "complaints", "window", "cues", "reach"],
    pub(crate) struct SiteCriticism { services: PhraseSet, complaints: PhraseSet, near_only: Vec<bool>, window: usize, cues: CueSet }
}

impl SiteCriticism {
    fn build(p: &Params<'_>) -> Result<SiteCriticism, String> {
        let complaint_lexicons = p.lexicons("complaints", &["site-complaints.fa"])?;
        let near_only = complaint_lexicons
            .iter()
            .flat_map(|l| l.entries.iter().map(|e| e.value.as_deref() == Some("near")))
            .collect();
        Ok(SiteCriticism {
            services: PhraseSet::new(p.lexicons("services", &["site-services.fa"])?, false),
            complaints: PhraseSet::new(complaint_lexicons, false),
            near_only,
            window: p.usize("window", 8)?,
            cues: CueSet::from_params(p, "cues", &["site-criticism.fa"])?,
        })
    }
}

/// Words that negate the complaint before them (skeleton spelling).
const NEGATORS: &[&str] = &["نبود", "نیست", "نبوده", "نشد", "نبودش", "نیستش", "نیس"];

impl Rule for SiteCriticism {
    fn prefilter(&self) -> Prefilter {
        // A criticism of the service names a service; a cue match starts with a cue's first
        // token.
        self.services.prefilter().or(self.cues.prefilter())
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        self.cues.report(cx, fields, out);
        for f in fields {
            let sk = f.sk();
            let ws = f.words();
            let services = self.services.find_all(sk, ws);
            if services.is_empty() {
                continue;
            }
            // `بد نبود` is not a complaint.
            let complaints: Vec<_> = self
                .complaints
                .find_all(sk, ws)
                .into_iter()
                .filter(|c| {
                    !ws.get(c.last + 1)
                        .is_some_and(|w| NEGATORS.contains(&w.text(sk)))
                })
                .collect();
            let mut last_end = 0usize;
            // Both lists run left to right: only the complaints from `from` on, up to the
            // widest window after the service, can be near it.
            let widest = self.window.max(2);
            let mut from = 0usize;
            for s in &services {
                if cx.out_of_time() {
                    return;
                }
                while complaints.get(from).is_some_and(|c| c.last + 1 < s.first) {
                    from += 1;
                }
                // Persian puts the complaint after its subject (`ارسال خیلی دیر بود`); a
                // complaint before the service word counts only right next to it (`دیر ارسال`).
                // Complaints marked `near` in the lexicon (`بد`) count only within two words.
                let mut near = complaints[from..]
                    .iter()
                    .take_while(|c| c.first <= s.last + widest);
                let near = near.find(|c| {
                    let (lo, hi, limit) = if c.first > s.last {
                        let limit = if self.near_only[c.entry] {
                            2
                        } else {
                            self.window
                        };
                        (s.last, c.first, limit)
                    } else {
                        (c.last, s.first, 1)
                    };
                    hi.saturating_sub(lo) <= limit
                        && !sk[ws[lo].end..ws[hi].start].contains(['.', '!', '؟', '?', '\n', '،'])
                });
                if let Some(c) = near {
                    let first = s.first.min(c.first);
                    let last = s.last.max(c.last);
                    if ws[first].start >= last_end {
                        out.push(f.hit_words(first, last));
                        last_end = ws[last].end;
                    }
                }
            }
        }
    }
}
