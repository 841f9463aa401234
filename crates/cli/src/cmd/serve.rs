//! `davar serve`: compiles policies and rule sets, opens the question store and serves the
//! HTTP API, the published pages and the moderator page until SIGTERM or Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use davar_server::{ApiKeys, AppState, CompileError, Limits, Sources, StoreUrl, compile};

use crate::Global;

/// Arguments of `davar serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on (`127.0.0.1:0` picks a free port; the chosen one is printed).
    #[arg(long, default_value = "127.0.0.1:8080", env = "DAVAR_ADDR")]
    pub addr: SocketAddr,
    /// Question store for duplicate questions: `sqlite://FILE`, `postgres://USER@HOST:PORT/DB`
    /// (shared by several instances) or `memory:`.
    #[arg(long, default_value = "sqlite://davar.db", env = "DAVAR_STORE")]
    pub store: String,
    /// API keys file: one `client <key>` or `admin <key>` per line. Without it the API is open
    /// and `/v1/admin/reload` is disabled.
    #[arg(long, env = "DAVAR_API_KEYS")]
    pub api_keys: Option<PathBuf>,
    /// Serve the policy versions in force on this date (default: today in the time zone of
    /// `site.yaml`, followed as the date changes).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<jiff::civil::Date>,
    /// Request timeout in milliseconds.
    #[arg(long, default_value_t = 5000, value_name = "MS")]
    pub timeout_ms: u64,
    /// Requests handled at once (more wait for a slot).
    #[arg(long, default_value_t = 256)]
    pub concurrency: usize,
    /// Largest request body in bytes.
    #[arg(long, default_value_t = 64 * 1024, value_name = "BYTES")]
    pub max_body: usize,
    /// Largest body of `POST /v1/moderate/batch` in bytes (up to 1,000 comments).
    #[arg(long, default_value_t = 4 * 1024 * 1024, value_name = "BYTES")]
    pub max_batch_body: usize,
    /// Log format on stderr (filter with RUST_LOG, default `info`).
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Runs `davar serve`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    init_logging(args.log_format);
    let sources = Sources {
        policies: global.policies.clone(),
        rules: global.rules.clone(),
        as_of: args.as_of,
    };
    let compiled = match compile(&sources) {
        Ok(compiled) => compiled,
        Err(err) => return Ok(refuse(&err)),
    };
    for warning in &compiled.warnings {
        eprint!(
            "{}",
            warning.render_human(std::fs::read_to_string(&warning.file).ok().as_deref())
        );
    }
    let keys = match &args.api_keys {
        Some(path) => Some(ApiKeys::read(path)?),
        None => None,
    };
    let store_url: StoreUrl = args.store.parse()?;
    let limits = Limits {
        body_bytes: args.max_body,
        batch_body_bytes: args.max_batch_body,
        timeout: Duration::from_millis(args.timeout_ms),
        concurrency: args.concurrency.max(1),
        ..Limits::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    runtime.block_on(async move {
        let store = store_url.open().await?;
        tracing::info!(store = %store.describe(), "question store ready");
        let state = AppState::new(sources, compiled, Arc::clone(&store), keys, limits);
        tokio::spawn(state.clone().follow_the_date());
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        // The one line on stdout: scripts and tests read the port from it.
        println!("davar serve: listening on http://{local}");
        tracing::info!(addr = %local, "serving");
        davar_server::serve(listener, state, shutdown_signal())
            .await
            .context("the server failed")?;
        tracing::info!("stopped: in-flight requests finished");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Prints why the sources do not compile; exit 1 for errors in them, 2 when unreadable.
fn refuse(err: &CompileError) -> ExitCode {
    match err {
        CompileError::Check(project) => eprint!("{}", project.render_human()),
        other => {
            for p in other.problems() {
                eprintln!(
                    "error[{}]: {}:{}:{}: {}",
                    p.code, p.file, p.line, p.column, p.message
                );
            }
        }
    }
    eprintln!("error: not serving: {err}; fix the sources (`davar check` lists the same problems)");
    match err {
        CompileError::Load { .. } => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

/// Resolves on SIGTERM or Ctrl-C; axum then stops accepting and lets requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C: shutting down"),
        () = terminate => tracing::info!("SIGTERM: shutting down"),
    }
}
