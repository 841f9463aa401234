use std::collections::HashSet;

use crate::error::StoreError;
use crate::model::Verdict;
use crate::rules::prelude::*;
use crate::store::{QuestionProbe, QuestionStore};
use crate::text::{Skeleton, push_squeezed};

declare_rule! {
    /// ## What it flags
    /// A question already asked under the same product, word for word or nearly:
    /// `این گوشی ضد آب است؟` after `آیا این گوشی ضدآب هست؟`.
    ///
    /// ## Why
    /// Terms: ask a question only once, under the product it is about. Duplicates bury the
    /// answers that exist.
    ///
    /// ## How it decides
    /// Questions are compared by their key: skeleton words (ZWNJ, Arabic letters, digits and
    /// repeated letters folded) without punctuation and without filler words such as `آیا`,
    /// `سلام`, `لطفا`, `هست`, `است`. Two questions are duplicates when the Jaccard similarity of
    /// their word sets, or of their character trigrams (so spacing such as `ضد آب`/`ضدآب` does
    /// not matter), is at least `similarity` (default 0.8). Only candidates are compared: stored
    /// questions with the same key or a MinHash band in common (an index lookup, whatever the
    /// number of questions under the product). The engine's `QuestionStore` (one per CLI run;
    /// a database in the server) checks and records in one atomic step; a question rejected
    /// for another reason is removed again once the verdict is known.
    ///
    /// ## Fix
    /// Not fixable: point the author to the existing answers.
    code: "qa/duplicate", severity: Reject, fixable: false, params: ["similarity"],
    pub(crate) struct Duplicate { similarity: f64 }
}

/// Words left out of a question key: they do not change what is asked.
const FILLER: &[&str] = &[
    "ایا",
    "سلام",
    "لطفا",
    "هست",
    "است",
    "هستش",
    "ممنون",
    "مرسی",
    "با",
    "تشکر",
    "خسته",
    "نباشید",
    "دوستان",
    "عزیزان",
    "the",
    "a",
    "an",
    "is",
    "does",
    "do",
    "hi",
    "hello",
    "please",
    "thanks",
];

/// The normalised key of a question (skeleton words without fillers, joined by spaces).
pub fn question_key(text: &str) -> String {
    key_of(&Skeleton::new(text))
}

/// [`question_key`] of a field whose skeleton is built: its words squeezed straight into the
/// key, fillers taken out again.
fn key_of(sk: &Skeleton) -> String {
    let mut key = String::with_capacity(sk.text.len());
    for w in &sk.words {
        let before = key.len();
        if before > 0 {
            key.push(' ');
        }
        let start = key.len();
        push_squeezed(&mut key, w.text(&sk.text));
        if FILLER.contains(&&key[start..]) {
            key.truncate(before);
        }
    }
    key
}

fn jaccard<T: std::hash::Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    a.intersection(b).count() as f64 / a.union(b).count() as f64
}

/// Similarity of two question keys: the better of word-set and character-trigram Jaccard, so
/// `ضد آب` and `ضدآب` (spacing) or a changed suffix still match. Words and trigrams are
/// compared in place, without a copy of each.
fn similarity(a: &str, b: &str) -> f64 {
    fn words(s: &str) -> HashSet<&str> {
        s.split(' ').filter(|w| !w.is_empty()).collect()
    }
    fn trigrams(s: &str) -> HashSet<[char; 3]> {
        let chars: Vec<char> = s.chars().filter(|c| *c != ' ').collect();
        chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
    }
    jaccard(&words(a), &words(b)).max(jaccard(&trigrams(a), &trigrams(b)))
}

impl Duplicate {
    fn build(p: &Params<'_>) -> Result<Duplicate, String> {
        let similarity = p.f64("similarity", 0.8)?;
        if !(0.0..=1.0).contains(&similarity) || similarity == 0.0 {
            return Err("parameter `similarity` must be in (0, 1]".into());
        }
        Ok(Duplicate { similarity })
    }
}

impl Rule for Duplicate {
    fn prefilter(&self) -> Prefilter {
        Prefilter::Always
    }

    fn check(&self, _cx: &Ctx<'_>, _fields: Fields<'_, '_>, _out: &mut Vec<Hit>) {}

    fn check_with_store(
        &self,
        cx: &Ctx<'_>,
        _fields: Fields<'_, '_>,
        store: &dyn QuestionStore,
        out: &mut Vec<Hit>,
    ) -> Result<(), StoreError> {
        let Some(product) = cx.product else {
            return Ok(());
        };
        let key = key_of(cx.body.skeleton());
        if key.is_empty() {
            return Ok(());
        }
        let probe = QuestionProbe::new(product, key);
        let is_duplicate =
            |q: &crate::store::StoredQuestion| similarity(&q.key, &probe.key) >= self.similarity;
        if store
            .check_and_record(product, &probe, &is_duplicate, true)?
            .is_some()
        {
            let len = cx.body.original.trim_end().chars().count();
            out.push(cx.body.hit_cp(0, len));
        }
        Ok(())
    }

    fn after_verdict(
        &self,
        cx: &Ctx<'_>,
        store: &dyn QuestionStore,
        verdict: Verdict,
        fired: bool,
    ) -> Result<(), StoreError> {
        let Some(product) = cx.product else {
            return Ok(());
        };
        // Recorded by `check_with_store` unless it fired; a rejected comment gives its place up.
        if fired || verdict != Verdict::Reject {
            return Ok(());
        }
        let key = key_of(cx.body.skeleton());
        if key.is_empty() {
            return Ok(());
        }
        store.forget(product, &key)
    }
}
