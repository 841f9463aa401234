use regex::Regex;

use crate::rules::contacts::email::Email;
use crate::rules::prelude::*;
use crate::text::fold_pattern;

declare_rule! {
    /// ## What it flags
    /// Domains written so that a link filter misses them: `example dot com`, `example[.]com`,
    /// `example(dot)com`, `www . shop . ir`, `دیجی دات کام`, `نقطه آی آر`, `shop دات ir`,
    /// `فروشگاه.کام` (a Persian TLD after a real dot).
    ///
    /// ## Why
    /// Spelling a link out is still sending readers to another site, and doing it on purpose
    /// is a sign of advertising.
    ///
    /// ## How it decides
    /// A word followed by a spelled or bracketed dot and a common TLD (Latin or Persian:
    /// `کام`, `نت`, `آی آر`, `ارگ`), or `www` with spaces around its dots. The ordinary word
    /// `نقطه` ("point") on its own is not flagged: it needs a TLD right after it. `دات نت`
    /// (`دات‌نت`) after a Persian word or on its own is the name of the .NET platform
    /// (`کتاب آموزش دات‌نت`); after a Latin host it is a link (`shop دات نت`).
    ///
    /// ## Fix
    /// Not fixable.
    code: "links/obfuscated", severity: Reject, fixable: false, params: [],
    pub(crate) struct Obfuscated { re: Regex, email: Email }
}

impl Obfuscated {
    fn build(p: &Params<'_>) -> Result<Obfuscated, String> {
        let tld = r"(?:com|net|org|ir|io|info|biz|xyz|کام|نت|ارگ|آی\s?آر|آی\s?او)";
        let dot = r"(?:\s*[\[\(\{<]\s*(?:\.|dot|punkt|point|نقطه|دات)\s*[\]\)\}>]\s*|\s+(?:dot|dat|nuqta|noghte|نقطه|دات)\s+|(?:دات|نقطه)\s*|\s+\.\s*|\.\s+)";
        // `point`/`punkt` are ordinary French/German words: only before their own TLDs.
        let word_dot =
            r"\s+(?:point\s+(?:com|net|org|fr|be|info)|punkt\s+(?:com|net|org|de|at|ch|info))";
        let pattern = format!(
            r"[a-z0-9\p{{Arabic}}][a-z0-9\p{{Arabic}}-]*(?:{dot}{tld}|{word_dot}|\.(?:کام|نت|ارگ|آی\s?آر))(?:[^a-z\p{{Arabic}}]|$)|www\s*(?:\s\.|\.\s|\s(?:dot|دات|نقطه)\s)\s*[a-z0-9\p{{Arabic}}-]+|(?:^|\s)(?:دات|dot)\s*(?:کام|com|net|نت|ir|آی\s?آر)(?:[^a-z\p{{Arabic}}]|$)"
        );
        Ok(Obfuscated {
            re: Regex::new(&fold_pattern(&pattern)).map_err(|e| e.to_string())?,
            email: Email::build(p)?,
        })
    }
}

impl Rule for Obfuscated {
    fn prefilter(&self) -> Prefilter {
        // One of these is in every obfuscated form (skeleton spelling): a spelled or bracketed
        // dot, `www`, a dot with a space around it, or a dot before a Persian TLD.
        Prefilter::literals([
            "dot", "dat", "دات", "نقطه", "nuqta", "noghte", "punkt", "point", "[", "(", "{", "<",
            "www", ".کام", ".نت", ".ارگ", ".ای",
        ])
        .or(Prefilter::after_space("."))
        .or(Prefilter::before_space("."))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            let sk = f.sk();
            let mut emails: Option<Vec<(usize, usize)>> = None;
            for m in self.re.find_iter(sk) {
                if cx.out_of_time() {
                    return;
                }
                let text = m.as_str();
                let lead = text.len() - text.trim_start().len();
                let trimmed = text.trim();
                // Drop the one boundary character the pattern consumed after the TLD.
                let end = match trimmed.chars().next_back() {
                    Some(c) if !c.is_alphanumeric() => trimmed.len() - c.len_utf8(),
                    _ => trimmed.len(),
                };
                let start = m.start() + lead;
                if dotnet_name(&trimmed[..end]) {
                    continue;
                }
                // The domain of a disguised e-mail address is contacts/email's.
                let emails = emails.get_or_insert_with(|| self.email.spans(cx, f));
                if emails
                    .iter()
                    .any(|&(es, ee)| es < start + end && start < ee + 1)
                {
                    continue;
                }
                out.push(f.hit(start, start + end));
            }
        }
    }
}

/// Whether `text`, a match in skeleton spelling, is `دات نت` spelled with a Persian word or
/// nothing before it: the platform's name, since a host would be Latin (`shop دات نت`).
fn dotnet_name(text: &str) -> bool {
    let Some(host) = text
        .strip_suffix("نت")
        .and_then(|t| t.trim_end().strip_suffix("دات"))
    else {
        return false;
    };
    let host = host.trim();
    host.is_empty() || !host.chars().any(|c| c.is_ascii_alphanumeric())
}
