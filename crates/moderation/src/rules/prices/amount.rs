use crate::numbers::{NumberWords, chunks};
use crate::phrase::PhraseSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A money amount: a number in digits or words with a currency or price unit
    /// (`۲۵۰ هزار تومن`, `۳ میلیون`, `دویست و پنجاه تومان`, `۲۵۰ت`, `$40`, `40 €`, `25 euros`,
    /// `250k`), or a price word right before a number (`قیمتش ۲۵۰`, `به قیمت ۱۹۰`).
    ///
    /// ## Why
    /// Terms: never state the price in a review or question; prices change and the product
    /// page has a price chart.
    ///
    /// ## How it decides
    /// Currency words come from `lexicons/currency.fa.txt`, price words from
    /// `lexicons/price-words.fa.txt`. Talking about value without an amount
    /// (`ارزش خرید داره`, `نسبت به قیمتش خوبه`, `گرونه`) is allowed, and so are counts
    /// (`۵ هزار بار`), sizes (`۱۲۸ گیگ`) and years.
    ///
    /// ## Fix
    /// Not fixable.
    code: "prices/amount", severity: Reject, fixable: false, params: ["currency", "price_words", "number_words"],
    pub(crate) struct Amount { currency: PhraseSet, price_words: PhraseSet, numbers: NumberWords }
}

impl Amount {
    fn build(p: &Params<'_>) -> Result<Amount, String> {
        Ok(Amount {
            currency: PhraseSet::new(p.lexicons("currency", &["currency.fa"])?, false),
            price_words: PhraseSet::new(p.lexicons("price_words", &["price-words.fa"])?, false),
            numbers: NumberWords::from_lexicons(
                &p.lexicons("number_words", &["number-words.fa"])?,
            )?,
        })
    }
}

/// Extends a number's start back over thousands separators (`12,500,000`).
fn grouped_start(sk: &str, mut start: usize) -> usize {
    loop {
        let before = &sk[..start];
        let mut it = before.char_indices().rev();
        match (it.next(), it.next()) {
            (Some((i, sep)), Some((_, d)))
                if matches!(sep, ',' | '٬' | '،' | '\'') && d.is_ascii_digit() =>
            {
                start = before[..i]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .len();
            }
            _ => return start,
        }
    }
}

impl Rule for Amount {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Hit>) {
        for f in cx.fields() {
            let sk = f.sk();
            let ws = &f.words;
            let mut last_end = 0;
            for c in chunks(sk, ws, &self.numbers) {
                if c.start < last_end {
                    continue;
                }
                let mut span = None;
                let start = grouped_start(sk, c.start);
                if let Some(m) = self.currency.match_at(sk, ws, c.last_word + 1) {
                    let gap = &sk[c.end..ws[m.first].start];
                    if gap.chars().all(|ch| ch == ' ') {
                        span = Some((start, ws[m.last].end));
                    }
                }
                let before = sk[..start].trim_end_matches(' ');
                if span.is_none() && before.ends_with(['$', '€', '£']) {
                    span = Some((
                        before.len() - before.chars().next_back().map_or(0, char::len_utf8),
                        c.end,
                    ));
                }
                let after = sk[c.end..].trim_start_matches(' ');
                if span.is_none() && after.starts_with(['$', '€', '£']) {
                    span = Some((
                        start,
                        sk.len() - after.len() + after.chars().next().map_or(0, char::len_utf8),
                    ));
                }
                if span.is_none()
                    && !c.spelled
                    && c.digits.len() >= 2
                    && sk[c.end..].starts_with('k')
                    && !sk[c.end + 1..].starts_with(|ch: char| ch.is_alphanumeric())
                {
                    span = Some((start, c.end + 1));
                }
                if span.is_none() && c.first_word > 0 && c.digits.len() >= 2 {
                    // `قیمتش ۲۵۰`: a price word immediately before the number.
                    for back in 1..=c.first_word.min(3) {
                        if let Some(m) = self.price_words.match_at(sk, ws, c.first_word - back)
                            && m.last + 1 == c.first_word
                        {
                            span = Some((ws[m.first].start, c.end));
                            break;
                        }
                    }
                }
                if let Some((s, e)) = span {
                    out.push(f.hit(s, e));
                    last_end = e;
                }
            }
        }
    }
}
