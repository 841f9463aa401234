//! MinHash bands of a question key (locality-sensitive hashing): two keys whose word sets, or
//! whose character-trigram sets, have a Jaccard similarity `s` share at least one band with
//! probability `1 - (1 - s^ROWS)^BANDS` (0.998 at s = 0.8, 0.04 at s = 0.3, under 0.001 at
//! s = 0.1), so a store finds the candidates for `qa/duplicate` by an index lookup instead of
//! comparing every question of the product. Candidates are then compared exactly.
//!
//! The hashes are FNV-1a and SplitMix64 with fixed seeds: stable across processes, platforms
//! and releases, since the bands are stored in databases. Changing any constant here changes
//! every stored band: it needs a store migration that recomputes them.

/// Bands per set (words, trigrams).
const BANDS: usize = 16;
/// MinHash values per band.
const ROWS: usize = 5;

/// FNV-1a, 64 bits.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// SplitMix64's finaliser: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Stable hash of a question under a product: its handle in band indexes.
pub(crate) fn key_hash(product: &str, key: &str) -> i64 {
    let mut bytes = Vec::with_capacity(product.len() + key.len() + 1);
    bytes.extend_from_slice(product.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(key.as_bytes());
    fnv1a(&bytes) as i64
}

/// The band keys of `key` under `product`: up to `2 × BANDS` values, each mixed with the
/// product and the band's number so bands of different products or positions never meet.
pub(crate) fn bands(product: &str, key: &str) -> Vec<i64> {
    let product_hash = fnv1a(product.as_bytes());
    let mut words: Vec<u64> = key
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| fnv1a(w.as_bytes()))
        .collect();
    let chars: Vec<char> = key.chars().filter(|c| *c != ' ').collect();
    let mut trigrams: Vec<u64> = chars
        .windows(3)
        .map(|w| {
            // The trigram's UTF-8 bytes, without a string for each.
            let mut buf = [0u8; 12];
            let mut len = 0;
            for c in w {
                len += c.encode_utf8(&mut buf[len..]).len();
            }
            fnv1a(&buf[..len])
        })
        .collect();
    // A minimum does not change with repeats: each distinct element is hashed once per row,
    // so a question repeating a few words costs no more per character than an ordinary one.
    for elements in [&mut words, &mut trigrams] {
        elements.sort_unstable();
        elements.dedup();
    }
    let mut out = Vec::with_capacity(2 * BANDS);
    for (family, elements) in [(1u64, words), (2u64, trigrams)] {
        if elements.is_empty() {
            continue;
        }
        for band in 0..BANDS {
            let mut acc = mix(product_hash ^ mix(family << 32 | band as u64));
            for row in 0..ROWS {
                let seed = mix(((family * 1_000 + band as u64) * 100 + row as u64) ^ 0x5bd1_e995);
                let min = elements.iter().map(|e| mix(e ^ seed)).min().unwrap_or(0);
                acc = mix(acc ^ min);
            }
            out.push(acc as i64);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(a: &[i64], b: &[i64]) -> usize {
        a.iter().filter(|x| b.contains(x)).count()
    }

    #[test]
    fn identical_keys_share_every_band_and_products_separate_them() {
        let a = bands("p1", "این گوشی ضد اب");
        assert_eq!(a.len(), 2 * BANDS);
        assert_eq!(a, bands("p1", "این گوشی ضد اب"));
        assert_eq!(shared(&a, &bands("p2", "این گوشی ضد اب")), 0);
        assert_ne!(key_hash("p1", "x"), key_hash("p2", "x"));
    }

    #[test]
    fn spacing_variants_meet_and_unrelated_questions_do_not() {
        let a = bands("p", "این گوشی ضد اب");
        assert!(shared(&a, &bands("p", "این گوشی ضداب")) > 0);
        assert_eq!(shared(&a, &bands("p", "باتری چند ساعت دوام دارد")), 0);
    }

    /// The bands computed the plain way: every trigram as a string, repeats kept.
    fn plain_bands(product: &str, key: &str) -> Vec<i64> {
        let product_hash = fnv1a(product.as_bytes());
        let words: Vec<u64> = key
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| fnv1a(w.as_bytes()))
            .collect();
        let chars: Vec<char> = key.chars().filter(|c| *c != ' ').collect();
        let trigrams: Vec<u64> = chars
            .windows(3)
            .map(|w| fnv1a(w.iter().collect::<String>().as_bytes()))
            .collect();
        let mut out = Vec::new();
        for (family, elements) in [(1u64, words), (2u64, trigrams)] {
            if elements.is_empty() {
                continue;
            }
            for band in 0..BANDS {
                let mut acc = mix(product_hash ^ mix(family << 32 | band as u64));
                for row in 0..ROWS {
                    let seed =
                        mix(((family * 1_000 + band as u64) * 100 + row as u64) ^ 0x5bd1_e995);
                    let min = elements.iter().map(|e| mix(e ^ seed)).min().unwrap_or(0);
                    acc = mix(acc ^ min);
                }
                out.push(acc as i64);
            }
        }
        out
    }

    #[test]
    fn bands_equal_the_plain_computation() {
        for key in [
            "این گوشی ضد اب",
            "خیلی خیلی خیلی خوب خوب",
            "ab",
            "a b c a b c 😍x😍 e\u{301}",
            "",
        ] {
            assert_eq!(bands("p", key), plain_bands("p", key), "{key}");
        }
    }

    #[test]
    fn values_are_stable_across_releases() {
        // Stored in databases: a change here needs a migration that recomputes the bands.
        assert_eq!(key_hash("p", "k"), fnv1a(b"p\0k") as i64);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
