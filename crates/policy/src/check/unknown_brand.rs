//! `unknown-brand` (warning): companies and web addresses that are not the marketplace's,
//! standing where the marketplace's own name would: company names with a legal form (`Adyen
//! N.V.`, `Muster GmbH`), names after `Welcome to`/`At`/`Bei`/`Chez`, the hosts of URLs and
//! e-mail addresses, and bare domain names (`shop-example.io`), when the text speaks as them
//! (`At X, we…`, `Bei X legen wir…`, `Welcome to X`), defines them as "we" (`X ("we",
//! "us")`), names them as the operator of this site in an imprint, tells the reader to write
//! to them (in a version without an address of the marketplace's own) or calls them its own
//! site (`our website x.example`), in a sentence that does not name the marketplace; with no
//! cue, another site's contact point whose owner the text never names (a service mailbox such
//! as `support@other.example`, and that site's web address beside it: `left_over_address`);
//! and whatever the text states as this site with a host that is not the marketplace's
//! ([`owner`]: `Betreiber dieser Website ist Deepnudeai.io`, `l'utilisation du site
//! www.boutiquelune.fr`, `By using x.io you accept`, `Le site est édité par BoutiqueLune SAS.
//! Contact : contact@boutiquelune.fr`), even where the text names that owner often. The
//! operator is read in any word order (`The operator of this online marketplace is X B.V.`,
//! `Diese Website wird von der X GmbH betrieben`), and in Persian a name stated as the
//! operator is a company without a legal form (`این سایت متعلق به شرکت X است`, `- ناشر: X`). A brand left over
//! from another site's terms is usually one nobody thought to list in `foreign_brands`; the
//! third parties a policy names (partners, payment services, authorities, pages to look things
//! up) stand elsewhere.
//!
//! Not reported: the marketplace's own names, brands and base URL host, and the brands of its
//! corporate group (`brand_groups`); names and domains in site.yaml `third_parties`; public
//! authorities' domains (`europa.eu`, `gouv.fr`, `gov.uk`…) and the sites of public, consumer
//! and dispute-resolution bodies the text sends the reader to ([`public_body`]); names the text itself ties to the
//! marketplace, and the party or operator it states without a host of its own (`between you
//! and X`, `operated by X`) when it names that company at least as often as the marketplace
//! ([`owner::Reading::covers`]). Each name is reported in the version where it first appears
//! (v1, or the version that adds it), not again in every later version.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use rayon::prelude::*;
use regex::Regex;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::model::{Document, PolicySet, PolicyVersion};

mod common;
mod cookies;
mod forms;
mod owner;
mod speaker;

// Addresses are ASCII: their patterns use ASCII word boundaries (`(?-u:\b)`), which the
// regex crate's DFA searches in one pass over text of any script (a Unicode `\b` makes it fall
// back to a far slower engine on every non-ASCII letter). A match next to a non-ASCII letter
// is not part of an address and is dropped after matching (`next_to_a_letter`).
/// A web address and its host: after the scheme (group 1) or, without one, with its `www.`
/// (group 2), as it is written after a scheme too (`https://www.x.de`).
static URL_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:https?://([a-z0-9][a-z0-9.-]*\.[a-z]{2,})|(www\.[a-z0-9][a-z0-9.-]*\.[a-z]{2,}))",
    )
    .expect("valid pattern")
});

/// The host of a match of [`URL_HOST`] or [`EMAIL_HOST`] (group 1, or group 2 of a `www.`
/// address without a scheme).
fn host_of<'h>(caps: &regex::Captures<'h>) -> Option<regex::Match<'h>> {
    caps.get(1).or_else(|| caps.get(2))
}
static EMAIL_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?-u:\b)")
        .expect("valid pattern")
});
static BARE_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Za-z0-9][A-Za-z0-9-]{1,}(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|de|fr|eu|co\.uk|uk|it|es|nl|be|at|ch|pl|cz|sk|hu|ro|bg|gr|se|dk|no|fi|lt|lv|ee|si|hr|ie|pt|lu|app|shop|store|ai|me|tv|ir))(?-u:\b)")
        .expect("valid pattern")
});
/// A name written after a cue that makes it the one speaking (`Welcome to X`, `At X, we…`,
/// `Bei X legen wir…`, `Chez X, nous…`): one to three capitalised words (group 1 of
/// [`CUED_WELCOME`] and [`CUED_AT`]).
const CUED: &str =
    r"(\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[a-z]{2,})?(?:[^\S\n]+\p{Lu}[\p{L}\p{N}&'’-]*){0,2})";
/// `Welcome to X`, `Bienvenue sur X`, `Willkommen bei X`. Its Unicode `\b` keeps the regex
/// crate's DFA off text with non-ASCII letters, so it is searched apart from [`CUED_AT`]: the
/// slower engine then only runs where the cue words' first letters are found.
const WELCOME: &str = r"\b(?i:welcome\s+to|bienvenue\s+(?:sur|à|chez)|willkommen\s+(?:bei|auf))\s+";
static CUED_WELCOME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{WELCOME}{CUED}")).expect("valid pattern"));
/// `At X`, `Bei X`, `Chez X` at the start of the text, a sentence, a line or a list item.
const AT: &str = r"(?:^|[.!?]\s+|\n[^\S\n]*(?:[-*+]\s+)?)(?:At|Bei|Chez)\s+";
static CUED_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{AT}{CUED}")).expect("valid pattern"));

/// The names after a cue in `body`, in text order: what one search for `CUED_WELCOME|CUED_AT`
/// finds (where both match at one place, [`CUED_WELCOME`]; the search goes on after the match).
fn cued_names(body: &str) -> Vec<regex::Match<'_>> {
    let cues = [&*CUED_WELCOME, &*CUED_AT];
    // The next match of each cue at or after the position it was searched from; a match
    // that starts at or after `at` is the next one from `at` too.
    let mut next: [Option<Option<regex::Captures<'_>>>; 2] = [None, None];
    let mut names = Vec::new();
    let mut at = 0;
    loop {
        for (pending, cue) in next.iter_mut().zip(cues) {
            let stale = match pending {
                None => true,
                Some(Some(caps)) => caps.get_match().start() < at,
                Some(None) => false,
            };
            if stale {
                *pending = Some(cue.captures_at(body, at));
            }
        }
        let start = |i: usize| {
            next[i]
                .as_ref()
                .and_then(|c| c.as_ref())
                .map(|c| c.get_match().start())
        };
        let pick = match (start(0), start(1)) {
            (Some(a), Some(b)) if b < a => 1,
            (Some(_), _) => 0,
            (None, Some(_)) => 1,
            (None, None) => break,
        };
        let Some(Some(caps)) = next[pick].take() else {
            break;
        };
        at = caps.get_match().end();
        if let Some(name) = caps.get(1) {
            names.push(name);
        }
    }
    names
}

/// Possessive first-person words: `our website`, `notre site`, `unsere Website`.
const OUR: &[&str] = &[
    "our", "notre", "nos", "unser", "unsere", "unserer", "unseren", "unserem", "unseres",
];

/// Words that tell the reader to write to or visit an address: the address is the
/// marketplace's own unless the sentence names another party.
/// (`email` counts only as the verb starting a sentence; a word before `:` is a label.)
const CONTACT_CUES: &[&str] = &[
    "write",
    "contact",
    "visit",
    "reach",
    "send",
    "sent",
    "mailed",
    "emailed",
    "direct",
    "directed",
    "addressed",
    "forward",
    "forwarded",
    "submit",
    "submitted",
    "écrivez",
    "contactez",
    "contacter",
    "écrire",
    "adressez",
    "adresser",
    "adressées",
    "adressés",
    "envoyez",
    "envoyer",
    "envoyées",
    "envoyés",
    "transmettez",
    "transmettre",
    "schreiben",
    "kontaktieren",
    "erreichen",
    "richten",
    "senden",
    "schicken",
    "wenden",
    "mailen",
    "übermitteln",
    "تماس",
    "بفرستید",
    "بنویسید",
    "ارسال",
    "مکاتبه",
];

/// Words naming another party in a sentence: its address is that party's.
const OTHER_PARTY: &[&str] = &[
    "mediator",
    "médiateur",
    "mediation",
    "médiation",
    "schlichtung",
    "schlichtungsstelle",
    "ombudsman",
    "arbitration",
    "arbitrage",
    "authority",
    "autorité",
    "behörde",
    "regulator",
    "board",
    "agency",
    "ministry",
    "inspectorate",
    "supervisory",
    "commissioner",
    "ombudsperson",
    "commission",
    "platform",
    "plateforme",
    "plattform",
    "odr",
    "rlo",
    "court",
    "tribunal",
    "gericht",
    "partner",
    "partenaire",
    "provider",
    "prestataire",
    "anbieter",
    "seller",
    "vendeur",
    "verkäufer",
    "their",
    "leur",
    "leurs",
    "ihre",
    "ihrer",
    "its",
    "third",
    "tiers",
    "dritte",
    "dritter",
    "google",
    "apple",
    "microsoft",
    "mozilla",
    "opera",
    "browser",
    "navigateur",
    "processor",
    "processors",
    "subprocessor",
    "subprocessors",
    "sous",
    "traitant",
    "traitants",
    "auftragsverarbeiter",
    "dienstleister",
    "zahlungsdienstleister",
    "versanddienstleister",
    "courier",
    "carrier",
    "transporteur",
    "livreur",
    "spediteur",
    "paketdienst",
    "zusteller",
    "bank",
    "banque",
    "issuer",
    "émetteur",
    "بانک",
    "پیک",
    "درگاه",
    "unsubscribe",
    "désinscription",
];

/// Last words of a product's name (`Seller Central`, `Partner Hub`, `Help Center`).
const PRODUCT_HEADS: &[&str] = &[
    "central",
    "center",
    "centre",
    "hub",
    "portal",
    "app",
    "store",
    "studio",
    "console",
    "dashboard",
    "community",
    "academy",
    "help",
    "platform",
    "account",
    "program",
    "programme",
    "network",
    "zentrale",
    "plattform",
    "espace",
];

/// Words that name a page, section or department of a site (`Customer Service`, `Mes
/// Commandes`, `Espace Client`, `Kundenkonto`).
const PAGE_WORDS: &[&str] = &[
    "service",
    "services",
    "support",
    "team",
    "settings",
    "customer",
    "customers",
    "client",
    "clients",
    "orders",
    "order",
    "returns",
    "payments",
    "checkout",
    "page",
    "section",
    "area",
    "faq",
    "desk",
    "department",
    "care",
    "profile",
    "cart",
    "wishlist",
    "inbox",
    "commandes",
    "commande",
    "compte",
    "panier",
    "aide",
    "paiements",
    "retours",
    "kunden",
    "kundenservice",
    "kundenkonto",
    "konto",
    "bereich",
    "hilfe",
    "warenkorb",
    "bestellungen",
];

/// Determiners and possessives that start a common phrase rather than a name (`Mes Commandes`,
/// `Our Shop`, `Unsere Angebote`).
const DETERMINERS: &[&str] = &[
    "the", "our", "my", "your", "this", "le", "la", "les", "mon", "ma", "mes", "notre", "nos",
    "votre", "vos", "ton", "ta", "tes", "der", "die", "das", "den", "dem", "unser", "unsere",
    "unserem", "unseren", "mein", "meine", "ihr", "ihre", "ihrem", "ihren", "dein", "deine",
];

/// E-mail addresses, URLs and domain names, removed before reading cue words.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\S*@\S+|\S*://\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b\S*|mailto:\S*")
        .expect("valid pattern")
});

/// Domains of public bodies (governments, the EU) and reserved ones: naming them is not naming
/// a brand. A host with a government label below its top level (`economie.gouv.fr`,
/// `service.gov.au`) is one too ([`GOVERNMENT_LABELS`]).
const AUTHORITY_SUFFIXES: &[&str] = &[
    "europa.eu",
    "gouv.fr",
    "gov",
    "gov.uk",
    "gv.at",
    "admin.ch",
    "bund.de",
    "overheid.nl",
    "gob.es",
    "gov.pl",
    "gov.it",
    "gov.ie",
    "example.com",
    "example.org",
    "example.net",
];

/// Labels of a government's domains below the top level (`gov.uk`, `gouv.fr`, `gob.es`).
const GOVERNMENT_LABELS: &[&str] = &["gov", "gouv", "gob", "govt", "gv", "gc"];

/// Beginnings of words in a sentence that name a public authority or a body for consumers'
/// disputes and advice: a mediator, an ombudsman, an arbitration or conciliation body, an
/// authority or regulator (`médiateur`, `mediation`, `ombudsman`, `autorité`).
const PUBLIC_BODY_STEMS: &[&str] = &[
    "mediat",
    "médiat",
    "ombuds",
    "arbitration",
    "conciliat",
    "authorit",
    "autorité",
    "regulator",
];

/// Parts of German compound words naming such a body anywhere in a word
/// (`Verbraucherschlichtungsstelle`, `Online-Streitbeilegung`, `Aufsichtsbehörde`,
/// `Verbraucherzentrale`).
const PUBLIC_BODY_PARTS: &[&str] = &[
    "schlichtung",
    "streitbeilegung",
    "behörde",
    "verbraucherzentrale",
    "verbraucherberatung",
];

/// Words naming such a body by its abbreviation: the EU's online dispute resolution (`ODR`,
/// `OS-Plattform`), alternative dispute resolution (`ADR`, `RLL`), France's consumer
/// authority (`DGCCRF`).
const PUBLIC_BODY_WORDS: &[&str] = &["odr", "adr", "rll", "rlo", "dgccrf"];

/// Parts of a host's labels (between dots and hyphens) that name such a body or the public:
/// the beginning of a longer part (`verbraucherzentrale`, `mediateur`, `consommation`,
/// `citizensadvice`), or the whole part (`conso`, `odr`, `public` of `service-public`).
const PUBLIC_HOST_STEMS: &[&str] = &[
    "mediat",
    "ombuds",
    "schlicht",
    "streitbeileg",
    "verbraucher",
    "consumer",
    "consommat",
    "citizen",
];
const PUBLIC_HOST_PARTS: &[&str] = &["conso", "odr", "adr", "public"];

/// Whether the address `m` is a public body's or a consumer or dispute-resolution body's site
/// the text sends the reader to, not a brand: its host names such a body (`verbraucherzentrale.de`,
/// `mediateur-conso.fr`, `service-public.fr`) or its sentence does (`Le site www.x.fr permet
/// de saisir un médiateur`, `Die Website www.x.de informiert über Schlichtung`), and the text
/// does not call it its own (`our website`, `notre site`, `unsere Website`).
fn public_body(source: &str, m: &Mention) -> bool {
    if !m.domain {
        return false;
    }
    let parts = m.key.split(['.', '-']);
    let host_names_one = parts.into_iter().any(|p| {
        PUBLIC_HOST_PARTS.contains(&p) || PUBLIC_HOST_STEMS.iter().any(|s| p.starts_with(s))
    });
    let line_start = source[..m.offset]
        .rfind(['\n', '!', '?', ';'])
        .map_or(0, |i| i + 1);
    let start = source[line_start..m.offset]
        .rfind(". ")
        .map_or(line_start, |i| line_start + i + 2);
    let rest = &source[m.offset..];
    let end = rest
        .find(['\n', '!', '?', ';'])
        .into_iter()
        .chain(rest.find(". "))
        .min()
        .map_or(source.len(), |i| m.offset + i);
    let before = words_of(&ADDRESS.replace_all(&source[start..m.offset], " "));
    if before[before.len().saturating_sub(3)..]
        .iter()
        .any(|w| OUR.contains(&w.as_str()))
    {
        return false;
    }
    host_names_one
        || words_of(&ADDRESS.replace_all(&source[start..end], " "))
            .iter()
            .any(|w| {
                PUBLIC_BODY_WORDS.contains(&w.as_str())
                    || PUBLIC_BODY_STEMS.iter().any(|s| w.starts_with(s))
                    || PUBLIC_BODY_PARTS.iter().any(|s| w.contains(s))
            })
}

/// Words that start a sentence or name rather than a company (`The`, `Die`, `La`, `At`, `Bei`).
const ARTICLES: &[&str] = &[
    "the",
    "a",
    "an",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "der",
    "die",
    "das",
    "dem",
    "den",
    "des",
    "ein",
    "eine",
    "by",
    "of",
    "and",
    "et",
    "und",
    "von",
    "de",
    "du",
    "with",
    "avec",
    "mit",
    "at",
    "bei",
    "chez",
    "to",
    "welcome",
    "bienvenue",
    "sur",
];

/// Indefinite articles: a legal form after one describes a company, it does not name one.
const INDEFINITE: &[&str] = &[
    "a", "an", "un", "une", "ein", "eine", "einer", "einem", "eines",
];

/// First-person plural words: the marketplace speaking of itself.
const WE: &[&str] = &[
    "we", "us", "our", "ours", "nous", "notre", "nos", "wir", "uns", "unser", "unsere", "unserer",
    "unseren", "unserem", "unseres", "ما",
];

/// Words right before a name that make it the one speaking (`At X, we…`, `Bei X legen wir…`,
/// `Chez X, nous…`, `Welcome to X`, `Willkommen auf X`).
const SPEAKER_CUES: &[&str] = &[
    "at",
    "bei",
    "chez",
    "welcome to",
    "bienvenue sur",
    "bienvenue à",
    "bienvenue chez",
    "willkommen bei",
    "willkommen auf",
];

/// Lowercase words of `text`.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the mention stands where the marketplace's own name would: the one speaking in its
/// sentence (`At X, we…`, `Bei X legen wir…`, `Welcome to X`) or defined as "we" (`X ("we",
/// "us")`), in a sentence that does not name the marketplace itself (`Shop is run by X ("we")`
/// introduces the marketplace's own company). Names a policy mentions as third parties
/// (partners, payment services, authorities, addresses to look things up) stand elsewhere and
/// are not reported.
///
/// An e-mail address the reader is told to write to stands for the marketplace only in a
/// version that gives no address of the marketplace's own (`own_email`): beside one, other
/// addresses are third parties' (a payment service, a mediator, an advertising network).
fn stands_for_the_marketplace(source: &str, m: &Mention, own: &OwnNames, own_email: bool) -> bool {
    let start = m.offset;
    let end = name_end(source, m);
    let sentence_start = sentence_start(source, start);
    let before = words_of(&source[sentence_start..start]);
    let last = |n: usize| before[before.len().saturating_sub(n)..].join(" ");
    let rest = &source[end..];
    let sentence_end = rest
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '!' | '?' | '\n' | ';')
                || c == '.' && rest[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(rest.len(), |(i, _)| i);
    let after = words_of(&rest[..sentence_end]);
    let speaks = |words: &[String]| words.iter().any(|w| WE.contains(&w.as_str()));
    let sentence = normalise(&source[sentence_start..end + sentence_end]);
    if own
        .names
        .iter()
        .any(|n| n.chars().count() >= 4 && sentence.contains(n.as_str()))
    {
        return false;
    }
    // A distinct word of the marketplace's name (`TikTok` of `TikTok Shop`) names it too:
    // `X Inc. (… references to TikTok/Us/We shall be construed accordingly)`.
    if !own.distinct.is_empty()
        && words_of(&source[sentence_start..end + sentence_end])
            .iter()
            .any(|w| own.distinct.contains(w))
    {
        return false;
    }
    // `Write to privacy@other.example`: an e-mail address the reader is told to write to;
    // `Our portal is at sellers.other.example`: a site the text calls its own.
    if m.domain {
        // Cue words are read around the addresses, not inside them (`contact@…`, `schreiben.de`).
        let text = ADDRESS.replace_all(
            sentence_text(source, sentence_start, end + sentence_end),
            " ",
        );
        let text = text.as_ref();
        let all = words_of(text);
        let has =
            |words: &[String], list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        // `Contact: x@y` and `E-mail: x@y` are labels of an address block, not instructions.
        let instructed = all.iter().any(|w| {
            CONTACT_CUES.contains(&w.as_str())
                && !text.to_lowercase().contains(&format!("{w}:"))
                && !text.to_lowercase().contains(&format!("{w} :"))
        }) || text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            .starts_with("email ");
        let email = m.email && !own_email;
        let near: Vec<String> = before[before.len().saturating_sub(6)..].to_vec();
        // A link's target is where a page is hosted, often a group's domain: only an address
        // the reader sees counts, or a link whose text calls the page its own (`[our
        // terms](https://x.example/terms)`).
        let link_target = in_link_target(source, start) && !link_text_ours(source, start);
        let ours = has(&near, OUR) && !has(&near, OTHER_PARTY) && !link_target;
        // `Contact us at https://x.example/contact`; `These terms are available at
        // https://x.example/terms`: a web address the reader is sent to for us, or where this
        // very text is published.
        let site = !m.email
            && !link_target
            && (instructed && has(&all, WE)
                || locates_this_text(&source[sentence_start..start].to_lowercase()));
        if !names_other_party(text) && (email && (has(&all, WE) || instructed) || ours || site) {
            return true;
        }
    }
    // `Anbieter dieser Plattform ist die X GmbH`, `Ce site est édité par X SAS`
    if !m.domain && owner::states_operator(source, m, own) {
        return true;
    }
    if SPEAKER_CUES.contains(&last(1).as_str()) || SPEAKER_CUES.contains(&last(2).as_str()) {
        return ["welcome", "bienvenue", "willkommen"]
            .iter()
            .any(|w| last(2).starts_with(w))
            || speaks(&after);
    }
    // `X ("we", "us")`, `X (hereinafter "wir")`
    let trimmed = rest.trim_start_matches([',', ' ']);
    if let Some(inner) = trimmed.strip_prefix('(') {
        let close = inner.find(')').unwrap_or(inner.len()).min(120);
        let close = (0..=close)
            .rev()
            .find(|&i| inner.is_char_boundary(i))
            .unwrap_or(0);
        return speaks(&words_of(&inner[..close]));
    }
    false
}

/// Whether the words of a sentence before an address (lower case) say that this very text is
/// published there: `these terms are available at`, `la version en vigueur des présentes
/// conditions est consultable sur`, `diese AGB sind abrufbar unter`, `این شرایط در`. The words
/// of publishing must lead straight to the address.
fn locates_this_text(before: &str) -> bool {
    static THIS_TEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:th(?:is|ese)\s+(?:terms|conditions|policy|agreement|guidelines|rules)|ces\s+(?:conditions|cgu|cgv|règles)|(?:des\s+|les\s+)?présentes(?:\s+conditions)?|(?:cette|la\s+présente)\s+(?:politique|charte)|diese[rn]?\s+(?:agb|bedingungen|nutzungsbedingungen|richtlinie|regeln|vereinbarung))\b|این\s+(?:شرایط|قوانین|سیاست|آیین‌نامه)",
        )
        .expect("valid pattern")
    });
    static PUBLISHED_AT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:\b(?:available|published|accessible|found|viewed|consulted|disponibles?|consultables?|accessibles?|publiée?s?|abrufbar|einsehbar|veröffentlicht|verfügbar)\s+(?:at|on|from|under|via|sur|à|unter|auf)|در\s+نشانی|در)\s*:?\s*[<\[(]?(?:https?://)?(?:www\.)?$",
        )
        .expect("valid pattern")
    });
    THIS_TEXT.is_match(before) && PUBLISHED_AT.is_match(before.trim_end())
}

/// Whether `text` holds a word of [`OTHER_PARTY`]. German `Ihre`, `Ihrer` with a capital are
/// the reader's (`senden Sie Ihre Fragen`), not a third party's (`ihre Bedingungen`).
fn names_other_party(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            let lower = w.to_lowercase();
            OTHER_PARTY.contains(&lower.as_str())
                && !(lower.starts_with("ihr") && w.starts_with('I'))
        })
}

/// Whether `a` and `b` differ by one letter added, left out or changed.
fn one_letter_off(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let same_start = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    let skip = usize::from(long.len() > short.len());
    // After the first difference the rest is the same, one letter of the longer skipped (or
    // one changed, for equal lengths).
    let tail = |n: usize| short.get(same_start + n..).unwrap_or_default();
    tail(1 - skip) == long.get(same_start + 1..).unwrap_or_default()
}

/// The start of the sentence holding the offset `at`: after the last `!`, `?`, `;`, line end, or
/// full stop before white space. A dot joined to the next letter is inside an address or an
/// abbreviation (`www.`, `orders.shop@…`, `z.B.`), not a sentence's end.
fn sentence_start(source: &str, at: usize) -> usize {
    let before = &source[..at];
    before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '!' | '?' | '\n' | ';')
                || c == '.' && before[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether the address at `start` is a Markdown link's target (`](https://…`, `](mailto:…`),
/// which the published page does not show.
fn in_link_target(source: &str, start: usize) -> bool {
    let before = &source[..start];
    before
        .trim_end_matches(['/', ':', 's', 'p', 't', 'h', 'w', '.'])
        .ends_with("](")
        || before.ends_with("](")
        || before.ends_with("](mailto:")
}

/// Whether the text of the Markdown link whose target holds the offset `start` calls the page
/// its own (`[our terms](…)`, `[unsere AGB](…)`, `[nos conditions](…)`).
fn link_text_ours(source: &str, start: usize) -> bool {
    let before = &source[..start];
    let Some(close) = before.rfind("](") else {
        return false;
    };
    let line_start = before[..close].rfind('\n').map_or(0, |i| i + 1);
    before[line_start..close]
        .rfind('[')
        .map(|open| words_of(&before[line_start + open + 1..close]))
        .is_some_and(|words| words.iter().any(|w| OUR.contains(&w.as_str())))
}

/// Mailboxes a site gives for its own service (`support@`, `contact@`, `kundenservice@`).
const SERVICE_MAILBOXES: &[&str] = &[
    "support",
    "help",
    "hilfe",
    "contact",
    "kontakt",
    "info",
    "service",
    "kundenservice",
    "kundendienst",
    "customerservice",
    "hello",
    "hallo",
    "bonjour",
    "team",
    "care",
    "feedback",
    "sav",
    "assistance",
    "privacy",
    "datenschutz",
    "legal",
    "abuse",
];

/// The mailbox (local part) of the e-mail address whose host starts at `host_start`.
fn mailbox(source: &str, host_start: usize) -> &str {
    let before = source[..host_start].strip_suffix('@').unwrap_or_default();
    let start = before
        .char_indices()
        .rfind(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// Whether the address `m` (one the reader sees, not the marketplace's, its group's, a listed
/// third party's, an authority's or one the text states as its own) is the contact point of
/// another site left in the text: a service mailbox (`support@deepnudeai.io`), or the web
/// address of a site whose service mailbox the version also gives (`www.deepnudeai.io`
/// beside it), whose owner the text never names. A policy names the third parties whose
/// addresses it gives: the address's name is written outside addresses (`PayPal` for
/// `paypal.com`, `DPG Media` for `dpgmedia.nl`, `GLS` for `gls-slovenia.com`), labels it on its
/// line (`KuldneBors.ee: info@kuldnebors.ee`), or its sentence speaks of another party (a
/// mediator, an authority, a provider…). Other addresses (pages to look things up, a
/// regulator's site) are not contact points the marketplace would give as its own.
fn left_over_address(source: &str, m: &Mention, mailboxes: &BTreeSet<String>) -> bool {
    if !m.address {
        return false;
    }
    let host = registrable_host(&m.key);
    let contact_point = if m.email {
        SERVICE_MAILBOXES.contains(&mailbox(source, m.offset).to_ascii_lowercase().as_str())
    } else {
        mailboxes.contains(host)
    };
    if !contact_point {
        return false;
    }
    if names_owner_of(source, m) {
        return false;
    }
    let sentence_start = source[..m.offset]
        .rfind(['!', '?', '\n', ';'])
        .map_or(0, |i| i + 1);
    let rest = &source[m.offset..];
    let sentence_end = rest
        .find(['!', '?', '\n', ';'])
        .map_or(source.len(), |i| m.offset + i);
    let text = ADDRESS.replace_all(&source[sentence_start..sentence_end], " ");
    !words_of(&text)
        .iter()
        .any(|w| OTHER_PARTY.contains(&w.as_str()))
}

/// The first labels of couriers', postal services', payment providers' and banks' registrable
/// hosts (crates/policy/data/service-hosts.txt).
static SERVICE_HOSTS: LazyLock<foldhash::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/service-hosts.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Whether `name` is a courier's, a postal service's, a payment provider's or a bank's
/// (`PayPal`, `DHL`, `La Poste`): its letters are one of [`SERVICE_HOSTS`].
fn service_name(name: &str) -> bool {
    let letters: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    SERVICE_HOSTS.contains(letters.as_str())
}

/// Whether the address `m` is a courier's, a postal service's, a payment provider's or a
/// bank's (`help@dhl.com`, `www.paypal.com`, `dpo@laposte.fr`): a third party a policy sends
/// the reader to, not a shop's own contact point.
fn service_host(m: &Mention) -> bool {
    m.domain
        && registrable_host(&m.key)
            .split('.')
            .next()
            .is_some_and(|l| SERVICE_HOSTS.contains(l))
}

/// Whether `source` names the owner of the address `m` ([`names_the_owner`]) by its name
/// (`paypal` of `www.paypal.com`) or by a sub-domain's (`distilleddsa` of
/// `distilleddsa.zendesk.com`, whose text names Distilled); a name of fewer than three letters
/// names nobody.
fn names_owner_of(source: &str, m: &Mention) -> bool {
    let host = registrable_host(&m.key);
    let label = host.split('.').next().unwrap_or(host);
    let below = m.key[..m.key.len() - host.len()].trim_end_matches('.');
    label.chars().count() < 3
        || names_the_owner(source, m.offset, label)
        || below
            .split('.')
            .filter(|l| l.chars().count() >= 5 && *l != "www")
            .any(|l| names_the_owner(source, m.offset, l))
}

/// The hosts of the service mailboxes in `mentions` ([`SERVICE_MAILBOXES`]), as
/// [`registrable_host`]s.
fn service_mailbox_hosts(source: &str, mentions: &[Mention]) -> BTreeSet<String> {
    mentions
        .iter()
        .filter(|m| m.email && m.address)
        .filter(|m| {
            SERVICE_MAILBOXES.contains(&mailbox(source, m.offset).to_ascii_lowercase().as_str())
        })
        .map(|m| registrable_host(&m.key).to_string())
        .collect()
}

/// Whether `source` names the owner of an address whose name is `label` (`deepnudeai`): the
/// label written as a word outside an address or as a capitalised site name
/// (`Lass-andere-schreiben.de`), its letters with spaces or hyphens between them (`DPG
/// Media`, `Epic Games`), the first part of a hyphenated label (`GLS`) or a word of five
/// letters or more it starts with (`Distilled` of `distilleddsa`), the initials of a name
/// (`Centre for Effective Dispute Resolution` for `cedr`), or a name labelling the address on
/// its line (`KuldneBors.ee: info@kuldnebors.ee`).
fn names_the_owner(source: &str, offset: usize, label: &str) -> bool {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    if let Some((name, _)) = source[line_start..offset].rsplit_once(':')
        && normalise(name).contains(&normalise(label))
    {
        return true;
    }
    if initials_spell(source, label) {
        return true;
    }
    let letters: Vec<char> = label.chars().filter(char::is_ascii_alphanumeric).collect();
    // Longest first: the search takes the first alternative that matches at a place.
    let prefixes = (5..letters.len())
        .rev()
        .map(|n| letters[..n].iter().collect::<String>());
    let spelled: Vec<String> = std::iter::once(label.to_string())
        .chain(
            label
                .split('-')
                .next()
                .filter(|p| *p != label && p.chars().count() >= 3)
                .map(str::to_string),
        )
        .chain(prefixes)
        .map(|l| {
            l.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| regex::escape(&c.to_string()))
                .collect::<Vec<_>>()
                .join(r"[\s-]?")
        })
        .filter(|p| !p.is_empty())
        .collect();
    let mut spelled = spelled;
    spelled.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let Ok(re) = Regex::new(&format!("(?i){}", spelled.join("|"))) else {
        return false;
    };
    // Outside an address: no `.`, `@`, `/` or letter joined to either end (a full stop that
    // ends a sentence is no part of an address; a capitalised name may end in its domain).
    re.find_iter(source).any(|f| {
        let before = source[..f.start()].chars().next_back();
        let mut after = source[f.end()..].chars();
        let next = after.next();
        let capitalised = source[f.start()..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        // A part of the name (`GLS`, `Distilled`) counts as a proper name only.
        let part = f
            .as_str()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .count()
            < letters.len();
        if part && !capitalised {
            return false;
        }
        let joined_before =
            before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '@' | '/' | '-' | '_'));
        let joined_after = next
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '-' | '_'))
            || next == Some('.') && !capitalised && after.next().is_some_and(char::is_alphanumeric);
        !joined_before && !joined_after
    })
}

/// Whether the initials of a run of capitalised words of `source` spell `label`, short words
/// in lower case between them left out: `Centre for Effective Dispute Resolution` spells
/// `cedr`, `Nemzeti Média és Hírközlési Hatóság` `nmhh`.
fn initials_spell(source: &str, label: &str) -> bool {
    let want: Vec<char> = label.chars().filter(char::is_ascii_alphabetic).collect();
    if want.len() < 3 || want.len() != label.chars().count() {
        return false;
    }
    let words: Vec<&str> = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let initial = |w: &str| w.chars().next().filter(|c| c.is_uppercase());
    (0..words.len()).any(|start| {
        let mut k = 0;
        for w in &words[start..] {
            match initial(w) {
                Some(c) if c.to_lowercase().eq(want[k].to_lowercase()) => {
                    k += 1;
                    if k == want.len() {
                        return true;
                    }
                }
                Some(_) => return false,
                None if k > 0 && w.chars().count() <= 3 => {}
                None => return false,
            }
        }
        false
    })
}

/// The part of a host that names its owner, with its public suffix: `paypal.com` of
/// `www.paypal.com`, `example.co.uk` of `shop.example.co.uk` (a two-letter country's second
/// level such as `co.uk` or `com.au` is part of the suffix).
fn registrable_host(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let country_second_level = n >= 3
        && labels[n - 1].len() == 2
        && matches!(
            labels[n - 2],
            "co" | "com" | "org" | "net" | "ac" | "gov" | "gv" | "or" | "ne"
        );
    let keep = if country_second_level { 3 } else { 2 };
    let skipped: usize = labels[..n.saturating_sub(keep)]
        .iter()
        .map(|l| l.len() + 1)
        .sum();
    &host[skipped.min(host.len())..]
}

/// The text of a sentence between two byte offsets of `source`.
fn sentence_text(source: &str, start: usize, end: usize) -> &str {
    source.get(start..end.min(source.len())).unwrap_or_default()
}

/// Lowercase words separated by single spaces.
fn normalise_spaced(text: &str) -> String {
    words_of(text).join(" ")
}

/// One name or domain found in a version.
#[derive(Clone)]
struct Mention {
    key: String,
    shown: String,
    offset: usize,
    domain: bool,
    /// The host of an e-mail address.
    email: bool,
    /// A web address with its scheme or `www.`, or an e-mail address, that the reader sees
    /// (not a link's target).
    address: bool,
}

impl Mention {
    /// A company's name as the text writes it, at `offset`: no host, no address.
    fn name(shown: &str, offset: usize) -> Mention {
        Mention {
            key: normalise(shown),
            shown: shown.to_string(),
            offset,
            domain: false,
            email: false,
            address: false,
        }
    }
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let own = OwnNames::of(set);
    // Documents are read apart from each other, in parallel (rayon).
    set.documents
        .par_iter()
        .flat_map_iter(|doc| document_findings(set, doc, &own))
        .collect()
}

/// The findings of `check` in one document.
fn document_findings(set: &PolicySet, doc: &Document, own: &OwnNames) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut line_matches = LineMemo::default();
    for lang in doc.languages() {
        let mut previous: BTreeSet<String> = BTreeSet::new();
        // What each body read holds, at offsets from its start: a version repeating an
        // earlier body takes it.
        let mut read: foldhash::HashMap<&str, BodyMentions> = Default::default();
        for v in doc.versions_in(lang) {
            let body = v.body();
            let base = v.source.len() - body.len();
            let known = read
                .entry(body)
                .or_insert_with(|| BodyMentions::of(v, own, &mut line_matches));
            let known = &*known;
            let found = known.found.get_or_init(|| body_found(v, known, own));
            let current: BTreeSet<String> = found.iter().map(|f| f.m.key.clone()).collect();
            let mut lines = None;
            let mut reported = BTreeSet::new();
            let name = set.site.name_in(&v.lang);
            // A foreign owner's other addresses (`static.x.com` beside `x.com`) once one of
            // its addresses is reported.
            let mut owners_reported = BTreeSet::new();
            for Found { m, foreign, said } in found {
                let foreign = foreign.as_ref();
                let other_address = foreign
                    .is_some_and(|f| f.key != m.key && owners_reported.contains(f.host.as_str()));
                if previous.contains(&m.key) || other_address || !reported.insert(m.key.clone()) {
                    continue;
                }
                if let Some(f) = foreign.filter(|_| m.domain) {
                    owners_reported.insert(f.host.as_str());
                }
                let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
                let (line, column) = lines.line_col(&v.source, base + m.offset);
                out.push(match foreign {
                    Some(f) => foreign_owner(&v.path, line, column, m, f, name),
                    None => {
                        let what = if m.domain { "an address" } else { "a company" };
                        // A free mailbox is shown whole: its host is everyone's.
                        let whole;
                        let shown = if m.email && speaker::free_mail(&m.key) {
                            whole = format!("{}@{}", mailbox(&v.source, base + m.offset), m.shown);
                            whole.as_str()
                        } else {
                            m.shown.as_str()
                        };
                        let message = match said {
                            Said::MailboxOf(after) => format!("`{}` is a mailbox named after `{after}`, the name the text speaks as, which is not {name}'s", m.shown),
                            Said::Spoken => format!("`{}` is the name the text speaks as, and it is not {name}'s", m.shown),
                            Said::Plain => format!("`{shown}` is {what} that is not {name}'s"),
                        };
                        Diagnostic::warning(
                            codes::UNKNOWN_BRAND,
                            &v.path,
                            line,
                            column,
                            message,
                        )
                        .with_help("list a legitimate third party in site.yaml `third_parties` (or the marketplace's own names in `marketplace.brands`); replace a name left over from another site's terms")
                    }
                }
                .with_width(m.shown.chars().count()));
            }
            previous = current;
        }
    }
    out
}

/// A name or address reported in a body, at an offset from the body's start, with the owner
/// the text states it as ([`owner::Reading::foreign`]) and what the text says it is.
struct Found {
    m: Mention,
    foreign: Option<owner::Foreign>,
    said: Said,
}

/// What the text says a name without a foreign owner is.
enum Said {
    /// A free mailbox named after the name the text speaks as (that name).
    MailboxOf(String),
    /// The name the text speaks as.
    Spoken,
    /// A name or address standing where the marketplace's would.
    Plain,
}

/// The names and addresses reported in the body of `v`, in the order they are reported,
/// before the names of the version before are left out: they depend on the body only, and
/// are read once for the versions sharing it.
fn body_found(v: &PolicyVersion, known: &BodyMentions, own: &OwnNames) -> Vec<Found> {
    let body = v.body();
    let base = v.source.len() - body.len();
    let at_base = |found: &[Mention]| {
        let mut found = found.to_vec();
        found.iter_mut().for_each(|m| m.offset += base);
        found
    };
    let all = at_base(&known.all);
    let spoken = at_base(&known.spoken);
    let open: Vec<&Mention> = all
        .iter()
        .zip(&known.covered)
        .filter(|(m, covered)| !**covered && !public_body(&v.source, m))
        .map(|(m, _)| m)
        .collect();
    let reading = owner::Reading::of(v, &open, own, &known.stated);
    let own_email = all.iter().any(|m| m.email && own.covers(m));
    let mailboxes = service_mailbox_hosts(&v.source, &all);
    // The site's own cookies set on another site's domain: that site's policy, left over.
    let cookie_domains: BTreeSet<usize> = cookies::own_cookie_domains(body, base)
        .into_iter()
        .map(|m| m.offset)
        .collect();
    let mut found: Vec<(&Mention, Option<&owner::Foreign>)> = Vec::new();
    for m in open {
        if let Some(foreign) = reading.foreign(m) {
            found.push((m, Some(foreign)));
        } else if !service_host(m)
            && (stands_for_the_marketplace(&v.source, m, own, own_email)
                && !(m.email && names_owner_of(&v.source, m))
                || left_over_address(&v.source, m, &mailboxes)
                || cookie_domains.contains(&m.offset) && !names_owner_of(&v.source, m))
        {
            found.push((m, None));
        }
    }
    // Free mailboxes named after the name the text speaks as.
    let boxes: Vec<(Mention, &str)> = all
        .iter()
        .filter(|m| m.email)
        .filter_map(|m| {
            let local = mailbox(&v.source, m.offset);
            let name = spoken
                .iter()
                .find(|s| speaker::mailbox_names(local, &m.key, &s.key))?;
            let start = m.offset - local.len() - 1;
            let shown = format!("{local}@{}", m.shown);
            Some((
                Mention {
                    key: shown.to_lowercase(),
                    shown,
                    offset: start,
                    domain: true,
                    email: true,
                    address: true,
                },
                name.shown.as_str(),
            ))
        })
        .collect();
    // A free mailbox named after the speaker is reported as that, not also by its host.
    found.retain(|(m, _)| {
        !(m.email
            && boxes
                .iter()
                .any(|(b, _)| (b.offset..b.offset + b.shown.len()).contains(&m.offset)))
    });
    found.extend(
        spoken
            .iter()
            .chain(boxes.iter().map(|(m, _)| m))
            .map(|m| (m, None)),
    );
    // The text's statements of who it is are read only when there is a mention.
    if found.iter().any(|(_, f)| f.is_none()) {
        found.retain(|(m, f)| f.is_some() || !reading.covers(m));
    }
    let said = |m: &Mention| {
        if let Some((_, after)) = boxes.iter().find(|(b, _)| b.key == m.key) {
            Said::MailboxOf((*after).to_string())
        } else if spoken.iter().any(|s| s.key == m.key) {
            Said::Spoken
        } else {
            Said::Plain
        }
    };
    found
        .into_iter()
        .map(|(m, foreign)| Found {
            m: Mention {
                offset: m.offset - base,
                ..m.clone()
            },
            foreign: foreign.cloned(),
            said: said(m),
        })
        .collect()
}

/// What a body holds, at offsets from its start: its [`mentions`], whether each is the
/// marketplace's own ([`OwnNames::covers`]), the names it speaks as that are not the
/// marketplace's ([`speaker::names`]), and the names it ties to the marketplace, read when
/// first asked ([`owner::Reading::covers`]).
struct BodyMentions {
    all: Vec<Mention>,
    covered: Vec<bool>,
    spoken: Vec<Mention>,
    stated: std::cell::OnceCell<Vec<String>>,
    /// What is reported in it ([`body_found`]), read when first asked.
    found: std::cell::OnceCell<Vec<Found>>,
}

impl BodyMentions {
    fn of<'a>(v: &'a PolicyVersion, own: &OwnNames, lines: &mut LineMemo<'a>) -> BodyMentions {
        let body = v.body();
        let base = v.source.len() - body.len();
        let mut all = mentions_in(v, lines);
        all.iter_mut().for_each(|m| m.offset -= base);
        let covered = all.iter().map(|m| own.covers(m)).collect();
        let spoken = speaker::names(body, 0)
            .into_iter()
            .filter(|m| !own.covers(m) && !own.names.iter().any(|n| n.contains(&m.key)))
            .collect();
        BodyMentions {
            all,
            covered,
            spoken,
            stated: std::cell::OnceCell::new(),
            found: std::cell::OnceCell::new(),
        }
    }
}

/// The finding for `m`, a name the text states as this site's (or an address of its host)
/// whose host is not the marketplace's.
fn foreign_owner(
    path: &std::path::Path,
    line: usize,
    column: usize,
    m: &Mention,
    f: &owner::Foreign,
    name: &str,
) -> Diagnostic {
    let message = if f.key == m.key {
        format!(
            "`{}` is stated as this site's {}, but `{}` is not {name}'s",
            m.shown,
            f.role.says(),
            f.host
        )
    } else {
        format!(
            "`{}` is an address of `{}`, which the text states as this site's {}, and is not {name}'s",
            m.shown,
            f.shown,
            f.role.says()
        )
    };
    Diagnostic::warning(codes::UNKNOWN_BRAND, path, line, column, message).with_help(format!(
        "if `{}` is {name}'s own, add it to site.yaml `marketplace.brands`; if it is left over from another site's terms, write {name}'s name and address instead",
        f.host
    ))
}

/// The matches of [`URL_HOST`] and [`EMAIL_HOST`] (the whole match and the host), of
/// [`BARE_DOMAIN`] (the domain) and the companies of [`forms::companies`] (the name and the
/// legal form) in one line, at offsets from its start. None of these matches crosses a line's
/// end, and the patterns' word boundaries read a line's end as the edge of the text: the
/// matches in a text are those of its lines.
#[derive(Debug, Default, PartialEq)]
struct LineMatches {
    addresses: [Vec<(Range<usize>, Range<usize>)>; 2],
    bare: Vec<Range<usize>>,
    companies: Vec<(Range<usize>, Range<usize>)>,
}

impl LineMatches {
    fn of(line: &str) -> LineMatches {
        let addresses = [&*URL_HOST, &*EMAIL_HOST].map(|re| {
            re.captures_iter(line)
                .filter_map(|caps| Some((caps.get_match().range(), host_of(&caps)?.range())))
                .collect()
        });
        LineMatches {
            addresses,
            bare: BARE_DOMAIN
                .captures_iter(line)
                .filter_map(|caps| Some(caps.get(1)?.range()))
                .collect(),
            companies: forms::companies(line),
        }
    }

    /// The matches of the lines of `body`, at offsets from its start; the lines read before
    /// are taken from `memo`.
    fn of_lines<'a>(body: &'a str, memo: &mut LineMemo<'a>) -> LineMatches {
        let mut all = LineMatches::default();
        let mut start = 0;
        for line in body.split('\n') {
            let found = memo.entry(line).or_insert_with(|| LineMatches::of(line));
            let at = |r: &Range<usize>| r.start + start..r.end + start;
            for (all, found) in all.addresses.iter_mut().zip(&found.addresses) {
                all.extend(found.iter().map(|(a, b)| (at(a), at(b))));
            }
            all.bare.extend(found.bare.iter().map(at));
            all.companies
                .extend(found.companies.iter().map(|(a, b)| (at(a), at(b))));
            start += line.len() + 1;
        }
        all
    }
}

/// [`LineMatches`] of the lines read before, by line: a document's versions repeat most of
/// their lines.
type LineMemo<'a> = foldhash::HashMap<&'a str, LineMatches>;

/// Company names and domains in the body of `v`, outside code, in text order.
#[cfg(test)]
fn mentions(v: &PolicyVersion) -> Vec<Mention> {
    mentions_in(v, &mut LineMemo::default())
}

/// [`mentions`], the lines read before taken from `lines`.
fn mentions_in<'a>(v: &'a PolicyVersion, lines: &mut LineMemo<'a>) -> Vec<Mention> {
    let body = v.body();
    let base = v.source.len() - body.len();
    let matches = LineMatches::of_lines(body, lines);
    let mut out = Vec::new();
    let mut push = |shown: &str, offset: usize, domain: bool, email: bool, address: bool| {
        if v.scan.in_code(base + offset) {
            return;
        }
        let key = if domain {
            shown.to_lowercase().trim_start_matches("www.").to_string()
        } else {
            normalise(shown)
        };
        if key.len() >= 3 {
            out.push(Mention {
                key,
                shown: shown.to_string(),
                offset: base + offset,
                domain,
                email,
                address,
            });
        }
    };
    // An e-mail address must also end a word.
    for (found, email) in matches.addresses.iter().zip([false, true]) {
        for (whole, host) in found {
            if next_to_a_letter(body, whole.start, email.then_some(whole.end)) {
                continue;
            }
            let seen = !in_link_target(body, whole.start);
            push(&body[host.clone()], host.start, true, email, seen);
        }
    }
    for m in &matches.bare {
        if next_to_a_letter(body, m.start, Some(m.end)) {
            continue;
        }
        let (start, m) = (m.start, &body[m.clone()]);
        let before = body[..start].chars().next_back();
        let label = m.split('.').next().unwrap_or_default();
        let all_caps = label.chars().all(|c| !c.is_lowercase());
        if matches!(before, Some('@' | '/' | '.' | '-')) || all_caps {
            continue;
        }
        push(m, start, true, false, false);
    }
    // Ordinary words of the version's language ([`common::ordinary`]: `At Christmas, we…`,
    // `Bei Fragen helfen wir…`) and words the text also writes in lower case (`At
    // Registration, we…`, `Welcome to Partner Central`) are common words, not a brand. The
    // text's lower-case words are read only for a version with such a cue.
    let mut lower_words: Option<foldhash::HashSet<&str>> = None;
    for name in cued_names(body) {
        let shown = name.as_str().trim_end_matches(['.', '-', '\'', '’']);
        let domain = BARE_DOMAIN.is_match(shown);
        // A possessive (`Welcome to Hamburg's largest market`) describes a place or thing
        // that belongs to the name; the name is not the one speaking.
        if !domain
            && shown
                .split_whitespace()
                .any(|w| w.ends_with("'s") || w.ends_with("’s"))
        {
            continue;
        }
        let words: Vec<&str> = shown.split_whitespace().collect();
        let mut lower = |w: &str| {
            lower_words
                .get_or_insert_with(|| lowercase_words(body))
                .contains(w.to_lowercase().as_str())
        };
        // One word: an ordinary word of the language or one the text writes in lower case is a
        // common word. Several ordinary words written together with capitals (`At Green
        // Basket, we…`, `Chez Boutique Lune, nous…`) are a name, unless the text writes each
        // of them in lower case too, the first is a determiner (`Bienvenue sur Mes Commandes`)
        // or one names a page or department of the site (`Welcome to Customer Service`,
        // `Bienvenue sur Espace Client`).
        let common = if words.len() == 1 {
            common::ordinary(&v.lang, words[0]) || lower(words[0])
        } else {
            let page = |w: &&str| {
                let w = w.to_lowercase();
                PAGE_WORDS.contains(&w.as_str()) || PRODUCT_HEADS.contains(&w.as_str())
            };
            words.iter().all(|w| lower(w))
                || DETERMINERS.contains(&words[0].to_lowercase().as_str())
                || (words.iter().any(page)
                    && words
                        .iter()
                        .all(|w| common::ordinary(&v.lang, w) || lower(w)))
                || (v.lang == "de" && words.iter().all(|w| common::ordinary(&v.lang, w)))
        };
        // `Welcome to Seller Central`, `Willkommen im Partner Hub`: a product of the marketplace.
        let product = shown.split_whitespace().count() > 1
            && shown
                .split_whitespace()
                .last()
                .is_some_and(|w| PRODUCT_HEADS.contains(&w.to_lowercase().as_str()));
        if !domain && (common || product) {
            continue;
        }
        push(shown, name.start(), domain, false, false);
    }
    for (range, form) in &matches.companies {
        let name = &body[range.clone()];
        // Inside a word, or a description rather than a name ("a Delaware Corporation",
        // "une SAS", "eine GmbH").
        let before = &body[..range.start];
        let last_word = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || INDEFINITE.contains(&last_word.as_str())
        {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let skip = words
            .iter()
            .take_while(|w| {
                ARTICLES.contains(
                    &w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                        .as_str(),
                )
            })
            .count();
        if skip == words.len() {
            continue;
        }
        let first = words[skip];
        let start = range.start + name.find(first).unwrap_or(0);
        push(
            &body[start..shown_end(body, form)],
            start,
            false,
            false,
            false,
        );
    }
    // The domains of the site's own cookies in a cookie table (`| _sid | x.example | session |`),
    // where no other pattern found one.
    for m in cookies::own_cookie_domains(body, base) {
        if !v.scan.in_code(m.offset) && !out.iter().any(|o| o.offset == m.offset) {
            out.push(m);
        }
    }
    // Names stated as this site's operator without a legal form, or with an unusual one.
    out.extend(
        owner::stated_names(body, base)
            .into_iter()
            .filter(|m| !v.scan.in_code(m.offset) && m.key.len() >= 3),
    );
    out.sort_by_key(|m| m.offset);
    out
}

/// The words of `text` written without a capital, addresses (e-mail addresses, URLs, domain
/// names) left out.
///
/// No [`ADDRESS`] match holds white space, and its word boundaries read white space as the
/// edge of the text: the addresses of `text` are those of its white-space-separated tokens, each
/// searched alone. A token without `@`, `.` or `:` holds none and is split into words directly.
fn lowercase_words(text: &str) -> foldhash::HashSet<&str> {
    fn add<'a>(words: &mut foldhash::HashSet<&'a str>, part: &'a str) {
        words.extend(
            part.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty() && w.chars().all(|c| !c.is_uppercase())),
        );
    }
    let mut words = foldhash::HashSet::default();
    for token in text.split(char::is_whitespace) {
        if !token.contains(['@', '.', ':']) {
            add(&mut words, token);
            continue;
        }
        let mut from = 0;
        for m in ADDRESS.find_iter(token) {
            add(&mut words, &token[from..m.start()]);
            from = m.end();
        }
        add(&mut words, &token[from..]);
    }
    words
}

/// Whether a match at `start` (and ending at `end`, when it must end a word) touches a letter
/// or digit outside ASCII: part of a longer word, not an address.
fn next_to_a_letter(text: &str, start: usize, end: Option<usize>) -> bool {
    let word = |c: char| !c.is_ascii() && c.is_alphanumeric();
    text[..start].chars().next_back().is_some_and(word)
        || end.is_some_and(|end| text[end..].chars().next().is_some_and(word))
}

/// Whether a dot (`rest` is the text after it) may end a sentence: it is not followed by a
/// comma, a semicolon, a colon or a closing bracket, nor by spaces and a word in lower case or
/// an opening bracket (`Tovrimo Corp. operates`, `Lune S.A.S., société…`, `Foo Inc. ("we")`).
fn dot_may_end_sentence(rest: &str) -> bool {
    let spaced = rest.trim_start_matches([' ', '\t']);
    let next = if spaced.len() < rest.len() {
        spaced
            .chars()
            .next()
            .filter(|c| c.is_lowercase() || *c == '(')
    } else {
        rest.chars()
            .next()
            .filter(|c| matches!(c, ',' | ';' | ':' | ')' | ']'))
    };
    next.is_none()
}

/// Where the name `m` ends in its sentence in `source`: a company's name written with its
/// form's final dot (`Lindqvar B.V.`) ends before that dot when the dot may also end the
/// sentence (`… by Lindqvar B.V. Contact: …`).
fn name_end(source: &str, m: &Mention) -> usize {
    let end = (m.offset + m.shown.len()).min(source.len());
    if !m.domain && m.shown.ends_with('.') && dot_may_end_sentence(&source[end..]) {
        end - 1
    } else {
        end
    }
}

/// The end of a company's name as shown, whose legal form is `form` in `body`: past the
/// form's final dot (`Tovrimo, Inc. operates`, `Lindqvar B.V.`), unless the form holds no
/// other dot and the dot may end the sentence (`operated by Kestrel Trading Ltd.`), where it
/// is read as the full stop.
fn shown_end(body: &str, form: &Range<usize>) -> usize {
    let written = &body[form.clone()];
    match written.strip_suffix('.') {
        Some(bare) if !bare.contains('.') && dot_may_end_sentence(&body[form.end..]) => {
            form.end - 1
        }
        _ => form.end,
    }
}

/// Lowercase letters and digits only.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The marketplace's own names and the third parties it lists.
struct OwnNames {
    /// Normalised names and brands.
    names: Vec<String>,
    /// Normalised third parties.
    third: Vec<String>,
    /// Hosts of the base URL and of domain-like brands.
    hosts: Vec<String>,
    /// Normalised words of multi-word names, matched against domain labels.
    words: Vec<String>,
    /// The [`OwnNames::words`] that are no ordinary word of English, French or German
    /// (`tiktok` of `TikTok Shop`, not `shop`): a sentence holding one names the marketplace.
    distinct: Vec<String>,
    /// Names and brands in lower case as written (three characters or more), to find them in
    /// a text.
    spelled: Vec<String>,
}

impl OwnNames {
    fn of(set: &PolicySet) -> OwnNames {
        let site = &set.site;
        let group = site.group_brands();
        let mut names: Vec<String> = site
            .own_names()
            .chain(group.iter().copied())
            .flat_map(|b| {
                let whole = normalise(b);
                // `Amazon.fr` is the brand `amazon`, `www.DirectMarket.gr` the brand
                // `directmarket`; `Ring Twice` also `ringtwice`.
                let bare = b
                    .get(..4)
                    .filter(|w| w.eq_ignore_ascii_case("www."))
                    .map_or(b, |_| &b[4..]);
                let label = bare.split('.').next().map(normalise).unwrap_or_default();
                [whole, label]
            })
            .filter(|n| n.len() >= 3)
            .collect();
        names.sort();
        names.dedup();
        // `TikTok Shop` owns `seller-my.tiktok.com`, `Hotel Center by Google` owns
        // `support.google.com`: a word of a name that is a domain label below the top level.
        let mut words: Vec<String> = site
            .own_names()
            .filter(|b| b.split_whitespace().count() > 1)
            .flat_map(|b| b.split_whitespace().map(normalise).collect::<Vec<_>>())
            .filter(|w| w.chars().count() >= 4 && !ARTICLES.contains(&w.as_str()))
            .collect();
        words.sort();
        words.dedup();
        let distinct = words
            .iter()
            .filter(|w| !["en", "fr", "de"].iter().any(|l| common::ordinary(l, w)))
            .cloned()
            .collect();
        let host = site
            .base_url
            .split("://")
            .nth(1)
            .unwrap_or_default()
            .split('/')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let mut spelled: Vec<String> = site
            .own_names()
            .chain(group.iter().copied())
            .map(str::to_lowercase)
            .filter(|n| n.chars().count() >= 3)
            .collect();
        spelled.sort();
        spelled.dedup();
        OwnNames {
            names,
            spelled,
            third: site
                .third_parties
                .iter()
                .map(|t| normalise(t))
                .filter(|t| t.len() >= 2)
                .collect(),
            hosts: vec![host],
            words,
            distinct,
        }
    }

    fn covers(&self, m: &Mention) -> bool {
        let key = &m.key;
        if m.domain {
            if self
                .hosts
                .iter()
                .any(|h| h == key || key.ends_with(&format!(".{h}")))
                || AUTHORITY_SUFFIXES
                    .iter()
                    .any(|s| key == s || key.ends_with(&format!(".{s}")))
                || key
                    .split('.')
                    .rev()
                    .skip(1)
                    .any(|l| GOVERNMENT_LABELS.contains(&l))
            {
                return true;
            }
            let labels: Vec<String> = key.split('.').map(normalise).collect();
            let below_top = &labels[..labels.len().saturating_sub(1)];
            // `seller.samsungapps.com` for `Samsung Galaxy Store`: a label that is, or starts
            // with, a word of the name (five letters or more for a prefix).
            if below_top.iter().any(|l| {
                self.words
                    .iter()
                    .any(|w| l == w || w.chars().count() >= 5 && l.starts_with(w.as_str()))
            }) {
                return true;
            }
            let registrable = labels.len().saturating_sub(2);
            // A registrable label one letter off a long name of the marketplace's is that name
            // misspelt, in the host or in the name (`lass-andere-schreiben.de` for
            // `Lass-andere-scheiben.de`); one opening with the same ten letters or more is a
            // sister site's (`lass-andere-schreiben.de` for `lass-andere-schriften.de`).
            let ours = |n: &String| {
                labels.iter().any(|l| l == n)
                    || n.len() >= 5
                        && labels
                            .get(registrable)
                            .is_some_and(|l| l.contains(n.as_str()))
                    || n.chars().count() >= 10
                        && labels.get(registrable).is_some_and(|l| {
                            one_letter_off(l, n)
                                || l.chars().zip(n.chars()).take_while(|(a, b)| a == b).count()
                                    >= 10
                        })
            };
            return self.names.iter().any(ours)
                || self
                    .third
                    .iter()
                    .any(|t| normalise(key).contains(t.as_str()));
        }
        // `Apple` in the terms of `Apple App Store`
        self.names
            .iter()
            .chain(&self.third)
            .any(|n| key.contains(n.as_str()))
            || self.words.contains(key)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_matches_of_a_text_are_those_of_its_lines() {
        use super::{LineMatches, LineMemo};
        let text = "Muster Handel GmbH\nWrite to help@shop-one.example or www.shop-two.de.\n\nOrders go to Beispiel B.V.; see Zeta Retail Ltd\nhttps://three.io/x and four-shop.com\nBei Nordwind AG";
        let whole = LineMatches::of(text);
        assert_eq!(whole.companies.len(), 4, "{whole:?}");
        assert_eq!(LineMatches::of_lines(text, &mut LineMemo::default()), whole);
        // Lines read before give their matches at their offsets in the new text.
        let twice = format!("{text}\n{text}");
        let mut memo = LineMemo::default();
        LineMatches::of_lines(text, &mut memo);
        assert_eq!(
            LineMatches::of_lines(&twice, &mut memo),
            LineMatches::of(&twice)
        );
    }

    use super::*;

    fn stands(text: &str, name: &str) -> bool {
        let offset = text.find(name).expect("the name is in the text");
        let m = Mention::name(name, offset);
        // The marketplace `Lampwick Market`, whose brand is `Lantern`.
        let own = OwnNames {
            names: vec!["lantern".into(), "lampwickmarket".into()],
            spelled: vec!["lantern".into()],
            third: Vec::new(),
            hosts: Vec::new(),
            words: vec!["lampwick".into(), "market".into()],
            distinct: vec!["lampwick".into()],
        };
        stands_for_the_marketplace(text, &m, &own, false)
    }

    #[test]
    fn a_name_the_text_speaks_as_stands_for_the_marketplace() {
        assert!(stands(
            "Bei Shopalot.io legen wir Wert auf Sie.",
            "Shopalot.io"
        ));
        assert!(stands(
            "At Brightcart Ltd, we answer every message.",
            "Brightcart Ltd"
        ));
        assert!(stands("Welcome to Brightcart.", "Brightcart"));
        assert!(stands(
            "Willkommen auf brightcart.de, dem Marktplatz für Bücher.",
            "brightcart.de"
        ));
        assert!(stands(
            "Brightcart Ltd (\"we\", \"us\") runs the site.",
            "Brightcart Ltd"
        ));
    }

    #[test]
    fn names_one_letter_off() {
        assert!(one_letter_off("lassandereschreiben", "lassanderescheiben"));
        assert!(one_letter_off("lassanderescheiben", "lassandereschreiben"));
        assert!(one_letter_off("bazarchah", "bazarcheh"));
        assert!(!one_letter_off("bazarcheh", "bazarcheh"));
        assert!(!one_letter_off("lassandereschreiben", "lassanderes"));
        assert!(!one_letter_off("tarvelmo", "tarvalmu"));
    }

    #[test]
    fn addresses_are_found_in_text_of_any_script_but_not_inside_longer_words() {
        let text = "Écrivez à aide@exemple-shop.fr ou voyez www.boutique.fr, même boutique.de ici; \
                    fichier.frère et élan@exemple.frères ne sont pas des adresses.";
        let bare: Vec<&str> = BARE_DOMAIN
            .captures_iter(text)
            .filter_map(|c| c.get(1))
            .filter(|m| !next_to_a_letter(text, m.start(), Some(m.end())))
            .map(|m| m.as_str())
            .collect();
        assert!(bare.contains(&"boutique.de"), "{bare:?}");
        assert!(!bare.iter().any(|d| d.starts_with("fichier")), "{bare:?}");
        let mail: Vec<&str> = EMAIL_HOST
            .captures_iter(text)
            .filter(|c| !next_to_a_letter(text, c.get_match().start(), Some(c.get_match().end())))
            .filter_map(|c| c.get(1))
            .map(|m| m.as_str())
            .collect();
        assert_eq!(mail, ["exemple-shop.fr"]);
        let urls: Vec<&str> = URL_HOST
            .captures_iter(text)
            .filter_map(|c| host_of(&c))
            .map(|m| m.as_str())
            .collect();
        assert_eq!(urls, ["www.boutique.fr"]);
    }

    #[test]
    fn cued_names_are_those_one_search_for_either_cue_finds() {
        let either = Regex::new(&format!("(?:{WELCOME}|{AT}){CUED}")).unwrap();
        let texts = [
            "At Shop, we sell. Welcome to Big Market Place. Bei Händler GmbH gilt. \
             Chez Él Vendeur, nous. WELCOME TO Ünique. Xwelcome to Nope. éwelcome to Nope.",
            "At Welcome to Acme Corp Store. At At Foo.\n- Bei Bar Baz\n  * Chez Qux.io ici",
            "Bienvenue sur Marché. Bienvenue chez At Home. willkommen auf Seite Eins Zwei Drei",
            "no cue at all, at shop or welcome to lower",
        ];
        for text in texts {
            let expected: Vec<(usize, &str)> = either
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .map(|m| (m.start(), m.as_str()))
                .collect();
            let found: Vec<(usize, &str)> = cued_names(text)
                .iter()
                .map(|m| (m.start(), m.as_str()))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
        let first: Vec<&str> = cued_names(texts[0]).iter().map(|m| m.as_str()).collect();
        assert_eq!(
            first,
            [
                "Shop",
                "Big Market Place",
                "Händler GmbH",
                "Él Vendeur",
                "Ünique"
            ]
        );
    }

    #[test]
    fn lower_case_words_leave_out_addresses_as_one_search_over_the_whole_text_does() {
        let text = "Écrivez à aide@exemple.fr, voyez https://shop.example/a.b ou boutique.de.\n\
                    Chez Müller: mailto:x@y.fr über café.fr und -teil.com\u{a0}ici.\tEnde \
                    fichier.frère, élan@exemple.frères, www.x.io/Page?q=1 et l'offre.";
        let whole = ADDRESS.replace_all(text, " ");
        let expected: foldhash::HashSet<&str> = whole
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty() && w.chars().all(|c| !c.is_uppercase()))
            .collect();
        let found = lowercase_words(text);
        assert_eq!(found, expected);
        assert!(
            found.contains("voyez") && found.contains("ici"),
            "{found:?}"
        );
        assert!(
            !found.contains("exemple") && !found.contains("shop"),
            "{found:?}"
        );
    }

    #[test]
    fn third_parties_named_in_passing_and_the_marketplace_s_own_company_do_not() {
        assert!(!stands(
            "Card payments are handled by Payco Ltd.",
            "Payco Ltd"
        ));
        assert!(!stands("We use Payco Ltd for card payments.", "Payco Ltd"));
        assert!(!stands(
            "Disputes may go to the board at board.example.org.",
            "board.example.org"
        ));
        assert!(!stands(
            "Payco Ltd (\"Payco\") processes payments.",
            "Payco Ltd"
        ));
        assert!(!stands(
            "The service is operated by Payco Ltd.",
            "Payco Ltd"
        ));
        assert!(!stands(
            "Lantern is run by Lamp Holdings Ltd (\"we\", \"us\").",
            "Lamp Holdings Ltd"
        ));
        // The marketplace named by the distinct word of its name.
        assert!(!stands(
            "The service is provided by Lamp Holdings Inc. (references to Lampwick/We/Us are to it).",
            "Lamp Holdings Inc."
        ));
        assert!(stands(
            "The service is provided by Lamp Holdings Inc. (references to We/Us are to it).",
            "Lamp Holdings Inc."
        ));
    }

    /// The set of `site` (site.yaml's text) with one version, `terms/v1.<lang>.md`, whose body
    /// is `body`; `None` when it does not load.
    pub(super) fn load_one(site: &str, lang: &str, body: &str) -> Option<PolicySet> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), site).unwrap();
        std::fs::create_dir(dir.path().join("terms")).unwrap();
        let front = format!(
            "---\nid: terms\ntype: Terms of Service\nlang: {lang}\ntitle: T\nversion: 1\npublished: 2025-01-01\neffective: 2025-01-02\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n"
        );
        std::fs::write(
            dir.path().join(format!("terms/v1.{lang}.md")),
            format!("{front}{body}\n"),
        )
        .unwrap();
        crate::load(dir.path()).ok().map(|(set, _)| set)
    }

    /// Calls `f` with each document of the file `DAVAR_SCAN` names (documents each after a line
    /// `@@FILE <service>/<name>`), loaded as the only version of a site named after its
    /// service, with base URL `https://policies.service.example`.
    pub(super) fn each_scanned(mut f: impl FnMut(&str, &PolicySet)) {
        let path = std::env::var("DAVAR_SCAN").expect("DAVAR_SCAN names a text file");
        let text = std::fs::read_to_string(&path).expect("DAVAR_SCAN is readable UTF-8");
        for doc in text.split("@@FILE ").skip(1) {
            let (name, body) = doc.split_once('\n').unwrap_or((doc, ""));
            let service = name.split('/').next().unwrap_or(name).replace('"', "");
            let site = format!(
                "marketplace:\n  name: {{ en: \"{service}\" }}\n  brands: [\"{service}\"]\nbase_url: https://policies.service.example\nlanguages: [en]\nbinding_language: en\n"
            );
            if let Some(set) = load_one(&site, "en", &body.replace("\n---\n", "\n\n")) {
                f(name, &set);
            }
        }
    }

    /// Prints the findings on outside documents, each checked as the only version of a site
    /// named after its service ([`each_scanned`]), to judge them by reading: `DAVAR_SCAN=<file
    /// of documents, each after a line "@@FILE <service>/<name>">` `cargo test -p
    /// davar-policy --lib unknown_brand_scan -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads outside text named by DAVAR_SCAN"]
    fn unknown_brand_scan() {
        use jiff::civil::date;
        let mut total = 0;
        each_scanned(|name, set| {
            for d in super::check(set, date(2026, 1, 1)) {
                total += 1;
                let line = set.documents[0].versions[0]
                    .source
                    .lines()
                    .nth(d.line - 1)
                    .unwrap_or("");
                let from = line
                    .char_indices()
                    .nth(d.column.saturating_sub(60))
                    .map_or(0, |(i, _)| i);
                let shown: String = line[from..].chars().take(140).collect();
                println!("{name}\t{}\t{shown}", d.message);
            }
        });
        println!("{total} findings");
    }
}
