//! The routes and how they are grouped (public, `/v1` with client keys, `/v1/admin` with admin
//! keys). Handlers live in one file per concern.

mod admin;
mod appeal;
mod batch;
mod catalog;
mod deadline;
mod decisions;
mod moderate;
mod ops;
mod page;
mod queue;
mod record;
mod site;
mod statement;
mod try_run;

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
pub(crate) use self::appeal::{__path_appeal, AppealRequest};
pub(crate) use self::batch::{__path_batch, BatchItemDoc};
pub(crate) use self::catalog::{__path_obligations, __path_rules};
pub(crate) use self::deadline::__path_deadline;
pub(crate) use self::deadline::{DeadlineRequest, DeadlineResponse};
pub(crate) use self::decisions::{__path_history, __path_record};
pub(crate) use self::moderate::__path_moderate;
pub(crate) use self::ops::Readiness;
pub(crate) use self::ops::{__path_healthz, __path_readyz};
pub(crate) use self::queue::{
    __path_claim, __path_claim_next, __path_decide, __path_item, __path_list, __path_me,
    __path_release,
};
pub(crate) use self::queue::{ItemWithHistory, Me, QueueListing};
pub(crate) use self::statement::__path_statement_of;
pub(crate) use self::try_run::__path_try_comment;

/// Every route, with the state applied.
pub(crate) fn router(state: AppState) -> Router {
    let batch_limit = state.limits().batch_body_bytes;
    let api = Router::new()
        .route("/v1/moderate", post(moderate::moderate))
        .route(
            "/v1/moderate/batch",
            post(batch::batch)
                .layer::<_, Infallible>(DefaultBodyLimit::max(batch_limit))
                .layer::<_, Infallible>(Extension(BodyLimit(batch_limit))),
        )
        .route("/v1/moderate/try", post(try_run::try_comment))
        .route("/v1/decisions/{id}", get(decisions::record))
        .route("/v1/decisions/{id}/history", get(decisions::history))
        .route("/v1/decisions/{id}/statement", get(statement::statement_of))
        .route("/v1/decisions/{id}/appeal", post(appeal::appeal))
        .route("/v1/queue", get(queue::list))
        .route("/v1/queue/me", get(queue::me))
        .route("/v1/queue/claim", post(queue::claim_next))
        .route("/v1/queue/{id}", get(queue::item))
        .route("/v1/queue/{id}/claim", post(queue::claim))
        .route("/v1/queue/{id}/release", post(queue::release))
        .route("/v1/queue/{id}/decision", post(queue::decide))
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
        .route("/moderate/text.js", get(page::text_script))
        .route("/moderate/console.js", get(page::console_script))
        .route("/moderate/appeal.js", get(page::appeal_script))
        .route("/moderate/app.css", get(page::style))
        .merge(api)
        .merge(admin)
        .fallback(site::serve)
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .with_state(state)
}
