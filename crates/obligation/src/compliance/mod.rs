//! `compliance-*`: per-document profiles from `site.yaml` (`compliance: { terms: [dsa, p2b] }`).
//! `compliance-dsa` and `compliance-p2b` are errors naming the provision they implement;
//! `compliance-consumer-eu` warns when a version effective on or after 2025-07-20 still points to
//! the closed EU ODR platform. See [`requirements`] for the evidence per language.

pub mod appeal_window;
mod evidence;
mod mediators;
mod readable;
pub mod requirements;

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::{Date, date};
use regex::{Regex, RegexBuilder};

use self::requirements::{
    AppliesTo, Evidence, MEDIATION_WORDS, ODR_PLATFORM, REQUIREMENTS, Requirement, WINDOW_ANCHOR,
};
use super::codes;
use super::duration::Duration;
use super::numerals::ascii_digit;
use super::prose::{find_durations, find_periods};
use davar_policy::diagnostic::{Diagnostic, line_col};
use davar_policy::model::{Audience, Document, PolicySet, PolicyVersion};
use davar_policy::yaml::{self, Step};

/// The profiles `site.yaml` may name.
pub const PROFILES: &[&str] = &["dsa", "p2b", "consumer-eu"];

/// The day the EU ODR platform closed.
pub fn odr_closed() -> Date {
    date(2025, 7, 20)
}

/// Runs the profiles configured in `site.yaml` on every version in force or upcoming on `as_of`.
/// A version followed by a source that could not be read is not judged: the unread version may
/// be the one in force.
pub fn check(set: &PolicySet, as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let site = &set.site;
    let site_text = set.source_of(&site.path).unwrap_or_default();
    // Where the parser found a key or value of `compliance:` in site.yaml.
    let at = |found: Option<yaml::Position>| found.map_or((0, 0), |p| (p.line, p.column));
    for (doc_id, profiles) in &site.compliance {
        let entry = [Step::Key("compliance"), Step::Key(doc_id)];
        let (line, column) = at(yaml::key_position(site_text, &entry));
        let Some(doc) = set.document(doc_id) else {
            out.push(
                Diagnostic::error(
                    codes::COMPLIANCE,
                    &site.path,
                    line,
                    column,
                    format!("compliance: no document `{doc_id}` in the policies"),
                )
                .with_width(doc_id.chars().count()),
            );
            continue;
        };
        for (index, profile) in profiles.iter().enumerate() {
            if !PROFILES.contains(&profile.as_str()) {
                let element = [entry[0], entry[1], Step::Index(index)];
                let (line, column) = at(yaml::value_position(site_text, &element));
                out.push(
                    Diagnostic::error(
                        codes::COMPLIANCE,
                        &site.path,
                        line,
                        column,
                        format!(
                            "unknown compliance profile `{profile}` for `{doc_id}`; known profiles: {}",
                            PROFILES.join(", ")
                        ),
                    )
                    .with_width(profile.chars().count()),
                );
                continue;
            }
            for version in current_versions(doc, as_of) {
                if set.later_unreadable(&doc.id, &version.lang, version.version) {
                    continue;
                }
                check_profile(profile, doc, version, &mut out);
            }
        }
    }
    out
}

/// Versions in force on `as_of` and every later one, in every language.
fn current_versions(doc: &Document, as_of: Date) -> Vec<&PolicyVersion> {
    let mut out = Vec::new();
    for lang in doc.languages() {
        if let Some(v) = doc.in_force(lang, as_of) {
            out.push(v);
        }
        out.extend(doc.versions_in(lang).filter(|v| v.effective > as_of));
    }
    out
}

/// The versions of `doc` in the language of `version` published after it.
fn successors<'a>(doc: &'a Document, version: &'a PolicyVersion) -> Vec<&'a PolicyVersion> {
    doc.versions_in(&version.lang)
        .filter(|v| v.version > version.version)
        .collect()
}

fn check_profile(
    profile: &str,
    doc: &Document,
    version: &PolicyVersion,
    out: &mut Vec<Diagnostic>,
) {
    if profile == "consumer-eu" {
        consumer_eu(version, out);
        return;
    }
    if profile == "dsa" {
        appeal_window_length(doc, version, out);
    }
    let parts = evidence::parts(version);
    let code = codes::compliance_code(profile);
    let later = successors(doc, version);
    for req in REQUIREMENTS.iter().filter(|r| r.profile == profile) {
        if !applies(req, version) {
            continue;
        }
        let Some(found) = met(&req.evidence, version, &parts) else {
            continue;
        };
        // A published version cannot be edited: a later version that meets the requirement is
        // the fix, and the earlier one stays in force only until that one takes effect. For
        // the appeal window that is enough only when every decision taken under this version
        // can still be appealed when the fix takes effect.
        let meets = |v: &PolicyVersion| met(&req.evidence, v, &evidence::parts(v)) == Some(true);
        let (fixed_later, short_for) = match req.evidence {
            Evidence::SixMonths
            | Evidence::Unless {
                evidence: Evidence::SixMonths,
                ..
            } => match uncovered(doc, version, |v| meets(v)) {
                None => (true, None),
                Some(gap) => (false, Some(gap)),
            },
            _ => (later.iter().any(|v| meets(v)), None),
        };
        if !found && !fixed_later {
            let mut message = format!(
                "{}: the {} (v{}, {}) must {}",
                req.cite, version.doc_type, version.version, version.lang, req.what
            );
            if let Some(gap) = short_for {
                message.push_str(&gap.describe());
            }
            if let Some(sentence) = contradicting(&req.evidence, &version.lang, &parts) {
                message.push_str(&format!(
                    "; the text says the opposite: \"{}\"",
                    shortened(sentence)
                ));
            }
            out.push(
                Diagnostic::error(code, &version.path, 0, 0, message)
                    .with_help(help(&req.evidence, &version.lang)),
            );
        }
    }
}

/// Decisions a short appeal window leaves without six months: those taken under `version` from
/// `from` to `to` (every one while it is in force, when no later version fixes the window).
#[derive(Debug, Clone)]
struct WindowGap {
    /// The later version that keeps appeals open six months, if one is published.
    fix: Option<(u32, Date)>,
    /// The first day of the decisions left short (the version's effective date).
    from: Date,
    /// The last such day, when a fix takes effect.
    to: Option<Date>,
}

impl WindowGap {
    fn describe(&self) -> String {
        match (self.fix, self.to) {
            (Some((number, effective)), Some(to)) => format!(
                "; v{number} (effective {effective}) keeps appeals open long enough, but the window of a decision taken from {} to {to} under this version closes before v{number} takes effect",
                self.from
            ),
            _ => String::new(),
        }
    }
}

/// The last day of the shortest appeal window `version`'s blocks promise for a decision taken
/// on `day` (a `within:` window, or none, promises nothing beyond the day itself), in calendar
/// days: working days count at least as many days, hours count whole days.
fn window_closes(version: &PolicyVersion, day: Date) -> Date {
    let shortest = |d: &Duration| -> Option<Date> {
        let low = match d {
            Duration::Range { low, .. } => low.as_ref(),
            single => single,
        };
        let span = match low {
            Duration::Months(n) => jiff::Span::new().try_months(i64::from(*n)).ok()?,
            Duration::Days(n) | Duration::WorkingDays(n) => {
                jiff::Span::new().try_days(i64::from(*n)).ok()?
            }
            Duration::Hours(n) | Duration::WorkingHours(n) => {
                jiff::Span::new().try_days(i64::from(*n / 24)).ok()?
            }
            Duration::Range { .. } => return None,
        };
        day.checked_add(span).ok()
    };
    crate::extract::version_obligations(version)
        .0
        .iter()
        .filter(|o| {
            o.trigger == appeal_window::DECISION_NOTIFIED
                && o.action == appeal_window::APPEAL_CLOSED
        })
        .map(|o| match &o.limit {
            crate::block::Limit::AtLeast(d) => shortest(d).unwrap_or(day),
            crate::block::Limit::Within(_) => day,
        })
        .min()
        .unwrap_or(day)
}

/// The decisions `version`'s appeal window leaves short, `None` when a later version that
/// `fixes` it covers them all. A published version cannot change, so the fix is a later
/// version; it covers a decision taken under `version` when the decision's window under
/// `version` lasts at least until the day before the fix takes effect (from then on an appeal
/// is handled under the fix, whose window counts from the decision). Decisions taken before
/// the fix whose window closes earlier were left short, whatever the date the check runs on.
fn uncovered(
    doc: &Document,
    version: &PolicyVersion,
    fixes: impl Fn(&PolicyVersion) -> bool,
) -> Option<WindowGap> {
    let fix = successors(doc, version)
        .into_iter()
        .filter(|v| fixes(v))
        .min_by_key(|v| (v.effective, v.version));
    let Some(fix) = fix else {
        return Some(WindowGap {
            fix: None,
            from: version.effective,
            to: None,
        });
    };
    let reach = fix.effective.yesterday().unwrap_or(fix.effective);
    let mut last = None;
    let mut day = version.effective;
    while day < fix.effective && window_closes(version, day) < reach {
        last = Some(day);
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    last.map(|to| WindowGap {
        fix: Some((fix.version, fix.effective)),
        from: version.effective,
        to: Some(to),
    })
}

/// DSA Art. 20(1) on the appeal window's obligation block: at least six months, unless a later
/// version states a window that long and takes effect before the window of any decision taken
/// under this one closes ([`uncovered`]).
fn appeal_window_length(doc: &Document, version: &PolicyVersion, out: &mut Vec<Diagnostic>) {
    let short = appeal_window::too_short(version);
    if short.is_empty() {
        return;
    }
    let Some(gap) = uncovered(doc, version, |v| {
        appeal_window::has_window(v) && appeal_window::too_short(v).is_empty()
    }) else {
        return;
    };
    for ob in short {
        out.push(
            Diagnostic::error(
                codes::compliance_code("dsa"),
                &version.path,
                ob.line,
                1,
                format!(
                    "DSA Art. 20(1): obligation `{}` under clause `{}` of the {} (v{}, {}) keeps appeals open for `{}`; complaints against a decision must stay open for at least six months (six calendar months last up to {} days)",
                    ob.id,
                    ob.clause,
                    version.doc_type,
                    version.version,
                    version.lang,
                    ob.limit,
                    appeal_window::SIX_MONTHS_DAYS
                ) + &gap.describe(),
            )
            .with_help(
                "write `at-least: 6 months` (or at least 184 days) and say the same in the clause's text; a published version cannot change, so publish a new version",
            ),
        );
    }
}

/// Whether `evidence` is found in the clauses `parts` of `version`; `None` when it has nothing
/// to look for in the version's language.
fn met(evidence: &Evidence, version: &PolicyVersion, parts: &[evidence::Part]) -> Option<bool> {
    let lang = version.lang.as_str();
    match evidence {
        Evidence::Keywords(table) => {
            let (_, groups) = table.iter().find(|(l, _)| *l == lang)?;
            Some(evidence::keywords_met(parts, lang, groups, regex))
        }
        Evidence::Unless {
            evidence: inner, ..
        } => {
            let found = met(inner, version, parts)?;
            Some(
                found
                    && !contraries(evidence, lang)
                        .iter()
                        .any(|c| evidence::contradicted(parts, lang, c)),
            )
        }
        Evidence::AnyOf(all) => {
            let results: Vec<bool> = all.iter().filter_map(|e| met(e, version, parts)).collect();
            (!results.is_empty()).then(|| results.contains(&true))
        }
        Evidence::Period { days, topic } => {
            let (_, pattern) = topic.iter().find(|(l, _)| *l == lang)?;
            Some(evidence::period_about(parts, lang, *days, regex(pattern)))
        }
        Evidence::Conditioned {
            topic,
            grounds,
            conditions,
        } => {
            let (_, pattern) = topic.iter().find(|(l, _)| *l == lang)?;
            let (_, named) = grounds.iter().find(|(l, _)| *l == lang)?;
            Some(evidence::on_condition(
                parts,
                lang,
                regex(pattern),
                regex(named),
                *conditions,
            ))
        }
        Evidence::SixMonths => Some(parts.iter().any(|part| appeal_window_prose(&part.prose))),
        Evidence::TwoMediators => Some(mediators::two_named(version)),
    }
}

/// Characters of a quoted sentence shown in a message.
const QUOTED_CHARS: usize = 200;

/// `sentence`, cut after [`QUOTED_CHARS`] characters with an ellipsis.
fn shortened(sentence: &str) -> String {
    if sentence.chars().count() <= QUOTED_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(QUOTED_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// The contrary statements of an `Unless` requirement in `lang`, or of every `Unless` among
/// the alternatives of an `AnyOf` (none for other evidence).
fn contraries(unless: &Evidence, lang: &str) -> Vec<evidence::Contrary<'static>> {
    if let Evidence::AnyOf(all) = unless {
        return all.iter().flat_map(|e| contraries(e, lang)).collect();
    }
    let Evidence::Unless {
        evidence,
        contrary,
        topic,
        excused,
        granted,
        ..
    } = unless
    else {
        return Vec::new();
    };
    let of_lang = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| regex(t))
    };
    contrary
        .iter()
        .filter(|o| o.lang == lang)
        .map(|o| {
            let (polarity, says) = evidence::polarity(o.says);
            evidence::Contrary {
                pattern: regex(says),
                denied: polarity == Some(true),
                with: o.with.iter().map(|w| regex(w)).collect(),
                shorter: o.shorter,
                topic: of_lang(topic),
                excused: of_lang(excused),
                granted: of_lang(granted),
                enough: match evidence {
                    Evidence::Period { days, .. } => Some(evidence::Length::Days(*days)),
                    Evidence::SixMonths => Some(evidence::Length::SixMonths),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The sentence of `version` that says the opposite of an `Unless` requirement, if one does.
fn contradicting<'p>(
    unless: &Evidence,
    lang: &str,
    parts: &'p [evidence::Part],
) -> Option<&'p str> {
    contraries(unless, lang)
        .iter()
        .find_map(|c| evidence::contradiction(parts, lang, c))
}

fn applies(req: &Requirement, v: &PolicyVersion) -> bool {
    let complaints = v.doc_type == "Complaints Policy";
    match req.applies {
        AppliesTo::ComplaintsPolicy => complaints,
        AppliesTo::Terms => !complaints,
        AppliesTo::SellerTerms => !complaints && v.audience.contains(&Audience::Sellers),
    }
}

/// What the text must say for `evidence` to be met, in words: each pattern shown as the
/// phrases it matches ([`readable::phrases`]).
fn help(evidence: &Evidence, lang: &str) -> String {
    let show = |g: &str| match evidence::polarity(g) {
        (Some(true), denied) => format!("a denial of {}", readable::phrases(denied)),
        (_, g) => readable::phrases(g),
    };
    match evidence {
        Evidence::Keywords(table) => match table.iter().find(|(l, _)| *l == lang) {
            Some((_, groups)) => format!(
                "say it in the text; the check looks for {}",
                groups
                    .iter()
                    .map(|g| show(g))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            None => "say it in the text".into(),
        },
        Evidence::AnyOf(all) => all
            .iter()
            .map(|e| help(e, lang))
            .collect::<Vec<_>>()
            .join("; or "),
        Evidence::Period { days, topic } => match topic.iter().find(|(l, _)| *l == lang) {
            Some((_, pattern)) => format!(
                "state a period of at least {days} days in a clause that mentions {}",
                readable::phrases(pattern)
            ),
            None => format!("state a period of at least {days} days"),
        },
        Evidence::Conditioned {
            topic, conditions, ..
        } => match (topic.iter().find(|(l, _)| *l == lang), conditions) {
            (Some((_, pattern)), true) => format!(
                "state on what conditions (if …, where …), against whom (\"a seller who …\") or for what cause (\"for repeated late shipments\") a sentence that mentions {} applies",
                readable::phrases(pattern)
            ),
            (Some((_, pattern)), false) => format!(
                "name the grounds on which a sentence that mentions {} applies",
                readable::phrases(pattern)
            ),
            (None, _) => "state the conditions".into(),
        },
        Evidence::SixMonths => "state the appeal window as at least 6 months or 184 days after the decision is notified".into(),
        Evidence::TwoMediators => {
            "name at least two mediators under a clause about mediation (as list items, \"two mediators: …\", or by name in a sentence that designates them), or link the list of mediators in a sentence about them".into()
        }
        Evidence::Unless {
            evidence, examples, ..
        } => format!(
            "{}; and do not say the opposite in a sentence without a condition ({examples})",
            help(evidence, lang)
        ),
    }
}

/// Lowercase text with every digit as ASCII and Arabic letter variants folded to Persian.
fn searchable(text: &str) -> String {
    text.chars().flat_map(folded).collect()
}

/// One character as [`searchable`] reads it.
fn folded(c: char) -> std::char::ToLowercase {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        c => ascii_digit(c).unwrap_or(c),
    }
    .to_lowercase()
}

/// `text` as [`searchable`] reads it, with the byte offset in `text` of every byte of the
/// result and of its end: a place found in the searchable text is a place in `text` (a
/// Persian digit is two bytes there and one here).
fn searchable_mapped(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        for lower in folded(c) {
            out.push(lower);
            offsets.extend(std::iter::repeat_n(at, lower.len_utf8()));
        }
    }
    offsets.push(text.len());
    (out, offsets)
}

/// Words that say the EU ODR platform is gone.
const ODR_CLOSED: &str = r"closed|no longer|replaced|fermée|supprimée|remplacée|eingestellt|geschlossen|ersetzt|تعطیل|جایگزین|دیگر در دسترس";

/// Every pattern of the requirements and of this module.
fn all_patterns() -> Vec<&'static str> {
    fn walk(evidence: &Evidence, out: &mut Vec<&'static str>) {
        match evidence {
            Evidence::Keywords(table) => {
                for (_, groups) in *table {
                    out.extend(groups.iter().map(|g| evidence::polarity(g).1));
                }
            }
            Evidence::AnyOf(all) => all.iter().for_each(|e| walk(e, out)),
            Evidence::Period { topic, .. } => out.extend(topic.iter().map(|(_, p)| *p)),
            Evidence::Conditioned { topic, grounds, .. } => {
                out.extend(topic.iter().chain(grounds.iter()).map(|(_, p)| *p))
            }
            Evidence::Unless {
                evidence,
                contrary,
                topic,
                excused,
                granted,
                ..
            } => {
                walk(evidence, out);
                for o in *contrary {
                    out.push(evidence::polarity(o.says).1);
                    out.extend(o.with.iter().copied());
                }
                out.extend(
                    topic
                        .iter()
                        .chain(excused.iter())
                        .chain(granted.iter())
                        .map(|(_, p)| *p),
                );
            }
            Evidence::SixMonths | Evidence::TwoMediators => {}
        }
    }
    let mut patterns = vec![MEDIATION_WORDS, ODR_PLATFORM, ODR_CLOSED, WINDOW_ANCHOR];
    for req in REQUIREMENTS {
        walk(&req.evidence, &mut patterns);
    }
    patterns
}

/// Every pattern of the requirements and of this module, compiled once per process.
static COMPILED: LazyLock<HashMap<&'static str, Regex>> = LazyLock::new(|| {
    all_patterns()
        .into_iter()
        .filter_map(|p| {
            RegexBuilder::new(p)
                .case_insensitive(true)
                .build()
                .ok()
                .map(|re| (p, re))
        })
        .collect()
});

/// The compiled form of one of the patterns above (case-insensitive). The patterns are
/// constants of this crate, each compiled once; one that does not compile (caught by the tests
/// below) or is unknown matches nothing.
fn regex(pattern: &str) -> &'static Regex {
    static NOTHING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("$^").expect("the empty-match regex is valid"));
    COMPILED.get(pattern).unwrap_or(&NOTHING)
}

/// A length of time of at least six calendar months in any form the prose reader knows:
/// `6 months` or more, or a period of at least 184 days (the longest six months last).
fn six_months(text: &str) -> bool {
    find_durations(text)
        .iter()
        .any(|d| matches!(d.duration.deadline(), Duration::Months(n) if *n >= 6))
        || find_periods(text)
            .iter()
            .any(|p| p.days >= appeal_window::SIX_MONTHS_DAYS)
}

/// Whether `text` states an appeal window of at least six months: a clause of a sentence
/// (between `.`, `;`, `,` and the like) that names the decision, its notification or the
/// appeal and states six months or more ("you can appeal for six months after we notify you
/// of a decision"). "Six months" about something else ("within six months of the order
/// date", "a complaint made six months late") is not the window.
fn appeal_window_prose(text: &str) -> bool {
    let anchor = regex(WINDOW_ANCHOR);
    text.split(['.', ';', ',', '!', '?', '\n', '؛', '،', '؟', ':'])
        .any(|clause| anchor.is_match(clause) && six_months(clause))
}

fn consumer_eu(version: &PolicyVersion, out: &mut Vec<Diagnostic>) {
    if version.effective < odr_closed() {
        return;
    }
    let odr = regex(ODR_PLATFORM);
    let closed = regex(ODR_CLOSED);
    let body = version.body();
    let offset = version.source.len() - body.len();
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let text = searchable(line);
        if let Some(m) = odr.find(&text)
            && !closed.is_match(&text)
        {
            let (l, _) = line_col(&version.source, offset + line_start);
            out.push(
                Diagnostic::warning(
                    codes::compliance_code("consumer-eu"),
                    &version.path,
                    l,
                    0,
                    format!(
                        "Regulation (EU) 2024/3228: this version takes effect on {} but points to the EU ODR platform (\"{}\"), closed since 2025-07-20",
                        version.effective,
                        m.as_str()
                    ),
                )
                .with_help("point consumers to certified out-of-court (ADR) bodies instead"),
            );
        }
        line_start += line.len();
    }
}

#[cfg(test)]
mod tests {
    use super::requirements::*;
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let patterns = all_patterns();
        assert!(patterns.len() > 40, "{}", patterns.len());
        for p in patterns {
            assert!(RegexBuilder::new(p).build().is_ok(), "{p}");
            assert!(COMPILED.contains_key(p), "{p} is not compiled once");
        }
    }

    #[test]
    fn the_appeal_window_is_the_length_tied_to_the_decision() {
        let window = |t: &str| appeal_window_prose(&searchable(t));
        assert!(window(
            "You can appeal for at least six months after we notify you of the decision."
        ));
        assert!(!window(
            "You can complain for 14 days after we notify you of a decision; a complaint made at least six months late is rejected."
        ));
        assert!(!window(
            "Complaints must be lodged within six months of the order date, and no later than 14 days after we notify you of a decision."
        ));
        assert!(window("می‌توانید تا ۶ ماه پس از اعلام تصمیم اعتراض کنید."));
    }

    #[test]
    fn mediation_names_an_out_of_court_route_and_immediately_does_not() {
        let route = REQUIREMENTS
            .iter()
            .find(|r| r.cite == "DSA Art. 21")
            .map(|r| match r.evidence {
                Evidence::Keywords(table) => table[0].1[0],
                _ => unreachable!("Art. 21 is keyword evidence"),
            })
            .expect("the Art. 21 requirement");
        let met = |text: &str| evidence::mentioned(&searchable(text), "en", route, regex);
        assert!(met("Sellers may ask for mediation before two mediators."));
        assert!(!met("We answer immediately."));
        assert!(!met("There is no mediation."));
    }

    #[test]
    fn six_months_accepts_months_and_days_in_every_script() {
        assert!(six_months(&searchable("for at least 6 months")));
        assert!(six_months(&searchable("pendant six mois")));
        assert!(six_months(&searchable("تا ۶ ماه")));
        assert!(six_months(&searchable("sechs Monate lang")));
        assert!(six_months(&searchable("tot ۱۸۴ روز")));
        assert!(six_months(&searchable("for 184 days")));
        assert!(six_months(&searchable("for one year")));
        // Six calendar months last up to 184 days: 180 days or 26 weeks can be shorter.
        assert!(!six_months(&searchable("for 180 days")));
        assert!(!six_months(&searchable("for 26 weeks")));
        assert!(!six_months(&searchable("for 3 months or 90 days")));
    }
}
