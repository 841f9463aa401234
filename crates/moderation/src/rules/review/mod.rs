//! Rules of the `review` family.

pub(crate) mod missing_title;
