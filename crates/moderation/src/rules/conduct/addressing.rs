use crate::phrase::PhraseSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Addressing or criticising another commenter: `دوستی که گفتی ...`,
    /// `به اون کسی که نوشته ...`, `اونایی که میگن ...`, `to the person who said`.
    ///
    /// ## Why
    /// Terms: a review is about the product, not a reply to another reviewer; the product
    /// page is not a forum.
    ///
    /// ## How it decides
    /// Phrases from `lexicons/addressing.fa.txt`, matched whole-word on the skeleton.
    /// A person must look (`review`): some of these are friendly.
    ///
    /// ## Fix
    /// Not fixable.
    code: "conduct/addressing", severity: Review, fixable: false, params: ["lexicon"],
    pub(crate) struct Addressing { phrases: PhraseSet }
}

impl Addressing {
    fn build(p: &Params<'_>) -> Result<Addressing, String> {
        Ok(Addressing {
            phrases: PhraseSet::new(p.lexicons("lexicon", &["addressing.fa"])?, false),
        })
    }
}

impl Rule for Addressing {
    fn prefilter(&self) -> Prefilter {
        self.phrases.prefilter()
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            for m in self.phrases.find_all(f.sk(), f.words()) {
                out.push(f.hit_words(m.first, m.last));
            }
        }
    }
}
