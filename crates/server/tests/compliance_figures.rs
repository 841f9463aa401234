//! Transparency figures over histories built with the server's own record constructors (the
//! engine's record, a moderator's, an appeal lodged and decided): every figure is counted by the
//! instant of its event, so adjacent periods add up to the two together, the appeals pending at
//! the end of one period are those pending at the start of the next, and every identity the
//! report lists holds, on random histories and at period boundaries placed exactly on events.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use davar_moderation::{Field, Kind, Severity, Verdict};
use davar_server::Compiled;
use davar_server::compliance::Published;
use davar_server::compliance::appeal::{lodge, outcome};
use davar_server::compliance::appeal_audit::audit_appeals;
use davar_server::compliance::figures::{Figures, figures};
use davar_server::decision::build::{clause_ref, configured, policy_versions, ruleset_ref};
use davar_server::decision::review::{ModeratorDecision, ReviewAction, moderator_record};
use davar_server::decision::{
    Action, AutomatedDecision, CommentSnapshot, DecisionRecord, ENGINE, RecordedViolation, Stage,
    new_decision_id,
};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use crate::support;

/// Codes of the English review rule set, each with a Transparency Database category.
const CODES: [&str; 4] = [
    "contacts/phone",
    "contacts/email",
    "links/url",
    "prices/amount",
];

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Arc<Compiled>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        support::workspace_compiled(&support::sources_now()).expect("the workspace's sources")
    })
}

fn published() -> Published<'static> {
    let compiled = compiled();
    Published {
        policies: &compiled.policies,
        calendars: &compiled.calendars,
        engine: Some(&compiled.engine),
    }
}

/// The first instant of the histories.
fn t0() -> Timestamp {
    "2026-12-07T08:00:00Z".parse().unwrap()
}

fn at(seconds: i64) -> Timestamp {
    t0() + SignedDuration::from_secs(seconds)
}

/// The engine's record of an English review in which it found `codes` (`reject` severity
/// when `reject`, else `review`), decided at `when`.
fn engine(codes: &[&str], reject: bool, when: Timestamp) -> DecisionRecord {
    let compiled = compiled();
    let set = compiled
        .engine
        .rule_set_for(Kind::Review, "en")
        .expect("an English review rule set");
    let severity = if reject {
        Severity::Reject
    } else {
        Severity::Review
    };
    let violations = codes
        .iter()
        .map(|code| RecordedViolation {
            code: (*code).to_owned(),
            severity,
            field: Some(Field::Body),
            start: Some(0),
            end: Some(4),
            text: Some("text".to_owned()),
            message: configured(set, code)
                .unwrap_or_else(|| panic!("rule {code}"))
                .message
                .clone(),
            clause: clause_ref(compiled, set, code, "en", None),
            removes_content: false,
        })
        .collect();
    let id = new_decision_id();
    DecisionRecord {
        root: id.clone(),
        id,
        follows: None,
        stage: Stage::Engine,
        comment: CommentSnapshot {
            id: None,
            kind: Kind::Review,
            lang: "en".to_owned(),
            product: Some("p-1".to_owned()),
            author: None,
            title: Some("Title".to_owned()),
            body: "text of the review".to_owned(),
        },
        content_date: when,
        submitted_at: when,
        decided_at: when,
        verdict: if reject {
            Verdict::Reject
        } else {
            Verdict::Review
        },
        action: if reject {
            Action::Reject
        } else {
            Action::Queue
        },
        violations,
        omitted_violations: BTreeMap::new(),
        ruleset: ruleset_ref(set),
        policy_versions: policy_versions(compiled, "en"),
        decided_by: ENGINE.to_owned(),
        automated_decision: AutomatedDecision::Fully,
        automated_detection: true,
        note: None,
        fixed: None,
        edited: None,
        appeal_text: None,
        appeal_outcome: None,
    }
}

/// `moderator`'s decision on `item` at `when`: a rejection citing `codes`, or an approval.
fn decide(
    item: &DecisionRecord,
    moderator: &str,
    codes: &[&str],
    when: Timestamp,
) -> DecisionRecord {
    let decision = ModeratorDecision {
        action: if codes.is_empty() {
            ReviewAction::Approve
        } else {
            ReviewAction::Reject
        },
        codes: codes.iter().map(|c| (*c).to_owned()).collect(),
        note: None,
        title: None,
        body: None,
    };
    moderator_record(compiled(), item, moderator, &decision, None, when).expect("a valid decision")
}

/// The author's appeal against `target` (the last record of `chain`) at `when`.
fn appeal(chain: &[DecisionRecord], target: &DecisionRecord, when: Timestamp) -> DecisionRecord {
    lodge(
        &published(),
        chain,
        target,
        "Please look again.",
        target.policy_versions.clone(),
        when,
    )
    .expect("the appeal is taken")
}

/// The outcome of `lodged`, the appeal against `contested`, at `when`: reversed (approved) or
/// upheld (rejected again).
fn appeal_outcome(
    contested: &DecisionRecord,
    lodged: &DecisionRecord,
    reversed: bool,
    when: Timestamp,
) -> DecisionRecord {
    let mut codes: Vec<&str> = if reversed {
        Vec::new()
    } else {
        lodged.violations.iter().map(|v| v.code.as_str()).collect()
    };
    codes.dedup();
    outcome(decide(lodged, "omid", &codes, when), contested)
}

/// The figures of `[from, to)` of `history`, judged long after.
fn count(history: &[DecisionRecord], from: Timestamp, to: Timestamp) -> Figures {
    let now = at(400 * 86_400);
    figures(&published(), history, from, to, now)
}

fn assert_adds_up(f: &Figures) {
    assert_eq!(f.inconsistencies(), Vec::<String>::new(), "{f:#?}");
    assert!(f.checks.iter().all(|c| c.holds), "{:#?}", f.checks);
}

#[test]
fn an_appeal_lodged_in_one_period_and_decided_in_the_next_is_counted_in_each_by_its_event() {
    let rejected = engine(&["contacts/phone"], true, at(0));
    let lodged = appeal(std::slice::from_ref(&rejected), &rejected, at(86_400));
    let reversed = appeal_outcome(&rejected, &lodged, true, at(3 * 86_400));
    let history = vec![rejected, lodged.clone(), reversed.clone()];

    // The boundary falls exactly on the outcome: it belongs to the second period.
    let boundary = reversed.decided_at;
    let first = count(&history, at(0), boundary);
    let second = count(&history, boundary, at(30 * 86_400));
    let both = count(&history, at(0), at(30 * 86_400));
    for f in [&first, &second, &both] {
        assert_adds_up(f);
    }
    let a = &first.appeals;
    assert_eq!(
        (a.pending_at_start, a.received, a.decided, a.pending),
        (0, 1, 0, 1),
        "{a:?}"
    );
    assert_eq!(first.records["appeal"].get("approve"), None);
    let b = &second.appeals;
    assert_eq!(
        (
            b.pending_at_start,
            b.received,
            b.decided,
            b.reversed,
            b.pending
        ),
        (1, 0, 1, 1, 0),
        "{b:?}"
    );
    assert_eq!(second.records["appeal"]["approve"], 1);
    assert_eq!(second.records["appeal"].get("queue"), None);
    // The appeal was decided within the promised time: met, counted where it was decided.
    assert_eq!(b.deadlines["met"], 1, "{b:?}");
    assert_eq!(a.deadlines["open"], 1, "{a:?}");
    let ab = &both.appeals;
    assert_eq!(
        (ab.pending_at_start, ab.received, ab.decided, ab.pending),
        (0, 1, 1, 0)
    );

    // A boundary exactly on the appeal's receipt: lodged in the later period.
    let split = lodged.decided_at;
    let before = count(&history, at(0), split);
    let after = count(&history, split, at(30 * 86_400));
    assert_eq!(before.appeals.received, 0);
    assert_eq!(before.restrictions.total, 1);
    assert_eq!(after.appeals.received, 1);
    assert_eq!(after.restrictions.total, 0);
}

#[test]
fn every_code_of_a_restriction_is_counted_and_the_codes_reconcile_with_the_restrictions() {
    let queued = engine(&["contacts/phone", "links/url"], false, at(0));
    let by_sara = decide(&queued, "sara", &["contacts/phone", "links/url"], at(600));
    let single = engine(&["contacts/phone"], true, at(900));
    let history = vec![queued, by_sara, single];
    let f = count(&history, at(0), at(86_400));
    assert_adds_up(&f);
    let r = &f.restrictions;
    assert_eq!(r.total, 2);
    assert_eq!(r.by_code["contacts/phone"], 2, "{r:?}");
    assert_eq!(r.by_code["links/url"], 1, "{r:?}");
    assert_eq!(r.code_citations, 3);
    assert_eq!(r.by_codes_cited["1"], 1);
    assert_eq!(r.by_codes_cited["2"], 1);
    // The checks can fail: a code counted once too often breaks them.
    let mut broken = f.clone();
    *broken.restrictions.by_code.get_mut("links/url").unwrap() += 1;
    assert!(!broken.inconsistencies().is_empty());
    let mut broken = f.clone();
    broken.appeals.pending_at_start += 1;
    assert!(
        broken
            .inconsistencies()
            .iter()
            .any(|c| c.contains("pending at the start")),
        "{:?}",
        broken.inconsistencies()
    );
}

#[test]
fn the_audit_leaves_out_appeals_lodged_after_its_instant() {
    let rejected = engine(&["contacts/phone"], true, at(0));
    let lodged = appeal(std::slice::from_ref(&rejected), &rejected, at(86_400));
    let history = vec![rejected, lodged.clone()];
    let published = published();
    assert!(audit_appeals(&published, &history, at(86_399)).is_empty());
    assert_eq!(
        audit_appeals(&published, &history, lodged.decided_at).len(),
        1
    );
}

/// One comment's path through the log, in seconds after [`t0`].
#[derive(Debug, Clone)]
struct Path {
    submitted: i64,
    /// Indexes into [`CODES`] (at least one).
    codes: Vec<usize>,
    /// `None`: the engine rejects; `Some((delay, decision))`: it queues, and a moderator
    /// decides after `delay` (rejecting when `Some(true)`), or nobody does (`None`).
    review: Option<(i64, Option<bool>)>,
    /// An appeal of the rejection after a delay, decided (reversed or not) after a further one.
    appeal: Option<(i64, Option<(i64, bool)>)>,
}

fn path() -> impl Strategy<Value = Path> {
    let day = 86_400i64;
    (
        0..20 * day,
        proptest::sample::subsequence((0..CODES.len()).collect::<Vec<_>>(), 1..=3),
        proptest::option::of((1..3 * day, proptest::option::of(any::<bool>()))),
        proptest::option::of((
            1..5 * day,
            proptest::option::of((1..20 * day, any::<bool>())),
        )),
    )
        .prop_map(|(submitted, codes, review, appeal)| Path {
            submitted,
            codes,
            review,
            appeal,
        })
}

fn history_of(paths: &[Path]) -> Vec<DecisionRecord> {
    let mut history = Vec::new();
    for p in paths {
        let codes: Vec<&str> = p.codes.iter().map(|i| CODES[*i]).collect();
        let first = engine(&codes, p.review.is_none(), at(p.submitted));
        let mut chain = vec![first.clone()];
        let mut last = first;
        let mut when = p.submitted;
        if let Some((delay, Some(reject))) = p.review {
            when += delay;
            let cited: &[&str] = if reject { &codes } else { &[] };
            last = decide(&last, "sara", cited, at(when));
            chain.push(last.clone());
        }
        if last.action == Action::Reject
            && let Some((delay, decided)) = p.appeal
        {
            when += delay;
            let lodged = appeal(&chain, &last, at(when));
            chain.push(lodged.clone());
            if let Some((delay, reversed)) = decided {
                when += delay;
                chain.push(appeal_outcome(&last, &lodged, reversed, at(when)));
            }
        }
        history.extend(chain);
    }
    history.sort_by(|a, b| (a.decided_at, &a.id).cmp(&(b.decided_at, &b.id)));
    history
}

/// A boundary: `seconds` after [`t0`], or (`snap`) the instant of the event nearest to it.
fn boundary(history: &[DecisionRecord], seconds: i64, snap: bool) -> Timestamp {
    let plain = at(seconds);
    if !snap {
        return plain;
    }
    history
        .iter()
        .map(|r| r.decided_at)
        .min_by_key(|t| t.duration_since(plain).abs())
        .unwrap_or(plain)
}

fn sum_maps(a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    let mut out = a.clone();
    for (k, n) in b {
        *out.entry(k.clone()).or_default() += n;
    }
    out.retain(|_, n| *n > 0);
    out
}

fn nonzero(a: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    a.iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (k.clone(), *n))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn adjacent_periods_add_up_to_the_two_together(
        paths in proptest::collection::vec(path(), 1..10),
        cut in 0i64..60 * 86_400,
        snap in any::<bool>(),
        start in 0i64..10 * 86_400,
        start_snap in any::<bool>(),
    ) {
        let history = history_of(&paths);
        let end = at(90 * 86_400);
        let start = boundary(&history, start, start_snap);
        let middle = boundary(&history, cut, snap).max(start).min(end);
        let first = count(&history, start, middle);
        let second = count(&history, middle, end);
        let both = count(&history, start, end);
        for f in [&first, &second, &both] {
            prop_assert!(f.inconsistencies().is_empty(), "{:#?}", f);
        }
        prop_assert_eq!(first.appeals.pending, second.appeals.pending_at_start);
        prop_assert_eq!(first.appeals.pending_at_start, both.appeals.pending_at_start);
        prop_assert_eq!(second.appeals.pending, both.appeals.pending);
        prop_assert_eq!(
            first.appeals.received + second.appeals.received,
            both.appeals.received
        );
        prop_assert_eq!(
            first.appeals.decided + second.appeals.decided,
            both.appeals.decided
        );
        prop_assert_eq!(
            first.appeals.reversed + second.appeals.reversed,
            both.appeals.reversed
        );
        prop_assert_eq!(first.records_total + second.records_total, both.records_total);
        let r = (&first.restrictions, &second.restrictions, &both.restrictions);
        prop_assert_eq!(r.0.total + r.1.total, r.2.total);
        prop_assert_eq!(sum_maps(&r.0.by_code, &r.1.by_code), nonzero(&r.2.by_code));
        prop_assert_eq!(
            sum_maps(&r.0.by_category, &r.1.by_category),
            nonzero(&r.2.by_category)
        );
        prop_assert_eq!(first.queue.decided + second.queue.decided, both.queue.decided);
        prop_assert_eq!(first.queue.queued + second.queue.queued, both.queue.queued);
        prop_assert_eq!(first.queue.pending, second.queue.pending_at_start);
        prop_assert_eq!(first.queue.pending_at_start, both.queue.pending_at_start);
        // Every rejection in the history is a restriction of exactly one period; every appeal
        // received and every code cited likewise.
        let rejections = history
            .iter()
            .filter(|x| x.action == Action::Reject && x.stage != Stage::Appeal
                && x.decided_at >= start && x.decided_at < end)
            .count() as u64;
        prop_assert_eq!(both.restrictions.total, rejections);
    }
}

#[test]
fn an_appeal_upheld_on_a_code_only_a_moderator_cited_is_not_said_to_confirm_the_engine() {
    use davar_server::compliance::statement;
    // The engine queued a phone number; Sara rejected the review for a price it never found.
    let queued = engine(&["contacts/phone"], false, at(0));
    let by_sara = decide(&queued, "sara", &["prices/amount"], at(60));
    assert_eq!(by_sara.automated_decision, AutomatedDecision::NotAutomated);
    let chain = vec![queued.clone(), by_sara.clone()];
    let lodged = appeal(&chain, &by_sara, at(120));
    let upheld = appeal_outcome(&by_sara, &lodged, false, at(180));
    assert_eq!(upheld.stage, Stage::Appeal);
    assert_eq!(upheld.automated_decision, AutomatedDecision::NotAutomated);
    let chain = vec![queued, by_sara, lodged, upheld.clone()];
    let s = statement(&published(), &chain, &upheld.id).expect("a statement");
    assert_eq!(s.automated_decision, AutomatedDecision::NotAutomated);
    assert!(
        !s.text.iter().any(|p| p.contains("a moderator reviewed it")),
        "{:#?}",
        s.text
    );

    // Upheld on what the engine found itself: the decision confirms it.
    let rejected = engine(&["contacts/phone"], true, at(0));
    let lodged = appeal(std::slice::from_ref(&rejected), &rejected, at(60));
    let upheld = appeal_outcome(&rejected, &lodged, false, at(120));
    assert_eq!(upheld.automated_decision, AutomatedDecision::Partially);
}

#[test]
fn a_rejection_a_moderator_reversed_or_replaced_says_so_and_offers_no_appeal() {
    use davar_server::compliance::statement;
    use davar_server::compliance::statement::StandingStatus;
    let rejected = engine(&["contacts/phone"], true, at(0));
    let offered = statement(&published(), std::slice::from_ref(&rejected), &rejected.id)
        .expect("a statement");
    assert!(offered.redress.appeal.is_some());
    assert!(offered.standing.is_none());

    // A moderator published it after all.
    let approved = decide(&rejected, "sara", &[], at(3_600));
    let chain = vec![rejected.clone(), approved.clone()];
    let s = statement(&published(), &chain, &rejected.id).expect("a statement");
    let standing = s.standing.as_ref().expect("where it stands");
    assert_eq!(standing.status, StandingStatus::Lifted);
    assert_eq!(standing.decision_id, approved.id);
    assert!(standing.appeal_received_at.is_none());
    assert!(s.redress.appeal.is_none(), "{s:#?}");
    assert_eq!(
        s.subject,
        "The decision not to publish your review was reversed"
    );
    assert!(
        s.text[1].contains("a moderator reversed this decision"),
        "{:#?}",
        s.text
    );
    assert!(!s.text.iter().any(|p| p.contains("You can appeal")));

    // A moderator replaced it with a rejection on other grounds: that one is to be appealed.
    let replaced = decide(&rejected, "sara", &["prices/amount"], at(3_600));
    let chain = vec![rejected.clone(), replaced.clone()];
    let s = statement(&published(), &chain, &rejected.id).expect("a statement");
    assert_eq!(
        s.standing.as_ref().map(|x| x.status),
        Some(StandingStatus::Replaced)
    );
    assert!(s.redress.appeal.is_none());
    assert!(s.text[1].contains(&replaced.id), "{:#?}", s.text);
    let current = statement(&published(), &chain, &replaced.id).expect("a statement");
    assert!(current.redress.appeal.is_some(), "{current:#?}");
}

/// A record decided at `decided` under dispute-policy `version`.
fn under(version: u32, decided: Timestamp) -> DecisionRecord {
    let mut record = engine(&["contacts/phone"], true, decided);
    record
        .policy_versions
        .insert("dispute-policy".to_owned(), version);
    record
}

/// Lodges an appeal against `record` `days` days after its decision, under `published`.
fn lodge_after(
    published: &Published<'_>,
    record: &DecisionRecord,
    days: i64,
) -> Result<DecisionRecord, davar_server::compliance::appeal::AppealRefusal> {
    lodge(
        published,
        std::slice::from_ref(record),
        record,
        "Please look again.",
        record.policy_versions.clone(),
        record.decided_at + SignedDuration::from_hours(24 * days),
    )
}

/// Where the window closes, as the refusal names it, for an appeal `days` after the decision.
fn closed_at(published: &Published<'_>, record: &DecisionRecord, days: i64) -> String {
    use davar_server::compliance::appeal::AppealRefusal;
    match lodge_after(published, record, days) {
        Err(AppealRefusal::WindowClosed { until, .. }) => until,
        other => panic!("day {days}: {other:?}"),
    }
}

#[test]
fn the_appeal_window_of_a_six_month_version_closes_six_calendar_months_after_the_decision() {
    use davar_server::compliance::statement;
    // Dispute policy v4 keeps appeals open for six calendar months: from 1 July, 184 days.
    let v4 = under(4, "2027-07-01T10:00:00Z".parse().unwrap());
    let taken = lodge_after(&published(), &v4, 182).expect("day 182 is within six months");
    assert_eq!(taken.follows.as_deref(), Some(v4.id.as_str()));
    // Six months from 1 July (10:00 UTC, 13:30 in Tehran) end with 1 January in Tehran, at
    // its last second (Regulation 1182/71 Art. 3(2)(c)); 1 January 2028 is a Saturday, so the
    // window runs to the end of Monday 3 January (Art. 3(4)).
    assert!(lodge_after(&published(), &v4, 186).is_ok());
    assert_eq!(
        closed_at(&published(), &v4, 187),
        "2028-01-03T23:59:59+03:30"
    );
    let s = statement(&published(), std::slice::from_ref(&v4), &v4.id).expect("a statement");
    let route = s.redress.appeal.expect("the appeal is offered");
    assert_eq!(
        (route.version, route.window.as_str()),
        (4, "at-least: 6 months")
    );
    assert_eq!(
        route.open_until.as_deref(),
        Some("2028-01-03T23:59:59+03:30")
    );
    assert_eq!(route.time_zone.as_deref(), Some("Asia/Tehran"));
    // The text names the same instant with its time zone.
    assert!(
        s.text
            .iter()
            .any(|p| p.contains("3 January 2028 23:59:59 (Asia/Tehran, UTC+03:30)")),
        "{:#?}",
        s.text
    );
}

#[test]
fn a_shorter_window_recorded_with_the_decision_is_extended_to_the_legal_minimum_under_dsa() {
    use davar_server::compliance::statement;
    // v1 to v3 promise 180 days; the site's profiles for the dispute policy include `dsa`, so
    // appeals stay open six calendar months whatever version the decision was taken under.
    for version in [1, 2, 3] {
        // Decided in June 2026: day 182 is 2 December 2026.
        let june = under(version, "2026-06-03T10:00:00Z".parse().unwrap());
        assert!(lodge_after(&published(), &june, 182).is_ok(), "v{version}");
        assert_eq!(
            closed_at(&published(), &june, 184),
            "2026-12-03T23:59:59+03:30",
            "v{version}"
        );
        // Recorded with a decision taken after v4 took effect: the law's minimum sets the end.
        let decided = under(version, "2027-07-01T10:00:00Z".parse().unwrap());
        assert!(
            lodge_after(&published(), &decided, 186).is_ok(),
            "v{version}"
        );
        assert_eq!(
            closed_at(&published(), &decided, 187),
            "2028-01-03T23:59:59+03:30",
            "v{version}"
        );
        let s = statement(&published(), std::slice::from_ref(&decided), &decided.id)
            .expect("a statement");
        let route = s.redress.appeal.expect("the appeal is offered");
        assert_eq!(route.version, version);
        assert_eq!(route.window, "at-least: 6 months (DSA Art. 20(1))");
        assert_eq!(
            route.open_until.as_deref(),
            Some("2028-01-03T23:59:59+03:30")
        );
    }
}

/// The time to decide an appeal comes from the dispute policy's version whose window applies to
/// the decision (a later version when appeals would be received under it); versions 1 and 2
/// state none, and the statement says so instead of leaving it out.
#[test]
fn a_decision_under_a_version_stating_no_time_to_decide_appeals_says_so() {
    use davar_server::compliance::statement;
    for (lang, words) in [
        ("en", "Version 1 of our dispute policy"),
        ("fa", "نسخهٔ ۱ سیاست"),
        ("fr", "La version 1 de notre politique"),
        ("de", "Version 1 unserer Beschwerderichtlinie"),
    ] {
        // Decided in July 2025: the window closes in January 2026, under version 1.
        let mut v1 = under(1, "2025-07-01T10:00:00Z".parse().unwrap());
        v1.comment.lang = lang.to_owned();
        let s = statement(&published(), std::slice::from_ref(&v1), &v1.id).unwrap();
        let route = s.redress.appeal.expect("the appeal is offered");
        assert_eq!(route.version, 1, "{route:?}");
        assert_eq!(route.decided_within, None);
        assert!(
            route
                .decided_within_note
                .as_deref()
                .is_some_and(|n| n.starts_with("dispute-policy v1 states no time")),
            "{route:?}"
        );
        assert!(
            s.text
                .iter()
                .any(|p| p.contains(words) && p.contains(&route.url)),
            "{lang}: {:#?}",
            s.text
        );
    }
    // Decided under version 1 in June 2026: appeals received after 2 December come under
    // version 4, which keeps them open longest and promises ten working days.
    let june = under(1, "2026-06-03T10:00:00Z".parse().unwrap());
    let s = statement(&published(), std::slice::from_ref(&june), &june.id).unwrap();
    let route = s.redress.appeal.expect("the appeal is offered");
    assert_eq!(
        (route.version, route.decided_within.as_deref()),
        (4, Some("within: 10 working days"))
    );
    // Version 3 promises ten working days too; decided the day before version 4 took effect,
    // the window and the promise are version 4's.
    let v3 = under(3, "2026-12-01T10:00:00Z".parse().unwrap());
    let s = statement(&published(), std::slice::from_ref(&v3), &v3.id).unwrap();
    let route = s.redress.appeal.expect("the appeal is offered");
    assert_eq!(
        route.decided_within.as_deref(),
        Some("within: 10 working days")
    );
    assert!(
        route
            .decided_within_url
            .as_deref()
            .is_some_and(|u| u.ends_with("/dispute-policy/v4/#appeal-decision")),
        "{route:?}"
    );
    assert_eq!(route.decided_within_note, None);
    assert!(
        s.text.iter().any(|p| p.contains("within 10 working days")),
        "{:#?}",
        s.text
    );
}

/// A window in calendar days or months that ends on a Saturday, a Sunday or a public holiday of
/// the dispute policy's calendar runs to the end of the next working day (Regulation 1182/71
/// Art. 3(4)); one ending on a working day ends as counted.
#[test]
fn an_appeal_window_ending_on_a_holiday_or_weekend_ends_with_the_next_working_day() {
    use davar_server::compliance::statement;
    // Six months from 23 June 2026 end on Wednesday 23 December, the Birthday of Imam Ali in
    // the `ir` calendar: the window closes with Thursday 24 December.
    let holiday = under(1, "2026-06-23T10:00:00Z".parse().unwrap());
    assert!(lodge_after(&published(), &holiday, 184).is_ok());
    assert_eq!(
        closed_at(&published(), &holiday, 185),
        "2026-12-24T23:59:59+03:30"
    );
    let s = statement(&published(), std::slice::from_ref(&holiday), &holiday.id).unwrap();
    assert_eq!(
        s.redress.appeal.unwrap().open_until.as_deref(),
        Some("2026-12-24T23:59:59+03:30")
    );
    // Six months from 22 June end on Tuesday 22 December, a working day.
    let working = under(1, "2026-06-22T10:00:00Z".parse().unwrap());
    assert_eq!(
        closed_at(&published(), &working, 184),
        "2026-12-22T23:59:59+03:30"
    );
}

#[test]
fn without_dsa_the_window_is_the_longest_of_the_versions_in_force_at_decision_and_at_receipt() {
    let compiled = compiled();
    let mut policies = compiled.policies.clone();
    policies.site.compliance.clear();
    let plain = Published {
        policies: &policies,
        calendars: &compiled.calendars,
        engine: Some(&compiled.engine),
    };
    // Decided under v3 (180 days) after v4 took effect: 180 days, no more.
    let late = under(3, "2027-07-01T10:00:00Z".parse().unwrap());
    assert!(lodge_after(&plain, &late, 180).is_ok());
    assert_eq!(closed_at(&plain, &late, 181), "2027-12-28T23:59:59+03:30");
    // Decided under v3 before v4 took effect on 2026-12-02: an appeal received under v4 has
    // v4's six months from the decision.
    let early = under(3, "2026-11-20T10:00:00Z".parse().unwrap());
    assert!(lodge_after(&plain, &early, 181).is_ok());
    assert_eq!(closed_at(&plain, &early, 182), "2027-05-20T23:59:59+03:30");
    let s = davar_server::compliance::statement(&plain, std::slice::from_ref(&early), &early.id)
        .expect("a statement");
    let route = s.redress.appeal.expect("the appeal is offered");
    assert_eq!(
        (route.version, route.window.as_str()),
        (4, "at-least: 6 months")
    );
    assert!(
        route.url.ends_with("/dispute-policy/v4/#appeals"),
        "{}",
        route.url
    );
    assert_eq!(
        route.open_until.as_deref(),
        Some("2027-05-20T23:59:59+03:30")
    );
}

#[test]
fn an_appeal_reversed_with_edits_shows_the_changes_and_the_clauses_in_every_language() {
    use davar_server::compliance::statement::{self, StatementKind};
    for (lang, header, removed) in [
        (
            "en",
            "What we changed:",
            "“text” was removed from the text.",
        ),
        (
            "fr",
            "Ce que nous avons modifié :",
            "« text » a été retiré du texte.",
        ),
        (
            "de",
            "Was wir geändert haben:",
            "„text“ wurde aus dem Text entfernt.",
        ),
        ("fa", "آنچه تغییر دادیم:", "«text» از متن حذف شد."),
    ] {
        // The engine rejected "text" (characters 0-4 of the body) as a phone number.
        let mut rejected = engine(&["contacts/phone"], true, at(0));
        rejected.comment.lang = lang.to_owned();
        let lodged = appeal(std::slice::from_ref(&rejected), &rejected, at(60));
        let edit = ModeratorDecision {
            action: ReviewAction::EditApprove,
            codes: Vec::new(),
            note: None,
            title: None,
            body: Some("of the review".to_owned()),
        };
        let edited = davar_server::decision::TextFields {
            title: Some("Title".to_owned()),
            body: "of the review".to_owned(),
        };
        let decided = moderator_record(compiled(), &lodged, "omid", &edit, Some(edited), at(120))
            .expect("a valid edit");
        let reversed = outcome(decided, &rejected);
        let chain = vec![rejected.clone(), lodged, reversed.clone()];
        let s = statement::statement(&published(), &chain, &reversed.id).expect("a statement");
        assert_eq!(s.kind, StatementKind::AppealReversed);
        assert_eq!(s.changes.len(), 1, "{:#?}", s.changes);
        let change = &s.changes[0];
        assert_eq!(
            (change.field, change.start, change.end),
            (Field::Body, 0, 5)
        );
        assert_eq!(
            (change.removed.as_str(), change.inserted.as_str()),
            ("text ", "")
        );
        // The clause the edit applies: the one the contested decision cited.
        assert_eq!(s.facts.len(), 1, "{:#?}", s.facts);
        assert_eq!(s.facts[0].code, "contacts/phone");
        let ground = s.grounds.first().expect("a clause");
        let url = ground.url.as_deref().expect("its URL");
        assert!(url.contains("/terms/v") && url.contains('#'), "{url}");
        assert!(s.text.iter().any(|p| p == header), "{lang}: {:#?}", s.text);
        assert!(s.text.iter().any(|p| p == removed), "{lang}: {:#?}", s.text);
        assert!(
            s.text.iter().any(|p| p.contains(url)),
            "{lang}: the clause is cited: {:#?}",
            s.text
        );
        // An outcome is not a new restriction in the Transparency Database export.
        assert!(!davar_server::compliance::sor::exportable(&reversed));
    }
}

/// Periods in days and months end with the last instant of their last day (Regulation
/// 1182/71 Art. 3(2)(b)/(c)), and the statement, the lodging of an appeal, the audit and the
/// report agree on it: the last second of the last day is within, the first second of the
/// next day is not.
#[test]
fn windows_and_deadlines_end_with_their_last_day_for_statement_lodging_audit_and_report() {
    use davar_server::compliance::appeal::AppealRefusal;
    use davar_server::compliance::appeal_audit::AppealStatus;
    use davar_server::compliance::published::{APPEAL_DECIDED, APPEAL_RECEIVED};
    use davar_server::compliance::statement;
    let published = published();
    let tehran = |text: &str| text.parse::<jiff::Zoned>().unwrap().timestamp();
    // Rejected on Monday 7 December 2026 at 11:30 in Tehran: six months end with 7 June 2027.
    let rejected = engine(&["contacts/phone"], true, at(0));
    let s = statement(&published, std::slice::from_ref(&rejected), &rejected.id).unwrap();
    let route = s.redress.appeal.expect("the appeal is offered");
    assert_eq!(
        route.open_until.as_deref(),
        Some("2027-06-07T23:59:59+03:30")
    );
    assert!(
        s.text.iter().any(|p| p.contains("7 June 2027 23:59:59")),
        "{:#?}",
        s.text
    );
    let lodge_at = |when: Timestamp| {
        lodge(
            &published,
            std::slice::from_ref(&rejected),
            &rejected,
            "Please look again.",
            rejected.policy_versions.clone(),
            when,
        )
    };
    let last_second = tehran("2027-06-07T23:59:59.5+03:30[Asia/Tehran]");
    assert!(lodge_at(last_second).is_ok(), "the last second is within");
    match lodge_at(tehran("2027-06-08T00:00:00+03:30[Asia/Tehran]")) {
        Err(AppealRefusal::WindowClosed { until, .. }) => {
            assert_eq!(until, "2027-06-07T23:59:59+03:30");
        }
        other => panic!("the next day is past the window: {other:?}"),
    }

    // The appeal is decided within ten working days of its receipt (dispute policy v4): the
    // deadline is the end of the tenth working day, in the audit and in the report alike.
    let lodged = appeal(std::slice::from_ref(&rejected), &rejected, at(86_400));
    let promise = published
        .promise(
            APPEAL_RECEIVED,
            APPEAL_DECIDED,
            "en",
            &lodged.policy_versions,
            lodged.decided_at,
        )
        .expect("the dispute policy promises a time to decide");
    let due = published.due(&promise, lodged.decided_at).unwrap();
    assert_eq!(
        due.time(),
        jiff::civil::time(23, 59, 59, 999_999_999),
        "{due}"
    );
    let due = due.timestamp();
    for (decided, status, key) in [
        (
            due - SignedDuration::from_millis(500),
            AppealStatus::Met,
            "met",
        ),
        (
            due + SignedDuration::from_nanos(1),
            AppealStatus::Breached,
            "breached",
        ),
    ] {
        let outcome = appeal_outcome(&rejected, &lodged, true, decided);
        let history = vec![rejected.clone(), lodged.clone(), outcome];
        let audited = audit_appeals(
            &published,
            &history,
            decided + SignedDuration::from_hours(1),
        );
        assert_eq!(audited.len(), 1);
        assert_eq!(
            audited[0].status, status,
            "decided at {decided}: {audited:#?}"
        );
        let f = count(&history, at(0), decided + SignedDuration::from_hours(1));
        assert_adds_up(&f);
        assert_eq!(f.appeals.deadlines.get(key), Some(&1), "{:?}", f.appeals);
    }
    // Undecided: open through the last second, breached from the next day's first.
    let history = vec![rejected.clone(), lodged.clone()];
    let open = audit_appeals(&published, &history, due - SignedDuration::from_millis(500));
    assert_eq!(open[0].status, AppealStatus::Open, "{open:#?}");
    let late = audit_appeals(&published, &history, due + SignedDuration::from_nanos(1));
    assert_eq!(late[0].status, AppealStatus::Breached, "{late:#?}");
    assert_eq!(
        count(&history, at(0), due + SignedDuration::from_nanos(1))
            .appeals
            .deadlines
            .get("breached"),
        Some(&1)
    );
}

#[test]
fn the_human_report_gives_a_wait_under_a_minute_in_seconds() {
    let queued = engine(&["contacts/phone"], false, at(0));
    let decided = decide(&queued, "sara", &["contacts/phone"], at(40));
    let f = count(&[queued, decided], at(0), at(86_400));
    assert_eq!(f.queue.median_seconds, Some(40));
    let text = davar_server::compliance::figures_page::human(&f);
    assert!(text.contains("median 40s, 95th percentile 40s"), "{text}");
}

/// An appeal whose promised time runs past the last day of the working-day calendar gets the
/// status `calendar-ends` (not the neutral `no-deadline`), with a note naming the calendar's
/// file, its last day and the fix, in the audit and in the report.
#[test]
fn an_appeal_deadline_past_the_calendars_end_is_calendar_ends() {
    use davar_server::compliance::appeal_audit::AppealStatus;
    let published = published();
    // The `ir` calendar lists holidays until 2027-03-20; ten working days from 15 March run
    // past it.
    let when: Timestamp = "2027-03-14T08:00:00Z".parse().unwrap();
    let rejected = engine(&["contacts/phone"], true, when);
    let lodged = appeal(
        std::slice::from_ref(&rejected),
        &rejected,
        when + SignedDuration::from_hours(24),
    );
    let history = vec![rejected, lodged.clone()];
    let now = lodged.decided_at + SignedDuration::from_hours(1);
    let audited = audit_appeals(&published, &history, now);
    assert_eq!(
        audited[0].status,
        AppealStatus::CalendarEnds,
        "{audited:#?}"
    );
    let note = audited[0].note.as_deref().unwrap_or_default();
    assert!(
        note.contains("rules/calendars/ir.yaml")
            && note.contains("2027-03-20")
            && note.contains("extend the calendar"),
        "{note}"
    );
    let f = figures(&published, &history, when, now, now);
    assert_adds_up(&f);
    assert_eq!(
        f.appeals.deadlines.get("calendar-ends"),
        Some(&1),
        "{:?}",
        f.appeals
    );
    assert_eq!(f.appeals.deadlines.get("no-deadline"), Some(&0));
    assert!(
        f.notes.iter().any(|n| n.contains("ir.yaml")),
        "{:?}",
        f.notes
    );
}

/// `moderator`'s edit of `item` at `when` publishing `body` (the rest as it was).
fn edit(item: &DecisionRecord, moderator: &str, body: &str, when: Timestamp) -> DecisionRecord {
    let decision = ModeratorDecision {
        action: ReviewAction::EditApprove,
        codes: Vec::new(),
        note: None,
        title: None,
        body: Some(body.to_owned()),
    };
    let edited = davar_server::decision::TextFields {
        title: item.comment.title.clone(),
        body: body.to_owned(),
    };
    moderator_record(compiled(), item, moderator, &decision, Some(edited), when)
        .expect("a valid edit")
}

/// The report's restrictions are the records the export sends (rejections and publications
/// with parts removed), and its appeals upheld and reversed are the audit's: an edit upheld by
/// publishing the same text again, an edit lifted by `approve`, a rejection upheld and one
/// reversed; also over a period that starts after the contested decisions, with the engine's
/// records before it left out as `davar report` leaves them out.
#[test]
fn the_report_counts_edits_as_restrictions_and_reads_appeal_outcomes_as_the_audit_does() {
    use davar_server::compliance::appeal_audit::Outcome;
    use davar_server::compliance::sor::exportable;
    let kept = "of the review";
    let queued_1 = engine(&["links/url"], false, at(0));
    let edited_1 = edit(&queued_1, "sara", kept, at(60));
    let lodged_1 = appeal(&[queued_1.clone(), edited_1.clone()], &edited_1, at(3_600));
    let upheld_1 = outcome(edit(&lodged_1, "omid", kept, at(7_200)), &edited_1);
    let queued_2 = engine(&["links/url"], false, at(10));
    let edited_2 = edit(&queued_2, "sara", kept, at(70));
    let lodged_2 = appeal(&[queued_2.clone(), edited_2.clone()], &edited_2, at(3_610));
    let reversed_2 = outcome(decide(&lodged_2, "omid", &[], at(7_210)), &edited_2);
    let rejected_3 = engine(&["contacts/phone"], true, at(20));
    let lodged_3 = appeal(std::slice::from_ref(&rejected_3), &rejected_3, at(3_620));
    let upheld_3 = appeal_outcome(&rejected_3, &lodged_3, false, at(7_220));
    let rejected_4 = engine(&["contacts/phone"], true, at(30));
    let lodged_4 = appeal(std::slice::from_ref(&rejected_4), &rejected_4, at(3_630));
    let reversed_4 = appeal_outcome(&rejected_4, &lodged_4, true, at(7_230));
    let history = vec![
        queued_1, edited_1, lodged_1, upheld_1, queued_2, edited_2, lodged_2, reversed_2,
        rejected_3, lodged_3, upheld_3, rejected_4, lodged_4, reversed_4,
    ];
    let end = at(86_400);
    let audited = audit_appeals(&published(), &history, end);
    let audit_count = |o: Outcome| audited.iter().filter(|a| a.outcome == Some(o)).count() as u64;
    assert_eq!(
        (audit_count(Outcome::Upheld), audit_count(Outcome::Reversed)),
        (2, 2),
        "{audited:#?}"
    );

    let f = count(&history, at(0), end);
    assert_adds_up(&f);
    let exported = history
        .iter()
        .filter(|r| r.decided_at < end && exportable(r))
        .count() as u64;
    assert_eq!(exported, 4);
    let r = &f.restrictions;
    assert_eq!((r.total, r.parts_removed), (exported, 2), "{r:#?}");
    assert_eq!(r.by_code["links/url"], 2, "{r:#?}");
    assert_eq!(r.by_automated_decision["not-automated"], 2, "{r:#?}");
    assert_eq!(r.by_kind["review"], 4, "{r:#?}");
    assert_eq!(
        (f.appeals.upheld, f.appeals.reversed),
        (audit_count(Outcome::Upheld), audit_count(Outcome::Reversed)),
        "{:#?}",
        f.appeals
    );

    // From after the contested decisions: the engine's records before the period are not
    // read, the moderators' edits are.
    let from = at(3_000);
    let later: Vec<DecisionRecord> = history
        .iter()
        .filter(|r| r.decided_at >= from || r.stage != Stage::Engine || r.action == Action::Queue)
        .cloned()
        .collect();
    let g = count(&later, from, end);
    assert_adds_up(&g);
    assert_eq!(g.restrictions.total, 0);
    assert_eq!(
        (g.appeals.upheld, g.appeals.reversed),
        (2, 2),
        "{:#?}",
        g.appeals
    );
}
