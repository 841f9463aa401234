//! The question store as one request sees it: questions are stored with the comment's id (a
//! retry with the same id is not a duplicate of itself), and a dry run (the console's "try",
//! an edit judged before it is published) reads without storing or forgetting anything.

use davar_moderation::{QuestionProbe, QuestionStore, StoreError, StoredQuestion};

/// A question store seen through one comment.
pub struct CommentScope<'a> {
    store: &'a dyn QuestionStore,
    id: Option<&'a str>,
    dry_run: bool,
    /// A stored question that is the comment itself under another text (the question a
    /// moderator's edit rewrites), by its key: never its duplicate.
    original: Option<String>,
}

impl<'a> CommentScope<'a> {
    /// `store` for the comment with `id`; with `dry_run`, nothing is written.
    pub fn new(store: &'a dyn QuestionStore, id: Option<&'a str>, dry_run: bool) -> Self {
        CommentScope {
            store,
            id,
            dry_run,
            original: None,
        }
    }

    /// The same scope, for an edit of the question stored under `key`: the edit is no
    /// duplicate of the question it rewrites, even when that one was stored without an id.
    pub fn editing(self, key: String) -> Self {
        CommentScope {
            original: Some(key),
            ..self
        }
    }
}

impl QuestionStore for CommentScope<'_> {
    fn check_and_record(
        &self,
        product: &str,
        question: &QuestionProbe,
        is_duplicate: &dyn Fn(&StoredQuestion) -> bool,
        record: bool,
    ) -> Result<Option<StoredQuestion>, StoreError> {
        let probe = QuestionProbe {
            id: self.id.map(str::to_owned),
            ..question.clone()
        };
        let not_itself = |q: &StoredQuestion| {
            let itself = (self.id.is_some() && q.id.as_deref() == self.id)
                || self.original.as_deref() == Some(q.key.as_str());
            !itself && is_duplicate(q)
        };
        self.store
            .check_and_record(product, &probe, &not_itself, record && !self.dry_run)
    }

    fn forget(&self, product: &str, key: &str) -> Result<(), StoreError> {
        if self.dry_run {
            return Ok(());
        }
        self.store.forget(product, key)
    }
}
