//! Options every command understands, and compiling the project they point at.

use std::path::PathBuf;

use anyhow::bail;
use davar_policy::Severity;
use davar_project::{Options, Paths, Project};
use jiff::civil::Date;

/// Options every command understands.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Directory holding the policy sources (`<doc-id>/v<N>.<lang>.md` and `site.yaml`).
    #[arg(
        long,
        global = true,
        default_value = "policies",
        env = "DAVAR_POLICIES"
    )]
    pub policies: PathBuf,
    /// Directory holding the moderation rule sets, lexicons and calendars.
    #[arg(long, global = true, default_value = "rules", env = "DAVAR_RULES")]
    pub rules: PathBuf,
}

impl Global {
    /// The source directories.
    pub fn paths(&self) -> Paths {
        Paths {
            policies: self.policies.clone(),
            rules: self.rules.clone(),
        }
    }

    /// Reads and compiles the project (`as_of` `None`: today in the site's time zone).
    pub fn project(&self, as_of: Option<Date>, rule_sets: bool) -> anyhow::Result<Project> {
        let project = Project::load(&self.paths(), Options { as_of, rule_sets })?;
        Ok(project)
    }

    /// The project for a command that computes with the policies (`deadline`, `audit`,
    /// `lock`): the rule sets are left out, and any error `check` would report stops the
    /// command, naming the first one (a source that could not be read would otherwise silently
    /// drop a version).
    pub fn checked_policies(&self, as_of: Option<Date>) -> anyhow::Result<Project> {
        let project = self.project(as_of, false)?;
        let mut errors = project
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error);
        if let Some(first) = errors.next() {
            bail!(
                "`davar check` finds {} in the policies in {}; the first: {}:{}:{}: {} \
                 (run `davar check` for all of them)",
                project.counts(),
                self.policies.display(),
                first.file.display(),
                first.line,
                first.column,
                first.message
            );
        }
        Ok(project)
    }
}
