//! Rules of the `review` family.

pub(crate) mod exaggeration;
pub(crate) mod missing_title;
pub(crate) mod off_topic;
pub(crate) mod rumour;
