//! `davar serve`: compiles policies and rule sets, opens the question store and serves the
//! HTTP API, the published pages and the moderator page until SIGTERM or Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use davar_server::{
    ApiKeys, AppState, CompileError, Connections, Lanes, Limits, Sources, StoreUrl, compile,
};

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
    /// API keys file: one `client <key>`, `moderator <key> <name>` (may also work the review
    /// queue; the name is the moderator's id in the decision log) or `admin <key> [<name>]` per
    /// line. Without it the API is open and `/v1/admin/reload` is disabled.
    #[arg(long, env = "DAVAR_API_KEYS")]
    pub api_keys: Option<PathBuf>,
    /// Serve the policy versions in force on this date (default: today in the time zone of
    /// `site.yaml`, followed as the date changes).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<jiff::civil::Date>,
    /// Time budget of one moderation request once its body is in, waiting for a worker
    /// included; past it the work stops and the answer is `503 timeout`.
    #[arg(long, default_value_t = 5000, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_ms: u64,
    /// Time a client has to send the whole request body once its head is in (`408`).
    #[arg(long, default_value_t = 10_000, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout_ms: u64,
    /// Time to receive a request head, from the connection's opening or the previous response.
    #[arg(long, default_value_t = 10_000, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout_ms: u64,
    /// Time a kept-alive connection with no request in flight may stay silent.
    #[arg(long, default_value_t = 5_000, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout_ms: u64,
    /// Connections open at once; more wait in the listen backlog (keep the file-descriptor
    /// limit, `ulimit -n`, above it).
    #[arg(long, default_value_t = 1_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: u64,
    /// Time requests in flight get to finish after SIGTERM or Ctrl-C; then the rest is closed.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    pub shutdown_grace_ms: u64,
    /// Moderation requests waiting or running per worker lane; more wait for a place within
    /// their time budget.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub concurrency: u64,
    /// Moderation threads for ordinary comments (default: one per core); batches and long
    /// comments get half as many of their own.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub workers: Option<u64>,
    /// Largest request body in bytes.
    #[arg(long, default_value_t = 64 * 1024, value_name = "BYTES")]
    pub max_body: usize,
    /// Largest body of `POST /v1/moderate/batch` in bytes (up to 1,000 comments).
    #[arg(long, default_value_t = 4 * 1024 * 1024, value_name = "BYTES")]
    pub max_batch_body: usize,
    /// Log format on stderr (filter with RUST_LOG, default `info`); `--format` is the same.
    #[arg(long, visible_alias = "format", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    #[value(alias = "human")]
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
    eprint!("{}", compiled.warnings_text);
    let keys = match &args.api_keys {
        Some(path) => Some(ApiKeys::read(path)?),
        None => None,
    };
    let store_url: StoreUrl = args.store.parse()?;
    let mut lanes = Lanes::default();
    if let Some(n) = args.workers {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        lanes.light_threads = n;
        lanes.heavy_threads = n.div_ceil(2);
    }
    let limits = Limits {
        body_bytes: args.max_body,
        batch_body_bytes: args.max_batch_body,
        timeout: Duration::from_millis(args.timeout_ms),
        body_timeout: Duration::from_millis(args.body_timeout_ms),
        concurrency: usize::try_from(args.concurrency).unwrap_or(usize::MAX),
        lanes,
        ..Limits::default()
    };
    let connections = Connections {
        header_timeout: Duration::from_millis(args.header_timeout_ms),
        idle_timeout: Duration::from_millis(args.idle_timeout_ms),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
        shutdown_grace: Duration::from_millis(args.shutdown_grace_ms),
    };
    warn_on_descriptor_limit(connections.max_connections);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    let served = runtime.block_on(async move {
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
        davar_server::serve(listener, state, connections, shutdown_signal())
            .await
            .context("the server failed")?;
        anyhow::Ok(())
    });
    // Work still running (a reload's compilation, a moderation past its budget) is abandoned.
    runtime.shutdown_timeout(Duration::from_millis(100));
    served?;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Warns when the process may run out of file descriptors before reaching the connection limit
/// (Linux: read from `/proc/self/limits`).
fn warn_on_descriptor_limit(max_connections: usize) {
    let Ok(limits) = std::fs::read_to_string("/proc/self/limits") else {
        return;
    };
    let soft = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .and_then(|l| l.split_whitespace().nth(3))
        .and_then(|n| n.parse::<usize>().ok());
    if let Some(soft) = soft
        && soft < max_connections.saturating_add(64)
    {
        tracing::warn!(
            descriptor_limit = soft,
            max_connections,
            "the file-descriptor limit is below --max-connections plus room for files; raise it (`ulimit -n`) or lower --max-connections"
        );
    }
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
