//! The words of a statement of reasons: its subject line and paragraphs, in the statement's
//! language, from the facts, grounds and redress already worked out.

use davar_moderation::{Field, Kind};
use davar_obligation::words::{clock, long_date};
use davar_policy::render::dates::persian_digits;
use jiff::Timestamp;

use super::phrases::{Phrases, fill};
use super::published::{APPEAL_DECIDED, APPEAL_RECEIVED, Published};
use super::statement::{StandingStatus, Statement, StatementKind, decide_promise};
use crate::decision::{Action, AutomatedDecision, DecisionRecord};

/// The subject and paragraphs of `statement` for `record`; `appeal` is (appeal received,
/// contested decision taken) for an appeal's outcome.
pub(crate) fn render(
    published: &Published<'_>,
    phrases: &Phrases,
    record: &DecisionRecord,
    appeal: Option<(Timestamp, Timestamp)>,
    statement: &Statement,
) -> (String, Vec<String>) {
    let lang = phrases.lang;
    let date = |t: Timestamp| long_date(published.zoned(t).date(), lang);
    let number = |n: u32| {
        if lang == "fa" {
            persian_digits(&n.to_string())
        } else {
            n.to_string()
        }
    };
    let kind = phrases.kinds[match record.comment.kind {
        Kind::Review => 0,
        Kind::Question => 1,
        Kind::Answer => 2,
    }];
    let mut text = Vec::new();
    let subject = match (statement.kind, appeal) {
        (StatementKind::Restriction, _) | (_, None) => {
            let edited = !statement.changes.is_empty();
            text.push(fill(
                if edited {
                    phrases.edited
                } else {
                    phrases.restricted
                },
                &[
                    ("date", &date(record.decided_at)),
                    ("kind", kind),
                    ("submitted", &date(record.content_date)),
                ],
            ));
            if let Some(standing) = &statement.standing {
                let at = |t: &str| t.parse::<Timestamp>().map(date).unwrap_or_default();
                let received = standing.appeal_received_at.as_deref().map(at);
                let values = [
                    ("date", at(&standing.at)),
                    ("received", received.clone().unwrap_or_default()),
                    ("kind", kind.to_owned()),
                    ("id", standing.decision_id.clone()),
                ];
                let values: Vec<(&str, &str)> =
                    values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                text.push(fill(
                    match (standing.status, received) {
                        (StandingStatus::Lifted, Some(_)) => phrases.lifted_on_appeal,
                        (StandingStatus::Amended, _) => phrases.amended_on_appeal,
                        (StandingStatus::Lifted, None) => phrases.lifted,
                        (StandingStatus::Upheld, _) => phrases.upheld_since,
                        (StandingStatus::Appealed, _) => phrases.appealed_since,
                        (StandingStatus::Replaced, _) => phrases.replaced_since,
                    },
                    &values,
                ));
            }
            let subject = match statement.standing.as_ref().map(|s| s.status) {
                Some(StandingStatus::Lifted) if edited => phrases.lifted_edit_subject,
                Some(StandingStatus::Lifted) => phrases.lifted_subject,
                Some(StandingStatus::Amended) => phrases.amended_subject,
                _ if edited => phrases.edited_subject,
                _ => phrases.restricted_subject,
            };
            fill(subject, &[("kind", kind)])
        }
        (outcome, Some((received, original))) => {
            let (subject, sentence) = match (outcome, record.action) {
                (StatementKind::AppealUpheld, _) if !statement.changes.is_empty() => {
                    (phrases.upheld_subject, phrases.upheld_edited)
                }
                (StatementKind::AppealUpheld, _) => (phrases.upheld_subject, phrases.upheld),
                (_, Action::EditApprove) => (phrases.reversed_subject, phrases.reversed_edited),
                _ => (phrases.reversed_subject, phrases.reversed),
            };
            text.push(fill(
                sentence,
                &[
                    ("date", &date(record.decided_at)),
                    ("received", &date(received)),
                    ("original", &date(original)),
                    ("kind", kind),
                ],
            ));
            subject.to_owned()
        }
    };
    if statement.kind == StatementKind::AppealReversed {
        edits(phrases, statement, &number, &mut text);
        return (subject, text);
    }
    if statement.changes.is_empty() {
        facts_and_grounds(phrases, statement, phrases.ground, &number, &mut text);
    } else {
        edits(phrases, statement, &number, &mut text);
    }
    text.push(
        match (statement.automated_decision, statement.automated_detection) {
            (AutomatedDecision::Fully, _) => phrases.fully,
            (AutomatedDecision::Partially, _) => phrases.partially,
            (AutomatedDecision::NotAutomated, true) => phrases.flagged,
            (AutomatedDecision::NotAutomated, false) => phrases.by_person,
        }
        .to_owned(),
    );
    if let Some(route) = &statement.redress.appeal {
        // The deadline as the JSON gives it: the instant in the zone it is counted in, named
        // with its offset from UTC.
        let deadline = route.open_until.as_deref().and_then(|t| {
            let at: Timestamp = t.parse().ok()?;
            let local = match route.time_zone.as_deref().map(jiff::tz::TimeZone::get) {
                Some(Ok(zone)) => at.to_zoned(zone),
                _ => published.zoned(at),
            };
            Some(deadline_words(&local, lang))
        });
        text.push(match deadline {
            Some(deadline) => fill(
                phrases.appeal,
                &[("deadline", &deadline), ("url", &route.url)],
            ),
            None => fill(phrases.appeal_open, &[("url", &route.url)]),
        });
        let recorded = published.promise(
            APPEAL_RECEIVED,
            APPEAL_DECIDED,
            &record.comment.lang,
            &record.policy_versions,
            record.decided_at,
        );
        let decide = published
            .version(&route.doc, &record.comment.lang, route.version)
            .and_then(|version| decide_promise(published, recorded.as_ref(), version));
        if let (Some(decide), Some(url)) = (decide, &route.decided_within_url) {
            let limit = decide.obligation.limit.duration().deadline();
            text.push(fill(
                phrases.appeal_within,
                &[
                    ("limit", &phrases.amount(limit.amount(), limit.unit())),
                    ("url", url),
                ],
            ));
        } else if route.decided_within_note.is_some() {
            text.push(fill(
                phrases.appeal_no_limit,
                &[("version", &number(route.version)), ("url", &route.url)],
            ));
        }
    } else if statement.kind == StatementKind::AppealUpheld {
        text.push(phrases.internal_end.to_owned());
    }
    if let Some(url) = &statement.redress.out_of_court {
        text.push(fill(phrases.out_of_court, &[("url", url)]));
    }
    text.push(phrases.courts.to_owned());
    (subject, text)
}

/// An instant for the author: weekday, date and clock time, then the time zone's name and its
/// offset from UTC (`Saturday 1 January 2028 13:30:00 (Asia/Tehran, UTC+03:30)`).
fn deadline_words(local: &jiff::Zoned, lang: &str) -> String {
    let offset = local.offset().to_string();
    let offset = if lang == "fa" {
        persian_digits(&offset)
    } else {
        offset
    };
    let zone = local.time_zone().iana_name().unwrap_or("UTC");
    format!(
        "{} {} ({zone}, UTC{offset})",
        long_date(local.date(), lang),
        clock(local.time(), lang)
    )
}

/// The changes of an appeal reversed with edits, the facts they remove and the clauses they
/// apply.
fn edits(
    phrases: &Phrases,
    statement: &Statement,
    number: &dyn Fn(u32) -> String,
    text: &mut Vec<String>,
) {
    if statement.changes.is_empty() {
        return;
    }
    text.push(phrases.changes.to_owned());
    for change in &statement.changes {
        let field = phrases.fields[usize::from(change.field != Field::Title)];
        let removed = change.removed.trim();
        let inserted = change.inserted.trim();
        let values = [
            ("removed", removed),
            ("inserted", inserted),
            ("field", field),
        ];
        text.push(match (removed.is_empty(), inserted.is_empty()) {
            (false, true) => fill(phrases.change_removed, &values),
            (true, false) => fill(phrases.change_inserted, &values),
            (false, false) => fill(phrases.change_replaced, &values),
            // Only whitespace changed.
            (true, true) => continue,
        });
    }
    facts_and_grounds(phrases, statement, phrases.edit_ground, number, text);
}

/// One fact: the quoted text and the rule's explanation, or the explanation alone.
/// The facts found (each quoted) and the grounds, each clause written with `ground_phrase`.
fn facts_and_grounds(
    phrases: &Phrases,
    statement: &Statement,
    ground_phrase: &str,
    number: &dyn Fn(u32) -> String,
    text: &mut Vec<String>,
) {
    if !statement.facts.is_empty() {
        text.push(phrases.found.to_owned());
    }
    for fact in &statement.facts {
        text.push(fact_line(phrases, fact));
    }
    for (code, &n) in &statement.omitted_facts {
        let explanation = statement
            .facts
            .iter()
            .find(|f| &f.code == code)
            .map_or(code.as_str(), |f| f.explanation.as_str());
        let count = number(u32::try_from(n).unwrap_or(u32::MAX));
        let (one, many) = phrases.more_facts;
        text.push(fill(
            if n == 1 { one } else { many },
            &[("n", &count), ("explanation", explanation)],
        ));
    }
    for ground in &statement.grounds {
        text.push(fill(
            ground_phrase,
            &[
                (
                    "heading",
                    ground.heading.as_deref().unwrap_or(&ground.clause),
                ),
                ("title", ground.title.as_deref().unwrap_or(&ground.doc)),
                ("version", &ground.version.map(number).unwrap_or_default()),
                ("url", ground.url.as_deref().unwrap_or_default()),
            ],
        ));
    }
}

fn fact_line(phrases: &Phrases, fact: &super::statement::Fact) -> String {
    match (&fact.quote, fact.field) {
        // A violation of something missing (no title) has an empty span: nothing to quote.
        (Some(quote), Some(field)) if !quote.trim().is_empty() => fill(
            phrases.fact_quoted,
            &[
                ("quote", quote),
                ("field", phrases.fields[usize::from(field != Field::Title)]),
                ("explanation", &fact.explanation),
            ],
        ),
        _ => fact.explanation.clone(),
    }
}
