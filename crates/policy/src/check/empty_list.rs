//! `empty-list`: a paragraph that announces a list (ending in `:` or an open dash, or ending in
//! `.` or `;` with "the following …", "comme suit", "wie folgt"… among its last words; see
//! `markdown::intro`) must be followed by its items; when nothing follows, the items were lost
//! (a common copy-paste accident when moving text between editors). Nothing follows an
//! announcement when the document ends right after it, when the next heading starts a new
//! topic of the document's own series rather than the announced items (see
//! [`announces_the_sections_after`]), when a single sub-section of prose follows (see
//! [`sub_sections_hold_the_items`]), or when a table of a header row alone follows (the names
//! of its columns, its rows lost).
//!
//! An announcement followed by a paragraph on another subject lost its items too: a closing
//! formula ("Thank you for shopping with us."), another party's prose after a party's
//! announcement (see [`another_party_s_prose`]), or prose after an announcement that asks for
//! things ("please provide:", "including:"; see [`prose_on_another_subject`]).
//!
//! The words of announcements are data, read by [`vocabulary`]. Announcements are found by
//! `markdown::intro`: paragraphs, list items (the last of their list decides by what follows the
//! list; one followed by a sibling item is not judged) and the lines of a paragraph written
//! without blank lines.
//!
//! A paragraph or HTML block that shows nothing (`&nbsp;`, `<br>`, an empty `<div></div>`, a
//! comment) is passed over: the block after it is what follows the announcement.
//!
//! A list whose items are only markers (`-`, `*`, `1.` with no text) lost its items too, and so
//! did a bold announcement with an announcing phrase (`**The following documents apply:**`).
//!
//! Not reported: labels and sub-headings (`**Contact:**`, `Adresse :`), a sentence that ends
//! with a link to the place it announces (`see the following section [Returns](#returns).`),
//! an announcement followed
//! by any other block that can hold what it announces (a list, a table with rows, a paragraph —
//! an address, a form, a quoted sentence, items written without list markup — or sub-sections
//! under deeper headings, as [`sub_sections_hold_the_items`] tells).

pub(crate) mod vocabulary;

use jiff::civil::Date;

use crate::clause_id::strip_section_number;
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::markdown::intro::{ListIntro, NextBlock};
use crate::model::{Clause, PolicySet, PolicyVersion};
use vocabulary::Kind;

/// Longest announcement still read as a label or sub-heading rather than a sentence.
const LABEL_WORDS: usize = 4;

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // The announcements found lost in each distinct body, at offsets from its start: they
    // depend on the body only (its scan, headings and text), and versions repeating a body
    // take them (`None`: one stood before the body, and each version is read apart).
    let mut lost_in: foldhash::HashMap<&str, Option<Vec<usize>>> = Default::default();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let base = v.source.len() - v.body().len();
        let shared = lost_in.entry(v.body()).or_insert_with(|| {
            lost_announcements(v)
                .into_iter()
                .map(|offset| offset.checked_sub(base))
                .collect()
        });
        let lost: Vec<usize> = match shared {
            Some(lost) => lost.iter().map(|offset| base + offset).collect(),
            None => lost_announcements(v),
        };
        if lost.is_empty() {
            continue;
        }
        let lines = LineIndex::new(&v.source);
        for offset in lost {
            let (line, column) = lines.line_col(&v.source, offset);
            out.push(
                Diagnostic::error(
                    codes::EMPTY_LIST,
                    &v.path,
                    line,
                    column,
                    "this paragraph announces a list, but no list follows",
                )
                .with_help("restore the list items (`- item` lines right after it) or rewrite the sentence so it announces nothing"),
            );
        }
    }
    out
}

/// The offsets of the announcements of `v` that no list follows.
fn lost_announcements(v: &PolicyVersion) -> Vec<usize> {
    let mut out = Vec::new();
    let deepest = v.clauses.iter().map(|c| c.level).max().unwrap_or(0);
    let requests_before_prose = requests_all_before_prose(&v.scan.list_intros);
    for (i, intro) in v.scan.list_intros.iter().enumerate() {
        let split = v.clauses.partition_point(|c| c.id_offset < intro.offset);
        let after = &v.clauses[split..];
        let outline = Outline {
            section: split.checked_sub(1).map(|i| &v.clauses[i]),
            after,
            deepest,
            requests_before_prose,
            items_under_next: after.first().is_some_and(|next| {
                let end = after.get(1).map_or(v.source.len(), |c| c.id_offset);
                next.list_items > 0 || holds_a_table_or_html_list(v.source.get(next.id_offset..end))
            }),
        };
        let lost = if intro.next == NextBlock::List && only_empty_items(&v.source, intro.offset) {
            !is_label(&intro.text)
        } else {
            is_lost_list(intro, &outline)
                || before_another_announcement(intro, v.scan.list_intros.get(i + 1))
        };
        if lost && !ends_with_a_link(&v.source, intro.offset) {
            out.push(intro.offset);
        }
    }
    out
}

/// Where an announcement stands among the headings of its version.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outline<'a> {
    /// The heading of the announcement's section; `None` in the preamble.
    pub section: Option<&'a Clause>,
    /// The headings after the announcement, in order.
    pub after: &'a [Clause],
    /// The deepest heading level of the version (6 for `######`).
    pub deepest: u8,
    /// Whether the version has several announcements that ask for things, every one of them
    /// followed by a paragraph of prose (see [`requests_all_before_prose`]).
    pub requests_before_prose: bool,
    /// Whether the section the first heading after the announcement opens holds a list or a
    /// table before the heading after it: items under a title.
    pub items_under_next: bool,
}

/// Whether a stretch of Markdown holds a table or an HTML list: a line starting with `|`,
/// `<table`, `<ul`, `<ol` or `<dl`.
fn holds_a_table_or_html_list(text: Option<&str>) -> bool {
    text.unwrap_or_default().lines().any(|line| {
        let line = line.trim_start().to_ascii_lowercase();
        line.starts_with('|')
            || ["<table", "<ul", "<ol", "<dl"]
                .iter()
                .any(|t| line.starts_with(t))
    })
}

/// Whether what follows `intro` cannot hold the list it announces.
pub(crate) fn is_lost_list(intro: &ListIntro, outline: &Outline) -> bool {
    if intro.bold && !vocabulary::has_announcing_phrase(&intro.text) || is_label(&intro.text) {
        return false;
    }
    match intro.next {
        NextBlock::List | NextBlock::Table | NextBlock::Other | NextBlock::Item => false,
        NextBlock::TableHead => true,
        NextBlock::Paragraph => {
            vocabulary::closes(&intro.next_text)
                || prose_on_another_subject(intro, outline.requests_before_prose)
                || another_party_s_prose(intro)
        }
        NextBlock::Heading => !announces_the_sections_after(intro, outline),
        // The preamble has no heading of its own: every heading after it starts the
        // document's series, deeper than the preamble's level 0 only in name. A list item
        // there holds no sections ([`announces_the_sections_after`]).
        NextBlock::SubHeading if intro.in_list && outline.section.is_none() => {
            !announces_the_sections_after(intro, outline)
        }
        NextBlock::SubHeading => !sub_sections_hold_the_items(intro, outline),
        NextBlock::End => true,
    }
}

/// Whether the deeper headings right after an announcement are its items, or stand under them.
/// A list of items is several: the sub-sections are the items when there are two or more of
/// the first one's level before the section ends ("This part covers the following topics:"
/// before `### Listing`, `### Pricing`; "The rules below apply:" before `### Honesty`, `###
/// Respect`; "We collect:" before `### Data you give us`, `### Data from your device`). A
/// single sub-section holds them when it has a list or a table of its own, or deeper headings
/// (the items under a title: "Sellers pay:" before `### Commission` and its table). It is them
/// when the announcement says where or what its items are: a forward, further-on or manner
/// phrase ("the following goods:" before `### Food`, "the rules below:"; every announcement
/// ending in `.` has one) or a place in the document ("This section covers:"). A clause broken
/// off at its mark with none of these ("The seller must provide:", "Le vendeur doit fournir :",
/// "Der Verkäufer muss angeben:") needs its object right after it: one sub-section of prose
/// after it is a topic of its own (`### Shipping` and a paragraph on delivery times), and the
/// items were lost. In the preamble every heading is deeper than its
/// level 0, and the headings after it are the document's sections (see
/// [`announces_the_sections_after`]).
fn sub_sections_hold_the_items(intro: &ListIntro, outline: &Outline) -> bool {
    let Some(next) = outline.after.first() else {
        return true;
    };
    if outline.section.is_none() || siblings(outline.after, |_| false) >= 2 {
        return true;
    }
    let nested = outline.after.get(1).is_some_and(|c| c.level > next.level);
    nested
        || outline.items_under_next
        || vocabulary::has_announcing_phrase(&intro.text)
        || vocabulary::has_word(&intro.text, Kind::Place)
}

/// Whether the list that starts after the announcement closing at byte `offset` of `source`
/// has only empty items (`-`, `*`, `1.` with no text): markers left when the items were lost.
/// A lone number other than 1 (`5.` between two pages of a converted PDF) is a page number.
fn only_empty_items(source: &str, offset: usize) -> bool {
    let rest = source.get(offset..).unwrap_or_default();
    let mut items = 0;
    let mut page_number = false;
    for line in rest.lines().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let Some(text) = line
            .strip_prefix(['-', '*', '+'])
            .or_else(|| {
                (1..=3)
                    .contains(&digits)
                    .then(|| line[digits..].strip_prefix(['.', ')']))
                    .flatten()
            })
            .filter(|t| t.is_empty() || t.starts_with(char::is_whitespace))
        else {
            break;
        };
        if !text.trim().is_empty() {
            return false;
        }
        page_number = items == 0 && digits > 0 && &line[..digits] != "1";
        items += 1;
    }
    items > 1 || items == 1 && !page_number
}

/// Whether the sentence closing at byte `offset` of `source` ends with a Markdown link (`see
/// the following section [Returns](#returns).`): it names the place it points at.
fn ends_with_a_link(source: &str, offset: usize) -> bool {
    let before = source.get(..offset).unwrap_or_default().trim_end();
    let Some(target) = before.strip_suffix(')') else {
        return false;
    };
    target
        .rfind("](")
        .is_some_and(|open| !target[open + 2..].contains(|c: char| c.is_whitespace() || c == ')'))
}

/// Words with which an announcement asks for things to be given or counted in ("please
/// provide:", "as much detail as possible, including:", "veuillez indiquer :", "geben Sie bitte
/// an:", "موارد زیر را ارائه دهید:"): its items are what the reader supplies, which prose on
/// another subject cannot be. Whole words or phrases of the last sentence, in lower case.
const REQUESTS: &[&str] = &[
    "provide",
    "include",
    "includes",
    "including",
    "submit",
    "send",
    "attach",
    "specify",
    "fournir",
    "fournissez",
    "indiquer",
    "indiquez",
    "joindre",
    "joignez",
    "préciser",
    "précisez",
    "inclure",
    "notamment",
    "y compris",
    "angeben",
    "geben sie",
    "übermitteln",
    "beifügen",
    "beizufügen",
    "einreichen",
    "einzureichen",
    "vorlegen",
    "vorzulegen",
    "anzugeben",
    "einschließlich",
    "insbesondere",
    "mitteilen",
    "ارائه",
    "ارسال",
    "شامل",
    "ذکر",
];

/// Words that open a sentence on a new subject, not an item of a list: a condition or a turn
/// ("If the issue cannot be resolved…", "In the event that…", "Lorsque…", "Falls…", "اگر…").
/// Whole words or phrases at the start of a paragraph, in lower case.
const NEW_SUBJECT_OPENERS: &[&str] = &[
    "if",
    "in the event",
    "in case",
    "when",
    "whenever",
    "should",
    "unless",
    "once",
    "however",
    "otherwise",
    "si",
    "s il",
    "s ils",
    "en cas",
    "dans le cas",
    "lorsque",
    "lorsqu",
    "toutefois",
    "cependant",
    "wenn",
    "falls",
    "sofern",
    "sollte",
    "sollten",
    "im falle",
    "jedoch",
    "اگر",
    "در صورت",
    "در صورتی",
    "چنانچه",
    "هرگاه",
];

/// Fewest words of a paragraph read as prose rather than an item, an address or a name.
const PROSE_WORDS: usize = 8;

/// Lower-case words of `text` as [`vocabulary::words`] reads them (Arabic letters folded),
/// the parts of a Persian word joined by a half-space apart too, one space apart, with a space on both sides: phrases of whole
/// words are found with `contains(" phrase ")` and `starts_with(" phrase ")`.
fn spaced_words(text: &str) -> String {
    let words: Vec<String> = vocabulary::words(text)
        .into_iter()
        .map(|w| w.text.replace('\u{200C}', " "))
        .collect();
    format!(" {} ", words.join(" "))
}

/// Whether an announcement ending in `:` asks for things ([`REQUESTS`] in its last sentence).
/// One ending in `.` points at text further on ("the terms set out below (including …).")
/// more often than it asks.
fn asks_for_things(text: &str) -> bool {
    if !text.trim_end().ends_with([':', '：']) {
        return false;
    }
    let words = spaced_words(vocabulary::last_sentence(text));
    REQUESTS.iter().any(|r| words.contains(&format!(" {r} "))) || vocabulary::persian_request(text)
}

/// The number of sentences of `text` when it is prose — starting with a letter (a capital in
/// a script that has them), at least [`PROSE_WORDS`] words, a sentence ending in `.`, `!`, `?`
/// or `؟`, and no `:` (a label, a form field, an item named before its text), `_` (a blank to
/// fill in) or opening quote — and `None` when it is not: items written without list markup
/// start with a mark, a number or a lower-case word, or are short.
fn prose_sentences(text: &str) -> Option<usize> {
    let text = text.trim();
    let first = text.chars().next()?;
    let starts_a_sentence = first.is_alphabetic() && !first.is_lowercase();
    let words = text.split_whitespace().count();
    let marks = text.contains([':', '：', '_']);
    if !starts_a_sentence || words < PROSE_WORDS || marks {
        return None;
    }
    let ends = text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '؟')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .count();
    (ends > 0).then_some(ends)
}

/// Whether the paragraph after an announcement that asks for things ([`asks_for_things`]) is
/// prose on another subject rather than its items: prose ([`prose_sentences`]) that enumerates
/// nothing ([`enumerates`]) and opens with
/// a condition or a turn ([`NEW_SUBJECT_OPENERS`]) or holds several sentences, or any prose
/// when `requests_before_prose` (the document writes no list after any announcement that asks
/// for things, and several are followed by prose: its lists were lost in publishing, the seed
/// case of pages whose list markup did not survive). An announcement that does not ask ("The
/// following applies:", "as follows:") may introduce any paragraph; one that asks may be
/// followed by its single item written as a sentence, an address, a form or a quotation.
fn prose_on_another_subject(intro: &ListIntro, requests_before_prose: bool) -> bool {
    if intro.in_list || !asks_for_things(&intro.text) {
        return false;
    }
    let Some(sentences) = prose_sentences(&intro.next_text) else {
        return false;
    };
    if enumerates(&intro.next_text) {
        return false;
    }
    let next = spaced_words(&intro.next_text);
    let new_subject = NEW_SUBJECT_OPENERS
        .iter()
        .any(|o| next.starts_with(&format!(" {o} ")));
    requests_before_prose || new_subject || sentences >= 2
}

/// Words that join the last item of an enumeration to the others ("your name, your address
/// and your order number").
const CONJUNCTIONS: &[&str] = &["and", "or", "et", "ou", "und", "oder", "و", "یا"];

/// Whether a paragraph enumerates items: two or more parts with letters between semicolons
/// ("If you sell, your seller number; if you buy, your order number."), or a sentence of
/// two commas or more with a conjunction after the last ("If you buy, your order number, the
/// date and a photo."). Prose on another subject joins its clauses otherwise ("If the issue is
/// not settled within a week, we refer it to a mediator.").
fn enumerates(text: &str) -> bool {
    let parts = text
        .split([';', '؛'])
        .filter(|p| p.chars().any(char::is_alphabetic))
        .count();
    let commas = text.matches([',', '،']).count();
    let last_part = text.rsplit([',', '،']).next().unwrap_or_default();
    let joined = spaced_words(last_part);
    parts >= 2
        || commas >= 2
            && CONJUNCTIONS
                .iter()
                .any(|c| joined.contains(&format!(" {c} ")))
}

/// Fewest words before its announcing phrase in the clause of a party's announcement: "Sellers
/// pay the following fees" (2) and "Sellers must respect the following rules" (3) name who
/// does something with the items; "The following fees apply" (0), "Les frais suivants
/// s'appliquent" (1) and "Es gelten folgende Bedingungen" (1, `es` skipped) name the items.
const PARTY_WORDS: usize = 2;

/// Whether the paragraph after an announcement in a party's sentence is prose on another
/// subject: the announcement's clause says that a party does something with items of a kind
/// ("Sellers must respect the following rules:", "Der Verkäufer zahlt die folgenden
/// Gebühren:", "Chaharsu charges sellers the fees listed below:", its announcing phrase
/// [`PARTY_WORDS`] words or more into the clause; ending in `.`, a phrase that points right
/// after it, as "below." may point past the next paragraph), and the paragraph is prose
/// ([`prose_sentences`]) of several sentences whose subject is another one ("Buyers may return
/// goods…"): a new topic, not the items. An announcement about the items themselves ("The
/// following applies:", "The fees are as follows:") may introduce any paragraph, and so may a
/// party's before a single sentence, a noun phrase, a quotation or sentences about the same
/// party, and one that names a body of terms ("you accept the following conditions."), which
/// may be all the text after it.
fn another_party_s_prose(intro: &ListIntro) -> bool {
    if intro.in_list {
        return false;
    }
    let sentence = vocabulary::last_sentence(&intro.text);
    let Some(clause) = vocabulary::announcing_clause(sentence) else {
        return false;
    };
    let colon = intro.text.trim_end().ends_with([':', '：']);
    let party = vocabulary::announcing_phrase_position(clause).is_some_and(|at| at >= PARTY_WORDS)
        && (colon || vocabulary::has(clause, Kind::Forward))
        && !vocabulary::has(clause, Kind::Manner)
        && !vocabulary::has_word(clause, Kind::Terms)
        && !names_the_document(&clause.to_lowercase());
    if !party
        || prose_sentences(&intro.next_text).is_none_or(|n| n < 2)
        || first_sentence_words(&intro.next_text) < TITLE_WORDS
    {
        return false;
    }
    let (Some(party), Some(subject)) = (
        vocabulary::subject(clause),
        vocabulary::subject(&intro.next_text),
    ) else {
        return false;
    };
    !IMPERATIVE_OPENERS.contains(&party.as_str()) && !same_word(&party, &subject)
}

/// Words that open a request to the reader rather than name a party ("Please note the
/// following.", "Note the following.", "Bitte beachten Sie Folgendes.", "Veuillez noter ce qui
/// suit.", "لطفاً به نکات زیر توجه کنید."): what follows is information for the reader, and any
/// prose may be it.
const IMPERATIVE_OPENERS: &[&str] = &[
    "please",
    "kindly",
    "note",
    "remember",
    "bitte",
    "beachten",
    "veuillez",
    "merci",
    "notez",
    "لطفاً",
    "لطفا",
];

/// Fewest words of the first sentence of another party's prose: a shorter one is the title of
/// an item written as a paragraph ("**Necessary Cookies.** These cookies are required…").
const TITLE_WORDS: usize = 5;

/// The number of words of the first sentence of `text` (up to a `.`, `!`, `?` or `؟` before a
/// space or the end).
fn first_sentence_words(text: &str) -> usize {
    let mut words = 0;
    for word in text.split_whitespace() {
        words += 1;
        if word.ends_with(['.', '!', '?', '؟']) {
            break;
        }
    }
    words
}

/// Whether two lower-case words are one word, in the singular or the plural ("seller",
/// "sellers"; "verkäufer", "verkäufern").
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(|rest| {
        ["", "s", "es", "n", "en", "e", "ها", "ان"].contains(&rest.trim_start_matches('\u{200C}'))
    })
}

/// Whether a version has at least two announcements that ask for things followed by prose,
/// and none followed by a list, a table or another block that holds items.
fn requests_all_before_prose(intros: &[ListIntro]) -> bool {
    let asking: Vec<&ListIntro> = intros
        .iter()
        .filter(|i| !i.in_list && !i.bold && asks_for_things(&i.text))
        .collect();
    let before_prose = asking
        .iter()
        .filter(|i| i.next == NextBlock::Paragraph && prose_sentences(&i.next_text).is_some())
        .count();
    let before_items = asking.iter().any(|i| {
        matches!(
            i.next,
            NextBlock::List | NextBlock::Table | NextBlock::Other
        )
    });
    before_prose >= 2 && !before_items
}

/// Number words from two to twelve (en, fr, de, fa): "grouped into four (4) categories:".
const COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "zwei",
    "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "دو", "سه",
    "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده",
];

/// The decimal section number a text starts with, in ASCII digits: `13` in "13. Application",
/// `15.6.2` in "15.6.2. When processing…", `4.1` in "§ 4.1 Kündigung", `5` in "Article 5 –
/// Fees", `3` in "۳. بازگشت"; a number counting a unit ("30 days …") is none.
fn section_number(text: &str) -> Option<String> {
    let marker = match numbering(text) {
        // A heading that is only its number: `13.1`.
        "" if !text.chars().any(char::is_alphabetic) => text.trim(),
        marker => marker,
    };
    let from = marker.find(|c: char| crate::text::ascii_digit(c).is_some())?;
    crate::text::decimal_number(&marker[from..])
}

/// The section number, with the word that introduces it, a heading or paragraph starts with:
/// `13. ` in "13. Application", `Article 5 – ` in "Article 5 – Fees", `IV. ` in "IV. Fees";
/// empty when there is none.
fn numbering(text: &str) -> &str {
    let text = text.trim();
    &text[..text.len() - strip_section_number(text).len()]
}

/// How a heading is written, as far as it tells a series apart: its kind of numbering and
/// whether it is in capitals. Sections of one series share a shape (`4. Fees`, `5. Law`;
/// `FEES`, `LAW`); items under a section are often written in another (`Weapons` under `5.
/// PROHIBITED ITEMS`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    numbering: Numbering,
    capitals: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Numbering {
    None,
    /// A decimal number of `depth` parts (`4.2` has 2), after `word` (`article`, `§`, or
    /// empty).
    Decimal {
        word: String,
        depth: usize,
    },
    /// A roman numeral or a letter (`IV.`, `b)`).
    Letter,
}

fn shape(heading: &str) -> Shape {
    let marker = numbering(heading);
    let numbering = match section_number(heading) {
        Some(number) => Numbering::Decimal {
            word: marker
                .split(|c: char| !c.is_alphabetic() && c != '§')
                .find(|w| !w.is_empty())
                .unwrap_or_default()
                .to_lowercase(),
            depth: number.split('.').count(),
        },
        None if marker.is_empty() => Numbering::None,
        None => Numbering::Letter,
    };
    let words = &heading.trim()[marker.len()..];
    let capitals = words.chars().filter(|c| c.is_uppercase()).count() >= 3
        && !words.chars().any(char::is_lowercase);
    Shape {
        numbering,
        capitals,
    }
}

/// Whether an announcement right before a heading of its own level or a higher one introduces
/// the sections that follow as its items. Pages converted from HTML often lose the heading
/// levels that would make them sub-sections: "installed on:" before "13.1 iOS", "four (4) main
/// categories:" before four sections, "these additional terms apply:" before the numbered
/// sections of those terms. The sections are the items when:
///
/// - section numbers say so, when both sides have one: the next heading is numbered below the
///   announcement's own number, or its section's ("13" before "13.1"); "15.6.2. … the following
///   Legal Bases:" before "15.7 Who do we share…" lost its items; otherwise, an announcement
///   that is a list item never introduces the headings after its list (its items would be
///   nested under it), even as the first line of its section or of the preamble;
/// - a sentence ending in `.` names the document itself ("l'acceptation des termes et
///   conditions suivants.");
/// - in the preamble, the announcement points forward ("the following", "suivantes"), further
///   on ("set out below", "ci-après"), counts its items ("four (4)"), ends in `.` or announces a
///   text ("The notice reads as follows:", [`quotes_a_text`]).
///
/// In a section, the next heading starts a new topic of the document's own series, and the
/// items were lost, when it is of a higher level than the announcement's section, or when it
/// is the only heading of its level before the end or a higher heading ("Sellers may not offer
/// the following products:" before `## Law` and the end): a list of one heading is none.
/// Otherwise, with several headings of that level following, they are the items when the
/// announcement points further on or counts them, and the sections of the text it announces
/// when it announces one ("The cancellation notice reads as follows:", "Die Belehrung lautet
/// wie folgt:"), unless they go on numbering the section's series; an announcement ending in
/// `.` elsewhere lost its items. One ending in `:` introduces them when they are written in another shape
/// than its section's heading (numbered under an unnumbered one, plain under `5. PROHIBITED`),
/// two or more of them before a heading of the section's shape. Headings of the section's own
/// shape continue its series: numbered or lettered ones do (`II.` after `I.`), and plain ones
/// do when the document has headings deeper than the section elsewhere (it kept its levels, so
/// the items would be deeper). Only in a document with no deeper level, where an import may
/// have flattened the items to the section's level, do the words decide: an announcement
/// pointing forward whose sentence opens its section (the section exists to announce them), or "the
/// following" as a pronoun ("The following is not permitted:" before "Law infringements");
/// one of a kind of item after other text of its section, in an earlier paragraph or in its
/// own ("Most goods can be returned. The following goods cannot be returned:"), lost its
/// items.
fn announces_the_sections_after(intro: &ListIntro, outline: &Outline) -> bool {
    let full_stop = intro.text.trim_end().ends_with('.');
    if full_stop && names_the_document(&intro.text.to_lowercase()) {
        return true;
    }
    let context = section_number(&intro.text).or_else(|| section_number(&intro.section));
    if let (Some(context), Some(next)) = (context, section_number(&intro.next_text)) {
        return next
            .strip_prefix(context.as_str())
            .is_some_and(|rest| rest.starts_with('.'));
    }
    // A list item's items are nested under it; the headings after its list are not, whatever
    // its words say (`- The following fees apply:` alone before `## Returns`).
    if intro.in_list {
        return false;
    }
    let text = intro.text.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let counted = words.iter().any(|w| COUNTS.contains(w))
        || text.split('(').skip(1).any(|after| {
            after.split_once(')').is_some_and(|(inside, _)| {
                !inside.is_empty() && inside.chars().all(|c| c.is_ascii_digit())
            })
        });
    let further_on = vocabulary::has(&text, Kind::Further);
    let forward = vocabulary::has(&text, Kind::Forward);
    let Some(section) = outline.section else {
        return further_on || counted || full_stop || forward || quotes_a_text(&intro.text);
    };
    let Some(next) = outline.after.first() else {
        return false;
    };
    if next.level < section.level || siblings(outline.after, |_| false) < 2 {
        return false;
    }
    let own = shape(&section.heading);
    if further_on || counted {
        return true;
    }
    // "The cancellation notice reads as follows:" announces a text, and headings after it
    // are that text's own sections, unless they go on numbering the section's series.
    if quotes_a_text(&intro.text)
        && (shape(&next.heading) != own || own.numbering == Numbering::None)
    {
        return true;
    }
    if full_stop {
        return false;
    }
    if shape(&next.heading) != own {
        return siblings(outline.after, |c| shape(&c.heading) == own) >= 2;
    }
    if own.numbering != Numbering::None || outline.deepest > section.level {
        return false;
    }
    let opens_section = intro.opens_section && !after_other_text(&intro.text);
    forward && (opens_section || pronoun_announcement(&words))
}

/// Whether the paragraph after `intro` is itself an announcement, after other text of its own,
/// that a list follows: "Sellers must meet the following conditions:" before "Sellers abroad
/// need a representative. The representative must provide the following:" and its list. The
/// list is the second announcement's, and the first, which names a kind of item ("the
/// following conditions", "les pièces suivantes", not "the following:" alone, which may
/// announce any text), lost its items.
fn before_another_announcement(intro: &ListIntro, next: Option<&ListIntro>) -> bool {
    let Some(next) = next else {
        return false;
    };
    let colon = |text: &str| text.trim_end().ends_with([':', '：']);
    let next_text = intro.next_text.trim();
    intro.next == NextBlock::Paragraph
        && !intro.in_list
        && !intro.bold
        && !next.in_list
        && next.next == NextBlock::List
        && colon(&intro.text)
        && colon(&next.text)
        && !next_text.is_empty()
        && next.text.starts_with(next_text)
        && after_other_text(&next.text)
        && names_a_kind_of_item(&intro.text)
        && !opens_with_a_definition(next_text)
}

/// Verbs that define the term before them ("Cookies are small files…", "Un vendeur est…",
/// "Ein Händler ist…", ""Seller" means…").
const DEFINING_VERBS: &[&str] = &[
    "is",
    "are",
    "means",
    "mean",
    "est",
    "sont",
    "désigne",
    "désignent",
    "ist",
    "sind",
    "bezeichnet",
    "bedeutet",
];

/// Most words before a defining verb at the start of a definition ("A seller account is…").
const DEFINED_WORDS: usize = 3;

/// Whether a paragraph opens by defining a term: a defining verb among its first words ("Cookies
/// are small text files…"). After an announcement of terms or definitions it is one of them,
/// whatever announcement closes it.
fn opens_with_a_definition(text: &str) -> bool {
    vocabulary::words(text)
        .iter()
        .take(DEFINED_WORDS + 1)
        .skip(1)
        .any(|w| DEFINING_VERBS.contains(&w.text.as_str()))
}

/// Whether the last sentence of an announcement holds a forward phrase with the noun of its
/// items: "the following conditions", "les pièces suivantes", "folgende Angaben"; not "the
/// following" or "Folgendes" alone, nor a manner phrase ("as follows").
fn names_a_kind_of_item(text: &str) -> bool {
    let sentence = vocabulary::last_sentence(text);
    let words = vocabulary::words(sentence);
    let Some(last) = words.last() else {
        return false;
    };
    let pronoun = vocabulary::has(&last.text, Kind::Forward)
        && (last.text == "folgendes"
            || words.len() < 2
            || vocabulary::has(&words[words.len() - 2].text, Kind::Article));
    vocabulary::has(sentence, Kind::Forward) && !vocabulary::has(sentence, Kind::Manner) && !pronoun
}

/// Whether a sentence ends before the last one of `text`: a `.`, `!`, `?` or `؟` followed by
/// white space ("Buyers may return most goods. The following goods cannot be returned:").
fn after_other_text(text: &str) -> bool {
    let text = text.trim_end();
    text.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?' | '؟')
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace)
    })
}

/// How many headings of the first one's level open `after`, deeper ones between them skipped,
/// before a higher heading or one for which `stop` holds.
fn siblings(after: &[Clause], stop: impl Fn(&Clause) -> bool) -> usize {
    let Some(level) = after.first().map(|c| c.level) else {
        return 0;
    };
    after
        .iter()
        .take_while(|c| c.level > level || c.level == level && !stop(c))
        .filter(|c| c.level == level)
        .count()
}

/// Words that say a text follows, as it is worded ("reads", "is worded", "lautet", "se lit",
/// "est rédigé", "le texte", "der Wortlaut", "متن"), rather than items.
const QUOTING_WORDS: &[&str] = &[
    "reads",
    "read",
    "worded",
    "wording",
    "text",
    "lautet",
    "lauten",
    "wortlaut",
    "lit",
    "rédigé",
    "rédigée",
    "rédigés",
    "rédigées",
    "libellé",
    "libellée",
    "texte",
    "متن",
];

/// Whether an announcement announces a text with a manner phrase: "The notice reads as
/// follows:", "Die Belehrung lautet wie folgt:", "L'avis se lit comme suit :", "متن اطلاعیه به
/// این شرح است:".
fn quotes_a_text(text: &str) -> bool {
    vocabulary::words(text)
        .iter()
        .any(|w| QUOTING_WORDS.contains(&w.text.as_str()))
        && vocabulary::has(text, Kind::Manner)
}

/// Names a document gives itself: "acceptation des termes et conditions suivants." refers to
/// the text that follows, not to a list.
const DOCUMENT_NAMES: &[&str] = &[
    "terms",
    "agreement",
    "termes",
    "conditions générales",
    "conditions d'utilisation",
    "mentions légales",
    "contrat",
    "geschäftsbedingungen",
    "nutzungsbedingungen",
    "vertragsbedingungen",
    "agb",
    "vereinbarung",
    "قوانین",
    "مقررات",
];

/// Whether `text` (lower case) names the document itself ([`DOCUMENT_NAMES`], as whole
/// words or the end of a compound: `Nutzungsbedingungen`).
fn names_the_document(text: &str) -> bool {
    DOCUMENT_NAMES.iter().any(|name| {
        text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            let compound_end = name.ends_with("bedingungen");
            (compound_end || before.is_none_or(|c| !c.is_alphanumeric()))
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Verbs right after "the following" that make it a pronoun ("The following is not
/// permitted:", "the following are excluded:"): it announces whatever comes next, which
/// headings may hold; an announcement of a kind of item ("the following fees apply:", "les
/// moyens suivants sont acceptés :") needs the items themselves.
const PRONOUN_VERBS: &[&str] = &[
    "is", "are", "applies", "apply", "may", "must", "shall", "will", "includes", "include",
];

fn pronoun_announcement(words: &[&str]) -> bool {
    words
        .windows(2)
        .any(|w| w[0] == "following" && PRONOUN_VERBS.contains(&w[1]))
}

/// Words that start a sentence rather than a label (`You may:`, `Vous pouvez :`, `Wir
/// erheben:`, `شما می‌توانید:`).
const SENTENCE_STARTS: &[&str] = &[
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "it",
    "this",
    "these",
    "je",
    "tu",
    "il",
    "elle",
    "nous",
    "vous",
    "ils",
    "elles",
    "on",
    "ceci",
    "cela",
    "ich",
    "du",
    "er",
    "sie",
    "es",
    "wir",
    "ihr",
    "dies",
    "diese",
    "من",
    "تو",
    "او",
    "ما",
    "شما",
    "آنها",
    "ایشان",
];

/// A short announcement without a sentence's shape: `Contact:`, `Nom :`, `Article 3 :`,
/// `Date of birth:` (a form field or sub-heading). One with a linking or modal verb or an
/// obliging word ("Prohibited items include:", "Les frais sont :", "Die Gebühren betragen:",
/// "هزینه‌ها عبارت‌اند از:", "Sellers must not sell:", "Verkäufer dürfen nicht anbieten:") is
/// a sentence.
fn is_label(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let starts_sentence = words
        .first()
        .is_some_and(|w| SENTENCE_STARTS.contains(&w.as_str()));
    // "The following conditions apply:", "Les frais suivants :", "Nachstehende Unterlagen sind
    // einzureichen:", "Les conditions ci-dessous s'appliquent :": short, but announcing.
    let announces = vocabulary::has(text, Kind::Forward)
        || vocabulary::has_further_before_words(text)
        || vocabulary::has(text, Kind::Linking)
        || vocabulary::has(text, Kind::Obliging);
    words.len() <= LABEL_WORDS && !starts_sentence && !announces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intro(text: &str, next: NextBlock, next_text: &str) -> ListIntro {
        ListIntro {
            offset: 0,
            text: text.into(),
            bold: false,
            in_list: false,
            next,
            next_text: next_text.into(),
            section: String::new(),
            opens_section: false,
        }
    }

    fn clause(level: u8, heading: &str) -> Clause {
        Clause {
            level,
            heading: heading.into(),
            ..Clause::default()
        }
    }

    /// Whether `text`, in the section `section` (level and heading; `None`: the preamble),
    /// opening it or not, lost its list before the headings `after`, in a version whose
    /// deepest level is `deepest` (at least that of every heading given).
    fn lost_before(
        text: &str,
        section: Option<(u8, &str)>,
        opens_section: bool,
        after: &[(u8, &str)],
        deepest: u8,
    ) -> bool {
        let section = section.map(|(level, heading)| clause(level, heading));
        let after: Vec<Clause> = after.iter().map(|&(l, h)| clause(l, h)).collect();
        let deepest = after
            .iter()
            .chain(&section)
            .map(|c| c.level)
            .fold(deepest, u8::max);
        let next = match (after.first(), &section) {
            (None, _) => NextBlock::End,
            (Some(next), Some(section)) if next.level > section.level => NextBlock::SubHeading,
            _ => NextBlock::Heading,
        };
        let intro = ListIntro {
            section: section
                .as_ref()
                .map_or(String::new(), |c| c.heading.clone()),
            opens_section,
            ..intro(text, next, after.first().map_or("", |c| c.heading.as_str()))
        };
        let outline = Outline {
            section: section.as_ref(),
            after: &after,
            deepest,
            requests_before_prose: false,
            items_under_next: false,
        };
        is_lost_list(&intro, &outline)
    }

    fn lost(intro: &ListIntro) -> bool {
        is_lost_list(
            intro,
            &Outline {
                section: None,
                after: &[],
                deepest: 0,
                requests_before_prose: false,
                items_under_next: false,
            },
        )
    }

    #[test]
    fn section_numbers_decide_when_both_sides_have_one() {
        // Numbered below the announcement's section: the sections are the items.
        let device = "Terms that apply on your device:";
        let app = Some((2, "7. The app"));
        assert!(!lost_before(device, app, true, &[(2, "7.1 Phones")], 2));
        assert!(!lost_before(device, app, true, &[(2, "7.1")], 2));
        assert!(!lost_before(
            "§ 4 The following applies:",
            None,
            true,
            &[(2, "§ 4.1 Scope")],
            2
        ));
        // The next section is a sibling: the items were lost, whatever the words.
        assert!(lost_before(
            "7.2.1. We rely on one of the following grounds:",
            Some((2, "7.2 Grounds")),
            false,
            &[(2, "7.3 Sharing"), (2, "7.4 Retention")],
            2
        ));
        assert!(lost_before(device, app, true, &[(2, "8. Fees")], 2));
        assert!(lost_before(
            "Sellers may not offer the following products:",
            Some((2, "Article 5 – Prohibited items")),
            true,
            &[(2, "Article 6 – Law"), (2, "Article 7 – Contact")],
            2
        ));
    }

    #[test]
    fn one_sub_section_of_prose_holds_the_items_only_when_the_announcement_says_where_or_what() {
        let delivery = Some((2, "Delivery"));
        let shipping = &[(3, "Shipping"), (2, "Returns")][..];
        for text in [
            "The seller must provide:",
            "Le vendeur doit fournir :",
            "Der Verkäufer muss angeben:",
            "Sellers must not list —",
        ] {
            assert!(lost_before(text, delivery, true, shipping, 3), "{text}");
        }
        for text in [
            "Buyers may not return the following goods:",
            "The rules below apply:",
            "The fees are as follows:",
            "This section covers:",
        ] {
            assert!(!lost_before(text, delivery, true, shipping, 3), "{text}");
        }
        // Several sub-sections, or one with deeper headings under it.
        let provide = "The seller must provide:";
        assert!(!lost_before(
            provide,
            delivery,
            true,
            &[(3, "Shipping"), (3, "Packing"), (2, "Returns")],
            3
        ));
        assert!(!lost_before(
            provide,
            delivery,
            true,
            &[(3, "Shipping"), (4, "Zones"), (2, "Returns")],
            4
        ));
    }

    #[test]
    fn a_single_heading_or_a_higher_one_after_the_announcement_starts_a_new_topic() {
        let products = "Sellers may not offer the following products:";
        let prohibited = Some((2, "Prohibited items"));
        for after in [
            &[(2, "Law")][..],
            &[(2, "Law"), (1, "Annex")],
            &[(2, "Law"), (3, "Iranian law"), (3, "Courts")],
        ] {
            assert!(
                lost_before(products, prohibited, true, after, 2),
                "{after:?}"
            );
        }
        for text in [
            "You must not list any of the items below:",
            "You must not list any of the items below.",
            "The following is not permitted:",
            "Cookies fall into three (3) groups:",
            "Les vendeurs doivent respecter les conditions suivantes :",
        ] {
            assert!(
                lost_before(text, prohibited, true, &[(2, "Law")], 2),
                "{text}"
            );
        }
        // A heading above the announcement's section is never one of its items.
        assert!(lost_before(
            "The following fees apply:",
            Some((3, "Fees")),
            true,
            &[(2, "Delivery"), (2, "Returns")],
            3
        ));
        // The items under the heading after it: a sub-section.
        assert!(!lost_before(
            products,
            prohibited,
            true,
            &[(3, "Weapons"), (3, "Animals"), (2, "Law")],
            3
        ));
    }

    #[test]
    fn several_headings_of_the_section_s_level_are_its_items_when_words_or_shapes_say_so() {
        let conduct = Some((2, "Conduct"));
        let spam = &[(2, "Spam"), (2, "Fraud"), (2, "Law")][..];
        // No deeper level in the document: the words decide.
        assert!(!lost_before(
            "The following is not allowed:",
            conduct,
            false,
            spam,
            2
        ));
        assert!(!lost_before(
            "Les règles suivantes s'appliquent :",
            conduct,
            true,
            spam,
            2
        ));
        assert!(lost_before(
            "The following fees apply:",
            conduct,
            false,
            spam,
            2
        ));
        assert!(lost_before(
            "Les moyens de paiement suivants sont acceptés :",
            conduct,
            false,
            spam,
            2
        ));
        assert!(lost_before("You can pay with:", conduct, true, spam, 2));
        // The document nests deeper elsewhere: a heading of the section's level is a sibling,
        // unless the announcement counts its items or points further on.
        assert!(lost_before(
            "The following is not allowed:",
            conduct,
            true,
            spam,
            3
        ));
        for text in [
            "Cookies fall into three (3) groups:",
            "The fees are listed below:",
            "We require you to grant certain rights, as described below.",
        ] {
            assert!(!lost_before(text, conduct, false, spam, 3), "{text}");
        }
        // Headings of another shape than the section's are its items, until its own shape
        // comes back.
        let terms = "These additional terms apply to you:";
        let hosts = Some((2, "Additional terms for business hosts"));
        assert!(!lost_before(
            terms,
            hosts,
            true,
            &[(2, "26. Hosting"), (3, "26.1"), (2, "27. Complaints")],
            3
        ));
        let products = "Sellers may not offer the following products:";
        for (section, after, lost) in [
            (
                "5. PROHIBITED ITEMS",
                &[(2, "Weapons"), (2, "Animals"), (2, "6. FEES")][..],
                false,
            ),
            (
                "5. PROHIBITED ITEMS",
                &[(2, "Weapons"), (2, "6. FEES")],
                true,
            ),
            (
                "PROHIBITED ITEMS",
                &[(2, "Weapons"), (2, "Animals"), (2, "LAW")],
                false,
            ),
            ("PROHIBITED ITEMS", &[(2, "LAW"), (2, "CONTACT")], true),
        ] {
            assert_eq!(
                lost_before(products, Some((2, section)), true, after, 3),
                lost,
                "{section}: {after:?}"
            );
        }
        // A lettered series continues.
        assert!(lost_before(
            "Sellers must meet the following conditions:",
            Some((2, "II. Sellers")),
            true,
            &[(2, "III. Buyers"), (2, "IV. Law")],
            2
        ));
    }

    #[test]
    fn headings_after_an_announced_text_are_its_sections_unless_they_go_on_numbering() {
        let notice = &[(2, "Right to cancel"), (2, "Effects"), (2, "Law")][..];
        for text in [
            "The cancellation notice for consumers reads as follows:",
            "Die Belehrung über das Rücktrittsrecht lautet wie folgt:",
            "L'avis de rétractation est rédigé comme suit :",
            "Le texte de l'avis se lit comme suit :",
            "متن اطلاعیه انصراف به این شرح است:",
        ] {
            for deepest in [2, 3] {
                assert!(
                    !lost_before(text, Some((2, "Cancellation")), true, notice, deepest),
                    "{text}"
                );
            }
            // One heading is no text of sections; a heading numbered in the section's series
            // goes on with the document.
            assert!(lost_before(
                text,
                Some((2, "Cancellation")),
                true,
                &[(2, "Law")],
                2
            ));
            assert!(lost_before(
                text,
                Some((2, "5. Cancellation")),
                true,
                &[(2, "6. Law"), (2, "7. Contact")],
                2
            ));
        }
        // A manner phrase alone tells how, and a heading of the document comes after.
        assert!(lost_before(
            "The commission is calculated as follows:",
            Some((2, "Commission")),
            true,
            notice,
            2
        ));
    }

    #[test]
    fn a_sentence_ending_in_a_full_stop_before_the_next_sections_lost_its_items() {
        let sections = &[(2, "Delivery"), (2, "Returns")][..];
        let ending = |text: &str, section: Option<(u8, &str)>, opens: bool| {
            lost_before(text, section, opens, sections, 2)
        };
        let text = "Sellers may list items provided that the following conditions are met.";
        assert!(ending(text, Some((2, "Listing")), false));
        assert!(ending(text, Some((2, "Listing")), true));
        assert!(ending(
            "Es gelten folgende Bedingungen.",
            Some((2, "Rückgabe")),
            true
        ));
        // From the preamble, the sections after it are what it announces; so are they when
        // the sentence names the document itself.
        assert!(!ending("The following conditions apply.", None, true));
        assert!(!ending(
            "L'utilisation du site implique l'acceptation des termes et conditions suivants.",
            Some((2, "Bienvenue")),
            true
        ));
        assert!(!ending(
            "Für die Nutzung gelten die folgenden Nutzungsbedingungen.",
            Some((2, "Willkommen")),
            true
        ));
        assert!(!lost_before(
            "L'accès au site implique l'acceptation des termes et conditions suivants.",
            Some((3, "3.1 Bienvenue")),
            false,
            &[(3, "3.2 Définitions")],
            3
        ));
        // "Set out below" may point at any text further on.
        assert!(!ending(
            "The fees are set out below.",
            Some((2, "Listing")),
            false
        ));
    }

    #[test]
    fn section_numbers_are_read_from_the_start() {
        assert_eq!(section_number("13. Application").as_deref(), Some("13"));
        assert_eq!(
            section_number("15.6.2. When processing").as_deref(),
            Some("15.6.2")
        );
        assert_eq!(section_number("§ 4.1 Kündigung").as_deref(), Some("4.1"));
        assert_eq!(section_number("Article 5 – Fees").as_deref(), Some("5"));
        assert_eq!(section_number("13.1").as_deref(), Some("13.1"));
        assert_eq!(section_number("2024 was a year").as_deref(), Some("2024"));
        assert_eq!(section_number("۱۳. درباره ما").as_deref(), Some("13"));
        assert_eq!(section_number("Fees"), None);
        assert_eq!(section_number("3rd party"), None);
        assert_eq!(section_number("30 days to return"), None);
    }

    #[test]
    fn shapes_tell_numbering_and_capitals_apart() {
        assert_eq!(shape("4. Fees"), shape("12. Law"));
        assert_eq!(shape("Article 4 – Fees"), shape("Article 12 – Law"));
        assert_ne!(shape("4. Fees"), shape("4.1 Fees"));
        assert_ne!(shape("4. Fees"), shape("Article 4 – Fees"));
        assert_eq!(shape("IV. Fees"), shape("b) Law"));
        assert_eq!(shape("Fees"), shape("Governing law"));
        assert_ne!(shape("FEES"), shape("Fees"));
        assert_eq!(shape("۴. هزینه‌ها"), shape("12. Law"));
    }

    #[test]
    fn a_sentence_followed_by_nothing_lost_its_list() {
        assert!(lost(&intro("You may ask us to:", NextBlock::End, "")));
        assert!(lost_before(
            "We accept these payment methods:",
            Some((2, "Payment")),
            false,
            &[(2, "Delivery")],
            2
        ));
    }

    #[test]
    fn a_short_announcement_is_no_label() {
        assert!(lost(&intro(
            "The following conditions apply:",
            NextBlock::End,
            ""
        )));
        assert!(lost(&intro("Les frais suivants :", NextBlock::End, "")));
        assert!(!lost(&intro("Date of birth:", NextBlock::End, "")));
    }

    #[test]
    fn labels_lists_and_unformatted_items_are_fine() {
        assert!(!lost(&intro("You may ask us to:", NextBlock::List, "")));
        assert!(!lost(&intro("Adresse :", NextBlock::Heading, "")));
        for next in [
            "\\- your name and address",
            "Name: ______ Order number: ______",
            "Bazarcheh Ltd, 12 Example Street, Tehran.",
        ] {
            assert!(!lost(&intro(
                "Please send us the following:",
                NextBlock::Paragraph,
                next
            )));
        }
        assert!(!lost(&intro(
            "The following refund rules apply:",
            NextBlock::SubHeading,
            ""
        )));
    }

    #[test]
    fn a_paragraph_enumerating_after_a_request_holds_its_items() {
        let paragraph = |text: &str, next: &str| intro(text, NextBlock::Paragraph, next);
        for (request, items) in [
            (
                "To open a dispute, please provide the following details:",
                "If you ordered, the order number and the date; if you sold, the shop name and the invoice.",
            ),
            (
                "Pour ouvrir un litige, veuillez indiquer :",
                "Si vous êtes acheteur, le numéro de commande, la date de livraison et une photo du colis.",
            ),
            (
                "Für einen Streitfall geben Sie bitte an:",
                "Wenn Sie kaufen, die Bestellnummer; wenn Sie verkaufen, den Namen des Shops.",
            ),
            (
                "برای ثبت اختلاف، لطفاً موارد زیر را ارائه دهید:",
                "اگر خریدار هستید، شماره سفارش؛ اگر فروشنده هستید، نام فروشگاه.",
            ),
        ] {
            assert!(!lost(&paragraph(request, items)), "{items}");
        }
        // A condition joining two clauses, or one comma before the last item, is prose.
        for next in [
            "If the dispute is not settled within a week, we refer it to a mediator.",
            "If the dispute is not settled, we refer it to a mediator and close it.",
        ] {
            assert!(
                lost(&paragraph(
                    "To open a dispute, please provide the following details:",
                    next
                )),
                "{next}"
            );
        }
    }

    #[test]
    fn a_request_before_prose_on_another_subject_lost_its_items_in_the_preamble_too() {
        let request = "To report an issue, please provide as much detail as you can, including:";
        let condition = "If the issue cannot be settled within a week, we refer it to a mediator.";
        let paragraph = |text: &str, next: &str| intro(text, NextBlock::Paragraph, next);
        // No heading at all: the announcement is in the preamble.
        assert!(lost(&paragraph(request, condition)));
        assert!(!lost(&paragraph("The following applies:", condition)));
        assert!(!lost(&paragraph(
            "Please provide the details set out below (including your order number).",
            condition
        )));
        // A single sentence after a request is its item unless the document writes no list
        // after any of its requests.
        let item = "We need a short description of the fault and the date you noticed it.";
        assert!(!lost(&paragraph(request, item)));
        let alone = Outline {
            section: None,
            after: &[],
            deepest: 0,
            requests_before_prose: true,
            items_under_next: false,
        };
        assert!(is_lost_list(&paragraph(request, item), &alone));
        assert!(!is_lost_list(
            &paragraph(request, "Name: ______ Order number: ______"),
            &alone
        ));
    }

    #[test]
    fn another_party_s_prose_is_a_new_topic_unless_it_is_a_titled_item() {
        let rules = "Sellers must respect the following rules:";
        let returns = "Buyers may return goods within fourteen days. Refunds go to the card.";
        assert!(another_party_s_prose(&intro(
            rules,
            NextBlock::Paragraph,
            returns
        )));
        assert!(!another_party_s_prose(&intro(
            rules,
            NextBlock::Paragraph,
            "Fair Prices. Every seller shows the full price including delivery and taxes."
        )));
        assert!(!another_party_s_prose(&intro(
            rules,
            NextBlock::Paragraph,
            "Sellers ship within two days of the order. Sellers answer within a day."
        )));
        assert!(!another_party_s_prose(&intro(
            "The following rules apply:",
            NextBlock::Paragraph,
            returns
        )));
        assert_eq!(first_sentence_words("Fair Prices. Every seller"), 2);
        assert_eq!(first_sentence_words("No sentence end"), 3);
    }

    #[test]
    fn prose_is_a_sentence_of_several_words_without_marks() {
        assert_eq!(
            prose_sentences("Our team answers within two days. Answers come by e-mail."),
            Some(2)
        );
        assert_eq!(
            prose_sentences("اگر شکایت در یک هفته حل نشود، پرونده به داور مستقل سپرده می‌شود."),
            Some(1)
        );
        for text in [
            "your order number, the date and a description of the fault.",
            "Respect: every member treats the others with respect at all times.",
            "(a) the order number and the date of the order placed.",
            "Bazarcheh Ltd, 12 Example Street, Tehran.",
            "\"If the goods arrive damaged, the seller refunds the full price.\"",
            "Name of the buyer, address of the buyer and signature",
        ] {
            assert_eq!(prose_sentences(text), None, "{text}");
        }
    }

    #[test]
    fn a_request_is_read_in_the_last_sentence_of_an_announcement_ending_in_a_colon() {
        for text in [
            "We welcome feedback! Here's how you can provide feedback:",
            "Veuillez nous fournir :",
            "Für eine Reklamation geben Sie bitte an:",
            "لطفاً موارد زیر را ارائه دهید:",
            // Things to be handed in, as an obligation.
            "Nachstehende Unterlagen sind einzureichen:",
            "Die folgenden Nachweise sind vorzulegen:",
        ] {
            assert!(asks_for_things(text), "{text}");
        }
        for text in [
            "Please provide feedback. The following applies:",
            "The terms are set out below (including the privacy policy).",
            "Here is an overview:",
            "Nachstehende Unterlagen liegen vor:",
        ] {
            assert!(!asks_for_things(text), "{text}");
        }
    }

    #[test]
    fn a_sentence_ending_in_a_full_stop_may_announce_the_sections_after_it() {
        let text = "Using the site means accepting the terms and conditions set out below.";
        assert!(!lost_before(text, None, true, &[(2, "Scope")], 2));
        assert!(lost(&intro(text, NextBlock::End, "")));
    }
}
