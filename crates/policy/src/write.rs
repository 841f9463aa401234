//! Publishing a [`Site`]: everything is written to a temporary directory next to the output,
//! which then replaces the old output, so a failed build never leaves a half-written site.
//! Every site carries a [`SITE_MARKER`] file; only a directory with one (or an empty one) is
//! ever replaced, so pointing the output at a checkout or a home directory deletes nothing.

use std::collections::HashSet;
use std::io;
use std::path::{Component, Path};

use crate::render::Site;

/// The file marking a directory as a site written by [`write_site`], which it may replace.
pub const SITE_MARKER: &str = ".davar-site";

/// Writes `site` to `out`, replacing what was there only once every file is written. Refuses
/// (`InvalidInput`) when `out` is a file, or a directory that is neither empty nor an earlier
/// site (one holding [`SITE_MARKER`]).
pub fn write_site(site: &Site, out: &Path) -> io::Result<()> {
    check_replaceable(out)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    std::fs::create_dir_all(&parent)?;
    let name = out
        .file_name()
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} has no directory name", out.display()),
            )
        })?
        .to_string_lossy()
        .into_owned();
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)?;
    // Directories made so far (relative), so each is made once however many files it holds.
    let mut made: HashSet<&str> = HashSet::new();
    for (relative, bytes) in &site.files {
        let relative_path = Path::new(relative);
        let safe = relative_path
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the site: {relative}"),
            ));
        }
        let path = staging.path().join(relative_path);
        let dir = relative.rsplit_once('/').map_or("", |(dir, _)| dir);
        if made.insert(dir)
            && let Some(dir) = path.parent()
        {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, bytes)?;
    }
    std::fs::write(
        staging.path().join(SITE_MARKER),
        "A site written by davar build, which replaces this directory on the next build.\n",
    )?;
    if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(&parent)?;
        let old_site = old.path().join("site");
        std::fs::rename(out, &old_site)?;
        if let Err(err) = std::fs::rename(staging.path(), out) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old_site, out);
            return Err(err);
        }
        // `old` (holding the previous site) is removed when dropped.
        drop(old);
    } else {
        std::fs::rename(staging.path(), out)?;
    }
    // The staging path was renamed away; keep() stops its drop from deleting `out`.
    let _ = staging.keep();
    Ok(())
}

/// Refuses an `out` that exists and is not an empty directory or an earlier site.
fn check_replaceable(out: &Path) -> io::Result<()> {
    let refuse = |reason: &str| {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} {reason}; give an empty or new directory (a site is replaced only when it \
                 holds the {SITE_MARKER} file a build writes)",
                out.display()
            ),
        ))
    };
    let Ok(meta) = std::fs::symlink_metadata(out) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return refuse("exists and is not a directory");
    }
    if out.join(SITE_MARKER).is_file() || std::fs::read_dir(out)?.next().is_none() {
        return Ok(());
    }
    refuse("is not empty and is not a site davar built")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Site {
        Site {
            files: files
                .iter()
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
                .collect(),
        }
    }

    #[test]
    fn replaces_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&site(&[("a/index.html", "one"), ("old.html", "x")]), &out).unwrap();
        write_site(&site(&[("a/index.html", "two")]), &out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "two"
        );
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("site")]);
    }

    #[test]
    fn refuses_a_directory_that_is_not_a_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("checkout");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "keep me").unwrap();
        let err = write_site(&site(&[("index.html", "x")]), &out).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("not a site"), "{err}");
        assert_eq!(
            std::fs::read_to_string(out.join("notes.txt")).unwrap(),
            "keep me"
        );
        assert!(!out.join("index.html").exists());
        let file = dir.path().join("file");
        std::fs::write(&file, "data").unwrap();
        assert!(write_site(&site(&[("index.html", "x")]), &file).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "data");
    }

    #[test]
    fn fills_an_empty_directory_and_marks_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir(&out).unwrap();
        write_site(&site(&[("index.html", "x")]), &out).unwrap();
        assert!(out.join(SITE_MARKER).is_file());
        assert!(out.join("index.html").is_file());
    }

    #[test]
    fn a_failed_write_leaves_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&site(&[("index.html", "good")]), &out).unwrap();
        let err = write_site(
            &site(&[("index.html", "bad"), ("../escape.html", "x")]),
            &out,
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "good"
        );
    }
}
