//! Derived text that remembers where it came from, and the segmentation that makes Chinese
//! text safe for link detection.
//!
//! Every byte of a [`Mapped`] text knows the byte range of its source that produced it, so an
//! item found in the derived text is reported at its place in what the user pasted.

use crate::normalize::is_cjk;
use std::ops::Range;

use unicode_normalization::char::decompose_compatible;

use crate::normalize::is_hidden;

/// Text derived from a source, with a map back to it.
#[derive(Debug, Default)]
pub(crate) struct Mapped {
    /// The derived text.
    pub text: String,
    /// For each byte of `text`, the source range it came from.
    src: Vec<(u32, u32)>,
}

impl Mapped {
    /// An empty text with room for `n` bytes.
    pub fn with_capacity(n: usize) -> Mapped {
        Mapped {
            text: String::with_capacity(n),
            src: Vec::with_capacity(n),
        }
    }

    /// Appends `c`, produced by the source bytes `from`.
    pub fn push(&mut self, c: char, from: &Range<usize>) {
        self.text.push(c);
        // Sizes are capped far below u32::MAX by the scan's input cap.
        let pair = (from.start as u32, from.end as u32);
        self.src.extend(std::iter::repeat_n(pair, c.len_utf8()));
    }

    /// The source range of the derived range `span` (which must be non-empty and lie on
    /// character boundaries of `text`).
    pub fn source(&self, span: &Range<usize>) -> Range<usize> {
        match (
            self.src.get(span.start),
            span.end.checked_sub(1).and_then(|e| self.src.get(e)),
        ) {
            (Some(first), Some(last)) => first.0 as usize..last.1 as usize,
            _ => 0..0,
        }
    }
}

/// At most the first `n` bytes of `s`, ending on a character boundary.
pub(crate) fn head(s: &str, n: usize) -> &str {
    let mut cut = s.len().min(n);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// At most the last `n` bytes of the line that `before` ends with (whole characters).
pub(crate) fn tail_of_line(before: &str, n: usize) -> &str {
    let mut start = before.len().saturating_sub(n);
    while !before.is_char_boundary(start) {
        start += 1;
    }
    let tail = &before[start..];
    tail.rsplit('\n').next().unwrap_or(tail)
}

/// CJK and full-width punctuation: a word boundary, never part of a link.
fn is_wide_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '…' | '—' | '–' | '“' | '”' | '‘' | '’' | '·' | '•' | '«' | '»' | '¥' | '￥')
}

/// The ASCII character a full-width form stands for, or `c` itself.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Whether `c` is a letter or digit that reads as ASCII (full-width forms included).
fn is_latinish(c: char) -> bool {
    narrow(c).is_ascii_alphanumeric()
}

/// Prepares `source` for extraction (docs/matching.md §5.1):
///
/// 1. full-width and ideographic punctuation becomes a space, except `。．｡` between
///    letters or digits (a dot in a host) and `：／－＿？＝＆＃％＠` between letters, digits,
///    `/` or `:` (a full-width URL);
/// 2. compatibility forms are folded (NFKC, one character at a time so that every
///    character keeps its source);
/// 3. a space goes between CJK and ASCII letters, digits or `@`, and after ASCII `, ; : ! ?`
///    that precede CJK — but Han after `/ . = ? &` stays (paths, IDN hosts);
/// 4. invisible characters (zero-width, bidi controls) are dropped, so that a link hidden
///    around them is found whole; the checker sees them again in the source span.
pub(crate) fn segment(source: &str) -> Mapped {
    let mut out = Mapped::with_capacity(source.len() + source.len() / 8);
    let chars: Vec<(usize, char)> = source
        .char_indices()
        .filter(|(_, c)| !is_hidden(*c))
        .collect();
    // Runs of seven or more Chinese numerals (separators allowed) are numbers written out
    // (`四零零八八八二三四五`): read as digits, so that they are found as numbers.
    let numeral = |c: char| crate::input::phone::chinese_digit(c).is_some();
    let mut in_number = vec![false; chars.len()];
    let mut k = 0;
    while k < chars.len() {
        if !numeral(chars[k].1) {
            k += 1;
            continue;
        }
        let mut end = k;
        let mut count = 0;
        while end < chars.len()
            && (numeral(chars[end].1) || matches!(chars[end].1, '-' | ' ' | '－'))
        {
            count += usize::from(numeral(chars[end].1));
            end += 1;
        }
        if count >= 7 {
            in_number[k..end].iter_mut().for_each(|b| *b = true);
        }
        k = end.max(k + 1);
    }
    for (k, &(i, c)) in chars.iter().enumerate() {
        let from = i..i + c.len_utf8();
        if in_number[k] {
            let d =
                crate::input::phone::chinese_digit(c).unwrap_or(if c == '－' { '-' } else { c });
            push_spaced(&mut out, d, &from);
            continue;
        }
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1);
        let next = chars.get(k + 1).map(|n| n.1);
        if is_wide_punct(c) {
            let kept = match c {
                '。' | '．' | '｡' => {
                    prev.is_some_and(is_latinish) && next.is_some_and(is_latinish)
                }
                '：' | '／' | '－' | '＿' | '？' | '＝' | '＆' | '＃' | '％' | '＠' => {
                    let joins = |x: char| is_latinish(x) || matches!(narrow(x), '/' | ':');
                    prev.is_some_and(joins) && next.is_some_and(joins)
                }
                '＋' | '（' => next.is_some_and(|n| narrow(n).is_ascii_digit()),
                '）' => prev.is_some_and(|p| narrow(p).is_ascii_digit()),
                _ => false,
            };
            // Between digits, a full-width comma still parts two numbers (`739120，5分钟`).
            let parts_digits = matches!(c, '，' | '、' | '；')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| narrow(n).is_ascii_digit());
            let replacement = match (kept, c) {
                (true, '。' | '｡') => '.',
                (true, _) => narrow(c),
                (false, _) if parts_digits => ',',
                // A sender's tag (`【幣安】`) stays a bracket: it names who speaks.
                (false, '【') => '[',
                (false, '】') => ']',
                (false, _) => ' ',
            };
            push_spaced(&mut out, replacement, &from);
            continue;
        }
        let mut folded = String::new();
        decompose_compatible(c, |d| folded.push(d));
        let folded: String =
            unicode_normalization::UnicodeNormalization::nfc(folded.as_str()).collect();
        for d in folded.chars() {
            push_spaced(&mut out, d, &from);
        }
    }
    out
}

/// Appends `c`, first inserting the space that separates CJK from ASCII.
fn push_spaced(out: &mut Mapped, c: char, from: &Range<usize>) {
    if let Some(last) = out.text.chars().next_back() {
        let ascii_word = |x: char| x.is_ascii_alphanumeric() || x == '@';
        let split = (is_cjk(last) && ascii_word(c))
            || (ascii_word(last) && is_cjk(c))
            || (matches!(last, ',' | ';' | ':' | '!' | '?') && is_cjk(c));
        let keep = is_cjk(c) && matches!(last, '/' | '.' | '=' | '?' | '&');
        if split && !keep {
            out.push(' ', &(from.start..from.start));
        }
    }
    out.push(c, from);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &str) -> String {
        segment(s).text
    }

    #[test]
    fn separates_links_from_chinese() {
        assert_eq!(
            seg("官方网站：https://tokenpocket.pro，客服邮箱"),
            "官方网站 https://tokenpocket.pro 客服邮箱"
        );
        assert_eq!(seg("电报群t.me/x"), "电报群 t.me/x");
        assert_eq!(seg("ｔｏｋｅｎｐｏｃｋｅｔ．ｐｒｏ"), "tokenpocket.pro");
        assert_eq!(seg("tokenpocket。pro"), "tokenpocket.pro");
        assert_eq!(
            seg("ｈｔｔｐｓ：／／ｔｏｋｅｎｐｏｃｋｅｔ．ｐｒｏ"),
            "https://tokenpocket.pro"
        );
        assert_eq!(
            seg("https://x.com/路径?参数=值"),
            "https://x.com/路径?参数=值"
        );
    }

    #[test]
    fn maps_back_to_the_source() {
        let source = "官网：ｔｏｋｅｎ\u{200B}ｐｏｃｋｅｔ．ｐｒｏ。";
        let m = segment(source);
        let start = m.text.find("token").unwrap();
        let end = start + "tokenpocket.pro".len();
        assert_eq!(&m.text[start..end], "tokenpocket.pro");
        let span = m.source(&(start..end));
        assert_eq!(&source[span], "ｔｏｋｅｎ\u{200B}ｐｏｃｋｅｔ．ｐｒｏ");
    }
}
