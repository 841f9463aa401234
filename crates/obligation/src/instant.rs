//! Instants as written by people and case files: RFC 3339 with an offset
//! (`2026-11-18T10:00:00+03:30` or `…Z`), kept in that offset.

use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

/// The offsets in use on Earth run from −12:00 (Baker Island) to +14:00 (Line Islands); the
/// RFC 3339 grammar allows up to ±23:59 and jiff up to ±25:59:59, so a wider offset is a typo.
const OFFSET_RANGE: std::ops::RangeInclusive<i64> = -12 * 3600..=14 * 3600;

/// Parses an instant with its offset; the result keeps the written offset as a fixed zone.
/// Offsets outside −12:00…+14:00 are refused.
pub fn parse_instant(text: &str) -> Result<Zoned, String> {
    let timestamp: Timestamp = text.parse().map_err(|e| {
        format!(
            "`{text}` is not an instant with an offset ({e}); write e.g. 2026-11-18T10:00:00+03:30"
        )
    })?;
    if text.ends_with(['Z', 'z']) {
        return Ok(timestamp.to_zoned(TimeZone::UTC));
    }
    let local: jiff::civil::DateTime = text.parse().map_err(|e| format!("`{text}`: {e}"))?;
    let utc_of_local = local
        .to_zoned(TimeZone::UTC)
        .map_err(|e| format!("`{text}`: {e}"))?
        .timestamp();
    let seconds = utc_of_local.as_second() - timestamp.as_second();
    if !OFFSET_RANGE.contains(&seconds) {
        return Err(format!(
            "`{text}`: the offset is outside −12:00…+14:00, the offsets in use; write e.g. +03:30"
        ));
    }
    let offset = i32::try_from(seconds)
        .ok()
        .and_then(|s| Offset::from_seconds(s).ok())
        .ok_or_else(|| format!("`{text}`: offset out of range"))?;
    Ok(timestamp.to_zoned(TimeZone::fixed(offset)))
}

/// `2026-11-18T10:00:00+03:30`.
pub fn format_instant(z: &Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A signed length of time for people: `2d 3h 5m`, `45m`; under a minute in seconds (`40s`,
/// `0s`).
pub fn human_span(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    if s < 60 {
        return format!("{sign}{s}s");
    }
    let (d, h, m) = (s / 86_400, (s % 86_400) / 3600, (s % 3600) / 60);
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d}d"));
    }
    if h > 0 {
        parts.push(format!("{h}h"));
    }
    if m > 0 || parts.is_empty() {
        parts.push(format!("{m}m"));
    }
    format!("{sign}{}", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_written_offset() {
        let z = parse_instant("2026-11-18T10:00:00+03:30").unwrap();
        assert_eq!(format_instant(&z), "2026-11-18T10:00:00+03:30");
        let z = parse_instant("2026-11-18T06:30:00Z").unwrap();
        assert_eq!(format_instant(&z), "2026-11-18T06:30:00+00:00");
        assert!(parse_instant("2026-11-18T10:00:00").is_err());
        assert!(parse_instant("yesterday").is_err());
    }

    #[test]
    fn offsets_outside_those_in_use_are_refused() {
        for text in [
            "2026-11-18T10:00:00+25:00",
            "2026-11-18T10:00:00+14:30",
            "2026-11-18T10:00:00-12:30",
        ] {
            let err = parse_instant(text).unwrap_err();
            assert!(err.contains("outside −12:00…+14:00"), "{text}: {err}");
        }
        for text in [
            "2026-11-18T10:00:00+14:00",
            "2026-11-18T10:00:00-12:00",
            "2026-11-18T10:00:00+05:45",
        ] {
            assert!(parse_instant(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn spans_for_people() {
        assert_eq!(human_span(90_061), "1d 1h 1m");
        assert_eq!(human_span(-2700), "-45m");
        assert_eq!(human_span(0), "0s");
        assert_eq!(human_span(40), "40s");
        assert_eq!(human_span(-1), "-1s");
        assert_eq!(human_span(60), "1m");
    }
}
