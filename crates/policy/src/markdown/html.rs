//! Markdown body to HTML: clause headings with visible anchor links, `@doc#clause` links
//! resolved, obligation blocks as a sentence in a labelled box (never their YAML), and anything
//! unsafe removed.

use std::borrow::Cow;
use std::hash::{BuildHasher, Hasher};

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use crate::site_config::HtmlAllowance;

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
    /// What raw HTML in the source may keep (`html:` in `site.yaml`).
    pub allow: HtmlAllowance,
    /// The clause id of each heading of the body, in order (explicit or derived, as the
    /// policy model has them); a heading past the end keeps only an explicit `{#id}`.
    pub clause_ids: &'a [String],
    /// The alias anchors of each heading, in order (`Clause::aliases`): each becomes an empty
    /// `<span id>` at the start of the heading, so links a source wrote for them land there.
    pub clause_aliases: &'a [Vec<String>],
}

/// Renders `body` to sanitised HTML.
///
/// The renderer's own `id` and `class` attributes carry a random mark while the page is built,
/// so the sanitiser can keep them and drop those written in the source (unless the site allows
/// them); the mark is removed afterwards.
pub(crate) fn to_html(body: &str, opts: &HtmlOptions<'_>) -> String {
    let mark = format!(
        "davar{:016x}-",
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    );
    let mut raw_html = false;
    let mut dropped_images = 0usize;
    let mut obligation: Option<String> = None;
    let mut heading_id: Vec<Option<String>> = Vec::new();
    let mut headings = 0usize;
    // Each source event becomes at most one output event, streamed to the HTML writer.
    let events = Parser::new_ext(body, options()).filter_map(|event| {
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
                    return Some(Event::Html(CowStr::from(format!(
                        "<aside class=\"{mark}obligation\"><p class=\"{mark}obligation-label\">{}</p><p class=\"{mark}obligation-text\">{}</p></aside>\n",
                        escape(opts.obligation_label),
                        escape(&sentence)
                    ))));
                }
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                let level = level as u8;
                let id = opts
                    .clause_ids
                    .get(headings)
                    .map(|derived| CowStr::from(derived.as_str()))
                    .or(id);
                let aliases: String = opts
                    .clause_aliases
                    .get(headings)
                    .into_iter()
                    .flatten()
                    .map(|alias| format!("<span id=\"{mark}{}\"></span>", escape(alias)))
                    .collect();
                headings += 1;
                match id {
                    Some(id) => {
                        heading_id.push(Some(id.to_string()));
                        return Some(Event::Html(CowStr::from(format!(
                            "<h{level} id=\"{mark}{}\">{aliases}",
                            escape(&id)
                        ))));
                    }
                    None => {
                        heading_id.push(None);
                        return Some(Event::Html(CowStr::from(format!("<h{level}>"))));
                    }
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = level as u8;
                let anchor = match heading_id.pop().flatten() {
                    Some(id) => format!(
                        " <a class=\"{mark}anchor\" href=\"#{0}\" aria-label=\"{1}\" title=\"{1}\">#</a>",
                        escape(&id),
                        escape(opts.anchor_label)
                    ),
                    None => String::new(),
                };
                return Some(Event::Html(CowStr::from(format!("{anchor}</h{level}>\n"))));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = CowStr::from(rewrite_url(&dest_url, opts));
                return Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image { dest_url, .. })
                if is_external(&dest_url) && !opts.allow.external_images =>
            {
                // The alt text that follows is kept as plain text.
                dropped_images += 1;
            }
            Event::End(TagEnd::Image) if dropped_images > 0 => dropped_images -= 1,
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = CowStr::from(safe_url(&dest_url).unwrap_or_default());
                return Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                raw_html = true;
                return Some(event);
            }
            other => return Some(other),
        }
        None
    });
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    if raw_html {
        html = sanitiser(&mark, opts.allow).clean(&html).to_string();
    }
    html.replace(&mark, "")
}

/// Whether the sanitiser knows the element `name` (lower case): it keeps it, or removes it with
/// its content (`script`, `style`). Any other tag is dropped silently, with its text kept.
pub(crate) fn known_tag(name: &str) -> bool {
    static KNOWN: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            let builder = sanitiser("", HtmlAllowance::default());
            let mut known = builder.clone_tags();
            known.extend(builder.clone_clean_content_tags());
            known
        });
    KNOWN.contains(name)
}

/// Cleans raw HTML written in a source while keeping what the renderer itself produces (the
/// attributes carrying `mark`).
fn sanitiser(mark: &str, allow: HtmlAllowance) -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder.add_tags(["aside"]).add_generic_attributes([
        "id",
        "class",
        "dir",
        "lang",
        "aria-label",
    ]);
    let mark = mark.to_owned();
    builder.attribute_filter(move |element, attribute, value| match attribute {
        "id" | "class" if !allow.ids_and_classes && !value.starts_with(&mark) => None,
        "src" if element == "img" && is_external(value) && !allow.external_images => None,
        _ => Some(Cow::Borrowed(value)),
    });
    builder
}

/// Whether a URL points to another site: it has a scheme or starts with `//`.
fn is_external(url: &str) -> bool {
    let url = url.trim();
    url.starts_with("//")
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains(['/', '?', '#']))
}

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
                allow: HtmlAllowance::default(),
                clause_ids: &[],
                clause_aliases: &[],
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
    fn ids_classes_and_external_images_written_in_the_source_are_dropped() {
        let html = render(
            "## T {#t}\n\n<div class=\"obligation\" id=\"t\">fake box</div>\n\n<img src=\"https://tracker.example/p.png\"> <img src=\"//cdn.example/q.png\"> <img src=\"logo.png\">\n\n![seen](https://tracker.example/md.png) ![kept](img/local.png)\n",
        );
        assert!(!html.contains("class=\"obligation\""), "{html}");
        assert!(!html.contains("id=\"t\">fake"), "{html}");
        assert!(html.contains("<h2 id=\"t\">"), "{html}");
        assert!(html.contains("class=\"anchor\""), "{html}");
        assert!(!html.contains("tracker.example"), "{html}");
        assert!(!html.contains("cdn.example"), "{html}");
        assert!(html.contains("src=\"logo.png\""), "{html}");
        assert!(html.contains("seen"), "the alt text stays: {html}");
        assert!(html.contains("src=\"img/local.png\""), "{html}");
        assert!(!html.contains("davar"), "no mark is left: {html}");
    }

    #[test]
    fn the_site_may_allow_ids_classes_and_external_images() {
        let resolve = |_: &str, _: Option<&str>| None;
        let html = to_html(
            "<div class=\"note\" id=\"n\">x</div>\n\n![a](https://img.example/a.png)\n",
            &HtmlOptions {
                resolve: &resolve,
                obligation: &|_| None,
                obligation_label: "",
                anchor_label: "",
                allow: HtmlAllowance {
                    ids_and_classes: true,
                    external_images: true,
                },
                clause_ids: &[],
                clause_aliases: &[],
            },
        );
        assert!(html.contains("class=\"note\""), "{html}");
        assert!(html.contains("id=\"n\""), "{html}");
        assert!(html.contains("src=\"https://img.example/a.png\""), "{html}");
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
            allow: HtmlAllowance::default(),
            clause_ids: &[],
            clause_aliases: &[],
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
