//! Listed names (messengers, stores) written in disguise: look-alike letters, digits and
//! symbols inside a Latin name (`te1egram`, `teIegram`, `telegr@m`, `wh@tsapp`, `telegrarn`,
//! `ᴛelegram`, `teleg®am`, `amaz*n`), diacritics on its letters (`telegrám`, `Ámazon`), a name
//! split in two or three pieces (`tele gram`, `What sApp`, `تل گرام`, `wháts app`), a Persian name typed on
//! an Arabic keyboard (`تلكرام` for `تلگرام`: no `گ پ چ ژ` there) and, when asked for, a name
//! misspelt by one edit (`telgram`, `whatsap`, `تلغرام`, `تلگرم`).
//!
//! Look-alikes are compared by a key: the word lowercased, digits and symbols written for
//! letters inside a letter word read as those letters (`@` a, `$` s, `!` i, `|` l, `€` e and
//! the digits of [`digit_letter`], `1` as `l`; other symbols and letters by the table of
//! `decancer`: `®` r, `¥` y, `ᴛ` t, `ı` i, `ł` l, `á` a), then the confusable skeleton of
//! Unicode Technical Standard #39 (`unicode-security`: `rn` is `m`, `vv` is `w`, `I` and `1`
//! are `l`, and the look-alikes of other scripts) without combining marks, then `i` read as
//! `l`. Two words with the same key look the same; a word whose key is a name's key but which
//! is not the name itself is the name in disguise. A `*` between letters stands for any one
//! letter (`amaz*n`).

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::context::FieldText;
use crate::lexicon::Lexicon;
use crate::phrase::{FnvMap, HashFilter};
use crate::prefilter::{Classes, Prefilter};

use crate::text::{digit_letter, skeleton_key, word_hash};

/// A set of strings hashed with FNV, like the phrase tables: looked up once per word.
type FnvSet = HashSet<String, BuildHasherDefault<crate::phrase::Fnv>>;

/// Fewest letters of a Latin name found through look-alikes (`ebay`, `otto`, `skype`; not `ig`,
/// `dm`).
const LOOKALIKE_MIN: usize = 4;

/// Fewest letters of a name found split into pieces (`tele gram`, `تل گرام`, `C discount`;
/// not `she in` for `shein`).
const SPLIT_MIN: usize = 6;

/// Most pieces a split name is found in.
const SPLIT_MAX_PIECES: usize = 3;

/// Fewest letters of a Persian name found as typed on an Arabic keyboard (`تلکرام`; not `تلک`,
/// a word of its own, for `تلگ`).
const ARABIC_MIN: usize = 5;

/// Fewest letters of a name found misspelt by one edit (`telgram`, `تلگرم`; not `skpe`).
const MISSPELT_MIN: usize = 6;

/// Fewest letters of a name spelled together with a handle (`ایتا`; not `تلگ`, which starts
/// `تلگرامی`).
const SPELLED_NAME_MIN: usize = 4;

/// How a name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Disguise {
    /// Look-alike letters, digits or symbols inside it (`te1egram`, `eB@y`).
    Lookalike,
    /// Written in two or three pieces (`tele gram`), or typed on an Arabic keyboard.
    Split,
    /// With diacritics on its letters (`telegrám`, `Ámazon`, `fnác`): counts as the name would.
    Accented,
    /// Misspelt by one edit (`telgram`, `telegramm`, `تلغرام`, `تلگرم`).
    Misspelt,
}

/// A name found in disguise: words `first..=last` of the field, the skeleton byte range it
/// covers (a symbol glued before the first word included: `$kype`), and the lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    pub how: Disguise,
}

/// The names of some lexicons, by their disguised forms.
#[derive(Debug, Clone, Default)]
pub(crate) struct DisguisedNames {
    /// Look-alike key of each Latin name of one word: the entry and the name's skeleton.
    lookalike: FnvMap<String, (usize, String)>,
    /// The skeleton of every entry's text, by entry.
    names: Vec<String>,
    /// Each Latin name of one word lowercased with `i` read as `l`: the key of a word of plain
    /// letters without letter pairs that look like one letter.
    plain: FnvMap<String, (usize, String)>,
    /// The hashes ([`word_hash`]) of every word that may start a name in disguise written in
    /// plain letters: the first pieces and Persian forms of `split`, and each Latin name with
    /// any of its `l` written `i`. Most words are ruled out with two bit tests.
    filter: HashFilter,
    /// Shortest and longest Latin name, in bytes.
    lookalike_len: (usize, usize),
    /// Names of one word that may be found split, and Persian names as typed on an Arabic
    /// keyboard: the skeleton form to find, the entry and the name's skeleton.
    split: FnvMap<String, (usize, String)>,
    /// Every start of a split form shorter than it (`tele`, `تل`): a first piece.
    prefixes: FnvSet,
    /// Two words or more in a row of an entry of several words (`best buy` of `at best buy`,
    /// `le bon coin`): the lexicon says how the spaced form counts, so it is not a split name.
    spaced: FnvSet,
    /// Persian names of three letters or more, also as typed on an Arabic keyboard: the
    /// start of a word spelled together with a handle (for the prefilter).
    starts: Vec<String>,
    /// Frequent words of the storefront languages (`common-words.txt`, by skeleton): never a
    /// name with diacritics (`télé` is no `tele`) nor a misspelt one (`signals`).
    common: HashSet<String>,
    /// The skeleton of every name of one word: a name is not its own misspelling.
    exact: FnvSet,
    /// Names of one word and six letters or more by their misspellings, when asked for: each
    /// Latin name and its forms with one letter left out (a word one edit away leaves out the
    /// same letter or is one of them), and each Persian name by its letter classes
    /// ([`letter_class`]), also with one inner letter left out. The entry and the name.
    misspelt: FnvMap<String, Vec<(usize, String)>>,
    /// Every Persian word [`DisguisedNames::misspelt`] finds, as written (for the prefilter).
    misspelt_words: Vec<String>,
}

/// A symbol written for a letter inside a Latin word, and the letter: `@` a, `$` s, `!` i,
/// `|` l, `€` e, and a symbol that is a letter drawn another way by `decancer`'s table (`®` r,
/// `¥` y, `©` c).
fn symbol_letter(c: char) -> Option<char> {
    Some(match c {
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        '|' => 'l',
        '€' => 'e',
        _ if c.is_ascii() || c.is_alphanumeric() || c.is_whitespace() => return None,
        _ => match decancer::cure_char(c, decancer::Options::default()) {
            decancer::Translation::Character(l) if l.is_ascii_alphabetic() => {
                l.to_ascii_lowercase()
            }
            _ => return None,
        },
    })
}

/// How a letter that is not ASCII reads in Latin letters, by `decancer`'s table of
/// confusables (`ᴛ` t, `ı` i, `á` a, `ß` b: what it looks like, not how it sounds); `None`
/// when it reads as no Latin letters.
fn latin_reading(c: char) -> Option<String> {
    let read = match decancer::cure_char(c, decancer::Options::default()) {
        decancer::Translation::Character(l) => l.to_string(),
        decancer::Translation::String(s) => s.to_string(),
        decancer::Translation::None => return None,
    };
    (!read.is_empty() && read.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| read.to_ascii_lowercase())
}

/// A piece of a split name as its letters read (`wháts` → `whats`, `teł` → `tel`): a Latin
/// word with letters that are not ASCII read by [`latin_reading`], other words as they are.
fn piece(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || word.chars().any(is_arabic) {
        return Cow::Borrowed(word);
    }
    let mut read = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            read.push(c);
        } else if !crate::text::is_combining_mark(c) {
            match latin_reading(c) {
                Some(l) => read.push_str(&l),
                None => return Cow::Borrowed(word),
            }
        }
    }
    Cow::Owned(read)
}

/// A letter of the Arabic script (Persian names are matched by their own forms).
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

/// A Latin word without its diacritics (`telegrám` → `telegram`), lowercased.
fn without_diacritics(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|&c| !crate::text::is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The class of a Persian letter that spellings of a borrowed name mix up: `ط` for `ت`, `غ`
/// and `ق` for `گ` (`تلغرام`, `تلقرام`, `طلگرام`).
fn letter_class(c: char) -> char {
    match c {
        'ط' => 'ت',
        'غ' | 'ق' => 'گ',
        other => other,
    }
}

/// Every way of writing `word` (letters by their [`letter_class`]) with the letters of each
/// class: `تلگرام` is also `طلگرام`, `تلغرام`, `تلقرام` ...
fn class_spellings(word: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in word.chars() {
        let letters: &[char] = match c {
            'ت' => &['ت', 'ط'],
            'گ' => &['گ', 'غ', 'ق'],
            _ => &[c],
        };
        out = out
            .iter()
            .flat_map(|w| {
                letters.iter().map(move |l| {
                    let mut w = w.clone();
                    w.push(*l);
                    w
                })
            })
            .collect();
    }
    out
}

/// `word` with its letter at char index `at` left out.
fn without_letter(word: &str, at: usize) -> String {
    word.chars()
        .enumerate()
        .filter(|&(n, _)| n != at)
        .map(|(_, c)| c)
        .collect()
}

/// A Persian word as typed on an Arabic keyboard, which has no `گ پ چ ژ`.
fn arabic_keyboard(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'گ' => 'ک',
            'پ' => 'ب',
            'چ' => 'ج',
            'ژ' => 'ز',
            other => other,
        })
        .collect()
}

/// The look-alike key of a Latin word (see the module): `None` when it holds a character that
/// is neither a letter, a digit nor a symbol for a letter, or fewer than two letters.
pub(crate) fn lookalike_key(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.chars().filter(|c| c.is_alphabetic()).count() < 2 || lower.chars().any(is_arabic) {
        return None;
    }
    let mut read = String::with_capacity(lower.len());
    for c in lower.chars() {
        if c.is_ascii_alphabetic() {
            read.push(c);
        } else if c.is_alphabetic() {
            match latin_reading(c) {
                Some(l) => read.push_str(&l),
                None => read.push(c),
            }
        } else if crate::text::is_combining_mark(c) {
            // `e` + U+0301: the mark goes.
        } else if c == '1' {
            read.push('l');
        } else if let Some(l) = c
            .to_digit(10)
            .and_then(|d| digit_letter(b'0' + d as u8))
            .map(char::from)
            .or_else(|| symbol_letter(c))
        {
            read.push(l);
        } else {
            return None;
        }
    }
    Some(
        unicode_security::skeleton(&read)
            .filter(|&c| !crate::text::is_combining_mark(c))
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'i' { 'l' } else { c })
            .collect(),
    )
}

impl DisguisedNames {
    /// The names of `lexicons`, as entries numbered the way [`crate::phrase::PhraseSet::new`]
    /// numbers them; `common` holds the frequent words (skeleton keys) that are never a name
    /// with diacritics or misspelt, and `misspellings` asks for names misspelt by one edit.
    pub fn new<'a>(
        lexicons: impl IntoIterator<Item = &'a Lexicon>,
        common: HashSet<String>,
        misspellings: bool,
    ) -> DisguisedNames {
        let mut out = DisguisedNames {
            lookalike_len: (usize::MAX, 0),
            common,
            ..DisguisedNames::default()
        };
        let entries = lexicons.into_iter().flat_map(|l| l.entries.iter());
        for (entry, e) in entries.enumerate() {
            let name = skeleton_key(&e.text);
            out.names.push(name.clone());
            let parts: Vec<&str> = name.split(' ').collect();
            for a in 0..parts.len() {
                for b in a + 2..=parts.len() {
                    out.spaced.insert(parts[a..b].join(" "));
                }
            }
            if parts.len() > 1 {
                continue;
            }
            out.exact.insert(name.clone());
            let letters = name.chars().count();
            // A name that is a frequent word itself (`signal`, `channel`) has frequent words for
            // neighbours (`signals`, `charnel`): it is not looked for misspelt.
            if misspellings
                && letters >= MISSPELT_MIN
                && name.chars().all(char::is_alphabetic)
                && !out.common.contains(&name)
            {
                let mut forms = Vec::new();
                if name.is_ascii() {
                    forms.push(name.clone());
                    forms.extend((0..letters).map(|at| without_letter(&name, at)));
                } else {
                    let classes: String = name.chars().map(letter_class).collect();
                    forms.extend((1..letters - 1).map(|at| without_letter(&classes, at)));
                    forms.push(classes);
                    for form in &forms {
                        out.misspelt_words.extend(class_spellings(form));
                    }
                }
                for form in forms {
                    let names = out.misspelt.entry(form).or_default();
                    if !names.iter().any(|(_, n)| *n == name) {
                        names.push((entry, name.clone()));
                    }
                }
            }
            if name.bytes().all(|b| b.is_ascii_lowercase())
                && letters >= LOOKALIKE_MIN
                && let Some(key) = lookalike_key(&name)
            {
                out.lookalike.entry(key).or_insert((entry, name.clone()));
                let plain = name.replace('i', "l");
                // `telegram`, `teiegram`: every way of writing its `l`s (at most 64).
                let ls: Vec<usize> = plain.match_indices('l').map(|(at, _)| at).take(6).collect();
                for choice in 0u32..(1 << ls.len()) {
                    let mut variant = plain.clone().into_bytes();
                    for (n, &at) in ls.iter().enumerate() {
                        if choice & (1 << n) != 0 {
                            variant[at] = b'i';
                        }
                    }
                    out.filter
                        .mark(word_hash(std::str::from_utf8(&variant).unwrap_or_default()));
                }
                out.plain.entry(plain).or_insert((entry, name.clone()));
                out.lookalike_len.0 = out.lookalike_len.0.min(name.len());
                out.lookalike_len.1 = out.lookalike_len.1.max(name.len());
            }
            let mut forms = Vec::new();
            if letters >= SPLIT_MIN && name.chars().all(char::is_alphabetic) {
                forms.push(name.clone());
            }
            if !name.is_ascii() && letters >= ARABIC_MIN {
                let typed = arabic_keyboard(&name);
                if typed != name {
                    out.starts.push(typed.clone());
                    forms.push(typed);
                }
            }
            if !name.is_ascii() && letters >= 3 {
                out.starts.push(name.clone());
            }
            for form in forms {
                out.filter.mark(word_hash(&form));
                for (at, _) in form.char_indices().skip(1) {
                    out.filter.mark(word_hash(&form[..at]));
                    out.prefixes.insert(form[..at].to_owned());
                }
                out.split.entry(form).or_insert((entry, name.clone()));
            }
        }
        out
    }

    /// Whether `word` (a skeleton word) is a frequent word of the storefront languages.
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// The skeleton of entry `entry`'s text.
    pub fn name(&self, entry: usize) -> &str {
        self.names.get(entry).map_or("", String::as_str)
    }

    /// What a field must hold for a name to be found in it: a Latin letter (a look-alike or a
    /// split Latin name), a word that starts a split Persian name, or a word that starts with
    /// a Persian name (also as typed on an Arabic keyboard).
    pub fn prefilter(&self) -> Prefilter {
        let persian: Vec<&String> = self.prefixes.iter().filter(|p| !p.is_ascii()).collect();
        Prefilter::classes(Classes::LATIN)
            .or(Prefilter::words(persian, false))
            .or(Prefilter::words(&self.misspelt_words, false))
            .or(Prefilter::word_starts(&self.starts))
    }

    /// Every name in disguise in the field, left to right, none overlapping.
    pub fn find(&self, f: &FieldText<'_>) -> Vec<Found> {
        let (sk, ws) = (f.sk(), f.words());
        let mut out = Vec::new();
        let mut joined = String::new();
        let mut plain_key = String::new();
        let mut i = 0;
        'words: while i < ws.len() {
            let marked = self.filter.may_contain(ws[i].hash);
            // Two or three pieces parted by one space, line break, hyphen or underscore:
            // `tele gram`, `tele-gram`, `تل گرام`, also with diacritics or drawn letters in
            // a Latin piece (`wháts app`, `teł egram`).
            let first = piece(ws[i].text(sk));
            // (A field with a name so written has an ASCII letter, as the prefilter needs.)
            if (marked
                || (matches!(first, Cow::Owned(_))
                    && ws[i].text(sk).bytes().any(|b| b.is_ascii_alphabetic())))
                && self.prefixes.contains(first.as_ref())
            {
                joined.clear();
                joined.push_str(&first);
                for last in i + 1..(i + SPLIT_MAX_PIECES).min(ws.len()) {
                    if !matches!(
                        &sk[ws[last - 1].end..ws[last].start],
                        " " | "\n" | "-" | "_" | "\u{2010}" | "\u{2011}"
                    ) {
                        break;
                    }
                    joined.push_str(&piece(ws[last].text(sk)));
                    if let Some((entry, _)) = self.split.get(&joined)
                        && !self.spaced.contains(&sk[ws[i].start..ws[last].end])
                    {
                        out.push(Found {
                            first: i,
                            last,
                            start: ws[i].start,
                            end: ws[last].end,
                            entry: *entry,
                            how: Disguise::Split,
                        });
                        i = last + 1;
                        continue 'words;
                    }
                    if !self.prefixes.contains(&joined) {
                        break;
                    }
                }
            }
            // One Persian word typed on an Arabic keyboard (`تلکرام`) or misspelt (`تلغرام`).
            let t = ws[i].text(sk);
            let one = |how: Disguise, entry: usize| Found {
                first: i,
                last: i,
                start: ws[i].start,
                end: ws[i].end,
                entry,
                how,
            };
            if t.chars().any(is_arabic) {
                if marked
                    && let Some((entry, name)) = self.split.get(t)
                    && name != t
                {
                    out.push(one(Disguise::Split, *entry));
                } else if let Some(entry) = self.misspelt_entry(t) {
                    out.push(one(Disguise::Misspelt, entry));
                }
                i += 1;
                continue;
            }
            // A word of plain letters that starts no name in disguise (most words).
            let glued = |at: usize| {
                sk[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| symbol_letter(c).is_some())
            };
            let joiner = |c: char| symbol_letter(c).is_some() || c == '*';
            if !marked
                && t.bytes().all(|b| b.is_ascii_lowercase())
                && !t
                    .as_bytes()
                    .windows(2)
                    .any(|p| matches!(p, b"rn" | b"vv" | b"cl"))
                && !glued(ws[i].start)
                && !sk[ws[i].end..].starts_with(joiner)
            {
                if let Some(entry) = self.misspelt_entry(t) {
                    out.push(one(Disguise::Misspelt, entry));
                }
                i += 1;
                continue;
            }
            // A Latin token: words glued by one symbol for a letter (`telegr@m`, `teleg®am`)
            // or a `*` for any letter (`amaz*n`), and a symbol glued before it (`$kype`).
            let mut last = i;
            while last + 1 < ws.len()
                && let Some(c) = sk[ws[last].end..].chars().next()
                && joiner(c)
                && ws[last + 1].start == ws[last].end + c.len_utf8()
            {
                last += 1;
            }
            let mut start = ws[i].start;
            if let Some(c) = sk[..start].chars().next_back()
                && symbol_letter(c).is_some()
                && !sk[..start - c.len_utf8()]
                    .chars()
                    .next_back()
                    .is_some_and(crate::text::is_word_char)
            {
                start -= c.len_utf8();
            }
            let end = ws[last].end;
            let token = &sk[start..end];
            // An `@` in an address (`shop@ebay.com`, `ali@eb@y`) is not a letter.
            let address = token.contains('@')
                && (sk[..start].ends_with(['@', '.']) || sk[end..].starts_with(['@', '.']));
            let mut found = None;
            // A token with an ASCII letter: a field holding one is what the prefilter lets
            // through (`Classes::LATIN`).
            if !address
                && token.bytes().any(|b| b.is_ascii_alphabetic())
                && (self.lookalike_len.0.saturating_sub(2)..=self.lookalike_len.1 + 2)
                    .contains(&token.chars().count())
            {
                // A word of plain letters (the skeleton lowercased it) can only disguise a name
                // by an `i` for an `l` (`teIegram`) or by letter pairs such as `rn`: most words
                // are looked up without the original text or the confusable skeleton.
                let plain = token.bytes().all(|b| b.is_ascii_lowercase())
                    && !token
                        .as_bytes()
                        .windows(2)
                        .any(|p| matches!(p, b"rn" | b"vv" | b"cl"));
                if plain {
                    plain_key.clear();
                    plain_key.extend(token.chars().map(|c| if c == 'i' { 'l' } else { c }));
                    found = self
                        .plain
                        .get(&plain_key)
                        .filter(|(_, name)| name != token)
                        .map(|&(entry, _)| (entry, Disguise::Lookalike));
                } else {
                    let (s, e) = f.skeleton().to_original(start, end);
                    let written: String = f.cps[s..e].iter().collect();
                    found = self.lookalike_entry(&written, token);
                }
            }
            if found.is_none()
                && last == i
                && let Some(entry) = self.misspelt_entry(token)
            {
                found = Some((entry, Disguise::Misspelt));
            }
            if let Some((entry, how)) = found {
                out.push(Found {
                    first: i,
                    last,
                    start,
                    end,
                    entry,
                    how,
                });
            }
            i = last + 1;
        }
        out
    }

    /// The name a Latin token written `written` (its skeleton `token`) disguises, and how:
    /// with diacritics only (`telegrám`; not a frequent word, `télé`), or with look-alikes
    /// (`ᴛelegram`, `teleg®am`, a `*` for one letter: `amaz*n`).
    fn lookalike_entry(&self, written: &str, token: &str) -> Option<(usize, Disguise)> {
        let stars = written.matches('*').count();
        let keyed = |w: &str| {
            lookalike_key(w)
                .and_then(|k| self.lookalike.get(&k))
                .filter(|(_, name)| name != token)
        };
        let (entry, name) = match stars {
            0 => keyed(written)?,
            // `amaz*n`: one `*` between letters, for any letter.
            1 if written.chars().filter(|c| c.is_alphabetic()).count() >= LOOKALIKE_MIN => {
                ('a'..='z').find_map(|l| keyed(&written.replace('*', &l.to_string())))?
            }
            _ => return None,
        };
        let plain = without_diacritics(written);
        if plain == *name && plain != token.to_lowercase() {
            // Only diacritics differ: a frequent word (`télé`) is no name.
            return (!self.common.contains(&token.to_lowercase()))
                .then_some((*entry, Disguise::Accented));
        }
        Some((*entry, Disguise::Lookalike))
    }

    /// The entry of the name the word `t` (a skeleton word) misspells by one edit, when
    /// misspellings were asked for: a Latin word of letters with the name's first and last
    /// letters at one edit from a Latin name of six letters or more that is no frequent word
    /// (a letter left out, added or changed, or two swapped: `telgram`, `telegramm`,
    /// `whatsap`; not `rubik` for `rubika`, `directs` for `direct`), or a Persian word that is a name of
    /// six letters or more with letters of one class mixed up (`تلغرام`, `طلگرام`) and at most
    /// one inner letter left out (`تلگرم`, `وتساپ`); never a name itself nor a frequent word
    /// (`signals`, `telegraph`).
    fn misspelt_entry(&self, t: &str) -> Option<usize> {
        if self.misspelt.is_empty() || self.exact.contains(t) || self.common.contains(t) {
            return None;
        }
        let letters = t.chars().count();
        if letters + 1 < MISSPELT_MIN {
            return None;
        }
        if t.bytes().all(|b| b.is_ascii_lowercase()) {
            let close = |name: &str| {
                name.as_bytes().first() == t.as_bytes().first()
                    && name.as_bytes().last() == t.as_bytes().last()
                    && strsim::osa_distance(t, name) == 1
            };
            return self
                .misspelt
                .get(t)
                .into_iter()
                .flatten()
                .chain(
                    (0..letters)
                        .filter_map(|at| self.misspelt.get(&without_letter(t, at)))
                        .flatten(),
                )
                .find(|(_, name)| close(name))
                .map(|&(entry, _)| entry);
        }
        if t.chars().all(|c| is_arabic(c) && c.is_alphabetic()) {
            let classes: String = t.chars().map(letter_class).collect();
            return self
                .misspelt
                .get(&classes)
                .and_then(|names| names.first())
                .map(|&(entry, _)| entry);
        }
        None
    }

    /// For a word joined from letters spelled one at a time (`ت ل گ ر ا م ش ا پ م ن` reads
    /// `تلگرامشاپمن`), the entry of the name of four letters or more it starts with when at
    /// least three letters follow the name and the word is no name itself (`تلگرامی`): the
    /// name and a handle spelled together.
    pub fn spelled_start(
        &self,
        f: &FieldText<'_>,
        k: usize,
        names: &crate::phrase::PhraseSet,
    ) -> Option<usize> {
        let (sk, ws) = (f.sk(), f.words());
        let t = ws[k].text(sk);
        let letters = t.chars().count();
        if t.is_ascii() || letters < SPELLED_NAME_MIN + 3 {
            return None;
        }
        // Spelled: the original has a space or a separator between its letters (checked
        // first: most words are not, and their original is no longer than they are).
        let (s, e) = f.skeleton().to_original(ws[k].start, ws[k].end);
        if e - s <= letters
            || !f.cps[s..e].iter().any(|&c| {
                c.is_whitespace()
                    || matches!(c, '.' | '-' | '_' | '،' | ',' | '*' | '/' | '|' | '+')
            })
            || names.word_entry(t).is_some()
            || self.split.contains_key(t)
        {
            return None;
        }
        t.char_indices()
            .rev()
            .filter(|&(at, _)| {
                t[at..].chars().count() >= 3 && t[..at].chars().count() >= SPELLED_NAME_MIN
            })
            .find_map(|(at, _)| {
                let head = &t[..at];
                names
                    .word_entry(head)
                    .or_else(|| self.split.get(head).map(|&(entry, _)| entry))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookalike_keys_match_disguised_names_only() {
        let name = lookalike_key("telegram").unwrap();
        for disguised in [
            "te1egram",
            "teIegram",
            "telegr@m",
            "TELEGRAM",
            "telegrarn",
            "te|egram",
        ] {
            assert_eq!(
                lookalike_key(disguised).as_deref(),
                Some(name.as_str()),
                "{disguised}"
            );
        }
        assert_eq!(lookalike_key("1nstagram"), lookalike_key("instagram"));
        assert_eq!(lookalike_key("wh@tsapp"), lookalike_key("whatsapp"));
        assert_eq!(lookalike_key("$kype"), lookalike_key("skype"));
        for other in ["telegraph", "telegrams", "2024", "i7", "a-b"] {
            assert_ne!(lookalike_key(other), lookalike_key("telegram"), "{other}");
        }
        assert_eq!(lookalike_key("2024"), None);
    }

    #[test]
    fn diacritics_and_drawn_letters_read_as_the_name() {
        let name = lookalike_key("telegram").unwrap();
        for written in [
            "telegrám",
            "TELEGRÁM",
            "te\u{301}legram",
            "ᴛelegram",
            "teł egram",
        ] {
            let key = lookalike_key(&written.replace(' ', ""));
            assert_eq!(key.as_deref(), Some(name.as_str()), "{written}");
        }
        assert_eq!(lookalike_key("ınstagram"), lookalike_key("instagram"));
        assert_eq!(symbol_letter('®'), Some('r'));
        assert_eq!(symbol_letter('¥'), Some('y'));
        assert_eq!(symbol_letter('-'), None);
        assert_eq!(lookalike_key("تلگرام"), None);
        assert_ne!(lookalike_key("telegraph"), Some(name));
    }

    #[test]
    fn misspellings_are_one_edit_away_and_not_frequent_words() {
        let lexicon = Lexicon::parse(
            "messengers.txt".into(),
            "telegram\nrubika\nsignal\nتلگرام\nواتساپ\nروبیکا\n",
        );
        let common: HashSet<String> = ["signal", "signals", "telegrams"]
            .into_iter()
            .map(String::from)
            .collect();
        let names = DisguisedNames::new([&lexicon], common, true);
        for (word, entry) in [
            ("telgram", Some(0)),
            ("telegramm", Some(0)),
            ("teelgram", Some(0)),
            ("telegrams", None),
            ("telegram", None),
            ("relegram", None),
            ("telegrao", None),
            ("rubik", None),
            ("signa", None),
            ("تلغرام", Some(3)),
            ("طلقرام", Some(3)),
            ("تلگرم", Some(3)),
            ("وتساپ", Some(4)),
            ("تلگراف", None),
            ("روبیک", None),
            ("تلگرام", None),
        ] {
            assert_eq!(names.misspelt_entry(word), entry, "{word}");
        }
        let plain = DisguisedNames::new([&lexicon], HashSet::new(), false);
        assert_eq!(plain.misspelt_entry("telgram"), None);
    }

    #[test]
    fn arabic_keyboard_has_no_persian_letters() {
        assert_eq!(arabic_keyboard("تلگرام"), "تلکرام");
        assert_eq!(arabic_keyboard("پیچ و مهره ژ"), "بیج و مهره ز");
    }
}
