//! Measuring how deeply a YAML text nests its collections, without parsing it.
//!
//! The scan follows YAML's structure closely enough to bound the parser's work: block
//! collections nest by the columns their nodes start at (`- ` and `? ` open a nested node on
//! the same line), flow collections by their brackets; quoted scalars, block scalars (`|`, `>`)
//! and comments are skipped. Where the scan is unsure (a `[` that starts a line inside a plain
//! scalar, say) it counts a level the parser would not, never the other way round. It reads
//! every byte at most twice.

/// A YAML text nested deeper than the limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "YAML nested more than {limit} levels deep (line {line}, column {column}); davar reads at most {limit} levels: flatten the structure"
)]
pub struct YamlLimitError {
    /// 1-based line where the limit is passed.
    pub line: usize,
    /// 1-based column (in characters) where the limit is passed.
    pub column: usize,
    /// The limit.
    pub limit: usize,
}

/// Fails when `text` nests collections more than `limit` levels deep.
pub fn check_yaml(text: &str, limit: usize) -> Result<(), YamlLimitError> {
    let mut scan = Scan::new(text.as_bytes(), limit);
    scan.run().map_err(|(line, column)| YamlLimitError {
        line,
        column,
        limit,
    })
}

/// The deepest nesting of collections in `text` as the scan counts it.
pub fn yaml_depth(text: &str) -> usize {
    let mut scan = Scan::new(text.as_bytes(), usize::MAX);
    let _ = scan.run();
    scan.deepest
}

struct Scan<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    line_start: usize,
    limit: usize,
    deepest: usize,
    /// Columns of the open block nodes, innermost last.
    blocks: Vec<usize>,
    /// The indentation of the line that opened a block scalar, while inside one.
    block_scalar: Option<usize>,
}

type Place = (usize, usize);

impl<'a> Scan<'a> {
    fn new(bytes: &'a [u8], limit: usize) -> Scan<'a> {
        Scan {
            bytes,
            pos: 0,
            line: 1,
            line_start: 0,
            limit,
            deepest: 0,
            blocks: Vec::new(),
            block_scalar: None,
        }
    }

    fn peek(&self, offset: usize) -> u8 {
        self.bytes.get(self.pos + offset).copied().unwrap_or(b'\n')
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn column(&self) -> usize {
        self.pos - self.line_start
    }

    /// The 1-based line and column (in characters) of `pos`.
    fn place(&self) -> Place {
        let before = String::from_utf8_lossy(&self.bytes[self.line_start..self.pos]);
        (self.line, before.chars().count() + 1)
    }

    /// Passes a newline at `pos`.
    fn newline(&mut self) {
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn depth(&mut self, depth: usize) -> Result<(), Place> {
        self.deepest = self.deepest.max(depth);
        if depth > self.limit {
            Err(self.place())
        } else {
            Ok(())
        }
    }

    fn run(&mut self) -> Result<(), Place> {
        while !self.at_end() {
            self.block_line()?;
        }
        Ok(())
    }

    /// One line in block context, from its first byte to after its newline.
    fn block_line(&mut self) -> Result<(), Place> {
        while matches!(self.peek(0), b' ' | b'\t') && !self.at_end() {
            self.pos += 1;
        }
        let indent = self.column();
        if let Some(opener) = self.block_scalar {
            if self.peek(0) == b'\n' || self.peek(0) == b'\r' || indent > opener {
                return self.skip_line();
            }
            self.block_scalar = None;
        }
        if matches!(self.peek(0), b'\n' | b'\r' | b'#') {
            return self.skip_line();
        }
        if self.bytes[self.pos..].starts_with(b"---") || self.bytes[self.pos..].starts_with(b"...")
        {
            self.pos += 3;
        }
        while self.blocks.last().is_some_and(|&col| col >= indent) {
            self.blocks.pop();
        }
        self.node(indent, false)
    }

    /// A node starting at `pos` on a block line indented by `indent`, to the end of the line;
    /// `value`: it follows a `key: ` (a scalar there opens no block node).
    fn node(&mut self, indent: usize, mut value: bool) -> Result<(), Place> {
        loop {
            while self.peek(0) == b' ' || self.peek(0) == b'\t' {
                self.pos += 1;
            }
            if self.at_end() {
                return Ok(());
            }
            match self.peek(0) {
                b'\n' | b'\r' | b'#' => return self.skip_line(),
                b'[' | b'{' => return self.flow(indent),
                b'-' | b'?' if matches!(self.peek(1), b' ' | b'\t' | b'\n' | b'\r') => {
                    let column = self.column();
                    while self.blocks.last().is_some_and(|&col| col >= column) {
                        self.blocks.pop();
                    }
                    self.blocks.push(column);
                    let depth = self.blocks.len();
                    self.depth(depth)?;
                    self.pos += 1;
                    value = false;
                }
                b'|' | b'>' if self.block_scalar_header() => {
                    self.block_scalar = Some(indent);
                    return self.skip_line();
                }
                b'&' | b'!' => {
                    while !matches!(self.peek(0), b' ' | b'\t' | b'\n' | b'\r') {
                        self.pos += 1;
                    }
                }
                b'"' | b'\'' => {
                    self.quoted()?;
                    return self.rest_of_line(indent);
                }
                _ => {
                    let column = self.column();
                    if !value && self.blocks.last().is_none_or(|&col| col < column) {
                        self.blocks.push(column);
                    }
                    let depth = self.blocks.len();
                    self.depth(depth)?;
                    return self.rest_of_line(indent);
                }
            }
        }
    }

    /// Whether the `|` or `>` at `pos` opens a block scalar: only indicators, then a space, a
    /// comment or the end of the line.
    fn block_scalar_header(&self) -> bool {
        let mut i = 1;
        while matches!(self.peek(i), b'+' | b'-' | b'0'..=b'9') {
            i += 1;
        }
        matches!(self.peek(i), b' ' | b'\t' | b'\n' | b'\r')
    }

    /// A plain scalar or the rest of a line after a quoted one: a `: ` starts a value node.
    fn rest_of_line(&mut self, indent: usize) -> Result<(), Place> {
        loop {
            match self.peek(0) {
                _ if self.at_end() => return Ok(()),
                b'\n' => {
                    self.newline();
                    return Ok(());
                }
                b':' if matches!(self.peek(1), b' ' | b'\t' | b'\n' | b'\r') => {
                    self.pos += 1;
                    return self.node(indent, true);
                }
                b' ' | b'\t' if self.peek(1) == b'#' => return self.skip_line(),
                _ => self.pos += 1,
            }
        }
    }

    /// A flow collection opened at `pos`, to the end of the line it closes on.
    fn flow(&mut self, indent: usize) -> Result<(), Place> {
        let mut depth = 0usize;
        loop {
            if self.at_end() {
                return Ok(());
            }
            match self.peek(0) {
                b'[' | b'{' => {
                    depth += 1;
                    let total = self.blocks.len() + depth;
                    self.depth(total)?;
                    self.pos += 1;
                }
                b']' | b'}' => {
                    self.pos += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return self.rest_of_line(indent);
                    }
                }
                b'"' | b'\'' => self.quoted()?,
                b'#' if self.pos == 0
                    || matches!(self.bytes[self.pos - 1], b' ' | b'\t' | b'\n') =>
                {
                    while !self.at_end() && self.peek(0) != b'\n' {
                        self.pos += 1;
                    }
                }
                b'\n' => self.newline(),
                _ => self.pos += 1,
            }
        }
    }

    /// A quoted scalar opened at `pos` (it may span lines), up to after its closing quote.
    fn quoted(&mut self) -> Result<(), Place> {
        let quote = self.peek(0);
        self.pos += 1;
        while !self.at_end() {
            match self.peek(0) {
                b'\\' if quote == b'"' => self.pos += 2,
                b'\'' if quote == b'\'' && self.peek(1) == b'\'' => self.pos += 2,
                b'\n' => self.newline(),
                c if c == quote => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    /// Everything up to and including the next newline.
    fn skip_line(&mut self) -> Result<(), Place> {
        while !self.at_end() && self.peek(0) != b'\n' {
            self.pos += 1;
        }
        if !self.at_end() {
            self.newline();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_documents_nest_a_few_levels() {
        let text = "id: reviews\nrules:\n  - id: contacts/phone\n    patterns: [a, \"[b\", '{c']\n    fix: |\n      [[[[[[ not YAML structure\n    note: x # [[[[\nlexicons: {a: [1, 2]}\n";
        assert_eq!(yaml_depth(text), 4, "rules > item > patterns > flow");
        assert!(check_yaml(text, 8).is_ok());
    }

    #[test]
    fn deep_flow_nesting_is_refused_quickly_with_its_place() {
        let text = format!("key: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let started = std::time::Instant::now();
        let err = check_yaml(&text, 64).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_millis(100));
        assert_eq!((err.line, err.limit), (1, 64));
        assert!(err.to_string().contains("more than 64 levels"), "{err}");
        assert_eq!(yaml_depth(&text), 100_001);
        let err = check_yaml(&format!("کلید: {}", "[".repeat(100)), 64).unwrap_err();
        assert_eq!(
            (err.line, err.column),
            (1, 6 + 64),
            "columns count characters"
        );
    }

    #[test]
    fn deep_block_nesting_counts_too() {
        let compact = format!("{}x\n", "- ".repeat(200));
        assert_eq!(yaml_depth(&compact), 201);
        let mut indented = String::new();
        for level in 0..100 {
            indented.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
        }
        assert_eq!(yaml_depth(&indented), 100);
        assert!(check_yaml(&indented, 64).is_err());
    }

    #[test]
    fn siblings_do_not_add_up() {
        let text = "a: [1]\nb: [2]\nc:\n  d: {e: 1}\nf:\n  - 1\n  - 2\n";
        assert_eq!(yaml_depth(text), 3);
    }
}
