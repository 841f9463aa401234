//! Reading an Open Terms Archive versions repository: every `<Service>/<Document type>.md` file
//! of its git history, one version per commit that touched it, dated by the commit (the time
//! the archive captured the text). History is read with `git` on PATH: one `git log` and one
//! `git cat-file --batch` for the whole repository, so a large history is read in a second.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::Timestamp;

use crate::ImportError;

/// One captured version of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// When the archive recorded it.
    pub recorded: Timestamp,
    /// The commit that recorded it.
    pub commit: String,
    /// The commit's subject (`Record new changes of …`, `Refilter …`).
    pub subject: String,
    /// The Markdown text.
    pub text: String,
}

/// One tracked document with its captures, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtaDocument {
    /// The service's name, e.g. `Boulanger`: its directory's name without surrounding spaces
    /// and with inner runs of spaces as one.
    pub service: String,
    /// The document type, e.g. `Marketplace Sellers Conditions` (the file name).
    pub doc_type: String,
    /// Every version, oldest first.
    pub captures: Vec<Capture>,
}

/// A file touched by a commit: (commit index, blob id or `None` when deleted, path).
struct Touch {
    commit: usize,
    blob: Option<String>,
    path: String,
}

struct Commit {
    hash: String,
    recorded: Timestamp,
    subject: String,
}

/// A service's or document type's name as readers see it: no surrounding spaces, inner runs of
/// spaces as one (archive directories are sometimes named `Funda ` with a trailing space).
pub fn display_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `asked` names `name`: the same words, ignoring case and spacing.
fn names(asked: &str, name: &str) -> bool {
    display_name(asked).to_lowercase() == display_name(name).to_lowercase()
}

/// Reads the documents of the repository at `repo` (a checkout or a bare git directory) whose
/// service is in `services` (all when empty) and whose type is `doc_type` (all when `None`);
/// names are compared ignoring case and spacing.
pub fn read(
    repo: &Path,
    services: &[String],
    doc_type: Option<&str>,
) -> Result<Vec<OtaDocument>, ImportError> {
    let (commits, touches) = history(repo)?;
    let wanted = |path: &str| -> Option<(String, String)> {
        let (service, file) = path.split_once('/')?;
        let kind = file.strip_suffix(".md")?;
        if kind.contains('/') {
            return None;
        }
        let service_ok = services.is_empty() || services.iter().any(|s| names(s, service));
        let type_ok = doc_type.is_none_or(|t| names(t, kind));
        (service_ok && type_ok).then(|| (display_name(service), display_name(kind)))
    };
    let mut per_doc: BTreeMap<(String, String), Vec<(usize, String)>> = BTreeMap::new();
    for touch in touches {
        let Some(key) = wanted(&touch.path) else {
            continue;
        };
        if let Some(blob) = touch.blob {
            per_doc.entry(key).or_default().push((touch.commit, blob));
        }
    }
    if per_doc.is_empty() {
        let mut known: Vec<String> = list_documents(repo)?
            .iter()
            .map(|(s, t)| format!("{}/{}", display_name(s), display_name(t)))
            .collect();
        // The names nearest to the one asked for come first.
        let asked = format!(
            "{}/{}",
            services.first().map(String::as_str).unwrap_or_default(),
            doc_type.unwrap_or_default()
        )
        .to_lowercase();
        known.sort_by(|a, b| {
            let near = |k: &str| {
                let k = k.to_lowercase();
                let service = k.split('/').next().unwrap_or_default().trim();
                let asked_service = asked.split('/').next().unwrap_or_default().trim();
                let contains = !asked_service.is_empty()
                    && (service.contains(asked_service) || asked_service.contains(service));
                (!contains, strsim::levenshtein(&k, &asked))
            };
            near(a).cmp(&near(b)).then_with(|| a.cmp(b))
        });
        known.truncate(20);
        return Err(ImportError::NothingToImport {
            repo: repo.to_path_buf(),
            wanted: describe(services, doc_type),
            known,
        });
    }
    let blobs: Vec<(String, String)> = per_doc
        .iter()
        .flat_map(|((service, kind), v)| {
            v.iter()
                .map(move |(_, b)| (b.clone(), format!("{service}/{kind}.md")))
        })
        .collect();
    // Each blob is read once, however many captures share it.
    let mut asked: HashSet<&str> = HashSet::with_capacity(blobs.len());
    let distinct: Vec<(&str, &str)> = blobs
        .iter()
        .filter(|(blob, _)| asked.insert(blob.as_str()))
        .map(|(blob, path)| (blob.as_str(), path.as_str()))
        .collect();
    let mut texts = read_blobs(repo, &distinct)?;
    // How many captures still need each text: the last one takes it instead of a copy.
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for (blob, _) in &blobs {
        *uses.entry(blob.as_str()).or_default() += 1;
    }
    // Commits are in history order; their dates are not always: sort each document's
    // captures by date (stable, so same-day captures keep history order) so that versions
    // take effect in order.
    for touches in per_doc.values_mut() {
        touches.sort_by_key(|(commit, _)| commits[*commit].recorded);
    }
    Ok(per_doc
        .into_iter()
        .map(|((service, doc_type), touches)| OtaDocument {
            service,
            doc_type,
            captures: touches
                .into_iter()
                .map(|(commit, blob)| {
                    let c = &commits[commit];
                    Capture {
                        recorded: c.recorded,
                        commit: c.hash.clone(),
                        subject: c.subject.clone(),
                        text: take_text(&mut texts, &mut uses, &blob),
                    }
                })
                .collect(),
        })
        .collect())
}

/// The text of `blob`: moved out of `texts` for its last use, copied before.
fn take_text(
    texts: &mut BTreeMap<String, String>,
    uses: &mut BTreeMap<&str, usize>,
    blob: &str,
) -> String {
    let left = uses.get_mut(blob).map_or(0, |n| {
        *n = n.saturating_sub(1);
        *n
    });
    if left == 0 {
        texts.remove(blob).unwrap_or_default()
    } else {
        texts.get(blob).cloned().unwrap_or_default()
    }
}

fn describe(services: &[String], doc_type: Option<&str>) -> String {
    let services = if services.is_empty() {
        "any service".to_string()
    } else {
        services.join(", ")
    };
    format!("{services}, {}", doc_type.unwrap_or("any document type"))
}

/// Every `(service, document type)` in the repository's current tree.
pub fn list_documents(repo: &Path) -> Result<Vec<(String, String)>, ImportError> {
    let out = git(repo, &["ls-tree", "-r", "-z", "--name-only", "HEAD"])?;
    Ok(out
        .split('\0')
        .filter_map(|path| {
            let (service, file) = path.split_once('/')?;
            let kind = file.strip_suffix(".md")?;
            (!kind.contains('/')).then(|| (service.to_string(), kind.to_string()))
        })
        .collect())
}

/// Every commit (oldest first) and every file each one added, changed or deleted.
fn history(repo: &Path) -> Result<(Vec<Commit>, Vec<Touch>), ImportError> {
    let log = git(
        repo,
        &[
            "log",
            "--reverse",
            "-z",
            "--format=%x1e%H%x1f%aI%x1f%s",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "HEAD",
        ],
    )?;
    let mut commits = Vec::new();
    let mut touches = Vec::new();
    for record in log.split('\u{1e}').filter(|r| !r.is_empty()) {
        let (header, files) = record.split_once('\0').unwrap_or((record, ""));
        let mut fields = header.split('\u{1f}');
        let (Some(hash), Some(date), subject) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let recorded: Timestamp = date.parse().map_err(|_| ImportError::Git {
            repo: repo.to_path_buf(),
            message: format!("commit {hash} has an unreadable date `{date}`"),
        })?;
        let index = commits.len();
        commits.push(Commit {
            hash: hash.to_string(),
            recorded,
            subject: subject.unwrap_or_default().to_string(),
        });
        let mut parts = files.trim_start_matches('\n').split('\0');
        while let (Some(meta), Some(path)) = (parts.next(), parts.next()) {
            // `:100644 100644 <old> <new> M`
            let fields: Vec<&str> = meta.split_whitespace().collect();
            let (Some(new), Some(status)) = (fields.get(3), fields.get(4)) else {
                continue;
            };
            let deleted = status.starts_with('D') || new.bytes().all(|b| b == b'0');
            touches.push(Touch {
                commit: index,
                blob: (!deleted).then(|| new.to_string()),
                path: path.to_string(),
            });
        }
    }
    Ok((commits, touches))
}

/// The text of each blob (`(blob id, path it was found at)`), read through one
/// `git cat-file --batch` and decoded by its byte-order mark (UTF-8 without one); a blob larger than [`davar_input::MAX_IMPORT_BYTES`] stops the import
/// before it is read.
fn read_blobs(
    repo: &Path,
    blobs: &[(&str, &str)],
) -> Result<BTreeMap<String, String>, ImportError> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ImportError::GitMissing {
            message: e.to_string(),
        })?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| git_error(repo, "no stdin"))?;
    let list: String = blobs.iter().map(|(b, _)| format!("{b}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(list.as_bytes()));
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| git_error(repo, "no stdout"))?;
    let mut reader = BufReader::with_capacity(1 << 20, stdout);
    let mut texts = BTreeMap::new();
    for (blob, path) in blobs {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|e| git_error(repo, &e.to_string()))?;
        let size: u64 = match header.split_whitespace().collect::<Vec<_>>().as_slice() {
            [_, "blob", size] => size.parse().unwrap_or(0),
            _ => {
                return Err(git_error(
                    repo,
                    &format!("cannot read blob {blob}: {}", header.trim()),
                ));
            }
        };
        if size > davar_input::MAX_IMPORT_BYTES {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ImportError::Invalid(format!(
                "{}: {path} (blob {blob}) is {size} bytes; davar imports files of at most {} bytes",
                repo.display(),
                davar_input::MAX_IMPORT_BYTES
            )));
        }
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        let mut bytes = vec![0; size + 1];
        reader
            .read_exact(&mut bytes)
            .map_err(|e| git_error(repo, &e.to_string()))?;
        bytes.pop();
        texts.insert(
            blob.to_string(),
            crate::text::decode_lossy(&bytes).replace("\r\n", "\n"),
        );
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(texts)
}

fn git_error(repo: &Path, message: &str) -> ImportError {
    ImportError::Git {
        repo: repo.to_path_buf(),
        message: message.to_string(),
    }
}

/// Runs `git -C repo args…` and returns its standard output.
fn git(repo: &Path, args: &[&str]) -> Result<String, ImportError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|e| ImportError::GitMissing {
            message: e.to_string(),
        })?;
    if !output.status.success() {
        return Err(ImportError::Git {
            repo: repo.to_path_buf(),
            message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The repository's name for provenance notes: the directory name without `.git`, or the
/// parent's name for a `repo`/`.git` directory.
pub fn repo_name(repo: &Path) -> String {
    let canonical = repo.canonicalize().unwrap_or_else(|_| PathBuf::from(repo));
    let mut name = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if matches!(name.as_str(), "repo" | ".git") {
        name = canonical
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(name);
    }
    name.trim_end_matches(".git")
        .rsplit('+')
        .next()
        .unwrap_or_default()
        .to_string()
}
