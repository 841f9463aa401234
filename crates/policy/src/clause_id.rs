//! Clause ids for headings written without `{#id}`: a slug of the heading text without its
//! section number ("ARTICLE 4 - Paiement" -> `paiement`), so renumbering keeps the id; then, per
//! document and language, a heading that was lightly edited between two versions keeps the id
//! it had in the version before.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Clause, PolicyVersion};

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
            if !append_word(&mut out, &mut count, &word) {
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
/// it would make the slug longer than [`MAX_SLUG_CHARS`] (the first word always fits).
/// Returns false when it did not fit.
fn append_word(out: &mut String, count: &mut usize, word: &str) -> bool {
    let w = word.trim_matches('-');
    if w.is_empty() {
        return true;
    }
    let extra = w.chars().count() + usize::from(!out.is_empty());
    if !out.is_empty() && *count + extra > MAX_SLUG_CHARS {
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
/// final value: a heading that is not found by its slug in the version before but closely
/// resembles a heading there takes that heading's id, and ids repeated within a version get
/// `-2`, `-3`. Explicit ids are never changed.
pub(crate) fn stabilise(versions: &mut [&mut PolicyVersion]) {
    let mut previous: Vec<(String, String)> = Vec::new();
    for version in versions.iter_mut() {
        inherit(&mut version.clauses, &previous);
        deduplicate(&mut version.clauses);
        previous = version
            .clauses
            .iter()
            .filter(|c| !c.explicit_id)
            .map(|c| (c.id.clone(), words_of(&c.heading)))
            .collect();
    }
}

/// Renames derived ids that are new in this version after the most similar heading of the
/// version before whose id this version does not use.
fn inherit(clauses: &mut [Clause], previous: &[(String, String)]) {
    if previous.is_empty() {
        return;
    }
    let used: BTreeSet<String> = clauses.iter().map(|c| c.id.clone()).collect();
    let known: BTreeSet<&str> = previous.iter().map(|(id, _)| id.as_str()).collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, clause) in clauses.iter().enumerate() {
        if clause.explicit_id || known.contains(clause.id.as_str()) {
            continue;
        }
        let words = words_of(&clause.heading);
        for (j, (id, old_words)) in previous.iter().enumerate() {
            if used.contains(id) {
                continue;
            }
            let score = similarity(&words, old_words);
            if score >= 0.6 {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut taken_new = vec![false; clauses.len()];
    let mut taken_old = vec![false; previous.len()];
    for (_, i, j) in candidates {
        if taken_new[i] || taken_old[j] {
            continue;
        }
        taken_new[i] = true;
        taken_old[j] = true;
        clauses[i].id = previous[j].0.clone();
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

/// How alike two slugs are, 0 to 1: shared words over all words (Jaccard), raised to the
/// character similarity when one word was retyped.
fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let wa: BTreeSet<&str> = a.split('-').collect();
    let wb: BTreeSet<&str> = b.split('-').collect();
    let shared = wa.intersection(&wb).count() as f64;
    let jaccard = shared / wa.union(&wb).count() as f64;
    let longest = a.chars().count().max(b.chars().count()) as f64;
    let chars = 1.0 - crate::check::edit_distance(a, b) as f64 / longest;
    jaccard.max(chars)
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
    fn similarity_tolerates_a_light_edit() {
        assert!(similarity("resolution-des-litiges", "resolution-de-litiges") >= 0.6);
        assert!(similarity("fees-and-payment", "fees-and-payments") >= 0.6);
        assert!(similarity("fees", "liability") < 0.6);
    }
}
