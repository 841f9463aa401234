use crate::cue::CueSet;
use crate::lexicon::read_tags;
use crate::numbers::NumberWords;
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
    /// `near` such as `بد` only within two words; entries marked `duration` such as `طول کشید`
    /// not after a stated time of at most `usual_days` days, default 7: `ارسالش ۳ تا ۵ روز
    /// طول کشید` states a delivery time, `ارسالش دو هفته طول کشید` complains), or a complaint
    /// right before it. Praise of the
    /// service (`ارسال سریع بود`) is not flagged. Also any cue of `lexicons/site-criticism.fa.txt`
    /// (parameter `cues`; phrases, word stems and two parts within `window` words of one
    /// sentence, vetoes; see `src/cue.rs`): a wrong item sent (`مشکی سفارش دادم … فرستادن`),
    /// a fake supplied, a refused return, packing thrown in a bag, telling readers not to buy
    /// from the site. With `reach: strict` only the cues marked `strict` count. A person must
    /// look (`review`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "conduct/site-criticism", severity: Review, fixable: false, params: ["services", "complaints", "window", "cues", "reach", "number_words", "usual_days"],
    pub(crate) struct SiteCriticism { services: PhraseSet, complaints: PhraseSet, kinds: Vec<Complaint>, window: usize, cues: CueSet, numbers: NumberWords, usual_hours: u64 }
}

impl SiteCriticism {
    fn build(p: &Params<'_>) -> Result<SiteCriticism, String> {
        let complaint_lexicons = p.lexicons("complaints", &["site-complaints.fa"])?;
        let kinds = read_tags(
            complaint_lexicons.iter().copied(),
            &[
                (None, Complaint::Plain, "a complaint after the service word"),
                (
                    Some("near"),
                    Complaint::Near,
                    "a generic word: a complaint only within two words of the service word",
                ),
                (
                    Some("duration"),
                    Complaint::Duration,
                    "how long it took: not a complaint after a usual time (`۳ روز طول کشید`)",
                ),
            ],
        )?
        .into_iter()
        .map(|(_, k)| k)
        .collect();
        let usual_days = p.usize("usual_days", 7)?;
        Ok(SiteCriticism {
            services: PhraseSet::new(p.lexicons("services", &["site-services.fa"])?, false),
            complaints: PhraseSet::new(complaint_lexicons, false),
            kinds,
            window: p.usize("window", 8)?,
            cues: CueSet::from_params(p, "cues", &["site-criticism.fa"])?,
            numbers: NumberWords::from_lexicons(
                &p.lexicons("number_words", &["number-words.fa"])?,
            )?,
            usual_hours: u64::try_from(usual_days)
                .unwrap_or(u64::MAX)
                .saturating_mul(24),
        })
    }
}

/// Words that negate the complaint before them (skeleton spelling).
const NEGATORS: &[&str] = &["نبود", "نیست", "نبوده", "نشد", "نبودش", "نیستش", "نیس"];

/// How a complaint word of the lexicon counts, by its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Complaint {
    /// Within `window` words after the service word, or right before it.
    Plain,
    /// A generic word (`بد`): within two words.
    Near,
    /// How long it took (`طول کشید`): not after a stated time of at most `usual_days`.
    Duration,
}

/// Units of time after a number, in hours (`۳ روز`, `دو روزه`, `۴۸ ساعت`, `یک هفته`).
const TIME_UNITS: &[(&str, u64)] = &[
    ("ساعت", 1),
    ("ساعته", 1),
    ("روز", 24),
    ("روزه", 24),
    ("روزکاری", 24),
    ("هفته", 24 * 7),
    ("هفته‌ای", 24 * 7),
];

impl SiteCriticism {
    /// Whether a number and a unit of time of at most `usual_days` days stand right before word
    /// `k` (`ارسالش ۳ تا ۵ روز طول کشید`, `دو روز کاری طول کشید`; for a range, its upper end).
    fn usual_time_before(&self, f: &FieldText<'_>, k: usize) -> bool {
        let (sk, ws) = (f.sk(), f.words());
        // `روز کاری` ("working days") is a day.
        let mut unit = k.checked_sub(1);
        if unit.is_some_and(|u| ws[u].text(sk) == "کاری") {
            unit = unit.and_then(|u| u.checked_sub(1));
        }
        let Some(unit) = unit else { return false };
        let Some(&(_, hours)) = TIME_UNITS
            .iter()
            .find(|(name, _)| crate::text::skeleton_key(name) == ws[unit].text(sk))
        else {
            return false;
        };
        f.numbers(&self.numbers, false)
            .iter()
            .find(|c| c.last_word + 1 == unit)
            .and_then(|c| c.digits.as_str().parse::<u64>().ok())
            .is_some_and(|v| v.saturating_mul(hours) <= self.usual_hours)
    }
}

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
                    let negated = ws
                        .get(c.last + 1)
                        .is_some_and(|w| NEGATORS.contains(&w.text(sk)));
                    let usual = self.kinds.get(c.entry) == Some(&Complaint::Duration)
                        && self.usual_time_before(f, c.first);
                    !negated && !usual
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
                        let limit = if self.kinds.get(c.entry) == Some(&Complaint::Near) {
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
