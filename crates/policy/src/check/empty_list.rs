//! `empty-list`: a paragraph that announces a list (ending in `:`, or ending in `.` with "the
//! following …", "comme suit", "wie folgt"… among its last words) must be followed by its items;
//! when nothing follows, the items were lost (a common copy-paste accident when moving text
//! between editors). Nothing follows an announcement ending in `:` when its section or the
//! document ends there; one ending in `.` ("the conditions set out below.") may refer to the
//! sections after it, and is reported only when the document ends there.
//!
//! Not reported: labels and sub-headings (`**Contact:**`, `Adresse :`), an announcement followed
//! by any block that can hold what it announces (a list, a table, a paragraph — an address, a
//! form, a quoted sentence, items written without list markup — or sub-sections under deeper
//! headings).

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::LineIndex;
use crate::markdown::intro::{ListIntro, NextBlock};
use crate::model::PolicySet;

/// Longest announcement still read as a label or sub-heading rather than a sentence.
const LABEL_WORDS: usize = 4;

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let mut lines = None;
        for intro in v.scan.list_intros.iter().filter(|i| is_lost_list(i)) {
            let lines = lines.get_or_insert_with(|| LineIndex::new(&v.source));
            let (line, column) = lines.line_col(&v.source, intro.offset);
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

/// Whether what follows `intro` cannot hold the list it announces.
pub(crate) fn is_lost_list(intro: &ListIntro) -> bool {
    if intro.bold || is_label(&intro.text) {
        return false;
    }
    match intro.next {
        NextBlock::List
        | NextBlock::Table
        | NextBlock::Other
        | NextBlock::Paragraph
        | NextBlock::SubHeading => false,
        NextBlock::Heading => !announces_the_sections_after(intro),
        NextBlock::End => true,
    }
}

/// Words of an announcement that point at what comes right after it ("the following",
/// "suivantes", "folgende", "به شرح زیر").
const FORWARD: &[&str] = &[
    "following",
    "suivant",
    "folgend",
    "به شرح زیر",
    "موارد زیر",
    "عبارتند از",
];

/// Number words from two to twelve (en, fr, de, fa): "grouped into four (4) categories:".
const COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "zwei",
    "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "دو", "سه",
    "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده",
];

/// The decimal section number a text starts with, in ASCII digits: `13` in "13. Application",
/// `15.6.2` in "15.6.2. When processing…", `4.1` in "§ 4.1 Kündigung", `3` in "۳. بازگشت".
fn section_number(text: &str) -> Option<String> {
    let text = text.trim_start().trim_start_matches('§').trim_start();
    crate::text::decimal_number(text)
}

/// Words that point at text further on, not only at what comes right after: "the terms set
/// out below.", "ci-après", "nachstehend".
const BELOW: &[&str] = &[
    "below",
    "hereafter",
    "hereinafter",
    "ci-dessous",
    "ci-après",
    "nachstehend",
    "nachfolgend",
    "unten",
    "im folgenden",
    "در ادامه",
];

/// Whether an announcement right before a heading of its own level introduces the sections
/// that follow as its items. Pages converted from HTML often lose the heading levels that
/// would make them sub-sections: "installed on:" before "13.1 iOS", "four (4) main
/// categories:" before four sections, "The following is not permitted:" opening a section
/// before "Law infringements".
///
/// Section numbers decide when both sides have one: the next heading must be numbered below
/// the announcement's own number, or its section's ("13" before "13.1"); "15.6.2. … the
/// following Legal Bases:" before "15.7 Who do we share…" lost its items. Without numbers:
/// - words pointing at text further on ("set out below", "ci-après") refer to the sections;
/// - an announcement that counts its items ("four", "(4)") counts the sections;
/// - one ending in `:` that points forward ("the following", "suivantes") introduces the
///   sections when it opens the preamble or its section (the section exists to announce
///   them), or when "the following" stands alone as a pronoun ("The following is not
///   permitted:" before "Law infringements"); an announcement of a kind of item after other
///   text of its section ("… The following fees apply:") ends the section, its items lost;
/// - one ending in `.` ("The following conditions apply.") introduces the sections only from
///   the preamble, or when it names the document itself ("l'acceptation des termes et
///   conditions suivants."); "You can pay with:" before the next section lost its list.
fn announces_the_sections_after(intro: &ListIntro) -> bool {
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
    if BELOW.iter().any(|b| text.contains(b)) || counted {
        return true;
    }
    let preamble = intro.section.is_empty();
    if full_stop {
        return preamble;
    }
    let forward = FORWARD.iter().any(|f| text.contains(f));
    forward && (preamble || intro.opens_section || pronoun_announcement(&words))
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
/// `Date of birth:` (a form field or sub-heading).
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
    // "The following conditions apply:", "Les frais suivants :": short, but announcing.
    let lower = text.to_lowercase();
    let announces = FORWARD.iter().any(|f| lower.contains(f));
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

    #[test]
    fn a_colon_before_the_next_section_announces_it_when_numbers_or_words_say_so() {
        let before = |text: &str, section: &str, heading: &str| {
            is_lost_list(&ListIntro {
                section: section.into(),
                opens_section: true,
                ..intro(text, NextBlock::Heading, heading)
            })
        };
        let ending = |text: &str, section: &str, heading: &str| {
            is_lost_list(&ListIntro {
                section: section.into(),
                ..intro(text, NextBlock::Heading, heading)
            })
        };
        // Numbered below the announcement's section: the sections are the items.
        assert!(!before(
            "Terms that apply on your device:",
            "7. The app",
            "7.1 Phones"
        ));
        assert!(!before("§ 4 The following applies:", "", "§ 4.1 Scope"));
        // The next section is a sibling: the items were lost, whatever the words.
        assert!(before(
            "7.2.1. We rely on one of the following grounds:",
            "7.2 Grounds",
            "7.3 Sharing"
        ));
        assert!(before(
            "Terms that apply on your device:",
            "7. The app",
            "8. Fees"
        ));
        // No numbers: words pointing forward or a count.
        assert!(!before("The following is not allowed:", "Conduct", "Spam"));
        assert!(!before(
            "Cookies fall into three (3) groups:",
            "Cookies",
            "Necessary cookies"
        ));
        assert!(!before(
            "Les règles suivantes s'appliquent :",
            "",
            "Retours"
        ));
        assert!(before("You can pay with:", "Scope", "Delivery"));
        assert!(before("You can pay with:", "2. Scope", "Delivery"));
        // After other text of its section, an announcement of a kind of item ends the
        // section; "the following" as a pronoun may announce the headings.
        assert!(!ending("The following is not allowed:", "Conduct", "Spam"));
        assert!(ending("The following fees apply:", "Fees", "Delivery"));
        assert!(ending(
            "Les moyens de paiement suivants sont acceptés :",
            "Paiement",
            "Livraison"
        ));
        // Words pointing further on and counts still refer to the sections.
        assert!(!ending(
            "The fees are listed below:",
            "Fees",
            "Listing fees"
        ));
        assert!(!ending(
            "Cookies fall into three (3) groups:",
            "Cookies",
            "Necessary cookies"
        ));
    }

    #[test]
    fn a_sentence_ending_in_a_full_stop_before_the_next_section_lost_its_items() {
        let ending = |text: &str, section: &str, opens_section: bool| {
            is_lost_list(&ListIntro {
                section: section.into(),
                opens_section,
                ..intro(text, NextBlock::Heading, "Delivery")
            })
        };
        let text = "Sellers may list items provided that the following conditions are met.";
        assert!(ending(text, "Listing", false));
        assert!(ending(text, "Listing", true));
        assert!(ending("Es gelten folgende Bedingungen.", "Rückgabe", true));
        // From the preamble, the sections after it are what it announces; so are they when
        // the sentence names the document itself.
        assert!(!ending("The following conditions apply.", "", true));
        assert!(!ending(
            "L'utilisation du site implique l'acceptation des termes et conditions suivants.",
            "Bienvenue",
            true
        ));
        assert!(!ending(
            "Für die Nutzung gelten die folgenden Nutzungsbedingungen.",
            "Willkommen",
            true
        ));
        assert!(!is_lost_list(&ListIntro {
            section: "3.1 Bienvenue".into(),
            ..intro(
                "L'accès au site implique l'acceptation des termes et conditions suivants.",
                NextBlock::Heading,
                "3.2 Définitions"
            )
        }));
        // "Set out below" may point at any text further on.
        assert!(!ending("The fees are set out below.", "Listing", false));
    }

    #[test]
    fn section_numbers_are_read_from_the_start() {
        assert_eq!(section_number("13. Application").as_deref(), Some("13"));
        assert_eq!(
            section_number("15.6.2. When processing").as_deref(),
            Some("15.6.2")
        );
        assert_eq!(section_number("§ 4.1 Kündigung").as_deref(), Some("4.1"));
        assert_eq!(section_number("13.1").as_deref(), Some("13.1"));
        assert_eq!(section_number("2024 was a year").as_deref(), Some("2024"));
        assert_eq!(section_number("۱۳. درباره ما").as_deref(), Some("13"));
        assert_eq!(section_number("Fees"), None);
        assert_eq!(section_number("3rd party"), None);
    }

    #[test]
    fn a_sentence_followed_by_a_heading_or_nothing_lost_its_list() {
        assert!(is_lost_list(&intro(
            "You may ask us to:",
            NextBlock::End,
            ""
        )));
        assert!(is_lost_list(&intro(
            "We accept these payment methods:",
            NextBlock::Heading,
            ""
        )));
    }

    #[test]
    fn a_short_announcement_is_no_label() {
        assert!(is_lost_list(&intro(
            "The following conditions apply:",
            NextBlock::End,
            ""
        )));
        assert!(is_lost_list(&intro(
            "Les frais suivants :",
            NextBlock::End,
            ""
        )));
        assert!(!is_lost_list(&intro("Date of birth:", NextBlock::End, "")));
    }

    #[test]
    fn labels_lists_and_unformatted_items_are_fine() {
        assert!(!is_lost_list(&intro(
            "You may ask us to:",
            NextBlock::List,
            ""
        )));
        assert!(!is_lost_list(&intro("Adresse :", NextBlock::Heading, "")));
        for next in [
            "\\- your name and address",
            "Name: ______ Order number: ______",
            "Bazarcheh Ltd, 12 Example Street, Tehran.",
        ] {
            assert!(!is_lost_list(&intro(
                "Please send us the following:",
                NextBlock::Paragraph,
                next
            )));
        }
        assert!(!is_lost_list(&intro(
            "The following refund rules apply:",
            NextBlock::SubHeading,
            ""
        )));
    }

    #[test]
    fn a_sentence_ending_in_a_full_stop_may_announce_the_sections_after_it() {
        let text = "Using the site means accepting the terms and conditions set out below.";
        assert!(!is_lost_list(&intro(text, NextBlock::Heading, "")));
        assert!(is_lost_list(&intro(text, NextBlock::End, "")));
    }
}
