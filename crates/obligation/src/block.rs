//! Obligation blocks: the YAML inside a ```` ```obligation ```` fence, read into a raw serde
//! struct and converted into a validated [`Obligation`] whose errors carry file lines.

use serde::Deserialize;

use super::duration::Duration;
use davar_policy::model::RawBlock;
use davar_policy::yaml;

/// Who must act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    /// The marketplace itself.
    Platform,
    /// A third-party seller.
    Seller,
    /// The buyer.
    Buyer,
}

impl Actor {
    /// The block spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Platform => "platform",
            Actor::Seller => "seller",
            Actor::Buyer => "buyer",
        }
    }
}

/// Whether the duration is a deadline or a minimum waiting period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Limit {
    /// `within:`: the action must happen no later than trigger + duration.
    Within(Duration),
    /// `at-least:`: the action must happen no earlier than trigger + duration.
    AtLeast(Duration),
}

impl Limit {
    /// The duration either way.
    pub fn duration(&self) -> &Duration {
        match self {
            Limit::Within(d) | Limit::AtLeast(d) => d,
        }
    }

    /// The block key: `within` or `at-least`.
    pub fn key(&self) -> &'static str {
        match self {
            Limit::Within(_) => "within",
            Limit::AtLeast(_) => "at-least",
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.key(), self.duration())
    }
}

/// A validated obligation block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obligation {
    /// Stable id, kebab-case (`acknowledge-complaint`).
    pub id: String,
    /// Who must act.
    pub actor: Actor,
    /// The event that starts the clock (`complaint.received`).
    pub trigger: String,
    /// The event that fulfils the obligation (`complaint.acknowledged`).
    pub action: String,
    /// The deadline or minimum period.
    pub limit: Limit,
    /// What the action must carry (`reference-number`).
    pub requires: Vec<String>,
    /// Events that make the obligation lapse when they happen first (an escalation is not owed
    /// once the complaint is resolved).
    pub unless: Vec<String>,
    /// The clause the block sits under.
    pub clause: String,
    /// 1-based file line of the block's first content line.
    pub line: usize,
}

/// A block that could not be read, with its position in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockError {
    /// 1-based file line.
    pub line: usize,
    /// 1-based column (0 for the whole line).
    pub column: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObligation {
    id: String,
    actor: String,
    trigger: String,
    action: String,
    within: Option<String>,
    #[serde(rename = "at-least")]
    at_least: Option<String>,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

/// Reads one block found under `clause`.
pub fn parse_block(block: &RawBlock, clause: &str) -> Result<Obligation, BlockError> {
    let raw: RawObligation = yaml::from_str(&block.text).map_err(|e| BlockError {
        line: block.line + e.line.max(1) - 1,
        column: e.column,
        message: format!(
            "obligation block: {}; keys are id, actor, trigger, action, within or at-least, requires, unless",
            e.message
        ),
    })?;
    // The error at `key` as the YAML parser found it in the block.
    let at_key = |key: &str, message: String| {
        let (line, column) = yaml::key_position(&block.text, &[yaml::Step::Key(key)])
            .map_or((block.line, 0), |p| (block.line + p.line - 1, p.column));
        BlockError {
            line,
            column,
            message,
        }
    };
    if !is_kebab(&raw.id) {
        return Err(at_key(
            "id",
            format!(
                "obligation id `{}` must be kebab-case (a-z, 0-9, '-')",
                raw.id
            ),
        ));
    }
    let actor = match raw.actor.as_str() {
        "platform" => Actor::Platform,
        "seller" => Actor::Seller,
        "buyer" => Actor::Buyer,
        other => {
            return Err(at_key(
                "actor",
                format!("unknown actor `{other}`; use platform, seller or buyer"),
            ));
        }
    };
    for (key, event) in [("trigger", &raw.trigger), ("action", &raw.action)] {
        if !is_event(event) {
            return Err(at_key(
                key,
                format!(
                    "`{event}` is not an event name; write `subject.verb`, e.g. `complaint.received`"
                ),
            ));
        }
    }
    let limit = match (&raw.within, &raw.at_least) {
        (Some(text), None) => {
            Limit::Within(Duration::parse(text).map_err(|e| at_key("within", e.to_string()))?)
        }
        (None, Some(text)) => {
            Limit::AtLeast(Duration::parse(text).map_err(|e| at_key("at-least", e.to_string()))?)
        }
        (Some(_), Some(_)) => {
            return Err(at_key(
                "at-least",
                "a block has either `within:` (deadline) or `at-least:` (minimum period), not both"
                    .into(),
            ));
        }
        (None, None) => {
            return Err(at_key(
                "id",
                "missing `within:` (deadline) or `at-least:` (minimum period)".into(),
            ));
        }
    };
    if let Some(bad) = raw.requires.iter().find(|r| !is_kebab(r)) {
        return Err(at_key(
            "requires",
            format!("requirement `{bad}` must be kebab-case, e.g. `reference-number`"),
        ));
    }
    if let Some(bad) = raw.unless.iter().find(|e| !is_event(e)) {
        return Err(at_key(
            "unless",
            format!(
                "`{bad}` is not an event name; write `subject.verb`, e.g. `complaint.resolved`"
            ),
        ));
    }
    Ok(Obligation {
        id: raw.id,
        actor,
        trigger: raw.trigger,
        action: raw.action,
        limit,
        requires: raw.requires,
        unless: raw.unless,
        clause: clause.to_string(),
        line: block.line,
    })
}

fn is_kebab(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_event(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> RawBlock {
        RawBlock {
            text: text.to_string(),
            line: 10,
        }
    }

    #[test]
    fn reads_a_complete_block() {
        let ob = parse_block(
            &block("id: acknowledge-complaint\nactor: platform\ntrigger: complaint.received\naction: complaint.acknowledged\nwithin: 24 hours\nrequires: [reference-number]\n"),
            "acknowledgement",
        )
        .unwrap();
        assert_eq!(ob.limit, Limit::Within(Duration::Hours(24)));
        assert_eq!(ob.requires, ["reference-number"]);
        assert_eq!(ob.actor, Actor::Platform);
        assert_eq!(ob.line, 10);
    }

    #[test]
    fn at_least_is_a_minimum_period() {
        let ob = parse_block(
            &block("id: notice\nactor: platform\ntrigger: termination.notified\naction: termination.effective\nat-least: 30 days\n"),
            "termination",
        )
        .unwrap();
        assert_eq!(ob.limit, Limit::AtLeast(Duration::Days(30)));
    }

    #[test]
    fn errors_point_at_the_bad_line() {
        let err = parse_block(
            &block("id: x\nactor: platform\ntrigger: a.b\naction: c.d\nwithin: 3 weeks\n"),
            "c",
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (14, 1));
        assert!(err.message.contains("3 weeks"), "{}", err.message);

        let err = parse_block(
            &block("id: x\nactor: robot\ntrigger: a.b\naction: c.d\nwithin: 3 days\n"),
            "c",
        )
        .unwrap_err();
        assert_eq!(err.line, 11);
        assert!(err.message.contains("platform, seller or buyer"));

        let err = parse_block(
            &block(
                "id: x\nactor: buyer\ntrigger: a.b\naction: c.d\nwithin: 3 days\ndeadline: soon\n",
            ),
            "c",
        )
        .unwrap_err();
        assert_eq!(err.line, 15);
        assert!(
            err.message.contains("unknown field `deadline`"),
            "{}",
            err.message
        );

        let err = parse_block(
            &block("id: x\nactor: buyer\ntrigger: a.b\naction: c.d\n"),
            "c",
        )
        .unwrap_err();
        assert!(err.message.contains("missing `within:`"));

        let err = parse_block(&block("id: [\n"), "c").unwrap_err();
        assert!(err.line >= 10);
    }
}
