//! Reading the input of `davar moderate` in chunks of records: JSON Lines (one object per
//! line) or CSV with a header. The reader only frames records (lines, CSV records); turning
//! them into comments is [`super::record`]'s job, done in parallel.

use std::io::{BufRead, Read};
use std::sync::Arc;

use anyhow::{Context as _, bail};

/// Records per chunk: large enough to spread over the workers, small enough that memory
/// stays flat and the first results come quickly.
pub const CHUNK_RECORDS: usize = 1024;
/// Bytes per chunk at most (long records make smaller chunks).
const CHUNK_BYTES: usize = 4 << 20;

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// One JSON object per line.
    #[value(alias = "jsonl", alias = "ndjson")]
    Json,
    /// Comma-, semicolon- or tab-separated values with a header.
    Csv,
}

/// Picks the format from the extension, else from the first line.
pub fn detect(name: &str, first_line: &[u8]) -> InputFormat {
    let lower = name.to_ascii_lowercase();
    if [".csv", ".tsv"].iter().any(|e| lower.ends_with(e)) {
        InputFormat::Csv
    } else if [".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|e| lower.ends_with(e))
        || first_line.trim_ascii_start().starts_with(b"{")
    {
        InputFormat::Json
    } else {
        InputFormat::Csv
    }
}

/// The CSV delimiter: `--delimiter`, else tab for `.tsv`, else the one of `,` `;` `\t` that
/// the header line holds most often (comma on a tie).
pub fn delimiter(given: Option<char>, name: &str, header: &[u8]) -> anyhow::Result<u8> {
    if let Some(c) = given {
        if !c.is_ascii() {
            bail!("--delimiter {c:?}: the delimiter must be one ASCII character, e.g. ';'");
        }
        return Ok(c as u8);
    }
    if name.to_ascii_lowercase().ends_with(".tsv") {
        return Ok(b'\t');
    }
    let count = |d: u8| header.iter().filter(|&&b| b == d).count();
    Ok([b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d), d == b','))
        .unwrap_or(b','))
}

/// One record as framed by the reader.
pub enum Raw {
    /// A line of JSON Lines (blank lines included, so `--fix` can copy them).
    Line {
        /// 1-based line number.
        line: usize,
        /// The line without its line ending.
        bytes: Vec<u8>,
    },
    /// A CSV record.
    Csv {
        /// 1-based line where the record starts.
        line: usize,
        /// The fields.
        record: csv::ByteRecord,
    },
}

/// A chunk of records and how far into the input it reaches (for the progress bar).
pub struct Chunk {
    /// The records, in input order.
    pub records: Vec<Raw>,
    /// Bytes of input read up to the end of this chunk.
    pub end_byte: u64,
}

/// A framed input: JSON Lines or CSV (with its header, shared with the workers).
pub enum Framer<R: BufRead> {
    /// JSON Lines.
    Json {
        /// The reader.
        reader: R,
        /// Lines read so far.
        line: usize,
        /// Bytes read so far.
        bytes: u64,
    },
    /// CSV.
    Csv {
        /// The CSV reader.
        reader: csv::Reader<R>,
        /// The header.
        header: Arc<csv::ByteRecord>,
    },
}

impl<R: BufRead> Framer<R> {
    /// A CSV framer: reads the header.
    pub fn csv(reader: R, delimiter: u8) -> anyhow::Result<Framer<R>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(reader);
        let header = reader
            .byte_headers()
            .context("reading the CSV header")?
            .clone();
        Ok(Framer::Csv {
            reader,
            header: Arc::new(header),
        })
    }

    /// The next chunk, or `None` at the end of the input.
    pub fn next_chunk(&mut self) -> anyhow::Result<Option<Chunk>> {
        let mut records = Vec::with_capacity(CHUNK_RECORDS);
        let mut size = 0;
        let end_byte = match self {
            Framer::Json {
                reader,
                line,
                bytes,
            } => {
                while records.len() < CHUNK_RECORDS && size < CHUNK_BYTES {
                    let mut buf = Vec::new();
                    let read = reader
                        .read_until(b'\n', &mut buf)
                        .context("reading the input")?;
                    if read == 0 {
                        break;
                    }
                    *line += 1;
                    *bytes += read as u64;
                    size += read;
                    if buf.last() == Some(&b'\n') {
                        buf.pop();
                        if buf.last() == Some(&b'\r') {
                            buf.pop();
                        }
                    }
                    records.push(Raw::Line {
                        line: *line,
                        bytes: buf,
                    });
                }
                *bytes
            }
            Framer::Csv { reader, .. } => {
                while records.len() < CHUNK_RECORDS && size < CHUNK_BYTES {
                    let mut record = csv::ByteRecord::new();
                    let more = reader.read_byte_record(&mut record).with_context(|| {
                        format!("reading the CSV input at line {}", reader.position().line())
                    })?;
                    if !more {
                        break;
                    }
                    size += record.as_slice().len();
                    let line = record.position().map_or(0, |p| p.line() as usize);
                    records.push(Raw::Csv { line, record });
                }
                reader.position().byte()
            }
        };
        Ok((!records.is_empty()).then_some(Chunk { records, end_byte }))
    }
}

/// Opens `path` (`-`: standard input) with a large buffer.
pub fn open(
    path: &std::path::Path,
) -> anyhow::Result<(String, Box<dyn BufRead + Send>, Option<u64>)> {
    if path.as_os_str() == "-" {
        let stdin: Box<dyn Read + Send> = Box::new(std::io::stdin());
        return Ok((
            "<stdin>".into(),
            Box::new(std::io::BufReader::with_capacity(1 << 16, stdin)),
            None,
        ));
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok((
        name,
        Box::new(std::io::BufReader::with_capacity(1 << 16, file)),
        size,
    ))
}
