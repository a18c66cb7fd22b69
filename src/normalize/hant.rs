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

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
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
        for (t, s) in first_forms(TABLE) {
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

/// OpenCC's `STCharacters.txt` (a Simplified character, its Traditional forms, the usual
/// first) and `TWVariants.txt` (the forms written in Taiwan: 爲 → 為).
const TO_TRADITIONAL: &str = include_str!("../../data/hant/STCharacters.txt");
const TW_VARIANTS: &str = include_str!("../../data/hant/TWVariants.txt");

/// Words whose Traditional form is not their characters' usual one, as they occur in what
/// contactguard writes (checked against OpenCC's phrase conversion, `s2tw`).
const PHRASES: &[(&str, &str)] = &[
    ("联系", "聯繫"),
    ("公布", "公佈"),
    ("注册", "註冊"),
    ("账号", "帳號"),
    ("账户", "帳戶"),
    ("链接", "連結"),
];

/// The pairs of an OpenCC character table: a character and its first form, for the lines
/// where both are one character.
fn first_forms(table: &'static str) -> impl Iterator<Item = (char, char)> {
    table.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        let from = single(fields.next()?)?;
        let to = single(fields.next()?.split(' ').next()?)?;
        Some((from, to))
    })
}

fn traditional_table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let variants: HashMap<char, char> = first_forms(TW_VARIANTS).collect();
        let mut table = HashMap::new();
        for (from, to) in first_forms(TO_TRADITIONAL) {
            let to = variants.get(&to).copied().unwrap_or(to);
            if to != from {
                table.insert(from, to);
            }
        }
        for (from, to) in &variants {
            table.entry(*from).or_insert(*to);
        }
        table
    })
}

/// What contactguard wrote in Simplified Chinese, in Traditional characters as written in
/// Taiwan and Hong Kong. Chinese that is part of a contact is left as it is: a run of Chinese
/// characters touching `.` `/` `@` `:` `-` `_` (or their full-width forms) belongs to a domain,
/// a path or an address (`tp钱包.com`), and changing one character would name another.
///
/// ```
/// use contactguard::normalize::hant::to_traditional;
///
/// assert_eq!(to_traditional("请不要使用它，联系官方客服"), "請不要使用它，聯繫官方客服");
/// assert_eq!(to_traditional("它在冒充 tp钱包.com"), "它在冒充 tp钱包.com");
/// ```
pub fn to_traditional(text: &str) -> String {
    let table = traditional_table();
    let chars: Vec<char> = text.chars().collect();
    let joins = |c: Option<&char>| {
        c.is_some_and(|c| matches!(c, '.' | '/' | '@' | ':' | '-' | '_' | '．' | '／' | '＠'))
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !super::is_cjk(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && super::is_cjk(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let before = start.checked_sub(1).and_then(|k| chars.get(k));
        if joins(before) || joins(chars.get(i)) {
            out.push_str(&run);
            continue;
        }
        let mut converted = run;
        for (simplified, traditional) in PHRASES {
            converted = converted.replace(simplified, traditional);
        }
        out.extend(
            converted
                .chars()
                .map(|c| table.get(&c).copied().unwrap_or(c)),
        );
    }
    out
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
        assert_eq!(
            to_traditional("它不在登记册中：我们无法为它担保。请只通过以下官方渠道联系"),
            "它不在登記冊中：我們無法為它擔保。請只通過以下官方渠道聯繫"
        );
        // Shared characters are neither.
        for shared in ['客', '服', '官', '方'] {
            assert!(!is_traditional_only(shared) && !is_simplified_only(shared));
        }
    }
}
