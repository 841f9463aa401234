//! Check precision on the shapes real documents take: each check fires on a text of our own
//! writing that shows a family of mistakes, and stays silent on a near miss.

use davar_policy::{Diagnostic, load};
use jiff::civil::date;

const SITE: &str = "marketplace:\n  name: { en: Bazarcheh, fa: بازارچه, fr: Bazarcheh, de: Bazarcheh }\n  brands: [Bazarcheh]\nbase_url: https://policies.bazarcheh.example\nlanguages: [en, fa, fr, de]\nbinding_language: en\n";

/// The findings with `code` on one version of a `terms` document in `lang`, effective
/// 2026-10-15, whose body is `body` under one clause.
pub(crate) fn findings(code: &str, lang: &str, body: &str) -> Vec<Diagnostic> {
    findings_in(code, &[("terms/v1", lang, body)])
}

/// The findings with `code` on versions `(doc/vN, lang, body)`, each effective 2026-10-15.
fn findings_in(code: &str, versions: &[(&str, &str, &str)]) -> Vec<Diagnostic> {
    let dir = write_set(versions);
    let (set, mut diagnostics) = load(dir.path()).expect("the set loads");
    diagnostics.extend(davar_policy::check(&set, date(2026, 12, 2)));
    diagnostics.retain(|d| d.code == code);
    diagnostics
}

/// A policies directory with versions `(doc/vN, lang, body)` (or `doc/<file name>`, lang, body),
/// version N effective on 2026-10-(14 + N).
fn write_set(versions: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE).unwrap();
    for (path, lang, body) in versions {
        let (doc, file) = path.split_once('/').unwrap();
        let version: String = file
            .chars()
            .skip(1)
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .trim_start_matches('0')
            .to_string();
        let day = 14 + version.parse::<u32>().unwrap_or(1);
        std::fs::create_dir_all(dir.path().join(doc)).unwrap();
        let front = format!(
            "---\nid: {doc}\ntype: Terms of Service\nlang: {lang}\ntitle: T\nversion: {version}\npublished: 2026-09-01\neffective: 2026-10-{day}\naudience: consumers\nchange: substantive\nsummary: S\n---\n\n## Scope {{#scope}}\n\n"
        );
        let file = if path.contains('.') {
            (*path).to_string()
        } else {
            format!("{path}.{lang}.md")
        };
        std::fs::write(dir.path().join(file), format!("{front}{body}\n")).unwrap();
    }
    dir
}

fn messages(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| d.message.as_str()).collect()
}

/// The spellings the `half-space` findings on the Persian `body` suggest, and their messages.
fn half_space_fixes(body: &str) -> (Vec<String>, Vec<String>) {
    let found = findings("half-space", "fa", body);
    let fixed = found
        .iter()
        .filter_map(|d| d.message.rsplit('`').nth(1))
        .map(str::to_string)
        .collect();
    (fixed, found.into_iter().map(|d| d.message).collect())
}

#[test]
fn half_space_reports_spaced_affixes_joined_plurals_and_perfect_endings() {
    let (fixed, found) = half_space_fixes(
        "همهٔ پاسخها و درخواستهایی که ثبت کردهاید را بررسی می کنیم؛ شما نمی توانید آن را حذف کنید.",
    );
    assert_eq!(
        fixed,
        [
            "پاسخ\u{200C}ها",
            "درخواست\u{200C}هایی",
            "کرده\u{200C}اید",
            "می\u{200C}کنیم",
            "نمی\u{200C}توانید"
        ],
        "{found:#?}"
    );
}

#[test]
fn half_space_leaves_words_that_only_look_like_affixes() {
    let found = findings(
        "half-space",
        "fa",
        "تنها میزان کارمزد و انتهای صفحه مهم است؛ آنها و اینها کالاها را در میدان می‌فروشند و پاسخ‌ها ثبت شده‌اند. اتهام و الهام.",
    );
    assert!(found.is_empty(), "{:#?}", messages(&found));
}

#[test]
fn date_mismatch_reads_announcements_in_four_languages() {
    for (lang, body) in [
        ("en", "These terms come into force on 1 Oct 2026."),
        ("en", "The rules below apply from October 1st, 2026."),
        (
            "fr",
            "Les présentes conditions s'appliquent à compter du 1er oct. 2026.",
        ),
        ("de", "Diese Bedingungen treten am 1. Okt. 2026 in Kraft."),
        ("de", "Stand: Sept. 2026, gelten ab 1.10.26."),
        ("fa", "این قوانین از تاریخ ۹ مهر ۱۴۰۵ لازم‌الاجرا هستند."),
        ("fa", "تاریخ اجرا: ۱۴۰۵/۰۷/۰۹"),
    ] {
        let found = findings("date-mismatch", lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
        assert!(
            found[0].message.contains("2026-10-01"),
            "{}",
            found[0].message
        );
    }
}

#[test]
fn date_mismatch_leaves_agreeing_dates_and_dates_of_earlier_texts() {
    for (lang, body) in [
        ("en", "These terms take effect on 15 October 2026."),
        ("fa", "این قوانین از ۲۳ مهر ۱۴۰۵ لازم‌الاجرا هستند."),
        (
            "en",
            "They replace the conditions that were effective from 1 April 2025.",
        ),
        (
            "fr",
            "Elles remplacent les conditions en vigueur depuis le 1er avril 2025.",
        ),
        ("de", "Die bisherigen Bedingungen waren gültig ab 1.4.2025."),
        (
            "fr",
            "Le règlement sur les données, applicable à compter du 25 mai 2018, s'applique.",
        ),
    ] {
        let found = findings("date-mismatch", lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn placeholder_reports_fields_in_any_case_variables_and_pseudo_tags() {
    for (lang, body) in [
        (
            "en",
            "Our registered office is at [Registered office address].",
        ),
        ("en", "Sellers pay [X]% of each sale."),
        ("de", "Verantwortlich: [Name der Firma einfügen]"),
        ("fr", "Adresse du siège : [à compléter]"),
        ("fa", "نشانی دفتر: [نشانی دفتر مرکزی]"),
        ("en", "A fee of ${seller_fee} applies to each order."),
        ("en", "A fee of %SELLER_FEE% applies to each order."),
        (
            "en",
            "Send your claim to <Insert claims address> within 14 days.",
        ),
        ("en", "Each listing costs <<LISTING FEE>>."),
    ] {
        let found = findings("placeholder", lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn placeholder_leaves_glosses_abbreviations_links_and_html() {
    let found = findings(
        "placeholder",
        "en",
        "Bazarcheh is a société par actions simplifiée [simplified joint-stock company] under the \
         Commercial Code [HGB]; see [our terms](/terms) and [Contact][c].\n\n\
         - [x] checked\n\nPrices <em>include</em> VAT<br>and 100% of fees; see \
         <https://policies.bazarcheh.example/caf%C3%A9>.\n\n[c]: /contact\n",
    );
    assert!(found.is_empty(), "{:#?}", messages(&found));
}

#[test]
fn decomposed_text_is_read_composed_by_checks_and_clause_ids() {
    use unicode_normalization::UnicodeNormalization;
    let body: String = "Diese Bedingungen sind gültig ab 1. März 2026.\n\n## Kündigung\n\nText."
        .nfd()
        .collect();
    assert_ne!(
        body,
        body.nfc().collect::<String>(),
        "the fixture is decomposed"
    );
    let dir = write_set(&[("terms/v1", "de", &body)]);
    let (set, mut diagnostics) = load(dir.path()).expect("the set loads");
    diagnostics.extend(davar_policy::check(&set, date(2026, 12, 2)));
    let dates: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.code == "date-mismatch")
        .collect();
    assert_eq!(dates.len(), 1, "{diagnostics:#?}");
    let ids: Vec<&str> = set.documents[0].versions[0]
        .clauses
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert!(ids.iter().all(|id| !id.contains("-ndigung")), "{ids:?}");
    assert!(set.documents[0].versions[0].source.contains("Kündigung"));
}

#[test]
fn a_misspelt_file_name_gets_did_you_mean_and_no_cascade() {
    for wrong in ["v02.en.md", "v2.en.MD", "v2.en.markdown"] {
        let dir = write_set(&[
            ("terms/v1", "en", "First."),
            ("terms/v1", "fa", "نخست."),
            ("terms/v2", "fa", "دوم."),
            (&format!("terms/{wrong}"), "en", "Second."),
        ]);
        let (set, mut diagnostics) = load(dir.path()).expect("the set loads");
        diagnostics.extend(davar_policy::check(&set, date(2026, 12, 2)));
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.severity == davar_policy::Severity::Error)
            .map(|d| {
                format!(
                    "{} {} ({})",
                    d.code,
                    d.message,
                    d.help.as_deref().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(errors.len(), 1, "{wrong}: {errors:#?}");
        assert!(errors[0].contains("did you mean `v2.en.md`"), "{errors:#?}");
        assert!(
            !diagnostics.iter().any(|d| d.code == "translation-mismatch"),
            "{wrong}: {diagnostics:#?}"
        );
    }
}

#[test]
fn unknown_brand_reports_names_the_text_speaks_as_and_other_sites_addresses() {
    for (lang, body, name) in [
        (
            "en",
            "Welcome to Lumomart. These terms cover your purchases.",
            "Lumomart",
        ),
        ("en", "At Lumomart, we answer within a day.", "Lumomart"),
        ("de", "Bei Lumomart prüfen wir jede Bewertung.", "Lumomart"),
        (
            "fr",
            "Chez Lumomart, nous vérifions chaque avis.",
            "Lumomart",
        ),
        (
            "en",
            "For anything else, write to help@lumomart.net.",
            "lumomart.net",
        ),
        (
            "en",
            "Our help pages are at help.lumomart.net.",
            "help.lumomart.net",
        ),
        (
            "de",
            "Anbieter dieser Plattform ist die Lumo Handel GmbH, Hamburg.",
            "Lumo Handel GmbH",
        ),
    ] {
        let found = findings("unknown-brand", lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
        assert!(found[0].message.contains(name), "{}", found[0].message);
    }
}

#[test]
fn unknown_brand_leaves_third_parties_labels_common_words_and_products() {
    for body in [
        "Write to us at help@bazarcheh.example. Card refunds: write to refunds@payco.net.",
        "You may write to the mediator at office@mediators.example.org.",
        "Registered office\n\nE-Mail: office@holding-nord.de",
        "At Registration, we ask for your name. Your registration takes a minute.",
        "Welcome to Seller Central, where you list your products.",
        "Bazarcheh uses Payco Ltd for card payments.",
    ] {
        let found = findings("unknown-brand", "en", body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn unknown_brand_leaves_the_addresses_of_couriers_banks_and_payment_services() {
    for (lang, body) in [
        (
            "en",
            "For questions about a parcel on its way, write to the courier at desk@parcelrun.example.",
        ),
        (
            "en",
            "To dispute a card charge, contact your bank at disputes@lumobank.example.",
        ),
        (
            "fr",
            "Pour une contestation, écrivez au service client de votre banque : litiges@banque-lumo.example.",
        ),
        (
            "de",
            "Bei Fragen zur Zahlung schreiben Sie bitte an den Zahlungsdienstleister: hilfe@zahlwerk.example.",
        ),
        (
            "fa",
            "برای پیگیری مرسوله به پیک به نشانی help@peykrun.example بنویسید.",
        ),
    ] {
        let found = findings("unknown-brand", lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
    // The marketplace's own address left from another site is still one.
    let found = findings(
        "unknown-brand",
        "en",
        "For questions about your order, write to orders@parcelrun.example.",
    );
    assert_eq!(found.len(), 1, "{:#?}", messages(&found));
}

#[test]
fn unknown_brand_leaves_a_parent_or_group_the_text_ties_to_the_marketplace() {
    for (lang, body) in [
        (
            "en",
            "Welcome to Lumomart.\n\nLumomart Inc. and all of its brands (including Bazarcheh) (collectively, “Lumomart”, “us” or “we”) run these services.",
        ),
        (
            "en",
            "Welcome to Lumomart. Bazarcheh is part of the Lumomart group of companies.",
        ),
        (
            "en",
            "Welcome to Lumomart. Bazarcheh, a Lumomart company, answers your questions.",
        ),
        (
            "de",
            "Willkommen bei Lumomart. Bazarcheh ist ein Unternehmen der Lumomart Holding.",
        ),
        (
            "fr",
            "Bienvenue sur Lumomart. Bazarcheh fait partie du groupe Lumomart.",
        ),
        (
            "en",
            "At Lumomart, we answer within a day. Bazarcheh is operated by Lumomart Ltd.",
        ),
    ] {
        let found = findings("unknown-brand", lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
    // Near misses: the relation is stated without the marketplace, or the marketplace is
    // named without a relation.
    for body in [
        "Welcome to Lumomart. Lumomart is part of the Lumo group of companies.",
        "Welcome to Lumomart. Bazarcheh sells books, and Lumomart sells music.",
        "Welcome to Lumomart. Lumomart Inc. (collectively, “Lumomart”, “we”) runs these services.",
    ] {
        let found = findings("unknown-brand", "en", body);
        assert!(!found.is_empty(), "{body}");
        assert!(
            found.iter().all(|d| d.message.contains("Lumomart")),
            "{body}: {:#?}",
            messages(&found)
        );
    }
}

#[test]
fn a_fence_meant_as_an_obligation_block_is_an_error_with_did_you_mean() {
    let block = "Sellers answer within two days.\n\n```Obligation\nid: answer\nactor: seller\nwithin: 2 days\n```\n\n```yaml\nkey: value\n```";
    let found = findings("obligation-block", "en", block);
    assert_eq!(found.len(), 1, "{:#?}", messages(&found));
    assert!(
        found[0].message.contains("```Obligation"),
        "{}",
        found[0].message
    );
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("```obligation"),
        "{:?}",
        found[0].help
    );
}

#[test]
fn translation_mismatch_reports_the_binding_text_when_every_translation_agrees() {
    let two = "Refunds are paid:\n\n- to the card\n- as credit";
    let found = findings_in(
        "translation-mismatch",
        &[
            ("terms/v1", "en", "Refunds are paid:\n\n- to the card"),
            ("terms/v1", "fr", two),
            ("terms/v1", "de", two),
            ("terms/v1", "fa", two),
        ],
    );
    assert_eq!(found.len(), 1, "{:#?}", messages(&found));
    assert!(found[0].file.ends_with("terms/v1.en.md"), "{:#?}", found[0]);
    assert!(
        found[0].message.contains("in every translation"),
        "{}",
        found[0].message
    );
}

#[test]
fn translation_mismatch_compares_links_to_other_documents() {
    let linked = "See the [refund rules](@help#refunds).";
    // en links once; fr adds a link, fa links elsewhere, de keeps the link.
    let found = findings_in(
        "translation-mismatch",
        &[
            ("terms/v1", "en", linked),
            (
                "terms/v1",
                "fr",
                "Voir les [règles](@help#refunds) et les [paiements](@help#payments).",
            ),
            ("terms/v1", "de", "Siehe die [Regeln](@help#refunds)."),
            ("terms/v1", "fa", "[قواعد](@help#payments) را ببینید."),
            (
                "help/v1",
                "en",
                "## Refunds {#refunds}\n\n## Payments {#payments}",
            ),
            ("help/v1", "fr", "## R {#refunds}\n\n## P {#payments}"),
            ("help/v1", "de", "## R {#refunds}\n\n## P {#payments}"),
            ("help/v1", "fa", "## R {#refunds}\n\n## P {#payments}"),
        ],
    );
    let files: Vec<String> = found
        .iter()
        .map(|d| d.file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        ["v1.fa.md", "v1.fa.md", "v1.fr.md"],
        "{:#?}",
        messages(&found)
    );
}

#[test]
fn translation_mismatch_compares_links_within_the_document_by_the_clause_they_reach() {
    let en = "## Scope {#scope}\n\nSee the [complaints clause](#complaints).\n\n## Complaints {#complaints}\n\nWrite to us.";
    // Headings without ids get ids from their own language's words: the clauses are matched in
    // order, so `#reclamations` in fr reaches the clause `#complaints` reaches in en.
    let en_derived =
        "## Scope\n\nSee the [complaints clause](#complaints).\n\n## Complaints\n\nWrite to us.";
    let fr_derived =
        "## Champ\n\nVoir la [clause](#reclamations).\n\n## Réclamations\n\nÉcrivez-nous.";
    let found = findings_in(
        "translation-mismatch",
        &[
            ("terms/v1", "en", en),
            // Links to another clause.
            (
                "terms/v1",
                "fa",
                "## دامنه {#scope}\n\n[بند شکایت‌ها](#scope) را ببینید.\n\n## شکایت‌ها {#complaints}\n\nبنویسید.",
            ),
            // Written without any link: left alone.
            (
                "terms/v1",
                "fr",
                "## Champ {#scope}\n\nVoir la clause des réclamations.\n\n## Réclamations {#complaints}\n\nÉcrivez-nous.",
            ),
            // The same clause.
            (
                "terms/v1",
                "de",
                "## Geltung {#scope}\n\nSiehe die [Beschwerden](#complaints).\n\n## Beschwerden {#complaints}\n\nSchreiben Sie uns.",
            ),
            ("help/v1", "en", en_derived),
            ("help/v1", "fr", fr_derived),
        ],
    );
    let found: Vec<(String, &str)> = found
        .iter()
        .map(|d| {
            let file = d
                .file
                .strip_prefix(d.file.parent().unwrap().parent().unwrap());
            (file.unwrap().display().to_string(), d.message.as_str())
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found.iter().any(|(f, m)| f == "terms/v1.fa.md"
            && m.contains("link to `#scope` is not in the `en` text")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(f, m)| f == "terms/v1.fa.md" && m.contains("links to `#complaints`")),
        "{found:#?}"
    );
}

#[test]
fn language_mismatch_reports_a_version_translated_only_in_part() {
    let fr = "Le vendeur répond à chaque réclamation dans un délai de cinq jours ouvrables, garde une trace écrite de sa réponse pendant toute l'année et informe l'acheteur de la suite donnée à sa demande par courrier électronique.";
    let en = "The seller answers every complaint within five working days, keeps a written record of the answer for the whole year and tells the buyer by e-mail what was done about the request and why.";
    let es = "El vendedor responde a cada reclamación en un plazo de cinco días hábiles, guarda una copia escrita de la respuesta durante todo el año e informa al comprador por correo electrónico de lo que se hizo.";
    let half = format!(
        "{fr}\n\n## Délais {{#delais}}\n\n{fr}\n\n## Records {{#records}}\n\n{en} {en}\n\n## Answers {{#answers}}\n\n{en} {en}"
    );
    let found = findings("language-mismatch", "fr", &half);
    assert_eq!(found.len(), 1, "{:#?}", messages(&found));
    assert!(
        found[0].message.contains("2 of 4 clause(s)"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("`en`"), "{}", found[0].message);

    let quoted =
        format!("{fr}\n\n## Délais {{#delais}}\n\n{fr}\n\n## Texte cité {{#cite}}\n\n{es} {es}");
    let found = findings("language-mismatch", "fr", &quoted);
    assert!(found.is_empty(), "{:#?}", messages(&found));
}

/// Each kind of mistake the imported real documents showed, written anew: every one is caught.
#[test]
fn the_mistakes_found_in_real_documents_are_caught() {
    for (lang, body) in [
        (
            "en",
            "Write to [\\[email protected\\]](https://shop.example/cdn-cgi/l/email-protection) for help.",
        ),
        ("en", "This agreement is made with [COMPANY NAME]."),
        ("en", "Refunds are paid within XX days of the return."),
        ("en", "Complaints go to [Insert e-mail]."),
        ("en", "The fee for express delivery is TBD."),
        (
            "en",
            "Refunds are sent by bank transfer to the account the buyer names at ___ within five working days.",
        ),
        ("fa", "این قرارداد میان خریدار و [نام شرکت] بسته می‌شود."),
    ] {
        assert!(
            !findings("placeholder", lang, body).is_empty(),
            "placeholder missed in {body:?}"
        );
    }
    assert_eq!(
        findings(
            "empty-list",
            "en",
            "Every seller accepts the conditions set out below."
        )
        .len(),
        1
    );
    assert!(!findings("half-space", "fa", "این شرایط برای همه اعمال میشود.").is_empty());
    let english = "The buyer can return any item within fourteen days of delivery and gets the full price back once the item arrives at the warehouse in its original state. ".repeat(6);
    assert_eq!(findings("language-mismatch", "fr", &english).len(), 1);
    let same = "Sellers answer every message within two days.";
    assert_eq!(
        findings_in(
            "no-op-version",
            &[("terms/v1", "en", same), ("terms/v2", "en", same)]
        )
        .len(),
        1
    );
    assert_eq!(
        findings(
            "date-mismatch",
            "de",
            "Diese Bedingungen sind gültig ab 1.1.2026 und gelten für jede Bestellung."
        )
        .len(),
        1
    );
    assert!(
        !findings_in(
            "translation-mismatch",
            &[
                (
                    "terms/v1",
                    "en",
                    "We accept:\n\n- cards\n- bank transfers\n- cash on delivery"
                ),
                ("terms/v1", "fa", "ما می‌پذیریم:\n\n- کارت\n- حواله بانکی"),
            ]
        )
        .is_empty()
    );
    assert!(
        !findings(
            "unknown-brand",
            "en",
            "At Shopalot GmbH, we answer every message sent from the contact page."
        )
        .is_empty()
    );
}

#[test]
fn broken_link_resolves_the_anchors_a_source_wrote_for_a_heading_s_full_text() {
    let body = "## 6. Haftung\n\nText.\n\n## 14.2 Right to rectification (Art. 16 GDPR)\n\nText.\n\n## Artikel 7 Kündigung\n\nText.\n\n## [](#sec-returns)Returns\n\nText.\n\n## Fees, payment & refunds\n\nText.\n\n## [](#ShopCookiePolicy)Cookie Policy\n\nText.\n\n## Shop Cookie Policy\n\nText.\n\n## 8. Data {#data}\n\nText.\n\n## Sellers\n\n### 1. Listing\n\nText.\n\n## Buyers\n\n### 1. Buying\n\nText.\n\n";
    let resolving = [
        "#6-haftung",
        "#6",
        "#14.2-right-to-rectification-art.-16-gdpr",
        "#142-right-to-rectification-art-16-gdpr",
        "#14.2-right-to-rectification-(art.-16-gdpr)",
        "#14.2-right-to-rectification-%28art.-16-gdpr%29",
        "#14-2-right-to-rectification-art-16-gdpr",
        "#14.2",
        "#14-2",
        "#artikel-7",
        "#artikel-7-kundigung",
        "#artikel-7-kündigung",
        "#sec-returns",
        "#fees-payment--refunds",
        "#ShopCookiePolicy",
        "#right-to-rectification-art-16-gdpr",
    ];
    let links: String = resolving
        .iter()
        .map(|l| format!("See [this]({l}).\n\n"))
        .collect();
    let found = findings("broken-link", "en", &format!("{body}{links}"));
    assert!(found.is_empty(), "{:#?}", messages(&found));

    // Near misses: a retyped anchor, a number no heading has, an anchor of the source page that
    // names no heading, the full-text slug of a heading with its own `{#id}`, and a number two
    // headings have.
    for (link, expected) in [
        ("#6-haftun", "did you mean `#6-haftung`?"),
        ("#9", "has no clause `9`"),
        ("#GUID-8966E75F", "has no clause `GUID-8966E75F`"),
        ("#8-data", "has no clause `8-data` did you mean `#data`?"),
        ("#1", "could be any of the headings `#listing`, `#buying`"),
    ] {
        let found = findings("broken-link", "en", &format!("{body}See [this]({link}).\n"));
        assert_eq!(found.len(), 1, "{link}: {:#?}", messages(&found));
        let text = format!(
            "{} {}",
            found[0].message,
            found[0].help.as_deref().unwrap_or("")
        );
        assert!(text.contains(expected), "{link}: {text}");
    }
}

#[test]
fn unknown_brand_leaves_the_party_or_operator_the_text_states_and_names_itself_by() {
    for (lang, body) in [
        (
            "en",
            "This agreement is between you and Lumo Handel Ltd (\"Lumo\", \"we\", \"us\"). Lumo offers the Bazarcheh store to sellers. Lumo may suspend a listing.",
        ),
        (
            "en",
            "\"Lumo,\" \"we\" or \"us\" means Lumo Handel Ltd and its affiliates. Lumo runs the Bazarcheh store. Write to Lumo at help@lumo-handel.example for anything else.",
        ),
        (
            "en",
            "Welcome to the Bazarcheh store. These services are provided by Lumo Handel Ltd. At Lumo Handel Ltd, we answer every message.",
        ),
        (
            "en",
            "Welcome to Bazarcheh. Lumo Market Ltd, a subsidiary of Lantern Holdings plc (\"Lantern\", \"we\"), runs the checkout. Lantern may change these terms and Lantern will tell you.",
        ),
        (
            "fr",
            "Bazarcheh est une boutique en ligne. Le site est exploité par Lumo Commerce SAS. Chez Lumo Commerce SAS, nous vérifions chaque avis.",
        ),
        (
            "de",
            "Bazarcheh ist ein Marktplatz. Dieser Vertrag wird zwischen Ihnen und der Lumo Handel GmbH geschlossen. Bei Lumo Handel GmbH prüfen wir jede Bewertung.",
        ),
        (
            "de",
            "Impressum für Bazarcheh\n\nAnbieter des Marktplatzes ist die Lumo Handel GmbH, Hamburg. Bei Lumo Handel GmbH prüfen wir jede Bewertung.",
        ),
    ] {
        let found = findings("unknown-brand", lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
    // Near misses: the party is named less often than the marketplace (a name left over from
    // another site's terms), or the text never names the marketplace; a statement that is not
    // about the text's own party (`partners such as`).
    for (lang, body, name) in [
        (
            "en",
            "Bazarcheh sells books. Bazarcheh answers within a day. This agreement is between you and Lumo Handel Ltd (\"we\", \"us\").",
            "Lumo Handel Ltd",
        ),
        (
            "en",
            "This agreement is between you and Lumo Handel Ltd (\"Lumo\", \"we\", \"us\"). Lumo may suspend a listing.",
            "Lumo Handel Ltd",
        ),
        (
            "fr",
            "Bazarcheh est une boutique. Bazarcheh répond vite. Bazarcheh livre partout. Le site est exploité par Lumo Commerce SAS. Chez Lumo Commerce SAS, nous vérifions chaque avis.",
            "Lumo Commerce SAS",
        ),
        (
            "en",
            "Bazarcheh lists the offers of partners. Payments are provided by Payco Ltd. At Lumo Handel Ltd, we answer every message.",
            "Lumo Handel Ltd",
        ),
    ] {
        let found = findings("unknown-brand", lang, body);
        assert!(
            found.iter().any(|d| d.message.contains(name)),
            "{body}: {:#?}",
            messages(&found)
        );
    }
}

/// `empty-list` on whole documents: the clause `Scope` holds `body`, and what follows it.
fn lost_lists(lang: &str, body: &str) -> Vec<Diagnostic> {
    findings("empty-list", lang, body)
}

#[test]
fn empty_list_reports_announcements_the_section_or_document_ends_after() {
    for (lang, body) in [
        // Ending in `.`, before the next section or at the end of the document.
        (
            "en",
            "Sellers may list second-hand items, provided that the following conditions are met.\n\n## Delivery {#delivery}\n\nWe ship within two days.",
        ),
        (
            "en",
            "Returns are free of charge.\n\nThe following conditions apply.",
        ),
        (
            "fr",
            "Pour toute commande passée sur le site, les conditions suivantes s'appliquent.\n\n## Livraison {#livraison}\n\nNous livrons en deux jours.",
        ),
        ("de", "Für Rücksendungen gelten folgende Bedingungen."),
        // Ending in `:` after other text of its section, right before the next heading.
        (
            "en",
            "Returns are free of charge.\n\nThe following documents must be sent with a return:\n\n## Delivery {#delivery}\n\nWe ship within two days.",
        ),
        (
            "fr",
            "Le paiement est exigible à la commande.\n\nLes moyens de paiement suivants sont acceptés :\n\n## Livraison {#livraison}\n\nNous livrons en deux jours.",
        ),
        // A short announcement as the document's last paragraph.
        (
            "en",
            "Returns are free of charge.\n\nThe following conditions apply:",
        ),
        ("fr", "Les retours sont gratuits.\n\nLes frais suivants :"),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn empty_list_leaves_references_to_the_text_after_pronouns_and_labels() {
    for (lang, body) in [
        // The items follow as a paragraph.
        (
            "fr",
            "Le paiement est exigible à la commande.\n\nLes moyens de paiement suivants sont acceptés :\n\ncarte bancaire, virement ou espèces à la livraison.",
        ),
        // Text further on, or the document itself.
        (
            "en",
            "Using the site means accepting the terms and conditions set out below.\n\n## Delivery {#delivery}\n\nWe ship within two days.",
        ),
        (
            "fr",
            "L'accès au site implique l'acceptation des termes et conditions suivants.\n\n## Définitions {#definitions}\n\nLe vendeur est la personne qui vend.",
        ),
        // "The following" as a pronoun may announce the headings after it, in a document
        // whose levels are flat.
        (
            "en",
            "Members keep the rights to their music.\n\nThe following is not permitted for any reason:\n\n## Law infringements {#law}\n\nNo content may break the law.\n\n## Spam {#spam}\n\nNo bulk messages.",
        ),
        // "Following" meaning "next", and a form label.
        ("en", "Payment is due on the following day."),
        ("en", "Please fill in the form below.\n\nDate of birth:"),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn half_space_reports_a_word_ending_in_heh_joined_to_the_next_part() {
    let (fixed, found) = half_space_fixes(
        "بستهبندی کالا باید سادهتر شود و فروشنده مسئول بهرهبرداری از اطلاعات نیست؛ بدهی خریدار و نگهداری کالا با فروشنده است.",
    );
    assert_eq!(
        fixed,
        ["بسته\u{200C}بندی", "ساده\u{200C}تر", "بهره\u{200C}برداری"],
        "{found:#?}"
    );
}

#[test]
fn half_space_splits_a_joined_heh_word_before_ai_after_the_heh_when_that_is_the_word() {
    let (fixed, found) = half_space_fixes(
        "گزارش هفتهای به فروشنده ارسال میگردد؛ هزینهای برای انبار اجارهای گرفته نمیشود و عکس چهرهای در پروفایل لازم نیست. خدمات حرفهای.",
    );
    assert_eq!(
        fixed,
        [
            "هفته\u{200C}ای",
            "می\u{200C}گردد",
            "هزینه\u{200C}ای",
            "اجاره\u{200C}ای",
            "نمی\u{200C}شود",
            "چهره\u{200C}ای",
            "حرفه\u{200C}ای"
        ],
        "{found:#?}"
    );
    // Near misses: plurals whose stem is the likelier word, and plurals after a letter that
    // never joins, which look right as written.
    let (fixed, found) = half_space_fixes(
        "ساعتهای کاری و دستهای خریدار؛ برندهای معتبر و سفرهای خارجی و کارهای لازم.",
    );
    assert_eq!(fixed, ["ساعت\u{200C}های", "دست\u{200C}های"], "{found:#?}");
}

#[test]
fn half_space_reports_compounds_written_with_a_space() {
    let (fixed, found) = half_space_fixes(
        "کالاها بر اساس دسته بندی فروشگاه طبقه بندی و با بسته بندی مناسب ارسال می‌شوند؛ فروشندگان علاقه مند به درجه بندی کالا با ما تماس بگیرند.",
    );
    assert_eq!(
        fixed,
        [
            "دسته\u{200C}بندی",
            "طبقه\u{200C}بندی",
            "بسته\u{200C}بندی",
            "علاقه\u{200C}مند",
            "درجه\u{200C}بندی"
        ],
        "{found:#?}"
    );
    assert!(found[0].contains("is one word"), "{found:#?}");
    // Near misses: a verb phrase with a participle, words that stand apart.
    let found = findings(
        "half-space",
        "fa",
        "اطلاعات ارائه شده در صفحه کالا و نحوه کار سامانه همه جا یکسان است؛ کالای استفاده نشده را پس بفرستید.",
    );
    assert!(found.is_empty(), "{:#?}", messages(&found));
}

#[test]
fn half_space_reads_tar_after_a_noun_as_wet() {
    // `تر` after a noun is the adjective "wet"; after an adjective, or a noun that `با` makes
    // one, it is the comparative ending.
    let (fixed, found) = half_space_fixes(
        "لباس تر را در کیسه نگذارید و پارچه تر را خشک کنید؛ بسته بندی ساده تر و با کیفیت تر بهتر است.",
    );
    assert_eq!(
        fixed,
        ["بسته\u{200C}بندی", "ساده\u{200C}تر", "کیفیت\u{200C}تر"],
        "{found:#?}"
    );
}

#[test]
fn empty_list_reports_an_announcement_before_the_next_topic_of_the_document() {
    for (lang, body) in [
        // The only heading before the end: a list of one heading is none.
        (
            "en",
            "Buyers may not return the following goods:\n\n## Governing law {#law}\n\nThe law of Iran applies.",
        ),
        (
            "en",
            "Sellers must not advertise any of the products below.\n\n## Governing law {#law}\n\nThe law of Iran applies.",
        ),
        (
            "fr",
            "Les vendeurs s'engagent à respecter les règles suivantes :\n\n## Droit applicable {#droit}\n\nLe droit français s'applique.",
        ),
        (
            "de",
            "Verkäufer dürfen die folgenden Waren nicht anbieten:\n\n## Anwendbares Recht {#recht}\n\nEs gilt deutsches Recht.",
        ),
        (
            "fa",
            "فروشندگان نباید موارد زیر را عرضه کنند:\n\n## قانون حاکم {#law}\n\nقوانین ایران حاکم است.",
        ),
        // A heading above the announcement's section.
        (
            "en",
            "### Fees {#fees}\n\nThe following fees apply:\n\n## Delivery {#delivery}\n\nWe ship within two days.\n\n## Returns {#returns}\n\nReturns are free.",
        ),
        // Siblings in a document that nests deeper elsewhere.
        (
            "de",
            "### Größen {#groessen}\n\nGrößen folgen der EU-Norm.\n\n## Ausgeschlossene Waren {#waren}\n\nFolgende Waren sind ausgeschlossen:\n\n## Lieferung {#lieferung}\n\nWir liefern in zwei Tagen.\n\n## Rückgabe {#rueckgabe}\n\nDie Rückgabe ist kostenlos.",
        ),
        // The section's own numbered series goes on.
        (
            "fr",
            "## Article 4 – Interdictions {#interdictions}\n\nLes vendeurs ne peuvent pas proposer les produits suivants :\n\n## Article 5 – Livraison {#livraison}\n\nNous livrons en deux jours.\n\n## Article 6 – Droit {#droit}\n\nLe droit français s'applique.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn empty_list_leaves_sections_written_as_the_announced_items() {
    for (lang, body) in [
        // Sub-sections.
        (
            "en",
            "Buyers may not return the following goods:\n\n### Food {#food}\n\nFresh food cannot be returned.",
        ),
        // Several headings at the section's level in a document without deeper levels: an
        // import may have flattened them.
        (
            "fr",
            "Les articles suivants sont interdits :\n\n## Armes {#armes}\n\nAucune arme.\n\n## Animaux vivants {#animaux}\n\nAucun animal.",
        ),
        (
            "fa",
            "موارد زیر ممنوع است:\n\n## سلاح {#weapons}\n\nفروش سلاح ممنوع است.\n\n## حیوانات زنده {#animals}\n\nفروش حیوانات ممنوع است.",
        ),
        // Headings of another shape than the section's, until its shape comes back.
        (
            "en",
            "## 4. PROHIBITED GOODS {#prohibited}\n\nSellers may not offer the following products:\n\n## Weapons {#weapons}\n\nNo firearms.\n\n## Live animals {#animals}\n\nNo pets.\n\n## 5. DELIVERY {#delivery}\n\nWe ship in two days.\n\n### 5.1 Zones {#zones}\n\nTehran only.",
        ),
        // A count of the sections that follow, with deeper levels elsewhere.
        (
            "de",
            "### Zweck {#zweck}\n\nDiese Seite erklärt Cookies.\n\n## Arten {#arten}\n\nCookies lassen sich in drei Gruppen einteilen:\n\n## Notwendige Cookies {#notwendig}\n\nSie halten den Warenkorb.\n\n## Statistik {#statistik}\n\nSie zählen Besuche.\n\n## Werbung {#werbung}\n\nSie zeigen Anzeigen.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn empty_list_reports_a_request_followed_by_prose_on_another_subject() {
    for (lang, body) in [
        // A condition opens the paragraph after the request.
        (
            "en",
            "Tell us what went wrong. To open a claim, please send us:\n\nIf we cannot settle the claim within a week, we pass it to an independent reviewer who decides within a month.",
        ),
        (
            "fr",
            "Pour ouvrir une réclamation, veuillez nous fournir :\n\nLorsque la réclamation ne peut être réglée à l'amiable, nous la confions à un médiateur indépendant.",
        ),
        (
            "de",
            "Für eine Reklamation geben Sie bitte an:\n\nFalls wir die Reklamation nicht innerhalb einer Woche klären, entscheidet eine unabhängige Schlichtungsstelle.",
        ),
        (
            "fa",
            "برای ثبت شکایت لطفاً موارد زیر را ارائه دهید:\n\nاگر شکایت در یک هفته حل نشود، پرونده به داور مستقل سپرده می‌شود و او ظرف یک ماه تصمیم می‌گیرد.",
        ),
        // Several sentences on another subject.
        (
            "en",
            "Every claim needs some facts, including:\n\nOur team answers within two days. Answers come by e-mail from the address you used to order.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
    }
    // A document whose requests are all followed by prose lost its lists, a single sentence
    // after a request included.
    let body = "We read every message. Here is how you can send feedback:\n\nWe answer every message with care and use it to make the shop better.\n\nTo report a fault, please provide:\n\nIf you are unhappy with the answer, you can ask for a second review by a senior member of staff.";
    let found = lost_lists("en", body);
    assert_eq!(found.len(), 2, "{body}: {:#?}", messages(&found));
    // One of the requests is followed by a list: the document writes its lists, and a single
    // sentence after a request may be its item.
    let body = "Here is how you can send feedback:\n\nWe answer every message with care and use it to make the shop better.\n\nTo report a fault, please provide:\n\n- your order number\n- a photo of the fault";
    let found = lost_lists("en", body);
    assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
}

#[test]
fn empty_list_leaves_a_paragraph_that_holds_what_was_announced() {
    for (lang, body) in [
        // An announcement that asks for nothing introduces any paragraph.
        (
            "en",
            "The following applies:\n\nIf you buy as a consumer, you may withdraw from the contract within fourteen days without giving a reason.",
        ),
        (
            "en",
            "Refunds are worded as follows:\n\n\"If the goods arrive damaged, the seller refunds the full price within five days.\"",
        ),
        // A request followed by a form, an address, a quotation or its single item.
        (
            "en",
            "To report a fault, please provide:\n\nName: ______ Order number: ______ Date of purchase: ______",
        ),
        (
            "en",
            "Please send your complaint, including your order number, to:\n\nBazarcheh Ltd, 12 Example Street, Floor 3, Tehran 1234567, Iran.",
        ),
        (
            "fr",
            "Veuillez indiquer :\n\n« Je renonce à mon droit de rétractation pour la commande indiquée ci-dessus. »",
        ),
        (
            "en",
            "To report a fault, please provide:\n\nA description of the fault with the order number and the date you noticed it.",
        ),
        (
            "de",
            "Bitte geben Sie an:\n\nihre Bestellnummer, das Kaufdatum und eine kurze Beschreibung des Mangels.",
        ),
    ] {
        let found = lost_lists(lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn placeholder_reports_blanks_inside_a_sentence_and_a_lone_field() {
    for (lang, body) in [
        ("fr", "Montant : ____ euros, payable à la commande."),
        ("fr", "Le présent contrat prend effet le ___ 2026."),
        ("en", "The fee is ____ pounds per order."),
        ("en", "Name: _______"),
        ("de", "Ansprechpartner: \\_\\_\\_\\_\\_\\_"),
    ] {
        let found = findings("placeholder", lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
    }
    for (lang, body) in [
        ("en", "This is ___really___ important, and __this__ too."),
        (
            "en",
            "Set `notify_all_sellers` or notify_all_sellers in the panel.",
        ),
        ("en", "Above.\n\n___\n\nBelow."),
        (
            "en",
            "Model withdrawal form\n\nName of the buyer: ______\n\nAddress of the buyer: ______",
        ),
        (
            "fr",
            "Fait à Lyon, lu et signé.\n\nLe vendeur ______ La plateforme ______",
        ),
    ] {
        let found = findings("placeholder", lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn unknown_brand_reports_another_site_s_contact_point_the_text_never_names() {
    for (lang, body, shown) in [
        (
            "en",
            "Questions about an order: support@deepnudeai.io\n\nWebsite: www.deepnudeai.io",
            "deepnudeai.io",
        ),
        (
            "de",
            "Fragen zur Bestellung richten Sie an kundenservice@schnellkauf24.de, mehr unter www.schnellkauf24.de.",
            "schnellkauf24.de",
        ),
        (
            "fr",
            "Pour toute question : contact@vitevendu.fr",
            "vitevendu.fr",
        ),
        // A letter outside ASCII right before the mailbox.
        ("fr", "Écrivez à\u{a0}support@vitevendu.fr", "vitevendu.fr"),
    ] {
        let found = findings("unknown-brand", lang, body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
        assert!(found[0].message.contains(shown), "{}", found[0].message);
    }
}

#[test]
fn unknown_brand_leaves_addresses_of_parties_the_text_names_and_pages_to_look_things_up() {
    for (lang, body) in [
        (
            "en",
            "For card refunds write to PayPal at service@paypal.com.",
        ),
        (
            "en",
            "DPG Media answers privacy requests: privacy@dpgmedia.nl",
        ),
        ("de", "Lumo Verlag GmbH\n\nE-Mail: info@lumo-verlag.de"),
        ("en", "Osta.ee: info@osta.ee"),
        (
            "en",
            "Centre for Effective Dispute Resolution\n\n1 Example Road, London\n\ninfo@cedr.example.com",
        ),
        (
            "en",
            "Lass-andere-schreiben.de is run by Ten GmbH.\n\nE-Mail: info@lass-andere-schreiben.de",
        ),
        (
            "en",
            "Bazarcheh belongs to Distilled. For a DSA request, email support@distilleddsa.zendesk.com.",
        ),
        (
            "en",
            "You may complain to the Consumer Disputes Board (www.riidat.example.fi).",
        ),
        ("en", "Robots must follow the rules at www.robotstxt.org."),
        (
            "fr",
            "Vous pouvez saisir le médiateur : contact@mediateur-vente.fr",
        ),
        ("en", "Write to us at help@bazarcheh.example."),
    ] {
        let found = findings("unknown-brand", lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

/// `body` after a paragraph naming the marketplace twice, in `lang`.
fn after_the_marketplace(lang: &str, body: &str) -> String {
    let intro = match lang {
        "fr" => {
            "Bazarcheh est une place de marché en ligne. Bazarcheh vend des livres et des lampes."
        }
        "de" => "Bazarcheh ist ein Online-Marktplatz. Bazarcheh verkauft Bücher und Lampen.",
        "fa" => "بازارچه یک بازار آنلاین است. بازارچه کتاب و چراغ می‌فروشد.",
        _ => "Bazarcheh is an online marketplace. Bazarcheh sells books and lamps.",
    };
    format!("{intro}\n\n{body}")
}

#[test]
fn unknown_brand_leaves_rights_holders_service_providers_and_sellers_shops() {
    // Persian rights kept for an ordinary noun; the provider of a service a privacy text
    // describes; the holders of rights in photos or logos; a seller's shop; a statement inside
    // a quote, whatever its quotation marks.
    for (lang, body) in [
        ("fa", "تمامی حقوق برای خریدار محفوظ است."),
        ("fa", "تمامی حقوق برای فروشندگان محفوظ است."),
        ("fa", "کلیه حقوق برای کاربران محفوظ است."),
        ("fa", "تمامی حقوق این سایت برای سایت محفوظ است."),
        ("fa", "تمام حقوق برای مشتریان محفوظ است."),
        ("fa", "همه‌ی حقوق برای صاحبان آثار محفوظ است."),
        ("fa", "تمامی حقوق مادی و معنوی برای نویسندگان محفوظ است."),
        ("fa", "تمامی حقوق برای فروشنده محفوظ است."),
        ("fa", "کلیه حقوق نزد کاربر محفوظ است."),
        ("fa", "تمامی حقوق برای مالکان کالاها محفوظ است."),
        ("fa", "تمامی حقوق این فروشگاه برای خریداران محفوظ است."),
        ("fa", "تمامی حقوق برای اعضای سایت محفوظ است."),
        (
            "de",
            "Wir nutzen einen Webanalysedienst. Anbieter ist die Metrico Ireland Limited, Gordon House, Dublin 4, Irland.",
        ),
        (
            "de",
            "Diese Website nutzt einen Kartendienst. Anbieter ist die Kartograf Inc., 740 15th Street, Washington.",
        ),
        (
            "de",
            "Wir binden Videos einer Videoplattform ein. Anbieter ist die Filmrolle Inc., New York.",
        ),
        (
            "de",
            "Zur Zahlung nutzen wir einen Zahlungsdienst. Anbieterin ist die Zahlfix Europe GmbH, Berlin.",
        ),
        (
            "de",
            "Für den Newsletter verwenden wir einen Versanddienst.\nAnbieter ist die Postwurf GmbH, Köpenicker Straße 126, 10179 Berlin.",
        ),
        (
            "en",
            "We use a web analytics service. The provider is Metrico Ireland Limited, Gordon House, Dublin.",
        ),
        (
            "en",
            "This website embeds videos from a video platform. The provider is Filmrolle Inc., New York.",
        ),
        (
            "en",
            "For chat support we use a chat tool.\nThe provider is Chatterly Ltd, London.",
        ),
        (
            "en",
            "Our checkout uses a fraud screening service. Its owner is Fraudguard Ltd, Leeds.",
        ),
        (
            "de",
            "Wir setzen ein Content Delivery Network ein. Anbieter ist die Wolkenrand Inc., San Francisco.",
        ),
        (
            "de",
            "Auf unserer Website ist ein Bewertungs-Widget eingebunden.\nAnbieter ist die Sternwert A/S, Kopenhagen.",
        ),
        (
            "de",
            "Wir nutzen einen Webanalysedienst. Inhaber ist die Metrico Ireland Limited, Dublin.",
        ),
        (
            "en",
            "The photos on this website are the property of Lumen Studio Ltd.",
        ),
        (
            "en",
            "All logos on this website are the property of Brandhouse Ltd.",
        ),
        (
            "en",
            "Product images on this site are the property of Pixelworks Ltd.",
        ),
        (
            "en",
            "The photographs shown on this website are the exclusive property of Lumen Studio Ltd.",
        ),
        (
            "fr",
            "Les photos de ce site sont la propriété de Studio Lumière SAS.",
        ),
        (
            "fr",
            "Les logos présents sur le site sont la propriété de Marques Unies SA.",
        ),
        (
            "de",
            "Die Fotos auf dieser Website sind Eigentum der Lichtbild GmbH.",
        ),
        (
            "de",
            "Die Logos auf dieser Website sind Eigentum der Markenhaus GmbH.",
        ),
        (
            "de",
            "Die Bilder dieses Shops sind Eigentum der Bildwerk GmbH.",
        ),
        (
            "en",
            "The images and videos on this website are the property of Lumen Studio Ltd.",
        ),
        (
            "en",
            "Trademarks and logos on this website are the property of their owners, such as Brandhouse Ltd.",
        ),
        (
            "en",
            "This store is a service of Meridian Goods Ltd, an independent seller.",
        ),
        (
            "en",
            "This shop is a service of Meridian Goods Ltd, an independent seller on Bazarcheh.",
        ),
        (
            "en",
            "This store is operated by Meridian Goods Ltd, an independent seller.",
        ),
        (
            "de",
            "Dieser Shop ist ein Angebot der Meridian Handel GmbH, eines unabhängigen Händlers.",
        ),
        (
            "de",
            "Dieser Shop ist ein Angebot der Meridian Handel GmbH, einem unabhängigen Verkäufer.",
        ),
        (
            "de",
            "Dieser Shop wird von der Meridian Handel GmbH betrieben, einem unabhängigen Händler.",
        ),
        (
            "fr",
            "Cette boutique est un service de Méridien Commerce SAS, vendeur indépendant.",
        ),
        (
            "fr",
            "Cette boutique est exploitée par Méridien Commerce SAS, un vendeur indépendant.",
        ),
        (
            "en",
            "This store is a service of Meridian Goods Ltd, a third-party seller.",
        ),
        (
            "en",
            "This store is a service of Meridian Goods Ltd, an independent merchant selling on this marketplace.",
        ),
        (
            "fa",
            "این فروشگاه متعلق به شرکت مریدین کالا، یک فروشنده مستقل، است.",
        ),
        (
            "de",
            "Ein Verkäufer schreibt etwa: »Dieser Shop wird von der Reiher Handel GmbH betrieben.« Das betrifft nur seinen Shop.",
        ),
        (
            "en",
            "Phishing messages may claim that ‘this website is operated by Northwind Retail Ltd’; it is not.",
        ),
        (
            "en",
            "Phishing messages may claim that 'this website is operated by Northwind Retail Ltd'; it is not.",
        ),
        (
            "de",
            "Der Shop »Reiher« auf diesem Marktplatz wird von der Reiher Handel GmbH betrieben.",
        ),
        (
            "en",
            "The shop ‘Heron’ on this marketplace is operated by Heron Trading Ltd.",
        ),
        (
            "en",
            "The shop 'Heron' on this marketplace is operated by Heron Trading Ltd.",
        ),
        (
            "fr",
            "La boutique ‹ Nimbus › de ce site est exploitée par Atelier Nimbus SAS.",
        ),
        (
            "de",
            "Ein Verkäufer schreibt etwa: ‚Dieser Shop wird von der Reiher Handel GmbH betrieben.‘ Das betrifft nur seinen Shop.",
        ),
        (
            "en",
            "A seller may write ‘This shop is operated by Heron Trading Ltd’ on its own page.",
        ),
        (
            "fr",
            "Un vendeur peut écrire ‘Ce site est édité par Atelier Nimbus SARL’ sur sa page.",
        ),
        (
            "en",
            "The store 'Heron Outlet' is operated by Heron Trading Ltd.",
        ),
        (
            "de",
            "Ein Verkäufer schreibt etwa: „Dieser Shop wird von der Reiher Handel GmbH betrieben.“ Das betrifft nur seinen Shop.",
        ),
        (
            "en",
            "Phishing messages may claim that \"this website is operated by Northwind Retail Ltd\"; it is not.",
        ),
        (
            "en",
            "The shop \"Heron\" on this marketplace is operated by Heron Trading Ltd.",
        ),
        ("fa", "کلیه حقوق برای صاحب اثر محفوظ است."),
        ("fa", "تمامی حقوق برای تولیدکنندگان محفوظ است."),
        ("fa", "همه حقوق برای مشتری محفوظ است."),
        (
            "fa",
            "تمامی حقوق مادی و معنوی این سایت برای وب‌سایت محفوظ است.",
        ),
        (
            "de",
            "Für Zahlungen binden wir einen Dienstleister ein. Anbieter ist die Zahlwerk Ltd, Dublin.",
        ),
        (
            "en",
            "To display maps we use an external service. The provider is Mapwise Inc., Seattle.",
        ),
        (
            "en",
            "The pictures on this site are the property of Snapfold Ltd.",
        ),
        (
            "de",
            "Die Grafiken dieser Website sind Eigentum der Pixelhaus GmbH.",
        ),
        (
            "fr",
            "Les visuels de ce site sont la propriété de Studio Clair SAS.",
        ),
        (
            "en",
            "This shop is operated by Corvid Crafts Ltd, a seller on this marketplace.",
        ),
        (
            "de",
            "Dieser Shop ist ein Angebot der Rabe Handel GmbH, eines Händlers auf diesem Marktplatz.",
        ),
        (
            "fr",
            "Cette boutique est un service de Corbeau SARL, vendeur tiers.",
        ),
        (
            "en",
            "Fake e-mails may say ‘this site is run by Corvid Crafts Ltd’; this is false.",
        ),
        (
            "de",
            "Betrüger behaupten »diese Website gehört der Rabe Handel GmbH«; das ist falsch.",
        ),
    ] {
        let found = findings("unknown-brand", lang, &after_the_marketplace(lang, body));
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
}

#[test]
fn unknown_brand_reports_a_company_stated_as_this_site_s_owner_in_the_same_shapes() {
    for (lang, body) in [
        (
            "fa",
            "تمامی حقوق این سایت برای شرکت نوآوران بازار محفوظ است.",
        ),
        ("fa", "تمامی حقوق برای شرکت چراغ‌نور محفوظ است."),
        ("fa", "تمامی حقوق این سایت برای دیجی‌نور محفوظ است."),
        ("fa", "کلیه حقوق این فروشگاه متعلق به فروشگاه نورافشان است."),
        ("fa", "تمامی حقوق این سایت برای Lumora محفوظ است."),
        ("fa", "تمامی حقوق برای Lumora Trading Ltd محفوظ است."),
        ("fa", "کلیه حقوق این سایت متعلق به Lumora است."),
        ("fa", "این سایت متعلق به شرکت نوآوران بازار است."),
        ("fa", "تمامی حقوق این سایت برای چراغستان محفوظ است."),
        ("fa", "کلیه حقوق برای نورپردازان آریا محفوظ است."),
        ("fa", "تمامی حقوق برای تجارت الکترونیک پارسیان محفوظ است."),
        (
            "de",
            "Anbieter dieser Website ist die Lampenwelt Handel GmbH, Hamburg.",
        ),
        ("de", "Betreiber ist die Lampenwelt Handel GmbH, Hamburg."),
        (
            "en",
            "The operator of this website is Northwind Retail Ltd.",
        ),
        (
            "en",
            "The provider of this website is Northwind Retail Ltd.",
        ),
        ("fr", "L'éditeur du site est Atelier Nimbus SAS."),
        (
            "de",
            "Diensteanbieter im Sinne des § 5 DDG ist die Lampenwelt Handel GmbH.",
        ),
        (
            "de",
            "Wir nutzen Google Analytics. Betreiber dieser Website ist die Lampenwelt Handel GmbH.",
        ),
        ("en", "- Operator: Northwind Retail Ltd"),
        ("de", "- Herausgeber: Lampenwelt Handel GmbH"),
        ("fr", "- **Éditeur** : Atelier Nimbus SAS"),
        (
            "en",
            "This website is the property of Northwind Retail Ltd.",
        ),
        (
            "en",
            "This website and its content are the property of Northwind Retail Ltd.",
        ),
        ("fr", "Le site est la propriété de Atelier Nimbus SAS."),
        (
            "de",
            "Diese Website ist Eigentum der Lampenwelt Handel GmbH.",
        ),
        (
            "de",
            "Sämtliche Inhalte dieses Online-Angebots sind Eigentum der Lampenwelt Handel GmbH.",
        ),
        (
            "en",
            "This website and all photos on it are the property of Northwind Retail Ltd.",
        ),
        (
            "fr",
            "Ce site et ses contenus sont la propriété exclusive de Atelier Nimbus SAS.",
        ),
        ("en", "This store is the property of Northwind Retail Ltd."),
        ("de", "Dieser Shop ist Eigentum der Lampenwelt Handel GmbH."),
        (
            "en",
            "This platform is the property of Northwind Retail Ltd.",
        ),
        ("en", "This store is a service of Meridian Goods Ltd."),
        (
            "en",
            "This website is a service of Meridian Goods Ltd, a company registered in England.",
        ),
        (
            "de",
            "Diese Website ist ein Angebot der Meridian Handel GmbH, Hamburg.",
        ),
        (
            "fr",
            "Ce site est un service de Méridien Commerce SAS, société au capital de 10 000 euros.",
        ),
        (
            "en",
            "This website is operated by Meridian Goods Ltd, an independent company.",
        ),
        (
            "de",
            "Dieser Shop wird von der Meridian Handel GmbH betrieben.",
        ),
        (
            "en",
            "This marketplace is operated by Meridian Goods Ltd, which sells to consumers.",
        ),
        ("fa", "این فروشگاه متعلق به شرکت مریدین کالا است."),
        ("en", "This store is operated by Meridian Goods Ltd."),
        (
            "fr",
            "Cette boutique est exploitée par Méridien Commerce SAS.",
        ),
        (
            "en",
            "This website (the ‘Platform’) is operated by Northwind Retail Ltd.",
        ),
        (
            "en",
            "Northwind Retail Ltd (‘we’, ‘us’) operates this website.",
        ),
        (
            "en",
            "Northwind Retail Ltd ('we', 'us') operates this website.",
        ),
        (
            "de",
            "Diese Website wird von der Reiher Handel GmbH (»wir«) betrieben.",
        ),
        (
            "de",
            "Die Reiher Handel GmbH (im Folgenden »wir«) betreibt diese Website.",
        ),
        (
            "en",
            "Northwind Retail Ltd (\"we\", \"us\") operates this website.",
        ),
        ("en", "This website is operated by ‘Northwind Retail Ltd’."),
        (
            "de",
            "Betreiber dieser Website ist die »Reiher Handel GmbH«.",
        ),
        (
            "en",
            "This website is operated by \"Northwind Retail Ltd\".",
        ),
        ("fr", "Le site est édité par « Atelier Nimbus SAS »."),
        (
            "en",
            "The photos and texts on this website are the property of Northwind Retail Ltd.",
        ),
        (
            "de",
            "Alle Inhalte und Bilder dieser Website sind Eigentum der Lampenwelt Handel GmbH.",
        ),
        ("de", "Anbieter: Lampenwelt Handel GmbH, Hamburg."),
        ("de", "Anbieter ist die Lampenwelt Handel GmbH, Hamburg."),
        ("en", "The provider is Northwind Retail Ltd, London."),
        (
            "en",
            "This store is a service of Meridian Goods Ltd, a company selling lamps.",
        ),
        ("fa", "تمامی حقوق برای شرکت روشنا صنعت محفوظ است."),
        ("fa", "تمامی حقوق این سایت متعلق به نورگستر است."),
        (
            "de",
            "## Impressum\n\nAnbieter ist die Lichtwerk Handel GmbH, Köln.",
        ),
        (
            "fr",
            "Les contenus de ce site sont la propriété de Lumière Commerce SAS.",
        ),
        (
            "de",
            "Dieser Shop ist ein Angebot der Rabe Handel GmbH, Köln.",
        ),
        ("en", "Corvid Crafts Ltd (‘we’) runs this website."),
    ] {
        let found = findings("unknown-brand", lang, &after_the_marketplace(lang, body));
        assert!(!found.is_empty(), "{body}");
    }
}

#[test]
fn placeholder_leaves_an_editor_s_marks_in_a_quotation() {
    for (lang, body) in [
        (
            "en",
            "The buyer wrote: \"[name removed] never sent the lamp [sic].\"",
        ),
        ("en", "The ruling against [seller withheld] is final."),
        (
            "en",
            "A seller \"must answer within two days\" [emphasis added] and \"[...] keep the receipt\".",
        ),
        ("en", "The notice [footnotes omitted] lists three fees."),
        ("de", "Der Käufer [Name entfernt] schrieb uns am Montag."),
        (
            "de",
            "„Der Händler haftet […] nicht“ [Hervorhebung hinzugefügt].",
        ),
        ("fr", "L'acheteur [nom supprimé] nous a écrit lundi."),
        (
            "fr",
            "« Le vendeur répond [...] sous deux jours » [passage caviardé].",
        ),
        ("fa", "خریدار [نام حذف شده] روز دوشنبه به ما نوشت."),
        ("fa", "«فروشنده […] پاسخ می‌دهد» [تأکید افزوده شده]."),
    ] {
        let found = findings("placeholder", lang, body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
    // A name to fill in, or an instruction beside the mark, is a field.
    for (lang, body) in [
        ("en", "Dear [name], your lamp has shipped."),
        ("en", "Write to [Insert e-mail] or to [SELLER NAME]."),
        ("en", "Listing shown since [insert date added]."),
        ("de", "Betrieben von [Firmenname]."),
        ("fr", "Exploité par [nom de la société]."),
        ("fa", "ارائه‌دهنده: [نام فروشنده]"),
    ] {
        let found = findings("placeholder", lang, body);
        assert!(!found.is_empty(), "{body}: nothing found");
    }
}

#[test]
fn no_op_version_reads_digits_of_every_script_as_the_same_digits() {
    for (lang, before, after) in [
        (
            "fa",
            "فروشنده ظرف ۴۸ ساعت پاسخ می‌دهد و کارمزد ۱۲٫۵٪ است.",
            "فروشنده ظرف 48 ساعت پاسخ می‌دهد و کارمزد 12.5% است.",
        ),
        (
            "fa",
            "فروشنده ظرف ۴۸ ساعت پاسخ می‌دهد.",
            "فروشنده ظرف ٤٨ ساعت پاسخ می‌دهد.",
        ),
        (
            "en",
            "Sellers answer within 48 hours; the fee is 1,250 tomans.",
            "Sellers answer within ۴۸ hours; the fee is ۱٬۲۵۰ tomans.",
        ),
        (
            "fr",
            "Le vendeur répond sous 72 heures.",
            "Le vendeur répond sous ٧٢ heures.",
        ),
        (
            "de",
            "Der Händler antwortet binnen \"14\" Tagen.",
            "Der Händler antwortet binnen “١٤” Tagen.",
        ),
    ] {
        let found = findings_in(
            "no-op-version",
            &[("terms/v1", lang, before), ("terms/v2", lang, after)],
        );
        assert_eq!(found.len(), 1, "{after}: {:#?}", messages(&found));
    }
    // Another number in another script is a change.
    for (lang, before, after) in [
        (
            "fa",
            "فروشنده ظرف ۴۸ ساعت پاسخ می‌دهد.",
            "فروشنده ظرف 24 ساعت پاسخ می‌دهد.",
        ),
        (
            "en",
            "Sellers answer within 48 hours.",
            "Sellers answer within ٤٩ hours.",
        ),
        ("fr", "Frais : 12,5 %.", "Frais : 12.5 %."),
    ] {
        let found = findings_in(
            "no-op-version",
            &[("terms/v1", lang, before), ("terms/v2", lang, after)],
        );
        assert!(found.is_empty(), "{after}: {:#?}", messages(&found));
    }
}

#[test]
fn half_space_reads_words_typed_with_arabic_letters_and_leaves_cited_spellings() {
    // Arabic ي and ك for ی and ک: the span is the text as typed, the fix in Persian letters.
    for (body, written, fix) in [
        ("سفارش شما فردا ارسال مي شود.", "مي شود", "می\u{200C}شود"),
        (
            "فروشنده نمي تواند سفارش را لغو كند.",
            "نمي تواند",
            "نمی\u{200C}تواند",
        ),
        ("همهٔ كتاب ها فردا می‌رسند.", "كتاب ها", "کتاب\u{200C}ها"),
        ("این کالا فردا ارسال ميشود.", "ميشود", "می\u{200C}شود"),
    ] {
        let found = findings("half-space", "fa", body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
        let message = &found[0].message;
        assert!(message.starts_with(&format!("`{written}`")), "{message}");
        assert!(message.ends_with(&format!("`{fix}`")), "{message}");
        let column = body.find(written).map(|i| body[..i].chars().count() + 1);
        assert_eq!(Some(found[0].column), column, "{message}");
        assert_eq!(
            found[0].end_column,
            column.map(|c| c + written.chars().count()),
            "{message}"
        );
    }
    // A spelling cited on its own in quotes or code is an example, not a mistake.
    for body in [
        "در متن‌ها «می شود» ننویسید؛ «می‌شود» درست است.",
        "شکل \"کتاب ها\" نادرست است.",
        "شکل “نمی توانید” نادرست است.",
        "شکل «میشود» نادرست است.",
        "شکل `مي شود` نادرست است.",
    ] {
        let found = findings("half-space", "fa", body);
        assert!(found.is_empty(), "{body}: {:#?}", messages(&found));
    }
    // A quotation of a sentence is written text, and so are words between two quotations.
    for body in [
        "فروشنده نوشت «ما کالا را فردا ارسال می کنیم» و چنین کرد.",
        "واژهٔ \"ارسال\" می شود \"فرستادن\" در متن‌های ما.",
    ] {
        let found = findings("half-space", "fa", body);
        assert_eq!(found.len(), 1, "{body}: {:#?}", messages(&found));
    }
}
