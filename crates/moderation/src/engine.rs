//! The engine: picks the rule set for a comment, runs the rules whose prefilter holds, decides
//! the verdict, repairs.

use std::collections::HashMap;
use std::time::Instant;

use crate::clause::ClauseResolver;
use crate::context::{Ctx, Edit, Fields, Hit, Reading};
use crate::error::{ModerateError, RuleSetError};
use crate::lexicon::Lexicon;
use crate::model::{
    Comment, Field, Fixed, Kind, Messages, ModerationResult, Severity, Verdict, Violation,
};
use crate::prefilter::Prefilters;
use crate::ruleset::{CompiledRule, Lexicons, RuleSet, compile};
use crate::scratch::Scratch;
use crate::sources::RuleSources;
use crate::store::{MemoryStore, QuestionStore};

mod repair;

/// What running the rules gives: the verdict, the violations and the edits the fixing rules
/// propose.
type Judged = (Verdict, Vec<Violation>, Vec<(Field, Edit)>);

/// The rules of one rule set with their compiled prefilters.
struct CompiledSet {
    rules: Vec<CompiledRule>,
    prefilters: Prefilters,
    /// The rules that repair (fixable, severity `fix`): re-run on repaired text.
    fixers: Vec<usize>,
    /// The prefilters of `fixers`, in that order.
    fixer_prefilters: Prefilters,
    /// Whether the prefilters need the skeleton (else it is built only if a rule reads it).
    need_skeleton: bool,
    fixers_need_skeleton: bool,
    /// The rule set's `queue_rejects`: a rejection waits for a moderator like `review`.
    queue_rejects: bool,
}

impl CompiledSet {
    fn new(rules: Vec<CompiledRule>, queue_rejects: bool) -> CompiledSet {
        let declared: Vec<_> = rules.iter().map(|r| r.rule.prefilter()).collect();
        let fixers: Vec<usize> = rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.def.fixable && r.config.severity == Severity::Fix)
            .map(|(i, _)| i)
            .collect();
        let fixer_declared: Vec<_> = fixers.iter().map(|&i| declared[i].clone()).collect();
        let prefilters = Prefilters::new(&declared);
        let fixer_prefilters = Prefilters::new(&fixer_declared);
        CompiledSet {
            need_skeleton: prefilters.need_skeleton(),
            fixers_need_skeleton: fixer_prefilters.need_skeleton(),
            prefilters,
            fixer_prefilters,
            fixers,
            rules,
            queue_rejects,
        }
    }
}

/// Compiled rule sets; build once, moderate many comments (it is `Send + Sync`).
///
/// Each rule declares what a field must contain for it to possibly fire (its prefilter); the
/// engine finds those facts in one pass per field and calls a rule only where they hold.
pub struct Engine {
    sets: Vec<RuleSet>,
    compiled: Vec<CompiledSet>,
    /// For each language, the rule set serving each kind of comment (index into `sets`).
    by_lang: HashMap<String, Vec<(Kind, usize)>>,
    /// Whether rules are skipped on fields where their prefilter does not hold.
    prefilters: bool,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field(
                "rule_sets",
                &self.sets.iter().map(RuleSet::id).collect::<Vec<_>>(),
            )
            .field("prefilters", &self.prefilters)
            .finish()
    }
}

impl Engine {
    /// Validates every rule set and lexicon and compiles all matchers once.
    pub fn new(
        sources: &RuleSources,
        clauses: &dyn ClauseResolver,
    ) -> Result<Engine, Vec<RuleSetError>> {
        let lexicons: Lexicons = sources
            .lexicons
            .iter()
            .map(|(name, file)| (name.clone(), Lexicon::parse(file.path.clone(), &file.text)))
            .collect();
        let mut errors = Vec::new();
        let mut sets = Vec::new();
        let mut compiled = Vec::new();
        for file in &sources.rule_sets {
            match compile(
                &file.path,
                &file.text,
                &lexicons,
                &sources.marketplace,
                clauses,
            ) {
                Ok((set, rules)) => {
                    compiled.push(CompiledSet::new(rules, set.queue_rejects));
                    sets.push(set);
                }
                Err(mut errs) => errors.append(&mut errs),
            }
        }
        let mut served: HashMap<(Kind, &str), &RuleSet> = HashMap::new();
        let mut by_lang: HashMap<String, Vec<(Kind, usize)>> = HashMap::new();
        for (index, set) in sets.iter().enumerate() {
            for lang in &set.langs {
                let kinds = by_lang.entry(lang.clone()).or_default();
                if !kinds.iter().any(|&(kind, _)| kind == set.kind) {
                    kinds.push((set.kind, index));
                }
                if let Some(other) = served.insert((set.kind, lang), set) {
                    errors.push(RuleSetError {
                        file: set.path.clone(),
                        line: 0,
                        message: format!(
                            "`{}` and `{}` both serve {} comments in `{lang}`: keep one",
                            other.name, set.name, set.kind
                        ),
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(Engine {
                sets,
                compiled,
                by_lang,
                prefilters: true,
            })
        } else {
            Err(errors)
        }
    }

    /// The same engine calling every rule on every field, as if no prefilter held anywhere
    /// else. Results must be identical (the differential test compares both); it is slower and
    /// meant for that test and for checking a new rule's prefilter.
    pub fn without_prefilters(mut self) -> Engine {
        self.prefilters = false;
        self
    }

    /// Every rule set, in load order.
    pub fn rule_sets(&self) -> &[RuleSet] {
        &self.sets
    }

    fn index_for(&self, kind: Kind, lang: &str) -> Option<usize> {
        self.by_lang
            .get(lang)?
            .iter()
            .find(|&&(k, _)| k == kind)
            .map(|&(_, index)| index)
    }

    /// The rule set that serves `kind` in `lang`.
    pub fn rule_set_for(&self, kind: Kind, lang: &str) -> Option<&RuleSet> {
        self.index_for(kind, lang).map(|i| &self.sets[i])
    }

    /// How the fields of a comment judged by `set` are read.
    fn reading<'s>(&self, set: &'s CompiledSet) -> Reading<'s> {
        Reading {
            prefilters: self.prefilters.then_some(&set.prefilters),
            skeleton: set.need_skeleton,
        }
    }

    /// Judges one comment. The store is consulted (and updated) by `qa/duplicate` only.
    pub fn moderate(
        &self,
        comment: &Comment,
        store: &dyn QuestionStore,
    ) -> Result<ModerationResult, ModerateError> {
        self.judge(comment, store, None)
    }

    /// Judges one comment unless `deadline` passes first: then it stops and returns
    /// [`ModerateError::DeadlineExceeded`]. The deadline is checked between rules, inside the
    /// rules' loops over candidates and between rounds of repairs, so the work done past it is
    /// bounded by one step (well under a millisecond on ordinary text). A comment stopped this
    /// way leaves the question store as it was (`qa/duplicate` forgets the question it had
    /// recorded, as for a rejected comment).
    pub fn moderate_until(
        &self,
        comment: &Comment,
        store: &dyn QuestionStore,
        deadline: Instant,
    ) -> Result<ModerationResult, ModerateError> {
        self.judge(comment, store, Some(deadline))
    }

    fn judge(
        &self,
        comment: &Comment,
        store: &dyn QuestionStore,
        deadline: Option<Instant>,
    ) -> Result<ModerationResult, ModerateError> {
        let index = self.index_for(comment.kind, &comment.lang).ok_or_else(|| {
            ModerateError::UnknownRuleSet {
                kind: comment.kind,
                lang: comment.lang.clone(),
            }
        })?;
        let limit = self.sets[index].max_input_chars;
        for (name, text) in [
            ("title", comment.title.as_deref()),
            ("body", Some(&comment.body[..])),
        ] {
            // A field of at most `limit` bytes has at most `limit` code points: count only
            // the longer ones.
            let chars = text.map_or(0, |t| {
                if t.len() <= limit {
                    0
                } else {
                    t.chars().count()
                }
            });
            if chars > limit {
                return Err(ModerateError::FieldTooLong {
                    field: name,
                    chars,
                    limit,
                });
            }
        }
        let set = &self.compiled[index];
        let mut scratch = Scratch::take();
        let cx = Ctx::new(
            comment,
            comment.title.as_deref(),
            &comment.body,
            [scratch.title.take(), scratch.body.take()],
            self.reading(set),
            deadline,
        );
        let result = self.judge_prepared(set, comment, &cx, store, &mut scratch);
        let [title, body] = cx.into_buffers();
        scratch.title = title;
        scratch.body = body;
        Scratch::give(scratch);
        result.map(|(verdict, violations, fixed)| ModerationResult {
            id: comment.id.clone(),
            verdict,
            ruleset: self.sets[index].id(),
            violations,
            fixed,
        })
    }

    /// Runs the rules, repairs, and lets the rules see the verdict (last, so that a comment
    /// stopped by its deadline leaves the question store unchanged).
    fn judge_prepared(
        &self,
        set: &CompiledSet,
        comment: &Comment,
        cx: &Ctx<'_>,
        store: &dyn QuestionStore,
        scratch: &mut Scratch,
    ) -> Result<(Verdict, Vec<Violation>, Option<Fixed>), ModerateError> {
        let judged = self
            .run_rules(set, comment, cx, store, scratch, None)
            .and_then(|(verdict, mut violations, edits)| {
                if edits.is_empty() {
                    return Ok((verdict, violations, None));
                }
                let (fixed, rounds) =
                    repair::repair(set, self.prefilters, comment, edits, scratch, &cx.deadline)?;
                if verdict > Verdict::Fix {
                    return Ok((verdict, violations, Some(fixed)));
                }
                // Repairs that would leave a field with text in it empty publish nothing: the
                // comment goes to a moderator, its repairs in that field marked as such.
                let emptied = emptied_fields(comment, &fixed);
                if !emptied.is_empty() {
                    for v in violations
                        .iter_mut()
                        .filter(|v| v.severity == Severity::Fix && emptied.contains(&v.field))
                    {
                        v.severity = Severity::Review;
                        v.message = leaves_nothing(&v.message);
                        v.localized = v.message.in_lang(&comment.lang).to_owned();
                    }
                    return Ok((verdict_of(&violations), violations, None));
                }
                // A comment published repaired: the repair must not make what the rules forbid
                // (digit groups an emoticon kept apart, words a space kept apart). What the
                // repaired text breaks counts against the comment, at the original span, and
                // the repair is not offered.
                let raised = self.raised_by_repair(set, comment, cx, &fixed, &rounds, scratch)?;
                if raised.is_empty() {
                    return Ok((verdict, violations, Some(fixed)));
                }
                violations.extend(raised);
                sort_violations(&mut violations);
                Ok((verdict_of(&violations), violations, None))
            });
        let (verdict, violations, fixed) = match judged {
            Ok(judged) => judged,
            Err(e @ ModerateError::DeadlineExceeded { .. }) => {
                // Not judged: what the rules that ran recorded is given up, as for a rejected
                // comment (`qa/duplicate` forgets the question it stored).
                for (i, rule) in set.rules.iter().enumerate() {
                    if scratch.ran[i] {
                        rule.rule
                            .after_verdict(cx, store, Verdict::Reject, scratch.fired[i])?;
                    }
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        // A rejection the rule set sends to a moderator is not final: it waits like `review`.
        let outcome = if verdict == Verdict::Reject && set.queue_rejects {
            Verdict::Review
        } else {
            verdict
        };
        for (i, rule) in set.rules.iter().enumerate() {
            rule.rule
                .after_verdict(cx, store, outcome, scratch.fired[i])?;
        }
        Ok((verdict, violations, fixed))
    }

    /// Runs every rule whose prefilter holds on a field; the verdict, the violations and the
    /// edits the fixing rules propose.
    fn run_rules(
        &self,
        set: &CompiledSet,
        comment: &Comment,
        cx: &Ctx<'_>,
        store: &dyn QuestionStore,
        scratch: &mut Scratch,
        stricter_than: Option<Severity>,
    ) -> Result<Judged, ModerateError> {
        let mut violations = Vec::new();
        let mut edits: Vec<(Field, Edit)> = Vec::new();
        let hits: &mut Vec<Hit> = &mut scratch.hits;
        let fired = &mut scratch.fired;
        fired.clear();
        fired.resize(set.rules.len(), false);
        let ran = &mut scratch.ran;
        ran.clear();
        ran.resize(set.rules.len(), false);
        for (i, rule) in set.rules.iter().enumerate() {
            if stricter_than.is_some_and(|floor| rule.config.severity <= floor) {
                continue;
            }
            let condition = set.prefilters.condition(i);
            let title = cx.title.as_ref().is_some_and(|t| t.facts.holds(condition));
            let body = cx.body.facts.holds(condition);
            if !(title || body) {
                continue;
            }
            hits.clear();
            ran[i] = true;
            rule.rule
                .check_with_store(cx, Fields::new(cx, title, body), store, hits)?;
            if cx.deadline.check() {
                return Err(ModerateError::DeadlineExceeded {
                    rule: rule.def.code,
                });
            }
            fired[i] = !hits.is_empty();
            if hits.is_empty() {
                continue;
            }
            let config = &rule.config;
            let applied = config.severity == Severity::Fix && rule.def.fixable;
            let clause = rule.clause_urls.get(&comment.lang).cloned().flatten();
            for hit in hits.drain(..) {
                // The span's text from the field's code points: O(span), not O(field).
                let cps: &[char] = match hit.field {
                    Field::Title => cx.title.as_ref().map_or(&[], |t| &t.cps[..]),
                    Field::Body => &cx.body.cps,
                };
                let message = suggestion(&config.message, hit.fix.as_ref(), applied);
                if applied && let Some(edit) = hit.fix {
                    edits.push((hit.field, edit));
                }
                violations.push(Violation {
                    code: config.code.clone(),
                    severity: config.severity,
                    field: hit.field,
                    start: hit.start,
                    end: hit.end,
                    text: cps
                        .get(hit.start..hit.end.min(cps.len()))
                        .unwrap_or_default()
                        .iter()
                        .collect(),
                    localized: message.in_lang(&comment.lang).to_owned(),
                    message,
                    clause: clause.clone(),
                });
            }
        }
        sort_violations(&mut violations);
        Ok((verdict_of(&violations), violations, edits))
    }

    /// The violations stricter than a repair that the repaired text of `comment` raises, with
    /// their spans mapped back to the original fields. Runs the rules stricter than a repair on
    /// the repaired text with a store of its own (the repaired text is not a second question);
    /// the rules' record of what ran and fired for the original is kept.
    fn raised_by_repair(
        &self,
        set: &CompiledSet,
        comment: &Comment,
        cx: &Ctx<'_>,
        fixed: &Fixed,
        rounds: &repair::Rounds,
        scratch: &mut Scratch,
    ) -> Result<Vec<Violation>, ModerateError> {
        let again = Ctx::new(
            comment,
            fixed.title.as_deref(),
            &fixed.body,
            [scratch.repair_title.take(), scratch.repair_body.take()],
            self.reading(set),
            cx.deadline.at(),
        );
        // The original's record of what ran and fired waits in the spare vectors (their
        // allocations are reused from comment to comment).
        std::mem::swap(&mut scratch.fired, &mut scratch.fired_spare);
        std::mem::swap(&mut scratch.ran, &mut scratch.ran_spare);
        let store = MemoryStore::new();
        let result = self.run_rules(set, comment, &again, &store, scratch, Some(Severity::Fix));
        std::mem::swap(&mut scratch.fired, &mut scratch.fired_spare);
        std::mem::swap(&mut scratch.ran, &mut scratch.ran_spare);
        let [t, b] = again.into_buffers();
        scratch.repair_title = t;
        scratch.repair_body = b;
        let (_, violations, _) = result?;
        Ok(violations
            .into_iter()
            .map(|mut v| {
                let (start, end) = rounds.to_original(v.field, v.start, v.end);
                let cps: &[char] = match v.field {
                    Field::Title => cx.title.as_ref().map_or(&[], |t| &t.cps[..]),
                    Field::Body => &cx.body.cps,
                };
                v.start = start.min(cps.len());
                v.end = end.clamp(v.start, cps.len());
                v.text = cps[v.start..v.end].iter().collect();
                v
            })
            .collect())
    }
}

/// The fields that had text (more than whitespace) and that `fixed` leaves empty or
/// whitespace only.
fn emptied_fields(comment: &Comment, fixed: &Fixed) -> Vec<Field> {
    let blank = |t: &str| t.trim().is_empty();
    let mut emptied = Vec::new();
    if let (Some(before), Some(after)) = (comment.title.as_deref(), fixed.title.as_deref())
        && !blank(before)
        && blank(after)
    {
        emptied.push(Field::Title);
    }
    if !blank(&comment.body) && blank(&fixed.body) {
        emptied.push(Field::Body);
    }
    emptied
}

/// `message` with the note that its repair would leave the field empty, so a moderator
/// decides.
fn leaves_nothing(message: &Messages) -> Messages {
    let join = |base: &str, note: &str| format!("{base} {note}");
    Messages {
        fa: join(
            &message.fa,
            "(اصلاح خودکار چیزی از این بخش باقی نمی‌گذارد؛ یک ناظر تصمیم می‌گیرد.)",
        ),
        en: join(
            &message.en,
            "(The repairs would leave nothing of this field, so a moderator decides.)",
        ),
        fr: message.fr.as_deref().map(|m| {
            join(
                m,
                "(Les corrections ne laisseraient rien de ce champ : un modérateur décide.)",
            )
        }),
        de: message.de.as_deref().map(|m| {
            join(
                m,
                "(Die Korrekturen ließen von diesem Feld nichts übrig; ein Moderator entscheidet.)",
            )
        }),
    }
}

/// Violations in field and position order.
fn sort_violations(violations: &mut [Violation]) {
    violations.sort_by(|a, b| {
        (a.field, a.start, a.end, &a.code).cmp(&(b.field, b.start, b.end, &b.code))
    });
}

/// The verdict of a comment with `violations`: the worst they imply.
fn verdict_of(violations: &[Violation]) -> Verdict {
    violations
        .iter()
        .map(|v| Verdict::from_severity(v.severity))
        .max()
        .unwrap_or(Verdict::Approve)
}

/// The rule set's message; when the rule proposes a replacement it does not apply (a hint such
/// as `style/colloquial`), the replacement is named in the message.
fn suggestion(message: &Messages, fix: Option<&Edit>, applied: bool) -> Messages {
    match fix {
        Some(edit) if !applied && !edit.text.is_empty() => {
            let join = |base: &str, label: &str| {
                let mut s = String::with_capacity(base.len() + label.len() + edit.text.len() + 8);
                s.push_str(base);
                s.push(' ');
                s.push_str(label);
                s.push_str(" «");
                s.push_str(&edit.text);
                s.push('»');
                s
            };
            Messages {
                fa: join(&message.fa, "پیشنهاد:"),
                en: join(&message.en, "Suggested:"),
                fr: message.fr.as_deref().map(|m| join(m, "Suggestion :")),
                de: message.de.as_deref().map(|m| join(m, "Vorschlag:")),
            }
        }
        _ => message.clone(),
    }
}
