//! `notice-period`: a substantive change takes effect no sooner than the notice its audience is
//! owed (`notice_days` in site.yaml: sellers 15 days by default, as the EU platform-to-business
//! regulation requires; consumers 0 by default), and never before it was published.
//!
//! A version marked `notice: legal-obligation` (with `notice_reason:`) only extends readers'
//! rights to comply with a legal obligation and owes no notice (platform-to-business regulation
//! Art. 3(4)(a)); it still cannot take effect before it was published.
//!
//! Capture dates (`dates: captured`) say when an archive first saw a text, not when it was
//! announced or took effect, so the notice owed cannot be computed from them: such versions
//! are not checked (`date-mismatch` compares them with the dates the text itself states).

use jiff::civil::Date;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::model::{ChangeKind, DateKind, PolicySet};

pub(super) fn check(set: &PolicySet, _as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for v in set.documents.iter().flat_map(|d| &d.versions) {
        let days = v
            .published
            .until(v.effective)
            .map_or(0, |span| i64::from(span.get_days()));
        let (line, column) = v.value_position("effective");
        if days < 0 {
            out.push(
                Diagnostic::error(
                    codes::NOTICE_PERIOD,
                    &v.path,
                    line,
                    column,
                    format!(
                        "takes effect on {}, before it was published ({})",
                        v.effective, v.published
                    ),
                )
                .with_width(10)
                .with_help(
                    "a version cannot apply retroactively; move `effective` after `published`",
                ),
            );
            continue;
        }
        if v.version == 1
            || v.change != ChangeKind::Substantive
            || v.dates == DateKind::Captured
            || v.notice_exemption.is_some()
        {
            continue;
        }
        let Some((audience, required)) = v
            .audience
            .iter()
            .map(|a| (*a, set.site.notice_days.for_audience(*a)))
            .max_by_key(|(_, days)| *days)
        else {
            continue;
        };
        if days < i64::from(required) {
            out.push(
                Diagnostic::error(codes::NOTICE_PERIOD, &v.path, line, column,
                    format!("substantive change takes effect {days} days after publication; {} are owed {required} days' notice", audience.as_str()))
                    .with_width(10)
                    .with_help(format!("set `effective` on or after {}, or mark the version `change: editorial` if it changes only wording",
                        v.published.checked_add(jiff::Span::new().days(i64::from(required))).map_or_else(|_| "-".into(), |d| d.to_string()))),
            );
        }
    }
    out
}
