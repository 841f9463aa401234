//! Turning framed records into comments: which JSON field or CSV column is the title, the body,
//! the id... (`--title-column` and the like), and what passes through unchanged.

use std::ops::Range;
use std::sync::Arc;

use anyhow::bail;
use davar_moderation::{Comment, Kind};
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::input::Raw;

/// The names of the fields or columns that hold each part of a comment.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Comment id (CSV default: `line-N`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Body; CSV also accepts `comment` when this is `body`.
    pub body: String,
    /// `review`, `question` or `answer`.
    pub kind: String,
    /// Storefront language.
    pub lang: String,
    /// Product (for duplicate questions).
    pub product: String,
    /// Author.
    pub author: String,
}

/// Defaults for records that lack a kind or language.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// Kind when the record has none.
    pub kind: Kind,
    /// Language when the record has none.
    pub lang: String,
}

/// A record ready to moderate, or why it is not.
pub struct Parsed {
    /// 1-based line.
    pub line: usize,
    /// The comment, or what is wrong with the record.
    pub comment: Result<Comment, String>,
    /// Fields passed through to the result (name, value).
    pub passthrough: Vec<(Arc<str>, PassValue)>,
    /// The record as read, for `--fix`.
    pub raw: Raw,
    /// For JSON Lines: every field's name and the byte range of its value in the line.
    pub fields: Vec<(String, Range<usize>)>,
    /// A blank line: skipped, but copied by `--fix`.
    pub blank: bool,
}

/// A passed-through value: JSON text as written, or a CSV cell.
pub enum PassValue {
    /// Byte range of a JSON value in the record's line.
    Json(Range<usize>),
    /// A CSV cell.
    Text(String),
}

/// The CSV columns of each part, found in the header.
#[derive(Debug, Clone)]
pub struct CsvLayout {
    header: Arc<csv::ByteRecord>,
    names: Vec<Arc<str>>,
    /// Column of the title, if any.
    pub title: Option<usize>,
    /// Column of the body.
    pub body: usize,
    id: Option<usize>,
    kind: Option<usize>,
    lang: Option<usize>,
    product: Option<usize>,
    author: Option<usize>,
}

impl CsvLayout {
    /// Finds the columns in `header`; the body column must be there.
    pub fn new(header: Arc<csv::ByteRecord>, columns: &Columns) -> anyhow::Result<CsvLayout> {
        let names: Vec<Arc<str>> = header
            .iter()
            .map(|h| Arc::from(String::from_utf8_lossy(h).trim()))
            .collect();
        let find = |name: &str| names.iter().position(|h| &**h == name);
        let body = find(&columns.body)
            .or_else(|| (columns.body == "body").then(|| find("comment")).flatten());
        let Some(body) = body else {
            let wanted = if columns.body == "body" {
                "`body` or `comment`".to_owned()
            } else {
                format!("`{}`", columns.body)
            };
            bail!(
                "the CSV header has no {wanted} column (found: {}); name the body column with \
                 --body-column, or the separator with --delimiter if the header is one column",
                names.iter().map(|n| &**n).collect::<Vec<_>>().join(", ")
            );
        };
        Ok(CsvLayout {
            title: find(&columns.title),
            body,
            id: find(&columns.id),
            kind: find(&columns.kind),
            lang: find(&columns.lang),
            product: find(&columns.product),
            author: find(&columns.author),
            header,
            names,
        })
    }

    /// Number of columns in the header.
    pub fn width(&self) -> usize {
        self.header.len()
    }

    fn used(&self, column: usize) -> bool {
        [
            Some(self.body),
            self.title,
            self.id,
            self.kind,
            self.lang,
            self.product,
            self.author,
        ]
        .contains(&Some(column))
    }
}

/// Parses one framed record.
pub fn parse(raw: Raw, columns: &Columns, csv: Option<&CsvLayout>, defaults: &Defaults) -> Parsed {
    match &raw {
        Raw::Line { line, bytes } => {
            let line = *line;
            let blank = bytes.trim_ascii().is_empty();
            let (comment, passthrough, fields) = match std::str::from_utf8(bytes) {
                Err(e) => (
                    Err(format!(
                        "not UTF-8 text (invalid byte at column {})",
                        e.valid_up_to() + 1
                    )),
                    Vec::new(),
                    Vec::new(),
                ),
                Ok(_) if blank => (Err(String::new()), Vec::new(), Vec::new()),
                Ok(text) => json_comment(text, columns, defaults),
            };
            Parsed {
                line,
                comment,
                passthrough,
                raw,
                fields,
                blank,
            }
        }
        Raw::Csv { line, record } => {
            let line = *line;
            let (comment, passthrough) = match csv {
                Some(layout) => csv_comment(record, line, layout, defaults),
                None => (Err("a CSV record without a header".into()), Vec::new()),
            };
            Parsed {
                line,
                comment,
                passthrough,
                raw,
                fields: Vec::new(),
                blank: false,
            }
        }
    }
}

type JsonParts = (
    Result<Comment, String>,
    Vec<(Arc<str>, PassValue)>,
    Vec<(String, Range<usize>)>,
);

fn json_comment(text: &str, columns: &Columns, defaults: &Defaults) -> JsonParts {
    let object = match serde_json::from_str::<Fields<'_>>(text) {
        Ok(object) => object,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            let message = "expected a JSON object like {\"id\":\"r1\",\"body\":\"...\"}";
            return (Err(message.into()), Vec::new(), Vec::new());
        }
        Err(e) => {
            return (
                Err(format!("invalid JSON at column {}: {e}", e.column())),
                Vec::new(),
                Vec::new(),
            );
        }
    };
    let base = text.as_ptr() as usize;
    let fields: Vec<(String, Range<usize>)> = object
        .0
        .iter()
        .map(|(k, v)| {
            let start = v.get().as_ptr() as usize - base;
            (k.clone(), start..start + v.get().len())
        })
        .collect();
    let mut comment = Comment {
        kind: defaults.kind,
        lang: defaults.lang.clone(),
        ..Comment::default()
    };
    let mut passthrough = Vec::new();
    let mut body = None;
    for ((key, value), (_, range)) in object.0.iter().zip(&fields) {
        let text_of = |what: &str| -> Result<Option<String>, String> {
            match serde_json::from_str::<Option<TextOrNumber>>(value.get()) {
                Ok(v) => Ok(v.map(|v| v.0)),
                Err(_) => Err(format!(
                    "field `{key}` ({what}) must be a string, found {}",
                    value.get()
                )),
            }
        };
        let result = if key == &columns.body {
            text_of("the body").map(|v| body = v)
        } else if key == &columns.title {
            text_of("the title").map(|v| comment.title = v)
        } else if key == &columns.id {
            text_of("the id").map(|v| comment.id = v)
        } else if key == &columns.product {
            text_of("the product").map(|v| comment.product = v)
        } else if key == &columns.author {
            text_of("the author").map(|v| comment.author = v)
        } else if key == &columns.lang {
            text_of("the language").map(|v| {
                if let Some(v) = v {
                    comment.lang = v;
                }
            })
        } else if key == &columns.kind {
            text_of("the kind").and_then(|v| match v {
                Some(k) => k.parse().map(|k| comment.kind = k),
                None => Ok(()),
            })
        } else {
            passthrough.push((Arc::from(key.as_str()), PassValue::Json(range.clone())));
            Ok(())
        };
        if let Err(message) = result {
            return (Err(message), passthrough, fields);
        }
    }
    match body {
        Some(b) => comment.body = b,
        None => {
            let message = format!(
                "no `{}` field (fields: {}); name the body field with --body-column",
                columns.body,
                fields
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return (Err(message), passthrough, fields);
        }
    }
    (Ok(comment), passthrough, fields)
}

/// A comment (or why the record is not one) and the fields passed through.
type CommentAndPassthrough = (Result<Comment, String>, Vec<(Arc<str>, PassValue)>);

fn csv_comment(
    record: &csv::ByteRecord,
    line: usize,
    layout: &CsvLayout,
    defaults: &Defaults,
) -> CommentAndPassthrough {
    if record.len() != layout.width() {
        let message = format!(
            "{} fields where the header has {} (a quote left open, or another separator: --delimiter)",
            record.len(),
            layout.width()
        );
        return (Err(message), Vec::new());
    }
    let mut cells = Vec::with_capacity(record.len());
    for (i, cell) in record.iter().enumerate() {
        match std::str::from_utf8(cell) {
            Ok(text) => cells.push(text),
            Err(e) => {
                let message = format!(
                    "column `{}` is not UTF-8 text (invalid byte at {})",
                    layout.names[i],
                    e.valid_up_to() + 1
                );
                return (Err(message), Vec::new());
            }
        }
    }
    let get = |col: Option<usize>| col.map(|c| cells[c]).filter(|v| !v.is_empty());
    let kind = match get(layout.kind) {
        Some(k) => match k.parse::<Kind>() {
            Ok(k) => k,
            Err(e) => return (Err(e), Vec::new()),
        },
        None => defaults.kind,
    };
    let comment = Comment {
        id: Some(get(layout.id).map_or_else(|| format!("line-{line}"), str::to_owned)),
        kind,
        title: layout.title.map(|c| cells[c].to_owned()),
        body: cells[layout.body].to_owned(),
        product: get(layout.product).map(str::to_owned),
        author: get(layout.author).map(str::to_owned),
        lang: get(layout.lang).map_or_else(|| defaults.lang.clone(), str::to_owned),
    };
    let passthrough = (0..cells.len())
        .filter(|&c| !layout.used(c))
        .map(|c| {
            (
                Arc::clone(&layout.names[c]),
                PassValue::Text(cells[c].to_owned()),
            )
        })
        .collect();
    (Ok(comment), passthrough)
}

/// A JSON object's fields in the order written, values kept as raw JSON text.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Fields<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Fields<'de>, M::Error> {
                let mut fields = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// A text field; numbers are accepted as text (ids and products are often numbers in exports).
struct TextOrNumber(String);

impl<'de> Deserialize<'de> for TextOrNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = TextOrNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E>(self, v: &str) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<TextOrNumber, E> {
                Ok(TextOrNumber(v.to_string()))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}
