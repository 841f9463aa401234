//! Markdown body to HTML: clause headings with visible anchor links, `@doc#clause` links
//! resolved, obligation blocks as a sentence in a labelled box (never their YAML), and anything
//! unsafe removed.

use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use super::options;
use super::scan::is_obligation_info;

/// How to render one body.
pub(crate) struct HtmlOptions<'a> {
    /// Resolves `@doc#clause` to a URL (`None`: unresolvable, rendered as plain text target `#`).
    pub resolve: &'a dyn Fn(&str, Option<&str>) -> Option<String>,
    /// The reader's sentence for an obligation block, given the block's text (`None`: the block
    /// is left out).
    pub obligation: &'a dyn Fn(&str) -> Option<String>,
    /// Label of the obligation box, e.g. "Time limit".
    pub obligation_label: &'a str,
    /// Accessible name of a clause's anchor link, e.g. "Link to this clause".
    pub anchor_label: &'a str,
}

/// Renders `body` to sanitised HTML.
pub(crate) fn to_html(body: &str, opts: &HtmlOptions<'_>) -> String {
    let mut raw_html = false;
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut obligation: Option<String> = None;
    let mut heading_id: Vec<Option<String>> = Vec::new();
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if is_obligation_info(&info) =>
            {
                obligation = Some(String::new());
            }
            Event::Text(text) if obligation.is_some() => {
                if let Some(buf) = obligation.as_mut() {
                    buf.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) if obligation.is_some() => {
                let text = obligation.take().unwrap_or_default();
                if let Some(sentence) = (opts.obligation)(&text) {
                    events.push(Event::Html(CowStr::from(format!(
                        "<aside class=\"obligation\"><p class=\"obligation-label\">{}</p><p class=\"obligation-text\">{}</p></aside>\n",
                        escape(opts.obligation_label),
                        escape(&sentence)
                    ))));
                }
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                let level = level as u8;
                match id {
                    Some(id) => {
                        events.push(Event::Html(CowStr::from(format!(
                            "<h{level} id=\"{}\">",
                            escape(&id)
                        ))));
                        heading_id.push(Some(id.to_string()));
                    }
                    None => {
                        events.push(Event::Html(CowStr::from(format!("<h{level}>"))));
                        heading_id.push(None);
                    }
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = level as u8;
                let anchor = match heading_id.pop().flatten() {
                    Some(id) => format!(
                        " <a class=\"anchor\" href=\"#{0}\" aria-label=\"{1}\" title=\"{1}\">#</a>",
                        escape(&id),
                        escape(opts.anchor_label)
                    ),
                    None => String::new(),
                };
                events.push(Event::Html(CowStr::from(format!("{anchor}</h{level}>\n"))));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = CowStr::from(rewrite_url(&dest_url, opts));
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = CowStr::from(safe_url(&dest_url).unwrap_or_default());
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                raw_html = true;
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if raw_html {
        SANITIZER.clean(&html).to_string()
    } else {
        html
    }
}

/// Cleans raw HTML written in a source while keeping what the renderer itself produces.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder.add_tags(["aside"]).add_generic_attributes([
        "id",
        "class",
        "dir",
        "lang",
        "aria-label",
    ]);
    builder
});

fn rewrite_url(dest: &str, opts: &HtmlOptions<'_>) -> String {
    if let Some(rest) = dest.strip_prefix('@') {
        let (doc, clause) = match rest.split_once('#') {
            Some((doc, clause)) => (doc, Some(clause)),
            None => (rest, None),
        };
        return (opts.resolve)(doc, clause).unwrap_or_else(|| "#".to_string());
    }
    safe_url(dest).unwrap_or_else(|| "#".to_string())
}

/// `dest` unless it uses a scheme other than http, https, mailto or tel.
fn safe_url(dest: &str) -> Option<String> {
    let compact: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = compact.find(':');
    let path_start = compact.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), Some(path)) if path < colon => Some(dest.to_string()),
        (Some(colon), _) => {
            let scheme = &compact[..colon];
            matches!(scheme, "http" | "https" | "mailto" | "tel").then(|| dest.to_string())
        }
        (None, _) => Some(dest.to_string()),
    }
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(body: &str) -> String {
        let resolve = |doc: &str, clause: Option<&str>| {
            (doc == "terms").then(|| format!("../terms/#{}", clause.unwrap_or("")))
        };
        to_html(
            body,
            &HtmlOptions {
                resolve: &resolve,
                obligation: &|_| None,
                obligation_label: "Time limit",
                anchor_label: "Link to this clause",
            },
        )
    }

    #[test]
    fn headings_get_ids_and_visible_anchors() {
        assert_eq!(
            render("## Scope {#scope}\n"),
            "<h2 id=\"scope\">Scope <a class=\"anchor\" href=\"#scope\" aria-label=\"Link to this clause\" title=\"Link to this clause\">#</a></h2>\n"
        );
    }

    #[test]
    fn resolves_clause_links_and_drops_script_urls() {
        let html = render(
            "[a](@terms#x) [b](@nowhere#y) [c](javascript:alert(1)) [d](JaVaScript:x) [e](https://ok.example/a:b)",
        );
        assert!(html.contains("href=\"../terms/#x\""), "{html}");
        assert!(html.contains("<a href=\"#\">b</a>"), "{html}");
        assert!(!html.to_lowercase().contains("script:"), "{html}");
        assert!(html.contains("href=\"https://ok.example/a:b\""), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised() {
        let html = render(
            "## T {#t}\n\n<p onclick=\"x()\">hi<script>alert(1)</script></p>\n\n<a href=\"javascript:x\">l</a>\n",
        );
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("<h2 id=\"t\">"), "{html}");
        assert!(html.contains("class=\"anchor\""), "{html}");
    }

    #[test]
    fn obligation_blocks_become_a_sentence_in_a_labelled_box() {
        let resolve = |_: &str, _: Option<&str>| None;
        let sentence = |text: &str| {
            text.contains("id: a")
                .then(|| "We answer within 2 days <promptly>.".to_string())
        };
        let opts = HtmlOptions {
            resolve: &resolve,
            obligation: &sentence,
            obligation_label: "Time limit",
            anchor_label: "Link to this clause",
        };
        let html = to_html("```obligation\nid: a\nwithin: 2 days\n```\n", &opts);
        assert_eq!(
            html,
            "<aside class=\"obligation\"><p class=\"obligation-label\">Time limit</p><p class=\"obligation-text\">We answer within 2 days &lt;promptly&gt;.</p></aside>\n"
        );
        // Without a sentence the block is left out; its YAML never reaches the page.
        let html = to_html(
            "Text.\n\n```obligation\nid: b\nwithin: 2 days\n```\n",
            &opts,
        );
        assert_eq!(html, "<p>Text.</p>\n");
    }
}
