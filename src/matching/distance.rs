//! Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
//! substring): an adjacent swap costs 1, as in Chromium's lookalike checks and unlike the
//! plain Levenshtein that MetaMask's detector uses.

use crate::verdict::{Change, CharInfo};

/// The OSA distance between `a` and `b`, or `None` when it exceeds `max`.
///
/// ```
/// use contactguard::matching::distance::osa;
///
/// assert_eq!(osa("tokenpocket", "tokenpokcet", 2), Some(1));
/// assert_eq!(osa("tokenpocket", "tokenpacket", 2), Some(1));
/// assert_eq!(osa("metamask", "metamesh", 1), None);
/// ```
pub fn osa(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        return bounded(a.as_bytes(), b.as_bytes(), max);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded(&a, &b, max)
}

/// The longest string the stack rows hold; longer ones use the heap.
const STACK: usize = 64;

/// OSA distance with three rolling rows, stopping as soon as a row's minimum exceeds `max`.
fn bounded<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut stack = [[0usize; STACK]; 3];
    let mut heap;
    let [r0, r1, r2]: [&mut [usize]; 3] = if width <= STACK {
        let [x, y, z] = &mut stack;
        [&mut x[..width], &mut y[..width], &mut z[..width]]
    } else {
        heap = vec![vec![0usize; width]; 3];
        let [x, y, z] = &mut heap[..] else {
            return None;
        };
        [&mut x[..], &mut y[..], &mut z[..]]
    };
    // r2: two rows up, r1: the row above, r0: the current row.
    let (mut before, mut above, mut row) = (r2, r1, r0);
    for (j, cell) in above.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        row[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            row[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut above);
        std::mem::swap(&mut above, &mut row);
    }
    let dist = above[b.len()];
    (dist <= max).then_some(dist)
}

/// Characters a reader easily takes for one another: a substitution between them costs half an
/// edit in [`lookalike_osa`].
const CONFUSABLE_PAIRS: &[(char, char)] = &[
    ('o', '0'),
    ('l', '1'),
    ('i', '1'),
    ('i', 'l'),
    ('c', 'e'),
    ('n', 'm'),
    ('n', 'r'),
    ('u', 'v'),
    ('g', 'q'),
    ('b', 'd'),
    ('s', '5'),
    ('3', '8'),
    ('6', '9'),
];

/// Two letters a reader takes for one (`rn` for `m`): reading one as the other costs half an
/// edit in [`lookalike_osa`].
const CONFUSABLE_GROUPS: &[(&str, char)] = &[
    ("rn", 'm'),
    ("nn", 'm'),
    ("rr", 'm'),
    ("vv", 'w'),
    ("cl", 'd'),
    ("dl", 'd'),
    ("lc", 'k'),
    ("lb", 'b'),
    ("lh", 'h'),
];

fn confusable(a: char, b: char) -> bool {
    CONFUSABLE_PAIRS
        .iter()
        .any(|&(x, y)| (a, b) == (x, y) || (a, b) == (y, x))
}

/// The optimal string alignment distance between two typed keys
/// ([`crate::normalize::visual::typed_key`]), counting a visually confusable change as half an
/// edit: `c`/`e`, `n`/`m`, `l`/`i`/`1`, `o`/`0` …, and `rn`/`m`, `vv`/`w`, `cl`/`d`, `lc`/`k` as
/// one change. In half edits; `None` when it is over `max` half edits.
///
/// ```
/// use contactguard::matching::distance::lookalike_osa;
///
/// assert_eq!(lookalike_osa("metamask", "metamaskk", 4), Some(2)); // one added letter
/// assert_eq!(lookalike_osa("metamask", "mctanask", 4), Some(2));  // two confusions
/// assert_eq!(lookalike_osa("metamask", "rnetarnask", 4), Some(2)); // rn for m, twice
/// assert_eq!(lookalike_osa("metamask", "metmaask", 4), Some(2));  // a swap
/// assert_eq!(lookalike_osa("metamask", "metalabs", 4), None);
/// ```
pub fn lookalike_osa(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Every letter of difference in length costs at least half an edit (a group read as one).
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    // d[i][j] in half edits; three rows back are needed for the two-letter groups and swaps.
    let mut rows = vec![vec![usize::MAX / 4; width]; 3];
    let idx = |i: usize| i % 3;
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = 2 * j;
    }
    let mut previous_min = 0;
    for i in 1..=a.len() {
        let (cur, up, up2) = (idx(i), idx(i + 2), idx(i + 1));
        rows[cur][0] = 2 * i;
        let mut row_min = rows[cur][0];
        for j in 1..=b.len() {
            let sub = if a[i - 1] == b[j - 1] {
                0
            } else if confusable(a[i - 1], b[j - 1]) {
                1
            } else {
                2
            };
            let mut v = (rows[up][j] + 2)
                .min(rows[cur][j - 1] + 2)
                .min(rows[up][j - 1] + sub);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[up2][j - 2] + 2);
            }
            // Two letters of one side read as one of the other.
            for &(group, single) in CONFUSABLE_GROUPS {
                let mut g = group.chars();
                let (g0, g1) = (g.next().unwrap_or_default(), g.next().unwrap_or_default());
                if i > 1 && a[i - 2] == g0 && a[i - 1] == g1 && b[j - 1] == single {
                    v = v.min(rows[up2][j - 1] + 1);
                }
                if j > 1 && b[j - 2] == g0 && b[j - 1] == g1 && a[i - 1] == single {
                    v = v.min(rows[up][j - 2] + 1);
                }
            }
            rows[cur][j] = v;
            row_min = row_min.min(v);
        }
        // A cell depends on the two rows above it: once both are over the bound, all later
        // cells are too.
        if row_min > max && previous_min > max {
            return None;
        }
        previous_min = row_min;
    }
    let dist = rows[idx(a.len())][b.len()];
    (dist <= max).then_some(dist)
}

fn table(a: &[char], b: &[char]) -> Vec<Vec<usize>> {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d
}

/// The changes that turn `original` into `found`, in reading order.
///
/// ```
/// use contactguard::matching::distance::changes;
/// use contactguard::Change;
///
/// let c = changes("tokenpocket", "tokenpokcet");
/// assert!(matches!(&c[..], [Change::Swapped { first, second }] if first == "c" && second == "k"));
/// ```
pub fn changes(original: &str, found: &str) -> Vec<Change> {
    let a: Vec<char> = original.chars().collect();
    let b: Vec<char> = found.chars().collect();
    let d = table(&a, &b);
    let (mut i, mut j) = (a.len(), b.len());
    let mut out = Vec::new();
    while i > 0 || j > 0 {
        if i > 1
            && j > 1
            && a[i - 1] == b[j - 2]
            && a[i - 2] == b[j - 1]
            && a[i - 1] != a[i - 2]
            && d[i][j] == d[i - 2][j - 2] + 1
        {
            out.push(Change::Swapped {
                first: a[i - 2].to_string(),
                second: a[i - 1].to_string(),
            });
            i -= 2;
            j -= 2;
        } else if i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]) {
            if a[i - 1] != b[j - 1] {
                out.push(Change::Replaced {
                    found: CharInfo::of(&b[j - 1].to_string()),
                    expected: a[i - 1].to_string(),
                });
            }
            i -= 1;
            j -= 1;
        } else if j > 0 && d[i][j] == d[i][j - 1] + 1 {
            out.push(Change::Inserted {
                found: CharInfo::of(&b[j - 1].to_string()),
            });
            j -= 1;
        } else {
            out.push(Change::Missing {
                expected: a[i - 1].to_string(),
            });
            i -= 1;
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_agrees_with_the_full_table() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "tokenpocket",
            "tokenpokcet",
            "tokenpacket",
            "tkenpocket",
            "tokenpockett",
            "metamask",
            "rnetamask",
            "ca",
            "abc",
            "токен",
            "tokеn",
        ];
        for a in words {
            for b in words {
                let ac: Vec<char> = a.chars().collect();
                let bc: Vec<char> = b.chars().collect();
                let full = table(&ac, &bc)[ac.len()][bc.len()];
                for max in 0..4 {
                    assert_eq!(
                        osa(a, b, max),
                        (full <= max).then_some(full),
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    /// The same recurrence over the whole table, without the bound: the reference.
    fn lookalike_reference(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = 2 * i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = 2 * j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let sub = match (a[i - 1], b[j - 1]) {
                    (x, y) if x == y => 0,
                    (x, y) if confusable(x, y) => 1,
                    _ => 2,
                };
                let mut v = (d[i - 1][j] + 2)
                    .min(d[i][j - 1] + 2)
                    .min(d[i - 1][j - 1] + sub);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 2);
                }
                for &(group, single) in CONFUSABLE_GROUPS {
                    let g: Vec<char> = group.chars().collect();
                    if i > 1 && a[i - 2] == g[0] && a[i - 1] == g[1] && b[j - 1] == single {
                        v = v.min(d[i - 2][j - 1] + 1);
                    }
                    if j > 1 && b[j - 2] == g[0] && b[j - 1] == g[1] && a[i - 1] == single {
                        v = v.min(d[i - 1][j - 2] + 1);
                    }
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn lookalike_distance_agrees_with_the_full_table() {
        let words = [
            "",
            "m",
            "rn",
            "metamask",
            "rnetamask",
            "rnetarnask",
            "mctanask",
            "metmaask",
            "metamaskk",
            "netamask",
            "eetamask",
            "ledger",
            "ledqer",
            "1edger",
            "dl",
            "d",
            "w",
            "vvallet",
            "wallet",
            "okx",
            "0kx",
            "lc",
            "k",
            "binance",
            "dinamce",
            "coinbase",
        ];
        for a in words {
            for b in words {
                let full = lookalike_reference(a, b);
                for max in 0..7 {
                    assert_eq!(
                        lookalike_osa(a, b, max),
                        (full <= max).then_some(full),
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn distances() {
        assert_eq!(osa("", "", 0), Some(0));
        assert_eq!(osa("abc", "abc", 0), Some(0));
        assert_eq!(osa("abc", "acb", 1), Some(1));
        assert_eq!(osa("ca", "abc", 3), Some(3));
        assert_eq!(osa("tokenpocket", "tokenpoket", 2), Some(1));
        assert_eq!(osa("tokenpocket", "tolcenpocket", 2), Some(2));
        assert_eq!(osa("abcdef", "a", 2), None);
    }

    #[test]
    fn change_scripts() {
        let c = changes("tokenpocket", "tokenpacket");
        assert!(
            matches!(&c[..], [Change::Replaced { found, expected }] if found.text == "a" && expected == "o")
        );
        let c = changes("tokenpocket", "tokenpockett");
        assert!(matches!(&c[..], [Change::Inserted { found }] if found.text == "t"));
        let c = changes("tokenpocket", "tokenpoket");
        assert!(matches!(&c[..], [Change::Missing { expected }] if expected == "c"));
        assert!(changes("same", "same").is_empty());
    }
}
