//! Clause ids for headings written without `{#id}`: a slug of the heading text without its
//! section number ("ARTICLE 4 - Paiement" -> `paiement`), so renumbering keeps the id; then, per
//! document and language, a heading that was lightly edited between two versions keeps the id
//! it had in the version before; and each heading gets alias anchors for the links sources
//! commonly wrote to its full text (`#6-haftung`, `#14.2-right-to-rectification`, `#artikel-6`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use crate::memo::Memo;
use crate::model::{Clause, PolicyVersion};
use crate::text::capitalised;

/// [`alias_slugs`] of the headings read before: the versions of a document repeat most of
/// their headings.
static ALIAS_SLUGS: LazyLock<Memo<Arc<[String]>>> = LazyLock::new(|| Memo::new(1 << 20));

/// Longest slug, in characters; long headings are cut at a word boundary.
const MAX_SLUG_CHARS: usize = 48;

/// Words that introduce a section number ("Article 4", "§ 3", "ماده ۲").
const NUMBER_WORDS: &[&str] = &[
    "article",
    "art",
    "section",
    "sec",
    "chapter",
    "part",
    "clause",
    "schedule",
    "annex",
    "appendix",
    "artikel",
    "abschnitt",
    "kapitel",
    "teil",
    "ziffer",
    "anlage",
    "anhang",
    "bijlage",
    "hoofdstuk",
    "afdeling",
    "artículo",
    "articulo",
    "capítulo",
    "capitulo",
    "sección",
    "seccion",
    "anexo",
    "cláusula",
    "clausula",
    "articolo",
    "capitolo",
    "sezione",
    "allegato",
    "artigo",
    "secção",
    "seção",
    "articolul",
    "capitolul",
    "secțiunea",
    "anexa",
    "artykuł",
    "rozdział",
    "załącznik",
    "článek",
    "článok",
    "příloha",
    "príloha",
    "bilaga",
    "avsnitt",
    "bilag",
    "titre",
    "chapitre",
    "partie",
    "annexe",
    "ماده",
    "بند",
    "فصل",
    "بخش",
    "تبصره",
    "قسمت",
];

/// The heading text without a leading section number: `1.2 Refunds`, `ARTICLE 4 - Paiement`,
/// `§ 3 Kündigung`, `IV. Fees`, `a) Scope`, `ماده ۲ - تعاریف`.
pub fn strip_section_number(heading: &str) -> &str {
    let mut rest = heading.trim();
    loop {
        let before = rest;
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '.' | ')' | '|' | '*' | '_')
        });
        let (word, after) = split_word(rest);
        // `مادهٔ`, `ماده‌ی`: the Persian construct ending is not part of the word.
        let lower = word
            .to_lowercase()
            .replace('\u{0654}', "")
            .trim_end_matches("\u{200c}ی")
            .to_string();
        let lower = lower.trim_end_matches('.');
        if word.starts_with('§') {
            rest = after;
            if word.chars().count() == 1 {
                rest = split_word(rest.trim_start()).1;
            }
        } else if NUMBER_WORDS.contains(&lower) {
            let (number, tail) = split_word(after.trim_start());
            if is_enumerator(number) {
                rest = tail;
            }
        } else if !after.trim().is_empty()
            && (is_enumerator(word) || is_marked_letter(word, after))
            && !counts_a_unit(word, after)
        {
            rest = after;
        }
        if rest == before {
            return rest.trim();
        }
    }
}

/// Whether `word` is a bare number counting the unit that follows it (`10 Days Return Window`,
/// `14 jours`, `30 Tage`, `۷ روز`): part of the heading's words, not a section number.
fn counts_a_unit(word: &str, after: &str) -> bool {
    if !word.chars().all(char::is_numeric) {
        return false;
    }
    let next = split_word(after.trim_start()).0.to_lowercase();
    matches!(
        next.trim_end_matches([',', '.', ':']),
        "day"
            | "days"
            | "hour"
            | "hours"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "jour"
            | "jours"
            | "heure"
            | "heures"
            | "semaine"
            | "semaines"
            | "mois"
            | "an"
            | "ans"
            | "tag"
            | "tage"
            | "tagen"
            | "stunde"
            | "stunden"
            | "woche"
            | "wochen"
            | "monat"
            | "monate"
            | "jahr"
            | "jahre"
            | "روز"
            | "ساعت"
            | "هفته"
            | "ماه"
            | "سال"
            | "%"
    )
}

/// The first run of non-space characters of `text`, and the rest.
fn split_word(text: &str) -> (&str, &str) {
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// `12`, `1.2.3`, `4)`, `IV.`, `a)`, `(b)`, `۲`, `1er`: a section number, not a word.
fn is_enumerator(word: &str) -> bool {
    let core = word
        .trim_start_matches('(')
        .trim_end_matches([')', '.', ':', '-', '–']);
    if core.is_empty() {
        return false;
    }
    let digits = core.chars().all(|c| c.is_numeric() || c == '.' || c == '-');
    if digits && core.chars().any(char::is_numeric) {
        return true;
    }
    // 1er, 2nd, 3rd, 4th, 1.a
    let numbered_suffix = core.chars().next().is_some_and(char::is_numeric)
        && core.chars().filter(|c| c.is_alphabetic()).count() <= 3;
    if numbered_suffix {
        return true;
    }
    false
}

/// A roman numeral or a single letter marked as a number: `IV.`, `ii)`, `(b)`, `A.`, or one
/// followed by a dash or colon (`IV - Fees`).
fn is_marked_letter(word: &str, after: &str) -> bool {
    let core = word
        .trim_start_matches('(')
        .trim_end_matches([')', '.', ':']);
    let marked = word.ends_with(['.', ')', ':'])
        || word.starts_with('(')
        || after.trim_start().starts_with(['-', '–', '—', ':']);
    let roman = (1..=6).contains(&core.len())
        && (core.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
            || core.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    // One letter, or the Persian first letter's name (`الف)`, then `ب)`, `پ)`).
    let letter =
        (core.chars().count() == 1 && core.chars().all(char::is_alphabetic)) || core == "الف";
    marked && (roman || letter)
}

/// The slug of a heading: section number left out, lowercase, Latin letters without accents,
/// other scripts kept, words joined by `-`, at most [`MAX_SLUG_CHARS`] characters.
/// A heading that is only a number keeps it (`Article 5` -> `article-5`).
pub fn slug(heading: &str) -> String {
    let text = strip_section_number(heading);
    let from_text = slugify(text);
    if from_text.is_empty() {
        slugify(heading)
    } else {
        from_text
    }
}

fn slugify(text: &str) -> String {
    slugify_within(text, MAX_SLUG_CHARS)
}

/// The words of `text` folded (lowercase, Latin letters without accents) and joined by `-`,
/// at most `max` characters (the first word always fits).
fn slugify_within(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut word = String::new();
    let mut chars = text.chars();
    loop {
        let c = chars.next();
        match c {
            Some(c) if c.is_alphanumeric() => {
                push_folded(&mut word, c);
                continue;
            }
            // Persian half-space joins the parts of one word.
            Some('\u{200c}') if !word.is_empty() => {
                word.push('-');
                continue;
            }
            _ => {}
        }
        if !word.is_empty() {
            // The slug is complete at the first word that does not fit: the rest of the
            // text is not read.
            if !append_word(&mut out, &mut count, &word, max) {
                break;
            }
            word.clear();
        }
        if c.is_none() {
            break;
        }
    }
    out
}

/// Appends `word` (without `-` at its ends) to the slug `out` of `count` characters, unless
/// it would make the slug longer than `max` (the first word always fits). Returns false when
/// it did not fit.
fn append_word(out: &mut String, count: &mut usize, word: &str, max: usize) -> bool {
    let w = word.trim_matches('-');
    if w.is_empty() {
        return true;
    }
    let extra = w.chars().count() + usize::from(!out.is_empty());
    if !out.is_empty() && *count + extra > max {
        return false;
    }
    if !out.is_empty() {
        out.push('-');
    }
    out.push_str(w);
    *count += extra;
    true
}

fn push_folded(out: &mut String, c: char) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'ø' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ي' | 'ى' => "ی",
        'ك' => "ک",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// Gives every derived clause id of `versions` (one document, one language, oldest first) its
/// final value, then every heading its alias anchors ([`assign_aliases`]): ids repeated within
/// a version get `-2`, `-3` (as in the version before, so both are read alike), then a heading
/// that is not found by its id in the version before but is a light edit of a heading there
/// ([`inherit`]) takes that heading's id.
/// Explicit ids are never changed.
pub(crate) fn stabilise(versions: &mut [&mut PolicyVersion]) {
    let mut previous: Vec<Outlined> = Vec::new();
    for version in versions.iter_mut() {
        deduplicate(&mut version.clauses);
        inherit(&mut version.clauses, &previous);
        assign_aliases(version);
        previous = outline(&version.clauses)
            .into_iter()
            .filter(|o| !version.clauses[o.index].explicit_id)
            .collect();
    }
}

/// A heading's place in the outline, for pairing it with a heading of another version.
#[derive(Debug)]
struct Outlined {
    /// Index in the version's clauses.
    index: usize,
    id: String,
    level: u8,
    /// The id of the nearest heading above it of a higher rank (empty at the top).
    parent: String,
    /// That heading's index in the version's clauses.
    parent_index: Option<usize>,
    /// Its rank among the headings of the same parent and level, from 0.
    position: usize,
    /// Its words without the section number, lowercased ([`words_of`]).
    words: String,
}

/// The outline of `clauses`, in order.
fn outline(clauses: &[Clause]) -> Vec<Outlined> {
    let mut out: Vec<Outlined> = Vec::with_capacity(clauses.len());
    let mut siblings: HashMap<(String, u8), usize> = HashMap::new();
    for (index, clause) in clauses.iter().enumerate() {
        let above = out.iter().rev().find(|o| o.level < clause.level);
        let parent = above.map(|o| o.id.clone()).unwrap_or_default();
        let parent_index = above.map(|o| o.index);
        let count = siblings.entry((parent.clone(), clause.level)).or_insert(0);
        out.push(Outlined {
            index,
            id: clause.id.clone(),
            level: clause.level,
            parent,
            parent_index,
            position: *count,
            words: words_of(&clause.heading),
        });
        *count += 1;
    }
    out
}

/// Renames derived ids that are new in this version after the heading of the version before
/// that this one lightly edits ([`light_edit`]): same level, same parent heading, an id this
/// version does not use. Of several such headings, the most similar, then the one at the same
/// position among its siblings. Headings are paired in document order, so a heading's parent
/// has its final id when the heading is paired.
fn inherit(clauses: &mut [Clause], previous: &[Outlined]) {
    if previous.is_empty() {
        return;
    }
    let used: BTreeSet<String> = clauses.iter().map(|c| c.id.clone()).collect();
    let known: BTreeSet<&str> = previous.iter().map(|o| o.id.as_str()).collect();
    let mut taken = vec![false; previous.len()];
    // Read once: a heading's parent comes before it, so its id, read when the heading is
    // paired, is already final.
    let outlined = outline(clauses);
    for (i, here) in outlined.iter().enumerate() {
        let clause = &clauses[i];
        if clause.explicit_id || known.contains(clause.id.as_str()) {
            continue;
        }
        let parent = here.parent_index.map_or("", |p| clauses[p].id.as_str());
        let best = previous
            .iter()
            .enumerate()
            .filter(|(j, old)| {
                !taken[*j]
                    && !used.contains(&old.id)
                    && old.level == here.level
                    && old.parent == parent
            })
            .filter_map(|(j, old)| {
                light_edit(&here.words, &old.words)
                    .map(|score| (score, old.position == here.position, j))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
        if let Some((_, _, j)) = best {
            taken[j] = true;
            clauses[i].id = previous[j].id.clone();
        }
    }
}

/// Appends `-2`, `-3`… to derived ids already used earlier in the version.
fn deduplicate(clauses: &mut [Clause]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for clause in clauses.iter().filter(|c| c.explicit_id) {
        seen.insert(clause.id.clone(), 1);
    }
    for clause in clauses.iter_mut().filter(|c| !c.explicit_id) {
        let count = seen.entry(clause.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let mut n = *count;
            let mut candidate = format!("{}-{n}", clause.id);
            while seen.contains_key(&candidate) {
                n += 1;
                candidate = format!("{}-{n}", clause.id);
            }
            seen.insert(candidate.clone(), 1);
            clause.id = candidate;
        }
    }
}

/// The heading's words without its section number, lowercased, for comparison.
fn words_of(heading: &str) -> String {
    slugify(strip_section_number(heading))
}

/// How alike two headings' words ([`words_of`]) are when one is a light edit of the other,
/// 0.6 to 1; `None` when it is not. A light edit shares at least 0.6 of all the words of both
/// (Jaccard: `Returns and refunds` and `Returns, refunds and exchanges` share 3 of 4), a word
/// and its plural counting as one; or it retypes one word of a heading with the same number of
/// words by at most two letters (`Résolution des litiges` -> `Résolution de litiges`). Other
/// headings that share words are different sections (`Fees for buyers`, `Fees for sellers`).
fn light_edit(a: &str, b: &str) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let stem = |w: &'_ str| -> String {
        if w.chars().count() > 3 {
            w.trim_end_matches('s').to_string()
        } else {
            w.to_string()
        }
    };
    let wa: BTreeSet<String> = a.split('-').map(stem).collect();
    let wb: BTreeSet<String> = b.split('-').map(stem).collect();
    let shared = wa.intersection(&wb).count() as f64;
    let jaccard = shared / wa.union(&wb).count() as f64;
    if jaccard >= 0.6 {
        return Some(jaccard);
    }
    let la: Vec<&str> = a.split('-').collect();
    let lb: Vec<&str> = b.split('-').collect();
    if la.len() != lb.len() {
        return None;
    }
    let differing: Vec<(&str, &str)> = la
        .iter()
        .zip(&lb)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (*x, *y))
        .collect();
    match differing.as_slice() {
        [(x, y)] => {
            let distance = crate::check::edit_distance(x, y);
            let shortest = x.chars().count().min(y.chars().count());
            (distance <= 2 && distance < shortest).then_some(0.6)
        }
        _ => None,
    }
}

/// Gives each heading of `version` without `{#id}` the anchors a source commonly wrote for it
/// ([`alias_slugs`]), besides the anchors the source put in the heading itself (kept for every
/// heading). An anchor that is some heading's id is given to none; one that two headings would
/// both have goes to the one whose source put it there, or else to none, and is listed in
/// [`PolicyVersion::ambiguous_anchors`], so `broken-link` can say why a link to it lands
/// nowhere.
fn assign_aliases(version: &mut PolicyVersion) {
    let ids: BTreeSet<String> = version.clauses.iter().map(|c| c.id.clone()).collect();
    // Each alias with the headings that want it, and whether the source put it there.
    let mut by_alias: BTreeMap<String, Vec<(usize, bool)>> = BTreeMap::new();
    for (i, clause) in version.clauses.iter().enumerate() {
        let conventional: Arc<[String]> = if clause.explicit_id {
            Arc::new([])
        } else {
            ALIAS_SLUGS.get_or(&[&clause.heading], || alias_slugs(&clause.heading).into())
        };
        let mut own: Vec<(String, bool)> = clause
            .source_anchors
            .iter()
            .map(|a| (a.clone(), true))
            .chain(conventional.iter().map(|a| (a.clone(), false)))
            .filter(|(a, _)| !a.is_empty() && !ids.contains(a))
            .collect();
        // The source's own anchor first, so a slug equal to it is dropped as the repeat.
        own.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        own.dedup_by(|a, b| a.0 == b.0);
        for (alias, from_source) in own {
            by_alias.entry(alias).or_default().push((i, from_source));
        }
    }
    for clause in &mut version.clauses {
        clause.aliases.clear();
    }
    version.ambiguous_anchors.clear();
    for (alias, holders) in by_alias {
        // An anchor the source put in one heading is that heading's, whatever slug another
        // heading's text gives.
        let from_source: Vec<usize> = holders
            .iter()
            .filter(|(_, source)| *source)
            .map(|(i, _)| *i)
            .collect();
        let holder = match (holders.as_slice(), from_source.as_slice()) {
            ([(only, _)], _) | (_, [only]) => Some(*only),
            _ => None,
        };
        if let Some(i) = holder {
            version.clauses[i].aliases.push(alias);
        } else {
            let ids = holders
                .iter()
                .map(|&(i, _)| version.clauses[i].id.clone())
                .collect();
            version.ambiguous_anchors.push((alias, ids));
        }
    }
}

/// The anchors sources commonly give a heading, from its full text (section number included):
///
/// - GitHub's and pulldown-cmark-based tools' (mdBook): lowercase, each space a `-`,
///   punctuation other than `-` and `_` removed (`14.2 Right (Art. 16)` ->
///   `142-right-art-16`);
/// - markdown-it-anchor's: lowercase, runs of white space a `-`, punctuation kept
///   (`14.2-right-(art.-16)`), and the same with punctuation other than `.`, `-` and `_`
///   removed (`14.2-right-art.-16`);
/// - words joined by single `-`, with and without accents (`§ 6 Haftung` -> `6-haftung`);
/// - without the section number, the words run together as written and in lower case
///   (`9. Additional Services` -> `AdditionalServices`, `additionalservices`; `&` read as
///   `and`) and joined by `_` in lower case (`additional_services`);
/// - without the section number, each word capitalised and run together
///   (`Feedback and Reviews` -> `FeedbackAndReviews`);
/// - for a numbered heading, its number (`6`, `14.2` and `14-2`, `section-6`) and the number
///   with the word that introduces it (`Artikel 6` -> `artikel-6`, `Section 6.1` ->
///   `section-6.1`, `Schedule 1` -> `Schedule1`).
pub fn alias_slugs(heading: &str) -> Vec<String> {
    let text = heading.trim();
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let github: String = lower
        .chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some('-')
            } else if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c)
            } else {
                None
            }
        })
        .collect();
    out.push(github);
    let spaced = lower.split_whitespace().collect::<Vec<_>>().join("-");
    out.push(
        spaced
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect(),
    );
    out.push(spaced);
    out.push(
        lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-"),
    );
    out.push(slugify_within(text, usize::MAX));
    // Without the section number: the words run together, as written and in lower case
    // (Confluence-style `#AdditionalServices`, `#programguide`; `&` read as `and`), and in
    // lower case joined by `_` (`#our_services`).
    let unnumbered = strip_section_number(text).replace('&', " and ");
    let words: Vec<&str> = unnumbered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.concat();
    out.push(joined.to_lowercase());
    out.push(joined);
    out.push(words.iter().map(|w| capitalised(w)).collect());
    out.push(words.join("_").to_lowercase());
    out.extend(number_anchors(text));
    out.retain(|a| !a.is_empty());
    out.sort();
    out.dedup();
    out
}

/// A numbered heading's number as an anchor (`6`, `14.2`, `14-2`, `section-6`) and with the
/// word that introduces it (`artikel-6`, `Artikel6`); nothing for a heading without a number
/// that has digits. Persian and Arabic-Indic digits give the anchors as written (`ماده-۲`) and
/// in ASCII digits (`2`, `section-2`).
fn number_anchors(heading: &str) -> Vec<String> {
    let rest = strip_section_number(heading);
    let Some(prefix) = heading.strip_suffix(rest) else {
        return Vec::new();
    };
    // The words of the prefix, and where the number is: the last one that is a number.
    let words: Vec<&str> = prefix
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(written) = words.last() else {
        return Vec::new();
    };
    // `1er`, `2nd`: the number as written, in lower case.
    let Some(ascii) = crate::text::decimal_number(written).or_else(|| {
        written
            .chars()
            .any(|c| c.is_ascii_digit())
            .then(|| written.to_lowercase())
    }) else {
        return Vec::new();
    };
    let mut numbers = vec![ascii];
    if !written.is_ascii() {
        numbers.push((*written).to_string());
    }
    let introducing = words
        .len()
        .checked_sub(2)
        .map(|i| words[i])
        .filter(|w| NUMBER_WORDS.contains(&w.to_lowercase().as_str()));
    let mut out = Vec::new();
    for number in numbers {
        let dashed = number.replace('.', "-");
        out.extend([
            number.clone(),
            dashed.clone(),
            format!("section-{number}"),
            format!("section-{dashed}"),
        ]);
        if let Some(written_word) = introducing {
            let word = written_word.to_lowercase();
            out.push(format!("{word}-{number}"));
            out.push(format!("{word}-{dashed}"));
            // As written, run together: `Schedule 1` -> `Schedule1`.
            out.push(format!("{written_word}{number}"));
        }
    }
    out
}

/// `text` with `%XX` escapes decoded (a link fragment as a browser matches it to an id);
/// `text` itself when an escape is malformed or the bytes are not UTF-8.
pub fn percent_decoded(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('%') {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            let Some(byte) = hex else {
                return std::borrow::Cow::Borrowed(text);
            };
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_counting_a_unit_is_part_of_the_heading() {
        assert_eq!(slug("10 Days Return Window"), "10-days-return-window");
        assert_eq!(slug("3. 14 Days to Return"), "14-days-to-return");
        assert_eq!(slug("2 Payment"), "payment");
    }

    #[test]
    fn persian_numbering_is_left_out() {
        assert_eq!(slug("مادهٔ ۲ – کارمزد"), slug("ماده ۲ - کارمزد"));
        assert_eq!(slug("مادهٔ ۲ – کارمزد"), "کارمزد");
        assert_eq!(slug("ماده‌ی ۳ - بازگشت کالا"), slug("بازگشت کالا"));
        assert_eq!(slug("الف) ضمانت"), "ضمانت");
        assert_eq!(slug("ب) ضمانت"), "ضمانت");
        assert_eq!(slug("۳-۱ بازگشت کالا"), slug("بازگشت کالا"));
    }

    #[test]
    fn section_numbers_are_left_out() {
        for (heading, expected) in [
            ("1.2 Refunds", "refunds"),
            (
                "ARTICLE 4 - Paiement des commandes",
                "paiement-des-commandes",
            ),
            ("Art. 12: Haftung", "haftung"),
            ("§ 3 Kündigung", "kundigung"),
            ("§3 Kündigung", "kundigung"),
            ("IV. Fees", "fees"),
            ("a) Scope", "scope"),
            ("(b) Scope", "scope"),
            ("12) Liability", "liability"),
            ("ماده ۲ - تعاریف", "تعاریف"),
            ("Section 25. Arbitration", "arbitration"),
            ("Préambule :", "preambule"),
            ("Article 5", "article-5"),
            ("24-hour delivery", "24-hour-delivery"),
            ("I am a heading", "i-am-a-heading"),
            ("Mediation", "mediation"),
            ("حساب\u{200c}های کاربری", "حساب-های-کاربری"),
        ] {
            assert_eq!(slug(heading), expected, "{heading}");
        }
    }

    #[test]
    fn long_headings_are_cut_at_a_word() {
        let s = slug(
            "What happens when a seller does not answer a complaint within the time we give them",
        );
        assert!(s.chars().count() <= MAX_SLUG_CHARS, "{s}");
        assert!(s.starts_with("what-happens-when"), "{s}");
        assert!(!s.ends_with('-'));
    }

    #[test]
    fn aliases_are_the_slugs_sources_write_for_the_full_heading() {
        let has = |heading: &str, alias: &str| alias_slugs(heading).iter().any(|a| a == alias);
        for (heading, alias) in [
            (
                "14.2 Right to rectification (Art. 16 GDPR)",
                "14.2-right-to-rectification-art.-16-gdpr",
            ),
            (
                "14.2 Right to rectification (Art. 16 GDPR)",
                "142-right-to-rectification-art-16-gdpr",
            ),
            (
                "14.2 Right to rectification (Art. 16 GDPR)",
                "14.2-right-to-rectification-(art.-16-gdpr)",
            ),
            ("14.2 Right to rectification (Art. 16 GDPR)", "14.2"),
            ("14.2 Right to rectification (Art. 16 GDPR)", "14-2"),
            ("§ 6 Haftung", "6-haftung"),
            ("§ 6 Haftung", "6"),
            ("Artikel 6 - Haftung", "artikel-6"),
            ("Bijlage 2 - Servicelevels", "bijlage-2"),
            ("Section 6.1 Fees", "section-6.1"),
            ("Section 6.1 Fees", "section-6-1"),
            ("17. Customer feedback", "section-17"),
            ("Schedule 1 - Contracting Entities", "Schedule1"),
            ("10. Feedback and Reviews", "FeedbackAndReviews"),
            ("9. Additional Services", "AdditionalServices"),
            ("Program Guide", "programguide"),
            (
                "10. Payment & Fraud Prevention",
                "PaymentandFraudPrevention",
            ),
            ("2. Our Services", "our_services"),
            ("Fees, payment & refunds", "fees-payment--refunds"),
            ("Kündigung und Rücktritt", "kündigung-und-rücktritt"),
            ("ماده ۲ - تعاریف", "2"),
            ("ماده ۲ - تعاریف", "section-2"),
            ("ماده ۲ - تعاریف", "ماده-۲"),
            ("ماده ۱۴.۲ بازگشت کالا", "14-2"),
            ("۳. بازگشت کالا", "۳"),
        ] {
            assert!(has(heading, alias), "{heading}: {:?}", alias_slugs(heading));
        }
        // A number counting a unit is no section number; an unnumbered heading has none.
        assert!(!has("10 Days Return Window", "10"));
        assert!(!has("2. Fees", "1"));
        assert!(
            alias_slugs("Fees")
                .iter()
                .all(|a| a.to_lowercase() == "fees")
        );
    }

    #[test]
    fn percent_escapes_are_decoded_and_malformed_ones_kept() {
        assert_eq!(percent_decoded("a%28b%29"), "a(b)");
        assert_eq!(percent_decoded("k%C3%BCndigung"), "kündigung");
        assert_eq!(percent_decoded("100%"), "100%");
        assert_eq!(percent_decoded("%ff"), "%ff");
    }

    #[test]
    fn a_light_edit_is_a_word_added_changed_or_retyped() {
        for (a, b) in [
            ("resolution-des-litiges", "resolution-de-litiges"),
            ("fees-and-payment", "fees-and-payments"),
            ("returns-and-refunds", "returns-refunds-and-exchanges"),
            ("fees", "feez"),
        ] {
            assert!(light_edit(&slug(a), &slug(b)).is_some(), "{a} / {b}");
        }
        for (a, b) in [
            ("fees", "liability"),
            ("fees-for-buyers", "fees-for-sellers"),
            ("scope", "scope-of-these-terms"),
            ("returns", "refunds"),
            ("part-a", "part-b"),
        ] {
            assert!(light_edit(a, b).is_none(), "{a} / {b}");
        }
    }
}
