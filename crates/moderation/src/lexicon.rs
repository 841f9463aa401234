//! Lexicons: plain text, one entry per line, `#` comments, optional `entry<TAB>value`.

use std::path::PathBuf;

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The entry as written (before the tab).
    pub text: String,
    /// The value after a tab, if any (e.g. the written form of a colloquial word).
    pub value: Option<String>,
}

/// A parsed lexicon file.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
}

impl Lexicon {
    pub fn parse(path: PathBuf, text: &str) -> Lexicon {
        let entries = text
            .lines()
            .filter_map(|line| {
                let line = match line.find('#') {
                    Some(0) => return None,
                    // `#` inside an entry starts a comment only after whitespace.
                    Some(i) if line[..i].ends_with(char::is_whitespace) => &line[..i],
                    _ => line,
                };
                let (text, value) = match line.split_once('\t') {
                    Some((t, v)) => (t.trim(), Some(v.trim().to_owned())),
                    None => (line.trim(), None),
                };
                (!text.is_empty()).then(|| Entry {
                    text: text.to_owned(),
                    value: value.filter(|v| !v.is_empty()),
                })
            })
            .collect();
        Lexicon { path, entries }
    }
}

/// Reads the tag (the value after the tab) of every entry of `lexicons`, in order, as one of
/// `tags`: `(None, t, meaning)` is what an entry without a tag is, `(Some("word"), t,
/// meaning)` one tagged `word`. Any other tag is an error naming the file, the entry and what
/// each tag means.
pub(crate) fn read_tags<'l, T: Copy>(
    lexicons: impl IntoIterator<Item = &'l Lexicon>,
    tags: &[(Option<&str>, T, &str)],
) -> Result<Vec<(&'l Entry, T)>, String> {
    let mut out = Vec::new();
    for lex in lexicons {
        for e in &lex.entries {
            let Some(&(_, t, _)) = tags.iter().find(|(tag, _, _)| *tag == e.value.as_deref())
            else {
                let choices: Vec<String> = tags
                    .iter()
                    .map(|(tag, _, meaning)| match tag {
                        None => format!("nothing ({meaning})"),
                        Some(tag) => format!("`{tag}` ({meaning})"),
                    })
                    .collect();
                let (last, rest) = choices.split_last().map_or(("", &[][..]), |(l, r)| (l, r));
                let choices = if rest.is_empty() {
                    last.to_owned()
                } else {
                    format!("{} or {last}", rest.join(", "))
                };
                return Err(format!(
                    "{}: `{}` has value `{}`: write {choices}",
                    lex.path.display(),
                    e.text,
                    e.value.as_deref().unwrap_or_default()
                ));
            };
            out.push((e, t));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_values() {
        let lex = Lexicon::parse(
            "t.txt".into(),
            "# header\n\nمیخوام\tمی‌خواهم\n  ترب  # a store\nc#\n",
        );
        let texts: Vec<_> = lex.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["میخوام", "ترب", "c#"]);
        assert_eq!(lex.entries[0].value.as_deref(), Some("می‌خواهم"));
    }

    #[test]
    fn tags_are_read_and_an_unknown_one_is_named() {
        let lex = Lexicon::parse("t.txt".into(), "a\nb\tword\nc\tspelled\n");
        let tags = [
            (None, 0, "a name"),
            (Some("word"), 1, "also a word"),
            (Some("spelled"), 2, "as a domain"),
        ];
        let read: Vec<(&str, i32)> = read_tags([&lex], &tags)
            .unwrap()
            .into_iter()
            .map(|(e, t)| (e.text.as_str(), t))
            .collect();
        assert_eq!(read, [("a", 0), ("b", 1), ("c", 2)]);
        let err = read_tags([&lex], &tags[..2]).unwrap_err();
        assert_eq!(
            err,
            "t.txt: `c` has value `spelled`: write nothing (a name) or `word` (also a word)"
        );
    }
}
