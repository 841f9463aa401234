//! The web font of Persian pages, shipped with every site: Vazirmatn (variable weight, WOFF2)
//! with its SIL Open Font License, from the `vazirmatn` npm package, version 33.0.3
//! (`scripts/update-vazirmatn.sh` refreshes both files). The stylesheet declares it with
//! `@font-face` and uses it for Persian text.

/// Site path and bytes of each font file.
pub(super) const FILES: &[(&str, &[u8])] = &[
    (
        "fonts/vazirmatn.woff2",
        include_bytes!("fonts/vazirmatn.woff2"),
    ),
    ("fonts/OFL.txt", include_bytes!("fonts/OFL.txt")),
];
