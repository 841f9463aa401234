//! `site/rules.json` (every obligation of every version in force or upcoming) and its JSON
//! Schema `site/rules.schema.json`, generated with schemars from the types below.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use super::block::{Actor, Limit, Obligation};
use super::duration::{Duration, Unit};
use super::extract::version_obligations;
use davar_policy::model::{PolicySet, PolicyVersion};

/// The whole `rules.json` file.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RulesFile {
    /// The file's schema, relative to `rules.json`.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// Absolute base URL of the published site.
    pub base_url: String,
    /// The date the file describes: which versions are in force and which are upcoming.
    #[schemars(extend("format" = "date"))]
    pub as_of: String,
    /// Every obligation, sorted by document, language, version and position in the text.
    pub obligations: Vec<RuleEntry>,
}

/// Whether the version holding an obligation applies on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VersionStatus {
    /// The version in force on `as_of`.
    InForce,
    /// A version that takes effect after `as_of`.
    Upcoming,
}

/// One obligation of one version in one language.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RuleEntry {
    /// Document id, e.g. `dispute-policy`.
    pub document: String,
    /// Document version number.
    #[schemars(range(min = 1))]
    pub version: u32,
    /// Language code of the text the obligation was read from.
    pub lang: String,
    /// Date the version takes effect.
    #[schemars(extend("format" = "date"))]
    pub effective: String,
    /// In force or upcoming on `as_of`.
    pub status: VersionStatus,
    /// The clause that states the obligation.
    pub clause: String,
    /// The clause's permanent published URL.
    #[schemars(extend("format" = "uri"))]
    pub url: String,
    /// Obligation id, stable across versions and languages.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// Who must act.
    pub actor: Actor,
    /// Event that starts the clock.
    pub trigger: String,
    /// Event that fulfils the obligation.
    pub action: String,
    /// The deadline or minimum period.
    pub limit: LimitJson,
    /// What the action must carry.
    pub requires: Vec<String>,
    /// Events that make the obligation lapse when they happen before the action.
    pub unless: Vec<String>,
    /// The document's working-day calendar (`rules/calendars/<id>.yaml`): its time zone and,
    /// for working time, its days off.
    pub calendar: Option<String>,
}

/// Deadline (`within`) or minimum period (`at-least`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LimitKind {
    /// The action must happen no later than trigger + duration.
    Within,
    /// The action must happen no earlier than trigger + duration.
    AtLeast,
}

/// The unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UnitJson {
    /// Calendar hours.
    Hours,
    /// Calendar days.
    Days,
    /// Calendar months (the same day of the month, clamped to a shorter month's last day).
    Months,
    /// Hours on working days.
    WorkingHours,
    /// Working days, due at 23:59:59 of the last one.
    WorkingDays,
}

/// A duration in machine-readable form.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LimitJson {
    /// Deadline or minimum period.
    pub kind: LimitKind,
    /// As written in the block, e.g. `24 to 48 working hours`.
    pub text: String,
    /// Unit of `amount` (and `low`).
    pub unit: UnitJson,
    /// The amount that sets the deadline (the upper bound of a range).
    #[schemars(range(min = 1))]
    pub amount: u32,
    /// The lower bound (target) of a range.
    pub low: Option<u32>,
}

impl LimitJson {
    /// Converts a block's limit.
    pub fn from_limit(limit: &Limit) -> LimitJson {
        let d = limit.duration();
        let unit = match d.unit() {
            Unit::Hours => UnitJson::Hours,
            Unit::Days => UnitJson::Days,
            Unit::Months => UnitJson::Months,
            Unit::WorkingHours => UnitJson::WorkingHours,
            Unit::WorkingDays => UnitJson::WorkingDays,
        };
        let low = match d {
            Duration::Range { low, .. } => Some(low.amount()),
            _ => None,
        };
        LimitJson {
            kind: match limit {
                Limit::Within(_) => LimitKind::Within,
                Limit::AtLeast(_) => LimitKind::AtLeast,
            },
            text: d.to_string(),
            unit,
            amount: d.amount(),
            low,
        }
    }
}

/// Builds the content of `rules.json`. Blocks that do not parse are left out (`check` reports them).
pub fn rules_file(set: &PolicySet, as_of: Date) -> RulesFile {
    let mut obligations = Vec::new();
    for doc in &set.documents {
        for lang in doc.languages() {
            let mut versions: Vec<(&PolicyVersion, VersionStatus)> = Vec::new();
            if let Some(v) = doc.in_force(lang, as_of) {
                versions.push((v, VersionStatus::InForce));
            }
            versions.extend(
                doc.versions_in(lang)
                    .filter(|v| v.effective > as_of)
                    .map(|v| (v, VersionStatus::Upcoming)),
            );
            for (v, status) in versions {
                let (parsed, _) = version_obligations(v);
                obligations.extend(parsed.iter().map(|ob| entry(set, v, status, ob)));
            }
        }
    }
    RulesFile {
        schema: "rules.schema.json".into(),
        base_url: set.site.base_url.clone(),
        as_of: as_of.to_string(),
        obligations,
    }
}

fn entry(set: &PolicySet, v: &PolicyVersion, status: VersionStatus, ob: &Obligation) -> RuleEntry {
    RuleEntry {
        document: v.id.clone(),
        version: v.version,
        lang: v.lang.clone(),
        effective: v.effective.to_string(),
        status,
        clause: ob.clause.clone(),
        url: format!(
            "{}/{}/{}/v{}/#{}",
            set.site.base_url.trim_end_matches('/'),
            v.lang,
            v.id,
            v.version,
            ob.clause
        ),
        id: ob.id.clone(),
        actor: ob.actor,
        trigger: ob.trigger.clone(),
        action: ob.action.clone(),
        limit: LimitJson::from_limit(&ob.limit),
        requires: ob.requires.clone(),
        unless: ob.unless.clone(),
        calendar: v.calendar.clone(),
    }
}

/// The JSON Schema of `rules.json`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RulesFile)).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_validate_against_the_generated_schema() {
        let set = crate::valid_fixture();
        let rules = serde_json::to_value(rules_file(&set, jiff::civil::date(2026, 5, 15))).unwrap();
        let schema = schema();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&rules)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // 5 obligations x 4 languages x (v1 in force + v2 upcoming).
        assert_eq!(rules["obligations"].as_array().unwrap().len(), 40);
        let mut wrong = rules.clone();
        wrong["obligations"][0]["limit"]["unit"] = "weeks".into();
        assert!(!validator.is_valid(&wrong));
    }

    #[test]
    fn entries_carry_the_permanent_clause_url() {
        let set = crate::valid_fixture();
        let rules = rules_file(&set, jiff::civil::date(2026, 11, 21));
        let refund = rules
            .obligations
            .iter()
            .find(|o| o.id == "refund" && o.lang == "fr")
            .unwrap();
        assert_eq!(
            refund.url,
            "https://policies.bazaarcheh.example/fr/complaints/v2/#refund"
        );
        assert_eq!(refund.limit.low, Some(24));
        assert_eq!(refund.calendar.as_deref(), Some("ir"));
        assert!(
            rules
                .obligations
                .iter()
                .all(|o| o.status == VersionStatus::InForce)
        );
    }
}
