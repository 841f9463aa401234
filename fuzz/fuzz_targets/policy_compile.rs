//! Policy sources -> load -> check -> render: arbitrary bytes as a small policy directory.
//!
//! Input format (`sections.rs`, so seeds can be real policy sets): files separated by lines
//! `=== <path>`; bytes before the first such line go to `terms/v1.en.md`. `site.yaml` is the
//! example marketplace's unless the input carries its own. No outcome may panic. The site is
//! rendered for one input in four (see below).

#![no_main]

mod sections;

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

fuzz_target!(
    // Built before the first input, so the one-time set-up does not count against the first
    // execution's timeout on a loaded machine.
    init: {
        default_site();
    },
    |data: &[u8]| {
        // In memory-backed /dev/shm when there is one: writing and reading the files costs no disk.
        let Ok(dir) = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()) else {
            return;
        };
        let root = dir.path();
        let mut has_site = false;
        for (path, content) in sections::files(data, DEFAULT_PATH, MAX_FILES) {
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
        // Rendering the site parses every built-in template again (a new template engine per
        // call) and renders every page: most of an execution's time. One input in four (by its
        // length, so a crash reproduces) renders it.
        if data.len() % 4 == 0 {
            let _ = project.site(None);
        }
    }
);
