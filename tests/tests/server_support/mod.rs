//! Starting the real `davar serve` on a free loopback port, talking HTTP to it, and stopping it
//! with SIGTERM. Shared by the `server_*` end-to-end tests.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The workspace root (the servers run there, with its `policies/` and `rules/`).
pub fn workspace() -> PathBuf {
    davar_tests::repo_root()
}

/// The policies' date the servers are started for, so pages and clause URLs are stable.
pub const AS_OF: &str = "2026-11-18";

/// A running `davar serve`.
pub struct Server {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    stderr: PathBuf,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Starts `davar serve --addr 127.0.0.1:0 --as-of AS_OF <args>` in the workspace and waits
    /// until it prints the address it listens on.
    pub fn start(args: &[&str]) -> Server {
        Server::try_start(args).unwrap_or_else(|(status, stderr)| {
            panic!("davar serve did not start ({status}):\n{stderr}")
        })
    }

    /// Like [`Server::start`], but returns the exit status and stderr when it does not start.
    pub fn try_start(args: &[&str]) -> Result<Server, (String, String)> {
        let dir = tempfile::tempdir().expect("temp dir");
        let stderr_path = dir.path().join("stderr.log");
        let stderr = std::fs::File::create(&stderr_path).expect("stderr file");
        let mut child = Command::new(davar_tests::davar_bin())
            .current_dir(workspace())
            .args(["serve", "--addr", "127.0.0.1:0", "--as-of", AS_OF])
            .args(args)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("spawn davar serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = tx.send(line);
            }
            for _ in lines {} // keep the pipe drained
        });
        let read_stderr = || std::fs::read_to_string(&stderr_path).unwrap_or_default();
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => {
                let url = line
                    .split_whitespace()
                    .find(|w| w.starts_with("http://"))
                    .unwrap_or_else(|| panic!("unexpected first line: {line}"))
                    .to_owned();
                Ok(Server {
                    child: Some(child),
                    url,
                    stderr: stderr_path,
                    _dir: dir,
                })
            }
            Err(_) => {
                // Stdout closed (the process is exiting) or 60 s passed: collect the exit status.
                let deadline = Instant::now() + Duration::from_secs(10);
                let status = loop {
                    match child.try_wait() {
                        Ok(Some(status)) => break status.to_string(),
                        _ if Instant::now() < deadline => {
                            std::thread::sleep(Duration::from_millis(20))
                        }
                        _ => {
                            let _ = child.kill();
                            let _ = child.wait();
                            break "killed: it neither listened nor exited".to_owned();
                        }
                    }
                };
                Err((status, read_stderr()))
            }
        }
    }

    /// Everything the server logged so far.
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// Sends SIGTERM and waits (at most 20 s) for the process to exit.
    pub fn stop(self) -> ExitStatus {
        let pid = self.pid().to_string();
        let status = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill");
        assert!(status.success(), "kill -TERM failed");
        self.stop_signalled()
    }

    /// Waits (at most 20 s) for a process already sent SIGTERM to exit.
    pub fn stop_signalled(mut self) -> ExitStatus {
        let mut child = self.child.take().expect("running");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = child.try_wait().expect("wait") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!(
                    "davar serve did not stop within 20 s of SIGTERM:\n{}",
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Body text.
    pub body: String,
    /// The `Content-Type` header (empty when absent).
    pub content_type: String,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = result.expect("HTTP request");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let mut body = String::new();
    response
        .body_mut()
        .as_reader()
        .read_to_string(&mut body)
        .expect("body");
    Reply {
        status,
        body,
        content_type,
    }
}

/// `GET url`.
pub fn get(url: &str) -> Reply {
    reply(agent().get(url).call())
}

/// `GET url`, or `None` when nothing answers (connection refused, timeout).
pub fn try_get(url: &str) -> Option<Reply> {
    agent().get(url).call().ok().map(|r| reply(Ok(r)))
}

/// `POST url` with a JSON body, optionally with a bearer key.
pub fn post_json(url: &str, body: &serde_json::Value, key: Option<&str>) -> Reply {
    let mut request = agent().post(url).header("Content-Type", "application/json");
    if let Some(key) = key {
        request = request.header("Authorization", &format!("Bearer {key}"));
    }
    reply(request.send(body.to_string().as_bytes()))
}

/// Whether `violations` of a moderation result contain `code`.
pub fn has_code(result: &serde_json::Value, code: &str) -> bool {
    result["violations"]
        .as_array()
        .is_some_and(|v| v.iter().any(|v| v["code"] == code))
}

/// Skips (returns `None` after printing why) when `var` is unset locally; fails when `CI=true`.
pub fn required_env(var: &str, what: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(value) if !value.is_empty() => Some(value),
        _ if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{var} is not set but CI=true: {what} must run in CI")
        }
        _ => {
            eprintln!("skipped: {var} is not set ({what}); set it to run this test");
            None
        }
    }
}
