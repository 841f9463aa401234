//! How long one more question takes when a product already has many: seeds `--questions`
//! distinct questions under one product (`ServerStore::import_questions`, many per
//! transaction), then times `--probes` more through the store's atomic check-and-insert (new
//! questions and repeats of stored ones, alternately) and prints p50, p99, the largest time and
//! the candidates compared per probe.
//!
//! ```sh
//! cargo run --release -p davar-server --example question_store_bench -- \
//!     --store sqlite:///tmp/q.db --questions 100000 [--corpus ../shared/data/digikala/train.csv]
//! ```
//!
//! Questions are made of 5 to 12 words drawn from the words of `--corpus` (any text file: real
//! Persian vocabulary with its real frequencies), or from a small built-in list without it.

use std::time::{Duration, Instant};

use davar_moderation::{QuestionProbe, question_key};
use davar_server::StoreUrl;

/// Deterministic pseudo-random numbers (SplitMix64), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const BUILT_IN: &str = "این گوشی باتری دوربین صفحه نمایش رنگ مشکی سفید گارانتی اصلی کیفیت صدا \
    شارژر سریع حافظه رم پردازنده وزن ابعاد جنس بدنه فلزی پلاستیکی ضد آب ضربه قاب محافظ کابل \
    آداپتور هدفون بلوتوث وای فای سیم کارت دو نسخه جهانی فارسی منو آپدیت اندروید قیمت ارسال \
    تهران شهرستان چند روز ساعت دقیقه کار می کند دارد هست است چطور چقدر کدام آیا برای بازی \
    عکاسی شب روز فیلم ضبط لرزش گیر نور کم زیاد گرم داغ می شود";

fn vocabulary(corpus: Option<&str>) -> Vec<String> {
    let text = match corpus {
        Some(path) => std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read --corpus {path}: {e}")),
        None => BUILT_IN.to_owned(),
    };
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '\u{200c}')
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    assert!(words.len() > 20, "the corpus has too few words");
    words
}

fn question(rng: &mut Rng, words: &[String]) -> String {
    let n = 5 + rng.below(8);
    let mut q: Vec<&str> = (0..n)
        .map(|_| words[rng.below(words.len())].as_str())
        .collect();
    q.push("؟");
    q.join(" ")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn main() {
    let mut store_url = "sqlite:///tmp/davar-question-bench.db".to_owned();
    let (mut questions, mut probes, mut corpus, mut product) =
        (100_000usize, 2_000usize, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| panic!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--store" => store_url = value(),
            "--questions" => questions = value().parse().expect("--questions N"),
            "--probes" => probes = value().parse().expect("--probes N"),
            "--corpus" => corpus = Some(value()),
            "--product" => product = Some(value()),
            other => panic!("unknown argument {other}; see the doc comment"),
        }
    }
    let product = product.unwrap_or_else(|| format!("bench-{}", std::process::id()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let url: StoreUrl = store_url.parse().expect("store URL");
    let store = runtime.block_on(url.open()).expect("open the store");
    let words = vocabulary(corpus.as_deref());
    let mut rng = Rng(42);
    let similar = |a: &str, b: &str| a == b;

    let started = Instant::now();
    let mut seen = std::collections::HashSet::with_capacity(questions);
    let mut stored = Vec::with_capacity(questions);
    let mut seed = Vec::with_capacity(questions);
    while stored.len() < questions {
        let text = question(&mut rng, &words);
        let key = question_key(&text);
        if seen.insert(key.clone()) {
            seed.push(QuestionProbe::new(&product, key));
            stored.push(text);
        }
    }
    let added = store
        .import_questions(&product, &seed)
        .expect("import the seed questions");
    assert_eq!(added, questions, "a seed question was stored already");
    drop(seed);
    eprintln!(
        "seeded {questions} questions in one import in {:.1?}",
        started.elapsed()
    );

    let mut times = Vec::with_capacity(probes);
    let mut candidates = 0usize;
    for i in 0..probes {
        let text = if i % 2 == 0 {
            question(&mut rng, &words)
        } else {
            stored[rng.below(stored.len())].clone()
        };
        let probe = QuestionProbe::new(&product, question_key(&text));
        let key = probe.key.clone();
        let seen = std::cell::Cell::new(0usize);
        let t = Instant::now();
        store
            .check_and_record(
                &product,
                &probe,
                &|q| {
                    seen.set(seen.get() + 1);
                    similar(&q.key, &key)
                },
                true,
            )
            .expect("store");
        times.push(t.elapsed());
        candidates += seen.get();
    }
    times.sort();
    println!(
        "store: {} · questions under one product: {} · probes: {probes} (half new, half repeats) · \
         candidates compared per probe: {:.1} · p50 {:.2?} · p99 {:.2?} · max {:.2?}",
        store.describe(),
        stored.len() + probes / 2,
        candidates as f64 / probes as f64,
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or_default(),
    );
}
