//! Rules of the `qa` family.

pub(crate) mod duplicate;
pub(crate) mod too_long;
