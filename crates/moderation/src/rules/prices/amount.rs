use crate::cue::{CueMatch, CueSet, Reach, near};
use crate::lexicon::Lexicon;
use crate::numbers::{NumberChunk, NumberWords};
use crate::phrase::PhraseSet;
use crate::rules::prelude::*;
use crate::rules::prices::verbs_fa::{Deal, verb_at};
use crate::text::{Word, skeleton_key};

declare_rule! {
    /// ## What it flags
    /// A money amount: a number in digits or words with a currency or price unit
    /// (`۲۵۰ هزار تومن`, `۳ میلیون`, `دویست و پنجاه تومان`, `۲۵۰ت`, `$40`, `40 €`, `25 euros`,
    /// `250k`, `25,-`; slang units: `۳۰۰ چوق`, `۳۰۰ توم`, `۲۵۰ تمن`, `20 quid`, `25 Mäuse`; a
    /// Persian number word glued to a currency word, `سیصدتومنی`, `سی‌تومن`), or a price word right
    /// before a number (`قیمتش ۲۵۰`, `به قیمت ۱۹۰`). `K` and `م` right after a number are
    /// thousand and million (`300 K خریدم`, `۳ م خریدم`, `۴۵۰ کا گرفتم`), but `م` within three
    /// words of a word of length or of goods sold by the metre (`length-words.fa.txt`) is
    /// metres (`کابلش ۱۰م طول داره`, `شیلنگ ۱۵م`) unless a currency follows it; a currency code
    /// glued to the digits (`USD20`, `20eur`) is money. A banknote's slang name (`<TAB>note` in
    /// the currency lexicon: `tenner`, `fiver`, `Fuffi`, `Hunni`) is an amount by itself after
    /// `for`/`für`/`pour` or in a field that speaks of money.
    ///
    /// ## Why
    /// Terms: never state the price in a review or question; prices change and the product
    /// page has a price chart.
    ///
    /// A round number of hundreds in words with the adjective ending `ی` (`سیصدی خریدم`,
    /// `یه گوشی دویستی`, `پونصدیه`: "a three-hundred one", thousands of toman left unsaid) is a
    /// price too; `صدی` ("per cent") is not. So is a number of three digits or more right
    /// before a verb of paying or buying (`۲۵۰ دادم`, "I paid 250", `۲۵۰ پرداخت کردم`, `۲۵۰
    /// پرداخت شد`, `۲۵۰ خریدم`, also with the object marker: `۲۵۰ رو پرداخت کردم`), but not
    /// after a word of a score (`امتیاز ۱۰۰ دادم`, `بهش ۲۰۰ دادم`), a word naming the number
    /// (`مدل ۵۰۰ خریدم`, `قسط ۱۲۰ رو پرداخت کردم`, `رمز ۴۳۲۱ رو دادم`) nor a year (`سال ۱۴۰۲
    /// دادم به تعمیر`); and one right after a verb of paying or buying that ends its clause
    /// (`پرداخت کردم ۲۵۰`, `خریدمش ۴۸۰، گرونه`, `پرداخت کردم ۲۵۰ تا`, `پرداخت کردم حدود ۲۵۰`;
    /// not `پرداخت کردم ۱۰ روز بعد`, `پرداخت کردم ۱۰۰ درصد راضیم`, `خریدم ۱۲۸`). Verbs of
    /// paying, buying and costing are read by their stems and the endings of person, tense and
    /// object (`verbs_fa.rs`: `۲۵۰ خریده بودم`, `الان ۲۵۰ میخرید`, `۲۵۰ گرفتیمش`) and as a noun
    /// with a light verb, formal or joined (`پرداخت نمودم`, `پرداخت گردید`, `واریز کردم`, `خرید
    /// کردم`, `پرداخت‌کردم`, `کارت کشیدم`, `کارت به کارت کردم`, `حساب کردم`); verbs of
    /// costing (`۲۵۰ دراومد`, `۲۵۰ تموم شد`, `۲۵۰ میفته`, `برام ۲۵۰ آب خورد`, `۲۵۰ ازم
    /// گرفتن`) and a price word saying the amount before it is the price (`۲۵۰ قیمتشه`, `۲۵۰
    /// قیمتش بود`) are read like verbs of buying, the number naming the subject after a noun
    /// (`پژو ۲۰۸ دراومد`, `سری ۴۰۰ قیمتش بالاست`). Verbs that also say counting, measuring or ending
    /// (weak: `حساب کردم`, `خرج کردم`, `کارت کشیدم`, `پیاده شدم`, `دراومد`, `تموم شد`, `آب خورد`,
    /// `میفته`) and `دادم` to someone need more. Before such a verb of paying the number stands where
    /// the price of a purchase would (after a day only in a field that speaks of money), not before
    /// `تا` nor within three words of a word of a score or a measure (`score-words.fa.txt`,
    /// `measure-words.fa.txt`): not `از خط ۱۴۲ پیاده شدم`, `هفته‌ای ۳۰۰ کارت می‌کشیم`, `ساعتش دیروز
    /// ۹۲۰۰ تا حساب کرد`, `۳۶۰ رو حساب کردم`, `ولتاژ ۲۳۰ بهش دادم`. Such a verb of costing needs the
    /// buyer (`۴۳۰ دراومد برام`) or a field that speaks of money (a price word, a currency, a word of
    /// buying or shops of `shopping.fa.txt`) with no word of a score or a measure near: not `فشارمو
    /// گرفتم، ۱۳۰ دراومد`, `رمانش رو شروع کردم، ۳۲۰ تموم شد`. Thousands before one are no price near
    /// such a word (`آنتوتوش ۷۵۰ هزار دراومد`), nor millions a few words after a word of a score in
    /// their clause (`آنتوتوش ۱ میلیون`). Thousands right after a product sized in thousands
    /// (`capacity-words.fa.txt`), fewer than 100 of them, or right after a word of a score are a
    /// size or a score before any verb and with `هزاری` (`پاوربانک ۱۰ هزار گرفتم`, `باتری ۵
    /// هزاری`, `انتوتو ۸۰۰ هزار گرفتم`; not `پاوربانک رو ۸۰۰ هزار خریدم`, `پاوربانک ۱۰ هزار
    /// تومن`). A power of two from 128 to 2048 before a verb of buying or
    /// costing is a capacity (`ما ۲۵۶ خریدیم`). Before the verb may stand a word such as `هم`, `فقط`,
    /// `ناقابل` (`۲۵۰ رو هم پرداخت کردم`), the seller or the buyer
    /// (`۲۵۰ ازشون خریدم`, `۲۵۰ برام تموم شد`), the person paid after a number above 100
    /// (`۲۵۰ بهش دادم`; `بهش ۵ دادم` is a rating) and `تا` before a verb of paying (`۲۵۰ تا
    /// پرداخت کردم`; `۳۰۰ تا خریدم` is a count); thousands may come before it (`۲۵۰ هزار رو
    /// پرداخت کردم`, `۲۵۰ خ پرداخت کردم`, `۲۵۰ک خریدم`). A number with one decimal before a
    /// verb of buying or costing is a price in millions (`۲/۵ خریدم`; not `۴/۵ دادم`, a
    /// rating). In the other storefront languages, a bare number of two digits or
    /// more right after a verb of paying (`paid 250`, `payé 250`, `paid 1,250`), right before
    /// one (`250 bezahlt`, also with a few adverbs between: `habe 250 dafür bezahlt`), or right
    /// after `for`/`für`/`pour` before a verb of buying (`für 250 gekauft`), after a verb of
    /// getting (`got it for 250`, `je l'ai eu pour 250`) or in a field with a word of paying or
    /// buying (`bought it for 250, not worth it`) is a price when its clause ends there or goes
    /// on with a preposition or conjunction (`paid 250 for it`); hedges and object pronouns may
    /// stand between the verb or `for` and the number (`paid around 250`, `I paid like 250`,
    /// `It cost me 250`, `j'ai payé ça 250`). So is one after a phrasal verb of paying (`set
    /// me back 250`, `shelled out 250`, `forked over 250`) or a verb of selling (`on me l'a
    /// vendu 250`) when its clause ends there (also before `last week`, `yesterday`), one
    /// after a verb of spending and before `on` and the product (`dropped 300 on this`; not
    /// `dropped 100 on the floor`), one before a word of a sale (`60 on sale`, `95 en promo`)
    /// and one opening its clause before a copula and a word of paying or price (`75 is what
    /// we paid`, `90 was the price`). Not `spent 30 minutes`, `used it for 2 years`, `got it
    /// for 2 kids`, `paid 20% more`, nor a year (`paid 2023 taxes`).
    ///
    /// ## How it decides
    /// Currency words come from `lexicons/currency.fa.txt`, price words from
    /// `lexicons/price-words.fa.txt`. Talking about value without an amount
    /// (`ارزش خرید داره`, `نسبت به قیمتش خوبه`, `گرونه`) is allowed, and so are counts
    /// (`۵ هزار بار`, `۲۰ میلیون دانلود`, `۱۰۸ میلیون پیکسلی`: a word of
    /// `count-words.fa.txt`, also with `ی`, `ه` or `یه` joined), sizes (`۱۲۸ گیگ`) and years. An amount that names a banknote or a coin
    /// (`denominations.txt`: `سکه ۱۰۰۰ تومنی`, `اسکناس ۱۰۰ دلاری`, `20 dollar bills`,
    /// `pièces de 2 euros`) is no price, nor is a currency joined by a hyphen to the next word
    /// (`25 Euro-Paletten`, `Euro-Norm`) in a field without a word of paying, nor one or zero
    /// in words before a currency (`یک ریال هم نمی‌ارزه`, `ارزشش صفر ریال هم نیست`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "prices/amount", severity: Reject, fixable: false, params: ["currency", "price_words", "number_words", "count_words", "denominations", "length_words", "score_words", "measure_words", "shopping", "capacity_words"],
    pub(crate) struct Amount { currency: PhraseSet, slang: PhraseSet, notes: PhraseSet, price_words: PhraseSet, numbers: NumberWords, counts: PhraseSet, hundreds_priced: std::collections::HashSet<String>, glued: std::collections::HashSet<String>, denominations: PhraseSet, lengths: PhraseSet, scores: CueSet, measures: CueSet, shopping: CueSet, capacities: CueSet }
}

impl Amount {
    fn build(p: &Params<'_>) -> Result<Amount, String> {
        let numbers =
            NumberWords::from_lexicons(&p.lexicons("number_words", &["number-words.fa"])?)?;
        let currency = p.lexicons("currency", &["currency.fa"])?;
        // `سیصدی`, `سیصدیه`: 200 to 900 in one Persian word, with the adjective ending.
        let hundreds_priced = numbers
            .values()
            .filter(|&(w, v)| (200..1000).contains(&v) && v.is_multiple_of(100) && !w.is_ascii())
            .flat_map(|(w, _)| HUNDREDS_ENDINGS.iter().map(move |e| format!("{w}{e}")))
            .collect();
        // `سیصدتومنی`, `سی‌تومن` (ZWNJ dropped): a Persian number word glued to a Persian
        // currency word of three letters or more that is no number word itself; a scale glued
        // to one (`۵۰ هزارتومن`) is read with the number before it.
        let number_words: Vec<String> = numbers
            .values()
            .filter(|&(w, v)| (1..1000).contains(&v) && !w.is_ascii() && !w.contains(' '))
            .map(|(w, _)| skeleton_key(w))
            .collect();
        let glued = units(&currency, None)
            .iter()
            .flat_map(|l| l.entries.iter())
            .map(|e| skeleton_key(&e.text))
            .filter(|u| {
                !u.is_ascii()
                    && !u.contains(' ')
                    && u.chars().count() >= 3
                    && !numbers.values().any(|(w, _)| skeleton_key(w) == *u)
            })
            .flat_map(|u| number_words.iter().map(move |n| format!("{n}{u}")))
            .collect();
        Ok(Amount {
            glued,
            currency: PhraseSet::new(&units(&currency, None), false),
            slang: PhraseSet::new(&units(&currency, Some("slang")), false),
            notes: PhraseSet::new(&units(&currency, Some("note")), false),
            price_words: PhraseSet::new(p.lexicons("price_words", &["price-words.fa"])?, false),
            numbers,
            counts: PhraseSet::new(p.lexicons("count_words", &["count-words.fa"])?, false),
            hundreds_priced,
            denominations: PhraseSet::new(p.lexicons("denominations", &["denominations"])?, false),
            lengths: PhraseSet::new(p.lexicons("length_words", &["length-words.fa"])?, false),
            scores: CueSet::new(
                p.lexicons("score_words", &["score-words.fa"])?,
                Reach::Broad,
                1,
            )?,
            measures: CueSet::new(
                p.lexicons("measure_words", &["score-words.fa", "measure-words.fa"])?,
                Reach::Broad,
                1,
            )?,
            shopping: CueSet::new(p.lexicons("shopping", &["shopping.fa"])?, Reach::Broad, 1)?,
            capacities: CueSet::new(
                p.lexicons("capacity_words", &["capacity-words.fa"])?,
                Reach::Broad,
                1,
            )?,
        })
    }
}

/// The currency entries of `lexicons` with the tag `tag` (`slang`, `note`), or untagged.
fn units(lexicons: &[&Lexicon], tag: Option<&str>) -> Vec<Lexicon> {
    lexicons
        .iter()
        .map(|l| Lexicon {
            path: l.path.clone(),
            entries: l
                .entries
                .iter()
                .filter(|e| e.value.as_deref() == tag)
                .cloned()
                .collect(),
        })
        .collect()
}

/// Words of paying or costing: with one of them in the field, a slang unit that is also an
/// ordinary noun (`Mäuse`, `balles`) is money.
const PAYING: &[&str] = &[
    "paid",
    "pay",
    "paying",
    "cost",
    "costs",
    "bought",
    "buy",
    "price",
    "priced",
    "spent",
    "bezahlt",
    "gezahlt",
    "zahlen",
    "kostet",
    "kosten",
    "gekostet",
    "gekauft",
    "kaufen",
    "preis",
    "ausgegeben",
    "paye",
    "payer",
    "payé",
    "coute",
    "couté",
    "coûte",
    "coûté",
    "achete",
    "acheté",
    "acheter",
    "prix",
    "depense",
    "dépensé",
];

/// Whether a word of `ws` speaks of paying, costing or buying.
fn pays(sk: &str, ws: &[Word]) -> bool {
    ws.iter().any(|w| {
        let t = w.text(sk);
        PAYING.contains(&t) || PURCHASE_VERBS.contains(&t)
    })
}

/// Words right before an amount that make it a price: `für 40 Mäuse`, `pour vingt balles`.
const FOR: &[&str] = &["for", "für", "fur", "pour", "à"];

/// Endings that make a Persian number of hundreds an adjective of price (`سیصدی`, `سیصدیه`).
const HUNDREDS_ENDINGS: &[&str] = &["ی", "یه"];

/// Verbs of buying: `۱۵۰ هزار خریدم` states what was paid.
const PURCHASE_VERBS: &[&str] = &[
    "خریدم",
    "خریدیم",
    "خریدمش",
    "گرفتم",
    "گرفتمش",
    "گرفتیم",
    "دادم",
    "پرداختم",
    "خریده",
    "خریدن",
];

/// Hedges of a Persian amount, wherever it stands: after a verb of paying (`پرداخت کردم حدود
/// ۲۵۰`), opening the price of a purchase (`اینو فقط ۲۵۰ خریدم`) and between the amount and
/// its verb (`۲۵۰ فقط پرداخت کردم`). Words are matched on the skeleton, which holds no tanwin
/// (`حدوداً` reads `حدودا`).
const HEDGES_FA: &[&str] = &[
    "حدود",
    "حدودا",
    "تقریبا",
    "فقط",
    "دقیقا",
    "کلا",
    "نهایتا",
    "تنها",
];

/// Words that may stand between a bare amount (and its object marker) and a verb of paying
/// or costing besides the hedges of [`HEDGES_FA`]: `۲۵۰ رو هم پرداخت کردم`, `۲۵۰ ناقابل
/// پرداخت کردم`, `۲۵۰ پول دادم`.
const PAID_FILLERS_FA: &[&str] = &["هم", "ناقابل", "پول"];

/// The person paid, between a bare amount of more than 100 (the top of a rating scale) and
/// a verb of paying: `۲۵۰ بهش دادم` ("I paid him 250"; `بهش ۵ دادم` is a rating),
/// `۲۵۰ براش دادم`.
const RECIPIENTS_FA: &[&str] = &[
    "بهش",
    "بهشون",
    "بهت",
    "بهتون",
    "براش",
    "براشون",
    "واسش",
    "واسشون",
    "بهشان",
];

/// The seller, between a bare amount and a verb of paying, buying or costing: `۲۵۰ ازشون
/// خریدم`.
const SELLERS_FA: &[&str] = &["ازشون", "ازش", "ازتون", "ازت"];

/// The buyer, before a bare amount or between it and a verb of paying, buying or costing:
/// `برام ۲۵۰ آب خورد`, `۲۵۰ برام تموم شد`.
const BUYERS_FA: &[&str] = &["برام", "برامون", "برامان", "واسم", "واسمون"];

/// A price word with the copula joined, after a bare amount: `۲۵۰ قیمتشه` ("250 is its
/// price").
const PRICE_IS_FA: &[&str] = &["قیمتشه", "قیمتشونه", "هزینشه", "هزینشونه"];

/// Verbs after a price word that say the amount before it is the price: `۲۵۰ قیمتش بود`,
/// `۲۵۰ قیمت خورده`.
const PRICE_COPULAS_FA: &[&str] = &["بود", "است", "هست", "بوده", "شد", "شده", "خورده", "خورد"];

/// Words before a bare number that name what it is (a model, a size, a page, an instalment):
/// `مدل ۵۰۰ خریدم`, `سایز ۴۲۰ خریدم` are no amounts.
const NAMING_WORDS: &[&str] = &[
    "مدل",
    "سایز",
    "سری",
    "نسخه",
    "ورژن",
    "شماره",
    "کد",
    "قسط",
    "صفحه",
    "پلاک",
    "اندازه",
    "سایزش",
    "مدلش",
    "رمز",
    "رمزش",
    "پین",
    "پسورد",
];

/// Persian conjunctions that end the clause of an amount after its verb: `پرداخت کردم ۳۸۰ ولی
/// ارزش نداشت`.
const CLAUSE_JOINERS_FA: &[&str] = &["و", "ولی", "اما", "که", "منتها", "ولیکن"];

/// Words that may stand between a verb of paying (or `for`) and a bare amount: hedges (`paid
/// around 250`, `I paid like 250`, `payé environ 250`, `etwa 250`), the person paying in an
/// object pronoun (`It cost me 250`) and an object demonstrative (`j'ai payé ça 250`). At most
/// three of them, parted by spaces only.
const AMOUNT_HEDGES: &[&str] = &[
    "maybe",
    "perhaps",
    "something",
    "dans",
    "les",
    "around",
    "about",
    "like",
    "roughly",
    "approximately",
    "approx",
    "nearly",
    "almost",
    "just",
    "only",
    "over",
    "under",
    "exactly",
    "some",
    "me",
    "us",
    "him",
    "her",
    "them",
    "environ",
    "seulement",
    "presque",
    "juste",
    "que",
    "ça",
    "ca",
    "cela",
    "plus",
    "moins",
    "de",
    "à",
    "a",
    "peu",
    "près",
    "pres",
    "ungefähr",
    "ungefahr",
    "etwa",
    "circa",
    "knapp",
    "fast",
    "rund",
    "nur",
    "mir",
    "uns",
    "schlappe",
];

/// Words that may stand between a bare amount and a verb of paying after it: `habe 250 dafür
/// bezahlt`, `300 damals gezahlt`.
const AMOUNT_BETWEEN: &[&str] = &[
    "dafür",
    "dafur",
    "damals",
    "insgesamt",
    "schon",
    "nur",
    "auch",
    "dann",
    "dort",
    "da",
    "extra",
    "mal",
    "letztlich",
    "zusammen",
    "ja",
];

/// Verbs of getting before `for`/`pour`/`für` and a bare amount (`got it for 250`, `je l'ai eu
/// pour 250`, `für 250 bekommen`): what was paid, like a verb of buying.
const GOT_WORDS: &[&str] = &[
    "pris",
    "got",
    "get",
    "gotten",
    "grabbed",
    "snagged",
    "scored",
    "picked",
    "eu",
    "obtenu",
    "trouvé",
    "trouve",
    "bekommen",
    "gekriegt",
    "ergattert",
    "erstanden",
];

/// Verbs of paying or costing in the languages of the other storefronts, around a bare
/// number: `paid 250`, `payé 250`, `250 bezahlt`.
const PAID_WORDS: &[&str] = &[
    "paid",
    "spent",
    "bezahlt",
    "gezahlt",
    "ausgegeben",
    "gekostet",
    "paye",
    "payé",
    "depense",
    "dépensé",
    "coute",
    "couté",
    "coûte",
    "coûté",
    "cost",
    "costs",
    "charged",
    "acheté",
    "achete",
    "déboursé",
    "debourse",
    "hingeblättert",
    "hingelegt",
];

/// Words that may follow an amount in its clause: `paid 250 for it`, `für 250 bei …`,
/// `paid 250 last week`.
const AFTER_AMOUNT: &[&str] = &[
    "for",
    "and",
    "but",
    "on",
    "at",
    "from",
    "für",
    "und",
    "aber",
    "bei",
    "im",
    "pour",
    "et",
    "mais",
    "chez",
    "sur",
    "au",
    "cash",
    "upfront",
    "total",
    "en",
    "or",
    "last",
    "yesterday",
    "today",
];

/// Verbs of selling, before the amount only: `on me l'a vendu 250` (`250 vendus` counts what
/// was sold).
const SOLD_WORDS: &[&str] = &["vendu", "vendue", "vendus", "vendues"];

/// Particles that make a verb of paying of the verbs before them, an object pronoun perhaps
/// between: `set me back 250`, `shelled out 250`, `coughed up 250`, `forked over 250` (where
/// `over`, also a hedge, follows the verb).
const PAID_PARTICLES: &[(&str, &[&str])] = &[
    ("back", &["set", "sets", "setting"]),
    (
        "out",
        &[
            "shelled", "shell", "shelling", "forked", "fork", "splashed", "laid",
        ],
    ),
    ("up", &["coughed", "cough", "ponied"]),
    ("over", &["forked", "fork", "handed", "shelled"]),
];

/// Object pronouns between a verb and its particle: `set me back`.
const PARTICLE_OBJECTS: &[&str] = &["me", "us", "you", "him", "her", "them", "it"];

/// Whether word `k`, right before an amount or its hedges, ends a phrasal verb of paying
/// (`set me back`, `shelled out`), or is a verb whose particle `over` the hedges hold
/// (`forked over 250`).
fn phrasal_paid(sk: &str, ws: &[Word], k: usize) -> bool {
    let text = |j: usize| ws.get(j).map_or("", |w| w.text(sk));
    let verb_of = |particle: &str, verb: &str| {
        PAID_PARTICLES
            .iter()
            .any(|(p, verbs)| *p == particle && verbs.contains(&verb))
    };
    let Some(j) = k.checked_sub(1) else {
        return verb_of("over", text(k)) && text(k + 1) == "over";
    };
    let verb = if PARTICLE_OBJECTS.contains(&text(j)) && j > 0 {
        text(j - 1)
    } else {
        text(j)
    };
    verb_of(text(k), verb) || (verb_of("over", text(k)) && text(k + 1) == "over")
}

/// Where the phrasal verb of paying ending at word `k` starts (`set` of `set me back`).
fn phrasal_start(sk: &str, ws: &[Word], k: usize) -> usize {
    let text = |j: usize| ws[j].text(sk);
    let Some(j) = k.checked_sub(1).filter(|_| {
        PAID_PARTICLES
            .iter()
            .any(|(p, _)| *p == text(k) && *p != "over")
    }) else {
        return ws[k].start;
    };
    if PARTICLE_OBJECTS.contains(&text(j)) && j > 0 {
        ws[j - 1].start
    } else {
        ws[j].start
    }
}

/// Verbs of spending before an amount and `on` what it was spent on: `dropped 300 on this`.
const SPENT_WORDS: &[&str] = &["dropped", "blew", "spent", "dumped"];

/// What an amount was spent on, after `on`: a demonstrative or pronoun for the product (`on
/// this`, `on it`); `dropped 100 on the floor` is no amount.
const SPENT_ON: &[&str] = &[
    "it", "this", "that", "these", "those", "them", "mine", "one",
];

/// Words of a sale after an amount: `60 on sale`, `95 en promo`, `40 im Angebot`.
const ON_SALE: &[&[&str]] = &[
    &["on", "sale"],
    &["en", "promo"],
    &["en", "solde"],
    &["en", "soldes"],
    &["im", "angebot"],
    &["im", "sale"],
];

/// Copulas after an amount opening its clause: `75 is what we paid`.
const COPULAS_LATIN: &[&str] = &["is", "was", "were", "ist", "war", "était", "etait"];

/// Nouns of price in the other storefront languages: `90 was the price we paid`.
const PRICE_NOUNS: &[&str] = &["price", "prix", "preis", "cost"];

/// Words of a score or rating, of giving to someone and of a date: a number before a verb of
/// paying after one of them is a score or a year (`امتیاز ۱۰۰ دادم`, `بهش ۲۰۰ دادم`, `سال
/// ۱۴۰۲ دادم`).
const SCORE_WORDS: &[&str] = &[
    "امتیاز",
    "نمره",
    "ستاره",
    "رای",
    "امتیازش",
    "نمرش",
    "نمرشو",
    "بهش",
    "بهشون",
    "سال",
    "تاریخ",
];

/// Whether a number before a verb of paying (`ws[verb]`) reads as a score: out of a scale
/// (`۱۰۰ از ۱۰۰ دادم`, `۱۰۰ دادم از ۱۰۰`), or at most 100, the top of a rating scale, given to
/// something (`۱۰۰ دادم به کیفیتش`, `صد دادم به طراحی`). `۲۵۰ دادم به فروشنده` stays an amount.
fn scored(sk: &str, ws: &[Word], first: usize, verb: usize, digits: &str) -> bool {
    let number = |k: usize| {
        ws.get(k).is_some_and(|w| {
            let t = w.text(sk);
            !t.is_empty() && t.chars().all(|ch| ch.is_ascii_digit())
        })
    };
    let word = |k: usize| ws.get(k).map_or("", |w| w.text(sk));
    let out_of = (first >= 2 && word(first - 1) == "از" && number(first - 2))
        || (word(verb + 1) == "از" && number(verb + 2));
    let given_to = word(verb + 1) == "به" && digits.parse::<u64>().is_ok_and(|n| n <= 100);
    out_of || given_to
}

/// Whether `digits` read as a year of the Persian or Gregorian calendar (1300-1499,
/// 1900-2099).
fn year(digits: &str) -> bool {
    digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1300..1500).contains(&y) || (1900..2100).contains(&y))
}

/// Words that make the number before them a percentage: `100 percent`, `50 pour cent`,
/// `100 Prozent`, `۵۰ درصد` (`%` and `٪` are read from the text).
const PERCENT_WORDS: &[&str] = &["percent", "pourcent", "prozent", "pct", "درصد"];

/// Whether the number ending at skeleton byte `end`, whose next word is `ws[next]`, is a
/// percentage: `%`/`٪` right after it, or a word of per cent (`per cent`, `pour cent` in two).
fn percentage(sk: &str, ws: &[Word], next: usize, end: usize) -> bool {
    if sk[end..].trim_start_matches(' ').starts_with(['%', '٪']) {
        return true;
    }
    let text = |k: usize| ws.get(k).map(|w| w.text(sk));
    PERCENT_WORDS.contains(&text(next).unwrap_or_default())
        || matches!(text(next), Some("per" | "pour")) && text(next + 1) == Some("cent")
}

/// Currency codes written before the amount (`USD 30`).
const CODES_BEFORE: &[&str] = &["usd", "eur", "gbp", "chf", "cad", "aud", "irr", "irt"];

/// Whether `word` is a currency code glued to digits: `usd20`, `20eur`.
fn code_glued(word: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    CODES_BEFORE.iter().any(|code| {
        word.strip_prefix(code).is_some_and(digits) || word.strip_suffix(code).is_some_and(digits)
    })
}

/// Currency signs and money pictographs, before or after an amount (`$40`, `۳۰۰ 💵`).
fn is_money_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '\u{1F4B5}' | '\u{1F4B6}' | '\u{1F4B7}' | '\u{1F4B4}' | '\u{1F4B2}'
    )
}

/// Extends a number's start back over thousands separators (`12,500,000`).
fn grouped_start(sk: &str, mut start: usize) -> usize {
    loop {
        let before = &sk[..start];
        let mut it = before.char_indices().rev();
        match (it.next(), it.next()) {
            (Some((i, sep)), Some((_, d)))
                if matches!(sep, ',' | '٬' | '،' | '\'') && d.is_ascii_digit() =>
            {
                start = before[..i]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .len();
            }
            _ => return start,
        }
    }
}

/// Words between a banknote or coin noun and its amount: `pièces de 2 euros`, `bills of 20`.
const DENOMINATION_LINKS: &[&str] = &["de", "of", "von", "zu", "à", "a"];

impl Amount {
    /// Whether a word of length or of goods sold by the metre lies within three words of the
    /// number at words `first..=last` (`کابلش ۱۰م طول داره`, `۲م کابل داره`).
    fn near_length(&self, sk: &str, ws: &[Word], first: usize, last: usize) -> bool {
        let from = first.saturating_sub(3);
        let to = (last + 4).min(ws.len());
        (from..to).any(|k| (k < first || k > last) && self.lengths.match_at(sk, ws, k).is_some())
    }

    /// Whether the amount of number `c` with its currency ending at word `cur_last` names a
    /// banknote or a coin: a noun of `denominations.txt` right after the currency
    /// (`20 dollar bills`), or before the number, directly with a Persian currency adjective
    /// (`سکه ۱۰۰۰ تومنی`, `اسکناس ۱۰۰ دلاری`) or through `de`/`of`/`zu` (`pièces de 2 euros`).
    fn denomination(&self, sk: &str, ws: &[Word], c: &NumberChunk, cur_last: usize) -> bool {
        let spaced = |a: usize, b: usize| sk[a..b].chars().all(|ch| ch == ' ' || ch == '-');
        if let Some(w) = ws.get(cur_last + 1)
            && spaced(ws[cur_last].end, w.start)
            && self.denominations.match_at(sk, ws, cur_last + 1).is_some()
        {
            return true;
        }
        let adjective = {
            let t = ws[cur_last].text(sk);
            !t.is_ascii() && t.ends_with('ی')
        };
        let ends_at = |k: usize| {
            (k.saturating_sub(3)..k).any(|j| {
                self.denominations
                    .match_at(sk, ws, j)
                    .is_some_and(|m| m.last + 1 == k && spaced(ws[m.last].end, ws[k].start))
            })
        };
        let first = c.first_word;
        (adjective && first > 0 && ends_at(first))
            || (first > 1
                && DENOMINATION_LINKS.contains(&ws[first - 1].text(sk))
                && spaced(ws[first - 1].end, ws[first].start)
                && ends_at(first - 1))
    }

    /// Whether the field speaks of money: a word of paying or buying, a price word
    /// (`قیمت`) or a currency word (`تومن`, `dollars`) anywhere in it.
    fn speaks_of_money(&self, sk: &str, ws: &[Word]) -> bool {
        pays(sk, ws)
            || !self.price_words.find_all(sk, ws).is_empty()
            || !self.currency.find_all(sk, ws).is_empty()
    }

    /// Whether the field speaks of money in Persian or of a shop: a price word, a currency
    /// word or a word of buying, selling or shops (`shopping.fa.txt`: `خریدم`, `تخفیف`,
    /// `ارسال`).
    fn speaks_of_money_fa(&self, sk: &str, ws: &[Word]) -> bool {
        !self.price_words.find_all(sk, ws).is_empty()
            || !self.currency.find_all(sk, ws).is_empty()
            || !self.shopping.find_all(sk, ws).is_empty()
    }

    /// Whether a word of a score or a measure (`score-words.fa.txt`, `measure-words.fa.txt`:
    /// `آنتوتو`, `وزنش`, `قندم`, `فشارمو`) lies within [`MEASURE_REACH`] words of words
    /// `first..=last` (a number and its verb) in their sentence.
    fn measured(&self, sk: &str, ws: &[Word], first: usize, last: usize) -> bool {
        near(
            sk,
            ws,
            &self.measures.find_all(sk, ws),
            (first, last),
            MEASURE_REACH,
        )
    }

    /// Whether a word of a score (`score-words.fa.txt`) ends within [`MEASURE_REACH`] words
    /// before word `first` in its clause, with no price word between (`آنتوتوش ۱ میلیون`; not
    /// `آنتوتو ۸۰۰ هزار، قیمتش ۹ میلیون`).
    fn scored_before(&self, sk: &str, ws: &[Word], first: usize) -> bool {
        self.scores.find_all(sk, ws).iter().any(|m| {
            m.last < first
                && first - m.last <= MEASURE_REACH + 1
                && !sk[ws[m.last].end..ws[first].start].contains(CLAUSE_MARKS)
                && !(m.last + 1..first).any(|k| self.price_words.match_at(sk, ws, k).is_some())
        })
    }

    /// Whether the thousands of number `c` (`value` in all) state a size or a score: a
    /// product sized in thousands (`capacity-words.fa.txt`) right before a number of fewer
    /// than 100 thousand (`پاوربانک ۱۰ هزار گرفتم`, `کولر گازی ۱۲ هزار`, `باتری ۵ هزاری`), or
    /// a word of a score right before it (`انتوتو ۸۰۰ هزار گرفتم`, `تراز ۷ هزار`). Not with
    /// the object marker between (`پاوربانک رو ۸۰۰ هزار خریدم`) nor with a currency.
    fn sized(&self, sk: &str, ws: &[Word], c: &NumberChunk, value: u64) -> bool {
        let right_before = |m: &CueMatch| {
            m.last + 1 == c.first_word && spaces_only(&sk[ws[m.last].end..ws[c.first_word].start])
        };
        (value < 100_000 && self.capacities.find_all(sk, ws).iter().any(right_before))
            || self.scores.find_all(sk, ws).iter().any(right_before)
    }

    /// Whether the word at `k` counts what the number before it numbers (`count-words.fa.txt`),
    /// also with the adjective ending or the copula joined (`۲۰ میلیون پیکسله`, `۱۰۸ میلیون
    /// پیکسلی`, `پیکسلیه`).
    fn counted_at(&self, sk: &str, ws: &[Word], k: usize) -> bool {
        self.counts.match_at(sk, ws, k).is_some()
            || ws.get(k).is_some_and(|w| {
                let t = w.text(sk);
                ["یه", "ی", "ه"].iter().any(|e| {
                    t.strip_suffix(e).is_some_and(|stem| {
                        stem.chars().count() >= 2 && self.counts.contains_word(stem)
                    })
                })
            })
    }

    /// The skeleton span of the amount around number `c`, if it is one.
    fn amount(&self, f: &FieldText<'_>, c: &NumberChunk) -> Option<(usize, usize)> {
        let sk = f.sk();
        let ws = f.words();
        let start = grouped_start(sk, c.start);
        // `۴۵۰ هزار ریال`, `۳ میلیون`: scale words after the number.
        let mut next = c.last_word + 1;
        let mut scale = c.max_scale;
        let mut scaled = 1u64;
        while let Some(s) = ws.get(next).and_then(|w| self.numbers.scale_of(sk, w)) {
            scale = scale.max(s);
            scaled = scaled.saturating_mul(s.max(1));
            next += 1;
        }
        // Slang scales right after a number: `300 K` (thousand), `۳ م` (million).
        if next == c.last_word + 1
            && !c.spelled
            && let Some(w) = ws.get(next)
            && sk[c.end..w.start].chars().all(|ch| ch == ' ')
        {
            let slang = match w.text(sk) {
                "k" | "کا" | "خ" => 1000,
                // `۲۵۰ک خریدم`: `ک` glued to the digits.
                "ک" if w.start == c.end => 1000,
                // `کابلش ۱۰م طول داره`: near a word of length, `م` is metres unless a
                // currency follows it (`۲ م تومن`).
                "م" if self.currency.match_at(sk, ws, next + 1).is_some()
                    || !self.near_length(sk, ws, c.first_word, next) =>
                {
                    1_000_000
                }
                _ => 0,
            };
            if slang > 0 {
                scale = scale.max(slang);
                next += 1;
            }
        }
        let counted = self.counted_at(sk, ws, next);
        // `پاوربانک ۱۰ هزار گرفتم`, `باتری ۵ هزاری`: the number's value, `هزاری` read as
        // thousands.
        let value = c.digits.as_str().parse::<u64>().map_or(u64::MAX, |n| {
            let thousands = scaled == 1 && ws.get(next).is_some_and(|w| w.text(sk) == "هزاری");
            n.saturating_mul(if thousands { 1000 } else { scaled })
        });
        let sized = || (scale >= 1000 || value >= 1000) && self.sized(sk, ws, c, value);
        // `یک ریال هم نمی‌ارزد`, `صفر ریال هم نمی‌ارزه`: one or zero in words is an idiom of
        // worthlessness, not an amount.
        let idiom = c.spelled && matches!(c.digits.as_str(), "0" | "1") && scale == 0;
        let slang = || {
            self.slang.match_at(sk, ws, next).filter(|_| {
                ((c.first_word > 0 && FOR.contains(&ws[c.first_word - 1].text(sk))) || pays(sk, ws))
                    && !sized()
            })
        };
        if let Some(m) = self
            .currency
            .match_at(sk, ws, next)
            .or_else(slang)
            .filter(|_| !idiom)
        {
            // `ده هزار تومن هم نمی‌ارزه`: "not worth even that much" is not a price.
            let worthless = ws.get(m.last + 1).is_some_and(|w| w.text(sk) == "هم")
                && ws
                    .get(m.last + 2)
                    .is_some_and(|w| w.text(sk).starts_with("نمی") || w.text(sk) == "نداره");
            if worthless || self.denomination(sk, ws, c, m.last) {
                return None;
            }
            // `25 Euro-Paletten`, `Euro-Norm`: a currency joined by a hyphen to the next word
            // qualifies it (a standard, a voucher), in a field that does not speak of paying.
            if sk[ws[m.last].end..].starts_with('-')
                && ws
                    .get(m.last + 1)
                    .is_some_and(|w| w.start == ws[m.last].end + 1)
                && !pays(sk, ws)
            {
                return None;
            }
            let from = if next > c.last_word + 1 {
                ws[next - 1].end
            } else {
                c.end
            };
            if sk[from..ws[m.first].start].chars().all(|ch| ch == ' ') {
                return Some((start, ws[m.last].end));
            }
        }
        // `۱۵۰ هزار خریدم`: thousands right before a purchase verb.
        if scale >= 1000
            && ws
                .get(next)
                .is_some_and(|w| PURCHASE_VERBS.contains(&w.text(sk)))
            && !sized()
        {
            return Some((start, ws[next].end));
        }
        // `۲۵۰ هزار پرداخت کردم`, `۲۵۰ هزار رو پرداخت کردم`: thousands before a verb of paying;
        // before a weak verb not near a word of a score or a measure (`آنتوتوش ۷۵۰ هزار
        // دراومد`, `قدم‌شمارش ۱۴ هزار حساب کرد`).
        if scale >= 1000
            && !counted
            && let object = usize::from(
                ws.get(next)
                    .is_some_and(|w| matches!(w.text(sk), "رو" | "را")),
            )
            && let Some(paid) = verb_at(sk, ws, next + object)
            && !(paid.weak && self.measured(sk, ws, c.first_word, paid.last))
            && !sized()
        {
            return Some((start, ws[paid.last].end));
        }
        // `با ۱۸۰ خریدم`: "bought with N", the thousands implied.
        if c.digits.as_str().len() >= 2
            && c.first_word > 0
            && matches!(ws[c.first_word - 1].text(sk), "با" | "به" | "حدود")
            && ws
                .get(next)
                .is_some_and(|w| PURCHASE_VERBS.contains(&w.text(sk)))
        {
            return Some((ws[c.first_word - 1].start, ws[next].end));
        }
        // `USD 30`: a currency code before the number.
        if c.first_word > 0 && CODES_BEFORE.contains(&ws[c.first_word - 1].text(sk)) {
            return Some((ws[c.first_word - 1].start, c.end));
        }
        // Millions are money in a review, unless counted (`یه میلیون بار`) or a score
        // (`آنتوتوش ۱ میلیون`).
        if scale >= 1_000_000 && !counted && !self.scored_before(sk, ws, c.first_word) {
            return Some((start, ws[next - 1].end));
        }
        // `für 25,- gekauft`: a whole amount written with `,-` (or `.-`) for no cents.
        if !c.spelled
            && let Some(rest) = sk[c.end..]
                .strip_prefix(",-")
                .or_else(|| sk[c.end..].strip_prefix(".-"))
            && !rest.starts_with(|ch: char| ch.is_alphanumeric() || ch == '-')
        {
            return Some((start, c.end + 2));
        }
        let before = sk[..start].trim_end_matches(' ');
        if let Some(sym) = before.chars().next_back().filter(|&ch| is_money_symbol(ch)) {
            return Some((before.len() - sym.len_utf8(), c.end));
        }
        let after = sk[c.end..].trim_start_matches(' ');
        if let Some(sym) = after.chars().next().filter(|&ch| is_money_symbol(ch)) {
            return Some((start, sk.len() - after.len() + sym.len_utf8()));
        }
        // The first word of the number as written: `1,250` starts at `1`.
        let first = ws.partition_point(|w| w.end <= start).min(c.first_word);
        // `۲۵۰ دادم`: a number of three digits or more right before a verb of paying or
        // buying, the thousands implied (`۲۵۰ پرداخت کردم`, `۲۵۰ پرداخت شد`, `۲۵۰ خریدم`),
        // or with the object marker between (`۲۵۰ رو پرداخت کردم`); not a score (`امتیاز ۱۰۰
        // دادم`, `بهش ۲۰۰ دادم`), a year (`سال ۱۴۰۲ دادم به تعمیر`, `۱۴۰۲ دادم`) nor a number
        // that a word before it names (`مدل ۵۰۰ خریدم`, `قسط ۱۲۰ رو پرداخت کردم`).
        let object = ws
            .get(next)
            .is_some_and(|w| matches!(w.text(sk), "رو" | "را"));
        // Up to two words between: a hedge (`۲۵۰ رو هم پرداخت کردم`), `تا` before a verb of
        // paying (`۲۵۰ تا پرداخت کردم`), the person paid (`۲۵۰ بهش دادم`), the seller or
        // the buyer (`۲۵۰ ازشون خریدم`, `۲۵۰ برام تموم شد`).
        let mut verb = next + usize::from(object);
        let (mut hedged, mut ta, mut recipient, mut buyer) = (false, false, false, false);
        while verb < next + usize::from(object) + 2
            && let Some(w) = ws.get(verb).map(|w| w.text(sk))
        {
            if HEDGES_FA.contains(&w) || PAID_FILLERS_FA.contains(&w) {
                hedged = true;
            } else if w == "تا" && verb == next {
                ta = true;
            } else if RECIPIENTS_FA.contains(&w) {
                recipient = true;
            } else if BUYERS_FA.contains(&w) {
                buyer = true;
            } else if !SELLERS_FA.contains(&w) {
                break;
            }
            verb += 1;
        }
        // `۲/۵ خریدم`, `۱/۵ دراومد`: a number with one decimal, millions left unsaid.
        let decimal = (!c.spelled && c.digits.as_str().len() == 1)
            .then(|| decimal_start(sk, start))
            .flatten();
        let (start, first) = match decimal {
            Some(s) => (s, ws.partition_point(|w| w.end <= s)),
            None => (start, first),
        };
        if (c.digits.as_str().len() >= 3 || decimal.is_some())
            && (!counted || ta)
            && !year(c.digits.as_str())
            && next == c.last_word + 1
            && let Some(paid) = verb_at(sk, ws, verb)
            && spaces_only(&sk[c.end..ws[next].start])
            && (next..verb).all(|j| spaces_only(&sk[ws[j].end..ws[j + 1].start]))
            && !(first.saturating_sub(2)..first).any(|k| {
                SCORE_WORDS.contains(&ws[k].text(sk)) || NAMING_WORDS.contains(&ws[k].text(sk))
            })
            && match paid.deal {
                // `۲۵۰ تا پرداخت کردم`; `۲۰۰ تا خریدم`, `۳۰۰ تا دادم` are counts.
                // `۴/۵ دادم` is a rating: a decimal only before a verb of buying or costing.
                Deal::Pay => {
                    decimal.is_none()
                        && (!ta || !paid.give)
                        && (!recipient || c.digits.as_str().parse::<u64>().is_ok_and(|n| n > 100))
                        // A weak verb (`حساب کردم`, `کارت کشیدم`, `پیاده شدم`) or `دادم` to
                        // someone pays the number where a price would stand, as for a verb
                        // of buying, after a day only in a field that speaks of money, and
                        // never near a word of a measure or after `تا` (`ساعتش ۹۲۰۰ تا حساب
                        // کرد`, `از خط ۱۴۲ پیاده شدم`, `ولتاژ ۲۳۰ بهش دادم`).
                        && (!(paid.weak || (paid.give && recipient)) || {
                            let money = || buyer || self.speaks_of_money_fa(sk, ws);
                            !ta && bought_for(sk, ws, first, object && !paid.give)
                                && !self.measured(sk, ws, first, paid.last)
                                && (!dated(sk, ws, first) || money())
                        })
                }
                // The number may name what was bought or what came out (`پژو ۴۰۵ خریدم`,
                // `پژو ۲۰۸ دراومد`), or a capacity (`ما ۲۵۶ خریدیم`). A weak verb of
                // costing (`دراومد`, `تموم شد`, `آب خورد`, `میفته`) says so of a reading
                // as well (`قندم صبح ۱۲۵ دراومد`, `فشارمو گرفتم، ۱۳۰ دراومد`): it costs
                // the number only with the buyer (`۴۳۰ دراومد برام`) or, with no word of a
                // measure near, in millions (`۲/۵ دراومد`) or in a field that speaks of money.
                Deal::Buy | Deal::Cost => {
                    !ta && !hedged
                        && !recipient
                        && bought_for(sk, ws, first, object)
                        && (decimal.is_some() || !capacity(c.digits.as_str()))
                        && (!paid.weak || {
                            buyer
                                || first
                                    .checked_sub(1)
                                    .is_some_and(|k| BUYERS_FA.contains(&ws[k].text(sk)))
                                || ws.get(paid.last + 1).is_some_and(|w| {
                                    BUYERS_FA.contains(&w.text(sk))
                                        && spaces_only(&sk[ws[paid.last].end..w.start])
                                })
                                || ((decimal.is_some() || self.speaks_of_money_fa(sk, ws))
                                    && !self.measured(sk, ws, first, paid.last))
                        })
                }
            }
            && !scored(sk, ws, first, verb, c.digits.as_str())
        {
            return Some((start, ws[paid.last].end));
        }
        // `۲۵۰ قیمتشه`, `۲۵۰ قیمتش بود`, `۲۵۰ قیمت خورده`: a bare amount right before a price
        // word that says it is the price, opening its clause or after a lead like the price of
        // a purchase (not `مدل ۲۵۰ قیمتش بالاست`, `پژو ۲۰۶ قیمتش رفته بالا`).
        if c.digits.as_str().len() >= 3
            && !counted
            && !year(c.digits.as_str())
            && next == c.last_word + 1
            && let Some(w) = ws.get(next)
            && spaces_only(&sk[c.end..w.start])
            && (PRICE_IS_FA.contains(&w.text(sk))
                || self.price_words.match_at(sk, ws, next).is_some_and(|m| {
                    ws.get(m.last + 1).is_some_and(|v| {
                        PRICE_COPULAS_FA.contains(&v.text(sk))
                            && spaces_only(&sk[ws[m.last].end..v.start])
                    })
                }))
            && !(first.saturating_sub(2)..first).any(|k| {
                SCORE_WORDS.contains(&ws[k].text(sk)) || NAMING_WORDS.contains(&ws[k].text(sk))
            })
            && bought_for(sk, ws, first, false)
        {
            return Some((start, w.end));
        }
        // `پرداخت کردم ۲۵۰`, `خریدمش ۴۸۰`: a verb of paying or buying right before a number
        // of three digits or more that ends its clause (`پرداخت کردم ۳۸۰ ولی ...`; after a
        // verb of paying also `۲۵۰ تا`, thousands in slang); not `پرداخت کردم ۱۰ روز بعد`,
        // `پرداخت کردم ۱۰۰ درصد راضیم`, `خریدم ۱۴۰۲ خراب شد`.
        if c.digits.as_str().len() >= 3
            && !c.spelled
            && !year(c.digits.as_str())
            && next == c.last_word + 1
            && first > 0
            && spaces_only(&sk[ws[first - 1].end..start])
            && let hedge = usize::from(HEDGES_FA.contains(&ws[first - 1].text(sk)))
            && let Some((verb_first, paying)) = paid_verb_before(sk, ws, first - hedge)
            && (hedge == 0 || paying)
        {
            let ta = paying && ws.get(next).is_some_and(|w| w.text(sk) == "تا");
            let after = next + usize::from(ta);
            let ends = match ws.get(after) {
                None => true,
                Some(w) => {
                    let gap = &sk[ws[after - 1].end..w.start];
                    !spaces_only(gap) && !gap.trim().starts_with(['%', '٪'])
                        || (spaces_only(gap) && CLAUSE_JOINERS_FA.contains(&w.text(sk)))
                }
            };
            if ends && (ta || !counted) && !percentage(sk, ws, next, c.end) {
                return Some((ws[verb_first].start, ws[after - 1].end.max(c.end)));
            }
        }
        // `paid 250`, `payé 250`, `250 bezahlt`, `für 250 gekauft`, `bought it for 250, …`:
        // a bare number of two digits or more right after a verb of paying, right before one
        // (`bezahlt`), or right after `for`/`für`/`pour` in a field with a word of paying or
        // buying or after a verb of getting (`got it for 250`), when nothing but the end of a
        // clause, a preposition or a conjunction follows it (`spent 30 minutes`, `for 2
        // years`, `paid 20% more` are no amounts); not a year. Hedges and object pronouns may
        // stand between the verb or `for` and the number (`paid around 250`, `It cost me
        // 250`, `j'ai payé ça 250`), and a few adverbs between the number and a verb after it
        // (`habe 250 dafür bezahlt`).
        if !c.spelled
            && c.digits.as_str().len() >= 2
            && next == c.last_word + 1
            && !counted
            && !year(c.digits.as_str())
            && !percentage(sk, ws, next, c.end)
        {
            let mut lead = first;
            while lead > 0
                && first - lead < 3
                && AMOUNT_HEDGES.contains(&ws[lead - 1].text(sk))
                && !FOR.contains(&ws[lead - 1].text(sk))
                && spaces_only(&sk[ws[lead - 1].end..ws[lead].start])
            {
                lead -= 1;
            }
            // The word before the number (or its hedges), in the same clause.
            let before = lead
                .checked_sub(1)
                .filter(|&k| !sk[ws[k].end..ws[lead].start].contains(CLAUSE_MARKS))
                .map(|k| ws[k].text(sk));
            let mut trail = next;
            while trail < next + 2
                && ws
                    .get(trail)
                    .is_some_and(|w| AMOUNT_BETWEEN.contains(&w.text(sk)))
                && spaces_only(&sk[ws[trail - 1].end.max(c.end)..ws[trail].start])
            {
                trail += 1;
            }
            let after = ws.get(next).map(|w| w.text(sk));
            let spaced_after = ws
                .get(next)
                .is_some_and(|w| sk[c.end..w.start].chars().all(|ch| ch == ' '));
            let rest = sk[c.end..].trim_start_matches(' ');
            let mut marks = rest.chars();
            let clause_ends = rest.is_empty()
                || (marks
                    .next()
                    .is_some_and(|m| matches!(m, ',' | '.' | ';' | '!' | '?' | ')' | '،' | '؛'))
                    && !marks.next().is_some_and(|ch| ch.is_ascii_digit()))
                || (spaced_after && after.is_some_and(|a| AFTER_AMOUNT.contains(&a)));
            // `set me back 250`, `shelled out 250`, `forked over 250`: a verb of paying and
            // its particle; `on me l'a vendu 250`: a verb of selling before the amount only.
            let phrasal = before.is_some() && phrasal_paid(sk, ws, lead - 1);
            let paid_before = phrasal
                || before.is_some_and(|b| PAID_WORDS.contains(&b) || SOLD_WORDS.contains(&b));

            let paid_after = spaced_after
                && ws.get(trail).is_some_and(|w| {
                    PAID_WORDS.contains(&w.text(sk))
                        && spaces_only(&sk[ws[trail - 1].end.max(c.end)..w.start])
                });
            let bought_after = spaced_after
                && after.is_some_and(|a| PAYING.contains(&a) || GOT_WORDS.contains(&a));
            let for_before = before.is_some_and(|b| FOR.contains(&b));
            let got = for_before && got_before(sk, ws, lead - 1);
            if (paid_before && clause_ends)
                || paid_after
                || (for_before && (bought_after || (clause_ends && (got || pays(sk, ws)))))
            {
                let end = if paid_after {
                    ws[trail].end
                } else if bought_after {
                    ws[next].end
                } else {
                    c.end
                };
                let from = if phrasal {
                    phrasal_start(sk, ws, lead - 1)
                } else if paid_before || for_before {
                    ws[lead - 1].start
                } else {
                    ws[first].start
                };
                return Some((from.min(start), end));
            }
            // `dropped 300 on this`: a verb of spending, the amount and what it was spent on.
            let spent_on = before.is_some_and(|b| SPENT_WORDS.contains(&b))
                && spaced_after
                && after == Some("on")
                && ws
                    .get(next + 1)
                    .is_some_and(|w| SPENT_ON.contains(&w.text(sk)));
            // `it was 60 on sale`, `95 en promo`: an amount and a word of a sale after it.
            let on_sale = spaced_after
                && ON_SALE.iter().any(|phrase| {
                    phrase.iter().enumerate().all(|(i, p)| {
                        ws.get(next + i).is_some_and(|w| w.text(sk) == *p)
                            && (i == 0
                                || spaces_only(&sk[ws[next + i - 1].end..ws[next + i].start]))
                    })
                });
            // `75 is what we paid`, `90 was the price we paid`: an amount opening its clause,
            // a copula and a word of paying or of price within four words in the clause.
            let opens = first == 0 || sk[ws[first - 1].end..start].contains(CLAUSE_MARKS);
            let stated =
                (opens && spaced_after && after.is_some_and(|a| COPULAS_LATIN.contains(&a)))
                    .then(|| {
                        (next + 1..(next + 5).min(ws.len()))
                            .take_while(|&j| !sk[ws[j - 1].end..ws[j].start].contains(CLAUSE_MARKS))
                            .find(|&j| {
                                let t = ws[j].text(sk);
                                PAID_WORDS.contains(&t) || PRICE_NOUNS.contains(&t)
                            })
                    })
                    .flatten();
            if spent_on {
                return Some((ws[lead - 1].start.min(start), ws[next + 1].end));
            }
            if on_sale {
                return Some((start, ws[next + 1].end));
            }
            if let Some(j) = stated {
                return Some((start, ws[j].end));
            }
        }
        // `قیمتش ۲۵۰`: a price word immediately before the number.
        // Two-digit numbers after a price word are capacities or models (`خوش قیمت 64`).
        // `قیمت خرید من: ۳۵۰`: a price word up to three words before a colon and the number.
        // Not across the end of a sentence or a comma (`Worth what I paid. 100 days in`,
        // `paid, 100 stars`), nor a percentage (`paid 100% attention`).
        if first > 0 && c.digits.as_str().len() >= 3 && !counted && !percentage(sk, ws, next, c.end)
        {
            // (`start` may lie before the word: `3,500,000` starts at its first group.)
            let gap = sk.get(ws[first - 1].end..start).unwrap_or_default();
            let colon = gap.contains(':');
            let parted = gap.contains(['.', ',', '!', '?', ';']);
            // `paid 2023 taxes`: a year that a Latin word after it qualifies.
            let dated = year(c.digits.as_str())
                && ws.get(next).is_some_and(|w| {
                    let t = w.text(sk);
                    spaces_only(&sk[c.end..w.start])
                        && t.starts_with(|ch: char| ch.is_ascii_alphabetic())
                        && !AFTER_AMOUNT.contains(&t)
                });
            for back in (1..=first.min(3)).filter(|_| !dated) {
                if let Some(m) = self.price_words.match_at(sk, ws, first - back)
                    && (m.last + 1 == first && !parted || colon)
                {
                    return Some((ws[m.first].start, c.end));
                }
            }
        }
        // `19.99`, a number with cents, and a currency word or code within three words
        // (`it was 19.99 in dollars`, `Euro? 24,95 im Laden`).
        if !c.spelled && has_cents(f, start, c.end) {
            let from = c.first_word.saturating_sub(3);
            let to = (c.last_word + 4).min(ws.len());
            if (from..to).any(|k| {
                (k < c.first_word || k > c.last_word)
                    && (self.currency.match_at(sk, ws, k).is_some()
                        || self.slang.match_at(sk, ws, k).is_some()
                        || CODES_BEFORE.contains(&ws[k].text(sk)))
            }) {
                return Some((start, c.end));
            }
        }
        None
    }
}

/// Marks that end a clause between a verb and an amount: `Worth what I paid. 250 photos
/// later` is no price.
const CLAUSE_MARKS: &[char] = &['.', ',', '!', '?', ';', '،', '؛', '؟', '\n'];

/// How many words may part a word of a score or a measure from the number it reads
/// (`فشارمو گرفتم، ۱۳۰ دراومد`, `آنتوتوش ۷۵۰ هزار`).
const MEASURE_REACH: usize = 3;

/// Whether `digits` read as a capacity in gigabytes or megabytes: a power of two from 128 to
/// 2048 (`ما ۲۵۶ خریدیم`, the 256 GB model).
fn capacity(digits: &str) -> bool {
    digits
        .parse::<u32>()
        .is_ok_and(|n| (128..=2048).contains(&n) && n.is_power_of_two())
}

/// Whether a day (`امروز`, `دیروز`, `قبلا`: [`DAYS_FA`]) stands right before word `first`.
fn dated(sk: &str, ws: &[Word], first: usize) -> bool {
    first.checked_sub(1).is_some_and(|k| {
        DAYS_FA.contains(&ws[k].text(sk)) && spaces_only(&sk[ws[k].end..ws[first].start])
    })
}

/// Where a number with one decimal starts when skeleton byte `start` begins its decimal
/// digit: one or two digits and `/`, `.` or `٫` right before it (`۲/۵`, `12.5`).
fn decimal_start(sk: &str, start: usize) -> Option<usize> {
    let before = sk[..start]
        .strip_suffix(['/', '.', '٫'])
        .filter(|b| !b.ends_with(['/', '.', '٫']))?;
    let int = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let n = before.len() - int.len();
    ((1..=2).contains(&n)
        && !int.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '/' | '.' | '٫')))
    .then_some(int.len())
}

/// Whether `gap` holds white space only (or nothing).
fn spaces_only(gap: &str) -> bool {
    gap.chars().all(char::is_whitespace)
}

/// Whether a bare number starting at word `first` before a verb of buying says what was paid
/// rather than what was bought. The thing bought is named by the words before the number (`پژو
/// ۴۰۵ خریدم`, `هارد ۵۰۰ خریدم`, `RTX 3060 خریدم`: a model or a capacity) or by the object
/// marker after it (`۲۵۰ رو خریدم`, "I bought the 250"); a price opens its clause (`۲۵۰ خریدم`,
/// `عالیه، ۲۵۰ خریدم`) or follows the object or a hedge (`گوشی رو ۲۵۰ خریدم`, `اینو فقط ۲۵۰
/// خریدم`).
fn bought_for(sk: &str, ws: &[Word], first: usize, object: bool) -> bool {
    if object {
        return false;
    }
    let Some(before) = first.checked_sub(1).map(|k| &ws[k]) else {
        return true;
    };
    let lead = before.text(sk);
    !spaces_only(&sk[before.end..ws[first].start])
        || PRICE_LEADS_FA.contains(&lead)
        || DAYS_FA.contains(&lead)
        || HEDGES_FA.contains(&lead)
        || BUYERS_FA.contains(&lead)
}

/// Words that may stand right before the price of a purchase besides the hedges of
/// [`HEDGES_FA`] (`حدود`, `فقط`), the buyers of [`BUYERS_FA`] (`برام ۲۵۰ تموم شد`) and the
/// days of [`DAYS_FA`]: the object marker of the thing bought (`گوشی رو ۲۵۰ خریدم`),
/// demonstratives with it (`اینو`, `اونو`), the buyer as subject (`منم`), a discount or the
/// shipping (`با تخفیف ۲۵۰ تموم شد`, `با ارسال ۲۵۰ دراومد`) and the seller (`فروشنده ۲۵۰
/// حساب کرد`).
const PRICE_LEADS_FA: &[&str] = &[
    "رو",
    "را",
    "اینو",
    "اونو",
    "اینارو",
    "اونارو",
    "اینم",
    "من",
    "منم",
    "ما",
    "ماهم",
    "هم",
    "تخفیف",
    "تخفیفش",
    "ارسال",
    "فروشنده",
    "فروشندش",
    "مغازهدار",
];

/// Days before the price of a purchase (`دیروز ۲۵۰ خریدم`); before a weak verb they may date a
/// count or a reading (`دیروز ۹۲۰۰ حساب کرد`, `امروز ۱۲۵ دراومد`).
const DAYS_FA: &[&str] = &["الان", "امروز", "دیروز", "پارسال", "قبلا"];

/// The first word of a Persian verb of paying (`true`: `پرداخت کردم`, `پرداختم`, `کارت
/// کشیدم`) or of buying with its object or as a noun and a light verb (`false`: `خریدمش`,
/// `خرید کردم`) that ends right before word `k`. `دادم` ("I gave") is too general before a
/// number, and `خریدم ۱۲۸` may name the one bought.
fn paid_verb_before(sk: &str, ws: &[Word], k: usize) -> Option<(usize, bool)> {
    (k.saturating_sub(3)..k)
        .find_map(|j| {
            verb_at(sk, ws, j)
                .filter(|v| v.last + 1 == k)
                .map(|v| (j, v))
        })
        .and_then(|(j, v)| match v.deal {
            Deal::Pay if !v.give => Some((j, true)),
            Deal::Buy if v.object || v.compound => Some((j, false)),
            _ => None,
        })
}

/// Whether a verb of getting (`got`, `eu`, `bekommen`) stands within four words before word
/// `k` (`for`, `pour`, `für`) in the same clause: `got it for 250`, `je l'ai eu pour 250`.
fn got_before(sk: &str, ws: &[Word], k: usize) -> bool {
    (k.saturating_sub(4)..k).rev().any(|j| {
        GOT_WORDS.contains(&ws[j].text(sk)) && !sk[ws[j].end..ws[k].start].contains(CLAUSE_MARKS)
    })
}

/// Whether skeleton bytes `start..end` of `f`, a number, were written with cents: digits, one
/// `.` or `,`, two digits (`19.99`, `4,50`).
fn has_cents(f: &FieldText<'_>, start: usize, end: usize) -> bool {
    let (s, e) = f.skeleton().to_original(start, end);
    let Some(written) = f.cps.get(s..e) else {
        return false;
    };
    let n = written.len();
    n >= 4
        && matches!(written[n - 3], '.' | ',' | '٫')
        && written[..n - 3].iter().all(|ch| ch.is_numeric())
        && written[n - 2..].iter().all(|ch| ch.is_numeric())
}

impl Rule for Amount {
    fn prefilter(&self) -> Prefilter {
        // Every amount has a number, in digits or words.
        Prefilter::digit_run(1)
            .or(self.numbers.prefilter())
            .or(Prefilter::words(&self.hundreds_priced, false))
            .or(Prefilter::words(&self.glued, false))
            .or(self.notes.prefilter())
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let ws = f.words();
            let mut money = None;
            // `250k`: one word, digits then `k`.
            for (k, w) in ws.iter().enumerate() {
                let t = w.text(sk);
                // `USD20`, `20eur`: a currency code glued to the digits.
                if code_glued(t) {
                    out.push(f.hit(w.start, w.end));
                    continue;
                }
                // `a tenner`, `nen Fuffi`: a banknote's slang name is an amount by itself
                // after `for` or in a field that speaks of money.
                if let Some(m) = self.notes.match_at(sk, ws, k)
                    && (ws[k.saturating_sub(2)..k]
                        .iter()
                        .any(|b| FOR.contains(&b.text(sk)))
                        || *money.get_or_insert_with(|| self.speaks_of_money(sk, ws)))
                {
                    out.push(f.hit(w.start, ws[m.last].end));
                    continue;
                }
                // `سیصدی` is also a size (`لیوان سیصدی`, a 300 ml glass): money only in a
                // field that speaks of paying.
                if self.hundreds_priced.contains(t) {
                    if pays(sk, ws) {
                        out.push(f.hit(w.start, w.end));
                    }
                    continue;
                }
                // `سیصدتومنی خریدم`, `سی‌تومن دادم`: a number word glued to a currency word,
                // unless it names a banknote or coin (`سکه صدتومنی`).
                if self.glued.contains(t)
                    && !(k.saturating_sub(2)..k).any(|j| {
                        self.denominations
                            .match_at(sk, ws, j)
                            .is_some_and(|m| m.last + 1 == k)
                    })
                {
                    out.push(f.hit(w.start, w.end));
                    continue;
                }
                // `250k` is also a capacity or a distance (`20k powerbank`, `a 10k run`):
                // money only after `for` or in a field that speaks of money.
                if let Some(d) = t.strip_suffix('k')
                    && d.len() >= 2
                    && d.bytes().all(|b| b.is_ascii_digit())
                    && self.counts.match_at(sk, ws, k + 1).is_none()
                    && ((k > 0 && FOR.contains(&ws[k - 1].text(sk)))
                        || *money.get_or_insert_with(|| self.speaks_of_money(sk, ws)))
                {
                    out.push(f.hit(w.start, w.end));
                }
            }
            let mut last_end = 0;
            for c in f.numbers(&self.numbers, false) {
                if cx.out_of_time() {
                    return;
                }
                if c.start < last_end {
                    continue;
                }
                if let Some((s, e)) = self.amount(f, &c) {
                    out.push(f.hit(s, e));
                    last_end = e;
                }
            }
        }
    }
}
