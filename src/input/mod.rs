//! Parsing each kind of input, one module per kind:
//!
//! - [`url`]: links and bare domains;
//! - [`phone`]: telephone numbers;
//! - [`handle`]: social-media handles;
//! - [`email`]: e-mail addresses.
//!
//! [`detect`] tells which kind a pasted input is.

pub mod email;
pub mod handle;
pub mod phone;
pub mod platform;
pub mod url;

use crate::kind::Kind;
use crate::normalize;
use handle::Platform;

/// Which kind of contact `input` is, as a person would read it.
///
/// ```
/// use contactguard::input::detect;
/// use contactguard::Kind;
///
/// assert_eq!(detect("https://tokenpocket.pro"), Kind::Url);
/// assert_eq!(detect("tokenpocket.pro"), Kind::Domain);
/// assert_eq!(detect("+1 888 908 7930"), Kind::Phone);
/// assert_eq!(detect("TP钱包客服 400-123-4567"), Kind::Text); // a number in words
/// assert_eq!(detect("@TokenPocket_TP"), Kind::Handle);
/// assert_eq!(detect("https://t.me/tokenpocket_en"), Kind::Handle);
/// assert_eq!(detect("TokenPocket_TP"), Kind::Handle);
/// assert_eq!(detect("service@tokenpocket.pro"), Kind::Email);
/// ```
pub fn detect(input: &str) -> Kind {
    detect_reading(input).0
}

/// [`detect`], with the link it parsed on the way when the input is a link or domain, so that
/// the check does not parse it again.
pub(crate) fn detect_reading(input: &str) -> (Kind, Option<url::Link>) {
    let mut link = None;
    let kind = detect_kind(input, &mut link);
    (kind, link)
}

/// [`detect`]; keeps in `parsed` the link it parsed when the answer is a link or domain.
fn detect_kind(input: &str, parsed: &mut Option<url::Link>) -> Kind {
    let cleaned = normalize::clean(input.trim());
    let text = cleaned.text.trim();
    let lower = text.to_lowercase();
    if lower.starts_with("mailto:") {
        return Kind::Email;
    }
    if lower.starts_with("tel:") || lower.starts_with("callto:") {
        return Kind::Phone;
    }
    if lower.starts_with("tg://")
        || lower.starts_with("market://")
        || lower.starts_with("itms-apps://")
        || text.starts_with('@')
    {
        return Kind::Handle;
    }
    if text.ends_with('>') && text.rfind('<').is_some_and(|i| text[i..].contains('@')) {
        return Kind::Email; // a display name and an address: `Support <service@example.com>`
    }
    if text.starts_with('"') && text.contains("\"@") {
        return Kind::Email; // a quoted local part: `"name"@example.com`
    }
    if text.contains(char::is_whitespace) && is_address_list(text) {
        return Kind::Email;
    }
    if !lower.contains("://") {
        if let Some((local, domain)) = text.rsplit_once('@') {
            if !local.is_empty()
                && !local.contains(char::is_whitespace)
                && !local.contains(['/', '\\'])
                && domain.contains(['.', '。', '．'])
                && !domain.contains('/')
            {
                return Kind::Email;
            }
        }
    }
    for sep in [':', '：'] {
        if let Some((word, _)) = text.split_once(sep) {
            if Platform::from_word(word).is_some() {
                return Kind::Handle;
            }
        }
    }
    if let Some((word, _)) = text.split_once(char::is_whitespace) {
        if Platform::from_word(word).is_some() {
            return Kind::Handle;
        }
    }
    // Words rather than one contact: Chinese, Japanese or Korean writing (which no domain
    // label, handle or number given alone is made of), or words between spaces. A link with
    // a scheme, a quoted address or a list of addresses stays one contact even with spaces in
    // it: browsers drop tabs and line breaks inside links, and mail clients send to every
    // address of a list; what they would open is judged, not the words.
    let spaced_words = text.split_whitespace().any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.contains(char::is_numeric)
    }) && text.split_whitespace().nth(1).is_some()
        && !lower.contains("://")
        && !text.starts_with('"')
        && !is_address_list(text);
    let cjk = text.chars().any(is_cjk);
    if (cjk || spaced_words) && !is_one_link(input) && !is_vanity_number(text) {
        return Kind::Text;
    }
    if phone_span(text).is_some() || is_vanity_number(text) {
        return Kind::Phone;
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits >= 3
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+'))
    {
        return Kind::Phone; // a short service code (95588, 110)
    }
    if text.contains(['.', '/']) {
        // Where a link goes is read from the input as written, as a browser reads it
        // (`x.com／Name@evil.example` is a link to evil.example, not an X profile).
        if let Ok(link) = url::Link::parse(input.trim()) {
            if let url::LinkHost::Domain(d) = link.host() {
                if Platform::of_host(d.ascii()).is_some() && link.userinfo().is_none() {
                    return Kind::Handle;
                }
            }
            let kind = link.kind();
            *parsed = Some(link);
            return kind;
        }
        return if lower.contains("://") {
            Kind::Url
        } else {
            Kind::Domain
        };
    }
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        && text.chars().any(char::is_alphabetic)
    {
        return Kind::Handle;
    }
    Kind::Domain
}

/// Whether `input` is one link or domain without spaces that parses (`tp钱包.com`,
/// `https://x.com/路径`): Chinese in it is part of the name, not words around it.
fn is_one_link(input: &str) -> bool {
    let text = input.trim();
    !text.contains(char::is_whitespace) && url::Link::parse(text).is_ok()
}

/// Whether `text` is only mail addresses, as pasted into a "To" field
/// (`service@tokenpocket.pro, thief@evil.com`) or as a group (`support: a@x.com, b@y.com;`):
/// one input that sends to every address.
fn is_address_list(text: &str) -> bool {
    // A group (`support: a@example.com, b@example.com;`) names its members after the colon.
    let text = match text.strip_suffix(';').and_then(|t| t.split_once(':')) {
        Some((_, members)) => members,
        None => text,
    };
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';'))
        .filter(|t| !t.is_empty())
        .all(|t| t.contains('@'))
}

/// Whether `c` is Chinese, Japanese or Korean writing, or a full-width form of it.
fn is_cjk(c: char) -> bool {
    normalize::is_cjk(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF01}'..='\u{FF60}').contains(&c)
}

/// Whether `text` is a vanity number: digits (at least four, the first one leading, `+`
/// allowed) and then letters that a phone keypad dials (`1-888-COINBASE`, `1-800-FLOWERS`).
///
/// ```
/// use contactguard::input::{detect, is_vanity_number};
/// use contactguard::Kind;
///
/// assert!(is_vanity_number("1-888-COINBASE"));
/// assert_eq!(detect("+1 800 FLOWERS"), Kind::Phone);
/// assert!(!is_vanity_number("web3-wallet"));
/// assert!(!is_vanity_number("0101.systems")); // a domain name
/// ```
pub fn is_vanity_number(text: &str) -> bool {
    let text = text.trim();
    // Lowercase letters after a dot that end in a top-level domain make a domain name
    // (`0101.systems`), not a number spelled with letters (`1-800-FLOWERS`).
    if let Some((_, last)) = text.rsplit_once('.') {
        if !last.is_empty()
            && last.bytes().all(|b| b.is_ascii_lowercase())
            && url::DomainName::from_ascii(text).suffix_kind() == url::SuffixKind::Icann
        {
            return false;
        }
    }
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let letters = body.chars().filter(char::is_ascii_alphabetic).count();
    let first_letter = body
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(body.len());
    body.starts_with(|c: char| c.is_ascii_digit())
        && digits >= 4
        && body[..first_letter]
            .chars()
            .filter(char::is_ascii_digit)
            .count()
            >= 4
        && (3..=10).contains(&letters)
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ' ' | '.' | '(' | ')'))
}

/// Where the number is in a phone-like input: the byte range of the number (with any
/// extension), when the input is a number possibly surrounded by words
/// (`TP钱包客服 400-123-4567`). The words around it are where a brand is claimed.
pub(crate) fn phone_span(text: &str) -> Option<std::ops::Range<usize>> {
    let last_digit = text
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit() || c.is_numeric() || *c == '〇')
        .map(|(i, c)| i + c.len_utf8())
        .next_back()?;
    // Letters that stand for digits at the very end belong to the number (`793O`).
    let end = last_digit
        + text[last_digit..]
            .chars()
            .take_while(|c| matches!(c, 'O' | 'o' | 'l' | 'I' | '|'))
            .map(char::len_utf8)
            .sum::<usize>();
    let suffix = &text[end..];
    if suffix.contains(['/', '@'])
        || suffix
            .split('.')
            .skip(1)
            .any(|s| s.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return None;
    }
    for (start, c) in text.char_indices() {
        if start >= end {
            break;
        }
        if !(c.is_ascii_digit() || c.is_numeric() || matches!(c, '+' | '(' | '〇')) {
            continue;
        }
        let prefix = &text[..start];
        if prefix.contains(['.', '/', '@']) {
            return None;
        }
        let number = &text[start..end];
        let digits = number
            .chars()
            .filter(|c| c.is_ascii_digit() || c.is_numeric() || *c == '〇')
            .count();
        let mut letters = 0;
        let fits = number.chars().all(|c| {
            if c.is_ascii_digit()
                || c.is_numeric()
                || matches!(
                    c,
                    '+' | '(' | ')' | '-' | '.' | ' ' | '/' | '〇' | '#' | ':' | ';' | '=' | ','
                )
            {
                true
            } else if matches!(
                c,
                'O' | 'o'
                    | 'l'
                    | 'I'
                    | '|'
                    | '转'
                    | '轉'
                    | '分'
                    | '机'
                    | '機'
                    | 'e'
                    | 'x'
                    | 't'
                    | 'E'
                    | 'X'
                    | 'T'
            ) {
                letters += usize::from(c.is_ascii_alphabetic());
                true
            } else {
                false
            }
        });
        if fits && digits >= 5 && letters <= 3 {
            return Some(start..end);
        }
    }
    None
}
