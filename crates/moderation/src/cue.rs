//! Cue lexicons for the semantic review rules: phrases with word stems and a bounded gap,
//! matched on skeleton words in one pass, with veto phrases and a strict tier.
//!
//! One cue per line of a lexicon (`rules/lexicons/*.txt`):
//!
//! ```text
//! دوستانی که میگن          a phrase: these whole words in this order
//! ارزون*                   `*` ends a stem: any word that starts with it
//! قیمت* … بالا*            `…` (or `...`): the part after it starts within `window` words
//!                          after the part before it ends, in the same sentence
//! ساعت <n> رسید*           `<n>`: a number written in digits (`ساعت ۱۰ رسید`, `فردا ۱۰:۳۰
//!                          رسید`: digits parted by a separator are one word of the
//!                          skeleton); not the first token of a cue
//! سلام دوستان<TAB>not      a veto: a cue match that shares a word with it does not count
//! ساعت <n> رسید*<TAB>not end   a veto only for a cue match whose last word it covers
//!                          (`سفارش دادم … رسید*` in `سفارش دادم ساعت ۱۰ رسید`, not `سفارش
//!                          دادم … ولی` in `سفارش دادم ساعت ۱۰ رسید ولی رنگش فرق داشت`)
//! رقیب نداره<TAB>strict    kept when the rule set asks for `reach: strict`
//! ```
//!
//! Tokens are folded like the skeleton (`آ` is `ا`, ZWNJ is dropped, Arabic letter forms are
//! Persian), so a lexicon is written in ordinary Persian.
//!
//! Cost: one lookup per word for exact first tokens and one per distinct stem length for
//! stems (stems are at most [`MAX_STEM_BYTES`] long), then for each candidate cue at most
//! `window` words for its second part: linear in the length of the field.

use crate::context::{Ctx, Fields, Hit};
use crate::lexicon::Lexicon;
use crate::phrase::{FnvMap, HashFilter};
use crate::prefilter::Prefilter;
use crate::ruleset::Params;
use crate::text::{Word, skeleton_key, word_hash, words};

/// Longest stem, in skeleton bytes (a stem is matched against every prefix of a word up to
/// this length, so the bound keeps a 10,000-character word linear).
pub(crate) const MAX_STEM_BYTES: usize = 48;

/// How much of a cue lexicon a rule uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Every cue: built for recall.
    Broad,
    /// Only cues marked `strict`: built for precision.
    Strict,
}

impl Reach {
    /// Parses the `reach` parameter of a rule set.
    pub fn parse(value: &str) -> Result<Reach, String> {
        match value {
            "broad" => Ok(Reach::Broad),
            "strict" => Ok(Reach::Strict),
            other => Err(format!(
                "parameter `reach` must be `broad` or `strict`, not `{other}`"
            )),
        }
    }
}

/// One token of a cue part: a whole word, or a stem (`*` in the lexicon).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    stem: bool,
    /// `<n>`: any word of digits.
    number: bool,
}

impl Token {
    fn matches(&self, word: &str) -> bool {
        if self.number {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
        } else if self.stem {
            word.starts_with(self.text.as_str())
        } else {
            word == self.text
        }
    }
}

/// One cue: one or two parts (the second after a gap), and its tier.
#[derive(Debug, Clone)]
struct Cue {
    parts: Vec<Vec<Token>>,
    veto: bool,
    /// A veto only for cue matches whose last word it covers (tag `end`).
    end: bool,
}

/// A cue found in a field: words `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueMatch {
    pub first: usize,
    pub last: usize,
}

/// The compiled cues of one rule.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueSet {
    cues: Vec<Cue>,
    /// Cues by their first token, when it is a whole word.
    by_word: FnvMap<String, Vec<u32>>,
    /// The hashes of the keys of `by_word`: most words are ruled out on the hash computed
    /// once per word.
    word_filter: HashFilter,
    /// The first two characters of every stem: a word that starts otherwise starts no stem.
    stem_heads: Vec<(char, char)>,
    /// Cues by their first token, when it is a stem.
    by_stem: FnvMap<String, Vec<u32>>,
    /// The distinct byte lengths of the stems in `by_stem`, ascending.
    stem_lengths: Vec<usize>,
    window: usize,
}

/// Characters that end a sentence for the gap of a two-part cue.
pub(crate) const SENTENCE_ENDS: [char; 6] = ['.', '!', '?', '؟', '\n', '؛'];

/// Whether one of `found` (cue matches of the field) overlaps words `first..=last` of `ws` or
/// lies within `window` words of them, with no sentence end between.
pub(crate) fn near(
    sk: &str,
    ws: &[Word],
    found: &[CueMatch],
    (first, last): (usize, usize),
    window: usize,
) -> bool {
    found.iter().any(|m| {
        let (a, b) = if m.last < first {
            (m.last, first)
        } else if m.first > last {
            (last, m.first)
        } else {
            return true;
        };
        b - a <= window + 1 && !sk[ws[a].end..ws[b].start].contains(SENTENCE_ENDS)
    })
}

/// The words of `ws` that the skeleton bytes `start..end` touch, if any.
pub(crate) fn words_of_span(ws: &[Word], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = ws.partition_point(|w| w.end <= start);
    let last = ws.partition_point(|w| w.start < end);
    (first < last).then(|| (first, last - 1))
}

impl CueSet {
    /// Compiles the cues of `lexicons` that `reach` keeps (vetoes are always kept); a gap
    /// spans at most `window` words. A malformed line is an error naming the file and line.
    pub fn new<'a>(
        lexicons: impl IntoIterator<Item = &'a Lexicon>,
        reach: Reach,
        window: usize,
    ) -> Result<CueSet, String> {
        let mut set = CueSet {
            window,
            ..CueSet::default()
        };
        for lex in lexicons {
            for entry in &lex.entries {
                let mut veto = false;
                let mut strict = false;
                let mut end = false;
                for tag in entry.value.iter().flat_map(|v| v.split_whitespace()) {
                    match tag {
                        "not" => veto = true,
                        "strict" => strict = true,
                        "end" => end = true,
                        other => {
                            return Err(format!(
                                "{}: cue `{}`: unknown tag `{other}` (expected `not`, `end` or `strict`)",
                                lex.path.display(),
                                entry.text
                            ));
                        }
                    }
                }
                if end && !veto {
                    return Err(format!(
                        "{}: cue `{}`: `end` needs `not`",
                        lex.path.display(),
                        entry.text
                    ));
                }
                if !veto && reach == Reach::Strict && !strict {
                    continue;
                }
                let parts = parse_cue(&entry.text)
                    .map_err(|e| format!("{}: cue `{}`: {e}", lex.path.display(), entry.text))?;
                for parts in spellings(parts) {
                    set.insert(Cue { parts, veto, end });
                }
            }
        }
        set.stem_lengths.sort_unstable();
        set.stem_lengths.dedup();
        Ok(set)
    }

    fn insert(&mut self, cue: Cue) {
        let index = self.cues.len() as u32;
        let first = &cue.parts[0][0];
        if first.stem {
            self.stem_lengths.push(first.text.len());
            if let Some(head) = head(&first.text)
                && !self.stem_heads.contains(&head)
            {
                self.stem_heads.push(head);
            }
            self.by_stem
                .entry(first.text.clone())
                .or_default()
                .push(index);
        } else {
            self.word_filter.mark(word_hash(&first.text));
            self.by_word
                .entry(first.text.clone())
                .or_default()
                .push(index);
        }
        self.cues.push(cue);
    }

    /// The cues of a rule set's rule: lexicons from parameter `key` (default `default`),
    /// `reach` (`broad` or `strict`, default `broad`) and `window` (default 6 words).
    pub fn from_params(p: &Params<'_>, key: &str, default: &[&str]) -> Result<CueSet, String> {
        let reach = match p.strings("reach", &["broad"])?.as_slice() {
            [one] => Reach::parse(one)?,
            other => {
                return Err(format!(
                    "parameter `reach` must be `broad` or `strict`, not {other:?}"
                ));
            }
        };
        CueSet::new(p.lexicons(key, default)?, reach, p.usize("window", 6)?)
    }

    /// One hit per cue match in each of `fields`.
    pub fn report(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            if cx.out_of_time() {
                return;
            }
            for m in self.find_all(f.sk(), f.words()) {
                out.push(f.hit_words(m.first, m.last));
            }
        }
    }

    /// What a field must contain for a cue to match: the first token of some cue (not of a
    /// veto), as a literal of the skeleton.
    pub fn prefilter(&self) -> Prefilter {
        let firsts: Vec<&str> = self
            .cues
            .iter()
            .filter(|c| !c.veto)
            .map(|c| c.parts[0][0].text.as_str())
            .collect();
        Prefilter::literals(firsts)
    }

    /// Every cue match of the field that no veto overlaps, left to right, not overlapping
    /// each other.
    pub fn find_all(&self, sk: &str, ws: &[Word]) -> Vec<CueMatch> {
        if ws.is_empty() || self.cues.is_empty() {
            return Vec::new();
        }
        // Sentence number of every word.
        let mut sentence = Vec::with_capacity(ws.len());
        let mut current = 0u32;
        for (i, w) in ws.iter().enumerate() {
            if i > 0 && sk[ws[i - 1].end..w.start].contains(SENTENCE_ENDS) {
                current += 1;
            }
            sentence.push(current);
        }
        let mut found: Vec<CueMatch> = Vec::new();
        let mut vetoed = vec![false; ws.len()];
        let mut vetoed_end = vec![false; ws.len()];
        let mut any_veto = false;
        for i in 0..ws.len() {
            let word = ws[i].text(sk);
            let exact = if self.word_filter.may_contain(ws[i].hash) {
                self.by_word.get(word)
            } else {
                None
            };
            let heads = head(word).is_some_and(|h| self.stem_heads.contains(&h));
            let stems = self
                .stem_lengths
                .iter()
                .take_while(|&&len| heads && len <= word.len())
                .filter(|&&len| word.is_char_boundary(len))
                .filter_map(|&len| self.by_stem.get(&word[..len]))
                .flatten();
            for &index in exact.into_iter().flatten().chain(stems) {
                let cue = &self.cues[index as usize];
                if let Some(last) = self.match_cue(cue, sk, ws, &sentence, i) {
                    if cue.veto {
                        any_veto = true;
                        let marks = if cue.end {
                            &mut vetoed_end
                        } else {
                            &mut vetoed
                        };
                        marks[i..=last].iter_mut().for_each(|v| *v = true);
                    } else {
                        found.push(CueMatch { first: i, last });
                    }
                }
            }
        }
        if any_veto {
            // Prefix counts of vetoed words: one test per match.
            let mut before = Vec::with_capacity(ws.len() + 1);
            before.push(0usize);
            for &v in &vetoed {
                before.push(before.last().copied().unwrap_or(0) + usize::from(v));
            }
            found.retain(|m| before[m.last + 1] == before[m.first] && !vetoed_end[m.last]);
        }
        found.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
        let mut out: Vec<CueMatch> = Vec::with_capacity(found.len());
        for m in found {
            if out.last().is_none_or(|prev| m.first > prev.last) {
                out.push(m);
            }
        }
        out
    }

    /// The last word of `cue` matched from word `i`, if it matches there.
    fn match_cue(
        &self,
        cue: &Cue,
        sk: &str,
        ws: &[Word],
        sentence: &[u32],
        i: usize,
    ) -> Option<usize> {
        let mut end = match_part(&cue.parts[0], sk, ws, i)?;
        for part in &cue.parts[1..] {
            let from = end + 1;
            let to = (end + self.window).min(ws.len().saturating_sub(1));
            end = (from..=to)
                .take_while(|&j| sentence[j] == sentence[i])
                .find_map(|j| match_part(part, sk, ws, j))?;
        }
        Some(end)
    }
}

/// The first two characters of a word or stem.
fn head(text: &str) -> Option<(char, char)> {
    let mut chars = text.chars();
    Some((chars.next()?, chars.next()?))
}

/// The last word of `part` matched from word `i`.
fn match_part(part: &[Token], sk: &str, ws: &[Word], i: usize) -> Option<usize> {
    let last = i + part.len() - 1;
    if last >= ws.len() {
        return None;
    }
    part.iter()
        .zip(&ws[i..=last])
        .all(|(t, w)| t.matches(w.text(sk)))
        .then_some(last)
}

/// Verb prefixes that Persian writers join with a zero-width non-joiner (dropped by the
/// skeleton: `می‌گن` is the word `میگن`) or, as often, leave apart with a space (`می گن`).
const VERB_PREFIXES: [&str; 2] = ["نمی", "می"];

/// Most tokens of one cue that are spelled both ways (2^4 spellings at most).
const MAX_SPLIT_TOKENS: usize = 4;

/// The spellings of a cue a writer may use: each token that starts with a verb prefix
/// (followed by at least two letters) as one word and as the prefix and the rest as two
/// words, in every combination.
fn spellings(parts: Vec<Vec<Token>>) -> Vec<Vec<Vec<Token>>> {
    let prefixes = VERB_PREFIXES.map(skeleton_key);
    let split = |t: &Token| -> Option<[Token; 2]> {
        let prefix = prefixes.iter().find(|p| t.text.starts_with(p.as_str()))?;
        let rest = &t.text[prefix.len()..];
        rest.chars().nth(1).is_some().then(|| {
            [
                Token {
                    text: prefix.clone(),
                    stem: false,
                    number: false,
                },
                Token {
                    text: rest.to_owned(),
                    stem: t.stem,
                    number: false,
                },
            ]
        })
    };
    let mut budget = MAX_SPLIT_TOKENS;
    let mut out: Vec<Vec<Vec<Token>>> = vec![Vec::new()];
    for part in parts {
        let mut written: Vec<Vec<Token>> = vec![Vec::new()];
        for token in part {
            let apart = if budget > 0 { split(&token) } else { None };
            budget -= usize::from(apart.is_some());
            written = written
                .into_iter()
                .flat_map(|so_far| {
                    let mut joined = so_far.clone();
                    joined.push(token.clone());
                    let apart = apart.clone().map(|pair| {
                        let mut apart = so_far;
                        apart.extend(pair);
                        apart
                    });
                    std::iter::once(joined).chain(apart)
                })
                .collect();
        }
        out = out
            .into_iter()
            .flat_map(|cue| {
                written.iter().map(move |part| {
                    let mut cue = cue.clone();
                    cue.push(part.clone());
                    cue
                })
            })
            .collect();
    }
    out
}

/// Splits a cue into parts at `…`/`...` and each part into skeleton tokens.
fn parse_cue(text: &str) -> Result<Vec<Vec<Token>>, String> {
    let mut parts: Vec<Vec<Token>> = vec![Vec::new()];
    for raw in text.split_whitespace() {
        if raw == "…" || raw == "..." {
            parts.push(Vec::new());
            continue;
        }
        if raw == "<n>" {
            if parts.len() == 1 && parts[0].is_empty() {
                return Err("a cue cannot start with `<n>`".to_owned());
            }
            parts.last_mut().expect("one part").push(Token {
                text: "<n>".to_owned(),
                stem: false,
                number: true,
            });
            continue;
        }
        let (body, stem) = match raw.strip_suffix('*') {
            Some(b) => (b, true),
            None => (raw, false),
        };
        let key = skeleton_key(body);
        let pieces = words(&key);
        if pieces.is_empty() {
            return Err(format!("`{raw}` has no letter or digit"));
        }
        let count = pieces.len();
        for (k, w) in pieces.iter().enumerate() {
            let text = w.text(&key).to_owned();
            let stem = stem && k + 1 == count;
            if stem && text.chars().nth(1).is_none() {
                return Err(format!("stem `{raw}` needs at least two letters"));
            }
            if stem && text.len() > MAX_STEM_BYTES {
                return Err(format!(
                    "stem `{raw}` is longer than {MAX_STEM_BYTES} bytes"
                ));
            }
            parts.last_mut().expect("one part").push(Token {
                text,
                stem,
                number: false,
            });
        }
    }
    if parts.iter().any(Vec::is_empty) {
        return Err("`…` needs words on both sides".to_owned());
    }
    if parts.len() > 3 {
        return Err("at most two gaps (`…`) per cue".to_owned());
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::skeleton_key;

    fn set(lines: &str, reach: Reach) -> CueSet {
        let lex = Lexicon::parse("t.txt".into(), lines);
        CueSet::new([&lex], reach, 4).unwrap()
    }

    fn found(set: &CueSet, text: &str) -> Vec<String> {
        let sk = skeleton_key(text);
        let ws = words(&sk);
        set.find_all(&sk, &ws)
            .iter()
            .map(|m| sk[ws[m.first].start..ws[m.last].end].to_owned())
            .collect()
    }

    #[test]
    fn phrases_stems_and_gaps() {
        let s = set("دوستانی که میگن\nارزون*\nقیمت* … بالا*\n", Reach::Broad);
        assert_eq!(found(&s, "دوستانی که میگن بده"), ["دوستانی که میگن"]);
        assert_eq!(found(&s, "بیرون ارزونتره"), ["ارزونتره"]);
        assert_eq!(
            found(&s, "قیمتش خیلی زیاد بالا رفته"),
            ["قیمتش خیلی زیاد بالا"]
        );
        // The gap stays inside the window and the sentence.
        assert!(found(&s, "قیمتش یک دو سه چهار پنج بالا").is_empty());
        assert!(found(&s, "قیمتش خوبه. بالا رفتن از پله").is_empty());
    }

    #[test]
    fn a_verb_prefix_matches_joined_or_apart() {
        let s = set("میگن\nنمیدونم چرا\nدوستان میگن\tnot\n", Reach::Broad);
        assert_eq!(found(&s, "اینطور می\u{200c}گن"), ["میگن"]);
        assert_eq!(found(&s, "اینطور می گن"), ["می گن"]);
        assert_eq!(found(&s, "نمی دونم چرا"), ["نمی دونم چرا"]);
        assert!(found(&s, "دوستان می گن").is_empty());
        // A word that only starts like the prefix is not split.
        assert!(found(&s, "می گ").is_empty());
    }

    #[test]
    fn vetoes_and_tiers() {
        let lines = "دوستان\nسلام دوستان\tnot\nرقیب نداره\tstrict\n";
        let broad = set(lines, Reach::Broad);
        assert_eq!(found(&broad, "دوستان اشتباه کردن"), ["دوستان"]);
        assert!(found(&broad, "سلام دوستان، عالیه").is_empty());
        let strict = set(lines, Reach::Strict);
        assert!(found(&strict, "دوستان اشتباه کردن").is_empty());
        assert_eq!(found(&strict, "تو بازار رقیب نداره"), ["رقیب نداره"]);
    }

    #[test]
    fn a_number_token_matches_digits_only() {
        let s = set(
            "سفارش دادم … رسید*\nسفارش دادم … ولی\nساعت <n> رسید*\tnot end\n",
            Reach::Broad,
        );
        assert!(found(&s, "سفارش دادم ساعت ۱۰ رسید").is_empty());
        // An `end` veto leaves a cue that goes on past it.
        assert_eq!(
            found(&s, "سفارش دادم ساعت ۱۰ رسید ولی"),
            ["سفارش دادم ساعت 10 رسید ولی"]
        );
        assert_eq!(
            found(&s, "سفارش دادم ساعت بعد رسید"),
            ["سفارش دادم ساعت بعد رسید"]
        );
        let lex = Lexicon::parse("cues.txt".into(), "<n> رسید\n");
        let err = CueSet::new([&lex], Reach::Broad, 4).unwrap_err();
        assert!(err.contains("start with `<n>`"), "{err}");
    }

    #[test]
    fn bad_lines_are_errors_naming_the_file() {
        let lex = Lexicon::parse("cues.txt".into(), "قیمت …\n");
        let err = CueSet::new([&lex], Reach::Broad, 4).unwrap_err();
        assert!(
            err.contains("cues.txt") && err.contains("both sides"),
            "{err}"
        );
        let lex = Lexicon::parse("cues.txt".into(), "قیمت\tmaybe\n");
        let err = CueSet::new([&lex], Reach::Broad, 4).unwrap_err();
        assert!(err.contains("unknown tag `maybe`"), "{err}");
    }

    #[test]
    fn long_words_and_many_candidates_stay_linear() {
        let s = set("قیمت* … بالا*\nالف*\n", Reach::Broad);
        let long = "ب".repeat(10_000);
        assert!(found(&s, &long).is_empty());
        let many = "قیمت ".repeat(2_000);
        assert!(found(&s, &many).is_empty());
    }
}
