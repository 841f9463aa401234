//! The sentences of a statement of reasons in each language a storefront serves (fa, en, fr,
//! de; English for any other). Each language is one block a translator can read whole;
//! `{name}` marks where a value goes.

use davar_obligation::Unit;
use davar_policy::render::dates::persian_digits;

/// The sentences of one language.
pub(crate) struct Phrases {
    /// Language code of these sentences.
    pub lang: &'static str,
    /// Review, question, answer (as in "your review").
    pub kinds: [&'static str; 3],
    /// Title, body (as in "in the title").
    pub fields: [&'static str; 2],
    /// `{kind}`.
    pub restricted_subject: &'static str,
    /// `{date}`, `{kind}`, `{submitted}`.
    pub restricted: &'static str,
    /// `{kind}`: published with parts removed or changed, as a subject line.
    pub edited_subject: &'static str,
    /// `{date}`, `{kind}`, `{submitted}`: published with parts removed or changed.
    pub edited: &'static str,
    /// Before the list of facts.
    pub found: &'static str,
    /// `{quote}`, `{field}`, `{explanation}`.
    pub fact_quoted: &'static str,
    /// `{n}`, `{explanation}`: the places of one rule beyond the facts quoted, for one and for
    /// several.
    pub more_facts: (&'static str, &'static str),
    /// `{heading}`, `{title}`, `{version}`, `{url}`.
    pub ground: &'static str,
    /// Detected and decided by software.
    pub fully: &'static str,
    /// Detected by software, decided by a person.
    pub partially: &'static str,
    /// Flagged by software, decided by a person on other grounds.
    pub flagged: &'static str,
    /// Found and decided by a person.
    pub by_person: &'static str,
    /// `{deadline}`, `{url}`.
    pub appeal: &'static str,
    /// `{limit}`, `{url}`.
    pub appeal_within: &'static str,
    /// `{version}`, `{url}`: the dispute policy's version that applies states no time for
    /// deciding appeals.
    pub appeal_no_limit: &'static str,
    /// `{url}`: an appeal route whose window could not be counted.
    pub appeal_open: &'static str,
    /// `{url}`.
    pub out_of_court: &'static str,
    /// The right to go to court.
    pub courts: &'static str,
    /// Appeal upheld, as a subject line.
    pub upheld_subject: &'static str,
    /// `{date}`, `{received}`, `{original}`, `{kind}`.
    pub upheld: &'static str,
    /// Like `upheld`, when the upheld decision published the text as a moderator edited it.
    pub upheld_edited: &'static str,
    /// Appeal reversed, as a subject line.
    pub reversed_subject: &'static str,
    /// `{date}`, `{received}`, `{original}`, `{kind}`.
    pub reversed: &'static str,
    /// Like `reversed`, when the text is published as a moderator edited it.
    pub reversed_edited: &'static str,
    /// Before the list of changes an edit made.
    pub changes: &'static str,
    /// `{removed}`, `{field}`: text the edit removed.
    pub change_removed: &'static str,
    /// `{removed}`, `{inserted}`, `{field}`: text the edit replaced.
    pub change_replaced: &'static str,
    /// `{inserted}`, `{field}`: text the edit added.
    pub change_inserted: &'static str,
    /// `{heading}`, `{title}`, `{version}`, `{url}`: a clause the edit applies.
    pub edit_ground: &'static str,
    /// The internal procedure is over.
    pub internal_end: &'static str,
    /// A restriction lifted since, as a subject line; `{kind}`.
    pub lifted_subject: &'static str,
    /// An edit lifted since (the text is published as written), as a subject line; `{kind}`.
    pub lifted_edit_subject: &'static str,
    /// `{date}`, `{received}`, `{kind}`: the restriction was lifted on the author's appeal.
    pub lifted_on_appeal: &'static str,
    /// `{date}`, `{kind}`: a moderator lifted the restriction.
    pub lifted: &'static str,
    /// A restriction that an appeal replaced by publication with changes, as a subject line;
    /// `{kind}`.
    pub amended_subject: &'static str,
    /// `{date}`, `{received}`, `{kind}`, `{id}`: on appeal, the comment is published with the
    /// changes the outcome's own statement lists.
    pub amended_on_appeal: &'static str,
    /// `{date}`, `{received}`: the appeal against this decision was decided and it stands.
    pub upheld_since: &'static str,
    /// `{received}`: an appeal against this decision is being decided.
    pub appealed_since: &'static str,
    /// `{date}`, `{id}`: a later decision replaced this one.
    pub replaced_since: &'static str,
    /// (singular, plural) of hours, days, working hours, working days after "within N".
    pub units: [(&'static str, &'static str); 5],
}

const EN: Phrases = Phrases {
    lang: "en",
    kinds: ["review", "question", "answer"],
    fields: ["title", "text"],
    restricted_subject: "Your {kind} was not published",
    restricted: "On {date} we decided not to publish your {kind} of {submitted}.",
    edited_subject: "Your {kind} was published with changes",
    edited: "On {date} we published your {kind} of {submitted} with parts removed or changed, because they break our rules; the rest is published as you wrote it.",
    found: "What we found:",
    fact_quoted: "“{quote}” in the {field}: {explanation}",
    more_facts: (
        "And {n} more place of the same kind, not quoted here: {explanation}",
        "And {n} more places of the same kind, not quoted here: {explanation}",
    ),
    ground: "This breaks “{heading}” ({title}, version {version}): {url}",
    fully: "Our moderation software detected this content and took this decision automatically; no person reviewed it before the decision.",
    partially: "Our moderation software detected this content; a moderator reviewed it and took this decision.",
    flagged: "Our moderation software flagged this content for review; a moderator took this decision.",
    by_person: "A moderator found this content and took this decision without automated means.",
    appeal: "You can appeal this decision free of charge until {deadline}: {url}. Your appeal is decided by a person who did not take this decision.",
    appeal_within: "We decide appeals within {limit} of receiving them: {url}",
    appeal_no_limit: "Version {version} of our dispute policy, which applies to this decision, states no time within which appeals are decided: {url}",
    appeal_open: "You can appeal this decision free of charge through our complaints procedure: {url}",
    out_of_court: "You may also refer the dispute to a certified out-of-court dispute settlement body: {url}",
    courts: "You always keep the right to go to court.",
    upheld_subject: "Your appeal was not successful",
    upheld: "On {date} a moderator who did not take the original decision reviewed your appeal of {received} and upheld the decision of {original}: your {kind} is not published.",
    upheld_edited: "On {date} a moderator who did not take the original decision reviewed your appeal of {received} and upheld the decision of {original}: your {kind} stays published with the changes shown.",
    reversed_subject: "Your appeal was successful",
    reversed: "On {date} a moderator who did not take the original decision reviewed your appeal of {received} and reversed the decision of {original}: your {kind} is published.",
    reversed_edited: "On {date} a moderator who did not take the original decision reviewed your appeal of {received} and reversed the decision of {original}: your {kind} is published with the changes shown.",
    changes: "What we changed:",
    change_removed: "“{removed}” was removed from the {field}.",
    change_replaced: "“{removed}” in the {field} was replaced by “{inserted}”.",
    change_inserted: "“{inserted}” was added to the {field}.",
    edit_ground: "The changes apply “{heading}” ({title}, version {version}): {url}",
    internal_end: "This decision ends our internal complaint procedure.",
    lifted_subject: "The decision not to publish your {kind} was reversed",
    lifted_edit_subject: "The changes to your {kind} were reversed",
    lifted_on_appeal: "On {date}, on your appeal of {received}, this decision was reversed: your {kind} is published and the restriction no longer applies.",
    lifted: "On {date} a moderator reversed this decision: your {kind} is published and the restriction no longer applies.",
    amended_subject: "The decision on your {kind} was changed on appeal",
    amended_on_appeal: "On {date}, on your appeal of {received}, this decision was changed: your {kind} is published with changes, which the statement of reasons of that decision ({id}) lists; that statement applies now.",
    upheld_since: "You appealed this decision on {received}; on {date} a person who did not take it upheld it. This ends our internal complaint procedure.",
    appealed_since: "You appealed this decision on {received}; a person who did not take it is deciding your appeal.",
    replaced_since: "On {date} a later decision ({id}) replaced this one; its own statement of reasons applies.",
    units: [
        ("hour", "hours"),
        ("day", "days"),
        ("month", "months"),
        ("working hour", "working hours"),
        ("working day", "working days"),
    ],
};

const FR: Phrases = Phrases {
    lang: "fr",
    kinds: ["avis", "question", "réponse"],
    fields: ["titre", "texte"],
    restricted_subject: "Nous n'avons pas publié votre {kind}",
    restricted: "Le {date}, nous avons décidé de ne pas publier votre {kind} du {submitted}.",
    edited_subject: "Nous avons publié votre {kind} avec des modifications",
    edited: "Le {date}, nous avons publié votre {kind} du {submitted} en retirant ou en modifiant des passages qui enfreignent nos règles ; le reste est publié tel que vous l'avez écrit.",
    found: "Ce que nous avons constaté :",
    fact_quoted: "« {quote} » dans le {field} : {explanation}",
    more_facts: (
        "Et {n} autre passage du même type, non cité ici : {explanation}",
        "Et {n} autres passages du même type, non cités ici : {explanation}",
    ),
    ground: "Cela enfreint « {heading} » ({title}, version {version}) : {url}",
    fully: "Notre logiciel de modération a détecté ce contenu et a pris cette décision automatiquement, sans examen préalable par une personne.",
    partially: "Notre logiciel de modération a détecté ce contenu ; un modérateur l'a examiné et a pris cette décision.",
    flagged: "Notre logiciel de modération a signalé ce contenu pour examen ; un modérateur a pris cette décision.",
    by_person: "Un modérateur a relevé ce contenu et a pris cette décision sans moyens automatisés.",
    appeal: "Vous pouvez former gratuitement un recours contre cette décision jusqu'au {deadline} : {url}. Votre recours est tranché par une personne qui n'a pas pris cette décision.",
    appeal_within: "Nous statuons sur les recours dans un délai de {limit} à compter de leur réception : {url}",
    appeal_no_limit: "La version {version} de notre politique de réclamations, qui s'applique à cette décision, ne fixe aucun délai pour statuer sur les recours : {url}",
    appeal_open: "Vous pouvez former gratuitement un recours contre cette décision par notre procédure de réclamation : {url}",
    out_of_court: "Vous pouvez aussi soumettre le litige à un organisme agréé de règlement extrajudiciaire des litiges : {url}",
    courts: "Vous conservez dans tous les cas le droit de saisir le juge.",
    upheld_subject: "Votre recours n'a pas abouti",
    upheld: "Le {date}, un modérateur qui n'avait pas pris la décision initiale a examiné votre recours du {received} et a confirmé la décision du {original} : nous ne publions pas votre {kind}.",
    upheld_edited: "Le {date}, un modérateur qui n'avait pas pris la décision initiale a examiné votre recours du {received} et a confirmé la décision du {original} : nous continuons de publier votre {kind} avec les modifications indiquées.",
    reversed_subject: "Votre recours a abouti",
    reversed: "Le {date}, un modérateur qui n'avait pas pris la décision initiale a examiné votre recours du {received} et a annulé la décision du {original} : nous publions votre {kind}.",
    reversed_edited: "Le {date}, un modérateur qui n'avait pas pris la décision initiale a examiné votre recours du {received} et a annulé la décision du {original} : nous publions votre {kind} avec les modifications indiquées.",
    changes: "Ce que nous avons modifié :",
    change_removed: "« {removed} » a été retiré du {field}.",
    change_replaced: "« {removed} » dans le {field} a été remplacé par « {inserted} ».",
    change_inserted: "« {inserted} » a été ajouté au {field}.",
    edit_ground: "Les modifications appliquent « {heading} » ({title}, version {version}) : {url}",
    internal_end: "Cette décision met fin à notre procédure interne de traitement des réclamations.",
    lifted_subject: "La décision de ne pas publier votre {kind} a été annulée",
    lifted_edit_subject: "Les modifications de votre {kind} ont été annulées",
    lifted_on_appeal: "Le {date}, sur votre recours du {received}, cette décision a été annulée : nous publions votre {kind} et la restriction ne s'applique plus.",
    lifted: "Le {date}, un modérateur a annulé cette décision : nous publions votre {kind} et la restriction ne s'applique plus.",
    amended_subject: "La décision concernant votre {kind} a été modifiée sur recours",
    amended_on_appeal: "Le {date}, sur votre recours du {received}, cette décision a été modifiée : nous publions votre {kind} avec des modifications, que l'exposé des motifs de cette décision ({id}) énumère ; c'est cet exposé qui s'applique désormais.",
    upheld_since: "Vous avez formé un recours contre cette décision le {received} ; le {date}, une personne qui ne l'avait pas prise l'a confirmée. Cela met fin à notre procédure interne de traitement des réclamations.",
    appealed_since: "Vous avez formé un recours contre cette décision le {received} ; une personne qui ne l'a pas prise statue sur votre recours.",
    replaced_since: "Le {date}, une décision ultérieure ({id}) a remplacé celle-ci ; c'est son propre exposé des motifs qui s'applique.",
    units: [
        ("heure", "heures"),
        ("jour", "jours"),
        ("mois", "mois"),
        ("heure ouvrable", "heures ouvrables"),
        ("jour ouvrable", "jours ouvrables"),
    ],
};

const DE: Phrases = Phrases {
    lang: "de",
    kinds: ["Bewertung", "Frage", "Antwort"],
    fields: ["Titel", "Text"],
    restricted_subject: "Ihre {kind} wurde nicht veröffentlicht",
    restricted: "Am {date} haben wir entschieden, Ihre {kind} vom {submitted} nicht zu veröffentlichen.",
    edited_subject: "Ihre {kind} wurde mit Änderungen veröffentlicht",
    edited: "Am {date} haben wir Ihre {kind} vom {submitted} veröffentlicht und dabei Stellen entfernt oder geändert, die gegen unsere Regeln verstoßen; der Rest erscheint so, wie Sie ihn geschrieben haben.",
    found: "Was wir festgestellt haben:",
    fact_quoted: "„{quote}“ im {field}: {explanation}",
    more_facts: (
        "Und {n} weitere Stelle dieser Art, hier nicht zitiert: {explanation}",
        "Und {n} weitere Stellen dieser Art, hier nicht zitiert: {explanation}",
    ),
    ground: "Das verstößt gegen „{heading}“ ({title}, Fassung {version}): {url}",
    fully: "Unsere Moderationssoftware hat diesen Inhalt erkannt und diese Entscheidung automatisch getroffen; niemand hat ihn vor der Entscheidung geprüft.",
    partially: "Unsere Moderationssoftware hat diesen Inhalt erkannt; eine Moderatorin oder ein Moderator hat ihn geprüft und diese Entscheidung getroffen.",
    flagged: "Unsere Moderationssoftware hat diesen Inhalt zur Prüfung markiert; eine Moderatorin oder ein Moderator hat diese Entscheidung getroffen.",
    by_person: "Eine Moderatorin oder ein Moderator hat diesen Inhalt ohne automatisierte Mittel gefunden und diese Entscheidung getroffen.",
    appeal: "Sie können bis {deadline} kostenlos Einspruch gegen diese Entscheidung einlegen: {url}. Über Ihren Einspruch entscheidet eine Person, die diese Entscheidung nicht getroffen hat.",
    appeal_within: "Wir entscheiden über Einsprüche innerhalb von {limit} nach ihrem Eingang: {url}",
    appeal_no_limit: "Version {version} unserer Beschwerderichtlinie, die für diese Entscheidung gilt, nennt keine Frist für die Entscheidung über Einsprüche: {url}",
    appeal_open: "Sie können über unser Beschwerdeverfahren kostenlos Einspruch gegen diese Entscheidung einlegen: {url}",
    out_of_court: "Sie können den Streit auch einer zugelassenen außergerichtlichen Streitbeilegungsstelle vorlegen: {url}",
    courts: "Ihr Recht, ein Gericht anzurufen, bleibt in jedem Fall bestehen.",
    upheld_subject: "Ihr Einspruch war nicht erfolgreich",
    upheld: "Am {date} hat eine Person, die die ursprüngliche Entscheidung nicht getroffen hatte, Ihren Einspruch vom {received} geprüft und die Entscheidung vom {original} bestätigt: Ihre {kind} wird nicht veröffentlicht.",
    upheld_edited: "Am {date} hat eine Person, die die ursprüngliche Entscheidung nicht getroffen hatte, Ihren Einspruch vom {received} geprüft und die Entscheidung vom {original} bestätigt: Ihre {kind} bleibt mit den angegebenen Änderungen veröffentlicht.",
    reversed_subject: "Ihr Einspruch war erfolgreich",
    reversed: "Am {date} hat eine Person, die die ursprüngliche Entscheidung nicht getroffen hatte, Ihren Einspruch vom {received} geprüft und die Entscheidung vom {original} aufgehoben: Ihre {kind} wird veröffentlicht.",
    reversed_edited: "Am {date} hat eine Person, die die ursprüngliche Entscheidung nicht getroffen hatte, Ihren Einspruch vom {received} geprüft und die Entscheidung vom {original} aufgehoben: Ihre {kind} wird mit den angegebenen Änderungen veröffentlicht.",
    changes: "Was wir geändert haben:",
    change_removed: "„{removed}“ wurde aus dem {field} entfernt.",
    change_replaced: "„{removed}“ im {field} wurde durch „{inserted}“ ersetzt.",
    change_inserted: "„{inserted}“ wurde dem {field} hinzugefügt.",
    edit_ground: "Die Änderungen setzen „{heading}“ ({title}, Fassung {version}) um: {url}",
    internal_end: "Mit dieser Entscheidung endet unser internes Beschwerdeverfahren.",
    lifted_subject: "Die Entscheidung, Ihre {kind} nicht zu veröffentlichen, wurde aufgehoben",
    lifted_edit_subject: "Die Änderungen an Ihrer {kind} wurden aufgehoben",
    lifted_on_appeal: "Am {date} wurde diese Entscheidung auf Ihren Einspruch vom {received} hin aufgehoben: Ihre {kind} wird veröffentlicht, die Beschränkung gilt nicht mehr.",
    lifted: "Am {date} hat eine Moderatorin oder ein Moderator diese Entscheidung aufgehoben: Ihre {kind} wird veröffentlicht, die Beschränkung gilt nicht mehr.",
    amended_subject: "Die Entscheidung über Ihre {kind} wurde auf Einspruch geändert",
    amended_on_appeal: "Am {date} wurde diese Entscheidung auf Ihren Einspruch vom {received} hin geändert: Ihre {kind} wird mit Änderungen veröffentlicht, die die Begründung dieser Entscheidung ({id}) aufführt; es gilt nun diese Begründung.",
    upheld_since: "Sie haben am {received} Einspruch gegen diese Entscheidung eingelegt; am {date} hat eine Person, die sie nicht getroffen hatte, sie bestätigt. Damit endet unser internes Beschwerdeverfahren.",
    appealed_since: "Sie haben am {received} Einspruch gegen diese Entscheidung eingelegt; eine Person, die sie nicht getroffen hat, entscheidet über Ihren Einspruch.",
    replaced_since: "Am {date} hat eine spätere Entscheidung ({id}) diese ersetzt; es gilt deren eigene Begründung.",
    units: [
        ("Stunde", "Stunden"),
        ("Tag", "Tagen"),
        ("Monat", "Monaten"),
        ("Arbeitsstunde", "Arbeitsstunden"),
        ("Arbeitstag", "Arbeitstagen"),
    ],
};

const FA: Phrases = Phrases {
    lang: "fa",
    kinds: ["نظر", "پرسش", "پاسخ"],
    fields: ["عنوان", "متن"],
    restricted_subject: "{kind} شما منتشر نشد",
    restricted: "در {date} تصمیم گرفتیم {kind} شما را که در {submitted} فرستاده بودید منتشر نکنیم.",
    edited_subject: "{kind} شما با تغییر منتشر شد",
    edited: "در {date} {kind} شما را که در {submitted} فرستاده بودید منتشر کردیم، اما بخش‌هایی از آن را که با قوانین ما مغایرت داشت حذف یا اصلاح کردیم؛ باقی آن همان‌گونه که نوشته بودید منتشر شد.",
    found: "آنچه یافتیم:",
    fact_quoted: "«{quote}» در {field}: {explanation}",
    more_facts: (
        "و {n} مورد دیگر از همین نوع که اینجا نقل نشده است: {explanation}",
        "و {n} مورد دیگر از همین نوع که اینجا نقل نشده است: {explanation}",
    ),
    ground: "این محتوا با «{heading}» در {title} (نسخهٔ {version}) مغایرت دارد: {url}",
    fully: "نرم‌افزار بررسی محتوای ما این محتوا را شناسایی کرد و این تصمیم را به‌طور خودکار گرفت؛ پیش از تصمیم کسی آن را بررسی نکرد.",
    partially: "نرم‌افزار بررسی محتوای ما این محتوا را شناسایی کرد و یکی از کارشناسان آن را بررسی کرد و این تصمیم را گرفت.",
    flagged: "نرم‌افزار بررسی محتوای ما این محتوا را برای بررسی علامت زد و یکی از کارشناسان این تصمیم را گرفت.",
    by_person: "یکی از کارشناسان ما بدون ابزار خودکار این محتوا را یافت و این تصمیم را گرفت.",
    appeal: "می‌توانید تا {deadline} به‌رایگان به این تصمیم اعتراض کنید: {url}. به اعتراض شما کسی رسیدگی می‌کند که این تصمیم را نگرفته است.",
    appeal_within: "دربارهٔ هر اعتراض ظرف {limit} پس از دریافت آن تصمیم می‌گیریم: {url}",
    appeal_no_limit: "نسخهٔ {version} سیاست رسیدگی به شکایت ما که بر این تصمیم حاکم است، مهلتی برای تصمیم‌گیری دربارهٔ اعتراض‌ها تعیین نکرده است: {url}",
    appeal_open: "می‌توانید از راه روند رسیدگی به شکایت به‌رایگان به این تصمیم اعتراض کنید: {url}",
    out_of_court: "همچنین می‌توانید اختلاف را به یک مرجع معتبر حل اختلاف خارج از دادگاه ارجاع دهید: {url}",
    courts: "حق مراجعه به دادگاه همواره برای شما محفوظ است.",
    upheld_subject: "اعتراض شما پذیرفته نشد",
    upheld: "در {date} کارشناسی که تصمیم نخست را نگرفته بود اعتراض {received} شما را بررسی کرد و تصمیم {original} را تأیید کرد: {kind} شما منتشر نمی‌شود.",
    upheld_edited: "در {date} کارشناسی که تصمیم نخست را نگرفته بود اعتراض {received} شما را بررسی کرد و تصمیم {original} را تأیید کرد: {kind} شما با ویرایشی که نشان داده شده منتشر می‌ماند.",
    reversed_subject: "اعتراض شما پذیرفته شد",
    reversed: "در {date} کارشناسی که تصمیم نخست را نگرفته بود اعتراض {received} شما را بررسی کرد و تصمیم {original} را لغو کرد: {kind} شما منتشر می‌شود.",
    reversed_edited: "در {date} کارشناسی که تصمیم نخست را نگرفته بود اعتراض {received} شما را بررسی کرد و تصمیم {original} را لغو کرد: {kind} شما با ویرایشی که نشان داده شده منتشر می‌شود.",
    changes: "آنچه تغییر دادیم:",
    change_removed: "«{removed}» از {field} حذف شد.",
    change_replaced: "«{removed}» در {field} با «{inserted}» جایگزین شد.",
    change_inserted: "«{inserted}» به {field} افزوده شد.",
    edit_ground: "این تغییرها بر پایهٔ «{heading}» در {title} (نسخهٔ {version}) انجام شد: {url}",
    internal_end: "با این تصمیم روند رسیدگی داخلی ما به پایان می‌رسد.",
    lifted_subject: "تصمیم به منتشر نکردن {kind} شما لغو شد",
    lifted_edit_subject: "ویرایش {kind} شما لغو شد",
    lifted_on_appeal: "در {date} در پی اعتراض {received} شما این تصمیم لغو شد: {kind} شما منتشر می‌شود و این محدودیت دیگر برقرار نیست.",
    lifted: "در {date} یکی از کارشناسان این تصمیم را لغو کرد: {kind} شما منتشر می‌شود و این محدودیت دیگر برقرار نیست.",
    amended_subject: "تصمیم دربارهٔ {kind} شما در پی اعتراض تغییر کرد",
    amended_on_appeal: "در {date} در پی اعتراض {received} شما این تصمیم تغییر کرد: {kind} شما با تغییرهایی منتشر می‌شود که بیانیهٔ دلایل آن تصمیم ({id}) فهرست کرده است؛ اکنون همان بیانیه معتبر است.",
    upheld_since: "شما در {received} به این تصمیم اعتراض کردید؛ در {date} کسی که این تصمیم را نگرفته بود آن را تأیید کرد. با این تصمیم روند رسیدگی داخلی ما به پایان رسیده است.",
    appealed_since: "شما در {received} به این تصمیم اعتراض کردید؛ کسی که این تصمیم را نگرفته است به اعتراض شما رسیدگی می‌کند.",
    replaced_since: "در {date} تصمیم دیگری ({id}) جای این تصمیم را گرفت؛ بیانیهٔ دلایل همان تصمیم معتبر است.",
    units: [
        ("ساعت", "ساعت"),
        ("روز", "روز"),
        ("ماه", "ماه"),
        ("ساعت کاری", "ساعت کاری"),
        ("روز کاری", "روز کاری"),
    ],
};

impl Phrases {
    /// The sentences of `lang`, English for a language without its own.
    pub fn of(lang: &str) -> &'static Phrases {
        match lang {
            "fa" => &FA,
            "fr" => &FR,
            "de" => &DE,
            _ => &EN,
        }
    }

    /// "N units" as it follows "within" in this language (Persian digits for `fa`).
    pub fn amount(&self, n: u32, unit: Unit) -> String {
        let (one, many) = self.units[match unit {
            Unit::Hours => 0,
            Unit::Days => 1,
            Unit::Months => 2,
            Unit::WorkingHours => 3,
            Unit::WorkingDays => 4,
        }];
        let text = format!("{n} {}", if n == 1 { one } else { many });
        if self.lang == "fa" {
            persian_digits(&text)
        } else {
            text
        }
    }
}

/// `template` with every `{name}` replaced by its value.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
