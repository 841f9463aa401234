use std::collections::{HashMap, HashSet};

use phonenumber::country::Id;

use crate::lexicon::read_tags;
use crate::model::Field;
use crate::numbers::{NumberChunk, NumberWords, loose_run, sequences};
use crate::rules::contacts::bank::Bank;
use crate::rules::contacts::social::ends_with_messenger;
use crate::rules::prelude::*;
use crate::text::{is_word_char, skeleton_key};

mod shape;
use shape::{Shape, groups_by_len, is_date, is_decimal_pair, is_list};

declare_rule! {
    /// ## What it flags
    /// Phone numbers: Iranian mobiles (`09xx`, `+98 9xx`, `0098 9xx`) and landlines with
    /// their area code (`021 ...`), and international numbers written with `+`. They are found
    /// however they are written: ASCII, Persian (`۰۹۱۲`) or Arabic-Indic (`٠٩١٢`) digits,
    /// spaced, dashed, dotted, parted by symbols (`۰۹۱۲☆۳۴۵☆۶۷۸۹`) or split with zero-width
    /// characters (`۰۹۱۲ ۳۴۵-۶۷۸۹`), with
    /// number words (`صفر نهصد و دوازده سیصد و چهل و پنج ...`, `zero nine one two …`,
    /// `zéro six douze trente-quatre …`, `null eins fünf eins …`, Arabic and Finglish words:
    /// the rule set's `number_words` lexicons), or a mix of them.
    ///
    /// ## Why
    /// No personal contact details in reviews or Q&A (terms: no contacts).
    ///
    /// ## How it decides
    /// Numbers next to each other (only spaces or separators between them) are read as one
    /// digit string, and each candidate is validated with the `phonenumber` library's
    /// numbering plans. Pieces parted by commas or up to two joining words (`۰۹۱۲ و ۳۴۵ و
    /// ۶۷۸۹`, `07 puis 92 33 …`: `between` entries of `phone-words`), and a number the title
    /// ends with and the body goes on with, are one number when the whole is valid and written
    /// with its trunk prefix, a `+`, after a call word, or read out in words in groups. A
    /// number in words needs its trunk prefix, a call word or to be read out in three parts or
    /// more, half of them digit by digit (`forty one, fifty two, twelve` are ages or pages);
    /// words counted up or down (`one two three four`) are a list. Years (`۱۴۰۳`), dates, sizes (`۱۲۸ گیگ`), quantities, prices and
    /// model numbers are not valid phone numbers and are not flagged; neither are dates with a
    /// time (`2023-05-14 10:30`) or decimal numbers side by side (`80.585 79.964`), which the
    /// skeleton would otherwise join. Digits glued to Latin letters count (`tel09121234567`,
    /// `+44 2034567890x456`), and so do letters written for digits (`O912…`, folded by the
    /// skeleton); where the skeleton reads none (letters side by side: `(O2O) 7946 OOOO`,
    /// `07700 9OO l23`, `415 555 Ol99`), groups of digits and `O`/`o` (0), `I`/`l` (1) and
    /// `Z` (2), with three digits or more among them, are read as digits when a call word
    /// announces them and the whole is a valid number (`Call it 1O0 USD` is not). Runs of 16 or more digits are card or account numbers (see
    /// `contacts/bank`), and so is a number inside a card or Sheba that rule reads (groups
    /// parted by symbols or words, `6037*9911*2345*6786`: no phone in `9911*2345*67`).
    /// Groups parted by marks that part two numbers in prose (`=`, `%`, `:`, `,`), quotes or
    /// brackets, alone or mixed with the separators above, or three groups or more parted by
    /// a blank line, are one number (`0912=345=6789`, `[0912][345][6789]`, `«۰۹۱۲»«۳۴۵»«۶۷۸۹»`,
    /// `0912-345=6789`), held to the same terms as pieces parted by commas.
    ///
    /// Parameter `regions` (e.g. `[US, GB, DE, FR]` on the default storefronts) also accepts
    /// the national formats of those countries, validated with their numbering plans: written
    /// in groups (`030 123456`, `01512 3456789`, `(415) 867-5309`, `415/666-7777`), or bare
    /// right after a word that announces a number (`call 4156667777`, `Tel. 015123456789`;
    /// lexicon `phone-words`, and a messenger's name of the `messengers` lexicons, default
    /// `messengers.fa`: `viber 4156667777`) or right before an extension (`4156667777 x 123`,
    /// `0301234567 Durchwahl 12`; its `extension` entries), so a bare order number
    /// (`order 4158675309`) is not a phone. A mobile number written bare with its trunk prefix
    /// `0` (`0612345678`, `015123456789`) is a phone too, as Iranian `09…` numbers are, unless a
    /// word before it names another kind of number (`Bestellnummer 015123456789`; the
    /// lexicon's `other` entries). A trunk prefix written after a country code (`+44 (0)20…`,
    /// `+1 1 650…`) is dropped. Four or more groups of one or two digits that go up
    /// or down by one or two (`sizes 36 37 38 39 40`) are a list, not a number.
    /// National numbers have at least 9 digits, or 7 with a trunk prefix (`04931-49`) unless
    /// a word before them names another kind of number (`Model 0912-345`, `Part 0612-345-A`:
    /// the lexicon's `other` entries); one
    /// written in more than five groups (digit by digit: `0 3 0 3 2 2 3 1 2 3 4`) needs a
    /// trunk prefix or a call word before it. A field
    /// holding more phone-shaped numbers than can be validated (48 validations) is flagged from
    /// the first number left unchecked to its last one.
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/phone", severity: Reject, fixable: false, params: ["number_words", "regions", "call_words", "messengers"],
    pub(crate) struct Phone { words: NumberWords, regions: Vec<Region>, call_words: HashSet<String>, extension_words: HashSet<String>, other_words: HashSet<String>, between_words: HashSet<String>, cards: Bank }
}

impl Phone {
    fn build(p: &Params<'_>) -> Result<Phone, String> {
        let mut regions = Vec::new();
        for code in p.strings("regions", &[])? {
            let id: Id = code.to_ascii_uppercase().parse().map_err(|_| {
                format!("parameter `regions`: `{code}` is not an ISO 3166 country code")
            })?;
            regions.push(Region::new(id, &code.to_ascii_uppercase()));
        }
        let (mut call_words, mut extension_words, mut other_words, mut between_words) = (
            HashSet::new(),
            HashSet::new(),
            HashSet::new(),
            HashSet::new(),
        );
        let lexicons = p.lexicons("call_words", &["phone-words"])?;
        for (e, tag) in read_tags(lexicons.iter().copied(), CALL_WORD_TAGS)? {
            let set = match tag {
                CallTag::Call => &mut call_words,
                CallTag::Extension => &mut extension_words,
                CallTag::Other => &mut other_words,
                CallTag::Between => &mut between_words,
            };
            set.insert(skeleton_key(&e.text));
        }
        // A messenger's name announces a number as a call word does (`viber 4156667777`).
        for lex in p.lexicons("messengers", &["messengers.fa"])? {
            call_words.extend(lex.entries.iter().map(|e| skeleton_key(&e.text)));
        }
        Ok(Phone {
            words: NumberWords::from_lexicons(&p.lexicons("number_words", &["number-words.fa"])?)?,
            regions,
            call_words,
            extension_words,
            other_words,
            between_words,
            cards: Bank::build(p)?,
        })
    }

    /// Drops the hits from `had` on that lie inside a card or Sheba number of the field
    /// (`6037*9911*2345*6786` holds a number of a valid shape, `9911*2345*67`): the digits are
    /// the card's, which `contacts/bank` reports.
    fn drop_card_slices(&self, cx: &Ctx<'_>, f: &FieldText<'_>, had: usize, out: &mut Vec<Hit>) {
        if out.len() == had {
            return;
        }
        let mut cards = Vec::new();
        self.cards.check_field(cx, f, &mut cards);
        if cards.is_empty() {
            return;
        }
        let kept: Vec<Hit> = out
            .drain(had..)
            .filter(|h| !cards.iter().any(|c| c.start <= h.start && h.end <= c.end))
            .collect();
        out.extend(kept);
    }
}

/// What an entry of the `call_words` lexicons is, by its tag.
#[derive(Debug, Clone, Copy)]
enum CallTag {
    Call,
    Extension,
    Other,
    Between,
}

const CALL_WORD_TAGS: &[(Option<&str>, CallTag, &str)] = &[
    (None, CallTag::Call, "a word before a number"),
    (
        Some("extension"),
        CallTag::Extension,
        "a word before an extension after it",
    ),
    (
        Some("other"),
        CallTag::Other,
        "a word before a number of another kind",
    ),
    (
        Some("between"),
        CallTag::Between,
        "a word between two parts of one number",
    ),
];

/// A region whose national formats `contacts/phone` accepts, with what its numbering plan says
/// of every national number: the trunk prefix and the possible lengths.
struct Region {
    id: Id,
    /// The national (trunk) prefix: `0` in DE, FR, GB; `1` in the US, where it is optional.
    trunk: Option<String>,
    /// Possible lengths of a national significant number, of every type of number (empty:
    /// unknown, any length).
    lengths: Vec<u16>,
}

impl Region {
    fn new(id: Id, code: &str) -> Region {
        let meta = phonenumber::metadata::DATABASE.by_id(code);
        Region {
            id,
            trunk: meta.and_then(|m| m.national_prefix().map(str::to_owned)),
            lengths: meta.map_or_else(Vec::new, |m| {
                let d = m.descriptors();
                let mut lengths: Vec<u16> = [
                    Some(d.general()),
                    d.fixed_line(),
                    d.mobile(),
                    d.toll_free(),
                    d.premium_rate(),
                    d.shared_cost(),
                    d.personal_number(),
                    d.voip(),
                    d.pager(),
                    d.uan(),
                ]
                .into_iter()
                .flatten()
                .flat_map(|d| d.possible_length().iter().copied())
                .collect();
                lengths.sort_unstable();
                lengths.dedup();
                lengths
            }),
        }
    }

    /// A cheap test that `digits` can be a national number here, before the full parse: a
    /// trunk prefix of `0` is written, and the rest has a possible length.
    fn plausible(&self, digits: &str) -> bool {
        let nsn = match self.trunk.as_deref() {
            Some(t) => match digits.strip_prefix(t) {
                Some(rest) => rest,
                None if t == "0" => return false,
                None => digits,
            },
            None => digits,
        };
        self.lengths.is_empty() || self.lengths.contains(&(nsn.len() as u16))
    }
}

/// Pictographs of a telephone that announce a number: ☎ 📞 📱 📲.
const CALL_PICTOGRAPHS: &[char] = &['\u{260E}', '\u{1F4DE}', '\u{1F4F1}', '\u{1F4F2}'];

/// Most verdicts kept per field (then the memo starts again).
const MEMO_SIZE: usize = 1024;

/// Most digits a candidate can have (`00` and a 15-digit international number).
const MAX_DIGITS: usize = 17;

/// Most numbers validated with `phonenumber` per field (verdicts kept in the field's memo do
/// not count). A validation takes microseconds and a crafted text can hold a candidate every
/// few characters; no honest comment comes near this. A field with more phone-shaped numbers
/// is flagged from the first one left unchecked to its last number (`contacts/phone` exists
/// to keep such lists off the page).
const MAX_VALIDATIONS: usize = 48;

/// Why a field's candidates stopped being validated.
enum Stop {
    /// The field's validations are spent, at the candidate starting at this skeleton byte.
    Spent(usize),
    /// The deadline passed.
    Late,
}

/// The validations a field has left.
struct Budget(usize);

impl Budget {
    /// Takes one validation for the candidate at skeleton byte `at`; the clock is read each
    /// time, as each validation costs microseconds.
    fn spend(&mut self, cx: &Ctx<'_>, at: usize) -> Result<(), Stop> {
        if cx.out_of_time_now() {
            return Err(Stop::Late);
        }
        self.0 = self.0.checked_sub(1).ok_or(Stop::Spent(at))?;
        Ok(())
    }
}

/// The numbering plan's verdicts on the candidates of one field, keyed by kind and digits: a
/// field that repeats a number pays for one validation.
type Memo = HashMap<(u8, String), bool>;

/// The verdict on `key` from `memo`, or from `validate` at the cost of one validation of
/// `budget` (for the candidate at skeleton byte `at`).
fn verdict(
    cx: &Ctx<'_>,
    memo: &mut Memo,
    budget: &mut Budget,
    at: usize,
    key: (u8, String),
    validate: impl FnOnce(&str) -> bool,
) -> Result<bool, Stop> {
    if let Some(&known) = memo.get(&key) {
        return Ok(known);
    }
    budget.spend(cx, at)?;
    if memo.len() > MEMO_SIZE {
        memo.clear();
    }
    let valid = validate(&key.1);
    memo.insert(key, valid);
    Ok(valid)
}

/// Whether `digits` (optionally after a `+`) is a valid phone number.
fn valid(digits: &str, plus: bool) -> bool {
    if plus {
        valid_international(digits)
    } else if let Some(rest) = digits.strip_prefix("00") {
        valid_international(rest)
    } else {
        phonenumber::parse(Some(Id::IR), digits).is_ok_and(|n| phonenumber::is_valid(&n))
    }
}

/// Whether `digits`, a country code and what follows it, is a valid international number,
/// also when the country's trunk prefix is written after the code (`+1 1 650 333 6000`,
/// `0011 650 333 6000` dialled with Australia's `0011`): the numbering plan drops it, as
/// libphonenumber does. The `phonenumber` crate drops it only for a code of one region, not
/// for the shared `+1`.
fn valid_international(digits: &str) -> bool {
    let ok = |d: &str| {
        phonenumber::parse(None, format!("+{d}")).is_ok_and(|n| phonenumber::is_valid(&n))
    };
    if ok(digits) {
        return true;
    }
    // Country codes are prefix-free: at most one of the first three lengths is a code.
    let Some((code, regions)) = (1..=3.min(digits.len().saturating_sub(1))).find_map(|l| {
        let value: u16 = digits[..l].parse().ok()?;
        Some((
            &digits[..l],
            phonenumber::metadata::DATABASE.by_code(&value)?,
        ))
    }) else {
        return false;
    };
    let rest = &digits[code.len()..];
    let mut tried: Vec<&str> = Vec::new();
    regions
        .iter()
        .filter_map(|m| m.national_prefix())
        .any(|trunk| {
            if tried.contains(&trunk) {
                return false;
            }
            tried.push(trunk);
            rest.strip_prefix(trunk)
                .is_some_and(|national| !national.is_empty() && ok(&format!("{code}{national}")))
        })
}

/// Candidate lengths for a digit string starting at a number boundary.
fn candidate_lengths(s: &str, plus: bool) -> Vec<usize> {
    if plus {
        return (8..=15).rev().filter(|&l| l <= s.len()).collect();
    }
    let mut out = Vec::new();
    if s.starts_with("0098") {
        out.push(14);
    } else if s.starts_with("00") {
        // `0049 171 9876543`: an international number with the 00 prefix.
        out.extend((10..=17).rev());
    }
    if s.starts_with("989") {
        out.push(12);
    }
    if s.starts_with('0') && !s.starts_with("00") {
        out.push(11);
    }
    if s.starts_with('9') {
        out.push(10);
    }
    out.retain(|&l| l <= s.len());
    out
}

impl Rule for Phone {
    fn prefilter(&self) -> Prefilter {
        // A digit, or a number word a spelled number could start with.
        Prefilter::digit_run(1).or(self.words.prefilter())
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        // The number the title ends with, when nothing was flagged in it: the body may go on
        // with the rest of it.
        let mut title_tail: Option<(&FieldText<'_>, String, usize, usize)> = None;
        for f in fields {
            let sk = f.sk();
            let cs = f.numbers(&self.words, true);
            let seqs = sequences(sk, &cs);
            let mut memo = Memo::new();
            let mut budget = Budget(MAX_VALIDATIONS);
            let had = out.len();
            let found = match self.check_field(cx, f, &cs, &seqs, &mut memo, &mut budget, out) {
                Ok(found) => {
                    self.drop_card_slices(cx, f, had, out);
                    found
                }
                Err(Stop::Spent(start)) => {
                    let end = cs.last().map_or(start, |c| c.end);
                    out.push(f.hit(start, end));
                    continue;
                }
                Err(Stop::Late) => return,
            };
            if out.len() == had && self.lookalike_groups(cx, f, out).is_err() {
                return;
            }
            let unflagged = |n: usize| (!found[n]).then(|| seqs[n].clone());
            match f.field {
                Field::Title => {
                    title_tail = seqs
                        .len()
                        .checked_sub(1)
                        .and_then(unflagged)
                        .filter(|seq| !sk[cs[seq.end - 1].end..].chars().any(is_word_char))
                        .map(|seq| {
                            (
                                f,
                                digits_of(&cs[seq.clone()]),
                                cs[seq.start].start,
                                cs[seq.end - 1].end,
                            )
                        });
                }
                Field::Body => {
                    let head = (!seqs.is_empty())
                        .then_some(0)
                        .and_then(unflagged)
                        .filter(|seq| !sk[..cs[seq.start].start].chars().any(is_word_char));
                    if let (Some((title, tail, start, end)), Some(seq)) = (&title_tail, head) {
                        let rest = digits_of(&cs[seq.clone()]);
                        let plus = title.sk()[..*start].trim_end_matches(' ').ends_with('+');
                        if self.split_number(cx, tail, &rest, plus) {
                            out.push(title.hit(*start, *end));
                            out.push(f.hit(cs[seq.start].start, cs[seq.end - 1].end));
                        }
                    }
                }
            }
        }
    }
}

/// Whether `gap` between two digit groups may part the groups of one number (`=`, `%`, `][`,
/// `»«`, a blank line): at most four marks of
/// prose, arithmetic, quotes or brackets and white space, or white space holding two line
/// breaks or more.
fn repeated_gap(gap: &str) -> bool {
    let marks = gap.chars().filter(|c| !c.is_whitespace()).count();
    let breaks = gap.matches('\n').count();
    gap.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '=' | '+'
                    | '%'
                    | '٪'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '«'
                    | '»'
                    | '"'
                    | '\''
                    | ':'
                    | ';'
                    | '؛'
                    | ','
                    | '،'
                    | '<'
                    | '>'
                    | '|'
            )
    }) && ((1..=4).contains(&marks) || (marks == 0 && breaks >= 2))
}

/// The digits of `parts`, one after another (at most the longest candidate and one more).
fn digits_of(parts: &[NumberChunk<'_>]) -> String {
    let mut digits = String::new();
    for p in parts {
        if digits.len() > MAX_DIGITS {
            break;
        }
        digits.push_str(p.digits.as_str());
    }
    digits
}

/// The parts from `k` on that hold the first `n` digits.
fn covering<'p, 'a>(parts: &'p [NumberChunk<'a>], k: usize, n: usize) -> &'p [NumberChunk<'a>] {
    let mut seen = 0;
    let mut end = k;
    while end < parts.len() && seen < n {
        seen += parts[end].digits.as_str().len();
        end += 1;
    }
    &parts[k..end]
}

/// A number read out in words, in three parts or more and digit by digit for at least half of
/// them (`nine one seven, five five five, …`): prose does not hold one, so it needs no trunk
/// prefix or call word. Numbers of two digits in a row (`forty one, fifty two, twelve, thirty
/// four`: ages, pages, scores) are prose.
fn read_out(parts: &[NumberChunk<'_>]) -> bool {
    let digit_by_digit = parts
        .iter()
        .filter(|p| p.digits.as_str().len() == 1)
        .count();
    parts.len() >= 3 && parts.iter().all(|p| p.spelled) && digit_by_digit * 2 >= parts.len()
}

/// Whether the `n` parts from `k`, in sequences starting at `bounds`, are groups of two digits
/// or more but for the last (`nine one seven, five five five, …`), not single digits parted by
/// commas (`nine, seven, eight, …`: a list of scores).
fn grouped(bounds: &[usize], parts: &[NumberChunk<'_>], k: usize, n: usize) -> bool {
    let seq_of = |i: usize| bounds.partition_point(|&b| b <= i);
    let mut sizes: Vec<usize> = Vec::new();
    let mut last_seq = usize::MAX;
    for (i, part) in parts.iter().enumerate().skip(k).take(n) {
        let len = part.digits.as_str().len();
        if seq_of(i) == last_seq {
            if let Some(size) = sizes.last_mut() {
                *size += len;
            }
        } else {
            sizes.push(len);
            last_seq = seq_of(i);
        }
    }
    sizes.len() >= 2 && sizes[..sizes.len() - 1].iter().all(|&s| s >= 2)
}

/// Numbers in words counted up or down (`one two three four`, `نه، ده، یازده، دوازده`): a
/// list, not a phone number.
fn counted(parts: &[NumberChunk<'_>]) -> bool {
    let values: Vec<i128> = parts
        .iter()
        .map_while(|p| p.digits.as_str().parse().ok())
        .collect();
    values.len() >= 4
        && values.len() == parts.len()
        && values.windows(2).all(|w| (w[1] - w[0]).abs() == 1)
        && values.windows(3).all(|w| w[1] - w[0] == w[2] - w[1])
}

/// Fewest digits written as digits in a number read from groups of digits and letters that
/// look like them ([`Phone::lookalike_groups`]).
const LOOKALIKE_GROUP_DIGITS: usize = 3;

/// Most numbers of groups with look-alike letters validated per field.
const LOOKALIKE_GROUP_VALIDATIONS: usize = 8;

/// The digit a letter of the skeleton looks like inside a group of digits: `o` 0, `i`/`l` 1,
/// `z` 2 (the skeleton lowercased them and folded Cyrillic and Greek look-alikes to them).
fn group_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b),
        b'o' => Some(b'0'),
        b'i' | b'l' => Some(b'1'),
        b'z' => Some(b'2'),
        _ => None,
    }
}

/// Whether a skeleton word may be a group of a phone number written with look-alike letters:
/// digits and `o i l z` with a digit among them (`o7oo`, `l23`, `o1z3`), or zeros written as
/// letters only (`oooo`; not `lol`, `zoo`, `i`).
fn lookalike_group(w: &str) -> bool {
    w.bytes().all(|b| group_digit(b).is_some())
        && (w.bytes().any(|b| b.is_ascii_digit()) || (w.len() >= 2 && w.bytes().all(|b| b == b'o')))
}

impl Phone {
    /// Flags numbers written in groups of digits with letters that look like digits among
    /// them, `o` 0, `i`/`l` 1, `z` 2, where the skeleton reads none (several letters side by
    /// side, `O7OO 9OO I23`, `(O2O) 7946 OOOO`, `555-O1Z3-4567`): a run of such groups parted
    /// by at most three of ` -.()/` is read as digits when it holds a letter and at least
    /// [`LOOKALIKE_GROUP_DIGITS`] digits, and flagged when a call word or pictograph announces
    /// it and it is a valid number (Iranian, international after `00`, or national of the rule
    /// set's regions). Model numbers and prices (`RTX 4070`, `1O0 USD`) are too short or not
    /// announced.
    fn lookalike_groups(
        &self,
        cx: &Ctx<'_>,
        f: &FieldText<'_>,
        out: &mut Vec<Hit>,
    ) -> Result<(), Stop> {
        let (sk, ws) = (f.sk(), f.words());
        let mut validations = 0;
        let mut k = 0;
        while k < ws.len() {
            if !lookalike_group(ws[k].text(sk)) {
                k += 1;
                continue;
            }
            let mut last = k;
            while last + 1 < ws.len() && lookalike_group(ws[last + 1].text(sk)) && {
                let gap = &sk[ws[last].end..ws[last + 1].start];
                (1..=3).contains(&gap.len())
                    && gap
                        .bytes()
                        .all(|b| matches!(b, b' ' | b'-' | b'.' | b'(' | b')' | b'/'))
            } {
                last += 1;
            }
            let written = &sk[ws[k].start..ws[last].end];
            let digits: String = ws[k..=last]
                .iter()
                .flat_map(|w| w.text(sk).bytes())
                .filter_map(group_digit)
                .map(char::from)
                .collect();
            let real = written.bytes().filter(u8::is_ascii_digit).count();
            if real >= LOOKALIKE_GROUP_DIGITS
                && real < digits.len()
                && (10..=MAX_DIGITS).contains(&digits.len())
                && self.announced(f, k)
            {
                if validations == LOOKALIKE_GROUP_VALIDATIONS {
                    return Ok(());
                }
                if cx.out_of_time_now() {
                    return Err(Stop::Late);
                }
                validations += 1;
                let national = self.regions.iter().any(|r| {
                    r.plausible(&digits)
                        && phonenumber::parse(Some(r.id), &digits)
                            .is_ok_and(|n| phonenumber::is_valid(&n))
                });
                if national || valid(&digits, false) {
                    let start = ws[k].start - usize::from(sk[..ws[k].start].ends_with('('));
                    let end = ws[last].end + usize::from(sk[ws[last].end..].starts_with(')'));
                    out.push(f.hit(start, end));
                }
            }
            k = last + 1;
        }
        Ok(())
    }

    /// Flags the phone numbers of one field: each sequence of numbers, then runs of sequences
    /// parted only by commas or words that stand between two pieces of one number
    /// (`۰۹۱۲ و ۳۴۵ و ۶۷۸۹`, `zéro six, douze, trente-quatre …`). Returns, per sequence,
    /// whether something was flagged in it.
    #[allow(clippy::too_many_arguments)]
    fn check_field(
        &self,
        cx: &Ctx<'_>,
        f: &FieldText<'_>,
        cs: &[NumberChunk<'_>],
        seqs: &[std::ops::Range<usize>],
        memo: &mut Memo,
        budget: &mut Budget,
        out: &mut Vec<Hit>,
    ) -> Result<Vec<bool>, Stop> {
        let sk = f.sk();
        let mut found = vec![false; seqs.len()];
        for (n, seq) in seqs.iter().enumerate() {
            if cx.out_of_time() {
                return Err(Stop::Late);
            }
            let had = out.len();
            self.check_sequence(cx, f, &cs[seq.clone()], None, memo, budget, out)?;
            found[n] = out.len() > had;
        }
        // Checks the sequences `n..=m` as one number, unless one of them holds a flagged one.
        let mut run = |n: usize, m: usize, found: &mut [bool]| -> Result<(), Stop> {
            if found[n..=m].contains(&true) {
                return Ok(());
            }
            let bounds: Vec<usize> = seqs[n..=m]
                .iter()
                .map(|s| s.start - seqs[n].start)
                .collect();
            let had = out.len();
            self.check_sequence(
                cx,
                f,
                &cs[seqs[n].start..seqs[m].end],
                Some(&bounds),
                memo,
                budget,
                out,
            )?;
            if out.len() > had {
                found[n..=m].fill(true);
            }
            Ok(())
        };
        let mut n = 0;
        while n < seqs.len() {
            let m = loose_run(sk, cs, seqs, n, &self.between_words, |_, _| true);
            if m > n {
                run(n, m, &mut found)?;
            }
            n = m + 1;
        }
        // `0912=345=6789`, `[0912][345][6789]`, `«0912»«345»«6789»`, `0912-345=6789`, a blank
        // line between groups: sequences parted by marks that part two numbers in prose, or
        // three or more parted by white space holding a blank line.
        let mut n = 0;
        while n < seqs.len() {
            let mut m = n;
            let mut marked = false;
            while m + 1 < seqs.len() {
                let gap = &sk[cs[seqs[m].end - 1].end..cs[seqs[m + 1].start].start];
                if !repeated_gap(gap) {
                    break;
                }
                marked |= !gap.chars().all(char::is_whitespace);
                m += 1;
            }
            if m >= n + 2 || (m > n && marked) {
                run(n, m, &mut found)?;
            }
            n = m + 1;
        }
        Ok(found)
    }

    /// Whether a number the title ends with (`tail`) and the one the body starts with (`rest`)
    /// make one phone number written with its trunk prefix or `+`: an Iranian or international
    /// number, or a national number of the rule set's regions.
    fn split_number(&self, cx: &Ctx<'_>, tail: &str, rest: &str, plus: bool) -> bool {
        let digits = format!("{tail}{rest}");
        if rest.is_empty() || tail.is_empty() || digits.len() > MAX_DIGITS || cx.out_of_time_now() {
            return false;
        }
        if !plus && !digits.starts_with('0') {
            return false;
        }
        valid(&digits, plus)
            || (!plus
                && self.regions.iter().any(|r| {
                    r.plausible(&digits)
                        && phonenumber::parse(Some(r.id), &digits)
                            .is_ok_and(|n| phonenumber::is_valid(&n))
                }))
    }

    /// Length of a valid national number of one of `regions` at part `k`; `Err` when the
    /// field's validations are spent or the deadline passed.
    #[allow(clippy::too_many_arguments)]
    fn national(
        &self,
        cx: &Ctx<'_>,
        f: &FieldText<'_>,
        parts: &[NumberChunk],
        shapes: &Shape,
        k: usize,
        digits: &str,
        memo: &mut Memo,
        budget: &mut Budget,
    ) -> Result<Option<usize>, Stop> {
        let sk = f.sk();
        let trunk = digits.starts_with('0') && !digits.starts_with("00");
        let shortest = if trunk { 7 } else { 9 };
        if digits.len() < shortest {
            return Ok(None);
        }
        // A number with parts in words (`zéro six douze …`, `415 five five five 2671`) needs
        // its trunk prefix or a call word before or after it.
        let spelled = {
            let mut seen = 0;
            parts[k..]
                .iter()
                .take_while(|p| {
                    let more = seen < digits.len();
                    seen += p.digits.as_str().len();
                    more
                })
                .any(|p| p.spelled)
        };
        let read = spelled && read_out(covering(parts, k, digits.len().min(10)));
        if spelled
            && !trunk
            && !read
            && !self.announced(f, parts[k].first_word)
            && !self.called_after(f, parts[parts.len() - 1].last_word)
        {
            return Ok(None);
        }
        // The parts `digits` spans, as written (`415/666-7777`), read once; a part in words is
        // one group of its digits.
        let grouping = if spelled {
            let mut shape = String::new();
            let mut seen = 0;
            for p in &parts[k..] {
                if seen >= digits.len() {
                    break;
                }
                let n = p.digits.as_str().len();
                seen += n;
                if !shape.is_empty() {
                    shape.push(' ');
                }
                if p.spelled {
                    shape.extend(std::iter::repeat_n('d', n));
                } else {
                    shape.push_str(shapes.of(f, p.start, p.end));
                }
            }
            groups_by_len(&shape)
        } else {
            groups_by_len(shapes.of_digits(f, parts, k, digits))
        };
        let groups_len = grouping.len();
        let dialled =
            digits.starts_with('0') || sk[..parts[k].start].trim_end_matches(' ').ends_with('+');
        let opening = usize::from(sk[..parts[k].start].ends_with('('));
        // A number read out in words is announced by its reading.
        let (mut announced, mut extended, mut short_other) = (read.then_some(true), None, None);
        for len in (shortest..=15.min(digits.len())).rev() {
            // Digit groups and separators of the first `len` digits as written: more than five
            // groups (`0 3 0 3 2 2 3 1 2 3 4`, spelled digit by digit) only with a trunk
            // prefix or after a call word; without a separator only after a call word.
            let (groups, separators) = grouping[len];
            // Without a prefix that dials (a trunk `0`, `00` or `+`), a number ends where its
            // digit group ends: `2024-0512-3345` (a part number) holds no number `2024-0512-33`,
            // though its first ten digits make one of some region.
            let mid_group = !dialled
                && len < digits.len()
                && len + 1 < groups_len
                && grouping[len + 1].0 == groups;
            if groups == 0
                || mid_group
                || (groups > 5
                    && !trunk
                    && !*announced.get_or_insert_with(|| self.announced(f, parts[k].first_word)))
            {
                continue;
            }
            // … or before an extension, when the candidate is the whole number; or, written
            // whole with its trunk prefix `0` (`0612345678`), when it is a mobile number and
            // no word before it names another kind of number (`Bestellnummer`, `order`).
            // A short national number (7 or 8 digits) within three words after a word naming
            // another kind of number is that number (`Model 0912-345`, `Part 0612-345-A`),
            // unless a call word announces it or follows it.
            if len < 9
                && *short_other.get_or_insert_with(|| {
                    self.other_number(f, parts[k].first_word)
                        && !self.announced(f, parts[k].first_word)
                        && !self.called_after(f, parts[parts.len() - 1].last_word)
                })
            {
                continue;
            }
            let whole = len == parts[k].digits.as_str().len();
            let mut mobile_only = false;
            if separators + opening == 0
                && !*announced.get_or_insert_with(|| self.announced(f, parts[k].first_word))
                && !(whole
                    && *extended.get_or_insert_with(|| self.extension_after(f, parts[k].last_word)))
            {
                if !(trunk && whole && !self.other_number(f, parts[k].first_word)) {
                    continue;
                }
                mobile_only = true;
            }
            let candidate = &digits[..len];
            if !self.regions.iter().any(|r| r.plausible(candidate)) {
                continue;
            }
            let key = (if mobile_only { 3 } else { 2 }, candidate.to_owned());
            let valid = verdict(cx, memo, budget, parts[k].start, key, |candidate| {
                self.regions.iter().any(|r| {
                    phonenumber::parse(Some(r.id), candidate).is_ok_and(|n| {
                        phonenumber::is_valid(&n)
                            && (!mobile_only
                                || n.number_type(&phonenumber::metadata::DATABASE)
                                    == phonenumber::Type::Mobile)
                    })
                })
            })?;
            if valid {
                return Ok(Some(len));
            }
        }
        Ok(None)
    }

    /// Whether an extension follows word `last`: an extension word and at least two digits
    /// (`4156667777 x 123`, `0494949 ext. 49`).
    fn extension_after(&self, f: &FieldText<'_>, last: usize) -> bool {
        let (sk, ws) = (f.sk(), f.words());
        let (Some(word), Some(number)) = (ws.get(last + 1), ws.get(last + 2)) else {
            return false;
        };
        let number = number.text(sk);
        self.extension_words.contains(word.text(sk))
            && number.len() >= 2
            && number.bytes().all(|b| b.is_ascii_digit())
    }

    /// Whether one of the three words before word `first` names a number of another kind
    /// (`order`, `Bestellnummer`, `commande`: `other` entries of the call words).
    fn other_number(&self, f: &FieldText<'_>, first: usize) -> bool {
        let (sk, ws) = (f.sk(), f.words());
        ws[first.saturating_sub(3)..first]
            .iter()
            .any(|w| self.other_words.contains(w.text(sk)))
    }

    /// Whether one of the three words after word `last` asks to be called or written to
    /// (`… ۰۹۱۲۳۴۵۶۷۸۹ پیام بدید`, `… 0612345678 call me`).
    fn called_after(&self, f: &FieldText<'_>, last: usize) -> bool {
        let (sk, ws) = (f.sk(), f.words());
        let from = (last + 1).min(ws.len());
        ws[from..(last + 4).min(ws.len())]
            .iter()
            .any(|w| self.call_words.contains(w.text(sk)))
    }

    /// Whether one of the three words before word `first` announces a phone number, or a
    /// phone or messenger pictograph right before it does (`📞 4156667777`, `✈️ …`; not `🟢`,
    /// which is also a list bullet).
    fn announced(&self, f: &FieldText<'_>, first: usize) -> bool {
        let (sk, ws) = (f.sk(), f.words());
        let before =
            sk[..ws[first].start].trim_end_matches(|c: char| c.is_whitespace() || c == ':');
        before.ends_with(CALL_PICTOGRAPHS)
            || ends_with_messenger(before)
            || ws[first.saturating_sub(3)..first]
                .iter()
                .any(|w| self.call_words.contains(w.text(sk)))
    }

    /// Flags the phone numbers of one sequence of numbers; `memo` keeps the numbering plan's
    /// verdicts on this field's candidates. `Err` when the field's validations are spent or the
    /// deadline passed.
    #[allow(clippy::too_many_arguments)]
    fn check_sequence(
        &self,
        cx: &Ctx<'_>,
        f: &FieldText<'_>,
        parts: &[NumberChunk],
        bounds: Option<&[usize]>,
        memo: &mut Memo,
        budget: &mut Budget,
        out: &mut Vec<Hit>,
    ) -> Result<(), Stop> {
        let sk = f.sk();
        let Some(last) = parts.last() else {
            return Ok(());
        };
        let shapes = Shape::new(f, parts[0].start, last.end);
        let mut digits = String::new();
        let mut k = 0;
        while k < parts.len() {
            // The longest candidate has 17 digits: the parts after it do not matter.
            digits.clear();
            for p in &parts[k..] {
                if digits.len() > MAX_DIGITS {
                    break;
                }
                digits.push_str(p.digits.as_str());
            }
            if !parts[k].spelled
                && (is_date(f, &shapes, parts, k, &digits)
                    || is_decimal_pair(f, &shapes, &parts[k])
                    || is_list(f, &shapes, parts, k, &digits))
            {
                k += 1;
                continue;
            }
            // Pieces parted by commas or words make a number from the start of a piece: the
            // end of a date is not the start of a number (`از ۱۴۰۲/۰۹/۱۰ تا ۱۴۰۲/۰۹/۲۰`).
            if bounds.is_some_and(|b| !b.contains(&k)) {
                k += 1;
                continue;
            }
            let plus = sk[..parts[k].start].trim_end_matches(' ').ends_with('+');
            // Pieces parted by commas or words make a number only when it is written with its
            // trunk prefix, a `+` or after a call word.
            let first_ten = covering(parts, k, 10);
            if parts[k].spelled && counted(first_ten) {
                k += 1;
                continue;
            }
            if let Some(bounds) = bounds
                && !(plus
                    || digits.starts_with('0')
                    || (read_out(first_ten) && grouped(bounds, parts, k, first_ten.len()))
                    || self.announced(f, parts[k].first_word))
            {
                k += 1;
                continue;
            }
            let first_len = parts[k].digits.as_str().len();
            let mut found = None;
            // A number is read whole: a mobile-shaped start of a longer unbroken run of digits
            // (a 15-digit serial) is not a phone; nor is a bare number within three words after
            // a word naming another kind of number (`کد رهگیری`, `شماره سفارش`, `serial`), when its
            // first part holds at least ten digits (the skeleton joins groups a space apart) and
            // no call word announces it or follows it (`برای سفارش به ۰۹۱۲ ۳۴۵ ۶۷۸۹ پیام بدید`
            // is a phone).
            let other = !plus
                && !parts[k].spelled
                && first_len >= 10
                && self.other_number(f, parts[k].first_word)
                && !self.announced(f, parts[k].first_word)
                && !self.called_after(f, parts[k].last_word);
            if first_len < 16 && !other {
                for len in candidate_lengths(&digits, plus) {
                    if !plus && !parts[k].spelled && len < first_len {
                        continue;
                    }
                    let key = (u8::from(plus), digits[..len].to_owned());
                    let at = parts[k].start;
                    if verdict(cx, memo, budget, at, key, |d| valid(d, plus))? {
                        found = Some(len);
                        break;
                    }
                }
            }
            // National formats of other countries (`(415) 867-5309`), when the rule set lists
            // them: only when written with separators, so bare order numbers stay unflagged.
            if found.is_none() && !self.regions.is_empty() {
                found = self.national(cx, f, parts, &shapes, k, &digits, memo, budget)?;
            }
            let Some(len) = found else {
                k += 1;
                continue;
            };
            // Map the digit length back to the chunk it ends in.
            let mut remaining = len;
            let mut j = k;
            let mut end = parts[k].end;
            while j < parts.len() {
                let n = parts[j].digits.as_str().len();
                if remaining <= n {
                    end = if parts[j].spelled {
                        parts[j].end
                    } else {
                        parts[j].start + remaining
                    };
                    break;
                }
                remaining -= n;
                j += 1;
            }
            // A number joined across commas or words (`bounds`: where each sequence starts)
            // counts only when it spans two sequences (one inside a sequence was judged with it).
            if let Some(bounds) = bounds {
                let seq_of = |i: usize| bounds.partition_point(|&b| b <= i);
                if seq_of(k) == seq_of(j.min(parts.len() - 1)) {
                    k += 1;
                    continue;
                }
            }
            let mut start = parts[k].start;
            if sk[..start].ends_with('(') {
                start -= 1;
            }
            if plus {
                start = sk[..start].trim_end_matches(' ').len() - 1;
            }
            out.push(f.hit(start, end));
            k = j + 1;
        }
        Ok(())
    }
}
