//! The words of the published transparency report in each site language (fa, en, fr, de;
//! English for any other). Each language is one block a translator can read whole; `{name}`
//! marks where a value goes.

/// The words of one language.
pub(crate) struct Words {
    /// Page title.
    pub title: &'static str,
    /// `{from}`, `{to}`: the period.
    pub intro: &'static str,
    /// Column headers: the number, its share, the total row.
    pub number: &'static str,
    pub share: &'static str,
    pub total: &'static str,
    /// Section on restrictions; `{n}`.
    pub restrictions: &'static str,
    pub restrictions_summary: &'static str,
    /// Captions and first-column headers of the restriction tables: kind, category, rule,
    /// automated decision, automated detection.
    pub restriction_tables: [(&'static str, &'static str); 5],
    /// Caption and first-column header of the table of what the restriction did.
    pub outcome_table: (&'static str, &'static str),
    /// Not published, published with parts removed or changed.
    pub outcomes: [&'static str; 2],
    /// Review, question, answer.
    pub kinds: [&'static str; 3],
    /// Fully, partially, not automated.
    pub automated: [&'static str; 3],
    /// Yes, no.
    pub yes_no: [&'static str; 2],
    /// A rule set naming no category, a rejection naming no rule.
    pub none: &'static str,
    /// Section on moderators' decisions; `{n}`, `{median}`, `{p95}`.
    pub moderators: &'static str,
    pub moderators_summary: &'static str,
    /// Caption and first-column header of the table of moderators' decisions.
    pub actions_table: (&'static str, &'static str),
    /// Approve, reject, edit-approve.
    pub actions: [&'static str; 3],
    /// Section on appeals; `{pending_start}`, `{received}`, `{decided}`, `{upheld}`, `{reversed}`, `{pending}`.
    pub appeals: &'static str,
    pub appeals_summary: &'static str,
    /// Caption and first-column header of the table of appeals against the promised time.
    pub deadlines_table: (&'static str, &'static str),
    /// Met, breached, open, no deadline, the calendar ends before the deadline.
    pub deadlines: [&'static str; 5],
    /// Days, hours, minutes, seconds (abbreviated).
    pub units: [&'static str; 4],
    /// No time measured.
    pub no_time: &'static str,
    /// Decimal separator and the percent sign as written after a number.
    pub decimal: char,
    pub percent: &'static str,
}

const EN: Words = Words {
    title: "Transparency report",
    intro: "Moderation decisions on reviews, questions and answers taken from {from} to {to} (Digital Services Act, Articles 15 and 24).",
    number: "Number",
    share: "Share",
    total: "Total",
    restrictions: "Comments not published or published with parts removed",
    restrictions_summary: "{n} comments were not published or were published with parts removed; each author received a statement of reasons citing the clause relied on.",
    restriction_tables: [
        ("By kind of comment", "Kind"),
        ("By category of the Transparency Database", "Category"),
        (
            "By rule (a comment citing several rules counts under each)",
            "Rule",
        ),
        ("By automated decision", "Decided by software"),
        ("By automated detection", "Detected by software"),
    ],
    outcome_table: ("By what was restricted", "Restriction"),
    outcomes: ["not published", "published with parts removed or changed"],
    kinds: ["review", "question", "answer"],
    automated: ["fully", "partially", "not automated"],
    yes_no: ["yes", "no"],
    none: "none",
    moderators: "Decisions by moderators",
    moderators_summary: "{n} comments held for review were decided by a moderator. Time from submission to decision: median {median}, 95th percentile {p95}.",
    actions_table: ("By decision", "Decision"),
    actions: ["published", "not published", "published as edited"],
    appeals: "Appeals",
    appeals_summary: "{pending_start} appeals were pending at the start of the period and {received} were received; {decided} were decided ({upheld} upheld, {reversed} reversed); {pending} were pending at its end.",
    deadlines_table: (
        "Appeals decided, or pending at the end, against the time we promise to decide",
        "Standing",
    ),
    deadlines: [
        "decided in time",
        "late or overdue",
        "pending, still in time",
        "no promised time",
        "deadline past the end of the working-day calendar",
    ],
    units: ["d", "h", "min", "s"],
    no_time: "none measured",
    decimal: '.',
    percent: "%",
};

const FA: Words = Words {
    title: "گزارش شفافیت",
    intro: "تصمیم‌های بررسی دیدگاه‌ها، پرسش‌ها و پاسخ‌ها از {from} تا {to} (قانون خدمات دیجیتال اتحادیه‌ی اروپا، مواد ۱۵ و ۲۴).",
    number: "تعداد",
    share: "سهم",
    total: "جمع",
    restrictions: "دیدگاه‌های منتشرنشده یا منتشرشده با حذف بخش‌هایی",
    restrictions_summary: "{n} دیدگاه منتشر نشد یا با حذف بخش‌هایی منتشر شد؛ برای هر کدام بیانیه‌ی دلایل با ذکر بند مستند به نویسنده داده شد.",
    restriction_tables: [
        ("بر پایه‌ی نوع", "نوع"),
        ("بر پایه‌ی دسته‌ی پایگاه داده‌ی شفافیت", "دسته"),
        (
            "بر پایه‌ی قاعده (دیدگاهی که به چند قاعده مستند است زیر هر کدام شمرده می‌شود)",
            "قاعده",
        ),
        ("بر پایه‌ی تصمیم خودکار", "تصمیم با نرم‌افزار"),
        ("بر پایه‌ی تشخیص خودکار", "تشخیص با نرم‌افزار"),
    ],
    outcome_table: ("بر پایه‌ی آنچه محدود شد", "محدودیت"),
    outcomes: ["منتشر نشد", "با حذف یا تغییر بخش‌هایی منتشر شد"],
    kinds: ["دیدگاه", "پرسش", "پاسخ"],
    automated: ["کاملاً", "تا حدی", "غیرخودکار"],
    yes_no: ["بله", "خیر"],
    none: "هیچ",
    moderators: "تصمیم‌های ناظران",
    moderators_summary: "ناظران درباره‌ی {n} دیدگاهِ نگه‌داشته‌شده برای بررسی تصمیم گرفتند. زمان از ارسال تا تصمیم: میانه {median}، صدک ۹۵ {p95}.",
    actions_table: ("بر پایه‌ی تصمیم", "تصمیم"),
    actions: ["منتشر شد", "منتشر نشد", "با ویرایش منتشر شد"],
    appeals: "اعتراض‌ها",
    appeals_summary: "{pending_start} اعتراض در آغاز دوره در انتظار بود و {received} اعتراض رسید؛ درباره‌ی {decided} اعتراض تصمیم گرفته شد ({upheld} تأیید تصمیم، {reversed} لغو تصمیم)؛ {pending} اعتراض در پایان دوره در انتظار بود.",
    deadlines_table: (
        "اعتراض‌های تصمیم‌گرفته‌شده یا در انتظار در پایان دوره، در برابر مهلتی که برای تصمیم وعده داده‌ایم",
        "وضعیت",
    ),
    deadlines: [
        "به‌موقع تصمیم گرفته شد",
        "دیر یا گذشته از مهلت",
        "در انتظار، در مهلت",
        "بدون مهلت وعده‌داده‌شده",
        "مهلت پس از پایان تقویم روزهای کاری",
    ],
    units: ["روز", "ساعت", "دقیقه", "ثانیه"],
    no_time: "اندازه‌گیری نشد",
    decimal: '٫',
    percent: "٪",
};

const FR: Words = Words {
    title: "Rapport de transparence",
    intro: "Décisions de modération des avis, questions et réponses prises du {from} au {to} (règlement sur les services numériques, articles 15 et 24).",
    number: "Nombre",
    share: "Part",
    total: "Total",
    restrictions: "Commentaires non publiés ou publiés en partie",
    restrictions_summary: "{n} commentaires n’ont pas été publiés ou ont été publiés avec des passages retirés ; chaque auteur a reçu un exposé des motifs citant la clause appliquée.",
    restriction_tables: [
        ("Par type de commentaire", "Type"),
        (
            "Par catégorie de la base de données de transparence",
            "Catégorie",
        ),
        (
            "Par règle (un commentaire fondé sur plusieurs règles compte sous chacune)",
            "Règle",
        ),
        ("Par décision automatisée", "Décidé par logiciel"),
        ("Par détection automatisée", "Détecté par logiciel"),
    ],
    outcome_table: ("Selon ce qui a été restreint", "Restriction"),
    outcomes: ["non publié", "publié avec des passages retirés ou modifiés"],
    kinds: ["avis", "question", "réponse"],
    automated: ["entièrement", "partiellement", "non automatisée"],
    yes_no: ["oui", "non"],
    none: "aucune",
    moderators: "Décisions des modérateurs",
    moderators_summary: "{n} commentaires retenus pour examen ont été tranchés par un modérateur. Délai entre l’envoi et la décision : médiane {median}, 95e centile {p95}.",
    actions_table: ("Par décision", "Décision"),
    actions: ["publié", "non publié", "publié après modification"],
    appeals: "Recours",
    appeals_summary: "{pending_start} recours en attente au début de la période et {received} reçus ; {decided} tranchés ({upheld} décisions confirmées, {reversed} annulées) ; {pending} en attente à la fin de la période.",
    deadlines_table: (
        "Recours tranchés, ou en attente à la fin de la période, au regard du délai de décision que nous promettons",
        "Situation",
    ),
    deadlines: [
        "tranché à temps",
        "en retard ou hors délai",
        "en attente, dans le délai",
        "aucun délai promis",
        "délai au-delà de la fin du calendrier des jours ouvrables",
    ],
    units: ["j", "h", "min", "s"],
    no_time: "aucune mesure",
    decimal: ',',
    percent: "\u{a0}%",
};

const DE: Words = Words {
    title: "Transparenzbericht",
    intro: "Moderationsentscheidungen über Bewertungen, Fragen und Antworten vom {from} bis {to} (Gesetz über digitale Dienste, Artikel 15 und 24).",
    number: "Anzahl",
    share: "Anteil",
    total: "Summe",
    restrictions: "Nicht oder nur teilweise veröffentlichte Beiträge",
    restrictions_summary: "{n} Beiträge wurden nicht oder nur mit entfernten Stellen veröffentlicht; jede Verfasserin und jeder Verfasser erhielt eine Begründung mit der angewandten Klausel.",
    restriction_tables: [
        ("Nach Art des Beitrags", "Art"),
        ("Nach Kategorie der Transparenzdatenbank", "Kategorie"),
        (
            "Nach Regel (ein Beitrag, der auf mehrere Regeln gestützt ist, zählt unter jeder)",
            "Regel",
        ),
        (
            "Nach automatisierter Entscheidung",
            "Von Software entschieden",
        ),
        ("Nach automatisierter Erkennung", "Von Software erkannt"),
    ],
    outcome_table: ("Nach Art der Beschränkung", "Beschränkung"),
    outcomes: [
        "nicht veröffentlicht",
        "mit entfernten oder geänderten Stellen veröffentlicht",
    ],
    kinds: ["Bewertung", "Frage", "Antwort"],
    automated: ["vollständig", "teilweise", "nicht automatisiert"],
    yes_no: ["ja", "nein"],
    none: "keine",
    moderators: "Entscheidungen der Moderation",
    moderators_summary: "Über {n} zur Prüfung zurückgehaltene Beiträge hat eine Moderatorin oder ein Moderator entschieden. Zeit vom Einreichen bis zur Entscheidung: Median {median}, 95. Perzentil {p95}.",
    actions_table: ("Nach Entscheidung", "Entscheidung"),
    actions: [
        "veröffentlicht",
        "nicht veröffentlicht",
        "bearbeitet veröffentlicht",
    ],
    appeals: "Beschwerden",
    appeals_summary: "{pending_start} Beschwerden zu Beginn des Zeitraums offen, {received} eingegangen; {decided} entschieden ({upheld} Entscheidungen bestätigt, {reversed} aufgehoben); {pending} am Ende des Zeitraums offen.",
    deadlines_table: (
        "Entschiedene und am Ende offene Beschwerden, gemessen an der zugesagten Entscheidungsfrist",
        "Stand",
    ),
    deadlines: [
        "rechtzeitig entschieden",
        "verspätet oder überfällig",
        "offen, noch in der Frist",
        "keine Frist zugesagt",
        "Frist nach dem Ende des Arbeitstagekalenders",
    ],
    units: ["T", "Std.", "Min.", "s"],
    no_time: "nicht gemessen",
    decimal: ',',
    percent: "\u{a0}%",
};

/// The words of `lang` (English for a language without its own).
pub(crate) fn words(lang: &str) -> &'static Words {
    match lang {
        "fa" => &FA,
        "fr" => &FR,
        "de" => &DE,
        _ => &EN,
    }
}
