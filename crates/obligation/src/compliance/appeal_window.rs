//! DSA Art. 20(1) on the obligation blocks: the appeal window (the obligation from
//! `decision.notified` to `appeal.closed`) lasts at least six months. Six calendar months last
//! 181 to 184 days, so a window in days (or working days, or hours) counts as six months only
//! from 184 days on; a window in months from 6 months on.

use crate::block::{Limit, Obligation};
use crate::duration::Duration;
use crate::extract::version_obligations;
use davar_policy::model::PolicyVersion;

/// The event that starts the appeal window: the author is told of the decision.
pub const DECISION_NOTIFIED: &str = "decision.notified";
/// The event the appeal window guards: appeals are no longer taken.
pub const APPEAL_CLOSED: &str = "appeal.closed";

/// The longest six calendar months can last, in days (1 July to 1 January, or 31 August to
/// 28 February plus leap-year and month-end cases never exceed it).
pub const SIX_MONTHS_DAYS: u32 = 184;

/// Whether `d` lasts at least six calendar months whatever day it starts on. A range counts by
/// its lower bound.
pub fn at_least_six_months(d: &Duration) -> bool {
    match d {
        Duration::Range { low, .. } => at_least_six_months(low),
        Duration::Months(n) => *n >= 6,
        Duration::Days(n) | Duration::WorkingDays(n) => *n >= SIX_MONTHS_DAYS,
        Duration::Hours(n) | Duration::WorkingHours(n) => *n >= SIX_MONTHS_DAYS * 24,
    }
}

/// The appeal-window obligations of `version` that do not keep appeals open for six months:
/// shorter than six months, or written `within:` (a latest time for closing appeals, which
/// promises no minimum).
pub fn too_short(version: &PolicyVersion) -> Vec<Obligation> {
    version_obligations(version)
        .0
        .into_iter()
        .filter(|o| o.trigger == DECISION_NOTIFIED && o.action == APPEAL_CLOSED)
        .filter(|o| match &o.limit {
            Limit::AtLeast(d) => !at_least_six_months(d),
            Limit::Within(_) => true,
        })
        .collect()
}

/// Whether `version` states an appeal window in an obligation block.
pub fn has_window(version: &PolicyVersion) -> bool {
    version_obligations(version)
        .0
        .iter()
        .any(|o| o.trigger == DECISION_NOTIFIED && o.action == APPEAL_CLOSED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_months_in_any_unit() {
        let ok = |t: &str| at_least_six_months(&Duration::parse(t).unwrap());
        assert!(ok("6 months"));
        assert!(ok("12 months"));
        assert!(!ok("5 months"));
        assert!(!ok("180 days"));
        assert!(!ok("183 days"));
        assert!(ok("184 days"));
        assert!(ok("184 working days"));
        assert!(!ok("4400 hours"));
        assert!(ok("4416 hours"));
    }
}
