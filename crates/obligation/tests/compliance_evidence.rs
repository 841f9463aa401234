//! Compliance evidence read for its meaning: negated and contrary statements, headings alone,
//! the appeal window's own length, mediators named in a sentence and plain-text contents lists
//! do not pass for what a requirement asks.

use davar_policy::load;
use jiff::civil::date;

/// A site whose document `doc` is checked against `profile`.
fn site(doc: &str, profile: &str, lang: &str) -> String {
    format!(
        "marketplace:\n  name: {{ {lang}: Shop }}\nbase_url: https://shop.example\nlanguages: [{lang}]\nbinding_language: {lang}\ncompliance:\n  {doc}: [{profile}]\n"
    )
}

/// One version of `doc` with `body` under the front matter.
fn version(doc: &str, doc_type: &str, lang: &str, audience: &str, body: &str) -> String {
    format!(
        "---\nid: {doc}\ntype: {doc_type}\nlang: {lang}\ntitle: T\nversion: 1\npublished: 2026-01-01\neffective: 2026-01-01\naudience: {audience}\nchange: substantive\nsummary: S\n---\n\n{body}"
    )
}

/// The `compliance-*` messages for one document version.
fn findings(doc: &str, profile: &str, lang: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), site(doc, profile, lang)).unwrap();
    std::fs::create_dir(dir.path().join(doc)).unwrap();
    std::fs::write(dir.path().join(doc).join(format!("v1.{lang}.md")), text).unwrap();
    let (set, diagnostics) = load(dir.path()).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    davar_obligation::checks(&set, date(2026, 3, 1), None)
        .iter()
        .filter(|d| d.code.starts_with("compliance"))
        .map(|d| d.message.clone())
        .collect()
}

fn complaints(lang: &str, body: &str) -> Vec<String> {
    findings(
        "complaints",
        "dsa",
        lang,
        &version("complaints", "Complaints Policy", lang, "consumers", body),
    )
}

fn cites(found: &[String], cite: &str) -> bool {
    found.iter().any(|f| f.starts_with(&format!("{cite}:")))
}

const HOW: &str = "## How to complain {#how}\n\nUse the online form in your account; complaints are free of charge and handled electronically.\n\n";
const DECIDED: &str = "## Decisions {#decisions}\n\nAutomated tools sort complaints, but a member of staff takes every decision.\n\n";
const WINDOW: &str = "## Time limit {#time-limit}\n\nYou can complain for six months after we notify you of a decision.\n\n";
const COURT: &str = "## Out-of-court settlement {#out-of-court}\n\nYou may also turn to a certified out-of-court dispute settlement body.\n";

#[test]
fn a_complaints_policy_that_says_it_all_passes() {
    let found = complaints("en", &format!("{HOW}{DECIDED}{WINDOW}{COURT}"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn human_review_denied_after_the_keyword_or_decisions_solely_automated_fail_art_20_6() {
    for decided in [
        "## Decisions {#decisions}\n\nAn algorithm settles each complaint; human review is not available.\n\n",
        "## Decisions {#decisions}\n\nEach complaint is settled solely by automated means; a member of staff reads a decision only when a court orders it.\n\n",
        "## Decisions {#decisions}\n\nAutomated tools settle each complaint without human involvement.\n\n",
    ] {
        let found = complaints("en", &format!("{HOW}{decided}{WINDOW}{COURT}"));
        assert!(cites(&found, "DSA Art. 20(6)"), "{decided}: {found:#?}");
    }
    let de = "## Entscheidungen {#decisions}\n\nÜber jede Beschwerde entscheidet ein Algorithmus; eine menschliche Kontrolle findet nicht statt.\n\n";
    let found = complaints("de", de);
    assert!(cites(&found, "DSA Art. 20(6)"), "{found:#?}");
    let fr = "## Décisions {#decisions}\n\nChaque réclamation est traitée par des outils exclusivement automatisés.\n\n";
    let found = complaints("fr", fr);
    assert!(cites(&found, "DSA Art. 20(6)"), "{found:#?}");
    // Saying that no decision is solely automated is the evidence, not its opposite.
    let not_solely = "## Decisions {#decisions}\n\nAutomated tools help us, but no complaint is settled solely by automated means.\n\n";
    let found = complaints("en", &format!("{HOW}{not_solely}{WINDOW}{COURT}"));
    assert!(!cites(&found, "DSA Art. 20(6)"), "{found:#?}");
}

#[test]
fn people_deciding_in_a_double_negative_meet_art_20_6_without_naming_automated_tools() {
    for (lang, decided) in [
        (
            "en",
            "No decision about a complaint is ever taken without a human review.",
        ),
        (
            "en",
            "No complaint is turned down without review by a member of staff.",
        ),
        (
            "fr",
            "Aucune décision concernant une réclamation n'est prise sans examen humain.",
        ),
        (
            "de",
            "Keine Entscheidung über eine Beschwerde fällt ohne menschliche Prüfung.",
        ),
        (
            "fa",
            "هیچ تصمیمی دربارهٔ شکایت شما بدون بررسی یک کارمند گرفته نمی‌شود.",
        ),
    ] {
        let body = format!("{HOW}## Decisions {{#decisions}}\n\n{decided}\n\n{WINDOW}{COURT}");
        let found = complaints(lang, &body);
        assert!(!cites(&found, "DSA Art. 20(6)"), "{decided}: {found:#?}");
    }
    // The same words without the negation that opens the clause say the opposite.
    let body = format!(
        "{HOW}## Decisions {{#decisions}}\n\nA decision about a complaint is taken without a human review.\n\n{WINDOW}{COURT}"
    );
    let found = complaints("en", &body);
    assert!(cites(&found, "DSA Art. 20(6)"), "{found:#?}");
    // A clause-opening negation negates an exclusive agent however far it stands.
    let body = format!(
        "{HOW}{DECIDED}## Tools {{#tools}}\n\nNo decision about a complaint of yours is taken by software alone.\n\n{WINDOW}{COURT}"
    );
    let found = complaints("en", &body);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_denied_route_or_a_heading_alone_does_not_name_an_out_of_court_body() {
    for court in [
        "## Out-of-court settlement {#out-of-court}\n\nWe take part in no out-of-court procedure, and no arbitration board or mediator can hear our disputes.\n",
        "## Out-of-court settlement {#out-of-court}\n\nOnly the courts of our seat hear disputes.\n",
        "## Out-of-court settlement {#out-of-court}\n\nAn out-of-court dispute settlement is not offered.\n",
    ] {
        let found = complaints("en", &format!("{HOW}{DECIDED}{WINDOW}{court}"));
        assert!(cites(&found, "DSA Art. 21"), "{court}: {found:#?}");
    }
}

#[test]
fn six_months_counts_only_as_the_window_after_the_decision() {
    for window in [
        "## Time limit {#time-limit}\n\nYou can complain for 10 days after we notify you of a decision; a complaint sent six months late is refused.\n\n",
        "## Time limit {#time-limit}\n\nComplaints are taken within six months of delivery, and at the latest 10 days after we tell you of our decision.\n\n",
    ] {
        let found = complaints("en", &format!("{HOW}{DECIDED}{window}{COURT}"));
        assert!(
            found
                .iter()
                .any(|f| f.contains("open for at least six months")),
            "{window}: {found:#?}"
        );
    }
}

#[test]
fn a_plain_text_contents_list_is_not_evidence() {
    let body = "Table of contents\n\n- Online complaints, free of charge and electronic\n- No decision solely by automated means, human review\n- Six months to appeal a decision\n- Out-of-court dispute settlement\n\n## Scope {#scope}\n\nThis policy covers complaints.\n";
    let found = complaints("en", body);
    for cite in ["DSA Art. 20(6)", "DSA Art. 21"] {
        assert!(cites(&found, cite), "{cite}: {found:#?}");
    }
}

pub(crate) fn seller_terms(lang: &str, body: &str) -> Vec<String> {
    findings(
        "terms",
        "p2b",
        lang,
        &version("terms", "Terms of Service", lang, "sellers", body),
    )
}

pub(crate) const CHANGES: &str = "## Changes {#changes}\n\nWe tell sellers of changes to these terms at least 15 days before they apply.\n\n";
pub(crate) const SUSPEND: &str = "## Suspension {#suspension}\n\nWe may suspend, restrict or terminate an account on the grounds listed below, and tell the seller the reasons.\n\n";
pub(crate) const END: &str =
    "## Termination {#termination}\n\nWe terminate a seller's contract with 30 days' notice.\n\n";
pub(crate) const INTERNAL: &str = "## Complaints {#complaints}\n\nSellers complain through the form in their panel; we answer within 10 days.\n\n";
const MEDIATE: &str = "## Mediation {#mediation}\n\nWe name two mediators for sellers:\n\n- The first mediation board\n- The second mediation board\n";

#[test]
fn seller_terms_that_say_it_all_pass() {
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{MEDIATE}"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn without_notice_without_grounds_and_a_denied_system_fail_p2b() {
    let cases = [
        (
            "## Changes {#changes}\n\nWe may change these terms at any time without notice. A notice of 15 days is given when we see fit.\n\n",
            "Art. 3(2)",
        ),
        (
            "## Suspension {#suspension}\n\nWe may suspend, restrict or terminate an account for any reason or no reason.\n\n",
            "Art. 3(1)(c)",
        ),
        (
            "## Termination {#termination}\n\nWe may terminate a seller's contract at once and without notice; the 30 days' notice of termination no longer applies.\n\n",
            "Art. 4(1)",
        ),
        (
            "## Seller complaints {#complaints}\n\nWe do not run an internal complaint-handling system for sellers.\n\n",
            "Art. 11",
        ),
    ];
    for (replacement, cite) in cases {
        let body = [CHANGES, SUSPEND, END, INTERNAL, MEDIATE]
            .iter()
            .map(|part| {
                let id = |t: &str| t[t.find("{#").unwrap()..t.find('}').unwrap()].to_string();
                if id(part) == id(replacement) {
                    replacement
                } else {
                    part
                }
            })
            .collect::<String>();
        assert!(body.contains(replacement), "{cite}");
        let found = seller_terms("en", &body);
        assert!(found.iter().any(|f| f.contains(cite)), "{cite}: {found:#?}");
    }
}

#[test]
fn mediators_counted_in_a_sentence_are_named() {
    let sentence = "## Mediation {#mediation}\n\nA seller may turn to either of two independent mediators: the North Mediation House and the South Trade Mediation Office.\n";
    let found = seller_terms(
        "en",
        &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{sentence}"),
    );
    assert!(found.is_empty(), "{found:#?}");
    let one = "## Mediation {#mediation}\n\nA seller may turn to one mediator: the North Mediation House.\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{one}"));
    assert!(
        found.iter().any(|f| f.contains("two mediators")),
        "{found:#?}"
    );
}

#[test]
fn termination_without_notice_for_cause_on_a_condition_or_after_the_end_is_no_contrary() {
    for extra in [
        "We may terminate the contract without prior notice in case of material breach.",
        "We may terminate the contract with immediate effect for good cause.",
        "We may terminate the contract with immediate effect upon notice to you\n\nif any authority requires it.",
        "After the termination of the contract, we may delete the account without prior notice.",
    ] {
        let termination = format!(
            "## Termination {{#termination}}\n\nWe terminate a seller's contract with 30 days' notice. {extra}\n\n"
        );
        let found = seller_terms(
            "en",
            &format!("{CHANGES}{SUSPEND}{termination}{INTERNAL}{MEDIATE}"),
        );
        assert!(
            !cites(&found, "P2B Regulation (EU) 2019/1150 Art. 4(1)"),
            "{extra}: {found:#?}"
        );
    }
    let de = "## Kündigung {#termination}\n\nDer Vertrag kann mit einer Frist von 30 Tagen gekündigt werden. Das Recht zur fristlosen Kündigung aus\n\nwichtigem Grund bleibt unberührt.\n\n";
    let found = findings(
        "terms",
        "p2b",
        "de",
        &version("terms", "Terms of Service", "de", "sellers", de),
    );
    assert!(!found.iter().any(|f| f.contains("Art. 4(1)")), "{found:#?}");
    // The rule itself, stated without a condition, still outweighs the 30 days.
    let found = seller_terms(
        "en",
        &format!(
            "{CHANGES}{SUSPEND}## Termination {{#termination}}\n\nWe terminate a seller's contract with 30 days' notice. We may also terminate the contract at any time without notice.\n\n{INTERNAL}{MEDIATE}"
        ),
    );
    assert!(found.iter().any(|f| f.contains("Art. 4(1)")), "{found:#?}");
}

#[test]
fn a_complaint_system_is_recognised_whatever_the_terms_call_their_sellers() {
    let body = |complaints: &str| {
        format!(
            "## Changes {{#changes}}\n\nWe tell partners of changes to these terms at least 15 days before they apply.\n\n## Termination {{#termination}}\n\nWe terminate a partner's contract with 30 days' notice.\n\n## Complaints {{#complaints}}\n\n{complaints}\n\n## Mediation {{#mediation}}\n\nWe name two mediators:\n\n- The first mediation board\n- The second mediation board\n"
        )
    };
    for system in [
        "You can submit a complaint to us through the form in your panel; we answer within 10 days.",
        "Our internal complaint-handling system is open to you free of charge.",
    ] {
        let found = seller_terms("en", &body(system));
        assert!(
            !found.iter().any(|f| f.contains("Art. 11")),
            "{system}: {found:#?}"
        );
    }
    // A customer's complaint about the partner is not a system for the partner's own.
    let found = seller_terms(
        "en",
        &body("If a customer complains about an order, answer the customer within a day."),
    );
    assert!(found.iter().any(|f| f.contains("Art. 11")), "{found:#?}");
}

#[test]
fn for_any_reason_counts_against_art_3_1_c_only_about_a_suspension() {
    let waiver = "## Fees {#fees}\n\nThe seller waives any objection to an invoice for any reason or no reason after 60 days.\n\n";
    let found = seller_terms(
        "en",
        &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{MEDIATE}{waiver}"),
    );
    assert!(
        !found.iter().any(|f| f.contains("Art. 3(1)(c)")),
        "{found:#?}"
    );
    let remove =
        "## Listings {#listings}\n\nWe may remove any listing for any reason or no reason.\n\n";
    let found = seller_terms(
        "en",
        &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{MEDIATE}{remove}"),
    );
    assert!(
        found.iter().any(|f| f.contains("Art. 3(1)(c)")),
        "{found:#?}"
    );
}

#[test]
fn mediators_listed_on_a_linked_page_are_named() {
    let linked = "## Mediation {#mediation}\n\nThe list of independent mediators we engage with is available at [our mediation page](https://shop.example/mediators).\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{linked}"));
    assert!(found.is_empty(), "{found:#?}");
    for near in [
        "## Mediation {#mediation}\n\nWe do not use mediators; see [the courts](https://shop.example/courts).\n",
        "## Mediation {#mediation}\n\nOur mediator is the North Mediation House. More information is [here](https://shop.example/mediation).\n",
    ] {
        let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{near}"));
        assert!(
            found.iter().any(|f| f.contains("two mediators")),
            "{near}: {found:#?}"
        );
    }
}

#[test]
fn an_enumerated_power_inherits_its_lead_in_condition_and_upon_an_event_is_one() {
    for extra in [
        "If an event of default occurs, we may at our option: (i) suspend the contract under Section 8.3; (ii) terminate the contract with immediate effect under Section 8.4; or (iii) go to court.",
        "We may terminate the contract with immediate effect upon transfer of the seller's business.",
    ] {
        let termination = format!(
            "## Termination {{#termination}}\n\nWe terminate a seller's contract with 30 days' notice. {extra}\n\n"
        );
        let found = seller_terms(
            "en",
            &format!("{CHANGES}{SUSPEND}{termination}{INTERNAL}{MEDIATE}"),
        );
        assert!(
            !found.iter().any(|f| f.contains("Art. 4(1)")),
            "{extra}: {found:#?}"
        );
    }
    // Without a lead-in condition the enumerated power is the rule; upon notice is a manner.
    for extra in [
        "We may at our option: (i) suspend the contract; (ii) terminate the contract with immediate effect.",
        "We may terminate the contract with immediate effect upon written notice.",
    ] {
        let termination = format!(
            "## Termination {{#termination}}\n\nWe terminate a seller's contract with 30 days' notice. {extra}\n\n"
        );
        let found = seller_terms(
            "en",
            &format!("{CHANGES}{SUSPEND}{termination}{INTERNAL}{MEDIATE}"),
        );
        assert!(
            found.iter().any(|f| f.contains("Art. 4(1)")),
            "{extra}: {found:#?}"
        );
    }
}

#[test]
fn an_event_that_entitles_to_terminate_at_once_is_a_ground() {
    let de = "## Kündigung {#termination}\n\nDer Anbieter kann den Vertrag jederzeit mit einer Frist von 30 Tagen kündigen. Der Widerruf der Einzugsermächtigung berechtigt den Anbieter zur fristlosen Kündigung.\n\n";
    let found = findings(
        "terms",
        "p2b",
        "de",
        &version("terms", "Terms of Service", "de", "sellers", de),
    );
    assert!(!found.iter().any(|f| f.contains("Art. 4(1)")), "{found:#?}");
    let de = "## Kündigung {#termination}\n\nDer Anbieter kann den Vertrag jederzeit mit einer Frist von 30 Tagen kündigen. Der Anbieter ist jederzeit zur fristlosen Kündigung berechtigt.\n\n";
    let found = findings(
        "terms",
        "p2b",
        "de",
        &version("terms", "Terms of Service", "de", "sellers", de),
    );
    assert!(found.iter().any(|f| f.contains("Art. 4(1)")), "{found:#?}");
}

#[test]
fn mediators_enumerated_in_plain_paragraphs_are_named() {
    let pdf = "## Mediation {#mediation}\n\nWe will engage one of the following mediation service providers to mediate such\n\ndispute:\n\ni. North Mediation House, 1 Harbour Street\n\nPort Town\n\nii. South Trade Mediation Office, 2 Hill Road\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{pdf}"));
    assert!(found.is_empty(), "{found:#?}");
    for near in [
        "## Mediation {#mediation}\n\nWe will engage the following mediation service provider:\n\ni. North Mediation House, 1 Harbour Street\n",
        "## Mediation {#mediation}\n\nWe do not offer mediation. We may immediately:\n\n(a) suspend the account\n\n(b) close the shop\n",
    ] {
        let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{near}"));
        assert!(
            found.iter().any(|f| f.contains("two mediators")),
            "{near}: {found:#?}"
        );
    }
}

/// Seller terms in French with every P2B clause but the mediators, then `mediation`.
fn french_seller_terms(mediation: &str) -> Vec<String> {
    let body = format!(
        "## Modifications {{#modifications}}\n\nNous informons les vendeurs de toute modification au moins 15 jours avant qu'elle s'applique.\n\n## Suspension {{#suspension}}\n\nNous pouvons suspendre ou résilier un compte pour les motifs énumérés ci-dessous, et nous en donnons les raisons au vendeur.\n\n## Résiliation {{#resiliation}}\n\nNous résilions le contrat d'un vendeur avec un préavis de 30 jours.\n\n## Réclamations {{#reclamations}}\n\nLes vendeurs déposent leurs réclamations par le formulaire de leur espace ; nous répondons sous 10 jours.\n\n{mediation}"
    );
    seller_terms("fr", &body)
}

pub(crate) fn names_two_mediators(found: &[String]) -> bool {
    !found.iter().any(|f| f.contains("two mediators"))
}

#[test]
fn an_entry_of_a_linked_table_of_contents_names_no_mediator() {
    for contents in [
        "## Sommaire {#sommaire}\n\n- [Objet](#objet)\n- [Commandes](#commandes)\n- [Médiation et médiateurs](#mediation)\n\n",
        "## Sommaire {#sommaire}\n\n| Article | Titre |\n|---|---|\n| 1 | [Objet](#objet) |\n| 12 | [Médiation et médiateurs](https://boutique.example/cgv#mediation) |\n\n",
    ] {
        let mediation = format!(
            "{contents}## Objet {{#objet}}\n\nLes présentes conditions lient les vendeurs.\n\n## Commandes {{#commandes}}\n\nLes commandes sont fermes.\n\n## Médiation {{#mediation}}\n\nTout litige relève des tribunaux de Lyon.\n"
        );
        let found = french_seller_terms(&mediation);
        assert!(!names_two_mediators(&found), "{contents}: {found:#?}");
    }
    // A link to the page that lists them is evidence.
    let linked = "## Médiation {#mediation}\n\nLa liste des médiateurs auxquels nous faisons appel figure sur [notre page](https://boutique.example/mediateurs).\n";
    assert!(names_two_mediators(&french_seller_terms(linked)));
}

#[test]
fn mediators_a_sentence_designates_by_name_are_named() {
    for mediation in [
        "## Médiation {#mediation}\n\nNous désignons les médiateurs suivants pour tout litige avec un vendeur : le Centre de médiation des commerçants de Lyon (CMCL) et l'Office européen de médiation commerciale (OEMC).\n",
        "## Médiation {#mediation}\n\nPour les litiges avec nos vendeurs, nous avons désigné deux organismes de médiation : l'Association Rhône Médiation ; la Chambre arbitrale du Sud-Ouest.\n",
    ] {
        let found = french_seller_terms(mediation);
        assert!(names_two_mediators(&found), "{mediation}: {found:#?}");
    }
    let german = "## Mediation {#mediation}\n\nWir benennen folgende Mediatoren: die Schlichtungsstelle Handel Nord und das Zentrum für Wirtschaftsmediation Süd.\n";
    let found = seller_terms("de", german);
    assert!(names_two_mediators(&found), "{found:#?}");
    let english = "## Mediation {#mediation}\n\nFor disputes with sellers we designate the following mediation bodies: the North Mediation House and the South Trade Mediation Office.\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{english}"));
    assert!(found.is_empty(), "{found:#?}");
    // Near misses: a designation denied, one body named, and a promise to name mediators
    // whose nouns are capitalised (German) but which names none.
    let promise = "## Mediation {#mediation}\n\nDie Gesellschaft wird auf Wunsch des Anbieters Mediatoren, mit denen die Gesellschaft zusammenarbeitet, benennen, um Streitigkeiten beizulegen.\n";
    let found = seller_terms("de", promise);
    assert!(!names_two_mediators(&found), "{found:#?}");
    for near in [
        "## Médiation {#mediation}\n\nNous ne désignons aucun médiateur : les litiges relèvent du Tribunal de commerce de Paris et de la Cour d'appel de Paris.\n",
        "## Médiation {#mediation}\n\nNous désignons comme médiateur le Centre de médiation des commerçants de Lyon.\n",
    ] {
        let found = french_seller_terms(near);
        assert!(!names_two_mediators(&found), "{near}: {found:#?}");
    }
}

#[test]
fn a_heading_names_the_topic_and_only_sentences_are_evidence() {
    // The heading promises human decisions; its only sentence speaks of sorting.
    let en = "## Decisions taken by humans {#decisions}\n\nAutomatic software files each complaint under a topic.\n\n";
    let found = complaints("en", &format!("{HOW}{en}{WINDOW}{COURT}"));
    assert!(cites(&found, "DSA Art. 20(6)"), "{found:#?}");
    let fr = "## Examen humain {#decisions}\n\nUn logiciel automatique classe chaque réclamation par thème.\n\n";
    let found = complaints("fr", fr);
    assert!(cites(&found, "DSA Art. 20(6)"), "{found:#?}");
    // P2B: a heading that states the notice period is no notice period.
    let end = "## Termination with 30 days' notice {#termination}\n\nWe may end a seller's contract by writing to the seller.\n\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{end}{INTERNAL}{MEDIATE}"));
    assert!(found.iter().any(|f| f.contains("Art. 4(1)")), "{found:#?}");
    // Near misses: the same headings over sentences that say it.
    let en = "## Decisions taken by humans {#decisions}\n\nAutomatic software files each complaint under a topic, and a member of staff decides it.\n\n";
    let found = complaints("en", &format!("{HOW}{en}{WINDOW}{COURT}"));
    assert!(!cites(&found, "DSA Art. 20(6)"), "{found:#?}");
    let end = "## Termination with 30 days' notice {#termination}\n\nWe may end a seller's contract by writing to the seller 30 days ahead.\n\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{end}{INTERNAL}{MEDIATE}"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_sentence_that_no_person_decides_contradicts_one_that_staff_do() {
    // DECIDED says a member of staff takes every decision; another clause says the opposite.
    for (lang, opposite) in [
        (
            "en",
            "## Screening {#screening}\n\nOur software settles complaints. No human review takes place.\n\n",
        ),
        (
            "en",
            "## Screening {#screening}\n\nNo member of staff reads complaints: each is settled by our automated system alone.\n\n",
        ),
        (
            "en",
            "## Screening {#screening}\n\nComplaints are settled by software. Human review is not available.\n\n",
        ),
    ] {
        let found = complaints(lang, &format!("{HOW}{DECIDED}{opposite}{WINDOW}{COURT}"));
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("DSA Art. 20(6)") && f.contains("says the opposite")),
            "{opposite}: {found:#?}"
        );
    }
    let fr = "## Décisions {#decisions}\n\nDes outils automatisés trient les réclamations et un membre du personnel humain décide.\n\n## Tri {#tri}\n\nIl n'y a aucun examen humain des réclamations.\n\n";
    assert!(cites(&complaints("fr", fr), "DSA Art. 20(6)"));
    let de = "## Entscheidungen {#decisions}\n\nAutomatisierte Werkzeuge sortieren Beschwerden; eine menschliche Prüfung folgt immer.\n\n## Sortierung {#sort}\n\nKein Mitarbeiter prüft die Beschwerden.\n\n";
    assert!(cites(&complaints("de", de), "DSA Art. 20(6)"));
    // Near misses: the same words negated say that people decide.
    for near in [
        "## Screening {#screening}\n\nNo complaint is settled without human review.\n\n",
        "## Screening {#screening}\n\nComplaints are never settled solely by automated means.\n\n",
    ] {
        let found = complaints("en", &format!("{HOW}{DECIDED}{near}{WINDOW}{COURT}"));
        assert!(!cites(&found, "DSA Art. 20(6)"), "{near}: {found:#?}");
    }
    let fr = "## Décisions {#decisions}\n\nDes outils automatisés trient les réclamations et un membre du personnel humain décide.\n\n## Tri {#tri}\n\nAucune décision n'est prise sans intervention humaine.\n\n";
    assert!(!cites(&complaints("fr", fr), "DSA Art. 20(6)"));
}

#[test]
fn mediators_named_before_a_wording_that_calls_them_mediators_are_named() {
    let fr = "## Litiges {#litiges}\n\nLe vendeur peut porter un différend devant l'Office rhodanien (ORM, Lyon) ou la Chambre du Sud-Ouest, que nous reconnaissons comme médiateurs.\n";
    assert!(names_two_mediators(&french_seller_terms(fr)));
    let en = "## Disputes {#disputes}\n\nSellers may bring a dispute to the North Mediation House (Leeds) or the South Trade Office, which we accept as mediators.\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{en}"));
    assert!(found.is_empty(), "{found:#?}");
    let de = "## Streitigkeiten {#streit}\n\nHändler können die NMH oder die STO anrufen, die wir als Mediatoren anerkennen.\n";
    assert!(names_two_mediators(&seller_terms("de", de)));
    // Near misses: one body named, and bodies the sentence refuses as mediators.
    for near in [
        "## Litiges {#litiges}\n\nLe vendeur peut porter un différend devant l'Office rhodanien (ORM, Lyon), que nous reconnaissons comme médiateurs.\n",
        "## Litiges {#litiges}\n\nLe vendeur peut saisir l'Office rhodanien ou la Chambre du Sud-Ouest, que nous ne reconnaissons pas comme médiateurs.\n",
    ] {
        let found = french_seller_terms(near);
        assert!(!names_two_mediators(&found), "{near}: {found:#?}");
    }
}

/// Compliance and front-matter findings of a document whose `v1.en.md` is `v1` and, when
/// given, `v2.en.md` is `v2`.
fn two_versions(v1: &str, v2: Option<&str>) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        site("complaints", "dsa", "en"),
    )
    .unwrap();
    let doc = dir.path().join("complaints");
    std::fs::create_dir(&doc).unwrap();
    std::fs::write(doc.join("v1.en.md"), v1).unwrap();
    if let Some(v2) = v2 {
        std::fs::write(doc.join("v2.en.md"), v2).unwrap();
    }
    let (set, mut diagnostics) = load(dir.path()).unwrap();
    diagnostics.extend(davar_obligation::checks(&set, date(2026, 3, 1), None));
    diagnostics
        .iter()
        .filter(|d| d.code.starts_with("compliance") || d.code == "front-matter")
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

#[test]
fn a_version_that_cannot_be_read_leaves_the_one_before_unjudged() {
    // v1 keeps appeals open 10 days; v2 fixes it but misspells a front-matter key.
    let v1 = version(
        "complaints",
        "Complaints Policy",
        "en",
        "consumers",
        &format!(
            "{HOW}{DECIDED}## Time limit {{#time-limit}}\n\nYou can complain for 10 days after we notify you of a decision.\n\n{COURT}"
        ),
    );
    let v2 = version(
        "complaints",
        "Complaints Policy",
        "en",
        "consumers",
        &format!("{HOW}{DECIDED}{WINDOW}{COURT}"),
    )
    .replace("version: 1", "version: 2")
    .replace("published: 2026-01-01", "publishd: 2026-02-01")
    .replace("effective: 2026-01-01", "effective: 2026-02-01");
    let found = two_versions(&v1, Some(&v2));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("front-matter"), "{found:#?}");
    // Near miss: without the second file, the first is the version in force and is judged.
    let found = two_versions(&v1, None);
    assert!(
        found
            .iter()
            .any(|f| f.contains("open for at least six months")),
        "{found:#?}"
    );
}

#[test]
fn german_grounds_count_in_the_zu_infinitive_under_any_heading() {
    let grounds = "## 7. Maßnahmen {#massnahmen}\n\nWir sind berechtigt, die Leistungen aus wichtigem Grund einzuschränken oder auszusetzen und den Vertrag zu kündigen.\n";
    let found = seller_terms("de", grounds);
    assert!(
        !found.iter().any(|f| f.contains("Art. 3(1)(c)")),
        "{found:#?}"
    );
    // Near miss: the heading names the measures, the sentence gives no ground.
    let heading =
        "## 7. Einschränkung oder Aussetzung {#massnahmen}\n\nWir können den Vertrag kündigen.\n";
    let found = seller_terms("de", heading);
    assert!(
        found.iter().any(|f| f.contains("Art. 3(1)(c)")),
        "{found:#?}"
    );
}

/// Whether a finding cites `cite` and quotes a sentence that says the opposite.
fn quotes_opposite(found: &[String], cite: &str) -> bool {
    found
        .iter()
        .any(|f| f.starts_with(&format!("{cite}:")) && f.contains("says the opposite"))
}

#[test]
fn two_negations_affirm_that_people_decide() {
    for (lang, decided) in [
        (
            "en",
            "## Decisions {#decisions}\n\nAn automated tool ranks incoming complaints, but no complaint is ever closed without human review.\n\n",
        ),
        (
            "en",
            "## Decisions {#decisions}\n\nAutomated ranking helps us. We never settle a complaint by automated means alone; an employee approves each outcome.\n\n",
        ),
        (
            "en",
            "## Decisions {#decisions}\n\nAutomated ranking helps us, but we close no complaint without a person.\n\n",
        ),
        (
            "fr",
            "## Décisions {#decisions}\n\nUn outil automatisé classe les réclamations. Aucune réclamation n'est close sans examen humain.\n\n",
        ),
        (
            "de",
            "## Entscheidungen {#decisions}\n\nEin automatisiertes Werkzeug ordnet Beschwerden. Keine Beschwerde wird ohne menschliche Überprüfung abgeschlossen.\n\n",
        ),
        (
            "fa",
            "## تصمیم‌ها {#decisions}\n\nابزارهای خودکار شکایت‌ها را مرتب می‌کنند، اما هیچ شکایتی بدون بررسی انسانی بسته نمی‌شود.\n\n",
        ),
    ] {
        let found = complaints(lang, decided);
        assert!(!cites(&found, "DSA Art. 20(6)"), "{decided}: {found:#?}");
    }
    // Near misses: one negation denies the review.
    for (lang, decided) in [
        (
            "en",
            "## Decisions {#decisions}\n\nAn automated tool ranks incoming complaints and closes them without human review.\n\n",
        ),
        (
            "fr",
            "## Décisions {#decisions}\n\nUn outil automatisé classe les réclamations et les clôt sans examen humain.\n\n",
        ),
        (
            "de",
            "## Entscheidungen {#decisions}\n\nEin automatisiertes Werkzeug schließt Beschwerden ohne menschliche Überprüfung ab.\n\n",
        ),
        (
            "fa",
            "## تصمیم‌ها {#decisions}\n\nابزارهای خودکار شکایت‌ها را بدون بررسی انسانی می‌بندند.\n\n",
        ),
    ] {
        let found = complaints(lang, decided);
        assert!(cites(&found, "DSA Art. 20(6)"), "{decided}: {found:#?}");
    }
}

#[test]
fn a_program_deciding_alone_or_a_person_denied_contradicts_staff_deciding() {
    const DECIDED_FR: &str = "## Décisions {#decisions}\n\nDes outils automatisés trient les réclamations et un membre du personnel humain décide.\n\n";
    const DECIDED_DE: &str = "## Entscheidungen {#decisions}\n\nAutomatisierte Werkzeuge sortieren Beschwerden; eine menschliche Prüfung folgt immer.\n\n";
    const DECIDED_FA: &str = "## تصمیم‌ها {#decisions}\n\nابزارهای خودکار شکایت‌ها را مرتب می‌کنند و کارشناس انسانی تصمیم می‌گیرد.\n\n";
    for (lang, first, opposite) in [
        (
            "en",
            DECIDED,
            "Complaints are closed by the algorithm alone.",
        ),
        (
            "en",
            DECIDED,
            "Our ranking program settles every complaint without anyone reading it.",
        ),
        (
            "en",
            DECIDED,
            "A complaint is assessed by a bot and never reaches our moderators.",
        ),
        (
            "fr",
            DECIDED_FR,
            "Seul l'algorithme tranche les réclamations.",
        ),
        (
            "fr",
            DECIDED_FR,
            "Les réclamations sont closes sans qu'un modérateur les examine.",
        ),
        (
            "de",
            DECIDED_DE,
            "Beschwerden bearbeitet ausschließlich ein Algorithmus.",
        ),
        (
            "de",
            DECIDED_DE,
            "Niemand aus unserem Team sieht Ihre Beschwerde.",
        ),
        (
            "de",
            DECIDED_DE,
            "Eine Kontrolle durch Mitarbeiter findet nicht statt.",
        ),
        (
            "fa",
            DECIDED_FA,
            "تصمیم درباره شکایت فقط توسط نرم‌افزار گرفته می‌شود.",
        ),
    ] {
        let body = format!("{first}## Tri {{#sorting}}\n\n{opposite}\n\n");
        let found = complaints(lang, &body);
        assert!(
            quotes_opposite(&found, "DSA Art. 20(6)"),
            "{opposite}: {found:#?}"
        );
    }
    // Near misses: the same words negated, or a program that only sorts.
    for (lang, first, near) in [
        (
            "en",
            DECIDED,
            "Our software alone cannot close a complaint; an employee decides.",
        ),
        (
            "en",
            DECIDED,
            "Only our staff decide; the software merely sorts complaints.",
        ),
        ("en", DECIDED, "Nobody pays for a complaint."),
        (
            "fr",
            DECIDED_FR,
            "Aucune réclamation n'est tranchée par le seul logiciel.",
        ),
        (
            "de",
            DECIDED_DE,
            "Keine Beschwerde wird allein durch Software entschieden.",
        ),
        (
            "fa",
            DECIDED_FA,
            "هیچ تصمیمی فقط توسط نرم‌افزار گرفته نمی‌شود.",
        ),
    ] {
        let body = format!("{first}## Tri {{#sorting}}\n\n{near}\n\n");
        let found = complaints(lang, &body);
        assert!(!cites(&found, "DSA Art. 20(6)"), "{near}: {found:#?}");
    }
}

#[test]
fn a_fee_for_complaints_or_free_denied_contradicts_free_of_charge() {
    const FREE: &[(&str, &str)] = &[
        (
            "en",
            "## How to complain {#how}\n\nUse the online form; complaints are free of charge and handled electronically.",
        ),
        (
            "fr",
            "## Réclamer {#how}\n\nUtilisez le formulaire en ligne ; la réclamation est gratuite et se fait par voie électronique.",
        ),
        (
            "de",
            "## Beschwerde {#how}\n\nNutzen Sie das Online-Formular; die Beschwerde ist kostenlos und erfolgt elektronisch.",
        ),
        (
            "fa",
            "## شکایت {#how}\n\nاز فرم برخط استفاده کنید؛ ثبت شکایت رایگان است و به صورت الکترونیکی انجام می‌شود.",
        ),
    ];
    let free = |lang: &str| FREE.iter().find(|(l, _)| *l == lang).unwrap().1;
    for (lang, opposite) in [
        ("en", "A processing fee of £4 applies to each complaint."),
        ("en", "Complaints from business users are not free."),
        ("fr", "Chaque réclamation est facturée 4 €."),
        ("fr", "Le dépôt d'une réclamation n'est pas gratuit."),
        ("de", "Für jede Beschwerde fällt ein Entgelt von 4 Euro an."),
        ("de", "Eine Beschwerde ist nicht unentgeltlich."),
        ("fa", "ثبت شکایت برای فروشندگان رایگان نیست."),
        ("fa", "برای هر شکایت ۳ یورو کارمزد دریافت می‌شود."),
        // A charge with an amount, and words that themselves say a complaint costs money.
        (
            "en",
            "An administrative charge of GBP 3 applies to every appeal.",
        ),
        ("en", "Appeals against a listing decision are chargeable."),
        ("en", "Each complaint is subject to a handling fee."),
        ("fr", "Les contestations d'une décision sont payantes."),
        (
            "fr",
            "Toute réclamation donne lieu à des frais de traitement.",
        ),
        ("de", "Einsprüche gegen eine Sperre sind gebührenpflichtig."),
        (
            "de",
            "Für jede Beschwerde fällt eine Bearbeitungsgebühr an.",
        ),
        ("fa", "ثبت اعتراض به تصمیم‌ها هزینه دارد."),
        ("fa", "هر شکایت مشمول کارمزد است."),
    ] {
        let found = complaints(lang, &format!("{} {opposite}\n\n", free(lang)));
        assert!(
            quotes_opposite(&found, "DSA Art. 20(1)"),
            "{opposite}: {found:#?}"
        );
    }
    // Near misses: fees for something else, or a denied fee.
    for (lang, near) in [
        (
            "en",
            "Sellers pay a listing fee of EUR 2 per item; shipping costs 4 euros.",
        ),
        ("en", "We never charge a fee of any kind for a complaint."),
        ("fr", "La livraison coûte 5 €."),
        (
            "de",
            "Der Versand kostet 5 Euro; die Beschwerde bleibt gebührenfrei.",
        ),
        ("fa", "هزینه ارسال ۵ یورو است."),
        // Charging words about something else, denied, or beside complaints said to be free.
        ("en", "Express delivery is subject to a charge."),
        (
            "en",
            "Complaints cost nothing, and sellers' listings are chargeable; complaints are free.",
        ),
        (
            "en",
            "Complaints are free of charge, but listing fees apply to sellers.",
        ),
        ("fr", "La livraison express est payante."),
        ("fr", "Aucun frais n'est facturé pour une réclamation."),
        ("de", "Die Rücksendung ist kostenpflichtig."),
        ("de", "Für Beschwerden erheben wir keine Gebühr."),
        ("fa", "ارسال سفارش هزینه دارد."),
        ("fa", "ثبت شکایت هزینه‌ای ندارد."),
    ] {
        let found = complaints(lang, &format!("{} {near}\n\n", free(lang)));
        assert!(
            !found
                .iter()
                .any(|f| f.contains("free of charge") || f.contains("says the opposite")),
            "{near}: {found:#?}"
        );
    }
}

#[test]
fn complaints_closed_before_six_months_contradict_the_window() {
    const SIX: &[(&str, &str)] = &[
        (
            "en",
            "You can complain for six months after we notify you of a decision.",
        ),
        (
            "fr",
            "Vous pouvez contester une décision pendant six mois après sa notification.",
        ),
        (
            "de",
            "Sie können sich sechs Monate lang nach der Mitteilung einer Entscheidung beschweren.",
        ),
        ("fa", "می‌توانید تا ۶ ماه پس از اعلام تصمیم اعتراض کنید."),
    ];
    let six = |lang: &str| SIX.iter().find(|(l, _)| *l == lang).unwrap().1;
    let window = "## Time limit {#time-limit}\n\n";
    let short = |found: &[String]| {
        found
            .iter()
            .any(|f| f.contains("open for at least six months") && f.contains("says the opposite"))
    };
    for (lang, opposite) in [
        (
            "en",
            "A decision can no longer be contested once 45 days have passed.",
        ),
        ("en", "Appeals are time-barred 60 days after the decision."),
        (
            "en",
            "After we have notified a decision, no further complaint against it is accepted.",
        ),
        (
            "fr",
            "Passé 45 jours après la décision, la réclamation est irrecevable.",
        ),
        (
            "de",
            "Einsprüche gegen eine Entscheidung sind nach 45 Tagen unzulässig.",
        ),
        ("fa", "پس از ۳۰ روز از ابلاغ تصمیم، اعتراض پذیرفته نمی‌شود."),
        (
            "en",
            "You cannot appeal against a listing decision more than three weeks after it.",
        ),
        (
            "en",
            "Appeals sent to us later than ten days after the notice of the decision are refused.",
        ),
        (
            "en",
            "Appeals must be submitted within 21 days of the decision.",
        ),
        (
            "en",
            "You may only lodge a complaint about a decision within one month.",
        ),
        (
            "fr",
            "Le recours doit être formé au plus tard vingt jours après la notification de la décision.",
        ),
        (
            "de",
            "Ein Widerspruch ist nur binnen drei Wochen nach Bekanntgabe der Entscheidung zulässig.",
        ),
        (
            "fa",
            "اعتراض به تصمیم را حداکثر ظرف ۱۰ روز پس از ابلاغ ثبت کنید.",
        ),
    ] {
        let found = complaints(lang, &format!("{window}{} {opposite}\n\n", six(lang)));
        assert!(short(&found), "{opposite}: {found:#?}");
    }
    // Near misses: the sentence states six months, or rejects complaints on other grounds.
    for (lang, near) in [
        (
            "en",
            "Complaints about a decision are possible for six months; later complaints are rejected.",
        ),
        (
            "en",
            "Complaints that are abusive are rejected, and we tell you of the decision.",
        ),
        (
            "de",
            "Nach Ablauf von sechs Monaten nach der Entscheidung sind Beschwerden ausgeschlossen.",
        ),
        (
            "en",
            "Complaints made later than 14 days after delivery are rejected.",
        ),
        (
            "fr",
            "Une réclamation n'est plus recevable 30 jours après la livraison.",
        ),
        // The platform's own deadline, or a time limit for something other than a complaint.
        (
            "en",
            "We decide each appeal within 10 days of receiving it and tell you the decision.",
        ),
        (
            "en",
            "You must submit your invoice within 14 days of the decision.",
        ),
        ("en", "Returns are accepted within 14 days of delivery."),
        (
            "de",
            "Wir entscheiden über Beschwerden innerhalb von 14 Tagen nach Eingang.",
        ),
        (
            "fr",
            "Nous traitons les recours dans un délai de 15 jours après leur réception.",
        ),
        (
            "fa",
            "به اعتراض‌ها ظرف ۱۴ روز رسیدگی می‌کنیم و تصمیم را اعلام می‌کنیم.",
        ),
    ] {
        let found = complaints(lang, &format!("{window}{} {near}\n\n", six(lang)));
        assert!(
            !found
                .iter()
                .any(|f| f.contains("open for at least six months")),
            "{near}: {found:#?}"
        );
    }
}

#[test]
fn the_opposite_is_quoted_as_written() {
    let found = complaints(
        "fa",
        "## شکایت {#how}\n\nاز فرم برخط استفاده کنید؛ ثبت شکایت رایگان است و به صورت الکترونیکی انجام می‌شود. هیچ شکایتی پس از ۳۰ روز از تاریخ تصمیم پذیرفته نمی‌شود.\n\n",
    );
    assert!(
        found
            .iter()
            .any(|f| f.contains("\"هیچ شکایتی پس از ۳۰ روز از تاریخ تصمیم پذیرفته نمی‌شود\"")),
        "{found:#?}"
    );
    let found = complaints(
        "en",
        &format!(
            "{HOW}{DECIDED}{COURT}\n\n## Fees {{#fees}}\n\nA Handling Charge of EUR 5 applies to each Complaint.\n"
        ),
    );
    assert!(
        found
            .iter()
            .any(|f| f.contains("\"A Handling Charge of EUR 5 applies to each Complaint\"")),
        "{found:#?}"
    );
}

#[test]
fn a_person_behind_a_negated_without_meets_art_20_6_and_says_no_opposite() {
    for (lang, decided) in [
        (
            "en",
            "We never decide a complaint without a person reviewing it.",
        ),
        (
            "en",
            "No appeal is closed, without one of our staff reading it first.",
        ),
        (
            "fr",
            "Aucune réclamation n'est rejetée sans qu'un membre du personnel l'ait examinée.",
        ),
        (
            "de",
            "Keine Beschwerde wird abgelehnt, ohne dass ein Mitarbeiter sie geprüft hat.",
        ),
        ("fa", "هیچ شکایتی بدون اینکه کارشناس آن را ببیند رد نمی‌شود."),
        (
            "fa",
            "هیچ شکایتی، بدون اینکه کارشناس آن را بررسی کند، رد نمی‌شود.",
        ),
    ] {
        let body = format!("## Decisions {{#decisions}}\n\n{decided}\n\n");
        let found = complaints(lang, &body);
        assert!(!cites(&found, "DSA Art. 20(6)"), "{decided}: {found:#?}");
    }
    // Near misses: the same "without" alone denies the person, and says the opposite.
    for (lang, decided) in [
        (
            "en",
            "We decide complaints without a person reviewing them.",
        ),
        (
            "fr",
            "Les réclamations sont rejetées sans qu'un membre du personnel les examine.",
        ),
        (
            "de",
            "Beschwerden werden abgelehnt, ohne dass ein Mitarbeiter sie geprüft hat.",
        ),
        (
            "fa",
            "شکایت‌ها بدون اینکه کارشناس آن‌ها را بررسی کند رد می‌شوند.",
        ),
        (
            "fa",
            "شکایت‌ها، بدون اینکه کارشناس آن‌ها را بررسی کند، رد می‌شوند.",
        ),
    ] {
        let body = format!("## Decisions {{#decisions}}\n\n{decided}\n\n");
        let found = complaints(lang, &body);
        assert!(cites(&found, "DSA Art. 20(6)"), "{decided}: {found:#?}");
    }
}

#[test]
fn a_complaint_that_requires_a_payment_is_not_free_of_charge() {
    const FREE: &[(&str, &str)] = &[
        (
            "en",
            "## How to complain {#how}\n\nUse the online form; complaints are free of charge and handled electronically.",
        ),
        (
            "fr",
            "## Réclamer {#how}\n\nUtilisez le formulaire en ligne ; la réclamation est gratuite et se fait par voie électronique.",
        ),
        (
            "de",
            "## Beschwerde {#how}\n\nNutzen Sie das Online-Formular; die Beschwerde ist kostenlos und erfolgt elektronisch.",
        ),
        (
            "fa",
            "## شکایت {#how}\n\nاز فرم برخط استفاده کنید؛ ثبت شکایت رایگان است و به صورت الکترونیکی انجام می‌شود.",
        ),
    ];
    let free = |lang: &str| FREE.iter().find(|(l, _)| *l == lang).unwrap().1;
    for (lang, opposite) in [
        ("fa", "ثبت شکایت مستلزم پرداخت ۵۰ هزار تومان است."),
        ("fa", "بررسی اعتراض منوط به پرداخت هزینهٔ کارشناسی است."),
        ("fa", "برای هر شکایت باید ۲۰٬۰۰۰ تومان بپردازید."),
        ("en", "Lodging a complaint requires payment of a deposit."),
        (
            "fr",
            "L'examen d'une réclamation est subordonné au paiement d'une avance.",
        ),
        (
            "de",
            "Die Bearbeitung einer Beschwerde setzt die Zahlung einer Pauschale voraus.",
        ),
    ] {
        let found = complaints(lang, &format!("{} {opposite}\n\n", free(lang)));
        assert!(
            quotes_opposite(&found, "DSA Art. 20(1)"),
            "{opposite}: {found:#?}"
        );
    }
    // Near misses: a payment for something else, or denied.
    for (lang, near) in [
        ("fa", "ارسال سفارش مستلزم پرداخت ۵۰ هزار تومان است."),
        ("fa", "ثبت شکایت مستلزم پرداخت هیچ مبلغی نیست."),
        ("en", "Express delivery requires payment in advance."),
        (
            "fr",
            "La livraison express est subordonnée au paiement d'un supplément.",
        ),
        (
            "de",
            "Eine Beschwerde setzt keine Zahlung voraus und bleibt kostenlos.",
        ),
    ] {
        let found = complaints(lang, &format!("{} {near}\n\n", free(lang)));
        assert!(
            !found
                .iter()
                .any(|f| f.contains("free of charge") || f.contains("says the opposite")),
            "{near}: {found:#?}"
        );
    }
}

/// Whether a finding says that complaints must be free of charge and made electronically.
fn asks_free(found: &[String]) -> bool {
    found
        .iter()
        .any(|f| f.contains("free of charge and made electronically"))
}

#[test]
fn a_fee_denied_and_a_named_channel_say_complaints_are_free_and_electronic() {
    for (lang, text) in [
        (
            "en",
            "Send your complaint by e-mail to help@shop.example. There is no fee for a complaint.",
        ),
        (
            "en",
            "File a complaint in the app. We do not charge anything for complaints.",
        ),
        (
            "en",
            "Use the web form in your account; complaints never cost you money.",
        ),
        (
            "fr",
            "Écrivez-nous par courriel. Aucuns frais ne s'appliquent aux réclamations.",
        ),
        (
            "fr",
            "La réclamation, déposée via le formulaire de votre compte, ne vous coûte rien.",
        ),
        (
            "de",
            "Schreiben Sie uns per E-Mail. Für eine Beschwerde entstehen keine Kosten.",
        ),
        ("de", "Die Beschwerde über die App kostet Sie nichts."),
        (
            "fa",
            "شکایت را از طریق رایانامه بفرستید. برای شکایت هیچ کارمزدی گرفته نمی‌شود.",
        ),
    ] {
        let found = complaints(lang, &format!("## Complaints {{#how}}\n\n{text}\n\n"));
        assert!(!asks_free(&found), "{text}: {found:#?}");
    }
    // Near misses: a fee stated, or no channel at all.
    for (lang, text) in [
        (
            "en",
            "Send your complaint by e-mail. We charge a fee of EUR 6 for each complaint.",
        ),
        (
            "en",
            "Complaints are accepted by post only. There is no fee for a complaint.",
        ),
        (
            "de",
            "Schreiben Sie uns per E-Mail. Die Beschwerde kostet Geld.",
        ),
    ] {
        let found = complaints(lang, &format!("## Complaints {{#how}}\n\n{text}\n\n"));
        assert!(asks_free(&found), "{text}: {found:#?}");
    }
}

#[test]
fn free_of_charge_only_for_some_users_or_for_a_while_contradicts_free_of_charge() {
    for (lang, text) in [
        (
            "en",
            "Use the online form. Complaints are free of charge only for verified buyers; everyone else pays a fee.",
        ),
        (
            "en",
            "Use the online form. Complaints are free for the first 7 days after a purchase.",
        ),
        (
            "fr",
            "Utilisez le formulaire en ligne. Les réclamations sont gratuites uniquement pour les abonnés.",
        ),
        (
            "fr",
            "Utilisez le formulaire en ligne. Les réclamations ne sont gratuites que pour les abonnés.",
        ),
        (
            "de",
            "Nutzen Sie das Online-Formular. Beschwerden sind nur für Abonnenten kostenlos.",
        ),
        (
            "fa",
            "از فرم برخط استفاده کنید. ثبت شکایت فقط برای مشترکان رایگان است.",
        ),
    ] {
        let found = complaints(lang, &format!("## Complaints {{#how}}\n\n{text}\n\n"));
        assert!(
            quotes_opposite(&found, "DSA Art. 20(1)"),
            "{text}: {found:#?}"
        );
    }
    for (lang, text) in [
        (
            "en",
            "Use the online form. Complaints are free of charge for all users.",
        ),
        (
            "de",
            "Nutzen Sie das Online-Formular. Beschwerden sind für alle Nutzer kostenlos.",
        ),
    ] {
        let found = complaints(lang, &format!("## Complaints {{#how}}\n\n{text}\n\n"));
        assert!(!asks_free(&found), "{text}: {found:#?}");
    }
}

#[test]
fn a_program_that_sorts_and_a_person_who_decides_meet_art_20_6_and_a_fallback_person_does_not() {
    for (lang, text) in [
        (
            "en",
            "Software groups complaints by topic; a person always takes the decision.",
        ),
        ("en", "Complaints are never settled by a program alone."),
        (
            "en",
            "A member of our team reads every complaint before we answer.",
        ),
        (
            "fr",
            "Un logiciel classe les réclamations ; la décision revient toujours à une personne.",
        ),
        (
            "fr",
            "Aucune réclamation n'est tranchée par un algorithme seul.",
        ),
        (
            "de",
            "Ein Programm ordnet Beschwerden; es entscheidet immer ein Mitarbeiter.",
        ),
        (
            "de",
            "Beschwerden werden nicht allein durch einen Algorithmus entschieden.",
        ),
        (
            "fa",
            "نرم‌افزار شکایت‌ها را مرتب می‌کند و یک کارشناس درباره هر شکایت تصمیم می‌گیرد.",
        ),
    ] {
        let found = complaints(lang, &format!("## Review {{#review}}\n\n{text}\n\n"));
        assert!(!cites(&found, "DSA Art. 20(6)"), "{text}: {found:#?}");
    }
    for (lang, text) in [
        (
            "en",
            "Software sorts complaints. Our staff look at a complaint only when the algorithm cannot settle it.",
        ),
        (
            "en",
            "A human review takes place only on request, for a fee.",
        ),
        (
            "fr",
            "Un membre du personnel n'examine une réclamation que si le logiciel ne peut pas trancher.",
        ),
        (
            "de",
            "Ein Mitarbeiter prüft eine Beschwerde nur, wenn die Software unsicher ist.",
        ),
        (
            "fa",
            "یک کارشناس فقط در صورتی شکایت را بررسی می‌کند که نرم‌افزار نتواند تصمیم بگیرد.",
        ),
    ] {
        let found = complaints(lang, &format!("## Review {{#review}}\n\n{text}\n\n"));
        assert!(
            quotes_opposite(&found, "DSA Art. 20(6)"),
            "{text}: {found:#?}"
        );
    }
    // A person as the condition of the decision is no fallback.
    let text = "Software sorts complaints. A complaint is closed only when a member of staff has reviewed it.";
    let found = complaints("en", &format!("## Review {{#review}}\n\n{text}\n\n"));
    assert!(!cites(&found, "DSA Art. 20(6)"), "{found:#?}");
}

fn p2b_cites(lang: &str, body: &str, cite: &str) -> bool {
    seller_terms(lang, body).iter().any(|f| f.contains(cite))
}

#[test]
fn grounds_given_as_conditions_meet_art_3_1_c() {
    let end =
        "## Termination {#termination}\n\nEither side may end the contract on 45 days' notice.\n\n";
    for (lang, grounds) in [
        (
            "en",
            "We may suspend or restrict a seller's account if the seller lists counterfeit goods.",
        ),
        ("en", "We may block a shop where it repeatedly ships late."),
        (
            "fr",
            "Nous pouvons suspendre le compte d'un vendeur s'il vend des produits contrefaits.",
        ),
        (
            "de",
            "Wir können das Konto eines Verkäufers sperren, falls er gefälschte Waren verkauft.",
        ),
        (
            "fa",
            "در صورت فروش کالای تقلبی، حساب فروشنده را مسدود می‌کنیم.",
        ),
    ] {
        let body = format!("## Suspension {{#suspension}}\n\n{grounds}\n\n{end}");
        assert!(!p2b_cites(lang, &body, "Art. 3(1)(c)"), "{grounds}");
    }
    for grounds in [
        "We may suspend a seller's account at any time, unless the law forbids it.",
        "We will not suspend an account if the seller pays on time.",
    ] {
        let body = format!("## Suspension {{#suspension}}\n\n{grounds}\n\n{end}");
        assert!(p2b_cites("en", &body, "Art. 3(1)(c)"), "{grounds}");
    }
}

#[test]
fn a_notice_period_denied_or_left_to_discretion_is_no_notice() {
    let changes = |lang: &str, text: &str| {
        let heading = match lang {
            "fr" => "Modifications",
            "de" => "Änderungen",
            "fa" => "تغییرات",
            _ => "Changes",
        };
        format!("## {heading} {{#changes}}\n\n{text}\n\n")
    };
    for (lang, text) in [
        (
            "en",
            "We tell sellers of changes at least 15 days before they apply, unless we consider a shorter period appropriate.",
        ),
        (
            "en",
            "We do not tell sellers of changes to these terms 15 days before they apply.",
        ),
        ("en", "We may make changes with less than 15 days' notice."),
        (
            "fr",
            "Nous n'informons pas les vendeurs des modifications 15 jours à l'avance.",
        ),
        (
            "de",
            "Wir informieren Verkäufer über Änderungen nicht 15 Tage im Voraus.",
        ),
        ("fa", "ما تغییرات را ۱۵ روز قبل به فروشندگان اطلاع نمی‌دهیم."),
    ] {
        assert!(p2b_cites(lang, &changes(lang, text), "Art. 3(2)"), "{text}");
    }
    for (lang, text) in [
        (
            "en",
            "Sellers hear of changes no less than 15 days before they apply.",
        ),
        (
            "en",
            "We will not make changes with less than 15 days' notice.",
        ),
        (
            "fr",
            "Les modifications n'entrent en vigueur qu'après un préavis de 15 jours.",
        ),
        (
            "de",
            "Änderungen werden nicht später als 15 Tage vor Inkrafttreten mitgeteilt.",
        ),
        (
            "en",
            "We tell sellers of changes at least 15 days before they apply, unless a shorter period is required by law.",
        ),
    ] {
        assert!(
            !p2b_cites(lang, &changes(lang, text), "Art. 3(2)"),
            "{text}"
        );
    }
    let end = |text: &str| format!("## Termination {{#termination}}\n\n{text}\n\n");
    assert!(p2b_cites(
        "en",
        &end(
            "We terminate a seller's contract with 30 days' notice, or without notice at our discretion."
        ),
        "Art. 4(1)"
    ));
    assert!(!p2b_cites(
        "en",
        &end(
            "We terminate a seller's contract with 30 days' notice, or without notice in case of a serious breach."
        ),
        "Art. 4(1)"
    ));
}

#[test]
fn a_number_of_mediators_is_no_more_than_the_names_after_its_colon() {
    let one = "## Mediation {#mediation}\n\nWe name two mediators: the North Mediation House.\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{one}"));
    assert!(
        found.iter().any(|f| f.contains("two mediators")),
        "{found:#?}"
    );
    let counted =
        "## Mediation {#mediation}\n\nWe name two mediators, listed on our mediation page.\n";
    let found = seller_terms("en", &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}{counted}"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_latest_time_counted_from_the_decision_contradicts_the_six_month_window() {
    const SIX: &[(&str, &str)] = &[
        (
            "en",
            "You can complain about a decision for six months after we notify you of it.",
        ),
        (
            "fr",
            "Vous pouvez contester une décision pendant six mois après sa notification.",
        ),
        (
            "de",
            "Sie können eine Entscheidung sechs Monate lang nach ihrer Mitteilung anfechten.",
        ),
        ("fa", "می‌توانید تا ۶ ماه پس از اعلام تصمیم اعتراض کنید."),
    ];
    let six = |lang: &str| SIX.iter().find(|(l, _)| *l == lang).unwrap().1;
    let short = |lang: &str, sentence: &str| {
        let found = complaints(
            lang,
            &format!(
                "## Time limit {{#time-limit}}\n\n{} {sentence}\n\n",
                six(lang)
            ),
        );
        found
            .iter()
            .any(|f| f.contains("open for at least six months") && f.contains("says the opposite"))
    };
    for (lang, sentence) in [
        (
            "en",
            "A complaint has to reach us no later than one month after the decision.",
        ),
        (
            "en",
            "Please send your complaint within 14 days of the notification.",
        ),
        (
            "en",
            "Objections are accepted up to three weeks after our decision.",
        ),
        (
            "fr",
            "Toute réclamation doit nous parvenir au plus tard un mois après la décision.",
        ),
        (
            "fr",
            "Nous acceptons les contestations dans les 20 jours suivant la notification.",
        ),
        (
            "de",
            "Eine Beschwerde muss uns spätestens einen Monat nach der Entscheidung erreichen.",
        ),
        (
            "de",
            "Wir nehmen Widersprüche binnen zwei Wochen nach der Bekanntgabe an.",
        ),
        (
            "fa",
            "شکایت باید حداکثر یک ماه پس از ابلاغ تصمیم به دست ما برسد.",
        ),
        (
            "fa",
            "اعتراض‌ها ظرف ۲۰ روز از تاریخ اعلام تصمیم بررسی می‌شوند.",
        ),
    ] {
        assert!(short(lang, sentence), "{sentence}");
    }
    // Near misses: six months or more counted from the decision, or a time limit of the
    // platform's own, or one counted from something else.
    for (lang, sentence) in [
        (
            "en",
            "A complaint has to reach us no later than seven months after the decision.",
        ),
        (
            "en",
            "We answer each complaint within 14 days of receiving it and tell you the decision.",
        ),
        (
            "en",
            "Invoices must be paid within 14 days of the notification.",
        ),
        (
            "fr",
            "Toute réclamation doit nous parvenir au plus tard six mois après la décision.",
        ),
        (
            "fr",
            "Nous traitons les réclamations dans un délai de 15 jours après leur réception.",
        ),
        (
            "de",
            "Eine Beschwerde muss uns spätestens sechs Monate nach der Entscheidung erreichen.",
        ),
        (
            "de",
            "Wir entscheiden über Beschwerden innerhalb von 14 Tagen nach Eingang.",
        ),
        (
            "fa",
            "شکایت باید حداکثر ۶ ماه پس از ابلاغ تصمیم به دست ما برسد.",
        ),
        ("fa", "به شکایت‌ها ظرف ۱۴ روز از دریافت رسیدگی می‌کنیم."),
    ] {
        assert!(!short(lang, sentence), "{sentence}");
    }
}

#[test]
fn a_complaint_system_denied_by_a_negative_determiner_fails_art_11() {
    let art_11 = |lang: &str, complaints: &str| {
        let body = format!(
            "{CHANGES}{SUSPEND}{END}## Complaints {{#complaints}}\n\n{complaints}\n\n{MEDIATE}"
        );
        cites(
            &seller_terms(lang, &body),
            "P2B Regulation (EU) 2019/1150 Art. 11",
        )
    };
    // Each text also mentions sellers and complaints elsewhere, which the keywords alone accept.
    for (lang, denied) in [
        (
            "en",
            "We have no internal complaint-handling system. Sellers answer complaints from buyers within two days.",
        ),
        (
            "en",
            "There is no complaints procedure for sellers, who answer complaints from buyers themselves.",
        ),
        (
            "fr",
            "Nous ne disposons d'aucun système interne de traitement des réclamations. Les vendeurs répondent aux réclamations des acheteurs.",
        ),
        (
            "fr",
            "Nul système de gestion des plaintes n'est prévu. Les vendeurs répondent aux plaintes des acheteurs.",
        ),
        (
            "de",
            "Es gibt kein internes Beschwerdemanagementsystem. Verkäufer beantworten Beschwerden von Käufern.",
        ),
        (
            "fa",
            "ما هیچ سامانهٔ داخلی رسیدگی به شکایات نداریم. فروشندگان به شکایت خریداران پاسخ می‌دهند.",
        ),
    ] {
        assert!(art_11(lang, denied), "{denied}");
    }
    for (lang, system) in [
        (
            "en",
            "Sellers can complain through our internal complaint-handling system; no fee is charged.",
        ),
        (
            "fr",
            "Les vendeurs déposent une plainte via notre système interne de traitement des plaintes ; aucun frais n'est demandé.",
        ),
        (
            "de",
            "Verkäufer können sich über unser internes Beschwerdemanagementsystem beschweren; keine Gebühr fällt an.",
        ),
        (
            "fa",
            "فروشندگان از طریق سامانهٔ داخلی رسیدگی به شکایات شکایت ثبت می‌کنند و هیچ هزینه‌ای ندارد.",
        ),
    ] {
        assert!(!art_11(lang, system), "{system}");
    }
}

/// Seller terms whose suspension clause is `grounds` and whose other clauses meet P2B, in
/// `lang`: whether Art. 3(1)(c) is reported.
fn grounds_reported(lang: &str, grounds: &str) -> bool {
    let end = match lang {
        "fr" => {
            "## Résiliation {#termination}\n\nChaque partie peut résilier le contrat avec un préavis de 45 jours.\n\n"
        }
        "de" => {
            "## Kündigung {#termination}\n\nJede Partei kann den Vertrag mit einer Frist von 45 Tagen kündigen.\n\n"
        }
        "fa" => "## فسخ {#termination}\n\nهر طرف می‌تواند قرارداد را با مهلت ۴۵ روزه فسخ کند.\n\n",
        _ => {
            "## Termination {#termination}\n\nEither side may terminate the contract on 45 days' notice.\n\n"
        }
    };
    let body = format!("## Suspension {{#suspension}}\n\n{grounds}\n\n{end}");
    p2b_cites(lang, &body, "Art. 3(1)(c)")
}

#[test]
fn grounds_in_a_clause_about_the_seller_or_a_cause_meet_art_3_1_c() {
    for (lang, grounds) in [
        (
            "en",
            "We may restrict the account of a merchant who offers replica watches.",
        ),
        (
            "en",
            "We may block shops found to relabel used goods as new.",
        ),
        (
            "en",
            "We may suspend vendors in breach of the listing rules.",
        ),
        (
            "en",
            "We may restrict a merchant’s shop for repeated cancellations of paid orders.",
        ),
        (
            "en",
            "Sellers who repeatedly ignore buyer messages may have their accounts suspended.",
        ),
        (
            "fr",
            "Nous pouvons suspendre la boutique d'un marchand qui propose des copies de montres.",
        ),
        (
            "fr",
            "Nous pouvons restreindre un compte en raison d'annulations répétées de commandes payées.",
        ),
        (
            "de",
            "Wir können den Shop eines Händlers, der Nachbildungen von Uhren anbietet, sperren.",
        ),
        (
            "de",
            "Wir können das Konto eines Händlers sperren, der gebrauchte Ware als neu anbietet.",
        ),
        (
            "de",
            "Wir können einen Shop wegen wiederholter Stornierungen bezahlter Bestellungen einschränken.",
        ),
        (
            "fa",
            "فروشگاه فروشنده‌ای که ساعت بدلی عرضه می‌کند را مسدود می‌کنیم.",
        ),
    ] {
        assert!(!grounds_reported(lang, grounds), "{grounds}");
    }
    // Near misses: a length of time, a person addressed, convenience, a list of measures.
    for (lang, grounds) in [
        ("en", "We may suspend a merchant’s shop for 14 days."),
        ("en", "We may terminate the contract for convenience."),
        (
            "en",
            "We will inform the seller that we restricted the account.",
        ),
        (
            "fr",
            "Nous pouvons suspendre une boutique pour une durée de 14 jours.",
        ),
        (
            "de",
            "Wir können den Shop sperren, die Angebote entfernen und den Vertrag kündigen.",
        ),
        ("fa", "فروشگاه را برای ۱۴ روز مسدود می‌کنیم."),
    ] {
        assert!(grounds_reported(lang, grounds), "{grounds}");
    }
}

#[test]
fn grounds_that_are_none_fail_art_3_1_c_unless_real_grounds_are_stated_too() {
    let stated = [
        (
            "en",
            "We may also restrict a shop if it offers replica watches.",
        ),
        (
            "fr",
            "Nous pouvons aussi suspendre une boutique si elle propose des copies de montres.",
        ),
        (
            "de",
            "Wir können einen Shop auch sperren, wenn er gebrauchte Ware als neu anbietet.",
        ),
        (
            "fa",
            "همچنین در صورت عرضهٔ ساعت بدلی، فروشگاه را مسدود می‌کنیم.",
        ),
    ];
    for (lang, none) in [
        (
            "en",
            "At our sole discretion, we may suspend or restrict a shop for any reason or none, on the grounds we choose.",
        ),
        (
            "en",
            "We may suspend or restrict a shop on grounds of our choosing, for any reason whatsoever.",
        ),
        (
            "fr",
            "Nous pouvons suspendre ou restreindre une boutique, pour les motifs de notre choix, pour quelque raison que ce soit.",
        ),
        (
            "fr",
            "Nous pouvons suspendre ou restreindre une boutique sans motif ; les raisons de nos décisions restent confidentielles.",
        ),
        (
            "de",
            "Wir können einen Shop aus beliebigem Grund sperren oder einschränken; die Gründe teilen wir auf Anfrage mit.",
        ),
        (
            "de",
            "Wir können einen Shop ohne Angabe von Gründen sperren oder einschränken.",
        ),
        (
            "fa",
            "فروشگاه را به هر دلیلی مسدود یا محدود می‌کنیم و دلایل را اعلام نمی‌کنیم.",
        ),
    ] {
        assert!(grounds_reported(lang, none), "{none}");
        let also = stated.iter().find(|(l, _)| *l == lang).unwrap().1;
        assert!(
            !grounds_reported(lang, &format!("{none} {also}")),
            "{none} {also}"
        );
    }
    // Near misses of real grounds: grounds in the same sentence as any reason, or for the
    // name of the act rather than the act.
    let none =
        "We may suspend or restrict a shop on grounds of our choosing, for any reason whatsoever.";
    for beside in [
        "We may also restrict a shop if it offers replica watches, or for any reason or none.",
        "Each suspension for breach of the listing rules is announced in the seller centre.",
    ] {
        assert!(
            grounds_reported("en", &format!("{none} {beside}")),
            "{beside}"
        );
    }
}
