//! Findings of the policy and obligation checks kept on disk by what they were computed from,
//! so `davar build` after `davar check` (or a second `check` of unchanged sources) reads them
//! instead of checking every version again.
//!
//! An entry's key is a SHA-256 of everything the checks read: the davar executable (its path,
//! size, modification and status-change times and inode, so a rebuilt or replaced binary never
//! reads an older one's findings, even one given a fixed modification time), the date checked
//! for, the policies directory, every source and `site.yaml` with its text, the store lexicons
//! and `policy.lock`, each list with its length first. A changed byte in any of them is another
//! key. Findings accepted in `accepted-findings.txt` are applied after reading, so accepting
//! changes nothing here.
//!
//! Entries live in `findings-1/` under the cache directory (marked by a `CACHEDIR.TAG`), each
//! holding its key and a SHA-256 of its findings. An entry that is too large, does not hold its
//! own key, does not match its digest or names a code or severity this build does not know is
//! a miss, and the checks run as if there were no cache. The directory is trusted like the
//! sources: whoever can write in it can write findings with a matching digest.
//!
//! The same directory keeps the Markdown scans of each policies directory's bodies
//! ([`KeptScans`]), so loading the sources again parses only the bodies it has not seen: one
//! entry per policies directory and executable in `scans-1/`, keyed like the findings by the
//! executable and the directory, holding its key and a SHA-256 of the scans. Inside, each scan
//! is found by the SHA-256 of its body's text, so an edited source is parsed again and the
//! loaded policies are the same as without a cache.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use davar_policy::{Diagnostic, KeptScans, PolicySet, Severity};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// Entries kept before the oldest half is removed.
const MAX_ENTRIES: usize = 2048;

/// The largest entry read (bytes); a larger file is a miss.
const MAX_ENTRY_BYTES: u64 = 256 << 20;

/// The bytes of kept scans allowed in `scans-1/`: past it the oldest entries are removed.
/// Each entry holds every body of one policies directory, so a few hundred megabytes keep a
/// large project's scans together with a few others'.
const MAX_SCANS_BYTES: u64 = 1 << 30;

/// The subdirectory of the cache directory holding the entries of this format.
const ENTRIES: &str = "findings-1";

/// The subdirectory holding the kept Markdown scans, one file per policies directory.
const SCANS: &str = "scans-1";

/// What a `CACHEDIR.TAG` starts with (<https://bford.info/cachedir/>), so backup tools skip it.
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file marks a cache directory made by davar (findings of `davar check`).\n";

/// A directory of checked findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckCache {
    dir: PathBuf,
}

/// What the checks read, as far as the key is concerned.
pub struct CheckInputs<'a> {
    /// The policies as loaded.
    pub policies: &'a PolicySet,
    /// The store lexicons (path, text).
    pub stores: &'a [(PathBuf, String)],
    /// `policy.lock`, when there is one.
    pub lock: Option<&'a str>,
    /// The date checked for.
    pub as_of: Date,
}

/// An entry as stored: its key, a SHA-256 of `findings` as written, and the findings.
#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    digest: String,
    findings: Box<serde_json::value::RawValue>,
}

/// One finding as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    code: String,
    severity: String,
    file: PathBuf,
    line: usize,
    column: usize,
    end_column: Option<usize>,
    message: String,
    help: Option<String>,
}

impl CheckCache {
    /// A cache in `dir` (created when the first entry is written).
    pub fn new(dir: impl Into<PathBuf>) -> CheckCache {
        CheckCache { dir: dir.into() }
    }

    /// The user's cache directory for davar: `$XDG_CACHE_HOME/davar`, else
    /// `~/.cache/davar` (`%LOCALAPPDATA%\davar` on Windows); `None` when none is known.
    pub fn user_dir() -> Option<PathBuf> {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        if let Some(dir) = var("XDG_CACHE_HOME") {
            return Some(dir.join("davar"));
        }
        if cfg!(windows) {
            return var("LOCALAPPDATA").map(|d| d.join("davar"));
        }
        var("HOME").map(|home| home.join(".cache").join("davar"))
    }

    /// The directory entries are kept in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of `inputs`, or `None` when the running executable cannot be identified.
    pub fn key(inputs: &CheckInputs<'_>) -> Option<String> {
        let mut hash = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        field(b"davar check findings 1");
        field(&executable()?);
        field(inputs.as_of.to_string().as_bytes());
        let set = inputs.policies;
        field(set.root.as_os_str().as_encoded_bytes());
        let count = |n: usize| (n as u64).to_le_bytes();
        field(&count(set.documents.len()));
        for doc in &set.documents {
            field(doc.id.as_bytes());
            field(&count(doc.versions.len()));
            for v in &doc.versions {
                field(v.path.as_os_str().as_encoded_bytes());
                field(v.source.as_bytes());
            }
        }
        field(&count(set.sources.len()));
        for (path, text) in &set.sources {
            field(path.as_os_str().as_encoded_bytes());
            field(text.as_bytes());
        }
        field(&count(set.unreadable.len()));
        for source in &set.unreadable {
            field(source.path.as_os_str().as_encoded_bytes());
        }
        field(&count(inputs.stores.len()));
        for (path, text) in inputs.stores {
            field(path.as_os_str().as_encoded_bytes());
            field(text.as_bytes());
        }
        match inputs.lock {
            Some(text) => {
                field(b"lock");
                field(text.as_bytes());
            }
            None => field(b"no lock file"),
        }
        Some(hex(&hash.finalize()))
    }

    fn entries(&self) -> PathBuf {
        self.dir.join(ENTRIES)
    }

    /// The key of the scans kept for the policies directory `root`, or `None` when the running
    /// executable cannot be identified.
    pub fn scans_key(root: &Path) -> Option<String> {
        // The scans inside are found by their bodies' text, so one directory named in two
        // ways (`policies`, `./policies`, a link to it) shares its entry.
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut hash = Sha256::new();
        for bytes in [
            &b"davar body scans 1"[..],
            &executable()?,
            root.as_os_str().as_encoded_bytes(),
        ] {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        }
        Some(hex(&hash.finalize()))
    }

    fn scans_entry(&self, key: &str) -> PathBuf {
        self.dir.join(SCANS).join(format!("{key}.bin"))
    }

    /// The scans stored under `key` (see [`CheckCache::scans_key`]); none when there are none
    /// or they cannot be trusted.
    pub fn scans(&self, key: &str) -> KeptScans {
        self.read_scans(key).unwrap_or_default()
    }

    fn read_scans(&self, key: &str) -> Option<KeptScans> {
        let bytes = read_entry(&self.scans_entry(key))?;
        let (stored_key, rest) = bytes.split_at_checked(key.len())?;
        let (digest, scans) = rest.split_at_checked(32)?;
        if stored_key != key.as_bytes() || digest != Sha256::digest(scans).as_slice() {
            return None;
        }
        KeptScans::decode(scans)
    }

    /// Stores the scans `kept` used under `key`, as [`CheckCache::put`] stores findings.
    pub fn put_scans(&self, key: &str, kept: &KeptScans) {
        let scans = kept.encode();
        if scans.len() as u64 > MAX_ENTRY_BYTES {
            return;
        }
        let mut bytes = Vec::with_capacity(key.len() + 32 + scans.len());
        bytes.extend_from_slice(key.as_bytes());
        bytes.extend_from_slice(&Sha256::digest(&scans));
        bytes.extend_from_slice(&scans);
        let dir = self.dir.join(SCANS);
        if self.write_entry(&dir, &self.scans_entry(key), &bytes) {
            prune(&dir, "bin", MAX_SCANS_BYTES);
        }
    }

    /// Writes `bytes` to `path` in `dir` through a temporary file; whether it was written.
    fn write_entry(&self, dir: &Path, path: &Path, bytes: &[u8]) -> bool {
        if std::fs::create_dir_all(dir).is_err() {
            return false;
        }
        let tag = self.dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            let _ = std::fs::write(&tag, CACHEDIR_TAG);
        }
        let Ok(mut file) = tempfile::NamedTempFile::new_in(dir) else {
            return false;
        };
        file.write_all(bytes).is_ok() && file.persist(path).is_ok()
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.entries().join(format!("{key}.json"))
    }

    /// The findings stored under `key`; `None` when there are none or they cannot be trusted.
    pub fn get(&self, key: &str) -> Option<Vec<Diagnostic>> {
        let text = read_entry(&self.entry(key))?;
        let entry: Entry = serde_json::from_slice(&text).ok()?;
        let findings = entry.findings.get();
        if entry.key != key || entry.digest != hex(&Sha256::digest(findings.as_bytes())) {
            return None;
        }
        let stored: Vec<Stored> = serde_json::from_str(findings).ok()?;
        stored.into_iter().map(Stored::into_diagnostic).collect()
    }

    /// Stores `findings` under `key`. The entry is written to a temporary file and renamed,
    /// so a reader never sees half of one; a cache that cannot be written is left alone (the
    /// next run checks again).
    pub fn put(&self, key: &str, findings: &[Diagnostic]) {
        let stored: Vec<Stored> = findings.iter().map(Stored::of).collect();
        let Ok(findings) = serde_json::value::to_raw_value(&stored) else {
            return;
        };
        let entry = Entry {
            key: key.to_string(),
            digest: hex(&Sha256::digest(findings.get().as_bytes())),
            findings,
        };
        let Ok(json) = serde_json::to_vec(&entry) else {
            return;
        };
        let dir = self.entries();
        if self.write_entry(&dir, &self.entry(key), &json) {
            prune(&dir, "json", u64::MAX);
        }
    }
}

/// The bytes of the entry at `path`: `None` unless it is a regular file (not a link, a pipe
/// or a device, which could block or never end) of at most [`MAX_ENTRY_BYTES`], read to the end.
fn read_entry(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() || meta.len() > MAX_ENTRY_BYTES {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    // Checked again on the file opened, and read no further than the limit: the entry may have
    // been replaced between the look and the open.
    if !file.metadata().ok()?.file_type().is_file() {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= MAX_ENTRY_BYTES).then_some(bytes)
}

/// Removes the older half of the entries in `dir` when there are more than [`MAX_ENTRIES`],
/// then the oldest ones while the entries left hold more than `max_bytes`. Only files named
/// like an entry (64 hexadecimal digits and `.{extension}`) are counted or removed.
fn prune(dir: &Path, extension: &str, max_bytes: u64) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let is_entry = |path: &Path| {
        path.extension().is_some_and(|x| x == extension)
            && path
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    // (modified, size, path), oldest first.
    let mut entries: Vec<(std::time::SystemTime, u64, PathBuf)> = read
        .filter_map(Result::ok)
        .filter(|e| is_entry(&e.path()))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    let mut total: u64 = entries.iter().map(|(_, size, _)| size).sum();
    if entries.len() <= MAX_ENTRIES && total <= max_bytes {
        return;
    }
    entries.sort();
    // Past the count, the older half goes; past the bytes, the oldest go until the rest fit,
    // but the newest entry (the one just written) always stays.
    let keep = if entries.len() > MAX_ENTRIES {
        entries.len() / 2
    } else {
        entries.len()
    };
    let mut kept = entries.len();
    for (_, size, path) in &entries {
        if kept <= keep && (total <= max_bytes || kept == 1) {
            break;
        }
        if std::fs::remove_file(path).is_ok() {
            total -= size;
            kept -= 1;
        }
    }
}

/// What identifies the running executable: davar's version, the executable's path and its
/// [`identity`]; `None` when it cannot be identified.
fn executable() -> Option<Vec<u8>> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let mut out = Vec::new();
    for bytes in [
        env!("CARGO_PKG_VERSION").as_bytes(),
        exe.as_os_str().as_encoded_bytes(),
        &identity(&meta)?,
    ] {
        out.extend((bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    Some(out)
}

/// Lower-case hexadecimal digits of `bytes`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What tells one executable file from another at the same path: its size, its modification
/// time and, on Unix, its status-change time, device and inode (a binary written or copied
/// there gets a new status-change time even when its modification time is set to a fixed one).
fn identity(meta: &std::fs::Metadata) -> Option<Vec<u8>> {
    let modified = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    let mut out = Vec::new();
    out.extend(meta.len().to_le_bytes());
    out.extend(modified.to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        for n in [meta.ctime(), meta.ctime_nsec()] {
            out.extend(n.to_le_bytes());
        }
        for n in [meta.dev(), meta.ino()] {
            out.extend(n.to_le_bytes());
        }
    }
    Some(out)
}

impl Stored {
    fn of(d: &Diagnostic) -> Stored {
        Stored {
            code: d.code.to_string(),
            severity: d.severity.as_str().to_string(),
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            end_column: d.end_column,
            message: d.message.clone(),
            help: d.help.clone(),
        }
    }

    fn into_diagnostic(self) -> Option<Diagnostic> {
        let code = davar_policy::codes::CODES
            .iter()
            .find(|c| c.code == self.code)?
            .code;
        let severity = match self.severity.as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "hint" => Severity::Hint,
            _ => return None,
        };
        let mut d = Diagnostic::error(code, self.file, self.line, self.column, self.message);
        d.severity = severity;
        d.end_column = self.end_column;
        d.help = self.help;
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `count` entries of `size` bytes, each older than the next.
    fn write_entries(dir: &Path, count: u64, size: usize) -> Vec<PathBuf> {
        (0..count)
            .map(|i| {
                let path = dir.join(format!("{i:064x}.bin"));
                std::fs::write(&path, vec![b'x'; size]).unwrap();
                let when = UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + i);
                let file = std::fs::File::options().write(true).open(&path).unwrap();
                file.set_modified(when).unwrap();
                path
            })
            .collect()
    }

    #[test]
    fn pruning_past_the_bytes_removes_the_oldest_until_the_rest_fit() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_entries(dir.path(), 5, 100);
        std::fs::write(dir.path().join("notes.bin"), "not an entry").unwrap();
        prune(dir.path(), "bin", 250);
        let left: Vec<bool> = written.iter().map(|p| p.exists()).collect();
        assert_eq!(left, [false, false, false, true, true]);
        assert!(dir.path().join("notes.bin").exists());
        // The newest entry stays even when it alone is past the bytes.
        prune(dir.path(), "bin", 10);
        let left: Vec<bool> = written.iter().map(|p| p.exists()).collect();
        assert_eq!(left, [false, false, false, false, true]);
    }

    #[test]
    fn pruning_within_the_count_and_bytes_removes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_entries(dir.path(), 3, 10);
        prune(dir.path(), "bin", 30);
        assert!(written.iter().all(|p| p.exists()));
    }

    #[test]
    fn an_entry_past_the_limit_or_not_a_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("entry");
        std::fs::write(&file, b"kept").unwrap();
        assert_eq!(read_entry(&file).as_deref(), Some(&b"kept"[..]));
        assert_eq!(read_entry(dir.path()), None);
        assert_eq!(read_entry(&dir.path().join("missing")), None);
    }
}
