//! Reading one file of a source tree, within the tree and within a size limit.

use std::io::Read;
use std::path::{Path, PathBuf};

/// A source file that is not read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path resolves (through a symbolic link) to a file outside its tree.
    #[error(
        "{} leads outside {} (through a symbolic link); davar reads only files inside the tree: copy the file in instead of linking it",
        path.display(),
        root.display()
    )]
    OutsideTree {
        /// The path as found in the tree.
        path: PathBuf,
        /// The tree it must stay in.
        root: PathBuf,
    },
    /// The file is larger than the limit for its kind.
    #[error(
        "{} is {size} bytes; the limit for this kind of file is {limit} bytes: shorten it or split it into several files (the limit is fixed)",
        path.display()
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least `limit + 1` when it grew while being read).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{} is not valid UTF-8 (byte {valid_up_to}); save it as UTF-8", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Bytes before the first invalid one.
        valid_up_to: usize,
        /// The text with invalid bytes replaced, for pointing at the place.
        lossy: String,
    },
    /// The file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl InputError {
    /// The file concerned.
    pub fn path(&self) -> &Path {
        match self {
            InputError::OutsideTree { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::NotUtf8 { path, .. }
            | InputError::Io { path, .. } => path,
        }
    }

    /// Whether the file does not exist (an optional file may be absent).
    pub fn is_not_found(&self) -> bool {
        matches!(self, InputError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }
}

/// Reads `path` as UTF-8 text when it resolves to a file inside `root` and has at most `limit`
/// bytes. A symbolic link inside the tree is followed; one that leaves the tree is refused
/// before anything of its target is read.
pub fn read_in_tree(root: &Path, path: &Path, limit: u64) -> Result<String, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let real_root = root.canonicalize().map_err(|source| InputError::Io {
        path: root.to_path_buf(),
        source,
    })?;
    let real = path.canonicalize().map_err(io)?;
    if !real.starts_with(&real_root) {
        return Err(InputError::OutsideTree {
            path: path.to_path_buf(),
            root: root.to_path_buf(),
        });
    }
    read_file(path, &real, limit)
}

/// Reads `path` as UTF-8 text when it has at most `limit` bytes, wherever it lies (for files
/// named on the command line, such as an API keys file, which may well be a link into a
/// secrets mount).
pub fn read_limited(path: &Path, limit: u64) -> Result<String, InputError> {
    read_file(path, path, limit)
}

/// Reads `real`, reporting problems on `path` (the name the file was found under).
fn read_file(path: &Path, real: &Path, limit: u64) -> Result<String, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(real).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    // The size can change between the check and the read: never take more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    String::from_utf8(bytes).map_err(|err| InputError::NotUtf8 {
        path: path.to_path_buf(),
        valid_up_to: err.utf8_error().valid_up_to(),
        lossy: String::from_utf8_lossy(err.as_bytes()).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_inside_the_tree() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "x: 1\n").unwrap();
        let text = read_in_tree(dir.path(), &dir.path().join("a.yaml"), 100).unwrap();
        assert_eq!(text, "x: 1\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_inside_the_tree_is_followed_one_leaving_it_is_refused_unread() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "SECRET TEXT").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("real.yaml"), "x: 1\n").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.yaml"), dir.path().join("in.yaml"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("out.yaml"))
            .unwrap();
        assert_eq!(
            read_in_tree(dir.path(), &dir.path().join("in.yaml"), 100).unwrap(),
            "x: 1\n"
        );
        let err = read_in_tree(dir.path(), &dir.path().join("out.yaml"), 100).unwrap_err();
        assert!(matches!(err, InputError::OutsideTree { .. }), "{err}");
        let message = err.to_string();
        assert!(
            message.contains("out.yaml") && message.contains("symbolic link"),
            "{message}"
        );
        assert!(!message.contains("SECRET"), "{message}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_the_limit_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("big.txt"), "a".repeat(101)).unwrap();
        let err = read_in_tree(dir.path(), &dir.path().join("big.txt"), 100).unwrap_err();
        assert!(matches!(
            err,
            InputError::TooLarge {
                size: 101,
                limit: 100,
                ..
            }
        ));
        assert!(
            err.to_string()
                .contains("limit for this kind of file is 100 bytes"),
            "{err}"
        );
    }

    #[test]
    fn invalid_utf8_and_missing_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad"), b"ok\xff").unwrap();
        let err = read_in_tree(dir.path(), &dir.path().join("bad"), 100).unwrap_err();
        assert!(
            matches!(err, InputError::NotUtf8 { valid_up_to: 2, .. }),
            "{err}"
        );
        let err = read_in_tree(dir.path(), &dir.path().join("none"), 100).unwrap_err();
        assert!(err.is_not_found(), "{err}");
    }
}
