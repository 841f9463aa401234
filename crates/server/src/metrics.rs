//! Prometheus metrics in the text exposition format (version 0.0.4), written by hand: requests
//! by route and status, a latency histogram per route, verdicts and violations by code.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds (seconds) of the latency histogram buckets.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// Counters and histograms of one server process.
#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
    verdicts: Mutex<BTreeMap<String, u64>>,
    violations: Mutex<BTreeMap<String, u64>>,
    reloads: Mutex<BTreeMap<&'static str, u64>>,
}

#[derive(Debug, Default, Clone)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Metrics {
    /// Records one finished request. `route` is the matched route pattern, never the raw path,
    /// so the number of series stays bounded.
    pub fn observe_request(&self, route: &str, status: u16, elapsed: Duration) {
        *lock(&self.requests)
            .entry((route.to_owned(), status))
            .or_default() += 1;
        let seconds = elapsed.as_secs_f64();
        let mut latency = lock(&self.latency);
        let h = latency.entry(route.to_owned()).or_default();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                h.counts[i] += 1;
            }
        }
        h.count += 1;
        h.sum += seconds;
    }

    /// Records the verdict of one moderated comment and the codes of its violations.
    pub fn observe_verdict<'a>(&self, verdict: &str, codes: impl Iterator<Item = &'a str>) {
        *lock(&self.verdicts).entry(verdict.to_owned()).or_default() += 1;
        let mut violations = lock(&self.violations);
        for code in codes {
            match violations.get_mut(code) {
                Some(n) => *n += 1,
                None => {
                    violations.insert(code.to_owned(), 1);
                }
            }
        }
    }

    /// Records a reload attempt (`outcome` is `ok` or `failed`).
    pub fn observe_reload(&self, outcome: &'static str) {
        *lock(&self.reloads).entry(outcome).or_default() += 1;
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP davar_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE davar_http_requests_total counter\n");
        for ((route, status), n) in lock(&self.requests).iter() {
            let _ = writeln!(
                out,
                "davar_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                escape(route)
            );
        }
        out.push_str("# HELP davar_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE davar_http_request_duration_seconds histogram\n");
        for (route, h) in lock(&self.latency).iter() {
            let route = escape(route);
            for (bound, n) in BUCKETS.iter().zip(h.counts) {
                let _ = writeln!(
                    out,
                    "davar_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "davar_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "davar_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "davar_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count
            );
        }
        out.push_str("# HELP davar_moderation_verdicts_total Moderated comments by verdict.\n");
        out.push_str("# TYPE davar_moderation_verdicts_total counter\n");
        for (verdict, n) in lock(&self.verdicts).iter() {
            let _ = writeln!(
                out,
                "davar_moderation_verdicts_total{{verdict=\"{}\"}} {n}",
                escape(verdict)
            );
        }
        out.push_str("# HELP davar_moderation_violations_total Violations found, by rule code.\n");
        out.push_str("# TYPE davar_moderation_violations_total counter\n");
        for (code, n) in lock(&self.violations).iter() {
            let _ = writeln!(
                out,
                "davar_moderation_violations_total{{code=\"{}\"}} {n}",
                escape(code)
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
