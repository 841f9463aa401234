//! Shared set-up for the `pressure_*` property tests: the example rule sets, comment builders
//! and text pieces written for these tests (honest review phrases, separators, digit scripts).

#![allow(dead_code)] // each test binary uses a different part of this module

use std::path::Path;
use std::sync::OnceLock;

use davar_moderation::{
    Comment, Engine, Kind, MemoryStore, ModerationResult, NoClauses, RuleSources,
};

/// The engine over the workspace's `rules/`, built once per test binary.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
        let sources = RuleSources::read_dir(&rules).expect("the example rules directory reads");
        Engine::new(&sources, &NoClauses).expect("the example rule sets compile")
    })
}

/// A comment of `kind` in `lang`.
pub fn comment(kind: Kind, lang: &str, title: Option<&str>, body: &str) -> Comment {
    Comment {
        id: None,
        kind,
        title: title.map(str::to_owned),
        body: body.to_owned(),
        product: Some("p-1".to_owned()),
        author: None,
        lang: lang.to_owned(),
    }
}

/// Moderates with a fresh store (so `qa/duplicate` never depends on earlier cases).
pub fn moderate(comment: &Comment) -> ModerationResult {
    engine()
        .moderate(comment, &MemoryStore::new())
        .unwrap_or_else(|e| panic!("moderating {comment:?} failed: {e}"))
}

/// Codes that fired.
pub fn codes(result: &ModerationResult) -> Vec<&str> {
    result.violations.iter().map(|v| v.code.as_str()).collect()
}

/// Short honest Persian review phrases (written for these tests): product talk only.
pub const HONEST_FA: &[&str] = &[
    "کیفیت دوخت خوبه و رنگش با عکس یکیه",
    "بعد از دو هفته استفاده هنوز مثل روز اول کار می‌کنه",
    "برای هدیه گرفتم و خیلی پسندیدن",
    "باتریش تا شب دوام میاره",
    "جنسش نرمه ولی کمی بزرگ‌تر از سایز معمول است",
    "صداش بلنده و بیس خوبی داره",
    "برای این قیمت ارزش خرید داره",
    "بوی عطرش ملایمه و ماندگاریش متوسطه",
    "کم کم به دستم جا افتاد",
    "دکمه‌هاش محکمه و راحت بسته میشه",
];

/// Short honest English review phrases.
pub const HONEST_EN: &[&str] = &[
    "The stitching is neat and the colour matches the photos",
    "Battery lasts a full day of normal use",
    "Fits well, a little larger than my usual size",
    "Good value for the money",
    "The lid closes firmly and nothing leaks",
];

/// Characters a writer slips between the digits or letters of a contact to hide it.
pub const INVISIBLE: &[char] = &['\u{200C}', '\u{0640}', '\u{200B}', '\u{200D}'];

/// Digit `d` (0-9) in ASCII, Persian or Arabic-Indic script.
pub fn digit(d: u32, script: u8) -> char {
    let base = match script % 3 {
        0 => '0' as u32,
        1 => 0x06F0,
        _ => 0x0660,
    };
    char::from_u32(base + d).expect("digit code points are valid")
}
