//! The bare `regex::RegexSet` baseline that the speed targets are measured against: one pattern
//! per family, about what a naive filter would run. Shared by the criterion benchmark
//! (`benches/engine.rs`) and `examples/peer_bench.rs`, so both measure the same ceiling.

/// One pattern per family: links, e-mail, Iranian mobiles, prices, handles, Arabic letters,
/// kashida, repeated punctuation.
pub fn bare_regex_set() -> regex::RegexSet {
    regex::RegexSet::new([
        r"(?:https?://|www\.)\S+|[a-z0-9-]+\.(?:com|ir|net|org|io|me)",
        r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,}",
        r"(?:\+98|0098|0)?9[0-9]{2}[ -]?[0-9]{3}[ -]?[0-9]{4}",
        r"[۰-۹0-9]+\s*(?:تومان|تومن|ریال|میلیون)",
        r"@[a-z0-9_]{3,}",
        r"[يكة]",
        r"ـ",
        r"[!?؟]{2,}",
    ])
    .expect("baseline patterns compile")
}
