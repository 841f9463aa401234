//! Rules of the `conduct` family.

pub(crate) mod addressing;
pub(crate) mod profanity;
pub(crate) mod site_criticism;
