//! Numbers written in digits or words (`صفر نهصد و دوازده`), as runs of digits a rule can test.

use crate::lexicon::Lexicon;
use crate::text::{Word, digit_letter, skeleton_key, squeeze, word_hash};

/// Value of a number word: a plain value (`دوازده` = 12), the multiplier hundred (`hundred`,
/// `صد`, `cent`: it multiplies the value before it, if any) or a scale (`هزار` = 1000).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberWord {
    Value(u64),
    Hundred,
    Scale(u64),
    /// `double`, `triple`: the digit word after it, said that many times (`double five` = 55).
    Repeat(u8),
}

/// A number written in several words that the words do not add up to (`quatre vingt` = 80,
/// `soixante onze` = 71): the words after the first and the value.
#[derive(Debug, Clone)]
struct Compound {
    rest: Vec<String>,
    value: NumberWord,
}

/// Number words from lexicons (`word<TAB>value`), keyed by skeleton; plus the joiners (`و`,
/// `and`, `et`, `und`).
#[derive(Debug, Clone, Default)]
pub(crate) struct NumberWords {
    words: crate::phrase::FnvMap<String, NumberWord>,
    /// The single words with repeated letters collapsed (`zeero` reads `zero`), for words of
    /// three letters or more.
    squeezed: crate::phrase::FnvMap<String, NumberWord>,
    /// Entries of several words, keyed by their first word, longest first.
    compounds: crate::phrase::FnvMap<String, Vec<Compound>>,
    /// Hashes of the number words and of the first words of compounds: most words are ruled
    /// out without a lookup.
    filter: crate::phrase::HashFilter,
    joiners: Vec<String>,
    /// The joiners of one letter (`و`), which may be written glued to the number words they
    /// join (`صدوبیست`, Arabic `وعشرين`).
    glue: Vec<char>,
    /// Words that say "times" between a count and a digit (`دو تا پنج` = 55).
    times: Vec<String>,
    /// A hash of every entry read: two rules whose number words come from the same lexicons
    /// have the same id, and share the numbers a field's cache read with them.
    id: u64,
}

impl NumberWords {
    /// Reads `word<TAB>value` lines; the value 100 is the multiplier hundred, and 1000, 10^6
    /// and 10^9 are scales. A line `و<TAB>and` (value `and`) declares a joiner. An entry of
    /// several words (`quatre vingt<TAB>80`, written with spaces or hyphens) is read as one
    /// number where its words stand one after another with only spaces or hyphens between. A
    /// line `تا<TAB>times` declares a word that repeats a digit between a count and it (`دو تا
    /// پنج` = 55, see [`chunks`]).
    pub fn from_lexicons(lexicons: &[&Lexicon]) -> Result<NumberWords, String> {
        let mut out = NumberWords::default();
        let mut id = std::hash::DefaultHasher::new();
        for lex in lexicons {
            for entry in &lex.entries {
                std::hash::Hash::hash(&(&entry.text, &entry.value), &mut id);
                let key = skeleton_key(&entry.text);
                match entry.value.as_deref() {
                    Some("and") => {
                        let mut chars = key.chars();
                        if let (Some(c), None) = (chars.next(), chars.next())
                            && !c.is_ascii()
                            && !out.glue.contains(&c)
                        {
                            out.glue.push(c);
                        }
                        out.joiners.push(key);
                    }
                    Some("times") => out.times.push(key),
                    Some(v @ ("x2" | "x3")) => {
                        out.filter.mark(word_hash(&key));
                        out.words
                            .insert(key, NumberWord::Repeat(if v == "x2" { 2 } else { 3 }));
                    }
                    Some(v) => {
                        let n: u64 = v.parse().map_err(|_| {
                            format!(
                                "{}: `{}` has value `{v}`, expected a whole number, `and`, `x2`/`x3` (a word that repeats the digit after it) or `times` (a word between a count and the digit it repeats)",
                                lex.path.display(),
                                entry.text
                            )
                        })?;
                        let word = match n {
                            100 => NumberWord::Hundred,
                            1_000 | 1_000_000 | 1_000_000_000 => NumberWord::Scale(n),
                            _ => NumberWord::Value(n),
                        };
                        let mut parts = key
                            .split(|c: char| !crate::text::is_word_char(c))
                            .filter(|p| !p.is_empty())
                            .map(str::to_owned);
                        let Some(first) = parts.next() else {
                            return Err(format!(
                                "{}: `{}` has no letters: write a number word",
                                lex.path.display(),
                                entry.text
                            ));
                        };
                        let rest: Vec<String> = parts.collect();
                        out.filter.mark(word_hash(&first));
                        if rest.is_empty() {
                            let squeezed = squeeze(&first);
                            if squeezed.chars().count() >= 3 {
                                out.filter.mark(word_hash(&squeezed));
                                out.squeezed.insert(squeezed, word);
                            }
                            out.words.insert(first, word);
                        } else {
                            let list = out.compounds.entry(first).or_default();
                            list.push(Compound { rest, value: word });
                            list.sort_by_key(|c| std::cmp::Reverse(c.rest.len()));
                        }
                    }
                    None => {
                        return Err(format!(
                            "{}: `{}` has no value: write `word<TAB>number`",
                            lex.path.display(),
                            entry.text
                        ));
                    }
                }
            }
        }
        out.id = std::hash::Hasher::finish(&id);
        Ok(out)
    }

    /// Identifies the lexicons read (see [`NumberWords`]'s `id`).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The value of skeleton word `w` of `sk`.
    #[inline]
    fn get(&self, sk: &str, w: &Word) -> Option<NumberWord> {
        if !self.filter.may_contain(w.hash) {
            return None;
        }
        self.words.get(w.text(sk)).copied()
    }

    /// The number word or compound starting at word `j`, and the index of its last word.
    fn read(&self, sk: &str, ws: &[Word], j: usize) -> Option<(NumberWord, usize)> {
        let w = ws.get(j)?;
        if !self.filter.may_contain(w.hash) && !self.filter.may_contain(w.squeezed) {
            return self.with_digits_for_letters(w.text(sk)).map(|v| (v, j));
        }
        if let Some(list) = self.compounds.get(w.text(sk)) {
            for c in list {
                let last = j + c.rest.len();
                let fits = last < ws.len()
                    && c.rest.iter().enumerate().all(|(k, part)| {
                        let (prev, next) = (&ws[j + k], &ws[j + k + 1]);
                        next.text(sk) == part
                            && sk[prev.end..next.start]
                                .chars()
                                .all(|ch| ch == ' ' || ch == '-')
                    });
                if fits {
                    return Some((c.value, last));
                }
            }
        }
        if let Some(&v) = self.words.get(w.text(sk)) {
            return Some((v, j));
        }
        // `zeeero`, `صفررر`: repeated letters.
        if w.squeezed != w.hash && self.filter.may_contain(w.squeezed) {
            let squeezed = squeeze(w.text(sk));
            if squeezed.chars().count() >= 3 {
                return self.squeezed.get(&squeezed).map(|&v| (v, j));
            }
        }
        None
    }

    /// A Latin number word with digits written for letters that look alike (`zer0`, `f1ve`,
    /// `thr33`, `s3ven`; the table of [`digit_letter`]: `0` is `o`, `1` is `i` or `l`, `3` is
    /// `e` ...). The word needs two letters or more, so digits glued to a unit (`5s`, `10l`)
    /// stay.
    fn with_digits_for_letters(&self, t: &str) -> Option<NumberWord> {
        if !t.is_ascii()
            || t.len() > 12
            || t.bytes().filter(u8::is_ascii_alphabetic).count() < 2
            || !t.bytes().any(|b| b.is_ascii_digit())
            || !t.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return None;
        }
        [b'i', b'l'].iter().find_map(|&one| {
            let letters = t
                .bytes()
                .map(|b| match b {
                    b'1' => Some(char::from(one)),
                    b'0'..=b'9' => digit_letter(b).map(char::from),
                    _ => Some(char::from(b)),
                })
                .collect::<Option<String>>()?;
            match self.words.get(&letters) {
                Some(&v @ NumberWord::Value(_)) => Some(v),
                _ => None,
            }
        })
    }

    /// A number word alone, or a digit word and the hundred or a scale written together
    /// (`دوهزار`, `تلتمية`): the byte lengths of its parts, or `None`.
    fn glued_piece(&self, piece: &str) -> Option<[usize; 2]> {
        if piece.is_empty() {
            return None;
        }
        match self.words.get(piece) {
            Some(NumberWord::Repeat(_)) => return None,
            Some(_) => return Some([piece.len(), 0]),
            None => {}
        }
        piece.char_indices().skip(1).find_map(|(b, _)| {
            let head = matches!(self.words.get(&piece[..b]), Some(NumberWord::Value(1..=9)));
            let tail = matches!(
                self.words.get(&piece[b..]),
                Some(NumberWord::Hundred | NumberWord::Scale(_))
            );
            (head && tail).then_some([b, piece.len() - b])
        })
    }

    /// The parts of a word that glues number words with a one-letter joiner (`صدوبیست` is
    /// `صد`, `و`, `بیست`; `نهصدوده`; `دوهزاروپانصد`; Arabic `وعشرين`, joined to the number
    /// before it), as byte ranges of `t`; `None` when `t` is not such a word. Every part
    /// between joiners must be a number word, so ordinary words holding the letter (`صدور`,
    /// `سیو`) stay whole.
    fn glued_parts(&self, t: &str) -> Option<Vec<(usize, usize)>> {
        let glue = *self.glue.iter().find(|&&g| t.contains(g))?;
        if t.chars().count() < 3 || self.words.contains_key(t) {
            return None;
        }
        let width = glue.len_utf8();
        let mut parts = Vec::new();
        let mut at = 0;
        if t.starts_with(glue) {
            parts.push((0, width));
            at = width;
        }
        // The joiners split `t[at..]`; a number word holding the letter (`دوازده`, `نود`)
        // is tried whole before it is split.
        while at < t.len() {
            let rest = &t[at..];
            let cut = std::iter::once(rest.len())
                .chain(rest.match_indices(glue).map(|(i, _)| i).filter(|&i| i > 0))
                .filter(|&i| i == rest.len() || i + width < rest.len())
                .filter_map(|i| self.glued_piece(&rest[..i]).map(|p| (i, p)))
                .min_by_key(|&(i, _)| usize::from(i != rest.len()))?;
            let (i, [first, second]) = cut;
            parts.push((at, at + first));
            if second > 0 {
                parts.push((at + first, at + first + second));
            }
            at += i;
            if at < t.len() {
                parts.push((at, at + width));
                at += width;
            }
        }
        (parts.len() >= 2).then_some(parts)
    }

    /// The parts of a Latin word that writes digit words inside a group of digits (`09one2`
    /// is `09`, `one`, `2`), as byte ranges of `t`; `None` unless every run of letters is a
    /// word for one digit (`0` to `9`) and the digits
    /// around them number two or more, so `mp3`, `i7` or `4k` stay whole.
    fn digit_word_parts(&self, t: &str) -> Option<Vec<(usize, usize)>> {
        let bytes = t.as_bytes();
        if !t.is_ascii()
            || bytes.iter().filter(|b| b.is_ascii_digit()).count() < 2
            || !bytes.iter().any(u8::is_ascii_alphabetic)
            || !bytes.iter().all(u8::is_ascii_alphanumeric)
        {
            return None;
        }
        let mut parts = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let digit = bytes[at].is_ascii_digit();
            let run = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit() == digit)
                .count();
            if !digit {
                let word = &t[at..at + run];
                if !matches!(self.words.get(word), Some(NumberWord::Value(0..=9))) {
                    return None;
                }
            }
            parts.push((at, at + run));
            at += run;
        }
        Some(parts)
    }

    /// `ws` with glued number words split into their parts (see [`Self::glued_parts`]), and for
    /// each word of the result the index of the word of `ws` it is part of; `None` when no word
    /// is glued.
    fn split_glued(&self, sk: &str, ws: &[Word]) -> Option<(Vec<Word>, Vec<usize>)> {
        let mut out: Option<(Vec<Word>, Vec<usize>)> = None;
        for (k, w) in ws.iter().enumerate() {
            let t = w.text(sk);
            let parts = if self.glue.is_empty() {
                None
            } else {
                self.glued_parts(t)
            }
            .or_else(|| self.digit_word_parts(t));
            if parts.is_some() && out.is_none() {
                out = Some((ws[..k].to_vec(), (0..k).collect()));
            }
            if let Some((words, index)) = out.as_mut() {
                match parts {
                    Some(parts) => {
                        for (s, e) in parts {
                            words.push(Word::new(sk, w.start + s, w.start + e));
                            index.push(k);
                        }
                    }
                    None => {
                        words.push(*w);
                        index.push(k);
                    }
                }
            }
        }
        out
    }

    /// The value of a value word or compound starting at word `j`.
    fn value_at(&self, sk: &str, ws: &[Word], j: usize) -> Option<u64> {
        match self.read(sk, ws, j) {
            Some((NumberWord::Value(v), _)) => Some(v),
            Some((NumberWord::Hundred, _)) => Some(100),
            _ => None,
        }
    }

    /// What a field must contain for a number word to be in it: one of the words (the first
    /// word of a compound); the start of a word that glues number words with a one-letter
    /// joiner (see [`Self::glued_parts`]: a number word and the joiner, `صدو…`, a digit word
    /// and a hundred or scale word and the joiner, `دوهزارو…`, or the joiner and either,
    /// Arabic `وعشرين`), so an ordinary word holding the letters (`بوده`, `…صدور`) does not
    /// count; or, for a Latin word with digits for letters (`zer0`), a Latin word with a digit
    /// in it.
    pub fn prefilter(&self) -> crate::prefilter::Prefilter {
        use crate::prefilter::Prefilter;
        let mut pieces: Vec<String> = self
            .words
            .keys()
            .filter(|w| !w.is_ascii())
            .cloned()
            .collect();
        let heads: Vec<&String> = self
            .words
            .iter()
            .filter(|(w, v)| !w.is_ascii() && matches!(v, NumberWord::Value(1..=9)))
            .map(|(w, _)| w)
            .collect();
        let tails: Vec<&String> = self
            .words
            .iter()
            .filter(|(w, v)| {
                !w.is_ascii() && matches!(v, NumberWord::Hundred | NumberWord::Scale(_))
            })
            .map(|(w, _)| w)
            .collect();
        for h in &heads {
            pieces.extend(tails.iter().map(|t| format!("{h}{t}")));
        }
        let glued = pieces.iter().flat_map(|w| {
            self.glue
                .iter()
                .flat_map(move |g| [format!("{w}{g}"), format!("{g}{w}")])
        });
        let mut filter = Prefilter::words(self.words.keys().chain(self.compounds.keys()), false)
            .or(Prefilter::words(self.squeezed.keys(), true))
            .or(Prefilter::word_starts(glued));
        if self.words.keys().any(|w| w.is_ascii()) {
            filter = filter.or(Prefilter::classes(
                crate::prefilter::class::Classes::LATIN_DIGIT_WORD,
            ));
        }
        filter
    }

    /// The scale (1000, 10^6, 10^9) of a scale word such as `هزار` or `میلیون`.
    pub fn scale_of(&self, sk: &str, w: &Word) -> Option<u64> {
        match self.get(sk, w) {
            Some(NumberWord::Scale(s)) => Some(s),
            _ => None,
        }
    }

    /// Every single number word with its value (for building other word lists from them).
    pub fn values(&self) -> impl Iterator<Item = (&str, u64)> {
        self.words.iter().map(|(w, v)| {
            let v = match v {
                NumberWord::Value(v) | NumberWord::Scale(v) => *v,
                NumberWord::Hundred => 100,
                NumberWord::Repeat(_) => 0,
            };
            (w.as_str(), v)
        })
    }

    fn is_joiner(&self, word: &str) -> bool {
        self.joiners.iter().any(|j| j == word)
    }
}

/// Whether `value` can be added to `acc`, the value read so far of a group of number words:
/// it fills the zeros `acc` ends in (`twenty` + `one`, `سیصد` + `چهل`, `soixante dix` +
/// `huit`, `هزار` + `پانصد`). Digits read one by one (`zero nine one two`) do not add up.
fn fills(acc: u64, value: u64) -> bool {
    if acc == 0 || value == 0 {
        return false;
    }
    let mut room = 1u64;
    let mut rest = acc;
    while rest.is_multiple_of(10) {
        rest /= 10;
        room = room.saturating_mul(10);
    }
    value < room
}

/// The digits of a number: a slice of the skeleton, or the value of spelled words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Digits<'a> {
    /// Written in digits: the skeleton's text.
    Written(&'a str),
    /// Written in digits, held without the skeleton (a field's cache of its numbers): the
    /// chunk's `start..end` of the skeleton; [`NumberChunk::attach`] makes it `Written`.
    InSkeleton,
    /// Written in words: the value's decimal digits (a `u64` has at most 20).
    Spelled { buf: [u8; 20], len: u8 },
}

impl Digits<'_> {
    fn spelled(value: u64) -> Digits<'static> {
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        let mut v = value;
        loop {
            at -= 1;
            buf[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        let len = buf.len() - at;
        buf.copy_within(at.., 0);
        Digits::Spelled {
            buf,
            len: len as u8,
        }
    }

    /// Digit `d` said `times` times (`double zero` = `00`).
    fn repeated(d: u8, times: u8) -> Digits<'static> {
        let mut buf = [0u8; 20];
        let len = times.min(20);
        buf[..usize::from(len)].fill(b'0' + d % 10);
        Digits::Spelled { buf, len }
    }

    /// The digits as text.
    pub fn as_str(&self) -> &str {
        match self {
            Digits::Written(s) => s,
            Digits::InSkeleton => "",
            Digits::Spelled { buf, len } => {
                std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or_default()
            }
        }
    }
}

/// A number in a field: consecutive digit words, or number words joined by `و`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NumberChunk<'a> {
    /// The digits (`912` for `نهصد و دوازده`).
    pub digits: Digits<'a>,
    /// Skeleton byte range.
    pub start: usize,
    pub end: usize,
    /// Index of the first and last word.
    pub first_word: usize,
    pub last_word: usize,
    /// Written with words rather than digits.
    pub spelled: bool,
    /// Largest scale word inside a spelled group (`دو میلیون و سیصد`: 1000000), else 0.
    pub max_scale: u64,
    /// A run of digits inside a Latin word (`tel09121234567`), read only when asked.
    pub glued: bool,
}

impl<'a> NumberChunk<'a> {
    /// A number written in words `first..=last` of `ws`.
    fn in_words(
        digits: Digits<'a>,
        ws: &[Word],
        first: usize,
        last: usize,
        max_scale: u64,
    ) -> NumberChunk<'a> {
        NumberChunk {
            digits,
            start: ws[first].start,
            end: ws[last].end,
            first_word: first,
            last_word: last,
            spelled: true,
            max_scale,
            glued: false,
        }
    }

    /// The chunk without its borrow of the skeleton, for a field's cache.
    pub fn detach(&self) -> NumberChunk<'static> {
        NumberChunk {
            digits: match self.digits {
                Digits::Written(_) | Digits::InSkeleton => Digits::InSkeleton,
                Digits::Spelled { buf, len } => Digits::Spelled { buf, len },
            },
            ..*self
        }
    }
}

impl NumberChunk<'static> {
    /// A detached chunk of skeleton `sk`, with its written digits read from it again.
    pub fn attach<'s>(&self, sk: &'s str) -> NumberChunk<'s> {
        NumberChunk {
            digits: match self.digits {
                Digits::Written(_) | Digits::InSkeleton => {
                    Digits::Written(sk.get(self.start..self.end).unwrap_or_default())
                }
                Digits::Spelled { buf, len } => Digits::Spelled { buf, len },
            },
            ..*self
        }
    }
}

/// Fewest digits of a run glued to Latin letters that [`chunks`] reads as a number when asked.
const GLUED_MIN_DIGITS: usize = 3;

/// Every number in a field, left to right. With `glued`, runs of at least three digits inside a
/// Latin word count too (`tel09121234567`, `2034567890x456`), each as its own number (marked
/// `glued`: without `glued` the list is the same less those, so one reading serves both; a
/// Latin number word with digits for letters, `s3v3nt33n`, is read as the word either way).
/// Number words glued with `و` (`صدوبیست`) are read as the words they are made of; the
/// chunks' word indices are those of `ws`. Rules read a field's numbers through
/// [`FieldText::numbers`](crate::context::FieldText::numbers), which reads them once per set of
/// number words.
pub(crate) fn chunks<'a>(
    sk: &'a str,
    ws: &[Word],
    nw: &NumberWords,
    glued: bool,
) -> Vec<NumberChunk<'a>> {
    let Some((parts, index)) = nw.split_glued(sk, ws) else {
        return chunks_of_words(sk, ws, nw, glued);
    };
    let mut out = chunks_of_words(sk, &parts, nw, glued);
    for c in &mut out {
        c.first_word = index[c.first_word];
        c.last_word = index[c.last_word];
    }
    out
}

/// Whether `value` after a joiner adds tens to the units read so far (`خمسة واربعين` = 45,
/// `تلتمية خمسة واربعين` = 345): Arabic says the units first.
fn tens_after_units(acc: u64, value: u64) -> bool {
    (1..=9).contains(&(acc % 100)) && (20..=90).contains(&value) && value.is_multiple_of(10)
}

/// [`chunks`] over words in which no number word is glued to another.
fn chunks_of_words<'a>(
    sk: &'a str,
    ws: &[Word],
    nw: &NumberWords,
    glued: bool,
) -> Vec<NumberChunk<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let t = ws[i].text(sk);
        if glued
            && t.is_ascii()
            && t.bytes().any(|b| b.is_ascii_alphabetic())
            && t.bytes().filter(u8::is_ascii_digit).count() >= GLUED_MIN_DIGITS
            && nw.with_digits_for_letters(t).is_none()
        {
            let bytes = t.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                let run = bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if run >= GLUED_MIN_DIGITS {
                    let start = ws[i].start + at;
                    out.push(NumberChunk {
                        digits: Digits::Written(&sk[start..start + run]),
                        start,
                        end: start + run,
                        first_word: i,
                        last_word: i,
                        spelled: false,
                        max_scale: 0,
                        glued: true,
                    });
                }
                at += run.max(1);
            }
            i += 1;
            continue;
        }
        if t.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && t.bytes().all(|b| b.is_ascii_digit())
        {
            out.push(NumberChunk {
                digits: Digits::Written(t),
                start: ws[i].start,
                end: ws[i].end,
                first_word: i,
                last_word: i,
                spelled: false,
                max_scale: 0,
                glued: false,
            });
            i += 1;
            continue;
        }
        let read = nw.read(sk, ws, i);
        // `دو تا پنج` inside digits read one by one: five said twice.
        if let Some((NumberWord::Value(count @ 2..=3), count_end)) = read
            && let Some((digits, last)) = repeated_by_count(sk, ws, nw, i, count, count_end)
        {
            out.push(NumberChunk::in_words(digits, ws, i, last, 0));
            i = last + 1;
            continue;
        }
        match read {
            None => {
                i += 1;
                continue;
            }
            // `double five`: a digit said twice.
            Some((NumberWord::Repeat(times), _)) => {
                let spaced = ws
                    .get(i + 1)
                    .is_some_and(|n| sk[ws[i].end..n.start].chars().all(|c| c == ' '));
                if spaced && let Some((NumberWord::Value(d @ 0..=9), last)) = nw.read(sk, ws, i + 1)
                {
                    out.push(NumberChunk::in_words(
                        Digits::repeated(d as u8, times),
                        ws,
                        i,
                        last,
                        0,
                    ));
                    i = last + 1;
                } else {
                    i += 1;
                }
                continue;
            }
            Some(_) => {}
        }
        // A group: value words adding up (`twenty one`, `سیصد و چهل و پنج`), the multiplier
        // hundred and scales (`two thousand five hundred`), joined by `و`, `and`, `et`.
        let (mut total, mut current) = (0u64, 0u64);
        let mut last = i;
        let mut j = i;
        let mut max_scale = 0;
        let mut joined = false;
        while j < ws.len() {
            let w = ws[j].text(sk);
            let acc = total.saturating_add(current);
            match nw.read(sk, ws, j) {
                // A zero after a joiner is a fraction word (`یک و نیم میلیون`).
                Some((NumberWord::Value(v), end))
                    if j == i
                        || fills(acc, v)
                        || (joined && (v == 0 || tens_after_units(acc, v))) =>
                {
                    current = current.saturating_add(v);
                    last = end;
                    j = end + 1;
                    joined = false;
                }
                // `nine hundred`, `deux cents`, `صد` alone: hundreds of the units before.
                Some((NumberWord::Hundred, end)) if current < 100 => {
                    current = current.max(1).saturating_mul(100);
                    last = end;
                    j = end + 1;
                    joined = false;
                }
                // A scale multiplies what was read since the last scale (`nine hundred
                // thousand`); it does not start a group (`هزار` after digits is a unit).
                Some((NumberWord::Scale(s), end)) if j > i => {
                    total = total.saturating_add(current.max(1).saturating_mul(s));
                    max_scale = max_scale.max(s);
                    current = 0;
                    last = end;
                    j = end + 1;
                    joined = false;
                }
                _ if nw.is_joiner(w)
                    && j > i
                    && !joined
                    && nw
                        .value_at(sk, ws, j + 1)
                        .is_some_and(|v| fills(acc, v) || v == 0 || tens_after_units(acc, v)) =>
                {
                    joined = true;
                    j += 1;
                }
                _ => break,
            }
        }
        if j == i {
            i += 1;
            continue;
        }
        out.push(NumberChunk::in_words(
            Digits::spelled(total.saturating_add(current)),
            ws,
            i,
            last,
            max_scale,
        ));
        i = last + 1;
    }
    out
}

/// A count of two or three (`count`, words `i..=i_end`), a `times` word and a digit word
/// (`دو تا پنج`: five said twice, 55) with a number right before or after it, spaces only
/// between: the digits and the last word. Alone it is a range (`بین دو تا پنج روز`, two to
/// five days) and is read as two numbers.
fn repeated_by_count<'a>(
    sk: &str,
    ws: &[Word],
    nw: &NumberWords,
    i: usize,
    count: u64,
    i_end: usize,
) -> Option<(Digits<'a>, usize)> {
    if nw.times.is_empty() {
        return None;
    }
    let spaced = |a: usize, b: usize| sk[ws[a].end..ws[b].start].chars().all(|c| c == ' ');
    let t = i_end + 1;
    if t + 1 >= ws.len() || !nw.times.iter().any(|w| w == ws[t].text(sk)) || !spaced(i_end, t) {
        return None;
    }
    let Some((NumberWord::Value(d @ 0..=9), last)) = nw.read(sk, ws, t + 1) else {
        return None;
    };
    if !spaced(t, t + 1) {
        return None;
    }
    let number_at = |k: usize| {
        let w = ws[k].text(sk);
        w.bytes().all(|b| b.is_ascii_digit()) || nw.read(sk, ws, k).is_some()
    };
    let before = i > 0 && spaced(i - 1, i) && number_at(i - 1);
    let after = last + 1 < ws.len() && spaced(last, last + 1) && number_at(last + 1);
    (before || after).then(|| (Digits::repeated(d as u8, count as u8), last))
}

/// Chunks whose gap is only spaces or separators form one sequence (a phone number read aloud).
pub(crate) fn sequences(sk: &str, chunks: &[NumberChunk<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=chunks.len() {
        let joined = i < chunks.len() && joins(&sk[chunks[i - 1].end..chunks[i].start]);
        if !joined {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Whether `gap` between two digit groups keeps them one number: at most three separators
/// (`-`, `.`, `_`, `/`, brackets, and symbols such as `☆ # × * ~ |` or a pictograph) and any
/// white space between them, holding at most one line break (a number split over lines, not
/// two numbers a paragraph apart). White space does not count, however long: the whitespace
/// repair closes it up on the published page. Punctuation that parts two numbers in prose
/// (`,` `;` `:` `!` `?` `%`, quotes) and currency signs keep them apart.
fn joins(gap: &str) -> bool {
    let mut separators = 0;
    let mut breaks = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            let crlf = c == '\r' && chars.peek() == Some(&'\n');
            let line_break = matches!(
                c,
                '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
            );
            breaks += usize::from(line_break && !crlf);
        } else if matches!(c, '-' | '.' | '_' | '(' | ')' | '/') || is_symbol_between(c) {
            separators += 1;
        } else {
            return false;
        }
    }
    separators <= 3 && breaks <= 1
}

/// Whether `gap`, between two numbers, holds only what may part two pieces of one number:
/// white space with at most one line break, at most four commas, semicolons, colons, dashes or
/// dots, and at most two words of `between` (`و`, `and`, `then`, `بعدش`), with at least one
/// comma-like mark or word (a gap of only spaces and separators joins numbers already).
fn loose_gap(gap: &str, between: &std::collections::HashSet<String>) -> bool {
    let (mut marks, mut words, mut breaks) = (0, 0, 0);
    for token in gap.split(char::is_whitespace) {
        if token.is_empty() {
            continue;
        }
        if between.contains(token) {
            words += 1;
        } else if token
            .chars()
            .all(|c| matches!(c, ',' | '،' | ';' | '؛' | ':' | '-' | '.'))
        {
            marks += token.chars().count();
        } else {
            return false;
        }
    }
    breaks += gap.matches('\n').count();
    (marks > 0 || words > 0) && marks <= 4 && words <= 2 && breaks <= 1
}

/// The last of the sequences (ranges of `cs`) from `n` on that follow one another each parted
/// from the one before only by a loose gap (see [`loose_gap`]) and accepted by `take(m, gap)`,
/// called for each next sequence `m` in order (it may gather what it needs and stop the run):
/// the pieces of one number (`۰۹۱۲ و ۳۴۵ و ۶۷۸۹`).
pub(crate) fn loose_run(
    sk: &str,
    cs: &[NumberChunk<'_>],
    seqs: &[std::ops::Range<usize>],
    n: usize,
    between: &std::collections::HashSet<String>,
    mut take: impl FnMut(usize, &str) -> bool,
) -> usize {
    let mut m = n;
    while m + 1 < seqs.len() {
        let gap = &sk[cs[seqs[m].end - 1].end..cs[seqs[m + 1].start].start];
        if !loose_gap(gap, between) || !take(m + 1, gap) {
            break;
        }
        m += 1;
    }
    m
}

/// A symbol that may stand between two groups of one number (`۰۹۱۲☆۳۴۵☆۶۷۸۹`,
/// `0912#345#6789`): no letter, digit, space, punctuation of prose, quote, currency sign,
/// arithmetic (`650+253+1234`) or square and curly bracket (`80.585 [79.964`).
fn is_symbol_between(c: char) -> bool {
    !crate::text::is_word_char(c)
        && !c.is_whitespace()
        && !matches!(
            c,
            ',' | '،'
                | ';'
                | '؛'
                | ':'
                | '!'
                | '?'
                | '؟'
                | '%'
                | '٪'
                | '"'
                | '\''
                | '«'
                | '»'
                | '“'
                | '”'
                | '$'
                | '€'
                | '£'
                | '¥'
                | '﷼'
                | '@'
                | '&'
                | '+'
                | '='
                | '<'
                | '>'
                | '['
                | ']'
                | '{'
                | '}'
        )
        && !matches!(
            c,
            '\u{2018}'..='\u{201F}' | '\u{2026}' | '\u{2030}' | '\u{2039}' | '\u{203A}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Skeleton, words};

    fn number_words(lexicon: &str) -> NumberWords {
        NumberWords::from_lexicons(&[&Lexicon::parse("n.txt".into(), lexicon)]).unwrap()
    }

    fn nw() -> NumberWords {
        number_words(
            "صفر\t0\nنهصد\t900\nدوازده\t12\nسیصد\t300\nچهل\t40\nپنج\t5\nدو\t2\nهزار\t1000\nو\tand\n",
        )
    }

    #[test]
    fn spelled_groups_become_digits() {
        let sk = Skeleton::new("صفر نهصد و دوازده سیصد و چهل و پنج");
        let ws = words(&sk.text);
        let c = chunks(&sk.text, &ws, &nw(), false);
        let digits: Vec<_> = c.iter().map(|c| c.digits.as_str()).collect();
        assert_eq!(Digits::spelled(0).as_str(), "0");
        assert_eq!(Digits::spelled(u64::MAX).as_str(), u64::MAX.to_string());
        assert_eq!(digits, ["0", "912", "345"]);
        assert_eq!(sequences(&sk.text, &c), vec![0..3]);
        assert_eq!(Digits::repeated(0, 2).as_str(), "00");
    }

    fn digits_of(text: &str, nw: &NumberWords) -> Vec<String> {
        let sk = Skeleton::new(text);
        let ws = words(&sk.text);
        chunks(&sk.text, &ws, nw, false)
            .iter()
            .map(|c| c.digits.as_str().to_owned())
            .collect()
    }

    #[test]
    fn glued_number_words_are_read_as_their_parts() {
        let nw = number_words(
            "و\tand\nده\t10\nبیست\t20\nسی\t30\nپنج\t5\nدو\t2\nصد\t100\nنهصد\t900\nدوازده\t12\nهزار\t1000\nنود\t90\n",
        );
        assert_eq!(digits_of("صدوبیست", &nw), ["120"]);
        assert_eq!(digits_of("نهصدوده", &nw), ["910"]);
        assert_eq!(digits_of("نهصدودوازده", &nw), ["912"]);
        assert_eq!(digits_of("دوهزاروپنج", &nw), ["2005"]);
        assert_eq!(digits_of("نودوپنج", &nw), ["95"]);
        // Words holding the letter that are not number words stay whole.
        assert!(digits_of("سیو صدور دوو", &nw).is_empty());
        // The word indices are those of the field's words.
        let sk = Skeleton::new("زنگ صدوبیست و پنج بزن");
        let ws = words(&sk.text);
        let c = chunks(&sk.text, &ws, &nw, false);
        assert_eq!((c[0].first_word, c[0].last_word), (1, 3));
        assert_eq!(c[0].digits.as_str(), "125");
    }

    #[test]
    fn units_before_tens_after_a_joiner() {
        let nw = number_words("و\tand\nخمسة\t5\nاربعين\t40\nتلتمية\t300\nسبعة\t7\n");
        assert_eq!(digits_of("تلتمية خمسة واربعين", &nw), ["345"]);
        assert_eq!(digits_of("سبعة و اربعين", &nw), ["47"]);
        // Without a joiner they stay apart.
        assert_eq!(digits_of("خمسة اربعين", &nw), ["5", "40"]);
    }

    #[test]
    fn digits_for_letters_in_latin_number_words() {
        let nw = number_words("zero\t0\nfive\t5\nthree\t3\neleven\t11\n");
        assert_eq!(
            digits_of("zer0 f1ve thr33 e1even", &nw),
            ["0", "5", "3", "11"]
        );
        assert!(digits_of("10l 5s b00k", &nw).is_empty());
    }

    #[test]
    fn symbols_join_digit_groups_and_prose_punctuation_does_not() {
        assert!(joins("☆"));
        assert!(joins(" # "));
        assert!(joins("×"));
        assert!(!joins(", "));
        assert!(!joins(" : "));
        assert!(!joins("% "));
        assert!(!joins("$"));
        assert!(!joins("☆☆☆☆"));
        assert!(!joins("+"));
        assert!(!joins(" ["));
    }

    #[test]
    fn a_count_and_times_repeat_a_digit_among_digits_read_one_by_one() {
        let nw = number_words("صفر\t0\nنه\t9\nیک\t1\nدو\t2\nسه\t3\nپنج\t5\nتا\ttimes\n");
        assert_eq!(
            digits_of("صفر نه یک دو دو تا پنج سه", &nw),
            ["0", "9", "1", "2", "55", "3"]
        );
        assert_eq!(digits_of("دو تا پنج سه", &nw), ["55", "3"]);
        // Alone it is a range: two numbers.
        let nw = number_words("دو\t2\nپنج\t5\nتا\ttimes\n");
        assert_eq!(digits_of("بین دو تا پنج روز", &nw), ["2", "5"]);
    }

    #[test]
    fn scales_multiply() {
        let sk = Skeleton::new("دو هزار و پنج");
        let ws = words(&sk.text);
        let c = chunks(&sk.text, &ws, &nw(), false);
        assert_eq!(c[0].digits.as_str(), "2005");
    }
}
