//! Rules of the `links` family.

pub(crate) mod obfuscated;
pub(crate) mod url;
