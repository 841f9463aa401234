//! Repairs: the edits of the fixing rules are applied, then the repaired text is checked again
//! by those rules until nothing changes.

use crate::context::{Ctx, Deadline, Edit, Fields, Reading};
use crate::error::ModerateError;
use crate::fix::{applied, apply, map_back};
use crate::model::{Comment, Field, Fixed};
use crate::scratch::Scratch;

use super::CompiledSet;

/// Most rounds of re-checking repaired text, so that applying the fixes again changes nothing.
/// An edit that overlaps another is left to the next round, so runs of marks and spaces that
/// touch each other (`...  ... ؟`) take several rounds; the request's deadline bounds them
/// all.
const FIX_ROUNDS: usize = 16;

/// The edits applied in each round of repairs, per field (title, body): what maps a span of the
/// repaired text back to the original.
#[derive(Debug, Default)]
pub(super) struct Rounds(Vec<[Vec<(usize, usize, usize)>; 2]>);

impl Rounds {
    /// The span of the original `field` that code points `start..end` of its repaired text
    /// come from.
    pub fn to_original(&self, field: Field, start: usize, end: usize) -> (usize, usize) {
        let k = usize::from(field == Field::Body);
        self.0.iter().rev().fold((start, end), |(s, e), round| {
            (map_back(&round[k], s, false), map_back(&round[k], e, true))
        })
    }
}

/// Applies `edits` to the comment, then re-checks the repaired text with the fixing rules
/// (on the fields where their prefilters hold, when `prefilters`) until stable.
pub(super) fn repair(
    set: &CompiledSet,
    use_prefilters: bool,
    comment: &Comment,
    edits: Vec<(Field, Edit)>,
    scratch: &mut Scratch,
    deadline: &Deadline,
) -> Result<(Fixed, Rounds), ModerateError> {
    let mut rounds = Rounds::default();
    let mut title = comment.title.clone();
    let mut body = comment.body.clone();
    let mut pending = edits;
    let reading = Reading {
        prefilters: use_prefilters.then_some(&set.fixer_prefilters),
        skeleton: set.fixers_need_skeleton,
    };
    let mut field_edits: Vec<Edit> = Vec::new();
    for _ in 0..FIX_ROUNDS {
        if pending.is_empty() {
            break;
        }
        if deadline.check() {
            return Err(ModerateError::DeadlineExceeded { rule: "repairs" });
        }
        let mut round: [Vec<(usize, usize, usize)>; 2] = Default::default();
        for (k, (field, text)) in [
            (Field::Title, title.as_mut()),
            (Field::Body, Some(&mut body)),
        ]
        .into_iter()
        .enumerate()
        {
            field_edits.clear();
            field_edits.extend(
                pending
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, e)| e.clone()),
            );
            if let Some(text) = text
                && !field_edits.is_empty()
            {
                *text = apply(text, &mut field_edits);
                round[k] = applied(&field_edits);
            }
        }
        rounds.0.push(round);
        pending.clear();
        let cx = Ctx::new(
            comment,
            title.as_deref(),
            &body,
            [scratch.repair_title.take(), scratch.repair_body.take()],
            reading,
            deadline.at(),
        );
        let hits = &mut scratch.hits;
        hits.clear();
        let mut late = None;
        for (k, &i) in set.fixers.iter().enumerate() {
            let condition = set.fixer_prefilters.condition(k);
            let in_title = cx.title.as_ref().is_some_and(|t| t.facts.holds(condition));
            let in_body = cx.body.facts.holds(condition);
            if !(in_title || in_body) {
                continue;
            }
            let rule = &set.rules[i];
            rule.rule
                .check(&cx, Fields::new(&cx, in_title, in_body), hits);
            if cx.deadline.check() {
                late = Some(rule.def.code);
                break;
            }
        }
        pending.extend(hits.drain(..).filter_map(|h| h.fix.map(|e| (h.field, e))));
        let [t, b] = cx.into_buffers();
        scratch.repair_title = t;
        scratch.repair_body = b;
        if let Some(rule) = late {
            return Err(ModerateError::DeadlineExceeded { rule });
        }
    }
    Ok((Fixed { title, body }, rounds))
}
