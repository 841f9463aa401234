//! Literal prefilters: a rule runs its regex only on fields that contain one of its literals.

use aho_corasick::AhoCorasick;

/// A set of literals searched for together, in one pass over the text.
#[derive(Debug, Clone)]
pub(crate) struct Needles(AhoCorasick);

impl Needles {
    /// Compiles the literals (byte-exact, case-sensitive, like `str::contains`).
    pub fn new(literals: &[&str]) -> Result<Needles, String> {
        AhoCorasick::new(literals)
            .map(Needles)
            .map_err(|e| e.to_string())
    }

    /// Whether `text` contains at least one of the literals.
    #[inline]
    pub fn any_in(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_any_literal_like_contains() {
        let n = Needles::new(&["dot", "نقطه", " ."]).unwrap();
        for text in [
            "example dot com",
            "سایت نقطه کام",
            "a . b",
            "",
            "dotted",
            "نقط",
        ] {
            let expected = ["dot", "نقطه", " ."].iter().any(|l| text.contains(l));
            assert_eq!(n.any_in(text), expected, "{text}");
        }
    }
}
