//! The input format of the targets that fuzz a directory of files: files separated by lines
//! `=== <path>`; bytes before the first such line go to a default path. Paths are kept inside
//! a directory (at most two components of `[a-z0-9._-]`; anything else becomes the default).

/// Splits `data` into at most `max_files` (path, content) pairs.
pub fn files<'a>(data: &'a [u8], default_path: &str, max_files: usize) -> Vec<(String, &'a [u8])> {
    let mut out = Vec::new();
    let mut path = default_path.to_owned();
    let mut rest = data;
    let mut start_of_line = true;
    let mut i = 0;
    while i < rest.len() {
        if start_of_line && rest[i..].starts_with(b"=== ") {
            let line_end = rest[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |p| i + p);
            let content = &rest[..i];
            if !(content.is_empty() && out.is_empty() && path == default_path) {
                out.push((path.clone(), content));
            }
            path = safe_path(&rest[i + 4..line_end]).unwrap_or_else(|| default_path.to_owned());
            rest = &rest[(line_end + 1).min(rest.len())..];
            i = 0;
            start_of_line = true;
            continue;
        }
        start_of_line = rest[i] == b'\n';
        i += 1;
    }
    out.push((path, rest));
    out.truncate(max_files);
    out
}

fn safe_path(raw: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(raw).ok()?.trim();
    let parts: Vec<&str> = text.split('/').collect();
    let ok = !text.is_empty()
        && text.len() <= 64
        && parts.len() <= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && *p != "."
                && *p != ".."
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        });
    ok.then(|| text.to_owned())
}
