//! Rules of the `qa` family.

pub(crate) mod bands;
pub(crate) mod duplicate;
pub(crate) mod too_long;
