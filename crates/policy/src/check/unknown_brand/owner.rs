//! Who a version says it is: the one reader of the stated owner. A version states whose site
//! it is in its imprint and definitions (`Betreiber dieser Website ist X`, `Le site est édité
//! par X SAS`, `This website is operated by X`, `X ("we", "us")`, `We, X Ltd, operate…`,
//! `These Terms of Use are published by X`, `Le site est la propriété de X`, `X Ltd operates
//! this website`, `Copyright © 2025 X Ltd`), whatever the layout (a list item's `- **Éditeur** : X`, a table row, a label on the line above the
//! name, a link around it) and however the name is written (`NORTHWIND RETAIL LTD`, `Perle &
//! Co SAS`, `Muster UG (haftungsbeschränkt)`), in the site it says it
//! governs or hosts (`use of the site www.x.fr`, `Alle Inhalte auf X`, `this website x.com`,
//! `x.com (the "Website")`) and in the mailbox it gives as its contact (`Kontakt:
//! info@x.de`). Where such a statement comes with a host (the name is a domain, or an address
//! in the passage after a company belongs to it), the host decides: one that is none of the
//! marketplace's names, brands, group brands or third parties, nor the base URL's, is a
//! [`Foreign`] owner, reported with every address of its host; a documentation host
//! (`example.com`) says nothing. A company stated without any host is the marketplace's own
//! company when the text names it at least as often as the marketplace ([`Reading::covers`]),
//! as terms between a developer and `Microsoft Corporation ("Microsoft", "we")` name Microsoft
//! far more often than the store.

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;

use super::{
    ARTICLES, BARE_DOMAIN, EMAIL_HOST, Mention, OwnNames, SERVICE_MAILBOXES, URL_HOST, WE, host_of,
    mailbox, normalise, normalise_spaced, registrable_host, words_of,
};
use crate::model::PolicyVersion;

/// What a statement makes a name: this site's operator, the site itself, or its contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Operator,
    Site,
    Contact,
}

impl Role {
    /// The role in a message: "stated as this site's {role}".
    pub(super) fn says(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::Site => "address",
            Role::Contact => "contact address",
        }
    }
}

/// A name a version states as this site's whose host is not the marketplace's.
#[derive(Debug, Clone)]
pub(super) struct Foreign {
    /// The stated name's key ([`Mention::key`]).
    pub(super) key: String,
    /// The stated name as written.
    pub(super) shown: String,
    pub(super) role: Role,
    /// The registrable host that shows whose the name is (`boutiquelune.fr`).
    pub(super) host: String,
}

/// Nouns naming a site (the subject of `… is operated by X`, the object of `use of the site
/// X`), with the words that say what kind of site it is before them (`online marketplace`,
/// `Online-Plattform`, `e-commerce platform`, `Online-Angebot`) or after them (`plateforme en
/// ligne`, `boutique en ligne`, `بازار آنلاین`); a shop is one too (`This store`, `dieses
/// Shops`, `cette boutique`, `این فروشگاه`).
const SITE: &str = r"(?:(?:(?:online|internet|e-?commerce|digital(?:e[nrs]?)?)[\s-]?)?(?:web\s?site|site(?:\s+(?:internet|web))?|platform|plateforme(?:\s+en\s+ligne)?|plattform|marketplace|marktplatz|place\s+de\s+marché|web\s?seite|internet\s?seite|internetauftritt|(?:web|online)[\s-]?shop|e-?shop|boutique(?:\s+en\s+ligne)?|store|shop)|online-?angebot|سایت|وب‌?\s?سایت|پلتفرم|فروشگاه(?:\s+(?:اینترنتی|آنلاین))?|بازار(?:\s+(?:اینترنتی|آنلاین))?)";

/// A body of terms named as this text (`These Terms of Use`, `Les présentes conditions`,
/// `Diese Nutzungsbedingungen`, `این شرایط`): what is published or owned in an imprint's
/// words, as a site is (`These Terms of Use are published by X`).
const THESE_TERMS: &str = r"(?:\b(?:these|the\s+present|this|les\s+présentes|présentes|ces|ce|diese[rsnm]?|die\s+vorliegenden|vorliegenden?)\s+(?:terms(?:\s+(?:of\s+(?:service|use|sale)|and\s+conditions))?|conditions(?:\s+générales)?(?:\s+d['’](?:utilisation|vente))?|user\s+agreement|cgu|cgv|cgvu|mentions\s+légales|agb|(?:allgemeinen\s+)?(?:nutzungs|geschäfts)?bedingungen|impressum)|این\s+(?:شرایط|قوانین|مقررات))";
/// A determiner before a site noun, with `présent` after it (`la présente plateforme`, `du
/// présent site`).
const DET: &str = r"(?:(?:(?:the|this|our|le|la|les|l['’]|ce|cet|cette|notre|die|der|den|dem|des|dieser|diese|dieses|diesen|unserer|unseres|unsere|این|présente?)\s*){1,2})";
/// An article before the stated company (`ist die X GmbH`, `édité par la société X`,
/// `متعلق به شرکت X`).
const PARTY_DET: &str =
    r"(?:(?:the|la\s+société|la|le|l['’]|société|die\s+firma|die|der|dem|den|firma|شرکت)\s*)?";

/// A list item's marker or an item's number at the start of a line (`- `, `2. `).
const ITEM: &str = r"(?:[-*+]\s+|\d{1,3}[.)]\s+)?";

/// Persian words naming a site's operator, publisher or owner, written before the site noun
/// they belong to (`گرداننده این سایت`, `ناشر وب‌سایت`) or alone as a label (`- ناشر:`).
const FA_OPERATOR: &str = r"(?:گرداننده|ناشر|مالک|اداره[\u{200c}\s]?کننده|صاحب\s+امتیاز)";

/// German verbs of running a site, after its operator in a clause written verb last (`Diese
/// Website wird von der X GmbH betrieben`) or before the site in one written verb first
/// (`Betrieben wird diese Website von der X GmbH`).
const DE_RUN: &str = r"(?:betrieben|herausgegeben|verantwortet|angeboten|bereitgestellt)";

/// Words stating what follows them as this site's operator: `This website is operated by`,
/// `This online marketplace belongs to`, `Le site est édité par`, `Die Website wird betrieben
/// von`, `Betrieben wird diese Website von`, `این وب‌سایت توسط`, `این سایت متعلق به`, an
/// imprint's `Betreiber dieser Website ist`, `Verantwortlich für diese Website ist`,
/// `L'éditeur du présent site est`, `Éditeur du site :`, `Publisher:`, a list item's `-
/// Operator of this website:` or `- **Éditeur** :` (in a list, a label names the site only
/// with a site noun or as its publisher or operator: `- Provider:` in a list of processors
/// is a processor's), a table row's `| Operator of this website |`, these terms as published
/// (`These Terms of Use are published by`, `Les présentes conditions sont éditées par`, `این
/// شرایط توسط`), the site or these terms as someone's property (`Le site est la propriété
/// de`, `Diese Website ist Eigentum der`, `Sämtliche Inhalte dieses Online-Angebots sind
/// Eigentum der`, `This website and its content are the property of`), the site as provided
/// (`This website is provided by`, `Ce site est fourni par`), `گرداننده این سایت`, `گرداننده
/// این سایت،`, `مالکیت این فروشگاه با شرکت`, a table row's `| Éditeur |` and a Persian list
/// item's `- ناشر:`. Not
/// anchored: [`OPERATOR_LEAD`] ends it at a name,
/// [`OPERATOR_NAMED_HOST`] at a name and its host, [`SITE_ADDRESS_LEAD`] looks for it
/// anywhere before `its address`.
fn operator_statement() -> String {
    let by = r"(?:(?:operated|published|issued|edited|owned|run|managed|provided)\s+by|belongs\s+to|(?:exploitée?s?|éditée?s?|publiée?s?|gérée?s?|fournie?s?)\s+par|appartient\s+à|(?:betrieben|herausgegeben|verantwortet|bereitgestellt)\s+(?:von|durch)|gehört|توسط|از\s+سوی|متعلق\s+به)";
    // A site's or these terms' owner: `Le site est la propriété de`, `Diese Website ist
    // Eigentum der`, `This website and its content are the property of`.
    // An offer or a service of someone: `Diese Website ist ein Angebot der`, `This website
    // is a service of`, `Ce site est un service de`.
    let property = r"(?:is|are|est|sont|ist|sind)\s+(?:the\s+(?:exclusive\s+)?property\s+of|la\s+propriété\s+(?:exclusive\s+)?(?:de|d['’]|du)|(?:das\s+)?(?:ausschließliche[sn]?\s+)?eigentum\s+(?:der|des|von)|ein(?:e)?\s+(?:angebot|dienst|service)\s+(?:der|des|von)|an?\s+(?:service|offering)\s+(?:of|by|from)|un\s+service\s+(?:de|d['’]|du|proposé\s+par))";
    // All rights kept for a company: `تمامی حقوق این سایت برای شرکت X محفوظ است`.
    let fa_rights = r"(?:^|\s)(?:تمامی|تمام|کلیه|همه[\u{200c}\s]?ی)\s+حقوق\s+(?:مادی\s+و\s+معنوی\s+)?(?:(?:این\s+)?";
    let fa_rights = format!(r"{fa_rights}{SITE}\s+)?(?:برای|متعلق\s+به|نزد)\s+(?:شرکت\s+)?");
    let (label, of_site, responsible) = (labels(), of_site(), responsible());
    format!(
        r"(?:(?:\b{SITE}\b|{THESE_TERMS})[^!?\n]{{0,60}}?\s{by}\s+{PARTY_DET}|(?:\b{SITE}(?:e?s)?\b|{THESE_TERMS})(?:\s+(?:and|et|und|sowie)\s+[^!?\n]{{0,40}}?)?\s+{property}\s*{PARTY_DET}|\b{DE_RUN}\s+(?:wird|werden)\s+{DET}?{SITE}\s+(?:von|durch)\s+{PARTY_DET}|(?:^|\b(?:the|le|la|der|die)\s+|\bl['’]\s*)\s*(?:\*\*)?(?:{label}(?:{of_site}|{LEGAL_REFERENCE})?|{responsible})(?:\*\*)?\s*(?::|\s(?:ist|est|is))(?:\*\*)?\s*{PARTY_DET}|^\s*{ITEM}(?:\*\*)?(?:{label}{of_site}|{STRONG_LABEL})(?:\*\*)?\s*(?::|\s(?:ist|est|is))(?:\*\*)?\s*{PARTY_DET}|^\s*\|\s*(?:\*\*)?(?:{label}{of_site}|{responsible}|{STRONG_LABEL}|{SITE_LABEL})(?:\*\*)?\s*\|\s*(?:\*\*)?\s*{PARTY_DET}|(?:^\s*{ITEM}|\s)(?:\*\*)?{FA_OPERATOR}\s+(?:این\s+)?{SITE}(?:\*\*)?\s*[:،,|]?(?:\*\*)?\s*(?:شرکت\s+)?|^\s*{ITEM}(?:\*\*)?{FA_OPERATOR}(?:\*\*)?\s*:(?:\*\*)?\s*(?:شرکت\s+)?|(?:^|\s)مالکیت\s+(?:این\s+)?{SITE}(?:\s+و\s+{CONTENT}(?:\s+آن)?)?\s+(?:با|متعلق\s+به)\s+(?:شرکت\s+)?|{fa_rights})"
    )
}

/// One label of [`LABEL`] or two joined (`Owner and operator`, `Betreiber und Herausgeber`).
fn labels() -> String {
    format!(r"(?:{LABEL}(?:\s*(?:and|et|und|&|/)\s*{LABEL})?)")
}

/// Labels of a site's operator, publisher, owner or provider (`Betreiber`, `Éditeur`,
/// `Provider`), which name this site's with a site noun after them ([`of_site`]).
const LABEL: &str = r"(?:operator|publisher|owner|provider|betreiber(?:in)?|anbieter(?:in)?|diensteanbieter(?:in)?|herausgeber(?:in)?|inhaber(?:in)?|éditeur|editeur|exploitant|propriétaire)";

/// Labels that name the site's own operator or publisher even without a site noun, in a
/// list item (`- **Éditeur** : X`, `- Herausgeber: X`) or above the name.
const STRONG_LABEL: &str =
    r"(?:operator|publisher|betreiber(?:in)?|herausgeber(?:in)?|éditeur|editeur|exploitant)";

/// The site a label names: `of this website`, `du site`, `dieses Shops`.
fn of_site() -> String {
    format!(r"(?:\s+(?:of|de|du|des|der|dieser|dieses|von|für)\s+{DET}?{SITE}(?:e?s)?)")
}

/// Responsibility for the site: it names the site only with it (`Verantwortlich für die
/// Datenverarbeitung` is a privacy text's controller).
fn responsible() -> String {
    format!(
        r"(?:verantwortlich(?:e[rn]?)?\s+für|responsable\s+(?:du|de\s+la|de\s+l['’]|de\s+ce|de\s+cette)|responsible\s+for)\s*{DET}?{SITE}(?:e?s)?"
    )
}

/// A line that is only a label of this site's operator (`**Betreiber dieser Website:**`,
/// `### Publisher of this website`, `Éditeur :`) or the title of its imprint (`## Impressum`,
/// `Angaben gemäß § 5 TMG:`, `## Mentions légales`, `Legal notice`): the name written on the
/// next line (a blank line between them at most) is stated as the operator.
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let imprint = r"(?:impressum|imprint|legal\s+notice|mentions\s+légales|informations\s+légales|angaben\s+gemäß\s+§\s*5\s+(?:tmg|ddg)|anbieterkennzeichnung)";
    Regex::new(&format!(
        r"(?i)^\s*(?:#{{1,6}}\s+|{ITEM})?(?:\*\*|__)?\s*(?:{}{}|{}|{STRONG_LABEL}|{SITE_LABEL}|{LABEL}{LEGAL_REFERENCE}|{imprint}|{FA_OPERATOR}\s+(?:این\s+)?{SITE})\s*(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*$",
        labels(),
        of_site(),
        responsible()
    ))
    .expect("valid pattern")
});

/// A label of a site's operator or owner with the site noun before it: `Site operator`,
/// `Website owner`, `Platform provider`, `Seitenbetreiber`, `Plattformbetreiber`. A shop's or
/// store's owner may be a seller's on a marketplace.
const SITE_LABEL: &str = r"(?:(?:web\s?|internet\s?)?site|platform|marketplace|plattform|(?:web|internet)?seiten|website|webseite)[\s-]?(?:operator|owner|publisher|provider|betreiber(?:in)?|anbieter(?:in)?|inhaber(?:in)?)";

/// The German imprint's legal reference after a label: `Diensteanbieter im Sinne des § 5
/// DDG`, `Anbieter gemäß § 5 TMG`.
const LEGAL_REFERENCE: &str = r"\s+(?:im\s+sinne\s+(?:des|von)|gemäß|gem\.|nach|i\.\s?s\.\s?d\.)\s+§+\s*\d+[a-z]?(?:\s+abs\.\s*\d+)?\s+(?:tmg|ddg|mstv|rstv)";

/// `We, ` before a name the text speaks as (`We, X Ltd, operate this site`, `Wir, die X GmbH,
/// betreiben…`, `Nous, X SAS, exploitons…`).
const WE_COMMA: &str = r"(?:^|[.!?]\s+)\s*(?:we|nous|wir)\s*,\s*";

/// [`WE_COMMA`] and an article, right before a name.
static WE_APPOSITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i){WE_COMMA}{PARTY_DET}$")).expect("valid pattern"));

/// `We are ` before a name (`We are X Ltd, the operator of this website`, `Nous sommes X SAS,
/// l'éditeur du site`, `Wir sind die X GmbH, Betreiberin dieser Website`).
static WE_ARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[.!?]\s+)\s*(?:we\s+are|nous\s+sommes|wir\s+sind)\s+{PARTY_DET}$"
    ))
    .expect("valid pattern")
});

/// A role of this site's operator in an apposition right after a name: `, the operator of this
/// website`, `, l'éditeur du site`, `, Betreiberin dieser Website`.
static ROLE_APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*,\s*(?:(?:the|le|la|l['’]|der|die)\s*)?(?:sole\s+|seule?\s+|alleinige[rn]?\s+)?{}{}(?:[^\p{{L}}]|$)",
        labels(),
        of_site()
    ))
    .expect("valid pattern")
});

/// [`WE_COMMA`] and an article anywhere in a text, each line's start a sentence's.
static WE_APPOSITION_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?mi){WE_COMMA}{PARTY_DET}")).expect("valid pattern"));

/// Whether the name at `offset` of `source` opens its line (after a list marker or emphasis)
/// below a [`LABEL_LINE`].
/// A label on the company's own line that makes it the operator in an imprint (`Impressum:`,
/// `Registered office:`, `Responsible for content:`, `Siège social :`).
static SAME_LINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\*\*|__)?\s*(?:registered\s+office|company\s+details|responsible\s+for\s+(?:the\s+)?content|siège\s+social|sitz(?:\s+der\s+gesellschaft)?|firmenangaben|verantwortlich\s+für\s+(?:den\s+)?inhalt)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*$")
        .expect("valid pattern")
});

/// What an imprint gives of its operator after the name: a register and its number, a VAT or
/// company number, a share capital, a managing director, a street address with a postcode.
static IMPRINT_CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:registered\s+(?:in|under|with|office)|incorporated\s+(?:in|under)|company\s+(?:number|no\b|registration)|reg(?:istration)?\.?\s+no\b|vat(?:\s+(?:no|number|id|reg))?|immatriculée|rcs|siret|siren|tva|au\s+capital|capital\s+social|siège\s+social|eingetragen|handelsregister|registergericht|hrb|hra|amtsgericht|ust[.-]?\s*id(?:nr)?|umsatzsteuer|geschäftsführ(?:er|erin|ung)|managing\s+director|directeur\s+de\s+(?:la\s+)?publication)\b|\b\d{1,4}[a-z]?,?\s+[\p{L}.-]+(?:\s+[\p{L}.-]+)?\s+(?:street|st|road|rd|lane|avenue|ave|way|square)\b|\b[\p{L}-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ring)\s+\d|\b\d{1,4},?\s+(?:rue|avenue|boulevard|bd|place|quai|allée|chemin|impasse)\b|\b\d{5}\s+\p{Lu}")
        .expect("valid pattern")
});

/// Words of a heading or label above a company that make it another party than the operator:
/// a host, a payment or delivery service, a mediator, an authority, a data protection officer.
const OTHER_ROLE_STEMS: &[&str] = &[
    "host",
    "hébergeur",
    "hébergement",
    "hoster",
    "payment",
    "paiement",
    "zahlung",
    "delivery",
    "livraison",
    "versand",
    "shipping",
    "carrier",
    "transporteur",
    "mediat",
    "médiat",
    "schlicht",
    "authorit",
    "autorité",
    "aufsicht",
    "behörde",
    "regulator",
    "datenschutzbeauftragt",
    "dpo",
    "data protection officer",
    "délégué",
    "partner",
    "partenaire",
    "provider",
    "prestataire",
    "dienstleister",
    "insurer",
    "versicherung",
    "assurance",
    "bank",
    "banque",
    "seller",
    "vendeur",
    "verkäufer",
    "developer",
    "design",
    "conception",
    "réalisation",
    "credits",
    "crédits",
    "bildnachweis",
    "photo",
    "dispute",
    "streit",
    "litige",
    "resolution",
    "arbitra",
    "ombuds",
    "complaint",
    "beschwerde",
    "réclamation",
];

/// Words of a company's name that say it is a mediator, a payment service, a bank or a host.
const NAMED_ROLE_STEMS: &[&str] = &[
    "mediat",
    "médiat",
    "schlicht",
    "ombuds",
    "arbitra",
    "dispute",
    "payment",
    "paiement",
    "zahlung",
    "bank",
    "banque",
    "hosting",
    "hébergement",
];

/// Whether the company `m`, with a legal form, opens an imprint's block: it opens its line
/// (after a label of the operator on it or none: `Impressum: X GmbH`, `Registered office: X
/// Ltd`), the line or block above is a heading or nothing (not a label of another role, as
/// `Hébergeur`), and the rest of its paragraph gives two of what an imprint gives of its
/// operator ([`IMPRINT_CUES`]: `X Ltd, 12 High Street, Leeds, Company number 01234567`, `X GmbH
/// … HRB 12345, Amtsgericht Köln`, `X SAS au capital de … RCS Lyon …`).
fn imprint_block(source: &str, m: &Mention) -> bool {
    if m.domain
        || !super::forms::companies(&m.shown)
            .iter()
            .any(|(name, _)| name.start == 0)
    {
        return false;
    }
    let line_start = source[..m.offset].rfind('\n').map_or(0, |i| i + 1);
    let opener = &source[line_start..m.offset];
    let bare = opener
        .trim_start()
        .strip_prefix(['-', '*', '+'])
        .unwrap_or(opener)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    let labelled =
        SAME_LINE_LABEL.is_match(opener) || LABEL_LINE.is_match(opener) && !bare.is_empty();
    if !bare.is_empty() && !labelled {
        return false;
    }
    // The nearest non-blank line above: a heading of no other role, or nothing.
    let above = source[..line_start]
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let other_role = |text: &str| {
        let lower = text.to_lowercase();
        OTHER_ROLE_STEMS.iter().any(|s| lower.contains(s))
    };
    if !(labelled || above.trim_start().starts_with('#') || above.trim().is_empty())
        || other_role(above)
        || other_role(opener)
    {
        return false;
    }
    // The paragraph after the name: up to a blank line or four lines.
    let rest = &source[m.offset + m.shown.len()..];
    let end = rest.find("\n\n").unwrap_or(rest.len());
    let block: String = rest[..end].lines().take(4).collect::<Vec<_>>().join("\n");
    // A name that says its role (`Retail Mediation Ltd`, `Lumo Payments Ltd`).
    let role_name = {
        let lower = m.shown.to_lowercase();
        NAMED_ROLE_STEMS.iter().any(|s| lower.contains(s))
    };
    if other_role(&block) || role_name {
        return false;
    }
    let cues: std::collections::BTreeSet<&str> =
        IMPRINT_CUES.find_iter(&block).map(|c| c.as_str()).collect();
    cues.len() >= if labelled { 1 } else { 2 }
}

fn below_a_label(source: &str, offset: usize) -> bool {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let opener = source[line_start..offset].trim_start();
    let opener = opener
        .strip_prefix(['-', '*', '+'])
        .unwrap_or(opener)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    opener.is_empty() && label_line_above(source, line_start)
}

/// Whether the line above the one starting at `line_start` in `text` (a blank line between
/// them at most) is a [`LABEL_LINE`].
fn label_line_above(text: &str, line_start: usize) -> bool {
    if line_start == 0 {
        return false;
    }
    let mut blank = 0;
    for line in text[..line_start - 1].lines().rev() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                return false;
            }
            continue;
        }
        return LABEL_LINE.is_match(line);
    }
    false
}

/// Words right before a name that state it as this site's operator ([`operator_statement`]).
/// The party of an agreement (`between you and X`) is not one: a service's operating company
/// often has a name and host of its own.
static OPERATOR_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i){}$", operator_statement())).expect("valid pattern")
});

/// [`operator_statement`] anywhere in a text, each line's start a sentence's: where a
/// Persian name stated as this site's operator starts ([`persian_operators`]).
static OPERATOR_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?mi){}", operator_statement())).expect("valid pattern")
});

/// Most words of a Persian name after a statement of this site's operator.
const FA_NAME_WORDS: usize = 4;

/// The words after which a Persian name is this site's operator: `… شرکت X است`, `… شرکت X
/// اداره می‌شود`, `… شرکت X تعلق دارد`.
const FA_OPERATING: &[&str] = &[
    "است",
    "هست",
    "میباشد",
    "می‌باشد",
    "می",
    "اداره",
    "مدیریت",
    "تعلق",
    "راه‌اندازی",
    "ارائه",
    "منتشر",
    "محفوظ",
];

/// Words that end a Persian name without making it this site's operator: denied verbs,
/// particles, prepositions, conjunctions and verbs of other services (`توسط شرکت ملی پست
/// ارسال می‌شود`, sent by the post company).
const FA_OTHER_ENDS: &[&str] = &[
    "نیست",
    "نمیباشد",
    "ندارد",
    "نبوده",
    "بوده",
    "باشد",
    "میشود",
    "می‌شود",
    "و",
    "که",
    "نیز",
    "را",
    "با",
    "در",
    "از",
    "به",
    "برای",
    "تا",
    "ارسال",
    "تحویل",
    "حمل",
    "انجام",
    "پرداخت",
    "صادر",
    "ثبت",
    "دارد",
];

/// Words that end a Persian name: [`FA_OPERATING`] and [`FA_OTHER_ENDS`]. A name stated as
/// this site's operator ends at one of [`FA_OPERATING`], at punctuation or at the end of its
/// line; ending at another, it names a party that does something else on the site.
const FA_STOP: [&str; FA_OPERATING.len() + FA_OTHER_ENDS.len()] =
    joined(FA_OPERATING, FA_OTHER_ENDS);

/// The words of `a` followed by those of `b`, `N` long (`a.len() + b.len()`).
const fn joined<const N: usize>(a: &[&'static str], b: &[&'static str]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[i + j] = b[j];
        j += 1;
    }
    out
}

/// A letter of the Arabic script (Persian text), or the half-space inside a Persian word.
fn persian_letter(c: char) -> bool {
    c == '\u{200c}'
        || c.is_alphabetic()
            && matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// The words before a Persian operator in a clause written verb last: `این سایت به` (and
/// `شرکت X تعلق دارد` after it, [`FA_BELONGS`]).
static FA_BELONGS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)(?:این\s+)?{SITE}[\s،,]+به\s+(?:شرکت\s+)?$"
    ))
    .expect("valid pattern")
});

/// [`FA_BELONGS_LEAD`] anywhere in a text.
static FA_BELONGS_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|\s)(?:این\s+)?{SITE}[\s،,]+به\s+")).expect("valid pattern")
});

/// The verb that ends a Persian clause stating the site's owner, right after the name: `تعلق
/// دارد`, `متعلق است`.
const FA_BELONGS: &[&str] = &["تعلق", "متعلق"];

/// A Persian legal form written after a company's name: `با مسئولیت محدود` (limited liability).
const FA_LEGAL_FORM: &str = "با مسئولیت محدود";

/// How a Persian name after a statement ends.
#[derive(Debug, PartialEq, Eq)]
enum NameEnd<'a> {
    /// Punctuation or the end of its line.
    Mark,
    /// A word of [`FA_STOP`].
    Word(&'a str),
    /// Something that is no end of a Persian name: a Latin letter or digit, too many words.
    None,
}

/// The Persian name that starts at `at` in `body` (after `شرکت ` when written, which the name
/// keeps when `company` is given as its start): its byte range and how it ends.
fn persian_name(body: &str, at: usize, company: Option<usize>) -> (usize, usize, NameEnd<'_>) {
    const COMPANY: &str = "شرکت";
    let mut start = company.unwrap_or(at);
    let mut pos = at;
    if company.is_none()
        && let Some(rest) = body[pos..].strip_prefix(COMPANY)
        && rest.starts_with(' ')
    {
        start = pos;
        pos += COMPANY.len() + 1;
    }
    let name_start = pos;
    let mut words = 0;
    let mut end = pos;
    let how = loop {
        let tail = &body[pos..];
        if pos > name_start
            && let Some(rest) = tail.strip_prefix(FA_LEGAL_FORM)
            && !rest.starts_with(persian_letter)
        {
            pos += FA_LEGAL_FORM.len();
            end = pos;
            let space = body[pos..].len() - body[pos..].trim_start_matches([' ', '\u{a0}']).len();
            if body[pos + space..].starts_with(persian_letter) {
                pos += space;
            }
            continue;
        }
        let len = tail
            .find(|c: char| !persian_letter(c))
            .unwrap_or(tail.len());
        if len == 0 {
            // Punctuation or the line's end closes the name; a Latin letter or a digit goes
            // on with a name that is not all Persian.
            let next = tail.trim_start_matches([' ', '\u{a0}']).chars().next();
            break if next.is_none_or(|c| !c.is_alphanumeric()) {
                NameEnd::Mark
            } else {
                NameEnd::None
            };
        }
        let word = &tail[..len];
        if FA_STOP.contains(&word)
            || FA_BELONGS.contains(&word)
            || word.starts_with("می\u{200c}")
            || word.starts_with("نمی\u{200c}")
        {
            break NameEnd::Word(word);
        }
        words += 1;
        if words > FA_NAME_WORDS {
            break NameEnd::None;
        }
        pos += len;
        end = pos;
        let space = body[pos..].len() - body[pos..].trim_start_matches([' ', '\u{a0}']).len();
        if body[pos + space..].starts_with(persian_letter) {
            pos += space;
        }
    };
    if words == 0 {
        return (start, start, NameEnd::None);
    }
    (start, end, how)
}

/// Names that `body` (starting at `base` in the version's source) states as this site's
/// operator and that no search for a company by its legal form finds: Persian names
/// ([`persian_operators`]) and Latin names written unusually ([`unusual_operators`]).
pub(super) fn stated_names(body: &str, base: usize) -> Vec<Mention> {
    let mut out = persian_operators(body, base);
    out.extend(unusual_operators(body, base));
    out.extend(capital_form_operators(body, base));
    out.extend(copyright_names(body, base));
    out
}

/// A copyright notice opening a line, `All rights reserved` before it or not, then a name of
/// one to three capitalised words without a legal form (group 1: `© 2025 Kaufhaus24`, `Tous
/// droits réservés © Boutiquelune 2024`, `Copyright 2024 Lumo Handel.`).
static COPYRIGHT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?mi)^(?:\s*{RESERVED}\.?)?{COPYRIGHT}(?-i:(\p{{Lu}}[\p{{L}}\p{{N}}&'’.-]*(?:[^\S\n]+\p{{Lu}}[\p{{L}}\p{{N}}&'’.-]*){{0,2}}))"
    ))
    .expect("valid pattern")
});

/// Names a copyright notice holds for the whole site without a legal form: the notice is its
/// line and nothing but a year and `All rights reserved` follows the name ([`COPYRIGHT_END`]),
/// the name being the most of [`COPYRIGHT_NAME`]'s words for which that holds (`© 2025
/// Ferlandine. Tous droits réservés.`: `Ferlandine`); a name of ordinary words (`© 2025 Alle
/// Rechte vorbehalten`, `© Copyright`) is none, and a name with a legal form is found as a
/// company. [`states_operator`] reads the notice ([`copyright_holder`]).
fn copyright_names(body: &str, base: usize) -> Vec<Mention> {
    if !["©", "opyright", "OPYRIGHT", "(c)", "(C)"]
        .iter()
        .any(|n| body.contains(n))
    {
        return Vec::new();
    }
    COPYRIGHT_NAME
        .captures_iter(body)
        .filter_map(|c| c.get(1))
        .filter_map(|name| {
            let text = name.as_str();
            // The ends of the name's first one, two or three words, most first.
            let mut ends: Vec<usize> = text
                .char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect();
            ends.reverse();
            let shown = ends.into_iter().find_map(|end| {
                let shown = text[..end].trim_end_matches(['.', ',', '-', '\'', '’']);
                let rest = &body[name.start() + shown.len()..];
                let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
                COPYRIGHT_END.is_match(line).then_some((shown, line.len()))
            });
            let (shown, line) = shown?;
            let ordinary = shown.split_whitespace().all(|w| {
                ["en", "fr", "de"]
                    .iter()
                    .any(|l| super::common::ordinary(l, w))
            });
            let notice = &body[name.start()..name.start() + shown.len() + line];
            let with_form = !super::forms::companies(notice).is_empty() || UNUSUAL.is_match(shown);
            (!shown.is_empty() && !ordinary && !with_form)
                .then(|| Mention::name(shown, base + name.start()))
        })
        .collect()
}

/// A French company's legal form and share capital after its name and a comma (`X Commerce,
/// SAS au capital de 10 000 €`): the name is the capitalised words before the comma (group 1).
static CAPITAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}0-9&'’-]*(?:[^\S\n]+\p{Lu}[\p{L}0-9&'’-]*){0,3}),[^\S\n]*(?:SAS|SASU|SARL|EURL|SA|SNC|SCA)[^\S\n]+(?:au|à)[^\S\n]+capital")
        .expect("valid pattern")
});

/// Names written before their legal form and share capital ([`CAPITAL_FORM`]): a statement
/// before them makes them this site's operator (`Ce site est édité par la société X Commerce,
/// SAS au capital de 10 000 €`); [`states_operator`] reads it.
fn capital_form_operators(body: &str, base: usize) -> Vec<Mention> {
    if !body.contains("capital") {
        return Vec::new();
    }
    CAPITAL_FORM
        .captures_iter(body)
        .filter_map(|c| c.get(1))
        .map(|name| Mention {
            key: normalise(name.as_str()),
            shown: name.as_str().to_string(),
            offset: base + name.start(),
            domain: false,
            email: false,
            address: false,
        })
        .collect()
}

/// What a name written unusually holds: `&` before a capitalised word, a legal form in
/// capitals, `(haftungsbeschränkt)`. ASCII word boundaries keep the search in one pass over
/// text of any script.
static UNUSUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[^\S\n]&[^\S\n]+\p{Lu}|(?-u:\b)(?:LTD|LIMITED|INC|CORP|CORPORATION|GMBH|SARL)(?-u:\b)|\(haftungsbeschränkt\)")
        .expect("valid pattern")
});

/// A company's name at the start of a text, ending in its legal form: capitalised words or
/// words in capitals, `&` between them (`Perle & Co SAS`, `NORTHWIND RETAIL LTD`, `Muster UG
/// (haftungsbeschränkt)`).
static LATIN_COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"(?:[\p{Lu}0-9][\p{L}0-9&'’.-]*|&)";
    let form = r"(?:GmbH|GMBH|AG|SE|KG|UG|SAS|SARL|S\.A\.S\.?|S\.A\.|SA|SRL|S\.r\.l\.|S\.p\.A\.|B\.V\.|BV|N\.V\.|NV|Ltd\.?|LTD\.?|Limited|LIMITED|LLC|Inc\.?|INC\.?|Corp\.?|CORP\.?|Corporation|CORPORATION|plc|PLC|LLP)";
    Regex::new(&format!(
        r"^(\p{{Lu}}[\p{{L}}0-9&'’.-]*(?:[^\S\n]+{word}){{0,5}}?[^\S\n]+{form}(?:[^\S\n]*\((?i:haftungsbeschränkt)\))?)(?:[^\p{{L}}0-9]|$)"
    ))
    .expect("valid pattern")
});

/// Latin names written unusually ([`UNUSUAL`]) that `body` states as this site's operator:
/// after a statement ([`operator_statement`]), `We, ` ([`WE_COMMA`]) or a copyright notice
/// opening the line ([`COPYRIGHT_ANYWHERE`]), or on the line below a label ([`LABEL_LINE`]).
/// A name a search for companies finds as written is left to it.
fn unusual_operators(body: &str, base: usize) -> Vec<Mention> {
    // Only the lines that hold such a name are read, each once.
    let mut starts = Vec::new();
    let mut lines_read = Vec::new();
    for found in UNUSUAL.find_iter(body) {
        let line_start = body[..found.start()].rfind('\n').map_or(0, |i| i + 1);
        if lines_read.contains(&line_start) {
            continue;
        }
        lines_read.push(line_start);
        let line_end = body[found.end()..]
            .find('\n')
            .map_or(body.len(), |i| found.end() + i);
        let line = &body[line_start..line_end];
        starts.extend(
            OPERATOR_ANYWHERE
                .find_iter(line)
                .chain(WE_APPOSITION_ANYWHERE.find_iter(line))
                .chain(COPYRIGHT_ANYWHERE.find_iter(line))
                .map(|s| line_start + s.end()),
        );
        if label_line_above(body, line_start) {
            starts.push(line_start);
        }
    }
    let mut out = Vec::new();
    for at in starts {
        let rest = &body[at..];
        let skip = rest.len()
            - rest
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '*' | '_' | '[' | '-')
                })
                .len();
        let Some(name) = LATIN_COMPANY.captures(&rest[skip..]).and_then(|c| c.get(1)) else {
            continue;
        };
        let shown = name.as_str().trim_end_matches([',', '.']);
        if !UNUSUAL.is_match(shown) {
            continue;
        }
        out.push(Mention::name(shown, base + at + skip));
    }
    out
}

/// Names in Persian letters that `body` (starting at `base` in the version's source) states
/// as this site's operator ([`operator_statement`]): `این سایت متعلق به شرکت X است`, `-
/// ناشر: X`, `گرداننده این سایت، شرکت X، …`, and verb last, `این سایت به شرکت X تعلق دارد`;
/// `شرکت` (company) is part of the name shown, and so is `با مسئولیت محدود` after it. A
/// Persian company has no legal form after its name to find it by, as a Latin one has: it is
/// a mention only where the text states it as the operator.
fn persian_operators(body: &str, base: usize) -> Vec<Mention> {
    const COMPANY: &str = "شرکت";
    if !body.chars().any(persian_letter) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize| {
        let shown = &body[start..end];
        out.push(Mention::name(shown, base + start));
    };
    let after_statement = |end: usize| {
        // The statement's own `شرکت` opens the name shown.
        let company = body[..end].trim_end().strip_suffix(COMPANY).map(str::len);
        let at = end + body[end..].len() - body[end..].trim_start_matches(['*', ' ']).len();
        persian_name(body, at, company)
    };
    for statement in OPERATOR_ANYWHERE.find_iter(body) {
        let name = after_statement(statement.end());
        let (start, end, how) = name;
        if persian_common_noun(&body[start..end]) {
            continue;
        }
        if match how {
            NameEnd::Mark => true,
            NameEnd::Word(w) => FA_OPERATING.contains(&w),
            NameEnd::None => false,
        } {
            push(start, end);
        }
    }
    // A Latin name after a Persian statement (`کلیه حقوق این سایت متعلق به Lumora است`): a
    // brand written in Latin letters; one with a legal form is found by its form.
    for statement in OPERATOR_ANYWHERE.find_iter(body) {
        if !statement.as_str().chars().any(persian_letter) {
            continue;
        }
        let rest = &body[statement.end()..];
        let at = statement.end() + rest.len() - rest.trim_start_matches(['*', ' ']).len();
        let Some(name) = FA_LATIN_NAME.captures(&body[at..]).and_then(|c| c.get(1)) else {
            continue;
        };
        // A domain (`Lumora.ir`) is found as an address.
        let domain = body[at + name.end()..]
            .strip_prefix('.')
            .is_some_and(|r| r.starts_with(char::is_alphanumeric));
        // A name with a legal form (`Lumora Trading Ltd`) is found by it.
        let line = &body[at..];
        let company = super::forms::companies(&line[..line.find('\n').unwrap_or(line.len())])
            .first()
            .is_some_and(|(name, _)| name.start == 0);
        if !domain && !company {
            push(at, at + name.end());
        }
    }
    // `شرکت X این سایت را اداره می‌کند`, `شرکت X («ما») مالک این سایت است`: the company opening
    // the sentence, read as its subject by [`subject_operating`].
    for caps in FA_SUBJECT.captures_iter(body) {
        if let Some(name) = caps.get(1) {
            push(name.start(), name.end());
        }
    }
    for statement in FA_BELONGS_ANYWHERE.find_iter(body) {
        let (start, end, how) = after_statement(statement.end());
        if body[start..].starts_with(COMPANY)
            && matches!(how, NameEnd::Word(w) if FA_BELONGS.contains(&w))
            && !denied(&body[end..])
        {
            push(start, end);
        }
    }
    out
}

/// A name in Latin letters of one to three capitalised words (group 1) before Persian text,
/// punctuation or the end of its line: a brand after a Persian statement of an operator.
static FA_LATIN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[A-Za-z0-9&'’-]*(?:[^\S\n]+\p{Lu}[A-Za-z0-9&'’-]*){0,2})[^\S\n]*(?:[\p{Arabic}\u{200c}]|[.،,:;!?)]|$)")
        .expect("valid pattern")
});

/// Persian nouns for a party, a person or a site (`خریدار`, `فروشندگان`, `کاربران`, `سایت`):
/// after `تمامی حقوق … برای` or `متعلق به`, a name opening with one of them names who keeps
/// rights, not a company (`تمامی حقوق برای خریدار محفوظ است`).
const FA_COMMON_NOUNS: &[&str] = &[
    "خریدار",
    "خریداران",
    "فروشنده",
    "فروشندگان",
    "کاربر",
    "کاربران",
    "مشتری",
    "مشتریان",
    "مصرف‌کننده",
    "مصرف‌کنندگان",
    "مالک",
    "مالکان",
    "مالکین",
    "صاحب",
    "صاحبان",
    "دارنده",
    "دارندگان",
    "نویسنده",
    "نویسندگان",
    "پدیدآورنده",
    "پدیدآورندگان",
    "تولیدکننده",
    "تولیدکنندگان",
    "طراح",
    "طراحان",
    "عکاس",
    "عکاسان",
    "هنرمند",
    "هنرمندان",
    "ناشر",
    "ناشران",
    "عضو",
    "اعضا",
    "اعضای",
    "مدیر",
    "مدیران",
    "مدیریت",
    "افراد",
    "اشخاص",
    "شخص",
    "طرفین",
    "همه",
    "ما",
    "شما",
    "او",
    "آنها",
    "ایشان",
    "مجموعه",
];

/// Persian site nouns: alone after a statement they name no company (`… برای سایت محفوظ
/// است`); with a name after them they are part of it (`فروشگاه نورافشان`).
const FA_SITE_NOUNS: &[&str] = &["سایت", "وب‌سایت", "وبسایت", "فروشگاه", "پلتفرم", "بازار"];

/// Whether a Persian name read after a statement of an operator is a common noun
/// ([`FA_COMMON_NOUNS`] opening it, or a site noun alone), not a company: a company is
/// written with `شرکت`, or is a name no such noun opens.
fn persian_common_noun(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first: String = first.chars().map(crate::text::persian_letter).collect();
    FA_COMMON_NOUNS.contains(&first.as_str())
        || words.next().is_none() && FA_SITE_NOUNS.contains(&first.as_str())
}

/// A Persian company opening its sentence (group 1: `شرکت` and one to four words), before a
/// definition in brackets and this site as the object of its verb (`این سایت را`) or before
/// `مالک` (owner): where [`subject_operating`] may read it as this site's operator.
static FA_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)(?:^|[.!?؟:]\s+)\s*{ITEM}(?:\*\*)?(شرکت\s+[\p{{Arabic}}\u{{200c}}]+(?:\s+[\p{{Arabic}}\u{{200c}}]+){{0,3}}?)\s*(?:[(（][^()\n]{{0,80}}[)）]\s*)?(?:این\s+{SITE}\s+را\s|{FA_OPERATOR}\s)"
    ))
    .expect("valid pattern")
});

/// Whether the text states `m`, a company (`شرکت X`), as this site's owner in a Persian clause
/// written verb last (`این سایت به شرکت X تعلق دارد`, not `… تعلق ندارد`).
fn fa_belongs(source: &str, m: &Mention) -> bool {
    let rest = after(source, m);
    m.shown.starts_with("شرکت")
        && FA_BELONGS_LEAD.is_match(lead(source, m.offset))
        && rest
            .split_whitespace()
            .next()
            .is_some_and(|w| FA_BELONGS.contains(&w))
        && !denied(rest)
}

/// Whether the verb of owning that opens `rest` (`تعلق ندارد`, `متعلق نیست`) is denied.
fn denied(rest: &str) -> bool {
    rest.split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with('ن') && !w.starts_with("نیز"))
}

/// A name of one to four words in any script (`Kaufhaus24`, `فروشگاه بازارنو`).
const ANY_NAME: &str = r"[\p{L}\p{N}][\p{L}\p{N}&'’.\-\u{200c}]*(?:[^\S\n]+[\p{L}\p{N}][\p{L}\p{N}&'’.\-\u{200c}]*){0,3}";

/// The words before a host written in parentheses or after a comma right after the name a
/// statement gives as this site's operator (`- Betreiber dieser Website: Kaufhaus24
/// (kaufhaus24.de)`, `ناشر این وب‌سایت فروشگاه بازارنو (bazarno.ir) است`), or as the target of
/// a link on that name (`operated by [Stellar](https://stellargoods.com)`): the host is that
/// operator's, whether or not the name is one with a legal form. The statement is group 1.
static OPERATOR_NAMED_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)({})(?:\*\*)?\[?(?:\*\*)?{ANY_NAME}(?:\*\*)?\]?(?:\*\*)?\s*[(,]\s*[\[<]?(?:https?://)?(?:www\.)?$",
        operator_statement()
    ))
    .expect("valid pattern")
});

/// Words right before a host given as this site's address: `the address of this website is`,
/// `l'adresse du site est`, `Adresse dieser Website:`, `نشانی این سایت`, `This website,
/// available at`, `Le présent site, accessible à l'adresse`, `این سایت به نشانی`; and, after a
/// statement of this site's operator in the same sentence ([`operator_statement`]), the
/// operator's address (`… and its address is`, `… et son adresse est`, `… و نشانی آن`).
static SITE_ADDRESS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let address = r"(?:(?:web|internet)[\s-]?)?(?:address|adresse)";
    let fa_address = r"(?:نشانی|آدرس)(?:\s+(?:اینترنتی|وب))?";
    // `This website, available at`, `Le présent site, accessible à l'adresse`, `Diese
    // Website ist erreichbar unter`, `the Website at`, `این سایت به نشانی`.
    let this_site = format!(
        r"(?:\b(?:this|ce|cet|cette|diese[rsnm]?|our|notre|unsere[rsnm]?|le\s+présent|la\s+présente)\s+{SITE}|\b(?:the|le|la|l['’])\s*(?-i:Web\s?site|Site(?:\s+(?i:internet|web))?|Platform|Plateforme|Marketplace))"
    );
    let reachable =
        r"(?:accessible|available|reachable|located|disponible|consultable|erreichbar|abrufbar)";
    let at = r"(?:at(?:\s+the\s+address)?|à\s+l['’]adresse|à|unter(?:\s+der\s+adresse)?)";
    Regex::new(&format!(
        r"(?i)(?:\b{address}(?:\s+(?:internet|web))?\s+(?:of|de|du|des|der|dieser|dieses|unserer)\s+{DET}?{SITE}(?:\s+(?:is|est|ist|lautet))?|{this_site}\s*,?\s+(?:(?:which\s+is\s+|qui\s+est\s+|ist\s+)?{reachable}\s+(?:{at}|via|sous|on|auf)|{at})|{fa_address}\s+(?:این\s+)?{SITE}(?:\s+(?:ما|است))?|این\s+{SITE}\s+(?:به|با)\s+{fa_address}|(?:{}[^!?\n]*?(?:\b(?:its|whose)\s+{address}\s+is|\b(?:son|sa|dont\s+l['’])\s*{address}(?:\s+(?:internet|web))?\s+est|\b(?:ihre|seine|deren|dessen)\s+{address}\s+(?:ist|lautet)|{fa_address}(?:\s+آن|[\u{{200c}}\s]?اش)(?:\s+(?:است|:))?)))\s*:?\s*$",
        operator_statement()
    ))
    .expect("valid pattern")
});

/// Nouns for what a site publishes (`texts`, `Bilder`, `contenus`, `تصاویر`), in the plural
/// or singular.
const CONTENT: &str = r"(?:contents?|texts?|photos?|photographs?|images?|pictures?|materials?|videos?|graphics?|articles?|posts?|descriptions?|logos?|inhalte?|texte|bilder|fotos|grafiken|materialien|artikel|beiträge|beschreibungen|contenus?|textes?|vidéos|visuels|annonces|مقالات|مقاله(?:[\u{200c}\s]?ها(?:ی)?)?|محتوا(?:ی|ها(?:ی)?)?|مطالب|تصاویر|عکس[\u{200c}\s]?ها(?:ی)?|متن[\u{200c}\s]?ها(?:ی)?|متون)";

/// Nouns for what a site publishes as a whole or as its own text ([`CONTENT`] without the
/// media, photos, logos, images or videos, whose rights holders are often others).
const WHOLE_CONTENT: &str = r"(?:contents?|texts?|materials?|articles?|posts?|descriptions?|inhalte?|texte|materialien|artikel|beiträge|beschreibungen|contenus?|textes?|annonces|مقالات|مقاله(?:[\u{200c}\s]?ها(?:ی)?)?|محتوا(?:ی|ها(?:ی)?)?|مطالب|متن[\u{200c}\s]?ها(?:ی)?|متون)";

/// Words right before a domain that make it this site: the use of it (`use of the website`,
/// `l'utilisation du site`, `Nutzung der Plattform`, `استفاده از سایت`; a bare domain after
/// `use of` without a site noun may be a company, `the exclusive use of Booking.com`), the
/// content on it (`Alle Inhalte auf`, `content on`, `contenus du site`, `محتوای سایت`, and
/// all of it however named: `All photos and texts you find on`, `Sämtliche Texte und Bilder
/// auf`, `Tout le contenu publié sur`, `تمام تصاویر منتشرشده در`), `this website`, `ce
/// site`, `diese Website`, `این سایت` (with `namely`, `یعنی` after it), a site noun opening
/// the sentence (`Le site www.x.fr
/// propose…`, `The website x.com is…`; `accessible sur le site x.com` names another site),
/// the site noun capitalised as the text's defined term (`the Website x.com`, `l'ensemble du
/// Site Internet « x.com »`), these terms as the terms of it (`You are reading the terms
/// of`, `Les présentes CGU du site`, `Diese AGB von`) and as terms that apply to it or
/// govern its use (`Diese Nutzungsbedingungen gelten für die Website`, `These terms apply to`,
/// `These terms govern your use of`), the reader using it, opening the sentence (`By using`,
/// `En utilisant le site`, `Durch die Nutzung von`; inside one, `pay by using x.com` names a
/// means; after an article, `By using the x.com services` names the company by its domain),
/// and a copyright notice opening a line (`Copyright © 2024`).
static SITE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let of = r"(?:(?:of|to|de\s+la|de\s+l['’]|de|du|des|à\s+la|à\s+l['’]|à|au|aux|der|zur|zum|zu|auf|von)\s*)";
    let of_place = r"(?:(?:of|de|du|des|der|von)\s+)";
    let on = r"(?:(?:on|auf|sur|in)\s+)";
    let all = r"(?:all(?:\s+the)?|every|sämtliche|alle|tou[st]|toutes?|l['’]ensemble\s+d(?:u|es|e\s+la|e\s+l['’])|تمام(?:ی|[\u{200c}\s]ی)?|همه(?:[\u{200c}\s]?ی)?|کلیه(?:[\u{200c}\s]?ی)?)";
    let article = r"(?:(?:the|le|la|les|l['’]|die|der|das)\s*)?";
    let and = r"(?:\s*,\s*|\s+(?:and|or|und|oder|et|ou|و)\s+)";
    let found = r"(?:\s+(?:(?:that|which|die|welche|que|qui)\s+)?(?:(?:you|sie|vous)\s+(?:(?:can|may|können|pouvez)\s+)?(?:find|see|finden|sehen|trouve[zr]|voye[zr])|published|posted|displayed|shown|found|available|contained|presented|veröffentlicht(?:en)?|enthalten(?:en)?|dargestellten?|abrufbar(?:en)?|publiée?s?|présentée?s?|diffusée?s?|disponibles?|affichée?s?|figurant|منتشر[\u{200c}\s]*شده|موجود))?";
    let fa_on = r"(?:(?:در|روی|بر\s+روی)\s+)";
    let terms = r"(?:terms(?:\s+(?:of\s+(?:service|use|sale)|and\s+conditions))?|conditions(?:\s+of\s+(?:use|sale))?|user\s+agreement|conditions\s+générales(?:\s+d['’](?:utilisation|vente))?|cgu|cgv|cgvu|agb|allgemeinen\s+geschäftsbedingungen|nutzungsbedingungen)";
    let these = r"(?:(?:you\s+are\s+reading|these\s+are|this\s+is)\s+the|these|the\s+present|les\s+présentes|présentes|ces|diese|die\s+vorliegenden|vorliegende|vorliegenden)";
    let to = r"(?:of|for|de|du|des|von|der|für)";
    let apply = r"(?:(?:apply|applies|gelten|gilt|s['’]appliquent|s['’]applique|valent|vaut)\s+(?:to|for|für|à|au|aux|pour)|(?:govern|regeln|régissent|régit)\s+(?:(?:your|the|die|ihre|votre|l['’])\s*)?(?:use|access|nutzung|utilisation|usage|accès)\s+(?:of|von|de|du|des|der))";
    let by_using = r"(?:by\s+(?:using|accessing|visiting|browsing)|en\s+(?:utilisant|visitant|consultant|accédant\s+(?:à|au)|naviguant\s+sur)|(?:durch|mit)\s+(?:der|die)\s+(?:nutzung|benutzung|verwendung)\s+von)";
    let relative = r"(?:\s*,?\s+(?:die|welche)\s+sie)?";
    let namely = r"(?:,?\s*(?:namely|that\s+is|c['’]est-à-dire|à\s+savoir|nämlich|یعنی)\s*,?\s*)?";
    Regex::new(&format!(
        r"(?i)(?:\b(?:use|using|usage|access(?:ing)?(?:\s+to)?|utilisation|accès|nutzung|benutzung|verwendung|zugang|zugriff)\s+{of}?{DET}?{SITE}\s+|\b(?:contents?|inhalte?|contenus?)\s+(?:{on}{DET}?(?:{SITE}\s+)?|{of_place}{DET}?{SITE}\s+)|\b{all}\s+{article}{CONTENT}(?:{and}{CONTENT}){{0,3}}{found}{relative}\s+(?:{on}|{fa_on}){DET}?(?:{SITE}\s+)?|\b(?:this|ce|cet|cette|diese[rsnm]?|our|notre|unsere[rsnm]?)\s+{SITE}\s+{namely}|^\s*(?:(?:the|le|la|l['’]|die|das|der)\s*)?{SITE}\s+|\b(?:the|le|la|l['’]|du|au)\s*(?-i:Web\s?site|Site(?:\s+(?i:internet|web))?|Platform|Plateforme|Marketplace)\s+|\b{these}\s+{terms}\s+(?:{to}|{apply})\s+{DET}?(?:{SITE}\s+)?|^\s*{by_using}\s+(?:{DET}?{SITE}\s+)?|^\s*(?:copyright|©|\(c\))(?:\s*(?:©|\(c\)))?\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s*)?|استفاده\s+از\s+{SITE}\s+|محتوای?\s+(?:{SITE}\s+)?|این\s+{SITE}\s+{namely})$"
    ))
    .expect("valid pattern")
});

/// The Persian welcome's first half, before the site (`به فروشگاه اینترنتی`, `به سایت`);
/// the site is this one only with [`FA_WELCOME_AFTER`] after it (`به سایت x.ir مراجعه کنید`
/// sends the reader to another site).
static FA_WELCOME_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:^|\s)به\s+(?:{SITE}\s+)?$")).expect("valid pattern"));

/// The Persian welcome's second half, after the site: `خوش آمدید`.
static FA_WELCOME_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s،,]*خوش[\s\u{200c}]*آمدید").expect("valid pattern"));

/// A relative or possessive word before the site noun (`dont le Site`, `whose Website`,
/// `deren Website`, `son site`): the site is another party's.
static RELATIVE_BEFORE_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:dont|whose|deren|dessen|its|their|son|sa|ses|leur|leurs|seine[rsnm]?|ihre[rsnm]?)\s+(?:(?:the|le|la|l['’]|die|der|das)\s*)?{SITE}\s+$"
    ))
    .expect("valid pattern")
});

/// Whether the rest of the sentence of the address `m` names the owner of its host with a
/// possessive (`All content on youtube.com is governed by YouTube's terms`): another
/// party's site, described.
fn owner_possessed(source: &str, m: &Mention) -> bool {
    let host = registrable_host(&m.key);
    let label = host.split('.').next().unwrap_or(host);
    if label.chars().count() < 3 {
        return false;
    }
    let end = super::name_end(source, m);
    let rest = &source[end..];
    let sentence = &rest[..rest
        .find(['\n', '!', '?', ';'])
        .or_else(|| rest.find(". "))
        .unwrap_or(rest.len())];
    Regex::new(&format!(r"(?i)\b{}(?:'s|’s)\b", regex::escape(label)))
        .is_ok_and(|re| re.is_match(sentence))
}

/// Words right before a web address written with its scheme or `www.` that make it this
/// site: its use (`use of`, `utilisation de`, `Nutzung von`).
static ADDRESS_USE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let of = r"(?:(?:of|to|de\s+la|de\s+l['’]|de|du|des|à\s+la|à\s+l['’]|à|au|aux|der|zur|zum|zu|auf|von)\s*)";
    Regex::new(&format!(
        r"(?i)(?:\b(?:use|using|usage|access(?:ing)?(?:\s+to)?|utilisation|accès|nutzung|benutzung|verwendung|zugang|zugriff)\s+{of}?{DET}?|استفاده\s+از\s+)$"
    ))
    .expect("valid pattern")
});

/// What follows a name that defines it as "we" (`X (im Folgenden „wir“)`) or as the site
/// (`x.com ("Website")`, `x.com (hereinafter the "Platform")`).
static DEFINED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*,?\s*\((?:[^)]{{0,80}}?[{QUOTE_MARKS}]\s*(?:we|us|our|nous|wir|uns)\b|(?:[^)]{{0,60}}?\s)?[{QUOTE_MARKS}]?\s*{SITE}\s*[{QUOTE_MARKS}]?\s*[),])"
    ))
    .expect("valid pattern")
});

/// Words giving a mailbox as the site's contact: a label (`Kontakt:`, `Contact :`, `Contact
/// us:`) or the site asking to be written to (`email us at`, `écrivez-nous à`, `schreiben Sie
/// uns an`).
static CONTACT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^\s*(?:[-*+]\s+)?(?:\*\*)?(?:kontakt|contact(?:ez-nous)?|contact\s+us|nous\s+contacter|تماس\s+با\s+ما)(?:\*\*)?\s*:|\b(?:e-?mail|write\s+to|contact|reach)\s+us\s+(?:at|on|via)|\b(?:écrivez|contactez)-nous\s+(?:à|au|par\s+e-?mail\s+à|via)|\b(?:schreiben|kontaktieren|erreichen)\s+sie\s+uns\s+(?:an|unter|per\s+e-?mail\s+an))\s*:?\s*$")
        .expect("valid pattern")
});

/// What a lead ends with before the host of an address: a link's bracket, a scheme, `www.`,
/// a mailbox, emphasis or quotes.
static ADDRESS_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[*_{QUOTE_MARKS}]+\s*)?(?:[\[(<]\s*)?(?:https?://)?(?:www\.)?(?:[A-Za-z0-9._%+-]*@)?(?:[*_{QUOTE_MARKS}]+\s*)?$"
    ))
    .expect("valid pattern")
});

/// The sentence before `offset` in `source` (at most about 160 bytes).
fn sentence_before(source: &str, offset: usize) -> &str {
    let mut from = offset.saturating_sub(160);
    while !source.is_char_boundary(from) {
        from += 1;
    }
    let text = &source[from..offset];
    let start = text
        .char_indices()
        .rfind(|&(i, c)| {
            matches!(c, '\n' | '!' | '?' | ';')
                || c == '.' && text[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// The words of the sentence before `offset` in `source` ([`sentence_before`]), without the
/// opening of an address written there.
fn lead(source: &str, offset: usize) -> &str {
    let text = sentence_before(source, offset);
    let mut cut = ADDRESS_OPENER.find(text).map_or(text.len(), |m| m.start());
    // A French elision (`la propriété d'X`, `exploité par l'X`) keeps its apostrophe: it is
    // part of the word before the name, not a quote.
    let elided = text[..cut]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| matches!(w, "d" | "D" | "l" | "L"));
    if elided
        && let Some(apostrophe) = text[cut..]
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '’'))
    {
        cut += apostrophe.len_utf8();
    }
    &text[..cut]
}

/// The text after the mention `m` in `source`, past the rest of its address (a path, a
/// link's target) and emphasis.
fn after<'a>(source: &'a str, m: &Mention) -> &'a str {
    let mut rest = &source[super::name_end(source, m)..];
    let path = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | ','))
        .unwrap_or(rest.len());
    if m.domain {
        rest = &rest[path..];
        if let Some(link) = rest.strip_prefix("](")
            && let Some(close) = link.find(')')
        {
            rest = &link[close + 1..];
        }
    }
    rest.trim_start_matches(|c: char| matches!(c, '*' | '_') || QUOTE_MARKS.contains(c))
}

/// Whether the text states `m` as this site's operator ([`OPERATOR_LEAD`], a label on the
/// line above it ([`below_a_label`]), `X operates this website` ([`subject_operating`]), a
/// copyright notice ([`copyright_holder`]), a table row naming it before its role (`| X Ltd |
/// Operator of this website |`) or `We, X, …` ([`WE_APPOSITION`])), not in a denial
/// (`This site is not operated by X`, `Ce site n'est pas exploité par X`, `این سایت توسط شرکت X
/// اداره نمی‌شود`), not as the owner of a site it names by another host (`The website
/// www.dhl.com is operated by DHL International GmbH`, [`described_site`]) and not inside a
/// quoted claim ([`quoted_claim`]).
pub(super) fn states_operator(source: &str, m: &Mention, own: &OwnNames) -> bool {
    if quoted_claim(source, m) {
        return false;
    }
    let before = lead(source, m.offset);
    if let Some(op) = OPERATOR_LEAD.find(before) {
        let denied_or_another_s = negated(op.as_str())
            || verb_denied(after(source, m))
            || described_site(&before[..op.start()], &before[op.start()..], own)
            || another_subject(&before[..op.start()], op.as_str())
            || another_shop(before, own)
            || SELLER_APPOSITION.is_match(after(source, m))
            || BARE_WEAK_LABEL.is_match(op.as_str()) && !opens_paragraph(source, m.offset)
            || LIST_LABEL.is_match(op.as_str()) && product_list(source, m.offset)
            || TABLE_LABEL.is_match(op.as_str()) && service_table(source, m.offset);
        return !denied_or_another_s;
    }
    below_a_label(source, m.offset)
        || imprint_block(source, m)
        || subject_operating(source, m, before)
        || service_provided(source, m, before)
        || copyright_holder(source, m)
        || TABLE_NAME_CELL.is_match(before) && TABLE_ROLE_AFTER.is_match(after(source, m))
        || WE_APPOSITION.is_match(before) && after(source, m).trim_start().starts_with(',')
        || (WE_ARE.is_match(before) || SUBJECT_LEAD.is_match(before))
            && ROLE_APPOSITION
                .find(after(source, m))
                .is_some_and(|r| !negated(r.as_str()))
        || DE_VERB_LAST_LEAD.find(before).is_some_and(|op| {
            let rest = after(source, m);
            DE_VERB_LAST
                .find(rest)
                .is_some_and(|verb| !SELLER_APPOSITION.is_match(&rest[verb.end()..]))
                && !another_subject(&before[..op.start()], op.as_str())
                && !another_shop(before, own)
        })
        || fa_belongs(source, m)
}

/// An apposition right after a stated operator that calls it a seller (`This store is a
/// service of X Ltd, an independent seller`, `…, eines unabhängigen Händlers`, `…, vendeur
/// indépendant`, `…، یک فروشنده مستقل،`): the shop is a seller's on the marketplace.
static SELLER_APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*_)]*[,،]\s*(?:(?:an?|the|un|une|le|la|l['’]|ein|eine|einem|eines|einer|der|die|یک)\s+)?(?:[\p{L}\u{200c}-]+\s+){0,3}?(?:sellers?|vendors?|merchants?|vendeu(?:r|se)s?|marchands?|commerçante?s?|verkäufer(?:s|in)?|händler(?:s|in)?|anbieter(?:s|in)?|فروشنده|غرفه[\u{200c}\s]?دار)(?:[^\p{L}]|$)")
        .expect("valid pattern")
});

/// A label that names a provider or owner without naming this site, in a sentence (`Anbieter
/// ist die`, `The provider is`, `Inhaber ist`): the statement a privacy text makes of a
/// service it uses (`Wir nutzen X. Anbieter ist die X Ltd`) unless it opens its paragraph, as
/// an imprint's does.
static BARE_WEAK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:the|le|la|der|die)\s+|l['’]\s*)?(?:\*\*)?(?:provider|owner|anbieter(?:in)?|diensteanbieter(?:in)?|inhaber(?:in)?|propriétaire)(?:\*\*)?\s*(?::|\s(?:ist|est|is))")
        .expect("valid pattern")
});

/// Whether the sentence holding `offset` in `source` opens its paragraph: nothing but blank
/// space, a heading or a list marker stands before it since the last blank line.
fn opens_paragraph(source: &str, offset: usize) -> bool {
    let sentence_start = offset - sentence_before(source, offset).len();
    let before = source[..sentence_start].trim_end_matches([' ', '\t']);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let opener = before[line_start..].trim();
    if !opener.is_empty() && !matches!(opener, "-" | "*" | "+") && !opener.starts_with('#') {
        return false;
    }
    let Some(above) = before[..line_start]
        .trim_end_matches([' ', '\t'])
        .strip_suffix('\n')
    else {
        return true;
    };
    let previous = &above[above.rfind('\n').map_or(0, |i| i + 1)..];
    previous.trim().is_empty() || previous.trim_start().starts_with('#')
}

/// A shop or site inside this site (`The shop on this marketplace`, `Der Shop „X“ auf diesem
/// Marktplatz`, `La boutique « X » de ce site`): a seller's.
static SITE_IN_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?i)\b{SITE}(?:e?s)?\s+(?:[{QUOTE_MARKS}](?-i:[^{QUOTE_MARKS}\n\p{{Ll}}])[^{QUOTE_MARKS}\n]{{0,39}}[{QUOTE_MARKS}]\s+)?(?:on|in|at|within|auf|bei|de|du|sur|dans)\s+(?:the|this|our|diesem|dieser|unserem|unserer|ce|cet|cette|notre|le|la)\s+{SITE}"#
    ))
    .expect("valid pattern")
});

/// A site or shop named by capitalised words between an article and its noun (`The Meridian
/// shop`), or by a quotation after its noun (`The product shop "X Outlet"`, `Der Shop „X“`,
/// `La boutique « X »`), or owning it (`X Ltd's own website`): the name is group 1, 2 or 3.
static NAMED_SHOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?:^|\s)(?i:the|der|die|das|la|le)\s+((?:\p{{Lu}}[\p{{L}}'’&-]*\s+){{1,3}})(?i:{SITE})\b|(?i:{SITE})\s*[{QUOTE_MARKS}]\s*([^{QUOTE_MARKS}\n\p{{Ll}}][^{QUOTE_MARKS}\n]{{0,39}}?)\s*[{QUOTE_MARKS}]|((?:\p{{Lu}}[\p{{L}}&.-]*\s+){{0,3}}\p{{Lu}}[\p{{L}}&.-]*)['’]s\s+(?i:own\s+)?(?i:{SITE})"#
    ))
    .expect("valid pattern")
});

/// Words that may stand capitalised before a site noun as part of it (`The Online Shop`).
const SITE_WORDS: &[&str] = &[
    "online", "internet", "web", "e", "digital", "digitale", "mobile", "official", "new",
];

/// Whether the words before a statement of an operator (`before`, its sentence up to the name)
/// give it a shop or site other than this one: one inside this site ([`SITE_IN_SITE`]) or one
/// named by a name that is not the marketplace's ([`NAMED_SHOP`]: `The Meridian shop is
/// operated by Meridian Retail Ltd`; `The Sandook shop is operated by X Ltd` is this site).
fn another_shop(before: &str, own: &OwnNames) -> bool {
    if SITE_IN_SITE.is_match(before) {
        return true;
    }
    NAMED_SHOP.captures_iter(before).any(|c| {
        let Some(name) = c
            .get(1)
            .or_else(|| c.get(2))
            .or_else(|| c.get(3))
            .map(|n| n.as_str().trim())
        else {
            return false;
        };
        let generic = name
            .split_whitespace()
            .all(|w| SITE_WORDS.contains(&w.to_lowercase().as_str()));
        let as_mention = Mention::name(name, 0);
        !generic && !name.is_empty() && !own.covers(&as_mention)
    })
}

/// What may stand before a name that opens its sentence as its subject: a list marker,
/// emphasis, an article (`Die X GmbH`, `La société X SAS`).
static SUBJECT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*{ITEM}(?:\*\*)?\s*{PARTY_DET}$")).expect("valid pattern")
});

/// A demonstrative before a site noun that makes it this site (`this website`, `ce site`, `le
/// présent site`, `diese Plattform`, `dieser Website`).
const THIS: &str = r"(?:this|our|the\s+present|ce|cet|cette|notre|le\s+présent|la\s+présente|du\s+présent|de\s+la\s+présente|diese[nsrm]?|unsere[nsrm]?)\s+";

/// The predicate after a company that opens its sentence and states it as this site's
/// operator, owner or publisher: `operates this website`, `owns and operates this store`, `is
/// the owner and operator of this website`, `exploite ce site`, `édite le présent site`, `est l'éditeur de ce site`,
/// `betreibt diesen Online-Shop`, `ist Betreiberin dieser Plattform`, `این سایت را اداره
/// می‌کند`, `مالک این سایت است`; a definition in brackets may stand between them (`X ("X")
/// operates…`, `شرکت X («ما») …`). `provides` is left out: a company provides a site with a
/// service (`X Inc. provides this website with hosting`).
static SUBJECT_PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    let verb = r"(?:operates|runs|owns|publishes|manages|exploite|édite|gère|possède|betreibt|verantwortet|besitzt)";
    // Verbs that state the operator only beside one of `verb` (`betreibt und verwaltet`,
    // `verwaltet und betreibt`): alone, a site's maintainer may be an agency.
    let beside = r"(?:maintains|administers|verwaltet|pflegt|administre|entretient)";
    let verbs = format!(
        r"(?:{verb}(?:\s+(?:and|et|und)\s+(?:{verb}|{beside}))?|{beside}\s+(?:and|et|und)\s+{verb})"
    );
    let role = format!(
        r"(?:is|est|ist)\s+(?:(?:the|le|la|l['’]|der|die)\s*)?(?:sole\s+|seule?\s+|alleinige[rn]?\s+)?{LABEL}(?:\s+(?:and|et|und)\s+{LABEL})?\s+(?:(?:of|de|d['’]|von|für)\s*)?"
    );
    let fa_verb =
        r"(?:اداره|مدیریت|راه[\u{200c}\s]?اندازی|منتشر)\s+(?:می[\u{200c}\s]?کند|کرده\s+است)";
    Regex::new(&format!(
        r"(?i)^\s*,?\s*(?:[(（][^()\n]{{0,80}}[)）]\s*,?\s*)?(?:,\s*([^()\n.;:!?]{{1,80}}?)\s*,\s*)?(?:(?:{verbs}\s+|{role}){THIS}{SITE}(?:e?s)?(?:[^\p{{L}}'’]|$)|این\s+{SITE}\s+را\s+{fa_verb}|{FA_OPERATOR}(?:\s+و\s+{FA_OPERATOR})?\s+(?:این\s+)?{SITE}\s+(?:است|می[\u{{200c}}\s]?باشد|هست))"
    ))
    .expect("valid pattern")
});

/// A site noun or a seller (`marketplace`, `seller`, `vendeur`, `Händler`, `فروشنده`), in an
/// apposition after a company.
static SITE_OR_SELLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{SITE}|\b(?:sellers?|vendors?|merchants?|vendeu(?:r|se)s?|marchands?|verkäufer(?:in)?|händler(?:in)?)\b|فروشنده"
    ))
    .expect("valid pattern")
});

/// Persian words naming a part of a site or a service on it (`درگاه پرداخت`, the payment
/// gateway): before `این سایت را اداره می‌کند` they are the object of the clause, not part of
/// the company's name (`شرکت X درگاه پرداخت این سایت را اداره می‌کند`).
const FA_PARTS: &[&str] = &[
    "درگاه",
    "پرداخت",
    "صفحه",
    "صفحات",
    "بخش",
    "قسمت",
    "سرور",
    "سرورهای",
    "میزبانی",
    "نماد",
    "پنل",
    "اپلیکیشن",
    "ارسال",
    "پشتیبانی",
];

/// Whether `m` opens its sentence as the subject of a predicate stating it as this site's
/// operator ([`SUBJECT_PREDICATE`]: `Northwind Ltd operates this website.`, `Die X GmbH
/// betreibt diesen Online-Shop.`, `X SAS exploite ce site.`, `شرکت X این سایت را اداره
/// می‌کند.`), not denied in the rest of its sentence (`… betreibt diese Plattform nicht`) and
/// not the operator of a part of the site (`X Ltd operates the payment page of this website`
/// has no site right after its verb; `this website's payment page` names a part).
fn subject_operating(source: &str, m: &Mention, before: &str) -> bool {
    if !SUBJECT_LEAD.is_match(before) {
        return false;
    }
    let rest = after(source, m);
    let Some(caps) = SUBJECT_PREDICATE.captures(rest) else {
        return false;
    };
    let predicate = caps.get(0).expect("the whole match");
    // An apposition between commas (`X Ltd, a company registered in Scotland, operates…`)
    // that names a site or a seller makes the site the seller's (`X Ltd, a seller on this
    // marketplace, runs this shop`).
    if caps
        .get(1)
        .is_some_and(|a| SITE_OR_SELLER.is_match(a.as_str()))
    {
        return false;
    }
    let sentence = &rest[predicate.end()..];
    let sentence = &sentence[..sentence
        .find(['\n', '!', '?', ';', '؛'])
        .or_else(|| sentence.find(". "))
        .unwrap_or(sentence.len())];
    !negated(predicate.as_str())
        && !negated(sentence)
        && !m.shown.split_whitespace().any(|w| FA_PARTS.contains(&w))
}

/// `This service is provided by`, `Ce service est fourni par`, `Dieser Dienst wird
/// bereitgestellt von`, right before a name ([`service_provided`]).
static SERVICE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:this\s+service\s+is\s+(?:provided|operated|offered|run)\s+by|ce\s+service\s+est\s+(?:fourni|exploité|proposé|édité)\s+par|dieser\s+dienst\s+wird\s+(?:bereitgestellt|betrieben|angeboten)\s+(?:von|durch))\s+{PARTY_DET}$"
    ))
    .expect("valid pattern")
});

/// A company's registration given beside its name: `a company registered in England`,
/// `incorporated in`, `company number`, `immatriculée au RCS`, `eingetragen im
/// Handelsregister`, `HRB 1234`.
static REGISTRATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:registered\s+(?:in|under|with|office)|incorporated\s+(?:in|under)|company\s+(?:number|no\.?|registration)|immatriculée|rcs|siège\s+social|eingetragen|handelsregister|hrb|amtsgericht)\b")
        .expect("valid pattern")
});

/// Whether `m` is named as the provider of `this service` where the service can only be this
/// site: the sentence opens the first paragraph after a heading (nothing before it names
/// another service), the heading shares no word with the name (`### Metrico` above `This
/// service is provided by Metrico Ltd` names the service), and the sentence gives the
/// company's registration, as an imprint does (`This service is provided by X Ltd, a company
/// registered in England`). A service a privacy text describes (`We use Metrico. This service
/// is provided by Metrico Ltd, Dublin.`) is not read.
fn service_provided(source: &str, m: &Mention, before: &str) -> bool {
    if !SERVICE_LEAD.is_match(before) {
        return false;
    }
    let sentence_start = m.offset - sentence_before(source, m.offset).len();
    let opens_paragraph = source[..sentence_start]
        .trim_end_matches([' ', '\t'])
        .ends_with('\n');
    let Some(heading) = source[..sentence_start].trim_end().lines().next_back() else {
        return false;
    };
    if !opens_paragraph || !heading.trim_start().starts_with('#') {
        return false;
    }
    let name_words: Vec<String> = words_of(&m.shown)
        .into_iter()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    if words_of(heading).iter().any(|w| name_words.contains(w)) {
        return false;
    }
    let rest = after(source, m);
    let end = rest
        .find(['\n', '!', '?', ';'])
        .or_else(|| rest.find(". "))
        .unwrap_or(rest.len());
    REGISTRATION.is_match(&rest[..end])
}

/// A copyright notice opening a line, up to its holder: `Copyright © 2025`, `© 2023–2025`,
/// `(c) 2024`, `Copyright 2025`.
static COPYRIGHT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:\s*{RESERVED}\.?)?{COPYRIGHT}$")).expect("valid pattern")
});

/// `All rights reserved`, which may stand before or after a copyright notice.
const RESERVED: &str =
    r"(?:all\s+rights\s+reserved|tous\s+droits\s+réservés|alle\s+rechte\s+vorbehalten)";

/// [`COPYRIGHT_LEAD`] opening any line of a text: where a holder written unusually starts
/// ([`unusual_operators`]: `© 2025 Harbor & Finch Ltd.`).
static COPYRIGHT_ANYWHERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?mi)^{COPYRIGHT}")).expect("valid pattern"));

/// A copyright notice up to its holder ([`COPYRIGHT_LEAD`]).
const COPYRIGHT: &str =
    r"\s*(?:\*\*|__)?\s*(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?";

/// What may follow the holder of a copyright notice to the end of its line: the year (`© X
/// Ltd 2025`), `All rights reserved.`, `Tous droits réservés.`, `Alle Rechte vorbehalten.`,
/// each after a full stop, a comma, a dash, a bar or a dot (`© X SAS – Tous droits réservés`,
/// `© X Ltd 2019–2026 · All rights reserved`). Anything else (`Used with permission`,
/// `licensed under …`, `– photo de couverture`) makes it a credit to another's work.
static COPYRIGHT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[.,|–—·•-]?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?[.,]?\s*)?(?:[|–—·•-]\s*)?(?:\*\*|__)?\s*(?:(?:all\s+rights\s+reserved|tous\s+droits\s+réservés|alle\s+rechte\s+vorbehalten)\.?\s*(?:\*\*|__)?\s*)?$")
        .expect("valid pattern")
});

/// Whether `m` is the holder a copyright notice names for the whole site: the notice is its
/// line, opening it (`Copyright © 2025 X Ltd. All rights reserved.`, `© 2025 X Ltd.`,
/// `Copyright 2025 X GmbH. Alle Rechte vorbehalten.`), not a credit inside a line or a list
/// (`Map data © OpenStreetMap contributors`, `Photo: © 2024 X Ltd`, `- © 2024 X Ltd (banner
/// image)`) nor one followed by the terms of another's work (`Fonts © 2020 X LLC, licensed
/// under …`).
fn copyright_holder(source: &str, m: &Mention) -> bool {
    let line_start = source[..m.offset].rfind('\n').map_or(0, |i| i + 1);
    let end = super::name_end(source, m);
    let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    COPYRIGHT_LEAD.is_match(&source[line_start..m.offset])
        && COPYRIGHT_END.is_match(&source[end..line_end])
        && !credited_above(&source[..line_start])
        && !LICENCE_TERMS.is_match(paragraph_after(&source[line_end..]))
}

/// A line that titles credits for others' work (`Photo credits`, `Image credits:`, `##
/// Photography`, `Bildnachweis:`, `Bildquellen`, `Crédits photos :`, `Crédits`) or shows an
/// image (`![Banner](banner.jpg)`): a copyright notice under it credits that work.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*(?:(?:(?:photo|image|picture|illustration|icon|font|map|media|video)s?\s+)?credits?|photography|photographs|pictures|images|(?:bild|foto|photo)(?:nachweis|nachweise|quellen?|rechte|credits?)|(?:bild|foto)[\s-]?(?:und|&)\s*(?:bild|foto|grafik|video)nachweise?|crédits?(?:\s+(?:photos?|photographiques|images?|illustrations?))?|sources?\s+des\s+(?:images|photos|illustrations)|اعتبار\s+تصاویر|منبع\s+تصاویر)\s*(?:\{#[^}]*\})?\s*(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*$|^\s*!\[")
        .expect("valid pattern")
});

/// Whether the nearest line above a copyright notice (the text before it is `above`), other
/// notices and blank lines aside, is a [`CREDIT_LINE`].
fn credited_above(above: &str) -> bool {
    above
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty() && !COPYRIGHT_ANYWHERE.is_match(l))
        .is_some_and(|l| CREDIT_LINE.is_match(l))
}

/// The terms of an open-source licence (`Permission is hereby granted`, `Licensed under the
/// Apache License`, `Redistribution and use in source and binary forms`, `MIT License`): a
/// copyright notice before them is a work's, not the site's.
static LICENCE_TERMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:permission\s+is\s+hereby\s+granted|licensed\s+under|redistribution\s+and\s+use|(?:mit|bsd|apache|mozilla\s+public|gnu(?:\s+(?:lesser|affero))?\s+general\s+public)\s+licen[cs]e|sous\s+licence|unter\s+der\s+lizenz|lizenziert\s+unter)\b")
        .expect("valid pattern")
});

/// The first paragraph of `rest` (blank lines before it aside).
fn paragraph_after(rest: &str) -> &str {
    let rest = rest.trim_start();
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

/// A table row's first cell up to a name: `| `, `| **`.
static TABLE_NAME_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\|\s*(?:\*\*)?\s*$").expect("valid pattern"));

/// The end of a table row's first cell and a second cell naming this site's operator:
/// `| Operator of this website |`, `| Betreiber dieser Website |`, `| Éditeur du site |`.
static TABLE_ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[\s.,]*(?:\*\*)?\s*\|\s*(?:\*\*)?\s*(?:{}{}|{}|{SITE_LABEL})\s*(?:\*\*)?\s*\|",
        labels(),
        of_site(),
        responsible()
    ))
    .expect("valid pattern")
});

/// A table row's first cell holding a label without a site noun (`| Éditeur |`, `| Operator
/// |`).
static TABLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*\|\s*(?:\*\*)?{STRONG_LABEL}(?:\*\*)?\s*\|"
    ))
    .expect("valid pattern")
});

/// Labels of a cookie's, a tool's or a product's details in a table's first column (`|
/// Cookie |`, `| Purpose |`, `| Zweck |`, `| Finalité |`, `| Speicherdauer |`).
const SERVICE_LABELS: &[&str] = &[
    "cookie",
    "cookies",
    "name",
    "nom",
    "purpose",
    "zweck",
    "finalité",
    "duration",
    "retention",
    "expiry",
    "durée",
    "speicherdauer",
    "laufzeit",
    "tool",
    "plugin",
    "service",
    "dienst",
    "category",
    "catégorie",
    "kategorie",
    "type",
    "typ",
    "data",
    "données",
    "daten",
];

/// Whether the table holding the row at `offset` describes a cookie, a tool or a product
/// (another row's first cell is one of [`SERVICE_LABELS`] or [`PRODUCT_LABELS`]): its
/// operator or publisher is that thing's, not this site's.
fn service_table(source: &str, offset: usize) -> bool {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let row = |l: &str| l.trim_start().starts_with('|');
    source[..line_start]
        .lines()
        .rev()
        .take_while(|l| row(l))
        .chain(source[line_start..].lines().skip(1).take_while(|l| row(l)))
        .any(|l| {
            let cell = l
                .trim_start()
                .trim_start_matches('|')
                .split('|')
                .next()
                .unwrap_or_default()
                .trim()
                .trim_matches('*')
                .to_lowercase();
            SERVICE_LABELS.contains(&cell.as_str()) || PRODUCT_LABELS.contains(&cell.as_str())
        })
}

/// A list item's label without a site noun (`- ناشر:`, `- Publisher:`).
static LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*{ITEM}\S[^:\n]{{0,40}}:")).expect("valid pattern")
});

/// Labels of a product's details in a list (`- نویسنده:`, `- Author:`, `- ISBN:`).
const PRODUCT_LABELS: &[&str] = &[
    "نویسنده",
    "مترجم",
    "شابک",
    "قیمت",
    "تعداد صفحات",
    "سال انتشار",
    "نوبت چاپ",
    "author",
    "translator",
    "isbn",
    "price",
    "pages",
    "auteur",
    "traducteur",
    "prix",
    "autor",
    "übersetzer",
    "preis",
    "seiten",
];

/// Words introducing an example (`مثلاً:`, `for example:`).
const EXAMPLE_CUES: &[&str] = &[
    "مثلاً",
    "مثلا",
    "به عنوان مثال",
    "for example",
    "e.g.",
    "for instance",
    "par exemple",
    "zum beispiel",
    "beispielsweise",
];

/// Whether the list holding the line at `offset` lists a product's details: another item is
/// labelled as one (`- نویسنده: …` beside `- ناشر: …`), or the line before the list introduces
/// an example (`مشخصات آن آمده است، مثلاً:`). A book's publisher is not this site's.
fn product_list(source: &str, offset: usize) -> bool {
    let item = |line: &str| {
        let t = line.trim_start();
        t.starts_with(['-', '*', '+']) || t.starts_with(|c: char| c.is_ascii_digit())
    };
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let mut above = source[..line_start].lines().rev().skip_while(|l| item(l));
    let intro = above
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_lowercase();
    if EXAMPLE_CUES.iter().any(|c| intro.contains(c)) {
        return true;
    }
    let mut siblings = source[..line_start]
        .lines()
        .rev()
        .take_while(|l| item(l))
        .chain(source[line_start..].lines().skip(1).take_while(|l| item(l)));
    siblings.any(|l| {
        let label = l
            .trim_start()
            .trim_start_matches(|c: char| {
                matches!(c, '-' | '*' | '+' | '.' | ')') || c.is_ascii_digit()
            })
            .trim_start();
        let label = label
            .split(':')
            .next()
            .unwrap_or_default()
            .trim()
            .to_lowercase();
        PRODUCT_LABELS.contains(&label.trim_matches('*'))
    })
}

/// Words denying a statement: `not`, `pas`, `nicht`, `never`, `jamais`, `nie`, `kein`.
const NEGATIONS: &[&str] = &[
    "not",
    "pas",
    "nicht",
    "never",
    "jamais",
    "nie",
    "kein",
    "keine",
    "keiner",
    "nullement",
];

/// Whether `text`, a statement of an operator, is denied (`is not operated by`, `n'est pas
/// exploité par`, `isn't run by`).
fn negated(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("n't")
        || lower.contains("n’t")
        || words_of(&lower)
            .iter()
            .any(|w| NEGATIONS.contains(&w.as_str()))
}

/// Whether the verb after a Persian name stated as an operator (`… توسط شرکت X اداره
/// نمی‌شود`, `… از سوی X منتشر نشده است`) is denied: one of the first three words of the rest
/// of its sentence is a negated verb.
fn verb_denied(rest: &str) -> bool {
    let end = rest
        .find(['\n', '.', '!', '?', ';', '؛'])
        .unwrap_or(rest.len());
    rest[..end].split_whitespace().take(3).any(|w| {
        w.starts_with("نمی")
            || w.starts_with("نشد")
            || w.starts_with("نبود")
            || w.starts_with("نیست")
            || w.starts_with("ندار")
    })
}

/// A site noun opening a statement, with a host right after it (`website www.dhl.com`, `site
/// laposte.fr`, `سایت post.ir`).
static HOSTED_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^({SITE})\s+[\[<]?(?:https?://)?((?:[\p{{L}}\p{{N}}-]+\.)+\p{{L}}{{2,}})"
    ))
    .expect("valid pattern")
});

/// What may open a sentence before a site named by its host: the reader using it (`By using`,
/// `En utilisant`, `Durch die Nutzung`) and an article, not a demonstrative (`this website`,
/// `ce site`, `diese Website`, `این سایت` are this site).
static DESCRIBED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:by\s+(?:using|accessing|visiting|browsing)|en\s+(?:utilisant|visitant|consultant|naviguant\s+sur)|(?:durch|mit)\s+(?:der|die)\s+(?:nutzung|benutzung|verwendung)\s+(?:von|der))\s+)?(?:(the|le|la|l['’]|die|der|das)\s*)?$")
        .expect("valid pattern")
});

/// Whether a statement about a site (`tail`, from its site noun on, after `head`, the start
/// of its sentence) names that site by a host that is not the marketplace's, after an
/// article rather than a demonstrative: `The website www.dhl.com is operated by …`, `Le site
/// www.paypal.fr appartient à …`, `Die Website www.dhl.de wird von der …`, `سایت post.ir
/// متعلق به …` describe another party's site. The site noun capitalised after an English or
/// French article is the text's defined term (`The Website www.x.com`, `Le Site x.fr`): this
/// site.
fn described_site(head: &str, tail: &str, own: &OwnNames) -> bool {
    let (Some(h), Some(site)) = (DESCRIBED_HEAD.captures(head), HOSTED_SITE.captures(tail)) else {
        return false;
    };
    let defined_term = h
        .get(1)
        .is_some_and(|a| !matches!(a.as_str().to_lowercase().as_str(), "die" | "der" | "das"))
        && site[1].starts_with(char::is_uppercase);
    let host = site[2].to_lowercase();
    let as_mention = Mention {
        key: host.trim_start_matches("www.").to_string(),
        shown: host.clone(),
        offset: 0,
        domain: true,
        email: false,
        address: false,
    };
    !defined_term && !own.covers(&as_mention)
}

/// Words after a site's host giving that site its own owner or terms: `is operated by`,
/// `is the property of`, `appartient à`, `est édité par`, `gehört`, `wird von der … betrieben`, `متعلق به`, `its
/// terms`, `ses propres conditions`, `les conditions de PayPal`, `deren Bedingungen`, `قوانین
/// خودش`.
static OWN_OWNER_OR_TERMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:(?:operated|published|edited|owned|run|managed|provided)\s+by|belongs?\s+to|(?:the\s+)?property\s+of|propriété\s+(?:exclusive\s+)?(?:de|d['’]|du)|eigentum\s+(?:der|des|von)|(?:exploitée?s?|éditée?s?|publiée?s?|gérée?s?)\s+par|appartient|betrieben|herausgegeben|verantwortet|gehört|(?:its|their)\s+(?:own\s+)?(?:terms|conditions|rules|polic(?:y|ies)|user\s+agreement)|(?:ses|leurs)\s+(?:propres\s+)?(?:conditions|règles|cgu|cgv)|conditions\s+(?:générales\s+)?(?:d['’]utilisation\s+)?(?:de|du)\s+\p{Lu}\p{L}*|(?:deren|dessen|seine|ihre)\s+(?:eigenen?\s+)?(?:(?:nutzungs|geschäfts)?bedingungen|agb|regeln))\b|متعلق\s+به|تعلق|توسط|از\s+سوی|(?:قوانین|شرایط|مقررات)(?:\s+(?:خودش|خود|آن)|[\u{200c}\s]?اش))")
        .expect("valid pattern")
});

/// A site noun ending the words before an address.
static SITE_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{SITE}\s+$")).expect("valid pattern"));

/// Whether the address `m` names a site described as another party's ([`described_site`]:
/// `The website www.dhl.com`, `En utilisant le site www.paypal.fr`) and the rest of its
/// sentence gives that site its own owner or terms ([`OWN_OWNER_OR_TERMS`]), not "us" (`سایت
/// x.ir متعلق به ما است`) and not the owner of its content too ([`CONTENT_OF`]); `Le site
/// www.x.fr propose des livres` says nothing of whose it is.
fn described_address(source: &str, m: &Mention, own: &OwnNames) -> bool {
    let before = lead(source, m.offset);
    let Some(site) = SITE_AT_END.find(before) else {
        return false;
    };
    let tail = format!("{} {}", site.as_str().trim_end(), m.shown);
    let rest = after(source, m);
    let end = rest
        .find(['\n', '!', '?'])
        .or_else(|| rest.find(". "))
        .unwrap_or(rest.len());
    let rest = &rest[..end];
    described_site(&before[..site.start()], &tail, own)
        && OWN_OWNER_OR_TERMS.is_match(rest)
        && !words_of(rest).iter().any(|w| WE.contains(&w.as_str()))
        && !CONTENT_OF.is_match(rest)
}

/// A site's content, named beside the site (`The website x.com and all content on it are
/// owned by …`, `et ses contenus`, `und alle Inhalte`, `محتوای آن`): a copyright notice, which
/// speaks of this site.
static CONTENT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:contents?|contenus?|inhalte?)\b|محتوا").expect("valid pattern")
});

/// The end of the words before a site noun that make the site the complement of another noun,
/// not the subject of the statement: a preposition (`The payment page of this website`, `The
/// seal shown on this site`, `La page de paiement de ce site`, `Der Bereich auf dieser
/// Website`), a German genitive after a noun (`Der Zahlungsbereich dieser Website`) or a
/// Persian noun joined to `این` (`درگاه پرداخت این سایت`) or a Persian preposition of place (`…
/// کالاهای موجود در سایت X، … انجام شده توسط مشتری`). The sentence's own first words
/// (`Please note: this website…`, `و این سایت`) leave the site the subject.
static PART_OF_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\p{L}[\p{L}'’-]*\s+(?:of|on|in|at|within|for|de|du|des|d['’]|sur|dans|pour|auf|in|von|bei|innerhalb|für)\s+(?:(?:the|this|our|le|la|les|l['’]|ce|cet|cette|notre|dem|der|den|des|dieser|diesem|diesen|dieses|unserer|unserem|unseres)\s*)?|\p{Lu}\p{L}+\s+(?:dieser|dieses|des|unserer|unseres)\s+|(?:^|\s)([\p{Arabic}\u{200c}]+)\s+این\s+|(?:^|\s)(?:در|روی)\s+(?:این\s+)?)$")
        .expect("valid pattern")
});

/// Persian words that may open a sentence before `این سایت` as its subject: a conjunction or
/// an adverb, not a noun the site belongs to.
const FA_OPENERS: &[&str] = &[
    "و",
    "که",
    "اما",
    "ولی",
    "همچنین",
    "ضمناً",
    "ضمنا",
    "لطفاً",
    "لطفا",
    "اکنون",
    "هم‌اکنون",
    "اینک",
];

/// A service the site uses, named between the site noun and the verb (`This website uses
/// Google Analytics, a web analytics service operated by`, `Ce site utilise …`, `Diese Website
/// nutzt …`, `این سایت از … استفاده می‌کند که توسط`): the statement is that service's.
static SERVICE_USED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:uses|using|integrates|embeds|employs|relies\s+on|utilise|utilisant|intègre|nutzt|verwendet|setzt|bindet)\b|,\s*(?:an?|un|une|ein|eine|einen)\s|استفاده")
        .expect("valid pattern")
});

/// Whether a statement of an operator (`statement`, from its site noun or terms on, after
/// `head`) is about something other than the site: a part of it or a thing shown on it
/// ([`PART_OF_SITE`]), not its content or the rights in it ([`WHOLE_CONTENT`]: `All content on
/// this site is the property of X`, `تمامی حقوق این سایت متعلق به شرکت X است` state the site's
/// owner; photos, logos or videos on it have rights holders of their own: `The photos on this
/// website are the property of X`), or a service it uses ([`SERVICE_USED`]).
fn another_subject(head: &str, statement: &str) -> bool {
    static CONTENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:^|[^\p{{L}}])(?:{WHOLE_CONTENT}|rights?|droits?|rechte|حقوق)[^\p{{L}}]"
        ))
        .expect("valid pattern")
    });
    let part = PART_OF_SITE.captures(head).is_some_and(|c| {
        c.get(1).is_none_or(|w| !FA_OPENERS.contains(&w.as_str()))
            && !CONTENT_WORD.is_match(&format!(" {head}"))
    });
    part || SERVICE_USED.is_match(statement)
}

/// Quotation marks opening and closing a quote, double and single: English, German (both
/// styles), French, Swiss. Straight quotes (`"`, `'`) are read apart ([`quoted_claim`]).
const QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('„', '“'),
    ('«', '»'),
    ('»', '«'),
    ('‘', '’'),
    ('‚', '‘'),
    ('‹', '›'),
    ('›', '‹'),
];

/// Every quotation mark, opening or closing, double or single, for the character classes of
/// patterns (`[{QUOTE_MARKS}]`) and for trimming: a quoted name is read the same whatever its
/// marks (`"X"`, `“X”`, `„X“`, `« X »`, `»X«`, `‘X’`, `'X'`).
pub(super) const QUOTE_MARKS: &str = "\"“”„«»‚‘’'‹›";

/// Words around a quote that report it as someone's claim or words or deny it: `may claim that
/// "…"`, `may say "…"`, `La mention « … »`, `prétendent que « … »`, `behaupten „…“`, `ادعا
/// می‌کنند «…»`, `"…"; this is false`.
const CLAIM_WORDS: &[&str] = &[
    "claim",
    "pretend",
    "prétend",
    "affirm",
    "behaupt",
    "ادعا",
    "false",
    "untrue",
    "faux",
    "fausse",
    "falsch",
    "unwahr",
    "نادرست",
    "دروغ",
    "say",
    "said",
    "mention",
    "erwähn",
    "indiqu",
    "state",
    "write",
    "wrote",
    "schreib",
    "écri",
    "نویس",
    "گوید",
];

/// Whether `m` stands inside a quote on its line that the words around it report as a claim or
/// deny (`Phishing messages may claim that "this website is operated by X"; it is not.`, `«این
/// سایت متعلق به شرکت X است»؛ این ادعا نادرست است`): the claim is not the text's own statement.
fn quoted_claim(source: &str, m: &Mention) -> bool {
    let line_start = source[..m.offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[m.offset..]
        .find('\n')
        .map_or(source.len(), |i| m.offset + i);
    let before = &source[line_start..m.offset];
    let rest = &source[m.offset..line_end];
    let open = if before.matches('"').count() % 2 == 1 {
        Some((before.rfind('"'), '"'))
    } else if straight_single_quotes(before).count() % 2 == 1 {
        Some((straight_single_quotes(before).last(), '\''))
    } else {
        QUOTES.iter().find_map(|&(o, c)| {
            let opened = before.rfind(o)?;
            // The mark closes an earlier quote of the other style (`« A »` before `»`).
            let earlier = &before[..opened];
            let closes_earlier = earlier.matches(c).count() > earlier.matches(o).count();
            (!before[opened..].contains(c) && !closes_earlier).then_some((Some(opened), c))
        })
    };
    let Some((Some(opened), close)) = open else {
        return false;
    };
    let closed = if close == '\'' {
        straight_single_quotes(rest).next()
    } else {
        rest.find(close)
    };
    let Some(closed) = closed else {
        return false;
    };
    let around = format!("{} {}", &before[..opened], &rest[closed..]).to_lowercase();
    let around = around.replace('’', "'");
    CLAIM_WORDS.iter().any(|w| {
        around
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.starts_with(w) || persian_verb_stem(word).starts_with(w))
    }) || [
        "it is not",
        "is not true",
        "n'est pas vrai",
        "stimmt nicht",
        "ist nicht wahr",
        "may read",
        "might read",
        "can read",
        "could read",
    ]
    .iter()
    .any(|p| around.contains(p))
}

/// The offsets in `text` of the straight single quotes that are quotation marks, not
/// apostrophes: those without a letter on both sides (`'this site'`, not `seller's`).
fn straight_single_quotes(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices('\'').map(|(i, _)| i).filter(move |&i| {
        let before = text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = text[i + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        !(before && after)
    })
}

/// A Persian verb without the subjunctive or negative prefix written joined to it (`بنویسد`,
/// `بگوید`, `ننوشته`): the stem a word list holds. `می`/`نمی` are written apart (with a
/// half-space), so a split on letters already leaves the stem.
fn persian_verb_stem(word: &str) -> &str {
    word.strip_prefix(['ب', 'ن']).unwrap_or(word)
}

/// The words before the operator in a German clause written verb last: `Diese Website wird
/// von der` (and [`DE_VERB_LAST`] after the name: `X GmbH betrieben`).
static DE_VERB_LAST_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\b{SITE}(?:e?s)?|{THESE_TERMS})\s+(?:wird|werden)\s+(?:von|durch)\s+{PARTY_DET}$"
    ))
    .expect("valid pattern")
});

/// The verb that ends a German clause stating a site's operator, right after the name (and
/// the `(haftungsbeschränkt)` of a `UG`).
static DE_VERB_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[\s,]*(?:\(haftungsbeschränkt\)[\s,]*)?{DE_RUN}\b"
    ))
    .expect("valid pattern")
});

/// The role the text gives the mention `m` as this site's, if any.
fn statement(source: &str, m: &Mention, own: &OwnNames) -> Option<Role> {
    let before = lead(source, m.offset);
    if m.email {
        let mailbox = mailbox(source, m.offset).to_ascii_lowercase();
        return (SERVICE_MAILBOXES.contains(&mailbox.as_str()) && CONTACT_LEAD.is_match(before))
            .then_some(Role::Contact);
    }
    if states_operator(source, m, own) {
        return Some(Role::Operator);
    }
    if !m.domain || quoted_claim(source, m) {
        return None;
    }
    let sentence = sentence_before(source, m.offset);
    if let Some(op) = OPERATOR_NAMED_HOST
        .captures(sentence)
        .and_then(|c| c.get(1))
    {
        // Denied, or the operator of a part of the site or of a service it uses (`The payment
        // page of this website is operated by [Payco](https://payco.com)`): not this site's.
        let head = &sentence[..op.start()];
        let denied_or_another_s = negated(op.as_str())
            || verb_denied(after(source, m))
            || another_subject(head, op.as_str())
            || described_site(head, &sentence[op.start()..], own);
        return (!denied_or_another_s).then_some(Role::Operator);
    }
    if (SITE_LEAD.is_match(before) && !RELATIVE_BEFORE_SITE.is_match(before)
        || SITE_ADDRESS_LEAD.is_match(before)
        || m.address && ADDRESS_USE_LEAD.is_match(before))
        && !owner_possessed(source, m)
        && !described_address(source, m, own)
    {
        return Some(Role::Site);
    }
    let rest = after(source, m);
    if FA_WELCOME_LEAD.is_match(before) && FA_WELCOME_AFTER.is_match(rest) {
        return Some(Role::Site);
    }
    DEFINED_AFTER.find(rest).map(|d| {
        if words_of(d.as_str())
            .iter()
            .any(|w| WE.contains(&w.as_str()))
        {
            Role::Operator
        } else {
            Role::Site
        }
    })
}

/// Whether `host` is named after the company `name` (`boutiquelune.fr` after `BoutiqueLune
/// SAS`, `spigot.com` after `Spigot, Inc.`, `amazon.com` after `Amazon.com Services LLC`): the
/// label before its public suffix is the name without its last word (a legal form), the
/// name's first word, or (four letters or more) starts it or starts with it.
fn named_after(name: &str, host: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let stem = normalise(&words[..words.len().saturating_sub(1).max(1)].concat());
    let head = normalise(first.split('.').next().unwrap_or(first));
    let registrable = registrable_host(host);
    let label = normalise(registrable.split('.').next().unwrap_or(registrable));
    label.chars().count() >= 3
        && (label == stem
            || label == head
            || label.chars().count() >= 4 && stem.starts_with(&label)
            || stem.chars().count() >= 4 && label.starts_with(&stem))
}

/// The host of an address in the passage of the company `m` (its sentence before it, and up
/// to 300 bytes after it, not past a heading) that is named after the company
/// ([`named_after`]): `The website www.x.com is operated by X Ltd`, `X SAS. Contact :
/// contact@x.fr`.
fn company_host(source: &str, m: &Mention) -> Option<String> {
    let start = super::name_end(source, m);
    let mut end = (start + 300).min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let after = &source[start..end];
    let after = &after[..after.find("\n#").unwrap_or(after.len())];
    // The sentence before, with the address `lead` leaves out at its end.
    let before = source[..m.offset]
        .rfind(['\n', '!', '?', ';'])
        .map_or(0, |i| i + 1)
        .max(m.offset.saturating_sub(300));
    let before = source.get(before..m.offset).unwrap_or_default();
    [before, after]
        .into_iter()
        .flat_map(|passage| {
            [&*EMAIL_HOST, &*URL_HOST, &*BARE_DOMAIN]
                .into_iter()
                .flat_map(|re| re.captures_iter(passage).filter_map(|c| host_of(&c)))
        })
        .map(|h| h.as_str().to_lowercase())
        .find(|h| named_after(&m.shown, h))
        .map(|h| h.trim_start_matches("www.").to_string())
}

/// Hosts that name nobody: the documentation domains `example.com`, `example.org`,
/// `example.net` (RFC 2606) and their subdomains, `localhost`. A host of the reserved top-level
/// domains (`otherstore.example`, `shop.test`) names a site like any other: policies drafted
/// or tested with such hosts tell one site from another by them.
fn reserved(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || ["example.com", "example.org", "example.net"]
            .iter()
            .any(|e| host == *e || host.ends_with(&format!(".{e}")))
}

/// What a version states about whose site it is, read for its mentions that are not the
/// marketplace's.
pub(super) struct Reading<'a> {
    v: &'a PolicyVersion,
    own: &'a OwnNames,
    foreign: Vec<Foreign>,
    /// [`stated_own`] of the version's body, read when first asked and shared by the versions
    /// with that body.
    body_stated: &'a OnceCell<Vec<String>>,
    /// The names the version ties to the marketplace ([`stated_own`]), read when first asked.
    stated: OnceCell<Vec<String>>,
}

impl<'a> Reading<'a> {
    /// Reads the statements about `open`, the mentions of `v` that are not the marketplace's;
    /// `body_stated` keeps [`stated_own`] of its body.
    pub(super) fn of(
        v: &'a PolicyVersion,
        open: &[&Mention],
        own: &'a OwnNames,
        body_stated: &'a OnceCell<Vec<String>>,
    ) -> Self {
        let source = &v.source;
        let mut foreign = Vec::new();
        // The parties and operators the version states, read for a contact address only.
        let mut parties: Option<Vec<&str>> = None;
        for m in open {
            let Some(role) = statement(source, m, own) else {
                continue;
            };
            // `… offered by Spigot, Inc. ("we") … email us at legal@spigot.com`: the mailbox of
            // a company the text states as its party is that company's, judged as the company
            // is.
            if role == Role::Contact
                && parties
                    .get_or_insert_with(|| stated_parties(v.body()))
                    .iter()
                    .any(|p| named_after(p, &m.key))
            {
                continue;
            }
            let host = if m.domain {
                Some(m.key.clone())
            } else {
                company_host(source, m)
            };
            let Some(host) = host else { continue };
            let as_mention = Mention {
                key: host.clone(),
                shown: host.clone(),
                offset: m.offset,
                domain: true,
                email: false,
                address: false,
            };
            if reserved(&host) || own.covers(&as_mention) {
                continue;
            }
            foreign.push(Foreign {
                key: m.key.clone(),
                shown: m.shown.clone(),
                role,
                host: registrable_host(&host).to_string(),
            });
        }
        Reading {
            v,
            own,
            foreign,
            body_stated,
            stated: OnceCell::new(),
        }
    }

    /// The foreign owner `m` names or gives an address of, if any: the statement itself, or
    /// an address of its host.
    pub(super) fn foreign(&self, m: &Mention) -> Option<&Foreign> {
        self.foreign.iter().find(|f| f.key == m.key).or_else(|| {
            self.foreign
                .iter()
                .find(|f| m.domain && registrable_host(&m.key) == f.host)
        })
    }

    /// Whether `m` is a name the version ties to the marketplace: a party or operator it
    /// states without a foreign host and names itself by, or a name it relates to the
    /// marketplace in a sentence naming both.
    pub(super) fn covers(&self, m: &Mention) -> bool {
        let stated = self.stated.get_or_init(|| {
            let mut stated = self
                .body_stated
                .get_or_init(|| stated_own(self.v, self.own))
                .clone();
            stated.retain(|n| {
                !self
                    .foreign
                    .iter()
                    .any(|f| normalise(&f.key) == *n || f.key.starts_with(n.as_str()))
            });
            stated
        });
        covers_stated(stated, m)
    }
}

/// Words that tie two names in one sentence as one company, its group or its operator:
/// `X is part of the Y group`, `Y, an X company`, `the Y family of companies`, `operated by
/// Y`, `X ist ein Unternehmen der Y`, `X fait partie du groupe Y` (lowercase, single-spaced,
/// padded with spaces).
const RELATION_CUES: &[&str] = &[
    " part of ",
    " group ",
    " group,",
    " family of ",
    " company ",
    " companies ",
    " subsidiary ",
    " subsidiaries ",
    " affiliate ",
    " affiliates ",
    " operated by ",
    " owned by ",
    " provided by ",
    " run by ",
    " brand ",
    " brands ",
    " trading as ",
    " formerly ",
    " gruppe ",
    " konzern ",
    " unternehmen der ",
    " unternehmen des ",
    " tochtergesellschaft ",
    " tochterunternehmen ",
    " gehört zu ",
    " betrieben von ",
    " betrieben durch ",
    " marke ",
    " marken ",
    " groupe ",
    " filiale ",
    " fait partie ",
    " exploité par ",
    " exploitée par ",
    " édité par ",
    " société du ",
    " marque ",
    " marques ",
];

/// The sentences of `text` as byte ranges: a full stop ends one only before white space and
/// a capital letter or at the end (`Yahoo Inc. and its brands` is one sentence).
fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = match c {
            '!' | '?' | '\n' | ';' => true,
            '.' => {
                let rest = &text[i + 1..];
                let after = rest.trim_start();
                after.is_empty()
                    || (after.len() < rest.len()
                        && after.chars().next().is_some_and(char::is_uppercase))
            }
            _ => false,
        };
        if end {
            if i > start {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Whether `words` name one of the marketplace's own names, as whole words (`AOL` in
/// "including Yahoo and AOL brands", not inside another word).
fn names_marketplace(words: &[String], own: &OwnNames) -> bool {
    (1..=3).any(|n| words.windows(n).any(|w| own.names.contains(&w.concat())))
}

/// Names a version presents as the marketplace's own company, group or operator: the parties
/// and operators it states and uses as its own name ([`stated_operators`]), and, in a sentence
/// that also names the marketplace, the names it defines as "we" (`Yahoo Inc. and its
/// brands (including AOL) (collectively "Yahoo", "we")`) and, with a word of relation (`part
/// of the Y group`, `a Y company`, `operated by Y`, `ein Unternehmen der Y`, `fait partie du
/// groupe Y`), the capitalised names beside it. A brand the text itself ties to the
/// marketplace is not left over from another site's terms; site.yaml `brand_groups` covers
/// groups a text does not state.
fn stated_own(v: &PolicyVersion, own: &OwnNames) -> Vec<String> {
    let body = v.body();
    let mut out = stated_operators(body, own);
    // Only sentences where the marketplace's name is written are read (ASCII lowercase keeps
    // byte offsets).
    let lower = body.to_ascii_lowercase();
    let mut hits: Vec<usize> = own
        .spelled
        .iter()
        .flat_map(|n| lower.match_indices(n.as_str()).map(|(i, _)| i))
        .collect();
    hits.sort_unstable();
    let sentences = if hits.is_empty() {
        Vec::new()
    } else {
        sentence_ranges(body)
    };
    for (start, end) in sentences {
        let first = hits.partition_point(|&h| h < start);
        if hits.get(first).is_none_or(|&h| h >= end) {
            continue;
        }
        let sentence = &body[start..end];
        let words = words_of(sentence);
        if !names_marketplace(&words, own) {
            continue;
        }
        let spaced = format!(" {} ", normalise_spaced(sentence));
        let defines_we = sentence.split('(').skip(1).any(|inner| {
            let inner = inner.split(')').next().unwrap_or_default();
            words_of(inner).iter().any(|w| WE.contains(&w.as_str()))
        });
        if !defines_we && !RELATION_CUES.iter().any(|c| spaced.contains(c)) {
            continue;
        }
        out.extend(capitalised_names(sentence));
    }
    out.retain(|n| n.chars().count() >= 3);
    out.sort();
    out.dedup();
    out
}

/// Runs of capitalised words in `sentence`, normalised, each also without its last word (a
/// legal form: `Yahoo Inc.` gives `yahooinc` and `yahoo`); articles left out.
fn capitalised_names(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let tokens = sentence
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, ',' | '(' | ')')
                || QUOTE_MARKS.contains(c) && !matches!(c, '’' | '\'')
        })
        .chain(std::iter::once(""));
    for token in tokens {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && !ARTICLES.contains(&word.to_lowercase().as_str());
        if capital {
            run.push(word);
            continue;
        }
        if !run.is_empty() {
            let whole = normalise(&run.concat());
            out.push(whole);
            if run.len() > 1 {
                out.push(normalise(&run[..run.len() - 1].concat()));
            }
            run.clear();
        }
    }
    out
}

/// A name the text makes a party to its agreement or the operator of its service: one to six
/// capitalised words (`Amazon.com Services LLC`, `AbeBooks Inc.`, `Microsoft Corporation`),
/// with a legal form after a comma (`Spigot, Inc.`).
const PARTY: &str = r"(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[^\S\n]+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|à|r\.l\.)){0,5}(?:,[^\S\n]+(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|S\.A|SA|SAS|GmbH|AG|B\.V|N\.V|plc)\.?)?)";

/// The text's own statements of who it is, each capturing the name it states (group 1, and
/// group 2 for the group of a subsidiary): `between you and X`, `X ("we", "us")`, `"X," "we"
/// or "us" means`, `operated by X`, `provided by X`, `X, a subsidiary of Y`, `X and its
/// affiliates`, an imprint's `Anbieter … ist die X GmbH`, `X operates …`, `X betreibt …`, a
/// copyright notice's `Copyright © 1997-2022 X GmbH`, in English, French, German and (for
/// names written in Latin letters) Persian.
static OPERATOR_STATEMENTS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let article = r"(?:(?i:the|la|le|les|l['’]|der|die|dem|den|des|du|de\s+la|de)\s+)?";
    [
        format!(
            r"(?i:between\s+you\s+and|entre\s+vous\s+et|zwischen\s+(?:ihnen|dir|euch)\s+und|بین\s+شما\s+و)\s+{article}{PARTY}"
        ),
        format!(r"{PARTY},?\s*\((?:[^)]{{0,80}}?)[{QUOTE_MARKS}]\s*(?i:we|us|our|nous|wir|uns)[{QUOTE_MARKS},\s]"),
        format!(r"[{QUOTE_MARKS}]{PARTY},?\s*[{QUOTE_MARKS}],?\s*(?:,\s*)?[{QUOTE_MARKS}]\s*(?i:we|us|nous|wir)[{QUOTE_MARKS},\s]"),
        format!(
            r"(?i:operated|provided|run|owned|offered|published)\s+(?i:to\s+you\s+)?by\s+{article}{PARTY}"
        ),
        format!(
            r"(?i:exploitée?s?|éditée?s?|fournie?s?|proposée?s?|gérée?s?)\s+par\s+{article}{PARTY}"
        ),
        format!(
            r"(?i:betrieben|bereitgestellt|angeboten|herausgegeben)\s+(?:(?i:von|durch)\s+){article}{PARTY}"
        ),
        format!(r"(?i:ارائه\s+شده\s+توسط|اداره\s+می‌شود\s+توسط)\s+{PARTY}"),
        format!(
            r"{PARTY},\s+(?i:a|an|une?|eine?)\s+(?i:subsidiary|filiale|tochtergesellschaft|tochterunternehmen)\s+(?i:of|de|der|des|von)\s+{article}{PARTY}"
        ),
        format!(
            r"{PARTY}\s+(?i:and\s+its\s+(?:affiliates|subsidiaries)|et\s+ses\s+(?:filiales|sociétés\s+affiliées)|und\s+(?:ihre|seine)\s+(?:verbundenen\s+unternehmen|tochtergesellschaften))"
        ),
        format!(
            r"(?i:anbieter|betreiber|diensteanbieter|éditeur|exploitant|operator|provider)[^.\n]{{0,60}}?\s(?i:ist|est|is)\s+{article}{PARTY}"
        ),
        format!(
            r"{PARTY}\s*(?:\([^)\n]{{0,80}}\)\s*)?(?i:operates|runs|owns|publishes|manages|betreibt|exploite|édite|gère)\s"
        ),
        format!(
            r"(?m)^\s*(?i:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s*)?{PARTY}"
        ),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid pattern"))
    .collect()
});

/// The names [`OPERATOR_STATEMENTS`] capture in `body`: the parties and operators it states.
fn stated_parties(body: &str) -> Vec<&str> {
    let mut stated: Vec<&str> = Vec::new();
    for re in OPERATOR_STATEMENTS.iter() {
        for caps in re.captures_iter(body) {
            let whole = caps.get_match();
            for name in caps.iter().skip(1).flatten() {
                // A run of capitalised words may run on past a full stop (`provided by Payco
                // Ltd. At Lumo…`): the name is the part next to the statement's words.
                let text = name.as_str();
                let part = if name.end() == whole.end() {
                    text.split(". ").next()
                } else {
                    text.rsplit(". ").next()
                };
                stated.extend(part);
            }
        }
    }
    stated
}

/// Names the text states as its own party or operator ([`OPERATOR_STATEMENTS`]) and uses as its
/// own name, in a text that names the marketplace: the name's first word is written in the text
/// at least as often as the marketplace's most written name (`Microsoft Corporation
/// ("Microsoft", "we")` in terms naming Microsoft 500 times and the Xbox store 36). A company
/// named once as "we" in a text that otherwise names the marketplace, or in a text that never
/// names it, is left over from another site's terms, and stays reported.
fn stated_operators(body: &str, own: &OwnNames) -> Vec<String> {
    let stated = stated_parties(body);
    if stated.is_empty() {
        return Vec::new();
    }
    let lower = body.to_lowercase();
    // The marketplace's names, and the first word of a name of several (`Xbox` of `Xbox Live
    // Store`).
    let own_count = own
        .spelled
        .iter()
        .flat_map(|n| {
            let first = n
                .split_whitespace()
                .next()
                .filter(|w| *w != n && w.chars().count() >= 4 && !ARTICLES.contains(w));
            [Some(n.as_str()), first]
        })
        .flatten()
        .map(|n| count_words(&lower, n))
        .max()
        .unwrap_or(0);
    // A text that never names the marketplace speaks for another site.
    if own_count == 0 {
        return Vec::new();
    }
    // The words of the text, counted once when a name's head is a single word.
    let mut words: Option<foldhash::HashMap<&str, usize>> = None;
    let mut out = Vec::new();
    for name in stated {
        let name = name.trim_end_matches([',', '.', '-']);
        let Some(first) = name.split_whitespace().next() else {
            continue;
        };
        let head = first
            .split('.')
            .next()
            .unwrap_or(first)
            .trim_matches(|c: char| !c.is_alphanumeric());
        if head.chars().count() < 3 || ARTICLES.contains(&head.to_lowercase().as_str()) {
            continue;
        }
        let head_lower = head.to_lowercase();
        let count = if head_lower.chars().all(char::is_alphanumeric) {
            let words = words.get_or_insert_with(|| word_counts(&lower));
            words.get(head_lower.as_str()).copied().unwrap_or(0)
        } else {
            count_words(&lower, &head_lower)
        };
        if count < own_count {
            continue;
        }
        out.extend(capitalised_names(name));
        out.push(normalise(head));
    }
    out
}

/// How often `word` (lowercase) is written in `lower` as a whole word or phrase.
fn count_words(lower: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    lower
        .match_indices(word)
        .filter(|(i, _)| {
            edge(lower[..*i].chars().next_back()) && edge(lower[i + word.len()..].chars().next())
        })
        .count()
}

/// How often each run of letters and digits stands in `lower`: [`count_words`] of every word
/// written with letters and digits only.
fn word_counts(lower: &str) -> foldhash::HashMap<&str, usize> {
    let mut counts = foldhash::HashMap::default();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}

/// Whether a mention is one of the names the version itself ties to the marketplace.
fn covers_stated(stated: &[String], m: &Mention) -> bool {
    if m.domain {
        let labels: Vec<String> = m.key.split('.').map(normalise).collect();
        let below_top = &labels[..labels.len().saturating_sub(1)];
        return stated.iter().any(|n| below_top.contains(n));
    }
    stated.contains(&m.key)
        || stated
            .iter()
            .any(|n| n.chars().count() >= 4 && m.key.starts_with(n.as_str()))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    /// A site named Sandook, with a payment service among its third parties and a group.
    const SITE: &str = "marketplace:\n  name: { en: Sandook, fr: Sandook, de: Sandook, fa: صندوق }\n  brands: [Sandook]\nbase_url: https://policies.sandook.example\nlanguages: [en, fr, de, fa]\nbinding_language: en\nthird_parties: [Payvo, payvo.com]\nbrand_groups:\n  Lumina Group: [Lumina, Sandook]\n";

    /// The `unknown-brand` messages on one `terms` version in `lang` whose body is `body`,
    /// under a heading.
    fn found(lang: &str, body: &str) -> Vec<String> {
        let body = format!("## Scope {{#scope}}\n\n{body}");
        let set = super::super::tests::load_one(SITE, lang, &body).expect("the set loads");
        super::super::check(&set, date(2026, 12, 2))
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_site_operator_or_contact_stated_with_another_site_s_host_is_reported() {
        for (lang, body, shown) in [
            (
                "en",
                "Sandook sells books. All content on Pixelnest.io is covered by these terms.",
                "`Pixelnest.io` is stated as this site's address",
            ),
            (
                "en",
                "Sandook sells books. These terms govern your use of the website www.pixelnest.io and its apps.",
                "`www.pixelnest.io` is stated as this site's address",
            ),
            (
                "en",
                "Sandook sells books. These terms govern your use of the website www.pixelnest.example.",
                "`www.pixelnest.example` is stated as this site's address",
            ),
            (
                "en",
                "Sandook sells books.\n\nThis website is operated by Pixelnest Ltd, 4 Mill Lane. Write to hello@pixelnest.io.",
                "`Pixelnest Ltd` is stated as this site's operator, but `pixelnest.io`",
            ),
            (
                "en",
                "Sandook sells books. The Pixelnest team answers within a day: email us at support@pixelnest.io.",
                "`pixelnest.io` is stated as this site's contact address",
            ),
            (
                "fr",
                "Sandook vend des livres. Les présentes conditions s'appliquent à l'utilisation du site www.lunetresor.fr et de ses applications.",
                "`www.lunetresor.fr` is stated as this site's address",
            ),
            (
                "fr",
                "Sandook vend des livres.\n\nLe site est édité par Lunetresor SARL. Contact : contact@lunetresor.fr, site www.lunetresor.fr.",
                "`Lunetresor SARL` is stated as this site's operator, but `lunetresor.fr`",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Alle Inhalte auf Buecherwurm.de unterliegen diesen Bedingungen.",
                "`Buecherwurm.de` is stated as this site's address",
            ),
            (
                "de",
                "Sandook verkauft Bücher.\n\nBetreiber dieser Website ist Buecherwurm.de (im Folgenden „wir“). Kontakt: info@buecherwurm.de.",
                "`Buecherwurm.de` is stated as this site's operator",
            ),
            (
                "de",
                "Sandook verkauft Bücher.\n\n**Herausgeber der Webseite:** Buecherwurm Verlag GmbH\n\nE-Mail: info@buecherwurm-verlag.de",
                "`Buecherwurm Verlag GmbH` is stated as this site's operator",
            ),
            (
                "en",
                "Sandook sells books. This website www.pixelnest.io is operated by Pixelnest Ltd.",
                "`Pixelnest Ltd` is stated as this site's operator, but `pixelnest.io`",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Diese Website Buecherwurm.de wird betrieben von der Buecherwurm GmbH, Köln.",
                "`Buecherwurm.de` is stated as this site's address",
            ),
            (
                "fr",
                "Sandook vend des livres. Le site www.lunetresor.fr propose des livres d'occasion.",
                "`www.lunetresor.fr` is stated as this site's address",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. استفاده از سایت www.ketabnama.ir تابع این شرایط است.",
                "`www.ketabnama.ir` is stated as this site's address",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. این وب‌سایت توسط Ketabnama.ir اداره می‌شود.",
                "`Ketabnama.ir` is stated as this site's operator",
            ),
        ] {
            let found = found(lang, body);
            let name = if lang == "fa" {
                "صندوق"
            } else {
                "Sandook"
            };
            assert!(
                found
                    .iter()
                    .any(|m| m.starts_with(shown) && m.contains(&format!("not {name}'s"))),
                "{body}: {found:#?}"
            );
        }
        // The company and its contact address are each reported, its other addresses not again.
        let both = found(
            "fr",
            "Sandook vend des livres.\n\nLe site est édité par Lunetresor SARL. Contact : contact@lunetresor.fr, site www.lunetresor.fr, aide sur aide.lunetresor.fr.",
        );
        assert_eq!(both.len(), 2, "{both:#?}");
    }

    /// Prints every name the reader finds stated as this site on outside documents
    /// ([`each_scanned`](super::super::tests::each_scanned)), whosever it is: the role, the host
    /// and the words before it, to judge the reader by reading whether each is the service's
    /// own: `DAVAR_SCAN=<file>` `cargo test -p davar-policy --lib stated_owner_scan --
    /// --ignored --nocapture`.
    #[test]
    #[ignore = "reads outside text named by DAVAR_SCAN"]
    fn stated_owner_scan() {
        let mut total = 0;
        super::super::tests::each_scanned(|name, set| {
            let v = &set.documents[0].versions[0];
            let own = super::OwnNames::of(set);
            for m in super::super::mentions(v) {
                let Some(role) = super::statement(&v.source, &m, &own) else {
                    continue;
                };
                let host = if m.domain {
                    Some(m.key.clone())
                } else {
                    super::company_host(&v.source, &m)
                };
                if let Some(host) = host {
                    total += 1;
                    let lead: String = super::lead(&v.source, m.offset)
                        .chars()
                        .rev()
                        .take(60)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    println!("{name}\t{}\t{role:?}\t{host}\t{lead}", m.shown);
                }
            }
        });
        println!("{total} statements with a host");
    }

    /// The marketplace named twice, in `lang`: a company stated once is not its own.
    fn named_twice(lang: &str) -> &'static str {
        match lang {
            "fr" => "Sandook vend des livres. Sandook livre en Europe.\n\n",
            "de" => "Sandook verkauft Bücher. Sandook liefert in Europa.\n\n",
            "fa" => "صندوق فروشگاه کتاب است. صندوق به همه جا ارسال می‌کند.\n\n",
            _ => "Sandook sells books. Sandook ships across Europe.\n\n",
        }
    }

    #[test]
    fn an_owner_stated_by_layout_by_its_wording_or_under_an_unusual_name_is_reported() {
        for (lang, body, shown) in [
            // Layout: a list item's label, a table row, a label on the line above, a link.
            (
                "fr",
                "- **Éditeur** : Perle & Co SAS\n- **Siège** : 3 rue Haute, Lyon",
                "`Perle & Co SAS`",
            ),
            (
                "en",
                "| Item | Detail |\n|---|---|\n| Operator of this website | Northwind Retail Ltd |",
                "`Northwind Retail Ltd`",
            ),
            (
                "fa",
                "| عنوان | مقدار |\n|---|---|\n| گرداننده این سایت | شرکت آبی‌نگار |",
                "`شرکت آبی‌نگار`",
            ),
            (
                "de",
                "**Betreiber dieser Website:**\nKranich Handel GmbH\nHafenstraße 3, Bremen",
                "`Kranich Handel GmbH`",
            ),
            (
                "en",
                "**Publisher of this website**\n\nNorthwind Retail Ltd, 4 Mill Lane, Leeds",
                "`Northwind Retail Ltd`",
            ),
            // These terms as what is published.
            (
                "en",
                "These Terms of Use are published by Northwind Retail Ltd.",
                "`Northwind Retail Ltd`",
            ),
            (
                "fr",
                "Les présentes conditions sont éditées par Perle Commerce SAS.",
                "`Perle Commerce SAS`",
            ),
            (
                "de",
                "Diese Nutzungsbedingungen werden von der Kranich Handel GmbH herausgegeben.",
                "`Kranich Handel GmbH`",
            ),
            (
                "fa",
                "این شرایط توسط شرکت آبی‌نگار منتشر شده است.",
                "`شرکت آبی‌نگار`",
            ),
            // Ownership.
            (
                "fr",
                "Le site est la propriété de Perle Commerce SAS.",
                "`Perle Commerce SAS`",
            ),
            (
                "de",
                "Diese Website ist Eigentum der Kranich Handel GmbH.",
                "`Kranich Handel GmbH`",
            ),
            (
                "en",
                "This website and its content are the property of Northwind Retail Ltd.",
                "`Northwind Retail Ltd`",
            ),
            // `We, X, …`
            (
                "en",
                "We, Northwind Retail Ltd, operate this site.",
                "`Northwind Retail Ltd`",
            ),
            (
                "de",
                "Wir, die Kranich Handel GmbH, betreiben diese Website.",
                "`Kranich Handel GmbH`",
            ),
            // Shops and offers as the site.
            (
                "en",
                "This store is operated by Northwind Retail Ltd.",
                "`Northwind Retail Ltd`",
            ),
            (
                "de",
                "Anbieter dieses Online-Angebots ist die Kranich Handel GmbH.",
                "`Kranich Handel GmbH`",
            ),
            (
                "fr",
                "Cette boutique est exploitée par Perle Commerce SAS.",
                "`Perle Commerce SAS`",
            ),
            (
                "fa",
                "گرداننده این بازار آنلاین شرکت آبی‌نگار است.",
                "`شرکت آبی‌نگار`",
            ),
            // Names in capitals, with `&`, with `(haftungsbeschränkt)`.
            (
                "en",
                "This website is operated by NORTHWIND RETAIL LTD.",
                "`NORTHWIND RETAIL LTD`",
            ),
            (
                "de",
                "Diese Website wird von der Muster UG (haftungsbeschränkt) betrieben.",
                "`Muster UG",
            ),
            (
                "en",
                "We, NORTHWIND RETAIL LTD, operate this site.",
                "`NORTHWIND RETAIL LTD`",
            ),
            // An imprint's title above the name.
            (
                "de",
                "## Impressum\n\nKranich Handel GmbH\nHafenstraße 3, Bremen",
                "`Kranich Handel GmbH`",
            ),
            (
                "de",
                "Angaben gemäß § 5 TMG:\nKranich Handel GmbH",
                "`Kranich Handel GmbH`",
            ),
            (
                "fr",
                "## Mentions légales\n\nPerle Commerce SAS\n3 rue Haute, Lyon",
                "`Perle Commerce SAS`",
            ),
        ] {
            let found = found(lang, &format!("{}{body}", named_twice(lang)));
            assert!(
                found.iter().any(|m| m.starts_with(shown)),
                "{body}: {found:#?}"
            );
        }
    }

    #[test]
    fn the_new_wordings_keep_the_marketplace_s_names_denials_claims_and_other_parties_silent() {
        let cases: Vec<(&str, String)> = [
            ("en", "These Terms of Use are published by Sandook Ltd."),
            ("fr", "- **Éditeur** : Sandook SAS\n- **Siège** : 3 rue Haute, Lyon"),
            ("de", "**Betreiber dieser Website:**\nSandook GmbH"),
            ("en", "We, Sandook Ltd, operate this site."),
            ("en", "This website is operated by SANDOOK LTD."),
            ("en", "This store is not operated by Northwind Retail Ltd."),
            ("fr", "Le site n'est pas la propriété de Perle Commerce SAS."),
            ("fa", "این شرایط توسط شرکت آبی‌نگار منتشر نشده است."),
            ("en", "Phishing e-mails may claim that \"this website is the property of Northwind Retail Ltd\"; it is not."),
            ("en", "The website www.dhl.com is the property of DHL International GmbH."),
            ("en", "**Hosting provider:**\nCloudhaus GmbH"),
            ("en", "| Processor | Purpose |\n|---|---|\n| Payco Ltd | payments |"),
            ("en", "- Author: Jane Doe\n- Publisher: Inkwell Press Ltd\n- ISBN: 978-0-00-000000-0"),
            ("en", "Trademarks shown on listings are the property of their owners, such as Lego Group Ltd."),
            ("en", "The payment terms of Payco are published by Payco Ltd on its own site."),
            ("en", "Deliveries are made by SWIFT PARCEL LTD."),
            ("de", "## Impressum\n\nSandook GmbH\nHafenstraße 3, Bremen"),
            ("de", "## Zahlungsdienst\n\nPayco Ltd\nHafenstraße 3, Bremen"),
            ("en", "## Cookies\n\n- Provider: Cloudhaus GmbH\n- Purpose: hosting"),
        ]
        .into_iter()
        .map(|(lang, body)| (lang, format!("{}{body}", named_twice(lang))))
        .collect();
        let cases: Vec<(&str, &str)> = cases.iter().map(|(l, b)| (*l, b.as_str())).collect();
        all_silent(&cases);
    }

    /// A part of the site, a thing shown on it or a service it uses has an operator of its
    /// own, and a quote reported as another's words is theirs; the site itself, its content
    /// and an unreported quote still name the site's operator.
    #[test]
    fn a_part_of_the_site_a_service_it_uses_and_reported_words_are_not_the_site() {
        let silent: Vec<(&str, String)> = [
            ("en", "The payment page of this website is operated by Payco Europe Ltd."),
            ("en", "The checkout page on this site is hosted and operated by Payco N.V."),
            ("fr", "La page de paiement de ce site est exploitée par Payco SAS."),
            ("de", "Der Zahlungsbereich dieser Website wird von der Payco GmbH betrieben."),
            ("fa", "درگاه پرداخت این سایت توسط شرکت پرداخت‌یار اداره می‌شود."),
            ("fa", "در صورت خطا در قیمت کالاهای موجود در سایت بازارچه، حق لغو سفارش ثبت شده توسط مشتری، برای فروشگاه محفوظ است."),
            ("fa", "کالاهای فهرست شده در این سایت توسط شرکت پست ارسال می‌شود."),
            ("en", "The trust seal shown on this site is the property of Sealco SE."),
            ("en", "All images on this site are the property of Northwind Retail Ltd."),
            ("en", "This website uses Metrico, a web analytics service operated by Metrico Ltd."),
            ("en", "A seller's page may say \"This shop is operated by Nimbus Crafts Ltd\"; such statements are the seller's own."),
            ("fr", "La mention « Ce site est édité par Atelier Nimbus SARL » peut figurer sur la page d'un vendeur."),
        ]
        .into_iter()
        .map(|(lang, body)| (lang, format!("{}{body}", named_twice(lang))))
        .collect();
        let silent: Vec<(&str, &str)> = silent.iter().map(|(l, b)| (*l, b.as_str())).collect();
        all_silent(&silent);
        for (lang, body, shown) in [
            (
                "en",
                "This website is operated by Payco Europe Ltd.",
                "`Payco Europe Ltd`",
            ),
            (
                "en",
                "All content on this site is the property of Northwind Retail Ltd.",
                "`Northwind Retail Ltd`",
            ),
            (
                "en",
                "Please note: this website is operated by Northwind Retail Ltd.",
                "`Northwind Retail Ltd`",
            ),
            (
                "en",
                "These Terms of Use are published by Northwind Retail Ltd.",
                "`Northwind Retail Ltd`",
            ),
            (
                "fa",
                "و این سایت توسط شرکت پرداخت‌یار اداره می‌شود.",
                "`شرکت پرداخت‌یار`",
            ),
            (
                "fa",
                "تمامی حقوق این سایت متعلق به شرکت پرداخت‌یار است.",
                "`شرکت پرداخت‌یار`",
            ),
            (
                "en",
                "\"This shop is operated by Nimbus Crafts Ltd.\"",
                "`Nimbus Crafts Ltd`",
            ),
        ] {
            let found = found(lang, &format!("{}{body}", named_twice(lang)));
            assert!(
                found.iter().any(|m| m.starts_with(shown)),
                "{body}: {found:#?}"
            );
        }
    }

    /// Asserts that each `(lang, body)` gets no `unknown-brand` finding.
    fn all_silent(cases: &[(&str, &str)]) {
        for (lang, body) in cases {
            let found = found(lang, body);
            assert!(found.is_empty(), "{body}: {found:#?}");
        }
    }

    /// Each wording of a statement of this site, with the host it names; the host is reported.
    #[test]
    fn every_wording_of_the_stated_owner_is_read() {
        for (lang, body, host) in [
            // The operator, then its address.
            (
                "fa",
                "صندوق فروشگاه کتاب است. گرداننده این سایت شرکت کتاب‌نما است و نشانی آن ketabnama.ir است.",
                "ketabnama.ir",
            ),
            (
                "en",
                "Sandook sells books. This website is run by Pixelnest and its address is pixelnest.io.",
                "pixelnest.io",
            ),
            // The operator's name, its host in parentheses or after a comma.
            (
                "fa",
                "صندوق فروشگاه کتاب است. ناشر این وب‌سایت کتابفروشی نما (ketabnama.ir) است.",
                "ketabnama.ir",
            ),
            (
                "de",
                "Sandook verkauft Bücher.\n\n- Betreiberin dieser Plattform: Buecherwurm (buecherwurm.de)",
                "buecherwurm.de",
            ),
            (
                "en",
                "Sandook sells books.\n\n* Publisher of this website: Pixelnest, pixelnest.io",
                "pixelnest.io",
            ),
            (
                "fr",
                "Sandook vend des livres.\n\n- Éditeur du site : Lunetresor (www.lunetresor.fr)",
                "lunetresor.fr",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\n- ناشر سایت: کتاب‌نما (ketabnama.ir)",
                "ketabnama.ir",
            ),
            (
                "de",
                "Sandook verkauft Bücher.\n\n- Betreiber dieser Website: buecherwurm.de",
                "buecherwurm.de",
            ),
            // All of the content on it, however named.
            (
                "en",
                "Sandook sells books. Every image and text published on pixelnest.io belongs to its authors.",
                "pixelnest.io",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sämtliche Fotos und Grafiken auf buecherwurm.de sind geschützt.",
                "buecherwurm.de",
            ),
            (
                "fr",
                "Sandook vend des livres. Toutes les photos et textes que vous trouvez sur lunetresor.fr sont protégés.",
                "lunetresor.fr",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. تمام تصاویر و مطالب منتشرشده در ketabnama.ir متعلق به ما است.",
                "ketabnama.ir",
            ),
            // The site as the text's defined term, the host in quotes or a link.
            (
                "fr",
                "Sandook vend des livres. Les présentes conditions valent pour l'ensemble du Site « [www.lunetresor.fr](https://www.lunetresor.fr/) » et ses applications.",
                "lunetresor.fr",
            ),
            (
                "en",
                "Sandook sells books. Books are sold on the Website “pixelnest.io” by private sellers.",
                "pixelnest.io",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. تنها نشانی رسمی ما این سایت یعنی www.ketabnama.ir است.",
                "ketabnama.ir",
            ),
            // Where it is reached.
            (
                "en",
                "Sandook sells books. This website, available at www.pixelnest.io, lists second-hand books.",
                "pixelnest.io",
            ),
            (
                "fr",
                "Sandook vend des livres. Le présent site, accessible à l'adresse www.lunetresor.fr, est édité par une société.",
                "lunetresor.fr",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Diese Website ist erreichbar unter buecherwurm.de und wird laufend gepflegt.",
                "buecherwurm.de",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. این سایت به نشانی ketabnama.ir کتاب دست دوم می‌فروشد.",
                "ketabnama.ir",
            ),
            // A welcome and a copyright notice.
            (
                "fa",
                "صندوق فروشگاه کتاب است. به فروشگاه اینترنتی ketabnama.ir خوش آمدید.",
                "ketabnama.ir",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. فروشگاه اینترنتی ketabnama.ir متعلق به ما است.",
                "ketabnama.ir",
            ),
            (
                "en",
                "Sandook sells books.\n\nCopyright © 2019-2024 pixelnest.io. All rights reserved.",
                "pixelnest.io",
            ),
            // These terms as the terms of it.
            (
                "en",
                "Sandook sells books. These are the terms of pixelnest.io.",
                "pixelnest.io",
            ),
            (
                "fr",
                "Sandook vend des livres. Les présentes CGU du site lunetresor.fr s'appliquent à tout achat.",
                "lunetresor.fr",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Diese AGB von buecherwurm.de gelten für alle Bestellungen.",
                "buecherwurm.de",
            ),
        ] {
            let found = found(lang, body);
            assert!(
                found.iter().any(|m| m.contains("is stated as this site's")
                    && m.contains(&format!("`{host}` is not"))),
                "{body}: {found:#?}"
            );
        }
    }

    /// The operator stated after a site noun with words of its kind (`this online
    /// marketplace`, `la présente plateforme`, `dieses Webshops`), after the verb (`Verantwortlich
    /// für diese Website ist`, `wird von der X GmbH betrieben`), in Persian as a company
    /// without a host, a list label or a name between commas; and a host the text uses as the
    /// site itself (`By using x.io`, `gelten für die Website x.de`, all the images and
    /// articles on it). Each is reported.
    #[test]
    fn the_stated_operator_and_site_are_read_in_every_word_order() {
        let twice = |lang: &str, statement: &str| {
            let intro = match lang {
                "de" => "Sandook verkauft Bücher. Sandook liefert sie auch.",
                "fr" => "Sandook vend des livres. Sandook les livre aussi.",
                "fa" => "صندوق فروشگاه کتاب است. صندوق کتاب‌ها را ارسال می‌کند.",
                _ => "Sandook sells books. Sandook ships them too.",
            };
            format!("{intro}\n\n{statement}")
        };
        for (lang, statement, shown) in [
            (
                "en",
                "The operator of this online marketplace is Pixelnest B.V.",
                "`Pixelnest B.V.` is a company",
            ),
            (
                "en",
                "This web shop belongs to Pixelnest Ltd.",
                "`Pixelnest Ltd` is a company",
            ),
            (
                "de",
                "Der Betreiber dieses Webshops ist die Buecherwurm GmbH.",
                "`Buecherwurm GmbH` is a company",
            ),
            (
                "de",
                "Verantwortlich für diese Website ist die Buecherwurm GmbH.",
                "`Buecherwurm GmbH` is a company",
            ),
            (
                "de",
                "Diese Online-Plattform wird von der Buecherwurm GmbH betrieben.",
                "`Buecherwurm GmbH` is a company",
            ),
            (
                "de",
                "Betrieben wird diese Website von der Buecherwurm GmbH aus Köln.",
                "`Buecherwurm GmbH` is a company",
            ),
            (
                "fr",
                "L'éditeur du présent site est la société Lunetresor SARL.",
                "`Lunetresor SARL` is a company",
            ),
            (
                "fr",
                "La présente plateforme en ligne est exploitée par Lunetresor SAS.",
                "`Lunetresor SAS` is a company",
            ),
            (
                "fa",
                "این سایت متعلق به شرکت کتاب‌نما است.",
                "`شرکت کتاب‌نما` is a company",
            ),
            (
                "fa",
                "گرداننده این سایت، شرکت کتابسرای نما، به پرسش‌ها پاسخ می‌دهد.",
                "`شرکت کتابسرای نما` is a company",
            ),
            (
                "fa",
                "- ناشر: کتابسرای نما\n- نشانی: تهران",
                "`کتابسرای نما` is a company",
            ),
            (
                "fa",
                "این وب‌سایت توسط شرکت کتاب‌نما اداره می‌شود.",
                "`شرکت کتاب‌نما` is a company",
            ),
            (
                "fa",
                "این سایت به شرکت کتاب‌نما تعلق دارد.",
                "`شرکت کتاب‌نما` is a company",
            ),
            (
                "fa",
                "این سایت متعلق به شرکت کتاب‌نما با مسئولیت محدود است.",
                "`شرکت کتاب‌نما با مسئولیت محدود` is a company",
            ),
            (
                "en",
                "By using pixelnest.io you accept these terms.",
                "`pixelnest.io` is stated as this site's address",
            ),
            (
                "fr",
                "En utilisant le site lunetresor.fr, vous acceptez ces conditions.",
                "`lunetresor.fr` is stated as this site's address",
            ),
            (
                "de",
                "Durch die Nutzung von buecherwurm.de erklären Sie sich mit diesen Bedingungen einverstanden.",
                "`buecherwurm.de` is stated as this site's address",
            ),
            (
                "de",
                "Diese Nutzungsbedingungen gelten für die Website buecherwurm.de und ihre Apps.",
                "`buecherwurm.de` is stated as this site's address",
            ),
            (
                "en",
                "These terms govern your use of pixelnest.io and its apps.",
                "`pixelnest.io` is stated as this site's address",
            ),
            (
                "fr",
                "Les présentes conditions générales s'appliquent au site lunetresor.fr.",
                "`lunetresor.fr` is stated as this site's address",
            ),
            (
                "en",
                "Every image and article you see on pixelnest.io is protected.",
                "`pixelnest.io` is stated as this site's address",
            ),
            (
                "de",
                "Alle Bilder und Beiträge, die Sie auf buecherwurm.de finden, sind geschützt.",
                "`buecherwurm.de` is stated as this site's address",
            ),
        ] {
            let body = twice(lang, statement);
            let found = found(lang, &body);
            assert!(
                found.iter().any(|m| m.starts_with(shown)),
                "{statement}: {found:#?}"
            );
        }
    }

    /// The same wordings naming the marketplace's own company or its group, another party
    /// doing something else on the site, or another site in passing stay silent.
    /// Each pair: a statement of this site's owner that is reported, and the same words made a
    /// denial, a quoted claim, or a statement about another site named by its own host, which
    /// stay silent.
    #[test]
    fn denied_quoted_and_other_sites_owner_statements_stay_silent_beside_their_firing_twins() {
        for (lang, fires, silent) in [
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nThis site is operated by Lunaria Trading Ltd.",
                "Sandook sells books. Sandook ships them.\n\nThis site is not operated by Lunaria Trading Ltd.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nThis website is run by Lunaria Trading Ltd.",
                "Sandook sells books. Sandook ships them.\n\nThis website isn’t run by Lunaria Trading Ltd.",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\nCe site est exploité par la société Boutique Lune SAS.",
                "Sandook vend des livres. Sandook les livre.\n\nCe site n'est pas exploité par la société Boutique Lune SAS.",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\nLa présente plateforme est éditée par Atelier Nord SAS.",
                "Sandook vend des livres. Sandook les livre.\n\nLa présente plateforme n'est pas éditée par Atelier Nord SAS.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nاین سایت توسط شرکت ماهان پارس اداره می‌شود.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nاین سایت توسط شرکت ماهان پارس اداره نمی‌شود.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nThis website is operated by Lunaria Trading Ltd; see \"Contact\".",
                "Sandook sells books. Sandook ships them.\n\nPhishing messages may claim that \"this website is operated by Lunaria Trading Ltd\"; it is not.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nاین سایت متعلق به شرکت نوآوران بازار است.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nبرخی سایت‌های جعلی ادعا می‌کنند «این سایت متعلق به شرکت نوآوران بازار است»؛ این ادعا نادرست است.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nاین فروشگاه متعلق به شرکت نوآوران بازار است.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nاگر فروشنده‌ای در غرفه‌اش بنویسد «این فروشگاه متعلق به شرکت نوآوران بازار است»، این جمله فقط درباره غرفه خود اوست.",
            ),
            (
                "en",
                "Sandook sells books. This website www.pixelnest.io is operated by Pixelnest Ltd.",
                "Sandook sells books. The website www.pixelnest.io is operated by Pixelnest Ltd; its terms govern tracking.",
            ),
            (
                "en",
                "Sandook sells books. The Website www.pixelnest.io is operated by Pixelnest Ltd.",
                "",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\n- ناشر: کتابسرای نما\n- نشانی: تهران",
                "صندوق فروشگاه کتاب است. در صفحه هر کتاب مشخصات آن آمده است:\n\n- ناشر: کتابسرای نما\n- نویسنده: هوشنگ گلشیری",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\nناشر: کتابسرای نما",
                "صندوق فروشگاه کتاب است. مثلاً:\n\n- ناشر: کتابسرای نما",
            ),
            (
                "en",
                "Sandook sells books. The website www.pixelnest.io and all content on it are owned by Pixelnest Holdings.",
                "",
            ),
            (
                "fr",
                "Sandook vend des livres. Ce site www.lunetresor.fr appartient à Lunetresor SARL.",
                "Sandook vend des livres. Le site www.lunetresor.fr appartient à Lunetresor SARL.",
            ),
            (
                "fr",
                "Sandook vend des livres. En utilisant le site www.lunetresor.fr, vous acceptez les présentes conditions.",
                "Sandook vend des livres. En utilisant le site www.lunetresor.fr, vous acceptez les conditions de Lunetresor, et non les nôtres.",
            ),
            (
                "fr",
                "Sandook vend des livres. Le site www.lunetresor.fr propose des livres d'occasion.",
                "Sandook vend des livres. Le site lunetresor.fr est édité par Lunetresor SA, qui fixe ses propres conditions.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Diese Website www.buecherwurm.de wird von der Buecherwurm GmbH betrieben.",
                "Sandook verkauft Bücher. Die Website www.buecherwurm.de wird von der Buecherwurm GmbH betrieben; dort gelten deren Bedingungen.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Diese Website www.buecherpost.de wird von der Buecher Post AG betrieben.",
                "Sandook verkauft Bücher. Die Website www.buecherpost.de wird von der Buecher Post AG betrieben; dort gelten deren Bedingungen.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Alle Inhalte auf Buecherwurm.de unterliegen diesen Bedingungen.",
                "Sandook verkauft Bücher. Die Website www.buecherwurm.de gehört nicht zu Sandook; für sie gelten deren eigene Nutzungsbedingungen.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. این سایت متعلق به شرکت کتاب‌نما است و نشانی آن ketabnama.ir است.",
                "صندوق فروشگاه کتاب است. سایت ketabnama.ir متعلق به شرکت کتاب‌نما است و قوانین خودش را دارد.",
            ),
        ] {
            let reported = found(lang, fires);
            assert!(!reported.is_empty(), "{fires}: nothing reported");
            if !silent.is_empty() {
                let reported = found(lang, silent);
                assert!(reported.is_empty(), "{silent}: {reported:#?}");
            }
        }
    }

    #[test]
    fn joined_roles_appositions_labels_copyright_forms_and_elisions_fire_beside_their_near_misses()
    {
        // Each statement fires; its twin names a part of the site, a seller, a credit, a
        // service or a denial, and stays silent.
        for (lang, fires, silent) in [
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDie Buecherwurm GmbH verwaltet und betreibt diese Plattform.",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDie Buecherwurm GmbH hostet und pflegt diese Plattform.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nLunaria Trading Ltd operates and maintains this website.",
                "Sandook sells books. Sandook ships them.\n\nLunaria Trading Ltd maintains this website for us.",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\nLa société Lunetresor SAS exploite et administre ce site.",
                "Sandook vend des livres. Sandook les livre.\n\nLa société Lunetresor SAS héberge et administre ce site.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nشرکت کتاب‌نما مالک و گرداننده این فروشگاه است.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nشرکت کتاب‌نما مالک و گرداننده درگاه پرداخت است.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\n| Company | Role |\n|---|---|\n| Lunaria Trading Ltd | Owner and operator of this website |",
                "Sandook sells books. Sandook ships them.\n\n| Company | Role |\n|---|---|\n| Lunaria Trading Ltd | Owner and operator of the payment service |",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nOwner and operator of this marketplace: Lunaria Trading Ltd",
                "Sandook sells books. Sandook ships them.\n\nOwner and operator of the payment service: Lunaria Trading Ltd",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nمالکیت این فروشگاه و محتوای آن با شرکت کتاب‌نما است.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nمالکیت محتوای کاربران با خود کاربران است و شرکت کتاب‌نما آن را منتشر می‌کند.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nLunaria Trading Ltd, a company registered in Ireland, runs this marketplace.",
                "Sandook sells books. Sandook ships them.\n\nLunaria Trading Ltd, a seller on this marketplace, runs this shop.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDie Buecherwurm GmbH, eingetragen beim Amtsgericht Bremen, betreibt diese Website.",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDie Buecherwurm GmbH, ein Händler auf diesem Marktplatz, betreibt diesen Shop.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nWe are Lunaria Trading Ltd, the operator of this marketplace.",
                "Sandook sells books. Sandook ships them.\n\nWe are Lunaria Trading Ltd, a seller on this marketplace.",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\nNous sommes Lunetresor SAS, l'éditeur de ce site.",
                "Sandook vend des livres. Sandook les livre.\n\nNous sommes Lunetresor SAS, un vendeur de ce site.",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\nLe présent site est édité par la société Lunetresor Distribution, SAS au capital de 50 000 €.",
                "Sandook vend des livres. Sandook les livre.\n\nLe vendeur Lunetresor Distribution, SAS au capital de 50 000 €, vend sur ce site.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nشرکت کتاب‌نما («ما») گرداننده این سایت است.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nشرکت کتاب‌نما گرداننده غرفه خود در این بازار است.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nگرداننده این فروشگاه:\n\nشرکت کتاب‌نما",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nگرداننده درگاه پرداخت:\n\nشرکت کتاب‌نما",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\n| Role | Company |\n|---|---|\n| Website operator | Lunaria Trading Ltd |",
                "Sandook sells books. Sandook ships them.\n\n| Role | Company |\n|---|---|\n| Payment provider | Lunaria Trading Ltd |",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\n| Angabe | Inhalt |\n|---|---|\n| Plattformbetreiber | Buecherwurm GmbH |",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\n| Angabe | Inhalt |\n|---|---|\n| Zahlungsanbieter | Buecherwurm GmbH |",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\n© 2025 Lunetresor SAS – Tous droits réservés.",
                "Sandook vend des livres. Sandook les livre.\n\n© 2025 Lunetresor SAS – photo de couverture",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nAll rights reserved. © Lunaria Trading Ltd 2025",
                "Sandook sells books. Sandook ships them.\n\nAll rights reserved. © Lunaria Trading Ltd 2025 (cover photo)",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\n© 2025 Buecherwurm GmbH | Alle Rechte vorbehalten",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\n© 2025 Buecherwurm GmbH | Foto: Titelbild",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nکلیه حقوق این سایت برای شرکت کتاب‌نما محفوظ است.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nکلیه حقوق تصاویر برای شرکت کتاب‌نما محفوظ است.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nتمامی حقوق برای شرکت کتاب‌نما محفوظ است.",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فرستد.\n\nتمامی حقوق برای شرکت کتاب‌نما محفوظ نیست.",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\nCe site est la propriété d'Atelier Nord SAS.",
                "Sandook vend des livres. Sandook les livre.\n\nCette photo est la propriété d'Atelier Nord SAS.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDieser Online-Shop ist ein Angebot der Buecherwurm GmbH.",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDieser Gutschein ist ein Angebot der Buecherwurm GmbH.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDiese Website ist ein Angebot der Buecherwurm GmbH.",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDer Shop „Wurm“ auf diesem Marktplatz ist ein Angebot der Buecherwurm GmbH.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\nThis website is a service of Lunaria Trading Ltd.",
                "Sandook sells books. Sandook ships them.\n\nThe payment page of this website is a service of Lunaria Trading Ltd.",
            ),
            (
                "fr",
                "Sandook vend des livres. Sandook les livre.\n\nCe site est un service de Lunetresor SAS.",
                "Sandook vend des livres. Sandook les livre.\n\nCe bon d'achat est un service de Lunetresor SAS.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDie Buecherwurm GmbH, Hafenstraße 4, 20457 Hamburg, betreibt diese Website.",
                "Sandook verkauft Bücher. Sandook liefert sie.\n\nDie Buecherwurm GmbH, Hafenstraße 4, Hamburg, ein Händler auf diesem Marktplatz, betreibt diesen Shop.",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them.\n\n© Lunaria Trading Ltd 2019–2026 · All rights reserved",
                "Sandook sells books. Sandook ships them.\n\n© Lunaria Trading Ltd 2019–2026 · Photo: cover",
            ),
        ] {
            let reported = found(lang, fires);
            assert!(!reported.is_empty(), "{fires}: nothing reported");
            let reported = found(lang, silent);
            assert!(reported.is_empty(), "{silent}: {reported:#?}");
        }
    }

    #[test]
    fn the_same_word_orders_naming_the_site_s_own_or_another_party_s_role_stay_silent() {
        all_silent(&[
            (
                "en",
                "Sandook sells books.\n\nThe operator of this online marketplace is Sandook B.V.",
            ),
            (
                "de",
                "Sandook verkauft Bücher.\n\nDiese Website wird von der Lumina GmbH betrieben.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie auch.\n\nDiese Website wird von der Buecherwurm GmbH gehostet.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Sandook liefert sie auch.\n\nVerantwortlich für die Datenverarbeitung ist die Buecherwurm GmbH.",
            ),
            (
                "fr",
                "Sandook vend des livres.\n\nL'éditeur du présent site est la société Sandook SAS.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\nاین سایت متعلق به شرکت صندوق است.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\nاین سایت به شرکت صندوق با مسئولیت محدود تعلق دارد.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\nاین سایت به شما کمک می‌کند. این سایت به نشانی sandook.example است.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فروشد.\n\nاین سایت به خریداران کتاب دست دوم تعلق دارد.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فروشد.\n\nاین سایت به شرکت کتاب‌نما تعلق ندارد.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. صندوق کتاب می‌فروشد.\n\nاین سایت متعلق به شرکت کتاب‌نما نیست.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\nسفارش‌های این سایت توسط شرکت ملی پست ارسال می‌شود.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است.\n\n## پردازشگرها\n\n- ارائه‌دهنده: شرکت ابرنما\n- کار: میزبانی تصاویر",
            ),
            (
                "en",
                "Sandook sells books. You can also pay by using pixelnest.io at checkout.",
            ),
            (
                "en",
                "Sandook sells books. By using the pixelnest.io services, a seller accepts the following rules.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Diese Nutzungsbedingungen gelten nicht für die Website buecherwurm.de.",
            ),
            (
                "en",
                "Sandook sells books. Every image and article you see on pixelnest.io is governed by Pixelnest's own terms.",
            ),
            (
                "en",
                "Sandook sells books. By using the website www.sandook.com you accept these terms.",
            ),
        ]);
    }

    /// Hosts near the statements of this site that are another party's: a listed third
    /// party, the site's group, a payment service or host, another service's terms, an
    /// example of what not to write.
    #[test]
    fn hosts_near_a_statement_of_this_site_that_are_another_party_s_stay_silent() {
        all_silent(&[
            (
                "de",
                "Sandook verkauft Bücher.\n\n- Betreiber dieser Website: Lumina (lumina.de)",
            ),
            (
                "en",
                "Sandook sells books.\n\n- Operator of this website: Sandook (sandook-books.com)",
            ),
            (
                "en",
                "Sandook sells books. This website is operated by Sandook Ltd, and card payments are processed by Stripe (stripe.com).",
            ),
            (
                "en",
                "Sandook sells books. This website is hosted by Hetzner (hetzner.com).",
            ),
            (
                "en",
                "Sandook sells books. This website is operated by Sandook Ltd; its payment provider is Payvo, whose address is payvo.com.",
            ),
            (
                "en",
                "Sandook sells books. The map is from Google Maps, and the terms of maps.google.com apply to it.",
            ),
            (
                "en",
                "Sandook sells books. Do not write addresses such as “www.pixelnest.io” in a listing.",
            ),
            (
                "en",
                "Sandook sells books. Content you share on facebook.com is governed by the terms of Meta.",
            ),
            (
                "fr",
                "Sandook vend des livres. Tout le contenu de la carte provient de www.openstreetmap.org.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. پرداخت از طریق درگاه زرین‌پال (zarinpal.com) انجام می‌شود.",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Alle Zahlungen laufen über Payvo (payvo.com).",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. برای دیدن نقشه به سایت www.openstreetmap.org مراجعه کنید.",
            ),
            (
                "en",
                "Sandook sells books. The map shows data © openstreetmap.org contributors.",
            ),
            (
                "fr",
                "Sandook vend des livres. Les paiements passent par une banque, dont le Site www.lunetresor.fr décrit les frais.",
            ),
            (
                "en",
                "Sandook sells books. All videos on pixelnest.io are governed by Pixelnest's own terms.",
            ),
            (
                "fa",
                "صندوق فروشگاه کتاب است. برای پرداخت به سایت ketabnama.ir بروید و خوش آمدید را ببینید.",
            ),
            (
                "en",
                "Sandook sells books.\n\n## Processors\n\n- Provider: Pixelnest Ltd (pixelnest.io)\n- Purpose: image hosting",
            ),
            (
                "en",
                "Sandook sells books. Card payments are handled by Payvo, whose website is available at www.pixelnest.io.",
            ),
        ]);
    }

    /// A brand written as a web address with `www.` (`www.Bookbarn.gr`) names its host
    /// without it.
    #[test]
    fn a_brand_written_with_www_covers_its_bare_host() {
        let site = "marketplace:\n  name: { en: www.Bookbarn.gr }\n  brands: [www.Bookbarn.gr]\nbase_url: https://policies.bookbarn.example\nlanguages: [en]\nbinding_language: en\n";
        let found = |body: &str| {
            let set = super::super::tests::load_one(site, "en", body).expect("the set loads");
            super::super::check(&set, date(2026, 12, 2)).len()
        };
        assert_eq!(
            found("The service www.Bookbarn.gr lists books.\n\n© 2024 bookbarn.gr"),
            0
        );
        assert_eq!(
            found("The service www.Bookbarn.gr lists books.\n\n© 2024 pixelnest.io"),
            1
        );
    }

    #[test]
    fn the_site_s_own_group_s_third_parties_and_reserved_hosts_stay_silent() {
        all_silent(&[
            (
                "fr",
                "Les présentes conditions s'appliquent à l'utilisation du site www.sandook.fr et de ses applications.",
            ),
            (
                "de",
                "Sandook verkauft Bücher.\n\nBetreiber dieser Website ist die Lumina GmbH. Kontakt: info@lumina.de",
            ),
            (
                "de",
                "Sandook verkauft Bücher. Die Nutzung der Website www.payvo.com für Zahlungen regeln die Bedingungen von Payvo.",
            ),
            (
                "en",
                "Sandook sells books. These terms govern your use of the website www.example.com.",
            ),
            (
                "en",
                "Sandook sells books. Payments are handled by Payvo Ltd. Contact: support@payvo.com",
            ),
            // The operating company stated as the party and as "we", with its mailbox, in a
            // text that names it more often than the marketplace.
            (
                "en",
                "This agreement is between you and Lumo Handel Ltd (\"Lumo\", \"we\", \"us\"). Lumo runs the Sandook store. Lumo may suspend a listing. Email us at help@lumo-handel.com.",
            ),
            (
                "en",
                "The Sandook store is offered to you by Lumo, Inc. (\"we\", \"us\"). Lumo may change these terms. Lumo will tell you first. Email us at legal@lumo.com.",
            ),
            // A site named in passing, used by a company named after its domain.
            (
                "en",
                "Sandook sells books. The reviews are for the exclusive use of Pixelnest.io.",
            ),
            (
                "fr",
                "Sandook vend des livres. Inscrivez-vous sur le site www.bloctel.gouv.fr pour ne pas être démarché.",
            ),
            (
                "fr",
                "Sandook vend des livres. Les conditions de Payvo sont accessibles sur le site www.lunetresor.fr.",
            ),
        ]);
    }

    /// The company as the subject of running this site, `provided by`, a bare label above it or
    /// beside it in a table, a copyright notice, a link as the operator, Persian ownership
    /// nouns and a German genitive site noun: each fires, and its near miss stays silent.
    #[test]
    fn subject_provider_label_table_copyright_link_and_ownership_wordings_are_read() {
        for (lang, body, shown) in [
            (
                "en",
                "Kestrel Trading Ltd operates this online marketplace.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "en",
                "Sandook sells books. Sandook ships them. Sandook takes returns.\n\nKestrel Trading Ltd (\"Kestrel\") runs this store and its apps.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "en",
                "Kestrel Trading Ltd is the operator of this website.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "en",
                "Kestrel Trading Ltd owns and operates this website.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "de",
                "Die Reiher Handel GmbH ist Betreiberin dieser Website.",
                "`Reiher Handel GmbH`",
            ),
            ("en", "© Kestrel Trading Ltd 2025", "`Kestrel Trading Ltd`"),
            (
                "en",
                "## Provider {#provider}\n\nThis service is provided by Kestrel Trading Ltd, a company registered in Scotland.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "de",
                "Die Reiher Handel GmbH betreibt diesen Online-Shop.",
                "`Reiher Handel GmbH`",
            ),
            (
                "fr",
                "La société Héron Commerce SARL exploite ce site.",
                "`Héron Commerce SARL`",
            ),
            (
                "fa",
                "شرکت نگار تجارت این سایت را اداره می‌کند.",
                "`شرکت نگار تجارت`",
            ),
            (
                "fa",
                "شرکت نگار تجارت («ما») این فروشگاه اینترنتی را مدیریت می‌کند.",
                "`شرکت نگار تجارت`",
            ),
            (
                "en",
                "This website is provided by Kestrel Trading Ltd.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "fr",
                "Ce site est fourni par Héron Commerce SARL.",
                "`Héron Commerce SARL`",
            ),
            (
                "en",
                "Site operator\n\nKestrel Trading Ltd, 4 Quay Road, Bristol",
                "`Kestrel Trading Ltd`",
            ),
            (
                "de",
                "Diensteanbieter im Sinne des § 5 DDG:\n\nReiher Handel GmbH, Hafenweg 2, Kiel",
                "`Reiher Handel GmbH`",
            ),
            (
                "de",
                "Plattformbetreiber\n\nReiher Handel GmbH, Hafenweg 2, Kiel",
                "`Reiher Handel GmbH`",
            ),
            (
                "fr",
                "| Rubrique | Information |\n|---|---|\n| Éditeur | Héron Commerce SARL |",
                "`Héron Commerce SARL`",
            ),
            (
                "en",
                "| Company | Role |\n|---|---|\n| Kestrel Trading Ltd | Operator of this website |",
                "`Kestrel Trading Ltd`",
            ),
            (
                "en",
                "Copyright © 2025 Kestrel Trading Ltd. All rights reserved.",
                "`Kestrel Trading Ltd`",
            ),
            ("en", "© 2024–2025 Brook & Vale Ltd", "`Brook & Vale Ltd`"),
            (
                "en",
                "The Online Shop is operated by Kestrel Trading Ltd.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "en",
                "## Legal {#legal}\n\n© 2025 Kestrel Trading Ltd. All rights reserved.",
                "`Kestrel Trading Ltd`",
            ),
            (
                "de",
                "Sandook verkauft Bücher.\n\n© 2025 Reiher Handel GmbH",
                "`Reiher Handel GmbH`",
            ),
            (
                "de",
                "Copyright 2025 Reiher Handel GmbH. Alle Rechte vorbehalten.",
                "`Reiher Handel GmbH`",
            ),
            (
                "en",
                "This website is operated by [Kestrel](https://kestrel-trading.co.uk).",
                "`kestrel-trading.co.uk` is stated as this site's operator",
            ),
            (
                "fr",
                "La boutique est éditée par [Héron](https://heron-commerce.fr).",
                "`heron-commerce.fr` is stated as this site's operator",
            ),
            (
                "fa",
                "مالکیت این فروشگاه اینترنتی با شرکت نگار تجارت (سهامی خاص) است.",
                "`شرکت نگار تجارت`",
            ),
            (
                "fa",
                "شرکت نگار تجارت (از این پس «ما») مالک این سایت است.",
                "`شرکت نگار تجارت`",
            ),
            (
                "de",
                "Sämtliche Inhalte dieses Online-Angebots sind Eigentum der Reiher Handel GmbH.",
                "`Reiher Handel GmbH`",
            ),
        ] {
            let found = found(lang, &format!("{}{body}", named_twice(lang)));
            assert!(
                found.iter().any(|m| m.starts_with(shown)),
                "{body}: {found:#?}"
            );
        }
        let silent: Vec<(&str, String)> = [
            ("en", "Payco Europe Ltd operates the payment page of this website."),
            ("en", "Kestrel Trading Ltd operates its own shop on this marketplace."),
            ("en", "Kestrel Trading Ltd does not operate this website."),
            ("en", "Sellers contract with Kestrel Trading Ltd, which operates this website's payment service."),
            ("en", "Hostco Inc. provides this website with hosting."),
            ("de", "Die Reiher Handel GmbH betreibt diese Plattform nicht."),
            ("de", "Die Payco GmbH betreibt die Zahlungsseite dieser Website."),
            ("fa", "شرکت پرداخت‌یار درگاه پرداخت این سایت را اداره می‌کند."),
            ("fa", "شرکت نگار تجارت این سایت را اداره نمی‌کند."),
            ("en", "Payments are provided by Payco N.V."),
            ("en", "The payment service on this website is provided by Payco Europe Ltd."),
            ("en", "Shop owner:\n\nKestrel Trading Ltd, 4 Quay Road, Bristol"),
            ("en", "Payment provider\n\nPayco Europe Ltd, Dublin"),
            ("en", "| Field | Value |\n|---|---|\n| Cookie | _pc |\n| Operator | Payco Europe Ltd |"),
            ("en", "| Company | Role |\n|---|---|\n| Payco Europe Ltd | Payment provider |"),
            ("en", "Map data © Mapco contributors."),
            ("en", "Photo: © 2024 Lens Images Ltd."),
            ("en", "- © 2024 Lens Images Ltd (banner image)"),
            ("en", "Copyright © 2024 Lens Images Ltd. Used with permission."),
            ("en", "© Lens Images Ltd 2024, licensed under CC BY 4.0"),
            (
                "en",
                "## Analytics {#analytics}\n\nThis service is provided by Metrico Ltd, Dock Road, Dublin.",
            ),
            (
                "en",
                "We use Metrico. This service is provided by Metrico Ltd, a company registered in England.",
            ),
            (
                "en",
                "## Metrico analytics {#metrico}\n\nThis service is provided by Metrico Ltd, a company registered in England.",
            ),
            (
                "en",
                "Kestrel Trading Ltd owns and operates the payment page of this website.",
            ),
            ("en", "Photos © 2025 Brook & Vale Ltd, used with permission."),
            ("en", "The payment page of this website is operated by [Payco](https://payco-pay.com)."),
            ("en", "This website is not operated by [Kestrel](https://kestrel-trading.co.uk)."),
            ("fa", "مالکیت این سایت با شرکت نگار تجارت نیست."),
            ("fa", "مالکیت کالاها تا زمان تحویل با شرکت نگار تجارت است."),
            ("fa", "شرکت نگار تجارت مالک این کالا است."),
            ("de", "Das Prüfsiegel dieses Online-Shops ist Eigentum der Siegel Service SE."),
            ("en", "Photo credits\n\n© 2025 Lens Images Ltd"),
            ("en", "## Image credits {#credits}\n\n© 2025 Lens Images Ltd"),
            ("en", "Photography:\n\n© 2025 Lens Images Ltd\n\n© 2024 Brook & Vale Ltd"),
            ("de", "Bildnachweis:\n\n© 2025 Linse Bild GmbH"),
            ("de", "Bildquellen\n\n© 2025 Linse Bild GmbH"),
            ("fr", "Crédits photos :\n\n© 2025 Objectif Images SAS"),
            ("fr", "**Crédits**\n\n© 2025 Objectif Images SAS"),
            ("en", "![Shop front](front.jpg)\n\n© 2025 Lens Images Ltd"),
            (
                "en",
                "Third-party code\n\nCopyright (c) 2024 Widget Code Ltd\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.",
            ),
            ("en", "Hosting for this website is provided by [Hostco](https://hostco-cloud.com)."),
            ("en", "Payment processing for this website is provided by Payco Europe Ltd."),
            ("fr", "L'hébergement pour ce site est fourni par Hostco SAS."),
            ("en", "The Kestrel shop on this marketplace is operated by Kestrel Trading Ltd."),
            ("en", "The Kestrel shop is operated by Kestrel Trading Ltd."),
            ("en", "The gift shop \"Kestrel Corner\" is run by Kestrel Trading Ltd, a seller."),
            ("en", "Kestrel Trading Ltd's own website is operated by Kestrel Trading Ltd."),
            ("de", "Der Shop „Reiher“ auf diesem Marktplatz wird von der Reiher Handel GmbH betrieben."),
            ("fr", "La boutique « Nimbus » de ce site est exploitée par Atelier Nimbus SAS."),
            (
                "en",
                "If a seller states \"This store is owned and operated by Kestrel Trading Ltd\", that concerns the seller's shop only.",
            ),
            (
                "de",
                "Ein Verkäufer schreibt etwa: „Dieser Shop wird von der Reiher Handel GmbH betrieben.“ Das betrifft nur seinen Shop.",
            ),
        ]
        .into_iter()
        .map(|(lang, body)| (lang, format!("{}{body}", named_twice(lang))))
        .collect();
        let silent: Vec<(&str, &str)> = silent.iter().map(|(l, b)| (*l, b.as_str())).collect();
        all_silent(&silent);
        // The marketplace's own company, and a copyright holder the text names as often as
        // the marketplace: its own.
        all_silent(&[
            ("en", "Sandook Ltd operates this website."),
            ("fa", "شرکت صندوق این سایت را اداره می‌کند."),
            (
                "de",
                "Sandook verkauft Bücher. Reiher liefert sie. Reiher berät.\n\nCopyright © 1997-2025 Reiher Handel GmbH",
            ),
        ]);
    }
}
