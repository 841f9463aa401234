//! davar-moderation: the moderation engine for marketplace reviews and Q&A.
//!
//! The core does no I/O: [`RuleSources::read_dir`] is the one function that reads files.
//! Build an [`Engine`] once from the rule sets and lexicons, then call [`Engine::moderate`]
//! for each [`Comment`], or [`Engine::moderate_until`] to bound the work per comment (it
//! stops with [`ModerateError::DeadlineExceeded`] once the deadline passes, checked between
//! rules and inside their loops over candidates). Every rule is documented in [`catalog`]
//! (`davar explain CODE`).
//!
//! Each rule declares what a field must contain for it to possibly fire (its prefilter:
//! literals, words, character classes, a digit run); the engine finds those facts in one pass
//! per field and calls a rule only where they hold. [`Engine::without_prefilters`] calls every
//! rule everywhere, for the differential test that keeps the prefilters sound.
//!
//! Matching runs on a *skeleton* of each field (NFKC, Arabic letter forms to Persian, digits to
//! ASCII, zero-width and bidi characters and kashida removed, look-alikes folded, separators
//! between digits collapsed); every match maps back to code points of the original field.

mod clause;
mod context;
mod cue;
mod engine;
mod error;
mod fix;
mod lexicon;
mod marketplace;
mod model;
mod names;
mod numbers;
mod phrase;
mod prefilter;
mod rules;
mod ruleset;
mod scratch;
mod sources;
mod statement_category;
mod store;
pub mod text;
mod yaml;

pub use clause::{ClauseResolver, NoClauses};
pub use engine::Engine;
pub use error::{LoadError, ModerateError, RuleSetError, StoreError};
pub use marketplace::Marketplace;
pub use model::{
    Comment, Field, Fixed, Kind, Messages, ModerationResult, Severity, Verdict, Violation,
};
pub use rules::qa::duplicate::question_key;
pub use rules::{RuleInfo, catalog};
pub use ruleset::{ConfiguredRule, RuleSet};
pub use sources::{RuleSources, SourceFile};
pub use statement_category::STATEMENT_CATEGORIES;
pub use store::{MemoryStore, QuestionProbe, QuestionStore, StoredQuestion};
