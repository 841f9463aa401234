//! `davar import`: policy sources from version histories a legal team already has: an Open
//! Terms Archive versions repository (a checkout or a bare git directory) or plain Markdown,
//! text and HTML files. The work is done by `davar-import`; this is the glue.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use davar_import::{ImportedDocument, LanguageBasis, Options, SiteDefaults, files, ota};
use davar_policy::Audience;
use jiff::civil::Date;
use rayon::prelude::*;

use crate::Global;
use crate::cmd::check::parse_date;

/// Arguments of `davar import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    source: Source,
    /// Language of the documents (e.g. `fr`); detected from the text when not given.
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Who the documents address; derived from the document type when not given.
    #[arg(long, global = true, value_enum)]
    audience: Option<AudienceArg>,
    /// Turn paragraphs that are only bold text (`**Fees**`) into headings, so they become
    /// clauses.
    #[arg(long, global = true)]
    promote_bold_headings: bool,
    /// Overwrite the sources of a document that was imported before.
    #[arg(long, global = true)]
    replace: bool,
}

#[derive(Debug, clap::Subcommand)]
enum Source {
    /// An Open Terms Archive versions repository: one version per commit of each document.
    Ota {
        /// The repository: a checkout or a bare git directory.
        repo: PathBuf,
        /// Service to import (the repository's directory name, e.g. `Boulanger`); repeatable.
        #[arg(long = "service", required_unless_present = "each_service_into")]
        services: Vec<String>,
        /// Document type to import (e.g. `Terms of Service`); all types when not given.
        #[arg(long = "type")]
        doc_type: Option<String>,
        /// Import every service, each into its own policies directory `DIR/<service>/` with
        /// its own site.yaml (instead of one `--policies` directory).
        #[arg(long, value_name = "DIR", conflicts_with = "services")]
        each_service_into: Option<PathBuf>,
    },
    /// Markdown (`.md`), plain text (`.txt`) or HTML (`.html`) files: the versions of one
    /// document, oldest first.
    Files {
        /// The files, one per version, oldest first.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Document id (the directory name under `--policies`), e.g. `terms`.
        #[arg(long)]
        doc: String,
        /// Document type, e.g. `Terms of Service` or `Complaints Policy`.
        #[arg(long = "type")]
        doc_type: String,
        /// Title shown to readers; the document id when not given.
        #[arg(long)]
        title: Option<String>,
        /// Date of each version (one per file, in order); the files' modification dates when
        /// not given. Written as capture dates.
        #[arg(long = "date", value_parser = parse_date)]
        dates: Vec<Date>,
        /// The marketplace's name, for a new site.yaml.
        #[arg(long, default_value = "Marketplace")]
        marketplace: String,
    },
}

/// `--audience`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum AudienceArg {
    Consumers,
    Sellers,
    Both,
}

/// Runs `davar import`.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<ExitCode> {
    let options = Options {
        lang: args.lang.clone(),
        audience: args.audience.map(|a| match a {
            AudienceArg::Consumers => vec![Audience::Consumers],
            AudienceArg::Sellers => vec![Audience::Sellers],
            AudienceArg::Both => vec![Audience::Consumers, Audience::Sellers],
        }),
        promote_bold_headings: args.promote_bold_headings,
    };
    match &args.source {
        Source::Ota {
            repo,
            services,
            doc_type,
            each_service_into,
        } => {
            let documents = ota::read(repo, services, doc_type.as_deref())?;
            let repo_name = ota::repo_name(repo);
            match each_service_into {
                Some(root) => {
                    // Each service's documents are shaped (language detection, word
                    // comparison of consecutive versions) and written, services in parallel;
                    // what each says is printed in the services' order, up to the first that
                    // fails.
                    let mut by_service: Vec<(String, Vec<ota::OtaDocument>)> = Vec::new();
                    for doc in documents {
                        match by_service.last_mut() {
                            Some((s, docs)) if *s == doc.service => docs.push(doc),
                            _ => by_service.push((doc.service.clone(), vec![doc])),
                        }
                    }
                    let reports: Vec<anyhow::Result<Report>> = by_service
                        .into_par_iter()
                        .map(|(service, documents)| {
                            let docs: Vec<ImportedDocument> = documents
                                .par_iter()
                                .map(|doc| davar_import::from_ota(doc, &repo_name, &options))
                                .collect();
                            drop(documents);
                            let dir = root.join(davar_import::doc_id(&service, ""));
                            let mut report = Report::default();
                            let docs = importable(&dir, docs, &mut report);
                            if !docs.is_empty() {
                                save(&dir, &docs, &service, args.replace, &mut report)?;
                            }
                            Ok(report)
                        })
                        .collect();
                    for report in reports {
                        report?.print();
                    }
                }
                None => {
                    let docs: Vec<ImportedDocument> = documents
                        .par_iter()
                        .map(|d| davar_import::from_ota(d, &repo_name, &options))
                        .collect();
                    // The service's name as the archive spells it, not as it was typed.
                    let name = documents
                        .first()
                        .map(|d| d.service.clone())
                        .unwrap_or_default();
                    let mut report = Report::default();
                    let docs = importable(&global.policies, docs, &mut report);
                    report.print();
                    if docs.is_empty() {
                        anyhow::bail!(
                            "nothing imported into {}: no document has text whose language can be told",
                            global.policies.display()
                        );
                    }
                    let mut report = Report::default();
                    save(&global.policies, &docs, &name, args.replace, &mut report)?;
                    report.print();
                }
            }
        }
        Source::Files {
            files: paths,
            doc,
            doc_type,
            title,
            dates,
            marketplace,
        } => {
            let source = files::FileDocument {
                id: doc.clone(),
                doc_type: doc_type.clone(),
                title: title.clone(),
                files: paths.clone(),
                dates: dates.clone(),
            };
            let imported = files::read(&source, &options)?;
            let mut report = Report::default();
            save(
                &global.policies,
                &[imported],
                marketplace,
                args.replace,
                &mut report,
            )?;
            report.print();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What an import says: lines for stdout, then warnings for stderr, printed once the work is
/// done.
#[derive(Default)]
struct Report {
    out: String,
    err: String,
}

impl Report {
    fn say(&mut self, line: String) {
        self.out.push_str(&line);
        self.out.push('\n');
    }

    fn warn(&mut self, line: String) {
        self.err.push_str(&line);
        self.err.push('\n');
    }

    fn print(&self) {
        print!("{}", self.out);
        eprint!("{}", self.err);
    }
}

/// The archived documents that can be written: one whose captures have no text, or too
/// little to tell its language, is left out with a warning (an archive import takes many
/// documents; one of them should not stop the others).
fn importable(
    dir: &std::path::Path,
    docs: Vec<ImportedDocument>,
    report: &mut Report,
) -> Vec<ImportedDocument> {
    docs.into_iter()
        .filter(|doc| {
            let why = if doc.versions.is_empty() {
                "no capture has any text".to_string()
            } else if let LanguageBasis::Unknown { letters } = doc.language {
                format!(
                    "its language cannot be told from {letters} letter(s) of text; import it alone with --lang"
                )
            } else {
                return true;
            };
            report.warn(format!(
                "warning: {}/{} not imported: {why}",
                dir.display(),
                doc.id
            ));
            false
        })
        .collect()
}

/// Writes `docs` into `dir` and says what was written.
fn save(
    dir: &std::path::Path,
    docs: &[ImportedDocument],
    name: &str,
    replace: bool,
    report: &mut Report,
) -> anyhow::Result<()> {
    let site = SiteDefaults {
        name: name.to_string(),
        brands: vec![name.to_string()],
    };
    let written = davar_import::write(dir, docs, &site, replace)
        .with_context(|| format!("cannot import into {}", dir.display()))?;
    for doc in docs {
        let editorial = doc
            .versions
            .iter()
            .filter(|v| v.change == davar_policy::ChangeKind::Editorial)
            .count();
        report.say(format!(
            "{}/{}: {} version(s) in `{}` ({editorial} only reformatted)",
            dir.display(),
            doc.id,
            doc.versions.len(),
            doc.lang
        ));
        for left in &doc.left_out {
            report.warn(format!(
                "warning: {}/{}: the capture of {} ({}) is in `{}`, not `{}`, and is left out (an error page or the page in another language?): \"{}\"",
                dir.display(),
                doc.id,
                left.date,
                left.origin,
                left.lang,
                doc.lang,
                left.opening
            ));
        }
        if let LanguageBasis::LittleText { letters } = doc.language {
            report.warn(format!(
                "warning: {}/{}: language `{}` detected from only {letters} letters of text; check it, or import again with --lang and --replace",
                dir.display(),
                doc.id,
                doc.lang
            ));
        }
    }
    if written.site_created {
        report.say(format!(
            "{}: created; review the marketplace's name, brands and base URL",
            dir.join("site.yaml").display()
        ));
    }
    if !written.languages_missing.is_empty() {
        report.warn(format!(
            "warning: add {} to `languages` in {}",
            written.languages_missing.join(", "),
            dir.join("site.yaml").display()
        ));
    }
    Ok(())
}
