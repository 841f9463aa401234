//! Moderating a file on every core, streaming: a reader thread frames chunks of records, a
//! pool of `--jobs` workers parses, moderates and formats each chunk, and a writer thread
//! writes the chunks in input order. Channels hold at most two chunks each way, so memory
//! stays flat whatever the input size.
//!
//! Results do not depend on the number of workers: questions whose rule set looks for
//! duplicates (`qa/duplicate`, the one rule that consults the run's question store) are
//! moderated in input order per product, chunk after chunk; every other comment is
//! independent of the others.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::sync::mpsc::sync_channel;

use anyhow::{Context as _, anyhow};
use davar_moderation::{Engine, Kind};
use indicatif::ProgressBar;
use rayon::prelude::*;

use super::input::{Chunk, Framer, Raw};
use super::outcome::{self, Job, Outcome, Problem};
use super::record::{self, Columns, CsvLayout, Defaults, Parsed};
use super::report::Summary;
use crate::output::{Paint, style};

/// How records become comments.
pub struct Reading<'a> {
    /// Field and column names.
    pub columns: &'a Columns,
    /// The CSV layout, for CSV input.
    pub layout: Option<&'a CsvLayout>,
    /// Kind and language of records that name none.
    pub defaults: &'a Defaults,
}

/// Where the results go.
pub struct Destinations {
    /// The report (JSON Lines or human blocks).
    pub report: Box<dyn Write + Send>,
    /// The repaired input (`--fix`).
    pub fixed: Option<Box<dyn Write + Send>>,
    /// The progress bar, when one is drawn.
    pub progress: Option<ProgressBar>,
}

/// The (kind, language) pairs whose rule set consults the question store.
pub fn ordered_rule_sets(engine: &Engine) -> Vec<(Kind, String)> {
    engine
        .rule_sets()
        .iter()
        .filter(|set| set.rules.iter().any(|r| r.code == "qa/duplicate"))
        .flat_map(|set| set.langs.iter().map(|lang| (set.kind, lang.clone())))
        .collect()
}

/// Moderates everything `framer` reads with `jobs` workers; returns the counts and the report
/// writer (for the summary).
pub fn run<R: BufRead + Send>(
    mut framer: Framer<R>,
    reading: &Reading<'_>,
    job: &Job<'_>,
    jobs: usize,
    out: Destinations,
) -> anyhow::Result<(Summary, Box<dyn Write + Send>)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("davar-moderate-{i}"))
        .build()
        .context("starting the worker threads")?;
    let ordered = ordered_rule_sets(job.engine);
    std::thread::scope(|scope| {
        let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(2);
        let reader = scope.spawn(move || -> anyhow::Result<()> {
            while let Some(chunk) = framer.next_chunk()? {
                if chunk_tx.send(chunk).is_err() {
                    break;
                }
            }
            Ok(())
        });
        let (done_tx, done_rx) = sync_channel::<(Vec<Outcome>, u64)>(2);
        let source = job.source;
        let writer = scope.spawn(move || write_all(done_rx, out, source));
        for chunk in chunk_rx {
            let outcomes = pool.install(|| moderate_chunk(chunk.records, reading, job, &ordered));
            if done_tx.send((outcomes, chunk.end_byte)).is_err() {
                break;
            }
        }
        drop(done_tx);
        let summary = writer
            .join()
            .map_err(|_| anyhow!("the writer thread panicked"))??;
        reader
            .join()
            .map_err(|_| anyhow!("the reader thread panicked"))??;
        Ok(summary)
    })
}

/// Parses, moderates and formats one chunk in parallel; outcomes in input order.
fn moderate_chunk(
    records: Vec<Raw>,
    reading: &Reading<'_>,
    job: &Job<'_>,
    ordered: &[(Kind, String)],
) -> Vec<Outcome> {
    let parsed: Vec<Parsed> = records
        .into_par_iter()
        .map(|raw| record::parse(raw, reading.columns, reading.layout, reading.defaults))
        .collect();
    // Questions checked for duplicates: one group per product, in input order.
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(parsed.len());
    let mut by_product: HashMap<&str, usize> = HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        let product = p.comment.as_ref().ok().and_then(|c| {
            let checked = ordered.iter().any(|(k, l)| *k == c.kind && *l == c.lang);
            c.product.as_deref().filter(|_| checked)
        });
        match product {
            Some(product) => match by_product.get(product) {
                Some(&g) => groups[g].push(i),
                None => {
                    by_product.insert(product, groups.len());
                    groups.push(vec![i]);
                }
            },
            None => groups.push(vec![i]),
        }
    }
    let done: Vec<Vec<(usize, Outcome)>> = groups
        .par_iter()
        .map(|group| {
            group
                .iter()
                .map(|&i| (i, outcome::moderate(job, &parsed[i])))
                .collect()
        })
        .collect();
    let mut slots: Vec<Option<Outcome>> = Vec::with_capacity(parsed.len());
    slots.resize_with(parsed.len(), || None);
    for (i, outcome) in done.into_iter().flatten() {
        slots[i] = Some(outcome);
    }
    slots.into_iter().flatten().collect()
}

/// Writes chunks in order, counts, and moves the progress bar (never drawing over a line).
fn write_all(
    done: std::sync::mpsc::Receiver<(Vec<Outcome>, u64)>,
    mut out: Destinations,
    source: &str,
) -> anyhow::Result<(Summary, Box<dyn Write + Send>)> {
    let mut summary = Summary::default();
    let paint = Paint::stderr();
    for (outcomes, end_byte) in done {
        let mut write = || -> std::io::Result<()> {
            for o in &outcomes {
                match &o.problem {
                    Some(Problem::Malformed(message)) => eprintln!(
                        "{}: {source}:{}: skipped malformed record: {message}",
                        paint.paint(style::ERROR, "error"),
                        o.line
                    ),
                    Some(Problem::Failed(message)) => eprintln!(
                        "{}: {source}:{}: not moderated: {message}",
                        paint.paint(style::ERROR, "error"),
                        o.line
                    ),
                    None => {}
                }
                out.report.write_all(&o.report)?;
                if let Some(fixed) = &mut out.fixed {
                    fixed.write_all(&o.fixed)?;
                }
            }
            if out.progress.is_some() {
                out.report.flush()?;
            }
            Ok(())
        };
        match &out.progress {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
        .context("writing the results")?;
        for o in outcomes {
            summary.hidden += o.hidden;
            match (&o.problem, &o.result) {
                (Some(Problem::Malformed(_)), _) => summary.malformed += 1,
                (Some(Problem::Failed(_)), _) => summary.failed += 1,
                (None, Some(result)) => summary.add(result),
                (None, None) => {}
            }
        }
        if let Some(bar) = &out.progress {
            bar.set_position(end_byte);
            bar.set_message(format!(
                "{} records",
                summary.records + summary.malformed + summary.failed
            ));
        }
    }
    out.report.flush().context("writing the results")?;
    if let Some(fixed) = &mut out.fixed {
        fixed.flush().context("writing the repaired input")?;
    }
    if let Some(bar) = out.progress {
        bar.finish_and_clear();
    }
    Ok((summary, out.report))
}
