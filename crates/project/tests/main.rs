//! The project crate's integration tests, linked into one test executable
//! (`cargo test -p davar-project --test integration`): one binary links faster than one per file.

mod check_cache;
mod codes;
mod known_marketplaces;
mod limits;
mod pipeline;
