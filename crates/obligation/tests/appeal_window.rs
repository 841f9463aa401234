//! `compliance-dsa` on the appeal window's obligation block (DSA Art. 20(1): at least six
//! months), months in blocks and prose, and a published fix in a later version.

use davar_policy::load;
use jiff::civil::date;

const SITE: &str = "marketplace:\n  name: { en: Shop }\nbase_url: https://shop.example\nlanguages: [en]\nbinding_language: en\ncompliance:\n  complaints: [dsa]\n";

/// A complaints policy version whose appeal clause says `prose` and whose block says `window`.
fn version(n: u32, effective: &str, prose: &str, window: &str) -> String {
    format!(
        "---\nid: complaints\ntype: Complaints Policy\nlang: en\ntitle: Complaints\nversion: {n}\npublished: 2026-01-01\neffective: {effective}\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n\
## How to complain {{#how}}\n\nComplain through the online form; complaints are free of charge and electronic.\n\n\
## Decisions {{#decisions}}\n\nAutomated tools sort complaints, but no decision is taken solely by automated means.\n\n\
## Appeals {{#appeals}}\n\nYou can appeal a decision {prose} after we notify you of it.\n\n\
```obligation\nid: appeal-window\nactor: platform\ntrigger: decision.notified\naction: appeal.closed\nat-least: {window}\n```\n\n\
## Out-of-court settlement {{#out-of-court}}\n\nYou may refer the dispute to a certified out-of-court body.\n"
    )
}

fn policies(versions: &[String]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    std::fs::create_dir(dir.path().join("complaints")).unwrap();
    for (i, text) in versions.iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("complaints/v{}.en.md", i + 1)),
            text,
        )
        .unwrap();
    }
    dir
}

fn findings(versions: &[String]) -> Vec<String> {
    findings_on(versions, date(2026, 3, 1))
}

/// What `davar check --as-of as_of` finds in `versions`.
fn findings_on(versions: &[String], as_of: jiff::civil::Date) -> Vec<String> {
    let dir = policies(versions);
    let (set, diagnostics) = load(dir.path()).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    davar_obligation::checks(&set, as_of, None)
        .iter()
        .map(|d| {
            format!(
                "{} {}:{} {}",
                d.code,
                d.file.file_name().unwrap().to_string_lossy(),
                d.line,
                d.message
            )
        })
        .collect()
}

#[test]
fn a_window_of_180_days_is_shorter_than_six_months() {
    let found = findings(&[version(
        1,
        "2026-01-01",
        "for at least 180 days",
        "180 days",
    )]);
    let block = found
        .iter()
        .find(|f| f.contains("obligation `appeal-window`"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert!(block.starts_with("compliance-dsa v1.en.md:"), "{block}");
    assert!(
        block.contains("under clause `appeals`") && block.contains("`at-least: 180 days`"),
        "{block}"
    );
    // The prose says 180 days too: the text requirement fails as well.
    assert!(
        found
            .iter()
            .any(|f| f.contains("open for at least six months")),
        "{found:#?}"
    );
}

#[test]
fn six_months_or_184_days_is_enough_in_block_and_prose() {
    for (prose, window) in [
        ("for at least six (6) months", "6 months"),
        ("for at least 184 days", "184 days"),
        ("for at least twelve months", "12 months"),
    ] {
        let found = findings(&[version(1, "2026-01-01", prose, window)]);
        assert!(found.is_empty(), "{prose}: {found:#?}");
    }
    let found = findings(&[version(
        1,
        "2026-01-01",
        "for at least 183 days",
        "183 days",
    )]);
    assert!(
        found.iter().any(|f| f.contains("`at-least: 183 days`")),
        "{found:#?}"
    );
}

#[test]
fn a_later_version_that_fixes_the_window_clears_the_one_in_force() {
    let short = version(1, "2026-01-01", "for at least 180 days", "180 days");
    let fixed = version(2, "2026-04-01", "for at least six months", "6 months");
    let found = findings(&[short.clone(), fixed]);
    assert!(found.is_empty(), "{found:#?}");
    // A later version that is still short does not.
    let still_short = version(2, "2026-04-01", "for at least 181 days", "181 days");
    let found = findings(&[short, still_short]);
    assert_eq!(
        found
            .iter()
            .filter(|f| f.contains("obligation `appeal-window`"))
            .count(),
        2,
        "{found:#?}"
    );
}

#[test]
fn working_months_are_refused_with_the_fix() {
    let found = findings(&[version(1, "2026-01-01", "for 6 months", "6 working months")]);
    let refused = found
        .iter()
        .find(|f| f.starts_with("obligation-block"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert!(
        refused.contains("there are no working months") && refused.contains("`6 months`"),
        "{refused}"
    );
}

#[test]
fn months_without_a_calendar_count_in_the_site_time_zone_across_its_clock_change() {
    let dir = policies(&[version(1, "2026-01-01", "for six months", "6 months")]);
    let site = SITE.replace(
        "binding_language: en\n",
        "binding_language: en\ntimezone: Europe/Berlin\n",
    );
    std::fs::write(dir.path().join("site.yaml"), site).unwrap();
    let (set, diagnostics) = load(dir.path()).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    // Noon in Berlin's summer time; six months later, the period ends with 28 February
    // (31 August has no date in February) in Berlin, on winter time: the end of that day is
    // 00:59:59 on 1 March in the offset the trigger was written in.
    let at = davar_obligation::instant::parse_instant("2026-08-31T12:00:00+02:00").unwrap();
    let report = davar_obligation::deadline_report::deadline_report(
        &set,
        &davar_obligation::Calendars::default(),
        "complaints",
        "appeal-window",
        &at,
        None,
        None,
    )
    .unwrap();
    assert_eq!(report.due, "2027-03-01T00:59:59+02:00");
    assert_eq!(report.limit.text, "6 months");
}

#[test]
fn a_window_written_within_promises_no_minimum_and_is_refused() {
    let text = version(1, "2026-01-01", "for at least six months", "6 months")
        .replace("at-least: 6 months", "within: 6 months");
    let found = findings(&[text]);
    assert!(
        found
            .iter()
            .any(|f| f.contains("obligation `appeal-window`") && f.contains("`within: 6 months`")),
        "{found:#?}"
    );
}

#[test]
fn a_fix_that_takes_effect_after_some_windows_closed_leaves_those_decisions_short() {
    let short = version(1, "2026-01-01", "for at least 180 days", "180 days");
    // Six months from 1 September: a decision of 3 March 2026 or earlier has its 180 days end
    // before 31 August, the day before the fix takes effect.
    let late_fix = version(2, "2026-09-01", "for at least six months", "6 months");
    let found = findings(&[short.clone(), late_fix.clone()]);
    let block = found
        .iter()
        .find(|f| f.contains("obligation `appeal-window`"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert!(block.starts_with("compliance-dsa v1.en.md:"), "{block}");
    assert!(
        block.contains("v2 (effective 2026-09-01)")
            && block.contains("from 2026-01-01 to 2026-03-03"),
        "{block}"
    );
    let prose = found
        .iter()
        .find(|f| f.contains("open for at least six months"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert!(prose.contains("from 2026-01-01 to 2026-03-03"), "{prose}");
    // Any date before the fix sees it, the last short decision's day included and later days
    // too (the decisions left short are in the past, not fixed).
    for as_of in [date(2026, 1, 1), date(2026, 3, 3), date(2026, 8, 31)] {
        let found = findings_on(&[short.clone(), late_fix.clone()], as_of);
        assert!(
            found
                .iter()
                .any(|f| f.contains("obligation `appeal-window`")),
            "{as_of}: {found:#?}"
        );
    }
    // From the fix's effective date the short version is no longer in force or upcoming.
    let found = findings_on(&[short.clone(), late_fix], date(2026, 9, 1));
    assert!(found.is_empty(), "{found:#?}");
    // A fix in force by the last day of the first decision's window covers every decision.
    let in_time = version(2, "2026-06-30", "for at least six months", "6 months");
    let found = findings(&[short, in_time]);
    assert!(found.is_empty(), "{found:#?}");
}
