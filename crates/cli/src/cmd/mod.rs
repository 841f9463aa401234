//! One module per subcommand; each defines its clap `Args` and a `run` function.

pub mod audit;
pub mod audit_appeals;
pub mod build;
pub mod check;
pub mod deadline;
pub mod decision_log;
pub mod decisions;
pub mod explain;
pub mod import;
pub mod lock;
pub mod moderate;
pub mod notice;
pub mod report;
pub mod rules;
pub mod serve;
