use regex::Regex;

use crate::rules::prelude::*;
use crate::text::fold_pattern;

declare_rule! {
    /// ## What it flags
    /// E-mail addresses, plain or disguised: `name@mail.com`, `name @ gmail . com`,
    /// `name[at]gmail(dot)com`, `name at gmail`, `name ات جیمیل`.
    ///
    /// ## Why
    /// Personal contact details must not be published (terms: no contacts, Q&A: no personal
    /// information), and they are the usual way to take a sale off the marketplace.
    ///
    /// ## How it decides
    /// A local part, an `@` (or `at`, `[at]`, `(at)`, `ات`, `اَت`) and either a domain with a
    /// dot, or a well-known mail provider (`gmail`, `yahoo`, `جیمیل` ...). The English word
    /// "at" only counts before a provider name.
    ///
    /// ## Fix
    /// Not fixable.
    code: "contacts/email", severity: Reject, fixable: false, params: [],
    pub(crate) struct Email { re: Regex }
}

impl Email {
    pub(crate) fn build(_p: &Params<'_>) -> Result<Email, String> {
        let provider = r"(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|icloud|protonmail|proton|aol|mail|chmail|gmx|web|t-online|freenet|orange|free|laposte|wanadoo|sfr|جیمیل|جی\s?میل|یاهو|هاتمیل|اوتلوک)";
        let at_strict = r"(?:\s*@\s*|\s*[\[\(\{]\s*(?:at|ات)\s*[\]\)\}]\s*)";
        let at_loose = r"(?:\s+(?:at|ات|arobase)\s+)";
        let dot =
            r"(?:\s*\.\s*|\s*[\[\(\{]\s*(?:dot|\.|دات|نقطه)\s*[\]\)\}]\s*|\s+(?:dot|دات|نقطه)\s+)";
        let pattern = format!(
            r"[a-z0-9][a-z0-9._%+-]*(?:{at_strict}[a-z0-9-]+(?:{dot}[a-z0-9-]+)*{dot}[a-z]{{2,24}}|{at_strict}{provider}|{at_loose}{provider})|[\p{{Arabic}}a-z0-9_.]+\s+ات\s+{provider}"
        );
        Ok(Email {
            re: Regex::new(&fold_pattern(&pattern)).map_err(|e| e.to_string())?,
        })
    }
}

impl Email {
    /// Skeleton byte ranges of the e-mail addresses in field `f`.
    pub(crate) fn spans(&self, cx: &Ctx<'_>, f: &FieldText<'_>) -> Vec<(usize, usize)> {
        let sk = f.sk();
        let mut out = Vec::new();
        for m in self.re.find_iter(sk) {
            if cx.out_of_time() {
                break;
            }
            if sk[..m.start()].ends_with(|c: char| c.is_alphanumeric() || c == '.') {
                continue;
            }
            let text = crate::rules::links::url::trim_link_end(m.as_str());
            out.push((m.start(), m.start() + text.len()));
        }
        out
    }
}

impl Rule for Email {
    fn prefilter(&self) -> Prefilter {
        // Every form needs `@`, a Latin `at`, `arobase`, or `ات` after a space or a bracket.
        Prefilter::literals(["@", "at", "arobase", "[ات", "(ات", "{ات"])
            .or(Prefilter::after_space("ات"))
    }

    fn check(&self, cx: &Ctx<'_>, fields: Fields<'_, '_>, out: &mut Vec<Hit>) {
        for f in fields {
            for (s, e) in self.spans(cx, f) {
                out.push(f.hit(s, e));
            }
        }
    }
}
