//! The words of change notices in English, Persian, French and German (English for any other
//! language).

use crate::model::Audience;

/// Labels and sentence builders of one language.
#[derive(Debug)]
pub(crate) struct Words {
    /// (site, title, effective date) -> e-mail subject.
    pub subject: fn(&str, &str, &str) -> String,
    /// (title, version number, effective date) -> opening sentence.
    pub intro: fn(&str, &str, &str) -> String,
    /// (sent on, days given, audience owed, days owed) -> the notice period sentence.
    pub period: fn(&str, &str, &str, &str) -> String,
    /// (sent on, days given) -> the sentence when no minimum period applies.
    pub no_period: fn(&str, &str) -> String,
    pub to: &'static str,
    pub summary: &'static str,
    pub clauses: &'static str,
    pub no_clauses: &'static str,
    pub read_version: &'static str,
    pub read_changes: &'static str,
    pub added: &'static str,
    pub changed: &'static str,
    pub removed: &'static str,
    consumers: &'static str,
    sellers: &'static str,
    consumers_owed: &'static str,
    sellers_owed: &'static str,
    and: &'static str,
}

impl Words {
    /// "Buyers and sellers", as the salutation line.
    pub fn audience_list(&self, audience: &[Audience]) -> String {
        let names: Vec<&str> = audience
            .iter()
            .map(|a| match a {
                Audience::Consumers => self.consumers,
                Audience::Sellers => self.sellers,
            })
            .collect();
        let text = match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.and),
        };
        capitalise(&text)
    }

    /// The audience as the subject of the period sentence.
    pub fn audience_owed(&self, audience: Audience) -> &'static str {
        match audience {
            Audience::Consumers => self.consumers_owed,
            Audience::Sellers => self.sellers_owed,
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

static ENGLISH: Words = Words {
    subject: |site, title, date| format!("{site}: changes to the {title}, effective {date}"),
    intro: |title, n, date| {
        format!("We are changing the {title}. Version {n} takes effect on {date}.")
    },
    period: |sent, given, who, owed| {
        format!(
            "This notice is sent on {sent}, {given} days before the change takes effect; {who} are owed at least {owed} days' notice."
        )
    },
    no_period: |sent, given| {
        format!(
            "This notice is sent on {sent}, {given} days before the change takes effect; no minimum notice period applies to it."
        )
    },
    to: "To",
    summary: "In short",
    clauses: "Clauses that change",
    no_clauses: "No clause text changes.",
    read_version: "Read the new version",
    read_changes: "See every change, word by word",
    added: "new",
    changed: "changed",
    removed: "removed",
    consumers: "buyers",
    sellers: "sellers",
    consumers_owed: "buyers",
    sellers_owed: "sellers",
    and: "and",
};

static PERSIAN: Words = Words {
    subject: |site, title, date| format!("{site}: تغییر «{title}» از {date}"),
    intro: |title, n, date| format!("«{title}» تغییر می‌کند. نسخه‌ی {n} از {date} لازم‌الاجرا می‌شود."),
    period: |sent, given, who, owed| {
        format!(
            "این اطلاعیه در {sent}، {given} روز پیش از اجرای تغییر فرستاده می‌شود؛ {who} باید دست‌کم {owed} روز پیش از اجرا باخبر شوند."
        )
    },
    no_period: |sent, given| {
        format!(
            "این اطلاعیه در {sent}، {given} روز پیش از اجرای تغییر فرستاده می‌شود؛ برای این تغییر مهلت اطلاع‌رسانی کمینه‌ای لازم نیست."
        )
    },
    to: "به",
    summary: "به‌طور خلاصه",
    clauses: "بندهایی که تغییر می‌کنند",
    no_clauses: "متن هیچ بندی تغییر نمی‌کند.",
    read_version: "متن نسخه‌ی تازه",
    read_changes: "همه‌ی تغییرها، واژه به واژه",
    added: "تازه",
    changed: "تغییریافته",
    removed: "حذف‌شده",
    consumers: "خریداران",
    sellers: "فروشندگان",
    consumers_owed: "خریداران",
    sellers_owed: "فروشندگان",
    and: "و",
};

static FRENCH: Words = Words {
    subject: |site, title, date| format!("{site} : modification « {title} », applicable le {date}"),
    intro: |title, n, date| {
        format!(
            "Nous modifions le document « {title} ». La version {n} entre en vigueur le {date}."
        )
    },
    period: |sent, given, who, owed| {
        format!(
            "Cet avis est envoyé le {sent}, {given} jours avant l’entrée en vigueur de la modification ; les {who} doivent en être informés au moins {owed} jours à l’avance."
        )
    },
    no_period: |sent, given| {
        format!(
            "Cet avis est envoyé le {sent}, {given} jours avant l’entrée en vigueur de la modification ; aucun délai minimal de préavis ne s’applique."
        )
    },
    to: "À",
    summary: "En bref",
    clauses: "Clauses modifiées",
    no_clauses: "Aucun texte de clause ne change.",
    read_version: "Lire la nouvelle version",
    read_changes: "Voir chaque modification, mot à mot",
    added: "nouvelle",
    changed: "modifiée",
    removed: "supprimée",
    consumers: "acheteurs",
    sellers: "vendeurs",
    consumers_owed: "acheteurs",
    sellers_owed: "vendeurs",
    and: "et",
};

static GERMAN: Words = Words {
    subject: |site, title, date| format!("{site}: Änderung „{title}“ ab {date}"),
    intro: |title, n, date| {
        format!("Wir ändern das Dokument „{title}“. Fassung {n} gilt ab dem {date}.")
    },
    period: |sent, given, who, owed| {
        format!(
            "Diese Mitteilung wird am {sent} versandt, {given} Tage vor Inkrafttreten der Änderung; {who} sind mindestens {owed} Tage im Voraus zu informieren."
        )
    },
    no_period: |sent, given| {
        format!(
            "Diese Mitteilung wird am {sent} versandt, {given} Tage vor Inkrafttreten der Änderung; eine Mindestfrist gilt für diese Änderung nicht."
        )
    },
    to: "An",
    summary: "Kurz gefasst",
    clauses: "Geänderte Klauseln",
    no_clauses: "Kein Klauseltext ändert sich.",
    read_version: "Neue Fassung lesen",
    read_changes: "Alle Änderungen Wort für Wort",
    added: "neu",
    changed: "geändert",
    removed: "gestrichen",
    consumers: "Käufer",
    sellers: "Verkäufer",
    consumers_owed: "Käufer",
    sellers_owed: "Verkäufer",
    and: "und",
};

/// The words of `lang`.
pub(crate) fn words(lang: &str) -> &'static Words {
    match lang {
        "fa" => &PERSIAN,
        "fr" => &FRENCH,
        "de" => &GERMAN,
        _ => &ENGLISH,
    }
}
