//! Change notices: what users are told before a new version takes effect, per language: the
//! summary, the clauses that change, the effective date and the notice period applied
//! (`notice_days` in `site.yaml`; the EU platform-to-business regulation owes business users at
//! least 15 days). Rendered as plain text, as an HTML e-mail, or serialised as JSON for a mailer.

mod text;
mod words;

pub use text::{notice_html, notice_json, notice_text};

use jiff::civil::Date;
use serde::Serialize;

use super::ObligationSentences;
use super::dates::{gregorian, persian_digits, solar_hijri};
use super::diff::{ClauseStatus, compare};
use crate::model::{Audience, ChangeKind, Document, PolicySet, PolicyVersion};
use words::Words;

/// A change notice for one version of one document, in one or more languages.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    /// Document id.
    pub document: String,
    /// The version announced.
    pub version: u32,
    /// Substantive or editorial.
    pub change: ChangeKind,
    /// When the version takes effect.
    pub effective: Date,
    /// When the notice is sent.
    pub sent_on: Date,
    /// The notice period applied and whether this notice respects it.
    pub period: NoticePeriod,
    /// One message per language, the binding language first.
    pub messages: Vec<NoticeMessage>,
}

/// The notice owed for a version and the notice given.
#[derive(Debug, Clone, Serialize)]
pub struct NoticePeriod {
    /// The audience owed the longest notice (the one the period applies to).
    pub audience: Audience,
    /// Days of notice owed (`notice_days` of that audience; 0 for an editorial change).
    pub required_days: u32,
    /// Days between sending and the effective date (negative: sent after it).
    pub given_days: i64,
    /// The last day the notice can be sent and still respect the period.
    pub send_by: Date,
    /// Whether the notice reaches its readers later than the period allows.
    pub late: bool,
}

/// The notice in one language.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeMessage {
    /// Language code.
    pub lang: String,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// The e-mail subject.
    pub subject: String,
    /// Who the notice is addressed to, e.g. "Buyers and sellers".
    pub to: String,
    /// The opening paragraph: what changes and when.
    pub intro: String,
    /// The version's summary of the change.
    pub summary: String,
    /// The clauses added, changed or removed, in document order.
    pub clauses: Vec<NoticeClause>,
    /// The notice period sentence.
    pub period: String,
    /// The new version's page.
    pub version_url: String,
    /// The page showing every change word by word.
    pub changes_url: String,
    /// Which language's text is binding.
    pub binding_note: String,
    /// Interface words the renderers need (labels), in this language.
    #[serde(skip)]
    pub(crate) words: &'static Words,
}

/// A clause the change touches.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeClause {
    /// The clause id.
    pub id: String,
    /// Its heading (the new one; the old one for a removed clause).
    pub heading: String,
    /// `added`, `changed` or `removed`.
    pub status: ClauseStatus,
    /// The status in the message's language.
    pub status_text: &'static str,
    /// The clause in the new version (in the old one when removed).
    pub url: String,
}

/// Why a notice could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    /// No such document.
    #[error("no document `{0}`; documents: {1}")]
    UnknownDocument(String, String),
    /// The document has no such version.
    #[error("`{doc}` has no version {version}; versions: {known}")]
    UnknownVersion {
        /// Document id.
        doc: String,
        /// The version asked for.
        version: u32,
        /// The versions it has.
        known: String,
    },
    /// The version is not written in the language asked for.
    #[error("`{doc}` v{version} is not written in `{lang}`; languages: {known}")]
    UnknownLanguage {
        /// Document id.
        doc: String,
        /// The version.
        version: u32,
        /// The language asked for.
        lang: String,
        /// The languages it has.
        known: String,
    },
    /// A first version changes nothing.
    #[error(
        "`{doc}` v{version} has no earlier version in `{lang}` to compare with; a change notice announces a new version of a published text"
    )]
    NothingToCompare {
        /// Document id.
        doc: String,
        /// The version.
        version: u32,
        /// The language.
        lang: String,
    },
}

/// Writes the notice of `doc` version `version` sent on `sent_on`, in `lang` or (when `None`)
/// in every language the version is written in, the binding language first.
pub fn notice(
    set: &PolicySet,
    doc: &str,
    version: u32,
    lang: Option<&str>,
    sent_on: Date,
    sentences: &dyn ObligationSentences,
) -> Result<Notice, NoticeError> {
    let document = set.document(doc).ok_or_else(|| {
        let ids: Vec<&str> = set.documents.iter().map(|d| d.id.as_str()).collect();
        NoticeError::UnknownDocument(doc.to_string(), ids.join(", "))
    })?;
    let mut versions: Vec<&PolicyVersion> = document
        .versions
        .iter()
        .filter(|v| v.version == version)
        .collect();
    if versions.is_empty() {
        let mut known: Vec<String> = document
            .versions
            .iter()
            .map(|v| v.version.to_string())
            .collect();
        known.dedup();
        return Err(NoticeError::UnknownVersion {
            doc: doc.to_string(),
            version,
            known: known.join(", "),
        });
    }
    let binding = set.site.binding_language.as_str();
    versions.sort_by_key(|v| (v.lang != binding, v.lang.clone()));
    if let Some(lang) = lang {
        let known: Vec<&str> = versions.iter().map(|v| v.lang.as_str()).collect();
        let known = known.join(", ");
        versions.retain(|v| v.lang == lang);
        if versions.is_empty() {
            return Err(NoticeError::UnknownLanguage {
                doc: doc.to_string(),
                version,
                lang: lang.to_string(),
                known,
            });
        }
    }
    let first = versions[0];
    let period = period(set, first, sent_on);
    let messages = versions
        .iter()
        .map(|v| message(set, document, v, sent_on, &period, sentences))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Notice {
        document: doc.to_string(),
        version,
        change: first.change,
        effective: first.effective,
        sent_on,
        period,
        messages,
    })
}

fn period(set: &PolicySet, v: &PolicyVersion, sent_on: Date) -> NoticePeriod {
    let (audience, owed) = v
        .audience
        .iter()
        .map(|a| (*a, set.site.notice_days.for_audience(*a)))
        .max_by_key(|(_, days)| *days)
        .unwrap_or((Audience::Consumers, 0));
    let required_days = if v.change == ChangeKind::Editorial || v.notice_exemption.is_some() {
        0
    } else {
        owed
    };
    let given_days = sent_on
        .until(v.effective)
        .map_or(0, |span| i64::from(span.get_days()));
    let send_by = v
        .effective
        .checked_sub(jiff::Span::new().days(i64::from(required_days)))
        .unwrap_or(v.effective);
    NoticePeriod {
        audience,
        required_days,
        given_days,
        send_by,
        late: given_days < i64::from(required_days) || given_days < 0,
    }
}

fn message(
    set: &PolicySet,
    document: &Document,
    v: &PolicyVersion,
    sent_on: Date,
    period: &NoticePeriod,
    sentences: &dyn ObligationSentences,
) -> Result<NoticeMessage, NoticeError> {
    let lang = v.lang.as_str();
    let previous = document
        .versions_in(lang)
        .filter(|p| p.version < v.version)
        .max_by_key(|p| p.version)
        .ok_or_else(|| NoticeError::NothingToCompare {
            doc: v.id.clone(),
            version: v.version,
            lang: lang.to_string(),
        })?;
    let w = words::words(lang);
    let base = &set.site.base_url;
    let version_url = format!("{base}/{lang}/{}/v{}/", v.id, v.version);
    let old_url = format!("{base}/{lang}/{}/v{}/", v.id, previous.version);
    let clauses = compare(previous, v, sentences)
        .into_iter()
        .filter(|c| c.status != ClauseStatus::Unchanged)
        .map(|c| NoticeClause {
            url: format!(
                "{}#{}",
                if c.status == ClauseStatus::Removed {
                    &old_url
                } else {
                    &version_url
                },
                c.id
            ),
            status_text: match c.status {
                ClauseStatus::Added => w.added,
                ClauseStatus::Removed => w.removed,
                _ => w.changed,
            },
            id: c.id,
            heading: c.heading,
            status: c.status,
        })
        .collect();
    let site = set.site.name_in(lang);
    let number = |n: i64| local_digits(&n.to_string(), lang);
    let effective = long_date(v.effective, lang);
    let timing = (w.timing)(period.given_days, &number(period.given_days.abs()));
    let period_text = if period.required_days == 0 {
        (w.no_period)(&long_date(sent_on, lang), &timing)
    } else {
        (w.period)(
            &long_date(sent_on, lang),
            &timing,
            w.audience_owed(period.audience),
            &number(i64::from(period.required_days)),
        )
    };
    Ok(NoticeMessage {
        lang: lang.to_string(),
        dir: super::i18n::direction(lang),
        subject: (w.subject)(site, &v.title, &effective),
        to: w.audience_list(&v.audience),
        intro: (w.intro)(&v.title, &number(i64::from(v.version)), &effective),
        summary: v.summary.clone(),
        clauses,
        period: period_text,
        version_url,
        changes_url: format!("{base}/{lang}/{}/v{}/changes.html", v.id, v.version),
        binding_note: format!(
            "{} {}.",
            super::i18n::text(lang, "binding_note"),
            super::i18n::language_name_in(&set.site.binding_language, lang)
        ),
        words: w,
    })
}

/// A date in words: Solar Hijri with the Gregorian date in parentheses for Persian.
fn long_date(date: Date, lang: &str) -> String {
    if lang == "fa" {
        format!("{} ({})", solar_hijri(date), gregorian(date, "fa"))
    } else {
        gregorian(date, lang)
    }
}

fn local_digits(text: &str, lang: &str) -> String {
    if lang == "fa" {
        persian_digits(text)
    } else {
        text.to_string()
    }
}
