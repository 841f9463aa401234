//! davar-policy: compiles versioned policy sources into a published site and diagnostics.
//!
//! Data flows one way: [`load`] reads `site.yaml` and every `<doc-id>/v<N>.<lang>.md` into a
//! [`PolicySet`]; [`check`] reports problems as [`Diagnostic`]s; [`render_site`] turns the set into
//! a [`Site`] (a map of file paths to bytes) and [`write_site`] publishes it atomically.

pub mod accepted;
pub mod check;
pub mod clause_id;
pub mod codes;
pub mod diagnostic;
mod front_matter;
mod known_marketplaces;
pub mod language;
mod load;
mod markdown;
pub mod memo;
pub mod model;
pub mod render;
pub mod site_config;
mod source;
pub mod text;
mod write;
pub mod yaml;

pub use check::check;
pub use diagnostic::{Counts, Diagnostic, Severity};
pub use known_marketplaces::{KnownMarketplaces, KnownName};
pub use load::{LoadError, load, load_kept};
pub use markdown::KeptScans;
pub use markdown::plain_text;
pub use model::{
    Audience, ChangeKind, Clause, ClauseLink, DateKind, Document, PolicySet, PolicyVersion,
    RawBlock, UnreadableSource,
};
pub use render::{RenderError, Site, render_site};
pub use site_config::{HtmlAllowance, SiteConfig};
pub use source::nfc;
pub use write::{SITE_MARKER, write_site};
