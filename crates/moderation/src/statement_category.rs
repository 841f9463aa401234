//! The statement categories of the EU DSA Transparency Database (`category` of a statement of
//! reasons). A rule set maps each rule to one of them with `dsa_category:` (per rule, or once
//! for the whole set): which category a rule falls under is the legal team's choice, so it is
//! data, and only the spelling is checked here.

/// Every value the Transparency Database accepts as `category`.
pub const STATEMENT_CATEGORIES: &[&str] = &[
    "STATEMENT_CATEGORY_ANIMAL_WELFARE",
    "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
    "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
    "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
    "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
    "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
    "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
    "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
    "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
    "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
    "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
    "STATEMENT_CATEGORY_SELF_HARM",
    "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
    "STATEMENT_CATEGORY_VIOLENCE",
];

/// Checks a `dsa_category:` value; the error names the accepted values.
pub(crate) fn check(value: &str) -> Result<(), String> {
    if STATEMENT_CATEGORIES.contains(&value) {
        return Ok(());
    }
    Err(format!(
        "`dsa_category: {value}` is not a Transparency Database category; use one of {}",
        STATEMENT_CATEGORIES.join(", ")
    ))
}
