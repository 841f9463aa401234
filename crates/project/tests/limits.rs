//! Input limits on every source the pipeline reads: YAML nested too deeply and files too large
//! are refused before any parser sees them, and symbolic links leaving `policies/` or `rules/`
//! are refused without their target being read or quoted. Each refusal is a diagnostic (or a
//! load error) naming the file and the limit.

use std::path::{Path, PathBuf};

use davar_project::{Options, Paths, Project};
use jiff::civil::date;

use crate::pipeline::copy_dir;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A copy of the example marketplace (policies and rules) in a temporary directory.
fn example_copy() -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        policies: dir.path().join("policies"),
        rules: dir.path().join("rules"),
    };
    copy_dir(&root().join("policies"), &paths.policies);
    copy_dir(&root().join("rules"), &paths.rules);
    (dir, paths)
}

fn compile(paths: &Paths) -> Project {
    let options = Options {
        as_of: Some(date(2026, 11, 21)),
        rule_sets: true,
    };
    Project::load(paths, options).expect("the sources load")
}

/// Compiles `paths` and asserts that it took at most two seconds more than twice a compile of
/// the unchanged example: the refused input costs next to nothing (without the limits, the
/// 100,000-deep rule set does not finish within a minute and the 10 MB lexicon takes over ten
/// seconds even in a release build).
fn compile_quickly(paths: &Paths) -> Project {
    let (_clean_dir, clean) = example_copy();
    let started = std::time::Instant::now();
    compile(&clean);
    let baseline = started.elapsed();
    let started = std::time::Instant::now();
    let project = compile(paths);
    let elapsed = started.elapsed();
    let bound = baseline * 2 + std::time::Duration::from_secs(2);
    assert!(
        elapsed < bound,
        "took {elapsed:?}; the unchanged example takes {baseline:?}"
    );
    project
}

/// `[[[…]]]` nested `depth` levels as a YAML value.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// The diagnostics with `code` on `file`, as "message" strings.
fn messages(project: &Project, code: &str, file: &Path) -> Vec<String> {
    project
        .diagnostics
        .iter()
        .filter(|d| d.code == code && d.file == file)
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn a_rule_set_nested_100_000_deep_is_refused_naming_the_limit() {
    let (_dir, paths) = example_copy();
    let file = paths.rules.join("deep.fa.yaml");
    std::fs::write(&file, format!("id: deep\nrules: {}\n", nested(100_000))).unwrap();
    let project = compile_quickly(&paths);
    let found = messages(&project, "rule-set", &file);
    assert!(
        found.iter().any(|m| m.contains("more than 64 levels")),
        "{}",
        project.render_human()
    );
    assert!(project.engine.is_none());
}

#[test]
fn deep_yaml_in_front_matter_calendars_and_site_yaml_is_refused() {
    let (_dir, paths) = example_copy();
    let source = paths.policies.join("terms/v1.en.md");
    let text = std::fs::read_to_string(&source).unwrap();
    let text = text.replacen(
        "summary:",
        &format!("extra: {}\nsummary:", nested(5_000)),
        1,
    );
    std::fs::write(&source, text).unwrap();
    let calendar = paths.rules.join("calendars/ir.yaml");
    let text = std::fs::read_to_string(&calendar).unwrap();
    std::fs::write(&calendar, format!("{text}\nextra: {}\n", nested(5_000))).unwrap();
    let project = compile(&paths);
    let front = messages(&project, "front-matter", &source);
    assert!(
        front.iter().any(|m| m.contains("more than 64 levels")),
        "{}",
        project.render_human()
    );
    let calendar_found = messages(&project, "calendar", &calendar);
    assert!(
        calendar_found
            .iter()
            .any(|m| m.contains("more than 64 levels")),
        "{}",
        project.render_human()
    );

    let site = paths.policies.join("site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, format!("{text}\nextra: {}\n", nested(5_000))).unwrap();
    let options = Options {
        as_of: Some(date(2026, 11, 21)),
        rule_sets: true,
    };
    let err = Project::load(&paths, options).expect_err("site.yaml is refused");
    let message = err.to_string();
    assert!(message.contains("more than 64 levels"), "{message}");
    assert!(message.contains("site.yaml"), "{message}");
}

#[test]
fn a_10_mb_lexicon_is_refused_with_its_name_and_the_limit() {
    let (_dir, paths) = example_copy();
    // A lexicon the shipped rule sets use, grown to 10 MB of distinct phrases.
    let file = paths.rules.join("lexicons/exaggeration.fa.txt");
    let mut text = std::fs::read_to_string(&file).unwrap();
    let mut n = 0;
    while text.len() < 10_000_000 {
        text.push_str(&format!("واژه‌ی بسیار {n} بلند\n"));
        n += 1;
    }
    std::fs::write(&file, text).unwrap();
    let project = compile_quickly(&paths);
    let rendered = project.render_human();
    assert!(rendered.contains("exaggeration.fa.txt"), "{rendered}");
    assert!(
        rendered.contains(&format!(
            "limit for this kind of file is {} bytes",
            davar_input::MAX_LEXICON_BYTES
        )),
        "{rendered}"
    );
    assert!(project.engine.is_none(), "no engine from a refused lexicon");
}

#[test]
fn a_policy_source_over_the_limit_is_refused() {
    let (_dir, paths) = example_copy();
    let source = paths.policies.join("terms/v1.en.md");
    let text = std::fs::read_to_string(&source).unwrap();
    let padding = "word ".repeat(davar_input::MAX_SOURCE_BYTES as usize / 5 + 1);
    std::fs::write(&source, format!("{text}\n{padding}\n")).unwrap();
    let project = compile(&paths);
    let found = messages(&project, "front-matter", &source);
    assert!(
        found
            .iter()
            .any(|m| m.contains("limit for this kind of file")),
        "{}",
        project.render_human()
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_tree_are_refused_and_never_quoted() {
    let (dir, paths) = example_copy();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "id: x\nSECRET-OUTSIDE-TEXT\n").unwrap();
    let policy_link = paths.policies.join("terms/v9.en.md");
    std::os::unix::fs::symlink(&secret, &policy_link).unwrap();
    let rule_link = paths.rules.join("linked.fa.yaml");
    std::os::unix::fs::symlink(&secret, &rule_link).unwrap();
    let project = compile(&paths);
    let rendered = project.render_human();
    assert!(!rendered.contains("SECRET-OUTSIDE-TEXT"), "{rendered}");
    assert!(
        project.source_of(&policy_link).is_none(),
        "the target is not kept"
    );
    let front = messages(&project, "front-matter", &policy_link);
    assert!(
        front.iter().any(|m| m.contains("leads outside")),
        "{rendered}"
    );
    assert!(
        project.diagnostics.iter().any(|d| d.code == "rule-set"
            && d.message.contains("linked.fa.yaml")
            && d.message.contains("leads outside")),
        "{rendered}"
    );

    // A link that stays inside the tree is read like any file.
    std::fs::remove_file(&policy_link).unwrap();
    std::fs::remove_file(&rule_link).unwrap();
    std::fs::rename(
        paths.rules.join("reviews.fa.yaml"),
        paths.rules.join("lexicons/reviews.fa.yaml.real"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        paths.rules.join("lexicons/reviews.fa.yaml.real"),
        paths.rules.join("reviews.fa.yaml"),
    )
    .unwrap();
    let project = compile(&paths);
    assert!(project.diagnostics.is_empty(), "{}", project.render_human());
}

#[test]
fn configuration_values_out_of_sense_are_refused() {
    let (_dir, paths) = example_copy();
    let rule_set = paths.rules.join("answers.fa.yaml");
    let text = std::fs::read_to_string(&rule_set).unwrap();
    std::fs::write(
        &rule_set,
        text.replacen("max_input_chars: 20000", "max_input_chars: 0", 1),
    )
    .unwrap();
    let source = paths.policies.join("dispute-policy/v3.fr.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        text.replacen("within: 24 hours", "within: 4294967295 days", 1),
    )
    .unwrap();
    let project = compile(&paths);
    let rendered = project.render_human();
    assert!(
        messages(&project, "rule-set", &rule_set)
            .iter()
            .any(|m| m.contains("`max_input_chars: 0` is outside 1..=1000000")),
        "{rendered}"
    );
    assert!(
        messages(&project, "obligation-block", &source)
            .iter()
            .any(|m| m.contains("at most 3660 days")),
        "{rendered}"
    );

    // The other end of the range, and a notice period of millennia in site.yaml.
    let text = std::fs::read_to_string(&rule_set).unwrap();
    std::fs::write(
        &rule_set,
        text.replacen("max_input_chars: 0", "max_input_chars: 1000001", 1),
    )
    .unwrap();
    let project = compile(&paths);
    assert!(
        messages(&project, "rule-set", &rule_set)
            .iter()
            .any(|m| m.contains("`max_input_chars: 1000001` is outside")),
        "{}",
        project.render_human()
    );
    let site = paths.policies.join("site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(
        &site,
        text.replacen("sellers: 15", "sellers: 4294967295", 1),
    )
    .unwrap();
    let options = Options {
        as_of: Some(date(2026, 11, 21)),
        rule_sets: true,
    };
    let err = Project::load(&paths, options).expect_err("site.yaml is refused");
    let message = err.to_string();
    assert!(
        message.contains("`notice_days.sellers` is 4294967295"),
        "{message}"
    );
    assert!(message.contains("at most 3660 days"), "{message}");
    assert!(
        err.path().ends_with("site.yaml"),
        "{}",
        err.path().display()
    );
}
