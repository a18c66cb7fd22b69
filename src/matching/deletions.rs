//! A deletion index (symmetric delete, as in SymSpell): every string within edit distance `k`
//! of a key shares with it a string reached by deleting at most `k` characters from each.
//!
//! Each key is stored under the hashes of its deletion variants; a query computes the hashes
//! of its own variants in constant time each (polynomial prefix hashes, no allocation) and
//! looks them up. Candidates are then confirmed with the real distance, so a hash collision
//! costs one comparison and never a wrong answer. The cost of a query depends on its length,
//! not on how many keys the registry holds.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The polynomial base (odd, so multiplication is invertible modulo 2^64).
const BASE: u64 = 0x0000_0100_0000_01B3;

/// The longest text looked up, in characters.
const MAX_CHARS: usize = 64;

/// Keys hashed once already: the map only spreads them.
#[derive(Default)]
pub(crate) struct Spread(u64);

impl Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(BASE);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
}

/// Key ids by the hashes of their deletion variants.
#[derive(Debug, Default)]
pub(crate) struct DeletionIndex {
    map: HashMap<u64, Vec<u32>, BuildHasherDefault<Spread>>,
}

fn hash(chars: &[char]) -> u64 {
    chars.iter().fold(0u64, |h, c| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(*c))
    })
}

impl DeletionIndex {
    /// Stores key `id` under `text` and its variants with up to `deletions` characters deleted.
    pub fn insert(&mut self, text: &str, id: u32, deletions: usize) {
        let chars: Vec<char> = text.chars().collect();
        let mut hashes = vec![hash(&chars)];
        let mut level = vec![chars];
        for _ in 0..deletions {
            let mut next = Vec::new();
            for v in &level {
                for i in 0..v.len() {
                    let mut w = v.clone();
                    w.remove(i);
                    hashes.push(hash(&w));
                    next.push(w);
                }
            }
            next.sort();
            next.dedup();
            level = next;
        }
        hashes.sort_unstable();
        hashes.dedup();
        for h in hashes {
            let ids = self.map.entry(h).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
    }

    /// Appends to `out` the ids of keys that may be within `deletions` edits of `text`
    /// (unsorted, possibly repeated, possibly a collision: confirm each).
    pub fn candidates(&self, text: &str, deletions: usize, out: &mut Vec<u32>) {
        // prefix[k]: the hash of the first k characters; power[k]: BASE^k.
        let mut prefix = [0u64; MAX_CHARS + 1];
        let mut power = [1u64; MAX_CHARS + 1];
        let mut n = 0;
        for c in text.chars() {
            if n == MAX_CHARS {
                return; // no key is this long
            }
            prefix[n + 1] = prefix[n].wrapping_mul(BASE).wrapping_add(u64::from(c));
            power[n + 1] = power[n].wrapping_mul(BASE);
            n += 1;
        }
        let part =
            |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(power[b - a]));
        let mut look = |h: u64| {
            if let Some(ids) = self.map.get(&h) {
                out.extend_from_slice(ids);
            }
        };
        look(prefix[n]);
        if deletions >= 1 {
            for i in 0..n {
                look(
                    part(0, i)
                        .wrapping_mul(power[n - 1 - i])
                        .wrapping_add(part(i + 1, n)),
                );
            }
        }
        if deletions >= 2 {
            for i in 0..n {
                for j in i + 1..n {
                    let h = part(0, i)
                        .wrapping_mul(power[n - 2 - i])
                        .wrapping_add(part(i + 1, j).wrapping_mul(power[n - 1 - j]))
                        .wrapping_add(part(j + 1, n));
                    look(h);
                }
            }
        }
    }
}

impl std::fmt::Debug for Spread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Spread")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(index: &DeletionIndex, text: &str, k: usize) -> Vec<u32> {
        let mut out = Vec::new();
        index.candidates(text, k, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn finds_every_key_within_the_budget() {
        let mut index = DeletionIndex::default();
        index.insert("tokenpocket", 0, 2);
        index.insert("metamask", 1, 1);
        for typo in [
            "tokenpocket",
            "tokenpokcet",
            "tokenpacket",
            "tkenpocket",
            "tokenpockett",
            "tokenpoket",
            "t0kenpocket",
            "tokenpockeet",
        ] {
            assert_eq!(found(&index, typo, 2), [0], "{typo}");
        }
        for typo in [
            "metamask",
            "metamsak",
            "metamaks",
            "metmask",
            "metamasks",
            "netamask",
        ] {
            assert_eq!(found(&index, typo, 1), [1], "{typo}");
        }
        assert!(found(&index, "example", 2).is_empty());
        assert!(found(&index, "uniswap", 2).is_empty());
    }
}
