//! Headless Chromium driven through chromedriver (W3C WebDriver), for the browser tests: pages
//! opened for real, scripts run in them, screenshots kept under `CARGO_TARGET_TMPDIR`.
//! Needs the Debian packages `chromium` and `chromium-driver` (`scripts/install-chromium.sh`);
//! tests skip without them locally and fail when `CI=true`.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::server_support;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process with one browser session.
pub struct Driver {
    child: Child,
    url: String,
    session: Option<String>,
    _profile: tempfile::TempDir,
}

impl Driver {
    /// Starts chromedriver and a headless browser session with a window of `width` x `height`.
    pub fn start_sized(width: u32, height: u32) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(reply) = server_support::try_get(&format!("{url}/status"))
                && reply.status == 200
                && reply.json()["value"]["ready"] == true
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let mut driver = Driver {
            child,
            url,
            session: None,
            _profile: profile,
        };
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", driver._profile.path().display())]
            }
        }}});
        let created = driver.call("POST", "/session", Some(capabilities));
        driver.session = Some(
            created["sessionId"]
                .as_str()
                .expect("session id")
                .to_owned(),
        );
        driver
    }

    /// A phone-sized session (420 x 900).
    pub fn start() -> Driver {
        Driver::start_sized(420, 900)
    }

    /// Opens `url` and waits until the page has loaded and its web fonts are ready.
    pub fn open(&self, url: &str) {
        self.call("POST", &self.session("/url"), Some(json!({ "url": url })));
        self.call(
            "POST",
            &self.session("/execute/async"),
            Some(json!({"script": "const done = arguments[0]; document.fonts.ready.then(() => done(true));", "args": []})),
        );
    }

    /// Runs a Chrome DevTools Protocol command in the session.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.call(
            "POST",
            &self.session("/goog/cdp/execute"),
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }

    /// Saves a screenshot of the window as `CARGO_TARGET_TMPDIR/<name>.png` and returns its path.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.call("GET", &self.session("/screenshot"), None);
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.png"));
        std::fs::write(&out, base64_decode(png.as_str().expect("base64 PNG"))).expect("write PNG");
        eprintln!("screenshot: {}", out.display());
        out
    }

    /// Calls a WebDriver endpoint and returns its `value`; fails the test on an error status.
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.url);
        let reply = match method {
            "GET" => server_support::get(&url),
            "POST" => server_support::post_json(&url, &body.unwrap_or_else(|| json!({})), None),
            _ => unreachable!("only GET and POST are used"),
        };
        let value = reply.json();
        assert_eq!(reply.status, 200, "WebDriver {method} {path}: {value}");
        value["value"].clone()
    }

    /// The path of `path` inside the session.
    pub fn session(&self, path: &str) -> String {
        format!(
            "/session/{}{path}",
            self.session.as_deref().expect("session")
        )
    }

    /// The element matching `css`, if any.
    pub fn find(&self, css: &str) -> Option<String> {
        let url = format!("{}{}", self.url, self.session("/element"));
        let reply =
            server_support::post_json(&url, &json!({"using": "css selector", "value": css}), None);
        (reply.status == 200).then(|| reply.json()["value"][ELEMENT].as_str().unwrap().to_owned())
    }

    /// Waits up to 15 s for an element matching `css`.
    pub fn wait_for(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(id) = self.find(css) {
                return id;
            }
            assert!(
                Instant::now() < deadline,
                "no `{css}` after 15 s; page text: {}",
                self.script("return document.body.innerText")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks the element matching `css`, waiting for it first.
    pub fn click(&self, css: &str) {
        let id = self.wait_for(css);
        self.call("POST", &self.session(&format!("/element/{id}/click")), None);
    }

    /// Types `text` into the field matching `css`, waiting for it first.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.wait_for(css);
        self.call(
            "POST",
            &self.session(&format!("/element/{id}/value")),
            Some(json!({"text": text})),
        );
    }

    /// Presses one key on the page (not in a field), as a moderator does for shortcuts.
    pub fn press(&self, key: &str) {
        self.call(
            "POST",
            &self.session("/actions"),
            Some(
                json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]}),
            ),
        );
    }

    /// Waits until `js` (an expression) is true on the page.
    pub fn wait_until(&self, js: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.script(&format!("return Boolean({js})")) != true {
            assert!(
                Instant::now() < deadline,
                "`{js}` still false after 15 s; page text: {}",
                self.script("return document.body.innerText")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Records every Content-Security-Policy violation of the pages loaded from now on in
    /// `window.__cspViolations` (a script Chromium runs before each page's own).
    pub fn record_csp_violations(&self) {
        let source = "window.__cspViolations = [];\
            document.addEventListener('securitypolicyviolation', e => \
              window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') \
                + ' at ' + e.sourceFile + ':' + e.lineNumber));";
        self.call(
            "POST",
            &self.session("/goog/cdp/execute"),
            Some(json!({"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source": source}})),
        );
    }

    /// The violations recorded on the current page.
    pub fn csp_violations(&self) -> Value {
        self.script("return window.__cspViolations")
    }

    /// Runs `js` in the page and returns what it returns.
    pub fn script(&self, js: &str) -> Value {
        self.call(
            "POST",
            &self.session("/execute/sync"),
            Some(json!({"script": js, "args": []})),
        )
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(session) = &self.session {
            let _ = ureq_delete(&format!("{}/session/{session}", self.url));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ureq_delete(url: &str) -> Result<(), ureq::Error> {
    ureq::delete(url).call().map(|_| ())
}

/// Whether chromium and chromedriver are installed (panics when not and `CI=true`).
pub fn browser_available() -> bool {
    let present = Path::new(CHROMEDRIVER).exists() && Path::new(CHROMIUM).exists();
    if !present {
        let why = "chromium and chromedriver are not installed (bash scripts/install-chromium.sh)";
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{why}, but CI=true: the browser test must run in CI"
        );
        eprintln!("skipped: {why}");
    }
    present
}

/// Minimal standard base64 decoder (WebDriver screenshots), to avoid a dependency.
pub fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    };
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &c)| acc | (value(c) << (18 - 6 * i)));
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}
