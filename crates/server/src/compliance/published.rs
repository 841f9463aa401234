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
use davar_policy::model::{Clause, PolicySet, PolicyVersion};
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
        let lang = self.policies.fallback_lang(document, lang)?;
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
            let lang = self.policies.fallback_lang(document, lang)?;
            let version = match versions.get(&document.id) {
                Some(n) => document.version(lang, *n)?,
                None => document.in_force(lang, date)?,
            };
            let obligation = version_obligations(version)
                .0
                .into_iter()
                .find(|o| o.trigger == trigger && o.action == action)?;
            Some(Promise {
                version,
                obligation,
            })
        })
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
