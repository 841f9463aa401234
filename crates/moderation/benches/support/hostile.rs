//! Hostile inputs: 10,000-character reviews (title and body) built from one piece repeated,
//! each aimed at a rule's candidate loop. The benchmark times every one against the median
//! cost per character of real reviews; the most expensive is a criterion case.

use davar_moderation::Comment;

/// Characters of one hostile review, title and body together.
pub const CHARS: usize = 10_000;
/// Characters of its title.
const TITLE_CHARS: usize = 200;

/// `piece` repeated to exactly `chars` code points.
fn fill(piece: &str, chars: usize) -> String {
    piece.chars().cycle().take(chars).collect()
}

/// A Persian review whose title and body repeat `piece` (10,000 characters in all).
fn review(piece: &str) -> Comment {
    Comment {
        title: Some(fill(piece, TITLE_CHARS)),
        body: fill(piece, CHARS - TITLE_CHARS),
        ..Comment::default()
    }
}

/// Every hostile input, named by its piece.
pub fn inputs() -> Vec<(String, Comment)> {
    let pieces: &[&str] = &[
        // contacts/phone: `+` numbers of every length, digit chunks joined by separators,
        // valid mobiles, spelled numbers.
        "+111111111111111 ",
        "+98 912 345 6789 ",
        "0/9/1/2/3/4/5/6/7/8/",
        "1/2/3/4/5/6/7/8/9/0/",
        "۰۹۱۲۳۴۵۶۷۸۹ ",
        "09123456789/",
        "صفر نهصد و دوازده سیصد و چهل و پنج ",
        "00491719876543 ",
        "1 ",
        // contacts/bank, e-mail, social, links.
        "6037991234567890 ",
        "a@b.co ",
        "name at gmail ",
        "@shop_1 ",
        "آیدی shop_1 ",
        "www.a.ir ",
        "a.ir/",
        "x dot com ",
        "( . ",
        // prices.
        "۱۲۳ هزار تومن ",
        "قیمت چند ",
        "قیمتش ۲۵۰ ",
        // style: emoji, emoticons, repeated letters, spaces, marks, kashida, Arabic letters.
        "😍",
        "1\u{fe0f}\u{20e3}",
        "👨\u{200d}👩\u{200d}👧 ",
        ":) ",
        "aaabbb",
        "خیلیییی ",
        "  .",
        "!?",
        "عـا",
        "كي",
        // conduct, placement, script.
        "ارسال دیر ",
        "ا ح م ق ",
        "sh1t ",
        "کسی میدونه؟ ",
        "دیجی کالا ",
        "kheili khoob ",
        "عالی ",
    ];
    pieces
        .iter()
        .map(|p| (format!("{p:?}"), review(p)))
        .collect()
}
