//! End-to-end tests for davar live in `tests/tests/`; they run the real `davar` binary
//! (built by Cargo for this workspace) and the real server on a loopback port.

use std::path::PathBuf;

/// The `davar` binary Cargo built for these tests: `target/<profile>/davar`, found from the
/// running test executable (`target/<profile>/deps/…`). `cargo test --workspace` builds it
/// before any test runs, because the `davar` package has integration tests of its own
/// (`crates/cli/tests/`); `.ci/run` also builds it explicitly before testing.
pub fn davar_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let name = format!("davar{}", std::env::consts::EXE_SUFFIX);
    exe.ancestors()
        .map(|dir| dir.join(&name))
        .find(|candidate| candidate.is_file())
        .expect("no davar binary next to the tests: run `cargo build -p davar` or `cargo test --workspace`")
}

/// The repository's root directory (the parent of this crate), where `policies/` and `rules/` are.
///
/// Read from `CARGO_MANIFEST_DIR` at run time (Cargo sets it for every test it runs), so that a
/// library compiled in another checkout of the repository never points the tests at that
/// checkout's files; the path compiled in is the fallback for a test binary run by hand.
pub fn repo_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("tests/ has a parent directory")
        .to_path_buf()
}

/// Copies `from` into `to` recursively, so a test can edit a copy of the example policies or
/// rule sets without touching the repository.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
