//! Traditional Chinese folded to Simplified, character by character, with OpenCC's table
//! (`data/hant/`): 幣安 reads as 币安 and 錢包 as 钱包, so a brand name or a claim word written
//! in either script is found the same way.
//!
//! ```
//! use contactguard::normalize::hant::{is_traditional_only, to_simplified};
//!
//! let folded: String = "幣安官方客服電話".chars().map(to_simplified).collect();
//! assert_eq!(folded, "币安官方客服电话");
//! assert!(is_traditional_only('錢'));
//! assert!(!is_traditional_only('钱'));
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// OpenCC's `TSCharacters.txt`: a Traditional character, a tab, its Simplified form(s).
const TABLE: &str = include_str!("../../data/hant/TSCharacters.txt");

struct Tables {
    /// Traditional → its first Simplified form, where they differ.
    to_simplified: HashMap<char, char>,
    /// Every Simplified form some other Traditional character folds to.
    simplified: HashSet<char>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut to_simplified = HashMap::new();
        let mut simplified = HashSet::new();
        for line in TABLE.lines() {
            let mut fields = line.split('\t');
            let (Some(from), Some(to)) = (fields.next(), fields.next()) else {
                continue;
            };
            let (Some(t), Some(s)) = (single(from), to.split(' ').next().and_then(single)) else {
                continue;
            };
            if t != s {
                to_simplified.insert(t, s);
                simplified.insert(s);
            }
        }
        Tables {
            to_simplified,
            simplified,
        }
    })
}

/// The one character of `s`, if it is one.
fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// `c` in Simplified form (itself when it has no other).
pub fn to_simplified(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    tables().to_simplified.get(&c).copied().unwrap_or(c)
}

/// Whether `c` is written so only in Traditional Chinese (錢, 幣, 電).
pub fn is_traditional_only(c: char) -> bool {
    !c.is_ascii() && tables().to_simplified.contains_key(&c)
}

/// Whether `c` is written so only in Simplified Chinese (钱, 币, 电).
pub fn is_simplified_only(c: char) -> bool {
    !c.is_ascii() && tables().simplified.contains(&c) && !tables().to_simplified.contains_key(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_whole() {
        let t = tables();
        assert!(t.to_simplified.len() > 2_500, "{}", t.to_simplified.len());
        for (traditional, simplified) in [('歐', '欧'), ('門', '门'), ('寶', '宝'), ('號', '号')]
        {
            assert_eq!(to_simplified(traditional), simplified);
            assert!(is_simplified_only(simplified));
        }
        // Shared characters are neither.
        for shared in ['客', '服', '官', '方'] {
            assert!(!is_traditional_only(shared) && !is_simplified_only(shared));
        }
    }
}
