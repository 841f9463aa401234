//! Resolving `clause: terms#reviews-no-links` references to published URLs.

/// Turns a clause reference into the URL of the page in force (e.g. `/fa/terms/v2/#reviews-no-links`).
pub trait ClauseResolver {
    /// URL of clause `clause` of document `doc` in language `lang`, or None when unknown.
    fn resolve(&self, doc: &str, clause: &str, lang: &str) -> Option<String>;
}

/// A resolver that knows no clause: violations then carry `clause: null`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoClauses;

impl ClauseResolver for NoClauses {
    fn resolve(&self, _doc: &str, _clause: &str, _lang: &str) -> Option<String> {
        None
    }
}

impl<F> ClauseResolver for F
where
    F: Fn(&str, &str, &str) -> Option<String>,
{
    fn resolve(&self, doc: &str, clause: &str, lang: &str) -> Option<String> {
        self(doc, clause, lang)
    }
}
