//! The known marketplaces: the other shops and marketplaces the moderation engine keeps per
//! language (`rules/lexicons/stores.{lang}.txt`, read with the moderation crate's reader,
//! [`davar_input::lexicon`]). `foreign-brand` reports them like the brands a site lists in
//! `foreign_brands`, unless site.yaml says `known_marketplaces: false`; the compile pipeline
//! (`davar-project`) reads the files from the rules directory and sets
//! [`crate::PolicySet::known_marketplaces`].
//!
//! The files of every language make one list, as a name left over from copied terms can be
//! written in any of them (an English version naming `Digikala`). A name two files tag
//! differently (`amazon`: a plain name in `stores.fa`, `word` in `stores.en`, where it is also
//! the forest) takes the narrower tag.

use std::collections::HashMap;
use std::path::PathBuf;

use davar_input::lexicon::{Lexicon, StoreTag};

use crate::codes;
use crate::diagnostic::Diagnostic;

/// One name of the known marketplaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownName {
    /// The name as the lexicon writes it (`دیجی‌کالا`, `on amazon`).
    pub text: String,
    /// How it counts: a plain name, or also an ordinary word (`word`, `spelled`).
    pub tag: StoreTag,
    /// The lexicon that lists it first.
    pub path: PathBuf,
}

/// The known marketplaces (empty when there is no rules directory or it has no store lexicon).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownMarketplaces {
    names: Vec<KnownName>,
}

impl KnownMarketplaces {
    /// The names of the store lexicons among `files` (path and text of each
    /// `rules/lexicons/*.txt`; other lexicons are skipped). A file with an entry whose tag is
    /// not one of [`StoreTag::TAGS`] is left out with a `rule-set` error naming the entry.
    pub fn from_files(files: &[(PathBuf, String)]) -> (KnownMarketplaces, Vec<Diagnostic>) {
        let mut names: Vec<KnownName> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut errors = Vec::new();
        for (path, text) in files {
            let is_store = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".txt"))
                .is_some_and(davar_input::lexicon::is_store_lexicon);
            if !is_store {
                continue;
            }
            let lexicon = Lexicon::parse(path.clone(), text);
            let tagged = match StoreTag::read([&lexicon]) {
                Ok(tagged) => tagged,
                Err(message) => {
                    errors.push(Diagnostic::error(codes::RULE_SET, path, 0, 0, message));
                    continue;
                }
            };
            for (entry, tag) in tagged {
                // Spelled the same: `le bon coin` (also "the right corner") is not `leboncoin`.
                let key: Vec<String> = entry
                    .text
                    .split(|c: char| c.is_whitespace() || c == '\u{200c}')
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                let key = key.join(" ");
                if key.is_empty() {
                    continue;
                }
                match index.get(&key) {
                    Some(&i) => names[i].tag = names[i].tag.max(tag),
                    None => {
                        index.insert(key, names.len());
                        names.push(KnownName {
                            text: entry.text.clone(),
                            tag,
                            path: path.clone(),
                        });
                    }
                }
            }
        }
        (KnownMarketplaces { names }, errors)
    }

    /// Every name, in the order the files list them.
    pub fn names(&self) -> &[KnownName] {
        &self.names
    }

    /// Whether there is no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The letters and digits of `text`, lower case, words joined (`دیجی‌کالا`, `دیجی کالا` and
/// `دیجیکالا` are one name).
pub(crate) fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_lexicons_make_one_list_with_the_narrower_tag() {
        let files = vec![
            (
                PathBuf::from("lexicons/stores.fa.txt"),
                "# header\nدیجی‌کالا\nدیجی کالا\namazon\n".to_string(),
            ),
            (
                PathBuf::from("lexicons/stores.en.txt"),
                "amazon\tword\non amazon\nle bon coin\tword\nleboncoin\n".to_string(),
            ),
            (
                PathBuf::from("lexicons/shopping.en.txt"),
                "cheaper\n".to_string(),
            ),
        ];
        let (known, errors) = KnownMarketplaces::from_files(&files);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<(&str, StoreTag)> = known
            .names()
            .iter()
            .map(|n| (n.text.as_str(), n.tag))
            .collect();
        assert_eq!(
            names,
            [
                ("دیجی‌کالا", StoreTag::Name),
                ("amazon", StoreTag::Word),
                ("on amazon", StoreTag::Name),
                ("le bon coin", StoreTag::Word),
                ("leboncoin", StoreTag::Name)
            ]
        );
        assert_eq!(
            known.names()[0].path,
            PathBuf::from("lexicons/stores.fa.txt")
        );
    }

    #[test]
    fn an_unknown_tag_leaves_its_file_out_with_an_error() {
        let files = vec![
            (
                PathBuf::from("lexicons/stores.de.txt"),
                "otto\tmaybe\n".to_string(),
            ),
            (
                PathBuf::from("lexicons/stores.fr.txt"),
                "fnac\n".to_string(),
            ),
        ];
        let (known, errors) = KnownMarketplaces::from_files(&files);
        assert_eq!(known.names().len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, codes::RULE_SET);
        assert!(
            errors[0].message.contains("`otto` has value `maybe`"),
            "{}",
            errors[0].message
        );
    }
}
