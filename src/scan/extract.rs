//! Finding the contacts in segmented text: e-mail addresses, links and bare domains,
//! labelled IDs (`微信：…`, `QQ群 …`), `@handles` and phone numbers.
//!
//! Each pass masks what it took, so that later passes do not find a number inside a link or
//! a handle inside an e-mail address (docs/matching.md §5.2).

use std::ops::Range;
use std::sync::OnceLock;

use linkify::{LinkFinder, LinkKind};

use super::text::{head, tail_of_line};
use crate::input::handle::Platform;
use crate::input::platform;

/// What a piece of text was taken for.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum What {
    /// A link or a bare domain.
    Link,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// A handle, on a platform when the text names one.
    Handle(Option<Platform>),
}

/// A contact found in the segmented text.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) struct Found {
    /// Where it is in the segmented text.
    pub span: Range<usize>,
    /// What it was taken for.
    pub what: What,
}

/// File extensions that are also top-level domains: `readme.md` without a scheme is a file.
const FILE_EXTENSIONS: &[&str] = &[
    "md", "txt", "zip", "mov", "js", "json", "png", "jpg", "jpeg", "gif", "svg", "html", "htm",
    "php", "py", "rs", "sh", "apk", "exe", "pdf", "doc", "docx", "csv", "mp4", "dmg", "sol", "ts",
    "go", "pl", "rar", "xls", "xlsx", "ppt", "webp",
];

/// Words that label the ID after them, and the platform of the ID, longest first: the words of
/// the platforms whose rows take IDs written after a label (`微信：…`), without single letters
/// and host names.
fn labels() -> &'static [(&'static str, Platform)] {
    static LABELS: OnceLock<Vec<(&'static str, Platform)>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut all: Vec<(&'static str, Platform)> = platform::words()
            .filter(|(word, p)| {
                p.descriptor().has_labels() && word.chars().count() >= 2 && !word.contains('.')
            })
            .collect();
        all.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        all
    })
}

/// The first two bytes of every label (each has two characters or more), as a set of 65,536
/// bits: a position where no label can start is passed over without comparing any.
fn label_starts() -> &'static [u64; 1024] {
    static STARTS: OnceLock<[u64; 1024]> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut set = [0u64; 1024];
        for (word, _) in labels() {
            if let Some((word, bit)) = first_two(word.as_bytes()) {
                set[word] |= bit;
            }
        }
        set
    })
}

/// Where the first two bytes of `bytes` are in the set of [`label_starts`]: the word and the
/// bit in it. `None` when `bytes` is shorter.
fn first_two(bytes: &[u8]) -> Option<(usize, u64)> {
    let [a, b, ..] = bytes else {
        return None;
    };
    let k = usize::from(*a) << 8 | usize::from(*b);
    Some((k >> 6, 1 << (k & 63)))
}

/// Whether a label may start at the start of `rest`.
fn may_start_label(rest: &[u8]) -> bool {
    first_two(rest).is_some_and(|(word, bit)| label_starts()[word] & bit != 0)
}

/// Words between a label and its ID (`微信号：`, `QQ群 ID:`).
const FILLERS: &[&str] = &[
    "群号", "群", "号码", "号", "账号", "帐号", "id", "是", "为", "搜索", "添加", ":", "-", " ",
    "\u{a0}",
];

/// Words before a short number that make it a phone number (`拨打 95588`).
const PHONE_WORDS: &[&str] = &[
    "电话", "電話", "热线", "熱線", "拨打", "致电", "号码", "客服", "手机", "call", "tel", "phone",
    "hotline", "dial", "联系",
];

/// Words before a number that make it something else (`订单号 2024…`).
const NOT_PHONE_WORDS: &[&str] = &[
    "订单",
    "单号",
    "编号",
    "order",
    "invoice",
    "金额",
    "价格",
    "余额",
    "验证码",
    "code",
    "id",
    "no.",
    "#",
    "block",
    "区块",
    "高度",
];

/// Every contact in `text` (already segmented), in order, without overlaps.
pub(crate) fn contacts(text: &str) -> Vec<Found> {
    let mut masked = Masked {
        bytes: text.as_bytes().to_vec(),
        found: Vec::new(),
    };

    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Email]);
    let emails: Vec<Range<usize>> = finder.links(text).map(|l| l.start()..l.end()).collect();
    masked.take_all(emails.into_iter().map(|s| (s, What::Email)));

    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]).url_must_have_scheme(false);
    let links: Vec<Range<usize>> = finder
        .links(masked.text())
        .filter(|l| is_link(l.as_str()))
        .map(|l| l.start()..l.end())
        .collect();
    masked.take_all(links.into_iter().map(|s| (s, What::Link)));

    let labels = labelled(masked.text());
    masked.take_all(labels);
    let handles = handles(masked.text());
    masked.take_all(handles);
    let phones = phones(masked.text());
    masked.take_all(phones.into_iter().map(|s| (s, What::Phone)));

    let mut found = masked.found;
    found.sort_by_key(|f| f.span.start);
    found
}

/// The text with what earlier passes took blanked out, and what they took.
struct Masked {
    bytes: Vec<u8>,
    found: Vec<Found>,
}

impl Masked {
    /// The masked text. Blanking replaces whole characters with spaces, so it stays UTF-8.
    fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap_or_default()
    }

    /// Records each span as its kind and blanks it out.
    fn take_all(&mut self, spans: impl IntoIterator<Item = (Range<usize>, What)>) {
        let boundary = |bytes: &[u8], i: usize| {
            i == bytes.len() || bytes.get(i).is_some_and(|b| b & 0xC0 != 0x80)
        };
        for (span, what) in spans {
            if span.is_empty()
                || !boundary(&self.bytes, span.start)
                || !boundary(&self.bytes, span.end)
            {
                continue;
            }
            if let Some(bytes) = self.bytes.get_mut(span.clone()) {
                bytes.fill(b' ');
                self.found.push(Found { span, what });
            }
        }
    }
}

/// Whether a link-finder hit is a link: schemes are; a bare domain needs a known public
/// suffix and must not be a file name.
fn is_link(hit: &str) -> bool {
    if hit.contains("://") {
        return true;
    }
    let host = hit
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit_once('@')
        .map_or_else(
            || hit.split(['/', '?', '#']).next().unwrap_or_default(),
            |(_, h)| h,
        );
    let host = host.split(':').next().unwrap_or_default().to_lowercase();
    let Some((_, tld)) = host.trim_end_matches('.').rsplit_once('.') else {
        return false;
    };
    if tld.chars().all(|c| c.is_ascii_digit())
        || FILE_EXTENSIONS.contains(&tld) && !hit.contains('/')
    {
        return false;
    }
    psl::suffix(host.as_bytes()).is_some_and(|s| s.is_known())
}

/// Labelled IDs: `微信：tpkf888`, `QQ群 123456789`, `电报: @name`.
fn labelled(text: &str) -> Vec<(Range<usize>, What)> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lowercasing changed byte lengths (rare scripts): fall back to ASCII folding.
        return labelled_in(text, &text.to_ascii_lowercase());
    }
    labelled_in(text, &lower)
}

fn labelled_in(text: &str, lower: &str) -> Vec<(Range<usize>, What)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let rest = &lower[i..];
        let hit = may_start_label(rest.as_bytes())
            .then(|| {
                labels().iter().find(|(word, _)| {
                    rest.starts_with(word)
                        && (!word.is_ascii()
                            || !lower[..i].ends_with(|c: char| c.is_ascii_alphanumeric())
                                && !rest[word.len()..]
                                    .starts_with(|c: char| c.is_ascii_alphanumeric()))
                })
            })
            .flatten();
        let Some((word, label)) = hit else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut j = i + word.len();
        let mut filler = 0;
        'fill: while filler < 8 {
            for f in FILLERS {
                if lower[j..].starts_with(f) {
                    j += f.len();
                    filler += 1;
                    continue 'fill;
                }
            }
            break;
        }
        let separated = lower[i + word.len()..j].contains(':') || !word.is_ascii();
        let id = label_id(&text[j..], *label).filter(|(len, _)| {
            let id = &text[j..j + len];
            separated
                || id.starts_with('@')
                || id.contains(|c: char| c.is_ascii_digit() || c == '_')
        });
        if let Some(id) = id {
            out.push((j..j + id.0, id.1));
            i = j + id.0;
        } else {
            i += word.len();
        }
    }
    out
}

/// The ID at the start of `s` for a label of `platform`: its length and what it is.
fn label_id(s: &str, platform: Platform) -> Option<(usize, What)> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let s = head(s, 64);
    let len = s
        .find(|c: char| !(word(c) || c == '-' || c == '@' || c == '.'))
        .unwrap_or(s.len());
    let id = s[..len].trim_end_matches(['.', '-']);
    let bare = id.strip_prefix('@').unwrap_or(id);
    if bare.is_empty() || bare.contains('@') || bare.contains('.') {
        return None;
    }
    platform
        .descriptor()
        .labels(bare)
        .then_some((id.len(), What::Handle(Some(platform))))
}

/// `@name` handles, with the platform named just before them (`推特 @x`, `Telegram: @y`).
fn handles(text: &str) -> Vec<(Range<usize>, What)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        if at > 0
            && matches!(bytes[at - 1], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.' | b'@' | b'/' | b'-')
        {
            continue;
        }
        let len = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .take(33)
            .count();
        if len == 0 || len > 32 {
            continue;
        }
        let end = at + 1 + len;
        if bytes.get(end).is_some_and(|b| matches!(b, b'@' | b'-')) {
            continue;
        }
        out.push((at..end, What::Handle(platform_before(&text[..at]))));
    }
    out
}

/// The platform named just before a handle, in the same clause of the same line: the last
/// word (`电报 @x`, `Twitter: @y`) or one of the eight before it (`their X is @MetaMask`,
/// `the only X accounts run by the team are @MetaMask and @MetaMaskSupport`).
fn platform_before(before: &str) -> Option<Platform> {
    let line = tail_of_line(before, 96);
    let clause = line
        .rsplit(['。', '，', ',', ';', '；', '!', '！', '?', '？', '(', '（'])
        .next()
        .unwrap_or_default();
    clause
        .split([' ', ':', '：', '\u{a0}'])
        .filter(|w| !w.is_empty())
        // Other handles of a list (`@A and @B`) share the platform named before the first.
        .filter(|w| !w.starts_with('@') && !matches!(*w, "and" | "or" | "&" | "和" | "或" | "及"))
        .rev()
        .take(8)
        .find_map(platform_word)
}

/// The platform a word names, also at the end of a Chinese phrase (`官方电报`).
fn platform_word(word: &str) -> Option<Platform> {
    if let Some(p) = Platform::from_word(word) {
        return Some(p);
    }
    let lower = word.to_lowercase();
    platform::words()
        .filter(|(w, _)| !w.is_ascii())
        .find(|(w, _)| lower.ends_with(w))
        .map(|(_, p)| p)
}

/// Telephone numbers: runs of digits with the separators numbers are written with, `+` or
/// `00` in front, letters that stand for digits (`4OO`), and a `转`/`ext` extension after.
fn phones(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts = b.is_ascii_digit()
            || (matches!(b, b'+' | b'(')
                && bytes
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_digit() || *n == b'+'));
        let glued = i > 0
            && matches!(bytes[i - 1], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.' | b'/' | b'$' | b'#' | b'%' | b'-' | b'+');
        if !starts || glued {
            i += 1;
            continue;
        }
        let (mut end, mut digits, letters) = number_end(bytes, i);
        // Service hours written after a number (`24/7`, `7x24小时`, `（7*24h）`) are no part
        // of it.
        while let Some((cut, dropped)) = hours_after(text, i, end) {
            end = cut;
            digits -= dropped;
        }
        // A vanity number: capital letters after the digits (`1-888-COINBASE`).
        if let Some(vanity) = vanity_end(text, i, end) {
            out.push(i..vanity);
            i = vanity + 1;
            continue;
        }
        let next = i.max(end);
        if let Some(span) = accept(text, i..end, digits, letters) {
            out.push(span);
        }
        i = next + 1;
    }
    out
}

/// Where a vanity number that starts at `start` ends, when the digits `text[start..end]` are
/// followed by a dash or space and three to ten capital letters (`1-888-COINBASE`,
/// `+1 800 FLOWERS`), and the whole reads as one ([`crate::input::is_vanity_number`]).
fn vanity_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let after = text.get(end..)?;
    let sep = after.chars().next().filter(|c| matches!(c, '-' | ' '))?;
    let letters = &after[sep.len_utf8()..];
    let run = letters
        .find(|c: char| !(c.is_ascii_uppercase() || c == '-'))
        .unwrap_or(letters.len());
    let run = letters[..run].trim_end_matches('-').len();
    let count = letters[..run]
        .chars()
        .filter(char::is_ascii_uppercase)
        .count();
    if !(3..=10).contains(&count) || letters[run..].starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return None;
    }
    let stop = end + sep.len_utf8() + run;
    // A whole number's worth of keys (`800-FLOWERS`), not a code (`2024-ABC`).
    let digits = text[start..end]
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    (digits + count >= 10 && crate::input::is_vanity_number(&text[start..stop])).then_some(stop)
}

/// What follows a group of digits that makes it part of service hours, not of a number:
/// `24/7`, `7x24`, `7*24`, `7×24`, `24h`, `24小时`, `24時間`, `24 hours`.
const HOURS_MARKERS: &[&str] = &["/", "x", "X", "*", "×", "h", "H", " hours", " hrs", " h "];
const HOURS_MARKERS_CJK: &[&str] = &["小时", "小時", "时", "時", "天", "×"];

/// When the last group of the number `text[start..end]` is service hours (set apart by a space
/// or a bracket, at most two digits, and followed by an hours marker), where the number ends
/// without it and how many digits that drops.
fn hours_after(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let number = &text[start..end];
    let group_start = number.rfind(|c: char| !c.is_ascii_digit())? + 1;
    let group = &number[group_start..];
    let sep = number[..group_start].chars().next_back()?;
    if group.is_empty() || group.len() > 2 || !matches!(sep, ' ' | '(') {
        return None;
    }
    let after = &text[end..];
    // Chinese text comes segmented, a space between digits and characters.
    let spaced = after.strip_prefix(' ').unwrap_or(after);
    if !HOURS_MARKERS.iter().any(|m| after.starts_with(m))
        && !HOURS_MARKERS_CJK.iter().any(|m| spaced.starts_with(m))
    {
        return None;
    }
    let kept = number[..group_start].trim_end_matches([' ', '(', '-', '.']);
    if kept.is_empty() {
        return None;
    }
    Some((start + kept.len(), group.len()))
}

/// Where the number starting at `start` ends, its digit count and its letters-for-digits.
fn number_end(bytes: &[u8], start: usize) -> (usize, usize, usize) {
    let mut end = start;
    let mut digits = 0;
    let mut letters = 0;
    let mut seps = 0;
    let mut i = start;
    while i < bytes.len() && digits <= 20 {
        let b = bytes[i];
        if b.is_ascii_digit() {
            digits += 1;
            seps = 0;
            end = i + 1;
        } else if matches!(b, b'O' | b'o' | b'l' | b'I')
            && letters < 3
            && i > start
            && bytes[i - 1].is_ascii_digit()
                | matches!(bytes[i - 1], b'-' | b' ' | b'O' | b'o' | b'l' | b'I')
            && bytes.get(i + 1).is_some_and(|n| {
                n.is_ascii_digit() || matches!(n, b'-' | b' ' | b'O' | b'o' | b'l' | b'I')
            })
        {
            letters += 1;
            seps = 0;
            end = i + 1;
        } else if matches!(b, b' ' | b'-' | b'.' | b'(' | b')' | b'+')
            && seps < 3
            && !(b == b'+' && i > start)
        {
            seps += 1;
            if b == b')' {
                end = i + 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    // A trailing ')' belongs only if a '(' opened it.
    let slice = &bytes[start..end];
    if slice.ends_with(b")")
        && slice.iter().filter(|b| **b == b'(').count()
            < slice.iter().filter(|b| **b == b')').count()
    {
        end -= 1;
    }
    while end > start
        && !bytes[end - 1].is_ascii_digit()
        && bytes[end - 1] != b')'
        && !matches!(bytes[end - 1], b'O' | b'o' | b'l' | b'I')
    {
        end -= 1;
    }
    (end, digits, letters)
}

/// The phone number in `span`, with any extension, if it reads as one.
fn accept(text: &str, span: Range<usize>, digits: usize, letters: usize) -> Option<Range<usize>> {
    let number = &text[span.clone()];
    let after = &text[span.end..];
    if !(5..=20).contains(&(digits + letters)) || letters > 0 && digits < 6 {
        return None;
    }
    let extension = extension_len(after);
    // Glued to letters or more digits: a code, a version, a date or a time.
    if after.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '%' | '_' | '/'))
        && extension == 0
        || after.starts_with(['.', ':']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let groups: Vec<&str> = number
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|g| !g.is_empty())
        .collect();
    // Dates (2024-01-01, 2024.1.1) and dotted versions or addresses.
    if groups.len() == 3
        && groups[0].len() == 4
        && groups[1].len() <= 2
        && groups[2].len() <= 2
        && number.contains(['-', '.', '/'])
    {
        return None;
    }
    if number.contains('.') && groups.iter().any(|g| g.len() == 1) {
        return None;
    }
    // A long unbroken run without '+' is an order or account number.
    if !number.starts_with('+') && groups.len() == 1 && digits >= 14 {
        return None;
    }
    let line: String = tail_of_line(&text[..span.start], 64)
        .to_lowercase()
        .chars()
        .map(crate::normalize::hant::to_simplified)
        .collect();
    let before: String = line
        .chars()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if NOT_PHONE_WORDS.iter().any(|w| before.contains(w))
        && !PHONE_WORDS.iter().any(|w| before.contains(w))
    {
        return None;
    }
    if digits < 7 && !number.starts_with('+') && !PHONE_WORDS.iter().any(|w| before.contains(w)) {
        return None;
    }
    Some(span.start..span.end + extension)
}

/// The length of a `转 8` / `ext. 8` / `x8` extension at the start of `after`.
fn extension_len(after: &str) -> usize {
    let trimmed = after.trim_start_matches(' ');
    let lead = after.len() - trimmed.len();
    let lower = head(trimmed, 12).to_ascii_lowercase();
    for marker in ["转", "轉", "分机", "分機", "extension", "ext.", "ext", "x"] {
        if let Some(rest) = lower
            .get(..marker.len())
            .filter(|m| *m == marker)
            .map(|_| &trimmed[marker.len()..])
        {
            let body = rest.trim_start_matches([' ', ':']);
            let n = body.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=6).contains(&n) && !body[n..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return lead + marker.len() + (rest.len() - body.len()) + n;
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::text::segment;

    fn items(text: &str) -> Vec<(String, What)> {
        let seg = segment(text);
        contacts(&seg.text)
            .into_iter()
            .map(|f| (text[seg.source(&f.span)].to_owned(), f.what))
            .collect()
    }

    #[test]
    fn finds_each_kind() {
        let text = "官方客服：400-123-4567，或拨打＋８６ １３８ ００１３ ８０００；海外 +1 (888) 908-7930。\
                    QQ群 123456789，订单号 20240101123456，微信：tpkf8888 电报@tp_help 官网tokenpocket.pro，\
                    邮箱Foo.Bar+scam@Gmail.com Tel: 010-12345678 转 8 版本 v2.3.1 readme.md 2024-01-01";
        let found = items(text);
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "400-123-4567",
                "＋８６ １３８ ００１３ ８０００",
                "+1 (888) 908-7930",
                "123456789",
                "tpkf8888",
                "@tp_help",
                "tokenpocket.pro",
                "Foo.Bar+scam@Gmail.com",
                "010-12345678 转 8",
            ]
        );
        assert_eq!(found[3].1, What::Handle(Some(Platform::Qq)));
        assert_eq!(found[4].1, What::Handle(Some(Platform::Wechat)));
        assert_eq!(found[5].1, What::Handle(Some(Platform::Telegram)));
        assert_eq!(found[7].1, What::Email);
    }

    #[test]
    fn short_numbers_need_a_phone_word() {
        assert_eq!(items("请拨打95588咨询").len(), 1);
        assert!(items("共有12345人参加").is_empty());
        assert_eq!(items("客服电话 4OO-l23-4567")[0].0, "4OO-l23-4567");
    }
}
