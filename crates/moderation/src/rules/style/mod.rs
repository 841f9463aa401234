//! Rules of the `style` family.

pub(crate) mod colloquial;
pub(crate) mod emoji;
pub(crate) mod half_space;
pub(crate) mod kashida;
pub(crate) mod punctuation;
pub(crate) mod repeated_letters;
pub(crate) mod repeated_words;
pub(crate) mod whitespace;
