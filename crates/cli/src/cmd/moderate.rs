//! `davar moderate`: moderates reviews and Q&A from JSON Lines, CSV or `--text`, on every core.

mod args;
mod fix;
mod input;
mod outcome;
mod pipeline;
mod record;
mod report;

use std::io::{BufRead, Write as _};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use davar_moderation::{Comment, Engine, MemoryStore, Verdict, catalog};
use indicatif::{ProgressBar, ProgressStyle};

pub use args::Args;
use args::FailOn;
use input::{Framer, InputFormat, Raw};
use outcome::{FixFormat, Job};
use pipeline::{Destinations, Reading};
use record::{CsvLayout, Defaults, Parsed};
use report::Summary;

use crate::Global;
use crate::output::{self, Format, OutputArgs, Paint};
use crate::select::CodeFilter;

/// The engine compiled by the pipeline. Refuses (exit 2) when `check` finds errors in the
/// sources, printing them: what `check` refuses nobody moderates with.
fn build_engine(global: &Global, as_of: Option<jiff::civil::Date>) -> anyhow::Result<Engine> {
    global.require_rules()?;
    let project = global.project(as_of, true)?;
    if project.has_errors() {
        let errors: Vec<_> = project.diagnostics.iter().collect();
        eprint!(
            "{}",
            crate::cmd::check::render_human(&project, &errors, Paint::stderr())
        );
        bail!(
            "not moderating: `davar check` finds {} in the sources; fix them first",
            project.counts()
        );
    }
    project.engine.ok_or_else(|| {
        anyhow::anyhow!(
            "no moderation rule sets in {}\n  {}",
            global.rules.display(),
            global.rules_hint()
        )
    })
}

/// Runs `davar moderate`. Exit 0: every record moderated and none fails `--fail-on`; 1: a
/// verdict at or above `--fail-on`; 2: the command could not run, or records were malformed
/// or refused (reported on stderr; the others are still moderated).
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let filter = CodeFilter::new(&args.select, catalog().iter().map(|r| r.code))?;
    if args.fix && args.output.output.is_none() {
        bail!(
            "--fix writes the repaired input to --output FILE (`--output -` for standard output)"
        );
    }
    if args.fix && !filter.keeps_all() {
        bail!(
            "--fix writes every repair of the rule set; --select and --ignore only filter the \
             report, so they cannot limit the repairs: drop them, or run without --fix"
        );
    }
    if args.fix && args.text.is_some() {
        bail!(
            "--fix repairs an input file; for --text the repaired text is in the result (`fixed`)"
        );
    }
    let mut inputs = vec![global.policies.as_path(), global.rules.as_path()];
    inputs.extend(args.input.as_deref());
    args.output.refuse_inputs(&inputs)?;
    let engine = build_engine(global, args.as_of)?;
    let store = MemoryStore::new();
    // With --fix, --output receives the repaired input and the report goes to standard output.
    let report_args = if args.fix {
        OutputArgs {
            output: None,
            quiet: args.output.quiet,
        }
    } else {
        args.output.clone()
    };
    let fix_to_stdout = args.fix
        && args
            .output
            .output
            .as_ref()
            .is_some_and(|p| p.as_os_str() == "-");
    let format = args
        .format
        .unwrap_or(if report_args.to_terminal() && !fix_to_stdout {
            Format::Human
        } else {
            Format::Json
        });
    let mut sink = report_args.open()?;
    let columns = args.columns.names();
    let defaults = Defaults {
        kind: args.kind,
        lang: args.lang.clone(),
    };
    let mut job = Job {
        engine: &engine,
        store: &store,
        filter: &filter,
        format,
        include_text: args.include_text,
        min_severity: args.min_severity,
        paint: sink.paint,
        source: "--text",
        columns: &columns,
        fix: None,
    };

    let summary = if let Some(text) = &args.text {
        let comment = Comment {
            id: None,
            kind: args.kind,
            title: args.title.clone(),
            body: text.clone(),
            product: args.product.clone(),
            author: None,
            lang: args.lang.clone(),
        };
        let parsed = Parsed {
            line: 1,
            comment: Ok(comment),
            passthrough: Vec::new(),
            raw: Raw::Line {
                line: 1,
                bytes: Vec::new(),
            },
            fields: Vec::new(),
            blank: false,
        };
        let outcome = outcome::moderate(&job, &parsed);
        if let Some(outcome::Problem::Failed(message)) = &outcome.problem {
            bail!("not moderated: {message}");
        }
        sink.writer.write_all(&outcome.report)?;
        let mut summary = Summary {
            hidden: outcome.hidden,
            ..Summary::default()
        };
        if let Some(result) = &outcome.result {
            summary.add(result);
        }
        summary
    } else {
        let Some(path) = &args.input else {
            bail!(
                "give an input file (JSON Lines or CSV), `-` for standard input, or --text \"...\""
            );
        };
        let (name, mut reader, size) = input::open(path)?;
        let first_line = {
            let buf = reader
                .fill_buf()
                .with_context(|| format!("reading {name}"))?;
            let end = buf.iter().position(|&b| b == b'\n').unwrap_or(buf.len());
            buf[..end].to_vec()
        };
        let input_format = args
            .input_format
            .unwrap_or_else(|| input::detect(&name, &first_line));
        let progress = (!args.output.quiet).then(|| progress_bar(size));
        let fixed_out = if args.fix {
            Some(args.output.open()?.writer)
        } else {
            None
        };
        job.source = &name;
        let (summary, writer) = match input_format {
            InputFormat::Json => {
                job.fix = args.fix.then_some(FixFormat::Json);
                let framer = Framer::Json {
                    reader,
                    line: 0,
                    bytes: 0,
                };
                let reading = Reading {
                    columns: &columns,
                    layout: None,
                    defaults: &defaults,
                };
                let out = Destinations {
                    report: sink.writer,
                    fixed: fixed_out,
                    progress,
                };
                pipeline::run(framer, &reading, &job, args.jobs(), out)?
            }
            InputFormat::Csv => {
                let delimiter = input::delimiter(args.columns.delimiter, &name, &first_line)?;
                let framer =
                    Framer::csv(reader, delimiter).with_context(|| format!("reading {name}"))?;
                let Framer::Csv { header, .. } = &framer else {
                    unreachable!("a CSV framer")
                };
                let layout = CsvLayout::new(header.clone(), &columns)
                    .with_context(|| format!("reading {name}"))?;
                let mut fixed_out = fixed_out;
                if let Some(w) = &mut fixed_out {
                    let mut head = Vec::new();
                    fix::csv_record(header, &layout, None, delimiter, &mut head);
                    w.write_all(&head)?;
                }
                job.fix = args.fix.then_some(FixFormat::Csv(delimiter, &layout));
                let reading = Reading {
                    columns: &columns,
                    layout: Some(&layout),
                    defaults: &defaults,
                };
                let out = Destinations {
                    report: sink.writer,
                    fixed: fixed_out,
                    progress,
                };
                pipeline::run(framer, &reading, &job, args.jobs(), out)?
            }
        };
        sink.writer = writer;
        summary
    };
    finish(args, summary, format, sink)
}

/// Prints the summary (after a human report, on stderr after JSON) and picks the exit code.
fn finish(
    args: &Args,
    summary: Summary,
    format: Format,
    mut sink: output::Sink,
) -> anyhow::Result<ExitCode> {
    if !args.output.quiet {
        if format == Format::Human {
            writeln!(sink.writer, "{}", summary.render(sink.paint))?;
        } else {
            sink.writer.flush()?;
            eprint!("{}", summary.render(Paint::stderr()));
        }
        if args.fix
            && let Some(path) = &args.output.output
        {
            output::note(
                false,
                format!(
                    "{} repaired records written to {}",
                    summary.repaired,
                    path.display()
                ),
            );
        }
    }
    sink.writer.flush()?;
    if summary.malformed + summary.failed > 0 {
        return Ok(ExitCode::from(2));
    }
    let threshold = args.fail_on.map(|f| match f {
        FailOn::Reject => Verdict::Reject,
        FailOn::Review => Verdict::Review,
        FailOn::Fix => Verdict::Fix,
    });
    let failing =
        threshold.is_some_and(|t| summary.verdicts.iter().any(|(v, n)| *v >= t && *n > 0));
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A bar over the input's bytes that counts records (a spinner for standard input); drawn
/// on stderr only when it is a terminal.
fn progress_bar(size: Option<u64>) -> ProgressBar {
    match size {
        Some(size) => {
            let bar = ProgressBar::new(size);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {msg} {percent}% eta {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        }
    }
}
