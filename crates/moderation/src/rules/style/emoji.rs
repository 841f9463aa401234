use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use crate::prefilter::class::{is_emoji_part, is_horizontal_space};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Emoji (whole grapheme clusters: ZWJ sequences such as 👨‍👩‍👧, flags 🇮🇷, skin tones
    /// 👍🏽, keycaps) and text emoticons (`:)`, `:-(`, `:D`, `;)`, `:]`, `^_^`, `T_T`, `<3`,
    /// `xD`, `:3`, the mirrored `(:` of right-to-left lines, the shrug `¯\_(ツ)_/¯`) written
    /// as emoticons: a token of their own, after a space or punctuation; a face with a round
    /// bracket for a mouth also right after a word (`nice:)`) unless it closes a parenthesis
    /// (`(price:)`); `(:` not when a `)` on its line closes it (`(: red, blue)`); `xD`, `XD`
    /// and `:3` only where they close a clause, not inside a name or a score (`Model XD
    /// works`, `3:3`). Not inside other writing (`x:D`, `MAXD`, `http://`, `MY_T_T`).
    ///
    /// ## Why
    /// Terms: no emoji or emoticons in reviews.
    ///
    /// ## Fix
    /// Fixable: each emoji or emoticon is removed, with the space before it when it ends a
    /// word group, so no double space is left behind; one written between two letters or
    /// digits (`Great👍product`) becomes a space, so the words stay apart. The repair removes content (an emoji
    /// such as 👎 or 🤮 is the author's opinion): a comment published with it is published
    /// with parts removed, a restriction with a statement of reasons and an appeal. A rule
    /// set may say otherwise (`removes_content: false`).
    code: "style/emoji", severity: Fix, fixable: true, removes_content: true, params: [],
    pub(crate) struct Emoji { emoticon: Regex }
}

impl Emoji {
    fn build(_p: &Params<'_>) -> Result<Emoji, String> {
        Ok(Emoji {
            emoticon: Regex::new(
                r"(?::-?\)+|:-?\(+|:'\(|;-?\)+|=\)+|:-?[\]\[]|\(+-?:|\^_*\^|T_+T|;_+;|:-?[DPpOo|/\\*3]|<3+|xD+|XD+|¯\\+_*\(ツ\)_*/¯)",
            )
            .map_err(|e| e.to_string())?,
        })
    }

    /// The byte ranges of the emoticons of `text`, in order. A candidate of the pattern is an
    /// emoticon only where it is written as one (see [`Emoticon::stands`]); where it is not,
    /// the search goes on from its second character.
    fn emoticons(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut found = Vec::new();
        let mut parens = Parens::default();
        let mut at = 0;
        while let Some(m) = self.emoticon.find_at(text, at) {
            let candidate = Emoticon {
                face: m.as_str(),
                before: text[..m.start()].chars().next_back(),
                after: &text[m.end()..],
            };
            if candidate.stands(|| parens.open_at(text, m.start())) {
                found.push(m.range());
                at = m.end();
            } else {
                at = m.start() + m.as_str().chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }
}

/// A candidate emoticon with what surrounds it.
struct Emoticon<'t> {
    face: &'t str,
    /// The character before it, if any.
    before: Option<char>,
    /// The text after it.
    after: &'t str,
}

impl Emoticon<'_> {
    /// Whether the candidate is written as an emoticon. Emoticons are written as a token of
    /// their own: after the start of the text, a space or punctuation, and before the end, a
    /// space or punctuation; a candidate inside a longer run of symbols (`::)`, `http:/`) or
    /// after a letter or digit (`x:D`, `MAXD`) is part of something else. Two kinds differ:
    /// - a face with a bracket for a mouth (`:)`, `:-(`, `;)`, `=)`, `:'(`) or `^_^` is also
    ///   written right after a word (`nice:)`, `خوب بود:)`), which no other writing does with
    ///   these marks, except a `)` closing a parenthesis the text opened (`(price:)`);
    /// - a face made of letters (`xD`, `XD`) is also a word (the `XD` of a model name, the `xD`
    ///   memory card), so it counts only where it closes a clause: at the end of the text or a
    ///   line, or before closing punctuation or an emoji (`haha XD`, `XD!`), not running on
    ///   into the next word (`Model XD works`).
    fn stands(&self, opens_parenthesis: impl FnOnce() -> bool) -> bool {
        let after_ok = match self.after.chars().next() {
            None => true,
            Some(c) => c.is_whitespace() || ends_token(c),
        };
        if !after_ok {
            return false;
        }
        // A face whose mouth is a digit (`:3`) is also a number after a colon.
        let word = self.face.starts_with(['x', 'X'])
            || self.face.starts_with(":3")
            || self.face.starts_with(":-3");
        // A mirrored face (`(:`, typed in a right-to-left line) is a parenthesis when a `)`
        // on its line closes it (`(: red, blue)`).
        if self.face.starts_with('(') && closes_later(self.after) {
            return false;
        }
        let bracket = self.face.ends_with([')', '('])
            || self.face.starts_with('^')
            || self.face.starts_with('(');
        let before_ok = match self.before {
            None => true,
            Some(c) if c.is_whitespace() || starts_token(c) => true,
            Some(c) if c.is_alphanumeric() || is_mark(c) => {
                bracket && !(self.face.ends_with(')') && opens_parenthesis())
            }
            Some(_) => false,
        };
        before_ok && (!word || self.closes_clause())
    }

    /// Whether the text after the candidate, past spaces on its line, ends, breaks the line,
    /// or goes on with closing punctuation or an emoji.
    fn closes_clause(&self) -> bool {
        match self.after.chars().find(|&c| !is_horizontal_space(c)) {
            None => true,
            Some(c) => c == '\n' || c == '\r' || ends_token(c) || is_emoji_part(c),
        }
    }
}

/// Whether a `)` on the line of `after` closes a parenthesis open just before it.
fn closes_later(after: &str) -> bool {
    let mut depth = 1usize;
    for c in after.chars().take_while(|&c| c != '\n') {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Punctuation an emoticon may follow (besides a space).
fn starts_token(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '!' | '?' | '؟' | '،' | '؛' | '…' | '"' | '«' | '»' | '“' | '”' | '(' | '['
    )
}

/// Punctuation an emoticon may be followed by (besides a space).
fn ends_token(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '!' | '?' | '؟' | '،' | '؛' | '…' | '"' | '»' | '“' | '”' | ')' | ']'
    )
}

/// A combining mark (the vowel signs of Persian and Arabic words).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0300}'..='\u{036F}')
}

/// How many parentheses are open at a byte of a text, read on from the last byte asked about
/// (the candidates come in order); a `)` with none open is not counted.
#[derive(Default)]
struct Parens {
    read: usize,
    open: usize,
}

impl Parens {
    fn open_at(&mut self, text: &str, at: usize) -> bool {
        for c in text[self.read..at].chars() {
            match c {
                '(' => self.open += 1,
                ')' => self.open = self.open.saturating_sub(1),
                _ => {}
            }
        }
        self.read = at;
        self.open > 0
    }
}

/// Whether a grapheme cluster is an emoji: it holds a pictograph, a keycap, or a symbol that
/// the emoji variation selector (U+FE0F) turns into one (`©️`, `®️`, `‼️`, `▶️`, `⬅️` ...).
pub(crate) fn is_emoji(g: &str) -> bool {
    let selector = g.contains('\u{FE0F}');
    g.chars().any(|c| {
        let u = c as u32;
        // Symbols typed as text (star ratings ★☆, check marks, ballot boxes, notes) are not
        // emoji unless the emoji variation selector asks for it.
        if !selector
            && matches!(
                u,
                0x2605 | 0x2606 | 0x2610..=0x2612 | 0x2713 | 0x2717 | 0x2718 | 0x266A | 0x266B
            )
        {
            return false;
        }
        (is_emoji_part(c) && c != '\u{FE0F}')
            || (selector
                && matches!(u,
                0xA9 | 0xAE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2190..=0x21FF | 0x2328
                | 0x23CF | 0x24C2 | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE
                | 0x2934..=0x2935 | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x3030 | 0x303D
                | 0x3297 | 0x3299))
    })
}

impl Rule for Emoji {
    fn prefilter(&self) -> Prefilter {
        Prefilter::classes(Classes::EMOJI.or(Classes::EMOTICON))
    }

    fn check(&self, _cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let text = f.original;
            let mut spans: Vec<(usize, usize)> = Vec::new();
            if f.facts.has(Classes::EMOJI) {
                let mut cp = 0usize;
                let mut run: Option<usize> = None;
                for g in text.graphemes(true) {
                    let start = cp;
                    cp += g.chars().count();
                    // A run of emoji (`😍😍😍`) is one violation.
                    match (is_emoji(g), run) {
                        (true, None) => run = Some(start),
                        (false, Some(s)) => {
                            spans.push((s, start));
                            run = None;
                        }
                        _ => {}
                    }
                }
                if let Some(s) = run {
                    spans.push((s, f.chars));
                }
            }
            if f.facts.has(Classes::EMOTICON) {
                // Code points before byte `at`, counted on from the last match.
                let (mut byte, mut cp) = (0usize, 0usize);
                let mut cp_at = |at: usize| {
                    cp += text[byte..at].chars().count();
                    byte = at;
                    cp
                };
                for m in self.emoticons(text) {
                    let s = cp_at(m.start);
                    let e = cp_at(m.end);
                    spans.push((s, e));
                }
            }
            spans.sort();
            let chars = &f.cps;
            for (s, e) in spans {
                // Remove the spaces before the emoji too when it ends the text or a line, or a
                // space follows it: no double space is left.
                let mut fs = s;
                while fs > 0 && chars[fs - 1] == ' ' {
                    fs -= 1;
                }
                let after_space_or_end = e >= chars.len() || chars[e].is_whitespace();
                let fs = if after_space_or_end || fs == 0 { fs } else { s };
                // At the start of the text, take the spaces after it instead.
                let mut fe = e;
                if fs == 0 {
                    while fe < chars.len() && chars[fe] == ' ' {
                        fe += 1;
                    }
                }
                // Between two letters or digits (`Great👍product`) it parted two words: a
                // space takes its place, so the words are not run together.
                let parts_words = fs == s
                    && s > 0
                    && e < chars.len()
                    && chars[s - 1].is_alphanumeric()
                    && chars[e].is_alphanumeric();
                let with = if parts_words { " " } else { "" };
                out.push(f.hit_cp(s, e).with_edit(fs, fe, with));
            }
        }
    }
}
