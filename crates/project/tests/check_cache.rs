//! The findings kept by their inputs: read back for the same sources, never for changed ones,
//! and a damaged entry is checked again.

use std::path::{Path, PathBuf};

use davar_policy::Diagnostic;
use davar_project::{CheckCache, Options, Paths, Project};
use jiff::civil::date;

use crate::pipeline::copy_dir;

fn options() -> Options {
    Options {
        as_of: Some(date(2026, 11, 21)),
        rule_sets: false,
    }
}

/// A copy of the example marketplace whose English terms v1 carries a leftover placeholder.
fn project_with_a_finding(dir: &Path) -> Paths {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let policies = dir.join("policies");
    copy_dir(&root.join("policies"), &policies);
    let v1 = policies.join("terms/v1.en.md");
    let text = std::fs::read_to_string(&v1).unwrap();
    std::fs::write(&v1, format!("{text}\nContact us at [Insert e-mail].\n")).unwrap();
    Paths {
        policies,
        rules: dir.join("no-rules"),
    }
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|read| read.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

fn codes(found: &[Diagnostic]) -> Vec<(&str, String, usize, usize, String)> {
    found
        .iter()
        .map(|d| {
            let file = d.file.file_name().unwrap().to_string_lossy().into_owned();
            (d.code, file, d.line, d.column, d.message.clone())
        })
        .collect()
}

#[test]
fn the_same_sources_read_the_kept_findings_and_changed_ones_are_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    let cache = CheckCache::new(dir.path().join("cache"));

    let uncached = Project::load(&paths, options()).unwrap();
    assert!(
        uncached.diagnostics.iter().any(|d| d.code == "placeholder"),
        "the planted placeholder is found: {:?}",
        codes(&uncached.diagnostics)
    );
    let first = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(first.diagnostics, uncached.diagnostics);
    let kept = entries(cache.dir());
    assert_eq!(kept.len(), 1, "one entry per set of inputs");

    // The entry is what a second run reads: a message changed in it comes back.
    let stored = std::fs::read_to_string(&kept[0]).unwrap();
    assert!(stored.contains("Insert e-mail"), "{stored}");
    std::fs::write(&kept[0], stored.replace("Insert e-mail", "Kept e-mail")).unwrap();
    let second = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert!(
        second
            .diagnostics
            .iter()
            .any(|d| d.message.contains("Kept e-mail")),
        "{:?}",
        codes(&second.diagnostics)
    );
    assert_eq!(
        second.diagnostics.len(),
        uncached.diagnostics.len(),
        "widths, help and severities survive the round trip"
    );
    for (a, b) in second.diagnostics.iter().zip(&uncached.diagnostics) {
        assert_eq!(
            (a.code, a.severity, a.end_column, &a.help),
            (b.code, b.severity, b.end_column, &b.help)
        );
    }

    // One byte changed in a source is another key: checked again, the planted text gone.
    let v1 = paths.policies.join("terms/v1.en.md");
    let text = std::fs::read_to_string(&v1).unwrap();
    std::fs::write(&v1, text.replace("[Insert e-mail]", "help@example.com")).unwrap();
    let changed = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    let fresh = Project::load(&paths, options()).unwrap();
    assert_eq!(changed.diagnostics, fresh.diagnostics);
    assert!(!changed.diagnostics.iter().any(|d| d.code == "placeholder"));
    assert_eq!(entries(cache.dir()).len(), 2);

    // Another date is another key too.
    let later = Options {
        as_of: Some(date(2027, 1, 5)),
        ..options()
    };
    Project::load_cached(&paths, later, Some(&cache)).unwrap();
    assert_eq!(entries(cache.dir()).len(), 3);
}

#[test]
fn a_damaged_or_unknown_entry_is_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    let cache = CheckCache::new(dir.path().join("cache"));
    let expected = Project::load(&paths, options()).unwrap().diagnostics;
    Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    let entry = entries(cache.dir()).remove(0);
    let stored = std::fs::read_to_string(&entry).unwrap();
    for damaged in [
        stored[..stored.len() / 2].to_string(),
        stored.replace("\"placeholder\"", "\"no-such-code\""),
        stored.replace("\"error\"", "\"fatal\""),
    ] {
        std::fs::write(&entry, damaged).unwrap();
        let again = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
        assert_eq!(again.diagnostics, expected);
    }
}

#[test]
fn a_cache_that_cannot_be_written_only_costs_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    // A file where the cache directory should be.
    let blocked = dir.path().join("cache");
    std::fs::write(&blocked, "not a directory").unwrap();
    let cache = CheckCache::new(&blocked);
    let expected = Project::load(&paths, options()).unwrap().diagnostics;
    let got = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(got.diagnostics, expected);
}
