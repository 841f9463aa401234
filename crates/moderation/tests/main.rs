//! The moderation crate's integration tests, linked into one test executable
//! (`cargo test -p davar-moderation --test integration`): one binary links faster than one per
//! file.

mod common;
#[path = "differential/inputs.rs"]
mod inputs;
mod pressure_common;

mod deadline;
mod fixtures;
mod marketplace;
mod prefilter_differential;
mod pressure_obfuscation;
mod pressure_spans;
mod pressure_verdict;
mod properties;
mod repair_safety;
mod rulesets;
mod semantic_cost;
