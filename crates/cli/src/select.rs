//! `--select` and `--ignore`: which codes a report keeps, as ruff does. A selector is a code
//! (`contacts/phone`), a family (`contacts`, `style/`) or any prefix of codes
//! (`compliance` keeps `compliance-dsa`); `ALL` selects everything.

use anyhow::bail;

/// `--select` / `--ignore`, for the commands whose findings have codes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SelectArgs {
    /// Report only these codes or prefixes (comma-separated or repeated), e.g. `contacts`,
    /// `style/`, `links/url`. Default: all.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Leave out these codes or prefixes (applied after `--select`).
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

/// The validated selection.
#[derive(Debug, Clone, Default)]
pub struct CodeFilter {
    select: Vec<String>,
    ignore: Vec<String>,
}

impl CodeFilter {
    /// Checks every selector against `known` codes: a selector that matches none is an error
    /// with the nearest codes.
    pub fn new<'a>(
        args: &SelectArgs,
        known: impl Iterator<Item = &'a str> + Clone,
    ) -> anyhow::Result<CodeFilter> {
        for (flag, selectors) in [("--select", &args.select), ("--ignore", &args.ignore)] {
            for selector in selectors {
                if selector == "ALL"
                    || known
                        .clone()
                        .any(|code| code.starts_with(selector.as_str()))
                {
                    continue;
                }
                let near = nearest(selector, known.clone());
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    format!("; did you mean {}?", near.join(", "))
                };
                bail!("{flag} {selector}: no code starts with `{selector}`{hint}");
            }
        }
        Ok(CodeFilter {
            select: args.select.clone(),
            ignore: args.ignore.clone(),
        })
    }

    /// Whether a finding with `code` is kept.
    pub fn keeps(&self, code: &str) -> bool {
        let matches = |s: &String| s == "ALL" || code.starts_with(s.as_str());
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }

    /// Whether every code is kept (nothing to filter).
    pub fn keeps_all(&self) -> bool {
        self.select.iter().all(|s| s == "ALL") && self.ignore.is_empty()
    }
}

/// Up to three known names closest to `wanted` (Jaro-Winkler similarity of at least 0.8).
pub fn nearest<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = known
        .map(|k| (strsim::jaro_winkler(wanted, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: &[&str] = &[
        "contacts/phone",
        "contacts/email",
        "style/emoji",
        "links/url",
    ];

    fn filter(select: &[&str], ignore: &[&str]) -> anyhow::Result<CodeFilter> {
        let args = SelectArgs {
            select: select.iter().map(|s| s.to_string()).collect(),
            ignore: ignore.iter().map(|s| s.to_string()).collect(),
        };
        CodeFilter::new(&args, CODES.iter().copied())
    }

    #[test]
    fn families_and_prefixes_select_like_ruff() {
        let f = filter(&["contacts", "style/"], &["contacts/email"]).unwrap();
        assert!(f.keeps("contacts/phone"));
        assert!(!f.keeps("contacts/email"));
        assert!(f.keeps("style/emoji"));
        assert!(!f.keeps("links/url"));
        assert!(filter(&[], &[]).unwrap().keeps_all());
    }

    #[test]
    fn an_unknown_selector_names_the_nearest_code() {
        let err = filter(&["contacts/phon3"], &[]).unwrap_err().to_string();
        assert!(err.contains("did you mean contacts/phone"), "{err}");
        let err = filter(&[], &["nothing-like-it"]).unwrap_err().to_string();
        assert!(err.starts_with("--ignore nothing-like-it"), "{err}");
    }
}
