//! The event types a document's obligations use, and telling a misspelt event type from an
//! event no obligation is about.

use std::collections::BTreeSet;

use davar_obligation::audit::Case;
use davar_obligation::extract::version_obligations;
use davar_policy::model::Document;

/// Every event type the obligations of any version of `document` name: triggers, actions and
/// `unless` events.
pub fn known_events(document: &Document) -> BTreeSet<String> {
    let mut known = BTreeSet::new();
    for version in &document.versions {
        for ob in version_obligations(version).0 {
            known.insert(ob.trigger);
            known.insert(ob.action);
            known.extend(ob.unless);
        }
    }
    known
}

/// The triggers of `document`'s obligations.
pub fn triggers(document: &Document) -> BTreeSet<String> {
    document
        .versions
        .iter()
        .flat_map(|v| version_obligations(v).0)
        .map(|ob| ob.trigger)
        .collect()
}

/// An event type of `case` that is not known but is one or two edits away from one that is
/// (`complaint.recieved`): the message says which and names the likely one. Unknown types far
/// from every known one are events no obligation is about (`order.placed`) and pass.
pub fn misspelt(case: &Case, known: &BTreeSet<String>) -> Option<String> {
    for (i, event) in case.events.iter().enumerate() {
        if known.contains(&event.kind) {
            continue;
        }
        let allowed = if event.kind.chars().count() < 8 { 1 } else { 2 };
        let mut near: Vec<(usize, &str)> = known
            .iter()
            .map(|k| (strsim::osa_distance(&event.kind, k), k.as_str()))
            .filter(|(d, _)| *d <= allowed)
            .collect();
        near.sort();
        if let Some((_, likely)) = near.first() {
            return Some(format!(
                "case {}: events[{i}].type `{}` is not an event of any obligation of `{}`; did you \
                 mean `{likely}`? (events the obligations use: {})",
                case.case,
                event.kind,
                case.doc,
                known
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    None
}
