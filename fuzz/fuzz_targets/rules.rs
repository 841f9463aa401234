//! Rule sets, lexicons and calendars -> the parsers and compiler the compile pipeline uses
//! (`Engine::new` with clause links resolved against the example policies, as `davar check`
//! and the server do; `Calendars::from_sources`), then the compiled engine on a few short
//! comments. No outcome may panic.
//!
//! Input format (`sections.rs`): files separated by lines `=== <path>`; bytes before the first
//! such line are the rule set `reviews.fa.yaml`. `lexicons/<name>.txt` adds or replaces a
//! lexicon, `calendars/<name>.yaml` is a working-day calendar, any other path a rule set. The
//! example lexicons are always there, cut to their first lines (so fuzzed rule sets can name them
//! without every execution parsing 160 KB of word lists); the example rule sets are not (each
//! input is its own rules directory).

#![no_main]

mod sections;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use davar_moderation::{Comment, Engine, Kind, Marketplace, MemoryStore, RuleSources};
use davar_obligation::Calendars;
use davar_policy::PolicySet;
use libfuzzer_sys::fuzz_target;

const DEFAULT_PATH: &str = "reviews.fa.yaml";
const MAX_FILES: usize = 8;
const EXAMPLE_LEXICON_LINES: usize = 24;

struct World {
    policies: PolicySet,
    lexicons: RuleSources,
    marketplace: Marketplace,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let (policies, _) =
            davar_policy::load(&root.join("policies")).expect("the example policies load");
        let examples =
            RuleSources::read_dir(&root.join("rules")).expect("the example rules directory reads");
        let mut lexicons = RuleSources::new();
        // The first lines of each example lexicon: enough for fuzzed rule sets to name them,
        // short enough that parsing them is not what each execution spends its time on.
        for (name, file) in examples.lexicons {
            let head: String = file
                .text
                .lines()
                .take(EXAMPLE_LEXICON_LINES)
                .flat_map(|line| [line, "\n"])
                .collect();
            lexicons.add_lexicon(name, file.path, head);
        }
        let site = &policies.site;
        let marketplace = Marketplace::from_site(
            site.marketplace_name.values().map(String::as_str),
            site.brands.iter().map(String::as_str),
            &site.base_url,
        );
        World {
            policies,
            lexicons,
            marketplace,
        }
    })
}

const COMMENTS: [(Kind, &str, &str); 4] = [
    (
        Kind::Review,
        "fa",
        "جنس خوبی داره، با ۰۹۱۲۳۴۵۶۷۸۹ تماس بگیرید www.shop.ir",
    ),
    (Kind::Question, "fa", "این مدل گارانتی دارد؟ قیمتش چنده"),
    (
        Kind::Review,
        "en",
        "Great, call +49 151 23456789 or mail me@example.com",
    ),
    (Kind::Answer, "de", "Ja, schreib mir auf telegram @verkauf"),
];

fuzz_target!(
    // Built before the first input, so the one-time set-up does not count against the first
    // execution's timeout on a loaded machine.
    init: {
        world();
    },
    |data: &[u8]| {
        let world = world();
        let root = PathBuf::from("/fuzz/rules");
        let mut sources = world.lexicons.clone();
        sources.set_marketplace(world.marketplace.clone());
        let mut calendars = Vec::new();
        for (path, content) in sections::files(data, DEFAULT_PATH, MAX_FILES) {
            let text = String::from_utf8_lossy(content).into_owned();
            let full = root.join(&path);
            if let Some(name) = path
                .strip_prefix("lexicons/")
                .and_then(|p| p.strip_suffix(".txt"))
            {
                sources.add_lexicon(name, full, text);
            } else if path.starts_with("calendars/") {
                calendars.push((full, text));
            } else {
                sources.add_rule_set(full, text);
            }
        }
        if !calendars.is_empty() {
            let _ = Calendars::from_sources(&calendars);
        }
        let set = &world.policies;
        let as_of = jiff::civil::date(2026, 11, 21);
        let resolve = |doc: &str, clause: &str, lang: &str| {
            set.clause_url(doc, clause, lang, as_of)
                .or_else(|| set.clause_url(doc, clause, "en", as_of))
        };
        let Ok(engine) = Engine::new(&sources, &resolve) else {
            return;
        };
        let store = MemoryStore::new();
        for (kind, lang, body) in COMMENTS {
            if engine.rule_set_for(kind, lang).is_none() {
                continue;
            }
            let comment = Comment {
                id: None,
                kind,
                title: Some("عنوان title".to_owned()),
                body: body.to_owned(),
                product: Some("p-1".to_owned()),
                author: None,
                lang: lang.to_owned(),
            };
            let _ = engine.moderate(&comment, &store);
        }
    }
);
