//! Reading one line of a line-oriented input (JSON Lines, CSV) without letting a line without
//! an end take all the memory.

use std::io::{self, BufRead};

/// What [`read_line_limited`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The input has no more bytes.
    End,
    /// A whole line (with its `\n`, if it has one) is in the buffer.
    Read,
    /// The line is longer than the limit: its first `limit` bytes are in the buffer, the rest
    /// was read and dropped up to the end of the line, and `bytes` is its whole length.
    TooLong {
        /// Bytes of the whole line, its `\n` included.
        bytes: u64,
    },
}

/// Reads the next line of `reader` into `buf` (cleared first), keeping at most `limit` bytes of
/// it: a longer line is skipped to its end, so the next call reads the line after it, and
/// memory stays bounded by `limit` whatever the input.
pub fn read_line_limited<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (chunk, ends) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let room = limit.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len();
        total += used as u64;
        reader.consume(used);
        if ends {
            break;
        }
    }
    Ok(if total == 0 {
        Line::End
    } else if total > limit as u64 {
        Line::TooLong { bytes: total }
    } else {
        Line::Read
    })
}

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Cursor, Read};

    use super::*;

    fn lines(input: &[u8], limit: usize, capacity: usize) -> Vec<(Line, Vec<u8>)> {
        let mut reader = BufReader::with_capacity(capacity, Cursor::new(input.to_vec()));
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let line = read_line_limited(&mut reader, &mut buf, limit).unwrap();
            if line == Line::End {
                return out;
            }
            assert!(
                buf.len() <= limit,
                "kept {} bytes over the limit {limit}",
                buf.len()
            );
            out.push((line, buf.clone()));
        }
    }

    #[test]
    fn short_lines_are_read_whole_with_and_without_a_final_newline() {
        for capacity in [1, 3, 64] {
            assert_eq!(
                lines(b"ab\ncd\nef", 10, capacity),
                vec![
                    (Line::Read, b"ab\n".to_vec()),
                    (Line::Read, b"cd\n".to_vec()),
                    (Line::Read, b"ef".to_vec()),
                ]
            );
        }
    }

    #[test]
    fn a_long_line_is_cut_at_the_limit_and_the_next_line_is_read_after_it() {
        let mut input = vec![b'x'; 10_000];
        input.extend_from_slice(b"\nok\n");
        for capacity in [1, 7, 8192] {
            let got = lines(&input, 100, capacity);
            assert_eq!(got.len(), 2);
            assert_eq!(got[0].0, Line::TooLong { bytes: 10_001 });
            assert_eq!(got[0].1, vec![b'x'; 100]);
            assert_eq!(got[1], (Line::Read, b"ok\n".to_vec()));
        }
    }

    #[test]
    fn a_line_of_exactly_the_limit_is_read() {
        assert_eq!(
            lines(b"abcd\n", 5, 2),
            vec![(Line::Read, b"abcd\n".to_vec())]
        );
        assert_eq!(
            lines(b"abcde\n", 5, 2),
            vec![(Line::TooLong { bytes: 6 }, b"abcde".to_vec())]
        );
    }

    #[test]
    fn an_endless_line_does_not_grow_the_buffer() {
        // 64 MiB of input without a newline, read with a 1 KiB limit.
        let mut reader = BufReader::new(io::repeat(b'a').take(64 << 20));
        let mut buf = Vec::new();
        let line = read_line_limited(&mut reader, &mut buf, 1024).unwrap();
        assert_eq!(line, Line::TooLong { bytes: 64 << 20 });
        assert!(buf.capacity() < 64 * 1024, "capacity {}", buf.capacity());
        assert_eq!(
            read_line_limited(&mut reader, &mut buf, 1024).unwrap(),
            Line::End
        );
    }
}
