use crate::phrase::PhraseSet;
use crate::rules::prelude::*;
use crate::text::is_letter;

declare_rule! {
    /// ## What it flags
    /// A comment for a Persian storefront written mostly in Latin letters: Finglish
    /// (`kheili khoob bood`) or another language.
    ///
    /// ## Why
    /// Terms: write in Persian with a Persian keyboard, so that every reader can read it.
    ///
    /// ## How it decides
    /// Letters of title and body are counted. It fires when Latin letters are at least
    /// `min_ratio` (default 0.6) of all letters **and** the Latin text reads as a language, not
    /// as names: at least `min_markers` (default 1) Finglish or common English/French/German
    /// words from `lexicons/latin-markers.txt`, or at least `min_letters` (default 60) Latin
    /// letters. Brand and model names inside Persian text (`Galaxy A54`,
    /// `Xiaomi Redmi Note 12`), which about 9% of real reviews contain, never reach that.
    ///
    /// ## Fix
    /// Not fixable (the author must rewrite in Persian).
    code: "script/latin", severity: Reject, fixable: false, params: ["min_ratio", "min_markers", "min_letters", "markers"],
    pub(crate) struct Latin { min_ratio: f64, min_markers: usize, min_letters: usize, markers: PhraseSet }
}

impl Latin {
    fn build(p: &Params<'_>) -> Result<Latin, String> {
        Ok(Latin {
            min_ratio: p.f64("min_ratio", 0.6)?,
            min_markers: p.usize("min_markers", 1)?,
            min_letters: p.usize("min_letters", 60)?,
            markers: PhraseSet::new(p.lexicons("markers", &["latin-markers"])?, true),
        })
    }
}

impl Rule for Latin {
    fn prefilter(&self) -> Prefilter {
        // The whole comment is judged, when a field has a Latin letter.
        Prefilter::classes(Classes::LATIN)
    }

    fn check(&self, cx: &Ctx<'_>, _fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        let (mut latin, mut other, mut markers) = (0usize, 0usize, 0usize);
        for f in cx.fields() {
            for c in f.sk().chars() {
                if c.is_ascii_alphabetic() {
                    latin += 1;
                } else if is_letter(c) {
                    other += 1;
                }
            }
            if latin > 0 {
                markers += f
                    .words()
                    .iter()
                    .filter(|w| {
                        let t = w.text(f.sk());
                        t.is_ascii() && self.markers.contains_word(t)
                    })
                    .count();
            }
        }
        if latin == 0 || (latin as f64) < self.min_ratio * (latin + other) as f64 {
            return;
        }
        if markers < self.min_markers && latin < self.min_letters {
            return;
        }
        // Point at the field with the most Latin text, from its first to its last Latin letter.
        let best = cx
            .fields()
            .max_by_key(|f| f.cps.iter().filter(|c| c.is_ascii_alphabetic()).count());
        if let Some(f) = best {
            let first = f.cps.iter().position(char::is_ascii_alphabetic);
            let last = f.cps.iter().rposition(char::is_ascii_alphabetic);
            if let (Some(s), Some(e)) = (first, last) {
                out.push(f.hit_cp(s, e + 1));
            }
        }
    }
}
