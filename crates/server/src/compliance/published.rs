//! What statements cite, read from the compiled project: absolute URLs of published clauses,
//! their headings, the rule sets' Transparency Database categories, and the promises of the
//! dispute policy about appeals (how long an appeal stays open, how fast it is decided), counted
//! on the policy's own working-day calendar.
//!
//! The promises are found by their events, not by document or obligation ids: the obligation
//! whose trigger is `decision.notified` and action `appeal.closed` is the appeal window; the one
//! from `appeal.received` to `appeal.decided` is the time to decide an appeal.

use std::collections::BTreeMap;

use davar_moderation::{Engine, RuleSet};
use davar_obligation::Calendars;
use davar_obligation::Obligation;
use davar_obligation::deadline_report::count;
use davar_obligation::extract::version_obligations;
use davar_obligation::{Duration, Limit};
use davar_policy::model::{Clause, PolicySet, PolicyVersion};

use crate::decision::build::cited_lang;
use jiff::{Timestamp, Zoned};

/// The event that starts the appeal window: the author is told of the decision.
pub const DECISION_NOTIFIED: &str = "decision.notified";
/// The event the appeal window guards: appeals are no longer taken.
pub const APPEAL_CLOSED: &str = "appeal.closed";
/// An appeal reaches the platform.
pub const APPEAL_RECEIVED: &str = "appeal.received";
/// The appeal is decided (upheld or reversed).
pub const APPEAL_DECIDED: &str = "appeal.decided";

/// The published policies, calendars and rule sets a statement cites.
#[derive(Debug, Clone, Copy)]
pub struct Published<'a> {
    /// Every version of every policy.
    pub policies: &'a PolicySet,
    /// Working-day calendars the policies count deadlines on.
    pub calendars: &'a Calendars,
    /// The rule sets (for `dsa_category`); `None` when they were not compiled.
    pub engine: Option<&'a Engine>,
}

/// Appeals stay open at least this long wherever the site's compliance profiles for the dispute
/// policy include `dsa` (DSA Art. 20(1): six months after the decision is notified).
pub const DSA_APPEAL_MONTHS: u32 = 6;

/// When the appeal window of a decision closes, and what sets it.
#[derive(Debug, Clone)]
pub struct WindowEnd<'a> {
    /// The last instant an appeal is taken.
    pub until: Zoned,
    /// The version whose window (or whose document's legal minimum) sets `until`.
    pub version: &'a PolicyVersion,
    /// The clause stating that version's window.
    pub clause: String,
    /// The window as it applies (`at-least: 6 months`); the law's minimum is followed by its
    /// article (`at-least: 6 months (DSA Art. 20(1))`).
    pub window: String,
}

/// An obligation a policy version states, with that version.
#[derive(Debug, Clone)]
pub struct Promise<'a> {
    /// The version stating it.
    pub version: &'a PolicyVersion,
    /// The obligation.
    pub obligation: Obligation,
}

impl<'a> Published<'a> {
    /// `path` under the site's base URL (`/fa/terms/v2/#x` -> `https://…/fa/terms/v2/#x`).
    pub fn absolute(&self, path: &str) -> String {
        format!(
            "{}{path}",
            self.policies.site.base_url.trim_end_matches('/')
        )
    }

    /// The absolute URL of a version's page.
    pub fn version_url(&self, version: &PolicyVersion) -> String {
        self.absolute(&format!(
            "/{}/{}/v{}/",
            version.lang, version.id, version.version
        ))
    }

    /// The absolute URL of a clause of a version.
    pub fn clause_url(&self, version: &PolicyVersion, clause: &str) -> String {
        format!("{}#{clause}", self.version_url(version))
    }

    /// Version `number` of document `doc` in `lang` (or the document's fallback language).
    pub fn version(&self, doc: &str, lang: &str, number: u32) -> Option<&'a PolicyVersion> {
        let document = self.policies.document(doc)?;
        let lang = cited_lang(self.policies, document, lang)?;
        document.version(lang, number)
    }

    /// A clause of version `number` of `doc`, with the version.
    pub fn clause(
        &self,
        doc: &str,
        lang: &str,
        number: u32,
        clause: &str,
    ) -> Option<(&'a PolicyVersion, &'a Clause)> {
        let version = self.version(doc, lang, number)?;
        Some((version, version.clause(clause)?))
    }

    /// A clause of version `number` of `doc` written in `lang` itself (no fallback language).
    pub fn clause_in(
        &self,
        doc: &str,
        lang: &str,
        number: u32,
        clause: &str,
    ) -> Option<(&'a PolicyVersion, &'a Clause)> {
        let version = self.policies.document(doc)?.version(lang, number)?;
        Some((version, version.clause(clause)?))
    }

    /// The obligation from `trigger` to `action`, in the version of its document that applied:
    /// the version `versions` names for the document (what the decision record says was in
    /// force), else the version in force on the date of `at` in the site's time zone. Text in
    /// `lang` or the document's fallback language.
    pub fn promise(
        &self,
        trigger: &str,
        action: &str,
        lang: &str,
        versions: &BTreeMap<String, u32>,
        at: Timestamp,
    ) -> Option<Promise<'a>> {
        let date = self.zoned(at).date();
        self.policies.documents.iter().find_map(|document| {
            let lang = cited_lang(self.policies, document, lang)?;
            let version = match versions.get(&document.id) {
                Some(n) => document.version(lang, *n)?,
                None => document.in_force(lang, date)?,
            };
            self.promise_in(version, trigger, action)
        })
    }

    /// The obligation from `trigger` to `action` that `version` states, if it states one.
    pub fn promise_in(
        &self,
        version: &'a PolicyVersion,
        trigger: &str,
        action: &str,
    ) -> Option<Promise<'a>> {
        let obligation = version_obligations(version)
            .0
            .into_iter()
            .find(|o| o.trigger == trigger && o.action == action)?;
        Some(Promise {
            version,
            obligation,
        })
    }

    /// When the appeal window of a decision taken at `decided_at` closes, `None` when no
    /// version states a window; each window ends as [`Published::window_due`] counts it (a
    /// window ending on a Saturday, Sunday or public holiday runs to the end of the next
    /// working day). The longest of: the window of the version `versions` records
    /// for the dispute policy (else the one in force at the decision); the window of each later
    /// version for the appeals it would receive while in force (a complaint is handled under
    /// the version in force when it is received), ending no later than the day before the next
    /// version takes effect; and, when the site's compliance profiles for the document include
    /// `dsa`, six calendar months. The error says why a window cannot be counted (a calendar
    /// that ends before it).
    pub fn appeal_window(
        &self,
        lang: &str,
        versions: &BTreeMap<String, u32>,
        decided_at: Timestamp,
    ) -> Option<Result<WindowEnd<'a>, String>> {
        let recorded =
            self.promise(DECISION_NOTIFIED, APPEAL_CLOSED, lang, versions, decided_at)?;
        Some(self.window_end(recorded, decided_at))
    }

    /// [`Published::appeal_window`] from the window `recorded` with the decision.
    pub fn window_end(
        &self,
        recorded: Promise<'a>,
        decided_at: Timestamp,
    ) -> Result<WindowEnd<'a>, String> {
        let end = |promise: &Promise<'a>, until: Zoned| WindowEnd {
            until,
            version: promise.version,
            clause: promise.obligation.clause.clone(),
            window: promise.obligation.limit.to_string(),
        };
        let mut best = end(&recorded, self.window_due(&recorded, decided_at)?);
        let doc = &recorded.version.id;
        let lang = &recorded.version.lang;
        let decided_on = self.zoned(decided_at).date();
        if let Some(document) = self.policies.document(doc) {
            // Each version in force at some date after the decision, with the start of the
            // next one: versions by effective date, a same-day later number replacing the
            // earlier.
            let mut order: Vec<&PolicyVersion> = document.versions_in(lang).collect();
            order.sort_by_key(|v| (v.effective, v.version));
            order.dedup_by(|later, earlier| {
                if later.effective == earlier.effective {
                    std::mem::swap(later, earlier);
                    true
                } else {
                    false
                }
            });
            for (i, version) in order.iter().enumerate() {
                if version.effective <= decided_on {
                    continue;
                }
                let Some(promise) = self.promise_in(version, DECISION_NOTIFIED, APPEAL_CLOSED)
                else {
                    continue;
                };
                let due = self.window_due(&promise, decided_at)?;
                let zone = self.policies.site.time_zone.clone();
                let starts = version
                    .effective
                    .to_zoned(zone.clone())
                    .map_err(|e| e.to_string())?;
                if due < starts {
                    continue;
                }
                // In force until the start of the next version's effective day.
                let capped = match order.get(i + 1) {
                    Some(next) => {
                        let next_starts =
                            next.effective.to_zoned(zone).map_err(|e| e.to_string())?;
                        let last = next_starts
                            .checked_sub(jiff::SignedDuration::from_nanos(1))
                            .map_err(|e| e.to_string())?;
                        if due < last {
                            due
                        } else {
                            last.with_time_zone(due.time_zone().clone())
                        }
                    }
                    None => due,
                };
                if capped > best.until {
                    best = end(&promise, capped);
                }
            }
        }
        let dsa = self
            .policies
            .site
            .compliance
            .get(doc.as_str())
            .is_some_and(|profiles| profiles.iter().any(|p| p == "dsa"));
        if dsa {
            let floor = Promise {
                version: recorded.version,
                obligation: Obligation {
                    limit: Limit::AtLeast(Duration::Months(DSA_APPEAL_MONTHS)),
                    ..recorded.obligation.clone()
                },
            };
            let until = self.window_due(&floor, decided_at)?;
            if until > best.until {
                best = WindowEnd {
                    window: format!("{} (DSA Art. 20(1))", floor.obligation.limit),
                    ..end(&floor, until)
                };
            }
        }
        Ok(best)
    }

    /// The document that states an obligation triggered by `trigger` in any version.
    pub fn document_with_trigger(&self, trigger: &str) -> Option<&'a str> {
        self.policies
            .documents
            .iter()
            .find(|d| {
                d.versions.iter().any(|v| {
                    version_obligations(v)
                        .0
                        .iter()
                        .any(|o| o.trigger == trigger)
                })
            })
            .map(|d| d.id.as_str())
    }

    /// When the appeal window `promise` states for a decision at `from` closes: its due
    /// instant ([`Published::due`]), moved to the end of the next working day when a window in
    /// calendar days or months ends on a Saturday, a Sunday or a public holiday of the
    /// version's calendar (Council Regulation 1182/71 Art. 3(4),
    /// [`davar_obligation::end_on_working_day`]); a window in hours or working time ends as
    /// counted.
    pub fn window_due(&self, promise: &Promise<'_>, from: Timestamp) -> Result<Zoned, String> {
        let due = self.due(promise, from)?;
        let calendar = promise
            .version
            .calendar
            .as_deref()
            .and_then(|id| self.calendars.get(id));
        let unit = promise.obligation.limit.duration().deadline().unit();
        davar_obligation::end_on_working_day(&due, unit, calendar)
            .map(|(end, _)| end)
            .map_err(|e| e.to_string())
    }

    /// When `promise` falls due for a trigger at `from`, on the version's calendar (in the
    /// calendar's time zone, else the site's). The error says why it cannot be counted (a
    /// calendar that ends before the deadline).
    pub fn due(&self, promise: &Promise<'_>, from: Timestamp) -> Result<Zoned, String> {
        let zone = promise
            .version
            .calendar
            .as_deref()
            .and_then(|id| self.calendars.get(id))
            .map_or_else(|| self.policies.site.time_zone.clone(), |c| c.tz.clone());
        count(
            self.calendars,
            promise.version,
            &promise.obligation.limit,
            &from.to_zoned(zone),
            &self.policies.site.time_zone,
        )
        .map(|d| d.due)
        .map_err(|e| e.to_string())
    }

    /// An instant in the site's time zone.
    pub fn zoned(&self, at: Timestamp) -> Zoned {
        at.to_zoned(self.policies.site.time_zone.clone())
    }

    /// The rule set named `name` (`reviews.fa`).
    pub fn rule_set(&self, name: &str) -> Option<&'a RuleSet> {
        self.engine?.rule_sets().iter().find(|s| s.name == name)
    }
}

/// An instant as statements print it: RFC 3339 with the offset of its zone.
pub fn rfc3339(at: &Zoned) -> String {
    davar_obligation::instant::format_instant(at)
}
