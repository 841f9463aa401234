//! Where compliance evidence is looked for, and when a keyword counts.
//!
//! Evidence is read from the sentences of the clauses a reader reads: each clause's prose,
//! tables of contents left out (the policy model removes them from the prose), code blocks and
//! front matter never included. A heading is never evidence: it names what its clause is about
//! ("Human decisions" above "Automated tools help us sort complaints." says nothing about who
//! decides). It may only mark the topic a period or a list of mediators is stated under.
//!
//! A keyword counts only with the polarity the requirement wants. A mention is negated by a
//! negation a few words before it in the same clause of the sentence ("not free of charge",
//! "sans intervention humaine"), carried over coordination ("no body or mediator is
//! competent"), or by a negated predicate right after it ("human review is not available",
//! "eine menschliche Überprüfung findet nicht statt"). A clause of exception opened by
//! "without" after a comma is read with the clause before it, whose negation governs it ("Keine
//! Beschwerde wird abgelehnt, ohne dass ein Mitarbeiter sie geprüft hat": two negations, a
//! person affirmed; in Persian, the verb after the comma that ends a clause of `بدون`). A
//! pattern written `~solely` is met only by a negated mention ("not solely", "nicht
//! ausschließlich", "صرفاً … نمی‌شوند"; `~without a person`: "never … without a person").
//!
//! A requirement can also name contrary statements: an affirmed, unconditional sentence such
//! as "decided solely by automated means" or "we may change these terms without notice"
//! outweighs any evidence elsewhere. A condition the contrary statement itself names ("reviewed
//! by staff only when our software cannot decide") is part of what it says, and a period
//! stated beside it does not outweigh it when the contrary is offered as the alternative ("30
//! days' notice, or without notice at our discretion").

use std::borrow::{Borrow, Cow};
use std::sync::LazyLock;

use regex::Regex;

use super::{searchable, searchable_mapped};
use crate::prose::find_periods;
use davar_policy::model::{Clause, PolicyVersion};

/// One part of a version a reader reads (the preamble or a clause), lowercased, digits as ASCII,
/// with the text as written for quoting.
#[derive(Debug, Clone)]
pub struct Part {
    /// The clause's heading (empty for the preamble).
    pub heading: String,
    /// The clause's own text.
    pub prose: String,
    /// The clause's own text as written (the lines of a sentence joined), which `prose` reads.
    written: String,
    /// The byte offset in `written` of every byte of `prose`, and of its end.
    offsets: Vec<usize>,
}

impl Part {
    /// A part from its heading and its text as written.
    pub fn new(heading: &str, written: &str) -> Part {
        let (prose, offsets) = searchable_mapped(written);
        Part {
            heading: searchable(heading),
            prose,
            written: written.to_string(),
            offsets,
        }
    }

    /// The heading and the prose as one text.
    pub fn whole(&self) -> String {
        format!("{}\n{}", self.heading, self.prose)
    }

    /// The text as written that `span`, a slice of [`Part::prose`], reads: a quotation keeps
    /// the case and the digits of the source.
    fn written_of<'a>(&'a self, span: &'a str) -> &'a str {
        let start = (span.as_ptr() as usize).wrapping_sub(self.prose.as_ptr() as usize);
        let end = start.wrapping_add(span.len());
        match (self.offsets.get(start), self.offsets.get(end)) {
            (Some(&from), Some(&to)) if end <= self.prose.len() => &self.written[from..to],
            // Not a slice of this part's prose: quote it as read.
            _ => span,
        }
    }
}

/// The parts of `version` a reader reads: the preamble, then each clause.
pub fn parts(version: &PolicyVersion) -> Vec<Part> {
    version
        .preamble
        .iter()
        .chain(&version.clauses)
        .map(|c: &Clause| Part::new(&c.heading, &unwrap_lines(&c.prose)))
        .collect()
}

/// `text` with the line breaks inside a sentence made spaces: a line that ends without
/// punctuation and is followed by one starting in lower case continues it (text captured from
/// a PDF makes every printed line a paragraph: "may terminate this Agreement with immediate
/// effect upon written notice to you should any governmental" / "entity require that …").
pub(super) fn unwrap_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let Some(next) = lines.peek() else { break };
        let open = line
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | ';' | '؟' | '؛'));
        let continued = next
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        out.push(if open && continued { ' ' } else { '\n' });
    }
    out
}

/// A French word without the elided preposition or conjunction before it: `d'aucun` and
/// `qu'aucune` are `aucun` and `aucune` ("nous ne disposons d'aucun système").
fn unelided(word: &str) -> &str {
    word.strip_prefix("d'")
        .or_else(|| word.strip_prefix("qu'"))
        .unwrap_or(word)
}

/// Words that negate what follows them in the same clause of a sentence, per language.
fn negation_before(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(
            word,
            "not"
                | "no"
                | "never"
                | "cannot"
                | "can't"
                | "isn't"
                | "aren't"
                | "won't"
                | "don't"
                | "doesn't"
                | "neither"
                | "nor"
                | "without"
                | "none"
        ),
        "fr" => {
            matches!(
                unelided(word),
                "ne" | "pas"
                    | "jamais"
                    | "aucun"
                    | "aucune"
                    | "aucuns"
                    | "aucunes"
                    | "nul"
                    | "nulle"
                    | "ni"
                    | "non"
                    | "nullement"
                    | "sans"
            ) || word.starts_with("n'")
        }
        "de" => german_none(word) || matches!(word, "nicht" | "weder" | "ohne"),
        _ => false,
    }
}

/// The German `kein` in each of its forms, `nie` and `niemals`.
fn german_none(word: &str) -> bool {
    matches!(
        word,
        "kein" | "keine" | "keinen" | "keiner" | "keinem" | "keines" | "nie" | "niemals"
    )
}

/// Negating determiners and pronouns that, opening a clause, negate all of it.
fn opening_negation(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(word, "no" | "none" | "neither" | "never" | "nobody"),
        "fr" => matches!(
            unelided(word),
            "aucun" | "aucune" | "aucuns" | "aucunes" | "nul" | "nulle" | "jamais" | "personne"
        ),
        "de" => german_none(word) || word == "niemand",
        _ => false,
    }
}

/// Persian negates the verb, which ends the clause: a negated verb (`نمی‌شود`, `نیست`,
/// `نخواهد`) anywhere in the clause (up to a full stop or a Persian comma) negates it.
fn persian_negation(word: &str) -> bool {
    word.starts_with("نمی")
        || word.starts_with("ندار")
        || word.starts_with("نیست")
        || word.starts_with("نخواه")
        || word.starts_with("نشده")
        || matches!(word, "نه" | "هرگز" | "ندارد" | "ندارند")
}

/// Words that join alternatives: a negation before the first also covers the next ("no body
/// or mediator", "ni médiateur ni arbitre", "keine Stelle oder Schlichtung").
fn coordinator(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(word, "or" | "nor"),
        "fr" => matches!(word, "ou" | "ni"),
        "de" => matches!(word, "oder" | "noch" | "bzw"),
        _ => false,
    }
}

/// Words that start another clause of the sentence: a negation does not reach across them.
fn clause_start(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(
            word,
            "and"
                | "but"
                | "however"
                | "unless"
                | "except"
                | "if"
                | "when"
                | "where"
                | "which"
                | "who"
                | "although"
                | "though"
                | "while"
                | "whereas"
                | "because"
                | "so"
                | "yet"
                | "instead"
        ),
        "fr" => matches!(
            word,
            "et" | "mais"
                | "cependant"
                | "toutefois"
                | "sauf"
                | "si"
                | "lorsque"
                | "lorsqu"
                | "quand"
                | "qui"
                | "car"
                | "sinon"
        ),
        "de" => matches!(
            word,
            "und" | "aber" | "sondern" | "jedoch" | "doch" | "außer" | "wenn" | "falls" | "weil"
        ),
        _ => false,
    }
}

/// Words after a keyword that deny it ("review is not available", "findet nicht statt",
/// "n'est pas"); French `pas`, `plus`, `jamais` only after `ne`.
fn negation_after(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(
            word,
            "not"
                | "never"
                | "cannot"
                | "can't"
                | "isn't"
                | "aren't"
                | "won't"
                | "don't"
                | "doesn't"
                | "unavailable"
                | "excluded"
        ),
        "fr" => matches!(word, "exclu" | "exclue" | "exclus" | "exclues"),
        "de" => matches!(
            word,
            "nicht" | "nie" | "niemals" | "ausgeschlossen" | "entfällt"
        ),
        _ => false,
    }
}

/// Words after a negation that limit rather than deny ("not only", "not mandatory").
fn qualifier(word: &str) -> bool {
    matches!(
        word,
        "only"
            | "just"
            | "mandatory"
            | "compulsory"
            | "obligatory"
            | "required"
            | "necessary"
            | "binding"
            | "final"
            | "seulement"
            | "uniquement"
            | "obligatoire"
            | "obligatoires"
            | "nécessaire"
            | "définitive"
            | "nur"
            | "verpflichtend"
            | "zwingend"
            | "erforderlich"
            | "notwendig"
            | "bindend"
            | "endgültig"
            | "solely"
            | "exclusively"
            | "alone"
            | "exclusivement"
            | "ausschließlich"
            | "allein"
    )
}

/// How many words before a keyword a negation still applies to it.
const WINDOW: usize = 6;

/// How many words after a keyword a denying predicate is looked for.
const AFTER: usize = 4;

/// The byte offset just past the last character of `text` that is a `boundary`, or 0.
fn after_last(text: &str, boundary: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|(_, c)| boundary(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Characters that end a clause of a sentence.
fn clause_boundary(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ':' | '\n' | '؛' | '،' | ',' | '؟'
    )
}

/// The words of `text` (letters, digits and apostrophes; `’` read as `'`).
fn words(text: &str) -> impl DoubleEndedIterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.contains('’') {
                Cow::Owned(w.replace('’', "'"))
            } else {
                Cow::Borrowed(w)
            }
        })
}

/// Whether the mention of a keyword at `start..end` of `text` is negated: by an odd number of
/// negations, since two in the same clause cancel ("no decision is taken without human
/// review" affirms human review, "aucune décision n'est prise sans intervention humaine",
/// "keine Entscheidung ohne menschliche Prüfung", "هیچ تصمیمی بدون بررسی انسانی گرفته
/// نمی‌شود").
pub fn negated(text: &str, lang: &str, start: usize, end: usize) -> bool {
    if lang == "fa" {
        return persian_negations(text, start, end) % 2 == 1;
    }
    (negations_before(text, lang, start) + usize::from(negated_after(text, lang, end))) % 2 == 1
}

/// Whether the mention at `start` of `text` is negated by what comes before it only (a
/// Persian verb ends its clause, so there the whole clause counts).
pub fn negated_before(text: &str, lang: &str, start: usize, end: usize) -> bool {
    if lang == "fa" {
        return persian_negations(text, start, end) % 2 == 1;
    }
    negations_before(text, lang, start) % 2 == 1
}

/// Persian negates the verb, which ends the clause (`هیچ` … `نمی‌شود` is one negation), and
/// `بدون` ("without") the few words after it.
fn persian_negations(text: &str, start: usize, end: usize) -> usize {
    let stops = ['.', '!', '?', '\n', '؛', '،', '؟'];
    let from = after_last(&text[..start], |c| stops.contains(&c));
    let to = text[end..].find(stops).map_or(text.len(), |i| end + i);
    let split = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphabetic() && c != '\u{200C}')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let before = split(&text[from..start]);
    let after = split(&text[end..to]);
    // The mention's own verb: the first verb after it, or a verb before it with no other verb
    // or conjunction between (a modal: `نمی‌توانند صرفاً خودکار باشند`). Another clause's
    // verb does not count: `… گرفته نمی‌شود و هر تصمیم را یک کارشناس می‌گیرد` affirms the
    // expert.
    let verb_after = after
        .iter()
        .find(|w| persian_verb(w))
        .is_some_and(|w| persian_negation(w));
    let verb_before = before
        .iter()
        .rev()
        .find(|w| persian_verb(w) || PERSIAN_CONJUNCTIONS.contains(&w.as_str()))
        .is_some_and(|w| persian_negation(w));
    // `هیچ` ("no", "none") goes with the negated verb of its clause: with it, one negation,
    // also when the verb is not one read above, and none when the mention holds the verb
    // (`شکایت … پذیرفته نمی`). Only the mention's own clause counts, up to a verb or a
    // conjunction either side.
    let in_clause = |w: &String| !persian_verb(w) && !PERSIAN_CONJUNCTIONS.contains(&w.as_str());
    let none = before
        .iter()
        .rev()
        .take_while(|w| in_clause(w))
        .chain(after.iter().take_while(|w| in_clause(w)))
        .any(|w| w.starts_with("هیچ"))
        && !split(&text[start..end]).iter().any(|w| persian_negation(w));
    let without = before.iter().rev().take(3).any(|w| w == "بدون");
    // A clause of `بدون` ending in a Persian comma has a verb of its own (`بدون اینکه کارشناس
    // آن را بررسی کند، رد نمی‌شود`): the verb it depends on is the first of the clause after
    // the comma.
    let governed = without || text[start..end].starts_with("بدون");
    let main_after = governed && text[to..].starts_with('،') && {
        let rest = &text[to + '،'.len_utf8()..];
        let stop = rest.find(stops).unwrap_or(rest.len());
        split(&rest[..stop])
            .iter()
            .find(|w| persian_verb(w))
            .is_some_and(|w| persian_negation(w))
    };
    usize::from(verb_after || verb_before || main_after || none) + usize::from(without)
}

/// Conjunctions that start another clause of a Persian sentence.
const PERSIAN_CONJUNCTIONS: &[&str] = &["و", "اما", "ولی", "که", "تا", "زیرا", "چون", "لیکن"];

/// Whether `word` is a finite Persian verb: negated, with the prefix `می`, or a common form
/// of `است`, `بودن`, `شدن`, `کردن`, `داشتن`, `گرفتن`, `گشتن`.
fn persian_verb(word: &str) -> bool {
    persian_negation(word)
        || word.starts_with("می\u{200C}")
        || matches!(
            word,
            "است"
                | "هست"
                | "هستند"
                | "بود"
                | "بودند"
                | "باشد"
                | "باشند"
                | "شد"
                | "شدند"
                | "شود"
                | "شوند"
                | "کرد"
                | "کند"
                | "کنند"
                | "دارد"
                | "دارند"
                | "گیرد"
                | "گیرند"
                | "گردد"
                | "گردند"
        )
}

/// French words that complete `ne` ("ne … pas", "n'… aucun", "aucune … n'est"): with a `ne`
/// they make one negation.
fn french_complement(word: &str) -> bool {
    matches!(
        unelided(word),
        "pas"
            | "plus"
            | "jamais"
            | "rien"
            | "aucun"
            | "aucune"
            | "aucuns"
            | "aucunes"
            | "nullement"
            | "nul"
            | "nulle"
            | "guère"
            | "point"
    )
}

/// The words of the clause that holds `start`, from the clause's start up to `start`.
fn clause_words_before<'a>(text: &'a str, lang: &str, start: usize) -> Vec<Cow<'a, str>> {
    let from = clause_from(text, lang, start);
    let mut all: Vec<Cow<str>> = words(&text[from..start]).collect();
    let begin = all
        .iter()
        .rposition(|w| clause_start(lang, w))
        .map_or(0, |i| i + 1);
    all.drain(..begin);
    all
}

/// How many negations before the mention at `start` apply to it: the nearest within
/// [`WINDOW`] words of it (further after a coordinator: "no body or mediator"), each further
/// one within [`WINDOW`] words of the one after it, all in the same clause of the sentence.
fn negations_before(text: &str, lang: &str, start: usize) -> usize {
    let clause = clause_words_before(text, lang, start);
    let mut budget = WINDOW;
    let mut reach = clause.len();
    for (i, w) in clause.iter().enumerate().rev() {
        if budget == 0 {
            break;
        }
        reach = i;
        budget -= 1;
        if negation_before(lang, w) || (lang == "fr" && french_complement(w)) {
            budget = WINDOW;
        }
        if coordinator(lang, w) {
            budget += 2 * WINDOW;
        }
    }
    // A negating determiner that opens the clause ("no decision on a complaint is taken …",
    // "aucune décision sur une réclamation n'est prise …", "keine Entscheidung über eine
    // Beschwerde ergeht …") negates what the whole clause says, however far.
    if reach > 0 && clause.first().is_some_and(|w| opening_negation(lang, w)) {
        reach = 0;
    }
    let scope = &clause[reach..];
    if !scope
        .iter()
        .any(|w| negation_before(lang, w) || (lang == "fr" && french_complement(w)))
    {
        return 0;
    }
    if lang == "fr" {
        return french_negations(scope);
    }
    let mut count = 0;
    for w in scope {
        // "neither … nor", "no … nor": one negation.
        if negation_before(lang, w) && !(w == "nor" && count > 0) {
            count += 1;
        }
    }
    count
}

/// Words that open a clause of exception governed by the clause before it: "without",
/// "sans", "ohne" ("Keine Beschwerde wird abgelehnt, ohne dass ein Mitarbeiter sie geprüft
/// hat": the `keine` of the main clause reaches across the comma).
fn opens_exception(lang: &str, word: &str) -> bool {
    match lang {
        "en" => word == "without",
        "fr" => word == "sans",
        "de" => word == "ohne",
        _ => false,
    }
}

/// Where the clause of the mention at `start` begins: after the last clause boundary before
/// it, or, when that boundary is a comma and the clause opens with "without" (`ohne`,
/// `sans`), at the start of the clause before the comma, whose negation governs it.
fn clause_from(text: &str, lang: &str, start: usize) -> usize {
    let from = after_last(&text[..start], clause_boundary);
    let opens = words(&text[from..])
        .next()
        .is_some_and(|w| opens_exception(lang, &w));
    match text[..from].strip_suffix(',') {
        Some(before) if opens => after_last(before, clause_boundary),
        _ => from,
    }
}

/// French negations among `words`: `ne … pas` and `aucun … ne` are one, `sans aucun` is one,
/// the `ne` after `sans que` is no negation, `ne … que` restricts rather than denies ("n'entrent
/// en vigueur qu'après 15 jours"), and `ni … ni` is one.
fn french_negations(words: &[Cow<str>]) -> usize {
    let mut count = 0;
    // A counted `ne` with no complement yet, which a `que` makes a restriction.
    let mut bare_ne = false;
    // A `ne` waiting for its complement, or a complement waiting for its `ne`.
    let mut open_ne = false;
    let mut open_complement = false;
    let mut sans_at: Option<usize> = None;
    let mut ni = false;
    for (i, w) in words.iter().enumerate() {
        let ne = w == "ne" || w.starts_with("n'");
        if w == "sans" {
            count += 1;
            sans_at = Some(i);
        } else if ne {
            let expletive = sans_at.is_some_and(|s| {
                i - s <= 4
                    && words[s + 1..i]
                        .iter()
                        .any(|q| q == "que" || q.starts_with("qu'"))
            });
            if expletive {
                continue;
            }
            if open_complement {
                open_complement = false;
            } else if !open_ne {
                count += 1;
                open_ne = true;
                bare_ne = true;
            }
        } else if bare_ne && (w == "que" || w.starts_with("qu'")) {
            count -= 1;
            open_ne = false;
            bare_ne = false;
        } else if french_complement(w) {
            let after_sans = sans_at == Some(i.wrapping_sub(1));
            if after_sans || open_ne {
                bare_ne = false;
                continue;
            }
            count += 1;
            open_complement = true;
        } else if w == "ni" {
            if !ni && !open_ne && !open_complement {
                count += 1;
            }
            ni = true;
        } else if matches!(w.as_ref(), "non" | "nullement") {
            count += 1;
        }
    }
    count
}

fn negated_after(text: &str, lang: &str, end: usize) -> bool {
    let rest = &text[end..];
    // The rest of the word the keyword starts (`automat` in `automated`).
    let skip = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let rest = &rest[skip..];
    let to = rest.find(clause_boundary).unwrap_or(rest.len());
    let after: Vec<Cow<str>> = words(&rest[..to]).take(AFTER + 1).collect();
    let mut ne = false;
    for (i, w) in after.iter().enumerate().take(AFTER) {
        if clause_start(lang, w) || coordinator(lang, w) {
            return false;
        }
        // "not only", "do not decide solely on …": a limit, not a denial.
        let limited = after.iter().skip(i + 1).take(2).any(|next| qualifier(next));
        if lang == "fr" && (w == "ne" || w.starts_with("n'")) {
            ne = true;
            if w.starts_with("n'") && w.len() > 2 {
                continue;
            }
        }
        let denies = negation_after(lang, w)
            || (lang == "fr" && ne && matches!(w.as_ref(), "pas" | "plus" | "jamais"))
            || (lang == "en" && w == "no" && after.get(i + 1).is_some_and(|n| n == "longer"));
        if denies && !limited {
            return true;
        }
    }
    false
}

/// Whether `pattern` is mentioned in `text` with the polarity it asks for: affirmed, or
/// negated when the pattern starts with `~`; either way when it starts with `*` (a topic
/// word such as "automated", whose negation does not deny the requirement).
pub fn mentioned<R: Borrow<Regex>>(
    text: &str,
    lang: &str,
    pattern: &str,
    compile: impl Fn(&str) -> R,
) -> bool {
    let (want, pattern) = polarity(pattern);
    compile(pattern)
        .borrow()
        .find_iter(text)
        .any(|m| want.is_none_or(|w| negated(text, lang, m.start(), m.end()) == w))
}

/// The polarity a pattern asks for (`Some(true)`: negated; `None`: either) and its regex.
pub fn polarity(pattern: &str) -> (Option<bool>, &str) {
    if let Some(rest) = pattern.strip_prefix('~') {
        (Some(true), rest)
    } else if let Some(rest) = pattern.strip_prefix('*') {
        (None, rest)
    } else {
        (Some(false), pattern)
    }
}

/// Whether every group is mentioned in the prose of some part (headings are not evidence).
pub fn keywords_met<R: Borrow<Regex>>(
    parts: &[Part],
    lang: &str,
    groups: &[&str],
    compile: impl Fn(&str) -> R + Copy,
) -> bool {
    groups.iter().all(|g| {
        parts
            .iter()
            .any(|part| mentioned(&part.prose, lang, g, compile))
    })
}

/// The sentences of `text`: a full stop ends one before white space or at the end, not inside
/// a number or an address (`Section 8.3`).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = match c {
            '\n' => true,
            '.' | '!' | '?' | '؟' => text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace),
            _ => false,
        };
        if end {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out.retain(|s| !s.trim().is_empty());
    out
}

/// The clauses of a sentence joined by `;`, each with whether a condition of its own governs
/// it and whether, as an item of an enumeration (`(ii) …`, `b) …`), the condition of the
/// sentence's lead-in does ("If an event of default occurs, we may: (i) suspend …; (ii) terminate with
/// immediate effect").
fn clauses_with_conditions<'a>(lang: &str, sentence: &'a str) -> Vec<(&'a str, bool, bool)> {
    let chunks: Vec<&str> = sentence
        .split([';', '؛'])
        .filter(|c| !c.trim().is_empty())
        .collect();
    let conditions: Vec<bool> = chunks.iter().map(|c| conditional(lang, c)).collect();
    let lead = conditions.first().copied().unwrap_or(false);
    chunks
        .iter()
        .zip(conditions)
        .enumerate()
        .map(|(i, (c, own))| (*c, own, i > 0 && lead && enumerated(c)))
        .collect()
}

/// Whether a clause starts with an enumeration mark: `(ii)`, `b)`, `(3)`, after an optional
/// `and`/`or`.
fn enumerated(clause: &str) -> bool {
    let mut rest = clause.trim_start();
    for joiner in ["and/or ", "and ", "or ", "et ", "ou ", "und ", "oder "] {
        if let Some(r) = rest.strip_prefix(joiner) {
            rest = r.trim_start();
            break;
        }
    }
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let Some(close) = rest.find(')') else {
        return false;
    };
    let mark = &rest[..close];
    !mark.is_empty()
        && mark.len() <= 4
        && (mark.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            || mark.chars().all(|c| c.is_ascii_digit())
            || (mark.len() == 1 && mark.chars().all(|c| c.is_ascii_lowercase())))
}

/// Words that make a sentence conditional, per language: conjunctions ("if", "unless",
/// "sauf", "falls"), "in case of", a preposition before the cases it applies to ("in any of
/// the following events", "dans les cas suivants", "in folgenden Fällen"), and an inverted
/// "should" ("should you breach these terms", "sollte der Verkäufer …").
fn conditional(lang: &str, sentence: &str) -> bool {
    let words: Vec<Cow<str>> = words(sentence).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    // A preposition followed within four words by a word naming cases.
    let cases = |prep: &str, nouns: &[&str]| {
        words.iter().enumerate().any(|(i, w)| {
            w == prep
                && words[i + 1..]
                    .iter()
                    .take(4)
                    .any(|n| nouns.contains(&n.as_ref()))
        })
    };
    match lang {
        "en" => {
            ["if", "where", "when", "unless", "provided", "except"]
                .iter()
                .any(|w| has(w))
                || pair("in", "case")
                || cases(
                    "in",
                    &["event", "events", "circumstances", "cases", "situations"],
                )
                // `upon transfer`, `upon the occurrence of`: an event; `upon notice`: a manner.
                || words.iter().enumerate().any(|(i, w)| {
                    let manner = |w: Option<&Cow<str>>| {
                        w.is_some_and(|w| {
                            matches!(
                                w.as_ref(),
                                "notice" | "written" | "prior" | "notification" | "giving"
                                    | "sending" | "receipt" | "request" | "demand" | "our"
                                    | "your" | "its" | "at" | "not" | "no"
                            )
                        })
                    };
                    let next = words.get(i + 1);
                    let article =
                        next.is_some_and(|n| matches!(n.as_ref(), "the" | "a" | "such" | "any"));
                    w == "upon"
                        && next.is_some()
                        && !manner(next)
                        && !(article && manner(words.get(i + 2)))
                })
                // `should` before its subject is a condition; before a verb, advice.
                || words.windows(2).any(|p| {
                    p[0] == "should"
                        && matches!(
                            p[1].as_ref(),
                            "you" | "we" | "the" | "a" | "an" | "any" | "there" | "such" | "it"
                                | "either" | "your" | "they" | "this" | "that"
                        )
                })
        }
        "fr" => {
            ["si", "s'il", "s'ils", "lorsque", "sauf", "quand"]
                .iter()
                .any(|w| has(w))
                || words.iter().any(|w| w.starts_with("lorsqu'"))
                || pair("en", "cas")
                || cases(
                    "dans",
                    &["cas", "hypothèses", "circonstances", "situations"],
                )
        }
        "de" => {
            ["wenn", "falls", "sofern", "soweit", "außer", "ausser"]
                .iter()
                .any(|w| has(w))
                || pair("im", "fall")
                || pair("im", "falle")
                || cases("in", &["fällen", "fall", "falle"])
                || words
                    .first()
                    .is_some_and(|w| w == "sollte" || w == "sollten")
        }
        "fa" => ["اگر", "چنانچه", "مگر"].iter().any(|w| has(w)) || sentence.contains("در صورت"),
        _ => false,
    }
}

/// Who or what a decision is taken against, per language (a stem and the endings it takes):
/// a restrictive clause or a participle after one of them says whose conduct the decision
/// answers ("the account of a seller who sells counterfeit goods").
const PARTIES: &[(&str, &[&str], &[&str])] = &[
    (
        "en",
        &[
            "seller", "merchant", "vendor", "trader", "partner", "user", "account", "shop",
            "store", "business", "listing", "offer", "member",
        ],
        &["", "s", "'s", "s'"],
    ),
    (
        "fr",
        &[
            "vendeur",
            "vendeuse",
            "marchand",
            "partenaire",
            "utilisateur",
            "compte",
            "boutique",
            "offre",
            "annonce",
            "membre",
            "professionnel",
        ],
        &["", "s"],
    ),
    (
        "de",
        &[
            "verkäufer",
            "händler",
            "anbieter",
            "partner",
            "nutzer",
            "konto",
            "konten",
            "shop",
            "angebot",
            "mitglied",
            "unternehmer",
        ],
        &["", "s", "n", "en", "e", "es", "in", "innen"],
    ),
    ("fa", &["فروشنده", "حساب", "کاربر", "فروشگاه", "کالا"], &[]),
];

/// Words that open a restrictive clause or a participle after a party: "a seller who …",
/// "sellers found to …", "un vendeur qui …", "des comptes ayant …", "فروشنده‌ای که …". German
/// opens it with a comma and a relative pronoun ("eines Verkäufers, der …").
fn restricts(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(
            word,
            "who"
                | "whose"
                | "that"
                | "found"
                | "suspected"
                | "reported"
                | "shown"
                | "deemed"
                | "identified"
                | "caught"
                | "proven"
                | "determined"
                | "believed"
                | "involved"
                | "engaged"
                | "engaging"
                | "selling"
                | "offering"
                | "violating"
                | "breaching"
                | "infringing"
                | "failing"
                | "repeatedly"
        ),
        "fr" => {
            matches!(
                word,
                "qui" | "dont" | "ayant" | "coupable" | "coupables" | "impliqué" | "impliqués"
            ) || word.starts_with("qu'")
                || word.starts_with("soupçonné")
                || word.starts_with("reconnu")
                || word.starts_with("convaincu")
        }
        "de" => matches!(
            word,
            "der"
                | "die"
                | "das"
                | "dessen"
                | "deren"
                | "denen"
                | "welcher"
                | "welche"
                | "welches"
                | "welchem"
                | "welchen"
        ),
        "fa" => word == "که",
        _ => false,
    }
}

/// Prepositions that give the cause of a decision ("because of", "en raison de", "wegen",
/// "به دلیل"), each as its words; `for` and `pour` only before a word that can start a cause
/// (not "for any reason", "for 30 days", "for convenience", "pour une durée").
const CAUSES: &[(&str, &[&[&str]])] = &[
    (
        "en",
        &[
            &["because", "of"],
            &["due", "to"],
            &["owing", "to"],
            &["on", "account", "of"],
            &["as", "a", "result", "of"],
            &["by", "reason", "of"],
            &["for"],
        ],
    ),
    (
        "fr",
        &[
            &["en", "raison"],
            &["pour", "cause"],
            &["du", "fait"],
            &["à", "cause"],
            &["pour"],
        ],
    ),
    (
        "de",
        &[&["wegen"], &["aufgrund"], &["auf", "grund"], &["infolge"]],
    ),
    (
        "fa",
        &[
            &["به", "دلیل"],
            &["به", "علت"],
            &["به", "سبب"],
            &["به", "خاطر"],
            &["در", "پی"],
        ],
    ),
];

/// Words after a cause preposition that start no cause: determiners of a length of time, a
/// person or any reason ("for a period", "for you", "for any reason", "pour quelque raison"),
/// numbers, and "convenience" ("termination for convenience" needs no grounds).
fn no_cause(lang: &str, word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || any_ground(lang, word)
        || match lang {
            "en" => matches!(
                word,
                "a" | "an"
                    | "the"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "such"
                    | "all"
                    | "some"
                    | "each"
                    | "every"
                    | "either"
                    | "both"
                    | "your"
                    | "our"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "you"
                    | "us"
                    | "them"
                    | "it"
                    | "him"
                    | "me"
                    | "convenience"
                    | "example"
                    | "instance"
                    | "up"
                    | "at"
                    | "more"
                    | "less"
                    | "longer"
                    | "as"
                    | "so"
                    | "good"
                    | "ever"
                    | "now"
                    | "free"
                    | "sale"
                    | "one"
                    | "two"
                    | "three"
                    | "several"
                    | "many"
                    | "few"
                    | "period"
                    | "periods"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "hours"
                    | "time"
                    | "which"
                    | "whom"
                    | "what"
                    | "purposes"
            ),
            "fr" => {
                matches!(
                    word,
                    "un" | "une"
                        | "la"
                        | "le"
                        | "les"
                        | "des"
                        | "du"
                        | "de"
                        | "toute"
                        | "toutes"
                        | "tout"
                        | "tous"
                        | "vous"
                        | "nous"
                        | "lui"
                        | "eux"
                        | "elle"
                        | "elles"
                        | "cela"
                        | "ce"
                        | "cet"
                        | "cette"
                        | "ces"
                        | "votre"
                        | "vos"
                        | "notre"
                        | "nos"
                        | "son"
                        | "sa"
                        | "ses"
                        | "leur"
                        | "leurs"
                        | "convenance"
                        | "autant"
                        | "ainsi"
                        | "quoi"
                        | "chaque"
                ) || word.starts_with("l'")
                    || word.starts_with("d'")
            }
            _ => false,
        }
}

/// Whether `sentence` names whom a decision is taken against by their conduct or gives its
/// cause: a party followed by a restrictive clause or a participle ("we may suspend the
/// account of a seller who sells counterfeit goods", "sellers found to …", "le compte d'un
/// vendeur qui vend …", "das Konto eines Verkäufers, der …", "حساب فروشنده‌ای که …"), or a
/// preposition of cause ("for repeated late shipments", "en raison de …", "wegen …", "به
/// دلیل …"; "for any reason", "for 30 days" and "for convenience" give none).
fn grounded(lang: &str, sentence: &str) -> bool {
    // Each word with where it starts and ends in `sentence` (`’` is read as `'`).
    let all: Vec<(usize, usize, Cow<str>)> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '\u{200C}')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let at = w.as_ptr() as usize - sentence.as_ptr() as usize;
            let end = at + w.len();
            let w = if w.contains('’') {
                Cow::Owned(w.replace('’', "'"))
            } else {
                Cow::Borrowed(w)
            };
            (at, end, w)
        })
        .collect();
    let party = |w: &str| {
        PARTIES
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .any(|(_, stems, endings)| {
                stems.iter().any(|stem| {
                    // Persian attaches its suffixes (`فروشنده‌ای`); the others end in one of
                    // the endings.
                    w.strip_prefix(stem)
                        .is_some_and(|rest| endings.is_empty() || endings.contains(&rest))
                })
            })
    };
    // `that` after a noun opens a relative clause when a verb follows it ("accounts that
    // violate"), a reported statement when its subject does ("tell the seller that we …").
    let subject = |w: Option<&(usize, usize, Cow<str>)>| {
        w.is_some_and(|(_, _, w)| {
            matches!(
                w.as_ref(),
                "we" | "you"
                    | "they"
                    | "he"
                    | "she"
                    | "it"
                    | "the"
                    | "a"
                    | "an"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "our"
                    | "your"
                    | "this"
                    | "these"
                    | "such"
            )
        })
    };
    let restricted = all
        .iter()
        .enumerate()
        .skip(1)
        .any(|(i, (next_at, _, next))| {
            let (_, end, ref noun) = all[i - 1];
            let next_at = *next_at;
            if next == "that" && subject(all.get(i + 1)) {
                return false;
            }
            let between = &sentence[end..next_at];
            let comma = between.trim() == ",";
            // German may put the relative clause after the verb ("das Konto eines Verkäufers
            // sperren, der …"): then a pronoun that is no article in a list ("sperren, die
            // Angebote entfernen") opens it, after a party named before.
            let extraposed = lang == "de"
                && comma
                && !matches!(next.as_ref(), "die" | "das")
                && all[..i].iter().any(|(_, _, w)| party(w));
            restricts(lang, next)
                && (extraposed
                    || party(noun)
                        && match lang {
                            // A German relative clause follows its comma; without one `die` is an article.
                            "de" => comma,
                            // An English clause after a comma adds to the noun rather than restricting it.
                            "en" => between.trim().is_empty(),
                            _ => between.trim().is_empty() || comma,
                        })
        });
    let words: Vec<&str> = all.iter().map(|(_, _, w)| w.as_ref()).collect();
    let caused = CAUSES
        .iter()
        .filter(|(l, _)| *l == lang)
        .flat_map(|(_, phrases)| phrases.iter())
        .any(|phrase| {
            words
                .windows(phrase.len() + 1)
                .any(|w| w[..phrase.len()] == **phrase && !no_cause(lang, w[phrase.len()]))
        });
    restricted || caused
}

/// Words before a topic word that make it a point in time ("after the termination", "upon
/// termination", "nach Beendigung", "après la résiliation"): what happens then is not done to
/// the topic ("after the termination … we may delete the account without notice").
fn temporal(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(
            word,
            "after" | "upon" | "following" | "on" | "before" | "until" | "since" | "post"
        ),
        "fr" => matches!(
            word,
            "après" | "suite" | "lors" | "issue" | "dès" | "avant" | "jusqu'à" | "jusqu'au"
        ),
        "de" => matches!(word, "nach" | "bei" | "vor" | "seit" | "bis" | "ab" | "mit"),
        _ => false,
    }
}

/// Words that may stand between a temporal preposition and its topic word ("after the
/// expiry or termination of", "nach der Beendigung").
fn determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "its"
            | "this"
            | "such"
            | "any"
            | "your"
            | "our"
            | "expiry"
            | "expiration"
            | "or"
            | "and"
            | "of"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "de"
            | "du"
            | "à"
            | "sa"
            | "son"
            | "cette"
            | "ce"
            | "der"
            | "die"
            | "das"
            | "dem"
            | "den"
            | "des"
            | "einer"
            | "eines"
            | "ablauf"
    )
}

/// Whether the mention at `start` of `sentence` names a point in time: a temporal preposition
/// followed only by determiners up to it.
fn point_in_time(sentence: &str, lang: &str, start: usize) -> bool {
    for w in words(&sentence[..start]).rev().take(5) {
        if temporal(lang, &w) || w.strip_prefix("l'").is_some_and(|w| temporal(lang, w)) {
            return true;
        }
        if !determiner(&w) && !w.starts_with("l'") {
            return false;
        }
    }
    false
}

/// A statement that says the opposite of a requirement, in one language.
pub struct Contrary<'a> {
    /// What the sentence affirms ("without notice", "solely by automated means"), or denies.
    pub pattern: &'a Regex,
    /// Whether the contrary is the pattern denied ("not free of charge", "no person reviews").
    pub denied: bool,
    /// What the sentence must also mention, in any polarity ("decide", "after").
    pub with: Vec<&'a Regex>,
    /// Whether the sentence must also state a length of time ("within 14 days").
    pub shorter: bool,
    /// What it must be about ("terminat"), if anything.
    pub topic: Option<&'a Regex>,
    /// Grounds that make it an exception the law allows ("for breach").
    pub excused: Option<&'a Regex>,
    /// Words that state what the requirement asks ("free of charge"): a clause affirming them
    /// grants it and is not contrary.
    pub granted: Option<&'a Regex>,
    /// The length of time the requirement asks for: a sentence stating one at least as long
    /// gives it rather than denying it.
    pub enough: Option<Length>,
}

/// A length of time a requirement asks for.
#[derive(Debug, Clone, Copy)]
pub enum Length {
    /// At least this many days.
    Days(u32),
    /// At least six calendar months.
    SixMonths,
}

impl Length {
    /// Whether `text` states a length of time at least this long.
    fn stated(self, text: &str) -> bool {
        match self {
            Length::Days(days) => find_periods(text).iter().any(|p| p.days >= days),
            Length::SixMonths => super::six_months(text),
        }
    }
}

/// Whether the prose of some part affirms the contrary statement in an unconditional sentence
/// (one that also does what the topic names, when given, not merely dates something by it):
/// "every complaint is decided solely by automated means", "we may change these terms at any
/// time without notice". A sentence that names an excused ground ("without notice in case of
/// material breach", "fristlos aus wichtigem Grund") or states the required period itself is
/// not contrary.
pub fn contradicted(parts: &[Part], lang: &str, contrary: &Contrary) -> bool {
    contradiction(parts, lang, contrary).is_some()
}

/// The first clause of a sentence that says the contrary statement (see [`contradicted`]), as
/// written.
pub fn contradiction<'p>(parts: &'p [Part], lang: &str, contrary: &Contrary) -> Option<&'p str> {
    let says = |s: &str, m: &regex::Match| {
        if contrary.denied {
            negated_before(s, lang, m.start(), m.end())
        } else {
            !negated(s, lang, m.start(), m.end())
        }
    };
    // Inside the contrary statement itself: "free of charge only for premium members" grants
    // nothing, and the "only if" of "reviewed by staff only if you pay" is what it says, not a
    // condition that excuses it.
    let inside = |s: &str, at: usize, end: usize| {
        contrary
            .pattern
            .find_iter(s)
            .any(|c| c.start() <= at && end <= c.end())
    };
    parts.iter().find_map(|part| {
        sentences(&part.prose).into_iter().find_map(|sentence| {
            if !contrary.with.iter().all(|w| w.is_match(sentence))
                || contrary.enough.is_some_and(|l| {
                    l.stated(sentence) && !alternative(sentence, lang, contrary.pattern)
                })
                || (contrary.shorter && find_periods(sentence).is_empty())
            {
                return None;
            }
            clauses_with_conditions(lang, sentence)
                .into_iter()
                .find(|&(s, own, lead)| {
                    !lead
                    && contrary.pattern.find_iter(s).any(|m| {
                        says(s, &m) && !(own && conditional(lang, &blanked(s, m.start(), m.end())))
                    })
                    && contrary.topic.is_none_or(|t| {
                        // A Persian verb negates its clause, not the topic named in it.
                        t.find_iter(s).any(|m| {
                            (lang == "fa" || !negated_before(s, lang, m.start(), m.end()))
                                && !point_in_time(s, lang, m.start())
                        })
                    })
                    // Read without negation: "without notice for breach" names its ground.
                    && contrary.excused.is_none_or(|e| !e.is_match(s))
                    && contrary.granted.is_none_or(|g| {
                        !g.find_iter(s).any(|m| {
                            !negated(s, lang, m.start(), m.end()) && !inside(s, m.start(), m.end())
                        })
                    })
                })
                .map(|(s, _, _)| part.written_of(s.trim()))
        })
    })
}

/// `text` with `start..end` made spaces.
fn blanked(text: &str, start: usize, end: usize) -> String {
    format!(
        "{}{}{}",
        &text[..start],
        " ".repeat(end - start),
        &text[end..]
    )
}

/// Words that offer an alternative: "30 days' notice, or without notice at our discretion".
fn alternative_word(lang: &str, word: &str) -> bool {
    match lang {
        "en" => word == "or",
        "fr" => word == "ou",
        "de" => word == "oder",
        "fa" => word == "یا",
        _ => false,
    }
}

/// Whether a mention of `pattern` in `sentence` is offered as an alternative to what comes
/// before it ("by giving 30 days' notice, or without notice"): the period stated beside it is
/// then no promise.
fn alternative(sentence: &str, lang: &str, pattern: &Regex) -> bool {
    pattern.find_iter(sentence).any(|m| {
        words(&sentence[..m.start()])
            .next_back()
            .is_some_and(|w| alternative_word(lang, &w))
    })
}

/// A clause that says a length of time no longer applies ("the 30 days' notice … no longer
/// applies", "gilt nicht mehr", "ne s'applique plus").
static NO_LONGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"no longer appl|(does|do|shall|will) not apply|ceases? to apply|ne s'appliquen?t? (plus|pas)|n'est plus applicable|n'est plus en vigueur|gilt nicht mehr|gelten nicht mehr|nicht mehr anwendbar|findet keine anwendung|entfällt|entfallen|دیگر اعمال نمی|اعمال نمی‌شود",
    )
    .expect("the no-longer pattern is valid")
});

/// A clause of exception that leaves the length of time to the business ("unless we decide
/// that a shorter period is appropriate", "sauf si nous estimons", "es sei denn, wir
/// entscheiden", "مگر به تشخیص ما"), or an alternative at its discretion ("or at our sole
/// discretion"): the period is no promise.
static UNDONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(unless|except\s+(where|when|if)|save\s+where|or)\b[^.;]{0,80}?\b(we\s+(decide|consider|deem|determine|think|believe|choose|elect|see\s+fit)|(our|its)\s+(sole\s+|absolute\s+|own\s+)?discretion)|\b(sauf|à\s+moins|ou)\b[^.;]{0,80}?\b(nous\s+(décidons|estimons|jugeons|considérons|choisissons)|(notre|sa)\s+(seule\s+|libre\s+|entière\s+)?(discrétion|appréciation))|\b(es\s+sei\s+denn|außer|ausser|sofern\s+nicht|soweit\s+nicht|oder)\b[^.;]{0,80}?\b(wir\s+(entscheiden|halten|bestimmen|beschließen)|(nach|in)\s+unserem\s+(freien\s+|alleinigen\s+)?ermessen)|(مگر|یا)[^.؛]{0,80}?(تشخیص|صلاحدید)",
    )
    .expect("the undone pattern is valid")
});

/// A comparative that a negation turns into a lower bound ("not less than 15 days", "no
/// later than 15 days before", "pas moins de", "nicht weniger als"), at the end of the words
/// before a length of time.
static LOWER_BOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(less|fewer|shorter|later|sooner|earlier)\s+than\s*$|(^|[^u]\s)moins\s+(de|d'|que)\s*$|\b(weniger|kürzer|später|früher)\s+als\s*$|کمتر\s+از\s*$",
    )
    .expect("the lower-bound pattern is valid")
});

/// Whether the length of time at `start..end` of `text` is promised: not denied by a negation
/// of its clause ("we do not notify sellers of changes 15 days in advance", "nous
/// n'informons pas", "wir informieren nicht", "اطلاع نمی‌دهیم"), or stated after a negated
/// comparative ("not less than 15 days", "no later than 15 days before": a lower bound).
fn promised(text: &str, lang: &str, start: usize, end: usize) -> bool {
    let from = clause_from(text, lang, start);
    let lower = LOWER_BOUND.is_match(&text[from..start]);
    let denied = if lang == "fa" {
        persian_negations(text, start, end) % 2 == 1
    } else {
        let clause = clause_words_before(text, lang, start);
        let count = if lang == "fr" {
            french_negations(&clause)
        } else {
            clause.iter().filter(|w| negation_before(lang, w)).count()
        };
        (count + usize::from(negated_after(text, lang, end))) % 2 == 1
    };
    denied == lower
}

/// Whether the prose of one part states a length of time of at least `min_days`, and the part
/// (its heading included) matches `topic`: a notice period is stated where its subject is
/// ("changes … at least fifteen (15) days"; a heading "30 days' notice" states none). The
/// length is read for the negation of its clause ("we do not give 15 days' notice" promises
/// none, "not less than 30 days" states 30 days), and a clause saying it no longer applies or
/// leaving it to the business's discretion ([`UNDONE`]) takes it back.
pub fn period_about(parts: &[Part], lang: &str, min_days: u32, topic: &Regex) -> bool {
    parts.iter().any(|part| {
        let whole = part.whole();
        let text = &part.prose;
        topic
            .find_iter(&whole)
            .any(|m| !negated(&whole, lang, m.start(), m.end()))
            && find_periods(text).iter().any(|p| {
                let from = after_last(&text[..p.start], |c| {
                    matches!(c, '.' | '!' | '?' | ';' | '\n' | '؛')
                });
                let to = text[p.end..]
                    .find(['.', '!', '?', ';', '\n', '؛'])
                    .map_or(text.len(), |i| p.end + i);
                p.days >= min_days
                    && !NO_LONGER.is_match(&text[from..to])
                    && !UNDONE.is_match(&text[from..to])
                    && promised(text, lang, p.start, p.end)
            })
    })
}

/// Words that open a clause of exception rather than a condition ("unless", "sauf", "es sei
/// denn"): a sentence is read for its conditions up to the first of them.
fn exception(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(word, "unless" | "except" | "save"),
        "fr" => matches!(word, "sauf" | "hormis"),
        "de" => matches!(word, "außer" | "ausser" | "sei"),
        "fa" => word == "مگر",
        _ => false,
    }
}

/// Modal words by which a business gives itself a power ("we may suspend", "nous pouvons
/// suspendre", "wir können … sperren", "reserves the right to").
fn modal(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(
            word,
            "may"
                | "can"
                | "will"
                | "shall"
                | "might"
                | "could"
                | "reserve"
                | "reserves"
                | "entitled"
        ),
        "fr" => matches!(
            word,
            "peut"
                | "peuvent"
                | "pouvons"
                | "pourra"
                | "pourrons"
                | "pourront"
                | "réserve"
                | "droit"
        ),
        "de" => matches!(
            word,
            "kann" | "können" | "darf" | "dürfen" | "wird" | "werden" | "berechtigt" | "behält"
        ),
        _ => false,
    }
}

/// Words that deny a ground named after them: "for any reason", "pour quelque motif que ce
/// soit", "aus beliebigem Grund", "به هر دلیلی".
fn any_ground(lang: &str, word: &str) -> bool {
    match lang {
        "en" => matches!(word, "any" | "no" | "whatever" | "whatsoever"),
        "fr" => matches!(word, "quelque" | "aucun" | "aucune" | "n'importe"),
        "de" => matches!(word, "beliebigem" | "beliebigen" | "irgendeinem" | "ohne"),
        "fa" => word == "هر",
        _ => false,
    }
}

/// The word of `text` that holds the byte `at`.
fn word_at(text: &str, at: usize) -> &str {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Whether `word` names an act rather than doing it: "suspension", "résiliation",
/// "Kündigung".
fn nominal(lang: &str, word: &str) -> bool {
    match lang {
        "en" | "fr" => word.ends_with("ion") || word.ends_with("ions"),
        "de" => word.ends_with("ung") || word.ends_with("ungen"),
        _ => false,
    }
}

/// Words that name a reason, which a word of [`any_ground`] before them makes none.
fn reason_word(word: &str) -> bool {
    matches!(
        word,
        "reason"
            | "reasons"
            | "cause"
            | "raison"
            | "raisons"
            | "motif"
            | "motifs"
            | "grund"
            | "gründen"
            | "دلیل"
            | "دلیلی"
            | "علت"
            | "علتی"
    )
}

/// Whether `sentence` gives any reason or none: "for any reason", "for no reason", "pour
/// quelque raison", "aus beliebigem Grund", "به هر دلیلی".
fn reasonless(lang: &str, sentence: &str) -> bool {
    let all: Vec<Cow<str>> = words(sentence).collect();
    all.windows(2)
        .any(|pair| any_ground(lang, &pair[0]) && reason_word(&pair[1]))
}

/// Whether some sentence of the parts' prose does what `topic` names (not negated, not a
/// point in time) and states its grounds: on a condition of a power the business gives
/// itself ("we may suspend a seller's account if the seller sells prohibited goods",
/// "sperren, wenn er …", "suspendre … en cas de …", "در صورت … مسدود"; "the term ends when
/// terminated" and "your only recourse is to terminate" give none), or by naming them
/// (`grounds`: "Kündigung aus wichtigem Grund"; "for any reason" names none). A clause of
/// exception ("unless the law forbids it") states no grounds. With `conditions`, the grounds
/// may also be a condition, a restrictive clause about the party or a cause ([`grounded`]),
/// and a named ground counts unless negated ("for any breach" names one); without, only a
/// named ground counts, and not after "any" ("for any reason").
pub fn on_condition(
    parts: &[Part],
    lang: &str,
    topic: &Regex,
    grounds: &Regex,
    conditions: bool,
) -> bool {
    parts.iter().any(|part| {
        sentences(&part.prose).into_iter().any(|sentence| {
            let cut = sentence
                .char_indices()
                .filter(|&(i, c)| {
                    c.is_alphabetic()
                        && sentence[..i]
                            .chars()
                            .next_back()
                            .is_none_or(|b| !b.is_alphanumeric())
                })
                .map(|(i, _)| i)
                .find(|&i| {
                    words(&sentence[i..])
                        .next()
                        .is_some_and(|w| exception(lang, &w))
                })
                .unwrap_or(sentence.len());
            let cut = &sentence[..cut];
            let named = grounds.find_iter(cut).any(|g| {
                if conditions {
                    !negated_before(cut, lang, g.start(), g.end())
                } else {
                    !words(&cut[..g.start()])
                        .rev()
                        .take(2)
                        .any(|w| any_ground(lang, &w))
                }
            });
            let conditioned = conditions && (conditional(lang, cut) || grounded(lang, cut));
            // Grounds beside "for any reason" are one choice among any ("terminate if you
            // breach this agreement, or for any reason or no reason").
            if conditions && reasonless(lang, cut) {
                return false;
            }
            (named || conditioned)
                && topic.find_iter(cut).any(|m| {
                    // Grounds are stated for the act, not for its name ("a notice of such
                    // suspension", "violate the restrictions").
                    if conditions && nominal(lang, word_at(cut, m.start())) {
                        return false;
                    }
                    let before: Vec<Cow<str>> = words(&cut[..m.start()]).collect();
                    // The power's modal before the act, with no condition between them.
                    let power = lang == "fa"
                        || before
                            .iter()
                            .rposition(|w| modal(lang, w))
                            .is_some_and(|at| !conditional(lang, &before[at + 1..].join(" ")));
                    (lang == "fa" || !negated_before(cut, lang, m.start(), m.end()))
                        && !point_in_time(cut, lang, m.start())
                        && (named || power)
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(p: &str) -> Regex {
        Regex::new(p).unwrap()
    }

    fn part(heading: &str, prose: &str) -> Part {
        Part::new(heading, prose)
    }

    #[test]
    fn negation_is_read_in_the_clause_of_the_sentence_before_the_keyword() {
        let text = "complaints are not free of charge.";
        let at = text.find("free").unwrap();
        assert!(negated(text, "en", at, at + 4));
        let text = "complaints, which are not anonymous, are free of charge.";
        let at = text.find("free").unwrap();
        assert!(!negated(text, "en", at, at + 4));
        assert!(mentioned(
            "les réclamations sont gratuites.",
            "fr",
            "gratuit",
            re
        ));
        assert!(!mentioned(
            "les réclamations ne sont pas gratuites.",
            "fr",
            "gratuit",
            re
        ));
        assert!(mentioned(
            "entscheidungen werden nicht ausschließlich automatisiert getroffen.",
            "de",
            "~ausschließlich",
            re
        ));
        assert!(!mentioned(
            "decisions are taken solely by automated means.",
            "en",
            "~solely",
            re
        ));
        assert!(mentioned(
            "decisions are not taken solely by automated means.",
            "en",
            "~solely",
            re
        ));
    }

    #[test]
    fn two_negations_in_a_clause_cancel() {
        let human = |lang: &str, text: &str, word: &str| mentioned(text, lang, word, re);
        assert!(human(
            "en",
            "software ranks complaints, but no complaint is ever closed without human review.",
            "human"
        ));
        assert!(!human(
            "en",
            "software ranks complaints and closes them without human review.",
            "human"
        ));
        assert!(human(
            "fr",
            "aucune réclamation n'est close sans examen humain.",
            "humain"
        ));
        assert!(!human(
            "fr",
            "la réclamation est close sans examen humain.",
            "humain"
        ));
        assert!(!human(
            "fr",
            "la réclamation est close sans aucun examen humain.",
            "humain"
        ));
        // The `ne` after `sans que` negates nothing.
        assert!(!human(
            "fr",
            "la réclamation est close sans qu'une personne ne la lise.",
            "personne"
        ));
        assert!(!human(
            "fr",
            "aucun humain ne lit votre réclamation.",
            "humain"
        ));
        assert!(human(
            "de",
            "keine beschwerde wird ohne menschliche überprüfung abgeschlossen.",
            "menschlich"
        ));
        assert!(!human(
            "de",
            "beschwerden werden ohne menschliche überprüfung abgeschlossen.",
            "menschlich"
        ));
        assert!(human(
            "fa",
            "هیچ شکایتی بدون بررسی انسانی بسته نمی‌شود.",
            "انسانی"
        ));
        assert!(!human(
            "fa",
            "شکایت‌ها بدون بررسی انسانی بسته می‌شوند.",
            "انسانی"
        ));
        // One negation spread over two words stays one.
        assert!(!human(
            "en",
            "neither a person nor a human reads it.",
            "human"
        ));
        assert!(!human(
            "fr",
            "ni le vendeur ni un humain ne la lit.",
            "humain"
        ));
        assert!(mentioned(
            "decisions are never taken by automated means alone.",
            "en",
            "~alone",
            re
        ));
    }

    #[test]
    fn persian_negation_is_the_verb_of_the_clause() {
        let text =
            "ابزارهای خودکار شکایت‌ها را دسته‌بندی می‌کنند، اما هیچ تصمیمی صرفاً خودکار گرفته نمی‌شود.";
        assert!(mentioned(text, "fa", "خودکار", re));
        assert!(mentioned(text, "fa", "~صرفاً", re));
        let text = "تصمیم‌ها صرفاً به صورت خودکار گرفته نمی‌شوند.";
        assert!(mentioned(text, "fa", "~صرفاً", re));
        let text = "شکایت؛ ثبت شکایت رایگان نیست.";
        assert!(!mentioned(text, "fa", "رایگان", re));
        assert!(mentioned("ثبت شکایت رایگان است.", "fa", "رایگان", re));
    }

    #[test]
    fn a_notice_period_is_a_length_of_time_beside_its_subject() {
        let parts = vec![part(
            "modification des conditions",
            "le vendeur est informé au moins quinze (15) jours avant.",
        )];
        assert!(period_about(&parts, "fr", 15, &re("modification")));
        assert!(!period_about(&parts, "fr", 30, &re("modification")));
        let parts = vec![part("résiliation", "un préavis d'un (1) mois.")];
        assert!(period_about(&parts, "fr", 30, &re("résili")));
        let parts = vec![part("résiliation", "un préavis de 30 (trente) jours.")];
        assert!(period_about(&parts, "fr", 30, &re("résili")));
        let parts = vec![
            part("changes", "we may change these terms."),
            part("returns", "within 30 days of delivery."),
        ];
        assert!(!period_about(&parts, "en", 15, &re("chang")));
        let parts = vec![part(
            "termination",
            "we may terminate at once; the 30 days' notice of termination no longer applies.",
        )];
        assert!(!period_about(&parts, "en", 30, &re("terminat")));
    }

    #[test]
    fn a_predicate_after_the_keyword_or_a_coordination_carries_the_negation() {
        assert!(!mentioned(
            "human review is not available.",
            "en",
            "human",
            re
        ));
        assert!(mentioned(
            "human review is not only available.",
            "en",
            "human",
            re
        ));
        assert!(!mentioned(
            "eine menschliche überprüfung findet nicht statt.",
            "de",
            "menschlich",
            re
        ));
        assert!(!mentioned(
            "l'examen humain n'est pas prévu.",
            "fr",
            "humain",
            re
        ));
        assert!(mentioned(
            "l'examen humain intervient au plus tard sous 30 jours.",
            "fr",
            "humain",
            re
        ));
        assert!(!mentioned(
            "no certified out-of-court dispute settlement body or mediator is competent.",
            "en",
            r"\bmediat",
            re
        ));
        assert!(mentioned(
            "we do not charge for complaints and offer mediation.",
            "en",
            r"\bmediat",
            re
        ));
        assert!(mentioned(
            "automated tools do not decide complaints.",
            "en",
            "*automat",
            re
        ));
    }

    #[test]
    fn a_heading_is_never_evidence() {
        let groups = ["complain", "seller"];
        let alone = vec![part("seller complaints", "")];
        assert!(!keywords_met(&alone, "en", &groups, re));
        let other_group = vec![part("complaints", "sellers use the form in their panel.")];
        assert!(!keywords_met(&other_group, "en", &groups, re));
        let stated = vec![part(
            "complaints",
            "sellers send complaints with the form in their panel.",
        )];
        assert!(keywords_met(&stated, "en", &groups, re));
        let human = ["automat", "human|member of staff"];
        let sorted = vec![part(
            "human decisions",
            "automated tools help us sort complaints.",
        )];
        assert!(!keywords_met(&sorted, "en", &human, re));
        let decided = vec![part(
            "decisions",
            "automated tools sort complaints and a member of staff decides each one.",
        )];
        assert!(keywords_met(&decided, "en", &human, re));
    }

    fn contrary<'a>(pattern: &'a Regex, topic: Option<&'a Regex>) -> Contrary<'a> {
        Contrary {
            pattern,
            denied: false,
            with: Vec::new(),
            shorter: false,
            granted: None,
            topic,
            excused: None,
            enough: None,
        }
    }

    #[test]
    fn an_unconditional_contrary_sentence_is_found() {
        let solely = re(r"solely (by )?automat");
        let parts = vec![part(
            "",
            "every complaint is decided solely by automated means.",
        )];
        assert!(contradicted(&parts, "en", &contrary(&solely, None)));
        let parts = vec![part(
            "",
            "no complaint is decided solely by automated means.",
        )];
        assert!(!contradicted(&parts, "en", &contrary(&solely, None)));
        let notice = re("without notice");
        let topic = re("chang");
        let parts = vec![part(
            "",
            "we may change these terms at any time without notice.",
        )];
        assert!(contradicted(&parts, "en", &contrary(&notice, Some(&topic))));
        let parts = vec![part(
            "",
            "where the law requires it, we may change these terms without notice.",
        )];
        assert!(!contradicted(
            &parts,
            "en",
            &contrary(&notice, Some(&topic))
        ));
        let parts = vec![part("", "we may suspend an account without notice.")];
        assert!(!contradicted(
            &parts,
            "en",
            &contrary(&notice, Some(&topic))
        ));
    }

    #[test]
    fn termination_for_cause_or_on_a_condition_is_an_exception_not_the_rule() {
        let notice = re("without (prior )?notice|with immediate effect|fristlos|sans préavis");
        let topic = re("terminat|kündig|résili");
        let causes = re("breach|for cause|wichtige[nm]? grund|manquement");
        let termination = |lang: &str, text: &str| {
            let parts = vec![part("", text)];
            contradicted(
                &parts,
                lang,
                &Contrary {
                    pattern: &notice,
                    denied: false,
                    with: Vec::new(),
                    shorter: false,
                    topic: Some(&topic),
                    excused: Some(&causes),
                    granted: None,
                    enough: Some(Length::Days(30)),
                },
            )
        };
        // Fires: an unconditional power to terminate without notice.
        assert!(termination(
            "en",
            "we may terminate the agreement at any time without notice."
        ));
        assert!(termination(
            "de",
            "wir können den vertrag jederzeit fristlos kündigen."
        ));
        assert!(termination(
            "en",
            "we may, whether with or without cause, terminate the agreement without notice."
        ));
        // Near misses: a cause, a condition, a period, a point in time.
        assert!(!termination(
            "en",
            "we may terminate the agreement without prior notice for material breach."
        ));
        assert!(!termination(
            "de",
            "das recht zur fristlosen kündigung aus wichtigem grund bleibt unberührt."
        ));
        assert!(!termination(
            "fr",
            "nous pouvons résilier le contrat sans préavis en cas de manquement grave."
        ));
        assert!(!termination(
            "en",
            "we may terminate with immediate effect upon written notice should any authority require it."
        ));
        assert!(!termination(
            "en",
            "we may suspend the account with immediate effect, and may terminate the agreement after a notice period of 30 days."
        ));
        assert!(!termination(
            "en",
            "after the termination of the agreement, we may delete the account without prior notice."
        ));
        assert!(termination(
            "en",
            "we may terminate the agreement and delete the account without prior notice."
        ));
    }

    #[test]
    fn a_sentence_wrapped_over_lines_is_read_whole() {
        let wrapped = "we may terminate this agreement with immediate effect upon written notice to you should any governmental\nentity require that.\nWe may terminate at any time without notice";
        assert_eq!(
            unwrap_lines(wrapped),
            "we may terminate this agreement with immediate effect upon written notice to you should any governmental entity require that.\nWe may terminate at any time without notice"
        );
        // A line ending in punctuation, or followed by a capital, ends where it ends.
        assert_eq!(
            unwrap_lines("as follows:\nsuspension"),
            "as follows:\nsuspension"
        );
        assert_eq!(unwrap_lines("Termination\nWe may"), "Termination\nWe may");
    }
}
