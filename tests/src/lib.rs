//! End-to-end tests for davar live in `tests/tests/`; they run the real `davar` binary
//! (built by Cargo for this workspace) and the real server on a loopback port.

use std::path::PathBuf;

/// The `davar` binary Cargo built for these tests: `target/<profile>/davar`, found from the
/// running test executable (`target/<profile>/deps/…`). `davar` is a dev-dependency of this
/// crate, so `cargo test -p davar-tests` builds it first.
pub fn davar_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let name = format!("davar{}", std::env::consts::EXE_SUFFIX);
    exe.ancestors()
        .map(|dir| dir.join(&name))
        .find(|candidate| candidate.is_file())
        .expect("the davar binary is built next to the tests (davar is a dev-dependency)")
}
