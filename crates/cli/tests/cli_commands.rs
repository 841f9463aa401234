//! `davar --help` lists every command. Being an integration test of the `davar` package, this
//! file also makes `cargo test --workspace` build `target/<profile>/davar`, which the end-to-end
//! tests in `tests/` (package davar-tests) run: without it Cargo builds no plain binary there.

use std::process::Command;

#[test]
fn help_lists_every_command() {
    let output = Command::new(env!("CARGO_BIN_EXE_davar"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for command in [
        "build", "check", "lock", "deadline", "audit", "moderate", "explain", "rules", "serve",
    ] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(command)),
            "`{command}` missing from:\n{help}"
        );
    }
}
