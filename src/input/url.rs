//! Links and domains: WHATWG parsing (`url`), UTS #46 (`idna`) and the registrable domain from
//! the Public Suffix List (`psl`).
//!
//! A [`Link`] keeps what the user pasted and what it means: the real host (after user
//! information, IP forms, percent-encoding and full-width characters are resolved), its
//! registrable domain and public suffix, and the hidden characters that were taken out.

use std::fmt;
use std::net::IpAddr;

use url::{Host, Url};

use crate::kind::Kind;
use crate::normalize::{self, HiddenChar};

/// The longest input accepted as one link, in bytes.
pub const MAX_LINK_LEN: usize = 8 * 1024;

/// Why an input is not a link or domain.
///
/// ```
/// use contactguard::input::url::{Link, LinkError};
///
/// assert_eq!(Link::parse("  ").unwrap_err(), LinkError::Empty);
/// assert!(matches!(Link::parse("javascript:alert(1)"), Err(LinkError::Scheme(_))));
/// assert!(matches!(Link::parse("tokenpocket.notatld"), Err(LinkError::UnknownTld(_))));
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// Nothing but white space.
    #[error("the input is empty; paste a link such as https://example.com or a domain such as example.com")]
    Empty,
    /// Over [`MAX_LINK_LEN`] bytes.
    #[error("the input is {0} bytes long; a link is at most {MAX_LINK_LEN} bytes")]
    TooLong(usize),
    /// WHATWG parsing failed.
    #[error("not a valid link: {0}")]
    Parse(url::ParseError),
    /// A scheme that does not name a web host (`mailto:`, `javascript:`).
    #[error("'{0}:' links are not web links; paste an http(s) link or a domain")]
    Scheme(String),
    /// No host in the link.
    #[error("the link names no host")]
    NoHost,
    /// A bare word without a dot.
    #[error("'{0}' has no top-level domain; write it as a domain (example.com) or a link")]
    NoDot(String),
    /// A host holding a character no host name can (`16)i`).
    #[error("'{0}' is not a host name: a host name cannot hold '{1}'")]
    HostChar(String, char),
    /// A name with an empty label (`.pro`, `a..b`).
    #[error("'{0}' has an empty part between dots; check for a missing or doubled '.'")]
    EmptyLabel(String),
    /// A label over 63 bytes or a name over 253 (the DNS limits).
    #[error("'{0}' is longer than a domain name can be (63 characters a label, 253 in all)")]
    TooLongName(String),
    /// A bare name whose last label is not a known top-level domain.
    #[error("'.{0}' is not a known top-level domain; if this is a link, include https://")]
    UnknownTld(String),
    /// No browser opens it as written: it is a link only once look-alike characters (`：`
    /// `／` `＠` `․`) are read as the delimiters they imitate.
    #[error("no browser opens this link as written{}: written with ordinary characters it would be {folded}", describe_chars(chars))]
    Refused {
        /// The look-alike characters, each once.
        chars: Vec<char>,
        /// The link it imitates (WHATWG serialization of the folded text).
        folded: String,
    },
}

/// `: it uses 'x' (NAME), 'y' (NAME) where a link has '/' …`, or nothing.
fn describe_chars(chars: &[char]) -> String {
    if chars.is_empty() {
        return String::new();
    }
    let names: Vec<String> = chars
        .iter()
        .map(|c| format!("'{c}' ({})", normalize::char_name(*c)))
        .collect();
    format!(
        " (it uses {} in place of ordinary punctuation)",
        names.join(", ")
    )
}

/// What a link's host is. An IP address is never compared with a brand's domains.
///
/// ```
/// use contactguard::input::url::{Link, LinkHost};
///
/// let link = Link::parse("http://3232235777/login")?;
/// assert!(matches!(link.host(), LinkHost::Ip(ip) if ip.to_string() == "192.168.1.1"));
/// # Ok::<(), contactguard::input::url::LinkError>(())
/// ```
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum LinkHost {
    /// A domain name.
    Domain(DomainName),
    /// An IP address (any of the forms WHATWG accepts: `3232235777`, `0x7f.1`, `[::1]`).
    Ip(IpAddr),
}

/// Which section of the Public Suffix List a suffix comes from.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum SuffixKind {
    /// Managed by a registry (`com`, `com.cn`).
    Icann,
    /// A service that hands out subdomains (`github.io`, `vercel.app`).
    Private,
    /// Not on the list: the default rule (`*`) applied.
    Unlisted,
}

/// A domain name, in both forms, split at its registrable domain.
///
/// ```
/// use contactguard::input::url::{Link, LinkHost, SuffixKind};
///
/// let link = Link::parse("help.xn--tokenpcket-jvi.pro")?;
/// let LinkHost::Domain(name) = link.host() else { unreachable!("a domain") };
/// assert_eq!(name.unicode(), "help.tokenpоcket.pro"); // Cyrillic о
/// assert_eq!(name.registrable(), Some("xn--tokenpcket-jvi.pro"));
/// assert_eq!((name.suffix(), name.suffix_kind()), ("pro", SuffixKind::Icann));
/// # Ok::<(), contactguard::input::url::LinkError>(())
/// ```
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DomainName {
    ascii: String,
    unicode: String,
    registrable_start: Option<usize>,
    suffix_start: usize,
    suffix_kind: SuffixKind,
}

impl DomainName {
    /// Splits a lowercase ASCII host (as the `url` crate gives it); a trailing dot is dropped.
    pub fn from_ascii(host: &str) -> DomainName {
        let ascii = host.strip_suffix('.').unwrap_or(host).to_owned();
        let (unicode, _) = idna::domain_to_unicode(&ascii);
        let (suffix_start, suffix_kind) = match psl::suffix(ascii.as_bytes()) {
            Some(s) => {
                let kind = match (s.is_known(), s.typ()) {
                    (false, _) => SuffixKind::Unlisted,
                    (true, Some(psl::Type::Private)) => SuffixKind::Private,
                    (true, _) => SuffixKind::Icann,
                };
                (ascii.len() - s.as_bytes().len(), kind)
            }
            None => (0, SuffixKind::Unlisted),
        };
        let registrable_start =
            psl::domain(ascii.as_bytes()).map(|d| ascii.len() - d.as_bytes().len());
        DomainName {
            ascii,
            unicode,
            registrable_start,
            suffix_start,
            suffix_kind,
        }
    }

    /// The host in ASCII (punycode), lowercase, without a trailing dot.
    pub fn ascii(&self) -> &str {
        &self.ascii
    }

    /// The host as a person sees it (punycode decoded).
    pub fn unicode(&self) -> &str {
        &self.unicode
    }

    /// The registrable domain (`tokenpocket.com.cn` for `a.tokenpocket.com.cn`), if the host
    /// has one.
    pub fn registrable(&self) -> Option<&str> {
        self.registrable_start.map(|i| &self.ascii[i..])
    }

    /// The public suffix (`com.cn`); empty when the host is a single label.
    pub fn suffix(&self) -> &str {
        self.ascii.get(self.suffix_start..).unwrap_or_default()
    }

    /// Which list section the suffix comes from.
    pub fn suffix_kind(&self) -> SuffixKind {
        self.suffix_kind
    }

    /// The registrable label: the registrable domain without its suffix (`tokenpocket`).
    pub fn label(&self) -> Option<&str> {
        let start = self.registrable_start?;
        let end = self.suffix_start.checked_sub(1)?;
        self.ascii.get(start..end)
    }

    /// The labels left of the registrable domain (`["a", "b"]` for `a.b.example.com`).
    pub fn subdomain_labels(&self) -> impl Iterator<Item = &str> {
        let end = self
            .registrable_start
            .and_then(|i| i.checked_sub(1))
            .unwrap_or(0);
        self.ascii[..end].split('.').filter(|l| !l.is_empty())
    }

    /// The part left of the registrable domain (`a.b` for `a.b.example.com`).
    pub fn subdomain(&self) -> &str {
        let end = self
            .registrable_start
            .and_then(|i| i.checked_sub(1))
            .unwrap_or(0);
        &self.ascii[..end]
    }
}

/// A parsed link or bare domain.
///
/// The host is the one a browser opens: the WHATWG parser (`url`) reads the input as written,
/// with only what a browser itself removes taken out (tabs, newlines, leading and trailing
/// spaces). Compatibility folding (NFKC) is never applied before parsing, so a full-width `／`
/// stays inside the user information, where a browser keeps it:
///
/// ```
/// use contactguard::input::url::{Link, LinkHost};
///
/// let link = Link::parse("https://tokenpocket.pro@evil.example/login")?;
/// assert_eq!(link.userinfo(), Some("tokenpocket.pro".to_owned()));
/// let LinkHost::Domain(host) = link.host() else { unreachable!() };
/// assert_eq!(host.ascii(), "evil.example");
///
/// let tricked = Link::parse("https://tokenpocket.pro\u{FF0F}@evil.example")?;
/// let LinkHost::Domain(host) = tricked.host() else { unreachable!() };
/// assert_eq!(host.ascii(), "evil.example"); // what a browser opens
/// let folded = tricked.folded().expect("read after folding, it points elsewhere");
/// assert_eq!(folded.host_str(), Some("tokenpocket.pro")); // what a reader sees
/// # Ok::<(), contactguard::input::url::LinkError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Link {
    raw: String,
    kind: Kind,
    url: Url,
    host: LinkHost,
    hidden: Vec<HiddenChar>,
    folded: Option<Url>,
}

impl Link {
    /// Parses a link (`https://…`) or a bare domain (`example.com`, `例子.中国`), as a browser
    /// would open it.
    ///
    /// # Errors
    /// A [`LinkError`] that says what is wrong and what a valid input looks like; a link that
    /// only parses after folding look-alike characters is [`LinkError::Refused`].
    pub fn parse(input: &str) -> Result<Link, LinkError> {
        if input.len() > MAX_LINK_LEN {
            return Err(LinkError::TooLong(input.len()));
        }
        let raw = input.trim().to_owned();
        if raw.is_empty() {
            return Err(LinkError::Empty);
        }
        let cleaned = normalize::clean(&raw);
        let text = raw.clone();
        // What a person reading the text sees: hidden characters out, full-width forms folded.
        let folded_text = cleaned.text.trim().to_owned();
        let (kind, url) = match read(&text) {
            Ok(reading) => reading,
            Err(e) if matches!(e, LinkError::Scheme(_)) => return Err(e),
            // A browser refuses it. Read folded, it may still be a link: one with hidden
            // characters in it is judged as it looks (the hidden characters are the finding);
            // one that needs look-alike delimiters is refused, saying what it imitates.
            Err(e) => match read(&folded_text) {
                Ok(reading)
                    if !cleaned.hidden.is_empty() && lookalike_delimiters(&raw).is_empty() =>
                {
                    reading
                }
                Ok((_, folded)) => {
                    return Err(LinkError::Refused {
                        chars: lookalike_delimiters(&raw),
                        folded: folded.to_string(),
                    })
                }
                Err(_) => return Err(e),
            },
        };
        // Read as it looks only when it looks different (the same text reads the same).
        let folded = (folded_text != text)
            .then(|| read(&folded_text).ok())
            .flatten()
            .map(|(_, f)| f)
            .filter(|f| leads_elsewhere(&url, f));
        let host = match url.host() {
            Some(Host::Domain(d)) => LinkHost::Domain(DomainName::from_ascii(d)),
            Some(Host::Ipv4(ip)) => LinkHost::Ip(IpAddr::V4(ip)),
            Some(Host::Ipv6(ip)) => LinkHost::Ip(IpAddr::V6(ip)),
            None => return Err(LinkError::NoHost),
        };
        if let LinkHost::Domain(d) = &host {
            if d.ascii().split('.').any(str::is_empty) {
                return Err(LinkError::EmptyLabel(d.ascii().to_owned()));
            }
            if d.ascii().len() > 253 || d.ascii().split('.').any(|l| l.len() > 63) {
                return Err(LinkError::TooLongName(d.ascii().to_owned()));
            }
        }
        if let LinkHost::Domain(d) = &host {
            // WHATWG keeps characters in a host that no DNS name can hold (`16)i`): nothing
            // opens there.
            if let Some(c) = d
                .ascii()
                .chars()
                .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
            {
                return Err(LinkError::HostChar(d.ascii().to_owned(), c));
            }
        }
        // Written without a scheme, as in an address bar: a name must end in a known
        // top-level domain, and a bare number is no address (WHATWG reads `1` as 0.0.0.1).
        let schemeless = scheme_of(&text).is_none() && !text.contains("://");
        if schemeless && matches!(host, LinkHost::Ip(_)) && !text.contains(['.', '[']) {
            return Err(LinkError::NoDot(text.clone()));
        }
        if let (true, LinkHost::Domain(d)) = (schemeless, &host) {
            if !d.ascii().contains('.') {
                return Err(LinkError::NoDot(d.ascii().to_owned()));
            }
            if d.suffix_kind() == SuffixKind::Unlisted {
                return Err(LinkError::UnknownTld(d.suffix().to_owned()));
            }
        }
        Ok(Link {
            raw,
            kind,
            url,
            host,
            hidden: cleaned.hidden,
            folded,
        })
    }

    /// The input as given (trimmed).
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// [`Kind::Url`] when the input had a scheme, path, port or `@`; else [`Kind::Domain`].
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The parsed URL (WHATWG serialization): what a browser opens.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The real host.
    pub fn host(&self) -> &LinkHost {
        &self.host
    }

    /// Hidden characters in the input (they stay in it for parsing, as in a browser).
    pub fn hidden(&self) -> &[HiddenChar] {
        &self.hidden
    }

    /// The link as a reader sees it (look-alike characters such as `／` `＃` `＠` folded to the
    /// delimiters they imitate), when that leads somewhere else than the link itself: another
    /// scheme, host, user information or port. `None` when both read the same.
    pub fn folded(&self) -> Option<&Url> {
        self.folded.as_ref()
    }

    /// The characters of the input that look like URL delimiters but are not (`／` for `/`).
    pub fn lookalike_delimiters(&self) -> Vec<char> {
        lookalike_delimiters(&self.raw)
    }

    /// The text before `@` in the authority (`user:pass`), percent-decoded, if any.
    pub fn userinfo(&self) -> Option<String> {
        let user = self.url.username();
        let pass = self.url.password().unwrap_or_default();
        if user.is_empty() && pass.is_empty() {
            return None;
        }
        let joined = if pass.is_empty() {
            user.to_owned()
        } else {
            format!("{user}:{pass}")
        };
        Some(percent_decode(&joined))
    }

    /// Path, query and fragment, percent-decoded and lowercased.
    pub fn rest_lowercase(&self) -> String {
        let mut s = String::from(self.url.path());
        if let Some(q) = self.url.query() {
            s.push('?');
            s.push_str(q);
        }
        if let Some(f) = self.url.fragment() {
            s.push('#');
            s.push_str(f);
        }
        percent_decode(&s).to_lowercase()
    }
}

/// Reads `text` as a browser does: with its scheme, or as `http://` + the text when it has
/// none (what an address bar does with a bare name). Only web schemes are links.
fn read(text: &str) -> Result<(Kind, Url), LinkError> {
    let scheme = scheme_of(text);
    let kind = if scheme.is_some() || text.contains(['/', '?', '#', '@', ':', '\\']) {
        Kind::Url
    } else {
        Kind::Domain
    };
    if let Some(s) = &scheme {
        if !matches!(s.as_str(), "http" | "https" | "ws" | "wss" | "ftp") {
            return Err(LinkError::Scheme(s.clone()));
        }
    }
    let url = match scheme {
        Some(_) => Url::parse(text),
        None => Url::parse(&format!("http://{text}")),
    }
    .map_err(LinkError::Parse)?;
    Ok((kind, url))
}

/// Whether two readings of one input lead to different places: another scheme, host, user
/// information or port.
fn leads_elsewhere(real: &Url, folded: &Url) -> bool {
    real.scheme() != folded.scheme()
        || real.host_str() != folded.host_str()
        || real.username() != folded.username()
        || real.password() != folded.password()
        || real.port_or_known_default() != folded.port_or_known_default()
}

/// The characters of `text` that compatibility folding turns into a URL delimiter (`／` `＼`
/// `＃` `？` `＠` `：` `．` and their small forms): a browser keeps them as ordinary characters,
/// a reader takes them for the delimiter. In order, each once.
pub(crate) fn lookalike_delimiters(text: &str) -> Vec<char> {
    use unicode_normalization::char::decompose_compatible;
    let mut out: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let mut folded = String::new();
        decompose_compatible(c, |d| folded.push(d));
        if matches!(
            folded.as_str(),
            "/" | "\\" | "#" | "?" | "@" | ":" | "." | "%" | "&" | "="
        ) && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.url.as_str())
    }
}

/// The scheme, lowercased, when the text starts with a web scheme and `:` (`https://`,
/// `http:\\`, `https:evil.com`), another scheme followed by `:` and a slash, or a known non-web
/// scheme (`mailto:`).
fn scheme_of(text: &str) -> Option<String> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let after = &text[colon + 1..];
    let known_opaque = matches!(
        scheme.as_str(),
        "mailto" | "tel" | "sms" | "javascript" | "data" | "tg" | "weixin" | "file"
    );
    // A browser takes `https:evil.com` as https://evil.com: the web schemes need no slashes.
    let web = matches!(scheme.as_str(), "http" | "https" | "ws" | "wss" | "ftp");
    (web || after.starts_with('/') || after.starts_with('\\') || known_opaque).then_some(scheme)
}

/// Undoes the usual defanging of threat-intelligence feeds (`hxxp://`, `[.]`, `(.)`, `[dot]`,
/// `{.}`, `[:]`, `[://]`, `[@]`, `(@)`), or `None` when `text` is not defanged. A defanged
/// indicator is checked as the contact it stands for, and the verdict says so.
///
/// ```
/// use contactguard::input::url::refang;
///
/// assert_eq!(refang("hXXps://tokenpocket[.]pro/").as_deref(), Some("https://tokenpocket.pro/"));
/// assert_eq!(refang("service[@]tokenpocket[.]pro").as_deref(), Some("service@tokenpocket.pro"));
/// assert_eq!(refang("tokenpocket.pro"), None);
/// ```
pub fn refang(text: &str) -> Option<String> {
    // Every defanged form has a bracket or starts with `hxx`: most inputs have neither.
    let hxx = text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("hxx"));
    if !hxx && !text.contains(['[', '(', '{']) {
        return None;
    }
    let mut s = text.to_owned();
    for (from, to) in [
        ("[.]", "."),
        ("(.)", "."),
        ("{.}", "."),
        ("[dot]", "."),
        ("[://]", "://"),
        ("[:]", ":"),
        ("[@]", "@"),
        ("(@)", "@"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    for (from, to) in [("hxxps://", "https://"), ("hxxp://", "http://")] {
        if s.get(..from.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(from))
        {
            s = format!("{to}{}", &s[from.len()..]);
        }
    }
    (s != text).then_some(s)
}

/// Whether `host` is `domain` or a name under it (`help.tokenpocket.pro` under
/// `tokenpocket.pro`, not `eviltokenpocket.pro`); both lowercase ASCII.
pub(crate) fn is_at_or_under(host: &str, domain: &str) -> bool {
    host.strip_suffix(domain)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
}

/// `%XX` escapes decoded (invalid UTF-8 replaced).
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(input: &str) -> DomainName {
        match Link::parse(input).map(|l| l.host().clone()) {
            Ok(LinkHost::Domain(d)) => d,
            other => panic!("{input}: {other:?}"),
        }
    }

    #[test]
    fn splits_registrable_and_suffix() {
        let d = domain("https://a.b.tokenpocket.com.cn/x");
        assert_eq!(d.registrable(), Some("tokenpocket.com.cn"));
        assert_eq!(d.label(), Some("tokenpocket"));
        assert_eq!(d.suffix(), "com.cn");
        assert_eq!(d.subdomain(), "a.b");
        assert_eq!(d.subdomain_labels().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn private_suffix_is_recognised() {
        let d = domain("tokenpocket.github.io");
        assert_eq!(d.suffix_kind(), SuffixKind::Private);
        assert_eq!(d.label(), Some("tokenpocket"));
    }

    #[test]
    fn uppercase_trailing_dot_and_full_width_normalize() {
        assert_eq!(
            domain("HTTPS://WWW.TokenPocket.PRO./a/../b").ascii(),
            "www.tokenpocket.pro"
        );
        assert_eq!(
            domain("ｔｏｋｅｎｐｏｃｋｅｔ．ｐｒｏ").ascii(),
            "tokenpocket.pro"
        );
        assert_eq!(domain("tokenpocket。pro").ascii(), "tokenpocket.pro");
    }

    #[test]
    fn ip_forms_are_ip_hosts() {
        for input in [
            "http://3232235777/",
            "http://0x7f.1/",
            "http://[::1]/",
            "http://127.1",
        ] {
            assert!(
                matches!(
                    Link::parse(input).map(|l| l.host().clone()),
                    Ok(LinkHost::Ip(_))
                ),
                "{input}"
            );
        }
    }

    #[test]
    fn kinds_and_errors() {
        assert_eq!(
            Link::parse("example.org").map(|l| l.kind()),
            Ok(Kind::Domain)
        );
        assert_eq!(
            Link::parse("example.org/x").map(|l| l.kind()),
            Ok(Kind::Url)
        );
        assert_eq!(Link::parse("  ").err(), Some(LinkError::Empty));
        assert_eq!(
            Link::parse("tokenpocket").err(),
            Some(LinkError::NoDot("tokenpocket".into()))
        );
        assert!(matches!(
            Link::parse("readme.notatld"),
            Err(LinkError::UnknownTld(_))
        ));
        assert!(matches!(
            Link::parse("mailto:a@b.com"),
            Err(LinkError::Scheme(_))
        ));
        assert!(matches!(
            Link::parse("http://exa mple.com"),
            Err(LinkError::Parse(_))
        ));
    }

    #[test]
    fn defanged_links_are_read_once_refanged() {
        let refanged = refang("hxxps://tokenpocket[.]pro/x").unwrap_or_default();
        assert_eq!(domain(&refanged).ascii(), "tokenpocket.pro");
        assert!(Link::parse("hxxps://tokenpocket[.]pro/x").is_err());
    }

    #[test]
    fn userinfo_and_rest() {
        let l = Link::parse("https://user%40x:pw@evil.example/A%2Fb?Q=1#F").unwrap();
        assert_eq!(l.userinfo().as_deref(), Some("user@x:pw"));
        assert_eq!(l.rest_lowercase(), "/a/b?q=1#f");
    }
}
