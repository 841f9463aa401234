//! `davar moderate --fix`: the input written back with repaired titles and bodies. Everything
//! else stays as it was: other JSON fields keep their text and order, other CSV columns their
//! values (CSV quoting is the csv crate's: fields are quoted when they need it).

use std::ops::Range;

use davar_moderation::Fixed;

use super::record::CsvLayout;

/// A JSON line with the title and body values replaced by the repaired ones; every other field
/// keeps its text, and the fields keep their order.
pub fn json_line(
    line: &[u8],
    fields: &[(String, Range<usize>)],
    fixed: &Fixed,
    title_key: &str,
    body_key: &str,
    out: &mut Vec<u8>,
) {
    out.push(b'{');
    for (i, (key, range)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Keys and strings into a Vec cannot fail to serialise.
        let _ = serde_json::to_writer(&mut *out, key);
        out.push(b':');
        if key == body_key {
            let _ = serde_json::to_writer(&mut *out, &fixed.body);
        } else if key == title_key
            && let Some(title) = &fixed.title
        {
            let _ = serde_json::to_writer(&mut *out, title);
        } else {
            out.extend_from_slice(&line[range.clone()]);
        }
    }
    out.push(b'}');
}

/// A CSV record, with the title and body cells replaced when `fixed` is given, encoded with
/// `delimiter` and a `\n` terminator.
pub fn csv_record(
    record: &csv::ByteRecord,
    layout: &CsvLayout,
    fixed: Option<&Fixed>,
    delimiter: u8,
    out: &mut Vec<u8>,
) {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .buffer_capacity(256)
        .from_writer(&mut *out);
    let result = match fixed {
        None => writer.write_byte_record(record),
        Some(fixed) => writer.write_record(record.iter().enumerate().map(|(i, cell)| {
            if i == layout.body {
                fixed.body.as_bytes()
            } else if Some(i) == layout.title
                && let Some(title) = &fixed.title
            {
                title.as_bytes()
            } else {
                cell
            }
        })),
    };
    // Writing into a Vec cannot fail.
    let _ = result.and_then(|()| writer.flush().map_err(csv::Error::from));
}
