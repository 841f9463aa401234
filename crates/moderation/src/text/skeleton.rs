//! The matching skeleton of one field, with a map back to code points of the original.

use super::fold::fold_char;

/// Separators removed between two digits (`۰۹۱۲ ۳۴۵-۶۷۸۹` becomes `09123456789`).
fn is_digit_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '_' | '(' | ')' | '\t')
}

/// Longest run of separators that still joins two digit groups.
const MAX_SEPARATOR_RUN: usize = 3;

/// A folded copy of a field that rules match against, and where each byte came from.
#[derive(Debug, Clone, Default)]
pub struct Skeleton {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`: code-point index of the original character it came from.
    starts: Vec<u32>,
    /// For each byte of `text`: code-point index just after that original character.
    ends: Vec<u32>,
}

impl Skeleton {
    /// Builds the skeleton of `original`.
    pub fn new(original: &str) -> Skeleton {
        let mut sk = Skeleton {
            text: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len()),
            ends: Vec::with_capacity(original.len()),
        };
        // Separators seen right after a digit, held until we know whether a digit follows.
        let mut pending: Vec<(char, u32)> = Vec::new();
        let mut last_was_digit = false;
        for (cp, c) in original.chars().enumerate() {
            let cp = cp as u32;
            fold_char(c, &mut |f| {
                if last_was_digit && is_digit_separator(f) {
                    pending.push((f, cp));
                    return;
                }
                if f.is_ascii_digit() {
                    if !pending.is_empty() && pending.len() > MAX_SEPARATOR_RUN {
                        sk.flush(&mut pending);
                    }
                    pending.clear();
                    last_was_digit = true;
                } else {
                    sk.flush(&mut pending);
                    last_was_digit = false;
                }
                sk.push(f, cp);
            });
        }
        sk.flush(&mut pending);
        sk
    }

    fn flush(&mut self, pending: &mut Vec<(char, u32)>) {
        for (c, cp) in pending.drain(..) {
            self.push(c, cp);
        }
    }

    fn push(&mut self, c: char, cp: u32) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(cp);
            self.ends.push(cp + 1);
        }
    }

    /// Maps a byte range of the skeleton to a code-point range `(start, end)` of the original.
    /// Empty or out-of-range input gives an empty range at the nearest valid position.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.starts.is_empty() {
            return (0, 0);
        }
        let start = start.min(self.starts.len() - 1);
        let s = self.starts[start] as usize;
        if end <= start {
            return (s, s);
        }
        let e = self.ends[(end - 1).min(self.ends.len() - 1)] as usize;
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orig_slice(text: &str, (s, e): (usize, usize)) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn folds_persian_digits_and_joins_spaced_groups() {
        let text = "شماره ۰۹۱۲ ۳۴۵-۶۷۸۹ است";
        let sk = Skeleton::new(text);
        assert!(sk.text.contains("09123456789"), "{}", sk.text);
        let i = sk.text.find("0912").unwrap();
        let span = sk.to_original(i, i + 11);
        assert_eq!(orig_slice(text, span), "۰۹۱۲ ۳۴۵-۶۷۸۹");
    }

    #[test]
    fn arabic_forms_kashida_and_zwnj_are_folded() {
        let sk = Skeleton::new("كتاب مي\u{200C}خوام عاـــلي");
        assert_eq!(sk.text, "کتاب میخوام عالی");
    }

    #[test]
    fn cyrillic_lookalikes_become_latin() {
        assert_eq!(Skeleton::new("ехаmрlе.соm").text, "example.com");
    }

    #[test]
    fn long_separator_runs_do_not_join_numbers() {
        assert_eq!(Skeleton::new("12     34").text, "12     34");
        assert_eq!(Skeleton::new("12 34").text, "1234");
        assert_eq!(Skeleton::new("a - b").text, "a - b");
    }
}
