//! The visual key: a string that is equal for two inputs exactly when a person would read
//! them as the same name.
//!
//! Built per character, so that a difference can be traced back to the characters that
//! caused it: NFKC, hidden characters dropped, a few lookalikes UTS #39 misses (Chromium's
//! extra map: `ł`, `ø`, `ħ`, `ŧ`, Cyrillic `к`, `т` …), the UTS #39 confusable skeleton,
//! lowercase, diacritics stripped, then folds for what skeletons keep apart: `i`/`1`/`l`/`|`,
//! `0`/`o`, `m`/`rn`, `w`/`vv`, `d`/`cl`, `k`/`lc` (dnstwist's glyph pairs); separators (`-`, `_`, `.`, space) are dropped.
//! The key is a lookup value, never shown to people.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The visual key of `s`.
///
/// ```
/// use contactguard::normalize::visual_key;
///
/// let key = visual_key("tokenpocket");
/// for lookalike in ["T0kenPocket", "token-pocket", "tokenpоcket", "ｔｏｋｅｎｐｏｃｋｅｔ", "tökenpocket"] {
///     assert_eq!(visual_key(lookalike), key, "{lookalike}");
/// }
/// assert_eq!(visual_key("rnetamask"), visual_key("metamask"));
/// assert_ne!(visual_key("tokenpacket"), key);
/// ```
pub fn visual_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        push_fragment(c, &mut out);
    }
    out
}

/// The visual key of `s` with, for each character of `s`, the byte range of the key it
/// produced (possibly empty).
pub(crate) fn visual_key_spans(s: &str) -> (String, Vec<(char, std::ops::Range<usize>)>) {
    let mut out = String::with_capacity(s.len() + 4);
    let mut spans = Vec::with_capacity(s.len());
    for c in s.chars() {
        let start = out.len();
        push_fragment(c, &mut out);
        spans.push((c, start..out.len()));
    }
    (out, spans)
}

/// The typed key of `s`: what each character stands for as a letter, one character for one
/// (`ТокеnPocket` → `tokenpocket`, `tökenpocket` → `tokenpocket`, `t0kenpocket` →
/// `t0kenpocket`), lowercase, separators (`-`, `_`, `.`, space) and hidden characters dropped.
/// Unlike [`visual_key`] it never expands a letter (`m` stays `m`) nor folds digits, so that
/// one character typed is one edit: near misses are measured on it.
///
/// ```
/// use contactguard::normalize::visual::typed_key;
///
/// assert_eq!(typed_key("Meta-Mask"), "metamask");
/// assert_eq!(typed_key("metamaskk"), "metamaskk");
/// assert_eq!(typed_key("ᴍetamаsk"), "metamask"); // small capital M, Cyrillic а
/// assert_eq!(typed_key("t0kenpocket"), "t0kenpocket");
/// ```
pub fn typed_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_with(c, &mut out, push_typed);
    }
    out
}

/// Appends the visual fragment of one character.
pub(crate) fn push_fragment(c: char, out: &mut String) {
    push_with(c, out, push_ascii);
}

/// The ASCII fold of the typed key: lowercase, separators dropped, nothing else.
fn push_typed(c: char, out: &mut String) {
    match c.to_ascii_lowercase() {
        '-' | '_' | '.' | ' ' => {}
        other => out.push(other),
    }
}

/// Appends what `c` stands for, each ASCII character it maps to passed through `ascii`.
fn push_with(c: char, out: &mut String, push_ascii: fn(char, &mut String)) {
    if c.is_ascii() {
        push_ascii(c, out);
        return;
    }
    if super::is_hidden(c) {
        return;
    }
    if let Some(mapped) = extra_confusable(c) {
        mapped.chars().for_each(|a| push_ascii(a, out));
        return;
    }
    let mut buf = [0u8; 4];
    for d in c.encode_utf8(&mut buf).nfkc() {
        if d.is_ascii() {
            push_ascii(d, out);
            continue;
        }
        if let Some(mapped) = extra_confusable(d) {
            mapped.chars().for_each(|a| push_ascii(a, out));
            continue;
        }
        let mut dbuf = [0u8; 4];
        for e in unicode_security::skeleton(d.encode_utf8(&mut dbuf)) {
            for f in e.to_lowercase() {
                let mut fbuf = [0u8; 4];
                for g in f.encode_utf8(&mut fbuf).nfd() {
                    if is_combining_mark(g) || super::is_hidden(g) {
                        continue;
                    }
                    if g.is_ascii() {
                        push_ascii(g, out);
                    } else if let Some(mapped) = extra_confusable(g) {
                        mapped.chars().for_each(|a| push_ascii(a, out));
                    } else {
                        out.push(g);
                    }
                }
            }
        }
    }
}

/// The ASCII folds, after lowercasing.
fn push_ascii(c: char, out: &mut String) {
    match c.to_ascii_lowercase() {
        '-' | '_' | '.' | ' ' => {}
        'i' | 'l' | '1' | '|' | '!' => out.push('l'),
        '0' => out.push('o'),
        'm' => out.push_str("rn"),
        'w' => out.push_str("vv"),
        'd' => out.push_str("cl"),
        'k' => out.push_str("lc"),
        other => out.push(other),
    }
}

/// Lookalikes that the UTS #39 table does not unify with Latin letters, from Chromium's
/// `skeleton_generator.cc` extra map and its diacritic list (Latin, Greek and Cyrillic only).
fn extra_confusable(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' | 'ӕ' => "ae",
        'ħ' | 'н' | 'ћ' | 'ң' | 'ҥ' | 'ӈ' | 'ӊ' | 'ԋ' | 'ԧ' | 'ԩ' => "h",
        'ĸ' | 'κ' | 'к' | 'қ' | 'ҝ' | 'ҟ' | 'ҡ' | 'ӄ' | 'ԟ' | 'ᴋ' | 'ⱪ' => "k",
        'ŋ' | 'п' | 'ԥ' | 'ꞑ' | 'ƞ' => "n",
        'ŧ' | 'т' | 'ҭ' | 'ԏ' | 'ƫ' | 'ƭ' => "t",
        'ƅ' | 'ь' | 'ҍ' | 'в' | 'ß' => "b",
        'ω' | 'ш' | 'щ' => "w",
        'м' | 'ӎ' => "m",
        'є' | 'ҽ' | 'ҿ' | 'ɇ' => "e",
        'ł' | 'ɫ' | 'ƚ' => "l",
        'ø' | 'ᴏ' | 'ɵ' | 'ǿ' => "o",
        'đ' | 'ɗ' | 'ɖ' => "d",
        'ᴄ' | 'ƈ' | 'ȼ' => "c",
        'ı' => "i",
        'θ' => "0",
        // Latin small capitals and IPA letters that read as the plain letter (the TR39 table
        // leaves them apart; dnstwist's glyph table uses them).
        'ᴀ' | 'ɑ' | 'ə' => "a",
        'ʙ' => "b",
        'ᴅ' => "d",
        'ᴇ' => "e",
        'ꜰ' => "f",
        'ɢ' | 'ԍ' => "g",
        'ʜ' | 'ⱨ' => "h",
        'ɪ' => "i",
        'ᴊ' | 'ʝ' => "j",
        'ʟ' => "l",
        'ᴍ' => "m",
        'ɴ' => "n",
        'ᴘ' => "p",
        'ǫ' => "q",
        'ʀ' | 'ɾ' => "r",
        'ꜱ' => "s",
        'ᴛ' => "t",
        'ᴜ' | 'ʉ' => "u",
        'ᴠ' | 'ᶌ' | 'ⱱ' | 'ⱴ' => "v",
        'ᴡ' | 'ⱳ' => "w",
        'ʏ' => "y",
        'ᴢ' => "z",
        'ʒ' => "3",
        'ƽ' => "5",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_key() {
        let (key, spans) = visual_key_spans("T0-m");
        assert_eq!(key, "torn");
        assert_eq!(spans[0], ('T', 0..1));
        assert_eq!(spans[1], ('0', 1..2));
        assert_eq!(spans[2], ('-', 2..2));
        assert_eq!(spans[3], ('m', 2..4));
    }

    #[test]
    fn folds_agree_between_ascii_and_unicode_paths() {
        // Uppercase M and Cyrillic М must reach the same key as m.
        assert_eq!(visual_key("M"), visual_key("m"));
        assert_eq!(visual_key("\u{041C}"), visual_key("m"));
        assert_eq!(visual_key("W"), "vv");
        assert_eq!(visual_key("vvallet"), visual_key("wallet"));
        assert_eq!(visual_key("clisney"), visual_key("disney"));
        assert_eq!(visual_key("tolcenpocket"), visual_key("tokenpocket"));
    }

    #[test]
    fn idempotent_on_its_own_output() {
        for s in [
            "tokenpocket",
            "metamask",
            "wallet",
            "ΤokenPocket",
            "ţökenpocket",
        ] {
            let k = visual_key(s);
            assert_eq!(visual_key(&k), k, "{s}");
        }
    }
}
