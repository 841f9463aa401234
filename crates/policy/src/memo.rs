//! Results of pure functions of texts, kept for the texts met again: an archive's history
//! records the same texts many times (a page that goes back and forth between two states), and
//! a process checks and renders every version of it.

use std::collections::HashMap;
use std::hash::{BuildHasher as _, Hasher as _};
use std::sync::Mutex;

/// A result by the texts it was computed from. The texts are kept with it, so a result is only
/// given back for the very same texts; when the texts kept reach the budget, the memo starts
/// again empty.
#[derive(Debug)]
pub struct Memo<V> {
    entries: Mutex<Entries<V>>,
    /// Most bytes of texts kept.
    budget: usize,
}

#[derive(Debug)]
struct Entries<V> {
    by_hash: HashMap<u64, (Vec<Box<str>>, V)>,
    bytes: usize,
}

impl<V: Clone> Memo<V> {
    /// An empty memo keeping at most `budget` bytes of texts.
    pub fn new(budget: usize) -> Memo<V> {
        Memo {
            entries: Mutex::new(Entries {
                by_hash: HashMap::new(),
                bytes: 0,
            }),
            budget,
        }
    }

    /// The result for `key`: the one computed before for the same texts, or `compute()` (run
    /// without holding the memo, so other threads go on meanwhile).
    pub fn get_or(&self, key: &[&str], compute: impl FnOnce() -> V) -> V {
        let hash = hash(key);
        if let Ok(entries) = self.entries.lock()
            && let Some((texts, value)) = entries.by_hash.get(&hash)
            && texts.len() == key.len()
            && texts.iter().zip(key).all(|(a, b)| **a == **b)
        {
            return value.clone();
        }
        let value = compute();
        let bytes: usize = key.iter().map(|k| k.len()).sum();
        if bytes <= self.budget
            && let Ok(mut entries) = self.entries.lock()
        {
            if entries.bytes + bytes > self.budget {
                entries.by_hash.clear();
                entries.bytes = 0;
            }
            let texts = key.iter().map(|k| Box::from(*k)).collect();
            if let Some((old, _)) = entries.by_hash.insert(hash, (texts, value.clone())) {
                entries.bytes -= old.iter().map(|k| k.len()).sum::<usize>();
            }
            entries.bytes += bytes;
        }
        value
    }
}

/// A hash of the texts, each with its length so that `["ab", "c"]` and `["a", "bc"]` differ.
fn hash(key: &[&str]) -> u64 {
    let mut hasher = foldhash::quality::FixedState::with_seed(0).build_hasher();
    for text in key {
        hasher.write_usize(text.len());
        hasher.write(text.as_bytes());
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn a_result_is_given_back_for_the_same_texts_only() {
        let memo = Memo::new(100);
        let mut runs = 0;
        let mut get = |key: &[&str]| {
            memo.get_or(key, || {
                runs += 1;
                key.concat()
            })
        };
        assert_eq!(get(&["ab", "c"]), "abc");
        assert_eq!(get(&["ab", "c"]), "abc");
        assert_eq!(get(&["a", "bc"]), "abc");
        assert_eq!(runs, 2);
    }

    #[test]
    fn texts_beyond_the_budget_empty_the_memo() {
        let memo = Memo::new(10);
        let mut runs = 0;
        for key in [
            "12345",
            "67890",
            "abcde",
            "12345",
            "0123456789abc",
            "0123456789abc",
        ] {
            memo.get_or(&[key], || runs += 1);
        }
        // "abcde" empties the memo, so "12345" is computed again; the text larger than the
        // budget is never kept.
        assert_eq!(runs, 6);
        let entries = memo.entries.lock().unwrap();
        assert_eq!(entries.bytes, 10);
    }
}
