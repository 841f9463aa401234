//! Rules of the `placement` family.

pub(crate) mod other_store;
pub(crate) mod question;
