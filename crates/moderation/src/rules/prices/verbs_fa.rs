//! Persian verbs of paying, buying and costing, read from their stems and the endings of
//! person, tense and object as the skeleton spells them (no zero-width non-joiner, `آ` as `ا`):
//! `خریدم`, `میخرم`, `خریده بودم`, `پرداخت کردم`, `پرداخت‌کرده‌ام`, `کارت کشیدم`, `دراومد`,
//! `تموم شد`, `ازم گرفتن`, `کارت به کارت کردم`, `میفته`.

use crate::text::Word;

/// What a verb says of the amount before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deal {
    /// Paying it: `۲۵۰ پرداخت کردم`, `۲۵۰ دادم`, `۲۵۰ کارت کشیدم`.
    Pay,
    /// Buying for it: `۲۵۰ خریدم`; the number may name the thing bought (`پژو ۴۰۵ خریدم`).
    Buy,
    /// Costing it: `۲۵۰ دراومد`, `۲۵۰ تموم شد`, `۲۵۰ ازم گرفتن`; the number may name the
    /// subject (`پژو ۲۰۸ دراومد`, "came out").
    Cost,
}

/// A Persian verb of paying, buying or costing found at a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VerbMatch {
    /// The index of its last word (an auxiliary after it included: `خریده بودم`).
    pub last: usize,
    pub deal: Deal,
    /// A noun and a light verb (`پرداخت کردم`, `خرید کردم`), in two words or one.
    pub compound: bool,
    /// With an object clitic (`خریدمش`, "bought it").
    pub object: bool,
    /// A form of `دادن` ("give"), paying only in the first person.
    pub give: bool,
    /// A verb that says as much of counting, measuring or ending as of money: the light
    /// verbs of `حساب`, `خرج`, `کارت` and `پیاده` (`۳۶۰ رو حساب کردم`, "I worked out the
    /// 360"; `هفته‌ای ۳۰۰ کارت می‌کشیم`, "we swipe 300 cards a week"; `از خط ۱۴۲ پیاده شدم`, "I got
    /// off the 142") and the verbs of costing `دراومد`, `تموم شد`, `آب خورد` and `میفته`
    /// (`قندم صبح ۱۲۵ دراومد`, "my sugar came out at 125"; `۳۲۰ تموم شد`, "finished at 320").
    pub weak: bool,
}

/// Endings of person after a past stem (`خریدم`, `خریدن`); the third person singular is the
/// bare stem, which is also a noun (`خرید`, `پرداخت`).
const PAST_PERSONS: &[&str] = &["م", "ی", "یم", "ید", "ین", "ن", "ند"];

/// Endings of person after a present stem (`میخرم`, `میخره`, `میخرید`).
const PRESENT_PERSONS: &[&str] = &["م", "ی", "ه", "د", "یم", "ید", "ین", "ن", "ند"];

/// Endings of the present perfect after the participle, joined (`خریده‌ام`: `خریدهام`).
const PERFECT_PERSONS: &[&str] = &["ام", "ای", "ایم", "اید", "اند"];

/// Object clitics after a verb (`خریدمش`, `خریدیمشون`), longest first.
const OBJECT_CLITICS: &[&str] = &["شون", "شان", "ش"];

/// Auxiliaries after a participle: `خریده بودم`, `پرداخت کرده بودیم`, `خریده است`.
const AUXILIARIES: &[&str] = &[
    "بودم",
    "بودیم",
    "بودی",
    "بودید",
    "بودین",
    "بود",
    "بودن",
    "بودند",
    "است",
    "هست",
    "ام",
    "ایم",
];

/// A verb by its past stem and its present stems.
struct Stems {
    past: &'static [&'static str],
    present: &'static [&'static str],
}

const BUY: Stems = Stems {
    past: &["خرید"],
    present: &["خر"],
};
const PAY: Stems = Stems {
    past: &["پرداخت"],
    present: &["پرداز"],
};
const GIVE: Stems = Stems {
    past: &["داد"],
    present: &["ده", "د"],
};
const GET: Stems = Stems {
    past: &["گرفت"],
    present: &["گیر"],
};
const DO: Stems = Stems {
    past: &["کرد"],
    present: &["کن"],
};
const DO_FORMAL: Stems = Stems {
    past: &["نمود"],
    present: &["نما"],
};
const BECOME: Stems = Stems {
    past: &["شد"],
    present: &["شو", "ش"],
};
const BECOME_FORMAL: Stems = Stems {
    past: &["گردید"],
    present: &["گرد"],
};
const HIT: Stems = Stems {
    past: &["زد"],
    present: &["زن"],
};
const DRAW: Stems = Stems {
    past: &["کشید"],
    present: &["کش"],
};
const EAT: Stems = Stems {
    past: &["خورد"],
    present: &["خور"],
};
/// `سلفیدن` (slang, "pay": `۲۵۰ سلفیدم`).
const SHELL_OUT: Stems = Stems {
    past: &["سلفید"],
    present: &["سلف"],
};
/// `افتادن` ("fall"; of a price, "come to": `۲۵۰ میفته برات`).
const FALL: Stems = Stems {
    past: &["افتاد", "فتاد"],
    present: &["افت", "فت"],
};
/// `آمدن` ("come") as spoken and written: `اومد`, `امد`, `ومد` (`درومد`), `میاد`.
const COME: Stems = Stems {
    past: &["اومد", "امد", "ومد"],
    present: &["ا", "یا"],
};

/// Nouns (one or two words) that make a verb of paying, buying or costing with a light verb:
/// `پرداخت کردم`, `واریز شد`, `خرید زدم`, `کارت کشیدم`, `حساب کردم`, `خرج کردم`, `پیاده
/// شدم` (slang, "shelled out"), `تموم شد` ("came to"), `آب خورد` (slang, "cost"), `در
/// اومد` ("came out at"), `ازم گرفتن` ("they charged me"); `true` last for a weak verb
/// (see [`VerbMatch::weak`]).
const COMPOUNDS: &[(&[&str], Deal, &[&Stems], bool)] = &[
    (
        &["پرداخت"],
        Deal::Pay,
        &[&DO, &DO_FORMAL, &BECOME, &BECOME_FORMAL],
        false,
    ),
    (
        &["واریز"],
        Deal::Pay,
        &[&DO, &DO_FORMAL, &BECOME, &BECOME_FORMAL],
        false,
    ),
    (&["خرید"], Deal::Buy, &[&DO, &DO_FORMAL, &HIT], false),
    (&["ابتیاع"], Deal::Buy, &[&DO, &DO_FORMAL], false),
    (&["خریداری"], Deal::Buy, &[&DO, &DO_FORMAL, &BECOME], false),
    (&["حساب"], Deal::Pay, &[&DO, &BECOME], true),
    (&["خرج"], Deal::Pay, &[&DO, &BECOME], true),
    (&["هزینه"], Deal::Pay, &[&DO], false),
    (&["کارت"], Deal::Pay, &[&DRAW, &HIT], true),
    (&["پیاده"], Deal::Pay, &[&BECOME], true),
    (&["تموم"], Deal::Cost, &[&BECOME], true),
    (&["تمام"], Deal::Cost, &[&BECOME], true),
    (&["اب"], Deal::Cost, &[&EAT], true),
    (&["در"], Deal::Cost, &[&COME], true),
    (&["کارت", "به", "کارت"], Deal::Pay, &[&DO], false),
    (&["خرجش"], Deal::Cost, &[&BECOME], false),
    (&["خرجشون"], Deal::Cost, &[&BECOME], false),
    (&["ازم"], Deal::Cost, &[&GET], false),
    (&["ازمون"], Deal::Cost, &[&GET], false),
    (&["ازمان"], Deal::Cost, &[&GET], false),
    (&["از", "من"], Deal::Cost, &[&GET], false),
    (&["از", "ما"], Deal::Cost, &[&GET], false),
];

/// Nouns spelled like a noun of `COMPOUNDS` joined to a light verb: `درآمد` ("income").
const JOINED_NOUNS: &[&str] = &["درامد"];

/// Whether `w` ends with an object clitic; `w` without it.
fn clitic(w: &str) -> (&str, bool) {
    OBJECT_CLITICS
        .iter()
        .find_map(|c| w.strip_suffix(c).filter(|s| s.chars().count() >= 2))
        .map_or((w, false), |s| (s, true))
}

/// Whether `w` (without its object clitic) is a finite form or the participle of the verb of
/// `stems`: the past with a person ending (`خریدم`; the bare stem too when `bare`: `شد`),
/// the participle and the present perfect (`خریده`, `خریدهام`), the past continuous
/// (`میخریدم`), the present and the subjunctive (`میخرم`, `بخرم`; when `bare`, for a light
/// verb, also without `می` or `ب`: `کنید`, and the bare present stem, an imperative: `کن`).
fn form_of(w: &str, stems: &Stems, bare: bool) -> bool {
    let persons = |rest: &str, endings: &[&str], bare: bool| {
        (bare && rest.is_empty()) || endings.contains(&rest)
    };
    stems.past.iter().any(|p| {
        w.strip_prefix(p).is_some_and(|rest| {
            persons(rest, PAST_PERSONS, bare)
                || rest
                    .strip_prefix('ه')
                    .is_some_and(|r| r.is_empty() || PERFECT_PERSONS.contains(&r))
        }) || w
            .strip_prefix("می")
            .and_then(|r| r.strip_prefix(p))
            .is_some_and(|rest| persons(rest, PAST_PERSONS, true))
    }) || stems.present.iter().any(|p| {
        let tensed = ["می", "ب"].iter().any(|m| {
            w.strip_prefix(m)
                .and_then(|r| r.strip_prefix(p))
                .is_some_and(|rest| persons(rest, PRESENT_PERSONS, true))
        });
        // Without `می` or `ب`, the present of a light verb (`پرداخت کنید`); a stem of one
        // letter reads so as other words (`درام`, "drama").
        tensed
            || (bare
                && p.chars().count() >= 2
                && w.strip_prefix(p)
                    .is_some_and(|rest| persons(rest, PRESENT_PERSONS, true)))
    })
}

/// The Persian verb of paying, buying or costing that starts at word `k`, if one does: a full
/// verb (`خریدم`, `میخرید`, `خریده بودم`, `پرداختم`; `دادم` and `گرفتمش` only in the first
/// person, `گرفتم` only with its object: "I took" is too general), or a noun of `COMPOUNDS`
/// and a light verb after it or joined to it (`پرداخت کردم`, `پرداخت‌کردم`, `دراومد`). Words
/// must be parted by spaces only.
pub(crate) fn verb_at(sk: &str, ws: &[Word], k: usize) -> Option<VerbMatch> {
    let text = |j: usize| ws.get(j).map(|w| w.text(sk));
    let spaced = |j: usize| {
        sk[ws[j - 1].end..ws[j].start]
            .chars()
            .all(char::is_whitespace)
    };
    // An auxiliary after a participle ends the verb: `خریده بودم`.
    let with_aux = |last: usize| {
        let participle = text(last).is_some_and(|w| w.ends_with('ه'));
        if participle
            && text(last + 1).is_some_and(|a| AUXILIARIES.contains(&a))
            && spaced(last + 1)
        {
            last + 1
        } else {
            last
        }
    };
    let w = text(k)?;
    let (stem, object) = clitic(w);
    let full = |deal: Deal, give: bool| {
        Some(VerbMatch {
            last: with_aux(k),
            deal,
            compound: false,
            object,
            give,
            weak: false,
        })
    };
    if form_of(stem, &BUY, false) {
        return full(Deal::Buy, false);
    }
    if form_of(stem, &PAY, false) || form_of(stem, &SHELL_OUT, false) {
        return full(Deal::Pay, false);
    }
    // `۲۵۰ میفته برات`: the amount comes to it; `افتاد` is also "fell".
    if form_of(stem, &FALL, false) {
        return full(Deal::Cost, false).map(|v| VerbMatch { weak: true, ..v });
    }
    // `دادم`, `دادیم`, `دادمش`, `داده بودم`: the first person only.
    let first_person = |stems: &Stems| {
        stems.past.iter().any(|p| {
            stem.strip_prefix(p).is_some_and(|rest| {
                matches!(rest, "م" | "یم" | "هام" | "هایم")
                    || (rest == "ه" && text(k + 1).is_some_and(|a| matches!(a, "بودم" | "بودیم")))
            })
        })
    };
    if first_person(&GIVE) {
        return full(Deal::Pay, true);
    }
    if object && first_person(&GET) {
        return full(Deal::Buy, false);
    }
    for (noun, deal, lights, weak) in COMPOUNDS {
        let n = noun.len();
        if !(0..n).all(|i| text(k + i) == Some(noun[i]) && (i == 0 || spaced(k + i))) {
            // Joined: `پرداختکردم` (ZWNJ dropped), `دراومد`, `ازم‌گرفتن`; not the nouns
            // written so (`درآمد`, "income").
            if n == 1
                && !JOINED_NOUNS.contains(&w)
                && let Some(light) = w.strip_prefix(noun[0])
                && lights.iter().any(|l| form_of(clitic(light).0, l, true))
            {
                return Some(VerbMatch {
                    last: with_aux(k),
                    deal: *deal,
                    compound: true,
                    object: clitic(light).1,
                    give: false,
                    weak: *weak,
                });
            }
            continue;
        }
        let v = k + n;
        if let Some(light) = text(v)
            && spaced(v)
            && lights.iter().any(|l| form_of(clitic(light).0, l, true))
        {
            return Some(VerbMatch {
                last: with_aux(v),
                deal: *deal,
                compound: true,
                object: clitic(light).1,
                give: false,
                weak: *weak,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deal(text: &str) -> Option<Deal> {
        let sk = crate::text::skeleton_key(text);
        let ws = crate::text::words(&sk);
        verb_at(&sk, &ws, 0).map(|m| m.deal)
    }

    #[test]
    fn reads_tenses_persons_and_light_verbs() {
        for (text, want) in [
            ("خریدم", Some(Deal::Buy)),
            ("میخرید", Some(Deal::Buy)),
            ("خریده بودم", Some(Deal::Buy)),
            ("خریده‌ام", Some(Deal::Buy)),
            ("خریدیمش", Some(Deal::Buy)),
            ("گرفتمش", Some(Deal::Buy)),
            ("پرداخت کرده بودم", Some(Deal::Pay)),
            ("پرداخت‌کردم", Some(Deal::Pay)),
            ("پرداخت میکنید", Some(Deal::Pay)),
            ("واریز شد", Some(Deal::Pay)),
            ("کارت کشیدم", Some(Deal::Pay)),
            ("دادم", Some(Deal::Pay)),
            ("دراومد", Some(Deal::Cost)),
            ("درومد", Some(Deal::Cost)),
            ("در اومد", Some(Deal::Cost)),
            ("تموم شد", Some(Deal::Cost)),
            ("آب خورد", Some(Deal::Cost)),
            ("ازم گرفتن", Some(Deal::Cost)),
            ("کارت به کارت کردم", Some(Deal::Pay)),
            ("سلفیدم", Some(Deal::Pay)),
            ("میفته", Some(Deal::Cost)),
            ("خرجش شد", Some(Deal::Cost)),
            ("افتاد", None),
            // The bare past stem is a noun; `گرفتم` and `داد` are too general.
            ("خرید", None),
            ("پرداخت", None),
            ("گرفتم", None),
            ("داد", None),
            ("درامد", None),
            ("خریداری", None),
        ] {
            assert_eq!(deal(text), want, "{text}");
        }
    }

    #[test]
    fn weak_verbs_are_those_that_also_count_measure_or_end() {
        let weak = |text: &str| {
            let sk = crate::text::skeleton_key(text);
            let ws = crate::text::words(&sk);
            verb_at(&sk, &ws, 0).map(|m| m.weak)
        };
        for text in [
            "حساب کردم",
            "خرج کردم",
            "کارت کشیدم",
            "پیاده شدم",
            "دراومد",
            "تموم شد",
            "آب خورد",
            "میفته",
        ] {
            assert_eq!(weak(text), Some(true), "{text}");
        }
        for text in [
            "پرداخت کردم",
            "کارت به کارت کردم",
            "خریدم",
            "دادم",
            "خرجش شد",
            "ازم گرفتن",
        ] {
            assert_eq!(weak(text), Some(false), "{text}");
        }
    }
}
