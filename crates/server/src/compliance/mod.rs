//! Compliance on top of the decision log (EU Digital Services Act): a statement of reasons for
//! every restriction in the comment's language (Art. 17), the same restrictions as Transparency
//! Database statements (Art. 24(5)), appeals decided by another person (Art. 20) and audited
//! against the dispute policy's own obligation, and transparency figures (Art. 15/24).
//!
//! No HTTP here: the server's routes and the CLI (`davar decisions export`, `davar audit
//! --decisions`, `davar report`) share it. Everything it cites comes from the compiled project
//! ([`Published`]): clause URLs and headings of the version in force, the rule sets'
//! `dsa_category`, and the dispute policy's obligations about appeals.

pub mod appeal;
pub mod appeal_audit;
pub mod current;
pub mod figures;
pub mod figures_page;
mod figures_words;
mod phrases;
pub mod published;
pub mod sor;
pub mod statement;
mod statement_text;

use davar_moderation::StoreError;
use jiff::Timestamp;
use jiff::civil::Date;

pub use self::published::Published;
pub use self::statement::{Statement, statement};
use crate::decision::DecisionRecord;
use crate::store::DecisionLog;

/// Records read per store call when scanning a period.
const PAGE: usize = 1000;

/// Calls `visit` with every record decided in `[from, to)`, oldest first, reading the log a
/// page at a time.
pub fn each_decided<E: From<StoreError>>(
    log: &dyn DecisionLog,
    from: Timestamp,
    to: Timestamp,
    mut visit: impl FnMut(DecisionRecord) -> Result<(), E>,
) -> Result<(), E> {
    let mut after: Option<String> = None;
    loop {
        let page = log.decided_between(from, to, after.as_deref(), PAGE)?;
        let full = page.len() == PAGE;
        after = page.last().map(|r| r.id.clone());
        for record in page {
            visit(record)?;
        }
        if !full {
            return Ok(());
        }
    }
}

/// The instants of the days `from` to `to` (both included) in the site's time zone:
/// `[start of from, start of the day after to)`.
pub fn period(published: &Published<'_>, from: Date, to: Date) -> (Timestamp, Timestamp) {
    let tz = &published.policies.site.time_zone;
    let start = |d: Date| {
        d.to_zoned(tz.clone())
            .map_or_else(|_| Timestamp::MIN, |z| z.timestamp())
    };
    let after = to.tomorrow().map_or(Timestamp::MAX, start);
    (start(from), after)
}
