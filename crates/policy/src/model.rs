//! The validated policy model: a [`PolicySet`] of [`Document`]s, each a list of
//! [`PolicyVersion`]s (one per version and language) split into [`Clause`]s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::known_marketplaces::KnownMarketplaces;
use crate::markdown::BodyScan;
use crate::site_config::SiteConfig;

/// Every policy source of a site, with its settings.
#[derive(Debug, Clone)]
pub struct PolicySet {
    /// The policies directory that was loaded.
    pub root: PathBuf,
    /// `site.yaml`.
    pub site: SiteConfig,
    /// Documents sorted by id.
    pub documents: Vec<Document>,
    /// The text of every file read (lossily decoded) that is not a loaded version (`site.yaml`,
    /// sources that could not be read), for rendering diagnostics; a version's text is its
    /// `source`. [`PolicySet::source_of`] finds both.
    pub sources: BTreeMap<PathBuf, String>,
    /// Sources named like a version (`<doc-id>/v<N>.<lang>.md`) that could not be read; checks
    /// that compare versions skip what they would have said about them, so one front-matter
    /// error is reported once.
    pub unreadable: Vec<UnreadableSource>,
    /// Other shops and marketplaces from the rules directory's store lexicons, which
    /// `foreign-brand` reports like `foreign_brands` (empty unless the compile pipeline sets
    /// them: [`crate::load`] reads only the policies directory).
    pub known_marketplaces: KnownMarketplaces,
}

/// A source file whose name says which version it is but whose content could not be read
/// (its `front-matter` error is reported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableSource {
    /// Document id (the directory name).
    pub doc: String,
    /// Version number from the file name.
    pub version: u32,
    /// Language from the file name.
    pub lang: String,
    /// The file.
    pub path: PathBuf,
}

/// What the `published` and `effective` dates of a version are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// Set by the publisher: the day the text was made public and the day it applies from.
    #[default]
    Announced,
    /// The day the text was first captured (e.g. by an archive): it was public by then, but
    /// the publisher's own dates are unknown (`dates: captured`).
    Captured,
}

/// One policy document (e.g. `terms`) in all its versions and languages.
#[derive(Debug, Clone)]
pub struct Document {
    /// Document id: the directory name.
    pub id: String,
    /// All versions in all languages, sorted by (version, lang).
    pub versions: Vec<PolicyVersion>,
}

/// Who a policy version is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Buyers and other people using the marketplace for themselves.
    Consumers,
    /// Business users selling on the marketplace.
    Sellers,
}

impl Audience {
    /// The front matter spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Consumers => "consumers",
            Audience::Sellers => "sellers",
        }
    }
}

/// Whether a version changes rights and duties or only wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Changes what readers may or must do; owes notice.
    Substantive,
    /// Wording, typos, layout; no notice needed.
    Editorial,
}

impl ChangeKind {
    /// The front matter spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Substantive => "substantive",
            ChangeKind::Editorial => "editorial",
        }
    }
}

/// One version of one document in one language: one source file.
#[derive(Debug, Clone)]
pub struct PolicyVersion {
    /// Document id.
    pub id: String,
    /// Language code.
    pub lang: String,
    /// Version number, from 1.
    pub version: u32,
    /// Open Terms Archive document type, e.g. `Terms of Service`.
    pub doc_type: String,
    /// Title shown to readers.
    pub title: String,
    /// Date the text was made public.
    pub published: Date,
    /// Date it applies from.
    pub effective: Date,
    /// Who it is addressed to.
    pub audience: Vec<Audience>,
    /// Substantive or editorial.
    pub change: ChangeKind,
    /// What changed, shown to readers.
    pub summary: String,
    /// Working-day calendar id (`rules/calendars/<id>.yaml`).
    pub calendar: Option<String>,
    /// Whether the dates were announced by the publisher or are capture dates.
    pub dates: DateKind,
    /// Why no notice period is owed (`notice: legal-obligation` with `notice_reason:`): the
    /// change only extends readers' rights to comply with a legal obligation. `None`: the
    /// notice `notice_days` sets is owed.
    pub notice_exemption: Option<String>,
    /// Where the text comes from (`source:`), e.g. the archive and commit it was imported from.
    pub origin: Option<String>,
    /// The source file.
    pub path: PathBuf,
    /// The full source text.
    pub source: String,
    /// 1-based file line where the Markdown body starts.
    pub body_line: usize,
    /// Text before the first heading (id and heading empty), when there is any.
    pub preamble: Option<Clause>,
    /// Clauses in document order.
    pub clauses: Vec<Clause>,
    /// Links to clauses (`@doc#clause` and `#clause`) in document order.
    pub links: Vec<ClauseLink>,
    /// Anchors two or more headings of this version would each have as an alias (see
    /// [`Clause::aliases`]), with the ids of those headings: none of them gets it.
    pub ambiguous_anchors: Vec<(String, Vec<String>)>,
    /// Facts about the body the checks need (code spans, list intros).
    pub(crate) scan: BodyScan,
}

/// A heading and the text under it, up to the next heading.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Clause {
    /// The clause id: the heading's `{#id}`, or derived from its text (see `explicit_id`).
    pub id: String,
    /// Whether the id was written as `{#id}`; a derived id is a slug of the heading without
    /// its section number, kept across versions when the heading is lightly edited.
    pub explicit_id: bool,
    /// Heading text.
    pub heading: String,
    /// Heading level, 1 to 6.
    pub level: u8,
    /// 1-based file line of the heading.
    pub line: usize,
    /// Byte offset in the source of the heading's `{#clause-id}` attribute.
    pub id_offset: usize,
    /// Plain text of the clause's own paragraphs and lists (no code blocks).
    pub prose: String,
    /// Fenced ```` ```obligation ```` blocks directly under this clause.
    pub obligation_blocks: Vec<RawBlock>,
    /// List items (at any depth) under this clause, tables of contents left out.
    pub list_items: usize,
    /// The anchors the source itself put in the heading as empty links (`### [](#scope)Scope`),
    /// as read.
    pub source_anchors: Vec<String>,
    /// Other anchors of the heading, the ones no other heading of the version also wants: its
    /// [`Clause::source_anchors`] and, for a heading without `{#id}`, the slugs a source
    /// commonly wrote for its full text, number included (`14.2-right-to-rectification`,
    /// `6-haftung`, `artikel-6`). The published page carries them, and in-page links to them
    /// resolve to the heading ([`PolicyVersion::anchor`]).
    pub aliases: Vec<String>,
}

/// The raw text of a fenced block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawBlock {
    /// The block's content without the fences.
    pub text: String,
    /// 1-based file line of the first content line.
    pub line: usize,
}

/// A link to a clause: `[text](@doc#clause)` or `[text](#clause)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseLink {
    /// Target document; `None` for a link inside the same document.
    pub doc: Option<String>,
    /// Target clause; `None` for `@doc` alone.
    pub clause: Option<String>,
    /// The link destination as written.
    pub target: String,
    /// 1-based file line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// Index in [`PolicyVersion::clauses`] of the clause the link is in (`None`: preamble).
    pub in_clause: Option<usize>,
}

impl PolicySet {
    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        // `load` keeps documents sorted by id; the linear scan covers a hand-built set.
        match self.documents.binary_search_by(|d| d.id.as_str().cmp(id)) {
            Ok(index) => self.documents.get(index),
            Err(_) => self.documents.iter().find(|d| d.id == id),
        }
    }

    /// Whether a source named as a later version of `doc` in `lang` than `version` could not be
    /// read. Its dates are unknown, so it may be the version in force: checks that judge "the
    /// current version" skip `version` rather than judge it current (its `front-matter` error
    /// is the one finding).
    pub fn later_unreadable(&self, doc: &str, lang: &str, version: u32) -> bool {
        self.unreadable
            .iter()
            .any(|u| u.doc == doc && u.lang == lang && u.version > version)
    }

    /// The version of `doc` in `lang` in force on `at`: the latest whose effective date is not
    /// after `at`.
    pub fn in_force(&self, doc: &str, lang: &str, at: Date) -> Option<&PolicyVersion> {
        self.document(doc)?.in_force(lang, at)
    }

    /// The published URL path of a clause in the version in force on `as_of`, e.g.
    /// `/fa/terms/v2/#reviews-no-links`. Falls back to the binding language, then to any
    /// language, when the document has no text in `lang`.
    pub fn clause_url(&self, doc: &str, clause: &str, lang: &str, as_of: Date) -> Option<String> {
        let document = self.document(doc)?;
        let lang = self.fallback_lang(document, lang)?;
        let version = document.in_force(lang, as_of)?;
        version.clause(clause)?;
        Some(format!("/{lang}/{doc}/v{}/#{clause}", version.version))
    }

    /// `lang` if `document` has it, else the binding language, else its first language.
    pub fn fallback_lang<'a>(&'a self, document: &'a Document, lang: &'a str) -> Option<&'a str> {
        let has = |l: &str| document.versions.iter().any(|v| v.lang == l);
        if has(lang) {
            Some(lang)
        } else if has(&self.site.binding_language) {
            Some(&self.site.binding_language)
        } else {
            document.versions.first().map(|v| v.lang.as_str())
        }
    }

    /// The text of a file that was read, for [`crate::Diagnostic::render_human`].
    pub fn source_of(&self, path: &Path) -> Option<&str> {
        if let Some(text) = self.sources.get(path) {
            return Some(text);
        }
        let doc = path.parent()?.file_name()?.to_str()?;
        self.document(doc)?
            .versions
            .iter()
            .find(|v| v.path == path)
            .map(|v| v.source.as_str())
    }
}

impl Document {
    /// Versions in `lang`, oldest first.
    pub fn versions_in<'a>(
        &'a self,
        lang: &'a str,
    ) -> impl Iterator<Item = &'a PolicyVersion> + 'a {
        self.versions.iter().filter(move |v| v.lang == lang)
    }

    /// Languages this document is written in, sorted.
    pub fn languages(&self) -> Vec<&str> {
        let mut langs: Vec<&str> = self.versions.iter().map(|v| v.lang.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        langs
    }

    /// The version in `lang` in force on `at`.
    pub fn in_force(&self, lang: &str, at: Date) -> Option<&PolicyVersion> {
        self.versions
            .iter()
            .filter(|v| v.lang == lang && v.effective <= at)
            .max_by_key(|v| (v.effective, v.version))
    }

    /// The first version in `lang` that takes effect after `at`.
    pub fn upcoming(&self, lang: &str, at: Date) -> Option<&PolicyVersion> {
        self.versions
            .iter()
            .filter(|v| v.lang == lang && v.effective > at)
            .min_by_key(|v| (v.effective, v.version))
    }

    /// Version `n` in `lang`.
    pub fn version(&self, lang: &str, n: u32) -> Option<&PolicyVersion> {
        self.versions
            .iter()
            .find(|v| v.lang == lang && v.version == n)
    }
}

impl PolicyVersion {
    /// The clause with this id.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// The clause a link fragment lands on in the published page: the clause with that id,
    /// or else the one with that alias. A percent-encoded fragment is read decoded, as a
    /// browser does.
    pub fn anchor(&self, fragment: &str) -> Option<&Clause> {
        if let Some(clause) = self.clause(fragment) {
            return Some(clause);
        }
        let decoded = crate::clause_id::percent_decoded(fragment);
        self.clause(&decoded).or_else(|| {
            self.clauses
                .iter()
                .find(|c| c.aliases.iter().any(|a| *a == decoded))
        })
    }

    /// The Markdown body (the source after the front matter).
    pub fn body(&self) -> &str {
        &self.source[self.scan.body_offset.min(self.source.len())..]
    }

    /// 1-based file line of the front matter key `key` (the line of `id:` etc.), or 1.
    pub fn key_line(&self, key: &str) -> usize {
        self.front_matter_position(key, false).0
    }

    /// 1-based file line and column where the value of the front matter key `key` starts,
    /// or (1, 1).
    pub fn value_position(&self, key: &str) -> (usize, usize) {
        self.front_matter_position(key, true)
    }

    /// Where the YAML parser found `key` (or its value) in the front matter, as a file
    /// position.
    fn front_matter_position(&self, key: &str, value: bool) -> (usize, usize) {
        let Ok(split) = crate::source::split_front_matter(&self.source) else {
            return (1, 1);
        };
        let path = [crate::yaml::Step::Key(key)];
        let found = if value {
            crate::yaml::value_position(split.yaml, &path)
        } else {
            crate::yaml::key_position(split.yaml, &path)
        };
        found.map_or((1, 1), |p| (split.yaml_line + p.line - 1, p.column))
    }
}
