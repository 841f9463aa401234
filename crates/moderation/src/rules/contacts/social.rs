use regex::Regex;

use crate::phrase::PhraseSet;
use crate::rules::contacts::email::Email;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Social-media and messenger handles: `@name`, `t.me/name`, `wa.me/98...`,
    /// `instagram.com/name`, and a handle right after a platform or ID word
    /// (`آیدی`, `ایدی`, `پیج`, `اینستا`, `تلگرام`, `واتساپ`, `ایتا`, `روبیکا`, `بله`, `id`,
    /// `insta`, ... from `lexicons/messengers.fa.txt`).
    ///
    /// ## Why
    /// Terms: no social-media usernames in reviews or Q&A; they are contact details.
    ///
    /// ## How it decides
    /// After a platform word, the next one or two words are a handle when they are Latin and
    /// look like one: they contain a digit, `_` or `.`, or they are announced by an ID word
    /// (`آیدی`/`پیج`/`id`, also with a platform word between: `آیدی تلگرام: shopname`) or by a
    /// colon or `@` after the platform word (`instagram: shopname`, `telegram: @ shopname`).
    /// So `بله، Galaxy A54 خوب است` is not a handle, `اینستا shop_98` is.
    /// An `@` after a symbol that censors a word (`f$@king`) is not a handle. An `@` that is
    /// part of an e-mail address (`name@mail.com`, `علی@shop.ir`) is left to
    /// `contacts/email`.
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/social", severity: Reject, fixable: false, params: ["platforms", "id_words"],
    pub(crate) struct Social { at: Regex, short_link: Regex, platforms: PhraseSet, id_words: PhraseSet, email: Email }
}

impl Social {
    fn build(p: &Params<'_>) -> Result<Social, String> {
        Ok(Social {
            at: Regex::new(r"@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?").map_err(|e| e.to_string())?,
            short_link: Regex::new(
                r"(?:t\.me|telegram\.me|wa\.me|instagram\.com|instagr\.am|eitaa\.com|rubika\.ir|ble\.ir)/[a-z0-9_+.]+",
            )
            .map_err(|e| e.to_string())?,
            platforms: PhraseSet::new(p.lexicons("platforms", &["messengers.fa"])?, false),
            id_words: PhraseSet::new(p.lexicons("id_words", &["handle-words.fa"])?, false),
            email: Email::build(p)?,
        })
    }
}

/// Words allowed between a platform word and the handle.
const FILLERS: &[&str] = &[
    "ما",
    "من",
    "مون",
    "ام",
    "هم",
    "رو",
    "را",
    "سرچ",
    "کنید",
    "کنین",
    "بزنید",
    "بزنین",
    "جستجو",
    "is",
    "me",
    "my",
    "search",
];

/// A symbol that stands for a letter in a censored word (`f$@king`, `f#@k`), not before a
/// handle.
fn is_grawlix(c: char) -> bool {
    matches!(
        c,
        '!' | '#' | '$' | '%' | '&' | '*' | '@' | '+' | '=' | '^' | '~'
    )
}

fn looks_like_handle(w: &str) -> bool {
    w.len() >= 3
        && w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        && w.bytes().any(|b| b.is_ascii_alphabetic())
}

impl Rule for Social {
    fn prefilter(&self) -> Prefilter {
        // An `@`, a short link (`t.me/`, `instagram.com/` ...), or a platform or ID word.
        Prefilter::literals(["@", ".me/", ".com/", ".ir/", ".am/"])
            .or(self.platforms.prefilter())
            .or(self.id_words.prefilter())
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let mut taken: Vec<(usize, usize)> = Vec::new();
            if sk.contains('@') {
                let mut emails: Option<Vec<(usize, usize)>> = None;
                for m in self.at.find_iter(sk) {
                    let before = sk[..m.start()].chars().next_back();
                    let after = &sk[m.end()..];
                    // `name@gmail.com` is an e-mail address; `f$@king` a censored word.
                    if before.is_some_and(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '.' | '_') || is_grawlix(c)
                    }) || after.starts_with('.')
                        || m.as_str().len() < 3
                    {
                        continue;
                    }
                    // The domain of an address whose local part is not ASCII (`علی@shop.ir`).
                    if emails
                        .get_or_insert_with(|| self.email.spans(cx, f))
                        .iter()
                        .any(|&(s, e)| s < m.start() && m.end() <= e)
                    {
                        continue;
                    }
                    taken.push((m.start(), m.end()));
                    out.push(f.hit(m.start(), m.end()));
                }
            }
            if sk.contains('/') {
                for m in self.short_link.find_iter(sk) {
                    taken.push((m.start(), m.end()));
                    out.push(f.hit(m.start(), m.end()));
                }
            }
            let ws = f.words();
            for pm in self
                .platforms
                .find_all(sk, ws)
                .into_iter()
                .chain(self.id_words.find_all(sk, ws))
            {
                if cx.out_of_time() {
                    return;
                }
                // An ID word, or a colon or `@` right after the platform word, announces a
                // handle of any shape: `آیدی تلگرام: shopname`, `telegram: @ shopname`.
                let next_start = ws.get(pm.last + 1).map_or(sk.len(), |w| w.start);
                let explicit = self.id_words.match_at(sk, ws, pm.first).is_some()
                    || sk[ws[pm.last].end..next_start].contains([':', '@']);
                for k in pm.last + 1..(pm.last + 4).min(ws.len()) {
                    let w = ws[k].text(sk);
                    // `بله، Galaxy A54`: a comma or full stop ends the announcement.
                    if sk[ws[k - 1].end..ws[k].start].contains([',', '،', '.', '!', '؟', '?']) {
                        break;
                    }
                    // Only a possessive or filler word may stand between: `پیج ما shop_1`.
                    // … or a platform word after an ID word: `آیدی تلگرام: shopname`.
                    if k > pm.last + 1
                        && !FILLERS.contains(&ws[k - 1].text(sk))
                        && self.platforms.match_at(sk, ws, k - 1).is_none()
                    {
                        break;
                    }
                    // Extend the handle over `.`/`_` joined words: `shop.tehran_98`.
                    let mut end = ws[k].end;
                    let mut handle = w.to_owned();
                    let mut n = k + 1;
                    while n < ws.len()
                        && ws[n].start == end + 1
                        && matches!(&sk[end..end + 1], "." | "_")
                    {
                        handle.push_str(&sk[end..ws[n].end]);
                        end = ws[n].end;
                        n += 1;
                    }
                    let marked = handle
                        .bytes()
                        .any(|b| b.is_ascii_digit() || b == b'_' || b == b'.');
                    if looks_like_handle(&handle) && (marked || explicit) {
                        let start = if sk[..ws[k].start].ends_with('@') {
                            ws[k].start - 1
                        } else {
                            ws[k].start
                        };
                        if !taken.iter().any(|&(s, e)| s < end && start < e) {
                            out.push(f.hit(ws[pm.first].start, end));
                            taken.push((start, end));
                        }
                        break;
                    }
                }
            }
        }
    }
}
