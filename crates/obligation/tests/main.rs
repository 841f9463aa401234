//! The obligation crate's integration tests, linked into one test executable
//! (`cargo test -p davar-obligation --test integration`): one binary links faster than one per file.

mod appeal_window;
mod bad_input;
mod compliance_evidence;
mod compliance_mediators;
mod durations;
mod pressure_deadline;
