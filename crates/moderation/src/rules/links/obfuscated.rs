use regex::Regex;

use crate::rules::contacts::email::Email;
use crate::rules::links::url::is_root_zone_tld;
use crate::rules::prelude::*;
use crate::text::fold_pattern;

declare_rule! {
    /// ## What it flags
    /// Domains written so that a link filter misses them: `example dot com`, `example[.]com`,
    /// `example(dot)com`, `example (period) com`, `example-dot-com`, `example_dot_ir`, `www . shop . ir`, `دیجی دات کام`, `نقطه آی آر`, `shop دات ir`,
    /// `فروشگاه.کام` (a Persian TLD after a real dot).
    ///
    /// ## Why
    /// Spelling a link out is still sending readers to another site, and doing it on purpose
    /// is a sign of advertising.
    ///
    /// ## How it decides
    /// A word followed by a spelled or bracketed dot and a common TLD (Latin or Persian:
    /// `کام`, `نت`, `آی آر`, `ارگ`), or `www` with spaces around its dots. The ordinary word
    /// `نقطه` ("point") on its own is not flagged: it needs a TLD right after it. `دات نت`
    /// (`دات‌نت`) after a Persian word or on its own is the name of the .NET platform
    /// (`کتاب آموزش دات‌نت`); after a Latin host it is a link (`shop دات نت`).
    /// Any TLD of the root zone counts after a bracketed dot (`bestdeals(dot)shop`,
    /// `name[.]store`) or at the end of two spelled dots or more (`bestdeals(dot)co(dot)uk`,
    /// `bestdeals dot co dot uk`, `bestdeals نقطه co نقطه uk`); a bullet between spaces
    /// (`shop • ir`) is a spelled dot before a common TLD. A digit may stand for the `o` of
    /// `dot` (`d0t`), a common Latin TLD may be spelled with spaces between its letters
    /// (`shop.c o m`, `shop dot c o m`), and a host may have no dot at all: a comma before
    /// `com`, `net`, `org` or `ir` with no space around it (`shop,com`; not a list,
    /// `red,blue,com`, nor `1,com`), `www`, the name and the TLD parted by spaces
    /// (`www shop com`) or commas (`www,shop,ir`, any TLD of the root zone), or `dot` glued
    /// between a name of three letters or more and `com`, `net`, `org` or `ir`
    /// (`shopdotir`, `shopd0tcom`). After an article or determiner
    /// (`the dot com era`, `a dot com company`, `eine dot com Firma`) `dot com` is a noun.
    ///
    /// ## Fix
    /// Not fixable.
    code: "links/obfuscated", severity: Reject, fixable: false, params: [],
    pub(crate) struct Obfuscated { re: Regex, chain: Regex, undotted: Regex, email: Email }
}

impl Obfuscated {
    fn build(p: &Params<'_>) -> Result<Obfuscated, String> {
        // A Latin TLD may be spelled with a space between its letters (`dot c o m`).
        let tld =
            r"(?:c\s?o\s?m|n\s?e\s?t|o\s?r\s?g|i\s?r|io|info|biz|xyz|کام|نت|ارگ|آی\s?آر|آی\s?او)";
        let spaced_tld = r"(?:c\s{1,2}o\s{1,2}m|n\s{1,2}e\s{1,2}t|o\s{1,2}r\s{1,2}g|i\s{1,2}r)";
        let dot = r"(?:\s*[\[\(\{<]\s*(?:\.|d[o0]t|period|punkt|point|نقطه|دات)\s*[\]\)\}>]\s*|\s+(?:d[o0]t|dat|nuqta|noghte|نقطه|دات)\s+|[-_]d[o0]t[-_]|(?:دات|نقطه)\s*|\s+[.•∙⋅●◦・⸱∘]\s*|[.•∙⋅●◦・⸱∘]\s+)";
        // Labels parted by spelled or bracketed dots, judged by `chained`.
        let spelled = r"(?:\s*[\[\(\{<]\s*(?:\.|d[o0]t|punkt|point|نقطه|دات)\s*[\]\)\}>]\s*|\s+(?:d[o0]t|dat|nuqta|noghte|نقطه|دات)\s+)";
        let label = r"[a-z0-9\p{Arabic}][a-z0-9\p{Arabic}-]*";
        // `point`/`punkt` are ordinary French/German words: only before their own TLDs.
        let word_dot =
            r"\s+(?:point\s+(?:com|net|org|fr|be|info)|punkt\s+(?:com|net|org|de|at|ch|info))";
        let pattern = format!(
            r"[a-z0-9\p{{Arabic}}][a-z0-9\p{{Arabic}}-]*(?:{dot}{tld}|{word_dot}|\.(?:کام|نت|ارگ|آی\s?آر)|\.{spaced_tld})(?:[^a-z\p{{Arabic}}]|$)|www\s*(?:\s\.|\.\s|\s(?:d[o0]t|دات|نقطه)\s)\s*[a-z0-9\p{{Arabic}}-]+|(?:^|\s)(?:دات|d[o0]t)\s*(?:کام|com|net|نت|ir|آی\s?آر)(?:[^a-z\p{{Arabic}}]|$)"
        );
        Ok(Obfuscated {
            re: Regex::new(&fold_pattern(&pattern)).map_err(|e| e.to_string())?,
            chain: Regex::new(&fold_pattern(&format!(
                r"{label}(?:{spelled}{label})+(?:[^a-z0-9\p{{Arabic}}-]|$)"
            )))
            .map_err(|e| e.to_string())?,
            // A host with no dot at all: a comma in its place before a common TLD
            // (`cheapstore,com`), `www`, the name and the TLD parted by spaces or commas
            // (`www,cheapstore,ir`: any TLD of the root zone, see `check`), or `dot` glued
            // between the name and a common TLD (`cheapstoredotir`).
            undotted: Regex::new(&fold_pattern(
                r"[a-z][a-z0-9-]{2,}[,،](?:com|net|org|ir)(?:[^a-z0-9\p{Arabic}]|$)|www\s+[a-z0-9][a-z0-9-]*\s+(?:com|net|org|ir)(?:[^a-z0-9\p{Arabic}]|$)|www[,،][a-z0-9][a-z0-9-]*[,،][a-z]{2,}(?:[^a-z0-9\p{Arabic}]|$)|[a-z][a-z0-9-]{2,}d[o0]t(?:com|net|org|ir)(?:[^a-z0-9\p{Arabic}]|$)",
            ))
            .map_err(|e| e.to_string())?,
            email: Email::build(p)?,
        })
    }
}

impl Rule for Obfuscated {
    fn prefilter(&self) -> Prefilter {
        // One of these is in every obfuscated form (skeleton spelling): a spelled or bracketed
        // dot, `www`, a dot with a space around it, or a dot before a Persian TLD.
        Prefilter::literals([
            "dot", "d0t", "dat", "دات", "نقطه", "nuqta", "noghte", "punkt", "point", "[", "(", "{",
            "<", "www", ".کام", ".نت", ".ارگ", ".ای",
        ])
        .or(Prefilter::after_space("."))
        .or(Prefilter::literals([
            "•", "∙", "⋅", "●", "◦", "・", "⸱", "∘",
        ]))
        .or(Prefilter::before_space("."))
        .or(Prefilter::literals([
            ",com", ",net", ",org", ",ir", "،com", "،net", "،org", "،ir", ".c", ".n", ".o", ".i",
        ]))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let mut emails: Option<Vec<(usize, usize)>> = None;
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for m in self.re.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                let text = m.as_str();
                let lead = text.len() - text.trim_start().len();
                let trimmed = text.trim();
                let end = without_boundary(trimmed);
                let start = m.start() + lead;
                if dotnet_name(&trimmed[..end]) || dot_com_noun(sk, start, &trimmed[..end]) {
                    continue;
                }
                let emails = emails.get_or_insert_with(|| self.email.spans(cx, f));
                if emails
                    .iter()
                    .any(|&(es, ee)| es < start + end && start < ee + 1)
                {
                    continue;
                }
                taken.push((start, start + end));
                out.push(f.hit(start, start + end));
            }
            for m in self.undotted.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                // A word glued before it (`awww`) or a list it ends (`red,blue,com`) is prose.
                if sk[..m.start()].chars().next_back().is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, ',' | '،' | '.' | '-' | '_' | '@')
                }) {
                    continue;
                }
                let (start, end) = (m.start(), m.start() + without_boundary(m.as_str()));
                // `www,name,tld`: the last label is a TLD of the root zone.
                if let Some(rest) = sk[start..end]
                    .strip_prefix("www")
                    .filter(|r| r.starts_with([',', '،']))
                    && !rest.rsplit([',', '،']).next().is_some_and(is_root_zone_tld)
                {
                    continue;
                }
                if taken.iter().any(|&(s, e)| s < end && start < e) {
                    continue;
                }
                let emails = emails.get_or_insert_with(|| self.email.spans(cx, f));
                if emails.iter().any(|&(es, ee)| es < end && start < ee + 1) {
                    continue;
                }
                taken.push((start, end));
                out.push(f.hit(start, end));
            }
            // `bestdeals(dot)co(dot)uk`: labels parted by spelled dots, any TLD of the root zone.
            for m in self.chain.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                let (start, end) = (m.start(), m.start() + without_boundary(m.as_str()));
                if taken.iter().any(|&(s, e)| s < end && start < e) || !chained(&sk[start..end]) {
                    continue;
                }
                // The domain of a disguised e-mail address is contacts/email's.
                let emails = emails.get_or_insert_with(|| self.email.spans(cx, f));
                if emails.iter().any(|&(es, ee)| es < end && start < ee + 1) {
                    continue;
                }
                out.push(f.hit(start, end));
            }
        }
    }
}

/// The length of a match without the one boundary character its pattern consumed after the
/// TLD.
fn without_boundary(text: &str) -> usize {
    match text.chars().next_back() {
        Some(c) if !c.is_alphanumeric() => text.len() - c.len_utf8(),
        _ => text.len(),
    }
}

/// Whether `text`, labels parted by spelled or bracketed dots (skeleton spelling), is a
/// domain: its last label is a TLD of the root zone, after a bracketed dot or at the end of
/// two spelled dots or more (`shop dot co dot uk`; one bare `dot` before a word TLD is often
/// prose: `a red dot in the middle`).
fn chained(text: &str) -> bool {
    let Some(tld) = text
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
    else {
        return false;
    };
    let bracketed = text[..text.len() - tld.len()]
        .trim_end()
        .ends_with([']', ')', '}', '>']);
    let dots = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| {
            matches!(
                *w,
                "dot" | "d0t" | "dat" | "nuqta" | "noghte" | "نقطه" | "دات" | "punkt" | "point"
            )
        })
        .count()
        + text.matches(['[', '(', '{', '<']).count();
    (bracketed || dots >= 2) && !tld.bytes().all(|b| b.is_ascii_digit()) && is_root_zone_tld(tld)
}

/// Articles and determiners of the storefront languages: `dot com` after one is the noun
/// (`the dot com era`, `a dot com company`, `eine dot com Firma`), since no writer names a host
/// `the`.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "le", "la", "les", "l", "un", "une", "ce",
    "cette", "der", "die", "das", "den", "dem", "ein", "eine", "einer", "einem", "einen",
];

/// Whether the match `text` at skeleton byte `start` spells `dot com` as a noun: its host (or,
/// for a match that starts with the spelled dot, the word before it) is an article or a
/// determiner.
fn dot_com_noun(sk: &str, start: usize, text: &str) -> bool {
    let host = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    // A match that starts with the spelled dot (`dot com`, `dotcom`) has no host of its own.
    let host = if ["dot", "d0t", "dat"].iter().any(|d| {
        host.strip_prefix(d)
            .is_some_and(|r| matches!(r, "" | "com" | "net" | "ir"))
    }) {
        sk[..start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
    } else {
        host
    };
    DETERMINERS.contains(&host)
}

/// Whether `text`, a match in skeleton spelling, is `دات نت` spelled with a Persian word or
/// nothing before it: the platform's name, since a host would be Latin (`shop دات نت`).
fn dotnet_name(text: &str) -> bool {
    let Some(host) = text
        .strip_suffix("نت")
        .and_then(|t| t.trim_end().strip_suffix("دات"))
    else {
        return false;
    };
    let host = host.trim();
    host.is_empty() || !host.chars().any(|c| c.is_ascii_alphanumeric())
}
