//! Every code `davar check` reports, in one table: the policy checks of this crate, the
//! obligation checks of `davar-obligation` and the rule-set checks of the compile pipeline.
//! Each entry carries a one-line summary and its documentation (`codes/<code>.md`: what it
//! flags, why it matters, an example, the fix), which `davar explain CODE` prints. The fixture
//! tests iterate over [`CODES`]: every code has an invalid fixture in
//! `tests/fixtures/invalid/<code>/`.

/// One check code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckCode {
    /// The code, e.g. `front-matter`.
    pub code: &'static str,
    /// What it checks, in one line.
    pub summary: &'static str,
    /// Its documentation, in Markdown.
    pub doc: &'static str,
}

/// YAML syntax, missing or unknown keys, bad dates, file name not matching the front matter.
pub const FRONT_MATTER: &str = "front-matter";
/// Versions not consecutive, or an effective date not later than the previous version's.
pub const VERSION_ORDER: &str = "version-order";
/// A substantive change that takes effect sooner than its audience's notice period.
pub const NOTICE_PERIOD: &str = "notice-period";
/// A clause id used twice in one version.
pub const DUPLICATE_CLAUSE: &str = "duplicate-clause";
/// Headings without `{#clause-id}`, whose ids are derived from their text (a hint).
pub const CLAUSE_ID: &str = "clause-id";
/// An `@doc#clause` (or `#clause`) link, or a rule's `clause:`, that does not resolve.
pub const BROKEN_LINK: &str = "broken-link";
/// A control character (a NUL byte, U+000B, a C1 control of text read in the wrong encoding) in
/// a policy text.
pub const CONTROL_CHARACTER: &str = "control-character";
/// Publishing-tool leftovers: `[email protected]`, `TODO`, `lorem ipsum`, `XXX`, `{{…}}`.
pub const PLACEHOLDER: &str = "placeholder";
/// A paragraph announcing a list with a colon, followed by no list.
pub const EMPTY_LIST: &str = "empty-list";
/// A brand from `foreign_brands` in `site.yaml`.
pub const FOREIGN_BRAND: &str = "foreign-brand";
/// A company name or web address that is not the marketplace's nor a listed third party.
pub const UNKNOWN_BRAND: &str = "unknown-brand";
/// Languages of one document disagree on versions, dates, clause ids, list items or links to
/// other documents.
pub const TRANSLATION_MISMATCH: &str = "translation-mismatch";
/// A substantive version whose words are those of the version before.
pub const NO_OP_VERSION: &str = "no-op-version";
/// The text states an effective date other than the front matter's.
pub const DATE_MISMATCH: &str = "date-mismatch";
/// A version whose text is in another language than its `lang:`.
pub const LANGUAGE_MISMATCH: &str = "language-mismatch";
/// A Persian verb prefix glued to its verb without a half-space.
pub const HALF_SPACE: &str = "half-space";
/// A malformed line of `accepted-findings.txt`, or an accepted finding that no longer occurs.
pub const ACCEPTED_FINDINGS: &str = "accepted-findings";
/// An obligation block that cannot be read, a duplicate id, or working time without a calendar.
pub const OBLIGATION_BLOCK: &str = "obligation-block";
/// Clause prose and its obligation blocks state different durations.
pub const DURATION_MISMATCH: &str = "duration-mismatch";
/// The languages of one document version declare different obligations.
pub const OBLIGATION_MISMATCH: &str = "obligation-mismatch";
/// The text of a version recorded in `policy.lock` changed.
pub const LOCKED_VERSION_CHANGED: &str = "locked-version-changed";
/// An unknown `calendar:` id, a calendar that does not parse, or one that runs out soon.
pub const CALENDAR: &str = "calendar";
/// A bad `compliance:` entry in `site.yaml`.
pub const COMPLIANCE: &str = "compliance";
/// A statement the EU Digital Services Act requires is missing.
pub const COMPLIANCE_DSA: &str = "compliance-dsa";
/// A statement the EU platform-to-business regulation requires is missing.
pub const COMPLIANCE_P2B: &str = "compliance-p2b";
/// A consumer-law reference that no longer holds (the closed EU ODR platform).
pub const COMPLIANCE_CONSUMER_EU: &str = "compliance-consumer-eu";
/// A moderation rule set or lexicon that cannot be read or compiled.
pub const RULE_SET: &str = "rule-set";

/// The code of a compliance profile named in `site.yaml` (`compliance` for an unknown one).
pub fn compliance_code(profile: &str) -> &'static str {
    match profile {
        "dsa" => COMPLIANCE_DSA,
        "p2b" => COMPLIANCE_P2B,
        "consumer-eu" => COMPLIANCE_CONSUMER_EU,
        _ => COMPLIANCE,
    }
}

macro_rules! code {
    ($code:expr, $file:literal, $summary:literal) => {
        CheckCode {
            code: $code,
            summary: $summary,
            doc: include_str!($file),
        }
    };
}

/// Every check code, in the order `davar check` documents them.
pub const CODES: &[CheckCode] = &[
    code!(
        FRONT_MATTER,
        "front-matter.md",
        "every source file has valid front matter matching its file name"
    ),
    code!(
        VERSION_ORDER,
        "version-order.md",
        "versions are consecutive from 1 and each takes effect after the previous one"
    ),
    code!(
        NOTICE_PERIOD,
        "notice-period.md",
        "substantive changes give their audience the notice set in site.yaml"
    ),
    code!(
        DUPLICATE_CLAUSE,
        "duplicate-clause.md",
        "clause ids are unique within a version"
    ),
    code!(
        CLAUSE_ID,
        "clause-id.md",
        "headings without `{#id}` get ids derived from their text (a hint)"
    ),
    code!(
        BROKEN_LINK,
        "broken-link.md",
        "every `@doc#clause` and `#clause` link, and every clause a rule cites, resolves"
    ),
    code!(
        PLACEHOLDER,
        "placeholder.md",
        "no publishing-tool leftovers outside code"
    ),
    code!(
        CONTROL_CHARACTER,
        "control-character.md",
        "no control characters (NUL, U+000B, C1 controls of a wrong encoding) in a policy text"
    ),
    code!(
        EMPTY_LIST,
        "empty-list.md",
        "a paragraph announcing a list is followed by one"
    ),
    code!(
        FOREIGN_BRAND,
        "foreign-brand.md",
        "no brand from `foreign_brands` or the known marketplaces appears"
    ),
    code!(
        UNKNOWN_BRAND,
        "unknown-brand.md",
        "company names, e-mail domains and web addresses are the marketplace's or listed third parties"
    ),
    code!(
        TRANSLATION_MISMATCH,
        "translation-mismatch.md",
        "the languages of a document agree on versions, effective dates, clauses, list items and links"
    ),
    code!(
        NO_OP_VERSION,
        "no-op-version.md",
        "a version marked substantive changes some word of the version before"
    ),
    code!(
        DATE_MISMATCH,
        "date-mismatch.md",
        "an effective date stated in the text is the front matter's `effective`"
    ),
    code!(
        LANGUAGE_MISMATCH,
        "language-mismatch.md",
        "a version's text is written in the language its `lang:` declares"
    ),
    code!(
        HALF_SPACE,
        "half-space.md",
        "Persian verb prefixes are joined to the verb with a half-space"
    ),
    code!(
        OBLIGATION_BLOCK,
        "obligation-block.md",
        "every obligation block reads as a valid obligation"
    ),
    code!(
        DURATION_MISMATCH,
        "duration-mismatch.md",
        "a clause's prose states the durations of its obligation blocks"
    ),
    code!(
        OBLIGATION_MISMATCH,
        "obligation-mismatch.md",
        "the languages of a version declare the same obligations"
    ),
    code!(
        LOCKED_VERSION_CHANGED,
        "locked-version-changed.md",
        "versions recorded in policy.lock keep their text"
    ),
    code!(
        CALENDAR,
        "calendar.md",
        "calendars named in front matter exist, parse and cover the coming 90 days"
    ),
    code!(
        COMPLIANCE,
        "compliance.md",
        "`compliance:` in site.yaml names existing documents and known profiles"
    ),
    code!(
        COMPLIANCE_DSA,
        "compliance-dsa.md",
        "documents under the `dsa` profile make the statements the Digital Services Act requires"
    ),
    code!(
        COMPLIANCE_P2B,
        "compliance-p2b.md",
        "documents under the `p2b` profile make the statements the platform-to-business regulation requires"
    ),
    code!(
        COMPLIANCE_CONSUMER_EU,
        "compliance-consumer-eu.md",
        "documents under the `consumer-eu` profile no longer point to the closed EU ODR platform"
    ),
    code!(
        RULE_SET,
        "rule-set.md",
        "moderation rule sets and lexicons read and compile"
    ),
    code!(
        ACCEPTED_FINDINGS,
        "accepted-findings.md",
        "every line of accepted-findings.txt reads and still matches a finding"
    ),
];

/// The entry of `code`, if it is a check code.
pub fn lookup(code: &str) -> Option<&'static CheckCode> {
    CODES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented_with_a_title_and_a_fix() {
        for (i, entry) in CODES.iter().enumerate() {
            assert!(
                CODES[..i].iter().all(|c| c.code != entry.code),
                "`{}` listed twice",
                entry.code
            );
            assert!(
                entry.doc.starts_with(&format!("# {}\n", entry.code)),
                "{}: the doc starts with `# {}`",
                entry.code,
                entry.code
            );
            assert!(entry.doc.contains("## Fix"), "{}: no `## Fix`", entry.code);
        }
        assert_eq!(lookup("duration-mismatch").unwrap().code, DURATION_MISMATCH);
        assert!(lookup("contacts/phone").is_none());
    }
}
