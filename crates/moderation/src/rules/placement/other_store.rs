use regex::Regex;

use crate::marketplace::names_within;
use crate::phrase::PhraseSet;
use crate::rules::prelude::*;
use crate::text::fold_pattern;

declare_rule! {
    /// ## What it flags
    /// Names of other shops and marketplaces (`lexicons/stores.fa.txt`: Digikala, Torob,
    /// Basalam, Amazon ... in Persian and Latin spellings) and physical shop addresses
    /// (`پاساژ ...`, `خیابان ... پلاک ۱۲`, `آدرس مغازه`, `مغازه ما`).
    ///
    /// ## Why
    /// Terms: do not send buyers to other shops; Q&A must not ask for or give their addresses.
    ///
    /// ## How it decides
    /// Whole words on the skeleton, so `دیجی‌کالا`, `دیجیکالا` and `دیجی کالا` are one name.
    /// Store names that are also ordinary words (`دیوار` "wall", `باسلام` "with greetings")
    /// are only matched in their Latin spelling or after a preposition (`از ترب`, `at Target`).
    /// The marketplace's own names and brand spellings (`marketplace` in `site.yaml`) are
    /// never another store, in any spacing: when the site is Digikala, `دیجی کالا` is home.
    /// The en/fr/de rule sets list the big marketplaces and classifieds of their markets
    /// (`stores.en`, `stores.fr`, `stores.de`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "placement/other-store", severity: Review, fixable: false, params: ["stores"],
    pub(crate) struct OtherStore { stores: PhraseSet, address: Regex, home: Vec<String> }
}

impl OtherStore {
    fn build(p: &Params<'_>) -> Result<OtherStore, String> {
        let pattern = r"(?:^|[^\p{L}])((?:پاساژ|مجتمع تجاری)\s+[\p{L}]+|(?:آدرس|ادرس)\s+(?:مغازه|فروشگاه|دفتر|شعبه)(?:\s*(?:ما|مون|ش|شون))?|(?:مغازه|فروشگاه)(?:\s+(?:ما|مون|من|خودمون)|مون|مان)(?:[^\p{L}]|$)|(?:حضوری|حضورا)\s+(?:بیاید|تشریف بیارید|مراجعه کنید))";
        Ok(OtherStore {
            stores: PhraseSet::new(p.lexicons("stores", &["stores.fa"])?, false),
            address: Regex::new(&fold_pattern(pattern)).map_err(|e| e.to_string())?,
            home: p.marketplace().name_keys(),
        })
    }
}

impl Rule for OtherStore {
    fn prefilter(&self) -> Prefilter {
        // A store name, a house number (`پلاک`), or a word every address phrasing has.
        self.stores.prefilter().or(Prefilter::literals([
            "پلاک",
            "پاساژ",
            "مجتمع",
            "ادرس",
            "مغازه",
            "فروشگاه",
            "حضور",
        ]))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            for m in self.stores.find_all(sk, f.words()) {
                if !names_within(&self.home, sk, f.words(), m.first, m.last) {
                    out.push(f.hit_words(m.first, m.last));
                }
            }
            // `خیابان ... پلاک ۱۲`: a street, then within eight words a house number.
            let ws = f.words();
            for (i, w) in ws.iter().enumerate() {
                if w.text(sk) != "پلاک"
                    || !ws
                        .get(i + 1)
                        .is_some_and(|n| n.text(sk).bytes().all(|b| b.is_ascii_digit()))
                {
                    continue;
                }
                if let Some(s) = (i.saturating_sub(8)..i)
                    .find(|&k| matches!(ws[k].text(sk), "خیابان" | "خیابون" | "کوچه" | "بلوار"))
                {
                    out.push(f.hit_words(s, i + 1));
                }
            }
            for c in self.address.captures_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                if let Some(m) = c.get(1) {
                    let t = m
                        .as_str()
                        .trim_end_matches(|ch: char| !ch.is_alphanumeric());
                    out.push(f.hit(m.start(), m.start() + t.len()));
                }
            }
        }
    }
}
