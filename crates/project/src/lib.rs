//! davar-project: the one compile pipeline. Every command and the server compile a project
//! through it, so what `davar check` refuses nobody serves.
//!
//! [`Inputs::read`] reads the sources (the pipeline's only I/O: `site.yaml`, the policy
//! sources, `policy.lock`, the rule sets and lexicons, the calendars); [`compile`] parses,
//! checks and compiles them into a [`Project`]: the policy set, the obligations' calendars,
//! the moderation engine and every diagnostic (policy, obligation, lock, calendar, rule-set),
//! sorted, with one [`Counts`]. [`Project::load`] does both. "Today" is the site's date in the
//! time zone of `site.yaml` ([`today`]), unless the caller fixes a date. [`Project::load_cached`]
//! keeps the findings of the policy and obligation checks in a [`CheckCache`] by their inputs.

#![deny(missing_docs)]

mod check_cache;
mod citations;
mod compile;
mod inputs;
mod report;
mod services;

use jiff::civil::Date;

pub use check_cache::{CheckCache, CheckInputs};
pub use compile::{Options, Project, compile, compile_cached};
pub use davar_policy::diagnostic::Counts;
pub use inputs::{Inputs, Paths, ProjectError, RuleSetsInput};
pub use services::services;

/// Today's date where the marketplace is: the clock read in the time zone of `site.yaml`
/// (`timezone:`, UTC when absent). The one place the pipeline reads the clock.
pub fn today(site: &davar_policy::SiteConfig) -> Date {
    jiff::Timestamp::now()
        .to_zoned(site.time_zone.clone())
        .date()
}
