//! One source file `<doc-id>/v<N>.<lang>.md` into a validated [`PolicyVersion`]: size and
//! encoding, the `---` fence, strict front matter (unknown keys name the allowed ones), dates,
//! and agreement with the file name; then the Markdown body is scanned.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use davar_input::InputError;
use jiff::civil::Date;
use serde::Deserialize;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, LineIndex};
use crate::model::{Audience, ChangeKind, DateKind, PolicyVersion};
use crate::site_config::SiteConfig;
use crate::source::{self, FileName};
use crate::yaml;

/// Keys allowed in front matter, in the order they are documented.
pub(crate) const FRONT_MATTER_KEYS: &[&str] = &[
    "id",
    "type",
    "lang",
    "title",
    "version",
    "published",
    "effective",
    "audience",
    "change",
    "summary",
    "calendar",
    "dates",
    "source",
    "notice",
    "notice_reason",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    id: String,
    #[serde(rename = "type")]
    doc_type: String,
    lang: String,
    title: String,
    version: u32,
    published: String,
    effective: String,
    audience: RawAudience,
    change: String,
    summary: String,
    #[serde(default)]
    calendar: Option<String>,
    #[serde(default)]
    dates: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    notice: Option<String>,
    #[serde(default)]
    notice_reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawAudience {
    One(String),
    Many(Vec<String>),
}

/// Reads and validates one source of the policies directory `root`; records its text and any
/// diagnostics. Its body is scanned through `scans`, the bodies of its document read so far.
pub(crate) fn load_source(
    root: &Path,
    path: &Path,
    doc_id: &str,
    site: &SiteConfig,
    sources: &mut BTreeMap<PathBuf, String>,
    diagnostics: &mut Vec<Diagnostic>,
    scans: &mut markdown::Scans<'_>,
) -> Option<PolicyVersion> {
    let error = |line, column, message: String| {
        Diagnostic::error(codes::FRONT_MATTER, path, line, column, message)
    };
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let Some(FileName { version, lang }) = source::parse_file_name(file_name) else {
        let help = source::suggest_file_name(file_name).map_or_else(
            || "rename it, e.g. `v2.fa.md` for version 2 in Persian".to_string(),
            |fixed| format!("did you mean `{fixed}`? rename the file"),
        );
        let message = match source::file_name_problem(file_name) {
            Some(problem) => {
                format!("file name `{file_name}` does not follow `v<N>.<lang>.md`: {problem}")
            }
            None => format!("file name `{file_name}` does not follow `v<N>.<lang>.md`"),
        };
        diagnostics.push(error(0, 0, message).with_help(help));
        return None;
    };
    let text = match davar_input::read_in_tree(root, path, davar_input::MAX_SOURCE_BYTES) {
        Ok(text) => text,
        Err(InputError::NotUtf8 {
            valid_up_to, lossy, ..
        }) => {
            let prefix = lossy.get(..valid_up_to).unwrap_or_default();
            let (line, column) = crate::diagnostic::line_col(prefix, prefix.len());
            sources.insert(path.to_path_buf(), lossy);
            diagnostics.push(
                error(line, column, format!("invalid UTF-8 at byte {valid_up_to}"))
                    .with_help("save the file as UTF-8"),
            );
            return None;
        }
        Err(err @ InputError::TooLarge { .. }) => {
            diagnostics.push(error(0, 0, err.to_string()).with_help(
                "split the document or remove pasted data; a policy text is far smaller",
            ));
            return None;
        }
        Err(err) => {
            diagnostics.push(error(0, 0, err.to_string()));
            return None;
        }
    };
    let text = source::nfc(text);
    if let Some(found) = control_character(&text) {
        diagnostics.push(found.diagnostic(path, &text));
    }
    let Some(mut read) = version_of(
        path,
        doc_id,
        site,
        diagnostics,
        scans,
        FileName { version, lang },
        &text,
    ) else {
        // The text of a source left out is kept for its diagnostics.
        sources.insert(path.to_path_buf(), text);
        return None;
    };
    read.source = text;
    Some(read)
}

/// The version whose source, at `path`, holds `text`, but for its `source` (left empty); `None`
/// when its front matter has errors (pushed to `diagnostics`).
fn version_of(
    path: &Path,
    doc_id: &str,
    site: &SiteConfig,
    diagnostics: &mut Vec<Diagnostic>,
    scans: &mut markdown::Scans<'_>,
    FileName { version, lang }: FileName,
    text: &str,
) -> Option<PolicyVersion> {
    let error = |line, column, message: String| {
        Diagnostic::error(codes::FRONT_MATTER, path, line, column, message)
    };
    let split = match source::split_front_matter(text) {
        Ok(split) => split,
        Err(err) => {
            diagnostics.push(error(err.line, 1, err.message).with_help(err.help));
            return None;
        }
    };
    let yaml_line = split.yaml_line;
    let body_line = split.body_line;
    let body_offset = text.len() - split.body.len();
    let yaml_text = split.yaml;
    // Where the parser found the value at `path` of the front matter, as a file position.
    let value_pos = |path: &[yaml::Step<'_>]| {
        yaml::value_position(yaml_text, path)
            .map_or((yaml_line, 1), |p| (yaml_line + p.line - 1, p.column))
    };
    let key_pos = |key: &str| value_pos(&[yaml::Step::Key(key)]);
    let raw: RawFrontMatter = match yaml::from_str(yaml_text) {
        Ok(raw) => raw,
        Err(err) => {
            let line = if err.line == 0 {
                yaml_line
            } else {
                yaml_line + err.line - 1
            };
            let mut diagnostic = error(line, err.column.max(1), err.message.clone());
            let suggestion = yaml::unknown_field(&err.message)
                .and_then(|key| crate::check::closest(key, FRONT_MATTER_KEYS.iter().copied()));
            if let Some(key) = suggestion {
                diagnostic = diagnostic.with_help(format!("did you mean `{key}`?"));
            } else if err.message.contains("unknown field") || err.message.contains("missing field")
            {
                diagnostic = diagnostic.with_help(format!(
                    "front matter keys are: {}",
                    FRONT_MATTER_KEYS.join(", ")
                ));
            }
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let before = diagnostics.len();
    let mut check_eq = |key: &str, found: &str, expected: &str, why: &str| {
        if found != expected {
            let (line, column) = key_pos(key);
            diagnostics.push(
                error(
                    line,
                    column,
                    format!("`{key}: {found}` does not match the {why} (`{expected}`)"),
                )
                .with_width(found.chars().count())
                .with_help(format!("set `{key}: {expected}` or rename the file")),
            );
        }
    };
    check_eq("id", &raw.id, doc_id, "directory name");
    check_eq("lang", &raw.lang, &lang, "file name");
    check_eq(
        "version",
        &raw.version.to_string(),
        &version.to_string(),
        "file name",
    );
    if !site.languages.contains(&raw.lang) {
        let (line, column) = key_pos("lang");
        diagnostics.push(
            error(
                line,
                column,
                format!(
                    "language `{}` is not listed in site.yaml `languages` ({})",
                    raw.lang,
                    site.languages.join(", ")
                ),
            )
            .with_help("add it to `languages` in site.yaml or fix the code"),
        );
    }
    let mut date = |key: &str, value: &str| -> Option<Date> {
        match value.trim().parse::<Date>() {
            Ok(date) => Some(date),
            Err(_) => {
                let (line, column) = key_pos(key);
                diagnostics.push(
                    error(
                        line,
                        column,
                        format!("`{key}` is not a valid date: `{value}`"),
                    )
                    .with_width(value.chars().count())
                    .with_help("write dates as YYYY-MM-DD, e.g. 2026-10-01"),
                );
                None
            }
        }
    };
    let published = date("published", &raw.published);
    let effective = date("effective", &raw.effective);
    let audience = parse_audience(&raw.audience).map_err(|(index, bad)| {
        // Point at the bad value itself: the element of a list, or the single value.
        let (line, column) = match (&raw.audience, index) {
            (RawAudience::Many(_), Some(i)) => {
                value_pos(&[yaml::Step::Key("audience"), yaml::Step::Index(i)])
            }
            _ => key_pos("audience"),
        };
        diagnostics.push(
            error(line, column, format!("unknown audience `{bad}`"))
                .with_width(bad.chars().count())
                .with_help(choice_help(
                    &bad,
                    &["consumers", "sellers"],
                    "use `consumers`, `sellers` or [consumers, sellers]",
                )),
        );
    });
    let change = match raw.change.as_str() {
        "substantive" => Some(ChangeKind::Substantive),
        "editorial" => Some(ChangeKind::Editorial),
        other => {
            let (line, column) = key_pos("change");
            diagnostics.push(
                error(
                    line,
                    column,
                    format!("`change` must be `substantive` or `editorial`, found `{other}`"),
                )
                .with_width(other.chars().count())
                .with_help(choice_help(
                    other,
                    &["substantive", "editorial"],
                    "`substantive`: changes what readers may or must do (owes notice); `editorial`: wording, typos, layout",
                )),
            );
            None
        }
    };
    let dates = match raw.dates.as_deref() {
        None | Some("announced") => Some(DateKind::Announced),
        Some("captured") => Some(DateKind::Captured),
        Some(other) => {
            let (line, column) = key_pos("dates");
            diagnostics.push(
                error(
                    line,
                    column,
                    format!("`dates` must be `announced` or `captured`, found `{other}`"),
                )
                .with_width(other.chars().count())
                .with_help(choice_help(
                    other,
                    &["announced", "captured"],
                    "`captured`: the dates are when the text was first seen, not when it was published",
                )),
            );
            None
        }
    };
    let notice_exemption = notice_exemption(&raw, &key_pos, &mut *diagnostics, path);
    for (key, value) in [("type", &raw.doc_type), ("title", &raw.title)] {
        if value.trim().is_empty() {
            let (line, column) = key_pos(key);
            diagnostics.push(error(line, column, format!("`{key}` is empty")));
        }
    }
    if diagnostics.len() > before {
        return None;
    }
    let (published, effective, Ok(audience), Some(change), Some(dates), Some(notice_exemption)) = (
        published?,
        effective?,
        audience,
        change,
        dates,
        notice_exemption,
    ) else {
        return None;
    };
    let lines = LineIndex::new(text);
    let scanned = scans.scan(text, body_offset, &lines);
    Some(PolicyVersion {
        id: raw.id,
        lang: raw.lang,
        version: raw.version,
        doc_type: raw.doc_type,
        title: raw.title,
        published,
        effective,
        audience,
        change,
        summary: raw.summary,
        calendar: raw.calendar,
        dates,
        notice_exemption,
        origin: raw.source,
        path: path.to_path_buf(),
        body_line,
        preamble: scanned.preamble,
        clauses: scanned.clauses,
        links: scanned.links,
        ambiguous_anchors: Vec::new(),
        scan: scanned.scan,
        source: String::new(),
    })
}

/// `notice: legal-obligation` with its `notice_reason`: the change only extends readers' rights
/// to comply with a legal obligation, so no notice period is owed (EU platform-to-business
/// regulation Art. 3(4)(a)). `Some(None)`: notice is owed; `None`: an error was pushed.
fn notice_exemption(
    raw: &RawFrontMatter,
    key_pos: &dyn Fn(&str) -> (usize, usize),
    diagnostics: &mut Vec<Diagnostic>,
    path: &Path,
) -> Option<Option<String>> {
    let reason = raw
        .notice_reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let mut error = |key: &str, message: String, help: String| {
        let (line, column) = key_pos(key);
        diagnostics.push(
            Diagnostic::error(codes::FRONT_MATTER, path, line, column, message).with_help(help),
        );
        None
    };
    match (raw.notice.as_deref().map(str::trim), reason) {
        (None | Some("owed"), None) if raw.notice_reason.is_none() => Some(None),
        (Some("legal-obligation"), Some(reason)) => Some(Some(reason.to_owned())),
        (Some("legal-obligation"), None) => error(
            "notice",
            "`notice: legal-obligation` needs a `notice_reason` naming the legal obligation the change complies with".into(),
            "add e.g. `notice_reason: the appeal window must last six months (DSA Art. 20(1))`".into(),
        ),
        (None | Some("owed"), _) => error(
            "notice_reason",
            "`notice_reason` is given but the version owes notice (`notice` is not `legal-obligation`)".into(),
            "remove `notice_reason`, or set `notice: legal-obligation` if the change only extends readers' rights to comply with a legal obligation".into(),
        ),
        (Some(other), _) => error(
            "notice",
            format!("`notice` must be `owed` or `legal-obligation`, found `{other}`"),
            choice_help(
                other,
                &["owed", "legal-obligation"],
                "`legal-obligation`: the change only extends readers' rights to comply with a legal obligation, so it takes effect without a notice period",
            ),
        ),
    }
}

/// The help for a value that is not one of `choices`: "did you mean" the closest one, then
/// `explanation`.
fn choice_help(found: &str, choices: &[&str], explanation: &str) -> String {
    let wanted = found.trim().to_lowercase();
    match crate::check::closest(&wanted, choices.iter().copied()) {
        Some(choice) => format!("did you mean `{choice}`? {explanation}"),
        None => explanation.to_owned(),
    }
}

/// The audiences named, or the index (in a list) and text of the first unknown one (no index
/// and an empty text for an empty list).
fn parse_audience(raw: &RawAudience) -> Result<Vec<Audience>, (Option<usize>, String)> {
    let names: Vec<&str> = match raw {
        RawAudience::One(one) => vec![one.as_str()],
        RawAudience::Many(many) => many.iter().map(String::as_str).collect(),
    };
    if names.is_empty() {
        return Err((None, String::new()));
    }
    let mut audience = Vec::new();
    for (index, name) in names.into_iter().enumerate() {
        let parsed = match name {
            "consumers" => Audience::Consumers,
            "sellers" => Audience::Sellers,
            other => return Err((Some(index), other.to_string())),
        };
        if !audience.contains(&parsed) {
            audience.push(parsed);
        }
    }
    audience.sort();
    Ok(audience)
}

/// The first character of a text that no published page or Atom feed can carry: a control
/// character other than tab, line feed and carriage return (XML 1.0 forbids the C0 ones, and
/// none shows as text), with how many the text holds.
struct ControlCharacter {
    at: usize,
    found: char,
    count: usize,
}

fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn control_character(text: &str) -> Option<ControlCharacter> {
    let (at, found) = text.char_indices().find(|&(_, c)| is_control(c))?;
    Some(ControlCharacter {
        at,
        found,
        count: text[at..].chars().filter(|&c| is_control(c)).count(),
    })
}

/// The character Windows-1252 writes with the byte of a C1 control (U+0080 to U+009F), which a
/// text decoded as Latin-1 shows as that control (`’` for U+0092).
fn windows_1252(c: char) -> Option<char> {
    let byte = u8::try_from(u32::from(c))
        .ok()
        .filter(|b| (0x80..=0x9f).contains(b))?;
    let bytes = [byte];
    let (decoded, _, malformed) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let meant = decoded.chars().next()?;
    (!malformed && meant != c).then_some(meant)
}

impl ControlCharacter {
    /// An error at the first one: the version still loads, so the other checks read it.
    fn diagnostic(&self, path: &Path, text: &str) -> Diagnostic {
        let (line, column) = crate::diagnostic::line_col(text, self.at);
        let what = match self.count {
            1 => "the only one in the file".to_string(),
            n => format!("{n} in the file"),
        };
        let help = match (self.found, windows_1252(self.found)) {
            ('\0', _) => "NUL bytes come from a file saved as UTF-16 or binary data pasted into the text: save the file as UTF-8 and delete them".to_string(),
            ('\u{b}', _) => "word processors write U+000B for a line break inside a paragraph: replace it with a line break".to_string(),
            (_, Some(meant)) => format!(
                "the text went through the wrong encoding: U+{:04X} is Windows-1252's `{meant}` read as Latin-1; convert the original from Windows-1252, or replace each such character with the one meant",
                u32::from(self.found)
            ),
            _ => "delete it, or replace it with a space or a line break".to_string(),
        };
        Diagnostic::error(
            codes::CONTROL_CHARACTER,
            path,
            line,
            column,
            format!(
                "control character U+{:04X} in the text ({what}): a published page and its Atom feed cannot carry it",
                u32::from(self.found)
            ),
        )
        .with_help(help)
    }
}
