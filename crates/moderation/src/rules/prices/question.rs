use regex::Regex;

use crate::rules::prelude::*;
use crate::text::fold_pattern;

declare_rule! {
    /// ## What it flags
    /// Asking about the price: `قیمتش چنده؟`, `چند خریدید؟`, `چند تومن گرفتین`,
    /// `how much did you pay`, `what's the price`, `combien ça coûte`, `wie viel kostet`.
    ///
    /// ## Why
    /// Terms: do not ask about prices in reviews or Q&A; the product page shows the price
    /// and its history.
    ///
    /// ## How it decides
    /// Fixed phrasings in Persian (written and colloquial), English, French and German.
    /// Saying that something is cheap or expensive is not a question and is not flagged.
    ///
    /// ## Fix
    /// Not fixable.
    code: "prices/question", severity: Reject, fixable: false, params: [],
    pub(crate) struct PriceQuestion { re: Regex }
}

impl PriceQuestion {
    fn build(_p: &Params<'_>) -> Result<PriceQuestion, String> {
        let fa = [
            r"قیمت(?:ش|شون|ش رو|ش را|ش الان|ش چه)?\s*(?:الان\s*)?(?:(?:چنده|چند است|چند هست|چند بود|چقدره|چقدر است|چقدر هست|چقدر بود|چند شده|چقدر شده|چقد شده|چند شد|چقدر شد)(?:[^\p{L}]|$)|(?:چند|چقدر|چقد)\s*(?:[?؟]|$))",
            r"(?:چند|چقدر)\s*(?:تومن|تومان|پول)?\s*(?:خریدید|خریدین|خریدی|خریدیدش|خریدینش|خریدیش|گرفتید|گرفتین|گرفتی|گرفتیدش|گرفتینش|گرفتیش|دادید|دادین|دادی|در اومد|درومد|تموم شد|تمام شد)",
            r"(?:چند|چقدر)\s*(?:تومن|تومان|پول)\s*(?:است|هست|ه|میشه|می شود|میشود)(?:[^\p{L}]|$)",
            r"(?:قیمت|قیمتش)\s*(?:رو|را)\s*(?:بگید|بگین|بگویید|میگید|میگین)",
            r"چند\s*(?:درمیاد|در میاد|در می‌آید|درمیاد|درمیومد|میفته|می‌افته|حساب کردن|حساب کردند)",
        ];
        let other = [
            r"how much (?:did you pay|did it cost|does it cost|is it|was it|is this|was this|for this|do they cost|are they)",
            r"what(?:'s| is| was) (?:the|its|your) price",
            r"how much money",
            r"what did you pay",
            r"c'est combien|combien c'est",
            r"was hat (?:es|das|der|die)(?: [a-zäöüß]+){0,3} gekostet",
            r"combien (?:co[uû]te|l'avez|avez[- ]vous pay|vous l'avez|[çc]a co[uû]te|pour)",
            r"quel (?:est|était) (?:le|son) prix",
            r"wie ?viel (?:kostet|kosten|hast du|haben sie|hat es|hat das)",
            r"was (?:kostet|hat (?:es|das|der|die) gekostet|(?:habt ihr|hast du|haben sie)(?: dafür)? (?:bezahlt|gezahlt|ausgegeben))",
            r"wie ?viel (?:habt ihr|hast du|haben sie)(?: dafür)? (?:bezahlt|gezahlt)",
            r"(?:pay[ée]|achet[ée]|pay[ée]e?s?|co[uû]te) combien",
        ];
        let pattern = fa
            .iter()
            .chain(other.iter())
            .copied()
            .collect::<Vec<_>>()
            .join("|");
        Ok(PriceQuestion {
            re: Regex::new(&fold_pattern(&pattern)).map_err(|e| e.to_string())?,
        })
    }
}

/// `چقدره`-like words that end a price question, and the words that complete `چند`/`چقدر`.
const ASKS: &[&str] = &["چنده", "چقدره"];
const HOW_MUCH: &[&str] = &["چند", "چقدر", "چقد"];
const COMPLETES: &[&str] = &["است", "هست", "میشه", "شد", "شده", "بود"];

impl PriceQuestion {
    /// `قیمت این مدل الان چقدره`, `قیمت عمده‌ش چنده`: a price word, then within five words a
    /// word that asks how much.
    fn gapped(&self, f: &FieldText<'_>, out: &mut Vec<Hit>) {
        let sk = f.sk();
        let ws = f.words();
        for (i, w) in ws.iter().enumerate() {
            if !w.text(sk).starts_with("قیمت") {
                continue;
            }
            for j in i + 2..(i + 7).min(ws.len()) {
                let t = ws[j].text(sk);
                let end = if ASKS.contains(&t) {
                    Some(j)
                } else if HOW_MUCH.contains(&t)
                    && ws
                        .get(j + 1)
                        .is_some_and(|n| COMPLETES.contains(&n.text(sk)))
                {
                    Some(j + 1)
                } else {
                    None
                };
                let sentence_break =
                    sk[w.end..ws[j].start].contains(['.', '!', '؟', '?', '\n', '،']);
                if let Some(e) = end.filter(|_| !sentence_break) {
                    out.push(f.hit_words(i, e));
                    break;
                }
            }
        }
    }
}

impl Rule for PriceQuestion {
    fn prefilter(&self) -> Prefilter {
        // One of these is in every phrasing (and `قیمت` starts every gapped question).
        Prefilter::literals([
            "چند",
            "چقد",
            "قیمت",
            "how much",
            "price",
            "combien",
            "prix",
            "viel",
            "kostet",
            "bezahlt",
            "gezahlt",
            "ausgegeben",
            "pay",
        ])
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let before = out.len();
            self.gapped(f, out);
            let gapped: Vec<(usize, usize)> =
                out[before..].iter().map(|h| (h.start, h.end)).collect();
            for m in self.re.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                if sk[..m.start()].ends_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                let t = m.as_str();
                let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
                let hit = f.hit(m.start(), m.start() + t.len());
                if !gapped.iter().any(|&(s, e)| s < hit.end && hit.start < e) {
                    out.push(hit);
                }
            }
        }
    }
}
