//! Accepted findings (`policies/accepted-findings.txt`): findings a team has reviewed and
//! decided to publish with for now, each with the reason, like ruff's `--add-noqa`. Written by
//! `davar check --accept --reason TEXT` and reviewed in version control like `policy.lock`.
//!
//! A finding is matched by its file, its code and a fingerprint of the text it points at (the
//! underlined span with up to [`CONTEXT_CHARS`] characters either side, whitespace collapsed),
//! never by line number: lines added above it or edits elsewhere in its paragraph do not undo
//! an acceptance. An accepted finding that no longer occurs is reported, so the file only
//! lists what is still true.
//!
//! Format: `#` comments; `reason: TEXT` lines, each applying to the entries after it; one entry
//! per line, `<file> <code> <fingerprint> [xN] | <excerpt>` (the excerpt is for readers).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::codes;
use crate::diagnostic::{Diagnostic, Severity};

/// The file's name inside the policies directory.
pub const ACCEPTED_FILE: &str = "accepted-findings.txt";

/// Characters of context on each side of the span that the fingerprint covers.
pub const CONTEXT_CHARS: usize = 30;

/// One accepted finding (or `count` identical ones in one file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file, relative to the policies directory.
    pub file: String,
    /// The check code.
    pub code: String,
    /// Hash of the code and the text the finding points at.
    pub fingerprint: String,
    /// How many identical findings it accepts.
    pub count: usize,
    /// Why they were accepted.
    pub reason: String,
    /// 1-based line of the entry in the accepted-findings file.
    pub line: usize,
}

/// The parsed accepted-findings file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accepted {
    /// Where it was read from.
    pub path: PathBuf,
    /// Entries in file order.
    pub entries: Vec<Entry>,
}

/// What a finding is matched on: (file relative to `root`, code, fingerprint), and an excerpt.
pub fn key(d: &Diagnostic, root: &Path, source: Option<&str>) -> (String, String, String, String) {
    let file = d
        .file
        .strip_prefix(root)
        .unwrap_or(&d.file)
        .to_string_lossy()
        .replace('\\', "/");
    let text = pointed_text(d, source);
    let mut hasher = Sha256::new();
    hasher.update(d.code.as_bytes());
    hasher.update([0]);
    hasher.update(text.as_bytes());
    let fingerprint: String = hasher.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let excerpt: String = text.chars().take(80).collect();
    (file, d.code.to_string(), fingerprint, excerpt)
}

/// The text a diagnostic points at, whitespace collapsed: the span with its context, the whole
/// line when there is no column, the message when there is no line.
fn pointed_text(d: &Diagnostic, source: Option<&str>) -> String {
    let line = source
        .filter(|_| d.line > 0)
        .and_then(|s| s.lines().nth(d.line - 1));
    let Some(line) = line else {
        return collapse(&d.message);
    };
    if d.column == 0 {
        return collapse(&line.chars().take(400).collect::<String>());
    }
    let chars: Vec<char> = line.chars().collect();
    let start = (d.column - 1).min(chars.len());
    let end = d
        .end_column
        .map_or(start + 1, |e| e - 1)
        .clamp(start, chars.len());
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    collapse(&chars[from..to].iter().collect::<String>())
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Accepted {
    /// Parses the file's text; malformed lines are `accepted-findings` errors.
    pub fn parse(path: &Path, text: &str) -> (Accepted, Vec<Diagnostic>) {
        let mut accepted = Accepted {
            path: path.to_path_buf(),
            entries: Vec::new(),
        };
        let mut problems = Vec::new();
        let mut reason = String::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split(" | ").next().unwrap_or_default().trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(r) = line.strip_prefix("reason:") {
                reason = r.trim().to_string();
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            let count = match parts.get(3) {
                None => Some(1),
                Some(n) => n.strip_prefix('x').and_then(|n| n.parse().ok()),
            };
            match (parts.as_slice(), count) {
                ([file, code, fingerprint, ..], Some(count)) if parts.len() <= 4 => {
                    accepted.entries.push(Entry {
                        file: file.to_string(),
                        code: code.to_string(),
                        fingerprint: fingerprint.to_string(),
                        count,
                        reason: reason.clone(),
                        line: i + 1,
                    });
                }
                _ => problems.push(
                    Diagnostic::error(codes::ACCEPTED_FINDINGS, path, i + 1, 1,
                        "malformed line; expected `<file> <code> <fingerprint> [xN] | <excerpt>` or `reason: TEXT`")
                        .with_help("rewrite the file with `davar check --accept --reason TEXT`"),
                ),
            }
        }
        (accepted, problems)
    }

    /// Marks the diagnostics this file accepts (their `accepted` holds the reason) and returns
    /// a warning for every entry that matched nothing.
    pub fn apply(
        &self,
        diagnostics: &mut [Diagnostic],
        root: &Path,
        sources: &dyn Fn(&Path) -> Option<String>,
    ) -> Vec<Diagnostic> {
        let mut left: BTreeMap<(String, String, String), Vec<(usize, usize)>> = BTreeMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            left.entry((e.file.clone(), e.code.clone(), e.fingerprint.clone()))
                .or_default()
                .push((i, e.count));
        }
        let mut used = vec![0; self.entries.len()];
        let mut cache: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
        for d in diagnostics
            .iter_mut()
            .filter(|d| d.severity != Severity::Hint)
        {
            let source = cache
                .entry(d.file.clone())
                .or_insert_with(|| sources(&d.file));
            let (file, code, fingerprint, _) = key(d, root, source.as_deref());
            let Some(slots) = left.get_mut(&(file, code, fingerprint)) else {
                continue;
            };
            if let Some((index, remaining)) = slots.iter_mut().find(|(_, n)| *n > 0) {
                *remaining -= 1;
                used[*index] += 1;
                d.accepted = Some(self.entries[*index].reason.clone());
            }
        }
        self.entries
            .iter()
            .zip(used)
            .filter(|(e, used)| *used < e.count)
            .map(|(e, used)| {
                Diagnostic::warning(
                    codes::ACCEPTED_FINDINGS,
                    &self.path,
                    e.line,
                    1,
                    format!(
                        "accepted `{}` finding in {} no longer occurs{}",
                        e.code,
                        e.file,
                        if e.count > 1 {
                            format!(" ({used} of {} still do)", e.count)
                        } else {
                            String::new()
                        }
                    ),
                )
                .with_help("remove the line, or rewrite the file with `davar check --accept`")
            })
            .collect()
    }
}

/// Findings of one reason: (file, code, fingerprint) to (how many, excerpt).
type Recorded = BTreeMap<(String, String, String), (usize, String)>;

/// The findings `--accept` records: errors and warnings, except problems of the
/// accepted-findings file itself.
pub fn recordable(diagnostics: &[Diagnostic]) -> impl Iterator<Item = &Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Hint && d.code != codes::ACCEPTED_FINDINGS)
}

/// The text of an accepted-findings file accepting every error and warning in `diagnostics`:
/// findings already accepted keep their reason, new ones get `reason`.
pub fn record(
    diagnostics: &[Diagnostic],
    reason: &str,
    root: &Path,
    sources: &dyn Fn(&Path) -> Option<String>,
) -> String {
    let mut groups: BTreeMap<String, Recorded> = BTreeMap::new();
    let mut cache: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    for d in recordable(diagnostics) {
        let source = cache
            .entry(d.file.clone())
            .or_insert_with(|| sources(&d.file));
        let (file, code, fingerprint, excerpt) = key(d, root, source.as_deref());
        let why = d.accepted.clone().unwrap_or_else(|| reason.to_string());
        let slot = groups
            .entry(why)
            .or_default()
            .entry((file, code, fingerprint))
            .or_insert((0, excerpt));
        slot.0 += 1;
    }
    let mut out = format!(
        "# {ACCEPTED_FILE}: written by `davar check --accept --reason TEXT`; review it like policy.lock.\n# Each line accepts a finding: <file> <code> <fingerprint> [xN] | <excerpt>\n"
    );
    for (reason, entries) in groups {
        let _ = write!(out, "\nreason: {}\n", collapse(&reason));
        for ((file, code, fingerprint), (count, excerpt)) in entries {
            let times = if count > 1 {
                format!(" x{count}")
            } else {
                String::new()
            };
            let _ = writeln!(out, "{file} {code} {fingerprint}{times} | {excerpt}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(line: usize, column: usize) -> Diagnostic {
        Diagnostic::error(
            "placeholder",
            "/p/terms/v1.en.md",
            line,
            column,
            "placeholder `TODO`",
        )
        .with_width(4)
    }

    #[test]
    fn a_recorded_finding_is_accepted_after_lines_move_and_reported_when_gone() {
        let root = Path::new("/p");
        let before = "intro\nWrite TODO here, please.\n";
        let src = |text: &'static str| move |_: &Path| Some(text.to_string());
        let text = record(&[finding(2, 7)], "draft", root, &src(before));
        assert!(
            text.contains("reason: draft\nterms/v1.en.md placeholder "),
            "{text}"
        );
        let (accepted, problems) = Accepted::parse(Path::new("/p/accepted-findings.txt"), &text);
        assert!(problems.is_empty());
        let after = "intro\nnew line\nWrite TODO here, please.\n";
        let mut moved = vec![finding(3, 7)];
        let stale = accepted.apply(&mut moved, root, &src(after));
        assert!(stale.is_empty(), "{stale:?}");
        assert_eq!(moved[0].accepted.as_deref(), Some("draft"));
        let mut gone: Vec<Diagnostic> = Vec::new();
        let stale = accepted.apply(&mut gone, root, &src("intro\n"));
        assert_eq!(stale.len(), 1);
        assert!(
            stale[0].message.contains("no longer occurs"),
            "{:?}",
            stale[0]
        );
    }

    #[test]
    fn counts_identical_findings_and_rejects_malformed_lines() {
        let text = "reason: r\na.md placeholder 0123456789ab x2 | TODO\nbroken\n";
        let (accepted, problems) = Accepted::parse(Path::new("acc"), text);
        assert_eq!(accepted.entries[0].count, 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
    }
}
