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
