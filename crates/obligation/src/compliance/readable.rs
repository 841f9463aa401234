//! Patterns shown to a legal team as the phrases they match, not as regular expressions: the
//! help of a compliance finding says `one of "seller", "business user", "merchant", …` where
//! the requirement holds `seller|business user|merchant|…`.
//!
//! The pattern is parsed by `regex-syntax` and walked: an alternation gives each branch, a
//! concatenation the combinations of its parts, an optional part is left out, a repeated part
//! is written once, a word boundary is nothing, a class of spaces is a space and any other
//! class its first lower-case letter (a class as wide as `\w` or `.` is written `…`).

use regex_syntax::hir::{Class, Hir, HirKind};

/// At most this many phrases are shown for one pattern.
const SHOWN: usize = 6;

/// The pattern as a quoted phrase (`"complain"`) or `one of "a", "b", …`; the pattern itself
/// between slashes when it cannot be parsed.
pub(crate) fn phrases(pattern: &str) -> String {
    let Ok(hir) = regex_syntax::Parser::new().parse(pattern) else {
        return format!("/{pattern}/");
    };
    let mut shown: Vec<String> = Vec::new();
    for example in examples(&hir, SHOWN + 1) {
        let example = example.split_whitespace().collect::<Vec<_>>().join(" ");
        if !example.is_empty() && !shown.contains(&example) {
            shown.push(example);
        }
    }
    let more = shown.len() > SHOWN;
    shown.truncate(SHOWN);
    let quoted: Vec<String> = shown.iter().map(|p| format!("\"{p}\"")).collect();
    match (quoted.as_slice(), more) {
        ([], _) => format!("/{pattern}/"),
        ([one], false) => one.clone(),
        (_, false) => format!("one of {}", quoted.join(", ")),
        (_, true) => format!("one of {}, …", quoted.join(", ")),
    }
}

/// Up to `cap` strings the expression matches, shortest choices first.
fn examples(hir: &Hir, cap: usize) -> Vec<String> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => vec![String::new()],
        HirKind::Literal(literal) => vec![String::from_utf8_lossy(&literal.0).into_owned()],
        HirKind::Class(class) => vec![class_example(class)],
        HirKind::Repetition(repetition) if repetition.min == 0 => vec![String::new()],
        HirKind::Repetition(repetition) => examples(&repetition.sub, cap),
        HirKind::Capture(capture) => examples(&capture.sub, cap),
        HirKind::Concat(parts) => {
            let mut all = vec![String::new()];
            for part in parts {
                let tails = examples(part, cap);
                all = all
                    .iter()
                    .flat_map(|head| tails.iter().map(move |tail| format!("{head}{tail}")))
                    .take(cap)
                    .collect();
            }
            all
        }
        HirKind::Alternation(branches) => branches
            .iter()
            .flat_map(|branch| examples(branch, cap))
            .take(cap)
            .collect(),
    }
}

/// One character of the class as a reader would write it.
fn class_example(class: &Class) -> String {
    let Class::Unicode(class) = class else {
        return "…".into();
    };
    let chars = || {
        class
            .ranges()
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .take(4096)
    };
    let width: u32 = class
        .ranges()
        .iter()
        .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
        .sum();
    if chars().any(|c| c == ' ') {
        " ".into()
    } else if width > 200 {
        "…".into()
    } else {
        chars()
            .find(|c| c.is_lowercase())
            .or_else(|| chars().next())
            .map_or_else(String::new, String::from)
    }
}

#[cfg(test)]
mod tests {
    use super::phrases;

    #[test]
    fn alternatives_are_listed_as_phrases() {
        assert_eq!(phrases("complain"), "\"complain\"");
        assert_eq!(
            phrases(r"\bform\b|e-?mail|online|panel"),
            "one of \"form\", \"email\", \"online\", \"panel\""
        );
        assert_eq!(
            phrases(
                r"free of charge|\bfree\b|no charge|at no cost|costs? nothing|without (any )?charge|gratis"
            ),
            "one of \"free of charge\", \"free\", \"no charge\", \"at no cost\", \"cost nothing\", \"without charge\", …"
        );
    }

    #[test]
    fn groups_spaces_and_wide_classes_are_written_as_a_reader_would() {
        assert_eq!(
            phrases(r"complaints?[ -](handling|procedure)"),
            "one of \"complaint handling\", \"complaint procedure\""
        );
        assert_eq!(phrases(r"human\s+review"), "\"human review\"");
        assert_eq!(
            phrases(r"(?i)staff\s+(\w+\s+){0,2}?decides"),
            "\"staff decides\""
        );
        assert_eq!(phrases(r"reviewed by \w+"), "\"reviewed by …\"");
        assert_eq!(phrases("شکایت|اعتراض"), "one of \"شکایت\", \"اعتراض\"");
    }

    #[test]
    fn a_pattern_that_does_not_parse_is_shown_as_it_is() {
        assert_eq!(phrases("(unclosed"), "/(unclosed/");
    }
}
