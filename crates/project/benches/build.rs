//! Full build of a generated policy set: 1,000 documents x 3 versions (English), ten clauses
//! each with lists and cross-document links. Times the compile pipeline (load, policy and
//! obligation checks) and the site (pages, `rules.json`), in memory.
//!
//! Run: `cargo bench -p davar-project --bench build -- --warm-up-time 1 --measurement-time 5`

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, criterion_main};
use davar_project::{Options, Paths, Project};
use jiff::civil::date;

const DOCUMENTS: usize = 1_000;
const VERSIONS: u32 = 3;
const CLAUSES: usize = 10;

fn write_policies(dir: &Path) {
    std::fs::write(
        dir.join("site.yaml"),
        "marketplace:\n  name: { en: Benchmark Market }\nbase_url: https://bench.example\nlanguages: [en]\nbinding_language: en\nforeign_brands: [Othermart]\n",
    )
    .unwrap();
    for d in 0..DOCUMENTS {
        let doc = format!("doc-{d:04}");
        let doc_dir = dir.join(&doc);
        std::fs::create_dir(&doc_dir).unwrap();
        for v in 1..=VERSIONS {
            let mut text = format!(
                "---\nid: {doc}\ntype: Terms of Service\nlang: en\ntitle: Policy {d}\nversion: {v}\npublished: {}\neffective: {}\naudience: consumers\nchange: substantive\nsummary: Revision {v} of policy {d}.\n---\n\n",
                date(2024, 1, 1)
                    .checked_add(jiff::Span::new().months(i64::from(v) * 6))
                    .unwrap(),
                date(2024, 2, 1)
                    .checked_add(jiff::Span::new().months(i64::from(v) * 6))
                    .unwrap(),
            );
            for c in 0..CLAUSES {
                let other = format!("doc-{:04}", (d + c + 1) % DOCUMENTS);
                let _ = write!(
                    text,
                    "## Clause {c} of policy {d} {{#clause-{c}}}\n\nSellers and buyers keep to this clause in revision {v}; \
                     wording changes between revisions so that the change pages have real work to do. \
                     See also [the related clause](@{other}#clause-{c}) and [the first clause](#clause-0).\n\n\
                     The following applies:\n\n- a first condition for revision {v};\n- a second condition that stays;\n- a third condition.\n\n"
                );
            }
            std::fs::write(doc_dir.join(format!("v{v}.en.md")), text).unwrap();
        }
    }
}

/// One timed run per phase, printed once, to show where the time goes.
fn print_phases(dir: &Path, as_of: jiff::civil::Date) {
    let start = Instant::now();
    let (set, _) = davar_policy::load(dir).unwrap();
    let load = start.elapsed();
    let start = Instant::now();
    let _ = davar_obligation::checks(&set, as_of, None);
    let obligation_checks = start.elapsed();
    let start = Instant::now();
    let _ = davar_policy::check(&set, as_of);
    let check = start.elapsed() + obligation_checks;
    let start = Instant::now();
    let _ = davar_policy::render_site(&set, as_of, None).unwrap();
    let render = start.elapsed();
    let start = Instant::now();
    let _ = davar_obligation::site_files(&set, as_of);
    let site_files = start.elapsed();
    println!(
        "phases: load {load:.2?}, check {check:.2?} (obligation checks {obligation_checks:.2?}), render {render:.2?} (obligation site files {site_files:.2?})"
    );
}

fn full_build(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_policies(dir.path());
    // All three versions are published; the third takes effect after this date (upcoming banner).
    let as_of = date(2025, 7, 15);
    print_phases(dir.path(), as_of);
    // No rules directory: the pipeline compiles the policies alone.
    let paths = Paths {
        policies: dir.path().to_path_buf(),
        rules: dir.path().join("rules"),
    };
    let options = Options {
        as_of: Some(as_of),
        rule_sets: false,
    };
    let mut group = c.benchmark_group("policy-site");
    group.sample_size(10);
    group.bench_function("load+check+render 1000 docs x 3 versions", |b| {
        b.iter(|| {
            let project = Project::load(&paths, options).unwrap();
            assert!(project.diagnostics.is_empty(), "{:?}", project.diagnostics);
            let site = project.site(None).unwrap();
            // Per document: current page, feed, three version pages and two change pages.
            assert!(site.files.len() >= 7 * DOCUMENTS);
            site
        })
    });
    group.finish();
}

// criterion's macros generate undocumented functions.
#[allow(missing_docs)]
mod harness {
    criterion::criterion_group!(benches, super::full_build);
}
criterion_main!(harness::benches);
