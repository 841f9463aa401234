//! Accepting and keeping connections: HTTP/1.1 through hyper with a timer, so that a client
//! cannot hold a connection without sending:
//!
//! - the request head must arrive within [`Connections::header_timeout`] of the server starting
//!   to wait for it (hyper's header-read timeout; it starts when the connection opens and again
//!   after each response);
//! - a kept-alive connection silent for [`Connections::idle_timeout`] is closed (`crate::idle`);
//! - at most [`Connections::max_connections`] are open at once; past that, new connections wait
//!   in the kernel's listen backlog, and one warning says so each time the limit is reached;
//! - on shutdown, no new connection is accepted, requests in flight may finish within
//!   [`Connections::shutdown_grace`], and whatever is still open then is closed.
//!
//! The body's own deadline and the handler's budget are request matters (`Limits`).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::idle::{IdleIo, InFlight};

/// How connections are accepted, kept and closed.
#[derive(Debug, Clone, Copy)]
pub struct Connections {
    /// Time to receive a whole request head, from when the server starts waiting for it.
    pub header_timeout: Duration,
    /// Time a connection with no request in flight may stay silent.
    pub idle_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
    /// Time requests in flight get to finish after a shutdown signal.
    pub shutdown_grace: Duration,
}

impl Default for Connections {
    fn default() -> Connections {
        Connections {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(5),
            max_connections: 1_000,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then closes down within the grace
/// period.
pub async fn serve_router(
    listener: TcpListener,
    app: Router,
    connections: Connections,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(connections.header_timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let max = connections.max_connections.max(1);
    let open = Arc::new(Semaphore::new(max));
    let mut at_limit = false;
    tokio::pin!(shutdown);
    loop {
        let place = match Arc::clone(&open).try_acquire_owned() {
            Ok(place) => {
                at_limit = false;
                place
            }
            Err(_) => {
                if !at_limit {
                    tracing::warn!(
                        max_connections = max,
                        "connection limit reached: {max} connections are open; new connections wait in the listen backlog until one closes (--max-connections)"
                    );
                    at_limit = true;
                }
                tokio::select! {
                    place = Arc::clone(&open).acquire_owned() => match place {
                        Ok(place) => place,
                        Err(_) => break, // never closed
                    },
                    () = &mut shutdown => break,
                }
            }
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(e) => {
                    // Out of file descriptors or a connection reset before it was accepted:
                    // keep serving the connections already open and try again shortly.
                    tracing::warn!(error = %e, "accepting a connection failed; retrying in 100 ms");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let in_flight = InFlight::default();
        let io = TokioIo::new(IdleIo::new(
            stream,
            connections.idle_timeout,
            in_flight.clone(),
        ));
        let app = app.clone();
        let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let request = in_flight.enter();
            let response = app.clone().oneshot(req.map(Body::new));
            async move {
                let response = response.await;
                drop(request);
                response
            }
        });
        let connection = graceful.watch(http.serve_connection(io, service));
        tokio::spawn(async move {
            let _place = place;
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection closed with an error");
            }
        });
    }
    drop(listener);
    let still_open = max - open.available_permits();
    tracing::info!(
        open = still_open,
        grace_ms = u64::try_from(connections.shutdown_grace.as_millis()).unwrap_or(u64::MAX),
        "shutting down: no new connections; requests in flight may finish"
    );
    match tokio::time::timeout(connections.shutdown_grace, graceful.shutdown()).await {
        Ok(()) => tracing::info!("every connection closed"),
        Err(_) => tracing::warn!(
            open = max - open.available_permits(),
            "shutdown grace period over: closing the connections still open"
        ),
    }
    Ok(())
}
