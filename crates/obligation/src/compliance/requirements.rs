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
    /// Met when `evidence` is, unless an unconditional sentence affirms one of the language's
    /// `contrary` patterns (and, with a `topic`, also does what the topic names). A sentence
    /// that names one of the `excused` grounds, or itself states a period as long as the one
    /// `evidence` asks for, is not contrary.
    Unless {
        /// What shows the requirement is met.
        evidence: &'static Evidence,
        /// Per language: a statement that says the opposite.
        contrary: &'static [(&'static str, &'static str)],
        /// Per language: what the contrary sentence must be about, if anything.
        topic: &'static [(&'static str, &'static str)],
        /// Per language: grounds the law accepts for the contrary ("for breach", "aus wichtigem
        /// Grund"): a sentence naming one states an exception, not the rule.
        excused: &'static [(&'static str, &'static str)],
    },
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

const FREE_ELECTRONIC: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            r"free of charge|\bfree\b|no charge|at no cost",
            r"electronic|online",
        ],
    ),
    ("fr", &[r"gratuit", r"électronique|en ligne"]),
    (
        "de",
        &[
            r"kostenlos|unentgeltlich|gebührenfrei|kostenfrei",
            r"elektronisch|online",
        ],
    ),
    (
        "fa",
        &[
            r"رایگان|بدون هزینه|بی‌هزینه|هزینه‌ای ندارد",
            r"الکترونیک|برخط|آنلاین",
        ],
    ),
];

/// Automated decisions that are said not to be solely automated.
const NOT_SOLELY: &[(&str, &[&str])] = &[
    (
        "en",
        &[r"*automat", r"~solely|exclusively|only|entirely|purely"],
    ),
    (
        "fr",
        &[
            r"*automati",
            r"~uniquement|exclusivement|seulement|entièrement",
        ],
    ),
    (
        "de",
        &[r"*automati", r"~ausschließlich|allein|nur|vollständig"],
    ),
    ("fa", &[r"*خودکار|ماشینی|الگوریتم", r"~صرفاً|صرفا|تنها|فقط"]),
];

/// Automated decisions with human review.
const HUMAN_REVIEW: &[(&str, &[&str])] = &[
    (
        "en",
        &[r"*automat", r"human|member of staff|qualified staff"],
    ),
    ("fr", &[r"*automati", r"humain|personnel qualifié"]),
    ("de", &[r"*automati", r"menschlich|qualifizierte"]),
    (
        "fa",
        &[r"*خودکار|ماشینی|الگوریتم", r"انسانی|کارشناس|کارمند"],
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

/// Decisions said to be taken by automated means alone, or without any person: "decided
/// solely by automated means", "by our automated system alone", "no human review takes place",
/// "no member of staff reviews complaints", "human review is not available". Read for negation like any mention: "not solely
/// by automated means" and "no decision is taken without human review" are not contrary.
const SOLELY_AUTOMATED: &[(&str, &str)] = &[
    (
        "en",
        r"\b(solely|exclusively|entirely|purely|fully|only)\s+(by\s+|through\s+|via\s+|with\s+|using\s+)?(an?\s+|the\s+|our\s+)?(automat|algorithm|machine)|(automat|algorithm)\w*\s+(means|tools?|systems?|process(es)?|software)\s+(alone|only)\b|\bno\s+(human|manual|personal)\s+(review|intervention|involvement|oversight|check|decision)|\bwithout\s+(any\s+)?(human|manual)\s+(review|intervention|involvement|oversight|check)|\bno\s+(member\s+of\s+(our\s+)?staff|staff\s+member|employee|person|human|moderator|one)\s+(ever\s+)?(reviews?|checks?|decides?|examines?|looks\s+at|sees?)\b|\bhuman\s+(review|intervention|involvement|oversight)\s+(is|are)\s+not\s+(available|possible|provided|offered)",
    ),
    (
        "fr",
        r"(uniquement|exclusivement|entièrement|seulement|purement)\s+(par\s+(des\s+|un\s+|notre\s+|nos\s+)?|de\s+(manière|façon)\s+)?(moyens\s+|outils\s+|systèmes?\s+|traitements?\s+)?(automati|algorithm)|(moyens|outils|systèmes|traitements?)\s+(exclusivement|uniquement|entièrement|purement)\s+automati|(système|outil|traitement|moyen)s?\s+automatisée?s?\s+seule?s?\b|\b(sans|(n'y\s+a\s+)?aucune?)\s+(intervention|examen|contrôle|vérification|revue|décision)\s+humaine?s?|\b(n'y\s+a\s+)?aucune?\s+(personne|membre\s+du\s+personnel|employée?|salariée?|modérateur|modératrice|humain)\s+n'(examine|vérifie|décide|contrôle|intervient|lit)|(intervention|examen|contrôle|revue)\s+humaine?\s+n'est\s+pas\s+(disponible|possible|prévue?|proposée?)",
    ),
    (
        "de",
        r"(ausschließlich|allein|nur|vollständig|rein)\s+(durch\s+|mittels\s+|mit\s+)?(unser(e[nms]?)?\s+)?(automati|maschinell|algorithm)|vollautomati|automatisierte[nms]?\s+(system|verfahren|werkzeug|mittel)\w*\s+allein\b|\b(ohne|keine)\s+(jede\s+|jegliche\s+)?menschliche\s+(prüfung|überprüfung|beteiligung|kontrolle|mitwirkung|entscheidung)|\bkein(e)?\s+(mensch|mitarbeiter(in)?|person|moderator(in)?)\s+(prüft|überprüft|entscheidet|sieht|liest)\b|menschliche\s+(prüfung|überprüfung|kontrolle)\s+(ist\s+nicht\s+(vorgesehen|möglich|verfügbar)|findet\s+nicht\s+statt)",
    ),
    (
        "fa",
        r"(صرفاً|صرفا|فقط|تنها)\s+(به\s+(صورت|شکل)\s+|با\s+|توسط\s+)?(خودکار|ماشینی|الگوریتم)|بدون\s+(هیچ\s+)?(دخالت|بررسی|نظارت)\s+(انسانی|انسان|کارشناس)",
    ),
];

/// No notice at all.
const WITHOUT_NOTICE: &[(&str, &str)] = &[
    (
        "en",
        r"without (any )?(prior |advance |previous )?(notice|notification|warning)|with immediate effect",
    ),
    (
        "fr",
        r"sans (aucun |aucune )?(préavis|notification|information préalable|avertissement)|avec effet immédiat",
    ),
    (
        "de",
        r"ohne (vorherige |vorhergehende )?(ankündigung|vorankündigung|frist|kündigungsfrist|benachrichtigung|mitteilung)|fristlos|mit sofortiger wirkung",
    ),
    ("fa", r"بدون (اطلاع|اخطار|اعلام)"),
];

/// Suspension or termination for no stated reason.
const WITHOUT_GROUNDS: &[(&str, &str)] = &[
    (
        "en",
        r"for any reason or no reason|for no reason|without (stating|giving|providing|specifying|any) (any )?(grounds|reasons?|justification)",
    ),
    (
        "fr",
        r"sans (indiquer|préciser|donner|communiquer) (de |les |aucun )?(motifs?|raisons?)|sans motif|sans justification|pour quelque (motif|raison) que ce soit",
    ),
    (
        "de",
        r"ohne (angabe von )?gründen?|ohne begründung|ohne angabe eines grundes|aus beliebigem grund",
    ),
    ("fa", r"بدون (ذکر |اعلام )?(دلیل|علت)|به هر دلیلی"),
];

/// Any topic (the contrary statement is enough by itself).
const ANY_TOPIC: &[(&str, &str)] = &[];

/// No grounds excuse the contrary statement.
const NO_EXCUSE: &[(&str, &str)] = &[];

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
        evidence: Evidence::Keywords(FREE_ELECTRONIC),
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
            ]),
            contrary: SOLELY_AUTOMATED,
            topic: ANY_TOPIC,
            excused: NO_EXCUSE,
        },
    },
    Requirement {
        profile: "dsa",
        cite: "DSA Art. 20(1)",
        what: "keep complaints against a decision open for at least six months after it",
        applies: AppliesTo::ComplaintsPolicy,
        evidence: Evidence::SixMonths,
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
        },
    },
    Requirement {
        profile: "p2b",
        cite: "P2B Regulation (EU) 2019/1150 Art. 3(1)(c)",
        what: "state the grounds for suspending, restricting or terminating a seller",
        applies: AppliesTo::SellerTerms,
        evidence: Evidence::Unless {
            evidence: &Evidence::Keywords(SUSPENSION_GROUNDS),
            contrary: WITHOUT_GROUNDS,
            topic: SUSPENSION_TOPIC,
            excused: NO_EXCUSE,
        },
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
        },
    },
    Requirement {
        profile: "p2b",
        cite: "P2B Regulation (EU) 2019/1150 Art. 11",
        what: "describe the internal complaint-handling system for sellers",
        applies: AppliesTo::SellerTerms,
        evidence: Evidence::Keywords(COMPLAINT_SYSTEM),
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
