use std::collections::HashSet;

use regex::Regex;

use crate::context::FieldText;
use crate::cue::{CueMatch, CueSet, Reach, near, words_of_span};
use crate::lexicon::read_tags;
use crate::prefilter::Classes;
use crate::rules::contacts::email::Email;
use crate::rules::placement::other_store::SHOPPING_WINDOW;
use crate::rules::prelude::*;
use crate::text::skeleton_key;

declare_rule! {
    /// ## What it flags
    /// Links and bare domains: `https://shop.example/x`, `www.shop.com`, `example.ir`,
    /// `t.me/name`, `instagram.com/name`, and internationalised ones: `فروشگاه.ایران`,
    /// `www.نمونه.ایران`, `президент.рф`.
    ///
    /// ## Why
    /// Reviews and Q&A must not send readers to other sites (terms, "no links").
    ///
    /// ## How it decides
    /// The last label must be a top-level domain of the root zone: the ICANN section of the
    /// Public Suffix List (the `psl` crate), with every internationalised TLD in Unicode and
    /// in `xn--` form. So `node.js`, `file.txt`, `v2.0` and model numbers are not links, and
    /// neither is a TLD that goes on into a longer word (`driver.tar.bz2`, `name.al-x`); a
    /// TLD glued to a word of another script ends where the script changes (`shop.irخرید`).
    /// TLDs that double as file extensions (`README.md`, `backup.zip`, listed in
    /// `tlds-ambiguous.txt`) count only with `www.`, a scheme, a path or a subdomain; those
    /// that double as words (`it`, `me`, `tv`) also count bare unless a Latin sentence goes
    /// on after them (`it was good.it works`). Products named like a domain (`ASP.NET`,
    /// `Socket.io`: `name` entries of the same lexicon) count only with `www.`, a scheme, a
    /// path or a subdomain. A
    /// capitalised word after a letter that is not a capital (`great.Now`, `عالیه.Sony`) is a
    /// new sentence, not a TLD; so are two Persian words joined by a full stop (`بود.ایران`),
    /// and a Persian word before a Latin TLD of more than three letters (`عالیه.sony`),
    /// without `www.`, a scheme, a path or a subdomain. A bare Persian name with a TLD in
    /// Arabic script (`فروشگاه.ایران`) counts near a word of buying, prices or shop sites
    /// (`shopping.fa`: `سایت`, `فروشگاه`, `خرید*`, `ارزون*`; within four words in the same
    /// sentence, the name itself included), unless the name is a frequent Persian word that is
    /// no noun (`common-words.fa.txt`: `ارزون بود.ایران`, `خریدم.ایران` miss a space); after a Persian name, TLDs that are common
    /// Persian words (`sentence` entries of `tlds-ambiguous.txt`: `موقع`, `همراه`, `بازار`,
    /// `قطر`) count only with `www.`, a scheme, a path or a subdomain.
    /// A host starts after two slashes only at the start of a word or after a scheme, known
    /// or not (`//shop.com`, `hxxp://shop.com`): `file:///test.com` is a path and
    /// `_//example.com` one token, like `_example.com`. A registry refuses `_`, and `-` at
    /// either end, in a domain name, so a host whose name or TLD breaks this
    /// (`http://my_shop.com`, `http://example.com_`, `twitter-.com`) leads nowhere and is not
    /// a link.
    /// An emoji name counts with a path (`➡.ws/x`); bare, an emoji before a full stop mostly
    /// ends a sentence.
    /// An IPv4 address that can be reached from outside counts with a port or a path
    /// (`185.143.20.7/shop`), or bare right after a word for a web site or for visiting one
    /// (`سایت ما: 185.143.20.7`, `visit 185.143.20.7`); bare elsewhere, it is as often a
    /// version number or a DNS server (`DNS 8.8.8.8`).
    /// An address is read with Persian and Arabic-Indic digits folded and a dot written
    /// another way between digits (`[.]`, `(.)`, `{.}`, `٫`, `٬`, `,`) read as one
    /// (`سایت ۱۸۵٫۱۴۳٫۲۰٫۷`, `visit 185[.]143[.]20[.]7`).
    /// Digits and look-alike letters are folded first, so Persian digits or Cyrillic letters
    /// in a domain do not hide it. The domain part of an e-mail address is left to
    /// `contacts/email`; a link written after `name@` (`name@http://shop.com`) is a link.
    /// The marketplace's own domains (`site.yaml`) are left to `links/own-site`.
    ///
    /// ## Example
    /// `برای خرید به shop-example.ir سر بزنید` is flagged on `shop-example.ir`.
    ///
    /// ## Fix
    /// Not fixable: the author must remove the link.
    code: "links/url", severity: Reject, fixable: false, params: ["ambiguous", "shopping", "common_words"],
    pub(crate) struct Url { shopping: CueSet, plain: HashSet<String>, sentences: HashSet<String>, re: Regex, ip: Regex, extensions: HashSet<String>, words: HashSet<String>, names: HashSet<String>, email: Email, own: crate::Marketplace }
}

impl Url {
    fn build(p: &Params<'_>) -> Result<Url, String> {
        let (mut extensions, mut words, mut names, mut sentences) = (
            HashSet::new(),
            HashSet::new(),
            HashSet::new(),
            HashSet::new(),
        );
        let lexicons = p.lexicons("ambiguous", &["tlds-ambiguous"])?;
        let tags = [
            (None, 0, "a file extension"),
            (Some("word"), 1, "an ordinary word"),
            (Some("name"), 2, "a product named like a domain"),
            (Some("sentence"), 3, "a Persian word that starts a sentence"),
        ];
        for (e, tag) in read_tags(lexicons.iter().copied(), &tags)? {
            let set = match tag {
                0 => &mut extensions,
                1 => &mut words,
                2 => &mut names,
                _ => &mut sentences,
            };
            set.insert(e.text.to_ascii_lowercase());
        }
        let label = r"[\p{L}\p{N}][\p{L}\p{N}\p{M}-]*";
        // An emoji name (`➡.ws/x`): symbols, their variation selectors and joiners.
        let symbols = r"\p{So}[\p{So}\p{M}\x{200D}]*";
        let tld = r"(?:xn--[a-z0-9-]+|\p{L}[\p{L}\p{M}]*)";
        Ok(Url {
            shopping: CueSet::new(p.lexicons("shopping", &["shopping.fa"])?, Reach::Broad, 1)?,
            plain: p.skeleton_keys("common_words", "common-words.fa")?,
            re: Regex::new(&format!(
                r"(?:https?://|www\.)[^\s<>'`]+|(?:{label}|{symbols})(?:\.{label})*\.{tld}(?:/[^\s<>'`]*)?"
            ))
            .map_err(|e| e.to_string())?,
            // On the original text: the skeleton joins digits across dots.
            ip: Regex::new(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?::[0-9]{1,5})?(?:/[^\s<>'`]*)?")
                .map_err(|e| e.to_string())?,
            extensions,
            sentences,
            words,
            names,
            email: Email::build(p)?,
            own: p.marketplace().clone(),
        })
    }

    /// Whether a bare (scheme-less, `www`-less) match at skeleton byte `at` is a link;
    /// `shopping` holds the field's words of shopping once looked for.
    fn is_link(
        &self,
        f: &FieldText<'_>,
        at: usize,
        m: &str,
        shopping: &mut Option<Vec<CueMatch>>,
    ) -> bool {
        if let Some(rest) = m
            .strip_prefix("http://")
            .or_else(|| m.strip_prefix("https://"))
            .or_else(|| m.strip_prefix("www."))
        {
            // The host does not start with punctuation (`http://-x.com`, `http://##`), and its
            // name and TLD are names a registry delegates.
            let host = rest.split(['/', '?', '#', ':']).next().unwrap_or(rest);
            return m.len() > 8
                && !rest.starts_with(|c: char| c.is_ascii_punctuation())
                && host
                    .trim_end_matches('.')
                    .rsplit('.')
                    .take(2)
                    .all(delegable);
        }
        let (host, path) = match m.find('/') {
            Some(i) => (&m[..i], Some(&m[i + 1..])),
            None => (m, None),
        };

        let Some((rest, tld)) = host.rsplit_once('.') else {
            return false;
        };
        if rest.is_empty() || !delegable(rest.rsplit('.').next().unwrap_or(rest)) {
            return false;
        }
        let tld_start = at + rest.len() + 1;
        let (s, e) = f.skeleton().to_original(tld_start, tld_start + tld.len());
        let written = &f.cps[s..e];
        if !is_root_zone_tld(tld) && !is_root_zone_tld(&lowercase(written)) {
            return false;
        }
        let has_path = path.is_some_and(|p| !p.is_empty());
        let subdomain = rest.contains('.');
        if !has_path && !subdomain {
            if self.extensions.contains(tld) || self.names.contains(&host.to_ascii_lowercase()) {
                return false;
            }
            // `good.it works`: a Latin sentence goes on after the word.
            let after = &f.sk()[at + m.len()..];
            if self.words.contains(tld)
                && after.starts_with(' ')
                && after[1..].starts_with(|c: char| c.is_ascii_lowercase())
            {
                return false;
            }
        }
        // `خوب بود.ایران هم …`: two Persian words glued by a full stop are a sentence, unless
        // a path or a subdomain shows a domain.
        // Likewise a Persian word and a brand or word TLD (`عالیه.sony`): a Persian name
        // counts bare only with a short TLD (`فروشگاه.com`, `فروشگاه.ir`).
        if !has_path && !subdomain && rest.chars().all(is_arabic_script) {
            // `فروشگاه.ایران`: a Persian name and TLD count near a word of shopping.
            if tld.chars().all(is_arabic_script) {
                // `ارزون بود.ایران`, `خریدم.ایران`: a frequent word that is no noun before the
                // full stop ends a sentence; a noun (`فروشگاه.ایران`) may name a shop.
                if self.sentences.contains(tld) || self.plain.contains(&skeleton_key(rest)) {
                    return false;
                }
                let ws = f.words();
                let near_shopping = words_of_span(ws, at, at + host.len()).is_some_and(|span| {
                    let found = shopping.get_or_insert_with(|| self.shopping.find_all(f.sk(), ws));
                    near(f.sk(), ws, found, span, SHOPPING_WINDOW)
                });
                if !near_shopping {
                    return false;
                }
            } else if tld.len() > 3 {
                return false;
            }
        }
        // `great.Now`: a capitalised word after a lower-case letter starts a sentence.
        let before_dot = f.skeleton().to_original(tld_start - 2, tld_start - 1);
        let titled = written.first().is_some_and(|c| c.is_uppercase())
            && written[1..].iter().any(|c| c.is_lowercase());
        if titled && !has_path && !f.cps[before_dot.0].is_uppercase() {
            return false;
        }
        // A label made only of digits (`1.5.ir`?) is not a shop's name; one made of emoji is
        // (`➡.ws/x`) with a path, without one it is mostly an emoji ending a sentence.
        let name = rest.rsplit('.').next().unwrap_or(rest);
        if name.chars().any(|c| c.is_alphanumeric()) {
            name.chars().any(char::is_alphabetic)
        } else {
            has_path && rest == name
        }
    }
}

/// Whether a registry can delegate `label` as a name or a TLD: no `_` and no `-` at either end
/// (`http://example.com_`, `http://my_shop.com`, `twitter-.com` lead nowhere). A subdomain,
/// which its owner names, may break these rules and is not checked.
fn delegable(label: &str) -> bool {
    !label.contains('_') && !label.starts_with('-') && !label.ends_with('-')
}

/// Whether `m`, an IPv4 address with what follows it, is a link: an address that can be reached
/// from outside, with a port or a path that holds a letter (`185.143.20.7/shop`,
/// `185.143.20.7:8080`); a bare address is as often a version number (`1.2.3.4`).
fn is_ip_link(m: &str) -> bool {
    let (host, path) = match m.find('/') {
        Some(i) => (&m[..i], Some(&m[i + 1..])),
        None => (m, None),
    };
    public_ip(host) == Some(true)
        && (host.contains(':') || path.is_some_and(|p| p.chars().any(char::is_alphabetic)))
}

/// Words for a web site or for visiting one: a bare IPv4 address right after one (a colon
/// between them or not) is where to go (`سایت ما: 185.143.20.7`, `visit 185.143.20.7`).
const SITE_WORDS: &[&str] = &[
    "سایت",
    "وبسایت",
    "سایتمون",
    "سایتم",
    "سایتمان",
    "site",
    "website",
    "visit",
    "webseite",
];

/// Whether `before`, the original text before a bare IPv4 address, ends with a word of
/// [`SITE_WORDS`] (`سایت ما` counts by its first word), spaces and a colon after it.
fn after_site_word(before: &str) -> bool {
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || c == ':');
    let mut words = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\u{200C}'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('\u{200C}', "").to_lowercase());
    let last = words.next();
    let site = |w: &Option<String>| w.as_deref().is_some_and(|w| SITE_WORDS.contains(&w));
    site(&last)
        || (matches!(last.as_deref(), Some("ما" | "من" | "مون" | "our" | "my"))
            && site(&words.next()))
}

/// Whether `host` (with an optional `:port`) is an IPv4 address: `Some(true)` when it can be
/// reached from outside, `Some(false)` for private, loopback, link-local and `0.` addresses,
/// `None` when it is not an address (`1.2.3.400`).
fn public_ip(host: &str) -> Option<bool> {
    let (address, port) = match host.split_once(':') {
        Some((a, p)) => (a, Some(p)),
        None => (host, None),
    };
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let ip: std::net::Ipv4Addr = address.parse().ok()?;
    let [a, b, ..] = ip.octets();
    Some(
        !(ip.is_private()
            || ip.is_loopback()
            || ip.is_link_local()
            || a == 0
            || (a == 100 && (64..128).contains(&b))),
    )
}

/// A character of the Arabic script blocks (Persian letters included).
fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}')
}

/// `chars` lower-cased, as a string.
fn lowercase(chars: &[char]) -> String {
    chars.iter().flat_map(|c| c.to_lowercase()).collect()
}

/// Whether `label` is a top-level domain of the root zone (an ICANN entry of the Public
/// Suffix List that is a single label), in Unicode or `xn--` form.
pub(crate) fn is_root_zone_tld(label: &str) -> bool {
    if label.is_empty() || label.contains('.') {
        return false;
    }
    // The list is searched from the TLD down.
    let find = |labels: [&str; 2], n: usize| {
        <psl::List as psl::Psl>::find(&psl::List, labels[..n].iter().map(|l| l.as_bytes()))
    };
    let info = find([label, ""], 1);
    if info.typ == Some(psl::Type::Icann) && info.len == label.len() {
        return true;
    }
    // ccTLDs the list names only through their second level (`co.za`, `*.ck`).
    ["co", "com", "ac", "org", "net", "gov", "edu", "x"]
        .iter()
        .any(|sld| {
            let info = find([label, sld], 2);
            info.typ == Some(psl::Type::Icann) && info.len > label.len()
        })
}

/// A bare link glued to a word of another script ends where the script changes inside its
/// TLD: `shop.irخرید` is `shop.ir`, `فروشگاه.ایرانshop` is `فروشگاه.ایران`.
fn cut_at_script_change(m: &str) -> &str {
    let host_end = m.find('/').unwrap_or(m.len());
    let Some(dot) = m[..host_end].rfind('.') else {
        return m;
    };
    let mut tld = m[dot + 1..host_end].char_indices();
    let Some((_, first)) = tld.next() else {
        return m;
    };
    // Latin letters with diacritics belong with ASCII (`.vermögensberater`); Greek and
    // Cyrillic next to Latin are the skeleton's doing: it folds their look-alikes
    // (`магазин.рф` is `магазин.pф`).
    let latin =
        |c: char| c.is_ascii() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}');
    let folded = |c: char| ('\u{0370}'..='\u{052F}').contains(&c);
    let mut prev = first;
    for (i, c) in tld {
        if latin(c) != latin(prev) && !folded(c) && !folded(prev) {
            return &m[..dot + 1 + i];
        }
        prev = c;
    }
    m
}

/// Trailing punctuation is not part of a link.
pub(crate) fn trim_link_end(m: &str) -> &str {
    m.trim_end_matches([
        '.', ',', '!', '?', ')', ']', ':', ';', '"', '،', '؛', '؟', '»',
    ])
}

impl Rule for Url {
    fn prefilter(&self) -> Prefilter {
        // Every link has a scheme, `www.`, or a dot before a letter (the TLD at least); an
        // address a digit before its port or path, or a word for a web site before it.
        Prefilter::literals(["http://", "https://", "www."])
            .or(Prefilter::literals(('a'..='z').map(|c| format!(".{c}"))))
            .or(Prefilter::classes(Classes::DOT_NON_ASCII))
            .or(Prefilter::literals(
                ('0'..='9').flat_map(|d| [format!("{d}/"), format!("{d}:")]),
            ))
            // A bare address right after a word for a web site.
            .or(Prefilter::words(SITE_WORDS, false))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let mut emails: Option<Vec<(usize, usize)>> = None;
            let mut shopping = None;
            for m in self.re.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                let mut text = trim_link_end(m.as_str());
                let scheme = text.starts_with("http") || text.starts_with("www.");
                if !scheme {
                    text = cut_at_script_change(text);
                }
                let before = sk[..m.start()].chars().next_back();
                // The domain of an e-mail address is contacts/email's; a link after `@` is not.
                if before.is_some_and(|c| {
                    (c == '@' && !scheme) || c == '.' || c == '-' || c == '_' || c.is_alphanumeric()
                }) {
                    continue;
                }
                // After slashes, a host starts only after exactly two of them at the start of a
                // word or after a scheme (`//shop.com`, `hxxp://shop.com`): after three the host
                // is empty and a path follows (`file:///test.com`), and `//` glued to a word is
                // inside it (`_//example.com`, as `_example.com`).
                if !scheme && before == Some('/') {
                    let head = sk[..m.start()].trim_end_matches('/');
                    let slashes = m.start() - head.len();
                    let glued = head
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                    if slashes >= 3 || (slashes == 2 && glued) {
                        continue;
                    }
                }
                // `driver.tar.bz2`, `name.al-lastname@x.com`: the TLD goes on into a word.
                let after = sk[m.start() + text.len()..].chars().next();
                if !scheme
                    && text.len() == m.as_str().len()
                    && after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '@'))
                {
                    continue;
                }
                if !self.is_link(f, m.start(), text, &mut shopping) || self.own.owns_link(text) {
                    continue;
                }
                // A bare name inside a disguised e-mail address (`name.trade ات جیمیل`) is
                // contacts/email's.
                let (start, end) = (m.start(), m.start() + text.len());
                if !scheme
                    && emails
                        .get_or_insert_with(|| self.email.spans(cx, f))
                        .iter()
                        .any(|&(es, ee)| es <= start && end <= ee)
                {
                    continue;
                }
                out.push(f.hit(start, end));
            }
            self.ip_links(f, out);
        }
    }
}

impl Url {
    /// Links to IPv4 addresses in the original text of `f` (`185.143.20.7/shop`), read with
    /// its digits and dots folded ([`ip_view`]: `۱۸۵٫۱۴۳٫۲۰٫۷`, `185[.]143[.]20[.]7`).
    fn ip_links(&self, f: &FieldText<'_>, out: &mut Vec<Hit>) {
        let Some((text, at)) = ip_view(f.original) else {
            return;
        };
        for m in self.ip.find_iter(&text) {
            // Inside a longer number, a version, a URL's host (`http://1.2.3.4/x`) or an
            // address's domain.
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | ':' | '@' | '-'))
                || after.is_some_and(|c| c.is_ascii_digit() || c == '.')
            {
                continue;
            }
            let link = trim_link_end(m.as_str());
            if is_ip_link(link)
                || (public_ip(link) == Some(true) && after_site_word(&text[..m.start()]))
            {
                let start = text[..m.start()].chars().count();
                let end = start + link.chars().count();
                out.push(f.hit_cp(at[start], at[end]));
            }
        }
    }
}

/// The text an IPv4 address is looked for in, when `original` holds a dot or a mark written
/// for one: Persian and Arabic-Indic digits folded to ASCII, and a dot written another way
/// between two digits (`[.]`, `(.)`, `{.}`, the Arabic decimal and thousands separators `٫`
/// `٬`, a comma) written `.`; with, for each char of it and one past its end, the index of
/// the char of `original` it starts at.
fn ip_view(original: &str) -> Option<(String, Vec<usize>)> {
    // An address has a digit right before a dot written some way; most fields have none, and
    // are not copied.
    let dotted = original
        .chars()
        .zip(original.chars().skip(1))
        .any(|(a, b)| {
            ascii_digit(a).is_some() && matches!(b, '.' | '٫' | '٬' | ',' | '[' | '(' | '{')
        });
    if !dotted {
        return None;
    }
    let chars: Vec<char> = original.chars().collect();
    let mut text = String::with_capacity(original.len());
    let mut at = Vec::with_capacity(chars.len() + 1);
    let mut i = 0;
    while i < chars.len() {
        let dot = if text.ends_with(|c: char| c.is_ascii_digit()) {
            dot_len(&chars[i..])
        } else {
            0
        };
        if dot > 0 && chars.get(i + dot).and_then(|&c| ascii_digit(c)).is_some() {
            text.push('.');
            at.push(i);
            i += dot;
            continue;
        }
        text.push(ascii_digit(chars[i]).unwrap_or(chars[i]));
        at.push(i);
        i += 1;
    }
    at.push(chars.len());
    Some((text, at))
}

/// How many chars at the start of `chars` stand for a dot between two digits: `[.]`,
/// `(.)`, `{.}`, `٫`, `٬`, `,`.
fn dot_len(chars: &[char]) -> usize {
    match chars {
        ['٫' | '٬' | ',', ..] => 1,
        ['[', '.', ']', ..] | ['(', '.', ')', ..] | ['{', '.', '}', ..] => 3,
        _ => 0,
    }
}

/// `c` as an ASCII digit when it is a digit of ASCII, Persian or Arabic-Indic.
fn ascii_digit(c: char) -> Option<char> {
    let value = match c {
        '0'..='9' => return Some(c),
        '۰'..='۹' => c as u32 - '۰' as u32,
        '٠'..='٩' => c as u32 - '٠' as u32,
        _ => return None,
    };
    char::from_digit(value, 10)
}

#[cfg(test)]
mod tests {
    use super::{cut_at_script_change, is_ip_link, is_root_zone_tld};

    #[test]
    fn an_ip_address_is_a_link_with_a_port_or_a_path() {
        for m in ["185.143.20.7/shop", "185.143.20.7:8080", "8.8.8.8:53/x"] {
            assert!(is_ip_link(m), "{m}");
        }
        for m in [
            "185.143.20.7",
            "185.143.20.7/5",
            "192.168.1.1/admin",
            "10.0.0.1:8080",
            "127.0.0.1/x",
            "1.2.3.400/x",
            "185.143.20.7:/x",
        ] {
            assert!(!is_ip_link(m), "{m}");
        }
    }

    #[test]
    fn a_tld_glued_to_another_script_is_cut_where_the_script_changes() {
        for (m, cut) in [
            ("shop.irخرید", "shop.ir"),
            ("فروشگاه.ایرانshop", "فروشگاه.ایران"),
            ("twitter.comこれは", "twitter.com"),
            ("shop.com/p/1خرید", "shop.com/p/1خرید"),
            ("mehr.vermögensberater", "mehr.vermögensberater"),
            ("магазин.pф", "магазин.pф"),
            ("shop.ir", "shop.ir"),
            ("noDot", "noDot"),
            ("x.", "x."),
        ] {
            assert_eq!(cut_at_script_change(m), cut, "{m}");
        }
    }

    #[test]
    fn root_zone_tlds_come_from_the_public_suffix_list() {
        for tld in [
            "com",
            "ir",
            "shop",
            "berlin",
            "ایران",
            "xn--mgba3a4f16a",
            "рф",
            "みんな",
        ] {
            assert!(is_root_zone_tld(tld), "{tld}");
        }
        // Listed only through their second level (`co.za`) or a wildcard (`*.ck`).
        for tld in ["za", "ck", "er"] {
            assert!(is_root_zone_tld(tld), "{tld}");
        }
        for tld in ["js", "txt", "exe", "ایرانی", "", "co.uk", "xn--"] {
            assert!(!is_root_zone_tld(tld), "{tld}");
        }
    }
}
