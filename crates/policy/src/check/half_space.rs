//! `half-space`: Persian written without the zero-width non-joiner (U+200C, نیم‌فاصله)
//! between a word and its prefix or suffix, in three shapes:
//! - the parts written apart with a plain space (`می کنیم`, `نمی توانید`, `سفارش ها`,
//!   `شده اند`, `حرفه ای`), as `davar_input::persian` decides for the moderation rule
//!   `style/half-space` too; and, for this check only, a compound of the word list whose second
//!   part is no word apart (`طبقه بندی`, `علاقه مند`; a run of such parts is one finding:
//!   `دسته بندی ها`);
//! - the verb prefix `می`/`نمی` joined to a verb (`میشود`): only when the rest is a known
//!   present stem with a person ending, so nouns that start with the same letters (`میز`,
//!   `میزان`, `میدان`, `میلیون`) are never taken for verbs;
//! - a plural ending joined to its noun (`دیدگاهها`, `سفارشهایی`) after a stem of at least
//!   three letters whose last letter joins the next one (after `ا`, `د`, `ر`, `و` ... the
//!   joined and separated forms look the same), except the few words that end in those
//!   letters without being plurals (`انتها`, `اینها`); a past participle of a known verb joined
//!   to its person ending or `است` (`شدهاند`, `گرفتهایم`, `دادهاست`); and the participle `شده`
//!   or `نشده` joined to the word before it (`ثبتشده`, `خریداریشده`);
//! - the comparative or superlative ending joined to an adjective (`بزرگتر`, `کوچکترین`,
//!   `مطمئنتر`) of `half_space_comparatives.txt`: adjectives the part-of-speech model of
//!   parsivar learned as such, whose last letter joins the next, and whose comparative the
//!   lexicon of hazm does not write joined by convention (`بیشتر`, `کمتر`, `بهتر` and their
//!   `ترین` are left alone); loanwords that end in `تر` (`فیلتر`, `لوستر`) are no adjectives
//!   of the list.
//!
//! Words typed with Arabic letters (`ي` for `ی`, `ك` for `ک`: `مي شود`, `كتاب ها`) are read as
//! the Persian words, and the fix is written in Persian letters. A spelling that is all a
//! quotation holds (`«می شود»`, `"کتاب ها"`) is cited, not written, and is not reported; nor is
//! one in code (`` `می شود` ``).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::{Diagnostic, line_col};
use crate::model::PolicySet;

/// Present stems that follow `می` in policy prose.
/// (`دان` is left out: `میدانی` is also the adjective "field".)
const STEMS: &[&str] = &[
    "شو",
    "کن",
    "ده",
    "باش",
    "گیر",
    "آی",
    "آور",
    "رو",
    "خواه",
    "گذار",
    "دار",
    "یاب",
    "رس",
    "ساز",
    "نما",
    "پذیر",
    "فرست",
    "بین",
    "گوی",
    "گو",
    "نویس",
    "پرداز",
    "توان",
    "بر",
    "خر",
    "فروش",
    "گرد",
    "مان",
    "پوش",
    "شناس",
    "کوش",
    "خوان",
    "افت",
    "افزا",
    "بخش",
];

/// Person endings of the present tense.
const ENDINGS: &[&str] = &["م", "ی", "د", "یم", "ید", "ند"];

/// Whether `word` is `می`/`نمی` glued to a known stem and a person ending; returns the prefix
/// length in bytes.
fn glued_prefix(word: &str) -> Option<usize> {
    let prefix = ["نمی", "می"].into_iter().find(|p| word.starts_with(p))?;
    let rest = &word[prefix.len()..];
    let certain = STEMS.iter().any(|stem| {
        rest.strip_prefix(stem).is_some_and(|ending| {
            ENDINGS.contains(&ending) || (ending.is_empty() && *stem == "توان")
        })
    });
    certain.then_some(prefix.len())
}

/// Plural endings, longest first.
const PLURALS: &[&str] = &[
    "هایشان",
    "هایتان",
    "هایمان",
    "هایش",
    "هایت",
    "هایم",
    "هایی",
    "های",
    "ها",
];

/// Stems before a plural ending that make a word of their own, not a plural: `انتها`
/// (end), `اشتها` (appetite), `منتها` (but), and the demonstratives written joined by
/// convention (`اینها`, spoken `اونها`).
const NOT_PLURAL_STEMS: &[&str] = &[
    "انت", "اشت", "منت", "این", "اون", "همین", "همان", "همون", "چنین", "چنان",
];

/// Endings of a past participle (`شده`, `گرفته`): the person endings of the perfect, and `است`.
const PERFECT_ENDINGS: &[&str] = &["است", "اند", "اید", "ایم", "ام", "ای"];

/// Past stems whose participle (stem + `ه`, `شده`) takes the perfect endings.
const PAST_STEMS: &[&str] = &[
    "شد",
    "کرد",
    "داد",
    "گرفت",
    "داشت",
    "بود",
    "رفت",
    "آمد",
    "نوشت",
    "خواست",
    "توانست",
    "گذاشت",
    "یافت",
    "ساخت",
    "فرستاد",
    "پذیرفت",
    "دید",
    "خرید",
    "فروخت",
    "رسید",
    "نمود",
    "گشت",
    "ماند",
    "پرداخت",
    "دانست",
    "شناخت",
    "آورد",
    "برد",
    "گفت",
    "افزود",
    "بست",
    "خواند",
    "زد",
    "کوشید",
    "پوشاند",
    "گردید",
    "انجامید",
];

/// Endings written with a half-space after a part ending in a silent ه (`ساده‌تر`,
/// `استفاده‌ی`, `خانه‌اش`, `هفته‌ای`), longest first; `scripts/half-space-heh.py` has the same
/// list.
const HEH_ENDINGS: &[&str] = &[
    "ترین", "تر", "ایی", "ایم", "اید", "اند", "ای", "ام", "اش", "ات", "ی",
];

/// The endings that, with the ه before them, also read as a plural ending (`حرفهای`:
/// `حرف‌های` or `حرفه‌ای`; `درهاش`: `در‌هاش` or `دره‌اش`).
const PLURAL_LIKE_ENDINGS: &[&str] = &["ایی", "ایم", "ای", "ام", "اش", "ات"];

/// The lists of `half_space_heh.txt`, by section.
struct HehWords {
    /// Compounds written with a half-space after a part ending in ه, by their joined form.
    compounds: HashMap<String, &'static str>,
    /// Words of at least three letters ending in a silent ه (`هفته`, `ساده`, `اجاره`), and the
    /// parts of the compounds that do.
    parts: HashSet<&'static str>,
    /// Parts whose stem before the ه is a word read first as a plural (`حرفه`: `حرف`): before
    /// the plural-like endings the plural reading is kept.
    plural_first: HashSet<&'static str>,
    /// Compounds of two parts that are one word even when written with a space
    /// (`طبقه‌بندی`, `علاقه‌مند`), as written with the half-space.
    spaced: HashSet<&'static str>,
    /// Words the lexicon writes joined although they read as such a part and an ending.
    joined: HashSet<&'static str>,
}

static HEH_WORDS: LazyLock<HehWords> = LazyLock::new(|| {
    let mut words = HehWords {
        compounds: HashMap::new(),
        parts: HashSet::new(),
        plural_first: HashSet::new(),
        spaced: HashSet::new(),
        joined: HashSet::new(),
    };
    let lines = include_str!("half_space_heh.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    let mut section = "";
    for line in lines {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        match section {
            "compounds" => {
                words.compounds.insert(line.replace('\u{200C}', ""), line);
            }
            "words" => {
                words.parts.insert(line);
            }
            "plural" => {
                words.plural_first.insert(line);
            }
            "spaced" => {
                words.spaced.insert(line);
            }
            "joined" => {
                words.joined.insert(line);
            }
            other => panic!("half_space_heh.txt: unknown section [{other}]"),
        }
    }
    words
});

/// Words that never follow a plural with the linking `ی` (`سال‌های گذشته`, never `سال‌های
/// به`): prepositions, conjunctions and the object marker.
const NOT_AFTER_EZAFE: &[&str] = &[
    "را", "و", "یا", "که", "به", "از", "در", "با", "تا", "بر", "اما", "ولی", "چون", "اگر",
];

/// `word` written with the half-spaces it lacks after a part ending in ه: a compound of the
/// list, alone or before a plural ending, or a silent-ه word and an ending. `ends_phrase`
/// says that nothing the word could link to follows it (the end of a sentence or clause, a
/// preposition, a conjunction, `را`): a plural ending in the linking `ی` (`حرف‌های`) cannot
/// stand there, so `حرفهای به` is `حرفه‌ای به` although `حرفهای` alone is read as a plural.
/// Only where both readings lack a half-space: after a letter that never joins, the plural
/// looks right as written (`برندهای که` is a common slip for `برندهایی که`).
fn heh_junction(word: &str, ends_phrase: bool) -> Option<String> {
    let words = &*HEH_WORDS;
    if let Some(written) = words.compounds.get(word) {
        return Some((*written).to_string());
    }
    for plural in PLURALS {
        if let Some(written) = word
            .strip_suffix(plural)
            .and_then(|stem| words.compounds.get(stem))
        {
            return Some(format!("{written}\u{200C}{plural}"));
        }
    }
    if words.joined.contains(word) {
        return None;
    }
    // The plural in `گان` of a compound that ends in ه (`ارائه‌دهنده`: `ارائه‌دهندگان`).
    if let Some(written) = word
        .strip_suffix("گان")
        .and_then(|stem| words.compounds.get(format!("{stem}ه").as_str()))
        .and_then(|written| written.strip_suffix('ه'))
    {
        return Some(format!("{written}گان"));
    }
    HEH_ENDINGS.iter().find_map(|ending| {
        let part = word.strip_suffix(ending)?;
        let plural_reading = PLURAL_LIKE_ENDINGS.contains(ending)
            && words.plural_first.contains(part)
            && !(*ending == "ای" && ends_phrase && joins_next(part));
        (words.parts.contains(part) && !plural_reading).then(|| format!("{part}\u{200C}{ending}"))
    })
}

/// Whether `part` and `ending` (`پرداخته` and `ای`), which read as a participle and its person
/// ending, are read as a plural instead (`پرداخت‌های ناموفق`), as `heh_junction` reads the
/// `plural` section of the list: the stem before the ه is the more frequent word (`پرداخت`
/// against `پرداخته`) and, here, a noun (`davar_input::persian::is_noun`; not `گفت`,
/// `توانست`). At the end of a phrase, where a plural linked by `ی` cannot stand, the perfect
/// stays (`پول را پرداخته‌ای.`), unless the stem's last letter never joins the next: the
/// plural then looks right as written (`خریدهای`).
fn plural_before_ezafe(part: &str, ending: &str, ends_phrase: bool) -> bool {
    ending == "ای"
        && !(ends_phrase && joins_next(part))
        && HEH_WORDS.plural_first.contains(part)
        && part
            .strip_suffix('ه')
            .is_some_and(davar_input::persian::is_noun)
}

/// The past participle written apart from the word before it (`ثبت‌شده`, `خریداری‌شده`).
const PARTICIPLE: &str = "شده";

/// Where `word` joins a word to `شده` or `نشده` (`ثبتشده`, `خریداریشده`, `ثبتنشده`): the byte
/// offset of the half-space it lacks. Only after a word of at least three letters whose last
/// letter joins the next (after `ر`, `د` ... `ذکرشده` looks as written apart; `چیشده` is two
/// words), and not in the words the lexicon writes joined (`منتشرنشده`, the `joined` section
/// of the list). Before `شده` a ن is the negation when the word without it is a noun of
/// `davar_input::persian::is_noun` and the word with it is not (`ثبت`; `تعیین` keeps its ن);
/// when it is neither and the letter before it never joins (`تأییدنشده`), the negation would
/// look right as written and nothing is reported.
fn joined_participle(word: &str) -> Option<usize> {
    let mut head = word.strip_suffix(PARTICIPLE)?;
    if let Some(bare) = head.strip_suffix('ن') {
        let noun = davar_input::persian::is_noun;
        if noun(bare) && !noun(head) {
            head = bare;
        } else if !noun(head)
            && bare
                .chars()
                .last()
                .is_some_and(|c| NON_JOINING.contains(&c))
        {
            return None;
        }
    }
    (head.chars().count() >= 3
        && head
            .chars()
            .last()
            .is_some_and(|c| !NON_JOINING.contains(&c))
        && !HEH_WORDS.joined.contains(word))
    .then_some(head.len())
}

/// Comparative and superlative endings, longest first (`بزرگ‌ترین`, `بزرگ‌تری`, `بزرگ‌تر`).
const COMPARATIVE_ENDINGS: &[&str] = &["ترین", "تری", "تر"];

/// The adjectives of `half_space_comparatives.txt` (written by `scripts/persian-nouns.py`).
static COMPARATIVES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("half_space_comparatives.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Where `word` joins an adjective of the list to a comparative or superlative ending
/// (`بزرگتر`, `مهمترین`): the byte offset of the half-space it lacks. `before` is the word
/// before it: after a word that makes an adjective of a noun (`با`, `بی`), an adjective that
/// a `ت` makes a noun is that noun with one `ت` written for two (`با کیفیتری` is `کیفیت‌تری`,
/// not `کیفی‌تری`), and the place of the half-space is in doubt.
fn joined_comparative(word: &str, before: Option<&str>) -> Option<usize> {
    COMPARATIVE_ENDINGS.iter().find_map(|ending| {
        let stem = word.strip_suffix(ending)?;
        let merged = before.is_some_and(|b| davar_input::persian::ADJECTIVE_MAKERS.contains(&b))
            && davar_input::persian::is_noun(&format!("{stem}ت"));
        (COMPARATIVES.contains(stem) && !merged).then_some(stem.len())
    })
}

/// Letters that never join the letter after them: after these a joined suffix looks separated.
const NON_JOINING: &[char] = &['ا', 'آ', 'أ', 'إ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و', 'ؤ', 'ة'];

/// Whether the letter before the final ه of `part` joins the next letter: then `…های` lacks
/// a half-space in the plural reading too, and only the place of the half-space is in doubt.
fn joins_next(part: &str) -> bool {
    part.chars()
        .rev()
        .nth(1)
        .is_some_and(|c| !NON_JOINING.contains(&c))
}

/// `word` written with the half-space it lacks, or `None` when it lacks none; `before` is the
/// word before it, if any.
fn missing_half_space(word: &str, ends_phrase: bool, before: Option<&str>) -> Option<String> {
    let split = |at: usize| format!("{}\u{200C}{}", &word[..at], &word[at..]);
    if let Some(prefix) = glued_prefix(word) {
        return Some(split(prefix));
    }
    for ending in PERFECT_ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && let Some(past) = stem.strip_suffix('ه')
            && (PAST_STEMS.contains(&past)
                || past
                    .strip_prefix('ن')
                    .is_some_and(|p| PAST_STEMS.contains(&p)))
            && !plural_before_ezafe(stem, ending, ends_phrase)
        {
            return Some(split(stem.len()));
        }
    }
    if let Some(fixed) = heh_junction(word, ends_phrase) {
        return Some(fixed);
    }
    if let Some(at) = joined_participle(word) {
        return Some(split(at));
    }
    if let Some(at) = joined_comparative(word, before) {
        return Some(split(at));
    }
    let stem = PLURALS.iter().find_map(|p| word.strip_suffix(p))?;
    let joins = stem
        .chars()
        .last()
        .is_some_and(|c| !NON_JOINING.contains(&c));
    (joins
        && stem.chars().count() >= 3
        && !NOT_PLURAL_STEMS.contains(&stem)
        && !davar_input::persian::FUNCTION_WORDS.contains(&stem))
    .then(|| split(stem.len()))
}

/// A run of Persian letters in a body: its byte range and text.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(body: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices().chain([(body.len(), ' ')]) {
        match (is_persian_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: s,
                    end: i,
                    text: &body[s..i],
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Every place in `body` that needs a half-space: the byte range of the word (or the two
/// words and the space between them) and the text written with the half-space, in Persian
/// letters. Words typed with Arabic letters (`مي شود`, `كتاب ها`) are read as the Persian
/// words they stand for. A spelling quoted on its own (`«می شود»`, `"کتاب ها"`) is cited as
/// an example, not written, and is left alone.
pub(crate) fn findings(body: &str) -> Vec<(usize, usize, String)> {
    let persian: String = body.chars().map(crate::text::persian_letter).collect();
    let mut out = persian_findings(&persian);
    out.retain(|(start, end, _)| !cited(body, *start, *end));
    out
}

/// Opening quotes and the closing quotes that may end them.
const QUOTES: &[(char, &[char])] = &[
    ('«', &['»']),
    ('»', &['«']),
    ('"', &['"']),
    ('“', &['”', '“']),
    ('„', &['“', '”']),
    ('‘', &['’']),
    ('\'', &['\'']),
    ('‹', &['›']),
];

/// Whether `body[start..end]` is all a quotation holds (spaces aside): a spelling cited, as
/// in `«می شود» ننویسید`. A quote mark that also closes (`"`) opens only as the odd one of its
/// line: in `"الف" می شود "ب"` the words stand between two quotations.
fn cited(body: &str, start: usize, end: usize) -> bool {
    let before = body[..start].trim_end();
    let open = before.chars().next_back();
    let close = body[end..].trim_start().chars().next();
    let (Some(o), Some(c)) = (open, close) else {
        return false;
    };
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    QUOTES.iter().any(|(q, ends)| {
        *q == o && ends.contains(&c) && (!ends.contains(q) || line.matches(o).count() % 2 == 1)
    })
}

/// [`findings`] in a body written in Persian letters, cited spellings included.
fn persian_findings(body: &str) -> Vec<(usize, usize, String)> {
    let ws = words(body);
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    // Spaces only (no line break) between two words.
    // Whether words `k` and `k + 1`, with only spaces (no line break) between them, are one
    // word: an affix written apart (`davar_input::persian`, shared with moderation) or a
    // compound of the list (`طبقه بندی`).
    let one_word = |k: usize| {
        let (Some(a), Some(b)) = (ws.get(k), ws.get(k + 1)) else {
            return false;
        };
        let gap = &body[a.end..b.start];
        let spaces = !gap.is_empty()
            && gap
                .chars()
                .all(|c| c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{2028}'));
        spaces
            && (davar_input::persian::joined_by_half_space(
                k.checked_sub(1).and_then(|j| ws.get(j)).map(|w| w.text),
                a.text,
                b.text,
                ws.get(k + 2).map(|w| w.text),
            ) || HEH_WORDS
                .spaced
                .contains(format!("{}\u{200C}{}", a.text, b.text).as_str()))
    };
    for (i, w) in ws.iter().enumerate() {
        // A word already inside the last finding (`بندی` of `دسته بندی ها`).
        if out.last().is_some_and(|(_, end, _)| *end > w.start) {
            continue;
        }
        if one_word(i) {
            // The run of words that make one word (`دسته بندی ها`, `خیره کننده ای`).
            let last = (i + 1..ws.len())
                .find(|&k| !one_word(k))
                .unwrap_or(ws.len() - 1);
            let parts: Vec<&str> = ws[i..=last].iter().map(|w| w.text).collect();
            out.push((w.start, ws[last].end, parts.join("\u{200C}")));
            continue;
        }
        // What follows the word: nothing, a mark, or a word it cannot link to.
        let ends_phrase = match body[w.end..].trim_start().chars().next() {
            None => true,
            Some(c) if is_persian_letter(c) => ws
                .get(i + 1)
                .is_some_and(|next| NOT_AFTER_EZAFE.contains(&next.text)),
            Some(c) => !c.is_alphanumeric(),
        };
        let before = i.checked_sub(1).and_then(|j| ws.get(j)).map(|w| w.text);
        if let Some(fixed) = missing_half_space(w.text, ends_phrase, before) {
            out.push((w.start, w.end, fixed));
        }
    }
    out
}

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        if v.lang != "fa" {
            continue;
        }
        let body = v.body();
        let offset = v.source.len() - body.len();
        for (start, end, fixed) in findings(body) {
            if v.scan.in_code(offset + start) {
                continue;
            }
            let written = &body[start..end];
            let (line, column) = line_col(&v.source, offset + start);
            let message = if written.contains(char::is_whitespace) {
                format!(
                    "`{written}` is one word: write a half-space (zero-width non-joiner) instead of the space: `{fixed}`"
                )
            } else {
                let (before, _) = fixed.split_once('\u{200C}').unwrap_or((written, ""));
                format!(
                    "`{written}` needs a half-space (zero-width non-joiner) after `{before}`: `{fixed}`"
                )
            };
            out.push(
                Diagnostic::warning(codes::HALF_SPACE, &v.path, line, column, message)
                    .with_width(written.chars().count())
                    .with_help("type the half-space with Shift+Space (or insert U+200C) between the two parts"),
            );
        }
    }
    out
}

fn is_persian_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c) || matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_prefix_glued_to_a_known_stem_is_reported() {
        for word in ["میشود", "میکنیم", "نمیتوان", "میدهند", "میباشد"]
        {
            assert!(glued_prefix(word).is_some(), "{word}");
        }
        for word in [
            "میز",
            "میزان",
            "میدان",
            "میلیون",
            "میان",
            "میوه",
            "شود",
            "می",
        ] {
            assert!(glued_prefix(word).is_none(), "{word}");
        }
    }

    fn fixed(text: &str) -> Vec<String> {
        findings(text).into_iter().map(|(_, _, f)| f).collect()
    }

    #[test]
    fn joined_plurals_and_participles_and_spaced_affixes_are_reported() {
        assert_eq!(
            fixed("نظرهای شما و دیدگاهها و پرسشها و سفارشهایی که لغو شدهاند"),
            [
                "دیدگاه\u{200C}ها",
                "پرسش\u{200C}ها",
                "سفارش\u{200C}هایی",
                "شده\u{200C}اند"
            ]
        );
        assert_eq!(
            fixed("ما بررسی می کنیم و شما نمی توانید کالا ها را ببینید؛ دیدگاه ها تایید شده اند."),
            [
                "می\u{200C}کنیم",
                "نمی\u{200C}توانید",
                "کالا\u{200C}ها",
                "دیدگاه\u{200C}ها",
                "شده\u{200C}اند"
            ]
        );
    }

    #[test]
    fn words_that_only_end_like_a_suffix_are_not() {
        for text in [
            "تنها یک بار",
            "آنها و اینها و همینها",
            "تا انتهای صفحه",
            "کالاها و نظرها و کدها",
            "بهای کالا",
            "رهایی",
            "نهایی",
            "میز و میزان و میلیون و میکروفون",
            "اتهام و الهام و ابهام",
            "سهام شرکت",
            "می‌شود و سفارش‌ها و شده‌اند",
            "جهان",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", fixed(text));
        }
    }

    #[test]
    fn a_word_ending_in_heh_joined_to_the_next_part_is_reported() {
        for (word, written) in [
            ("بستهبندی", "بسته\u{200C}بندی"),
            ("بستهبندیها", "بسته\u{200C}بندی\u{200C}ها"),
            ("بهرهبرداری", "بهره\u{200C}برداری"),
            ("علاقهمند", "علاقه\u{200C}مند"),
            ("نامهنگاری", "نامه\u{200C}نگاری"),
            ("خانهدار", "خانه\u{200C}دار"),
            ("تکیهگاه", "تکیه\u{200C}گاه"),
            ("سادهتر", "ساده\u{200C}تر"),
            ("سادهترین", "ساده\u{200C}ترین"),
            ("استفادهی", "استفاده\u{200C}ی"),
        ] {
            assert_eq!(fixed(word), [written], "{word}");
        }
    }

    #[test]
    fn a_word_ending_in_heh_before_ai_is_split_after_the_heh_when_the_lexicon_says_so() {
        for (word, written) in [
            // Followed by a word a plural with the linking `ی` could link to.
            // The stem before the ه is rarer than the word with it (`هفت`), not in use
            // (`چهر`), or no word at all (`اجار`, `نقط`, `هزین`).
            ("هفتهای", "هفته\u{200C}ای"),
            ("اجارهای", "اجاره\u{200C}ای"),
            ("چهرهای", "چهره\u{200C}ای"),
            ("نقطهای", "نقطه\u{200C}ای"),
            ("هزینهای", "هزینه\u{200C}ای"),
            ("هفتهایی", "هفته\u{200C}ایی"),
            ("اجارهاش", "اجاره\u{200C}اش"),
            // A plural whose stem is the more frequent word keeps the plural reading.
            ("سالهای", "سال\u{200C}های"),
            ("دستهای", "دست\u{200C}های"),
            ("ساعتهای", "ساعت\u{200C}های"),
            ("حرفهای", "حرف\u{200C}های"),
            // A sounded ه is no part: `کوه` takes the plural.
            ("کوههای", "کوه\u{200C}های"),
            ("نامهها", "نامه\u{200C}ها"),
        ] {
            assert_eq!(fixed(&format!("{word} کالا")), [written], "{word}");
        }
        // Before a preposition, `را` or the end of a sentence a plural with the linking `ی`
        // cannot stand: the ambiguous word is the one with the ه.
        assert_eq!(fixed("شغل حرفهای به"), ["حرفه\u{200C}ای"]);
        assert_eq!(fixed("کاری حرفهای."), ["حرفه\u{200C}ای"]);
        assert_eq!(fixed("حرفهای او"), ["حرف\u{200C}های"]);
        assert_eq!(fixed("سالهای ۱۴۰۰"), ["سال\u{200C}های"]);
        // After a stem in use that ends in a letter that never joins, the plural is written
        // right as it stands (`برند‌های` looks the same), whatever the word with the ه.
        for text in [
            "برندهای خوب",
            "سازهای سنتی",
            "درهای بسته",
            "درهاش",
            "برندهای که",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", fixed(text));
        }
    }

    #[test]
    fn a_compound_written_with_a_space_is_reported_when_its_second_part_is_no_word_apart() {
        assert_eq!(
            fixed("کالاها طبقه بندی و بسته بندی می‌شوند؛ خریداران علاقه مند و دسته بندی ها."),
            [
                "طبقه\u{200C}بندی",
                "بسته\u{200C}بندی",
                "علاقه\u{200C}مند",
                "دسته\u{200C}بندی\u{200C}ها"
            ]
        );
        // A run of parts is one finding: the compound and the ending after it.
        assert_eq!(
            fixed("تجربه خسته کننده ای بود"),
            ["خسته\u{200C}کننده\u{200C}ای"]
        );
        for text in [
            // A past participle after the ه makes a verb phrase.
            "خدمات ارائه شده و کالای استفاده نشده",
            // A word the lexicon tags as a preposition, and words that stand apart.
            "پیاده روی میز",
            "همه جا و نحوه کار",
            // Already written with the half-space, or on two lines.
            "طبقه‌بندی و علاقه‌مند",
            "طبقه\nبندی",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", fixed(text));
        }
    }

    #[test]
    fn words_the_lexicon_writes_joined_after_heh_are_not() {
        for text in [
            // Joined in the lexicon: a sounded ه, or a word of its own.
            "نگهداری و نگهدارنده",
            "بدهی و بدهکار",
            "الهام و اتهام",
            "مشابهی و مشابهات",
            "راهنما و گیاهی",
            "بهتر و بهترین",
            // `باد` and `دهی` written with one `د`.
            "بادهی خوبی دارد",
            "بسته‌بندی و ساده‌تر",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", fixed(text));
        }
    }

    #[test]
    fn a_participle_joined_to_the_word_before_it_is_reported() {
        assert_eq!(
            fixed("هزینه‌های پرداختشده و سفارشهای تحویلنشده و مبلغ تعیینشده"),
            [
                "پرداخت\u{200C}شده",
                "سفارش\u{200C}های",
                "تحویل\u{200C}نشده",
                "تعیین\u{200C}شده"
            ]
        );
        for text in [
            // Written joined in the lexicon, after a letter that never joins, or two words.
            "کتاب منتشرنشده",
            "کالای ذکرشده و تأییدنشده",
            "نمی‌دانم چیشده",
            "شده و نشده",
            "ثبت‌شده و ثبت شده",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", fixed(text));
        }
    }

    #[test]
    fn a_participle_and_ai_before_a_word_it_can_link_to_is_a_plural_of_its_noun() {
        // `پرداخت` is a noun more frequent than `پرداخته`: a plural linked to the next word.
        assert_eq!(fixed("پرداختهای ناموفق"), ["پرداخت\u{200C}های"]);
        // At the end of a sentence, the perfect.
        assert_eq!(fixed("هزینه را پرداختهای."), ["پرداخته\u{200C}ای"]);
        // After `د` the plural looks right as written.
        assert!(findings("خریدهای اخیر شما").is_empty());
        // `توانست` is no noun: always the perfect.
        assert_eq!(fixed("توانستهای کالا را بفروشی"), ["توانسته\u{200C}ای"]);
    }

    #[test]
    fn the_plural_in_gan_of_a_compound_ending_in_heh_is_reported() {
        assert_eq!(
            fixed("ارائهدهندگان خدمات و تولیدکنندگان"),
            ["ارائه\u{200C}دهندگان"]
        );
    }

    #[test]
    fn a_comparative_or_superlative_joined_to_its_adjective_is_reported() {
        assert_eq!(
            fixed("کالای بزرگتر و کوچکترین بسته و مهمترین نکته؛ روش امنتر و سریعتری"),
            [
                "بزرگ\u{200C}تر",
                "کوچک\u{200C}ترین",
                "مهم\u{200C}ترین",
                "امن\u{200C}تر",
                "سریع\u{200C}تری"
            ]
        );
        for text in [
            // Written joined by convention, as the lexicon writes them.
            "بیشتر و بیشترین و کمتر و کمترین و بهتر و بهترین",
            // Words that only end in `تر`: loanwords, nouns, and after a letter that never
            // joins the joined form looks as written apart.
            "فیلتر و لوستر و دفتر و دختر و کبوتر و چتر و متر",
            "دورتر و زیباتر و سردتر",
            // Already written with the half-space.
            "بزرگ‌تر و کوچک‌ترین",
            // An ordinal is never compared.
            "دومتر",
            // `کیفیت` and `تری` written with one `ت` after `با`: not `کیفی‌تری`.
            "ظرف‌های با کیفیتری",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", fixed(text));
        }
    }

    #[test]
    fn an_adjective_that_a_t_makes_a_noun_is_read_as_the_adjective_unless_ba_stands_before() {
        // `مقاومت` is a noun, but nothing before makes one an adjective.
        assert_eq!(fixed("کفشی مقاومتر از قبلی"), ["مقاوم\u{200C}تر"]);
        assert!(findings("کفش بی کیفیتر").is_empty());
    }

    #[test]
    fn tar_apart_after_a_noun_is_wet_and_after_an_adjective_the_comparative() {
        assert!(findings("حوله تر را روی بند بگذارید و دستمال تر نفرستید").is_empty());
        assert_eq!(
            fixed("این مدل خیلی شکیل تر و ساده تر است"),
            ["شکیل\u{200C}تر", "ساده\u{200C}تر"]
        );
    }

    /// Prints every finding on outside text, to judge false alarms by reading them:
    /// `DAVAR_SCAN=<file, one text per line> cargo test -p davar-policy --lib
    /// half_space_scan -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads outside text named by DAVAR_SCAN"]
    fn half_space_scan() {
        let path = std::env::var("DAVAR_SCAN").expect("DAVAR_SCAN names a text file");
        let text = std::fs::read_to_string(&path).expect("DAVAR_SCAN is readable UTF-8");
        let (mut lines, mut hits) = (0, 0);
        for line in text.lines() {
            lines += 1;
            for (start, end, fixed) in findings(line) {
                hits += 1;
                let from = line[..start]
                    .char_indices()
                    .rev()
                    .nth(15)
                    .map_or(0, |(i, _)| i);
                let to = line[end..]
                    .char_indices()
                    .nth(15)
                    .map_or(line.len(), |(i, _)| end + i);
                println!("{}\t{fixed}\t{}", &line[start..end], &line[from..to]);
            }
        }
        println!("{hits} findings in {lines} lines");
    }
}
