//! The policy crate's integration tests, linked into one test executable
//! (`cargo test -p davar-policy --test integration`): one binary links faster than one per file.

mod generated;

mod bad_input;
mod clause_ids;
mod empty_list;
mod long_history;
mod notice;
mod precision;
mod pressure_render;
mod real_text;
mod render;
mod site_links;
mod unknown_brand;
