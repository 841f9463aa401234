//! `davar deadline` and `POST /v1/deadline`: find the obligation in the version that applies,
//! count its duration and explain the count in the document's language.

use jiff::Zoned;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::block::{Limit, Obligation};
use super::calendar::{Calendars, DayOff};
use super::deadline::{DeadlineError, DueDate, due};
use super::extract::version_obligations;
use super::instant::format_instant;
use super::rules_json::LimitJson;
use super::words;
use davar_policy::model::{PolicySet, PolicyVersion};

/// What `davar deadline --format json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineReport {
    /// Document id.
    pub document: String,
    /// Obligation id.
    pub obligation: String,
    /// Version applied.
    pub version: u32,
    /// Language of the text applied.
    pub lang: String,
    /// Date that version took effect.
    pub effective: String,
    /// Clause stating the obligation.
    pub clause: String,
    /// Published URL path of the clause in that version.
    pub url: String,
    /// The trigger instant as given.
    pub trigger_at: String,
    /// The due instant (for `at-least`, the earliest allowed instant), ISO 8601 with offset.
    pub due: String,
    /// The due instant in the document's language (Solar Hijri for `fa`).
    pub due_text: String,
    /// For a range, the instant of the lower bound.
    pub target: Option<String>,
    /// The limit applied.
    pub limit: LimitJson,
    /// Calendar used for working time.
    pub calendar: Option<String>,
    /// Time zone of `due`.
    pub timezone: String,
    /// How the duration was counted, in the document's language.
    pub method: String,
    /// Days that did not count.
    pub skipped: Vec<SkippedJson>,
}

/// A skipped day in the report.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedJson {
    /// ISO date.
    pub date: String,
    /// The date in the document's language.
    pub date_text: String,
    /// `holiday` or `weekly`.
    pub kind: &'static str,
    /// Holiday name (in the document's language when known) or "weekly day off".
    pub name: String,
}

/// Why a deadline could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// No such document.
    #[error("no document `{0}` in the policies; known: {1}")]
    UnknownDocument(String, String),
    /// The document has no text in that language.
    #[error("document `{doc}` has no `{lang}` text; languages: {known}")]
    UnknownLanguage {
        /// Document id.
        doc: String,
        /// Requested language.
        lang: String,
        /// Available languages.
        known: String,
    },
    /// No version in force on that date.
    #[error("no version of `{doc}` ({lang}) is in force on {date}")]
    NotInForce {
        /// Document id.
        doc: String,
        /// Language.
        lang: String,
        /// Date.
        date: Date,
    },
    /// The version has no such obligation.
    #[error(
        "version {version} of `{doc}` ({lang}) has no obligation `{obligation}`; it has: {known}"
    )]
    UnknownObligation {
        /// Document id.
        doc: String,
        /// Version.
        version: u32,
        /// Language.
        lang: String,
        /// Requested id.
        obligation: String,
        /// Ids present.
        known: String,
    },
    /// The document names a calendar that is not in the rules directory.
    #[error("document `{doc}` uses calendar `{calendar}`, which is not in rules/calendars")]
    UnknownCalendar {
        /// Document id.
        doc: String,
        /// Calendar id.
        calendar: String,
    },
    /// Counting failed (calendar ran out, no calendar for working time).
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
}

/// The version and obligation that apply to a trigger: the version of `doc` in `lang` (default:
/// the binding language) in force on `as_of`, or on the trigger's date in the document's time zone.
pub fn applicable<'a>(
    set: &'a PolicySet,
    calendars: &Calendars,
    doc: &str,
    lang: Option<&str>,
    at: &Zoned,
    as_of: Option<Date>,
) -> Result<&'a PolicyVersion, ReportError> {
    let document = set.document(doc).ok_or_else(|| {
        ReportError::UnknownDocument(
            doc.into(),
            set.documents
                .iter()
                .map(|d| d.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    })?;
    let lang = match lang {
        Some(l) if document.languages().contains(&l) => l,
        Some(l) => {
            return Err(ReportError::UnknownLanguage {
                doc: doc.into(),
                lang: l.into(),
                known: document.languages().join(", "),
            });
        }
        None => set
            .fallback_lang(document, &set.site.binding_language)
            .unwrap_or_default(),
    };
    // The calendar (same in every language) decides the trigger's local date.
    let tz = document
        .versions
        .iter()
        .find_map(|v| v.calendar.as_deref())
        .and_then(|id| calendars.get(id))
        .map(|c| c.tz.clone());
    let date = as_of.unwrap_or_else(|| match tz {
        Some(tz) => at.with_time_zone(tz).date(),
        None => at.date(),
    });
    document
        .in_force(lang, date)
        .ok_or(ReportError::NotInForce {
            doc: doc.into(),
            lang: lang.into(),
            date,
        })
}

/// Counts `limit` from `at` with the version's calendar, or without one in `site_zone` (the
/// site's time zone), writing the result in the offset of `at`.
pub fn count(
    calendars: &Calendars,
    version: &PolicyVersion,
    limit: &Limit,
    at: &Zoned,
    site_zone: &TimeZone,
) -> Result<DueDate, ReportError> {
    let calendar = match &version.calendar {
        Some(id) => Some(
            calendars
                .get(id)
                .ok_or_else(|| ReportError::UnknownCalendar {
                    doc: version.id.clone(),
                    calendar: id.clone(),
                })?,
        ),
        None => None,
    };
    if calendar.is_some() {
        return Ok(due(at, limit.duration(), calendar)?);
    }
    // Without a calendar, days and months are counted in the site's time zone (across its
    // clock changes), and the result is written in the trigger's offset as it was given.
    let mut counted = due(
        &at.with_time_zone(site_zone.clone()),
        limit.duration(),
        None,
    )?;
    counted.due = counted.due.with_time_zone(at.time_zone().clone());
    counted.target = counted
        .target
        .map(|t| t.with_time_zone(at.time_zone().clone()));
    Ok(counted)
}

/// The whole `davar deadline` computation.
pub fn deadline_report(
    set: &PolicySet,
    calendars: &Calendars,
    doc: &str,
    obligation: &str,
    at: &Zoned,
    lang: Option<&str>,
    as_of: Option<Date>,
) -> Result<DeadlineReport, ReportError> {
    let version = applicable(set, calendars, doc, lang, at, as_of)?;
    let (obligations, _) = version_obligations(version);
    let ob: &Obligation = obligations
        .iter()
        .find(|o| o.id == obligation)
        .ok_or_else(|| ReportError::UnknownObligation {
            doc: doc.into(),
            version: version.version,
            lang: version.lang.clone(),
            obligation: obligation.into(),
            known: obligations
                .iter()
                .map(|o| o.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    let counted = count(calendars, version, &ob.limit, at, &set.site.time_zone)?;
    let lang = version.lang.as_str();
    let weekly = words::labels(lang)[3];
    let skipped = counted
        .skipped
        .iter()
        .map(|s| SkippedJson {
            date: s.date.to_string(),
            date_text: words::long_date(s.date, lang),
            kind: match s.reason {
                DayOff::Holiday(_) => "holiday",
                DayOff::Weekly(_) => "weekly",
            },
            name: match &s.reason {
                DayOff::Holiday(h) => h.name(lang).to_string(),
                DayOff::Weekly(_) => weekly.to_string(),
            },
        })
        .collect();
    Ok(DeadlineReport {
        document: doc.into(),
        obligation: ob.id.clone(),
        version: version.version,
        lang: lang.into(),
        effective: version.effective.to_string(),
        clause: ob.clause.clone(),
        url: format!("/{lang}/{doc}/v{}/#{}", version.version, ob.clause),
        trigger_at: format_instant(at),
        due: format_instant(&counted.due),
        due_text: format!(
            "{} {}",
            words::long_date(counted.due.date(), lang),
            words::clock(counted.due.time(), lang)
        ),
        target: counted.target.as_ref().map(format_instant),
        limit: LimitJson::from_limit(&ob.limit),
        calendar: counted.calendar.clone(),
        timezone: counted
            .due
            .time_zone()
            .iana_name()
            .map_or_else(|| counted.due.offset().to_string(), str::to_string),
        method: words::method(ob.limit.duration().unit(), lang).into(),
        skipped,
    })
}
