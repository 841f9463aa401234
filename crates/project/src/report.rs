//! The project's diagnostics as `davar check` prints them, for every command and the server.

use std::collections::BTreeMap;

use crate::compile::Project;

impl Project {
    /// Every diagnostic not accepted in `accepted-findings.txt` rendered like rustc (the
    /// source line underlined), each followed by a blank line, then the count line
    /// (`4 error(s), 2 warning(s)`, then hints, then the accepted findings by code).
    pub fn render_human(&self) -> String {
        let mut out = String::new();
        let mut accepted: BTreeMap<&str, usize> = BTreeMap::new();
        for diagnostic in &self.diagnostics {
            if diagnostic.accepted.is_some() {
                *accepted.entry(diagnostic.code).or_default() += 1;
                continue;
            }
            out.push_str(&diagnostic.render_human(self.source_of(&diagnostic.file)));
            out.push('\n');
        }
        out.push_str(&self.counts().to_string());
        if !accepted.is_empty() {
            let by_code: Vec<String> = accepted.iter().map(|(c, n)| format!("{c} {n}")).collect();
            out.push_str(&format!(" ({})", by_code.join(", ")));
        }
        out.push('\n');
        out
    }

    /// Every diagnostic as one JSON object per line: `{code, severity, file, line, column,
    /// message, help?, accepted?}` (`accepted`: the reason, for accepted findings).
    pub fn render_json_lines(&self) -> String {
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&serde_json::to_string(diagnostic).unwrap_or_default());
            out.push('\n');
        }
        out
    }
}
