//! `empty-list` on whole documents of our own writing, in the four languages: announcements
//! whose items were lost (ending in a full stop, inside a list item, before prose on another
//! subject, in a text written without blank lines) and near misses that hold their items.

use davar_policy::{Diagnostic, load};
use jiff::civil::date;

const SITE: &str = "marketplace:\n  name: { en: Bazarcheh, fa: بازارچه, fr: Bazarcheh, de: Bazarcheh }\n  brands: [Bazarcheh]\nbase_url: https://policies.bazarcheh.example\nlanguages: [en, fa, fr, de]\nbinding_language: en\n";

/// The `empty-list` findings on one `terms` version in `lang` whose whole body (headings
/// included, none added) is `body`.
fn lost_lists(lang: &str, body: &str) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    std::fs::create_dir_all(dir.path().join("terms")).unwrap();
    let front = format!(
        "---\nid: terms\ntype: Terms of Service\nlang: {lang}\ntitle: T\nversion: 1\npublished: 2026-09-01\neffective: 2026-10-15\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n"
    );
    std::fs::write(
        dir.path().join(format!("terms/v1.{lang}.md")),
        format!("{front}{body}\n"),
    )
    .unwrap();
    let (set, mut diagnostics) = load(dir.path()).expect("the set loads");
    diagnostics.extend(davar_policy::check(&set, date(2026, 12, 2)));
    diagnostics.retain(|d| d.code == "empty-list");
    diagnostics
}

/// The line of each finding, for messages.
fn lines(found: &[Diagnostic]) -> Vec<usize> {
    found.iter().map(|d| d.line).collect()
}

#[test]
fn a_full_stop_announcement_in_any_of_the_four_languages_lost_its_items() {
    for (lang, body) in [
        (
            "fr",
            "## Commissions {#commissions}\n\nLes vendeurs règlent les commissions énumérées ci-après.\n\n## Retours {#retours}\n\nLes clients peuvent renvoyer les articles.",
        ),
        (
            "fr",
            "## Commissions {#commissions}\n\nLes vendeurs règlent les commissions ci-dessous.",
        ),
        (
            "de",
            "## Entgelte {#entgelte}\n\nHändler zahlen die unten genannten Entgelte.",
        ),
        (
            "de",
            "## Entgelte {#entgelte}\n\nHändler zahlen die nachfolgend aufgeführten Entgelte.\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
        (
            "fa",
            "## قواعد {#rules}\n\nخریداران باید قواعد زیر را رعایت کنند.",
        ),
        ("fa", "## قواعد {#rules}\n\nقواعد زیر برقرار است."),
        ("fa", "## مدارک {#papers}\n\nمدارک ذیل الزامی است."),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(found.len(), 1, "{body}: {:?}", lines(&found));
    }
}

#[test]
fn an_announcing_word_used_otherwise_announces_nothing() {
    for (lang, body) in [
        // Persian `زیر` before its noun means "under"; a number after a phrase is a limit.
        (
            "fa",
            "## پرسش‌ها {#questions}\n\nپرسش خود را زیر همان کالا بنویسید.",
        ),
        ("fa", "## سن {#age}\n\nکاربران زیر ۱۸ سال مجاز نیستند."),
        // A definition names a party after "ci-après" or "nachstehend".
        (
            "fr",
            "## Parties {#parties}\n\nLe site est exploité par Bazarcheh SAS (ci-après « le Vendeur »).",
        ),
        (
            "de",
            "## Parteien {#parteien}\n\nBetreiber ist die Bazarcheh GmbH (nachstehend „Verkäufer“).",
        ),
        // "Following" alone means "after".
        (
            "en",
            "## Delivery {#delivery}\n\nWe ship within two days following payment.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_list_item_announcing_items_before_a_heading_or_the_end_lost_them() {
    for (body, line) in [
        (
            "## Fees {#fees}\n\nSellers pay a commission.\n\n- Listing costs nothing.\n- These extra costs also apply:\n\n## Returns {#returns}\n\nBuyers can send goods back.",
            19,
        ),
        (
            "## Fees {#fees}\n\nSellers pay a commission.\n\n- Sellers must also observe the following rules:",
            18,
        ),
        (
            "## Fees {#fees}\n\n1. Listing costs nothing.\n2. The following extra costs also apply:\n\n## Returns {#returns}\n\nBuyers can send goods back.",
            17,
        ),
    ] {
        let found = lost_lists("en", body);
        assert_eq!(lines(&found), [line], "{body}");
    }
}

#[test]
fn a_list_item_before_its_nested_list_or_its_sibling_items_holds_them() {
    for body in [
        // Nested items.
        "## Fees {#fees}\n\n- The following extra costs apply:\n  - packaging\n  - insurance\n\n## Returns {#returns}\n\nBuyers can send goods back.",
        // A label before sibling items.
        "## Fees {#fees}\n\n- Note:\n- Listing costs nothing.\n- Sales cost five percent.\n\n## Returns {#returns}\n\nBuyers can send goods back.",
        // The items as sibling items.
        "## Fees {#fees}\n\n- The following extra costs apply:\n- packaging\n- insurance",
        // A bold label.
        "## Contact {#contact}\n\n- **Phone:**\n\n## Returns {#returns}\n\nBuyers can send goods back.",
    ] {
        let found = lost_lists("en", body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn an_announcement_before_prose_on_another_subject_lost_its_items() {
    for (lang, body) in [
        // A closing formula.
        (
            "en",
            "Bazarcheh is a marketplace.\n\nThe following documents also apply:\n\nThank you for choosing Bazarcheh.",
        ),
        (
            "de",
            "Bazarcheh ist ein Marktplatz.\n\nEs gelten außerdem folgende Dokumente:\n\nVielen Dank für Ihren Einkauf.",
        ),
        // A party's announcement, then sentences about another party.
        (
            "en",
            "Bazarcheh charges sellers the commissions listed below:\n\nBuyers can send goods back within two weeks. Refunds reach the card within five days.",
        ),
        (
            "en",
            "Sellers must observe the following rules.\n\nBuyers can send goods back within two weeks. Refunds reach the card within five days.",
        ),
        (
            "de",
            "Der Händler zahlt die folgenden Entgelte:\n\nDer Kunde kann die Ware innerhalb von zwei Wochen zurückschicken. Die Erstattung erfolgt auf die Karte.",
        ),
        (
            "fr",
            "Les vendeurs doivent observer les règles suivantes :\n\nLes clients peuvent renvoyer les articles sous deux semaines. Le remboursement est fait sur la carte.",
        ),
        (
            "fa",
            "فروشندگان باید قواعد زیر را رعایت کنند:\n\nخریداران می‌توانند کالا را تا دو هفته پس از تحویل برگردانند. مبلغ به همان کارت بازگردانده می‌شود.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(found.len(), 1, "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_paragraph_that_is_the_announced_content_holds_it() {
    for (lang, body) in [
        // An announcement about the items themselves introduces any paragraph.
        (
            "en",
            "The following applies:\n\nSellers ship every order within two days. Buyers pay on delivery.",
        ),
        (
            "en",
            "The commission is calculated as follows:\n\nA seller pays five percent of each sale. Listing costs nothing.",
        ),
        (
            "en",
            "Each seller accepts the rule as follows:\n\n\"Goods are shipped within two days of the order.\"",
        ),
        // A party's announcement before one sentence, a noun phrase, or sentences about the
        // same party.
        (
            "en",
            "Bazarcheh charges sellers the commissions listed below:\n\nA commission of five percent is charged on every sale made.",
        ),
        (
            "en",
            "Sellers must observe the following rules:\n\nSellers ship within two days of the order. Sellers answer messages within a day.",
        ),
        (
            "fr",
            "Le vendeur s'engage sur les points suivants :\n\nl'expédition sous deux jours, la réponse aux messages sous un jour.",
        ),
        // An address and a form.
        (
            "en",
            "Sellers write to us at the following address:\n\nBazarcheh Ltd\n12 Example Street\nTehran",
        ),
        (
            "en",
            "Please fill in the form below.\n\nName:\n\nOrder number:",
        ),
        // A term defined on the line after it.
        (
            "en",
            "Seller:\n: a person who offers goods on Bazarcheh.\n\nBuyer:\n: a person who orders goods.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn lines_of_a_text_written_without_blank_lines_read_as_paragraphs() {
    // One Markdown paragraph: each line is a paragraph of the original.
    let lost = [
        "Bazarcheh welcomes ideas from its users.\nTo report a fault, please give as much detail as you can, including:\nIf the fault cannot be fixed within a week, we refer it to a mediator.\nWe answer every message.",
        "Bazarcheh is a marketplace.\nThe following documents also apply:\nThank you for choosing Bazarcheh.",
        "Sellers must observe the following rules:\nBuyers can send goods back within two weeks. Refunds reach the card within five days.",
    ];
    for (body, line) in lost.into_iter().zip([15, 15, 14]) {
        let found = lost_lists("en", body);
        assert_eq!(lines(&found), [line], "{body}");
    }
    for body in [
        "We keep the data:\nname, address and orders.",
        "The following applies:\nSellers ship every order within two days. Buyers pay on delivery.",
        "Write to us at:\nBazarcheh Ltd, 12 Example Street, Tehran.",
    ] {
        let found = lost_lists("en", body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn an_announcement_closed_by_an_infinitive_at_the_end_of_a_clause_lost_its_items() {
    for (lang, body) in [
        (
            "de",
            "## Pflichten {#pflichten}\n\nJeder Händler ist gehalten, die nachstehenden Regeln zu beachten.",
        ),
        (
            "de",
            "## Pflichten {#pflichten}\n\nJeder Händler hat die folgenden Pflichten zu erfüllen.\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
        (
            "fr",
            "## Obligations {#obligations}\n\nChaque vendeur a les obligations suivantes à remplir.",
        ),
        (
            "fr",
            "## Obligations {#obligations}\n\nLe vendeur s'engage à observer les règles ci-dessous à respecter.\n\n## Retours {#retours}\n\nLes clients peuvent renvoyer les articles.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(found.len(), 1, "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_word_after_the_phrase_that_is_no_infinitive_still_refers() {
    for (lang, body) in [
        // A unit of time: "in the following days".
        (
            "de",
            "## Lieferung {#lieferung}\n\nDer Händler hat die Ware in den folgenden Tagen zu liefern.",
        ),
        // A noun after `zu`, a name after `à`: the phrase refers to them.
        (
            "de",
            "## Hinweise {#hinweise}\n\nDer Händler legt die nachstehenden Hinweise zu Verträgen vor.",
        ),
        (
            "fr",
            "## Frais {#frais}\n\nLe vendeur reverse les frais suivants à Bazarcheh.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_list_item_alone_before_headings_is_the_whole_list_and_lost_its_items() {
    for (body, line) in [
        // The first line of the preamble.
        (
            "- The following extra costs apply:\n\n## Returns {#returns}\n\nBuyers can send goods back.\n\n## Law {#law}\n\nGerman law applies.",
            14,
        ),
        // The first line of a section, before sibling sections.
        (
            "## Fees {#fees}\n\n- The following extra costs apply:\n\n## Returns {#returns}\n\nBuyers can send goods back.\n\n## Law {#law}\n\nGerman law applies.",
            16,
        ),
        (
            "## Gebühren {#gebuehren}\n\n* Es gelten folgende Zusatzkosten:\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.\n\n## Recht {#recht}\n\nEs gilt deutsches Recht.",
            16,
        ),
    ] {
        let lang = if body.contains("Gebühren") {
            "de"
        } else {
            "en"
        };
        let found = lost_lists(lang, body);
        assert_eq!(lines(&found), [line], "{body}");
    }
    // A paragraph opening its section still introduces the sibling sections of a document
    // whose import may have flattened them; a list item's items nested under it hold them.
    for body in [
        "## Conduct {#conduct}\n\nThe following is not allowed:\n\n## Spam {#spam}\n\nNo bulk messages.\n\n## Fraud {#fraud}\n\nNo fake listings.",
        "## Fees {#fees}\n\n- The following extra costs apply:\n  - packaging\n\n## Returns {#returns}\n\nBuyers can send goods back.\n\n## Law {#law}\n\nGerman law applies.",
    ] {
        let found = lost_lists("en", body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_forward_phrase_in_the_subject_announces_whatever_the_verb_says() {
    for (lang, body) in [
        (
            "en",
            "## Orders {#orders}\n\nThe following conditions apply to every order.",
        ),
        (
            "fr",
            "## Frais {#frais}\n\nLes frais suivants reviennent à Bazarcheh.",
        ),
        (
            "de",
            "## Bestellungen {#bestellungen}\n\nDie folgenden Bedingungen gelten für jede Bestellung.\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
    ] {
        assert_eq!(lost_lists(lang, body).len(), 1, "{body}");
    }
    for (lang, body) in [
        (
            "en",
            "## Orders {#orders}\n\nThe following conditions apply to every order.\n\n- Payment comes first.\n- Delivery follows.",
        ),
        (
            "fr",
            "## Remboursement {#remboursement}\n\nSuivant les modalités prévues, le vendeur rembourse.",
        ),
        (
            "en",
            "## Orders {#orders}\n\nThe following day is a holiday for every shop.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_purpose_clause_after_the_announcement_does_not_hide_it() {
    for (lang, body) in [
        (
            "de",
            "## Konto {#konto}\n\nBitte beachten Sie die folgenden Hinweise, um Ihr Konto zu schützen.",
        ),
        (
            "fr",
            "## Compte {#compte}\n\nVeuillez suivre les conseils suivants afin de protéger votre compte.",
        ),
        (
            "fa",
            "## حساب {#account}\n\nلطفاً نکات زیر را برای حفاظت از حساب خود رعایت کنید.",
        ),
    ] {
        assert_eq!(lost_lists(lang, body).len(), 1, "{body}");
    }
    let kept = lost_lists(
        "de",
        "## Konto {#konto}\n\nBitte beachten Sie die folgenden Hinweise, um Ihr Konto zu schützen.\n\n- Geben Sie Ihr Passwort nicht weiter.",
    );
    assert!(kept.is_empty(), "{:?}", lines(&kept));
}

#[test]
fn a_bold_announcement_or_a_list_of_empty_markers_lost_its_items() {
    for (lang, body) in [
        (
            "en",
            "## Documents {#documents}\n\n**The following documents apply:**",
        ),
        (
            "de",
            "## Dokumente {#dokumente}\n\n**Es gelten die folgenden Dokumente:**\n\n## Recht {#recht}\n\nEs gilt deutsches Recht.",
        ),
        (
            "en",
            "## Fees {#fees}\n\nSellers pay the following fees:\n\n-\n-\n",
        ),
        (
            "fr",
            "## Frais {#frais}\n\nLes vendeurs paient les frais suivants :\n\n1.\n2.\n",
        ),
    ] {
        assert_eq!(lost_lists(lang, body).len(), 1, "{body}");
    }
    for (lang, body) in [
        // A bold label, a bold announcement with its list, a list with one item written.
        ("en", "## Contact {#contact}\n\n**Contact:**"),
        (
            "en",
            "## Documents {#documents}\n\n**The following documents apply:**\n\n- Terms of sale\n- Privacy notice",
        ),
        (
            "en",
            "## Fees {#fees}\n\nSellers pay the following fees:\n\n- a listing fee\n-\n",
        ),
        // A page number left between two pages of a converted document.
        (
            "en",
            "## Documents {#documents}\n\nWe send the following documents:\n\n5.\n\nBazarcheh Ltd, 4 Mill Lane, Leeds, page footer.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn below_as_a_preposition_and_a_link_to_the_following_section_announce_nothing() {
    for (lang, body) in [
        (
            "en",
            "## Reviews {#reviews}\n\nReviews are shown below each product.",
        ),
        ("fa", "## نظرات {#reviews}\n\nنظرات را زیر جعبه بنویسید."),
        (
            "en",
            "## Orders {#orders}\n\nFor refunds, see the following section [Returns](#returns).",
        ),
        (
            "fr",
            "## Commandes {#commandes}\n\nPour les remboursements, voir la section suivante [Retours](#retours).",
        ),
        (
            "de",
            "## Bestellungen {#bestellungen}\n\nZu Erstattungen siehe den folgenden Abschnitt [Rückgaben](#rueckgaben).",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
    for body in [
        "## Reviews {#reviews}\n\nReviews must respect the rules below.",
        "## Orders {#orders}\n\nFor refunds, see the following sections.",
    ] {
        assert_eq!(lost_lists("en", body).len(), 1, "{body}");
    }
}

#[test]
fn a_further_on_phrase_in_the_subject_announces_too() {
    for (lang, body) in [
        (
            "en",
            "## Rules {#rules}\n\nThe rules below apply to every buyer.",
        ),
        (
            "de",
            "## Regeln {#regeln}\n\nDie nachstehenden Regeln gelten für alle Käufer.",
        ),
        (
            "fr",
            "## Règles {#regles}\n\nLes règles ci-dessous s'appliquent à tous les acheteurs.",
        ),
    ] {
        assert_eq!(lost_lists(lang, body).len(), 1, "{body}");
    }
    for body in [
        "## Reviews {#reviews}\n\nThe box below each product shows its reviews.",
        "## Reviews {#reviews}\n\nYour review appears below your order.",
    ] {
        let found = lost_lists("en", body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_short_announcement_opened_by_a_further_on_phrase_is_no_label() {
    for (lang, body) in [
        (
            "fr",
            "## Modalités {#modalites}\n\nLes modalités ci-dessous s'appliquent :\n\n## Retours {#retours}\n\nLes clients peuvent renvoyer les articles.",
        ),
        (
            "de",
            "## Angaben {#angaben}\n\nNachstehende Angaben sind erforderlich:\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
        (
            "de",
            "## Entgelte {#entgelte}\n\nNachstehend die Entgelte:\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
        (
            "de",
            "## Entgelte {#entgelte}\n\nNachfolgende Entgelte gelten.\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
    ] {
        assert_eq!(lost_lists(lang, body).len(), 1, "{body}");
    }
    // Its items after it, and a further-on phrase ending a short text: a place it points to.
    for (lang, body) in [
        (
            "de",
            "## Angaben {#angaben}\n\nNachstehende Angaben sind erforderlich:\n\n- Name\n- Anschrift\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
        (
            "en",
            "## Fees {#fees}\n\nDetails below:\n\n## Returns {#returns}\n\nBuyers may return goods.",
        ),
        (
            "de",
            "## Entgelte {#entgelte}\n\nDie Entgelte stehen unten.\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn versions_repeating_a_body_are_each_reported_at_their_own_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    std::fs::create_dir_all(dir.path().join("terms")).unwrap();
    let body = "## Fees {#fees}\n\nSellers pay the fees listed below.\n\n## Returns {#returns}\n\nBuyers may send items back.\n";
    let listed = "## Fees {#fees}\n\nSellers pay the fees listed below.\n\n- a listing fee\n- a sales fee\n\n## Returns {#returns}\n\nBuyers may send items back.\n";
    // The second version's front matter is a line longer; the third holds the list.
    for (version, extra, text) in [
        (1, "", body),
        (2, "# a comment line\n", body),
        (3, "", listed),
    ] {
        let front = format!(
            "---\nid: terms\ntype: Terms of Service\nlang: en\ntitle: T\nversion: {version}\npublished: 2026-0{version}-01\neffective: 2026-0{version}-15\naudience: consumers\nchange: substantive\nsummary: S\n{extra}---\n\n"
        );
        std::fs::write(
            dir.path().join(format!("terms/v{version}.en.md")),
            format!("{front}{text}"),
        )
        .unwrap();
    }
    let (set, _) = load(dir.path()).expect("the set loads");
    let found: Vec<(String, usize)> = davar_policy::check(&set, date(2026, 12, 2))
        .into_iter()
        .filter(|d| d.code == "empty-list")
        .map(|d| {
            (
                d.file.file_name().unwrap().to_string_lossy().into_owned(),
                d.line,
            )
        })
        .collect();
    assert_eq!(
        found,
        [("v1.en.md".to_string(), 16), ("v2.en.md".to_string(), 17)]
    );
}

/// One announcement-shaped sentence closing its section before the next heading.
fn before_the_next_heading(sentence: &str) -> String {
    format!(
        "## Section {{#section}}\n\n{sentence}\n\n## Law {{#law}}\n\nThe law of the seller's country applies."
    )
}

#[test]
fn a_statement_about_items_given_elsewhere_announces_no_list() {
    // A verb saying that the items apply or must (not) be given, then a complement of time
    // or a qualifier after it; a further-on phrase sending the reader to a later section.
    for (lang, sentence) in [
        (
            "fr",
            "Les articles suivants sont interdits depuis le 1er janvier 2026.",
        ),
        ("fa", "شرایط زیر از ۱ فروردین ۱۴۰۶ اعمال می‌شود."),
        ("en", "The following items must be shipped within 48 hours."),
        (
            "en",
            "The following products are prohibited since 1 January 2026.",
        ),
        (
            "en",
            "The following goods must be returned within 14 days of delivery.",
        ),
        ("en", "The following fees apply until 31 December 2026."),
        (
            "fr",
            "Les produits suivants doivent être expédiés sous 48 heures.",
        ),
        (
            "fr",
            "Les frais suivants s'appliquent jusqu'au 31 décembre 2026.",
        ),
        (
            "fr",
            "Les articles ci-dessous sont interdits depuis le 1er janvier 2026.",
        ),
        (
            "de",
            "Die folgenden Artikel sind seit dem 1. Januar 2026 verboten.",
        ),
        (
            "de",
            "Die folgenden Waren müssen innerhalb von 48 Stunden versandt werden.",
        ),
        (
            "de",
            "Die folgenden Gebühren gelten bis zum 31. Dezember 2026.",
        ),
        ("de", "Die nachstehenden Artikel sind seit 2026 verboten."),
        ("fa", "کالاهای زیر باید ظرف ۴۸ ساعت ارسال شوند."),
        ("fa", "کالاهای زیر از ۱ دی ۱۴۰۵ ممنوع است."),
        ("fa", "هزینه‌های زیر تا پایان سال ۱۴۰۵ اعمال می‌شود."),
        ("en", "The fees below apply equally to all sellers."),
        (
            "en",
            "The fees below apply only to sellers based in the EU.",
        ),
        ("en", "The fees below apply per order."),
        ("en", "The following charges apply per item sold."),
        (
            "en",
            "The conditions below apply solely to business customers.",
        ),
        (
            "fr",
            "Les frais ci-dessous s'appliquent uniquement aux vendeurs professionnels.",
        ),
        ("fr", "Les frais ci-dessous s'appliquent par commande."),
        (
            "fr",
            "Les commissions suivantes s'appliquent de la même manière à tous les vendeurs.",
        ),
        (
            "de",
            "Die nachstehenden Gebühren gelten nur für gewerbliche Verkäufer.",
        ),
        ("de", "Die unten genannten Gebühren gelten pro Bestellung."),
        (
            "de",
            "Die folgenden Gebühren gelten gleichermaßen für alle Verkäufer.",
        ),
        ("fa", "هزینه‌های زیر فقط برای فروشندگان حقوقی اعمال می‌شود."),
        ("fa", "هزینه‌های زیر به ازای هر سفارش اعمال می‌شود."),
        (
            "fa",
            "کارمزدهای زیر به طور یکسان برای همه فروشندگان اعمال می‌شود.",
        ),
        ("en", "See the section on returns below."),
        ("en", "Details are given in the section on returns below."),
        ("en", "For refunds, see the chapter about payments below."),
        ("en", "Please read the part on delivery times below."),
        ("en", "See the returns section below."),
        ("fr", "Voir la section sur les retours ci-dessous."),
        (
            "fr",
            "Les détails figurent dans la rubrique consacrée aux retours ci-après.",
        ),
        ("de", "Siehe den Abschnitt zur Rückgabe unten."),
        (
            "de",
            "Einzelheiten stehen im Abschnitt über Rücksendungen weiter unten.",
        ),
        ("fa", "به بخش مربوط به بازگشت کالا در ادامه مراجعه کنید."),
        ("fa", "جزئیات در بخش بازگشت کالا در ادامه آمده است."),
        ("en", "See the fees table below."),
        (
            "en",
            "The products listed below must be dispatched no later than 2 working days after payment.",
        ),
        (
            "en",
            "The following services are forbidden from 15 March 2026.",
        ),
        (
            "fr",
            "Les documents suivants doivent être envoyés dans un délai de 10 jours.",
        ),
        (
            "fr",
            "Les frais ci-dessous s'appliquent dès le 1er avril 2026.",
        ),
        (
            "de",
            "Die nachstehenden Unterlagen sind binnen 14 Tagen einzureichen.",
        ),
        (
            "de",
            "Die folgenden Artikel sind ab dem 1. Juli 2026 untersagt.",
        ),
        ("fa", "مدارک زیر باید طی ۷ روز کاری ارسال شود."),
        ("fa", "کالاهای زیر از اول تیر ۱۴۰۵ ممنوع است."),
        (
            "en",
            "The commissions below apply exclusively to business sellers.",
        ),
        (
            "fr",
            "Les commissions suivantes s'appliquent seulement aux ventes à l'étranger.",
        ),
        (
            "de",
            "Die unten aufgeführten Gebühren gelten ausschließlich für Händler.",
        ),
        ("fa", "کارمزدهای زیر صرفاً برای فروشندگان حقوقی اعمال می‌شود."),
        ("en", "More on this in the chapter about complaints below."),
        (
            "fr",
            "Reportez-vous à l'article consacré aux garanties ci-dessous.",
        ),
        ("de", "Vgl. den Abschnitt über Zahlungen unten."),
        ("fa", "برای جزئیات به بخش پرداخت در ادامه رجوع کنید."),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(sentence));
        assert!(found.is_empty(), "{sentence}: {:?}", lines(&found));
    }
}

#[test]
fn an_announcement_without_a_complement_of_time_or_a_qualifier_still_lost_its_items() {
    for (lang, sentence) in [
        ("en", "The following items are prohibited."),
        ("en", "The following documents must be provided."),
        ("en", "The following conditions apply."),
        ("en", "The rules below apply to every buyer."),
        ("fr", "Les articles suivants sont interdits."),
        ("fr", "Les pièces ci-dessous doivent être fournies."),
        ("de", "Die folgenden Artikel sind verboten."),
        ("de", "Nachstehende Unterlagen sind einzureichen."),
        ("fa", "مدارک زیر باید ارسال شود."),
        ("fa", "کالاهای زیر ممنوع است."),
        ("en", "Sellers must respect the following rules."),
        ("fr", "Les vendeurs doivent respecter les règles suivantes."),
        ("de", "Händler müssen die folgenden Regeln beachten."),
        ("fa", "فروشندگان باید قواعد زیر را رعایت کنند."),
        ("en", "The following fees apply to every order."),
        ("fr", "Les frais suivants s'appliquent."),
        ("de", "Es gelten folgende Gebühren."),
        ("fa", "شرایط زیر برقرار است."),
        ("en", "Sellers pay the fees listed below."),
        ("fr", "Les vendeurs acquittent les frais énumérés ci-après."),
        (
            "de",
            "Händler zahlen die nachfolgend aufgeführten Entgelte.",
        ),
        ("en", "Only the following payment methods are accepted."),
        ("fr", "Seuls les moyens de paiement suivants sont acceptés."),
        ("de", "Nur die folgenden Zahlungsarten werden akzeptiert."),
        ("en", "Sellers must respect the rules below."),
        ("en", "Please send us the documents below."),
        ("fr", "Veuillez fournir les documents ci-dessous."),
        ("de", "Bitte senden Sie uns die unten genannten Unterlagen."),
        ("fa", "فروشندگان باید شرایط زیر را رعایت کنند."),
        ("en", "The following sections apply."),
        ("fr", "Les vendeurs règlent les commissions ci-dessous."),
        ("de", "Händler zahlen die unten genannten Entgelte."),
        ("en", "Reviews must respect the rules below."),
        ("fa", "خریداران باید قواعد زیر را رعایت کنند."),
        ("en", "This section lists the fees below."),
        ("fr", "Cette section présente les frais ci-dessous."),
        ("de", "Dieser Abschnitt enthält die Gebühren unten."),
        ("en", "In this section, sellers find the fees below."),
        (
            "en",
            "The following documents must be provided before you can sell.",
        ),
        ("en", "The following items are prohibited by law."),
        ("fr", "Les produits suivants sont interdits par la loi."),
        ("de", "Die folgenden Gebühren gelten für jede Bestellung."),
        (
            "fr",
            "Les frais ci-dessous s'appliquent par le biais de votre compte.",
        ),
        ("en", "The following products are forbidden."),
        ("fr", "Les documents suivants doivent être envoyés."),
        ("de", "Die folgenden Artikel sind untersagt."),
        ("fa", "مدارک زیر باید ارسال شود."),
        ("en", "The commissions below apply to all sellers."),
        ("fr", "Les commissions suivantes s'appliquent aux vendeurs."),
        ("en", "Sellers must follow the steps below."),
        ("de", "Käufer beachten die unten genannten Regeln."),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(sentence));
        assert_eq!(found.len(), 1, "{sentence}: {:?}", lines(&found));
    }
}

#[test]
fn below_as_an_ordinary_word_announces_nothing() {
    for (lang, sentence) in [
        ("en", "Sellers must not price their goods below cost."),
        ("en", "Vouchers cannot be resold below face value."),
        (
            "en",
            "No listing may be offered below the usual market rate.",
        ),
        (
            "en",
            "Returned parcels are kept in the storeroom one floor below.",
        ),
        (
            "fr",
            "Les colis retournés sont stockés au niveau ci-dessous.",
        ),
        ("de", "Schwere Pakete werden unten im Lager aufbewahrt."),
        ("fa", "فروشندگان نباید کالا را زیر قیمت تمام شده بفروشند."),
        ("fa", "بسته‌ها را زیر نور مستقیم آفتاب نگذارید."),
        ("fa", "فروش كالا زير قيمت ممنوع است."),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(sentence));
        assert!(found.is_empty(), "{sentence}: {:?}", lines(&found));
    }
}

#[test]
fn a_complement_of_time_without_a_date_completes_the_statement() {
    for (lang, sentence) in [
        (
            "en",
            "The following commissions apply effective immediately.",
        ),
        ("en", "The rules below apply until further notice."),
        ("en", "The following products are banned from now on."),
        (
            "fr",
            "Les commissions suivantes s'appliquent dès à présent.",
        ),
        (
            "fr",
            "Les produits suivants sont interdits jusqu'à nouvel avis.",
        ),
        ("de", "Die folgenden Provisionen gelten bis auf Widerruf."),
        ("de", "Nachstehende Artikel sind ab heute verboten."),
        ("fa", "کمیسیون‌های زیر از این به بعد اعمال می‌شود."),
        ("fa", "کالاهای زیر تا اطلاع بعدی ممنوع است."),
        // Adverbs that refer to rules given elsewhere, and a participle before a further-on
        // phrase in the subject with a predicate that describes the items.
        (
            "de",
            "Die folgenden Regeln gelten sinngemäß für private Verkäufer.",
        ),
        (
            "en",
            "The following rules apply mutatis mutandis to private sellers.",
        ),
        (
            "fr",
            "Les règles suivantes s'appliquent par analogie aux particuliers.",
        ),
        (
            "fr",
            "Les commissions mentionnées ci-après sont remboursables.",
        ),
        (
            "fa",
            "قواعد زیر به همین ترتیب برای فروشندگان حقیقی اعمال می‌شود.",
        ),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(sentence));
        assert!(found.is_empty(), "{sentence}: {:?}", lines(&found));
    }
}

#[test]
fn short_sentences_with_a_verb_and_persian_typed_without_half_spaces_lost_their_items() {
    let rlm = '\u{200F}';
    for (lang, sentence) in [
        (
            "en",
            "The following commissions apply to every seller.".to_string(),
        ),
        (
            "de",
            "Nachstehende Artikel sind auf Bazarcheh verboten.".into(),
        ),
        (
            "de",
            "Die folgenden Regeln gelten für private Verkäufer.".into(),
        ),
        ("en", "Banned products include:".into()),
        ("en", "Accepted payment methods are:".into()),
        ("fr", "Les commissions sont :".into()),
        ("de", "Die Provisionen lauten:".into()),
        ("de", "Unzulässig sind insbesondere:".into()),
        ("fa", "روش‌های پرداخت عبارت اند از:".into()),
        ("fa", "کمیسیون های زیر اعمال می شود.".into()),
        ("fa", "هزينه هاي زير اعمال مي شود.".into()),
        ("fa", format!("کمیسیون‌های زیر اعمال می‌شود:{rlm}")),
        ("fa", format!("شرایط زیر برقرار است.{rlm}")),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(&sentence));
        assert_eq!(found.len(), 1, "{sentence}: {:?}", lines(&found));
    }
    // Labels stay labels; a list after the sentence holds its items.
    for (lang, body) in [
        ("en", before_the_next_heading("Opening hours:")),
        ("de", before_the_next_heading("Anschrift:")),
        ("fa", before_the_next_heading(&format!("نشانی:{rlm}"))),
        (
            "en",
            before_the_next_heading("Banned products include:\n\n- weapons\n- live animals"),
        ),
        (
            "fa",
            before_the_next_heading(&format!("کمیسیون‌های زیر اعمال می‌شود:{rlm}\n\n- پنج درصد")),
        ),
    ] {
        let found = lost_lists(lang, &body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn an_empty_html_block_between_an_announcement_and_the_heading_holds_no_items() {
    for (lang, body) in [
        ("en", "The following commissions apply:\n\n&nbsp;"),
        ("en", "The following commissions apply:\n\n<p></p>"),
        ("en", "The following commissions apply:\n\n<br/>"),
        (
            "fr",
            "Les commissions suivantes s'appliquent :\n\n<div>&nbsp;</div>",
        ),
        ("de", "Folgende Provisionen gelten:\n\n<br>\n<br>"),
        ("de", "Folgende Provisionen gelten:\n\n<span></span>"),
        ("fa", "کمیسیون‌های زیر اعمال می‌شود:\n\n<!-- -->"),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(body));
        assert_eq!(found.len(), 1, "{body}: {:?}", lines(&found));
    }
    // At the end of the document too.
    let found = lost_lists(
        "en",
        "## Fees {#fees}\n\nThe following commissions apply:\n\n<!-- commissions -->",
    );
    assert_eq!(found.len(), 1, "{:?}", lines(&found));
    for (lang, body) in [
        (
            "en",
            "The following commissions apply:\n\n<ul><li>5% per sale</li></ul>",
        ),
        (
            "en",
            "The following commissions apply:\n\n<p>5% per sale</p>",
        ),
        (
            "fr",
            "Les commissions suivantes s'appliquent :\n\n&nbsp;\n\n- 5 % par vente",
        ),
        (
            "de",
            "Folgende Provisionen gelten:\n\n<img src=\"provisionen.png\" alt=\"Provisionen\">",
        ),
        (
            "fa",
            "کمیسیون‌های زیر اعمال می‌شود:\n\n<!-- جدول -->\n\n- پنج درصد هر فروش",
        ),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(body));
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_persian_request_in_the_imperative_before_prose_on_another_subject_lost_its_items() {
    let prose =
        "\n\nاگر فروشنده در مهلت مقرر پاسخ ندهد، بازارچه بر اساس اطلاعات موجود تصمیم می‌گیرد.";
    for request in [
        "هنگام ثبت شکایت، اطلاعات زیر را بنویسید:",
        "لطفاً موارد زیر را بفرستید:",
        "در فرم شکایت، اطلاعات زیر را وارد کنید:",
        "لطفا اطلاعات زير را بنويسيد:",
        "اطلاعات زیر را اعلام کنید:",
    ] {
        let found = lost_lists(
            "fa",
            &format!("## شکایت {{#complaints}}\n\n{request}{prose}"),
        );
        assert_eq!(found.len(), 1, "{request}: {:?}", lines(&found));
    }
    for body in [
        "هنگام ثبت شکایت، اطلاعات زیر را بنویسید:\n\nنام فروشگاه، شماره سفارش و تاریخ خرید."
            .to_string(),
        "لطفاً موارد زیر را بفرستید:\n\n- شماره سفارش\n- تاریخ خرید".into(),
        format!("نظر خود را زیر همان کالا بنویسید.{prose}"),
    ] {
        let found = lost_lists("fa", &format!("## شکایت {{#complaints}}\n\n{body}"));
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_short_sentence_with_a_modal_verb_before_the_next_heading_lost_its_items() {
    let next = "\n\n## Delivery {#delivery}\n\nParcels leave within two days.";
    for (lang, sentence) in [
        ("en", "Vendors may not offer:"),
        ("en", "Members cannot list:"),
        ("en", "Buyers must not send:"),
        ("fr", "Les vendeurs ne peuvent pas proposer :"),
        ("de", "Händler dürfen nicht anbieten:"),
        ("fa", "فروشندگان نباید بفروشند:"),
    ] {
        let found = lost_lists(
            lang,
            &format!("## Listings {{#listings}}\n\n{sentence}{next}"),
        );
        assert_eq!(lines(&found), [16], "{lang}: {sentence}");
    }
    // Labels without a verb stay labels.
    for (lang, label) in [
        ("en", "Opening hours:"),
        ("en", "Postal address:"),
        ("fr", "Adresse postale :"),
        ("de", "Telefon und Fax:"),
    ] {
        let found = lost_lists(lang, &format!("## Contact {{#contact}}\n\n{label}{next}"));
        assert!(found.is_empty(), "{lang}: {label}: {found:#?}");
    }
}

#[test]
fn a_quote_code_block_table_or_list_element_with_no_text_holds_no_items() {
    for empty in [
        ">",
        "> \n>",
        "```\n```",
        "~~~text\n\n~~~",
        "| |\n|---|",
        "|  |  |\n|--|:-:|\n|  |  |",
        "<ul></ul>",
        "<ol>\n  <li></li>\n</ol>",
        "<table><tr><td>&nbsp;</td></tr></table>",
        "<a id=\"returns-list\"></a>",
    ] {
        let body = format!(
            "## Returns {{#returns}}\n\nThe following goods cannot be returned:\n\n{empty}\n\n## Law {{#law}}\n\nThe law of Ireland applies."
        );
        assert_eq!(lines(&lost_lists("en", &body)), [16], "{empty:?}");
    }
    // A block that shows something holds the items.
    for shown in [
        "> Perishable food and opened software.",
        "```\nfood, software\n```",
        "| Goods |\n|---|\n| Food |",
        "<ul><li>Food</li></ul>",
        "<img src=\"/img/non-returnable.png\" alt=\"\">",
    ] {
        let body = format!(
            "## Returns {{#returns}}\n\nThe following goods cannot be returned:\n\n{shown}\n\n## Law {{#law}}\n\nThe law of Ireland applies."
        );
        assert!(lost_lists("en", &body).is_empty(), "{shown:?}");
    }
}

#[test]
fn a_model_form_with_a_blank_and_a_note_to_the_reader_announce_nothing_lost() {
    for (lang, body) in [
        (
            "en",
            "## Cancelling {#cancel}\n\nTo cancel, you may use this wording:\n\n*I cancel my order of the following items: ...*",
        ),
        (
            "fr",
            "## Rétractation {#retractation}\n\nVous pouvez écrire :\n\n« Je me rétracte du contrat portant sur la vente des biens suivants : … »",
        ),
        (
            "de",
            "## Widerruf {#widerruf}\n\nSie können schreiben:\n\nHiermit widerrufe ich den Vertrag über den Kauf der folgenden Waren: ___",
        ),
        (
            "en",
            "## Returns {#returns}\n\nPlease note the following.\n\nParcels must be sealed before they are posted. Labels are printed from the order page.",
        ),
        (
            "en",
            "## Returns {#returns}\n\nNote the following.\n\nRefunds reach the card within ten days. Vouchers are refunded as vouchers.",
        ),
        (
            "de",
            "## Rückgabe {#rueckgabe}\n\nBitte beachten Sie Folgendes.\n\nPakete müssen verschlossen sein. Etiketten werden auf der Bestellseite gedruckt.",
        ),
        (
            "fr",
            "## Retours {#retours}\n\nVeuillez noter ce qui suit.\n\nLes colis doivent être fermés. Les étiquettes sont imprimées depuis la page de commande.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{lang}: {body}: {found:#?}");
    }
    // A party's sentence before another party's prose still lost its items.
    let party = "## Fees {#fees}\n\nSellers pay the following fees.\n\nBuyers may return goods within 14 days. Refunds reach the card within ten days.";
    assert_eq!(lines(&lost_lists("en", party)), [16]);
}

#[test]
fn a_table_of_a_header_row_alone_lost_its_rows() {
    for (lang, body) in [
        (
            "en",
            "## Fees {#fees}\n\nThe fees are set out in the following table:\n\n| Service | Fee |\n|---|---|\n\n## Returns {#returns}\n\nBuyers may return goods within fourteen days.",
        ),
        (
            "en",
            "## Fees {#fees}\n\nThe commissions are as follows.\n\n| Category | Commission |\n| :-- | --: |",
        ),
        (
            "fr",
            "## Frais {#frais}\n\nLes commissions figurent dans le tableau suivant :\n\n| Catégorie | Commission |\n|---|---|\n\n## Retours {#retours}\n\nLes clients peuvent renvoyer les articles.",
        ),
        (
            "de",
            "## Gebühren {#gebuehren}\n\nDie Provisionen ergeben sich aus der folgenden Tabelle:\n\n| Kategorie | Provision |\n|:--|--:|\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
        (
            "fa",
            "## کمیسیون {#fees}\n\nکمیسیون‌ها در جدول زیر آمده است:\n\n| دسته | کمیسیون |\n|---|---|\n\n## بازگشت {#returns}\n\nخریداران می‌توانند کالا را برگردانند.",
        ),
        (
            "en",
            "## Fees {#fees}\n\n- The following commissions apply:\n\n  | Category | Commission |\n  |---|---|",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(lines(&found), [16], "{body}");
    }
    for (lang, body) in [
        // Rows under the header hold the items.
        (
            "en",
            "## Fees {#fees}\n\nThe fees are set out in the following table:\n\n| Service | Fee |\n|---|---|\n| Listing | free |\n\n## Returns {#returns}\n\nBuyers may return goods.",
        ),
        (
            "fr",
            "## Frais {#frais}\n\nLes commissions figurent dans le tableau suivant :\n\n| Catégorie | Commission |\n|---|---|\n| Livres | 8 % |",
        ),
        (
            "de",
            "## Gebühren {#gebuehren}\n\nEs gelten folgende Provisionen:\n\n| Kategorie | Provision |\n|---|---|\n| Bücher | 8 % |",
        ),
        (
            "fa",
            "## کمیسیون {#fees}\n\nکمیسیون‌ها به شرح زیر است:\n\n| دسته | کمیسیون |\n|---|---|\n| کتاب | ۸ درصد |",
        ),
        // A header row that holds a sentence is the content itself; a label introduces any
        // table; a table after a paragraph that announces nothing is not judged.
        (
            "en",
            "## Fees {#fees}\n\nThe following rule applies:\n\n| Sellers pay no fee for the first ten listings of each month. |\n|---|",
        ),
        (
            "en",
            "## Contact {#contact}\n\nPhone:\n\n| Weekdays | Weekends |\n|---|---|",
        ),
        (
            "en",
            "## Contact {#contact}\n\nOur office is open every weekday.\n\n| Weekdays | 9:00 to 17:00 |\n|---|---|",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn an_announcement_ending_in_an_open_dash_or_a_semicolon_before_nothing_lost_its_items() {
    for (lang, sentence) in [
        ("en", "Sellers must not list —"),
        ("en", "These are the goods we cannot take back —"),
        ("en", "Sellers must not list the following goods –"),
        ("en", "Sellers must send the following documents;"),
        ("en", "Sellers must not list;"),
        ("fr", "Les vendeurs doivent fournir ;"),
        ("fr", "Les vendeurs ne peuvent pas proposer —"),
        (
            "fr",
            "Les vendeurs acceptent les moyens de paiement suivants ;",
        ),
        ("de", "Verkäufer dürfen nicht anbieten —"),
        ("de", "Verkäufer müssen folgende Unterlagen einreichen;"),
        ("de", "Verkäufer dürfen nicht anbieten;"),
        ("fa", "فروشندگان باید مدارک زیر را ارسال کنند؛"),
        ("fa", "روش‌های پرداخت عبارت‌اند از؛"),
        ("fa", "فروشندگان نباید کالاهای زیر را عرضه کنند —"),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(sentence));
        assert_eq!(lines(&found), [16], "{sentence}");
        let found = lost_lists(lang, &format!("## Section {{#section}}\n\n{sentence}"));
        assert_eq!(lines(&found), [16], "at the end: {sentence}");
    }
    for (lang, body) in [
        // A dash or a semicolon inside a sentence, or closing a clause of prose.
        ("en", "We ship quickly — usually within two days."),
        ("en", "We ship within two days; returns are free;"),
        ("en", "Questions? Write to us.\n\n— The Bazarcheh team"),
        (
            "fr",
            "Nous expédions sous deux jours ; les retours sont gratuits ;",
        ),
        (
            "de",
            "Wir versenden in zwei Tagen; Rücksendungen sind kostenlos;",
        ),
        ("fa", "کالا ظرف دو روز ارسال می‌شود؛ بازگشت رایگان است؛"),
        // A modal verb with its object, the last item of a list, a label.
        ("en", "Sellers must pay the listing fee;"),
        ("de", "Verkäufer müssen Ausweise vorlegen;"),
        ("fa", "فروشنده باید مالیات بپردازد؛"),
        ("en", "Buyers may:\n\n- return goods;\n- ask for a refund;"),
        ("en", "Returns —"),
        // The items after the mark.
        ("en", "Sellers must not list —\n\n- weapons\n- live animals"),
        (
            "fr",
            "Les vendeurs doivent fournir ;\n\n- une pièce d'identité ;\n- un relevé bancaire.",
        ),
        (
            "fa",
            "فروشندگان باید مدارک زیر را ارسال کنند؛\n\n- کارت ملی",
        ),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(body));
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_single_sub_section_of_prose_after_a_broken_off_clause_lost_its_items() {
    for (lang, body) in [
        (
            "en",
            "## Delivery {#delivery}\n\nThe seller must provide:\n\n### Shipping {#shipping}\n\nParcels leave the warehouse within two days of payment.\n\n## Returns {#returns}\n\nBuyers may return goods.",
        ),
        (
            "en",
            "## Delivery {#delivery}\n\nSellers must include:\n\n### Delivery times {#times}\n\nParcels leave within two days.",
        ),
        (
            "fr",
            "## Livraison {#livraison}\n\nLe vendeur doit fournir :\n\n### Expédition {#expedition}\n\nLes colis partent sous deux jours.\n\n## Retours {#retours}\n\nLes clients peuvent renvoyer les articles.",
        ),
        (
            "de",
            "## Lieferung {#lieferung}\n\nDer Verkäufer muss angeben:\n\n### Versand {#versand}\n\nPakete verlassen das Lager binnen zwei Tagen.\n\n## Rückgabe {#rueckgabe}\n\nKunden können Waren zurückschicken.",
        ),
        (
            "fa",
            "## ارسال {#delivery}\n\nفروشنده موظف است ارائه کند:\n\n### بسته‌بندی {#packing}\n\nبسته‌ها ظرف دو روز ارسال می‌شوند.\n\n## بازگشت {#returns}\n\nخریداران می‌توانند کالا را برگردانند.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(lines(&found), [16], "{body}");
    }
    for (lang, body) in [
        // Several sub-sections are the items, whatever the words.
        (
            "en",
            "## Selling {#selling}\n\nThis part covers the following topics:\n\n### Listing {#listing}\n\nSellers list goods.\n\n### Pricing {#pricing}\n\nSellers set prices.\n\n## Law {#law}\n\nGerman law applies.",
        ),
        (
            "en",
            "## Conduct {#conduct}\n\nThe rules below apply:\n\n### Honesty {#honesty}\n\nDescribe goods truthfully.\n\n### Respect {#respect}\n\nTreat buyers politely.",
        ),
        (
            "fr",
            "## Vente {#vente}\n\nCette partie traite des sujets suivants :\n\n### Annonces {#annonces}\n\nLes vendeurs publient.\n\n### Prix {#prix}\n\nLes vendeurs fixent les prix.",
        ),
        (
            "de",
            "## Daten {#daten}\n\nWir erheben:\n\n### Angaben von Ihnen {#ihre}\n\nName und Anschrift.\n\n### Angaben vom Gerät {#geraet}\n\nIP-Adresse.\n\n## Recht {#recht}\n\nEs gilt deutsches Recht.",
        ),
        (
            "fa",
            "## فروش {#selling}\n\nاین بخش به موضوعات زیر می‌پردازد:\n\n### آگهی {#ads}\n\nفروشندگان آگهی می‌گذارند.\n\n### قیمت {#price}\n\nفروشندگان قیمت را تعیین می‌کنند.",
        ),
        // One sub-section: under a title, its list or table; or named by the announcement.
        (
            "en",
            "## Fees {#fees}\n\nSellers pay:\n\n### Commission {#commission}\n\n- 5% per sale\n- 1 euro per listing\n\n## Law {#law}\n\nGerman law applies.",
        ),
        (
            "fr",
            "## Frais {#frais}\n\nLes vendeurs paient :\n\n### Commission {#commission}\n\n| Vente | Taux |\n|---|---|\n| Livre | 8 % |",
        ),
        (
            "de",
            "## Gebühren {#gebuehren}\n\nVerkäufer zahlen die folgenden Gebühren:\n\n### Provision {#provision}\n\nFünf Prozent je Verkauf.",
        ),
        (
            "en",
            "## Fees {#fees}\n\nThis section covers:\n\n### Commission {#commission}\n\nSellers pay five percent.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_full_stop_announcement_before_nothing_empty_html_or_the_next_heading_lost_its_items() {
    let ends = |sentence: &str| -> [String; 3] {
        [
            format!("## Section {{#section}}\n\n{sentence}"),
            format!("## Section {{#section}}\n\n{sentence}\n\n<div>\n</div>"),
            before_the_next_heading(sentence),
        ]
    };
    for (lang, sentence) in [
        ("en", "The commissions are as follows."),
        ("en", "Sellers pay the following."),
        (
            "fr",
            "Les vendeurs règlent les commissions indiquées ci-dessous.",
        ),
        ("de", "Verkäufer zahlen folgende."),
        ("de", "Die Provisionen sind wie folgt."),
        ("fa", "کمیسیون‌ها به شرح زیر است."),
        // Persian typed without half-spaces.
        ("fa", "کمیسیون های فروشندگان به شرح زیر است."),
        ("fa", "فروشندگان کمیسیون های زیر را پرداخت می کنند."),
    ] {
        for body in ends(sentence) {
            let found = lost_lists(lang, &body);
            assert_eq!(lines(&found), [16], "{body}");
        }
    }
    // The same words used ordinarily, or before what they announce.
    for (lang, body) in [
        ("en", "We ship on the day following payment."),
        ("en", "Reviews are shown below each product."),
        ("fr", "La livraison a lieu le jour ouvré suivant."),
        ("de", "Die Lieferung erfolgt am folgenden Werktag."),
        ("fa", "کاربران زیر ۱۸ سال نمی‌توانند خرید کنند."),
        (
            "en",
            "The commissions are as follows.\n\n<ul><li>5% per sale</li></ul>",
        ),
        (
            "fa",
            "کمیسیون‌ها به شرح زیر است.\n\n<ul><li>پنج درصد</li></ul>",
        ),
        (
            "en",
            "The withdrawal notice reads as follows.\n\n> I hereby withdraw from the contract.",
        ),
    ] {
        let found = lost_lists(lang, &before_the_next_heading(body));
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn an_announcement_after_other_text_of_its_section_before_several_sections_lost_its_items() {
    let sections = |lang: &str, section: &str, paragraph: &str| {
        let (a, b) = match lang {
            "fr" => (
                "## Paiement {#paiement}\n\nLes acheteurs paient par carte.",
                "## Données {#donnees}\n\nNous gardons les données un an.",
            ),
            "de" => (
                "## Zahlung {#zahlung}\n\nKäufer zahlen mit Karte.",
                "## Datenschutz {#datenschutz}\n\nWir speichern Daten ein Jahr lang.",
            ),
            _ => (
                "## Payment {#payment}\n\nBuyers pay by card.",
                "## Privacy {#privacy}\n\nWe keep data for a year.",
            ),
        };
        format!("## {section} {{#section}}\n\n{paragraph}\n\n{a}\n\n{b}")
    };
    for (lang, section, paragraph) in [
        (
            "en",
            "Delivery",
            "We ship to most countries. We cannot ship the following goods:",
        ),
        (
            "fr",
            "Livraison",
            "Nous livrons dans la plupart des pays. Nous ne livrons pas les produits suivants :",
        ),
        (
            "de",
            "Versand",
            "Wir liefern in die meisten Länder. Folgende Waren liefern wir nicht:",
        ),
    ] {
        let body = sections(lang, section, paragraph);
        let found = lost_lists(lang, &body);
        assert_eq!(lines(&found), [16], "{body}");
    }
    // The announcement alone opens its section: the headings after it, flattened to its level
    // in a document with no deeper one, are its items.
    for (lang, section, paragraph) in [
        (
            "en",
            "Goods we do not ship",
            "We cannot ship the following goods:",
        ),
        (
            "fr",
            "Produits exclus",
            "Nous ne livrons pas les produits suivants :",
        ),
        (
            "de",
            "Ausgeschlossene Waren",
            "Folgende Waren liefern wir nicht:",
        ),
    ] {
        let body = sections(lang, section, paragraph);
        let found = lost_lists(lang, &body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn a_full_stop_announcement_in_the_clause_after_an_opening_phrase_lost_its_items() {
    for (lang, sentence) in [
        (
            "en",
            "Shops pay a yearly fee. On top of that, the following charges are billed to every shop.",
        ),
        (
            "fr",
            "Les boutiques paient un abonnement annuel. En outre, les frais suivants sont facturés aux vendeurs.",
        ),
        // The particle of a German verb ends the sentence: it refers to nothing.
        (
            "de",
            "Händler zahlen eine Jahresgebühr. Für gewerbliche Händler fallen außerdem die nachstehenden Kosten an.",
        ),
    ] {
        for body in [
            format!("## Section {{#section}}\n\n{sentence}"),
            before_the_next_heading(sentence),
        ] {
            let found = lost_lists(lang, &body);
            assert_eq!(lines(&found), [16], "{body}");
        }
    }
    for (lang, sentence) in [
        // A further-on phrase with a verb that describes the items given further on.
        (
            "en",
            "If a parcel is lost, the rules below are explained in Clause 9.",
        ),
        (
            "fr",
            "Si un colis est perdu, les règles ci-dessous sont décrites à l'article 9.",
        ),
        // A unit of time after the phrase.
        (
            "en",
            "For orders placed on a Sunday, the following day is the day of shipping.",
        ),
    ] {
        let body = before_the_next_heading(sentence);
        let found = lost_lists(lang, &body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}

#[test]
fn an_announcement_before_a_paragraph_announcing_its_own_list_lost_its_items() {
    for (lang, body) in [
        (
            "en",
            "## Shops {#shops}\n\nTo open a shop you must meet the following conditions:\n\nShops based abroad also need an agent. The agent must give us the following:\n\n- an address\n- a phone number",
        ),
        (
            "fr",
            "## Boutiques {#shops}\n\nPour ouvrir une boutique, fournissez les pièces suivantes :\n\nLes boutiques étrangères ont besoin d'un mandataire. Le mandataire fournit les informations suivantes :\n\n- une adresse\n- un numéro de téléphone",
        ),
        (
            "de",
            "## Shops {#shops}\n\nFür einen Shop gelten folgende Voraussetzungen:\n\nShops im Ausland brauchen einen Vertreter. Der Vertreter nennt uns folgende Angaben:\n\n- eine Anschrift\n- eine Telefonnummer",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(lines(&found), [16], "{body}");
    }
    for (lang, body) in [
        // An announcement of anything, or of a manner, may introduce a paragraph with a list.
        (
            "en",
            "## Shops {#shops}\n\nPlease note the following:\n\nShops based abroad need an agent. The agent must give us the following:\n\n- an address\n- a phone number",
        ),
        (
            "en",
            "## Shops {#shops}\n\nThe fee is calculated as follows:\n\nEvery shop pays a base fee. On top of it come these charges:\n\n- listing\n- storage",
        ),
        // A definition after an announcement of definitions is one of them.
        (
            "en",
            "## Terms {#terms}\n\nTo read these rules, we give the following short definitions:\n\nA shop is a page where a seller offers goods. There are two kinds of shop:\n\n- private\n- business",
        ),
        // A paragraph of one sentence announcing a list is the first one's item, with its own.
        (
            "en",
            "## Shops {#shops}\n\nTo open a shop you must meet the following conditions:\n\nAn agent abroad must give us the following:\n\n- an address\n- a phone number",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:?}", lines(&found));
    }
}
