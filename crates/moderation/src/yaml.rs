//! The one place that parses YAML (wraps serde_yaml so it can be swapped).

use serde::de::DeserializeOwned;

/// A YAML syntax or shape error with its 1-based line.
#[derive(Debug)]
pub(crate) struct YamlError {
    pub line: usize,
    pub message: String,
}

/// Parses `text` into `T`; unknown keys are rejected by `T`'s `deny_unknown_fields`. A text
/// nested deeper than [`davar_input::MAX_YAML_DEPTH`] is refused before the parser sees it.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    davar_input::check_yaml(text, davar_input::MAX_YAML_DEPTH).map_err(|err| YamlError {
        line: err.line,
        message: err.to_string(),
    })?;
    serde_yaml::from_str(text).map_err(|err| YamlError {
        line: err.location().map_or(0, |loc| loc.line()),
        message: strip_location(&err.to_string()),
    })
}

/// serde_yaml appends " at line L column C"; the caller prints file:line itself.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
