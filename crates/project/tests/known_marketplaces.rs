//! `foreign-brand` with the known marketplaces: the store lexicons of the repository's rules
//! directory (`rules/lexicons/stores.{lang}.txt`, the list `placement/other-store` reads)
//! report other marketplaces a site never listed in `foreign_brands`, in the forms that are
//! unambiguous in a legal text; the site's own names, its group, `third_parties`, ordinary
//! words and `known_marketplaces: false` stay silent.

use std::path::{Path, PathBuf};

use davar_policy::Diagnostic;
use davar_project::{Options, Paths, Project};
use jiff::civil::date;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const FRONT: &str = "---\nid: terms\ntype: Terms of Service\nversion: 1\npublished: 2026-10-01\neffective: 2026-11-01\naudience: [consumers, sellers]\nchange: substantive\nsummary: First version.\n";

/// A finding: the language of the version, the text it underlines, the diagnostic.
#[derive(Debug, PartialEq)]
struct Found {
    lang: String,
    text: String,
    diagnostic: Diagnostic,
}

/// A project in a temporary directory with `site` as its `site.yaml` and one version of
/// `terms` per `(lang, body)`, checked with the repository's rules directory (`rule_sets`:
/// whether the moderation rule sets are compiled too, or only the store lexicons read).
fn check(site: &str, versions: &[(&str, &str)], rule_sets: bool) -> Vec<Found> {
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(policies.join("terms")).unwrap();
    std::fs::write(policies.join("site.yaml"), site).unwrap();
    for (lang, body) in versions {
        std::fs::write(
            policies.join(format!("terms/v1.{lang}.md")),
            format!("{FRONT}lang: {lang}\ntitle: Terms\n---\n\n## Terms {{#terms}}\n\n{body}\n"),
        )
        .unwrap();
    }
    let paths = Paths {
        policies,
        rules: root().join("rules"),
    };
    let options = Options {
        as_of: Some(date(2026, 12, 2)),
        rule_sets,
    };
    let project = Project::load(&paths, options).expect("the sources load");
    project
        .diagnostics
        .iter()
        .filter(|d| d.code == "foreign-brand")
        .map(|d| {
            let line = project
                .source_of(&d.file)
                .and_then(|t| t.lines().nth(d.line - 1))
                .unwrap_or_default();
            let lang = versions
                .iter()
                .find(|(lang, _)| d.file.ends_with(format!("terms/v1.{lang}.md")))
                .map_or("", |(lang, _)| lang);
            let mut diagnostic = d.clone();
            diagnostic.file = d
                .file
                .strip_prefix(dir.path())
                .unwrap_or(&d.file)
                .to_path_buf();
            Found {
                lang: lang.to_string(),
                text: line
                    .chars()
                    .skip(d.column - 1)
                    .take(d.end_column.map_or(1, |end| end - d.column))
                    .collect(),
                diagnostic,
            }
        })
        .collect()
}

fn site(extra: &str) -> String {
    format!(
        "marketplace:\n  name: {{ fa: بازارچه, en: Bazarcheh, fr: Bazarcheh, de: Bazarcheh }}\n  brands: [Bazarcheh, بازارچه]\nbase_url: https://policies.bazarcheh.example\nlanguages: [fa, en, fr, de]\nbinding_language: fa\n{extra}"
    )
}

/// The text each finding in the version of `lang` underlines, in order.
fn found(findings: &[Found], lang: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.lang == lang)
        .map(|f| f.text.clone())
        .collect()
}

const FA: &str = "سفارش‌های ثبت‌شده در دیجی‌کالا را بازارچه پیگیری نمی‌کند. قیمت کالایی که از ترب پیدا کرده‌اید برای ما تعهدی ندارد.\n\nتابلوی فروشنده را در دیوار فروشگاه نصب کنید. محصولات جنگل آمازون را نمی‌فروشیم. نشانی ديجيکالا را وارد نکنید.";
const EN: &str = "Orders placed on Walmart are not handled by Bazarcheh. We also sell on Amazon, and the shop is hosted on Amazon Web Services.\n\nProducts made from wood of the Amazon rainforest, or aimed at target groups, need a label. Coupons from walmart.com do not apply; a walmart shelf is not ours.";
const FR: &str = "Les commandes passées sur Amazon ou sur Cdiscount ne sont pas traitées ici, pas plus que les annonces de Leboncoin.\n\nLe vendeur reçoit son colis au bon coin de la rue.";
const DE: &str = "Bestellungen bei Amazon oder bei Zalando bearbeiten wir nicht; Gutscheine von otto.de gelten nicht.\n\nAnsprechpartner ist Herr Otto Berger. Die Sonde flog am Planeten Saturn vorbei.";

#[test]
fn known_marketplaces_are_reported_in_their_unambiguous_forms() {
    let site = site("third_parties: [Amazon Web Services]\n");
    let versions = [("fa", FA), ("en", EN), ("fr", FR), ("de", DE)];
    let diagnostics = check(&site, &versions, false);
    assert_eq!(
        found(&diagnostics, "fa"),
        ["دیجی‌کالا", "از ترب", "ديجيکالا"],
        "{diagnostics:#?}"
    );
    assert_eq!(
        found(&diagnostics, "en"),
        ["Walmart", "on Amazon", "walmart"],
        "{diagnostics:#?}"
    );
    assert_eq!(
        found(&diagnostics, "fr"),
        ["sur Amazon", "Cdiscount", "Leboncoin"],
        "{diagnostics:#?}"
    );
    assert_eq!(
        found(&diagnostics, "de"),
        ["bei Amazon", "Zalando", "otto"],
        "{diagnostics:#?}"
    );
    let first = &diagnostics[0].diagnostic;
    assert!(
        first.message.contains("known marketplaces")
            && first.message.contains("stores.")
            && first.message.contains("not from site.yaml"),
        "{}",
        first.message
    );
    let help = first.help.as_deref().unwrap_or_default();
    for part in [
        "`third_parties`",
        "`marketplace.brands`",
        "`known_marketplaces: false`",
    ] {
        assert!(help.contains(part), "{help}");
    }
    // The same when the moderation rule sets are compiled and the lexicons come from them.
    assert_eq!(check(&site, &versions, true), diagnostics);
}

#[test]
fn own_names_group_brands_third_parties_and_the_opt_out_are_silent() {
    // The site is one of the known marketplaces: its own names are never another's.
    let own = "marketplace:\n  name: { fa: دیجی‌کالا, en: Digikala }\n  brands: [Digikala, دیجی‌کالا]\nbase_url: https://policies.digikala.example\nlanguages: [fa, en]\nbinding_language: fa\nbrand_groups:\n  Digikala Group: [Digikala, Digistyle, دیجی استایل]\nthird_parties: [Zalando Lounge]\n";
    let fa = "خرید از دیجی کالا و دیجیکالا و digikala.com با این شرایط است. محصولات دیجی استایل هم همین‌طور.";
    let en = "Digikala and Digistyle sell here; gift cards of Zalando Lounge are accepted.";
    let diagnostics = check(own, &[("fa", fa), ("en", en)], false);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    // A name the site lists itself is reported once, as listed in site.yaml.
    let listed = site("foreign_brands: [Zalando]\n");
    let diagnostics = check(&listed, &[("de", DE)], false);
    let zalando: Vec<&Diagnostic> = diagnostics
        .iter()
        .map(|f| &f.diagnostic)
        .filter(|d| d.message.contains("Zalando"))
        .collect();
    assert_eq!(zalando.len(), 1, "{diagnostics:#?}");
    assert!(zalando[0].message.contains("`foreign_brands`"));
    // `known_marketplaces: false`: only `foreign_brands`.
    let only_listed = site("known_marketplaces: false\nforeign_brands: [Zalando]\n");
    let diagnostics = check(&only_listed, &[("de", DE), ("fa", FA)], false);
    assert_eq!(found(&diagnostics, "de"), ["Zalando"], "{diagnostics:#?}");
    assert!(found(&diagnostics, "fa").is_empty());
}

#[test]
fn without_a_rules_directory_only_foreign_brands_count() {
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(policies.join("terms")).unwrap();
    std::fs::write(policies.join("site.yaml"), site("")).unwrap();
    std::fs::write(
        policies.join("terms/v1.fa.md"),
        format!("{FRONT}lang: fa\ntitle: Terms\n---\n\n## Terms {{#terms}}\n\n{FA}\n"),
    )
    .unwrap();
    let paths = Paths {
        policies,
        rules: dir.path().join("no-rules"),
    };
    let project = Project::load(
        &paths,
        Options {
            as_of: Some(date(2026, 12, 2)),
            rule_sets: true,
        },
    )
    .unwrap();
    assert!(
        !project
            .diagnostics
            .iter()
            .any(|d| d.code == "foreign-brand")
    );
    assert!(
        project
            .notes
            .iter()
            .any(|n| n.contains("knows no marketplaces but `foreign_brands`")),
        "{:?}",
        project.notes
    );
}

#[test]
fn a_store_lexicon_with_an_unknown_tag_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    crate::pipeline::copy_dir(&root().join("rules"), &rules);
    let stores = rules.join("lexicons/stores.de.txt");
    let text = std::fs::read_to_string(&stores).unwrap();
    std::fs::write(&stores, text.replace("otto\tspelled", "otto\tmaybe")).unwrap();
    let paths = Paths {
        policies: root().join("policies"),
        rules,
    };
    let naming = |rule_sets: bool| -> Vec<Diagnostic> {
        let options = Options {
            as_of: Some(date(2026, 12, 2)),
            rule_sets,
        };
        Project::load(&paths, options)
            .unwrap()
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "rule-set" && d.message.contains("`otto` has value `maybe`"))
            .collect()
    };
    // Without the rule sets (`deadline`, `audit`, `lock`): one error on the lexicon.
    let alone = naming(false);
    assert_eq!(alone.len(), 1, "{alone:#?}");
    assert!(alone[0].file.ends_with("lexicons/stores.de.txt"));
    // With them, the rule sets that read the lexicon say it; the check does not again.
    let compiled = naming(true);
    assert!(!compiled.is_empty());
    assert!(
        compiled
            .iter()
            .all(|d| !d.file.ends_with("lexicons/stores.de.txt")),
        "{compiled:#?}"
    );
}
