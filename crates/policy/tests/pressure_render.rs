//! Compiling a policy set twice gives byte-identical output, and the output does not depend
//! on where the sources live: generated policy sets are written to two temporary directories,
//! and `load` + `render_site` must give the same files, byte for byte, every time.

use std::path::Path;

use davar_policy::{Site, load, render_site};
use jiff::civil::{Date, date};
use proptest::prelude::*;

const AS_OF: Date = date(2026, 11, 21);

const SITE: &str = "marketplace:\n  name: { en: Bazaarcheh, fa: بازارچه }\n  brands: [Bazaarcheh, بازارچه]\n\
base_url: https://policies.bazaarcheh.example\nlanguages: [en, fa]\nbinding_language: fa\n\
notice_days: { consumers: 0, sellers: 15 }\nforeign_brands: [OtherMart]\n";

/// Clause prose pieces (written for this test), English and Persian, with some Markdown.
const PROSE: &[&str] = &[
    "Sellers ship within two days.",
    "Buyers may return an item **unused** and in its box.",
    "فروشنده کالا را ظرف دو روز ارسال می‌کند.",
    "خریدار می‌تواند کالای *استفاده‌نشده* را برگرداند.",
    "- first step\n- second step",
    "See [the returns rules](@returns#returning).",
    "Contact us by the form on the help page.",
    "> A quoted note.",
];

#[derive(Debug, Clone)]
struct Version {
    clauses: Vec<(usize, Vec<usize>)>, // (clause id index, prose indices)
    editorial: bool,
}

const DOCS: &[(&str, &str)] = &[
    ("returns", "Terms of Service"),
    ("help", "Complaints Policy"),
    ("notes", "Community Guidelines"),
];
const CLAUSES: &[&str] = &["returning", "shipping", "refunds", "contact", "scope"];

fn version() -> impl Strategy<Value = Version> {
    (
        prop::collection::btree_map(
            0..CLAUSES.len(),
            prop::collection::vec(0..PROSE.len(), 1..3),
            1..4,
        ),
        any::<bool>(),
    )
        .prop_map(|(clauses, editorial)| Version {
            clauses: clauses.into_iter().collect(),
            editorial,
        })
}

fn policy_set() -> impl Strategy<Value = Vec<Vec<Version>>> {
    prop::collection::vec(prop::collection::vec(version(), 1..4), 1..=DOCS.len())
}

fn source(doc: usize, number: usize, lang: &str, v: &Version) -> String {
    let (id, doc_type) = DOCS[doc];
    // Versions 60 days apart, each effective 20 days after publication.
    let published = date(2025, 1, 1)
        .checked_add(jiff::Span::new().days(60 * number as i64))
        .expect("in range");
    let effective = published
        .checked_add(jiff::Span::new().days(20))
        .expect("in range");
    let change = if v.editorial && number > 1 {
        "editorial"
    } else {
        "substantive"
    };
    let mut text = format!(
        "---\nid: {id}\ntype: {doc_type}\nlang: {lang}\ntitle: {id} {lang}\nversion: {number}\npublished: {published}\n\
effective: {effective}\naudience: [consumers, sellers]\nchange: {change}\nsummary: Version {number} of {id}.\n---\n\n"
    );
    for (clause, prose) in &v.clauses {
        text.push_str(&format!(
            "## {} {{#{}}}\n\n",
            CLAUSES[*clause], CLAUSES[*clause]
        ));
        for p in prose {
            text.push_str(PROSE[*p]);
            text.push_str("\n\n");
        }
    }
    text
}

fn write_set(root: &Path, set: &[Vec<Version>]) {
    std::fs::write(root.join("site.yaml"), SITE).expect("temp dir writable");
    for (doc, versions) in set.iter().enumerate() {
        let dir = root.join(DOCS[doc].0);
        std::fs::create_dir_all(&dir).expect("temp dir writable");
        for (i, v) in versions.iter().enumerate() {
            for lang in ["en", "fa"] {
                std::fs::write(
                    dir.join(format!("v{}.{lang}.md", i + 1)),
                    source(doc, i + 1, lang, v),
                )
                .expect("temp dir writable");
            }
        }
    }
}

fn compile(root: &Path) -> Result<Site, String> {
    let (set, _) = load(root).map_err(|e| e.to_string())?;
    render_site(&set, AS_OF, None).map_err(|e| e.to_string())
}

fn assert_same(a: &Site, b: &Site) -> Result<(), TestCaseError> {
    let names_a: Vec<&String> = a.files.keys().collect();
    let names_b: Vec<&String> = b.files.keys().collect();
    prop_assert_eq!(names_a, names_b);
    for (name, bytes) in &a.files {
        prop_assert!(
            b.files[name] == *bytes,
            "{name} differs between two compilations"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn compiling_twice_anywhere_is_byte_identical(set in policy_set()) {
        let one = tempfile::tempdir().expect("temp dir");
        let two = tempfile::tempdir().expect("temp dir");
        write_set(one.path(), &set);
        write_set(two.path(), &set);
        // The generated sets are well-formed, so every compilation must succeed.
        let a = compile(one.path()).map_err(TestCaseError::fail)?;
        let b = compile(one.path()).map_err(TestCaseError::fail)?;
        let c = compile(two.path()).map_err(TestCaseError::fail)?;
        prop_assert!(!a.files.is_empty());
        assert_same(&a, &b)?;
        assert_same(&a, &c)?;
    }
}

#[test]
fn example_policies_compile_to_identical_bytes_twice() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policies");
    let first = compile(&root).expect("the example policies compile");
    let second = compile(&root).expect("the example policies compile");
    assert!(first.files.len() > 10, "only {} files", first.files.len());
    assert_eq!(
        first.files.keys().collect::<Vec<_>>(),
        second.files.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &first.files {
        assert!(
            second.files[name] == *bytes,
            "{name} differs between two compilations"
        );
    }
}
