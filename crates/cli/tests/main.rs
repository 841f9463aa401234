//! The command line's integration tests, linked into one test executable
//! (`cargo test -p davar --test integration`): one binary links faster than one per file.

mod audit_independence;
mod cli_cases;
mod cli_commands;
