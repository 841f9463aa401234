//! Counting a duration from a trigger instant: the due instant and the days that were skipped.

use jiff::civil::Date;
use jiff::{SignedDuration, Span, Zoned};

use super::calendar::{Calendar, DayOff};
use super::duration::{Duration, Unit};

/// The result of counting a duration.
#[derive(Debug, Clone, PartialEq)]
pub struct DueDate {
    /// The due instant (for `at-least`, the earliest allowed instant), in the calendar's time zone
    /// when the document has one, else in the trigger's.
    pub due: Zoned,
    /// For a range, the instant of its lower bound (the target).
    pub target: Option<Zoned>,
    /// Days that did not count, in order.
    pub skipped: Vec<SkippedDay>,
    /// The calendar used for working time, if any.
    pub calendar: Option<String>,
}

/// A day that did not count towards a working-time duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedDay {
    /// The day.
    pub date: Date,
    /// Why it did not count.
    pub reason: DayOff,
}

/// Why a due date could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// Working time needs a working-day calendar.
    #[error(
        "`{duration}` counts working time but the document has no calendar; add `calendar: <id>` to its front matter"
    )]
    NoCalendar {
        /// The duration being counted.
        duration: String,
    },
    /// Counting needs a day the calendar does not list holidays for.
    #[error(
        "calendar `{calendar}` (rules/calendars/{calendar}.yaml) lists holidays from {from} to its last day {to}, but counting this deadline needs {needed}: extend the calendar past {needed} (scripts/gen-calendars.py writes later years)"
    )]
    OutsideCalendar {
        /// Calendar id.
        calendar: String,
        /// First covered day.
        from: Date,
        /// Last covered day.
        to: Date,
        /// The day that was needed.
        needed: Date,
    },
    /// The result does not fit in jiff's supported range.
    #[error("the due date of `{0}` is out of range")]
    OutOfRange(String),
}

/// Counts `within` from the trigger instant `at`. Working time uses `calendar`; plain hours and
/// days use it only for the time zone of the result.
pub fn due(
    at: &Zoned,
    within: &Duration,
    calendar: Option<&Calendar>,
) -> Result<DueDate, DeadlineError> {
    let at = match calendar {
        Some(cal) => at.with_time_zone(cal.tz.clone()),
        None => at.clone(),
    };
    let (target, deadline) = match within {
        Duration::Range { low, high } => (Some(low.deadline()), high.deadline()),
        single => (None, single),
    };
    let (due, skipped) = count(&at, deadline, calendar)?;
    let target = match target {
        Some(low) => Some(count(&at, low, calendar)?.0),
        None => None,
    };
    Ok(DueDate {
        due,
        target,
        skipped,
        calendar: calendar
            .filter(|_| within.needs_calendar())
            .map(|c| c.id.clone()),
    })
}

/// The last instant of `day` in `tz`: one nanosecond before the next day starts, so that every
/// instant of the day's last second is still within it, whatever the day's length (a clock
/// change on that day included). Written in seconds, it reads 23:59:59.
pub fn end_of_day(day: Date, tz: &jiff::tz::TimeZone) -> Option<Zoned> {
    let next = day.tomorrow().ok()?.to_zoned(tz.clone()).ok()?;
    next.checked_sub(SignedDuration::from_nanos(1)).ok()
}

/// The end of a period in calendar days or months that falls on a Saturday, a Sunday or a
/// public holiday of `calendar`, moved to the last instant of the next working day (Council
/// Regulation 1182/71 Art. 3(4); working days are all days other than public holidays,
/// Sundays and Saturdays, Art. 2(2)), with the days passed over. `end` is the period's end as
/// [`due`] counts it (the last instant of its last day). A period in hours or in working time
/// (`unit`) is returned unchanged, and so is one ending on a working day. Without a calendar,
/// or on days past the holidays it lists, only Saturdays and Sundays are known days off.
pub fn end_on_working_day(
    end: &Zoned,
    unit: Unit,
    calendar: Option<&Calendar>,
) -> Result<(Zoned, Vec<SkippedDay>), DeadlineError> {
    if !matches!(unit, Unit::Days | Unit::Months) {
        return Ok((end.clone(), Vec::new()));
    }
    let off = |day: Date| match calendar
        .filter(|c| c.covers(day))
        .and_then(|c| c.day_off(day))
    {
        Some(holiday @ DayOff::Holiday(_)) => Some(holiday),
        _ => matches!(
            day.weekday(),
            jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
        )
        .then(|| DayOff::Weekly(day.weekday())),
    };
    let out_of_range = || DeadlineError::OutOfRange(format!("{unit:?}"));
    let mut day = end.date();
    let mut skipped = Vec::new();
    while let Some(reason) = off(day) {
        skipped.push(SkippedDay { date: day, reason });
        day = day.tomorrow().map_err(|_| out_of_range())?;
    }
    if skipped.is_empty() {
        return Ok((end.clone(), skipped));
    }
    let moved = end_of_day(day, end.time_zone()).ok_or_else(out_of_range)?;
    Ok((moved, skipped))
}

fn count(
    at: &Zoned,
    single: &Duration,
    calendar: Option<&Calendar>,
) -> Result<(Zoned, Vec<SkippedDay>), DeadlineError> {
    let out_of_range = || DeadlineError::OutOfRange(single.to_string());
    let n = i64::from(single.amount());
    let unit = single.unit();
    if !unit.is_working() {
        // Hours run from the instant. Days and months are counted on the dates of `at`'s time
        // zone and end with the last instant of their last day (Council Regulation 1182/71
        // Art. 3(1) and 3(2)(b)/(c)): the trigger's own day does not count, `n` days end when
        // day `n` after it ends, and `n` months when the day of the month the period runs from
        // ends in the last month, or that month's last day when it has no such date.
        let due = match unit {
            Unit::Hours => at
                .checked_add(SignedDuration::from_hours(n))
                .map_err(|_| out_of_range())?,
            _ => {
                let span = match unit {
                    Unit::Months => Span::new().try_months(n),
                    _ => Span::new().try_days(n),
                }
                .map_err(|_| out_of_range())?;
                let last = at.date().checked_add(span).map_err(|_| out_of_range())?;
                end_of_day(last, at.time_zone()).ok_or_else(out_of_range)?
            }
        };
        return Ok((due, Vec::new()));
    }
    let cal = calendar.ok_or_else(|| DeadlineError::NoCalendar {
        duration: single.to_string(),
    })?;
    let check = |day: Date| {
        if cal.covers(day) {
            Ok(())
        } else {
            Err(DeadlineError::OutsideCalendar {
                calendar: cal.id.clone(),
                from: cal.covers_from,
                to: cal.covers_to,
                needed: day,
            })
        }
    };
    let start_of = |day: Date| day.to_zoned(cal.tz.clone()).map_err(|_| out_of_range());
    let next = |day: Date| day.tomorrow().map_err(|_| out_of_range());
    let mut skipped = Vec::new();
    let mut day = at.date();
    check(day)?;
    if unit == Unit::WorkingDays {
        let mut counted = 0;
        while counted < n {
            day = next(day)?;
            check(day)?;
            match cal.day_off(day) {
                Some(reason) => skipped.push(SkippedDay { date: day, reason }),
                None => counted += 1,
            }
        }
        let end = end_of_day(day, &cal.tz).ok_or_else(out_of_range)?;
        return Ok((end, skipped));
    }
    // Working hours: walk day by day, spending the remaining time on working days only.
    let mut remaining = SignedDuration::from_hours(n);
    let mut cursor = at.clone();
    loop {
        check(day)?;
        let tomorrow = next(day)?;
        let day_end = start_of(tomorrow)?;
        match cal.day_off(day) {
            Some(reason) => skipped.push(SkippedDay { date: day, reason }),
            None => {
                let available = cursor.duration_until(&day_end);
                if remaining <= available {
                    let due = cursor.checked_add(remaining).map_err(|_| out_of_range())?;
                    return Ok((due, skipped));
                }
                remaining -= available;
            }
        }
        cursor = day_end;
        day = tomorrow;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn cal(id: &str) -> Calendar {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../rules/calendars")
            .join(format!("{id}.yaml"));
        Calendar::from_yaml(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    fn at(text: &str, tz: &str) -> Zoned {
        let ts: jiff::Timestamp = text.parse().unwrap();
        ts.in_tz(tz).unwrap()
    }

    fn rfc(z: &Zoned) -> String {
        z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    #[test]
    fn thursday_evening_in_tehran_skips_friday_for_working_hours() {
        // Thursday 2026-11-19 20:00: 4 hours left on Thursday, Friday off, 20 hours on Saturday.
        let ir = cal("ir");
        let d = due(
            &at("2026-11-19T20:00:00+03:30", "Asia/Tehran"),
            &Duration::WorkingHours(24),
            Some(&ir),
        )
        .unwrap();
        assert_eq!(rfc(&d.due), "2026-11-21T20:00:00+03:30");
        assert_eq!(d.skipped.len(), 1);
        assert_eq!(d.skipped[0].date, jiff::civil::date(2026, 11, 20));
    }

    #[test]
    fn a_period_ending_on_a_weekend_or_holiday_ends_with_the_next_working_day() {
        let ir = cal("ir");
        let tz = "Asia/Tehran";
        let end = |day: &str| {
            end_of_day(day.parse().unwrap(), &jiff::tz::TimeZone::get(tz).unwrap()).unwrap()
        };
        // Saturday 2026-11-21 and Sunday 22nd: Monday 23rd.
        let (moved, skipped) =
            end_on_working_day(&end("2026-11-21"), Unit::Days, Some(&ir)).unwrap();
        assert_eq!(rfc(&moved), "2026-11-23T23:59:59+03:30");
        assert_eq!(skipped.len(), 2);
        // Friday is the Iranian calendar's weekly day off, not one of Art. 3(4)'s.
        let (moved, skipped) =
            end_on_working_day(&end("2026-11-20"), Unit::Months, Some(&ir)).unwrap();
        assert_eq!(rfc(&moved), "2026-11-20T23:59:59+03:30");
        assert!(skipped.is_empty());
        // Nowruz: Saturday 2026-03-21 to Tuesday 24th are holidays; Wednesday 25th works.
        let (moved, skipped) =
            end_on_working_day(&end("2026-03-21"), Unit::Days, Some(&ir)).unwrap();
        assert_eq!(rfc(&moved), "2026-03-25T23:59:59+03:30");
        assert!(
            matches!(skipped[2].reason, DayOff::Holiday(_)),
            "{skipped:?}"
        );
        // Working days and hours are counted as they are.
        for unit in [Unit::WorkingDays, Unit::WorkingHours, Unit::Hours] {
            let (moved, skipped) = end_on_working_day(&end("2026-11-21"), unit, Some(&ir)).unwrap();
            assert_eq!(rfc(&moved), "2026-11-21T23:59:59+03:30");
            assert!(skipped.is_empty());
        }
        // Without a calendar, and past the holidays one lists, Saturdays and Sundays still move
        // the end.
        let (moved, _) = end_on_working_day(&end("2030-06-01"), Unit::Days, None).unwrap();
        assert_eq!(moved.date(), jiff::civil::date(2030, 6, 3));
    }

    #[test]
    fn thursday_evening_working_days_end_of_day() {
        let ir = cal("ir");
        let d = due(
            &at("2026-11-19T20:00:00+03:30", "Asia/Tehran"),
            &Duration::WorkingDays(2),
            Some(&ir),
        )
        .unwrap();
        // Friday skipped; Saturday is day 1, Sunday day 2.
        assert_eq!(rfc(&d.due), "2026-11-22T23:59:59+03:30");
    }

    #[test]
    fn nowruz_run_is_skipped_by_name() {
        let ir = cal("ir");
        // Wednesday 2026-03-18: Thursday 19th works, Friday 20th holiday and weekly off,
        // 21..24 Nowruz (and Eid al-Fitr), 25th works.
        let d = due(
            &at("2026-03-18T09:00:00+03:30", "Asia/Tehran"),
            &Duration::WorkingDays(2),
            Some(&ir),
        )
        .unwrap();
        assert_eq!(d.due.date(), jiff::civil::date(2026, 3, 25));
        let names: Vec<_> = d
            .skipped
            .iter()
            .filter_map(|s| match &s.reason {
                DayOff::Holiday(h) => Some(h.name("en").to_string()),
                DayOff::Weekly(_) => None,
            })
            .collect();
        assert!(names.iter().any(|n| n.contains("Nowruz")), "{names:?}");
        assert_eq!(d.skipped.len(), 5);
    }

    #[test]
    fn berlin_dst_change_counts_real_hours_and_keeps_calendar_days() {
        let de = cal("eu-de");
        // Clocks go back on Sunday 2026-10-25 (03:00 CEST -> 02:00 CET).
        let start = at("2026-10-24T12:00:00+02:00", "Europe/Berlin");
        let hours = due(&start, &Duration::Hours(48), Some(&de)).unwrap();
        assert_eq!(rfc(&hours.due), "2026-10-26T11:00:00+01:00");
        let days = due(&start, &Duration::Days(2), Some(&de)).unwrap();
        // Two days end with the second day after the trigger's (Regulation 1182/71 Art. 3).
        assert_eq!(rfc(&days.due), "2026-10-26T23:59:59+01:00");
        // Saturday trigger: Saturday and Sunday skipped, Monday counts 24 hours.
        let working = due(&start, &Duration::WorkingHours(24), Some(&de)).unwrap();
        assert_eq!(rfc(&working.due), "2026-10-27T00:00:00+01:00");
        assert_eq!(working.skipped.len(), 2);
    }

    #[test]
    fn months_are_calendar_months_in_the_calendar_time_zone_to_the_end_of_the_day_clamped_to_month_end()
     {
        let ir = cal("ir");
        // 23:30 UTC on 30 June is 03:00 on 1 July in Tehran: months count from the local date.
        let d = due(
            &at("2026-06-30T23:30:00Z", "UTC"),
            &Duration::Months(6),
            Some(&ir),
        )
        .unwrap();
        assert_eq!(rfc(&d.due), "2027-01-01T23:59:59+03:30");
        assert!(d.skipped.is_empty() && d.calendar.is_none());
        // 31 August + 6 months: 28 February (2027 is not a leap year), to its end.
        let d = due(
            &at("2026-08-31T10:00:00+03:30", "Asia/Tehran"),
            &Duration::Months(6),
            Some(&ir),
        )
        .unwrap();
        assert_eq!(rfc(&d.due), "2027-02-28T23:59:59+03:30");
        // 31 January + 1 month in a leap year: 29 February.
        let d = due(
            &at("2028-01-31T10:00:00+01:00", "Europe/Berlin"),
            &Duration::Months(1),
            None,
        )
        .unwrap();
        assert_eq!(rfc(&d.due), "2028-02-29T23:59:59+01:00");
        // Six months from 1 January are 181 days; from 1 July, 184.
        let jan = at("2026-01-01T12:00:00+03:30", "Asia/Tehran");
        let jul = at("2026-07-01T12:00:00+03:30", "Asia/Tehran");
        for (start, days) in [(jan, 181), (jul, 184)] {
            let end = due(&start, &Duration::Months(6), Some(&ir)).unwrap().due;
            assert_eq!(start.date().until(end.date()).unwrap().get_days(), days);
        }
    }

    #[test]
    fn range_keeps_target_and_deadline() {
        let ir = cal("ir");
        let d = due(
            &at("2026-11-17T10:00:00+03:30", "Asia/Tehran"),
            &Duration::parse("24 to 48 working hours").unwrap(),
            Some(&ir),
        )
        .unwrap();
        assert_eq!(rfc(d.target.as_ref().unwrap()), "2026-11-18T10:00:00+03:30");
        // Tuesday 10:00 + 48 working hours = Thursday 10:00 (no day off in between).
        assert_eq!(rfc(&d.due), "2026-11-19T10:00:00+03:30");
    }

    #[test]
    fn calendar_running_out_is_an_error() {
        let ir = cal("ir");
        let err = due(
            &at("2027-03-18T10:00:00+03:30", "Asia/Tehran"),
            &Duration::WorkingDays(5),
            Some(&ir),
        )
        .unwrap_err();
        assert!(
            matches!(err, DeadlineError::OutsideCalendar { needed, .. } if needed == jiff::civil::date(2027, 3, 21))
        );
        // Plain hours do not need holidays, so they still work past the covered range.
        assert!(
            due(
                &at("2027-03-20T10:00:00+03:30", "Asia/Tehran"),
                &Duration::Hours(48),
                Some(&ir)
            )
            .is_ok()
        );
    }

    #[test]
    fn working_time_without_calendar_is_an_error() {
        let err = due(
            &at("2026-11-17T10:00:00+03:30", "Asia/Tehran"),
            &Duration::WorkingDays(1),
            None,
        )
        .unwrap_err();
        assert!(matches!(err, DeadlineError::NoCalendar { .. }));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Working time never ends before plain time, a longer duration never ends sooner, and a
        /// working-day deadline is the last instant of a working day.
        #[test]
        fn working_time_is_monotonic(offset in 0i64..(600 * 86_400), n in 1u32..120) {
            let ir = cal("ir");
            let start = jiff::Timestamp::from_second(1_743_000_000 + offset).unwrap().in_tz("Asia/Tehran").unwrap();
            let plain = due(&start, &Duration::Hours(n), Some(&ir)).unwrap().due;
            let working = due(&start, &Duration::WorkingHours(n), Some(&ir)).unwrap().due;
            let longer = due(&start, &Duration::WorkingHours(n + 1), Some(&ir)).unwrap().due;
            proptest::prop_assert!(working >= plain);
            proptest::prop_assert!(longer > working);
            let days = due(&start, &Duration::WorkingDays(n % 20 + 1), Some(&ir)).unwrap().due;
            proptest::prop_assert_eq!(days.time(), jiff::civil::time(23, 59, 59, 999_999_999));
            proptest::prop_assert!(ir.day_off(days.date()).is_none());
        }
    }
}
