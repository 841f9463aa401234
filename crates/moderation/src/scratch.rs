//! Buffers kept per thread between comments: a comment of an ordinary size costs no allocation
//! for its skeleton, offset map, code points, words or hits once the buffers have grown.

use std::cell::Cell;

use crate::context::{FieldBuffers, Hit};

/// Buffers larger than this (in bytes of text they were last used for) are not kept, so that
/// one huge comment does not hold memory for the life of the thread.
const KEEP_UP_TO: usize = 1 << 20;

/// The per-thread buffers of one call to the engine.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub title: Option<FieldBuffers>,
    pub body: Option<FieldBuffers>,
    pub repair_title: Option<FieldBuffers>,
    pub repair_body: Option<FieldBuffers>,
    pub hits: Vec<Hit>,
    /// Whether each rule ran, and whether it fired, by rule index.
    pub ran: Vec<bool>,
    pub fired: Vec<bool>,
    /// `ran` and `fired` of the comment while its repaired text is checked.
    pub ran_spare: Vec<bool>,
    pub fired_spare: Vec<bool>,
}

thread_local! {
    static SCRATCH: Cell<Option<Box<Scratch>>> = const { Cell::new(None) };
}

impl Scratch {
    /// This thread's buffers (new ones when another call on this thread holds them).
    pub fn take() -> Box<Scratch> {
        SCRATCH.with(Cell::take).unwrap_or_default()
    }

    /// Keeps the buffers for the next call on this thread.
    pub fn give(mut scratch: Box<Scratch>) {
        for buffers in [
            &mut scratch.title,
            &mut scratch.body,
            &mut scratch.repair_title,
            &mut scratch.repair_body,
        ] {
            if buffers.as_ref().is_some_and(|b| b.size() > KEEP_UP_TO) {
                *buffers = None;
            }
        }
        SCRATCH.with(|s| s.set(Some(scratch)));
    }
}
