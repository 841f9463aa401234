//! The findings kept by their inputs: read back for the same sources, never for changed ones,
//! and a damaged entry is checked again.

use std::path::{Path, PathBuf};

use davar_policy::Diagnostic;
use davar_project::{CheckCache, Options, Paths, Project};
use jiff::civil::date;
use sha2::{Digest as _, Sha256};

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

/// The entries kept under a cache directory.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("findings-1"))
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

    // The entry is what a second run reads: a message changed in it (with its digest) comes
    // back.
    let stored = std::fs::read_to_string(&kept[0]).unwrap();
    assert!(stored.contains("Insert e-mail"), "{stored}");
    rewrite(&kept[0], |findings| {
        findings.replace("Insert e-mail", "Kept e-mail")
    });
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

/// Rewrites the findings of the entry at `path` with `edit`, its digest made to match.
fn rewrite(path: &Path, edit: impl Fn(&str) -> String) {
    let entry: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let findings = edit(&serde_json::to_string(&entry["findings"]).unwrap());
    let digest: String = Sha256::digest(findings.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let key = entry["key"].as_str().unwrap();
    let text = format!(r#"{{"key":"{key}","digest":"{digest}","findings":{findings}}}"#);
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_damaged_foreign_or_unknown_entry_is_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    let cache = CheckCache::new(dir.path().join("cache"));
    let expected = Project::load(&paths, options()).unwrap().diagnostics;
    Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    let entry = entries(cache.dir()).remove(0);
    let stored = std::fs::read_to_string(&entry).unwrap();
    let key = entry.file_stem().unwrap().to_str().unwrap();
    let damage: [&dyn Fn(); 6] = [
        // Cut short.
        &|| std::fs::write(&entry, &stored[..stored.len() / 2]).unwrap(),
        // Findings changed without their digest: no error left, an error made a hint.
        &|| {
            std::fs::write(
                &entry,
                stored.replace(r#""findings":["#, r#""findings":[],"x":["#),
            )
            .unwrap()
        },
        &|| std::fs::write(&entry, stored.replace(r#""error""#, r#""hint""#)).unwrap(),
        // Another key's entry under this name.
        &|| std::fs::write(&entry, stored.replace(key, &"0".repeat(64))).unwrap(),
        // A code or a severity this build does not know, digest and all.
        &|| {
            rewrite(&entry, |f| {
                f.replace(r#""placeholder""#, r#""no-such-code""#)
            })
        },
        &|| rewrite(&entry, |f| f.replace(r#""error""#, r#""fatal""#)),
    ];
    for damaged in damage {
        std::fs::write(&entry, &stored).unwrap();
        damaged();
        let again = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
        assert_eq!(again.diagnostics, expected);
    }
}

#[test]
fn no_lock_file_and_a_lock_file_of_any_text_are_different_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    let cache = CheckCache::new(dir.path().join("cache"));
    let lock = paths.policies.join("policy.lock");
    std::fs::remove_file(&lock).unwrap();
    Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    for text in ["no lock", "no lock file", "lock", ""] {
        std::fs::write(&lock, text).unwrap();
        let fresh = Project::load(&paths, options()).unwrap();
        let cached = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
        assert_eq!(
            cached.diagnostics, fresh.diagnostics,
            "policy.lock {text:?}"
        );
    }
    assert_eq!(entries(cache.dir()).len(), 5);
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

/// The scans entries kept under a cache directory.
fn scan_entries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("scans-1"))
        .map(|read| read.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// Everything loading made of the policies, as text.
fn loaded(project: &Project) -> String {
    format!("{:#?}", project.policies.documents)
}

#[test]
fn kept_scans_load_the_same_policies_and_an_edited_body_is_parsed_again() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    let cache = CheckCache::new(dir.path().join("cache"));
    let fresh = |paths: &Paths| loaded(&Project::load(paths, options()).unwrap());

    let first = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(loaded(&first), fresh(&paths));
    let kept = scan_entries(cache.dir());
    assert_eq!(kept.len(), 1, "one entry per policies directory");
    let stored = std::fs::read(&kept[0]).unwrap();

    // Every body is kept: loading again parses none and leaves the entry as it was.
    let second = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(loaded(&second), fresh(&paths));
    assert_eq!(std::fs::read(&kept[0]).unwrap(), stored);

    // An edited body is parsed again: its new heading is loaded, the entry rewritten.
    let v2 = paths.policies.join("terms/v2.en.md");
    let text = std::fs::read_to_string(&v2).unwrap();
    let heading = "## Definitions {#definitions}";
    assert!(text.contains(heading));
    std::fs::write(&v2, text.replace(heading, "## Words we use {#definitions}")).unwrap();
    let edited = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(loaded(&edited), fresh(&paths));
    assert!(loaded(&edited).contains("Words we use"));
    assert_ne!(std::fs::read(&kept[0]).unwrap(), stored);

    // A kept body under a longer front matter: every line and offset moved with it.
    let v1 = paths.policies.join("terms/v1.en.md");
    let text = std::fs::read_to_string(&v1).unwrap();
    std::fs::write(&v1, text.replacen("---\n", "---\n# a comment line\n\n", 1)).unwrap();
    let moved = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(loaded(&moved), fresh(&paths));
    assert_eq!(
        moved.diagnostics,
        Project::load(&paths, options()).unwrap().diagnostics
    );

    // A damaged entry is parsed again.
    let stored = std::fs::read(&kept[0]).unwrap();
    let damage: [Vec<u8>; 3] = [
        stored[..stored.len() / 2].to_vec(),
        [&stored[..stored.len() - 1], b"x"].concat(),
        [b"0".repeat(64).as_slice(), &stored[64..]].concat(),
    ];
    for damaged in damage {
        std::fs::write(&kept[0], damaged).unwrap();
        let again = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
        assert_eq!(loaded(&again), fresh(&paths));
    }
}

#[cfg(unix)]
#[test]
fn an_entry_that_is_not_a_regular_file_is_a_miss_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    let cache = CheckCache::new(dir.path().join("cache"));
    let expected = Project::load(&paths, options()).unwrap();
    Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    let kept = [
        entries(cache.dir()).remove(0),
        scan_entries(cache.dir()).remove(0),
    ];
    // A link to an endless device and a named pipe with no writer: reading either would never
    // end or block for ever.
    for entry in &kept {
        std::fs::remove_file(entry).unwrap();
        std::os::unix::fs::symlink("/dev/zero", entry).unwrap();
    }
    let again = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(again.diagnostics, expected.diagnostics);
    assert_eq!(loaded(&again), loaded(&expected));
    for entry in &kept {
        std::fs::remove_file(entry).unwrap();
        let made = std::process::Command::new("mkfifo").arg(entry).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: the link case above stands alone.
        }
    }
    let again = Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    assert_eq!(again.diagnostics, expected.diagnostics);
    assert_eq!(loaded(&again), loaded(&expected));
}

#[test]
fn one_policies_directory_named_two_ways_shares_its_kept_scans() {
    let dir = tempfile::tempdir().unwrap();
    let paths = project_with_a_finding(dir.path());
    let cache = CheckCache::new(dir.path().join("cache"));
    Project::load_cached(&paths, options(), Some(&cache)).unwrap();
    let other = Paths {
        policies: dir.path().join(".").join("no-rules/../policies"),
        rules: paths.rules.clone(),
    };
    std::fs::create_dir(dir.path().join("no-rules")).unwrap();
    let again = Project::load_cached(&other, options(), Some(&cache)).unwrap();
    assert_eq!(
        loaded(&again),
        loaded(&Project::load(&other, options()).unwrap())
    );
    assert_eq!(scan_entries(cache.dir()).len(), 1);
}
