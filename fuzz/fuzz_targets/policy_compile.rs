//! Policy sources -> load -> check -> render: arbitrary bytes as a small policy directory.
//!
//! Input format (so seeds can be real policy sets): files separated by lines `=== <path>`;
//! bytes before the first such line go to `terms/v1.en.md`. Paths are kept inside the
//! temporary directory (at most two components of `[a-z0-9._-]`). `site.yaml` is the example
//! marketplace's unless the input carries its own. No outcome may panic.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use davar_project::{Options, Paths, Project};
use libfuzzer_sys::fuzz_target;

const DEFAULT_PATH: &str = "terms/v1.en.md";
const MAX_FILES: usize = 8;

fn default_site() -> &'static [u8] {
    static SITE: OnceLock<Vec<u8>> = OnceLock::new();
    SITE.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies/site.yaml");
        std::fs::read(&path).unwrap_or_else(|_| b"marketplace:\n  name: { en: Shop }\n".to_vec())
    })
}

fn safe_path(raw: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(raw).ok()?.trim();
    let parts: Vec<&str> = text.split('/').collect();
    let ok = !text.is_empty()
        && text.len() <= 64
        && parts.len() <= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && *p != "."
                && *p != ".."
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        });
    ok.then(|| text.to_owned())
}

/// Splits the input into (path, content) pairs.
fn files(data: &[u8]) -> Vec<(String, &[u8])> {
    let mut out = Vec::new();
    let mut path = DEFAULT_PATH.to_owned();
    let mut rest = data;
    let mut start_of_line = true;
    let mut content_start = 0;
    let mut i = 0;
    while i < rest.len() {
        if start_of_line && rest[i..].starts_with(b"=== ") {
            let line_end = rest[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |p| i + p);
            let content = &rest[content_start..i];
            if !(content.is_empty() && out.is_empty() && path == DEFAULT_PATH) {
                out.push((path.clone(), content));
            }
            path = safe_path(&rest[i + 4..line_end]).unwrap_or_else(|| DEFAULT_PATH.to_owned());
            rest = &rest[(line_end + 1).min(rest.len())..];
            i = 0;
            content_start = 0;
            start_of_line = true;
            continue;
        }
        start_of_line = rest[i] == b'\n';
        i += 1;
    }
    out.push((path, &rest[content_start..]));
    out.truncate(MAX_FILES);
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    let root = dir.path();
    let mut has_site = false;
    for (path, content) in files(data) {
        has_site |= path == "site.yaml";
        let target = root.join(&path);
        if let Some(parent) = target.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&target, content);
    }
    if !has_site {
        let _ = std::fs::write(root.join("site.yaml"), default_site());
    }
    let as_of = jiff::civil::date(2026, 11, 21);
    // The compile pipeline every command uses, without rule sets (no rules directory).
    let paths = Paths {
        policies: root.to_path_buf(),
        rules: root.join("no-rules"),
    };
    let options = Options {
        as_of: Some(as_of),
        rule_sets: false,
    };
    let Ok(project) = Project::load(&paths, options) else {
        return;
    };
    let _ = project.render_human();
    let _ = project.obligations_json();
    let _ = project.site(None);
});
