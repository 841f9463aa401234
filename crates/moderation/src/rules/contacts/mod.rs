//! Rules of the `contacts` family.

pub(crate) mod bank;
pub(crate) mod email;
pub(crate) mod phone;
pub(crate) mod social;
