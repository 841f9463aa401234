//! The one place that parses YAML (through serde_yaml), so the parser can be swapped.

use serde::de::DeserializeOwned;

/// A YAML syntax or shape error with its 1-based position inside the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line inside the YAML text (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// serde_yaml's message without its trailing position.
    pub message: String,
}

/// Deserialises `text` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|err| {
        let (line, column) = err
            .location()
            .map_or((0, 0), |loc| (loc.line(), loc.column()));
        let mut message = err.to_string();
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        YamlError {
            line,
            column,
            message,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn reports_one_based_positions() {
        let err = from_str::<BTreeMap<String, String>>("a: b\nc: [d\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        assert!(err.column >= 1, "{err:?}");
        assert!(!err.message.contains(" at line "), "{err:?}");
    }
}
