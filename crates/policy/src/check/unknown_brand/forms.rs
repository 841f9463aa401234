//! Company names with their legal form: `Muster Handel GmbH`, `Tovrimo, Inc.`, `Lumokauf GmbH
//! & Co. KG`, `Quendora UG (haftungsbeschränkt)`, `Lindqvar B.V.`, `Brenvik Pty Ltd`.
//!
//! A legal form is looked up in a set, not written into a pattern: the forms are those of
//! GLEIF's ISO 20275 code list (crates/policy/data/legal-forms.txt, written by
//! scripts/legal-forms.py) and the check's own short forms ([`SHORT_FORMS`]), several hundred
//! in all. A line is split into its words once, and each word that may open a form is looked
//! up, a form of several words (`GmbH & Co. KG`, `sp. z o.o.`) by its words joined with single
//! spaces.

use std::ops::Range;
use std::sync::LazyLock;

/// Abbreviations of legal forms from GLEIF's ISO 20275 code list (scripts/legal-forms.py).
const LEGAL_FORMS: &str = include_str!("../../../data/legal-forms.txt");

/// The check's own forms beside [`LEGAL_FORMS`]: forms of two letters, forms written in full
/// or without their dots, which that list leaves out or lacks (`AG`, `Limited`, `Ltd`, `Inc`,
/// `S.A.S`).
const SHORT_FORMS: &[&str] = &[
    "GmbH",
    "AG",
    "SE",
    "KG",
    "OHG",
    "GbR",
    "UG",
    "S.A.S.",
    "S.A.S",
    "SAS",
    "SASU",
    "EURL",
    "SNC",
    "S.A.",
    "SA",
    "SARL",
    "S.à r.l.",
    "S.àr.l.",
    "SRL",
    "S.r.l.",
    "S.p.A.",
    "B.V.",
    "BV",
    "N.V.",
    "NV",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "plc",
    "PLC",
    "LLP",
    "A/S",
    "AB",
    "Oy",
    "sp. z o.o.",
    "s.r.o.",
    "a.s.",
    "d.o.o.",
    "Kft.",
    "Zrt.",
];

/// The forms, each with its words joined by single spaces.
struct Forms {
    all: foldhash::HashSet<String>,
    /// The first words of the forms of more than one word.
    firsts: foldhash::HashSet<String>,
    /// The most words of a form.
    most_words: usize,
}

static FORMS: LazyLock<Forms> = LazyLock::new(|| {
    let mut forms = Forms {
        all: Default::default(),
        firsts: Default::default(),
        most_words: 1,
    };
    let listed = LEGAL_FORMS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    for form in listed.chain(SHORT_FORMS.iter().copied()) {
        let words: Vec<&str> = form.split_whitespace().collect();
        if words.len() > 1 {
            forms.firsts.insert(words[0].to_string());
        }
        forms.most_words = forms.most_words.max(words.len());
        forms.all.insert(words.join(" "));
    }
    forms
});

/// The most words of a company's name before its form.
const NAME_WORDS: usize = 4;

/// The companies of `text`, each as the byte ranges of its name and of its legal form, in text
/// order; neither crosses a line's end.
///
/// A name is one to four words, each a capital letter (after one lower-case letter or not:
/// `eBay`) and letters, digits, `&`, `'`, `’`, `.` or `-`, the last with a comma after it or
/// not (`Tovrimo, Inc.`); the first may follow other characters in its word (`(Muster GmbH)`,
/// `**Muster GmbH`). The form opens the word after the name and ends where a character that
/// is no letter, digit or `_` follows, or at the word's end (`GmbH’s`, `Inc.,`, `B.V.;`).
/// Where names of several lengths end before a form, the longest; where forms of several
/// lengths start at a word, the one of the most words, then the longest. The search goes on
/// after a company's form.
pub(super) fn companies(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        companies_in_line(line, line_start, &mut out);
        line_start += line.len() + 1;
    }
    out
}

fn companies_in_line(line: &str, base: usize, out: &mut Vec<(Range<usize>, Range<usize>)>) {
    let tokens: Vec<(usize, &str)> = words(line);
    if tokens.len() < 2 {
        return;
    }
    let forms = &*FORMS;
    // Where a name's word starts in each word: as the word is, and with a comma after it
    // left out (the name's last word only).
    let starts: Vec<(Option<usize>, Option<usize>)> = tokens
        .iter()
        .map(|(_, t)| {
            let plain = name_start(t);
            let comma = t.strip_suffix(',').map_or(plain, name_start);
            (plain, comma)
        })
        .collect();
    // The end of the form opening each word that follows a name's last word.
    let form_end: Vec<Option<usize>> = (0..tokens.len())
        .map(|j| {
            (j > 0 && starts[j - 1].1.is_some())
                .then(|| form_at(&tokens[j..], forms))
                .flatten()
        })
        .collect();
    if form_end.iter().all(Option::is_none) {
        return;
    }
    let whole = |k: usize| starts[k].0 == Some(0);
    let mut i = 0;
    'start: while i < tokens.len() {
        for n in (1..=NAME_WORDS).rev() {
            let j = i + n;
            let Some(end) = form_end.get(j).copied().flatten() else {
                continue;
            };
            // The last word of the name may have a comma after it.
            let first = if n == 1 {
                starts[i].1
            } else {
                starts[i]
                    .0
                    .filter(|_| (i + 1..j - 1).all(whole) && starts[j - 1].1 == Some(0))
            };
            let Some(first) = first else {
                continue;
            };
            let (last_start, last) = tokens[j - 1];
            let last = last.strip_suffix(',').unwrap_or(last);
            out.push((
                base + tokens[i].0 + first..base + last_start + last.len(),
                base + tokens[j].0..base + end,
            ));
            i = tokens
                .iter()
                .position(|t| t.0 >= end)
                .unwrap_or(tokens.len());
            continue 'start;
        }
        i += 1;
    }
}

/// The words of `line` (split at white space) with their offsets.
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// A character a word of a name holds after its capital.
fn name_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit() || matches!(c, '&' | '\'' | '’' | '.' | '-')
}

/// Where a word of a name starts in `token`, if it ends one: the first capital (after one
/// lower-case letter or not) from which on every character is [`name_char`].
fn name_start(token: &str) -> Option<usize> {
    let from = token
        .char_indices()
        .rfind(|&(_, c)| !name_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let tail = &token[from..];
    let mut chars = tail.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_upper = chars.peek().is_some_and(|&(_, n)| n.is_uppercase());
        if c.is_uppercase() || c.is_lowercase() && next_upper {
            return Some(from + i);
        }
    }
    None
}

/// The end (an offset in the line) of the legal form opening `tokens[0]`, if one does.
fn form_at(tokens: &[(usize, &str)], forms: &Forms) -> Option<usize> {
    let several = forms.firsts.contains(tokens[0].1);
    let most = if several {
        forms.most_words.min(tokens.len())
    } else {
        1
    };
    for k in (1..=most).rev() {
        let (start, last) = tokens[k - 1];
        let joined: Option<String> = (k > 1).then(|| {
            tokens[..k - 1]
                .iter()
                .map(|t| format!("{} ", t.1))
                .collect()
        });
        // The last word up to a character that is no letter, digit or `_`, or up to its end,
        // longest first.
        let cuts = std::iter::once(last.len()).chain(
            last.char_indices()
                .rev()
                .filter(|&(i, c)| i > 0 && !(c.is_alphanumeric() || c == '_'))
                .map(|(i, _)| i),
        );
        for cut in cuts {
            let found = match &joined {
                None => forms.all.contains(&last[..cut]),
                Some(joined) => forms.all.contains(&format!("{joined}{}", &last[..cut])),
            };
            if found {
                return Some(start + cut);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::companies;

    fn found(text: &str) -> Vec<(&str, &str)> {
        companies(text)
            .into_iter()
            .map(|(name, form)| (&text[name], &text[form]))
            .collect()
    }

    #[test]
    fn names_and_forms_of_one_or_several_words_are_found_as_written() {
        assert_eq!(
            found(
                "Die Lumokauf GmbH & Co. KG betreibt, wie die Quendora UG (haftungsbeschränkt), zwei Shops."
            ),
            [
                ("Die Lumokauf", "GmbH & Co. KG"),
                ("Quendora", "UG (haftungsbeschränkt)")
            ]
        );
        assert_eq!(
            found(
                "Tovrimo, Inc. and (Lindqvar B.V.) and Brenvik Pty Ltd’s and Bar sp. z o.o.; Marvelune S.A.S."
            ),
            [
                ("Tovrimo", "Inc."),
                ("Lindqvar", "B.V."),
                ("Brenvik Pty", "Ltd"),
                ("Bar", "sp. z o.o."),
                ("Marvelune", "S.A.S.")
            ]
        );
        assert_eq!(
            found("**Nordwind Handel e.K.** und eBay Kleinanzeigen GmbH"),
            [("Nordwind Handel", "e.K."), ("eBay Kleinanzeigen", "GmbH")]
        );
    }

    #[test]
    fn a_form_without_a_name_or_inside_a_word_is_no_company() {
        assert_eq!(found("Sellers may be a GmbH, an Inc. or an LLC."), []);
        assert_eq!(found("ein Händler mit GmbHs und AGs"), []);
        assert_eq!(found("Muster\nGmbH"), []);
        assert_eq!(found("Muster GmbHx Bar Incorporated"), []);
    }

    #[test]
    fn the_longest_name_before_a_form_is_taken() {
        assert_eq!(
            found(
                "See Kestrel Trading Ltd and Payco Europe Services Group Ltd. Alpha Payco Europe Services Group Ltd"
            ),
            [
                ("See Kestrel Trading", "Ltd"),
                ("Payco Europe Services Group", "Ltd."),
                ("Payco Europe Services Group", "Ltd")
            ]
        );
    }
}
