//! The end-to-end tests, linked into one test executable (`cargo test -p davar-tests --test e2e`):
//! one binary links faster than one per file. Each file beside this one is a module; run one of
//! them with a filter, e.g. `cargo test -p davar-tests --test e2e moderation_eval -- --nocapture`.

mod appeal_browser;
mod browser_support;
mod check_calendars;
mod compliance_cli;
mod moderate_cli;
mod moderation_eval;
mod obligation_audit;
mod obligation_check;
mod obligation_deadline;
mod obligation_lock;
mod obligation_rules_json;
mod pipeline_parity;
mod policy_build;
mod semantic_eval;
mod server_browser;
mod server_connections;
mod server_e2e;
mod server_postgres;
mod server_support;
mod site_browser;
mod site_pages;
mod storefronts;
mod unreadable_policies;

/// In every package that links its integration tests into one executable (`autotests = false`
/// in its `Cargo.toml`), each `.rs` file and module folder beside `tests/main.rs` is declared
/// there: a file left out would silently never run.
#[test]
fn every_test_file_is_a_module_of_its_test_executable() {
    let repo = davar_tests::repo_root();
    let mut packages = vec![repo.join("tests")];
    for entry in std::fs::read_dir(repo.join("crates")).expect("crates/") {
        packages.push(entry.expect("directory entry").path());
    }
    let mut missing = Vec::new();
    for package in packages {
        let manifest = std::fs::read_to_string(package.join("Cargo.toml")).unwrap_or_default();
        if !manifest
            .lines()
            .any(|line| line.trim() == "autotests = false")
        {
            continue;
        }
        let dir = package.join("tests");
        let main = std::fs::read_to_string(dir.join("main.rs")).unwrap_or_default();
        for entry in std::fs::read_dir(&dir).expect("tests/") {
            let path = entry.expect("directory entry").path();
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let is_module = if path.is_dir() {
                path.join("mod.rs").is_file()
            } else {
                path.extension().is_some_and(|ext| ext == "rs") && name != "main"
            };
            if is_module
                && !main
                    .lines()
                    .any(|line| line.trim() == format!("mod {name};"))
            {
                missing.push(format!("{}: mod {name};", dir.join("main.rs").display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "declare these test modules: {missing:#?}"
    );
}
