//! The routes and how they are grouped (public, `/v1` with client keys, `/v1/admin` with admin
//! keys). Handlers live in one file per concern.

mod admin;
mod catalog;
mod deadline;
mod moderate;
mod ops;
mod page;
mod site;

use std::convert::Infallible;

use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Extension, Router};

use crate::error::ApiError;
use crate::extract::BodyLimit;
use crate::layers::{require_admin, require_client};
use crate::state::AppState;

pub(crate) use self::admin::__path_reload;
pub(crate) use self::admin::{ReloadFailure, ReloadResponse};
pub(crate) use self::catalog::{__path_obligations, __path_rules};
pub(crate) use self::deadline::__path_deadline;
pub(crate) use self::deadline::{DeadlineRequest, DeadlineResponse};
pub(crate) use self::moderate::{__path_batch, __path_moderate};
pub(crate) use self::ops::Readiness;
pub(crate) use self::ops::{__path_healthz, __path_readyz};

/// Every route, with the state applied.
pub(crate) fn router(state: AppState) -> Router {
    let batch_limit = state.limits().batch_body_bytes;
    let api = Router::new()
        .route("/v1/moderate", post(moderate::moderate))
        .route(
            "/v1/moderate/batch",
            post(moderate::batch)
                .layer::<_, Infallible>(DefaultBodyLimit::max(batch_limit))
                .layer::<_, Infallible>(Extension(BodyLimit(batch_limit))),
        )
        .route("/v1/rules", get(catalog::rules))
        .route("/v1/obligations", get(catalog::obligations))
        .route("/v1/deadline", post(deadline::deadline))
        .route_layer(from_fn_with_state(state.clone(), require_client));
    let admin = Router::new()
        .route("/v1/admin/reload", post(admin::reload))
        .route_layer(from_fn_with_state(state.clone(), require_admin));
    Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/openapi.json", get(ops::openapi))
        .route("/moderate", get(page::page))
        .route("/moderate/app.js", get(page::script))
        .route("/moderate/app.css", get(page::style))
        .merge(api)
        .merge(admin)
        .fallback(site::serve)
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .with_state(state)
}
