//! `site.yaml`: marketplace names and brands, base URL, languages, time zone, notice periods,
//! foreign brands and compliance profiles. Read strictly: unknown keys are errors naming the allowed ones.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::model::Audience;
use crate::yaml;

/// Validated site settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// Where it was read from.
    pub path: PathBuf,
    /// Marketplace name per language code.
    pub marketplace_name: BTreeMap<String, String>,
    /// Spellings of our own brand.
    pub brands: Vec<String>,
    /// Absolute base URL of the published site, without a trailing slash.
    pub base_url: String,
    /// Languages the site publishes, in display order.
    pub languages: Vec<String>,
    /// The language whose text is legally binding.
    pub binding_language: String,
    /// IANA name of the marketplace's time zone (`timezone:`, default `UTC`): the zone of
    /// "today" for every command and the server.
    pub timezone: String,
    /// The time zone `timezone` names.
    pub time_zone: TimeZone,
    /// Minimum days between `published` and `effective` for substantive changes.
    pub notice_days: NoticeDays,
    /// Other companies' brands that must never appear in a policy.
    pub foreign_brands: Vec<String>,
    /// Whether `foreign-brand` also reports the known marketplaces of the rules directory's
    /// store lexicons (`known_marketplaces:`, default true; `false` reports only
    /// `foreign_brands`).
    pub known_marketplaces: bool,
    /// Corporate groups (`brand_groups`: group name to its brands). A brand of the group the
    /// marketplace belongs to (one of its names or brands is a member or the group's name, or
    /// starts with a member's words, as `Uber Eats` starts with `Uber`) is not foreign to it.
    pub brand_groups: BTreeMap<String, Vec<String>>,
    /// Legitimate mentions of other companies (`third_parties`): names, phrases such as
    /// `Google Maps`, or domains. A foreign brand inside one is not reported, and
    /// `unknown-brand` does not report them.
    pub third_parties: Vec<String>,
    /// Compliance profiles per document id (used by the obligation checks).
    pub compliance: BTreeMap<String, Vec<String>>,
    /// What raw HTML written in a policy source may keep (`html:`).
    pub html: HtmlAllowance,
}

/// What raw HTML in a policy source may keep beyond plain formatting (`html:` in `site.yaml`).
/// By default it keeps neither: an `id` or `class` lets a source imitate the page's own boxes
/// and anchors, and an external image tells a third party who reads the policy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HtmlAllowance {
    /// Keep `id` and `class` attributes written in the source (`ids_and_classes: true`).
    #[serde(default)]
    pub ids_and_classes: bool,
    /// Keep images from other sites (`external_images: true`); relative images always stay.
    #[serde(default)]
    pub external_images: bool,
}

/// The time zone of a `site.yaml` without `timezone:`.
pub const DEFAULT_TIMEZONE: &str = "UTC";

/// The longest notice period `notice_days` may set: ten years.
pub const MAX_NOTICE_DAYS: u32 = 3660;

/// Minimum notice in days per audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoticeDays {
    /// Notice owed to consumers (default 0).
    pub consumers: u32,
    /// Notice owed to business users (default 15, EU platform-to-business rules).
    pub sellers: u32,
}

impl NoticeDays {
    /// The notice owed to `audience`.
    pub fn for_audience(&self, audience: Audience) -> u32 {
        match audience {
            Audience::Consumers => self.consumers,
            Audience::Sellers => self.sellers,
        }
    }
}

impl Default for NoticeDays {
    fn default() -> Self {
        NoticeDays {
            consumers: 0,
            sellers: 15,
        }
    }
}

/// `site.yaml` could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct SiteConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Keys of `site.yaml` at the top level and under `marketplace` and `notice_days`, for
/// "did you mean" hints.
const SITE_KEYS: &[&str] = &[
    "marketplace",
    "base_url",
    "languages",
    "binding_language",
    "notice_days",
    "foreign_brands",
    "known_marketplaces",
    "brand_groups",
    "third_parties",
    "compliance",
    "name",
    "brands",
    "consumers",
    "sellers",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    marketplace: RawMarketplace,
    base_url: String,
    languages: Vec<String>,
    binding_language: String,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    notice_days: RawNoticeDays,
    #[serde(default)]
    foreign_brands: Vec<String>,
    #[serde(default = "default_true")]
    known_marketplaces: bool,
    #[serde(default)]
    brand_groups: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    third_parties: Vec<String>,
    #[serde(default)]
    compliance: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    html: HtmlAllowance,
}

fn default_true() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarketplace {
    name: BTreeMap<String, String>,
    #[serde(default)]
    brands: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNoticeDays {
    consumers: Option<u32>,
    sellers: Option<u32>,
}

impl SiteConfig {
    /// Parses the text of `site.yaml` read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<SiteConfig, SiteConfigError> {
        let error = |line, column, message: String| SiteConfigError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        };
        let raw: RawSite = yaml::from_str(text).map_err(|e| {
            let suggestion = yaml::unknown_field(&e.message)
                .and_then(|key| crate::check::closest(key, SITE_KEYS.iter().copied()));
            let message = match suggestion {
                Some(key) => format!("{}; did you mean `{key}`?", e.message),
                None => e.message,
            };
            error(e.line, e.column, message)
        })?;
        // Where the value of a top-level key is written, for errors about it.
        let at = |key: &str, message: String| {
            let pos = yaml::value_position(text, &[yaml::Step::Key(key)])
                .unwrap_or(yaml::Position { line: 0, column: 0 });
            error(pos.line, pos.column, message)
        };
        if raw.languages.is_empty() {
            return Err(at(
                "languages",
                "`languages` is empty; list the language codes the site publishes, e.g. [fa, en]"
                    .into(),
            ));
        }
        if !raw.languages.contains(&raw.binding_language) {
            return Err(at(
                "binding_language",
                format!(
                    "binding language `{}` is not in `languages` ({})",
                    raw.binding_language,
                    raw.languages.join(", ")
                ),
            ));
        }
        let base_url = raw.base_url.trim_end_matches('/').to_string();
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(at(
                "base_url",
                format!(
                    "`base_url` must be an absolute http(s) URL, found `{}`",
                    raw.base_url
                ),
            ));
        }
        let timezone = raw.timezone.unwrap_or_else(|| DEFAULT_TIMEZONE.to_owned());
        let time_zone = TimeZone::get(&timezone).map_err(|_| {
            at(
                "timezone",
                format!(
                    "unknown time zone `{timezone}`; use an IANA name such as Asia/Tehran, Europe/Berlin or UTC"
                ),
            )
        })?;
        for (audience, days) in [
            ("consumers", raw.notice_days.consumers),
            ("sellers", raw.notice_days.sellers),
        ] {
            if days.is_some_and(|days| days > MAX_NOTICE_DAYS) {
                let pos = yaml::value_position(
                    text,
                    &[yaml::Step::Key("notice_days"), yaml::Step::Key(audience)],
                )
                .unwrap_or(yaml::Position { line: 0, column: 0 });
                return Err(error(
                    pos.line,
                    pos.column,
                    format!(
                        "`notice_days.{audience}` is {}; a notice period is at most {MAX_NOTICE_DAYS} days (ten years)",
                        days.unwrap_or_default()
                    ),
                ));
            }
        }
        let defaults = NoticeDays::default();
        Ok(SiteConfig {
            path: path.to_path_buf(),
            marketplace_name: raw.marketplace.name,
            brands: raw.marketplace.brands,
            base_url,
            languages: raw.languages,
            binding_language: raw.binding_language,
            timezone,
            time_zone,
            notice_days: NoticeDays {
                consumers: raw.notice_days.consumers.unwrap_or(defaults.consumers),
                sellers: raw.notice_days.sellers.unwrap_or(defaults.sellers),
            },
            foreign_brands: raw.foreign_brands,
            known_marketplaces: raw.known_marketplaces,
            brand_groups: raw.brand_groups,
            third_parties: raw.third_parties,
            compliance: raw.compliance,
            html: raw.html,
        })
    }

    /// The marketplace's own names: its name in every language, then its brands.
    pub fn own_names(&self) -> impl Iterator<Item = &str> {
        self.marketplace_name
            .values()
            .chain(&self.brands)
            .map(String::as_str)
    }

    /// The brands of the corporate groups the marketplace belongs to (see `brand_groups`),
    /// group names included: its own names are among them.
    pub fn group_brands(&self) -> Vec<&str> {
        let words = |text: &str| -> Vec<String> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let own: Vec<Vec<String>> = self
            .own_names()
            .map(&words)
            .filter(|w| !w.is_empty())
            .collect();
        let belongs = |member: &str| {
            let member = words(member);
            !member.is_empty() && own.iter().any(|name| name.starts_with(&member))
        };
        self.brand_groups
            .iter()
            .filter(|(group, members)| belongs(group) || members.iter().any(|m| belongs(m)))
            .flat_map(|(group, members)| {
                std::iter::once(group.as_str()).chain(members.iter().map(String::as_str))
            })
            .collect()
    }

    /// The marketplace name in `lang`, falling back to the binding language.
    pub fn name_in(&self, lang: &str) -> &str {
        self.marketplace_name
            .get(lang)
            .or_else(|| self.marketplace_name.get(&self.binding_language))
            .or_else(|| self.marketplace_name.values().next())
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "marketplace:\n  name: { en: Shop, fa: شاپ }\n  brands: [Shop]\nbase_url: https://x.example/\nlanguages: [fa, en]\nbinding_language: fa\n";

    #[test]
    fn parses_with_defaults() {
        let site = SiteConfig::parse(Path::new("site.yaml"), SITE).unwrap();
        assert_eq!(site.base_url, "https://x.example");
        assert_eq!(
            site.notice_days,
            NoticeDays {
                consumers: 0,
                sellers: 15
            }
        );
        assert_eq!(site.name_in("de"), "شاپ");
    }

    #[test]
    fn notice_periods_longer_than_ten_years_are_refused_at_their_value() {
        let text = format!("{SITE}notice_days:\n  consumers: 30\n  sellers: 4294967295\n");
        let err = SiteConfig::parse(Path::new("site.yaml"), &text).unwrap_err();
        assert!(
            err.message.contains("`notice_days.sellers` is 4294967295"),
            "{}",
            err.message
        );
        assert_eq!((err.line, err.column), (9, 12));
        let text = format!("{SITE}notice_days:\n  consumers: 30\n  sellers: 3660\n");
        assert!(SiteConfig::parse(Path::new("site.yaml"), &text).is_ok());
    }

    #[test]
    fn the_time_zone_defaults_to_utc_and_must_be_known() {
        let site = SiteConfig::parse(Path::new("site.yaml"), SITE).unwrap();
        assert_eq!(site.timezone, "UTC");
        assert_eq!(site.time_zone, TimeZone::UTC);
        let tehran = format!("{SITE}timezone: Asia/Tehran\n");
        let site = SiteConfig::parse(Path::new("site.yaml"), &tehran).unwrap();
        assert_eq!(site.time_zone.iana_name(), Some("Asia/Tehran"));
        let err = SiteConfig::parse(
            Path::new("site.yaml"),
            &format!("{SITE}timezone: Asia/Tehrn\n"),
        )
        .unwrap_err();
        assert_eq!(err.line, 7);
        assert!(
            err.message.contains("unknown time zone `Asia/Tehrn`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_keys_name_the_allowed_ones() {
        let err =
            SiteConfig::parse(Path::new("site.yaml"), &format!("{SITE}colour: red\n")).unwrap_err();
        assert_eq!(err.line, 7);
        assert!(err.message.contains("unknown field `colour`"), "{err}");
        assert!(err.message.contains("binding_language"), "{err}");
        let err = SiteConfig::parse(
            Path::new("site.yaml"),
            &format!("{SITE}foreign_brand: [Torob]\n"),
        )
        .unwrap_err();
        assert!(
            err.message.ends_with("did you mean `foreign_brands`?"),
            "{err}"
        );
    }

    #[test]
    fn the_marketplace_belongs_to_the_groups_naming_it_or_a_prefix_of_its_name() {
        let text = format!(
            "{SITE}brand_groups:\n  Meta: [Facebook, Instagram]\n  Ride Group: [Ride, Ride Eats]\n  Other: [Shopping Mall]\n"
        );
        let site = SiteConfig::parse(Path::new("site.yaml"), &text).unwrap();
        assert!(site.group_brands().is_empty());
        let named = |name: &str| {
            let text = text.replace(
                "name: { en: Shop, fa: شاپ }",
                &format!("name: {{ en: {name} }}"),
            );
            let text = text.replace("brands: [Shop]", "brands: []");
            SiteConfig::parse(Path::new("site.yaml"), &text).unwrap()
        };
        assert_eq!(
            named("Instagram").group_brands(),
            ["Meta", "Facebook", "Instagram"]
        );
        assert_eq!(
            named("Ride Eats Courier").group_brands(),
            ["Ride Group", "Ride", "Ride Eats"]
        );
        assert!(named("Rideshare").group_brands().is_empty());
    }

    #[test]
    fn binding_language_must_be_published() {
        let text = SITE.replace("binding_language: fa", "binding_language: de");
        let err = SiteConfig::parse(Path::new("site.yaml"), &text).unwrap_err();
        assert_eq!(err.line, 6);
    }
}
