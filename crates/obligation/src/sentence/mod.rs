//! What readers see of an obligation block: one sentence in the version's language ("We
//! acknowledge the complaint within 24 hours after it is received, with a reference number."),
//! built from the block's fields and the words of `vocabulary.yaml`. The pipeline hands
//! [`Sentences`] to the site renderer, which never shows a block's YAML.

mod duration_words;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use davar_policy::model::{PolicyVersion, RawBlock};
use davar_policy::render::ObligationSentences;
use davar_policy::render::dates::persian_digits;
use serde::Deserialize;

use crate::block::{Actor, Limit, Obligation, parse_block};
use duration_words::duration_words;

/// Writes obligation sentences for the site renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sentences;

impl ObligationSentences for Sentences {
    fn sentence(&self, version: &PolicyVersion, block: &RawBlock) -> Option<String> {
        let clause = version
            .clauses
            .iter()
            .find(|c| c.obligation_blocks.contains(block))
            .map_or("", |c| c.id.as_str());
        // A block that cannot be read is reported by `check`; the page leaves it out.
        let obligation = parse_block(block, clause).ok()?;
        Some(sentence(&obligation, &version.lang))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    events: BTreeMap<String, EventWords>,
    requirements: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventWords {
    #[serde(default)]
    after: BTreeMap<String, Vec<String>>,
    #[serde(default, rename = "do")]
    act: BTreeMap<String, Phrase>,
    #[serde(default, rename = "if")]
    condition: BTreeMap<String, String>,
}

/// One phrase, or two parts of it (German object and infinitive; Persian we-form and
/// third-person subjunctive).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Phrase {
    One(String),
    Two([String; 2]),
}

impl Phrase {
    fn parts(&self) -> (&str, &str) {
        match self {
            Phrase::One(text) => (text, text),
            Phrase::Two([a, b]) => (a, b),
        }
    }
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    davar_policy::yaml::from_str(include_str!("vocabulary.yaml"))
        .unwrap_or_else(|e| panic!("sentence/vocabulary.yaml:{}: {}", e.line, e.message))
});

fn event(name: &str) -> Option<&'static EventWords> {
    VOCABULARY.events.get(name)
}

/// The language whose sentence patterns apply (English for any other language).
fn pattern_lang(lang: &str) -> &str {
    match lang {
        "fa" | "fr" | "de" => lang,
        _ => "en",
    }
}

/// The sentence stating `ob` in `lang`.
pub fn sentence(ob: &Obligation, lang: &str) -> String {
    let lang = pattern_lang(lang);
    let same_subject = ob.trigger.split('.').next() == ob.action.split('.').next();
    let after = after_words(&ob.trigger, lang, same_subject);
    let (act_a, act_b) = action_words(&ob.action, lang);
    let at_least = matches!(ob.limit, Limit::AtLeast(_));
    let duration = duration_words(ob.limit.duration(), lang, at_least);
    let requires: Vec<String> = ob
        .requires
        .iter()
        .map(|r| {
            VOCABULARY
                .requirements
                .get(r)
                .and_then(|words| words.get(lang))
                .cloned()
                .unwrap_or_else(|| r.replace('-', " "))
        })
        .collect();
    let and = match lang {
        "fa" => " و ",
        "fr" => " et ",
        "de" => " und ",
        _ => " and ",
    };
    let requires = requires.join(and);
    let unless: Vec<String> = ob.unless.iter().map(|e| condition_words(e, lang)).collect();
    let unless = unless.join(match lang {
        "fa" => " یا ",
        "fr" => " ou ",
        "de" => " oder ",
        _ => " or ",
    });
    let mut text = match lang {
        "fa" => {
            let subject = match ob.actor {
                Actor::Platform => "ما",
                Actor::Seller => "فروشنده باید",
                Actor::Buyer => "خریدار می‌تواند",
            };
            let when = if at_least { "دست‌کم" } else { "ظرف" };
            let verb = if ob.actor == Actor::Platform {
                act_a
            } else {
                act_b
            };
            let with = if requires.is_empty() {
                String::new()
            } else {
                format!("، همراه با {requires}")
            };
            format!("{subject} {when} {duration} پس از {after}{with}، {verb}")
        }
        "fr" => {
            let subject = match ob.actor {
                Actor::Platform => "Nous nous engageons à",
                Actor::Seller => "Le vendeur doit",
                Actor::Buyer => "L’acheteur peut",
            };
            let time = if at_least {
                format!("au plus tôt {duration} après {after}")
            } else {
                format!("dans les {duration} suivant {after}")
            };
            let with = if requires.is_empty() {
                String::new()
            } else {
                format!(", avec {requires}")
            };
            format!("{subject} {act_a} {time}{with}")
        }
        "de" => {
            let subject = match ob.actor {
                Actor::Platform => "Wir werden",
                Actor::Seller => "Der Verkäufer muss",
                Actor::Buyer => "Der Käufer kann",
            };
            let time = if at_least {
                format!("frühestens {duration} nach {after}")
            } else {
                format!("innerhalb von {duration} nach {after}")
            };
            let with = if requires.is_empty() {
                String::new()
            } else {
                format!(" mit {requires}")
            };
            let object = if act_a.is_empty() {
                String::new()
            } else {
                format!("{act_a} ")
            };
            format!("{subject} {object}{time}{with} {act_b}")
        }
        _ => {
            let subject = match ob.actor {
                Actor::Platform => "We",
                Actor::Seller => "The seller must",
                Actor::Buyer => "The buyer can",
            };
            let time = if at_least {
                "no earlier than"
            } else {
                "within"
            };
            let with = if requires.is_empty() {
                String::new()
            } else {
                format!(", with {requires}")
            };
            format!("{subject} {act_a} {time} {duration} after {after}{with}")
        }
    };
    if !unless.is_empty() {
        text.push_str(&match lang {
            "fa" => format!("، مگر آن‌که {unless}"),
            "fr" => format!(", sauf si {unless}"),
            "de" => format!(", es sei denn, {unless}"),
            _ => format!(", unless {unless}"),
        });
    }
    text.push('.');
    if lang == "fa" {
        persian_digits(&text)
    } else {
        text
    }
}

fn after_words(name: &str, lang: &str, same_subject: bool) -> String {
    let forms = event(name).and_then(|e| e.after.get(lang));
    match forms.map(Vec::as_slice) {
        Some([_, same, ..]) if same_subject => same.clone(),
        Some([full, ..]) => full.clone(),
        _ => match lang {
            "fa" => format!("مرحله‌ی «{name}»"),
            "fr" => format!("l’étape « {name} »"),
            "de" => format!("dem Schritt „{name}“"),
            _ => format!("the step “{name}”"),
        },
    }
}

fn action_words(name: &str, lang: &str) -> (String, String) {
    if let Some(phrase) = event(name).and_then(|e| e.act.get(lang)) {
        let (a, b) = phrase.parts();
        return (a.to_string(), b.to_string());
    }
    match lang {
        "fa" => (
            format!("مرحله‌ی «{name}» را انجام می‌دهیم"),
            format!("مرحله‌ی «{name}» را انجام دهد"),
        ),
        "fr" => (format!("accomplir l’étape « {name} »"), String::new()),
        "de" => (format!("den Schritt „{name}“"), "abschließen".to_string()),
        _ => (format!("complete the step “{name}”"), String::new()),
    }
}

fn condition_words(name: &str, lang: &str) -> String {
    if let Some(text) = event(name).and_then(|e| e.condition.get(lang)) {
        return text.clone();
    }
    match lang {
        "fa" => format!("مرحله‌ی «{name}» پیش‌تر انجام شده باشد"),
        "fr" => format!("l’étape « {name} » a déjà eu lieu"),
        "de" => format!("der Schritt „{name}“ ist vorher erfolgt"),
        _ => format!("the step “{name}” happens first"),
    }
}

#[cfg(test)]
mod tests;
