//! The engine: picks the rule set for a comment, runs its rules, decides the verdict, repairs.

use std::collections::HashMap;

use crate::clause::ClauseResolver;
use crate::context::{Ctx, Edit, Hit};
use crate::error::{ModerateError, RuleSetError};
use crate::fix::apply;
use crate::lexicon::Lexicon;
use crate::model::{
    Comment, Field, Fixed, Kind, Messages, ModerationResult, Severity, Verdict, Violation,
};
use crate::ruleset::{CompiledRule, Lexicons, RuleSet, compile};
use crate::sources::RuleSources;
use crate::store::QuestionStore;

/// Rounds of re-checking repaired text, so that applying the fixes again changes nothing.
const FIX_ROUNDS: usize = 4;

/// The rule set's message; when the rule proposes a replacement it does not apply (a hint such
/// as `style/colloquial`), the replacement is named in the message.
fn suggestion(message: &Messages, fix: Option<&Edit>, applied: bool) -> Messages {
    match fix {
        Some(edit) if !applied && !edit.text.is_empty() => Messages {
            fa: format!("{} پیشنهاد: «{}»", message.fa, edit.text),
            en: format!("{} Suggested: «{}»", message.en, edit.text),
        },
        _ => message.clone(),
    }
}

/// Compiled rule sets; build once, moderate many comments (it is `Send + Sync`).
pub struct Engine {
    sets: Vec<RuleSet>,
    compiled: Vec<Vec<CompiledRule>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field(
                "rule_sets",
                &self.sets.iter().map(RuleSet::id).collect::<Vec<_>>(),
            )
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
            match compile(&file.path, &file.text, &lexicons, clauses) {
                Ok((set, rules)) => {
                    sets.push(set);
                    compiled.push(rules);
                }
                Err(mut errs) => errors.append(&mut errs),
            }
        }
        let mut served: HashMap<(Kind, &str), &RuleSet> = HashMap::new();
        for set in &sets {
            for lang in &set.langs {
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
            Ok(Engine { sets, compiled })
        } else {
            Err(errors)
        }
    }

    /// Every rule set, in load order.
    pub fn rule_sets(&self) -> &[RuleSet] {
        &self.sets
    }

    fn index_for(&self, kind: Kind, lang: &str) -> Option<usize> {
        self.sets
            .iter()
            .position(|s| s.kind == kind && s.langs.iter().any(|l| l == lang))
    }

    /// The rule set that serves `kind` in `lang`.
    pub fn rule_set_for(&self, kind: Kind, lang: &str) -> Option<&RuleSet> {
        self.index_for(kind, lang).map(|i| &self.sets[i])
    }

    /// Judges one comment. The store is consulted (and updated) by `qa/duplicate` only.
    pub fn moderate(
        &self,
        comment: &Comment,
        store: &dyn QuestionStore,
    ) -> Result<ModerationResult, ModerateError> {
        let index = self.index_for(comment.kind, &comment.lang).ok_or_else(|| {
            ModerateError::UnknownRuleSet {
                kind: comment.kind,
                lang: comment.lang.clone(),
            }
        })?;
        let set = &self.sets[index];
        let rules = &self.compiled[index];
        let limit = set.max_input_chars;
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
        let cx = Ctx::new(
            comment.kind,
            &comment.lang,
            comment.product.as_deref(),
            comment.title.as_deref(),
            &comment.body,
        );
        let mut violations = Vec::new();
        let mut edits: Vec<(Field, Edit)> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut fired = vec![false; rules.len()];
        for (i, rule) in rules.iter().enumerate() {
            hits.clear();
            rule.rule.check_with_store(&cx, store, &mut hits)?;
            fired[i] = !hits.is_empty();
            let config = &rule.config;
            for hit in hits.drain(..) {
                // The span's text from the field's code points: O(span), not O(field).
                let cps: &[char] = match hit.field {
                    Field::Title => cx.title.as_ref().map_or(&[], |t| &t.cps[..]),
                    Field::Body => &cx.body.cps,
                };
                let applied = config.severity == Severity::Fix && rule.def.fixable;
                if applied && let Some(edit) = &hit.fix {
                    edits.push((hit.field, edit.clone()));
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
                    message: suggestion(&config.message, hit.fix.as_ref(), applied),
                    clause: rule.clause_urls.get(&comment.lang).cloned().flatten(),
                });
            }
        }
        violations.sort_by(|a, b| {
            (a.field, a.start, a.end, &a.code).cmp(&(b.field, b.start, b.end, &b.code))
        });
        let verdict = violations
            .iter()
            .map(|v| Verdict::from_severity(v.severity))
            .max()
            .unwrap_or(Verdict::Approve);
        // A rejection the rule set sends to a moderator is not final: it waits like `review`.
        let outcome = if verdict == Verdict::Reject && set.queue_rejects {
            Verdict::Review
        } else {
            verdict
        };
        for (i, rule) in rules.iter().enumerate() {
            rule.rule.after_verdict(&cx, store, outcome, fired[i])?;
        }
        let fixed = if edits.is_empty() {
            None
        } else {
            Some(self.repair(rules, comment, edits))
        };
        Ok(ModerationResult {
            id: comment.id.clone(),
            verdict,
            ruleset: set.id(),
            violations,
            fixed,
        })
    }

    /// Applies the edits, then re-checks the repaired text with the fixing rules until stable.
    fn repair(
        &self,
        rules: &[CompiledRule],
        comment: &Comment,
        edits: Vec<(Field, Edit)>,
    ) -> Fixed {
        let mut title = comment.title.clone();
        let mut body = comment.body.clone();
        let mut pending = edits;
        for _ in 0..FIX_ROUNDS {
            if pending.is_empty() {
                break;
            }
            let (mut t_edits, mut b_edits): (Vec<_>, Vec<_>) =
                pending.drain(..).partition(|(f, _)| *f == Field::Title);
            if let Some(t) = &title
                && !t_edits.is_empty()
            {
                let mut e: Vec<Edit> = t_edits.drain(..).map(|(_, e)| e).collect();
                title = Some(apply(t, &mut e));
            }
            if !b_edits.is_empty() {
                let mut e: Vec<Edit> = b_edits.drain(..).map(|(_, e)| e).collect();
                body = apply(&body, &mut e);
            }
            let cx = Ctx::new(
                comment.kind,
                &comment.lang,
                comment.product.as_deref(),
                title.as_deref(),
                &body,
            );
            let mut hits = Vec::new();
            for rule in rules
                .iter()
                .filter(|r| r.def.fixable && r.config.severity == Severity::Fix)
            {
                rule.rule.check(&cx, &mut hits);
            }
            pending = hits
                .into_iter()
                .filter_map(|h| h.fix.map(|e| (h.field, e)))
                .collect();
        }
        Fixed { title, body }
    }
}
