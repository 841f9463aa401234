//! Shared by the integration tests: the engine built from the repository's `rules/`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use davar_moderation::{Comment, Engine, Kind, Marketplace, NoClauses, RuleSources};

/// The repository's `rules/` directory.
pub fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules")
}

/// One engine for the whole test binary.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut sources = RuleSources::read_dir(&rules_dir()).expect("rules directory readable");
        sources.set_marketplace(example_marketplace());
        match Engine::new(&sources, &NoClauses) {
            Ok(engine) => engine,
            Err(errors) => panic!(
                "rule sets invalid:\n{}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    })
}

/// The example marketplace of `policies/site.yaml` (Chaharsu), as the compile pipeline reads it.
#[allow(dead_code)]
pub fn example_marketplace() -> Marketplace {
    Marketplace::from_site(
        ["Chaharsu", "چهارسو"],
        ["Chaharsu", "چهارسو", "chaharsu.example"],
        "https://policies.chaharsu.example",
    )
}

/// A Persian review with a title.
#[allow(dead_code)]
pub fn review(body: &str) -> Comment {
    Comment {
        id: None,
        kind: Kind::Review,
        title: Some("نظر من".into()),
        body: body.into(),
        product: None,
        author: None,
        lang: "fa".into(),
    }
}
