//! Rules of the `prices` family.

pub(crate) mod amount;
pub(crate) mod comment;
pub(crate) mod question;
pub(crate) mod verbs_fa;
