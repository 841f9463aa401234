//! `policies/policy.lock`: a SHA-256 per published version, written by `davar lock`, so the
//! text of a version already in force cannot change silently (`locked-version-changed`).
//!
//! Format: one line per version, `<doc-id>/v<N>.<lang>.md sha256:<hex>`; `#` starts a comment.
//! The hash covers the file's text with CRLF line ends read as LF.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use super::codes;
use davar_policy::diagnostic::Diagnostic;
use davar_policy::model::{PolicySet, PolicyVersion};

/// The lock file name inside the policies directory.
pub const LOCK_FILE: &str = "policy.lock";

/// A parsed lock file: relative path -> hash (`sha256:<hex>`), with the line of each entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    /// Entries by relative path.
    pub entries: BTreeMap<String, (String, usize)>,
}

/// The lock's key of a version: `<doc-id>/v<N>.<lang>.md`.
pub fn lock_key(version: &PolicyVersion) -> String {
    format!("{}/v{}.{}.md", version.id, version.version, version.lang)
}

/// `sha256:<hex>` of a version's text.
pub fn hash(version: &PolicyVersion) -> String {
    let text = version.source.replace("\r\n", "\n");
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

impl Lock {
    /// Parses a lock file; malformed lines are reported as diagnostics against `path`.
    pub fn parse(path: &Path, text: &str) -> (Lock, Vec<Diagnostic>) {
        let mut lock = Lock::default();
        let mut diagnostics = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let content = line.split('#').next().unwrap_or_default().trim();
            if content.is_empty() {
                continue;
            }
            let mut parts = content.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some(file), Some(hash), None)
                    if hash.strip_prefix("sha256:").is_some_and(|hex| {
                        hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit())
                    }) =>
                {
                    lock.entries
                        .insert(file.to_string(), (hash.to_string(), line_no));
                }
                _ => diagnostics.push(
                    Diagnostic::error(
                        codes::LOCKED_VERSION_CHANGED,
                        path,
                        line_no,
                        1,
                        "malformed lock line; expected `<doc-id>/v<N>.<lang>.md sha256:<64 hex digits>`",
                    )
                    .with_help("regenerate the file with `davar lock`"),
                ),
            }
        }
        (lock, diagnostics)
    }

    /// Renders the lock file.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# policy.lock: written by `davar lock`. One SHA-256 per published policy version.\n# A version in force must never change: publish a new version instead.\n",
        );
        for (file, (hash, _)) in &self.entries {
            out.push_str(&format!("{file} {hash}\n"));
        }
        out
    }
}

/// Checks the set against the text of a lock file read from `path` (no I/O).
pub fn check_against(set: &PolicySet, as_of: Date, path: &Path, text: &str) -> Vec<Diagnostic> {
    let (lock, mut out) = Lock::parse(path, text);
    let mut versions: BTreeMap<String, &PolicyVersion> = BTreeMap::new();
    for doc in &set.documents {
        for v in &doc.versions {
            versions.insert(lock_key(v), v);
        }
    }
    // A source that exists but could not be read has its own `front-matter` error.
    let unreadable: Vec<String> = set
        .unreadable
        .iter()
        .map(|u| format!("{}/v{}.{}.md", u.doc, u.version, u.lang))
        .collect();
    for (file, (locked, line)) in &lock.entries {
        match versions.get(file) {
            None if unreadable.contains(file) => {}
            None => out.push(
                Diagnostic::error(
                    codes::LOCKED_VERSION_CHANGED,
                    path,
                    *line,
                    1,
                    format!("published version `{file}` was deleted; published versions must stay readable"),
                )
                .with_help("restore the file from version control"),
            ),
            Some(v) if &hash(v) != locked => {
                let message = format!(
                    "the text of `{file}` changed after it was published (locked {}, now {})",
                    short(locked),
                    short(&hash(v))
                );
                if v.effective <= as_of {
                    out.push(
                        Diagnostic::error(codes::LOCKED_VERSION_CHANGED, &v.path, 1, 1, message)
                            .with_help(format!(
                                "version {} is in force since {}: restore its text and publish the change as version {} (`change: editorial` for wording only)",
                                v.version,
                                v.effective,
                                v.version + 1
                            )),
                    );
                } else {
                    out.push(
                        Diagnostic::warning(codes::LOCKED_VERSION_CHANGED, &v.path, 1, 1, message)
                            .with_help("it is not in force yet; run `davar lock` to record the new text, and tell its readers"),
                    );
                }
            }
            Some(_) => {}
        }
    }
    for (file, v) in versions {
        if v.published <= as_of && !lock.entries.contains_key(&file) {
            out.push(
                Diagnostic::warning(
                    codes::LOCKED_VERSION_CHANGED,
                    &v.path,
                    1,
                    1,
                    format!("published version `{file}` is not recorded in {LOCK_FILE}"),
                )
                .with_help("run `davar lock`"),
            );
        }
    }
    out
}

fn short(hash: &str) -> &str {
    &hash[..hash.len().min(7 + 12)]
}

/// What `davar lock` would write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockUpdate {
    /// The new lock file text.
    pub text: String,
    /// Versions recorded for the first time.
    pub added: Vec<String>,
    /// Versions not yet in force whose new text was recorded.
    pub updated: Vec<String>,
}

/// `davar lock` refused: versions in force changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the text of versions already in force changed: {}; restore them and publish a new version instead",
    changed.join(", ")
)]
pub struct LockRefused {
    /// The changed versions.
    pub changed: Vec<String>,
}

/// Records every version published on or before `as_of` in the lock, keeping existing entries.
/// Versions not yet in force may be re-recorded; a changed version in force is refused.
pub fn update(
    set: &PolicySet,
    as_of: Date,
    existing: Option<&str>,
) -> Result<LockUpdate, LockRefused> {
    let (mut lock, _) = existing
        .map(|text| Lock::parse(Path::new(LOCK_FILE), text))
        .unwrap_or_default();
    let mut added = Vec::new();
    let mut updated = Vec::new();
    let mut changed = Vec::new();
    for doc in &set.documents {
        for v in doc.versions.iter().filter(|v| v.published <= as_of) {
            let key = lock_key(v);
            let now = hash(v);
            match lock.entries.get(&key) {
                None => added.push(key.clone()),
                Some((old, _)) if *old != now && v.effective <= as_of => changed.push(key.clone()),
                Some((old, _)) if *old != now => updated.push(key.clone()),
                Some(_) => continue,
            }
            lock.entries.insert(key, (now, 0));
        }
    }
    if !changed.is_empty() {
        return Err(LockRefused { changed });
    }
    Ok(LockUpdate {
        text: lock.render(),
        added,
        updated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn fresh_lock_checks_clean_and_a_changed_version_in_force_is_an_error() {
        let mut set = crate::valid_fixture();
        let text = update(&set, date(2026, 11, 21), None).unwrap().text;
        let path = Path::new("policy.lock");
        assert!(check_against(&set, date(2026, 11, 21), path, &text).is_empty());
        let v1 = &mut set.documents[0].versions[0];
        v1.source.push_str("\nA sentence added later.\n");
        let diagnostics = check_against(&set, date(2026, 11, 21), path, &text);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert_eq!(diagnostics[0].code, codes::LOCKED_VERSION_CHANGED);
        assert_eq!(diagnostics[0].severity, davar_policy::Severity::Error);
        assert!(update(&set, date(2026, 11, 21), Some(&text)).is_err());
    }

    #[test]
    fn crlf_checkouts_hash_the_same() {
        let mut set = crate::valid_fixture();
        let v = &mut set.documents[0].versions[0];
        let lf = hash(v);
        v.source = v.source.replace('\n', "\r\n");
        assert_eq!(hash(v), lf);
    }

    #[test]
    fn malformed_and_deleted_entries_are_reported_at_their_line() {
        let set = crate::valid_fixture();
        let text = format!(
            "# comment\nnot a lock line\ngone/v1.en.md sha256:{}\nx.md sha256:{}\n",
            "0".repeat(64),
            "é".repeat(32)
        );
        let diagnostics = check_against(&set, date(2025, 1, 1), Path::new("policy.lock"), &text);
        let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 4, 3], "{diagnostics:#?}");
    }
}
