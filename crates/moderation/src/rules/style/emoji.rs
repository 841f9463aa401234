use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

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
    /// word group, so no double space is left behind.
    code: "style/emoji", severity: Fix, fixable: true, params: [],
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
}

/// Whether a grapheme cluster is an emoji.
pub(crate) fn is_emoji(g: &str) -> bool {
    let selector = g.contains('\u{FE0F}');
    g.chars().any(|c| {
        let u = c as u32;
        // Symbols typed as text (star ratings ★☆, check marks, ballot boxes, notes) are not
        // emoji unless the emoji variation selector asks for it.
        if !selector && matches!(u, 0x2605 | 0x2606 | 0x2610..=0x2612 | 0x2713 | 0x2717 | 0x2718 | 0x266A | 0x266B) {
            return false;
        }
        matches!(u,
            0x1F000..=0x1FAFF      // pictographs, emoticons, transport, flags, supplemental
            | 0x2600..=0x27BF      // misc symbols, dingbats
            | 0x2B50..=0x2B55      // stars and circles
            | 0x231A..=0x231B | 0x23E9..=0x23FA
        ) || c == '\u{20E3}' // keycap
            || (selector && (matches!(u, 0x2190..=0x21FF | 0x2934..=0x2935 | 0x3030 | 0x303D | 0x3297 | 0x3299) || c == '\u{00A9}' || c == '\u{00AE}' || c == '\u{2122}'))
    })
}

impl Rule for Emoji {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Hit>) {
        for f in cx.fields().filter(|f| f.features.emoji_candidate) {
            let text = f.original;
            // Most comments have no emoji: skip grapheme segmentation then.
            let may_have_emoji = f.cps.iter().any(|&c| {
                let u = c as u32;
                u >= 0x2190 && !(0x0600..=0x06FF).contains(&u) && !(0xFB50..=0xFEFF).contains(&u)
            });
            let may_have_emoticon = text.contains([':', ';', '^', '<', '=', 'x', 'X']);
            if !may_have_emoji && !may_have_emoticon {
                continue;
            }
            let graphemes: Vec<(usize, &str)> = text
                .graphemes(true)
                .take(if may_have_emoji { usize::MAX } else { 0 })
                .scan(0usize, |cp, g| {
                    let start = *cp;
                    *cp += g.chars().count();
                    Some((start, g))
                })
                .collect();
            let mut spans: Vec<(usize, usize)> = Vec::new();
            let mut k = 0;
            while k < graphemes.len() {
                if is_emoji(graphemes[k].1) {
                    let s = graphemes[k].0;
                    // A run of emoji (`😍😍😍`) is one violation.
                    while k < graphemes.len() && is_emoji(graphemes[k].1) {
                        k += 1;
                    }
                    let e = graphemes.get(k).map_or(f.chars, |g| g.0);
                    spans.push((s, e));
                } else {
                    k += 1;
                }
            }
            if text.contains([':', ';', '^', '<', '=', 'x', 'X']) {
                let mut at = 0;
                while let Some(c) = self.emoticon.captures_at(text, at) {
                    let m = c
                        .get(1)
                        .map_or(c.get(0).map_or(0..0, |m| m.range()), |m| m.range());
                    let s = text[..m.start].chars().count();
                    let e = s + text[m.clone()].chars().count();
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
                out.push(f.hit_cp(s, e).with_edit(fs, fe, ""));
            }
        }
    }
}
