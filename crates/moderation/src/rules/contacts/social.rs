use std::collections::HashSet;

use regex::Regex;

use crate::lexicon::read_tags;
use crate::names::{Disguise, DisguisedNames};
use crate::phrase::{PhraseMatch, PhraseSet};
use crate::rules::contacts::email::Email;
use crate::rules::prelude::*;
use crate::text::skeleton_key;

declare_rule! {
    /// ## What it flags
    /// Social-media and messenger handles: `@name`, `t.me/name` (also spaced or spelled:
    /// `t . me / name`, `تی دات می اسلش name`), `wa.me/98...`,
    /// `instagram.com/name`, and a handle right after a platform or ID word
    /// (`آیدی`, `ایدی`, `پیج`, `اینستا`, `تلگرام`, `واتساپ`, `ایتا`, `روبیکا`, `بله`, `id`,
    /// `insta`, ... from `lexicons/messengers.fa.txt`).
    ///
    /// ## Why
    /// Terms: no social-media usernames in reviews or Q&A; they are contact details.
    ///
    /// ## How it decides
    /// After a platform word, the next one or two words are a handle when they look like one:
    /// one Latin token (or a token of any script joined with `_`: `فروشگاه_علی`), possibly
    /// after filler words (`در ایتا به شناسه shopali`, `پیوی بدید shopali`, `telegram me
    /// shopali`). A token with a digit, `_` or `.` is a handle; an unmarked one is unless it
    /// reads as prose: an ordinary word (`lexicons/handle-not-words.txt`: `Insta: great
    /// photos`), a capitalised name with more of the sentence after it (`بله: Samsung بهتره`)
    /// or, when neither an ID word (`آیدی`/`پیج`/`id`/`شناسه`) nor a colon, `@`, `-`, `/` or
    /// `→` announces it, a capitalised name or a word followed by more of a Latin sentence.
    /// So `بله، Galaxy A54 خوب است` is not a handle, `اینستا shop_98` is. After a platform name
    /// in Latin letters, a frequent word of en, fr or de (`lexicons/common-words.txt`) is
    /// prose unless a colon, `@` or an ID word announces it, and so is one joined by a hyphen
    /// or slash: `Telegram compatible`, `WhatsApp-compatible`, not `telegram: sunshine`.
    /// An `@` after a symbol that censors a word (`f$@king`) is not a handle. An `@` that is
    /// part of an e-mail address (`name@mail.com`, `علی@shop.ir`) is left to
    /// `contacts/email`.
    ///
    /// A product model or version (`S23`, `A54s`, `GT710`, `v10.2`, `iOS17`: one or two
    /// letters or a product line of `lexicons/product-lines.txt`, one to four digits and at
    /// most two letters, or digits parted by dots) is no handle unless an ID word announces it
    /// (`آیدی اینستا: s23`; not `بله S23 بهتره`, `Telegram: v10.2`, `Telegram: iOS17`).
    /// After a word for a username or an account (`آیدی`, `یوزرنیم`, `شناسه`, `id`, `کانال`,
    /// `پیج`, `اکانت`, alone or before a platform name) or a platform's name (`تلگرام`) and a
    /// colon or another separator (`؛`, `←`, `»`, `👈`, an opening bracket or guillemet, a
    /// line break, an ellipsis: `آیدی... x`), one word in Persian letters that ends its sentence (or its brackets) or is
    /// followed by a request to get in touch (`پیام بدید`, `عضو بشید`, `رو فالو کنید`) is a
    /// handle spelled in Persian (`آیدی تلگرامم: شاپمن`, `تلگرام: کیانوشکو`, `آیدی
    /// (کیانوشکو)`) when it is no known word: no frequent Persian word (`common-words.fa.txt`),
    /// noun (`crates/input/data/nouns.fa.txt`), adjective (`adjectives.fa.txt`, from hazm's
    /// lexicon: `اینستا: دلنشین`, `تلگرام: کارآمد`) nor brand written in Persian
    /// (`brands.fa.txt`), also with an inflectional ending (not `آیدی تلگرام: ندارم`, `اکانت:
    /// سامسونگ`, `اکانت: شیائومی`). So are two parts (two words or a compound written with a zero-width
    /// non-joiner) none of which is a known word (`آیدی: کیانوشکو مهرو`), a word for a shop
    /// joined to a name that is no frequent word or is a given name (`given-names.fa.txt`, from
    /// persian-gender-detection's list: `آیدی: کیانوش‌شاپ`, `آیدی: علی فروش`, `آیدی: سارا‌شاپ`,
    /// `اکانت: فروشگاه کیانوشکو`; not `پیج: فروشگاه رسمی`), or two parts not all frequent
    /// words followed by a request (`آیدی تلگرام: کالا فروش پیام بدید`, `کانال ما: نوین‌شاپ
    /// عضو بشید`; not `شناسه: ثبت‌شده`, `پیج اینستا: فعلا نداریم پیام بدید`). Without a
    /// separator, one or two words with a part that is no known word followed by a request
    /// (`آیدی کیانوشکو پیام بدید`, `کانال مهرشاپو عضو شید`, `پیج لباسکده مهرو رو فالو کنید`;
    /// not `کانال نتفلیکس رو فالو کنید`, `کانال شبکه سه رو عضو شدم`), a shop's name ending its
    /// sentence, also before a copula (`ایدی من رضا شاپ هست`), or one unknown word ending the
    /// sentence right after a word for a username (`آیدی کیانوشکو`; not `آیدی اپل`) is a
    /// handle. No word of it is a platform name.
    ///
    /// A platform name that is also an ordinary word (`<TAB>word` in the lexicon: `signal`,
    /// `سیگنال`, `threads`, `بله`) announces a token without a digit, `_` or `.` only when the
    /// token ends its sentence and the name starts one or follows a preposition (`on signal
    /// shopname`, `پیام بدید سیگنال shopname` after a request to write; not `great signal
    /// strength`), or with a colon, `@` or the like after it (`signal: shopname`);
    /// `<TAB>marked` names (`بله`, "yes") announce unannounced only a token with a digit, `_`
    /// or `.` (`بله shop_98`, not `بله iphone`), one after a colon that ends its sentence
    /// (`بله: shopname`; not `بله: samsung بهتره`), or one after the name said as a messenger's:
    /// after a word for a messenger (`پیام‌رسان بله shopname`) or after a preposition with a
    /// word of writing before the handle (`تو بله پیام بدید shopname`); `<TAB>announced`
    /// names count only with a colon or the like (`the gram: shopname`). Between the name and
    /// the handle may stand filler words (`my viber handle: shopname`). Platform words spelled
    /// one letter at a time (`ت ل گ ر ا م`) are joined in the skeleton; spelled together with
    /// the handle (`ت ل گ ر ا م ش ا پ م ن`), the name and the three letters or more after it
    /// are a platform and its handle.
    ///
    /// Platform names in disguise count as written plainly (`src/names.rs`): look-alike
    /// letters, digits and symbols inside a Latin name of five letters or more (`te1egram`,
    /// `teIegram`, `telegr@m`, `1nstagram`, `wh@tsapp`, `telegrarn`, `ᴛelegram`, `teleg®am`,
    /// `sk¥pe`, `ınstagram`: the confusable skeleton of UTS #39, `decancer`'s table and digits
    /// or symbols for letters), diacritics on its letters (`telegrám`, `whätsapp`; not a
    /// frequent word of `common-words.txt`, `télé`), a name of six letters or more in two or
    /// three pieces (`tele gram`, `What sApp`, `تل گرام`), a Persian name of five letters or
    /// more typed on an Arabic keyboard (`تلكرام`, `ت ل ك ر ا م`), and a name of six letters
    /// or more misspelt by one edit: a Latin one that is no frequent word, with its first and
    /// last letters kept, by a letter left out, added or changed or two swapped (`telgram`,
    /// `instagarm`, `whatsap`; not a frequent word, `telegrams`, nor `rubik`), a Persian one with `ط` for `ت`, `غ` or `ق` for `گ`
    /// and at most one inner letter left out (`تلغرام`, `طلگرام`, `تلگرم`, `وتساپ`; not
    /// `روبیک`, which leaves out the last letter of `روبیکا`, nor `تلگراف`, a letter changed).
    ///
    /// A messenger pictograph (`✈️` for Telegram, `📷`/`📸` for Instagram, `💬`, `📲`, `📩`)
    /// announces a handle right after it like a platform word and a colon: `✈️ shopname`;
    /// after `🟢`, also a list bullet, an unmarked word must not read as prose.
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/social", severity: Reject, fixable: false, params: ["platforms", "id_words", "words", "common_words", "common_words_fa", "adjectives_fa", "given_names_fa", "brands_fa", "products"],
    pub(crate) struct Social { at: Regex, short_link: Regex, spaced_link: Regex, platforms: PhraseSet, disguised: DisguisedNames, shapes: Vec<Announce>, id_words: PhraseSet, words: HashSet<String>, words_fa: HashSet<String>, adjectives_fa: HashSet<String>, given_names_fa: HashSet<String>, brands_fa: HashSet<String>, shops: HashSet<String>, products: HashSet<String>, email: Email }
}

impl Social {
    fn build(p: &Params<'_>) -> Result<Social, String> {
        Ok(Social {
            at: Regex::new(r"@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?")
                .map_err(|e| e.to_string())?,
            short_link: Regex::new(
                r"(?:t\.me|telegram\.me|wa\.me|instagram\.com|instagr\.am|eitaa\.com|rubika\.ir|ble\.ir)/[a-z0-9_+.]+",
            )
            .map_err(|e| e.to_string())?,
            // A short link spelled out or spaced: `t . me / x`, `تی دات می اسلش x`.
            spaced_link: Regex::new(&crate::text::fold_pattern(
                r"(?:^|[^\p{L}\p{N}])((?:t|telegram|wa|instagram|تی|تلگرام|واتساپ|اینستاگرام)\s*(?:\.|dot|دات|نقطه)\s*(?:me|com|می|کام)\s*(?:/|slash|اسلش)\s*[a-z0-9_][a-z0-9_.]*)",
            ))
            .map_err(|e| e.to_string())?,
            platforms: PhraseSet::new(p.lexicons("platforms", &["messengers.fa"])?, false),
            disguised: DisguisedNames::new(
                p.lexicons("platforms", &["messengers.fa"])?,
                p.skeleton_keys("common_words", "common-words")?,
                true,
            ),
            shapes: read_tags(
                p.lexicons("platforms", &["messengers.fa"])?,
                &[
                    (None, Announce::Name, "a platform name"),
                    (
                        Some("word"),
                        Announce::Word,
                        "also an ordinary word: an unannounced handle only when it ends its sentence",
                    ),
                    (
                        Some("marked"),
                        Announce::Marked,
                        "a very common word: an unannounced handle only with a digit, `_` or `.`",
                    ),
                    (
                        Some("announced"),
                        Announce::Explicit,
                        "also an ordinary word: a handle only after a colon, `@` or an ID word",
                    ),
                ],
            )?
            .into_iter()
            .map(|(_, t)| t)
            .collect(),
            id_words: PhraseSet::new(p.lexicons("id_words", &["handle-words.fa"])?, false),
            words: p.skeleton_keys("words", "handle-not-words")?,
            words_fa: p.skeleton_keys("common_words_fa", "common-words.fa")?,
            adjectives_fa: p.skeleton_keys("adjectives_fa", "adjectives.fa")?,
            given_names_fa: p.skeleton_keys("given_names_fa", "given-names.fa")?,
            brands_fa: p.skeleton_keys("brands_fa", "brands.fa")?,
            shops: SHOP_WORDS.iter().map(|w| skeleton_key(w)).collect(),
            products: p.skeleton_keys("products", "product-lines")?,
            email: Email::build(p)?,
        })
    }
}

/// ID words that name a username itself: a word in Persian letters after one and a colon is
/// a handle spelled in Persian (`آیدی تلگرامم: شاپمن`).
const USERNAME_WORDS: &[&str] = &[
    "ایدی",
    "ایدیم",
    "ایدیمون",
    "یوزرنیم",
    "یوزر",
    "شناسه",
    "شناسمون",
    "id",
    "username",
];

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
    "به",
    "با",
    "در",
    "تو",
    "نام",
    "اسم",
    "بدید",
    "بدین",
    "بده",
    "پیام",
    "فروشنده",
    "is",
    "me",
    "my",
    "search",
    "handle",
    "username",
];

/// A symbol that stands for a letter in a censored word (`f$@king`, `f#@k`), not before a
/// handle.
fn is_grawlix(c: char) -> bool {
    matches!(
        c,
        '!' | '#' | '$' | '%' | '&' | '*' | '@' | '+' | '=' | '^' | '~'
    )
}

/// A Latin handle (`shopali`, `shop.ali_98`), or one of any script joined with `_`
/// (`فروشگاه_علی`): a Persian word alone is prose.
fn looks_like_handle(w: &str) -> bool {
    let latin = w
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
    let joined = w.contains('_')
        && w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'));
    w.chars().count() >= 3 && (latin || joined) && w.chars().any(char::is_alphabetic)
}

/// A product model or software version rather than a handle (`s23`, `a54s`, `gt710`,
/// `v10.2`, `10.2.1`, `ios17`): one or two letters, or a name of `products` (the lexicon
/// `product-lines`), then one to four digits and at most two letters, or digits in groups
/// parted by dots after an optional `v`. The digits of such a token do not mark it as a
/// handle, and only an ID word announces it as one (`آیدی: a54`; not `بله S23 بهتره`,
/// `Telegram: v10.2`, `Telegram: iOS17`).
fn product_code(w: &str, products: &HashSet<String>) -> bool {
    let b = w.as_bytes();
    let letters = |from: usize| {
        b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    };
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    // A version: `v10.2`, `10.2.1`, `v2`.
    let v = usize::from(b.first() == Some(&b'v'));
    let mut i = v;
    let mut groups = 0;
    loop {
        let n = digits(i);
        if n == 0 {
            break;
        }
        groups += 1;
        i += n;
        if i < b.len() && b[i] == b'.' && i + 1 < b.len() {
            i += 1;
        } else {
            break;
        }
    }
    if i == b.len() && (groups >= 2 || (v == 1 && groups == 1)) {
        return true;
    }
    // A model: `s23`, `a54s`, `gt710`, `s23fe`.
    let head = letters(0);
    let n = digits(head);
    let tail = letters(head + n);
    ((1..=2).contains(&head) || products.contains(&w[..head]))
        && (1..=4).contains(&n)
        && tail <= 2
        && head + n + tail == b.len()
}

/// Pictographs that stand for a messenger before a handle: ✈ (Telegram's logo), 📷 📸
/// (Instagram), 💬, 📲 📩 (a message to send), 🟢 (WhatsApp's colour).
pub(crate) const MESSENGER_PICTOGRAPHS: &[char] = &[
    '\u{2708}',
    '\u{1F4F7}',
    '\u{1F4F8}',
    '\u{1F4AC}',
    '\u{1F4F2}',
    '\u{1F4E9}',
    '\u{1F7E2}',
];

/// Messenger pictographs that are also list bullets (`🟢 battery lasts two days`): the word
/// after one is a handle only when it does not read as prose.
const BULLET_PICTOGRAPHS: &[char] = &['\u{1F7E2}'];

/// Whether `before` ends with a messenger pictograph that announces what follows by itself
/// (one that is also a list bullet does not).
pub(crate) fn ends_with_messenger(before: &str) -> bool {
    before.ends_with(MESSENGER_PICTOGRAPHS) && !before.ends_with(BULLET_PICTOGRAPHS)
}

/// Characters between a platform word and a handle that announce it: `instagram: x`,
/// `telegram: @x`, `Instagram - x`, `instagram/x`, `IG → x`.
fn announces(gap: &str) -> bool {
    gap.contains([':', '@', '-', '/', '→', '>', '='])
}

impl Rule for Social {
    fn prefilter(&self) -> Prefilter {
        // An `@`, a short link (`t.me/`, `t . me / x`, `تی دات می اسلش x`), or a platform or
        // ID word.
        // A spaced or spelled short link has a `/` or a spelled slash.
        Prefilter::literals(["@", "/", "اسلش", "slash"])
            .or(Prefilter::literals(
                MESSENGER_PICTOGRAPHS.iter().map(|c| c.to_string()),
            ))
            .or(self.platforms.prefilter())
            .or(self.id_words.prefilter())
            .or(self.disguised.prefilter())
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
                    // A handle in another script is joined with `_` or has a digit
                    // (`@فروشگاه_علی`): `@مریم` greets a person.
                    let handle = &m.as_str()[1..];
                    if before.is_some_and(|c| {
                        c.is_alphanumeric() || matches!(c, '.' | '_') || is_grawlix(c)
                    }) || after.starts_with('.')
                        || m.as_str().len() < 3
                        || (!handle.is_ascii()
                            && !handle.chars().any(|c| c == '_' || c.is_numeric()))
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
            if sk.contains('/') || sk.contains("اسلش") || sk.contains("slash") {
                for c in self.spaced_link.captures_iter(sk) {
                    let Some(m) = c.get(1) else { continue };
                    if !taken.iter().any(|&(s, e)| s < m.end() && m.start() < e) {
                        taken.push((m.start(), m.end()));
                        out.push(f.hit(m.start(), m.end()));
                    }
                }
            }
            let ws = f.words();
            // `✈️ shopname`: a handle right after a messenger pictograph.
            for (at, c) in sk.match_indices(MESSENGER_PICTOGRAPHS) {
                let after = at + c.len();
                let k = ws.partition_point(|w| w.start < after);
                let Some(word) = ws.get(k) else { break };
                if !sk[after..word.start]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ':' | '@' | '-'))
                {
                    continue;
                }
                let (end, n, handle) = handle_at(sk, ws, k);
                // `📲 A54 رو گرفتم`: a model after the pictograph.
                if product_code(&handle, &self.products) {
                    continue;
                }
                let marked = handle
                    .bytes()
                    .any(|b| b.is_ascii_digit() || b == b'_' || b == b'.');
                let start = word.start - usize::from(sk[..word.start].ends_with('@'));
                let announced = !c.starts_with(BULLET_PICTOGRAPHS);
                if looks_like_handle(&handle)
                    && (marked || !self.prose(f, k, n, announced))
                    && !taken.iter().any(|&(s, e)| s < end && start < e)
                {
                    out.push(f.hit(at, end));
                    taken.push((start, end));
                }
            }
            // `ت ل گ ر ا م ش ا پ م ن`: a platform and its handle spelled as one.
            {
                for (k, w) in ws.iter().enumerate() {
                    let spelled = self.disguised.spelled_start(f, k, &self.platforms);
                    if spelled.is_some_and(|e| self.shapes.get(e) == Some(&Announce::Name))
                        && !taken.iter().any(|&(s, e)| s < w.end && w.start < e)
                    {
                        out.push(f.hit(w.start, w.end));
                        taken.push((w.start, w.end));
                    }
                }
            }
            let mut platforms = self.platforms.find_all(sk, ws);
            // Where a name in disguise starts, by its first word (`$kype` starts at the `$`).
            let mut disguised_starts: Vec<(usize, usize)> = Vec::new();
            // Names in disguise (`te1egram`, `tele gram`, `تلکرام`) where no name is written.
            for d in self.disguised.find(f) {
                // A split name holds the pieces that are names themselves (`tele gram`).
                if d.how == Disguise::Split {
                    platforms.retain(|m| !(d.first <= m.first && m.last <= d.last));
                }
                if !platforms
                    .iter()
                    .any(|m| m.first <= d.last && d.first <= m.last)
                {
                    disguised_starts.push((d.first, d.start));
                    platforms.push(PhraseMatch {
                        first: d.first,
                        last: d.last,
                        entry: d.entry,
                    });
                }
            }
            platforms.sort_by_key(|m| m.first);
            for (pm, shape) in platforms
                .into_iter()
                .map(|pm| {
                    let shape = self.shapes.get(pm.entry).copied();
                    (pm, shape.unwrap_or(Announce::Name))
                })
                .chain(
                    self.id_words
                        .find_all(sk, ws)
                        .into_iter()
                        .map(|pm| (pm, Announce::Name)),
                )
            {
                if cx.out_of_time() {
                    return;
                }
                // An ID word, or a colon or `@` right after the platform word, announces a
                // handle of any shape: `آیدی تلگرام: shopname`, `telegram: @ shopname`.
                let next_start = ws.get(pm.last + 1).map_or(sk.len(), |w| w.start);
                let id_word = self.id_words.match_at(sk, ws, pm.first).is_some();
                let colon = announces(&sk[ws[pm.last].end..next_start]);
                let explicit = id_word || colon;
                // `signal: shopname`, not `Signal ist stabil` nor `سیگنال 4g`.
                // `اکانت شاپینوکس پیام بدید`: a word for an account that is also an ordinary
                // word announces only a handle in Persian letters without a colon.
                if shape == Announce::Explicit && !explicit {
                    let k = pm.last
                        + 1
                        + usize::from(
                            ws.get(pm.last + 1)
                                .is_some_and(|w| FILLERS.contains(&w.text(sk))),
                        );
                    if k < ws.len()
                        && !sk[ws[k - 1].end..ws[k].start].contains([',', '،', '.', '!', '؟', '?'])
                        && let Some((from, m)) = self.persian_handle(f, pm.first, k, false, false)
                        && !taken
                            .iter()
                            .any(|&(s, e)| s < ws[m - 1].end && ws[k].start < e)
                    {
                        out.push(f.hit(ws[from].start, ws[m - 1].end));
                        taken.push((ws[k].start, ws[m - 1].end));
                    }
                    continue;
                }
                for k in pm.last + 1..(pm.last + 4).min(ws.len()) {
                    // `بله، Galaxy A54`: a comma or full stop ends the announcement; an
                    // ellipsis leads on to what follows (`آیدی... shopname`).
                    let gap = &sk[ws[k - 1].end..ws[k].start];
                    if gap.contains([',', '،', '.', '!', '؟', '?']) && !ellipsis(gap) {
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
                    let (end, n, handle) = handle_at(sk, ws, k);
                    // A model or version (`S23`, `v10.2`) is a handle only after an ID word.
                    let product = product_code(&handle, &self.products);
                    if product && !id_word {
                        break;
                    }
                    let marked = !product
                        && handle
                            .bytes()
                            .any(|b| b.is_ascii_digit() || b == b'_' || b == b'.');
                    // A colon or `@` right before the word announces it too: `اینستاگرام ما: @ x`.
                    let announced = explicit || announces(&sk[ws[k - 1].end..ws[k].start]);
                    // After a name that is also a word (`signal`, `بله`), an unannounced
                    // handle without a digit, `_` or `.` ends its sentence, and the name
                    // starts one or follows a preposition: `signal myname`, `on signal
                    // myname`, not `signal bars drop indoors`, `great signal strength`.
                    // After a word as common as `بله` ("yes"), only a handle shape counts
                    // unannounced: `بله shop_98`, not `بله iphone`; a colon after it
                    // announces a word only at the end of its sentence (`بله: shopname`,
                    // not `بله: samsung بهتره`), unless the name is said as a messenger's.
                    let alone = match shape {
                        Announce::Marked => {
                            id_word
                                || messaging(sk, ws, pm.first, pm.last, k)
                                || (announced && !goes_on(sk, ws, n))
                        }
                        _ => {
                            announced
                                || match shape {
                                    Announce::Word => {
                                        !goes_on(sk, ws, n) && opens_phrase(sk, ws, pm.first)
                                    }
                                    _ => true,
                                }
                        }
                    };
                    // `آیدی تلگرامم: شاپمن`, `کانال ما: نوین‌شاپ عضو بشید`: a handle in
                    // Persian letters after a word for a username or an account and a colon.
                    let persian = if n == k + 1 {
                        self.persian_handle(f, pm.first, k, colon, shape == Announce::Name)
                    } else {
                        None
                    };
                    let end = persian.map_or(end, |(_, m)| ws[m - 1].end);
                    if persian.is_some()
                        || (looks_like_handle(&handle)
                            && (marked || (alone && !self.prose(f, k, n, announced))))
                    {
                        let start = if sk[..ws[k].start].ends_with('@') {
                            ws[k].start - 1
                        } else {
                            ws[k].start
                        };
                        if !taken.iter().any(|&(s, e)| s < end && start < e) {
                            let from = match persian {
                                Some((first, _)) if first < pm.first => ws[first].start,
                                _ => disguised_starts
                                    .iter()
                                    .find(|&&(first, _)| first == pm.first)
                                    .map_or(ws[pm.first].start, |&(_, start)| start),
                            };
                            out.push(f.hit(from, end));
                            taken.push((start, end));
                        }
                        break;
                    }
                }
            }
        }
    }
}

/// Words for an account or a channel: after one (or after one and a platform name) and a
/// colon, a word in Persian letters may be a handle (`کانال ما: نوین‌شاپ`, `اکانت اینستاگرام:
/// گلشاپ`).
const ACCOUNT_WORDS: &[&str] = &[
    "کانال",
    "کانالم",
    "کانالمون",
    "کانالش",
    "پیج",
    "پیجم",
    "پیجمون",
    "پیجش",
    "اکانت",
    "اکانتم",
    "اکانتمون",
    "اکانتش",
];

/// Words of a request to get in touch, after a handle: `شاپمن پیام بدید`, `نوین‌شاپ عضو
/// بشید`, `گلشاپ رو فالو کنید`.
const REQUEST_WORDS: &[&str] = &[
    "پیام",
    "پیامک",
    "دایرکت",
    "مسیج",
    "پیوی",
    "عضو",
    "جوین",
    "فالو",
    "تماس",
    "بدید",
    "بدین",
    "بزنید",
    "بزنین",
    "بفرستید",
    "بفرستین",
    "سرچ",
];

/// Words of politeness between a handle and a request to get in touch: `حسن فروش لطفا پیام
/// بدین`.
const PLEASE: &[&str] = &["لطفا", "حتما", "فقط"];

/// Whether the words from `n` on ask to get in touch (`پیام بدید`, `رو فالو کنید`), in the
/// same sentence as the word before `n`.
fn asks_contact(sk: &str, ws: &[crate::text::Word], n: usize) -> bool {
    if !goes_on(sk, ws, n) {
        return false;
    }
    let j = n + usize::from(ws[n].text(sk) == "رو" || ws[n].text(sk) == "را");
    let j = j + usize::from(ws.get(j).is_some_and(|w| PLEASE.contains(&w.text(sk))));
    ws.get(j)
        .is_some_and(|w| REQUEST_WORDS.contains(&w.text(sk)))
}

/// Characters between a word for a username, an account or a platform and a handle in
/// Persian letters that announce the handle like a colon: `آیدی؛ x`, `آیدی ← x`, `آیدی » x`,
/// `آیدی 👈 x`, `آیدی (x)`, `آیدی «x»`, `آیدی [x]`, or a line break (`آیدی\nx`).
fn persian_separator(gap: &str) -> bool {
    gap.contains([
        '؛',
        ';',
        '←',
        '→',
        '⬅',
        '➡',
        '⇐',
        '⇒',
        '»',
        '«',
        '>',
        '<',
        '(',
        '[',
        '{',
        '"',
        '\n',
        '\u{1F448}',
        '\u{1F449}',
        '\u{1F447}',
        '\u{261D}',
        '\u{1F53D}',
        '\u{2B07}',
    ])
}

/// Whether `gap` between two words is an ellipsis, a run of full stops (`..`, `...`) or `…`
/// alone with spaces: it leads on to the next word like a colon (`آیدی... تینااستایل`).
fn ellipsis(gap: &str) -> bool {
    let marks = gap.trim();
    marks.chars().all(|c| c == '.' || c == '…')
        && (marks.contains('…') || marks.chars().filter(|&c| c == '.').count() >= 2)
}

/// Whether the handle ending at word `k` is closed by the bracket or quotation mark that
/// opened it (`آیدی (x) برای سفارش`, `آیدی «x» رو عضو بشید`): it is complete there.
fn bracketed(sk: &str, ws: &[crate::text::Word], open_gap: &str, k: usize) -> bool {
    let after = ws
        .get(k + 1)
        .map_or(&sk[ws[k].end..], |w| &sk[ws[k].end..w.start]);
    [('(', ')'), ('[', ']'), ('{', '}'), ('«', '»'), ('"', '"')]
        .iter()
        .any(|&(o, c)| open_gap.contains(o) && after.contains(c))
}

/// Inflectional endings after which a Persian word is looked up by its stem (`گوشیم`,
/// `کانالها`, `فروشگاهمون`).
const PERSIAN_ENDINGS: &[&str] = &["های", "ها", "مون", "تون", "شون", "م", "ت", "ش", "ی"];

/// Prefixes that make an adjective of a noun (`پرسرعت`, `باکیفیت`, `بی‌نظیر`, `کم‌مصرف`,
/// `خوش‌رنگ`): such a word after `تلگرام:` or `اکانت:` praises or blames, it names no account.
/// The noun after the prefix has four letters or more: a shorter one is as often a piece of a
/// name (`پرنیا`, `پرستو`).
const ADJECTIVE_PREFIXES_FA: &[&str] = &["پر", "با", "بی", "کم", "خوش", "بد"];

/// Whether `word`, written in Persian letters, is a Persian noun of `davar_input`'s list
/// (`سامسونگ`, `فروشگاه`, `علی`) in its standard spelling ([`crate::text::standard_spelling`]:
/// Arabic letter forms read as Persian, kashida and diacritics left out), `ا` also read as `آ`
/// at the start.
fn persian_noun(word: &str) -> bool {
    let w = crate::text::standard_spelling(word);
    davar_input::persian::is_noun(&w)
        || w.strip_prefix('ا')
            .is_some_and(|rest| davar_input::persian::is_noun(&format!("آ{rest}")))
}

impl Social {
    /// Whether a part of a word in Persian letters is a known word: a frequent Persian word
    /// (`common-words.fa.txt`), a noun (`crates/input/data/nouns.fa.txt`: `سامسونگ`, `علی`),
    /// an adjective (`adjectives.fa.txt`: `دلنشین`, `پرنور`) or a brand, product, service or channel written in Persian (`brands.fa.txt`:
    /// `شیائومی`, `نتفلیکس`), or one of them with an inflectional ending (`گوشیم`).
    fn known_fa(&self, part: &str) -> bool {
        let known = |w: &str| {
            let key = skeleton_key(w);
            self.words_fa.contains(&key)
                || self.adjectives_fa.contains(&key)
                || self.brands_fa.contains(&key)
                || persian_noun(w)
        };
        let known_or_inflected = |w: &str| {
            known(w)
                || PERSIAN_ENDINGS.iter().any(|e| {
                    w.strip_suffix(e)
                        .is_some_and(|stem| stem.chars().count() >= 2 && known(stem))
                })
        };
        known_or_inflected(part)
            || ADJECTIVE_PREFIXES_FA.iter().any(|p| {
                part.strip_prefix(p)
                    .is_some_and(|rest| rest.chars().count() >= 4 && known_or_inflected(rest))
            })
    }

    /// The first word announcing it and the end (exclusive word index) of a handle in Persian
    /// letters starting at word `k`, announced by the words from `first` (a platform or ID
    /// word, `named` when it is a platform's name that announces any token).
    ///
    /// After a word for a username or an account (`آیدی`, `کانال`, `پیج`, `اکانت`, or one of
    /// them before the platform name), or after a platform's name alone (`تلگرام`), and a
    /// colon or another separator (`؛`, `←`, `»`, `👈`, an opening bracket or quotation mark,
    /// a line break): one word in Persian letters, no known word (a frequent word, a noun or a
    /// brand: not `آیدی تلگرام: ندارم`, `اکانت: سامسونگ`), that ends its sentence (or its
    /// brackets) or is followed by a request to get in touch (`آیدی تلگرام: شاپمن پیام
    /// بدید`); or a handle of two parts, two words or one written with a zero-width
    /// non-joiner, either with no known part at all (`آیدی: کیانوشکو مهرو`), or not all of
    /// them frequent words and followed by a request (`آیدی تلگرام: کالا فروش پیام بدید`,
    /// `کانال ما: نوین‌شاپ عضو بشید`; not `شناسه: ثبت‌شده`, `پیج اینستا: فعلا نداریم پیام
    /// بدید`).
    ///
    /// After a word for a username or an account with no separator: one or two words with a
    /// part that is no known word, followed by a request to get in touch (`آیدی کیانوشکو
    /// پیام بدید`, `پیج لباسکده مهرو رو فالو کنید`; not `کانال نتفلیکس رو فالو کنید`, `کانال
    /// شبکه سه رو عضو شدم`), or one such word ending the sentence right after a word for a
    /// username (`آیدی کیانوشکو`; not `آیدی اپل`). No word of it is a platform name.
    fn persian_handle(
        &self,
        f: &FieldText<'_>,
        first: usize,
        k: usize,
        colon: bool,
        named: bool,
    ) -> Option<(usize, usize)> {
        let (sk, ws) = (f.sk(), f.words());
        let account = |j: usize| {
            let w = ws[j].text(sk);
            USERNAME_WORDS.contains(&w) || ACCOUNT_WORDS.contains(&w)
        };
        let gap = &sk[ws[k - 1].end..ws[k].start];
        let separated = colon || announces(gap) || persian_separator(gap) || ellipsis(gap);
        let from = if account(first) {
            first
        } else if let Some(j) = first.checked_sub(1).filter(|&j| account(j)) {
            j
        } else if named && (separated || asks_contact(sk, ws, k + 1)) {
            // `تلگرام: کیانوشکو`, `تو اینستا کیانوشکو رو سرچ کنید`.
            first
        } else {
            return None;
        };
        let one = self.persian_parts(f, k)?;
        // Complete after word `j`: the sentence (or a copula closing it: `... هست`) or the
        // brackets opened before the handle end there.
        let ends = |j: usize| ends_with_copula(sk, ws, j + 1) || bracketed(sk, ws, gap, j);
        let asks = |j: usize| asks_contact(sk, ws, j + 1);
        let long = ws[k].text(sk).chars().count() >= 3;
        if one.parts == 1 && one.known == 0 && long {
            // `آیدی کیانوشکو`: without a separator, a word for a username right before it.
            let username = USERNAME_WORDS.contains(&ws[k - 1].text(sk));
            if asks(k) || (ends(k) && (separated || username)) {
                return Some((from, k + 1));
            }
        }
        if one.parts > 1
            && ((separated && one.known == 0 && ends(k))
                || (one.shop_name() && (ends(k) || asks(k)))
                || (asks(k) && one.frequent < one.parts && (separated || one.known < one.parts)))
        {
            return Some((from, k + 1));
        }
        let two = one
            + (k + 1 < ws.len()
                && !sk[ws[k].end..ws[k + 1].start]
                    .contains([',', '،', ':', '؛', ';', '.', '\n', ')', ']', '»']))
            .then(|| self.persian_parts(f, k + 1))
            .flatten()?;
        let handle = (separated && two.known == 0 && ends(k + 1))
            || (two.shop_name() && (ends(k + 1) || asks(k + 1)))
            || (asks(k + 1) && two.frequent < two.parts && (separated || two.known < two.parts));
        handle.then_some((from, k + 2))
    }

    /// The parts of word `j` (parted by zero-width non-joiners) as `Parts`, when it is
    /// written in Persian letters only and is no platform name, word of a request to get in
    /// touch, object marker or copula.
    fn persian_parts(&self, f: &FieldText<'_>, j: usize) -> Option<Parts> {
        let (sk, ws) = (f.sk(), f.words());
        let w = ws[j].text(sk);
        if w.chars().count() < 2
            || !w.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
            || REQUEST_WORDS.contains(&w)
            || COPULAS.contains(&w)
            || matches!(w, "رو" | "را")
            || self.platforms.match_at(sk, ws, j).is_some()
        {
            return None;
        }
        let (s, e) = f.skeleton().to_original(ws[j].start, ws[j].end);
        let written: String = f.cps[s..e].iter().collect();
        // A compound that is a known word as a whole (`دیجی‌کالا`) is one known word.
        if written.contains('\u{200C}') && self.known_fa(&written) {
            return Some(Parts {
                parts: 1,
                frequent: usize::from(self.words_fa.contains(&skeleton_key(&written))),
                known: 1,
                shops: 0,
                rare_names: 0,
            });
        }
        let mut p = Parts::default();
        for part in written.split('\u{200C}').filter(|p| !p.is_empty()) {
            let key = skeleton_key(part);
            let frequent = self.words_fa.contains(&key);
            let shop = self.shops.contains(&key);
            p.parts += 1;
            p.frequent += usize::from(frequent);
            p.known += usize::from(self.known_fa(part));
            p.shops += usize::from(shop);
            p.rare_names += usize::from(!shop && (!frequent || self.given_names_fa.contains(&key)));
        }
        Some(p)
    }
}

/// The parts of a word in Persian letters after a word for a username or an account.
#[derive(Debug, Clone, Copy, Default)]
struct Parts {
    /// Parts parted by zero-width non-joiners.
    parts: usize,
    /// Parts that are frequent Persian words (`common-words.fa.txt`).
    frequent: usize,
    /// Parts that are known words (`Social::known_fa`: frequent, a noun or a brand).
    known: usize,
    /// Parts that are words for a shop (`SHOP_WORDS`: `شاپ`, `کده`, `فروش`).
    shops: usize,
    /// Parts that are neither words for a shop nor frequent words other than given names
    /// (`کیانوش`, `علی`, `سارا`: `given-names.fa.txt`).
    rare_names: usize,
}

impl std::ops::Add for Parts {
    type Output = Parts;
    fn add(self, o: Parts) -> Parts {
        Parts {
            parts: self.parts + o.parts,
            frequent: self.frequent + o.frequent,
            known: self.known + o.known,
            shops: self.shops + o.shops,
            rare_names: self.rare_names + o.rare_names,
        }
    }
}

impl Parts {
    /// A name of a shop: a word for a shop with a name that is no frequent word or is a given
    /// name (`کیانوش‌شاپ`, `علی فروش`, `فروشگاه کیانوشکو`, `سارا‌شاپ`, `تینا استایل`; not
    /// `فروشگاه رسمی`).
    fn shop_name(&self) -> bool {
        self.shops > 0 && self.rare_names > 0
    }
}

/// Words for a shop that, joined to a name, make a handle of a shop (`کیانوش‌شاپ`, `مهر
/// شاپ`, `علی فروش`, `لباس‌کده`, `فروشگاه کیانوشکو`).
const SHOP_WORDS: &[&str] = &[
    "شاپ",
    "شاپی",
    "شاپینگ",
    "کالا",
    "کده",
    "مارکت",
    "استور",
    "گالری",
    "فروش",
    "فروشی",
    "فروشگاه",
    "مال",
    "سرا",
    "استایل",
    "بوتیک",
    "مزون",
];

/// The copula after a handle: `آیدیم کیانوشکو هست`, `ایدی من رضا شاپ هست`.
const COPULAS: &[&str] = &["هست", "است", "هستش", "میباشد", "باشه"];

/// Whether word `n` is a copula (`هست`) that ends its sentence, or no word follows word
/// `n - 1` in its sentence.
fn ends_with_copula(sk: &str, ws: &[crate::text::Word], n: usize) -> bool {
    !goes_on(sk, ws, n)
        || (ws.get(n).is_some_and(|w| COPULAS.contains(&w.text(sk))) && !goes_on(sk, ws, n + 1))
}

/// The handle starting at word `k`, extended over `.`/`_` joined words (`shop.tehran_98`):
/// its skeleton end, the index of the word after it, and its text.
fn handle_at(sk: &str, ws: &[crate::text::Word], k: usize) -> (usize, usize, String) {
    let mut end = ws[k].end;
    let mut handle = ws[k].text(sk).to_owned();
    let mut n = k + 1;
    while n < ws.len() && ws[n].start == end + 1 && matches!(&sk[end..end + 1], "." | "_") {
        handle.push_str(&sk[end..ws[n].end]);
        end = ws[n].end;
        n += 1;
    }
    (end, n, handle)
}

/// Whether the gap between two words holds only a hyphen, dash or slash (with spaces or not):
/// `WhatsApp-compatible`, `WhatsApp/Telegram`, `Telegram - compatible`.
fn joined_by_dash(gap: &str) -> bool {
    let gap = gap.trim();
    !gap.is_empty()
        && gap
            .chars()
            .all(|c| matches!(c, '-' | '/' | '–' | '—' | '‐'))
}

/// How a platform name of the lexicon announces a handle, by its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Announce {
    /// A platform name: the handle-shaped token after it (not prose).
    Name,
    /// Also an ordinary word (`signal`, `بله`): unannounced, a token without a digit, `_` or
    /// `.` counts only when it ends its sentence and the name starts one or follows a
    /// preposition.
    Word,
    /// A very common word (`بله`, "yes"): unannounced, only a token with a digit, `_` or `.`.
    Marked,
    /// Also an ordinary word, counted only with a colon, `@` or an ID word.
    Explicit,
}

/// Prepositions before a messenger's name (`on signal`, `در سیگنال`).
const PREPOSITIONS: &[&str] = &[
    "on", "via", "in", "at", "sur", "par", "auf", "bei", "über", "per", "در", "تو", "به", "از",
];

/// Words that end a request to write (`پیام بدید`, `دایرکت بدید`): a messenger named right
/// after one is where to write (`پیام بدید سیگنال shopname`).
const CONTACT_VERBS: &[&str] = &["بدید", "بدین", "بده", "بدهید"];

/// Words of writing a message (`پیام`, `دایرکت`, `مسیج`) between a messenger named after a
/// preposition and a handle: `تو بله پیام بدید shopname`.
const MESSAGE_WORDS: &[&str] = &["پیام", "دایرکت", "مسیج", "بدید", "بدین", "بده", "بدهید"];

/// Words for a messenger as such (`پیام‌رسان بله`, `اپ بله`).
const MESSENGER_WORDS: &[&str] = &["پیامرسان", "رسان", "اپ", "اپلیکیشن", "messenger"];

/// Whether word `k` starts a sentence or follows a preposition or a request to write.
fn opens_phrase(sk: &str, ws: &[crate::text::Word], k: usize) -> bool {
    k == 0
        || sk[ws[k - 1].end..ws[k].start].contains(['.', '!', '?', '؟', '\n', ':', '،', ','])
        || PREPOSITIONS.contains(&ws[k - 1].text(sk))
        || CONTACT_VERBS.contains(&ws[k - 1].text(sk))
}

/// Whether a messenger whose name is a very common word (`بله`, "yes"), words
/// `first..=last`, is named as a messenger before the handle at word `k`: after a word for a
/// messenger (`پیام‌رسان بله`), or after a preposition with a word of writing between it and
/// the handle (`تو بله پیام بدید shopname`; not `بله shopname`).
fn messaging(sk: &str, ws: &[crate::text::Word], first: usize, last: usize, k: usize) -> bool {
    let before = first.checked_sub(1).map(|p| ws[p].text(sk));
    before.is_some_and(|w| MESSENGER_WORDS.contains(&w))
        || (before.is_some_and(|w| PREPOSITIONS.contains(&w))
            && ws[last + 1..k]
                .iter()
                .any(|w| MESSAGE_WORDS.contains(&w.text(sk))))
}

/// Whether the sentence goes on after the word before word `n` (word `n` follows it with no
/// full stop, question or exclamation mark or line break between).
fn goes_on(sk: &str, ws: &[crate::text::Word], n: usize) -> bool {
    ws.get(n)
        .is_some_and(|next| !sk[ws[n - 1].end..next.start].contains(['.', '!', '?', '؟', '\n']))
}

impl Social {
    /// Whether the unmarked word `k` (no digit, `_` or `.`; words `k..n`) after a platform or
    /// ID word is prose rather than a handle: an ordinary word of the storefront languages
    /// (`Insta: great photos`, `Apple ID: works fine`, lexicon `handle-not-words`), a
    /// capitalised name with more words after it in the sentence (`بله: Samsung بهتره`) or
    /// not announced by an ID word or a colon (`sur la télé Samsung`), or,
    /// without an ID word or a colon announcing it, a word followed by more of a Latin sentence
    /// (`instagram runs smoothly here`). A handle is one token: it ends the sentence or is
    /// followed by what the writer wants done with it (`shopali پیام بدید`).
    fn prose(&self, f: &FieldText<'_>, k: usize, n: usize, explicit: bool) -> bool {
        let (sk, ws) = (f.sk(), f.words());
        let word = ws[k].text(sk);
        if self.words.contains(word) {
            return true;
        }
        // After a word in Latin letters, a frequent word of en/fr/de joined to it by a hyphen
        // or slash, or unannounced, is a compound or the sentence going on:
        // `WhatsApp-compatible`, `Telegram compatible`, `tele-zoom`, `Skype ready`; after a
        // colon, `@` or an ID word it is still a handle (`telegram: sunshine`), and so is a
        // Latin word after a Persian platform word (`تلگرام shop`).
        if let Some(prev) = k.checked_sub(1).map(|j| &ws[j])
            && prev.text(sk).starts_with(|c: char| c.is_ascii_alphabetic())
            && self.disguised.is_common(word)
            && (!explicit || joined_by_dash(&sk[prev.end..ws[k].start]))
        {
            return true;
        }
        let goes_on = goes_on(sk, ws, n);
        let (s, e) = f.skeleton().to_original(ws[k].start, ws[k].end);
        let written = &f.cps[s..e];
        let titled = written.first().is_some_and(|c| c.is_uppercase())
            && written[1..].iter().all(|c| !c.is_uppercase());
        if titled && (goes_on || !explicit) {
            return true;
        }
        !explicit
            && goes_on
            && ws[n]
                .text(sk)
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic())
    }
}
