//! The project's diagnostics as `davar check` prints them, for every command and the server.

use crate::compile::Project;

impl Project {
    /// Every diagnostic rendered like rustc (the source line underlined), each followed by a
    /// blank line, then the count line (`4 error(s), 2 warning(s)`).
    pub fn render_human(&self) -> String {
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&diagnostic.render_human(self.source_of(&diagnostic.file)));
            out.push('\n');
        }
        out.push_str(&format!("{}\n", self.counts()));
        out
    }

    /// Every diagnostic as one JSON object per line: `{code, severity, file, line, column,
    /// message, help?}`.
    pub fn render_json_lines(&self) -> String {
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&serde_json::to_string(diagnostic).unwrap_or_default());
            out.push('\n');
        }
        out
    }
}
