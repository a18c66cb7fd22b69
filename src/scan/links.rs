//! Links whose text lies: an HTML anchor or a Markdown link that shows one contact
//! (`tokenpocket.pro`) and opens another (`tp-wallet-cn.com`), phishing's oldest trick. The
//! text is then no contact of its own: the link carries a `deceptive_link_text` finding.

use std::ops::Range;

use crate::verdict::{Detail, Finding, Kind, Status, Technique, Verdict};
use crate::Checker;

use super::ScanItem;

/// The Markdown links `[shown](target)` in `input`: each target's span and the span of the
/// text it shows, in bytes. Linear: each `](` is looked at once, and the text it shows is
/// looked for on its own line only.
pub(crate) fn markdown(input: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    for (at, _) in input.match_indices("](") {
        let target_start = at + 2;
        let Some(len) = input[target_start..].find([')', '\n', ' ']) else {
            continue;
        };
        if !input[target_start + len..].starts_with(')') {
            continue;
        }
        let line_start = input[..at].rfind('\n').map_or(0, |i| i + 1);
        let Some(open) = input[line_start..at].rfind('[') else {
            continue;
        };
        let shown_start = line_start + open + 1;
        if input[shown_start..at].contains(']') {
            continue;
        }
        out.push((target_start..target_start + len, shown_start..at));
    }
    out
}

/// Where a contact leads, in a form two contacts compare by: the host of a link (without
/// `www.`), the mailbox, the number, the handle.
fn destination(v: &Verdict) -> Option<String> {
    let normalized = v.normalized.as_deref()?;
    match v.kind {
        Kind::Url | Kind::Domain => {
            let with_scheme = if normalized.contains("://") {
                normalized.to_owned()
            } else {
                format!("http://{normalized}")
            };
            let url = url::Url::parse(&with_scheme).ok()?;
            let host = url.host_str()?.to_ascii_lowercase();
            Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
        }
        // A handle by its name: `@Trezor` shown on a link to x.com/Trezor is that account
        // (the link gives the platform the text leaves open).
        Kind::Handle => {
            let name = normalized
                .rsplit([':', '@', '/'])
                .next()
                .unwrap_or(normalized);
            Some(name.to_lowercase())
        }
        _ => Some(normalized.to_lowercase()),
    }
}

/// For each link (its target's span and the span of the text it shows, in the input), when
/// the text shows a contact that leads elsewhere than the link: the shown contact is dropped
/// from `items`, and the link's item gets a `deceptive_link_text` finding, an impersonation of
/// the brand whose channel the text shows.
pub(crate) fn expose(
    checker: &Checker,
    items: &mut Vec<ScanItem>,
    links: &[(Range<usize>, Range<usize>)],
) {
    let mut dropped = vec![false; items.len()];
    for (target, shown) in links {
        let Some(link) = items.iter().position(|i| i.span.start == target.start) else {
            continue;
        };
        let Some(opens) = destination(&items[link].verdict) else {
            continue;
        };
        let inside = |i: &ScanItem| i.span.start >= shown.start && i.span.end <= shown.end;
        // A bare name shown on a link to that account (`@Trezor` on x.com/Trezor) is on the
        // link's platform: it gets the link's verdict.
        if items[link].verdict.kind == Kind::Handle {
            let linked = items[link].verdict.clone();
            for item in items.iter_mut().filter(|i| inside(i)) {
                let bare = item.verdict.kind == Kind::Handle
                    && item.verdict.platform.is_none()
                    && destination(&item.verdict).as_ref() == Some(&opens);
                if bare {
                    item.verdict = Verdict {
                        input: item.verdict.input.clone(),
                        ..linked.clone()
                    };
                }
            }
        }
        let lying = items
            .iter()
            .position(|i| inside(i) && destination(&i.verdict).is_some_and(|d| d != opens));
        let Some(s) = lying else { continue };
        dropped[s] = true;
        let shown_verdict = items[s].verdict.clone();
        let shown_text = items[s].text.clone();
        // The channel the text shows: an official one, or the one it imitates.
        let target_ref = match shown_verdict.status {
            Status::Official | Status::Impersonation => {
                shown_verdict.findings.iter().find_map(|f| f.target.clone())
            }
            _ => None,
        };
        let v = &mut items[link].verdict;
        v.findings.insert(
            0,
            Finding::new(
                Technique::DeceptiveLinkText,
                target_ref.clone(),
                Detail::LinkText {
                    shown: shown_text,
                    opens,
                },
            ),
        );
        if let Some(t) = target_ref {
            v.status = Status::Impersonation;
            v.brand = shown_verdict.brand.clone();
            v.official_channels = checker.alternatives(&t.brand, t.kind);
        }
    }
    let mut k = 0;
    items.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_pair_text_and_target() {
        let text = "see [tokenpocket.pro](https://tp-wallet-cn.com) and [x] (y)";
        let links = markdown(text);
        assert_eq!(links.len(), 1);
        assert_eq!(&text[links[0].0.clone()], "https://tp-wallet-cn.com");
        assert_eq!(&text[links[0].1.clone()], "tokenpocket.pro");
    }
}
