use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Letters stretched with the kashida (tatweel, U+0640): `عالـــــی`, `خـــوب`.
    ///
    /// ## Why
    /// Terms: no stretched letters. Kashida is decoration; it also splits words for search.
    ///
    /// ## Fix
    /// Fixable: every kashida is removed (`عالـــــی` → `عالی`).
    code: "style/kashida", severity: Fix, fixable: true, removes_content: false, params: [],
    pub(crate) struct Kashida;
}

impl Kashida {
    fn build(_p: &Params<'_>) -> Result<Kashida, String> {
        Ok(Kashida)
    }
}

impl Rule for Kashida {
    fn prefilter(&self) -> Prefilter {
        Prefilter::classes(Classes::KASHIDA)
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let mut run: Option<usize> = None;
            for (i, c) in f.original.chars().chain(std::iter::once('\0')).enumerate() {
                match (c == '\u{0640}', run) {
                    (true, None) => run = Some(i),
                    (false, Some(s)) => {
                        out.push(f.hit_cp(s, i).with_fix(""));
                        run = None;
                    }
                    _ => {}
                }
            }
        }
    }
}
