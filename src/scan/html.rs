//! HTML to text: tags, comments, scripts and styles removed, entities decoded, block tags
//! turned into line breaks; link targets (`href`, `src`) kept as items of their own.
//!
//! This is not a full HTML parser. It reads what saved pages and pasted snippets contain, in
//! one pass, in linear time, and never fails: malformed markup is read as text.

use std::ops::Range;

use super::text::Mapped;

/// A page read as text.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// The visible text, mapped to the input.
    pub text: Mapped,
    /// Ranges of `text` that are headings (`h1`–`h6`, `title`).
    pub headings: Vec<Range<usize>>,
    /// Ranges of `text` inside `<footer>`.
    pub footers: Vec<Range<usize>>,
    /// Links and the text they show: the target's place in the input and the range of
    /// `text` between `<a …>` and `</a>`.
    pub anchors: Vec<Anchor>,
    /// Link targets: decoded, their place in the input, and the offset in `text` of the tag
    /// that holds them.
    pub targets: Vec<(String, Range<usize>, usize)>,
}

/// A link and the text it shows.
#[derive(Debug, Clone)]
pub(crate) struct Anchor {
    /// Where the `href` value is in the input.
    pub href_span: Range<usize>,
    /// The range of the page text the link shows.
    pub shown: Range<usize>,
}

/// Whether `input` looks like HTML rather than text that mentions a tag.
///
/// ```
/// # use contactguard::scan::looks_like_html;
/// assert!(looks_like_html("<!DOCTYPE html><p>hi</p>"));
/// assert!(looks_like_html("<div>TP钱包 <a href=\"https://x.example\">官网</a></div>"));
/// assert!(!looks_like_html("a < b and c > d"));
/// ```
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start();
    let lower: String = head
        .chars()
        .take(512)
        .flat_map(char::to_lowercase)
        .collect();
    if lower.starts_with("<!doctype") || lower.starts_with("<html") || lower.starts_with("<?xml") {
        return true;
    }
    const CLOSERS: &[&str] = &[
        "</a>", "</p>", "</div>", "</span>", "</li>", "</body>", "</h1>", "</h2>", "</h3>",
        "</td>", "</title>",
    ];
    let lower_all = input.to_ascii_lowercase();
    CLOSERS.iter().any(|c| lower_all.contains(c)) || lower_all.contains("<br")
}

/// Tags whose content is never shown.
const HIDDEN_CONTENT: &[&str] = &["script", "style", "template", "svg", "noembed"];

/// Tags that start a new line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// Reads `input` as HTML.
pub(crate) fn read(input: &str) -> Page {
    let mut page = Page {
        text: Mapped::with_capacity(input.len()),
        ..Page::default()
    };
    let bytes = input.as_bytes();
    let lower = input.to_ascii_lowercase();
    let mut heading_start: Option<usize> = None;
    let mut footer_start: Option<usize> = None;
    // The open `<a href>`: the target's place, and where its text starts.
    let mut open_anchor: Option<(Range<usize>, usize)> = None;
    // The next '>' at or after `i`, found once per '>' so that runs of '<' stay linear.
    let mut gt: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if lower[i..].starts_with("<!--") {
                i = lower[i + 4..]
                    .find("-->")
                    .map_or(bytes.len(), |e| i + 4 + e + 3);
                continue;
            }
            if gt.is_none_or(|g| g < i) {
                gt = input[i..].find('>').map(|e| i + e);
            }
            let Some(close) = gt else {
                // An unclosed '<' to the end: text, as a browser shows it.
                push_text(&mut page.text, input, i..bytes.len());
                break;
            };
            let tag = &input[i + 1..close];
            let name_end = tag
                .find(|c: char| c.is_ascii_whitespace() || c == '/' && !tag.starts_with('/'))
                .unwrap_or(tag.len());
            let name = tag[..name_end].trim_start_matches('/').to_ascii_lowercase();
            let closing = tag.starts_with('/');
            if !name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
            {
                // Not a tag ("a < b"): text.
                push_text(&mut page.text, input, i..i + 1);
                i += 1;
                continue;
            }
            if BLOCK.contains(&name.as_str()) {
                page.text.push('\n', &(i..i));
            }
            let is_heading = matches!(
                name.as_str(),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title"
            );
            if is_heading {
                if closing {
                    if let Some(start) = heading_start.take() {
                        page.headings.push(start..page.text.text.len());
                    }
                } else {
                    heading_start = Some(page.text.text.len());
                }
            }
            if name == "footer" {
                if closing {
                    if let Some(start) = footer_start.take() {
                        page.footers.push(start..page.text.text.len());
                    }
                } else {
                    footer_start = Some(page.text.text.len());
                }
            }
            if name == "a" && closing {
                if let Some((href_span, start)) = open_anchor.take() {
                    page.anchors.push(Anchor {
                        href_span,
                        shown: start..page.text.text.len(),
                    });
                }
            }
            if !closing {
                let at = page.text.text.len();
                let attrs = attributes(input, i + 1 + name_end..close);
                if name == "a" {
                    open_anchor = attrs.first().map(|(_, sp)| (sp.clone(), at));
                }
                for (value, span) in attrs {
                    page.targets.push((value, span, at));
                }
            }
            i = close + 1;
            if !closing && HIDDEN_CONTENT.contains(&name.as_str()) && !tag.ends_with('/') {
                let end_tag = format!("</{name}");
                i = lower[i..].find(&end_tag).map_or(bytes.len(), |e| i + e);
            }
            continue;
        }
        let next = input[i..].find('<').map_or(bytes.len(), |e| i + e);
        push_text(&mut page.text, input, i..next);
        i = next;
    }
    page
}

/// Appends the text `range` of `input`, decoding entities; HTML whitespace is one space.
fn push_text(out: &mut Mapped, input: &str, range: Range<usize>) {
    let text = &input[range.clone()];
    let mut rest = text.char_indices().peekable();
    while let Some((k, c)) = rest.next() {
        let at = range.start + k;
        if c == '&' {
            if let Some((decoded, len)) = entity(&text[k..]) {
                out.push(decoded, &(at..at + len));
                while rest.peek().is_some_and(|(j, _)| *j < k + len) {
                    rest.next();
                }
                continue;
            }
        }
        let c = if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        };
        out.push(c, &(at..at + c.len_utf8().max(1)));
    }
}

/// Decodes the entity at the start of `s`: the character and the entity's length.
pub(crate) fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.get(..34.min(s.len())).unwrap_or(s).find(';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{A0}',
            "middot" => '·',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "laquo" => '«',
            "raquo" => '»',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "yen" => '¥',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "commat" => '@',
            "period" => '.',
            "colon" => ':',
            "sol" => '/',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// Collects `href` and `src` values from the attributes in `range` of `input`.
fn attributes(input: &str, range: Range<usize>) -> Vec<(String, Range<usize>)> {
    let mut targets = Vec::new();
    let attrs = &input[range.clone()];
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && !matches!(bytes[i], b'=' | b' ' | b'\t' | b'\n' | b'\r' | b'/') {
            i += 1;
        }
        let name = attrs[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'=' {
            if i == name_start {
                i += 1;
            }
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let (start, end, next) = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = attrs[i + 1..]
                    .find(q as char)
                    .map_or(bytes.len(), |e| i + 1 + e);
                (i + 1, end, end + 1)
            }
            _ => {
                let end = attrs[i..]
                    .find(|c: char| c.is_ascii_whitespace())
                    .map_or(bytes.len(), |e| i + e);
                (i, end, end)
            }
        };
        if matches!(name.as_str(), "href" | "src") && start < end {
            let mut value = Mapped::with_capacity(end - start);
            push_text(&mut value, input, range.start + start..range.start + end);
            let decoded = value.text.trim().to_owned();
            if !decoded.is_empty() {
                targets.push((decoded, range.start + start..range.start + end));
            }
        }
        i = next;
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_targets() {
        let html = "<html><head><title>TP钱包客服</title><style>a{x:1}</style></head>\
                    <body><script>var tel='400-000-0000';</script>\
                    <p>官网 <a href=\"https://evil.example/?a=1&amp;b=2\">tokenpocket.pro</a></p>\
                    <p>邮箱&#xFF1A;service&#64;tokenpocket.pro</p></body></html>";
        let page = read(html);
        assert!(!page.text.text.contains("400-000"));
        assert!(page.text.text.contains("官网 tokenpocket.pro"));
        assert!(page.text.text.contains("邮箱：service@tokenpocket.pro"));
        assert_eq!(page.targets.len(), 1);
        assert_eq!(page.targets[0].0, "https://evil.example/?a=1&b=2");
        assert_eq!(
            &html[page.targets[0].1.clone()],
            "https://evil.example/?a=1&amp;b=2"
        );
        let at = page.text.text.find("service@").unwrap();
        let span = page
            .text
            .source(&(at..at + "service@tokenpocket.pro".len()));
        assert_eq!(&html[span], "service&#64;tokenpocket.pro");
        assert_eq!(page.headings.len(), 1);
    }

    #[test]
    fn reads_broken_markup_as_text() {
        for html in [
            "<",
            "<p",
            "a < b",
            "<a href=",
            "<a href=\"x",
            "&#99999999;",
            "&",
            "<script>",
        ] {
            let _ = read(html);
        }
        assert_eq!(read("a < b</p>").text.text.trim(), "a < b");
    }
}
