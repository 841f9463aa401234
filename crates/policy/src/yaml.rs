//! The one place that parses YAML (through serde_yaml), so the parser can be swapped: typed
//! deserialisation with error positions ([`from_str`]) and the positions of keys and values in
//! a document ([`key_position`], [`value_position`]), both from the parser's own marks.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

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

/// Deserialises `text` into `T`, after checking that it nests no deeper than
/// [`davar_input::MAX_YAML_DEPTH`] (the parser's time grows with the square of the depth).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    davar_input::check_yaml(text, davar_input::MAX_YAML_DEPTH).map_err(|err| YamlError {
        line: err.line,
        column: err.column,
        message: err.to_string(),
    })?;
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

/// A 1-based line and column (in characters) inside a YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// The value of this key in a mapping.
    Key(&'a str),
    /// The element at this index of a sequence.
    Index(usize),
}

/// Where the key at the end of `path` is written (`path` ends with a [`Step::Key`]); `None`
/// when the document does not parse or has no such key.
pub fn key_position(text: &str, path: &[Step<'_>]) -> Option<Position> {
    locate(text, path, Target::Key)
}

/// Where the value at `path` starts (a scalar, or the start of a sequence or mapping); `None`
/// when the document does not parse or has no such value.
pub fn value_position(text: &str, path: &[Step<'_>]) -> Option<Position> {
    locate(text, path, Target::Value)
}

/// The message of the error the walk raises where the wanted node is; serde_yaml attaches the
/// mark of the node being deserialised to it.
const FOUND: &str = "davar: found the wanted node";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Key,
    Value,
}

fn locate(text: &str, path: &[Step<'_>], target: Target) -> Option<Position> {
    if target == Target::Key && !matches!(path.last(), Some(Step::Key(_))) {
        return None;
    }
    davar_input::check_yaml(text, davar_input::MAX_YAML_DEPTH).ok()?;
    let walk = Walk { path, target };
    match walk.deserialize(serde_yaml::Deserializer::from_str(text)) {
        Err(err) if err.to_string().contains(FOUND) => err.location().map(|loc| Position {
            line: loc.line(),
            column: loc.column(),
        }),
        _ => None,
    }
}

/// Walks the document along `path` and fails at the wanted node.
struct Walk<'p, 'a> {
    path: &'p [Step<'a>],
    target: Target,
}

impl<'de> DeserializeSeed<'de> for Walk<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.scalar()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.scalar()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.scalar()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.scalar()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.scalar()
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let mut index = 0;
        loop {
            if *first == Step::Index(index) {
                let walk = Walk {
                    path: rest,
                    target: self.target,
                };
                if seq.next_element_seed(walk)?.is_none() {
                    return Ok(());
                }
            } else if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let Step::Key(wanted) = *first else {
            return Ok(());
        };
        let fail_at_key = rest.is_empty() && self.target == Target::Key;
        while let Some(matched) = map.next_key_seed(KeyMatch {
            wanted,
            fail: fail_at_key,
        })? {
            if matched {
                return map.next_value_seed(Walk {
                    path: rest,
                    target: self.target,
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

impl Walk<'_, '_> {
    /// A scalar is the wanted node when the path ends here.
    fn scalar<E: de::Error>(&self) -> Result<(), E> {
        if self.path.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

/// Reads a mapping key: whether it is the wanted one (failing there when its own position is
/// wanted).
struct KeyMatch<'a> {
    wanted: &'a str,
    fail: bool,
}

impl<'de> DeserializeSeed<'de> for KeyMatch<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyMatch<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        match (key == self.wanted, self.fail) {
            (true, true) => Err(E::custom(FOUND)),
            (matched, _) => Ok(matched),
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<bool, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<bool, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// The key named by serde's "unknown field `x`, expected one of …" message.
pub fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.split("unknown field `").nth(1)?;
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const DOC: &str = "id: terms\naudience: [consumers, robots]\nholidays:\n  - { date: 2026-01-01, name: x }\n  - date: 2026-03-21\n    name: \"Nowruz\"\nnested:\n    deep: { key: 'v' }\n";

    #[test]
    fn finds_keys_and_values_in_block_and_flow_style() {
        let at = |line, column| Some(Position { line, column });
        assert_eq!(key_position(DOC, &[Step::Key("audience")]), at(2, 1));
        assert_eq!(value_position(DOC, &[Step::Key("audience")]), at(2, 11));
        assert_eq!(
            value_position(DOC, &[Step::Key("audience"), Step::Index(1)]),
            at(2, 23)
        );
        let second_date = [Step::Key("holidays"), Step::Index(1), Step::Key("date")];
        assert_eq!(key_position(DOC, &second_date), at(5, 5));
        assert_eq!(value_position(DOC, &second_date), at(5, 11));
        let first_date = [Step::Key("holidays"), Step::Index(0), Step::Key("date")];
        assert_eq!(value_position(DOC, &first_date), at(4, 13));
        let deep = [Step::Key("nested"), Step::Key("deep"), Step::Key("key")];
        assert_eq!(value_position(DOC, &deep), at(8, 18));
    }

    #[test]
    fn a_missing_key_or_a_broken_document_has_no_position() {
        assert_eq!(key_position(DOC, &[Step::Key("title")]), None);
        assert_eq!(
            value_position(DOC, &[Step::Key("audience"), Step::Index(5)]),
            None
        );
        assert_eq!(
            key_position("x: [unclosed\na: 1\n", &[Step::Key("a")]),
            None
        );
        assert_eq!(key_position(DOC, &[Step::Index(0)]), None);
    }

    #[test]
    fn columns_count_characters() {
        let text = "نام: { fa: بازارچه, en: Bazaar }\n";
        assert_eq!(
            value_position(text, &[Step::Key("نام"), Step::Key("en")]),
            Some(Position {
                line: 1,
                column: 25
            })
        );
    }

    #[test]
    fn reports_one_based_positions() {
        let err = from_str::<BTreeMap<String, String>>("a: b\nc: [d\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        assert!(err.column >= 1, "{err:?}");
        assert!(!err.message.contains(" at line "), "{err:?}");
    }

    #[test]
    fn names_the_unknown_field() {
        assert_eq!(
            unknown_field("unknown field `efective`, expected one of `id`, `effective`"),
            Some("efective")
        );
        assert_eq!(unknown_field("missing field `id`"), None);
    }
}
