//! Lexicons: the reader shared with the policy checks (`davar_input::lexicon`).

pub(crate) use davar_input::lexicon::{Lexicon, read_tags};
