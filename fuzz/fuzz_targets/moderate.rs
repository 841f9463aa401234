//! The moderation engine on arbitrary title, body, kind, language and product, with the example
//! rule sets. Besides "no panic", it checks what every caller relies on: each span lies inside
//! its field, on code points, and its `text` is exactly that slice; repaired text, moderated
//! again, needs no further repair.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use davar_moderation::{Comment, Engine, Field, Kind, MemoryStore, NoClauses, RuleSources};
use libfuzzer_sys::fuzz_target;

/// Input layout (so seeds can be real comments): byte 0 picks the kind (and, with its top bit,
/// moderating twice with one store), byte 1 the language (`fa`, `en`, `fr`, `de`, or an
/// unknown one), then UTF-8 text (invalid bytes replaced): the title up to the first NUL, the
/// body after it; no NUL means no title.
struct Input {
    kind: Kind,
    lang: &'static str,
    twice: bool,
    title: Option<String>,
    body: String,
}

impl Input {
    fn parse(data: &[u8]) -> Option<Input> {
        let (&k, rest) = data.split_first()?;
        let (&l, text) = rest.split_first()?;
        let kind = match k % 3 {
            0 => Kind::Review,
            1 => Kind::Question,
            _ => Kind::Answer,
        };
        let lang = ["fa", "fa", "en", "fr", "de", "xx"][usize::from(l) % 6];
        let text = String::from_utf8_lossy(text);
        let (title, body) = match text.split_once('\0') {
            Some((t, b)) => (Some(t.to_owned()), b.to_owned()),
            None => (None, text.into_owned()),
        };
        Some(Input {
            kind,
            lang,
            twice: k & 0x80 != 0,
            title,
            body,
        })
    }
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
        let sources = RuleSources::read_dir(&rules).expect("the example rules directory reads");
        Engine::new(&sources, &NoClauses).expect("the example rule sets compile")
    })
}

fn check_spans(comment: &Comment, result: &davar_moderation::ModerationResult) {
    for v in &result.violations {
        let field = match v.field {
            Field::Title => comment.title.as_deref().unwrap_or_default(),
            Field::Body => &comment.body,
        };
        let len = field.chars().count();
        assert!(
            v.start <= v.end && v.end <= len,
            "span {}..{} outside a field of {len} code points: {v:?}",
            v.start,
            v.end
        );
        let slice: String = field.chars().skip(v.start).take(v.end - v.start).collect();
        assert_eq!(
            slice, v.text,
            "violation text is not the span's slice: {v:?}"
        );
    }
}

fuzz_target!(
    // Built before the first input, so the one-time set-up does not count against the first
    // execution's timeout on a loaded machine.
    init: {
        engine();
    },
    |data: &[u8]| {
        let Some(input) = Input::parse(data) else {
            return;
        };
        let comment = Comment {
            id: None,
            kind: input.kind,
            title: input.title,
            body: input.body,
            product: Some("p-1".to_owned()),
            author: None,
            lang: input.lang.to_owned(),
        };
        let store = MemoryStore::new();
        let engine = engine();
        let Ok(result) = engine.moderate(&comment, &store) else {
            return;
        };
        check_spans(&comment, &result);
        if input.twice {
            let again = engine
                .moderate(&comment, &store)
                .expect("a comment judged once is judged again");
            check_spans(&comment, &again);
        }
        if let Some(fixed) = &result.fixed {
            let repaired = Comment {
                title: fixed.title.clone(),
                body: fixed.body.clone(),
                ..comment
            };
            let fresh = MemoryStore::new();
            if let Ok(second) = engine.moderate(&repaired, &fresh) {
                check_spans(&repaired, &second);
                if let Some(refixed) = &second.fixed {
                    assert_eq!(
                        (refixed.title.as_deref(), refixed.body.as_str()),
                        (fixed.title.as_deref(), fixed.body.as_str()),
                        "applying the fixes twice changed the text again"
                    );
                }
            }
        }
    }
);
