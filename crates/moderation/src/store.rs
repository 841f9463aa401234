//! Where `qa/duplicate` finds the questions already asked under a product.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::StoreError;

/// A question already accepted under a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredQuestion {
    /// Its id, when the caller gave one.
    pub id: Option<String>,
    /// Normalised text (see [`crate::question_key`]).
    pub key: String,
}

/// Storage of asked questions per product. The server has SQLite/Postgres implementations.
pub trait QuestionStore: Send + Sync {
    /// Every question recorded under `product`.
    fn questions(&self, product: &str) -> Result<Vec<StoredQuestion>, StoreError>;
    /// Records a question under `product`.
    fn record(&self, product: &str, question: &StoredQuestion) -> Result<(), StoreError>;
}

/// In-memory store, one per CLI run or test.
#[derive(Debug, Default)]
pub struct MemoryStore {
    by_product: Mutex<HashMap<String, Vec<StoredQuestion>>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl QuestionStore for MemoryStore {
    fn questions(&self, product: &str) -> Result<Vec<StoredQuestion>, StoreError> {
        let map = self
            .by_product
            .lock()
            .map_err(|_| StoreError("memory store poisoned".into()))?;
        Ok(map.get(product).cloned().unwrap_or_default())
    }

    fn record(&self, product: &str, question: &StoredQuestion) -> Result<(), StoreError> {
        let mut map = self
            .by_product
            .lock()
            .map_err(|_| StoreError("memory store poisoned".into()))?;
        map.entry(product.to_owned())
            .or_default()
            .push(question.clone());
        Ok(())
    }
}
