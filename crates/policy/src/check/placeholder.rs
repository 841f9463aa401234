//! `placeholder`: leftovers of a publishing tool or an unfinished draft in the text (code is
//! left alone):
//! - what a CDN's e-mail obfuscation leaves when a page is copied: `[email protected]`, also
//!   with Markdown escapes (`[\[email protected\]](…)`) or `&nbsp;`;
//! - fields never filled in: `[COMPANY NAME]`, `[Insert e-mail]`, `[Enter address]`, `[●]`,
//!   `[نام شرکت]`, and in any case a bracket that reads as a field: a short noun phrase naming
//!   what belongs there (`[Company address]`, `[Datum]`, `[adresse e-mail]`, `[تاریخ]`,
//!   `[X]%`, `[number] days`), an instruction (`[Adresse einfügen]`, `[à compléter]`), an
//!   empty bracket (`[ ]`, `[__]`) or a choice left open (`[England/Scotland]`); a bracket
//!   naming a control of the page by its label (`the field marked [Order number]`) is none,
//!   nor is an editor's mark in a quotation (`[name removed]`, `[emphasis added]`, `[nom
//!   supprimé]`, `[حذف شده]`, `[sic]`, `[…]`);
//! - template variables: `{{name}}`, `${fee}`, `%FEE%`, `{support_email}`;
//! - raw-HTML pseudo-tags the HTML sanitiser would drop without a trace: `<Insert e-mail
//!   address>`, `<<FEE>>`, `<COMPANY>` (a tag that is no HTML element);
//! - drafting marks (not when quoted or listed after a verb of writing or using, and not `XXX`
//!   joined to digits): `TODO`, `TBD`, `TBC`, `XXX`, `À DÉFINIR`, `lorem ipsum`, `XX days`,
//!   `XX €`, `XX/XX/XXXX`, `xx xx xx xx xx`, `..../..../....`, and blanks of three or more
//!   underscores (`___`) outside forms a reader is meant to fill in: a blank inside a sentence
//!   (`Montant : ____ euros`, `le ___ 2025`) or a labelled blank alone (`Name: ____`) is
//!   reported; a form's labelled fields (`Name: ____` beside other blanks or under a form's
//!   name), rules and signature lines, emphasis (`___bold___`) and identifiers are not.
//!
//! Markdown link texts in capitals (`[TERMS](/terms)`) and Roman numerals (`Article XX`) are
//! not placeholders.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::model::{PolicySet, PolicyVersion};

/// What kind of leftover a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    ObfuscatedEmail,
    Field,
    Template,
    Draft,
    Number,
    Blank,
    PseudoTag,
}

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("placeholder pattern is valid");
    vec![
        (
            Kind::ObfuscatedEmail,
            re(r"\\?\[(?i:e-?mail)(?:\s|&nbsp;|&#160;|\\)*(?i:protected)\\?\]"),
        ),
        (Kind::Field, re(r"\[[^\[\]\n]{1,60}\]")),
        (
            Kind::Template,
            re(
                r"\{\{[^{}\n]*\}\}|\$\{[A-Za-z_][^{}\n]{0,40}\}|%[A-Z][A-Z0-9_]{1,30}%|\{(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+)\}",
            ),
        ),
        (
            Kind::Draft,
            re(
                r"\b(?:TODO|TBD|TBC|XXX)\b|(?i:lorem\s+ipsum)|\b[ÀA] (?:DÉFINIR|DEFINIR|COMPLÉTER|COMPLETER|PRÉCISER|PRECISER)\b",
            ),
        ),
        (
            Kind::PseudoTag,
            re(r"<<[^<>\n]{1,60}>>|</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>\n]{0,80})?/?>"),
        ),
        (
            Kind::Number,
            re(
                r"(?i:\bxx\b\s*(?:%|€|\$|£|euros?\b|eur\b|days?\b|jours?\b|tage[n]?\b|months?\b|mois\b|monate[n]?\b|hours?\b|heures?\b|stunden\b|years?\b|ans\b|jahre[n]?\b|روز|ماه|ساعت)|(?:€|\$|£)\s*xx\b|\bxx[./]xx[./]xx(?:xx)?\b|\bxx(?:[ .-]xx){3,}\b)|\.{2,}/\.{2,}/\.{2,}",
            ),
        ),
        (Kind::Blank, BLANK.clone()),
    ]
});

/// A blank: three or more underscores, each may be escaped (`\_\_\_`).
static BLANK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\\?_){3,}").expect("the blank pattern is valid"));

/// Marks of an illustration shortly before `xx`: `(e.g. xx% off)`, `par exemple xx €`.
const EXAMPLE_MARKS: &[&str] = &[
    "e.g.",
    "eg.",
    "for example",
    "for instance",
    "such as",
    "par exemple",
    "p. ex.",
    "ex. :",
    "z. b.",
    "z.b.",
    "zum beispiel",
    "beispielsweise",
    "مثلاً",
    "مثلا",
    "برای مثال",
];

/// Words before `XXX` that make it a Roman numeral (`Article XXX`).
const NUMBERED: &[&str] = &[
    "article", "art", "section", "chapter", "chapitre", "titre", "artikel", "part", "partie",
];

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut lines = None;
        let body_start = v.source.len() - v.body().len();
        let mut found: Vec<(usize, usize, Kind)> = Vec::new();
        for (kind, re) in PATTERNS.iter() {
            for m in re.find_iter(v.body()) {
                let (start, end) = (body_start + m.start(), body_start + m.end());
                if v.scan.in_code(start) || !is_placeholder(*kind, v, start, end) {
                    continue;
                }
                if found.iter().any(|(s, e, _)| start < *e && *s < end) {
                    continue;
                }
                found.push((start, end, *kind));
            }
        }
        found.sort_unstable();
        for (start, end, kind) in found {
            let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
            let (line, column) = lines.line_col(&v.source, start);
            let text = &v.source[start..end];
            out.push(
                Diagnostic::error(
                    codes::PLACEHOLDER,
                    &v.path,
                    line,
                    column,
                    format!("placeholder `{text}` left in the text"),
                )
                .with_width(text.chars().count())
                .with_help(help(kind)),
            );
        }
    }
    out
}

fn help(kind: Kind) -> &'static str {
    match kind {
        Kind::ObfuscatedEmail => {
            "a publishing tool replaced an e-mail address here; write the real address"
        }
        Kind::Field | Kind::Template => "a field was never filled in; write the text it stands for",
        Kind::Number => "a number was never filled in; write the real value",
        Kind::Draft | Kind::Blank => "finish the text before publishing",
        Kind::PseudoTag => {
            "this is no HTML element: the published page drops it without a trace; write the text it stands for"
        }
    }
}

/// Rules out matches that are not leftovers: link texts, Roman numerals, labelled blanks.
fn is_placeholder(kind: Kind, v: &PolicyVersion, start: usize, end: usize) -> bool {
    let source = &v.source;
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    let before = &source[line_start..start];
    let after = &source[end..line_end];
    match kind {
        // `[TERMS](/terms)`, `[TERMS][1]`, `[TERMS]: /terms`
        // `- [x] done` is a task list item.
        Kind::Field => {
            let task = before.trim_end().ends_with(['-', '*', '+'])
                && matches!(&source[start..end], "[x]" | "[X]" | "[ ]");
            !after.starts_with(['(', '[', ':'])
                && !task
                && !names_a_control(before, after)
                && reads_as_field(&source[start..end])
        }
        Kind::PseudoTag => {
            let text = &source[start..end];
            let name = text
                .trim_start_matches(['<', '/'])
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            text.starts_with("<<") || !crate::markdown::html::known_tag(&name)
        }
        Kind::Draft => {
            let text = &source[start..end];
            let previous = before
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .trim_end_matches('.')
                .to_lowercase();
            let numeral = text == "XXX" && NUMBERED.contains(&previous.as_str());
            // `Model XXX-200`, `AB12XXX`: part of a product code.
            let code = text == "XXX"
                && (after
                    .trim_start_matches(['-', '/'])
                    .starts_with(|c: char| c.is_ascii_digit())
                    || before
                        .trim_end_matches(['-', '/'])
                        .ends_with(|c: char| c.is_ascii_digit()));
            !(numeral || code || mentioned(before, after))
        }
        Kind::Blank => {
            let body_start = source.len() - v.body().len();
            !touches_a_word(source, start, end)
                && !form_field(source, body_start, line_start, line_end)
        }
        // `(e.g. xx% off)`: an illustration of a rate, not a number left blank.
        Kind::Number => {
            let lead = before.to_lowercase();
            let tail: String = lead
                .chars()
                .rev()
                .take(24)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            !EXAMPLE_MARKS.iter().any(|m| tail.contains(m))
        }
        // `%C3%A9` is a percent-encoded URL, not `%FEE%`.
        Kind::Template => {
            let text = &source[start..end];
            let inner = text.trim_matches('%');
            !text.starts_with('%') || inner.len() >= 3
        }
        Kind::ObfuscatedEmail => true,
    }
}

/// Opening quotes and the closing quotes that may end them.
const QUOTES: &[(char, &[char])] = &[
    ('"', &['"']),
    ('\'', &['\'']),
    ('“', &['”', '“']),
    ('‘', &['’']),
    ('„', &['“', '”']),
    ('«', &['»']),
    ('»', &['«']),
    ('‹', &['›']),
];

/// Words after which a list of drafting marks is named rather than left: verbs of writing or
/// using (`must not write TODO, TBD or XXX`) and words introducing examples or terms.
const MENTIONING: &[&str] = &[
    "write",
    "writes",
    "writing",
    "written",
    "use",
    "uses",
    "using",
    "used",
    "type",
    "typing",
    "put",
    "include",
    "includes",
    "including",
    "contain",
    "contains",
    "containing",
    "leave",
    "leaving",
    "like",
    "as",
    "word",
    "words",
    "term",
    "terms",
    "marks",
    "markers",
    "placeholders",
    "écrire",
    "écrivez",
    "écrit",
    "utiliser",
    "utilisez",
    "utilisant",
    "contenant",
    "contenir",
    "comme",
    "mots",
    "mot",
    "mentions",
    "mention",
    "laisser",
    "schreiben",
    "verwenden",
    "benutzen",
    "enthalten",
    "enthält",
    "wie",
    "wörter",
    "wort",
    "begriffe",
    "platzhalter",
    "نوشتن",
    "ننویسید",
    "بنویسید",
    "مانند",
    "مثل",
    "واژه",
    "واژه‌های",
    "کلمه",
    "کلمات",
];

/// Conjunctions and articles that join the items of a list of drafting marks.
const LIST_WORDS: &[&str] = &[
    "or", "and", "nor", "the", "ou", "et", "ni", "les", "le", "oder", "und", "noch", "die", "یا",
    "و",
];

/// Whether a drafting mark is named rather than left: in quotes (`"TODO"`, `« TBD »`), or one
/// of a list of such marks following a verb of writing or using (`must not write TODO, TBD or
/// XXX`, `des mentions comme TODO ou TBD`).
fn mentioned(before: &str, after: &str) -> bool {
    let open = before
        .trim_end_matches([' ', '\u{a0}', '\u{202f}'])
        .chars()
        .next_back();
    let close = after
        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
        .chars()
        .next();
    if let (Some(o), Some(c)) = (open, close)
        && QUOTES.iter().any(|(q, ends)| *q == o && ends.contains(&c))
    {
        return true;
    }
    let mut words = before
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .rev();
    let listed = |word: &str| {
        matches!(word, "TODO" | "TBD" | "TBC" | "XXX")
            || LIST_WORDS.contains(&word.to_lowercase().as_str())
    };
    if words
        .by_ref()
        .find(|w| !listed(w))
        .is_some_and(|w| MENTIONING.contains(&w.to_lowercase().as_str()))
    {
        return true;
    }
    // German puts the verb last: `nicht TODO oder TBD enthalten`.
    after
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .find(|w| !listed(w))
        .is_some_and(|w| VERBS_AFTER.contains(&w.to_lowercase().as_str()))
}

/// Verbs that end a German clause naming drafting marks (`nicht TODO oder TBD enthalten`).
const VERBS_AFTER: &[&str] = &[
    "enthalten",
    "verwenden",
    "benutzen",
    "schreiben",
    "geschrieben",
    "verwendet",
];

/// Words before a bracket that name a control of a page by its label (`the field marked
/// [Order number]`, `le bouton [Valider]`, `im Feld [Bestellnummer]`), and nouns after one
/// (`the [Order number] field`).
const CONTROLS_BEFORE: &[&str] = &[
    "marked",
    "labelled",
    "labeled",
    "called",
    "named",
    "titled",
    "entitled",
    "field",
    "button",
    "tab",
    "menu",
    "box",
    "option",
    "link",
    "champ",
    "bouton",
    "onglet",
    "intitulé",
    "intitulée",
    "marqué",
    "marquée",
    "nommé",
    "lien",
    "feld",
    "schaltfläche",
    "button",
    "reiter",
    "menü",
    "namens",
    "beschriftet",
    "bezeichnung",
    "فیلد",
    "دکمه",
    "گزینه",
    "منوی",
    "زبانه",
];
const CONTROLS_AFTER: &[&str] = &[
    "field",
    "fields",
    "button",
    "tab",
    "menu",
    "box",
    "option",
    "link",
    "page",
    "feld",
    "schaltfläche",
    "button",
    "reiter",
];

/// Whether a bracket names a control of a page by its label rather than a field left open.
fn names_a_control(before: &str, after: &str) -> bool {
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let previous = before.split_whitespace().next_back().map(word);
    let next = after.split_whitespace().next().map(word);
    previous.is_some_and(|w| CONTROLS_BEFORE.contains(&w.as_str()))
        || next.is_some_and(|w| CONTROLS_AFTER.contains(&w.as_str()))
}

/// Whether a run of underscores is Markdown emphasis (`___bold___`: at most three, joined
/// to a word) or part of an identifier (`snake___case`: joined to words on both sides), not a
/// blank. A longer run written against a label (`CAP________`, `PEC:____E-mail:`) is one.
fn touches_a_word(source: &str, start: usize, end: usize) -> bool {
    let before = source[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let after = source[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    let underscores = source[start..end].matches('_').count();
    before && after || (before || after) && underscores <= 3
}

/// Whether the blanks of the line `source[line_start..line_end]` are fields of a form the
/// reader fills in rather than words left out:
/// - a line of blanks and punctuation only is a rule or a signature line;
/// - a line with words after its last blank has the blank inside a sentence
///   (`Montant : ____ euros`, `le ___ 2025`): a word left out;
/// - otherwise each blank must follow a label (`Name:`, `Date (*)`, `Contact Ms.`: a line
///   starting or a few words without a full stop) and end the line or be followed by the next
///   labelled blank (`Seller: ____ Phone: ____`), or be the one blank of a line ending in a
///   comma-ended label (the model withdrawal form's `Address of consumer, ____`);
/// - the lines of a contract's signatures (the line or the one before it asks for a
///   signature: `Signature ____`, `Read and signed: … ____ ____`) are to be signed;
/// - a form has more than one field: a labelled blank alone (`Name: ____` with no other
///   blank in its section and no form named before it there) is a field never filled in.
fn form_field(source: &str, body_start: usize, line_start: usize, line_end: usize) -> bool {
    let line = &source[line_start..line_end];
    let blanks: Vec<(usize, usize)> = BLANK
        .find_iter(line)
        .map(|m| (m.start(), m.end()))
        .filter(|&(s, e)| !touches_a_word(line, s, e))
        .collect();
    let Some(&(_, last_end)) = blanks.last() else {
        return false;
    };
    let has_words = |t: &str| t.chars().any(char::is_alphanumeric);
    let mut labels = Vec::with_capacity(blanks.len());
    let mut from = 0;
    for &(s, e) in &blanks {
        labels.push(line[from..s].trim().trim_end_matches('\\').trim());
        from = e;
    }
    let trailing = line[last_end..].trim();
    if !has_words(trailing) && !labels.iter().copied().any(has_words) {
        return true;
    }
    if !trailing.is_empty() {
        return false;
    }
    let words = |t: &str| t.split_whitespace().count();
    let is_label = |t: &str| {
        t.is_empty() || t.ends_with([':', ')', '*']) || words(t) <= 6 && !t.contains(". ")
    };
    let labelled = labels
        .iter()
        .enumerate()
        .all(|(i, t)| is_label(t) && (i == 0 || has_words(t)));
    // The signature lines of a contract: the line, or the one before it, asks for signatures.
    let previous_line = source[body_start..line_start]
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or_default();
    if signs(line) || signs(previous_line) {
        return true;
    }
    let comma = blanks.len() == 1 && labels[0].ends_with(',');
    if !(labelled || comma) {
        return false;
    }
    blanks.len() > 1 || form_around(source, body_start, line_start, line_end)
}

/// Word beginnings that ask for a signature (`Signature`, `signed`, `Unterschrift`,
/// `unterzeichnet`, `signé`, `firma`, `sottoscritto`, `امضا`).
const SIGNING: &[&str] = &[
    "signature",
    "signed",
    "unterschrift",
    "unterzeichn",
    "signé",
    "firma",
    "sottoscritt",
    "امضا",
];

/// Whether `text` asks for a signature: its blanks are lines the reader signs on paper.
fn signs(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        SIGNING.iter().any(|s| w.starts_with(s))
    })
}

/// Words that name a form: `Model withdrawal form`, `formulaire de rétractation`,
/// `Muster-Widerrufsformular`, `فرم انصراف`.
fn names_a_form(word: &str) -> bool {
    matches!(word, "form" | "forms" | "فرم")
        || word.starts_with("formulaire")
        || word.contains("formular")
}

/// Whether the section of `source` around the line (from the heading before it to the heading
/// after it, or the body's ends) holds another blank, or names a form before the line: the
/// line is one field of a form.
fn form_around(source: &str, body_start: usize, line_start: usize, line_end: usize) -> bool {
    let section_start = source[body_start..line_start]
        .rfind("\n#")
        .map_or(body_start, |i| body_start + i + 1);
    let section_end = source[line_end..]
        .find("\n#")
        .map_or(source.len(), |i| line_end + i);
    let before = &source[section_start..line_start];
    let after = &source[line_end..section_end];
    let other_blank = |text: &str| {
        BLANK
            .find_iter(text)
            .any(|m| !touches_a_word(text, m.start(), m.end()))
    };
    other_blank(before)
        || other_blank(after)
        || before
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| names_a_form(&w.to_lowercase()))
}

/// Nouns that name what a field holds, in English, French, German and Persian.
const FIELD_NOUNS: &[&str] = &[
    "name",
    "address",
    "date",
    "email",
    "e-mail",
    "mail",
    "phone",
    "telephone",
    "number",
    "country",
    "city",
    "amount",
    "fee",
    "price",
    "percentage",
    "rate",
    "url",
    "website",
    "street",
    "postcode",
    "zip",
    "registration",
    "vat",
    "dpo",
    "contact",
    "nom",
    "adresse",
    "pays",
    "ville",
    "numéro",
    "téléphone",
    "montant",
    "prix",
    "courriel",
    "date",
    "taux",
    "site",
    "anschrift",
    "datum",
    "firmenname",
    "telefon",
    "telefonnummer",
    "land",
    "stadt",
    "betrag",
    "preis",
    "ort",
    "straße",
    "plz",
    "e-mail-adresse",
    "handelsregister",
    "registernummer",
    "x",
    "n",
    "xx",
    "نام",
    "آدرس",
    "نشانی",
    "تاریخ",
    "شماره",
    "تماس",
    "تلفن",
    "ایمیل",
    "رایانامه",
    "شهر",
    "کشور",
    "مبلغ",
    "درصد",
];

/// Nouns naming a party: a field only alone (`[Company]`, `[Marketplace]`), since a bracket
/// also glosses a term (`société anonyme [joint-stock company]`).
const PARTY_NOUNS: &[&str] = &[
    "company",
    "marketplace",
    "seller",
    "platform",
    "provider",
    "société",
    "vendeur",
    "plateforme",
    "unternehmen",
    "unternehmens",
    "firma",
    "anbieter",
    "verkäufer",
    "شرکت",
    "فروشگاه",
    "فروشنده",
];

/// Words that tell the writer to fill a field in.
const FIELD_INSTRUCTIONS: &[&str] = &[
    "insert",
    "enter",
    "add",
    "fill",
    "specify",
    "complete",
    "tbd",
    "insérer",
    "inserer",
    "indiquer",
    "compléter",
    "completer",
    "préciser",
    "definir",
    "définir",
    "renseigner",
    "einfügen",
    "eintragen",
    "ergänzen",
    "angeben",
    "einsetzen",
    "your",
    "votre",
    "ihre",
    "hier",
    "درج",
    "وارد",
    "بنویسید",
    "تکمیل",
];

/// Past participles and nouns of an editor's mark in a quotation: what was taken out, left
/// out, kept back, blacked out, added or stressed (`[name removed]`, `[redacted]`, `[emphasis
/// added]`, `[Name entfernt]`, `[nom supprimé]`). A bracket with one of them is the editor's,
/// not a field left open.
const EDITORIAL_WORDS: &[&str] = &[
    "removed",
    "omitted",
    "deleted",
    "redacted",
    "withheld",
    "anonymised",
    "anonymized",
    "added",
    "emphasis",
    "supprimé",
    "supprimée",
    "supprimés",
    "supprimées",
    "omis",
    "omise",
    "omises",
    "retiré",
    "retirée",
    "retirés",
    "retirées",
    "caviardé",
    "caviardée",
    "caviardés",
    "caviardées",
    "anonymisé",
    "anonymisée",
    "anonymisés",
    "anonymisées",
    "ajouté",
    "ajoutée",
    "ajoutés",
    "ajoutées",
    "entfernt",
    "ausgelassen",
    "weggelassen",
    "gelöscht",
    "geschwärzt",
    "anonymisiert",
    "hinzugefügt",
    "hervorhebung",
    "حذف",
];

/// Persian words that make a past participle of the word before them (`حذف شده`, `افزوده
/// شده`), and the words before them that make it an editor's mark.
const FA_PARTICIPLE: &[&str] = &["شده", "گردیده"];
const FA_EDITORIAL_STEMS: &[&str] = &["حذف", "افزوده", "اضافه", "پنهان"];

/// Whether the words of a bracket are an editor's mark ([`EDITORIAL_WORDS`]) rather than a
/// field; a bracket that also tells the writer what to do (`[insert name removed]`) is a field.
fn editorial(words: &[String]) -> bool {
    let marked = words.iter().any(|w| EDITORIAL_WORDS.contains(&w.as_str()))
        || words.windows(2).any(|pair| {
            FA_EDITORIAL_STEMS.contains(&pair[0].as_str())
                && FA_PARTICIPLE.contains(&pair[1].as_str())
        });
    marked
        && !words
            .iter()
            .any(|w| FIELD_INSTRUCTIONS.contains(&w.as_str()))
}

/// Whether a bracket `[…]` reads as a field: upper-case words (`[COMPANY NAME]`), a bullet
/// (`[●]`), or at most five words without sentence punctuation that name what belongs there
/// or tell the writer to fill it in (`[Company address]`, `[Datum]`, `[à compléter]`).
fn reads_as_field(bracket: &str) -> bool {
    let inner = bracket
        .trim_start_matches(['\\', '['])
        .trim_end_matches([']', '\\'])
        .trim();
    // `[ ]`, `[__]`: a blank in brackets (a longer run of underscores is judged as a blank,
    // with the forms it may belong to).
    if inner
        .chars()
        .all(|c| matches!(c, '_' | '\\' | ' ' | '\u{a0}'))
    {
        return !BLANK.is_match(inner);
    }
    if is_choice(inner) {
        return true;
    }
    if inner.contains(['.', ',', ';', '!', '?', '"', '(', ':', '/']) {
        return false;
    }
    if inner.chars().all(|c| matches!(c, '●' | '•' | ' ')) {
        return true;
    }
    let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let words: Vec<String> = inner
        .split(|c: char| c.is_whitespace() || c == '_' || c == '\u{200C}')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect();
    if words.is_empty()
        || words.len() > 5
        || words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        return false;
    }
    if editorial(&words) {
        return false;
    }
    // `[HGB]` after a law's name is its abbreviation.
    let acronym = words.len() == 1 && letters.len() <= 4;
    let party_alone = words.len() == 1 && PARTY_NOUNS.contains(&words[0].as_str());
    upper && !acronym
        || party_alone
        || words.iter().any(|w| {
            // `l'adresse`, `d'inscription`
            let w = w.rsplit(['\'', '’']).next().unwrap_or(w);
            FIELD_NOUNS.contains(&w) || FIELD_INSTRUCTIONS.contains(&w)
        })
        || words
            .iter()
            .any(|w| w.split('-').any(|part| FIELD_NOUNS.contains(&part)) && w.contains('-'))
}

/// Whether the inside of a bracket is a choice left to the writer: two to four capitalised
/// options of at most three words joined by slashes (`England/Scotland`, `Paris / Lyon`),
/// not acronyms (`TCP/IP`) or a word and its abbreviation.
fn is_choice(inner: &str) -> bool {
    let options: Vec<&str> = inner.split('/').map(str::trim).collect();
    if !(2..=4).contains(&options.len()) {
        return false;
    }
    let option = |o: &str| {
        let words: Vec<&str> = o.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 3
            && o.starts_with(|c: char| c.is_uppercase())
            && o.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''))
            && o.chars().filter(|c| c.is_alphabetic()).count() >= 3
    };
    let acronym = |o: &str| o.chars().all(|c| c.is_uppercase()) && o.chars().count() <= 4;
    options.iter().all(|o| option(o)) && !options.iter().all(|o| acronym(o))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    /// The placeholder texts found in an English version with `body`.
    fn found(body: &str) -> Vec<String> {
        found_in("en", body)
    }

    /// The placeholder texts found in a version in `lang` with `body`.
    fn found_in(lang: &str, body: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            "marketplace:\n  name: { en: Shop }\nbase_url: https://shop.example\nlanguages: [en, fr, de, fa]\nbinding_language: en\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("terms")).unwrap();
        let front = "---\nid: terms\ntype: Terms of Service\nlang: LANG\ntitle: T\nversion: 1\npublished: 2025-01-01\neffective: 2025-01-02\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n## A {#a}\n\n";
        std::fs::write(
            dir.path().join(format!("terms/v1.{lang}.md")),
            format!("{}{body}\n", front.replace("LANG", lang)),
        )
        .unwrap();
        let (set, _) = crate::load(dir.path()).unwrap();
        super::check(&set, date(2026, 1, 1))
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn blanks_and_numbers_left_open_are_placeholders() {
        assert_eq!(found("Use the contact form at \\_\\_\\_\\_\\_.").len(), 1);
        assert_eq!(found("Refunds take XX days.").len(), 1);
        assert_eq!(
            found("Write to [\\[email protected\\]](/cdn-cgi/l/email-protection).").len(),
            1
        );
    }

    #[test]
    fn form_fields_and_illustrations_are_not() {
        assert!(
            found("Seller: \\_\\_\\_\\_\\_ Phone: \\_\\_\\_\\_\\_ Contact Ms. \\_\\_\\_\\_\\_")
                .is_empty()
        );
        assert!(found("Rates may be shown as discounts (e.g. xx% off).").is_empty());
        // The lines of a form to fill in, each label ending with a comma.
        assert!(
            found(
                "— I give notice that I cancel my order of the following items, \\_\\_\\_\\_\\_\\_\n\n\
                 — Signature of the buyer (only if this form is sent on paper), \\_\\_\\_\\_"
            )
            .is_empty()
        );
        // A blank before the end of a sentence is a missing word, after a comma too.
        assert_eq!(
            found("Disputes go to the courts of \\_\\_\\_\\_\\_, \\_\\_\\_.").len(),
            2
        );
    }

    #[test]
    fn a_blank_inside_a_sentence_or_a_lone_labelled_blank_is_a_word_left_out() {
        for (lang, text) in [
            ("fr", "Montant : \\_\\_\\_\\_ euros par commande."),
            (
                "fr",
                "Les présentes conditions entrent en vigueur le ___ 2025.",
            ),
            ("de", "Die Gebühr beträgt ____ Euro im Monat."),
            ("en", "Seller name: _______"),
            ("fa", "نام فروشنده: ______"),
        ] {
            assert_eq!(
                found_in(lang, text).len(),
                1,
                "{text}: {:?}",
                found_in(lang, text)
            );
        }
    }

    #[test]
    fn emphasis_rules_identifiers_and_forms_are_not_blanks() {
        for text in [
            "This is ___very___ important and __bold__ too.",
            "Set `notify___all` or notify___all in the settings.",
            "Above.\n\n___\n\nBelow.",
            "Model withdrawal form\n\nName of the buyer: ______",
            "Name: ______\n\nOrder number: ______",
            "Signature ______________",
            "Signed for the parties:\n\nBazarcheh Ltd, represented by its director ______ ______",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn fields_in_any_case_template_variables_and_pseudo_tags_are_placeholders() {
        for (lang, text) in [
            ("en", "Write to [Head office address] today."),
            ("en", "The fee is [X]% of the price."),
            ("en", "Refunds within [number] days."),
            ("en", "Our officer: [privacy officer e-mail]."),
            ("de", "Sitz: [Anschrift]"),
            ("de", "Kontakt: [Telefonnummer hier einfügen]"),
            ("fr", "Siège : [à compléter]"),
            ("fr", "Écrivez à [adresse e-mail du service]."),
            ("fa", "تاریخ: [تاریخ]"),
            ("en", "The fee is ${fee} per order."),
            ("en", "The fee is %FEE% per order."),
            ("fr", "Frais : À DÉFINIR."),
            ("en", "Call xx xx xx xx xx."),
            ("fr", "Signé le ..../..../...."),
            ("en", "Write to <Insert support address> for help."),
            ("en", "A fee of <<FEE>> applies."),
            ("fr", "Contact : [NOM]"),
        ] {
            assert_eq!(
                found_in(lang, text).len(),
                1,
                "{text}: {:?}",
                found_in(lang, text)
            );
        }
    }

    #[test]
    fn brackets_that_read_as_text_and_html_elements_are_not() {
        for text in [
            "See [the terms](/terms) and [Contact][1].",
            "As the court said [emphasis added], this applies.",
            "Quoted [...] text and a footnote [1].",
            "- [x] done\n- [ ] open",
            "Line<br>break and <sup>2</sup> and <https://shop.example> and <help@shop.example>.",
            "The price [which includes VAT, shipping and handling] is final.",
            "the German Commercial Code [HGB] applies",
            "https://shop.example/caf%C3%A9%C3%A9/",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn empty_brackets_choices_and_single_brace_variables_are_placeholders() {
        for (lang, text) in [
            ("en", "Our office is at [ ] in the city."),
            ("en", "Complaints are answered within [__] working days."),
            (
                "en",
                "Complaints are answered within [______] working days.",
            ),
            ("de", "Die Rückgabe ist binnen [\\_\\_] Wochen möglich."),
            (
                "fr",
                "Le vendeur est immatriculé en [Belgique/Luxembourg] sous le numéro 42.",
            ),
            (
                "en",
                "The courts of [Wales / Northern Ireland] decide disputes.",
            ),
            ("en", "Send the form to {returns_address} by post."),
            ("fr", "Écrivez à {adresseSupport} pour toute question."),
            ("de", "Anfragen an {SUPPORT_EMAIL} richten."),
        ] {
            assert_eq!(
                found_in(lang, text).len(),
                1,
                "{text}: {:?}",
                found_in(lang, text)
            );
        }
    }

    #[test]
    fn marks_named_codes_and_labelled_controls_are_not() {
        for (lang, text) in [
            ("en", "Listings must not contain TBC or TODO as a price."),
            ("en", "A title reading \"XXX\" is rejected."),
            (
                "fr",
                "N'utilisez pas les mentions TODO ou TBD dans une annonce.",
            ),
            ("fr", "Une annonce marquée « TBD » est retirée."),
            (
                "de",
                "Angebote dürfen nicht TODO oder TBD enthalten, wie etwa Platzhalter.",
            ),
            (
                "en",
                "The charger XXX-45 and the cable 12XXX are sold apart.",
            ),
            ("en", "Press the button labelled [Send request] to confirm."),
            ("en", "Fill in the [Delivery address] field before paying."),
            ("fr", "Cliquez sur le bouton [Confirmer la commande]."),
            ("de", "Tragen Sie die Nummer im Feld [Bestellnummer] ein."),
            ("en", "Data moves over TCP/IP [TCP/IP] links."),
            (
                "en",
                "Choose your plan: [basic/premium] options are listed.",
            ),
            (
                "en",
                "Set {#anchor} and {.class} attributes in prose {like this}.",
            ),
        ] {
            assert!(
                found_in(lang, text).is_empty(),
                "{text}: {:?}",
                found_in(lang, text)
            );
        }
    }

    /// Prints the placeholders found in outside documents, to judge them by reading:
    /// `DAVAR_SCAN=<file of documents, each after a line "@@FILE <name>"> cargo test -p
    /// davar-policy --lib placeholder_scan -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads outside text named by DAVAR_SCAN"]
    fn placeholder_scan() {
        let path = std::env::var("DAVAR_SCAN").expect("DAVAR_SCAN names a text file");
        let text = std::fs::read_to_string(&path).expect("DAVAR_SCAN is readable UTF-8");
        let mut total = 0;
        for doc in text.split("@@FILE ").skip(1) {
            let (name, body) = doc.split_once('\n').unwrap_or((doc, ""));
            let body = body.replace("\n---\n", "\n\n");
            for message in found(&body) {
                total += 1;
                println!("{name}\t{message}");
            }
        }
        println!("{total} placeholders");
    }
}
