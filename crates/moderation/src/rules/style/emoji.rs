use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use crate::prefilter::class::is_emoji_part;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Emoji (whole grapheme clusters: ZWJ sequences such as 👨‍👩‍👧, flags 🇮🇷, skin tones
    /// 👍🏽, keycaps) and text emoticons (`:)`, `:-(`, `:D`, `;)`, `^_^`, `<3`, `xD`).
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
                r"(?:^|[\s\p{L}\p{N}.!?؟،])(:-?\)+|:-?\(+|:-?[DPpOo|/\\*]|;-?\)+|=\)+|\^_*\^|<3+|xD+|XD+|:'\()(?:$|[\s.!?؟،])",
            )
            .map_err(|e| e.to_string())?,
        })
    }

    /// The emoticon inside a match of the pattern, which takes one boundary character on each
    /// side. After the start of the text the match begins with one; an emoticon never ends
    /// with a space or `.!?؟،`. Only a match at the very start needs the capture engine.
    fn emoticon_of(&self, text: &str, m: regex::Match<'_>) -> std::ops::Range<usize> {
        let mut range = m.range();
        if range.start == 0 {
            if let Some(g) = self.emoticon.captures_at(text, 0).and_then(|c| c.get(1)) {
                return g.range();
            }
        } else if let Some(c) = m.as_str().chars().next() {
            range.start += c.len_utf8();
        }
        if let Some(c) = text[range.clone()]
            .chars()
            .next_back()
            .filter(|&c| c.is_whitespace() || matches!(c, '.' | '!' | '?' | '؟' | '،'))
        {
            range.end -= c.len_utf8();
        }
        range
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
                let mut at = 0;
                while let Some(m) = self.emoticon.find_at(text, at) {
                    let m = self.emoticon_of(text, m);
                    let s = cp_at(m.start);
                    let e = cp_at(m.end);
                    spans.push((s, e));
                    at = m.end;
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
