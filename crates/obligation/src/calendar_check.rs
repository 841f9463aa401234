//! `calendar`: every `calendar:` in front matter names a file of `rules/calendars/`, and a
//! calendar used for working time in a version in force or upcoming still covers the longest
//! working-time deadline of the version triggered today, and the next 90 days (past its last
//! day, deadlines fail instead of guessing).
//!
//! Separate from [`super::checks`] because it needs the calendars of the rules directory,
//! which the compile pipeline reads.

use jiff::ToSpan;
use jiff::civil::Date;

use super::calendar::Calendars;
use super::codes;
use super::deadline::DeadlineError;
use super::extract::version_obligations;
use davar_policy::diagnostic::Diagnostic;
use davar_policy::model::PolicySet;

/// Days of coverage below which a calendar in use gets a warning.
pub const MIN_COVERAGE_DAYS: i64 = 90;

/// Checks the calendars the documents name against the loaded ones.
pub fn check_calendars(set: &PolicySet, calendars: &Calendars, as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let known: Vec<&str> = calendars.ids().collect();
    for doc in &set.documents {
        for v in &doc.versions {
            let Some(id) = &v.calendar else { continue };
            let Some(cal) = calendars.get(id) else {
                out.push(
                    Diagnostic::error(
                        codes::CALENDAR,
                        &v.path,
                        v.key_line("calendar"),
                        1,
                        format!("unknown calendar `{id}`; known: {}", known.join(", ")),
                    )
                    .with_help("add rules/calendars/<id>.yaml (scripts/gen-calendars.py) or use a known id"),
                );
                continue;
            };
            // A later version that could not be read may be the one in force.
            let current = (doc.in_force(&v.lang, as_of).map(|f| f.version) == Some(v.version)
                || v.effective > as_of)
                && !set.later_unreadable(&doc.id, &v.lang, v.version);
            let obligations = version_obligations(v).0;
            let counts_working_time = obligations
                .iter()
                .any(|o| o.limit.duration().needs_calendar());
            if !(current && counts_working_time) {
                continue;
            }
            // The longest working-time deadline counted from the end of today (the latest a
            // trigger today can be): a calendar that ends before it cannot count a deadline
            // that may already be running.
            let end_of_today = as_of
                .tomorrow()
                .ok()
                .and_then(|d| d.to_zoned(cal.tz.clone()).ok())
                .and_then(|z| z.checked_sub(jiff::SignedDuration::from_secs(1)).ok());
            let needs = obligations.into_iter().find_map(|o| {
                let duration = o.limit.duration();
                if !duration.needs_calendar() {
                    return None;
                }
                match crate::deadline::due(end_of_today.as_ref()?, duration, Some(cal)) {
                    Err(DeadlineError::OutsideCalendar { needed, .. }) => Some((o, needed)),
                    _ => None,
                }
            });
            // Both warnings stand on the version's `calendar:` line.
            let warning = |message: String| {
                Diagnostic::warning(codes::CALENDAR, &v.path, v.key_line("calendar"), 1, message)
            };
            if let Some((o, needed)) = needs {
                out.push(
                    warning(format!(
                            "calendar `{id}` (rules/calendars/{id}.yaml) lists holidays only until {}, but obligation `{}` (`{}`) triggered today would be due after it (counting needs {needed}): its deadline cannot be counted",
                            cal.covers_to,
                            o.id,
                            o.limit
                        ))
                    .with_help(format!(
                        "extend rules/calendars/{id}.yaml past {needed} (scripts/gen-calendars.py writes later years)"
                    )),
                );
                continue;
            }
            let horizon = as_of.checked_add(MIN_COVERAGE_DAYS.days()).unwrap_or(as_of);
            if cal.covers_to < horizon {
                out.push(
                    warning(format!(
                            "calendar `{id}` lists holidays only until {}; working-time deadlines after that date will fail",
                            cal.covers_to
                        ))
                    .with_help("regenerate rules/calendars with scripts/gen-calendars.py for the next year"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn unknown_and_running_out_calendars_are_reported() {
        let set = crate::valid_fixture();
        let calendars = crate::shipped_calendars();
        assert!(check_calendars(&set, &calendars, date(2026, 11, 21)).is_empty());
        // 2027-01-15 + 90 days is past the end of 1405 (2027-03-20): one warning per language.
        let late = check_calendars(&set, &calendars, date(2027, 1, 15));
        assert_eq!(late.len(), 4, "{late:#?}");
        assert!(
            late.iter()
                .all(|d| d.severity == davar_policy::Severity::Warning)
        );
        // Five days before the end of 1405 a working-day deadline triggered today runs past
        // it: the warning names the calendar's file, its last day, the obligation and the fix.
        let ending = check_calendars(&set, &calendars, date(2027, 3, 15));
        let exact: Vec<_> = ending
            .iter()
            .filter(|d| d.message.contains("counting needs"))
            .collect();
        assert!(!exact.is_empty(), "{ending:#?}");
        for d in exact {
            assert!(
                d.message.contains("rules/calendars/ir.yaml")
                    && d.message.contains("until 2027-03-20"),
                "{d:#?}"
            );
            assert!(
                d.help.as_deref().is_some_and(|h| h.contains("extend")),
                "{d:#?}"
            );
        }
        let none = check_calendars(&set, &Calendars::default(), date(2026, 11, 21));
        assert_eq!(none.len(), 8);
        assert!(none[0].message.contains("unknown calendar `ir`"));
        assert_eq!(none[0].line, 12);
    }
}
