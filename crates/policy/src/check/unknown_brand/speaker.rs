//! The name a version speaks as. A policy left over from another site keeps that site's name
//! where the marketplace speaks of itself: as the bare subject of a sentence that goes on in
//! the first person (`X s'efforce d'offrir … sur notre marché`, `X strives to … our`, `X
//! bemüht sich … unser`), as what the reader has an experience with (`your experience with
//! X`, `Ihre Erfahrungen mit X`) and as the last party of a dispute between customers,
//! sellers and X (`entre clients, vendeurs et/ou X`), written in lower case or not. Its
//! contact mailbox at a free-mail host often carries the name in its local part
//! (`x.shop@gmail.com`). A subject with an article or a pronoun (`Le vendeur s'efforce`,
//! `Il s'efforce`) is not a name.

use std::sync::LazyLock;

use regex::Regex;

use super::{ARTICLES, Mention, WE, normalise, words_of};

// The word boundaries are ASCII ones (`(?-u:\b)`), beside ASCII words only: a Unicode `\b`
// makes the regex engine leave its fast automaton for the slow one on any non-ASCII text, and
// these patterns run over every version's whole body.

/// A bare name (one word, dots and hyphens inside: `imolocale`, `Deepnudeai.io`).
const NAME: &str = r"([\p{L}\p{N}](?:[\p{L}\p{N}.\-]*[\p{L}\p{N}])?)";

/// A bare name opening a sentence or clause, followed by a verb of the speaking party's
/// effort or commitment.
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.!?:]\s+|\n[^\S\n]*(?:[-*+]\s+)?|,\s+){NAME}\s+(?i:s['’]efforcer?a?|s['’]engager?a?|strives|endeavou?rs|is\s+committed|is\s+dedicated|aims|bemüht\s+sich|verpflichtet\s+sich|ist\s+bestrebt|ist\s+bemüht)(?-u:\b)"
    ))
    .expect("valid pattern")
});

/// The reader's experience with a name.
static EXPERIENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:(?-u:\b)(?:your|votre|vos|ihre|ihren|ihrer)\s+(?:experiences?|expériences?|erfahrungen?)\s+(?:with|on|avec|sur|chez|mit|bei|auf))\s+{NAME}"
    ))
    .expect("valid pattern")
});

/// One to three capitalised words: a name after a cue of thanks.
const CAPITALISED: &str = r"(\p{Lu}[\p{L}\p{N}&'’-]*(?:[^\S\n]+\p{Lu}[\p{L}\p{N}&'’-]*){0,2})";

/// The reader thanked for choosing or shopping at a name (`Thank you for choosing X`, `Thanks
/// for shopping at X`, `Merci d'avoir choisi X`, `Vielen Dank, dass Sie sich für X entschieden
/// haben`, `Danke, dass Sie bei X einkaufen`): the name is the one speaking.
static THANKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:(?:thank\s+you|thanks)\s+for\s+(?:choosing|shopping\s+(?:at|with|on)|ordering\s+(?:from|at)|buying\s+(?:from|at))|merci\s+d['’]avoir\s+(?:choisi|commandé\s+(?:sur|chez))|merci\s+(?:de|pour)\s+(?:votre\s+confiance\s+(?:en|à)|faire\s+vos\s+achats\s+(?:sur|chez))|(?:danke|vielen\s+dank|herzlichen\s+dank)\s*,?\s+dass\s+sie\s+(?:sich\s+für|bei))\s+{CAPITALISED}"
    ))
    .expect("valid pattern")
});

/// One to three Persian words (a name has no capital in Persian script).
const FA_NAME: &str =
    r"([\p{Arabic}][\p{Arabic}\u{200c}]*(?:[^\S\n]+[\p{Arabic}][\p{Arabic}\u{200c}]*){0,2}?)";
/// A Persian site noun (`فروشگاه`, `سایت`), with `اینترنتی` or `آنلاین` after it.
const FA_SITE: &str =
    r"(?:فروشگاه|سایت|وب[\u{200c}\s]?سایت|وبسایت|بازار|پلتفرم)(?:[^\S\n]+(?:اینترنتی|آنلاین))?";
/// The start of a Persian sentence or line.
const FA_START: &str = r"(?:^|[.!?؟:]\s+|\n[^\S\n]*(?:[-*+]\s+)?)";

/// Persian lines a shop speaks as itself (group 1 the name; with it, whether a name of
/// ordinary words only is a phrase, not a name: [`Ordinary`]): a welcome to it (`به فروشگاه X خوش آمدید`), thanks for choosing it (`از
/// اینکه X را انتخاب کردید سپاسگزاریم`), its copyright notice (`© ۱۴۰۴ X. تمامی حقوق محفوظ
/// است`), its self-description opening a sentence (`فروشگاه اینترنتی X، …`, `X با هدف …`) and
/// `ما در X` (we at X; of ordinary words only before an effort or belief: `ما در X تلاش
/// می‌کنیم`).
static FA_SPOKEN: LazyLock<Vec<(Regex, Ordinary)>> = LazyLock::new(|| {
    let named = |pattern: String, ordinary: Ordinary| {
        (Regex::new(&pattern).expect("valid pattern"), ordinary)
    };
    vec![
        named(
            format!(
                r"(?:^|\s)به[^\S\n]+{FA_SITE}[^\S\n]+{FA_NAME}[^\S\n]*[،,]?[^\S\n]*خوش[\s\u{{200c}}]*آمدید"
            ),
            Ordinary::Several,
        ),
        named(
            format!(
                r"از[^\S\n]+(?:اینکه|این[\u{{200c}}\s]?که)[^\S\n]+{FA_NAME}[^\S\n]+را[^\S\n]+(?:[^\n.!?؟]{{0,30}}[^\S\n]+)?انتخاب"
            ),
            Ordinary::Phrase,
        ),
        named(
            format!(
                r"(?m)^[^\S\n]*(?:©|\(c\)|کپی[\u{{200c}}\s]?رایت)[^\S\n]*(?:[\d۰-۹]{{4}}(?:[^\S\n]*[-–][^\S\n]*[\d۰-۹]{{4}})?[^\S\n]*)?{FA_NAME}[^\S\n]*[.،,]?[^\S\n]*(?:تمامی|کلیه|همه)[\u{{200c}}\s]*(?:ی[^\S\n]+)?حقوق"
            ),
            Ordinary::Name,
        ),
        named(
            format!(r"{FA_START}{FA_SITE}[^\S\n]+{FA_NAME}[^\S\n]*[،,]"),
            Ordinary::Phrase,
        ),
        named(
            format!(r"{FA_START}{FA_NAME}[^\S\n]+با[^\S\n]+هدف[^\S\n]"),
            Ordinary::Phrase,
        ),
        named(
            format!(
                r"{FA_START}ما[^\S\n]+در[^\S\n]+([\p{{Arabic}}][\p{{Arabic}}\u{{200c}}]*)[^\S\n]"
            ),
            Ordinary::Phrase,
        ),
        // `ما در X تلاش می‌کنیم`: an effort or a belief of ours at X.
        named(
            format!(
                r"{FA_START}ما[^\S\n]+در[^\S\n]+([\p{{Arabic}}][\p{{Arabic}}\u{{200c}}]*)[^\S\n]+(?:تلاش|سعی|می[\u{{200c}}\s]?کوشیم|کوشش|متعهد|افتخار|معتقد|باور|همواره|همیشه)"
            ),
            Ordinary::Name,
        ),
    ]
});

/// What a name of ordinary Persian words only is after a cue.
#[derive(Clone, Copy, PartialEq)]
enum Ordinary {
    /// A name (`© ۱۴۰۴ نیلوفر تجارت`).
    Name,
    /// A name if it is one word (`به فروشگاه نیلوفر خوش آمدید`), a phrase if several (`به
    /// فروشگاه لوازم خانگی خوش آمدید`).
    Several,
    /// A phrase (`ما در فصل …`, `از اینکه ارسال سریع را انتخاب کردید`).
    Phrase,
}

/// Persian words that open or make up a phrase rather than a name: pronouns, determiners and
/// the site nouns' own adjectives (`به فروشگاه بزرگ ما خوش آمدید`).
const FA_NOT_NAMES: &[&str] = &[
    "ما",
    "من",
    "شما",
    "خود",
    "این",
    "آن",
    "همه",
    "هر",
    "بزرگ",
    "اینترنتی",
    "آنلاین",
    "جدید",
];

/// A name ending a list of parties between whom disputes arise.
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:(?-u:\b)(?:between|entre|zwischen)\s+((?:[\p{{L}}\-]+\s*,\s*){{1,3}}[\p{{L}}\-]+)\s+(?:and/or|and|or|et/ou|et|ou|und/oder|und|oder))\s+{NAME}\s*(?:[.;!?)]|$)"
    ))
    .expect("valid pattern")
});

/// The parties a dispute list names before the speaking party.
const PARTIES: &[&str] = &[
    "customers",
    "buyers",
    "sellers",
    "users",
    "members",
    "vendors",
    "merchants",
    "clients",
    "acheteurs",
    "vendeurs",
    "utilisateurs",
    "membres",
    "marchands",
    "kunden",
    "käufern",
    "käufer",
    "verkäufern",
    "verkäufer",
    "nutzern",
    "nutzer",
    "händlern",
    "händler",
];

/// Pronouns and determiners that open a sentence as its subject; not names.
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "you", "one", "everyone", "each", "this", "that", "who", "which",
    "il", "elle", "on", "ils", "elles", "vous", "chacun", "chacune", "ce", "cela", "qui", "er",
    "sie", "es", "ihr", "man", "jeder", "jede", "dies", "wer", "this", "all", "tout",
];

/// Determiners before a common noun (`die Plattform`, `the Service`, `unsere Verkäufer`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "le", "la", "les", "l", "un", "une", "des", "ce", "ces",
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "unsere",
    "unseren", "unserer", "unserem", "ihre", "ihren", "ihrer", "ihrem", "jede", "jeder", "jedem",
    "alle", "allen",
];

/// Hosts of free mailboxes: the local part, not the host, says whose such a mailbox is.
const FREE_MAIL: &[&str] = &[
    "gmail",
    "googlemail",
    "yahoo",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "aol",
    "icloud",
    "gmx",
    "web",
    "t-online",
    "orange",
    "free",
    "laposte",
    "wanadoo",
    "sfr",
    "proton",
    "protonmail",
    "yandex",
    "mail",
    "zoho",
];

/// The names `body` (starting at `base` in the version's source) speaks as, as mentions in
/// text order.
pub(super) fn names(body: &str, base: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut push = |name: regex::Match<'_>| {
        let shown = name.as_str().trim_end_matches(['.', '-']);
        let lower = shown.to_lowercase();
        if ARTICLES.contains(&lower.as_str())
            || WE.contains(&lower.as_str())
            || PRONOUNS.contains(&lower.as_str())
            || shown.chars().count() < 3
            || shown.chars().all(|c| c.is_numeric())
        {
            return;
        }
        out.push(Mention::name(shown, base + name.start()));
    };
    for caps in SUBJECT.captures_iter(body) {
        let Some(name) = caps.get(1) else { continue };
        // The sentence goes on in the first person.
        let rest = &body[name.end()..];
        let end = rest.find(['.', '!', '?', '\n']).map_or(rest.len(), |i| i);
        if words_of(&rest[..end])
            .iter()
            .any(|w| WE.contains(&w.as_str()))
        {
            push(name);
        }
    }
    for caps in EXPERIENCE.captures_iter(body) {
        let Some(name) = caps.get(1) else { continue };
        // A capitalised name (a common noun after `with` is written in lower case, except in
        // German, where it takes an article or is plural: not a bare name written once).
        // A word followed by another capitalised one opens a longer title (`your experience
        // with Premium Delivery`, a service the marketplace offers), not the bare name read here.
        let first = name.as_str().chars().next().unwrap_or_default();
        let title = body[name.end()..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase);
        if first.is_uppercase() && !title && !written_as_common_noun(body, name.as_str()) {
            push(name);
        }
    }
    for caps in THANKS.captures_iter(body) {
        let Some(name) = caps.get(1) else { continue };
        // A phrase of ordinary words (`Express Delivery`) is a service, not a name; a
        // courier's or payment provider's name is a third party's.
        let ordinary = name.as_str().split_whitespace().all(|w| {
            ["en", "fr", "de"]
                .iter()
                .any(|l| super::common::ordinary(l, w))
        });
        if !ordinary && !super::service_name(name.as_str()) {
            push(name);
        }
    }
    if body.contains(['ا', 'ی', 'و']) {
        for (re, ordinary) in FA_SPOKEN.iter() {
            for caps in re.captures_iter(body) {
                let Some(name) = caps.get(1) else { continue };
                let words: Vec<&str> = name.as_str().split_whitespace().collect();
                if words.iter().any(|w| FA_NOT_NAMES.contains(w))
                    || (*ordinary == Ordinary::Phrase
                        || *ordinary == Ordinary::Several && words.len() > 1)
                        && words.iter().all(|w| super::common::ordinary("fa", w))
                {
                    continue;
                }
                push(name);
            }
        }
    }
    for caps in BETWEEN.captures_iter(body) {
        let (Some(list), Some(name)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        if words_of(list.as_str())
            .iter()
            .any(|w| PARTIES.contains(&w.as_str()))
        {
            push(name);
        }
    }
    out.sort_by_key(|m| m.offset);
    out
}

/// Whether `word`, or an inflection of it (two letters more or fewer: `Verkäufern` and `die
/// Verkäufer`), also follows an article or determiner in `body` (`die Plattform`, `the
/// Service`): a noun, not a name.
fn written_as_common_noun(body: &str, word: &str) -> bool {
    let inflected = |other: &str| {
        let (short, long) = if other.len() <= word.len() {
            (other, word)
        } else {
            (word, other)
        };
        long.starts_with(short)
            && short.chars().count() >= 4
            && long.chars().count() - short.chars().count() <= 2
    };
    let words: Vec<&str> = body
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|pair| {
        inflected(pair[1].trim_end_matches('.'))
            && DETERMINERS.contains(&pair[0].to_lowercase().as_str())
    })
}

/// Whether the mailbox `local` at `host` is a free mailbox whose local part names `key` (a
/// normalised name of four letters or more).
pub(super) fn mailbox_names(local: &str, host: &str, key: &str) -> bool {
    key.chars().count() >= 4 && free_mail(host) && normalise(local).contains(key)
}

/// Whether `host` gives free mailboxes (`gmail.com`, `web.de`, `yahoo.co.uk`): the local part,
/// not the host, says whose a mailbox there is.
pub(super) fn free_mail(host: &str) -> bool {
    let first = host.split('.').next().unwrap_or_default();
    FREE_MAIL.contains(&first) && host.split('.').count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(body: &str) -> Vec<String> {
        names(body, 0).into_iter().map(|m| m.key).collect()
    }

    #[test]
    fn a_bare_subject_going_on_in_the_first_person_is_the_speaker() {
        assert_eq!(
            keys("Intro. lunamarkt s'efforce d'offrir un service clair sur notre marché."),
            ["lunamarkt"]
        );
        assert_eq!(keys("Borlo strives to keep our sellers honest."), ["borlo"]);
        assert_eq!(
            keys("Kessla bemüht sich, unsere Kunden gut zu beraten."),
            ["kessla"]
        );
        // An article, a pronoun, or no first person: not a name speaking.
        assert!(keys("Le vendeur s'efforce de répondre sur notre marché.").is_empty());
        assert!(keys("Il s'efforce de répondre sur notre marché.").is_empty());
        assert!(keys("Borlo strives to keep prices low.").is_empty());
    }

    #[test]
    fn experience_and_dispute_parties_name_the_speaker() {
        assert_eq!(
            keys("damit Ihre Erfahrungen mit Kessla angenehm sind."),
            ["kessla"]
        );
        // A German noun the text writes after an article.
        assert!(
            keys("Die Verkäufer antworten. Ihre Erfahrungen mit Verkäufern zählen.").is_empty()
        );
        assert!(keys("Die Plattform hilft. Ihre Erfahrungen mit Plattform zählen.").is_empty());
        assert_eq!(
            keys("Des litiges surviennent entre clients, vendeurs et/ou lunamarkt."),
            ["lunamarkt"]
        );
        assert!(keys("Disputes arise between customers, sellers and us.").is_empty());
        assert!(keys("between Paris, Lyon and Nice.").is_empty());
        // A longer title: a service of the marketplace, not the one speaking.
        assert!(keys("Your experience with Express Shipping matters to us.").is_empty());
        assert!(keys("Votre expérience avec Livraison Rapide compte.").is_empty());
        assert_eq!(
            keys("Your experience with Tovrimo matters to us."),
            ["tovrimo"]
        );
    }

    fn findings(site_name: &str, body: &str) -> Vec<String> {
        let site = format!(
            "marketplace:\n  name: {{ fr: \"{site_name}\" }}\n  brands: [\"{site_name}\"]\nbase_url: https://policies.example.org\nlanguages: [fr]\nbinding_language: fr\n"
        );
        let set = super::super::tests::load_one(&site, "fr", body).expect("the set loads");
        super::super::check(&set, jiff::civil::date(2025, 6, 1))
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn the_check_reports_a_leftover_speaker_and_its_mailbox_but_not_the_site_s_own() {
        let body = "## Litiges {#litiges}\n\nlunamarkt s'efforce d'offrir un service clair sur notre marché. Des litiges surviennent entre clients, vendeurs et/ou lunamarkt.\n\nÉcrivez à lunamarkt.shop@gmail.com.";
        let got = findings("Boutique Ciel", body);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].contains("`lunamarkt` is the name the text speaks as"));
        assert!(got[1].contains("`lunamarkt.shop@gmail.com` is a mailbox named after `lunamarkt`"));
        assert!(findings("Lunamarkt", body).is_empty());
    }

    #[test]
    fn a_free_mailbox_named_after_the_speaker() {
        assert!(mailbox_names("lunamarkt.xyz", "gmail.com", "lunamarkt"));
        assert!(!mailbox_names("lunamarkt.xyz", "lunamarkt.fr", "lunamarkt"));
        assert!(!mailbox_names("jean.dupont", "gmail.com", "lunamarkt"));
    }
}
