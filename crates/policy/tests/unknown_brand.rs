//! `unknown-brand` on the families of cases of tests/fixtures/unknown-brand.tsv: each fires on
//! the name it gives (shown as written, between backticks), or stays silent, on a terms
//! version in its language.

use crate::precision::findings;

/// The cases of `family`: (language, name or `None` for a silent case, body).
fn cases(family: &str) -> Vec<(&'static str, Option<&'static str>, String)> {
    include_str!("fixtures/unknown-brand.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.splitn(5, '\t');
            let (fam, lang, expect, name, body) = (
                parts.next()?,
                parts.next()?,
                parts.next()?,
                parts.next()?,
                parts.next()?,
            );
            (fam == family).then(|| {
                let name = (expect == "fire").then_some(name);
                (lang, name, body.replace("\\n", "\n"))
            })
        })
        .collect()
}

/// The cases of `family` the check gets wrong, described.
fn wrong(family: &str) -> Vec<String> {
    let all = cases(family);
    assert!(all.len() >= 20, "{family}: {} cases", all.len());
    all.into_iter()
        .filter_map(|(lang, name, body)| {
            let found = findings("unknown-brand", lang, &body);
            let right = match name {
                Some(name) => found.len() == 1 && found[0].message.contains(&format!("`{name}`")),
                None => found.is_empty(),
            };
            let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
            (!right).then(|| format!("{lang} {name:?} {body}: {messages:?}"))
        })
        .collect()
}

#[test]
fn a_name_after_a_cue_fires_and_an_ordinary_word_there_does_not() {
    let wrong = wrong("U1");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_company_with_any_legal_form_stated_as_the_operator_fires() {
    let wrong = wrong("U4");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn public_bodies_sites_are_not_brands_and_the_site_s_own_leftover_host_fires() {
    let wrong = wrong("U3");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_copyright_notice_naming_another_holder_for_the_site_fires() {
    let wrong = wrong("U6");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn another_domain_s_mailbox_after_a_verb_of_addressing_fires_and_a_third_party_s_does_not() {
    let wrong = wrong("U7");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_persian_shop_s_lines_about_itself_with_another_name_fire() {
    let wrong = wrong("U8");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn thanks_for_choosing_another_shop_fire_and_a_service_of_ordinary_words_does_not() {
    let wrong = wrong("U9");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_site_s_own_cookie_on_another_site_s_domain_fires() {
    let wrong = wrong("U10");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_form_of_an_address_the_text_calls_its_own_fires() {
    let wrong = wrong("U11");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_company_opening_an_imprint_block_with_its_register_or_address_fires() {
    let wrong = wrong("U12");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_web_address_given_for_us_or_for_this_text_fires_and_another_s_does_not() {
    let wrong = wrong("U13");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
