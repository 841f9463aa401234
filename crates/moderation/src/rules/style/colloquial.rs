use crate::phrase::PhraseSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Colloquial spellings that have a written form: `میخوام` → `می‌خواهم`,
    /// `نمیدونم` → `نمی‌دانم`, `خوبه` → `خوب است`, from `lexicons/colloquial.fa.txt`
    /// (`colloquial<TAB>written`).
    ///
    /// ## Why
    /// Terms ask for written, not spoken, Persian. Nearly every real review is colloquial,
    /// so this is a hint for the author, never a reason to reject or hold a review.
    ///
    /// ## Fix
    /// The written form is suggested in the message; it is not applied automatically
    /// (rewriting spoken Persian changes the author's voice).
    code: "style/colloquial", severity: Hint, fixable: false, params: ["lexicon"],
    pub(crate) struct Colloquial { words: PhraseSet, written: Vec<String> }
}

impl Colloquial {
    fn build(p: &Params<'_>) -> Result<Colloquial, String> {
        let lexicons = p.lexicons("lexicon", &["colloquial.fa"])?;
        let mut words = PhraseSet::default();
        let mut written = Vec::new();
        for lex in &lexicons {
            for e in &lex.entries {
                let Some(w) = &e.value else {
                    return Err(format!(
                        "{}: entry `{}` has no written form: write `colloquial<TAB>written`",
                        lex.path.display(),
                        e.text
                    ));
                };
                words.insert(&e.text, written.len());
                written.push(w.clone());
            }
        }
        Ok(Colloquial { words, written })
    }
}

impl Rule for Colloquial {
    fn prefilter(&self) -> Prefilter {
        self.words.prefilter()
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            for m in self.words.find_all(f.sk(), f.words()) {
                out.push(
                    f.hit_words(m.first, m.last)
                        .with_fix(self.written[m.entry].clone()),
                );
            }
        }
    }
}
