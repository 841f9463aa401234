//! The OpenAPI 3.1 document (`GET /openapi.json`), generated with utoipa from the handlers'
//! annotations. The engine's types live in davar-moderation, which knows nothing of OpenAPI, so
//! their wire shape is described here; a test validates real engine output against it, so the
//! description cannot drift from what the server sends.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use crate::compiled::Problem;
use crate::compliance::current::{CurrentDecision, CurrentStatus};
use crate::compliance::statement::{
    AppealOutcome, AppealRoute, Change, Fact, Ground, Redress, Standing, StandingStatus,
    StatedComment, Statement, StatementKind,
};
use crate::decision::review::{ModeratorDecision, ReviewAction};
use crate::decision::{
    Action, AutomatedDecision, ClauseRef, CommentSnapshot, DecisionRecord, RecordedViolation,
    RuleSetRef, Stage, TextFields,
};
use crate::error::{ErrorBody, ErrorDetail};
use crate::request::CommentFields;
use crate::routes;
use crate::rules_doc::{RuleDoc, RuleSetDoc, RulesResponse};
use crate::store::{QueueCounts, QueueItem};

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "davar",
        description = "Moderation of marketplace reviews and Q&A, policy obligations and deadlines. \
            Errors are always `{\"error\":{\"code\",\"message\",\"field\"}}` (a `superseded` \
            answer adds `current`, the decision that stands); in a batch, an item that has no \
            result carries the same error object in its place."
    ),
    paths(
        routes::moderate, routes::batch, routes::rules, routes::obligations, routes::deadline,
        routes::reload, routes::healthz, routes::readyz, routes::try_comment, routes::record,
        routes::history, routes::list, routes::me, routes::claim_next, routes::claim,
        routes::release, routes::decide, routes::item, routes::statement_of, routes::appeal
    ),
    components(schemas(
        CommentFields, routes::BatchItemDoc, ModerationResultDoc, ViolationDoc, MessagesDoc, FixedDoc, KindDoc, SeverityDoc,
        VerdictDoc, FieldDoc, ErrorBody, ErrorDetail, RulesResponse, RuleSetDoc, RuleDoc, Problem,
        routes::DeadlineRequest, routes::DeadlineResponse, routes::ReloadResponse, routes::ReloadFailure,
        routes::Readiness, routes::QueueListing, routes::ItemWithHistory, routes::Me,
        DecisionRecord, Stage, Action, AutomatedDecision, CommentSnapshot, TextFields, RuleSetRef,
        RecordedViolation, ClauseRef, QueueItem, QueueCounts, ModeratorDecision, ReviewAction,
        routes::AppealRequest, Statement, StatementKind, StatedComment, Fact, Ground, Redress,
        AppealRoute, AppealOutcome, Change, Standing, StandingStatus, CurrentDecision,
        CurrentStatus
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "moderation", description = "Judge reviews, questions and answers"),
        (name = "obligations", description = "Machine-checkable promises of the policies"),
        (name = "operations", description = "Health, readiness and reload"),
        (name = "queue", description = "The review queue (moderator keys)"),
        (name = "decisions", description = "The decision log"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Kind of comment.
#[derive(ToSchema)]
#[schema(as = Kind)]
#[allow(dead_code)]
#[serde(rename_all = "lowercase")]
pub enum KindDoc {
    /// Product review.
    Review,
    /// Question under a product.
    Question,
    /// Answer to a question.
    Answer,
}

/// Severity of a violation.
#[derive(ToSchema)]
#[schema(as = Severity)]
#[allow(dead_code)]
#[serde(rename_all = "lowercase")]
pub enum SeverityDoc {
    /// Advice only.
    Hint,
    /// Style problem the engine repairs.
    Fix,
    /// A person must look.
    Review,
    /// Not published.
    Reject,
}

/// The decision for a comment: its worst violation.
#[derive(ToSchema)]
#[schema(as = Verdict)]
#[allow(dead_code)]
#[serde(rename_all = "lowercase")]
pub enum VerdictDoc {
    /// Publish as is.
    Approve,
    /// Publish the fixed text.
    Fix,
    /// A moderator decides.
    Review,
    /// Do not publish.
    Reject,
}

/// Field a span is in.
#[derive(ToSchema)]
#[schema(as = Field)]
#[allow(dead_code)]
#[serde(rename_all = "lowercase")]
pub enum FieldDoc {
    /// The title.
    Title,
    /// The body.
    Body,
}

/// The result of moderating one comment.
#[derive(ToSchema)]
#[schema(as = ModerationResult)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
pub struct ModerationResultDoc {
    /// The comment's id, echoed.
    id: Option<String>,
    /// Worst severity among the violations.
    verdict: VerdictDoc,
    /// Rule set used, `name@version`.
    #[schema(example = "reviews.fa@1")]
    ruleset: String,
    /// Every violation, by field and position.
    violations: Vec<ViolationDoc>,
    /// The repaired text, present when fixes apply.
    fixed: Option<FixedDoc>,
    /// Id of the decision record (UUIDv7) when the comment was not approved outright; a retry
    /// with the same comment `id` gets the same one.
    decision_id: Option<String>,
}

/// One rule broken at one place.
#[derive(ToSchema)]
#[schema(as = Violation)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
pub struct ViolationDoc {
    /// Rule code, e.g. `contacts/phone`.
    code: String,
    /// Severity.
    severity: SeverityDoc,
    /// Field the span is in.
    field: FieldDoc,
    /// Start offset in Unicode code points of the field as sent (not bytes, not UTF-16 units).
    start: usize,
    /// End offset (exclusive), in code points.
    end: usize,
    /// The text of the span.
    text: String,
    /// Explanation in Persian and English, and in French and German where the rule set gives them.
    message: MessagesDoc,
    /// The explanation in the comment's language (English when the rule set has none in it).
    localized: String,
    /// URL path of the policy clause the rule enforces.
    #[schema(example = "/fa/terms/v2/#reviews-no-contacts")]
    clause: Option<String>,
}

/// A message in Persian and English, and in French and German where the rule set gives them.
#[derive(ToSchema)]
#[schema(as = Messages)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
pub struct MessagesDoc {
    /// Persian.
    fa: String,
    /// English.
    en: String,
    /// French.
    fr: Option<String>,
    /// German.
    de: Option<String>,
}

/// The repaired text.
#[derive(ToSchema)]
#[schema(as = Fixed)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
pub struct FixedDoc {
    /// Repaired title (null when the comment had none).
    title: Option<String>,
    /// Repaired body.
    body: String,
}
