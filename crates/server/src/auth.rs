//! API keys (`--api-keys FILE`) and the `Authorization: Bearer …` check.
//!
//! File format: UTF-8, one key per line as `<role> <key> [<name>]`, where the role is `client`
//! (may call the `/v1/` API), `moderator` (may also work the review queue, `/v1/queue/…`) or
//! `admin` (may do everything, including `/v1/admin/…`). A moderator key needs a name: the
//! moderator's id in the decision log (`A-Z a-z 0-9 . _ @ -`, and none of the names that stand
//! for a kind of decider: `engine`, `author`, `moderator`, `admin`, in any letter case); an
//! admin key may have one (else its decisions are signed `admin`). A name is spelt the same on
//! every line it appears on: two names differing only in letter case are refused. `#` starts a
//! comment; blank lines are ignored. Keys are at least 16 characters of `A-Z a-z 0-9 - _ . ~ +
//! /` and `=`.
//!
//! ```text
//! # storefront
//! client sk_live_6f1c0f8f3a2b4d7e
//! # moderators
//! moderator md_4c1e0a9b7d3f2e68 sara
//! # operations
//! admin  ad_9b2e7c41d05a4f63a1
//! ```
//!
//! Only SHA-256 digests of the keys are kept in memory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use axum::http::{HeaderMap, header};
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Call the `/v1/` API.
    Client,
    /// Everything a client may, plus the review queue (`/v1/queue/…`).
    Moderator,
    /// Everything, plus `/v1/admin/…`.
    Admin,
}

/// Who a key belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// What the key may do.
    pub role: Role,
    /// The moderator's id (moderator keys; admin keys when named).
    pub name: Option<String>,
}

/// The configured API keys.
#[derive(Debug, Clone, Default)]
pub struct ApiKeys {
    by_digest: HashMap<[u8; 32], Caller>,
}

/// The largest API keys file read: one line per key, so a megabyte holds thousands.
pub const MAX_KEYS_FILE_BYTES: u64 = 1024 * 1024;

/// Why an API keys file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ApiKeysError {
    /// The file could not be read.
    #[error("cannot read API keys file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not read: larger than [`MAX_KEYS_FILE_BYTES`] or not UTF-8.
    #[error("API keys file: {0}")]
    Input(davar_input::InputError),
    /// A line is not `<role> <key>`.
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
}

impl ApiKeys {
    /// Reads and parses an API keys file.
    pub fn read(path: &Path) -> Result<ApiKeys, ApiKeysError> {
        let text =
            davar_input::read_limited(path, MAX_KEYS_FILE_BYTES).map_err(|err| match err {
                davar_input::InputError::Io { path, source } => ApiKeysError::Read { path, source },
                other => ApiKeysError::Input(other),
            })?;
        ApiKeys::parse(&text, path)
    }

    /// Parses the text of an API keys file (`path` is only used in error messages).
    pub fn parse(text: &str, path: &Path) -> Result<ApiKeys, ApiKeysError> {
        let mut by_digest = HashMap::new();
        // Each name by its lower-case form: the spelling first used and its line.
        let mut names: HashMap<String, (String, usize)> = HashMap::new();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| ApiKeysError::Syntax {
                path: path.to_owned(),
                line: index + 1,
                message,
            };
            let mut parts = line.split_whitespace();
            let (Some(role), Some(key), name, None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(err(
                    "expected `<role> <key> [<name>]`, e.g. `client sk_3f9a0c1d2e4b5a6f`"
                        .to_owned(),
                ));
            };
            let role = match role {
                "client" => Role::Client,
                "moderator" => Role::Moderator,
                "admin" => Role::Admin,
                other => {
                    return Err(err(format!(
                        "unknown role `{other}`: use `client`, `moderator` or `admin`"
                    )));
                }
            };
            match (role, name) {
                (Role::Moderator, None) => {
                    return Err(err(
                        "a moderator key needs a name, the moderator's id in the decision log: `moderator <key> sara`"
                            .to_owned(),
                    ));
                }
                (Role::Client, Some(_)) => {
                    return Err(err("client keys take no name: `client <key>`".to_owned()));
                }
                (_, Some(name)) if crate::decision::is_reserved_name(name) => {
                    return Err(err(format!(
                        "the name `{name}` is reserved: decisions signed with it would read as {}; give the key the person's own id, e.g. `{} <key> sara`",
                        reserved_meaning(name),
                        match role {
                            Role::Admin => "admin",
                            _ => "moderator",
                        }
                    )));
                }
                (_, Some(name)) if !usable_name(name) => {
                    return Err(err(format!(
                        "the name `{name}` is not usable: use letters, digits and . _ @ -"
                    )));
                }
                _ => {}
            }
            if key.chars().count() < 16 {
                return Err(err("the key is shorter than 16 characters".to_owned()));
            }
            if let Some(bad) = key
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || "-_.~+/=".contains(*c)))
            {
                return Err(err(format!(
                    "the key contains `{bad}`: use letters, digits and - _ . ~ + / ="
                )));
            }
            let caller = Caller {
                role,
                name: name.map(str::to_owned),
            };
            if let Some(name) = name {
                let (first, line) = names
                    .entry(name.to_ascii_lowercase())
                    .or_insert_with(|| (name.to_owned(), index + 1));
                if first != name {
                    return Err(err(format!(
                        "the name `{name}` differs from `{first}` (line {line}) only in letter case: one person's keys carry one spelling, and two people need names that differ in more than case"
                    )));
                }
            }
            if by_digest.insert(digest(key), caller).is_some() {
                return Err(err("this key is listed twice".to_owned()));
            }
        }
        if by_digest.is_empty() {
            return Err(ApiKeysError::Syntax {
                path: path.to_owned(),
                line: 1,
                message:
                    "the file lists no key; add a line `client <key>`, `moderator <key> <name>` or `admin <key>`"
                        .to_owned(),
            });
        }
        Ok(ApiKeys { by_digest })
    }

    /// The role of the bearer key in `headers`, or `Unauthorized`.
    pub fn authenticate(&self, headers: &HeaderMap) -> Result<Role, ApiError> {
        self.identify(headers).map(|caller| caller.role)
    }

    /// Who the bearer key in `headers` belongs to, or `Unauthorized`.
    pub fn identify(&self, headers: &HeaderMap) -> Result<Caller, ApiError> {
        let value = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(ApiError::Unauthorized)?;
        let (scheme, key) = value.trim().split_once(' ').ok_or(ApiError::Unauthorized)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(ApiError::Unauthorized);
        }
        self.by_digest
            .get(&digest(key.trim()))
            .cloned()
            .ok_or(ApiError::Unauthorized)
    }
}

/// Whether `name` can sign decisions: letters, digits and `. _ @ -`, and none of the reserved
/// names (`engine`, `author`, `moderator`, `admin`, in any letter case).
pub(crate) fn usable_name(name: &str) -> bool {
    !name.is_empty()
        && !crate::decision::is_reserved_name(name)
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._@-".contains(c))
}

/// What a reserved name stands for in the decision log.
fn reserved_meaning(name: &str) -> &'static str {
    use crate::decision::{ADMIN, AUTHOR, ENGINE};
    if name.eq_ignore_ascii_case(ENGINE) {
        "the engine's automated decisions"
    } else if name.eq_ignore_ascii_case(AUTHOR) {
        "the author's appeals"
    } else if name.eq_ignore_ascii_case(ADMIN) {
        "decisions of an admin key without a name"
    } else {
        "an unnamed moderator (what authors see instead of a moderator's id)"
    }
}

/// Query parameter names that look like a credential: keys sent this way are refused, since URLs
/// end up in access logs, proxies and browser history.
const KEY_PARAMETERS: [&str; 6] = [
    "key",
    "api_key",
    "apikey",
    "api-key",
    "token",
    "access_token",
];

/// True when the query string carries a parameter named like a credential (`?api_key=...`).
pub fn key_in_query(query: Option<&str>) -> bool {
    query.is_some_and(|q| {
        q.split('&').any(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            KEY_PARAMETERS.iter().any(|k| name.eq_ignore_ascii_case(k))
        })
    })
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const FILE: &str =
        "# keys\nclient  storefront-key-0001\nadmin ops-admin-key-0000002 # on call\n\n";

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn parses_roles_and_authenticates_bearer_keys() {
        let keys = ApiKeys::parse(FILE, Path::new("keys.txt")).unwrap();
        assert_eq!(
            keys.authenticate(&headers("Bearer storefront-key-0001"))
                .unwrap(),
            Role::Client
        );
        assert_eq!(
            keys.authenticate(&headers("bearer ops-admin-key-0000002"))
                .unwrap(),
            Role::Admin
        );
        assert!(
            keys.authenticate(&headers("Bearer storefront-key-0002"))
                .is_err()
        );
        assert!(
            keys.authenticate(&headers("Basic storefront-key-0001"))
                .is_err()
        );
        assert!(keys.authenticate(&HeaderMap::new()).is_err());
    }

    #[test]
    fn moderator_keys_carry_the_moderator_id() {
        let keys = ApiKeys::parse(
            "moderator md-key-000000000001 sara\nadmin ad-key-0000000000001 ops@chaharsu\n",
            Path::new("k"),
        )
        .unwrap();
        assert_eq!(
            keys.identify(&headers("Bearer md-key-000000000001"))
                .unwrap(),
            Caller {
                role: Role::Moderator,
                name: Some("sara".to_owned())
            }
        );
        let admin = keys
            .identify(&headers("Bearer ad-key-0000000000001"))
            .unwrap();
        assert_eq!(admin.name.as_deref(), Some("ops@chaharsu"));
        let err = ApiKeys::parse("moderator md-key-000000000001\n", Path::new("k")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("k:1: a moderator key needs a name"),
            "{err}"
        );
        let err =
            ApiKeys::parse("moderator md-key-000000000001 engine\n", Path::new("k")).unwrap_err();
        assert!(err.to_string().contains("reserved"), "{err}");
        let err = ApiKeys::parse("client sk-key-000000000001 sara\n", Path::new("k")).unwrap_err();
        assert!(
            err.to_string().contains("client keys take no name"),
            "{err}"
        );
    }

    #[test]
    fn reserved_names_are_refused_naming_the_line_and_the_fix() {
        for (role, name) in [
            ("moderator", "engine"),
            ("moderator", "author"),
            ("moderator", "Author"),
            ("moderator", "MODERATOR"),
            ("moderator", "admin"),
            ("admin", "engine"),
            ("admin", "moderator"),
        ] {
            let file = format!("client sk-key-000000000001\n{role} md-key-000000000002 {name}\n");
            let err = ApiKeys::parse(&file, Path::new("keys.txt")).unwrap_err();
            let message = err.to_string();
            assert!(
                message.starts_with(&format!("keys.txt:2: the name `{name}` is reserved")),
                "{message}"
            );
            assert!(
                message.contains(&format!("`{role} <key> sara`")),
                "{message}"
            );
        }
        // One person may have several keys, under one spelling of their name.
        let err = ApiKeys::parse(
            "moderator md-key-000000000001 sara\nadmin ad-key-000000000002 sara\nmoderator md-key-000000000003 Sara\n",
            Path::new("keys.txt"),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with(
                "keys.txt:3: the name `Sara` differs from `sara` (line 1) only in letter case"
            ),
            "{err}"
        );
        // Names that only contain a reserved word are people's ids.
        let keys = ApiKeys::parse(
            "moderator md-key-000000000001 engineer\nmoderator md-key-000000000002 author.k\n",
            Path::new("k"),
        );
        assert!(keys.is_ok(), "{keys:?}");
    }

    #[test]
    fn credentials_in_the_query_string_are_recognised() {
        assert!(key_in_query(Some("api_key=abc")));
        assert!(key_in_query(Some("lang=fa&TOKEN=abc")));
        assert!(key_in_query(Some("key")));
        assert!(!key_in_query(Some("monkey=1&keys=2")));
        assert!(!key_in_query(None));
    }

    #[test]
    fn a_keys_file_over_the_limit_is_refused_unparsed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys.txt");
        let line = "client storefront-key-0001\n";
        let copies = MAX_KEYS_FILE_BYTES as usize / line.len() + 1;
        std::fs::write(&path, line.repeat(copies)).unwrap();
        let err = ApiKeys::read(&path).unwrap_err();
        assert!(matches!(err, ApiKeysError::Input(_)), "{err}");
        let message = err.to_string();
        assert!(message.contains("keys.txt"), "{message}");
        assert!(
            message.contains(&format!(
                "limit for this kind of file is {MAX_KEYS_FILE_BYTES} bytes"
            )),
            "{message}"
        );
        std::fs::write(&path, line).unwrap();
        assert!(ApiKeys::read(&path).is_ok());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let err = ApiKeys::parse(
            "client storefront-key-0001\nowner abcdefghijklmnopq\n",
            Path::new("k"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "k:2: unknown role `owner`: use `client`, `moderator` or `admin`"
        );
        let err = ApiKeys::parse("client short\n", Path::new("k")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "k:1: the key is shorter than 16 characters"
        );
        let err = ApiKeys::parse("# nothing\n", Path::new("k")).unwrap_err();
        assert!(err.to_string().contains("lists no key"));
    }
}
