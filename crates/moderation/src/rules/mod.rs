//! The rule registry: one rule per file under `rules/<family>/<name>.rs`, named after what it
//! flags. Each rule's doc comment is its documentation, exposed through [`catalog`].

use std::sync::LazyLock;

use crate::context::{Ctx, Fields, Hit};
use crate::error::StoreError;
use crate::model::Severity;
use crate::prefilter::Prefilter;
use crate::ruleset::Params;
use crate::store::QuestionStore;

/// Declares a rule struct whose doc comment becomes its catalog documentation.
macro_rules! declare_rule {
    // `removes_content` when the rule states it, else `false`.
    (@or_false) => { false };
    (@or_false $value:literal) => { $value };
    (
        $(#[doc = $doc:literal])*
        code: $code:literal, severity: $sev:ident, fixable: $fix:literal,
        $(removes_content: $removes:literal,)? params: [$($param:literal),*],
        $vis:vis struct $name:ident $body:tt
    ) => {
        $(#[doc = $doc])*
        $vis struct $name $body
        impl $name {
            /// Catalog entry of this rule.
            pub(crate) const DEF: $crate::rules::RuleDef = $crate::rules::RuleDef {
                code: $code,
                severity: $crate::model::Severity::$sev,
                fixable: $fix,
                removes_content: declare_rule!(@or_false $($removes)?),
                doc: concat!($($doc, "\n"),*),
                params: &[$($param),*],
                build: |p| $name::build(p).map(|r| Box::new(r) as Box<dyn $crate::rules::Rule>),
            };
        }
    };
}

pub(crate) mod conduct;
pub(crate) mod contacts;
pub(crate) mod links;
pub(crate) mod placement;
pub(crate) mod prices;
pub(crate) mod qa;
pub(crate) mod review;
pub(crate) mod script;
pub(crate) mod style;

/// A checker built from a rule set's parameters.
///
/// A rule states what a field must contain for it to possibly fire ([`Rule::prefilter`]);
/// the engine calls [`Rule::check`] only with the fields where that holds.
pub(crate) trait Rule: Send + Sync {
    /// What must be present in a field for the rule to possibly fire on it. It must be sound:
    /// whenever the rule would fire on a field, its prefilter holds there (the differential
    /// test checks it). Called once, when the engine is built.
    fn prefilter(&self) -> Prefilter;

    /// Appends a hit for every place the rule fires in `fields`: the fields of the comment
    /// where its prefilter holds (at least one). A rule that judges the comment as a whole
    /// reads both fields from `cx`.
    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>);

    /// Like `check`, for rules that consult the question store.
    fn check_with_store(
        &self,
        cx: &Ctx<'_>,
        fields: Fields<'_, '_>,
        _store: &dyn QuestionStore,
        out: &mut Vec<Hit>,
    ) -> Result<(), StoreError> {
        self.check(cx, fields, out);
        Ok(())
    }

    /// Called once the verdict is known (`qa/duplicate` removes a rejected question here).
    /// `verdict` is the comment's fate: a `reject` the rule set queues for a moderator
    /// (`queue_rejects`) comes as `Review`.
    fn after_verdict(
        &self,
        _cx: &Ctx<'_>,
        _store: &dyn QuestionStore,
        _verdict: crate::model::Verdict,
        _fired: bool,
    ) -> Result<(), StoreError> {
        Ok(())
    }
}

/// How a rule is registered: code, defaults, documentation and constructor.
pub(crate) struct RuleDef {
    pub code: &'static str,
    pub severity: Severity,
    pub fixable: bool,
    /// Whether the rule's repair takes content out of the comment (words, emoji: what the
    /// author meant), rather than changing only its form. A rule set may say otherwise per rule.
    pub removes_content: bool,
    /// Raw doc-comment text (each line starts with the space after `///`).
    pub doc: &'static str,
    pub params: &'static [&'static str],
    pub build: fn(&Params<'_>) -> Result<Box<dyn Rule>, String>,
}

/// Every rule, in catalog order.
pub(crate) static DEFINITIONS: &[RuleDef] = &[
    links::url::Url::DEF,
    links::obfuscated::Obfuscated::DEF,
    links::own_site::OwnSite::DEF,
    contacts::email::Email::DEF,
    contacts::phone::Phone::DEF,
    contacts::social::Social::DEF,
    contacts::bank::Bank::DEF,
    prices::amount::Amount::DEF,
    prices::question::PriceQuestion::DEF,
    prices::comment::PriceComment::DEF,
    script::latin::Latin::DEF,
    script::arabic_letters::ArabicLetters::DEF,
    script::bidi_control::BidiControl::DEF,
    style::kashida::Kashida::DEF,
    style::repeated_letters::RepeatedLetters::DEF,
    style::repeated_words::RepeatedWords::DEF,
    style::whitespace::Whitespace::DEF,
    style::emoji::Emoji::DEF,
    style::punctuation::Punctuation::DEF,
    style::colloquial::Colloquial::DEF,
    style::half_space::HalfSpace::DEF,
    placement::question::Question::DEF,
    placement::other_store::OtherStore::DEF,
    conduct::profanity::Profanity::DEF,
    conduct::addressing::Addressing::DEF,
    conduct::site_criticism::SiteCriticism::DEF,
    qa::too_long::TooLong::DEF,
    qa::duplicate::Duplicate::DEF,
    review::missing_title::MissingTitle::DEF,
    review::exaggeration::Exaggeration::DEF,
    review::rumour::Rumour::DEF,
    review::off_topic::OffTopic::DEF,
];

/// The registered definition of `code`.
pub(crate) fn definition(code: &str) -> Option<&'static RuleDef> {
    DEFINITIONS.iter().find(|d| d.code == code)
}

/// A rule in the catalog, as `davar rules` and `davar explain` show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable code, `family/name`.
    pub code: &'static str,
    /// Default severity (rule sets may override it).
    pub severity: Severity,
    /// Whether the engine can repair what it flags.
    pub fixable: bool,
    /// Whether its repair removes content (default; rule sets may override it): a comment
    /// published with such a repair is published with parts removed, a restriction with a
    /// statement of reasons and an appeal. A repair of form only (spacing, letter forms,
    /// repeated characters) is not.
    pub removes_content: bool,
    /// The rule's documentation (Markdown).
    pub doc: &'static str,
}

static DOCS: LazyLock<Vec<String>> = LazyLock::new(|| {
    DEFINITIONS
        .iter()
        .map(|d| {
            d.doc
                .lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_owned()
        })
        .collect()
});

static CATALOG: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
    DEFINITIONS
        .iter()
        .zip(DOCS.iter())
        .map(|(d, doc)| RuleInfo {
            code: d.code,
            severity: d.severity,
            fixable: d.fixable,
            removes_content: d.removes_content,
            doc: doc.as_str(),
        })
        .collect()
});

/// Every rule code with its default severity, fixability, whether its repair removes content,
/// and documentation.
pub fn catalog() -> &'static [RuleInfo] {
    &CATALOG
}

/// Commonly used by rule files.
pub(crate) mod prelude {
    pub(crate) use crate::context::{Ctx, FieldText, Fields, Hit};
    pub(crate) use crate::prefilter::{Classes, Prefilter};
    pub(crate) use crate::rules::Rule;
    pub(crate) use crate::ruleset::Params;
}
