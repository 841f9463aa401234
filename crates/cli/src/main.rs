//! `davar`: the one binary. Thin glue over the libraries: argument parsing with clap,
//! reading files, printing reports and choosing exit codes.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod cmd;
mod global;
mod output;
mod select;

pub use global::Global;

/// mimalloc instead of the C library's allocator: under a long-running `davar serve`, glibc's
/// per-thread arenas keep the high-water mark of the large short-lived buffers of moderation
/// and the decision log (a decision record of a 10,000-character text is about 250 KB of JSON,
/// a batch of them several MB) and resident memory climbed for as long as the server ran;
/// mimalloc returns freed pages to the system and stays level (`bench/attack-soak`).
///
/// Built without transparent huge pages (`no_thp`): with them, every fresh 2 MiB region a
/// build or check touches is zeroed whole by the kernel, and pages mimalloc returned and takes
/// again are zeroed again; in a profile of a build of the imported whole repository that
/// zeroing took 29% of the samples (`perf`: `clear_page_erms` under
/// `do_huge_pmd_anonymous_page`), and peak memory was a quarter to a third higher with huge
/// pages. `MIMALLOC_ALLOW_THP=1` turns them back on.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Compile marketplace policies into published pages and rules; moderate reviews and Q&A.
///
/// Every command takes `--format human|json`, `--output FILE` and `--quiet`. Exit codes: 0 the
/// command ran and found nothing that fails it; 1 it found what fails it (`check` errors,
/// `build` refusing, `moderate --fail-on`, `audit --fail-on-breach`); 2 it could not run
/// (bad arguments, unreadable or malformed input, sources that do not load).
#[derive(Debug, Parser)]
#[command(name = "davar", version)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compile the policies into a static site (refuses when `check` finds errors).
    Build(cmd::build::Args),
    /// Report problems in policies and rule sets, with file, line and column.
    Check(cmd::check::Args),
    /// Import policy version histories: an Open Terms Archive repository, Markdown or HTML files.
    Import(cmd::import::Args),
    /// Record a hash of every published version in `policies/policy.lock`.
    Lock(cmd::lock::Args),
    /// Compute when an obligation falls due for a trigger instant.
    Deadline(cmd::deadline::Args),
    /// Audit real cases (JSON Lines), or the appeals in the decision log, against the
    /// obligations in force at their trigger.
    Audit(cmd::audit::Args),
    /// Write the change notice users are owed before a new version takes effect.
    Notice(cmd::notice::Args),
    /// Work with the decision log: export restrictions as DSA Transparency Database statements.
    #[command(subcommand)]
    Decisions(cmd::decisions::Command),
    /// Transparency figures for a period from the decision log.
    Report(cmd::report::Args),
    /// Moderate reviews and Q&A from JSON Lines, CSV or `--text`.
    Moderate(Box<cmd::moderate::Args>),
    /// Print the documentation of a moderation rule code or a check code.
    Explain(cmd::explain::Args),
    /// List every moderation rule code.
    Rules(cmd::rules::Args),
    /// Serve the moderation API, the published pages and the moderator page.
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    cli.global.policies_source = matches.value_source("policies");
    cli.global.rules_source = matches.value_source("rules");
    let result = match &cli.command {
        Command::Build(args) => cmd::build::run(args, &cli.global),
        Command::Check(args) => cmd::check::run(args, &cli.global),
        Command::Import(args) => cmd::import::run(args, &cli.global),
        Command::Lock(args) => cmd::lock::run(args, &cli.global),
        Command::Deadline(args) => cmd::deadline::run(args, &cli.global),
        Command::Audit(args) => cmd::audit::run(args, &cli.global),
        Command::Notice(args) => cmd::notice::run(args, &cli.global),
        Command::Decisions(command) => cmd::decisions::run(command, &cli.global),
        Command::Report(args) => cmd::report::run(args, &cli.global),
        Command::Moderate(args) => cmd::moderate::run(args, &cli.global),
        Command::Explain(args) => cmd::explain::run(args, &cli.global),
        Command::Rules(args) => cmd::rules::run(args, &cli.global),
        Command::Serve(args) => cmd::serve::run(args, &cli.global),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let paint = output::Paint::stderr();
            eprintln!("{}: {err:#}", paint.paint(output::style::ERROR, "error"));
            // 2: the command could not run (bad input, unreadable files).
            ExitCode::from(2)
        }
    }
}
