//! Tables of contents: a list whose items are links to headings of the same page, or repeat
//! its headings, or a list right under a line or heading that calls it the contents ("Table
//! of contents", "Sommaire", "Inhaltsverzeichnis", "فهرست مطالب"). They are navigation, not clause text, so they are left out of the prose the
//! checks read (a table of contents naming "Mediation" is not a mediation clause).

use std::collections::BTreeSet;
use std::ops::Range;

use crate::clause_id;
use crate::model::Clause;

/// A top-level list met during the walk.
#[derive(Debug, Clone)]
pub(crate) struct ListSpan {
    /// Index of the part (preamble or clause) it is in.
    pub part: usize,
    /// Its byte range in that part's prose.
    pub prose: Range<usize>,
    /// Each top-level item's text, and whether the item is only an in-page link.
    pub items: Vec<(String, bool)>,
}

/// Fewest items for a list to be taken as a table of contents.
const MIN_ITEMS: usize = 3;

/// Removes the tables of contents among `lists` from the prose and item counts of `parts`.
pub(crate) fn remove_tables_of_contents(parts: &mut [Clause], lists: &[ListSpan]) {
    if lists.is_empty() {
        return;
    }
    let headings: BTreeSet<String> = parts
        .iter()
        .skip(1)
        .map(|c| clause_id::slug(&c.heading))
        .collect();
    for list in lists.iter().rev() {
        let titled = parts.get(list.part).is_some_and(|part| {
            let before = part.prose.get(..list.prose.start).unwrap_or_default();
            match before.lines().rev().find(|l| !l.trim().is_empty()) {
                Some(line) => contents_title(line),
                None => contents_title(&part.heading),
            }
        });
        if list.items.len() < MIN_ITEMS && !titled {
            continue;
        }
        if !titled && !mostly_navigational(&list.items, &headings) {
            continue;
        }
        let Some(part) = parts.get_mut(list.part) else {
            continue;
        };
        if part.prose.is_char_boundary(list.prose.start)
            && part.prose.is_char_boundary(list.prose.end)
            && list.prose.end <= part.prose.len()
        {
            part.prose.replace_range(list.prose.clone(), "");
        }
        part.list_items = part.list_items.saturating_sub(list.items.len());
    }
}

/// Whether at least four in five of `items` are only in-page links or repeat one of
/// `headings`. Stops at the first item that makes four in five out of reach.
fn mostly_navigational(items: &[(String, bool)], headings: &BTreeSet<String>) -> bool {
    let mut others = 0;
    for (text, only_link) in items {
        if *only_link || headings.contains(&clause_id::slug(text.trim())) {
            continue;
        }
        others += 1;
        if others * 5 > items.len() {
            return false;
        }
    }
    true
}

/// Whether `line` is the title of a table of contents, in any of the site's languages.
fn contents_title(line: &str) -> bool {
    let title = line
        .trim()
        .trim_matches(|c: char| c == ':' || c == '*' || c == '#' || c == '_' || c.is_whitespace())
        .to_lowercase();
    matches!(
        title.as_str(),
        "contents"
            | "table of contents"
            | "sommaire"
            | "table des matières"
            | "inhalt"
            | "inhaltsverzeichnis"
            | "inhaltsübersicht"
            | "übersicht"
            | "فهرست"
            | "فهرست مطالب"
    )
}
