//! The words of list announcements in English, French, German and Persian, read from
//! `announcing.txt`: phrases that point at items right after them or further on, phrases of
//! manner ("as follows"), closing formulas, and the small words skipped when reading them.

use std::sync::LazyLock;

/// What a phrase of `announcing.txt` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The items come right after ("the following", "suivantes", "folgende", "موارد زیر").
    Forward,
    /// The items are further on ("below", "ci-après", "nachstehend", "در ادامه").
    Further,
    /// The text after says how ("as follows", "comme suit"): any paragraph may follow.
    Manner,
    /// A paragraph that closes a document ("Thank you for …", "Merci …", "با تشکر …").
    Closing,
    /// A word not counted after a phrase (the Persian object marker `را`).
    Particle,
    /// A word skipped before a sentence's first noun ("the", "les", "der").
    Article,
    /// A word after a phrase that ties it to something the sentence names ("in the following
    /// versions of these Terms.", "suivant votre premier contact."): the phrase refers.
    Referring,
    /// A word that names a place in the document ("section", "article", "Abschnitt", "ماده").
    Place,
    /// A word that names a body of terms ("conditions", "Bedingungen", "شرایط").
    Terms,
    /// A unit of time beside a phrase that makes it "next" ("the following day", "le mois
    /// suivant", "48 heures suivant").
    Time,
    /// A word that makes the sentence's last word an infinitive ("die nachstehenden Pflichten
    /// zu erfüllen.", "les règles suivantes à respecter."): the verb ends the sentence, it is
    /// neither a word the phrase refers to nor one counted after it.
    Infinitive,
    /// Words that open a purpose clause ("in order to", "afin de", "um", "برای"): the words
    /// from them on say what the items are for, they are not counted after a phrase.
    Purpose,
    /// A word that adds to what is stated elsewhere ("also", "également", "auch", "نیز"):
    /// "The conditions below also apply to sellers." says something of items given
    /// elsewhere, it announces none.
    Additive,
    /// A verb that says only that the items apply or are listed ("apply", "s'appliquent",
    /// "gelten", "aufgeführt"): a further-on phrase in the subject announces with it alone
    /// ([`announcing_sentence`]).
    Applying,
    /// A word that says the items must be given or done, or must not be ("must", "doivent",
    /// "müssen", "einzureichen", "باید", "prohibited", "verboten"): a further-on phrase in the
    /// subject announces with it ("Nachstehende Unterlagen sind einzureichen.").
    Obliging,
    /// Words that say from when something runs ("from", "à compter de", "ab", "از تاریخ"):
    /// after a verb that says the items apply, the sentence says when they apply ("Die
    /// nachstehend genannten Fristen gelten ab Zugang der Bestellung."), it announces none.
    Since,
    /// A word that opens a complement of time ("within", "depuis", "seit", "ظرف"): before a
    /// number or a unit of time, after a verb saying that the items apply or must (not) be
    /// given, the sentence is a complete statement ([`dated`]).
    When,
    /// A word that limits or spreads how the items apply ("only", "equally", "per",
    /// "uniquement", "nur", "فقط"): after an applying verb, the sentence says something of
    /// items given elsewhere ("The fees below apply only to sellers.").
    Qualifier,
    /// A verb that sends the reader to another place ("see", "voir", "siehe", "مراجعه"): a
    /// further-on phrase with it points at a later part of the document.
    See,
    /// A complement of time that needs no date or number ("with immediate effect", "until
    /// further notice", "ab sofort", "jusqu'à nouvel ordre", "تا اطلاع ثانوی"): after a verb
    /// saying that the items apply or must (not) be given, the sentence is a complete statement,
    /// as with a dated one ([`dated`]).
    Timed,
    /// A verb that links a subject to what it announces ("include", "are", "comprennent",
    /// "sont", "betragen", "gehören", "عبارت‌اند از"): a short paragraph ending in `:` with one
    /// is a sentence ("Prohibited items include:", "Die Gebühren betragen:"), not a label.
    Linking,
    /// A word right after a further-on phrase (or Persian `زیر` after its noun) that makes the
    /// phrase a preposition with the word as its object: a measure it is compared to ("below
    /// cost", "below market value", "زیر قیمت") or a thing one is under ("زیر باران", "زیر
    /// نور"). An article after the phrase does the same ("below the market rate").
    Object,
    /// A word for a floor or a level of a building before a further-on phrase ("the floor
    /// below", "l'étage ci-dessous", "im Stockwerk unten", "طبقه زیر"): the phrase says where.
    Level,
    /// A word that gives the topic of a place named before it ("on", "about", "sur",
    /// "consacrée", "zur", "über"): "the section on returns below" points at a place.
    Topic,
    /// A modal verb ("must", "doivent", "dürfen"): with only its infinitive after it, a negation
    /// aside, a clause ending in `;` leaves the object unsaid ([`breaks_off_after_a_modal`]).
    Modal,
    /// A negation between a modal verb and its infinitive ("not", "pas", "nicht").
    Negation,
}

/// One line of `announcing.txt`.
#[derive(Debug, Clone)]
struct Phrase {
    kind: Kind,
    /// Its words, in lower case.
    words: Vec<String>,
    /// Whether the last word may go on (`suivant*`).
    open_end: bool,
    /// Whether it announces only in a paragraph ending in `:`.
    colon_only: bool,
    /// Most words after it in a sentence ending in `.`.
    after: usize,
    /// The endings of the infinitive an [`Kind::Infinitive`] or [`Kind::Purpose`] word comes
    /// before.
    endings: Vec<String>,
    /// Whether it opens a clause only after a comma ([`Kind::Purpose`]: "…, um Ihr Konto zu
    /// schützen").
    after_comma: bool,
    /// Whether a [`Kind::Place`] word names several places or is also a word for goods
    /// ("sections", "articles", "Artikel").
    plural: bool,
    /// Whether a forward phrase means "below" after its noun (Persian `زیر`, `ذیل`): opening
    /// the sentence right after that noun, not before the object marker, it stands in the
    /// subject and announces as a further-on phrase there does.
    below: bool,
    /// Whether a [`Kind::Qualifier`] counts only before a word that is no article nor a
    /// referring word ("par commande", not "par le vendeur").
    bare: bool,
}

/// Most words after an announcing phrase in a sentence ending in `.`, unless its line says
/// otherwise: the noun it announces and a verb ("the following conditions are met.", "les
/// conditions suivantes s'appliquent.", "Es gelten folgende Bedingungen.").
const WORDS_AFTER: usize = 4;

static PHRASES: LazyLock<Vec<Phrase>> =
    LazyLock::new(|| parse(include_str!("announcing.txt")).unwrap_or_else(|e| panic!("{e}")));

/// Reads the lines of `announcing.txt`; an error names the line and what is wrong with it.
fn parse(text: &str) -> Result<Vec<Phrase>, String> {
    let mut phrases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("announcing.txt line {}", n + 1);
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let [kind, _lang, phrase, options @ ..] = fields.as_slice() else {
            return Err(format!("{}: expected `<kind> | <lang> | <phrase>`", at()));
        };
        let kind = match *kind {
            "forward" => Kind::Forward,
            "further" => Kind::Further,
            "manner" => Kind::Manner,
            "closing" => Kind::Closing,
            "particle" => Kind::Particle,
            "article" => Kind::Article,
            "referring" => Kind::Referring,
            "time" => Kind::Time,
            "place" => Kind::Place,
            "terms" => Kind::Terms,
            "infinitive" => Kind::Infinitive,
            "purpose" => Kind::Purpose,
            "additive" => Kind::Additive,
            "applying" => Kind::Applying,
            "obliging" => Kind::Obliging,
            "since" => Kind::Since,
            "when" => Kind::When,
            "qualifier" => Kind::Qualifier,
            "see" => Kind::See,
            "topic" => Kind::Topic,
            "timed" => Kind::Timed,
            "object" => Kind::Object,
            "level" => Kind::Level,
            "linking" => Kind::Linking,
            "modal" => Kind::Modal,
            "negation" => Kind::Negation,
            other => return Err(format!("{}: unknown kind `{other}`", at())),
        };
        let open_end = phrase.ends_with('*');
        let words: Vec<String> = words(phrase).into_iter().map(|w| w.text).collect();
        if words.is_empty() {
            return Err(format!("{}: the phrase has no word", at()));
        }
        let mut entry = Phrase {
            kind,
            words,
            open_end,
            colon_only: false,
            after: WORDS_AFTER,
            endings: Vec::new(),
            after_comma: false,
            plural: false,
            below: false,
            bare: false,
        };
        for option in options {
            match option.split_once('=') {
                None if *option == "colon" => entry.colon_only = true,
                None if *option == "comma" => entry.after_comma = true,
                None if *option == "plural" => entry.plural = true,
                None if *option == "below" => entry.below = true,
                None if *option == "bare" => entry.bare = true,
                Some(("after", n)) => {
                    entry.after = n
                        .parse()
                        .map_err(|_| format!("{}: `after=` takes a number", at()))?;
                }
                Some(("endings", list)) => {
                    entry.endings = list
                        .split(',')
                        .map(|e| e.trim().to_lowercase())
                        .filter(|e| !e.is_empty())
                        .collect();
                    if entry.endings.is_empty() {
                        return Err(format!("{}: `endings=` takes a list of endings", at()));
                    }
                }
                _ => return Err(format!("{}: unknown option `{option}`", at())),
            }
        }
        phrases.push(entry);
    }
    Ok(phrases)
}

/// Whether `text`, what follows an announcement's colon, holds a blank for the reader to fill
/// in: an ellipsis or a line of underscores.
fn is_a_blank_to_fill(text: &str) -> bool {
    text.contains("...") || text.contains('…') || text.contains("__")
}

/// A word of a text: its lower-case form and where it starts and ends in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`: runs of letters and digits (a half-space inside a Persian word
/// included), in lower case, with Arabic `ي`/`ى`/`ك` read as the Persian letters, and a
/// Persian prefix or suffix written apart with a space joined to its word by a half-space as
/// `davar_input::persian` decides (`می شود` is `می‌شود`, `هزینه های` is `هزینه‌های`), so a
/// text reads the same however its author typed the half-spaces.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for word in letter_runs(text) {
        let joined = out.last().is_some_and(|a| {
            let before = out.len().checked_sub(2).map(|i| out[i].text.as_str());
            text[a.end..word.start].chars().all(|c| c == ' ')
                && davar_input::persian::joined_by_half_space(before, &a.text, &word.text, None)
        });
        match out.last_mut() {
            Some(a) if joined => {
                a.text = format!("{}\u{200C}{}", a.text, word.text);
                a.end = word.end;
            }
            _ => out.push(word),
        }
    }
    out
}

/// The runs of letters and digits of `text` ([`words`] before affixes are joined).
fn letter_runs(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (c == '\u{200C}' && !current.is_empty()) {
            if current.is_empty() {
                start = i;
            }
            current.extend(crate::text::persian_letter(c).to_lowercase());
        } else if !current.is_empty() {
            out.push(Word {
                text: std::mem::take(&mut current)
                    .trim_end_matches('\u{200C}')
                    .into(),
                start,
                end: i,
            });
        }
    }
    if !current.is_empty() {
        out.push(Word {
            text: current.trim_end_matches('\u{200C}').into(),
            start,
            end: text.len(),
        });
    }
    out
}

impl Phrase {
    /// Whether the phrase starts at `words[at]`.
    fn matches_at(&self, words: &[Word], at: usize) -> bool {
        let Some(found) = words.get(at..at + self.words.len()) else {
            return false;
        };
        let last = self.words.len() - 1;
        found
            .iter()
            .zip(&self.words)
            .enumerate()
            .all(|(i, (w, p))| {
                w.text == *p || (i == last && self.open_end && w.text.starts_with(p.as_str()))
            })
    }
}

/// Where phrases of `kind` occur among `words`: the index of their first and last words.
fn occurrences(
    words: &[Word],
    kind: Kind,
) -> impl Iterator<Item = (&'static Phrase, usize, usize)> {
    PHRASES
        .iter()
        .filter(move |p| p.kind == kind)
        .flat_map(move |p| {
            (0..words.len())
                .filter(move |&at| p.matches_at(words, at))
                .map(move |at| (p, at, at + p.words.len() - 1))
        })
}

/// Whether `text` holds a phrase of `kind`.
pub(crate) fn has(text: &str, kind: Kind) -> bool {
    occurrences(&words(text), kind).next().is_some()
}

/// Whether `text` holds a further-on phrase with a word after it: the phrase opens what it
/// announces ("Nachstehende Unterlagen sind einzureichen:", "Les conditions ci-dessous
/// s'appliquent :", "Nachstehend die Gebühren:"). One that ends the text says where something
/// is ("Details below:", "Die Gebühren stehen unten.").
pub(crate) fn has_further_before_words(text: &str) -> bool {
    let words = words(text);
    occurrences(&words, Kind::Further).any(|(_, _, end)| end + 1 < words.len())
}

/// Whether the last sentence of `text` holds a forward, further-on or manner phrase: a bold
/// paragraph with one ("**The following documents apply:**") announces, one without
/// ("**Contact:**") is a label.
pub(crate) fn has_announcing_phrase(text: &str) -> bool {
    let words = words(last_sentence(text));
    [Kind::Forward, Kind::Further, Kind::Manner]
        .into_iter()
        .any(|kind| occurrences(&words, kind).next().is_some())
}

/// Whether `text` holds a word of `kind` (a place, a body of terms).
pub(crate) fn has_word(text: &str, kind: Kind) -> bool {
    words(text).iter().any(|w| is(&w.text, kind))
}

/// Whether `word` names one place in the document ("section", "Ziffer", "بخش"), not several
/// (a `plural` line: "sections", "articles", which may also be goods).
fn is_one_place(word: &str) -> bool {
    PHRASES
        .iter()
        .any(|p| p.kind == Kind::Place && !p.plural && p.words.len() == 1 && p.words[0] == word)
}

/// Whether `word` is one of `kind` (an article, a particle).
fn is(word: &str, kind: Kind) -> bool {
    PHRASES
        .iter()
        .any(|p| p.kind == kind && p.words.len() == 1 && p.words[0] == word)
}

/// The first word of `text` that is not an article: the head of its subject when the text is
/// a sentence ("sellers" in "The sellers must…", "verkäufer" in "Der Verkäufer zahlt…").
pub(crate) fn subject(text: &str) -> Option<String> {
    words(text)
        .into_iter()
        .find(|w| !is(&w.text, Kind::Article))
        .map(|w| w.text)
}

/// The clause of `sentence` that holds its first announcing phrase (forward or further on),
/// from the comma or semicolon before it: "the following articles shall apply" in "In
/// addition to Article 14, the following articles shall apply".
pub(crate) fn announcing_clause(sentence: &str) -> Option<&str> {
    let words = words(sentence);
    let first = [Kind::Forward, Kind::Further]
        .into_iter()
        .flat_map(|kind| occurrences(&words, kind).map(|(_, at, _)| at))
        .min()?;
    let from = sentence[..words[first].start]
        .char_indices()
        .rfind(|&(_, c)| matches!(c, ',' | ';' | '،' | '؛'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&sentence[from..])
}

/// Where an announcing phrase (forward or further on) starts in `clause`, counted in words
/// after its leading articles: 0 in "The following fees apply", 1 in "Les frais suivants
/// s'appliquent" and "Es gelten folgende Bedingungen", 3 in "Sellers must respect the
/// following rules".
pub(crate) fn announcing_phrase_position(clause: &str) -> Option<usize> {
    let all = words(clause);
    let skipped = all
        .iter()
        .take_while(|w| is(&w.text, Kind::Article))
        .count();
    let words = &all[skipped..];
    [Kind::Forward, Kind::Further]
        .into_iter()
        .flat_map(|kind| occurrences(words, kind).map(|(_, at, _)| at))
        .min()
}

/// Whether a paragraph opens with a closing formula ("Thank you for shopping with us.",
/// "Vielen Dank für Ihren Einkauf.", "با تشکر از خرید شما."): a sentence that ends a document,
/// not an item. A paragraph with a `:` names something after it (a form, a label).
pub(crate) fn closes(paragraph: &str) -> bool {
    /// Most words of a closing formula.
    const CLOSING_WORDS: usize = 20;
    let words = words(paragraph);
    !paragraph.contains([':', '：'])
        && words.len() <= CLOSING_WORDS
        && occurrences(&words, Kind::Closing).any(|(_, at, _)| at == 0)
}

/// Marks after a phrase that make it name something rather than announce it: a quotation or
/// a closing bracket ("(ci-après « le Vendeur »).", "(nachstehend „Kunde“)").
const NAMING_MARKS: &[char] = &['"', '“', '”', '«', '»', '„', ')', '(', '[', ']'];

/// Most words after a forward or further-on phrase that opens its sentence as the subject
/// ("The following conditions apply to every order.", "Les conditions suivantes s'appliquent
/// à toutes les commandes.", "Die nachstehenden Regeln gelten für alle Käufer.").
const SUBJECT_WORDS_AFTER: usize = 12;

/// Whether the last sentence of `text`, which ends in `.`, ends by announcing what follows:
/// a forward, further-on or manner phrase ([`Kind`]) that may announce in such a sentence,
/// followed by at most its number of words (particles and a purpose clause aside: "…
/// folgenden Hinweise, um Ihr Konto zu schützen."), none of which ties it to something the
/// sentence names, names a unit of time or is a number ("under 18"), and no quotation or
/// bracket (a definition: "(ci-après « le Vendeur »)"); or a forward phrase in the subject
/// that opens the sentence ([`subject_phrase`]), whatever the verb says of the items. A
/// further-on phrase there (and Persian `زیر` after the noun opening the sentence) announces
/// only with a verb saying that the items apply, are listed or must (not) be given
/// ([`Kind::Applying`], [`Kind::Obliging`]); any other predicate describes them. A phrase
/// after the Persian object marker (`نظرات را زیر جعبه بنویسید`) is a preposition. A sentence
/// that lists its items itself after a colon ("the following data: name, address and e-mail.")
/// or leaves a blank there for the reader to fill in (a model form's "the following goods:
/// ...", "___") announces nothing that could be lost.
pub(crate) fn announcing_sentence(text: &str) -> bool {
    let last = last_sentence(text);
    if last
        .rsplit_once([':', '：'])
        .is_some_and(|(_, items)| items.chars().any(char::is_alphanumeric))
        || text
            .rsplit_once([':', '：'])
            .is_some_and(|(_, items)| is_a_blank_to_fill(items))
    {
        return false;
    }
    let words = words(last);
    let purpose = purpose_start(last, &words);
    [Kind::Forward, Kind::Further, Kind::Manner]
        .into_iter()
        .flat_map(|kind| occurrences(&words, kind))
        .any(|(phrase, first, end)| {
            let main_end = purpose.filter(|&p| p > end).unwrap_or(words.len());
            let tail = &words[end + 1..main_end.max(end + 1)];
            let tail = if main_end == words.len() {
                &tail[..tail.len() - infinitive_at_end(last, tail)]
            } else {
                tail
            };
            let after: Vec<&str> = tail
                .iter()
                .map(|w| w.text.as_str())
                .filter(|w| !is(w, Kind::Particle))
                .collect();
            let before = first.checked_sub(1).map_or("", |i| words[i].text.as_str());
            let next = after.first().copied().unwrap_or_default();
            // "le jour suivant", and "le jour ouvré suivant" with an adjective between.
            let before_two = first.checked_sub(2).map_or("", |i| words[i].text.as_str());
            let time = [before, next].iter().any(|w| is(w, Kind::Time))
                || is(before_two, Kind::Time)
                    && ![Kind::Article, Kind::Place, Kind::Terms]
                        .iter()
                        .any(|&k| is(before, k));
            let number = next.chars().next().is_some_and(char::is_numeric);
            // "Clause 12 below", "the “Miscellaneous” section below": a place, not items.
            // A forward phrase beside one place ("The following section explains…", "La
            // section suivante", "die nachstehende Ziffer 7", "بخش زیر", "بند ۱۲ زیر") names it.
            let numeric = |w: &str| w.chars().next().is_some_and(char::is_numeric);
            let place = phrase.kind == Kind::Further
                && (is(before, Kind::Place) || numeric(before))
                || [before, next, if numeric(before) { before_two } else { "" }]
                    .iter()
                    .any(|w| is_one_place(w));
            let naming = last[words[end].end..].contains(NAMING_MARKS);
            // "below cost", "below the market rate", "below face value", "زیر باران", "the
            // floor below": a preposition or an adverb of place, not a pointer at items. The
            // object may follow one word that is no verb ("below face value", "below retail
            // price").
            let verb = |w: &Word| {
                [Kind::Applying, Kind::Obliging, Kind::Linking]
                    .iter()
                    .any(|&k| is(&w.text, k))
            };
            let object = match words.get(end + 1..) {
                Some([w, ..]) if is(&w.text, Kind::Object) || is(&w.text, Kind::Article) => true,
                Some([w, o, ..]) => !verb(w) && is(&o.text, Kind::Object),
                _ => false,
            };
            let preposition = (phrase.kind == Kind::Further || phrase.below)
                && (object || is(before, Kind::Level));
            let object_marker_before = is(before, Kind::Particle);
            // A referring word ties the phrase to what the sentence names after it; as the
            // last word it names nothing (the particle of a German verb: "Zusätzlich fallen
            // die nachstehenden Gebühren an.").
            let referring = after.iter().enumerate().any(|(i, w)| {
                is(w, Kind::Referring) && (i + 1 < after.len() || main_end < words.len())
            });
            let counted = after.len() <= phrase.after && !referring;
            // A further-on phrase may point past the next paragraph: in the subject it
            // announces only with a verb saying that the items apply, are listed or must be
            // given ("The rules below apply to every buyer.", "Nachstehende Unterlagen sind
            // einzureichen."), and not with one saying when they apply ("gelten ab Zugang");
            // another predicate describes items that may stand anywhere further on ("The
            // fees below are charged monthly.", "Les frais ci-dessous sont dus en euros.",
            // "Die unten genannten Fristen sind Werktage.").
            let below_subject = phrase.below
                && first == 1
                && words
                    .get(end + 1)
                    .is_some_and(|w| !is(&w.text, Kind::Particle));
            let clause = clause_start(last, &words, first);
            let in_subject = subject_phrase(phrase, &words[clause..], first - clause, end - clause)
                || below_subject;
            let applying = applies(&words[end + 1..]);
            let obliging = words[end + 1..].iter().any(|w| is(&w.text, Kind::Obliging))
                || infinitive_at_end(last, &words[end + 1..]) > 0;
            let further = phrase.kind == Kind::Further || phrase.below;
            let describes = further
                && (in_subject || participle_subject(phrase, &words, first))
                && !applying
                && !obliging;
            let subject = in_subject
                && after.len() <= SUBJECT_WORDS_AFTER
                && (!further || applying || obliging);
            let additive = words[end + 1..].iter().any(|w| is(&w.text, Kind::Additive));
            // A verb saying that the items apply or must (not) be given, and a complement of
            // time or a qualifier after it: a complete statement about items given elsewhere
            // ("… must be shipped within 48 hours.", "… apply only to sellers.").
            let applying_word = words[end + 1..].iter().any(|w| is(&w.text, Kind::Applying));
            let stated = (applying_word || obliging) && dated(&words[end + 1..])
                || applying_word && qualified(&words[end + 1..]);
            // A further-on phrase sending the reader to a later part of the document ("See
            // the section on returns below.", "details in the section on returns below").
            let reference = phrase.kind == Kind::Further
                && (words.iter().any(|w| is(&w.text, Kind::See))
                    || place_named_before(&words[first.saturating_sub(PLACE_WORDS_BEFORE)..first]));
            !phrase.colon_only
                && (counted || subject)
                && !describes
                && !time
                && !number
                && !place
                && !naming
                && !preposition
                && !object_marker_before
                && !additive
                && !stated
                && !reference
        })
}

/// Most words between a word naming one place and a further-on phrase that points at it
/// ("the section on returns below", "la rubrique consacrée aux retours ci-après").
const PLACE_WORDS_BEFORE: usize = 4;

/// Whether `before` (the words right before a further-on phrase) holds a word naming one
/// place whose topic the words after it give: after a [`Kind::Topic`] word ("the section on
/// returns", "la rubrique consacrée aux retours", "den Abschnitt zur Rückgabe") or, in Persian,
/// whose nouns follow the place ("بخش بازگشت کالا"; the verb ends the sentence). "This section
/// lists the fees below." names its section as the subject, and announces.
fn place_named_before(before: &[Word]) -> bool {
    let persian = |w: &Word| w.text.chars().any(|c| matches!(c, '\u{0600}'..='\u{06ff}'));
    (0..before.len()).any(|at| {
        is_one_place(&before[at].text)
            && (persian(&before[at]) || before[at + 1..].iter().any(|w| is(&w.text, Kind::Topic)))
    })
}

/// Most words after a [`Kind::When`] or [`Kind::Since`] word up to the number or unit of
/// time it opens ("within 48", "depuis le 1er", "bis zum 31", "تا پایان سال", "dans un délai
/// de 10").
const WHEN_WORDS: usize = 4;

/// Whether `words` (the words after a phrase) hold a complement of time: a [`Kind::When`] or
/// [`Kind::Since`] word followed within [`WHEN_WORDS`] words by a number or a unit of time
/// ("within 48 hours", "depuis le 1er janvier 2026", "seit dem 1. Januar", "از ۱ فروردین"),
/// or one that needs neither ([`Kind::Timed`]: "until further notice", "ab sofort").
fn dated(words: &[Word]) -> bool {
    let numeric = |w: &Word| w.text.chars().next().is_some_and(char::is_numeric);
    let opens_time = |at: usize| {
        words[at + 1..words.len().min(at + 1 + WHEN_WORDS)]
            .iter()
            .any(|w| numeric(w) || is(&w.text, Kind::Time))
    };
    [Kind::When, Kind::Since]
        .into_iter()
        .flat_map(|kind| occurrences(words, kind))
        .any(|(_, _, end)| opens_time(end))
        || occurrences(words, Kind::Timed).next().is_some()
}

/// Whether `words` (the words after a phrase) hold a [`Kind::Qualifier`] ("only", "per",
/// "uniquement", "nur", "فقط"); one marked `bare` only before a word that is no article nor a
/// referring word.
fn qualified(words: &[Word]) -> bool {
    occurrences(words, Kind::Qualifier).any(|(phrase, _, end)| {
        !phrase.bare
            || words
                .get(end + 1)
                .is_some_and(|w| !is(&w.text, Kind::Article) && !is(&w.text, Kind::Referring))
    })
}

/// Whether `words` (the words after a phrase) hold a verb saying that the items apply or are
/// listed ([`Kind::Applying`]) and not when they apply: a [`Kind::Since`] phrase right after
/// it ("gelten ab", "apply from", "s'appliquent dès"), or one of several words anywhere
/// ("à compter de", "as of", "از تاریخ"), which a preposition of one word may not be.
fn applies(words: &[Word]) -> bool {
    let verbs: Vec<usize> = (0..words.len())
        .filter(|&i| is(&words[i].text, Kind::Applying))
        .collect();
    let when = occurrences(words, Kind::Since)
        .any(|(phrase, at, _)| phrase.words.len() > 1 || at > 0 && verbs.contains(&(at - 1)));
    !verbs.is_empty() && !when
}

/// The index in `words` (the words of `sentence`) of the first word of the clause that holds
/// `words[first]`: the word after the last comma or semicolon before it ("the following fees
/// are charged" in "In addition, the following fees are charged to sellers"), or 0.
fn clause_start(sentence: &str, words: &[Word], first: usize) -> usize {
    (1..=first)
        .rev()
        .find(|&at| sentence[words[at - 1].end..words[at].start].contains([',', ';', '،', '؛']))
        .unwrap_or(0)
}

/// Whether the forward or further-on phrase at `words[first..=end]` stands in the subject that
/// opens its sentence (or the clause after an opening phrase and its comma: "In addition, the
/// following fees are charged to sellers."): first after its articles ("The following conditions…", "Die
/// nachstehenden Regeln…"), or second after at least one ("Les conditions suivantes…", "Es
/// gelten folgende…", "The rules below apply…"), with a
/// word after it that is no article and ties it to nothing ("Suivant les modalités…",
/// "according to", is no subject).
fn subject_phrase(phrase: &Phrase, words: &[Word], first: usize, end: usize) -> bool {
    let skipped = words
        .iter()
        .take_while(|w| is(&w.text, Kind::Article))
        .count();
    let opens = first <= skipped || skipped > 0 && first == skipped + 1;
    let next = words.get(end + 1).map(|w| w.text.as_str());
    matches!(phrase.kind, Kind::Forward | Kind::Further)
        && opens
        && next.is_some_and(|w| !is(w, Kind::Article) && !is(w, Kind::Referring))
}

/// Endings of a past participle that may stand between a noun and a further-on phrase
/// ("listed", "énumérés", "mentionnées", "décrits").
const PARTICIPLE_ENDINGS: &[&str] = &["ed", "é", "ée", "és", "ées", "it", "its", "ite", "ites"];

/// Whether the further-on phrase at `words[first]` follows the noun opening its sentence and a
/// past participle, with `out` after it ("The fees listed below", "the rules set out below",
/// "Les frais énumérés ci-après"): the phrase is part of the subject, and a predicate with
/// no applying or obliging word describes the items ("Les commissions mentionnées ci-après
/// sont remboursables.").
fn participle_subject(phrase: &Phrase, words: &[Word], first: usize) -> bool {
    let skipped = words
        .iter()
        .take_while(|w| is(&w.text, Kind::Article))
        .count();
    phrase.kind == Kind::Further
        && skipped > 0
        && first > skipped
        && participle_between(&words[skipped + 1..first])
}

/// Whether `between` is a past participle, with `out` after it ("listed", "set out").
fn participle_between(between: &[Word]) -> bool {
    let participle = |w: &Word| {
        matches!(w.text.as_str(), "set" | "laid" | "shown" | "given")
            || PARTICIPLE_ENDINGS.iter().any(|e| w.text.ends_with(e))
    };
    match between {
        [verb] => participle(verb),
        [verb, out] => out.text == "out" && participle(verb),
        _ => false,
    }
}

/// Whether the last sentence of `text` is a Persian request in the imperative whose object,
/// marked by `را`, the text announces ("لطفاً موارد زیر را بنویسید", "اطلاعات زیر را وارد
/// کنید", "مدارک زیر را بفرستید"): its last word is a verb of the second person plural
/// (ending in `ید`) that is not in the present (`می‌…`, `نمی‌…`).
pub(crate) fn persian_request(text: &str) -> bool {
    let words = words(last_sentence(text));
    let Some(marker) = words.iter().rposition(|w| is(&w.text, Kind::Particle)) else {
        return false;
    };
    let Some(verb) = words.last().filter(|_| marker + 1 < words.len()) else {
        return false;
    };
    let announced = [Kind::Forward, Kind::Further]
        .into_iter()
        .any(|kind| occurrences(&words[..marker], kind).next().is_some());
    announced
        && verb.text.ends_with("ید")
        && verb.text.chars().count() > 3
        && !verb.text.starts_with("می")
        && !verb.text.starts_with("نمی")
}

/// The index in `words` (the words of `text`) of the first word of a purpose clause ("in order
/// to", "afin de", "…, um", "pour" before an infinitive, "برای"), if any.
fn purpose_start(text: &str, words: &[Word]) -> Option<usize> {
    occurrences(words, Kind::Purpose)
        .filter(|(phrase, at, end)| {
            let comma = *at > 0 && text[words[at - 1].end..words[*at].start].contains(',');
            let infinitive = phrase.endings.is_empty()
                || words.get(end + 1).is_some_and(|w| {
                    text[w.start..].starts_with(char::is_lowercase)
                        && phrase.endings.iter().any(|e| w.text.ends_with(e.as_str()))
                });
            (comma || !phrase.after_comma) && infinitive
        })
        .map(|(_, at, _)| at)
        .min()
}

/// How many of the last words of `words` (words of `text`) are an infinitive closing the
/// sentence: 2 for an [`Kind::Infinitive`] word and a last word written in lower case with one
/// of its endings ("zu erfüllen", "à respecter"), else 0. A capitalised word is a noun or a
/// name ("zu Verträgen", "à Paris").
fn infinitive_at_end(text: &str, words: &[Word]) -> usize {
    let [.., marker, verb] = words else {
        return 0;
    };
    let lower = text[verb.start..verb.end]
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let infinitive = PHRASES.iter().any(|p| {
        p.kind == Kind::Infinitive
            && p.words.len() == 1
            && p.words[0] == marker.text
            && p.endings.iter().any(|e| verb.text.ends_with(e.as_str()))
    });
    if lower && infinitive { 2 } else { 0 }
}

/// Whether the last sentence of `text` ends with a modal verb and its infinitive alone, a
/// negation between them aside ("Sellers must not list", "Les vendeurs doivent fournir",
/// "Verkäufer dürfen nicht anbieten"): the verb's object, what the sentence announces, is
/// missing. The infinitive is written in lower case (a capitalised word is a German noun or a
/// name: "Verkäufer müssen Ausweise").
pub(crate) fn breaks_off_after_a_modal(text: &str) -> bool {
    let last = last_sentence(text);
    let words = words(last);
    let [.., before, verb] = words.as_slice() else {
        return false;
    };
    let lower = last[verb.start..].starts_with(char::is_lowercase);
    let modal = is(&before.text, Kind::Modal)
        || is(&before.text, Kind::Negation)
            && words
                .len()
                .checked_sub(3)
                .is_some_and(|i| is(&words[i].text, Kind::Modal));
    lower && modal
}

/// The last sentence of `text`, its closing `.` or `:` aside: what follows the last `.`, `!`,
/// `?` or `؟` before the end.
pub(crate) fn last_sentence(text: &str) -> &str {
    let body = text.trim_end().trim_end_matches(['.', ':', '：']);
    body.char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '؟'))
        .map_or(body, |(i, c)| &body[i + c.len_utf8()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_list_reads_and_bad_lines_are_named() {
        assert!(PHRASES.iter().any(|p| p.kind == Kind::Closing));
        assert!(parse("forward | en").unwrap_err().contains("line 1"));
        assert!(
            parse("\nbackward | en | x")
                .unwrap_err()
                .contains("line 2: unknown kind `backward`")
        );
        assert!(
            parse("forward | en | x | after=many")
                .unwrap_err()
                .contains("`after=` takes a number")
        );
        assert!(parse("forward | en | --").unwrap_err().contains("no word"));
    }

    #[test]
    fn words_are_lower_case_runs_with_persian_half_spaces_and_letters_folded() {
        let texts: Vec<String> = words("Les frais énumérés ci-après.")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(texts, ["les", "frais", "énumérés", "ci", "après"]);
        assert_eq!(words("شرايط زير")[1].text, "زیر");
        assert_eq!(words("هزینه‌های زیر")[0].text, "هزینه\u{200C}های");
    }

    #[test]
    fn a_sentence_announces_with_its_phrase_among_the_last_words() {
        for text in [
            "The seller accepts the following conditions.",
            "Les frais sont calculés comme suit.",
            "You must not list any of the items below.",
            "Les vendeurs acquittent les frais énumérés ci-après.",
            "Verkäufer zahlen die nachstehend aufgeführten Gebühren.",
            "Käufer beachten die unten genannten Regeln.",
            "فروشندگان باید شرایط زیر را رعایت کنند.",
            "شرایط زیر برقرار است.",
            "مدارک ذیل الزامی است.",
        ] {
            assert!(announcing_sentence(text), "{text}");
        }
        for text in [
            "The fees shown below apply to every order placed in the app.",
            "This applies in the following versions of these Terms.",
            "Le prix est fixé en suivant les instructions du présent règlement.",
            // "Following" alone also means "after".
            "We ship within two days following payment.",
            // Persian `زیر` before its noun is "under", and a number after a phrase is a limit.
            "پرسش خودتان را فقط یک بار و زیر محصول موردنظرتان بنویسید.",
            "کاربران زیر ۱۸ سال مجاز نیستند.",
            "Users below 18 cannot buy.",
            // A definition names a party, it announces nothing.
            "La société Bazarcheh SAS (ci-après « le Vendeur »).",
            "Die Bazarcheh GmbH (nachstehend „Verkäufer“).",
        ] {
            assert!(!announcing_sentence(text), "{text}");
        }
    }

    #[test]
    fn a_phrase_before_a_unit_of_time_or_a_determiner_means_after() {
        for text in [
            "Vous serez informé dans les 48 heures suivant votre premier contact.",
            "Wir antworten in den folgenden 24 Stunden.",
            "Dans le cas suivant, le vendeur rembourse.",
            // A place in the document.
            "Further information is given in Clause 12 below.",
            "Please refer to the Miscellaneous section below.",
            "La garantie légale est visée à l'article 11 ci-après.",
            "Weitere Einzelheiten finden Sie weiter unten.",
            "More details are given further below.",
            // A forward phrase beside one place names it.
            "The following section explains refunds.",
            "La section suivante explique les remboursements.",
            "Der folgende Abschnitt erklärt die Erstattung.",
            "Einzelheiten regelt die nachstehende Ziffer 7.",
            "جزئیات در بند ۱۲ زیر آمده است.",
            "جزئیات در بخش زیر آمده است.",
            // A unit of time with an adjective before the phrase.
            "Le remboursement intervient le jour ouvré suivant.",
        ] {
            assert!(!announcing_sentence(text), "{text}");
        }
        for text in [
            // Several places, or goods.
            "The following sections apply.",
            "Les articles suivants sont interdits.",
            "Die folgenden Artikel sind verboten.",
            "Les frais ouvrés suivants s'appliquent.",
        ] {
            assert!(announcing_sentence(text), "{text}");
        }
    }

    #[test]
    fn a_phrase_followed_by_its_noun_and_a_verb_announces() {
        for text in [
            "Sellers may list items provided that the following conditions are met.",
            "The following conditions apply.",
            "Pour toute commande, les conditions suivantes s'appliquent.",
            "Für Rücksendungen gelten folgende Bedingungen.",
            "Es gelten folgende Bedingungen.",
        ] {
            assert!(announcing_sentence(text), "{text}");
        }
        assert!(!announcing_sentence(
            "Sellers accept the following conditions for every order placed in the app."
        ));
        assert!(!announcing_sentence("Payment is due on the following day."));
        assert!(!announcing_sentence("Le paiement est dû le mois suivant."));
    }

    #[test]
    fn a_forward_phrase_opening_the_sentence_as_its_subject_announces_whatever_follows() {
        for text in [
            "The following conditions apply to every order placed in the app.",
            "Les conditions suivantes s'appliquent à toutes les commandes.",
            "Die folgenden Bedingungen gelten für jede Bestellung.",
            "Es gelten folgende Bedingungen für jede Bestellung im Shop.",
            "The rules below apply to every buyer.",
            "Die nachstehenden Regeln gelten für alle Käufer.",
            "Les règles ci-dessous s'appliquent à tous les acheteurs.",
            "Im Folgenden sind die gesperrten Zahlungsarten aufgeführt.",
            "Untenstehende Regeln gelten für alle Käufer.",
            "شرایط زیر برای همه سفارش‌ها اعمال می‌شود.",
            "Les conditions ci-dessous sont applicables.",
            "The conditions below are binding.",
            "Nachfolgend finden Sie die Gebühren.",
            "Below you will find our fees.",
            "Ci-dessous, vous trouverez les frais.",
            // A further-on phrase with a verb saying that the items must be given.
            "Nachstehende Unterlagen sind einzureichen.",
            "Die nachstehenden Unterlagen sind vorzulegen.",
            "The documents below must be provided.",
            "Les pièces ci-dessous doivent être fournies.",
            "Les documents ci-dessous sont à fournir.",
            "مدارک زیر باید ارسال شود.",
            "کالاهای زیر را ارسال کنید.",
            // Or must not be.
            "The items below are prohibited.",
            "Die nachstehenden Artikel sind verboten.",
            "Les produits ci-dessous sont interdits.",
            "کالاهای زیر ممنوع است.",
        ] {
            assert!(announcing_sentence(text), "{text}");
        }
        for text in [
            // A further-on phrase with a verb that says something of the items, and items
            // that apply also to someone: given elsewhere.
            "The fees below are charged monthly, as set out in Clause 9.",
            "Les délais ci-dessous sont exprimés en jours ouvrés.",
            "The fees below are charged monthly.",
            "The deadlines below are working days.",
            "Les frais ci-dessous sont dus en euros.",
            "Die unten genannten Fristen sind Werktage.",
            "Die nachstehenden Gebühren sind Nettobeträge.",
            "مهلت‌های زیر روز کاری هستند.",
            "هزینه‌های زیر به یورو پرداخت می‌شود.",
            // A verb saying when the items apply.
            "Die nachstehend genannten Fristen gelten ab Zugang der Bestellung.",
            "The rules below apply from 1 March 2026.",
            "Les règles ci-dessous s'appliquent à compter du 1er mars 2026.",
            "The rules below also apply to trade buyers.",
            "Les règles ci-dessous s'appliquent également aux acheteurs étrangers.",
            "Die nachstehenden Regeln gelten auch für Händler.",
            "شرایط زیر برای خریداران حقوقی نیز اعمال می‌شود.",
            // "according to", a unit of time, a phrase further in the sentence.
            "Suivant les modalités prévues, le vendeur rembourse.",
            "The following day is a holiday for every shop.",
            "The box below each product shows its reviews.",
            "The text below the photo shows the price.",
            "Sellers accept the following conditions for every order placed in the app.",
        ] {
            assert!(!announcing_sentence(text), "{text}");
        }
    }

    #[test]
    fn a_purpose_clause_after_a_phrase_is_not_counted() {
        for text in [
            "Bitte beachten Sie die folgenden Hinweise, um Ihr Konto zu schützen.",
            "Please follow the steps below in order to protect your account.",
            "Veuillez suivre les conseils suivants afin de protéger votre compte.",
            "Veuillez lire les conseils suivants pour protéger votre compte.",
            "لطفاً نکات زیر را برای حفاظت از حساب خود رعایت کنید.",
        ] {
            assert!(announcing_sentence(text), "{text}");
        }
        for text in [
            // `um` opens a purpose clause only after a comma; `pour` only before an infinitive.
            "Bitte beachten Sie die folgenden Hinweise um 12 Uhr am Tag der Bestellung.",
            "Veuillez lire les conseils suivants pour chaque commande passée dans l'application.",
            "We reply within the following week in order to protect your account.",
        ] {
            assert!(!announcing_sentence(text), "{text}");
        }
    }

    #[test]
    fn a_phrase_before_a_determiner_or_after_the_object_marker_is_a_preposition() {
        for text in [
            "Reviews are shown below each product.",
            "Reviews appear below every listing.",
            "نظرات را زیر جعبه بنویسید.",
            "نظرات زیر هر محصول نمایش داده می‌شود.",
        ] {
            assert!(!announcing_sentence(text), "{text}");
        }
        assert!(announcing_sentence("Reviews must respect the rules below."));
        assert!(announcing_sentence("نظرات باید قواعد زیر را رعایت کنند."));
    }

    #[test]
    fn a_sentence_ending_with_a_modal_and_its_infinitive_breaks_off() {
        for text in [
            "Sellers must not list;",
            "Les vendeurs doivent fournir ;",
            "Les vendeurs ne peuvent pas proposer ;",
            "Verkäufer dürfen nicht anbieten;",
            "Returns are free. Sellers must provide;",
        ] {
            assert!(breaks_off_after_a_modal(text), "{text}");
        }
        for text in [
            "Sellers must pay the fee;",
            "Verkäufer müssen Ausweise;",
            "Verkäufer müssen Ausweise vorlegen;",
            "فروشنده باید مالیات بپردازد؛",
            "must;",
        ] {
            assert!(!breaks_off_after_a_modal(text), "{text}");
        }
    }

    #[test]
    fn a_bold_paragraph_announces_only_with_a_phrase() {
        assert!(has_announcing_phrase("The following documents apply:"));
        assert!(has_announcing_phrase("Es gelten die folgenden Dokumente:"));
        assert!(!has_announcing_phrase("Contact:"));
        assert!(!has_announcing_phrase("Documents for sellers:"));
    }

    #[test]
    fn items_written_after_a_colon_in_the_sentence_are_no_announcement() {
        assert!(!announcing_sentence(
            "We collect the following: name, e-mail."
        ));
        assert!(!announcing_sentence(
            "Nous acceptons les moyens suivants : carte, virement."
        ));
        assert!(!announcing_sentence(
            "Wir erheben folgende Daten: Name, Anschrift."
        ));
    }

    #[test]
    fn a_sentence_after_a_persian_question_mark_is_read_from_the_next_character() {
        // `؟` takes two bytes: the last sentence starts after the whole character.
        assert!(announcing_sentence(
            "چرا؟ The seller accepts the following conditions."
        ));
        assert!(!announcing_sentence("؟."));
        assert!(!announcing_sentence("Is this right؟ Yes."));
    }

    #[test]
    fn the_phrase_position_tells_a_party_s_sentence_from_one_about_the_items() {
        assert_eq!(
            announcing_phrase_position("The following fees apply"),
            Some(0)
        );
        assert_eq!(
            announcing_phrase_position("Les frais suivants s'appliquent"),
            Some(1)
        );
        assert_eq!(
            announcing_phrase_position("Sellers must respect the following rules"),
            Some(3)
        );
        assert_eq!(
            announcing_phrase_position("Der Verkäufer zahlt die folgenden Gebühren"),
            Some(3)
        );
        assert_eq!(
            announcing_phrase_position("Es gelten folgende Bedingungen"),
            Some(1)
        );
        assert_eq!(
            announcing_clause("In addition to Article 14, the following articles apply"),
            Some(" the following articles apply")
        );
        assert_eq!(announcing_phrase_position("The fees are as follows"), None);
        assert_eq!(subject("Der Käufer kann").as_deref(), Some("käufer"));
    }

    #[test]
    fn a_clause_after_a_persian_comma_starts_after_it() {
        assert_eq!(
            announcing_clause("در فرم شکایت، موارد زیر را بنویسید"),
            Some(" موارد زیر را بنویسید")
        );
        assert_eq!(
            announcing_clause("بعد از ثبت؛ موارد زیر را بفرستید"),
            Some(" موارد زیر را بفرستید")
        );
    }

    #[test]
    fn closing_formulas_open_a_short_paragraph() {
        for text in [
            "Thank you for shopping with us.",
            "Merci de votre confiance.",
            "Vielen Dank für Ihren Einkauf!",
            "با تشکر از خرید شما.",
        ] {
            assert!(closes(text), "{text}");
        }
        for text in [
            "We thank you for your order.",
            "Merci d'indiquer : votre nom et votre adresse.",
            "Sellers ship within two days.",
        ] {
            assert!(!closes(text), "{text}");
        }
    }
}
