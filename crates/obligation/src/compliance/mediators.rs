//! Evidence that a business names the mediators it engages with (P2B Art. 12(1)): the list
//! items of a clause about mediation or a number a sentence states, a sentence naming two or
//! more (a reader of the organisations a list in a sentence names, addresses, towns and
//! descriptions left out), plain paragraphs enumerated after an announcement, or a link to a
//! page listing them.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::evidence::{negated, unwrap_lines};
use super::requirements::MEDIATION_WORDS;
use super::searchable;
use crate::numerals::word_value;
use davar_policy::model::PolicyVersion;

/// Whether `version` names at least two mediators: in the list items or a stated number of a
/// clause about mediation ([`mediators_counted`]), on a linked page ([`mediators_linked`]),
/// in plain paragraphs after an announcement ([`mediators_enumerated`]), or by name in a
/// sentence ([`mediators_named`]).
pub fn two_named(version: &PolicyVersion) -> bool {
    mediators_counted(version) >= 2
        || mediators_linked(version)
        || mediators_enumerated(version) >= 2
        || mediators_named(version) >= 2
}

/// Words that mark a clause about mediation.
static MEDIATION_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(MEDIATION_WORDS).expect("the mediation words pattern is valid"));

/// A number of mediators stated in a sentence ("two independent mediators", "l'un des deux
/// médiateurs", "deux organismes de médiation", "zwei Schlichtungsstellen", "دو میانجی"):
/// up to three words, then the plural noun.
static MEDIATOR_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[\p{L}\d-]+\s+){1,3})(?:mediators|médiateurs|médiatrices|organismes de médiation|centres de médiation|mediation (?:service providers|providers|bodies|centres|centers|organi[sz]ations|institutions)|mediatoren|schlichter|schlichtungsstellen|mediationsstellen|میانجی)")
        .expect("the mediator count pattern is valid")
});

/// The most mediators counted under one clause about mediation: its list items (tables of
/// contents are not counted), or a number a sentence states, the one nearest the noun ("one
/// of the two mediators" states two); in the preamble (all of a version without headings),
/// only a number a sentence states.
pub fn mediators_counted(version: &PolicyVersion) -> usize {
    // The preamble (index `None`), then each clause.
    let parts = version.preamble.iter().map(|c| (None, c)).chain(
        version
            .clauses
            .iter()
            .enumerate()
            .map(|(i, c)| (Some(i), c)),
    );
    parts
        .filter(|(_, c)| {
            MEDIATION_CLAUSE.is_match(&c.heading.to_lowercase())
                || MEDIATION_CLAUSE.is_match(&c.prose.to_lowercase())
        })
        .map(|(i, c)| {
            let prose = unwrap_lines(&c.prose);
            let stated = prose
                .split(['\n', '!', '?'])
                .flat_map(sentences)
                .filter_map(|sentence| stated_in(sentence, &version.lang))
                .max()
                .unwrap_or(0);
            // The preamble's list items are not counted: without a heading nothing says
            // what a list is about.
            let listed = i.map_or(0, |i| {
                c.list_items.saturating_sub(attached_items(version, i))
            });
            listed.max(stated)
        })
        .max()
        .unwrap_or(0)
}

/// The colon of `sentence` that opens a list: the last one followed by white space or ending it.
fn list_colon(sentence: &str) -> Option<usize> {
    sentence
        .char_indices()
        .rfind(|&(i, c)| {
            c == ':'
                && sentence[i + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
}

/// The number of mediators `sentence` states (not negated), the one nearest the noun; when the
/// sentence names them after a colon, no more than it names ("We designate two mediators:
/// CEDR." names one).
fn stated_in(sentence: &str, lang: &str) -> Option<usize> {
    let lower = searchable(sentence);
    let colon = list_colon(&lower);
    let named = list_colon(sentence)
        .map(|at| names_in(&sentence[at + 1..], false))
        .filter(|&n| n > 0);
    MEDIATOR_COUNT
        .captures_iter(&lower)
        .filter(|m| {
            let whole = m.get(0).expect("the whole match");
            !negated(&lower, lang, whole.start(), whole.end())
        })
        .filter_map(|m| {
            let number = m.get(1)?.as_str().split_whitespace().rev().find_map(|n| {
                n.parse::<usize>()
                    .ok()
                    .or_else(|| word_value(n).map(|v| v as usize))
            })?;
            let before_colon = colon.is_some_and(|c| m.get(0).is_some_and(|w| w.end() <= c));
            Some(match named {
                Some(n) if before_colon => number.min(n),
                _ => number,
            })
        })
        .max()
}

/// A list item that gives a contact detail rather than a name: a labelled phone, e-mail, web
/// or postal address ("Tel.: …", "E-mail: …"), a bare e-mail address, web address or phone
/// number, or a postcode and town ("10117 Berlin").
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((tel|tél|phone|telephone|téléphone|telefon|fax|e-?mail|courriel|web|website|site|url|internet|address|adresse|anschrift|تلفن|نشانی|آدرس|ایمیل|رایانامه)\b\.?\s*:|\S+@\S+\.\S+$|(https?://|www\.|mailto:)|\+?[\d\s()./-]{6,}$|\d{4,5}\s+\p{Lu})")
        .expect("the contact pattern is valid")
});

/// Whether a list item's text gives a contact detail or a street address ("70 Fleet Street,
/// London") rather than a name: it belongs to the item before it.
fn contact_item(text: &str) -> bool {
    let text = text.trim_start_matches(['[', '<', '*', '_', ' ']);
    let first = text.split(',').next().unwrap_or_default();
    CONTACT.is_match(text) || street_address(first)
}

/// A Markdown list item: its marker and its text.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(\S.*)$").expect("the list item pattern is valid")
});

/// How many list items of the `index`-th clause of `version` give the address, postcode and
/// town, phone, e-mail or web address of the item before them ("- CEDR" / "- 70 Fleet Street,
/// London" lists one mediator).
fn attached_items(version: &PolicyVersion, index: usize) -> usize {
    let Some(clause) = version.clauses.get(index) else {
        return 0;
    };
    let next = version
        .clauses
        .get(index + 1)
        .map_or(usize::MAX, |c| c.line);
    let mut fenced = false;
    let mut after_item = false;
    let mut count = 0;
    for line in version
        .source
        .lines()
        .enumerate()
        .filter(|(n, _)| (clause.line..next).contains(&(n + 1)))
        .map(|(_, l)| l)
    {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        match LIST_ITEM.captures(line) {
            Some(item) => {
                if after_item && contact_item(&item[1]) {
                    count += 1;
                }
                after_item = true;
            }
            // A blank line or an item's continuation keeps the list going; a paragraph ends it.
            None => {
                if !line.trim().is_empty() && !line.starts_with([' ', '\t']) {
                    after_item = false;
                }
            }
        }
    }
    count
}

/// Mediators in the plural, in the languages evidence is read in.
static MEDIATORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(mediators|médiateurs|médiatrices|mediatoren|schlichter|schlichtungsstellen)\b|میانجی‌ها|میانجیان")
        .expect("the mediators pattern is valid")
});

/// A link to another page: a Markdown link whose target has no `#` fragment, or a bare web
/// address without one. A link to a heading (`[Médiation et médiateurs](#mediation)`, an entry
/// of a linked table of contents, in a list or a table) leads to no list of mediators.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\]\([^#)\s]*\)|(?:^|[^(])(?:https?://|www\.)[^#\s)]*(?:[\s)]|$)")
        .expect("the link pattern is valid")
});

/// Whether a sentence of `version` that speaks of mediators (not negated: "we do not use
/// mediators") links a page: terms often name their mediators on a linked list ("The list of
/// independent mediators that we are willing to engage with is available at <link>").
pub fn mediators_linked(version: &PolicyVersion) -> bool {
    let body = searchable(version.body());
    // A full stop inside an address does not end a sentence.
    body.split(". ")
        .flat_map(|s| s.split(['\n', '!', '?', ';']))
        .any(|s| {
            LINK.is_match(s)
                && MEDIATORS
                    .find_iter(s)
                    .any(|m| !negated(s, &version.lang, m.start(), m.end()))
        })
}

/// The stems of verbs that name the mediators a business engages with ("we designate", "nous
/// désignons", "wir benennen").
const DESIGNATION: &str = "designat|appoint|nominat|identif|désign|nomm|benenn|bestimm|nenn";

/// Verbs of designation at the start of a word.
static DESIGNATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b({DESIGNATION})")).expect("the designation pattern is valid")
});

/// Words that join the names of a list written in a sentence.
static JOINERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[;,]|\s(?:and|or|et|ou|und|oder|sowie|as well as)\s")
        .expect("the joiner pattern is valid")
});

/// A word that announces mediators, in the plural (group 1), the singular (group 2) or either
/// (German `Schlichter`): "the following mediators", "le médiateur suivant", "deux organismes
/// de médiation", "folgenden Mediator".
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(mediators|médiateurs|médiatrices|mediatoren|schlichtungsstellen|mediationsstellen|organismes de médiation|centres de médiation|mediation (?:service providers|providers|bodies|services|centres|centers|organi[sz]ations|institutions|entities))|(mediator|médiateur|médiatrice|schlichtungsstelle|mediationsstelle|organisme de médiation|centre de médiation|mediation (?:service provider|provider|body|service|centre|center|organi[sz]ation|institution|entity))|schlichter)\b",
    )
    .expect("the cue pattern is valid")
});

/// How many mediators a cue word announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    One,
    Several,
    Either,
}

/// The number of the last cue word of `lead` that is not negated, if any.
fn announced(lead: &str, lang: &str) -> Option<Number> {
    CUE.captures_iter(lead)
        .filter(|c| {
            let m = c.get(0).expect("the whole match");
            !negated(lead, lang, m.start(), m.end())
        })
        .last()
        .map(|c| {
            if c.get(1).is_some() {
                Number::Several
            } else if c.get(2).is_some() {
                Number::One
            } else {
                Number::Either
            }
        })
}

/// The most mediators one sentence names. A sentence names mediators in a list after its
/// colon when what comes before announces them (a cue word: "the following mediators",
/// "folgenden Mediatoren … zusammenzuarbeiten:") or designates mediation bodies (a verb of
/// designation and a word of mediation: "we designate … for mediation:"); a singular cue ("the
/// following mediator:", "le médiateur suivant :") announces one, whatever the list holds.
/// A sentence may also name them beside a wording that calls them mediators ("CEDR and CMAP
/// act as mediators", "We designate CEDR and CMAP as mediators", "Als Mediatoren benennen wir
/// die IHK München und den CEDR"): the names are the object of its verb of designation, or
/// the words before the wording. `names_in` says what counts as a name.
pub fn mediators_named(version: &PolicyVersion) -> usize {
    let lang = version.lang.as_str();
    let mut most = 0;
    for clause in version.preamble.iter().chain(&version.clauses) {
        let prose = unwrap_lines(&clause.prose);
        for sentence in prose.split(['\n', '!', '?']).flat_map(sentences) {
            let count = listed_after_colon(sentence, lang)
                .or_else(|| named_as_mediators(sentence, lang))
                .or_else(|| named_after_copula(sentence, lang))
                .or_else(|| mediated_by(sentence, lang))
                .or_else(|| persian_bodies(sentence, lang))
                .unwrap_or(0);
            most = most.max(count);
        }
    }
    most
}

/// Whether the match `m` of a verb or wording in `lower` is not negated.
fn affirmed(lower: &str, lang: &str, m: &regex::Match) -> bool {
    !negated(lower, lang, m.start(), m.end())
}

/// The names listed after the last colon of `sentence` (one followed by a space, not the
/// colon of a web address), when the sentence announces or designates mediators.
fn listed_after_colon(sentence: &str, lang: &str) -> Option<usize> {
    let colon = list_colon(sentence)?;
    let lower = searchable(sentence);
    let designated = DESIGNATES
        .find_iter(&lower)
        .any(|m| affirmed(&lower, lang, &m))
        && MEDIATION.is_match(&lower);
    let lead = searchable(&sentence[..colon]);
    let number = announced(&lead, lang).or_else(|| providers_counted(&lead, lang));
    if !designated && number.is_none() {
        return None;
    }
    let names = names_in(&sentence[colon + 1..], false);
    Some(if number == Some(Number::One) {
        names.min(1)
    } else {
        names
    })
}

/// Nouns of providers that a number before them may count ("two providers", "deux
/// prestataires", "zwei anerkannte Stellen").
static PROVIDERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(providers|bodies|organi[sz]ations|institutions|services|entities|centres|centers|options|prestataires|organismes|entités|anbieter|stellen|einrichtungen|organisationen|institutionen)\b")
        .expect("the providers pattern is valid")
});

/// Whether a lead before a colon that speaks of mediation counts the providers it announces
/// ("For mediation, you may choose between two providers:", "Pour la médiation, deux
/// prestataires sont à votre disposition :"): a number of two or more up to two words before
/// a noun of providers, not negated, in a lead with a word of mediation.
fn providers_counted(lead: &str, lang: &str) -> Option<Number> {
    if !MEDIATION
        .find_iter(lead)
        .any(|m| !negated(lead, lang, m.start(), m.end()))
    {
        return None;
    }
    PROVIDERS
        .find_iter(lead)
        .any(|m| {
            let counted = lead[..m.start()]
                .split_whitespace()
                .rev()
                .take(2)
                .find_map(|w| w.parse::<u32>().ok().or_else(|| word_value(w)));
            counted.is_some_and(|v| v >= 2) && !negated(lead, lang, m.start(), m.end())
        })
        .then_some(Number::Several)
}

/// Verbs that name or accept mediators beside a wording that calls them so ("which we accept
/// as mediators", "que nous reconnaissons comme médiateurs", "die wir als Mediatoren
/// anerkennen"): the verbs of designation and those of recognition.
static NAMES_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({DESIGNATION}|recogni[sz]|accept|approv|reconn|agré|retenu|retien|erkenn|akzeptier)"
    ))
    .expect("the naming verb pattern is valid")
});

/// The names a sentence gives beside a wording that calls them mediators ("as mediators",
/// "comme médiateurs", "als Mediatoren"): between a verb of designation and the wording ("We
/// designate CEDR and CMAP as mediators"), before the verb ("CEDR and CMAP, which we
/// designate as mediators"), after a verb that follows the wording ("Als Mediatoren benennen
/// wir …"; "CEDR and CMAP are the mediators we designate" names them before), or, without a
/// verb, before the wording ("CEDR and CMAP act as mediators", "sont nos médiateurs"). A
/// negated verb denies the wording ("nous ne reconnaissons pas l'ORM et la CAMS comme
/// médiateurs").
fn named_as_mediators(sentence: &str, lang: &str) -> Option<usize> {
    let lower = aligned(sentence)?;
    let wording = AS_MEDIATORS
        .find_iter(&lower)
        .find(|m| affirmed(&lower, lang, m))?;
    let verbs: Vec<(usize, usize, bool)> = NAMES_AS
        .find_iter(&lower)
        .map(|m| {
            (
                m.start(),
                word_end(&lower, m.end()),
                affirmed(&lower, lang, &m),
            )
        })
        .collect();
    let before = verbs.iter().rev().find(|v| v.1 <= wording.start());
    let after = verbs.iter().find(|v| v.0 >= wording.end());
    Some(match before.or(after) {
        Some(&(_, _, false)) => return None,
        Some(&(start, end, true)) if end <= wording.start() => {
            let between = names_in(&sentence[end..wording.start()], false);
            // "Wir benennen als Mediatoren das Centrum … sowie die Schlichtungsstelle …",
            // "Nous désignons comme médiateurs le CMAP et …": the wording right after the verb,
            // the names after it.
            let rest = &sentence[wording.end()..];
            let after = if between == 0 && opens_with_capital(rest) {
                names_in(rest, false)
            } else {
                0
            };
            names_in(&sentence[..start], true).max(between).max(after)
        }
        Some(&(_, end, true)) => {
            names_in(&sentence[end..], false).max(names_in(&sentence[..wording.start()], true))
        }
        None => names_in(&sentence[..wording.start()], true),
    })
}

/// Whether the first word of `text` after articles and prepositions starts with a capital.
fn opens_with_capital(text: &str) -> bool {
    tokens(text, false)
        .iter()
        .map(|(w, _)| w.as_str())
        .find(|w| !article(&w.to_lowercase()) && !preposition(&w.to_lowercase()))
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Mediation and the preposition that names who mediates: "mediation before", "mediated
/// by", "mediation through", "mediation with", "la médiation du", "médiation auprès de",
/// "Schlichtung bei", "Schlichtungsverfahren vor".
static MEDIATED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(mediat[a-z]*|médiation|schlichtung\w*|mediationsverfahren)\s+(by|before|through|with|at|du|de\s+la|de\s+l'|auprès\s+d[eu]|par|avec|chez|bei|beim|durch|vor)\b",
    )
    .expect("the mediated-by pattern is valid")
});

/// The names a sentence gives right after mediation and the preposition that names who
/// mediates ("mediation before Ms. Scheepbouwer or Ms. Van Thiel-Wortmann", "mediated by CEDR
/// or by the Chartered Institute …", "mediation with HMT or, alternatively, the NTMO", "la
/// médiation du CMAP ou de Médiation-Net"): a name must follow at once; "mediation by an
/// independent mediator" names none.
fn mediated_by(sentence: &str, lang: &str) -> Option<usize> {
    let lower = aligned(sentence)?;
    let m = MEDIATED_BY
        .find_iter(&lower)
        .find(|m| affirmed(&lower, lang, m))?;
    let rest = &sentence[m.end()..];
    Some(if opens_with_capital(rest) {
        names_in(rest, false)
    } else {
        0
    })
}

/// Words that head the name of a Persian organisation or person (`مرکز`, `مؤسسه`, `کانون`,
/// `اتاق`, `آقای`): Persian has no capitals to mark a name.
const PERSIAN_HEADS: &[&str] = &[
    "مرکز",
    "مؤسسه",
    "موسسه",
    "کانون",
    "انجمن",
    "سازمان",
    "اتاق",
    "شرکت",
    "دفتر",
    "هیئت",
    "هیأت",
    "کمیته",
    "دیوان",
    "بنیاد",
    "شورای",
    "نهاد",
    "خانم",
    "آقای",
    "دکتر",
];

/// Words that join the names of a Persian list: `و`, `یا`, the Persian comma and the
/// semicolon.
static PERSIAN_JOINERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:و|یا|و\s+یا)\s|[،؛,;]").expect("the Persian joiner pattern is valid")
});

/// How many organisations a Persian sentence that speaks of mediation names (`میانجی`, not
/// negated: "میانجی‌های ما مرکز … و کانون … هستند", "اختلاف از طریق میانجی‌گری مرکز … یا
/// مؤسسهٔ … حل می‌شود"): the parts between `و`, `یا` and commas that hold a word heading the
/// name of an organisation or a person. One name may hold several such words (`مرکز داوری
/// اتاق بازرگانی` is one part).
fn persian_bodies(sentence: &str, lang: &str) -> Option<usize> {
    if lang != "fa" {
        return None;
    }
    let lower = searchable(sentence);
    MEDIATION
        .find_iter(&lower)
        .any(|m| !negated(&lower, lang, m.start(), m.end()))
        .then(|| {
            PERSIAN_JOINERS
                .split(&lower)
                .filter(|part| {
                    part.split(|c: char| !c.is_alphabetic())
                        .any(|w| PERSIAN_HEADS.contains(&w.trim_end_matches('\u{0654}')))
                })
                .count()
        })
}

/// Abbreviations before a name that end in a full stop without ending a sentence.
fn title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Ms"
            | "Mrs"
            | "Dr"
            | "Prof"
            | "St"
            | "Me"
            | "Mme"
            | "Mlle"
            | "M"
            | "Hr"
            | "Fr"
            | "Hrn"
            | "Nr"
            | "No"
    ) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// The sentences of a line: a full stop and a space end one, except after a title or an
/// initial ("Ms. Scheepbouwer", "Dr. Weber", "J. Smith").
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in line.match_indices(". ") {
        let word = line[start..at]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if !title(word) {
            out.push(&line[start..at]);
            start = at + 2;
        }
    }
    out.push(&line[start..]);
    out
}

/// `sentence` as evidence reads it (see `searchable`), when every character keeps its length
/// there, so that a match in it is a place in `sentence`.
fn aligned(sentence: &str) -> Option<String> {
    let lower = searchable(sentence);
    (lower.len() == sentence.len()).then_some(lower)
}

/// The byte offset where the word running through `at` ends.
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(text.len(), |i| at + i)
}

/// A wording that names mediators after their names: "as mediators", "comme médiateurs",
/// "als Mediatoren" / "als Schlichtungsstellen", "are our mediators", "sont nos médiateurs",
/// "sind unsere Mediatoren".
static AS_MEDIATORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(as\s+(our\s+)?(independent\s+)?mediators|are\s+(our|the)\s+(independent\s+)?mediators|comme\s+(nos\s+)?médiat(eurs|rices)|en\s+tant\s+que\s+médiat(eurs|rices)|sont\s+(nos|les)\s+médiat(eurs|rices)|(als|sind)\s+(unsere\s+|die\s+)?(mediatoren|schlichter|schlichtungsstellen))\b")
        .expect("the naming pattern is valid")
});

/// A verb that joins a cue word to the names it announces: "our mediators are …", "le
/// médiateur désigné est …", "unsere Mediatoren sind …".
static COPULA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(are|is|include|sont|est|comprennent|sind|ist|umfassen)\b")
        .expect("the copula pattern is valid")
});

/// The names a sentence gives after a cue word and its verb ("Our mediators are CEDR and
/// CMAP", "Les médiateurs que nous avons retenus sont le CMAP et le CEDR", "The mediator we
/// designate is CEDR" names one): the verb within five words of the cue, and a name right
/// after it ("Mediators are appointed by the Chamber of Commerce and Industry" names none).
fn named_after_copula(sentence: &str, lang: &str) -> Option<usize> {
    let lower = aligned(sentence)?;
    let verb = COPULA.find_iter(&lower).find(|v| {
        let gap = &lower[..v.start()];
        CUE.find_iter(gap).last().is_some_and(|c| {
            affirmed(gap, lang, &c) && gap[c.end()..].split_whitespace().count() <= 5
        }) && !negated(&lower, lang, v.start(), v.end())
    })?;
    let number = announced(&lower[..verb.start()], lang)?;
    let rest = &sentence[verb.end()..];
    if !opens_with_capital(rest) {
        return Some(0);
    }
    let names = names_in(rest, false);
    Some(if number == Number::One {
        names.min(1)
    } else {
        names
    })
}

/// Text in round brackets.
static BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^()]*\)").expect("the brackets pattern is valid"));

/// A part of a sentence that starts a relative clause rather than a name, after an optional
/// preposition ("which we accept", "que Chaharsu accepte", "to which sellers may turn"; German
/// `die`, `den` are articles as often: a German relative clause names nothing only for want of
/// capitals).
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:to|with|for|by|at|in|of|à|avec|auprès|par|pour|mit|bei|an|von|zu)\s+)?(que|qu'|qui|which|that|whom|who|whose|dont|lequel|laquelle|lesquels|lesquelles|welche|welchen|welcher|denen|deren|dessen)\b")
        .expect("the relative pattern is valid")
});

/// Place names a list may give as an address (`places.txt`), lowercased.
static PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("places.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
});

/// Words that start a description of what comes before rather than a name ("and its panel of
/// Accredited Mediators", "et son réseau", "und seine Partner").
fn possessive(word: &str) -> bool {
    matches!(
        word,
        "its"
            | "their"
            | "his"
            | "her"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "sein"
            | "seine"
            | "seinem"
            | "seinen"
            | "seiner"
            | "ihr"
            | "ihre"
            | "ihrem"
            | "ihren"
            | "ihrer"
            | "dessen"
            | "deren"
    )
}

/// Articles: a part that starts with one starts a noun phrase of its own.
fn article(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
    )
}

/// Prepositions that may stand before a name ("du CMAP", "de Médiation-Net", "by CEDR").
fn preposition(word: &str) -> bool {
    matches!(
        word,
        "of" | "to"
            | "by"
            | "with"
            | "at"
            | "in"
            | "for"
            | "from"
            | "de"
            | "d'"
            | "du"
            | "à"
            | "au"
            | "aux"
            | "auprès"
            | "avec"
            | "par"
            | "pour"
            | "von"
            | "vom"
            | "zum"
            | "zur"
            | "mit"
            | "bei"
            | "beim"
            | "am"
            | "für"
    )
}

/// Words of an address ("70 Fleet Street", "39 avenue Franklin Roosevelt", "Hauptstraße 8").
fn street(word: &str) -> bool {
    matches!(
        word,
        "street"
            | "st"
            | "road"
            | "rd"
            | "avenue"
            | "av"
            | "lane"
            | "square"
            | "rue"
            | "boulevard"
            | "bd"
            | "quai"
            | "chemin"
            | "cedex"
            | "straße"
            | "strasse"
            | "str"
            | "allee"
            | "platz"
            | "weg"
            | "gasse"
    ) || word.ends_with("straße")
        || word.ends_with("strasse")
}

/// An acronym: two capitals or more and no small letter (`CEDR`, `IHK`).
fn acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// The words of a part outside brackets, an elided article or preposition split off its word
/// (`l'Office` → `l'`, `Office`), punctuation trimmed; each with whether it is the first word
/// of the sentence.
fn tokens(part: &str, sentence_start: bool) -> Vec<(String, bool)> {
    let outside = BRACKETS.replace_all(part, " ");
    let mut out = Vec::new();
    for (i, raw) in outside.split_whitespace().enumerate() {
        let raw = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .replace('’', "'");
        let first = sentence_start && i == 0;
        let elided = raw
            .char_indices()
            .find(|&(_, c)| c == '\'')
            .filter(|&(at, _)| matches!(raw[..at].to_lowercase().as_str(), "l" | "d" | "qu"));
        match elided {
            Some((at, _)) => {
                out.push((raw[..=at].to_lowercase(), first));
                out.push((raw[at + 1..].to_string(), false));
            }
            None => out.push((raw, first)),
        }
    }
    out.retain(|(w, _)| !w.is_empty());
    out
}

/// `text` with every character inside round brackets replaced by `x` (same length), so that a
/// joiner in brackets (`(ORM, Lyon)`) does not split a name.
fn masked(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 && c != '(' {
            out.extend(std::iter::repeat_n('x', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether one part of a list (between joiners) names an organisation. `joined` says whether
/// a word (`and`, `et`, `und`) rather than a comma put it there; `sentence_start` whether it
/// holds the sentence's first word, whose capital names nothing unless it is an acronym.
///
/// Not names: a relative clause ("which we accept"), a description ("its panel of …"), an
/// address (a part with a number or a street: "70 Fleet Street", "39 avenue …"), a place
/// ("London", "in Köln", "Royaume-Uni"), a part without a capital, and, after a joining word,
/// a part that goes on without an article in small letters (`et d'arbitrage de la Chambre …`
/// continues `le Centre de médiation`). Capitals in brackets spell out or explain a name
/// (`le CMAP (Centre de médiation …)`, `(London)`): an acronym in brackets names only a part
/// that has no other capital ("the national centre (CEDR)").
fn names_organisation(part: &str, joined: bool, sentence_start: bool) -> bool {
    if part.trim().is_empty() || RELATIVE.is_match(&part.to_lowercase()) {
        return false;
    }
    let words = tokens(part, sentence_start);
    let mut has_article = false;
    for (word, _) in &words {
        let lower = word.to_lowercase();
        if possessive(&lower) {
            return false;
        }
        if article(&lower) {
            has_article = true;
        } else if !preposition(&lower) {
            let small = word.chars().next().is_some_and(char::is_lowercase);
            if joined && small && !has_article {
                return false;
            }
            break;
        }
    }
    if street_address(part) {
        return false;
    }
    let capitals: Vec<&str> = words
        .iter()
        .filter(|(w, first)| {
            w.chars().next().is_some_and(char::is_uppercase) && (!first || acronym(w))
        })
        .map(|(w, _)| w.as_str())
        .collect();
    if capitals.is_empty() {
        return BRACKETS.find_iter(part).any(|b| {
            b.as_str()
                .split(|c: char| !c.is_alphanumeric())
                .any(acronym)
        });
    }
    !capitals.iter().all(|w| PLACES.contains(&w.to_lowercase()))
}

/// Whether a part of a list is a street address: it holds a number or a street word ("70 Fleet
/// Street", "39 avenue Franklin Roosevelt", "Am Wall 3").
fn street_address(part: &str) -> bool {
    tokens(part, false).iter().any(|(w, _)| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit()) || street(&w.to_lowercase())
    })
}

/// Whether a part could be a town: one or two capitalised words, none an acronym.
fn town_like(part: &str) -> bool {
    let words = tokens(part, false);
    (1..=2).contains(&words.len())
        && words
            .iter()
            .all(|(w, _)| w.chars().next().is_some_and(char::is_uppercase) && !acronym(w))
}

/// How many organisations a list written in a sentence names: its parts between commas,
/// semicolons and joining words (`and`, `ou`, `und`) that name one (see
/// [`names_organisation`]). In a list whose items are separated by semicolons, what follows a
/// comma after the name of an item is its address ("CEDR, London; Centrum für Mediation,
/// Köln" names two). `sentence_start` says whether `text` starts its sentence.
fn names_in(text: &str, sentence_start: bool) -> usize {
    let mask = masked(text);
    let semicolons = mask.contains(';');
    let mut count = 0;
    let mut named_in_item = false;
    let mut at = 0;
    let mut joiner = "";
    let mut first = sentence_start;
    let mut after_address = false;
    let ends = JOINERS
        .find_iter(&mask)
        .map(|m| (m.start(), m.end()))
        .chain(std::iter::once((text.len(), text.len())));
    for (start, end) in ends {
        let part = &text[at..start];
        let joined = !matches!(joiner, "," | ";" | "");
        // "70 Fleet Street, London": the town after a street goes with it.
        let town = after_address && joiner == "," && town_like(part);
        let address = (semicolons && joiner == "," && named_in_item) || town;
        if !address && names_organisation(part, joined, first) {
            count += 1;
            named_in_item = true;
        }
        if !part.trim().is_empty() {
            after_address = town || street_address(part);
        }
        if !part.trim().is_empty() {
            first = false;
        }
        joiner = mask[start..end].trim();
        if joiner == ";" {
            named_in_item = false;
        }
        at = end;
    }
    count
}

/// A word of mediation at the start of a word, in the languages of the repository's terms
/// (`immediately` is not one).
static MEDIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(mediat|médiat|schlicht|mediador|mediaci|mediazion|bemiddel|mediacj|διαμεσολαβ|tarpinink)|میانجی")
        .expect("the mediation pattern is valid")
});

/// Whether a paragraph starts with an enumeration mark that is not a section number: `i.`,
/// `(ii)`, `b)`, `(3)`, `3)`.
fn enumeration_mark(paragraph: &str) -> bool {
    let Some((mark, _)) = paragraph.split_once([' ', '\t']) else {
        return false;
    };
    let (inner, closed) = if let Some(m) = mark.strip_prefix('(') {
        (m.strip_suffix(')').unwrap_or(""), true)
    } else if let Some(m) = mark.strip_suffix(')') {
        (m, true)
    } else {
        (mark.strip_suffix('.').unwrap_or(""), false)
    };
    !inner.is_empty()
        && inner.len() <= 4
        && (inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            || (inner.len() == 1 && inner.chars().all(|c| c.is_ascii_lowercase()))
            || (closed && inner.chars().all(|c| c.is_ascii_digit())))
}

/// The most mediators a version enumerates in plain paragraphs after announcing them: a
/// sentence ending in `:` with a word of mediation ("one of the following mediation service
/// providers … to mediate such dispute:"), followed by paragraphs
/// marked `i.`, `ii.` or `(a)`, `(b)` (text captured from a PDF has no list markup). The count
/// stops at a heading or a numbered section.
pub fn mediators_enumerated(version: &PolicyVersion) -> usize {
    let body = searchable(version.body());
    let paragraphs: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut most = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        if !p.ends_with(':') {
            continue;
        }
        // The announcing sentence, which a PDF capture may spread over several paragraphs.
        let joined = paragraphs[i.saturating_sub(4)..=i].join(" ");
        let sentence = joined.rsplit(". ").next().unwrap_or_default();
        if !MEDIATION.is_match(sentence) {
            continue;
        }
        let mut count = 0;
        for q in paragraphs[i + 1..].iter().take(30) {
            let section = q.starts_with('#')
                || q.split_once(". ").is_some_and(|(n, _)| {
                    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                });
            if section {
                break;
            }
            if enumeration_mark(q) {
                count += 1;
            }
        }
        most = most.max(count);
    }
    most
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many mediators `sentence` names, by either reading.
    fn named(sentence: &str, lang: &str) -> usize {
        listed_after_colon(sentence, lang)
            .or_else(|| named_as_mediators(sentence, lang))
            .or_else(|| named_after_copula(sentence, lang))
            .or_else(|| mediated_by(sentence, lang))
            .or_else(|| persian_bodies(sentence, lang))
            .unwrap_or(0)
    }

    #[test]
    fn names_after_a_cue_and_its_verb_or_before_are_our_mediators_are_read() {
        for (lang, sentence) in [
            (
                "en",
                "Our mediators are HMT and the North Trade Mediation Office",
            ),
            (
                "en",
                "The mediation bodies we work with are HMT (Leeds) and NTMO",
            ),
            ("en", "HMT and NTMO are our mediators"),
            ("en", "HMT and NTMO are the mediators we designate"),
            (
                "fr",
                "Les médiateurs que nous avons retenus sont l'ORM et la CAMS",
            ),
            ("fr", "L'ORM et la CAMS sont nos médiateurs"),
            (
                "de",
                "Unsere Mediatoren sind die Handelskammer Nord und die SWM",
            ),
            ("de", "Die SWM und die IHK Nord sind unsere Mediatoren"),
        ] {
            assert_eq!(named(sentence, lang), 2, "{sentence}");
        }
        // Near misses: one mediator, a verb that names nobody, a denial.
        for (lang, sentence, count) in [
            (
                "en",
                "The mediator we designate is HMT, 12 Dock Road, Leeds",
                1,
            ),
            (
                "en",
                "Mediators are appointed by the Chamber of Commerce and Industry of Leeds",
                0,
            ),
            ("fr", "Le médiateur désigné est l'ORM, Lyon", 1),
            (
                "de",
                "Unsere Mediatoren sind nicht die IHK Nord und die SWM",
                0,
            ),
        ] {
            assert_eq!(named(sentence, lang), count, "{sentence}");
        }
    }

    #[test]
    fn names_beside_a_designation_verb_and_as_mediators_are_read() {
        for (lang, sentence) in [
            (
                "en",
                "We appoint the Harbour Mediation Trust and the NTMO as mediators",
            ),
            (
                "en",
                "We nominate HMT or NTMO as our mediators for seller disputes",
            ),
            (
                "fr",
                "Nous désignons l'Office rhodanien de médiation et la CAMS comme médiateurs",
            ),
            (
                "fr",
                "Comme médiateurs, nous nommons l'ORM et la Chambre arbitrale du Sud",
            ),
            (
                "de",
                "Wir bestimmen die Handelskammer Nord und die SWM als Mediatoren",
            ),
            (
                "de",
                "Als Schlichtungsstellen benennen wir die Kammer Nord und das Zentrum Süd",
            ),
            (
                "en",
                "HMT and NTMO, which we accept as mediators, hear disputes with sellers",
            ),
        ] {
            assert_eq!(named(sentence, lang), 2, "{sentence}");
        }
    }

    #[test]
    fn a_sentence_that_starts_with_an_acronym_keeps_it() {
        for (lang, sentence) in [
            ("en", "HMT and NTMO serve as mediators for sellers"),
            ("en", "HMT (Hull) and NTMO (Bergen) will serve as mediators"),
            ("fr", "ORM et CAMS interviennent comme médiateurs"),
            ("de", "IHK Nord und SWM fungieren als Mediatoren"),
        ] {
            assert_eq!(named(sentence, lang), 2, "{sentence}");
        }
        // The first word of a sentence is not a name for its capital alone.
        assert_eq!(named("Sellers and the NTMO serve as mediators", "en"), 1);
    }

    #[test]
    fn a_list_announced_by_a_plural_cue_is_read_after_its_colon() {
        for (lang, sentence) in [
            (
                "fr",
                "Le vendeur choisit l'un des médiateurs suivants, que nous avons agréés : l'ORM (Lyon) et la CAMS (Bordeaux)",
            ),
            (
                "de",
                "Wir sind bereit, mit diesen Mediatoren zu arbeiten: SWM, Bremen; Zentrum für Handelsmediation, Leipzig",
            ),
            (
                "en",
                "Sellers may turn to these mediation bodies: HMT, Leeds, and NTMO, Rotterdam",
            ),
            (
                "en",
                "We work with the following mediators: HMT (https://hmt.example) and NTMO",
            ),
        ] {
            assert_eq!(named(sentence, lang), 2, "{sentence}");
        }
    }

    #[test]
    fn one_mediator_with_its_address_or_description_is_one() {
        for (lang, sentence) in [
            (
                "en",
                "We designate the following mediator: HMT, 12 Dock Road, Hull",
            ),
            (
                "en",
                "We designate the following mediator: the Harbour Mediation Trust (HMT) and its panel of Senior Mediators",
            ),
            (
                "fr",
                "Nous désignons le médiateur suivant : l'ORM, 4 quai Saint-Vincent, Lyon",
            ),
            (
                "de",
                "Wir benennen folgende Schlichtungsstelle: SWM, Bremen",
            ),
            (
                "de",
                "Wir benennen folgenden Mediator: die SWM, Am Wall 3, 28195 Bremen",
            ),
        ] {
            assert_eq!(named(sentence, lang), 1, "{sentence}");
        }
        // Near misses: addresses and places never count, even after a plural cue.
        assert_eq!(
            named(
                "We designate the following mediators: HMT, 12 Dock Road, Hull",
                "en"
            ),
            1
        );
        assert_eq!(
            named(
                "Wir benennen folgende Mediatoren: SWM, Bremen, Deutschland",
                "de"
            ),
            1
        );
        assert_eq!(
            named(
                "Nous désignons les médiateurs suivants : le Centre de médiation et d'arbitrage de Lyon",
                "fr"
            ),
            1
        );
    }

    #[test]
    fn a_refused_or_unannounced_list_names_none() {
        for (lang, sentence) in [
            (
                "en",
                "We do not designate mediators: disputes go to the Hull Court and the Bergen Court",
            ),
            (
                "fr",
                "Nous ne reconnaissons pas l'ORM et la CAMS comme médiateurs",
            ),
            ("en", "Contact: Customer Care, Returns Desk"),
        ] {
            assert_eq!(named(sentence, lang), 0, "{sentence}");
        }
    }

    #[test]
    fn names_right_after_mediation_by_are_read() {
        for (lang, sentence) in [
            (
                "en",
                "Disputes may go to mediation before Ms. Aalders or Dr. Brink of Brink Legal, whose details are on the Platform",
            ),
            (
                "en",
                "Disputes may be mediated by HMT or by the North Trade Mediation Office",
            ),
            ("fr", "Nous acceptons la médiation de l'ORM ou de Média-Sud"),
        ] {
            let count = sentences(sentence)
                .into_iter()
                .map(|s| named(s, lang))
                .max();
            assert_eq!(count, Some(2), "{sentence}");
        }
        // Near misses: no name right after, one name, another procedure named second.
        for (lang, sentence, count) in [
            (
                "en",
                "Disputes may be mediated by an independent mediator of the Seller's choice",
                0,
            ),
            ("en", "Disputes may be mediated by HMT, Leeds", 1),
            (
                "en",
                "Disputes go to mediation by HMT or arbitration by the ICC",
                1,
            ),
        ] {
            assert_eq!(named(sentence, lang), count, "{sentence}");
        }
        assert_eq!(
            sentences("Ms. Aalders mediates. Dr. Brink too. J. Smith"),
            ["Ms. Aalders mediates", "Dr. Brink too", "J. Smith"]
        );
    }

    #[test]
    fn a_stated_number_is_the_one_nearest_its_noun() {
        let prose = "l'un des deux médiateurs suivants";
        let m = MEDIATOR_COUNT.captures(prose).unwrap();
        let nearest = m[1].split_whitespace().rev().find_map(word_value);
        assert_eq!(nearest, Some(2));
        assert!(MEDIATOR_COUNT.is_match("l'orm ou la cams, deux organismes de médiation"));
    }
}
