//! Listed names (messengers, stores) written in disguise: look-alike letters, digits and
//! symbols inside a Latin name (`te1egram`, `teIegram`, `telegr@m`, `wh@tsapp`, `telegrarn`),
//! a name split in two or three pieces (`tele gram`, `What sApp`, `تل گرام`), and a Persian
//! name typed on an Arabic keyboard (`تلكرام` for `تلگرام`: no `گ پ چ ژ` there).
//!
//! Look-alikes are compared by a key: the word lowercased, digits and symbols written for
//! letters inside a letter word read as those letters (`@` a, `$` s, `!` i, `|` l, `€` e and
//! the digits of [`digit_letter`], `1` as `l`), then the confusable skeleton of Unicode
//! Technical Standard #39 (`unicode-security`: `rn` is `m`, `vv` is `w`, `I` and `1` are
//! `l`, and the look-alikes of other scripts), then `i` read as `l`. Two words with the same key
//! look the same; a word whose key is a name's key but which is not the name itself is the
//! name in disguise.

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
}

/// A symbol written for a letter inside a Latin word, and the letter.
fn symbol_letter(c: char) -> Option<char> {
    Some(match c {
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        '|' => 'l',
        '€' => 'e',
        _ => return None,
    })
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
    if lower.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let mut read = String::with_capacity(lower.len());
    for c in lower.chars() {
        if c.is_alphabetic() {
            read.push(c);
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
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'i' { 'l' } else { c })
            .collect(),
    )
}

impl DisguisedNames {
    /// The names of `lexicons`, as entries numbered the way [`crate::phrase::PhraseSet::new`]
    /// numbers them.
    pub fn new<'a>(lexicons: impl IntoIterator<Item = &'a Lexicon>) -> DisguisedNames {
        let mut out = DisguisedNames {
            lookalike_len: (usize::MAX, 0),
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
            let letters = name.chars().count();
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
            // `tele gram`, `tele-gram`, `تل گرام`.
            if marked && self.prefixes.contains(ws[i].text(sk)) {
                joined.clear();
                joined.push_str(ws[i].text(sk));
                for last in i + 1..(i + SPLIT_MAX_PIECES).min(ws.len()) {
                    if !matches!(
                        &sk[ws[last - 1].end..ws[last].start],
                        " " | "\n" | "-" | "_" | "\u{2010}" | "\u{2011}"
                    ) {
                        break;
                    }
                    joined.push_str(ws[last].text(sk));
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
            // One Persian word typed on an Arabic keyboard: `تلکرام`.
            let t = ws[i].text(sk);
            if !t.is_ascii() {
                if marked
                    && let Some((entry, name)) = self.split.get(t)
                    && name != t
                {
                    out.push(Found {
                        first: i,
                        last: i,
                        start: ws[i].start,
                        end: ws[i].end,
                        entry: *entry,
                        how: Disguise::Split,
                    });
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
            if !marked
                && t.bytes().all(|b| b.is_ascii_lowercase())
                && !t
                    .as_bytes()
                    .windows(2)
                    .any(|p| matches!(p, b"rn" | b"vv" | b"cl"))
                && !glued(ws[i].start)
                && !sk[ws[i].end..].starts_with(|c: char| symbol_letter(c).is_some())
            {
                i += 1;
                continue;
            }
            // A Latin token: words glued by one symbol for a letter (`telegr@m`), and a
            // symbol glued before it (`$kype`).
            let mut last = i;
            while last + 1 < ws.len()
                && ws[last + 1].start == ws[last].end + 1
                && sk[ws[last].end..]
                    .chars()
                    .next()
                    .is_some_and(|c| symbol_letter(c).is_some())
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
            if token.is_ascii()
                && !address
                && (self.lookalike_len.0.saturating_sub(2)..=self.lookalike_len.1 + 2)
                    .contains(&token.len())
            {
                // A word of plain letters (the skeleton lowercased it) can only disguise a name
                // by an `i` for an `l` (`teIegram`) or by letter pairs such as `rn`: most words
                // are looked up without the original text or the confusable skeleton.
                let plain = token.bytes().all(|b| b.is_ascii_lowercase())
                    && !token
                        .as_bytes()
                        .windows(2)
                        .any(|p| matches!(p, b"rn" | b"vv" | b"cl"));
                let known = if plain {
                    plain_key.clear();
                    plain_key.extend(token.chars().map(|c| if c == 'i' { 'l' } else { c }));
                    self.plain.get(&plain_key)
                } else {
                    let (s, e) = f.skeleton().to_original(start, end);
                    lookalike_key(&f.cps[s..e].iter().collect::<String>())
                        .and_then(|k| self.lookalike.get(&k))
                };
                if let Some((entry, name)) = known
                    && name != token
                {
                    out.push(Found {
                        first: i,
                        last,
                        start,
                        end,
                        entry: *entry,
                        how: Disguise::Lookalike,
                    });
                }
            }
            i = last + 1;
        }
        out
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
    fn arabic_keyboard_has_no_persian_letters() {
        assert_eq!(arabic_keyboard("تلگرام"), "تلکرام");
        assert_eq!(arabic_keyboard("پیچ و مهره ژ"), "بیج و مهره ز");
    }
}
