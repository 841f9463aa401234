//! The requirements each compliance profile checks, with the keyword evidence per language.
//!
//! Evidence is a list of groups per language; a requirement is met when **every** group matches
//! somewhere in the version's text (case-insensitive regular expressions, run on the body with
//! Persian and Arabic-Indic digits read as ASCII digits and Arabic ي/ك folded to Persian ی/ک).
//! Keyword evidence shows that a topic is addressed, not that it is addressed well: a lawyer
//! still reads the text. Languages without evidence are not checked.

/// What a requirement looks for.
#[derive(Debug, Clone, Copy)]
pub enum Evidence {
    /// Per language: every regex group must be mentioned.
    Keywords(&'static [(&'static str, &'static [&'static str])]),
    /// Met when any of these is.
    AnyOf(&'static [Evidence]),
    /// A clause matching the language's topic pattern states a length of time of at least
    /// `days`.
    Period {
        /// Fewest days.
        days: u32,
        /// Per language: what the clause must be about.
        topic: &'static [(&'static str, &'static str)],
    },
    /// A sentence does what the language's topic pattern names and names its `grounds`
    /// ("Kündigung aus wichtigem Grund", "for breach"; "for any reason" names none), or, with
    /// `conditions`, states them as a condition ("we may suspend an account if the seller sells
    /// prohibited goods"), a clause about whom it is taken against ("the account of a seller
    /// who sells counterfeit goods") or a cause ("for repeated late shipments", "wegen …").
    Conditioned {
        /// Per language: what the sentence does.
        topic: &'static [(&'static str, &'static str)],
        /// Per language: words that name grounds.
        grounds: &'static [(&'static str, &'static str)],
        /// Whether conditions, restrictive clauses and causes state grounds.
        conditions: bool,
    },
    /// At least two mediators named under a clause about mediation: as list items, in a
    /// sentence that counts them ("two independent mediators: …"), or on a page a sentence
    /// about the mediators links ("the list of mediators we engage with is available at
    /// <link>"), or in paragraphs marked `i.`, `ii.` after a sentence announcing them.
    TwoMediators,
    /// Appeals open for at least six months (`6 months`, `six mois`, `184 days` or more),
    /// stated where the window is: in a clause of a sentence that names the decision or the
    /// appeal ("for six months after we notify you of a decision"), not by "six months"
    /// elsewhere.
    SixMonths,
    /// Met when `evidence` is, unless an unconditional sentence says one of the language's
    /// `contrary` statements (and, with a `topic`, also does what the topic names). A sentence
    /// that names one of the `excused` grounds, or itself states a period as long as the one
    /// `evidence` asks for, is not contrary.
    Unless {
        /// What shows the requirement is met.
        evidence: &'static Evidence,
        /// Statements that say the opposite, any number per language.
        contrary: &'static [Opposite],
        /// Per language: what the contrary sentence must be about, if anything.
        topic: &'static [(&'static str, &'static str)],
        /// Per language: grounds the law accepts for the contrary ("for breach", "aus wichtigem
        /// Grund"): a sentence naming one states an exception, not the rule.
        excused: &'static [(&'static str, &'static str)],
        /// Per language: words that state what the requirement asks ("free of charge"): a
        /// clause that affirms them grants it, whatever else it says ("complaints are free of
        /// charge, but listing fees apply").
        granted: &'static [(&'static str, &'static str)],
        /// Contrary wordings the help names as examples.
        examples: &'static str,
    },
}

/// A statement that says the opposite of a requirement, in one language: a pattern the
/// sentence affirms ("without notice"), or, written `~pattern`, one it denies ("not free of
/// charge", "no member of staff looks at it"), and what else the same sentence must mention in
/// any polarity (the act a person or a program performs: "decide", "prüfen"), if anything.
#[derive(Debug, Clone, Copy)]
pub struct Opposite {
    /// The language of the sentence.
    pub lang: &'static str,
    /// What the sentence affirms, or with `~` first, what it denies.
    pub says: &'static str,
    /// What the sentence must also mention, each in any polarity.
    pub with: &'static [&'static str],
    /// Whether the sentence must also state a length of time (one shorter than the
    /// requirement's: a sentence stating one long enough is never contrary).
    pub shorter: bool,
}

/// A sentence affirming `says` is contrary.
const fn says(lang: &'static str, says: &'static str) -> Opposite {
    says_with(lang, says, &[])
}

/// A sentence affirming `says` (or denying it, written `~says`) and mentioning each of `with`
/// is contrary.
const fn says_with(
    lang: &'static str,
    says: &'static str,
    with: &'static [&'static str],
) -> Opposite {
    Opposite {
        shorter: false,
        ..says_shorter(lang, says, with)
    }
}

/// A sentence affirming `says`, mentioning each of `with` and stating a length of time shorter
/// than the one the requirement asks for is contrary ("complaints must be lodged within 14
/// days of the decision").
const fn says_shorter(
    lang: &'static str,
    says: &'static str,
    with: &'static [&'static str],
) -> Opposite {
    Opposite {
        lang,
        says,
        with,
        shorter: true,
    }
}

/// Which document versions a requirement applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppliesTo {
    /// Documents of type `Complaints Policy`.
    ComplaintsPolicy,
    /// Documents of any other type (terms).
    Terms,
    /// Versions addressed to sellers.
    SellerTerms,
}

/// One legal requirement turned into a check.
#[derive(Debug, Clone, Copy)]
pub struct Requirement {
    /// Profile name in `site.yaml` (`dsa`, `p2b`).
    pub profile: &'static str,
    /// The provision it implements, e.g. `DSA Art. 20(1)`.
    pub cite: &'static str,
    /// What the text must say.
    pub what: &'static str,
    /// Which versions it applies to.
    pub applies: AppliesTo,
    /// How it is recognised.
    pub evidence: Evidence,
}

const COMPLAIN: &[(&str, &[&str])] = &[
    (
        "en",
        &[r"complain", r"\bform\b|e-?mail|online|panel|button"],
    ),
    (
        "fr",
        &[
            r"plainte|réclamation",
            r"formulaire|e-?mail|courriel|en ligne|bouton",
        ],
    ),
    (
        "de",
        &[
            r"beschwerde",
            r"formular|e-?mail|online|schaltfläche|button",
        ],
    ),
    ("fa", &[r"شکایت", r"فرم|رایانامه|ایمیل|برخط|آنلاین|پنل|دکمه"]),
];

/// Words that say complaints are free of charge, per language.
const FREE_EN: &str =
    r"free of charge|\bfree\b|no charge|at no cost|costs? nothing|without (any )?charge";
const FREE_FR: &str = r"gratuit";
const FREE_DE: &str = r"kostenlos|unentgeltlich|gebührenfrei|kostenfrei|\bkostet\s+(\w+\s+)?nichts";
const FREE_FA: &str = r"رایگان|بدون هزینه|بی‌هزینه|هزینه‌ای ندارد";

/// An electronic channel, named as such or as the channel itself: e-mail, a web form, the app,
/// an online portal, the account.
const CHANNEL_EN: &str =
    r"electronic|online|e-?mail|\bweb\s?form|\bform\b|\bapps?\b|portal|website|\bchat\b";
const CHANNEL_FR: &str = r"électronique|en ligne|e-?mail|courriel|formulaire|application|portail|site (internet|web)|messagerie";
const CHANNEL_DE: &str =
    r"elektronisch|online|e-?mail|formular|\bapp\b|portal|website|webseite|kontaktformular";
const CHANNEL_FA: &str = r"الکترونیک|برخط|آنلاین|رایانامه|ایمیل|فرم|اپلیکیشن|درگاه|وب‌سایت|وبگاه|پنل";

const FREE_ELECTRONIC: &[(&str, &[&str])] = &[
    ("en", &[FREE_EN, CHANNEL_EN]),
    ("fr", &[FREE_FR, CHANNEL_FR]),
    ("de", &[FREE_DE, CHANNEL_DE]),
    ("fa", &[FREE_FA, CHANNEL_FA]),
];

/// Free of charge stated by denying a fee ("no fee is charged", "we charge no fee", "you will
/// never be charged", "aucuns frais ne sont demandés", "ne vous coûte rien", "es fallen keine
/// Gebühren an", "kostet Sie nichts", "هیچ هزینه‌ای دریافت نمی‌شود"), made electronically.
const NO_FEE_ELECTRONIC: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            r"~\b(fees?|charges?|charged|costs?|price|payments?)\b",
            CHANNEL_EN,
        ],
    ),
    (
        "fr",
        &[
            r"~\b(frais|coûts?|coûte\w*|payante?s?|facturée?s?|paiement|redevance)\b",
            CHANNEL_FR,
        ],
    ),
    (
        "de",
        &[
            r"~gebühr|\bkosten\b|\bkostet\b|\bentgelt|zahlung",
            CHANNEL_DE,
        ],
    ),
    ("fa", &[r"~هزینه|کارمزد|پرداخت|وجه", CHANNEL_FA]),
];

/// Complaints said to be free of charge (a clause saying so states no fee for them).
const FREE: &[(&str, &str)] = &[
    ("en", FREE_EN),
    ("fr", FREE_FR),
    ("de", FREE_DE),
    ("fa", FREE_FA),
];

/// Complaints, the topic of a sentence that says they cost something.
const COMPLAINT_TOPIC: &[(&str, &str)] = &[
    ("en", r"complain|appeal|objection"),
    ("fr", r"réclamation|plainte|recours|contestation"),
    ("de", r"beschwerde|einspr(u|ü)ch|widerspr(u|ü)ch"),
    ("fa", r"شکایت|اعتراض"),
];

/// A word of payment and an amount of money in the same clause, in either order: `$fee` up to
/// 40 characters before `$amount`, or `$amount` up to 25 before `$after` ("a 5 euro fee").
macro_rules! fee_near_amount {
    ($fee:literal, $amount:literal, $after:literal) => {
        concat!(
            $fee,
            r"[^.;؛]{0,40}?",
            $amount,
            "|",
            $amount,
            r"[^.;؛]{0,25}?",
            $after
        )
    };
}

/// Complaints said to cost something: free of charge denied ("not free of charge", "ne sont
/// pas gratuites", "nicht kostenlos", "رایگان نیست"), a fee, a charge, a cost or a price
/// stated with an amount of money ("a handling charge of EUR 5", "cost 2 euros each", "des
/// frais de dossier de 5 euros", "Bearbeitungsgebühr von 5 Euro", "۵ یورو هزینه"), or a word
/// that itself says they cost money, with no amount ("subject to a charge", "chargeable",
/// "a fee applies", "kostenpflichtig", "fällt eine Gebühr an", "sont payantes", "donne lieu à
/// des frais", "هزینه دارد", "مشمول کارمزد"), or that makes them depend on a payment ("requires
/// payment", "subordonnée au paiement", "setzt die Zahlung … voraus", "مستلزم پرداخت ۵۰ هزار
/// تومان"; an amount may be written with a multiplier, "۵۰ هزار تومان"). The sentence must be
/// about complaints: a seller's fee or a shipping cost is no charge for complaining. Free of
/// charge granted only to some or for a while is not free either ("free of charge only for
/// premium members", "free for the first 24 hours", "gratuites uniquement pour", "nur für
/// Abonnenten kostenlos", "فقط برای مشترکان رایگان").
const NOT_FREE: &[Opposite] = &[
    says("en", r"~free of charge|(?:^|[^-\w])free\b"),
    says(
        "en",
        r"(free of charge|\bfree\b|at no cost|without (any )?charge|no charge)\s+((\w+\s+){0,3}?)(only\s+(for|to|during|within|in|on|until|if|when|while|where)\b|(for|during|in)\s+the\s+first\b|up\s+to\s+(\w+\s+)?(\d+|one|two|three)\b|for\s+(\w+\s+){1,3}only\b)[^.;]*",
    ),
    says(
        "fr",
        r"gratuite?s?\s+(([\w']+\s+){0,3}?)((uniquement|seulement|exclusivement)\s+(pour|aux?|pendant|durant|si|s'|lorsqu|les)|(pendant|durant)\s+(les\s+)?(premiers?|premières?|\d+))[^.;]*|\bn(e\s+|')([\w']+\s+){0,2}?gratuite?s?\s+qu[^.;]*",
    ),
    says(
        "de",
        r"(kostenlos|unentgeltlich|gebührenfrei|kostenfrei)\w*\s+((\w+\s+){0,3}?)nur\s+(für|in|während|bis|innerhalb|wenn|falls|bei)\b[^.;]*|\bnur\s+(für|in\s+den\s+ersten|während|innerhalb|bis)\b[^.;]{0,60}?(kostenlos|unentgeltlich|gebührenfrei|kostenfrei)[^.;]*|\b(in|während)\s+den\s+ersten\b[^.;]{0,40}?(kostenlos|unentgeltlich|gebührenfrei|kostenfrei)[^.;]*",
    ),
    says(
        "fa",
        r"(فقط|تنها)\s+(برای|در|طی|تا)[^.؛،]{0,60}?(رایگان|بدون هزینه)[^.؛]*|(رایگان|بدون هزینه)[^.؛،]{0,30}?(فقط|تنها)\s+(برای|در|طی|تا)[^.؛]*",
    ),
    says(
        "en",
        fee_near_amount!(
            r"\b(fees?|costs?|costing|price[ds]?|payable|pay|paid|charged|charges|(a|an)\s+(\w+\s+)?charge)\b",
            r"(\d+(?:[.,]\d+)?\s*(€|eur\b|euros?\b|usd\b|dollars?\b|\$|£|gbp\b|pounds?\b|chf\b)|(€|\$|£|eur\s|usd\s|gbp\s|chf\s)\s*\d+)",
            r"\b(fees?|charges?)\b"
        ),
    ),
    says(
        "en",
        r"\b(chargeable|fee-based|fee-paying|subject\s+to\s+(a\s+|an\s+|the\s+)?(\w+\s+)?(fees?|charges?|payment)|costs?\s+money)\b|\b(fees?|charges?)\s+(applies|apply|is\s+payable|are\s+payable|is\s+due|are\s+due|is\s+levied|are\s+levied|is\s+charged|are\s+charged|will\s+be\s+charged|will\s+apply)\b|\bwe\s+(will\s+)?charge\s+(you\s+)?(a|an|for)\b|\b(requires?|conditional\s+(on|upon)|dependent\s+on)\s+(the\s+|a\s+|prior\s+)?(payment|paying)\b",
    ),
    says("fr", r"~gratuit"),
    says(
        "fr",
        fee_near_amount!(
            r"\b(frais|coût\w*|coûte\w*|payant\w*|tarif\w*|prix|factur\w*|payer|payez)\b",
            r"(\d+(?:[.,]\d+)?\s*(€|euros?\b|eur\b)|€\s*\d+)",
            r"\bfrais\b"
        ),
    ),
    says(
        "fr",
        r"\b(est|sont|sera|seront|reste|restent|devient|deviennent)\s+(payante?s?|facturée?s?|tarifée?s?|soumise?s?\s+à\s+(des\s+|un\s+)?(frais|paiement|redevance|participation))\b|\b(donne|donnent|donnera|donneront)\s+lieu\s+à\s+(des\s+|une\s+|un\s+)?(frais|facturation|paiement)|\bfrais\b[^.;]{0,30}?\b(s'applique|s'appliquent|sont\s+(facturés|dus|perçus|exigés|prélevés)|seront\s+(facturés|dus|perçus|exigés|prélevés))|\b(subordonnée?s?|conditionnée?s?)\s+au\s+(paiement|versement|règlement)\b|\b(nécessite|nécessitent|exige|exigent|suppose|supposent)\s+(le|un)\s+(paiement|versement|règlement)\b|\bmoyennant\s+(le\s+)?(paiement|versement|finance|rémunération)",
    ),
    says("de", r"~kostenlos|unentgeltlich|gebührenfrei|kostenfrei"),
    says(
        "de",
        fee_near_amount!(
            r"(gebühr(en)?\b|\bkosten\b|\bkostet\b|\bentgelt\w*|\bpreis\b|\bbezahl\w*|\bzahlen\b|\bberechne\w*)",
            r"(\d+(?:[.,]\d+)?\s*(€|euro\b|eur\b)|€\s*\d+)",
            r"gebühr(en)?\b"
        ),
    ),
    says(
        "de",
        r"\b(kostenpflichtig|gebührenpflichtig|zahlungspflichtig|entgeltpflichtig|kostenbehaftet)\w*|\w*gebühr(en)?\s+(an\b|fällig|erhoben|berechnet|verlangt|zu\s+(zahlen|entrichten))|\b(erheben|berechnen|verlangen)\s+(wir\s+)?(eine[n]?\s+)\w*(gebühr|entgelt)|\bsetz(t|en)\s+(die|eine)\s+(\w+\s+)?(zahlung|bezahlung|entrichtung)\b[^.;]{0,40}?\bvoraus\b|\b(erfordert|erfordern)\s+(die|eine)\s+(\w+\s+)?(zahlung|bezahlung|entrichtung)\b|\bgegen\s+(zahlung|bezahlung|entgelt|gebühr)\b",
    ),
    says("fa", r"~رایگان"),
    says(
        "fa",
        fee_near_amount!(
            r"(هزینه|کارمزد|مبلغ|پرداخت|بپرداز)",
            r"(\d+(?:[.,٬]\d+)*\s*((هزار|میلیون)\s*)?|(هزار|میلیون)\s*)(یورو|تومان|ریال|دلار)",
            r"(هزینه|کارمزد|بپرداز|پرداخت)"
        ),
    ),
    says(
        "fa",
        r"(هزینه|کارمزد|وجه)\s*(\x{200C})?(ی|ای)?\s+(دارد|دارند|دریافت\s+می|اخذ\s+می|کسر\s+می)|مشمول\s+(پرداخت\s+)?(هزینه|کارمزد)|(پولی|غیررایگان)\s+(است|هستند)|(مستلزم|منوط\s+به|مشروط\s+به|در\s+گرو)\s+پرداخت",
    ),
];

/// When a time limit is past: "after", "later", "once", "nach", "après", "پس از".
const AFTER_EN: &str = r"\b(after|later|once|past|beyond|expir\w*)\b";
const AFTER_FR: &str = r"\b(après|passé|au-delà|plus tard|expir\w*|ultérieure?s?|tardive?s?)\b";
const AFTER_DE: &str = r"\b(nach|später\w*|danach|ablauf|verstrichen|abgelaufen)\b";
const AFTER_FA: &str = r"پس از|بعد از|گذشت|دیگر";

/// What an appeal window runs from or how long it lasts: the decision, its notification, or
/// a number ("after 14 days").
const WINDOW_SUBJECT: &str = r"decision|notif|décision|entscheidung|mitteilung|bekanntgabe|benachrichtigung|تصمیم|ابلاغ|اعلام|\d";

/// What a consumer complaint about a purchase runs from: a time limit counted from a delivery
/// or an order ("complaints later than 14 days after delivery are rejected") is not the
/// window for complaints about a decision.
const PURCHASE: &[(&str, &str)] = &[
    ("en", r"deliver|order|purchase|shipment|goods|product"),
    ("fr", r"livraison|livré|commande|achat|produit|marchandise"),
    ("de", r"liefer|bestellung|kauf|ware|produkt"),
    ("fa", r"تحویل|سفارش|خرید|کالا"),
];

/// Words that tie a length of time to the window for complaints against a decision: the
/// decision, its notification, the appeal.
pub const WINDOW_ANCHOR: &str = r"decision|notif|appeal|décision|recours|contest|entscheidung|mitteilung|bekanntgabe|benachrichtigung|einspruch|widerspruch|تصمیم|ابلاغ|اعلام|اعتراض|تجدیدنظر";

/// Persian verbs of lodging a complaint (the complainant acts, not the platform).
const LODGE_FA: &str = r"ثبت|ارسال|ارائه|طرح|پذیرفته|کنید|کنند";

/// A latest time counted from the decision or its notification: a word of upper bound
/// (`$upper`: "within", "no later than", "au plus tard", "spätestens", "حداکثر"), the length of
/// time, and what it runs from (`$from`: "after", "of", "à compter de", "nach", "پس از") before
/// the decision (`$anchor`) with up to two words between ("within 14 days of the
/// notification", "no later than one month after our decision", "spätestens einen Monat nach
/// der Entscheidung", "حداکثر یک ماه پس از ابلاغ تصمیم").
macro_rules! deadline_from {
    ($upper:literal, $from:literal, $anchor:literal) => {
        concat!($upper, r"[^.;؛]{0,40}?", $from, r"(\w+\s+){0,2}?", $anchor)
    };
}

/// Words that name a complaint against a decision, in a sentence stating its latest time.
const APPEAL_EN: &str = r"complain|appeal|objection|\bobject\b|contest|challenge";
const APPEAL_FR: &str = r"réclamation|plainte|recours|contest";
const APPEAL_DE: &str =
    r"beschwerde|einspruch|einsprüche|widerspruch|widersprüche|anfecht|beanstand";
const APPEAL_FA: &str = r"شکایت|اعتراض";

/// Complaints about a decision said to close before six months, or once it is notified: "not
/// possible after 30 days", "later complaints are rejected", "no further complaint … once a
/// decision has been notified", "you cannot complain … more than 14 days after it", "nach 30
/// Tagen ausgeschlossen", "n'est plus possible 30 jours après la décision"; or to be lodged
/// within a length of time shorter than six months after the decision ("complaints must be
/// lodged within 14 days of the decision", "nur innerhalb von zwei Wochen nach der
/// Entscheidung möglich", "dans un délai de quinze jours à compter de la décision", "فقط تا
/// ۱۴ روز پس از ابلاغ … پذیرفته می‌شود"): the complainant lodges, not the platform answering
/// ("we decide within 14 days of receiving a complaint" is no window). A sentence that states
/// six months itself is not contrary.
const WINDOW_CLOSED: &[Opposite] = &[
    says_with(
        "en",
        r"\b(complaints?|appeals?)\b[^.;]{0,80}?\b(are|is|will be|shall be|become)\s+((not|no longer)\s+(possible|accepted|admissible|allowed|permitted|considered|handled|processed|examined)|inadmissible|time-barred|rejected|refused|excluded)\b|\bno\s+(further|more|later|new)\s+(complaints?|appeals?)\b|\b(can|may)\s+no\s+longer\s+(be\s+)?(challenged|contested|appealed|complained)|\b(cannot|can't)\s+(be\s+)?(challenged|contested|appealed)|\b(cannot|can't|may\s+not|can\s+no\s+longer|may\s+no\s+longer)\s+(complain|appeal|object|lodge|submit|file|challenge|contest)\b",
        &[AFTER_EN, WINDOW_SUBJECT],
    ),
    says_shorter(
        "en",
        r"\b(complaints?|appeals?|objections?)\b[^.;]{0,40}?\b(must|shall|should|has\s+to|have\s+to|need\s+to|needs\s+to|can|may|are\s+to|is\s+to)\s+(only\s+)?be\s+(lodged|submitted|filed|sent|made|brought|raised|received|registered)\s+(\w+\s+){0,4}?(within|no\s+later\s+than|not\s+later\s+than|at\s+the\s+latest)\b|\byou\s+(must|should|have\s+to|need\s+to|can|may|are\s+able\s+to)\s+(only\s+)?((complain|appeal|object|challenge|contest)\b|(lodge|submit|file|send|make|bring|raise)\s+(a|an|your|the|any)\s+(\w+\s+)?(complaint|appeal|objection)s?\b)[^.;]{0,40}?\b(within|no\s+later\s+than|not\s+later\s+than|up\s+to|until)\b",
        &[WINDOW_ANCHOR],
    ),
    says_with(
        "fr",
        r"\b(réclamations?|plaintes?|recours|contestations?)\b[^.;]{0,40}?\b((n'est|ne sont|ne sera|ne seront)\s+(plus|pas)\s+(possibles?|recevables?|acceptée?s?|admise?s?|traitée?s?|examinée?s?)|(est|sont|sera|seront|devient|deviennent)\s+(irrecevables?|forclose?s?|rejetée?s?|refusée?s?|exclue?s?))|\baucune?\s+(autre\s+|nouvelle\s+)?(réclamation|plainte|contestation|recours)\b[^.;]{0,30}?\b(n'est|ne sera|ne peut)\s+(plus\s+)?(possible|recevable|acceptée?|admise?|être)|\bne\s+(peut|peuvent)\s+plus\s+(être\s+)?(contestée?s?|attaquée?s?)",
        &[AFTER_FR, WINDOW_SUBJECT],
    ),
    says_shorter(
        "fr",
        r"(\b(réclamations?|plaintes?|recours|contestations?)\b[^.;]{0,60}?\b(introduite?s?|déposée?s?|formée?s?|formulée?s?|adressée?s?|présentée?s?|envoyée?s?|transmise?s?|reçue?s?|introduire|déposer|former|formuler|adresser|présenter|envoyer)\b|\b(contester|réclamer|faire\s+appel)\b)[^.;]{0,40}?(\bdans\s+(un|le)\s+délai|\bdans\s+les\b|\bsous\b|\bau\s+plus\s+tard\b)",
        &[WINDOW_ANCHOR],
    ),
    says_with(
        "de",
        r"\b(beschwerden?|einsprüche|einspruch|widersprüche|widerspruch)\b[^.;]{0,80}?\b(ausgeschlossen|unzulässig|verfristet|nicht\s+(mehr\s+)?(möglich|zulässig|bearbeitet|angenommen|berücksichtigt|geprüft))|\bkeine\s+(weiteren\s+|späteren\s+)?(beschwerden?|einsprüche|widersprüche)\b[^.;]{0,30}?\b(möglich|zulässig|angenommen)|\b(kann|können)\s+nicht\s+mehr\s+(angefochten|beanstandet)",
        &[AFTER_DE, WINDOW_SUBJECT],
    ),
    says_shorter(
        "de",
        r"\b(beschwerden?|einsprüche|einspruch|widersprüche|widerspruch)\b[^.;]{0,60}?(\b(innerhalb|binnen|spätestens)\b[^.;]{0,50}?\b(möglich|zulässig|einzulegen|einzureichen|einlegen|einreichen|eingelegt|eingereicht|erheben|erhoben)\b|\b(eingelegt|eingereicht|erhoben|einzulegen|einzureichen|einlegen|einreichen)\s+(werden\s+)?(muss|müssen|kann|können|ist|sind)?\s*(nur\s+)?(innerhalb|binnen)\b)",
        &[WINDOW_ANCHOR],
    ),
    says_with(
        "fa",
        r"(شکایت|اعتراض)[^.؛]{0,40}?(پذیرفته نمی|امکان‌پذیر نیست|امکان پذیر نیست|ممکن نیست|رسیدگی نمی|قابل قبول نیست)",
        &[AFTER_FA, WINDOW_SUBJECT],
    ),
    says_shorter(
        "fa",
        r"(شکایت|اعتراض)[^.؛]{0,60}?((فقط|تنها|حداکثر|نهایتاً|نهایتا)\s+(تا|ظرف|در\s+مدت|طی)|(ظرف|طی)\s+(مدت\s+)?\d)",
        &[WINDOW_ANCHOR, LODGE_FA],
    ),
    says_shorter(
        "en",
        deadline_from!(
            r"\b(within|no\s+later\s+than|not\s+later\s+than|at\s+the\s+latest|at\s+most|up\s+to|until)\b",
            r"\b(after|of|from|following)\s+",
            r"(decision|notification|notice)\b"
        ),
        &[APPEAL_EN],
    ),
    says_shorter(
        "fr",
        deadline_from!(
            r"\b(au\s+plus\s+tard|dans\s+un\s+délai|dans\s+les|sous|jusqu['’]à|jusqu['’]au)\b",
            r"\b(après|suivant|à\s+compter\s+d[e'’]|à\s+partir\s+d[e'’]|de\s+(la\s+)?)\s*",
            r"(décision|notification)\b"
        ),
        &[APPEAL_FR],
    ),
    says_shorter(
        "de",
        deadline_from!(
            r"\b(spätestens|innerhalb|binnen|bis\s+zu|bis\s+spätestens)\b",
            r"\b(nach|ab|seit)\s+",
            r"(entscheidung|mitteilung|bekanntgabe|benachrichtigung|zustellung)"
        ),
        &[APPEAL_DE],
    ),
    says_shorter(
        "fa",
        deadline_from!(
            r"(حداکثر|نهایتاً|نهایتا|ظرف|طی|تا|در\s+مدت)",
            r"(پس\s+از|بعد\s+از|از)\s+",
            r"(ابلاغ|اعلام|تصمیم)"
        ),
        &[APPEAL_FA],
    ),
];

/// Automated tools, programs and the like, in any polarity.
const MACHINE_EN: &str =
    r"*automat|software|algorithm|\bmachines?\b|\bprograms?\b|\bbots?\b|\bai\b";
const MACHINE_FR: &str = r"*automati|logiciel|algorithm|\bmachines?\b|\bprogrammes?\b|\brobots?\b";
const MACHINE_DE: &str = r"*automati|software|algorithm|maschinell|\bprogramm";
const MACHINE_FA: &str = r"*خودکار|ماشینی|الگوریتم|نرم‌افزار|نرم افزار|سامانه هوشمند";

/// Automated decisions that are said not to be solely automated.
const NOT_SOLELY: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            MACHINE_EN,
            r"~solely|exclusively|only|entirely|purely|alone",
        ],
    ),
    (
        "fr",
        &[
            MACHINE_FR,
            r"~uniquement|exclusivement|seulement|entièrement|\bseule?s?\b",
        ],
    ),
    (
        "de",
        &[MACHINE_DE, r"~ausschließlich|allein|nur|vollständig"],
    ),
    ("fa", &[MACHINE_FA, r"~صرفاً|صرفا|تنها|فقط"]),
];

/// Automated decisions with human review.
const HUMAN_REVIEW: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            MACHINE_EN,
            r"human|members? of (our |the )?(staff|team)|qualified staff|staff member|team member|\bperson\b|moderator|employee|reviewer",
        ],
    ),
    (
        "fr",
        &[
            MACHINE_FR,
            r"humain|personnel qualifié|membres? (du personnel|de (notre|l')équipe)|une personne|modérat|salarié|employé",
        ],
    ),
    (
        "de",
        &[
            MACHINE_DE,
            r"menschlich|qualifizierte|mitarbeiter|\bmensch|moderator|teammitglied",
        ],
    ),
    ("fa", &[MACHINE_FA, r"انسانی|کارشناس|کارمند"]),
];

/// People said to review or decide, in words that need no mention of automated tools: "no
/// decision is taken without human review", "reviewed by a member of staff", "aucune décision
/// n'est prise sans examen humain", "keine Entscheidung ohne menschliche Prüfung".
const HUMAN_DECIDES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            r"\b(members?\s+of\s+(our\s+|the\s+)?(staff|team)|staff\s+members?|team\s+members?|humans?|persons?|moderators?|employees?|reviewers?)\s+(\w+\s+){0,2}?(reviews?|decides?|reads?|examines?|checks?|assesses?|handles?|takes?\s+(the|each|every|all|a)\s+decisions?)\b|\b(human|manual|personal)\s+(review|decision|intervention|oversight|check|examination|assessment)|\b(reviewed|decided|examined|checked|assessed|read|handled|review|decision|examination)\s+by\s+(a\s+|an\s+|one\s+of\s+)?(our\s+|the\s+)?(humans?|persons?|people|member\s+of\s+(our\s+)?staff|staff|moderators?|employees?|reviewers?)\b",
        ],
    ),
    (
        "fr",
        &[
            r"\b(examen|intervention|décision|contrôle|vérification|revue)\s+humaine?s?|\b(examinée?s?|décidée?s?|vérifiée?s?|traitée?s?|examen|décision)\s+par\s+(un|une|le|la|l'|nos|notre)\s*(humain|personne|membre\s+du\s+personnel|modérat|salarié|employé)",
        ],
    ),
    (
        "de",
        &[
            r"\bmenschliche[nr]?\s+(prüfung|entscheidung|überprüfung|kontrolle|beurteilung)|\bvon\s+(einem|einer|unseren?|unserem)\s+(menschen|mitarbeiter|mitarbeiterin|mitarbeitenden|person|moderator)",
        ],
    ),
    (
        "fa",
        &[
            r"(بررسی|بازبینی|نظارت|تصمیم|قضاوت)\s*(‌)?\s*انسانی|(بررسی|بازبینی|تصمیم)\s+(یک\s+|توسط\s+)?(کارشناس|کارمند|انسان)|توسط\s+(یک\s+)?(کارشناس|کارمند|انسان)",
        ],
    ),
];

/// A person said to take part through a double negative: "without" a person, itself negated
/// ("we never decide a complaint without a person reviewing it", "Keine Beschwerde wird
/// abgelehnt, ohne dass ein Mitarbeiter sie geprüft hat", "aucune réclamation n'est rejetée sans
/// qu'un membre du personnel l'ait examinée", "هیچ شکایتی بدون اینکه کارشناس آن را ببیند رد
/// نمی‌شود"); the `~` asks for the "without" to be negated, so "decided without a person" alone
/// is no evidence.
const NEVER_WITHOUT_PERSON: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            r"~\bwithout\s+((a|an|any|one|of|our|the|its|your)\s+){0,3}(humans?|persons?|people|members?\s+of\s+(our\s+|the\s+)?(staff|team)|staff|employees?|moderators?|reviewers?|someone|somebody)\b",
        ],
    ),
    (
        "fr",
        &[
            r"~\bsans\s+(qu'|que\s+)?((un|une|le|la|l'|des|nos|notre)\s*){0,2}(humains?|personnes?|membres?\s+(du|de\s+notre)\s+(personnel|équipe)|salariée?s?|employée?s?|modérat\w+)\b",
        ],
    ),
    (
        "de",
        &[
            r"~\bohne\s+(dass\s+)?((ein|eine|einen|einer|unser\w*|die|der|den)\s+){0,2}(mensch\w*|mitarbeiter\w*|person\w*|moderator\w*|beschäftigte\w*|jemand)",
        ],
    ),
    (
        "fa",
        &[
            r"~بدون\s+((اینکه|آنکه|این\x{200C}که|آن\x{200C}که)\s+)?(یک\s+)?(انسان|کارشناس|کارمند|کارکنان|ناظر|اپراتور)",
        ],
    ),
];

/// An out-of-court route: named as such, or as mediation or arbitration.
const OUT_OF_COURT: &[(&str, &[&str])] = &[
    ("en", &[r"out-of-court|out of court|\bmediat|\barbitrat"]),
    ("fr", &[r"extrajudiciaire|\bmédiat|\bmediat|\barbitr"]),
    (
        "de",
        &[
            r"außergerichtlich|aussergerichtlich|schlichtung|mediation|schiedsstelle|streitbeilegungsstelle",
        ],
    ),
    ("fa", &[r"خارج از دادگاه|غیرقضایی|حل اختلاف|میانجی|داوری"]),
];

const MODERATION: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            r"moderat|review",
            r"*automat|algorithm",
            r"human|staff|moderator|person",
        ],
    ),
    (
        "fr",
        &[
            r"modér|examin|vérifi",
            r"*automati|algorithm",
            r"humain|personnel|modérat",
        ],
    ),
    (
        "de",
        &[
            r"moderat|prüf",
            r"*automati|algorithm",
            r"mensch|mitarbeit|moderator",
        ],
    ),
    (
        "fa",
        &[
            r"بررسی|نظارت|تأیید|تایید",
            r"*خودکار|الگوریتم|ماشینی",
            r"انسانی|کارشناس|کارمند|همکاران",
        ],
    ),
];

/// What a person or a program does to a complaint: decide, review, look at it, take part.
const ACT_EN: &[&str] = &[
    r"decid|decision|settl|handl|review|examin|assess|judg|check|look|see\b|sees|seen|read|involv|intervention|oversight|confirm|sign",
];
const ACT_FR: &[&str] = &[
    r"décid|décision|tranch|trait|examin|examen|regard|vérifi|contrôl|interv|valid|confirm|statu|\blit\b|\blu\b",
];
const ACT_DE: &[&str] = &[
    r"entscheid|prüf|sieht|gesehen|liest|gelesen|kontroll|beteilig|bearbeit|bestätig|sichte|mitwirk|befass",
];
const ACT_FA: &[&str] = &[r"تصمیم|بررسی|نظارت|دخالت|رسیدگی|مشاهده|می‌بیند|تأیید|تایید"];

/// Decisions said to be taken by an automated agent alone or without any person, composed of
/// an exclusive word before the agent ("solely by automated means", "seul notre logiciel",
/// "ausschließlich eine Software", "صرفاً به صورت خودکار") or "alone" after it ("by software
/// alone", "unser automatisiertes System allein"), or a person denied in a sentence about what
/// a person does ("without a person looking at them", "never seen by our staff", "aucun humain
/// ne regarde", "eine Prüfung durch Menschen erfolgt nicht", "بدون دخالت انسانی"). Read for
/// negation like any mention, and negations compose: "not solely by automated means" and "no
/// decision is taken without human review" are not contrary. A person who acts only as a
/// fallback or on request is contrary too: the "only if" it names is what it says, not a
/// condition that excuses it.
const SOLELY_AUTOMATED: &[Opposite] = &[
    says(
        "en",
        r"\b(solely|exclusively|entirely|purely|fully|wholly|only)\s+((by|through|via|with|using|means|of|an?|the|our|its)\s+){0,4}(automat|algorithm|software\b|machine|computer|program|bots?\b|ai\b|artificial intelligence)",
    ),
    says(
        "en",
        r"\b(automat\w*|algorithms?|software|machines?|computers?|programs?|bots?|ai)(\s+(means|tools?|systems?|process(es)?|processing|software|programs?|filters?))?\s+alone\b",
    ),
    says_with(
        "en",
        r"~\b(members? of (our |the )?(staff|team)|staff members?|team members?|humans?|human beings?|persons?|people|staff|employees?|moderators?|reviewers?|anyone|someone|somebody)\b",
        ACT_EN,
    ),
    says_with("en", r"\b(nobody|no one|no-one)\b", ACT_EN),
    says(
        "en",
        r"\b((human|manual|personal)\s+(review|intervention|involvement|oversight|check|decision)s?|(review|check|examination|decision)s?\s+by\s+(a\s+|an\s+|our\s+|the\s+)?(humans?|persons?|people|staff|members?\s+of\s+(our\s+)?staff|moderators?|employees?))\s+((is|are|will\s+be)\s+not\s+(available|possible|provided|offered|carried\s+out|performed)|(does|do|will)\s+not\s+take\s+place)",
    ),
    says(
        "fr",
        r"\b(uniquement|exclusivement|entièrement|seulement|purement|totalement)\s+((par|de|des|du|un|une|notre|nos|le|la|les|l'|manière|façon|moyens?|outils?|systèmes?|traitements?)\s+){0,4}(automati|algorithm|logiciel|machine|programme|robot|ordinateur|ia\b|intelligence artificielle)",
    ),
    says_with(
        "fr",
        r"\bseule?s?\s+((notre|nos|le|la|les|l'|un|une|des)\s*)?(automati|algorithm|logiciel|machine|programme|robot|ordinateur|ia\b|intelligence artificielle)",
        ACT_FR,
    ),
    says(
        "fr",
        r"\b(automati\w*|algorithmes?|logiciels?|machines?|programmes?|robots?|(systèmes?|outils?|traitements?|moyens?)\s+automatisée?s?)\s+seule?s?\b",
    ),
    says(
        "fr",
        r"(moyens|outils|systèmes|traitements?)\s+(exclusivement|uniquement|entièrement|purement)\s+automati",
    ),
    says_with(
        "fr",
        r"~\b(membres? (du|de notre) (personnel|équipe)|humaine?s?|personnes?|personnel|employée?s?|salariée?s?|modérat(eur|rice)s?|quelqu'un)\b",
        ACT_FR,
    ),
    says_with("fr", r"\bpersonne\s+(ne\b|n')", ACT_FR),
    says(
        "fr",
        r"((intervention|examen|contrôle|revue|vérification)\s+humaine?|(examen|contrôle|vérification|décision)\s+par\s+(un|une|des|nos|notre)\s+(humains?|personnes?|membres?\s+du\s+personnel|modérat\w+|employée?s?))\s+(n'est\s+pas\s+(disponible|possible|prévue?|proposée?|effectuée?)|n'a\s+pas\s+lieu)",
    ),
    says(
        "de",
        r"\b(ausschließlich|allein|alleine|nur|vollständig|rein)\s+((durch|mittels|mit|von|über|eine[nmrs]?|ein|unser\w*|die|der|das|den|dem)\s+){0,4}(automati|maschinell|algorithm|software|programm|computer|ki\b|künstliche intelligenz|bots?\b)|vollautomati",
    ),
    says(
        "de",
        r"\b(automatisiert\w*|maschinell\w*|algorithm\w*|software|programm\w*|computer)(\s+(system|verfahren|werkzeug|mittel|programm)\w*)?\s+allein\b",
    ),
    says_with(
        "de",
        r"~\b(mensch\w*|personen|person|mitarbeiter\w*|moderator\w*|beschäftigte\w*|jemand)\b",
        ACT_DE,
    ),
    says_with("de", r"\bniemand\b", ACT_DE),
    says(
        "de",
        r"(menschliche\s+(prüfung|überprüfung|kontrolle|sichtung|entscheidung)|(prüfung|überprüfung|kontrolle|sichtung|entscheidung)\s+(durch|von)\s+(einen\s+|eine\s+|unsere\s+|unseren\s+)?(mensch\w*|mitarbeiter\w*|person\w*|moderator\w*))\s+((ist|wird)\s+nicht\s+(vorgesehen|möglich|verfügbar)|(erfolgt|findet)\s+nicht)",
    ),
    says(
        "fa",
        r"(صرفاً|صرفا|فقط|تنها)\s+((به|با|توسط|از|طریق|صورت|شکل|یک|ما|سامانه|سیستم|یک)\s+){0,4}(خودکار|ماشینی|الگوریتم|نرم‌افزار|نرم افزار|هوش مصنوعی|ربات)",
    ),
    says_with(
        "fa",
        r"~انسان|کارشناس|کارمند|کارکنان|ناظر|اپراتور|شخص|فردی",
        ACT_FA,
    ),
    // A person only as a fallback or on request: "reviewed by staff only when our software
    // cannot decide", "a person looks at it only if you pay", "n'intervient que si",
    // "nur, wenn", "فقط در صورتی که".
    says(
        "en",
        r"\b(members? of (our |the )?(staff|team)|staff members?|team members?|humans?|human beings?|persons?|people|staff|employees?|moderators?|reviewers?|human review|manual review)\b[^.;:]{0,60}?(\bonly\s+(if|when|where|in\s+(the\s+)?(rare\s+|exceptional\s+|some\s+|certain\s+)?cases?|on\s+request|upon\s+request|as\s+a\s+(last\s+resort|fallback))\b|\b(if|when|where)\s+(our\s+|the\s+|its\s+)?(software|system|tools?|algorithms?|automat\w*)(\s+\w+)?\s+(cannot|can't|is\s+unable|are\s+unable|fails?|is\s+unsure|is\s+uncertain))[^.;]*",
    ),
    says(
        "fr",
        r"\b(membres? (du|de notre) (personnel|équipe)|humaine?s?|personnes?|personnel|employée?s?|salariée?s?|modérat(eur|rice)s?)\b[^.;:]{0,60}?(\b(uniquement|seulement)\s+(si|s'|lorsqu|quand|en\s+cas|dans\s+(les|certains)\s+cas|sur\s+demande)|\bqu(e\s+|')(si|s'|lorsqu|quand|en\s+cas|dans\s+(les|certains)\s+cas|sur\s+demande|à\s+la\s+demande))[^.;]*",
    ),
    says(
        "de",
        r"\b(mensch\w*|mitarbeiter\w*|person\w*|moderator\w*|beschäftigte\w*)\b[^.;:]{0,60}?\bnur\s*,?\s*(dann\s*,?\s*)?(wenn|falls|sofern|in\s+(einzelnen\s+|bestimmten\s+|wenigen\s+)?fällen|auf\s+(antrag|anfrage|wunsch))\b[^.;]*",
    ),
    says(
        "fa",
        r"(انسان|کارشناس|کارمند|کارکنان|اپراتور|شخص)[^.؛]{0,60}?(فقط|تنها)\s+(در\s+صورتی|وقتی|زمانی|اگر|هنگامی|در\s+موارد)[^.؛]*",
    ),
];

/// No notice at all.
const WITHOUT_NOTICE: &[Opposite] = &[
    says(
        "en",
        r"without (any )?(prior |advance |previous )?(notice|notification|warning)|with immediate effect",
    ),
    says(
        "fr",
        r"sans (aucun |aucune )?(préavis|notification|information préalable|avertissement)|avec effet immédiat",
    ),
    says(
        "de",
        r"ohne (vorherige |vorhergehende )?(ankündigung|vorankündigung|frist|kündigungsfrist|benachrichtigung|mitteilung)|fristlos|mit sofortiger wirkung",
    ),
    says("fa", r"بدون (اطلاع|اخطار|اعلام)"),
];

/// Suspension or termination for no stated reason.
const WITHOUT_GROUNDS: &[Opposite] = &[
    says(
        "en",
        r"\bfor\s+(any|whatever)\s+(\w+\s+)?reason|\bfor\s+any\s+or\s+no\s+reason|\bfor\s+no\s+(\w+\s+)?reason|without\s+(stating|giving|providing|specifying|any|a)\s+(any\s+)?(grounds|reasons?|justification|cause)|\bwithout\s+cause",
    ),
    says(
        "fr",
        r"sans (indiquer|préciser|donner|communiquer|motiver|justifier) (de |les |aucun |sa |leur )?(motifs?|raisons?|décision)?|sans (aucun )?motif|sans (aucune )?raison|sans justification|pour quelque (motif|raison|cause) que ce soit|pour (une )?raison quelconque|pour n['’]importe quelle? (raison|motif)",
    ),
    says(
        "de",
        r"ohne (angabe von |nennung von )?gründen?|ohne (jede |eine )?begründung|ohne angabe (eines|des) grundes|ohne (jeden |einen )?grund\b|aus (einem )?beliebige[mn]? gr(u|ü)nde?n?|aus irgendeinem grund",
    ),
    says("fa", r"بدون (ذکر |اعلام |هیچ )?(دلیل|علت)|به هر (دلیل|علت)"),
];

/// Any topic (the contrary statement is enough by itself).
const ANY_TOPIC: &[(&str, &str)] = &[];

/// No grounds excuse the contrary statement.
const NO_EXCUSE: &[(&str, &str)] = &[];

/// No words grant the requirement in a contrary clause.
const NOTHING_GRANTED: &[(&str, &str)] = &[];

/// Grounds on which P2B Art. 4(4) lets a platform terminate without the 30 days' notice (a
/// legal or regulatory obligation, an imperative reason under national law, repeated
/// infringement), and the breaches terms name for it ("for cause", "in case of material
/// breach", "aus wichtigem Grund", "en cas de manquement grave"), or an event that "entitles"
/// to it ("der Widerruf der Einzugsermächtigung berechtigt den Anbieter zur fristlosen
/// Kündigung").
const TERMINATION_EXCUSES: &[(&str, &str)] = &[
    (
        "en",
        r"\bfor (good |just |due |important |serious )?cause|breach|repudiat|violat|infring|fraud|illegal|unlawful|misconduct|misuse|abuse|legal (or regulatory )?(obligation|requirement)|regulatory obligation|required (to do so )?by (applicable )?law|imperative reason|non-?compliance|fail(s|ed|ure)? to comply|\bentitles (us|the|either|each|both)\b",
    ),
    (
        "fr",
        r"manquement|violation|infraction|faute|fraud|illicite|illégal|motif (grave|légitime|sérieux)|juste motif|obligation (légale|réglementaire)|imposée? par la loi|raison impérieuse|non-respect|inexécution|(autorise|donne le droit à|ouvre droit à) (la |le |l'|chaque |chacune )",
    ),
    (
        "de",
        r"wichtige[nm]? grund|wichtiger grund|verstoß|verstöße|verstoss|verletz|pflichtverletzung|betrug|rechtswidrig|missbrauch|gesetzliche[nr]? (verpflichtung|pflicht)|zwingende[nr]? grund|zwingender gründe|berechtigt (den|die|das|uns|beide|jede) ",
    ),
    ("fa", r"نقض|تخلف|تقلب|غیرقانونی|الزام قانونی"),
];

/// Grounds on which P2B Art. 3(4) lets a platform change its terms without notice: a legal or
/// regulatory obligation, or an unforeseen and imminent danger (fraud, malware, spam, data
/// breaches, security).
const CHANGE_EXCUSES: &[(&str, &str)] = &[
    (
        "en",
        r"legal (or regulatory )?(obligation|requirement)|regulatory obligation|required (to do so )?by (applicable )?law|comply with (applicable )?(law|legislation|regulation)|fraud|malware|spam|security|data breach|imminent danger|unforeseen",
    ),
    (
        "fr",
        r"obligation (légale|réglementaire)|imposée? par la loi|se conformer (à la loi|aux lois|à la réglementation)|fraude|logiciels? malveillants?|sécurité|danger imminent|imprévu",
    ),
    (
        "de",
        r"gesetzliche[nr]? (verpflichtung|pflicht|vorgabe)|gesetzlich (vorgeschrieben|verpflichtet)|behördliche|betrug|schadsoftware|sicherheit|unmittelbare[nr]? gefahr|unvorhergesehen",
    ),
    ("fa", r"الزام قانونی|کلاهبرداری|امنیت"),
];

const CHANGE_TOPIC: &[(&str, &str)] = &[
    ("en", r"chang|amend|modif"),
    ("fr", r"modification|changement|modifi"),
    ("de", r"änderung|geändert|ändern"),
    ("fa", r"تغییر|اصلاح"),
];

const SUSPENSION_GROUNDS: &[(&str, &[&str])] = &[
    ("en", &[r"suspen|restrict", r"terminat", r"ground|reason"]),
    ("fr", &[r"suspen|restrei", r"résili", r"motif|raison"]),
    (
        "de",
        &[
            r"sperr|aussetz|auszusetz|einschränk|einzuschränk",
            r"kündig|beend",
            r"gründe|grund",
        ],
    ),
    ("fa", &[r"تعلیق|مسدود|محدود", r"فسخ|خاتمه", r"دلایل|دلیل"]),
];

/// Words that name the grounds of a decision, in the sentence that takes it.
const GROUNDS_WORDS: &[(&str, &str)] = &[
    ("en", r"\b(grounds?|reasons?)\b"),
    ("fr", r"\b(motifs?|raisons?)\b"),
    ("de", r"\b(gründen?|grund|grunde)\b"),
    ("fa", r"دلیل|دلایل"),
];

/// Suspending, restricting or terminating, which a condition gives the grounds for.
const SUSPENSION_ACT: &[(&str, &str)] = &[
    ("en", r"suspen|restrict|terminat|deactivat|\bblock|delist"),
    ("fr", r"suspen|restrei|restrict|résili|désactiv|bloqu"),
    (
        "de",
        r"sperr|aussetz|auszusetz|einschränk|einzuschränk|kündig|deaktivier",
    ),
    ("fa", r"تعلیق|مسدود|محدود|فسخ"),
];

/// A decision to suspend, restrict or terminate (the topic of a "for any reason" sentence).
const SUSPENSION_TOPIC: &[(&str, &str)] = &[
    (
        "en",
        r"suspen|restrict|terminat|deactivat|disabl|remov|block|delist|deny|close|discontinu|cease",
    ),
    (
        "fr",
        r"suspen|restrei|restrict|résili|désactiv|bloqu|supprim|retir|clôtur|refus|interromp|cesser|mettre fin",
    ),
    (
        "de",
        r"sperr|aussetz|auszusetz|einschränk|einzuschränk|kündig|beend|deaktivier|entfern|lösch|verweiger|einstell|einzustell",
    ),
    ("fa", r"تعلیق|مسدود|محدود|فسخ|خاتمه|حذف"),
];

const TERMINATION_TOPIC: &[(&str, &str)] = &[
    ("en", r"terminat"),
    ("fr", r"résili"),
    ("de", r"kündig|beend"),
    ("fa", r"فسخ|خاتمه"),
];

/// Complaints, and either the seller under one of the names terms give it or a system that
/// receives complaints ("our complaint-handling system", "you can submit a complaint to us",
/// "ein internes System für die Bearbeitung von Beschwerden"): terms call their sellers
/// merchants, Marchands, partners or Nutzer as often as sellers.
const COMPLAINT_SYSTEM: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            r"complain",
            r"seller|business user|merchant|vendor|trader|complaint-handling|complaints?[ -](handling|procedure|process|system|management)|internal complaint|(submit|lodge|file|raise|send|bring|direct|address) (to us )?(a |any |your )?(formal )?complaints?|complaints? (to|with) us",
        ],
    ),
    (
        "fr",
        &[
            r"plainte|réclamation",
            r"vendeur|marchand|traitement des (plaintes|réclamations)|gestion des (plaintes|réclamations)|système (interne )?de (traitement|gestion)|(déposer|adresser|introduire|formuler|soumettre|transmettre) (une |sa |toute |leur |votre )?(plainte|réclamation)",
        ],
    ),
    (
        "de",
        &[
            r"beschwerde",
            r"verkäufer|händler|beschwerdemanagement|beschwerdestelle|beschwerdeverfahren|beschwerdesystem|bearbeitung von beschwerden|internes system|(beschwerde|beschwerden) (einreichen|einlegen|erheben|richten)",
        ],
    ),
    (
        "fa",
        &[r"شکایت", r"فروشند|سامانه|رسیدگی به شکایات|ثبت شکایت"],
    ),
];

/// An internal complaint-handling system denied by a negative determiner before it, or by a
/// negated verb of having or running one: "we have no internal complaint-handling system",
/// "there is no complaints procedure", "we do not operate any complaint-handling system",
/// "nous ne disposons d'aucun système interne de traitement des réclamations", "es gibt kein
/// internes Beschwerdemanagementsystem", "هیچ سامانهٔ رسیدگی به شکایات نداریم". A negation
/// elsewhere in the sentence ("disputes we could not resolve through our internal complaint
/// system") denies something else. The French `ne` of the determiner is part of the statement.
/// Persian negates the verb: there the negation reader reads the clause.
const NO_COMPLAINT_SYSTEM: &[Opposite] = &[
    says(
        "en",
        concat!(
            r"\b(no|none\s+of|not\s+(have|run|operate|offer|provide|maintain|use)\s+(an?|any))\s+(\w+\s+)?",
            r"(internal\s+)?(complaint|complaints)[ -](handling|procedure|process|system|management|mechanism)"
        ),
    ),
    says(
        "fr",
        concat!(
            r"(\bne\s+(\w+\s+){1,2}|\bn['’]\w+\s+(\w+\s+)?)?\b(aucune?|nul(le)?|d['’]aucune?|pas\s+d['’]|pas\s+de)\s*(\w+\s+)?",
            r"(système|procédure|dispositif|mécanisme|service)\s+(interne\s+)?(de|des)\s+(traitement|gestion|plaintes?|réclamations?)"
        ),
    ),
    says(
        "de",
        concat!(
            r"\bkein(e|en|em|er|es)?\s+(\w+\s+)?",
            r"(beschwerde\w*(management|stelle|verfahren|system)|system\s+(für|zur)\s+(die\s+)?(bearbeitung|behandlung)\s+von\s+beschwerden)"
        ),
    ),
    says(
        "fa",
        r"~سامانه\S*\s+(\S+\s+)?(رسیدگی|مدیریت)|رسیدگی\s+به\s+شکایات",
    ),
];

/// Every requirement, in the order reported.
pub const REQUIREMENTS: &[Requirement] = &[
    Requirement {
        profile: "dsa",
        cite: "DSA Art. 20(1), 20(3)",
        what: "say how to lodge a complaint through an easy-to-access electronic channel",
        applies: AppliesTo::ComplaintsPolicy,
        evidence: Evidence::Keywords(COMPLAIN),
    },
    Requirement {
        profile: "dsa",
        cite: "DSA Art. 20(1)",
        what: "say that complaints are free of charge and made electronically",
        applies: AppliesTo::ComplaintsPolicy,
        evidence: Evidence::Unless {
            evidence: &Evidence::AnyOf(&[
                Evidence::Keywords(FREE_ELECTRONIC),
                Evidence::Keywords(NO_FEE_ELECTRONIC),
            ]),
            contrary: NOT_FREE,
            topic: COMPLAINT_TOPIC,
            excused: NO_EXCUSE,
            granted: FREE,
            examples: "\"a handling fee of EUR 5 per complaint\", \"complaints are not free of charge\"",
        },
    },
    Requirement {
        profile: "dsa",
        cite: "DSA Art. 20(6)",
        what: "say that decisions are not taken solely by automated means",
        applies: AppliesTo::ComplaintsPolicy,
        evidence: Evidence::Unless {
            evidence: &Evidence::AnyOf(&[
                Evidence::Keywords(NOT_SOLELY),
                Evidence::Keywords(HUMAN_REVIEW),
                Evidence::Keywords(HUMAN_DECIDES),
                Evidence::Keywords(NEVER_WITHOUT_PERSON),
            ]),
            contrary: SOLELY_AUTOMATED,
            topic: ANY_TOPIC,
            excused: NO_EXCUSE,
            granted: NOTHING_GRANTED,
            examples: "\"decided by software alone\", \"no member of staff reviews complaints\"",
        },
    },
    Requirement {
        profile: "dsa",
        cite: "DSA Art. 20(1)",
        what: "keep complaints against a decision open for at least six months after it",
        applies: AppliesTo::ComplaintsPolicy,
        evidence: Evidence::Unless {
            evidence: &Evidence::SixMonths,
            contrary: WINDOW_CLOSED,
            topic: ANY_TOPIC,
            excused: PURCHASE,
            granted: NOTHING_GRANTED,
            examples: "\"complaints are not possible after 30 days\"",
        },
    },
    Requirement {
        profile: "dsa",
        cite: "DSA Art. 21",
        what: "name the out-of-court dispute settlement route",
        applies: AppliesTo::ComplaintsPolicy,
        evidence: Evidence::Keywords(OUT_OF_COURT),
    },
    Requirement {
        profile: "dsa",
        cite: "DSA Art. 14(1)",
        what: "describe content moderation, including automated tools and human review",
        applies: AppliesTo::Terms,
        evidence: Evidence::Keywords(MODERATION),
    },
    Requirement {
        profile: "p2b",
        cite: "P2B Regulation (EU) 2019/1150 Art. 3(2)",
        what: "give sellers at least 15 days' notice of changes",
        applies: AppliesTo::SellerTerms,
        evidence: Evidence::Unless {
            evidence: &Evidence::Period {
                days: 15,
                topic: CHANGE_TOPIC,
            },
            contrary: WITHOUT_NOTICE,
            topic: CHANGE_TOPIC,
            excused: CHANGE_EXCUSES,
            granted: NOTHING_GRANTED,
            examples: "\"we may change these terms at any time without notice\"",
        },
    },
    Requirement {
        profile: "p2b",
        cite: "P2B Regulation (EU) 2019/1150 Art. 3(1)(c)",
        what: "state the grounds for suspending, restricting or terminating a seller",
        applies: AppliesTo::SellerTerms,
        // Grounds stated (a condition, a clause about whom, a cause, a breach named) are met
        // whatever else the text says; words that only name grounds ("on the grounds below")
        // are outweighed by a sentence that gives none ("for any reason whatsoever").
        evidence: Evidence::AnyOf(&[
            Evidence::Conditioned {
                topic: SUSPENSION_ACT,
                grounds: TERMINATION_EXCUSES,
                conditions: true,
            },
            Evidence::Unless {
                evidence: &Evidence::AnyOf(&[
                    Evidence::Keywords(SUSPENSION_GROUNDS),
                    Evidence::Conditioned {
                        topic: SUSPENSION_ACT,
                        grounds: GROUNDS_WORDS,
                        conditions: false,
                    },
                ]),
                contrary: WITHOUT_GROUNDS,
                topic: SUSPENSION_TOPIC,
                excused: NO_EXCUSE,
                granted: NOTHING_GRANTED,
                examples: "\"we may suspend an account for any reason whatsoever\"",
            },
        ]),
    },
    Requirement {
        profile: "p2b",
        cite: "P2B Regulation (EU) 2019/1150 Art. 4(1)",
        what: "give at least 30 days' notice before terminating a seller",
        applies: AppliesTo::SellerTerms,
        evidence: Evidence::Unless {
            evidence: &Evidence::Period {
                days: 30,
                topic: TERMINATION_TOPIC,
            },
            contrary: WITHOUT_NOTICE,
            topic: TERMINATION_TOPIC,
            excused: TERMINATION_EXCUSES,
            granted: NOTHING_GRANTED,
            examples: "\"we may terminate the agreement at any time without notice\"",
        },
    },
    Requirement {
        profile: "p2b",
        cite: "P2B Regulation (EU) 2019/1150 Art. 11",
        what: "describe the internal complaint-handling system for sellers",
        applies: AppliesTo::SellerTerms,
        evidence: Evidence::Unless {
            evidence: &Evidence::Keywords(COMPLAINT_SYSTEM),
            contrary: NO_COMPLAINT_SYSTEM,
            topic: ANY_TOPIC,
            excused: NO_EXCUSE,
            granted: NOTHING_GRANTED,
            examples: "\"we have no internal complaint-handling system\"",
        },
    },
    Requirement {
        profile: "p2b",
        cite: "P2B Regulation (EU) 2019/1150 Art. 12(1)",
        what: "name at least two mediators",
        applies: AppliesTo::SellerTerms,
        evidence: Evidence::TwoMediators,
    },
];

/// Words that mark a clause about mediation, per language.
pub const MEDIATION_WORDS: &str = r"mediat|médiat|schlicht|میانجی|سازش";

/// Mentions of the EU online dispute resolution platform, closed on 20 July 2025
/// (Regulation (EU) 2024/3228 repealing Regulation (EU) No 524/2013).
pub const ODR_PLATFORM: &str = r"ec\.europa\.eu/consumers/odr|\bodr\b|online dispute resolution platform|plateforme (européenne )?(de )?(rll|règlement en ligne)|os-plattform|plattform zur online-streitbeilegung|سامانه حل اختلاف برخط اتحادیه اروپا";
