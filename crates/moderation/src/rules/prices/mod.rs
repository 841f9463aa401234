//! Rules of the `prices` family.

pub(crate) mod amount;
pub(crate) mod question;
