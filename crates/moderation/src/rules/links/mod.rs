//! Rules of the `links` family.

pub(crate) mod obfuscated;
pub(crate) mod own_site;
pub(crate) mod url;
