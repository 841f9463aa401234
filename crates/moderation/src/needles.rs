//! Literal prefilters shared by the rules: one automaton over every rule's literals runs once
//! per field (on first use), and tells each rule whether one of its literals occurs, so a rule
//! runs its regex only on fields that contain one.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// A rule's set of literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// `links/obfuscated`.
    Obfuscation,
    /// `prices/question`.
    PriceQuestion,
    /// `placement/other-store` (shop addresses).
    Address,
    /// `contacts/email`.
    Email,
    /// `contacts/social` (short links).
    ShortLink,
}

const GROUPS: &[(Group, &[&str])] = &[
    (
        Group::Obfuscation,
        crate::rules::links::obfuscated::OBFUSCATION_NEEDLES,
    ),
    (
        Group::PriceQuestion,
        crate::rules::prices::question::NEEDLES,
    ),
    (
        Group::Address,
        crate::rules::placement::other_store::ADDRESS_NEEDLES,
    ),
    (Group::Email, crate::rules::contacts::email::EMAIL_NEEDLES),
    (
        Group::ShortLink,
        crate::rules::contacts::social::SHORT_LINK_NEEDLES,
    ),
];

struct Scanner {
    automaton: AhoCorasick,
    /// Group bit of each literal, by pattern index.
    bits: Vec<u32>,
}

static SCANNER: LazyLock<Option<Scanner>> = LazyLock::new(|| {
    let mut literals = Vec::new();
    let mut bits = Vec::new();
    for (group, list) in GROUPS {
        for literal in *list {
            literals.push(*literal);
            bits.push(group.bit());
        }
    }
    AhoCorasick::new(&literals)
        .ok()
        .map(|automaton| Scanner { automaton, bits })
});

impl Group {
    fn bit(self) -> u32 {
        1 << (self as u32)
    }

    /// Whether `mask` (from [`scan`]) says a literal of this group occurs.
    #[inline]
    pub fn in_mask(self, mask: u32) -> bool {
        mask & self.bit() != 0
    }
}

/// The groups with a literal in `text` (byte-exact, case-sensitive, like `str::contains`).
/// Should the automaton not build, every group is reported present (rules then run their
/// regexes on every field, which is slower and gives the same results).
pub(crate) fn scan(text: &str) -> u32 {
    let Some(scanner) = SCANNER.as_ref() else {
        return u32::MAX;
    };
    let all = (1u32 << GROUPS.len()) - 1;
    let mut mask = 0;
    for m in scanner.automaton.find_overlapping_iter(text) {
        mask |= scanner.bits[m.pattern().as_usize()];
        if mask == all {
            break;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_present_exactly_when_one_of_its_literals_is() {
        for text in [
            "example dot com",
            "سایت نقطه کام",
            "قیمتش چنده",
            "ادرس مغازه",
            "name at gmail",
            "t.me/x",
            "",
            "کیفیت عالی بود",
            "dotted.me/ و فروشگاه",
        ] {
            let mask = scan(text);
            for (group, list) in GROUPS {
                let expected = list.iter().any(|l| text.contains(l));
                assert_eq!(group.in_mask(mask), expected, "{group:?} in {text}");
            }
        }
    }
}
