//! A deadline is monotone in its trigger time: for every duration kind and both shipped
//! calendars, a later trigger never gives an earlier due instant, and nothing is ever due
//! before its trigger.

use std::path::Path;
use std::sync::OnceLock;

use davar_obligation::{Calendars, DeadlineError, Duration, due};
use jiff::{Timestamp, Zoned};
use proptest::prelude::*;

fn calendars() -> &'static Calendars {
    static CALENDARS: OnceLock<Calendars> = OnceLock::new();
    CALENDARS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/calendars");
        let files: Vec<_> = ["eu-de.yaml", "ir.yaml"]
            .iter()
            .map(|name| {
                let path = dir.join(name);
                let text = std::fs::read_to_string(&path).expect("a shipped calendar");
                (path, text)
            })
            .collect();
        Calendars::from_sources(&files).expect("the shipped calendars load")
    })
}

fn single() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (1u32..200).prop_map(Duration::Hours),
        (1u32..40).prop_map(Duration::Days),
        (1u32..200).prop_map(Duration::WorkingHours),
        (1u32..20).prop_map(Duration::WorkingDays),
    ]
}

fn duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        4 => single(),
        1 => (1u32..48, 1u32..48).prop_map(|(a, b)| Duration::Range {
            low: Box::new(Duration::WorkingHours(a.min(b))),
            high: Box::new(Duration::WorkingHours(a.max(b))),
        }),
    ]
}

/// Trigger instants inside both calendars' covered years (2025-03-21 .. 2027-03-20), seconds
/// precision, in a few offsets people send.
fn trigger_seconds() -> impl Strategy<Value = i64> {
    let from = "2025-03-22T00:00:00Z"
        .parse::<Timestamp>()
        .expect("valid")
        .as_second();
    let to = "2026-12-31T00:00:00Z"
        .parse::<Timestamp>()
        .expect("valid")
        .as_second();
    from..to
}

fn zoned(seconds: i64, zone: &str) -> Zoned {
    Timestamp::from_second(seconds)
        .expect("in range")
        .in_tz(zone)
        .expect("zone in the bundled database")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn later_trigger_never_gives_earlier_deadline(
        calendar in prop::sample::select(vec!["ir", "eu-de"]),
        within in duration(),
        first in trigger_seconds(),
        gap in prop_oneof![0i64..120, 0i64..86_400, 0i64..(20 * 86_400)],
        zone in prop::sample::select(vec!["Asia/Tehran", "Europe/Berlin", "UTC"]),
    ) {
        let cal = calendars().get(calendar).expect("shipped calendar");
        let early = zoned(first, zone);
        let late = zoned(first + gap, zone);
        let (a, b) = match (due(&early, &within, Some(cal)), due(&late, &within, Some(cal))) {
            (Ok(a), Ok(b)) => (a, b),
            // Only running past the calendar's covered years may refuse to count.
            (Err(e), _) | (_, Err(e)) => {
                prop_assert!(matches!(e, DeadlineError::OutsideCalendar { .. }), "{within} from {early}: {e}");
                return Ok(());
            }
        };
        prop_assert!(a.due.timestamp() <= b.due.timestamp(),
            "{within} in {calendar}: trigger {early} is due {}, later trigger {late} is due {}", a.due, b.due);
        prop_assert!(a.due.timestamp() >= early.timestamp(), "{within}: due {} before trigger {early}", a.due);
        if let Some(target) = &a.target {
            prop_assert!(target.timestamp() <= a.due.timestamp(), "range target {target} after deadline {}", a.due);
        }
    }
}
