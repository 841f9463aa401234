use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A review with no title, an empty title, or a title made only of punctuation, symbols
    /// or emoji (`!!!`, `😍😍`).
    ///
    /// ## Why
    /// Terms: give the review a title that fits its text; it is what readers scan first.
    ///
    /// ## Fix
    /// Not fixable: only the author knows what the title should say.
    code: "review/missing-title", severity: Review, fixable: false, params: [],
    pub(crate) struct MissingTitle;
}

impl MissingTitle {
    fn build(_p: &Params<'_>) -> Result<MissingTitle, String> {
        Ok(MissingTitle)
    }
}

impl Rule for MissingTitle {
    fn prefilter(&self) -> Prefilter {
        Prefilter::Always
    }

    fn check(&self, cx: &Ctx<'_>, _fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        if cx.kind != crate::model::Kind::Review {
            return;
        }
        match &cx.title {
            None => out.push(Hit {
                field: crate::model::Field::Title,
                start: 0,
                end: 0,
                fix: None,
            }),
            // On the skeleton: a title of kashida or zero-width characters is empty too.
            Some(t) if !t.sk().chars().any(char::is_alphanumeric) => {
                out.push(t.hit_cp(0, t.chars));
            }
            Some(_) => {}
        }
    }
}
