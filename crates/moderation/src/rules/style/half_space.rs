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
    /// "i3"), and the laughter `ها ها` is not a plural. Only Persian letters on both sides,
    /// and only spaces between them.
    ///
    /// ## Fix
    /// Fixable: the spaces become one zero-width non-joiner (`می کنم` → `می‌کنم`). The
    /// span covers both parts; applying the fix again changes nothing.
    code: "style/half-space", severity: Fix, fixable: true, params: [],
    pub(crate) struct HalfSpace;
}

impl HalfSpace {
    fn build(_p: &Params<'_>) -> Result<HalfSpace, String> {
        Ok(HalfSpace)
    }
}

/// Verb prefixes joined to the word after them.
const PREFIXES: &[&str] = &["می", "نمی"];
/// Suffixes joined to the word before them.
const SUFFIXES: &[&str] = &[
    "ها",
    "های",
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "هایمان",
    "هایتان",
    "هایشان",
    "تر",
    "ترین",
];
/// Endings joined to a word that ends in `ه` (`خسته ام`, `حرفه ای`, `اندازه ی`).
const AFTER_HEH: &[&str] = &["ام", "ای", "ایم", "اید", "اند", "اش", "ات", "ی"];
/// Words never joined to an affix.
const FUNCTION_WORDS: &[&str] = &[
    "که", "نه", "چه", "به", "با", "از", "در", "را", "رو", "و", "یا", "تا", "هم", "همه", "ها",
    "های", "می", "نمی", "هر", "چند",
];

/// A word of Persian letters only.
fn persian(word: &str) -> bool {
    word.chars().all(|c| ('\u{0620}'..='\u{06D3}').contains(&c))
}

/// Whether words `a` and `b`, written apart, are one word with a half-space.
fn joins(a: &str, b: &str, after_b: Option<&str>) -> bool {
    if !persian(a) || !persian(b) {
        return false;
    }
    if PREFIXES.contains(&a) {
        return b.chars().count() >= 2 && !FUNCTION_WORDS.contains(&b);
    }
    if FUNCTION_WORDS.contains(&a) || a.chars().count() < 2 {
        return false;
    }
    if SUFFIXES.contains(&b) {
        // `ها ها ها` is laughter.
        return !(b == "ها" && after_b == Some("ها"));
    }
    a.ends_with('ه') && AFTER_HEH.contains(&b)
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
                let after_b = ws.get(i + 1).map(|w| w.text(sk));
                if !joins(a, b, after_b) {
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

#[cfg(test)]
mod tests {
    use super::joins;

    #[test]
    fn affixes_join_and_ordinary_words_do_not() {
        assert!(joins("می", "کنم", None));
        assert!(joins("دکمه", "ها", Some("سفت")));
        assert!(joins("حرفه", "ای", None));
        assert!(!joins("می", "و", None));
        assert!(!joins("که", "ای", None));
        assert!(!joins("آی", "تری", None));
        assert!(!joins("خندیدم", "ها", Some("ها")));
        assert!(!joins("کتاب", "ام", None));
        assert!(!joins("book", "ها", None));
    }
}
