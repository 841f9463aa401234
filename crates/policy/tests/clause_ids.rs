//! Derived clause ids across versions: a lightly edited heading keeps the id it had in the
//! version before, a new section gets its own, and `{#id}` always wins.

use davar_policy::{PolicySet, load};
use jiff::civil::date;

const SITE: &str = "marketplace:\n  name: { en: Bazarcheh }\nbase_url: https://policies.bazarcheh.example\nlanguages: [en]\nbinding_language: en\n";

/// A set of `(doc, version, body)`, version N effective on 2026-0N-01.
fn set_of(versions: &[(&str, u32, &str)]) -> (tempfile::TempDir, PolicySet) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    for (doc, version, body) in versions {
        std::fs::create_dir_all(dir.path().join(doc)).unwrap();
        let front = format!(
            "---\nid: {doc}\ntype: Terms of Service\nlang: en\ntitle: T\nversion: {version}\npublished: 2026-0{version}-01\neffective: 2026-0{version}-01\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n"
        );
        std::fs::write(
            dir.path().join(format!("{doc}/v{version}.en.md")),
            format!("{front}{body}"),
        )
        .unwrap();
    }
    let (set, _) = load(dir.path()).expect("the set loads");
    (dir, set)
}

/// `(heading, id)` of each clause of `doc` v`version`.
fn ids(set: &PolicySet, doc: &str, version: u32) -> Vec<(String, String)> {
    set.document(doc)
        .unwrap()
        .versions
        .iter()
        .find(|v| v.version == version)
        .unwrap()
        .clauses
        .iter()
        .map(|c| (c.heading.clone(), c.id.clone()))
        .collect()
}

fn id_of(set: &PolicySet, doc: &str, version: u32, heading: &str) -> String {
    ids(set, doc, version)
        .into_iter()
        .find(|(h, _)| h == heading)
        .unwrap_or_else(|| panic!("no heading {heading}"))
        .1
}

const V1: &str = "## 1. Scope\n\nAll orders.\n\n## 2. Returns and refunds\n\nWithin 14 days.\n\n### 2.1 Card refunds\n\nTo the card.\n\n## 3. Fees for buyers\n\nNone.\n\n## 4. Delivery\n\nBy post.\n\n### 4.1 Delivery times\n\nTwo days.\n";

#[test]
fn a_lightly_edited_heading_keeps_its_id_and_links_to_it_keep_working() {
    let v2 = "## 1. Scope\n\nAll orders.\n\n## 2. Returns, refunds and exchanges\n\nWithin 30 days.\n\n### 2.1 Card refund\n\nTo the card.\n\n## 3. Fees for buyers\n\nNone.\n\n## 4. Delivery\n\nBy post.\n\n### 4.1 Delivery time\n\nTwo days.\n";
    let help = "## Help {#help}\n\nSee [returns](@terms#returns-and-refunds) and [times](@terms#delivery-times).\n";
    let (_dir, set) = set_of(&[("terms", 1, V1), ("terms", 2, v2), ("help", 3, help)]);
    assert_eq!(
        id_of(&set, "terms", 2, "2. Returns, refunds and exchanges"),
        "returns-and-refunds"
    );
    assert_eq!(id_of(&set, "terms", 2, "2.1 Card refund"), "card-refunds");
    assert_eq!(
        id_of(&set, "terms", 2, "4.1 Delivery time"),
        "delivery-times"
    );
    let broken: Vec<_> = davar_policy::check(&set, date(2026, 4, 1))
        .into_iter()
        .filter(|d| d.code == "broken-link")
        .map(|d| d.message)
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_new_section_gets_its_own_id() {
    // A heading sharing words with a removed one (`Fees for sellers` after `Fees for buyers`),
    // a light edit moved under another parent, one at another level, and one whose old id this
    // version still uses are new sections.
    let v2 = "## 1. Scope\n\nAll orders.\n\n## 2. Returns and refunds\n\nWithin 14 days.\n\n## 3. Fees for sellers\n\nFive percent.\n\n## 4. Delivery\n\nBy post.\n\n## 5. Shipping\n\n### 5.1 Delivery time\n\nTwo days.\n\n### 5.2 Card refund\n\nTo the card.\n";
    let (_dir, set) = set_of(&[("terms", 1, V1), ("terms", 2, v2)]);
    assert_eq!(
        id_of(&set, "terms", 2, "3. Fees for sellers"),
        "fees-for-sellers"
    );
    assert_eq!(
        id_of(&set, "terms", 2, "5.1 Delivery time"),
        "delivery-time"
    );
    assert_eq!(id_of(&set, "terms", 2, "5.2 Card refund"), "card-refund");
    assert_eq!(
        id_of(&set, "terms", 2, "2. Returns and refunds"),
        "returns-and-refunds"
    );
}

#[test]
fn an_explicit_id_always_wins() {
    let v2 = "## 1. Scope\n\nAll orders.\n\n## 2. Returns, refunds and exchanges {#returns}\n\nWithin 30 days.\n\n### 2.1 Card refund {#card}\n\nTo the card.\n\n## 3. Fees for buyers\n\nNone.\n\n## 4. Delivery\n\nBy post.\n\n### 4.1 Delivery times\n\nTwo days.\n";
    let v3 = "## 1. Scope\n\nAll orders.\n\n## 2. Returns and refunds\n\nWithin 30 days.\n\n### 2.1 Card refund {#card-refunds}\n\nTo the card.\n";
    let (_dir, set) = set_of(&[("terms", 1, V1), ("terms", 2, v2), ("terms", 3, v3)]);
    assert_eq!(
        id_of(&set, "terms", 2, "2. Returns, refunds and exchanges"),
        "returns"
    );
    assert_eq!(id_of(&set, "terms", 2, "2.1 Card refund"), "card");
    // The explicit id of v2 is not inherited; the derived one is the heading's own slug.
    assert_eq!(
        id_of(&set, "terms", 3, "2. Returns and refunds"),
        "returns-and-refunds"
    );
    assert_eq!(id_of(&set, "terms", 3, "2.1 Card refund"), "card-refunds");
}

/// Under a heading written twice (ids `general` and `general-2`), a lightly edited sub-heading
/// keeps the id it had under the same one of the two, not under the other.
#[test]
fn a_sub_heading_under_a_repeated_heading_keeps_its_id_under_the_same_parent() {
    let v1 = "## General\n\nA.\n\n### Notices to buyers\n\nB.\n\n## General\n\nC.\n\n### Notices to sellers\n\nD.\n";
    let v2 = "## General\n\nA.\n\n### Notices to buyers\n\nB.\n\n## General\n\nC.\n\n### Notices to all sellers\n\nD.\n";
    let (_dir, set) = set_of(&[("terms", 1, v1), ("terms", 2, v2)]);
    assert_eq!(id_of(&set, "terms", 1, "General"), "general");
    assert_eq!(
        ids(&set, "terms", 2)
            .iter()
            .map(|(_, id)| id.as_str())
            .collect::<Vec<_>>(),
        [
            "general",
            "notices-to-buyers",
            "general-2",
            "notices-to-sellers"
        ]
    );
}
