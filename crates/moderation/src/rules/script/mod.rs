//! Rules of the `script` family.

pub(crate) mod arabic_letters;
pub(crate) mod bidi_control;
pub(crate) mod latin;
