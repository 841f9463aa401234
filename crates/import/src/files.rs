//! Importing plain files as the versions of one document, in the order given: Markdown
//! (`.md`, `.markdown`) as it is (a file with its own front matter is refused: import writes
//! the front matter), plain text (`.txt`: every line its own paragraph) and HTML (`.html`,
//! `.htm`, converted to Markdown by `htmd`). HTML that is not UTF-8 is decoded from the
//! character set it declares (`<meta charset>`, read by `encoding_rs`); the `id` of a heading
//! is kept as its clause id (`{#id}`), so the document's own links to its sections still land;
//! HTML nested deeper than [`MAX_HTML_DEPTH`] elements is refused before conversion.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::{ImportError, ImportedDocument, LanguageBasis, Options, shape};

/// What the files are.
#[derive(Debug, Clone)]
pub struct FileDocument {
    /// Document id.
    pub id: String,
    /// Document type, e.g. `Terms of Service`.
    pub doc_type: String,
    /// Title; the document id when `None`.
    pub title: Option<String>,
    /// One file per version, oldest first.
    pub files: Vec<PathBuf>,
    /// The date of each version; each file's modification date when empty.
    pub dates: Vec<Date>,
}

/// Reads the files of `doc` as the versions of one document.
pub fn read(doc: &FileDocument, options: &Options) -> Result<ImportedDocument, ImportError> {
    if doc.files.is_empty() {
        return Err(ImportError::Invalid(
            "name at least one file to import".into(),
        ));
    }
    if !doc.dates.is_empty() && doc.dates.len() != doc.files.len() {
        return Err(ImportError::Invalid(format!(
            "{} date(s) for {} file(s); give one --date per file, in the same order",
            doc.dates.len(),
            doc.files.len()
        )));
    }
    let mut items = Vec::new();
    for (i, path) in doc.files.iter().enumerate() {
        let markdown = markdown_of(path)?;
        if !crate::text::has_text(&markdown) {
            return Err(ImportError::Invalid(format!(
                "{} has no text{}: an empty version would be published as the whole document; check that the file was saved completely, or leave it out",
                path.display(),
                if is_html(path) {
                    " in its body"
                } else {
                    " (it is empty, or only whitespace or markup)"
                }
            )));
        }
        let date = match doc.dates.get(i) {
            Some(date) => *date,
            None => modified(path)?,
        };
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        items.push((
            shape::body(&markdown, options),
            date,
            format!("file {name}"),
            format!("Imported from {name}."),
        ));
    }
    let mut plain = shape::PlainTexts::default();
    let versions = shape::versions(items.into_iter(), &mut plain);
    let (lang, language) = shape::language(
        versions.iter().map(|v| v.body.as_str()),
        options,
        &mut plain,
    );
    if let LanguageBasis::Unknown { letters } = language {
        return Err(ImportError::unknown_language(&names(&doc.files), letters));
    }
    Ok(ImportedDocument {
        id: doc.id.clone(),
        title: doc.title.clone().unwrap_or_else(|| doc.id.clone()),
        lang,
        language,
        audience: options
            .audience
            .clone()
            .unwrap_or_else(|| shape::audience_for(&doc.doc_type)),
        doc_type: doc.doc_type.clone(),
        versions,
        // Files are the versions the user chose: one in another language stays, and
        // `davar check` reports it (`language-mismatch`).
        left_out: Vec::new(),
    })
}

/// The file names of `files`, for messages.
fn names(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Deepest nesting of elements an imported HTML file may have. Real documents stay far below
/// it; the conversion walks the tree recursively, so a deeper one could exhaust the stack.
pub const MAX_HTML_DEPTH: usize = 400;

/// The Markdown of one file, by its extension.
pub fn markdown_of(path: &Path) -> Result<String, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let html = is_html(path);
    let text = match davar_input::read_limited(path, davar_input::MAX_IMPORT_BYTES) {
        Ok(text) => match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        },
        Err(err @ davar_input::InputError::NotUtf8 { .. }) => decode_not_utf8(path, html, err)?,
        Err(davar_input::InputError::Io { path, source }) => {
            return Err(ImportError::Io {
                path,
                error: source,
            });
        }
        Err(other) => return Err(ImportError::Invalid(other.to_string())),
    };
    match ext.as_str() {
        "md" | "markdown" => {
            refuse_front_matter(path, &text)?;
            Ok(text)
        }
        "txt" | "text" => Ok(paragraphs(&text)),
        "html" | "htm" => html_to_markdown(&text)
            .map_err(|e| ImportError::Invalid(format!("{}: {e}", path.display()))),
        other => Err(ImportError::Invalid(format!(
            "{}: unknown file type `.{other}`; import .md, .markdown, .txt, .html or .htm files",
            path.display()
        ))),
    }
}

/// A Markdown file that starts with its own front matter cannot be imported as a body: the
/// import writes the front matter, and the file's would end up as text.
fn refuse_front_matter(path: &Path, text: &str) -> Result<(), ImportError> {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(());
    }
    if let Some(end) = lines.position(|l| matches!(l.trim_end(), "---" | "...")) {
        return Err(ImportError::Invalid(format!(
            "{}: the file starts with its own front matter (lines 1-{}); import writes the front matter from its options, so remove those lines from the file, or copy the file into the policies directory as a version (`<doc>/v<N>.<lang>.md`) instead of importing it",
            path.display(),
            end + 2
        )));
    }
    Ok(())
}

/// A file that is not UTF-8: UTF-16 with a byte-order mark, or HTML in the character set it
/// declares; anything else is refused with `not_utf8`.
fn decode_not_utf8(
    path: &Path,
    html: bool,
    not_utf8: davar_input::InputError,
) -> Result<String, ImportError> {
    // The size was checked by the first read.
    let bytes = std::fs::read(path).map_err(|error| ImportError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    match crate::text::decode_utf16(&bytes) {
        Some(Ok(text)) => Ok(text),
        Some(Err(encoding)) => Err(ImportError::Invalid(format!(
            "{}: the file starts with a {encoding} byte-order mark but holds bytes that are not {encoding}; save it as UTF-8",
            path.display()
        ))),
        None if html => decode_declared(path, &bytes),
        None => Err(ImportError::Invalid(not_utf8.to_string())),
    }
}

/// An HTML file that is not UTF-8, decoded from the character set it declares in its first
/// 1024 bytes (`<meta charset="windows-1252">` or `content="text/html; charset=…"`).
fn decode_declared(path: &Path, bytes: &[u8]) -> Result<String, ImportError> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let label = head.find("charset=").map(|at| {
        head[at + "charset=".len()..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect::<String>()
    });
    let Some(encoding) = label
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
    else {
        return Err(ImportError::Invalid(format!(
            "{}: the file is not UTF-8 and declares {}; save it as UTF-8, or declare its character set with <meta charset=\"…\"> in its first 1024 bytes",
            path.display(),
            label.map_or_else(
                || "no character set".to_string(),
                |l| format!("an unknown character set `{l}`")
            )
        )));
    };
    let (text, _, malformed) = encoding.decode(bytes);
    if malformed {
        return Err(ImportError::Invalid(format!(
            "{}: the file declares {} but holds bytes that are not {}; save it as UTF-8",
            path.display(),
            encoding.name(),
            encoding.name()
        )));
    }
    Ok(text.into_owned())
}

/// How deeply the elements of `html` nest (walked without recursion).
fn html_depth(html: &str) -> usize {
    use html5ever::tendril::TendrilSink;
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
        .one(html);
    let mut deepest = 0;
    let mut stack = vec![(dom.document.clone(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children
                .borrow()
                .iter()
                .map(|c| (c.clone(), depth + 1)),
        );
    }
    deepest
}

/// An HTML `id` that can be a clause id: ASCII letters, digits, `-` and `_`, starting with a
/// letter.
fn usable_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The `id` of a heading element, or of the first element inside it that has one
/// (`<h2><a id="p1"></a>…</h2>`; `name` of an anchor counts too).
fn heading_id(element: &htmd::Element) -> Option<String> {
    let own = element
        .attrs
        .iter()
        .find(|a| &*a.name.local == "id")
        .map(|a| a.value.to_string());
    own.or_else(|| {
        let mut stack = vec![element.node.clone()];
        while let Some(node) = stack.pop() {
            if let markup5ever_rcdom::NodeData::Element { attrs, .. } = &node.data
                && let Some(a) = attrs
                    .borrow()
                    .iter()
                    .find(|a| matches!(&*a.name.local, "id" | "name"))
            {
                return Some(a.value.to_string());
            }
            stack.extend(node.children.borrow().iter().rev().cloned());
        }
        None
    })
    .filter(|id| usable_id(id))
}

/// The text of a `<pre>` element as it is laid out: every text inside it, `<br>` as a line
/// break.
fn preformatted_text(node: &std::rc::Rc<markup5ever_rcdom::Node>) -> String {
    use markup5ever_rcdom::NodeData;
    let mut out = String::new();
    let mut stack = vec![node.clone()];
    while let Some(node) = stack.pop() {
        match &node.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            NodeData::Element { name, .. } if &*name.local == "br" => out.push('\n'),
            _ => {}
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    out
}

/// A fenced code block holding `text` as it is: the fence is longer than any run of backticks
/// in the text.
fn fenced(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("\n\n{fence}\n{text}\n{fence}\n\n")
}

/// HTML to Markdown through `htmd` (turndown's rules: ATX headings, `-` lists, `**` bold),
/// with these changes: heading ids kept as `{#id}`; a heading without text left out; the
/// `<title>` left out (it names the page and is not part of the text); `<pre>` as a fenced
/// code block, its lines and spaces kept; bold or italics whose element holds several blocks
/// (an unclosed `<b>` that the HTML parser carries into the next list item or table) kept
/// as plain text, since Markdown emphasis cannot span blocks and its markers would show.
pub fn html_to_markdown(html: &str) -> Result<String, String> {
    let depth = html_depth(html);
    if depth > MAX_HTML_DEPTH {
        return Err(format!(
            "elements nest {depth} levels deep; the import takes at most {MAX_HTML_DEPTH} (real documents stay far below it): flatten the nesting, or save the page as Markdown or plain text"
        ));
    }
    let converter = htmd::HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript", "template", "title"])
        .add_handler(
            vec!["h1", "h2", "h3", "h4", "h5", "h6"],
            |handlers: &dyn htmd::element_handler::Handlers, element: htmd::Element| {
                let id = heading_id(&element);
                let mut result = handlers.fallback(element)?;
                if result.content.trim().trim_start_matches('#').trim().is_empty() {
                    return Some(String::new().into());
                }
                if let Some(id) = id {
                    let body = result.content.trim_end_matches('\n').len();
                    if result.content[..body].trim_start().starts_with('#') {
                        result.content.insert_str(body, &format!(" {{#{id}}}"));
                    }
                }
                Some(result)
            },
        )
        .add_handler(
            vec!["pre"],
            |handlers: &dyn htmd::element_handler::Handlers, element: htmd::Element| {
                let code_only = {
                    let children = element.node.children.borrow();
                    children.len() == 1
                        && matches!(&children[0].data, markup5ever_rcdom::NodeData::Element { name, .. } if &*name.local == "code")
                };
                if code_only {
                    return handlers.fallback(element);
                }
                let text = preformatted_text(element.node);
                let text = text.trim_end_matches(['\n', '\r']);
                if text.trim().is_empty() {
                    return Some(String::new().into());
                }
                Some(fenced(text).into())
            },
        )
        .add_handler(
            vec!["b", "strong", "i", "em"],
            |handlers: &dyn htmd::element_handler::Handlers, element: htmd::Element| {
                let node = element.node;
                let result = handlers.fallback(element)?;
                if result.content.trim().contains("\n\n") {
                    Some(handlers.walk_children(node))
                } else {
                    Some(result)
                }
            },
        )
        .options(htmd::options::Options {
            heading_style: htmd::options::HeadingStyle::Atx,
            bullet_list_marker: htmd::options::BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            ..Default::default()
        })
        .build();
    converter.convert(html).map_err(|e| e.to_string())
}

/// Plain text as Markdown: every non-empty line its own paragraph.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
    {
        out.push_str(line);
        out.push_str("\n\n");
    }
    out
}

fn modified(path: &Path) -> Result<Date, ImportError> {
    let io = |error| ImportError::Io {
        path: path.to_path_buf(),
        error,
    };
    let time = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map_err(io)?;
    let ts = jiff::Timestamp::try_from(time)
        .map_err(|e| ImportError::Invalid(format!("{}: {e}", path.display())))?;
    Ok(ts.to_zoned(jiff::tz::TimeZone::UTC).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_headings_lists_and_bold() {
        let md = html_to_markdown(
            "<html><body><h2>Fees</h2><p>We charge <b>nothing</b>.</p><ul><li>one</li><li>two</li></ul><script>x()</script></body></html>",
        )
        .unwrap();
        assert!(md.contains("## Fees"), "{md}");
        assert!(md.contains("**nothing**"), "{md}");
        assert!(md.contains("- one"), "{md}");
        assert!(!md.contains("x()"), "{md}");
    }

    #[test]
    fn a_file_over_the_import_limit_is_refused_before_conversion() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.html");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(davar_input::MAX_IMPORT_BYTES + 1).unwrap();
        let err = markdown_of(&path).unwrap_err().to_string();
        assert!(
            err.contains("huge.html")
                && err.contains(&format!(
                    "the limit for this kind of file is {} bytes",
                    davar_input::MAX_IMPORT_BYTES
                )),
            "{err}"
        );
        let ok = dir.path().join("ok.txt");
        std::fs::write(&ok, "a\nb\n").unwrap();
        assert_eq!(markdown_of(&ok).unwrap(), "a\n\nb\n\n");
    }

    #[test]
    fn heading_ids_are_kept_as_clause_ids() {
        let md = html_to_markdown(
            "<nav><a href=\"#s1\">One</a></nav><h2 id=\"s1\">1 One</h2><p>a</p><h2><a name=\"s2\"></a>2 Two</h2><h3 id=\"bad id\">Three</h3>",
        )
        .unwrap();
        assert!(md.contains("## 1 One {#s1}"), "{md}");
        assert!(md.contains("## 2 Two {#s2}"), "{md}");
        assert!(md.contains("### Three") && !md.contains("{#bad"), "{md}");
    }

    #[test]
    fn deeply_nested_html_is_refused_with_the_fix() {
        let deep = format!("{}x{}", "<ul><li>".repeat(5000), "</li></ul>".repeat(5000));
        let err = html_to_markdown(&deep).unwrap_err();
        assert!(
            err.contains("levels deep") && err.contains("at most 400"),
            "{err}"
        );
        let fine = format!("{}x{}", "<div>".repeat(100), "</div>".repeat(100));
        assert!(html_to_markdown(&fine).unwrap().contains('x'));
    }

    #[test]
    fn html_in_a_declared_character_set_is_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.html");
        let mut bytes =
            b"<html><head><meta charset=\"windows-1252\"></head><body><h2>Gesch".to_vec();
        bytes.extend([0xE4]);
        bytes.extend(b"ftsbedingungen</h2><p>Preise in ");
        bytes.extend([0x80]);
        bytes.extend(b".</p></body></html>");
        std::fs::write(&path, &bytes).unwrap();
        let md = markdown_of(&path).unwrap();
        assert!(md.contains("## Geschäftsbedingungen"), "{md}");
        assert!(md.contains("Preise in €."), "{md}");
        let undeclared = dir.path().join("u.html");
        std::fs::write(
            &undeclared,
            [b'<', b'p', b'>', 0xE4, b'<', b'/', b'p', b'>'],
        )
        .unwrap();
        let err = markdown_of(&undeclared).unwrap_err().to_string();
        assert!(
            err.contains("u.html") && err.contains("declares no character set"),
            "{err}"
        );
    }

    #[test]
    fn a_markdown_file_with_its_own_front_matter_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.md");
        std::fs::write(&path, "---\nid: x\nlang: en\n---\n\n## A\n\nText.\n").unwrap();
        let err = markdown_of(&path).unwrap_err().to_string();
        assert!(
            err.contains("v.md") && err.contains("own front matter (lines 1-4)"),
            "{err}"
        );
        let rule = dir.path().join("r.md");
        std::fs::write(&rule, "## A\n\n---\n\nText.\n").unwrap();
        assert!(markdown_of(&rule).is_ok());
    }

    /// A [`FileDocument`] of `files`, dated.
    fn document(files: &[&Path]) -> FileDocument {
        FileDocument {
            id: "terms".into(),
            doc_type: "Terms of Service".into(),
            title: None,
            files: files.iter().map(|p| p.to_path_buf()).collect(),
            dates: vec![Date::constant(2026, 1, 1); files.len()],
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            out.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn byte_order_marks_are_dropped_and_utf16_is_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, Vec<u8>); 5] = [
            ("a.md", b"\xEF\xBB\xBF# Terms\n\nText.\n".to_vec()),
            ("b.txt", b"\xEF\xBB\xBF# Terms\nText.\n".to_vec()),
            ("c.html", b"\xEF\xBB\xBF<h1>Terms</h1><p>Text.</p>".to_vec()),
            ("d.md", utf16("# Terms\n\nText é.\n", false)),
            ("e.htm", utf16("<h1>Terms</h1><p>Text é.</p>", true)),
        ];
        for (name, bytes) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let md = markdown_of(&path).unwrap();
            assert!(md.starts_with("# Terms\n"), "{name}: {md:?}");
            assert!(!md.contains('\u{feff}'), "{name}: {md:?}");
        }
        let fm = dir.path().join("fm.md");
        std::fs::write(&fm, b"\xEF\xBB\xBF---\nid: x\n---\nText.\n").unwrap();
        let err = markdown_of(&fm).unwrap_err().to_string();
        assert!(err.contains("own front matter (lines 1-3)"), "{err}");
        let broken = dir.path().join("broken.md");
        // A lone low surrogate after the mark.
        std::fs::write(&broken, [0xFF, 0xFE, b'#', 0, 0x00, 0xDC]).unwrap();
        let err = markdown_of(&broken).unwrap_err().to_string();
        assert!(
            err.contains("broken.md")
                && err.contains("UTF-16LE byte-order mark but holds bytes that are not UTF-16LE"),
            "{err}"
        );
    }

    #[test]
    fn a_file_without_text_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.md");
        std::fs::write(
            &good,
            "# Terms\n\nThese terms apply to every order placed in our shop by a customer.\n",
        )
        .unwrap();
        for (name, text) in [
            ("empty.md", ""),
            ("blank.md", " \n\n\t\n"),
            ("bom.txt", "\u{feff}\n"),
            ("marks.md", "### \n\n---\n"),
            (
                "page.html",
                "<html><head><title>Terms</title></head><body><img src=\"x.png\"><p> </p></body></html>",
            ),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            let err = read(&document(&[&good, &path]), &Options::default())
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(name) && err.contains("has no text") && err.contains("leave it out"),
                "{name}: {err}"
            );
        }
        assert!(read(&document(&[&good]), &Options::default()).is_ok());
    }

    #[test]
    fn the_language_of_little_text_is_asked_for_or_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short.html");
        std::fs::write(&short, "<p>Texte français</p>").unwrap();
        let err = read(&document(&[&short]), &Options::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("short.html")
                && err.contains("cannot tell the language")
                && err.contains("--lang"),
            "{err}"
        );
        let given = Options {
            lang: Some("fr".into()),
            ..Options::default()
        };
        let doc = read(&document(&[&short]), &given).unwrap();
        assert_eq!(
            (doc.lang.as_str(), doc.language),
            ("fr", LanguageBasis::Given)
        );
        let medium = dir.path().join("medium.md");
        std::fs::write(
            &medium,
            "Ces conditions générales de vente régissent toutes les commandes passées sur notre boutique en ligne.\n",
        )
        .unwrap();
        let doc = read(&document(&[&medium]), &Options::default()).unwrap();
        assert_eq!(doc.lang, "fr");
        assert!(
            matches!(doc.language, LanguageBasis::LittleText { letters } if letters < crate::FEW_LETTERS),
            "{:?}",
            doc.language
        );
        let long = dir.path().join("long.md");
        std::fs::write(&long, std::fs::read_to_string(&medium).unwrap().repeat(6)).unwrap();
        let doc = read(&document(&[&long]), &Options::default()).unwrap();
        assert_eq!(
            (doc.lang.as_str(), doc.language),
            ("fr", LanguageBasis::Detected)
        );
    }

    #[test]
    fn a_missing_file_is_named_once_with_its_reason_once() {
        let dir = tempfile::tempdir().unwrap();
        let err = markdown_of(&dir.path().join("gone.md")).unwrap_err();
        // What `{:#}` prints: the error and every source after it.
        let mut chain = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(s) = source {
            chain.push_str(&format!(": {s}"));
            source = s.source();
        }
        assert!(chain.contains("gone.md"), "{chain}");
        assert_eq!(chain.matches("os error").count(), 1, "{chain}");
    }

    #[test]
    fn html_title_empty_headings_pre_and_unclosed_emphasis() {
        let md = html_to_markdown(
            "<html><head><title>Seller rules</title></head><body><h1>Seller rules</h1><h3></h3><h2> <a id=\"x\"></a> </h2><p>Text.</p><pre>  a   b\n    c</pre><pre><code>let x = 1;</code></pre><pre>with ``` inside</pre></body></html>",
        )
        .unwrap();
        assert_eq!(md.matches("Seller rules").count(), 1, "{md}");
        assert!(md.starts_with("# Seller rules"), "{md}");
        assert!(
            !md.lines()
                .any(|l| l.trim_end().trim_start_matches('#').is_empty() && l.starts_with('#')),
            "{md}"
        );
        assert!(md.contains("\n```\n  a   b\n    c\n```\n"), "{md}");
        assert!(md.contains("```\nlet x = 1;\n```"), "{md}");
        assert!(md.contains("````\nwith ``` inside\n````"), "{md}");
        // An unclosed <b><i> is carried by the parser into the list items and the table
        // cell: no asterisk may reach the reader as text.
        let md = html_to_markdown(
            "<p>Unclosed <b>bold <i>italic\n<ul><li>one<li>two\n<table><tr><td>cell",
        )
        .unwrap();
        let plain = davar_policy::plain_text(&md);
        assert!(!plain.contains('*'), "{plain:?} from {md}");
        assert!(md.contains("**bold *italic***"), "{md}");
        for word in ["one", "two", "cell"] {
            assert!(plain.contains(word), "{plain:?}");
        }
    }

    #[test]
    fn plain_text_lines_are_paragraphs() {
        assert_eq!(paragraphs("a\nb\n\n c \n"), "a\n\nb\n\n c\n\n");
    }
}
