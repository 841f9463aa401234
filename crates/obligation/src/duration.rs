//! Durations of obligation blocks: `N hours`, `N days`, `N months`, `N working hours`,
//! `N working days` and ranges `A to B working hours` (both bounds kept; the upper one is the
//! deadline).
//!
//! Months are calendar months in the time zone of the document's calendar (the trigger's time
//! zone without one), counted with jiff's calendar arithmetic: the same day of the month N
//! months later at the same local time, clamped to the last day of a shorter month (one month
//! after 31 January is 28 or 29 February; six months after 31 August is 28 or 29 February).
//! There are no working months: a working-day calendar counts days, so `N working months` is
//! refused.

use std::fmt;

/// How long an actor has, or must wait, as written in an obligation block.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Duration {
    /// Calendar hours: plain elapsed time.
    Hours(u32),
    /// Calendar days: the same local clock time N days later.
    Days(u32),
    /// Calendar months: the same local clock time on the same day of the month N months
    /// later, clamped to the last day of a shorter month.
    Months(u32),
    /// Hours that fall on working days only; days off are skipped whole.
    WorkingHours(u32),
    /// Due at the end (23:59:59 local) of the N-th working day after the trigger's day.
    WorkingDays(u32),
    /// A target and a limit of the same unit, e.g. `24 to 48 working hours`; `high` is the deadline.
    Range {
        /// The lower bound (target).
        low: Box<Duration>,
        /// The upper bound (deadline).
        high: Box<Duration>,
    },
}

/// The unit of a single (non-range) duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Calendar hours.
    Hours,
    /// Calendar days.
    Days,
    /// Calendar months.
    Months,
    /// Working hours.
    WorkingHours,
    /// Working days.
    WorkingDays,
}

impl Unit {
    /// Builds a duration of `n` of this unit.
    pub fn of(self, n: u32) -> Duration {
        match self {
            Unit::Hours => Duration::Hours(n),
            Unit::Days => Duration::Days(n),
            Unit::Months => Duration::Months(n),
            Unit::WorkingHours => Duration::WorkingHours(n),
            Unit::WorkingDays => Duration::WorkingDays(n),
        }
    }

    /// Whether counting this unit needs a working-day calendar.
    pub fn is_working(self) -> bool {
        matches!(self, Unit::WorkingHours | Unit::WorkingDays)
    }

    /// The largest amount a duration in this unit may have: ten years (a working year counts
    /// 366 days of 24 hours, so no calendar makes the bound too tight). Counting a deadline
    /// walks the calendar day by day, so a bound keeps it short.
    pub fn max_amount(self) -> u32 {
        match self {
            Unit::Hours | Unit::WorkingHours => 10 * 366 * 24,
            Unit::Days | Unit::WorkingDays => 10 * 366,
            Unit::Months => 10 * 12,
        }
    }

    fn name(self, n: u32) -> &'static str {
        let one = n == 1;
        match self {
            Unit::Hours if one => "hour",
            Unit::Hours => "hours",
            Unit::Days if one => "day",
            Unit::Days => "days",
            Unit::Months if one => "month",
            Unit::Months => "months",
            Unit::WorkingHours if one => "working hour",
            Unit::WorkingHours => "working hours",
            Unit::WorkingDays if one => "working day",
            Unit::WorkingDays => "working days",
        }
    }
}

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// The text does not have the shape `N <unit>` or `A to B <unit>`.
    #[error(
        "`{0}` is not a duration; write `N hours`, `N days`, `N months`, `N working hours`, `N working days` or `A to B working hours`"
    )]
    Syntax(String),
    /// Months are calendar months; a working-day calendar counts days only.
    #[error(
        "`{0}`: there are no working months; write calendar months (`{1} months`) or count working days (`N working days`)"
    )]
    WorkingMonths(String, u32),
    /// Zero-length durations promise nothing.
    #[error("`{0}`: a duration must be at least 1")]
    Zero(String),
    /// A duration longer than any obligation sets (over ten years in its unit).
    #[error("`{0}`: a duration is at most {1} {2} (ten years); write the period the text promises")]
    TooLong(String, u32, &'static str),
    /// A range whose lower bound is not below its upper bound.
    #[error("`{0}`: the first bound of a range must be smaller than the second")]
    EmptyRange(String),
}

impl Duration {
    /// The single unit, or for a range the unit of its bounds.
    pub fn unit(&self) -> Unit {
        match self {
            Duration::Hours(_) => Unit::Hours,
            Duration::Days(_) => Unit::Days,
            Duration::Months(_) => Unit::Months,
            Duration::WorkingHours(_) => Unit::WorkingHours,
            Duration::WorkingDays(_) => Unit::WorkingDays,
            Duration::Range { high, .. } => high.unit(),
        }
    }

    /// The bound that is the deadline: the duration itself, or the upper bound of a range.
    pub fn deadline(&self) -> &Duration {
        match self {
            Duration::Range { high, .. } => high.deadline(),
            other => other,
        }
    }

    /// The amount of a single duration (the upper bound for a range).
    pub fn amount(&self) -> u32 {
        match self {
            Duration::Hours(n)
            | Duration::Days(n)
            | Duration::Months(n)
            | Duration::WorkingHours(n)
            | Duration::WorkingDays(n) => *n,
            Duration::Range { high, .. } => high.amount(),
        }
    }

    /// Whether counting needs a working-day calendar.
    pub fn needs_calendar(&self) -> bool {
        self.unit().is_working()
    }

    /// Parses the block syntax: `24 hours`, `2 days`, `6 months`, `24 working hours`,
    /// `5 working days`, `24 to 48 working hours` (singular units accepted too).
    pub fn parse(text: &str) -> Result<Duration, DurationError> {
        let syntax = || DurationError::Syntax(text.to_string());
        let words: Vec<&str> = text.split_whitespace().collect();
        let (low, rest) = match words.as_slice() {
            [a, "to", b, unit @ ..] => (Some(number(a).ok_or_else(syntax)?), (b, unit)),
            [b, unit @ ..] => (None, (b, unit)),
            [] => return Err(syntax()),
        };
        let high = number(rest.0).ok_or_else(syntax)?;
        let unit = match rest.1 {
            ["hour" | "hours"] => Unit::Hours,
            ["day" | "days"] => Unit::Days,
            ["month" | "months"] => Unit::Months,
            ["working", "hour" | "hours"] => Unit::WorkingHours,
            ["working", "day" | "days"] => Unit::WorkingDays,
            ["working", "month" | "months"] => {
                return Err(DurationError::WorkingMonths(text.to_string(), high));
            }
            _ => return Err(syntax()),
        };
        if high == 0 || low == Some(0) {
            return Err(DurationError::Zero(text.to_string()));
        }
        let max = unit.max_amount();
        if high > max {
            return Err(DurationError::TooLong(text.to_string(), max, unit.name(2)));
        }
        match low {
            None => Ok(unit.of(high)),
            Some(low) if low < high => Ok(Duration::Range {
                low: Box::new(unit.of(low)),
                high: Box::new(unit.of(high)),
            }),
            Some(_) => Err(DurationError::EmptyRange(text.to_string())),
        }
    }
}

fn number(word: &str) -> Option<u32> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Duration::Range { low, high } => {
                write!(
                    f,
                    "{} to {} {}",
                    low.amount(),
                    high.amount(),
                    high.unit().name(2)
                )
            }
            single => write!(
                f,
                "{} {}",
                single.amount(),
                single.unit().name(single.amount())
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_unit_and_prints_it_back() {
        for text in [
            "24 hours",
            "1 hour",
            "2 days",
            "1 month",
            "6 months",
            "24 working hours",
            "5 working days",
            "24 to 48 working hours",
        ] {
            let d = Duration::parse(text).unwrap();
            assert_eq!(d.to_string(), text);
        }
        assert_eq!(
            Duration::parse("5 working days").unwrap(),
            Duration::WorkingDays(5)
        );
    }

    #[test]
    fn range_keeps_both_bounds_and_the_upper_is_the_deadline() {
        let d = Duration::parse("24 to 48 working hours").unwrap();
        assert_eq!(d.deadline(), &Duration::WorkingHours(48));
        match d {
            Duration::Range { low, .. } => assert_eq!(*low, Duration::WorkingHours(24)),
            other => panic!("not a range: {other:?}"),
        }
    }

    #[test]
    fn rejects_bad_shapes() {
        assert!(matches!(
            Duration::parse("24 weeks"),
            Err(DurationError::Syntax(_))
        ));
        assert!(matches!(
            Duration::parse("soon"),
            Err(DurationError::Syntax(_))
        ));
        assert!(matches!(Duration::parse(""), Err(DurationError::Syntax(_))));
        assert!(matches!(
            Duration::parse("-3 days"),
            Err(DurationError::Syntax(_))
        ));
        assert!(matches!(
            Duration::parse("0 days"),
            Err(DurationError::Zero(_))
        ));
        assert!(matches!(
            Duration::parse("48 to 24 hours"),
            Err(DurationError::EmptyRange(_))
        ));
        assert!(matches!(
            Duration::parse("99999999999 hours"),
            Err(DurationError::Syntax(_))
        ));
    }

    #[test]
    fn months_are_a_calendar_unit_and_working_months_are_refused() {
        assert_eq!(Duration::parse("6 months").unwrap(), Duration::Months(6));
        assert_eq!(Duration::parse("1 month").unwrap().unit(), Unit::Months);
        assert!(!Duration::parse("6 months").unwrap().needs_calendar());
        let err = Duration::parse("6 working months").unwrap_err();
        assert_eq!(
            err,
            DurationError::WorkingMonths("6 working months".into(), 6)
        );
        assert!(
            err.to_string()
                .contains("write calendar months (`6 months`)"),
            "{err}"
        );
        assert!(Duration::parse("120 months").is_ok());
        assert!(matches!(
            Duration::parse("121 months"),
            Err(DurationError::TooLong(_, 120, "months"))
        ));
    }

    #[test]
    fn durations_longer_than_ten_years_are_refused() {
        let err = Duration::parse("4294967295 days").unwrap_err();
        assert!(
            matches!(err, DurationError::TooLong(_, 3660, "days")),
            "{err}"
        );
        assert!(err.to_string().contains("at most 3660 days"), "{err}");
        assert!(Duration::parse("3660 days").is_ok());
        assert!(Duration::parse("3661 working days").is_err());
        assert!(Duration::parse("24 to 87841 working hours").is_err());
        assert!(Duration::parse("87840 hours").is_ok());
    }
}
