//! P2B Art. 12(1), "name at least two mediators", read through the whole check: the names a
//! sentence gives (beside "as mediators", after "our mediators are" or after a colon that
//! announces them) or a number it states satisfy it in each language; one mediator with its
//! address, its town or a description of its panel does not.

use crate::compliance_evidence::{
    CHANGES, END, INTERNAL, SUSPEND, names_two_mediators, seller_terms,
};

/// The findings of English seller terms with every P2B clause and `mediation`.
fn english(mediation: &str) -> Vec<String> {
    seller_terms(
        "en",
        &format!("{CHANGES}{SUSPEND}{END}{INTERNAL}## Mediation {{#mediation}}\n\n{mediation}\n"),
    )
}

/// The findings of seller terms in `lang` holding only `mediation` under a mediation heading.
fn alone(lang: &str, mediation: &str) -> Vec<String> {
    seller_terms(
        lang,
        &format!("## Mediation {{#mediation}}\n\n{mediation}\n"),
    )
}

#[test]
fn two_mediators_named_in_a_sentence_satisfy_article_12() {
    for mediation in [
        "We appoint HMT and NTMO as mediators.",
        "HMT and NTMO act as mediators for disputes with sellers.",
        "HMT (Leeds) and NTMO (Rotterdam) will act as mediators.",
        "Our mediators are HMT and the North Trade Mediation Office.",
        "Sellers may use either of these mediation bodies: HMT, Leeds, and NTMO, Rotterdam.",
    ] {
        let found = english(mediation);
        assert!(found.is_empty(), "{mediation}: {found:#?}");
    }
    for (lang, mediation) in [
        ("fr", "Nous désignons l'ORM et la CAMS comme médiateurs."),
        (
            "fr",
            "Le vendeur peut saisir l'un des deux médiateurs suivants, que nous avons agréés : l'ORM (Lyon) et la CAMS (Bordeaux).",
        ),
        (
            "fr",
            "Nous acceptons la médiation de l'ORM ou de Média-Sud, deux organismes de médiation indépendants.",
        ),
        (
            "de",
            "Als Mediatoren benennen wir die Handelskammer Nord und die SWM.",
        ),
        (
            "de",
            "Wir arbeiten mit folgenden Mediatoren zusammen: SWM, Bremen; Zentrum für Handelsmediation, Leipzig.",
        ),
        // The wording right after the verb, the names after it.
        (
            "de",
            "Wir benennen als Mediatoren die Handelskammer Nord sowie das Zentrum für Schlichtung.",
        ),
        (
            "fr",
            "Nous désignons comme médiateurs l'ORM et l'association Média Sud.",
        ),
        (
            "en",
            "We appoint as our mediators the Harbour Mediation Trust and NTMO.",
        ),
    ] {
        let found = alone(lang, mediation);
        assert!(names_two_mediators(&found), "{mediation}: {found:#?}");
    }
}

#[test]
fn one_mediator_with_its_address_or_panel_does_not_satisfy_article_12() {
    for mediation in [
        "We designate the following mediator: HMT, 12 Dock Road, Leeds.",
        "We designate the following mediator: the Harbour Mediation Trust (HMT) and its panel of Senior Mediators.",
    ] {
        let found = english(mediation);
        assert!(
            found.iter().any(|f| f.contains("two mediators")),
            "{mediation}: {found:#?}"
        );
    }
    for (lang, mediation) in [
        (
            "fr",
            "Nous désignons le médiateur suivant : l'ORM, 4 quai Saint-Vincent, Lyon.",
        ),
        ("de", "Wir benennen folgenden Mediator: SWM, Bremen."),
        (
            "de",
            "Wir benennen folgende Mediatoren: SWM, Bremen, Deutschland.",
        ),
        (
            "fr",
            "Nous ne reconnaissons pas l'ORM et la CAMS comme médiateurs.",
        ),
        (
            "de",
            "Wir benennen als Mediatoren die SWM, Am Wall 3, 28195 Bremen.",
        ),
    ] {
        let found = alone(lang, mediation);
        assert!(!names_two_mediators(&found), "{mediation}: {found:#?}");
    }
}

#[test]
fn a_list_item_that_gives_an_address_belongs_to_the_mediator_before_it() {
    for items in [
        "- HMT\n- 12 Dock Road, Leeds",
        "- HMT\n- 28195 Bremen",
        "- HMT\n- Tel.: +44 113 496 0000\n- info@hmt.example",
        "- HMT\n- [www.hmt.example](https://www.hmt.example)",
        "1. HMT\n2. +44 113 496 0000",
    ] {
        let found = english(&format!(
            "We will engage with the following mediators:\n\n{items}"
        ));
        assert!(
            found.iter().any(|f| f.contains("two mediators")),
            "{items}: {found:#?}"
        );
    }
    // Two names, each with its own address, are two.
    for items in [
        "- HMT\n- NTMO",
        "- HMT, 12 Dock Road, Leeds\n- NTMO, 2 Hill Road, Rotterdam",
        "- HMT\n- 12 Dock Road, Leeds\n- NTMO",
    ] {
        let found = english(&format!(
            "We will engage with the following mediators:\n\n{items}"
        ));
        assert!(found.is_empty(), "{items}: {found:#?}");
    }
}

#[test]
fn mediators_in_prose_without_a_heading_are_counted() {
    for body in [
        "Disputes with sellers may go to mediation. We engage two mediators, HMT and NTMO.\n",
        "Disputes with sellers may be mediated by HMT or by NTMO.\n",
    ] {
        let found = seller_terms("en", body);
        assert!(names_two_mediators(&found), "{body}: {found:#?}");
    }
    // Near miss: one mediator stated.
    let found = seller_terms(
        "en",
        "Disputes with sellers may go to mediation. We engage one mediator, HMT.\n",
    );
    assert!(!names_two_mediators(&found), "{found:#?}");
}

#[test]
fn names_joined_by_or_alternatively_or_counted_as_providers_are_two() {
    for (lang, mediation) in [
        (
            "en",
            "Disputes may go to mediation with HMT or, alternatively, the North Trade Mediation Office.",
        ),
        (
            "en",
            "For mediation, you may choose between two providers: HMT and the North Trade Mediation Office.",
        ),
        (
            "fr",
            "Pour la médiation, vous pouvez choisir entre deux prestataires : l'ORM et la CAMS.",
        ),
        (
            "de",
            "Für die Schlichtung stehen zwei Stellen zur Wahl: die SWM und die IHK Nord.",
        ),
        (
            "de",
            "Eine Schlichtung vor der SWM oder, alternativ, der IHK Nord ist möglich.",
        ),
    ] {
        let found = alone(lang, mediation);
        assert!(names_two_mediators(&found), "{mediation}: {found:#?}");
    }
    // Near misses: the alternative is no organisation, no number is stated, one provider.
    for (lang, mediation) in [
        (
            "en",
            "Disputes may go to mediation with HMT or, alternatively, to the courts of Leeds.",
        ),
        (
            "en",
            "For mediation, you may choose between two providers: see the list in your panel.",
        ),
        (
            "en",
            "For mediation, write to us: Customer Care, Returns Desk.",
        ),
        (
            "fr",
            "Pour la médiation, un prestataire est à votre disposition : l'ORM et son réseau.",
        ),
    ] {
        let found = alone(lang, mediation);
        assert!(!names_two_mediators(&found), "{mediation}: {found:#?}");
    }
}

#[test]
fn two_persian_bodies_named_beside_mediation_are_two() {
    for mediation in [
        "میانجی‌های ما مرکز داوری اتاق بازرگانی و کانون میانجی‌گران بازار هستند.",
        "اختلاف‌ها از راه میانجی‌گری مرکز داوری اتاق بازرگانی یا مؤسسهٔ حل اختلاف بازار حل می‌شود.",
    ] {
        let found = alone("fa", mediation);
        assert!(names_two_mediators(&found), "{mediation}: {found:#?}");
    }
    for mediation in [
        // One body, however many words head its name.
        "میانجی ما مرکز داوری اتاق بازرگانی است.",
        // Mediation denied: the bodies named are no mediators.
        "ما از میانجی‌گری استفاده نمی‌کنیم و اختلاف‌ها در دادگاه و سازمان تعزیرات حل می‌شود.",
        // Mediation and arbitration, no body.
        "اختلاف‌ها با میانجی‌گری و داوری حل می‌شود.",
    ] {
        let found = alone("fa", mediation);
        assert!(!names_two_mediators(&found), "{mediation}: {found:#?}");
    }
}
