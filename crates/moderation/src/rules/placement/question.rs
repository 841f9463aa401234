use crate::phrase::PhraseSet;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A review that asks a question or asks for help: `کسی می‌دونه باتریش چقدر دوام داره؟`,
    /// `لطفا راهنمایی کنید`, `does anyone know if it fits?`.
    ///
    /// ## Why
    /// Terms: questions belong in the product's Q&A, where sellers and buyers answer them.
    ///
    /// ## How it decides
    /// Two signals from `lexicons/question-markers.fa.txt`: a request for help anywhere
    /// (`راهنمایی کنید`, `کمکم کنید`, `can someone help`), or a sentence that ends with `?`/`؟`
    /// and contains a word that asks the reader (`آیا`, `کسی`, `میشه`, `چطور`, `بگید`, `anyone`).
    /// Rhetorical questions without such a word (`چرا اینقدر گرونه؟`) are not flagged, nor
    /// sentences with a rhetorical word or phrase (`lexicons/rhetorical.fa.txt`: `مگه`,
    /// `آخه`, `از این بهتر`, `what more could`): `مگه میشه از این بهتر؟` asks nothing.
    ///
    /// ## Fix
    /// Not fixable: the author should post the question in Q&A.
    code: "placement/question", severity: Review, fixable: false, params: ["help", "askers", "rhetorical"],
    pub(crate) struct Question { help: PhraseSet, askers: PhraseSet, rhetorical: PhraseSet }
}

impl Question {
    fn build(p: &Params<'_>) -> Result<Question, String> {
        Ok(Question {
            help: PhraseSet::new(p.lexicons("help", &["help-requests.fa"])?, false),
            askers: PhraseSet::new(p.lexicons("askers", &["question-markers.fa"])?, false),
            rhetorical: PhraseSet::new(p.lexicons("rhetorical", &["rhetorical.fa"])?, false),
        })
    }
}

impl Rule for Question {
    fn prefilter(&self) -> Prefilter {
        // A request for help, or a question mark.
        self.help.prefilter().or(Prefilter::literals(["?", "؟"]))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        if cx.kind != crate::model::Kind::Review {
            return;
        }
        for f in fields {
            let sk = f.sk();
            let ws = f.words();
            let mut flagged_until = 0usize;
            for m in self.help.find_all(sk, ws) {
                out.push(f.hit_words(m.first, m.last));
                flagged_until = ws[m.last].end;
            }
            // Sentences ending in a question mark: none without one.
            if !(sk.as_bytes().contains(&b'?') || sk.contains('؟')) {
                continue;
            }
            let mut sentence_start = 0usize;
            let mut w = 0usize;
            // The sentence ends, found on bytes (`؟` is D8 9F; D8 never continues a character).
            let bytes = sk.as_bytes();
            for i in 0..bytes.len() {
                let c = match bytes[i] {
                    b'.' => '.',
                    b'!' => '!',
                    b'?' => '?',
                    b'\n' => '\n',
                    0xD8 if bytes.get(i + 1) == Some(&0x9F) => '؟',
                    _ => continue,
                };
                let first = w;
                while w < ws.len() && ws[w].end <= i {
                    w += 1;
                }
                // A question mark inside a quotation (a title, a chapter) asks nothing.
                let quoted = sk[i + c.len_utf8()..].starts_with(['»', '"', '”', '\'']);
                if matches!(c, '?' | '؟') && !quoted && first < w && sentence_start >= flagged_until
                {
                    let has =
                        |set: &PhraseSet| (first..w).any(|k| set.match_at(sk, ws, k).is_some());
                    let asks = has(&self.askers) && !has(&self.rhetorical);
                    if asks {
                        out.push(f.hit(ws[first].start, i + c.len_utf8()));
                    }
                }
                sentence_start = i + c.len_utf8();
            }
        }
    }
}
