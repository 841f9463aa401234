//! The command-line behaviour as data: every `tests/cmd/NAME.toml` is one run of `davar`
//! (its arguments, environment and standard input), run in `NAME.in/` (copied to a sandbox
//! when the case writes files), with the expected standard output in `NAME.stdout`, standard
//! error in `NAME.stderr`, exit code in the `.toml`, and the files it must leave in `NAME.out/`.
//! `tests/cmd/README.md` says how to write and update a case.
//!
//! `DAVAR_POLICIES` and `DAVAR_RULES` point at the repository's `policies/` and `rules/`
//! unless a case sets them or passes `--policies`/`--rules`.

use std::path::Path;

#[test]
fn cli_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().expect("the repository root");
    trycmd::TestCases::new()
        .default_bin_name("davar")
        .env(
            "DAVAR_POLICIES",
            root.join("policies").display().to_string(),
        )
        .env("DAVAR_RULES", root.join("rules").display().to_string())
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}
