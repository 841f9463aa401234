//! Accepted findings (`policies/accepted-findings.txt`): findings a team has reviewed and
//! decided to publish with for now, each with the reason, like ruff's `--add-noqa`. Written by
//! `davar check --accept --reason TEXT` and reviewed in version control like `policy.lock`.
//!
//! A finding is matched by its file, its code and a fingerprint of the finding itself, never by
//! line number:
//!
//! - `--accept` names the file the finding is in (`terms/v3.en.md`): a new version's findings
//!   are accepted only once they are recorded for it, so publishing a new version never
//!   inherits another version's acceptances; an entry written by hand as `<doc>/v*.<lang>.md`
//!   accepts the finding in every version of the document in that language;
//! - the fingerprint hashes the code, the message (line and version numbers left out) and the
//!   text the finding points at: the underlined span, or for a one-character mark the sentence
//!   around it (at most [`CONTEXT_CHARS`] characters either side), or the line when the finding
//!   has no column. Re-wording elsewhere in the clause, moving lines and renumbering versions
//!   leave it as it was; changing the finding's own text or message gives a new finding.
//!
//! `xN` accepts up to N identical findings in each file. An accepted finding that no longer
//! occurs in any file is reported, so the file only lists what is still true.
//!
//! Some findings are never accepted (see [`acceptable`]): a published version whose text
//! changed or that is gone, and a version left out because its front matter cannot be read.
//! Accepting them would publish a site that silently differs from what was published.
//!
//! Format: `#` comments; `reason: TEXT` lines, each applying to the entries after it; one entry
//! per line, `<file> <code> <fingerprint> [xN] | <excerpt>` (the excerpt is for readers).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::parse_file_name;

/// The file's name inside the policies directory.
pub const ACCEPTED_FILE: &str = "accepted-findings.txt";

/// Characters of the sentence on each side of a one-character mark that the fingerprint
/// covers.
pub const CONTEXT_CHARS: usize = 120;

/// One accepted finding (or `count` identical ones per file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file relative to the policies directory, `<doc>/v*.<lang>.md` for every version.
    pub file: String,
    /// The check code.
    pub code: String,
    /// Hash of the code, the message and the text the finding points at.
    pub fingerprint: String,
    /// How many identical findings it accepts in each file.
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

/// What a finding is matched on, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The file relative to the policies directory, as it is.
    pub file: String,
    /// The file as an entry names it: `<doc>/v*.<lang>.md` for a policy version.
    pub pattern: String,
    /// The check code.
    pub code: String,
    /// The fingerprint.
    pub fingerprint: String,
    /// The text it points at, for readers.
    pub excerpt: String,
}

/// The key of a finding: `root` is the policies directory, `source` the file's text.
pub fn key(d: &Diagnostic, root: &Path, source: Option<&str>) -> Key {
    let file = d
        .file
        .strip_prefix(root)
        .unwrap_or(&d.file)
        .to_string_lossy()
        .replace('\\', "/");
    let pattern = version_pattern(&file).unwrap_or_else(|| file.clone());
    let text = pointed_text(d, source);
    let mut hasher = Sha256::new();
    hasher.update(d.code.as_bytes());
    hasher.update([0]);
    hasher.update(without_numbers(&d.message).as_bytes());
    hasher.update([0]);
    hasher.update(text.as_bytes());
    let fingerprint: String = hasher.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let excerpt: String = if text.is_empty() {
        collapse(&d.message)
    } else {
        text
    }
    .chars()
    .take(80)
    .collect();
    Key {
        file,
        pattern,
        code: d.code.to_string(),
        fingerprint,
        excerpt,
    }
}

/// `terms/v3.en.md` -> `terms/v*.en.md`.
fn version_pattern(file: &str) -> Option<String> {
    let (dir, name) = file.rsplit_once('/')?;
    let parsed = parse_file_name(name)?;
    Some(format!("{dir}/v*.{}.md", parsed.lang))
}

/// Whether an entry naming `entry_file` covers a finding in `file` (its pattern `pattern`).
fn covers(entry_file: &str, file: &str, pattern: &str) -> bool {
    entry_file == file || entry_file == pattern
}

/// The message with line and version numbers replaced by `#`: "line 16", "v3", "version 4".
fn without_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(c) = rest.chars().next() {
        let word_start = out.chars().next_back().is_none_or(|p| !p.is_alphanumeric());
        let numbered = ["line ", "version ", "v"]
            .iter()
            .find(|w| word_start && rest.starts_with(**w));
        if let Some(w) = numbered {
            let after = &rest[w.len()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0
                && !after[digits..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                out.push_str(w);
                out.push('#');
                rest = &after[digits..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    collapse(&out)
}

/// The text a diagnostic points at, whitespace collapsed: the span, the sentence around a
/// one-character mark, the whole line when there is no column, nothing when there is no line.
fn pointed_text(d: &Diagnostic, source: Option<&str>) -> String {
    let line = source
        .filter(|_| d.line > 0)
        .and_then(|s| s.lines().nth(d.line - 1));
    let Some(line) = line else {
        return String::new();
    };
    if d.column == 0 {
        return collapse(&line.chars().take(400).collect::<String>());
    }
    let chars: Vec<char> = line.chars().collect();
    let start = (d.column - 1).min(chars.len());
    if let Some(end) = d.end_column {
        let end = (end - 1).clamp(start, chars.len());
        return collapse(&chars[start..end].iter().collect::<String>());
    }
    let ends_sentence = |i: usize| {
        matches!(chars[i], '.' | '!' | '?' | '؟' | '。')
            && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
    };
    let lowest = start.saturating_sub(CONTEXT_CHARS);
    let from = (lowest..start)
        .rev()
        .find(|&i| ends_sentence(i))
        .map_or(lowest, |i| i + 1);
    let highest = (start + CONTEXT_CHARS).min(chars.len());
    let to = (start..highest)
        .find(|&i| ends_sentence(i))
        .map_or(highest, |i| i + 1);
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
                    let column = |word: &str| raw.find(word).map_or(1, |b| raw[..b].chars().count() + 1);
                    if !codes::CODES.iter().any(|c| c.code == *code) {
                        let help = crate::check::closest(code, codes::CODES.iter().map(|c| c.code))
                            .map_or_else(
                                || "`davar explain` lists the codes".to_string(),
                                |c| format!("did you mean `{c}`?"),
                            );
                        problems.push(
                            Diagnostic::error(codes::ACCEPTED_FINDINGS, path, i + 1, column(code),
                                format!("unknown code `{code}`"))
                            .with_help(help),
                        );
                        continue;
                    }
                    if fingerprint.len() != 12 || !fingerprint.bytes().all(|b| b.is_ascii_hexdigit()) {
                        problems.push(
                            Diagnostic::error(codes::ACCEPTED_FINDINGS, path, i + 1, column(fingerprint),
                                format!("`{fingerprint}` is not a fingerprint (12 hexadecimal digits)"))
                            .with_help("rewrite the entry with `davar check --accept --reason TEXT`"),
                        );
                        continue;
                    }
                    if reason.is_empty() {
                        problems.push(
                            Diagnostic::error(codes::ACCEPTED_FINDINGS, path, i + 1, 1,
                                "accepted finding without a reason; the entry is not honoured")
                            .with_help("write a `reason: TEXT` line above it saying why the finding may be published"),
                        );
                        continue;
                    }
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
        let mut by_key: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            by_key
                .entry((e.code.as_str(), e.fingerprint.as_str()))
                .or_default()
                .push(i);
        }
        // Findings each entry accepted, per file.
        let mut used: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); self.entries.len()];
        let mut cache: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
        for d in diagnostics
            .iter_mut()
            .filter(|d| d.severity != Severity::Hint && acceptable(d))
        {
            let source = cache
                .entry(d.file.clone())
                .or_insert_with(|| sources(&d.file));
            let key = key(d, root, source.as_deref());
            let Some(candidates) = by_key.get(&(key.code.as_str(), key.fingerprint.as_str()))
            else {
                continue;
            };
            let slot = candidates.iter().copied().find(|&i| {
                let e = &self.entries[i];
                covers(&e.file, &key.file, &key.pattern)
                    && used[i].get(&key.file).copied().unwrap_or(0) < e.count
            });
            if let Some(index) = slot {
                *used[index].entry(key.file).or_default() += 1;
                d.accepted = Some(self.entries[index].reason.clone());
            }
        }
        self.entries
            .iter()
            .zip(used)
            .filter_map(|(e, used)| {
                let most = used.values().copied().max().unwrap_or(0);
                (most < e.count).then_some((e, most))
            })
            .filter(|(e, most)| *most == 0 || e.count > 1)
            .map(|(e, most)| {
                let message = if most == 0 {
                    format!(
                        "accepted `{}` finding in {} no longer occurs",
                        e.code, e.file
                    )
                } else {
                    format!(
                        "accepted `{}` finding in {} occurs {most} time(s) in a file, not {}",
                        e.code, e.file, e.count
                    )
                };
                Diagnostic::warning(codes::ACCEPTED_FINDINGS, &self.path, e.line, 1, message)
                    .with_help("remove the line, or rewrite the file with `davar check --accept`")
            })
            .collect()
    }
}

/// Whether a finding may be accepted. Errors of `locked-version-changed` (a published version's
/// text changed, or the version was deleted) and of `front-matter` (the version cannot be read
/// and would be left out of the site) may not: they must be fixed before anything is built.
pub fn acceptable(d: &Diagnostic) -> bool {
    !(d.severity == Severity::Error
        && (d.code == codes::LOCKED_VERSION_CHANGED || d.code == codes::FRONT_MATTER))
}

/// Findings of one reason: (file, code, fingerprint) to (most per file, excerpt).
type Recorded = BTreeMap<(String, String, String), (usize, String)>;

/// The findings `--accept` records: acceptable errors and warnings, except problems of the
/// accepted-findings file itself.
pub fn recordable(diagnostics: &[Diagnostic]) -> impl Iterator<Item = &Diagnostic> {
    diagnostics.iter().filter(|d| {
        d.severity != Severity::Hint && d.code != codes::ACCEPTED_FINDINGS && acceptable(d)
    })
}

/// The text of an accepted-findings file accepting every error and warning in `diagnostics`:
/// findings already accepted keep their reason, new ones get `reason`.
pub fn record(
    diagnostics: &[Diagnostic],
    reason: &str,
    root: &Path,
    sources: &dyn Fn(&Path) -> Option<String>,
) -> String {
    // (reason, file, code, fingerprint) -> findings per file, and an excerpt.
    type PerFile = (BTreeMap<String, usize>, String);
    let mut found: BTreeMap<(String, String, String, String), PerFile> = BTreeMap::new();
    let mut cache: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    for d in recordable(diagnostics) {
        let source = cache
            .entry(d.file.clone())
            .or_insert_with(|| sources(&d.file));
        let key = key(d, root, source.as_deref());
        let why = collapse(d.accepted.as_deref().unwrap_or(reason));
        let slot = found
            .entry((why, key.file.clone(), key.code, key.fingerprint))
            .or_insert_with(|| (BTreeMap::new(), key.excerpt));
        *slot.0.entry(key.file).or_default() += 1;
    }
    let mut groups: BTreeMap<String, Recorded> = BTreeMap::new();
    for ((why, pattern, code, fingerprint), (per_file, excerpt)) in found {
        let most = per_file.values().copied().max().unwrap_or(1);
        groups
            .entry(why)
            .or_default()
            .insert((pattern, code, fingerprint), (most, excerpt));
    }
    let mut out = format!(
        "# {ACCEPTED_FILE}: written by `davar check --accept --reason TEXT`; review it like policy.lock.\n# Each line accepts a finding: <file> <code> <fingerprint> [xN] | <excerpt>\n# A line names one file (a new version's findings are recorded again); written by hand,\n# `<doc>/v*.<lang>.md` is every version of the document in that language; xN is per file.\n"
    );
    for (reason, entries) in groups {
        let _ = write!(out, "\nreason: {reason}\n");
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

    fn finding(file: &str, line: usize, column: usize, word: &str) -> Diagnostic {
        Diagnostic::error(
            "placeholder",
            format!("/p/{file}"),
            line,
            column,
            format!("placeholder `{word}`"),
        )
        .with_width(word.chars().count())
    }

    fn sources(files: &[(&'static str, &'static str)]) -> impl Fn(&Path) -> Option<String> {
        let files: Vec<(PathBuf, String)> = files
            .iter()
            .map(|(f, t)| (Path::new("/p").join(f), t.to_string()))
            .collect();
        move |p: &Path| files.iter().find(|(f, _)| f == p).map(|(_, t)| t.clone())
    }

    fn accepted_after(
        recorded: &[Diagnostic],
        before: &[(&'static str, &'static str)],
        later: &mut [Diagnostic],
        after: &[(&'static str, &'static str)],
    ) -> Vec<Diagnostic> {
        let root = Path::new("/p");
        let text = record(recorded, "draft", root, &sources(before));
        let (accepted, problems) = Accepted::parse(Path::new("/p/accepted-findings.txt"), &text);
        assert!(problems.is_empty(), "{problems:?}");
        accepted.apply(later, root, &sources(after))
    }

    #[test]
    fn a_recorded_finding_is_accepted_after_lines_move_and_reported_when_gone() {
        let before = [("terms/v1.en.md", "intro\nWrite TODO here, please.\n")];
        let text = record(
            &[finding("terms/v1.en.md", 2, 7, "TODO")],
            "draft",
            Path::new("/p"),
            &sources(&before),
        );
        assert!(
            text.contains("reason: draft\nterms/v1.en.md placeholder "),
            "{text}"
        );
        let after = [(
            "terms/v1.en.md",
            "intro\nnew line\nWrite TODO here, please.\n",
        )];
        let mut moved = vec![finding("terms/v1.en.md", 3, 7, "TODO")];
        let stale = accepted_after(
            &[finding("terms/v1.en.md", 2, 7, "TODO")],
            &before,
            &mut moved,
            &after,
        );
        assert!(stale.is_empty(), "{stale:?}");
        assert_eq!(moved[0].accepted.as_deref(), Some("draft"));
        let stale = accepted_after(
            &[finding("terms/v1.en.md", 2, 7, "TODO")],
            &before,
            &mut [],
            &[("terms/v1.en.md", "intro\n")],
        );
        assert_eq!(stale.len(), 1);
        assert!(
            stale[0].message.contains("no longer occurs"),
            "{:?}",
            stale[0]
        );
    }

    #[test]
    fn a_new_version_does_not_inherit_acceptances_unless_an_entry_names_every_version() {
        let text = "Short intro. Write to TODO for help.\n";
        let before = [("terms/v3.en.md", text)];
        let after = [("terms/v3.en.md", text), ("terms/v4.en.md", text)];
        let mut later = vec![
            finding("terms/v3.en.md", 1, 23, "TODO"),
            finding("terms/v4.en.md", 1, 23, "TODO"),
        ];
        let stale = accepted_after(
            &[finding("terms/v3.en.md", 1, 23, "TODO")],
            &before,
            &mut later,
            &after,
        );
        assert!(stale.is_empty(), "{stale:?}");
        let accepted: Vec<bool> = later.iter().map(|d| d.accepted.is_some()).collect();
        assert_eq!(accepted, [true, false]);
        // An entry written by hand for every version covers the new one.
        let root = Path::new("/p");
        let recorded = record(
            &[finding("terms/v3.en.md", 1, 23, "TODO")],
            "draft",
            root,
            &sources(&before),
        )
        .replace("terms/v3.en.md placeholder", "terms/v*.en.md placeholder");
        let (accepted, _) = Accepted::parse(Path::new("/p/accepted-findings.txt"), &recorded);
        let mut later = vec![finding("terms/v4.en.md", 1, 23, "TODO")];
        accepted.apply(&mut later, root, &sources(&after));
        assert!(later[0].accepted.is_some());
    }

    #[test]
    fn a_changed_or_lost_published_version_is_never_accepted() {
        let changed = Diagnostic::error(
            codes::LOCKED_VERSION_CHANGED,
            "/p/terms/v2.en.md",
            1,
            1,
            "the text of `terms/v2.en.md` changed after it was published",
        );
        let unreadable = Diagnostic::error(
            codes::FRONT_MATTER,
            "/p/terms/v3.en.md",
            5,
            1,
            "unknown key `efective`",
        );
        let unlocked = Diagnostic::warning(
            codes::LOCKED_VERSION_CHANGED,
            "/p/terms/v4.en.md",
            1,
            1,
            "published version `terms/v4.en.md` is not recorded in policy.lock",
        );
        let all = [changed.clone(), unreadable.clone(), unlocked.clone()];
        let kept: Vec<&str> = recordable(&all).map(|d| d.file.to_str().unwrap()).collect();
        assert_eq!(kept, ["/p/terms/v4.en.md"]);
        // Even an entry written by hand does not accept them.
        let key_of = |d: &Diagnostic| key(d, Path::new("/p"), None);
        let text = all
            .iter()
            .map(|d| {
                let k = key_of(d);
                format!("{} {} {}\n", k.file, k.code, k.fingerprint)
            })
            .fold("reason: by hand\n".to_string(), |acc, line| acc + &line);
        let (accepted, problems) = Accepted::parse(Path::new("/p/acc"), &text);
        assert!(problems.is_empty(), "{problems:?}");
        let mut later = all.to_vec();
        accepted.apply(&mut later, Path::new("/p"), &|_| None);
        let accepted: Vec<bool> = later.iter().map(|d| d.accepted.is_some()).collect();
        assert_eq!(accepted, [false, false, true]);
    }

    #[test]
    fn a_changed_finding_another_language_another_version_or_a_second_occurrence_is_not_accepted() {
        let before = [("terms/v1.en.md", "Write to TODO now.\n")];
        let after = [
            ("terms/v2.en.md", "Write to TBD now.\n"),
            ("terms/v1.fr.md", "Write to TODO now.\n"),
            ("terms/v3.en.md", "Write to TODO now.\nAnd TODO again.\n"),
        ];
        let mut later = vec![
            finding("terms/v2.en.md", 1, 10, "TBD"),
            finding("terms/v1.fr.md", 1, 10, "TODO"),
            finding("terms/v3.en.md", 1, 10, "TODO"),
            finding("terms/v3.en.md", 2, 5, "TODO"),
        ];
        accepted_after(
            &[finding("terms/v1.en.md", 1, 10, "TODO")],
            &before,
            &mut later,
            &after,
        );
        let accepted: Vec<bool> = later.iter().map(|d| d.accepted.is_some()).collect();
        assert_eq!(accepted, [false, false, false, false]);
    }

    #[test]
    fn a_one_character_mark_is_fingerprinted_by_its_sentence() {
        let mark = |line: usize, column: usize| {
            Diagnostic::error(
                "empty-list",
                "/p/terms/v1.en.md",
                line,
                column,
                "announces a list",
            )
        };
        let before = [("terms/v1.en.md", "First sentence. You may ask us to:\n")];
        let reworded = [(
            "terms/v1.en.md",
            "A reworded first sentence here. You may ask us to:\n",
        )];
        let mut later = vec![mark(1, 50)];
        let stale = accepted_after(&[mark(1, 34)], &before, &mut later, &reworded);
        assert!(stale.is_empty() && later[0].accepted.is_some(), "{stale:?}");
        let changed = [("terms/v1.en.md", "First sentence. You must ask us to:\n")];
        let mut later = vec![mark(1, 35)];
        accepted_after(&[mark(1, 34)], &before, &mut later, &changed);
        assert!(later[0].accepted.is_none());
    }

    #[test]
    fn line_and_version_numbers_leave_the_message_as_it_was() {
        assert_eq!(
            without_numbers("obligation says 24 hours but the text says 48 hours (line 16) in v3"),
            "obligation says 24 hours but the text says 48 hours (line #) in v#"
        );
        assert_eq!(without_numbers("version 4 of `v2x`"), "version # of `v2x`");
    }

    #[test]
    fn counts_identical_findings_and_rejects_malformed_lines() {
        let text = "reason: r\na.md placeholder 0123456789ab x2 | TODO\nbroken\n";
        let (accepted, problems) = Accepted::parse(Path::new("acc"), text);
        assert_eq!(accepted.entries[0].count, 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
    }

    #[test]
    fn unknown_codes_bad_fingerprints_and_entries_without_a_reason_are_errors() {
        let text = "a.md placeholder 0123456789ab | before any reason
reason: r
a.md placehodler 0123456789ab
garbage line here
a.md placeholder 0123456789ab
";
        let (accepted, problems) = Accepted::parse(Path::new("acc"), text);
        assert_eq!(accepted.entries.len(), 1, "{problems:#?}");
        let found: Vec<(usize, &str, &str)> = problems
            .iter()
            .map(|d| {
                (
                    d.line,
                    d.message.as_str(),
                    d.help.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found[0].1.contains("without a reason"), "{found:#?}");
        assert_eq!(found[1].0, 3);
        assert!(
            found[1].2.contains("did you mean `placeholder`"),
            "{found:#?}"
        );
        assert_eq!(found[2].0, 4);
        assert!(found[2].1.contains("unknown code `line`"), "{found:#?}");
    }
}
