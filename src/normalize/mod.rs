//! Text normalization shared by every input kind.
//!
//! Two steps, as in `docs/matching.md` §2.1–§2.2:
//! - [`clean`]: the prefilter every input goes through: hidden characters (zero-width,
//!   bidi controls, fillers) are taken out and remembered, then NFKC folds full-width and
//!   styled forms (`ｔｏｋｅｎ` → `token`).
//! - [`visual_key`]: what a person sees. Two strings with the same visual key look the same;
//!   see the [`visual`] module.
//!
//! [`plain`] (letters and digits, lowercase, Traditional Chinese folded to Simplified by
//! [`hant`]) is how brand names are compared as written.

pub mod hant;
pub mod visual;

use unicode_normalization::UnicodeNormalization;

pub use hant::{is_simplified_only, is_traditional_only};
pub use visual::visual_key;

/// A character taken out of an input because it is invisible or reorders text.
///
/// ```
/// use contactguard::normalize::clean;
///
/// let hidden = clean("token\u{202E}pocket.pro").hidden;
/// assert_eq!((hidden[0].ch, hidden[0].offset), ('\u{202E}', 5));
/// assert!(hidden[0].is_bidi());
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct HiddenChar {
    /// The character.
    pub ch: char,
    /// Its byte offset in the original input.
    pub offset: usize,
}

impl HiddenChar {
    /// Whether it is a bidirectional control (it can reorder what is displayed).
    pub fn is_bidi(self) -> bool {
        is_bidi_control(self.ch)
    }
}

/// Whether `c` is written in a CJK script (Han, Kana, Hangul, Bopomofo).
///
/// ```
/// use contactguard::normalize::is_cjk;
///
/// assert!(is_cjk('钱') && is_cjk('錢') && is_cjk('カ'));
/// assert!(!is_cjk('a') && !is_cjk('，'));
/// ```
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3100}'..='\u{312F}'
        | '\u{3130}'..='\u{318F}'
        | '\u{31A0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// An input after the shared prefilter: [`clean`].
#[derive(Clone, Debug, Default, Eq, PartialEq)]
#[non_exhaustive]
pub struct Cleaned {
    /// NFKC text with hidden characters removed.
    pub text: String,
    /// What was removed, in order.
    pub hidden: Vec<HiddenChar>,
}

/// Removes hidden characters (recording them) and applies NFKC.
///
/// ```
/// use contactguard::normalize::clean;
///
/// let c = clean("ｔｏｋｅｎ\u{200B}ｐｏｃｋｅｔ");
/// assert_eq!(c.text, "tokenpocket");
/// assert_eq!(c.hidden.len(), 1);
/// ```
pub fn clean(input: &str) -> Cleaned {
    let mut hidden = Vec::new();
    let mut kept = String::with_capacity(input.len());
    for (offset, ch) in input.char_indices() {
        if is_hidden(ch) {
            hidden.push(HiddenChar { ch, offset });
        } else {
            kept.push(ch);
        }
    }
    let text = if kept.is_ascii() {
        kept
    } else {
        kept.nfkc().filter(|c| !is_hidden(*c)).collect()
    };
    Cleaned { text, hidden }
}

/// Bidirectional formatting characters: they change the order in which text is shown.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing: Unicode's Default_Ignorable_Code_Point set, which includes
/// the bidi controls, plus the Hangul fillers that render blank.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The letters and digits of `s`, lowercase: a name as written, ignoring spacing, case and
/// punctuation. Brand names in text and in the registry are compared in this form.
///
/// ```
/// use contactguard::normalize::plain;
///
/// assert_eq!(plain("TP Wallet"), "tpwallet");
/// assert_eq!(plain("TP钱包"), "tp钱包");
/// assert_eq!(plain("Blockchain.com"), "blockchaincom");
/// assert_eq!(plain("幣安錢包"), "币安钱包");
/// ```
pub fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(hant::to_simplified)
        .collect()
}

/// The Unicode name of a character (`DIGIT ZERO`), or `U+XXXX` when it has none.
pub fn char_name(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => name.to_string(),
        None => format!("U+{:04X}", u32::from(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_records_hidden_characters_with_offsets() {
        let c = clean("a\u{202E}b\u{00AD}c");
        assert_eq!(c.text, "abc");
        assert_eq!(
            c.hidden,
            vec![
                HiddenChar {
                    ch: '\u{202E}',
                    offset: 1
                },
                HiddenChar {
                    ch: '\u{00AD}',
                    offset: 5
                }
            ]
        );
        assert!(c.hidden[0].is_bidi());
        assert!(!c.hidden[1].is_bidi());
    }

    #[test]
    fn clean_folds_full_width() {
        assert_eq!(
            clean("ＴｏｋｅｎＰｏｃｋｅｔ．ＰＲＯ").text,
            "TokenPocket.PRO"
        );
    }

    #[test]
    fn names_characters() {
        assert_eq!(char_name('0'), "DIGIT ZERO");
        assert_eq!(char_name('о'), "CYRILLIC SMALL LETTER O");
    }
}
