use std::collections::HashSet;

use crate::rules::prelude::*;
use crate::text::{is_letter, skeleton_key};

declare_rule! {
    /// ## What it flags
    /// One letter written three or more times in a row: `خیلیییی`, `سووووخت`, `عااالی`,
    /// `goooood`.
    ///
    /// ## Why
    /// Terms: do not repeat letters; it is shouting and makes the text hard to search.
    ///
    /// ## How it decides
    /// Letters only (digits such as `۱۰۰۰` are not repeated letters); `www` and Roman numerals
    /// (`iii`) are left alone.
    ///
    /// ## Fix
    /// Fixable: the run is reduced to the dictionary form where one is known (words with a
    /// doubled letter such as `ممنون` from `lexicons/double-letters.fa.txt`; Latin letters to
    /// two, `goooood` → `good`), else to one letter (`خیلیییی` → `خیلی`).
    code: "style/repeated-letters", severity: Fix, fixable: true, removes_content: false, params: ["min_run", "dictionary"],
    pub(crate) struct RepeatedLetters { min_run: usize, doubled: HashSet<String> }
}

impl RepeatedLetters {
    fn build(p: &Params<'_>) -> Result<RepeatedLetters, String> {
        let doubled = p
            .lexicons("dictionary", &["double-letters.fa"])?
            .iter()
            .flat_map(|l| l.entries.iter().map(|e| skeleton_key(&e.text)))
            .collect();
        Ok(RepeatedLetters {
            min_run: p.usize("min_run", 3)?.max(2),
            doubled,
        })
    }

    /// The repaired word for `word` (original chars), or None when nothing repeats.
    fn repair(&self, word: &[char]) -> Option<String> {
        let mut runs = Vec::new(); // (start, len)
        let mut i = 0;
        while i < word.len() {
            let mut j = i + 1;
            while j < word.len() && word[j] == word[i] {
                j += 1;
            }
            if j - i >= self.min_run && is_letter(word[i]) {
                runs.push((i, j - i));
            }
            i = j;
        }
        if runs.is_empty() {
            return None;
        }
        let build = |keep: usize| -> String {
            let mut out = String::new();
            let mut i = 0;
            // The runs are in order: the next one is the only one that can start at `i`.
            let mut next = runs.iter().peekable();
            while i < word.len() {
                if let Some(&(s, len)) = next.next_if(|(s, _)| *s == i) {
                    let n = if word[s].is_ascii_alphabetic() {
                        2
                    } else {
                        keep
                    };
                    out.extend(std::iter::repeat_n(word[s], n.min(len)));
                    i = s + len;
                } else {
                    out.push(word[i]);
                    i += 1;
                }
            }
            out
        };
        let single = build(1);
        let double = build(2);
        // The dictionary is asked only when keeping two letters changes the word.
        if double != single
            && self.doubled.contains(&skeleton_key(&double))
            && !self.doubled.contains(&skeleton_key(&single))
        {
            Some(double)
        } else {
            Some(single)
        }
    }
}

impl Rule for RepeatedLetters {
    fn prefilter(&self) -> Prefilter {
        // A run of `min_run` identical letters is consecutive in the field's code points.
        Prefilter::classes(if self.min_run >= 3 {
            Classes::TRIPLE_LETTER
        } else {
            Classes::DOUBLE_LETTER
        })
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let chars = &f.cps;
            let mut i = 0;
            while i < chars.len() {
                if !is_letter(chars[i]) {
                    i += 1;
                    continue;
                }
                let s = i;
                while i < chars.len()
                    && (is_letter(chars[i]) || chars[i] == '\u{200C}' || chars[i] == '\u{0640}')
                {
                    i += 1;
                }
                let word = &chars[s..i];
                let repeats = word
                    .windows(self.min_run)
                    .any(|w| w.iter().all(|&c| c == w[0]) && is_letter(w[0]));
                if !repeats {
                    continue;
                }
                let lower = || word.iter().flat_map(|c| c.to_lowercase());
                if lower().take(3).eq("www".chars())
                    || lower().all(|c| matches!(c, 'i' | 'v' | 'x'))
                {
                    continue;
                }
                if let Some(fixed) = self.repair(word) {
                    out.push(f.hit_cp(s, i).with_fix(fixed));
                }
            }
        }
    }
}
