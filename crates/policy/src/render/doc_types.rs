//! Document type labels in the reader's language. Sources name their type in English with the
//! Open Terms Archive vocabulary (`type: Terms of Service`); pages show it translated. A type
//! missing from the table is shown as written.

/// (English type, Persian, French, German).
const TYPES: &[(&str, &str, &str, &str)] = &[
    (
        "Terms of Service",
        "شرایط استفاده",
        "Conditions générales d’utilisation",
        "Nutzungsbedingungen",
    ),
    (
        "Privacy Policy",
        "سیاست حریم خصوصی",
        "Politique de confidentialité",
        "Datenschutzerklärung",
    ),
    (
        "Complaints Policy",
        "سیاست رسیدگی به شکایات",
        "Politique de traitement des réclamations",
        "Beschwerderichtlinie",
    ),
    (
        "Community Guidelines",
        "راهنمای رفتار کاربران",
        "Règles de la communauté",
        "Gemeinschaftsrichtlinien",
    ),
    (
        "Review Guidelines",
        "راهنمای نوشتن دیدگاه",
        "Règles relatives aux avis",
        "Richtlinien für Bewertungen",
    ),
    (
        "Customer Service Policy",
        "سیاست خدمات مشتریان",
        "Politique de service client",
        "Kundendienstrichtlinie",
    ),
    (
        "Commercial Terms",
        "شرایط تجاری",
        "Conditions commerciales",
        "Geschäftsbedingungen",
    ),
    (
        "Seller Terms",
        "شرایط فروشندگان",
        "Conditions des vendeurs",
        "Verkäuferbedingungen",
    ),
    (
        "Returns Policy",
        "سیاست بازگرداندن کالا",
        "Politique de retour",
        "Rückgaberichtlinie",
    ),
    (
        "Acceptable Use Policy",
        "سیاست استفاده‌ی مجاز",
        "Politique d’utilisation acceptable",
        "Richtlinie zur zulässigen Nutzung",
    ),
    (
        "Trackers Policy",
        "سیاست کوکی‌ها و ردیاب‌ها",
        "Politique relative aux traceurs",
        "Cookie-Richtlinie",
    ),
    (
        "Imprint",
        "شناسنامه‌ی حقوقی",
        "Mentions légales",
        "Impressum",
    ),
    (
        "Copyright Claims Policy",
        "سیاست شکایت‌های حق نشر",
        "Politique relative aux réclamations pour atteinte au droit d’auteur",
        "Richtlinie zu Urheberrechtsbeschwerden",
    ),
    (
        "Business Mediation Policy",
        "سیاست میانجی‌گری تجاری",
        "Politique de médiation pour les entreprises",
        "Mediationsrichtlinie für Unternehmen",
    ),
    (
        "Ranking Parameters Description",
        "شرح معیارهای رتبه‌بندی",
        "Description des paramètres de classement",
        "Beschreibung der Ranking-Parameter",
    ),
    (
        "Platform to Business Notice",
        "اطلاعیه‌ی سکو به کسب‌وکارها",
        "Avis aux entreprises utilisatrices",
        "Hinweis für gewerbliche Nutzer",
    ),
];

/// The label of `doc_type` in `lang`: translated when the type is known (case-insensitively),
/// else as written.
pub fn label<'a>(doc_type: &'a str, lang: &str) -> &'a str {
    let Some(&(en, fa, fr, de)) = TYPES
        .iter()
        .find(|(en, ..)| en.eq_ignore_ascii_case(doc_type.trim()))
    else {
        return doc_type;
    };
    match lang {
        "fa" => fa,
        "fr" => fr,
        "de" => de,
        "en" => en,
        _ => doc_type,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_types_are_translated_and_others_kept() {
        assert_eq!(label("Terms of Service", "fa"), "شرایط استفاده");
        assert_eq!(label("complaints policy", "de"), "Beschwerderichtlinie");
        assert_eq!(label("Terms of Service", "en"), "Terms of Service");
        assert_eq!(label("Seller Handbook", "fr"), "Seller Handbook");
    }

    #[test]
    fn every_translation_is_filled_in() {
        for (en, fa, fr, de) in TYPES {
            assert!([fa, fr, de].iter().all(|t| !t.trim().is_empty()), "{en}");
            assert!(
                fa.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{en}"
            );
        }
    }
}
