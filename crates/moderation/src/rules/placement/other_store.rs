use regex::Regex;

use crate::cue::{CueMatch, CueSet, Reach, near};
use crate::marketplace::names_within;
use crate::names::{Disguise, DisguisedNames};
use crate::phrase::{PhraseMatch, PhraseSet};
use crate::rules::links::url::is_root_zone_tld;
use crate::rules::prelude::*;
use davar_input::lexicon::StoreTag as Tag;
use std::collections::{HashMap, HashSet};

use crate::text::{fold_pattern, skeleton_key, squeeze};

declare_rule! {
    /// ## What it flags
    /// Names of other shops and marketplaces (`lexicons/stores.fa.txt`: Digikala, Torob,
    /// Basalam, Amazon ... in Persian and Latin spellings) and physical shop addresses
    /// (`پاساژ ...`, `خیابان ... پلاک ۱۲`, `آدرس مغازه`, `مغازه ما`).
    ///
    /// ## Why
    /// Terms: do not send buyers to other shops; Q&A must not ask for or give their addresses.
    ///
    /// ## How it decides
    /// Whole words on the skeleton, so `دیجی‌کالا`, `دیجیکالا` and `دیجی کالا` are one name.
    /// Store names that are also ordinary words (`دیوار` "wall", `باسلام` "with greetings")
    /// are only matched in their Latin spelling or after a preposition (`از ترب`, `at Target`).
    /// The marketplace's own names and brand spellings (`marketplace` in `site.yaml`) are
    /// never another store, in any spacing: when the site is Digikala, `دیجی کالا` is home,
    /// and so is a store name of four letters or more that starts one of them (`دیجی`, the
    /// slang for Digikala).
    /// The en/fr/de rule sets list the big marketplaces and classifieds of their markets
    /// (`stores.en`, `stores.fr`, `stores.de`).
    ///
    /// A store name that is also an ordinary word (`<TAB>word` in the lexicon: `آمازون` the
    /// forest, `شیپور` a horn, `le bon coin` "the right corner") counts only near a word of
    /// buying, prices or shop sites (`shopping.{lang}`: `خرید*`, `ارزون*`, `cheaper`, `site`)
    /// or another store's name (`تو دیجیکالا بود مثل آمازون`), within four words in the same
    /// sentence; written as a domain (`amazon.com`); or spelled with digits for letters. A name too common for any context (`<TAB>spelled`: `target`,
    /// `otto`, `kleinanzeigen`) counts plainly only in its entries after a preposition
    /// (`at Target`), and anywhere as a domain or spelled with digits (`T4rget`, `0tto`).
    ///
    /// A store name used in its ordinary sense is no store, however near a word of buying
    /// (`senses`, the cue lexicons `store-senses.{lang}`: `جنگل‌های آمازون`, `رود آمازون`,
    /// `در دیوار … نصب*`, `target range`, `wish list`): a match that shares a word with such
    /// a cue counts only written as a domain. Names too common for context after their
    /// preposition (`bei otto`, `در آمازون`) are `word` entries: they
    /// count near a word of buying (`bei Otto günstiger`; not `Bei Otto gibt es Kuchen`).
    ///
    /// Misspelled names are found in three safe families: repeated letters (`digikaala`,
    /// `بامیلوو`, matched with repeated letters collapsed), digits for the letters they look
    /// like in a Latin name (`amaz0n`, `d1gikala`, `T0rob`: 0 o, 1 i or l, 3 e, 4 a, 5 s, 7 t,
    /// 9 g; an `@` for an `a` between letters, `eB@y`, not in an address) and one letter left out inside a Latin name of at least six letters (`amzon`,
    /// `aliexprss`; not the first or last letter, so `curry` is not `currys` nor `ideal`
    /// `idealo`; a name that is also a word only where the name would count: `cheaper on
    /// amzon`, not `the amzon basin`; never one too common for context), and Persian names of five letters or more written with other dots on the
    /// same letter shapes (one letter: `دیحی کالا`, `آمارون`; `ب پ ت ث ن ی`, `ج چ ح خ`, `د ذ`, `ر ز ژ`, `س ش`,
    /// `ص ض`, `ط ظ`, `ع غ`, `ف ق`, `ک گ` are one shape each). Arbitrary one-letter changes are not matched: they reach ordinary words
    /// (`emails` for `emalls`, `divan` for `divar`).
    ///
    /// A Latin name written with diacritics (`Ámazon`, `fnác`, `Mediamärkt`; not a frequent
    /// word of `common-words.txt`) counts where a name that is also a word would, since a word
    /// of another language may be written so (`décathlon`); look-alikes of `src/names.rs`
    /// count wherever they are written (`arnazon`, `amaz*n`: a `*` for one letter).
    ///
    /// ## Fix
    /// Not fixable.
    code: "placement/other-store", severity: Review, fixable: false, params: ["stores", "shopping", "senses", "common_words"],
    pub(crate) struct OtherStore { stores: PhraseSet, disguised: DisguisedNames, tags: Vec<Tag>, shopping: CueSet, senses: CueSet, address: Regex, home: Vec<String>, home_squeezed: Vec<String>, omitted: HashMap<String, String>, word_names: HashSet<String>, entries: HashSet<String>, shapes: HashMap<String, String>, shape_literals: Vec<String> }
}

impl OtherStore {
    fn build(p: &Params<'_>) -> Result<OtherStore, String> {
        let pattern = r"(?:^|[^\p{L}])((?:پاساژ|مجتمع تجاری)\s+[\p{L}]+|(?:آدرس|ادرس)\s+(?:مغازه|فروشگاه|دفتر|شعبه)(?:\s*(?:ما|مون|ش|شون))?|(?:مغازه|فروشگاه)(?:\s+(?:ما|مون|من|خودمون)|مون|مان)(?:[^\p{L}]|$)|(?:حضوری|حضورا)\s+(?:بیاید|تشریف بیارید|مراجعه کنید))";
        let lexicons = p.lexicons("stores", &["stores.fa"])?;
        let tags = Tag::read(lexicons.iter().copied())?;
        // `stores.{lang}` reads several files as one lexicon: a name they tag differently
        // would count by whichever comes first.
        let mut seen: HashMap<String, (Tag, &std::path::Path)> = HashMap::new();
        let mut read = tags.iter();
        for lex in &lexicons {
            for e in &lex.entries {
                let tag = read.next().map_or(Tag::Name, |&(_, t)| t);
                let key = skeleton_key(&e.text);
                match seen.get(&key) {
                    Some(&(other, path)) if other != tag => {
                        return Err(format!(
                            "{}: `{}` is tagged {} here and {} in {}: give it one tag",
                            lex.path.display(),
                            e.text,
                            tag.name(),
                            other.name(),
                            path.display()
                        ));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key, (tag, &lex.path));
                    }
                }
            }
        }
        let tags: Vec<Tag> = tags.into_iter().map(|(_, t)| t).collect();
        let shopping = CueSet::new(p.lexicons("shopping", &["shopping.fa"])?, Reach::Broad, 1)?;
        // The ordinary senses of store names that are also words (`جنگل آمازون`, `target
        // range`).
        let senses = CueSet::new(
            p.lexicons("senses", &["store-senses.fa"])?,
            Reach::Broad,
            SENSE_WINDOW,
        )?;
        // Store names of one Latin word, and those names with one inner letter left out.
        let latin: HashSet<String> = lexicons
            .iter()
            .flat_map(|l| l.entries.iter())
            .map(|e| skeleton_key(&e.text))
            .filter(|k| k.len() >= 4 && k.bytes().all(|b| b.is_ascii_alphanumeric()))
            .collect();
        // Names too common for context count misspelled only with digits for letters; a name
        // that is also a word counts with a letter left out where it counts as written.
        let words: HashSet<String> = seen
            .iter()
            .filter(|(_, (tag, _))| *tag == Tag::Spelled)
            .map(|(k, _)| k.clone())
            .collect();
        let word_names: HashSet<String> = seen
            .iter()
            .filter(|(_, (tag, _))| *tag == Tag::Word)
            .map(|(k, _)| k.clone())
            .collect();
        let entries: HashSet<String> = seen.keys().cloned().collect();
        let mut omitted = HashMap::new();
        for name in latin.iter().filter(|k| {
            k.len() >= OMITTED_MIN
                && k.bytes().all(|b| b.is_ascii_alphabetic())
                && !words.contains(*k)
        }) {
            for i in 1..name.len() - 1 {
                let variant = format!("{}{}", &name[..i], &name[i + 1..]);
                if !latin.contains(&variant) {
                    omitted.insert(variant, name.clone());
                }
            }
        }
        // Persian names of one word and five letters or more, by their letter shapes, with a
        // run of two letters or more that no dot changes (the prefilter's literal).
        let mut shapes = HashMap::new();
        let mut shape_literals = Vec::new();
        for e in lexicons.iter().flat_map(|l| l.entries.iter()) {
            let key = skeleton_key(&e.text);
            if key.is_ascii() || key.contains(' ') || key.chars().count() < SHAPE_MIN {
                continue;
            }
            let Some(literal) = key
                .split(|c: char| dotted_shape(c) != c)
                .filter(|run| run.chars().count() >= 2)
                .max_by_key(|run| run.len())
            else {
                continue;
            };
            shape_literals.push(literal.to_owned());
            shapes.insert(key.chars().map(dotted_shape).collect::<String>(), key);
        }
        let home = p.marketplace().name_keys();
        let mut home_squeezed: Vec<String> = home.iter().map(|k| squeeze(k)).collect();
        home_squeezed.sort();
        Ok(OtherStore {
            disguised: DisguisedNames::new(
                lexicons.iter().copied(),
                p.skeleton_keys("common_words", "common-words")?,
                false,
            ),
            stores: PhraseSet::new(lexicons, true),
            tags,
            shopping,
            senses,
            address: Regex::new(&fold_pattern(pattern)).map_err(|e| e.to_string())?,
            home,
            home_squeezed,
            omitted,
            word_names,
            entries,
            shapes,
            shape_literals,
        })
    }
}

/// Most words between a store name that is also a word and a word of buying (`از آمازون
/// ارزون‌تره`, `bought it on le bon coin`).
pub(crate) const SHOPPING_WINDOW: usize = 4;

/// Whether the name ending at word `last` of `sk` is written as a domain: a dot and a
/// top-level domain follow (`amazon.com`, `شیپور.ir`).
fn as_domain(sk: &str, ws: &[crate::text::Word], last: usize) -> bool {
    sk[ws[last].end..].strip_prefix('.').is_some_and(|rest| {
        let tld = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        is_root_zone_tld(tld)
    })
}

/// A word every shop address phrasing of the rule holds (`پلاک`, `پاساژ ...`, `آدرس مغازه`,
/// `مغازه ما`, `حضوری بیاید`), as it stands in the skeleton.
const ADDRESS_WORDS: [&str; 7] = ["پلاک", "پاساژ", "مجتمع", "ادرس", "مغازه", "فروشگاه", "حضور"];

/// Most words between the two parts of a cue of the ordinary sense of a store name
/// (`جنگل‌های بارانی آمازون`, `در دیوار … نصب*`).
const SENSE_WINDOW: usize = 3;

/// Fewest letters of a Latin store name matched with one letter left out.
const OMITTED_MIN: usize = 6;

/// Fewest letters of a Persian store name matched by its letter shapes.
const SHAPE_MIN: usize = 5;

/// The letter shape of a Persian letter: letters that differ only by their dots are one.
fn dotted_shape(c: char) -> char {
    match c {
        'ب' | 'پ' | 'ت' | 'ث' | 'ن' | 'ی' | 'ئ' => 'ٮ',
        'ج' | 'چ' | 'ح' | 'خ' => 'ح',
        'د' | 'ذ' => 'د',
        'ر' | 'ز' | 'ژ' => 'ر',
        'س' | 'ش' => 'س',
        'ص' | 'ض' => 'ص',
        'ط' | 'ظ' => 'ط',
        'ع' | 'غ' => 'ع',
        'ف' | 'ق' => 'ف',
        'ک' | 'گ' => 'ک',
        _ => c,
    }
}

/// Whether `test` holds for the letters and digits of some window of words `a..=b` within
/// `first..=last`, given `b` and the window's key; windows are walked from each start `a`,
/// growing one word at a time.
fn any_window(
    sk: &str,
    ws: &[crate::text::Word],
    first: usize,
    last: usize,
    mut test: impl FnMut(usize, &str) -> bool,
) -> bool {
    let mut key = String::new();
    (first..=last).any(|a| {
        key.clear();
        (a..=last).any(|b| {
            key.extend(ws[b].text(sk).chars().filter(|c| c.is_alphanumeric()));
            test(b, &key)
        })
    })
}

impl OtherStore {
    /// Whether words `first..=last` hold one of the marketplace's own names with repeated
    /// letters (`digikaala` when the site is Digikala).
    fn home_within_squeezed(
        &self,
        sk: &str,
        ws: &[crate::text::Word],
        first: usize,
        last: usize,
    ) -> bool {
        !self.home_squeezed.is_empty()
            && any_window(sk, ws, first, last, |_, key| {
                self.home_squeezed.binary_search(&squeeze(key)).is_ok()
            })
    }

    /// Whether words `first..=last` end with a short form of one of the marketplace's own
    /// names: words whose letters (four or more) start a home name (`دیجی` when the site is
    /// Digikala).
    fn short_for_home(
        &self,
        sk: &str,
        ws: &[crate::text::Word],
        first: usize,
        last: usize,
    ) -> bool {
        any_window(sk, ws, first, last, |b, key| {
            b == last && key.chars().count() >= 4 && self.home.iter().any(|h| h.starts_with(key))
        })
    }

    /// Whether `name` (a store name, letters and digits only) is one of the marketplace's own.
    fn is_home(&self, name: &str) -> bool {
        self.home.binary_search_by(|k| k.as_str().cmp(name)).is_ok()
            || self.home_squeezed.binary_search(&squeeze(name)).is_ok()
    }
}

impl Rule for OtherStore {
    fn prefilter(&self) -> Prefilter {
        // A store name, a house number (`پلاک`), or a word every address phrasing has.
        // A misspelled name: a Latin word with a digit, or a name with a letter left out.
        self.stores
            .prefilter()
            .or(self.disguised.prefilter())
            .or(Prefilter::words(self.omitted.keys(), false))
            .or(Prefilter::literals(&self.shape_literals))
            .or(Prefilter::literals(ADDRESS_WORDS))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let mut flagged = Vec::new();
            let mut shopping: Option<Vec<CueMatch>> = None;
            let mut found = self.stores.find_all(sk, f.words());
            // Names in disguise: split ones (`C discount`) count as the name would, look-alikes
            // (`amaz0n`, `eB@y`) wherever they are written.
            let mut lookalikes = Vec::new();
            // Names written with diacritics (`Ámazon`, `fnác`), by their first word: a word of
            // another language may be written so (`décathlon`), so they count only where a
            // name that is also a word would.
            let mut accented = Vec::new();
            for d in self.disguised.find(f) {
                if d.how == Disguise::Split {
                    found.retain(|m| !(d.first <= m.first && m.last <= d.last));
                }
                if found.iter().any(|m| m.first <= d.last && d.first <= m.last) {
                    continue;
                }
                match d.how {
                    Disguise::Split | Disguise::Accented => {
                        if d.how == Disguise::Accented {
                            accented.push(d.first);
                        }
                        found.push(PhraseMatch {
                            first: d.first,
                            last: d.last,
                            entry: d.entry,
                        })
                    }
                    Disguise::Lookalike => lookalikes.push(d),
                    Disguise::Misspelt => {}
                }
            }
            found.sort_by_key(|m| m.first);
            let found = found;
            let tag = |m: &crate::phrase::PhraseMatch| match self.tags.get(m.entry).copied() {
                Some(Tag::Name) | None if accented.contains(&m.first) => Tag::Word,
                tag => tag.unwrap_or(Tag::Name),
            };
            // Where a store name is used in its ordinary sense (`جنگل‌های آمازون`, `target
            // range`, `wish list`, `در دیوار نصبش کردم`).
            let senses = if found.is_empty() {
                Vec::new()
            } else {
                self.senses.find_all(sk, f.words())
            };
            for m in &found {
                flagged.extend(m.first..=m.last);
                if senses
                    .iter()
                    .any(|s| s.first <= m.last && m.first <= s.last)
                    && !as_domain(sk, f.words(), m.last)
                {
                    continue;
                }
                let counts = match tag(m) {
                    Tag::Name => true,
                    Tag::Spelled => as_domain(sk, f.words(), m.last),
                    Tag::Word => {
                        as_domain(sk, f.words(), m.last) || {
                            // Words of shopping, and the names of other stores
                            // (`تو دیجیکالا بود مثل آمازون`).
                            let cues = shopping.get_or_insert_with(|| {
                                let mut cues = self.shopping.find_all(sk, f.words());
                                cues.extend(found.iter().filter(|n| tag(n) == Tag::Name).map(
                                    |n| CueMatch {
                                        first: n.first,
                                        last: n.last,
                                    },
                                ));
                                cues
                            });
                            near(sk, f.words(), cues, (m.first, m.last), SHOPPING_WINDOW)
                        }
                    }
                };
                if counts
                    && !names_within(&self.home, sk, f.words(), m.first, m.last)
                    && !self.home_within_squeezed(sk, f.words(), m.first, m.last)
                    && !self.short_for_home(sk, f.words(), m.first, m.last)
                {
                    out.push(f.hit_words(m.first, m.last));
                }
            }
            // `amaz0n`, `teIegram`-like look-alikes of a store name, `eB@y`.
            for d in &lookalikes {
                flagged.extend(d.first..=d.last);
                if !self.is_home(self.disguised.name(d.entry)) {
                    out.push(f.hit(d.start, d.end));
                }
            }
            // `amzon`: a Latin word that misspells a store name by one letter left out.
            let mut cues: Option<Vec<CueMatch>> = None;
            for (i, w) in f.words().iter().enumerate() {
                let t = w.text(sk);
                if t.len() < 4 || !t.is_ascii() || flagged.contains(&i) {
                    continue;
                }
                let name = self.omitted.get(t).map(String::as_str).filter(|n| {
                    // A name that is also a word, with a letter left out (`amzon`), counts
                    // where the name would: after its preposition (`on amzon`: `on
                    // amazon` is an entry), near a word of buying, or as a domain.
                    !self.word_names.contains(*n)
                        || as_domain(sk, f.words(), i)
                        || i.checked_sub(1).is_some_and(|p| {
                            let before = f.words()[p].text(sk);
                            self.entries.contains(&format!("{before} {n}"))
                        })
                        || near(
                            sk,
                            f.words(),
                            cues.get_or_insert_with(|| self.shopping.find_all(sk, f.words())),
                            (i, i),
                            SHOPPING_WINDOW,
                        )
                });
                if name.is_some_and(|n| !self.is_home(n)) {
                    out.push(f.hit(w.start, w.end));
                }
            }
            // `دیحی کالا`: a Persian name with other dots, in one word or two.
            if !self.shapes.is_empty() {
                let ws = f.words();
                let mut i = 0;
                while i < ws.len() {
                    let t = ws[i].text(sk);
                    if t.is_ascii() || flagged.contains(&i) {
                        i += 1;
                        continue;
                    }
                    let mut written = t.to_owned();
                    let mut found = None;
                    for last in i..(i + 2).min(ws.len()) {
                        if last > i {
                            if flagged.contains(&last)
                                || ws[last].text(sk).is_ascii()
                                || !sk[ws[last - 1].end..ws[last].start]
                                    .chars()
                                    .all(|c| c == ' ')
                            {
                                break;
                            }
                            written.push_str(ws[last].text(sk));
                        }
                        let key: String = written.chars().map(dotted_shape).collect();
                        // One letter with other dots: `دیحی کالا`, not `سنتور` for `شیپور`.
                        if let Some(name) = self.shapes.get(&key)
                            && written
                                .chars()
                                .zip(name.chars())
                                .filter(|(a, b)| a != b)
                                .count()
                                <= 1
                        {
                            found = Some((name, last));
                        }
                    }
                    match found {
                        Some((name, last)) => {
                            if !self.is_home(name) {
                                out.push(f.hit_words(i, last));
                            }
                            i = last + 1;
                        }
                        None => i += 1,
                    }
                }
            }
            // `خیابان ... پلاک ۱۲`: a street, then within eight words a house number.
            let ws = f.words();
            for (i, w) in ws.iter().enumerate() {
                if w.text(sk) != "پلاک"
                    || !ws
                        .get(i + 1)
                        .is_some_and(|n| n.text(sk).bytes().all(|b| b.is_ascii_digit()))
                {
                    continue;
                }
                if let Some(s) = (i.saturating_sub(8)..i)
                    .find(|&k| matches!(ws[k].text(sk), "خیابان" | "خیابون" | "کوچه" | "بلوار"))
                {
                    out.push(f.hit_words(s, i + 1));
                }
            }
            // Every address phrasing holds one of these words (the prefilter's literals).
            let addressed = ADDRESS_WORDS.iter().any(|w| sk.contains(w));
            for c in self.address.captures_iter(sk).take_while(|_| addressed) {
                if cx.out_of_time() {
                    return;
                }
                if let Some(m) = c.get(1) {
                    let t = m
                        .as_str()
                        .trim_end_matches(|ch: char| !ch.is_alphanumeric());
                    out.push(f.hit(m.start(), m.start() + t.len()));
                }
            }
        }
    }
}
