//! Repairs: the edits of the fixing rules are applied, then the repaired text is checked again
//! by those rules until nothing changes.

use crate::context::{Ctx, Deadline, Edit, FieldText, Fields};
use crate::error::ModerateError;
use crate::fix::apply;
use crate::model::{Comment, Field, Fixed};
use crate::scratch::Scratch;

use super::CompiledSet;

/// Rounds of re-checking repaired text, so that applying the fixes again changes nothing.
const FIX_ROUNDS: usize = 4;

/// Applies `edits` to the comment, then re-checks the repaired text with the fixing rules
/// (on the fields where their prefilters hold, when `prefilters`) until stable.
pub(super) fn repair(
    set: &CompiledSet,
    use_prefilters: bool,
    comment: &Comment,
    edits: Vec<(Field, Edit)>,
    scratch: &mut Scratch,
    deadline: &Deadline,
) -> Result<Fixed, ModerateError> {
    let mut title = comment.title.clone();
    let mut body = comment.body.clone();
    let mut pending = edits;
    let prefilters = use_prefilters.then_some(&set.fixer_prefilters);
    let mut field_edits: Vec<Edit> = Vec::new();
    for _ in 0..FIX_ROUNDS {
        if pending.is_empty() {
            break;
        }
        if deadline.check() {
            return Err(ModerateError::DeadlineExceeded { rule: "repairs" });
        }
        for (field, text) in [
            (Field::Title, title.as_mut()),
            (Field::Body, Some(&mut body)),
        ] {
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
            }
        }
        pending.clear();
        let cx = Ctx {
            kind: comment.kind,
            lang: &comment.lang,
            product: comment.product.as_deref(),
            title: title.as_deref().map(|t| {
                let buffers = scratch.repair_title.take().unwrap_or_default();
                FieldText::new(
                    Field::Title,
                    t,
                    buffers,
                    prefilters,
                    set.fixers_need_skeleton,
                )
            }),
            body: FieldText::new(
                Field::Body,
                &body,
                scratch.repair_body.take().unwrap_or_default(),
                prefilters,
                set.fixers_need_skeleton,
            ),
            deadline: Deadline::new(deadline.at()),
        };
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
    Ok(Fixed { title, body })
}
