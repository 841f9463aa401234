//! davar-server: the HTTP service. [`app`] builds the whole [`axum::Router`] from an
//! [`AppState`]; nothing else in the workspace knows about HTTP.
//!
//! Routes: `POST /v1/moderate`, `POST /v1/moderate/batch`, `GET /v1/rules`,
//! `GET /v1/obligations`, `POST /v1/deadline`, `POST /v1/admin/reload`, `GET /healthz`,
//! `GET /readyz`, `GET /metrics`, `GET /openapi.json`, `GET /moderate` (moderator page) and the
//! published policy site under `/`. Every error is JSON `{"error":{"code","message","field"}}`.

pub mod auth;
pub mod compiled;
pub mod decision;
pub mod error;
pub mod extract;
mod layers;
pub mod metrics;
pub mod openapi;
mod routes;
pub mod rules_doc;
pub mod state;
pub mod store;

use axum::Router;

pub use crate::auth::{ApiKeys, Caller, Role};
pub use crate::compiled::{CompileError, Compiled, Problem, Sources, compile};
pub use crate::error::ApiError;
pub use crate::state::{AppState, Limits};
pub use crate::store::{ServerStore, SqliteStore, StoreUrl};

/// The whole HTTP service: routes, limits, auth, metrics, panic handling.
pub fn app(state: AppState) -> Router {
    layers::apply(routes::router(state.clone()), state)
}

/// Serves [`app`] on `listener` until `shutdown` resolves; requests in flight then finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}
