//! One module per subcommand; each defines its clap `Args` and a `run` function.

pub mod audit;
pub mod build;
pub mod check;
pub mod deadline;
pub mod explain;
pub mod lock;
pub mod moderate;
pub mod notice;
pub mod rules;
pub mod serve;
