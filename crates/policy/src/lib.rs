//! davar-policy: compiles versioned policy sources into a published site, machine-checkable
//! obligations and diagnostics.
