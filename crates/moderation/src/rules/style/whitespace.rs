use crate::prefilter::class::{is_closing_punct, is_horizontal_space as is_space};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Runs of two or more spaces, spaces before punctuation (`خوب ، ولی` / `عالی !`), and
    /// three or more line breaks in a row. On French storefronts the space before `! ? : ; »`
    /// is correct typography and is kept.
    ///
    /// ## Why
    /// Terms: avoid extra spaces. They are noise on the product page.
    ///
    /// ## Fix
    /// Fixable: a run of spaces becomes one space, spaces before punctuation are removed,
    /// three or more line breaks become two (one empty line).
    code: "style/whitespace", severity: Fix, fixable: true, removes_content: false, params: [],
    pub(crate) struct Whitespace;
}

impl Whitespace {
    fn build(_p: &Params<'_>) -> Result<Whitespace, String> {
        Ok(Whitespace)
    }
}

impl Rule for Whitespace {
    fn prefilter(&self) -> Prefilter {
        // Two spaces in a row, a space before punctuation, or a second line break in a run.
        Prefilter::classes(
            Classes::SPACE_RUN
                .or(Classes::SPACE_BEFORE_CLOSING)
                .or(Classes::BREAK_RUN),
        )
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            // A slice, so that its pointer and length stay in registers across the loop.
            let chars: &[char] = &f.cps;
            let n = chars.len();
            let mut i = 0;
            while i < n {
                let c = chars[i];
                // Neither a space nor a line break (spaces and breaks are at most U+0020,
                // U+00A0 or from U+2000 on): most characters, ruled out in three comparisons.
                let u = c as u32;
                if u > 0x20 && u != 0xA0 && u < 0x2000 {
                    i += 1;
                    continue;
                }
                if is_space(c) {
                    let s = i;
                    while i < n && is_space(chars[i]) {
                        i += 1;
                    }
                    // French sets a space before `! ? : ; »` on purpose.
                    let french_space =
                        cx.lang == "fr" && i < n && matches!(chars[i], '!' | '?' | ':' | ';' | '»');
                    let before_punct = i < n
                        && s > 0
                        && !french_space
                        && is_closing_punct(chars[i])
                        && !chars[s - 1].is_whitespace()
                        && !(chars[i] == '.' && chars.get(i + 1) == Some(&'.'));
                    let line_edge = s == 0
                        || i == n
                        || chars[s - 1] == '\n'
                        || chars[i] == '\n'
                        || chars[i] == '\r';
                    // Marks written against the next word (`عالی .ممنون`, `ferrari .man`):
                    // the space goes after them; only closing it up would glue two words into
                    // one (here a web address).
                    let marks_end = i + chars[i..]
                        .iter()
                        .take_while(|c| is_closing_punct(**c))
                        .count();
                    let opens_word = chars.get(marks_end).is_some_and(|c| c.is_alphanumeric());
                    if before_punct && opens_word {
                        let mut moved: String = chars[i..marks_end].iter().collect();
                        moved.push(' ');
                        out.push(f.hit_cp(s, marks_end).with_fix(&moved));
                    } else if before_punct {
                        out.push(f.hit_cp(s, i).with_fix(""));
                    } else if i - s >= 2 {
                        out.push(f.hit_cp(s, i).with_fix(if line_edge { "" } else { " " }));
                    }
                    continue;
                }
                if c == '\n' || c == '\r' {
                    let s = i;
                    let mut breaks = 0;
                    let mut e = i;
                    while e < n && (chars[e] == '\n' || chars[e] == '\r' || is_space(chars[e])) {
                        if chars[e] == '\n' {
                            breaks += 1;
                        }
                        e += 1;
                    }
                    if breaks >= 3 {
                        let fix = if s == 0 || e == n { "" } else { "\n\n" };
                        out.push(f.hit_cp(s, e).with_fix(fix));
                        i = e;
                    } else {
                        i += 1;
                    }
                    continue;
                }
                i += 1;
            }
        }
    }
}
