//! `davar audit`: check real cases (JSON Lines) against the obligations of the version in force
//! at each trigger. Breaches are the result, not a failure: exit 0 unless `--fail-on` says
//! otherwise. The file is read line by line: a line that is not UTF-8, not a case, longer than
//! `davar_input::MAX_LINE_BYTES` or names a misspelt event type is reported with its line
//! number (the other lines are still audited) and gives exit 2.

mod events;
mod table;

use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use davar_input::{Line, MAX_LINE_BYTES};
use davar_obligation::audit::{Finding, Status, audit_case, parse_case};
use davar_obligation::instant::parse_instant;

use crate::Global;
use crate::output::{self, Format, OutputArgs};

/// The case format, shown by `davar audit --help` and in the README.
const CASE_FORMAT: &str = "\
Case format: one JSON object per line (blank lines are skipped):

  {\"case\":\"C-1\",\"doc\":\"dispute-policy\",\"lang\":\"en\",\"events\":[
    {\"type\":\"complaint.received\",\"at\":\"2026-11-18T10:00:00+03:30\"},
    {\"type\":\"complaint.acknowledged\",\"at\":\"2026-11-18T16:00:00+03:30\",\"reference\":\"R-77\"}]}

  case    the case id, echoed in every finding
  doc     the document whose obligations apply (`dispute-policy`)
  lang    optional: the language whose text applies (default the binding language)
  events  what happened, each with `type` and `at` (RFC 3339 with its offset); other fields
          are kept, and an obligation's `requires: [reference-number]` is met by a non-empty
          `reference-number`, `reference_number` or `reference` field on the action event

Each event that triggers an obligation selects the version in force at that instant; the
obligation is then met, breached (late, too early, or missing what it requires), open (not
done, time left at --now) or lapsed (an `unless` event came first). An event type one or two
letters away from one the obligations use (`complaint.recieved`) is an error; events no
obligation is about (`order.placed`) are ignored. A case none of whose events triggers an
obligation is reported as a warning.";

/// Arguments of `davar audit`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = CASE_FORMAT)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["cases", "decisions"])))]
pub struct Args {
    /// Cases, one JSON object per line (`-` for standard input); `--help` shows the format.
    pub cases: Option<PathBuf>,
    /// Audit the appeals in the decision log instead, each against the dispute policy version
    /// in force when it was received: the log at URL (`sqlite://FILE` or `postgres://…`), or
    /// without URL the one `--store` names.
    #[arg(long, value_name = "URL", num_args = 0..=1, conflicts_with = "cases")]
    pub decisions: Option<Option<String>>,
    /// The decision log `--decisions` reads when given no URL: the `--store` URL of `davar
    /// serve`.
    #[arg(
        long,
        value_name = "URL",
        default_value = "sqlite://davar.db",
        env = "DAVAR_STORE"
    )]
    pub store: String,
    /// The present instant for open obligations (default: now), e.g. `2026-11-20T12:00:00+03:30`.
    #[arg(long, value_parser = parse_instant)]
    pub now: Option<jiff::Zoned>,
    /// Output format: a table, or one JSON object per finding (`jsonl` is the same).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Exit 1 when a finding has this status or a worse one (`open` also fails on breaches).
    #[arg(long, value_enum, value_name = "STATUS")]
    pub fail_on: Option<FailOn>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Statuses that can fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// A breached obligation.
    Breached,
    /// A breached or open obligation.
    Open,
}

/// Runs `davar audit`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let log_url = args
        .decisions
        .as_ref()
        .map(|url| url.as_deref().unwrap_or(&args.store));
    let log_file = log_url.and_then(super::decision_log::sqlite_path);
    let mut inputs = vec![global.policies.as_path(), global.rules.as_path()];
    inputs.extend(args.cases.as_deref());
    inputs.extend(log_file.as_deref());
    args.output.refuse_inputs(&inputs)?;
    if let Some(url) = log_url {
        super::decision_log::refuse_log_as_output(args.output.output.as_deref(), url)?;
    }
    let project = global.checked_policies(None)?;
    let now = args
        .now
        .as_ref()
        .map_or_else(jiff::Timestamp::now, |z| z.timestamp());
    let path = match (&args.cases, log_url) {
        (_, Some(url)) => return super::audit_appeals::run(&project, url, now, args),
        (Some(path), None) => path,
        (None, None) => anyhow::bail!("give a cases file, or --decisions [URL]"),
    };
    let (set, calendars) = (&project.policies, &project.calendars);
    let name = path.display().to_string();
    let mut reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let file = File::open(path).with_context(|| format!("cannot read {name}"))?;
        Box::new(BufReader::new(file))
    };
    let mut sink = args.output.open()?;
    let mut known: HashMap<String, (BTreeSet<String>, BTreeSet<String>)> = HashMap::new();
    let mut findings: Vec<Finding> = Vec::new();
    let (mut bad_lines, mut unmatched, mut cases) = (0, 0, 0);
    let mut bytes = Vec::new();
    let mut line_no = 0;
    loop {
        let read = davar_input::read_line_limited(&mut reader, &mut bytes, MAX_LINE_BYTES)
            .with_context(|| format!("reading {name}"))?;
        line_no += 1;
        let result = match (read, std::str::from_utf8(&bytes)) {
            (Line::End, _) => break,
            (Line::TooLong { bytes }, _) => Err(format!(
                "the line is {bytes} bytes long; a case may take at most {MAX_LINE_BYTES} bytes: \
                 write one case per line"
            )),
            (Line::Read, Err(e)) => Err(format!(
                "not UTF-8 text (invalid byte at column {})",
                e.valid_up_to() + 1
            )),
            (Line::Read, Ok(line)) if line.trim().is_empty() => continue,
            (Line::Read, Ok(line)) => parse_case(line).and_then(|case| {
                let document = set.document(&case.doc);
                if let Some(document) = document {
                    let (events, _) = known.entry(case.doc.clone()).or_insert_with(|| {
                        (events::known_events(document), events::triggers(document))
                    });
                    if let Some(message) = events::misspelt(&case, events) {
                        return Err(message);
                    }
                }
                audit_case(set, calendars, &case, now)
                    .map(|found| (case, found))
                    .map_err(|e| e.to_string())
            }),
        };
        match result {
            Ok((case, found)) => {
                cases += 1;
                if found.is_empty() {
                    unmatched += 1;
                    let triggers = known
                        .get(&case.doc)
                        .map(|(_, t)| t.iter().map(String::as_str).collect::<Vec<_>>().join(", "))
                        .unwrap_or_default();
                    output::warning(format!(
                        "{name}:{line_no}: case {} matched no obligation of `{}`: none of its \
                         events triggers one (triggers: {triggers})",
                        case.case, case.doc
                    ));
                }
                if args.format == Format::Json {
                    for f in &found {
                        serde_json::to_writer(&mut sink.writer, f)?;
                        writeln!(sink.writer)?;
                    }
                }
                findings.extend(found);
            }
            Err(message) => {
                bad_lines += 1;
                output::error(format!("{name}:{line_no}: {message}"));
            }
        }
    }
    if args.format == Format::Human {
        sink.writer
            .write_all(table::render(&findings, sink.paint).as_bytes())?;
        if !args.output.quiet {
            let mut summary = table::counts(&findings);
            summary.push_str(&format!(" ({cases} cases"));
            if unmatched > 0 {
                summary.push_str(&format!(", {unmatched} matched no obligation"));
            }
            if bad_lines > 0 {
                summary.push_str(&format!(", {bad_lines} lines not audited"));
            }
            summary.push(')');
            writeln!(sink.writer, "{summary}")?;
        }
    }
    sink.writer.flush()?;
    let failing = |f: &Finding| match args.fail_on {
        None => false,
        Some(FailOn::Breached) => f.status == Status::Breached,
        Some(FailOn::Open) => matches!(f.status, Status::Breached | Status::Open),
    };
    Ok(if bad_lines > 0 {
        ExitCode::from(2)
    } else if findings.iter().any(failing) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
