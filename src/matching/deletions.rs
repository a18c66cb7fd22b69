//! A deletion index (symmetric delete, as in SymSpell): every string within edit distance `k`
//! of a key shares with it a string reached by deleting at most `k` characters from each.
//!
//! Each key is stored under the hashes of its deletion variants; a query computes the hashes
//! of its own variants in constant time each (polynomial prefix hashes, no allocation) and
//! looks them up. Candidates are then confirmed with the real distance, so a hash collision
//! costs one comparison and never a wrong answer. The cost of a query depends on its length,
//! not on how many keys the registry holds.

/// The polynomial base (odd, so multiplication is invertible modulo 2^64).
const BASE: u64 = 0x0000_0100_0000_01B3;

/// The longest text looked up, in characters.
const MAX_CHARS: usize = 64;

/// Key ids by the hashes of their deletion variants: sorted `(hash, id)` pairs, eight
/// bytes each, found through a table of where each run of hashes with the same top bits
/// starts (about one pair per run, so a lookup reads two table entries and a pair or two).
#[derive(Debug)]
pub(crate) struct DeletionIndex {
    pairs: Vec<(u32, u32)>,
    /// `starts[t]..starts[t + 1]`: the pairs whose hash has `t` as its top [`Self::bits`]
    /// bits.
    starts: Vec<u32>,
    /// How many top bits of a hash pick its run.
    bits: u32,
    /// `shortest[d]`: the fewest characters of a key stored with `d` deletions. A query
    /// needs `d` deletions only if such a key can be within `d` edits of it.
    shortest: [usize; 3],
}

impl Default for DeletionIndex {
    fn default() -> Self {
        DeletionIndex {
            pairs: Vec::new(),
            starts: vec![0, 0],
            bits: 0,
            shortest: [usize::MAX; 3],
        }
    }
}

/// Calls `f` with the hash of `text` and of every variant of it with up to `deletions`
/// characters deleted (a variant reached in several ways is seen several times). Texts
/// over [`MAX_CHARS`] characters have no variants.
fn variants(text: &str, deletions: usize, mut f: impl FnMut(u32)) {
    // prefix[k]: the hash of the first k characters; power[k]: BASE^k.
    let mut prefix = [0u64; MAX_CHARS + 1];
    let mut power = [1u64; MAX_CHARS + 1];
    let mut n = 0;
    for c in text.chars() {
        if n == MAX_CHARS {
            return;
        }
        prefix[n + 1] = prefix[n].wrapping_mul(BASE).wrapping_add(u64::from(c));
        power[n + 1] = power[n].wrapping_mul(BASE);
        n += 1;
    }
    let part = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(power[b - a]));
    // The top bits of a multiplicative mix: a collision only costs one distance check.
    let mut emit = |h: u64| f((h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32);
    emit(prefix[n]);
    if deletions >= 1 {
        for i in 0..n {
            emit(
                part(0, i)
                    .wrapping_mul(power[n - 1 - i])
                    .wrapping_add(part(i + 1, n)),
            );
        }
    }
    if deletions >= 2 && n >= 2 {
        // Deleting the i-th and j-th characters (i < j) leaves
        //   part(0, i)·B^(n-2-i) + part(i+1, j)·B^(n-1-j) + part(j+1, n),
        // which regroups as one term of i plus one term of j (modular arithmetic is exact):
        //   (prefix[i] - prefix[i+1])·B^(n-2-i)  +  prefix[j]·B^(n-1-j) + part(j+1, n).
        let mut of_j = [0u64; MAX_CHARS];
        for (j, slot) in of_j.iter_mut().enumerate().take(n).skip(1) {
            *slot = prefix[j]
                .wrapping_mul(power[n - 1 - j])
                .wrapping_add(part(j + 1, n));
        }
        for i in 0..n - 1 {
            let of_i = prefix[i]
                .wrapping_sub(prefix[i + 1])
                .wrapping_mul(power[n - 2 - i]);
            for &term in &of_j[i + 1..n] {
                emit(of_i.wrapping_add(term));
            }
        }
    }
}

/// The run of hash `h` when runs go by its top `bits` bits.
fn run(h: u32, bits: u32) -> usize {
    (u64::from(h) >> (32 - bits)) as usize
}

impl DeletionIndex {
    /// Stores key `id` under `text` and its variants with up to `deletions` (at most 2)
    /// characters deleted: the key's edit budget. Call [`DeletionIndex::finish`] after the
    /// last key.
    pub fn insert(&mut self, text: &str, id: u32, deletions: usize) {
        let deletions = deletions.min(2);
        let len = text.chars().count();
        self.shortest[deletions] = self.shortest[deletions].min(len);
        variants(text, deletions, |h| self.pairs.push((h, id)));
    }

    /// Sorts the index for lookups.
    pub fn finish(&mut self) {
        self.pairs.sort_unstable();
        self.pairs.dedup();
        self.pairs.shrink_to_fit();
        // About one pair per run; at least 2^4 runs, at most 2^24 (64 MB of pairs).
        self.bits = self.pairs.len().max(16).ilog2().clamp(4, 24);
        let runs = 1usize << self.bits;
        self.starts = vec![0; runs + 1];
        let bits = self.bits;
        for &(h, _) in &self.pairs {
            self.starts[run(h, bits) + 1] += 1;
        }
        for t in 1..=runs {
            self.starts[t] += self.starts[t - 1];
        }
    }

    /// Appends to `out` the ids of keys that may be within their budget of `text`
    /// (unsorted, possibly repeated, possibly a collision: confirm each). The query deletes
    /// as many characters as the budget of any key short enough to be that close.
    pub fn candidates(&self, text: &str, out: &mut Vec<u32>) {
        let len = text.chars().count();
        let Some(deletions) = (0..=2)
            .rev()
            .find(|&d| self.shortest[d] <= len.saturating_add(d))
        else {
            return;
        };
        variants(text, deletions, |h| {
            let t = run(h, self.bits);
            let (Some(&start), Some(&end)) = (self.starts.get(t), self.starts.get(t + 1)) else {
                return;
            };
            let run = self
                .pairs
                .get(start as usize..end as usize)
                .unwrap_or_default();
            out.extend(run.iter().filter(|p| p.0 == h).map(|p| p.1));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of `text` with the characters at `gone` deleted, computed directly.
    fn direct(text: &str, gone: &[usize]) -> u32 {
        let mut h = 0u64;
        for (_, c) in text.chars().enumerate().filter(|(k, _)| !gone.contains(k)) {
            h = h.wrapping_mul(BASE).wrapping_add(u64::from(c));
        }
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
    }

    #[test]
    fn variant_hashes_are_the_hashes_of_the_variants() {
        for text in ["", "a", "ab", "tokenpocket", "tp钱包", "aab"] {
            let n = text.chars().count();
            let mut want = vec![direct(text, &[])];
            want.extend((0..n).map(|i| direct(text, &[i])));
            for i in 0..n {
                want.extend((i + 1..n).map(|j| direct(text, &[i, j])));
            }
            let mut got = Vec::new();
            variants(text, 2, |h| got.push(h));
            assert_eq!(got, want, "{text}");
        }
    }

    fn found(index: &DeletionIndex, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        index.candidates(text, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn finds_every_key_within_the_budget() {
        let mut index = DeletionIndex::default();
        index.insert("tokenpocket", 0, 2);
        index.insert("metamask", 1, 1);
        index.finish();
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
            assert_eq!(found(&index, typo), [0], "{typo}");
        }
        for typo in [
            "metamask",
            "metamsak",
            "metamaks",
            "metmask",
            "metamasks",
            "netamask",
        ] {
            assert_eq!(found(&index, typo), [1], "{typo}");
        }
        assert!(found(&index, "example").is_empty());
        assert!(found(&index, "uniswap").is_empty());
    }

    #[test]
    fn a_short_key_with_a_large_budget_is_searched_with_that_budget() {
        // A handle like `a_b_c_d_e` has nine characters (budget 2) but a five-letter visual key.
        let mut index = DeletionIndex::default();
        index.insert("abcde", 7, 2);
        index.finish();
        assert_eq!(found(&index, "abxye"), [7]);
        assert!(found(&index, "xyzzy").is_empty());
    }
}
