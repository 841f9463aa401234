//! Interface strings of the published pages, per language (English for any other language).

use std::collections::BTreeMap;

/// Reading direction of `lang`.
pub fn direction(lang: &str) -> &'static str {
    match lang {
        "fa" | "ar" | "he" | "ur" => "rtl",
        _ => "ltr",
    }
}

/// The name of a language in itself.
pub fn language_name(lang: &str) -> &str {
    match lang {
        "fa" => "فارسی",
        "en" => "English",
        "fr" => "Français",
        "de" => "Deutsch",
        other => other,
    }
}

/// The name of language `lang` written in language `in_lang` (the name in itself when the pair
/// is unknown), for sentences such as "The binding text is the one in Persian".
pub fn language_name_in<'a>(lang: &'a str, in_lang: &str) -> &'a str {
    let names: [&str; 4] = match lang {
        "fa" => ["فارسی", "Persian", "persan", "Persisch"],
        "en" => ["انگلیسی", "English", "anglais", "Englisch"],
        "fr" => ["فرانسوی", "French", "français", "Französisch"],
        "de" => ["آلمانی", "German", "allemand", "Deutsch"],
        _ => return language_name(lang),
    };
    match in_lang {
        "fa" => names[0],
        "en" => names[1],
        "fr" => names[2],
        "de" => names[3],
        _ => language_name(lang),
    }
}

const KEYS: &[&str] = &[
    "in_force_since",
    "takes_effect_on",
    "superseded_on",
    "published_on",
    "upcoming_banner",
    "read_upcoming",
    "not_yet_in_force",
    "all_versions",
    "version",
    "current",
    "upcoming",
    "superseded",
    "changes",
    "changes_title",
    "compared_with",
    "added",
    "removed",
    "changed",
    "unchanged_clauses",
    "text_outside_clauses",
    "summary",
    "binding",
    "binding_note",
    "languages",
    "obligation_label",
    "anchor_label",
    "substantive",
    "editorial",
    "audience",
    "consumers",
    "sellers",
    "feed",
    "permanent_link",
    "documents",
    "effective",
    "no_changes",
    "first_version",
    "view_version",
    "heading_was",
    "policies_of",
    "contents",
    "versions",
    "not_found_title",
    "not_found_text",
    "documents_in_language",
    "not_in_language",
    "home",
];

fn english(key: &str) -> &'static str {
    match key {
        "in_force_since" => "In force since",
        "takes_effect_on" => "Takes effect on",
        "superseded_on" => "Superseded on",
        "published_on" => "Published on",
        "upcoming_banner" => "A new version takes effect on",
        "read_upcoming" => "Read the new version",
        "not_yet_in_force" => "This document is not in force yet.",
        "all_versions" => "All versions",
        "version" => "Version",
        "current" => "in force",
        "upcoming" => "upcoming",
        "superseded" => "superseded",
        "changes" => "What changed",
        "changes_title" => "Changes in version",
        "compared_with" => "compared with version",
        "added" => "New clause",
        "removed" => "Removed clause",
        "changed" => "Changed",
        "unchanged_clauses" => "Clauses without changes",
        "text_outside_clauses" => "Text before the first heading",
        "summary" => "Summary",
        "binding" => "binding",
        "binding_note" => "The binding text is the one in",
        "languages" => "Languages",
        "obligation_label" => "Time limit",
        "anchor_label" => "Link to this clause",
        "substantive" => "Substantive change",
        "editorial" => "Editorial change",
        "audience" => "For",
        "consumers" => "consumers",
        "sellers" => "sellers",
        "feed" => "Atom feed of versions",
        "permanent_link" => "Permanent link to this version",
        "documents" => "Policies",
        "effective" => "Effective",
        "no_changes" => "No clause text changed.",
        "first_version" => "First version.",
        "view_version" => "View this version",
        "heading_was" => "Heading was",
        "policies_of" => "Policies of",
        "contents" => "Contents",
        "versions" => "Versions",
        "not_found_title" => "Page not found",
        "not_found_text" => {
            "There is no page at this address. The link may be mistyped, or the page may have moved."
        }
        "documents_in_language" => "Policies in English",
        "not_in_language" => "Not available in this language",
        "home" => "All policies",
        "old_version" => "This version is no longer in force.",
        "future_version" => "This version takes effect on",
        "current_is" => "The version in force now is",
        _ => "",
    }
}

fn persian(key: &str) -> Option<&'static str> {
    Some(match key {
        "in_force_since" => "لازم‌الاجرا از",
        "takes_effect_on" => "لازم‌الاجرا از",
        "superseded_on" => "جایگزین‌شده در",
        "published_on" => "منتشرشده در",
        "upcoming_banner" => "نسخه‌ی تازه‌ای از این تاریخ لازم‌الاجرا می‌شود:",
        "read_upcoming" => "خواندن نسخه‌ی تازه",
        "not_yet_in_force" => "این سند هنوز لازم‌الاجرا نشده است.",
        "all_versions" => "همه‌ی نسخه‌ها",
        "version" => "نسخه‌ی",
        "current" => "جاری",
        "upcoming" => "آینده",
        "superseded" => "منسوخ",
        "changes" => "چه چیزی تغییر کرد",
        "changes_title" => "تغییرات نسخه‌ی",
        "compared_with" => "در مقایسه با نسخه‌ی",
        "added" => "بند تازه",
        "removed" => "بند حذف‌شده",
        "changed" => "تغییر یافته",
        "unchanged_clauses" => "بندهای بدون تغییر",
        "text_outside_clauses" => "متن پیش از نخستین عنوان",
        "summary" => "خلاصه",
        "binding" => "متن معتبر",
        "binding_note" => "متن معتبر حقوقی، متن این زبان است:",
        "languages" => "زبان‌ها",
        "obligation_label" => "مهلت",
        "anchor_label" => "پیوند به این بند",
        "substantive" => "تغییر ماهوی",
        "editorial" => "تغییر ویرایشی",
        "audience" => "مخاطب",
        "consumers" => "خریداران",
        "sellers" => "فروشندگان",
        "feed" => "خوراک Atom نسخه‌ها",
        "permanent_link" => "پیوند پایدار این نسخه",
        "documents" => "سیاست‌ها",
        "effective" => "تاریخ اجرا",
        "no_changes" => "متن هیچ بندی تغییر نکرد.",
        "first_version" => "نخستین نسخه.",
        "view_version" => "دیدن این نسخه",
        "heading_was" => "عنوان پیشین",
        "policies_of" => "سیاست‌های",
        "contents" => "فهرست مطالب",
        "versions" => "نسخه‌ها",
        "not_found_title" => "صفحه پیدا نشد",
        "not_found_text" => {
            "در این نشانی صفحه‌ای نیست. شاید پیوند نادرست نوشته شده یا صفحه جابه‌جا شده باشد."
        }
        "documents_in_language" => "سیاست‌ها به فارسی",
        "not_in_language" => "به این زبان در دسترس نیست",
        "home" => "همه‌ی سیاست‌ها",
        "old_version" => "این نسخه دیگر لازم‌الاجرا نیست.",
        "future_version" => "این نسخه از این تاریخ لازم‌الاجرا می‌شود:",
        "current_is" => "نسخه‌ی لازم‌الاجرای کنونی:",
        _ => return None,
    })
}

fn french(key: &str) -> Option<&'static str> {
    Some(match key {
        "in_force_since" => "En vigueur depuis le",
        "takes_effect_on" => "Entre en vigueur le",
        "superseded_on" => "Remplacée le",
        "published_on" => "Publiée le",
        "upcoming_banner" => "Une nouvelle version entre en vigueur le",
        "read_upcoming" => "Lire la nouvelle version",
        "not_yet_in_force" => "Ce document n’est pas encore en vigueur.",
        "all_versions" => "Toutes les versions",
        "version" => "Version",
        "current" => "en vigueur",
        "upcoming" => "à venir",
        "superseded" => "remplacée",
        "changes" => "Ce qui a changé",
        "changes_title" => "Modifications de la version",
        "compared_with" => "par rapport à la version",
        "added" => "Nouvelle clause",
        "removed" => "Clause supprimée",
        "changed" => "Modifiée",
        "unchanged_clauses" => "Clauses inchangées",
        "text_outside_clauses" => "Texte avant le premier titre",
        "summary" => "Résumé",
        "binding" => "fait foi",
        "binding_note" => "Le texte qui fait foi est celui en",
        "languages" => "Langues",
        "obligation_label" => "Délai",
        "anchor_label" => "Lien vers cette clause",
        "substantive" => "Modification de fond",
        "editorial" => "Modification rédactionnelle",
        "audience" => "Pour",
        "consumers" => "consommateurs",
        "sellers" => "vendeurs",
        "feed" => "Flux Atom des versions",
        "permanent_link" => "Lien permanent vers cette version",
        "documents" => "Politiques",
        "effective" => "En vigueur",
        "no_changes" => "Aucun texte de clause n’a changé.",
        "first_version" => "Première version.",
        "view_version" => "Voir cette version",
        "heading_was" => "Titre précédent",
        "policies_of" => "Politiques de",
        "contents" => "Sommaire",
        "versions" => "Versions",
        "not_found_title" => "Page introuvable",
        "not_found_text" => {
            "Aucune page ne se trouve à cette adresse. Le lien est peut-être mal saisi, ou la page a été déplacée."
        }
        "documents_in_language" => "Politiques en français",
        "not_in_language" => "Non disponible dans cette langue",
        "home" => "Toutes les politiques",
        "old_version" => "Cette version n’est plus en vigueur.",
        "future_version" => "Cette version entre en vigueur le",
        "current_is" => "La version en vigueur est la",
        _ => return None,
    })
}

fn german(key: &str) -> Option<&'static str> {
    Some(match key {
        "in_force_since" => "Gültig seit",
        "takes_effect_on" => "Gültig ab",
        "superseded_on" => "Ersetzt am",
        "published_on" => "Veröffentlicht am",
        "upcoming_banner" => "Eine neue Fassung gilt ab",
        "read_upcoming" => "Neue Fassung lesen",
        "not_yet_in_force" => "Dieses Dokument gilt noch nicht.",
        "all_versions" => "Alle Fassungen",
        "version" => "Fassung",
        "current" => "gültig",
        "upcoming" => "künftig",
        "superseded" => "ersetzt",
        "changes" => "Was sich geändert hat",
        "changes_title" => "Änderungen in Fassung",
        "compared_with" => "gegenüber Fassung",
        "added" => "Neue Klausel",
        "removed" => "Gestrichene Klausel",
        "changed" => "Geändert",
        "unchanged_clauses" => "Unveränderte Klauseln",
        "text_outside_clauses" => "Text vor der ersten Überschrift",
        "summary" => "Zusammenfassung",
        "binding" => "maßgeblich",
        "binding_note" => "Maßgeblich ist der Text auf",
        "languages" => "Sprachen",
        "obligation_label" => "Frist",
        "anchor_label" => "Link zu dieser Klausel",
        "substantive" => "Inhaltliche Änderung",
        "editorial" => "Redaktionelle Änderung",
        "audience" => "Für",
        "consumers" => "Verbraucher",
        "sellers" => "Verkäufer",
        "feed" => "Atom-Feed der Fassungen",
        "permanent_link" => "Dauerhafter Link zu dieser Fassung",
        "documents" => "Richtlinien",
        "effective" => "Gültig ab",
        "no_changes" => "Kein Klauseltext hat sich geändert.",
        "first_version" => "Erste Fassung.",
        "view_version" => "Diese Fassung ansehen",
        "heading_was" => "Frühere Überschrift",
        "policies_of" => "Richtlinien von",
        "contents" => "Inhalt",
        "versions" => "Fassungen",
        "not_found_title" => "Seite nicht gefunden",
        "not_found_text" => {
            "Unter dieser Adresse gibt es keine Seite. Vielleicht ist der Link falsch geschrieben, oder die Seite wurde verschoben."
        }
        "documents_in_language" => "Richtlinien auf Deutsch",
        "not_in_language" => "In dieser Sprache nicht verfügbar",
        "home" => "Alle Richtlinien",
        "old_version" => "Diese Fassung gilt nicht mehr.",
        "future_version" => "Diese Fassung gilt ab",
        "current_is" => "Derzeit gilt die",
        _ => return None,
    })
}

/// One interface string in `lang`.
pub fn text(lang: &str, key: &str) -> &'static str {
    let translated = match lang {
        "fa" => persian(key),
        "fr" => french(key),
        "de" => german(key),
        _ => None,
    };
    translated.unwrap_or_else(|| english(key))
}

/// Every interface string in `lang`, for templates (`t.in_force_since`).
pub fn strings(lang: &str) -> BTreeMap<&'static str, &'static str> {
    KEYS.iter().map(|k| (*k, text(lang, k))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_an_english_text_and_translations_fall_back() {
        for key in KEYS {
            assert!(!english(key).is_empty(), "{key}");
            assert!(!text("fa", key).is_empty(), "{key}");
        }
        assert_eq!(text("it", "binding"), "binding");
        assert_eq!(direction("fa"), "rtl");
    }
}
