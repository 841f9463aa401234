//! Where `qa/duplicate` finds the questions already asked under a product.
//!
//! A store answers one atomic call, [`QuestionStore::check_and_record`]: among the stored
//! questions of a product that are *candidates* (the same key, or one of the MinHash bands of
//! [`QuestionProbe`] in common), is one a duplicate? If none is, the question is stored in the same
//! step, so two identical questions arriving together cannot both be accepted. Lookup cost
//! depends on the number of candidates, not on the number of questions under the product.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::StoreError;

/// A question already accepted under a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredQuestion {
    /// Its id (the comment's `id`), when the caller gave one.
    pub id: Option<String>,
    /// Normalised text (see [`crate::question_key`]).
    pub key: String,
}

/// A question to check against a product's stored questions, with its index entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionProbe {
    /// The comment's id, stored with the question (a retry with the same id is not a duplicate
    /// of itself).
    pub id: Option<String>,
    /// Normalised text (see [`crate::question_key`]).
    pub key: String,
    /// Stable 64-bit hash of product and key: the question's handle in band indexes.
    pub key_hash: i64,
    /// MinHash band keys, each already mixed with the product: a stored question sharing one
    /// is a candidate.
    pub bands: Vec<i64>,
}

impl QuestionProbe {
    /// The probe of normalised `key` (see [`crate::question_key`]) under `product`, without id.
    pub fn new(product: &str, key: String) -> QuestionProbe {
        QuestionProbe {
            id: None,
            key_hash: crate::rules::qa::bands::key_hash(product, &key),
            bands: crate::rules::qa::bands::bands(product, &key),
            key,
        }
    }
}

/// Storage of asked questions per product. The server has SQLite and PostgreSQL stores.
pub trait QuestionStore: Send + Sync {
    /// Atomically: finds a stored question under `product` (same key, or a band in common with
    /// `question`) that `is_duplicate` accepts, and returns it; when there is none and `record`
    /// is true, stores `question` before any other call can see the product's questions.
    fn check_and_record(
        &self,
        product: &str,
        question: &QuestionProbe,
        is_duplicate: &dyn Fn(&StoredQuestion) -> bool,
        record: bool,
    ) -> Result<Option<StoredQuestion>, StoreError>;

    /// Removes the question with `key` under `product` (the comment was rejected after all, or
    /// a moderator rejected it). Removing an unknown question is not an error.
    fn forget(&self, product: &str, key: &str) -> Result<(), StoreError>;
}

/// In-memory store, one per CLI run or test: the same band index as the databases.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<MemoryInner>,
}

#[derive(Debug, Default)]
struct MemoryInner {
    /// `(product, key)` → question and its bands.
    questions: HashMap<(String, String), (StoredQuestion, Vec<i64>)>,
    /// band → `(product, key)` of the questions that have it.
    bands: HashMap<i64, HashSet<(String, String)>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl QuestionStore for MemoryStore {
    fn check_and_record(
        &self,
        product: &str,
        question: &QuestionProbe,
        is_duplicate: &dyn Fn(&StoredQuestion) -> bool,
        record: bool,
    ) -> Result<Option<StoredQuestion>, StoreError> {
        let mut inner = self
            .inner
            .lock()
            .map_err(|_| StoreError("memory store poisoned".into()))?;
        let exact = (product.to_owned(), question.key.clone());
        let mut candidates: Vec<&(String, String)> = Vec::new();
        if inner.questions.contains_key(&exact) {
            candidates.push(&exact);
        }
        for band in &question.bands {
            if let Some(holders) = inner.bands.get(band) {
                candidates.extend(holders.iter().filter(|(p, _)| p == product));
            }
        }
        let found = candidates
            .into_iter()
            .filter_map(|k| inner.questions.get(k))
            .map(|(q, _)| q)
            .find(|q| is_duplicate(q))
            .cloned();
        if found.is_none() && record && !inner.questions.contains_key(&exact) {
            let stored = StoredQuestion {
                id: question.id.clone(),
                key: question.key.clone(),
            };
            for band in &question.bands {
                inner.bands.entry(*band).or_default().insert(exact.clone());
            }
            inner
                .questions
                .insert(exact, (stored, question.bands.clone()));
        }
        Ok(found)
    }

    fn forget(&self, product: &str, key: &str) -> Result<(), StoreError> {
        let mut inner = self
            .inner
            .lock()
            .map_err(|_| StoreError("memory store poisoned".into()))?;
        let handle = (product.to_owned(), key.to_owned());
        if let Some((_, bands)) = inner.questions.remove(&handle) {
            for band in bands {
                if let Some(holders) = inner.bands.get_mut(&band) {
                    holders.remove(&handle);
                }
            }
        }
        Ok(())
    }
}
