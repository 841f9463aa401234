//! The server's integration tests, linked into one test executable
//! (`cargo test -p davar-server --test integration`): one binary links faster than one per file.

mod compliance_figures;
mod record_size;
mod router_admin;
mod router_budget;
mod router_compliance;
mod router_hostile;
mod router_lanes;
mod router_limits;
mod router_moderate;
mod router_partial_removal;
mod router_queue;
mod router_queue_guards;
mod router_queue_rejects;
mod router_routes;
mod store_contract;
mod support;
