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
}
