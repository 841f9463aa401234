use regex::Regex;

use crate::phrase::PhraseSet;
use crate::rules::prelude::*;
use crate::text::{fold_pattern, skeleton_key, words};

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
    /// Fixed phrasings in Persian (written and colloquial, built in), and the phrasings of the
    /// other storefront languages from lexicons (parameter `phrases`, default
    /// `price-questions.en`, `.fr`, `.de`): whole words, where `…` stands for up to three words
    /// (`was hat das … gekostet`).
    /// Saying that something is cheap or expensive is not a question and is not flagged.
    ///
    /// ## Fix
    /// Not fixable.
    code: "prices/question", severity: Reject, fixable: false, params: ["phrases"],
    pub(crate) struct PriceQuestion {
        re: Regex,
        phrases: PhraseSet,
        heads: PhraseSet,
        tails: Vec<Vec<String>>,
    }
}

impl PriceQuestion {
    fn build(p: &Params<'_>) -> Result<PriceQuestion, String> {
        let fa = [
            r"قیمت(?:ش|شون|ش رو|ش را|ش الان|ش چه)?\s*(?:الان\s*)?(?:(?:چنده|چند است|چند هست|چند بود|چقدره|چقدر است|چقدر هست|چقدر بود|چند شده|چقدر شده|چقد شده|چند شد|چقدر شد)(?:[^\p{L}]|$)|(?:چند|چقدر|چقد)\s*(?:[?؟]|$))",
            r"(?:چند|چقدر|چقد)\s*(?:تومن|تومان|پول)?\s*(?:خریدید|خریدین|خریدی|خریدیدش|خریدینش|خریدیش|گرفتید|گرفتین|گرفتی|گرفتیدش|گرفتینش|گرفتیش|دادید|دادین|دادی|در اومد|درومد|تموم شد|تمام شد)",
            r"(?:چند|چقدر)\s*(?:تومن|تومان|پول)\s*(?:است|هست|ه|میشه|می شود|میشود)(?:[^\p{L}]|$)",
            r"(?:قیمت|قیمتش)\s*(?:رو|را)\s*(?:بگید|بگین|بگویید|میگید|میگین)",
            // The colloquial object marker glued on: `قیمتو بگید`, `قیمتشو میگین`.
            r"(?:قیمتو|قیمتشو)\s*(?:بگید|بگین|بگویید|میگید|میگین|بدید|بدین)",
            // `الان چنده؟`: "how much is it now", asked.
            r"الان\s*(?:چنده|چقدره|چقده)\s*[?؟]",
            r"چند\s*(?:درمیاد|در میاد|در می‌آید|درمیاد|درمیومد|میفته|می‌افته|حساب کردن|حساب کردند)",
        ];
        let pattern = fa.join("|");
        let mut phrases = PhraseSet::default();
        let mut heads = PhraseSet::default();
        let mut tails = Vec::new();
        let lexicons = p.lexicons(
            "phrases",
            &[
                "price-questions.en",
                "price-questions.fr",
                "price-questions.de",
            ],
        )?;
        for (lexicon, entry) in lexicons
            .iter()
            .flat_map(|l| l.entries.iter().map(move |e| (l, e)))
        {
            match entry.text.split_once('…') {
                Some((head, tail)) => {
                    let tail = skeleton_key(tail);
                    let tail: Vec<String> = words(&tail)
                        .iter()
                        .map(|w| w.text(&tail).to_owned())
                        .collect();
                    if head.trim().is_empty() || tail.is_empty() {
                        return Err(format!(
                            "`{}` in {}: words must stand on both sides of `…`",
                            entry.text,
                            lexicon.path.display()
                        ));
                    }
                    heads.insert(head, tails.len());
                    tails.push(tail);
                }
                None => phrases.insert(&entry.text, 0),
            }
        }
        Ok(PriceQuestion {
            re: Regex::new(&fold_pattern(&pattern)).map_err(|e| e.to_string())?,
            phrases,
            heads,
            tails,
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

impl PriceQuestion {
    /// The lexicon phrasings: whole phrases, and heads followed within three words by their
    /// tail.
    fn phrased(&self, f: &FieldText<'_>, out: &mut Vec<Hit>) {
        let sk = f.sk();
        let ws = f.words();
        for m in self.phrases.find_all(sk, ws) {
            out.push(f.hit_words(m.first, m.last));
        }
        for m in self.heads.find_all(sk, ws) {
            let tail = &self.tails[m.entry];
            let found = (m.last + 1..=m.last + 4).find(|&k| {
                k + tail.len() <= ws.len()
                    && tail
                        .iter()
                        .enumerate()
                        .all(|(j, t)| ws[k + j].text(sk) == t)
            });
            if let Some(k) = found {
                out.push(f.hit_words(m.first, k + tail.len() - 1));
            }
        }
    }
}

impl Rule for PriceQuestion {
    fn prefilter(&self) -> Prefilter {
        // One of these is in every Persian phrasing (and `قیمت` starts every gapped question);
        // a lexicon phrase starts with one of its first words.
        Prefilter::literals(["چند", "چقد", "قیمت"])
            .or(self.phrases.prefilter())
            .or(self.heads.prefilter())
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let before = out.len();
            self.gapped(f, out);
            let gapped: Vec<(usize, usize)> =
                out[before..].iter().map(|h| (h.start, h.end)).collect();
            self.phrased(f, out);
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
