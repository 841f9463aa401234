//! Lexicons (`rules/lexicons/*.txt`): plain text, one entry per line, `#` comments, optional
//! `entry<TAB>value`. The moderation engine reads every lexicon with [`Lexicon::parse`]; the
//! store lexicons (`stores.{lang}`) are read by the moderation rule `placement/other-store` and
//! by the policy check `foreign-brand` through [`StoreTag::read`], so both halves read one
//! list of other shops and marketplaces the same way.

use std::path::PathBuf;

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The entry as written (before the tab).
    pub text: String,
    /// The value after a tab, if any (e.g. the written form of a colloquial word).
    pub value: Option<String>,
}

/// A parsed lexicon file.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The file it was read from (named in errors).
    pub path: PathBuf,
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

impl Lexicon {
    /// Parses the text of the lexicon read from `path`: a `#` at the start of a line, or after
    /// whitespace, starts a comment; blank lines are skipped.
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
pub fn read_tags<'l, T: Copy>(
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

/// How a name of a store lexicon (`rules/lexicons/stores.{lang}.txt`) counts: the tag after
/// its tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StoreTag {
    /// No tag: a store's name wherever it is written.
    Name,
    /// `word`: also an ordinary word (`amazon` the forest, `شیپور` a horn); the lexicon lists
    /// the forms after a preposition that are the store (`on amazon`, `از آمازون`) as names.
    Word,
    /// `spelled`: a word too common for any context (`target`, `otto`); a store only in the
    /// forms the lexicon lists after a preposition (`at target`), as a domain or spelled with
    /// digits for letters.
    Spelled,
}

impl StoreTag {
    /// The tags a store lexicon may write, with what each means (for [`read_tags`]' errors).
    pub const TAGS: [(Option<&'static str>, StoreTag, &'static str); 3] = [
        (None, StoreTag::Name, "a store name"),
        (
            Some("word"),
            StoreTag::Word,
            "also an ordinary word: a store only near a word of buying",
        ),
        (
            Some("spelled"),
            StoreTag::Spelled,
            "a store only as a domain or spelled with digits",
        ),
    ];

    /// The tag of every entry of the store lexicons `lexicons`, in order; an unknown tag is an
    /// error naming the file, the entry and the tags there are.
    pub fn read<'l>(
        lexicons: impl IntoIterator<Item = &'l Lexicon>,
    ) -> Result<Vec<(&'l Entry, StoreTag)>, String> {
        read_tags(lexicons, &StoreTag::TAGS)
    }

    /// The tag as a lexicon writes it, for messages.
    pub fn name(self) -> &'static str {
        match self {
            StoreTag::Name => "nothing",
            StoreTag::Word => "`word`",
            StoreTag::Spelled => "`spelled`",
        }
    }
}

/// Whether the lexicon named `name` (its file name without `.txt`) lists other shops and
/// marketplaces: `stores.{lang}`.
pub fn is_store_lexicon(name: &str) -> bool {
    name.strip_prefix("stores.")
        .is_some_and(|lang| !lang.is_empty() && !lang.contains('.'))
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

    #[test]
    fn store_tags_and_store_lexicon_names() {
        let lex = Lexicon::parse("s.txt".into(), "ebay\namazon\tword\notto\tspelled\n");
        let read: Vec<StoreTag> = StoreTag::read([&lex])
            .unwrap()
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(read, [StoreTag::Name, StoreTag::Word, StoreTag::Spelled]);
        let bad = Lexicon::parse("s.txt".into(), "ebay\tplace\n");
        assert!(
            StoreTag::read([&bad])
                .unwrap_err()
                .contains("`ebay` has value `place`"),
            "unknown tag named"
        );
        assert!(is_store_lexicon("stores.fa"));
        assert!(!is_store_lexicon("stores"));
        assert!(!is_store_lexicon("shopping.fa"));
    }
}
