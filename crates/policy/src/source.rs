//! Reading one source file: the `v<N>.<lang>.md` file name and the `---` front matter fence.

/// A source split into its YAML front matter and Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// 1-based file line of the first YAML line.
    pub yaml_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based file line of the first body line.
    pub body_line: usize,
}

/// Why a source has no usable front matter: 1-based line and a message with its fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FenceError {
    pub line: usize,
    pub message: String,
    pub help: String,
}

/// Splits `text` at its `---` fences. The opening fence must be the first line.
pub(crate) fn split_front_matter(text: &str) -> Result<Split<'_>, FenceError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FenceError {
            line: 1,
            message: "the file is empty".into(),
            help: "start the file with a `---` front matter block (id, type, lang, title, version, published, effective, audience, change, summary), then the Markdown text".into(),
        });
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Err(FenceError {
            line: 1,
            message: "missing front matter: the first line must be `---`".into(),
            help: "put the front matter between two `---` lines at the top of the file".into(),
        });
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[offset + line.len()..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(FenceError {
        line: 1,
        message: "the front matter opened on line 1 is never closed".into(),
        help: "end the front matter with a line containing only `---`".into(),
    })
}

/// `text` in Unicode normalisation form C: letters and their accents composed (`ü` as one
/// code point), as checks, derived clause ids and the published page expect. Text that is
/// already composed is returned as it is, without a copy.
pub fn nfc(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // Code points below U+0300 (lead bytes below 0xCC) are composed and start no combination:
    // the check starts at the first code point from U+0300 on, when there is one.
    let Some(from) = text.bytes().position(|b| b >= 0xCC) else {
        return text;
    };
    match is_nfc_quick(text[from..].chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// The version and language encoded in a file name `v<N>.<lang>.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileName {
    pub version: u32,
    pub lang: String,
}

/// Parses `v<N>.<lang>.md`; `None` when the name does not follow the pattern.
pub(crate) fn parse_file_name(name: &str) -> Option<FileName> {
    let stem = name.strip_suffix(".md")?;
    let (version, lang) = stem.split_once('.')?;
    let version = version.strip_prefix('v')?;
    if version.is_empty()
        || !version.bytes().all(|b| b.is_ascii_digit())
        || version.starts_with('0')
    {
        return None;
    }
    let valid_lang = !lang.is_empty()
        && lang.len() <= 8
        && lang.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    if !valid_lang {
        return None;
    }
    Some(FileName {
        version: version.parse().ok()?,
        lang: lang.to_string(),
    })
}

/// Extensions a Markdown file is saved with besides `.md`.
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"];

/// The name `name` was probably meant to have when it is a policy source written with a
/// Markdown extension in another spelling (`v2.en.MD`, `v3.en.markdown`), a version with
/// leading zeros (`v02.en.md`) or capitals (`V2.EN.md`); `None` when it does not look like a
/// source at all or already is a valid name.
pub(crate) fn suggest_file_name(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let (stem, ext) = lower.rsplit_once('.')?;
    if !MARKDOWN_EXTENSIONS.contains(&ext) {
        return None;
    }
    let (version, lang) = stem.split_once('.')?;
    let digits = version.strip_prefix('v')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    let fixed = format!("v{number}.{lang}.md");
    (fixed != name && number > 0 && parse_file_name(&fixed).is_some()).then_some(fixed)
}

/// Why `name`, shaped like a source name (`v<digits>.<something>.md`), is not one: a version
/// numbered 0, a version number too large, or a part after the version that is not a language
/// code; `None` for any other name.
pub(crate) fn file_name_problem(name: &str) -> Option<String> {
    let stem = name.strip_suffix(".md")?;
    let (version, lang) = stem.split_once('.')?;
    let digits = version.strip_prefix('v')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if digits.bytes().all(|b| b == b'0') {
        return Some("versions are numbered from 1: `v0` is not a version".into());
    }
    if digits.trim_start_matches('0').parse::<u32>().is_err() {
        return Some(format!(
            "the version number `{digits}` is too large (at most {})",
            u32::MAX
        ));
    }
    let valid_lang = !lang.is_empty()
        && lang.len() <= 8
        && lang.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    (!valid_lang).then(|| {
        format!(
            "`{lang}` is not a language code (lower-case letters and `-`, e.g. `en`, `fa`, `pt-br`)"
        )
    })
}

/// The `id:` written in the front matter of `text`, read line by line (no YAML parse: the
/// source may be broken in other ways); `None` when there is none.
pub(crate) fn front_matter_id(text: &str) -> Option<&str> {
    let split = split_front_matter(text).ok()?;
    split.yaml.lines().find_map(|line| {
        let value = line.strip_prefix("id:")?.trim().trim_matches(['"', '\'']);
        (!value.is_empty()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_why_a_source_like_name_is_not_one() {
        assert!(
            file_name_problem("v0.en.md")
                .unwrap()
                .contains("numbered from 1")
        );
        assert!(
            file_name_problem("v000.en.md")
                .unwrap()
                .contains("numbered from 1")
        );
        let large = file_name_problem("v99999999999999999999.en.md").unwrap();
        assert!(large.contains("too large"), "{large}");
        assert!(
            file_name_problem("v2.EN_us.md")
                .unwrap()
                .contains("language code")
        );
        assert_eq!(file_name_problem("v2.en.md"), None);
        assert_eq!(file_name_problem("README.md"), None);
        assert_eq!(file_name_problem("notes.txt"), None);
    }

    #[test]
    fn reads_the_id_of_a_front_matter_line_by_line() {
        assert_eq!(
            front_matter_id("---\nid: terms\nlang: en\n---\n"),
            Some("terms")
        );
        assert_eq!(
            front_matter_id("---\nid: 'returns'\ntitle: [\n---\n"),
            Some("returns")
        );
        assert_eq!(front_matter_id("---\nlang: en\n---\n"), None);
        assert_eq!(front_matter_id("no front matter"), None);
    }

    #[test]
    fn nfc_composes_what_the_full_normalisation_composes() {
        use unicode_normalization::UnicodeNormalization as _;
        for text in [
            "",
            "plain ASCII text",
            "déjà vu, Größe, ½ ©",
            "e\u{301}te\u{301}",
            "caf\u{e9}\u{301}",
            "x\u{344}y",
            "فروشنده\u{200C}ها مي\u{654}",
            "a\u{327}\u{301} then ASCII",
            "Ω and \u{2126}",
        ] {
            let expected: String = text.nfc().collect();
            assert_eq!(nfc(text.to_string()), expected, "{text:?}");
        }
    }

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let split = split_front_matter("---\nid: a\nlang: en\n---\n\n# T {#t}\n").unwrap();
        assert_eq!(split.yaml, "id: a\nlang: en\n");
        assert_eq!(split.yaml_line, 2);
        assert_eq!(split.body, "\n# T {#t}\n");
        assert_eq!(split.body_line, 5);
    }

    #[test]
    fn rejects_missing_and_unclosed_fences() {
        assert!(
            split_front_matter("id: a\n")
                .unwrap_err()
                .message
                .contains("first line")
        );
        assert!(
            split_front_matter("---\nid: a\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(
            split_front_matter("  \n")
                .unwrap_err()
                .message
                .contains("empty")
        );
    }

    #[test]
    fn parses_file_names() {
        assert_eq!(
            parse_file_name("v12.fa.md"),
            Some(FileName {
                version: 12,
                lang: "fa".into()
            })
        );
        assert_eq!(parse_file_name("v0.fa.md"), None);
        assert_eq!(parse_file_name("v1.md"), None);
        assert_eq!(parse_file_name("1.en.md"), None);
        assert_eq!(parse_file_name("v1.EN.md"), None);
        assert_eq!(parse_file_name("v1.en.txt"), None);
    }

    #[test]
    fn suggests_the_name_a_misspelt_source_was_meant_to_have() {
        assert_eq!(suggest_file_name("v02.en.md").as_deref(), Some("v2.en.md"));
        assert_eq!(suggest_file_name("v2.en.MD").as_deref(), Some("v2.en.md"));
        assert_eq!(
            suggest_file_name("v3.en.markdown").as_deref(),
            Some("v3.en.md")
        );
        assert_eq!(suggest_file_name("V2.FA.md").as_deref(), Some("v2.fa.md"));
        for name in [
            "v2.en.md",
            "README.md",
            "notes.txt",
            "v0.en.md",
            "v2.en.txt",
            "logo.png",
        ] {
            assert_eq!(suggest_file_name(name), None, "{name}");
        }
    }
}
