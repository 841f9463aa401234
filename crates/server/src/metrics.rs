//! Prometheus metrics in the text exposition format (version 0.0.4), written by hand: requests
//! by route and status, a latency histogram per route, verdicts and violations by code.
//!
//! Counting takes no lock: counters are atomics in tables read through [`ArcSwap`] snapshots.
//! Only the first request of a new route, or the first violation of a new code, copies its table
//! under a mutex to add the new entry.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;

/// Upper bounds (seconds) of the latency histogram buckets.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// Status codes are counted in a table indexed by `status - 100`.
const STATUSES: usize = 500;

/// The verdicts, in the order of their counters.
const VERDICTS: [&str; 4] = ["approve", "fix", "review", "reject"];

/// Counters and histograms of one server process.
#[derive(Debug, Default)]
pub struct Metrics {
    routes: Table<RouteStats>,
    verdicts: [AtomicU64; VERDICTS.len()],
    other_verdicts: AtomicU64,
    violations: Table<AtomicU64>,
    reloads: Mutex<BTreeMap<&'static str, u64>>,
}

/// Entries by name, read without a lock; adding a name copies the table.
#[derive(Debug)]
struct Table<T> {
    entries: ArcSwap<HashMap<String, Arc<T>>>,
    adding: Mutex<()>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            entries: ArcSwap::from_pointee(HashMap::new()),
            adding: Mutex::new(()),
        }
    }
}

impl<T: Default> Table<T> {
    fn get(&self, name: &str) -> Arc<T> {
        if let Some(entry) = self.entries.load().get(name) {
            return Arc::clone(entry);
        }
        let _one_writer = lock(&self.adding);
        let current = self.entries.load_full();
        if let Some(entry) = current.get(name) {
            return Arc::clone(entry);
        }
        let mut copy = HashMap::clone(&current);
        let entry = Arc::new(T::default());
        copy.insert(name.to_owned(), Arc::clone(&entry));
        self.entries.store(Arc::new(copy));
        entry
    }

    fn sorted(&self) -> Vec<(String, Arc<T>)> {
        let mut all: Vec<_> = self
            .entries
            .load()
            .iter()
            .map(|(k, v)| (k.clone(), Arc::clone(v)))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }
}

#[derive(Debug)]
struct RouteStats {
    statuses: Box<[AtomicU64]>,
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_nanos: AtomicU64,
}

impl Default for RouteStats {
    fn default() -> Self {
        RouteStats {
            statuses: (0..STATUSES).map(|_| AtomicU64::new(0)).collect(),
            buckets: Default::default(),
            count: AtomicU64::new(0),
            sum_nanos: AtomicU64::new(0),
        }
    }
}

impl Metrics {
    /// Records one finished request. `route` is the matched route pattern, never the raw path,
    /// so the number of series stays bounded.
    pub fn observe_request(&self, route: &str, status: u16, elapsed: Duration) {
        let stats = self.routes.get(route);
        let index = usize::from(status).saturating_sub(100).min(STATUSES - 1);
        stats.statuses[index].fetch_add(1, Ordering::Relaxed);
        let seconds = elapsed.as_secs_f64();
        if let Some(first) = BUCKETS.iter().position(|bound| seconds <= *bound) {
            stats.buckets[first].fetch_add(1, Ordering::Relaxed);
        }
        stats.count.fetch_add(1, Ordering::Relaxed);
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        stats.sum_nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    /// Records the verdict of one moderated comment and the codes of its violations.
    pub fn observe_verdict<'a>(&self, verdict: &str, codes: impl Iterator<Item = &'a str>) {
        match VERDICTS.iter().position(|v| *v == verdict) {
            Some(i) => self.verdicts[i].fetch_add(1, Ordering::Relaxed),
            None => self.other_verdicts.fetch_add(1, Ordering::Relaxed),
        };
        for code in codes {
            self.violations.get(code).fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Records a reload attempt (`outcome` is `ok`, `failed` or `busy`).
    pub fn observe_reload(&self, outcome: &'static str) {
        *lock(&self.reloads).entry(outcome).or_default() += 1;
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let routes = self.routes.sorted();
        out.push_str("# HELP davar_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE davar_http_requests_total counter\n");
        for (route, stats) in &routes {
            for (i, n) in stats.statuses.iter().enumerate() {
                let n = n.load(Ordering::Relaxed);
                if n > 0 {
                    let _ = writeln!(
                        out,
                        "davar_http_requests_total{{route=\"{}\",status=\"{}\"}} {n}",
                        escape(route),
                        i + 100
                    );
                }
            }
        }
        out.push_str("# HELP davar_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE davar_http_request_duration_seconds histogram\n");
        for (route, stats) in &routes {
            let route = escape(route);
            let mut cumulative = 0;
            for (bound, n) in BUCKETS.iter().zip(&stats.buckets) {
                cumulative += n.load(Ordering::Relaxed);
                let _ = writeln!(
                    out,
                    "davar_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let count = stats.count.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "davar_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
            );
            let sum = stats.sum_nanos.load(Ordering::Relaxed) as f64 / 1e9;
            let _ = writeln!(
                out,
                "davar_http_request_duration_seconds_sum{{route=\"{route}\"}} {sum}"
            );
            let _ = writeln!(
                out,
                "davar_http_request_duration_seconds_count{{route=\"{route}\"}} {count}"
            );
        }
        out.push_str("# HELP davar_moderation_verdicts_total Moderated comments by verdict.\n");
        out.push_str("# TYPE davar_moderation_verdicts_total counter\n");
        let mut verdicts: Vec<(&str, u64)> = VERDICTS
            .iter()
            .zip(&self.verdicts)
            .map(|(v, n)| (*v, n.load(Ordering::Relaxed)))
            .chain([("other", self.other_verdicts.load(Ordering::Relaxed))])
            .filter(|(_, n)| *n > 0)
            .collect();
        verdicts.sort();
        for (verdict, n) in verdicts {
            let _ = writeln!(
                out,
                "davar_moderation_verdicts_total{{verdict=\"{verdict}\"}} {n}"
            );
        }
        out.push_str("# HELP davar_moderation_violations_total Violations found, by rule code.\n");
        out.push_str("# TYPE davar_moderation_violations_total counter\n");
        for (code, n) in self.violations.sorted() {
            let _ = writeln!(
                out,
                "davar_moderation_violations_total{{code=\"{}\"}} {}",
                escape(&code),
                n.load(Ordering::Relaxed)
            );
        }
        out.push_str("# HELP davar_reloads_total Policy and rule reloads by outcome.\n");
        out.push_str("# TYPE davar_reloads_total counter\n");
        for (outcome, n) in lock(&self.reloads).iter() {
            let _ = writeln!(out, "davar_reloads_total{{outcome=\"{outcome}\"}} {n}");
        }
        out
    }
}

/// A poisoned metrics lock only means a panic happened while counting: keep counting.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn escape(label: &str) -> String {
    label
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_cumulative_buckets() {
        let m = Metrics::default();
        m.observe_request("/v1/moderate", 200, Duration::from_micros(700));
        m.observe_request("/v1/moderate", 200, Duration::from_millis(3));
        m.observe_request("/v1/moderate", 422, Duration::from_micros(100));
        m.observe_verdict("reject", ["contacts/phone", "links/url"].into_iter());
        let text = m.render();
        assert!(
            text.contains("davar_http_requests_total{route=\"/v1/moderate\",status=\"200\"} 2\n")
        );
        assert!(
            text.contains("davar_http_requests_total{route=\"/v1/moderate\",status=\"422\"} 1\n")
        );
        assert!(text.contains(
            "davar_http_request_duration_seconds_bucket{route=\"/v1/moderate\",le=\"0.001\"} 2\n"
        ));
        assert!(text.contains(
            "davar_http_request_duration_seconds_bucket{route=\"/v1/moderate\",le=\"0.005\"} 3\n"
        ));
        assert!(
            text.contains("davar_http_request_duration_seconds_count{route=\"/v1/moderate\"} 3\n")
        );
        assert!(text.contains("davar_moderation_verdicts_total{verdict=\"reject\"} 1\n"));
        assert!(text.contains("davar_moderation_violations_total{code=\"contacts/phone\"} 1\n"));
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
