//! The decision that stands for a comment when an earlier record of its chain is asked about:
//! a queued comment a moderator has decided since, an appeal decided since, a restriction a
//! later decision replaced. Routes that refuse such a record (no statement, no appeal) name
//! the decision in its place, with its statement of reasons when it has one.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::appeal::is_lodged;
use super::statement::{has_statement, published_text, removes_parts};
use crate::decision::{Action, DecisionRecord, Stage};

/// The record of `chain` that follows `id` (the earliest, should there be several).
pub fn following<'c>(chain: &'c [DecisionRecord], id: &str) -> Option<&'c DecisionRecord> {
    chain
        .iter()
        .filter(|r| r.follows.as_deref() == Some(id))
        .min_by(|a, b| (a.decided_at, &a.id).cmp(&(b.decided_at, &b.id)))
}

/// The decision of `chain` (every record of one comment, any order) that stands in place of
/// `record`: following the records that took its place to the last; an appeal still waiting
/// for a person leaves the decision it contests standing. `record` itself when nothing
/// followed it.
pub fn stands_now<'c>(
    chain: &'c [DecisionRecord],
    record: &'c DecisionRecord,
) -> &'c DecisionRecord {
    let mut current = record;
    // A chain is a line of records; the bound only guards against a log that loops.
    for _ in 0..chain.len() {
        let Some(next) = following(chain, &current.id) else {
            break;
        };
        if is_lodged(next) && following(chain, &next.id).is_none() {
            break;
        }
        current = next;
    }
    current
}

/// A decision standing in place of the one asked about, as error answers name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CurrentDecision {
    /// Its id.
    pub id: String,
    /// What produced it (`review`: a moderator; `appeal`: an appeal's outcome).
    pub stage: Stage,
    /// What it does.
    pub action: Action,
    /// Where the comment stands under it.
    pub status: CurrentStatus,
    /// Its statement of reasons (`/v1/decisions/{id}/statement`); `null` when it restricts
    /// nothing and so has none.
    pub statement: Option<String>,
}

/// Where a comment stands under a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CurrentStatus {
    /// Not published.
    NotPublished,
    /// Published as written (or with repairs of form only).
    Published,
    /// Published with parts removed or changed under the rules.
    PublishedWithChanges,
    /// Waiting for a moderator.
    Held,
}

impl CurrentStatus {
    /// In words, for messages.
    pub fn words(self) -> &'static str {
        match self {
            CurrentStatus::NotPublished => "the comment is not published",
            CurrentStatus::Published => "the comment is published as written",
            CurrentStatus::PublishedWithChanges => {
                "the comment is published with parts removed or changed"
            }
            CurrentStatus::Held => "the comment waits for a moderator",
        }
    }
}

impl CurrentDecision {
    /// `record` as a decision standing in place of another.
    pub fn of(record: &DecisionRecord) -> CurrentDecision {
        let changed = published_text(record).is_some_and(|text| {
            text.title != record.comment.title || text.body != record.comment.body
        });
        let status = match record.action {
            Action::Reject => CurrentStatus::NotPublished,
            Action::Queue => CurrentStatus::Held,
            _ if changed && (record.stage == Stage::Appeal || removes_parts(record)) => {
                CurrentStatus::PublishedWithChanges
            }
            Action::Approve | Action::Fix | Action::EditApprove => CurrentStatus::Published,
        };
        CurrentDecision {
            id: record.id.clone(),
            stage: record.stage,
            action: record.action,
            status,
            statement: has_statement(record)
                .then(|| format!("/v1/decisions/{}/statement", record.id)),
        }
    }

    /// "decision X now stands: …; its statement of reasons: …", for messages.
    pub fn sentence(&self) -> String {
        let statement = match &self.statement {
            Some(link) => format!("its statement of reasons: GET {link}"),
            None => "it restricts nothing, so it has no statement of reasons".to_owned(),
        };
        format!(
            "decision {} now stands ({}, `{}` at stage `{}`); {statement}",
            self.id,
            self.status.words(),
            self.action.as_str(),
            self.stage.as_str()
        )
    }
}
