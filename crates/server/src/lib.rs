//! davar-server: the HTTP service. [`app`] builds the whole [`axum::Router`] from an
//! [`AppState`]; nothing else in the workspace knows about HTTP.
//!
//! Routes: `POST /v1/moderate`, `POST /v1/moderate/batch`, `GET /v1/rules`,
//! `GET /v1/obligations`, `POST /v1/deadline`, `POST /v1/admin/reload`, `GET /healthz`,
//! `GET /readyz`, `GET /metrics`, `GET /openapi.json`, `GET /moderate` (moderator page) and the
//! published policy site under `/`. Every error is JSON `{"error":{"code","message","field"}}`.
//!
//! [`serve`] accepts connections with the timeouts and limits of [`Connections`]; moderation runs
//! on dedicated threads ([`workers`]) within a per-request budget.

pub mod auth;
pub mod compiled;
pub mod compliance;
pub mod decision;
pub mod error;
pub mod extract;
mod idle;
mod layers;
pub mod listen;
pub mod metrics;
pub mod openapi;
pub mod request;
mod routes;
pub mod rules_doc;
pub mod state;
pub mod store;
pub mod workers;

use axum::Router;

pub use crate::auth::{ApiKeys, Caller, Role};
pub use crate::compiled::{CompileError, Compiled, Problem, Sources, compile};
pub use crate::error::ApiError;
pub use crate::layers::CONTENT_SECURITY_POLICY;
pub use crate::listen::Connections;
pub use crate::state::{AppState, Limits, ReloadError};
pub use crate::store::{ServerStore, SqliteStore, StoreUrl};
pub use crate::workers::Lanes;

/// The whole HTTP service: routes, limits, auth, metrics, panic handling.
pub fn app(state: AppState) -> Router {
    layers::apply(routes::router(state.clone()), state)
}

/// Serves [`app`] on `listener` until `shutdown` resolves; requests in flight then get
/// [`Connections::shutdown_grace`] to finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    connections: Connections,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    listen::serve_router(listener, app(state), connections, shutdown).await
}
